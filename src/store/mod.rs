//! The graph store: an embedded Oxigraph store, on disk (RocksDB) or in memory, or a store on a
//! SPARQL server ([`Endpoint`], in `remote`).
//!
//! Writers go through [`GraphStore`]: replace whole article graphs, a batch at a time and
//! atomically (new graphs by bulk loading, existing ones by a transaction), and ask which path an
//! article was read from. Readers go through [`SparqlStore`]: SPARQL queries over the union of
//! all article graphs (each article is a named graph, so a plain `SELECT` sees the whole corpus),
//! and what follows from them (a graph's statements, exports, statistics). [`Store::close`]
//! leaves an on-disk store flushed, compacted after large writes and without write-ahead logs.
//! Exports sort their statements so that the same store gives the same bytes. Only one process
//! may hold an on-disk store for writing; a second gets [`StoreError::Locked`]. This module does
//! not know how articles are analysed.

mod credentials;
mod remote;

pub use credentials::{Credentials, CredentialsError};
pub use remote::{Endpoint, EndpointConfig, EndpointError, WriteError};

use crate::vocab::{dcterms, schema};
use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::{GraphNameRef, NamedNode, Quad, Term, Triple};
use oxigraph::sparql::{CancellationToken, QueryResults, SparqlEvaluator, SparqlSyntaxError, UpdateEvaluationError};
use oxigraph::store::StorageError;
use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use thiserror::Error;

