//! A shared store on a SPARQL server (an I/O edge): [`Endpoint`] reads through the SPARQL 1.1
//! Protocol (queries POSTed as a form, answers read with oxigraph's result and RDF parsers) and
//! writes each article's named graph through the SPARQL 1.1 Graph Store HTTP Protocol (a PUT of
//! the graph in N-Triples, which replaces it, so re-ingesting stays idempotent).
//!
//! Servers differ in three ways this module smooths over. The default graph: hearsay's queries
//! read the union of the article graphs; Oxigraph's server gives it when asked with
//! `union-default-graph`, Virtuoso's default graph is already the union of all graphs (so counts
//! of statements look only inside article graphs, and skip Virtuoso's own). Answers: Virtuoso
//! writes `xsd:boolean` values as `1` and `0` in its JSON results, read back here as `true` and
//! `false`, and cuts answers at its `ResultSetMaxRows` setting, which it says in a header and
//! which is an error here rather than a silently short answer. Sign-in: a bearer token, or a user
//! and password for HTTP Basic or Digest authentication (Virtuoso's `-auth` endpoints), whichever
//! the server asks for. Credentials come from the environment or a credentials file
//! (`credentials`), never the command line.

use super::credentials::{Credentials, CredentialsError};
use super::{GraphStore, QueryDataset, QueryError, QueryOptions, SparqlStore, StoreError, evaluator, plain_syntax_error};
use crate::vocab::dcterms;
use oxigraph::io::{RdfFormat, RdfParser, RdfSerializer};
use oxigraph::model::{Literal, NamedNode, Quad, Term, Triple};
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsParser, ReaderQueryResultsParserOutput};
use oxigraph::sparql::{QueryEvaluationError, QueryResults, QuerySolutionIter, QueryTripleIter};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use thiserror::Error;
use ureq::http::{Response, StatusCode, header};

/// How long `put_graph` pauses, at most, before trying a graph again (0.5, 1, 2 s, then it gives
/// up).
const PUT_RETRY_PAUSE_MAX: Duration = Duration::from_secs(2);

/// What hearsay accepts as a query's answer: SPARQL results for SELECT and ASK, RDF for
/// CONSTRUCT and DESCRIBE.
const ACCEPT: &str =
    "application/sparql-results+json, application/sparql-results+xml;q=0.9, application/n-triples;q=0.9, text/turtle;q=0.8";

/// Where a remote store is and how to sign in to it.
#[derive(Clone, Default)]
pub struct EndpointConfig {
    /// The SPARQL 1.1 Protocol query endpoint (`http://host:7878/query`, `http://host:8890/sparql`).
    pub query: String,
    /// The Graph Store HTTP Protocol endpoint, when it is not derived from `query`.
    pub graph_store: Option<String>,
    /// User name for HTTP Basic or Digest authentication.
    pub user: Option<String>,
    /// Password for HTTP Basic or Digest authentication.
    pub password: Option<String>,
    /// Bearer token.
    pub token: Option<String>,
}

impl std::fmt::Debug for EndpointConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("EndpointConfig")
            .field("query", &self.query)
            .field("graph_store", &self.graph_store)
            .field("user", &self.user)
            .finish()
    }
}

impl EndpointConfig {
    /// The endpoint at `query` (and `graph_store`), with credentials from the environment or
    /// the credentials file (see [`Credentials::for_endpoint`]).
    pub fn new(query: &str, graph_store: Option<&str>) -> Result<Self, CredentialsError> {
        let Credentials { user, password, token } = Credentials::for_endpoint(query)?;
        Ok(Self { query: query.to_string(), graph_store: graph_store.map(str::to_string), user, password, token })
    }

