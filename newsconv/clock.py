"""When an article that carries no date was made: the time its source last changed.

A writer needs a version time (NewsML-G2 and ninjs ``versionCreated``) even for an article with
no ``published`` time. Taking "now" would make every conversion of the same file differ, across
reruns and engines; a batch instead says, around each input, when that input last changed (its
file's modification time), and writers take that.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import datetime

_SOURCE_CHANGED: ContextVar[datetime | None] = ContextVar("source_changed", default=None)


@contextmanager
def undated_source(changed: datetime | None) -> Iterator[None]:
    """Within the block, an article without a date was made at ``changed`` (its source's last change)."""
    token = _SOURCE_CHANGED.set(changed)
    try:
        yield
    finally:
        _SOURCE_CHANGED.reset(token)


def source_changed() -> datetime | None:
    """When the source being converted last changed, if a batch said so."""
    return _SOURCE_CHANGED.get()


def to_second(moment: datetime) -> datetime:
    """A modification time as a version time: to the whole second (file systems differ below it)."""
    return moment.replace(microsecond=0)
