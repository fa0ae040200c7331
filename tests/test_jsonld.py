"""The schema.org JSON-LD writer and its validators (profile, vocabulary, SHACL), offline."""

from __future__ import annotations

import json
import socket
import urllib.request
from datetime import UTC, datetime
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from strategies import articles

from newsconv import identity
from newsconv.formats import jsonld, schemaorg
from newsconv.model import Article, Organization, Person, Place, Quote, Span
from newsconv.validate import schemaorg_vocab, shacl
from newsconv.validate.findings import Finding, errors

FULL = Article(
    headline="Minister quits </script><script>alert(1)</script> & more",
    paragraphs=(
        '"We have lost the argument," said Ann Smith, the finance minister of Ruritania.',
        "Acme Corp welcomed the news in London. <b>Not bold</b> & not escaped.",
        '"It is a sad day," a government spokesman said.',
    ),
    byline="By Jane Doe and John Roe, Reuters",
    dateline="LONDON",
    language="en-GB",
    quotes=(
        Quote("quote-1", "We have lost the argument,", (Span(0, 1, 27),), speaker="person-1"),
        Quote("quote-2", "It is a sad day,", (Span(2, 1, 17),), speaker_text="a government spokesman"),
        Quote("quote-3", "welcomed", (), speaker="org-1"),
    ),
    persons=(
        Person("person-1", "Ann Smith", ("Smith",), (Span(0, 36, 45),), "finance minister", "Acme Corp"),
        Person("person-2", "Bob Jones", (), (), None, "Government of Ruritania"),
    ),
    organizations=(Organization("org-1", "Acme Corp", ("Acme",), (Span(1, 0, 9),)),),
    places=(Place("place-1", "London", ("LDN",), (Span(1, 32, 38),)), Place("place-2", "Ruritania")),
    publisher="Reuters",
    published=datetime(2024, 5, 6, 7, 8, 9, tzinfo=UTC),
)
MINIMAL = Article(headline="Short item")
UNATTRIBUTED = Article(
    headline="Quote with no speaker",
    paragraphs=('"Nobody said this," the paper reported.',),
    language="de",
    quotes=(Quote("quote-1", "Nobody said this,", (Span(0, 1, 18),)),),
    published=datetime(2023, 1, 2, 3, 4),
)
SAMPLES = {"full": FULL, "minimal": MINIMAL, "unattributed": UNATTRIBUTED}


def _document(article: Article) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(jsonld.write(article))
    return data


def _broken(**changes: Any) -> str:
    """The full article's JSON-LD with top-level properties replaced (None removes one)."""
    data = _document(FULL)
    for key, value in changes.items():
        if value is None:
            del data[key]
        else:
            data[key] = value
    return json.dumps(data)


def _vocabulary_findings(document: str) -> list[Finding]:
    graph, findings = jsonld.to_graph(document)
    assert graph is not None, findings
    return schemaorg_vocab.check(graph)


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_written_jsonld_passes_every_validator(name: str) -> None:
    assert jsonld.validate(jsonld.write(SAMPLES[name])) == []


def test_article_properties_follow_the_model() -> None:
    data = _document(FULL)
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "NewsArticle"
    assert data["@id"] == identity.article_iri(FULL)
    assert data["headline"] == FULL.headline
    assert data["articleBody"] == "\n\n".join(FULL.paragraphs)
    assert data["inLanguage"] == "en-GB"
    assert data["dateline"] == "LONDON"
    assert data["datePublished"] == "2024-05-06T07:08:09+00:00"
    assert [(a["@type"], a["name"]) for a in data["author"]] == [
        ("Person", "Jane Doe"),
        ("Person", "John Roe"),
        ("Organization", "Reuters"),
    ]
    assert data["publisher"] == {"@id": data["author"][2]["@id"]}


