//! Reading facts back from the store for traces and diagrams (an I/O edge).
//!
//! Each function asks the store one or a few SPARQL questions and returns [`Facts`]. Patterns sit
//! inside `GRAPH ?g { ... }` so that a fact stated in several article graphs is read once per
//! article, never multiplied by the union. Names are looked up by IRI or label. This module does
//! not decide what a diagram shows; `render` and `trace` do.

use crate::facts::{ClaimFact, Facts, Node, NodeKind, QuantityFact, Relation, relation_of};
use crate::rdf::{ClaimSummary, Iris, Speaker, SummarizedClaim};
use crate::store::{QueryError, SparqlStore};
use crate::vocab::hs;
use oxigraph::model::Term;
use oxigraph::sparql::{QueryResults, QuerySolution};
use std::collections::BTreeMap;

mod claims;
pub use claims::{claims, claims_around, claims_by_article, claims_in, first_labels};

/// A row of a SELECT query: variable to term. Oxigraph's own solution, which names its
/// variables once for all rows, where a map per row allocated every name again.
type Row = QuerySolution;

/// Rows of a SELECT query as maps from variable to term.
fn select(store: &dyn SparqlStore, iris: &Iris, body: &str) -> Result<Vec<Row>, QueryError> {
    let mut rows = Vec::new();
    each_row(store, iris, body, &mut |row| rows.push(row))?;
    Ok(rows)
}

/// Hands each row of a SELECT query to `each` as the store gives it, holding one at a time.
fn each_row(store: &dyn SparqlStore, iris: &Iris, body: &str, each: &mut dyn FnMut(Row)) -> Result<(), QueryError> {
    let mut query = String::new();
    for (prefix, ns) in crate::store::PREFIXES {
        let ns = if *prefix == "hs" { own_namespace(iris) } else { ns.to_string() };
        query.push_str(&format!("PREFIX {prefix}: <{ns}>\n"));
    }
    query.push_str(body);
    if let QueryResults::Solutions(solutions) = store.query(&query)? {
        for solution in solutions {
            each(solution?);
        }
    }
    Ok(())
}

fn own_namespace(iris: &Iris) -> String {
    let cites = iris.own(hs::CITES);
    cites.as_str().trim_end_matches("cites").to_string()
}

fn iri(row: &Row, var: &str) -> Option<String> {
    match row.get(var)? {
        Term::NamedNode(n) => Some(n.as_str().to_string()),
        _ => None,
    }
}

fn text(row: &Row, var: &str) -> Option<String> {
    match row.get(var)? {
        Term::Literal(l) => Some(l.value().to_string()),
        Term::NamedNode(n) => Some(n.as_str().to_string()),
        _ => None,
    }
}

/// The cue words of a row (`?cue`), with "not" before them when the claim is negated
/// (`?negated`): a diagram edge or a trace hop must not read "admitted" for "has not admitted".
fn cue_label(row: &Row) -> Option<String> {
    Some(negated(text(row, "cue")?, text(row, "negated").as_deref()))
}

/// The cue words `cue`, with "not" before them when `negated` is "true".
fn negated(cue: String, negated: Option<&str>) -> String {
    if negated == Some("true") { format!("not {cue}") } else { cue }
}

fn number(row: &Row, var: &str) -> Option<u64> {
    text(row, var)?.parse().ok()
}

/// The span `[begin, end]` a row binds to `begin` and `end`, if both are numbers.
fn span_of(row: &Row, begin: &str, end: &str) -> Option<[u64; 2]> {
    number(row, begin).zip(number(row, end)).map(|(b, e)| [b, e])
}

fn kind_of(class: Option<String>) -> NodeKind {
    class.map_or(NodeKind::Other, |c| NodeKind::of_class(&c))
}

/// IRIs of graph nodes matching `name`: the IRI itself, else entities whose preferred or other
/// label equals it (case-insensitively), else articles whose headline contains it.
///
/// Labels are found by their lookup keys (`skos:hiddenLabel`, a label's lower-cased form, written
/// at ingest where it differs from every label of the node): an exact match that the store
/// answers from its indexes. A store written before the keys existed holds none, and is searched
/// by comparing every label as before; ingesting its articles again adds the keys. The headline
/// search compares every headline, but runs only when no label matches.
pub fn find(store: &dyn SparqlStore, iris: &Iris, name: &str) -> Result<Vec<String>, QueryError> {
    if name.contains("://") {
        return Ok(vec![name.to_string()]);
    }
    let literal = serde_json::to_string(&name.to_lowercase()).unwrap_or_default();
    let by_label = if has_lookup_keys(store, iris)? {
        format!(
            "SELECT DISTINCT ?x WHERE {{ GRAPH ?g {{ {{ ?x skos:hiddenLabel {literal} }} UNION {{ ?x skos:prefLabel {literal} }} UNION {{ ?x skos:altLabel {literal} }} }} }} ORDER BY ?x"
        )
    } else {
        format!(
            "SELECT DISTINCT ?x WHERE {{ GRAPH ?g {{ ?x skos:prefLabel|skos:altLabel ?l FILTER(LCASE(STR(?l)) = {literal}) }} }} ORDER BY ?x"
        )
    };
    let rows = select(store, iris, &by_label)?;
    if !rows.is_empty() {
        return Ok(rows.iter().filter_map(|r| iri(r, "x")).collect());
    }
    let by_headline = format!(
        "SELECT DISTINCT ?x WHERE {{ GRAPH ?g {{ ?x schema:headline ?h FILTER(CONTAINS(LCASE(STR(?h)), {literal})) }} }} ORDER BY ?x"
    );
    Ok(select(store, iris, &by_headline)?.iter().filter_map(|r| iri(r, "x")).collect())
}

