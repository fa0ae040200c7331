"""The compiled engines give the reference engines' verdicts, and newsconv works without them.

pyshacl-turbo against pyshacl, jsonschema-rs against jsonschema, pyoxigraph against rdflib:
each pair checks the outputs of a sample of real articles and documents broken on purpose,
and must agree on every one. The checks compare what newsconv reports (its findings), which
the reference engines word in both modes; a fast engine that called a broken document valid
would report nothing where the reference reports an error.
"""

from __future__ import annotations

import dataclasses
import importlib.util
import json
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from rdflib import Graph
from test_jsonld import SAMPLES

import newsconv
from newsconv import registry
from newsconv.formats import jsonld, model_json, rdf, schemaorg_triples
from newsconv.model import Article
from newsconv.validate import article_graph, engines, json_schema, proof, rdf_terms, schemaorg_vocab, shacl
from newsconv.validate.findings import Finding

SAMPLE_PER_CATEGORY = 2
SCHEMA = "http://schema.org/"
RDF_FORMATS = {"turtle": "turtle", "ntriples": "nt", "rdfxml": "xml"}


@contextmanager
def engines_set(mode: str) -> Iterator[None]:
    """Run with the compiled engines (``fast``) or with the reference engines only (``reference``)."""
    before = os.environ.get(engines.ENV_VAR)
    os.environ[engines.ENV_VAR] = mode
    engines.fast.cache_clear()
    try:
        yield
    finally:
        if before is None:
            del os.environ[engines.ENV_VAR]
        else:
            os.environ[engines.ENV_VAR] = before
        engines.fast.cache_clear()


def both(check: Callable[[], list[Finding]]) -> tuple[list[Finding], list[Finding]]:
    """What ``check`` reports with the compiled engines and with the reference ones."""
    with engines_set("fast"):
        fast = check()
    with engines_set("reference"):
        reference = check()
    return fast, reference


@pytest.fixture(scope="module")
def articles(shared: Path) -> list[Article]:
    """The hand-made samples and the first articles of each BBC category."""
    folders = sorted(p for p in (shared / "corpora" / "bbc-fulltext" / "bbc").iterdir() if p.is_dir())
    files = [f for folder in folders for f in sorted(folder.glob("*.txt"))[:SAMPLE_PER_CATEGORY]]
    return [*SAMPLES.values(), *(newsconv.read_file(f) for f in files)]


def test_every_fast_engine_is_installed_here() -> None:
    with engines_set("fast"):
        assert set(engines.in_use().values()) == {"pyshacl-turbo", "jsonschema-rs", "pyoxigraph"}


def _lines(article: Article) -> list[str]:
    return [line for line in rdf.write_ntriples(article).splitlines() if line]


def _graph(lines: list[str]) -> Graph:
    return Graph().parse(data="\n".join(lines), format="nt")


def _broken_graphs(article: Article) -> dict[str, list[str]]:
    """N-Triples of the article, broken in the ways the shapes must catch."""
    lines = _lines(article)
    iri = f"<{_root(article)}>"
    named = [line for line in lines if f"<{SCHEMA}name>" in line]
    return {
        "no headline": [line for line in lines if f"<{SCHEMA}headline>" not in line],
        "two headlines": [*lines, f'{iri} <{SCHEMA}headline> "another" .'],
        "plain-string date": [*lines, f'{iri} <{SCHEMA}datePublished> "2024-01-01" .'],
        "bad language tag": [
            *(line for line in lines if f"<{SCHEMA}inLanguage>" not in line),
            f'{iri} <{SCHEMA}inLanguage> "english!" .',
        ],
        "a Person where a Quotation belongs": [
            *lines,
            f"{iri} <{SCHEMA}hasPart> <urn:x:p> .",
            f"<urn:x:p> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{SCHEMA}Person> .",
            f'<urn:x:p> <{SCHEMA}name> "P" .',
        ],
        "a Quotation without text": [
            *lines,
            f"{iri} <{SCHEMA}hasPart> <urn:x:q> .",
            f"<urn:x:q> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{SCHEMA}Quotation> .",
        ],
        "a nested Person without a name": [
            *lines,
            f"<urn:x:q> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{SCHEMA}Quotation> .",
            f'<urn:x:q> <{SCHEMA}text> "words" .',
            f"<urn:x:q> <{SCHEMA}creator> <urn:x:nobody> .",
            f"<urn:x:nobody> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{SCHEMA}Person> .",
        ],
        "a subclass of Organization without a name": [
            *lines,
            f"<urn:x:o> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{SCHEMA}NewsMediaOrganization> .",
        ],
        "a mention that is a CreativeWork": [
            *lines,
            f"{iri} <{SCHEMA}mentions> <urn:x:w> .",
            f"<urn:x:w> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{SCHEMA}CreativeWork> .",
        ],
        "names dropped": [line for line in lines if line not in named[:2]],
    }


