//! Answers about one node read from the articles it takes part in (`load::claims_in`) are the
//! answers read from every claim of the store, names included, and stay so when an article is
//! replaced.

use crate::{hearsay, root};
use hearsay::facts::Facts;
use hearsay::load;
use hearsay::network;
use hearsay::rdf::Iris;
use hearsay::store::{PREFIXES, SparqlStore, Store};
use hearsay::trace;
use oxigraph::model::Term;
use oxigraph::sparql::QueryResults;
use std::fs;
use std::path::Path;

/// What `trace` prints for `target`, from the whole store's claims.
fn trace_whole(all: &Facts, target: &str) -> Option<String> {
    trace::trace(all, target).map(|t| t.to_string())
}

/// What `trace` prints for `target` as the binary reads it: its articles' claims, relabelled.
fn trace_targeted(store: &Store, iris: &Iris, target: &str) -> Option<String> {
    let nodes = [target.to_string()];
    let mut facts = load::claims_in(store, iris, &load::articles_of(store, iris, &nodes).unwrap()).unwrap();
    let traced = trace::trace(&facts, target)?;
    load::relabel(store, iris, &mut facts, &traced.node_iris()).unwrap();
    trace::trace(&facts, target).map(|t| t.to_string())
}

/// The citation chains through `target` as the binary reads them.
fn chains_targeted(store: &Store, iris: &Iris, target: &str) -> Facts {
    let nodes = [target.to_string()];
    let all = load::claims_in(store, iris, &load::articles_of(store, iris, &nodes).unwrap()).unwrap();
    let mut facts = trace::citation_chains(&all, &nodes);
    let shown: Vec<String> = facts.nodes.keys().cloned().collect();
    load::relabel(store, iris, &mut facts, &shown).unwrap();
    facts
}

/// The IRIs of a one-variable SELECT, in answer order.
fn iris_of(store: &Store, query: &str) -> Vec<String> {
    let QueryResults::Solutions(rows) = store.query_with_prefixes(query, PREFIXES).unwrap() else { panic!("a SELECT") };
    rows.filter_map(|r| match r.unwrap().iter().next().map(|(_, t)| t.clone()) {
        Some(Term::NamedNode(n)) => Some(n.into_string()),
        _ => None,
    })
    .collect()
}

/// The claims about `entity` as `claims --about` and the entity pages find them: from the claims
/// of its articles and its mentions.
fn claims_about(store: &Store, iris: &Iris, entity: &str) -> Vec<String> {
    let entities = [entity.to_string()];
    let facts = load::claims_in(store, iris, &load::articles_of(store, iris, &entities).unwrap()).unwrap();
    trace::made_or_mentioning(&facts, &entities, &load::mentions_by_article(store, iris, &entities).unwrap())
}

/// Compares, for every label of the store (as written and in other cases), `load::find` (lookup
/// keys) with a comparison of every label, and, for every entity, the claims about it (from the
/// entity's articles) with the join over every claim of the store; returns how many names it
/// compared.
fn compare_lookups(store_dir: &Path) -> usize {
    let store = Store::open_read_only(store_dir).unwrap();
    let iris = Iris::default();
    let labels = "SELECT DISTINCT ?l WHERE { GRAPH ?g { ?x skos:prefLabel|skos:altLabel ?l } } ORDER BY ?l";
    let QueryResults::Solutions(rows) = store.query_with_prefixes(labels, PREFIXES).unwrap() else { panic!("a SELECT") };
    let mut names: Vec<String> = rows
        .filter_map(|r| match r.unwrap().get("l") {
            Some(Term::Literal(l)) => Some(l.value().to_string()),
            _ => None,
        })
        .collect();
    names.extend(names.clone().iter().flat_map(|n| [n.to_lowercase(), n.to_uppercase()]));
    for name in &names {
        let literal = serde_json::to_string(&name.to_lowercase()).unwrap();
        let scanned = iris_of(
            &store,
            &format!(
                "SELECT DISTINCT ?x WHERE {{ GRAPH ?g {{ ?x skos:prefLabel|skos:altLabel ?l FILTER(LCASE(STR(?l)) = {literal}) }} }} ORDER BY ?x"
            ),
        );
        let found = load::find(&store, &iris, name).unwrap();
        if !scanned.is_empty() {
            assert_eq!(found, scanned, "find {name:?}");
        }
        for entity in &scanned {
            let whole = iris_of(
                &store,
                &format!(
                    "SELECT DISTINCT ?claim WHERE {{ GRAPH ?g {{ VALUES ?entity {{ <{entity}> }}
                       {{ ?claim prov:wasAttributedTo ?entity }}
                       UNION {{ ?mention itsrdf:taIdentRef ?entity ; nif:beginIndex ?mb ; nif:endIndex ?me .
                                ?claim hs:contentSpan ?span . ?span nif:beginIndex ?cb ; nif:endIndex ?ce .
                                FILTER(?mb >= ?cb && ?me <= ?ce) }} }} }} ORDER BY ?claim"
                ),
            );
            assert_eq!(claims_about(&store, &iris, entity), whole, "claims about {entity}");
        }
    }
    names.len()
}

