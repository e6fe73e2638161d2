//! Training the entity tagger of `recognize::model` from freely licensed corpora.
//!
//! The corpora come in as texts (the binary reads the files): Universal NER English-EWT train
//! (IOB2, cleaned as its SOURCE.md says: stray `B-O` and `OTH` become `O`), the named person,
//! organization and place mentions of GUM (CoNLL-U, MISC `Entity=`; a mention is named when its
//! head is a `PROPN`; determiners, titles and punctuation at its edges are cut off), wikigold (IO
//! tags, MISC dropped) and re3d (IOB2; Person, Organisation and Location mentions written as
//! names). Every sentence is re-tokenized with `segment::tokens_of` and its mentions projected
//! onto those tokens by character offsets, so the model sees at training time what it sees at run
//! time. Held out for model selection: GUM's dev documents (its test documents are not used at
//! all) and every tenth document of the other corpora. Training is deterministic: documents are
//! shuffled by a seeded generator, and the weights are byte-identical for the same data and seed.

use crate::ingest::Source as Article;
use crate::layout::analyze;
use crate::lexicon::{EntityType, Lexicon};
use crate::recognize::model::{self, CLASSES, DocContext, Hint, KIND, NerModel, SentenceContext, Tagged, allowed, encode, hints};
use crate::recognize::{maxent, rule_mentions};
use crate::segment::segment;
use crate::segment::tokens_of;
use crate::syntax::perceptron::{Features, ModelError};
use crate::text::Span;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use thiserror::Error;

/// The corpora to train from, as texts.
#[derive(Debug, Default)]
pub struct Corpora<'a> {
    /// `uner-en-ewt-train/en_ewt-ud-train.iob2`.
    pub uner: &'a str,
    /// GUM's `dep/*.conllu` files: (document name without extension, text), in a stable order.
    pub gum: Vec<(&'a str, &'a str)>,
    /// GUM's `splits.md`.
    pub gum_splits: &'a str,
    /// `wikigold/wikigold.conll.txt`.
    pub wikigold: &'a str,
    /// re3d's `conll/<source>/*.conll` files: (file name, text), in a stable order.
    pub re3d: Vec<(&'a str, &'a str)>,
}

/// Training settings: how the log-linear fit is done.
pub use super::maxent::Fit as Settings;

/// A trained model and what training measured.
#[derive(Debug)]
pub struct Trained {
    /// The weights file.
    pub weights: Vec<u8>,
    /// Corpus sizes, held-out scores per epoch and per corpus, the model's size.
    pub report: String,
}

