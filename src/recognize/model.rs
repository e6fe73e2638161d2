//! The learned entity tagger: a greedy left-to-right BILOU tagger over `segment`'s tokens, scored
//! by the averaged perceptron of `syntax::perceptron`.
//!
//! Its features are listed in one place ([`features`]): the word, its lowercase form, shape and
//! affixes, the words and shapes around it, the two tags it predicted before, where it stands in
//! the sentence, what the lexicon knows about it (first names, surnames, role words, head nouns,
//! common words, demonyms, gazetteer hits in BILOU form), and what the document says about it (the
//! same word written in lowercase elsewhere, the type it was tagged with earlier). The lexicon's
//! lists are features here, not decisions. Tags are decoded greedily under the BILOU constraints,
//! so every span is well formed. This module reads no files: the weights come in as bytes
//! ([`NerModel::from_bytes`]); the model trained by `hearsay train ner` is compiled into the
//! binary ([`embedded`]). Training lives in `recognize::train`.

use super::Mention;
use crate::lexicon::{EntityType, Known, Lexicon, RoleClass};
use crate::syntax::perceptron::{Features, Model, ModelError, argmax, feature_set_hash};
use crate::syntax::tagger::shape;
use crate::text::Span;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::cell::OnceCell;
use std::ops::Range;
use std::sync::LazyLock;

/// The kind written in the weights file's header.
pub const KIND: &str = "ner";

/// The feature templates, in order; their hash is stored with the weights, so that a model
/// trained with other templates is refused. Change the version when a template changes.
pub const TEMPLATES: &str = "ner-features v4 (lowercase gazetteer hits): pre4 suf5 w-1|w+1 shape-2 shape+2 run rule rule-name rule-1 rule+1 rule|shape bias w lw shape long-shape pre1 pre2 pre3 suf2 suf3 suf4 \
w-1 w+1 w-2 w+2 shape-1 shape+1 shape-1|0|+1 w-1|w w|w+1 t-1 t-2|t-1 t-1|w t-1|shape first first|shape \
after-open caps-line fn sn fn-1 sn+1 common demonym role role-1 role-2 noun noun+1 noun+2 gaz gaz-1 gaz+1 \
gaz|shape lower-elsewhere upper-elsewhere seen-as seen-as|shape";

/// The class names: `O`, then `B-`, `I-`, `L-`, `U-` of each type.
pub const CLASSES: [&str; 13] =
    ["O", "B-PER", "I-PER", "L-PER", "U-PER", "B-ORG", "I-ORG", "L-ORG", "U-ORG", "B-LOC", "I-LOC", "L-LOC", "U-LOC"];

/// The types in class order.
const TYPES: [EntityType; 3] = [EntityType::Person, EntityType::Organization, EntityType::Place];

/// The weights that `hearsay train ner` wrote to data/models/ner.hsm.
static EMBEDDED: &[u8] = include_bytes!("../../data/models/ner.hsm");

/// The compiled-in model, read once per process.
pub fn embedded() -> Result<&'static NerModel, &'static ModelError> {
    static MODEL: LazyLock<Result<NerModel, ModelError>> = LazyLock::new(|| NerModel::from_bytes(EMBEDDED));
    MODEL.as_ref()
}

/// The feature-set hash of this build.
pub fn feature_hash() -> u64 {
    feature_set_hash(TEMPLATES)
}

/// A trained entity tagger.
#[derive(Debug, Clone)]
pub struct NerModel {
    model: Model,
}

/// A typed span of tokens `[start, end)` within one sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tagged {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// Its type.
    pub kind: EntityType,
}

