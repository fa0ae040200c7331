"""schema.org RDF of an article as Turtle, N-Triples or RDF/XML, and their validators.

The graph is built from the shared schema.org description, exactly as the schema.org JSON-LD
context expands the JSON-LD output (``http://schema.org/`` terms, coerced datatypes), so the
two outputs of one article are isomorphic graphs. The readers parse with rdflib and map the graph
as the JSON-LD reader does; RDF/XML is first checked by ``secure.parse_xml``, so no DOCTYPE,
entity or DTD ever reaches rdflib's SAX parser.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TextIO, cast

from lxml import etree
from rdflib import RDF, Graph, Literal, URIRef
from rdflib.plugins.parsers.ntriples import NTGraphSink, W3CNTriplesParser
from rdflib.term import Node as RdfNode

from newsconv import secure
from newsconv.errors import InputError
from newsconv.formats import schemaorg, schemaorg_read, schemaorg_triples, turtle_serializer
from newsconv.model import Article
from newsconv.validate import article_graph, schemaorg_vocab, shacl
from newsconv.validate.findings import Finding
from newsconv.validate.memo import last_result
from newsconv.validate.rdf_terms import LITERAL, Term, Triple

_SYNTAX_NAMES = {"turtle": "Turtle", "nt": "N-Triples", "xml": "RDF/XML"}
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+")  # an N-Triples line and its end


def to_graph(article: Article) -> Graph:
    """The article's RDF graph, with the schema.org namespace bound as ``schema``."""
    return graph_of(schemaorg_triples.statements(article).triples)


def graph_of(triples: Iterable[Triple], store: str = "default") -> Graph:
    """Triples as an rdflib graph (added in their order), with the schema.org namespace bound as ``schema``.

    ``store="SimpleMemory"`` keeps the order triples were added in when it is iterated (the default
    store iterates a set, in an order that changes with Python's hash seed) but has no contexts,
    which pySHACL needs: for writers only.
    """
    graph = Graph(store=store, bind_namespaces="none")
    graph.bind("schema", schemaorg.SCHEMA)
    graph.bind("rdf", RDF)
    for subject, predicate, value in triples:
        graph.add((URIRef(subject.text), URIRef(predicate.text), _node(value)))
    return graph


shared_graph = last_result(to_graph)
"""The article's RDF graph, built once for its writers and its validation: never to be changed."""


def write_turtle(article: Article) -> str:
    """The article's graph as Turtle, as rdflib's Turtle serializer writes it."""
    written = turtle_serializer.write(schemaorg_triples.statements(article).grouped)
    return written if written is not None else shared_graph(article).serialize(format="turtle")


def write_ntriples(article: Article) -> str:
    """The article's graph as N-Triples, one triple a line, sorted so the output is stable."""
    lines = shared_graph(article).serialize(format="nt").splitlines()
    return "".join(f"{line}\n" for line in sorted(line for line in lines if line))


def write_rdfxml(article: Article) -> str:
    """The article's graph as RDF/XML, typed nodes nested where first referenced.

    Subjects come in the order of the article's statements (see :func:`graph_of`); rdflib orders the namespace
    declarations by set iteration, so the document is put in W3C Canonical XML 1.0 form
    (declarations sorted, kept on the root). So it is the same on every run.
    """
    graph = graph_of(schemaorg_triples.statements(article).triples, store="SimpleMemory")
    document = graph.serialize(format="pretty-xml", encoding="utf-8")
    canonical = etree.tostring(etree.fromstring(document), method="c14n").decode("utf-8")
    return f'<?xml version="1.0" encoding="utf-8"?>\n{canonical}\n'


def read_turtle(data: bytes, source: str | None) -> Article:
    """The article in a schema.org Turtle document."""
    return _read(data, source, "turtle")


def read_ntriples(data: bytes, source: str | None) -> Article:
    """The article in a schema.org N-Triples document."""
    return _read(data, source, "nt")


def read_rdfxml(data: bytes, source: str | None) -> Article:
    """The article in a schema.org RDF/XML document (one with a DOCTYPE is refused)."""
    return _read(data, source, "xml")