/// Why training could not run.
#[derive(Debug, Error)]
pub enum TrainError {
    /// A corpus gave no sentences.
    #[error("the {0} corpus has no sentences: check its path")]
    Empty(&'static str),
    /// The weights just written do not load.
    #[error("the trained model does not load: {0}")]
    Model(#[from] ModelError),
}

/// One training document: sentences of our tokens with their gold spans.
#[derive(Debug, Clone)]
struct Doc {
    corpus: &'static str,
    held_out: bool,
    sentences: Vec<Gold>,
    /// What the rules say about each token of each sentence.
    hints: Vec<Vec<Option<Hint>>>,
}

/// A sentence re-tokenized by `segment`, with gold spans over its tokens.
#[derive(Debug, Clone, Default)]
struct Gold {
    text: String,
    tokens: Vec<Span>,
    words: Vec<String>,
    spans: Vec<Tagged>,
}

/// Trains the entity tagger.
pub fn train(corpora: &Corpora<'_>, lexicon: &Lexicon, settings: &Settings) -> Result<Trained, TrainError> {
    let mut docs = Vec::new();
    for (name, found) in [
        ("uner", uner_docs(corpora.uner)),
        ("gum", gum_docs(&corpora.gum, corpora.gum_splits, lexicon)),
        ("wikigold", wikigold_docs(corpora.wikigold)),
        ("re3d", re3d_docs(&corpora.re3d)),
    ] {
        if found.iter().all(|d| d.sentences.is_empty()) {
            return Err(TrainError::Empty(name));
        }
        docs.extend(found);
    }
    for doc in &mut docs {
        doc.hints = rule_hints(doc, lexicon);
    }
    let (train, held): (Vec<&Doc>, Vec<&Doc>) = docs.iter().partition(|d| !d.held_out);
    let mut report = String::new();
    sizes(&mut report, &train, &held);
    let tokens: Vec<maxent::Token> = train.iter().flat_map(|d| doc_tokens(lexicon, d)).collect();
    let classes: Vec<String> = CLASSES.iter().map(|c| c.to_string()).collect();
    let (fitted, taken, kept) = maxent::fit(&tokens, &classes, (KIND, model::feature_hash(), &notes(settings)), *settings);
    let weights = fitted.to_bytes();
    let model = NerModel::from_bytes(&weights)?;
    let scores = score(&model, lexicon, &held);
    let _ = writeln!(report, "fit: {taken} iterations, {kept} features");
    let _ = writeln!(report, "held-out {}", scores.get("all").copied().unwrap_or_default().summary());
    for (corpus, counts) in scores.iter().filter(|(c, _)| **c != "all") {
        let _ = writeln!(report, "  {corpus:<9} {}", counts.summary());
    }
    let sample: Vec<&Doc> = train.iter().step_by(10).copied().collect();
    let fit = score(&model, lexicon, &sample);
    let _ = writeln!(report, "fit on every tenth training document: {}", fit.get("all").copied().unwrap_or_default().summary());
    let _ = writeln!(report, "weights: {} bytes, {} features", weights.len(), model.weighted_features());
    Ok(Trained { weights, report })
}

/// The notes stored in the weights file.
fn notes(settings: &Settings) -> String {
    format!(
        "hearsay NER, log-linear, fitted by `hearsay train ner` (L2 {}, at most {} iterations, features seen {} times or more, \
         prune {}) from Universal NER English-EWT train \
         (Mayhew et al. 2024, CC BY-SA 4.0; text from UD English-EWT, Silveira et al. 2014, Stanford, CC BY-SA 4.0), GUM \
         (Zeldes 2017; annotations CC BY 4.0, texts CC BY 2.5 / CC BY 4.0 / CC BY-SA 3.0 / public domain), wikigold \
         (Balasuriya et al. 2009, CC BY 4.0) and re3d (Dstl; public domain, OGL v3.0, CC BY 3.0 AU, CC BY-SA 3.0). \
         Weights licensed CC BY-SA 4.0.",
        settings.l2, settings.iterations, settings.min_count, settings.prune
    )
}

fn sizes(report: &mut String, train: &[&Doc], held: &[&Doc]) {
    let mut counts: BTreeMap<&str, [usize; 4]> = BTreeMap::new();
    for (docs, column) in [(train, 0), (held, 2)] {
        for d in docs {
            let c = counts.entry(d.corpus).or_default();
            c[column] += d.sentences.len();
            c[column + 1] += d.sentences.iter().map(|s| s.spans.len()).sum::<usize>();
        }
    }
    for (corpus, [ts, tm, hs, hm]) in counts {
        let _ = writeln!(report, "{corpus:<9} train {ts} sentences, {tm} mentions; held out {hs} sentences, {hm} mentions");
    }
}

/// Every token of a document as the log-linear fit sees it: features with the gold tags as
/// history, the gold class and the classes allowed after the gold ones.
fn doc_tokens(lexicon: &Lexicon, doc: &Doc) -> Vec<maxent::Token> {
    let words: Vec<Vec<&str>> = doc.sentences.iter().map(|s| s.words.iter().map(String::as_str).collect()).collect();
    let mut context = DocContext::new(&words);
    let mut features = Features::default();
    let mut out = Vec::new();
    for ((sentence, gold), hints) in words.iter().zip(&doc.sentences).zip(&doc.hints) {
        let truth = encode(sentence.len(), &gold.spans);
        let s = SentenceContext::new(lexicon, sentence, hints);
        let mut tags: Vec<usize> = Vec::with_capacity(sentence.len());
        for (i, &gold_class) in truth.iter().enumerate() {
            features.clear();
            model::features(&s, &context, &tags, i, &mut features);
            let last = i + 1 == sentence.len();
            let allowed = (0..CLASSES.len()).filter(|&c| allowed(&tags, c, last)).fold(0u16, |m, c| m | 1 << c);
            out.push(maxent::Token { features: features.0.clone(), gold: gold_class as u8, allowed: allowed | 1 << gold_class });
            tags.push(gold_class);
        }
        context.remember(sentence, &gold.spans);
    }
    out
}

/// Exact-span counts.
#[derive(Debug, Default, Clone, Copy)]
struct Counts {
    tp: usize,
    predicted: usize,
    gold: usize,
}

impl Counts {
    fn precision(&self) -> f64 {
        self.tp as f64 / self.predicted.max(1) as f64 * 100.0
    }

    fn recall(&self) -> f64 {
        self.tp as f64 / self.gold.max(1) as f64 * 100.0
    }

    fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 }
    }

