"""Reading NewsML-G2 into the model: a ``newsItem``, or each ``newsItem`` of a ``newsMessage``.

What is read, and from where (every element in ``contentMeta`` unless said otherwise):

- ``headline`` (the first of the best ``rank``; else the body's title or NITF ``hl1``, else
  ``slugline``), ``by`` (else the ``creator`` names), ``dateline``, ``description`` (the
  ``drol:summary`` one, else the first), ``language/@tag`` (else ``xml:lang``, else ``und``);
  the publisher is the ``itemMeta/provider`` name, ``literal`` or QCode code (not the writer's
  "publisher unknown" placeholder); ``published`` is ``versionCreated``, so an article written
  without a time comes back with the time it was written at (see ``writer.version_created``).
- Persons, organisations and places are the ``subject`` elements whose ``type`` (QCode) or
  ``typeuri`` is the IPTC concept nature person, organisation, geoArea or poi. An entity's id is
  the subject's ``qcode``, ``uri`` or ``literal`` as written (else one made from its name), so
  reading is deterministic; its names come from the subject or else an ``assert`` about it (the
  first in the item's language is the name, the others aliases); subjects naming one concept by
  QCode or URI are merged. A person's
  ``assert`` gives the title (``related`` with the schema.org jobTitle ``reluri``) and
  ``personDetails/affiliation``. Scheme aliases resolve through the item's own ``catalog``, the
  ``catalogRef`` catalogs on the schema search path, and the newest IPTC catalog there.
- The body is the first ``inlineXML`` in XHTML (its block elements ``p``, ``h1``-``h6`` and ``li``,
  outside ``head``, ``header``, ``footer``, ``nav``, ``aside`` and ``figure``) or NITF (the same
  in ``body.content``), or else ``text/plain`` ``inlineData`` split at blank lines.
- Quotes are ``partMeta`` whose ``contentrefs`` name ``span class="quote"`` elements, mentions the
  ``idrefs`` of an ``inlineRef`` naming a subject, both as the writer encodes them.

An item newsconv wrote (``generator`` newsconv) is read exactly as written. In any other, runs
of XML whitespace are one space, texts are trimmed, a ``br`` is a space, empty paragraphs and an
``h1`` repeating the headline are dropped, and the dateline is cut from the first paragraph that
opens with it (as the text reader does), so the model's fields do not repeat each other.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import NamedTuple
from urllib.parse import quote

from lxml import etree

from newsconv import body as model_body
from newsconv import schema_store
from newsconv.detect import G2_ROOTS
from newsconv.errors import InputError, SchemaNotFoundError
from newsconv.formats import body_markup
from newsconv.formats.newsml.writer import (
    CANONICAL,
    CATALOG,
    GENERATOR,
    JOB_TITLE,
    LOCAL_SCHEME,
    NAR,
    UNKNOWN_PUBLISHER,
    XML_NS,
)
from newsconv.model import (
    ITEM_TYPES,
    PUB_STATUSES,
    Article,
    Concept,
    ItemType,
    Link,
    MediaItem,
    Organization,
    Person,
    Place,
    PubStatus,
    Quote,
    Rendition,
    Rights,
    Span,
    aware,
)
from newsconv.secure import parse_xml, stream_xml
from newsconv.validate import newsml_rules

CPNATURE = "http://cv.iptc.org/newscodes/cpnature/"
NAME_ROLE = "http://cv.iptc.org/newscodes/namerole/"
DESCRIPTION_ROLE = "http://cv.iptc.org/newscodes/descriptionrole/"
NATURE = "http://cv.iptc.org/newscodes/ninature/"
PUB_STATUS = "http://cv.iptc.org/newscodes/pubstatusg2/"
ITEM_RELATION = "http://cv.iptc.org/newscodes/itemrelation/"
_ITEM_TYPES: dict[str, ItemType] = {t: t for t in ITEM_TYPES}
_PUB_STATUSES: dict[str, PubStatus] = {s: s for s in PUB_STATUSES}
_NO_BODY = body_markup.ReadBody((), None, {})

EntityKind = type[Person] | type[Organization] | type[Place]
_KINDS: dict[str, EntityKind] = {
    "person": Person,
    "organisation": Organization,
    "geoArea": Place,
    "poi": Place,
}
_ID_PREFIXES: dict[EntityKind, str] = {Person: "person", Organization: "organisation", Place: "place"}
# The aliases the writer uses, so that its items read right even with no IPTC catalog offline.
_WRITER_SCHEMES = {
    "cpnat": CPNATURE,
    "nrol": NAME_ROLE,
    "drol": DESCRIPTION_ROLE,
    "ninat": NATURE,
    "stat": PUB_STATUS,
    "irel": ITEM_RELATION,
}
_NS = {"n": NAR}
_XML_LANG = f"{{{XML_NS}}}lang"
_WHITESPACE = re.compile("[ \t\n\r]+")
_BLANK_LINE = re.compile(r"\n[ \t\r]*\n")
_NOT_IN_IRI = re.compile('[\x00-\x20<>"{}|\\\\^`]')

_Key = tuple[str, str]
_Where = tuple[int, int, frozenset[str]]  # an id'd element's start, end and class tokens in its block


class _Mark(NamedTuple):
    """Where an element with an ``id`` lies: paragraph, characters, and its ``class`` tokens."""

    paragraph: int
    start: int
    end: int
    classes: frozenset[str]


class Block(NamedTuple):
    """One body paragraph: its element's name, its text, and the id'd elements in it."""

    name: str
    text: str
    marks: dict[str, _Where]


@dataclass(slots=True)
class EntityDraft:
    """An entity as a reader gathers it (merged subjects or entries, then mentions); shared with ninjs."""

    kind: EntityKind
    id: str
    name: str
    aliases: list[str]
    mentions: list[Span] = field(default_factory=list)
    key: _Key | None = None

    def fields(self) -> tuple[str, str, tuple[str, ...], tuple[Span, ...]]:
        """What every entity class takes first: id, name, aliases, mentions."""
        return self.id, self.name, tuple(self.aliases), tuple(self.mentions)


def read(data: bytes, source: str | None = None) -> Article:
    """The one article of a newsItem (or of a newsMessage holding one); several are an InputError."""
    items = _news_items(parse_xml(data, source), source)
    if len(items) != 1:
        raise InputError(source, f"a newsMessage with {len(items)} newsItems: read it with read_items")
    return _Item(items[0], source).article()


def read_items(data: bytes, source: str | None = None) -> list[Article]:
    """One article per newsItem: the item itself, or each newsItem in a newsMessage's ``itemSet``.

    A newsMessage is parsed item by item, each item dropped once read, so that its tree never
    stands whole in memory (100,000 items: some 300 MB of tree otherwise).
    """
    return [_Item(item, source).article() for item in _streamed_items(data, source)]


def _news_items(root: etree._Element, source: str | None) -> list[etree._Element]:
    if _article_root(root, source) == "newsItem":
        return [root]
    items = root.findall("n:itemSet/n:newsItem", _NS)
    if not items:
        raise InputError(source, _NO_ITEM)
    return items


_NO_ITEM = "the newsMessage holds no newsItem, so no article"
_NEWS_ITEM = f"{{{NAR}}}newsItem"
_ITEM_SET = f"{{{NAR}}}itemSet"


def _streamed_items(data: bytes, source: str | None) -> Iterator[etree._Element]:
    """The newsItems :func:`_news_items` finds, streamed: each removed from the tree once read."""
    items = stream_xml(data, source, _NEWS_ITEM)
    found = 0
    for item in items:
        parent, root = item.getparent(), item.getroottree().getroot()
        if parent is None:  # the root is the one newsItem
            yield item
            for _ in items:  # parses the rest: a syntax error after the item still counts
                pass
            return
        if not found:
            _article_root(root, source)
        if parent.tag == _ITEM_SET and parent.getparent() is root:
            yield item
            found += 1
        parent.remove(item)
    if not found:
        yield from _news_items(parse_xml(data, source), source)  # raises what is wrong with the root


def _article_root(root: etree._Element, source: str | None) -> str:
    """``newsItem`` or ``newsMessage``, the roots that hold articles; any other root is an InputError."""
    name = etree.QName(root)
    if name.namespace != NAR or name.localname not in G2_ROOTS:
        raise InputError(source, f"not NewsML-G2: the root element is {name.text}")
    if name.localname not in ("newsItem", "newsMessage"):
        raise InputError(source, f"a NewsML-G2 {name.localname} holds no article (only a newsItem does)")
    return name.localname


class BlockText:
    """Text of an element tree (XML whitespace collapsed unless ``exact``) and where id'd elements lie."""

    def __init__(self, exact: bool) -> None:
        self.exact = exact
        self.parts: list[str] = []
        self.length = 0
        self.marks: dict[str, _Where] = {}

    def element(self, element: etree._Element) -> BlockText:
        self.add(element.text)
        for child in element.iterchildren():
            if isinstance(child.tag, str):  # comments add only their tail
                start = self.length
                if _local(child) == "br":
                    self.add(" ")
                self.element(child)
                ident = child.get("id")
                if ident is not None:
                    self.marks[ident] = (start, self.length, frozenset((child.get("class") or "").split()))
            self.add(child.tail)
        return self

    def add(self, text: str | None) -> BlockText:
        if text and not self.exact:
            text = _WHITESPACE.sub(" ", text)
            if text.startswith(" ") and (not self.parts or self.parts[-1].endswith(" ")):
                text = text[1:]
        if text:
            self.parts.append(text)
            self.length += len(text)
        return self

    def value(self) -> str:
        text = "".join(self.parts)
        return text if self.exact else text.rstrip(" ")

    def block(self, name: str) -> Block:
        text = self.value()
        end = len(text)
        marks = {i: (min(s, end), min(e, end), c) for i, (s, e, c) in self.marks.items()}
        return Block(name, text, marks)


