"""`newsconv validate`: the IPTC corpus verdicts, inputs, rule selection, reports, exit codes, jobs."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsconv import api, schema_store
from newsconv.cli import app, use_colour
from newsconv.text import reader
from newsconv.validate import checker

runner = CliRunner()
ODRL_ITEM = "iptc-test__2.34_should_pass__CR00219_datamining_in_rightsinfo_embeddedrights.xml"


def run(*args: str):  # type: ignore[no-untyped-def]
    result = runner.invoke(app, ["validate", *args])
    schema_store.set_schema_dir(None)
    return result


def report(*args: str) -> dict:  # type: ignore[type-arg]
    result = run(*args, "--report", "json", "--jobs", "1")
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def invalid_names(document: dict) -> set[str]:  # type: ignore[type-arg]
    return {Path(f["path"]).name for f in document["files"] if not f["valid"]}


def expected(shared: Path) -> list[dict[str, str]]:
    with open(shared / "corpora" / "newsml-g2-examples" / "validation-results.csv", newline="") as rows:
        return list(csv.DictReader(rows))


@pytest.fixture(scope="module")
def writes(seed_path: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The seed article written in every format, one file each."""
    article = reader.read(seed_path.read_bytes(), str(seed_path))
    folder = tmp_path_factory.mktemp("written")
    names = {
        "newsml": "a.xml",
        "jsonld": "a.jsonld",
        "model": "a.json",
        "turtle": "a.ttl",
        "ntriples": "a.nt",
        "rdfxml": "a.rdf",
    }
    paths = {}
    for fmt, name in names.items():
        paths[fmt] = folder / name
        paths[fmt].write_text(api.write(article, fmt), encoding="utf-8")
    return paths


def test_corpus_verdicts_match_the_xsd_column_except_the_odrl_item(shared: Path) -> None:
    corpus = shared / "corpora" / "newsml-g2-examples"
    result = run(str(corpus), "--report", "json")
    assert result.exit_code == 1
    rows = expected(shared)
    plain = {r["file"] for r in rows if r["xsd_2_35"] == "invalid"}
    assert invalid_names(json.loads(result.stdout)) == plain - {ODRL_ITEM}
    with_odrl = {r["file"] for r in rows if r["xsd_2_35_plus_odrl"] == "invalid"}
    assert plain - with_odrl == {ODRL_ITEM}  # the only difference: ODRL needs the multi-schema


def test_iptc_ninjs_examples_of_both_versions_validate(shared: Path) -> None:
    result = run(str(shared / "corpora" / "ninjs-examples"), "--report", "json", "--strict")
    assert result.exit_code == 0, result.output
    files = json.loads(result.stdout)["files"]
    assert {Path(f["path"]).parent.name for f in files} == {"2.2", "3.1"}
    assert {f["format"] for f in files} == {"ninjs"}


def test_each_valid_corpus_file_alone_exits_0(shared: Path) -> None:
    corpus = shared / "corpora" / "newsml-g2-examples"
    valid = [r["file"] for r in expected(shared) if r["xsd_2_35_plus_odrl"] == "valid"]
    assert len(valid) == 16
    for name in valid:
        result = run(str(corpus / name))
        assert result.exit_code == 0, (name, result.stdout)


def test_every_written_format_is_detected_and_valid(writes: dict[str, Path]) -> None:
    document = report(*(str(p) for p in writes.values()))
    assert [(Path(f["path"]).suffix, f["format"], f["valid"]) for f in document["files"]] == sorted(
        [(p.suffix, fmt, True) for fmt, p in writes.items()], key=lambda t: writes[t[1]].name
    )


def test_format_override_skips_detection(writes: dict[str, Path]) -> None:
    document = report(str(writes["newsml"]), "--format", "jsonld")
    assert document["files"][0]["format"] == "jsonld"
    assert document["files"][0]["findings"][0]["rule"] == "json.syntax"


def test_unreadable_undetectable_and_non_utf8_inputs_are_invalid_and_the_run_goes_on(
    tmp_path: Path, writes: dict[str, Path]
) -> None:
    latin = tmp_path / "latin.jsonld"
    latin.write_bytes('{"@context": "https://schema.org", "name": "Zürich"}'.encode("latin-1"))
    (tmp_path / "noise.json").write_bytes(b'{"just": "data"}')
    (tmp_path / "ninjs.json").write_bytes(b'{"type": "text", "standard": {"name": "ninjs"}}')
    document = report(str(tmp_path / "missing.xml"), str(tmp_path), str(writes["newsml"]))
    rules = {Path(f["path"]).name: [x["rule"] for x in f["findings"]] for f in document["files"]}
    assert rules == {
        "missing.xml": ["input.unreadable"],
        "latin.jsonld": ["input.encoding"],
        "noise.json": ["format.unknown"],
        "ninjs.json": ["ninjs.schema"],
        "a.xml": [],
    }
    assert document["summary"]["invalid"] == 4


