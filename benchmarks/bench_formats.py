#!/usr/bin/env python3
"""Articles per second, milliseconds per stage and peak memory, per output format and for a set of them.

Run on demand (not a test: shared machines are noisy):
    NEWSCONV_SCHEMA_DIR=../shared/schemas python benchmarks/bench_formats.py \
        ../shared/corpora/bbc-fulltext/bbc [--limit 300] [--compare /tmp/old-tree]

Each row runs in a fresh process (so its peak resident memory is its own) over the same
articles: every format alone, then the formats of ``--together`` (default newsml, jsonld and
turtle) written from one article after the other, as ``newsconv convert`` does. Stages, in
milliseconds per article, CPU time of that process (other work on a shared machine delays a
run without adding to its CPU time):

- read: the file's bytes;  extract: plain text to an Article (``newsconv.read``);
- write: every format of the row, unvalidated (``newsconv.write(..., validate=False)``);
- validate: validated writing (``newsconv.write``) less the unvalidated writing.

articles/s counts read + extract + validated writing. Set-up (schemas, shapes, context,
lexicons) is paid once before the timings; ``setup`` reports it. ``--compare TREE`` runs the
same rows with the newsconv package of another checkout first (``git worktree add`` one), so
old and new are measured side by side in one run. ``--convert-jobs 1,2`` then times the whole
``newsconv convert`` command over the same files (each tree; ``--jobs`` for the new one only):
wall and CPU seconds of all its processes, and the peak resident memory of the largest;
``--rounds N`` repeats that, the trees alternating, and ``--bytecode`` compiles both trees'
modules first (an installed package has its bytecode; with ``PYTHONDONTWRITEBYTECODE`` set,
every run would otherwise compile newsconv's sources again, 0.2-0.4 s).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

HEADER = f"{'tree':<5} {'formats':<22} {'art/s':>7} {'read':>6} {'extract':>8} {'write':>7} {'validate':>9} {'setup ms':>9} {'peak MB':>8}"


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("corpus", type=Path, help="folder of plain-text articles (searched recursively)")
    parser.add_argument("--limit", type=int, default=0, help="use only the first N articles")
    parser.add_argument("--formats", help="formats measured alone (default: every writable format)")
    parser.add_argument("--together", default="newsml,jsonld,turtle", help="formats measured together")
    parser.add_argument("--compare", type=Path, help="another checkout, measured first as 'old'")
    parser.add_argument(
        "--convert-jobs",
        default="",
        help="also time `newsconv convert FILES --to TOGETHER --out TMP --jobs N` for these N (e.g. 1,2)",
    )
    parser.add_argument(
        "--rounds", type=int, default=1, help="time each convert this often, trees alternating"
    )
    parser.add_argument(
        "--bytecode",
        action="store_true",
        help="compile each tree's modules first (python -m compileall), as an installed package has them",
    )
    parser.add_argument("--no-rows", action="store_true", help="only time the convert command")
    parser.add_argument("--row", help=argparse.SUPPRESS)  # internal: measure one row in this process
    args = parser.parse_args()
    files = sorted(args.corpus.rglob("*.txt"))
    files = files[: args.limit] if args.limit else files
    if args.row:
        print(json.dumps(measure(files, args.row.split(","))))
        return 0
    rows = (args.formats.split(",") if args.formats else _writable()) + [args.together]
    trees = [("old", args.compare), ("new", None)] if args.compare else [("new", None)]
    print(f"{len(files)} articles; ms per article (CPU time); one process per row")
    print(HEADER)
    for label, tree in trees:
        for row in [] if args.no_rows else rows:
            print(_line(label, row, _run_row(args, row, tree)), flush=True)
    if args.convert_jobs:
        if args.bytecode:
            for _, tree in trees:
                _compile(tree)
        print(f"\nnewsconv convert {len(files)} files --to {args.together} (validated), whole command")
        print(
            f"{'tree':<5} {'jobs':>4} {'wall s':>7} {'CPU s':>7} {'art/s wall':>11} {'art/s CPU':>10}"
            f" {'CPU ms/art':>10} {'peak MB':>8}"
        )
        for _ in range(args.rounds):
            for number, jobs in enumerate(args.convert_jobs.split(",")):
                for label, tree in trees:
                    if tree is not None and number:
                        continue  # the old tree runs without --jobs: once a round
                    timed = _run_convert(files, args.together, tree, jobs)
                    print(_convert_line(label, jobs, timed), flush=True)
    return 0


def _compile(tree: Path | None) -> None:
    """Write the bytecode of a tree's newsconv package (``PYTHONDONTWRITEBYTECODE`` would have each run compile it)."""
    if tree is None:
        import newsconv

        package = Path(newsconv.__file__).parent
    else:
        package = tree / "newsconv"
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(package)], check=True)


