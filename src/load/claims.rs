//! Reading claims back: the whole store's claims, the claims of some articles (from each
//! article's claims summary, or from its statements where it has none) and the label each entity
//! gets from its first claim.

use super::*;
/// The label each of `entities` gets in [`claims`]: its `skos:prefLabel` in the article of its
/// first claim (in IRI order) as a source or intermediary.
///
/// A claim's IRI starts with its article's (`Iris::claim`), so an entity's first claim lies in the
/// first of the article graphs where it speaks, taken in the order of their claims' IRIs
/// (`speaking_graphs`), and that article's claims summary names it there: the graphs are one
/// index read per entity, and the summaries one lookup per graph, where reading every claim of an
/// entity read hundreds of rows for one that the store cites often. An entity whose first graph
/// has no summary (a store written before the summaries), or whose first claim there is not
/// named under the graph, is read from all its claims as before (`first_labels_from_claims`).
pub fn first_labels(store: &dyn SparqlStore, iris: &Iris, entities: &[String]) -> Result<BTreeMap<String, String>, QueryError> {
    let mut labels = BTreeMap::new();
    let mut unsummarized = Vec::new();
    let mut pending: BTreeMap<String, std::vec::IntoIter<String>> =
        speaking_graphs(store, iris, entities)?.into_iter().map(|(entity, graphs)| (entity, graphs.into_iter())).collect();
    let mut read: BTreeMap<String, Option<ClaimSummary>> = BTreeMap::new();
    while !pending.is_empty() {
        // Each entity's next graph, and the summaries of those not read yet.
        let next: BTreeMap<String, String> = pending.iter_mut().filter_map(|(e, graphs)| Some((e.clone(), graphs.next()?))).collect();
        pending.retain(|entity, _| next.contains_key(entity));
        let wanted: Vec<String> =
            next.values().filter(|g| !read.contains_key(*g)).cloned().collect::<std::collections::BTreeSet<_>>().into_iter().collect();
        let mut found = summaries(store, iris, &wanted)?;
        read.extend(wanted.into_iter().map(|g| (g.clone(), found.remove(&g))));
        for (entity, graph) in next {
            let Some(summary) = &read[&graph] else {
                unsummarized.push(entity.clone());
                pending.remove(&entity);
                continue;
            };
            let speaking =
                summary.claims.iter().find_map(|c| Some((c, [&c.source, &c.via].into_iter().flatten().find(|s| s.iri == entity)?)));
            match speaking {
                // No claim of this article's is the entity's: its next article.
                None => continue,
                Some((claim, speaker)) if claim.iri.starts_with(&format!("{graph}/")) => {
                    labels.insert(entity.clone(), speaker.label.clone());
                }
                Some(_) => unsummarized.push(entity.clone()),
            }
            pending.remove(&entity);
        }
    }
    labels.extend(first_labels_from_claims(store, iris, &unsummarized)?);
    Ok(labels)
}

/// The article graphs in which each of `entities` is a source or an intermediary (of a claim or
/// of anything else), each entity's in the order of the IRIs of their claims (`GRAPH/claim/...`).
fn speaking_graphs(store: &dyn SparqlStore, iris: &Iris, entities: &[String]) -> Result<BTreeMap<String, Vec<String>>, QueryError> {
    let rows = select_chunked(store, iris, entities, 200, |values| {
        format!(
            "SELECT DISTINCT ?x ?g WHERE {{ GRAPH ?g {{ VALUES ?x {{ {values} }} {{ ?c prov:wasAttributedTo ?x }} UNION {{ ?c hs:reportedBy ?x }} }} }}"
        )
    })?;
    let mut graphs: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for r in &rows {
        if let (Some(x), Some(g)) = (iri(r, "x"), iri(r, "g")) {
            graphs.entry(x).or_default().push(g);
        }
    }
    for list in graphs.values_mut() {
        list.sort_by_cached_key(|g| format!("{g}/claim/"));
    }
    Ok(graphs)
}

