//! Tests of the evaluate module (placeholder).
