//! Exports the examples' graph (text files, HTML pages and JSON Lines) and validates every
//! article graph against ontology/shapes.ttl with pySHACL (installed by .ci/run: `pip install
//! pyshacl`).

use crate::{hearsay, root};
use std::process::Command;

#[test]
fn examples_graph_conforms_to_the_shapes() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let out = hearsay(&store).args(["ingest", "-q", "examples/articles", "examples/pages", "examples/crawl.jsonl"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let data = dir.path().join("examples.trig");
    let out = hearsay(&store).args(["export", "--format", "trig", "-o"]).arg(&data).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let validator = Command::new("python3")
        .args(["-m", "pyshacl", "--shacl"])
        .arg(root().join("ontology/shapes.ttl"))
        .args(["--data-file-format", "auto", "--shacl-file-format", "turtle"])
        .arg(&data)
        .output()
        .expect("python3 runs");
    let report = String::from_utf8_lossy(&validator.stdout);
    let err = String::from_utf8_lossy(&validator.stderr);
    assert!(!err.contains("No module named pyshacl"), "pySHACL is not installed: run `pip install pyshacl` (.ci/run does)");
    assert!(validator.status.success() && report.contains("Conforms: True"), "the examples' graph violates the shapes:\n{report}\n{err}");
}
