//! Diagrams: facts as Graphviz DOT, written with graphviz-rust's structures and printer.
//!
//! petgraph picks what to draw: the nodes around the focus, nearest first and then by the weight
//! of their ties, up to a maximum, with a note saying how many were left out. Nodes get a shape and
//! colour by kind, a short label and the full name in the tooltip; edges carry the relation or the
//! cue. Every identifier and attribute value goes through [`quote`], because graphviz-rust prints
//! ids verbatim: a name with a quote, brace, angle bracket, backslash or newline cannot break out
//! of its string. Node ids are `n0`, `n1`, ... in IRI order, so the same facts give the same bytes.
//! Running Graphviz's `dot` is the binary's business; this module only writes DOT.

use crate::facts::{Facts, NodeKind, Relation};
use graphviz_rust::dot_structures::{Attribute, Edge, EdgeTy, Graph, GraphAttributes, Id, Node, NodeId, Stmt, Subgraph, Vertex};
use graphviz_rust::printer::{DotPrinter, PrinterContext};
use petgraph::graph::{NodeIndex, UnGraph};
use std::collections::{BTreeMap, BTreeSet, VecDeque};

/// What to draw.
#[derive(Debug, Clone, Default)]
pub struct DiagramOptions {
    /// The nodes the diagram is about (drawn bold, kept first).
    pub focus: Vec<String>,
    /// The most nodes to draw; 0 means no limit.
    pub max_nodes: usize,
    /// A title.
    pub title: Option<String>,
    /// Draw articles in clusters by publisher.
    pub cluster_by_outlet: bool,
    /// A link for each node that has one (node IRI to URL), written as the node's `URL` with
    /// `target="_top"`, so that an SVG diagram's nodes open pages.
    pub links: BTreeMap<String, String>,
}

/// The characters a short label keeps, and the width of a wrapped label's lines.
const SHORT_LABEL: usize = 32;

/// The lines a claim's text may take before it ends in an ellipsis (a PNG has no tooltips).
const CLAIM_LINES: usize = 4;

/// The lines an article's headline may take.
const HEADLINE_LINES: usize = 2;