/// What can go wrong with the store.
#[derive(Debug, Error)]
pub enum StoreError {
    /// Another process holds the store.
    #[error(
        "the store at {path} is in use by another hearsay process (only one process may write to a store at a time; wait for it to finish or use another --store)"
    )]
    Locked {
        /// The store directory.
        path: PathBuf,
    },
    /// The store could not be opened.
    #[error("cannot open the store at {path}: {source}")]
    Open {
        /// The store directory.
        path: PathBuf,
        /// Oxigraph's reason.
        source: StorageError,
    },
    /// No store exists where one was expected.
    #[error("no store at {path} (run `hearsay ingest` first, or pass --store)")]
    Missing {
        /// The store directory.
        path: PathBuf,
    },
    /// The store path names a file; a store is a folder.
    #[error("{path} is a file, not a store (a store is a folder: pass --store a new or empty folder, or an existing store)")]
    IsAFile {
        /// The path given as the store.
        path: PathBuf,
    },
    /// The store path is a folder that holds other files and no store; hearsay does not write
    /// its database files among them.
    #[error(
        "{path} is not a hearsay store and is not empty (hearsay will not write its database among other files: pass --store a new or empty folder, or an existing store)"
    )]
    NotAStore {
        /// The folder given as the store.
        path: PathBuf,
    },
    /// A query the store ran for hearsay failed.
    #[error(transparent)]
    Query(#[from] QueryError),
    /// A remote SPARQL endpoint could not be reached, or refused or failed a request.
    #[error(transparent)]
    Endpoint(#[from] EndpointError),
    /// A remote store did not write some article graphs.
    #[error(transparent)]
    NotWritten(#[from] WriteError),
    /// Reading or writing failed.
    #[error("store error: {0}")]
    Storage(#[from] StorageError),
    /// Writing an export failed.
    #[error("cannot write the export: {0}")]
    Write(#[from] std::io::Error),
    /// A store held by a running `hearsay serve` refused or failed a write.
    #[error("the server at {address} that holds the store answered: {message}")]
    Remote {
        /// The server's address.
        address: String,
        /// What it said.
        message: String,
    },
    /// The on-disk store was not compiled in.
    #[error("this hearsay was built without the on-disk store (feature \"disk\"); only --in-memory works")]
    NoDisk,
}

/// What can go wrong with a query.
#[derive(Debug, Error)]
pub enum QueryError {
    /// The query does not parse; the message holds line:column in the query's own text.
    #[error("SPARQL syntax error at {0}")]
    Syntax(String),
    /// The query failed while running.
    #[error("SPARQL evaluation error")]
    Evaluation(#[from] oxigraph::sparql::QueryEvaluationError),
    /// The update failed while running.
    #[error("SPARQL update error: {0}")]
    Update(#[from] UpdateEvaluationError),
    /// A remote SPARQL endpoint could not be reached, or refused or failed the query.
    #[error(transparent)]
    Endpoint(#[from] EndpointError),
}

/// Over which graphs a query runs.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum QueryDataset {
    /// The default graph is the union of all article graphs (what `hearsay query` does).
    #[default]
    Union,
    /// The SPARQL 1.1 Protocol's `default-graph-uri` and `named-graph-uri`: the default graph is
    /// the merge of `default`, and `GRAPH` sees only `named`.
    Graphs {
        /// The graphs merged into the default graph.
        default: Vec<NamedNode>,
        /// The graphs `GRAPH ?g` may match.
        named: Vec<NamedNode>,
    },
}

/// How a query is read and run, beyond its text.
#[derive(Clone, Default)]
pub struct QueryOptions {
    /// Prefixes declared before the query's own text (a `PREFIX` in the query takes precedence).
    pub prefixes: &'static [(&'static str, &'static str)],
    /// The graphs it runs over.
    pub dataset: QueryDataset,
    /// Cancels the evaluation from another thread (a timeout).
    pub cancellation: Option<CancellationToken>,
}

/// Writing side of a graph store, embedded or remote.
pub trait GraphStore {
    /// Replaces each named graph with the given quads; after a crash each graph is the old or
    /// the new version or absent, never part of one.
    /// The graphs are taken by value, so that a store may move their statements on rather than
    /// copy them (a batch's statements are the largest thing an ingest holds).
    fn replace_graphs(&self, graphs: Vec<(NamedNode, Vec<Quad>)>) -> Result<(), StoreError>;
    /// Replaces each named graph `graphs` yields, as [`GraphStore::replace_graphs`] does, all in
    /// one step. A store may take the graphs one after another as it writes them, so that the
    /// caller can make each graph's statements only when they are asked for and a batch's
    /// statements are never all in memory at once; by default they are collected first.
    fn replace_graphs_from(&self, graphs: &mut dyn Iterator<Item = (NamedNode, Vec<Quad>)>) -> Result<(), StoreError> {
        self.replace_graphs(graphs.collect())
    }
    /// The path an article was ingested from, if it is in the store.
    fn article_path(&self, article: &NamedNode) -> Result<Option<String>, StoreError>;
}

/// Reading side of a store: SPARQL questions, by default over the union of the article graphs.
/// The embedded [`Store`] and a remote [`Endpoint`] implement it, so that everything that reads
/// the graph (`load`, the commands, the server) works on either.
pub trait SparqlStore: Send + Sync {
    /// Runs a SPARQL query with `options`: prefixes, dataset and cancellation.
    fn query_with(&self, sparql: &str, options: QueryOptions) -> Result<QueryResults<'static>, QueryError>;

    /// Where the store is (a folder or a URL), for messages.
    fn location(&self) -> String;

    /// Evaluates a SPARQL query over the union of all graphs.
    fn query(&self, sparql: &str) -> Result<QueryResults<'static>, QueryError> {
        self.query_with(sparql, QueryOptions::default())
    }

    /// Runs a SPARQL query with `prefixes` declared beforehand (a `PREFIX` in the query takes
    /// precedence), so that error positions are in the query's own text.
    fn query_with_prefixes(
        &self,
        sparql: &str,
        prefixes: &'static [(&'static str, &'static str)],
    ) -> Result<QueryResults<'static>, QueryError> {
        self.query_with(sparql, QueryOptions { prefixes, ..QueryOptions::default() })
    }

    /// Whether the store holds the named graph `graph`.
    fn contains_graph(&self, graph: &NamedNode) -> Result<bool, StoreError> {
        match self.query(&format!("ASK {{ GRAPH {graph} {{ ?s ?p ?o }} }}"))? {
            QueryResults::Boolean(found) => Ok(found),
            _ => Ok(false),
        }
    }

    /// The statements of the article graph `graph`, or of every article graph (a remote server
    /// may hold graphs of its own, which are left out).
    fn quads(&self, graph: Option<&NamedNode>) -> Result<Vec<Quad>, StoreError> {
        let pattern = match graph {
            Some(g) => format!("GRAPH {g} {{ ?s ?p ?o }} BIND({g} AS ?g)"),
            None => format!("GRAPH ?g {{ ?g a <{}> . ?s ?p ?o }}", schema::NEWS_ARTICLE.as_str()),
        };
        let QueryResults::Solutions(solutions) = self.query(&format!("SELECT ?s ?p ?o ?g WHERE {{ {pattern} }}"))? else {
            return Ok(Vec::new());
        };
        let mut quads = Vec::new();
        for solution in solutions {
            let solution = solution.map_err(QueryError::from)?;
            let (Some(Term::NamedNode(s)), Some(Term::NamedNode(p)), Some(o), Some(Term::NamedNode(g))) =
                (solution.get("s"), solution.get("p"), solution.get("o"), solution.get("g"))
            else {
                continue;
            };
            quads.push(Quad::new(s.clone(), p.clone(), o.clone(), g.clone()));
        }
        Ok(quads)
    }

    /// Writes the store (or one graph) in `format`. Line-based formats are sorted; formats that
    /// hold no named graphs get the union of all graphs unless `graph` picks one.
    fn export(&self, graph: Option<&NamedNode>, format: RdfFormat, out: &mut dyn Write) -> Result<(), StoreError> {
        write_sorted(self.quads(graph)?, format, graph.is_some(), out)
    }

    /// Statements in the article graphs.
    fn quad_count(&self) -> Result<u64, StoreError> {
        count(self, &format!("SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?g a <{}> . ?s ?p ?o }} }}", schema::NEWS_ARTICLE.as_str()))
    }

    /// Bytes on disk, for on-disk stores.
    fn bytes_on_disk(&self) -> Option<u64> {
        None
    }

    /// Counts articles, entities, claims and statements.
    fn stats(&self) -> Result<Stats, StoreError> {
        let of_class = |class: &str| count(self, &format!("SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE {{ ?x a <{class}> }}"));
        let citations = count(
            self,
            &format!("SELECT (COUNT(*) AS ?n) WHERE {{ SELECT DISTINCT ?a ?b WHERE {{ ?a <{}> ?b }} }}", crate::vocab::hs::CITES.as_str()),
        )?;
        Ok(Stats {
            articles: of_class(schema::NEWS_ARTICLE.as_str())?,
            people: of_class(schema::PERSON.as_str())?,
            organizations: of_class(schema::ORGANIZATION.as_str())?,
            places: of_class(schema::PLACE.as_str())?,
            claims: of_class(schema::CLAIM.as_str())?,
            citations,
            quads: self.quad_count()?,
            bytes_on_disk: self.bytes_on_disk(),
        })
    }
}

/// The number a counting query binds to `?n` (0 when it binds none).
fn count<S: SparqlStore + ?Sized>(store: &S, sparql: &str) -> Result<u64, StoreError> {
    if let QueryResults::Solutions(mut solutions) = store.query(sparql)? {
        if let Some(row) = solutions.next() {
            if let Some(Term::Literal(l)) = row.map_err(QueryError::from)?.get("n") {
                return Ok(l.value().parse().unwrap_or(0));
            }
        }
    }
    Ok(0)
}

/// An evaluator with `prefixes` declared.
fn evaluator(prefixes: &[(&str, &str)]) -> SparqlEvaluator {
    let mut evaluator = SparqlEvaluator::new();
    for (prefix, ns) in prefixes {
        evaluator = evaluator.with_prefix(*prefix, *ns).expect("valid prefix IRIs");
    }
    evaluator
}

/// A syntax error as "line:column: what was expected", without the parser's character classes,
/// naming the undeclared prefix when that is the trouble.
fn plain_syntax_error(query: &str, e: &SparqlSyntaxError) -> String {
    let message = e.to_string();
    let Some((position, expected)) = message.strip_prefix("error at ").and_then(|m| m.split_once(": expected ")) else {
        return message;
    };
    if expected.contains("Prefix not found") {
        let prefix = position.split_once(':').and_then(|(line, column)| prefix_at(query, line.parse().ok()?, column.parse().ok()?));
        return match prefix {
            Some(p) => format!("{position}: the prefix {p}: is not declared (add PREFIX {p}: <...>)"),
            None => format!("{position}: a prefix is not declared"),
        };
    }
    let words: Vec<&str> = expected
        .trim_start_matches("one of ")
        .split(", ")
        .filter(|w| !w.is_empty() && !w.starts_with('[') && !w.contains('\\') && !w.contains('\'') && !w.contains('|'))
        .collect();
    if words.is_empty() { format!("{position}: unexpected text") } else { format!("{position}: expected {}", words.join(", ")) }
}

/// The prefix of the prefixed name ("foo" of "foo:bar") that ends just before `line`:`column`
/// (1-based) of `query`.
fn prefix_at(query: &str, line: usize, column: usize) -> Option<String> {
    let text = query.lines().nth(line.checked_sub(1)?)?;
    let upto: String = text.chars().take(column.saturating_sub(1)).collect();
    let token: String = upto.chars().rev().take_while(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | ':')).collect();
    let token: String = token.chars().rev().collect();
    let (name, _) = token.split_once(':')?;
    Some(name.to_string())
}

/// Counts for `hearsay stats`.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Stats {
    /// Articles.
    pub articles: u64,
    /// People.
    pub people: u64,
    /// Organizations.
    pub organizations: u64,
    /// Places.
    pub places: u64,
    /// Claims.
    pub claims: u64,
    /// Citation edges (distinct reporter, source pairs).
    pub citations: u64,
    /// Statements, counting each named graph's copy.
    pub quads: u64,
    /// Bytes on disk, for on-disk stores.
    pub bytes_on_disk: Option<u64>,
}

/// An Oxigraph store. Clones share the same store.
#[derive(Clone)]
pub struct Store {
    inner: oxigraph::store::Store,
    path: Option<PathBuf>,
    /// Held while [`GraphStore::replace_graphs`] writes.
    writer: Arc<Mutex<()>>,
    /// Bytes on disk when the store was opened for writing (0 for other stores).
    #[cfg_attr(not(feature = "disk"), allow(dead_code))]
    opened_size: u64,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("path", &self.path).finish()
    }
}

/// The table files a writer keeps open. RocksDB holds each open file's index and filter blocks
/// in memory, so with no bound (Oxigraph's default: as many as the process may open) a writer's
/// memory grows with the store, most of all while `close` compacts it: peak 306 MB unbounded and
/// 267 MB with 64 on the BBC corpus x10, 647 MB and 384 MB at x100 (BENCHMARKS.md). Readers open
/// few files per question and keep the default.
#[cfg(feature = "disk")]
const MAX_OPEN_FILES: u32 = 64;

/// Oxigraph's store at `path`, opened for writing with at most [`MAX_OPEN_FILES`] table files open.
#[cfg(feature = "disk")]
fn open_writer(path: &Path) -> Result<oxigraph::store::Store, StoreError> {
    let options = oxigraph::store::StoreOptions::default().with_max_open_files(MAX_OPEN_FILES);
    oxigraph::store::Store::open_with_options(path, options).map_err(|source| open_error(path, source))
}

impl Store {
    /// A store that lives in memory only.
    pub fn in_memory() -> Result<Self, StoreError> {
        Ok(Self { inner: oxigraph::store::Store::new()?, path: None, writer: Arc::default(), opened_size: 0 })
    }

    /// Opens (or creates) the on-disk store at `path` for reading and writing.
    /// A file, or a folder that holds other files and no store, is refused.
    #[cfg(feature = "disk")]
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        check_store_path(path)?;
        std::fs::create_dir_all(path).map_err(|e| StoreError::Open { path: path.to_path_buf(), source: e.into() })?;
        let inner = open_writer(path)?;
        remove_unloaded_tables(path);
        Ok(Self { inner, path: Some(path.to_path_buf()), writer: Arc::default(), opened_size: dir_size(path) })
    }

    /// Opens the on-disk store at `path` for reading; works beside a writer, seeing the state
    /// when it opened.
    #[cfg(feature = "disk")]
    pub fn open_read_only(path: &Path) -> Result<Self, StoreError> {
        if path.is_file() {
            return Err(StoreError::IsAFile { path: path.to_path_buf() });
        }
        if !is_store(path) {
            return Err(StoreError::Missing { path: path.to_path_buf() });
        }
        let inner = oxigraph::store::Store::open_read_only(path).map_err(|source| open_error(path, source))?;
        Ok(Self { inner, path: Some(path.to_path_buf()), writer: Arc::default(), opened_size: 0 })
    }

    /// Without the disk feature there is no on-disk store.
    #[cfg(not(feature = "disk"))]
    pub fn open(_path: &Path) -> Result<Self, StoreError> {
        Err(StoreError::NoDisk)
    }

    /// Without the disk feature there is no on-disk store.
    #[cfg(not(feature = "disk"))]
    pub fn open_read_only(_path: &Path) -> Result<Self, StoreError> {
        Err(StoreError::NoDisk)
    }

    /// Runs a SPARQL update (with `prefixes` declared beforehand) in one transaction.
    pub fn update(&self, sparql: &str, prefixes: &[(&str, &str)]) -> Result<(), QueryError> {
        let prepared = evaluator(prefixes).parse_update(sparql).map_err(|e| QueryError::Syntax(plain_syntax_error(sparql, &e)))?;
        Ok(prepared.on_store(&self.inner).execute()?)
    }

    /// Removes the named graph `graph`; false if there was none.
    pub fn remove_graph(&self, graph: &NamedNode) -> Result<bool, StoreError> {
        if !self.contains_graph(graph)? {
            return Ok(false);
        }
        self.inner.remove_named_graph(graph.as_ref())?;
        Ok(true)
    }

    /// Adds `quads` to the store in one transaction, keeping what is there.
    pub fn add_quads(&self, quads: &[Quad]) -> Result<(), StoreError> {
        let mut transaction = self.inner.start_transaction()?;
        for quad in quads {
            if let oxigraph::model::GraphName::NamedNode(graph) = &quad.graph_name {
                transaction.insert_named_graph(graph.as_ref());
            }
        }
        transaction.extend(quads.iter().map(Quad::as_ref));
        transaction.commit()?;
        Ok(())
    }

    /// Closes the store with everything on disk and no write-ahead logs left: flushes the
    /// memtables to table files, compacts the database when this opening grew it by an eighth
    /// or more, closes it and opens it once more, because RocksDB keeps up to ten spent logs
    /// for reuse (Oxigraph's setting) and only deletes them when it opens. Call it when a run of
    /// writes ends, with no other clone of this store alive (a clone keeps the database open
    /// and its logs on disk).
    ///
    /// Why compact, and why not always: bulk-loaded table files overlap each other (keys are
    /// hashes), and readers open the store read-only, which never compacts, so without it every
    /// lookup reads many files (`trace` on the BBC store: 15 s instead of 8 s). A full
    /// compaction rewrites the whole store, so it is left to RocksDB's background work when a
    /// run adds a little to a large store; growth by an eighth bounds the rewriting to a
    /// constant factor of what was written.
    pub fn close(self) -> Result<(), StoreError> {
        #[cfg(feature = "disk")]
        if let Some(path) = self.path {
            self.inner.flush()?;
            if dir_size(&path) >= self.opened_size + self.opened_size / 8 {
                self.inner.optimize()?;
            }
            drop(self.inner);
            drop(open_writer(&path)?);
        }
        Ok(())
    }
}

