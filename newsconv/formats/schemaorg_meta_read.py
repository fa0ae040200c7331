"""Reads the news metadata :mod:`newsconv.formats.schemaorg_meta` writes back from a schema.org graph.

RDF has no order: subjects, renditions and media come back in the order of the ids the writer gave
their nodes (``#subject-2`` before ``#subject-10``); keywords, alternative headlines and genres,
which are plain values, come back sorted.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime
from typing import Any, Protocol

from rdflib import Literal, URIRef
from rdflib.term import Node as RdfNode

from newsconv.errors import InputError
from newsconv.formats.schemaorg_meta import NINATURE
from newsconv.model import ITEM_TYPES, Author, Concept, ItemType, MediaItem, PubStatus, Rendition, Rights

_CMS_AUTHOR = re.compile(r"author-\d+")
_STATUSES: dict[str, PubStatus] = {"usable": "usable", "withheld": "withheld", "canceled": "canceled"}
_CLASS_TYPES: dict[str, ItemType] = {"ImageObject": "picture", "VideoObject": "video", "AudioObject": "audio"}


class GraphView(Protocol):
    """What the metadata reader needs of the graph reader (``schemaorg_read._Reader``)."""

    source: str | None

    def values(self, node: RdfNode, name: str) -> list[RdfNode]: ...

    def literals(self, node: RdfNode, name: str) -> list[str]: ...

    def types(self, node: RdfNode) -> list[str]: ...

    def order(self, node: RdfNode) -> tuple[int, tuple[str | int, ...], str, str]: ...

    def local_id(self, node: RdfNode) -> str | None: ...


class MetaReader:
    """The news metadata of the root node of one graph, as Article keyword arguments."""

    def __init__(self, view: GraphView) -> None:
        self.view = view

    def _one(self, node: RdfNode, name: str) -> str | None:
        """The (first) text or IRI value of a property."""
        values = sorted(str(v) for v in self.view.values(node, name) if isinstance(v, Literal | URIRef))
        return values[0] if values else None

    def _ordered(self, node: RdfNode, name: str) -> list[RdfNode]:
        return sorted(self.view.values(node, name), key=self.view.order)

    def _time(self, node: RdfNode, name: str) -> datetime | None:
        value = self._one(node, name)
        if value is None:
            return None
        try:
            return datetime.fromisoformat(value)
        except ValueError:
            raise InputError(self.view.source, f"{name} {value!r} is no ISO 8601 date or date-time") from None

    def _integer(self, value: str | None) -> int | None:
        return int(value) if value is not None and value.isdecimal() and len(value) < 19 else None

    def item_type(self, node: RdfNode) -> ItemType:
        """The item type: the IPTC item-nature ``additionalType``, else what the node's class implies."""
        for value in self.view.values(node, "additionalType"):
            name = str(value)[len(NINATURE) :] if str(value).startswith(NINATURE) else None
            kind = next((t for t in ITEM_TYPES if t == name), None)
            if kind is not None:
                return kind
        return next((_CLASS_TYPES[t] for t in self.view.types(node) if t in _CLASS_TYPES), "text")

    def fields(self, root: RdfNode) -> dict[str, Any]:
        """Every metadata field of the model that the root node states."""
        one = self._one
        status = one(root, "creativeWorkStatus")
        return {
            "url": one(root, "url"),
            "guid": one(root, "identifier"),
            "version": self._integer(one(root, "version")),
            "slugline": one(root, "alternateName"),
            "alternative_headlines": tuple(self.view.literals(root, "alternativeHeadline")),
            "item_type": self.item_type(root),
            "first_created": self._time(root, "dateCreated"),
            "version_created": self._time(root, "dateModified"),
            "pub_status": _STATUSES.get(status or "", "usable"),
            "credit": one(root, "creditText"),
            "rights": self.rights(root),
            "subjects": tuple(
                self._term(t) for t in self._ordered(root, "about") if self._is(t, "DefinedTerm")
            ),
            "genres": tuple(sorted(self._genres(root), key=lambda c: (c.uri or "", c.name or ""))),
            "keywords": tuple(self.view.literals(root, "keywords")),
            "located": self._located(root),
            "renditions": self.renditions(root),
            "media": tuple(self._media(m) for m in self._ordered(root, "associatedMedia")),
            "section": one(root, "articleSection"),
            "authors": self.authors(root),
            **self.publisher(root),
        }

    def authors(self, root: RdfNode) -> tuple[Author, ...]:
        """The authors a CMS named (``#author-<n>`` nodes, with profile page and job title)."""
        found = []
        for node in self._ordered(root, "author"):
            local = self.view.local_id(node) or ""
            name = self._one(node, "name")
            if _CMS_AUTHOR.fullmatch(local) and name is not None:
                found.append(Author(name, self._one(node, "url"), self._one(node, "jobTitle")))
        return tuple(found)

    def publisher(self, root: RdfNode) -> dict[str, str | None]:
        """The publisher's home page and logo URL."""
        node = next(iter(self._ordered(root, "publisher")), None)
        if node is None or isinstance(node, Literal):
            return {}
        logo = next(iter(self._ordered(node, "logo")), None)
        url = None if logo is None else self._one(logo, "url") or self._one(logo, "contentUrl")
        if url is None and isinstance(logo, URIRef) and not self.view.types(logo):
            url = str(logo)
        return {"publisher_url": self._one(node, "url"), "publisher_logo": url}

    def _is(self, node: RdfNode, kind: str) -> bool:
        return kind in self.view.types(node)

    def rights(self, root: RdfNode) -> Rights | None:
        holder_node = next(iter(self._ordered(root, "copyrightHolder")), None)
        holder = None
        if holder_node is not None:
            holder = Concept(name=self._one(holder_node, "name"), uri=self._one(holder_node, "sameAs"))
        terms = next(iter(self._ordered(root, "usageInfo")), None)
        rights = Rights(
            holder=holder,
            notice=self._one(root, "copyrightNotice"),
            usage_terms=self._one(terms, "text") if terms is not None else None,
            licence=self._one(root, "license"),
        )
        return rights if rights != Rights() else None

    def _term(self, node: RdfNode) -> Concept:
        scheme = next(iter(self._ordered(node, "inDefinedTermSet")), None)
        return Concept(
            name=self._one(node, "name"),
            scheme=self._one(scheme, "name") if scheme is not None else None,
            code=self._one(node, "termCode"),
            uri=self._one(node, "sameAs"),
        )

    def _genres(self, root: RdfNode) -> Iterable[Concept]:
        for value in self.view.values(root, "genre"):
            if isinstance(value, URIRef):
                yield Concept(uri=str(value))
            elif isinstance(value, Literal):
                yield Concept(name=str(value))

    def _located(self, root: RdfNode) -> Concept | None:
        place = next(iter(self._ordered(root, "contentLocation")), None)
        if place is None:
            return None
        scheme, colon, code = (self._one(place, "identifier") or "").partition(":")
        return Concept(
            name=self._one(place, "name"),
            scheme=scheme if colon else None,
            code=(code if colon else scheme) or None,
            uri=self._one(place, "sameAs"),
        )

    def renditions(self, node: RdfNode) -> tuple[Rendition, ...]:
        found = []
        for encoding in self._ordered(node, "encoding"):
            href = self._one(encoding, "contentUrl") or self._one(encoding, "identifier")
            if href is None:
                continue
            found.append(
                Rendition(
                    href=href,
                    mime_type=self._one(encoding, "encodingFormat"),
                    width=self._pixels(encoding, "width"),
                    height=self._pixels(encoding, "height"),
                    size=self._integer(self._one(encoding, "contentSize")),
                    name=self._one(encoding, "name"),
                )
            )
        return tuple(found)

    def _pixels(self, node: RdfNode, side: str) -> int | None:
        quantity = next(iter(self._ordered(node, side)), None)
        return self._integer(self._one(quantity, "value")) if quantity is not None else None

    def _media(self, node: RdfNode) -> MediaItem:
        kind = self.item_type(node)
        return MediaItem(
            uri=self._one(node, "identifier"),
            item_type=kind if kind != "text" else "picture",
            caption=self._one(node, "caption"),
            credit=self._one(node, "creditText"),
            renditions=self.renditions(node),
        )
