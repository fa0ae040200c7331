"""Reports: JSON against its JSON Schema, JUnit against a JUnit XSD, GitHub annotations, text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator
from lxml import etree

from newsconv import schema_store
from newsconv.validate import reporters
from newsconv.validate.checker import FileReport
from newsconv.validate.findings import Finding

JUNIT_XSD = Path(__file__).with_name("junit.xsd")
REPORTS = [
    FileReport("feed/a.xml", "newsml", (), 0.25),
    FileReport(
        "feed/b, c.xml",
        "newsml",
        (
            Finding("xsd", "Element 'x': not expected.\nSecond line: 100%", line=3, column=7),
            Finding("g2.qcode-alias", "alias 'zz' is declared by no catalog", severity="warning", line=5),
        ),
        0.5,
    ),
    FileReport("feed/c.bin", None, (Finding("format.unknown", "not XML, JSON, Turtle or N-Triples"),)),
    FileReport("feed/d.jsonld", "jsonld", (Finding("shacl", "bad", severity="warning", path="/author"),)),
]


def test_summary_counts_files_and_findings() -> None:
    assert reporters.summary(REPORTS) == {"files": 4, "valid": 2, "invalid": 2, "errors": 2, "warnings": 2}


def test_json_report_validates_against_its_schema() -> None:
    schema = json.loads(schema_store.own(reporters.REPORT_SCHEMA).read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    document = json.loads(reporters.as_json(REPORTS))
    assert list(Draft202012Validator(schema).iter_errors(document)) == []
    assert document["valid"] is False
    assert [f["valid"] for f in document["files"]] == [True, False, False, True]
    assert document["files"][1]["findings"][0] == {
        "rule": "xsd",
        "severity": "error",
        "message": "Element 'x': not expected.\nSecond line: 100%",
        "line": 3,
        "column": 7,
        "path": None,
    }


def test_json_schema_rejects_a_report_of_another_shape() -> None:
    schema = json.loads(schema_store.own(reporters.REPORT_SCHEMA).read_text(encoding="utf-8"))
    document = json.loads(reporters.as_json(REPORTS))
    document["files"][0]["findings"] = [{"rule": "xsd", "severity": "fatal", "message": "m"}]
    assert not Draft202012Validator(schema).is_valid(document)


def test_junit_report_validates_against_the_junit_schema() -> None:
    tree = etree.fromstring(reporters.junit(REPORTS).encode("utf-8"))
    schema = etree.XMLSchema(etree.parse(str(JUNIT_XSD)))
    assert schema.validate(tree), schema.error_log
    cases = tree.findall("testsuite/testcase")
    assert [c.get("name") for c in cases] == [r.path for r in REPORTS]
    assert [c.find("failure") is not None for c in cases] == [False, True, True, False]
    assert tree.get("tests") == "4" and tree.get("failures") == "2"
    failure = cases[1].find("failure")
    assert (
        failure is not None and failure.get("type") == "xsd" and "feed/b, c.xml:3:7" in (failure.text or "")
    )
    assert "g2.qcode-alias" in (cases[1].findtext("system-out") or "")


def test_junit_schema_is_strict_enough_to_fail() -> None:
    schema = etree.XMLSchema(etree.parse(str(JUNIT_XSD)))
    assert not schema.validate(
        etree.fromstring(b'<testsuites><testsuite name="s"><testcase/></testsuite></testsuites>')
    )


def test_github_annotations_escape_data_and_properties() -> None:
    lines = reporters.github(REPORTS).splitlines()
    assert lines[0] == (
        "::error file=feed/b%2C c.xml,line=3,col=7,title=xsd::Element 'x': not expected.%0ASecond line: 100%25"
    )
    assert (
        lines[1]
        == "::warning file=feed/b%2C c.xml,line=5,title=g2.qcode-alias::alias 'zz' is declared by no catalog"
    )
    assert lines[2] == "::error file=feed/c.bin,title=format.unknown::not XML, JSON, Turtle or N-Triples"
    assert lines[-1] == "2 valid, 2 invalid"


@pytest.mark.parametrize("colour", [False, True])
def test_text_report_names_place_rule_and_colours_only_when_asked(colour: bool) -> None:
    output = reporters.text(REPORTS, colour)
    assert "feed/b, c.xml:3:7: " in output and "[g2.qcode-alias]" in output
    assert output.rstrip().splitlines()[-1].endswith("(4 files, 2 errors, 2 warnings)")
    assert ("\033[" in output) is colour
