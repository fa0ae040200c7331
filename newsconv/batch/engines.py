"""Engines run the unit of work (:func:`~newsconv.batch.convert.convert_batch`) over batches of inputs.

An engine is a function ``run(batches, options, *, jobs, client)`` that yields one
:class:`~newsconv.batch.results.FileResult` per input. Engines are chosen by name and imported
only when asked, so the core install needs none of their dependencies: ``local`` runs in this
process (``jobs`` 1) or in a pool of forked worker processes; ``dask`` runs on a Dask cluster
(the ``dask`` extra).
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, Protocol, cast

from newsconv.batch.results import ConvertOptions, FileResult
from newsconv.errors import NewsconvError
from newsconv.inputs import Input


class Engine(Protocol):
    """What runs batches of inputs and yields their results as they complete."""

    def __call__(
        self,
        batches: Iterable[Sequence[Input]],
        options: ConvertOptions,
        *,
        jobs: int | None = None,
        client: Any = None,
    ) -> Iterator[FileResult]: ...


ENGINES: dict[str, str] = {
    "local": "newsconv.batch.local:run",
    "dask": "newsconv.batch.dask_engine:run",
}


# Inputs per task. A forked pool: few round trips, yet an even share at the end. Dask: a task
# costs a scheduler round trip and the dashboard one row, so tens of inputs (a second or two of work).
BATCH_SIZES: dict[str, int] = {"local": 8, "dask": 25}
_DEFAULT_BATCH = 8


def batch_size(engine: str | Engine | None) -> int:
    """How many inputs ``engine`` (a name, ``None``: local) takes per task by default."""
    if engine is None:
        return BATCH_SIZES["local"]
    return BATCH_SIZES.get(engine, _DEFAULT_BATCH) if isinstance(engine, str) else _DEFAULT_BATCH


class UnknownEngineError(NewsconvError):
    """An engine name that newsconv does not know, or whose extra is not installed."""


def get(engine: str | Engine | None) -> Engine:
    """The engine called ``engine`` (``None``: ``local``), imported now; a callable is taken as it is."""
    if engine is None:
        engine = "local"
    if not isinstance(engine, str):
        return engine
    try:
        module, function = ENGINES[engine].split(":")
    except KeyError:
        raise UnknownEngineError(f"unknown engine {engine!r} (known: {', '.join(ENGINES)})") from None
    try:
        found = getattr(importlib.import_module(module), function)
    except ImportError as error:
        raise UnknownEngineError(
            f"engine {engine!r} needs an extra: pip install 'newsconv[{engine}]' ({error})"
        ) from None
    return cast(Engine, found)