/// Writes `facts` as a DOT digraph.
pub fn dot(facts: &Facts, options: &DiagramOptions) -> String {
    let (kept, cut) = select(facts, options);
    let ids: BTreeMap<&str, String> = kept.iter().enumerate().map(|(i, iri)| (iri.as_str(), format!("n{i}"))).collect();
    let mut stmts = vec![
        Stmt::GAttribute(GraphAttributes::Graph(vec![
            attr("rankdir", "LR"),
            // Tighter than Graphviz's defaults (0.25 and 0.5 inches), so that a diagram of the
            // default size fits a screen.
            attr("nodesep", "0.15"),
            attr("ranksep", "0.4"),
            attr("fontname", "Helvetica"),
            attr("labelloc", "t"),
            attr("label", &title(options, cut)),
        ])),
        Stmt::GAttribute(GraphAttributes::Node(vec![attr("style", "filled"), attr("fontname", "Helvetica"), attr("fontsize", "11")])),
        Stmt::GAttribute(GraphAttributes::Edge(vec![attr("fontname", "Helvetica"), attr("fontsize", "9"), attr("color", "#555555")])),
    ];
    let mut clusters: BTreeMap<String, Vec<Stmt>> = BTreeMap::new();
    for iri in &kept {
        let node = &facts.nodes[iri];
        let (shape, fill) = style(node.kind);
        let mut attributes = vec![
            attr("label", &node_label(node.kind, &node.label)),
            attr("tooltip", &format!("{}\n{}", node.label, node.iri)),
            attr("shape", shape),
            attr("fillcolor", fill),
        ];
        if options.focus.contains(iri) {
            attributes.push(attr("penwidth", "2.5"));
        }
        if let Some(url) = options.links.get(iri) {
            attributes.extend([attr("URL", url), attr("target", "_top")]);
        }
        let stmt = Stmt::Node(Node::new(NodeId(Id::Plain(ids[iri.as_str()].clone()), None), attributes));
        match node.group.as_ref().filter(|_| options.cluster_by_outlet && node.kind == NodeKind::Article) {
            Some(group) => clusters.entry(group.clone()).or_default().push(stmt),
            None => stmts.push(stmt),
        }
    }
    for (i, (group, members)) in clusters.into_iter().enumerate() {
        let mut inner = vec![Stmt::Attribute(attr("label", &short(&group))), Stmt::Attribute(attr("style", "rounded"))];
        inner.extend(members);
        stmts.push(Stmt::Subgraph(Subgraph { id: Id::Plain(format!("cluster_outlet{i}")), stmts: inner }));
    }
    // Parallel edges (an article that mentions and cites someone) are drawn as one, each word
    // once with its count, in the order of the sorted edges.
    let mut merged: BTreeMap<(&str, &str), Vec<(String, u32)>> = BTreeMap::new();
    for edge in &facts.edges {
        let words = merged.entry((edge.from.as_str(), edge.to.as_str())).or_default();
        let word = edge_label(edge);
        match words.iter_mut().find(|(w, _)| *w == word) {
            Some((_, n)) => *n += edge.weight,
            None => words.push((word, edge.weight)),
        }
    }
    for ((from, to), words) in merged {
        let (Some(from), Some(to)) = (ids.get(from), ids.get(to)) else { continue };
        let weight: u32 = words.iter().map(|(_, n)| n).sum();
        let label = words.into_iter().map(|(word, n)| if n > 1 { format!("{word} ×{n}") } else { word }).collect::<Vec<_>>().join(", ");
        let width = format!("{:.1}", 1.0 + f64::from(weight).ln());
        stmts.push(Stmt::Edge(Edge {
            ty: EdgeTy::Pair(Vertex::N(NodeId(Id::Plain(from.clone()), None)), Vertex::N(NodeId(Id::Plain(to.clone()), None))),
            attributes: vec![attr("label", &label), attr("penwidth", &width)],
        }));
    }
    stmts.push(legend(facts, &kept));
    let graph = Graph::DiGraph { id: Id::Plain("hearsay".into()), strict: false, stmts };
    let mut ctx = PrinterContext::default();
    graph.print(&mut ctx) + "\n"
}

/// A DOT string literal: wrapped in quotes, with quotes and backslashes escaped and line breaks
/// as `\n`. Graphviz's own escapes (`\N`, `\G`, `\l`) cannot be smuggled in.
pub fn quote(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('"');
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' | '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn attr(key: &str, value: &str) -> Attribute {
    Attribute(Id::Plain(key.to_string()), Id::Escaped(quote(value)))
}

/// A node's label: a claim's text and an article's headline wrapped over a few lines, other
/// names on one short line.
fn node_label(kind: NodeKind, label: &str) -> String {
    match kind {
        NodeKind::Claim => wrap(label, SHORT_LABEL, CLAIM_LINES),
        NodeKind::Article => wrap(label, SHORT_LABEL, HEADLINE_LINES),
        _ => short(label),
    }
}

/// An edge's words: its cue or role as written (on one line), or its relation's name when it has
/// none. A cue that is punctuation (a speaker label's colon, the dash before a signed quotation)
/// means the reporter quotes the source word for word: "quotes" on a citation, else the relation.
fn edge_label(edge: &crate::facts::Edge) -> String {
    let label = edge.label.as_deref().map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "));
    match label {
        Some(label) if label.chars().any(char::is_alphabetic) => label,
        Some(_) if edge.relation == Relation::Cites => "quotes".to_string(),
        _ => edge.relation.label().to_string(),
    }
}

/// `label` broken between words into lines of at most `width` characters (a longer word is cut),
/// at most `lines` of them; when text is left over the last line ends in an ellipsis.
fn wrap(label: &str, width: usize, lines: usize) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in label.split_whitespace() {
        let word: String =
            if word.chars().count() > width { word.chars().take(width - 1).chain(['…']).collect() } else { word.to_string() };
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            out.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(&word);
    }
    if !line.is_empty() {
        out.push(line);
    }
    let lines = lines.max(1);
    if out.len() > lines {
        out.truncate(lines);
        let last = &mut out[lines - 1];
        if last.chars().count() >= width {
            *last = last.chars().take(width - 1).collect();
        }
        last.push('…');
    }
    out.join("\n")
}

