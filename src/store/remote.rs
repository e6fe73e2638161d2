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
//! the server asks for. Credentials come from the environment, never the command line.

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
    /// The endpoint at `query` (and `graph_store`), with credentials from the environment:
    /// `HEARSAY_STORE_USER` and `HEARSAY_STORE_PASSWORD`, or `HEARSAY_STORE_TOKEN`.
    pub fn from_env(query: &str, graph_store: Option<&str>) -> Self {
        let var = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
        Self {
            query: query.to_string(),
            graph_store: graph_store.map(str::to_string),
            user: var("HEARSAY_STORE_USER"),
            password: var("HEARSAY_STORE_PASSWORD"),
            token: var("HEARSAY_STORE_TOKEN"),
        }
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
        let response = self.send_once(call)?;
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
        let hint = match status {
            StatusCode::UNAUTHORIZED if self.config.user.is_none() && self.config.token.is_none() => {
                " (sign in: set HEARSAY_STORE_USER and HEARSAY_STORE_PASSWORD, or HEARSAY_STORE_TOKEN)"
            }
            StatusCode::UNAUTHORIZED => {
                " (the server refused the credentials in HEARSAY_STORE_USER/HEARSAY_STORE_PASSWORD or HEARSAY_STORE_TOKEN)"
            }
            StatusCode::FORBIDDEN if call.method == "PUT" => " (the server does not let this user write graphs)",
            _ => "",
        };
        let message = if said.is_empty() { format!("{status}{hint}") } else { format!("{status}{hint}: {said}") };
        EndpointError::new(&call.url, Some(status.as_u16()), message)
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
    /// Each graph is PUT on its own (the server replaces it in one step); a graph the server
    /// refuses does not stop the others, and the error names how many were refused.
    fn replace_graphs(&self, graphs: &[(NamedNode, Vec<Quad>)]) -> Result<(), StoreError> {
        let mut refused: Vec<EndpointError> = Vec::new();
        for (graph, quads) in graphs {
            let mut serializer = RdfSerializer::from_format(RdfFormat::NTriples).for_writer(Vec::new());
            for quad in quads {
                serializer.serialize_triple(quad.as_ref())?;
            }
            let body = serializer.finish()?;
            let mut url = self.graph_store.clone();
            url.push(if url.contains('?') { '&' } else { '?' });
            url.push_str(&form_urlencoded::Serializer::new(String::new()).append_pair("graph", graph.as_str()).finish());
            let call = Call { method: "PUT", url, content_type: "application/n-triples", accept: "*/*", body: &body };
            match self.send(&call) {
                Ok(response) if response.status() == StatusCode::NOT_FOUND => {
                    refused.push(EndpointError::new(
                        &call.url,
                        Some(404),
                        "404 Not Found: no Graph Store endpoint at this URL (give it with --graph-store URL)",
                    ));
                }
                Ok(_) => {}
                Err(e) if e.status.is_some() => refused.push(e),
                Err(e) => return Err(e.into()),
            }
        }
        let total = graphs.len();
        match refused.len() {
            0 => Ok(()),
            1 => Err(refused.remove(0).into()),
            n => {
                let first = refused.remove(0);
                Err(EndpointError { message: format!("{n} of {total} graphs refused; the first: {}", first.message), ..first }.into())
            }
        }
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
