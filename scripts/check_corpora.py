#!/usr/bin/env python3
"""Convert every article under the given folders to every writable format, validating each.

    python scripts/check_corpora.py ../shared/corpora/bbc-fulltext/bbc '../shared/corpora/polnear/data/'{train,dev,annotator-training}'/text'

(PolNeAR's test split is held out: never pass it.)

Prints each failure with its file and reason, then counts and time; exit 1 if any failed.
"""

from __future__ import annotations

import glob
import sys
import time
from pathlib import Path

import newsconv
from newsconv import registry


def check(files: list[Path]) -> list[str]:
    """One line per article that failed to read, write or validate."""
    formats = [f.name for f in registry.writable()]
    failures = []
    for path in files:
        try:
            article = newsconv.read_file(path)
            for name in formats:
                newsconv.write(article, name)
        except Exception as error:  # noqa: BLE001 (report every kind of failure, then go on)
            failures.append(f"{path}: {type(error).__name__}: {error}")
    return failures


def main(arguments: list[str]) -> int:
    folders = [Path(p) for a in arguments for p in sorted(glob.glob(a))]
    files = sorted(p for folder in folders for p in folder.rglob("*.txt"))
    start = time.perf_counter()
    failures = check(files)
    elapsed = time.perf_counter() - start
    for line in failures:
        print(line)
    print(
        f"{len(files) - len(failures)} of {len(files)} articles converted to all formats and validated"
        f" in {elapsed:.0f} s ({len(files) / elapsed:.1f} articles/s)"
    )
    return 1 if failures or not files else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
