"""Converting from any readable format: detection from content, --from, --strict, several items."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import newsconv
from newsconv import schema_store
from newsconv.cli import app
from newsconv.detect import detect_input
from newsconv.errors import InputError, UnknownFormatError

runner = CliRunner()


def run(*args: str):  # type: ignore[no-untyped-def]
    result = runner.invoke(app, list(args))
    schema_store.set_schema_dir(None)
    return result


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b"Update: markets fall\n\nShares fell on Monday.", "text"),
        (b"<tweet id=1> was deleted\n\nBody text.", "text"),
        (b"[Updated] Storm hits coast\n\nBody.", "text"),
        (b'{"model_version": 1, "headline": "x"}', "model"),
        (b'{"@context": "https://schema.org", "@type": "NewsArticle"}', "jsonld"),
        (b'[{"@context": "https://schema.org"}]', "jsonld"),
        (b"@prefix schema: <https://schema.org/> .\n", "turtle"),
        (b'<?xml version="1.0"?><newsItem xmlns="http://iptc.org/std/nar/2006-10-01/"/>', "newsml"),
    ],
)
def test_detect_input_tells_structured_documents_from_text(head: bytes, expected: str) -> None:
    assert detect_input(head) == expected


@pytest.mark.parametrize("broken", [b'<?xml version="1.0"?><newsItem', b'{"headline": ', b"[{]"])
def test_broken_structured_input_is_an_error_not_text(broken: bytes) -> None:
    with pytest.raises(UnknownFormatError):
        detect_input(broken)


def test_model_json_converts_without_from(seed_path: Path, tmp_path: Path) -> None:
    model = tmp_path / "seed.json"
    model.write_text(newsconv.write(newsconv.read_file(seed_path), "model"), encoding="utf-8")
    result = run("convert", str(model), "--to", "jsonld")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["headline"] == "With Human Rights in Question, China Proves a Close Ally"


def test_a_folder_in_auto_mode_takes_every_readable_kind_of_file(seed_path: Path, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "story.txt").write_bytes(seed_path.read_bytes())
    (folder / "story2.json").write_text(newsconv.write(newsconv.read_file(seed_path), "model"), encoding="utf-8")
    (folder / "notes.md").write_text("# not an article format newsconv reads by extension\n", encoding="utf-8")
    result = run("convert", str(folder), "--to", "model", "--out", str(tmp_path / "out"))
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["story.json", "story2.json"]


def test_malformed_json_input_is_named_and_exits_1(tmp_path: Path) -> None:
    bad = tmp_path / "feed.json"
    bad.write_text('{"@context": "https://schema.org", ', encoding="utf-8")
    result = run("convert", str(bad), "--to", "newsml")
    assert result.exit_code == 1
    assert "feed.json" in result.stderr and "Traceback" not in result.stderr


def test_read_document_reports_the_detected_format(seed_path: Path) -> None:
    reading = newsconv.read_document(seed_path.read_bytes(), source=str(seed_path))
    assert reading.format == "text"
    assert len(reading.articles) == 1 and reading.findings == ()


def test_read_refuses_a_format_that_cannot_be_read() -> None:
    with pytest.raises(newsconv.UnknownFormatError):
        newsconv.read("x", "docx")


def test_read_file_names_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="nope.xml"):
        newsconv.read_file(tmp_path / "nope.xml")
