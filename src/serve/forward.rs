//! Ingesting while serving: `hearsay ingest` sends its graphs to the server that holds the store.
//!
//! Oxigraph lets one process write a store folder. A running server leaves a small file in the
//! store folder ([`SERVER_FILE`]: its address and a random token, readable by the owner only) and
//! removes it when it stops. `hearsay ingest`, finding the store locked, reads the file and uses a
//! [`RemoteStore`], a [`GraphStore`] whose writes are HTTP requests to the server's internal
//! routes, authenticated with that token: each batch of article graphs is replaced in one
//! transaction, as a local ingest does, so queries see either the old or the new graphs. This
//! module does not analyse articles; the binary does, before it sends them.

use super::{Refusal, Reply, ServeError, State, bearer_matches, read_body};
use crate::store::{GraphStore, StoreError};
use oxhttp::model::{Body, Request, Response, StatusCode};
use oxigraph::io::{RdfFormat, RdfParser, RdfSerializer};
use oxigraph::model::{GraphName, NamedNode, Quad};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

/// The file, in the store folder, that tells `hearsay ingest` where the server is.
pub const SERVER_FILE: &str = "hearsay-serve.json";

/// The internal route that replaces article graphs (a POST of N-Quads).
pub const GRAPHS_ROUTE: &str = "/_hearsay/graphs";

/// The internal route that says which file an article was read from.
pub const ARTICLE_PATH_ROUTE: &str = "/_hearsay/article-path";

/// What the server file holds.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct ServerFile {
    address: SocketAddr,
    token: String,
    pid: u32,
}

/// The server file while the server runs; dropping it removes the file.
pub struct ServerFileGuard {
    path: PathBuf,
    token: String,
}

impl ServerFileGuard {
    /// Writes the server file into `store_dir` (owner-only permissions) with a new token.
    pub fn write(store_dir: &Path, address: SocketAddr) -> Result<Self, ServeError> {
        let path = store_dir.join(SERVER_FILE);
        let token = new_token();
        let content = serde_json::to_string(&ServerFile { address, token: token.clone(), pid: std::process::id() }).expect("serializable");
        let error = |source| ServeError::ServerFile { path: path.clone(), source };
        let _ = std::fs::remove_file(&path);
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let mut file = options.open(&path).map_err(error)?;
        file.write_all(content.as_bytes()).map_err(error)?;
        Ok(Self { path, token })
    }

    /// The token ingest must send.
    pub fn token(&self) -> &str {
        &self.token
    }
}

impl Drop for ServerFileGuard {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

/// A random token: 32 bytes from the operating system, in hex.
pub fn new_token() -> String {
    let mut bytes = [0u8; 32];
    if let Ok(mut random) = std::fs::File::open("/dev/urandom") {
        let _ = random.read_exact(&mut bytes);
    }
    if bytes == [0u8; 32] {
        // No /dev/urandom: hash-map seeds are random per process, which is enough for a local token.
        use std::hash::{BuildHasher, RandomState};
        for (i, chunk) in bytes.chunks_mut(8).enumerate() {
            chunk.copy_from_slice(&RandomState::new().hash_one(i).to_le_bytes());
        }
    }
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A store held by a running `hearsay serve`, written to over HTTP.
pub struct RemoteStore {
    base: String,
    token: String,
    agent: ureq::Agent,
}

impl std::fmt::Debug for RemoteStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RemoteStore").field("base", &self.base).finish()
    }
}

impl RemoteStore {
    /// The server holding the store at `store_dir`, if its server file is there.
    pub fn find(store_dir: &Path) -> Option<Self> {
        let text = std::fs::read_to_string(store_dir.join(SERVER_FILE)).ok()?;
        let file: ServerFile = serde_json::from_str(&text).ok()?;
        let config =
            ureq::Agent::config_builder().http_status_as_error(false).timeout_global(Some(std::time::Duration::from_secs(600))).build();
        Some(Self { base: format!("http://{}", file.address), token: file.token, agent: config.into() })
    }

    /// The server's address, as `http://host:port`.
    pub fn address(&self) -> &str {
        &self.base
    }

    fn error(&self, message: impl std::fmt::Display) -> StoreError {
        StoreError::Remote { address: self.base.clone(), message: message.to_string() }
    }