impl NerModel {
    /// Reads a model, refusing another kind or other features.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, ModelError> {
        Ok(NerModel { model: Model::from_bytes(bytes, KIND, feature_hash())? })
    }

    /// The notes the trainer wrote (data, licence, settings).
    pub fn notes(&self) -> &str {
        &self.model.notes
    }

    /// The number of features with weights.
    pub fn weighted_features(&self) -> usize {
        self.model.len()
    }

    /// Tags every sentence of one document (each a list of token texts, with the rules' hints for
    /// each token), in order.
    pub fn tag(&self, lexicon: &Lexicon, sentences: &[Vec<&str>], hints: &[Vec<Option<Hint>>]) -> Vec<Vec<Tagged>> {
        let mut doc = DocContext::new(sentences);
        sentences
            .iter()
            .zip(hints)
            .map(|(words, hints)| {
                let mut spans = spans(&self.tags(lexicon, &doc, words, hints));
                for span in &mut spans {
                    span.kind = self.head_type(lexicon, &doc, words, hints, *span);
                }
                doc.remember(words, &spans);
                spans
            })
            .collect()
    }

    /// The greedy tags of one sentence.
    fn tags(&self, lexicon: &Lexicon, doc: &DocContext, words: &[&str], hints: &[Option<Hint>]) -> Vec<usize> {
        let sentence = SentenceContext::new(lexicon, words, hints);
        let mut features = Features::default();
        let mut scores = vec![0.0f32; CLASSES.len()];
        let mut tags: Vec<usize> = Vec::with_capacity(words.len());
        for i in 0..words.len() {
            if sentence.surely_outside(&tags, i) {
                tags.push(0);
                continue;
            }
            features.clear();
            self::features(&sentence, doc, &tags, i, &mut features);
            scores.iter_mut().for_each(|s| *s = 0.0);
            self.model.score(&features, &mut scores);
            tags.push(argmax(&scores, |c| allowed(&tags, c, i + 1 == words.len())).unwrap_or(0));
        }
        tags
    }

    /// The type of a span that runs over a possessive ("Britain's Paula Radcliffe", "London's
    /// Evening Standard"): the owner sways the tagger, so what follows the possessive is tagged
    /// again on its own and keeps the type of a span found at its start. Other spans keep theirs.
    fn head_type(&self, lexicon: &Lexicon, doc: &DocContext, words: &[&str], hints: &[Option<Hint>], span: Tagged) -> EntityType {
        let Some(cut) = (span.start + 1..span.end - 1).rev().find(|&k| matches!(words[k], "'s" | "\u{2019}s")) else {
            return span.kind;
        };
        // The words after the possessive to a little past the span: the tagger looks two words
        // either side, and a bounded window keeps a long sentence of such spans linear.
        let (from, to) = (cut + 1, (span.end + 3).min(words.len()));
        let again = spans(&self.tags(lexicon, doc, &words[from..to], &hints[from..to]));
        again.first().filter(|s| s.start == 0).map_or(span.kind, |s| s.kind)
    }
}

/// What the rules say about one token: where it stands in a rule mention ('B', 'I', 'L', 'U'),
/// and the mention's type, strength and rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hint {
    /// 'B', 'I', 'L' or 'U'.
    pub position: char,
    /// The type the rules gave.
    pub kind: EntityType,
    /// The rules' strength (1 to 3).
    pub strength: u8,
    /// The rule that typed it.
    pub rule: &'static str,
}

/// The rules' hints for one sentence's tokens (`tokens`, byte spans) from `mentions` (text order,
/// not overlapping).
pub fn hints(mentions: &[Mention], tokens: &[Span]) -> Vec<Option<Hint>> {
    let mut out = vec![None; tokens.len()];
    let (Some(first), Some(last)) = (tokens.first(), tokens.last()) else { return out };
    let from = mentions.partition_point(|m| m.span.end <= first.start);
    for m in mentions[from..].iter().take_while(|m| m.span.start < last.end) {
        // Tokens are in text order: those a mention covers lie between two binary searches (a
        // sentence of thousands of names must not read every token for each).
        let (a, b) = (tokens.partition_point(|t| t.end <= m.span.start), tokens.partition_point(|t| t.start < m.span.end));
        let covered: Vec<usize> = (a..b.max(a)).filter(|&k| tokens[k].overlaps(m.span)).collect();
        for (n, &k) in covered.iter().enumerate() {
            out[k] = Some(Hint { position: bilu(n, covered.len()), kind: m.kind, strength: m.strength, rule: m.rule });
        }
    }
    out
}

/// Whether class `c` may follow `tags` (the sentence so far); `last` when it is the final token.
pub fn allowed(tags: &[usize], c: usize, last: bool) -> bool {
    let open = tags.last().and_then(|&t| matches!(position(t), 'B' | 'I').then(|| type_of(t)));
    let p = position(c);
    match open {
        Some(t) => type_of(c) == t && (p == 'L' || p == 'I' && !last),
        None => p == 'O' || p == 'U' || p == 'B' && !last,
    }
}

