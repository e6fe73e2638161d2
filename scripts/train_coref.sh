#!/usr/bin/env bash
# Trains the coreference ranker (data/models/coref.hsm) on GUM's coreference annotation:
# prepares GUM's train and dev splits as texts and gold.json with ../shared/eval/score_coref.py,
# then runs `hearsay train coref`. Rebuild hearsay afterwards (the weights are compiled in).
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${SHARED:-../shared}
work=${WORK:-target/coref-gum}
mkdir -p "$work"
for split in train dev; do
  python3 "$shared/eval/score_coref.py" prepare --split "$split" "$shared/data/train/gum-permissive/dep" "$work/$split" >/dev/null
done
cargo run --release --quiet -- train coref --data "$work" "$@"
