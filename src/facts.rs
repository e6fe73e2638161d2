//! Facts for traces and diagrams: the entities, articles, claims and the edges between them, as
//! plain typed values read back from the graph.
//!
//! `load` fills a [`Facts`] from a store with SPARQL; [`Facts::from_triples`] makes one from any
//! CONSTRUCT result. `trace` and `render` read it. Collections are ordered maps and sorted
//! vectors, so everything built from the same facts comes out in the same order. This module does
//! no I/O and knows nothing about Graphviz.

use crate::vocab::{dcterms, prov, schema, skos};
use oxigraph::model::{Term, Triple};
use serde::Serialize;
use std::collections::BTreeMap;

/// What a node is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum NodeKind {
    /// A person.
    Person,
    /// An organization.
    Organization,
    /// A place.
    Place,
    /// A claim.
    Claim,
    /// An article.
    Article,
    /// Anything else (from a CONSTRUCT query).
    Other,
}

impl NodeKind {
    /// The kind of a node of the class `class` (an IRI).
    pub fn of_class(class: &str) -> NodeKind {
        match class {
            "http://schema.org/Person" => NodeKind::Person,
            "http://schema.org/Organization" => NodeKind::Organization,
            "http://schema.org/Place" => NodeKind::Place,
            "http://schema.org/Claim" => NodeKind::Claim,
            "http://schema.org/NewsArticle" => NodeKind::Article,
            _ => NodeKind::Other,
        }
    }
}

/// A node: an entity, article or claim.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Node {
    /// Its IRI.
    pub iri: String,
    /// What it is.
    pub kind: NodeKind,
    /// Its name, headline or text.
    pub label: String,
    /// For articles, the publisher's name (diagrams cluster by it).
    pub group: Option<String>,
}

/// How two nodes are related.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Relation {
    /// Person or organization is a member of an organization.
    MemberOf,
    /// Person leads an organization.
    HeadOf,
    /// Organization is part of another.
    PartOf,
    /// Entity is based in or from a place.
    Location,
    /// Article mentions an entity.
    Mentions,
    /// Reporter (article or entity) cites a source.
    Cites,
    /// Source made a claim.
    Said,
    /// Article states a claim without naming its source.
    Unattributed,
    /// Any other predicate, by its local name.
    Other(String),
}

impl Relation {
    /// A short label.
    pub fn label(&self) -> &str {
        match self {
            Relation::MemberOf => "member of",
            Relation::HeadOf => "leads",
            Relation::PartOf => "part of",
            Relation::Location => "from",
            Relation::Mentions => "mentions",
            Relation::Cites => "cites",
            Relation::Said => "said",
            Relation::Unattributed => "unattributed",
            Relation::Other(name) => name,
        }
    }
}

/// An edge between two nodes, by IRI.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Edge {
    /// The node it leaves.
    pub from: String,
    /// The node it reaches.
    pub to: String,
    /// The relation.
    pub relation: Relation,
    /// A cue or role to show on the edge.
    pub label: Option<String>,
    /// How many statements support it.
    pub weight: u32,
}

/// A claim with everything a trace shows about it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct ClaimFact {
    /// The claim's IRI.
    pub iri: String,
    /// The article it appears in.
    pub article: String,
    /// What was said.
    pub text: String,
    /// Where, in code points of the article's text.
    pub span: [u64; 2],
    /// Who said it.
    pub source: Option<String>,
    /// The words naming the source, and where.
    pub source_span: Option<[u64; 2]>,
    /// Through whom it reached the article.
    pub via: Option<String>,
    /// The claim that reports it.
    pub parent: Option<String>,
    /// The cue words as written ("says", "according to").
    pub cue: Option<String>,
    /// Where the cue is.
    pub cue_span: Option<[u64; 2]>,
    /// Whether it is a reader comment (not reported by the article).
    pub comment: bool,
}

/// A number stated in a claim.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct QuantityFact {
    /// The claim stating it.
    pub claim: String,
    /// The value as written in the graph (an xsd:decimal).
    pub value: String,
    /// Its unit.
    pub unit: Option<String>,
    /// Its qualifier ("up to", "or more").
    pub qualifier: Option<String>,
    /// What it counts.
    pub counted: Option<String>,
    /// Where it is written, in code points of the article.
    pub span: [u64; 2],
}

/// Nodes, edges and claims.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Facts {
    /// Nodes by IRI.
    pub nodes: BTreeMap<String, Node>,
    /// Edges, sorted, without repeats (repeats add to the weight).
    pub edges: Vec<Edge>,
    /// Claims by IRI.
    pub claims: BTreeMap<String, ClaimFact>,
}

impl Facts {
    /// Adds a node, keeping the first label seen.
    pub fn add_node(&mut self, node: Node) {
        self.nodes.entry(node.iri.clone()).or_insert(node);
    }