impl Store {
    /// Replaces graphs the store holds in one transaction of the difference: the statements the
    /// new version lacks are removed, those the old one lacked inserted, so that re-ingesting an
    /// unchanged article writes nothing.
    fn replace_existing(&self, existing: &[(NamedNode, Vec<Quad>)]) -> Result<(), StoreError> {
        let mut removed = Vec::new();
        let mut added = Vec::new();
        for (graph, quads) in existing {
            let old: HashSet<Quad> =
                self.inner.quads_for_pattern(None, None, None, Some(GraphNameRef::NamedNode(graph.as_ref()))).collect::<Result<_, _>>()?;
            let new: HashSet<&Quad> = quads.iter().collect();
            removed.extend(old.iter().filter(|q| !new.contains(q)).cloned());
            added.extend(quads.iter().filter(|q| !old.contains(*q)));
        }
        if !removed.is_empty() || !added.is_empty() {
            let mut transaction = self.inner.start_transaction()?;
            for quad in &removed {
                transaction.remove(quad);
            }
            transaction.extend(added.into_iter().map(Quad::as_ref));
            transaction.commit()?;
        }
        Ok(())
    }
}

/// Statements the bulk loader takes before it writes them out as table files (Oxigraph's
/// default is a million, about 600 MB of hearsay's statements; a batch of 256 BBC articles has
/// about 150,000). Smaller chunks mean more, smaller table files, which RocksDB ingests in one
/// step and compacts together.
const LOADER_CHUNK: usize = 50_000;

