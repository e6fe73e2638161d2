//! Tags and trees against a Universal Dependencies treebank, twice: on the treebank's own words,
//! and on our own segmentation of its text.
//!
//! With gold words the figures are accuracies (UPOS, UPOS+XPOS, UAS, LAS). With our segmentation
//! they are F1 over aligned units, as in the CoNLL 2018 shared task: a token counts when its span
//! is a surface unit of the treebank (a multiword token such as "don't" stands for the word whose
//! head lies outside it), a head when it is the token aligned with the gold head. Sentences and
//! tokens are scored by their spans. A document's text is its sentences' texts joined by spaces,
//! with a line break between paragraphs.

use crate::ingest::Source;
use crate::layout::analyze;
use crate::segment::segment;
use crate::syntax::conllu::{ConlluError, Sentence};
use crate::syntax::{self, Models, tagger};
use crate::text::Span;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

/// Scores on one treebank.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct UdReport {
    /// Sentences in the treebank.
    pub sentences: usize,
    /// Words in the treebank.
    pub words: usize,
    /// With the treebank's words: accuracies in percent.
    pub gold_tokens: Accuracies,
    /// With our segmentation: F1 in percent.
    pub own_tokens: OwnScores,
}

/// Accuracies on gold words, in percent.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct Accuracies {
    /// Universal part of speech.
    pub upos: f64,
    /// Universal and treebank tag together.
    pub upos_xpos: f64,
    /// Unlabeled attachment.
    pub uas: f64,
    /// Labeled attachment.
    pub las: f64,
    /// The gold relations of the words given a wrong head or relation, with counts, most
    /// frequent first (at most ten).
    pub arc_errors: Vec<(String, usize)>,
}

/// F1 scores on our own segmentation, in percent.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct OwnScores {
    /// Sentence spans.
    pub sentences: f64,
    /// Token spans against the treebank's surface units.
    pub tokens: f64,
    /// Aligned tokens with the right universal tag.
    pub upos: f64,
    /// Aligned tokens with the right head.
    pub uas: f64,
    /// Aligned tokens with the right head and relation.
    pub las: f64,
    /// The commonest shapes of our tokens that are no gold unit ("Xxx-xxx" for a hyphenated
    /// compound UD splits), with counts, most frequent first (at most ten).
    pub token_errors: Vec<(String, usize)>,
}

/// Scores `models` on the sentences of a CoNLL-U text.
pub fn ud(models: &Models, data: &str) -> Result<UdReport, ConlluError> {
    let sentences = crate::syntax::conllu::parse(data)?;
    let words = sentences.iter().map(|s| s.words.len()).sum();
    Ok(UdReport {
        sentences: sentences.len(),
        words,
        gold_tokens: on_gold_words(models, &sentences),
        own_tokens: on_own_tokens(models, &sentences),
    })
}

fn on_gold_words(models: &Models, sentences: &[Sentence]) -> Accuracies {
    let (mut upos, mut joint, mut uas, mut las, mut total) = (0, 0, 0, 0, 0usize);
    let mut errors: BTreeMap<String, usize> = BTreeMap::new();
    for s in sentences {
        let words: Vec<tagger::Lex> = s.words.iter().map(|w| models.tagger.lex(&w.form)).collect();
        let tags = models.tagger.tag(&words);
        let arcs = models.parser.parse(&words, &tags);
        for ((w, tag), arc) in s.words.iter().zip(&tags).zip(&arcs) {
            total += 1;
            upos += usize::from(tagger::upos(tag) == w.upos);
            joint += usize::from(*tag == w.joint_tag());
            let head_right = arc.head.map_or(0, |h| h + 1) == w.head;
            uas += usize::from(head_right);
            if head_right && arc.label == w.deprel {
                las += 1;
            } else {
                *errors.entry(w.deprel.clone()).or_insert(0) += 1;
            }
        }
    }
    let pct = |n: usize| 100.0 * n as f64 / total.max(1) as f64;
    Accuracies { upos: pct(upos), upos_xpos: pct(joint), uas: pct(uas), las: pct(las), arc_errors: commonest(errors, 10) }
}

/// What a gold surface unit stands for: the word of it whose head lies outside it, with that
/// word's tag, the span of its head's unit (None for the root) and its relation.
struct GoldUnit {
    upos: String,
    head: Option<Span>,
    deprel: String,
}

/// A treebank document as text, with its gold sentence spans and surface units by span.
#[derive(Default)]
struct GoldDocument {
    text: String,
    sentences: Vec<Span>,
    units: BTreeMap<(usize, usize), GoldUnit>,
}

