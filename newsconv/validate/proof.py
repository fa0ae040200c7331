"""Proof that a serialization states exactly the validated graph: parse it back, compare its triples.

An article's schema.org graph is checked once (vocabulary, SHACL); each document written from it
is then proven by a real parser: its triples must be the graph's triples, no more and no fewer.
pyoxigraph parses where installed (a few hundredths of a millisecond a document; its quads are
compared, so a statement in a named graph is none of the graph's), rdflib otherwise. Our graphs
name every node by IRI, so equal triple sets are equal graphs; should a blank node appear on either side, the comparison falls back to graph isomorphism
(``rdflib.compare.isomorphic``). A failed proof is a finding (rule ``proof``) like any other.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import Any

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.term import Node

from newsconv import schema_store
from newsconv.validate import engines, rdf_terms
from newsconv.validate.findings import Finding
from newsconv.validate.memo import last_result
from newsconv.validate.rdf_terms import Term, Triple

RULE = "proof"
SHOWN = 3  # triples named in a failed proof's message, of each kind
_OXIGRAPH_SYNTAX = {"turtle": "TURTLE", "nt": "N_TRIPLES", "xml": "RDF_XML", "json-ld": "JSON_LD"}


def converted(graph: Graph) -> frozenset[Any]:
    """The triples of ``graph`` in the comparing engine's terms (pyoxigraph quads in the default graph where installed)."""
    if not engines.fast(engines.RDF):
        return frozenset(graph)
    import pyoxigraph as ox

    return frozenset(ox.Quad(_ox_term(s), _ox_term(p), _ox_term(o)) for s, p, o in graph)


triples = last_result(converted)
""":func:`converted`, remembered for the last graph (the article's, used by SHACL and each proof)."""


def _ox_term(node: Node) -> Any:
    import pyoxigraph as ox

    if isinstance(node, URIRef):
        return ox.NamedNode(str(node))
    if isinstance(node, BNode):
        return ox.BlankNode(str(node))
    if isinstance(node, Literal):
        if node.language:
            return ox.Literal(str(node), language=node.language)
        return ox.Literal(str(node), datatype=ox.NamedNode(str(node.datatype)) if node.datatype else None)
    raise TypeError(f"not an RDF term: {node!r}")


def prove(graph: Graph, document: str | bytes, syntax: str, what: str) -> list[Finding]:
    """Findings unless ``document`` (``turtle``, ``nt``, ``xml`` or ``json-ld``) states exactly ``graph``.

    A JSON-LD document that leads with the schema.org context (as newsconv writes it) has its
    context cut down to the terms it uses before pyoxigraph expands it.
    """
    return prove_triples(lambda: triples(graph), lambda: graph, document, syntax, what)


def prove_triples(
    expected: Callable[[], frozenset[Any]],
    graph: Callable[[], Graph],
    document: str | bytes,
    syntax: str,
    what: str,
) -> list[Finding]:
    """:func:`prove`, given the graph's triples in the comparing engine's terms (and, when needed, the graph)."""
    try:
        wanted, found = expected(), _parse(document, syntax)
    except Exception:  # noqa: BLE001 (pyoxigraph refuses some terms rdflib takes, e.g. lone surrogates)
        try:
            wanted, found = frozenset(graph()), frozenset(_reference_graph(document, syntax))
        except Exception as error:  # noqa: BLE001 (each parser raises its own exception types)
            return [
                Finding(RULE, f"the {what} written cannot be parsed back: {type(error).__name__}: {error}")
            ]
    if found == wanted:
        return []
    if _has_blank(wanted) or _has_blank(found):
        return [] if _isomorphic(graph(), document, syntax) else [_differs(what, (), ())]
    return [_differs(what, found - wanted, wanted - found)]


