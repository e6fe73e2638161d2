//! An article's claims summary: the claims of an article graph as one `rdf:JSON` literal on the
//! article node (`hs:claimSummary`), so that a reader of every claim of an article (`load`'s
//! `claims_in`) reads one statement instead of dozens of rows.
//!
//! The summary is made from the graph's own statements, read as `load`'s claims query reads them
//! (the mandatory patterns of a claim, the first value of each optional part), so it repeats what
//! the graph says and adds nothing; it is written with the graph, so a replaced article replaces
//! it. Claims come in IRI order and a value that a statement gives twice is taken in the order of
//! the statements' N-Triples forms, so the same graph gives the same bytes. This module does not
//! read a store.

use super::Iris;
use crate::vocab::{dcterms, hs, nif, prov, schema, skos};
use oxigraph::model::vocab::rdf;
use oxigraph::model::{Literal, NamedNode, NamedNodeRef, NamedOrBlankNode, Term, Triple};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// `rdf:JSON`, the datatype of JSON literals (RDF 1.2; oxrdf names it only under its `rdf-12`
/// feature, which hearsay does not enable).
pub const RDF_JSON: NamedNodeRef<'static> = NamedNodeRef::new_unchecked("http://www.w3.org/1999/02/22-rdf-syntax-ns#JSON");

/// What an article's `hs:claimSummary` holds: its headline, its publisher's name and its claims.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ClaimSummary {
    /// The article's `schema:headline`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub headline: Option<String>,
    /// The `skos:prefLabel` of the article's `schema:publisher`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    /// The article's claims, in IRI order.
    #[serde(default)]
    pub claims: Vec<SummarizedClaim>,
}

/// A claim as a summary holds it. Spans are `[begin, end]` in code points.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SummarizedClaim {
    /// The claim's IRI.
    pub iri: String,
    /// Its `schema:text`.
    pub text: String,
    /// Its content span.
    pub span: [u64; 2],
    /// Who said it (`prov:wasAttributedTo`), with its name and class in this article.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Speaker>,
    /// The words naming the source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_span: Option<[u64; 2]>,
    /// Through whom it reached the article (`hs:reportedBy`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub via: Option<Speaker>,
    /// The claim it is part of (`dcterms:isPartOf`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    /// The cue as written (`nif:anchorOf` of its cue span), without "not".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cue: Option<String>,
    /// The cue's span.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cue_span: Option<[u64; 2]>,
    /// Whether its cue is negated (`hs:negated true`).
    #[serde(default, skip_serializing_if = "is_false")]
    pub negated: bool,
    /// Whether it is a reader comment's (`prov:wasQuotedFrom` a `schema:Comment`).
    #[serde(default, skip_serializing_if = "is_false")]
    pub comment: bool,
}

/// A claim's source or intermediary: its IRI, its `skos:prefLabel` and its class in the article.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Speaker {
    /// Its IRI.
    pub iri: String,
    /// Its name in the article.
    pub label: String,
    /// The IRI of its class.
    pub class: String,
}

fn is_false(b: &bool) -> bool {
    !*b
}

impl ClaimSummary {
    /// The summary a literal holds, or `None` when it is not one (another version's, say).
    pub fn parse(literal: &str) -> Option<Self> {
        serde_json::from_str(literal).ok()
    }

    /// The summary of the article `article` whose graph holds `triples`.
    pub fn of_graph(triples: &[Triple], article: &NamedNode, iris: &Iris) -> Self {
        let graph = Index::new(triples);
        let [content_span, source_span, reported_by, cue_span, negated] =
            [hs::CONTENT_SPAN, hs::SOURCE_SPAN, hs::REPORTED_BY, hs::CUE_SPAN, hs::NEGATED].map(|term| iris.own(term));
        let mut claims = Vec::new();
        for claim in graph.subjects_of_type(schema::CLAIM) {
            let Some(span) = graph.object(claim, content_span.as_ref()).and_then(named) else { continue };
            let (Some(text), Some(span)) = (graph.object(claim, schema::TEXT), graph.span(span)) else { continue };
            let cue = graph
                .objects(claim, cue_span.as_ref())
                .filter_map(named)
                .find_map(|s| Some((graph.object(s, nif::ANCHOR_OF)?, graph.span(s)?)));
            claims.push(SummarizedClaim {
                iri: claim.to_string(),
                text: value(text),
                span: span.unwrap_or_default(),
                source: graph.speaker(claim, prov::WAS_ATTRIBUTED_TO),
                source_span: graph.objects(claim, source_span.as_ref()).filter_map(named).find_map(|s| graph.span(s)).flatten(),
                via: graph.speaker(claim, reported_by.as_ref()),
                parent: graph.objects(claim, dcterms::IS_PART_OF).find_map(named).map(str::to_string),
                cue: cue.map(|(anchor, _)| value(anchor)),
                cue_span: cue.and_then(|(_, span)| span),
                negated: graph.objects(claim, negated.as_ref()).any(|o| *o == Term::from(Literal::from(true))),
                comment: graph.objects(claim, prov::WAS_QUOTED_FROM).filter_map(named).any(|c| graph.has_type(c, schema::COMMENT)),
            });
        }
        let article = article.as_str();
        let publisher = graph.objects(article, schema::PUBLISHER).filter_map(named).find_map(|p| graph.object(p, skos::PREF_LABEL));
        ClaimSummary { headline: graph.object(article, schema::HEADLINE).map(value), publisher: publisher.map(value), claims }
    }

