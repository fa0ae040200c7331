"""Reading a body written in XHTML or NITF markup into paragraphs and the model's safe structure.

Shared by the readers of formats that carry marked-up bodies (NewsML-G2 ``inlineXML``, ninjs
``body_html``). The source markup is copied into the subset :mod:`newsconv.body` allows:

- elements are taken by local name (any namespace); NITF's ``hl2`` is an ``h2``, ``bq`` a
  ``blockquote``; page furniture (``head``, ``header``, ``footer``, ``nav``, ``aside``,
  ``figure``, ``script``, ``style``, NITF ``media``) is left out with what it holds;
- any other element is unwrapped (its text stays), and so is an inline element outside every
  block; text outside every block is left out; attributes the subset does not allow, and links
  to unsafe schemes, are dropped;
- a ``span`` with an ``id`` marks where that id lies in its paragraph (quotes and mentions as the
  NewsML-G2 and ninjs writers encode them), then is unwrapped.

Read loosely (any source but newsconv's own), runs of XML whitespace in a block are one space,
a block's text is trimmed, a ``br`` is a space, empty blocks and an ``h1`` repeating the
headline are dropped, and the dateline is cut from the first block that opens with it and goes
on (as the plain-text reader does). Read exactly, only whitespace between top-level blocks
(the writer's indentation) is dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from newsconv import body

SKIPPED = frozenset({"head", "header", "footer", "nav", "aside", "figure", "script", "style", "media"})
RENAMED = {"hl2": "h2", "bq": "blockquote"}
_WHITESPACE = re.compile("[ \t\n\r]+")

Mark = tuple[int, int, int, frozenset[str]]
"""Where an id'd element lies: paragraph, start, end, its ``class`` tokens."""


@dataclass(frozen=True, slots=True)
class ReadBody:
    """What a marked-up body gives the model, and where its id'd spans lie."""

    paragraphs: tuple[str, ...]
    xhtml: str | None
    marks: dict[str, Mark]


def read(
    container: etree._Element, *, exact: bool, headline: str | None = None, dateline: str | None = None
) -> ReadBody:
    """The paragraphs, structure (None when it is plain paragraphs) and marks of a body element."""
    out = etree.Element("body")
    _copy(container, out, exact, in_block=False)
    if not exact:
        _tidy(out, headline, dateline)
    marks = _marks(out)
    for span in list(out.iter("span")):
        _unwrap(span)
    paragraphs = tuple(body.block_text(b) for b in body.blocks(out))
    return ReadBody(paragraphs, None if _plain(out) else body.serialize(out), marks)


# --- copying into the subset ---


def _copy(source: etree._Element, parent: etree._Element, exact: bool, in_block: bool) -> None:
    """Copy the children (and text) of ``source`` into ``parent``."""
    _text(parent, source.text, exact, in_block)
    for child in source.iterchildren():
        if isinstance(child.tag, str):
            _element(child, parent, exact, in_block)
        _text(parent, child.tail, exact, in_block)


def _element(source: etree._Element, parent: etree._Element, exact: bool, in_block: bool) -> None:
    name = etree.QName(source).localname
    name = RENAMED.get(name, name)
    if name in SKIPPED:
        return
    if name == "br" and not exact:
        _text(parent, " ", exact, in_block)
        return
    ident = source.get("id")
    if name == "span" and ident is not None and in_block:
        target = etree.SubElement(parent, "span", {"id": ident, "class": source.get("class") or ""})
    elif name in body.BLOCKS or name in body.CONTAINERS or (name in body.INLINE and in_block):
        target = etree.SubElement(parent, name)
        for attribute, value in source.attrib.items():
            allowed = isinstance(attribute, str) and attribute in body.ATTRIBUTES.get(name, ())
            if allowed and (attribute not in body.URL_ATTRIBUTES or body.safe_url(str(value))):
                target.set(attribute, str(value))
    else:
        _copy(source, parent, exact, in_block)  # unwrapped
        return
    _copy(source, target, exact, in_block or name in body.BLOCKS)


