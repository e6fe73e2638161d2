//! Crash safety: an ingest killed with SIGKILL leaves every article graph whole or absent, and
//! running the ingest again finishes it, equal to a run that was never interrupted.

use crate::{hearsay, root};
use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::process::Stdio;
use std::time::Instant;

/// Copies of the examples under distinct names and contents (each a distinct article), enough
/// for an ingest of a few seconds in small batches.
fn corpus(dir: &Path, copies: usize) {
    fs::create_dir_all(dir).unwrap();
    let mut examples: Vec<_> = fs::read_dir(root().join("examples/articles")).unwrap().map(|e| e.unwrap().path()).collect();
    examples.sort();
    for copy in 0..copies {
        for example in &examples {
            let text = fs::read_to_string(example).unwrap();
            let name = example.file_name().unwrap().to_string_lossy();
            // A last line of its own makes the copy another article (another content id).
            fs::write(dir.join(format!("copy{copy:03}-{name}")), format!("{text}\nCopy {copy} of this report.\n")).unwrap();
        }
    }
}

/// The store's graphs, each with its statements sorted (N-Quads lines).
fn graphs(store: &Path) -> BTreeMap<String, Vec<String>> {
    let out = hearsay(store).args(["export", "--format", "nquads"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let mut graphs: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let parser = oxigraph::io::RdfParser::from_format(oxigraph::io::RdfFormat::NQuads);
    for quad in parser.for_slice(&out.stdout) {
        let quad = quad.expect("the export is valid N-Quads");
        let graph = quad.graph_name.to_string();
        graphs.entry(graph).or_default().push(quad.to_string());
    }
    for statements in graphs.values_mut() {
        statements.sort();
    }
    graphs
}

fn ingest(store: &Path, corpus: &Path) -> std::process::Command {
    let mut cmd = hearsay(store);
    cmd.args(["ingest", "--quiet", "--batch", "8"]).arg(corpus);
    cmd
}

#[test]
fn a_killed_ingest_leaves_whole_articles_and_finishes_on_rerun() {
    let dir = tempfile::tempdir().unwrap();
    let articles = dir.path().join("corpus");
    corpus(&articles, 30);
    let clean = dir.path().join("clean");
    let started = Instant::now();
    let out = ingest(&clean, &articles).output().unwrap();
    let took = started.elapsed();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let expected = graphs(&clean);
    assert_eq!(expected.len(), 150, "every copy is an article of its own");
    let export = |store: &Path| hearsay(store).args(["export"]).output().unwrap().stdout;
    let clean_export = export(&clean);

    let mut partial = 0;
    for (run, fraction) in [0.2, 0.5, 0.8].into_iter().enumerate() {
        let store = dir.path().join(format!("killed{run}"));
        let mut child = ingest(&store, &articles).stdout(Stdio::null()).stderr(Stdio::null()).spawn().unwrap();
        std::thread::sleep(took.mul_f64(fraction));
        // `kill` is SIGKILL on Unix: no destructor, no flush, no signal handler runs.
        child.kill().unwrap();
        child.wait().unwrap();

        let found = graphs(&store);
        for (graph, statements) in &found {
            let whole = expected.get(graph).unwrap_or_else(|| panic!("{graph}: a graph no clean run writes"));
            assert_eq!(statements, whole, "{graph}: half an article after a kill at {fraction} of the run");
        }
        if !found.is_empty() && found.len() < expected.len() {
            partial += 1;
        }

        let out = ingest(&store, &articles).output().unwrap();
        assert!(out.status.success(), "re-run after a kill: {}", String::from_utf8_lossy(&out.stderr));
        assert!(export(&store) == clean_export, "the re-run after a kill at {fraction} differs from a clean run");
    }
    // The kills are timed from a clean run; on a loaded machine one may land before the first
    // batch or after the last, but not all three.
    assert!(partial >= 1, "no kill landed mid-run (a clean run took {took:?}): the test checked nothing");
}
