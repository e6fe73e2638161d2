//! The SPARQL 1.1 Graph Store Protocol at `/store?graph=<iri>`: an article's named graph.
//!
//! GET and HEAD answer one named graph in the format negotiated (sorted, so the same graph gives
//! the same bytes) or 404. PUT (replace), POST (add) and DELETE need the write token, like SPARQL
//! updates; without one the server is read-only and answers 403. There is no default graph to
//! read or write here: the store keeps every statement in an article's graph, and `hearsay
//! export` writes the whole store.

use super::negotiate;
use super::protocol::{accept, not_acceptable};
use super::{Refusal, Reply, State, content_type, query_params, read_body, single};
use crate::store::{GraphStore, SparqlStore, Store};
use oxhttp::model::{Body, Method, Request, Response, StatusCode};
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{GraphName, NamedNode, Quad};

/// Answers a request to `/store`.
pub fn handle(state: &State, request: &mut Request<Body>) -> Reply {
    let graph = target(request)?;
    match request.method().clone() {
        Method::GET => read(state, request, &graph),
        Method::HEAD => {
            let mut response = read(state, request, &graph)?;
            *response.body_mut() = Body::empty();
            Ok(response)
        }
        Method::PUT | Method::POST => {
            let store = state.authorize_write(request)?;
            write(state, store, request, &graph)
        }
        Method::DELETE => {
            let removed = state.authorize_write(request)?.remove_graph(&graph).map_err(Refusal::internal)?;
            state.wrote();
            if !removed {
                return Err(missing(&graph));
            }
            status(StatusCode::NO_CONTENT)
        }
        method => Err(Refusal::new(StatusCode::METHOD_NOT_ALLOWED, format!("{method} is not supported on /store"))),
    }
}

/// The graph the request names with `?graph=`.
fn target(request: &Request<Body>) -> Result<NamedNode, Refusal> {
    let params = query_params(request);
    match single(&params, "graph")? {
        Some(iri) => NamedNode::new(iri.clone()).map_err(|e| Refusal::bad_request(format!("graph {iri:?} is not an IRI: {e}"))),
        None if params.iter().any(|(k, _)| k == "default") => Err(Refusal::bad_request(
            "this store keeps every statement in an article's named graph; ask for one with ?graph=<article IRI> (the whole store: hearsay export)",
        )),
        None => Err(Refusal::bad_request("name a graph: /store?graph=<article IRI>")),
    }
}

fn read(state: &State, request: &Request<Body>, graph: &NamedNode) -> Reply {
    if !state.store.contains_graph(graph).map_err(Refusal::internal)? {
        return Err(missing(graph));
    }
    let format = negotiate::choose(accept(request)?.as_deref(), negotiate::GRAPHS).map_err(not_acceptable)?;
    let mut body = Vec::new();
    state.store.export(Some(graph), format, &mut body).map_err(Refusal::internal)?;
    super::ok(format.media_type(), body)
}

/// PUT replaces the graph with the body's triples, POST adds them; 201 when the graph is new.
fn write(state: &State, store: &Store, request: &mut Request<Body>, graph: &NamedNode) -> Reply {
    let media_type = content_type(request).unwrap_or_default();
    let format = RdfFormat::from_media_type(&media_type).filter(|f| !f.supports_datasets()).ok_or_else(|| {
        Refusal::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            format!("cannot read a graph from {media_type:?}; send text/turtle or application/n-triples"),
        )
    })?;
    let body = read_body(request, state.config.max_body)?;
    let parser = RdfParser::from_format(format)
        .with_base_iri(graph.as_str())
        .map_err(Refusal::internal)?
        .without_named_graphs()
        .with_default_graph(GraphName::NamedNode(graph.clone()));
    let quads: Vec<Quad> =
        parser.for_slice(&body).collect::<Result<_, _>>().map_err(|e| Refusal::bad_request(format!("the body does not parse: {e}")))?;
    let existed = store.contains_graph(graph).map_err(Refusal::internal)?;
    let written =
        if request.method() == Method::PUT { store.replace_graphs(vec![(graph.clone(), quads)]) } else { store.add_quads(&quads) };
    state.wrote();
    written.map_err(Refusal::internal)?;
    status(if existed { StatusCode::NO_CONTENT } else { StatusCode::CREATED })
}

fn missing(graph: &NamedNode) -> Refusal {
    Refusal::new(StatusCode::NOT_FOUND, format!("the store has no graph {graph}"))
}

fn status(status: StatusCode) -> Reply {
    Response::builder().status(status).body(Body::empty()).map_err(Refusal::internal)
}
