"""Compiled forms: built once, loaded after, rebuilt when unreadable, never a failure."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

from newsconv import compiled
from newsconv.text import entity_model, lexicons


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(compiled.FOLDER_VAR, str(tmp_path / "compiled"))
    return tmp_path / "compiled"


def test_a_compiled_form_is_built_once_then_loaded(folder: Path) -> None:
    builds: list[int] = []

    def build() -> dict[str, tuple[str, ...]]:
        builds.append(1)
        return {"a": ("b", "c")}

    assert compiled.load("table", b"v1", build, dict) == {"a": ("b", "c")}
    assert compiled.load("table", b"v1", build, dict) == {"a": ("b", "c")}
    assert len(builds) == 1
    compiled.load("table", b"v2", build, dict)  # another key: built anew
    assert len(builds) == 2
    assert len(list(folder.iterdir())) == 2


def test_an_unreadable_or_foreign_form_is_rebuilt(folder: Path) -> None:
    compiled.load("table", b"k", lambda: {"x": "y"}, dict)
    (kept,) = folder.iterdir()
    kept.write_bytes(b"\xff not marshal")
    assert compiled.load("table", b"k", lambda: {"x": "z"}, dict) == {"x": "z"}
    assert compiled.load("table", b"k", lambda: ["a list"], dict) == {"x": "z"}


def test_a_folder_that_cannot_be_written_only_costs_the_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv(compiled.FOLDER_VAR, str(blocker / "compiled"))
    assert compiled.load("table", b"k", lambda: {"x": "y"}, dict) == {"x": "y"}


def test_the_compiled_gazetteer_is_the_built_one(folder: Path) -> None:
    lexicons._gazetteer.cache_clear()
    try:
        built = lexicons._gazetteer()
        lexicons._gazetteer.cache_clear()
        assert lexicons._gazetteer() == built == lexicons._build_gazetteer()
        assert len(list(folder.iterdir())) == 1
    finally:
        lexicons._gazetteer.cache_clear()


def test_the_compiled_entity_model_is_the_parsed_one(folder: Path) -> None:
    entity_model.weights.cache_clear()
    try:
        built = entity_model.weights()
        entity_model.weights.cache_clear()
        loaded = entity_model.weights()
        text = resources.files("newsconv.text").joinpath("lexicon", entity_model.MODEL_FILE).read_text()
        assert loaded == built == entity_model.parse(text)
        assert list(loaded) == list(entity_model.parse(text))  # the file's order kept
        (kept,) = folder.iterdir()
        assert kept.name.startswith("entity-model-")
    finally:
        entity_model.weights.cache_clear()
