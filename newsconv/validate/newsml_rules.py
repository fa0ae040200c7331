"""NewsML-G2 rules the XML Schema cannot express, each with a stable id and a severity.

=======================  ========  ===================================================================
rule id                  severity  what it checks
=======================  ========  ===================================================================
``g2.qcode-alias``       warning   every QCode attribute (``qcode``, ``type``, ``role``, … as typed in
                                   the XSD) uses a scheme alias declared in a ``catalog`` of the item
                                   or in a ``catalogRef`` catalog newsconv has offline
``g2.catalog-unknown``   warning   a ``catalogRef`` names a catalog that is not on the schema search
                                   path, so aliases it may declare could not be checked
``g2.cpnat-type``        error     a ``cpnat:`` concept type is one of the IPTC concept natures
``g2.version-created``   error     ``versionCreated`` states its time zone (``Z`` or ``±hh:mm``)
``g2.inline-xml``        error     an ``inlineXML`` whose ``contenttype`` is XHTML holds exactly one
                                   XHTML ``html`` element; one whose type is NITF, one NITF ``nitf``
``g2.inline-xml-empty``  warning   such an ``inlineXML`` holds no element at all
``g2.xml-lang``          error     every ``xml:lang`` is a well-formed BCP 47 (RFC 5646) tag
``newsml.idref``         error     every ``contentrefs`` and ``idrefs`` token names an ``id``,
                                   ``partid`` or ``xml:id`` of the item (libxml2 checks no IDREFs)
``g2.guid-unique``       warning   no two items of one run share a ``guid`` (checked by the checker,
                                   across files and inside newsMessages)
=======================  ========  ===================================================================

``g2.qcode-alias`` is a warning because published IPTC and agency examples that the XSD accepts
use aliases of catalogs they do not reference; ``g2.guid-unique`` is one because a feed may
resend an item (and IPTC's own test files share a guid). ``--strict`` makes warnings fail a run.
IPTC standards catalogs are cumulative, so a ``catalogRef`` to an older IPTC catalog
(``catalog.IPTC-G2-Standards_32.xml``) is checked against the newest one on the search path.
All rules share one walk over the item, so that a batch of thousands of items stays fast.
``inlineXML`` without a ``contenttype`` may carry any payload (events, concepts) and is not checked.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TypeVar, cast

from lxml import etree

from newsconv import schema_store
from newsconv.errors import SchemaNotFoundError
from newsconv.validate.findings import Finding

NAR = "http://iptc.org/std/nar/2006-10-01/"
XHTML = "http://www.w3.org/1999/xhtml"
NITF = "http://iptc.org/std/NITF/2006-10-18/"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
XS = "http://www.w3.org/2001/XMLSchema"

RULES: dict[str, str] = {
    "g2.qcode-alias": "warning",
    "g2.catalog-unknown": "warning",
    "g2.cpnat-type": "error",
    "g2.version-created": "error",
    "g2.inline-xml": "error",
    "g2.inline-xml-empty": "warning",
    "g2.xml-lang": "error",
    "newsml.idref": "error",
    "g2.guid-unique": "warning",
}

# The IPTC "Nature of a Concept" vocabulary, http://cv.iptc.org/newscodes/cpnature/
CONCEPT_NATURES = frozenset({"abstract", "event", "geoArea", "object", "organisation", "person", "poi"})
_IPTC_CATALOG = re.compile(r"^https?://www\.iptc\.org/std/catalog/catalog\.IPTC-G2-Standards_(\d+)\.xml$")
_TIME_ZONE = re.compile(r"(Z|[+-]\d\d:\d\d)\Z")
_PAYLOADS = {"application/xhtml+xml": f"{{{XHTML}}}html", "application/nitf+xml": f"{{{NITF}}}nitf"}
_BCP47 = re.compile(
    r"""(?ix)\A(?:
      (?:[a-z]{2,3}(?:-[a-z]{3}){0,3}|[a-z]{4}|[a-z]{5,8})   # language (with extlang)
      (?:-[a-z]{4})?                                         # script
      (?:-(?:[a-z]{2}|\d{3}))?                               # region
      (?:-(?:[a-z\d]{5,8}|\d[a-z\d]{3}))*                    # variants
      (?:-[\da-wyz](?:-[a-z\d]{2,8})+)*                      # extensions
      (?:-x(?:-[a-z\d]{1,8})+)?                              # private use
    | x(?:-[a-z\d]{1,8})+                                    # private use only
    | en-gb-oed|i-ami|i-bnn|i-default|i-enochian|i-hak|i-klingon|i-lux|i-mingo|i-navajo|i-pwn
    | i-tao|i-tay|i-tsu|sgn-be-fr|sgn-be-nl|sgn-ch-de
    | art-lojban|cel-gaulish|no-bok|no-nyn|zh-guoyu|zh-hakka|zh-min|zh-min-nan|zh-xiang
    )\Z"""
)


_Attribute = tuple[etree._Element, str, str]
_T = TypeVar("_T")
_NAR_PREFIX = f"{{{NAR}}}"
_CATALOG = f"{{{NAR}}}catalog"
_SCHEME = f"{{{NAR}}}scheme"
_CATALOG_REF = f"{{{NAR}}}catalogRef"
_VERSION_CREATED = f"{{{NAR}}}versionCreated"
_COLLECTED = frozenset({_SCHEME, _CATALOG_REF, _VERSION_CREATED, f"{{{NAR}}}inlineXML"})
_ID_NAMES = frozenset({"id", "partid", "{http://www.w3.org/XML/1998/namespace}id"})
_REFERENCE_NAMES = frozenset({"contentrefs", "idrefs"})
_QCODE, _ID, _REFERENCE, _LANGUAGE = range(4)
# ``element.items()``, typed as what lxml returns for parsed XML: names and values are str
_attributes = cast("Callable[[etree._Element], list[tuple[str, str]]]", etree._Element.items)


@dataclass(slots=True)
class _Scan:
    """What one walk over an item collects for the rules.

    Each attribute's value is checked as the walk meets it, and only those that break a rule are
    kept with their element (references, checked against all ids at the end, are all kept); a
    clean item, the common case, keeps no element. Kept QCodes may sit where the QCode rules do
    not apply: :meth:`covers` tells, for them alone.
    """

    item: etree._Element
    qcodes: list[_Attribute] = field(default_factory=list)
    languages: list[_Attribute] = field(default_factory=list)
    references: list[_Attribute] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)
    aliases: set[str] = field(default_factory=set)
    catalog_refs: list[etree._Element] = field(default_factory=list)
    versions: list[etree._Element] = field(default_factory=list)
    inlines: list[etree._Element] = field(default_factory=list)
    declared: frozenset[str] | None = None  # every alias declared; None when a catalog is unknown
    in_catalogs: set[etree._Element] | None = None

    def covers(self, element: etree._Element) -> bool:
        """Whether the QCode rules apply to ``element``: a NewsML-G2 element outside the catalogs."""
        if not element.tag.startswith(_NAR_PREFIX):
            return False
        if self.in_catalogs is None:  # holding the proxies keeps them unique
            self.in_catalogs = {e for c in _catalogs(self.item) for e in c.iter()}
        return element not in self.in_catalogs


def check(item: etree._Element) -> list[Finding]:
    """Every rule finding for one item (or catalog) element and what it contains."""
    scan = _scan(item)
    return (
        _qcode_findings(scan)
        + _cpnat_findings(scan)
        + _version_findings(scan.versions)
        + _inline_findings(scan.inlines)
        + _lang_findings(scan)
        + _reference_findings(scan)
    )


def is_valid_language_tag(tag: str) -> bool:
    """Whether ``tag`` is well-formed per BCP 47 (RFC 5646), including grandfathered tags."""
    return bool(_BCP47.match(tag))


@schema_store.per_store()
def qcode_attributes() -> frozenset[str]:
    """Names of attributes the NewsML-G2 XSD mostly types as QCode or QCode list.

    ``role`` and ``rel`` count: only the message ``timestamp@role`` and the inline ``a@rel`` are
    strings, and a value there without a colon is never taken for a QCode.
    """
    tree = etree.parse(str(schema_store.locate(schema_store.NEWSML_XSD)), etree.XMLParser(no_network=True))
    votes: Counter[str] = Counter()
    for attribute in tree.iter(f"{{{XS}}}attribute"):
        name = attribute.get("name")
        if name is not None:
            votes[name] += 1 if attribute.get("type") in ("QCodeType", "QCodeListType") else -1
    return frozenset(name for name, vote in votes.items() if vote > 0)


@schema_store.per_store()
def catalog_aliases(href: str) -> frozenset[str] | None:
    """The scheme aliases a remote catalog declares, read from its offline copy; None if there is none."""
    relative = _offline_catalog(href)
    if relative is None:
        return None
    try:
        path = schema_store.locate(relative)
    except SchemaNotFoundError:
        return None
    tree = etree.parse(str(path), etree.XMLParser(no_network=True, resolve_entities=False))
    return frozenset(cast(str, s.get("alias")) for s in tree.iter(f"{{{NAR}}}scheme") if s.get("alias"))


def _offline_catalog(href: str) -> str | None:
    wanted = href.replace("https://", "http://", 1)
    official = {s.url.replace("https://", "http://", 1): s.path for s in schema_store.OFFICIAL}
    if wanted in official:
        return official[wanted]
    asked = _IPTC_CATALOG.match(wanted)
    newest = sorted(
        (int(m.group(1)), path) for url, path in official.items() if (m := _IPTC_CATALOG.match(url))
    )
    if asked and newest and newest[-1][0] >= int(asked.group(1)):
        return newest[-1][1]
    return None


def _qcode_findings(scan: _Scan) -> list[Finding]:
    if scan.declared is None:
        return [
            _finding("g2.catalog-unknown", f"catalog {ref.get('href')} is not available offline", ref)
            for ref in scan.catalog_refs
            if catalog_aliases(ref.get("href", "")) is None
        ]
    return [
        _finding(
            "g2.qcode-alias", f"{name}={value!r}: scheme alias {alias!r} is declared by no catalog", element
        )
        for element, name, value in scan.qcodes
        for alias in sorted(_ALIASES[value] - scan.declared)
        if scan.covers(element)
    ]


def _declared(scan: _Scan) -> frozenset[str] | None:
    """The aliases the item's catalogs (referenced and embedded) declare; None if one is unknown."""
    catalogs = [catalog_aliases(ref.get("href", "")) for ref in scan.catalog_refs]
    if None in catalogs:
        return None
    declared = _union(tuple(cast("list[frozenset[str]]", catalogs)))
    return declared | scan.aliases if scan.aliases else declared


