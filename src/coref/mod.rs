//! Coreference: which named person or organization a pronoun ("he", "its", "they") or a
//! description ("the Tory leader", "the US firm") stands for.
//!
//! A learned entity ranker. For each anaphor the candidates are the people and organizations
//! mentioned before it (the most recent [`MAX_CANDIDATES`] entities within [`MAX_SENTENCES`]
//! sentences), each seen through its latest mention, plus "no named antecedent". A log-linear
//! model ([`fit`]; its weights stored as a [`crate::syntax::perceptron::Model`]) scores each
//! candidate from the features listed in [`candidate_features`] (form of the pronoun, type,
//! distance, recency rank, sex from first names and titles, subject-like position, salience,
//! quotation and speaker, and for descriptions whether the head word stands beside the entity's
//! mentions or among its roles) and the highest score wins. It is trained on GUM's coreference
//! (`hearsay train coref`, [`train`]); the weights
//! are compiled into the binary ([`embedded`]). This module reads no files.

mod agreement;
pub mod fit;
mod offices;
mod speakers;
pub mod train;

use crate::lexicon::{EntityType, Lexicon};
use crate::resolve::{Claim, Document, Entity};
use crate::segment::Segmented;
use crate::syntax::perceptron::{Features, Model, ModelError, feature_set_hash};
use crate::text::{Span, SpanIndex};
use agreement::{agrees, agrees_with, sex};
use std::collections::{BTreeSet, HashMap, HashSet};
use std::sync::{LazyLock, OnceLock};

/// The kind written in the weights file's header.
pub const KIND: &str = "coref";

/// The feature templates; their hash is stored with the weights. Change the version when a
/// template changes.
pub const TEMPLATES: &str = "coref-features v5: lexrole lexnoun new-lex kind form dist rank krank sex first count quote qspk lastspk para \
head role ctx inname src new new-form new-n new-top new-src";

/// How many named mentions back `aged_person` and `described_organization` look (a news
/// article names a few hundred; the bound keeps a page of thousands of such sources linear).
const LOOK_BACK: usize = 500;

/// Entities considered per anaphor.
pub const MAX_CANDIDATES: usize = 8;
/// How far back (in sentences) an antecedent may be.
pub const MAX_SENTENCES: usize = 12;

/// The weights that `hearsay train coref` wrote to data/models/coref.hsm (empty: no model).
static EMBEDDED: &[u8] = include_bytes!("../../data/models/coref.hsm");

/// The compiled-in model, read once per process; `None` when none was trained.
pub fn embedded() -> Option<&'static CorefModel> {
    static MODEL: LazyLock<Option<CorefModel>> = LazyLock::new(|| {
        (!EMBEDDED.is_empty()).then(|| CorefModel::from_bytes(EMBEDDED).expect("the built-in coref model matches this build"))
    });
    MODEL.as_ref()
}

/// A trained ranker.
#[derive(Debug, Clone)]
pub struct CorefModel {
    model: Model,
}

impl CorefModel {
    /// Reads a model, refusing another kind or other features.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, ModelError> {
        Ok(CorefModel { model: Model::from_bytes(bytes, KIND, feature_set_hash(TEMPLATES))? })
    }

    /// The score of one candidate's features.
    pub fn score(&self, features: &Features) -> f32 {
        let mut s = [0.0f32];
        self.model.score(features, &mut s);
        s[0]
    }
}

/// A word or phrase that may stand for a named entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Anaphor {
    /// The whole phrase ("he", "the Tory leader").
    pub span: Span,
    /// Its head word ("he", "leader").
    pub head: Span,
    /// Whether it is a pronoun (else a description).
    pub pronoun: bool,
}

/// What the ranker knows about an article's entities.
#[derive(Debug)]
pub struct Article<'a> {
    /// The segmented text.
    pub segmented: &'a Segmented<'a>,
    /// Named mentions in text order: span, type, entity index.
    pub mentions: Vec<(Span, EntityType, usize)>,
    /// Each entity's name and role words.
    pub entities: Vec<(String, Vec<String>)>,
    /// Each entity's type.
    pub kinds: Vec<EntityType>,
    /// Direct quotations with the entity that speaks them, if known.
    pub quotes: Vec<(Span, Option<usize>)>,
    /// Claims' content spans with their resolved source entity, in text order.
    pub speakers: Vec<(Span, usize)>,
    /// The words naming the sources of claims, sorted.
    pub sources: SpanIndex,
    /// The quotations' spans (which one holds a span is a binary search, not a scan per
    /// candidate, on pages of thousands of claims).
    quote_spans: SpanIndex,
    /// Each entity's mentions' ends, in order.
    mention_ends: Vec<Vec<usize>>,
    /// Each entity's words within three tokens of one of its mentions, by their ASCII lower
    /// case, with where they are written.
    /// Made on first use: only descriptions ask, and most articles have none.
    beside: OnceLock<Vec<HashMap<String, BTreeSet<Span>>>>,
    /// Each entity's words that stand right before one of its mentions ("airline" of "Italian
    /// airline Alitalia"), by their ASCII lower case, with where the earliest ends; made on first
    /// use.
    introducers: OnceLock<Vec<HashMap<String, usize>>>,
    /// Every claim's content, sorted.
    contents: SpanIndex,
    /// The claims' source words with the claim's index, sorted.
    source_claims: Vec<(Span, usize)>,
}

impl Article<'_> {
    /// The first of `quotes` that contains `span` (quotes are in text order).
    pub fn quote_of(&self, span: Span) -> Option<&(Span, Option<usize>)> {
        self.quote_index(span).map(|q| &self.quotes[q])
    }

    /// Which of `quotes` (the direct claims, in their order) first contains `span`.
    fn quote_index(&self, span: Span) -> Option<usize> {
        self.quote_spans.first_containing(span)
    }

    /// Whether `span` lies inside what a claim says.
    fn said(&self, span: Span) -> bool {
        self.contents.contains(span)
    }

    /// How many mentions of `entity` end by `at`.
    fn mentions_before(&self, entity: usize, at: usize) -> usize {
        self.mention_ends[entity].partition_point(|&end| end <= at)
    }
}

/// The pronouns considered, lowercase, with their class.
const PRONOUNS: &[(&str, &str)] = &[
    ("he", "he"),
    ("him", "he"),
    ("his", "he"),
    ("himself", "he"),
    ("she", "she"),
    ("her", "she"),
    ("hers", "she"),
    ("herself", "she"),
    ("it", "it"),
    ("its", "it"),
    ("itself", "it"),
    ("they", "they"),
    ("them", "they"),
    ("their", "they"),
    ("theirs", "they"),
    ("themselves", "they"),
    ("i", "i"),
    ("me", "i"),
    ("my", "i"),
    ("we", "we"),
    ("us", "we"),
    ("our", "we"),
];

