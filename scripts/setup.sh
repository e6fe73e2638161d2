#!/usr/bin/env bash
# Installs what building and testing hearsay needs on a fresh Debian/Ubuntu machine:
# libclang-dev (RocksDB's bindings), Graphviz (diagrams), curl (the server tests), pySHACL (the
# SHACL test), SPARQLWrapper and rdflib (the clients that query `hearsay serve` in its tests),
# Chromium with Playwright (the test that browses the served pages), networkx (the network
# export test), and the two SPARQL servers the shared-store tests start on loopback: OpenLink
# Virtuoso (Debian's virtuoso-opensource) and Oxigraph's server (the `oxigraph` PyPI package, a
# prebuilt server binary).
set -euo pipefail
sudo=""
if [ "$(id -u)" != 0 ]; then sudo="sudo"; fi
missing=()
for pkg in libclang-dev graphviz curl chromium virtuoso-opensource; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  $sudo apt-get update -qq
  # Virtuoso's package asks for a dba password; noninteractive keeps the default. Its service is
  # not needed (the tests start their own servers), so a failure to start it is harmless.
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
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
# Oxigraph's server (tests/it/remote.rs).
if ! command -v oxigraph >/dev/null; then
  python3 -m pip install --quiet oxigraph
fi
if ! command -v cargo >/dev/null; then
  echo "cargo is missing: install Rust from https://rustup.rs" >&2
  exit 1
fi