    /// The Graph Store endpoint: the one given, else Oxigraph's `/store` beside `/query`, or
    /// Virtuoso's `/sparql-graph-crud` beside `/sparql` (`/sparql-graph-crud-auth` when a user is
    /// set, as Virtuoso writes only for signed-in users there).
    fn graph_store_url(&self) -> Result<String, EndpointError> {
        if let Some(url) = &self.graph_store {
            return Ok(url.clone());
        }
        let base = self.query.split(['?', '#']).next().unwrap_or_default().trim_end_matches('/');
        if let Some(root) = base.strip_suffix("/query") {
            return Ok(format!("{root}/store"));
        }
        if let Some(root) = base.strip_suffix("/sparql") {
            return Ok(format!("{root}/sparql-graph-crud{}", if self.user.is_some() { "-auth" } else { "" }));
        }
        Err(EndpointError::new(
            &self.query,
            None,
            "cannot tell the Graph Store endpoint from this query URL (it ends neither in /query nor in /sparql): give it with --graph-store URL",
        ))
    }
}

/// A remote endpoint could not be reached, or refused or failed a request.
#[derive(Debug, Error)]
#[error("{url}: {message}")]
pub struct EndpointError {
    /// The URL asked.
    pub url: String,
    /// The HTTP status the server answered, if it answered.
    pub status: Option<u16>,
    /// What went wrong, with the server's own message.
    pub message: String,
}

impl EndpointError {
    fn new(url: &str, status: Option<u16>, message: impl Into<String>) -> Self {
        Self { url: url.to_string(), status, message: message.into() }
    }
}

/// Article graphs a server did not write: refused, not reached, or not held as sent when read
/// back. A server that cannot be reached or refuses the credentials stops the batch: the graphs
/// after it are `unsent`.
#[derive(Debug)]
pub struct WriteError {
    /// Each graph not written, with why; never empty.
    pub failures: Vec<(NamedNode, EndpointError)>,
    /// Whether the batch stopped at a failure that would fail every later write too (the server
    /// cannot be reached, or refuses the credentials), so that a run should stop.
    pub stopped: bool,
    /// Graphs of the batch not sent after it stopped.
    pub unsent: Vec<NamedNode>,
}

impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let Some((graph, first)) = self.failures.first() else { return write!(f, "no graph was written") };
        let total = self.failures.len() + self.unsent.len();
        write!(f, "{total} graphs not written; the first, {graph}: {first}")
    }
}

impl std::error::Error for WriteError {}

/// How the server asked to be signed in to, learnt from its first 401.
enum Challenge {
    /// Not asked yet: send the token if there is one, else nothing.
    None,
    /// HTTP Basic: send the user and password with every request.
    Basic,
    /// HTTP Digest: answer the server's challenge (its nonce, counted up per request).
    Digest(Box<digest_auth::WwwAuthenticateHeader>),
}

/// A store on a SPARQL server: queries through the SPARQL 1.1 Protocol, graph writes through the
/// Graph Store HTTP Protocol.
pub struct Endpoint {
    config: EndpointConfig,
    graph_store: String,
    agent: ureq::Agent,
    challenge: Mutex<Challenge>,
}

impl std::fmt::Debug for Endpoint {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Endpoint").field("query", &self.config.query).field("graph_store", &self.graph_store).finish()
    }
}

/// One HTTP request, kept so that it can be sent again with credentials.
struct Call<'a> {
    method: &'static str,
    url: String,
    content_type: &'a str,
    accept: &'a str,
    body: &'a [u8],
}

impl Endpoint {
    /// The endpoint `config` describes; nothing is sent until it is used.
    pub fn new(config: EndpointConfig) -> Result<Self, EndpointError> {
        if !config.query.starts_with("http://") && !config.query.starts_with("https://") {
            return Err(EndpointError::new(&config.query, None, "a SPARQL endpoint URL starts with http:// or https://"));
        }
        let graph_store = config.graph_store_url()?;
        let agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            // A redirected PUT or POST would come back as a GET that answers 200: a write lost
            // as a success. A redirect is an error that says where to.
            .max_redirects(0)
            .timeout_connect(Some(Duration::from_secs(30)))
            .timeout_global(Some(Duration::from_secs(3600)))
            .build()
            .into();
        Ok(Self { config, graph_store, agent, challenge: Mutex::new(Challenge::None) })
    }

