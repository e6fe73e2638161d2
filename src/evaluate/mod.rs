//! Scoring the pipeline against annotated corpora.
//!
//! Three kinds of gold data are read from text the caller has already loaded: CoNLL-2003 and
//! Universal NER (IOB2) files for typed mentions ([`conll`]), NIF 2.0 corpora such as N3 for
//! mention detection ([`nif()`]), and PolNeAR brat standoff for attributions ([`polnear`]). Each
//! entry function runs the [`Pipeline`] on every document and returns a typed report that
//! serializes with the JSON keys of the shared Python scorers (`score_conll.py`,
//! `score_polnear.py`) and displays as a short table.
//!
//! The numbers are meant to agree with those scripts to the last digit, so this module mirrors
//! their logic, quirks included (the IOB1 begin rule, Python's `round`, Python's idea of
//! whitespace and line ends, the order of greedy matching, `hearsay extract` skipping empty and
//! duplicate texts), rather than improving on it. It does not read files, choose annotator files
//! or print: the binary does that.

pub mod ud;

use crate::extract::Pipeline;
use crate::ingest::Source;
use crate::lexicon::EntityType;
use crate::resolve::Document;
use crate::text::CharIndex;
use crate::vocab::nif;
use oxigraph::io::{RdfFormat, RdfParser, RdfSyntaxError};
use oxigraph::model::Term;
use regex::Regex;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::fmt;
use std::sync::LazyLock;
use thiserror::Error;

/// Sentences per document when an IOB2 file has no `# newdoc id` lines (as `score_conll.py`).
pub const IOB2_CHUNK: usize = 10;

/// Why a corpus could not be scored.
#[derive(Debug, Error)]
pub enum EvaluateError {
    /// A CoNLL or IOB2 line that cannot be read.
    #[error("line {line}: {message}")]
    Conll {
        /// 1-based line number.
        line: usize,
        /// What is wrong with it.
        message: String,
    },
    /// The NIF corpus is not valid Turtle; oxigraph's error says where.
    #[error("invalid Turtle: {source}")]
    Turtle {
        /// 1-based line of the error's start (0 when oxigraph gives no position).
        line: u64,
        /// 1-based column, in code points, of the error's start (0 when unknown).
        column: u64,
        /// Oxigraph's error.
        source: RdfSyntaxError,
    },
    /// The NIF corpus parses but does not describe contexts and mentions as expected.
    #[error("{subject}: {message}")]
    Nif {
        /// The offending node, as written in N-Triples.
        subject: String,
        /// What is wrong with it.
        message: String,
    },
    /// A PolNeAR annotation file that cannot be read.
    #[error("{article}: {source}")]
    Annotation {
        /// The article whose annotation file it is.
        article: String,
        /// Where and what.
        source: AnnError,
    },
}

/// A malformed line in a brat standoff (`.ann`) file.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("line {line}: {message}")]
pub struct AnnError {
    /// 1-based line number.
    pub line: usize,
    /// What is wrong with it.
    pub message: String,
}

// ---------------------------------------------------------------------------------------------
// CoNLL-2003 and IOB2: typed mentions
// ---------------------------------------------------------------------------------------------

/// Scores typed mentions (PER, ORG, LOC; exact spans) on a CoNLL-2003 or IOB2 file, picking the
/// format as `score_conll.py prepare --format auto` does.
pub fn conll(pipeline: &Pipeline, data: &str) -> Result<NerReport, EvaluateError> {
    conll_with_format(pipeline, data, detect_format(data))
}

/// Scores typed mentions on a file of the given format.
pub fn conll_with_format(pipeline: &Pipeline, data: &str, format: ConllFormat) -> Result<NerReport, EvaluateError> {
    let docs = ner_documents(data, format)?;
    let mut seen = HashSet::new();
    let predicted: Vec<BTreeSet<(usize, usize, NerLabel)>> = docs
        .iter()
        .enumerate()
        .map(|(i, d)| match run_like_extract(pipeline, &format!("doc{i:04}.txt"), &d.text, &mut seen) {
            Some(doc) => typed_mentions(&doc),
            None => BTreeSet::new(),
        })
        .collect();
    Ok(score_ner(format, &docs, &predicted))
}

/// The two input formats of `score_conll.py prepare`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ConllFormat {
    /// CoNLL-2003: space-separated columns, IOB1 tags last, documents at `-DOCSTART-`.
    Conll,
    /// Universal NER / CoNLL-U style: `INDEX<TAB>TOKEN<TAB>TAG` rows, `#` comments.
    Iob2,
}

impl ConllFormat {
    /// The name `score_conll.py --format` uses.
    pub fn as_str(self) -> &'static str {
        match self {
            ConllFormat::Conll => "conll",
            ConllFormat::Iob2 => "iob2",
        }
    }
}

/// The entity types scored on CoNLL data (MISC and others are ignored).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum NerLabel {
    /// People (hearsay's `Person`).
    #[serde(rename = "PER")]
    Per,
    /// Organizations (hearsay's `Organization`).
    #[serde(rename = "ORG")]
    Org,
    /// Places (hearsay's `Place`).
    #[serde(rename = "LOC")]
    Loc,
}

impl NerLabel {
    /// Every label, in the order the scripts report them.
    pub const ALL: [NerLabel; 3] = [NerLabel::Per, NerLabel::Org, NerLabel::Loc];

    /// The CoNLL tag suffix.
    pub fn as_str(self) -> &'static str {
        match self {
            NerLabel::Per => "PER",
            NerLabel::Org => "ORG",
            NerLabel::Loc => "LOC",
        }
    }

    fn from_tag(tag: &str) -> Option<Self> {
        match tag {
            "PER" => Some(NerLabel::Per),
            "ORG" => Some(NerLabel::Org),
            "LOC" => Some(NerLabel::Loc),
            _ => None,
        }
    }

    fn of(kind: EntityType) -> Self {
        match kind {
            EntityType::Person => NerLabel::Per,
            EntityType::Organization => NerLabel::Org,
            EntityType::Place => NerLabel::Loc,
        }
    }
}

/// One document rebuilt from a CoNLL or IOB2 file, as `score_conll.py prepare` writes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NerDocument {
    /// The text: one sentence per line, each ended by `\n`.
    pub text: String,
    /// The gold PER/ORG/LOC mentions in text order.
    pub mentions: Vec<NerMention>,
}

/// A gold mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct NerMention {
    /// Start and end (exclusive) in code points.
    pub span: [usize; 2],
    /// Its type.
    pub label: NerLabel,
}