/// Builds each document's text and its gold sentences and units.
fn documents(sentences: &[Sentence]) -> Vec<GoldDocument> {
    let mut docs: Vec<GoldDocument> = Vec::new();
    let mut last_doc = None;
    for s in sentences {
        if last_doc != Some(&s.document) || docs.is_empty() {
            docs.push(GoldDocument::default());
            last_doc = Some(&s.document);
        }
        let Some(spans) = s.word_spans() else { continue };
        let GoldDocument { text, sentences: sents, units } = docs.last_mut().expect("pushed");
        if !text.is_empty() {
            text.push(if s.new_paragraph { '\n' } else { ' ' });
        }
        let offset = text.len();
        text.push_str(&s.text);
        sents.push(Span::new(offset, offset + s.text.len()));
        let shift = |sp: Span| Span::new(sp.start + offset, sp.end + offset);
        for (first, end, _) in &s.units {
            // The word of the unit whose head lies outside it.
            let main = (*first..*end).find(|&w| !(first + 1..=*end).contains(&s.words[w].head)).unwrap_or(*first);
            let word = &s.words[main];
            let head = (word.head != 0).then(|| shift(spans[word.head - 1]));
            let span = shift(spans[main]);
            units.insert((span.start, span.end), GoldUnit { upos: word.upos.clone(), head, deprel: word.deprel.clone() });
        }
    }
    docs
}

fn f1(correct: usize, predicted: usize, gold: usize) -> f64 {
    if predicted + gold == 0 {
        return 0.0;
    }
    200.0 * correct as f64 / (predicted + gold) as f64
}

fn on_own_tokens(models: &Models, sentences: &[Sentence]) -> OwnScores {
    let (mut sent_ok, mut sent_pred, mut sent_gold) = (0, 0, 0);
    let (mut tok_ok, mut tok_pred, mut tok_gold) = (0, 0, 0);
    let (mut upos, mut uas, mut las) = (0, 0, 0);
    let mut errors: BTreeMap<String, usize> = BTreeMap::new();
    for GoldDocument { text, sentences: gold_sentences, units } in documents(sentences) {
        let article = analyze(Source::from_text("ud", text.clone()));
        let seg = segment(&article);
        let syntax = syntax::analyze(&seg, models);
        let gold_set: BTreeSet<(usize, usize)> = gold_sentences.iter().map(|s| (s.start, s.end)).collect();
        sent_gold += gold_set.len();
        sent_pred += seg.sentences.len();
        sent_ok += seg.sentences.iter().filter(|s| gold_set.contains(&(s.span.start, s.span.end))).count();
        tok_gold += units.len();
        tok_pred += seg.tokens.len();
        for (i, token) in seg.tokens.iter().enumerate() {
            let Some(gold) = units.get(&(token.span.start, token.span.end)) else {
                *errors.entry(tagger::shape(token.span.of(&text), 2)).or_insert(0) += 1;
                continue;
            };
            tok_ok += 1;
            upos += usize::from(syntax.upos(i) == gold.upos);
            let head = syntax.heads[i].map(|h| seg.tokens[h].span);
            if head == gold.head {
                uas += 1;
                las += usize::from(syntax.labels[i] == gold.deprel);
            }
        }
    }
    OwnScores {
        sentences: f1(sent_ok, sent_pred, sent_gold),
        tokens: f1(tok_ok, tok_pred, tok_gold),
        upos: f1(upos, tok_pred, tok_gold),
        uas: f1(uas, tok_pred, tok_gold),
        las: f1(las, tok_pred, tok_gold),
        token_errors: commonest(errors, 10),
    }
}

fn commonest(counts: BTreeMap<String, usize>, n: usize) -> Vec<(String, usize)> {
    let mut list: Vec<(String, usize)> = counts.into_iter().collect();
    list.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    list.truncate(n);
    list
}

impl fmt::Display for UdReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{} sentences, {} words", self.sentences, self.words)?;
        let g = &self.gold_tokens;
        writeln!(f, "gold words     UPOS {:.2}  UPOS+XPOS {:.2}  UAS {:.2}  LAS {:.2}  (accuracy)", g.upos, g.upos_xpos, g.uas, g.las)?;
        let errors: Vec<String> = g.arc_errors.iter().map(|(rel, n)| format!("{rel} {n}")).collect();
        writeln!(f, "words with a wrong head or relation, by gold relation: {}", errors.join(", "))?;
        let o = &self.own_tokens;
        writeln!(
            f,
            "our tokens     sentences {:.2}  tokens {:.2}  UPOS {:.2}  UAS {:.2}  LAS {:.2}  (F1)",
            o.sentences, o.tokens, o.upos, o.uas, o.las
        )?;
        let errors: Vec<String> = o.token_errors.iter().map(|(shape, n)| format!("{shape} {n}")).collect();
        writeln!(f, "our tokens that are no gold unit, by shape: {}", errors.join(", "))
    }
}
