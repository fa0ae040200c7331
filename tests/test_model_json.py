"""The model JSON format: lossless round trips, schema and model rules enforced."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from strategies import articles

from newsconv.errors import InputError, ValidationError
from newsconv.formats import model_json
from newsconv.model import Article, Person, Quote, Span

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
