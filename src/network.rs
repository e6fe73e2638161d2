//! Networks for network analysis tools (Gephi, Cytoscape, networkx): the citation network and
//! the entity co-mention network, written as GraphML, GEXF or CSV node and edge lists.
//!
//! [`CitationTally`] makes a directed network of who cites whom from claims given an article at
//! a time: an edge from each reporter (an article, or an intermediary) to each source it cites,
//! weighted by the number of claims ([`citations`] for facts already read whole).
//! [`CoMentionTally`] makes an undirected network of the entities that articles mention
//! together, weighted by the number of articles, from mentions given one at a time. Both keep
//! numbers, not the claims or rows they were given, so a whole store's network needs memory in
//! its edges; both carry each node's label, kind and number of articles, and each edge's weight
//! and number of articles. The writers return bytes (XML through quick-xml's writer, never by
//! pasting strings together); nodes come sorted by IRI and edges by their ends, so the same
//! facts give the same bytes, whatever order they came in. This module does no I/O.

use crate::facts::{Edge, Facts, Node, NodeKind, Relation};
use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use std::collections::hash_map::Entry;
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

/// A network ready to write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Network {
    /// Its name ("citations", "co-mentions"), written as the graph's id.
    pub name: &'static str,
    /// Whether edges have a direction (citations) or not (co-mentions).
    pub directed: bool,
    /// Nodes, sorted by id.
    pub nodes: Vec<NetworkNode>,
    /// Edges, sorted by their ends; an undirected edge has `source < target`.
    pub edges: Vec<NetworkEdge>,
}

/// A node: an entity or an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NetworkNode {
    /// Its IRI.
    pub id: String,
    /// Its name or headline.
    pub label: String,
    /// What it is.
    pub kind: NodeKind,
    /// In how many articles it takes part (cites, is cited, is mentioned).
    pub articles: u32,
    /// For an article, its publisher's name (to group articles by outlet); empty otherwise.
    pub publisher: String,
}

/// An edge with its weight.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NetworkEdge {
    /// The node it leaves (the reporter, for a citation).
    pub source: String,
    /// The node it reaches (the source cited).
    pub target: String,
    /// Claims carried (citations) or articles mentioning both (co-mentions).
    pub weight: u32,
    /// In how many articles the edge occurs.
    pub articles: u32,
}

/// The citation network of every claim in `facts` (as `load::claims` reads them): reporter to
/// source. Reader comments are not cited by their article and are left out.
pub fn citations(facts: Facts) -> Network {
    let mut tally = CitationTally::default();
    tally.add("", facts);
    tally.network()
}

/// The citation network tallied over facts read a part at a time (the claims of one article, as
/// `load::claims_by_article` hands them over), so that no reader holds every claim of a store: the network that
/// [`citations`] makes of all the parts' claims together, and the facts that
/// `Facts::citation_network` keeps of them ([`CitationTally::facts`]).
///
/// It keeps, for each citation (reporter, source, cue), its claims and articles, and for each
/// node its name and articles, all by number; names are held once. A node is named as in the
/// first claim that names it, in the order of claim IRIs, as [`Facts::add_node`] over every claim
/// would: a part's own facts name a node as its first claim does, and a part with an earlier
/// `order` key (an article's claims come under `ARTICLE/claim/`) names it first.
#[derive(Debug, Default)]
pub struct CitationTally {
    names: Names,
    /// Claims and articles by (reporter, source, cue).
    citations: HashMap<Citation, (u32, Vec<u32>)>,
    /// Each non-claim node of the parts, with the order key of the part that named it.
    nodes: HashMap<u32, (String, Node)>,
    /// The articles each reporter and source takes part in.
    articles: HashMap<u32, Vec<u32>>,
}

impl CitationTally {
    /// The tally of the parts `read` hands over, one call of its sink each (as
    /// `load::claims_by_article` does).
    pub fn of<E>(read: impl FnOnce(&mut dyn FnMut(&str, Facts)) -> Result<(), E>) -> Result<Self, E> {
        let mut tally = CitationTally::default();
        read(&mut |order, part| tally.add(order, part))?;
        Ok(tally)
    }

