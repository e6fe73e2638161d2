//! Training the coreference ranker on GUM's coreference annotation.
//!
//! The documents come as `score_coref.py prepare` writes them from GUM's CoNLL-U files (one text
//! per document and a `gold.json` with every mention, its chain and class); training uses GUM's
//! train split ([`fit`]) and reports its links on the dev split. Each document goes through
//! the pipeline up to resolution, so the ranker learns over the mentions hearsay itself
//! recognizes. The anaphors are the pronouns hearsay finds (but "I" and "we", which are not
//! ranked) and GUM's definite descriptions of people and organizations; a
//! candidate is right when one of its entity's mentions overlaps a mention of the anaphor's GUM
//! chain, and "no named antecedent" is right when no candidate is.

use super::{Anaphor, Article, CorefModel, KIND, TEMPLATES, article, candidate_features, candidates, fit, new_features, pronouns};
use crate::attribute::attribute;
use crate::ingest::Source;
use crate::layout::analyze;
use crate::lexicon::Lexicon;
use crate::recognize::recognize;
use crate::resolve::{Entity, resolve};
use crate::segment::segment;
use crate::syntax::perceptron::{Features, Model, argmax, feature_set_hash};
use crate::text::Span;
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};

/// One document: its text and GUM's mentions.
#[derive(Debug, Clone)]
pub struct GoldDocument {
    /// The document's name.
    pub id: String,
    /// Its text.
    pub text: String,
    /// Its mentions, with byte spans.
    pub mentions: Vec<GoldMention>,
}

/// One of GUM's mentions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldMention {
    /// The words.
    pub span: Span,
    /// The head word.
    pub head: Span,
    /// Its chain.
    pub chain: String,
    /// Whether it is a definite description of a person or organization (what claims' sources
    /// are).
    pub description: bool,
}

#[derive(Deserialize)]
struct GoldFile {
    documents: BTreeMap<String, GoldDoc>,
}

#[derive(Deserialize)]
struct GoldDoc {
    mentions: Vec<GoldJson>,
}

#[derive(Deserialize)]
struct GoldJson {
    span: [usize; 2],
    head: [usize; 2],
    entity: String,
    etype: String,
    description: bool,
}

/// Reads `gold.json` (offsets in code points) and the texts it names, given by `text_of`.
pub fn read_gold(gold: &str, mut text_of: impl FnMut(&str) -> Option<String>) -> Result<Vec<GoldDocument>, String> {
    let file: GoldFile = serde_json::from_str(gold).map_err(|e| format!("gold.json: {e}"))?;
    let mut out = Vec::new();
    for (id, doc) in file.documents {
        let text = text_of(&id).ok_or_else(|| format!("no text for {id}"))?;
        let bytes: Vec<usize> = text.char_indices().map(|(b, _)| b).chain(std::iter::once(text.len())).collect();
        let span = |[a, b]: [usize; 2]| bytes.get(a).zip(bytes.get(b)).map(|(&a, &b)| Span::new(a, b));
        let mentions = doc
            .mentions
            .iter()
            .filter_map(|m| {
                Some(GoldMention {
                    span: span(m.span)?,
                    head: span(m.head)?,
                    chain: m.entity.clone(),
                    description: m.description && matches!(m.etype.as_str(), "person" | "organization"),
                })
            })
            .collect();
        out.push(GoldDocument { id, text, mentions });
    }
    Ok(out)
}

/// One decision: the features of "no named antecedent" then of each candidate, and which are
/// right.
#[derive(Debug)]
struct Instance {
    options: Vec<Features>,
    right: Vec<bool>,
}