/// Typed-mention scores, with the keys `score_conll.py score` prints.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NerReport {
    /// The input format that was read.
    pub format: ConllFormat,
    /// Documents scored.
    pub documents: usize,
    /// Distinct gold PER/ORG/LOC mentions.
    pub gold_mentions: usize,
    /// Distinct predicted typed mentions.
    pub predicted_mentions: usize,
    /// F1 over typed exact spans, percent rounded to one decimal.
    pub f1: f64,
    /// Precision over typed exact spans, percent.
    pub p: f64,
    /// Recall over typed exact spans, percent.
    pub r: f64,
    /// F1 when the span is right and the type may be wrong, percent.
    pub untyped_f1: f64,
    /// F1 on people, percent.
    #[serde(rename = "PER_f1")]
    pub per_f1: f64,
    /// F1 on organizations, percent.
    #[serde(rename = "ORG_f1")]
    pub org_f1: f64,
    /// F1 on places, percent.
    #[serde(rename = "LOC_f1")]
    pub loc_f1: f64,
    /// Typed true positives.
    pub tp: usize,
    /// Typed false positives.
    pub fp: usize,
    /// Typed false negatives.
    #[serde(rename = "fn")]
    pub fn_: usize,
    /// Gold spans predicted with any type.
    pub untyped_tp: usize,
    /// Counts and scores per type, in the order PER, ORG, LOC.
    pub types: Vec<TypeScore>,
}

/// The scores of one entity type.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TypeScore {
    /// The type.
    pub label: NerLabel,
    /// True positives.
    pub tp: usize,
    /// False positives.
    pub fp: usize,
    /// False negatives.
    #[serde(rename = "fn")]
    pub fn_: usize,
    /// Precision, percent.
    pub p: f64,
    /// Recall, percent.
    pub r: f64,
    /// F1, percent.
    pub f1: f64,
}

/// The format `score_conll.py prepare --format auto` picks: IOB2 when the first non-blank line is
/// a CoNLL-U comment (`# newdoc id`, `# sent_id`, `# text`, ...) or an `INDEX<TAB>TOKEN<TAB>TAG`
/// row, CoNLL-2003 otherwise.
pub fn detect_format(data: &str) -> ConllFormat {
    static COMMENT: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^#\s*(newdoc|newpar|sent_id|text|global\.columns)\b").expect("valid regex"));
    static ROW: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^[0-9]+\t[^\t]+\t[^\t\n]+").expect("valid regex"));
    for line in universal_lines(data) {
        if py_strip(line).is_empty() {
            continue;
        }
        return if COMMENT.is_match(line) || ROW.is_match(line) { ConllFormat::Iob2 } else { ConllFormat::Conll };
    }
    ConllFormat::Conll
}

/// The documents and gold mentions of a CoNLL or IOB2 file, exactly as `score_conll.py prepare`
/// writes them.
pub fn ner_documents(data: &str, format: ConllFormat) -> Result<Vec<NerDocument>, EvaluateError> {
    match format {
        ConllFormat::Conll => Ok(conll_documents(data)),
        ConllFormat::Iob2 => iob2_documents(data),
    }
}

/// A span under construction: start and end in code points (or token indices), and its type.
type Open<'a> = (usize, usize, &'a str);

/// CoNLL-2003 (`prepare` in the script): tokens joined by single spaces, one sentence per line,
/// IOB1 tags where an `I-` of a new type also begins a mention.
fn conll_documents(data: &str) -> Vec<NerDocument> {
    let mut docs: Vec<Vec<Vec<(&str, &str)>>> = Vec::new();
    for line in universal_lines(data) {
        if line.starts_with("-DOCSTART-") {
            docs.push(vec![Vec::new()]);
            continue;
        }
        if py_strip(line).is_empty() {
            if let Some(doc) = docs.last_mut() {
                if doc.last().is_some_and(|s| !s.is_empty()) {
                    doc.push(Vec::new());
                }
            }
            continue;
        }
        let words = py_split(line);
        // The script fails on tokens before the first -DOCSTART-; they start a document here.
        if docs.is_empty() {
            docs.push(vec![Vec::new()]);
        }
        let doc = docs.last_mut().expect("a document is open");
        doc.last_mut().expect("a sentence is open").push((words[0], words[words.len() - 1]));
    }
    docs.iter()
        .map(|sentences| {
            let mut text = String::new();
            let mut len = 0;
            let mut spans: Vec<Open<'_>> = Vec::new();
            for sentence in sentences.iter().filter(|s| !s.is_empty()) {
                let mut open: Option<Open<'_>> = None;
                for (j, &(token, tag)) in sentence.iter().enumerate() {
                    if j > 0 {
                        text.push(' ');
                        len += 1;
                    }
                    let start = len;
                    text.push_str(token);
                    len += token.chars().count();
                    step_tag(&mut open, &mut spans, tag, start, len);
                }
                spans.extend(open);
                text.push('\n');
                len += 1;
            }
            NerDocument { text, mentions: gold_mentions(&spans) }
        })
        .collect()
}

/// One token of the scripts' shared IOB logic: `tag` covers `start..end`. The script's
/// `typ = tag[2:]` can be empty (a tag of one or two characters), which Python treats as false:
/// such a token neither closes nor extends the open mention.
fn step_tag<'a>(open: &mut Option<Open<'a>>, spans: &mut Vec<Open<'a>>, tag: &'a str, start: usize, end: usize) {
    let typ = if tag == "O" { None } else { Some(tag.char_indices().nth(2).map_or("", |(i, _)| &tag[i..])) };
    let truthy = typ.is_some_and(|t| !t.is_empty());
    let begins = tag.starts_with("B-") || (truthy && open.is_none_or(|o| Some(o.2) != typ));
    if open.is_some() && (typ.is_none() || begins) {
        spans.extend(open.take());
    }
    if let Some(typ) = typ.filter(|_| truthy) {
        match open {
            None => *open = Some((start, end, typ)),
            Some(o) => o.1 = end,
        }
    }
}

fn gold_mentions(spans: &[Open<'_>]) -> Vec<NerMention> {
    spans.iter().filter_map(|&(start, end, typ)| NerLabel::from_tag(typ).map(|label| NerMention { span: [start, end], label })).collect()
}

/// A sentence of an IOB2 file with the comments before it.
#[derive(Debug, Default)]
struct Iob2Sentence<'a> {
    newdoc: bool,
    text: Option<&'a str>,
    tokens: Vec<(&'a str, &'a str)>,
}

