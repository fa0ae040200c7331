"""RDF terms as plain values, so a check reads triples the same whoever built them.

rdflib's terms (a graph parsed from any document) and the statements newsconv builds from an
article's schema.org description both become :class:`Term` triples; the schema.org vocabulary
check reads only these, so it has one set of rules for both.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from rdflib.term import Node

IRI = "iri"
LITERAL = "literal"
BLANK = "blank"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
XSD_INTEGER = "http://www.w3.org/2001/XMLSchema#integer"


class Term(NamedTuple):
    """An IRI, a literal (its lexical form and datatype IRI; None when plain) or a blank node."""

    kind: str
    text: str
    datatype: str | None = None


Triple = tuple[Term, Term, Term]


def iri(text: str) -> Term:
    """The IRI ``text`` as a term."""
    return Term(IRI, text)


def of(node: Node) -> Term:
    """An rdflib term as a :class:`Term` (a language-tagged literal is plain, as rdflib has it)."""
    from rdflib import Literal, URIRef  # here: the statements of an article need no RDF library

    if isinstance(node, URIRef):
        return Term(IRI, str(node))
    if isinstance(node, Literal):
        return Term(LITERAL, str(node), str(node.datatype) if node.datatype is not None else None)
    return Term(BLANK, str(node))  # a blank node (or a variable): neither IRI nor literal
