//! The SPARQL 1.1 Protocol: queries by GET and POST, updates by POST, and the service description.
//!
//! A query comes as the `query` parameter of a GET or of a urlencoded POST, or as the body of an
//! `application/sparql-query` POST; `default-graph-uri` and `named-graph-uri` pick the dataset,
//! else the default graph is the union of all article graphs, as in `hearsay query`, and the same
//! prefixes are predeclared. A GET without a query answers the service description. Updates are
//! refused unless the server was given a write token (see `State::authorize_write`). This module
//! does not write answers; `answer` does.

use super::answer;
use super::negotiate::{self, NegotiationError};
use super::{Refusal, Reply, State, content_type, query_params, read_body, single};
use crate::store::{PREFIXES, QueryDataset, QueryError, QueryOptions};
use oxhttp::model::{Body, Method, Request, StatusCode, header};
use oxigraph::io::RdfSerializer;
use oxigraph::model::{NamedNode, Triple, vocab::rdf};
use oxigraph::sparql::QueryResults;
use oxigraph::sparql::results::QueryResultsFormat;

/// What a request to the endpoint asks for.
enum Operation {
    Query { text: String, dataset: QueryDataset },
    Update { text: String },
    Describe,
}

/// Answers a request to `/sparql`, `/query` or `/update`.
pub fn handle(state: &State, request: &mut Request<Body>) -> Reply {
    match operation(request, state.config.max_body)? {
        Operation::Describe => describe(state, request),
        Operation::Query { text, dataset } => query(state, request, &text, dataset),
        Operation::Update { text } => {
            let store = state.authorize_write(request)?;
            let result = store.update(&text, PREFIXES);
            state.wrote();
            match result {
                Ok(()) => {
                    Ok(oxhttp::model::Response::builder().status(StatusCode::NO_CONTENT).body(Body::empty()).map_err(Refusal::internal)?)
                }
                Err(QueryError::Syntax(message)) => Err(Refusal::bad_request(format!("SPARQL syntax error at {message}"))),
                Err(e) => Err(Refusal::new(StatusCode::INTERNAL_SERVER_ERROR, e.to_string())),
            }
        }
    }
}

/// Reads the operation from the query string and, for a POST, the body.
fn operation(request: &mut Request<Body>, max_body: u64) -> Result<Operation, Refusal> {
    let mut params = query_params(request);
    let is_post = request.method() == Method::POST;
    if is_post {
        let text = |request: &mut Request<Body>| -> Result<String, Refusal> {
            String::from_utf8(read_body(request, max_body)?).map_err(|e| Refusal::bad_request(format!("the body is not UTF-8: {e}")))
        };
        match content_type(request).as_deref() {
            Some("application/x-www-form-urlencoded") => {
                params.extend(form_urlencoded::parse(&read_body(request, max_body)?).into_owned());
            }
            Some("application/sparql-query") => params.push(("query".into(), text(request)?)),
            Some("application/sparql-update") => params.push(("update".into(), text(request)?)),
            other => {
                return Err(Refusal::new(
                    StatusCode::UNSUPPORTED_MEDIA_TYPE,
                    format!(
                        "a POST needs the Content-Type application/sparql-query, application/sparql-update or application/x-www-form-urlencoded, not {}",
                        other.unwrap_or("none")
                    ),
                ));
            }
        }
    }
    let update_path = request.uri().path() == "/update";
    match (single(&params, "query")?, single(&params, "update")?) {
        (Some(_), Some(_)) => Err(Refusal::bad_request("give either query or update, not both")),
        (Some(_), None) if update_path => Err(Refusal::bad_request("/update takes updates; send queries to /sparql")),
        (Some(text), None) => Ok(Operation::Query { text, dataset: dataset(&params)? }),
        (None, Some(_)) if !is_post => Err(Refusal::bad_request("updates must be sent with POST")),
        (None, Some(text)) => Ok(Operation::Update { text }),
        (None, None) if !is_post => Ok(Operation::Describe),
        (None, None) => Err(Refusal::bad_request("the request has no query (the parameter query, or an application/sparql-query body)")),
    }
}

/// The dataset of `default-graph-uri` and `named-graph-uri`, else the union of all graphs.
fn dataset(params: &[(String, String)]) -> Result<QueryDataset, Refusal> {
    let iris = |name: &str| -> Result<Vec<NamedNode>, Refusal> {
        params
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| NamedNode::new(v.clone()).map_err(|e| Refusal::bad_request(format!("{name} {v:?} is not an IRI: {e}"))))
            .collect()
    };
    let (default, named) = (iris("default-graph-uri")?, iris("named-graph-uri")?);
    if default.is_empty() && named.is_empty() {
        return Ok(QueryDataset::Union);
    }
    Ok(QueryDataset::Graphs { default, named })
}

