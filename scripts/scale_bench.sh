#!/usr/bin/env bash
# Scale benchmarks: the BBC corpus replicated N times (scripts/scale_corpus.py), ingested into a
# fresh store at each size, with ingest time, peak memory, store size and the latency (median of
# three) of the store's questions. Appends one CSV row per size to OUT (default
# scale.csv); scripts/scale_plot.py draws it. A benchmark, not a test: figures depend on the
# machine and its load, which each row records.
#
#   scripts/scale_bench.sh HEARSAY [COPIES...]     e.g. scripts/scale_bench.sh /tmp/hearsay 1 10
#
# Environment: CORPUS (default ../shared/data/bbc-news), OUT (default scale.csv), WORK (a folder
# for the corpora and stores, default a temporary one, removed at the end).
set -euo pipefail
cd "$(dirname "$0")/.."
bin="$1"
shift
copies=("${@:-1 10}")
corpus="${CORPUS:-../shared/data/bbc-news}"
out="${OUT:-scale.csv}"
work="${WORK:-$(mktemp -d "${TMPDIR:-/tmp}/hearsay-scale.XXXXXX")}"
[[ -n "${WORK:-}" ]] || trap 'rm -rf "$work"' EXIT

# latency: the median wall time of three runs, in milliseconds.
source "$(dirname "$0")/bench_lib.sh"

[[ -f "$out" ]] || echo "copies,articles,quads,ingest_s,ingest_peak_mb,store_mb,trace_ms,claims_about_ms,diagram_entity_ms,who_cited_whom_ms,load_before,load_after" >"$out"
for n in ${copies[*]}; do
    python3 scripts/scale_corpus.py --copies "$n" --source "$corpus" "$work/corpus-$n" >/dev/null
    store="$work/store-$n"
    rm -rf "$store"
    load_before=$(cut -d' ' -f1 /proc/loadavg)
    /usr/bin/time -f '%e %M' -o "$work/time" "$bin" -q ingest --store "$store" "$work/corpus-$n"
    read -r seconds kilobytes <"$work/time"
    stats=$("$bin" stats --store "$store" --format json)
    articles=$(sed -n 's/.*"articles": *\([0-9]*\).*/\1/p' <<<"$stats")
    quads=$(sed -n 's/.*"quads": *\([0-9]*\).*/\1/p' <<<"$stats")
    megabytes=$(du -sb "$store" | awk '{printf "%.1f", $1 / 1e6}')
    trace=$(latency "$bin" trace --store "$store" "Tony Blair")
    claims=$(latency "$bin" claims --store "$store" --about "Tony Blair")
    entity=$(latency "$bin" diagram entity --store "$store" "Tony Blair")
    cited=$(latency "$bin" query --store "$store" -f examples/queries/who-cited-whom.rq)
    echo "$n,$articles,$quads,$seconds,$((kilobytes / 1024)),$megabytes,$trace,$claims,$entity,$cited,$load_before,$(cut -d' ' -f1 /proc/loadavg)" | tee -a "$out"
    rm -rf "$work/corpus-$n"
done
