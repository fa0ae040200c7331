"""The Spark recipe (examples/spark_convert.py) writes what ``newsconv convert`` writes.

Skipped unless pyspark is installed and Java is on the PATH (``pip install pyspark``; CI has neither).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("pyspark")
if shutil.which("java") is None:
    pytest.skip("Spark needs Java", allow_module_level=True)

import newsconv

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "spark_convert.py"


def _tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_the_spark_recipe_converts_like_newsconv_and_fails_only_the_bad_input(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    for number in range(6):
        where = folder / "sub" if number % 2 else folder
        text = f"Talks resume in round {number}\n\nThe minister said talks would resume, said Anna Berg.\n"
        (where / f"a{number}.txt").write_text(text, encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    manifest = tmp_path / "m.jsonl"
    ran = subprocess.run(
        [sys.executable, str(EXAMPLE), str(folder), "--to", "newsml,model", "--out", str(tmp_path / "spark"),
         "--manifest", str(manifest), "--master", "local[2]", "--partition", "3"],
        capture_output=True, text=True, check=False, timeout=600,
    )  # fmt: skip
    assert ran.returncode == 1, ran.stderr[-2000:]
    records = [json.loads(line) for line in manifest.read_text(encoding="utf-8").splitlines()]
    failed = [Path(r["source"]).name for r in records[:-1] if r["status"] == "failed"]
    assert (len(records) - 1, failed, records[-1]["ok"]) == (7, ["empty.txt"], 6)
    newsconv.convert_files(folder, "newsml,model", tmp_path / "local", jobs=1)
    assert _tree(tmp_path / "spark") == _tree(tmp_path / "local")
