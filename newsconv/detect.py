"""Which format a document is in, from its first few kilobytes (not its file name).

XML is told apart by the root element's name and namespace (any NewsML-G2 root is ``newsml``;
``rdf:RDF`` is ``rdfxml``), JSON by its keys (``@context`` is ``jsonld``, ``model_version`` is
``model``, a ninjs ``$schema`` or the ninjs shape is ``ninjs``), and the rest by RDF text syntax
(``turtle`` or ``ntriples``). Only ``SNIFF_BYTES`` are looked at, so a 1 GB feed costs nothing.
"""

from __future__ import annotations

import codecs
import re

from lxml import etree

from newsconv.errors import UnknownFormatError
from newsconv.secure import NO_DOCTYPE, declares_doctype

SNIFF_BYTES = 8192
_CHUNK = 512
NAR = "http://iptc.org/std/nar/2006-10-01/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
G2_ROOTS = frozenset(
    {"newsItem", "newsMessage", "packageItem", "conceptItem", "knowledgeItem", "planningItem", "catalog"}
)
NINJS = "ninjs"
G2_TAGS = frozenset(f"{{{NAR}}}{name}" for name in G2_ROOTS)  # the same, in Clark notation
_RDF_TAG = f"{{{RDF}}}RDF"

_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
_JSON_KEY = re.compile(r'"((?:[^"\\]|\\.)*)"\s*:')
_NINJS_SCHEMA = re.compile(r'"\$?schema"\s*:\s*"[^"]*ninjs|"name"\s*:\s*"ninjs"', re.IGNORECASE)
_NINJS_KEYS = frozenset(
    {
        "type",
        "bodies",
        "renditions",
        "headlines",
        "standard",
        "associations",
        "versioncreated",
        "versionCreated",
        "firstcreated",
        "firstCreated",
        "body_text",
        "body_html",
        "body_xhtml",
    }
)
_JSON_ARRAY = re.compile(r"\[\s*[{\]]")
_TURTLE = re.compile(r"^\s*(@prefix|@base|PREFIX\s|BASE\s)", re.MULTILINE | re.IGNORECASE)
_TERM = r'(?:<[^<>"{}|^`\\\s]*>|_:\S+)'
_NTRIPLE = re.compile(rf'\s*{_TERM}\s+<[^<>\s]*>\s+(?:{_TERM}|"(?:[^"\\]|\\.)*"\S*)\s*\.\s*(#.*)?\Z')
_IRI_START = re.compile(r'<[A-Za-z][\w+.-]*:[^\s<>"]*>\s')
_TRIPLE_START = re.compile(r"\s*(<|_:|\[|[A-Za-z][\w.-]*:)")


def detect(data: bytes) -> str:
    """The registry name of the format of ``data`` (or ``ninjs``); UnknownFormatError when unsure."""
    head = _text(data[:SNIFF_BYTES])
    stripped = head.lstrip()
    if stripped.startswith("<") and not _IRI_START.match(stripped):
        return _xml_format(data[:SNIFF_BYTES])
    if stripped.startswith(("{", "[")):
        return _json_format(stripped)
    return _rdf_text_format(stripped)


def detect_input(data: bytes) -> str:
    """The format to read ``data`` as for conversion: a structured format when its signature is
    clear (XML declaration or G2/RDF root, JSON object, Turtle prefixes, N-Triples), else ``text``.

    Malformed XML or JSON is an error rather than text, so a broken feed is not turned into an
    article whose headline is markup; so is a well-formed XML document whose root newsconv cannot
    read (a bare NewsML-G2 ``contentSet`` or ``contentMeta`` fragment), named by its root. A text
    article that merely begins with ``<`` (and is no well-formed XML) stays text.
    """
    if declares_doctype(data[:SNIFF_BYTES]):
        raise UnknownFormatError(NO_DOCTYPE)  # no declaration reaches a parser, not even detection's
    stripped = _text(data[:SNIFF_BYTES]).lstrip()
    structured = stripped.startswith(("<?xml", "{")) or _JSON_ARRAY.match(stripped) is not None
    try:
        name = detect(data)
    except UnknownFormatError:
        if structured:
            raise
        root = _xml_root(data) if stripped.startswith("<") else None
        if root is not None:
            raise UnknownFormatError(f"XML root element {root} is no format newsconv reads") from None
        return "text"
    if name == "turtle" and not _TURTLE.search(stripped):
        return "text"  # "Update: ..." looks like a prefixed name; only declared prefixes make Turtle
    return name


def _text(head: bytes) -> str:
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            return head[len(bom) :].decode(encoding, errors="replace")
    return head.decode("utf-8", errors="replace")


def _xml_format(head: bytes) -> str:
    parser = etree.XMLPullParser(events=("start",), no_network=True, resolve_entities=False, load_dtd=False)
    root = None
    try:
        for offset in range(0, len(head), _CHUNK):  # stop at the root's start tag, usually in the first chunk
            parser.feed(head[offset : offset + _CHUNK])
            event = next(iter(parser.read_events()), None)
            if event is not None:
                root = event[1]
                break
    except etree.XMLSyntaxError as error:
        raise UnknownFormatError(f"not well-formed XML: {error.msg}") from None
    if not isinstance(root, etree._Element):
        raise UnknownFormatError("XML without a root element in its first kilobytes")
    if root.tag in G2_TAGS:
        return "newsml"
    if root.tag == _RDF_TAG:
        return "rdfxml"
    raise UnknownFormatError(f"XML root element {root.tag} is no format newsconv validates")


def _xml_root(data: bytes) -> str | None:
    """The root element's name when all of ``data`` is one well-formed XML document, else None."""
    parser = etree.XMLParser(no_network=True, resolve_entities=False, load_dtd=False, huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError:
        return None
    return str(root.tag) if root is not None and isinstance(root.tag, str) else None


def _json_format(head: str) -> str:
    keys = set(_JSON_KEY.findall(head))
    if _NINJS_SCHEMA.search(head):
        return NINJS
    if "@context" in keys:
        return "jsonld"
    if "model_version" in keys:
        return "model"
    if "uri" in keys and keys & _NINJS_KEYS:
        return NINJS
    raise UnknownFormatError("JSON that is neither JSON-LD, newsconv model JSON nor ninjs")


def _rdf_text_format(head: str) -> str:
    if _TURTLE.search(head):
        return "turtle"
    if _looks_like_ntriples(head):
        return "ntriples"
    if _TRIPLE_START.match(head):
        return "turtle"
    raise UnknownFormatError("not XML, JSON, Turtle or N-Triples")


def _looks_like_ntriples(head: str) -> bool:
    lines = head.splitlines()
    if not head.endswith(("\n", "\r")) and len(lines) > 1:
        lines = lines[:-1]  # the last line may be cut off by the sniff limit
    statements = [line for line in lines if line.strip() and not line.lstrip().startswith("#")]
    return bool(statements) and all(_NTRIPLE.match(line) for line in statements)
