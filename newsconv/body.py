"""The article body's structure: a small, safe XHTML subset kept beside the plain paragraphs.

``Article.body_xhtml`` is a fragment of XHTML elements without a namespace (what goes inside a
``body``): headings, paragraphs, lists, block quotes, tables, links and emphasis, and nothing
that runs or restyles a page (no script, no event or style attributes, no ``javascript:``
links). Its *blocks* are the elements in :data:`BLOCKS`, in document order; a block's text is
the text inside it but outside any block nested in it, a ``br`` counting as one space. Those
texts are exactly ``Article.paragraphs``, so offsets into paragraphs (quotes, mentions) point
into the structured body too. Text outside every block may only be whitespace.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import urlsplit

from lxml import etree

from newsconv.errors import InputError
from newsconv.secure import parse_xml

BLOCKS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "th", "td", "pre", "caption"})
CONTAINERS = frozenset({"blockquote", "ul", "ol", "dl", "table", "thead", "tbody", "tfoot", "tr"})
INLINE = frozenset(
    {"a", "abbr", "b", "br", "cite", "code", "em", "i", "q", "s", "small", "strong", "sub", "sup", "u"}
)
ELEMENTS = BLOCKS | CONTAINERS | INLINE
ATTRIBUTES: dict[str, frozenset[str]] = {
    "a": frozenset({"href", "title"}),
    "abbr": frozenset({"title"}),
    "blockquote": frozenset({"cite"}),
    "q": frozenset({"cite"}),
    "ol": frozenset({"start"}),
    "td": frozenset({"colspan", "rowspan"}),
    "th": frozenset({"colspan", "rowspan", "scope"}),
}
URL_ATTRIBUTES = frozenset({"href", "cite"})
SAFE_SCHEMES = frozenset({"", "http", "https", "mailto", "tel", "ftp"})
_NOT_IN_SCHEME = re.compile("[\x00-\x20\x7f]")


def parse(fragment: str) -> etree._Element:
    """The fragment inside a ``body`` element; not well-formed XML is an InputError."""
    return parse_xml(f"<body>{fragment}</body>".encode("utf-8", "surrogatepass"), "body_xhtml")


def serialize(body: etree._Element) -> str:
    """The children of ``body`` (an element without namespaces) as a fragment string."""
    return (body.text or "") + "".join(
        etree.tostring(child, encoding="unicode", with_tail=True) for child in body
    )


def blocks(body: etree._Element) -> Iterator[etree._Element]:
    """The block elements under ``body``, in document order."""
    for element in body.iter(etree.Element):
        if element is not body and element.tag in BLOCKS:
            yield element


def block_text(block: etree._Element) -> str:
    """The text of a block outside the blocks nested in it; a ``br`` is one space."""
    parts = [block.text or ""]
    for child in block.iterchildren():
        if isinstance(child.tag, str) and child.tag not in BLOCKS:
            parts.append(" " if child.tag == "br" else block_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def slots(block: etree._Element) -> Iterator[tuple[etree._Element, str]]:
    """The places holding a block's own text, in order: (element, "text" or "tail")."""
    yield block, "text"
    for child in block.iterchildren():
        if isinstance(child.tag, str) and child.tag not in BLOCKS:
            yield from slots(child)
        yield child, "tail"


def texts(fragment: str) -> tuple[str, ...]:
    """The paragraphs a well-formed body fragment holds."""
    return tuple(block_text(b) for b in blocks(parse(fragment)))


def problems(fragment: str, paragraphs: tuple[str, ...]) -> list[str]:
    """Why a body fragment is no safe XHTML subset or disagrees with the paragraphs (empty: fine)."""
    try:
        body = parse(fragment)
    except InputError as error:
        return [error.problem]
    found = list(_unsafe(body))
    if not found and tuple(block_text(b) for b in blocks(body)) != paragraphs:
        found.append("the texts of its blocks are not the paragraphs")
    return found


def safe_url(value: str) -> bool:
    """Whether a link target is a relative reference or uses a harmless scheme (no javascript:, data:)."""
    try:
        scheme = urlsplit(_NOT_IN_SCHEME.sub("", value)).scheme
    except ValueError:
        return False
    return scheme.lower() in SAFE_SCHEMES


def _unsafe(body: etree._Element) -> Iterator[str]:
    """Elements, attributes, links and loose text the subset does not allow."""
    if (body.text or "").strip():
        yield "text outside any block"
    for element in body.iter():
        if element is body:
            continue
        if not isinstance(element.tag, str):
            yield "a comment or processing instruction"
            continue
        name = element.tag
        if name not in ELEMENTS:
            yield f"element {name!r} is not allowed"
            continue
        yield from _attribute_problems(element, name)
        inside_block = any(a.tag in BLOCKS for a in element.iterancestors())
        if name in INLINE and not inside_block:
            yield f"{name!r} outside any block"
        if (element.tail or "").strip() and not inside_block and name not in INLINE:
            yield f"text after {name!r} outside any block"
        if name in CONTAINERS and (element.text or "").strip() and not inside_block:
            yield f"text directly in {name!r}"


def _attribute_problems(element: etree._Element, name: str) -> Iterator[str]:
    allowed = ATTRIBUTES.get(name, frozenset())
    for attribute, value in element.attrib.items():
        if attribute not in allowed:
            yield f"attribute {attribute!r} is not allowed on {name!r}"
        elif attribute in URL_ATTRIBUTES and not safe_url(str(value)):
            yield f"unsafe link {value!r}"