def _writable() -> list[str]:
    from newsconv import registry

    return [f.name for f in registry.writable()]


def _run_row(args: argparse.Namespace, row: str, tree: Path | None) -> dict[str, float]:
    environment = dict(os.environ)
    if tree is not None:
        environment["PYTHONPATH"] = os.pathsep.join([str(tree), environment.get("PYTHONPATH", "")])
    command = [sys.executable, __file__, str(args.corpus), "--row", row, "--limit", str(args.limit)]
    done = subprocess.run(command, env=environment, capture_output=True, text=True, check=True)
    result: dict[str, float] = json.loads(done.stdout.splitlines()[-1])
    return result


PEAK = (
    "import resource, subprocess, sys, time; start = time.perf_counter(); "
    "done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL); "
    "usage = resource.getrusage(resource.RUSAGE_CHILDREN); "
    "print(time.perf_counter() - start, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, done.returncode)"
)


def _run_convert(files: list[Path], formats: str, tree: Path | None, jobs: str) -> tuple[float, ...]:
    """Wall seconds, CPU seconds (all processes), peak resident MB (largest process) of one convert."""
    environment = dict(os.environ)
    if tree is not None:
        environment["PYTHONPATH"] = os.pathsep.join([str(tree), environment.get("PYTHONPATH", "")])
    with tempfile.TemporaryDirectory(prefix="bench-convert-") as work:
        out, inputs = Path(work, "out"), Path(work, "in")
        inputs.mkdir()
        for number, path in enumerate(files):  # one folder, numbered names: no two outputs clash
            (inputs / f"{number:05d}.txt").symlink_to(path.resolve())
        command = [
            sys.executable,
            "-m",
            "newsconv",
            "convert",
            *sorted(map(str, inputs.iterdir())),
            "--to",
            formats,
            "--out",
            str(out),
        ]
        if tree is None:  # the old tree's convert may have no --jobs
            command += ["--jobs", jobs]
        done = subprocess.run(  # not in a checkout: ``-m`` puts the working folder first on the import path
            [sys.executable, "-c", PEAK, *command],
            env=environment,
            cwd=work,
            capture_output=True,
            text=True,
            check=True,
        )
    wall, cpu, peak, code = done.stdout.split()
    return float(wall), float(cpu), int(peak) / 1024, len(files), int(code)


def _convert_line(label: str, jobs: str, result: tuple[float, ...]) -> str:
    wall, cpu, peak, count, code = result
    shown_jobs = jobs if label == "new" else "-"
    failed = "" if code == 0 else f"  exit {code:.0f}"
    rates = f"{count / wall:11.1f} {count / cpu:10.1f} {1000 * cpu / count:10.2f}"
    return f"{label:<5} {shown_jobs:>4} {wall:7.2f} {cpu:7.2f} {rates} {peak:8.0f}{failed}"


def _line(label: str, row: str, result: dict[str, float]) -> str:
    return (
        f"{label:<5} {row:<22} {result['rate']:7.1f} {result['read']:6.2f} {result['extract']:8.2f}"
        f" {result['write']:7.2f} {result['validate']:9.2f} {result['setup']:9.0f} {result['peak']:8.0f}"
    )


def measure(files: list[Path], formats: list[str]) -> dict[str, float]:
    """One row: the stages of reading, extracting and writing ``files`` in ``formats``, in this process."""
    import newsconv

    start = time.process_time()
    for name in formats:  # set-up, outside the stage timings
        newsconv.write(newsconv.read(files[0].read_bytes()), name)
    setup = time.process_time() - start
    blobs, read = _timed(lambda: [p.read_bytes() for p in files])
    articles, extract = _timed(lambda: [newsconv.read(b, source=str(p)) for b, p in zip(blobs, files)])
    _, write = _timed(lambda: [newsconv.write(a, f, validate=False) for a in articles for f in formats])
    _, validated = _timed(lambda: [newsconv.write(a, f) for a in articles for f in formats])
    count = len(files)
    return {
        "rate": count / (read + extract + validated),
        "read": 1000 * read / count,
        "extract": 1000 * extract / count,
        "write": 1000 * write / count,
        "validate": 1000 * max(0.0, validated - write) / count,
        "setup": 1000 * setup,
        "peak": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def _timed(work: Callable[[], T]) -> tuple[T, float]:
    start = time.process_time()
    result = work()
    return result, time.process_time() - start


if __name__ == "__main__":
    sys.exit(main())