@lru_cache(maxsize=64)
def _union(catalogs: tuple[frozenset[str], ...]) -> frozenset[str]:
    """The aliases of several catalogs together; cached, as the items of a feed share catalogs."""
    return frozenset().union(*catalogs)


class _Memo(dict[str, _T]):
    """``function`` of attribute values, cached (a feed repeats them), emptied when it grows big."""

    def __init__(self, function: Callable[[str], _T], limit: int = 4096) -> None:
        super().__init__()
        self.function, self.limit = function, limit

    def __missing__(self, value: str) -> _T:
        if len(self) >= self.limit:
            self.clear()
        result = self[value] = self.function(value)
        return result


def _scheme_aliases(value: str) -> frozenset[str]:
    """The scheme aliases of a QCode (list) value."""
    return frozenset(token.split(":", 1)[0] for token in value.split() if ":" in token)


def _unknown_natures(value: str) -> tuple[str, ...]:
    """The ``cpnat:`` tokens of a QCode (list) value that name no concept nature, in order."""
    return tuple(
        token
        for token in value.split()
        if token.startswith("cpnat:") and token[len("cpnat:") :] not in CONCEPT_NATURES
    )


@lru_cache(maxsize=16)
def _clean_qcodes(declared: frozenset[str] | None) -> _Memo[bool]:
    """Whether a QCode (list) value breaks no QCode rule given the ``declared`` aliases, cached.

    One cache per set of declared aliases (a feed's items share their catalogs), so that a value
    the feed repeats costs one lookup; with ``declared`` None only concept natures are checked.
    """

    def clean(value: str) -> bool:
        if declared is not None and not _ALIASES[value] <= declared:
            return False
        return "cpnat:" not in value or not _NATURES[value]

    return _Memo(clean)


