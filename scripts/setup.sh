#!/usr/bin/env bash
# Installs what building and testing hearsay needs on a fresh Debian/Ubuntu machine:
# libclang-dev (RocksDB's bindings), Graphviz (diagrams), curl (the server tests), pySHACL (the
# SHACL test), SPARQLWrapper and rdflib (the clients that query `hearsay serve` in its tests),
# Chromium with Playwright (the test that browses the served pages), and networkx (the network
# export test).
set -euo pipefail
sudo=""
if [ "$(id -u)" != 0 ]; then sudo="sudo"; fi
missing=()
for pkg in libclang-dev graphviz curl chromium; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq "${missing[@]}"
fi
if ! python3 -c "import pyshacl" 2>/dev/null; then
  python3 -m pip install --quiet pyshacl
fi
if ! python3 -c "import SPARQLWrapper, rdflib, playwright" 2>/dev/null; then
  python3 -m pip install --quiet SPARQLWrapper rdflib playwright
fi
# networkx reads the GraphML and GEXF that `hearsay network` writes (tests/it/network.rs).
if ! python3 -c "import networkx" 2>/dev/null; then
  python3 -m pip install --quiet networkx
fi
if ! command -v cargo >/dev/null; then
  echo "cargo is missing: install Rust from https://rustup.rs" >&2
  exit 1
fi
