//! A shared store on a real SPARQL server: Oxigraph's server (the `oxigraph` PyPI package) and
//! OpenLink Virtuoso (Debian's `virtuoso-opensource`), each started on a free loopback port in a
//! temporary folder and stopped at the end. hearsay ingests the examples into it and every
//! reading command answers as it does from the embedded store. scripts/setup.sh installs both
//! servers; a missing one fails the test, it is not skipped.

use crate::{hearsay, root};
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

/// A server process, killed when dropped.
struct Server {
    child: Child,
    /// The SPARQL query endpoint.
    query: String,
    _dir: tempfile::TempDir,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A free loopback port below the kernel's ephemeral range (32768 and up): a server that binds it
/// seconds later cannot lose it to a test that binds port 0 meanwhile (a `hearsay serve` of
/// another test once answered in Virtuoso's place).
fn free_port() -> u16 {
    static NEXT: std::sync::atomic::AtomicU16 = std::sync::atomic::AtomicU16::new(0);
    let offset = (std::process::id() % 997) as u16 * 10;
    loop {
        let port = 20_000 + (offset + NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)) % 12_000;
        if std::net::TcpListener::bind(("127.0.0.1", port)).is_ok() {
            return port;
        }
    }
}

/// `program` on the path or among Python's scripts (where `pip install oxigraph` puts the
/// server), or a failure that says how to install it (scripts/setup.sh does).
fn installed(program: &str) -> PathBuf {
    let scripts = Command::new("python3").args(["-c", "import sysconfig; print(sysconfig.get_path('scripts'))"]).output().ok();
    let scripts = scripts.map(|out| PathBuf::from(String::from_utf8_lossy(&out.stdout).trim()));
    let mut dirs: Vec<PathBuf> = std::env::var_os("PATH").map(|paths| std::env::split_paths(&paths).collect()).unwrap_or_default();
    dirs.extend(scripts);
    let found = dirs.into_iter().map(|dir| dir.join(program)).find(|p| p.is_file());
    found.unwrap_or_else(|| panic!("{program} is not installed: run scripts/setup.sh (it installs Oxigraph's server and Virtuoso)"))
}

/// How to start a server on some ports: its command (stderr to `log`), the line its log says
/// once it listens on them, and its query endpoint.
struct Launch {
    command: Command,
    log: PathBuf,
    online: String,
    query: String,
}

/// Starts a server on `count` fresh ports in a fresh folder, as `launch` says, and
/// waits until it is ready. Ports are only probed free, not held, so another process may bind
/// one first (a concurrent test, another worktree's suite): the server then exits saying so and
/// is started again on other ports. Until its own log says it listens, an answer on its port may
/// come from someone else, so readiness waits for that line as well as for an answer.
fn start(count: usize, launch: impl Fn(&Path, &[u16]) -> Launch) -> Server {
    let mut lost = Vec::new();
    for _ in 0..5 {
        let dir = tempfile::tempdir().unwrap();
        let ports: Vec<u16> = (0..count).map(|_| free_port()).collect();
        let Launch { mut command, log, online, query } = launch(dir.path(), &ports);
        let child = command.spawn().unwrap_or_else(|e| panic!("{command:?} does not start: {e}"));
        let mut server = Server { child, query, _dir: dir };
        match wait_for(&mut server, &log, &online) {
            Ok(()) => return server,
            Err(said) if said.contains("in use") || said.contains("listen") => lost.push(ports),
            Err(said) => panic!("the server exited: {said}"),
        }
    }
    panic!("the server could not bind its ports, taken each time by another process: {lost:?}")
}

/// Waits until the server's log says `online` and its endpoint answers `ASK {}`; its log if it
/// exits first; fails after two minutes (Virtuoso alone takes 15 s to create its database).
fn wait_for(server: &mut Server, log: &Path, online: &str) -> Result<(), String> {
    let started = Instant::now();
    let said = || std::fs::read_to_string(log).unwrap_or_default();
    loop {
        if let Ok(Some(status)) = server.child.try_wait() {
            return Err(format!("{status}: {}", said()));
        }
        if said().contains(online) {
            let out = Command::new("curl")
                .args(["-s", "-o", "/dev/null", "-w", "%{http_code}", "--data-urlencode", "query=ASK {}"])
                .arg(&server.query)
                .output()
                .unwrap();
            if String::from_utf8_lossy(&out.stdout) == "200" {
                return Ok(());
            }
        }
        assert!(started.elapsed() < Duration::from_secs(120), "the server did not answer: {}", said());
        std::thread::sleep(Duration::from_millis(200));
    }
}