_ALIASES = _Memo(_scheme_aliases)
_NATURES = _Memo(_unknown_natures)
_LANGUAGE_TAGS = _Memo(is_valid_language_tag)


def _cpnat_findings(scan: _Scan) -> list[Finding]:
    return [
        _finding("g2.cpnat-type", f"{name}={token!r} is no IPTC concept nature", element)
        for element, name, value in scan.qcodes
        if "cpnat:" in value
        for token in _NATURES[value]
        if scan.covers(element)
    ]


def _version_findings(versions: list[etree._Element]) -> list[Finding]:
    return [
        _finding("g2.version-created", f"versionCreated {element.text.strip()!r} has no time zone", element)
        for element in versions
        if element.text and not _TIME_ZONE.search(element.text.strip())
    ]


def _inline_findings(inlines: list[etree._Element]) -> list[Finding]:
    findings = []
    for inline in inlines:
        wanted = _PAYLOADS.get((inline.get("contenttype") or "").split(";")[0].strip().lower())
        if wanted is None:
            continue
        children = [child.tag for child in inline.iterchildren(etree.Element)]
        if not children:
            findings.append(
                _finding("g2.inline-xml-empty", f"inlineXML holds no {_clark(wanted)} element", inline)
            )
        elif children != [wanted]:
            got = ", ".join(_clark(tag) for tag in children)
            findings.append(
                _finding("g2.inline-xml", f"inlineXML must hold one {_clark(wanted)}, not {got}", inline)
            )
    return findings


