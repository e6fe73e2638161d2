//! `hearsay serve`: the store over HTTP (an I/O edge, like `store`).
//!
//! A SPARQL 1.1 Protocol endpoint at `/sparql` and `/query` (`protocol`, with `negotiate` for
//! formats and `answer` for writing answers within a timeout and a result limit), the read side of
//! the Graph Store Protocol at `/store` (`gsp`), pages to browse entities, articles and citation
//! diagrams at `/` (`pages`, `html`), and an authenticated route through which `hearsay ingest`
//! writes to a store this server holds (`forward`). The HTTP stack is oxhttp, the one oxigraph's
//! own server uses: a thread per connection, with connection and socket timeouts.
//!
//! Safe by default: read-only (updates and Graph Store writes answer 403 unless a write token is
//! configured, and then 401 without it), a timeout and a result limit per query, a body size
//! limit, no CORS unless asked, no file served from disk (pages and assets are compiled in), and
//! every name and text escaped in pages. This module does not analyse articles; `hearsay ingest`
//! does, and sends graphs here.

mod answer;
pub use answer::PREFILL;
mod deadline;
pub mod forward;
mod gsp;
mod html;
pub mod negotiate;
mod pages;
mod protocol;

use crate::facts::Facts;
use crate::rdf::Iris;
use crate::store::{Endpoint, SparqlStore, Store};
use oxhttp::Server;
use oxhttp::model::{Body, HeaderValue, Method, Request, Response, StatusCode, header};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use thiserror::Error;

/// How the server runs.
#[derive(Debug, Clone)]
pub struct Config {
    /// The address to listen on; port 0 picks a free port.
    pub bind: SocketAddr,
    /// The longest a query may run.
    pub timeout: Duration,
    /// The most solutions or triples one answer may hold.
    pub max_results: u64,
    /// The bytes of a SELECT answer written before its status is sent; a failure after them
    /// aborts the stream.
    pub prefill: usize,
    /// The largest request body accepted for queries, updates and Graph Store writes, in bytes.
    pub max_body: u64,
    /// The largest batch of graphs `hearsay ingest` may send at once, in bytes.
    pub max_ingest_body: u64,
    /// Answer cross-origin requests (`Access-Control-Allow-Origin: *`).
    pub cors: bool,
    /// The bearer token that allows SPARQL updates and Graph Store writes; none: read-only.
    pub write_token: Option<String>,
    /// The IRIs the store's graphs were minted with (for the pages).
    pub iris: Iris,
    /// The store's folder, where the server leaves its address for `hearsay ingest`.
    pub store_dir: Option<PathBuf>,
}

/// What can stop the server from starting.
#[derive(Debug, Error)]
pub enum ServeError {
    /// The address cannot be listened on.
    #[error("cannot listen on {address}: {source}")]
    Bind {
        /// The address.
        address: SocketAddr,
        /// Why.
        source: std::io::Error,
    },
    /// The file that tells `hearsay ingest` where the server is cannot be written.
    #[error("cannot write {path}: {source}")]
    ServerFile {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// A thread could not be started.
    #[error("cannot start the server: {0}")]
    Start(#[from] std::io::Error),
}

/// A running server.
pub struct Running {
    address: SocketAddr,
    server: oxhttp::ListeningServer,
    server_file: Option<forward::ServerFileGuard>,
}

impl Running {
    /// The address it listens on (with the port chosen when port 0 was asked for).
    pub fn address(&self) -> SocketAddr {
        self.address
    }

    /// Waits until the server stops (it does not, unless a listener thread fails).
    pub fn join(self) -> std::io::Result<()> {
        let _file = self.server_file;
        self.server.join()
    }
}

/// What every request handler shares.
pub(crate) struct State {
    /// What queries and pages read.
    store: Arc<dyn SparqlStore>,
    /// The embedded store, which writes go to; none when serving a remote endpoint.
    local: Option<Store>,
    config: Config,
    watchdog: deadline::Watchdog,
    /// The token `hearsay ingest` sends, from the server file.
    ingest_token: String,
    /// Bumped by every write, so that cached pages are made again.
    generation: AtomicU64,
    /// The home page, which ranks every cited source.
    home: Mutex<Option<(u64, String)>>,
    /// The citation network's diagram, which reads every article's claims.
    network: Mutex<Option<(u64, String)>>,
}

/// An HTTP error answer: a status and a plain-text message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Refusal {
    status: StatusCode,
    message: String,
}

impl Refusal {
    fn new(status: StatusCode, message: impl Into<String>) -> Self {
        Self { status, message: message.into() }
    }

    fn bad_request(message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, message)
    }

    fn internal(message: impl std::fmt::Display) -> Self {
        tracing::error!("internal error: {message}");
        Self::new(StatusCode::INTERNAL_SERVER_ERROR, format!("internal error: {message}"))
    }