/// Oxigraph's server over an empty store.
fn oxigraph() -> Server {
    start(1, |dir, ports| {
        let log = dir.join("log");
        let mut command = Command::new(installed("oxigraph"));
        command
            .args(["serve", "--location"])
            .arg(dir.join("db"))
            .args(["--bind", &format!("127.0.0.1:{}", ports[0])])
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(&log).unwrap());
        let online = format!("Listening for requests at http://127.0.0.1:{}", ports[0]);
        Launch { command, log, online, query: format!("http://127.0.0.1:{}/query", ports[0]) }
    })
}

/// Virtuoso over an empty database, answering whole graphs (no ResultSetMaxRows cut), with the
/// default `dba` account that the Graph Store's `-auth` endpoint signs in with Digest. In the
/// foreground it logs to standard error, not to its ErrorLogFile.
fn virtuoso() -> Server {
    start(2, |dir, ports| {
        let (sql, http) = (ports[0], ports[1]);
        let d = dir.display();
        let ini = format!(
            "[Database]\nDatabaseFile = {d}/virtuoso.db\nErrorLogFile = {d}/virtuoso.log\nLockFile = {d}/virtuoso.lck\n\
             TransactionFile = {d}/virtuoso.trx\nxa_persistent_file = {d}/virtuoso.pxa\n\
             [TempDatabase]\nDatabaseFile = {d}/virtuoso-temp.db\nTransactionFile = {d}/virtuoso-temp.trx\n\
             [Parameters]\nServerPort = 127.0.0.1:{sql}\nDisableUnixSocket = 1\nNumberOfBuffers = 20000\nMaxDirtyBuffers = 15000\nDirsAllowed = .\n\
             [HTTPServer]\nServerPort = 127.0.0.1:{http}\nServerRoot = /var/lib/virtuoso-opensource-7/vsp\nServerThreads = 10\nMaxClientConnections = 10\n\
             [SPARQL]\nResultSetMaxRows = 1000000000\nMaxQueryExecutionTime = 0\nMaxQueryCostEstimationTime = 0\n"
        );
        std::fs::write(dir.join("virtuoso.ini"), ini).unwrap();
        let log = dir.join("stderr.log");
        let mut command = Command::new(installed("virtuoso-t"));
        command
            .args(["-c", "virtuoso.ini", "+foreground"])
            .current_dir(dir)
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(&log).unwrap());
        let online = format!("HTTP server online at 127.0.0.1:{http}");
        Launch { command, log, online, query: format!("http://127.0.0.1:{http}/sparql") }
    })
}

/// A `hearsay` command on the store at `url`, signed in as `user` (password the same) if given.
/// The developer's own credentials file is out of reach.
fn remote(url: &str, user: Option<&str>) -> Command {
    let mut cmd = hearsay(Path::new(url));
    cmd.env_remove("HEARSAY_STORE_TOKEN").env_remove("HEARSAY_GRAPH_STORE").env_remove("HEARSAY_STORE_CREDENTIALS");
    cmd.env("XDG_CONFIG_HOME", root().join("tests/data/no-config"));
    match user {
        Some(user) => cmd.env("HEARSAY_STORE_USER", user).env("HEARSAY_STORE_PASSWORD", user),
        None => cmd.env_remove("HEARSAY_STORE_USER").env_remove("HEARSAY_STORE_PASSWORD"),
    };
    cmd
}

fn run(cmd: &mut Command) -> Output {
    let out = cmd.output().unwrap();
    assert!(out.status.success(), "{cmd:?}: {}", String::from_utf8_lossy(&out.stderr));
    out
}

/// What every reading command prints, for comparing two stores.
const READS: &[&[&str]] = &[
    &["trace", "Tomas Brandt"],
    &["trace", "World Health Organization", "--json"],
    &["claims", "--about", "Coastal Workers Union", "--format", "text"],
    &["claims", "--about", "coastal workers union", "--numbers", "--format", "text"],
    &["diagram", "citations", "Tomas Brandt"],
    &["diagram", "entity", "Coastal Workers Union", "--depth", "2"],
    &["diagram", "article", "dock workers walk out"],
    &["network", "citations", "--format", "graphml"],
    &["network", "co-mentions", "--format", "gexf"],
    &["query", "--format", "csv", "SELECT ?name WHERE { ?p a schema:Person ; skos:prefLabel ?name } ORDER BY ?name"],
    &[
        "query",
        "--format",
        "csv",
        "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } ?g a schema:NewsArticle } GROUP BY ?g ORDER BY ?g",
    ],
];

