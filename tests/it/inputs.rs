//! Every kind of input end to end: crawler JSON Lines (with a field map and bad lines), HTML
//! pages, gzip, directories that mix them, and standard input.

use crate::{bin, hearsay, root};
use flate2::Compression;
use flate2::write::GzEncoder;
use serde_json::Value;
use std::fs;
use std::io::Write;
use std::path::Path;
use std::process::{Output, Stdio};

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).to_string()
}

/// The documents `hearsay extract` printed, one JSON object each.
fn documents(o: &Output) -> Vec<Value> {
    String::from_utf8_lossy(&o.stdout).lines().map(|l| serde_json::from_str(l).expect("a JSON line")).collect()
}

fn extract(args: &[&str]) -> Output {
    let dir = tempfile::tempdir().unwrap();
    hearsay(&dir.path().join("store")).args(["extract", "-q"]).args(args).output().unwrap()
}

fn gzip(path: &Path, bytes: &[u8]) {
    let mut encoder = GzEncoder::new(fs::File::create(path).unwrap(), Compression::default());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap();
}

/// `hearsay extract -q ARGS` with `input` on standard input.
fn extract_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = std::process::Command::new(bin())
        .args(["extract", "-q"])
        .args(args)
        .current_dir(root())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

#[test]
fn json_lines_give_metadata_and_bad_lines_are_reported_with_their_position() {
    let out = extract(&["tests/data/inputs/crawl-with-bad-lines.jsonl"]);
    assert_eq!(out.status.code(), Some(1), "a bad line makes the run fail: {}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("crawl-with-bad-lines.jsonl:2:37: not a JSON object: expected `:`"), "{err}");
    assert!(err.contains("crawl-with-bad-lines.jsonl:4: no article text (none of the fields maintext, text"), "{err}");
    let docs = documents(&out);
    assert_eq!(docs.len(), 2, "the good lines around the bad ones are read");
    let first = &docs[0]["document"];
    assert_eq!(first["path"], "tests/data/inputs/crawl-with-bad-lines.jsonl:1");
    assert_eq!(first["title"], "Bridge to reopen after repairs");
    assert_eq!(first["authors"], serde_json::json!(["Ivo Marsh"]));
    assert_eq!(first["published"], "2026-05-06");
    assert_eq!(first["publisher"], "rivertimes.example");
    assert_eq!(first["url"], "https://rivertimes.example/tarn-bridge");
    // `text` when there is no `maintext`; a byline string is split into names.
    assert_eq!(docs[1]["document"]["authors"], serde_json::json!(["Ivo Marsh", "Jo Lind"]));
    assert_eq!(docs[1]["document"]["path"], "tests/data/inputs/crawl-with-bad-lines.jsonl:5");
}

#[test]
fn spans_point_into_the_text_field() {
    let line = fs::read_to_string(root().join("tests/data/inputs/crawl-with-bad-lines.jsonl")).unwrap();
    let record: Value = serde_json::from_str(line.lines().next().unwrap()).unwrap();
    let text: Vec<char> = record["maintext"].as_str().unwrap().chars().collect();
    let out = extract(&["tests/data/inputs/crawl-with-bad-lines.jsonl"]);
    let doc = &documents(&out)[0];
    let claims = doc["claims"].as_array().unwrap();
    assert!(claims.iter().any(|c| c["source_text"].as_str().is_some_and(|s| s.contains("Renée Castellano"))), "{claims:?}");
    for claim in claims {
        let [b, e] = [&claim["span"][0], &claim["span"][1]].map(|v| v.as_u64().unwrap() as usize);
        assert_eq!(text[b..e].iter().collect::<String>(), claim["text"].as_str().unwrap());
    }
}

#[test]
fn map_names_a_feed_s_own_fields() {
    let out = extract(&[
        "--map",
        "text=story.body,title=headline,authors=byline",
        "--map",
        "date=published,url=link,publisher=outlet",
        "tests/data/inputs/feed-other-names.jsonl",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let doc = &documents(&out)[0]["document"];
    assert_eq!(doc["title"], "Orchard harvest falls by a third");
    assert_eq!(doc["authors"], serde_json::json!(["Sara Quist"]));
    assert_eq!(
        (&doc["published"], &doc["url"], &doc["publisher"]),
        (&"2026-10-12".into(), &"https://farmweekly.example/orchards".into(), &"Farm Weekly".into())
    );
    let bad = extract(&["--map", "colour=red", "tests/data/inputs/feed-other-names.jsonl"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).contains("is not PART=FIELD"), "{}", stderr(&bad));
}

#[test]
fn html_pages_give_the_body_declared_metadata_and_comments_apart() {
    let out = extract(&["tests/data/inputs/notice.html"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let doc = &documents(&out)[0];
    let d = &doc["document"];
    assert_eq!(d["title"], "Night buses return to the city centre", "JSON-LD's headline, not the <title>");
    assert_eq!(d["authors"], serde_json::json!(["Kofi Mensah"]));
    assert_eq!((&d["published"], &d["publisher"]), (&"2026-06-01".into(), &"Metro Journal".into()));
    assert_eq!(d["url"], "https://metrojournal.example/night-buses");
    let claims = doc["claims"].as_array().unwrap();
    let comment = claims.iter().find(|c| c["comment"] == true).expect("the reader comment is a claim of its commenter");
    assert_eq!((&comment["source_text"], &comment["text"]), (&"Rob T".into(), &"About time.".into()));
    assert!(claims.iter().any(|c| c["source_text"].as_str().is_some_and(|s| s.contains("Mariana Duarte"))), "{claims:?}");
    // The body ends before the comments; the related links and the menu are not in the text.
    let out = extract(&["--format", "nquads", "tests/data/inputs/notice.html"]);
    let nquads = String::from_utf8_lossy(&out.stdout);
    let text = nquads.lines().find(|l| l.contains("#isString")).unwrap();
    assert!(!text.contains("Tram works") && !text.contains("Transport"), "{text}");
    assert!(nquads.contains("<http://schema.org/url> <https://metrojournal.example/night-buses>"), "{nquads}");
    let body_end = d["body_span"][1].as_u64().unwrap() as usize;
    let comment_start = comment["span"][0].as_u64().unwrap() as usize;
    assert!(body_end < comment_start, "the comment lies outside the body");
}

#[test]
fn a_directory_mixes_text_html_json_lines_and_gzip() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    fs::create_dir_all(input.join("sub")).unwrap();
    fs::copy(root().join("examples/articles/01-harbour-strike.txt"), input.join("a.txt")).unwrap();
    gzip(&input.join("b.html.gz"), &fs::read(root().join("tests/data/inputs/notice.html")).unwrap());
    gzip(&input.join("sub/c.jsonl.gz"), &fs::read(root().join("examples/crawl.jsonl")).unwrap());
    fs::copy(root().join("examples/pages/clinic-closure.html"), input.join("sub/d.HTM")).unwrap();
    fs::write(input.join("notes.md"), "not an article").unwrap();
    let store = dir.path().join("store");
    let out = hearsay(&store).args(["ingest"]).arg(&input).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("ingested 5 articles"), "{}", stderr(&out));
    let out =
        hearsay(&store).args(["query", "--format", "plain", "SELECT ?s WHERE { ?a dcterms:source ?s } ORDER BY ?s"]).output().unwrap();
    let sources = String::from_utf8_lossy(&out.stdout);
    let names: Vec<&str> = sources.lines().skip(1).map(|l| l.rsplit('/').next().unwrap()).collect();
    assert_eq!(names, ["a.txt", "b.html.gz", "c.jsonl.gz:1", "c.jsonl.gz:2", "d.HTM"]);
}

#[test]
fn standard_input_is_read_as_its_first_bytes_say() {
    let jsonl = fs::read(root().join("examples/crawl.jsonl")).unwrap();
    let out = extract_stdin(&["-"], &jsonl);
    assert!(out.status.success(), "{}", stderr(&out));
    let docs = documents(&out);
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[1]["document"]["path"], "<stdin>:2");
    // Gzip on standard input is recognized by its magic bytes.
    let mut encoder = GzEncoder::new(Vec::new(), Compression::default());
    encoder.write_all(&fs::read(root().join("examples/pages/ferry-fares.html")).unwrap()).unwrap();
    let out = extract_stdin(&["-"], &encoder.finish().unwrap());
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(documents(&out)[0]["document"]["title"], "Ferry fares to rise in spring");
    // Plain text, and --input-format when the first bytes would mislead.
    let out = extract_stdin(&["-"], b"Harbour strike ends\n\nThe union said the strike was over.\n");
    assert_eq!(documents(&out)[0]["document"]["title"], "Harbour strike ends");
    let out = extract_stdin(&["--input-format", "text", "-"], b"{braces} open this story, the editor said.\n");
    assert_eq!(documents(&out).len(), 1, "{}", stderr(&out));
}

#[test]
fn a_json_line_over_the_limit_is_reported_and_the_next_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("big.jsonl");
    let long = format!("{{\"title\": \"Long\", \"maintext\": \"{}\"}}\n", "word ".repeat(400));
    let short = "{\"title\": \"Short\", \"maintext\": \"The mayor said the road would reopen.\"}\n";
    fs::write(&file, format!("{long}{short}")).unwrap();
    let out = extract(&["--max-bytes", "1000", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("big.jsonl:1: more than 1000 bytes"), "{}", stderr(&out));
    assert_eq!(documents(&out).len(), 1);
}

#[test]
fn a_truncated_gzip_stream_is_reported_once_after_the_lines_before_it() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("cut.jsonl.gz");
    let mut lines = String::new();
    for i in 0..400 {
        lines.push_str(&format!("{{\"title\": \"Story {i}\", \"maintext\": \"The mayor of Town {i} said the road would reopen.\"}}\n"));
    }
    let mut encoder = GzEncoder::new(Vec::new(), Compression::default());
    encoder.write_all(lines.as_bytes()).unwrap();
    let bytes = encoder.finish().unwrap();
    fs::write(&file, &bytes[..bytes.len() / 2]).unwrap();
    let out = extract(&[file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert_eq!(err.matches("cut.jsonl.gz: cannot read").count(), 1, "{err}");
    let read = documents(&out).len();
    assert!(read > 0 && read < 400, "{read} lines read before the cut");
}

#[test]
fn two_shards_fill_one_store_as_one_run_does() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    fs::create_dir(&input).unwrap();
    for (from, to) in [
        ("examples/articles/01-harbour-strike.txt", "a.txt"),
        ("examples/articles/01-harbour-strike.txt", "b-copy.txt"),
        ("examples/articles/02-water-report.txt", "c.txt"),
        ("examples/articles/03-election-poll.txt", "d.txt"),
        ("examples/pages/ferry-fares.html", "e.html"),
        ("examples/crawl.jsonl", "f.jsonl"),
    ] {
        fs::copy(root().join(from), input.join(to)).unwrap();
    }
    let export = |store: &Path| hearsay(store).args(["export"]).output().unwrap().stdout;
    let whole = dir.path().join("whole");
    assert!(hearsay(&whole).args(["ingest", "-q"]).arg(&input).status().unwrap().success());
    let sharded = dir.path().join("sharded");
    let mut taken = 0;
    for shard in ["1/2", "2/2"] {
        let out = hearsay(&sharded).args(["ingest", "--shard", shard]).arg(&input).output().unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
        let err = stderr(&out);
        taken += err.split("ingested ").nth(1).and_then(|s| s.split(' ').next()).unwrap().parse::<usize>().unwrap();
        assert!(err.contains("left to other shards"), "{err}");
    }
    assert_eq!(taken, 6, "every article in one shard, the copy skipped");
    assert_eq!(export(&sharded), export(&whole));
    let bad = hearsay(&sharded).args(["ingest", "--shard", "3/2"]).arg(&input).output().unwrap();
    assert_eq!(bad.status.code(), Some(2), "{}", stderr(&bad));
}
