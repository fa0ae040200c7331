"""An article's schema.org graph, built and checked once, however many RDF formats are written.

The graph is what the JSON-LD and RDF writers serialize; the schema.org vocabulary check and
SHACL run on it once per article, and each document written is proven to state exactly this
graph (``newsconv.validate.proof``). Documents of unknown origin have no such graph: their
validators parse and check them in full.
"""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import Graph

from newsconv.model import Article
from newsconv.validate import proof, schemaorg_vocab, shacl
from newsconv.validate.findings import Finding


@dataclass(frozen=True, slots=True)
class Checked:
    """An article's graph and what the vocabulary check and SHACL found in it."""

    graph: Graph
    findings: tuple[Finding, ...]


@proof.last_result
def checked(article: Article) -> Checked:
    """The article's graph, checked; the last article's is remembered for its other formats."""
    from newsconv.formats import rdf

    graph = rdf.shared_graph(article)
    return Checked(graph, tuple(schemaorg_vocab.check(graph) + shacl.check(graph)))


def prove(article: Article, document: str | bytes, syntax: str, what: str) -> list[Finding]:
    """What checking the article's graph found, plus a ``proof`` finding unless ``document`` states it."""
    result = checked(article)
    return [*result.findings, *proof.prove(result.graph, document, syntax, what)]