/// Statistics without the size on disk, which only the embedded store has.
fn stats(cmd: &mut Command) -> serde_json::Value {
    let mut stats: serde_json::Value = serde_json::from_slice(&run(cmd.args(["stats", "--json"])).stdout).unwrap();
    stats.as_object_mut().unwrap().remove("bytes_on_disk");
    stats
}

/// The examples ingested into an embedded store, the reference.
fn embedded(dir: &Path) -> PathBuf {
    let store = dir.join("store");
    run(hearsay(&store).args(["ingest", "-q", "examples/articles"]));
    store
}

/// Every reading command answers from `url` as from the embedded `store`, but those whose first
/// two arguments are in `except`.
fn same_answers(store: &Path, url: &str, except: &[[&str; 2]]) {
    assert_eq!(stats(&mut remote(url, None)), stats(&mut hearsay(store)), "stats differ");
    for args in READS.iter().filter(|args| !except.iter().any(|e| args.starts_with(e))) {
        let here = run(hearsay(store).args(*args)).stdout;
        let there = run(remote(url, None).args(*args)).stdout;
        assert!(!here.is_empty(), "{args:?} printed nothing");
        assert_eq!(String::from_utf8_lossy(&there), String::from_utf8_lossy(&here), "{args:?} differs on {url}");
    }
}

#[test]
fn an_oxigraph_server_holds_the_store() {
    let server = oxigraph();
    let dir = tempfile::tempdir().unwrap();
    let store = embedded(dir.path());
    let out = run(remote(&server.query, None).args(["ingest", "examples/articles"]));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/store"), "{}", String::from_utf8_lossy(&out.stderr));
    same_answers(&store, &server.query, &[]);
    // Ingesting again replaces each graph: the same statements, not twice as many.
    let before = stats(&mut remote(&server.query, None));
    run(remote(&server.query, None).args(["ingest", "-q", "examples/articles"]));
    assert_eq!(stats(&mut remote(&server.query, None)), before);
    serve_reads_the_remote_store(&store, &server.query);
}

/// `hearsay serve --store URL` answers SPARQL and pages from the remote store, read-only.
fn serve_reads_the_remote_store(store: &Path, url: &str) {
    let mut child =
        remote(url, None).args(["serve", "--bind", "127.0.0.1:0"]).stdout(Stdio::piped()).stderr(Stdio::null()).spawn().unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
    let base = line.trim().to_string();
    let query = "SELECT ?name WHERE { ?p a schema:Person ; skos:prefLabel ?name } ORDER BY ?name";
    let served = Command::new("curl")
        .args(["-s", "-H", "Accept: text/csv", "--data-urlencode", &format!("query={query}"), &format!("{base}sparql")])
        .output()
        .unwrap();
    let page = Command::new("curl").args(["-s", "-w", "%{http_code}", &base]).output().unwrap();
    let write = Command::new("curl")
        .args(["-s", "-w", "%{http_code}", "--data-urlencode", "update=CLEAR ALL", &format!("{base}sparql")])
        .output()
        .unwrap();
    let _ = child.kill();
    let _ = child.wait();
    let local = run(hearsay(store).args(["query", "--format", "csv", query])).stdout;
    assert_eq!(String::from_utf8_lossy(&served.stdout).replace("\r\n", "\n"), String::from_utf8_lossy(&local).replace("\r\n", "\n"));
    assert!(String::from_utf8_lossy(&page.stdout).ends_with("200"), "the home page did not load");
    assert!(String::from_utf8_lossy(&write.stdout).ends_with("403"), "a write through serve reached the remote store");
}