def _root(article: Article) -> str:
    return jsonld.to_dict(article)["@id"]  # type: ignore[no-any-return]


def test_shacl_engines_agree_on_outputs_and_broken_graphs(articles: list[Article]) -> None:
    cases = 0
    for article in articles:
        graphs = {"as written": _lines(article), **_broken_graphs(article)}
        if not article.entities:
            del graphs["names dropped"]  # nothing named to drop
        for name, lines in graphs.items():
            fast, reference = both(partial(_shacl, lines))
            assert fast == reference, name
            assert bool(reference) == (name != "as written"), name
            cases += 1
    assert cases >= len(articles) * 10


def _shacl(lines: list[str]) -> list[Finding]:
    return shacl.check(_graph(lines))


def test_an_article_s_statements_are_checked_as_its_rdflib_graph_is(
    articles: list[Article], monkeypatch: pytest.MonkeyPatch
) -> None:
    """With the compiled engines an article's graph is checked as statements, without rdflib: same findings."""
    article = articles[len(SAMPLES)]
    iri = f"<{_root(article)}>"
    graphs = {
        "as written": _lines(article),
        **_broken_graphs(article),
        "an unknown property": [*_lines(article), f'{iri} <{SCHEMA}colour> "blue" .'],
        "text where a Person belongs": [*_lines(article), f'{iri} <{SCHEMA}author> "Ana" .'],
    }
    for name, lines in graphs.items():
        graph = _graph(lines)
        triples = tuple((rdf_terms.of(s), rdf_terms.of(p), rdf_terms.of(o)) for s, p, o in graph)
        statements = schemaorg_triples.Statements(triples, schemaorg_triples.group(triples))
        monkeypatch.setattr(schemaorg_triples, "statements", partial(_given, statements))
        fast, reference = both(lambda: list(article_graph.checked(dataclasses.replace(article)).findings))
        assert fast == reference, name
        assert bool(reference) == (name != "as written"), name
        with engines_set("fast"):  # the statements themselves were found wrong, not only the rdflib graph
            assert (article_graph._fast_triples(dataclasses.replace(article)) is None) == bool(reference), (
                name
            )


def test_remembered_allowed_uses_never_hide_a_problem(articles: list[Article]) -> None:
    """The vocabulary check remembers the uses it allowed; a new use is still checked, and reported."""
    triples = schemaorg_triples.statements(articles[len(SAMPLES)]).triples
    assert schemaorg_vocab.problems(triples) == []
    assert schemaorg_vocab.problems(triples) == []  # the second time from what it remembered
    root = triples[0][0]
    broken = [
        *triples,
        (root, rdf_terms.iri(f"{SCHEMA}author"), rdf_terms.Term(rdf_terms.LITERAL, "Ana")),
        (root, rdf_terms.iri(f"{SCHEMA}colour"), rdf_terms.Term(rdf_terms.LITERAL, "blue")),
    ]
    assert [f.rule for f in schemaorg_vocab.problems(broken)] == ["schemaorg.range", "schemaorg.unknown-term"]


def _given(statements: schemaorg_triples.Statements, _: Article) -> schemaorg_triples.Statements:
    return statements


def test_json_schema_engines_agree_on_outputs_and_broken_documents(articles: list[Article]) -> None:
    for article in articles:
        profile = json.loads(jsonld.write(article))
        model = json.loads(model_json.write(article))
        documents: list[tuple[str, str, Any]] = [
            (jsonld.PROFILE, "as written", profile),
            (jsonld.PROFILE, "no headline", _without(profile, "headline")),
            (jsonld.PROFILE, "unknown property", {**profile, "colour": "blue"}),
            (jsonld.PROFILE, "type not a string", {**profile, "@type": 3}),
            (jsonld.PROFILE, "date not a date", {**profile, "datePublished": "yesterday"}),
            (model_json.SCHEMA, "as written", model),
            (model_json.SCHEMA, "no headline", _without(model, "headline")),
            (model_json.SCHEMA, "date-time out of range", {**model, "published": "2020-13-45T00:00:00Z"}),
            (model_json.SCHEMA, "date, no time", {**model, "published": "2020-01-01"}),
            (model_json.SCHEMA, "paragraphs not a list", {**model, "paragraphs": "text"}),
        ]
        for schema, name, document in documents:
            fast, reference = both(partial(json_schema.check_own, schema, document))
            assert fast == reference, (schema, name)
            assert reference or name == "as written", (schema, name)


def _without(document: dict[str, Any], key: str) -> dict[str, Any]:
    return {k: v for k, v in document.items() if k != key}