/// Whether the store holds lookup keys (`skos:hiddenLabel`): one statement read from the
/// predicate's index.
fn has_lookup_keys(store: &dyn SparqlStore, iris: &Iris) -> Result<bool, QueryError> {
    Ok(!select(store, iris, "SELECT ?x WHERE { GRAPH ?g { ?x skos:hiddenLabel ?l } } LIMIT 1")?.is_empty())
}

/// The article graphs in which any of `nodes` takes part, in IRI order: as a claim's source or
/// intermediary, as an entity mentioned, as a claim, or as the article itself. Every claim whose
/// chain passes through a node, every claim about it and every mention of it lies in one of them.
pub fn articles_of(store: &dyn SparqlStore, iris: &Iris, nodes: &[String]) -> Result<Vec<String>, QueryError> {
    // `VALUES` inside `GRAPH`: Oxigraph then reads each node's own statements.
    let rows = select_chunked(store, iris, nodes, 400, |values| {
        format!(
            "SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ VALUES ?x {{ {values} }}
               {{ ?c prov:wasAttributedTo ?x }} UNION {{ ?c hs:reportedBy ?x }} UNION {{ ?m itsrdf:taIdentRef ?x }}
               UNION {{ ?x a schema:Claim }} UNION {{ ?x a schema:NewsArticle }}
             }} }}"
        )
    })?;
    let articles: std::collections::BTreeSet<String> = rows.iter().filter_map(|r| iri(r, "g")).collect();
    Ok(articles.into_iter().collect())
}

/// The headline of each of `articles` that has one, by article (read in the article's own
/// graph).
pub fn headlines(store: &dyn SparqlStore, iris: &Iris, articles: &[String]) -> Result<BTreeMap<String, String>, QueryError> {
    let rows = select_chunked(store, iris, articles, 200, |values| {
        format!("SELECT ?g ?a ?h WHERE {{ GRAPH ?g {{ VALUES ?a {{ {values} }} ?a schema:headline ?h }} }}")
    })?;
    let mut found = BTreeMap::new();
    for r in &rows {
        if let (Some(g), Some(a), Some(h)) = (iri(r, "g"), iri(r, "a"), text(r, "h")) {
            if g == a {
                found.entry(a).or_insert(h);
            }
        }
    }
    Ok(found)
}

/// Gives the entities among `nodes` the labels [`claims`] gives them over the whole store (see
/// [`first_labels`]), for facts read by [`claims_in`]: one entity can be named differently in
/// different articles ("FIFA", "Fifa"). Other nodes keep their labels.
pub fn relabel(store: &dyn SparqlStore, iris: &Iris, facts: &mut Facts, nodes: &[String]) -> Result<(), QueryError> {
    let mut entities: Vec<String> = nodes
        .iter()
        .filter(|n| facts.nodes.get(*n).is_some_and(|node| !matches!(node.kind, NodeKind::Article | NodeKind::Claim)))
        .cloned()
        .collect();
    entities.sort();
    entities.dedup();
    for (iri, label) in first_labels(store, iris, &entities)? {
        if let Some(node) = facts.nodes.get_mut(&iri) {
            node.label = label;
        }
    }
    Ok(())
}

/// Every article's mentioned entities (`schema:mentions`), handed to `each` as the store gives
/// them, one row at a time: the article, the entity, and the entity's class and name in that
/// article (`network::CoMentionTally` makes the co-mention network of them).
pub fn each_mention(store: &dyn SparqlStore, iris: &Iris, each: &mut dyn FnMut(&str, &str, &str, &str)) -> Result<(), QueryError> {
    each_row(store, iris, "SELECT ?g ?e ?t ?l WHERE { GRAPH ?g { ?g schema:mentions ?e . ?e a ?t ; skos:prefLabel ?l } }", &mut |r| {
        if let (Some(g), Some(e), Some(t), Some(l)) = (iri(&r, "g"), iri(&r, "e"), iri(&r, "t"), text(&r, "l")) {
            each(&g, &e, &t, &l);
        }
    })
}