impl SparqlStore for Store {
    fn query_with(&self, sparql: &str, options: QueryOptions) -> Result<QueryResults<'static>, QueryError> {
        let mut evaluator = evaluator(options.prefixes);
        if let Some(token) = options.cancellation {
            evaluator = evaluator.with_cancellation_token(token);
        }
        let mut prepared = evaluator.parse_query(sparql).map_err(|e| QueryError::Syntax(plain_syntax_error(sparql, &e)))?;
        match options.dataset {
            QueryDataset::Union => prepared.dataset_mut().set_default_graph_as_union(),
            QueryDataset::Graphs { default, named } => {
                prepared.dataset_mut().set_default_graph(default.into_iter().map(Into::into).collect());
                prepared.dataset_mut().set_available_named_graphs(named.into_iter().map(Into::into).collect());
            }
        }
        Ok(prepared.on_store(&self.inner).execute()?)
    }

    fn location(&self) -> String {
        self.path.as_deref().map_or_else(|| "the in-memory store".to_string(), |p| p.display().to_string())
    }

    fn contains_graph(&self, graph: &NamedNode) -> Result<bool, StoreError> {
        Ok(self.inner.contains_named_graph(graph.as_ref())?)
    }

    /// Every statement of the store when `graph` is `None` (all of them are in article graphs).
    fn quads(&self, graph: Option<&NamedNode>) -> Result<Vec<Quad>, StoreError> {
        Ok(match graph {
            Some(g) => {
                self.inner.quads_for_pattern(None, None, None, Some(GraphNameRef::NamedNode(g.as_ref()))).collect::<Result<_, _>>()?
            }
            None => self.inner.iter().collect::<Result<_, _>>()?,
        })
    }

    fn quad_count(&self) -> Result<u64, StoreError> {
        Ok(self.inner.len()? as u64)
    }

    fn bytes_on_disk(&self) -> Option<u64> {
        self.path.as_deref().map(dir_size)
    }
}