/// 'O', 'B', 'I', 'L' or 'U'.
fn position(class: usize) -> char {
    if class == 0 { 'O' } else { ['B', 'I', 'L', 'U'][(class - 1) % 4] }
}

/// The type of a non-O class (0 for O).
fn type_of(class: usize) -> usize {
    if class == 0 { 0 } else { (class - 1) / 4 }
}

/// The class number of `position` ('B', 'I', 'L', 'U') of type `kind`.
pub fn class_of(position: char, kind: EntityType) -> usize {
    let t = TYPES.iter().position(|&k| k == kind).expect("a known type");
    1 + t * 4 + "BILU".find(position).expect("a BILU position")
}

/// The BILOU classes of `spans` over `n` tokens.
pub fn encode(n: usize, spans: &[Tagged]) -> Vec<usize> {
    let mut tags = vec![0; n];
    for s in spans {
        let len = s.end - s.start;
        for (k, t) in tags[s.start..s.end].iter_mut().enumerate() {
            *t = class_of(bilu(k, len), s.kind);
        }
    }
    tags
}

/// The BILU position of the `n`th of `len` tokens of a span: 'U' alone, else 'B', 'I', ..., 'L'.
fn bilu(n: usize, len: usize) -> char {
    match (n == 0, n + 1 == len) {
        (true, true) => 'U',
        (true, false) => 'B',
        (false, true) => 'L',
        (false, false) => 'I',
    }
}

/// The spans of well-formed BILOU `tags`.
pub fn spans(tags: &[usize]) -> Vec<Tagged> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, &t) in tags.iter().enumerate() {
        let kind = TYPES[type_of(t)];
        match position(t) {
            'B' => start = i,
            'L' => out.push(Tagged { start, end: i + 1, kind }),
            'U' => out.push(Tagged { start: i, end: i + 1, kind }),
            _ => {}
        }
    }
    out
}

/// What the document says about its words, for the features that look beyond the sentence.
#[derive(Debug, Default)]
pub struct DocContext {
    /// Lowercase forms written in lowercase somewhere in the document, not at a sentence start.
    lower: HashSet<String>,
    /// Lowercase forms written capitalized somewhere in the document, not at a sentence start.
    upper: HashSet<String>,
    /// The type each word was last tagged with earlier in the document.
    seen: HashMap<String, usize>,
}

impl DocContext {
    /// The context of a document's sentences.
    pub fn new(sentences: &[Vec<&str>]) -> Self {
        let mut doc = DocContext::default();
        for words in sentences {
            for (i, w) in words.iter().enumerate().skip(1) {
                let Some(first) = w.chars().next() else { continue };
                if first.is_lowercase() {
                    doc.lower.insert(w.to_lowercase());
                } else if first.is_uppercase() && !w.chars().skip(1).all(char::is_uppercase) && !is_opening(words[i - 1]) {
                    doc.upper.insert(w.to_lowercase());
                }
            }
        }
        doc
    }

    /// Notes the types the sentence's spans gave their words.
    pub fn remember(&mut self, words: &[&str], spans: &[Tagged]) {
        for s in spans {
            for w in &words[s.start..s.end] {
                if w.starts_with(char::is_uppercase) {
                    self.seen.insert(w.to_string(), TYPES.iter().position(|&k| k == s.kind).expect("a type"));
                }
            }
        }
    }
}

/// One sentence with what the lexicon says about its words, computed once.
#[derive(Debug)]
pub struct SentenceContext<'a> {
    words: &'a [&'a str],
    hints: &'a [Option<Hint>],
    lower: Vec<String>,
    shapes: Vec<String>,
    short_shapes: Vec<String>,
    gazetteer: Vec<&'static str>,
    /// What the lexicon says of each word, looked up when a feature first asks (most words are
    /// never scored: [`SentenceContext::surely_outside`]).
    lexical: Vec<OnceCell<Lexical>>,
    lexicon: &'a Lexicon,
    caps_line: bool,
}

