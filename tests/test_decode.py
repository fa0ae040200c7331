"""Decoding plain-text articles: encodings, line ends, forbidden characters, rejected inputs."""

from __future__ import annotations

import codecs

import pytest

from newsconv.errors import InputError
from newsconv.text.decode import decode

TEXT = "Café owners say “no”\nSecond line"


def test_plain_utf8() -> None:
    assert decode(TEXT.encode("utf-8"), "a.txt") == TEXT


def test_utf8_bom_is_dropped() -> None:
    assert decode(codecs.BOM_UTF8 + TEXT.encode("utf-8"), "a.txt") == TEXT


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_with_bom(encoding: str) -> None:
    bom = codecs.BOM_UTF16_LE if encoding.endswith("le") else codecs.BOM_UTF16_BE
    assert decode(bom + TEXT.encode(encoding), "a.txt") == TEXT


def test_utf16_without_bom() -> None:
    assert decode("Plain words here".encode("utf-16-le"), "a.txt") == "Plain words here"


def test_invalid_utf8_falls_back_to_cp1252() -> None:
    assert decode(b"a fee of \xa315.8m \x93quoted\x94", "a.txt") == "a fee of £15.8m “quoted”"


def test_bytes_outside_cp1252_fall_back_to_latin1() -> None:
    assert decode(b"caf\xe9 \x81 words", "a.txt") == "café  words"


@pytest.mark.parametrize("raw", [b"one\r\ntwo\rthree", "one\u2028two\u2029three".encode()])
def test_line_endings_become_newlines(raw: bytes) -> None:
    assert decode(raw, "a.txt") == "one\ntwo\nthree"


def test_nfc() -> None:
    assert decode("Cafe\u0301 words".encode(), "a.txt") == "Caf\u00e9 words"


def test_xml_forbidden_controls_removed_tab_kept() -> None:
    words = b" plenty of ordinary words around the stray control characters" * 2
    assert decode(b"a\tb\x01c\x1bd\x7f" + words, "a.txt") == "a\tbcd" + words.decode()


def test_nul_bytes_rejected() -> None:
    with pytest.raises(InputError, match="NUL"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR words", "image.png")


def test_mostly_control_characters_rejected() -> None:
    with pytest.raises(InputError, match="control characters"):
        decode(bytes(range(1, 9)) * 20 + b"words", "x.bin")


def test_mostly_high_bytes_rejected() -> None:
    with pytest.raises(InputError, match="not a text file"):
        decode(bytes(range(0x80, 0x100)) * 4, "x.bin")


@pytest.mark.parametrize("raw", [b"", b"   \n\t\r\n  ", codecs.BOM_UTF8])
def test_empty_or_whitespace_rejected(raw: bytes) -> None:
    with pytest.raises(InputError, match="empty") as caught:
        decode(raw, "empty.txt")
    assert caught.value.source == "empty.txt"


def test_no_words_rejected() -> None:
    with pytest.raises(InputError, match="no words"):
        decode(b"123 -- 456 !!! ...", "n.txt")


def test_invalid_utf16_rejected() -> None:
    with pytest.raises(InputError, match="utf-16"):
        decode(codecs.BOM_UTF16_LE + b"\x00\xd8a\x00", "a.txt")