/// [`first_labels`] from every claim of the entities: the claims' patterns that [`claims`]
/// requires of a claim and of its source or intermediary, the earliest claim's label kept.
pub(super) fn first_labels_from_claims(
    store: &dyn SparqlStore,
    iris: &Iris,
    entities: &[String],
) -> Result<BTreeMap<String, String>, QueryError> {
    // The type is checked per claim (`FILTER EXISTS`): as a pattern, Oxigraph read every claim
    // first.
    let rows = select_chunked(store, iris, entities, 200, |values| {
        format!(
            "SELECT ?x ?claim ?l WHERE {{ GRAPH ?g {{ VALUES ?x {{ {values} }}
               {{ ?claim prov:wasAttributedTo ?x }} UNION {{ ?claim hs:reportedBy ?x }}
               ?x skos:prefLabel ?l ; a ?t .
               ?claim schema:text ?text ; hs:contentSpan ?span . ?span nif:beginIndex ?b ; nif:endIndex ?e .
               FILTER EXISTS {{ ?claim a schema:Claim }}
             }} }}"
        )
    })?;
    let mut first: BTreeMap<String, (String, String)> = BTreeMap::new();
    for r in &rows {
        let (Some(x), Some(claim), Some(label)) = (iri(r, "x"), iri(r, "claim"), text(r, "l")) else { continue };
        match first.get(&x) {
            Some((earliest, _)) if *earliest <= claim => {}
            _ => {
                first.insert(x, (claim, label));
            }
        }
    }
    Ok(first.into_iter().map(|(x, (_, label))| (x, label)).collect())
}

/// Every claim, with its sources, intermediaries and articles as nodes, and the citation edges
/// (reporter to source, labelled with the cue) and said edges (source to claim).
///
/// Where every article with a claim holds a claims summary, the summaries are read (one
/// statement per article, where the claims query reads about 20,000 rows on the BBC store): the
/// same facts, as [`claims_in`] gives for all the articles (each entity named as in the article
/// of its first claim, the claims taken in IRI order). A store with any claim in an article
/// without one (written before the summaries) is read with the claims query, as before.
pub fn claims(store: &dyn SparqlStore, iris: &Iris) -> Result<Facts, QueryError> {
    let summaries = all_summaries(store, iris)?;
    if claim_graphs(store, iris)?.iter().all(|g| summaries.contains_key(g)) {
        let mut read = Read::default();
        for (article, summary) in summaries {
            read.add_summary(&article, summary);
        }
        return Ok(read.facts());
    }
    claims_from_statements(store, iris)
}

/// Every claim of the store, an article at a time: `each` gets each article's facts, as
/// [`claims_in`] reads that article alone, with the key its claims' IRIs start with
/// (`ARTICLE/claim/`), so that a reader of the whole store (`network::CitationTally`) need not
/// hold every claim at once. Articles come in the order the store streams their claims
/// summaries, then those without one (a store written before the summaries) in IRI order.
pub fn claims_by_article(store: &dyn SparqlStore, iris: &Iris, each: &mut dyn FnMut(&str, Facts)) -> Result<(), QueryError> {
    let mut summarized = std::collections::HashSet::new();
    each_row(store, iris, "SELECT ?g ?summary WHERE { GRAPH ?g { ?g hs:claimSummary ?summary } }", &mut |row| {
        let Some((article, summary)) = iri(&row, "g").zip(text(&row, "summary").as_deref().and_then(ClaimSummary::parse)) else { return };
        let mut read = Read::default();
        read.add_summary(&article, summary);
        each(&format!("{article}/claim/"), read.facts());
        summarized.insert(article);
    })?;
    let mut unsummarized: Vec<String> = claim_graphs(store, iris)?.into_iter().filter(|g| !summarized.contains(g)).collect();
    unsummarized.sort();
    for article in unsummarized {
        each(&format!("{article}/claim/"), claims_in(store, iris, std::slice::from_ref(&article))?);
    }
    Ok(())
}

/// The article graphs that hold a claim.
fn claim_graphs(store: &dyn SparqlStore, iris: &Iris) -> Result<Vec<String>, QueryError> {
    Ok(select(store, iris, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?claim a schema:Claim } }")?.iter().filter_map(|r| iri(r, "g")).collect())
}

