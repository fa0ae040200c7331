"""The news metadata of an article in ninjs 3.1 / 2.2: identity, status, dates, rights, vocabularies, media.

:mod:`newsconv.formats.ninjs` writes and reads the text (headlines, bodies, entities, quotes); this
module maps the rest of the model onto ninjs properties (3.1 names; 2.2 lower-cases them and calls
``embargoedUntil`` ``embargoed``) and back:

- ``uri`` the guid (a content-derived ``urn:uuid`` when there is none), ``version``, ``type`` the item
  type, ``pubStatus``, ``embargoedUntil``, ``urgency``, ``firstCreated``, ``versionCreated`` (this
  version; the published time when the item has no version time), ``contentCreated``.
- Rights: ``copyrightHolder`` (the holder's name), ``copyrightNotice``, ``usageTerms``,
  ``rightsInfo.linkedRights`` (the licence URL).
- Vocabularies: ``subjects`` and ``genres`` entries with ``name``, ``uri``, ``literal`` (the QCode
  ``scheme:code``, or the bare code) and, for subjects, ``rel`` (the role); keywords are ``subjects``
  entries with ``rel`` "keyword" (ninjs has no keywords); ``infoSources`` (``role``), the publisher
  first with role "publisher"; ``located`` the located place's name, and its identifiers as a
  ``places`` entry with ``rel`` "located".
- ``slugline``; alternative headlines are ``headlines`` with role "alternative"; ``edNote`` the
  editorial notes (joined by blank lines); the dateline and the credit line are ``descriptions``
  with role "dateline" and "credit" (ninjs has neither); ``altIds`` role "url" the web page.
- ``renditions`` the item's own files (``name`` "" when it has none: ninjs requires one); associated
  media are ``associations`` named ``m<n>`` (``rel`` "media" in 3.1) with their type, caption
  (description role "caption"), credit and renditions; links are ``associations`` named ``l<n>``
  with ``uri`` the href, ``rel`` (3.1 only), the title as headline and the media type as a rendition.

What ninjs has no place for: ``content_modified``, ``corrects``, ``signals``, the rights holder's
identifiers and the data-mining preference, a genre's role, a link's ``rel`` in 2.2.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from newsconv import identity
from newsconv.formats.newsml.writer import version_created
from newsconv.model import ITEM_TYPES, Article, Author, Concept, ItemType, Link, MediaItem, Rendition, Rights

V3 = "3.1"
KEYWORD = "keyword"
SECTION = "section"
AUTHOR = "author"
LOCATED = "located"
PUBLISHER = "publisher"
ALTERNATIVE = "alternative"
URL_ROLE = "url"
DATELINE = "dateline"
CREDIT = "credit"
CAPTION = "caption"
MEDIA = "media"
_NOTE_SEPARATOR = "\n\n"
_MEDIA_TYPES: dict[str, ItemType] = {t: t for t in ITEM_TYPES if t not in ("text", "composite")}
REFUSED_TYPES = frozenset({"event", "planning"})
"""ninjs types that describe no news item: an event or a planning item is refused, not read."""


# --- writing ---


def moment(value: datetime) -> str:
    """An RFC 3339 date-time (a naive time taken as UTC)."""
    return version_created(value).isoformat()


def identity_and_dates(article: Article) -> dict[str, Any]:
    """``uri``, ``version``, ``type``, status, embargo, urgency and the dates, 3.1 names."""
    document: dict[str, Any] = {"uri": article.guid or identity.article_uuid(article).urn}
    if article.version is not None:
        document["version"] = str(article.version)
    document["type"] = article.item_type
    times = {
        "firstCreated": article.first_created,
        "versionCreated": article.version_created or article.published,
        "contentCreated": article.content_created,
        "embargoedUntil": article.embargoed,
    }
    document.update({key: moment(value) for key, value in times.items() if value is not None})
    if article.pub_status != "usable":
        document["pubStatus"] = article.pub_status
    if article.urgency is not None:
        document["urgency"] = article.urgency
    return document


def rights(value: Rights | None) -> dict[str, Any]:
    """``copyrightHolder``, ``copyrightNotice``, ``usageTerms`` and ``rightsInfo``."""
    if value is None:
        return {}
    holder = value.holder.name if value.holder is not None else None
    pairs = {"copyrightHolder": holder, "copyrightNotice": value.notice, "usageTerms": value.usage_terms}
    document: dict[str, Any] = {key: text for key, text in pairs.items() if text is not None}
    if value.licence is not None:
        document["rightsInfo"] = {"linkedRights": value.licence}
    return document


def concept(value: Concept, rel_key: str | None = "rel") -> dict[str, str]:
    """A ``subjects`` / ``genres`` / ``infoSources`` / ``places`` entry for a concept."""
    entry: dict[str, str] = {}
    if value.name is not None:
        entry["name"] = value.name
    if value.role is not None and rel_key is not None:
        entry[rel_key] = value.role
    if value.uri is not None:
        entry["uri"] = value.uri
    literal = value.qcode or value.code
    if literal is not None:
        entry["literal"] = literal
    return entry


def vocabularies(article: Article) -> dict[str, Any]:
    """``subjects`` (with keywords), ``genres``, ``infoSources``, ``slugline``, ``located``, ``edNote``, ``altIds``."""
    document: dict[str, Any] = {}
    subjects = [concept(s) for s in article.subjects] + [
        {"name": k, "rel": KEYWORD} for k in article.keywords
    ]
    subjects += [{"name": article.section, "rel": SECTION}] if article.section is not None else []
    if subjects:
        document["subjects"] = subjects
    if article.genres:
        document["genres"] = [concept(g, None) for g in article.genres]
    sources = []
    if article.publisher is not None:
        uri = {"uri": article.publisher_url} if article.publisher_url is not None else {}
        sources.append({"name": article.publisher, "role": PUBLISHER, **uri})
    sources += [concept(s, "role") for s in article.info_sources]
    if sources:
        document["infoSources"] = sources
    if article.slugline is not None:
        document["slugline"] = article.slugline
    if article.located is not None and article.located.name is not None:
        document["located"] = article.located.name
    if article.editorial_notes:
        document["edNote"] = _NOTE_SEPARATOR.join(article.editorial_notes)
    if article.url is not None:
        document["altIds"] = [{"role": URL_ROLE, "value": article.url}]
    return document


def author_entries(article: Article) -> list[dict[str, str]]:
    """The CMS's authors as ``people`` entries with ``rel`` "author" (their profile page as ``uri``)."""
    return [
        {"name": a.name, "rel": AUTHOR, **({"uri": a.url} if a.url is not None else {})}
        for a in article.authors
    ]