/// Universal NER / CoNLL-U style (`prepare_iob2` in the script).
fn iob2_documents(data: &str) -> Result<Vec<NerDocument>, EvaluateError> {
    let (sentences, has_newdoc) = read_iob2(data)?;
    let mut docs: Vec<Vec<Iob2Sentence<'_>>> = Vec::new();
    for s in sentences {
        let new = if has_newdoc { s.newdoc || docs.is_empty() } else { docs.last().is_none_or(|d| d.len() == IOB2_CHUNK) };
        if new {
            docs.push(Vec::new());
        }
        docs.last_mut().expect("a document is open").push(s);
    }
    Ok(docs
        .iter()
        .map(|doc| {
            let mut text = String::new();
            let mut len = 0;
            let mut mentions = Vec::new();
            for s in doc {
                let tokens: Vec<&str> = s.tokens.iter().map(|t| t.0).collect();
                let stated = s.text.map(py_strip);
                let (sentence, offsets) = match stated.and_then(|t| align(t, &tokens).map(|o| (t.to_string(), o))) {
                    Some(found) => found,
                    None => {
                        let mut offsets = Vec::new();
                        let mut p = 0;
                        for t in &tokens {
                            let n = t.chars().count();
                            offsets.push((p, p + n));
                            p += n + 1;
                        }
                        (tokens.join(" "), offsets)
                    }
                };
                let base = len;
                text.push_str(&sentence);
                text.push('\n');
                len += sentence.chars().count() + 1;
                let mut spans = Vec::new();
                let mut open = None;
                for (j, &(_, tag)) in s.tokens.iter().enumerate() {
                    step_tag(&mut open, &mut spans, tag, j, j + 1);
                }
                spans.extend(open);
                for (a, b, typ) in spans {
                    mentions.extend(gold_mentions(&[(base + offsets[a].0, base + offsets[b - 1].1, typ)]));
                }
            }
            NerDocument { text, mentions }
        })
        .collect())
}

fn read_iob2(data: &str) -> Result<(Vec<Iob2Sentence<'_>>, bool), EvaluateError> {
    static COMMENT: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^#\s*(newdoc(?:\s+id)?|sent_id|text)\s*(?:=\s?(.*))?$").expect("valid regex"));
    let mut sentences = Vec::new();
    let mut has_newdoc = false;
    let mut current = Iob2Sentence::default();
    // Comments and blank lines end a sentence; what they set carries over to the next one.
    fn flush<'a>(current: &mut Iob2Sentence<'a>, sentences: &mut Vec<Iob2Sentence<'a>>) {
        if !current.tokens.is_empty() {
            sentences.push(std::mem::take(current));
        }
    }
    for (n, line) in universal_lines(data).into_iter().enumerate() {
        let line = line.trim_end_matches(['\r', '\n']);
        if py_strip(line).is_empty() {
            flush(&mut current, &mut sentences);
            continue;
        }
        if line.starts_with('#') {
            flush(&mut current, &mut sentences);
            if let Some(m) = COMMENT.captures(line) {
                let value = m.get(2).map_or("", |v| v.as_str());
                match &m[1] {
                    key if key.starts_with("newdoc") => {
                        has_newdoc = true;
                        current.newdoc = true;
                    }
                    "text" => current.text = Some(value),
                    _ => {}
                }
            }
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        if fields.len() < 3 {
            return Err(EvaluateError::Conll { line: n + 1, message: format!("expected INDEX<TAB>TOKEN<TAB>TAG, got {line:?}") });
        }
        if fields[0].is_empty() || !fields[0].bytes().all(|b| b.is_ascii_digit()) {
            continue; // a multiword-token range (1-2) or an empty node (1.1)
        }
        let tag = py_strip(fields[2]);
        let valid = tag == "O" || ((tag.starts_with("B-") || tag.starts_with("I-")) && tag.chars().count() > 2);
        if !valid {
            return Err(EvaluateError::Conll { line: n + 1, message: format!("not an IOB2 tag: {tag:?}") });
        }
        current.tokens.push((fields[1], tag));
    }
    flush(&mut current, &mut sentences);
    Ok((sentences, has_newdoc))
}

/// Code point offsets of `tokens` in `text` when the text is exactly the tokens in order with
/// only whitespace around them.
fn align(text: &str, tokens: &[&str]) -> Option<Vec<(usize, usize)>> {
    let chars: Vec<char> = text.chars().collect();
    let mut offsets = Vec::with_capacity(tokens.len());
    let mut pos = 0;
    for token in tokens {
        while pos < chars.len() && is_py_space(chars[pos]) {
            pos += 1;
        }
        let token: Vec<char> = token.chars().collect();
        if token.is_empty() || !chars[pos..].starts_with(&token) {
            return None;
        }
        offsets.push((pos, pos + token.len()));
        pos += token.len();
    }
    chars[pos..].iter().all(|&c| is_py_space(c)).then_some(offsets)
}

fn typed_mentions(doc: &Document) -> BTreeSet<(usize, usize, NerLabel)> {
    let chars = CharIndex::new(doc.article.text());
    doc.entities
        .iter()
        .flat_map(|e| {
            let chars = &chars;
            e.mentions.iter().map(move |&m| {
                let [start, end] = chars.chars(m);
                (start, end, NerLabel::of(e.kind))
            })
        })
        .collect()
}

/// `score` in the script.
fn score_ner(format: ConllFormat, docs: &[NerDocument], predicted: &[BTreeSet<(usize, usize, NerLabel)>]) -> NerReport {
    let (mut tp, mut fp, mut fn_, mut untyped_tp) = (0, 0, 0, 0);
    let mut per = [[0usize; 3]; 3];
    for (doc, p) in docs.iter().zip(predicted) {
        let g: BTreeSet<(usize, usize, NerLabel)> = doc.mentions.iter().map(|m| (m.span[0], m.span[1], m.label)).collect();
        tp += g.intersection(p).count();
        fp += p.difference(&g).count();
        fn_ += g.difference(p).count();
        let untyped = |s: &BTreeSet<(usize, usize, NerLabel)>| s.iter().map(|m| (m.0, m.1)).collect::<BTreeSet<_>>();
        untyped_tp += untyped(&g).intersection(&untyped(p)).count();
        for (i, label) in NerLabel::ALL.into_iter().enumerate() {
            let of = |s: &BTreeSet<(usize, usize, NerLabel)>| s.iter().filter(|m| m.2 == label).copied().collect::<BTreeSet<_>>();
            let (gt, pt) = (of(&g), of(p));
            per[i][0] += gt.intersection(&pt).count();
            per[i][1] += pt.difference(&gt).count();
            per[i][2] += gt.difference(&pt).count();
        }
    }
    let types: Vec<TypeScore> = NerLabel::ALL
        .into_iter()
        .zip(per)
        .map(|(label, [tp, fp, fn_])| TypeScore {
            label,
            tp,
            fp,
            fn_,
            p: percent(tp, tp + fp),
            r: percent(tp, tp + fn_),
            f1: f1(tp, tp + fp, tp + fn_),
        })
        .collect();
    NerReport {
        format,
        documents: docs.len(),
        gold_mentions: tp + fn_,
        predicted_mentions: tp + fp,
        f1: f1(tp, tp + fp, tp + fn_),
        p: percent(tp, tp + fp),
        r: percent(tp, tp + fn_),
        untyped_f1: f1(untyped_tp, tp + fp, tp + fn_),
        per_f1: types[0].f1,
        org_f1: types[1].f1,
        loc_f1: types[2].f1,
        tp,
        fp,
        fn_,
        untyped_tp,
        types,
    }
}

