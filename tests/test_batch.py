"""The batch API: plans checked before anything is written, outputs that stand alone, manifests, resume."""

from __future__ import annotations

import importlib
import json
import os
import shutil
from pathlib import Path, PurePath

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsconv
from newsconv import registry
from newsconv.batch import ConvertOptions, FileResult, convert_batch, engines
from newsconv.batch.plan import Plan
from newsconv.errors import OutputConflictError
from newsconv.inputs import Input
from newsconv.validate.findings import Finding


@pytest.fixture
def stories(seed_path: Path, tmp_path: Path) -> Path:
    """A folder of three plain-text articles, one in a sub-folder."""
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    text = seed_path.read_text(encoding="utf-8")
    (folder / "a.txt").write_text(text, encoding="utf-8")
    (folder / "b.txt").write_text(text.replace("China", "Chile"), encoding="utf-8")
    (folder / "sub" / "c.txt").write_text(text.replace("China", "Cuba"), encoding="utf-8")
    return folder


def _tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_folder_converts_to_every_format_keeping_sub_folders(stories: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    summary = newsconv.convert_files(stories, ["model", "jsonld"], out, jobs=1)
    assert (summary.inputs, summary.ok, summary.failed, summary.articles) == (3, 3, 0, 3)
    assert sorted(_tree(out)) == ["a.json", "a.jsonld", "b.json", "b.jsonld", "sub/c.json", "sub/c.jsonld"]


def test_an_output_beside_its_own_input_is_refused_before_anything_is_written(
    shared: Path, tmp_path: Path
) -> None:
    source = shared / "corpora" / "newsml-g2-examples" / "dpa-dw__dw-1.xml"
    shutil.copy(source, tmp_path / "dw-1.xml")
    (tmp_path / "other.txt").write_text("Headline\n\nA paragraph of text.\n", encoding="utf-8")
    before = _tree(tmp_path)
    for inputs in ([str(tmp_path / "other.txt"), str(tmp_path / "dw-1.xml")], [str(tmp_path)]):
        with pytest.raises(OutputConflictError, match="overwrite"):
            newsconv.convert_files(inputs, "newsml", tmp_path)
        assert _tree(tmp_path) == before


def test_two_inputs_writing_one_name_are_refused_before_anything_is_written(
    stories: Path, tmp_path: Path
) -> None:
    (stories / "sub" / "a.txt").write_bytes((stories / "a.txt").read_bytes())
    out = tmp_path / "out"
    with pytest.raises(OutputConflictError, match="both write"):
        newsconv.convert_files([str(stories / "b.txt"), str(stories / "a.txt"), str(stories / "sub" / "a.txt")],
                               "model", out)  # fmt: skip
    assert not out.exists()


def test_an_output_folder_inside_the_input_folder_is_not_read_as_input(stories: Path) -> None:
    out = stories / "converted"
    first = newsconv.convert_files(stories, "model", out, jobs=1)
    again = newsconv.convert_files(stories, "model", out, jobs=1)
    assert first.inputs == again.inputs == 3


_NAMES = st.lists(st.sampled_from(["a.txt", "a.xml", "b.txt", "b.json", "x/a.txt", "x/a.json"]), max_size=8)


@settings(max_examples=200, deadline=None)
@given(inputs=_NAMES, beside=st.booleans())
def test_the_plan_refuses_exactly_what_a_pairwise_comparison_refuses(inputs: list[str], beside: bool) -> None:
    """The linear plan agrees with the quadratic definition: no output is an input or another's output."""
    unique = list(dict.fromkeys(inputs))
    items = [Input(f"/in/{name}", (PurePath(name).name,)) for name in unique]
    out = None if beside else "/in"
    outputs = [
        str(PurePath(out or str(PurePath(i.path).parent), i.parts[-1]).with_suffix(ext))
        for i in items
        for ext in (".xml", ".json")
    ]
    expected = len(set(outputs)) < len(outputs) or bool(set(outputs) & {i.path for i in items})
    plan = Plan([".xml", ".json"], out)
    try:
        for item in items:
            plan.add(item)
        refused = False
    except OutputConflictError:
        refused = True
    assert refused == expected


def test_a_format_that_fails_does_not_hide_the_others(
    stories: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsconv.formats import jsonld

    monkeypatch.setattr(jsonld, "prove", lambda document, article: [Finding("test.broken", "made to fail")])
    results: list[FileResult] = []
    out = tmp_path / "out"
    summary = newsconv.convert_files(stories / "a.txt", "newsml,jsonld,model", out, jobs=1,
                                     on_result=results.append)  # fmt: skip
    assert summary.failed == 1
    [result] = results
    assert result.status == "failed" and result.error == "ValidationError"
    assert "jsonld" in (result.message or "") and "made to fail" in (result.message or "")
    assert sorted(Path(p).name for p in result.outputs) == ["a.json", "a.xml"]
    assert sorted(_tree(out)) == ["a.json", "a.xml"]


def test_bad_inputs_fail_alone_and_a_bug_is_told_apart(
    stories: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (stories / "empty.txt").write_bytes(b"")
    results = {Path(r.source).name: r for r in convert_batch(sorted(map(str, stories.glob("*.txt"))),
                                                             ConvertOptions(("model",), str(tmp_path)))}  # fmt: skip
    assert results["empty.txt"].status == "failed" and results["empty.txt"].error == "InputError"
    assert not results["empty.txt"].internal
    assert results["a.txt"].status == "ok" and results["a.txt"].items == 1

    from newsconv.formats import model_json

    def broken(article: object) -> str:
        raise KeyError("a bug")

    monkeypatch.setattr(model_json, "write", broken)
    [result] = convert_batch([str(stories / "a.txt")], ConvertOptions(("model",), str(tmp_path)))
    assert result.internal and result.error == "KeyError"


def test_manifest_has_one_record_per_input_then_a_summary(stories: Path, tmp_path: Path) -> None:
    (stories / "empty.txt").write_bytes(b"")
    manifest = tmp_path / "m.jsonl"
    newsconv.convert_files(stories, "model", tmp_path / "out", jobs=1, manifest=manifest)
    *rows, summary = [json.loads(line) for line in manifest.read_text().splitlines()]
    assert [list(r) for r in rows] == [
        ["source", "status", "error", "message", "outputs", "items", "seconds"]
    ] * 4
    assert {Path(r["source"]).name: r["status"] for r in rows} == {
        "a.txt": "ok", "b.txt": "ok", "c.txt": "ok", "empty.txt": "failed",
    }  # fmt: skip
    assert summary["summary"] is True and (summary["inputs"], summary["ok"], summary["failed"]) == (4, 3, 1)
    assert not list(tmp_path.glob(".m.jsonl*"))


def test_a_parquet_manifest_without_pyarrow_is_refused_up_front(stories: Path, tmp_path: Path) -> None:
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        with pytest.raises(newsconv.batch.ManifestError):
            newsconv.convert_files(stories, "model", tmp_path / "out", manifest=tmp_path / "m.parquet")
        assert not (tmp_path / "out").exists()
    else:
        newsconv.convert_files(stories, "model", tmp_path / "out", jobs=1, manifest=tmp_path / "m.parquet")
        assert (tmp_path / "m.parquet").is_file()


def test_resume_skips_inputs_whose_outputs_are_complete_and_redoes_changed_ones(
    stories: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    newsconv.convert_files(stories, "model,jsonld", out, jobs=1)
    (out / "b.jsonld").unlink()  # as if the run had stopped between b's two outputs
    later = (out / "sub" / "c.json").stat().st_mtime_ns + 10**9  # edited after it was converted
    os.utime(stories / "sub" / "c.txt", ns=(later, later))
    results: list[FileResult] = []
    summary = newsconv.convert_files(
        stories, "model,jsonld", out, jobs=1, resume=True, on_result=results.append
    )
    assert {Path(r.source).name: r.status for r in results} == {
        "a.txt": "skipped",
        "b.txt": "ok",
        "c.txt": "ok",
    }
    assert (summary.skipped, summary.ok) == (1, 2) and (out / "b.jsonld").is_file()


def test_worker_processes_write_the_same_bytes_as_one_process(stories: Path, tmp_path: Path) -> None:
    formats = "model,jsonld,turtle,ninjs"
    one = newsconv.convert_files(stories, formats, tmp_path / "one", jobs=1, manifest=tmp_path / "one.jsonl")
    two = newsconv.convert_files(stories, formats, tmp_path / "two", jobs=2, batch_size=1,
                                 manifest=tmp_path / "two.jsonl")  # fmt: skip
    assert one.ok == two.ok == 3
    assert _tree(tmp_path / "one") == _tree(tmp_path / "two")
    sources = [[json.loads(line).get("source") for line in (tmp_path / f"{n}.jsonl").read_text().splitlines()]
               for n in ("one", "two")]  # fmt: skip
    assert sources[0] == sources[1]


def test_engines_are_found_by_name_or_given_as_a_function(stories: Path, tmp_path: Path) -> None:
    with pytest.raises(engines.UnknownEngineError, match="known: local"):
        engines.get("spark")
    seen: list[int] = []

    def counting(batches, options, *, jobs=None, client=None):  # type: ignore[no-untyped-def]
        for batch in batches:
            seen.append(len(batch))
            yield from convert_batch(batch, options)

    summary = newsconv.convert_files(stories, "model", tmp_path / "out", engine=counting, batch_size=2)
    assert summary.ok == 3 and seen == [2, 1]


def test_prepare_loads_once_and_names_unknown_formats() -> None:
    newsconv.prepare(["model", "jsonld"])
    newsconv.prepare("model,jsonld")  # a second call costs nothing
    with pytest.raises(newsconv.UnknownFormatError):
        newsconv.prepare(["docx"])


def test_prepare_for_convert_warms_no_reader_of_its_outputs(monkeypatch: pytest.MonkeyPatch) -> None:
    """``convert`` reads its inputs, not its outputs: ``read=False`` writes and validates, reads nothing back."""
    monkeypatch.setattr(importlib.import_module("newsconv.batch.prepare"), "_prepared", set())
    read: list[str] = []
    real = registry.Format.read_items

    def read_items(fmt: registry.Format, data: bytes, source: str | None = None) -> list[newsconv.Article]:
        read.append(fmt.name)
        return real(fmt, data, source)

    monkeypatch.setattr(registry.Format, "read_items", read_items)
    newsconv.prepare("jsonld,turtle", read=False)
    newsconv.prepare("jsonld,turtle", read=False)
    assert read == []
    newsconv.prepare("jsonld,turtle")
    newsconv.prepare("jsonld,turtle", read=False)  # prepared with their readers: nothing more to do
    assert read == ["jsonld", "turtle"]


def test_the_callers_schema_store_is_used_and_checked_before_any_input(stories: Path, tmp_path: Path) -> None:
    from newsconv import schema_store

    empty = schema_store.SchemaStore.of(tmp_path / "no-schemas")  # searches one empty folder, never downloads
    with schema_store.using(empty), pytest.raises(newsconv.SchemaNotFoundError, match="no-schemas"):
        newsconv.convert_files(stories, "newsml", tmp_path / "out", jobs=1)
    assert not (tmp_path / "out").exists()


def test_progress_hears_each_input_done_out_of_the_planned_total(stories: Path, tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    newsconv.convert_files(
        stories, "model", tmp_path / "out", jobs=1, progress=lambda d, t: seen.append((d, t))
    )
    assert seen == [(1, 3), (2, 3), (3, 3)]


def test_an_input_that_kills_its_worker_fails_alone_and_the_run_goes_on(
    stories: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Workers are forked from this process, so they inherit a convert_input that dies on one input."""
    from newsconv.batch import convert

    for n in range(5):
        (stories / f"more{n}.txt").write_bytes((stories / "a.txt").read_bytes())
    (stories / "kill.txt").write_bytes((stories / "a.txt").read_bytes())
    real = convert.convert_input

    def dying(item: Input, options: ConvertOptions) -> FileResult:
        if item.path.endswith("kill.txt"):
            os._exit(1)
        return real(item, options)

    monkeypatch.setattr(convert, "convert_input", dying)
    results: list[FileResult] = []
    summary = newsconv.convert_files(stories, "model", tmp_path / "out", jobs=2, batch_size=3,
                                     on_result=results.append)  # fmt: skip
    statuses = {Path(r.source).name: (r.status, r.error) for r in results}
    assert statuses.pop("kill.txt") == ("failed", "WorkerDied")
    assert set(statuses.values()) == {("ok", None)} and len(statuses) == 8
    assert [r.source for r in results] == sorted(r.source for r in results)  # input order kept
    assert summary.failed == 1 and not list((tmp_path / "out").rglob(".*.tmp"))


def test_a_document_that_may_hold_several_articles_reserves_its_numbered_names(
    shared: Path, tmp_path: Path
) -> None:
    message = (
        shared
        / "corpora"
        / "newsml-g2-examples"
        / "iptc-ex__LISTING_24_News_Message_conveying_a_complete_News_Package.xml"
    )
    shutil.copy(message, tmp_path / "feed.xml")
    (tmp_path / "feed.2.txt").write_text("Headline\n\nA paragraph of text.\n", encoding="utf-8")
    (tmp_path / "other.1.txt").write_text("Headline\n\nA paragraph of text.\n", encoding="utf-8")
    out = tmp_path / "out"
    for inputs in (["feed.xml", "feed.2.txt"], ["feed.2.txt", "feed.xml"]):
        with pytest.raises(OutputConflictError, match="several articles"):
            newsconv.convert_files([str(tmp_path / name) for name in inputs], "model", out)
    assert not out.exists()
    summary = newsconv.convert_files(
        [str(tmp_path / "feed.xml"), str(tmp_path / "other.1.txt")], "model", out, jobs=1
    )
    assert summary.failed == 0 and (out / "feed.2.json").is_file() and (out / "other.1.json").is_file()


def test_a_listing_too_long_to_keep_is_walked_again_for_the_conversion(
    stories: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsconv.batch import files

    monkeypatch.setattr(files, "_KEEP_LISTING", 1)
    results: list[FileResult] = []
    summary = newsconv.convert_files(stories, "model", tmp_path / "out", jobs=1, on_result=results.append)
    assert summary.ok == 3 and [Path(r.source).name for r in results] == ["a.txt", "b.txt", "c.txt"]


def test_a_retried_input_first_removes_what_a_killed_attempt_left(tmp_path: Path) -> None:
    from newsconv.batch.convert import remove_stale_temporaries

    out = tmp_path / "out"
    out.mkdir()
    left = [out / ".a.json.k1l2.tmp", out / ".a.xml.x9y8.tmp"]
    others = [out / ".b.json.k1l2.tmp", out / "a.json", out / ".a.json.note"]
    for path in (*left, *others):
        path.write_bytes(b"{")
    remove_stale_temporaries(Input.of(str(tmp_path / "a.txt")), ConvertOptions(("model", "newsml"), str(out)))
    assert [path.exists() for path in left] == [False, False]
    assert all(path.exists() for path in others)  # another input's, an output, no temporary
