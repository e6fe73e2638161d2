//! The pages to browse the graph: search, entities, articles, citation diagrams, the SPARQL editor.
//!
//! Pages are HTML written here from SPARQL answers and `load`'s facts, with every value from the
//! store escaped (`html`). Diagrams are `render`'s DOT drawn as SVG by Graphviz's `dot`, with each
//! node linking to its page; pages fetch them with a little JavaScript and put them inline.
//! Assets (CSS, JS, the vendored YASGUI) are compiled into the binary: no path of the file system
//! is reachable. This module does not answer SPARQL requests; `protocol` does.

use super::html::{escape, link, page, url_value};
use super::{Refusal, Reply, State, query_params, single};
use crate::facts::{ClaimFact, Facts, NodeKind};
use crate::render::{self, DiagramOptions};
use crate::store::{PREFIXES, QueryOptions};
use oxhttp::model::{Body, Request, Response, StatusCode, header};
use oxigraph::model::{Literal, Term};
use oxigraph::sparql::QueryResults;
use std::collections::BTreeMap;
use std::fmt::Write as _;

const CSS: &str = include_str!("assets/hearsay.css");
const JS: &str = include_str!("assets/hearsay.js");
const YASGUI_PAGE: &str = include_str!("assets/yasgui.html");
const YASGUI_JS: &str = include_str!("assets/yasgui/yasgui.min.js");
const YASGUI_CSS: &str = include_str!("assets/yasgui/yasgui.min.css");

/// The most mentions an entity page lists.
const MENTIONS_SHOWN: usize = 30;

/// The most claims each list of an entity page shows: a source in thousands of articles made a
/// page of megabytes.
const CLAIMS_SHOWN: usize = 100;

/// Answers a GET for a page or an asset.
pub fn handle(state: &State, request: &Request<Body>) -> Reply {
    let params = query_params(request);
    let iri = || single(&params, "iri")?.ok_or_else(|| Refusal::bad_request("give ?iri="));
    match request.uri().path() {
        "/" => html(state.cached_page(&state.home, || home(state))?),
        "/search" => html(search(state, &single(&params, "q")?.unwrap_or_default())?),
        "/entity" => html(entity(state, &iri()?)?),
        "/article" => html(article(state, &iri()?, single(&params, "claim")?.as_deref())?),
        "/claim" => claim(state, &iri()?),
        "/network" => {
            html(page("Citation network", "<h1>Who cites whom</h1>\n<div class=\"diagram\" data-src=\"/diagram.svg?network\"></div>"))
        }
        "/diagram.svg" => diagram(state, single(&params, "iri")?.as_deref()),
        "/assets/hearsay.css" => super::ok("text/css; charset=utf-8", CSS),
        "/assets/hearsay.js" => super::ok("text/javascript; charset=utf-8", JS),
        "/yasgui/" | "/yasgui" => html(YASGUI_PAGE.to_string()),
        "/yasgui/yasgui.min.js" => super::ok("text/javascript; charset=utf-8", YASGUI_JS),
        "/yasgui/yasgui.min.css" => super::ok("text/css; charset=utf-8", YASGUI_CSS),
        "/favicon.ico" => Err(Refusal::new(StatusCode::NOT_FOUND, "no icon")),
        path => Err(Refusal::new(StatusCode::NOT_FOUND, format!("nothing at {path}; start at /"))),
    }
}

fn html(body: String) -> Reply {
    let mut response = super::ok("text/html; charset=utf-8", body)?;
    let policy = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'";
    response.headers_mut().insert(header::CONTENT_SECURITY_POLICY, oxhttp::model::HeaderValue::from_static(policy));
    Ok(response)
}

/// Rows of a SELECT query (with `hearsay query`'s prefixes) as maps from variable to term.
fn select(state: &State, query: &str) -> Result<Vec<BTreeMap<String, Term>>, Refusal> {
    let options = QueryOptions { prefixes: PREFIXES, ..Default::default() };
    let QueryResults::Solutions(solutions) = state.store.query_with(query, options).map_err(Refusal::internal)? else {
        return Ok(Vec::new());
    };
    solutions.map(|s| s.map(|s| s.iter().map(|(v, t)| (v.as_str().to_string(), t.clone())).collect()).map_err(Refusal::internal)).collect()
}