    /// Adds the claims and nodes of `part`, whose claims come under the order key `order`.
    pub fn add(&mut self, order: &str, part: Facts) {
        for claim in part.claims.values().filter(|c| !c.comment) {
            let Some(source) = claim.source.as_deref() else { continue };
            let reporter = self.names.id(claim.via.as_deref().unwrap_or(&claim.article));
            let (source, article) = (self.names.id(source), self.names.id(&claim.article));
            let cue = claim.cue.as_deref().map(|cue| self.names.id(cue));
            let citation = self.citations.entry((reporter, source, cue)).or_default();
            citation.0 += 1;
            push_new(&mut citation.1, article);
            for node in [reporter, source] {
                push_new(self.articles.entry(node).or_default(), article);
            }
        }
        for (iri, node) in part.nodes.into_iter().filter(|(_, n)| n.kind != NodeKind::Claim) {
            let id = self.names.id(&iri);
            match self.nodes.entry(id) {
                Entry::Occupied(mut seen) if order < seen.get().0.as_str() => *seen.get_mut() = (order.to_string(), node),
                Entry::Occupied(_) => {}
                Entry::Vacant(place) => {
                    place.insert((order.to_string(), node));
                }
            }
        }
    }

    /// The citation network, as [`citations`] makes it.
    pub fn network(mut self) -> Network {
        let mut edges: BTreeMap<(&str, &str), (u32, Vec<u32>)> = BTreeMap::new();
        for ((reporter, source, _), (claims, articles)) in &self.citations {
            let edge = edges.entry((self.names.name(*reporter), self.names.name(*source))).or_default();
            edge.0 += claims;
            edge.1.extend(articles);
        }
        let edges = edges
            .into_iter()
            .map(|((from, to), (claims, mut seen))| {
                seen.sort_unstable();
                seen.dedup();
                NetworkEdge { source: from.to_string(), target: to.to_string(), weight: claims, articles: seen.len() as u32 }
            })
            .collect();
        let mut nodes: Vec<NetworkNode> = std::mem::take(&mut self.articles)
            .into_iter()
            .map(|(id, mut seen)| {
                seen.sort_unstable();
                seen.dedup();
                let iri = self.names.name(id);
                let node = self.nodes.get(&id).map(|(_, n)| n);
                NetworkNode {
                    id: iri.to_string(),
                    label: node.map_or_else(|| iri.to_string(), |n| n.label.clone()),
                    kind: node.map_or(NodeKind::Other, |n| n.kind),
                    articles: seen.len() as u32,
                    publisher: node.and_then(|n| n.group.clone()).unwrap_or_default(),
                }
            })
            .collect();
        nodes.sort_by(|a, b| a.id.cmp(&b.id));
        Network { name: "citations", directed: true, nodes, edges }
    }

    /// The citation edges (reporter to source, labelled with the cue, weighed by claims) and the
    /// nodes they join, as `Facts::citation_network` keeps them of all the parts' facts together.
    pub fn facts(mut self) -> Facts {
        let mut facts = Facts::default();
        for ((reporter, source, cue), (claims, _)) in std::mem::take(&mut self.citations) {
            let (from, to) = (self.names.name(reporter).to_string(), self.names.name(source).to_string());
            let label = cue.map(|cue| self.names.name(cue).to_string());
            facts.edges.push(Edge { from, to, relation: Relation::Cites, label, weight: claims });
        }
        for id in self.articles.keys() {
            let iri = self.names.name(*id);
            let node = self.nodes.remove(id).map(|(_, n)| n);
            facts.nodes.insert(
                iri.to_string(),
                node.unwrap_or_else(|| Node { iri: iri.to_string(), kind: NodeKind::Other, label: iri.to_string(), group: None }),
            );
        }
        facts.finish();
        facts
    }
}

/// A citation by number: reporter, source and cue.
type Citation = (u32, u32, Option<u32>);

/// Pushes `id` unless it is the last one already (a part's claims of one article come together).
fn push_new(ids: &mut Vec<u32>, id: u32) {
    if ids.last() != Some(&id) {
        ids.push(id);
    }
}

/// Strings by number, each held once.
#[derive(Debug, Default)]
struct Names {
    ids: HashMap<Arc<str>, u32>,
    names: Vec<Arc<str>>,
}

impl Names {
    fn id(&mut self, name: &str) -> u32 {
        if let Some(&id) = self.ids.get(name) {
            return id;
        }
        let id = self.names.len() as u32;
        let name: Arc<str> = name.into();
        self.names.push(name.clone());
        self.ids.insert(name, id);
        id
    }

