#!/usr/bin/env bash
# Extraction against the number of threads: `extract --format jsonl --jobs J` over one corpus for
# each J, with wall time, articles per second, MB per second, peak memory, the speed-up over one
# thread and the SHA-256 of the output (the same for every J, or the output depends on the thread
# count). Prints CSV; `scripts/scale_plot.py --cores CSV PNG` draws it. A benchmark, not a test.
#
#   scripts/scale_cores.sh HEARSAY CORPUS [JOBS...]     e.g. scripts/scale_cores.sh ./hearsay corpus 1 2 4 8 16
set -euo pipefail
bin="$1"
corpus="$2"
shift 2
jobs=("${@:-1 $(nproc)}")
work="$(mktemp -d "${TMPDIR:-/tmp}/hearsay-cores.XXXXXX")"
trap 'rm -rf "$work"' EXIT
files=$(find "$corpus" -name '*.txt' ! -iname 'readme*' ! -iname 'license*' | wc -l)
megabytes=$(find "$corpus" -name '*.txt' ! -iname 'readme*' ! -iname 'license*' -print0 | du -cb --files0-from=- | tail -1 | awk '{printf "%.2f", $1 / 1e6}')
echo "jobs,articles,megabytes,seconds,articles_per_s,mb_per_s,peak_mb,speedup,output_sha256"
base=""
for j in ${jobs[*]}; do
    /usr/bin/time -f '%e %M' -o "$work/time" "$bin" -q extract --format jsonl --jobs "$j" "$corpus" >"$work/out"
    read -r seconds kilobytes <"$work/time"
    base="${base:-$seconds}"
    sum=$(sha256sum "$work/out" | cut -c1-16)
    awk -v j="$j" -v n="$files" -v mb="$megabytes" -v s="$seconds" -v k="$kilobytes" -v b="$base" -v h="$sum" \
        'BEGIN { printf "%d,%d,%.2f,%.2f,%.0f,%.2f,%d,%.2f,%s\n", j, n, mb, s, n / s, mb / s, k / 1024, b / s, h }'
done