impl fmt::Display for NerReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{} documents ({}), {} gold mentions, {} predicted",
            self.documents,
            self.format.as_str(),
            self.gold_mentions,
            self.predicted_mentions
        )?;
        writeln!(f, "{:<8} {:>6} {:>6} {:>6} {:>6} {:>6} {:>6}", "type", "P", "R", "F1", "tp", "fp", "fn")?;
        for t in &self.types {
            writeln!(f, "{:<8} {:>6.1} {:>6.1} {:>6.1} {:>6} {:>6} {:>6}", t.label.as_str(), t.p, t.r, t.f1, t.tp, t.fp, t.fn_)?;
        }
        writeln!(f, "{:<8} {:>6.1} {:>6.1} {:>6.1} {:>6} {:>6} {:>6}", "all", self.p, self.r, self.f1, self.tp, self.fp, self.fn_)?;
        write!(f, "untyped F1 {:.1}", self.untyped_f1)
    }
}

// ---------------------------------------------------------------------------------------------
// NIF 2.0: mention detection
// ---------------------------------------------------------------------------------------------

/// Scores mention detection (types ignored) on a NIF 2.0 corpus in Turtle: every node with a
/// `nif:isString` is a document, every other node with a `nif:referenceContext` is a gold mention
/// (`nif:beginIndex`/`nif:endIndex` in code points). Every entity mention of every type is a
/// prediction.
pub fn nif(pipeline: &Pipeline, turtle: &str) -> Result<NifReport, EvaluateError> {
    let (contexts, gold) = nif_gold(turtle)?;
    let (mut gold_total, mut predicted_total, mut exact, mut overlap) = (0, 0, 0, 0);
    for (subject, text) in &contexts {
        let doc = pipeline.run(Source::from_text(subject.clone(), text.clone()));
        let chars = CharIndex::new(doc.article.text());
        let predicted: BTreeSet<(usize, usize)> =
            doc.entities.iter().flat_map(|e| e.mentions.iter().map(|&m| chars.chars(m))).map(|[start, end]| (start, end)).collect();
        let empty = BTreeSet::new();
        let gold = gold.get(subject).unwrap_or(&empty);
        gold_total += gold.len();
        predicted_total += predicted.len();
        exact += gold.intersection(&predicted).count();
        overlap += overlap_matches(gold, &predicted);
    }
    let score = |tp| MatchScore {
        matched: tp,
        p: percent(tp, predicted_total),
        r: percent(tp, gold_total),
        f1: f1(tp, predicted_total, gold_total),
    };
    Ok(NifReport {
        documents: contexts.len(),
        gold_mentions: gold_total,
        predicted_mentions: predicted_total,
        exact: score(exact),
        overlap: score(overlap),
    })
}

/// Mention detection scores on a NIF corpus.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NifReport {
    /// Contexts (documents) scored.
    pub documents: usize,
    /// Distinct gold mention spans.
    pub gold_mentions: usize,
    /// Distinct predicted mention spans.
    pub predicted_mentions: usize,
    /// A prediction counts when its span is a gold span.
    pub exact: MatchScore,
    /// A prediction counts when it overlaps a gold span, each used once, greedy by largest
    /// overlap.
    pub overlap: MatchScore,
}

/// Precision, recall and F1 under one matching rule.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MatchScore {
    /// Matched pairs.
    pub matched: usize,
    /// Precision, percent rounded to one decimal.
    pub p: f64,
    /// Recall, percent.
    pub r: f64,
    /// F1, percent.
    pub f1: f64,
}

impl fmt::Display for NifReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{} documents, {} gold mentions, {} predicted", self.documents, self.gold_mentions, self.predicted_mentions)?;
        writeln!(f, "{:<8} {:>6} {:>6} {:>6} {:>7}", "match", "P", "R", "F1", "matched")?;
        for (name, s) in [("exact", &self.exact), ("overlap", &self.overlap)] {
            writeln!(f, "{:<8} {:>6.1} {:>6.1} {:>6.1} {:>7}", name, s.p, s.r, s.f1, s.matched)?;
        }
        Ok(())
    }
}

/// Contexts (node → text) and gold spans per context, keyed by the nodes in N-Triples syntax.
type NifGold = (BTreeMap<String, String>, BTreeMap<String, BTreeSet<(usize, usize)>>);

/// What one node says about itself.
#[derive(Default)]
struct NifNode {
    reference: Option<String>,
    begin: Option<String>,
    end: Option<String>,
}

fn nif_gold(turtle: &str) -> Result<NifGold, EvaluateError> {
    let mut contexts = BTreeMap::new();
    let mut nodes: BTreeMap<String, NifNode> = BTreeMap::new();
    for quad in RdfParser::from_format(RdfFormat::Turtle).for_slice(turtle.as_bytes()) {
        let quad = quad.map_err(|source| {
            let (line, column) = source.location().map_or((0, 0), |l| (l.start.line + 1, l.start.column + 1));
            EvaluateError::Turtle { line, column, source }
        })?;
        let subject = quad.subject.to_string();
        let predicate = quad.predicate.as_ref();
        let value = match &quad.object {
            Term::Literal(l) => l.value().to_string(),
            other => other.to_string(),
        };
        if predicate == nif::IS_STRING {
            contexts.insert(subject, value);
        } else if predicate == nif::REFERENCE_CONTEXT {
            nodes.entry(subject).or_default().reference = Some(value);
        } else if predicate == nif::BEGIN_INDEX {
            nodes.entry(subject).or_default().begin = Some(value);
        } else if predicate == nif::END_INDEX {
            nodes.entry(subject).or_default().end = Some(value);
        }
    }
    let mut gold: BTreeMap<String, BTreeSet<(usize, usize)>> = BTreeMap::new();
    for (subject, node) in nodes {
        let Some(reference) = node.reference else { continue };
        if contexts.contains_key(&subject) {
            continue; // a context that points to itself is not a mention
        }
        let error = |message: String| EvaluateError::Nif { subject: subject.clone(), message };
        let Some(text) = contexts.get(&reference) else {
            return Err(error(format!("nif:referenceContext {reference} has no nif:isString")));
        };
        let index = |value: Option<String>, name: &str| -> Result<usize, EvaluateError> {
            let value = value.ok_or_else(|| error(format!("a mention without nif:{name}")))?;
            value.trim().parse().map_err(|_| error(format!("nif:{name} {value:?} is not a non-negative integer")))
        };
        let begin = index(node.begin, "beginIndex")?;
        let end = index(node.end, "endIndex")?;
        let len = text.chars().count();
        if begin > end || end > len {
            return Err(error(format!("span {begin}..{end} does not fit its context of {len} code points")));
        }
        gold.entry(reference).or_default().insert((begin, end));
    }
    Ok((contexts, gold))
}