    /// The Graph Store endpoint the graphs are written to.
    pub fn graph_store(&self) -> &str {
        &self.graph_store
    }

    /// Sends `call`, signing in when the server asks (a 401 with `WWW-Authenticate`) and the
    /// environment gave credentials; an error for any answer outside 2xx but 404.
    fn send(&self, call: &Call) -> Result<Response<ureq::Body>, EndpointError> {
        let response = match self.send_once(call) {
            // A server that refuses a request signed for another endpoint or with a stale nonce
            // may answer 401 and close the connection before it has read the body (Virtuoso's
            // Digest endpoints): writing the body then fails ("Broken pipe"). Ask the same URL
            // without a body for its challenge, then send once more.
            // Credentials the server refuses get the same early close on every try: the probe,
            // signed with the challenge it brought, answers 401 again, and that is the error.
            // Without credentials the probe's 401 is the error (it says how to sign in), not the
            // closed connection.
            Err(error) if !call.body.is_empty() => {
                let probe = Call { method: "GET", url: call.url.clone(), content_type: "", accept: "*/*", body: &[] };
                let answer = match self.send_once(&probe) {
                    Ok(answer) if self.config.user.is_some() => answer,
                    Ok(answer) if answer.status() == StatusCode::UNAUTHORIZED => return Err(self.refusal(call, answer)),
                    _ => return Err(error),
                };
                if answer.status() == StatusCode::UNAUTHORIZED && self.learn_challenge(&answer) {
                    let signed = self.send_once(&probe)?;
                    if signed.status() == StatusCode::UNAUTHORIZED {
                        return Err(self.refusal(call, signed));
                    }
                }
                self.send_once(call)?
            }
            other => other?,
        };
        let response =
            if response.status() == StatusCode::UNAUTHORIZED && self.learn_challenge(&response) { self.send_once(call)? } else { response };
        match response.status().as_u16() {
            200..=299 | 404 => Ok(response),
            _ => Err(self.refusal(call, response)),
        }
    }

    fn send_once(&self, call: &Call) -> Result<Response<ureq::Body>, EndpointError> {
        let mut request = ureq::http::Request::builder().method(call.method).uri(&call.url).header(header::ACCEPT, call.accept);
        if !call.content_type.is_empty() {
            request = request.header(header::CONTENT_TYPE, call.content_type);
        }
        if let Some(authorization) = self.authorization(call) {
            request = request.header(header::AUTHORIZATION, authorization);
        }
        let request = request.body(call.body).map_err(|e| EndpointError::new(&call.url, None, e.to_string()))?;
        self.agent.run(request).map_err(|e| EndpointError::new(&call.url, None, format!("cannot reach the SPARQL server: {e}")))
    }

    /// The `Authorization` header for `call`, if any.
    fn authorization(&self, call: &Call) -> Option<String> {
        let mut challenge = self.challenge.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let (user, password) = (self.config.user.as_deref(), self.config.password.as_deref().unwrap_or_default());
        match (&mut *challenge, user) {
            (Challenge::Basic, Some(user)) => {
                use base64::Engine as _;
                Some(format!("Basic {}", base64::engine::general_purpose::STANDARD.encode(format!("{user}:{password}"))))
            }
            (Challenge::Digest(prompt), Some(user)) => {
                let uri = request_uri(&call.url);
                let method = digest_auth::HttpMethod(call.method.into());
                let context = digest_auth::AuthContext::new_with_method(user, password, uri, Some(call.body), method);
                prompt.respond(&context).ok().map(|answer| answer.to_header_string())
            }
            _ => self.config.token.as_ref().map(|token| format!("Bearer {token}")),
        }
    }

