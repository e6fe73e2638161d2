# Shell functions shared by the benchmark scripts (sourced, not run). Callers set $work, a
# scratch directory.

# The median wall time of three runs of a command, in milliseconds.
latency() {
    local times=()
    for _ in 1 2 3; do
        /usr/bin/time -f '%e' -o "$work/time" "$@" >/dev/null 2>&1
        times+=("$(awk '{printf "%d", $1 * 1000}' "$work/time")")
    done
    printf '%s\n' "${times[@]}" | sort -n | sed -n 2p
}
