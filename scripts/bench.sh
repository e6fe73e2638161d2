#!/usr/bin/env bash
# Whole-process benchmarks of hearsay on a corpus (default ../shared/data/bbc-news): extraction
# with one thread and with all, ingest into a fresh on-disk store, store size, peak memory, a
# re-ingest of the same files, and the latency of the store's questions. Prints a Markdown table
# that BENCHMARKS.md quotes. A benchmark, not a test: figures depend on the machine and its load.
#
#   scripts/bench.sh [CORPUS] [HEARSAY]
#
# HEARSAY is the binary to measure (default: a release build of this checkout in
# $CARGO_TARGET_DIR, copied to a temporary folder first so that another build cannot replace it
# mid-run). Needs GNU time (/usr/bin/time) for peak memory.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus="${1:-../shared/data/bbc-news}"
work="$(mktemp -d "${TMPDIR:-/tmp}/hearsay-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT
if [[ -n "${2:-}" ]]; then
    bin="$2"
else
    export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/hearsay-target}"
    cargo build --release --quiet
    cp "$CARGO_TARGET_DIR/release/hearsay" "$work/hearsay"
    bin="$work/hearsay"
fi
[[ -d "$corpus" ]] || { echo "no corpus at $corpus" >&2; exit 1; }
store="$work/store"
files=$(find "$corpus" -name '*.txt' ! -iname 'readme*' ! -iname 'license*' | wc -l)
megabytes=$(find "$corpus" -name '*.txt' ! -iname 'readme*' ! -iname 'license*' -print0 | du -cb --files0-from=- | tail -1 | awk '{printf "%.2f", $1 / 1e6}')

# Runs a command, keeping its wall time in seconds and peak resident memory in MB.
measure() {
    /usr/bin/time -f '%e %M' -o "$work/time" "$@" >"$work/out" 2>"$work/err" || {
        echo "failed: $*" >&2
        tail -5 "$work/err" >&2
        exit 1
    }
    read -r seconds kilobytes <"$work/time"
    megs=$((kilobytes / 1024))
}

# latency: the median wall time of three runs, in milliseconds.
source "$(dirname "$0")/bench_lib.sh"

row() { printf '| %s | %s |\n' "$1" "$2"; }

echo "hearsay benchmarks on $corpus: $files files, $megabytes MB; $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo '| what | measured |'
echo '|---|---|'
measure "$bin" -q extract --jobs 1 "$corpus"
row 'extract, 1 thread' "$seconds s, $(awk "BEGIN { printf \"%.2f MB/s, %.0f articles/s\", $megabytes / $seconds, $files / $seconds }"), $megs MB peak"
measure "$bin" -q extract "$corpus"
row "extract, $(nproc) threads" "$seconds s, $(awk "BEGIN { printf \"%.2f MB/s, %.0f articles/s\", $megabytes / $seconds, $files / $seconds }"), $megs MB peak"
measure "$bin" -q ingest --store "$store" "$corpus"
row 'ingest into a new store' "$seconds s, $(awk "BEGIN { printf \"%.0f articles/s\", $files / $seconds }"), $megs MB peak"
articles=$("$bin" stats --store "$store" --format json | sed -n 's/.*"articles": *\([0-9]*\).*/\1/p')
quads=$("$bin" stats --store "$store" --format json | sed -n 's/.*"quads": *\([0-9]*\).*/\1/p')
bytes=$(du -sb "$store" | cut -f1)
logs=$(find "$store" -name '*.log' -printf '%s\n' | awk '{ s += $1 } END { printf "%d", s }')
row 'store after ingest' "$(awk "BEGIN { printf \"%.1f MB, %.1f KB per article\", $bytes / 1e6, $bytes / 1e3 / $articles }"), $((logs / 1024)) KB of write-ahead logs"
row 'statements' "$quads quads, $((quads / articles)) per article ($articles articles)"
measure "$bin" -q ingest --store "$store" "$corpus"
row 'ingest again (nothing changed)' "$seconds s, $megs MB peak"
row 'trace "Tony Blair"' "$(latency "$bin" trace --store "$store" "Tony Blair") ms"
row 'claims --about "Tony Blair"' "$(latency "$bin" claims --store "$store" --about "Tony Blair") ms"
row 'diagram entity "Tony Blair"' "$(latency "$bin" diagram entity --store "$store" "Tony Blair") ms"
row 'query -f examples/queries/who-cited-whom.rq' "$(latency "$bin" query --store "$store" -f examples/queries/who-cited-whom.rq) ms"