class _Item:
    """One newsItem being read into an Article."""

    def __init__(self, item: etree._Element, source: str | None) -> None:
        self.item = item
        self.source = source
        self.exact = (item.findtext("n:itemMeta/n:generator", namespaces=_NS) or "").strip() == GENERATOR
        self.schemes = _schemes(item, assumed=(CATALOG,))
        self.declared = _schemes(item, assumed=())  # only what the item itself declares or references
        self.meta = item.find("n:contentMeta", _NS)
        self.language = self._language()
        self.used: set[str] = set()
        self.asserts: dict[_Key, etree._Element] = {}
        for details in item.iterfind("n:assert", _NS):
            key = self._key(details)
            if key is not None:
                self.asserts.setdefault(key, details)
        self.marks: dict[str, _Mark] = {}
        self.paragraphs: tuple[str, ...] = ()

    def article(self) -> Article:
        headline = self._headline()
        dateline = self._optional(self._first("dateline"))
        read, title = self._body(headline, dateline)
        self.paragraphs = read.paragraphs
        self.marks = {i: _Mark(*m) for i, m in read.marks.items()}
        found = self._entities()
        by_key = {f.key: f for f in found if f.key is not None}
        for ref in self.item.iterfind("n:inlineRef", _NS):
            target = by_key.get(self._key(ref) or ("", ""))
            if target is not None:
                target.mentions += self._spans(ref.get("idrefs", ""))
        version_created = self._time("n:itemMeta/n:versionCreated")
        embargoed = self._time("n:itemMeta/n:embargoed")
        links = self.item.findall("n:itemMeta/n:link", _NS)
        return Article(
            headline=headline if headline is not None else title or self._text(self._first("slugline")),
            paragraphs=read.paragraphs,
            description=self._optional(self._description()),
            byline=self._byline(),
            dateline=dateline,
            language=self.language,
            quotes=self._quotes(by_key),
            persons=tuple(self._person(f) for f in found if f.kind is Person),
            organizations=tuple(Organization(*f.fields()) for f in found if f.kind is Organization),
            places=tuple(Place(*f.fields()) for f in found if f.kind is Place),
            source=self.source,
            publisher=self._publisher(),
            published=_published(version_created, embargoed),
            guid=self.item.get("guid") or None,
            version=_count(self.item.get("version") or "1"),  # the XSD's default
            corrects=next((_target(link) for link in links if self._is_previous(link)), None),
            url=next((link.get("href") for link in links if link.get("reluri") == CANONICAL), None),
            signals=tuple(q for s in self.item.iterfind("n:itemMeta/n:signal", _NS) if (q := s.get("qcode"))),
            item_type=self._item_type(),
            pub_status=self._pub_status(),
            embargoed=embargoed,
            urgency=_count(
                self.meta.findtext("n:urgency", namespaces=_NS) if self.meta is not None else None
            ),
            first_created=self._time("n:itemMeta/n:firstCreated"),
            version_created=version_created,
            content_created=self._time("n:contentMeta/n:contentCreated"),
            content_modified=self._time("n:contentMeta/n:contentModified"),
            rights=self._rights(),
            subjects=tuple(self._concept(s) for s in self._all("subject") if self._kind(s) is None),
            genres=tuple(self._concept(g) for g in self._all("genre")),
            keywords=tuple(t for k in self._all("keyword") if (t := self._text(k))),
            slugline=self._optional(self._first("slugline")),
            alternative_headlines=self._alternative_headlines(),
            credit=self._optional(self._first("creditline")),
            info_sources=tuple(self._concept(i) for i in self._all("infoSource")),
            editorial_notes=tuple(
                t for n in self.item.iterfind("n:itemMeta/n:edNote", _NS) if (t := self._note(n))
            ),
            located=self._concept(located) if (located := self._first("located")) is not None else None,
            renditions=self._renditions(self.item.iterfind("n:contentSet/n:remoteContent", _NS)),
            media=tuple(self._media(link) for link in links if link.find("n:itemClass", _NS) is not None),
            links=tuple(self._links(links)),
            body_xhtml=read.xhtml,
        )

    # --- metadata ---

    def _language(self) -> str:
        language = self._first("language")
        tag = language.get("tag") if language is not None else None
        return (tag or self.item.get(_XML_LANG) or "und").strip()

    def _headline(self) -> str | None:
        main = self._main_headline()
        return self._text(main) if main is not None else None

    def _main_headline(self) -> etree._Element | None:
        headlines = self._all("headline")
        return min(headlines, key=lambda h: (h.get("role") is not None, _rank(h))) if headlines else None

    def _alternative_headlines(self) -> tuple[str, ...]:
        main = self._main_headline()
        return tuple(t for h in self._all("headline") if h is not main and (t := self._text(h)))

    def _item_type(self) -> ItemType:
        item_class = self.item.find("n:itemMeta/n:itemClass", _NS)
        code = self._code(item_class, NATURE) if item_class is not None else None
        return _ITEM_TYPES.get(code or "", "text")

    def _pub_status(self) -> PubStatus:
        status = self.item.find("n:itemMeta/n:pubStatus", _NS)
        code = self._code(status, PUB_STATUS) if status is not None else None
        return _PUB_STATUSES.get(code or "", "usable")

    def _code(self, element: etree._Element, scheme: str) -> str | None:
        """The code of a concept element in an IPTC scheme, by QCode (any alias of it) or URI."""
        uri = element.get("uri") or self._resolve(element.get("qcode"))
        if uri is not None:
            uri = _http(uri)
            return uri[len(scheme) :] if uri.startswith(scheme) else None
        return None

    def _time(self, path: str) -> datetime | None:
        value = self.item.findtext(path, namespaces=_NS)
        try:
            return datetime.fromisoformat(value.strip()) if value and value.strip() else None
        except ValueError:
            return None  # the validator reports it; the article is still readable

    def _rights(self) -> Rights | None:
        info = self.item.find("n:rightsInfo", _NS)
        if info is None:
            return None
        holder = info.find("n:copyrightHolder", _NS)
        mining = info.find("n:dataMining", _NS)
        licence = info.find("n:link", _NS)
        rights = Rights(
            holder=self._concept(holder) if holder is not None else None,
            notice=self._optional(info.find("n:copyrightNotice", _NS)),
            usage_terms=self._optional(info.find("n:usageTerms", _NS)),
            licence=_target(licence) if licence is not None else None,
            data_mining=(mining.get("uri") or mining.get("qcode")) if mining is not None else None,
        )
        return rights if rights != Rights() else None

    def _concept(self, element: etree._Element) -> Concept:
        """A concept element: QCode as scheme and code (a literal as code alone), URI, name, role."""
        qcode, literal = element.get("qcode"), element.get("literal")
        scheme, colon, code = (qcode or "").partition(":")
        names = self._names(element)
        return Concept(
            name=names[0] if names is not None else None,
            scheme=scheme if colon else None,
            code=code if colon else literal,
            uri=element.get("uri") or self._resolve(qcode, self.declared),
            role=element.get("role"),
        )

    def _renditions(self, elements: Iterator[etree._Element]) -> tuple[Rendition, ...]:
        found = (r for e in elements if (r := _rendition(e)) is not None)
        return tuple(replace(r, name=self._name(r.name)) for r in found)

    def _name(self, qcode: str | None) -> str | None:
        """A QCode as the model keeps it: one in newsconv's local scheme is the plain name it stands for."""
        uri, local = self._resolve(qcode), _http(LOCAL_SCHEME)
        return uri[len(local) :] if uri is not None and uri.startswith(local) else qcode

    def _note(self, note: etree._Element) -> str:
        """An editorial note's text; one marked up in XHTML (a dpa notepad) gives a line per block."""
        blocks = body_markup.read(note, exact=False).paragraphs if len(note) and not self.exact else ()
        return "\n".join(blocks) or self._text(note)

    def _is_previous(self, link: etree._Element) -> bool:
        return self._is(link.get("rel"), ITEM_RELATION + "previousVersion")

    def _media(self, link: etree._Element) -> MediaItem:
        item_class = link.find("n:itemClass", _NS)
        code = self._code(item_class, NATURE) if item_class is not None else None
        return MediaItem(
            uri=link.get("residref"),
            item_type=_ITEM_TYPES.get(code or "", "picture"),
            caption=self._optional(link.find("n:description", _NS)),
            credit=self._optional(link.find("n:creditline", _NS)),
            renditions=self._renditions(link.iterfind("n:remoteContent", _NS)),
        )

    def _links(self, links: list[etree._Element]) -> Iterator[Link]:
        for link in links:
            href = _target(link)
            special = self._is_previous(link) or link.get("reluri") == CANONICAL
            if href is None or special or link.find("n:itemClass", _NS) is not None:
                continue
            title = link.get("title")
            if title is None and (child := link.find("n:title", _NS)) is not None:
                title = self._text(child)
            yield Link(href, self._name(link.get("rel")), title, link.get("contenttype"))

    def _description(self) -> etree._Element | None:
        descriptions = self._all("description")
        summary = DESCRIPTION_ROLE + "summary"
        summaries = [d for d in descriptions if self._is(d.get("role"), summary)]
        return next(iter(summaries or descriptions), None)

    def _byline(self) -> str | None:
        by = self._first("by")
        if by is not None:
            return self._optional(by)
        names = [found[0] for c in self._all("creator") if (found := self._names(c)) is not None]
        return ", ".join(names) or None

    def _publisher(self) -> str | None:
        provider = self.item.find("n:itemMeta/n:provider", _NS)
        if provider is None:
            return None
        names = [self._text(n) for n in provider.iterfind("n:name", _NS)]
        literal, qcode = provider.get("literal"), provider.get("qcode")
        if literal == GENERATOR and names == [UNKNOWN_PUBLISHER]:
            return None
        if names and names[0]:
            return names[0]
        if literal:
            return literal
        return (qcode.partition(":")[2] or qcode) if qcode else None

    # --- body ---

    def _body(self, headline: str | None, dateline: str | None) -> tuple[body_markup.ReadBody, str | None]:
        """The body newsconv can read first, and the title it carries."""
        for content in self.item.iterfind("n:contentSet/*", _NS):
            if _local(content) == "inlineXML":
                for payload in content.iterchildren(etree.Element):
                    if _local(payload) == "html":
                        body, title = _child(payload, "body"), _child(payload, "head", "title")
                    elif _local(payload) == "nitf":
                        body = _child(payload, "body", "body.content")
                        title = _child(payload, "body", "body.head", "hedline", "hl1")
                    else:
                        continue
                    if body is None:
                        return _NO_BODY, None
                    read = body_markup.read(body, exact=self.exact, headline=headline, dateline=dateline)
                    return read, self._text(title) if title is not None else None
            elif _local(content) == "inlineData" and (content.get("contenttype") or "").startswith(
                "text/plain"
            ):
                return self._plain_text(content.text or "", headline, dateline), None
        return _NO_BODY, None

    def _plain_text(self, text: str, headline: str | None, dateline: str | None) -> body_markup.ReadBody:
        """Paragraphs of ``text/plain`` content: split at blank lines."""
        blocks = [BlockText(self.exact).add(chunk).block("p") for chunk in _BLANK_LINE.split(text)]
        if not self.exact:
            blocks = _cut_dateline([b for b in blocks if b.text], dateline)
        return body_markup.ReadBody(tuple(b.text for b in blocks), None, {})

    def _spans(self, references: str) -> tuple[Span, ...]:
        """The spans of id'd elements; a ``continued`` piece extends the span before it."""
        spans: list[Span] = []
        for ref in references.split():
            mark = self.marks.get(ref)
            if mark is None:
                continue
            if "continued" in mark.classes and spans and spans[-1].paragraph == mark.paragraph:
                spans[-1] = Span(mark.paragraph, spans[-1].start, mark.end)
            else:
                spans.append(Span(mark.paragraph, mark.start, mark.end))
        return tuple(spans)

    # --- entities and quotes ---

    def _entities(self) -> list[EntityDraft]:
        found: list[EntityDraft] = []
        for subject in self._all("subject"):
            kind = self._kind(subject)
            if kind is not None:
                self._add(found, kind, subject)
        return found

    def _add(self, found: list[EntityDraft], kind: EntityKind, element: etree._Element) -> None:
        key = self._key(element)
        names = self._names(element) or self._names(self.asserts.get(key) if key is not None else None)
        if names is None:
            return
        name, aliases = names
        same = next((f for f in found if key is not None and f.key == key), None)
        if same is not None:
            same.aliases += [n for n in (name, *aliases) if n != same.name and n not in same.aliases]
            return
        base = element.get("qcode") or element.get("uri") or element.get("literal")
        if base is None:
            base = f"{_ID_PREFIXES[kind]}:{quote(name, safe='')}"
        found.append(EntityDraft(kind, self._unique(base), name, list(aliases), key=key))

    def _person(self, found: EntityDraft) -> Person:
        details = self.asserts.get(found.key) if found.key is not None else None
        title = affiliation = None
        if details is not None:
            job = next((r for r in details.iterfind("n:related", _NS) if r.get("reluri") == JOB_TITLE), None)
            title = self._optional(job.find("n:name", _NS)) if job is not None else None
            affiliation = self._optional(details.find("n:personDetails/n:affiliation/n:name", _NS))
        return Person(*found.fields(), title, affiliation)

    def _quotes(self, by_key: Mapping[_Key, EntityDraft]) -> tuple[Quote, ...]:
        quotes = []
        for number, part in enumerate(self.item.iterfind("n:partMeta", _NS), 1):
            refs = (part.get("contentrefs") or "").split()
            if not self.exact and not self._quote_refs(refs):
                continue  # a part of some other kind
            spans = self._spans(" ".join(refs))
            described = part.find("n:description", _NS)
            text = self._text(described) if described is not None else " ".join(self._span_texts(spans))
            alt = part.find("n:altId", _NS)
            ident = self._text(alt) if alt is not None else part.get("partid") or f"quote-{number}"
            speaker, speaker_text = self._speaker(part.find("n:creator", _NS), by_key)
            quotes.append(Quote(self._unique(ident), text, spans, speaker, speaker_text))
        return tuple(quotes)

    def _quote_refs(self, refs: list[str]) -> bool:
        """Whether ``refs`` name only quote spans in the body (and at least one)."""
        return bool(refs) and all(r in self.marks and "quote" in self.marks[r].classes for r in refs)

    def _speaker(
        self, creator: etree._Element | None, by_key: Mapping[_Key, EntityDraft]
    ) -> tuple[str | None, str | None]:
        """The speaker's entity id, if the creator is a person or organisation read, and how it is named."""
        if creator is None:
            return None, None
        key = self._key(creator)
        entity = by_key.get(key) if key is not None else None
        speaker = entity.id if entity is not None and entity.kind is not Place else None
        display = NAME_ROLE + "display"
        names = [(self._text(n), self._is(n.get("role"), display)) for n in creator.iterfind("n:name", _NS)]
        shown = next((t for t, is_display in names if is_display), None)
        if shown is None and speaker is None:
            shown = next((t for t, _ in names if t), None)
        return speaker, shown

    def _span_texts(self, spans: tuple[Span, ...]) -> Iterator[str]:
        for span in spans:
            yield self.paragraphs[span.paragraph][span.start : span.end]

    # --- concepts ---

    def _kind(self, element: etree._Element) -> EntityKind | None:
        uri = element.get("typeuri") or self._resolve(element.get("type"))
        if uri is None:
            return None
        uri = _http(uri)
        return _KINDS.get(uri[len(CPNATURE) :]) if uri.startswith(CPNATURE) else None

    def _key(self, element: etree._Element) -> _Key | None:
        """What a concept element names: its QCode's URI (or the QCode), its URI, or its literal."""
        qcode, uri, literal = element.get("qcode"), element.get("uri"), element.get("literal")
        if qcode:
            resolved = self._resolve(qcode)
            return ("uri", resolved) if resolved is not None else ("qcode", qcode)
        if uri:
            return "uri", _http(uri)
        return ("literal", literal) if literal is not None else None

    def _resolve(self, qcode: str | None, schemes: Mapping[str, str] | None = None) -> str | None:
        """The URI of a QCode whose scheme alias is known (in ``schemes``, else any assumed), else None."""
        alias, colon, code = (qcode or "").partition(":")
        base = (self.schemes if schemes is None else schemes).get(alias) if colon else None
        return _http(base + code) if base is not None else None

    def _is(self, qcode: str | None, uri: str) -> bool:
        return self._resolve(qcode) == uri

    def _names(self, element: etree._Element | None) -> tuple[str, tuple[str, ...]] | None:
        """The name (the first not ``nrol:alternate``, in the item's language if one is) and the others."""
        if element is None:
            return None
        names = [(text, n) for n in element.iterfind("n:name", _NS) if (text := self._text(n))]
        if not names:
            return None
        alternate = NAME_ROLE + "alternate"
        candidates = [i for i, (_, n) in enumerate(names) if not self._is(n.get("role"), alternate)]
        in_language = [i for i in candidates if _speaks(names[i][1].get(_XML_LANG), self.language)]
        main = (in_language or candidates or [0])[0]
        others = [text for i, (text, _) in enumerate(names) if i != main]
        if not self.exact:
            others = list(dict.fromkeys(t for t in others if t != names[main][0]))
        return names[main][0], tuple(others)

    # --- helpers ---

    def _text(self, element: etree._Element | None) -> str:
        return BlockText(self.exact).element(element).value() if element is not None else ""

    def _optional(self, element: etree._Element | None) -> str | None:
        """An element's text; None when it is missing (or, read loosely, empty)."""
        if element is None:
            return None
        text = self._text(element)
        return text if text or self.exact else None

    def _first(self, name: str) -> etree._Element | None:
        return self.meta.find(f"n:{name}", _NS) if self.meta is not None else None

    def _all(self, name: str) -> list[etree._Element]:
        return self.meta.findall(f"n:{name}", _NS) if self.meta is not None else []

    def _unique(self, ident: str) -> str:
        """``ident``, or with ``-2``, ``-3``… if an entity or quote of this item has it already."""
        candidate, number = ident, 1
        while candidate in self.used:
            number += 1
            candidate = f"{ident}-{number}"
        self.used.add(candidate)
        return candidate


