#!/usr/bin/env python3
"""Draws scripts/scale_bench.sh's CSV: ingest time, peak memory and query latency against the
number of articles, as one PNG (needs matplotlib: pip install matplotlib). With --cores, draws
scripts/scale_cores.sh's CSV instead: extraction speed and speed-up against threads.

    scripts/scale_plot.py [CSV] [PNG]              (defaults: scale.csv, docs/scale.png)
    scripts/scale_plot.py --cores [CSV] [PNG]      (defaults: cores.csv, docs/scale-cores.png)
"""

import csv
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402


def cores(source: str, target: str) -> None:
    """Articles per second and speed-up over one thread, against the thread count."""
    with open(source, newline="") as f:
        rows = sorted(csv.DictReader(f), key=lambda r: int(r["jobs"]))
    jobs = [int(r["jobs"]) for r in rows]
    fig, (speed, speedup) = plt.subplots(1, 2, figsize=(10, 4.5))
    speed.plot(jobs, [float(r["articles_per_s"]) for r in rows], "o-")
    speed.set(title=f"extract, {rows[0]['articles']} articles", xlabel="threads", ylabel="articles per second")
    speedup.plot(jobs, [float(r["speedup"]) for r in rows], "o-", label="measured")
    speedup.plot(jobs, jobs, ":", label="linear")
    speedup.set(title="speed-up over one thread", xlabel="threads", ylabel="x")
    speedup.legend()
    for axes in (speed, speedup):
        axes.grid(True, alpha=0.3)
    fig.tight_layout()
    fig.savefig(target, dpi=100)


def main() -> int:
    args = sys.argv[1:]
    if args[:1] == ["--cores"]:
        source = args[1] if len(args) > 1 else "cores.csv"
        target = args[2] if len(args) > 2 else "docs/scale-cores.png"
        cores(source, target)
        print(f"wrote {target}")
        return 0
    source = args[0] if args else "scale.csv"
    target = args[1] if len(args) > 1 else "docs/scale.png"
    with open(source, newline="") as f:
        rows = sorted(csv.DictReader(f), key=lambda r: int(r["articles"]))
    articles = [int(r["articles"]) for r in rows]
    column = lambda name: [float(r[name]) for r in rows]  # noqa: E731
    fig, (ingest, memory, latency) = plt.subplots(1, 3, figsize=(15, 4.5))
    ingest.plot(articles, column("ingest_s"), "o-")
    ingest.set(title="ingest time", xlabel="articles", ylabel="seconds", xscale="log", yscale="log")
    memory.plot(articles, column("ingest_peak_mb"), "o-", label="ingest, peak resident")
    memory.plot(articles, column("store_mb"), "s-", label="store on disk")
    memory.set(title="memory and store size", xlabel="articles", ylabel="MB", xscale="log", yscale="log")
    memory.legend()
    for name, label in [
        ("trace_ms", 'trace "Tony Blair"'),
        ("claims_about_ms", 'claims --about "Tony Blair"'),
        ("diagram_entity_ms", 'diagram entity "Tony Blair"'),
        ("who_cited_whom_ms", "who-cited-whom.rq"),
    ]:
        latency.plot(articles, column(name), "o-", label=label)
    latency.set(title="latency (median of 3)", xlabel="articles", ylabel="milliseconds", xscale="log", yscale="log")
    latency.legend(fontsize="small")
    for axes in (ingest, memory, latency):
        axes.grid(True, alpha=0.3)
    fig.tight_layout()
    fig.savefig(target, dpi=100)
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
