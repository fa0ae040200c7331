"""Writing IPTC NewsML-G2 2.35 (Power conformance): one ``newsItem`` per article (validated, like any
NewsML-G2 document, by :func:`newsconv.validate.newsml_g2.validate_document`).

How the model is carried, so that :mod:`newsconv.formats.newsml.reader` recovers it exactly:

- ``guid`` is :func:`newsconv.identity.article_iri`; ``versionCreated`` is ``published`` (a
  naive time is taken as UTC), else ``$SOURCE_DATE_EPOCH`` (reproducible builds), else when the
  source last changed (:mod:`newsconv.clock`), else now.
- ``provider`` has the publisher as ``literal``; with no publisher it is ``literal="newsconv"``
  named "newsconv (publisher unknown)", saying that newsconv made the item. ``generator`` is
  "newsconv", which tells the reader to take every text exactly as written.
- ``headline``, ``dateline``, ``by`` and ``description role="drol:summary"`` in ``contentMeta``
  carry headline, dateline, byline and description; ``language`` and ``xml:lang`` the language.
- Every person, organisation and place is a ``subject`` (``type`` cpnat:person, cpnat:organisation,
  cpnat:geoArea) whose ``literal`` is the model id, whose first ``name`` is the name and whose
  further ``name role="nrol:alternate"`` elements are the aliases. A person's title and
  affiliation go in an ``assert literal=<id>`` (the guidelines' way to detail a subject): the
  title as ``related reluri="https://schema.org/jobTitle"`` with a ``name``, the affiliation as
  ``personDetails/affiliation`` with a ``name`` (and the organisation's ``literal`` when the text
  is one of its names). ``located`` is the first place whose name or alias the dateline contains.
- The body is XHTML in ``inlineXML``: ``head/title`` is the headline, one ``p`` per paragraph.
  The words of each quote span are wrapped in ``span class="quote" id="q<n>-s<k>"`` and each
  entity mention in ``span class="mention" id="e<n>-m<k>"`` (n counts quotes, or entities in the
  order persons, organisations, places; k counts spans, both from 1). A span that crosses
  another is cut in two at the crossing; the later pieces get ids ``…-f2``, ``…-f3`` and the
  extra class ``continued``. The paragraph text is exactly the ``p`` element's text.
- Each quote is a ``partMeta partid="q<n>"`` whose ``contentrefs`` lists its span pieces in
  order; ``altId`` holds the quote's model id, ``description`` its text, and ``creator`` its
  speaker: ``type`` and ``literal`` as the speaker's subject, the speaker's ``name``, and the
  speaker text (for an unnamed speaker, only this) as ``name role="nrol:display"``.
- Each entity with mentions gets an ``inlineRef`` with ``idrefs`` (its span pieces), ``type``
  and ``literal`` as its subject.
- Characters XML 1.0 forbids become U+FFFD one for one, so offsets stay right; in names and
  ``literal`` values (g2normalizedString) tabs and line breaks become spaces. A language that is
  no BCP 47-like tag becomes ``und``. Spans outside their paragraph are left out.
"""

from __future__ import annotations

import os
import re
from collections import defaultdict
from datetime import UTC, datetime, timedelta
from typing import Any, NamedTuple

from lxml import etree

from newsconv import body as model_body
from newsconv import clock, identity
from newsconv.model import (
    Article,
    Concept,
    Entity,
    Link,
    MediaItem,
    Organization,
    Person,
    Quote,
    Rendition,
    Rights,
    Span,
)
from newsconv.validate import newsml_rules

NAR = "http://iptc.org/std/nar/2006-10-01/"
XHTML = "http://www.w3.org/1999/xhtml"
XML_NS = "http://www.w3.org/XML/1998/namespace"
CATALOG = "http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_41.xml"
GENERATOR = "newsconv"
UNKNOWN_PUBLISHER = f"{GENERATOR} (publisher unknown)"
JOB_TITLE = "https://schema.org/jobTitle"
LOCAL_ALIAS = "ncname"
LOCAL_SCHEME = "https://newsconv.invalid/name/"
"""The scheme of names that are no QCode (a ninjs rendition "thumbnail", a link relation "related"):
written as ``ncname:thumbnail`` where G2 wants a QCode, the alias declared in the item's catalog."""
CANONICAL = "http://www.iana.org/assignments/relation/canonical"
"""The IANA link relation naming an article's own web page (the model's ``url``)."""

