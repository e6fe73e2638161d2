//! `hearsay network`: the citation and co-mention networks as GraphML, GEXF and CSV, read back by
//! networkx (installed by scripts/setup.sh), with the same bytes on every run.

use crate::hearsay;
use std::fs;
use std::path::Path;
use std::process::Command;

/// Node and edge counts of a GraphML or GEXF file as networkx reads it, and one node's data.
fn networkx_counts(file: &Path) -> (usize, usize, String) {
    let script = "import sys, networkx as nx\n\
        f = sys.argv[1]\n\
        g = nx.read_gexf(f) if f.endswith('.gexf') else nx.read_graphml(f)\n\
        n = sorted(g.nodes(data=True))[0][1]\n\
        w = sum(d['weight'] for _, _, d in g.edges(data=True))\n\
        print(g.number_of_nodes(), g.number_of_edges(), g.is_directed(), n.get('kind'), n.get('label') is not None, int(w))\n";
    let out = Command::new("python3").args(["-c", script]).arg(file).output().expect("python3 runs");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("No module named 'networkx'"), "networkx is not installed: run `pip install networkx` (scripts/setup.sh does)");
    assert!(out.status.success(), "networkx cannot read {}: {err}", file.display());
    let line = String::from_utf8_lossy(&out.stdout).trim().to_string();
    let mut parts = line.splitn(3, ' ');
    let nodes = parts.next().unwrap().parse().unwrap();
    let edges = parts.next().unwrap().parse().unwrap();
    (nodes, edges, parts.next().unwrap().to_string())
}

/// Rows of a CSV file, without its header.
fn csv_rows(file: &Path) -> usize {
    fs::read_to_string(file).unwrap().lines().count() - 1
}

#[test]
fn networks_open_in_networkx_with_the_counts_of_the_csv_lists() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let out = hearsay(&store).args(["ingest", "-q", "examples/articles", "examples/pages", "examples/crawl.jsonl"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    for (network, directed) in [("citations", "True"), ("co-mentions", "False")] {
        let csv = dir.path().join(format!("{network}-csv"));
        let out = hearsay(&store).args(["network", network, "--format", "csv", "-o"]).arg(&csv).output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let (nodes, edges) = (csv_rows(&csv.join("nodes.csv")), csv_rows(&csv.join("edges.csv")));
        assert!(nodes > 10 && edges > 10, "{network}: {nodes} nodes, {edges} edges");
        for format in ["graphml", "gexf"] {
            let file = dir.path().join(format!("{network}.{format}"));
            let out = hearsay(&store).args(["network", network, "--format", format, "-o"]).arg(&file).output().unwrap();
            assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
            let (n, e, rest) = networkx_counts(&file);
            assert_eq!((n, e), (nodes, edges), "{network} as {format}");
            assert!(rest.starts_with(&format!("{directed} ")) && rest.contains(" True "), "{network} as {format}: {rest}");
            // The same store gives the same bytes, on standard output as in a file.
            let again = hearsay(&store).args(["network", network, "--format", format]).output().unwrap();
            assert_eq!(again.stdout, fs::read(&file).unwrap(), "{network} as {format} is not deterministic");
        }
    }
}

#[test]
fn csv_needs_a_directory() {
    let dir = tempfile::tempdir().unwrap();
    let out = hearsay(&dir.path().join("store")).args(["ingest", "-q", "examples/articles"]).output().unwrap();
    assert!(out.status.success());
    let out = hearsay(&dir.path().join("store")).args(["network", "citations", "--format", "csv"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--output DIR"));
}