    /// Adds an edge; an edge seen again adds to the weight.
    pub fn add_edge(&mut self, from: &str, to: &str, relation: Relation, label: Option<String>) {
        match self.edges.iter_mut().find(|e| e.from == from && e.to == to && e.relation == relation && e.label == label) {
            Some(e) => e.weight += 1,
            None => self.edges.push(Edge { from: from.to_string(), to: to.to_string(), relation, label, weight: 1 }),
        }
    }

    /// Adds many edges as [`Facts::add_edge`] would one by one (same edges, weights and order),
    /// finding repeats through a map instead of a walk over the edges so far: one by one, a
    /// corpus's claims took time quadratic in their number (8 s for the 19,000 claims of the BBC
    /// corpus). The map holds each edge's hash and place, not a copy of its names: a copy of every
    /// edge of a store's claims was a third of the memory that read them.
    pub fn add_edges(&mut self, edges: impl IntoIterator<Item = (String, String, Relation, Option<String>)>) {
        use std::hash::BuildHasher;
        let state = std::collections::hash_map::RandomState::new();
        let hash = |from: &str, to: &str, relation: &Relation, label: Option<&str>| state.hash_one((from, to, relation, label));
        let mut index: std::collections::HashMap<u64, Vec<usize>> = std::collections::HashMap::new();
        for (i, e) in self.edges.iter().enumerate() {
            index.entry(hash(&e.from, &e.to, &e.relation, e.label.as_deref())).or_default().push(i);
        }
        for (from, to, relation, label) in edges {
            let places = index.entry(hash(&from, &to, &relation, label.as_deref())).or_default();
            // The latest of equal edges, as a map from edge to place would keep.
            let same = places.iter().rev().find(|&&i| {
                let e = &self.edges[i];
                e.from == from && e.to == to && e.relation == relation && e.label == label
            });
            if let Some(&i) = same {
                self.edges[i].weight += 1;
                continue;
            }
            places.push(self.edges.len());
            self.edges.push(Edge { from, to, relation, label, weight: 1 });
        }
    }

    /// The citation network alone: who cites whom, the nodes those edges join, no claims.
    pub fn citation_network(mut self) -> Facts {
        self.edges.retain(|e| e.relation == Relation::Cites);
        let used: std::collections::BTreeSet<String> = self.edges.iter().flat_map(|e| [e.from.clone(), e.to.clone()]).collect();
        self.nodes.retain(|iri, _| used.contains(iri));
        self.claims.clear();
        self
    }

    /// Sorts edges; call once after adding.
    pub fn finish(&mut self) {
        self.edges.sort();
    }

    /// A claim and the claims that report it, outermost first (at most 33, cycles cut).
    pub fn lineage(&self, claim: &str) -> Vec<&ClaimFact> {
        let mut lineage: Vec<&ClaimFact> = self.claims.get(claim).into_iter().collect();
        while let Some(parent) = lineage.last().and_then(|c| c.parent.as_ref()).and_then(|p| self.claims.get(p)) {
            if lineage.len() > 32 || lineage.iter().any(|c| c.iri == parent.iri) {
                break;
            }
            lineage.push(parent);
        }
        lineage.reverse();
        lineage
    }

    /// The chain of a claim from the article down: article, intermediaries, source, claim.
    pub fn chain(&self, claim: &str) -> Vec<String> {
        let lineage = self.lineage(claim);
        let Some(root) = lineage.first() else { return vec![claim.to_string()] };
        let mut path = vec![root.article.clone()];
        // A claim that inherited its intermediary without a parent claim ("it says") starts at it.
        if let (Some(via), None) = (&root.via, &root.parent) {
            path.push(via.clone());
        }
        path.extend(lineage.iter().filter_map(|c| c.source.clone()));
        path.push(claim.to_string());
        path.dedup();
        path
    }

