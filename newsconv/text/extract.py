"""Quotes, persons, organisations and places from body paragraphs (the heuristic part).

The engine is rule- and lexicon-based: ``names`` finds capitalised phrases, ``entities`` sorts
them into persons, organisations and places and folds short forms into one entity, ``roles``
reads titles and affiliations, ``quotes`` pairs quotation marks and ``speakers`` attributes them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import starmap

from newsconv.model import Organization, Person, Place, Quote, Span
from newsconv.text import quotes as quoting
from newsconv.text.entities import Entities, Found, Kind
from newsconv.text.roles import Roles
from newsconv.text.speakers import Attributor


@dataclass(frozen=True, slots=True)
class Extraction:
    """What the extractor found; ids are unique across all four lists."""

    quotes: tuple[Quote, ...] = ()
    persons: tuple[Person, ...] = ()
    organizations: tuple[Organization, ...] = ()
    places: tuple[Place, ...] = ()


def _names(entity: Found) -> tuple[str, tuple[str, ...], tuple[Span, ...]]:
    """An entity's name, its other forms, and where it is named."""
    aliases = tuple(f for f in entity.forms if f != entity.name)
    return entity.name, aliases, tuple(starmap(Span, entity.mentions))


def extract(paragraphs: Sequence[str], headline: str | None = None) -> Extraction:
    """Find quotes with their speakers and the named entities of an article body, and the
    entities its ``headline`` names (without mentions: spans are in the body)."""
    paragraphs = list(paragraphs)
    entities = Entities(paragraphs, headline=headline)
    roles = Roles(paragraphs, entities)
    ids: dict[int, str] = {}
    persons: list[Person] = []
    orgs: list[Organization] = []
    places: list[Place] = []
    for entity in entities.found:
        if not entity.mentions and not entity.headlined:
            continue
        name, aliases, mentions = _names(entity)
        if entity.kind is Kind.PERSON:
            ids[id(entity)] = f"person-{len(persons) + 1}"
            title, affiliation = roles.of(entity)
            if title:
                entity.titles.append(title)
            persons.append(
                Person(ids[id(entity)], name, aliases, mentions, title=title, affiliation=affiliation)
            )
        elif entity.kind is Kind.ORG:
            ids[id(entity)] = f"org-{len(orgs) + 1}"
            orgs.append(Organization(ids[id(entity)], name, aliases, mentions))
        else:
            places.append(Place(f"place-{len(places) + 1}", name, aliases, mentions))
    quoted, spans = quoting.quoted_and_quotes(paragraphs)
    speakers = Attributor(paragraphs, entities, quoted).speakers(spans)
    quotes = tuple(
        Quote(
            id=f"quote-{k + 1}",
            text=quoting.text_of(paragraphs, s),
            spans=s,
            speaker=ids.get(id(speaker)) if isinstance(speaker, Found) else None,
            speaker_text=speaker if isinstance(speaker, str) else None,
        )
        for k, (s, speaker) in enumerate(zip(spans, speakers))
    )
    return Extraction(quotes, tuple(persons), tuple(orgs), tuple(places))
