//! Diagrams of the examples match the golden DOT files under tests/data/diagrams (rewrite with
//! UPDATE_EXPECT=1), and every one renders with Graphviz's real `dot` without a warning.

use crate::{hearsay, root};
use std::fs;
use std::process::{Command, Stdio};

fn render_cleanly(name: &str, dot: &[u8]) {
    let mut child = Command::new("dot")
        .args(["-Tsvg", "-o", "/dev/null"])
        .stdin(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("Graphviz's dot is installed (apt-get install graphviz; .ci/run does)");
    std::io::Write::write_all(child.stdin.as_mut().unwrap(), dot).unwrap();
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success() && stderr.trim().is_empty(), "{name}: dot complained:\n{stderr}");
}

#[test]
fn example_diagrams_match_golden_files_and_render() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    assert!(hearsay(&store).args(["ingest", "-q", "examples/articles"]).status().unwrap().success());
    let cases: &[(&str, &[&str])] = &[
        ("citations-tomas-brandt", &["diagram", "citations", "Tomas Brandt"]),
        ("citations-who", &["diagram", "citations", "World Health Organization"]),
        ("entity-coastal-workers-union", &["diagram", "entity", "Coastal Workers Union", "--depth", "2", "--max-nodes", "25"]),
        ("article-harbour-strike", &["diagram", "article", "dock workers walk out"]),
        ("network", &["diagram", "network"]),
    ];
    let update = std::env::var_os("UPDATE_EXPECT").is_some();
    let mut failures = Vec::new();
    for (name, args) in cases {
        let out = hearsay(&store).args(*args).output().unwrap();
        assert!(out.status.success(), "{name}: {}", String::from_utf8_lossy(&out.stderr));
        render_cleanly(name, &out.stdout);
        let path = root().join(format!("tests/data/diagrams/{name}.dot"));
        let actual = String::from_utf8(out.stdout).unwrap();
        if update {
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(&path, &actual).unwrap();
        } else if fs::read_to_string(&path).unwrap_or_default() != actual {
            failures.push(name.to_string());
        }
    }
    assert!(failures.is_empty(), "diagrams differ from tests/data/diagrams (UPDATE_EXPECT=1 to accept): {failures:?}");
}

#[test]
fn hostile_labels_cannot_break_the_dot() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    assert!(hearsay(&store).args(["ingest", "-q", "examples/articles/01-harbour-strike.txt"]).status().unwrap().success());
    let query = r#"CONSTRUCT {
        <http://x.test/a> a schema:Person ; skos:prefLabel "Robert \"}]; n1 -> n2 [label=\"pwned\" <b>x</b> \\N \\G" ; schema:knows <http://x.test/b> .
        <http://x.test/b> a schema:Organization ; skos:prefLabel "line\nbreak {curly} <angle> & amp" .
    } WHERE {}"#;
    let out = hearsay(&store).args(["diagram", "query", query]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    render_cleanly("hostile", &out.stdout);
    let svg = hearsay(&store).args(["diagram", "query", query, "--format", "svg"]).output().unwrap();
    assert!(svg.status.success(), "{}", String::from_utf8_lossy(&svg.stderr));
    let svg = String::from_utf8(svg.stdout).unwrap();
    assert!(!svg.contains("<b>x</b>"), "markup leaked into the SVG");
    assert!(!svg.contains("pwned\"]"), "an injected edge was drawn");
}

#[test]
fn trace_shows_the_nested_chain_with_spans() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    assert!(hearsay(&store).args(["ingest", "-q", "examples/articles"]).status().unwrap().success());
    let out = hearsay(&store).args(["trace", "baltic freight institute"]).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(text.contains("cited by: Tomas Brandt (1)"), "{text}");
    assert!(text.contains("-[says]-> Tomas Brandt @") && text.contains("-[according to]-> Baltic Freight Institute @"), "{text}");
    let json = hearsay(&store).args(["trace", "Baltic Freight Institute", "--format", "json"]).output().unwrap();
    let value: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(value["chains"][0]["hops"].as_array().unwrap().len(), 2, "{value}");
    let missing = hearsay(&store).args(["trace", "Nobody Atall"]).output().unwrap();
    assert_eq!(missing.status.code(), Some(2));
}

#[test]
fn a_missing_graphviz_names_the_package_to_install() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    assert!(hearsay(&store).args(["ingest", "-q", "examples/articles/01-harbour-strike.txt"]).status().unwrap().success());
    let out = hearsay(&store).args(["diagram", "network", "--format", "png"]).env("PATH", dir.path()).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("install the graphviz package"), "{err}");
}

#[test]
fn numbers_from_different_sources_stand_side_by_side() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    assert!(hearsay(&store).args(["ingest", "-q", "examples/articles"]).status().unwrap().success());
    let out = hearsay(&store).args(["claims", "--about", "coastal workers union", "--numbers", "--format", "json"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let rows: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let stated = |source: &str, value: &str| rows.iter().any(|r| r["source"] == source && r["quantity"]["value"] == value);
    assert!(stated("Coastal Workers Union", "4000"), "{rows:?}");
    assert!(stated("Port of Gdansk Authority", "2500"), "{rows:?}");
    let claims = hearsay(&store).args(["claims", "--about", "Port of Gdansk Authority", "--format", "text"]).output().unwrap();
    assert!(String::from_utf8_lossy(&claims.stdout).contains("Port of Gdansk Authority [puts] \"the number at 2,500\""));
}

#[test]
fn claim_edges_say_the_cue_as_written_and_unattributed_claims_hang_from_the_article() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    assert!(hearsay(&store).args(["ingest", "-q", "examples/articles/01-harbour-strike.txt"]).status().unwrap().success());
    let out = hearsay(&store).args(["diagram", "article", "dock workers walk out"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let dot = String::from_utf8(out.stdout).unwrap();
    let id = |label_start: &str| -> String {
        let line = dot.lines().find(|l| l.contains(&format!("[label=\"{label_start}"))).unwrap_or_else(|| panic!("{label_start}: {dot}"));
        line.trim().split('[').next().unwrap().to_string()
    };
    // Tomas Brandt warned that shipping lines could begin diverting cargo.
    let (brandt, diverting) = (id("Tomas Brandt"), id("that shipping lines could begin"));
    assert!(dot.contains(&format!("{brandt} -> {diverting} [label=\"warned\"")), "{dot}");
    // Claim boxes are wrapped, not cut at 30 characters.
    assert!(dot.contains("that shipping lines could begin\\ndiverting cargo to Hamburg and\\nRotterdam"), "{dot}");
    // A claim without a source is drawn from the article.
    let (article, vessels) = (id("Dock Workers Walk Out"), id("that about 30 vessels were"));
    assert!(dot.contains(&format!("{article} -> {vessels} [label=\"unattributed\"")), "{dot}");
    assert!(!dot.contains("label=\":"), "punctuation as an edge label: {dot}");
}
