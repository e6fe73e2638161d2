use crate::{hearsay, root};
use std::fs;
use std::process::Output;

fn run(cmd: &mut std::process::Command) -> Output {
    cmd.output().expect("hearsay runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("utf-8 stdout")
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("utf-8 stderr")
}

/// Every query in examples/queries answers as in tests/data/queries on the example articles
/// (rewrite with UPDATE_EXPECT=1). The answers are sorted by the queries, so the same store
/// gives the same bytes.
#[test]
fn example_queries_match_golden_answers() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    assert!(run(hearsay(&store).args(["ingest", "-q", "examples/articles"])).status.success());
    let update = std::env::var_os("UPDATE_EXPECT").is_some();
    let mut queries: Vec<_> = fs::read_dir(root().join("examples/queries")).unwrap().map(|e| e.unwrap().path()).collect();
    queries.sort();
    let mut failures = Vec::new();
    for query in &queries {
        let name = query.file_stem().unwrap().to_string_lossy().into_owned();
        let out = run(hearsay(&store).args(["query", "--format", "tsv", "-f"]).arg(query));
        assert!(out.status.success(), "{name}: {}", stderr(&out));
        let answer = stdout(&out);
        assert!(answer.lines().count() > 1, "{name} has no answer on the example articles:\n{answer}");
        let path = root().join(format!("tests/data/queries/{name}.tsv"));
        if update {
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(&path, &answer).unwrap();
        } else if fs::read_to_string(&path).unwrap_or_default() != answer {
            failures.push(name);
        }
    }
    assert_eq!(queries.len(), 6, "a query was added or removed: update this test and tests/data/queries");
    assert!(failures.is_empty(), "answers differ from tests/data/queries (UPDATE_EXPECT=1 to accept): {failures:?}");
}

#[test]
fn ingest_query_export_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let out = run(hearsay(&store).args(["ingest", "examples/articles"]));
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("ingested 5 articles"), "{}", stderr(&out));
    // The summary's distinct entities are what stats counts.
    let stats: serde_json::Value = serde_json::from_str(&stdout(&run(hearsay(&store).args(["stats", "--format", "json"])))).unwrap();
    let distinct = ["people", "organizations", "places"].iter().map(|k| stats[k].as_u64().unwrap()).sum::<u64>();
    assert!(stderr(&out).contains(&format!(": {distinct} distinct entities (")), "{}", stderr(&out));

    let out = run(hearsay(&store).args(["query", "--format", "csv", "-f", "examples/queries/who-cited-whom.rq"]));
    assert!(out.status.success(), "{}", stderr(&out));
    let answer = stdout(&out);
    assert!(answer.starts_with("reporter,source,claims"), "{answer}");
    assert!(answer.contains("Tomas Brandt,Baltic Freight Institute"), "nested citation missing:\n{answer}");

    // Export, load the N-Quads into a fresh in-memory store, and compare.
    let out = run(hearsay(&store).args(["export"]));
    assert!(out.status.success(), "{}", stderr(&out));
    let exported = stdout(&out);
    let memory = oxigraph::store::Store::new().unwrap();
    memory.load_from_slice(oxigraph::io::RdfFormat::NQuads, exported.as_bytes()).unwrap();
    assert_eq!(memory.len().unwrap(), exported.lines().count());
    assert_eq!(memory.named_graphs().count(), 5);

    let out = run(hearsay(&store).args(["stats", "--format", "json"]));
    let stats: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(stats["articles"], 5);
    assert!(stats["claims"].as_u64().unwrap() > 20, "{stats}");
    // One convention for JSON (--format json) on every command; --json stays as its shorthand.
    for args in [&["stats", "--json"][..], &["trace", "Tomas Brandt", "--json"], &["claims", "--about", "Tomas Brandt", "--json"]] {
        let out = run(hearsay(&store).args(args));
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        let first = stdout(&out).lines().next().unwrap_or_default().to_string();
        assert!(serde_json::from_str::<serde_json::Value>(&first).is_ok(), "{args:?} printed {first}");
    }

    // Every RDF format oxigraph writes works for the whole store and for one graph.
    for format in ["nquads", "trig", "turtle", "ntriples", "jsonld", "rdfxml", "n3"] {
        let out = run(hearsay(&store).args(["export", "--format", format]));
        assert!(out.status.success() && !out.stdout.is_empty(), "{format}: {}", stderr(&out));
    }
    let graph = exported.lines().next().unwrap().rsplit(' ').nth(1).unwrap().trim_matches(['<', '>']).to_string();
    let out = run(hearsay(&store).args(["export", "--format", "turtle", "--graph", &graph]));
    assert!(out.status.success(), "{}", stderr(&out));

    // CONSTRUCT answers print as RDF.
    let out = run(hearsay(&store).args(["query", "CONSTRUCT { ?a hs:cites ?b } WHERE { ?a hs:cites ?b }", "--format", "ntriples"]));
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).lines().all(|l| l.contains("ontology#cites")));
}

