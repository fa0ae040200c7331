"""The model JSON format: lossless round trips, schema and model rules enforced."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from strategies import articles, news_articles

from newsconv.errors import InputError, ValidationError
from newsconv.formats import model_json
from newsconv.model import Article, Person, Quote, Span

VERSION_1_KEYS = {
    *("headline", "description", "byline", "dateline", "language", "source", "publisher", "published"),
    *("paragraphs", "persons", "organizations", "places", "quotes"),
}
ARTICLE = Article(
    headline="Minister resigns",
    paragraphs=("“I am done,” said Jane Roe.",),
    persons=(Person("person-1", "Jane Roe", ("Ms Roe",), (Span(0, 18, 26),), title="minister"),),
    quotes=(Quote("quote-1", "I am done,", (Span(0, 1, 11),), "person-1"),),
)


def test_writes_the_contract_fields() -> None:
    data = json.loads(model_json.write(ARTICLE))
    assert data["headline"] == "Minister resigns"
    assert data["quotes"] == [
        {
            "id": "quote-1",
            "text": "I am done,",
            "speaker": "person-1",
            "speaker_text": None,
            "spans": [{"paragraph": 0, "start": 1, "end": 11}],
        }
    ]
    assert data["persons"][0]["aliases"] == ["Ms Roe"]


@settings(max_examples=60, deadline=None)
@given(articles())
def test_round_trip_is_lossless_and_valid(article: Article) -> None:
    document = model_json.write(article)
    assert model_json.validate(document) == []
    assert model_json.read(document.encode()) == article


def test_dangling_speaker_is_invalid() -> None:
    data = json.loads(model_json.write(ARTICLE))
    data["quotes"][0]["speaker"] = "person-9"
    assert [f.rule for f in model_json.validate(json.dumps(data))] == ["model.speaker"]


def test_span_that_disagrees_with_quote_text_is_invalid() -> None:
    data = json.loads(model_json.write(ARTICLE))
    data["quotes"][0]["spans"][0]["start"] = 2
    assert [f.rule for f in model_json.validate(json.dumps(data))] == ["model.span-text"]


def test_span_outside_paragraphs_is_invalid() -> None:
    data = json.loads(model_json.write(ARTICLE))
    data["persons"][0]["mentions"] = [{"paragraph": 3, "start": 0, "end": 1}]
    assert [f.rule for f in model_json.validate(json.dumps(data))] == ["model.span"]


def test_duplicate_ids_are_invalid() -> None:
    data = json.loads(model_json.write(ARTICLE))
    data["quotes"][0]["id"] = "person-1"
    assert "model.duplicate-id" in {f.rule for f in model_json.validate(json.dumps(data))}


def test_schema_violation_names_the_place() -> None:
    data = json.loads(model_json.write(ARTICLE))
    del data["headline"]
    data["persons"][0]["name"] = 7
    findings = model_json.validate(json.dumps(data))
    assert {f.rule for f in findings} == {"jsonschema"}
    assert "/persons/0/name" in {f.path for f in findings}


def test_read_rejects_non_json_with_position() -> None:
    with pytest.raises(InputError, match="line 1"):
        model_json.read(b"{not json", "broken.json")


def test_read_rejects_invalid_model() -> None:
    with pytest.raises(ValidationError, match="broken.json"):
        model_json.read(b'{"headline": "x"}', "broken.json")


@settings(max_examples=80, deadline=None)
@given(news_articles())
def test_news_metadata_round_trips_and_validates(article: Article) -> None:
    document = model_json.write(article)
    assert model_json.validate(document) == []
    assert model_json.read(document.encode()) == article


def test_ids_readers_make_are_accepted() -> None:
    ids = ("dpaarea:3", "http://www.wikidata.org/entity/Q42", "Acme Widget")
    persons = tuple(Person(i, "Name") for i in ids)
    assert model_json.validate(model_json.write(Article("x", persons=persons))) == []


def test_a_version_1_document_still_reads() -> None:
    data = json.loads(model_json.write(ARTICLE))
    data = {k: v for k, v in data.items() if k in VERSION_1_KEYS} | {"model_version": 1}
    assert model_json.read(json.dumps(data).encode()) == ARTICLE


@pytest.mark.parametrize(
    ("body_xhtml", "problem"),
    [
        ("<p>x</p><script>alert(1)</script>", "element 'script'"),
        ('<p onclick="evil()">x</p>', "attribute 'onclick'"),
        ('<p style="color:red">x</p>', "attribute 'style'"),
        ('<p><a href="java\tscript:evil()">x</a></p>', "unsafe link"),
        ("<p>y</p>", "not the paragraphs"),
        ("<p>x", "body_xhtml"),
        ("x<p></p>", "text outside any block"),
    ],
)
def test_unsafe_or_disagreeing_bodies_are_invalid(body_xhtml: str, problem: str) -> None:
    article = Article("h", paragraphs=("x",), body_xhtml=body_xhtml)
    findings = model_json.validate(model_json.write(article))
    assert [f.rule for f in findings][:1] == ["model.body"]
    assert problem in findings[0].message


def test_published_before_the_embargo_is_invalid() -> None:
    article = Article(
        "h",
        published=datetime(2025, 1, 23, 14, 10, tzinfo=UTC),
        embargoed=datetime(2025, 1, 23, 18, 0, tzinfo=UTC),
    )
    assert [f.rule for f in model_json.validate(model_json.write(article))] == ["model.embargo"]


def test_unknown_item_type_and_urgency_out_of_range_are_invalid() -> None:
    data = json.loads(model_json.write(ARTICLE))
    data["item_type"], data["urgency"] = "podcast", 0
    assert {f.path for f in model_json.validate(json.dumps(data))} == {"/item_type", "/urgency"}