impl GraphStore for Store {
    /// Graphs the store does not hold yet go in through Oxigraph's bulk loader: it writes sorted
    /// table files beside the database and RocksDB ingests all of them, for every index, in one
    /// atomic step (`IngestExternalFiles`), without the write-ahead log or the memtables. Graphs
    /// the store holds are replaced in one transaction that removes the statements the new
    /// version lacks and inserts those the old one lacked, so that re-ingesting an unchanged
    /// article writes nothing. A crash therefore leaves each graph of a batch either complete
    /// (old or new) or absent, never half written; table files a crash left unloaded are
    /// deleted by the next [`Store::open`].
    fn replace_graphs(&self, graphs: Vec<(NamedNode, Vec<Quad>)>) -> Result<(), StoreError> {
        self.replace_graphs_from(&mut graphs.into_iter())
    }

    /// New graphs stream into the bulk loader as `graphs` yields them, in chunks of
    /// `LOADER_CHUNK` statements (each chunk's table files are written while the next chunk is
    /// made, and all are ingested in one step at the end), so that the statements in memory are
    /// about two chunks whatever the batch; existing graphs are kept aside for the transaction.
    fn replace_graphs_from(&self, graphs: &mut dyn Iterator<Item = (NamedNode, Vec<Quad>)>) -> Result<(), StoreError> {
        // Checking which graphs exist and writing them must not interleave with another writer of
        // this process (the server's threads), or two bulk loads of one new graph would merge.
        let _writing = self.writer.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        // One loader thread: the batch is already analysed in parallel, and one thread keeps the
        // loader's memory to one chunk. The statements are moved into the loader, not copied.
        let mut loader = self.inner.bulk_loader().with_num_threads(1).with_max_memory_size_in_megabytes(LOADER_CHUNK / 1000);
        let mut existing = Vec::new();
        let mut failed = None;
        let new = graphs.map_while(|(graph, quads)| match self.inner.contains_named_graph(graph.as_ref()) {
            Ok(false) => Some(quads),
            Ok(true) => {
                existing.push((graph, quads));
                Some(Vec::new())
            }
            Err(e) => {
                failed = Some(e);
                None
            }
        });
        loader.load_quads(new.flatten())?;
        if let Some(e) = failed {
            return Err(e.into());
        }
        // The loader commits first: the in-memory store's loader holds a transaction until then.
        loader.commit()?;
        self.replace_existing(&existing)
    }