/// The claims of the articles `nodes` take part in ([`articles_of`]): every claim they made,
/// are cited in or are mentioned around, so every chain through them and every claim about them.
pub fn claims_around(store: &dyn SparqlStore, iris: &Iris, nodes: &[String]) -> Result<Facts, QueryError> {
    claims_in(store, iris, &articles_of(store, iris, nodes)?)
}

/// Every claim read from the claims' statements with the claims query (what [`claims`] reads
/// where a summary is missing, and what the tests compare the summaries with).
pub(super) fn claims_from_statements(store: &dyn SparqlStore, iris: &Iris) -> Result<Facts, QueryError> {
    let rows =
        select(store, iris, &format!("SELECT {CLAIM_VARIABLES} WHERE {{ GRAPH ?g {{ {} }} }} ORDER BY ?claim", claim_pattern("?g")))?;
    Ok(claim_facts(&rows))
}

/// Every article's claims summary that parses, by article (the summary its own graph states).
fn all_summaries(store: &dyn SparqlStore, iris: &Iris) -> Result<BTreeMap<String, ClaimSummary>, QueryError> {
    let rows = select(store, iris, "SELECT ?g ?summary WHERE { GRAPH ?g { ?g hs:claimSummary ?summary } }")?;
    Ok(rows.iter().filter_map(|r| Some((iri(r, "g")?, ClaimSummary::parse(&text(r, "summary")?)?))).collect())
}

/// The claims of the article graphs `articles`, as [`claims`] reads them, without reading the
/// rest of the store: the claims of the articles a node takes part in ([`articles_of`]) hold every
/// chain through it. Entities keep the names these articles give them; [`relabel`] gives them the
/// whole store's.
///
/// An article written with a claims summary (`hs:claimSummary`, see [`ClaimSummary`]) is read
/// from it: one statement, where its claims' statements are dozens of rows, each term of which is
/// a read of the store's string table (about 2 ms of CPU per article on the BBC store). Articles
/// without one (a store written before the summaries, or a summary this version cannot read)
/// are read from their graphs (`claims_in_graphs`). Both give the same facts.
pub fn claims_in(store: &dyn SparqlStore, iris: &Iris, articles: &[String]) -> Result<Facts, QueryError> {
    let mut read = Read::default();
    let mut unsummarized = Vec::new();
    // A chunk at a time, so that the summaries' text and parsed form are not all held at once.
    for chunk in articles.chunks(200) {
        let mut summaries = summaries(store, iris, chunk)?;
        for article in chunk {
            match summaries.remove(article) {
                Some(summary) => read.add_summary(article, summary),
                None if !read.articles.contains_key(article) => unsummarized.push(article.clone()),
                None => {}
            }
        }
    }
    claims_in_graphs(store, iris, &unsummarized)?.read_into(&mut read);
    Ok(read.facts())
}

/// The claims summaries of those of `articles` that hold one they can be read from, by article:
/// the `hs:claimSummary` of each article node in its own graph (`VALUES` inside `GRAPH`, so that
/// Oxigraph reads the nodes' own statements).
fn summaries(store: &dyn SparqlStore, iris: &Iris, articles: &[String]) -> Result<BTreeMap<String, ClaimSummary>, QueryError> {
    let rows = select_chunked(store, iris, articles, 200, |values| {
        format!("SELECT ?g ?a ?summary WHERE {{ GRAPH ?g {{ VALUES ?a {{ {values} }} ?a hs:claimSummary ?summary }} }}")
    })?;
    let mut summaries = BTreeMap::new();
    for r in &rows {
        let (Some(graph), Some(article), Some(summary)) = (iri(r, "g"), iri(r, "a"), text(r, "summary")) else { continue };
        // The article's own graph states it; a summary that does not parse is read as none.
        if let Some(summary) = ClaimSummary::parse(&summary).filter(|_| graph == article) {
            summaries.insert(article, summary);
        }
    }
    Ok(summaries)
}

