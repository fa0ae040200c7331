"""IPTC ninjs 3.1 (default) and 2.2: the writer, the reader of both versions, and their validator.

2.2 and 3.1 share one shape; 2.2 spells every property in lower case (``versioncreated``,
``contenttype``, ``infosources``) where 3.1 uses camelCase, and only 3.1 has an association ``rel``.
So the writer builds the 3.1 document and lower-cases its keys for 2.2, and the reader lower-cases
the keys of whatever it reads. The version is the ``standard`` object's ``version`` or ``schema``
(or a ``$schema``), else the schema that knows most of the document's property names.

How the model is carried (3.1 names), so that :func:`read` recovers it exactly:

- ``uri`` is :func:`newsconv.identity.article_iri`; ``type`` is "text"; ``profile`` "newsconv" says
  that newsconv wrote the document, which tells the reader to take every text exactly as written.
- ``headlines`` (role "main"), ``descriptions`` (role "summary"), ``by`` the byline, ``language``,
  ``versionCreated`` the published time (a naive time is taken as UTC, an offset RFC 3339 cannot
  write becomes UTC), ``infoSources`` role "publisher" the publisher. ninjs has no dateline: its
  nearest property, ``located`` ("the name of the location from which the content originates"),
  carries it.
- ``bodies``: role "main" ``text/plain`` (paragraphs joined by a blank line) for consumers, and role
  "richtext" ``application/xhtml+xml``, one ``p`` per paragraph, built by the NewsML-G2 writer's
  XHTML code: quote spans are ``span class="quote" id="q<n>-s<k>"``, entity mentions
  ``span class="mention" id="e<n>-m<k>"`` (n counts quotes, or entities in the order persons,
  organisations, places; pieces of a span cut by a crossing span get ``-f2``, ``-f3``…). The
  paragraphs are read from the XHTML; a character XML forbids is U+FFFD there, one for one, and
  is taken back from the plain body, so paragraphs come back exactly.
- Persons, organisations and places are ``people``, ``organisations`` and ``places`` entries with
  ``rel`` "mentions", the name, and the model id as ``uri`` (an http(s) or urn id) or ``literal``;
  each alias is one more entry with the same id (the reader merges entries naming one concept).
- Quotes: ninjs has no quote object, and 3.1 allows no unknown properties (no extensions), so a
  quote is what ninjs offers for a part of the content: an ``associations`` entry, itself a ninjs
  object, named ``q<n>`` after its spans' ids in the XHTML body, with ``uri`` the quote's node IRI
  (the article ``uri`` ``#`` the percent-encoded model id), ``type`` "text", ``rel`` "quote" (3.1
  only), the quote's text as its body, the speaker as a ``people`` or ``organisations`` entry
  (``rel`` "speaker", the speaker's id and name) and the speaker text as ``by``. Standard ninjs
  consumers see a related text item and keep working; the reader recovers the quote whole.

What ninjs cannot carry, so a round trip normalises it: a person's ``title`` and ``affiliation``
(``people`` entries allow only name, rel, uri, literal and contactInfo) become None; a naive
``published`` comes back as UTC; spans outside their paragraph are left out.

Documents newsconv did not write are read loosely: 1.x properties (``headline``, ``body_xhtml``,
``body_html``, ``body_text``, ``byline``, ``description_text``) where 2.x/3.x ones are missing, the
``title`` or ``slugline`` as headline when there is none, language ``und`` when none is given, an
XHTML or HTML body's block elements as paragraphs (the plain body, split at blank lines, when there
is no markup body or it is not well-formed), whitespace runs as one space, entries without a name
skipped; associations are not quotes there, and no spans are read. The item ``type``, renditions,
subjects, events, rights and the rest are not read: the model cannot hold them.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import replace
from typing import Any
from urllib.parse import quote as percent_encode

from jsonschema import Draft202012Validator, FormatChecker
from lxml import etree
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from newsconv import identity, schema_store
from newsconv.errors import InputError
from newsconv.formats import body_markup
from newsconv.formats import ninjs_meta as meta
from newsconv.formats.newsml.reader import Block, BlockText, EntityDraft, EntityKind, block_elements
from newsconv.formats.newsml.writer import xhtml_body
from newsconv.model import PUB_STATUSES, Article, Entity, Organization, Person, Place, PubStatus, Quote, Span
from newsconv.secure import load_json, parse_xml
from newsconv.validate import json_schema
from newsconv.validate.findings import Finding

V3 = "3.1"
V2 = "2.2"
PROFILE = "newsconv"
RULE = "ninjs.schema"
XHTML_TYPE = "application/xhtml+xml"
PLAIN_TYPE = "text/plain"
SCHEMA_URI = "http://www.iptc.org/std/ninjs/ninjs-schema_{}.json#"
SCHEMAS = {V3: schema_store.NINJS_3_SCHEMA, V2: schema_store.NINJS_2_SCHEMA}

_LISTS: tuple[tuple[str, EntityKind, str], ...] = (
    ("people", Person, "person"),
    ("organisations", Organization, "organisation"),
    ("places", Place, "place"),
)
_URI_ID = re.compile(r"(?:https?://|urn:)\S+\Z", re.IGNORECASE)
_PUB_STATUSES: dict[str, PubStatus] = {status: status for status in PUB_STATUSES}
_META_ROLES = frozenset({meta.DATELINE, meta.CREDIT})
_QUOTE_NAME = re.compile(r"q(\d+)")
_PIECE = re.compile(r"(?:(q)(\d+)-s|(e)(\d+)-m)(\d+)(?:-f(\d+))?")
_VERSION_HINT = re.compile(r"(?:ninjs-schema_|^)(\d+)(?!\d)")
_MAJORS = {"2": V2, "3": V3}
_BLANK_LINE = re.compile(r"\n[ \t\r]*\n")
_XML_DECLARATION = "<?xml"
_SURROGATE = re.compile("[\ud800-\udfff]")

_Position = tuple[int, int, int]  # paragraph, start, end


def write(article: Article) -> str:
    """The article as a ninjs 3.1 document (pretty-printed JSON, deterministic)."""
    return _dump(_document(article, V3))


def write_v2(article: Article) -> str:
    """The article as a ninjs 2.2 document: the 3.1 document with 2.2's lower-case names."""
    return _dump(_document(article, V2))


