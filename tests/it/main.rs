//! hearsay's integration tests: one binary, one module per concern.

// A test that needs ../shared says on standard error that it was skipped.
#![allow(clippy::print_stderr)]

// The command line end to end: ingest, query, export, extract, stats, bad input, locking.
mod cli;
// Every kind of input: JSON Lines (field map, bad lines), HTML pages, gzip, mixed directories,
// standard input.
mod inputs;
// Network exports (GraphML, GEXF, CSV) read back by networkx.
mod network;
// Golden files: each case under tests/data/golden is an article and the expected output of
// each stage; UPDATE_EXPECT=1 rewrites them.
mod golden;
// The examples' graph conforms to ontology/shapes.ttl (pySHACL).
mod shacl;
// Invariants of the code base: module docs, pure modules, parseable example queries.
mod tidy;
// Diagrams and traces of the examples: golden DOT files rendered by Graphviz, hostile names.
mod diagrams;
// Answers about one entity read from its articles alone equal the whole store's, also after an
// article is replaced.
mod targeted;
// The evaluate module on small fixtures.
mod evaluate;
// `hearsay serve`: the SPARQL endpoint, Graph Store reads, limits, ingest through the server,
// pages; queried with curl, SPARQLWrapper and rdflib.
mod serve;
// A shared store on real SPARQL servers started on loopback: Oxigraph's server and Virtuoso.
mod remote;
// Pathological input: huge repeats, no spaces, quotation floods and nesting, right-to-left
// text, NUL bytes, other encodings, files over the limit.
mod hostile;
// Crash safety: an ingest killed with SIGKILL leaves whole articles and finishes on re-run.
mod crash;
// Accuracy floors on the customer's seeds (skipped when ../shared is absent).
mod seeds;

use std::path::{Path, PathBuf};

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The built `hearsay` binary, or the one `HEARSAY_TEST_BIN` names: worktrees that share a
/// cargo target directory overwrite each other's `target/release/hearsay`, so a developer can
/// test a copy of their own.
pub fn bin() -> PathBuf {
    std::env::var_os("HEARSAY_TEST_BIN").map_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_hearsay")), PathBuf::from)
}

/// A `hearsay` command with an isolated store.
pub fn hearsay(store: &Path) -> std::process::Command {
    let mut cmd = std::process::Command::new(bin());
    cmd.env("HEARSAY_STORE", store).env_remove("HEARSAY_BASE").current_dir(root());
    cmd
}