/// The claims of the article graphs `articles` read from their statements, as [`claims_in`] reads
/// articles without a summary.
///
/// One query per four articles, a block per graph (named: Oxigraph reads that graph alone, where
/// a `VALUES ?g` made it read every graph). A block is a `UNION` of the claims query's parts, its
/// mandatory patterns and each `OPTIONAL` alone (`claim_parts`), and the parts are joined here
/// by claim IRI (`Parts`): the same facts, where the nine left joins of the claims query cost
/// a fifth more CPU. Four articles a query, not 32: Oxigraph's optimizer takes longer, per block,
/// on a large union (on the BBC store, "Tony Blair"'s 147 articles took 0.35 s in blocks of 32,
/// 0.24 s in blocks of 1 to 8).
pub(super) fn claims_in_graphs(store: &dyn SparqlStore, iris: &Iris, articles: &[String]) -> Result<Parts, QueryError> {
    let mut parts = Parts::default();
    for chunk in articles.chunks(4) {
        let blocks: Vec<String> = chunk.iter().map(|a| format!("{{ GRAPH <{a}> {{ {} }} }}", claim_parts(&format!("<{a}>")))).collect();
        for row in select(store, iris, &format!("SELECT * WHERE {{ {} }}", blocks.join(" UNION ")))? {
            parts.add(row);
        }
    }
    Ok(parts)
}

/// The claims query's patterns in the article graph `graph` (an IRI), one `UNION` branch each:
/// the mandatory ones (a claim, its text and content span, and the graph), each `OPTIONAL` of
/// [`claim_pattern`] about the claim, and those about the article (its headline and its
/// publisher's name, with the graph). The variables a branch binds tell what its row is. Only the
/// claim's own row and the article's carry the graph: a claim IRI names one article's claim, and
/// every term of a row is read from the store's string table. Only negated claims have a
/// `hs:negated` row, for the same reason.
fn claim_parts(graph: &str) -> String {
    format!(
        "{{ ?claim a schema:Claim ; schema:text ?text ; hs:contentSpan ?span . ?span nif:beginIndex ?b ; nif:endIndex ?e BIND({graph} AS ?g) }}
         UNION {{ ?claim prov:wasAttributedTo ?source . ?source skos:prefLabel ?sl ; a ?st }}
         UNION {{ ?claim hs:sourceSpan ?ss . ?ss nif:beginIndex ?sb ; nif:endIndex ?se }}
         UNION {{ ?claim hs:reportedBy ?via . ?via skos:prefLabel ?vl ; a ?vt }}
         UNION {{ ?claim dcterms:isPartOf ?parent }}
         UNION {{ ?claim hs:cueSpan ?cs . ?cs nif:anchorOf ?cue ; nif:beginIndex ?cb ; nif:endIndex ?ce }}
         UNION {{ ?claim hs:negated true BIND(true AS ?negated) }}
         UNION {{ ?claim prov:wasQuotedFrom ?comment . ?comment a schema:Comment }}
         UNION {{ {graph} schema:headline ?headline BIND({graph} AS ?g) }}
         UNION {{ {graph} schema:publisher/skos:prefLabel ?publisher BIND({graph} AS ?g) }}"
    )
}

/// The claims [`claims_in`] has read, from summaries or from statements: each claim by claim and
/// article IRI, with the speakers to add as nodes (in the order read), and each article's
/// headline and publisher's name.
#[derive(Default)]
pub(super) struct Read {
    claims: BTreeMap<(String, String), (SummarizedClaim, Vec<Speaker>)>,
    articles: BTreeMap<String, (Option<String>, Option<String>)>,
}

impl Read {
    fn add_summary(&mut self, article: &str, summary: ClaimSummary) {
        self.articles.insert(article.to_string(), (summary.headline, summary.publisher));
        for claim in summary.claims {
            let speakers = claim.source.iter().chain(&claim.via).cloned().collect();
            self.claims.entry((claim.iri.clone(), article.to_string())).or_insert((claim, speakers));
        }
    }

