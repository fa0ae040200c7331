"""Checks an RDF graph against the schema.org vocabulary (release 30.0): terms, domains, ranges.

Every type must be a schema.org class, every property a schema.org property used on a subject
whose type is (a subclass of) one of its ``domainIncludes``, with a value inside one of its
``rangeIncludes``: a node of a matching class, an IRI where URL is allowed, or a literal of a
matching data type (plain strings are Text; ``schema:Date``-typed literals are Date…).
"""

from __future__ import annotations

import json
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from rdflib import XSD, Graph

from newsconv import schema_store
from newsconv.validate import rdf_terms
from newsconv.validate.findings import Finding, Severity
from newsconv.validate.rdf_terms import Term, Triple

_NAMESPACES = ("http://schema.org/", "https://schema.org/")
_LITERAL_TYPES: dict[str | None, str] = {
    None: "Text",
    str(XSD.string): "Text",
    str(XSD.boolean): "Boolean",
    str(XSD.integer): "Integer",
    str(XSD.double): "Float",
    str(XSD.decimal): "Number",
    str(XSD.date): "Date",
    str(XSD.dateTime): "DateTime",
    str(XSD.time): "Time",
}


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """The schema.org terms by local name: class ancestors, property domains and ranges, instance types."""

    ancestors: dict[str, frozenset[str]]
    domains: dict[str, frozenset[str]]
    ranges: dict[str, frozenset[str]]
    instances: dict[str, frozenset[str]]

    def above(self, name: str) -> frozenset[str]:
        """A class and every class above it (just the name itself when it is no class)."""
        return self.ancestors.get(name, frozenset({name}))


@schema_store.per_store()
def vocabulary() -> Vocabulary:
    """The schema.org vocabulary, read once per process from the located release file."""
    with open(schema_store.locate(schema_store.SCHEMAORG_VOCABULARY), encoding="utf-8") as handle:
        graph: list[dict[str, Any]] = json.load(handle)["@graph"]
    parents: dict[str, frozenset[str]] = {}
    domains: dict[str, frozenset[str]] = {}
    ranges: dict[str, frozenset[str]] = {}
    instances: dict[str, frozenset[str]] = {}
    for term in graph:
        name = _prefixed(term["@id"])
        if name is None:
            continue
        types = set(_list(term.get("@type")))
        if "rdfs:Class" in types:
            parents[name] = _names(term.get("rdfs:subClassOf"))
        elif "rdf:Property" in types:
            domains[name] = _names(term.get("schema:domainIncludes"))
            ranges[name] = _names(term.get("schema:rangeIncludes"))
        else:
            instances[name] = frozenset(n for t in types if (n := _prefixed(t)) is not None)
    return Vocabulary(_closure(parents), domains, ranges, instances)


def _closure(parents: dict[str, frozenset[str]]) -> dict[str, frozenset[str]]:
    """Each class with every class above it, itself included."""
    result: dict[str, frozenset[str]] = {}

    def above(name: str) -> frozenset[str]:
        if name not in result:
            result[name] = frozenset({name}).union(*(above(p) for p in parents.get(name, ())))
        return result[name]

    for name in parents:
        above(name)
    return result


def check(graph: Graph) -> list[Finding]:
    """Every use of a term in ``graph`` that schema.org does not define or allow there.

    Findings come in the order of the sorted triples; only the triples with findings are sorted.
    """
    statements = [
        (triple, (rdf_terms.of(triple[0]), rdf_terms.of(triple[1]), rdf_terms.of(triple[2])))
        for triple in graph
    ]
    types = _Types(vocabulary(), (terms for _, terms in statements))
    flagged = [(triple, found) for triple, terms in statements if (found := _findings(types, *terms))]
    flagged.sort(key=lambda item: item[0])
    return [finding for _, found in flagged for finding in found]


def problems(triples: Sequence[Triple]) -> list[Finding]:
    """Every use of a term in ``triples`` that schema.org does not define or allow there, in their order.

    The same rules as :func:`check`, for triples built without rdflib (an article's statements).
    """
    types = _Types(vocabulary(), triples)
    allowed = _allowed_uses()
    found: list[Finding] = []
    for triple in triples:
        use = _use(types, *triple)
        if use in allowed:
            continue
        findings = _findings(types, *triple)
        if findings:
            found += findings
        elif len(allowed) < _ALLOWED_KEPT:
            allowed.add(use)
    return found


_ALLOWED_KEPT = 4096
"""How many allowed uses :func:`problems` remembers (articles repeat a few dozen; this bounds a hostile feed)."""


@schema_store.per_store()
def _allowed_uses() -> set[Hashable]:
    """Uses of terms found allowed, by all that decides it (see :func:`_use`): checked once per process."""
    return set()


