"""Where a batch reads and writes: local paths, or URLs that fsspec knows (s3://, gs://, az://, file://…).

An archive often lives in object storage, and a cluster's workers share no disk: inputs and
output folders may be URLs. A local output is written to a temporary name and renamed; an
object-store output is one PUT, which a reader sees whole or not at all. So everywhere an output
that exists is complete, and a rerun can skip it.

fsspec (the ``dask`` extra) is imported only when a URL is met; the protocols beyond local and
in-memory files come with their own packages (``s3fs``, ``gcsfs``, ``adlfs``).
"""

from __future__ import annotations

import importlib
import os
import re
from collections.abc import Collection, Iterator
from datetime import UTC, datetime
from pathlib import Path, PurePath
from typing import Any

from newsconv.atomic import write_atomically
from newsconv.errors import InputError

_URL = re.compile(r"[a-z][a-z0-9+.-]*://")
_GLOB = re.compile(r"[*?\[]")


def is_url(name: str) -> bool:
    """Whether ``name`` is a URL (``scheme://…``) rather than a local path."""
    return _URL.match(name) is not None


def read_bytes(url: str) -> bytes:
    """The content of the object at ``url``; an object that cannot be read is an InputError."""
    fs, path = _filesystem(url)
    try:
        return bytes(fs.cat_file(path))
    except (OSError, ValueError) as error:
        raise InputError(url, f"cannot read: {error}") from None


def write(name: str, data: bytes) -> str:
    """Write ``data`` whole at ``name`` (a path or URL): rename a temporary file, or one PUT."""
    if not is_url(name):
        write_atomically(Path(name), data)
        return name
    fs, path = _filesystem(name)
    if _is_local(fs):
        write_atomically(Path(path), data)
    else:
        fs.pipe_file(path, data)
    return name


def modified(name: str) -> datetime | None:
    """When the file or object at ``name`` last changed; ``None`` when it does not exist or cannot tell."""
    try:
        if not is_url(name):
            return datetime.fromtimestamp(os.stat(name).st_mtime, UTC)
        fs, path = _filesystem(name)
        moment: datetime = fs.modified(path)
    except (OSError, NotImplementedError, ValueError):
        return None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def inputs(url: str, endings: Collection[str]) -> tuple[bool, Iterator[tuple[str, tuple[str, ...]]]]:
    """Whether ``url`` is a folder, and each file it names with the components of its output name,
    listed as it is consumed.

    A pattern gives its matches; a folder (prefix) its files ending in one of ``endings`` (all
    when empty; hidden ones skipped), sorted and keeping their sub-folders, walked one level at a
    time so that a listing of millions is never held whole; anything else is one input.
    """
    fs, path = _filesystem(url)
    if _GLOB.search(path):
        return False, _matches(fs, path)
    if fs.isdir(path):
        return True, _walk(fs, path.rstrip("/"), tuple(endings))
    return False, iter([(url, (PurePath(path).name,))])


def files_in(url: str, endings: Collection[str]) -> Iterator[tuple[str, str]]:
    """The files directly in the folder ``url`` that a walk finds (see :func:`inputs`), with their
    names; InputError when it cannot be listed."""
    fs, path = _filesystem(url)
    try:
        entries = fs.ls(path, detail=True)
    except OSError as error:
        raise InputError(url, f"cannot list: {error}") from None
    listed = sorted(
        (info["name"].rstrip("/").rsplit("/", 1)[-1], info["name"])
        for info in entries
        if info["type"] != "directory"
    )
    for name, found in listed:
        if _visible(name, tuple(endings)):
            yield fs.unstrip_protocol(found), name


def _matches(fs: Any, pattern: str) -> Iterator[tuple[str, tuple[str, ...]]]:
    for match in sorted(fs.glob(pattern)):
        if fs.isfile(match):
            yield fs.unstrip_protocol(match), (PurePath(match).name,)


def _walk(fs: Any, top: str, endings: tuple[str, ...]) -> Iterator[tuple[str, tuple[str, ...]]]:
    for folder, folders, files in fs.walk(top, topdown=True):
        folders[:] = sorted(f for f in folders if not f.startswith("."))
        relative = PurePath(folder).relative_to(top).parts if folder.rstrip("/") != top else ()
        for name in sorted(files):
            if _visible(name, endings):
                yield fs.unstrip_protocol(f"{folder.rstrip('/')}/{name}"), (*relative, name)


def _visible(name: str, endings: tuple[str, ...]) -> bool:
    return not name.startswith(".") and (not endings or name.endswith(endings))


def _filesystem(url: str) -> tuple[Any, str]:
    try:
        core = importlib.import_module("fsspec.core")
    except ImportError:
        raise InputError(url, "URLs need fsspec: pip install 'newsconv[dask]'") from None
    try:
        fs, path = core.url_to_fs(url)
    except (ImportError, ValueError) as error:
        raise InputError(url, f"no file system for this URL ({error})") from None
    return fs, str(path)


def _is_local(fs: Any) -> bool:
    return "file" in (fs.protocol if isinstance(fs.protocol, tuple) else (fs.protocol,))
