"""Shared fixtures: paths to the seed article and to ../shared beside the checkout."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

# Shared machines are slow and noisy: no example fails for taking long. Under CI the examples
# are derived from each test's name, so a landing is judged on the same cases every run;
# developers keep hypothesis's random search (HYPOTHESIS_PROFILE=ci reproduces CI).
settings.register_profile("dev", deadline=None)
settings.register_profile("ci", deadline=None, derandomize=True, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_7191209150cac94e.txt"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return SEED


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside this checkout")
    return SHARED


@pytest.fixture(autouse=True)
def offline(monkeypatch: pytest.MonkeyPatch) -> None:
    """No test downloads a missing schema unless it serves one itself (tests/test_schema_store.py)."""
    monkeypatch.setenv("NEWSCONV_OFFLINE", "1")
