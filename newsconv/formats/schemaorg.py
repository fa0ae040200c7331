"""One description of an Article as schema.org nodes, shared by the JSON-LD and RDF writers.

The description is a list of nodes, each with an IRI, one schema.org type and its properties in
a fixed order; a value is a text literal or a reference to another node. The first node is
the NewsArticle and every other node is reachable from it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import Any

from newsconv import identity, schema_store
from newsconv.formats.schemaorg_meta import Meta, root_type
from newsconv.formats.schemaorg_nodes import (
    Node,
    Number,
    Properties,
    Ref,
    Text,
    Value,
    Values,
    link,
    present,
    text,
)
from newsconv.model import Article, Entity, Organization, Person, Place
from newsconv.validate.memo import last_result

__all__ = [
    "Node",
    "Number",
    "Ref",
    "Text",
    "Value",
    "Values",
    "byline_names",
    "describe",
    "each",
    "join_byline",
]

SCHEMA = "http://schema.org/"
"""The namespace the schema.org JSON-LD context expands terms to (http, not https)."""

CONTEXT_URL = "https://schema.org"


_ENTITY_TYPES: dict[type[Entity], str] = {Person: "Person", Organization: "Organization", Place: "Place"}
_BY = re.compile(
    r"^\s*(?:by|von|par|por|door)\s+", re.IGNORECASE
)  # "By" in English, German, French, Spanish, Dutch
_AUTHOR_SEPARATOR = re.compile(r"\s*(?:,\s*and\s+|,|;|\s+and\s+|&)\s*", re.IGNORECASE)


@last_result
def describe(article: Article) -> tuple[Node, ...]:
    """The article and everything it names, as schema.org nodes; the NewsArticle comes first.

    The last article's description is remembered: its JSON-LD and its RDF are written from one.
    """
    return _Description(article).nodes()


def _extended(node: Node, properties: Properties) -> Node:
    """``node`` with more properties (those that have a value)."""
    return Node(node.iri, node.type, node.properties + present(properties))


def byline_names(byline: str | None) -> list[str]:
    """The names in a byline: "By A, B and C" gives A, B and C."""
    if not byline:
        return []
    return [name for name in _AUTHOR_SEPARATOR.split(_BY.sub("", byline)) if name]


def join_byline(names: Sequence[str]) -> str | None:
    """The byline that :func:`byline_names` splits back into ``names``: "By A, B and C".

    Names that the usual form would split differently are joined by semicolons instead.
    """
    if not names:
        return None
    usual = f"By {', '.join(names[:-1])} and {names[-1]}" if len(names) > 1 else f"By {names[0]}"
    return usual if byline_names(usual) == list(names) else f"By {'; '.join(names)}"


def each(values: Values) -> tuple[Value, ...]:
    """The values of a property as a tuple, whether it holds one or several."""
    return values if isinstance(values, tuple) else (values,)


@schema_store.per_store()
def context_document() -> dict[str, Any]:
    """The schema.org JSON-LD context (release 30.0) from the schema search path, read once."""
    with open(schema_store.locate(schema_store.SCHEMAORG_CONTEXT), encoding="utf-8") as handle:
        document: dict[str, Any] = json.load(handle)
    return document


@schema_store.per_store()
def context_coercions() -> dict[str, str]:
    """Term → ``@type`` coercion of the schema.org context (``Date`` or ``@id``), for the RDF writer."""
    return {
        term: definition["@type"]
        for term, definition in context_document()["@context"].items()
        if isinstance(definition, dict) and "@type" in definition
    }


class _Description:
    """Builds the nodes of one article; organisations named by text are minted once per name."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.iri = identity.article_iri(article)
        self.extra: dict[str, Node] = {}
        self.organizations = {
            name.casefold(): self._node_iri(o.id)
            for o in article.organizations
            for name in (o.name, *o.aliases)
        }

    def nodes(self) -> tuple[Node, ...]:
        """The article's node, then its entities, its quotes and the further nodes they need (authors,
        publisher, media), the publisher carrying its URL and logo."""
        article = self.article
        meta = Meta(article, self._node)
        kind = root_type(article)
        body = "\n\n".join(article.paragraphs)
        news = kind == "NewsArticle"
        publisher = self._organization(article.publisher) if article.publisher else ()
        properties: Properties = [
            *meta.head(),
            ("headline", Text(article.headline)),
            ("description", Text(article.description) if article.description else ()),
            ("author", self._authors()),
            ("publisher", publisher),
            *meta.dates(),
            ("dateline", Text(article.dateline) if article.dateline and news else ()),
            ("articleSection", text(article.section) if news else ()),
            ("inLanguage", Text(article.language)),
            *meta.rights(),
            *meta.subjects(),
            ("articleBody" if news else "text", Text(body) if body else ()),
            *meta.renditions("", article.renditions, media=not news),
            *meta.media(),
            ("mentions", tuple(Ref(self._iri(e)) for e in article.entities)),
            ("hasPart", tuple(Ref(self._node_iri(q.id)) for q in article.quotes)),
        ]
        root = Node(self.iri, kind, present(properties))
        entities = tuple(self._entity(e) for e in article.entities)
        quotes = tuple(self._quote(q.id, q.text, q.speaker, q.speaker_text) for q in article.quotes)
        details = self._publisher_details() if isinstance(publisher, Ref) else []
        nodes = (root, *entities, *quotes, *self.extra.values())
        if isinstance(publisher, Ref):
            return tuple(_extended(n, details) if n.iri == publisher.iri else n for n in nodes)
        return nodes

    def _authors(self) -> tuple[Ref, ...]:
        """The CMS's authors (name, profile page, job title), else the names in the byline."""
        if not self.article.authors:
            return tuple(self._author(n, name) for n, name in enumerate(byline_names(self.article.byline), 1))
        return tuple(
            self._node(
                f"author-{n}",
                "Person",
                [("name", Text(a.name)), ("url", link(a.url)), ("jobTitle", text(a.job_title))],
            )
            for n, a in enumerate(self.article.authors, 1)
        )

    def _publisher_details(self) -> Properties:
        """The publisher's home page and logo (an ImageObject, as Google's Article guidance asks)."""
        logo = self.article.publisher_logo
        image: Values = ()
        if logo is not None and link(logo) != ():
            image = self._node("publisher-logo", "ImageObject", [("url", link(logo))])
        return [("url", link(self.article.publisher_url)), ("logo", image)]

    def _node(self, local: str, kind: str, properties: Properties) -> Ref:
        """A node of the article minted by its local id (once: later calls reuse the first)."""
        iri = self._node_iri(local)
        self.extra.setdefault(iri, Node(iri, kind, present(properties)))
        return Ref(iri)

    def _node_iri(self, local: str) -> str:
        """The IRI of a node of this article by its local id."""
        return identity.within(self.iri, local)

    def _iri(self, entity: Entity) -> str:
        return self._node_iri(entity.id)

    def _entity(self, entity: Entity) -> Node:
        properties: list[tuple[str, Values]] = [("name", Text(entity.name))]
        if isinstance(entity, Person):
            properties += [
                ("jobTitle", Text(entity.title) if entity.title else ()),
                ("worksFor", self._organization(entity.affiliation) if entity.affiliation else ()),
            ]
        properties.append(("alternateName", tuple(Text(a) for a in entity.aliases)))
        return Node(self._iri(entity), _ENTITY_TYPES[type(entity)], present(properties))

    def _quote(self, quote_id: str, text: str, speaker: str | None, speaker_text: str | None) -> Node:
        iri = self._node_iri(quote_id)
        creator: Values = ()
        if speaker is not None:
            creator = Ref(self._node_iri(speaker))
        elif speaker_text:
            creator = self._mint(f"{iri}:speaker", "Person", speaker_text)
        return Node(iri, "Quotation", present([("text", Text(text)), ("creator", creator)]))

    def _author(self, n: int, name: str) -> Ref:
        known = self.organizations.get(name.casefold())
        if known is not None or (self.article.publisher or "").casefold() == name.casefold():
            return self._organization(name)
        return self._mint(self._node_iri(f"author:{n}"), "Person", name)

    def _organization(self, name: str) -> Ref:
        """The organisation entity called ``name``, else one node minted per distinct name."""
        known = self.organizations.get(name.casefold())
        if known is not None:
            return Ref(known)
        return self._mint(
            self._node_iri(f"organization:{name.casefold()}"),
            "Organization",
            name,
        )

    def _mint(self, iri: str, kind: str, name: str) -> Ref:
        self.extra.setdefault(iri, Node(iri, kind, (("name", Text(name)),)))
        return Ref(iri)
