//! Invariants of the code base, checked as tests.

use crate::root;
use hearsay::store::SparqlStore;
use std::fs;

/// The modules in pipeline order: each may use only those before it.
const ORDER: &[&str] = &[
    "text",
    "vocab",
    "lexicon",
    "ingest",
    "layout",
    "segment",
    "syntax",
    "recognize",
    "attribute",
    "resolve",
    "coref",
    "rdf",
    "extract",
    "store",
    "facts",
    "load",
    "trace",
    "network",
    "render",
    "serve",
];

/// The modules of `ORDER` that touch the outside world; all the others are pure: no file system,
/// no terminal, no store.
const IO: &[&str] = &["ingest", "store", "load", "serve"];

/// The Rust files of the crate, recursively, sorted.
fn rust_files(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    files.sort();
    files
}

/// The code of a module: `src/NAME.rs`, or every file under `src/NAME/`, each without its tests.
fn source(module: &str) -> String {
    let file = root().join(format!("src/{module}.rs"));
    let files = if file.is_file() { vec![file] } else { rust_files(&root().join("src").join(module)) };
    assert!(!files.is_empty(), "no source for module {module}");
    files.iter().map(|f| fs::read_to_string(f).unwrap().split("#[cfg(test)]").next().unwrap().to_string()).collect()
}

#[test]
fn every_module_has_docs() {
    for path in rust_files(&root().join("src")) {
        let text = fs::read_to_string(&path).unwrap();
        let first = text.lines().find(|l| !l.starts_with("#![")).unwrap_or_default();
        assert!(first.starts_with("//!"), "{} does not start with a //! module doc", path.display());
    }
}

#[test]
fn pure_modules_do_no_io() {
    let forbidden = ["std::fs", "std::io", "std::net", "std::env", "oxigraph::store", "println!", "eprintln!", "std::process", "File::"];
    for module in ORDER.iter().filter(|m| !IO.contains(m)) {
        let code = source(module);
        for word in forbidden {
            assert!(!code.contains(word), "pure module {module} uses {word}");
        }
    }
}

#[test]
fn ingest_parsers_do_no_io() {
    // `ingest::parse` runs on worker threads over records already read: only `discover` and
    // `stream` touch files and standard input.
    let forbidden = ["std::fs", "std::io", "std::net", "std::env", "println!", "eprintln!", "std::process", "File::"];
    for file in ["text", "html", "jsonl"] {
        let code = fs::read_to_string(root().join(format!("src/ingest/{file}.rs"))).unwrap();
        let code = code.split("#[cfg(test)]").next().unwrap();
        for word in forbidden {
            assert!(!code.contains(word), "ingest::{file} uses {word}");
        }
    }
}

#[test]
fn modules_use_only_earlier_stages() {
    for (i, module) in ORDER.iter().enumerate() {
        let text = source(module);
        for later in &ORDER[i + 1..] {
            assert!(!text.contains(&format!("crate::{later}::")), "{module} uses the later stage {later}");
        }
    }
}

#[test]
fn example_queries_parse_and_run() {
    let store = hearsay::store::Store::in_memory().unwrap();
    let mut count = 0;
    for entry in fs::read_dir(root().join("examples/queries")).unwrap() {
        let path = entry.unwrap().path();
        let text = fs::read_to_string(&path).unwrap();
        let mut prefixed = String::new();
        for (p, ns) in hearsay::store::PREFIXES {
            prefixed.push_str(&format!("PREFIX {p}: <{ns}>\n"));
        }
        prefixed.push_str(&text);
        store.query(&prefixed).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        count += 1;
    }
    assert!(count >= 4);
}

#[test]
fn example_articles_are_ours_and_present() {
    let articles: Vec<_> = fs::read_dir(root().join("examples/articles")).unwrap().collect();
    assert!(articles.len() >= 4);
}