    /// Facts from any set of triples (a CONSTRUCT answer): typed and labelled resources become
    /// nodes, every triple between two IRIs an edge named by its predicate.
    /// `cites` is the IRI of `hs:cites` under the store's base.
    pub fn from_triples(triples: &[Triple], cites: &str) -> Self {
        let mut facts = Facts::default();
        let mut kinds: BTreeMap<String, NodeKind> = BTreeMap::new();
        let mut labels: BTreeMap<String, String> = BTreeMap::new();
        for t in triples {
            let s = t.subject.to_string().trim_matches(['<', '>']).to_string();
            let p = t.predicate.as_str();
            match &t.object {
                Term::NamedNode(o) if p == oxigraph::model::vocab::rdf::TYPE.as_str() => {
                    let kind = match o.as_str() {
                        x if x == schema::PERSON.as_str() => NodeKind::Person,
                        x if x == schema::ORGANIZATION.as_str() => NodeKind::Organization,
                        x if x == schema::PLACE.as_str() => NodeKind::Place,
                        x if x == schema::CLAIM.as_str() => NodeKind::Claim,
                        x if x == schema::NEWS_ARTICLE.as_str() => NodeKind::Article,
                        _ => continue,
                    };
                    kinds.insert(s, kind);
                }
                Term::Literal(l) if [skos::PREF_LABEL.as_str(), schema::HEADLINE.as_str(), schema::TEXT.as_str()].contains(&p) => {
                    labels.entry(s).or_insert_with(|| l.value().to_string());
                }
                _ => {}
            }
        }
        let mut edges = Vec::new();
        for t in triples {
            let (s, o) = match (&t.subject, &t.object) {
                (oxigraph::model::NamedOrBlankNode::NamedNode(s), Term::NamedNode(o)) => (s.as_str(), o.as_str()),
                _ => continue,
            };
            let p = t.predicate.as_str();
            if p == oxigraph::model::vocab::rdf::TYPE.as_str() {
                continue;
            }
            for iri in [s, o] {
                facts.add_node(Node {
                    iri: iri.to_string(),
                    kind: kinds.get(iri).copied().unwrap_or(NodeKind::Other),
                    label: labels.get(iri).cloned().unwrap_or_else(|| local_name(iri).to_string()),
                    group: None,
                });
            }
            edges.push((s.to_string(), o.to_string(), relation_of(p, cites), None));
        }
        facts.add_edges(edges);
        facts.finish();
        facts
    }
}

/// The relation a predicate IRI stands for; `cites` is `hs:cites` under the store's base.
pub fn relation_of(predicate: &str, cites: &str) -> Relation {
    use crate::vocab::org;
    match predicate {
        p if p == org::MEMBER_OF.as_str() => Relation::MemberOf,
        p if p == org::HEAD_OF.as_str() => Relation::HeadOf,
        p if p == schema::PARENT_ORGANIZATION.as_str() => Relation::PartOf,
        p if p == schema::LOCATION.as_str() || p == schema::HOME_LOCATION.as_str() => Relation::Location,
        p if p == schema::MENTIONS.as_str() => Relation::Mentions,
        p if p == prov::WAS_ATTRIBUTED_TO.as_str() => Relation::Said,
        p if p == cites => Relation::Cites,
        p if p == dcterms::IS_PART_OF.as_str() => Relation::Other("part of claim".into()),
        p => Relation::Other(local_name(p).to_string()),
    }
}

/// The last segment of an IRI.
pub fn local_name(iri: &str) -> &str {
    iri.rsplit(['#', '/']).find(|s| !s.is_empty()).unwrap_or(iri)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chains_walk_parents_up_to_the_article() {
        let mut f = Facts::default();
        let claim = |iri: &str, source: &str, via: Option<&str>, parent: Option<&str>| ClaimFact {
            iri: iri.into(),
            article: "A".into(),
            text: String::new(),
            span: [0, 1],
            source: Some(source.into()),
            source_span: None,
            via: via.map(Into::into),
            parent: parent.map(Into::into),
            cue: None,
            cue_span: None,
            comment: false,
        };
        f.claims.insert("c1".into(), claim("c1", "Gorevoy", None, None));
        f.claims.insert("c2".into(), claim("c2", "Kurdistan-24", Some("Gorevoy"), Some("c1")));
        assert_eq!(f.chain("c2"), ["A", "Gorevoy", "Kurdistan-24", "c2"]);
        f.claims.insert("c3".into(), claim("c3", "Kurdistan-24", Some("Gorevoy"), None));
        assert_eq!(f.chain("c3"), ["A", "Gorevoy", "Kurdistan-24", "c3"]);
    }

    #[test]
    fn edges_added_in_bulk_are_the_edges_added_one_by_one() {
        let edge = |i: usize| {
            let label = (i % 3 > 0).then(|| format!("cue {}", i % 3));
            (format!("from {}", i % 5), format!("to {}", i % 7), if i % 2 == 0 { Relation::Cites } else { Relation::Said }, label)
        };
        let (mut one, mut bulk) = (Facts::default(), Facts::default());
        one.add_edge("x", "y", Relation::Cites, None);
        bulk.add_edge("x", "y", Relation::Cites, None);
        for i in 0..420 {
            let (from, to, relation, label) = edge(i);
            one.add_edge(&from, &to, relation, label);
        }
        bulk.add_edges((0..420).map(edge));
        assert_eq!(one.edges, bulk.edges);
        // i and i + 210 give the same edge: every edge is added twice.
        assert!(bulk.edges.iter().any(|e| e.weight > 1));
    }
}