    fn summary(&self) -> String {
        format!("P {:.1} R {:.1} F1 {:.1} ({} gold)", self.precision(), self.recall(), self.f1(), self.gold)
    }
}

/// Exact typed-span scores of `model` on `docs`, per corpus and over all.
fn score(model: &NerModel, lexicon: &Lexicon, docs: &[&Doc]) -> BTreeMap<&'static str, Counts> {
    let mut out: BTreeMap<&'static str, Counts> = BTreeMap::new();
    for doc in docs {
        let words: Vec<Vec<&str>> = doc.sentences.iter().map(|s| s.words.iter().map(String::as_str).collect()).collect();
        let predicted = model.tag(lexicon, &words, &doc.hints);
        for (gold, found) in doc.sentences.iter().zip(predicted) {
            let tp = found.iter().filter(|f| gold.spans.contains(f)).count();
            for key in [doc.corpus, "all"] {
                let c = out.entry(key).or_default();
                c.tp += tp;
                c.predicted += found.len();
                c.gold += gold.spans.len();
            }
        }
    }
    out
}

/// A sentence as the corpus gives it: its text (if stated), its tokens, and its mentions as
/// token ranges.
struct Source<'a> {
    text: Option<&'a str>,
    tokens: Vec<&'a str>,
    mentions: Vec<(usize, usize, EntityType)>,
}

/// Re-tokenizes a sentence and projects its mentions onto the new tokens.
fn project(source: &Source<'_>) -> Gold {
    let (text, offsets) = source.text.and_then(|t| align(t, &source.tokens)).unwrap_or_else(|| joined(&source.tokens));
    let tokens = tokens_of(&text, Span::new(0, text.len()));
    let words = tokens.iter().map(|t| t.span.of(&text).to_string()).collect();
    let mut gold = Gold { tokens: tokens.iter().map(|t| t.span).collect(), words, spans: Vec::new(), text: String::new() };
    let mut mentions = source.mentions.clone();
    mentions.sort_by_key(|&(a, b, _)| (a, std::cmp::Reverse(b)));
    for (a, b, kind) in mentions {
        let (start, end) = (offsets[a].0, offsets[b - 1].1);
        let first = tokens.iter().position(|t| t.span.end > start);
        let last = tokens.iter().rposition(|t| t.span.start < end);
        let (Some(first), Some(last)) = (first, last) else { continue };
        if first > last || gold.spans.last().is_some_and(|s| s.end > first) {
            continue;
        }
        gold.spans.push(Tagged { start: first, end: last + 1, kind });
    }
    gold.text = text;
    gold
}

/// The rules' hints for every sentence of a document: the rules run on the document's text (its
/// sentences, one per line), as they run on an article.
fn rule_hints(doc: &Doc, lexicon: &Lexicon) -> Vec<Vec<Option<Hint>>> {
    let mut text = String::new();
    let mut bases = Vec::new();
    for s in &doc.sentences {
        bases.push(text.len());
        text.push_str(&s.text);
        text.push('\n');
    }
    let article = analyze(Article::from_text("train.txt", text));
    let segmented = segment(&article);
    let mentions = rule_mentions(&segmented, lexicon);
    doc.sentences
        .iter()
        .zip(bases)
        .map(|(s, base)| hints(&mentions, &s.tokens.iter().map(|t| Span::new(t.start + base, t.end + base)).collect::<Vec<_>>()))
        .collect()
}