    /// The facts the claims query's rows give ([`claim_facts`]), in claim order: each claim's
    /// article (named by its headline, grouped by its publisher), the claim, its speakers and
    /// edges. Consumes what was read, claim by claim, so that the two are not held whole at once.
    pub(super) fn facts(self) -> Facts {
        let mut facts = Facts::default();
        let Read { claims, articles } = self;
        for ((claim, article), (summarized, speakers)) in claims {
            let (headline, publisher) = articles.get(&article).cloned().unwrap_or_default();
            facts.add_node(Node {
                iri: article.clone(),
                kind: NodeKind::Article,
                label: headline.unwrap_or_else(|| article.clone()),
                group: publisher,
            });
            facts.add_node(Node { iri: claim.clone(), kind: NodeKind::Claim, label: summarized.text.clone(), group: None });
            for speaker in speakers {
                facts.add_node(Node { kind: kind_of(Some(speaker.class)), iri: speaker.iri, label: speaker.label, group: None });
            }
            facts.claims.entry(claim).or_insert_with(|| claim_fact(article, summarized));
        }
        add_claim_edges(&mut facts);
        facts.finish();
        facts
    }
}

/// A claim as the facts hold it.
fn claim_fact(article: String, c: SummarizedClaim) -> ClaimFact {
    ClaimFact {
        iri: c.iri,
        article,
        text: c.text,
        span: c.span,
        source: c.source.map(|s| s.iri),
        source_span: c.source_span,
        via: c.via.map(|s| s.iri),
        parent: c.parent,
        cue: c.cue.map(|cue| negated(cue, c.negated.then_some("true"))),
        cue_span: c.cue_span,
        comment: c.comment,
    }
}

/// The rows of [`claims_in_graphs`]'s query: each claim's own row by claim and graph, its
/// optional parts by claim (in the order read), and each article's by graph.
#[derive(Default)]
pub(super) struct Parts {
    claims: BTreeMap<(String, String), Row>,
    optional: std::collections::HashMap<String, Vec<Row>>,
    articles: BTreeMap<String, Vec<Row>>,
}

impl Parts {
    fn add(&mut self, row: Row) {
        match (iri(&row, "claim"), iri(&row, "g")) {
            (Some(claim), Some(graph)) => {
                self.claims.entry((claim, graph)).or_insert(row);
            }
            (Some(claim), None) => self.optional.entry(claim).or_default().push(row),
            (None, Some(graph)) => self.articles.entry(graph).or_default().push(row),
            (None, None) => {}
        }
    }

    /// Adds the claims these rows give to `read`. The claims query's first row of a claim took
    /// the first value of each part, as this does; an entity's every row gives a node, as every
    /// row of the claims query did. Optional parts of subjects without the mandatory patterns are
    /// no claims' and are left out.
    pub(super) fn read_into(self, read: &mut Read) {
        for (article, rows) in &self.articles {
            let headline = first(rows, "headline").and_then(|r| text(r, "headline"));
            read.articles.insert(article.clone(), (headline, first(rows, "publisher").and_then(|r| text(r, "publisher"))));
        }
        for ((claim, article), own) in self.claims {
            let rows = self.optional.get(&claim).map(Vec::as_slice).unwrap_or_default();
            let speakers = rows.iter().flat_map(speakers).collect();
            read.claims.entry((claim.clone(), article)).or_insert((summarized(claim, &own, rows), speakers));
        }
    }
}

/// The variables of a claims-query row's source and intermediary: the entity, its label and
/// its class.
const SPEAKERS: [(&str, &str, &str); 2] = [("source", "sl", "st"), ("via", "vl", "vt")];

/// The source and the intermediary a claims-query row names.
fn speakers(row: &Row) -> Vec<Speaker> {
    SPEAKERS.into_iter().filter_map(|vars| speaker(row, vars)).collect()
}

/// The speaker a row binds to the variables `(entity, label, class)`.
fn speaker(row: &Row, (var, label, class): (&str, &str, &str)) -> Option<Speaker> {
    Some(Speaker { iri: iri(row, var)?, label: text(row, label).unwrap_or_default(), class: iri(row, class).unwrap_or_default() })
}

/// The source and the intermediary a claims-query row names, as nodes.
fn add_speakers(facts: &mut Facts, row: &Row) {
    for s in speakers(row) {
        facts.add_node(Node { iri: s.iri, kind: kind_of(Some(s.class)), label: s.label, group: None });
    }
}