#[test]
fn reingesting_leaves_the_same_triples_and_duplicates_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let input = dir.path().join("in");
    fs::create_dir(&input).unwrap();
    fs::copy(root().join("examples/articles/01-harbour-strike.txt"), input.join("a.txt")).unwrap();
    assert!(run(hearsay(&store).args(["ingest"]).arg(&input)).status.success());
    let first = stdout(&run(hearsay(&store).args(["export"])));

    // The same content under another name is the same article.
    fs::copy(input.join("a.txt"), input.join("b.txt")).unwrap();
    let out = run(hearsay(&store).args(["ingest"]).arg(&input));
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("b.txt: duplicate of"), "{}", stderr(&out));
    // -q silences them (the count is in the summary, which -q silences too).
    let out = run(hearsay(&store).args(["-q", "ingest"]).arg(&input));
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stderr(&out), "", "-q printed something");
    let second = stdout(&run(hearsay(&store).args(["export"])));
    assert_eq!(first, second, "re-ingesting changed the store");

    // Replacing an article's text replaces its graph; the shared entity stays consistent.
    fs::remove_file(input.join("b.txt")).unwrap();
    fs::copy(root().join("examples/articles/04-border-trade.txt"), input.join("c.txt")).unwrap();
    assert!(run(hearsay(&store).args(["ingest"]).arg(&input)).status.success());
    let q = "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?e skos:prefLabel \"Tomas Brandt\" } }";
    let out = run(hearsay(&store).args(["query", q, "--format", "tsv"]));
    assert_eq!(stdout(&out).lines().nth(1), Some("2"), "{}", stdout(&out));
}

#[test]
fn output_is_byte_identical_across_runs() {
    let a = run(hearsay(std::path::Path::new("/nonexistent")).args(["extract", "--format", "nquads", "examples/articles"]));
    let b = run(hearsay(std::path::Path::new("/nonexistent")).args(["extract", "--format", "nquads", "examples/articles", "--jobs", "1"]));
    assert!(a.status.success());
    assert_eq!(a.stdout, b.stdout);
    let a = run(hearsay(std::path::Path::new("/nonexistent")).args(["extract", "examples/articles"]));
    let b = run(hearsay(std::path::Path::new("/nonexistent")).args(["extract", "examples/articles", "--batch", "1"]));
    assert_eq!(a.stdout, b.stdout);
    assert_eq!(stdout(&a).lines().count(), 5);
    assert!(!stdout(&a).contains("_:"), "blank node in output");
}

#[test]
fn a_locked_store_gives_a_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let _held = hearsay::store::Store::open(&store).unwrap();
    let out = run(hearsay(&store).args(["ingest", "examples/articles"]));
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("in use by another hearsay process"), "{}", stderr(&out));
    assert!(!stderr(&out).contains("panicked"));
}

