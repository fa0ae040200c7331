"""The one schema.org graph → Article mapping, shared by the JSON-LD and RDF readers.

It inverts :mod:`newsconv.formats.schemaorg`: nodes newsconv minted (``<article IRI>#<id>``)
give back their model ids, so a written article reads back the same; other nodes get ids made
from the last segment of their IRI, else their name (``person-jane-doe``, then ``-2``…).
RDF has no order: entities and quotes come back in the natural order of their ids, aliases
sorted, authors in the order of the writer's ``author:N`` nodes (others fill the gaps by name).
"""

from __future__ import annotations

import re
from datetime import datetime
from itertools import chain, count

from rdflib import RDF, Graph, Literal, URIRef
from rdflib.term import Node as RdfNode

from newsconv import identity
from newsconv.errors import InputError
from newsconv.formats import schemaorg
from newsconv.formats.schemaorg_meta_read import MetaReader
from newsconv.model import Article, Entity, Organization, Person, Place, Quote
from newsconv.validate.schemaorg_vocab import vocabulary

_HTTPS = "https://schema.org/"
_KINDS: tuple[tuple[str, type[Entity], str], ...] = (
    ("Person", Person, "person"),
    ("Organization", Organization, "org"),
    ("Place", Place, "place"),
)
"""schema.org class, model class and id prefix; a node of two classes takes the first."""
_BLANK_LINE = re.compile(r"\r?\n[^\S\r\n]*\r?\n")
_AUTHOR = re.compile(r"author[:-](\d+)")
_DIGITS = re.compile(r"(\d+)")

_LINKS = frozenset(URIRef(schemaorg.SCHEMA + name) for name in ("url", "contentUrl", "sameAs", "license"))
"""Properties whose value is a URL: a node named by one is linked to, not held."""

NaturalKey = tuple[str | int, ...]


def to_article(graph: Graph, source: str | None) -> Article:
    """The one article in a graph (a node typed schema:Article or any subclass) as a model.

    No article, or more than one, is an InputError naming ``source``.
    """
    return _Reader(_http_schema(graph), source).article()


def _http_schema(graph: Graph) -> Graph:
    """``graph`` with ``https://schema.org/`` IRIs turned into the ``http://`` ones the context uses."""
    if not any(isinstance(term, URIRef) and term.startswith(_HTTPS) for triple in graph for term in triple):
        return graph
    normal = Graph(bind_namespaces="none")
    for subject, predicate, value in graph:
        normal.add((_http(subject), _http(predicate), _http(value)))
    return normal


def _http(term: RdfNode) -> RdfNode:
    if isinstance(term, URIRef) and term.startswith(_HTTPS):
        return URIRef(schemaorg.SCHEMA + term[len(_HTTPS) :])
    return term


def _term(name: str) -> URIRef:
    return URIRef(schemaorg.SCHEMA + name)


def _natural(text: str) -> NaturalKey:
    """Sort key that puts ``quote-2`` before ``quote-10``."""
    return tuple(int(part) if index % 2 else part for index, part in enumerate(_DIGITS.split(text)))


def _slug(text: str) -> str:
    return "-".join(re.findall(r"\w+", text.casefold()))[:60].strip("-")