fn short(label: &str) -> String {
    let label = label.split_whitespace().collect::<Vec<_>>().join(" ");
    if label.chars().count() <= SHORT_LABEL {
        return label;
    }
    label.chars().take(SHORT_LABEL - 1).chain(['…']).collect()
}

fn style(kind: NodeKind) -> (&'static str, &'static str) {
    match kind {
        NodeKind::Person => ("ellipse", "#cfe2ff"),
        NodeKind::Organization => ("box", "#d1e7dd"),
        NodeKind::Place => ("hexagon", "#fff3cd"),
        NodeKind::Claim => ("note", "#f8f9fa"),
        NodeKind::Article => ("folder", "#e2d9f3"),
        NodeKind::Other => ("oval", "#eeeeee"),
    }
}

fn title(options: &DiagramOptions, cut: usize) -> String {
    let mut title = options.title.clone().unwrap_or_default();
    if cut > 0 {
        title.push_str(&format!("\n({cut} more nodes not shown: --max-nodes)"));
    }
    title
}

/// A legend with one sample node per kind drawn.
fn legend(facts: &Facts, kept: &[String]) -> Stmt {
    let kinds: BTreeSet<NodeKind> = kept.iter().map(|iri| facts.nodes[iri].kind).collect();
    let mut stmts = vec![Stmt::Attribute(attr("label", "legend")), Stmt::Attribute(attr("style", "dashed"))];
    let mut previous: Option<String> = None;
    for kind in kinds {
        let (shape, fill) = style(kind);
        let name = format!("{kind:?}");
        let id = format!("legend_{}", name.to_lowercase());
        stmts.push(Stmt::Node(Node::new(
            NodeId(Id::Plain(id.clone()), None),
            vec![attr("label", &name), attr("shape", shape), attr("fillcolor", fill), attr("fontsize", "9"), attr("height", "0.3")],
        )));
        // Invisible edges lay the legend out in one row.
        if let Some(previous) = previous.replace(id.clone()) {
            stmts.push(Stmt::Edge(Edge {
                ty: EdgeTy::Pair(Vertex::N(NodeId(Id::Plain(previous), None)), Vertex::N(NodeId(Id::Plain(id), None))),
                attributes: vec![attr("style", "invis")],
            }));
        }
    }
    Stmt::Subgraph(Subgraph { id: Id::Plain("cluster_legend".into()), stmts })
}

/// The nodes a diagram of `facts` draws with `options`, in IRI order.
pub fn drawn(facts: &Facts, options: &DiagramOptions) -> Vec<String> {
    select(facts, options).0
}