/// Adds, for each claim of `facts`, the citation edge from its reporter (intermediary or article)
/// to its source and the edge from the source to the claim, both labelled with the cue as
/// written. The article does not cite its commenters. Returns the nodes the edges touch.
fn add_claim_edges(facts: &mut Facts) -> Vec<String> {
    let mut nodes = Vec::new();
    let mut edges = Vec::new();
    for c in facts.claims.values() {
        nodes.push(c.iri.clone());
        let Some(source) = &c.source else { continue };
        let reporter = c.via.clone().unwrap_or_else(|| c.article.clone());
        if !c.comment {
            edges.push((reporter.clone(), source.clone(), Relation::Cites, c.cue.clone()));
        }
        edges.push((source.clone(), c.iri.clone(), Relation::Said, c.cue.clone()));
        nodes.extend([source.clone(), reporter]);
    }
    facts.add_edges(edges);
    nodes
}

/// Entities, articles and claims around the `start` nodes, to `depth` steps: relations between
/// entities, articles that mention them, citations and claims. Edges from a source to its claims
/// carry no cue yet: a diagram draws few of the claims it reads, and [`add_cues`] reads the cues
/// of those it draws (reading them all cost an eighth of the CPU for an entity in a thousand
/// articles).
pub fn neighbourhood(store: &dyn SparqlStore, iris: &Iris, start: &[String], depth: usize) -> Result<Facts, QueryError> {
    let mut facts = Facts::default();
    let mut frontier: Vec<String> = start.to_vec();
    let mut seen: std::collections::BTreeSet<String> = frontier.iter().cloned().collect();
    let cites = iris.own(hs::CITES);
    for _ in 0..depth.max(1) {
        if frontier.is_empty() {
            break;
        }
        let mut next = Vec::new();
        let mut edges = edges_around(store, iris, &frontier)?;
        edges.sort();
        let mut found = Vec::with_capacity(edges.len());
        for (from, p, to) in edges {
            let relation = relation_of(&p, cites.as_str());
            // prov:wasAttributedTo points from claim to source; diagrams read source to claim.
            let (a, b) = if relation == Relation::Said { (to.clone(), from.clone()) } else { (from.clone(), to.clone()) };
            found.push((a, b, relation, None));
            for node in [from, to] {
                if seen.insert(node.clone()) {
                    next.push(node);
                }
            }
        }
        // Repeats found through a map: one by one, an entity in thousands of articles took
        // time quadratic in its edges.
        facts.add_edges(found);
        frontier = next;
    }
    describe(store, iris, &mut facts, seen.iter().cloned().collect())?;
    facts.finish();
    Ok(facts)
}

/// Labels the edges from sources to the claims among `nodes` with each claim's cue as written
/// ("not" before a negated one).
pub fn add_cues(store: &dyn SparqlStore, iris: &Iris, facts: &mut Facts, nodes: &[String]) -> Result<(), QueryError> {
    let said: std::collections::BTreeSet<&str> =
        facts.edges.iter().filter(|e| e.relation == Relation::Said).map(|e| e.to.as_str()).collect();
    let wanted: Vec<String> = nodes.iter().filter(|n| said.contains(n.as_str())).cloned().collect();
    let rows = select_chunked(store, iris, &wanted, 400, |values| {
        format!(
            "SELECT ?claim ?cue ?negated WHERE {{ GRAPH ?g {{ VALUES ?claim {{ {values} }} ?claim hs:cueSpan/nif:anchorOf ?cue OPTIONAL {{ ?claim hs:negated ?negated }} }} }}"
        )
    })?;
    let cues: BTreeMap<String, String> = rows.iter().filter_map(|r| Some((iri(r, "claim")?, cue_label(r)?))).collect();
    for edge in facts.edges.iter_mut().filter(|e| e.relation == Relation::Said) {
        if let Some(cue) = cues.get(&edge.to) {
            edge.label = Some(cue.clone());
        }
    }
    facts.finish();
    Ok(())
}

/// A statement read for the neighbourhood: from, predicate, to.
type Statement = (String, String, String);