    fn article_path(&self, article: &NamedNode) -> Result<Option<String>, StoreError> {
        let graph = GraphNameRef::NamedNode(article.as_ref());
        let found = self.inner.quads_for_pattern(Some(article.as_ref().into()), Some(dcterms::SOURCE), None, Some(graph)).next();
        match found {
            Some(quad) => Ok(match quad?.object {
                Term::Literal(l) => Some(l.value().to_string()),
                _ => None,
            }),
            None => Ok(None),
        }
    }
}

/// Writes quads in `format`, sorted by their N-Quads form so that output is byte-stable.
pub fn write_sorted(quads: Vec<Quad>, format: RdfFormat, single_graph: bool, out: &mut dyn Write) -> Result<(), StoreError> {
    let mut serializer = RdfSerializer::from_format(format);
    for (prefix, ns) in PREFIXES {
        serializer = serializer.with_prefix(*prefix, *ns).expect("valid prefix IRIs");
    }
    let mut writer = serializer.for_writer(out);
    if format.supports_datasets() && !single_graph {
        let mut quads = quads;
        quads.sort_by_cached_key(|q| q.to_string());
        quads.dedup();
        for q in &quads {
            writer.serialize_quad(q)?;
        }
    } else {
        let mut triples: Vec<Triple> = quads.into_iter().map(Triple::from).collect();
        triples.sort_by_cached_key(|t| t.to_string());
        triples.dedup();
        for t in &triples {
            writer.serialize_triple(t)?;
        }
    }
    writer.finish()?;
    Ok(())
}

