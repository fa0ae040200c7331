"""Inputs of a batch: files, folders (recursive) and glob patterns, each with its output name.

Expansion is lazy: a folder of a million files is walked as it is consumed, one sorted listing
per sub-folder, so a batch starts converting before the listing ends and never holds it whole
(only the paths already given, to drop repeats).
"""

from __future__ import annotations

import glob
import os
import sys
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePath

from newsconv import storage
from newsconv.errors import InputError

STDIN = "-"
SIDECAR = ".meta.json"  # NAME.meta.json beside NAME.txt holds its CMS metadata: never an input itself


@dataclass(frozen=True, slots=True)
class Input:
    """One input file (or ``-`` for standard input) and the components of its output name."""

    path: str
    parts: tuple[str, ...]

    @property
    def relative(self) -> PurePath:
        """The input's path relative to the output folder (made when asked: a batch may not need it)."""
        return PurePath(*self.parts)

    @classmethod
    def of(cls, path: str) -> Input:
        """An input named directly: its output name is its file name."""
        return cls(path, ("stdin",) if path == STDIN else (PurePath(path).name,))


def read_bytes(path: str | os.PathLike[str]) -> bytes:
    """The content of a file, or of standard input for ``-``; a file that cannot be read is an InputError."""
    if str(path) == STDIN:
        return sys.stdin.buffer.read()
    if storage.is_url(str(path)):
        return storage.read_bytes(str(path))
    try:
        return Path(path).read_bytes()
    except OSError as error:
        raise InputError(str(path), f"cannot read: {error.strerror or error}") from None


def iter_inputs(
    arguments: Iterable[str], suffixes: Collection[str] = (), *, skip: str | None = None
) -> Iterator[Input]:
    """Every input the arguments name, in order, without repeats, found as it is consumed.

    A folder contributes its files whose names end in one of ``suffixes`` (all files when empty;
    case-sensitive; hidden files and folders skipped, symbolic links to folders not followed),
    sorted by their path components and keeping their sub-folders in the output name; the folder
    ``skip`` (an output folder inside an input folder) is not entered. A pattern gives its
    matching files. Metadata sidecars (``NAME.meta.json``) are never found this way, only named.
    A path that does not exist is kept, so that reading it reports the problem. The paths given
    are kept to drop repeats: :class:`newsconv.batch.plan.Plan` drops them holding less.
    """
    seen: set[str] = set()
    for item, _ in iter_found(arguments, suffixes, skip=skip):
        if item.path not in seen:
            seen.add(item.path)
            yield item


def iter_found(
    arguments: Iterable[str], suffixes: Collection[str] = (), *, skip: str | None = None
) -> Iterator[tuple[Input, int | None]]:
    """Each input the arguments name as :func:`iter_inputs` finds it, repeats included, with the
    number of the argument whose folder walk found it (``None`` for an input named or matched):
    what a walk found in one folder, :func:`relist` lists again."""
    endings = tuple(suffixes)
    skipped = os.path.abspath(skip) if skip is not None else None
    for number, argument in enumerate(arguments):
        for item, walked in _argument_inputs(argument, endings, skipped):
            yield item, number if walked else None


def relist(folder: str, parts: tuple[str, ...], suffixes: Collection[str] = ()) -> Iterator[Input]:
    """The inputs a folder walk found directly in ``folder`` (a path or URL as in their own paths;
    ``parts``: its components below the walked argument), listed again, in the walk's order.

    InputError when the folder cannot be listed again (removed since the walk): the plan check
    could not tell what its outputs would overwrite.
    """
    endings = tuple(suffixes)
    if storage.is_url(folder):
        yield from (Input(url, (*parts, name)) for url, name in storage.files_in(folder, endings))
        return
    try:
        listed = _listing(folder or ".")
    except OSError as error:
        raise InputError(folder, f"cannot list again: {error}") from None
    for entry in listed:
        if _wanted(entry.name, endings) and entry.is_file():
            yield Input(os.path.join(folder, entry.name), (*parts, entry.name))


def sidecar(input_path: str) -> str:
    """Where the sidecar metadata of an input lies: ``story.txt`` → ``story.meta.json``."""
    path = Path(input_path)
    return str(path.with_name(f"{path.stem}{SIDECAR}"))


def expand(arguments: list[str], extension: str) -> list[Input]:
    """Every input the arguments name, as a list (see :func:`iter_inputs`); ``""`` takes every file."""
    return list(iter_inputs(arguments, (extension,) if extension else ()))


def _argument_inputs(
    argument: str, endings: tuple[str, ...], skip: str | None
) -> Iterator[tuple[Input, bool]]:
    """The inputs one argument names, each with whether a folder walk found it."""
    path = Path(argument)
    if argument == STDIN:
        yield Input.of(STDIN), False
    elif storage.is_url(argument):
        walked, found = storage.inputs(argument, endings)
        yield from ((Input(url, parts), walked) for url, parts in found)
    elif path.is_dir():
        base = str(path)
        for parts in _files_under(base, endings, skip):
            yield Input(os.path.join(base, *parts) if base != "." else os.path.join(*parts), parts), True
    elif not path.exists() and glob.has_magic(argument):
        matches = sorted(
            m for m in glob.iglob(argument, recursive=True) if not m.endswith(SIDECAR) and os.path.isfile(m)
        )
        yield from ((Input(m, (os.path.basename(m),)), False) for m in matches)
    else:
        yield Input(argument, (path.name,)), False


def _files_under(folder: str, endings: tuple[str, ...], skip: str | None) -> Iterator[tuple[str, ...]]:
    """The path components, below ``folder``, of its visible regular files with one of ``endings``.

    Each folder is listed once with ``scandir`` (file types come with the listing, so many
    thousands of files cost no ``stat`` each) and its entries visited in name order, sub-folders
    in place: that is the order of sorted path components. A stack of listings, not recursion,
    so no depth of folders is too deep; a folder that may not be listed is skipped.
    """
    pending: list[tuple[tuple[str, ...], Iterator[os.DirEntry[str]]]] = [((), _listing(folder))]
    while pending:
        parts, entries = pending[-1]
        entry = next(entries, None)
        if entry is None:
            pending.pop()
        elif entry.is_dir(follow_symlinks=False):
            if skip is None or os.path.abspath(entry.path) != skip:
                pending.append(((*parts, entry.name), _listing(entry.path)))
        elif _wanted(entry.name, endings) and entry.is_file():
            yield (*parts, entry.name)


def _wanted(name: str, endings: tuple[str, ...]) -> bool:
    return (not endings or name.endswith(endings)) and not name.endswith(SIDECAR)


def _listing(directory: str) -> Iterator[os.DirEntry[str]]:
    """A folder's visible entries in name order; none when it may not be listed."""
    try:
        with os.scandir(directory) as entries:
            listed = sorted((e for e in entries if not e.name.startswith(".")), key=lambda e: e.name)
    except PermissionError:
        listed = []
    return iter(listed)