/// Matches predicted spans to overlapping gold spans, each used once, largest overlap first
/// (ties as in `score_polnear.py`).
fn overlap_matches(gold: &BTreeSet<(usize, usize)>, predicted: &BTreeSet<(usize, usize)>) -> usize {
    let mut pairs = Vec::new();
    for (gi, g) in gold.iter().enumerate() {
        for (pi, p) in predicted.iter().enumerate() {
            let overlap = g.1.min(p.1).saturating_sub(g.0.max(p.0));
            if overlap > 0 {
                pairs.push((overlap, gi, pi));
            }
        }
    }
    greedy(pairs).len()
}

/// Greedy one-to-one matching of `(overlap, gold, predicted)` pairs as `score_polnear.py` does it:
/// Python's `sorted(..., reverse=True)`, so the largest overlap first and, among equal overlaps,
/// the later gold item, then the later prediction.
fn greedy(mut pairs: Vec<(usize, usize, usize)>) -> Vec<(usize, usize)> {
    pairs.sort_unstable_by(|a, b| b.cmp(a));
    let (mut used_gold, mut used_predicted) = (HashSet::new(), HashSet::new());
    let mut matched = Vec::new();
    for (_, gi, pi) in pairs {
        if !used_gold.contains(&gi) && !used_predicted.contains(&pi) {
            used_gold.insert(gi);
            used_predicted.insert(pi);
            matched.push((gi, pi));
        }
    }
    matched
}

// ---------------------------------------------------------------------------------------------
// PolNeAR: attributions
// ---------------------------------------------------------------------------------------------

/// One PolNeAR article: its name (the file name without `.txt`), its text, and the contents of
/// its `.ann` files sorted by file name.
pub type PolnearArticle = (String, String, Vec<String>);

/// Scores claims against PolNeAR attributions as `score_polnear.py` does: the first annotation
/// file of each article is gold; a claim matches an attribution when their cues overlap (greedy,
/// largest overlap first); sources and contents of matched pairs count when their character
/// Jaccard is at least 0.5 ("overlap") or when they are identical ("exact").
///
/// Articles without annotation files are not scored. As `hearsay extract` would, an article
/// whose text is empty (or only whitespace), or the same as an earlier article's in name order,
/// gets no prediction and counts in `docs_without_prediction`.
pub fn polnear(pipeline: &Pipeline, articles: &[PolnearArticle]) -> Result<PolnearReport, EvaluateError> {
    let mut sorted: Vec<&PolnearArticle> = articles.iter().filter(|a| !a.2.is_empty()).collect();
    sorted.sort_by(|a, b| a.0.cmp(&b.0));
    let mut c = PolnearCounts::default();
    let mut seen = HashSet::new();
    for (name, text, anns) in &sorted {
        let gold = parse_ann(&anns[0]).map_err(|source| EvaluateError::Annotation { article: name.clone(), source })?;
        let predicted: Vec<Attribution> = match run_like_extract(pipeline, &format!("{name}.txt"), text, &mut seen) {
            Some(doc) => claims(&doc),
            None => {
                c.missing_docs += 1;
                Vec::new()
            }
        };
        c.add(&gold, &predicted);
    }
    Ok(PolnearReport {
        articles: sorted.len(),
        gold_attributions: c.gold,
        predicted_claims: c.pred,
        cue_f1: f1(c.cue_match, c.pred, c.gold),
        cue_exact_f1: f1(c.cue_exact, c.pred, c.gold),
        source_f1: f1(c.src_overlap, c.pred_src, c.gold_src),
        source_exact_f1: f1(c.src_exact, c.pred_src, c.gold_src),
        content_f1: f1(c.content_overlap, c.pred, c.gold),
        content_exact_f1: f1(c.content_exact, c.pred, c.gold),
        docs_without_prediction: c.missing_docs,
        counts: c,
    })
}

/// Attribution scores, with the keys `score_polnear.py` prints (F1s in percent, one decimal).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PolnearReport {
    /// Articles with at least one annotation file.
    pub articles: usize,
    /// Gold attribution relations.
    pub gold_attributions: usize,
    /// Predicted claims.
    pub predicted_claims: usize,
    /// Cue overlap F1.
    pub cue_f1: f64,
    /// F1 of matched cues that are identical.
    pub cue_exact_f1: f64,
    /// Source Jaccard ≥ 0.5 F1, over claims and attributions that have a source.
    pub source_f1: f64,
    /// Identical source F1.
    pub source_exact_f1: f64,
    /// Content Jaccard ≥ 0.5 F1.
    pub content_f1: f64,
    /// Identical content F1.
    pub content_exact_f1: f64,
    /// Articles that got no prediction.
    pub docs_without_prediction: usize,
    /// The counts behind the scores.
    pub counts: PolnearCounts,
}

/// The counters of `score_polnear.py`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct PolnearCounts {
    /// Gold attributions.
    pub gold: usize,
    /// Predicted claims.
    pub pred: usize,
    /// Gold attributions with a source.
    pub gold_src: usize,
    /// Predicted claims with a source.
    pub pred_src: usize,
    /// Pairs matched by cue overlap.
    pub cue_match: usize,
    /// Matched pairs with identical cues.
    pub cue_exact: usize,
    /// Matched pairs, both with sources, whose sources' Jaccard is at least 0.5.
    pub src_overlap: usize,
    /// Matched pairs with identical (non-empty) sources.
    pub src_exact: usize,
    /// Matched pairs whose contents' Jaccard is at least 0.5.
    pub content_overlap: usize,
    /// Matched pairs with identical contents.
    pub content_exact: usize,
    /// Articles without a prediction.
    pub missing_docs: usize,
}

