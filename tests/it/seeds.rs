//! Accuracy floors on the customer's seeds, measured by ../shared/eval/score.py. These are
//! regression guards, set a little below the figures the closing note reports; the figures
//! themselves come from the evaluation command in the README.

use crate::{hearsay, root};
use std::process::Command;

#[test]
#[cfg_attr(not(shared_data), ignore = "needs ../shared (the evaluation data) beside the repository")]
fn seeds_score_above_the_floor() {
    let shared = root().join("../shared");
    if !shared.join("eval/score.py").exists() {
        eprintln!("skipped: ../shared is absent");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let out = hearsay(&dir.path().join("store")).args(["extract", "-q"]).arg(shared.join("corpus/seeds")).output().unwrap();
    assert!(out.status.success());
    let pred = dir.path().join("seeds.jsonl");
    std::fs::write(&pred, &out.stdout).unwrap();
    let score = Command::new("python3")
        .arg(shared.join("eval/score.py"))
        .arg("--gold-dir")
        .arg(shared.join("eval/gold"))
        .arg("--pred")
        .arg(&pred)
        .arg("--json")
        .output()
        .unwrap();
    let totals: serde_json::Value = serde_json::from_slice(&score.stdout).expect("score.py prints JSON");
    let at_least = |key: &str, floor: f64| {
        let value = totals[key].as_f64().unwrap();
        assert!(value >= floor, "{key} = {value} fell below {floor}: {totals}");
    };
    at_least("entity_f1", FLOOR_ENTITY_F1);
    at_least("claim_recall_with_source", FLOOR_CLAIMS);
    at_least("citation_edge_f1", FLOOR_EDGES);
}

const FLOOR_ENTITY_F1: f64 = 0.95;
const FLOOR_CLAIMS: f64 = 0.9;
const FLOOR_EDGES: f64 = 0.9;
