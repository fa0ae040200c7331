"""Extraction time against the number of distinct entities an article names: linear or not.

Usage: python benchmarks/entity_scale.py [--sizes 500,2000,8000] [--kind all|org|person|place]
           [--against OTHER_TREE]

Builds one made-up article per size that names that many distinct organisations, persons and
places (each organisation also by a short form and an acronym, each person also by surname,
lone organisation words such as "the Department"), and prints the CPU seconds of ``extract``
on it and the seconds per thousand entities. A look-up that scans every entity named so far
makes the last column grow with the size; an indexed one keeps it flat.

With ``--against OTHER_TREE`` (another checkout, e.g. a ``git archive`` of main) it runs the
same measurement in a fresh process of each tree, one after the other per size, so both see the
same machine load.
"""

from __future__ import annotations

import argparse
import os
import string
import subprocess
import sys
import time
from pathlib import Path

from newsconv.text import lexicons
from newsconv.text.extract import extract

GIVEN = ("Anna", "David", "Maria", "Peter", "Laura", "James")
KINDS = ("all", "org", "person", "place")


def _made_up(k: int, head: str = "Q") -> str:
    """A distinct made-up word for each number ("Qaaab"), no lexicon's word."""
    return head + "".join(string.ascii_lowercase[k // 26**i % 26] for i in range(4))


def _org(k: int) -> str:
    """Two paragraphs' worth of one organisation: full name, short form, lone organisation word."""
    name = _made_up(k, "Z")
    return (
        f"Officials of the {name} Trading Corporation met on Monday. The {name} Trading board agreed, "
        f"and the Corporation said profits rose."
    )


def _person(k: int) -> str:
    given, surname = GIVEN[k % len(GIVEN)], _made_up(k)
    return f"{given} {surname}, a lawyer, said the plan would work. {surname} said it again on Tuesday."


def _place(k: int, places: list[str]) -> str:
    return f"The convoy drove through {places[k % len(places)]} on its way."


def article(size: int, kind: str) -> list[str]:
    """The paragraphs of an article that names ``size`` distinct entities of ``kind``."""
    places = sorted(p for p in lexicons.places() if p.isalpha() and p.istitle())
    out = []
    for k in range(size):
        if kind in ("all", "org"):
            out.append(_org(k))
        if kind in ("all", "person"):
            out.append(_person(k))
        if kind in ("all", "place"):
            out.append(_place(k, places))
    return out


def measure(sizes: list[int], kind: str) -> None:
    """Print one line per size: entities, paragraphs, CPU seconds, seconds per thousand entities."""
    extract(["Warm-up: Mr Smith said “this loads every lexicon once.”"])
    for size in sizes:
        paragraphs = article(size, kind)
        cpu = time.process_time()
        found = extract(paragraphs)
        cpu = time.process_time() - cpu
        entities = len(found.persons) + len(found.organizations) + len(found.places)
        print(
            f"{kind:7} size {size:6}  entities {entities:6}  paragraphs {len(paragraphs):6}  "
            f"{cpu:8.2f} s CPU  {1000 * cpu / size:7.3f} s per 1000"
        )


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="500,2000,8000")
    parser.add_argument("--kind", choices=KINDS, default="all")
    parser.add_argument("--against", type=Path, help="another checkout to measure in the same run")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    if args.against is None:
        measure(sizes, args.kind)
        return 0
    here = Path(__file__).resolve().parents[1]
    for size in sizes:
        for label, tree in (("this ", here), ("other", args.against.resolve())):
            env = {**os.environ, "PYTHONPATH": str(tree)}
            command = [sys.executable, __file__, "--sizes", str(size), "--kind", args.kind]
            done = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
            print(f"{label} {tree}: {done.stdout.strip()}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
