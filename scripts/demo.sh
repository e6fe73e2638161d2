#!/usr/bin/env bash
# The main job on the bundled examples: set up, build, ingest examples/articles into a fresh
# store, and ask who cited whom.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/hearsay-target}"
cargo build --release --quiet
hearsay="$CARGO_TARGET_DIR/release/hearsay"
export HEARSAY_STORE="${HEARSAY_STORE:-$PWD/target/demo.store}"
rm -rf "$HEARSAY_STORE"
"$hearsay" ingest examples/articles
"$hearsay" query -f examples/queries/who-cited-whom.rq --format table
echo
echo "store: $HEARSAY_STORE (try: $hearsay stats, $hearsay query -f examples/queries/original-sources.rq)"