def test_mentions_quotes_and_affiliations_link_to_entity_nodes() -> None:
    data = _document(FULL)
    mentions = {m["@id"]: m for m in data["mentions"]}
    ann = mentions[identity.node_iri(FULL, "person-1")]
    assert ann["jobTitle"] == "finance minister" and ann["alternateName"] == ["Smith"]
    assert ann["worksFor"] == {"@id": identity.node_iri(FULL, "org-1")}, "affiliation reuses the organisation"
    bob = mentions[identity.node_iri(FULL, "person-2")]
    assert bob["worksFor"]["@type"] == "Organization" and bob["worksFor"]["name"] == "Government of Ruritania"
    assert [m["@type"] for m in data["mentions"]] == ["Person", "Person", "Organization", "Place", "Place"]
    quotes = data["hasPart"]
    assert [q["@type"] for q in quotes] == ["Quotation"] * 3
    assert quotes[0]["creator"] == {"@id": identity.node_iri(FULL, "person-1")}
    assert (
        quotes[1]["creator"]["@type"] == "Person" and quotes[1]["creator"]["name"] == "a government spokesman"
    )
    assert quotes[2]["creator"] == {"@id": identity.node_iri(FULL, "org-1")}


def test_unattributed_quote_has_no_creator() -> None:
    assert "creator" not in _document(UNATTRIBUTED)["hasPart"][0]


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        ("By Jane Doe", ["Jane Doe"]),
        ("by A. Writer and B. Writer", ["A. Writer", "B. Writer"]),
        ("By A, B, and C", ["A", "B", "C"]),
        ("Staff & Agencies", ["Staff", "Agencies"]),
        ("Von Andrej Sokolow", ["Andrej Sokolow"]),
        ("Par Marie Dupont", ["Marie Dupont"]),
        ("Bypass Road Staff", ["Bypass Road Staff"]),
        ("", []),
        (None, []),
    ],
)
def test_byline_names(byline: str | None, names: list[str]) -> None:
    assert schemaorg.byline_names(byline) == names


def test_script_end_tag_and_html_specials_never_appear_raw() -> None:
    text = jsonld.write(FULL)
    assert "</script>" not in text.lower()
    assert not {"<", ">", "&"} & set(text)
    assert "\\u003c/script\\u003e" in text and "\\u0026" in text
    assert json.loads(text)["headline"] == FULL.headline


def test_output_is_deterministic_and_pretty_printed() -> None:
    first = jsonld.write(FULL)
    assert first == jsonld.write(FULL)
    assert first.startswith('{\n  "@context": "https://schema.org",\n')
    assert first.endswith("}\n")


def test_vocabulary_check_catches_an_unknown_property() -> None:
    findings = _vocabulary_findings(_broken(wordCount2="12"))
    assert [f.rule for f in findings] == ["schemaorg.unknown-term"]
    assert "wordCount2" in findings[0].message


def test_vocabulary_check_catches_an_unknown_type() -> None:
    findings = _vocabulary_findings(_broken(publisher={"@type": "NewsAgency", "name": "X"}))
    assert "schemaorg.unknown-term" in {f.rule for f in findings}


def test_vocabulary_check_catches_a_property_on_a_wrong_type() -> None:
    place = {"@type": "Place", "name": "Paris", "jobTitle": "capital"}
    findings = _vocabulary_findings(_broken(mentions=[place], hasPart=None))
    assert [f.rule for f in findings] == ["schemaorg.domain"]
    assert "jobTitle" in findings[0].message and "Place" in findings[0].message


def test_vocabulary_check_catches_a_wrong_range() -> None:
    findings = _vocabulary_findings(_broken(author=[{"@type": "Place", "name": "Paris"}], publisher=None))
    assert [f.rule for f in findings] == ["schemaorg.range"]
    assert "author" in findings[0].message


def test_vocabulary_check_catches_text_where_a_thing_is_expected() -> None:
    findings = _vocabulary_findings(_broken(mentions=["just a string"], hasPart=None))
    assert [(f.rule, f.severity) for f in findings] == [("schemaorg.range", "error")]


