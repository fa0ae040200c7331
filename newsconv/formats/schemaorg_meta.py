"""The news metadata of an article as schema.org properties and nodes (identity, dates, status, rights,
subjects, media), for :mod:`newsconv.formats.schemaorg`; :mod:`newsconv.formats.schemaorg_read` reads
them back.

Every node gets an IRI inside the article (``<article IRI>#<local id>``), never a blank node:

- ``additionalType`` the item type as an IPTC item-nature URI (``…/ninature/picture``), ``url`` the web page, ``identifier`` the guid, ``version``; ``dateCreated`` the first-created time,
  ``dateModified`` this version's time, ``datePublished`` the published time but never earlier than
  the embargo (schema.org has no embargo); ``creativeWorkStatus`` the publication status
  ("usable", "withheld", "canceled").
- ``copyrightHolder`` an Organization ``#copyright-holder`` (its uri as ``sameAs``),
  ``copyrightNotice``, ``license`` the licence URL, ``usageInfo`` a CreativeWork ``#usage-terms``
  whose ``text`` is the usage terms (``usageInfo`` takes no plain text), ``creditText``.
- ``about`` a DefinedTerm ``#subject-<n>`` per subject (``name``, ``termCode`` the code,
  ``inDefinedTermSet`` a DefinedTermSet ``#scheme:<alias>`` named by the scheme, ``sameAs`` the
  uri); ``genre`` the genre's uri, else its name, else its QCode; ``keywords``;
  ``alternativeHeadline``; ``alternateName`` the slugline; ``contentLocation`` a Place
  ``#located`` (``name``, ``identifier`` the QCode, ``sameAs`` the uri).
- A picture or graphic is an ImageObject, a video a VideoObject, an audio an AudioObject, any other
  item a NewsArticle. Its own renditions, and those of each associated media item
  (``associatedMedia`` ``#media-<n>``, also ``image`` for pictures and graphics, with ``identifier``
  its uri, ``caption`` and ``creditText``), are ``encoding`` MediaObjects ``…rendition-<k>``
  (``contentUrl``, or ``identifier`` for a relative reference, ``encodingFormat``, ``name``, ``contentSize`` in bytes, ``width`` and ``height``
  as QuantitativeValues in pixels); the first rendition's URL is also the node's ``contentUrl``.

No place in schema.org: embargo (only its effect on ``datePublished``), urgency, content created and
modified times, corrections and signals, info sources, links, the data-mining preference, a
subject's role, and editorial notes, which never go into a public format.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from newsconv.formats.schemaorg_nodes import (
    Number,
    Properties,
    Ref,
    Text,
    Values,
    absolute,
    link,
    safe_iri,
    text,
)
from newsconv.model import Article, Concept, MediaItem, Rendition

MEDIA_TYPES = {
    "picture": "ImageObject",
    "graphic": "ImageObject",
    "video": "VideoObject",
    "audio": "AudioObject",
}
"""The schema.org type of a media item (a picture is no NewsArticle); anything else is a NewsArticle."""
NINATURE = "http://cv.iptc.org/newscodes/ninature/"
"""IPTC's item-nature vocabulary: ``additionalType`` says which item type a node is (text, composite…)."""
PIXEL = "E37"
"""UN/CEFACT common code of the pixel, the unit of ``width`` and ``height``."""


def root_type(article: Article) -> str:
    return MEDIA_TYPES.get(article.item_type, "NewsArticle")


def published(article: Article) -> str | None:
    """``datePublished``: the published time, moved to the embargo when it is earlier."""
    moment = article.published
    if moment is None:
        return None
    embargo = article.embargoed
    if embargo is not None and _comparable(embargo, moment) and moment < embargo:
        moment = embargo
    return moment.isoformat()


def _comparable(a: datetime, b: datetime) -> bool:
    """Whether two datetimes can be compared (both naive or both aware)."""
    return (a.utcoffset() is None) == (b.utcoffset() is None)


def term_code(concept: Concept) -> str | None:
    """A concept's code as the source gives it: the QCode ``scheme:code``, else the bare code."""
    return concept.qcode or concept.code


Mint = Callable[[str, str, Properties], Ref]
"""Adds a node (local id, type, properties) to the description and gives its IRI."""