_FORBIDDEN = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_BREAKS = re.compile("[\t\n\r]")
_QCODE = re.compile(r"[^\s:]+:\S+")
# An XML name without a colon (XML Namespaces' NCName), which G2 requires of a scheme alias; the
# ASCII subset: an alias outside it stays undeclared (the concept keeps its URI).
_NCNAME = re.compile(r"[A-Za-z_][A-Za-z0-9_.-]*")
_MAX_OFFSET = timedelta(hours=14)
_LAYOUT = {f"{{{XHTML}}}{name}" for name in ("html", "head", "body")}
_NAR_NSMAP: dict[Any, str] = {None: NAR}
_XHTML_NSMAP: dict[Any, str] = {None: XHTML}


class _Mark(NamedTuple):
    """A span to wrap in a paragraph: characters, rank (quotes before mentions), id, class."""

    start: int
    end: int
    rank: int
    base: str
    css: str


def write(article: Article) -> str:
    """The article as a pretty-printed NewsML-G2 newsItem (UTF-8, XML declaration, deterministic)."""
    root = build(article)
    _indent(root, 0)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8").decode("utf-8") + "\n"


def build(article: Article) -> etree._Element:
    """The newsItem element of an article, children in the order the XSD demands."""
    language = _language(article.language)
    root = etree.Element(_nar("newsItem"), nsmap=_NAR_NSMAP)
    for name, value in (
        ("guid", identity.article_guid(article)),
        ("version", str(article.version or 1)),
        ("standard", "NewsML-G2"),
        ("standardversion", "2.35"),
        ("conformance", "power"),
        (f"{{{XML_NS}}}lang", language),
    ):
        root.set(name, value)
    _sub(root, "catalogRef", attrib={"href": CATALOG})
    _catalog(root, article)
    if article.rights is not None:
        _rights(root, article.rights)
    _item_meta(root, article)
    _content_meta(root, article, language)
    html, refs = xhtml_body(article)
    for number, quote in enumerate(article.quotes, 1):
        _part_meta(root, article, quote, number, _refs(refs, f"q{number}-s", quote.spans))
    for person in article.persons:
        _person_details(root, article, person)
    for number, entity in enumerate(article.entities, 1):
        ids = _refs(refs, f"e{number}-m", entity.mentions)
        if ids:
            _sub(
                root, "inlineRef", attrib={"idrefs": ids, "type": _type(entity), "literal": _label(entity.id)}
            )
    content = _sub(root, "contentSet")
    if article.paragraphs or not article.renditions:
        _sub(content, "inlineXML", attrib={"contenttype": "application/xhtml+xml"}).append(html)
    for rendition in article.renditions:
        _remote_content(content, rendition)
    return root


def version_created(published: datetime | None) -> datetime:
    """When this version was made: ``published``, else ``$SOURCE_DATE_EPOCH``, else when the source
    last changed, else now; never naive."""
    if published is None:
        moment = _source_date_epoch() or clock.source_changed() or datetime.now(UTC)
    elif published.utcoffset() is None:
        moment = published.replace(tzinfo=UTC)
    else:
        moment = published
    offset = moment.utcoffset() or timedelta(0)
    if offset % timedelta(minutes=1) or abs(offset) > _MAX_OFFSET:
        moment = moment.astimezone(UTC)
    return moment


def _source_date_epoch() -> datetime | None:
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    try:
        return datetime.fromtimestamp(int(value), UTC) if value else None
    except (ValueError, OverflowError, OSError):
        return None


