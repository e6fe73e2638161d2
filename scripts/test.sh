#!/usr/bin/env bash
# The test suite: unit tests, the integration tests (CLI, golden files, SHACL, tidy) and the
# accuracy floors on ../shared when it is present. One release profile only, so RocksDB is
# compiled once.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/hearsay-target}"
cargo test --release "$@"
# The Virtuoso test runs alone after the rest (see tests/it/remote.rs).
if [ "$#" -eq 0 ]; then
  cargo test --release --test it -- --ignored --test-threads 1 remote::a_virtuoso
fi
