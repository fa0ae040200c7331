"""Command-line inputs: files, folders (recursive) and glob patterns, each with its output name."""

from __future__ import annotations

import glob
from dataclasses import dataclass
from pathlib import Path, PurePath

STDIN = "-"


@dataclass(frozen=True, slots=True)
class Input:
    """One input file (or ``-`` for standard input) and its path relative to the output folder."""

    path: str
    relative: PurePath


def expand(arguments: list[str], extension: str) -> list[Input]:
    """Every input the arguments name, in order, without repeats.

    A folder contributes its files ending in ``extension`` (case-sensitive, hidden files
    skipped), keeping their sub-folders in the output name; a pattern its matching files.
    A path that does not exist is kept, so that reading it reports the problem by name.
    """
    found: list[Input] = []
    for argument in arguments:
        path = Path(argument)
        if argument == STDIN:
            found.append(Input(STDIN, PurePath("stdin")))
        elif path.is_dir():
            files = sorted(
                p
                for p in path.rglob(f"*{extension}")
                if p.is_file() and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            found += [Input(str(p), p.relative_to(path)) for p in files]
        elif not path.exists() and glob.has_magic(argument):
            matches = sorted(m for m in glob.glob(argument, recursive=True) if Path(m).is_file())
            found += [Input(m, PurePath(Path(m).name)) for m in matches]
        else:
            found.append(Input(argument, PurePath(path.name)))
    unique: dict[str, Input] = {}
    for item in found:
        unique.setdefault(item.path, item)
    return list(unique.values())