def _item_meta(root: etree._Element, article: Article) -> None:
    meta = _sub(root, "itemMeta")
    _sub(meta, "itemClass", attrib={"qcode": f"ninat:{article.item_type}"})
    if article.publisher and article.publisher.strip():
        _sub(meta, "provider", attrib={"literal": _label(article.publisher)})
    else:
        provider = _sub(meta, "provider", attrib={"literal": GENERATOR})
        _sub(provider, "name", UNKNOWN_PUBLISHER)
    _sub(meta, "versionCreated", version_created(article.version_created or article.published).isoformat())
    if article.first_created is not None:
        _sub(meta, "firstCreated", article.first_created.isoformat())
    if article.embargoed is not None:
        _sub(meta, "embargoed", article.embargoed.isoformat())
    _sub(meta, "pubStatus", attrib={"qcode": f"stat:{article.pub_status}"})
    _sub(meta, "generator", GENERATOR)
    for note in article.editorial_notes:
        _sub(meta, "edNote", _text(note))
    for signal in article.signals:
        if _is_qcode(signal):
            _sub(meta, "signal", attrib={"qcode": signal})
    if article.url is not None:
        _sub(meta, "link", attrib={"reluri": CANONICAL, "href": article.url})
    if article.corrects is not None:
        _sub(meta, "link", attrib={"rel": "irel:previousVersion", "residref": _label(article.corrects)})
    for media in article.media:
        _media_link(meta, media)
    for link in article.links:
        _link(meta, link)


def _content_meta(root: etree._Element, article: Article, language: str) -> None:
    meta = _sub(root, "contentMeta")
    if article.urgency is not None:
        _sub(meta, "urgency", str(article.urgency))
    if article.content_created is not None:
        _sub(meta, "contentCreated", article.content_created.isoformat())
    if article.content_modified is not None:
        _sub(meta, "contentModified", article.content_modified.isoformat())
    if article.located is not None:
        _concept(meta, "located", article.located)
    for source in article.info_sources:
        _concept(meta, "infoSource", source)
    _sub(meta, "language", attrib={"tag": language})
    for genre in article.genres:
        _concept(meta, "genre", genre)
    for keyword in article.keywords:
        _sub(meta, "keyword", _label(keyword))
    for entity in article.entities:
        subject = _sub(meta, "subject", attrib={"type": _type(entity), "literal": _label(entity.id)})
        _sub(subject, "name", _label(entity.name))
        for alias in entity.aliases:
            _sub(subject, "name", _label(alias), {"role": "nrol:alternate"})
    for concept in article.subjects:
        _concept(meta, "subject", concept)
    if article.slugline is not None:
        _sub(meta, "slugline", _label(article.slugline))
    _sub(meta, "headline", _text(article.headline))
    for rank, alternative in enumerate(article.alternative_headlines, 2):
        _sub(meta, "headline", _text(alternative), {"rank": str(rank)})
    if article.dateline is not None:
        _sub(meta, "dateline", _text(article.dateline))
    if article.byline is not None:
        _sub(meta, "by", _text(article.byline))
    if article.credit is not None:
        _sub(meta, "creditline", _text(article.credit))
    if article.description is not None:
        _sub(meta, "description", _text(article.description), {"role": "drol:summary"})


def _concept(parent: etree._Element, name: str, concept: Concept) -> etree._Element:
    """A concept element: ``qcode`` (scheme and code), ``literal`` (a code alone, or one whose scheme
    holds white space, which no QCode can), ``uri``, ``role``, ``name``."""
    element = _sub(parent, name)
    if concept.qcode is not None and _is_qcode(concept.qcode):
        element.set("qcode", concept.qcode)
    elif concept.code is not None:
        element.set("literal", _label(concept.code))
    if concept.uri is not None:
        element.set("uri", concept.uri)
    if concept.role is not None and _is_qcode(concept.role):
        element.set("role", concept.role)
    if concept.name is not None:
        _sub(element, "name", _label(concept.name))
    return element


def _catalog(root: etree._Element, article: Article) -> None:
    """Declare the scheme aliases newsconv's IPTC catalog lacks, where a concept's URI tells the scheme."""
    known = newsml_rules.catalog_aliases(CATALOG) or frozenset()
    schemes: dict[str, str] = {}
    for concept in _concepts(article):
        scheme, code, uri = concept.scheme, concept.code, concept.uri
        if (
            scheme
            and code
            and uri
            and _declarable(scheme, known)
            and uri.endswith(code)
            and len(uri) > len(code)
        ):
            schemes.setdefault(scheme, uri[: -len(code)])
    if any(not _is_qcode(n) for n in _plain_names(article)):
        schemes[LOCAL_ALIAS] = LOCAL_SCHEME
    if schemes:
        catalog = _sub(root, "catalog")
        for alias, uri in schemes.items():
            _sub(catalog, "scheme", attrib={"alias": alias, "uri": uri})


