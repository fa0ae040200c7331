"""Parsing untrusted XML and JSON input: no entities, no DTDs, no network, bounded size and depth.

Every reader goes through these two functions, so a billion-laughs or XXE document, an external
DTD or absurdly nested JSON fails the same way everywhere: an InputError naming the source.
XML with any DOCTYPE is refused outright (NewsML-G2, XHTML bodies and ninjs never need one);
libxml2's own limits (no ``huge_tree``) bound element depth and text node size.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterator
from typing import Any

from lxml import etree

from newsconv.errors import InputError

MAX_JSON_BYTES = 64 * 1024 * 1024
# A plain-text article costs about 15x its size in memory to extract and write as NewsML-G2, and
# about 10 s per MB (benchmarks/limits.py); 16 MiB (five times War and Peace) stays under 500 MB.
MAX_TEXT_BYTES = 16 * 1024 * 1024
MAX_JSON_DEPTH = 200

_START_TAG = re.compile(rb"<[A-Za-z_]")
NO_DOCTYPE = "XML with a DOCTYPE is refused: newsconv never loads DTDs or expands entities"
_XML_PARSER_OPTIONS: dict[str, Any] = {
    "resolve_entities": False,
    "no_network": True,
    "load_dtd": False,
    "dtd_validation": False,
    "huge_tree": False,
    "remove_pis": True,
}


def parse_xml(data: bytes, source: str | None) -> etree._Element:
    """The root element of an XML document; a DOCTYPE, entity or syntax error is an InputError."""
    if declares_doctype(data):
        raise InputError(source, NO_DOCTYPE)  # refused before libxml2 sees any declaration
    parser = etree.XMLParser(**_XML_PARSER_OPTIONS)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        raise InputError(source, f"not well-formed XML: {error.msg}") from None
    if root is None:
        raise InputError(source, "XML without a root element")
    if root.getroottree().docinfo.internalDTD is not None:
        raise InputError(source, NO_DOCTYPE)
    return root


def stream_xml(data: bytes, source: str | None, tag: str) -> Iterator[etree._Element]:
    """Each ``tag`` element of an XML document as soon as it is complete, parsed as :func:`parse_xml` does.

    For a document too big to hold as one tree: the caller removes what it has read. A DOCTYPE
    is refused before parsing; a syntax error, wherever it comes, is an InputError.
    """
    if declares_doctype(data):
        raise InputError(source, NO_DOCTYPE)
    events = etree.iterparse(io.BytesIO(data), events=("end",), tag=tag, **_XML_PARSER_OPTIONS)
    try:
        for _, element in events:
            yield element
    except etree.XMLSyntaxError as error:
        raise InputError(source, f"not well-formed XML: {error.msg}") from None


def declares_doctype(data: bytes) -> bool:
    """Whether a DOCTYPE appears before the first start tag (where XML allows one)."""
    root_start = _START_TAG.search(data)
    return b"<!DOCTYPE" in data[: root_start.start() if root_start else len(data)]


def load_json(data: bytes, source: str | None) -> Any:
    """The value of a JSON document of bounded size and nesting; anything else is an InputError."""
    if len(data) > MAX_JSON_BYTES:
        raise InputError(source, f"JSON larger than {MAX_JSON_BYTES // (1024 * 1024)} MiB is refused")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(source, f"JSON is not UTF-8 (byte {error.start})") from None
    depth = _max_depth(text)
    if depth > MAX_JSON_DEPTH:
        raise InputError(source, f"JSON nested {depth} levels deep is refused (limit {MAX_JSON_DEPTH})")
    try:
        return json.loads(text, parse_constant=_no_constant)
    except json.JSONDecodeError as error:
        raise InputError(
            source, f"not JSON: {error.msg} at line {error.lineno} column {error.colno}"
        ) from None
    except ValueError as error:
        raise InputError(source, f"not JSON: {error}") from None


def _max_depth(text: str) -> int:
    """How deeply arrays and objects nest, counted without parsing (strings are skipped)."""
    depth = deepest = 0
    in_string = escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            deepest = max(deepest, depth)
            if deepest > MAX_JSON_DEPTH:
                return deepest
        elif char in "]}":
            depth -= 1
    return deepest


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is no JSON value")
