"""Render file reports as text (for people), JSON, JUnit XML (Jenkins, GitLab) or GitHub annotations.

The JSON shape is documented by ``newsconv/schemas/validation-report.schema.json``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import Any

from lxml import etree

from newsconv.validate.checker import FileReport
from newsconv.validate.findings import Finding

Reporter = Callable[[Sequence[FileReport], bool], str]
REPORT_SCHEMA = "validation-report.schema.json"
_COLOURS = {"error": "\033[31m", "warning": "\033[33m", "ok": "\033[32m"}
_RESET = "\033[0m"


def summary(reports: Sequence[FileReport]) -> dict[str, int]:
    """Counts of files, valid and invalid files, error and warning findings."""
    findings = [f for r in reports for f in r.findings]
    invalid = sum(not r.valid for r in reports)
    return {
        "files": len(reports),
        "valid": len(reports) - invalid,
        "invalid": invalid,
        "errors": sum(f.severity == "error" for f in findings),
        "warnings": sum(f.severity == "warning" for f in findings),
    }


def text(reports: Sequence[FileReport], colour: bool) -> str:
    """One ``path:line:column: severity [rule] message`` line per finding, then a summary line."""
    lines = [
        f"{_where(r.path, f)}: {_paint(f.severity, f.severity, colour)} [{f.rule}] {f.message}"
        for r in reports
        for f in r.findings
    ]
    counts = summary(reports)
    state = "error" if counts["invalid"] else "ok"
    lines.append(
        _paint(state, f"{counts['valid']} valid, {counts['invalid']} invalid", colour)
        + f" ({counts['files']} files, {counts['errors']} errors, {counts['warnings']} warnings)"
    )
    return "\n".join(lines) + "\n"


def as_json(reports: Sequence[FileReport], colour: bool = False) -> str:
    """One JSON object: tool, version, valid, summary, and each file with its findings."""
    from importlib.metadata import version  # here: it costs the start of every other run 20 ms

    document: dict[str, Any] = {
        "tool": "newsconv",
        "version": version("newsconv"),
        "valid": all(r.valid for r in reports),
        "summary": summary(reports),
        "files": [
            {
                "path": r.path,
                "format": r.format,
                "valid": r.valid,
                "seconds": round(r.seconds, 6),
                "findings": [_finding_object(f) for f in r.findings],
            }
            for r in reports
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def junit(reports: Sequence[FileReport], colour: bool = False) -> str:
    """JUnit XML: one testsuite, one testcase per file, a ``failure`` listing an invalid file's errors."""
    counts = summary(reports)
    total = f"{sum(r.seconds for r in reports):.3f}"
    attributes = {
        "name": "newsconv validate",
        "tests": str(counts["files"]),
        "failures": str(counts["invalid"]),
    }
    suites = etree.Element("testsuites", {**attributes, "errors": "0", "time": total})
    suite = etree.SubElement(
        suites, "testsuite", {**attributes, "errors": "0", "skipped": "0", "time": total}
    )
    for report in reports:
        case = etree.SubElement(
            suite,
            "testcase",
            {
                "classname": f"newsconv.validate.{report.format or 'unknown'}",
                "name": report.path,
                "file": report.path,
                "time": f"{report.seconds:.3f}",
            },
        )
        errors = [f for f in report.findings if f.severity == "error"]
        warnings = [f for f in report.findings if f.severity == "warning"]
        if errors:
            failure = etree.SubElement(
                case, "failure", {"message": f"{len(errors)} error(s): {errors[0]}", "type": errors[0].rule}
            )
            failure.text = "\n".join(_where(report.path, f) + f": {f}" for f in errors)
        if warnings:
            etree.SubElement(case, "system-out").text = "\n".join(
                _where(report.path, f) + f": warning {f}" for f in warnings
            )
    return etree.tostring(suites, xml_declaration=True, encoding="UTF-8", pretty_print=True).decode("utf-8")


def github(reports: Sequence[FileReport], colour: bool = False) -> str:
    """GitHub Actions workflow commands: ``::error file=…,line=…,col=…,title=rule::message``."""
    lines = []
    for report in reports:
        for f in report.findings:
            properties = [("file", report.path), ("line", f.line), ("col", f.column), ("title", f.rule)]
            fields = ",".join(f"{k}={_escape(str(v), property=True)}" for k, v in properties if v is not None)
            lines.append(f"::{f.severity} {fields}::{_escape(f.message)}")
    counts = summary(reports)
    lines.append(f"{counts['valid']} valid, {counts['invalid']} invalid")
    return "\n".join(lines) + "\n"


REPORTERS: dict[str, Reporter] = {"text": text, "json": as_json, "junit": junit, "github": github}


def _finding_object(finding: Finding) -> dict[str, Any]:
    return {
        "rule": finding.rule,
        "severity": finding.severity,
        "message": finding.message,
        "line": finding.line,
        "column": finding.column,
        "path": finding.path,
    }


def _where(path: str, finding: Finding) -> str:
    if finding.line is None:
        return path
    return f"{path}:{finding.line}" + (f":{finding.column}" if finding.column else "")


def _paint(kind: str, value: str, colour: bool) -> str:
    return f"{_COLOURS[kind]}{value}{_RESET}" if colour else value


def _escape(value: str, *, property: bool = False) -> str:
    escaped = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return escaped.replace(":", "%3A").replace(",", "%2C") if property else escaped