/// Prefixes for the formats that use them.
pub const PREFIXES: &[(&str, &str)] = &[
    ("schema", crate::vocab::schema::NAMESPACE),
    ("prov", crate::vocab::prov::NAMESPACE),
    ("org", crate::vocab::org::NAMESPACE),
    ("skos", crate::vocab::skos::NAMESPACE),
    ("nif", crate::vocab::nif::NAMESPACE),
    ("itsrdf", crate::vocab::itsrdf::NAMESPACE),
    ("dcterms", crate::vocab::dcterms::NAMESPACE),
    ("geo", crate::vocab::geo::NAMESPACE),
    ("hs", crate::vocab::hs::NAMESPACE),
    ("xsd", "http://www.w3.org/2001/XMLSchema#"),
];

#[cfg(feature = "disk")]
fn open_error(path: &Path, source: StorageError) -> StoreError {
    if source.to_string().to_lowercase().contains("lock") {
        StoreError::Locked { path: path.to_path_buf() }
    } else {
        StoreError::Open { path: path.to_path_buf(), source }
    }
}

/// Whether `path` holds an on-disk store (RocksDB's `CURRENT` file, which Oxigraph writes first).
#[cfg(feature = "disk")]
fn is_store(path: &Path) -> bool {
    path.join("CURRENT").is_file()
}

