"""The pieces a schema.org description is made of: nodes with IRIs, and their values.

Shared by :mod:`newsconv.formats.schemaorg` (which re-exports them) and
:mod:`newsconv.formats.schemaorg_meta`, and consumed by the JSON-LD and RDF writers.
"""

from __future__ import annotations

from dataclasses import dataclass


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