impl PolnearCounts {
    fn add(&mut self, gold: &[Attribution], predicted: &[Attribution]) {
        self.gold += gold.len();
        self.pred += predicted.len();
        self.gold_src += gold.iter().filter(|g| !g.source.is_empty()).count();
        self.pred_src += predicted.iter().filter(|p| !p.source.is_empty()).count();
        let mut pairs = Vec::new();
        for (gi, g) in gold.iter().enumerate() {
            for (pi, p) in predicted.iter().enumerate() {
                let overlap = g.cue.intersection(&p.cue).count();
                if overlap > 0 {
                    pairs.push((overlap, gi, pi));
                }
            }
        }
        for (gi, pi) in greedy(pairs) {
            let (g, p) = (&gold[gi], &predicted[pi]);
            self.cue_match += 1;
            self.cue_exact += usize::from(g.cue == p.cue);
            if !g.source.is_empty() && !p.source.is_empty() {
                self.src_overlap += usize::from(jaccard(&g.source, &p.source) >= 0.5);
                self.src_exact += usize::from(g.source == p.source);
            }
            self.content_overlap += usize::from(jaccard(&g.content, &p.content) >= 0.5);
            self.content_exact += usize::from(g.content == p.content);
        }
    }
}

impl fmt::Display for PolnearReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{} articles, {} gold attributions, {} predicted claims, {} articles without prediction",
            self.articles, self.gold_attributions, self.predicted_claims, self.docs_without_prediction
        )?;
        writeln!(f, "{:<8} {:>7} {:>7}", "F1", "overlap", "exact")?;
        writeln!(f, "{:<8} {:>7.1} {:>7.1}", "cue", self.cue_f1, self.cue_exact_f1)?;
        writeln!(f, "{:<8} {:>7.1} {:>7.1}", "source", self.source_f1, self.source_exact_f1)?;
        write!(f, "{:<8} {:>7.1} {:>7.1}", "content", self.content_f1, self.content_exact_f1)
    }
}

/// An attribution (gold) or a claim (predicted) as sets of code point offsets.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Attribution {
    /// The cue's characters.
    pub cue: BTreeSet<usize>,
    /// The source's characters (empty when there is none).
    pub source: BTreeSet<usize>,
    /// The content's characters (`Content` and `Content2` together).
    pub content: BTreeSet<usize>,
}

/// The attribution relations (`E` lines) of a brat standoff file, each with the characters of
/// its `Cue`, `Source` and `Content`/`Content2` text-bound annotations (`T` lines, discontinuous
/// fragments separated by `;`). Other lines (notes, and the second lines of surface texts that
/// span a line break) are ignored, as in `score_polnear.py`.
pub fn parse_ann(ann: &str) -> Result<Vec<Attribution>, AnnError> {
    let mut spans: BTreeMap<&str, Vec<(usize, usize)>> = BTreeMap::new();
    let mut relations = Vec::new();
    for (n, line) in universal_lines(ann).into_iter().enumerate() {
        let error = |message: &str| AnnError { line: n + 1, message: format!("{message}: {line:?}") };
        // A record starts with its id; a continuation of a surface text may start with any letter.
        let record = |kind: char| line.starts_with(kind) && line[1..].starts_with(|c: char| c.is_ascii_digit());
        if record('T') {
            let (id, rest) = line.split_once('\t').ok_or_else(|| error("expected T<n><TAB><type> <start> <end>"))?;
            let head = rest.split('\t').next().unwrap_or_default();
            let (_, offsets) = head.split_once(' ').ok_or_else(|| error("expected <type> <start> <end> after the id"))?;
            let mut fragments = Vec::new();
            for fragment in offsets.split(';') {
                match py_split(fragment).iter().map(|n| n.parse::<usize>()).collect::<Result<Vec<_>, _>>() {
                    Ok(pair) if pair.len() == 2 => fragments.push((pair[0], pair[1])),
                    _ => return Err(error("expected <start> <end> offsets, fragments separated by ';'")),
                }
            }
            spans.insert(id, fragments);
        } else if record('E') {
            let (_, rest) = line.split_once('\t').ok_or_else(|| error("expected E<n><TAB><role>:<id> ..."))?;
            let mut roles: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
            for part in py_split(rest) {
                let mut pieces = part.split(':');
                match (pieces.next(), pieces.next(), pieces.next()) {
                    (Some(role), Some(id), None) => roles.entry(role).or_default().push(id),
                    _ => return Err(error("expected <role>:<id> arguments")),
                }
            }
            relations.push((n + 1, roles));
        }
    }
    let chars = |line: usize, roles: &BTreeMap<&str, Vec<&str>>, role: &str| -> Result<BTreeSet<usize>, AnnError> {
        let mut set = BTreeSet::new();
        for id in roles.get(role).into_iter().flatten() {
            let fragments = spans.get(id).ok_or_else(|| AnnError { line, message: format!("{role}:{id} names no T annotation") })?;
            for &(a, b) in fragments {
                set.extend(a..b);
            }
        }
        Ok(set)
    };
    relations
        .iter()
        .map(|(line, roles)| {
            let mut content = chars(*line, roles, "Content")?;
            content.extend(chars(*line, roles, "Content2")?);
            Ok(Attribution { cue: chars(*line, roles, "Cue")?, source: chars(*line, roles, "Source")?, content })
        })
        .collect()
}

fn claims(doc: &Document) -> Vec<Attribution> {
    let chars = CharIndex::new(doc.article.text());
    let range = |span: Option<crate::text::Span>| -> BTreeSet<usize> {
        span.map(|s| {
            let [a, b] = chars.chars(s);
            (a..b).collect()
        })
        .unwrap_or_default()
    };
    doc.claims
        .iter()
        .map(|c| Attribution {
            cue: range(c.cue.as_ref().map(|cue| cue.span)),
            source: range(c.source_span),
            content: range(Some(c.content)),
        })
        .collect()
}

fn jaccard(a: &BTreeSet<usize>, b: &BTreeSet<usize>) -> f64 {
    let union = a.union(b).count();
    if union == 0 { 1.0 } else { a.intersection(b).count() as f64 / union as f64 }
}

// ---------------------------------------------------------------------------------------------
// Shared helpers
// ---------------------------------------------------------------------------------------------

/// Runs the pipeline on a text the way `hearsay extract` would on a file holding it: an empty (or
/// whitespace-only) file is refused, and a file with the same content as an earlier one skipped.
fn run_like_extract(pipeline: &Pipeline, path: &str, text: &str, seen: &mut HashSet<String>) -> Option<Document> {
    if text.trim().is_empty() || !seen.insert(text.to_string()) {
        return None;
    }
    Some(pipeline.run(Source::from_text(path, text)))
}