def test_vocabulary_check_warns_about_untyped_references() -> None:
    findings = _vocabulary_findings(_broken(mentions=None))
    assert findings and {(f.rule, f.severity) for f in findings} == {("schemaorg.range", "warning")}


def test_vocabulary_check_accepts_subclasses_and_dates() -> None:
    author = {"@type": "NewsMediaOrganization", "name": "Reuters"}
    assert _vocabulary_findings(_broken(author=[author], publisher=None, dateModified="2024-01-01")) == []


def test_validate_reports_vocabulary_profile_and_shacl_findings_together() -> None:
    rules = {f.rule for f in jsonld.validate_output(_broken(author=[{"@type": "Place", "name": "Paris"}]))}
    assert {"jsonschema", "schemaorg.range", "shacl"} <= rules


def test_shacl_catches_a_news_article_without_headline() -> None:
    graph, findings = jsonld.to_graph(_broken(headline=None))
    assert graph is not None, findings
    found = shacl.check(graph)
    assert [f.rule for f in found] == ["shacl"]
    assert "headline" in found[0].message and found[0].path == identity.article_iri(FULL)
    assert "shacl" in {f.rule for f in jsonld.validate(_broken(headline=None))}


def test_shacl_catches_a_mention_without_name() -> None:
    findings = jsonld.validate(_broken(mentions=[{"@id": "urn:x:1", "@type": "Person"}]))
    assert any(f.rule == "shacl" and f.path == "urn:x:1" for f in findings)


def test_profile_rejects_other_shapes() -> None:
    findings = jsonld.validate_output(_broken(inLanguage=None, headline=["two", "headlines"]))
    assert {f.rule for f in findings} >= {"jsonschema", "shacl"}


@pytest.mark.parametrize(
    "document",
    [
        '{"@context": "https://example.org/ctx", "@type": "NewsArticle"}',
        '{"@context": "https://schema.org", "@type": "NewsArticle", "x": {"@context": "https://example.org/"}}',
        '[{"@context": ["https://schema.org", "https://example.org/more"], "@type": "NewsArticle"}]',
    ],
)
def test_remote_contexts_are_refused_not_fetched(document: str) -> None:
    assert [f.rule for f in jsonld.validate(document)] == ["jsonld.context"]


@pytest.mark.parametrize(
    "document",
    [
        '{"@context": {"@vocab": "http://schema.org/"}, "@type": "NewsArticle", "headline": "H", "inLanguage": "en"}',
        '{"@context": ["https://schema.org"], "@type": "NewsArticle", "headline": "H", "inLanguage": "en"}',
        '[{"@context": "http://schema.org/", "@type": "NewsArticle", "headline": "H", "inLanguage": "en"}]',
    ],
)
def test_any_json_ld_shape_is_validated_by_meaning_not_by_our_profile(document: str) -> None:
    assert errors(jsonld.validate(document)) == []
    assert "jsonschema" in {f.rule for f in jsonld.validate_output(document)}


def test_a_document_that_states_nothing_is_invalid() -> None:
    assert [f.rule for f in jsonld.validate("[]")] == ["jsonld.empty"]


def test_json_syntax_error_is_a_finding() -> None:
    assert [f.rule for f in jsonld.validate('{"@context": ')] == ["json.syntax"]


def test_parsing_never_touches_the_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("network access")

    monkeypatch.setattr(urllib.request, "urlopen", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    jsonld._schemaorg_context.cache_clear()
    graph, findings = jsonld.to_graph(jsonld.write(FULL))
    assert findings == [] and graph is not None and len(graph) > 40
    assert jsonld.validate(jsonld.write(FULL)) == []


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles())
def test_any_article_gives_valid_jsonld(article: Article) -> None:
    text = jsonld.write(article)
    assert "<" not in text
    assert jsonld.validate(text) == []
