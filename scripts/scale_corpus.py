#!/usr/bin/env python3
"""Writes a synthetic corpus for scale tests: a corpus of .txt articles replicated N times.

    scripts/scale_corpus.py [--copies N] [--source DIR] OUTPUT

Copy k of `category/123.txt` is `OUTPUT/copy-k/category/123.txt`. hearsay keys an article by
the SHA-256 of its file's bytes, so identical copies would be one article: every copy after
the first ends with one more paragraph, "scale test copy k.", which makes its bytes (and so its
article id and graph) distinct. The paragraph has no capitalized word, so it names no entity
and states no claim: each copy analyses like the original, and the store holds N times the
articles, mentions and claims, about the same entities (as years of news about the same people
would). Copy 1 is the source corpus unchanged. Readme and licence files are left out.
"""

import argparse
import pathlib
import sys


def articles(source: pathlib.Path):
    """The corpus's article files, in a stable order."""
    for path in sorted(source.rglob("*.txt")):
        name = path.name.lower()
        if path.is_file() and not name.startswith(("readme", "license", "licence")):
            yield path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("output", type=pathlib.Path, help="folder to write the copies into (created)")
    parser.add_argument("--copies", type=int, default=10, help="how many copies of the corpus (default 10)")
    parser.add_argument("--source", type=pathlib.Path, default=pathlib.Path("../shared/data/bbc-news"))
    args = parser.parse_args()
    files = list(articles(args.source))
    if not files:
        print(f"no .txt articles under {args.source}", file=sys.stderr)
        return 1
    written = 0
    for k in range(1, args.copies + 1):
        for path in files:
            data = path.read_bytes()
            if k > 1:
                data = data.rstrip(b"\n") + f"\n\nscale test copy {k}.\n".encode()
            target = args.output / f"copy-{k}" / path.relative_to(args.source)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
            written += 1
    print(f"{written} files ({len(files)} x {args.copies}) in {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