class _Reader:
    """Reads one article node; remembers the entities made so that quotes can point at them."""

    def __init__(self, graph: Graph, source: str | None) -> None:
        self.graph = graph
        self.source = source
        self.root = self._article_node()
        self.prefix = f"{self.root}#" if isinstance(self.root, URIRef) else None
        self.used = {local for node in graph.all_nodes() if (local := self.local_id(node)) is not None}
        self.entities: dict[RdfNode, Entity] = {}

    def article(self) -> Article:
        root = self.root
        headline = next(
            (t for t in (self._text(root, "headline"), self._text(root, "name")) if t is not None), None
        )
        if headline is None:
            raise InputError(self.source, f"the schema.org article {root} has no headline")
        for node in sorted(self.values(root, "mentions"), key=self.order):
            self._entity(node)
        parts = sorted((n for n in self.values(root, "hasPart") if self._is(n, "Quotation")), key=self.order)
        quotes = sorted((self._quote(node) for node in parts), key=lambda q: _natural(q.id))
        entities = sorted(self.entities.values(), key=lambda e: _natural(e.id))
        body = self._text(root, "articleBody") or self._text(root, "text") or ""
        return Article(
            headline=headline,
            paragraphs=tuple(p for p in (part.strip() for part in _BLANK_LINE.split(body)) if p),
            description=self._text(root, "description") or None,
            byline=self._byline(),
            dateline=self._text(root, "dateline") or None,
            language=next(iter(self.literals(root, "inLanguage")), "und"),
            quotes=tuple(quotes),
            persons=tuple(e for e in entities if isinstance(e, Person)),
            organizations=tuple(e for e in entities if isinstance(e, Organization)),
            places=tuple(e for e in entities if isinstance(e, Place)),
            publisher=self._text(root, "publisher") or None,
            published=self._published(),
            **MetaReader(self).fields(root),
        )

    def _article_node(self) -> RdfNode:
        found = sorted(
            {n for n, _ in self.graph.subject_objects(RDF.type) if self._is(n, "Article")}, key=str
        )
        if not found:  # a media item itself: a picture, video or audio nothing else refers to
            found = sorted(
                {
                    n
                    for n, _ in self.graph.subject_objects(RDF.type)
                    if self._is(n, "MediaObject") and not self._contained(n)
                },
                key=str,
            )
        if not found:
            raise InputError(self.source, "holds no schema.org NewsArticle (nor any other Article)")
        if len(found) > 1:
            listed = ", ".join(str(n) for n in found[:3]) + (", …" if len(found) > 3 else "")
            raise InputError(self.source, f"holds {len(found)} articles ({listed}); newsconv reads one")
        return found[0]

    def _contained(self, node: RdfNode) -> bool:
        """Whether another node holds this one (as its media, encoding, logo…), not just links to its URL."""
        return any(
            subject != node and predicate not in _LINKS
            for subject, predicate in self.graph.subject_predicates(node)
        )

    def types(self, node: RdfNode) -> list[str]:
        namespace = schemaorg.SCHEMA
        types = (str(t) for t in self.graph.objects(node, RDF.type) if isinstance(t, URIRef))
        return [t[len(namespace) :] for t in types if t.startswith(namespace)]

    def _is(self, node: RdfNode, schema_class: str) -> bool:
        """Whether the node is typed ``schema_class`` or one of its schema.org subclasses."""
        vocab = vocabulary()
        return any(schema_class in vocab.above(t) for t in self.types(node))

    def _kind(self, node: RdfNode) -> tuple[type[Entity], str] | None:
        return next(((cls, prefix) for name, cls, prefix in _KINDS if self._is(node, name)), None)

    def values(self, node: RdfNode, name: str) -> list[RdfNode]:
        return list(self.graph.objects(node, _term(name)))

    def literals(self, node: RdfNode, name: str) -> list[str]:
        return sorted({str(v) for v in self.values(node, name) if isinstance(v, Literal)})

    def _name(self, value: RdfNode) -> str | None:
        """A literal's text, or the (first) name of a node."""
        if isinstance(value, Literal):
            return str(value)
        return next(iter(self.literals(value, "name")), None)

    def _texts(self, node: RdfNode, name: str) -> list[str]:
        """The values of a property as text: literals as they are, nodes by their name."""
        return sorted({text for v in self.values(node, name) if (text := self._name(v)) is not None})

    def _text(self, node: RdfNode, name: str) -> str | None:
        return next(iter(self._texts(node, name)), None)

    def local_id(self, node: RdfNode) -> str | None:
        """The model id inside an IRI the writer minted for this article, else None."""
        if self.prefix is not None and isinstance(node, URIRef) and node.startswith(self.prefix):
            return identity.local_id(node[len(self.prefix) :])
        return None

    def order(self, node: RdfNode) -> tuple[int, NaturalKey, str, str]:
        """Minted nodes first (their ids are reserved), then others by name and IRI, for stable ids."""
        local = self.local_id(node)
        if local is not None:
            return 0, _natural(local), "", ""
        return 1, (), self._name(node) or "", str(node) if isinstance(node, URIRef) else ""

    def _id(self, node: RdfNode, prefix: str, name: str) -> str:
        local = self.local_id(node)
        if local is not None:
            return local
        segment = re.split(r"[/#:?=]", str(node).rstrip("/#"))[-1] if isinstance(node, URIRef) else ""
        slug = _slug(segment) or _slug(name)
        base = f"{prefix}-{slug}" if slug else prefix
        ident = next(c for c in chain([base], (f"{base}-{n}" for n in count(2))) if c not in self.used)
        self.used.add(ident)
        return ident

    def _entity(self, node: RdfNode) -> Entity | None:
        """The person, organisation or place a node describes (made once), if it has a name."""
        if node in self.entities:
            return self.entities[node]
        kind, name = self._kind(node), self._name(node)
        if kind is None or name is None:
            return None
        cls, prefix = kind
        ident, aliases = self._id(node, prefix, name), tuple(self._texts(node, "alternateName"))
        if cls is Person:
            affiliation = self._text(node, "worksFor") or self._text(node, "affiliation")
            entity: Entity = Person(
                ident, name, aliases, (), self._text(node, "jobTitle") or None, affiliation or None
            )
        else:
            entity = cls(ident, name, aliases)
        self.entities[node] = entity
        return entity

    def _quote(self, node: RdfNode) -> Quote:
        text = self._text(node, "text") or ""
        speaker, speaker_text = self._speaker(node)
        return Quote(self._id(node, "quote", text), text, (), speaker, speaker_text)

    def _speaker(self, quote: RdfNode) -> tuple[str | None, str | None]:
        """(speaker id, speaker text) of a quotation's creator.

        A mentioned entity, or a named person or organisation (made an entity), is the speaker;
        the node the writer mints for an unnamed speaker, or a plain string, is speaker text.
        """
        creator = next(iter(sorted(self.values(quote, "creator"), key=str)), None)
        if creator is None:
            return None, None
        if isinstance(creator, Literal) or str(creator) == f"{quote}:speaker":
            return None, self._name(creator) or None
        kind = self._kind(creator)
        entity = self.entities.get(creator) or (
            self._entity(creator) if kind and kind[0] is not Place else None
        )
        if entity is not None:
            return entity.id, None
        local = self.local_id(creator)
        return (local, None) if local is not None else (None, self._name(creator))

    def _byline(self) -> str | None:
        """The byline of the author names, in the order of the writer's ``author:N`` nodes."""
        placed: dict[int, str] = {}
        loose: list[str] = []
        for value in self.values(self.root, "author"):
            name = self._name(value)
            if name is None:
                continue
            match = _AUTHOR.fullmatch(self.local_id(value) or "")
            if match is not None and int(match[1]) not in placed:
                placed[int(match[1])] = name
            else:
                loose.append(name)
        free = (n for n in count(1) if n not in placed)
        return schemaorg.join_byline(
            [name for _, name in sorted([*placed.items(), *zip(free, sorted(loose))])]
        )

    def _published(self) -> datetime | None:
        value = self._text(self.root, "datePublished")
        if value is None:
            return None
        try:
            return datetime.fromisoformat(value)
        except ValueError:
            raise InputError(
                self.source, f"datePublished {value!r} is no ISO 8601 date or date-time"
            ) from None
