"""Command-line inputs: files, folders (recursive) and glob patterns, each with its output name."""

from __future__ import annotations

import glob
import os
from dataclasses import dataclass
from pathlib import Path, PurePath

STDIN = "-"


@dataclass(frozen=True, slots=True)
class Input:
    """One input file (or ``-`` for standard input) and the components of its output name."""

    path: str
    parts: tuple[str, ...]

    @property
    def relative(self) -> PurePath:
        """The input's path relative to the output folder (made when asked: a batch may not need it)."""
        return PurePath(*self.parts)


def expand(arguments: list[str], extension: str) -> list[Input]:
    """Every input the arguments name, in order, without repeats.

    A folder contributes its files ending in ``extension`` (case-sensitive, hidden files and
    folders skipped, symbolic links to folders not followed), sorted by their path components
    and keeping their sub-folders in the output name; a pattern its matching files. A path that
    does not exist is kept, so that reading it reports the problem by name.
    """
    found: list[Input] = []
    for argument in arguments:
        path = Path(argument)
        if argument == STDIN:
            found.append(Input(STDIN, ("stdin",)))
        elif path.is_dir():
            base = str(path)
            found += [
                Input(os.path.join(base, *parts) if base != "." else os.path.join(*parts), parts)
                for parts in sorted(_files_under(base, extension))
            ]
        elif not path.exists() and glob.has_magic(argument):
            matches = sorted(m for m in glob.glob(argument, recursive=True) if os.path.isfile(m))
            found += [Input(m, (os.path.basename(m),)) for m in matches]
        else:
            found.append(Input(argument, (path.name,)))
    unique: dict[str, Input] = {}
    for item in found:
        unique.setdefault(item.path, item)
    return list(unique.values())


def _files_under(folder: str, extension: str) -> list[tuple[str, ...]]:
    """The path components, below ``folder``, of its visible regular files ending in ``extension``.

    One ``scandir`` per folder (file types come with the listing), so that a folder of many
    thousands of files costs no ``stat`` each; a folder that may not be listed is skipped.
    """
    found: list[tuple[str, ...]] = []
    pending: list[tuple[tuple[str, ...], str]] = [((), folder)]
    while pending:
        parts, directory = pending.pop()
        try:
            with os.scandir(directory) as entries:
                listed = list(entries)
        except PermissionError:
            continue
        for entry in listed:
            name = entry.name
            if name.startswith("."):
                continue
            if entry.is_dir(follow_symlinks=False):
                pending.append(((*parts, name), entry.path))
            elif name.endswith(extension) and entry.is_file():
                found.append((*parts, name))
    return found