    /// Remembers how a 401 asks to sign in; false when there is nothing to answer it with.
    fn learn_challenge(&self, response: &Response<ureq::Body>) -> bool {
        if self.config.user.is_none() {
            return false;
        }
        let mut learnt = None;
        for value in response.headers().get_all(header::WWW_AUTHENTICATE) {
            let value = value.to_str().unwrap_or_default().trim();
            let scheme = value.split_whitespace().next().unwrap_or_default().to_ascii_lowercase();
            if scheme == "digest" {
                if let Ok(prompt) = digest_auth::parse(value) {
                    learnt = Some(Challenge::Digest(Box::new(prompt)));
                    break;
                }
            } else if scheme == "basic" {
                learnt = Some(Challenge::Basic);
            }
        }
        let Some(learnt) = learnt else { return false };
        *self.challenge.lock().unwrap_or_else(std::sync::PoisonError::into_inner) = learnt;
        true
    }

    /// An error for a response outside 2xx, with the server's message (the text of an HTML
    /// page, the first lines of anything else).
    fn refusal(&self, call: &Call, mut response: Response<ureq::Body>) -> EndpointError {
        let status = response.status();
        let is_html = response.headers().get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).is_some_and(|v| v.contains("html"));
        let body = response.body_mut().read_to_string().unwrap_or_default();
        let text = if is_html { dom_query::Document::from(body.as_str()).select("body").text().to_string() } else { body };
        let said: String = text.split_whitespace().collect::<Vec<_>>().join(" ").chars().take(600).collect();
        let hint: String = match status {
            StatusCode::UNAUTHORIZED if self.config.user.is_none() && self.config.token.is_none() => {
                " (sign in: set HEARSAY_STORE_USER and HEARSAY_STORE_PASSWORD, or HEARSAY_STORE_TOKEN, or give this endpoint an entry in the credentials file)".into()
            }
            StatusCode::UNAUTHORIZED => {
                " (the server refused the credentials from HEARSAY_STORE_USER/HEARSAY_STORE_PASSWORD, HEARSAY_STORE_TOKEN or the credentials file)".into()
            }
            StatusCode::FORBIDDEN if call.method == "PUT" => " (the server does not let this user write graphs)".into(),
            _ if status.is_redirection() => {
                let to = response.headers().get(header::LOCATION).and_then(|v| v.to_str().ok()).unwrap_or("elsewhere");
                format!(" (the server redirects to {to}: give that URL)")
            }
            _ => String::new(),
        };
        let message = if said.is_empty() { format!("{status}{hint}") } else { format!("{status}{hint}: {said}") };
        EndpointError::new(&call.url, Some(status.as_u16()), message)
    }

    /// PUTs one graph, again after a pause when the server could not be reached or was
    /// unavailable (a PUT replaces the graph, so sending it twice is harmless).
    fn put_graph(&self, graph: &NamedNode, body: &[u8]) -> Result<(), EndpointError> {
        let mut url = self.graph_store.clone();
        url.push(if url.contains('?') { '&' } else { '?' });
        url.push_str(&form_urlencoded::Serializer::new(String::new()).append_pair("graph", graph.as_str()).finish());
        let call = Call { method: "PUT", url, content_type: "application/n-triples", accept: "*/*", body };
        let mut pause = Duration::from_millis(500);
        loop {
            match self.send(&call) {
                Ok(response) if response.status() == StatusCode::NOT_FOUND => {
                    let message = "404 Not Found: no Graph Store endpoint at this URL (give it with --graph-store URL)";
                    return Err(EndpointError::new(&call.url, Some(404), message));
                }
                Ok(mut response) => {
                    // Read to the end: the answer is whole only when the server is done.
                    let _ = response.body_mut().with_config().limit(1 << 20).read_to_vec();
                    return Ok(());
                }
                Err(e) if pause <= PUT_RETRY_PAUSE_MAX && matches!(e.status, None | Some(502..=504)) => {
                    std::thread::sleep(pause);
                    pause *= 2;
                }
                Err(e) => return Err(e),
            }
        }
    }

    /// The graphs of `sent` (each with the number of statements PUT) that the server does not
    /// hold with that many statements, read back in one query per 64 graphs. A server may
    /// answer a PUT with success without having written (one behind a proxy that redirects, or
    /// another process on the port), so a write counts only once it is read back.
    fn read_back(&self, sent: &[(&NamedNode, usize)]) -> Vec<(NamedNode, EndpointError)> {
        let mut missing = Vec::new();
        for chunk in sent.chunks(64) {
            let blocks: Vec<String> = chunk.iter().map(|(g, _)| format!("{{ GRAPH {g} {{ ?s ?p ?o }} BIND({g} AS ?g) }}")).collect();
            let query = format!("SELECT ?g (COUNT(*) AS ?n) WHERE {{ {} }} GROUP BY ?g", blocks.join(" UNION "));
            let held = match self.counts(&query) {
                Ok(held) => held,
                Err(e) => {
                    let why = format!("the graph was sent but cannot be read back: {e}");
                    missing.extend(chunk.iter().map(|(g, _)| ((*g).clone(), EndpointError::new(&self.config.query, None, why.clone()))));
                    continue;
                }
            };
            for (graph, count) in chunk {
                let found = held.get(graph.as_str()).copied().unwrap_or(0);
                if found != *count as u64 {
                    let why = format!("the server answered the PUT with success, but holds {found} of the {count} statements sent");
                    missing.push(((*graph).clone(), EndpointError::new(&self.config.query, None, why)));
                }
            }
        }
        missing
    }

    /// The `?g` and `?n` columns of a query's answer, as graph IRI and count.
    fn counts(&self, query: &str) -> Result<std::collections::HashMap<String, u64>, QueryError> {
        let mut counts = std::collections::HashMap::new();
        if let QueryResults::Solutions(solutions) = self.query(query)? {
            for row in solutions {
                let row = row?;
                if let (Some(Term::NamedNode(g)), Some(Term::Literal(n))) = (row.get("g"), row.get("n")) {
                    counts.insert(g.as_str().to_string(), n.value().parse().unwrap_or(0));
                }
            }
        }
        Ok(counts)
    }

    /// The form a query is POSTed with: the text with `prefixes` declared before it, and the
    /// dataset (`union-default-graph`, Oxigraph's way to ask for the union, which servers whose
    /// default graph is the union ignore; or `default-graph-uri` and `named-graph-uri`).
    fn query_form(sparql: &str, options: &QueryOptions) -> String {
        let mut text = String::new();
        for (prefix, namespace) in options.prefixes {
            text.push_str(&format!("PREFIX {prefix}: <{namespace}>\n"));
        }
        text.push_str(sparql);
        let mut form = form_urlencoded::Serializer::new(String::new());
        form.append_pair("query", &text);
        match &options.dataset {
            QueryDataset::Union => {
                form.append_pair("union-default-graph", "");
            }
            QueryDataset::Graphs { default, named } => {
                for graph in default {
                    form.append_pair("default-graph-uri", graph.as_str());
                }
                for graph in named {
                    form.append_pair("named-graph-uri", graph.as_str());
                }
            }
        }
        form.finish()
    }
}

