"""The pieces a schema.org description is made of: nodes with IRIs, and their values.

Shared by :mod:`newsconv.formats.schemaorg` (which re-exports them) and
:mod:`newsconv.formats.schemaorg_meta`, and consumed by the JSON-LD and RDF writers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import quote


@dataclass(frozen=True, slots=True)
class Text:
    """A literal; its RDF datatype is whatever the schema.org context coerces its property to."""

    value: str


@dataclass(frozen=True, slots=True)
class Number:
    """An integer literal: a JSON number in JSON-LD, an ``xsd:integer`` in RDF."""

    value: int


@dataclass(frozen=True, slots=True)
class Ref:
    """A reference to another node (of the description, or any IRI: a genre's URI)."""

    iri: str


Value = Text | Number | Ref
Values = Value | tuple[Value, ...]
"""One value, or a tuple of them (always written as a list, even with a single item)."""
Properties = list[tuple[str, Values]]


@dataclass(frozen=True, slots=True)
class Node:
    """One schema.org node: IRI, type (a schema.org local name) and (property, values) pairs."""

    iri: str
    type: str
    properties: tuple[tuple[str, Values], ...]


def text(value: str | None) -> Values:
    """A text value, or nothing for None."""
    return Text(value) if value is not None else ()


def present(properties: Properties) -> tuple[tuple[str, Values], ...]:
    """The properties that have a value."""
    return tuple((name, values) for name, values in properties if values != ())


_NOT_IN_IRI = re.compile(r'[\x00-\x20<>"{}|\\^`\x7f]')


def safe_iri(value: str) -> str:
    """``value`` with each character an IRI may not hold (space, ``<``, ``"``…) percent-encoded.

    Feeds carry such "URLs" (``file:///./ photo.jpg``); RDF cannot hold them as they are.
    """
    return _NOT_IN_IRI.sub(lambda match: quote(match[0], safe=""), value)


_ABSOLUTE = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")


def absolute(value: str) -> bool:
    """Whether a URL has a scheme: RDF holds only absolute IRIs (``./photo.jpg`` has no meaning there)."""
    return _ABSOLUTE.match(value) is not None


def link(value: str | None) -> Values:
    """An absolute URL value (of a property the context coerces to ``@id``); nothing for None or a
    relative reference."""
    return Text(safe_iri(value)) if value is not None and absolute(value) else ()
