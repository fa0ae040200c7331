"""Command-line conventions and the defects of issue 13 that a user meets on the command line."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

import newsconv
from newsconv import schema_store
from newsconv.cli import app

runner = CliRunner()


def run(*args: str, stdin: bytes | None = None):  # type: ignore[no-untyped-def]
    result = runner.invoke(app, list(args), input=stdin)
    schema_store.set_schema_dir(None)
    return result


def test_version_is_the_installed_package_version() -> None:
    from importlib.metadata import version

    result = run("--version")
    assert result.exit_code == 0 and version("newsconv") in result.stdout


def test_format_options_list_their_choices_from_the_registry() -> None:
    writable = [f.name for f in newsconv.FORMATS if f.writable]
    assert "|".join(writable) in run("convert", "--help").stdout.replace("\n", "").replace(" ", "")
    result = run("convert", "x.txt", "--to", "model,docx")
    assert result.exit_code == 2 and "docx" in result.stderr and "newsml" in result.stderr


def test_convert_overwriting_its_own_input_exits_2_and_writes_nothing(shared: Path, tmp_path: Path) -> None:
    source = tmp_path / "dw-1.xml"
    shutil.copy(shared / "corpora" / "newsml-g2-examples" / "dpa-dw__dw-1.xml", source)
    before = source.read_bytes()
    result = run("convert", str(source), "--to", "newsml", "--out", str(tmp_path))
    assert result.exit_code == 2 and "overwrite" in result.stderr
    assert source.read_bytes() == before and [p.name for p in tmp_path.iterdir()] == ["dw-1.xml"]


def test_formats_can_be_repeated_or_comma_separated(seed_path: Path, tmp_path: Path) -> None:
    result = run("convert", str(seed_path), "--to", "model", "-t", "jsonld,turtle", "--out", str(tmp_path))
    assert result.exit_code == 0, result.stderr
    assert sorted(p.suffix for p in tmp_path.iterdir()) == [".json", ".jsonld", ".ttl"]


def test_an_internal_error_exits_3_and_names_the_file(
    seed_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsconv.formats import model_json

    def broken(article: object) -> str:
        raise KeyError("a bug")

    monkeypatch.setattr(model_json, "write", broken)
    result = run("convert", str(seed_path), "--to", "model", "--out", str(tmp_path))
    assert result.exit_code == 3 and "internal error" in result.stderr and seed_path.name in result.stderr
    assert run("convert", str(seed_path), "--to", "model").exit_code == 3


def test_jobs_and_manifest_on_the_command_line(seed_path: Path, tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    for n in range(3):
        (inputs / f"{n}.txt").write_bytes(seed_path.read_bytes())
    (inputs / "bad.txt").write_bytes(b"")
    manifest = tmp_path / "m.jsonl"
    result = run("convert", str(inputs), "--to", "model", "--out", str(tmp_path / "out"), "--jobs", "2",
                 "--manifest", str(manifest))  # fmt: skip
    assert result.exit_code == 1 and "bad.txt" in result.stderr
    lines = [json.loads(line) for line in manifest.read_text().splitlines()]
    assert [r["status"] for r in lines[:-1]] == ["ok", "ok", "ok", "failed"]
    again = run("convert", str(inputs), "--to", "model", "--out", str(tmp_path / "out"), "--resume",
                "--manifest", str(manifest))  # fmt: skip
    assert again.exit_code == 1
    assert [json.loads(line).get("status") for line in manifest.read_text().splitlines()[:-1]] == [
        "skipped", "skipped", "skipped", "failed",
    ]  # fmt: skip


def test_one_failing_format_is_reported_and_the_others_written(
    seed_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsconv.formats import jsonld
    from newsconv.validate.findings import Finding

    monkeypatch.setattr(jsonld, "prove", lambda document, article: [Finding("test.broken", "made to fail")])
    result = run("convert", str(seed_path), "--to", "jsonld,model,newsml", "--out", str(tmp_path))
    assert result.exit_code == 1
    assert f"{seed_path}: invalid jsonld: [test.broken] made to fail" in result.stderr
    assert sorted(p.suffix for p in tmp_path.iterdir()) == [".json", ".xml"]


def test_validate_writes_several_reports_in_one_run(shared: Path, tmp_path: Path) -> None:
    path = str(shared / "corpora" / "newsml-g2-examples" / "iptc-ex__LISTING_1_A_NewsML-G2_News_Item.xml")
    junit = tmp_path / "reports" / "junit.xml"
    result = run(
        "validate", path, "--report", f"junit:{junit}", "--report", "text", "-r", f"json:{tmp_path}/r.json"
    )
    assert result.exit_code == 0, result.output
    assert etree.parse(str(junit)).getroot().tag == "testsuites"
    assert json.loads((tmp_path / "r.json").read_text())["files"][0]["valid"] is True
    assert "1 file" in result.stdout or "valid" in result.stdout
    assert run("validate", path, "-r", "text", "-r", "json").exit_code == 2
    assert run("validate", path, "-r", "text", "-r", "json", "--output", str(tmp_path / "x")).exit_code == 2
    assert run("validate", path, "-r", "junit", "--output", str(tmp_path / "one.xml")).exit_code == 0


def test_validate_a_folder_as_ninjs_takes_its_json_files(shared: Path, tmp_path: Path) -> None:
    folder = shared / "corpora" / "ninjs-examples" / "3.1"
    result = run("validate", str(folder), "--format", "ninjs", "--report", "json")
    files = json.loads(result.stdout)["files"]
    assert len(files) == len(list(folder.rglob("*.json"))) > 0
    assert result.exit_code == 0, result.stdout


def test_validate_refuses_text_and_checks_several_formats(shared: Path, tmp_path: Path) -> None:
    ninjs = next((shared / "corpora" / "ninjs-examples" / "3.1").rglob("*.json"))
    assert run("validate", str(ninjs), "--format", "text").exit_code == 2
    as_ninjs = run("validate", str(ninjs), "-f", "jsonld,ninjs", "--report", "json")
    assert as_ninjs.exit_code == 0, as_ninjs.stdout
    other = run("validate", str(ninjs), "-f", "newsml,jsonld", "--report", "json")
    assert other.exit_code == 1 and "format.unexpected" in other.stdout


def test_validate_dash_reads_standard_input(shared: Path) -> None:
    data = (
        shared / "corpora" / "newsml-g2-examples" / "iptc-ex__LISTING_1_A_NewsML-G2_News_Item.xml"
    ).read_bytes()
    result = run("validate", "-", "--report", "json", stdin=data)
    assert result.exit_code == 0, result.output
    [report] = json.loads(result.stdout)["files"]
    assert report["path"] == "-" and report["format"] == "newsml"
    assert run("validate", "-", stdin=b"<not xml").exit_code == 1


def test_an_invalid_model_read_from_stdin_is_called_the_input() -> None:
    result = run("convert", "-", "--from", "model", "--to", "jsonld", stdin=b'{"model_version": 1}')
    assert result.exit_code == 1
    assert "<input>: invalid model" in result.stderr and "<output>" not in result.stderr


def test_model_json_input_has_the_json_limits() -> None:
    deep = b'{"model_version": 1, "headline": ' + b"[" * 300 + b"]" * 300 + b"}"
    with pytest.raises(newsconv.InputError, match="nested"):
        newsconv.read(deep, "model")
    assert [f.rule for f in newsconv.validate(deep, "model")] == ["json.syntax"]


def test_validate_exits_3_when_a_validator_has_a_bug(
    seed_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    written = tmp_path / "a.json"
    written.write_text(newsconv.convert(seed_path.read_text(encoding="utf-8"), "model"), encoding="utf-8")
    from newsconv.formats import model_json

    def broken(document: object) -> list[object]:
        raise KeyError("a bug")

    monkeypatch.setattr(model_json, "validate", broken)
    result = run("validate", str(written), "--jobs", "1")
    assert result.exit_code == 3 and "internal" in result.stdout


def test_the_progress_bar_is_wiped_for_a_message_and_ends_its_line(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from newsconv.cli import _Bar

    bar = _Bar()
    bar.show(1, 5)  # few files: no bar
    bar.show(10, 40)
    bar.clear()
    bar.show(40, 40)
    bar.end()
    err = capsys.readouterr().err
    assert err.startswith("\r[#######") and "10/40 files" in err and err.endswith("] 40/40 files\n")
    assert "1/5" not in err
