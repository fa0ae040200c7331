"""Lint of the extraction lexicons: every file documented, well-formed and free of duplicates.

A lexicon is edited by hand without a code change (see ``newsconv/text/lexicon/README.md``), so
these checks catch what an edit can break silently: an undocumented or missing file, a stray
space that makes an entry never match, a duplicate whose second mapping wins unnoticed, a
table row without its tab, a model row without one weight per label.
"""

from __future__ import annotations

import re
from collections import Counter
from importlib import resources

import pytest

from newsconv.text import entity_model

LEXICON = resources.files("newsconv.text").joinpath("lexicon")
FILES = sorted(p.name for p in LEXICON.iterdir() if p.name.endswith((".txt", ".tsv")))
HAND_MADE = [f for f in FILES if f != entity_model.MODEL_FILE]


def _entries(name: str) -> list[str]:
    """The non-comment, non-blank lines of a lexicon file, as written."""
    text = LEXICON.joinpath(name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


def test_every_lexicon_file_is_documented_and_every_documented_file_exists() -> None:
    readme = LEXICON.joinpath("README.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"`([\w.-]+\.(?:txt|tsv))`", readme))
    assert set(FILES) <= documented
    assert {d for d in documented if "/" not in d} <= set(FILES)


@pytest.mark.parametrize("name", HAND_MADE)
def test_entries_have_no_stray_spaces_and_no_duplicates(name: str) -> None:
    entries = _entries(name)
    keys = [e.split("\t", 1)[0] for e in entries]
    assert [e for e in entries if e != e.strip()] == []
    assert sorted(k for k, n in Counter(keys).items() if n > 1) == []


@pytest.mark.parametrize("name", [f for f in HAND_MADE if f.endswith(".tsv")])
def test_tables_have_two_columns(name: str) -> None:
    assert [e for e in _entries(name) if len(e.split("\t")) != 2] == []


def test_the_model_file_has_a_weight_per_label_on_every_row() -> None:
    rows = [e.split("\t") for e in _entries(entity_model.MODEL_FILE)]
    assert rows
    assert all(len(r) == 1 + len(entity_model.LABELS) for r in rows)
    assert all(float(x) == float(x) for r in rows for x in r[1:])  # numbers, not NaN
