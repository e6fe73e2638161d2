//! Invariants of the code base, checked as tests.

use crate::root;
use std::fs;

/// The stages between `layout` and `rdf` are pure: no file system, no terminal, no store.
const PURE: &[&str] =
    &["text", "vocab", "lexicon", "layout", "segment", "recognize", "attribute", "resolve", "rdf", "extract", "facts", "trace", "render"];

fn source(module: &str) -> String {
    fs::read_to_string(root().join(format!("src/{module}.rs"))).unwrap()
}

#[test]
fn every_module_has_docs() {
    for entry in fs::read_dir(root().join("src")).unwrap() {
        let path = entry.unwrap().path();
        let text = fs::read_to_string(&path).unwrap();
        let first = text.lines().find(|l| !l.starts_with("#![")).unwrap_or_default();
        assert!(first.starts_with("//!"), "{} does not start with a //! module doc", path.display());
    }
}

#[test]
fn pure_modules_do_no_io() {
    let forbidden = ["std::fs", "std::io", "std::net", "std::env", "oxigraph::store", "println!", "eprintln!", "std::process", "File::"];
    for module in PURE {
        let text = source(module);
        let code = text.split("#[cfg(test)]").next().unwrap();
        for word in forbidden {
            assert!(!code.contains(word), "pure module {module} uses {word}");
        }
    }
}

#[test]
fn modules_use_only_earlier_stages() {
    let order = [
        "text",
        "vocab",
        "lexicon",
        "ingest",
        "layout",
        "segment",
        "recognize",
        "attribute",
        "resolve",
        "rdf",
        "extract",
        "store",
        "facts",
        "load",
        "trace",
        "render",
    ];
    for (i, module) in order.iter().enumerate() {
        let text = source(module);
        for later in &order[i + 1..] {
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
