//! Pathological input (issue 17): one sentence repeated thousands of times, a line without
//! spaces, a flood of quotation marks, quotations nested hundreds deep, right-to-left text with
//! bidi controls, NUL bytes, another encoding, a file over the size limit. Each is analysed or
//! refused with its path and position, and the rest of the batch goes on. The inputs are made
//! here, small; `BENCHMARKS.md` has the figures at megabytes.

use crate::{hearsay, root};
use serde_json::Value;
use std::fs;
use std::path::Path;

/// The sentence of the issue.
const SENTENCE: &str = "The minister said that prices rose by 5 percent, according to the Office for National Statistics. ";
const REPEATS: usize = 2_000;
const LIMIT: usize = 1_000_000;

/// Writes the hostile batch; returns the names of the files that must be analysed.
fn batch(dir: &Path) -> Vec<&'static str> {
    fs::create_dir_all(dir).unwrap();
    let write = |name: &str, bytes: &[u8]| fs::write(dir.join(name), bytes).unwrap();
    fs::copy(root().join("examples/articles/02-water-report.txt"), dir.join("good.txt")).unwrap();
    write("repeated.txt", SENTENCE.repeat(REPEATS).as_bytes());
    write("no-spaces.txt", "abcdefghij".repeat(50_000).as_bytes());
    let marks = ["\"", "“", "”", "‘", "’", "'", "«", "»", "„"];
    let flood: Vec<&str> = (0..20_000).map(|i| marks[(i * 7 + i / 3) % marks.len()]).collect();
    write("quotes.txt", format!("He said {}.\n", flood.join(" x ")).as_bytes());
    let depth = 400;
    let nested = format!("{}prices rose{}.\n", "Ann said “Bob said ‘".repeat(depth), "’ ”".repeat(depth));
    write("nested.txt", nested.as_bytes());
    let rtl = "قال الوزير إن الأسعار ارتفعت بنسبة 5 في المئة. אמר השר כי המחירים עלו. \u{202e}The minister said prices rose\u{202c}, \u{200f}officials said.\n";
    write("rtl.txt", rtl.repeat(300).as_bytes());
    write("nul.txt", b"The minister said so.\nThen \0 came.\n");
    write("latin1.txt", b"The minister said so.\nCaf\xe9 Z\xfcrich said no.\n");
    write("big.txt", "word ".repeat(LIMIT / 5 + 1).as_bytes());
    // A speaker carried to "he said" thousands of times (each looked back over every claim), and
    // thousands of firms named in full, then as speakers (each compared with every other name;
    // no name ends in "s", which the tagger may read as a plural, a group).
    let carried = (0..4_000).map(|i| format!("Mr Kane said prices rose by {i} percent. \"It is bad,\" he said.\n\n")).collect::<String>();
    write("carried.txt", carried.as_bytes());
    let firm = |i: usize| format!("Norvale{}", char::from(b"abcdefghijklmnopqrtuvwxyz"[i % 25]).to_string().repeat(1 + i / 25));
    let firms =
        (0..3_000).map(|i| format!("Shares in {0} Holdings rose. {0} said a spokesman would comment.\n\n", firm(i))).collect::<String>();
    write("firms.txt", firms.as_bytes());
    write("quoted.txt", quoted().as_bytes());
    vec!["carried.txt", "firms.txt", "good.txt", "nested.txt", "no-spaces.txt", "quoted.txt", "quotes.txt", "repeated.txt", "rtl.txt"]
}

/// Thousands of paragraphs of a framed quotation and an unframed one after it (each unframed
/// quotation looked for its frame among every claim).
fn quoted() -> String {
    (0..3_000).map(|i| format!("\"Prices rose by {i} percent,\" Ms Vale said. \"We expect more.\"\n\n")).collect()
}

fn stderr(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stderr).to_string()
}

/// The diagnostics that refuse the three bad files, each with its path and position.
fn assert_refusals(err: &str) {
    assert!(err.contains("nul.txt:2:6: binary file (NUL byte at byte offset 27)"), "{err}");
    assert!(err.contains("latin1.txt:2:4: invalid UTF-8 at byte offset 25"), "{err}");
    assert!(err.contains(&format!("big.txt: {} bytes is over the limit of {LIMIT} bytes", LIMIT + 5)), "{err}");
    assert_eq!(err.lines().filter(|l| l.starts_with("error:")).count(), 3, "{err}");
}

