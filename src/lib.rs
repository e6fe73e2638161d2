//! hearsay builds an RDF knowledge graph of the people, organizations and places in news
//! articles and of the claims they report: who said what, quoting whom, through whom.
//!
//! The pipeline runs in stages, each a module with one entry function (see ARCHITECTURE.md):
//! `ingest` (files in) → `layout` → `segment` → `recognize` → `attribute` → `resolve` → `rdf` →
//! `store` (Oxigraph on disk). The stages between `layout` and `rdf` are pure.
#![doc = include_str!("../README.md")]

pub mod text;
pub mod vocab;
pub mod lexicon;
pub mod ingest;
pub mod layout;
pub mod segment;
pub mod recognize;
pub mod attribute;
pub mod resolve;
pub mod rdf;
pub mod extract;
pub mod store;
pub mod evaluate;
pub mod facts;
pub mod load;
pub mod trace;
pub mod render;
