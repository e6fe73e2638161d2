#![allow(clippy::print_stdout, clippy::print_stderr)]
//! Throughput of the pipeline's stages on a corpus, in MB/s (a benchmark, not a test).
//!
//! `cargo bench --bench throughput [DIR]` (default ../shared/data/bbc-news) reads every .txt file
//! once, then times layout + segmentation, recognition, attribution and resolution, and the whole
//! pipeline with RDF, each over the whole corpus on one thread, best of three runs; and tokens per
//! second for segmentation, tagging and tagging with parsing (one run each). Parallel
//! throughput is what `hearsay extract` prints at the end of a run.

use hearsay::attribute::attribute;
use hearsay::extract::Pipeline;
use hearsay::ingest::{self, Source};
use hearsay::layout::analyze;
use hearsay::lexicon::Lexicon;
use hearsay::rdf::{self, Iris};
use hearsay::recognize::recognize;
use hearsay::resolve::resolve;
use hearsay::segment::segment;
use std::path::PathBuf;
use std::time::Instant;

fn main() {
    let dir = std::env::args()
        .skip(1)
        .find(|a| !a.starts_with('-'))
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("../shared/data/bbc-news"));
    let sources: Vec<Source> = {
        let options = ingest::ReadOptions::default();
        let dirs = [dir.clone()];
        ingest::records(&dirs, &options).filter_map(Result::ok).filter_map(|r| ingest::parse(r, &options).ok()).collect()
    };
    if sources.is_empty() {
        eprintln!("no articles under {} (pass a directory)", dir.display());
        return;
    }
    let bytes: usize = sources.iter().map(|s| s.text.len()).sum();
    let mb = bytes as f64 / 1e6;
    println!("{} articles, {:.2} MB from {}", sources.len(), mb, dir.display());
    let started = Instant::now();
    let lexicon = Lexicon::embedded();
    println!("{:<34} {:>8.1} ms (once per run)", "lexicon and gazetteer automaton", started.elapsed().as_secs_f64() * 1e3);
    let best = |name: &str, run: &dyn Fn() -> usize| {
        let mut best = f64::MAX;
        let mut count = 0;
        for _ in 0..3 {
            let t = Instant::now();
            count = run();
            best = best.min(t.elapsed().as_secs_f64());
        }
        println!("{name:<34} {:>8.2} MB/s  ({:.3} s, {count} items)", mb / best, best);
    };
    best("layout + segment", &|| sources.iter().map(|s| segment(&analyze(s.clone())).tokens.len()).sum());
    token_rates(&sources);
    best("... + recognize", &|| {
        sources
            .iter()
            .map(|s| {
                let a = analyze(s.clone());
                let seg = segment(&a);
                recognize(&seg, &lexicon).0.mentions.len()
            })
            .sum()
    });
    best("... + attribute + resolve", &|| {
        sources
            .iter()
            .map(|s| {
                let a = analyze(s.clone());
                let seg = segment(&a);
                let (r, d) = recognize(&seg, &lexicon);
                let syntax = hearsay::syntax::Parses::new(&seg, hearsay::syntax::Models::embedded());
                let (at, _) = attribute(&r, &syntax, &lexicon);
                resolve(&at, &lexicon, d).claims.len()
            })
            .sum()
    });
    let pipeline = Pipeline::new(Iris::default());
    best("whole pipeline + RDF quads", &|| sources.iter().map(|s| rdf::quads(&pipeline.run(s.clone()), pipeline.iris()).len()).sum());
}

/// Tokens per second for segmentation, tagging, and tagging with parsing (one run each).
fn token_rates(sources: &[Source]) {
    let models = hearsay::syntax::Models::embedded();
    let tokens: usize = sources.iter().map(|s| segment(&analyze(s.clone())).tokens.len()).sum();
    let tagged = |parse: bool| -> usize {
        sources
            .iter()
            .map(|s| {
                let a = analyze(s.clone());
                let seg = segment(&a);
                if parse {
                    return hearsay::syntax::analyze(&seg, models).heads.len();
                }
                seg.sentences
                    .iter()
                    .map(|st| {
                        let words: Vec<_> = st.tokens.clone().map(|i| models.tagger.lex(seg.word(i))).collect();
                        models.tagger.tag(&words).len()
                    })
                    .sum()
            })
            .sum()
    };
    let per_token = |name: &str, run: &dyn Fn() -> usize| {
        let t = Instant::now();
        run();
        let s = t.elapsed().as_secs_f64();
        println!("{name:<34} {:>8.0} tokens/s  ({s:.3} s, {tokens} tokens)", tokens as f64 / s);
    };
    per_token("layout + segment (tokens/s)", &|| sources.iter().map(|s| segment(&analyze(s.clone())).tokens.len()).sum());
    per_token("... + tag", &|| tagged(false));
    per_token("... + tag + parse", &|| tagged(true));
}