/// The text of a literal or IRI in a row.
fn value(row: &BTreeMap<String, Term>, var: &str) -> Option<String> {
    match row.get(var)? {
        Term::Literal(l) => Some(l.value().to_string()),
        Term::NamedNode(n) => Some(n.as_str().to_string()),
        _ => None,
    }
}

/// `iri` as a SPARQL IRI term, refusing one that is not an IRI (no injection through `>`).
fn iri_term(iri: &str) -> Result<String, Refusal> {
    oxigraph::model::NamedNode::new(iri).map(|n| n.to_string()).map_err(|e| Refusal::bad_request(format!("{iri:?} is not an IRI: {e}")))
}

fn home(state: &State) -> Result<String, Refusal> {
    let rows = select(
        state,
        // Names and types are read in the citing article: each article that mentions an entity
        // holds a copy of them, and a join across articles would pair every citation with every copy.
        "SELECT ?x (MIN(?l) AS ?name) (MIN(?t) AS ?type) (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?r hs:cites ?x . ?x skos:prefLabel ?l ; a ?t } }
         GROUP BY ?x ORDER BY DESC(?n) ?name LIMIT 25",
    )?;
    let mut body = String::from(
        "<h1>Who said what</h1>\n<p>Search the people, organizations and places the articles mention, or start from the most cited sources below. \
         Power users: the <a href=\"/yasgui/\">SPARQL editor</a>, or any SPARQL client at <code>/sparql</code>.</p>\n\
         <form action=\"/search\" method=\"get\" class=\"big-search\"><input type=\"search\" name=\"q\" id=\"q\" autofocus placeholder=\"A name, e.g. Gorevoy\" aria-label=\"Name\"> <button>Search</button></form>\n\
         <h2>Most cited sources</h2>\n<ol class=\"entities\">\n",
    );
    for row in &rows {
        let (Some(x), Some(name)) = (value(row, "x"), value(row, "name")) else { continue };
        let n = value(row, "n").unwrap_or_default();
        let _ = writeln!(
            body,
            "<li>{} <span class=\"count\">cited in {}</span></li>",
            entity_link(&x, &name, value(row, "type")),
            in_articles(&n)
        );
    }
    body.push_str("</ol>\n");
    Ok(page("Who said what", &body))
}

/// A link to an entity's page, with its kind as a class.
fn entity_link(iri: &str, name: &str, class: Option<String>) -> String {
    let kind = class.as_deref().map(kind_name).unwrap_or("entity");
    format!("<a class=\"entity {kind}\" href=\"{}\">{}</a>", link("/entity", iri), escape(name))
}

/// "1 article", "3 articles".
fn in_articles(count: &str) -> String {
    if count == "1" { "1 article".into() } else { format!("{} articles", escape(count)) }
}

fn kind_name(class: &str) -> &'static str {
    match class {
        "http://schema.org/Person" => "person",
        "http://schema.org/Organization" => "organization",
        "http://schema.org/Place" => "place",
        "http://schema.org/NewsArticle" => "article",
        "http://schema.org/Claim" => "claim",
        _ => "entity",
    }
}

fn search(state: &State, q: &str) -> Result<String, Refusal> {
    let q = q.trim();
    if q.is_empty() {
        return Ok(page("Search", "<p>Type a name to search.</p>"));
    }
    let needle = Literal::new_simple_literal(q.to_lowercase()).to_string();
    let rows = select(
        state,
        &format!(
            "SELECT ?x ?name ?type (COUNT(DISTINCT ?g) AS ?n) WHERE {{
               {{ SELECT DISTINCT ?x WHERE {{ GRAPH ?h {{ ?x skos:prefLabel|skos:altLabel ?l FILTER(CONTAINS(LCASE(STR(?l)), {needle})) }} }} LIMIT 200 }}
               GRAPH ?g {{ ?x skos:prefLabel ?name ; a ?type }}
             }} GROUP BY ?x ?name ?type ORDER BY DESC(?n) ?name LIMIT 50"
        ),
    )?;
    let articles = select(
        state,
        &format!(
            "SELECT DISTINCT ?a ?h WHERE {{ GRAPH ?a {{ ?a schema:headline ?h FILTER(CONTAINS(LCASE(STR(?h)), {needle})) }} }} ORDER BY ?h LIMIT 20"
        ),
    )?;
    let mut body = format!("<h1>Search: {}</h1>\n", escape(q));
    if rows.is_empty() && articles.is_empty() {
        body.push_str("<p>Nothing found.</p>\n");
    }
    body.push_str("<ul class=\"results\">\n");
    for row in &rows {
        let (Some(x), Some(name)) = (value(row, "x"), value(row, "name")) else { continue };
        let kind = value(row, "type").map(|t| kind_name(&t)).unwrap_or("entity");
        let n = value(row, "n").unwrap_or_default();
        let _ = writeln!(
            body,
            "<li>{} <span class=\"kind\">{kind}</span> <span class=\"count\">in {}</span></li>",
            entity_link(&x, &name, value(row, "type")),
            in_articles(&n)
        );
    }
    for row in &articles {
        let (Some(a), Some(h)) = (value(row, "a"), value(row, "h")) else { continue };
        let _ = writeln!(
            body,
            "<li><a class=\"article\" href=\"{}\">{}</a> <span class=\"kind\">article</span></li>",
            link("/article", &a),
            escape(&h)
        );
    }
    body.push_str("</ul>\n");
    Ok(page(&format!("Search: {q}"), &body))
}