def _declarable(scheme: str, known: frozenset[str]) -> bool:
    """Whether a scheme alias can be declared in the item's catalog: not already known, and an NCName."""
    return scheme not in known and _NCNAME.fullmatch(scheme) is not None


def _plain_names(article: Article) -> list[str]:
    """Rendition names and link relations, which G2 takes as QCodes."""
    renditions = [*article.renditions, *(r for m in article.media for r in m.renditions)]
    return [*(r.name for r in renditions if r.name), *(link.rel for link in article.links if link.rel)]


def _qcode(name: str) -> str | None:
    """A QCode for a name: itself, or in newsconv's local scheme; None for one with white space."""
    if _is_qcode(name):
        return name
    return f"{LOCAL_ALIAS}:{name}" if name and not any(c.isspace() for c in name) else None


def _concepts(article: Article) -> list[Concept]:
    """Every concept of the article that may name a scheme."""
    holder = article.rights.holder if article.rights is not None else None
    return [
        *article.subjects,
        *article.genres,
        *article.info_sources,
        *(c for c in (article.located, holder) if c is not None),
    ]


def _rights(root: etree._Element, rights: Rights) -> None:
    info = _sub(root, "rightsInfo")
    if rights.holder is not None:
        _concept(info, "copyrightHolder", rights.holder)
    if rights.notice is not None:
        _sub(info, "copyrightNotice", _text(rights.notice))
    if rights.usage_terms is not None:
        _sub(info, "usageTerms", _text(rights.usage_terms))
    if rights.licence is not None:
        _sub(info, "link", attrib={"href": rights.licence})
    if rights.data_mining is not None:
        kind = "qcode" if _is_qcode(rights.data_mining) and "/" not in rights.data_mining else "uri"
        _sub(info, "dataMining", attrib={kind: rights.data_mining})


def _media_link(meta: etree._Element, media: MediaItem) -> None:
    """An associated picture or video: a link whose hints are its item class, credit, caption, renditions."""
    link = _sub(meta, "link", attrib={"rel": "irel:seeAlso"})
    if media.uri is not None:
        link.set("residref", _label(media.uri))
    _sub(link, "itemClass", attrib={"qcode": f"ninat:{media.item_type}"})
    if media.credit is not None:
        _sub(link, "creditline", _text(media.credit))
    if media.caption is not None:
        _sub(link, "description", _text(media.caption), {"role": "drol:caption"})
    for rendition in media.renditions:
        _remote_content(link, rendition)


def _link(meta: etree._Element, link: Link) -> None:
    element = _sub(meta, "link", attrib={"href": link.href})
    rel = _qcode(link.rel) if link.rel is not None else None
    if rel is not None:
        element.set("rel", rel)
    if link.mime_type is not None:
        element.set("contenttype", _label(link.mime_type))
    if link.title is not None:
        element.set("title", _label(link.title))


def _remote_content(parent: etree._Element, rendition: Rendition) -> None:
    element = _sub(parent, "remoteContent", attrib={"href": rendition.href})
    name = _qcode(rendition.name) if rendition.name is not None else None
    if name is not None:
        element.set("rendition", name)
    if rendition.mime_type is not None:
        element.set("contenttype", _label(rendition.mime_type))
    for name in ("size", "width", "height"):
        value = getattr(rendition, name)
        if value is not None:
            element.set(name, str(value))


def _is_qcode(value: str) -> bool:
    return _QCODE.fullmatch(value) is not None


def _part_meta(root: etree._Element, article: Article, quote: Quote, number: int, contentrefs: str) -> None:
    part = _sub(root, "partMeta", attrib={"partid": f"q{number}"})
    if contentrefs:
        part.set("contentrefs", contentrefs)
    _sub(part, "altId", _label(quote.id))
    if quote.speaker is not None or quote.speaker_text is not None:
        speaker = article.entity(quote.speaker) if quote.speaker is not None else None
        creator = _sub(part, "creator")
        if speaker is not None:
            creator.set("type", _type(speaker))
        if quote.speaker is not None:
            creator.set("literal", _label(quote.speaker))
        if speaker is not None:
            _sub(creator, "name", _label(speaker.name))
        if quote.speaker_text is not None:
            _sub(creator, "name", _label(quote.speaker_text), {"role": "nrol:display"})
    _sub(part, "description", _text(quote.text))


