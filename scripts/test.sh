#!/usr/bin/env bash
# The test suite: unit tests, the integration tests (CLI, golden files, SHACL, tidy, the shared
# store on Oxigraph's server and Virtuoso) and the accuracy floors on ../shared when it is
# present. One release profile only, so RocksDB is compiled once.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/hearsay-target}"
cargo test --release "$@"