fn entity(state: &State, iri: &str) -> Result<String, Refusal> {
    let term = iri_term(iri)?;
    let rows = select(state, &format!("SELECT DISTINCT ?p ?o WHERE {{ GRAPH ?g {{ {term} ?p ?o }} }} ORDER BY ?p ?o"))?;
    if rows.is_empty() {
        return Err(Refusal::new(StatusCode::NOT_FOUND, format!("nothing in the store is {iri}")));
    }
    let values =
        |p: &str| -> Vec<String> { rows.iter().filter(|r| value(r, "p").as_deref() == Some(p)).filter_map(|r| value(r, "o")).collect() };
    let name = values("http://www.w3.org/2004/02/skos/core#prefLabel").into_iter().next().unwrap_or_else(|| iri.to_string());
    let kinds: Vec<&str> = values("http://www.w3.org/1999/02/22-rdf-syntax-ns#type").iter().map(|t| kind_name(t)).collect();
    let mut body = format!("<h1 class=\"{}\">{}</h1>\n<dl class=\"facts\">\n", kinds.first().unwrap_or(&"entity"), escape(&name));
    let _ = writeln!(body, "<dt>Type</dt><dd>{}</dd>", escape(&kinds.join(", ")));
    for (label, property) in [("Also called", "http://www.w3.org/2004/02/skos/core#altLabel"), ("Role", "http://schema.org/jobTitle")] {
        let found = values(property);
        if !found.is_empty() {
            let _ = writeln!(body, "<dt>{label}</dt><dd>{}</dd>", escape(&found.join("; ")));
        }
    }
    body.push_str(&place_facts(
        &values("http://www.w3.org/2003/01/geo/wgs84_pos#lat"),
        &values("http://www.w3.org/2003/01/geo/wgs84_pos#long"),
        &values("http://schema.org/sameAs"),
    ));
    let _ = writeln!(body, "<dt>IRI</dt><dd><code>{}</code></dd>\n</dl>", escape(iri));
    body.push_str(&citations(state, &term)?);
    let _ =
        writeln!(body, "<h2>Who cited whom</h2>\n<div class=\"diagram\" data-src=\"/diagram.svg?iri={}\"></div>", escape(&url_value(iri)));
    body.push_str(&entity_claims(state, iri)?);
    body.push_str(&mentions(state, iri)?);
    Ok(page(&name, &body))
}

/// Coordinates with a map link, and the GeoNames page.
fn place_facts(lat: &[String], long: &[String], same_as: &[String]) -> String {
    let mut out = String::new();
    if let (Some(lat), Some(long)) = (lat.first(), long.first()) {
        let (Ok(la), Ok(lo)) = (lat.parse::<f64>(), long.parse::<f64>()) else { return out };
        let map = format!("https://www.openstreetmap.org/?mlat={la}&mlon={lo}#map=7/{la}/{lo}");
        let _ = writeln!(
            out,
            "<dt>Coordinates</dt><dd>{la}, {lo} (<a class=\"map\" href=\"{}\" rel=\"noopener noreferrer\">map</a>)</dd>",
            escape(&map)
        );
    }
    for iri in same_as.iter().filter(|i| i.starts_with("https://") || i.starts_with("http://")) {
        let _ = writeln!(out, "<dt>Same as</dt><dd><a href=\"{}\" rel=\"noopener noreferrer\">{}</a></dd>", escape(iri), escape(iri));
    }
    out
}