def test_parsers_agree_on_outputs_and_tampered_documents(articles: list[Article]) -> None:
    for article in articles:
        graph = rdf.to_graph(article)
        documents = {
            (fmt, "as written"): registry.get(fmt).write(article) for fmt in [*RDF_FORMATS, "jsonld"]
        }
        turtle = documents["turtle", "as written"]
        ntriples = documents["ntriples", "as written"]
        written_jsonld = json.loads(documents["jsonld", "as written"])
        documents |= {
            ("turtle", "a triple more"): turtle + f'<urn:x:a> <{SCHEMA}name> "A" .\n',
            ("turtle", "a syntax error"): turtle + "<urn:x:a> <urn:x:b> .\n",
            ("ntriples", "a triple less"): "".join(ntriples.splitlines(keepends=True)[1:]),
            ("ntriples", "a literal changed"): ntriples.replace('"', '"x', 1),
            ("rdfxml", "a triple less"): rdf.write_rdfxml(dataclasses.replace(article, headline="Other")),
            ("jsonld", "a property more"): json.dumps({**written_jsonld, "genre": "x"}),
            ("jsonld", "a value changed"): json.dumps({**written_jsonld, "inLanguage": "fr"}),
            ("jsonld", "another context"): json.dumps({**written_jsonld, "@context": {"@vocab": SCHEMA}}),
        }
        for (fmt, name), document in documents.items():
            syntax = RDF_FORMATS.get(fmt, "json-ld")
            fast, reference = both(partial(proof.prove, graph, document, syntax, fmt))
            assert bool(fast) == bool(reference), (fmt, name, fast, reference)
            if name != "another context":  # an inline context may expand to the same graph
                assert bool(reference) == (name != "as written"), (fmt, name)


def test_written_documents_check_the_same_with_either_engines(articles: list[Article]) -> None:
    """Writing with validation reports the same with both engine sets (fresh article objects, no cache)."""
    for article in articles[len(SAMPLES) : len(SAMPLES) + 6]:  # real articles, all valid
        for fmt in ("jsonld", "turtle", "ntriples", "rdfxml", "model"):
            written = registry.get(fmt).write(article)

            fast, reference = both(partial(_output_findings, fmt, written, article))
            assert fast == reference == [], fmt


def _output_findings(fmt: str, written: str, article: Article) -> list[Finding]:
    return registry.get(fmt).validate_output(written, dataclasses.replace(article))


def test_vocabulary_check_is_engine_independent(articles: list[Article]) -> None:
    graph = rdf.to_graph(articles[0])
    assert both(lambda: schemaorg_vocab.check(graph)) == ([], [])


def test_without_compiled_engines_newsconv_falls_back(
    articles: list[Article], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A platform without the wheels: the reference engines run, the outputs and verdicts stay."""
    real_find_spec = importlib.util.find_spec
    compiled = {engines.SHACL, engines.JSON_SCHEMA, engines.RDF}

    def find_spec(name: str, *args: Any) -> Any:
        return None if name in compiled else real_find_spec(name, *args)

    with engines_set("fast"):
        expected = {fmt: newsconv.write(articles[1], fmt) for fmt in ("jsonld", "turtle", "rdfxml", "model")}
    monkeypatch.setattr(importlib.util, "find_spec", find_spec)
    engines.fast.cache_clear()
    try:
        assert set(engines.in_use().values()) == {"pyshacl", "jsonschema", "rdflib"}
        article = dataclasses.replace(articles[1])
        assert {fmt: newsconv.write(article, fmt) for fmt in expected} == expected
        broken = jsonld.write(dataclasses.replace(article, language="english!"))
        assert [f.rule for f in registry.get("jsonld").validate_output(broken, article)] != []
    finally:
        engines.fast.cache_clear()


def test_a_graph_with_a_blank_node_is_proven_up_to_its_naming() -> None:
    graph = Graph().parse(data=f'<urn:x:a> <{SCHEMA}creator> [ <{SCHEMA}name> "B" ] .', format="turtle")
    same = f'<urn:x:a> <{SCHEMA}creator> _:other .\n_:other <{SCHEMA}name> "B" .\n'
    changed = same.replace('"B"', '"C"')
    assert both(partial(proof.prove, graph, same, "nt", "N-Triples")) == ([], [])
    fast, reference = both(partial(proof.prove, graph, changed, "nt", "N-Triples"))
    assert [f.rule for f in fast] == [f.rule for f in reference] == ["proof"]


class _PublicCallOnly:
    """pyshacl-turbo shapes whose engine cannot be called directly, as a changed release might be."""

    _native = None

    def __init__(self, program: Any) -> None:
        self.program = program

    def validate(self, data: Any) -> Any:
        return self.program.validate(data)


def test_shacl_falls_back_to_pyshacl_turbo_s_public_call(
    articles: list[Article], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(shacl, "compiled_shapes", partial(_PublicCallOnly, shacl.compiled_shapes()))
    article = articles[0]
    graphs = {"as written": _lines(article), **_broken_graphs(article)}
    for name, lines in graphs.items():
        fast, reference = both(partial(_shacl, lines))
        assert fast == reference, name