/// The path and query of `url`, which Digest authentication signs.
fn request_uri(url: &str) -> &str {
    let after_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
    after_scheme.find('/').map_or("/", |i| &after_scheme[i..])
}

/// The media type of a response, without parameters.
fn media_type(response: &Response<ureq::Body>) -> String {
    let value = response.headers().get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or_default();
    value.split(';').next().unwrap_or_default().trim().to_ascii_lowercase()
}

/// `term` in its canonical form: Virtuoso answers `xsd:boolean` values as `1` and `0`.
fn canonical(term: Term) -> Term {
    match &term {
        Term::Literal(l) if l.datatype() == oxigraph::model::vocab::xsd::BOOLEAN && matches!(l.value(), "1" | "0") => {
            Literal::from(l.value() == "1").into()
        }
        _ => term,
    }
}

fn service_error(url: &str, e: impl std::fmt::Display) -> QueryEvaluationError {
    QueryEvaluationError::Service(Box::new(EndpointError::new(url, None, format!("the answer does not parse: {e}"))))
}

/// A query's answer read from `response` as it arrives.
fn read_results(url: &str, response: Response<ureq::Body>) -> Result<QueryResults<'static>, QueryError> {
    let media_type = media_type(&response);
    let url = url.to_string();
    let reader = response.into_body().into_reader();
    if let Some(format) = QueryResultsFormat::from_media_type(&media_type) {
        let parsed = QueryResultsParser::from_format(format).for_reader(reader).map_err(|e| service_error(&url, e))?;
        return Ok(match parsed {
            ReaderQueryResultsParserOutput::Boolean(value) => QueryResults::Boolean(value),
            ReaderQueryResultsParserOutput::Solutions(solutions) => {
                let variables: Arc<[oxigraph::sparql::Variable]> = solutions.variables().into();
                let rows = solutions.map(move |row| {
                    let row = row.map_err(|e| service_error(&url, e))?;
                    Ok(row.values().iter().map(|v| v.clone().map(canonical)).collect())
                });
                QueryResults::Solutions(QuerySolutionIter::from_tuples(variables, rows))
            }
        });
    }
    if let Some(format) = RdfFormat::from_media_type(&media_type) {
        let quads = RdfParser::from_format(format).for_reader(reader);
        let triples = quads.map(move |quad| {
            let quad = quad.map_err(|e| service_error(&url, e))?;
            Ok(Triple::new(quad.subject, quad.predicate, canonical(quad.object)))
        });
        return Ok(QueryResults::Graph(QueryTripleIter::new(triples)));
    }
    Err(EndpointError::new(&url, None, format!("the server answered in {media_type:?}, which is neither SPARQL results nor RDF")).into())
}

