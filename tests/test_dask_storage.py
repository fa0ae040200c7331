"""Inputs and outputs named by fsspec URLs: listed lazily, written whole, skipped when done.

Skipped when fsspec (the ``dask`` extra) is not installed.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

fsspec = pytest.importorskip("fsspec")

import newsconv

STORY = "Harbour bridge reopens\n\nThe city reopened the Harbour Bridge on Friday, said Mayor Ana Lopez.\n"


@pytest.fixture
def memory() -> Iterator[object]:
    """An empty in-memory file system (it is process-wide: emptied again afterwards)."""
    fs = fsspec.filesystem("memory")
    fs.store.clear()
    fs.pseudo_dirs[:] = [""]
    yield fs
    fs.store.clear()
    fs.pseudo_dirs[:] = [""]


def _put(fs: object, path: str, text: str) -> None:
    fs.pipe_file(path, text.encode("utf-8"))  # type: ignore[attr-defined]


def test_a_url_folder_converts_keeping_sub_folders_and_skipping_hidden_files(memory: object) -> None:
    _put(memory, "/in/a.txt", STORY)
    _put(memory, "/in/sub/b.txt", STORY.replace("Harbour", "River"))
    _put(memory, "/in/.drafts/c.txt", STORY)
    summary = newsconv.convert_files("memory://in", ["newsml", "model"], "memory://out", jobs=1)
    assert (summary.inputs, summary.ok) == (2, 2)
    assert sorted(memory.find("/out")) == [  # type: ignore[attr-defined]
        "/out/a.json", "/out/a.xml", "/out/sub/b.json", "/out/sub/b.xml",
    ]  # fmt: skip
    local = newsconv.convert(STORY, "model", source="memory:///in/a.txt")
    assert memory.cat_file("/out/a.json").decode("utf-8") == local  # type: ignore[attr-defined]


def test_a_rerun_on_urls_skips_complete_inputs_and_redoes_the_rest(memory: object) -> None:
    for name in ("a", "b", "c"):
        _put(memory, f"/in/{name}.txt", STORY.replace("Harbour", name.upper()))
    first = newsconv.convert_files("memory://in", ["newsml", "model"], "memory://out", jobs=1)
    memory.rm("/out/b.json")  # type: ignore[attr-defined]
    again = newsconv.convert_files("memory://in", ["newsml", "model"], "memory://out", jobs=1, resume=True)
    assert (first.ok, again.ok, again.skipped) == (3, 1, 2)
    assert memory.exists("/out/b.json")  # type: ignore[attr-defined]


def test_a_url_pattern_names_its_matches(memory: object) -> None:
    _put(memory, "/in/a.txt", STORY)
    _put(memory, "/in/b.md", STORY)
    summary = newsconv.convert_files("memory://in/*.txt", "model", "memory://out", jobs=1)
    assert summary.inputs == 1 and memory.exists("/out/a.json")  # type: ignore[attr-defined]


def test_file_urls_write_what_paths_write(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(STORY, encoding="utf-8")
    newsconv.convert_files(f"file://{tmp_path}/in", "newsml", f"file://{tmp_path}/by-url", jobs=1)
    newsconv.convert_files(tmp_path / "in", "newsml", tmp_path / "by-path", jobs=1)
    assert (tmp_path / "by-url" / "a.xml").read_bytes() == (tmp_path / "by-path" / "a.xml").read_bytes()


def test_a_missing_url_is_a_failed_input_not_a_crash(memory: object) -> None:
    summary = newsconv.convert_files("memory://in/none.txt", "model", "memory://out", jobs=1)
    assert (summary.inputs, summary.failed) == (1, 1)
    assert summary.failures[0].error == "InputError"


def test_url_folders_writing_one_name_are_refused_and_a_folder_named_twice_converts_once(
    memory: object,
) -> None:
    """The plan drops a URL folder's names once walked and lists it again when another argument
    comes back to it."""
    for folder in ("one", "two"):
        _put(memory, f"/{folder}/sub/a.txt", STORY)
        _put(memory, f"/{folder}/z/b.txt", STORY.replace("Harbour", "River"))
    with pytest.raises(newsconv.OutputConflictError, match="both write"):
        newsconv.convert_files(["memory://one", "memory://two"], "model", "memory://out", jobs=1)
    assert not memory.exists("/out")  # type: ignore[attr-defined]
    summary = newsconv.convert_files(["memory://one", "memory://one/sub", "memory://one"], "model",
                                     "memory://out", jobs=1)  # fmt: skip
    assert (summary.inputs, summary.ok) == (2, 2)  # the repeats, rebuilt from a second listing, dropped