    fn into_response(self) -> Response<Body> {
        let mut message = self.message;
        message.push('\n');
        let mut response = Response::new(Body::from(message));
        *response.status_mut() = self.status;
        set(&mut response, header::CONTENT_TYPE, "text/plain; charset=utf-8");
        if self.status == StatusCode::UNAUTHORIZED {
            set(&mut response, header::WWW_AUTHENTICATE, "Bearer");
        }
        response
    }
}

/// A handler's answer.
pub(crate) type Reply = Result<Response<Body>, Refusal>;

/// The store a server answers from.
#[derive(Debug)]
pub enum Served {
    /// The embedded store, held for writing.
    Embedded(Store),
    /// A store on a SPARQL server, read from only (write to it directly).
    Remote(Endpoint),
}

/// Starts serving `served`; returns once the server listens.
pub fn start(served: Served, config: Config) -> Result<Running, ServeError> {
    let (store, local): (Arc<dyn SparqlStore>, Option<Store>) = match served {
        Served::Embedded(store) => (Arc::new(store.clone()), Some(store)),
        Served::Remote(endpoint) => (Arc::new(endpoint), None),
    };
    let address = free_address(config.bind)?;
    let server_file = match &config.store_dir {
        Some(dir) => Some(forward::ServerFileGuard::write(dir, address)?),
        None => None,
    };
    let ingest_token = server_file.as_ref().map(|f| f.token().to_string()).unwrap_or_else(forward::new_token);
    let watchdog = deadline::Watchdog::start(config.timeout)?;
    // Sockets wait at most this long for a slow client; queries have their own timeout.
    let socket_timeout = config.timeout.max(Duration::from_secs(60)) + Duration::from_secs(30);
    let state = Arc::new(State {
        store,
        local,
        config,
        watchdog,
        ingest_token,
        generation: AtomicU64::new(0),
        home: Mutex::new(None),
        network: Mutex::new(None),
    });
    let server = Server::new(move |request| handle(&state, request))
        .with_global_timeout(socket_timeout)
        .with_server_name(concat!("hearsay/", env!("CARGO_PKG_VERSION")))
        .map_err(|e| ServeError::Start(std::io::Error::other(e)))?
        .with_max_concurrent_connections(std::thread::available_parallelism().map_or(4, |n| n.get()) * 64)
        .bind(address)
        .spawn()
        .map_err(|source| ServeError::Bind { address, source })?;
    Ok(Running { address, server, server_file })
}

/// `bind`, with a free port picked when it asks for port 0 (oxhttp does not tell which port it
/// got, so the port is found first and then listened on).
fn free_address(bind: SocketAddr) -> Result<SocketAddr, ServeError> {
    if bind.port() != 0 {
        return Ok(bind);
    }
    let listener = std::net::TcpListener::bind(bind).map_err(|source| ServeError::Bind { address: bind, source })?;
    listener.local_addr().map_err(|source| ServeError::Bind { address: bind, source })
}