/// The relations, mentions, citations and attributions that go out of or come into `nodes`, in
/// every article graph that states them (once per graph), as (from, predicate, to).
///
/// Two questions, one per direction: Virtuoso 7.2 answered a single one (a `UNION` of two groups
/// that `BIND` the other end) as if its `VALUES` were not there: every predicate of the node
/// (types, labels, mentions' `itsrdf:taIdentRef`, once per graph), and every statement of every
/// graph once the nodes were more than one, so that `diagram entity` reached
/// `schema:Organization` at depth 1 and drew the store's nodes and repeated edges at depth 2.
/// The predicates are a `FILTER`, not a second `VALUES`: with both, Oxigraph read every statement
/// of each predicate once more than one node was asked for (2.0 s against 0.2 s for the 504
/// nodes one step from "Tony Blair" in the BBC store; 131 s for `--depth 2` at x10).
fn edges_around(store: &dyn SparqlStore, iris: &Iris, nodes: &[String]) -> Result<Vec<Statement>, QueryError> {
    let values = iri_values(nodes);
    let predicates = "org:memberOf, org:headOf, schema:parentOrganization, schema:homeLocation, schema:location, schema:mentions, hs:cites, prov:wasAttributedTo";
    let mut edges = Vec::new();
    for (pattern, outgoing) in [("?x ?p ?to", true), ("?from ?p ?x", false)] {
        let rows = select(
            store,
            iris,
            &format!("SELECT * WHERE {{ GRAPH ?g {{ VALUES ?x {{ {values} }} {pattern} FILTER(?p IN ({predicates})) }} }}"),
        )?;
        for r in &rows {
            let (from, to) = if outgoing { (iri(r, "x"), iri(r, "to")) } else { (iri(r, "from"), iri(r, "x")) };
            if let (Some(from), Some(p), Some(to)) = (from, text(r, "p"), to) {
                edges.push((from, p, to));
            }
        }
    }
    Ok(edges)
}

/// One article: its entities, claims with their sources, and the relations among its entities.
/// A claim the article states without naming its source (a hedge, an unnamed speaker) hangs
/// from the article by an unattributed edge.
pub fn article(store: &dyn SparqlStore, iris: &Iris, article: &str) -> Result<Facts, QueryError> {
    // Its claims, read from its graph alone; `describe` labels the nodes from the whole store.
    let all = claims_in(store, iris, &[article.to_string()])?;
    let mut facts = Facts::default();
    for c in all.claims.values().filter(|c| c.article == article) {
        facts.claims.insert(c.iri.clone(), c.clone());
    }
    let rows = select(
        store,
        iris,
        &format!(
            "SELECT ?from ?p ?to WHERE {{ GRAPH <{article}> {{
               {{ <{article}> schema:mentions ?to . BIND(<{article}> AS ?from) BIND(schema:mentions AS ?p) }}
               UNION {{ ?from ?p ?to . VALUES ?p {{ org:memberOf org:headOf schema:parentOrganization schema:homeLocation schema:location }} }}
             }} }}"
        ),
    )?;
    let cites = iris.own(hs::CITES);
    let mut nodes = vec![article.to_string()];
    for r in &rows {
        let (Some(from), Some(p), Some(to)) = (iri(r, "from"), text(r, "p"), iri(r, "to")) else { continue };
        facts.add_edge(&from, &to, relation_of(&p, cites.as_str()), None);
        nodes.extend([from, to]);
    }
    nodes.extend(add_claim_edges(&mut facts));
    let unattributed: Vec<String> = facts.claims.values().filter(|c| c.source.is_none()).map(|c| c.iri.clone()).collect();
    for claim in unattributed {
        facts.add_edge(article, &claim, Relation::Unattributed, None);
    }
    nodes.sort();
    nodes.dedup();
    describe(store, iris, &mut facts, nodes)?;
    facts.finish();
    Ok(facts)
}

/// A row of [`describe`]: the node, its type, its label and its publisher's name.
type DescribedRow = (String, Option<String>, Option<String>, Option<String>);

/// Adds the type and label of each node. The `VALUES` sit inside `GRAPH`: there Oxigraph reads
/// the nodes' own statements, where outside it matched every typed node of the store first (6 s
/// for 400 nodes of the BBC corpus, against 40 ms).
fn describe(store: &dyn SparqlStore, iris: &Iris, facts: &mut Facts, nodes: Vec<String>) -> Result<(), QueryError> {
    let rows = select_chunked(store, iris, &nodes, 400, |values| {
        format!(
            "SELECT ?n ?t ?l ?pub WHERE {{ GRAPH ?g {{ VALUES ?n {{ {values} }} ?n a ?t .
               OPTIONAL {{ ?n skos:prefLabel|schema:headline|schema:text ?l }}
               OPTIONAL {{ ?n schema:publisher/skos:prefLabel ?pub }} }} }}"
        )
    })?;
    // By node, type and label, sorted here (Oxigraph's ORDER BY was a tenth of `diagram entity`
    // at x10): a node's first row gives its kind and label.
    let mut rows: Vec<DescribedRow> = rows.iter().filter_map(|r| Some((iri(r, "n")?, iri(r, "t"), text(r, "l"), text(r, "pub")))).collect();
    rows.sort_by(|a, b| (&a.0, &a.1, &a.2).cmp(&(&b.0, &b.1, &b.2)));
    for (n, t, l, publisher) in rows {
        let kind = kind_of(t);
        if kind == NodeKind::Other {
            continue;
        }
        facts.add_node(Node { label: l.unwrap_or_else(|| n.clone()), iri: n, kind, group: publisher });
    }
    // Edges to nodes that are not entities, articles or claims (spans, contexts) are dropped.
    facts.edges.retain(|e| facts.nodes.contains_key(&e.from) && facts.nodes.contains_key(&e.to));
    Ok(())
}