def _person_details(root: etree._Element, article: Article, person: Person) -> None:
    if person.title is None and person.affiliation is None:
        return
    details = _sub(root, "assert", attrib={"literal": _label(person.id)})
    if person.title is not None:
        _sub(_sub(details, "related", attrib={"reluri": JOB_TITLE}), "name", _label(person.title))
    if person.affiliation is not None:
        attrib = {"type": "cpnat:organisation"}
        employer = next(
            (o for o in article.organizations if person.affiliation in (o.name, *o.aliases)), None
        )
        if employer is not None:
            attrib["literal"] = _label(employer.id)
        affiliation = _sub(_sub(details, "personDetails"), "affiliation", attrib=attrib)
        _sub(affiliation, "name", _label(person.affiliation))


def xhtml_body(article: Article) -> tuple[etree._Element, dict[str, list[str]]]:
    """The XHTML body and, for each span's base id, the ids of the pieces it was written as.

    The body is ``body_xhtml`` when the article has one, else one ``p`` per paragraph; the words
    of quotes and mentions are wrapped in ``span`` elements where they lie in each block's text.
    """
    html = etree.Element(_xhtml_tag("html"), nsmap=_XHTML_NSMAP)
    etree.SubElement(etree.SubElement(html, _xhtml_tag("head")), _xhtml_tag("title")).text = _text(
        article.headline
    )
    body = etree.SubElement(html, _xhtml_tag("body"))
    marks = _marks(article)
    refs: dict[str, list[str]] = {}
    if article.body_xhtml is None:
        for number, paragraph in enumerate(article.paragraphs):
            text = _text(paragraph)
            _fill(etree.SubElement(body, _xhtml_tag("p")), text, 0, len(text), marks[number], refs)
        return html, refs
    structure = model_body.parse(article.body_xhtml)
    for number, block in enumerate(list(model_body.blocks(structure))):
        _mark_block(block, marks[number], refs)
    for element in structure.iter(etree.Element):
        if not element.tag.startswith("{"):
            element.tag = _xhtml_tag(element.tag)
    for child in structure:
        body.append(child)
    return html, refs


def _mark_block(block: etree._Element, marks: list[_Mark], refs: dict[str, list[str]]) -> None:
    """Wrap the marks in a structured block, cut where its text is split by inline elements."""
    offset = 0
    segments: list[tuple[etree._Element, str, int, int]] = []
    for element, where in model_body.slots(block):
        if where == "text" and element.tag == "br":
            offset += 1  # a line break is one space of the paragraph
            continue
        text = getattr(element, where) or ""
        segments.append((element, where, offset, offset + len(text)))
        offset += len(text)
    placed: set[int] = set()
    for element, where, start, end in segments:
        inside = []
        for number, mark in enumerate(marks):
            if mark.start == mark.end:
                if start <= mark.start <= end and number not in placed:
                    placed.add(number)
                    inside.append(mark)
            elif mark.start < end and mark.end > start:
                inside.append(mark._replace(start=max(mark.start, start), end=min(mark.end, end)))
        if inside:
            _splice(element, where, start, end, inside, refs)


def _splice(
    element: etree._Element, where: str, start: int, end: int, marks: list[_Mark], refs: dict[str, list[str]]
) -> None:
    """Replace one text slot by the same text with the marks wrapped."""
    holder = etree.Element("holder")
    text = (" " * start) + (getattr(element, where) or "")
    _fill(holder, text, start, end, marks, refs)
    setattr(element, where, holder.text)
    parent, index = (element, 0) if where == "text" else (element.getparent(), None)
    if parent is None:
        return
    if index is None:
        index = parent.index(element) + 1
    for offset, child in enumerate(list(holder)):
        parent.insert(index + offset, child)


