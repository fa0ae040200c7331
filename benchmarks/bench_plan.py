#!/usr/bin/env python3
"""The cost of checking a batch's plan (output names, clashes, overwritten inputs) before converting.

Run on demand (not a test: shared machines are noisy):
    python benchmarks/bench_plan.py [--sizes 1000,2000,4000,8000,16000] [--formats newsml,jsonld]

For each size it makes that many empty ``.txt`` inputs in a temporary folder and times
``newsconv.batch.files.check_plan`` (the lazy listing plus the set-based check that
``convert_files`` runs before anything is written), best of three. Beside it, up to 4,000 inputs,
the pairwise comparison of every planned output with every other (the check ``newsconv convert``
ran before issue 13), so the two curves can be compared in one run: linear against quadratic.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from newsconv import registry
from newsconv.batch.files import check_plan, list_inputs
from newsconv.batch.plan import planned_outputs
from newsconv.batch.results import ConvertOptions

_PAIRWISE_MAX = 4000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,2000,4000,8000,16000")
    parser.add_argument("--formats", default="newsml,jsonld")
    args = parser.parse_args()
    formats = tuple(args.formats.split(","))
    print(f"{'inputs':>7} {'outputs':>8} {'plan s':>8} {'pairwise s':>11}")
    for size in (int(s) for s in args.sizes.split(",")):
        with tempfile.TemporaryDirectory() as folder:
            for n in range(size):
                (Path(folder) / f"{n:06d}.txt").touch()
            options = ConvertOptions(formats, str(Path(folder) / "out"))
            plan = _best(check_plan, [folder], options)
            pairwise = _best(_pairwise, [folder], options) if size <= _PAIRWISE_MAX else None
            shown = f"{pairwise:11.3f}" if pairwise is not None else f"{'-':>11}"
            print(f"{size:7d} {size * len(formats):8d} {plan:8.3f} {shown}", flush=True)


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
