"""SHACL validation against newsconv's shapes, reported as findings.

pyshacl-turbo (a compiled engine, shapes compiled once per process) decides whether a graph
conforms; pyshacl, the reference engine, reports why one does not, so the findings are the
same whichever engine is installed (``newsconv.validate.engines``). A graph that pyshacl finds
conforming is conforming, whatever the fast engine said.

The schema.org class hierarchy (``schemaorg-subclasses.shacl``) is the ontology graph, so a
shape that targets CreativeWork also sees a NewsArticle. Only the superclass chains of the types
the data uses are passed (pyshacl copies the whole ontology into every data graph otherwise,
which doubled the cost); graphs load once per process.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from rdflib import RDF, RDFS, Graph, Namespace
from rdflib.term import Node

from newsconv import schema_store
from newsconv.validate import engines, proof
from newsconv.validate.findings import Finding, Severity

SHAPES = "newsconv-shapes.ttl"
_SH = Namespace("http://www.w3.org/ns/shacl#")


@cache
def shapes() -> Graph:
    """newsconv's SHACL shapes graph."""
    return Graph().parse(data=schema_store.own(SHAPES).read_text(encoding="utf-8"), format="turtle")


@schema_store.per_store()
def subclasses() -> Graph:
    """The schema.org ``rdfs:subClassOf`` triples (release 30.0)."""
    return Graph().parse(schema_store.locate(schema_store.SCHEMAORG_SUBCLASSES), format="turtle")


@schema_store.per_store(64)
def _hierarchy(types: frozenset[Node]) -> Graph:
    """The ``rdfs:subClassOf`` triples above ``types``: all the ontology SHACL needs for them."""
    hierarchy = Graph()
    for kind in types:
        for below in subclasses().transitive_objects(kind, RDFS.subClassOf):
            for triple in subclasses().triples((below, RDFS.subClassOf, None)):
                hierarchy.add(triple)
    return hierarchy


def check(graph: Graph) -> list[Finding]:
    """Every SHACL violation in ``graph``, one finding per validation result (``rule`` "shacl")."""
    types = frozenset(graph.objects(None, RDF.type))
    if engines.fast(engines.SHACL) and _fast_conforms(graph, types):
        return []
    from pyshacl import validate  # the reference engine, imported only when it has something to say

    conforms, report, _ = validate(graph, shacl_graph=shapes(), ont_graph=_hierarchy(types), inference="none")
    if conforms:
        return []
    assert isinstance(report, Graph)
    findings = [_finding(report, result) for result in report.subjects(RDF.type, _SH.ValidationResult)]
    return sorted(findings, key=lambda f: (f.path or "", f.message))


@cache
def compiled_shapes() -> Any:
    """newsconv's shapes compiled by pyshacl-turbo, once per process.

    Parsed without rdflib's default prefixes: pyshacl-turbo binds every prefix of the shapes
    into each report it builds, which cost more than the validation itself.
    """
    import pyshacl_turbo

    text = schema_store.own(SHAPES).read_text(encoding="utf-8")
    graph = Graph(bind_namespaces="none").parse(data=text, format="turtle")
    return pyshacl_turbo.compile_shapes(graph)  # type: ignore[no-untyped-call]  # (its stubs leave it untyped)


def _fast_conforms(graph: Graph, types: frozenset[Node]) -> bool:
    """Whether pyshacl-turbo finds ``graph`` with the class hierarchy above its types conforming.

    The hierarchy is added to the data, as pyshacl adds its ontology graph. False also when the
    compiled engines refuse the graph (a lone surrogate in a literal): pyshacl then decides.
    """
    try:
        if engines.fast(engines.RDF):
            return _conforms_ntriples(proof.triples(graph) | _fast_hierarchy(frozenset(map(str, types))))
        conforms, _, _ = compiled_shapes().validate(graph + _hierarchy(types))
    except Exception:  # noqa: BLE001 (whatever the compiled engines refuse, the reference engine decides)
        return False
    return bool(conforms)


def fast_conforms(triples: frozenset[Any], types: frozenset[str]) -> bool:
    """Whether pyshacl-turbo finds pyoxigraph ``triples`` (whose nodes have the type IRIs ``types``) conforming.

    False also when it cannot tell: :func:`check` then decides on the article's rdflib graph.
    """
    try:
        return _conforms_ntriples(triples | _fast_hierarchy(types))
    except Exception:  # noqa: BLE001 (whatever the compiled engines refuse, the reference engine decides)
        return False


def _conforms_ntriples(triples: frozenset[Any]) -> bool:
    """pyshacl-turbo's verdict on pyoxigraph triples, handed over as N-Triples.

    Its engine is called as its own ``CompiledShapes.validate`` calls it (pyshacl-turbo 0.6),
    without building the RDFLib report graph that we would throw away: that took twice as long as
    the validation. Should that call change, the public ``validate`` of a pyoxigraph Store runs.
    """
    import pyoxigraph as ox

    text = (ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b"").decode("utf-8")
    program = compiled_shapes()
    try:
        native = program._native.validate
        result = native(text, "nt", None, False, 100, 15, False, False, False, False, [], [], [])
    except (AttributeError, TypeError):
        store = ox.Store()
        store.load(text, format=ox.RdfFormat.N_TRIPLES)
        result = program.validate(store)
    return bool(result[0])


@schema_store.per_store(64)
def _fast_hierarchy(types: frozenset[str]) -> frozenset[Any]:
    """The ``rdfs:subClassOf`` triples above ``types`` as pyoxigraph triples (see :func:`_hierarchy`)."""
    import pyoxigraph as ox

    parents = _parents()
    sub_class_of = ox.NamedNode(str(RDFS.subClassOf))
    found: set[Any] = set()
    todo = list(types)
    seen = set(todo)
    while todo:
        kind = todo.pop()
        for parent in parents.get(kind, ()):
            found.add(ox.Quad(ox.NamedNode(kind), sub_class_of, ox.NamedNode(parent)))
            if parent not in seen:
                seen.add(parent)
                todo.append(parent)
    return frozenset(found)


@schema_store.per_store()
def _parents() -> dict[str, tuple[str, ...]]:
    """Each schema.org class with its direct superclasses, parsed by pyoxigraph (50 times rdflib's speed)."""
    import pyoxigraph as ox

    parents: dict[str, list[str]] = {}
    path = schema_store.locate(schema_store.SCHEMAORG_SUBCLASSES)
    for quad in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE):
        if quad.predicate.value == str(RDFS.subClassOf) and isinstance(quad.object, ox.NamedNode):
            parents.setdefault(quad.subject.value, []).append(quad.object.value)
    return {kind: tuple(above) for kind, above in parents.items()}


def _finding(report: Graph, result: Node) -> Finding:
    focus = report.value(result, _SH.focusNode)
    path = report.value(result, _SH.resultPath)
    message = report.value(result, _SH.resultMessage)
    shown_path = path.n3(report.namespace_manager) if path is not None and not isinstance(path, Graph) else ""
    text = f"{shown_path}: {message}" if shown_path else str(message)
    severity: Severity = "error" if report.value(result, _SH.resultSeverity) == _SH.Violation else "warning"
    return Finding("shacl", text, severity, path=str(focus))