    fn name(&self, id: u32) -> &str {
        &self.names[id as usize]
    }
}

/// The co-mention network tallied over (article, entity) mentions given one at a time, in any
/// order (as `load::each_mention` gives them): an undirected edge between two entities for each
/// article that mentions both, weighted by the number of such articles. It keeps each article's
/// entities and each entity's name by number, never the rows. An entity is named by its first
/// (article, class, name) in string order, whatever order the mentions come in.
#[derive(Debug, Default)]
pub struct CoMentionTally {
    names: Names,
    /// The entities each article mentions (with repeats until the network is made).
    articles: HashMap<u32, Vec<u32>>,
    /// Each entity's first (article, class, name).
    labels: HashMap<u32, (String, String, String)>,
}

impl CoMentionTally {
    /// Adds one mention: `article` mentions `entity`, of the class `class` (an IRI) and named
    /// `label` there.
    pub fn add(&mut self, article: &str, entity: &str, class: &str, label: &str) {
        let (a, e) = (self.names.id(article), self.names.id(entity));
        push_new(self.articles.entry(a).or_default(), e);
        let key = (article, class, label);
        match self.labels.entry(e) {
            Entry::Occupied(mut seen) if key < (seen.get().0.as_str(), seen.get().1.as_str(), seen.get().2.as_str()) => {
                *seen.get_mut() = (article.to_string(), class.to_string(), label.to_string());
            }
            Entry::Occupied(_) => {}
            Entry::Vacant(place) => {
                place.insert((article.to_string(), class.to_string(), label.to_string()));
            }
        }
    }

    /// The co-mention network: nodes sorted by IRI, edges by their ends (`source < target`).
    pub fn network(self) -> Network {
        let mut pairs: HashMap<(u32, u32), u32> = HashMap::new();
        let mut counts: HashMap<u32, u32> = HashMap::new();
        for mut entities in self.articles.into_values() {
            entities.sort_unstable_by(|a, b| self.names.name(*a).cmp(self.names.name(*b)));
            entities.dedup();
            for (i, &a) in entities.iter().enumerate() {
                *counts.entry(a).or_default() += 1;
                for &b in &entities[i + 1..] {
                    *pairs.entry((a, b)).or_default() += 1;
                }
            }
        }
        let name = |id: u32| self.names.name(id).to_string();
        let mut edges: Vec<NetworkEdge> =
            pairs.into_iter().map(|((a, b), n)| NetworkEdge { source: name(a), target: name(b), weight: n, articles: n }).collect();
        edges.sort_by(|x, y| (&x.source, &x.target).cmp(&(&y.source, &y.target)));
        let mut nodes: Vec<NetworkNode> = counts
            .into_iter()
            .map(|(id, articles)| {
                let (_, class, label) = &self.labels[&id];
                NetworkNode { id: name(id), label: label.clone(), kind: NodeKind::of_class(class), articles, publisher: String::new() }
            })
            .collect();
        nodes.sort_by(|a, b| a.id.cmp(&b.id));
        Network { name: "co-mentions", directed: false, nodes, edges }
    }
}

/// The name of a node kind as the files write it.
pub fn kind_name(kind: NodeKind) -> &'static str {
    match kind {
        NodeKind::Person => "person",
        NodeKind::Organization => "organization",
        NodeKind::Place => "place",
        NodeKind::Claim => "claim",
        NodeKind::Article => "article",
        NodeKind::Other => "other",
    }
}