/// What the lexicon knows of one word.
#[derive(Debug, Clone, Copy)]
struct Lexical {
    first_name: &'static str,
    surname: &'static str,
    common: bool,
    demonym: bool,
    role: &'static str,
    noun: &'static str,
}

impl<'a> SentenceContext<'a> {
    /// Looks up the words of one sentence.
    pub fn new(lexicon: &'a Lexicon, words: &'a [&'a str], hints: &'a [Option<Hint>]) -> Self {
        let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
        let shapes = words.iter().map(|w| shape(w, 4)).collect();
        let short_shapes = words.iter().map(|w| shape(w, 1)).collect();
        let lexical = vec![OnceCell::new(); words.len()];
        let letters: Vec<char> = words.iter().flat_map(|w| w.chars()).filter(|c| c.is_alphabetic()).collect();
        let caps_line = letters.len() >= 8 && letters.iter().filter(|c| c.is_uppercase()).count() * 10 >= letters.len() * 9;
        let gazetteer = gazetteer_tags(lexicon, words);
        SentenceContext { words, hints, lower, shapes, short_shapes, gazetteer, lexical, lexicon, caps_line }
    }
}

impl SentenceContext<'_> {
    /// What the lexicon says of word `i`.
    fn lexical(&self, i: usize) -> &Lexical {
        self.lexical[i].get_or_init(|| lexical(self.lexicon, self.words[i]))
    }

    /// Whether token `i` is outside every name whatever the model says, so that scoring it can
    /// be skipped: no name is open before it, and it has no capital letter or digit, no rule's
    /// mention and no gazetteer hit. The model gives such a word O all but always: skipping them
    /// left the names found in the BBC corpus, UNER EWT dev, CoNLL-2003 testa and the news dev
    /// articles as they were (one evidence list of the BBC corpus changed: "north" in "in north
    /// London" had opened a span that a rule cut back to "London").
    fn surely_outside(&self, tags: &[usize], i: usize) -> bool {
        tags.last().is_none_or(|&t| matches!(position(t), 'O' | 'L' | 'U'))
            && self.hints[i].is_none()
            && self.gazetteer[i].is_empty()
            && !self.words[i].chars().any(|c| c.is_uppercase() || c.is_ascii_digit())
    }
}

fn lexical(lexicon: &Lexicon, w: &str) -> Lexical {
    let bucket = |f: Option<f32>| match f {
        None => "",
        Some(f) if f >= 0.1 => "hi",
        Some(f) if f >= 0.01 => "mid",
        Some(_) => "lo",
    };
    let role = match lexicon.role(w.trim_end_matches('.')) {
        None => "",
        Some(RoleClass::Leader) => "leader",
        Some(RoleClass::Role) => "role",
        Some(RoleClass::Title) => "title",
    };
    let noun = lexicon.noun_type(w).map_or("", EntityType::as_str);
    Lexical {
        first_name: bucket(lexicon.first_name(w)),
        surname: bucket(lexicon.surname(w)),
        common: lexicon.is_common(w),
        demonym: lexicon.is_demonym(w),
        role,
        noun,
    }
}

/// The gazetteer's hits over the words joined by spaces, as one BILOU tag per word with the
/// entry's type ("B-place-country", "U-org"), empty outside hits.
fn gazetteer_tags(lexicon: &Lexicon, words: &[&str]) -> Vec<&'static str> {
    let mut joined = String::new();
    let mut starts = Vec::with_capacity(words.len());
    let mut ends = Vec::with_capacity(words.len());
    for w in words {
        if !joined.is_empty() {
            joined.push(' ');
        }
        starts.push(joined.len());
        joined.push_str(w);
        ends.push(joined.len());
    }
    let mut tags = vec![""; words.len()];
    for (range, known) in lexicon.find_known(&joined) {
        // A hit counts only when it starts and ends on word boundaries.
        let (Ok(first), Ok(last)) = (starts.binary_search(&range.start), ends.binary_search(&range.end)) else {
            continue;
        };
        mark_hit(&mut tags, first..last + 1, gazetteer_kind(lexicon, known));
    }
    lowercase_hits(lexicon, words, &mut tags);
    tags
}