/// Byte offsets of `tokens` in `text` when the text is the tokens in order with whitespace between.
fn align(text: &str, tokens: &[&str]) -> Option<(String, Vec<(usize, usize)>)> {
    let mut offsets = Vec::with_capacity(tokens.len());
    let mut at = 0;
    for token in tokens {
        at += text[at..].len() - text[at..].trim_start().len();
        if token.is_empty() || !text[at..].starts_with(token) {
            return None;
        }
        offsets.push((at, at + token.len()));
        at += token.len();
    }
    Some((text.to_string(), offsets))
}

/// The tokens joined by single spaces, with their offsets.
fn joined(tokens: &[&str]) -> (String, Vec<(usize, usize)>) {
    let mut text = String::new();
    let mut offsets = Vec::with_capacity(tokens.len());
    for t in tokens {
        if !text.is_empty() {
            text.push(' ');
        }
        offsets.push((text.len(), text.len() + t.len()));
        text.push_str(t);
    }
    (text, offsets)
}

/// Mentions of a BIO (or IO) tag sequence, as token ranges; `None` is outside.
fn bio_mentions(tags: &[(bool, Option<EntityType>)]) -> Vec<(usize, usize, EntityType)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, EntityType)> = None;
    for (i, &(begins, kind)) in tags.iter().enumerate() {
        if let Some((start, k)) = open {
            if begins || kind != Some(k) {
                out.push((start, i, k));
                open = None;
            }
        }
        if let (None, Some(k)) = (open, kind) {
            open = Some((i, k));
        }
    }
    if let Some((start, k)) = open {
        out.push((start, tags.len(), k));
    }
    out
}

/// Whether document `index` of a corpus without its own split is held out.
fn held_out(index: usize) -> bool {
    index % 10 == 9
}

/// Universal NER EWT train, cleaned.
fn uner_docs(data: &str) -> Vec<Doc> {
    let mut docs: Vec<Doc> = Vec::new();
    let mut text = None;
    let mut tokens: Vec<(&str, (bool, Option<EntityType>))> = Vec::new();
    let flush = |docs: &mut Vec<Doc>, text: &mut Option<&str>, tokens: &mut Vec<(&str, (bool, Option<EntityType>))>| {
        if tokens.is_empty() {
            return;
        }
        if docs.is_empty() {
            docs.push(Doc { corpus: "uner", held_out: held_out(0), sentences: Vec::new(), hints: Vec::new() });
        }
        let tags: Vec<_> = tokens.iter().map(|t| t.1).collect();
        let source = Source { text: text.take(), tokens: tokens.iter().map(|t| t.0).collect(), mentions: bio_mentions(&tags) };
        docs.last_mut().expect("a document").sentences.push(project(&source));
        tokens.clear();
    };
    for line in data.lines() {
        if line.trim().is_empty() {
            flush(&mut docs, &mut text, &mut tokens);
        } else if let Some(rest) = line.strip_prefix('#') {
            let rest = rest.trim_start();
            if rest.starts_with("newdoc") {
                flush(&mut docs, &mut text, &mut tokens);
                docs.push(Doc { corpus: "uner", held_out: held_out(docs.len()), sentences: Vec::new(), hints: Vec::new() });
            } else if let Some(t) = rest.strip_prefix("text = ") {
                text = Some(t);
            }
        } else {
            let fields: Vec<&str> = line.split('\t').collect();
            if fields.len() >= 3 && fields[0].bytes().all(|b| b.is_ascii_digit()) {
                tokens.push((fields[1], uner_tag(fields[2])));
            }
        }
    }
    flush(&mut docs, &mut text, &mut tokens);
    docs
}

/// A UNER tag: `B-O` and `OTH` are outside.
fn uner_tag(tag: &str) -> (bool, Option<EntityType>) {
    let kind = match tag.get(2..) {
        Some("PER") => Some(EntityType::Person),
        Some("ORG") => Some(EntityType::Organization),
        Some("LOC") => Some(EntityType::Place),
        _ => None,
    };
    (tag.starts_with("B-") && kind.is_some(), kind)
}