/// The network as GraphML (networkx, Cytoscape, Gephi, igraph): node data `label`, `kind`,
/// `articles`, `publisher`; edge data `weight`, `articles`.
pub fn graphml(network: &Network) -> Vec<u8> {
    let mut w = Xml::new();
    let mut root = BytesStart::new("graphml");
    root.push_attribute(("xmlns", "http://graphml.graphdrawing.org/xmlns"));
    w.open(root);
    let keys = [
        ("label", "node", "label", "string"),
        ("kind", "node", "kind", "string"),
        ("node_articles", "node", "articles", "int"),
        ("publisher", "node", "publisher", "string"),
        ("weight", "edge", "weight", "int"),
        ("edge_articles", "edge", "articles", "int"),
    ];
    for (id, domain, name, kind) in keys {
        w.empty("key", &[("id", id), ("for", domain), ("attr.name", name), ("attr.type", kind)]);
    }
    let direction = if network.directed { "directed" } else { "undirected" };
    w.open_with("graph", &[("id", network.name), ("edgedefault", direction)]);
    for node in &network.nodes {
        w.open_with("node", &[("id", &node.id)]);
        w.data("label", &node.label);
        w.data("kind", kind_name(node.kind));
        w.data("node_articles", &node.articles.to_string());
        if !node.publisher.is_empty() {
            w.data("publisher", &node.publisher);
        }
        w.close("node");
    }
    for (i, edge) in network.edges.iter().enumerate() {
        w.open_with("edge", &[("id", &format!("e{i}")), ("source", &edge.source), ("target", &edge.target)]);
        w.data("weight", &edge.weight.to_string());
        w.data("edge_articles", &edge.articles.to_string());
        w.close("edge");
    }
    w.close("graph");
    w.close("graphml");
    w.finish()
}

/// The network as GEXF 1.3 (Gephi's own format): node labels, attributes `kind`, `articles` and
/// `publisher`, edge weights and the attribute `articles`. No date is written, so the bytes stay the same.
pub fn gexf(network: &Network) -> Vec<u8> {
    let mut w = Xml::new();
    w.open_with("gexf", &[("xmlns", "http://gexf.net/1.3"), ("version", "1.3")]);
    w.open_with("meta", &[]);
    w.element("creator", "hearsay");
    w.element("description", &format!("{} network", network.name));
    w.close("meta");
    let direction = if network.directed { "directed" } else { "undirected" };
    w.open_with("graph", &[("mode", "static"), ("defaultedgetype", direction)]);
    w.open_with("attributes", &[("class", "node")]);
    w.empty("attribute", &[("id", "kind"), ("title", "kind"), ("type", "string")]);
    w.empty("attribute", &[("id", "articles"), ("title", "articles"), ("type", "integer")]);
    w.empty("attribute", &[("id", "publisher"), ("title", "publisher"), ("type", "string")]);
    w.close("attributes");
    w.open_with("attributes", &[("class", "edge")]);
    w.empty("attribute", &[("id", "articles"), ("title", "articles"), ("type", "integer")]);
    w.close("attributes");
    w.open_with("nodes", &[]);
    for node in &network.nodes {
        w.open_with("node", &[("id", &node.id), ("label", &node.label)]);
        w.open_with("attvalues", &[]);
        w.empty("attvalue", &[("for", "kind"), ("value", kind_name(node.kind))]);
        w.empty("attvalue", &[("for", "articles"), ("value", &node.articles.to_string())]);
        if !node.publisher.is_empty() {
            w.empty("attvalue", &[("for", "publisher"), ("value", &node.publisher)]);
        }
        w.close("attvalues");
        w.close("node");
    }
    w.close("nodes");
    w.open_with("edges", &[]);
    for (i, edge) in network.edges.iter().enumerate() {
        let (id, weight) = (i.to_string(), edge.weight.to_string());
        w.open_with("edge", &[("id", &id), ("source", &edge.source), ("target", &edge.target), ("weight", &weight)]);
        w.open_with("attvalues", &[]);
        w.empty("attvalue", &[("for", "articles"), ("value", &edge.articles.to_string())]);
        w.close("attvalues");
        w.close("edge");
    }
    w.close("edges");
    w.close("graph");
    w.close("gexf");
    w.finish()
}

/// The node list as CSV with Gephi's column names: `Id,Label,kind,articles,publisher`.
pub fn csv_nodes(network: &Network) -> String {
    let mut out = String::from("Id,Label,kind,articles,publisher\n");
    for n in &network.nodes {
        csv_row(&mut out, &[&n.id, &n.label, kind_name(n.kind), &n.articles.to_string(), &n.publisher]);
    }
    out
}

/// The edge list as CSV with Gephi's column names: `Source,Target,Type,Weight,articles`.
pub fn csv_edges(network: &Network) -> String {
    let mut out = String::from("Source,Target,Type,Weight,articles\n");
    let kind = if network.directed { "Directed" } else { "Undirected" };
    for e in &network.edges {
        csv_row(&mut out, &[&e.source, &e.target, kind, &e.weight.to_string(), &e.articles.to_string()]);
    }
    out
}