def located_place(article: Article) -> list[dict[str, str]]:
    """The ``places`` entry that identifies the located place (``rel`` "located")."""
    if article.located is None:
        return []
    return [{**concept(article.located, None), "rel": LOCATED}]


def headlines(article: Article) -> list[dict[str, str]]:
    """The alternative headlines, after the main one."""
    return [{"role": ALTERNATIVE, "value": h} for h in article.alternative_headlines]


def descriptions(article: Article) -> list[dict[str, str]]:
    """The dateline and credit line, which ninjs has no property for, as described descriptions."""
    pairs = ((DATELINE, article.dateline), (CREDIT, article.credit))
    return [{"role": role, "value": value} for role, value in pairs if value is not None]


def rendition(value: Rendition) -> dict[str, Any]:
    """A ``renditions`` entry (``name`` "" when the rendition has none: ninjs requires a name)."""
    entry: dict[str, Any] = {"name": value.name if value.name is not None else "", "href": value.href}
    pairs = {"contentType": value.mime_type, "width": value.width, "height": value.height}
    entry.update({key: item for key, item in pairs.items() if item is not None})
    if value.size is not None:
        entry["sizeInBytes"] = value.size
    return entry


def media_association(article: Article, item: MediaItem, number: int, version: str) -> dict[str, Any]:
    """An associated picture, video, audio or graphic: ``associations`` entry ``m<n>``."""
    uri = item.uri if item.uri is not None else identity.node_iri(article, f"media-{number}")
    entry: dict[str, Any] = {"name": f"m{number}", "uri": uri}
    if version == V3:
        entry["rel"] = MEDIA
    entry["type"] = item.item_type
    pairs = ((CAPTION, item.caption), (CREDIT, item.credit))
    texts = [{"role": role, "value": value} for role, value in pairs if value is not None]
    if texts:
        entry["descriptions"] = texts
    if item.renditions:
        entry["renditions"] = [rendition(r) for r in item.renditions]
    return entry


