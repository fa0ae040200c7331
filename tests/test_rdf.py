"""The schema.org RDF writers (Turtle, N-Triples, RDF/XML), their validators, and JSON-LD agreement."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from rdflib import RDF, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from strategies import articles
from test_jsonld import FULL, SAMPLES

from newsconv import identity, registry
from newsconv.formats import jsonld, rdf
from newsconv.model import Article
from newsconv.validate.findings import Finding

SCHEMA = "http://schema.org/"
SYNTAXES = {"turtle": "turtle", "ntriples": "nt", "rdfxml": "xml"}


def _jsonld_graph(article: Article) -> Graph:
    graph, findings = jsonld.to_graph(jsonld.write(article))
    assert graph is not None, findings
    return graph


@pytest.mark.parametrize("fmt", sorted(SYNTAXES))
@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_written_rdf_passes_its_validator(fmt: str, name: str) -> None:
    format_ = registry.get(fmt)
    assert format_.validate(format_.write(SAMPLES[name])) == []


@pytest.mark.parametrize("fmt", sorted(SYNTAXES))
@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_each_syntax_parses_back_to_the_same_graph(fmt: str, name: str) -> None:
    article = SAMPLES[name]
    parsed = Graph().parse(data=registry.get(fmt).write(article), format=SYNTAXES[fmt])
    assert isomorphic(parsed, rdf.to_graph(article))


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_rdf_graph_is_isomorphic_to_the_jsonld_graph(name: str) -> None:
    article = SAMPLES[name]
    assert isomorphic(rdf.to_graph(article), _jsonld_graph(article))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles())
def test_any_article_gives_the_same_graph_in_rdf_and_jsonld(article: Article) -> None:
    graph = rdf.to_graph(article)
    assert isomorphic(graph, _jsonld_graph(article))
    for fmt, syntax in SYNTAXES.items():
        assert isomorphic(Graph().parse(data=registry.get(fmt).write(article), format=syntax), graph), fmt
    assert rdf.validate_turtle(rdf.write_turtle(article)) == []


def test_graph_uses_http_schema_org_and_context_datatypes() -> None:
    graph = rdf.to_graph(FULL)
    article = URIRef(identity.article_iri(FULL))
    assert (article, RDF.type, URIRef(SCHEMA + "NewsArticle")) in graph
    published = graph.value(article, URIRef(SCHEMA + "datePublished"))
    assert published == Literal("2024-05-06T07:08:09+00:00", datatype=URIRef(SCHEMA + "Date"))
    assert graph.value(article, URIRef(SCHEMA + "headline")) == Literal(FULL.headline)
    assert not any(str(p).startswith("https://schema.org/") for p in graph.predicates())


def test_turtle_binds_the_schema_prefix() -> None:
    text = rdf.write_turtle(FULL)
    assert "@prefix schema: <http://schema.org/> ." in text
    assert "schema:NewsArticle" in text


def test_ntriples_are_sorted_and_deterministic() -> None:
    text = rdf.write_ntriples(FULL)
    lines = text.splitlines()
    assert lines == sorted(lines) and len(lines) == len(rdf.to_graph(FULL))
    assert text == rdf.write_ntriples(FULL)


def test_rdfxml_is_the_same_whatever_python_s_hash_seed() -> None:
    """rdflib's default store iterates a set; the graph written keeps the order triples were added in."""
    probe = (
        "import hashlib, newsconv; from newsconv.formats import rdf; from test_jsonld import SAMPLES;"
        "print(hashlib.sha1(''.join(rdf.write_rdfxml(a) for a in SAMPLES.values()).encode()).hexdigest())"
    )
    tests = str(Path(__file__).parent)
    digests = {
        subprocess.run(
            [sys.executable, "-c", probe],
            env={**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": tests},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(digests) == 1


@pytest.mark.parametrize(
    ("validator", "document"),
    [
        (rdf.validate_turtle, "<urn:a> <urn:b> ."),
        (rdf.validate_ntriples, "<urn:a> <urn:b> <urn:c>"),
        (rdf.validate_rdfxml, "<rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'><oops"),
    ],
)
def test_syntax_errors_are_findings(validator: Callable[[str], list[Finding]], document: str) -> None:
    findings = validator(document)
    assert [f.rule for f in findings] == ["rdf.syntax"]


def _without(article: Article, predicate: str) -> Graph:
    graph = rdf.to_graph(article)
    graph.remove((None, URIRef(SCHEMA + predicate), None))
    return graph


def test_shacl_catches_a_news_article_without_headline() -> None:
    findings = rdf.validate_turtle(_without(FULL, "headline").serialize(format="turtle"))
    assert [f.rule for f in findings] == ["shacl"]
    assert "headline" in findings[0].message


def test_shacl_catches_a_quotation_without_text() -> None:
    findings = rdf.validate_ntriples(_without(FULL, "text").serialize(format="nt"))
    assert {f.rule for f in findings} == {"shacl"}
    assert {f.path for f in findings} == {identity.node_iri(FULL, q.id) for q in FULL.quotes}


def test_shacl_sees_subclasses_through_the_schema_org_hierarchy() -> None:
    graph = rdf.to_graph(FULL)
    reuters = next(graph.subjects(URIRef(SCHEMA + "name"), Literal("Reuters")))
    graph.set((reuters, RDF.type, URIRef(SCHEMA + "NewsMediaOrganization")))
    assert rdf.validate_turtle(graph.serialize(format="turtle")) == []
    graph.remove((reuters, URIRef(SCHEMA + "name"), None))
    findings = rdf.validate_turtle(graph.serialize(format="turtle"))
    assert findings and {f.path for f in findings if f.rule == "shacl"} >= {str(reuters)}


def test_vocabulary_check_runs_on_rdf_too() -> None:
    graph = rdf.to_graph(FULL)
    graph.add((URIRef(identity.article_iri(FULL)), URIRef(SCHEMA + "jobTitle"), Literal("editor")))
    findings = rdf.validate_rdfxml(graph.serialize(format="xml"))
    assert [f.rule for f in findings] == ["schemaorg.domain"]