#[test]
fn bad_input_is_reported_and_the_rest_is_ingested() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let input = dir.path().join("in");
    fs::create_dir_all(input.join("empty-dir")).unwrap();
    fs::copy(root().join("examples/articles/02-water-report.txt"), input.join("good.txt")).unwrap();
    fs::write(input.join("empty.txt"), "").unwrap();
    fs::write(input.join("binary.txt"), b"abc\0def").unwrap();
    fs::write(input.join("latin1.txt"), b"Caf\xe9 society\nline two \xff").unwrap();
    fs::write(input.join("big.txt"), "x".repeat(9000)).unwrap();
    let missing = dir.path().join("missing.txt");
    let out = run(hearsay(&store).args(["ingest", "--max-bytes", "8000"]).arg(&input).arg(&missing).arg(input.join("empty-dir")));
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("empty.txt: empty file"), "{err}");
    assert!(err.contains("binary.txt:1:4: binary file (NUL byte at byte offset 3)"), "{err}");
    assert!(err.contains("latin1.txt:1:4: invalid UTF-8 at byte offset 3"), "{err}");
    assert!(err.contains("big.txt: 9000 bytes is over the limit of 8000 bytes"), "{err}");
    assert!(err.contains("missing.txt: cannot read"), "{err}");
    assert_eq!(err.matches("missing.txt").count(), 1, "reported twice: {err}");
    assert!(err.contains("empty-dir: no articles"), "{err}");
    assert!(err.contains("ingested 1 articles"), "{err}");

    // A failed run loses nothing that was in the store.
    let before = stdout(&run(hearsay(&store).args(["export"])));
    let out = run(hearsay(&store).args(["ingest"]).arg(&missing));
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(before, stdout(&run(hearsay(&store).args(["export"]))));
}

#[test]
fn sparql_syntax_errors_name_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    assert!(run(hearsay(&store).args(["ingest", "examples/articles/01-harbour-strike.txt"])).status.success());
    let out = run(hearsay(&store).args(["query", "SELECT ?x WHERE {\n  ?x ?y \n}}"]));
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("SPARQL syntax error") && err.contains("3:"), "{err}");

    // In a pipe, answers are plain tab-separated values; SPARQL TSV is there by name.
    let q = "SELECT ?name WHERE { ?p a schema:Person ; skos:prefLabel ?name } ORDER BY ?name LIMIT 1";
    let plain = stdout(&run(hearsay(&store).args(["query", q])));
    assert!(plain.starts_with("name\n") && !plain.contains('"') && plain.lines().count() == 2, "{plain}");
    let tsv = stdout(&run(hearsay(&store).args(["query", q, "--format", "tsv"])));
    assert!(tsv.starts_with("?name\n\""), "{tsv}");

    // Positions count the user's text, not the predeclared prefixes; the message comes once,
    // plainly, and names the undeclared prefix.
    let out = run(hearsay(&store).args(["query", "SELECT ?x WHERE { ?x foo:bar ?y }"]));
    let err = stderr(&out);
    assert!(err.contains("at 1:29:") && err.contains("prefix foo: is not declared"), "{err}");
    assert_eq!(err.matches("SPARQL syntax error").count(), 1, "{err}");
    assert!(!err.contains("\\u{"), "{err}");
    let out = run(hearsay(&store).args(["query", "SELECT ?x WHERE { ?x ?y }"]));
    assert!(stderr(&out).contains("at 1:26: expected LATERAL, SERVICE"), "{}", stderr(&out));
}

#[test]
fn help_teaches() {
    let out = run(hearsay(std::path::Path::new("/nonexistent")).args(["--help"]));
    let help = stdout(&out);
    for command in ["ingest", "query", "export", "extract", "stats"] {
        assert!(help.contains(command), "{help}");
    }
}

#[test]
fn a_corpus_readme_is_skipped_with_a_note() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    fs::create_dir(&input).unwrap();
    fs::copy(root().join("examples/articles/01-harbour-strike.txt"), input.join("a.txt")).unwrap();
    fs::write(input.join("README.TXT"), "This corpus holds one article.\n").unwrap();
    let out = run(hearsay(&dir.path().join("store")).args(["extract"]).arg(&input));
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out).lines().count(), 1, "README.TXT was read as an article");
    assert!(stderr(&out).contains("README.TXT: skipped"), "{}", stderr(&out));
    let out = run(hearsay(&dir.path().join("store")).args(["-q", "extract"]).arg(&input));
    assert_eq!(stderr(&out), "");
    // Named on its own, it is read.
    let out = run(hearsay(&dir.path().join("store")).args(["extract"]).arg(input.join("README.TXT")));
    assert_eq!(stdout(&out).lines().count(), 1, "{}", stderr(&out));
}