def _text(parent: etree._Element, text: str | None, exact: bool, in_block: bool) -> None:
    """Append text where it belongs; text outside every block is left out."""
    if not text or not in_block:
        return
    if len(parent):
        parent[-1].tail = (parent[-1].tail or "") + text
    else:
        parent.text = (parent.text or "") + text


# --- loose reading ---


def _tidy(out: etree._Element, headline: str | None, dateline: str | None) -> None:
    """Collapse whitespace, drop empty blocks and a repeated headline, cut the dateline."""
    for block in list(body.blocks(out)):
        _collapse(block)
    for block in list(body.blocks(out)):
        text = body.block_text(block)
        nested = any(True for _ in body.blocks(block))
        if not nested and (not text or (block.tag == "h1" and text == headline)):
            _remove(block)
    if dateline:
        for block in body.blocks(out):
            text = body.block_text(block)
            rest = text[len(dateline) :]
            if text.startswith(dateline) and rest[:1].isspace() and rest.strip():
                _cut(block, len(text) - len(rest.lstrip()))
                break


def _collapse(block: etree._Element) -> None:
    """Runs of whitespace in the block's own text become one space; the text is trimmed."""
    slots = list(body.slots(block))
    space_before = True  # at the start, a leading space is dropped
    for element, where in slots:
        value = _WHITESPACE.sub(" ", getattr(element, where) or "")
        if space_before and value.startswith(" "):
            value = value[1:]
        if value:
            space_before = value.endswith(" ")
        setattr(element, where, value or None)
    for element, where in reversed(slots):
        value = getattr(element, where) or ""
        stripped = value.rstrip(" ")
        setattr(element, where, stripped or None)
        if stripped:
            break


def _cut(block: etree._Element, count: int) -> None:
    """Remove the first ``count`` characters of the block's own text."""
    for element, where in body.slots(block):
        if count <= 0:
            return
        value = getattr(element, where) or ""
        setattr(element, where, value[count:] or None)
        count -= min(count, len(value))


def _remove(element: etree._Element) -> None:
    """Remove an element, keeping its tail text where it was."""
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail
    previous = element.getprevious()
    if tail:
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(element)


def _unwrap(element: etree._Element) -> None:
    """Replace an element by its text and children."""
    parent = element.getparent()
    if parent is None:
        return
    index = parent.index(element)
    previous = element.getprevious()
    text = element.text or ""
    if previous is not None:
        previous.tail = (previous.tail or "") + text
    else:
        parent.text = (parent.text or "") + text
    children = list(element)
    for offset, child in enumerate(children):
        parent.insert(index + offset, child)
    last = children[-1] if children else element.getprevious()
    tail = element.tail or ""
    if last is not None and last is not element:
        last.tail = (last.tail or "") + tail
    else:
        parent.text = (parent.text or "") + tail
    parent.remove(element)


# --- marks and plainness ---


def _marks(out: etree._Element) -> dict[str, Mark]:
    """Where each marking ``span`` lies in its block's text."""
    marks: dict[str, Mark] = {}
    for number, block in enumerate(body.blocks(out)):
        _measure(block, number, 0, marks)
    return marks


def _measure(element: etree._Element, number: int, offset: int, marks: dict[str, Mark]) -> int:
    offset += len(element.text or "")
    for child in element.iterchildren():
        if isinstance(child.tag, str) and child.tag not in body.BLOCKS:
            start = offset
            offset = offset + 1 if child.tag == "br" else _measure(child, number, offset, marks)
            if child.tag == "span":
                marks[child.get("id", "")] = (
                    number,
                    start,
                    offset,
                    frozenset(child.get("class", "").split()),
                )
        offset += len(child.tail or "")
    return offset


def _plain(out: etree._Element) -> bool:
    """Whether the structure is only paragraphs of plain text (then the model keeps none)."""
    return all(child.tag == "p" and len(child) == 0 and not child.attrib for child in out)