def _schemes(item: etree._Element, assumed: tuple[str, ...]) -> dict[str, str]:
    """Scheme alias to URI: the writer's, the ``assumed`` catalogs', referenced ones, then the item's own."""
    schemes = dict(_WRITER_SCHEMES)
    for href in (*assumed, *(r.get("href", "") for r in item.iterfind("n:catalogRef", _NS))):
        schemes.update(_offline_schemes(href))
    for catalog in item.iterfind("n:catalog", _NS):
        schemes.update(_declared(catalog))
    return schemes


def _offline_schemes(href: str) -> Mapping[str, str]:
    """The schemes of a remote catalog, from its copy on the schema search path (empty if none)."""
    relative = newsml_rules._offline_catalog(href)
    if relative is None:
        return {}
    try:
        return _catalog_file(schema_store.locate(relative))
    except SchemaNotFoundError:
        return {}


@cache
def _catalog_file(path: Path) -> Mapping[str, str]:
    return MappingProxyType(_declared(parse_xml(path.read_bytes(), str(path))))


def _declared(catalog: etree._Element) -> dict[str, str]:
    return {
        alias: uri
        for scheme in catalog.iter(f"{{{NAR}}}scheme")
        if (alias := scheme.get("alias")) and (uri := scheme.get("uri"))
    }


