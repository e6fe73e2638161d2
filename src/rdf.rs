//! RDF: a resolved document as quads in one named graph per article, with IRIs minted from
//! stable keys and no blank nodes.
//!
//! [`Iris`] is the only place IRIs are made: articles by content id, entities by key, spans by
//! RFC 5147 fragments in code points (`ARTICLE#char=BEGIN,END`), claims and quantities by their
//! spans. [`quads`] writes the article's metadata, its NIF context and mentions, its entities,
//! claims (PROV-O, schema.org and `hs` terms), quantities, relations and the `hs:cites` edges
//! from each reporter to each source, and the article's claims summary (`summary`: its claims as
//! one JSON literal, for readers of every claim of an article). The output is sorted, so the same
//! document gives the same bytes. This module does not touch a store.

use crate::attribute::Quantity;
use crate::layout::Field;
use crate::lexicon::EntityType;
use crate::recognize::Predicate;
use crate::resolve::{Claim, Document};
use crate::text::{CharIndex, Span};
use crate::vocab::{dcterms, geo, hs, itsrdf, nif, org, prov, schema, skos};
use oxigraph::model::vocab::{rdf, xsd};
use oxigraph::model::{GraphName, Literal, NamedNode, NamedNodeRef, Quad, Term, Triple};
use std::collections::{BTreeMap, BTreeSet, HashMap};

mod summary;

pub use summary::{ClaimSummary, Speaker, SummarizedClaim};

/// The default base IRI of minted resources.
pub const DEFAULT_BASE: &str = "https://w3id.org/hearsay/";

/// Mints every IRI hearsay writes.
#[derive(Debug, Clone)]
pub struct Iris {
    base: String,
}

/// A base IRI that is not an absolute IRI ending in `/` or `#`.
#[derive(Debug, thiserror::Error)]
#[error("invalid base IRI {base:?}: it must be an absolute IRI ending in '/' or '#'")]
pub struct BaseIriError {
    base: String,
}

impl Default for Iris {
    fn default() -> Self {
        Self { base: DEFAULT_BASE.to_string() }
    }
}

impl Iris {
    /// IRIs under `base`.
    pub fn new(base: &str) -> Result<Self, BaseIriError> {
        if NamedNode::new(base).is_err() || !(base.ends_with('/') || base.ends_with('#')) {
            return Err(BaseIriError { base: base.to_string() });
        }
        Ok(Self { base: base.to_string() })
    }

    /// The base IRI.
    pub fn base(&self) -> &str {
        &self.base
    }

    /// An article, by content id; also its named graph.
    pub fn article(&self, id: &str) -> NamedNode {
        NamedNode::new_unchecked(format!("{}article/{id}", self.base))
    }

    /// An entity, by key.
    pub fn entity(&self, key: &str) -> NamedNode {
        NamedNode::new_unchecked(format!("{}entity/{key}", self.base))
    }

    /// A span of an article's text, in code points.
    pub fn span(&self, article: &str, [begin, end]: [usize; 2]) -> NamedNode {
        NamedNode::new_unchecked(format!("{}article/{article}#char={begin},{end}", self.base))
    }

    /// The claims of an article, by the spans of their contents in code points, in order: a
    /// claim is `claim/BEGIN-END`; the second and later claims of one content (one for each
    /// coordinated source) add their place among them (`claim/BEGIN-END/2`).
    pub fn claims(&self, article: &str, contents: impl IntoIterator<Item = [usize; 2]>) -> Vec<NamedNode> {
        let mut seen: HashMap<[usize; 2], usize> = HashMap::new();
        contents
            .into_iter()
            .map(|[begin, end]| {
                let n = seen.entry([begin, end]).or_default();
                *n += 1;
                let place = if *n == 1 { String::new() } else { format!("/{n}") };
                NamedNode::new_unchecked(format!("{}article/{article}/claim/{begin}-{end}{place}", self.base))
            })
            .collect()
    }

    /// One of hearsay's own terms, in this base's ontology namespace.
    pub fn own(&self, term: NamedNodeRef<'_>) -> NamedNode {
        if self.base == DEFAULT_BASE {
            return term.into_owned();
        }
        let local = term.as_str().strip_prefix(hs::NAMESPACE).expect("an hs term");
        NamedNode::new_unchecked(format!("{}ontology#{local}", self.base))
    }
}

