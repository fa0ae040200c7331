"""Converting from any readable format: detection from content, --from, --strict, several items."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

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
    (folder / "story2.json").write_text(
        newsconv.write(newsconv.read_file(seed_path), "model"), encoding="utf-8"
    )
    (folder / "notes.md").write_text(
        "# not an article format newsconv reads by extension\n", encoding="utf-8"
    )
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


DPA = "newsml-g2-examples/dpa-dw__with_dateline.xml"


def _message(items: list[str]) -> str:
    """A newsMessage wrapping written newsItems (their XML declarations removed)."""
    bodies = "".join(item.split("?>", 1)[1] for item in items)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/">'
        "<header><sent>2026-11-28T12:00:00Z</sent></header>"
        f"<itemSet>{bodies}</itemSet></newsMessage>"
    )


def test_each_item_of_a_news_message_becomes_a_numbered_output(tmp_path: Path) -> None:
    first = newsconv.Article(headline="First story", paragraphs=("One paragraph.",))
    second = newsconv.Article(headline="Second story", paragraphs=("Another paragraph.",))
    message = tmp_path / "feed.xml"
    message.write_text(
        _message([newsconv.write(first, "newsml"), newsconv.write(second, "newsml")]), encoding="utf-8"
    )
    result = run("convert", str(message), "--to", "model", "--out", str(tmp_path / "out"))
    assert result.exit_code == 0, result.stderr
    outputs = sorted((tmp_path / "out").iterdir())
    assert [p.name for p in outputs] == ["feed.1.json", "feed.2.json"]
    assert [json.loads(p.read_text())["headline"] for p in outputs] == ["First story", "Second story"]


def test_several_items_to_stdout_is_an_error(tmp_path: Path) -> None:
    article = newsconv.Article(headline="A story", paragraphs=("Text.",))
    message = tmp_path / "feed.xml"
    message.write_text(_message([newsconv.write(article, "newsml")] * 2), encoding="utf-8")
    result = run("convert", str(message), "--to", "model")
    assert result.exit_code == 1
    assert "feed.xml" in result.stderr and "--out" in result.stderr


def test_a_schema_breaking_feed_is_read_with_warnings_unless_strict(shared: Path) -> None:
    feed = shared / "corpora" / DPA
    if not feed.is_file():
        pytest.skip("NewsML-G2 example corpus not available")
    lenient = run("convert", str(feed), "--to", "jsonld")
    assert lenient.exit_code == 0, lenient.stderr
    assert "warning: input [" in lenient.stderr
    assert json.loads(lenient.stdout)["@type"] == "NewsArticle"
    strict = run("convert", str(feed), "--to", "jsonld", "--strict")
    assert strict.exit_code == 1 and strict.stdout == ""
    assert DPA.rsplit("/", 1)[1] in strict.stderr


def test_a_doctype_is_refused_already_by_detection(tmp_path: Path) -> None:
    laughs = tmp_path / "laughs.xml"
    laughs.write_text(
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>'
        '<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/">&lol2;</newsItem>',
        encoding="utf-8",
    )
    result = run("convert", str(laughs), "--to", "model")
    assert result.exit_code == 1
    assert "laughs.xml" in result.stderr and "DOCTYPE" in result.stderr


@pytest.mark.parametrize(
    ("fragment", "root"),
    [
        (b'<contentSet>\n  <inlineXML contenttype="text/plain">x</inlineXML>\n</contentSet>\n', "contentSet"),
        (b"<contentMeta><headline>Hi</headline></contentMeta>", "contentMeta"),
        (
            b'<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title></feed>',
            "{http://www.w3.org/2005/Atom}feed",
        ),
    ],
)
def test_xml_whose_root_newsconv_cannot_read_is_refused_naming_the_root(fragment: bytes, root: str) -> None:
    with pytest.raises(UnknownFormatError, match=f"root element {re.escape(root)} is no format"):
        detect_input(fragment)


def test_the_corpus_fragments_fail_with_exit_1_and_write_nothing(shared: Path, tmp_path: Path) -> None:
    corpus = shared / "corpora" / "newsml-g2-examples"
    for name, root in (("LISTING_25_An_NITF", "contentSet"), ("LISTING_28_Illustrating", "contentMeta")):
        (source,) = corpus.glob(f"iptc-ex__{name}*.xml")
        result = run("convert", str(source), "--to", "model,newsml", "-o", str(tmp_path / "out"))
        assert result.exit_code == 1
        assert f"XML root element {root} is no format newsconv reads" in result.stderr
        assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())
