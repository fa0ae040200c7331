"""The Turtle writer's serializer writes exactly what rdflib's own Turtle serializer writes."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from rdflib import RDF, Graph, Literal, Namespace, URIRef
from strategies import articles
from test_jsonld import SAMPLES

from newsconv.formats import rdf, turtle_serializer
from newsconv.model import Article

EX = Namespace("http://example.org/ns#")


def _same(graph: Graph) -> None:
    assert graph.serialize(format=turtle_serializer.NAME) == graph.serialize(format="turtle")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles())
def test_any_article_is_written_as_rdflib_writes_it(article: Article) -> None:
    _same(rdf.to_graph(article))


def test_the_samples_are_written_as_rdflib_writes_them() -> None:
    for article in SAMPLES.values():
        _same(rdf.to_graph(article))
        assert rdf.write_turtle(article) == rdf.to_graph(article).serialize(format="turtle")


def test_a_prefix_bound_while_writing_changes_names_as_in_rdflib() -> None:
    """A predicate in an unbound namespace gets a generated prefix, which later subjects then use."""
    graph = rdf.to_graph(SAMPLES["full"])
    graph.add((EX.thing, EX.colour, Literal("blue")))
    graph.add((EX.thing, RDF.type, EX.Kind))
    graph.add((URIRef("urn:x:a"), EX.related, EX.thing))
    _same(graph)