def read(data: bytes, source: str | None = None) -> Article:
    """The article in a ninjs 1.x, 2.x or 3.x document; anything that is no ninjs object is an InputError."""
    document = load_json(data, source)
    if not isinstance(document, dict):
        raise InputError(source, f"a ninjs document is a JSON object, not {type(document).__name__}")
    return _Reader(_lower(document), source).article()


def validate(document: str | bytes) -> list[Finding]:
    """Problems with a ninjs document: JSON syntax, then the official JSON Schema of its version."""
    data = document.encode("utf-8", "surrogatepass") if isinstance(document, str) else document
    try:
        value = load_json(data, None)
    except InputError as error:
        return [Finding("json.syntax", error.problem)]
    return json_schema.check(_validator(schema_version(value)), value, RULE)


def schema_version(document: Any) -> str:
    """The ninjs version of a parsed document, "3.1" or "2.2" (the schemas newsconv validates against).

    ``standard.version``, ``standard.schema`` or ``$schema`` decide; without them, the version
    whose schema knows most of the document's property names (3.1 on a tie).
    """
    if isinstance(document, dict):
        standard = document.get("standard")
        hints = [document.get("$schema")]
        if isinstance(standard, dict):
            hints += [standard.get("version"), standard.get("schema")]
        for hint in hints:
            match = _VERSION_HINT.search(hint) if isinstance(hint, str) else None
            if match is not None and match[1] in _MAJORS:
                return _MAJORS[match[1]]
    keys = {key for node in _objects_in(document) for key in node}
    return max((V3, V2), key=lambda version: len(keys & _schema_properties(version)))


# --- writing ---


def _dump(document: dict[str, Any]) -> str:
    """Pretty-printed JSON; a lone surrogate (possible in strings built through the API) is escaped,
    which JSON allows and UTF-8 cannot hold, so it comes back as it was."""
    text = json.dumps(document, ensure_ascii=False, indent=2)
    return _SURROGATE.sub(lambda match: f"\\u{ord(match[0]):04x}", text) + "\n"


