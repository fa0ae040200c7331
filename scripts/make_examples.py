#!/usr/bin/env python3
"""Regenerate examples/seed/ from seeds/ in every writable format (``--check``: only compare).

Output is made reproducible with SOURCE_DATE_EPOCH, the reproducible-builds convention the
NewsML-G2 writer honours for versionCreated.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
EXAMPLES = ROOT / "examples" / "seed"
EPOCH = "1735689600"  # 2025-01-01T00:00:00Z


def expected() -> dict[Path, str]:
    """Every example file and the content it should have."""
    os.environ["SOURCE_DATE_EPOCH"] = EPOCH
    import newsconv
    from newsconv import registry

    files = {}
    for seed in sorted(SEEDS.glob("*.txt")):
        article = newsconv.read_file(seed.relative_to(ROOT))
        for fmt in registry.writable():
            files[EXAMPLES / f"{seed.stem}{fmt.extension}"] = newsconv.write(article, fmt.name)
    return files


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="exit 1 if any example is out of date")
    args = parser.parse_args()
    os.chdir(ROOT)
    files = expected()
    stale = [p for p, text in files.items() if not p.is_file() or p.read_text(encoding="utf-8") != text]
    if args.check:
        for path in stale:
            print(f"out of date: {path.relative_to(ROOT)}", file=sys.stderr)
        return 1 if stale else 0
    for path in stale:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(files[path], encoding="utf-8")
    print(f"wrote {len(stale)} changed file(s) in {EXAMPLES.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