class Meta:
    """The metadata properties of one article's root node; minted nodes go through ``mint``."""

    def __init__(self, article: Article, mint: Mint) -> None:
        self.article = article
        self.mint = mint

    # identity, dates, status

    def head(self) -> Properties:
        article = self.article
        return [
            ("additionalType", Ref(NINATURE + article.item_type)),
            ("url", link(article.url)),
            ("identifier", text(article.guid)),
            ("version", text(str(article.version) if article.version is not None else None)),
            ("alternateName", text(article.slugline)),
            ("alternativeHeadline", tuple(Text(h) for h in article.alternative_headlines)),
        ]

    def dates(self) -> Properties:
        article = self.article
        return [
            ("dateCreated", text(article.first_created.isoformat() if article.first_created else None)),
            ("dateModified", text(article.version_created.isoformat() if article.version_created else None)),
            ("datePublished", text(published(article))),
            ("creativeWorkStatus", Text(article.pub_status)),
        ]

    # rights

    def rights(self) -> Properties:
        rights = self.article.rights
        properties: Properties = [("creditText", text(self.article.credit))]
        if rights is None:
            return properties
        holder = rights.holder
        if holder is not None and holder.name is not None:
            node: Properties = [("name", Text(holder.name)), ("sameAs", link(holder.uri))]
            properties.append(("copyrightHolder", self.mint("copyright-holder", "Organization", node)))
        properties += [("copyrightNotice", text(rights.notice)), ("license", link(rights.licence))]
        if rights.usage_terms is not None:
            terms = self.mint("usage-terms", "CreativeWork", [("text", Text(rights.usage_terms))])
            properties.append(("usageInfo", terms))
        return properties

    # vocabularies

    def subjects(self) -> Properties:
        article = self.article
        about = tuple(self._term(n, s) for n, s in enumerate(article.subjects, 1))
        genres = tuple(g for g in (_genre(g) for g in article.genres) if g is not None)
        located: Values = ()
        place = article.located
        if place is not None and place.name is not None:
            properties: Properties = [
                ("name", Text(place.name)),
                ("identifier", text(term_code(place))),
                ("sameAs", link(place.uri)),
            ]
            located = self.mint("located", "Place", properties)
        return [
            ("about", about),
            ("genre", genres),
            ("keywords", tuple(Text(k) for k in article.keywords)),
            ("contentLocation", located),
        ]

    def _term(self, number: int, concept: Concept) -> Ref:
        scheme: Values = ()
        if concept.scheme is not None:
            scheme = self.mint(f"scheme:{concept.scheme}", "DefinedTermSet", [("name", Text(concept.scheme))])
        properties: Properties = [
            ("name", text(concept.name)),
            ("termCode", text(concept.code)),
            ("inDefinedTermSet", scheme),
            ("sameAs", link(concept.uri)),
        ]
        return self.mint(f"subject-{number}", "DefinedTerm", properties)

    # media

    def renditions(self, owner: str, renditions: tuple[Rendition, ...], media: bool = True) -> Properties:
        """``encoding`` of a node, and for a media node ``contentUrl`` (the first rendition's)."""
        nodes = tuple(self._rendition(f"{owner}rendition-{k}", r) for k, r in enumerate(renditions, 1))
        first = link(renditions[0].href) if renditions and media else ()
        return [("contentUrl", first), ("encoding", nodes)]

    def _rendition(self, local: str, rendition: Rendition) -> Ref:
        properties: Properties = [
            ("name", text(rendition.name)),
            ("contentUrl", link(rendition.href)),
            ("identifier", () if absolute(rendition.href) else Text(rendition.href)),
            ("encodingFormat", text(rendition.mime_type)),
            ("contentSize", text(str(rendition.size) if rendition.size is not None else None)),
        ]
        for side, pixels in (("width", rendition.width), ("height", rendition.height)):
            if pixels is not None:
                value: Properties = [("value", Number(pixels)), ("unitCode", Text(PIXEL))]
                properties.append((side, self.mint(f"{local}-{side}", "QuantitativeValue", value)))
        return self.mint(local, "MediaObject", properties)

    def media(self) -> Properties:
        media = self.article.media
        nodes = [self._media(n, m) for n, m in enumerate(media, 1)]
        images = tuple(
            ref for ref, m in zip(nodes, media, strict=True) if MEDIA_TYPES[m.item_type] == "ImageObject"
        )
        return [("image", images), ("associatedMedia", tuple(nodes))]

    def _media(self, number: int, item: MediaItem) -> Ref:
        local = f"media-{number}"
        properties: Properties = [
            ("additionalType", Ref(NINATURE + item.item_type)),
            ("identifier", text(item.uri)),
            ("caption", text(item.caption)),
            ("creditText", text(item.credit)),
            *self.renditions(f"{local}-", item.renditions),
        ]
        return self.mint(local, MEDIA_TYPES.get(item.item_type, "MediaObject"), properties)


def _genre(concept: Concept) -> Text | Ref | None:
    """A genre as schema.org's ``genre`` takes it (text or URL): its uri, else its name, else its QCode."""
    if concept.uri is not None:
        return Ref(safe_iri(concept.uri))
    name = concept.name if concept.name is not None else term_code(concept)
    return Text(name) if name is not None else None