def _document(article: Article, version: str) -> dict[str, Any]:
    head = meta.identity_and_dates(article)
    document: dict[str, Any] = {
        "uri": head.pop("uri"),
        "standard": {"name": "ninjs", "version": version, "schema": SCHEMA_URI.format(version)},
        **head,
        "profile": PROFILE,
    }
    document["language"] = article.language
    if article.byline is not None:
        document["by"] = article.byline
    document.update(meta.rights(article.rights))
    document.update(meta.vocabularies(article))
    document["headlines"] = [_text_object("main", article.headline), *meta.headlines(article)]
    described = [_text_object("summary", article.description)] if article.description is not None else []
    if described or meta.descriptions(article):
        document["descriptions"] = described + meta.descriptions(article)
    if article.paragraphs:
        xhtml = {"role": "richtext", "contentType": XHTML_TYPE, "value": _xhtml_body(article)}
        document["bodies"] = [_text_object("main", "\n\n".join(article.paragraphs)), xhtml]
    for key, entities in zip(
        (key for key, _, _ in _LISTS), (article.persons, article.organizations, article.places), strict=True
    ):
        entries = [entry for entity in entities for entry in _entries(entity)]
        entries += meta.located_place(article) if key == "places" else []
        entries += meta.author_entries(article) if key == "people" else []
        if entries:
            document[key] = entries
    if article.renditions:
        document["renditions"] = [meta.rendition(r) for r in article.renditions]
    quotes = [_association(article, quote, number, version) for number, quote in enumerate(article.quotes, 1)]
    if quotes or meta.associations(article, version):
        document["associations"] = quotes + meta.associations(article, version)
    return document if version == V3 else _v2_names(_lower(document))


def _v2_names(document: dict[str, Any]) -> dict[str, Any]:
    """A lower-cased 3.1 document with 2.2's name for the embargo, ``embargoed``."""
    return {("embargoed" if key == "embargoeduntil" else key): value for key, value in document.items()}


def _text_object(role: str, value: str) -> dict[str, str]:
    return {"role": role, "contentType": PLAIN_TYPE, "value": value}


def _xhtml_body(article: Article) -> str:
    """The paragraphs as an XHTML fragment, ``p`` elements in no namespace, as IPTC's examples have it."""
    html, _ = xhtml_body(article)
    fragment = etree.Element("div")
    fragment.extend(list(html.iterfind(f"{{{etree.QName(html).namespace}}}body/*")))
    for element in fragment.iter():
        element.tag = etree.QName(element).localname
        if element.text is None and not len(element):
            element.text = ""  # <p></p>, not <p/>, which HTML parsers take for an open tag
    etree.cleanup_namespaces(fragment)
    return "\n".join(etree.tostring(p, encoding="unicode", with_tail=False) for p in fragment)


def _reference(identifier: str) -> dict[str, str]:
    return {"uri" if _URI_ID.match(identifier) else "literal": identifier}


def _entries(entity: Entity) -> list[dict[str, str]]:
    return [
        {"name": name, "rel": "mentions", **_reference(entity.id)} for name in (entity.name, *entity.aliases)
    ]


def _association(article: Article, quote: Quote, number: int, version: str) -> dict[str, Any]:
    association: dict[str, Any] = {"name": f"q{number}", "uri": identity.node_iri(article, quote.id)}
    if version == V3:
        association["rel"] = "quote"
    association["type"] = "text"
    if quote.speaker_text is not None:
        association["by"] = quote.speaker_text
    association["bodies"] = [_text_object("main", quote.text)]
    if quote.speaker is not None:
        speaker = article.entity(quote.speaker)
        named = {"name": speaker.name} if speaker is not None else {}
        entry = {**named, "rel": "speaker", **_reference(quote.speaker)}
        association["organisations" if isinstance(speaker, Organization) else "people"] = [entry]
    return association


# --- reading ---