def _marks(article: Article) -> dict[int, list[_Mark]]:
    owners = [(f"q{n}-s", "quote", q.spans) for n, q in enumerate(article.quotes, 1)]
    owners += [(f"e{n}-m", "mention", e.mentions) for n, e in enumerate(article.entities, 1)]
    marks: dict[int, list[_Mark]] = defaultdict(list)
    for rank, (prefix, css, spans) in enumerate(owners):
        for number, span in enumerate(spans, 1):
            if _inside(article, span):
                marks[span.paragraph].append(_Mark(span.start, span.end, rank, f"{prefix}{number}", css))
    return marks


def _fill(
    parent: etree._Element, text: str, start: int, end: int, marks: list[_Mark], refs: dict[str, list[str]]
) -> None:
    """Write ``text[start:end]`` into ``parent``, wrapping each mark; crossing marks are cut."""
    position = start
    pending = sorted(marks, key=_order)
    while pending:
        mark, others = pending[0], pending[1:]
        _append(parent, text[position : mark.start])
        inner: list[_Mark] = []
        rest: list[_Mark] = []
        for other in others:
            if other.start >= mark.end:
                rest.append(other)
            elif other.end <= mark.end:
                inner.append(other)
            else:
                inner.append(other._replace(end=mark.end))
                rest.append(other._replace(start=mark.end))
        _fill(_span(parent, mark, refs), text, mark.start, mark.end, inner, refs)
        position = mark.end
        pending = sorted(rest, key=_order)
    _append(parent, text[position:end])


def _order(mark: _Mark) -> tuple[int, int, int]:
    return mark.start, -mark.end, mark.rank


def _span(parent: etree._Element, mark: _Mark, refs: dict[str, list[str]]) -> etree._Element:
    pieces = refs.setdefault(mark.base, [])
    ident = f"{mark.base}-f{len(pieces) + 1}" if pieces else mark.base
    css = f"{mark.css} continued" if pieces else mark.css
    pieces.append(ident)
    return etree.SubElement(parent, _xhtml_tag("span"), {"class": css, "id": ident})


def _append(parent: etree._Element, text: str) -> None:
    if not text:
        return
    if len(parent):
        parent[-1].tail = (parent[-1].tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def _refs(refs: dict[str, list[str]], prefix: str, spans: tuple[Span, ...]) -> str:
    return " ".join(i for n in range(1, len(spans) + 1) for i in refs.get(f"{prefix}{n}", ()))


def _inside(article: Article, span: Span) -> bool:
    return 0 <= span.paragraph < len(article.paragraphs) and 0 <= span.start <= span.end <= len(
        article.paragraphs[span.paragraph]
    )


def _type(entity: Entity) -> str:
    if isinstance(entity, Person):
        return "cpnat:person"
    if isinstance(entity, Organization):
        return "cpnat:organisation"
    return "cpnat:geoArea"


def _language(tag: str) -> str:
    return tag if newsml_rules.is_valid_language_tag(tag) else "und"


def _text(value: str) -> str:
    """``value`` with every character XML 1.0 forbids replaced by U+FFFD, one for one."""
    return _FORBIDDEN.sub("\ufffd", value)


def _label(value: str) -> str:
    """``value`` fit for a g2normalizedString: XML-safe, tabs and line breaks made spaces."""
    return _BREAKS.sub(" ", _text(value))


def _indent(element: etree._Element, depth: int) -> None:
    """Indent element-only content; XHTML text containers are left exactly as written."""
    children = list(element)
    if not children or element.text is not None:
        return
    if element.tag.startswith(f"{{{XHTML}}}") and element.tag not in _LAYOUT:
        return
    padding = "\n" + "  " * (depth + 1)
    element.text = padding
    for child in children:
        _indent(child, depth + 1)
        child.tail = padding
    children[-1].tail = "\n" + "  " * depth


def _sub(
    parent: etree._Element, name: str, text: str | None = None, attrib: dict[str, str] | None = None
) -> etree._Element:
    element = etree.SubElement(parent, _nar(name), attrib or {})
    if text is not None:
        element.text = text
    return element


def _nar(name: str) -> str:
    return f"{{{NAR}}}{name}"


def _xhtml_tag(name: str) -> str:
    return f"{{{XHTML}}}{name}"
