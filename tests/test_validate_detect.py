"""Format detection from content: XML roots, JSON keys, RDF text syntaxes, only the first kilobytes."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from newsconv import api
from newsconv.detect import SNIFF_BYTES, detect
from newsconv.errors import UnknownFormatError
from newsconv.text import reader

NAR = "http://iptc.org/std/nar/2006-10-01/"


@pytest.fixture(scope="module")
def article(seed_path: Path):  # type: ignore[no-untyped-def]
    return reader.read(seed_path.read_bytes(), str(seed_path))


@pytest.mark.parametrize("name", ["newsml", "jsonld", "model", "turtle", "ntriples", "rdfxml"])
def test_every_written_format_is_detected_as_itself(article, name: str) -> None:  # type: ignore[no-untyped-def]
    assert detect(api.write(article, name, validate=False).encode("utf-8")) == name


@pytest.mark.parametrize(
    "root",
    ["newsItem", "newsMessage", "packageItem", "conceptItem", "knowledgeItem", "planningItem", "catalog"],
)
def test_every_newsml_g2_root_is_newsml(root: str) -> None:
    document = f'<?xml version="1.0"?>\n<!-- a feed -->\n<{root} xmlns="{NAR}" guid="x"><itemMeta/></{root}>'
    assert detect(document.encode()) == "newsml"


def test_g2_root_with_a_prefix_and_a_doctype_is_newsml() -> None:
    document = f'<!DOCTYPE nar:newsItem><nar:newsItem xmlns:nar="{NAR}"/>'
    assert detect(document.encode()) == "newsml"


@pytest.mark.parametrize(
    "document",
    [
        b"<newsItem/>",  # right name, no namespace
        b'<html xmlns="http://www.w3.org/1999/xhtml"><body/></html>',
        f'<contentSet xmlns="{NAR}"/>'.encode(),  # a G2 fragment, not a document
    ],
)
def test_other_xml_is_unknown(document: bytes) -> None:
    with pytest.raises(UnknownFormatError):
        detect(document)


def test_ninjs_by_schema_and_by_shape() -> None:
    assert (
        detect(b'{"$schema": "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json#", "uri": "u"}') == "ninjs"
    )
    assert (
        detect(b'{"uri": "http://example.org/1", "type": "text", "versioncreated": "2024-01-01T00:00:00Z"}')
        == "ninjs"
    )


def test_ninjs_corpus_examples_are_ninjs(shared: Path) -> None:
    files = sorted((shared / "corpora" / "ninjs-examples").rglob("*.json"))
    assert files
    assert {detect(f.read_bytes()) for f in files} == {"ninjs"}


def test_json_that_is_none_of_ours_is_unknown() -> None:
    with pytest.raises(UnknownFormatError):
        detect(b'{"name": "a", "value": 1}')


def test_plain_triples_are_ntriples_and_prefixed_ones_turtle() -> None:
    triple = b'<http://a.example/s> <http://a.example/p> "o"@en .\n_:b <http://a.example/p> <http://a.example/o> .\n'
    assert detect(triple) == "ntriples"
    assert detect(b"@prefix s: <https://schema.org/> .\n<http://a.example/x> a s:Thing .\n") == "turtle"
    assert detect(b"PREFIX s: <https://schema.org/>\n") == "turtle"
    assert (
        detect(b"<http://a.example/x> a <https://schema.org/Thing> ; <http://a.example/p> 1 .\n") == "turtle"
    )


def test_only_the_first_kilobytes_are_read() -> None:
    head = f'<newsMessage xmlns="{NAR}"><header/><itemSet>'.encode()
    data = head + b" " * SNIFF_BYTES + b"\xff\xfe not even text <<<"
    assert detect(data) == "newsml"
    many = b'<http://a.example/s> <http://a.example/p> "a long object value" .\n' * 1000
    assert len(many) > SNIFF_BYTES and detect(many) == "ntriples"


def test_byte_order_marks_are_skipped() -> None:
    assert detect(codecs.BOM_UTF8 + b'{"@context": "https://schema.org"}') == "jsonld"
    assert detect(codecs.BOM_UTF16_LE + '{"model_version": 1}'.encode("utf-16-le")) == "model"


@pytest.mark.parametrize("data", [b"", b"   \n", b"hello world\n", b"\x00\x01\x02"])
def test_text_that_is_no_format_is_unknown(data: bytes) -> None:
    with pytest.raises(UnknownFormatError):
        detect(data)