def oxigraph_quads(statements: Iterable[Triple]) -> frozenset[Any]:
    """Triples of :class:`~newsconv.validate.rdf_terms.Term` as pyoxigraph quads in the default graph.

    pyoxigraph may refuse a term (a lone surrogate): it raises then. Each distinct term is made once.
    """
    import pyoxigraph as ox

    made: dict[Term, Any] = {}

    def term(value: Term) -> Any:
        """The pyoxigraph term for ``value``, made once per distinct term."""
        node = made.get(value)
        if node is None:
            if value.kind == rdf_terms.IRI:
                node = ox.NamedNode(value.text)
            elif value.kind == rdf_terms.LITERAL:
                node = ox.Literal(
                    value.text, datatype=ox.NamedNode(value.datatype) if value.datatype else None
                )
            else:
                node = ox.BlankNode(value.text)
            made[value] = node
        return node

    return frozenset(ox.Quad(term(s), term(p), term(o)) for s, p, o in statements)


def _isomorphic(graph: Graph, document: str | bytes, syntax: str) -> bool:
    """Whether the document's graph, parsed by rdflib, is ``graph`` up to the naming of blank nodes."""
    try:
        return isomorphic(graph, _reference_graph(document, syntax))
    except Exception:  # noqa: BLE001 (each parser raises its own exception types)
        return False


def _parse(document: str | bytes, syntax: str) -> frozenset[Any]:
    """The document's triples: pyoxigraph parses where installed, except JSON-LD with another context."""
    if engines.fast(engines.RDF):
        import pyoxigraph as ox

        if syntax != "json-ld":
            format = getattr(ox.RdfFormat, _OXIGRAPH_SYNTAX[syntax])
            return frozenset(ox.parse(document, format=format))
        data = json.loads(document)
        if _leads_with_schema_org(data):
            cut = json.dumps(_with_trimmed_context(data))
            return frozenset(ox.parse(cut, format=ox.RdfFormat.JSON_LD))
    return converted(_reference_graph(document, syntax))


def _leads_with_schema_org(document: Any) -> bool:
    from newsconv.formats import schemaorg

    return isinstance(document, dict) and document.get("@context") == schemaorg.CONTEXT_URL


def _reference_graph(document: str | bytes, syntax: str) -> Graph:
    """The document parsed by rdflib, as ``newsconv validate`` parses documents of any origin."""
    if syntax == "json-ld":
        from newsconv.formats import jsonld

        graph, findings = jsonld.to_graph(document)
    else:
        from newsconv.formats import rdf

        graph, findings = rdf.parse(document, syntax)
    if graph is None:
        raise ValueError(findings[0].message)
    return graph


def _with_trimmed_context(document: dict[str, Any]) -> dict[str, Any]:
    """The document with its schema.org context replaced by the definitions of the terms it uses.

    Every term a JSON-LD processor could look up is a key or a string value of the document, so
    the cut context expands it exactly as the whole one (3,000 terms) would, at a tenth of the cost.
    """
    terms, prefixes = _context_terms()
    used: set[str] = set()
    _words(document, used)
    context = dict(prefixes)
    context.update((term, terms[term]) for term in used if term in terms)
    return {**document, "@context": context}


@schema_store.per_store()
def _context_terms() -> tuple[dict[str, Any], dict[str, str]]:
    """The schema.org context's term definitions, and its prefixes (kept in every cut context)."""
    from newsconv.formats import schemaorg

    terms: dict[str, Any] = schemaorg.context_document()["@context"]
    return terms, {term: iri for term, iri in terms.items() if isinstance(iri, str)}


def _words(value: Any, found: set[str]) -> None:
    if isinstance(value, dict):
        found.update(value)
        for item in value.values():
            _words(item, found)
    elif isinstance(value, list):
        for item in value:
            _words(item, found)
    elif isinstance(value, str):
        found.add(value)


def _has_blank(statements: Iterable[Any]) -> bool:
    return any(_blank(statement[0]) or _blank(statement[2]) for statement in statements)


def _blank(term: Any) -> bool:
    return isinstance(term, BNode) or type(term).__name__ == "BlankNode"


def _differs(what: str, extra: Iterable[Any], missing: Iterable[Any]) -> Finding:
    parts = [
        f"{label}: {'; '.join(sorted(map(str, items))[:SHOWN])}"
        for label, items in (("states more", list(extra)), ("leaves out", list(missing)))
        if items
    ]
    detail = f" ({', '.join(parts)})" if parts else ""
    return Finding(RULE, f"the {what} written does not state the validated graph{detail}")