/// Compares, for every source, intermediary, claim and article of the store, the trace and the
/// citation chains read both ways; returns how many nodes it compared.
fn compare(store_dir: &Path) -> usize {
    let store = Store::open_read_only(store_dir).unwrap();
    let iris = Iris::default();
    let all = load::claims(&store, &iris).unwrap();
    let mut targets: Vec<String> = all
        .claims
        .values()
        .flat_map(|c| [Some(c.iri.clone()), Some(c.article.clone()), c.source.clone(), c.via.clone()])
        .flatten()
        .collect();
    targets.sort();
    targets.dedup();
    // The citation network tallied an article at a time is the one of every claim read at once.
    let tally = || network::CitationTally::of(|each| load::claims_by_article(&store, &iris, each)).unwrap();
    assert_eq!(tally().network(), network::citations(all.clone()));
    assert_eq!(tally().facts(), all.clone().citation_network());
    for target in &targets {
        assert_eq!(trace_whole(&all, target), trace_targeted(&store, &iris, target), "trace of {target}");
        let focus = [target.clone()];
        assert_eq!(trace::citation_chains(&all, &focus), chains_targeted(&store, &iris, target), "citation chains of {target}");
    }
    targets.len()
}

#[test]
fn answers_from_an_entitys_articles_are_the_whole_stores_after_replacing_an_article() {
    let dir = tempfile::tempdir().unwrap();
    let (store, input) = (dir.path().join("store"), dir.path().join("in"));
    fs::create_dir(&input).unwrap();
    for entry in fs::read_dir(root().join("examples/articles")).unwrap() {
        let path = entry.unwrap().path();
        fs::copy(&path, input.join(path.file_name().unwrap())).unwrap();
    }
    // One more article names the analyst with an initial: the same entity (initials leave the
    // key), named "Tomas J. Brandt" in that article's graph and "Tomas Brandt" in the others.
    let border = fs::read_to_string(root().join("examples/articles/04-border-trade.txt")).unwrap();
    let variant =
        border.replace("Freight analyst Tomas Brandt", "Freight analyst Tomas J. Brandt").replace("Tomas Brandt", "Tomas J. Brandt");
    assert_ne!(variant, border);
    fs::write(input.join("06-variant.txt"), &variant).unwrap();
    assert!(hearsay(&store).args(["ingest", "-q"]).arg(&input).status().unwrap().success());
    let labels = "SELECT DISTINCT ?l WHERE { GRAPH ?g { <https://w3id.org/hearsay/entity/person/tomas-brandt> skos:prefLabel ?l } }";
    let out = hearsay(&store).args(["query", labels, "--format", "tsv"]).output().unwrap();
    assert_eq!(String::from_utf8(out.stdout).unwrap().lines().count(), 3, "the analyst has two names in the store");
    assert!(compare(&store) > 50);
    assert!(compare_lookups(&store) > 50);

    // Change the variant's text (same path) and ingest again: the answers read both ways still
    // agree.
    fs::write(input.join("06-variant.txt"), variant.replace("Tomas J. Brandt", "Tomas Brandt Jr")).unwrap();
    assert!(hearsay(&store).args(["ingest", "-q"]).arg(&input).status().unwrap().success());
    assert!(compare(&store) > 50);
    assert!(compare_lookups(&store) > 50);
}

