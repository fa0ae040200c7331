"""Extraction throughput over a folder of plain-text articles (default: the BBC corpus).

Usage: python benchmarks/extract_speed.py [FOLDER]
Reads and lays out every ``*.txt`` under FOLDER first, then times ``extract`` alone in this
single process and prints articles/s and words/s per CPU second (robust to a busy machine), the
one-off lexicon load time and peak memory.
"""

from __future__ import annotations

import resource
import sys
import time
from pathlib import Path

from newsconv.text import lexicons
from newsconv.text.decode import decode
from newsconv.text.extract import extract
from newsconv.text.layout import split

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "bbc-fulltext"


def main(folder: Path) -> int:
    """Time extraction over every article of ``folder`` and print the figures."""
    bodies = [split(decode(p.read_bytes(), str(p))).paragraphs for p in sorted(folder.rglob("*.txt"))]
    if not bodies:
        print(f"no *.txt under {folder}", file=sys.stderr)
        return 2
    words = sum(len(paragraph.split()) for body in bodies for paragraph in body)
    start = time.perf_counter()
    lexicons.places()
    extract(["Warm-up: Mr Smith said “this loads every lexicon once.”"])
    loading = time.perf_counter() - start
    start, cpu = time.perf_counter(), time.process_time()
    for body in bodies:
        extract(body)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"articles      {len(bodies)}")
    print(f"words         {words}")
    print(f"lexicon load  {loading:.2f} s (once per process)")
    print(f"extraction    {seconds:.2f} s wall, {cpu:.2f} s CPU")
    print(
        f"throughput    {len(bodies) / cpu:.0f} articles/s, {words / cpu:.0f} words/s (per CPU second, one core)"
    )
    print(f"peak memory   {peak_mib:.0f} MiB (whole process)")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT))