/// The class of a pronoun ("he" for "Him"), if `word` is one.
pub fn pronoun_class(word: &str) -> Option<&'static str> {
    PRONOUNS.iter().find(|(p, _)| p.eq_ignore_ascii_case(word)).map(|&(_, c)| c)
}

/// Every pronoun token of the text.
pub fn pronouns(segmented: &Segmented<'_>) -> Vec<Anaphor> {
    let text = segmented.text();
    segmented
        .tokens
        .iter()
        .filter(|t| pronoun_class(t.span.of(text)).is_some())
        .map(|t| Anaphor { span: t.span, head: t.span, pronoun: true })
        .collect()
}

/// A description whose head is its last word ("the attorney general" is headed by "general").
pub fn description(segmented: &Segmented<'_>, span: Span) -> Option<Anaphor> {
    let text = segmented.text();
    let first = segmented.tokens.partition_point(|t| t.span.start < span.start);
    let end = segmented.tokens.partition_point(|t| t.span.end <= span.end);
    let last = segmented.tokens[first..end.max(first)].iter().rev().find(|t| t.span.of(text).chars().any(char::is_alphabetic))?;
    Some(Anaphor { span, head: last.span, pronoun: pronoun_class(last.span.of(text)).is_some() && last.span == span })
}

/// One candidate antecedent: an entity seen through its latest mention before the anaphor.
#[derive(Debug, Clone, Copy)]
pub struct Candidate {
    /// The entity.
    pub entity: usize,
    /// Index of its latest mention in [`Article::mentions`].
    pub mention: usize,
}

/// The candidates of `anaphor`, most recent first.
pub fn candidates(article: &Article<'_>, anaphor: &Anaphor) -> Vec<Candidate> {
    let seg = article.segmented;
    let sentence = sentence_at(seg, anaphor.span.start);
    let mut out: Vec<Candidate> = Vec::new();
    // Mentions are sorted: none from the anaphor's start on ends before it.
    let before = article.mentions.partition_point(|&(span, _, _)| span.start < anaphor.span.start);
    for (m, &(span, kind, entity)) in article.mentions[..before].iter().enumerate().rev() {
        if span.end > anaphor.span.start || !matches!(kind, EntityType::Person | EntityType::Organization) || wire_credit(seg.text(), span)
        {
            continue;
        }
        if sentence.saturating_sub(sentence_at(seg, span.start)) > MAX_SENTENCES || out.len() == MAX_CANDIDATES {
            break;
        }
        if !out.iter().any(|c| c.entity == entity) {
            out.push(Candidate { entity, mention: m });
        }
    }
    out
}

/// Whether `span` is a news agency credited in a dateline ("Kelso (AFP) - ..."): it sent the
/// story and takes no part in it.
fn wire_credit(text: &str, span: Span) -> bool {
    let after = text[span.end..].trim_start_matches(')');
    text[..span.start].ends_with('(') && after.len() < text.len() - span.end && after.trim_start().starts_with(['-', '–', '—'])
}

/// The sentence holding byte `at`.
fn sentence_at(seg: &Segmented<'_>, at: usize) -> usize {
    let token = seg.tokens.partition_point(|t| t.span.end <= at);
    seg.sentence_of(token.min(seg.tokens.len().saturating_sub(1)))
}

/// A small number as a bucket label: "<=2" for 2 with limits [0, 1, 2, 4], ">4" past them.
fn bucket(n: usize, limits: &[usize]) -> String {
    match limits.iter().find(|&&l| n <= l) {
        Some(l) => format!("<={l}"),
        None => format!(">{}", limits.last().copied().unwrap_or(0)),
    }
}

/// The anaphor's class ("he", "it", "desc") and form ("his", "desc:leader").
fn class_and_form(text: &str, anaphor: &Anaphor) -> (&'static str, String) {
    let head = anaphor.head.of(text).to_lowercase();
    match pronoun_class(&head) {
        Some(class) if anaphor.pronoun => (class, head),
        _ => ("desc", format!("desc:{head}")),
    }
}

/// The features of the "no named antecedent" choice.
pub fn new_features(article: &Article<'_>, lexicon: &Lexicon, anaphor: &Anaphor, candidates: &[Candidate], f: &mut Features) {
    let text = article.segmented.text();
    let (class, form) = class_and_form(text, anaphor);
    f.clear();
    f.add("new", &[class]);
    f.add("new-form", &[&form]);
    f.add("new-n", &[class, &bucket(candidates.len(), &[0, 1, 2, 4])]);
    let top = candidates.first().map_or("none", |c| article.mentions[c.mention].1.as_str());
    f.add("new-top", &[class, top]);
    f.add("new-src", &[class, yes(is_source(article, anaphor))]);
    if class == "desc" {
        let (role, noun) = head_lexicon(lexicon, &anaphor.head.of(text).to_lowercase());
        f.add("new-lex", &[role, noun]);
    }
}

/// The features of one candidate.
pub fn candidate_features(
    article: &Article<'_>,
    lexicon: &Lexicon,
    anaphor: &Anaphor,
    candidates: &[Candidate],
    i: usize,
    f: &mut Features,
) {
    let seg = article.segmented;
    let text = seg.text();
    let (class, form) = class_and_form(text, anaphor);
    let c = candidates[i];
    let (span, kind, entity) = article.mentions[c.mention];
    let kind = kind.as_str();
    f.clear();
    f.add("kind", &[class, kind]);
    f.add("form", &[&form, kind]);
    f.add("src", &[class, kind, yes(is_source(article, anaphor))]);
    let distance = sentence_at(seg, anaphor.span.start) - sentence_at(seg, span.start);
    f.add("dist", &[class, kind, &bucket(distance, &[0, 1, 2, 4, 8])]);
    f.add("rank", &[class, kind, &bucket(i, &[0, 1, 2, 3])]);
    let same_kind = candidates[..i].iter().filter(|d| article.mentions[d.mention].1.as_str() == kind).count();
    f.add("krank", &[class, kind, &bucket(same_kind, &[0, 1, 2])]);
    if kind == EntityType::Person.as_str() {
        f.add("sex", &[class, sex(lexicon, &article.entities[entity].0)]);
    }
    let sentence = sentence_at(seg, span.start);
    let first_in_sentence = c.mention == 0 || sentence_at(seg, article.mentions[c.mention - 1].0.start) != sentence;
    f.add("first", &[class, kind, yes(first_in_sentence)]);
    let count = article.mentions_before(entity, anaphor.span.start);
    f.add("count", &[class, &bucket(count, &[1, 2, 4])]);
    speaker_features(article, anaphor, class, span, entity, f);
    let para = |at: usize| seg.sentences.get(sentence_at(seg, at)).map(|s| s.paragraph);
    f.add("para", &[class, yes(para(span.start) == para(anaphor.span.start))]);
    if class == "desc" {
        description_features(article, lexicon, anaphor, kind, entity, f);
    }
}