    /// The body of a response, or an error naming its status and message.
    fn expect_success(&self, response: Result<ureq::http::Response<ureq::Body>, ureq::Error>) -> Result<Option<String>, StoreError> {
        let mut response = response.map_err(|e| self.error(e))?;
        let status = response.status();
        let body = response.body_mut().read_to_string().unwrap_or_default();
        match status.as_u16() {
            200..=299 => Ok(Some(body)),
            404 => Ok(None),
            _ => Err(self.error(format!("{status}: {}", body.trim()))),
        }
    }
}

impl GraphStore for RemoteStore {
    fn replace_graphs(&self, graphs: Vec<(NamedNode, Vec<Quad>)>) -> Result<(), StoreError> {
        let mut serializer = RdfSerializer::from_format(RdfFormat::NQuads).for_writer(Vec::new());
        let mut names = Vec::with_capacity(graphs.len());
        for (graph, quads) in &graphs {
            names.push(("graph", graph.as_str()));
            for quad in quads {
                serializer.serialize_quad(quad)?;
            }
        }
        let body = serializer.finish()?;
        let request = self
            .agent
            .post(format!("{}{GRAPHS_ROUTE}", self.base))
            .header("Authorization", format!("Bearer {}", self.token))
            .query_pairs(names);
        self.expect_success(request.content_type("application/n-quads").send(&body[..]))?;
        Ok(())
    }

    fn article_path(&self, article: &NamedNode) -> Result<Option<String>, StoreError> {
        let request = self
            .agent
            .get(format!("{}{ARTICLE_PATH_ROUTE}", self.base))
            .header("Authorization", format!("Bearer {}", self.token))
            .query("graph", article.as_str());
        self.expect_success(request.call())
    }
}

/// The graphs `hearsay ingest` sends: each `?graph=` named is replaced by the body's quads in it
/// (none: emptied), all in one transaction.
pub(super) fn receive(state: &State, request: &mut Request<Body>) -> Reply {
    authorize(state, request)?;
    let mut graphs: BTreeMap<NamedNode, Vec<Quad>> = BTreeMap::new();
    for (key, value) in super::query_params(request) {
        if key == "graph" {
            let graph = NamedNode::new(value).map_err(|e| Refusal::bad_request(format!("bad graph IRI: {e}")))?;
            graphs.entry(graph).or_default();
        }
    }
    let body = read_body(request, state.config.max_ingest_body)?;
    for quad in RdfParser::from_format(RdfFormat::NQuads).for_slice(&body) {
        let quad = quad.map_err(|e| Refusal::bad_request(format!("the body does not parse: {e}")))?;
        let GraphName::NamedNode(graph) = &quad.graph_name else {
            return Err(Refusal::bad_request("every quad must be in an article's named graph"));
        };
        let Some(quads) = graphs.get_mut(graph) else {
            return Err(Refusal::bad_request(format!("the quad's graph {graph} is not among the graph parameters")));
        };
        quads.push(quad);
    }
    let graphs: Vec<(NamedNode, Vec<Quad>)> = graphs.into_iter().collect();
    let written = state.local()?.replace_graphs(graphs);
    state.wrote();
    written.map_err(Refusal::internal)?;
    Response::builder().status(StatusCode::NO_CONTENT).body(Body::empty()).map_err(Refusal::internal)
}

/// The file an article was ingested from (`?graph=`), as plain text, or 404.
pub(super) fn article_path(state: &State, request: &Request<Body>) -> Reply {
    authorize(state, request)?;
    let graph = super::single(&super::query_params(request), "graph")?.ok_or_else(|| Refusal::bad_request("give ?graph="))?;
    let graph = NamedNode::new(graph).map_err(|e| Refusal::bad_request(format!("bad graph IRI: {e}")))?;
    match state.local()?.article_path(&graph).map_err(Refusal::internal)? {
        Some(path) => super::ok("text/plain; charset=utf-8", path),
        None => Err(Refusal::new(StatusCode::NOT_FOUND, "no such article")),
    }
}

fn authorize(state: &State, request: &Request<Body>) -> Result<(), Refusal> {
    if bearer_matches(request, &state.ingest_token) {
        Ok(())
    } else {
        Err(Refusal::new(StatusCode::UNAUTHORIZED, "this route is for hearsay ingest, with the token of the server file"))
    }
}
