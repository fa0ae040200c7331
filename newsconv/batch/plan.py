"""Where a batch writes, and the checks that run before anything is written.

An input ``path/NAME.txt`` found in a folder argument keeps its sub-folders under the output
folder and becomes ``OUT/sub/NAME.<ext>``; a document of several articles (a newsMessage)
becomes ``NAME.1.<ext>``, ``NAME.2.<ext>``…; with no output folder, outputs go beside their
input. :class:`Plan` refuses a batch that would overwrite one of its own inputs or write one
name twice; it keeps a set of the names planned so far, so checking n inputs costs O(n).
"""

from __future__ import annotations

import os
from collections.abc import Sequence

from newsconv.errors import InputError, OutputConflictError
from newsconv.inputs import STDIN, Input


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


class Plan:
    """The inputs and output names of a batch so far; :meth:`add` refuses a conflicting input.

    A document of several articles writes NAME.1.<ext>, NAME.2.<ext>…, how many is known only
    once it is read; so an input whose name ends in one of ``several`` (the files a format of
    several articles may be in; ``""``: every input) reserves every ``NAME.<n>``, and another
    input called ``NAME.<n>.<anything>`` conflicts with it.
    """

    def __init__(self, extensions: Sequence[str], out: str | None, several: Sequence[str] = ()) -> None:
        self._extensions = tuple(extensions)
        self._out = out
        self._several = tuple(several)
        self._inputs: set[str] = set()
        self._outputs: dict[str, str] = {}  # output name -> the input that writes it
        self._families: dict[str, str] = {}  # NAME of a document that may write NAME.<n>.<ext> -> it
        self._numbered: dict[str, str] = {}  # NAME of an input whose outputs are NAME.<n>.<ext> -> it
        self._cwd = os.getcwd()

    def add(self, item: Input) -> None:
        """Plan ``item``'s outputs; OutputConflictError if it or they collide with the plan so far."""
        if item.path != STDIN:
            key = self._key(item.path)
            if key in self._outputs:
                raise OutputConflictError(
                    f"{item.path} is an input, and the output of {self._outputs[key]}: "
                    "converting would overwrite it; choose another output folder"
                )
            self._inputs.add(key)
        for path in planned_outputs(item, self._extensions, self._out):
            key = self._key(path)
            if key in self._inputs:
                raise OutputConflictError(
                    f"writing {path} would overwrite an input; choose another output folder"
                )
            if key in self._outputs:
                raise OutputConflictError(
                    f"{self._outputs[key]} and {item.path} would both write {path}; convert them separately"
                )
            self._outputs[key] = item.path
        self._reserve_numbers(item)

    def _reserve_numbers(self, item: Input) -> None:
        stem = self._key(_stem(destination(item, self._out)))
        prefix, dot, number = stem.rpartition(".")
        if dot and number.isdigit():
            if prefix in self._families:
                raise OutputConflictError(_numbered_clash(self._families[prefix], item.path))
            self._numbered[prefix] = item.path
        if item.path != STDIN and self._several and item.path.endswith(self._several):
            if stem in self._numbered:
                raise OutputConflictError(_numbered_clash(item.path, self._numbered[stem]))
            self._families[stem] = item.path

    def _key(self, path: str) -> str:
        """One spelling per path (absolute, normalised), without touching the file system."""
        return os.path.normcase(os.path.normpath(os.path.join(self._cwd, path)))


def _numbered_clash(several: str, numbered: str) -> str:
    return (
        f"{several} may hold several articles, whose numbered outputs {numbered} would write too; "
        "convert them separately"
    )