def link_association(link: Link, number: int, version: str) -> dict[str, Any]:
    """A link: ``associations`` entry ``l<n>`` whose ``uri`` is the link's target."""
    entry: dict[str, Any] = {"name": f"l{number}", "uri": link.href}
    if version == V3 and link.rel is not None:
        entry["rel"] = link.rel
    if link.title is not None:
        entry["headlines"] = [{"value": link.title}]
    if link.mime_type is not None:
        entry["renditions"] = [{"name": "", "href": link.href, "contentType": link.mime_type}]
    return entry


def associations(article: Article, version: str) -> list[dict[str, Any]]:
    """The media and link associations (quotes are written by :mod:`newsconv.formats.ninjs`)."""
    media = [media_association(article, m, n, version) for n, m in enumerate(article.media, 1)]
    return media + [link_association(link, n, version) for n, link in enumerate(article.links, 1)]


# --- reading (keys lower-cased) ---


def _string(node: dict[str, Any], key: str) -> str | None:
    value = node.get(key)
    return value if isinstance(value, str) else None


def integer(node: dict[str, Any], key: str) -> int | None:
    value = node.get(key)
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _objects(node: dict[str, Any], key: str) -> list[dict[str, Any]]:
    value = node.get(key)
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def read_moment(node: dict[str, Any], *keys: str) -> datetime | None:
    """The first of the date-time properties present; one that is no RFC 3339 time is ignored
    (the validator reports it, the article is still readable)."""
    for key in keys:
        value = _string(node, key)
        if value:
            try:
                return datetime.fromisoformat(value.strip())
            except ValueError:
                return None
    return None


def read_concept(entry: dict[str, Any], rel_key: str | None = "rel") -> Concept:
    """The concept of a ``subjects`` / ``genres`` / ``infoSources`` / ``places`` entry."""
    literal = _string(entry, "literal")
    scheme, colon, code = (literal or "").partition(":")
    return Concept(
        name=_string(entry, "name"),
        scheme=scheme if colon else None,
        code=(code if colon else literal) or None,
        uri=_string(entry, "uri"),
        role=_string(entry, rel_key) if rel_key is not None else None,
    )


def item_type(item: dict[str, Any]) -> ItemType:
    """The model's item type of a ninjs ``type`` ("component" is a part of a composite: composite)."""
    value = _string(item, "type")
    if value == "component":
        return "composite"
    return next((t for t in ITEM_TYPES if t == value), "text")


def version(item: dict[str, Any]) -> int | None:
    value = _string(item, "version")
    return int(value) if value is not None and value.isdecimal() and len(value) < 10 else None


def read_rights(item: dict[str, Any]) -> Rights | None:
    info = item.get("rightsinfo")
    licence = _string(info, "linkedrights") if isinstance(info, dict) else None
    holder = _string(item, "copyrightholder")
    value = Rights(
        holder=Concept(name=holder) if holder is not None else None,
        notice=_string(item, "copyrightnotice"),
        usage_terms=_string(item, "usageterms"),
        licence=licence,
    )
    return value if value != Rights() else None


def read_subjects(item: dict[str, Any]) -> tuple[tuple[Concept, ...], tuple[str, ...], str | None]:
    """The subjects, the keywords and the section (subjects with ``rel`` "keyword" and "section")."""
    subjects: list[Concept] = []
    keywords: list[str] = []
    sections: list[str] = []
    for entry in _objects(item, "subjects"):
        name = _string(entry, "name")
        plain = set(entry) <= {"name", "rel"}
        if name is not None and plain and entry.get("rel") == KEYWORD:
            keywords.append(name)
        elif name is not None and plain and entry.get("rel") == SECTION and not sections:
            sections.append(name)
        else:
            subjects.append(read_concept(entry))
    return tuple(subjects), tuple(keywords), sections[0] if sections else None


def read_authors(item: dict[str, Any]) -> tuple[Author, ...]:
    """The ``people`` entries with ``rel`` "author"."""
    return tuple(
        Author(name, _string(entry, "uri"))
        for entry in _objects(item, "people")
        if entry.get("rel") == AUTHOR and (name := _string(entry, "name")) is not None
    )


def read_publisher_url(item: dict[str, Any], exact: bool) -> str | None:
    entries = _objects(item, "infosources")
    first = next((e for e in entries if str(e.get("role", "")).casefold() == PUBLISHER), None)
    return _string(first, "uri") if first is not None and (not exact or first is entries[0]) else None