def _lang_findings(scan: _Scan) -> list[Finding]:
    return [
        _finding("g2.xml-lang", f"xml:lang {value!r} is no BCP 47 language tag", element)
        for element, _, value in scan.languages
    ]


def _reference_findings(scan: _Scan) -> list[Finding]:
    if set(" ".join([value for _, _, value in scan.references]).split()) <= scan.ids:
        return []  # the common case, decided with set operations alone
    return [
        _finding("newsml.idref", f"{name} names {token!r}, the id of no element", element)
        for element, name, value in scan.references
        for token in value.split()
        if token not in scan.ids
    ]


def _scan(item: etree._Element) -> _Scan:
    """One walk over the item collecting what every rule needs (see :class:`_Scan`).

    The few elements the rules read whole are picked out first by lxml (``iter`` with tags);
    then the walk in Python reads attributes, with one dictionary lookup for each, and checks
    QCode and language values through caches, as a feed repeats them.
    """
    kind_of = _attribute_kinds().get
    scan = _Scan(item)
    for element in item.iter(*_COLLECTED):
        _collect(scan, element.tag, element)
    scan.declared = _declared(scan)
    clean, tags = _clean_qcodes(scan.declared), _LANGUAGE_TAGS
    qcodes, add_id = scan.qcodes.append, scan.ids.add
    references, languages = scan.references.append, scan.languages.append
    for element in item.iter(etree.Element):
        for name, value in _attributes(element):
            kind = kind_of(name)  # most attributes concern no rule: one lookup and on
            if kind is None:
                continue
            if kind == _QCODE:
                if not clean[value]:
                    qcodes((element, name, value))
            elif kind == _ID:
                add_id(value)
            elif kind == _REFERENCE:
                references((element, name, value))
            elif not tags[value]:
                languages((element, name, value))
    return scan


def _catalogs(item: etree._Element) -> list[etree._Element]:
    """The catalogs in an item: itself if it is one, else the ``catalog`` children it embeds."""
    return [item] if item.tag == _CATALOG else list(item.iterchildren(_CATALOG))


@schema_store.per_store()
def _attribute_kinds() -> dict[str, int]:
    kinds = dict.fromkeys(qcode_attributes(), _QCODE)
    kinds.update(dict.fromkeys(_ID_NAMES, _ID))
    kinds.update(dict.fromkeys(_REFERENCE_NAMES, _REFERENCE))
    kinds[XML_LANG] = _LANGUAGE
    return kinds


def _collect(scan: _Scan, tag: str, element: etree._Element) -> None:
    if tag == _SCHEME:
        scan.aliases.add(element.get("alias", ""))
    elif tag == _CATALOG_REF:
        scan.catalog_refs.append(element)
    elif tag == _VERSION_CREATED:
        scan.versions.append(element)
    else:
        scan.inlines.append(element)


def _clark(tag: str) -> str:
    qname = etree.QName(tag)
    return f"{qname.localname} ({qname.namespace})" if qname.namespace else qname.localname


def finding(rule: str, message: str, line: int | None) -> Finding:
    """A finding of one of these rules, with the rule's severity."""
    return Finding(rule, message, severity="warning" if RULES[rule] == "warning" else "error", line=line)


def _finding(rule: str, message: str, element: etree._Element) -> Finding:
    return finding(rule, message, cast("int | None", element.sourceline))
