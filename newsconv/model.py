"""The canonical article model: every reader produces it, every writer consumes it.

All classes are frozen (hashable, safe to share between threads and caches) and hold only
plain values, so a model compares equal after any loss-free round trip.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Literal

ItemType = Literal["text", "picture", "video", "audio", "graphic", "composite"]
"""What an item is (the NewsML-G2 item classes ``ninat:*``, ninjs ``type``)."""

PubStatus = Literal["usable", "withheld", "canceled"]
"""Whether an item may be published: usable, withheld for now, or canceled (killed)."""


def aware(moment: datetime) -> datetime:
    """``moment`` comparable with any other: a naive time (no UTC offset) is taken as UTC."""
    return moment if moment.utcoffset() is not None else moment.replace(tzinfo=UTC)


ITEM_TYPES: tuple[ItemType, ...] = ("text", "picture", "video", "audio", "graphic", "composite")
PUB_STATUSES: tuple[PubStatus, ...] = ("usable", "withheld", "canceled")


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
class Concept:
    """A term or party named by a vocabulary: a subject, genre, place, info source or rights holder.

    ``scheme`` is the vocabulary as the source names it (a NewsML-G2 scheme alias such as
    ``medtop``), ``code`` the term's code in it (``20000763``; together the QCode
    ``medtop:20000763``), ``uri`` the term's full URI when known. ``role`` says how it relates to
    the item where the source says so (an info source's ``infosrcrole:originatingParty``).
    """

    name: str | None = None
    scheme: str | None = None
    code: str | None = None
    uri: str | None = None
    role: str | None = None

    @property
    def qcode(self) -> str | None:
        """``scheme:code``, when both are known."""
        return f"{self.scheme}:{self.code}" if self.scheme and self.code else None


@dataclass(frozen=True, slots=True)
class Rights:
    """Who owns an item and how it may be used.

    ``licence`` is the URL of a licence; ``data_mining`` is the data-mining (text and data
    mining, AI training) preference as a URI or code of the PLUS/IPTC data-mining vocabulary.
    """

    holder: Concept | None = None
    notice: str | None = None
    usage_terms: str | None = None
    licence: str | None = None
    data_mining: str | None = None


@dataclass(frozen=True, slots=True)
class Rendition:
    """One file of a media item: where it is and what it is (``name`` e.g. ``rnd:thumbnail``)."""

    href: str
    mime_type: str | None = None
    width: int | None = None
    height: int | None = None
    size: int | None = None
    name: str | None = None


@dataclass(frozen=True, slots=True)
class MediaItem:
    """A picture, video, audio or graphic that goes with an article, and its renditions."""

    uri: str | None = None
    item_type: ItemType = "picture"
    caption: str | None = None
    credit: str | None = None
    renditions: tuple[Rendition, ...] = ()


@dataclass(frozen=True, slots=True)
class Link:
    """A link from the item to another resource (``rel`` as the source names it, e.g. ``irel:seeAlso``)."""

    href: str
    rel: str | None = None
    title: str | None = None
    mime_type: str | None = None


@dataclass(frozen=True, slots=True)
class Author:
    """Someone credited with the article as a CMS knows them: name, profile page, job title."""

    name: str
    url: str | None = None
    job_title: str | None = None


@dataclass(frozen=True, slots=True)
class Article:
    """One news article: its layout, what it quotes and whom and what it names, and its news metadata.

    Identity: ``guid`` (a URI, the NewsML-G2 guid / ninjs uri) and ``version``; ``corrects`` is
    the guid of the item this one corrects or replaces; ``signals`` are the source's processing
    signals as QCodes (``sig:correction``, ``sig:update``). ``url`` is the web page of the
    article. Dates: ``published`` (first made public), ``first_created``, ``version_created``
    (this version), ``content_created``, ``content_modified``; ``embargoed`` is the time before
    which it must not be published. ``paragraphs`` are the body's plain text, one string per
    block; ``body_xhtml`` (see :mod:`newsconv.body`) keeps the body's structure when it has more
    than plain paragraphs, and its blocks' texts are exactly ``paragraphs``. ``editorial_notes``
    are for editors and never published into public formats. ``renditions`` are the files of a
    media item itself; ``media`` the pictures and videos associated with an article.
    """

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
    guid: str | None = None
    version: int | None = None
    corrects: str | None = None
    signals: tuple[str, ...] = ()
    url: str | None = None
    item_type: ItemType = "text"
    pub_status: PubStatus = "usable"
    embargoed: datetime | None = None
    urgency: int | None = None
    first_created: datetime | None = None
    version_created: datetime | None = None
    content_created: datetime | None = None
    content_modified: datetime | None = None
    rights: Rights | None = None
    subjects: tuple[Concept, ...] = ()
    genres: tuple[Concept, ...] = ()
    keywords: tuple[str, ...] = ()
    slugline: str | None = None
    alternative_headlines: tuple[str, ...] = ()
    credit: str | None = None
    info_sources: tuple[Concept, ...] = ()
    editorial_notes: tuple[str, ...] = ()
    located: Concept | None = None
    renditions: tuple[Rendition, ...] = ()
    media: tuple[MediaItem, ...] = ()
    links: tuple[Link, ...] = ()
    body_xhtml: str | None = None
    authors: tuple[Author, ...] = ()
    publisher_url: str | None = None
    publisher_logo: str | None = None
    section: str | None = None

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
