#!/usr/bin/env python3
"""Draws scripts/scale_bench.sh's CSV: ingest time, peak memory and query latency against the
number of articles, as one PNG (needs matplotlib: pip install matplotlib).

    scripts/scale_plot.py [CSV] [PNG]      (defaults: scale.csv, docs/scale.png)
"""

import csv
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402


def main() -> int:
    source = sys.argv[1] if len(sys.argv) > 1 else "scale.csv"
    target = sys.argv[2] if len(sys.argv) > 2 else "docs/scale.png"
    with open(source, newline="") as f:
        rows = sorted(csv.DictReader(f), key=lambda r: int(r["articles"]))
    articles = [int(r["articles"]) for r in rows]
    column = lambda name: [float(r[name]) for r in rows]  # noqa: E731
    fig, (ingest, memory, latency) = plt.subplots(1, 3, figsize=(15, 4.5))
    ingest.plot(articles, column("ingest_s"), "o-")
    ingest.set(title="ingest time", xlabel="articles", ylabel="seconds")
    memory.plot(articles, column("ingest_peak_mb"), "o-", label="ingest, peak resident")
    memory.plot(articles, column("store_mb"), "s-", label="store on disk")
    memory.set(title="memory and store size", xlabel="articles", ylabel="MB")
    memory.legend()
    for name, label in [
        ("trace_ms", 'trace "Tony Blair"'),
        ("claims_about_ms", 'claims --about "Tony Blair"'),
        ("diagram_entity_ms", 'diagram entity "Tony Blair"'),
        ("who_cited_whom_ms", "who-cited-whom.rq"),
    ]:
        latency.plot(articles, column(name), "o-", label=label)
    latency.set(title="latency (median of 3)", xlabel="articles", ylabel="milliseconds", yscale="log")
    latency.legend(fontsize="small")
    for axes in (ingest, memory, latency):
        axes.grid(True, alpha=0.3)
    fig.tight_layout()
    fig.savefig(target, dpi=100)
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
