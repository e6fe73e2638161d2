//! Traces: through which chains claims reached the articles, who cites an entity and whom it
//! cites, and the original sources of a claim.
//!
//! The citation network is a petgraph graph of reporters (articles and entities) and sources,
//! weighted by the number of claims each citation carries. A chain runs from the article through
//! every intermediary to the source and the claim, and each hop keeps its cue and the character
//! spans it came from. This module does no I/O.

use crate::facts::{ClaimFact, Facts, Node, NodeKind, QuantityFact, Relation};
use petgraph::Direction;
use petgraph::graph::{DiGraph, NodeIndex};
use serde::Serialize;
use std::collections::BTreeMap;

/// One step of a chain: who passed the claim on, and how.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Hop {
    /// The source at this step.
    pub node: Node,
    /// The cue that introduced it ("says", "according to").
    pub cue: Option<String>,
    /// Where the cue is, in code points of the article.
    pub cue_span: Option<[u64; 2]>,
    /// Where the source is named.
    pub source_span: Option<[u64; 2]>,
}

/// How one claim reached one article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Chain {
    /// The article.
    pub article: Node,
    /// The intermediaries and the source, in order.
    pub hops: Vec<Hop>,
    /// The claim's IRI.
    pub claim: String,
    /// What was said.
    pub text: String,
    /// Where, in code points of the article.
    pub span: [u64; 2],
}

/// Everything `hearsay trace` reports about one node.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Trace {
    /// The entity or claim traced.
    pub target: Node,
    /// Reporters that cite it, with the number of claims.
    pub cited_by: Vec<(Node, u32)>,
    /// Sources it cites, with the number of claims.
    pub cites: Vec<(Node, u32)>,
    /// For a claim: the sources its content finally comes from.
    pub original_sources: Vec<Node>,
    /// The chains that pass through it.
    pub chains: Vec<Chain>,
}

/// The citation network: reporters and sources, weighted edges.
pub struct CitationGraph {
    graph: DiGraph<String, u32>,
    index: BTreeMap<String, NodeIndex>,
}

impl CitationGraph {
    /// Builds the network from the `Cites` edges of `facts`.
    pub fn new(facts: &Facts) -> Self {
        let mut graph = DiGraph::new();
        let mut index = BTreeMap::new();
        for edge in facts.edges.iter().filter(|e| e.relation == Relation::Cites) {
            let mut node = |iri: &String| *index.entry(iri.clone()).or_insert_with(|| graph.add_node(iri.clone()));
            let (a, b) = (node(&edge.from), node(&edge.to));
            match graph.find_edge(a, b) {
                Some(e) => graph[e] += edge.weight,
                None => {
                    graph.add_edge(a, b, edge.weight);
                }
            }
        }
        Self { graph, index }
    }

    /// The neighbours of `iri` in one direction, with weights, sorted by IRI.
    pub fn neighbours(&self, iri: &str, direction: Direction) -> Vec<(String, u32)> {
        let Some(&n) = self.index.get(iri) else { return Vec::new() };
        let mut out: Vec<(String, u32)> = self
            .graph
            .edges_directed(n, direction)
            .map(|e| {
                use petgraph::visit::EdgeRef;
                let other = if direction == Direction::Incoming { e.source() } else { e.target() };
                (self.graph[other].clone(), *e.weight())
            })
            .collect();
        out.sort();
        out
    }
}

