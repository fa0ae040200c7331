"""Validate any NewsML-G2 document (item, newsMessage, catalog) against the 2.35 XSD and the G2 rules.

A document is read with lxml ``iterparse``. Each item of a ``newsMessage`` is validated on its
own, as a document of its own (as a receiver that splits the message sees it), as soon as it is
complete, and then dropped, so memory stays flat however many items a message holds: ``xs:ID``
values are therefore unique per item, not across the message as whole-document validation
(xmllint) demands. The message itself is then validated with a placeholder in ``itemSet``
(which the XSD matches laxly). An item that embeds ODRL (``rightsExpressionXML``) is validated
against ``G2-multi-schema-2.35.xsd``, the IPTC wrapper that adds the ODRL 2.2 schema, since the
plain XSD's strict wildcard there demands ODRL declarations it does not have.
"""

from __future__ import annotations

import copy
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, cast

from lxml import etree

from newsconv import schema_store
from newsconv.detect import G2_ROOTS, G2_TAGS
from newsconv.errors import SchemaNotFoundError
from newsconv.validate import newsml_rules, xsd
from newsconv.validate.findings import Finding

NAR = newsml_rules.NAR
_MESSAGE = f"{{{NAR}}}newsMessage"
_ITEM_SET = f"{{{NAR}}}itemSet"
_PLACEHOLDER = f"{{{NAR}}}newsconvValidatedItem"
_ITEMS = [f"{{{NAR}}}{name}" for name in sorted(G2_ROOTS - {"newsMessage"})]
_ODRL_HOLDER = f"{{{NAR}}}rightsExpressionXML"
WHOLE_BYTES = 1 << 20  # documents up to this size may be parsed whole; larger ones are streamed
_PARSER = etree.XMLParser(no_network=True, resolve_entities=False, load_dtd=False)
_TEXT_PARSER = etree.XMLParser(no_network=True, resolve_entities=False, load_dtd=False, encoding="utf-8")


@dataclass(slots=True)
class Result:
    """Findings for one document and the guids of the items it holds (with their lines)."""

    findings: list[Finding] = field(default_factory=list)
    guids: list[tuple[str, int | None]] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Schemas:
    """Where the XSDs are: the plain 2.35 one, and the ODRL wrapper if it is on the search path."""

    plain: Path
    odrl: Path | None


@schema_store.per_store()
def prepare() -> Schemas:
    """Locate and compile the XSD and read the QCode attributes now, so that a missing one fails early.

    Once per schema store: every document validated asks, and locating means looking on disk.
    """
    plain = schema_store.locate(schema_store.NEWSML_XSD)
    xsd.schema(plain)
    newsml_rules.qcode_attributes()
    try:
        odrl: Path | None = schema_store.locate(schema_store.NEWSML_ODRL_XSD)
    except SchemaNotFoundError:
        odrl = None  # only an item with embedded ODRL needs it; that item then reports it missing
    return Schemas(plain, odrl)


def validate_document(document: str | bytes) -> list[Finding]:
    """Every problem in a NewsML-G2 document held in memory: THE validation of the ``newsml`` format.

    The registry entry points here, so that the API (``newsconv.validate``), ``convert`` (its
    input with ``--strict``, and its output) and ``newsconv validate`` give one verdict: any G2
    root, items with embedded ODRL against the IPTC wrapper schema, and the G2 rules. Text
    (``str``) is parsed as the characters it holds, whatever its XML declaration says.
    """
    if isinstance(document, str):
        return _validate_text(document.encode("utf-8", "surrogatepass"), prepare())
    return validate(document).findings


def _validate_text(data: bytes, schemas: Schemas) -> list[Finding]:
    root = _parse_whole(data, _TEXT_PARSER) if len(data) <= WHOLE_BYTES else None
    if root is None:
        return _stream(io.BytesIO(data), schemas, True, "utf-8").findings
    return validate_parsed(root, data, schemas, encoding="utf-8").findings


