"""An article's schema.org description as RDF statements: the triples every RDF output states.

The statements are what the schema.org JSON-LD context makes of the JSON-LD output
(``http://schema.org/`` terms, ``@id``-coerced properties as IRIs, ``Date``-coerced ones as
``schema:Date`` literals, numbers as ``xsd:integer``). The Turtle writer, the rdflib graph (for
N-Triples, RDF/XML and the reference checks) and the triples the validation checks are all made
from them, once per article, so no two of them can disagree about the graph.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from newsconv.formats import schemaorg
from newsconv.model import Article
from newsconv.validate.memo import last_result
from newsconv.validate.rdf_terms import LITERAL, RDF_TYPE, XSD_INTEGER, Term, Triple, iri

Grouped = dict[Term, dict[Term, dict[Term, None]]]
"""Subject → predicate → its objects (an ordered set: an RDF graph holds a triple once)."""

_TYPE = iri(RDF_TYPE)


@dataclass(frozen=True, slots=True)
class Statements:
    """An article's triples in the order of its description (a triple may come twice), and grouped."""

    triples: tuple[Triple, ...]
    grouped: Grouped


@last_result
def statements(article: Article) -> Statements:
    """The article's statements; the last article's are remembered, never to be changed."""
    coercions = schemaorg.context_coercions()
    found: list[Triple] = []
    for node in schemaorg.describe(article):
        subject = iri(node.iri)
        found.append((subject, _TYPE, _schema_term(node.type)))
        for name, values in node.properties:
            predicate, coercion = _schema_term(name), coercions.get(name)
            found.extend((subject, predicate, _term(value, coercion)) for value in schemaorg.each(values))
    return Statements(tuple(found), group(found))


def group(triples: Iterable[Triple]) -> Grouped:
    """Triples by subject and predicate, each once."""
    grouped: Grouped = {}
    for subject, predicate, value in triples:
        grouped.setdefault(subject, {}).setdefault(predicate, {})[value] = None
    return grouped


@cache
def _schema_term(name: str) -> Term:
    """The IRI of a schema.org term (a type or property name: few, so each is made once)."""
    return iri(schemaorg.SCHEMA + name)


def _term(value: schemaorg.Value, coercion: str | None) -> Term:
    """A value as the JSON-LD context expands it: ``@id``-coerced terms give IRIs, others typed literals."""
    if isinstance(value, schemaorg.Ref):
        return iri(value.iri)
    if isinstance(value, schemaorg.Number):
        return Term(LITERAL, str(value.value), XSD_INTEGER)
    if coercion == "@id":
        return iri(value.value)
    return Term(LITERAL, value.value, schemaorg.SCHEMA + coercion if coercion else None)