#[test]
fn the_readme_extract_sample_is_what_extract_prints() {
    let readme = fs::read_to_string(root().join("README.md")).unwrap();
    let at = readme.find("examples/articles/01-harbour-strike.txt`:").expect("the README shows a claim of the first example");
    let start = readme[at..].find("```json\n").expect("a json block") + at + 8;
    let end = readme[start..].find("```").expect("the block ends") + start;
    let sample: serde_json::Value = serde_json::from_str(&readme[start..end]).expect("the README sample is JSON");
    let out = run(hearsay(std::path::Path::new("/nonexistent")).args(["extract", "examples/articles/01-harbour-strike.txt"]));
    let doc: serde_json::Value = serde_json::from_str(stdout(&out).lines().next().unwrap()).unwrap();
    let claim = doc["claims"].as_array().unwrap().iter().find(|c| c["span"] == sample["span"]).expect("the sample's claim is extracted");
    assert_eq!(claim, &sample, "README.md's extract sample differs from the output; paste the claim above");
}

/// Splits a README command line into arguments (single and double quotes group words).
fn shell_words(line: &str) -> Vec<String> {
    let (mut words, mut word, mut quote, mut started) = (Vec::new(), String::new(), None, false);
    for c in line.chars() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), c) => word.push(c),
            (None, '\'' | '"') => (quote, started) = (Some(c), true),
            (None, c) if c.is_whitespace() => {
                if started || !word.is_empty() {
                    words.push(std::mem::take(&mut word));
                }
                started = false;
            }
            (None, c) => word.push(c),
        }
    }
    if started || !word.is_empty() {
        words.push(word);
    }
    words
}

#[test]
fn the_readme_command_samples_are_what_hearsay_prints() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    assert!(run(hearsay(&store).args(["-q", "ingest", "examples/articles"])).status.success());
    let readme = fs::read_to_string(root().join("README.md")).unwrap();
    let mut checked = 0;
    for block in readme.split("```text\n").skip(1).map(|b| b.split("```").next().unwrap_or_default()) {
        let mut lines = block.lines().peekable();
        while let Some(line) = lines.next() {
            let Some(command) = line.strip_prefix("$ hearsay ") else { continue };
            let mut expected = Vec::new();
            while let Some(next) = lines.next_if(|l| !l.starts_with("$ ")) {
                expected.push(next.trim_end().to_string());
            }
            let mut args = shell_words(command);
            // Timings and the store's path differ from run to run.
            if matches!(args[0].as_str(), "ingest" | "stats") {
                continue;
            }
            // Tables are what a terminal gets; the test reads through a pipe.
            if !args.iter().any(|a| a == "--format") {
                match args[0].as_str() {
                    "query" => args.extend(["--format".to_string(), "table".to_string()]),
                    "claims" => args.extend(["--format".to_string(), "text".to_string()]),
                    _ => {}
                }
            }
            let out = run(hearsay(&store).args(&args));
            assert!(out.status.success(), "{command}: {}", stderr(&out));
            let actual: Vec<String> = stdout(&out).lines().map(|l| l.trim_end().to_string()).collect();
            assert_eq!(actual, expected, "README.md's sample of `hearsay {command}` differs from what it prints");
            checked += 1;
        }
    }
    assert!(checked >= 4, "only {checked} README samples found");
}

