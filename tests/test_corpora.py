"""Every real article in ../shared/corpora converts to every format and validates (slow: -m corpus)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
from check_corpora import check


@pytest.mark.corpus
# PolNeAR's test split is held out: never read, not even by a robustness check.
@pytest.mark.parametrize(
    "corpus",
    ["bbc-fulltext/bbc", "polnear/data/train", "polnear/data/dev", "polnear/data/annotator-training"],
)
def test_every_article_converts_and_validates(shared: Path, corpus: str) -> None:
    files = sorted((shared / "corpora" / corpus).rglob("*.txt"))
    assert files
    assert check(files) == []