/// Traces `target` (an entity or claim IRI) through `facts`, which must hold all claims.
pub fn trace(facts: &Facts, target: &str) -> Option<Trace> {
    let node = facts.nodes.get(target)?.clone();
    let network = CitationGraph::new(facts);
    let with_nodes = |list: Vec<(String, u32)>| list.into_iter().filter_map(|(iri, w)| Some((facts.nodes.get(&iri)?.clone(), w))).collect();
    let cited_by = with_nodes(network.neighbours(target, Direction::Incoming));
    let cites = with_nodes(network.neighbours(target, Direction::Outgoing));
    let (claims, original_sources): (Vec<&ClaimFact>, Vec<Node>) = if node.kind == NodeKind::Claim {
        let claim = facts.claims.get(target)?;
        let mut family = vec![claim];
        family.extend(descendants(facts, target));
        let leaves: Vec<&&ClaimFact> =
            family.iter().filter(|c| !facts.claims.values().any(|d| d.parent.as_deref() == Some(&c.iri))).collect();
        let mut originals: Vec<Node> = leaves.iter().filter_map(|c| facts.nodes.get(c.source.as_ref()?).cloned()).collect();
        originals.sort_by(|a, b| a.iri.cmp(&b.iri));
        originals.dedup();
        (family, originals)
    } else {
        let through: Vec<&ClaimFact> = facts.claims.values().filter(|c| facts.chain(&c.iri).iter().any(|hop| hop == target)).collect();
        (through, Vec::new())
    };
    let chains = claims.into_iter().filter_map(|c| chain(facts, c)).collect();
    Some(Trace { target: node, cited_by, cites, original_sources, chains })
}

impl Trace {
    /// The IRIs of the nodes it shows: the target, its neighbours, the original sources and every
    /// article and hop of its chains.
    pub fn node_iris(&self) -> Vec<String> {
        let mut iris = vec![self.target.iri.clone()];
        iris.extend(self.cited_by.iter().chain(&self.cites).map(|(n, _)| n.iri.clone()));
        iris.extend(self.original_sources.iter().map(|n| n.iri.clone()));
        for c in &self.chains {
            iris.push(c.article.iri.clone());
            iris.extend(c.hops.iter().map(|h| h.node.iri.clone()));
        }
        iris.sort();
        iris.dedup();
        iris
    }
}

/// Claims nested (at any depth) in `claim`.
fn descendants<'a>(facts: &'a Facts, claim: &str) -> Vec<&'a ClaimFact> {
    let mut out = Vec::new();
    let mut stack = vec![claim.to_string()];
    while let Some(current) = stack.pop() {
        for c in facts.claims.values().filter(|c| c.parent.as_deref() == Some(current.as_str())) {
            if out.len() < 1000 && !out.iter().any(|d: &&ClaimFact| d.iri == c.iri) {
                out.push(c);
                stack.push(c.iri.clone());
            }
        }
    }
    out
}

/// The chain of one claim, hop by hop.
fn chain(facts: &Facts, claim: &ClaimFact) -> Option<Chain> {
    let lineage = facts.lineage(&claim.iri);
    let mut hops = Vec::new();
    // A claim that inherited its intermediary without a parent claim ("it says") starts at it.
    if let Some(via) = lineage[0].via.as_ref().filter(|_| lineage[0].parent.is_none()).and_then(|v| facts.nodes.get(v)) {
        hops.push(Hop { node: via.clone(), cue: None, cue_span: None, source_span: None });
    }
    for c in &lineage {
        let Some(source) = c.source.as_ref().and_then(|s| facts.nodes.get(s)) else { continue };
        hops.push(Hop { node: source.clone(), cue: c.cue.clone(), cue_span: c.cue_span, source_span: c.source_span });
    }
    Some(Chain {
        article: facts.nodes.get(&claim.article)?.clone(),
        hops,
        claim: claim.iri.clone(),
        text: claim.text.clone(),
        span: claim.span,
    })
}

