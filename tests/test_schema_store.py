"""The schema search path and `schemas fetch`, with the network replaced by a stand-in."""

from __future__ import annotations

import io
import urllib.request
from pathlib import Path

import pytest

from newsconv import schema_store
from newsconv.errors import SchemaNotFoundError


def fake_urlopen(fail_on: str | None = None):  # type: ignore[no-untyped-def]
    def urlopen(url: str, timeout: float) -> io.BytesIO:
        if url == fail_on:
            raise OSError("connection refused")
        return io.BytesIO(f"content of {url}".encode())

    return urlopen


def test_fetch_puts_every_official_file_at_its_search_path_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(urllib.request, "urlopen", fake_urlopen())
    written = schema_store.fetch(tmp_path)
    assert sorted(written) == sorted(tmp_path / s.path for s in schema_store.OFFICIAL)
    first = schema_store.OFFICIAL[0]
    assert (tmp_path / first.path).read_text() == f"content of {first.url}"


def test_failed_fetch_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(urllib.request, "urlopen", fake_urlopen(fail_on=schema_store.OFFICIAL[-1].url))
    with pytest.raises(OSError):
        schema_store.fetch(tmp_path)
    assert not any(p.is_file() for p in tmp_path.rglob("*"))


def test_search_order_is_option_then_environment_then_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    relative = schema_store.SCHEMAORG_CONTEXT
    for folder in ("option", "env", "cache/newsconv/schemas"):
        (tmp_path / folder / relative).parent.mkdir(parents=True)
        (tmp_path / folder / relative).write_text(folder)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv(schema_store.ENV_VAR, str(tmp_path / "env"))
    schema_store.set_schema_dir(tmp_path / "option")
    try:
        assert schema_store.locate(relative).read_text() == "option"
        schema_store.set_schema_dir(None)
        assert schema_store.locate(relative).read_text() == "env"
        monkeypatch.delenv(schema_store.ENV_VAR)
        assert schema_store.locate(relative).read_text() == "cache/newsconv/schemas"
    finally:
        schema_store.set_schema_dir(None)


def test_missing_schema_error_names_file_and_remedy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv(schema_store.ENV_VAR, raising=False)
    with pytest.raises(SchemaNotFoundError, match="schemas fetch") as error:
        schema_store.locate(schema_store.NEWSML_XSD)
    assert schema_store.NEWSML_XSD in str(error.value)
