//! `hearsay serve` end to end: the server on a free loopback port over a store ingested from
//! examples/articles, queried with curl and with Python's SPARQLWrapper and rdflib.

use crate::{hearsay, root};
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A running `hearsay serve`, stopped when dropped.
struct Server {
    child: Child,
    /// `http://127.0.0.1:PORT/`
    url: String,
}

impl Server {
    fn start(store: &Path, args: &[&str], env: &[(&str, &str)]) -> Server {
        let mut cmd = hearsay(store);
        cmd.args(["serve", "--bind", "127.0.0.1:0"]).args(args).envs(env.iter().copied()).stdout(Stdio::piped()).stderr(Stdio::null());
        let mut child = cmd.spawn().expect("hearsay serve starts");
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
        assert!(line.starts_with("http://127.0.0.1:"), "serve printed {line:?}");
        Server { child, url: line.trim().to_string() }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A store with the examples in it.
fn examples_store(dir: &Path) -> std::path::PathBuf {
    let store = dir.join("store");
    let out = hearsay(&store).args(["ingest", "-q", "examples/articles"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    store
}

/// What curl got: status, content type and body.
struct Got {
    status: u16,
    content_type: String,
    body: String,
}

fn curl(args: &[&str]) -> Got {
    let out = Command::new("curl").args(["-s", "-w", "\n%{http_code} %{content_type}"]).args(args).output().expect("curl runs");
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    let (body, last) = text.rsplit_once('\n').unwrap_or(("", &text));
    let (status, content_type) = last.split_once(' ').unwrap_or((last, ""));
    Got { status: status.parse().unwrap_or(0), content_type: content_type.to_string(), body: body.to_string() }
}

const PERSONS: &str = "SELECT ?name WHERE { ?p a schema:Person ; skos:prefLabel ?name } ORDER BY ?name";

#[test]
fn serve_answers_the_sparql_protocol() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(&examples_store(dir.path()), &[], &[]);
    let sparql = format!("{}sparql", server.url);
    let q = format!("query={PERSONS}");

    let described = curl(&[&sparql]);
    assert_eq!((described.status, described.content_type.as_str()), (200, "text/turtle"), "{}", described.body);
    assert!(described.body.contains("sd:Service") && described.body.contains("sd:UnionDefaultGraph"), "{}", described.body);

    // GET, POST urlencoded and POST application/sparql-query give the same answer.
    let get = curl(&["-G", "--data-urlencode", &q, &sparql]);
    assert_eq!((get.status, get.content_type.as_str()), (200, "application/sparql-results+json"), "{}", get.body);
    let json: serde_json::Value = serde_json::from_str(&get.body).unwrap();
    assert!(json["results"]["bindings"].as_array().unwrap().iter().any(|b| b["name"]["value"] == "Tomas Brandt"), "{json}");
    let post = curl(&["--data-urlencode", &q, &sparql]);
    assert_eq!(post.body, get.body);
    let direct = curl(&["-H", "Content-Type: application/sparql-query", "--data-binary", PERSONS, &format!("{}query", server.url)]);
    assert_eq!(direct.body, get.body);

    // Content negotiation with q-values.
    for (accept, expect) in [
        ("text/csv", "text/csv; charset=utf-8"),
        ("text/tab-separated-values", "text/tab-separated-values; charset=utf-8"),
        ("application/sparql-results+xml", "application/sparql-results+xml"),
        ("application/sparql-results+json;q=0.5, text/csv;q=0.9", "text/csv; charset=utf-8"),
        ("text/*;q=0.2, application/*;q=0.8", "application/sparql-results+json"),
    ] {
        let got = curl(&["-G", "-H", &format!("Accept: {accept}"), "--data-urlencode", &q, &sparql]);
        assert_eq!((got.status, got.content_type.as_str()), (200, expect), "{accept}: {}", got.body);
    }
    let construct = "query=CONSTRUCT { ?a hs:cites ?b } WHERE { ?a hs:cites ?b }";
    for (accept, expect) in [
        ("text/turtle", "text/turtle"),
        ("application/n-triples", "application/n-triples"),
        ("application/n-quads", "application/n-quads"),
        ("application/rdf+xml", "application/rdf+xml"),
        ("application/ld+json", "application/ld+json"),
    ] {
        let got = curl(&["-G", "-H", &format!("Accept: {accept}"), "--data-urlencode", construct, &sparql]);
        assert_eq!((got.status, got.content_type.as_str()), (200, expect), "{accept}: {}", got.body);
        assert!(got.body.contains("cites"), "{accept}: {}", got.body);
    }
    let sorted = curl(&["-G", "-H", "Accept: application/n-triples", "--data-urlencode", construct, &sparql]);
    let lines: Vec<&str> = sorted.body.lines().collect();
    assert!(lines.windows(2).all(|w| w[0] <= w[1]), "graph answers are sorted");

    // Errors: 400 with line:column, 406, 403, 415.
    let bad = curl(&["-G", "--data-urlencode", "query=SELECT ?x WHERE {\n  ?x ?y }", &sparql]);
    assert_eq!(bad.status, 400);
    assert!(bad.body.contains("SPARQL syntax error at 2:"), "{}", bad.body);
    let png = curl(&["-G", "-H", "Accept: image/png", "--data-urlencode", &q, &sparql]);
    assert_eq!(png.status, 406, "{}", png.body);
    let update = curl(&["-H", "Content-Type: application/sparql-update", "--data-binary", "CLEAR ALL", &sparql]);
    assert_eq!(update.status, 403, "{}", update.body);
    let form_update = curl(&["--data-urlencode", "update=CLEAR ALL", &format!("{}update", server.url)]);
    assert_eq!(form_update.status, 403, "{}", form_update.body);
    let odd = curl(&["-H", "Content-Type: text/plain", "--data-binary", PERSONS, &sparql]);
    assert_eq!(odd.status, 415, "{}", odd.body);
    // The store is unchanged by the refused updates.
    assert_eq!(curl(&["-G", "--data-urlencode", &q, &sparql]).body, get.body);
}

#[test]
fn datasets_and_the_graph_store_read_one_article() {
    let dir = tempfile::tempdir().unwrap();
    let store = examples_store(dir.path());
    let server = Server::start(&store, &[], &[]);
    let sparql = format!("{}sparql", server.url);
    let articles = "query=SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a schema:NewsArticle }";
    let count = |extra: &[&str]| {
        let mut args = vec!["-G", "-H", "Accept: text/csv", "--data-urlencode", articles];
        args.extend_from_slice(extra);
        args.push(&sparql);
        curl(&args).body.lines().nth(1).unwrap_or_default().trim().to_string()
    };
    assert_eq!(count(&[]), "5", "the default graph is the union of the articles");
    let graph = curl(&[
        "-G",
        "-H",
        "Accept: text/csv",
        "--data-urlencode",
        "query=SELECT ?a WHERE { ?a a schema:NewsArticle } ORDER BY ?a LIMIT 1",
        &sparql,
    ]);
    let article = graph.body.lines().nth(1).unwrap().trim().to_string();
    let default_graph = format!("default-graph-uri={article}");
    assert_eq!(count(&["--data-urlencode", &default_graph]), "1");
    let named = format!("named-graph-uri={article}");
    let in_named = curl(&[
        "-G",
        "-H",
        "Accept: text/csv",
        "--data-urlencode",
        "query=SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?a a schema:NewsArticle } }",
        "--data-urlencode",
        &named,
        &sparql,
    ]);
    assert_eq!(in_named.body.lines().nth(1).map(str::trim), Some("1"), "{}", in_named.body);

    // The Graph Store Protocol: one article's graph, sorted, and 404 for a missing one.
    let gsp = format!("{}store?graph={}", server.url, article);
    let got = curl(&["-H", "Accept: application/n-triples", &gsp]);
    assert_eq!((got.status, got.content_type.as_str()), (200, "application/n-triples"));
    let exported = hearsay(&store).args(["export", "--format", "ntriples", "--graph", &article]).output();
    assert!(
        exported.is_err() || !exported.as_ref().unwrap().status.success() || String::from_utf8_lossy(&exported.unwrap().stdout) == got.body
    );
    let turtle = curl(&[&gsp]);
    assert_eq!((turtle.status, turtle.content_type.as_str()), (200, "text/turtle"));
    let head = curl(&["-I", &gsp]);
    assert_eq!(head.status, 200);
    let missing = curl(&[&format!("{}store?graph=https://w3id.org/hearsay/article/0000000000000000", server.url)]);
    assert_eq!(missing.status, 404, "{}", missing.body);
    assert_eq!(curl(&["-I", &format!("{}store?graph=https://example.org/none", server.url)]).status, 404);
    let put = curl(&["-X", "PUT", "-H", "Content-Type: text/turtle", "--data-binary", "<a> <b> <c> .", &gsp]);
    assert_eq!(put.status, 403, "{}", put.body);
    let delete = curl(&["-X", "DELETE", &gsp]);
    assert_eq!(delete.status, 403, "{}", delete.body);
    assert_eq!(curl(&["-H", "Accept: application/n-triples", &gsp]).body, got.body, "refused writes changed nothing");
    // No file of the file system is reachable.
    for path in ["../Cargo.toml", "%2e%2e/%2e%2e/etc/passwd", "assets/../../Cargo.toml", "yasgui/../../README.md"] {
        let got = curl(&["--path-as-is", &format!("{}{path}", server.url)]);
        assert!(got.status == 404 || got.status == 400, "{path}: {} {}", got.status, got.body);
    }
    // CORS is off unless asked for.
    let cors =
        Command::new("curl").args(["-s", "-D", "-", "-o", "/dev/null", "-H", "Origin: https://evil.example", &sparql]).output().unwrap();
    assert!(!String::from_utf8_lossy(&cors.stdout).to_lowercase().contains("access-control-allow-origin"));
}

#[test]
fn a_runaway_query_ends_with_an_error_status() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(&examples_store(dir.path()), &["--timeout", "1", "--max-results", "5", "--max-body", "1000"], &[]);
    let sparql = format!("{}sparql", server.url);
    // An aggregate over a huge join: nothing would be sent before the count is done.
    let started = Instant::now();
    let slow = curl(&["--data-urlencode", "query=SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }", &sparql]);
    assert_eq!(slow.status, 503, "{}", slow.body);
    assert!(slow.body.contains("timeout"), "{}", slow.body);
    assert!(started.elapsed() < Duration::from_secs(5), "answered after {:?}", started.elapsed());
    let many = curl(&["--data-urlencode", &format!("query={PERSONS}"), &sparql]);
    assert_eq!(many.status, 422, "{}", many.body);
    let graph = curl(&["--data-urlencode", "query=CONSTRUCT { ?a hs:cites ?b } WHERE { ?a hs:cites ?b }", &sparql]);
    assert_eq!(graph.status, 422, "{}", graph.body);
    let few = curl(&["--data-urlencode", &format!("query={PERSONS} LIMIT 5"), &sparql]);
    assert_eq!(few.status, 200, "{}", few.body);
    let big = format!("query={PERSONS} #{}", "x".repeat(2000));
    assert_eq!(curl(&["--data-urlencode", &big, &sparql]).status, 413);
    // The server still answers after all that.
    assert_eq!(curl(&["--data-urlencode", "query=ASK {}", &sparql]).status, 200);
}

#[test]
fn a_stream_that_fails_is_aborted_not_cut_short() {
    let dir = tempfile::tempdir().unwrap();
    // The status goes out after 64 bytes; the sixth solution passes the limit later.
    let server = Server::start(&examples_store(dir.path()), &["--max-results", "5", "--prefill", "64"], &[]);
    let out = Command::new("curl")
        .args([
            "-s",
            "-S",
            "-D",
            "-",
            "-H",
            "Accept: text/csv",
            "--data-urlencode",
            &format!("query={PERSONS}"),
            &format!("{}sparql", server.url),
        ])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.starts_with("HTTP/1.1 200"), "{text}");
    assert!(!out.status.success(), "curl saw a complete answer:\n{text}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("curl: (18)"), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn a_writable_server_needs_its_token() {
    let dir = tempfile::tempdir().unwrap();
    let store = examples_store(dir.path());
    let refused =
        hearsay(&store).args(["serve", "--bind", "127.0.0.1:0", "--writable"]).env_remove("HEARSAY_WRITE_TOKEN").output().unwrap();
    assert_eq!(refused.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("HEARSAY_WRITE_TOKEN"));
    let token = "correct-horse-battery-staple";
    let server = Server::start(&store, &["--writable"], &[("HEARSAY_WRITE_TOKEN", token)]);
    let sparql = format!("{}sparql", server.url);
    let insert = "INSERT DATA { GRAPH <https://example.org/g> { <https://example.org/a> <https://example.org/b> \"c\" } }";
    let without = curl(&["-H", "Content-Type: application/sparql-update", "--data-binary", insert, &sparql]);
    assert_eq!(without.status, 401, "{}", without.body);
    let wrong =
        curl(&["-H", "Authorization: Bearer wrong", "-H", "Content-Type: application/sparql-update", "--data-binary", insert, &sparql]);
    assert_eq!(wrong.status, 401);
    let bearer = format!("Authorization: Bearer {token}");
    let with = curl(&["-H", &bearer, "-H", "Content-Type: application/sparql-update", "--data-binary", insert, &sparql]);
    assert_eq!(with.status, 204, "{}", with.body);
    let gsp = format!("{}store?graph=https://example.org/h", server.url);
    let put = curl(&[
        "-X",
        "PUT",
        "-H",
        &bearer,
        "-H",
        "Content-Type: text/turtle",
        "--data-binary",
        "<https://example.org/x> <https://example.org/y> 1 .",
        &gsp,
    ]);
    assert_eq!(put.status, 201, "{}", put.body);
    let read = curl(&["-H", "Accept: application/n-triples", &gsp]);
    assert_eq!(read.body.trim(), "<https://example.org/x> <https://example.org/y> \"1\"^^<http://www.w3.org/2001/XMLSchema#integer> .");
    assert_eq!(curl(&["-X", "DELETE", &gsp]).status, 401);
    assert_eq!(curl(&["-X", "DELETE", "-H", &bearer, &gsp]).status, 204);
    assert_eq!(curl(&[&gsp]).status, 404);
}

#[test]
fn ingest_goes_through_a_running_server() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let first = dir.path().join("first");
    std::fs::create_dir(&first).unwrap();
    std::fs::copy(root().join("examples/articles/01-harbour-strike.txt"), first.join("a.txt")).unwrap();
    assert!(hearsay(&store).args(["ingest", "-q"]).arg(&first).output().unwrap().status.success());
    let server = Server::start(&store, &[], &[]);
    let info = std::fs::metadata(store.join(hearsay::serve::forward::SERVER_FILE)).expect("the server file is written");
    #[cfg(unix)]
    assert_eq!(std::os::unix::fs::PermissionsExt::mode(&info.permissions()) & 0o777, 0o600);
    let out = hearsay(&store).args(["ingest", "examples/articles"]).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(err.contains("holds the store; sending the articles through it"), "{err}");
    assert!(err.contains("ingested 4 articles") && err.contains("1 duplicates skipped"), "{err}");
    let count = curl(&[
        "-H",
        "Accept: text/csv",
        "--data-urlencode",
        "query=SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a schema:NewsArticle }",
        &format!("{}sparql", server.url),
    ]);
    assert_eq!(count.body.lines().nth(1).map(str::trim), Some("5"), "{}", count.body);
    // The internal route wants the server file's token.
    let forged = curl(&[
        "-H",
        "Content-Type: application/n-quads",
        "--data-binary",
        "",
        &format!("{}_hearsay/graphs?graph=https://example.org/g", server.url),
    ]);
    assert_eq!(forged.status, 401);
    drop(server);
    // With the server gone the store is free again; a stale server file does not matter.
    let out = hearsay(&store).args(["ingest", "-q", "examples/articles"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn real_sparql_clients_read_the_endpoint() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(&examples_store(dir.path()), &[], &[]);
    let article = curl(&[
        "-H",
        "Accept: text/csv",
        "--data-urlencode",
        "query=SELECT ?a WHERE { ?a schema:headline ?h FILTER(CONTAINS(?h, 'Gdansk')) } LIMIT 1",
        &format!("{}sparql", server.url),
    ]);
    let article = article.body.lines().nth(1).expect("an article about Gdansk").trim().to_string();
    let out = Command::new("python3")
        .arg(root().join("tests/clients/sparql_clients.py"))
        .args([&server.url, &article])
        .output()
        .expect("python3 runs");
    let (stdout, stderr) = (String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert!(!stderr.contains("No module named"), "SPARQLWrapper and rdflib are missing: run scripts/setup.sh\n{stderr}");
    assert!(out.status.success() && stdout.contains("all client checks passed"), "{stdout}\n{stderr}");
}

#[test]
fn pages_search_link_and_escape() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(&examples_store(dir.path()), &[], &[]);
    let home = curl(&[&server.url]);
    assert_eq!((home.status, home.content_type.as_str()), (200, "text/html; charset=utf-8"));
    let found = curl(&[&format!("{}search?q=brandt", server.url)]);
    let entity = found
        .body
        .split("href=\"")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .find(|h| h.starts_with("/entity?iri="))
        .expect("a link to Brandt");
    let entity_url = format!("{}{}", server.url.trim_end_matches('/'), entity.replace("&amp;", "&"));
    let page = curl(&[&entity_url]);
    assert_eq!(page.status, 200, "{}", page.body);
    for part in [
        "<h1 class=\"person\">Tomas Brandt</h1>",
        "Baltic Freight Institute",
        "Claims it made",
        "<mark>Tomas Brandt</mark>",
        "data-src=\"/diagram.svg?iri=",
    ] {
        assert!(page.body.contains(part), "{part} missing from the entity page");
    }
    let svg = curl(&[&entity_url.replace("/entity?", "/diagram.svg?")]);
    assert_eq!((svg.status, svg.content_type.as_str()), (200, "image/svg+xml"), "{}", svg.body);
    assert!(svg.body.contains("xlink:href=\"/entity?iri=") && svg.body.contains("xlink:href=\"/claim?iri="), "SVG nodes link to pages");
    let claim = svg.body.split("xlink:href=\"/claim?iri=").nth(1).and_then(|s| s.split('"').next()).unwrap();
    let redirect = curl(&["-L", &format!("{}claim?iri={claim}", server.url)]);
    assert_eq!(redirect.status, 200);
    assert!(redirect.body.contains("class=\"claim target") && redirect.body.contains("id=\"target\""), "the claim is highlighted");
    assert!(redirect.body.contains("class=\"mention person"), "mentions are marked");
    // What a visitor types is escaped.
    let hostile = curl(&["-G", "--data-urlencode", "q=<script>alert('x')</script>", &format!("{}search", server.url)]);
    assert!(hostile.body.contains("&lt;script&gt;") && !hostile.body.contains("<script>alert"), "{}", hostile.body);
    let yasgui = curl(&[&format!("{}yasgui/", server.url)]);
    assert!(yasgui.status == 200 && yasgui.body.contains("yasgui.min.js"));
    assert_eq!(curl(&[&format!("{}yasgui/yasgui.min.js", server.url)]).status, 200);
    assert_eq!(curl(&[&format!("{}entity?iri=not%20an%20iri", server.url)]).status, 400);
    assert_eq!(curl(&[&format!("{}entity?iri=https://example.org/nobody", server.url)]).status, 404);
    // An entity's or an unknown claim's IRI is no claim.
    let entity = entity_url.split("iri=").nth(1).unwrap();
    assert_eq!(curl(&[&format!("{}claim?iri={entity}", server.url)]).status, 404);
    let unknown = claim.replace("%2Fclaim%2F", "%2Fclaim%2F9").replace("/claim/", "/claim/9");
    assert_eq!(curl(&[&format!("{}claim?iri={unknown}", server.url)]).status, 404);
}

/// A source of more claims than an entity page lists: the page shows the first hundred of each
/// list and says how many more there are.
#[test]
fn an_entity_page_lists_a_hundred_claims_and_counts_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let articles = dir.path().join("articles");
    std::fs::create_dir(&articles).unwrap();
    let mut text = String::from("Harbour Prices Keep Rising\n\nMarta Vale, the port's finance director, spoke on Monday.\n\n");
    for k in 1..=120 {
        text.push_str(&format!("\"Fees rose by {k} percent in dock {k},\" Ms Vale said.\n\n"));
    }
    std::fs::write(articles.join("vale.txt"), text).unwrap();
    let store = dir.path().join("store");
    let out = hearsay(&store).args(["ingest", "-q"]).arg(&articles).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let server = Server::start(&store, &[], &[]);
    let page = curl(&[&format!("{}entity?iri=https://w3id.org/hearsay/entity/person/marta-vale", server.url)]);
    assert_eq!(page.status, 200, "{}", page.body);
    let made = page.body.split("Claims it made").nth(1).and_then(|s| s.split("<h2>").next()).expect("the list of claims made");
    assert!(made.contains("<span class=\"count\">120</span>"), "{made}");
    assert_eq!(made.matches("<li").count(), 100, "{made}");
    assert!(made.contains("and 20 more"), "{made}");
}

#[test]
fn an_entity_page_lists_the_claims_that_claims_about_lists() {
    // Tom Reyes's claim is about Marta Vale by its sentence, not by its content: `claims
    // --about` lists it, and the entity page once did not.
    let dir = tempfile::tempdir().unwrap();
    let articles = dir.path().join("articles");
    std::fs::create_dir(&articles).unwrap();
    let text = "Port Fees\n\nMarta Vale, the port's finance director, said fees would rise.\n\n\
                Asked about Marta Vale on Monday, Tom Reyes said the harbour would stay open.\n";
    std::fs::write(articles.join("vale.txt"), text).unwrap();
    let store = dir.path().join("store");
    let out = hearsay(&store).args(["ingest", "-q"]).arg(&articles).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let listed = hearsay(&store).args(["claims", "--about", "Marta Vale", "--format", "plain"]).output().unwrap();
    let listed = String::from_utf8(listed.stdout).unwrap();
    assert!(listed.contains("Tom Reyes\tsaid"), "{listed}");
    let server = Server::start(&store, &[], &[]);
    let page = curl(&[&format!("{}entity?iri=https://w3id.org/hearsay/entity/person/marta-vale", server.url)]);
    assert_eq!(page.status, 200, "{}", page.body);
    let about = page.body.split("Claims about it").nth(1).and_then(|s| s.split("<h2>").next()).expect("the list of claims about it");
    assert!(about.contains("the harbour would stay open"), "{about}");
    let made = page.body.split("Claims it made").nth(1).and_then(|s| s.split("<h2>").next()).expect("the list of claims made");
    assert_eq!(made.matches("<li").count() + about.matches("<li").count(), listed.lines().count() - 1, "{}", page.body);
}

/// The customer's seed article that the browser walk-through names (Gorevoy cites
/// Kurdistan-24), when `../shared` is there.
const GOREVOY_SEED: &str = "../shared/corpus/seeds/001_3d1f152fd1aae984.txt";

#[test]
#[allow(clippy::print_stderr)]
fn a_reader_browses_in_headless_chromium() {
    let dir = tempfile::tempdir().unwrap();
    let store = examples_store(dir.path());
    let seed = root().join(GOREVOY_SEED);
    let (name, cited) = if seed.is_file() {
        let out = hearsay(&store).args(["ingest", "-q"]).arg(&seed).output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        ("Ruslan Gorevoy", "Kurdistan-24")
    } else {
        ("Tomas Brandt", "Baltic Freight Institute")
    };
    let server = Server::start(&store, &[], &[]);
    let mut cmd = Command::new("python3");
    cmd.arg(root().join("tests/clients/browse_chromium.py")).args([&server.url, name, cited]);
    if let Some(shots) = std::env::var_os("HEARSAY_SCREENSHOTS") {
        cmd.arg(shots);
    }
    let out = cmd.output().expect("python3 runs");
    let (stdout, stderr) = (String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    if out.status.code() == Some(3) {
        eprintln!("{}", stdout.trim());
        return;
    }
    assert!(out.status.success() && stdout.contains("browse checks passed"), "{stdout}\n{stderr}");
}