#[test]
fn regression_issue_17_hostile_files_are_analysed_or_refused_and_the_batch_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    let analysed = batch(&input);
    let limit = LIMIT.to_string();
    let out = hearsay(&dir.path().join("unused")).args(["extract", "--max-bytes", &limit]).arg(&input).output().unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert_refusals(&err);
    let docs: Vec<Value> = String::from_utf8_lossy(&out.stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let paths: Vec<String> = docs.iter().map(|d| d["document"]["path"].as_str().unwrap().rsplit('/').next().unwrap().to_string()).collect();
    assert_eq!(paths, analysed, "{err}");

    // The repeated sentence: one statistics office, every mention of it; one claim per sentence
    // at least ("said that ..." and "according to ...").
    let repeated = &docs[paths.iter().position(|p| p == "repeated.txt").unwrap()];
    let office = repeated["entities"].as_array().unwrap().iter().find(|e| e["name"] == "Office for National Statistics").unwrap();
    assert_eq!(office["type"], "Organization");
    assert_eq!(office["mentions"].as_array().unwrap().len(), REPEATS);
    assert!(repeated["claims"].as_array().unwrap().len() >= REPEATS, "{}", repeated["claims"].as_array().unwrap().len());

    // Every "he said" carries Mr Kane; every firm named as a speaker is the source of its claim.
    let claims_of = |name: &str| docs[paths.iter().position(|p| p == name).unwrap()]["claims"].as_array().unwrap().clone();
    let carried = claims_of("carried.txt");
    assert_eq!(carried.len(), 8_000);
    assert!(carried.iter().all(|c| c["source"] == carried[0]["source"] && !c["source"].is_null()), "{:?}", carried[1]);
    let firms = claims_of("firms.txt");
    assert_eq!(firms.len(), 3_000);
    assert!(firms.iter().all(|c| !c["source"].is_null()), "{:?}", firms.iter().find(|c| c["source"].is_null()));
    // Each unframed quotation continues the framed one before it: one claim of Ms Vale per
    // paragraph, covering both.
    let (quoted, text) = (claims_of("quoted.txt"), quoted());
    assert_eq!(quoted.len(), 3_000);
    let said = |c: &Value| &text[c["span"][0].as_u64().unwrap() as usize..c["span"][1].as_u64().unwrap() as usize];
    assert!(quoted.iter().all(|c| c["source"] == quoted[0]["source"] && said(c).ends_with("We expect more.\"")), "{:?}", quoted[0]);

    // The store takes the same batch: the nine readable files, the same three refusals.
    let store = dir.path().join("store");
    let out = hearsay(&store).args(["ingest", "--max-bytes", &limit]).arg(&input).output().unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert_refusals(&err);
    assert!(err.contains("ingested 9 articles"), "{err}");
}

/// Quotations nested 1,600 deep in one sentence (800 of "Ann said “Bob said ‘"): every cue
/// scanned the whole sentence for its subject's subtree and every claim read the sentence's
/// dates, which took over a minute at this depth (issue 17: 145 s at 2,000 deep). Each level is a
/// claim nested in the one around it.
#[test]
fn regression_issue_17_deep_nesting_in_one_sentence_is_analysed_in_time() {
    let dir = tempfile::tempdir().unwrap();
    let depth = 800;
    let path = dir.path().join("nested.txt");
    fs::write(&path, format!("{}prices rose{}.\n", "Ann said “Bob said ‘".repeat(depth), "’ ”".repeat(depth))).unwrap();
    let started = std::time::Instant::now();
    let out = hearsay(&dir.path().join("unused")).args(["extract", "-q"]).arg(&path).output().unwrap();
    // A generous bound: the linear passes take about a second; the quadratic ones took minutes.
    assert!(started.elapsed().as_secs() < 60, "{:?}", started.elapsed());
    assert!(out.status.success(), "{}", stderr(&out));
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    let claims = doc["claims"].as_array().unwrap();
    assert_eq!(claims.len(), 2 * depth - 1);
    assert_eq!(claims.iter().filter(|c| !c["parent"].is_null()).count(), 2 * depth - 2);
}
