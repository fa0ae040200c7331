"""Schema stores: the search path, per-call stores, and first-use downloads pinned by SHA-256.

Downloads are served by a local HTTP server on 127.0.0.1 from ``../shared/schemas`` (or a
tampered copy of it); nothing here reaches another host.
"""

from __future__ import annotations

import http.server
import json
import shutil
import threading
from collections.abc import Iterator
from functools import partial
from pathlib import Path

import pytest
from click.testing import CliRunner

import newsconv
from newsconv import schema_store
from newsconv.cli import app
from newsconv.errors import SchemaNotFoundError
from newsconv.schema_store import SchemaStore

SCHEMAS = Path(__file__).resolve().parent.parent.parent / "shared" / "schemas"
NINJS = json.dumps({"uri": "urn:x", "type": "text", "headlines": [{"value": "A headline"}]})

pytestmark = pytest.mark.skipif(not SCHEMAS.is_dir(), reason="../shared/schemas not available")


class Server:
    """A loopback HTTP server over one folder that counts the requests it answered."""

    def __init__(self, folder: Path) -> None:
        self.requests: list[str] = []
        server = self

        class Handler(http.server.SimpleHTTPRequestHandler):
            def log_message(self, format: str, *args: object) -> None:
                server.requests.append(self.path)

        self.http = http.server.ThreadingHTTPServer(("127.0.0.1", 0), partial(Handler, directory=str(folder)))
        self.url = f"http://127.0.0.1:{self.http.server_address[1]}"
        threading.Thread(target=self.http.serve_forever, daemon=True).start()


@pytest.fixture
def server() -> Iterator[Server]:
    serving = Server(SCHEMAS)
    yield serving
    serving.http.shutdown()


@pytest.fixture
def tampered(tmp_path: Path) -> Iterator[Server]:
    folder = tmp_path / "mirror"
    shutil.copytree(SCHEMAS, folder)
    (folder / schema_store.NINJS_3_SCHEMA).write_bytes(b"{}")
    serving = Server(folder)
    yield serving
    serving.http.shutdown()


@pytest.fixture
def empty_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No schema anywhere on the default search path; downloads allowed."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv(schema_store.ENV_VAR, raising=False)
    monkeypatch.delenv(schema_store.OFFLINE_VAR)
    return tmp_path / "cache" / "newsconv" / "schemas"


def test_fetch_puts_every_official_file_at_its_place_with_its_pinned_bytes(
    tmp_path: Path, server: Server
) -> None:
    written = schema_store.fetch(tmp_path, base=server.url)
    assert sorted(written) == sorted(tmp_path / s.path for s in schema_store.OFFICIAL)
    for schema in schema_store.OFFICIAL:
        assert (tmp_path / schema.path).read_bytes() == (SCHEMAS / schema.path).read_bytes()


def test_a_file_that_is_not_the_pinned_one_fails_the_fetch_and_nothing_is_written(
    tmp_path: Path, tampered: Server
) -> None:
    with pytest.raises(schema_store.PinMismatchError, match="ninjs-schema_3.1.json"):
        schema_store.fetch(tmp_path / "out", base=tampered.url)
    assert not (tmp_path / "out").exists()


def test_a_missing_file_on_the_server_fails_the_fetch(tmp_path: Path, server: Server) -> None:
    with pytest.raises(OSError, match="404"):
        schema_store.fetch(tmp_path, base=server.url + "/nowhere")
    assert not any(p.is_file() for p in tmp_path.rglob("*"))


def test_first_use_downloads_into_the_cache_and_says_so_once(
    empty_cache: Path, server: Server, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv(schema_store.BASE_VAR, server.url)
    assert newsconv.validate(NINJS, "ninjs") == []
    assert "downloading them once" in capsys.readouterr().err
    assert all((empty_cache / s.path).is_file() for s in schema_store.OFFICIAL)
    requests = len(server.requests)
    assert newsconv.validate(NINJS, "ninjs") == []
    assert len(server.requests) == requests and capsys.readouterr().err == ""


def test_a_mismatching_first_use_download_caches_nothing_and_names_the_cause(
    empty_cache: Path, tampered: Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(schema_store.BASE_VAR, tampered.url)
    with pytest.raises(SchemaNotFoundError, match="could not be downloaded.*SHA-256"):
        newsconv.validate(NINJS, "ninjs")
    assert not empty_cache.exists()


@pytest.mark.parametrize("how", ["--offline", "NEWSCONV_OFFLINE=1"])
def test_offline_keeps_the_clear_error_and_asks_nothing(
    how: str, empty_cache: Path, server: Server, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(schema_store.BASE_VAR, server.url)
    document = tmp_path / "a.json"
    document.write_text(NINJS)
    options = ["--offline"] if how == "--offline" else []
    if how != "--offline":
        monkeypatch.setenv(schema_store.OFFLINE_VAR, "1")
    result = CliRunner().invoke(app, ["validate", *options, "-f", "ninjs", str(document)])
    assert result.exit_code == 2
    assert "schemas fetch" in result.stderr and "offline" in result.stderr
    assert server.requests == [] and not empty_cache.exists()


def test_convert_downloads_on_first_use_too(
    empty_cache: Path, server: Server, monkeypatch: pytest.MonkeyPatch, seed_path: Path
) -> None:
    monkeypatch.setenv(schema_store.BASE_VAR, server.url)
    result = CliRunner().invoke(app, ["convert", str(seed_path), "--to", "ninjs"])
    assert result.exit_code == 0, result.stderr
    assert "downloading them once" in result.stderr
    assert (empty_cache / schema_store.NINJS_3_SCHEMA).is_file()


def ninjs_store(folder: Path, *, required: list[str] | None = None) -> SchemaStore:
    """A store holding only the ninjs schemas, the 3.1 one made to require ``required`` fields."""
    for relative in (schema_store.NINJS_3_SCHEMA, schema_store.NINJS_2_SCHEMA, schema_store.GEOJSON_SCHEMA):
        (folder / relative).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(SCHEMAS / relative, folder / relative)
    if required:
        schema = json.loads((folder / schema_store.NINJS_3_SCHEMA).read_text(encoding="utf-8"))
        schema["required"] = sorted({*schema.get("required", []), *required})
        (folder / schema_store.NINJS_3_SCHEMA).write_text(json.dumps(schema), encoding="utf-8")
    return SchemaStore.of(folder)


def test_each_call_validates_against_the_store_it_is_given(tmp_path: Path) -> None:
    plain = ninjs_store(tmp_path / "plain")
    demanding = ninjs_store(tmp_path / "demanding", required=["byline"])
    for _ in range(2):  # caches are per store: the second round gives the same verdicts
        assert newsconv.validate(NINJS, "ninjs", schemas=plain) == []
        assert [f.rule for f in newsconv.validate(NINJS, "ninjs", schemas=demanding)] == ["ninjs.schema"]


def test_a_store_without_a_schema_names_its_own_folders(tmp_path: Path) -> None:
    store = SchemaStore.of(tmp_path / "nothing")
    with pytest.raises(SchemaNotFoundError, match="nothing"):
        newsconv.validate(NINJS, "ninjs", schemas=store)


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


def test_every_pin_matches_the_shared_copy() -> None:
    import hashlib

    for schema in schema_store.OFFICIAL:
        assert hashlib.sha256((SCHEMAS / schema.path).read_bytes()).hexdigest() == schema.sha256
