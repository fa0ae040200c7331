#!/usr/bin/env python3
"""What the Dask engine costs over the local engine on one machine: same inputs, same workers.

Run on demand (not a test: shared machines are noisy; run it with ``nice``):
    python benchmarks/bench_dask.py [--workers 1,2] [--rounds 2] [--limit N]

For each worker count N it times ``convert_files(..., jobs=N)`` (a forked pool, as
``newsconv convert --jobs N``) and ``convert_files(..., engine="dask")`` on a ``LocalCluster`` of
N worker processes, alternating them round by round, and reports the best round of each. Cluster
start-up and worker warm-up are excluded from both: the formats are prepared in this process
before the pool forks, and on every Dask worker (the engine's worker plugin) before the clock
starts. Inputs: the BBC corpus and the PolNeAR train and dev texts (never its test split).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import newsconv
from newsconv.batch import dask_engine

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora"
CORPORA = (
    SHARED / "bbc-fulltext" / "bbc",
    SHARED / "polnear" / "data" / "train" / "text",
    SHARED / "polnear" / "data" / "dev" / "text",
)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--workers", default="2", help="worker counts to compare, comma-separated")
    parser.add_argument("--rounds", type=int, default=2, help="rounds per engine; the best is reported")
    parser.add_argument("--limit", type=int, default=0, help="use only the first N articles")
    parser.add_argument("--formats", default="newsml,jsonld,turtle")
    parser.add_argument("--batch-size", type=int, default=25, help="inputs per Dask task")
    args = parser.parse_args()
    inputs = sorted(str(p) for corpus in CORPORA for p in corpus.rglob("*.txt"))
    inputs = inputs[: args.limit] if args.limit else inputs
    formats = args.formats.split(",")
    newsconv.prepare(formats)  # this process, and so every forked pool worker, starts warm
    print(f"{len(inputs)} articles -> {','.join(formats)}, best of {args.rounds} round(s)")
    print(f"{'workers':>7} {'local s':>8} {'art/s':>7} {'dask s':>8} {'art/s':>7} {'overhead':>9}")
    for workers in (int(n) for n in args.workers.split(",")):
        local, dask = _compare(inputs, formats, workers, args.rounds, args.batch_size)
        overhead = 100 * (dask / local - 1)
        print(
            f"{workers:>7} {local:8.1f} {len(inputs) / local:7.1f} {dask:8.1f} {len(inputs) / dask:7.1f}"
            f" {overhead:+8.1f}%",
            flush=True,
        )
    return 0


def _compare(
    inputs: list[str], formats: list[str], workers: int, rounds: int, batch: int
) -> tuple[float, float]:
    """The best wall time of each engine over ``rounds`` alternating rounds."""
    local: list[float] = []
    dask: list[float] = []
    with dask_engine.connect(workers=workers) as client:
        client.wait_for_workers(workers)
        client.register_plugin(dask_engine.PrepareWorker(formats, None, {}), name=dask_engine.PLUGIN_NAME)
        for _ in range(rounds):
            local.append(_timed(inputs, formats, jobs=workers))
            dask.append(_timed(inputs, formats, engine="dask", client=client, batch_size=batch))
    return min(local), min(dask)


def _timed(inputs: list[str], formats: list[str], **how: object) -> float:
    with tempfile.TemporaryDirectory(prefix="bench-dask-") as out:
        start = time.perf_counter()
        summary = newsconv.convert_files(inputs, formats, out, **how)  # type: ignore[arg-type]
        elapsed = time.perf_counter() - start
    if summary.ok != len(inputs):
        print(f"  {summary.failed} failed ({how.get('engine', 'local')})", file=sys.stderr)
    return elapsed


if __name__ == "__main__":
    sys.exit(main())