/// The quads of one document, sorted, all in the article's named graph, the article's claims
/// summary ([`ClaimSummary`], made from the other statements) among them.
pub fn quads(doc: &Document, iris: &Iris) -> Vec<Quad> {
    let mut w = Writer::new(doc, iris);
    w.article();
    w.entities();
    w.claims();
    w.relations();
    // Sorted by N-Triples form, which orders them as their N-Quads form does (the graph, the
    // same for all, comes after a space, and no term is followed by a byte below a space):
    // triples and their keys hold no copy of the graph's IRI each, which for a long article
    // is hundreds of megabytes. The graph is added once they are sorted.
    let Writer { mut triples, graph, article, iris, .. } = w;
    let keys = lookup_keys(&triples);
    let summary = ClaimSummary::of_graph(&triples, &article, iris).triple(&article, iris);
    triples.extend(keys);
    triples.push(summary);
    triples.sort_by_cached_key(|t| t.to_string());
    triples.dedup();
    triples.into_iter().map(|t| t.in_graph(graph.clone())).collect()
}

/// The lookup keys of the labelled nodes among `quads`: for each `skos:prefLabel` or
/// `skos:altLabel`, its lower-cased form as a `skos:hiddenLabel`, so that a case-insensitive
/// lookup by name (`load::find`) is an exact match that the store answers from its indexes instead
/// of comparing every label. A lower-cased form that is already one of the node's labels in this
/// graph is not repeated: SKOS keeps the three label properties disjoint.
fn lookup_keys(triples: &[Triple]) -> Vec<Triple> {
    // Keyed by subject as written (all share the article's graph), so that the keys come out in
    // a stable order.
    let mut labels: BTreeMap<String, (&Triple, BTreeSet<&str>)> = BTreeMap::new();
    for t in triples.iter().filter(|t| t.predicate == skos::PREF_LABEL || t.predicate == skos::ALT_LABEL) {
        if let Term::Literal(label) = &t.object {
            labels.entry(t.subject.to_string()).or_insert_with(|| (t, BTreeSet::new())).1.insert(label.value());
        }
    }
    let mut keys = Vec::new();
    for (first, names) in labels.values() {
        for name in names {
            let key = name.to_lowercase();
            if !names.contains(key.as_str()) {
                keys.push(Triple::new(first.subject.clone(), skos::HIDDEN_LABEL, Literal::new_simple_literal(key)));
            }
        }
    }
    keys
}

/// The schema.org class of an entity type.
fn class_of(kind: EntityType) -> NamedNodeRef<'static> {
    match kind {
        EntityType::Person => schema::PERSON,
        EntityType::Organization => schema::ORGANIZATION,
        EntityType::Place => schema::PLACE,
    }
}

struct Writer<'a> {
    doc: &'a Document,
    iris: &'a Iris,
    chars: CharIndex,
    graph: GraphName,
    article: NamedNode,
    context: NamedNode,
    triples: Vec<Triple>,
}

impl<'a> Writer<'a> {
    fn new(doc: &'a Document, iris: &'a Iris) -> Self {
        let text = doc.article.text();
        let chars = CharIndex::new(text);
        let id = &doc.article.source.id;
        let article = iris.article(id);
        let context = iris.span(id, [0, chars.len_chars()]);
        Self { doc, iris, chars, graph: article.clone().into(), article, context, triples: Vec::new() }
    }

    fn add(&mut self, s: &NamedNode, p: NamedNodeRef<'_>, o: impl Into<Term>) {
        self.triples.push(Triple::new(s.clone(), p, o));
    }

    fn own(&mut self, s: &NamedNode, p: NamedNodeRef<'_>, o: impl Into<Term>) {
        let p = self.iris.own(p);
        self.triples.push(Triple::new(s.clone(), p, o));
    }

    fn entity(&self, index: usize) -> NamedNode {
        self.iris.entity(&self.doc.entities[index].key)
    }

    /// The entity with a mention exactly at `span`, or by name.
    fn entity_at(&self, span: Span, kind: EntityType, name: &str) -> NamedNode {
        self.doc
            .entities
            .iter()
            .find(|e| e.mentions.contains(&span))
            .map_or_else(|| self.iris.entity(&crate::resolve::key(kind, name)), |e| self.iris.entity(&e.key))
    }

    /// The entity a metadata field names: the one mentioned where the text states it, else the
    /// one its name keys. An author or publisher that the input gives outside the text, and that
    /// the article does not mention, is typed and labelled here, since no mention does it.
    fn metadata_entity(&mut self, field: &Field, kind: EntityType) -> NamedNode {
        if let Some(span) = field.span {
            return self.entity_at(span, kind, &field.value);
        }
        let key = crate::resolve::key(kind, &field.value);
        let iri = self.iris.entity(&key);
        if !self.doc.entities.iter().any(|e| e.key == key) {
            self.add(&iri, rdf::TYPE, class_of(kind));
            self.add(&iri, skos::PREF_LABEL, Literal::new_simple_literal(&field.value));
        }
        iri
    }

