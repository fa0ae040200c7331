"""The command line: outputs, exit codes, batches that survive bad files, atomic output."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from newsconv import schema_store
from newsconv.cli import app

runner = CliRunner()


def run(*args: str, stdin: bytes | None = None):  # type: ignore[no-untyped-def]
    result = runner.invoke(app, list(args), input=stdin)
    schema_store.set_schema_dir(None)
    return result


def test_seed_to_model_matches_the_contract(seed_path: Path) -> None:
    result = run("convert", str(seed_path), "--to", "model")
    assert result.exit_code == 0, result.stderr
    model = json.loads(result.stdout)
    assert model["headline"] == "With Human Rights in Question, China Proves a Close Ally"
    assert len(model["paragraphs"]) == 21
    assert not any("Related Stories" in p or "Sign up" in p for p in model["paragraphs"])
    for key in ("persons", "organizations", "places"):
        assert all({"id", "name", "aliases"} <= set(e) for e in model[key])
    assert all({"text", "speaker"} <= set(q) for q in model["quotes"])


def test_seed_to_newsml_validates_with_plain_lxml(seed_path: Path) -> None:
    result = run("convert", str(seed_path), "--to", "newsml")
    assert result.exit_code == 0, result.stderr
    xsd = etree.XMLSchema(etree.parse(str(schema_store.locate(schema_store.NEWSML_XSD))))
    assert xsd.validate(etree.fromstring(result.stdout.encode()))


def test_stdin_is_read_with_dash(seed_path: Path) -> None:
    result = run("convert", "-", "--to", "model", stdin=seed_path.read_bytes())
    assert result.exit_code == 0
    assert json.loads(result.stdout)["source"] is None


def test_out_dir_gets_every_format_and_no_temp_files(seed_path: Path, tmp_path: Path) -> None:
    result = run(
        "convert",
        str(seed_path),
        "--to",
        "newsml,jsonld,turtle,ntriples,rdfxml,model",
        "--out",
        str(tmp_path),
    )
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        f"000_7191209150cac94e{ext}" for ext in (".xml", ".jsonld", ".ttl", ".nt", ".rdf", ".json")
    )


def test_batch_goes_on_past_bad_files_and_exits_1(seed_path: Path, tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "good.txt").write_bytes(seed_path.read_bytes())
    (inputs / "empty.txt").write_bytes(b"")
    (inputs / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (inputs / "latin1.txt").write_bytes("Caf\xe9 owners protest\n\nThe caf\xe9 is closed.".encode("latin-1"))
    out = tmp_path / "out"
    result = run("convert", str(inputs), "--to", "model", "--out", str(out))
    assert result.exit_code == 1
    assert "empty.txt" in result.stderr and "binary.txt" in result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["good.json", "latin1.json"]
    assert json.loads((out / "latin1.json").read_text())["headline"] == "Café owners protest"


def test_folder_outputs_keep_subfolders(seed_path: Path, tmp_path: Path) -> None:
    for sub in ("a", "b"):
        (tmp_path / "in" / sub).mkdir(parents=True)
        (tmp_path / "in" / sub / "001.txt").write_bytes(seed_path.read_bytes())
    result = run("convert", str(tmp_path / "in"), "--to", "model", "--out", str(tmp_path / "out"))
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "out" / "a" / "001.json").is_file() and (tmp_path / "out" / "b" / "001.json").is_file()


def test_invalid_utf8_model_json_is_an_input_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_bytes(b'{"headline": "\xff"}')
    result = run("convert", str(bad), "--from", "model", "--to", "model")
    assert result.exit_code == 1
    assert "bad.json" in result.stderr


def test_missing_file_is_named(tmp_path: Path) -> None:
    result = run("convert", str(tmp_path / "nope.txt"), "--to", "model")
    assert result.exit_code == 1
    assert "nope.txt" in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ("convert", "x.txt", "--to", "docx"),
        ("convert", "a.txt", "b.txt", "--to", "model"),
        ("convert", "a.txt", "--to", "model,newsml"),
        ("convert", "a.txt", "--to", "text"),
        ("convert", "a.txt"),
    ],
)
def test_usage_errors_exit_2(args: tuple[str, ...]) -> None:
    assert run(*args).exit_code == 2


def test_missing_schema_says_which_and_how(
    seed_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(schema_store.ENV_VAR, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    result = run("convert", str(seed_path), "--to", "newsml", "--schema-dir", str(tmp_path))
    assert result.exit_code == 2
    assert schema_store.NEWSML_XSD in result.stderr and "newsconv schemas fetch" in result.stderr


def test_schema_dir_option_is_searched_first(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    result = run("schemas", "list", "--schema-dir", str(tmp_path))
    assert result.exit_code == 0, result.stdout
    assert f"--schema-dir {tmp_path}" in result.stdout


def test_validate_reports_invalid_documents(shared: Path) -> None:
    examples = shared / "corpora" / "newsml-g2-examples"
    good = run(
        "validate", str(examples / "iptc-ex__LISTING_1_A_NewsML-G2_News_Item.xml"), "--format", "newsml"
    )
    assert good.exit_code == 0, good.stdout
    bad = run(
        "validate",
        str(examples / "iptc-test__2.29_should_fail__001_incomplete_file.xml"),
        "--format",
        "newsml",
    )
    assert bad.exit_code == 1
    assert "xsd" in bad.stdout


def test_formats_lists_every_registered_format() -> None:
    result = run("formats")
    assert [line.split()[0] for line in result.stdout.splitlines()] == [
        "text",
        "model",
        "newsml",
        "jsonld",
        "ninjs",
        "ninjs2",
        "turtle",
        "ntriples",
        "rdfxml",
    ]