/// What the lexicon says of a description's head word: whether it is a role ("leader"), and the
/// type of thing it names ("firm": Organization).
fn head_lexicon(lexicon: &Lexicon, head: &str) -> (&'static str, &'static str) {
    (yes(lexicon.role(head).is_some()), lexicon.noun_type(head).map_or("-", EntityType::as_str))
}

/// "y" or "n".
fn yes(b: bool) -> &'static str {
    if b { "y" } else { "n" }
}

/// Whether the anaphor names the source of a claim.
fn is_source(article: &Article<'_>, anaphor: &Anaphor) -> bool {
    article.sources.contains(anaphor.head)
}

/// Quotation and speaker features.
fn speaker_features(article: &Article<'_>, anaphor: &Anaphor, class: &str, span: Span, entity: usize, f: &mut Features) {
    let quote_of = |s: Span| article.quote_of(s);
    let in_quote = quote_of(anaphor.span);
    f.add("quote", &[class, yes(in_quote.is_some()), yes(quote_of(span).is_some())]);
    if let Some((_, speaker)) = in_quote {
        f.add("qspk", &[class, yes(*speaker == Some(entity))]);
    }
    // Claims are in text order: none starting at or after the anaphor ends before it.
    let started = article.speakers.partition_point(|(s, _)| s.start < anaphor.span.start);
    let last = article.speakers[..started].iter().rev().find(|(s, _)| s.end <= anaphor.span.start && !s.contains(anaphor.span));
    f.add("lastspk", &[class, yes(last.is_some_and(|&(_, e)| e == entity))]);
}

/// Whether a description's head word is a role of the entity, stands just before one of its
/// mentions ("Tory leader Michael Howard"), or is part of its name.
fn description_features(article: &Article<'_>, lexicon: &Lexicon, anaphor: &Anaphor, kind: &str, entity: usize, f: &mut Features) {
    let seg = article.segmented;
    let text = seg.text();
    let head = anaphor.head.of(text).to_lowercase();
    f.add("head", &[&head, kind]);
    let (role, noun) = head_lexicon(lexicon, &head);
    f.add("lexrole", &[kind, role]);
    f.add("lexnoun", &[kind, noun]);
    let (name, roles) = &article.entities[entity];
    let role = roles.iter().any(|r| r.split_whitespace().any(|w| w.eq_ignore_ascii_case(&head)));
    f.add("role", &[kind, yes(role)]);
    let beside = article.beside.get_or_init(|| words_beside(seg, &article.mentions, article.entities.len()))[entity]
        .get(&head.to_ascii_lowercase())
        .is_some_and(|words| words.iter().any(|&w| w != anaphor.head));
    f.add("ctx", &[kind, yes(beside)]);
    f.add("inname", &[kind, yes(name.split_whitespace().any(|w| w.eq_ignore_ascii_case(&head)))]);
}

/// The entity `anaphor` stands for, if the model links it to one.
pub fn link(
    article: &Article<'_>,
    lexicon: &Lexicon,
    model: &CorefModel,
    anaphor: &Anaphor,
    allowed: impl Fn(usize) -> bool,
) -> Option<usize> {
    let candidates = candidates(article, anaphor);
    if candidates.is_empty() {
        return None;
    }
    // "he" and "she" stand for people of that sex, "it" for an organization (`agrees`), whatever
    // the ranker's weights make of the rest ("Sale host Bath ... , he told BBC Sport" is not the
    // club; "A spokeswoman for Human Rights Watch ... She added" is not Tony Blair). The others
    // are still scored: they are the features' context (recency ranks).
    let pronoun = anaphor.head.of(article.segmented.text());
    let checked = anaphor.pronoun && matches!(pronoun_class(pronoun), Some("he" | "she" | "it"));
    let fits = |c: &Candidate| {
        let (_, kind, e) = article.mentions[c.mention];
        allowed(e) && (!checked || agrees_with(lexicon, pronoun, kind, &article.entities[e].0))
    };
    let mut f = Features::default();
    new_features(article, lexicon, anaphor, &candidates, &mut f);
    let mut best = (model.score(&f), None);
    for i in 0..candidates.len() {
        candidate_features(article, lexicon, anaphor, &candidates, i, &mut f);
        let s = model.score(&f);
        if s > best.0 && fits(&candidates[i]) {
            best = (s, Some(candidates[i].entity));
        }
    }
    best.1
}

/// What coreference needs to know of an article's entities and claims.
pub fn article<'a>(seg: &'a Segmented<'a>, entities: &[Entity], claims: &[Claim]) -> Article<'a> {
    let mut mentions: Vec<(Span, EntityType, usize)> =
        entities.iter().enumerate().flat_map(|(e, x)| x.mentions.iter().map(move |&s| (s, x.kind, e))).collect();
    mentions.sort();
    let quotes: Vec<(Span, Option<usize>)> = claims.iter().filter(|c| c.direct).map(|c| (c.content, c.source)).collect();
    let mut sources: Vec<Span> = claims.iter().filter_map(|c| c.source_span).collect();
    sources.sort();
    let mut contents: Vec<Span> = claims.iter().map(|c| c.content).collect();
    contents.sort();
    let mut source_claims: Vec<(Span, usize)> = claims.iter().enumerate().filter_map(|(i, c)| Some((c.source_span?, i))).collect();
    source_claims.sort_by_key(|&(s, i)| (s.start, i));
    let mut mention_ends = vec![Vec::new(); entities.len()];
    for &(span, _, e) in &mentions {
        mention_ends[e].push(span.end);
    }
    mention_ends.iter_mut().for_each(|ends| ends.sort_unstable());
    Article {
        segmented: seg,
        mentions,
        entities: entities.iter().map(|e| (e.name.clone(), e.roles.clone())).collect(),
        kinds: entities.iter().map(|e| e.kind).collect(),
        quote_spans: SpanIndex::new(quotes.iter().map(|&(q, _)| q).collect()),
        quotes,
        speakers: claims.iter().filter_map(|c| Some((c.content, c.source?))).collect(),
        sources: SpanIndex::new(sources),
        mention_ends,
        beside: OnceLock::new(),
        introducers: OnceLock::new(),
        contents: SpanIndex::new(contents),
        source_claims,
    }
}