    /// A NIF string for `span`, returning its IRI.
    fn span(&mut self, span: Span) -> NamedNode {
        let cps = self.chars.chars(span);
        let iri = self.iris.span(&self.doc.article.source.id, cps);
        let anchor = span.of(self.doc.article.text()).to_string();
        let context = self.context.clone();
        self.add(&iri, rdf::TYPE, nif::RFC5147_STRING);
        self.add(&iri, nif::BEGIN_INDEX, Literal::new_typed_literal(cps[0].to_string(), xsd::INTEGER));
        self.add(&iri, nif::END_INDEX, Literal::new_typed_literal(cps[1].to_string(), xsd::INTEGER));
        self.add(&iri, nif::ANCHOR_OF, Literal::new_simple_literal(anchor));
        self.add(&iri, nif::REFERENCE_CONTEXT, context);
        iri
    }

    fn article(&mut self) {
        let doc = self.doc;
        let a = self.article.clone();
        let meta = &doc.article.meta;
        self.add(&a, rdf::TYPE, schema::NEWS_ARTICLE);
        self.add(&a, dcterms::IDENTIFIER, Literal::new_simple_literal(&doc.article.source.id));
        self.add(&a, dcterms::SOURCE, Literal::new_simple_literal(&doc.article.source.path));
        if let Some(title) = &meta.title {
            self.add(&a, schema::HEADLINE, Literal::new_simple_literal(&title.value));
        }
        for person in &meta.authors {
            let e = self.metadata_entity(person, EntityType::Person);
            self.add(&a, schema::AUTHOR, e);
        }
        for person in &meta.editors {
            let e = self.metadata_entity(person, EntityType::Person);
            self.add(&a, schema::EDITOR, e);
        }
        if let Some(publisher) = &meta.publisher {
            let e = self.metadata_entity(publisher, EntityType::Organization);
            self.add(&a, schema::PUBLISHER, e);
        }
        // A URL that is not an absolute IRI is left out rather than written wrong.
        if let Some(url) = doc.article.source.meta.url.as_deref().and_then(|u| NamedNode::new(u).ok()) {
            self.add(&a, schema::URL, url);
        }
        if let Some(date) = &meta.published {
            self.add(&a, schema::DATE_PUBLISHED, Literal::new_typed_literal(&date.value, xsd::DATE));
        }
        let context = self.context.clone();
        self.own(&a, hs::CONTEXT, context.clone());
        self.add(&context, rdf::TYPE, nif::CONTEXT);
        self.add(&context, nif::IS_STRING, Literal::new_simple_literal(doc.article.text()));
        self.add(&context, nif::BEGIN_INDEX, Literal::new_typed_literal("0", xsd::INTEGER));
        let end = self.chars.len_chars().to_string();
        self.add(&context, nif::END_INDEX, Literal::new_typed_literal(end, xsd::INTEGER));
    }

    fn entities(&mut self) {
        let doc = self.doc;
        let a = self.article.clone();
        for (i, e) in doc.entities.iter().enumerate() {
            let iri = self.entity(i);
            let class = class_of(e.kind);
            // Commenters below the story are not mentioned by the article.
            let body_end = doc.article.regions.body.end;
            if e.mentions.iter().any(|m| m.start < body_end) {
                self.add(&a, schema::MENTIONS, iri.clone());
            }
            self.add(&iri, rdf::TYPE, class);
            self.add(&iri, skos::PREF_LABEL, Literal::new_simple_literal(&e.name));
            for alias in &e.aliases {
                self.add(&iri, skos::ALT_LABEL, Literal::new_simple_literal(alias));
            }
            for role in &e.roles {
                self.add(&iri, schema::JOB_TITLE, Literal::new_simple_literal(role));
            }
            for honorific in &e.honorifics {
                self.add(&iri, schema::HONORIFIC_PREFIX, Literal::new_simple_literal(honorific));
            }
            if let Some(place) = &e.place {
                if let Some((lat, long)) = place.coordinates {
                    self.add(&iri, geo::LAT, Literal::new_typed_literal(format!("{lat}"), xsd::DECIMAL));
                    self.add(&iri, geo::LONG, Literal::new_typed_literal(format!("{long}"), xsd::DECIMAL));
                }
                if let Some(id) = place.geonames {
                    self.add(&iri, schema::SAME_AS, NamedNode::new_unchecked(format!("https://sws.geonames.org/{id}/")));
                }
            }
            for &span in &e.mentions {
                let m = self.span(span);
                let mention_class = self.iris.own(hs::MENTION);
                self.add(&m, rdf::TYPE, mention_class);
                self.add(&m, itsrdf::TA_IDENT_REF, iri.clone());
                // The evidence for this mention's type and for joining it to the entity.
                for rule in e.mention_rules.get(&span).into_iter().flatten() {
                    self.own(&m, hs::RULE, Literal::new_simple_literal(*rule));
                }
            }
            // Pronouns and descriptions that stand for it, with the rule that joined each.
            for (&span, rule) in e.references.iter().filter(|(span, _)| !e.mentions.contains(span)) {
                let m = self.span(span);
                let reference_class = self.iris.own(hs::REFERENCE);
                self.add(&m, rdf::TYPE, reference_class);
                self.add(&m, itsrdf::TA_IDENT_REF, iri.clone());
                self.own(&m, hs::RULE, Literal::new_simple_literal(*rule));
            }
        }
        for &span in &doc.unresolved {
            let m = self.span(span);
            let unresolved_class = self.iris.own(hs::UNRESOLVED_REFERENCE);
            self.add(&m, rdf::TYPE, unresolved_class);
        }
    }