fn handle(state: &State, request: &mut Request<Body>) -> Response<Body> {
    let mut response = route(state, request).unwrap_or_else(Refusal::into_response);
    set(&mut response, header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    set(&mut response, header::REFERRER_POLICY, "no-referrer");
    if state.config.cors && request.headers().contains_key(header::ORIGIN) {
        set(&mut response, header::ACCESS_CONTROL_ALLOW_ORIGIN, "*");
    }
    tracing::info!("{} {} {}", request.method(), request.uri().path(), response.status().as_u16());
    response
}

fn route(state: &State, request: &mut Request<Body>) -> Reply {
    let path = request.uri().path().to_string();
    let method = request.method().clone();
    match (method, path.as_str()) {
        (Method::OPTIONS, _) if state.config.cors => Ok(preflight(request)),
        (Method::GET | Method::HEAD | Method::POST, "/sparql" | "/query") => protocol::handle(state, request),
        (Method::POST, "/update") => protocol::handle(state, request),
        (_, "/store") => gsp::handle(state, request),
        (Method::POST, forward::GRAPHS_ROUTE) => forward::receive(state, request),
        (Method::GET, forward::ARTICLE_PATH_ROUTE) => forward::article_path(state, request),
        (Method::GET | Method::HEAD, _) => pages::handle(state, request),
        (method, path) => Err(Refusal::new(StatusCode::METHOD_NOT_ALLOWED, format!("{method} {path} is not supported"))),
    }
}

/// The answer to a CORS preflight request.
fn preflight(request: &Request<Body>) -> Response<Body> {
    let mut response = Response::new(Body::empty());
    *response.status_mut() = StatusCode::NO_CONTENT;
    set(&mut response, header::ACCESS_CONTROL_ALLOW_ORIGIN, "*");
    set(&mut response, header::ACCESS_CONTROL_ALLOW_METHODS, "GET, HEAD, POST");
    if let Some(headers) = request.headers().get(header::ACCESS_CONTROL_REQUEST_HEADERS) {
        response.headers_mut().insert(header::ACCESS_CONTROL_ALLOW_HEADERS, headers.clone());
    }
    response
}

impl State {
    /// Refuses a write unless the server has a write token and the request carries it.
    /// The embedded store, for writes; a remote store takes its writes itself.
    fn local(&self) -> Result<&Store, Refusal> {
        self.local.as_ref().ok_or_else(|| {
            Refusal::new(
                StatusCode::FORBIDDEN,
                format!("this server reads the SPARQL endpoint {}; write to that server directly", self.store.location()),
            )
        })
    }

    /// The store to write to, if the request carries the write token.
    fn authorize_write(&self, request: &Request<Body>) -> Result<&Store, Refusal> {
        let store = self.local()?;
        let Some(token) = &self.config.write_token else {
            return Err(Refusal::new(
                StatusCode::FORBIDDEN,
                "this server is read-only (start it with --writable and a token in HEARSAY_WRITE_TOKEN to allow updates)",
            ));
        };
        if bearer_matches(request, token) {
            Ok(store)
        } else {
            Err(Refusal::new(StatusCode::UNAUTHORIZED, "writes need the header Authorization: Bearer <token>"))
        }
    }

    /// Notes that the store changed.
    fn wrote(&self) {
        self.generation.fetch_add(1, Ordering::SeqCst);
    }

    /// A page computed by `make`, kept in `slot` until the next write.
    fn cached_page(&self, slot: &Mutex<Option<(u64, String)>>, make: impl FnOnce() -> Result<String, Refusal>) -> Result<String, Refusal> {
        let generation = self.generation.load(Ordering::SeqCst);
        if let Some((cached, page)) = slot.lock().map_err(Refusal::internal)?.as_ref() {
            if *cached == generation {
                return Ok(page.clone());
            }
        }
        let page = make()?;
        *slot.lock().map_err(Refusal::internal)? = Some((generation, page.clone()));
        Ok(page)
    }

    /// The claims of the articles `nodes` take part in: every claim they made, are cited in or
    /// are mentioned around, as `hearsay trace` and `claims --about` read them.
    fn claims_around(&self, nodes: &[String]) -> Result<Facts, Refusal> {
        crate::load::claims_around(&*self.store, &self.config.iris, nodes).map_err(Refusal::internal)
    }

    /// Names the entities among `nodes` as over the whole store (`load::relabel`).
    fn relabel(&self, facts: &mut Facts, nodes: &[String]) -> Result<(), Refusal> {
        crate::load::relabel(&*self.store, &self.config.iris, facts, nodes).map_err(Refusal::internal)
    }
}

/// Whether the request's `Authorization` header is `Bearer <token>` (compared in constant time).
fn bearer_matches(request: &Request<Body>, token: &str) -> bool {
    let Some(given) = request.headers().get(header::AUTHORIZATION).and_then(|v| v.to_str().ok()) else { return false };
    let Some(given) = given.strip_prefix("Bearer ") else { return false };
    let (a, b) = (given.trim().as_bytes(), token.as_bytes());
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// Sets a header to a static value.
fn set(response: &mut Response<Body>, name: header::HeaderName, value: &'static str) {
    response.headers_mut().insert(name, HeaderValue::from_static(value));
}

/// A 200 answer with `body` of `content_type`.
fn ok(content_type: &str, body: impl Into<Body>) -> Reply {
    Response::builder().header(header::CONTENT_TYPE, content_type).body(body.into()).map_err(Refusal::internal)
}

/// The `Content-Type` of a request without its parameters, in lower case.
fn content_type(request: &Request<Body>) -> Option<String> {
    let value = request.headers().get(header::CONTENT_TYPE)?.to_str().ok()?;
    Some(value.split(';').next().unwrap_or_default().trim().to_ascii_lowercase())
}

/// Reads a request body of at most `limit` bytes; a larger one is refused with 413.
fn read_body(request: &mut Request<Body>, limit: u64) -> Result<Vec<u8>, Refusal> {
    use std::io::Read;
    let too_large = || Refusal::new(StatusCode::PAYLOAD_TOO_LARGE, format!("request bodies are limited to {limit} bytes (--max-body)"));
    if request.body().len().is_some_and(|len| len > limit) {
        return Err(too_large());
    }
    let mut body = Vec::new();
    request.body_mut().take(limit + 1).read_to_end(&mut body).map_err(|e| Refusal::bad_request(format!("cannot read the body: {e}")))?;
    if body.len() as u64 > limit {
        return Err(too_large());
    }
    Ok(body)
}

/// The query string's parameters, in order.
fn query_params(request: &Request<Body>) -> Vec<(String, String)> {
    form_urlencoded::parse(request.uri().query().unwrap_or_default().as_bytes()).into_owned().collect()
}

/// The one value of the parameter `name`, if given; given twice is an error.
fn single(params: &[(String, String)], name: &str) -> Result<Option<String>, Refusal> {
    let mut values = params.iter().filter(|(k, _)| k == name).map(|(_, v)| v.clone());
    let first = values.next();
    if values.next().is_some() {
        return Err(Refusal::bad_request(format!("the parameter {name} may be given only once")));
    }
    Ok(first)
}
