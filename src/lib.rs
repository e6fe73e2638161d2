//! hearsay builds an RDF knowledge graph of the people, organizations and places in news
//! articles and of the claims they report: who said what, quoting whom, through whom.
//!
//! The pipeline runs in stages, each a module with one entry function (see ARCHITECTURE.md):
//! `ingest` (text, HTML and JSON Lines in) → `layout` → `segment` → `recognize` → `attribute` →
//! `resolve` → `rdf` → `store` (Oxigraph on disk); `network` writes the citation and co-mention
//! networks for network analysis tools. The stages between `layout` and `rdf` are pure.
#![doc = include_str!("../README.md")]

pub mod attribute;
pub mod coref;
pub mod evaluate;
pub mod extract;
pub mod facts;
pub mod ingest;
pub mod layout;
pub mod lexicon;
pub mod load;
pub mod network;
pub mod rdf;
pub mod recognize;
pub mod render;
pub mod resolve;
pub mod segment;
pub mod serve;
pub mod store;
pub mod syntax;
pub mod text;
pub mod trace;
pub mod vocab;