/// Who cites the entity `term` and whom it cites, with the number of articles.
fn citations(state: &State, term: &str) -> Result<String, Refusal> {
    let mut out = String::new();
    for (title, pattern) in [("Cited by", format!("?x hs:cites {term}")), ("Cites", format!("{term} hs:cites ?x"))] {
        let rows = select(
            state,
            &format!(
                // The name in the citing article; one OPTIONAL per property, since Oxigraph does
                // not carry ?x into an OPTIONAL holding a path (`|`) and would read every label.
                "SELECT ?x (MIN(?l) AS ?label) (MIN(?t) AS ?type) (COUNT(DISTINCT ?g) AS ?n) WHERE {{
                   GRAPH ?g {{ {pattern} OPTIONAL {{ ?x a ?t }} OPTIONAL {{ ?x skos:prefLabel ?name }} OPTIONAL {{ ?x schema:headline ?headline }} }}
                   BIND(COALESCE(?name, ?headline) AS ?l)
                 }} GROUP BY ?x ORDER BY DESC(?n) ?label LIMIT 100"
            ),
        )?;
        let _ = writeln!(out, "<h2>{title}</h2>");
        if rows.is_empty() {
            out.push_str("<p class=\"none\">No one.</p>\n");
            continue;
        }
        out.push_str("<ul class=\"cites\">\n");
        for row in &rows {
            let Some(x) = value(row, "x") else { continue };
            let label = value(row, "label").unwrap_or_else(|| x.clone());
            let n = value(row, "n").unwrap_or_default();
            let a = match value(row, "type").as_deref() {
                Some("http://schema.org/NewsArticle") => {
                    format!("<a class=\"article\" href=\"{}\">{}</a>", link("/article", &x), escape(&label))
                }
                _ => entity_link(&x, &label, value(row, "type")),
            };
            let _ = writeln!(out, "<li>{a} <span class=\"count\">in {}</span></li>", in_articles(&n));
        }
        out.push_str("</ul>\n");
    }
    Ok(out)
}

/// The claims the entity made and those about it, from the articles it takes part in, as
/// `hearsay claims --about` finds them (`trace::claims_about`).
fn entity_claims(state: &State, iri: &str) -> Result<String, Refusal> {
    let entities = [iri.to_string()];
    let mut facts = state.claims_around(&entities)?;
    let (store, iris) = (&*state.store, &state.config.iris);
    let mentions = crate::load::mentions_by_article(store, iris, &entities).map_err(Refusal::internal)?;
    let text_of = |a: &str| crate::load::article_text(store, iris, a).map(Option::unwrap_or_default);
    let about = crate::trace::claims_about(&facts, &entities, &mentions, text_of).map_err(Refusal::internal)?;
    let (by, of): (Vec<String>, Vec<String>) = about.into_iter().partition(|c| facts.claims[c].source.as_deref() == Some(iri));
    let lists = [("Claims it made", by), ("Claims about it", of)];
    // The entities named in the claims shown, named as over the whole store.
    let shown = |list: &[String]| list[..list.len().min(CLAIMS_SHOWN)].to_vec();
    let named: Vec<String> = lists
        .iter()
        .flat_map(|(_, list)| shown(list))
        .flat_map(|c| facts.claims[&c].source.iter().chain(&facts.claims[&c].via).cloned().collect::<Vec<_>>())
        .collect();
    state.relabel(&mut facts, &named)?;
    let mut out = String::new();
    for (title, list) in &lists {
        let _ = writeln!(out, "<h2>{title} <span class=\"count\">{}</span></h2>", list.len());
        let claims: Vec<&ClaimFact> = shown(list).iter().map(|c| &facts.claims[c]).collect();
        out.push_str(&claim_list(&facts, &claims));
        if list.len() > CLAIMS_SHOWN {
            let _ = writeln!(
                out,
                "<p class=\"more\">and {} more: <code>hearsay claims --about</code> lists them all.</p>",
                list.len() - CLAIMS_SHOWN
            );
        }
    }
    Ok(out)
}