/// Marks the words `range` of a gazetteer hit with BILU tags of its kind ([`gazetteer_kind`]).
fn mark_hit(tags: &mut [&'static str], range: Range<usize>, kind: usize) {
    let len = range.len();
    for (n, t) in tags[range].iter_mut().enumerate() {
        *t = gaz_tag(bilu(n, len), kind);
    }
}

/// Known names written all in lowercase ("in tampa bay", as web text writes them), longest
/// first, where the cased lookup found nothing; tagged apart from cased hits, so that the model
/// weighs them on their own.
fn lowercase_hits(lexicon: &Lexicon, words: &[&str], tags: &mut [&'static str]) {
    let mut i = 0;
    while i < words.len() {
        // The words from `i` that no cased hit took (as many as a name may have).
        let free = (i..words.len().min(i + Lexicon::LOWERCASE_NAME_WORDS)).take_while(|&k| tags[k].is_empty()).count();
        match lexicon.lowercase_name_opening(&words[i..i + free]) {
            Some((n, known)) => {
                mark_hit(tags, i..i + n, gazetteer_kind(lexicon, known) + 4);
                i += n;
            }
            None => i += 1,
        }
    }
}

/// The gazetteer kind of a known name: 0 a country, 1 a city, 2 another place, 3 an
/// organization (4 to 7 the same, written in lowercase).
fn gazetteer_kind(lexicon: &Lexicon, known: Known) -> usize {
    match known {
        Known::Place(p) => match lexicon.places[p].kind.as_str() {
            "country" => 0,
            "city" => 1,
            _ => 2,
        },
        Known::Organization(_) => 3,
    }
}

fn gaz_tag(position: char, kind: usize) -> &'static str {
    const TAGS: [[&str; 8]; 4] = [
        ["B-place-country", "B-place-city", "B-place", "B-org", "B-lc-place-country", "B-lc-place-city", "B-lc-place", "B-lc-org"],
        ["I-place-country", "I-place-city", "I-place", "I-org", "I-lc-place-country", "I-lc-place-city", "I-lc-place", "I-lc-org"],
        ["L-place-country", "L-place-city", "L-place", "L-org", "L-lc-place-country", "L-lc-place-city", "L-lc-place", "L-lc-org"],
        ["U-place-country", "U-place-city", "U-place", "U-org", "U-lc-place-country", "U-lc-place-city", "U-lc-place", "U-lc-org"],
    ];
    TAGS["BILU".find(position).expect("a BILU position")][kind]
}

/// Whether a token opens a quotation or a clause, where every word is capitalized.
fn is_opening(word: &str) -> bool {
    matches!(word, "“" | "\"" | "''" | "‘" | "'" | ":" | "(" | "[" | "—" | "–" | "--" | "-" | "«" | "``")
}

/// The features of token `i` given the tags predicted before it: the one list of templates.
pub fn features(s: &SentenceContext<'_>, doc: &DocContext, tags: &[usize], i: usize, f: &mut Features) {
    let lw = |k: isize| lower_at(s, i, k);
    let sh = |k: isize| shape_at(s, i, k);
    let word = s.words[i];
    let lower = s.lower[i].as_str();
    let short = s.short_shapes[i].as_str();
    // Affixes by characters, without allocating.
    let m = lower.chars().count();
    let prefix = |k: usize| &lower[..lower.char_indices().nth(k).map_or(lower.len(), |(b, _)| b)];
    let suffix = |k: usize| &lower[lower.char_indices().rev().nth(k - 1).map_or(0, |(b, _)| b)..];
    let tag = |k: usize| if tags.len() >= k { CLASSES[tags[tags.len() - k]] } else { "<s>" };
    f.add("bias", &[]);
    f.add("w", &[word]);
    f.add("lw", &[lower]);
    f.add("shape", &[short]);
    f.add("long-shape", &[sh(0)]);
    for k in 1..=4.min(m) {
        f.add("pre", &[prefix(k)]);
    }
    for k in 2..=5.min(m) {
        f.add("suf", &[suffix(k)]);
    }
    f.add("w-1|w+1", &[lw(-1), lw(1)]);
    f.add("shape-2", &[sh(-2)]);
    f.add("shape+2", &[sh(2)]);
    f.add("run", &[&capital_run(s, i)]);
    f.add("w-1", &[lw(-1)]);
    f.add("w+1", &[lw(1)]);
    f.add("w-2", &[lw(-2)]);
    f.add("w+2", &[lw(2)]);
    f.add("shape-1", &[sh(-1)]);
    f.add("shape+1", &[sh(1)]);
    f.add("shape-1|0|+1", &[sh(-1), short, sh(1)]);
    f.add("w-1|w", &[lw(-1), lower]);
    f.add("w|w+1", &[lower, lw(1)]);
    f.add("t-1", &[tag(1)]);
    f.add("t-2|t-1", &[tag(2), tag(1)]);
    f.add("t-1|w", &[tag(1), lower]);
    f.add("t-1|shape", &[tag(1), short]);
    let first = i == 0 || is_opening(s.words[i - 1]);
    if first {
        f.add("first", &[]);
        f.add("first|shape", &[short]);
    }
    if s.caps_line {
        f.add("caps-line", &[short]);
    }
    lexicon_features(s, i, short, f);
    rule_features(s, i, short, f);
    document_features(s, doc, i, short, f);
}

fn rule_features(s: &SentenceContext<'_>, i: usize, short: &str, f: &mut Features) {
    let tag = |k: isize| usize::try_from(i as isize + k).ok().and_then(|j| s.hints.get(j).copied().flatten()).map_or("-", hint_tag);
    let here = tag(0);
    match s.hints.get(i).copied().flatten() {
        Some(h) => {
            f.add("rule", &[here, ["0", "1", "2", "3"][usize::from(h.strength.min(3))]]);
            f.add("rule-name", &[h.rule, here]);
        }
        None => f.add("rule", &["-"]),
    }
    f.add("rule-1", &[tag(-1), here]);
    f.add("rule+1", &[here, tag(1)]);
    f.add("rule|shape", &[here, short]);
}

/// A hint's position and type ("B-Person").
fn hint_tag(h: Hint) -> &'static str {
    const TAGS: [[&str; 3]; 4] = [
        ["B-Person", "B-Organization", "B-Place"],
        ["I-Person", "I-Organization", "I-Place"],
        ["L-Person", "L-Organization", "L-Place"],
        ["U-Person", "U-Organization", "U-Place"],
    ];
    let kind = TYPES.iter().position(|&k| k == h.kind).expect("a type");
    TAGS["BILU".find(h.position).expect("a BILU position")][kind]
}