def block_elements(container: etree._Element | None) -> Iterator[etree._Element]:
    """The outermost paragraph-like elements under ``container``, skipping page furniture."""
    if container is None:
        return
    for child in container.iterchildren(etree.Element):
        name = _local(child)
        if name in model_body.BLOCKS:
            yield child
        elif name not in body_markup.SKIPPED:
            yield from block_elements(child)


def _cut_dateline(blocks: list[Block], dateline: str | None) -> list[Block]:
    """The blocks with ``dateline`` cut from the start of the first that opens with it and goes on."""
    if not dateline:
        return blocks
    for number, block in enumerate(blocks):
        rest = block.text[len(dateline) :]
        if block.text.startswith(dateline) and rest[:1].isspace() and rest.strip():
            cut = len(block.text) - len(rest.lstrip())
            marks = {i: (max(s - cut, 0), max(e - cut, 0), c) for i, (s, e, c) in block.marks.items()}
            return [*blocks[:number], Block(block.name, block.text[cut:], marks), *blocks[number + 1 :]]
    return blocks


def _child(element: etree._Element, *path: str) -> etree._Element | None:
    """The first descendant along ``path`` of local names (any namespace), or None."""
    current: etree._Element | None = element
    for name in path:
        if current is None:
            return None
        current = next((c for c in current.iterchildren(etree.Element) if _local(c) == name), None)
    return current