class _Reader:
    """One ninjs object (keys lower-cased) being read into an Article."""

    def __init__(self, item: dict[str, Any], source: str | None) -> None:
        self.item = item
        self.source = source
        self.exact = item.get("profile") == PROFILE
        self.used: set[str] = set()

    def article(self) -> Article:
        kind = _string(self.item, "type")
        if kind in meta.REFUSED_TYPES:
            raise InputError(
                self.source,
                f'a ninjs {kind} (type "{kind}") describes no news item; newsconv reads news items',
            )
        paragraphs, structure, positions = self._body()
        pieces = _pieces(positions) if self.exact else {}
        found = [f for key, kind, prefix in _LISTS for f in self._entities(key, kind, prefix)]
        for number, entity in enumerate(found, 1):
            entity.mentions = list(pieces.get(("e", number), ()))
        language = _string(self.item, "language")
        publisher, sources = meta.read_sources(self.item, self.exact)
        subjects, keywords, section = meta.read_subjects(self.item)
        media, links = meta.read_associations(self.item, self.exact)
        version_created = meta.read_moment(self.item, "versioncreated")
        article = Article(
            headline=self._headline(),
            paragraphs=tuple(paragraphs),
            description=self._description(),
            byline=self._optional("by") if "by" in self.item else self._optional("byline"),
            dateline=meta.described(self.item, meta.DATELINE),
            language=self._text(language) if language is not None else "und",
            quotes=self._quotes(pieces),
            persons=tuple(Person(*f.fields()) for f in found if f.kind is Person),
            organizations=tuple(Organization(*f.fields()) for f in found if f.kind is Organization),
            places=tuple(Place(*f.fields()) for f in found if f.kind is Place),
            source=self.source,
            publisher=publisher,
            published=version_created,
            guid=_string(self.item, "uri"),
            version=meta.version(self.item),
            url=meta.read_url(self.item),
            item_type=meta.item_type(self.item),
            pub_status=_PUB_STATUSES.get(_string(self.item, "pubstatus") or "", "usable"),
            embargoed=meta.read_moment(self.item, "embargoeduntil", "embargoed"),
            urgency=meta.integer(self.item, "urgency"),
            first_created=meta.read_moment(self.item, "firstcreated"),
            version_created=version_created,
            content_created=meta.read_moment(self.item, "contentcreated"),
            rights=meta.read_rights(self.item),
            subjects=subjects,
            genres=tuple(meta.read_concept(g, None) for g in _objects(self.item, "genres")),
            keywords=keywords,
            slugline=_string(self.item, "slugline"),
            alternative_headlines=self._alternative_headlines(),
            credit=meta.described(self.item, meta.CREDIT),
            info_sources=sources,
            editorial_notes=meta.read_notes(self.item),
            located=meta.read_located(self.item),
            renditions=meta.read_renditions(self.item),
            links=links,
            body_xhtml=structure,
            authors=meta.read_authors(self.item),
            publisher_url=meta.read_publisher_url(self.item, self.exact),
            section=section,
        )
        guid = None if article.guid == identity.article_uuid(article).urn else article.guid
        article = replace(article, guid=guid)
        return replace(article, media=meta.without_minted_uris(article, media))

    # --- metadata ---

    def _headlines(self) -> list[dict[str, Any]]:
        return [h for h in _objects(self.item, "headlines") if isinstance(h.get("value"), str)]

    def _main_headline(self) -> dict[str, Any] | None:
        headlines = self._headlines()
        return next((h for h in headlines if h.get("role") == "main"), headlines[0] if headlines else None)

    def _alternative_headlines(self) -> tuple[str, ...]:
        """Every headline but the main one (in a document newsconv wrote: those with role "alternative")."""
        main = self._main_headline()
        return tuple(
            self._text(h["value"])
            for h in self._headlines()
            if h is not main and (not self.exact or h.get("role") == meta.ALTERNATIVE)
        )

    def _headline(self) -> str:
        main = self._main_headline()
        if main is not None:
            return self._text(main["value"])
        fallback = next((v for k in ("headline", "title", "slugline") if (v := _string(self.item, k))), "")
        return self._text(fallback)

    def _description(self) -> str | None:
        descriptions = [
            d
            for d in _objects(self.item, "descriptions")
            if isinstance(d.get("value"), str) and d.get("role") not in _META_ROLES
        ]
        chosen = next(
            (d for d in descriptions if not _is_markup(d)), descriptions[0] if descriptions else None
        )
        if chosen is None:
            return self._optional("description_text")
        if _is_markup(chosen):
            return " ".join(b.text for b in self._markup(chosen["value"], "description")) or None
        return self._kept(self._text(chosen["value"]))

    def _optional(self, key: str) -> str | None:
        """A string property's text; None when it is missing (or, read loosely, blank)."""
        value = _string(self.item, key)
        return self._kept(self._text(value)) if value is not None else None

    def _kept(self, text: str) -> str | None:
        return text if text or self.exact else None

    # --- body ---

    def _body(self) -> tuple[list[str], str | None, dict[str, _Position]]:
        """The paragraphs, the body's structure (None for plain paragraphs) and where each id'd
        element of the XHTML body lies in the paragraphs."""
        bodies = [b for b in _objects(self.item, "bodies") if isinstance(b.get("value"), str)]
        markup = next((b["value"] for b in bodies if _is_markup(b)), None)
        plain = next((b["value"] for b in bodies if not _is_markup(b)), None)
        if not bodies:
            markup = _string(self.item, "body_xhtml") or _string(self.item, "body_html")
            plain = _string(self.item, "body_text")
        if markup is not None:
            try:
                root = self._parse_markup(markup, "body")
            except InputError:
                if plain is None:
                    raise
            else:
                found = _body_element(root)
                read = body_markup.read(found, exact=self.exact)
                if not read.paragraphs:  # text with no paragraph markup is one paragraph
                    text = BlockText(self.exact).element(found).value()
                    return ([text] if text or self.exact else []), None, {}
                texts = _restored(list(read.paragraphs), plain) if self.exact else list(read.paragraphs)
                positions = {
                    ident: (number, start, end) for ident, (number, start, end, _) in read.marks.items()
                }
                return texts, read.xhtml, positions
        if plain is None:
            return [], None, {}
        chunks = [self._text(chunk) for chunk in _BLANK_LINE.split(plain)]
        return [c for c in chunks if c or self.exact], None, {}

    def _parse_markup(self, value: str, what: str) -> etree._Element:
        """An XHTML (or well-formed HTML) fragment or document, parsed; not well-formed is an InputError."""
        wrapped = value if value.lstrip().startswith(_XML_DECLARATION) else f"<div>{value}</div>"
        try:
            return parse_xml(wrapped.encode("utf-8", "surrogatepass"), self.source)
        except InputError as error:
            raise InputError(self.source, f"the {what} is not well-formed XHTML: {error.problem}") from None

    def _markup(self, value: str, what: str) -> list[Block]:
        """The block elements of an XHTML (or well-formed HTML) fragment or document, as text."""
        root = self._parse_markup(value, what)
        elements = list(block_elements(root)) or [root]  # text with no paragraph markup is one paragraph
        blocks = [BlockText(self.exact).element(e).block(etree.QName(e).localname) for e in elements]
        return [b for b in blocks if b.text or self.exact]

    # --- entities and quotes ---

    def _entities(self, key: str, kind: EntityKind, prefix: str) -> list[EntityDraft]:
        found: dict[str, EntityDraft] = {}
        for entry in _objects(self.item, key):
            if meta.is_located(entry) or meta.is_author(entry):
                continue
            name = _string(entry, "name")
            name = self._text(name) if name is not None else None
            if name is None or not (name or self.exact):
                continue
            reference = _identifier(entry)
            merge_key = reference if reference is not None else f"{prefix}:{percent_encode(name, safe='')}"
            same = found.get(merge_key)
            if same is None:
                found[merge_key] = EntityDraft(kind, self._unique(merge_key), name, [])
            elif self.exact or (name != same.name and name not in same.aliases):
                same.aliases.append(name)
        return list(found.values())

    def _quotes(self, pieces: dict[tuple[str, int], list[Span]]) -> tuple[Quote, ...]:
        """The quotes of a document newsconv wrote: its associations named ``q<n>``."""
        if not self.exact:
            return ()
        quotes = []
        for association in _objects(self.item, "associations"):
            match = _QUOTE_NAME.fullmatch(_string(association, "name") or "")
            if match is None:
                continue
            _, hash_sign, fragment = (_string(association, "uri") or "").partition("#")
            ident = identity.local_id(fragment) if hash_sign else match[0]
            body = next(iter(_objects(association, "bodies")), {})
            speakers = [*_objects(association, "people"), *_objects(association, "organisations")]
            speaker = next((i for s in speakers if (i := _identifier(s)) is not None), None)
            spans = tuple(pieces.get(("q", int(match[1])), ()))
            text = _string(body, "value") or ""
            quotes.append(Quote(self._unique(ident), text, spans, speaker, _string(association, "by")))
        return tuple(quotes)

    # --- helpers ---

    def _text(self, value: str) -> str:
        return BlockText(self.exact).add(value).value()

    def _unique(self, ident: str) -> str:
        """``ident``, or with ``-2``, ``-3``… if an entity or quote of this item has it already."""
        candidate, number = ident, 1
        while candidate in self.used:
            number += 1
            candidate = f"{ident}-{number}"
        self.used.add(candidate)
        return candidate


