#!/usr/bin/env python3
"""The cost of checking a batch's plan (output names, clashes, overwritten inputs) before converting.

Run on demand (not a test: shared machines are noisy):
    python benchmarks/bench_plan.py [--sizes 1000,2000,4000,8000,16000] [--formats newsml,jsonld]
    python benchmarks/bench_plan.py --names 1000000 --per-folder 1000

Time: for each size it makes that many empty ``.txt`` inputs in a temporary folder and times
``newsconv.batch.files.check_plan`` (the lazy listing plus the check that ``convert_files``
runs before anything is written), best of three. Beside it, up to 4,000 inputs, the pairwise
comparison of every planned output with every other (the check ``newsconv convert`` ran before
issue 13), so the two curves can be compared in one run: linear against quadratic.

Memory (``--names``): a walk of that many synthetic inputs (made as they are consumed, never a
list) over folders of ``--per-folder``, checked in a fresh child process each by
:class:`~newsconv.batch.plan.Plan` (which holds one folder's names at a time) and by a set of
every planned name (what the plan held before issue 16); each child reports its peak resident
memory above what it had before the check, and its CPU time.
"""

from __future__ import annotations

import argparse
import os
import posixpath
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from newsconv import registry
from newsconv.batch.files import check_plan, list_inputs
from newsconv.batch.plan import Plan, planned_outputs
from newsconv.batch.results import ConvertOptions
from newsconv.inputs import Input

_PAIRWISE_MAX = 4000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,2000,4000,8000,16000")
    parser.add_argument("--formats", default="newsml,jsonld")
    parser.add_argument("--names", type=int, help="measure memory over this many synthetic inputs")
    parser.add_argument("--per-folder", type=int, default=1000)
    parser.add_argument("--check", choices=["plan", "every-name"], help=argparse.SUPPRESS)  # the child
    args = parser.parse_args()
    formats = tuple(args.formats.split(","))
    if args.check:
        _measure(args.check, args.names, args.per_folder, formats)
    elif args.names:
        _compare_memory(args.names, args.per_folder, args.formats)
    else:
        _compare_time([int(s) for s in args.sizes.split(",")], formats)


def _compare_time(sizes: list[int], formats: tuple[str, ...]) -> None:
    print(f"{'inputs':>7} {'outputs':>8} {'plan s':>8} {'pairwise s':>11}")
    for size in sizes:
        with tempfile.TemporaryDirectory() as folder:
            for n in range(size):
                (Path(folder) / f"{n:06d}.txt").touch()
            options = ConvertOptions(formats, str(Path(folder) / "out"))
            plan = _best(check_plan, [folder], options)
            pairwise = _best(_pairwise, [folder], options) if size <= _PAIRWISE_MAX else None
            shown = f"{pairwise:11.3f}" if pairwise is not None else f"{'-':>11}"
            print(f"{size:7d} {size * len(formats):8d} {plan:8.3f} {shown}", flush=True)


def _compare_memory(names: int, per_folder: int, formats: str) -> None:
    print(f"{names:,} inputs in folders of {per_folder:,}, to {formats}")
    print(f"{'check':>11} {'peak MB':>8} {'CPU s':>7} {'names held at most':>19}")
    for check in ("every-name", "plan"):
        command = [sys.executable, __file__, "--check", check, "--names", str(names),
                   "--per-folder", str(per_folder), "--formats", formats]  # fmt: skip
        print(subprocess.run(command, check=True, capture_output=True, text=True).stdout.strip(), flush=True)


def _measure(check: str, names: int, per_folder: int, formats: tuple[str, ...]) -> None:
    """In a child process: check the synthetic walk one way; print peak memory added, time, names held."""
    extensions = [registry.get(name).extension for name in formats]
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.process_time()  # CPU seconds: on a shared machine wall time is mostly waiting
    held = (
        _every_name(names, per_folder, extensions)
        if check == "every-name"
        else _plan(names, per_folder, extensions)
    )
    seconds = time.process_time() - start
    peak = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024  # kB on Linux
    print(f"{check:>11} {peak:8.1f} {seconds:7.2f} {held:19,d}")


def _walk(names: int, per_folder: int) -> Iterator[Input]:
    """Synthetic inputs of a walk, made as they are consumed: folders two deep, ``per_folder`` each."""
    for number in range(names):
        folder, name = divmod(number, per_folder)
        parts = (f"{folder // 100:04d}", f"{folder % 100:02d}", f"{name:06d}.txt")
        yield Input(posixpath.join("/archive", *parts), parts)


def _plan(names: int, per_folder: int, extensions: list[str]) -> int:
    def relist(folder: str, parts: tuple[str, ...]) -> list[Input]:
        raise AssertionError("no folder of this walk comes back")

    plan = Plan(extensions, "/out", relist=relist)
    most = 0
    for number, item in enumerate(_walk(names, per_folder), 1):
        plan.add(item, walked=0)
        if number % per_folder == 0:  # a folder's last input: the most this walk holds
            most = max(most, plan.names_held)
    return most


def _every_name(names: int, per_folder: int, extensions: list[str]) -> int:
    """The check as it was: every input and every planned output kept, each with its input."""
    inputs: set[str] = set()
    outputs: dict[str, str] = {}
    for item in _walk(names, per_folder):
        inputs.add(os.path.normpath(item.path))
        for path in planned_outputs(item, extensions, "/out"):
            if os.path.normpath(path) in outputs:
                raise AssertionError(f"{path} planned twice")
            outputs[os.path.normpath(path)] = item.path
    return len(inputs) + len(outputs)


def _best(
    check: Callable[[list[str], ConvertOptions], object], arguments: list[str], options: ConvertOptions
) -> float:
    times = []
    for _ in range(3):
        start = time.perf_counter()
        check(arguments, options)
        times.append(time.perf_counter() - start)
    return min(times)


def _pairwise(arguments: list[str], options: ConvertOptions) -> set[str]:
    """Every planned output that another planned output equals, found by comparing each pair."""
    extensions = [registry.get(name).extension for name in options.to]
    planned = [
        str(p)
        for item in list_inputs(arguments, options)
        for p in planned_outputs(item, extensions, options.out)
    ]
    return {p for p in planned if sum(q == p for q in planned) > 1}


if __name__ == "__main__":
    main()