/// Claims as a list: source, cue, text, and the article they appear in.
fn claim_list(facts: &Facts, claims: &[&ClaimFact]) -> String {
    if claims.is_empty() {
        return "<p class=\"none\">None.</p>\n".into();
    }
    let label = |iri: &str| facts.nodes.get(iri).map_or(iri.to_string(), |n| n.label.clone());
    let mut out = String::from("<ul class=\"claims\">\n");
    for c in claims {
        let source = match &c.source {
            Some(s) => format!("<a class=\"entity\" href=\"{}\">{}</a>", link("/entity", s), escape(&label(s))),
            None => "<span class=\"unnamed\">unnamed source</span>".into(),
        };
        let via = c
            .via
            .as_ref()
            .map(|v| format!(" via <a class=\"entity\" href=\"{}\">{}</a>", link("/entity", v), escape(&label(v))))
            .unwrap_or_default();
        let cue = c.cue.as_deref().map(|cue| format!(" <span class=\"cue\">{}</span>", escape(cue))).unwrap_or_default();
        let href = escape(&format!("/article?iri={}&claim={}#target", url_value(&c.article), url_value(&c.iri)));
        let _ = writeln!(
            out,
            "<li>{source}{via}{cue}: <q>{}</q> <a class=\"in-article\" href=\"{href}\">{}</a></li>",
            escape(&c.text),
            escape(&label(&c.article))
        );
    }
    out.push_str("</ul>\n");
    out
}

/// Where the entity is mentioned, with a snippet of the text around each mention.
fn mentions(state: &State, iri: &str) -> Result<String, Refusal> {
    let iris = &state.config.iris;
    let found = crate::load::mentions_of(&*state.store, iris, &[iri.to_string()]).map_err(Refusal::internal)?;
    let mut out = format!("<h2>Mentions <span class=\"count\">{}</span></h2>\n<ul class=\"mentions\">\n", found.len());
    let mut texts: BTreeMap<String, Vec<char>> = BTreeMap::new();
    let shown: Vec<String> = found.iter().take(MENTIONS_SHOWN).map(|(article, _)| article.clone()).collect();
    let headlines = crate::load::headlines(&*state.store, iris, &shown).map_err(Refusal::internal)?;
    for (article, [b, e]) in found.iter().take(MENTIONS_SHOWN) {
        if !texts.contains_key(article) {
            let text = crate::load::article_text(&*state.store, iris, article).map_err(Refusal::internal)?.unwrap_or_default();
            texts.insert(article.clone(), text.chars().collect());
        }
        let text = &texts[article];
        let (b, e) = ((*b as usize).min(text.len()), (*e as usize).min(text.len()));
        let before: String = text[b.saturating_sub(80)..b].iter().collect();
        let after: String = text[e..(e + 80).min(text.len())].iter().collect();
        let name: String = text[b..e].iter().collect();
        let headline = headlines.get(article).cloned().unwrap_or_else(|| article.clone());
        let _ = writeln!(
            out,
            "<li><a class=\"article\" href=\"{}\">{}</a>: …{}<mark>{}</mark>{}…</li>",
            link("/article", article),
            escape(&headline),
            escape(&before.replace('\n', " ")),
            escape(&name),
            escape(&after.replace('\n', " "))
        );
    }
    if found.len() > MENTIONS_SHOWN {
        let _ = writeln!(out, "<li class=\"more\">and {} more</li>", found.len() - MENTIONS_SHOWN);
    }
    out.push_str("</ul>\n");
    Ok(out)
}

/// `/claim?iri=`: the claim's article, scrolled to the claim.
fn claim(state: &State, iri: &str) -> Reply {
    // A claim's IRI starts with its article's (`Iris::claim`): that article's claims hold it.
    let article = iri.rsplit_once("/claim/").map(|(article, _)| article.to_string());
    let facts = match article {
        Some(article) => crate::load::claims_in(&*state.store, &state.config.iris, &[article]).map_err(Refusal::internal)?,
        None => Facts::default(),
    };
    let claim = facts.claims.get(iri).ok_or_else(|| Refusal::new(StatusCode::NOT_FOUND, format!("no claim {iri}")))?;
    let location = format!("/article?iri={}&claim={}#target", url_value(&claim.article), url_value(iri));
    Response::builder().status(StatusCode::SEE_OTHER).header(header::LOCATION, location).body(Body::empty()).map_err(Refusal::internal)
}

