"""Where a batch writes, and the checks that run before anything is written.

An input ``path/NAME.txt`` found in a folder argument keeps its sub-folders under the output
folder and becomes ``OUT/sub/NAME.<ext>``; a document of several articles (a newsMessage)
becomes ``NAME.1.<ext>``, ``NAME.2.<ext>``…; with no output folder, outputs go beside their
input. :class:`Plan` refuses a batch that would overwrite one of its own inputs or write one
name twice, in O(n) for n inputs and without holding a listing of millions (see the class).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from newsconv.errors import InputError, OutputConflictError
from newsconv.inputs import STDIN, Input

# A folder a walk listed, and its parts below the walked argument -> the inputs found directly in it.
Relist = Callable[[str, tuple[str, ...]], Iterable[Input]]

_INPUT, _OUTPUT, _FAMILY, _NUMBERED = range(4)  # the kinds of name a folder holds


def destination(item: Input, out: str | None) -> str:
    """The input's output path before its extension is set: under ``out``, or beside the input.

    Plain string operations (no ``pathlib``): a plan of a million inputs makes millions of names.
    """
    if out is not None:
        return os.path.join(out, *item.parts)
    if item.path == STDIN:
        raise InputError(STDIN, "standard input needs an output folder")
    return item.path


def output_path(base: str, extension: str, number: int = 1, count: int = 1) -> str:
    """NAME.<ext> for a document with one article; NAME.<n>.<ext> (numbered from 1) for several:
    the input's own extension is replaced."""
    stem = _stem(base)
    if count == 1:
        return stem + extension
    return f"{stem}.{number:0{len(str(count))}d}{extension}"


def _stem(path: str) -> str:
    folder, name = os.path.split(path)
    root, suffix = os.path.splitext(name)
    return os.path.join(folder, root) if suffix else path


def planned_outputs(item: Input, extensions: Sequence[str], out: str | None) -> list[str]:
    """The outputs an input of one article gets (the names a resumed run looks for)."""
    stem = _stem(destination(item, out))
    return [stem + extension for extension in extensions]  # output_path's names, the stem made once


class _Name(NamedTuple):
    """One name an input takes: in which folder (normalised), what kind, and as the user wrote it."""

    kind: int
    folder: str
    name: str
    shown: str


class _Level(NamedTuple):
    """A folder a walk lists: the argument walked, the folder's path and its parts below the argument."""

    argument: int
    folder: str
    parts: tuple[str, ...]

    def within(self, other: _Level) -> bool:
        """Whether this level is ``other`` or below it, in the same walk."""
        return self.argument == other.argument and self.parts[: len(other.parts)] == other.parts


# What a level put in its folders: the folder listed, its parts, and the inputs it found that were
# repeats of inputs planned earlier (planned nothing: a second listing must skip them too).
_Listed = tuple[str, tuple[str, ...], frozenset[str]]


@dataclass(slots=True)
class _Open:
    """A level the walk is in: the folders its inputs and outputs are in, what it planned so far."""

    level: _Level
    folders: tuple[str, ...]
    planned: bool = False
    repeats: list[str] = field(default_factory=list)


@dataclass(slots=True)
class _Folder:
    """The names planned in one folder: each kind maps a name to the input that takes it."""

    kinds: tuple[dict[str, str], ...] = field(default_factory=lambda: ({}, {}, {}, {}))
    listed: set[_Listed] = field(default_factory=set)  # the levels that filled it
    users: int = 0  # open levels that put names here
    pinned: bool = False  # holds a named input: kept to the end

    def __len__(self) -> int:
        return sum(len(names) for names in self.kinds)

    def check(self, name: _Name, source: str) -> None:
        """OutputConflictError if ``source`` taking ``name`` collides with a name already here."""
        inputs, outputs, families, numbered = self.kinds
        if name.kind == _INPUT and name.name in outputs:
            raise OutputConflictError(
                f"{source} is an input, and the output of {outputs[name.name]}: "
                "converting would overwrite it; choose another output folder"
            )
        if name.kind == _OUTPUT and name.name in inputs:
            raise OutputConflictError(
                f"writing {name.shown} would overwrite an input; choose another output folder"
            )
        if name.kind == _OUTPUT and name.name in outputs:
            raise OutputConflictError(
                f"{outputs[name.name]} and {source} would both write {name.shown}; convert them separately"
            )
        if name.kind == _NUMBERED and name.name in families:
            raise OutputConflictError(_numbered_clash(families[name.name], source))
        if name.kind == _FAMILY and name.name in numbered:
            raise OutputConflictError(_numbered_clash(source, numbered[name.name]))

    def keep(self, name: _Name, source: str) -> None:
        """Remember that ``source`` plans ``name`` in this folder, for the checks of later names."""
        self.kinds[name.kind][name.name] = source


