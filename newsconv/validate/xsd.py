"""XML Schema validation with lxml (libxml2), reported as findings with line and column.

Schemas and documents are parsed with the network off and entities unresolved, so neither a
schema import nor a document's DTD can reach out or expand an entity bomb.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from lxml import etree

from newsconv.validate.findings import Finding, Severity


@cache
def schema(path: Path) -> etree.XMLSchema:
    """The compiled XSD at ``path`` (compiled once per process; imports resolve beside it)."""
    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    return etree.XMLSchema(etree.parse(str(path), parser))


def parse(document: str | bytes) -> tuple[etree._ElementTree | None, list[Finding]]:
    """Parse XML safely; on failure, no tree and ``xml.syntax`` findings with their positions.

    Text (``str``) is parsed as the characters it holds, whatever its XML declaration says.
    """
    data = document.encode("utf-8") if isinstance(document, str) else document
    parser = etree.XMLParser(
        no_network=True,
        resolve_entities=False,
        load_dtd=False,
        encoding="utf-8" if isinstance(document, str) else None,
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        findings = _findings(parser.error_log, "xml.syntax")
        return None, findings or [Finding("xml.syntax", error.msg or str(error), line=error.lineno)]
    return root.getroottree(), []


def check(compiled: etree.XMLSchema, tree: etree._ElementTree) -> list[Finding]:
    """Every ``xsd`` finding the schema reports for ``tree``; empty when it is valid."""
    if compiled.validate(tree):
        return []
    return _findings(compiled.error_log, "xsd")


def validate(document: str | bytes, path: Path) -> list[Finding]:
    """Parse ``document`` and validate it against the XSD at ``path``."""
    tree, findings = parse(document)
    if tree is None:
        return findings
    return check(schema(path), tree)


def _findings(log: etree._ListErrorLog, rule: str) -> list[Finding]:
    return [
        Finding(
            rule,
            entry.message,
            severity=_severity(entry.level),
            line=entry.line or None,
            column=entry.column or None,
            path=entry.path,
        )
        for entry in log
        if entry.level >= etree.ErrorLevels.WARNING
    ]


def _severity(level: int) -> Severity:
    return "warning" if level == etree.ErrorLevels.WARNING else "error"
