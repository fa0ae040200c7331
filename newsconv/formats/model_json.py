"""The canonical model as JSON: newsconv's own lossless format, described by model.schema.json."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from newsconv.errors import InputError, ValidationError
from newsconv.model import (
    Article,
    Author,
    Concept,
    Entity,
    Link,
    MediaItem,
    Organization,
    Person,
    Place,
    Quote,
    Rendition,
    Rights,
    Span,
)
from newsconv.secure import load_json
from newsconv.validate import json_schema, model_rules
from newsconv.validate.findings import Finding

SCHEMA = "model.schema.json"
VERSION = 2


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
        "published": _time(article.published),
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
        "guid": article.guid,
        "version": article.version,
        "corrects": article.corrects,
        "signals": list(article.signals),
        "url": article.url,
        "item_type": article.item_type,
        "pub_status": article.pub_status,
        "embargoed": _time(article.embargoed),
        "urgency": article.urgency,
        "first_created": _time(article.first_created),
        "version_created": _time(article.version_created),
        "content_created": _time(article.content_created),
        "content_modified": _time(article.content_modified),
        "rights": _rights(article.rights) if article.rights else None,
        "subjects": [_concept(c) for c in article.subjects],
        "genres": [_concept(c) for c in article.genres],
        "keywords": list(article.keywords),
        "slugline": article.slugline,
        "alternative_headlines": list(article.alternative_headlines),
        "credit": article.credit,
        "info_sources": [_concept(c) for c in article.info_sources],
        "editorial_notes": list(article.editorial_notes),
        "located": _concept(article.located) if article.located else None,
        "renditions": [_rendition(r) for r in article.renditions],
        "media": [_media(m) for m in article.media],
        "links": [_link(link) for link in article.links],
        "body_xhtml": article.body_xhtml,
        "authors": [{"name": a.name, "url": a.url, "job_title": a.job_title} for a in article.authors],
        "publisher_url": article.publisher_url,
        "publisher_logo": article.publisher_logo,
        "section": article.section,
    }


def from_dict(data: dict[str, Any]) -> Article:
    """The article a schema-valid dictionary describes (model_version 1 or 2)."""
    rights, located = data.get("rights"), data.get("located")
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
        published=_parse_time(data.get("published")),
        guid=data.get("guid"),
        version=data.get("version"),
        corrects=data.get("corrects"),
        signals=tuple(data.get("signals", ())),
        url=data.get("url"),
        item_type=data.get("item_type", "text"),
        pub_status=data.get("pub_status", "usable"),
        embargoed=_parse_time(data.get("embargoed")),
        urgency=data.get("urgency"),
        first_created=_parse_time(data.get("first_created")),
        version_created=_parse_time(data.get("version_created")),
        content_created=_parse_time(data.get("content_created")),
        content_modified=_parse_time(data.get("content_modified")),
        rights=_parse_rights(rights) if rights else None,
        subjects=tuple(Concept(**c) for c in data.get("subjects", ())),
        genres=tuple(Concept(**c) for c in data.get("genres", ())),
        keywords=tuple(data.get("keywords", ())),
        slugline=data.get("slugline"),
        alternative_headlines=tuple(data.get("alternative_headlines", ())),
        credit=data.get("credit"),
        info_sources=tuple(Concept(**c) for c in data.get("info_sources", ())),
        editorial_notes=tuple(data.get("editorial_notes", ())),
        located=Concept(**located) if located else None,
        renditions=tuple(Rendition(**r) for r in data.get("renditions", ())),
        media=tuple(_parse_media(m) for m in data.get("media", ())),
        links=tuple(Link(**link) for link in data.get("links", ())),
        body_xhtml=data.get("body_xhtml"),
        authors=tuple(Author(**a) for a in data.get("authors", ())),
        publisher_url=data.get("publisher_url"),
        publisher_logo=data.get("publisher_logo"),
        section=data.get("section"),
    )


def write(article: Article) -> str:
    """The article as pretty-printed JSON."""
    return json.dumps(to_dict(article), ensure_ascii=False, indent=2) + "\n"


def read(data: bytes, source: str | None = None) -> Article:
    """An article from model JSON; invalid JSON or a model that breaks the schema is an error.

    The JSON goes through ``secure.load_json``: the 64 MiB and 200-level limits hold here too.
    """
    value = load_json(data, source)
    findings = _check(value)
    if findings:
        raise ValidationError("model", findings, source, role="input")
    return from_dict(value)


def validate(document: str | bytes) -> list[Finding]:
    """Problems with a model document: JSON syntax (and size and depth limits), the JSON Schema,
    then the model's own rules."""
    data = document.encode("utf-8", "surrogatepass") if isinstance(document, str) else document
    try:
        value = load_json(data, None)
    except InputError as error:
        return [Finding("json.syntax", error.problem)]
    return _check(value)


def _check(value: Any) -> list[Finding]:
    findings = json_schema.check_own(SCHEMA, value)
    return findings or model_rules.check(from_dict(value))


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


def _time(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment is not None else None


def _parse_time(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _concept(concept: Concept) -> dict[str, str | None]:
    return {
        "name": concept.name,
        "scheme": concept.scheme,
        "code": concept.code,
        "uri": concept.uri,
        "role": concept.role,
    }


def _rights(rights: Rights) -> dict[str, Any]:
    return {
        "holder": _concept(rights.holder) if rights.holder else None,
        "notice": rights.notice,
        "usage_terms": rights.usage_terms,
        "licence": rights.licence,
        "data_mining": rights.data_mining,
    }


def _parse_rights(data: dict[str, Any]) -> Rights:
    holder = data.get("holder")
    return Rights(**{**data, "holder": Concept(**holder) if holder else None})


def _rendition(rendition: Rendition) -> dict[str, Any]:
    return {
        "href": rendition.href,
        "mime_type": rendition.mime_type,
        "width": rendition.width,
        "height": rendition.height,
        "size": rendition.size,
        "name": rendition.name,
    }


def _media(media: MediaItem) -> dict[str, Any]:
    return {
        "uri": media.uri,
        "item_type": media.item_type,
        "caption": media.caption,
        "credit": media.credit,
        "renditions": [_rendition(r) for r in media.renditions],
    }


def _parse_media(data: dict[str, Any]) -> MediaItem:
    return MediaItem(**{**data, "renditions": tuple(Rendition(**r) for r in data.get("renditions", ()))})


def _link(link: Link) -> dict[str, str | None]:
    return {"href": link.href, "rel": link.rel, "title": link.title, "mime_type": link.mime_type}