def _local(element: etree._Element) -> str:
    return etree.QName(element).localname


def _rank(element: etree._Element) -> int:
    try:
        return int(element.get("rank") or 1)
    except ValueError:
        return 1


def _speaks(tag: str | None, language: str) -> bool:
    return tag is None or tag.split("-")[0].casefold() == language.split("-")[0].casefold()


def _http(uri: str) -> str:
    return "http://" + uri[len("https://") :] if uri.startswith("https://") else uri


def _published(version_created: datetime | None, embargoed: datetime | None) -> datetime | None:
    """When the item counts as published: its ``versionCreated``, unless that is before the embargo."""
    if version_created is None or embargoed is None:
        return version_created
    return version_created if aware(version_created) >= aware(embargoed) else None


def _count(value: str | None) -> int | None:
    try:
        return int(value.strip()) if value and value.strip() else None
    except ValueError:
        return None


def _target(link: etree._Element) -> str | None:
    """Where a link or rendition points; characters no IRI may hold (a space) are percent-encoded."""
    target = link.get("href") or link.get("residref")
    return _NOT_IN_IRI.sub(lambda m: quote(m[0]), target.strip()) if target else None


def _rendition(element: etree._Element) -> Rendition | None:
    href = _target(element)
    if href is None:
        return None
    return Rendition(
        href=href,
        mime_type=element.get("contenttype"),
        width=_count(element.get("width")),
        height=_count(element.get("height")),
        size=_count(element.get("size")),
        name=element.get("rendition"),
    )
