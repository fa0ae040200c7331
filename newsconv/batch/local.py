"""The ``local`` engine: batches converted in this process, or in a pool of worker processes.

With ``jobs`` above 1 the workers are forked (on Linux), so each starts with the schemas,
shapes and lexicons that :func:`~newsconv.batch.prepare.prepare` loaded before the fork. Only a
few batches per worker are in flight at a time, so a lazily listed input of any length never
sits in memory, and results come back in input order, so a manifest is the same whatever
``jobs`` is. A worker that dies (killed, out of memory) fails the batches in flight, named in
their results, and a fresh pool takes the rest.
"""

from __future__ import annotations

import sys
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from newsconv import schema_store
from newsconv.batch.convert import convert_batch
from newsconv.batch.prepare import prepare
from newsconv.batch.results import FAILED, ConvertOptions, FileResult
from newsconv.inputs import Input

_IN_FLIGHT_PER_JOB = 4


def run(
    batches: Iterable[Sequence[Input]],
    options: ConvertOptions,
    *,
    jobs: int | None = None,
    client: Any = None,
) -> Iterator[FileResult]:
    """Every input's result, in input order; ``jobs`` worker processes (1 or ``None``: this process)."""
    if jobs is None or jobs <= 1:
        for batch in batches:
            yield from convert_batch(batch, options)
        return
    yield from _pooled(iter(batches), options, jobs)


def _pooled(batches: Iterator[Sequence[Input]], options: ConvertOptions, jobs: int) -> Iterator[FileResult]:
    pending: deque[tuple[Sequence[Input], Future[list[FileResult]]]] = deque()
    pool = _pool(options, jobs)
    try:
        while True:
            while len(pending) < jobs * _IN_FLIGHT_PER_JOB and (batch := next(batches, None)) is not None:
                pending.append((batch, pool.submit(convert_batch, batch, options)))
            if not pending:
                return
            batch, future = pending.popleft()
            try:
                yield from future.result()
            except BrokenProcessPool:
                yield from _died(batch)
                for other, _ in pending:
                    yield from _died(other)
                pending.clear()
                pool.shutdown(wait=False, cancel_futures=True)
                pool = _pool(options, jobs)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _pool(options: ConvertOptions, jobs: int) -> ProcessPoolExecutor:
    import multiprocessing  # imported here: only a parallel run needs it

    context = multiprocessing.get_context("fork") if sys.platform == "linux" else None
    return ProcessPoolExecutor(jobs, mp_context=context, initializer=_start_worker, initargs=(options,))


def _start_worker(options: ConvertOptions) -> None:
    """Set a worker up once: its schema store, and whatever its formats load (a no-op when forked)."""
    schema_store.activate(options.schemas)
    prepare(options.to)


def _died(batch: Sequence[Input]) -> Iterator[FileResult]:
    message = "a worker process died converting this input or another of its batch; convert it again"
    for item in batch:
        yield FileResult(item.path, FAILED, "WorkerDied", message)