/// Every decision of one document.
fn instances(doc: &GoldDocument, lexicon: &Lexicon) -> Vec<Instance> {
    let page = analyze(Source::from_text(doc.id.clone(), doc.text.clone()));
    let segmented = segment(&page);
    let (recognized, _) = recognize(&segmented, lexicon);
    let syntax = crate::syntax::Parses::new(&segmented, crate::syntax::Models::embedded()).with_names(recognized.name_tokens());
    let (attributed, _) = attribute(&recognized, &syntax, lexicon);
    let resolved = resolve(&attributed, lexicon, Vec::new());
    let coref = article(&segmented, &resolved.entities, &resolved.claims);
    let descriptions = doc.mentions.iter().filter(|m| m.description).map(|m| Anaphor { span: m.span, head: m.head, pronoun: false });
    let ranked = |a: &Anaphor| !matches!(super::pronoun_class(a.head.of(&doc.text)), Some("i" | "we"));
    pronouns(&segmented)
        .into_iter()
        .filter(ranked)
        .chain(descriptions)
        .filter_map(|a| instance(&coref, lexicon, doc, &resolved.entities, &a))
        .collect()
}

/// The decision for one anaphor, if it has candidates.
fn instance(article: &Article<'_>, lexicon: &Lexicon, doc: &GoldDocument, entities: &[Entity], a: &Anaphor) -> Option<Instance> {
    let cands = candidates(article, a);
    if cands.is_empty() {
        return None;
    }
    let chain = doc.mentions.iter().find(|m| m.span == a.span).map(|m| &m.chain);
    let chain_spans: Vec<Span> = doc.mentions.iter().filter(|m| Some(&m.chain) == chain && m.span != a.span).map(|m| m.span).collect();
    let mut right = vec![false];
    right.extend(cands.iter().map(|c| entities[c.entity].mentions.iter().any(|s| chain_spans.iter().any(|g| g.overlaps(*s)))));
    right[0] = !right.iter().any(|&r| r);
    let mut options = Vec::new();
    let mut f = Features::default();
    new_features(article, lexicon, a, &cands, &mut f);
    options.push(f.clone());
    for i in 0..cands.len() {
        candidate_features(article, lexicon, a, &cands, i, &mut f);
        options.push(f.clone());
    }
    Some(Instance { options, right })
}

/// Settings of a training run.
#[derive(Debug, Clone, Copy)]
pub struct Settings {
    /// The L2 penalty of the fit (per unit of squared weight, against the summed loss of every
    /// training decision).
    pub l2: f64,
    /// The most L-BFGS iterations (the fit usually converges well before).
    pub iterations: usize,
}

impl Default for Settings {
    fn default() -> Self {
        Settings { l2: 10.0, iterations: 1000 }
    }
}

/// Fits the ranker on `train` ([`fit`]) and scores it on `dev`; returns the weights and a
/// report.
pub fn train(
    train: &[GoldDocument],
    dev: &[GoldDocument],
    lexicon: &Lexicon,
    settings: Settings,
    progress: &mut dyn FnMut(&str),
) -> (Vec<u8>, String) {
    let train_set: Vec<Instance> = train.iter().flat_map(|d| instances(d, lexicon)).collect();
    let dev_set: Vec<Instance> = dev.iter().flat_map(|d| instances(d, lexicon)).collect();
    progress(&format!(
        "coref: {} training decisions from {} documents, {} held-out from {}",
        train_set.len(),
        train.len(),
        dev_set.len(),
        dev.len()
    ));
    let (keys, decisions) = indexed(&train_set);
    let (weights, taken) = fit::fit(&decisions, keys.len(), settings.l2, settings.iterations);
    let notes = format!(
        "coreference ranker, log-linear, fitted by `hearsay train coref` on GUM's train split (permissive genres, \
         CC BY 4.0 and CC BY-SA), scored on its dev split; L2 {}, at most {} iterations",
        settings.l2, settings.iterations
    );
    let rows = keys.iter().zip(&weights).map(|(&key, &w)| (key, vec![(0, w)]));
    let bytes = Model::quantized(KIND, &notes, vec!["link".to_string()], feature_set_hash(TEMPLATES), rows).to_bytes();
    let model = CorefModel::from_bytes(&bytes).expect("a model just written reads back");
    let (p, r, f1) = score(&model, &dev_set);
    let report = format!(
        "L2 {}, {taken} iterations, {} features: held-out links P {:.2} R {:.2} F1 {:.2}",
        settings.l2,
        keys.len(),
        100.0 * p,
        100.0 * r,
        100.0 * f1
    );
    progress(&report);
    (bytes, report)
}

