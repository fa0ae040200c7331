#!/usr/bin/env python3
"""Throughput of read, and of write+validate per format, over a folder of plain-text articles.

Run on demand (not a test: shared machines are noisy):
    python benchmarks/bench_formats.py ../shared/corpora/bbc-fulltext/bbc [--limit N]
Reports articles/s and words/s, single process, and the peak resident memory.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

import newsconv
from newsconv import registry


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--limit", type=int, default=0, help="use only the first N articles")
    parser.add_argument("--formats", default=",".join(f.name for f in registry.writable()))
    args = parser.parse_args()
    files = sorted(p for p in args.corpus.rglob("*.txt"))
    files = files[: args.limit] if args.limit else files
    blobs = [p.read_bytes() for p in files]
    words = sum(len(b.split()) for b in blobs)
    formats = args.formats.split(",")
    for name in formats:  # load schemas, contexts and shapes once, outside the timings
        newsconv.write(newsconv.read(blobs[0]), name)

    start = time.perf_counter()
    articles = [newsconv.read(b, source=str(p)) for b, p in zip(blobs, files)]
    elapsed = time.perf_counter() - start
    print(f"{len(files)} articles, {words} words")
    print(
        f"{'read (text + extraction)':<28} {len(files) / elapsed:9.1f} articles/s {words / elapsed:11.0f} words/s"
    )
    for name in formats:
        start = time.perf_counter()
        for article in articles:
            newsconv.write(article, name, validate=False)
        written = time.perf_counter() - start
        start = time.perf_counter()
        for article in articles:
            newsconv.write(article, name)
        validated = time.perf_counter() - start
        print(
            f"{'write ' + name:<28} {len(files) / written:9.1f} articles/s;"
            f" write+validate {len(files) / validated:8.1f} articles/s"
        )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak resident memory: {peak:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
