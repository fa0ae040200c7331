"""Bytes to clean text: byte-order marks, UTF-16, a cp1252/Latin-1 fallback for invalid UTF-8,
one line ending, NFC, and no character that XML 1.0 forbids."""

from __future__ import annotations

import codecs
import re
import unicodedata

from newsconv.errors import InputError

_UTF16_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_LINE_BREAKS = re.compile("\r\n|[\r\u2028\u2029\x85\x0b\x0c]")
# XML 1.0 forbids C0 controls other than tab/LF/CR, surrogates and U+FFFE/U+FFFF; C1 controls
# are allowed but "discouraged" and never mean anything in news text; U+FEFF is a stray BOM.
_UNWANTED = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufeff\ufffe\uffff]")
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f]")
_LETTER = re.compile(r"[^\W\d_]")
_MAX_CONTROL_SHARE = 0.05
_MAX_FALLBACK_HIGH_SHARE = 0.3


def decode(data: bytes, source: str | None = None) -> str:
    """Decode an article's bytes into NFC text with ``\\n`` line ends and only XML-safe characters.

    Raises InputError when the bytes are no text (binary, mostly controls) or hold no words.
    """
    text = _decode_bytes(data, source)
    if len(_CONTROL.findall(text)) > _MAX_CONTROL_SHARE * max(len(text), 1):
        raise InputError(source, "not a text file: mostly control characters")
    text = _LINE_BREAKS.sub("\n", text)
    text = unicodedata.normalize("NFC", _UNWANTED.sub("", text))
    if not text.strip():
        raise InputError(source, "the file is empty or holds only whitespace")
    if not _LETTER.search(text):
        raise InputError(source, "the file holds no words")
    return text


def _decode_bytes(data: bytes, source: str | None) -> str:
    """Pick the encoding: UTF-16 BOM or NUL pattern, then UTF-8 (BOM optional), cp1252, Latin-1."""
    for bom, encoding in _UTF16_BOMS:
        if data.startswith(bom):
            return _strict(data[len(bom) :], encoding, source)
    utf16 = _bomless_utf16(data)
    if utf16 is not None:
        return _strict(data, utf16, source)
    if b"\x00" in data:
        raise InputError(source, "not a text file: it contains NUL bytes")
    data = data.removeprefix(codecs.BOM_UTF8)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if sum(b >= 0x80 for b in data) > _MAX_FALLBACK_HIGH_SHARE * len(data):
        raise InputError(source, "not a text file: neither UTF-8 nor Latin-1 text")
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _bomless_utf16(data: bytes) -> str | None:
    """``utf-16-le``/``-be`` when every other byte is NUL, as in BOM-less UTF-16 Latin text."""
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2], data[1::2]
    if odd.count(0) == len(odd) and even.count(0) == 0:
        return "utf-16-le"
    if even.count(0) == len(even) and odd.count(0) == 0:
        return "utf-16-be"
    return None


def _strict(data: bytes, encoding: str, source: str | None) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise InputError(source, f"invalid {encoding} at byte {error.start}") from None
