"""The committed examples are what the current code produces."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_examples_are_current() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "make_examples.py"), "--check"], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr + "\nrun: python3 scripts/make_examples.py"


def test_cms_plugin_example_runs() -> None:
    seed = ROOT / "seeds" / "000_7191209150cac94e.txt"
    result = subprocess.run(
        [sys.executable, str(ROOT / "examples" / "cms_plugin.py"), str(seed)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert '<script type="application/ld+json">' in result.stdout