class Plan:
    """The inputs and output names of a batch so far, by folder; :meth:`add` refuses a conflicting input.

    Two paths can only be equal inside one folder, so each name is kept with its folder's. The
    names of a folder that a folder walk fills are dropped once the walk has left it (a walk
    lists each folder once, depth first): held are only the folders the walk is in (the current
    one and its ancestors, each input folder with its output folder), those of inputs named one
    by one (files, a pattern's matches, ``-``: the command line or the pattern's own listing holds
    them anyway) and, per folder dropped, the folders whose listing filled it. When an input
    reaches a dropped folder again (two input folders writing into one output folder), the
    folder's names are rebuilt by listing those folders once more with ``relist``. So n inputs
    cost O(n) (plus a relisting per argument that comes back to a folder), and memory is bounded
    by the largest folder times the depth of the walk, plus one record per folder. Without
    ``relist`` nothing is dropped.

    A document of several articles writes NAME.1.<ext>, NAME.2.<ext>…, how many is known only
    once it is read; so an input whose name ends in one of ``several`` (the files a format of
    several articles may be in; ``""``: every input) reserves every ``NAME.<n>``, and another
    input called ``NAME.<n>.<anything>`` conflicts with it.
    """

    def __init__(
        self,
        extensions: Sequence[str],
        out: str | None,
        several: Sequence[str] = (),
        relist: Relist | None = None,
    ) -> None:
        self._extensions = tuple(extensions)
        self._out = out
        self._several = tuple(several)
        self._relist = relist
        self._folders: dict[str, _Folder] = {}  # folder key -> its names, while they are held
        self._dropped: dict[str, set[_Listed]] = {}  # folder key -> what filled it
        self._walk: list[_Open] = []  # the levels the walk is in, outermost first
        self._stdin = False
        self._cwd = os.getcwd()

    @property
    def names_held(self) -> int:
        """How many names the plan holds now: what its memory grows with."""
        return sum(len(folder) for folder in self._folders.values())

    def add(self, item: Input, walked: int | None = None) -> bool:
        """Plan ``item``'s outputs; False, planning nothing, when the same path is planned already.

        ``walked`` is the number of the argument whose folder walk found ``item`` (``None``: it
        was named). OutputConflictError if it or its outputs collide with the plan so far.
        """
        names = self._names(item)
        if walked is not None:
            self._enter(_Level(walked, os.path.dirname(item.path), item.parts[:-1]), names)
        for folder in {name.folder for name in names}:
            self._open(folder).pinned |= walked is None
        if self._repeated(item, names):
            if walked is not None:
                self._walk[-1].repeats.append(names[0].name)
            return False
        if walked is not None:
            self._walk[-1].planned = True
        self._stdin |= item.path == STDIN
        for name in names:
            held = self._folders[name.folder]
            held.check(name, item.path)
            held.keep(name, item.path)
        return True

    def _names(self, item: Input) -> list[_Name]:
        """The names ``item`` takes, in the order they are checked: itself, its outputs, its numbers."""
        names = [] if item.path == STDIN else [self._name(_INPUT, item.path)]
        shown = _stem(destination(item, self._out))
        stem = self._name(_FAMILY, shown)  # planned_outputs's names, each path normalised once
        names += [_Name(_OUTPUT, stem.folder, stem.name + ext, shown + ext) for ext in self._extensions]
        prefix, dot, number = stem.name.rpartition(".")
        if dot and number.isdigit():
            names.append(stem._replace(kind=_NUMBERED, name=prefix))
        if item.path != STDIN and self._several and item.path.endswith(self._several):
            names.append(stem)
        return names

    def _name(self, kind: int, path: str) -> _Name:
        """One spelling per path (absolute, normalised, without touching the file system), split."""
        folder, name = os.path.split(os.path.normcase(os.path.normpath(os.path.join(self._cwd, path))))
        return _Name(kind, folder, name, path)

    def _repeated(self, item: Input, names: list[_Name]) -> bool:
        if item.path == STDIN:
            return self._stdin
        own = names[0]
        return self._folders[own.folder].kinds[_INPUT].get(own.name) == item.path

    def _enter(self, level: _Level, names: list[_Name]) -> None:
        """Make ``level`` the walk's current one, leaving the levels the walk has finished."""
        while self._walk and not level.within(self._walk[-1].level):
            self._leave(self._walk.pop())
        if self._walk and self._walk[-1].level == level:
            return
        folders = tuple({name.folder for name in names})
        for folder in folders:
            self._open(folder).users += 1
        self._walk.append(_Open(level, folders))

    def _leave(self, done: _Open) -> None:
        """A level is listed: its folders remember it (if it planned anything) and may be dropped."""
        listed = (done.level.folder, done.level.parts, frozenset(done.repeats))
        for folder in done.folders:
            held = self._folders[folder]
            if done.planned:
                held.listed.add(listed)
            held.users -= 1
            if not held.users and not held.pinned and self._relist is not None:
                self._dropped[folder] = held.listed
                del self._folders[folder]

    def _open(self, folder: str) -> _Folder:
        """The names held for ``folder``; a dropped folder's are rebuilt from the listings that filled it."""
        if (held := self._folders.get(folder)) is not None:
            return held
        held = self._folders[folder] = _Folder(listed=self._dropped.pop(folder, set()))
        for listed, parts, repeats in held.listed:
            for item in self._relist(listed, parts) if self._relist is not None else ():
                names = self._names(item)
                if names[0].name in repeats:
                    continue
                for name in names:
                    if name.folder == folder:
                        held.keep(name, item.path)
        return held


def _numbered_clash(several: str, numbered: str) -> str:
    return (
        f"{several} may hold several articles, whose numbered outputs {numbered} would write too; "
        "convert them separately"
    )