impl SparqlStore for Endpoint {
    /// The query is parsed here first, so that a syntax error is reported at its line:column in
    /// the query's own text, whatever the server's messages look like.
    fn query_with(&self, sparql: &str, options: QueryOptions) -> Result<QueryResults<'static>, QueryError> {
        drop(evaluator(options.prefixes).parse_query(sparql).map_err(|e| QueryError::Syntax(plain_syntax_error(sparql, &e)))?);
        let form = Self::query_form(sparql, &options);
        let call = Call {
            method: "POST",
            url: self.config.query.clone(),
            content_type: "application/x-www-form-urlencoded",
            accept: ACCEPT,
            body: form.as_bytes(),
        };
        let response = self.send(&call)?;
        if response.status() == StatusCode::NOT_FOUND {
            return Err(EndpointError::new(&call.url, Some(404), "404 Not Found: no SPARQL endpoint at this URL").into());
        }
        if let Some(rows) = response.headers().get("x-sparql-maxrows") {
            let rows = rows.to_str().unwrap_or("?");
            let message = format!(
                "the server cut the answer at {rows} rows (Virtuoso's ResultSetMaxRows in the [SPARQL] section of virtuoso.ini); raise it so that hearsay sees the whole graph"
            );
            return Err(EndpointError::new(&call.url, None, message).into());
        }
        read_results(&call.url, response)
    }

    fn location(&self) -> String {
        self.config.query.clone()
    }
}