/// What the commands that read an entity's articles print for a few names: `trace` (text and
/// JSON), `claims --about` (text, JSON, numbers) and `diagram citations`, with their exit status.
fn answers(store: &Path) -> Vec<String> {
    let mut out = Vec::new();
    for name in ["Tomas Brandt", "tomas brandt", "World Health Organization", "Baltic Freight Institute", "Joseph Kamau"] {
        for args in [
            &["trace", name][..],
            &["trace", name, "--format", "json"],
            &["claims", "--about", name, "--format", "text"],
            &["claims", "--about", name, "--format", "json"],
            &["claims", "--about", name, "--numbers", "--format", "text"],
            &["diagram", "citations", name],
        ] {
            let run = hearsay(store).args(args).output().unwrap();
            out.push(format!("{args:?} {}\n{}{}", run.status, String::from_utf8_lossy(&run.stdout), String::from_utf8_lossy(&run.stderr)));
        }
    }
    for args in [&["network", "citations", "--format", "graphml"][..], &["diagram", "network"]] {
        let run = hearsay(store).args(args).output().unwrap();
        out.push(format!("{args:?} {}\n{}{}", run.status, String::from_utf8_lossy(&run.stdout), String::from_utf8_lossy(&run.stderr)));
    }
    out
}

/// Deletes the claims summary of the article graphs whose IRI ends in one of `ends`, as if a
/// binary without summaries had written them; returns how many it deleted.
fn forget_summaries(store_dir: &Path, ends: &[&str]) -> usize {
    let store = Store::open(store_dir).unwrap();
    let before = iris_of(&store, "SELECT ?a WHERE { GRAPH ?g { ?a hs:claimSummary ?s } }").len();
    for end in ends {
        let update = format!(
            "DELETE {{ GRAPH ?g {{ ?g hs:claimSummary ?s }} }} WHERE {{ GRAPH ?g {{ ?g hs:claimSummary ?s }} FILTER(STRENDS(STR(?g), \"{end}\")) }}"
        );
        store.update(&update, PREFIXES).unwrap();
    }
    before - iris_of(&store, "SELECT ?a WHERE { GRAPH ?g { ?a hs:claimSummary ?s } }").len()
}

#[test]
fn a_store_written_without_claims_summaries_gives_the_same_answers() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    assert!(hearsay(&store).args(["ingest", "-q"]).arg(root().join("examples/articles")).status().unwrap().success());
    let with_summaries = answers(&store);
    assert!(with_summaries.iter().filter(|a| a.contains("exit status: 0")).count() > 20, "{with_summaries:#?}");
    assert!(compare(&store) > 50);
    // Some articles without a summary, then none: read from their graphs, the answers agree.
    let ids = iris_of(&Store::open_read_only(&store).unwrap(), "SELECT ?a WHERE { GRAPH ?a { ?a a schema:NewsArticle } } ORDER BY ?a");
    let half: Vec<&str> = ids.iter().step_by(2).map(|a| &a[a.len() - 8..]).collect();
    assert_eq!(forget_summaries(&store, &half), half.len());
    assert_eq!(answers(&store), with_summaries);
    assert!(compare(&store) > 50);
    assert_eq!(forget_summaries(&store, &[""]), ids.len() - half.len());
    assert_eq!(answers(&store), with_summaries);
    assert!(compare(&store) > 50);
    // Ingesting the same files again writes the summaries back.
    assert!(hearsay(&store).args(["ingest", "-q"]).arg(root().join("examples/articles")).status().unwrap().success());
    let held = iris_of(&Store::open_read_only(&store).unwrap(), "SELECT ?a WHERE { GRAPH ?g { ?a hs:claimSummary ?s } }");
    assert_eq!(held.len(), ids.len());
    assert_eq!(answers(&store), with_summaries);
}
