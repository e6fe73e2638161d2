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

mod conll;
mod nif;
mod polnear;

pub use conll::*;
pub use nif::*;
pub use polnear::*;

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

    pub(super) fn pipeline() -> Pipeline {
        Pipeline::new(Iris::default())
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

    #[test]
    fn universal_lines_like_python() {
        assert_eq!(universal_lines("a\r\nb\rc\n\nd"), vec!["a", "b", "c", "", "d"]);
        assert_eq!(universal_lines("a\n"), vec!["a"]);
        assert_eq!(py_split(" a\u{a0}b\u{1f}c "), vec!["a", "b", "c"]);
    }
}