impl GraphStore for Endpoint {
    /// Each graph is PUT on its own (the server replaces it in one step), then the batch is read
    /// back: a graph refused, not reached, or held with other than the statements sent is a
    /// [`WriteError`] that names it. A graph the server refuses does not stop the others, but a
    /// server that cannot be reached or refuses the credentials stops the batch.
    fn replace_graphs(&self, graphs: Vec<(NamedNode, Vec<Quad>)>) -> Result<(), StoreError> {
        let mut failures = Vec::new();
        let mut sent = Vec::new();
        for (i, (graph, quads)) in graphs.iter().enumerate() {
            let mut serializer = RdfSerializer::from_format(RdfFormat::NTriples).for_writer(Vec::new());
            for quad in quads {
                serializer.serialize_triple(quad.as_ref())?;
            }
            match self.put_graph(graph, &serializer.finish()?) {
                Ok(()) => sent.push((graph, quads.len())),
                Err(e) => {
                    let fatal = matches!(e.status, None | Some(401 | 403));
                    failures.push((graph.clone(), e));
                    if fatal {
                        let unsent = graphs[i + 1..].iter().map(|(g, _)| g.clone()).collect();
                        return Err(WriteError { failures, stopped: true, unsent }.into());
                    }
                }
            }
        }
        failures.extend(self.read_back(&sent));
        if failures.is_empty() { Ok(()) } else { Err(WriteError { failures, stopped: false, unsent: Vec::new() }.into()) }
    }

    fn article_path(&self, article: &NamedNode) -> Result<Option<String>, StoreError> {
        let query = format!("SELECT ?path WHERE {{ GRAPH {article} {{ {article} <{}> ?path }} }}", dcterms::SOURCE.as_str());
        if let QueryResults::Solutions(mut solutions) = self.query(&query)? {
            if let Some(row) = solutions.next() {
                if let Some(Term::Literal(path)) = row.map_err(QueryError::from)?.get("path") {
                    return Ok(Some(path.value().to_string()));
                }
            }
        }
        Ok(None)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_graph_store_endpoint_is_derived_for_oxigraph_and_virtuoso_or_asked_for() {
        let url = |query: &str, user: Option<&str>| {
            EndpointConfig { query: query.into(), user: user.map(str::to_string), ..EndpointConfig::default() }.graph_store_url()
        };
        assert_eq!(url("http://localhost:7878/query", None).unwrap(), "http://localhost:7878/store");
        assert_eq!(url("http://localhost:8890/sparql/", None).unwrap(), "http://localhost:8890/sparql-graph-crud");
        assert_eq!(url("http://localhost:8890/sparql", Some("dba")).unwrap(), "http://localhost:8890/sparql-graph-crud-auth");
        assert!(url("http://localhost:3030/ds", None).unwrap_err().message.contains("--graph-store"));
    }

    #[test]
    fn digest_authentication_signs_the_path_and_query() {
        assert_eq!(request_uri("http://h:1/sparql-graph-crud-auth?graph=x"), "/sparql-graph-crud-auth?graph=x");
        assert_eq!(request_uri("http://h:1"), "/");
    }

    #[test]
    fn virtuoso_booleans_read_as_true_and_false() {
        let one = Literal::new_typed_literal("1", oxigraph::model::vocab::xsd::BOOLEAN);
        assert_eq!(canonical(one.into()), Term::from(Literal::from(true)));
        let five = Term::from(Literal::from(5));
        assert_eq!(canonical(five.clone()), five);
    }

    #[test]
    fn an_endpoint_needs_an_http_url_and_an_unreachable_one_is_named() {
        assert!(Endpoint::new(EndpointConfig { query: "ftp://x/sparql".into(), ..EndpointConfig::default() }).is_err());
        // Port 9 on loopback (discard) is closed on any test machine.
        let endpoint = Endpoint::new(EndpointConfig { query: "http://127.0.0.1:9/query".into(), ..EndpointConfig::default() }).unwrap();
        let Err(e) = endpoint.query("ASK {}") else { panic!("a closed port answered") };
        let e = e.to_string();
        assert!(e.starts_with("http://127.0.0.1:9/query: cannot reach the SPARQL server"), "{e}");
    }
}
