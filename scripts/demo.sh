#!/usr/bin/env bash
# The main job on the bundled examples: set up, build, ingest examples/articles into a fresh
# store, and ask who cited whom.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/hearsay-target}"
hearsay="$CARGO_TARGET_DIR/release/hearsay"
if [ ! -x "$hearsay" ]; then
  echo "building hearsay (the first build compiles RocksDB: 12-15 minutes on two cores; later builds take seconds)" >&2
fi
cargo build --release
export HEARSAY_STORE="${HEARSAY_STORE:-$PWD/target/demo.store}"
rm -rf "$HEARSAY_STORE"
"$hearsay" ingest examples/articles
"$hearsay" query -f examples/queries/who-cited-whom.rq --format table
echo
echo "The demo store is $HEARSAY_STORE. Try, as printed:"
printf '  %q stats --store %q\n' "$hearsay" "$HEARSAY_STORE"
printf '  %q query --store %q -f examples/queries/original-sources.rq\n' "$hearsay" "$HEARSAY_STORE"
printf '  %q trace --store %q "Tomas Brandt"\n' "$hearsay" "$HEARSAY_STORE"
