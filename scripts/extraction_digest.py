#!/usr/bin/env python3
"""Every extracted field of a corpus sample, dumped canonically: the safety net of speed work.

    python scripts/extraction_digest.py OUT.jsonl [--sets conll-train,polnear-train,bbc,gold-dev]
    python scripts/extraction_digest.py --compare OLD.jsonl NEW.jsonl

The first form reads every article of the chosen sets through the plain-text reader (decoding,
layout, extraction) and writes one JSON line per article: its label, the SHA-256 of its model
JSON and the model JSON itself (headline, byline, paragraphs, persons with titles and
affiliations, organisations, places, quotes with spans and speakers), keys sorted; it prints
the digest of the whole file. Run it with the Python of each tree to compare (set PYTHONPATH to
another checkout to digest that one: the script prints which ``newsconv`` it imported). The
second form says which articles differ and in which fields; it exits 1 when any does, so an
optimisation that changes one extracted value is caught before it lands.

Sets (train and dev splits only; held-out test splits are never read): ``conll-train`` (built
with ../shared/eval/make_conll.py --all, sports stories included), ``polnear-train`` (text
only), ``bbc`` (the BBC full-text corpus) and ``gold-dev`` (the hand-made dev set).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import newsconv
from newsconv.errors import NewsconvError
from newsconv.formats.model_json import to_dict
from newsconv.text.reader import read

SHARED = Path(__file__).resolve().parents[2] / "shared"
SETS = ("conll-train", "polnear-train", "bbc", "gold-dev")


def _conll_train(work: Path) -> list[Path]:
    """The CoNLL-2003 train documents as plain-text articles, built into ``work``."""
    script = SHARED / "eval" / "make_conll.py"
    source = SHARED / "corpora" / "conll2003-en" / "train.txt"
    subprocess.run(
        [sys.executable, str(script), str(source), str(work), "--all"], check=True, capture_output=True
    )
    return sorted((work / "texts").glob("*.txt"))


def _gold_dev() -> list[Path]:
    """The texts the hand-made dev set's gold files point to."""
    folder = SHARED / "gold" / "dev"
    texts = (json.loads(p.read_text(encoding="utf-8"))["text"] for p in sorted(folder.glob("*.json")))
    return [(folder / text).resolve() for text in texts]


def articles(sets: list[str], work: Path) -> Iterator[tuple[str, Path]]:
    """(label, path) of every article of ``sets``; labels do not depend on where the corpora are."""
    for name in sets:
        if name == "conll-train":
            paths = _conll_train(work / "conll")
        elif name == "polnear-train":
            paths = sorted((SHARED / "corpora" / "polnear" / "data" / "train" / "text").glob("*.txt"))
        elif name == "bbc":
            folder = SHARED / "corpora" / "bbc-fulltext" / "bbc"
            paths = sorted(folder.rglob("*.txt"))
        elif name == "gold-dev":
            paths = _gold_dev()
        else:
            raise SystemExit(f"unknown set {name!r}; known: {', '.join(SETS)}")
        for path in paths:
            yield f"{name}/{path.parent.name}/{path.name}", path


def record(label: str, path: Path) -> dict[str, Any]:
    """One article's line: its model JSON (or the error reading it) and that JSON's hash."""
    try:
        model: Any = to_dict(read(path.read_bytes(), label))
    except NewsconvError as error:
        model = {"error": type(error).__name__, "message": str(error)}
    canonical = json.dumps(model, sort_keys=True, ensure_ascii=False)
    return {"article": label, "sha256": hashlib.sha256(canonical.encode()).hexdigest(), "model": model}


def digest(out: Path, sets: list[str]) -> int:
    """Write the digest of ``sets`` to ``out`` and print its summary."""
    print(f"newsconv from {Path(newsconv.__file__).parent}", file=sys.stderr)
    start, count = time.perf_counter(), 0
    whole = hashlib.sha256()
    with tempfile.TemporaryDirectory() as work, out.open("w", encoding="utf-8") as sink:
        for label, path in articles(sets, Path(work)):
            line = json.dumps(record(label, path), sort_keys=True, ensure_ascii=False)
            sink.write(line + "\n")
            whole.update(line.encode() + b"\n")
            count += 1
    print(f"{count} articles in {time.perf_counter() - start:.0f} s; digest {whole.hexdigest()}")
    return 0


def _load(path: Path) -> dict[str, dict[str, Any]]:
    lines = (json.loads(line) for line in path.read_text(encoding="utf-8").splitlines())
    return {entry["article"]: entry for entry in lines}


def compare(old_path: Path, new_path: Path, shown: int = 20) -> int:
    """Print the articles whose extraction differs between two digests; 1 if any does."""
    old, new = _load(old_path), _load(new_path)
    differing = [
        a
        for a in sorted(old.keys() | new.keys())
        if old.get(a, {}).get("sha256") != new.get(a, {}).get("sha256")
    ]
    for article in differing[:shown]:
        before, after = old.get(article, {}).get("model", {}), new.get(article, {}).get("model", {})
        fields = sorted(k for k in before.keys() | after.keys() if before.get(k) != after.get(k))
        print(f"{article}: {', '.join(fields) or 'missing on one side'}")
    print(f"{len(old)} vs {len(new)} articles, {len(differing)} differ")
    return 1 if differing or not old else 0


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "paths", nargs="+", type=Path, help="OUT.jsonl, or OLD.jsonl NEW.jsonl with --compare"
    )
    parser.add_argument("--compare", action="store_true", help="compare two digests")
    parser.add_argument("--sets", default=",".join(SETS), help="comma-separated sets to read")
    args = parser.parse_args()
    if args.compare:
        if len(args.paths) != 2:
            parser.error("--compare takes two digests")
        return compare(*args.paths)
    return digest(args.paths[0], [s for s in args.sets.split(",") if s])


if __name__ == "__main__":
    sys.exit(main())