/// The numbers stated in `claims`, in claim order (a number in a nested claim comes once for it
/// and once for each claim that reports it; `trace::side_by_side` keeps one).
pub fn quantities(store: &dyn SparqlStore, iris: &Iris, claims: &[String]) -> Result<Vec<QuantityFact>, QueryError> {
    let rows = select_chunked(store, iris, claims, 400, |values| {
        format!(
            "SELECT ?claim ?value ?unit ?qualifier ?counted ?b ?e WHERE {{ GRAPH ?g {{
               VALUES ?claim {{ {values} }}
               ?claim hs:quantity ?q . ?q schema:value ?value ; hs:span ?s . ?s nif:beginIndex ?b ; nif:endIndex ?e .
               OPTIONAL {{ ?q schema:unitText ?unit }} OPTIONAL {{ ?q hs:qualifier ?qualifier }} OPTIONAL {{ ?q schema:description ?counted }}
             }} }} ORDER BY ?claim ?value"
        )
    })?;
    let mut out = Vec::new();
    for r in &rows {
        let (Some(claim), Some(value)) = (iri(r, "claim"), text(r, "value")) else { continue };
        let span = [number(r, "b").unwrap_or(0), number(r, "e").unwrap_or(0)];
        out.push(QuantityFact { claim, value, unit: text(r, "unit"), qualifier: text(r, "qualifier"), counted: text(r, "counted"), span });
    }
    Ok(out)
}

/// Where `entities` are mentioned: article IRI and code-point span, in that order.
pub fn mentions_of(store: &dyn SparqlStore, iris: &Iris, entities: &[String]) -> Result<Vec<(String, [u64; 2])>, QueryError> {
    let values = iri_values(entities);
    let rows = select(
        store,
        iris,
        &format!(
            "SELECT DISTINCT ?g ?b ?e WHERE {{ GRAPH ?g {{ VALUES ?x {{ {values} }} ?m itsrdf:taIdentRef ?x ; nif:beginIndex ?b ; nif:endIndex ?e }} }}"
        ),
    )?;
    // Sorted here: Oxigraph's ORDER BY took two thirds of the time (10,000 mentions at x10).
    let mut mentions: Vec<(String, [u64; 2])> =
        rows.iter().filter_map(|r| Some((iri(r, "g")?, [number(r, "b")?, number(r, "e")?]))).collect();
    mentions.sort();
    Ok(mentions)
}

/// [`mentions_of`] by article: the spans of the mentions of `entities` in each.
pub fn mentions_by_article(
    store: &dyn SparqlStore,
    iris: &Iris,
    entities: &[String],
) -> Result<BTreeMap<String, Vec<[u64; 2]>>, QueryError> {
    let mut by_article: BTreeMap<String, Vec<[u64; 2]>> = BTreeMap::new();
    for (article, span) in mentions_of(store, iris, entities)? {
        by_article.entry(article).or_default().push(span);
    }
    Ok(by_article)
}

/// The text of an article.
pub fn article_text(store: &dyn SparqlStore, iris: &Iris, article: &str) -> Result<Option<String>, QueryError> {
    let rows = select(store, iris, &format!("SELECT ?t WHERE {{ GRAPH <{article}> {{ <{article}> hs:context/nif:isString ?t }} }}"))?;
    Ok(rows.first().and_then(|r| text(r, "t")))
}

/// IRIs written for a SPARQL `VALUES` block: `<a> <b> `.
fn iri_values(nodes: &[String]) -> String {
    nodes.iter().map(|n| format!("<{n}> ")).collect()
}