/// Where token `i` stands in its run of capitalized words ("2/3": second of three), "-" outside.
fn capital_run(s: &SentenceContext<'_>, i: usize) -> String {
    let capital = |j: usize| s.words[j].starts_with(char::is_uppercase);
    if !capital(i) {
        return "-".to_string();
    }
    let start = (0..i).rev().take_while(|&j| capital(j)).last().unwrap_or(i);
    let end = (i..s.words.len()).take_while(|&j| capital(j)).last().map_or(i + 1, |j| j + 1);
    format!("{}/{}", i - start + 1, (end - start).min(5))
}

/// The lowercase word `k` tokens from `i`, or a boundary marker.
fn lower_at<'s>(s: &'s SentenceContext<'_>, i: usize, k: isize) -> &'s str {
    match usize::try_from(i as isize + k) {
        Err(_) => "<s>",
        Ok(j) if j >= s.words.len() => "</s>",
        Ok(j) => &s.lower[j],
    }
}

/// The shape of the word `k` tokens from `i`, or "_" beyond the sentence.
fn shape_at<'s>(s: &'s SentenceContext<'_>, i: usize, k: isize) -> &'s str {
    match usize::try_from(i as isize + k) {
        Ok(j) if j < s.words.len() => &s.shapes[j],
        _ => "_",
    }
}

