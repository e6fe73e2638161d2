//! Bytes in, extraction out: the pure pipeline must neither panic nor hang on any input.
//!
//! The first byte chooses how the rest is read (text, HTML page or JSON line), so one target
//! covers the three decoders; whatever decodes then goes through every pure stage, the JSON
//! contract and the article's quads.
#![no_main]

use hearsay::extract::Pipeline;
use hearsay::ingest::{self, Kind, ReadOptions, Record};
use hearsay::rdf::{self, Iris};
use libfuzzer_sys::fuzz_target;
use std::sync::LazyLock;

static PIPELINE: LazyLock<Pipeline> = LazyLock::new(|| Pipeline::new(Iris::default()));

fuzz_target!(|data: &[u8]| {
    let Some((&selector, bytes)) = data.split_first() else { return };
    let kind = match selector % 3 {
        0 => Kind::Text,
        1 => Kind::Html,
        _ => Kind::Jsonl,
    };
    let record = Record { path: "fuzz".into(), line: Some(1), kind, bytes: bytes.to_vec() };
    let Ok(source) = ingest::parse(record, &ReadOptions::default()) else { return };
    let doc = PIPELINE.run(source);
    let _ = PIPELINE.json(&doc);
    let _ = rdf::quads(&doc, PIPELINE.iris());
});