/// `round(100 * tp / total, 1)`, or 0 when there is nothing to divide by.
fn percent(tp: usize, total: usize) -> f64 {
    if total == 0 { 0.0 } else { py_round1(100.0 * tp as f64 / total as f64) }
}

/// The scripts' F1: `round(100 * 2 * p * r / (p + r), 1)` with `p = tp / predicted` and
/// `r = tp / gold`, in the same order of floating-point operations.
fn f1(tp: usize, predicted: usize, gold: usize) -> f64 {
    let p = if predicted == 0 { 0.0 } else { tp as f64 / predicted as f64 };
    let r = if gold == 0 { 0.0 } else { tp as f64 / gold as f64 };
    if p + r == 0.0 { 0.0 } else { py_round1(100.0 * 2.0 * p * r / (p + r)) }
}

/// Python's `round(x, 1)`: the exact binary value rounded to one decimal, ties to even. Rust's
/// formatting rounds the same way, and parsing back gives the nearest double, as Python does.
fn py_round1(x: f64) -> f64 {
    format!("{x:.1}").parse().unwrap_or(x)
}

/// Python's `str.isspace` for one character: Unicode White_Space plus the four ASCII
/// information separators.
fn is_py_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// Python's `str.strip()`.
fn py_strip(s: &str) -> &str {
    s.trim_matches(is_py_space)
}

/// Python's `str.split()`.
fn py_split(s: &str) -> Vec<&str> {
    s.split(is_py_space).filter(|w| !w.is_empty()).collect()
}

/// Lines as Python reads a text file (universal newlines: `\n`, `\r\n` and `\r` all end a line),
/// without their ends and without an empty line after a final line end.
fn universal_lines(data: &str) -> Vec<&str> {
    let bytes = data.as_bytes();
    let mut lines = Vec::new();
    let (mut start, mut i) = (0, 0);
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => {
                lines.push(&data[start..i]);
                i += 1;
                start = i;
            }
            b'\r' => {
                lines.push(&data[start..i]);
                i += if bytes.get(i + 1) == Some(&b'\n') { 2 } else { 1 };
                start = i;
            }
            _ => i += 1,
        }
    }
    if start < data.len() {
        lines.push(&data[start..]);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rdf::Iris;

    fn pipeline() -> Pipeline {
        Pipeline::new(Iris::default())
    }

    fn check_gold(data: &str, format: ConllFormat, expect_text: &str, expect: &[(usize, usize, NerLabel)]) {
        let docs = ner_documents(data, format).unwrap();
        assert_eq!(docs.len(), 1);
        assert_eq!(docs[0].text, expect_text);
        let got: Vec<_> = docs[0].mentions.iter().map(|m| (m.span[0], m.span[1], m.label)).collect();
        assert_eq!(got, expect);
    }

    const CONLL: &str = "-DOCSTART- -X- O O\n\nMaria NNP I-NP I-PER\nSilva NNP I-NP I-PER\nvisited VBD I-VP O\nLisbon NNP I-NP I-LOC\n. . O O\n\nThe DT O O\nIberian NNP I-NP I-MISC\nRail NNP I-NP I-ORG\nCompany NNP I-NP I-ORG\nagreed VBD O O\n. . O O\n";

    #[test]
    fn conll_documents_follow_the_script() {
        use NerLabel::*;
        check_gold(
            CONLL,
            ConllFormat::Conll,
            "Maria Silva visited Lisbon .\nThe Iberian Rail Company agreed .\n",
            &[(0, 11, Per), (20, 26, Loc), (41, 53, Org)],
        );
        assert_eq!(detect_format(CONLL), ConllFormat::Conll);
    }

    #[test]
    fn iob1_begin_rules() {
        use NerLabel::*;
        // B- begins a new mention; I- of another type begins one; a MISC mention splits two ORGs.
        let data = "-DOCSTART- -X- O O\nA x I-ORG\nB x B-ORG\nC x I-PER\nD x I-MISC\nE x I-ORG\n";
        check_gold(data, ConllFormat::Conll, "A B C D E\n", &[(0, 1, Org), (2, 3, Org), (4, 5, Per), (8, 9, Org)]);
        // Windows line ends and a second document.
        let docs = ner_documents("-DOCSTART-\r\nÉmile x I-PER\r\n\r\n-DOCSTART-\r\nParis x I-LOC\r\n", ConllFormat::Conll).unwrap();
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].text, "Émile\n");
        assert_eq!(docs[1].mentions, vec![NerMention { span: [0, 5], label: Loc }]);
    }

    #[test]
    fn iob2_uses_the_text_line_and_newdoc() {
        use NerLabel::*;
        let data = "# newdoc id = a\n# sent_id = a-1\n# text = Ana  Lima left Porto.\n1\tAna\tB-PER\n2\tLima\tI-PER\n3\tleft\tO\n3-4\tx\tO\n4\tPorto\tB-LOC\n5\t.\tO\n\n# sent_id = a-2\n# text = does not match\n1\tIt\tO\n2\trained\tO\n";
        assert_eq!(detect_format(data), ConllFormat::Iob2);
        check_gold(data, ConllFormat::Iob2, "Ana  Lima left Porto.\nIt rained\n", &[(0, 9, Per), (15, 20, Loc)]);
        let bad = "1\tAna\tX-PER\n";
        let err = ner_documents(bad, ConllFormat::Iob2).unwrap_err();
        assert_eq!(err.to_string(), "line 1: not an IOB2 tag: \"X-PER\"");
    }

    #[test]
    fn iob2_without_newdoc_chunks_ten_sentences() {
        let data: String = (0..12).map(|i| format!("1\tw{i}\tO\n\n")).collect();
        let docs = ner_documents(&data, ConllFormat::Iob2).unwrap();
        assert_eq!(docs.iter().map(|d| d.text.lines().count()).collect::<Vec<_>>(), vec![10, 2]);
    }

    #[test]
    fn conll_report_has_the_script_keys() {
        let report = conll(&pipeline(), CONLL).unwrap();
        assert_eq!(report.documents, 1);
        assert_eq!(report.gold_mentions, 3);
        let json = serde_json::to_value(&report).unwrap();
        for key in ["f1", "p", "r", "untyped_f1", "PER_f1", "ORG_f1", "LOC_f1"] {
            assert!(json[key].is_f64(), "{key}");
        }
        assert!(report.to_string().contains("untyped F1"));
    }

    #[test]
    fn rounding_matches_python() {
        assert_eq!(py_round1(12.25), 12.2);
        assert_eq!(py_round1(12.75), 12.8);
        assert_eq!(py_round1(0.15), 0.1);
        assert_eq!(percent(2, 3), 66.7);
        assert_eq!(f1(1, 2, 4), 33.3);
        assert_eq!(f1(0, 2, 4), 0.0);
        assert_eq!(f1(0, 0, 0), 0.0);
    }

    const NIF: &str = r#"@prefix nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