def test_folders_are_searched_recursively_and_globs_expand(tmp_path: Path, writes: dict[str, Path]) -> None:
    nested = tmp_path / "x" / "y"
    nested.mkdir(parents=True)
    shutil.copy(writes["newsml"], nested / "deep.xml")
    shutil.copy(writes["turtle"], tmp_path / "top.ttl")
    (tmp_path / "notes.txt").write_text("not a feed")
    assert {Path(f["path"]).name for f in report(str(tmp_path))["files"]} == {"deep.xml", "top.ttl"}
    assert {Path(f["path"]).name for f in report(str(tmp_path / "**" / "*.xml"))["files"]} == {"deep.xml"}


def test_rule_and_ignore_select_findings(shared: Path) -> None:
    path = str(
        shared
        / "corpora"
        / "newsml-g2-examples"
        / "iptc-test__2.34_should_fail__CR00218_too_many_nested_related.xml"
    )
    everything = {x["rule"] for x in report(path)["files"][0]["findings"]}
    assert {"xsd", "g2.qcode-alias"} <= everything
    only_g2 = report(path, "--rule", "g2")["files"][0]
    assert {x["rule"] for x in only_g2["findings"]} == {"g2.qcode-alias"} and only_g2["valid"]
    assert run(path, "--ignore", "xsd").exit_code == 0
    assert run(path, "--ignore", "xsd", "--ignore", "g2.qcode-alias", "--strict").exit_code == 0


def test_strict_turns_warnings_into_errors(shared: Path) -> None:
    path = str(
        shared / "corpora" / "newsml-g2-examples" / "iptc-ex__LISTING_27_Company_Financial_Information.xml"
    )
    assert run(path).exit_code == 0
    strict = run(path, "--strict")
    assert strict.exit_code == 1 and "error [g2.inline-xml-empty]" in strict.stdout


def test_duplicate_guids_across_files_are_reported(tmp_path: Path, writes: dict[str, Path]) -> None:
    shutil.copy(writes["newsml"], tmp_path / "one.xml")
    shutil.copy(writes["newsml"], tmp_path / "two.xml")
    files = report(str(tmp_path))["files"]
    assert [[x["rule"] for x in f["findings"]] for f in files] == [["g2.guid-unique"], ["g2.guid-unique"]]
    assert str(tmp_path / "two.xml") in files[0]["findings"][0]["message"]


def test_output_file_gets_the_report_and_stdout_stays_empty(tmp_path: Path, writes: dict[str, Path]) -> None:
    target = tmp_path / "out" / "report.xml"
    result = run(str(writes["newsml"]), "--report", "junit", "--output", str(target))
    assert result.exit_code == 0 and result.stdout == ""
    assert target.read_text(encoding="utf-8").startswith("<?xml") and list(target.parent.iterdir()) == [
        target
    ]


def test_text_report_is_plain_when_piped(shared: Path) -> None:
    path = str(
        shared / "corpora" / "newsml-g2-examples" / "iptc-test__2.29_should_fail__001_incomplete_file.xml"
    )
    result = run(path)
    assert result.exit_code == 1
    assert f"{path}:9: error [xsd] " in result.stdout and "\033[" not in result.stdout


def test_parallel_jobs_give_the_same_report(shared: Path) -> None:
    corpus = str(shared / "corpora" / "newsml-g2-examples")
    one = report(corpus)
    result = run(corpus, "--report", "json", "--jobs", "3")
    many = json.loads(result.stdout)
    assert [(f["path"], f["valid"], f["findings"]) for f in many["files"]] == [
        (f["path"], f["valid"], f["findings"]) for f in one["files"]
    ]


@pytest.mark.parametrize(
    "args",
    [
        ["--format", "nosuch", "x.xml"],
        ["--report", "pdf", "x.xml"],
        ["--jobs", "0", "x.xml"],
        ["nothing-here-*.xml"],
    ],
)
def test_usage_errors_exit_2(args: list[str]) -> None:
    assert run(*args).exit_code == 2


def test_missing_schema_exits_2(
    tmp_path: Path, writes: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(schema_store.ENV_VAR, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    result = run(str(writes["newsml"]), "--schema-dir", str(tmp_path))
    assert result.exit_code == 2 and "not found" in result.stderr


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_colour_only_on_a_terminal_without_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert use_colour(_Terminal()) and not use_colour(io.StringIO())
    monkeypatch.setenv("NO_COLOR", "1")
    assert not use_colour(_Terminal())


def test_xsd_only_runs_skip_the_g2_rules(shared: Path) -> None:
    path = str(shared / "corpora" / "newsml-g2-examples" / "iptc-ex__ap_metadata_example.xml")
    with_rules = checker.check_file(path)
    without = checker.check_file(path, checker.Settings(g2_rules=False))
    assert any(f.rule.startswith("g2.") for f in with_rules.findings)
    assert without.findings == () and without.guids == with_rules.guids


def test_a_missing_newsml_schema_does_not_stop_other_formats(
    tmp_path: Path, writes: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    schemas = tmp_path / "schemas"
    shutil.copytree(
        Path(schema_store.locate(schema_store.SCHEMAORG_VOCABULARY)).parents[1] / "schemaorg",
        schemas / "schemaorg",
    )
    monkeypatch.delenv(schema_store.ENV_VAR, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    assert run(str(writes["jsonld"]), "--schema-dir", str(schemas)).exit_code == 0
    assert run(str(writes["newsml"]), "--schema-dir", str(schemas)).exit_code == 2