/// What one character of an article's text is part of.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Marks {
    claim: Option<usize>,
    mention: Option<usize>,
    cue: bool,
    source: bool,
}

fn article(state: &State, iri: &str, target: Option<&str>) -> Result<String, Refusal> {
    let term = iri_term(iri)?;
    let iris = &state.config.iris;
    let Some(text) = crate::load::article_text(&*state.store, iris, iri).map_err(Refusal::internal)? else {
        return Err(Refusal::new(StatusCode::NOT_FOUND, format!("no article {iri}")));
    };
    let text: Vec<char> = text.chars().collect();
    let mut facts = crate::load::claims_in(&*state.store, iris, &[iri.to_string()]).map_err(Refusal::internal)?;
    let named: Vec<String> = facts.claims.values().flat_map(|c| c.source.iter().chain(&c.via)).cloned().collect();
    state.relabel(&mut facts, &named)?;
    let mut claims: Vec<&ClaimFact> = facts.claims.values().filter(|c| c.article == iri).collect();
    claims.sort_by_key(|c| c.span);
    let mentions = select(
        state,
        &format!(
            "SELECT ?b ?e ?x ?t WHERE {{ GRAPH {term} {{ ?m itsrdf:taIdentRef ?x ; nif:beginIndex ?b ; nif:endIndex ?e . ?x a ?t }} }} ORDER BY ?b ?e ?x"
        ),
    )?;
    let mentions: Vec<([usize; 2], String, String)> = mentions
        .iter()
        .filter_map(|r| {
            Some(([value(r, "b")?.parse().ok()?, value(r, "e")?.parse().ok()?], value(r, "x")?, kind_name(&value(r, "t")?).to_string()))
        })
        .collect();
    let meta = select(
        state,
        &format!(
            "SELECT ?h ?d ?p WHERE {{ GRAPH {term} {{ OPTIONAL {{ {term} schema:headline ?h }} OPTIONAL {{ {term} schema:datePublished ?d }} OPTIONAL {{ {term} schema:publisher/skos:prefLabel ?p }} }} }} LIMIT 1"
        ),
    )?;
    let headline = meta.first().and_then(|r| value(r, "h")).unwrap_or_else(|| iri.to_string());
    let mut body = format!("<h1 class=\"article\">{}</h1>\n<p class=\"byline\">", escape(&headline));
    for var in ["p", "d"] {
        if let Some(v) = meta.first().and_then(|r| value(r, var)) {
            let _ = write!(body, "<span>{}</span> ", escape(&v));
        }
    }
    let _ = writeln!(body, "<a href=\"{}\">graph as Turtle</a></p>", escape(&format!("/store?graph={}", url_value(iri))));
    body.push_str("<p class=\"legend\"><span class=\"claim\">claim</span> <span class=\"source\">source</span> <span class=\"cue\">cue</span> <span class=\"mention person\">person</span> <span class=\"mention organization\">organization</span> <span class=\"mention place\">place</span></p>\n");
    let target = target.and_then(|t| claims.iter().position(|c| c.iri == t));
    body.push_str(&highlighted(&text, &claims, &mentions, target));
    let _ = writeln!(body, "<h2>Claims <span class=\"count\">{}</span></h2>", claims.len());
    body.push_str(&claim_list(&facts, &claims));
    Ok(page(&headline, &body))
}

