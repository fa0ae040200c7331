"""The Turtle writer writes exactly what rdflib's own Turtle serializer writes for the same graph."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import articles
from test_jsonld import SAMPLES

from newsconv.formats import rdf, schemaorg_triples, turtle_serializer
from newsconv.formats.schemaorg import SCHEMA
from newsconv.model import Article
from newsconv.validate.rdf_terms import LITERAL, RDF_TYPE, XSD_INTEGER, Term, iri

NODE = "urn:uuid:9a11ef32-ae42-5ee4-96d2-9bcf1946fd63"


def _rdflib(grouped: schemaorg_triples.Grouped) -> str:
    triples = [
        (s, p, o) for s, properties in grouped.items() for p, objects in properties.items() for o in objects
    ]
    return rdf.graph_of(triples).serialize(format="turtle")


def _statements(*triples: tuple[str, str, Term]) -> schemaorg_triples.Grouped:
    return schemaorg_triples.group((iri(s), iri(p), o) for s, p, o in triples)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles())
def test_any_article_is_written_as_rdflib_writes_it(article: Article) -> None:
    statements = schemaorg_triples.statements(article).grouped
    assert turtle_serializer.write(statements) in (None, _rdflib(statements))
    assert rdf.write_turtle(article) == rdf.to_graph(article).serialize(format="turtle")


def test_the_samples_are_written_here_as_rdflib_writes_them() -> None:
    for article in SAMPLES.values():
        statements = schemaorg_triples.statements(article).grouped
        assert turtle_serializer.write(statements) == _rdflib(statements)


_TEXT = st.text(st.sampled_from(["a", "Z", " ", '"', "\\", "\n", "\r", "'", "é", "\t"]), max_size=8)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from([NODE, f"{NODE}#a", f"{NODE}#b", "https://example.org/x"]),
            st.sampled_from([RDF_TYPE, f"{SCHEMA}name", f"{SCHEMA}mentions", f"{SCHEMA}datePublished"]),
            st.one_of(
                st.sampled_from([NODE, f"{NODE}#a", f"{NODE}#b", "https://example.org/x"]).map(iri),
                _TEXT.map(lambda text: Term(LITERAL, text)),
                _TEXT.map(lambda text: Term(LITERAL, text, f"{SCHEMA}Date")),
                st.integers(-20, 20).map(lambda number: Term(LITERAL, str(number), XSD_INTEGER)),
                st.sampled_from(["Person", "Place", "NewsArticle"]).map(lambda kind: iri(SCHEMA + kind)),
            ),
        ),
        min_size=1,
        max_size=12,
    )
)
def test_any_simple_graph_is_written_as_rdflib_writes_it(triples: list[tuple[str, str, Term]]) -> None:
    """Escapes, long strings, several types, numbers and texts and IRIs under one predicate, references."""
    statements = _statements(*triples)
    assert turtle_serializer.write(statements) in (None, _rdflib(statements))


def test_what_it_does_not_know_is_left_to_rdflib() -> None:
    for value in (
        iri(f"{SCHEMA}Thing"),  # an object in the schema.org namespace: rdflib prefixes it
        iri("urn:x:a b"),  # an IRI rdflib refuses
        Term(LITERAL, "1.5", "http://www.w3.org/2001/XMLSchema#decimal"),
        Term(LITERAL, "\ud800"),  # a lone surrogate: rdflib writes "?"
    ):
        assert turtle_serializer.write(_statements((NODE, f"{SCHEMA}name", value))) is None
    assert turtle_serializer.write(_statements((NODE, RDF_TYPE, iri(f"{SCHEMA}3DModel")))) is None


def test_plain_graphs_are_written_here() -> None:
    statements = _statements(
        (NODE, RDF_TYPE, iri(f"{SCHEMA}NewsArticle")),
        (NODE, f"{SCHEMA}mentions", iri(f"{NODE}#b")),
        (NODE, f"{SCHEMA}mentions", iri(f"{NODE}#a")),
        (f"{NODE}#a", f"{SCHEMA}name", Term(LITERAL, 'say "so"\nthen')),
        (f"{NODE}#a", f"{SCHEMA}width", Term(LITERAL, "10", XSD_INTEGER)),
        (f"{NODE}#a", f"{SCHEMA}width", Term(LITERAL, "9", XSD_INTEGER)),
    )
    written = turtle_serializer.write(statements)
    assert written is not None
    assert written == _rdflib(statements)
