"""The plan check holds one folder's names at a time, and refuses what a plan holding all would.

A listing of millions must not sit in the client's memory: these tests count the names the plan
holds while a lazily made listing goes by, and check that the names it drops and rebuilds lose
no conflict.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsconv
from newsconv.batch import ConvertOptions, files
from newsconv.batch.plan import Plan
from newsconv.errors import OutputConflictError
from newsconv.inputs import Input, relist

_EXTENSIONS = [".xml", ".json"]


def _walk(folders: int, per_folder: int) -> Iterator[Input]:
    """A listing made as it is consumed: ``folders`` folders two deep, ``per_folder`` inputs each."""
    for number in range(folders):
        parts = (f"{number // 10:03d}", f"{number % 10}")
        for name in range(per_folder):
            yield Input(posixpath.join("/archive", *parts, f"{name:04d}.txt"), (*parts, f"{name:04d}.txt"))


def test_a_walk_is_checked_holding_one_folder_at_a_time() -> None:
    def relist(folder: str, parts: tuple[str, ...]) -> list[Input]:
        raise AssertionError(f"{folder} was listed again, though no input came back to it")

    plan = Plan(_EXTENSIONS, "/out", relist=relist)
    held = []
    for item in _walk(folders=300, per_folder=20):
        assert plan.add(item, walked=0)
        held.append(plan.names_held)
    one_folder = 20 * (1 + len(_EXTENSIONS))  # its inputs in /archive/…, their outputs in /out/…
    assert len(held) == 6000 and max(held) == one_folder


def test_the_check_of_a_folder_tree_holds_no_more_than_its_largest_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for number in range(40):
        folder = tmp_path / "in" / f"{number // 8}" / f"{number % 8}"
        folder.mkdir(parents=True)
        for name in range(number % 5 + 1):
            (folder / f"{name}.txt").touch()
    held: list[int] = []

    class Counting(Plan):
        def add(self, item: Input, walked: int | None = None) -> bool:
            added = super().add(item, walked)
            held.append(self.names_held)
            return added

    monkeypatch.setattr(files, "Plan", Counting)
    listing, count = files.check_plan([str(tmp_path / "in")], ConvertOptions(("model", "newsml"), "/out"))
    assert count == len(listing or ()) == 8 * (1 + 2 + 3 + 4 + 5)
    assert max(held) == 5 * 3  # the largest folder: five inputs and their two outputs each


def _tree_inputs(universe: frozenset[str], base: str, out: str | None) -> list[Input]:
    """What a walk of ``base`` finds in ``universe`` (an output folder strictly inside it not entered)."""
    skip = out if out is not None and out.startswith(base + "/") else None
    found = [
        path
        for path in universe
        if path.startswith(base + "/") and not (skip and path.startswith(skip + "/"))
    ]
    parts = sorted(tuple(path[len(base) + 1 :].split("/")) for path in found)
    return [Input(posixpath.join(base, *p), p) for p in parts]


_FOLDERS = ["/in", "/in/x", "/in/in", "/out", "/out/in", "/out/in/x", "/out/in/in/x"]
_FILES = ["a.txt", "a.xml", "b.txt", "a.1.txt", "b.json"]


@settings(max_examples=300, deadline=None)
@given(
    universe=st.frozensets(st.builds(posixpath.join, st.sampled_from(_FOLDERS), st.sampled_from(_FILES))),
    arguments=st.lists(
        st.sampled_from(["/in", "/in/x", "/out/in", "/out", "/in/a.txt", "/out/in/b.txt"]),
        min_size=1,
        max_size=3,
    ),
    out=st.sampled_from([None, "/out", "/in/x"]),
)
def test_dropping_and_rebuilding_folders_refuses_exactly_what_holding_all_refuses(
    universe: frozenset[str], arguments: list[str], out: str | None
) -> None:
    """Walks that come back to folders they left (two arguments, an input folder inside the
    output folder) are checked as if every name were held."""
    folders = {posixpath.dirname(path) for path in universe}

    def relist(folder: str, parts: tuple[str, ...]) -> list[Input]:
        names = sorted(posixpath.basename(p) for p in universe if posixpath.dirname(p) == folder)
        return [Input(posixpath.join(folder, name), (*parts, name)) for name in names]

    stream: list[tuple[Input, int | None]] = []
    for number, argument in enumerate(arguments):
        if any(folder == argument or folder.startswith(argument + "/") for folder in folders):
            stream += [(item, number) for item in _tree_inputs(universe, argument, out)]
        else:
            stream.append((Input.of(argument), None))

    def outcome(plan: Plan) -> tuple[list[str], str | None]:
        planned = []
        try:
            for item, walked in stream:
                if plan.add(item, walked):
                    planned.append(item.path)
        except OutputConflictError as error:
            return planned, str(error)
        return planned, None

    dropping = Plan(_EXTENSIONS, out, (".xml",), relist=relist)
    assert outcome(dropping) == outcome(Plan(_EXTENSIONS, out, (".xml",)))


def _stories(folder: Path, names: list[str]) -> None:
    for name in names:
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"Headline {name}\n\nA paragraph about {name}.\n", encoding="utf-8")


def test_two_folders_writing_one_name_are_refused_after_the_first_folder_was_left(tmp_path: Path) -> None:
    _stories(tmp_path / "one", ["sub/a.txt", "z/b.txt"])
    _stories(tmp_path / "two", ["sub/a.txt"])
    out = tmp_path / "out"
    with pytest.raises(OutputConflictError, match="both write .*sub/a.json"):
        newsconv.convert_files([str(tmp_path / "one"), str(tmp_path / "two")], "model", out, jobs=1)
    assert not out.exists()


def test_a_folder_named_twice_is_converted_once(tmp_path: Path) -> None:
    _stories(tmp_path / "in", ["sub/a.txt", "z/b.txt", "c.txt"])
    found: list[str] = []
    summary = newsconv.convert_files(
        [str(tmp_path / "in"), str(tmp_path / "in" / "sub"), str(tmp_path / "in")],
        "model", tmp_path / "out", jobs=1, on_result=lambda r: found.append(r.source),
    )  # fmt: skip
    assert summary.ok == 3 and sorted(Path(p).name for p in found) == ["a.txt", "b.txt", "c.txt"]


def test_an_input_folder_inside_the_output_folder_cannot_overwrite_a_deeper_input(tmp_path: Path) -> None:
    """in/in/x/n.txt becomes out/in/x/n.json, which is the input in/x/n.json: found though the
    walk listed the two folders at different times."""
    out = tmp_path / "out"
    _stories(out / "in", ["in/x/n.txt", "x/n.json"])
    before = sorted(out.rglob("*"))
    with pytest.raises(OutputConflictError, match="overwrite"):
        newsconv.convert_files(out / "in", "model", out, jobs=1)
    assert sorted(out.rglob("*")) == before


@pytest.mark.parametrize("gone", ["{tmp}/gone", "memory://newsconv-review-gone"])
def test_a_folder_that_cannot_be_listed_again_is_an_input_error(tmp_path: Path, gone: str) -> None:
    """A folder removed between the walk and the plan's second listing: a NewsconvError, no OSError."""
    folder = gone.format(tmp=tmp_path)
    with pytest.raises(newsconv.InputError, match="cannot list"):
        list(relist(folder, ("gone",), {".txt"}))