<http://ex.org/d1#char=0,41> a nif:Context ;
    nif:isString "Maria Silva met the mayor of Lisbon today." .
<http://ex.org/d1#char=0,11> a nif:RFC5147String ;
    nif:beginIndex "0"^^xsd:nonNegativeInteger ; nif:endIndex "11"^^xsd:nonNegativeInteger ;
    nif:referenceContext <http://ex.org/d1#char=0,41> .
<http://ex.org/d1#char=29,35> a nif:RFC5147String ;
    nif:beginIndex "29"^^xsd:nonNegativeInteger ; nif:endIndex "35"^^xsd:nonNegativeInteger ;
    nif:referenceContext <http://ex.org/d1#char=0,41> .
"#;

    #[test]
    fn nif_gold_is_read() {
        let (contexts, gold) = nif_gold(NIF).unwrap();
        assert_eq!(contexts.len(), 1);
        assert_eq!(gold["<http://ex.org/d1#char=0,41>"], BTreeSet::from([(0, 11), (29, 35)]));
        let report = nif(&pipeline(), NIF).unwrap();
        assert_eq!((report.documents, report.gold_mentions), (1, 2));
        assert!(report.to_string().contains("overlap"));
    }

    #[test]
    fn nif_errors_say_where() {
        let err = nif_gold("@prefix nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> .\n<http://ex.org/a> nif:isString \"x\" ;\n  nif:beginIndex .\n").unwrap_err();
        match &err {
            EvaluateError::Turtle { line, column, .. } => assert_eq!((*line, *column), (3, 18)),
            other => panic!("{other}"),
        }
        assert!(err.to_string().starts_with("invalid Turtle: "), "{err}");
        let missing = NIF.replace("nif:isString \"Maria Silva met the mayor of Lisbon today.\"", "nif:sourceUrl <http://ex.org/>");
        assert!(matches!(nif_gold(&missing), Err(EvaluateError::Nif { .. })));
        let outside = NIF.replace("\"35\"^^", "\"99\"^^");
        let err = nif_gold(&outside).unwrap_err().to_string();
        assert!(err.contains("does not fit"), "{err}");
    }

    #[test]
    fn overlap_matching_is_greedy_and_one_to_one() {
        let gold = BTreeSet::from([(0, 10), (20, 30)]);
        // (5, 25) overlaps both by 5 and goes to the later gold span; then (0, 4) gets the first.
        let predicted = BTreeSet::from([(0, 4), (5, 25), (40, 45)]);
        assert_eq!(overlap_matches(&gold, &predicted), 2);
        assert_eq!(greedy(vec![(5, 0, 1), (5, 1, 1), (4, 0, 0)]), vec![(1, 1), (0, 0)]);
        assert_eq!(greedy(vec![(2, 0, 0), (6, 0, 1)]), vec![(0, 1)]);
    }

    const ANN: &str = "T1\tSource 0 11\tMaria Silva\nT2\tCue 12 16\tsaid\nT3\tContent 17 20;25 30\tthe plan\nT4\tAttribution 12 16\tsaid\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n#1\tAnnotatorNotes T1\tnote\nT5\tCue 40 47\tbelieve\nT6\tContent 48 50\tit\nE2\tAttribution-no-source:T5 Cue:T5 Content:T6 Content2:T2\n";

    #[test]
    fn ann_files_are_parsed() {
        let got = parse_ann(ANN).unwrap();
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].source, (0..11).collect());
        assert_eq!(got[0].cue, (12..16).collect());
        assert_eq!(got[0].content, (17..20).chain(25..30).collect());
        assert!(got[1].source.is_empty());
        assert_eq!(got[1].content, (48..50).chain(12..16).collect());
    }

    #[test]
    fn malformed_ann_lines_are_named() {
        let err = parse_ann("T1\tCue 1 x\tsaid\n").unwrap_err();
        assert_eq!(err.line, 1);
        let err = parse_ann("T1\tCue 1 4\tsaid\nE1\tCue:T1 Source:T9\n").unwrap_err();
        assert_eq!(err, AnnError { line: 2, message: "Source:T9 names no T annotation".into() });
        // A surface text that crosses a line break continues on a line of its own.
        assert_eq!(parse_ann("T1\tContent 0 12\tone\nTwo three\nE1\tContent:T1 Cue:T1\n").unwrap().len(), 1);
    }

    #[test]
    fn polnear_counts_follow_the_script() {
        let mut c = PolnearCounts::default();
        let set = |r: std::ops::Range<usize>| r.collect::<BTreeSet<usize>>();
        let gold = vec![
            Attribution { cue: set(10..14), source: set(0..9), content: set(15..40) },
            Attribution { cue: set(50..55), source: BTreeSet::new(), content: set(56..70) },
        ];
        let predicted = vec![
            Attribution { cue: set(10..14), source: set(4..9), content: set(15..40) },
            Attribution { cue: set(80..84), source: set(0..3), content: set(60..70) },
        ];
        c.add(&gold, &predicted);
        let expect = PolnearCounts {
            gold: 2,
            pred: 2,
            gold_src: 1,
            pred_src: 2,
            cue_match: 1,
            cue_exact: 1,
            src_overlap: 1,
            src_exact: 0,
            content_overlap: 1,
            content_exact: 1,
            missing_docs: 0,
        };
        assert_eq!(c, expect);
    }

    #[test]
    fn empty_and_duplicate_texts_get_no_prediction() {
        let articles = vec![
            ("b".to_string(), "Ana Lima said the plan works.\n".to_string(), vec!["T1\tCue 9 13\tsaid\nE1\tCue:T1\n".to_string()]),
            ("a".to_string(), "Ana Lima said the plan works.\n".to_string(), vec!["T1\tCue 9 13\tsaid\nE1\tCue:T1\n".to_string()]),
            ("c".to_string(), "  \n".to_string(), vec![String::new()]),
            ("d".to_string(), "Not annotated.".to_string(), vec![]),
        ];
        let report = polnear(&pipeline(), &articles).unwrap();
        assert_eq!((report.articles, report.gold_attributions, report.docs_without_prediction), (3, 2, 2));
    }

    #[test]
    fn universal_lines_like_python() {
        assert_eq!(universal_lines("a\r\nb\rc\n\nd"), vec!["a", "b", "c", "", "d"]);
        assert_eq!(universal_lines("a\n"), vec!["a"]);
        assert_eq!(py_split(" a\u{a0}b\u{1f}c "), vec!["a", "b", "c"]);
    }
}
