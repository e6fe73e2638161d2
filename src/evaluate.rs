//! Evaluation against annotated corpora (placeholder: being written).