def validate(
    source: str | Path | IO[bytes] | bytes, schemas: Schemas | None = None, *, rules: bool = True
) -> Result:
    """Validate the NewsML-G2 document at ``source`` (path, binary file or bytes), streaming newsMessages.

    ``schemas`` saves looking the XSDs up on the search path for every document of a batch;
    ``rules=False`` checks the XSD only (what ``--rule xsd`` asks for), skipping the G2 rules.
    Bytes of a single item of up to ``WHOLE_BYTES`` are parsed in one go (faster than
    ``iterparse``); a newsMessage, a larger or a malformed document goes the streaming way (a
    100,000-item message never stands whole as a tree), so the findings are the same either way.
    """
    schemas = schemas or prepare()
    if isinstance(source, bytes):
        root = _parse_whole(source) if len(source) <= WHOLE_BYTES else None
        if root is not None:
            return validate_parsed(root, source, schemas, rules=rules)
        return _stream(io.BytesIO(source), schemas, rules)
    return _stream(source if not isinstance(source, Path) else str(source), schemas, rules)


def parse(data: bytes) -> etree._Element | None:
    """The root element of ``data`` if it is well-formed XML with a NewsML-G2 root, else None.

    A caller that holds a document's bytes parses them once with this, instead of sniffing the
    format first, and hands the root to :func:`validate_parsed`.
    """
    root = _parse_whole(data)
    return root if root is not None and root.tag in G2_TAGS else None


def validate_parsed(
    root: etree._Element, data: bytes, schemas: Schemas, *, rules: bool = True, encoding: str | None = None
) -> Result:
    """Validate the document ``data`` whose ``root`` is already parsed (as :func:`validate` does).

    An item is checked as it is; a newsMessage is streamed from ``data`` item by item
    (``encoding`` overrides its declaration, as for text that was encoded to UTF-8).
    """
    if root.tag == _MESSAGE:
        return _stream(io.BytesIO(data), schemas, rules, encoding)
    result = Result()
    _check_item(root, schemas, rules, result)
    return result


def _parse_whole(data: bytes, parser: etree.XMLParser = _PARSER) -> etree._Element | None:
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError:
        return None


def _stream(source: str | IO[bytes], schemas: Schemas, rules: bool, encoding: str | None = None) -> Result:
    result = Result()
    items = 0
    events = etree.iterparse(
        source,
        events=("end",),
        tag=_ITEMS,
        no_network=True,
        resolve_entities=False,
        load_dtd=False,
        encoding=encoding,
    )
    try:
        for _, element in events:
            parent = element.getparent()
            if parent is not None and parent.tag == _ITEM_SET and _is_message(parent.getparent()):
                _check_item(copy.deepcopy(element), schemas, rules, result)  # a document of its own
                parent.remove(element)
                items += 1
    except etree.XMLSyntaxError as error:
        message = error.msg or str(error)
        result.findings.append(
            Finding("xml.syntax", message, line=error.lineno or None, column=error.offset or None)
        )
        return result
    root = events.root
    if root.tag == _MESSAGE:
        _check_message(root, items, schemas, rules, result)
    else:
        _check_item(root, schemas, rules, result)
    return result


def _is_message(element: etree._Element | None) -> bool:
    return element is not None and element.tag == _MESSAGE and element.getparent() is None


def _check_item(item: etree._Element, schemas: Schemas, rules: bool, result: Result) -> None:
    path = schemas.plain
    if next(item.iter(_ODRL_HOLDER), None) is not None:
        path = schemas.odrl or schema_store.locate(schema_store.NEWSML_ODRL_XSD)
    tree = etree.ElementTree(item)
    result.findings += xsd.check(xsd.schema(path), tree)
    if rules:
        result.findings += newsml_rules.check(item)
    guid = item.get("guid")
    if guid is not None:
        result.guids.append((guid, cast("int | None", item.sourceline)))


def _check_message(
    message: etree._Element, items: int, schemas: Schemas, rules: bool, result: Result
) -> None:
    item_set = message.find(_ITEM_SET)
    if item_set is not None and items:
        etree.SubElement(item_set, _PLACEHOLDER)
    tree = message.getroottree()
    result.findings += xsd.check(xsd.schema(schemas.plain), tree)
    if rules:
        result.findings += newsml_rules.check(message)
