//! Each directory under tests/data/golden holds an input (`input.txt`, `input.html`, or
//! `input.jsonl` with one line) and the expected output of each stage: `layout.txt`,
//! `mentions.txt`, `claims.txt`, `extract.json` and `graph.nq`. Adding a case means adding a
//! directory. `UPDATE_EXPECT=1 cargo test` rewrites the expectations.

use crate::root;
use hearsay::extract::Pipeline;
use hearsay::ingest::{self, Kind, ReadOptions, Record, Source};
use hearsay::rdf::{self, Iris};
use hearsay::resolve::Document;
use std::fmt::Write as _;
use std::fs;

#[test]
fn golden_cases() {
    let pipeline = Pipeline::new(Iris::default());
    let update = std::env::var_os("UPDATE_EXPECT").is_some();
    let dir = root().join("tests/data/golden");
    let mut cases: Vec<_> = fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).filter(|p| p.is_dir()).collect();
    cases.sort();
    assert!(!cases.is_empty(), "no golden cases under {}", dir.display());
    let mut failures = Vec::new();
    for case in &cases {
        let name = case.file_name().unwrap().to_string_lossy().to_string();
        let doc = pipeline.run(input(case, &name));
        let outputs = [
            ("layout.txt", layout(&doc)),
            ("mentions.txt", mentions(&doc)),
            ("claims.txt", claims(&doc)),
            ("extract.json", serde_json::to_string_pretty(&pipeline.json(&doc)).unwrap() + "\n"),
            ("graph.nq", rdf::quads(&doc, pipeline.iris()).iter().map(|q| format!("{q} .\n")).collect()),
        ];
        for (file, actual) in outputs {
            let path = case.join(file);
            let expected = fs::read_to_string(&path).unwrap_or_default();
            if expected != actual {
                if update {
                    fs::write(&path, &actual).unwrap();
                } else {
                    failures.push(format!("{name}/{file} differs (UPDATE_EXPECT=1 to accept):\n{}", diff(&expected, &actual)));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

fn diff(expected: &str, actual: &str) -> String {
    let mut out = String::new();
    let (e, a): (Vec<&str>, Vec<&str>) = (expected.lines().collect(), actual.lines().collect());
    for i in 0..e.len().max(a.len()) {
        match (e.get(i), a.get(i)) {
            (Some(x), Some(y)) if x == y => {}
            (x, y) => {
                writeln!(out, "  line {}: expected {:?}\n          actual   {:?}", i + 1, x.unwrap_or(&""), y.unwrap_or(&"")).unwrap();
                if out.lines().count() > 20 {
                    break;
                }
            }
        }
    }
    out
}

/// The case's input, read as `hearsay` reads a file of its kind.
fn input(case: &std::path::Path, name: &str) -> Source {
    let kinds = [("input.txt", Kind::Text), ("input.html", Kind::Html), ("input.jsonl", Kind::Jsonl)];
    let (file, kind) = kinds.into_iter().find(|(f, _)| case.join(f).is_file()).unwrap_or_else(|| panic!("{name}: no input file"));
    let bytes = fs::read(case.join(file)).unwrap();
    let line = (kind == Kind::Jsonl).then_some(1);
    let bytes = if line.is_some() { bytes.split(|&b| b == b'\n').next().unwrap().to_vec() } else { bytes };
    let record = Record { path: format!("{name}/{file}"), line, kind, bytes };
    ingest::parse(record, &ReadOptions::default()).unwrap_or_else(|e| panic!("{e}"))
}

fn layout(doc: &Document) -> String {
    let meta = &doc.article.meta;
    let text = doc.article.text();
    let regions = &doc.article.regions;
    let mut out = String::new();
    writeln!(out, "title: {:?}", meta.title.as_ref().map(|f| &f.value)).unwrap();
    writeln!(out, "authors: {:?}", meta.authors.iter().map(|f| &f.value).collect::<Vec<_>>()).unwrap();
    writeln!(out, "editors: {:?}", meta.editors.iter().map(|f| &f.value).collect::<Vec<_>>()).unwrap();
    writeln!(out, "publisher: {:?}", meta.publisher.as_ref().map(|f| &f.value)).unwrap();
    writeln!(out, "published: {:?}", meta.published.as_ref().map(|f| &f.value)).unwrap();
    let edge = |s: &str, from_end: bool| {
        let chars: Vec<char> = s.chars().collect();
        if from_end { chars[chars.len().saturating_sub(40)..].iter().collect::<String>() } else { chars.iter().take(40).collect() }
    };
    writeln!(out, "body starts: {:?}", edge(regions.body.of(text), false)).unwrap();
    writeln!(out, "body ends: {:?}", edge(regions.body.of(text), true)).unwrap();
    writeln!(out, "trailer starts: {:?}", edge(regions.trailer.of(text).trim_start(), false)).unwrap();
    out
}

fn mentions(doc: &Document) -> String {
    let text = doc.article.text();
    let mut out = String::new();
    for e in &doc.entities {
        let forms: Vec<&str> = e.mentions.iter().map(|s| s.of(text)).collect();
        writeln!(out, "{} {} = {:?} [{}]", e.kind.as_str(), e.name, forms, e.evidence.join(", ")).unwrap();
    }
    out
}

fn claims(doc: &Document) -> String {
    let text = doc.article.text();
    let name = |e: Option<usize>| e.map_or("-".to_string(), |e| doc.entities[e].name.clone());
    let mut out = String::new();
    for (i, c) in doc.claims.iter().enumerate() {
        writeln!(
            out,
            "#{i} {} via {} [{}{}{}{}] {:?}{}",
            c.source_span.map_or_else(|| "-".to_string(), |s| format!("{} ({:?})", name(c.source), s.of(text))),
            name(c.reported_by),
            c.cue.as_ref().map_or("-", |c| c.lemma.as_str()),
            if c.direct { ", direct" } else { "" },
            if c.negated { ", negated" } else { "" },
            c.parent.map_or(String::new(), |p| format!(", in #{p}")),
            c.content.of(text),
            c.quantities.iter().map(|q| format!(" {{{} {:?} {:?}}}", q.value, q.qualifier, q.unit)).collect::<String>(),
        )
        .unwrap();
    }
    out
}