    fn claims(&mut self) {
        let doc = self.doc;
        let id = &doc.article.source.id;
        let claim_iris = self.iris.claims(id, doc.claims.iter().map(|c| self.chars.chars(c.content)));
        for (c, iri) in doc.claims.iter().zip(&claim_iris) {
            self.claim(c, iri);
            if c.comment {
                self.comment(c, iri);
                continue;
            }
            self.citation(c, iri, &claim_iris);
            self.claim_dates(c, iri);
            for q in &c.quantities {
                self.quantity(q, iri);
            }
        }
    }

    /// A claim's own statements: its text, spans, cue and where it appears.
    fn claim(&mut self, c: &Claim, iri: &NamedNode) {
        let content = self.span(c.content);
        self.add(iri, rdf::TYPE, schema::CLAIM);
        self.add(iri, schema::TEXT, Literal::new_simple_literal(c.content.of(self.doc.article.text())));
        self.own(iri, hs::CONTENT_SPAN, content);
        self.add(iri, schema::APPEARANCE, self.article.clone());
        self.own(iri, hs::DIRECT, Literal::from(c.direct));
        self.own(iri, hs::NEGATED, Literal::from(c.negated));
        if let Some(cue) = &c.cue {
            let span = self.span(cue.span);
            self.own(iri, hs::CUE, Literal::new_simple_literal(&cue.lemma));
            self.own(iri, hs::CUE_CLASS, Literal::new_simple_literal(&cue.class));
            self.own(iri, hs::CUE_SPAN, span);
        }
        if let Some(span) = c.source_span {
            let span = self.span(span);
            self.own(iri, hs::SOURCE_SPAN, span);
        }
    }

    /// A reader comment is its commenter's, not the article's: a schema:Comment on the article,
    /// and no citation from the article.
    fn comment(&mut self, c: &Claim, iri: &NamedNode) {
        let a = self.article.clone();
        let cps = self.chars.chars(c.content);
        let comment = NamedNode::new_unchecked(format!("{}/comment/{}-{}", a.as_str(), cps[0], cps[1]));
        self.add(&comment, rdf::TYPE, schema::COMMENT);
        self.add(&comment, schema::TEXT, Literal::new_simple_literal(c.content.of(self.doc.article.text())));
        self.add(&comment, schema::PARENT_ITEM, a);
        self.add(iri, prov::WAS_QUOTED_FROM, comment.clone());
        if let Some(s) = c.source {
            let s = self.entity(s);
            self.add(&comment, schema::AUTHOR, s.clone());
            self.add(iri, prov::WAS_ATTRIBUTED_TO, s);
        }
    }

    /// Who a claim is attributed to, who reports it (an intermediary, else the article) and so
    /// cites its source, and what quotes it (the claim it is part of, else the article).
    fn citation(&mut self, c: &Claim, iri: &NamedNode, claim_iris: &[NamedNode]) {
        let reporter = match c.reported_by {
            Some(r) => {
                let r = self.entity(r);
                self.own(iri, hs::REPORTED_BY, r.clone());
                r
            }
            None => self.article.clone(),
        };
        if let Some(s) = c.source {
            let s = self.entity(s);
            self.add(iri, prov::WAS_ATTRIBUTED_TO, s.clone());
            self.own(&reporter, hs::CITES, s);
        }
        let quoting = match c.parent {
            Some(p) => {
                self.add(iri, dcterms::IS_PART_OF, claim_iris[p].clone());
                claim_iris[p].clone()
            }
            None => self.article.clone(),
        };
        let link = if c.direct { prov::WAS_QUOTED_FROM } else { prov::WAS_DERIVED_FROM };
        self.add(&quoting, link, iri.clone());
    }