#[test]
fn a_negated_cue_reads_not_in_claims_and_diagrams() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    assert!(run(hearsay(&store).args(["-q", "ingest", "tests/data/golden/negated-cues/input.txt"])).status.success());
    let out = run(hearsay(&store).args(["claims", "--about", "Tom Vance"]));
    let text = stdout(&out);
    assert!(text.lines().any(|l| l.starts_with("Tom Vance\tnot claimed\t\tthe land was his\t")), "{text}");
    assert!(text.lines().any(|l| l.starts_with("Tom Vance\tnot confirmed\t\tthe sale\t")), "{text}");
    let out = run(hearsay(&store).args(["claims", "--about", "Ana Ruiz"]));
    assert!(stdout(&out).lines().any(|l| l.starts_with("Ana Ruiz\tsaid\t")), "{}", stdout(&out));
    let out = run(hearsay(&store).args(["diagram", "entity", "Tom Vance"]));
    assert!(stdout(&out).contains("label=\"not claimed\""), "{}", stdout(&out));
}

#[test]
fn claims_in_a_pipe_are_plain_tab_separated_values() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    assert!(run(hearsay(&store).args(["-q", "ingest", "examples/articles"])).status.success());
    let out = run(hearsay(&store).args(["claims", "--about", "Port of Gdansk Authority"]));
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("source\tcue\tvia\ttext\tarticle\tstart\tend"), "{text}");
    assert!(text.lines().any(|l| l.starts_with("Port of Gdansk Authority\tputs\t\tthe number at 2,500\t")), "{text}");
    assert!(text.lines().skip(1).all(|l| l.split('\t').count() == 7), "{text}");
    let out = run(hearsay(&store).args(["claims", "--about", "coastal workers union", "--numbers"]));
    let text = stdout(&out);
    assert_eq!(text.lines().next(), Some("counts\tvalue\tqualifier\tunit\tsource\tarticle"), "{text}");
    assert!(
        text.contains("members\t4000\tabout\t\tCoastal Workers Union\tDock Workers Walk Out at Gdansk Port as Pay Talks Collapse\n"),
        "{text}"
    );
    assert!(!text.contains("  "), "padded columns in a pipe: {text}");
}

#[test]
fn only_commands_that_use_a_store_or_a_base_take_them() {
    let help = |command: &str| stdout(&run(hearsay(std::path::Path::new("/nonexistent")).args([command, "--help"])));
    for command in ["evaluate", "train"] {
        assert!(!help(command).contains("--store") && !help(command).contains("--base"), "{command}: {}", help(command));
    }
    assert!(!help("extract").contains("--store") && help("extract").contains("--base"), "{}", help("extract"));
    for command in ["ingest", "query", "export", "trace", "claims", "diagram", "stats"] {
        assert!(help(command).contains("--store"), "{command}: {}", help(command));
    }
    let out = run(hearsay(std::path::Path::new("/nonexistent")).args(["extract", "--store", "x", "examples/articles"]));
    assert_eq!(out.status.code(), Some(2), "extract took --store");
}

#[test]
fn a_store_path_that_is_a_file_or_a_foreign_folder_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("notes.txt");
    fs::write(&file, "my notes\n").unwrap();
    for args in [&["stats"][..], &["query", "ASK {}"], &["ingest", "examples/articles/01-harbour-strike.txt"]] {
        let out = run(hearsay(&file).args(args));
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).contains("notes.txt is a file, not a store"), "{args:?}: {}", stderr(&out));
    }
    assert_eq!(fs::read_to_string(&file).unwrap(), "my notes\n");

    // A folder with the user's files in it is not written to.
    let folder = dir.path().join("papers");
    fs::create_dir(&folder).unwrap();
    fs::write(folder.join("draft.txt"), "draft\n").unwrap();
    let out = run(hearsay(&folder).args(["ingest", "examples/articles/01-harbour-strike.txt"]));
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("papers is not a hearsay store and is not empty"), "{}", stderr(&out));
    assert_eq!(fs::read_dir(&folder).unwrap().count(), 1, "hearsay wrote among the user's files");

    // An empty folder becomes a store, and a store is opened again.
    let empty = dir.path().join("empty");
    fs::create_dir(&empty).unwrap();
    for _ in 0..2 {
        let out = run(hearsay(&empty).args(["-q", "ingest", "examples/articles/01-harbour-strike.txt"]));
        assert!(out.status.success(), "{}", stderr(&out));
    }
}
