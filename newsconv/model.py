"""The canonical article model: every reader produces it, every writer consumes it.

All classes are frozen (hashable, safe to share between threads and caches) and hold only
plain values, so a model compares equal after any loss-free round trip.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True, slots=True)
class Span:
    """Characters ``start:end`` of body paragraph ``paragraph`` (0-based, end exclusive)."""

    paragraph: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Entity:
    """Something named in the article; ``aliases`` are the other forms the text uses."""

    id: str
    name: str
    aliases: tuple[str, ...] = ()
    mentions: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True)
class Person(Entity):
    """A named human, with the role the text gives them ("spokesman") and for whom."""

    title: str | None = None
    affiliation: str | None = None


@dataclass(frozen=True, slots=True)
class Organization(Entity):
    """A named organisation: company, government body, party, court, team, newspaper…"""


@dataclass(frozen=True, slots=True)
class Place(Entity):
    """A named country, city, region or landmark."""


@dataclass(frozen=True, slots=True)
class Quote:
    """Words in quotation marks and who said them.

    ``text`` is the quoted words without the marks; a quote that runs over several
    paragraphs has one span per paragraph and its parts joined by a space. ``speaker`` is the
    ``id`` of a Person or Organization; ``speaker_text`` is how the text names a speaker that
    is no named entity ("a White House spokesman").
    """

    id: str
    text: str
    spans: tuple[Span, ...] = ()
    speaker: str | None = None
    speaker_text: str | None = None


@dataclass(frozen=True, slots=True)
class Article:
    """One news article: its layout, what it quotes and whom and what it names."""

    headline: str
    paragraphs: tuple[str, ...] = ()
    description: str | None = None
    byline: str | None = None
    dateline: str | None = None
    language: str = "en"
    quotes: tuple[Quote, ...] = ()
    persons: tuple[Person, ...] = ()
    organizations: tuple[Organization, ...] = ()
    places: tuple[Place, ...] = ()
    source: str | None = None
    publisher: str | None = None
    published: datetime | None = field(default=None)

    @property
    def entities(self) -> tuple[Entity, ...]:
        """Persons, organisations and places, in that order."""
        return (*self.persons, *self.organizations, *self.places)

    def entity(self, entity_id: str) -> Entity | None:
        """The person, organisation or place with this id, if any."""
        return next((e for e in self.entities if e.id == entity_id), None)

    def span_text(self, span: Span) -> str:
        """The characters a span points at."""
        return self.paragraphs[span.paragraph][span.start : span.end]