def _read(data: bytes, source: str | None, syntax: str) -> Article:
    graph, findings = parse(data, syntax)
    if graph is None:
        raise InputError(source, f"not {_SYNTAX_NAMES[syntax]}: {findings[0].message}")
    return schemaorg_read.to_article(graph, source)


def validate_turtle(document: str | bytes) -> list[Finding]:
    """Problems with a Turtle document: syntax, schema.org terms, our SHACL shapes."""
    return _validate(document, "turtle")


def validate_ntriples(document: str | bytes) -> list[Finding]:
    """Problems with an N-Triples document: syntax, schema.org terms, our SHACL shapes."""
    return _validate(document, "nt")


def validate_rdfxml(document: str | bytes) -> list[Finding]:
    """Problems with an RDF/XML document: syntax, schema.org terms, our SHACL shapes."""
    return _validate(document, "xml")


def prove_turtle(document: str | bytes, article: Article) -> list[Finding]:
    """Problems with Turtle written from ``article``: its checked graph, then the proof that the document states it."""
    return article_graph.prove(article, document, "turtle", "Turtle")


def prove_ntriples(document: str | bytes, article: Article) -> list[Finding]:
    """Problems with N-Triples written from ``article``: its checked graph, then the proof."""
    return article_graph.prove(article, document, "nt", "N-Triples")


def prove_rdfxml(document: str | bytes, article: Article) -> list[Finding]:
    """Problems with RDF/XML written from ``article``: its checked graph, then the proof."""
    return article_graph.prove(article, document, "xml", "RDF/XML")


def parse(document: str | bytes, syntax: str) -> tuple[Graph | None, list[Finding]]:
    """The graph in ``document``; a syntax error gives no graph and an ``rdf.syntax`` finding.

    RDF/XML goes through ``secure.parse_xml`` first: a DOCTYPE (entities, DTDs) is a finding too.
    """
    if syntax == "xml":
        try:
            raw = document.encode("utf-8", "surrogatepass") if isinstance(document, str) else document
            secure.parse_xml(raw, None)  # a lone surrogate is then bytes libxml2 refuses: a finding
        except InputError as error:
            return None, [Finding("rdf.syntax", error.problem)]
    graph = Graph(bind_namespaces="none")
    try:
        _parse_into(graph, document, syntax)
    except Exception as error:  # noqa: BLE001 (each rdflib parser raises its own exception types)
        return None, [Finding("rdf.syntax", f"{type(error).__name__}: {error}")]
    return graph, []


def _parse_into(graph: Graph, document: str | bytes, syntax: str) -> None:
    if syntax != "nt":
        graph.parse(data=document, format=syntax)
        return
    text = document.decode("utf-8") if isinstance(document, bytes) else document
    W3CNTriplesParser(NTGraphSink(graph)).parse(cast(TextIO, _Lines(text)))  # all it calls is read()


class _Lines:
    """Text whose every read gives one whole line, for rdflib's N-Triples parser.

    Fed fixed-size chunks (what ``Graph.parse`` does), that parser re-scans its growing buffer
    for a line end after each chunk: time quadratic in a line's length (2 MB: a minute).
    """

    encoding = "utf-8"  # says the stream is text already, so rdflib wraps no decoder around it

    def __init__(self, text: str) -> None:
        self._lines = (match.group() for match in _LINE.finditer(text))

    def read(self, size: int = -1) -> str:
        """The next line with its end; "" at the end of the text."""
        return next(self._lines, "")


def _validate(document: str | bytes, syntax: str) -> list[Finding]:
    graph, findings = parse(document, syntax)
    if graph is None:
        return findings
    return schemaorg_vocab.check(graph) + shacl.check(graph)


def _node(value: Term) -> RdfNode:
    """A statement's object as an rdflib term."""
    if value.kind == LITERAL:
        return Literal(value.text, datatype=URIRef(value.datatype) if value.datatype else None)
    return URIRef(value.text)
