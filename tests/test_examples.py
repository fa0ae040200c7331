"""The committed examples are what the current code produces."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("hash_seed", ["1", "8", "13"])
def test_examples_are_current_whatever_the_hash_seed(hash_seed: str) -> None:
    """Outputs must not depend on set iteration order, which PYTHONHASHSEED changes."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "make_examples.py"), "--check"],
        capture_output=True,
        check=False,
        text=True,
        env={**os.environ, "PYTHONHASHSEED": hash_seed},
    )
    assert result.returncode == 0, result.stderr + "\nrun: python3 scripts/make_examples.py"


def test_cms_plugin_example_runs() -> None:
    seed = ROOT / "seeds" / "000_7191209150cac94e.txt"
    result = subprocess.run(
        [sys.executable, str(ROOT / "examples" / "cms_plugin.py"), str(seed)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert '<script type="application/ld+json">' in result.stdout