/// wikigold: IO tags, documents ended by `-DOCSTART-`, MISC dropped.
fn wikigold_docs(data: &str) -> Vec<Doc> {
    let mut docs = vec![Doc { corpus: "wikigold", held_out: held_out(0), sentences: Vec::new(), hints: Vec::new() }];
    let mut tokens: Vec<(&str, (bool, Option<EntityType>))> = Vec::new();
    let flush = |docs: &mut Vec<Doc>, tokens: &mut Vec<(&str, (bool, Option<EntityType>))>| {
        if !tokens.is_empty() {
            let tags: Vec<_> = tokens.iter().map(|t| t.1).collect();
            let source = Source { text: None, tokens: tokens.iter().map(|t| t.0).collect(), mentions: bio_mentions(&tags) };
            docs.last_mut().expect("a document").sentences.push(project(&source));
            tokens.clear();
        }
    };
    for line in data.lines() {
        if line.starts_with("-DOCSTART-") {
            flush(&mut docs, &mut tokens);
            let n = docs.len();
            docs.push(Doc { corpus: "wikigold", held_out: held_out(n), sentences: Vec::new(), hints: Vec::new() });
        } else if line.trim().is_empty() {
            flush(&mut docs, &mut tokens);
        } else if let Some((token, tag)) = line.rsplit_once(' ') {
            let kind = match tag {
                "I-PER" | "B-PER" => Some(EntityType::Person),
                "I-ORG" | "B-ORG" => Some(EntityType::Organization),
                "I-LOC" | "B-LOC" => Some(EntityType::Place),
                _ => None,
            };
            tokens.push((token, (tag.starts_with("B-"), kind)));
        }
    }
    flush(&mut docs, &mut tokens);
    docs.retain(|d| !d.sentences.is_empty());
    docs
}

/// re3d: IOB2, Person, Organisation and Location mentions written as names.
fn re3d_docs(files: &[(&str, &str)]) -> Vec<Doc> {
    files
        .iter()
        .enumerate()
        .map(|(index, (_, data))| {
            let mut doc = Doc { corpus: "re3d", held_out: held_out(index), sentences: Vec::new(), hints: Vec::new() };
            for block in data.split("\n\n").map(str::trim).filter(|b| !b.is_empty()) {
                let rows: Vec<(&str, &str)> = block.lines().filter_map(|l| l.split_once('\t')).collect();
                let tags: Vec<(bool, Option<EntityType>)> = rows
                    .iter()
                    .map(|&(_, tag)| {
                        let kind = match tag.get(2..) {
                            Some("Person") => Some(EntityType::Person),
                            Some("Organisation") => Some(EntityType::Organization),
                            Some("Location") => Some(EntityType::Place),
                            _ => None,
                        };
                        (tag.starts_with("B-"), kind)
                    })
                    .collect();
                let tokens: Vec<&str> = rows.iter().map(|r| r.0).collect();
                let mentions = bio_mentions(&tags).into_iter().filter(|&(a, b, _)| is_written_as_name(&tokens[a..b])).collect();
                doc.sentences.push(project(&Source { text: None, tokens, mentions }));
            }
            doc
        })
        .collect()
}

/// Words that may stand in lowercase inside a name ("Bank of England", "al-Assad").
const NAME_CONNECTORS: &[&str] =
    &["of", "the", "and", "for", "&", "de", "du", "da", "del", "der", "van", "von", "bin", "al", "el", "la", "le", "y", "-", "'s", "on"];

/// Whether every word of a mention is capitalized, a number or a connector, and the first is
/// capitalized: a name, not a description ("U.S. service members").
fn is_written_as_name(tokens: &[&str]) -> bool {
    let capital = |t: &str| t.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit());
    tokens.first().is_some_and(|&t| capital(t))
        && tokens.iter().all(|&t| capital(t) || NAME_CONNECTORS.contains(&t.to_lowercase().as_str()) || t.starts_with("al-"))
}

