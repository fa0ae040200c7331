"""Extraction throughput over a folder of plain-text articles (default: the BBC corpus).

Usage: python benchmarks/extract_speed.py [FOLDER] [--against OTHER_TREE] [--rounds N]
Reads and lays out every ``*.txt`` under FOLDER first, then times ``extract`` alone in this
single process and prints articles/s and words/s per CPU second (robust to a busy machine), the
one-off lexicon load time and peak memory.

With ``--against OTHER_TREE`` (another checkout, e.g. a worktree of the commit to compare with)
it runs the measurement in fresh processes, alternating this tree and the other one for N rounds
(default 3) so both see the same machine load, and prints each run, the load average and the
best and median CPU time per article of each tree.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

from newsconv.text import lexicons
from newsconv.text.decode import decode
from newsconv.text.extract import extract
from newsconv.text.layout import split

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "bbc-fulltext"
HERE = Path(__file__).resolve().parents[1]
FIGURES = re.compile(r"articles\s+(\d+)[\s\S]*extraction\s+([\d.]+) s wall, ([\d.]+) s CPU")


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


def _run(tree: Path, folder: Path) -> tuple[int, float, float]:
    """Articles, wall seconds and CPU seconds of one measurement with ``tree``'s newsconv."""
    env = {**os.environ, "PYTHONPATH": str(tree)}
    script = str(Path(__file__).resolve())
    out = subprocess.run(
        [sys.executable, script, str(folder)], env=env, capture_output=True, text=True, check=True
    )
    m = FIGURES.search(out.stdout)
    if m is None:
        raise SystemExit(f"unexpected output from {tree}:\n{out.stdout}{out.stderr}")
    return int(m.group(1)), float(m.group(2)), float(m.group(3))


def compare(folder: Path, other: Path, rounds: int) -> int:
    """Alternate this tree and ``other`` for ``rounds`` rounds; print each run and a summary."""
    trees = {"this": HERE, "other": other.resolve()}
    cpu_ms: dict[str, list[float]] = {name: [] for name in trees}
    for k in range(rounds):
        for name, tree in trees.items() if k % 2 == 0 else reversed(trees.items()):
            articles, wall, cpu = _run(tree, folder)
            cpu_ms[name].append(1000 * cpu / articles)
            load = " ".join(f"{x:.2f}" for x in os.getloadavg())
            print(
                f"round {k + 1} {name:5s} {tree}: {articles / cpu:.0f} articles/s per CPU second, "
                f"{1000 * cpu / articles:.3f} ms CPU/article, {articles / wall:.0f} articles/s wall (load {load})"
            )
    for name, values in cpu_ms.items():
        best, median = min(values), statistics.median(values)
        print(
            f"{name:5s} best {best:.3f} ms/article ({1000 / best:.0f}/s), median {median:.3f} ({1000 / median:.0f}/s)"
        )
    ratio = min(cpu_ms["other"]) / min(cpu_ms["this"])
    print(f"speed-up (best CPU time per article, other / this): {ratio:.2f}x")
    return 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--against", type=Path, help="another checkout to compare with, run alternately")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    sys.exit(compare(args.folder, args.against, args.rounds) if args.against else main(args.folder))
