"""CMS metadata: what a CMS knows about a story (URL, dates, authors, publisher, images, section,
rights…), given beside its plain text and applied over what extraction found.

The shape is documented by ``newsconv/schemas/cms-metadata.schema.json``; every field is optional
and a field given wins over the article's own. It comes from ``--meta FILE``, from a sidecar
``NAME.meta.json`` beside an input ``NAME.txt`` in a batch, or from
``newsconv.read(text, metadata={...})``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

from newsconv.errors import InputError
from newsconv.formats.schemaorg import join_byline
from newsconv.model import Article, Author, Concept, MediaItem, Rendition, Rights
from newsconv.secure import load_json
from newsconv.validate import json_schema

SCHEMA = "cms-metadata.schema.json"
Metadata = Mapping[str, Any]


def load(path: str | Path) -> dict[str, Any]:
    """The metadata in a JSON file, checked against its schema; an InputError names the file and the problem."""
    source = str(path)
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise InputError(source, f"cannot read the metadata: {error.strerror or error}") from None
    value = load_json(data, source)
    check(value, source)
    return dict(value)


def check(value: Any, source: str | None) -> None:
    """Raise an InputError naming ``source`` and every problem when ``value`` breaks the metadata schema."""
    findings = json_schema.check(json_schema.own_validator(SCHEMA), value)
    if findings:
        problems = "; ".join(f"{f.path}: {f.message}" if f.path != "/" else f.message for f in findings[:5])
        raise InputError(source, f"invalid CMS metadata ({SCHEMA}): {problems}")


def apply(article: Article, metadata: Metadata, source: str | None = None) -> Article:
    """``article`` with every field the metadata gives replaced by the metadata's value."""
    check(metadata, source)
    changes: dict[str, Any] = {}
    for key, field in _SAME.items():
        if key in metadata:
            changes[field] = metadata[key]
    for key, field in _TIMES.items():
        if key in metadata:
            changes[field] = datetime.fromisoformat(metadata[key])
    if "status" in metadata:
        changes["pub_status"] = metadata["status"]
    if "keywords" in metadata:
        changes["keywords"] = tuple(metadata["keywords"])
    if "authors" in metadata:
        changes["authors"] = tuple(
            Author(a["name"], a.get("url"), a.get("job_title")) for a in metadata["authors"]
        )
        if "byline" not in metadata:
            changes["byline"] = join_byline([a.name for a in changes["authors"]])
    if "publisher" in metadata:
        publisher = metadata["publisher"]
        changes.update(
            publisher=publisher["name"],
            publisher_url=publisher.get("url"),
            publisher_logo=publisher.get("logo"),
        )
    if "images" in metadata:
        changes["media"] = tuple(_image(image) for image in metadata["images"])
    if "rights" in metadata:
        changes["rights"] = _rights(metadata["rights"])
    return replace(article, **changes)


_SAME = {
    "url": "url",
    "guid": "guid",
    "version": "version",
    "headline": "headline",
    "description": "description",
    "byline": "byline",
    "dateline": "dateline",
    "language": "language",
    "section": "section",
    "slugline": "slugline",
    "credit": "credit",
}
"""Metadata keys that set the model field of that name as they are."""
_TIMES = {
    "published": "published",
    "modified": "version_created",
    "created": "first_created",
    "embargoed": "embargoed",
}


def _image(image: Mapping[str, Any]) -> MediaItem:
    rendition = Rendition(image["url"], image.get("mime_type"), image.get("width"), image.get("height"))
    return MediaItem(None, "picture", image.get("caption"), image.get("credit"), (rendition,))


def _rights(rights: str | Mapping[str, Any]) -> Rights:
    if isinstance(rights, str):
        return Rights(notice=rights)
    holder = rights.get("holder")
    return Rights(
        holder=Concept(name=holder) if holder is not None else None,
        notice=rights.get("notice"),
        usage_terms=rights.get("usage_terms"),
        licence=rights.get("licence"),
    )