/// For each of `entities` entities, the words within three tokens either side of its `mentions`.
fn words_beside(seg: &Segmented<'_>, mentions: &[(Span, EntityType, usize)], entities: usize) -> Vec<HashMap<String, BTreeSet<Span>>> {
    let text = seg.text();
    let tokens = &seg.tokens;
    let mut beside = vec![HashMap::<String, BTreeSet<Span>>::new(); entities];
    for &(s, _, e) in mentions {
        let first = tokens.partition_point(|t| t.span.end <= s.start);
        let after = tokens.partition_point(|t| t.span.start < s.end);
        for t in tokens[first.saturating_sub(3)..first].iter().chain(&tokens[after..(after + 3).min(tokens.len())]) {
            beside[e].entry(t.span.of(text).to_ascii_lowercase()).or_default().insert(t.span);
        }
    }
    beside
}

/// For each of `entities`, the words right before its mentions, each with the end of its
/// earliest such use ([`Article::introducers`]).
fn words_introducing(seg: &Segmented<'_>, mentions: &[(Span, EntityType, usize)], entities: usize) -> Vec<HashMap<String, usize>> {
    let text = seg.text();
    let tokens = &seg.tokens;
    let mut introducing = vec![HashMap::<String, usize>::new(); entities];
    for &(s, _, e) in mentions {
        let first = tokens.partition_point(|t| t.span.end <= s.start);
        if first == 0 || tokens.get(first).is_none_or(|t| t.span.start != s.start) {
            continue;
        }
        let word = tokens[first - 1].span;
        let end = introducing[e].entry(word.of(text).to_ascii_lowercase()).or_insert(word.end);
        *end = (*end).min(word.end);
    }
    introducing
}

/// The rule recorded for a reference joined by the ranker.
pub const RANKED: &str = "coreference ranker";
/// The rule recorded for "I" inside a quotation, joined to the quotation's speaker.
pub const QUOTE_SPEAKER: &str = "first person in a quotation";
/// The rule recorded for a pronoun source joined to the speaker of the claim before it.
pub const CARRIED_SPEAKER: &str = "speaker carried";
/// The rule recorded for a pronoun source joined to the speaker attribution gave its claim.
pub const CLAIM_SPEAKER: &str = "speaker of its claim";
/// The rule recorded for a relative pronoun joined to the name it follows.
pub const RELATIVE_ANTECEDENT: &str = "antecedent of a relative pronoun";
/// The rule recorded for a role word or organization noun joined to the latest entity it fits.
pub const SPEAKING_ROLE: &str = "role of a recent name";

/// The rule recorded for "the 28-year-old" joined to a person (`aged_person`).
pub const AGED_PERSON: &str = "person of an age";
/// The rule recorded for "her spokesman" joined to whom "her" stands for.
pub const POSSESSOR_VOICE: &str = "voice of a possessor";
/// The rule recorded for "the report" joined to its author.
pub const DOCUMENT_AUTHOR: &str = "author of a report";
/// The rule recorded for "the bank" joined to an organization named further back.
pub const DESCRIBED_ORGANIZATION: &str = "organization described";
/// The rule recorded for "the former monopoly" joined to the name it stood beside as an
/// apposition ("Kelso Ferries, the former monopoly, ...").
pub const APPOSED_DESCRIPTION: &str = "description in an apposition";

/// Links pronouns to the entities they stand for (recorded as the entities' references, with
/// the rule that joined each), and the source words of claims that name no entity ("he", "the
/// Tory leader") to theirs. A pronoun source that attribution's rules gave to an entity it cannot
/// stand for ("she" for a man or a party) is linked again. "I" and "we" as sources are left to
/// attribution (the speaker of the quotation they stand in). A pronoun for a person ("he", "her")
/// and a claim source left without an entity are recorded as unresolved.
pub fn apply(seg: &Segmented<'_>, lexicon: &Lexicon, model: &CorefModel, doc: &mut Document) {
    let article = article(seg, &doc.entities, &doc.claims);
    let (entities, claims) = (&mut doc.entities, &mut doc.claims);
    let mut unresolved = Vec::new();
    let mut first_person = Vec::new();
    for anaphor in pronouns(seg) {
        let class = pronoun_class(anaphor.head.of(seg.text()));
        let linked = match class {
            // "I" is whoever speaks the quotation it stands in (again once the speakers are
            // resolved, below); "we" is a group, not one entity.
            Some("i") => {
                first_person.push(anaphor.span);
                article.quote_of(anaphor.span).and_then(|&(_, speaker)| speaker).map(|e| (e, QUOTE_SPEAKER))
            }
            Some("we") => None,
            _ => link(&article, lexicon, model, &anaphor, |_| true).map(|e| (e, RANKED)),
        };
        match linked {
            Some((e, rule)) => {
                entities[e].references.entry(anaphor.span).or_insert(rule);
            }
            None if matches!(class, Some("he" | "she")) => unresolved.push(anaphor.span),
            None => {}
        }
    }
    speakers::resolve(&article, lexicon, model, entities, claims, &mut unresolved);
    first_person_as_resolved(&article, entities, claims, &first_person);
    // A speaker who reports their own words is no intermediary (the sources linked above can
    // now be their reporter).
    for c in claims.iter_mut().filter(|c| c.reported_by.is_some() && c.reported_by == c.source) {
        c.reported_by = None;
    }
    // A pronoun that attribution's rules gave a source, or that a claim's linking joined after all.
    let sourced: HashSet<Span> = claims.iter().filter(|c| c.source.is_some()).filter_map(|c| c.source_span).collect();
    let referenced: HashSet<&Span> = entities.iter().flat_map(|e| e.references.keys()).collect();
    unresolved.retain(|s| !sourced.contains(s) && !referenced.contains(s));
    unresolved.sort();
    unresolved.dedup();
    doc.unresolved = unresolved;
}

