"""An article's statements written as Turtle, byte for byte as rdflib's Turtle serializer writes them.

rdflib's serializer spent most of an article's writing time on generic work our graphs never
need (a graph store to query, a prefixed name computed for every IRI each time it is met). The
graphs newsconv writes are simple: every node has an IRI, every predicate and type is a
schema.org term, and literals are plain, ``schema:Date`` or ``xsd:integer``. For those, this
module lays the document out as rdflib does:

- one ``@prefix schema:`` line (``rdf:type`` is written ``a``), then one block per subject,
  subjects ordered by how often they are an object, then by IRI;
- ``a`` first, then the predicates by IRI; each predicate's objects IRIs first (by IRI), then
  literals by datatype and value; several objects one per line, one level deeper;
- IRIs in angle brackets (they lie in no bound namespace), schema.org terms prefixed.

Anything else (an IRI in the schema.org or RDF namespace as a subject or object, a term with a
name rdflib would not prefix, an IRI rdflib refuses, another datatype, a lone surrogate) makes
:func:`write` decline, and rdflib's serializer writes that graph. Tests compare the two.
"""

from __future__ import annotations

import re
from collections import Counter

from rdflib import Literal

from newsconv.formats.schemaorg import SCHEMA
from newsconv.formats.schemaorg_triples import Grouped
from newsconv.validate.rdf_terms import IRI, LITERAL, RDF_TYPE, XSD_INTEGER, Term

_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_DATE = SCHEMA + "Date"
_PREFIX = f"@prefix schema: <{SCHEMA}> .\n"
_PLAIN_NAME = re.compile(r"[A-Za-z][A-Za-z0-9]*")  # a local name rdflib prefixes as it is
_NOT_IN_IRI = re.compile(r'[<>" {}|\\^`]')  # rdflib refuses to write an IRI holding one
_TO_ESCAPE = re.compile(r'[\n\r"\\]')
_OBJECT_BREAK = ",\n" + 2 * "    "
_PREDICATE_BREAK = " ;\n    "


class _Declined(Exception):
    """The graph holds something this writer leaves to rdflib."""


def write(statements: Grouped) -> str | None:
    """The statements as rdflib's Turtle serializer writes them; None when it must write them itself."""
    try:
        document = _document(statements)
        document.encode("utf-8")  # rdflib writes "?" for a lone surrogate: leave that to it
    except (_Declined, UnicodeEncodeError, ValueError):
        return None
    return document


def _document(statements: Grouped) -> str:
    """The whole Turtle document: the prefix line, then one block per subject in rdflib's order
    (least referenced first, then by IRI); raises _Declined for anything rdflib writes otherwise."""
    references: Counter[Term] = Counter(
        value for properties in statements.values() for objects in properties.values() for value in objects
    )
    parts = [_PREFIX]
    for subject in sorted(statements, key=lambda s: (references[s], s.text)):
        parts.append(f"\n{_subject(subject)}")
        properties = statements[subject]
        predicates = sorted(properties, key=lambda p: (p.text != RDF_TYPE, p.text))
        verbs = [f"{_verb(p)}{_objects(p, properties[p])}" for p in predicates]
        parts.append(f" {_PREDICATE_BREAK.join(verbs)} .\n")
    parts.append("\n")
    return "".join(parts)


def _verb(predicate: Term) -> str:
    """A predicate as written: ``a`` for ``rdf:type``, else its ``schema:`` name."""
    return "a" if predicate.text == RDF_TYPE else _schema_name(predicate)


def _objects(predicate: Term, objects: dict[Term, None]) -> str:
    """A predicate's objects in rdflib's order, one per line after the first (types by
    ``schema:`` name, other objects as IRIs or literals)."""
    label = _schema_name if predicate.text == RDF_TYPE else _label
    return " " + _OBJECT_BREAK.join(label(value) for value in sorted(objects, key=_order))


def _subject(subject: Term) -> str:
    """A subject as written: only IRIs are written here (a blank node is left to rdflib)."""
    if subject.kind != IRI:
        raise _Declined
    return _iri(subject.text)


def _order(value: Term) -> tuple[int, str, int | str]:
    """rdflib's order of terms: IRIs by IRI before literals, those by datatype then value."""
    if value.kind == IRI:
        return 0, "", value.text
    if value.datatype == XSD_INTEGER:
        return 1, XSD_INTEGER, int(value.text)
    return 1, value.datatype or _XSD_STRING, value.text


def _label(value: Term) -> str:
    """An object that is no type: an IRI, or a plain, ``schema:Date`` or canonical ``xsd:integer``
    literal; anything else (another datatype, an integer rdflib would rewrite) is left to rdflib."""
    if value.kind == IRI:
        return _iri(value.text)
    if value.kind != LITERAL:
        raise _Declined
    if value.datatype is None:
        return _quoted(value.text)
    if value.datatype == _DATE:
        return f"{_quoted(value.text)}^^schema:Date"
    if value.datatype == XSD_INTEGER and value.text == str(int(value.text)):
        return value.text
    raise _Declined


def _quoted(text: str) -> str:
    """A string literal quoted as rdflib quotes it (a long string when it holds a line break)."""
    if _TO_ESCAPE.search(text) is None:
        return f'"{text}"'
    return Literal(text)._quote_encode()


def _iri(text: str) -> str:
    """An IRI in no bound namespace, as rdflib writes it; anything else is left to rdflib."""
    if text.startswith((SCHEMA, _RDF)) or _NOT_IN_IRI.search(text) is not None:
        raise _Declined
    return f"<{text}>"


def _schema_name(term: Term) -> str:
    """A schema.org term as its prefixed name; a term rdflib would not prefix so is left to it."""
    text = term.text
    if term.kind != IRI or not text.startswith(SCHEMA) or _PLAIN_NAME.fullmatch(text, len(SCHEMA)) is None:
        raise _Declined
    return f"schema:{text[len(SCHEMA) :]}"