impl std::fmt::Display for Trace {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let list = |items: &[(Node, u32)]| {
            if items.is_empty() {
                "nobody".to_string()
            } else {
                items.iter().map(|(n, w)| format!("{} ({w})", n.label)).collect::<Vec<_>>().join(", ")
            }
        };
        writeln!(f, "{} ({:?}) <{}>", self.target.label, self.target.kind, self.target.iri)?;
        writeln!(f, "  cited by: {}", list(&self.cited_by))?;
        writeln!(f, "  cites:    {}", list(&self.cites))?;
        if !self.original_sources.is_empty() {
            let names: Vec<&str> = self.original_sources.iter().map(|n| n.label.as_str()).collect();
            writeln!(f, "  original sources: {}", names.join(", "))?;
        }
        writeln!(f, "  chains ({}):", self.chains.len())?;
        for c in &self.chains {
            write!(f, "    article \"{}\"", c.article.label)?;
            for hop in &c.hops {
                let cue = hop.cue.as_deref().unwrap_or("(continues)");
                let at = hop.source_span.map(|[b, e]| format!(" @{b}-{e}")).unwrap_or_default();
                write!(f, " -[{cue}]-> {}{at}", hop.node.label)?;
            }
            writeln!(f, " -> \"{}\" @{}-{}", c.text, c.span[0], c.span[1])?;
        }
        Ok(())
    }
}

/// Whether `claim` is about something mentioned at `mentions` (code-point spans in the claim's
/// article): a mention in the claim's paragraph, from the start of the paragraph that holds the
/// claim's frame (its cue, source or content, whichever comes first) to the end of its content.
/// News paragraphs keep to one topic ("The union says 4,000 ... The port authority puts the
/// number at 2,500"). `text` is the article's text.
pub fn is_about(claim: &ClaimFact, text: &[char], mentions: &[[u64; 2]]) -> bool {
    let first = [Some(claim.span[0]), claim.cue_span.map(|s| s[0]), claim.source_span.map(|s| s[0])]
        .into_iter()
        .flatten()
        .min()
        .unwrap_or(claim.span[0]);
    let first = (first as usize).min(text.len());
    let sentence_start = text[..first].iter().rposition(|&c| c == '\n').map_or(0, |p| p + 1) as u64;
    mentions.iter().any(|m| m[0] >= sentence_start && m[1] <= claim.span[1])
}

/// The claims of `facts` that one of `entities` made, and those whose content holds one of their
/// `mentions` (code-point spans by article, `load::mentions_of`), in claim order: the claims
/// attributed to the entity and those whose content span holds one of its mentions, answered
/// from claims already read (`tests/it/targeted.rs` checks it against that join over the store).
pub fn made_or_mentioning(facts: &Facts, entities: &[String], mentions: &BTreeMap<String, Vec<[u64; 2]>>) -> Vec<String> {
    let mentioned =
        |c: &ClaimFact| mentions.get(&c.article).is_some_and(|spans| spans.iter().any(|m| m[0] >= c.span[0] && m[1] <= c.span[1]));
    facts
        .claims
        .values()
        .filter(|c| c.source.as_ref().is_some_and(|s| entities.contains(s)) || mentioned(c))
        .map(|c| c.iri.clone())
        .collect()
}

/// The claims among `facts` that one of `entities` made, whose content mentions one of them, or
/// whose sentence does before the content ends ([`is_about`]; `text_of` gives an article's
/// text), in article and span order: what `hearsay claims --about` lists and the server's entity
/// page shows. `mentions` are the entities' code-point spans by article (`load::mentions_of`).
pub fn claims_about<E>(
    facts: &Facts,
    entities: &[String],
    mentions: &BTreeMap<String, Vec<[u64; 2]>>,
    mut text_of: impl FnMut(&str) -> Result<String, E>,
) -> Result<Vec<String>, E> {
    let mut claims = made_or_mentioning(facts, entities, mentions);
    // Each article's claims, found once: a walk over every claim for each article mentioning the
    // entity took most of the time on a store ten times the BBC's.
    let mut by_article: BTreeMap<&str, Vec<&ClaimFact>> = BTreeMap::new();
    for c in facts.claims.values() {
        by_article.entry(c.article.as_str()).or_default().push(c);
    }
    for (article, spans) in mentions {
        let Some(in_article) = by_article.get(article.as_str()) else { continue };
        let text: Vec<char> = text_of(article)?.chars().collect();
        claims.extend(in_article.iter().filter(|c| is_about(c, &text, spans)).map(|c| c.iri.clone()));
    }
    // Each claim's key looked up once (stable, as a comparison sort would be).
    claims.sort_by_cached_key(|c| (facts.claims[c].article.clone(), facts.claims[c].span));
    claims.dedup();
    Ok(claims)
}

