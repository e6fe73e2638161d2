//! The command line's parts, beside `main.rs` (which runs the commands): the arguments and their
//! help (`args`) and the batch runs of `ingest` and `extract` with their progress and tallies
//! (`batch`).

pub(crate) mod args;
pub(crate) mod batch;
