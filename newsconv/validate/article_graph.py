"""An article's schema.org graph, built and checked once, however many RDF formats are written.

The graph is what the JSON-LD and RDF writers serialize; the schema.org vocabulary check and
SHACL run on it once per article, and each document written is proven to state exactly this
graph (``newsconv.validate.proof``). Documents of unknown origin have no such graph: their
validators parse and check them in full.

With the compiled engines, the graph is checked as the article's statements
(``newsconv.formats.schemaorg_triples``) turned into pyoxigraph triples, without building an
rdflib graph: the vocabulary check reads the statements, pyshacl-turbo the triples. Should either
find anything, the rdflib graph is built and checked as without the compiled engines, so the
findings are worded and ordered the same either way.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from rdflib import Graph

from newsconv.model import Article
from newsconv.validate import engines, proof, rdf_terms, schemaorg_vocab, shacl
from newsconv.validate.findings import Finding
from newsconv.validate.memo import last_result


@dataclass(frozen=True, slots=True)
class Checked:
    """What the vocabulary check and SHACL found in an article's graph, and the graph to prove against."""

    findings: tuple[Finding, ...]
    triples: Callable[[], frozenset[Any]]
    graph: Callable[[], Graph]


@last_result
def checked(article: Article) -> Checked:
    """The article's graph, checked; the last article's is remembered for its other formats."""
    from newsconv.formats import rdf

    def graph() -> Graph:
        return rdf.shared_graph(article)

    triples = _fast_triples(article)
    if triples is not None:
        return Checked((), lambda: triples, graph)
    found = schemaorg_vocab.check(graph()) + shacl.check(graph())
    return Checked(tuple(found), lambda: proof.triples(graph()), graph)


def _fast_triples(article: Article) -> frozenset[Any] | None:
    """The article's statements as pyoxigraph triples when the compiled engines find nothing wrong in them."""
    if not (engines.fast(engines.RDF) and engines.fast(engines.SHACL)):
        return None
    from newsconv.formats import schemaorg_triples

    statements = schemaorg_triples.statements(article).triples
    if schemaorg_vocab.problems(statements):
        return None
    try:
        triples = proof.oxigraph_quads(statements)
    except Exception:  # noqa: BLE001 (pyoxigraph refuses some terms rdflib takes, e.g. lone surrogates)
        return None
    types = frozenset(o.text for _, p, o in statements if p.text == rdf_terms.RDF_TYPE)
    return triples if shacl.fast_conforms(triples, types) else None


def prove(article: Article, document: str | bytes, syntax: str, what: str) -> list[Finding]:
    """What checking the article's graph found, plus a ``proof`` finding unless ``document`` states it."""
    result = checked(article)
    return [*result.findings, *proof.prove_triples(result.triples, result.graph, document, syntax, what)]
