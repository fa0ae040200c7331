"""The canonical model as JSON: newsconv's own lossless format, described by model.schema.json."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from newsconv.errors import InputError, ValidationError
from newsconv.model import Article, Entity, Organization, Person, Place, Quote, Span
from newsconv.validate import json_schema, model_rules
from newsconv.validate.findings import Finding

SCHEMA = "model.schema.json"
VERSION = 1


def to_dict(article: Article) -> dict[str, Any]:
    """The JSON-ready dictionary of an article, keys in a stable order."""
    return {
        "model_version": VERSION,
        "headline": article.headline,
        "description": article.description,
        "byline": article.byline,
        "dateline": article.dateline,
        "language": article.language,
        "source": article.source,
        "publisher": article.publisher,
        "published": article.published.isoformat() if article.published else None,
        "paragraphs": list(article.paragraphs),
        "persons": [{**_entity(p), "title": p.title, "affiliation": p.affiliation} for p in article.persons],
        "organizations": [_entity(o) for o in article.organizations],
        "places": [_entity(p) for p in article.places],
        "quotes": [
            {
                "id": q.id,
                "text": q.text,
                "speaker": q.speaker,
                "speaker_text": q.speaker_text,
                "spans": [_span(s) for s in q.spans],
            }
            for q in article.quotes
        ],
    }


def from_dict(data: dict[str, Any]) -> Article:
    """The article a schema-valid dictionary describes."""
    published = data.get("published")
    return Article(
        headline=data["headline"],
        paragraphs=tuple(data["paragraphs"]),
        description=data.get("description"),
        byline=data["byline"],
        dateline=data["dateline"],
        language=data["language"],
        quotes=tuple(
            Quote(
                id=q["id"],
                text=q["text"],
                spans=_spans(q.get("spans", [])),
                speaker=q["speaker"],
                speaker_text=q.get("speaker_text"),
            )
            for q in data["quotes"]
        ),
        persons=tuple(
            Person(**_entity_fields(p), title=p.get("title"), affiliation=p.get("affiliation"))
            for p in data["persons"]
        ),
        organizations=tuple(Organization(**_entity_fields(o)) for o in data["organizations"]),
        places=tuple(Place(**_entity_fields(p)) for p in data["places"]),
        source=data.get("source"),
        publisher=data.get("publisher"),
        published=datetime.fromisoformat(published) if published else None,
    )


def write(article: Article) -> str:
    """The article as pretty-printed JSON."""
    return json.dumps(to_dict(article), ensure_ascii=False, indent=2) + "\n"


def read(data: bytes, source: str | None = None) -> Article:
    """An article from model JSON; invalid JSON or a model that breaks the schema is an error."""
    findings = validate(data)
    if findings:
        if findings[0].rule == "json.syntax":
            raise InputError(source, f"not JSON: {findings[0]}")
        raise ValidationError("model", findings, source)
    return from_dict(json.loads(data))


def validate(document: str | bytes) -> list[Finding]:
    """Problems with a model document: JSON syntax, the JSON Schema, then the model's own rules."""
    data, findings = json_schema.parse(document)
    if findings:
        return findings
    findings = json_schema.check(json_schema.own_validator(SCHEMA), data)
    if findings:
        return findings
    return model_rules.check(from_dict(data))


def _span(span: Span) -> dict[str, int]:
    return {"paragraph": span.paragraph, "start": span.start, "end": span.end}


def _spans(items: list[dict[str, int]]) -> tuple[Span, ...]:
    return tuple(Span(s["paragraph"], s["start"], s["end"]) for s in items)


def _entity(entity: Entity) -> dict[str, Any]:
    return {
        "id": entity.id,
        "name": entity.name,
        "aliases": list(entity.aliases),
        "mentions": [_span(s) for s in entity.mentions],
    }


def _entity_fields(data: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": data["id"],
        "name": data["name"],
        "aliases": tuple(data["aliases"]),
        "mentions": _spans(data.get("mentions", [])),
    }