/// GUM's document names by split ("train", "dev", "test").
fn gum_splits(splits: &str) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    let mut section = String::new();
    for line in splits.lines() {
        if let Some(name) = line.strip_prefix("## ") {
            section = name.trim().to_string();
        } else if let Some(doc) = line.trim().strip_prefix("* ") {
            out.insert(doc.trim().to_string(), section.clone());
        }
    }
    out
}

/// GUM's named PER/ORG/LOC mentions; dev documents held out, test documents left out.
fn gum_docs(files: &[(&str, &str)], splits: &str, lexicon: &Lexicon) -> Vec<Doc> {
    let splits = gum_splits(splits);
    files
        .iter()
        .filter_map(|&(name, data)| {
            let split = splits.get(name).map_or("train", String::as_str);
            (split != "test").then(|| Doc {
                corpus: "gum",
                held_out: split == "dev",
                sentences: gum_sentences(data, lexicon),
                hints: Vec::new(),
            })
        })
        .collect()
}

/// One word of a CoNLL-U sentence.
struct Word<'a> {
    form: &'a str,
    upos: &'a str,
    head: usize,
    entity: &'a str,
    /// The surface token it belongs to (an index into the sentence's surface tokens).
    surface: usize,
}

fn gum_sentences(data: &str, lexicon: &Lexicon) -> Vec<Gold> {
    let mut out = Vec::new();
    for block in data.split("\n\n").filter(|b| !b.trim().is_empty()) {
        let mut text = None;
        let mut surface: Vec<&str> = Vec::new();
        let mut words: Vec<Word<'_>> = Vec::new();
        let mut mwt_end = 0;
        for line in block.lines() {
            if let Some(t) = line.strip_prefix("# text = ") {
                text = Some(t);
                continue;
            }
            let f: Vec<&str> = line.split('\t').collect();
            if line.starts_with('#') || f.len() < 10 || f[0].contains('.') {
                continue;
            }
            if let Some((_, end)) = f[0].split_once('-') {
                mwt_end = end.parse().unwrap_or(0);
                surface.push(f[1]);
                continue;
            }
            let id: usize = f[0].parse().unwrap_or(0);
            if id > mwt_end {
                surface.push(f[1]);
            }
            let entity = f[9].split('|').find_map(|m| m.strip_prefix("Entity=")).unwrap_or("");
            words.push(Word { form: f[1], upos: f[3], head: f[6].parse().unwrap_or(0), entity, surface: surface.len() - 1 });
        }
        if words.is_empty() {
            continue;
        }
        let mentions =
            gum_mentions(&words, lexicon).into_iter().map(|(a, b, kind)| (words[a].surface, words[b - 1].surface + 1, kind)).collect();
        out.push(project(&Source { text, tokens: surface, mentions }));
    }
    out
}

