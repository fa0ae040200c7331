"""Which files a folder, pattern or path argument names (``newsconv.inputs.expand``)."""

from __future__ import annotations

import os
from pathlib import Path, PurePath

import pytest

from newsconv.inputs import STDIN, expand


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A folder with nested, hidden, linked and oddly named entries."""
    for name in [
        "b.xml",
        "B.xml",
        "a/y.xml",
        "a/b/x.xml",
        "a-c/x.xml",
        "a/z.txt",
        ".hidden/h.xml",
        "d/.h.xml",
    ]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("<x/>")
    (tmp_path / "folder.xml").mkdir()
    os.symlink(tmp_path / "a", tmp_path / "linked")
    os.symlink(tmp_path / "b.xml", tmp_path / "link.xml")
    os.symlink(tmp_path / "missing", tmp_path / "broken.xml")
    return tmp_path


def test_a_folder_gives_its_visible_files_sorted_by_path_components(tree: Path) -> None:
    found = expand([str(tree)], ".xml")
    relative = [str(item.relative) for item in found]
    # "a/..." sorts before "a-c/..." component by component, though "-" < "/" as characters
    assert relative == ["B.xml", "a/b/x.xml", "a/y.xml", "a-c/x.xml", "b.xml", "link.xml"]
    assert [item.path for item in found] == [str(tree / r) for r in relative]


def test_the_extension_filter_is_exact_and_an_empty_one_takes_every_file(tree: Path) -> None:
    assert [str(i.relative) for i in expand([str(tree / "a")], ".txt")] == ["z.txt"]
    assert [str(i.relative) for i in expand([str(tree / "a")], "")] == ["b/x.xml", "y.xml", "z.txt"]


def test_a_linked_folder_named_directly_is_walked(tree: Path) -> None:
    assert [str(i.relative) for i in expand([str(tree / "linked")], ".xml")] == ["b/x.xml", "y.xml"]


def test_the_current_folder_gives_paths_without_a_dot(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tree / "a")
    assert [i.path for i in expand(["."], ".xml")] == ["b/x.xml", "y.xml"]
    assert [i.path for i in expand(["./"], ".xml")] == ["b/x.xml", "y.xml"]


def test_patterns_missing_paths_stdin_and_repeats(tree: Path) -> None:
    found = expand(
        [str(tree / "a" / "**" / "*.xml"), "-", str(tree / "nope.xml"), str(tree / "a/y.xml")], ".xml"
    )
    assert [(i.path, i.relative) for i in found] == [
        (str(tree / "a/b/x.xml"), PurePath("x.xml")),
        (str(tree / "a/y.xml"), PurePath("y.xml")),
        (STDIN, PurePath("stdin")),
        (str(tree / "nope.xml"), PurePath("nope.xml")),
    ]


def test_an_unlistable_sub_folder_is_skipped(tree: Path) -> None:
    locked = tree / "a" / "b"
    locked.chmod(0)
    try:
        if os.access(locked, os.R_OK):
            pytest.skip("running as a user who reads any folder")
        assert [str(i.relative) for i in expand([str(tree / "a")], ".xml")] == ["y.xml"]
    finally:
        locked.chmod(0o755)


def test_metadata_sidecars_are_never_found_in_folders_or_patterns(tmp_path: Path) -> None:
    for name in ("story.txt", "story.meta.json", "other.json"):
        (tmp_path / name).write_text("x")
    assert [str(i.relative) for i in expand([str(tmp_path)], "")] == ["other.json", "story.txt"]
    assert [str(i.relative) for i in expand([str(tmp_path / "*.json")], "")] == ["other.json"]
    assert [str(i.relative) for i in expand([str(tmp_path / "story.meta.json")], "")] == ["story.meta.json"]
