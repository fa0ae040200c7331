"""One validation per format: the API, ``convert --strict`` and ``newsconv validate`` agree on every example.

Each example file is validated three ways, with its format named and with it detected from the
content: ``newsconv.validate`` (the API), ``newsconv convert --strict`` (which refuses an input
that breaks its schema, saying ``invalid <format>``) and ``newsconv validate`` (exit 0 or 1).
A document ``convert`` cannot read once validated (a conceptItem holds no article) may still
be refused by ``convert``, but never for being invalid when the others call it valid.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import articles

import newsconv
from newsconv import registry, schema_store
from newsconv.cli import app
from newsconv.detect import detect
from newsconv.errors import UnknownFormatError
from newsconv.model import Article
from newsconv.validate import checker
from newsconv.validate.findings import errors

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
NEWSML = SHARED / "corpora" / "newsml-g2-examples"
NINJS = SHARED / "corpora" / "ninjs-examples"
EXAMPLES = sorted((p, "newsml") for p in NEWSML.glob("*.xml")) + sorted(
    (p, "ninjs") for p in NINJS.glob("*/*.json")
)

runner = CliRunner()


def cli(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    schema_store.set_schema_dir(None)
    return result.exit_code, result.stderr


def api_valid(path: Path, format_name: str) -> bool:
    return not errors(newsconv.validate(path.read_bytes(), format_name))


def validate_valid(path: Path, *format_option: str) -> bool:
    code, stderr = cli("validate", "--jobs", "1", *format_option, str(path))
    assert code in (0, 1), stderr
    return code == 0


def convert_valid(path: Path, format_name: str, out: Path, *format_option: str) -> bool:
    """Whether ``convert --strict`` accepted the input as valid (it may still refuse to read it)."""
    code, stderr = cli(
        "convert", *format_option, "--strict", "--no-validate", "--to", "model", "--out", str(out), str(path)
    )
    assert code in (0, 1), stderr
    return f"invalid {format_name}:" not in stderr


@pytest.mark.skipif(not EXAMPLES, reason="example corpora not available")
@pytest.mark.parametrize(("path", "format_name"), EXAMPLES, ids=lambda v: getattr(v, "name", v))
def test_api_convert_and_validate_give_one_verdict_for_a_named_format(
    path: Path, format_name: str, tmp_path: Path
) -> None:
    verdict = api_valid(path, format_name)
    assert validate_valid(path, "--format", format_name) == verdict
    assert convert_valid(path, format_name, tmp_path, "--from", format_name) == verdict


@pytest.mark.skipif(not EXAMPLES, reason="example corpora not available")
@pytest.mark.parametrize(("path", "format_name"), EXAMPLES, ids=lambda v: getattr(v, "name", v))
def test_a_detected_format_gives_the_same_verdict(path: Path, format_name: str, tmp_path: Path) -> None:
    try:
        detected = detect(path.read_bytes())
    except UnknownFormatError:
        assert not validate_valid(path)  # a fragment (root contentMeta) is no document of any format
        return
    verdict = api_valid(path, detected)
    assert validate_valid(path) == verdict
    assert convert_valid(path, detected, tmp_path) == verdict


def test_the_iptc_odrl_item_that_should_pass_passes_everywhere(tmp_path: Path) -> None:
    path = NEWSML / "iptc-test__2.34_should_pass__CR00219_datamining_in_rightsinfo_embeddedrights.xml"
    if not path.is_file():
        pytest.skip("IPTC example corpus not available")
    assert api_valid(path, "newsml")
    assert convert_valid(path, "newsml", tmp_path)


def test_bytes_that_are_no_utf8_get_the_same_finding_from_the_api_and_the_checker(tmp_path: Path) -> None:
    path = tmp_path / "latin1.json"
    path.write_bytes('{"uri": "x", "type": "text", "headline": "Caf\u00e9"}'.encode("latin-1"))
    assert [f.rule for f in newsconv.validate(path.read_bytes(), "ninjs")] == ["input.encoding"]
    code, _ = cli("validate", "--format", "ninjs", str(path))
    assert code == 1


def test_text_with_a_lone_surrogate_is_a_finding_not_a_crash() -> None:
    findings = newsconv.validate('<?xml version="1.0"?>\n<newsItem>\ud800</newsItem>', "newsml")
    assert [f.rule for f in errors(findings)] == ["xml.syntax"]


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    article=articles(),
    format_name=st.sampled_from(["newsml", "ninjs", "jsonld", "turtle", "ntriples", "rdfxml", "model"]),
    data=st.data(),
)
def test_the_checker_finds_what_the_api_finds_in_any_document(
    article: Article, format_name: str, data: st.DataObject, tmp_path: Path
) -> None:
    document = newsconv.write(article, format_name, validate=False).encode("utf-8")
    cut = data.draw(st.integers(0, len(document)))  # whole, or broken anywhere
    document = document if data.draw(st.booleans()) else document[:cut]
    path = tmp_path / f"doc{registry.get(format_name).extension}"
    path.write_bytes(document)
    expected = sorted(newsconv.validate(document, format_name), key=str)
    report = checker.check_file(str(path), checker.Settings(format_name))
    assert sorted(report.findings, key=str) == expected