/// The rows of the query `query` makes of a `VALUES` list of IRIs, asked for `nodes` taken `size`
/// at a time (a long `VALUES` list makes a slow query), in chunk order.
fn select_chunked(
    store: &dyn SparqlStore,
    iris: &Iris,
    nodes: &[String],
    size: usize,
    query: impl Fn(&str) -> String,
) -> Result<Vec<Row>, QueryError> {
    let mut rows = Vec::new();
    for chunk in nodes.chunks(size) {
        rows.extend(select(store, iris, &query(&iri_values(chunk)))?);
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::claims::{Read, claims_from_statements, claims_in_graphs, first_labels_from_claims};
    use super::*;
    use crate::store::{PREFIXES, Store};

    /// Two articles: claims with and without each optional part (a negated cue, a source span,
    /// an intermediary, a parent, a reader comment), an article without a headline, a source
    /// named differently in each, and a subject attributed to someone that is no claim.
    const ARTICLES: &str = "INSERT DATA {
      GRAPH <https://example.org/a1> {
        <https://example.org/a1> schema:headline \"First\" ; schema:publisher <https://example.org/pub> .
        <https://example.org/pub> skos:prefLabel \"The Paper\" .
        <https://example.org/p1> a schema:Person ; skos:prefLabel \"Ann\" .
        <https://example.org/o1> a schema:Organization ; skos:prefLabel \"Acme\" .
        <https://example.org/p2> a schema:Person ; skos:prefLabel \"Bo\" .
        <https://example.org/c1> a schema:Claim ; schema:text \"it rained\" ; hs:contentSpan <https://example.org/s1> ;
          prov:wasAttributedTo <https://example.org/p1> ; hs:sourceSpan <https://example.org/ss1> ;
          hs:cueSpan <https://example.org/cs1> ; hs:negated true .
        <https://example.org/s1> nif:beginIndex 10 ; nif:endIndex 19 .
        <https://example.org/ss1> nif:beginIndex 0 ; nif:endIndex 3 .
        <https://example.org/cs1> nif:anchorOf \"said\" ; nif:beginIndex 4 ; nif:endIndex 8 .
        <https://example.org/c2> a schema:Claim ; schema:text \"it snowed\" ; hs:contentSpan <https://example.org/s2> ;
          prov:wasAttributedTo <https://example.org/o1> ; hs:reportedBy <https://example.org/p1> ;
          dcterms:isPartOf <https://example.org/c1> ; hs:negated false .
        <https://example.org/s2> nif:beginIndex 20 ; nif:endIndex 29 .
        <https://example.org/c3> a schema:Claim ; schema:text \"nice\" ; hs:contentSpan <https://example.org/s3> ;
          prov:wasAttributedTo <https://example.org/p2> ; prov:wasQuotedFrom <https://example.org/cm1> .
        <https://example.org/s3> nif:beginIndex 40 ; nif:endIndex 44 .
        <https://example.org/cm1> a schema:Comment .
        <https://example.org/x> prov:wasAttributedTo <https://example.org/p2> ; hs:negated true .
      }
      GRAPH <https://example.org/a2> {
        <https://example.org/p1> a schema:Person ; skos:prefLabel \"Ann B.\" .
        <https://example.org/c4> a schema:Claim ; schema:text \"it hailed\" ; hs:contentSpan <https://example.org/s4> ;
          prov:wasAttributedTo <https://example.org/p1> .
        <https://example.org/s4> nif:beginIndex 1 ; nif:endIndex 10 .
        <https://example.org/c5> a schema:Claim ; schema:text \"no one said\" ; hs:contentSpan <https://example.org/s5> .
        <https://example.org/s5> nif:beginIndex 11 ; nif:endIndex 22 .
      }
    }";

    fn store() -> Store {
        let store = Store::in_memory().unwrap();
        store.update(ARTICLES, PREFIXES).unwrap();
        store
    }

    #[test]
    fn claims_in_reads_what_the_claims_query_reads() {
        let (store, iris) = (store(), Iris::default());
        let articles = ["https://example.org/a1".to_string(), "https://example.org/a2".to_string()];
        let whole = claims_from_statements(&store, &iris).unwrap();
        assert_eq!(claims_in(&store, &iris, &articles).unwrap(), whole);
        assert_eq!(claims(&store, &iris).unwrap(), whole);
        let keys: Vec<&str> = whole.claims.keys().map(String::as_str).collect();
        assert_eq!(
            keys,
            [
                "https://example.org/c1",
                "https://example.org/c2",
                "https://example.org/c3",
                "https://example.org/c4",
                "https://example.org/c5"
            ]
        );
        let c1 = &whole.claims["https://example.org/c1"];
        assert_eq!((c1.cue.as_deref(), c1.cue_span, c1.source_span, c1.span), (Some("not said"), Some([4, 8]), Some([0, 3]), [10, 19]));
        let c2 = &whole.claims["https://example.org/c2"];
        assert_eq!(
            (c2.via.as_deref(), c2.parent.as_deref(), c2.cue.as_deref()),
            (Some("https://example.org/p1"), Some("https://example.org/c1"), None)
        );
        assert!(whole.claims["https://example.org/c3"].comment);
        assert_eq!(whole.nodes["https://example.org/a1"].group.as_deref(), Some("The Paper"));
        assert_eq!(whole.nodes["https://example.org/a2"].label, "https://example.org/a2");
        // The first claim (in IRI order) names the source.
        assert_eq!(whole.nodes["https://example.org/p1"].label, "Ann");
    }

    /// Writes in `article`'s graph the claims summary that ingest writes for the graph as it is.
    fn summarize(store: &Store, iris: &Iris, article: &str) {
        let query = format!("CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{article}> {{ ?s ?p ?o }} }}");
        let QueryResults::Graph(triples) = store.query_with_prefixes(&query, PREFIXES).unwrap() else { panic!("a CONSTRUCT") };
        let triples: Vec<_> = triples.map(Result::unwrap).collect();
        let node = oxigraph::model::NamedNode::new(article).unwrap();
        let summary = ClaimSummary::of_graph(&triples, &node, iris).triple(&node, iris);
        store.add_quads(&[summary.in_graph(node)]).unwrap();
    }

    /// Replaces `article`'s claims summary with `literal` (an `rdf:JSON` literal's lexical form).
    fn replace_summary(store: &Store, article: &str, literal: &str) {
        let literal = serde_json::to_string(literal).unwrap();
        let update = format!(
            "DELETE WHERE {{ GRAPH <{article}> {{ <{article}> hs:claimSummary ?s }} }};
             INSERT DATA {{ GRAPH <{article}> {{ <{article}> hs:claimSummary {literal}^^rdf:JSON }} }}"
        );
        store.update(&update, &[PREFIXES, &[("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#")]].concat()).unwrap();
    }

    const A1: &str = "https://example.org/a1";
    const A2: &str = "https://example.org/a2";

    #[test]
    fn claims_in_read_from_summaries_are_those_read_from_the_graphs() {
        let (store, iris) = (store(), Iris::default());
        let articles = [A1.to_string(), A2.to_string()];
        let from_graphs = claims_in(&store, &iris, &articles).unwrap();
        // One article summarized, then both: each mixture reads the same facts.
        summarize(&store, &iris, A1);
        assert_eq!(claims_in(&store, &iris, &articles).unwrap(), from_graphs);
        summarize(&store, &iris, A2);
        assert_eq!(claims_in(&store, &iris, &articles).unwrap(), from_graphs);
        assert_eq!(claims_in(&store, &iris, &articles[1..]).unwrap(), claims_in_graphs_alone(&store, &iris, &articles[1..]));
        assert_eq!(claims(&store, &iris).unwrap(), from_graphs);
        assert_eq!(claims_from_statements(&store, &iris).unwrap(), from_graphs);
    }

    /// [`claims_in`] as it reads a store without summaries.
    fn claims_in_graphs_alone(store: &Store, iris: &Iris, articles: &[String]) -> Facts {
        let mut read = Read::default();
        claims_in_graphs(store, iris, articles).unwrap().read_into(&mut read);
        read.facts()
    }

    #[test]
    fn claims_in_reads_a_summary_where_there_is_one() {
        let (store, iris) = (store(), Iris::default());
        let articles = [A1.to_string(), A2.to_string()];
        summarize(&store, &iris, A1);
        summarize(&store, &iris, A2);
        // A summary that says something else is what is read: the graph's claims are not.
        replace_summary(&store, A2, r#"{"headline":"Second","claims":[{"iri":"https://example.org/c9","text":"x","span":[1,2]}]}"#);
        let facts = claims_in(&store, &iris, &articles).unwrap();
        assert!(facts.claims.contains_key("https://example.org/c9"));
        assert!(!facts.claims.contains_key("https://example.org/c4"));
        assert_eq!(facts.nodes[A2].label, "Second");
        // The whole store's claims come from the summaries too, when every article has one.
        assert_eq!(claims(&store, &iris).unwrap(), facts);
        // One this version cannot read is no summary: the graph is read.
        replace_summary(&store, A2, r#"{"claims":[],"version":2}"#);
        let facts = claims_in(&store, &iris, &articles).unwrap();
        assert!(facts.claims.contains_key("https://example.org/c4"));
        assert_eq!(facts, claims_from_statements(&store, &iris).unwrap());
        // With an article that has no summary it can read, the whole store is read from statements.
        assert_eq!(claims(&store, &iris).unwrap(), facts);
    }

    #[test]
    fn an_article_summary_holds_every_part_the_claims_query_reads() {
        let (store, iris) = (store(), Iris::default());
        summarize(&store, &iris, A1);
        let rows = select(&store, &iris, &format!("SELECT ?s WHERE {{ GRAPH <{A1}> {{ <{A1}> hs:claimSummary ?s }} }}")).unwrap();
        let summary = ClaimSummary::parse(&text(&rows[0], "s").unwrap()).unwrap();
        assert_eq!((summary.headline.as_deref(), summary.publisher.as_deref()), (Some("First"), Some("The Paper")));
        let iris_of: Vec<&str> = summary.claims.iter().map(|c| c.iri.as_str()).collect();
        // `x` is attributed to someone but is no claim.
        assert_eq!(iris_of, ["https://example.org/c1", "https://example.org/c2", "https://example.org/c3"]);
        let (c1, c2, c3) = (&summary.claims[0], &summary.claims[1], &summary.claims[2]);
        assert_eq!(
            (c1.cue.as_deref(), c1.cue_span, c1.source_span, c1.span, c1.negated),
            (Some("said"), Some([4, 8]), Some([0, 3]), [10, 19], true)
        );
        assert_eq!(c1.source.as_ref().map(|s| (s.label.as_str(), s.class.as_str())), Some(("Ann", "http://schema.org/Person")));
        assert_eq!(
            (c2.via.as_ref().map(|s| s.iri.as_str()), c2.parent.as_deref(), c2.negated),
            (Some("https://example.org/p1"), Some("https://example.org/c1"), false)
        );
        assert!(c3.comment && !c1.comment);
    }

    /// Claims named as ingest names them (under their article): Pat speaks in the second article
    /// alone (in the first, only something that is no claim is Pat's), Quinn in both.
    const SPEAKERS: &str = "INSERT DATA {
      GRAPH <https://example.org/article/a1> {
        <https://example.org/p> a schema:Person ; skos:prefLabel \"Pat One\" .
        <https://example.org/q> a schema:Person ; skos:prefLabel \"Quinn One\" .
        <https://example.org/article/a1/x> prov:wasAttributedTo <https://example.org/p> .
        <https://example.org/article/a1/claim/5-9> a schema:Claim ; schema:text \"rain\" ; hs:contentSpan <https://example.org/article/a1#char=5,9> ;
          prov:wasAttributedTo <https://example.org/q> .
        <https://example.org/article/a1#char=5,9> nif:beginIndex 5 ; nif:endIndex 9 .
      }
      GRAPH <https://example.org/article/a2> {
        <https://example.org/p> a schema:Person ; skos:prefLabel \"Pat Two\" .
        <https://example.org/q> a schema:Person ; skos:prefLabel \"Quinn Two\" .
        <https://example.org/article/a2/claim/1-4> a schema:Claim ; schema:text \"snow\" ; hs:contentSpan <https://example.org/article/a2#char=1,4> ;
          prov:wasAttributedTo <https://example.org/p> ; hs:reportedBy <https://example.org/q> .
        <https://example.org/article/a2#char=1,4> nif:beginIndex 1 ; nif:endIndex 4 .
      }
    }";

    #[test]
    fn first_labels_from_summaries_are_those_from_every_claim() {
        let iris = Iris::default();
        let store = Store::in_memory().unwrap();
        store.update(SPEAKERS, PREFIXES).unwrap();
        let entities = ["https://example.org/p".to_string(), "https://example.org/q".to_string(), "https://example.org/none".to_string()];
        let expect: BTreeMap<String, String> = [("https://example.org/p", "Pat Two"), ("https://example.org/q", "Quinn One")]
            .map(|(e, l)| (e.to_string(), l.to_string()))
            .into();
        assert_eq!(first_labels_from_claims(&store, &iris, &entities).unwrap(), expect);
        assert_eq!(first_labels(&store, &iris, &entities).unwrap(), expect);
        summarize(&store, &iris, "https://example.org/article/a2");
        assert_eq!(first_labels(&store, &iris, &entities).unwrap(), expect);
        summarize(&store, &iris, "https://example.org/article/a1");
        assert_eq!(first_labels(&store, &iris, &entities).unwrap(), expect);
        // Read from the summaries: a summary that names Quinn otherwise is what is read.
        replace_summary(
            &store,
            "https://example.org/article/a1",
            r#"{"claims":[{"iri":"https://example.org/article/a1/claim/5-9","text":"rain","span":[5,9],"source":{"iri":"https://example.org/q","label":"Q.","class":"http://schema.org/Person"}}]}"#,
        );
        assert_eq!(first_labels(&store, &iris, &entities).unwrap()["https://example.org/q"], "Q.");
    }

    #[test]
    fn claims_in_one_article_name_its_sources_as_that_article_does() {
        let (store, iris) = (store(), Iris::default());
        let facts = claims_in(&store, &iris, &["https://example.org/a2".to_string()]).unwrap();
        assert_eq!(facts.claims.len(), 2);
        assert_eq!(facts.nodes["https://example.org/p1"].label, "Ann B.");
        assert!(!facts.nodes.contains_key("https://example.org/a1"));
    }
}