    /// The dates of a claim's sentence that have a value, typed by their precision.
    fn claim_dates(&mut self, c: &Claim, iri: &NamedNode) {
        for d in &c.dates {
            if let Some(value) = &d.value {
                let datatype = match value.len() {
                    4 => xsd::G_YEAR,
                    7 => xsd::G_YEAR_MONTH,
                    _ => xsd::DATE,
                };
                self.add(iri, dcterms::TEMPORAL, Literal::new_typed_literal(value, datatype));
            }
        }
    }

    /// A quantity in a claim: its value, unit, what it counts, its qualifier and span.
    fn quantity(&mut self, q: &Quantity, iri: &NamedNode) {
        let cps = self.chars.chars(q.span);
        let qi = NamedNode::new_unchecked(format!("{}/quantity/{}-{}", iri.as_str(), cps[0], cps[1]));
        let span = self.span(q.span);
        self.own(iri, hs::QUANTITY, qi.clone());
        self.add(&qi, rdf::TYPE, schema::QUANTITATIVE_VALUE);
        self.add(&qi, schema::VALUE, Literal::new_typed_literal(format_number(q.value), xsd::DECIMAL));
        if let Some(unit) = &q.unit {
            self.add(&qi, schema::UNIT_TEXT, Literal::new_simple_literal(unit));
        }
        if let Some(counted) = &q.counted {
            self.add(&qi, schema::DESCRIPTION, Literal::new_simple_literal(counted));
        }
        if let Some(qualifier) = &q.qualifier {
            self.own(&qi, hs::QUALIFIER, Literal::new_simple_literal(qualifier));
        }
        self.own(&qi, hs::SPAN, span);
    }

    fn relations(&mut self) {
        for r in &self.doc.relations {
            let s = self.entity(r.subject);
            let o = self.entity(r.object);
            let subject_kind = self.doc.entities[r.subject].kind;
            let p = match r.predicate {
                Predicate::MemberOf => org::MEMBER_OF,
                Predicate::HeadOf => org::HEAD_OF,
                Predicate::PartOf => schema::PARENT_ORGANIZATION,
                Predicate::AssociatedPlace if subject_kind == EntityType::Person => schema::HOME_LOCATION,
                Predicate::AssociatedPlace => schema::LOCATION,
            };
            self.add(&s, p, o);
            if let Some(role) = &r.role {
                self.add(&s, schema::JOB_TITLE, Literal::new_simple_literal(role));
            }
        }
    }
}

/// A number as an xsd:decimal lexical form: no exponent, no trailing ".0".
pub fn format_number(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 { format!("{}", value as i64) } else { format!("{value}") }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn label(s: &str, p: NamedNodeRef<'_>, o: &str) -> Triple {
        Triple::new(NamedNode::new_unchecked(s), p, Literal::new_simple_literal(o))
    }

    #[test]
    fn claims_of_one_content_are_numbered_after_the_first() {
        let iris = Iris::new("http://e/").unwrap();
        let names: Vec<String> = iris.claims("a", [[1, 4], [1, 4], [5, 9], [1, 4]]).iter().map(|n| n.as_str().to_string()).collect();
        assert_eq!(
            names,
            [
                "http://e/article/a/claim/1-4",
                "http://e/article/a/claim/1-4/2",
                "http://e/article/a/claim/5-9",
                "http://e/article/a/claim/1-4/3"
            ]
        );
    }

    #[test]
    fn lookup_keys_are_lower_cased_labels_that_are_not_labels_already() {
        let triples = [
            label("http://e/fifa", skos::PREF_LABEL, "FIFA"),
            label("http://e/fifa", skos::ALT_LABEL, "fifa"),
            label("http://e/blair", skos::PREF_LABEL, "Tony Blair"),
            label("http://e/blair", skos::ALT_LABEL, "Blair"),
            label("http://e/x", skos::PREF_LABEL, "x"),
        ];
        let keys: Vec<String> = lookup_keys(&triples).iter().map(|t| t.to_string()).collect();
        assert_eq!(
            keys,
            [
                "<http://e/blair> <http://www.w3.org/2004/02/skos/core#hiddenLabel> \"blair\"",
                "<http://e/blair> <http://www.w3.org/2004/02/skos/core#hiddenLabel> \"tony blair\"",
            ]
        );
    }
}
