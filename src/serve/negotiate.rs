//! Content negotiation: picks the answer format from a request's `Accept` header.
//!
//! Media ranges are weighed by their `q` values; the most specific range that matches an offer
//! gives its weight (`text/turtle` over `text/*` over `*/*`), and ties go to the order the server
//! prefers. A missing or empty header takes the first offer. This module knows media types only;
//! which formats exist is the caller's list.

use oxigraph::io::{JsonLdProfileSet, RdfFormat};
use oxigraph::sparql::results::QueryResultsFormat;

/// The SELECT and ASK formats, preferred first, each with the media types that name it.
pub const RESULTS: &[(QueryResultsFormat, &[&str])] = &[
    (QueryResultsFormat::Json, &["application/sparql-results+json", "application/json"]),
    (QueryResultsFormat::Xml, &["application/sparql-results+xml", "application/xml", "text/xml"]),
    (QueryResultsFormat::Csv, &["text/csv"]),
    (QueryResultsFormat::Tsv, &["text/tab-separated-values"]),
];

/// The graph formats (CONSTRUCT, DESCRIBE, Graph Store reads), preferred first.
pub const GRAPHS: &[(RdfFormat, &[&str])] = &[
    (RdfFormat::Turtle, &["text/turtle", "application/x-turtle"]),
    (RdfFormat::NTriples, &["application/n-triples", "text/plain"]),
    (RdfFormat::NQuads, &["application/n-quads"]),
    (RdfFormat::RdfXml, &["application/rdf+xml"]),
    (RdfFormat::JsonLd { profile: JsonLdProfileSet::empty() }, &["application/ld+json"]),
    (RdfFormat::TriG, &["application/trig"]),
    (RdfFormat::N3, &["text/n3"]),
];

/// Why no format was chosen.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NegotiationError {
    /// The header is not a list of media ranges.
    #[error("bad Accept header: {0}")]
    Malformed(String),
    /// Nothing the client accepts is offered.
    #[error("none of the accepted types can be written; this answer is available as {0}")]
    NotAcceptable(String),
}

/// One media range of an `Accept` header.
#[derive(Debug, Clone, PartialEq)]
struct MediaRange {
    kind: String,
    subtype: String,
    q: f32,
}

/// The offer the `accept` header weighs highest, ties going to the first in `offers`.
pub fn choose<F: Copy>(accept: Option<&str>, offers: &[(F, &[&str])]) -> Result<F, NegotiationError> {
    let ranges = parse(accept.unwrap_or_default())?;
    if ranges.is_empty() {
        return Ok(offers[0].0);
    }
    let mut best: Option<(F, f32)> = None;
    for (format, types) in offers {
        // The most specific match over all the format's names decides, so that a q=0 for its
        // main name is not undone by a wildcard matching an alias.
        // Wildcards match a format's main name only: `text/*` is CSV, not XML as `text/xml`.
        let q = types
            .iter()
            .enumerate()
            .filter_map(|(i, t)| weight(&ranges, t).filter(|(specificity, _)| i == 0 || *specificity == 2))
            .max_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)))
            .map_or(0.0, |(_, q)| q);
        if q > 0.0 && best.is_none_or(|(_, b)| q > b) {
            best = Some((*format, q));
        }
    }
    best.map(|(f, _)| f).ok_or_else(|| {
        let names: Vec<&str> = offers.iter().map(|(_, types)| types[0]).collect();
        NegotiationError::NotAcceptable(names.join(", "))
    })
}

/// The specificity and `q` of the most specific range matching `media_type`, if any matches.
fn weight(ranges: &[MediaRange], media_type: &str) -> Option<(u8, f32)> {
    let (kind, subtype) = media_type.split_once('/')?;
    ranges
        .iter()
        .filter_map(|r| {
            let specificity = match (r.kind.as_str(), r.subtype.as_str()) {
                (k, s) if k == kind && s == subtype => 2,
                (k, "*") if k == kind => 1,
                ("*", "*") => 0,
                _ => return None,
            };
            Some((specificity, r.q))
        })
        .max_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)))
}

fn parse(header: &str) -> Result<Vec<MediaRange>, NegotiationError> {
    let mut ranges = Vec::new();
    for item in header.split(',').map(str::trim).filter(|i| !i.is_empty()) {
        let mut parts = item.split(';').map(str::trim);
        let media = parts.next().unwrap_or_default().to_ascii_lowercase();
        let (kind, subtype) = media.split_once('/').ok_or_else(|| NegotiationError::Malformed(format!("{item:?} is not a media range")))?;
        let mut q = 1.0;
        for parameter in parts {
            if let Some(("q" | "Q", value)) = parameter.split_once('=').map(|(n, v)| (n.trim(), v.trim())) {
                q = value
                    .parse::<f32>()
                    .ok()
                    .filter(|q| (0.0..=1.0).contains(q))
                    .ok_or_else(|| NegotiationError::Malformed(format!("bad q value in {item:?}")))?;
            }
        }
        ranges.push(MediaRange { kind: kind.trim().to_string(), subtype: subtype.trim().to_string(), q });
    }
    Ok(ranges)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(accept: Option<&str>, expect: Result<QueryResultsFormat, ()>) {
        assert_eq!(choose(accept, RESULTS).map_err(|_| ()), expect, "{accept:?}");
    }

    #[test]
    fn q_values_and_specificity_decide() {
        check(None, Ok(QueryResultsFormat::Json));
        check(Some(""), Ok(QueryResultsFormat::Json));
        check(Some("*/*"), Ok(QueryResultsFormat::Json));
        check(Some("text/csv"), Ok(QueryResultsFormat::Csv));
        check(Some("application/sparql-results+json;q=0.5, application/sparql-results+xml"), Ok(QueryResultsFormat::Xml));
        check(Some("text/*;q=0.9, application/sparql-results+json;q=0.2"), Ok(QueryResultsFormat::Csv));
        check(Some("text/tab-separated-values, text/csv;q=0.8"), Ok(QueryResultsFormat::Tsv));
        // A specific q=0 excludes what a wildcard would allow.
        check(Some("*/*, application/sparql-results+json;q=0"), Ok(QueryResultsFormat::Xml));
        check(Some("image/png"), Err(()));
        check(Some("text/csv;q=2"), Err(()));
        check(Some("nonsense"), Err(()));
    }

    #[test]
    fn graphs_prefer_turtle() {
        assert_eq!(choose(Some("*/*"), GRAPHS).unwrap(), RdfFormat::Turtle);
        assert_eq!(choose(Some("application/n-triples"), GRAPHS).unwrap(), RdfFormat::NTriples);
        assert!(matches!(choose(Some("application/ld+json"), GRAPHS).unwrap(), RdfFormat::JsonLd { .. }));
        assert!(matches!(choose(Some("text/csv"), GRAPHS), Err(NegotiationError::NotAcceptable(_))));
    }
}