/// The nodes to draw, in IRI order, and how many were left out. With a limit, nodes nearest the
/// focus come first, then those with the heaviest ties, then by IRI; a node the limit left
/// without a tie to another drawn node is left out too (unless it is a focus).
fn select(facts: &Facts, options: &DiagramOptions) -> (Vec<String>, usize) {
    let all: Vec<&String> = facts.nodes.keys().collect();
    if options.max_nodes == 0 || all.len() <= options.max_nodes {
        return (all.into_iter().cloned().collect(), 0);
    }
    let mut graph: UnGraph<&str, u32> = UnGraph::new_undirected();
    let index: BTreeMap<&str, NodeIndex> = all.iter().map(|iri| (iri.as_str(), graph.add_node(iri.as_str()))).collect();
    for e in &facts.edges {
        if let (Some(&a), Some(&b)) = (index.get(e.from.as_str()), index.get(e.to.as_str())) {
            graph.add_edge(a, b, e.weight);
        }
    }
    // Breadth-first distance from the focus.
    let mut distance: BTreeMap<NodeIndex, usize> = BTreeMap::new();
    let mut queue: VecDeque<NodeIndex> = options.focus.iter().filter_map(|f| index.get(f.as_str()).copied()).collect();
    for &n in &queue {
        distance.insert(n, 0);
    }
    while let Some(n) = queue.pop_front() {
        let d = distance[&n];
        let mut next: Vec<NodeIndex> = graph.neighbors(n).collect();
        next.sort_by_key(|m| graph[*m]);
        for m in next {
            if let std::collections::btree_map::Entry::Vacant(slot) = distance.entry(m) {
                slot.insert(d + 1);
                queue.push_back(m);
            }
        }
    }
    let strength = |n: NodeIndex| -> u32 { graph.edges(n).map(|e| *e.weight()).sum() };
    let mut ranked: Vec<NodeIndex> = index.values().copied().collect();
    ranked.sort_by(|&a, &b| {
        let da = distance.get(&a).copied().unwrap_or(usize::MAX);
        let db = distance.get(&b).copied().unwrap_or(usize::MAX);
        da.cmp(&db).then(strength(b).cmp(&strength(a))).then(graph[a].cmp(graph[b]))
    });
    let chosen: BTreeSet<NodeIndex> = ranked.iter().take(options.max_nodes).copied().collect();
    let tied = |n: NodeIndex| graph.neighbors(n).any(|m| m != n && chosen.contains(&m));
    let mut kept: Vec<String> =
        chosen.iter().filter(|&&n| tied(n) || options.focus.iter().any(|f| f == graph[n])).map(|&n| graph[n].to_string()).collect();
    kept.sort();
    let cut = all.len() - kept.len();
    (kept, cut)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::Node as FactNode;

    fn facts(names: &[&str]) -> Facts {
        let mut f = Facts::default();
        for (i, name) in names.iter().enumerate() {
            f.add_node(FactNode { iri: format!("http://e/{i}"), kind: NodeKind::Person, label: name.to_string(), group: None });
        }
        for i in 1..names.len() {
            f.add_edge("http://e/0", &format!("http://e/{i}"), Relation::Cites, Some("says \"x\"".into()));
        }
        f.finish();
        f
    }

    #[test]
    fn hostile_names_stay_inside_their_strings() {
        let hostile = ["Robert \"); DROP", "a}b{c", "<script>alert(1)</script>", "line\nbreak \\N \\G", "back\\"];
        let out = dot(&facts(&hostile), &DiagramOptions::default());
        // Every line is a statement that the DOT grammar of graphviz-rust reads back.
        let parsed = graphviz_rust::parse(&out);
        assert!(parsed.is_ok(), "{out}\n{parsed:?}");
        assert!(out.contains(r#""Robert \"); DROP""#), "{out}");
        assert!(out.contains(r#"line\nbreak \\N \\G"#), "{out}");
    }

    #[test]
    fn claims_wrap_over_a_few_lines_and_end_in_an_ellipsis() {
        let text = "that the authority remained open to talks but would not negotiate while the terminal was blockaded by strikers";
        assert_eq!(
            wrap(text, 32, 4),
            "that the authority remained open\nto talks but would not negotiate\nwhile the terminal was blockaded\nby strikers"
        );
        assert_eq!(wrap(text, 32, 2), "that the authority remained open\nto talks but would not negotiat…");
        assert_eq!(wrap("short", 32, 4), "short");
    }

    #[test]
    fn edges_say_the_cue_as_written_and_punctuation_becomes_a_word() {
        let edge = |relation: Relation, label: Option<&str>| crate::facts::Edge {
            from: "a".into(),
            to: "b".into(),
            relation,
            label: label.map(Into::into),
            weight: 1,
        };
        assert_eq!(edge_label(&edge(Relation::Said, Some("warned"))), "warned");
        assert_eq!(edge_label(&edge(Relation::Said, Some("according\nto"))), "according to");
        assert_eq!(edge_label(&edge(Relation::Cites, Some(":"))), "quotes");
        assert_eq!(edge_label(&edge(Relation::Said, Some("―"))), "said");
        assert_eq!(edge_label(&edge(Relation::Cites, None)), "cites");
    }

    #[test]
    fn the_same_facts_give_the_same_bytes_and_limits_say_what_was_cut() {
        let f = facts(&["A", "B", "C", "D"]);
        let options = DiagramOptions { focus: vec!["http://e/0".into()], max_nodes: 2, ..Default::default() };
        let a = dot(&f, &options);
        assert_eq!(a, dot(&f, &options));
        assert!(a.contains("2 more nodes not shown"), "{a}");
        assert!(a.contains("\"A\""));
    }
}