def read_sources(item: dict[str, Any], exact: bool) -> tuple[str | None, tuple[Concept, ...]]:
    """The publisher (the first ``infoSources`` entry with role "publisher") and the other info sources.

    A document newsconv did not write keeps every entry as an info source too.
    """
    entries = _objects(item, "infosources")
    index = next((i for i, e in enumerate(entries) if str(e.get("role", "")).casefold() == PUBLISHER), None)
    if exact and index not in (0, None):
        index = None
    publisher = _string(entries[index], "name") if index is not None else None
    kept = [e for i, e in enumerate(entries) if not (exact and i == index)]
    return publisher, tuple(read_concept(e, "role") for e in kept)


def read_located(item: dict[str, Any]) -> Concept | None:
    """The located place: the ``places`` entry with ``rel`` "located", named by ``located``."""
    name = _string(item, "located")
    entry = next((e for e in _objects(item, "places") if e.get("rel") == LOCATED), None)
    if entry is None:
        return Concept(name=name) if name is not None else None
    found = read_concept(entry, None)
    return Concept(name, found.scheme, found.code, found.uri) if name is not None else found


def is_located(entry: dict[str, Any]) -> bool:
    """Whether a ``places`` entry is the located place rather than a place the content mentions."""
    return entry.get("rel") == LOCATED


def is_author(entry: dict[str, Any]) -> bool:
    """Whether a ``people`` entry is an author rather than a person the content mentions."""
    return entry.get("rel") == AUTHOR


def read_notes(item: dict[str, Any]) -> tuple[str, ...]:
    note = _string(item, "ednote")
    return tuple(note.split(_NOTE_SEPARATOR)) if note else ()


def read_url(item: dict[str, Any]) -> str | None:
    return next((_string(a, "value") for a in _objects(item, "altids") if a.get("role") == URL_ROLE), None)


def described(item: dict[str, Any], role: str) -> str | None:
    """The value of the (first) description with this role."""
    return next((_string(d, "value") for d in _objects(item, "descriptions") if d.get("role") == role), None)


def read_rendition(entry: dict[str, Any]) -> Rendition | None:
    href = _string(entry, "href")
    if href is None:
        return None
    name = _string(entry, "name")
    return Rendition(
        href=href,
        mime_type=_string(entry, "contenttype"),
        width=integer(entry, "width"),
        height=integer(entry, "height"),
        size=integer(entry, "sizeinbytes"),
        name=name or None,
    )


def read_renditions(item: dict[str, Any]) -> tuple[Rendition, ...]:
    return tuple(r for e in _objects(item, "renditions") if (r := read_rendition(e)) is not None)


def read_media(entry: dict[str, Any], exact: bool) -> MediaItem | None:
    """An associated media item: in a document newsconv wrote, an association ``m<n>``; in any
    other, an association whose ``type`` is picture, video, audio or graphic."""
    kind = _MEDIA_TYPES.get(_string(entry, "type") or "")
    named = (_string(entry, "name") or "").startswith("m")
    if kind is None or (exact and not named):
        return None
    caption = described(entry, CAPTION)
    if caption is None and not exact:
        plain = [d for d in _objects(entry, "descriptions") if "html" not in str(d.get("contenttype", ""))]
        caption = next((v for d in plain if (v := _string(d, "value"))), None)
    return MediaItem(_string(entry, "uri"), kind, caption, described(entry, CREDIT), read_renditions(entry))


def read_link(entry: dict[str, Any]) -> Link | None:
    """A link association ``l<n>`` of a document newsconv wrote."""
    name, href = _string(entry, "name") or "", _string(entry, "uri")
    if not (name.startswith("l") and name[1:].isdecimal()) or href is None:
        return None
    headline = next(iter(_objects(entry, "headlines")), {})
    mime = next((_string(r, "contenttype") for r in _objects(entry, "renditions")), None)
    return Link(href, _string(entry, "rel"), _string(headline, "value"), mime)


def read_associations(item: dict[str, Any], exact: bool) -> tuple[tuple[MediaItem, ...], tuple[Link, ...]]:
    entries = _objects(item, "associations")
    media = tuple(m for e in entries if (m := read_media(e, exact)) is not None)
    links = tuple(k for e in entries if (k := read_link(e)) is not None) if exact else ()
    return media, links


def without_minted_uris(article: Article, media: Iterable[MediaItem]) -> tuple[MediaItem, ...]:
    """The media items with the uris the writer minted for those that had none taken away again."""
    return tuple(
        MediaItem(None, m.item_type, m.caption, m.credit, m.renditions)
        if m.uri == identity.node_iri(article, f"media-{n}")
        else m
        for n, m in enumerate(media, 1)
    )