def _body_element(root: etree._Element) -> etree._Element:
    """The ``body`` of a whole XHTML document, else the wrapper of a fragment."""
    return next((e for e in root.iter(etree.Element) if etree.QName(e).localname == "body"), root)


def _restored(texts: list[str], plain: str | None) -> list[str]:
    """The paragraph texts with each U+FFFD the XHTML needed for a character XML forbids replaced
    by the character at that place in the plain body (which the writer joins with blank lines)."""
    if plain is None or len(plain) != sum(map(len, texts)) + 2 * max(len(texts) - 1, 0):
        return texts
    restored, position = [], 0
    for text in texts:
        piece = plain[position : position + len(text)]
        if any(a != b and a != "\ufffd" for a, b in zip(text, piece, strict=True)):
            return texts
        restored.append(piece)
        position += len(text) + 2
    return restored


def _pieces(positions: dict[str, _Position]) -> dict[tuple[str, int], list[Span]]:
    """The spans of each quote (``q``, n) and entity (``e``, n) from the ids of their XHTML pieces;
    a later piece (``-f2``…) of a span cut by a crossing span extends the piece before it."""
    ordered = []
    for ident, (paragraph, start, end) in positions.items():
        match = _PIECE.fullmatch(ident)
        if match is not None:
            owner = (match[1] or match[3], int(match[2] or match[4]))
            ordered.append((owner, int(match[5]), int(match[6] or 1), Span(paragraph, start, end)))
    spans: dict[tuple[str, int], list[Span]] = {}
    for owner, _, piece, span in sorted(ordered, key=lambda o: (o[0], o[1], o[2])):
        owned = spans.setdefault(owner, [])
        if piece > 1 and owned and owned[-1].paragraph == span.paragraph:
            owned[-1] = Span(span.paragraph, owned[-1].start, span.end)
        else:
            owned.append(span)
    return spans