    /// The summary as the `hs:claimSummary` statement of `article`, an `rdf:JSON` literal.
    pub fn triple(&self, article: &NamedNode, iris: &Iris) -> Triple {
        let json = serde_json::to_string(self).expect("a summary serializes");
        Triple::new(article.clone(), iris.own(hs::CLAIM_SUMMARY), Literal::new_typed_literal(json, RDF_JSON))
    }
}

/// A graph's statements by subject IRI, each subject's in N-Triples order.
struct Index<'a> {
    by_subject: BTreeMap<&'a str, Vec<(&'a str, &'a Term)>>,
}

impl<'a> Index<'a> {
    fn new(triples: &'a [Triple]) -> Self {
        let mut by_subject: BTreeMap<&str, Vec<(&str, &Term)>> = BTreeMap::new();
        for t in triples {
            if let NamedOrBlankNode::NamedNode(s) = &t.subject {
                by_subject.entry(s.as_str()).or_default().push((t.predicate.as_str(), &t.object));
            }
        }
        for statements in by_subject.values_mut() {
            statements.sort_by_cached_key(|(p, o)| (*p, o.to_string()));
        }
        Self { by_subject }
    }

    /// The subjects typed `class`, in IRI order.
    fn subjects_of_type(&self, class: NamedNodeRef<'_>) -> Vec<&'a str> {
        self.by_subject.keys().copied().filter(|s| self.has_type(s, class)).collect()
    }

    /// The objects of `subject` by `predicate`.
    fn objects<'s>(&'s self, subject: &str, predicate: NamedNodeRef<'s>) -> impl Iterator<Item = &'a Term> + 's {
        let statements = self.by_subject.get(subject).map(Vec::as_slice).unwrap_or_default();
        statements.iter().filter(move |(p, _)| *p == predicate.as_str()).map(|(_, o)| *o)
    }