/// The article's text with claims, their sources and cues, and mentions marked, as runs of
/// characters that share their marks; mentions link to their entities.
fn highlighted(text: &[char], claims: &[&ClaimFact], mentions: &[([usize; 2], String, String)], target: Option<usize>) -> String {
    let mut marks = vec![Marks { claim: None, mention: None, cue: false, source: false }; text.len()];
    let clamp = |[b, e]: [u64; 2]| (b as usize).min(text.len())..(e as usize).min(text.len());
    // Longer claims first, so that a claim nested in another marks its own characters.
    let mut order: Vec<usize> = (0..claims.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(claims[i].span[1].saturating_sub(claims[i].span[0])));
    for i in order {
        let c = claims[i];
        marks[clamp(c.span)].iter_mut().for_each(|m| m.claim = Some(i));
        if let Some(span) = c.source_span {
            marks[clamp(span)].iter_mut().for_each(|m| m.source = true);
        }
        if let Some(span) = c.cue_span {
            marks[clamp(span)].iter_mut().for_each(|m| m.cue = true);
        }
    }
    for (i, ([b, e], _, _)) in mentions.iter().enumerate() {
        marks[clamp([*b as u64, *e as u64])].iter_mut().filter(|m| m.mention.is_none()).for_each(|m| m.mention = Some(i));
    }
    let mut out = String::from("<div class=\"text\">");
    let mut start = 0;
    let mut target_marked = false;
    while start < text.len() {
        let run = marks[start];
        let end = (start..text.len()).find(|&i| marks[i] != run).unwrap_or(text.len());
        let content: String = text[start..end].iter().collect();
        let mut classes = Vec::new();
        let mut attributes = String::new();
        if let Some(i) = run.claim {
            classes.push("claim");
            let _ = write!(attributes, " data-claim=\"{i}\" title=\"{}\"", escape(&claims[i].cue.clone().unwrap_or_default()));
            if Some(i) == target {
                classes.push("target");
                if !target_marked {
                    attributes.push_str(" id=\"target\"");
                    target_marked = true;
                }
            }
        }
        if run.source {
            classes.push("source");
        }
        if run.cue {
            classes.push("cue");
        }
        match run.mention {
            Some(i) => {
                let (_, entity, kind) = &mentions[i];
                let _ = write!(
                    out,
                    "<a class=\"mention {kind} {}\"{attributes} href=\"{}\">{}</a>",
                    classes.join(" "),
                    link("/entity", entity),
                    escape(&content)
                );
            }
            None if classes.is_empty() => out.push_str(&escape(&content)),
            None => {
                let _ = write!(out, "<span class=\"{}\"{attributes}>{}</span>", classes.join(" "), escape(&content));
            }
        }
        start = end;
    }
    out.push_str("</div>\n");
    out
}

/// `/diagram.svg?iri=`: who cited whom through the entity or claim, as in `hearsay diagram
/// citations`; without an IRI, the citation network (kept until the next write: it reads every
/// article's claims).
fn diagram(state: &State, iri: Option<&str>) -> Reply {
    let svg = match iri {
        Some(_) => diagram_svg(state, iri)?,
        None => state.cached_page(&state.network, || diagram_svg(state, None))?,
    };
    super::ok("image/svg+xml", svg)
}

/// The SVG of [`diagram`].
fn diagram_svg(state: &State, iri: Option<&str>) -> Result<String, Refusal> {
    let mut options = DiagramOptions { max_nodes: 60, ..Default::default() };
    let mut facts = match iri {
        Some(iri) => {
            options.focus = vec![iri.to_string()];
            let mut facts = crate::trace::citation_chains(&state.claims_around(&options.focus)?, &options.focus);
            let nodes: Vec<String> = facts.nodes.keys().cloned().collect();
            state.relabel(&mut facts, &nodes)?;
            options.title = facts.nodes.get(iri).map(|n| format!("{}: who cited whom", n.label));
            facts
        }
        None => {
            let facts = crate::network::CitationTally::of(|each| crate::load::claims_by_article(&*state.store, &state.config.iris, each))
                .map_err(Refusal::internal)?
                .facts();
            options.title = Some("citation network".into());
            options.cluster_by_outlet = true;
            options.max_nodes = 40;
            facts
        }
    };
    for node in facts.nodes.values() {
        let url = match node.kind {
            NodeKind::Article => format!("/article?iri={}", url_value(&node.iri)),
            NodeKind::Claim => format!("/claim?iri={}", url_value(&node.iri)),
            _ => format!("/entity?iri={}", url_value(&node.iri)),
        };
        options.links.insert(node.iri.clone(), url);
    }
    facts.finish();
    let dot = render::dot(&facts, &options);
    let svg =
        graphviz_rust::exec_dot(dot, vec![graphviz_rust::cmd::CommandArg::Format(graphviz_rust::cmd::Format::Svg)]).map_err(|e| match e
            .kind()
        {
            std::io::ErrorKind::NotFound => {
                Refusal::new(StatusCode::NOT_IMPLEMENTED, "diagrams need Graphviz's dot (apt-get install graphviz)")
            }
            _ => Refusal::internal(format!("dot failed: {e}")),
        })?;
    String::from_utf8(svg).map_err(Refusal::internal)
}