/// Numbers ready to compare: each written number once (for the innermost claim stating it, the
/// one with the shortest content), ordered by what it counts and its unit, then by value, so that
/// different figures for the same thing from different sources stand next to each other.
pub fn side_by_side(facts: &Facts, mut numbers: Vec<QuantityFact>) -> Vec<QuantityFact> {
    let claim = |q: &QuantityFact| facts.claims.get(&q.claim);
    let article = |q: &QuantityFact| claim(q).map(|c| c.article.clone()).unwrap_or_default();
    let length = |q: &QuantityFact| claim(q).map_or(u64::MAX, |c| c.span[1] - c.span[0]);
    numbers.sort_by_key(|q| (article(q), q.span, length(q)));
    numbers.dedup_by(|b, a| article(a) == article(b) && a.span == b.span);
    let key = |q: &QuantityFact| (q.counted.clone().unwrap_or_default().to_lowercase(), q.unit.clone().unwrap_or_default());
    let value = |q: &QuantityFact| q.value.parse::<f64>().unwrap_or(0.0);
    numbers.sort_by(|a, b| key(a).cmp(&key(b)).then(value(a).total_cmp(&value(b))).then(a.claim.cmp(&b.claim)));
    numbers
}
/// The chains through any of `focus`: article -> intermediaries -> source -> claim, each hop
/// labelled with its cue. With chains from several articles, each article's node is numbered
/// ("\[1\] headline") and a citation between two entities ends in its article's number, so that a
/// headline is written once.
pub fn citation_chains(all: &Facts, focus: &[String]) -> Facts {
    let mut facts = Facts::default();
    let through: Vec<_> = all.claims.values().filter(|c| all.chain(&c.iri).iter().any(|hop| focus.contains(hop))).collect();
    let articles: std::collections::BTreeSet<&str> = through.iter().map(|c| c.article.as_str()).collect();
    let number: std::collections::BTreeMap<&str, usize> =
        if articles.len() > 1 { articles.iter().enumerate().map(|(i, a)| (*a, i + 1)).collect() } else { Default::default() };
    // Edges added together: repeats found through a map, not a walk over the edges so far.
    let mut edges = Vec::new();
    for claim in through {
        let chain = all.chain(&claim.iri);
        let marker = number.get(claim.article.as_str()).map(|n| format!("[{n}]"));
        for iri in &chain {
            let Some(node) = all.nodes.get(iri) else { continue };
            let mut node = node.clone();
            if let Some(n) = number.get(iri.as_str()) {
                node.label = format!("[{n}] {}", node.label);
            }
            facts.add_node(node);
        }
        // The cue of each hop is the cue of the claim whose source that hop is.
        let lineage = all.lineage(&claim.iri);
        let cue_of = |source: &str| lineage.iter().rev().find(|c| c.source.as_deref() == Some(source)).and_then(|c| c.cue.clone());
        for pair in chain.windows(2) {
            let (relation, label) =
                if pair[1] == claim.iri { (Relation::Said, claim.cue.clone()) } else { (Relation::Cites, cue_of(&pair[1])) };
            let label = label.filter(|l| l.chars().any(char::is_alphabetic));
            // A hop that leaves the article node needs no number; one between entities does.
            let label = match (&marker, pair[0] == claim.article || relation == Relation::Said) {
                (Some(marker), false) => Some(format!("{} {marker}", label.as_deref().unwrap_or(relation.label()))),
                _ => label,
            };
            edges.push((pair[0].clone(), pair[1].clone(), relation, label));
        }
    }
    facts.add_edges(edges);
    facts.finish();
    facts
}