    fn object(&self, subject: &str, predicate: NamedNodeRef<'_>) -> Option<&'a Term> {
        self.objects(subject, predicate).next()
    }

    fn has_type(&self, subject: &str, class: NamedNodeRef<'_>) -> bool {
        self.objects(subject, rdf::TYPE).any(|t| matches!(t, Term::NamedNode(n) if n.as_ref() == class))
    }

    /// The span `[begin, end]` of a node with a `nif:beginIndex` and a `nif:endIndex`, `None`
    /// when it lacks one; inside, `None` when one is not a number (the claims query's reader
    /// takes a content span that is not one as `[0, 0]`, an optional span as absent).
    fn span(&self, node: &str) -> Option<Option<[u64; 2]>> {
        let begin = self.object(node, nif::BEGIN_INDEX)?;
        let end = self.object(node, nif::END_INDEX)?;
        Some(value(begin).parse().ok().zip(value(end).parse().ok()).map(|(b, e)| [b, e]))
    }

    /// The first of `claim`'s objects by `predicate` that has a label and a class, as a speaker.
    fn speaker(&self, claim: &str, predicate: NamedNodeRef<'_>) -> Option<Speaker> {
        self.objects(claim, predicate).filter_map(named).find_map(|s| {
            let label = self.object(s, skos::PREF_LABEL)?;
            let class = self.object(s, rdf::TYPE)?;
            Some(Speaker { iri: s.to_string(), label: value(label), class: named(class).unwrap_or_default().to_string() })
        })
    }
}

/// The IRI of a term that is a named node.
fn named(term: &Term) -> Option<&str> {
    match term {
        Term::NamedNode(n) => Some(n.as_str()),
        _ => None,
    }
}

/// A term's value as the claims query's reader takes it: a literal's lexical form or an IRI.
fn value(term: &Term) -> String {
    match term {
        Term::Literal(l) => l.value().to_string(),
        Term::NamedNode(n) => n.as_str().to_string(),
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::io::{RdfFormat, RdfParser};

    /// An article with a negated claim by a person, heard through an organization, and a second
    /// claim inside the first, without a cue.
    const GRAPH: &str = r#"
        <http://e/a> <http://schema.org/headline> "Rain" ; <http://schema.org/publisher> <http://e/pub> .
        <http://e/pub> <http://www.w3.org/2004/02/skos/core#prefLabel> "The Paper" .
        <http://e/ann> a <http://schema.org/Person> ; <http://www.w3.org/2004/02/skos/core#prefLabel> "Ann" .
        <http://e/acme> a <http://schema.org/Organization> ; <http://www.w3.org/2004/02/skos/core#prefLabel> "Acme" .
        <http://e/a/claim/10-19> a <http://schema.org/Claim> ; <http://schema.org/text> "it rained" ;
          <https://w3id.org/hearsay/ontology#contentSpan> <http://e/a#char=10,19> ;
          <http://www.w3.org/ns/prov#wasAttributedTo> <http://e/ann> ;
          <https://w3id.org/hearsay/ontology#reportedBy> <http://e/acme> ;
          <https://w3id.org/hearsay/ontology#cueSpan> <http://e/a#char=4,8> ;
          <https://w3id.org/hearsay/ontology#negated> true .
        <http://e/a/claim/12-19> a <http://schema.org/Claim> ; <http://schema.org/text> "rained" ;
          <https://w3id.org/hearsay/ontology#contentSpan> <http://e/a#char=12,19> ;
          <http://purl.org/dc/terms/isPartOf> <http://e/a/claim/10-19> ;
          <https://w3id.org/hearsay/ontology#negated> false .
        <http://e/a#char=10,19> <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#beginIndex> 10 ;
          <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#endIndex> 19 .
        <http://e/a#char=12,19> <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#beginIndex> 12 ;
          <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#endIndex> 19 .
        <http://e/a#char=4,8> <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#beginIndex> 4 ;
          <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#endIndex> 8 ;
          <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#anchorOf> "said" .
    "#;

    fn triples() -> Vec<Triple> {
        RdfParser::from_format(RdfFormat::Turtle).for_slice(GRAPH.as_bytes()).map(|q| q.unwrap().into()).collect()
    }

    fn json(triples: &[Triple]) -> String {
        let article = NamedNode::new_unchecked("http://e/a");
        let Term::Literal(literal) = ClaimSummary::of_graph(triples, &article, &Iris::default()).triple(&article, &Iris::default()).object
        else {
            panic!("a literal")
        };
        assert_eq!(literal.datatype(), RDF_JSON);
        literal.value().to_string()
    }

    #[test]
    fn a_summary_holds_the_claims_in_iri_order_and_leaves_out_what_is_absent() {
        let expect = concat!(
            r#"{"headline":"Rain","publisher":"The Paper","claims":["#,
            r#"{"iri":"http://e/a/claim/10-19","text":"it rained","span":[10,19],"#,
            r#""source":{"iri":"http://e/ann","label":"Ann","class":"http://schema.org/Person"},"#,
            r#""via":{"iri":"http://e/acme","label":"Acme","class":"http://schema.org/Organization"},"#,
            r#""cue":"said","cueSpan":[4,8],"negated":true},"#,
            r#"{"iri":"http://e/a/claim/12-19","text":"rained","span":[12,19],"parent":"http://e/a/claim/10-19"}]}"#
        );
        assert_eq!(json(&triples()), expect);
        assert_eq!(ClaimSummary::parse(expect).map(|s| s.claims.len()), Some(2));
    }

    #[test]
    fn a_summary_does_not_depend_on_the_order_of_the_statements() {
        let mut triples = triples();
        let forward = json(&triples);
        triples.reverse();
        assert_eq!(json(&triples), forward);
        triples.rotate_left(7);
        assert_eq!(json(&triples), forward);
    }

    #[test]
    fn a_summary_of_another_shape_is_none() {
        assert_eq!(ClaimSummary::parse(r#"{"claims":[],"version":2}"#), None);
        assert_eq!(ClaimSummary::parse("not json"), None);
        assert_eq!(ClaimSummary::parse("{}"), Some(ClaimSummary::default()));
    }
}
