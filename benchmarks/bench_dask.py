#!/usr/bin/env python3
"""What the Dask engine costs over the local engine on one machine: same inputs, same workers.

Run on demand (not a test: shared machines are noisy; run it with ``nice``):
    python benchmarks/bench_dask.py [FOLDER...] [--workers 1,2] [--rounds 2]
    python benchmarks/bench_dask.py --idle 30     # CPU of an idle cluster, both settings

For each worker count N it times ``convert_files(..., jobs=N)`` (a forked pool, as
``newsconv convert --jobs N``) and ``convert_files(..., engine="dask")`` on a ``LocalCluster`` of
N worker processes (newsconv's settings, and Dask's defaults: ``dask-defaults``), alternating
them round by round, and reports the best round of each: wall
time, and CPU time of every process involved (this one, the pool's workers, the Dask workers), which
a busy shared machine distorts far less than wall time. Cluster start-up and worker warm-up are
excluded from both: the formats are prepared in this process before the pool forks, and on every
Dask worker (the engine's worker plugin) before the clock starts. Inputs: the folders given, by
default every corpus article but the held-out ones: the BBC corpus and the PolNeAR train, dev and
annotator-training texts, 3,153 articles (never PolNeAR's test split).
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import Any
from unittest.mock import patch

import newsconv
from newsconv.batch import dask_engine

# Dask's own settings where newsconv's local cluster differs, for the "dask-defaults" rows.
_DEFAULTS: dict[str, Any] = {"distributed.scheduler.allowed-failures": 0}
SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora"
CORPORA = (
    SHARED / "bbc-fulltext" / "bbc",
    SHARED / "polnear" / "data" / "train" / "text",
    SHARED / "polnear" / "data" / "dev" / "text",
    SHARED / "polnear" / "data" / "annotator-training" / "text",
)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("folders", nargs="*", default=[str(c) for c in CORPORA], help="input folders")
    parser.add_argument("--workers", default="2", help="worker counts to compare, comma-separated")
    parser.add_argument("--rounds", type=int, default=2, help="rounds per engine; the best is reported")
    parser.add_argument("--formats", default="newsml,jsonld,turtle")
    parser.add_argument("--batch-size", type=int, default=25, help="inputs per Dask task")
    parser.add_argument(
        "--idle", type=float, help="only measure an idle cluster's CPU over this many seconds"
    )
    args = parser.parse_args()
    if args.idle:
        for workers in (int(n) for n in args.workers.split(",")):
            for engine, settings in (("dask", dask_engine.LOCAL_SETTINGS), ("dask-defaults", _DEFAULTS)):
                share = _idle(workers, settings, args.idle)
                print(f"{workers} workers, {engine}: idle cluster uses {100 * share:.1f} % of a core")
        return 0
    inputs: list[str] = args.folders
    count = sum(1 for folder in inputs for _ in Path(folder).rglob("*.txt"))
    formats = args.formats.split(",")
    newsconv.prepare(formats, read=False)  # as convert_files does; every forked pool worker starts warm
    print(f"{count} articles -> {','.join(formats)}, best of {args.rounds} round(s)")
    print(f"{'workers':>7} {'engine':>13} {'wall s':>7} {'art/s':>6} {'CPU s':>7} {'CPU ms/art':>10}")
    for workers in (int(n) for n in args.workers.split(",")):
        best = _compare(inputs, formats, workers, args.rounds, args.batch_size, count)
        for engine, (wall, cpu) in best.items():
            rate = count / wall
            print(f"{workers:>7} {engine:>13} {wall:7.1f} {rate:6.1f} {cpu:7.1f} {1000 * cpu / count:10.1f}")
        local_wall, local_cpu = best["local"]
        for engine in ("dask", "dask-defaults"):
            wall, cpu = best[engine]
            print(
                f"{workers:>7} {engine} overhead: wall {100 * (wall / local_wall - 1):+.1f}%,"
                f" CPU {100 * (cpu / local_cpu - 1):+.1f}%",
                flush=True,
            )
    return 0


def _compare(
    inputs: list[str], formats: list[str], workers: int, rounds: int, batch: int, count: int
) -> dict[str, tuple[float, float]]:
    """The best (wall, CPU) seconds of each engine over ``rounds`` alternating rounds."""
    runs: dict[str, list[tuple[float, float]]] = {"local": [], "dask": [], "dask-defaults": []}
    for number in range(1, rounds + 1):
        runs["local"].append(_timed(inputs, formats, count, None, jobs=workers))
        for engine, settings in (("dask", dask_engine.LOCAL_SETTINGS), ("dask-defaults", _DEFAULTS)):
            runs[engine].append(_on_cluster(inputs, formats, count, workers, batch, settings))
        print(f"  round {number}: " + ", ".join(f"{k} {v[-1][0]:.1f} s" for k, v in runs.items()))
    return {engine: min(times) for engine, times in runs.items()}


def _on_cluster(
    inputs: list[str], formats: list[str], count: int, workers: int, batch: int, settings: dict[str, Any]
) -> tuple[float, float]:
    """One timed Dask run on a fresh local cluster with ``settings``, its workers set up beforehand."""
    with (
        patch.dict(dask_engine.LOCAL_SETTINGS, settings, clear=True),
        dask_engine.connect(workers=workers) as client,
    ):
        client.wait_for_workers(workers)
        client.register_plugin(dask_engine.PrepareWorker(formats, None, {}), name=dask_engine.PLUGIN_NAME)
        return _timed(inputs, formats, count, client, engine="dask", client=client, batch_size=batch)


def _idle(workers: int, settings: dict[str, Any], seconds: float) -> float:
    """The share of a core that a local cluster with ``settings`` uses doing nothing, all processes."""
    with (
        patch.dict(dask_engine.LOCAL_SETTINGS, settings, clear=True),
        dask_engine.connect(workers=workers) as client,
    ):
        client.wait_for_workers(workers)
        time.sleep(2)  # let start-up settle
        before, start = _cpu(client), time.perf_counter()
        time.sleep(seconds)
        return (_cpu(client) - before) / (time.perf_counter() - start)


def _timed(
    inputs: list[str], formats: list[str], count: int, workers: Any, **how: Any
) -> tuple[float, float]:
    """Wall and CPU seconds of one conversion of every input into a fresh folder."""
    with tempfile.TemporaryDirectory(prefix="bench-dask-") as out:
        cpu = _cpu(workers)
        start = time.perf_counter()
        summary = newsconv.convert_files(inputs, formats, out, **how)
        elapsed = time.perf_counter() - start
        cpu = _cpu(workers) - cpu
    if summary.ok != count:
        print(f"  {summary.failed} failed ({how.get('engine', 'local')})", file=sys.stderr)
    return elapsed, cpu


def _cpu(client: Any) -> float:
    """CPU seconds used so far by this process, its reaped children and the Dask workers."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    total = own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime
    if client is not None:
        total += sum(client.run(_worker_cpu).values())
    return total


def _worker_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


if __name__ == "__main__":
    sys.exit(main())