/// The named mentions of one sentence as word ranges, outermost first where they nest.
fn gum_mentions(words: &[Word<'_>], lexicon: &Lexicon) -> Vec<(usize, usize, EntityType)> {
    let mut open: Vec<(String, usize, &str)> = Vec::new();
    let mut found: Vec<(usize, usize, &str)> = Vec::new();
    for (i, w) in words.iter().enumerate() {
        let s = w.entity;
        let mut at = 0;
        while at < s.len() {
            if s[at..].starts_with('(') {
                let end = s[at + 1..].find(['(', ')']).map_or(s.len(), |e| at + 1 + e);
                let fields: Vec<&str> = s[at + 1..end].split('-').collect();
                let etype = fields.get(1).copied().unwrap_or("");
                if s[end..].starts_with(')') {
                    found.push((i, i + 1, etype));
                    at = end + 1;
                } else {
                    open.push((fields[0].to_string(), i, etype));
                    at = end;
                }
            } else {
                let end = s[at..].find(')').map_or(s.len(), |e| at + e);
                let group = &s[at..end];
                if let Some(k) = open.iter().rposition(|o| o.0 == group) {
                    let (_, start, etype) = open.remove(k);
                    found.push((start, i + 1, etype));
                }
                at = end + 1;
            }
        }
    }
    let mut named: Vec<(usize, usize, EntityType)> = found
        .into_iter()
        .filter_map(|(a, b, etype)| {
            let kind = match etype {
                "person" => EntityType::Person,
                "organization" => EntityType::Organization,
                "place" => EntityType::Place,
                _ => return None,
            };
            let head = (a..b).find(|&k| words[k].head == 0 || words[k].head <= a || words[k].head > b)?;
            (words[head].upos == "PROPN").then_some(())?;
            let (a, b) = trim_name(words, lexicon, a, b, kind)?;
            Some((a, b, kind))
        })
        .collect();
    named.sort_by_key(|&(a, b, _)| (std::cmp::Reverse(b - a), a));
    let mut kept: Vec<(usize, usize, EntityType)> = Vec::new();
    for m in named {
        if !kept.iter().any(|k| k.0 < m.1 && m.0 < k.1) {
            kept.push(m);
        }
    }
    kept.sort_by_key(|m| m.0);
    kept
}

/// A GUM mention without the determiners, titles and punctuation at its edges, if what is left is
/// written as a name.
fn trim_name(words: &[Word<'_>], lexicon: &Lexicon, mut a: usize, mut b: usize, kind: EntityType) -> Option<(usize, usize)> {
    let lowercase = |w: &Word<'_>| !w.form.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit());
    while a < b && (lowercase(&words[a]) || words[a].upos == "DET" || words[a].upos == "PUNCT") {
        a += 1;
    }
    // A person's title or role is not part of the name ("President Obama").
    while kind == EntityType::Person
        && a + 1 < b
        && lexicon.role(words[a].form.trim_end_matches('.')).is_some()
        && words[a + 1].upos == "PROPN"
    {
        a += 1;
    }
    while b > a && (words[b - 1].upos == "PUNCT" || words[b - 1].upos == "PART") {
        b -= 1;
    }
    let forms: Vec<&str> = words[a..b].iter().map(|w| w.form).collect();
    // "Director of the National Iodine Nutrition study" is a description, not a name.
    let described = kind == EntityType::Person && forms.first().is_some_and(|f| lexicon.role(f.trim_end_matches('.')).is_some());
    (a < b && !described && is_written_as_name(&forms)).then_some((a, b))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lex() -> Lexicon {
        Lexicon::embedded()
    }

    #[test]
    fn uner_is_cleaned_and_projected_onto_our_tokens() {
        let data = "# newdoc id = d1\n# text = Mr. Smith's cat saw Al-Zaman.\n1\tMr.\tO\n2\tSmith\tB-PER\t-\ts\n3\t's\tO\n4\tcat\tO\n5\tsaw\tB-OTH\t-\ts\n6\tAl\tB-ORG\t-\ts\n7\t-\tI-ORG\t-\ts\n8\tZaman\tI-ORG\t-\ts\n9\t.\tB-O\t-\ts\n";
        let docs = uner_docs(data);
        let s = &docs[0].sentences[0];
        assert_eq!(s.words, ["Mr.", "Smith", "'s", "cat", "saw", "Al-Zaman", "."]);
        assert_eq!(
            s.spans,
            [Tagged { start: 1, end: 2, kind: EntityType::Person }, Tagged { start: 5, end: 6, kind: EntityType::Organization }]
        );
    }

    #[test]
    fn wikigold_io_runs_and_documents() {
        let data = "The I-ORG\nMad I-ORG\nCapsule I-ORG\nplays O\nin O\nOsaka I-LOC\n. O\n\nJapanese I-MISC\n\n-DOCSTART- O\n\nx O\n";
        let docs = wikigold_docs(data);
        assert_eq!(docs.len(), 2);
        assert_eq!(
            docs[0].sentences[0].spans,
            [Tagged { start: 0, end: 3, kind: EntityType::Organization }, Tagged { start: 5, end: 6, kind: EntityType::Place }]
        );
        assert!(docs[0].sentences[1].spans.is_empty(), "MISC is dropped");
    }

    #[test]
    fn re3d_keeps_names_not_descriptions() {
        let data = "Photographs\tO\nof\tO\nU.S.\tB-Organisation\nservice\tI-Organisation\nmembers\tI-Organisation\nin\tO\nIraq\tB-Location\ntoday\tB-Temporal\n";
        let docs = re3d_docs(&[("a.conll", data)]);
        assert_eq!(docs[0].sentences[0].spans, [Tagged { start: 6, end: 7, kind: EntityType::Place }]);
    }

    #[test]
    fn gum_named_mentions_lose_determiners_and_titles() {
        let data = "# text = The mayor met President Obama in the University of Chicago.\n\
1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\tEntity=(1-person-new-x-x-2-coref\n\
2\tmayor\tmayor\tNOUN\tNN\t_\t3\tnsubj\t_\tEntity=1)\n\
3\tmet\tmeet\tVERB\tVBD\t_\t0\troot\t_\t_\n\
4\tPresident\tpresident\tPROPN\tNNP\t_\t5\tcompound\t_\tEntity=(2-person-new-x-x-2-coref\n\
5\tObama\tObama\tPROPN\tNNP\t_\t3\tobj\t_\tEntity=2)\n\
6\tin\tin\tADP\tIN\t_\t9\tcase\t_\t_\n\
7\tthe\tthe\tDET\tDT\t_\t8\tdet\t_\tEntity=(3-organization-new-x-x-2-coref\n\
8\tUniversity\tuniversity\tPROPN\tNNP\t_\t3\tobl\t_\t_\n\
9\tof\tof\tADP\tIN\t_\t10\tcase\t_\t_\n\
10\tChicago\tChicago\tPROPN\tNNP\t_\t8\tnmod\t_\tEntity=(4-place-new-x-x-1-coref)3)|SpaceAfter=No\n\
11\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n";
        let s = &gum_sentences(data, &lex())[0];
        assert_eq!(
            s.spans,
            [Tagged { start: 4, end: 5, kind: EntityType::Person }, Tagged { start: 7, end: 10, kind: EntityType::Organization }]
        );
    }

    #[test]
    fn a_tiny_corpus_is_learned_and_training_is_deterministic() {
        let mut uner = String::new();
        for (i, (name, place)) in
            [("Anna", "Oslo"), ("Boris", "Lima"), ("Chen", "Rome"), ("Dana", "Kiev")].iter().cycle().take(40).enumerate()
        {
            uner.push_str(&format!("# newdoc id = d{i}\n# text = {name} lives in {place} .\n1\t{name}\tB-PER\n2\tlives\tO\n3\tin\tO\n4\t{place}\tB-LOC\n5\t.\tO\n\n"));
        }
        let gum = "# text = Zed Corp hired Ola .\n1\tZed\tZed\tPROPN\t_\t_\t2\tcompound\t_\tEntity=(1-organization-new-x-x-2-coref\n2\tCorp\tCorp\tPROPN\t_\t_\t3\tnsubj\t_\tEntity=1)\n3\thired\thire\tVERB\t_\t_\t0\troot\t_\t_\n4\tOla\tOla\tPROPN\t_\t_\t3\tobj\t_\tEntity=(2-person-new-x-x-1-coref)\n5\t.\t.\tPUNCT\t_\t_\t3\tpunct\t_\t_\n";
        let corpora = Corpora {
            uner: &uner,
            gum: vec![("GUM_news_a", gum)],
            gum_splits: "## dev\n\n## test\n",
            wikigold: "Oslo I-LOC\nis O\ncold O\n. O\n\n-DOCSTART- O\n",
            re3d: vec![("a.conll", "Lima\tB-Location\nis\tO\nwarm\tO\n")],
        };
        let settings = Settings { l2: 0.1, prune: 0.0, ..Settings::default() };
        let lexicon = lex();
        let trained = train(&corpora, &lexicon, &settings).expect("trains");
        assert_eq!(train(&corpora, &lexicon, &settings).expect("trains").weights, trained.weights, "byte-identical");
        let model = NerModel::from_bytes(&trained.weights).expect("loads");
        let tagged = model.tag(&lexicon, &[vec!["Boris", "lives", "in", "Rome", "."]], &[vec![None; 5]]);
        assert_eq!(
            tagged[0],
            [Tagged { start: 0, end: 1, kind: EntityType::Person }, Tagged { start: 3, end: 4, kind: EntityType::Place }]
        );
        assert!(trained.report.contains("held-out"), "{}", trained.report);
    }
}