def _use(types: _Types, subject: Term, predicate: Term, value: Term) -> Hashable:
    """What decides whether a triple is allowed: the type for ``rdf:type``; else the property, the
    subject's types, and the value's kind with its datatype (a literal) or its types (a node)."""
    if predicate.text == rdf_terms.RDF_TYPE and predicate.kind == rdf_terms.IRI:
        return predicate, value
    described = value.datatype if value.kind == rdf_terms.LITERAL else types.of(value)
    return predicate, types.of(subject), value.kind, described


def _findings(types: _Types, subject: Term, predicate: Term, value: Term) -> list[Finding]:
    """What is wrong with one statement: an unknown type or property, else a domain or range misuse."""
    vocab = types.vocab
    if predicate.text == rdf_terms.RDF_TYPE and predicate.kind == rdf_terms.IRI:
        if _local(value) in vocab.ancestors:
            return []
        problems = [_Problem("schemaorg.unknown-term", f"{value.text} is no schema.org type")]
    elif (name := _local(predicate)) is None or name not in vocab.domains:
        problems = [_Problem("schemaorg.unknown-term", f"{predicate.text} is no schema.org property")]
    else:
        problems = _domain(vocab, types.of(subject), name) + _range(vocab, types, value, name)
    where = f"{subject.text} {predicate.text}"
    return [Finding(p.rule, p.message, p.severity, path=where) for p in problems]


@dataclass(frozen=True, slots=True)
class _Problem:
    rule: str
    message: str
    severity: Severity = "error"


def _domain(vocab: Vocabulary, types: frozenset[str], name: str) -> list[_Problem]:
    if not types or any(vocab.above(t) & vocab.domains[name] for t in types):
        return []
    allowed = ", ".join(sorted(vocab.domains[name]))
    message = f"{name} is not a property of {', '.join(sorted(types))} (only of {allowed})"
    return [_Problem("schemaorg.domain", message)]


def _range(vocab: Vocabulary, node_types: _Types, value: Term, name: str) -> list[_Problem]:
    """Whether a value fits property ``name``'s range: a literal by its kind, a node by its types (any
    IRI is a URL); an untyped node only warns, since there is nothing to check."""
    allowed = vocab.ranges[name]
    if value.kind == rdf_terms.LITERAL:
        kind = _literal_kind(value)
        if kind is not None and vocab.above(kind) & allowed:
            return []
        found = f"a {kind} literal" if kind else f"a literal of type {value.datatype}"
    else:
        types = node_types.of(value)
        if (value.kind == rdf_terms.IRI and "URL" in allowed) or any(  # any IRI is a URL, typed or not
            vocab.above(t) & allowed for t in types
        ):
            return []
        if not types:
            message = (
                f"{name} takes {', '.join(sorted(allowed))}; {value.text} has no schema.org type to check"
            )
            return [_Problem("schemaorg.range", message, "warning")]
        found = ", ".join(sorted(types))
    return [_Problem("schemaorg.range", f"{name} takes {', '.join(sorted(allowed))}, not {found}")]


class _Types:
    """The schema.org types of the nodes of one graph: rdf:type values, or an enumeration member's.

    Read from the triples once, not looked up again for every triple that names a node.
    """

    def __init__(self, vocab: Vocabulary, triples: Iterable[Triple]) -> None:
        self.vocab = vocab
        self.declared: dict[Term, set[str]] = {}
        for node, predicate, kind in triples:
            if predicate.text == rdf_terms.RDF_TYPE and (name := _local(kind)) in vocab.ancestors:
                self.declared.setdefault(node, set()).add(name)
        self.known: dict[Term, frozenset[str]] = {}

    def of(self, node: Term) -> frozenset[str]:
        if node not in self.known:
            local = _local(node)
            enumerated = self.vocab.instances.get(local, frozenset()) if local else frozenset()
            self.known[node] = frozenset(self.declared.get(node, ())) | enumerated
        return self.known[node]


def _literal_kind(value: Term) -> str | None:
    if value.datatype in _LITERAL_TYPES:
        return _LITERAL_TYPES[value.datatype]
    return _local(rdf_terms.iri(value.datatype)) if value.datatype is not None else None


def _local(node: Term) -> str | None:
    """The schema.org local name of an IRI in either schema.org namespace, else None."""
    if node.kind == rdf_terms.IRI:
        for namespace in _NAMESPACES:
            if node.text.startswith(namespace):
                return node.text[len(namespace) :]
    return None


def _prefixed(iri: str) -> str | None:
    return iri[len("schema:") :] if iri.startswith("schema:") else None


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [] if value is None else [value]


def _names(value: Any) -> frozenset[str]:
    return frozenset(n for item in _list(value) if (n := _prefixed(item["@id"])) is not None)
