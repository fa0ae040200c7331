#!/usr/bin/env python3
"""`newsconv validate` against `xmllint --noout --schema` on the same generated NewsML-G2 items.

Run on demand (not a test: shared machines are noisy):
    NEWSCONV_SCHEMA_DIR=../shared/schemas python benchmarks/bench_validate.py \
        ../shared/corpora/bbc-fulltext/bbc [--items 10000] [--message-items 50000]

Converts the plain-text articles to newsItems (each article reused with a fresh guid until
there are ``--items`` files), then times, each as one command over the whole folder:
xmllint (Debian/Ubuntu package libxml2-utils; XSD only), newsconv with ``--jobs 1``,
``--jobs 2`` and the default (XSD plus the G2 rules), and ``--jobs 1 --rule xsd`` (the XSD alone,
the same work as xmllint); each command runs ``--repeat`` times and the best time counts, as
other work on a shared machine only ever slows a run down. Finally it writes one newsMessage of
``--message-items`` items and reports the peak resident memory of validating it. (xmllint is not
run on the message: it builds the whole tree, about 10 times the file size, and reports every
copy's ids as duplicates, which takes minutes.)
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import newsconv
from newsconv import schema_store

GUID = re.compile(r'guid="([^"]*)"')
DECLARATION = re.compile(r"^<\?xml[^>]*\?>\s*")
NAR = "http://iptc.org/std/nar/2006-10-01/"
PEAK_RSS = (
    "import resource, subprocess, sys; subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL); "
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("corpus", type=Path, help="folder of plain-text articles (searched recursively)")
    parser.add_argument("--items", type=int, default=10_000, help="newsItem files to validate")
    parser.add_argument("--message-items", type=int, default=50_000, help="items in the streamed newsMessage")
    parser.add_argument("--keep", type=Path, help="generate into this folder and keep it")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each command; the best time counts")
    args = parser.parse_args()
    workdir = args.keep or Path(tempfile.mkdtemp(prefix="bench-validate-"))
    try:
        items = generate_items(args.corpus, args.items, workdir / "items")
        run_comparison(workdir / "items", items, args.repeat)
        message = write_message(workdir / "message.xml", args.corpus, args.message_items)
        run_memory(message, args.message_items)
    finally:
        if args.keep is None:
            shutil.rmtree(workdir, ignore_errors=True)
    return 0


def articles(corpus: Path, limit: int) -> list[str]:
    """Up to ``limit`` distinct newsItems (without XML declaration) converted from the corpus."""
    files = sorted(corpus.rglob("*.txt"))[:limit]
    return [DECLARATION.sub("", newsconv.write(newsconv.read_file(f), "newsml")) for f in files]


def variants(documents: list[str], count: int) -> Iterator[str]:
    """``count`` documents cycling through ``documents``, each copy with a guid of its own."""
    for number in range(count):
        document = documents[number % len(documents)]
        yield GUID.sub(f'guid="\\g<1>-{number}"', document, count=1)


def generate_items(corpus: Path, count: int, folder: Path) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    for number, document in enumerate(variants(articles(corpus, count), count)):
        (folder / f"{number:06d}.xml").write_text(document, encoding="utf-8")
    size = sum(p.stat().st_size for p in folder.iterdir()) / 1e6
    print(f"generated {count} newsItems ({size:.0f} MB) in {time.perf_counter() - start:.0f} s")
    return count


def timed(command: list[str], cwd: Path, repeat: int) -> tuple[float, float, int]:
    """The best wall time and the best CPU time (user + system) of ``repeat`` runs, and the exit code.

    CPU time is reported beside wall time because other work on a shared machine delays a
    command without adding to the CPU it uses.
    """
    best_wall, best_cpu, code = float("inf"), float("inf"), 0
    for _ in range(max(1, repeat)):
        before = _children_cpu()
        start = time.perf_counter()
        done = subprocess.run(
            command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False
        )
        best_wall = min(best_wall, time.perf_counter() - start)
        best_cpu, code = min(best_cpu, _children_cpu() - before), done.returncode
    return best_wall, best_cpu, code


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_comparison(folder: Path, count: int, repeat: int) -> None:
    xsd = str(schema_store.locate(schema_store.NEWSML_XSD))
    newsconv_cmd = [sys.executable, "-m", "newsconv", "validate", "."]
    cpus = len(os.sched_getaffinity(0))
    print(
        f"{count} files, {cpus} CPUs available, best of {repeat} runs; wall and CPU (user + system) seconds"
    )
    baseline: tuple[float, float] | None = None
    if shutil.which("xmllint"):
        files = sorted(p.name for p in folder.iterdir())
        wall, cpu, code = timed(["xmllint", "--noout", "--schema", xsd, *files], folder, repeat)
        baseline = wall, cpu
        print(f"{'xmllint --noout --schema':<34} {wall:7.2f} s wall {cpu:7.2f} s CPU  exit {code}")
    else:
        print("xmllint not found: install libxml2-utils (apt-get install libxml2-utils) to compare")
    runs: tuple[tuple[str, list[str]], ...] = (
        ("newsconv validate --jobs 1", ["--jobs", "1"]),
        ("newsconv --jobs 1 --rule xsd", ["--jobs", "1", "--rule", "xsd"]),
        ("newsconv validate --jobs 2", ["--jobs", "2"]),
        (f"newsconv validate (--jobs {cpus})", []),
    )
    for label, extra in runs:
        wall, cpu, code = timed(newsconv_cmd + extra, folder, repeat)
        ratio = f"  {wall / baseline[0]:5.2f}x wall {cpu / baseline[1]:5.2f}x CPU" if baseline else ""
        print(f"{label:<34} {wall:7.2f} s wall {cpu:7.2f} s CPU  exit {code}{ratio}")


def write_message(path: Path, corpus: Path, count: int) -> Path:
    documents = articles(corpus, 200)
    with open(path, "w", encoding="utf-8") as out:
        out.write(f'<?xml version="1.0" encoding="UTF-8"?>\n<newsMessage xmlns="{NAR}">\n')
        out.write("<header><sent>2025-01-01T00:00:00Z</sent></header>\n<itemSet>\n")
        out.writelines(variants(documents, count))
        out.write("</itemSet>\n</newsMessage>\n")
    return path


def run_memory(message: Path, count: int) -> None:
    size = message.stat().st_size / 1e6
    start = time.perf_counter()
    command = [sys.executable, "-m", "newsconv", "validate", str(message), "--jobs", "1"]
    peak = subprocess.run(
        [sys.executable, "-c", PEAK_RSS, *command], capture_output=True, text=True, check=True
    )
    seconds = time.perf_counter() - start
    print(
        f"newsMessage of {count} items ({size:.0f} MB): {seconds:.1f} s, peak RSS {int(peak.stdout) / 1024:.0f} MB"
    )


if __name__ == "__main__":
    sys.exit(main())