/// The training decisions with each feature key replaced by its index among the keys, sorted.
fn indexed(set: &[Instance]) -> (Vec<u64>, Vec<fit::Decision>) {
    let keys: Vec<u64> =
        set.iter().flat_map(|i| i.options.iter().flat_map(|f| f.0.iter().copied())).collect::<BTreeSet<_>>().into_iter().collect();
    let index = |key: &u64| keys.binary_search(key).expect("collected") as u32;
    let decisions = set
        .iter()
        .map(|i| fit::Decision { options: i.options.iter().map(|f| f.0.iter().map(index).collect()).collect(), right: i.right.clone() })
        .collect();
    (keys, decisions)
}

/// Precision, recall and F1 of the links `model` makes on `set` (a link is right when it picks
/// a right candidate; recall counts the decisions that have one).
fn score(model: &CorefModel, set: &[Instance]) -> (f64, f64, f64) {
    let (mut made, mut right, mut possible) = (0usize, 0usize, 0usize);
    for inst in set {
        let scores: Vec<f32> = inst.options.iter().map(|f| model.score(f)).collect();
        let guess = argmax(&scores, |_| true).unwrap_or(0);
        possible += usize::from(!inst.right[0]);
        made += usize::from(guess != 0);
        right += usize::from(guess != 0 && inst.right[guess]);
    }
    let p = right as f64 / made.max(1) as f64;
    let r = right as f64 / possible.max(1) as f64;
    (p, r, if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gold_offsets_in_code_points_become_byte_spans() {
        let gold = r#"{"documents": {"d": {"mentions": [
            {"span": [0, 9], "head": [4, 9], "entity": "1", "etype": "person", "description": false},
            {"span": [16, 18], "head": [16, 18], "entity": "1", "etype": "person", "description": false}]}}}"#;
        let docs = read_gold(gold, |_| Some("Zoë Vance. Then he left.".to_string())).expect("reads");
        assert_eq!(docs[0].mentions[0].span, Span::new(0, 10));
        assert_eq!(docs[0].mentions[0].head, Span::new(5, 10));
        assert_eq!(&docs[0].text[docs[0].mentions[1].span.start..docs[0].mentions[1].span.end], "he");
        assert!(read_gold(gold, |_| None).is_err());
    }

    #[test]
    fn training_on_a_small_corpus_is_deterministic_and_learns_the_links() {
        let text = "Maria Lopez runs Nordvik. She said the company would grow.\n\nTom Vance runs Brightmoor. He said it would not.\n";
        let at = |w: &str| {
            let b = text.find(w).expect("word");
            [text[..b].chars().count(), text[..b].chars().count() + w.chars().count()]
        };
        let m = |w: &str, e: &str| {
            format!(r#"{{"span": {:?}, "head": {:?}, "entity": "{e}", "etype": "person", "description": false}}"#, at(w), at(w))
        };
        let gold = format!(
            r#"{{"documents": {{"d": {{"mentions": [{}, {}, {}, {}]}}}}}}"#,
            m("Maria Lopez", "1"),
            m("She", "1"),
            m("Tom Vance", "2"),
            m("He", "2")
        );
        let docs = read_gold(&gold, |_| Some(text.to_string())).expect("reads");
        let lexicon = Lexicon::embedded();
        let settings = Settings::default();
        let (a, report) = train(&docs, &docs, &lexicon, settings, &mut |_| {});
        let (b, _) = train(&docs, &docs, &lexicon, settings, &mut |_| {});
        assert_eq!(a, b);
        assert!(report.contains("F1 100.00"), "{report}");
    }
}