fn lexicon_features(s: &SentenceContext<'_>, i: usize, short: &str, f: &mut Features) {
    let n = s.words.len();
    let lex = s.lexical(i);
    let at = |k: isize| (i as isize + k >= 0 && ((i as isize + k) as usize) < n).then(|| s.lexical((i as isize + k) as usize));
    f.add("fn", &[lex.first_name, short]);
    f.add("sn", &[lex.surname, short]);
    f.add("fn-1", &[at(-1).map_or("_", |l| l.first_name)]);
    f.add("sn+1", &[at(1).map_or("_", |l| l.surname)]);
    if lex.common {
        f.add("common", &[short]);
    }
    if lex.demonym {
        f.add("demonym", &[short]);
    }
    f.add("role", &[lex.role]);
    f.add("role-1", &[at(-1).map_or("_", |l| l.role)]);
    f.add("role-2", &[at(-2).map_or("_", |l| l.role)]);
    f.add("noun", &[lex.noun, short]);
    f.add("noun+1", &[at(1).map_or("_", |l| l.noun)]);
    f.add("noun+2", &[at(2).map_or("_", |l| l.noun)]);
    let gaz = |k: isize| {
        let j = i as isize + k;
        if j < 0 || j as usize >= n { "_" } else { s.gazetteer[j as usize] }
    };
    f.add("gaz", &[gaz(0)]);
    f.add("gaz-1", &[gaz(-1)]);
    f.add("gaz+1", &[gaz(1)]);
    f.add("gaz|shape", &[gaz(0), short]);
}

fn document_features(s: &SentenceContext<'_>, doc: &DocContext, i: usize, short: &str, f: &mut Features) {
    let word = s.words[i];
    if !word.starts_with(char::is_uppercase) {
        return;
    }
    let lower = s.lower[i].as_str();
    if doc.lower.contains(lower) {
        f.add("lower-elsewhere", &[short]);
    }
    if doc.upper.contains(lower) {
        f.add("upper-elsewhere", &[short]);
    }
    let seen = doc.seen.get(word).map_or("_", |&t| ["PER", "ORG", "LOC"][t]);
    f.add("seen-as", &[seen]);
    f.add("seen-as|shape", &[seen, short]);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bilou_round_trips_and_constrains() {
        let spans_in = vec![
            Tagged { start: 0, end: 2, kind: EntityType::Person },
            Tagged { start: 3, end: 4, kind: EntityType::Place },
            Tagged { start: 4, end: 7, kind: EntityType::Organization },
        ];
        let tags = encode(8, &spans_in);
        assert_eq!(tags.iter().map(|&t| CLASSES[t]).collect::<Vec<_>>(), ["B-PER", "L-PER", "O", "U-LOC", "B-ORG", "I-ORG", "L-ORG", "O"]);
        assert_eq!(spans(&tags), spans_in);
        assert!(!allowed(&[class_of('B', EntityType::Person)], 0, false), "an open span must go on");
        assert!(allowed(&[class_of('B', EntityType::Person)], class_of('L', EntityType::Person), true));
        assert!(!allowed(&[class_of('B', EntityType::Person)], class_of('I', EntityType::Person), true), "no I at the end");
        assert!(!allowed(&[], class_of('B', EntityType::Place), true), "no B at the end");
        assert!(!allowed(&[0], class_of('L', EntityType::Place), false));
    }

    #[test]
    fn shapes_and_gazetteer_tags() {
        assert_eq!(shape("McDonald's", 4), "XxXxxxx'x");
        assert_eq!(shape("U.S.", 1), "X.X.");
        assert_eq!(shape("2024", 1), "d");
        let lex = Lexicon::embedded();
        let words = ["in", "Moscow", "and", "the", "Islamic", "State"];
        assert_eq!(gazetteer_tags(&lex, &words), ["", "U-place-city", "", "", "B-org", "L-org"]);
        // Lowercase names are told apart; common words are no names.
        let words = ["flights", "from", "san", "francisco", "to", "turkey"];
        assert_eq!(gazetteer_tags(&lex, &words), ["", "", "B-lc-place-city", "L-lc-place-city", "", ""]);
    }

    #[test]
    fn the_embedded_model_loads_and_tags() {
        let model = embedded().expect("data/models/ner.hsm matches this build: retrain with `hearsay train ner`");
        let lex = Lexicon::embedded();
        let words = vec!["Angela", "Merkel", "visited", "Paris", "on", "Monday", "."];
        let hints = vec![None; words.len()];
        let tagged = model.tag(&lex, &[words], &[hints]);
        assert!(tagged[0].contains(&Tagged { start: 0, end: 2, kind: EntityType::Person }), "{tagged:?}");
        assert!(tagged[0].contains(&Tagged { start: 3, end: 4, kind: EntityType::Place }), "{tagged:?}");
    }
}
