"""Lint of the extraction lexicons: every file documented, typed, used, well-formed for its kind
and free of duplicates.

A lexicon is edited by hand without a code change (see ``newsconv/text/lexicon/README.md``), so
these checks catch what an edit can break silently: an undocumented or missing file, a stray
space that makes an entry never match, a duplicate whose second mapping wins unnoticed, a
table row without its tab, a model row without one weight per label, a pattern that does not
compile, a file that nothing reads.
"""

from __future__ import annotations

import ast
import re
from collections import Counter
from importlib import resources
from pathlib import Path
from typing import get_args

import pytest

import newsconv
from newsconv.text import entity_model, lexicons

LEXICON = resources.files("newsconv.text").joinpath("lexicon")
FILES = sorted(p.name for p in LEXICON.iterdir() if p.name.endswith((".txt", ".tsv")))
HAND_MADE = [f for f in FILES if f != entity_model.MODEL_FILE]
KINDS = {"words": lexicons.WordList, "table": lexicons.Table, "patterns": lexicons.PatternList}
TYPED = {name: kind for kind, alias in KINDS.items() for name in get_args(alias)}


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


def test_every_hand_made_file_is_named_by_exactly_one_accessor_type() -> None:
    named = [name for alias in KINDS.values() for name in get_args(alias)]
    assert sorted(named) == HAND_MADE
    assert all((TYPED[name] == "table") == name.endswith(".tsv") for name in HAND_MADE)


def _named_in_code() -> Counter[str]:
    """Lexicon file names written as strings in the package's code, outside the ``Literal`` types
    that declare them."""
    found: Counter[str] = Counter()
    for path in Path(newsconv.__file__).parent.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        declared = {
            id(c)
            for node in ast.walk(tree)
            if isinstance(node, ast.Subscript)
            and isinstance(node.value, ast.Name)
            and node.value.id == "Literal"
            for c in ast.walk(node.slice)
        }
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in declared:
                found[node.value] += 1
    return found


def test_every_lexicon_file_is_read_by_some_code() -> None:
    named = _named_in_code()
    assert [name for name in FILES if not named[name]] == []


@pytest.mark.parametrize("name", [f for f in HAND_MADE if TYPED[f] == "words"])
def test_word_lists_hold_no_columns(name: str) -> None:
    assert [e for e in _entries(name) if "\t" in e] == []


@pytest.mark.parametrize("name", [f for f in HAND_MADE if TYPED[f] == "patterns"])
def test_pattern_files_compile(name: str) -> None:
    bad = []
    for entry in _entries(name):
        try:
            re.compile(entry)
        except re.error:
            bad.append(entry)
    assert bad == []


def test_role_words_play_only_declared_parts_and_every_part_has_words() -> None:
    parts = {p for e in _entries("role_words.tsv") for p in e.split("\t")[1].split()}
    assert parts == set(get_args(lexicons.RolePart))