def _is_markup(text_object: dict[str, Any]) -> bool:
    """Whether a body or description is (X)HTML: its content type says html (``body_xhtml`` too)."""
    content_type = text_object.get("contenttype")
    return isinstance(content_type, str) and "html" in content_type.casefold()


def _identifier(entry: dict[str, Any]) -> str | None:
    literal = _string(entry, "literal")
    return literal if literal is not None else _string(entry, "uri")


def _string(node: dict[str, Any], key: str) -> str | None:
    value = node.get(key)
    return value if isinstance(value, str) else None


def _objects(node: dict[str, Any], key: str) -> list[dict[str, Any]]:
    """The objects in an array property; anything else there is ignored (the validator reports it)."""
    value = node.get(key)
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def _lower(value: Any) -> Any:
    """``value`` with every object key in lower case, which turns 3.x names into 2.x ones."""
    if isinstance(value, dict):
        return {key.lower(): _lower(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_lower(item) for item in value]
    return value


def _objects_in(value: Any) -> Iterator[dict[str, Any]]:
    """Every JSON object in ``value``, itself included."""
    if isinstance(value, dict):
        yield value
        for item in value.values():
            yield from _objects_in(item)
    elif isinstance(value, list):
        for item in value:
            yield from _objects_in(item)


# --- validation ---


@schema_store.per_store()
def _schema(version: str) -> dict[str, Any]:
    with schema_store.locate(SCHEMAS[version]).open(encoding="utf-8") as handle:
        schema: dict[str, Any] = json.load(handle)
    return schema


@schema_store.per_store()
def _schema_properties(version: str) -> frozenset[str]:
    """Every property name the schema of ``version`` defines, at any depth."""
    return frozenset(
        name
        for node in _objects_in(_schema(version))
        if isinstance(node.get("properties"), dict)
        for name in node["properties"]
    )


@schema_store.per_store()
def _validator(version: str) -> Draft202012Validator:
    """The compiled validator of one ninjs version, GeoJSON resolved from the schema search path.

    A registry of its own (which retrieves nothing) replaces jsonschema's default one, which would
    fetch an unknown ``$ref`` over the network.
    """
    schema = _schema(version)
    with schema_store.locate(schema_store.GEOJSON_SCHEMA).open(encoding="utf-8") as handle:
        geojson = Resource.from_contents(json.load(handle), default_specification=DRAFT202012)
    registry: Registry[Any] = Registry().with_resource(geojson.id() or "", geojson)
    return Draft202012Validator(schema, registry=registry, format_checker=FormatChecker())