/// One CSV record (RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled).
fn csv_row(out: &mut String, fields: &[&str]) {
    let cells: Vec<String> = fields
        .iter()
        .map(|f| if f.contains([',', '"', '\n', '\r']) { format!("\"{}\"", f.replace('"', "\"\"")) } else { f.to_string() })
        .collect();
    out.push_str(&cells.join(","));
    out.push('\n');
}

/// An indented XML document in memory.
struct Xml {
    writer: Writer<Vec<u8>>,
}

// Writing to a Vec<u8> cannot fail, so the writer's results are unwrapped with that reason.
const IN_MEMORY: &str = "writing XML to memory cannot fail";

impl Xml {
    fn new() -> Self {
        let mut writer = Writer::new_with_indent(Vec::new(), b' ', 2);
        writer.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None))).expect(IN_MEMORY);
        Self { writer }
    }

    fn start<'a>(name: &'a str, attributes: &[(&'a str, &'a str)]) -> BytesStart<'a> {
        let mut start = BytesStart::new(name);
        for &attribute in attributes {
            start.push_attribute(attribute);
        }
        start
    }

    fn open(&mut self, start: BytesStart<'_>) {
        self.writer.write_event(Event::Start(start)).expect(IN_MEMORY);
    }

    fn open_with(&mut self, name: &str, attributes: &[(&str, &str)]) {
        self.open(Self::start(name, attributes));
    }

    fn empty(&mut self, name: &str, attributes: &[(&str, &str)]) {
        self.writer.write_event(Event::Empty(Self::start(name, attributes))).expect(IN_MEMORY);
    }

    fn close(&mut self, name: &str) {
        self.writer.write_event(Event::End(BytesEnd::new(name))).expect(IN_MEMORY);
    }

    fn element(&mut self, name: &str, text: &str) {
        self.open_with(name, &[]);
        self.writer.write_event(Event::Text(BytesText::new(text))).expect(IN_MEMORY);
        self.close(name);
    }

    /// A GraphML `<data key="...">value</data>`.
    fn data(&mut self, key: &str, value: &str) {
        self.open_with("data", &[("key", key)]);
        self.writer.write_event(Event::Text(BytesText::new(value))).expect(IN_MEMORY);
        self.close("data");
    }

    fn finish(self) -> Vec<u8> {
        let mut bytes = self.writer.into_inner();
        bytes.push(b'\n');
        bytes
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::{ClaimFact, Node};

    fn facts() -> Facts {
        let mut f = Facts::default();
        let node = |iri: &str, kind, label: &str| Node { iri: iri.into(), kind, label: label.into(), group: None };
        f.add_node(Node { group: Some("The Harbour Courier".into()), ..node("a1", NodeKind::Article, "Strike & \"talks\"") });
        f.add_node(node("a2", NodeKind::Article, "Port, again"));
        f.add_node(node("ewa", NodeKind::Person, "Ewa Sobczak"));
        f.add_node(node("cwu", NodeKind::Organization, "Coastal Workers Union"));
        f.add_node(node("gdansk", NodeKind::Place, "Gdańsk"));
        let claim = |iri: &str, article: &str, source: &str, via: Option<&str>| ClaimFact {
            iri: iri.into(),
            article: article.into(),
            text: String::new(),
            span: [0, 1],
            source: Some(source.into()),
            source_span: None,
            via: via.map(String::from),
            parent: None,
            cue: None,
            cue_span: None,
            comment: false,
        };
        for c in [claim("c1", "a1", "ewa", None), claim("c2", "a1", "ewa", None), claim("c3", "a2", "ewa", Some("cwu"))] {
            f.claims.insert(c.iri.clone(), c);
        }
        for (a, e) in [("a1", "ewa"), ("a1", "cwu"), ("a1", "gdansk"), ("a2", "ewa"), ("a2", "cwu")] {
            f.add_edge(a, e, Relation::Mentions, None);
        }
        f.finish();
        f
    }

    #[test]
    fn citations_weigh_claims_and_count_articles() {
        let n = citations(facts());
        let edges: Vec<_> = n.edges.iter().map(|e| (e.source.as_str(), e.target.as_str(), e.weight, e.articles)).collect();
        assert_eq!(edges, [("a1", "ewa", 2, 1), ("cwu", "ewa", 1, 1)]);
        let ewa = n.nodes.iter().find(|n| n.id == "ewa").unwrap();
        assert_eq!((ewa.kind, ewa.articles), (NodeKind::Person, 2));
    }

    /// The facts of `f` whose claims are in `article`, as a reader of that article alone has them.
    fn part(f: &Facts, article: &str) -> Facts {
        let mut part = f.clone();
        part.claims.retain(|_, c| c.article == article);
        part
    }

    #[test]
    fn a_tally_of_parts_is_the_network_of_the_whole() {
        let whole = facts();
        let mut tally = CitationTally::default();
        // Parts in any order; "a2"'s names the entities otherwise, but "a1" comes first.
        let mut renamed = part(&whole, "a2");
        renamed.nodes.get_mut("ewa").unwrap().label = "Ms Sobczak".into();
        tally.add("a2/claim/", renamed);
        tally.add("a1/claim/", part(&whole, "a1"));
        assert_eq!(tally.network(), citations(whole.clone()));
        let mut tally = CitationTally::default();
        for article in ["a1", "a2"] {
            tally.add(&format!("{article}/claim/"), part(&whole, article));
        }
        let cited = tally.facts();
        let edges: Vec<_> = cited.edges.iter().map(|e| (e.from.as_str(), e.to.as_str(), &e.relation, e.weight)).collect();
        assert_eq!(edges, [("a1", "ewa", &Relation::Cites, 2), ("cwu", "ewa", &Relation::Cites, 1)]);
        assert_eq!(cited.nodes.keys().collect::<Vec<_>>(), ["a1", "cwu", "ewa"]);
        assert_eq!(cited.nodes["ewa"].label, "Ewa Sobczak");
    }

    /// The co-mentions of the fixture's `Mentions` edges, given in reverse.
    fn co_mentions() -> Network {
        let f = facts();
        let mut tally = CoMentionTally::default();
        for e in f.edges.iter().rev().filter(|e| e.relation == Relation::Mentions) {
            tally.add(&e.from, &e.to, "http://schema.org/Person", &f.nodes[&e.to].label);
        }
        // A later article names Ewa otherwise; the first (article, class, name) names her.
        tally.add("a9", "ewa", "http://schema.org/Person", "Ms Sobczak");
        tally.network()
    }

    #[test]
    fn co_mentions_weigh_articles() {
        let n = co_mentions();
        let edges: Vec<_> = n.edges.iter().map(|e| (e.source.as_str(), e.target.as_str(), e.weight)).collect();
        assert_eq!(edges, [("cwu", "ewa", 2), ("cwu", "gdansk", 1), ("ewa", "gdansk", 1)]);
        assert_eq!(n.nodes.len(), 3);
        let ewa = n.nodes.iter().find(|n| n.id == "ewa").unwrap();
        assert_eq!((ewa.label.as_str(), ewa.articles, ewa.kind), ("Ewa Sobczak", 3, NodeKind::Person));
    }

    #[test]
    fn writers_escape_and_are_stable() {
        let n = citations(facts());
        let graphml = String::from_utf8(graphml(&n)).unwrap();
        assert!(graphml.contains("<data key=\"label\">Strike &amp; &quot;talks&quot;</data>"), "{graphml}");
        assert!(graphml.contains("<graph id=\"citations\" edgedefault=\"directed\">"), "{graphml}");
        let gexf = String::from_utf8(gexf(&n)).unwrap();
        assert!(gexf.contains("<node id=\"a1\" label=\"Strike &amp; &quot;talks&quot;\">"), "{gexf}");
        assert!(gexf.contains("<edge id=\"0\" source=\"a1\" target=\"ewa\" weight=\"2\">"), "{gexf}");
        assert_eq!(graphml, String::from_utf8(super::graphml(&citations(facts()))).unwrap());
        assert_eq!(csv_nodes(&n).lines().nth(1), Some("a1,\"Strike & \"\"talks\"\"\",article,1,The Harbour Courier"));
        assert!(graphml.contains("<data key=\"publisher\">The Harbour Courier</data>"), "{graphml}");
        assert!(csv_edges(&co_mentions()).contains("cwu,ewa,Undirected,2,2\n"));
    }
}