fn query(state: &State, request: &Request<Body>, text: &str, dataset: QueryDataset) -> Reply {
    let accept = accept(request)?;
    let deadline = state.watchdog.register();
    let timeout = state.watchdog.timeout();
    let options = QueryOptions { prefixes: PREFIXES, dataset, cancellation: Some(deadline.token.clone()) };
    let (store, text, limit, prefill) = (state.store.clone(), text.to_string(), state.config.max_results, state.config.prefill);
    answer::in_worker(deadline, timeout, move || {
        let results = match store.query_with(&text, options) {
            Ok(results) => results,
            Err(QueryError::Syntax(message)) => return Err(Refusal::bad_request(format!("SPARQL syntax error at {message}"))),
            Err(QueryError::Evaluation(e)) => return Err(answer::evaluation_refusal(e, timeout)),
            Err(e) => return Err(Refusal::internal(e)),
        };
        let accept = accept.as_deref();
        match results {
            QueryResults::Solutions(solutions) => {
                let format = negotiate::choose(accept, negotiate::RESULTS).map_err(not_acceptable)?;
                answer::solutions(solutions, format, limit, prefill, timeout)
            }
            QueryResults::Boolean(value) => answer::boolean(value, negotiate::choose(accept, negotiate::RESULTS).map_err(not_acceptable)?),
            QueryResults::Graph(triples) => {
                answer::triples(triples, negotiate::choose(accept, negotiate::GRAPHS).map_err(not_acceptable)?, limit, timeout)
            }
        }
    })
}

/// The request's `Accept` header.
pub(super) fn accept(request: &Request<Body>) -> Result<Option<String>, Refusal> {
    request
        .headers()
        .get(header::ACCEPT)
        .map(|v| v.to_str().map(str::to_string).map_err(|_| Refusal::bad_request("the Accept header is not ASCII")))
        .transpose()
}

/// 406 for a type nothing is written in, 400 for a header that does not parse.
pub(super) fn not_acceptable(e: NegotiationError) -> Refusal {
    match e {
        NegotiationError::NotAcceptable(_) => Refusal::new(StatusCode::NOT_ACCEPTABLE, e.to_string()),
        NegotiationError::Malformed(_) => Refusal::bad_request(e.to_string()),
    }
}

/// The SPARQL service description of this endpoint, in the graph format asked for.
fn describe(state: &State, request: &Request<Body>) -> Reply {
    let format = negotiate::choose(accept(request)?.as_deref(), negotiate::GRAPHS).map_err(not_acceptable)?;
    let host = request.headers().get(header::HOST).and_then(|h| h.to_str().ok()).unwrap_or("localhost");
    let endpoint = NamedNode::new(format!("http://{host}{}", request.uri().path()))
        .map_err(|e| Refusal::bad_request(format!("bad Host header: {e}")))?;
    let sd = |local: &str| NamedNode::new_unchecked(format!("http://www.w3.org/ns/sparql-service-description#{local}"));
    let service = NamedNode::new_unchecked(format!("{}#service", endpoint.as_str()));
    let mut triples = vec![
        Triple::new(service.clone(), rdf::TYPE, sd("Service")),
        Triple::new(service.clone(), sd("endpoint"), endpoint.clone()),
        Triple::new(service.clone(), sd("supportedLanguage"), sd("SPARQL11Query")),
        Triple::new(service.clone(), sd("feature"), sd("UnionDefaultGraph")),
    ];
    if state.config.write_token.is_some() {
        triples.push(Triple::new(service.clone(), sd("supportedLanguage"), sd("SPARQL11Update")));
    }
    let formats: Vec<&str> = [QueryResultsFormat::Json, QueryResultsFormat::Xml, QueryResultsFormat::Csv, QueryResultsFormat::Tsv]
        .iter()
        .map(|f| f.iri())
        .chain(negotiate::GRAPHS.iter().map(|(f, _)| f.iri()))
        .collect();
    for iri in formats {
        triples.push(Triple::new(service.clone(), sd("resultFormat"), NamedNode::new_unchecked(iri)));
    }
    triples.sort_by_cached_key(|t| t.to_string());
    let mut serializer = RdfSerializer::from_format(format)
        .with_prefix("sd", "http://www.w3.org/ns/sparql-service-description#")
        .map_err(Refusal::internal)?
        .for_writer(Vec::new());
    for triple in &triples {
        serializer.serialize_triple(triple).map_err(Refusal::internal)?;
    }
    super::ok(format.media_type(), serializer.finish().map_err(Refusal::internal)?)
}