#[test]
fn a_virtuoso_server_holds_the_store_filled_by_two_shards() {
    let server = virtuoso();
    let dir = tempfile::tempdir().unwrap();
    let store = embedded(dir.path());
    // Without credentials Virtuoso's Graph Store endpoint refuses; hearsay names the article and
    // says how to sign in.
    let out = remote(&server.query, None)
        .args(["ingest", "-q", "--graph-store"])
        .arg(server.query.replace("/sparql", "/sparql-graph-crud-auth"))
        .arg("examples/articles")
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        !out.status.success() && said.contains("examples/articles/") && said.contains("401") && said.contains("HEARSAY_STORE_USER"),
        "{}: {said}",
        out.status
    );
    // Two shards, as two machines would run them, fill the store as one run fills the embedded
    // one: the first signs in from the environment, the second from a credentials file.
    run(remote(&server.query, Some("dba")).args(["ingest", "-q", "--shard", "1/2", "examples/articles"]));
    let credentials = private_file(dir.path(), &format!(r#"{{"{}": {{"user": "dba", "password": "dba"}}}}"#, server.query));
    run(remote(&server.query, None).env("HEARSAY_STORE_CREDENTIALS", &credentials).args([
        "ingest",
        "-q",
        "--shard",
        "2/2",
        "examples/articles",
    ]));
    same_answers(&store, &server.query, &[]);
    let before = stats(&mut remote(&server.query, None));
    run(remote(&server.query, Some("dba")).args(["ingest", "-q", "examples/articles"]));
    assert_eq!(stats(&mut remote(&server.query, None)), before, "re-ingest changed the store");
    credentials_are_private_and_the_environment_wins(&server.query, &credentials);
}

/// A credentials file of `text` that only its owner may read.
fn private_file(dir: &Path, text: &str) -> PathBuf {
    let path = dir.join("credentials.json");
    std::fs::write(&path, text).unwrap();
    #[cfg(unix)]
    std::fs::set_permissions(&path, std::os::unix::fs::PermissionsExt::from_mode(0o600)).unwrap();
    path
}

/// The environment's credentials win over the file's (a wrong password there is refused), and a
/// file that others may read is refused before anything is sent.
fn credentials_are_private_and_the_environment_wins(url: &str, credentials: &Path) {
    let ingest = |user: Option<&str>| {
        let out = remote(url, user).env("HEARSAY_STORE_CREDENTIALS", credentials).args(["ingest", "-q", "examples/articles"]).output();
        let out = out.unwrap();
        (out.status.success(), String::from_utf8_lossy(&out.stderr).into_owned())
    };
    let (ok, said) = ingest(Some("nobody"));
    assert!(!ok && said.contains("401") && said.contains("refused the credentials"), "{said}");
    #[cfg(unix)]
    {
        std::fs::set_permissions(credentials, std::os::unix::fs::PermissionsExt::from_mode(0o644)).unwrap();
        let (ok, said) = ingest(None);
        assert!(!ok && said.contains("readable by others") && said.contains("chmod 600"), "{said}");
    }
}

/// A server that answers every Graph Store PUT with 201 and writes nothing, and every query
/// with no rows: Python's http.server on a port of its choosing, which it prints.
const DROPPING_SERVER: &str = r#"
import http.server, sys
class Handler(http.server.BaseHTTPRequestHandler):
    def answer(self, status, body=b""):
        self.send_response(status)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
    def do_PUT(self):
        self.rfile.read(int(self.headers["Content-Length"]))
        self.answer(201)
    def do_POST(self):
        self.rfile.read(int(self.headers["Content-Length"]))
        self.answer(200, b'{"head": {"vars": ["path", "g", "n"]}, "results": {"bindings": []}}')
    def log_message(self, *args):
        pass
server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
print(server.server_address[1], flush=True)
server.serve_forever()
"#;

#[test]
fn a_write_the_server_acknowledges_but_does_not_hold_fails_the_ingest_by_path() {
    let mut child = Command::new("python3").args(["-c", DROPPING_SERVER]).stdout(Stdio::piped()).spawn().unwrap();
    let mut port = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut port).unwrap();
    let base = format!("http://127.0.0.1:{}", port.trim());
    let out = remote(&format!("{base}/sparql"), None)
        .args(["ingest", "--graph-store", &format!("{base}/gsp"), "examples/articles/01-harbour-strike.txt"])
        .output()
        .unwrap();
    let _ = child.kill();
    let _ = child.wait();
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{said}");
    assert!(
        said.contains("examples/articles/01-harbour-strike.txt: not written to the store") && said.contains("holds 0 of the"),
        "{said}"
    );
}

#[test]
fn an_unreachable_or_wrong_endpoint_is_named_and_fails_the_run() {
    let port = free_port();
    let url = format!("http://127.0.0.1:{port}/query");
    for args in [&["stats"][..], &["trace", "Tomas Brandt"], &["ingest", "examples/articles"]] {
        let out = remote(&url, None).args(args).current_dir(root()).output().unwrap();
        let said = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success() && said.contains(&url) && said.contains("cannot reach"), "{args:?}: {said}");
    }
    let out = remote("http://127.0.0.1:9/fuseki/ds", None).args(["ingest", "examples/articles"]).output().unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("--graph-store"), "{}", String::from_utf8_lossy(&out.stderr));
}