/// "I" in a quotation whose speaker the sources' linking changed ('"I am not guilty," he said',
/// "he" joined to another than attribution's first guess) is the speaker the claim now has: the
/// reference moves, and one added where the quotation had no speaker before. The other
/// pronouns were linked with the first guesses, as the ranker was trained.
fn first_person_as_resolved(article: &Article<'_>, entities: &mut [Entity], claims: &[Claim], first_person: &[Span]) {
    let direct: Vec<usize> = (0..claims.len()).filter(|&c| claims[c].direct).collect();
    for &span in first_person {
        let Some(q) = article.quote_index(span) else { continue };
        let (Some(speaker), before) = (claims[direct[q]].source, article.quotes[q].1) else { continue };
        if before == Some(speaker) {
            continue;
        }
        if let Some(old) = before.filter(|&e| entities[e].references.get(&span) == Some(&QUOTE_SPEAKER)) {
            entities[old].references.remove(&span);
        }
        entities[speaker].references.entry(span).or_insert(QUOTE_SPEAKER);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::Pipeline;
    use crate::ingest::Source;
    use crate::layout::analyze;
    use crate::rdf::Iris;
    use crate::segment::segment;

    /// The name of the source of the claim of `doc` (extracted from `text`) whose content holds
    /// `words`.
    fn source_of<'d>(doc: &'d crate::resolve::Document, text: &str, words: &str) -> Option<&'d str> {
        let claim = doc.claims.iter().find(|c| c.content.of(text).contains(words)).expect("a claim");
        claim.source.map(|e| doc.entities[e].name.as_str())
    }

    /// The document the pipeline makes of `text`.
    fn extract(text: &str) -> crate::resolve::Document {
        Pipeline::new(Iris::new("https://example.org/").expect("base")).run(Source::from_text("t", text))
    }

    #[test]
    fn a_wire_credit_in_a_dateline_is_no_antecedent() {
        let text = "Kelso (AFP) - The ferry operator said. A note (AFP) was sent.";
        let at = |word: &str| Span::new(text.find(word).unwrap(), text.find(word).unwrap() + word.len());
        assert!(wire_credit(text, at("AFP")));
        let second = text.rfind("AFP").unwrap();
        assert!(!wire_credit(text, Span::new(second, second + 3)));
        assert!(!wire_credit(text, at("Kelso")));
    }

    #[test]
    fn an_office_is_not_someone_the_article_gave_another() {
        // The deputy who spoke last is no "prime minister"; the deputy again is.
        let text = "Rail plan unveiled\n\nDeputy leader Tom Vance said the plan would cut fares by a fifth. \
                    The prime minister said the trains would run on time. The deputy leader said the work starts in May.\n";
        let doc = extract(text);
        assert_eq!(source_of(&doc, text, "run on time"), None);
        assert_eq!(source_of(&doc, text, "starts in May"), Some("Tom Vance"));
    }

    #[test]
    fn a_spokesman_is_no_woman_named_before() {
        let text = "Rail plan unveiled\n\nAna Ruiz said the plan would cut fares by a fifth. \
                    The spokesman said the trains would run on time.\n";
        let doc = extract(text);
        assert_eq!(source_of(&doc, text, "cut fares"), Some("Ana Ruiz"));
        assert_eq!(source_of(&doc, text, "run on time"), None);
    }

    #[test]
    fn a_role_after_a_long_quotation_is_its_speaker_not_a_name_inside_it() {
        // The quotation runs over two sentences; the name in its last one does not speak.
        let text = "Cup hopes\n\nTom Reed said: \"He would be the best choice for the club. \"You need someone \
                    who knows the job and Ben Vance would bring years of experience.\" The Leeds boss continued: \
                    \"I do not know what is needed.\"\n";
        let doc = extract(text);
        assert_eq!(source_of(&doc, text, "I do not know"), Some("Tom Reed"));
    }

    #[test]
    fn pronouns_are_found_by_class() {
        assert_eq!(pronoun_class("Him"), Some("he"));
        assert_eq!(pronoun_class("its"), Some("it"));
        assert_eq!(pronoun_class("hymn"), None);
        let article = analyze(Source::from_text("t", "Ana Ruiz said her plan works. They agreed with it."));
        let seg = segment(&article);
        let found: Vec<&str> = pronouns(&seg).iter().map(|a| a.span.of(seg.text())).collect();
        assert_eq!(found, ["her", "They", "it"]);
    }

    #[test]
    fn a_description_is_headed_by_its_last_word() {
        let text = "The Tory leader said so.";
        let article = analyze(Source::from_text("t", text));
        let seg = segment(&article);
        let a = description(&seg, Span::new(0, 15)).expect("a description");
        assert_eq!(a.head.of(text), "leader");
        assert!(!a.pronoun);
        assert!(description(&seg, Span::new(16, 20)).is_some_and(|a| !a.pronoun));
    }

    #[test]
    fn the_trained_ranker_links_a_pronoun_to_the_person_it_stands_for() {
        let text = "Nordvik reported higher sales on Monday.\n\nMaria Lopez, its chief executive, was pleased. \
                    She told investors that the company would open two plants next year.\n";
        let pipeline = Pipeline::new(Iris::new("https://example.org/").expect("base"));
        let doc = pipeline.run(Source::from_text("t", text));
        let lopez = doc.entities.iter().find(|e| e.name == "Maria Lopez").expect("Maria Lopez is recognized");
        let refs: Vec<(&str, &str)> = lopez.references.iter().map(|(s, &rule)| (s.of(text), rule)).collect();
        assert!(refs.contains(&("She", RANKED)), "references of Maria Lopez: {refs:?}");
    }

    #[test]
    fn a_relative_pronoun_source_is_the_name_before_it() {
        let text = "Ferry fares review\n\nFares were studied by the Harbour Fares Office (HFO), which concluded \
                    that they were too high. A woman who claimed otherwise was not heard.\n";
        let pipeline = Pipeline::new(Iris::new("https://example.org/").expect("base"));
        let doc = pipeline.run(Source::from_text("t", text));
        let source = |words: &str| {
            let claim = doc.claims.iter().find(|c| c.content.of(text).contains(words)).expect("a claim");
            claim.source.map(|e| doc.entities[e].name.as_str())
        };
        assert_eq!(source("too high"), Some("Harbour Fares Office"), "{:?}", doc.claims);
        assert_eq!(source("otherwise"), None);
    }

    #[test]
    fn the_paper_is_the_newspaper_named_before_it() {
        let text = "Nordvik mulls ferry listing\n\nBluewave could be listed on the stock market as part of an \
                    overhaul of Nordvik's shipping operations, the Kelso Herald has reported. It said Nordvik was set \
                    to restructure its business after a settlement with Brightmoor. Steps being considered include \
                    listing Bluewave, it said. Despite strong sales of Seaspray, Nordvik's ferry business is making a \
                    loss.\n\nUnder the proposals - which the paper said could be announced within days - the ferry \
                    maker could be listed separately.\n";
        let doc = extract(text);
        assert_eq!(source_of(&doc, text, "within days"), Some("Kelso Herald"), "{:?}", doc.claims);
    }

    #[test]
    fn a_description_first_given_in_an_apposition_stands_for_that_name() {
        // Not after a comma that opens a clause ("Sage Centre, the chancellor said").
        let text = "Ferry row\n\nKelso Ferries, the former monopoly, says it will cut fares. The former monopoly \
                    said it would invest £10m. At the Harbour Hall, the minister said the port was safe.\n";
        let doc = extract(text);
        assert_eq!(source_of(&doc, text, "invest"), Some("Kelso Ferries"), "{:?}", doc.claims);
        assert_eq!(source_of(&doc, text, "port was safe"), None, "{:?}", doc.claims);
    }

    #[test]
    fn the_report_is_its_publisher_s() {
        let text = "Ferry aid\n\nThe charity Harbour Aid says in a report that fares are too high. The report said \
                    the poorest towns lose most. The Kelso Council has produced its own study on fares. The study \
                    found that few people use the ferry.\n";
        let doc = extract(text);
        assert_eq!(source_of(&doc, text, "poorest towns"), Some("Harbour Aid"), "{:?}", doc.claims);
        assert_eq!(source_of(&doc, text, "few people"), Some("Kelso Council"), "{:?}", doc.claims);
    }

    #[test]
    fn he_said_after_a_quotation_carries_the_previous_speaker() {
        let text = "Ferry talks stall\n\nCouncillor Tomas Vell told the harbour board: \"That is the rule.\" He said \
                    there had been other exceptions, most recently for Prince Anton's yacht. The board could not pick \
                    and choose when to use the rule, he said.\n";
        let pipeline = Pipeline::new(Iris::new("https://example.org/").expect("base"));
        let doc = pipeline.run(Source::from_text("t", text));
        let name = |e: Option<usize>| e.map(|e| doc.entities[e].name.as_str());
        let claim = doc.claims.iter().find(|c| c.content.of(text).contains("pick and choose")).expect("a claim");
        assert_eq!(name(claim.source), Some("Tomas Vell"), "{:?}", doc.claims);
    }

    #[test]
    fn he_after_a_spokesman_is_the_body_the_spokesman_speaks_for() {
        let text = "Ferry fares to rise\n\nFerry user Tom Price said he would stop travelling. Marinet says it will \
                    review the fares. But a spokesman said its hands were tied. \"Any change would be for ministers to \
                    decide,\" he said.\n\nMarinet declined to comment further. Mr Price was not convinced. He said \
                    the explanation was weak.\n";
        let doc = extract(text);
        assert_eq!(source_of(&doc, text, "for ministers"), Some("Marinet"), "{:?}", doc.claims);
        // A person named since takes "he" back.
        assert_eq!(source_of(&doc, text, "explanation was weak"), Some("Tom Price"), "{:?}", doc.claims);
        // A spokeswoman is no "he".
        let text = text.replace("a spokesman said", "a spokeswoman said");
        let doc = extract(&text);
        assert_ne!(source_of(&doc, &text, "for ministers"), Some("Marinet"), "{:?}", doc.claims);
    }

    #[test]
    fn they_opening_the_next_sentence_is_the_body_that_spoke_unless_people_came_between() {
        let text = "Council funding\n\nCosla says that it is willing to work with ministers on savings. They say the \
                    funding plans are unfair.\n\nThe Harbour Board has confirmed it is reviewing pensions, prompting \
                    unions to threaten action. They believe the plans include a later retirement age.\n";
        let doc = extract(text);
        assert_eq!(source_of(&doc, text, "plans are unfair"), Some("Cosla"), "{:?}", doc.claims);
        assert_eq!(source_of(&doc, text, "later retirement"), None, "{:?}", doc.claims);
    }

    #[test]
    fn a_rare_first_name_s_census_sex_vetoes_no_pronoun() {
        // "Tama" is listed for a few American women only.
        let text = "Rugby\n\nCaptain Tama Vell warned the Lions would be tough. \"It will be good for us,\" Vell said. \
                    The 31-year-old admitted the tour was the biggest thing in years. He added: \"We are driven.\"\n";
        let doc = extract(text);
        assert_eq!(source_of(&doc, text, "We are driven"), Some("Tama Vell"), "{:?}", doc.claims);
    }

    #[test]
    fn it_opening_a_sentence_is_the_company_the_sentence_before_described() {
        let text = "Ferry changes\n\nKelso Ferries has offered to cut fares. Kelso Ferries wants lighter regulation.\n\n\
                    The group is to set up a new Harbour Services division. The company also unveiled plans to cut \
                    prices.\n\nIt added that it plans to invest £10m.\n";
        let doc = extract(text);
        assert_eq!(source_of(&doc, text, "plans to invest"), Some("Kelso Ferries"), "{:?}", doc.claims);
    }

    #[test]
    fn a_spokesman_for_the_group_speaks_for_the_company_the_group_stands_for() {
        // Also not for a body the article never named ("a spokesman for the charity").
        let text = "Fuel prices\n\nThe rise followed a fire at Kelmar Refining Company's plant in Texas. A spokesman \
                    for the group was unable to say when the plant would reopen. A spokesman for the charity said \
                    prices would rise.\n";
        let doc = extract(text);
        assert_eq!(source_of(&doc, text, "when the plant would reopen"), Some("Kelmar Refining Company"), "{:?}", doc.claims);
        assert_eq!(source_of(&doc, text, "prices would rise"), None, "{:?}", doc.claims);
    }

    #[test]
    fn the_group_an_article_opens_with_unnamed_is_no_body_named_later() {
        let text = "Ferry campaign\n\nA harbour campaign group is to target three seats held by the Green Party \
                    in the council election. The Green Party called it a stunt.\n\nThe group said it had 300 \
                    volunteers.\n";
        let pipeline = Pipeline::new(Iris::new("https://example.org/").expect("base"));
        let doc = pipeline.run(Source::from_text("t", text));
        let claim = doc.claims.iter().find(|c| c.content.of(text).contains("300 volunteers")).expect("the claim is found");
        assert_eq!(claim.source, None, "{:?}", doc.entities);
        assert!(doc.unresolved.contains(&claim.source_span.expect("source words")), "{:?}", doc.unresolved);
    }

    #[test]
    fn the_police_are_no_other_body_that_spoke_but_the_paper_is_the_paper() {
        let text = "Quay protest\n\nThe Kelso Harbour Board said the quay would close on Monday. The police said no \
                    one had been hurt.\n\nThe Northern Gazette said the protest was peaceful. The paper said 300 \
                    people had marched.\n";
        let pipeline = Pipeline::new(Iris::new("https://example.org/").expect("base"));
        let doc = pipeline.run(Source::from_text("t", text));
        assert_eq!(source_of(&doc, text, "no one had been hurt"), None, "{:?}", doc.claims);
        assert_eq!(source_of(&doc, text, "300 people"), Some("Northern Gazette"));
    }

    #[test]
    fn the_chancellor_is_not_the_shadow_chancellor() {
        let text = "Budget row\n\nLabour chancellor Ana Ruiz opened the debate on Monday. Tory shadow chancellor Tom \
                    Vance said taxes would rise under the plan.\n\nThe chancellor said growth was strong. The shadow \
                    chancellor said the figures were wrong.\n";
        let pipeline = Pipeline::new(Iris::new("https://example.org/").expect("base"));
        let doc = pipeline.run(Source::from_text("t", text));
        assert_eq!(source_of(&doc, text, "growth was strong"), Some("Ana Ruiz"), "{:?}", doc.claims);
        assert_eq!(source_of(&doc, text, "figures were wrong"), Some("Tom Vance"));
    }

    #[test]
    fn the_boss_who_speaks_is_the_speaker_before() {
        let text = "Cup tie\n\nTom Vance said his players were brave.\n\n\"It was hard,\" said the boss.\n";
        let pipeline = Pipeline::new(Iris::new("https://example.org/").expect("base"));
        let doc = pipeline.run(Source::from_text("t", text));
        assert_eq!(source_of(&doc, text, "It was hard"), Some("Tom Vance"), "{:?}", doc.claims);
    }

    #[test]
    fn a_speaking_role_after_a_name_is_that_person() {
        let text = "Vance denies rift\n\nTom Vance has denied that his party is split over the harbour plan.\n\n\
                    The Green leader said the decision had been reached after a long debate.\n";
        let pipeline = Pipeline::new(Iris::new("https://example.org/").expect("base"));
        let doc = pipeline.run(Source::from_text("t", text));
        let claim = doc.claims.iter().find(|c| c.content.of(text).contains("long debate")).expect("the claim is found");
        assert_eq!(claim.source_span.map(|s| s.of(text)), Some("The Green leader"));
        assert_eq!(claim.source.map(|e| doc.entities[e].name.as_str()), Some("Tom Vance"));
        let vance = &doc.entities[claim.source.expect("checked")];
        assert_eq!(vance.references.get(&claim.source_span.expect("checked")), Some(&SPEAKING_ROLE));
    }

    #[test]
    fn a_speaking_role_is_the_last_speaker_before_the_last_name() {
        // The latest person named (Tom Vik) is spoken about; the latest speaker is the coach.
        let text = "Rugby row\n\nAna Ruiz said she was livid about Tom Vik's decisions on Saturday. \
                    The coach went on to claim that only one side was refereed.\n";
        let pipeline = Pipeline::new(Iris::new("https://example.org/").expect("base"));
        let doc = pipeline.run(Source::from_text("t", text));
        let claim = doc.claims.iter().find(|c| c.content.of(text).contains("refereed")).expect("the claim is found");
        assert_eq!(claim.source.map(|e| doc.entities[e].name.as_str()), Some("Ana Ruiz"), "{:?}", doc.claims);
    }

    #[test]
    fn a_speaker_is_not_someone_named_in_their_own_words() {
        let pipeline = Pipeline::new(Iris::new("https://example.org/").expect("base"));
        let source_of = |text: &str, words: &str| {
            let doc = pipeline.run(Source::from_text("t", text));
            let claim = doc.claims.iter().find(|c| c.content.of(text).contains(words)).expect("the claim is found");
            claim.source.map(|e| doc.entities[e].name.clone())
        };
        let text = "Cup hopes\n\nCoach Ivo Brenn said his side had earned the win. Captain Tom Vik scored twice \
                    before half-time. \"I am happy for Tom Vik, who worked hard all week,\" he said.\n";
        assert_eq!(source_of(text, "happy for").as_deref(), Some("Ivo Brenn"));
        // Nor in the other claims of the same words; with no one else fit, no one.
        let text = "Harbour budget row\n\nOpposition member Tom Vik asked Ana Ruiz whether the ministry had leaned \
                    on the auditors. But the minister said Mr Vik was wrong and said the decision had been made \
                    independently.\n";
        assert_eq!(source_of(text, "was wrong"), None);
        assert_eq!(source_of(text, "independently"), None);
        // A possessive in a reporter's paraphrase may name the speaker.
        let text = "Series deal\n\nLena Holt met Tom Vik on Friday. Two producers have signed up for Lena Holt's new \
                    series, the writer said.\n";
        assert_eq!(source_of(text, "signed up").as_deref(), Some("Lena Holt"));
    }

    #[test]
    fn the_american_is_the_latest_person_named_american() {
        let text = "Vance through in Dubai\n\nAmerican Tom Vance beat Ivo Brenn in straight sets on Tuesday. Brenn had \
                    won their last three meetings.\n\n\"I played well from the start,\" said the American.\n";
        let pipeline = Pipeline::new(Iris::new("https://example.org/").expect("base"));
        let doc = pipeline.run(Source::from_text("t", text));
        let claim = doc.claims.iter().find(|c| c.content.of(text).contains("played well")).expect("the claim is found");
        assert_eq!(claim.source.map(|e| doc.entities[e].name.as_str()), Some("Tom Vance"), "{:?}", doc.claims);
        // A people is no one.
        let text = "Talks\n\nFrench minister Tom Vance met Ivo Brenn. The French said the talks went well.\n";
        let doc = pipeline.run(Source::from_text("t", text));
        let claim = doc.claims.iter().find(|c| c.content.of(text).contains("went well")).expect("the claim is found");
        assert_eq!(claim.source, None, "{:?}", doc.claims);
    }

    #[test]
    fn the_charity_is_the_organization_named_further_back() {
        let text = "Carers short of funds\n\nThe Halvard Carers Charity says foster carers are paid too little. \
                    Most carers spend their own money on the children they look after.\n\nA survey of 800 carers found \
                    that half had thought of giving up. Councils in the north pay the least.\n\n\
                    The charity recommends a weekly payment of 120 pounds.\n";
        let pipeline = Pipeline::new(Iris::new("https://example.org/").expect("base"));
        let doc = pipeline.run(Source::from_text("t", text));
        let claim = doc.claims.iter().find(|c| c.content.of(text).contains("weekly payment")).expect("the claim is found");
        assert_eq!(claim.source_span.map(|s| s.of(text)), Some("The charity"));
        assert_eq!(claim.source.map(|e| doc.entities[e].name.as_str()), Some("Halvard Carers Charity"), "{:?}", doc.entities);
    }

    #[test]
    fn the_n_year_old_is_the_person_named_most_recently_twice() {
        let text = "Okafor wins in Lyon\n\nAda Okafor won the 200m in Lyon on Sunday. Okafor beat \
                    Mia Lund by a stride, with her coach Tom Reyes watching.\n\n\
                    \"I felt strong from the start,\" said the 24-year-old.\n";
        let pipeline = Pipeline::new(Iris::new("https://example.org/").expect("base"));
        let doc = pipeline.run(Source::from_text("t", text));
        let claim = doc.claims.iter().find(|c| c.content.of(text).contains("felt strong")).expect("the claim is found");
        assert_eq!(claim.source_span.map(|s| s.of(text)), Some("the 24-year-old"));
        assert_eq!(claim.source.map(|e| doc.entities[e].name.as_str()), Some("Ada Okafor"), "{:?}", doc.entities);
        let okafor = &doc.entities[claim.source.expect("checked")];
        assert_eq!(okafor.references.get(&claim.source_span.expect("checked")), Some(&AGED_PERSON));
    }

    #[test]
    fn the_n_year_old_with_a_relative_clause_is_the_person_named() {
        let text = "Okafor retires\n\nAda Okafor has ended her career. Okafor beat Mia Lund in Lyon last year.\n\n\
                    The 31-year-old, who won silver in Oslo in 2000, said that an injury had stopped her.\n";
        let pipeline = Pipeline::new(Iris::new("https://example.org/").expect("base"));
        let doc = pipeline.run(Source::from_text("t", text));
        let claim = doc.claims.iter().find(|c| c.content.of(text).contains("an injury")).expect("the claim is found");
        assert_eq!(claim.source.map(|e| doc.entities[e].name.as_str()), Some("Ada Okafor"), "{:?}", doc.claims);
    }

    #[test]
    fn a_possessive_s_voice_speaks_for_whom_it_stands_for() {
        let text = "Tour off\n\nSinger Ana Ruiz has cancelled her tour after a fall, and Tom Vance will stand in. Her \
                    spokesman said she was resting at home.\n";
        let doc = extract(text);
        assert_eq!(source_of(&doc, text, "resting at home"), Some("Ana Ruiz"), "{:?}", doc.claims);
        let ruiz = doc.entities.iter().find(|e| e.name == "Ana Ruiz").expect("found");
        let claim = doc.claims.iter().find(|c| c.content.of(text).contains("resting")).expect("found");
        assert_eq!(ruiz.references.get(&claim.source_span.expect("checked")), Some(&POSSESSOR_VOICE));
    }

    #[test]
    fn the_report_is_its_author() {
        let text = "Ferries late\n\nMost ferries on the coast ran late last winter, according to a review by Halvard \
                    Transit Watch. The report said delays doubled in storms.\n";
        let pipeline = Pipeline::new(Iris::new("https://example.org/").expect("base"));
        let doc = pipeline.run(Source::from_text("t", text));
        let claim = doc.claims.iter().find(|c| c.content.of(text).contains("delays doubled")).expect("the claim is found");
        assert_eq!(claim.source_span.map(|s| s.of(text)), Some("The report"));
        assert_eq!(claim.source.map(|e| doc.entities[e].name.as_str()), Some("Halvard Transit Watch"), "{:?}", doc.entities);
        let author = &doc.entities[claim.source.expect("checked")];
        assert_eq!(author.references.get(&claim.source_span.expect("checked")), Some(&DOCUMENT_AUTHOR));
        // A statement's author named right before it.
        let text = "Ferries late\n\nKelso Ferries has suspended two crew. A Kelso Ferries statement said: \"The crew broke \
                    the rules.\" The statement continued: \"They will be heard next week.\"\n";
        let doc = extract(text);
        assert_eq!(source_of(&doc, text, "heard next week"), Some("Kelso Ferries"), "{:?}", doc.claims);
    }

    #[test]
    fn a_pronoun_for_no_one_named_stays_unresolved_with_its_span() {
        let text = "Harbour closed

The harbour was closed on Monday. He said the storm had damaged the quay.
";
        let pipeline = Pipeline::new(Iris::new("https://example.org/").expect("base"));
        let doc = pipeline.run(Source::from_text("t", text));
        let unresolved: Vec<&str> = doc.unresolved.iter().map(|s| s.of(text)).collect();
        assert_eq!(unresolved, ["He"]);
        assert!(doc.entities.iter().all(|e| e.references.is_empty()));
    }

    #[test]
    fn i_in_a_quotation_is_its_speaker_and_we_is_no_one() {
        let text = "Harbour talks\n\nTom Vance said: \"I will not sign, and we will strike on Monday.\"\n";
        let pipeline = Pipeline::new(Iris::new("https://example.org/").expect("base"));
        let doc = pipeline.run(Source::from_text("t", text));
        let vance = doc.entities.iter().find(|e| e.name == "Tom Vance").expect("Tom Vance is recognized");
        let refs: Vec<(&str, &str)> = vance.references.iter().map(|(s, &rule)| (s.of(text), rule)).collect();
        assert_eq!(refs, [("I", QUOTE_SPEAKER)]);
    }

    #[test]
    fn i_in_a_quotation_is_the_speaker_its_claim_has_after_linking() {
        // Attribution's first guess for "he" is the latest name, a woman's; the sources' linking
        // gives the quotation to the man, and its "I" follows.
        let text = "Port row\n\nHarbour chief Ana Ruiz criticised the plan drawn up by Tom Vance. \"I am not convinced,\" he \
                    said. \"I want a vote.\"\n";
        let pipeline = Pipeline::new(Iris::new("https://example.org/").expect("base"));
        let doc = pipeline.run(Source::from_text("t", text));
        let refs = |name: &str| {
            let e = doc.entities.iter().find(|e| e.name == name).expect("recognized");
            e.references.keys().map(|s| s.of(text)).collect::<Vec<_>>()
        };
        assert_eq!(refs("Tom Vance"), ["I", "he", "I"], "{:?}", doc.claims);
        assert!(refs("Ana Ruiz").is_empty());
    }
}