/// A claim from its own row `own` (text and content span) and all its rows.
fn summarized(claim: String, own: &Row, rows: &[Row]) -> SummarizedClaim {
    let part = |var: &str| first(rows, var);
    SummarizedClaim {
        iri: claim,
        text: text(own, "text").unwrap_or_default(),
        span: span_of(own, "b", "e").unwrap_or_default(),
        source: part("source").and_then(|r| speaker(r, SPEAKERS[0])),
        source_span: part("sb").and_then(|r| span_of(r, "sb", "se")),
        via: part("via").and_then(|r| speaker(r, SPEAKERS[1])),
        parent: part("parent").and_then(|r| iri(r, "parent")),
        cue: part("cue").and_then(|r| text(r, "cue")),
        cue_span: part("cue").and_then(|r| span_of(r, "cb", "ce")),
        negated: part("negated").and_then(|r| text(r, "negated")).as_deref() == Some("true"),
        comment: part("comment").is_some(),
    }
}

/// The first of `rows` that binds `var`.
fn first<'a>(rows: &'a [Row], var: &str) -> Option<&'a Row> {
    rows.iter().find(|r| r.get(var).is_some())
}

/// The variables of the claims query.
const CLAIM_VARIABLES: &str =
    "?claim ?g ?text ?b ?e ?source ?sl ?st ?sb ?se ?via ?vl ?vt ?parent ?cue ?cb ?ce ?negated ?headline ?publisher ?comment";

/// The claims query's patterns inside the article graph `graph` (a variable or an IRI).
fn claim_pattern(graph: &str) -> String {
    format!(
        "?claim a schema:Claim ; schema:text ?text ; hs:contentSpan ?span .
         ?span nif:beginIndex ?b ; nif:endIndex ?e .
         OPTIONAL {{ ?claim prov:wasAttributedTo ?source . ?source skos:prefLabel ?sl ; a ?st }}
         OPTIONAL {{ ?claim hs:sourceSpan ?ss . ?ss nif:beginIndex ?sb ; nif:endIndex ?se }}
         OPTIONAL {{ ?claim hs:reportedBy ?via . ?via skos:prefLabel ?vl ; a ?vt }}
         OPTIONAL {{ ?claim dcterms:isPartOf ?parent }}
         OPTIONAL {{ ?claim hs:cueSpan ?cs . ?cs nif:anchorOf ?cue ; nif:beginIndex ?cb ; nif:endIndex ?ce }}
         OPTIONAL {{ ?claim hs:negated ?negated }}
         OPTIONAL {{ {graph} schema:headline ?headline }}
         OPTIONAL {{ {graph} schema:publisher/skos:prefLabel ?publisher }}
         OPTIONAL {{ ?claim prov:wasQuotedFrom ?comment . ?comment a schema:Comment }}"
    )
}

/// Facts from the claims query's rows, in claim order.
fn claim_facts(rows: &[Row]) -> Facts {
    let mut facts = Facts::default();
    for row in rows {
        let (Some(claim), Some(article)) = (iri(row, "claim"), iri(row, "g")) else { continue };
        let article_label = text(row, "headline").unwrap_or_else(|| article.clone());
        facts.add_node(Node { iri: article.clone(), kind: NodeKind::Article, label: article_label, group: text(row, "publisher") });
        let text_value = text(row, "text").unwrap_or_default();
        facts.add_node(Node { iri: claim.clone(), kind: NodeKind::Claim, label: text_value.clone(), group: None });
        add_speakers(&mut facts, row);
        facts.claims.entry(claim.clone()).or_insert(ClaimFact {
            iri: claim,
            article,
            text: text_value,
            span: span_of(row, "b", "e").unwrap_or_default(),
            source: iri(row, "source"),
            source_span: span_of(row, "sb", "se"),
            via: iri(row, "via"),
            parent: iri(row, "parent"),
            cue: cue_label(row),
            cue_span: span_of(row, "cb", "ce"),
            comment: iri(row, "comment").is_some(),
        });
    }
    add_claim_edges(&mut facts);
    facts.finish();
    facts
}