/// Refuses a store path that is a file, or a folder with other files in it and no store; a path
/// that does not exist, an empty folder and an existing store are fine.
#[cfg(feature = "disk")]
fn check_store_path(path: &Path) -> Result<(), StoreError> {
    if path.is_file() {
        return Err(StoreError::IsAFile { path: path.to_path_buf() });
    }
    let Ok(mut entries) = std::fs::read_dir(path) else { return Ok(()) };
    if entries.next().is_some() && !is_store(path) {
        return Err(StoreError::NotAStore { path: path.to_path_buf() });
    }
    Ok(())
}

/// Deletes the table files Oxigraph's bulk loader writes into the store folder
/// (`bulk-<random>.sst`) and that a crash left there before RocksDB ingested them; RocksDB does
/// not know them, so they are garbage. Runs only with the store open for writing, so no other
/// process is loading.
#[cfg(feature = "disk")]
fn remove_unloaded_tables(path: &Path) {
    let Ok(entries) = std::fs::read_dir(path) else { return };
    for entry in entries.filter_map(Result::ok) {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with("bulk-") && name.ends_with(".sst") {
            // A file that cannot be deleted wastes space and harms nothing.
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

fn dir_size(path: &Path) -> u64 {
    std::fs::read_dir(path)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| match e.metadata() {
                    Ok(m) if m.is_dir() => dir_size(&e.path()),
                    Ok(m) => m.len(),
                    Err(_) => 0,
                })
                .sum()
        })
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::model::Literal;

    fn graph(name: &str, values: &[&str]) -> (NamedNode, Vec<Quad>) {
        let g = NamedNode::new_unchecked(format!("https://example.org/{name}"));
        let p = NamedNode::new_unchecked("https://example.org/p");
        let quads = values.iter().map(|v| Quad::new(g.clone(), p.clone(), Literal::new_simple_literal(*v), g.clone())).collect();
        (g, quads)
    }

    fn values(store: &Store, g: &NamedNode) -> Vec<String> {
        let mut found: Vec<String> = store
            .inner
            .quads_for_pattern(None, None, None, Some(GraphNameRef::NamedNode(g.as_ref())))
            .map(|q| match q.unwrap().object {
                Term::Literal(l) => l.value().to_string(),
                other => other.to_string(),
            })
            .collect();
        found.sort();
        found
    }

    /// New graphs go through the bulk loader, existing ones through a transaction of the
    /// difference: either way the graph holds exactly the new statements.
    fn check_replace(store: &Store) {
        let (a, _) = graph("a", &[]);
        let (b, _) = graph("b", &[]);
        store.replace_graphs(vec![graph("a", &["1", "2"]), graph("b", &["x"])]).unwrap();
        assert_eq!(values(store, &a), ["1", "2"]);
        store.replace_graphs(vec![graph("a", &["2", "3"])]).unwrap();
        assert_eq!(values(store, &a), ["2", "3"]);
        assert_eq!(values(store, &b), ["x"]);
        store.replace_graphs(vec![graph("a", &["2", "3"]), graph("c", &["y"])]).unwrap();
        assert_eq!(values(store, &a), ["2", "3"]);
        assert_eq!(store.inner.len().unwrap(), 4);
    }

    #[test]
    fn replacing_a_graph_keeps_only_the_new_statements_in_memory() {
        check_replace(&Store::in_memory().unwrap());
    }

    #[cfg(feature = "disk")]
    #[test]
    fn replacing_a_graph_keeps_only_the_new_statements_on_disk_and_close_leaves_no_logs() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("store");
        let store = Store::open(&path).unwrap();
        check_replace(&store);
        std::fs::write(path.join("bulk-1.sst"), b"left by a crash").unwrap();
        store.close().unwrap();
        let logs: u64 = std::fs::read_dir(&path)
            .unwrap()
            .filter_map(Result::ok)
            .filter(|e| e.file_name().to_string_lossy().ends_with(".log"))
            .map(|e| e.metadata().unwrap().len())
            .sum();
        assert!(logs < 1024, "{logs} bytes of write-ahead logs left after close");
        let store = Store::open(&path).unwrap();
        assert!(!path.join("bulk-1.sst").exists(), "a table file left by a crash was not deleted");
        assert_eq!(store.inner.len().unwrap(), 4);
    }
}
