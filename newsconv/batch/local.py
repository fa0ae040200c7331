"""The ``local`` engine: batches converted in this process, or in a pool of worker processes.

With ``jobs`` above 1 the workers are forked (on Linux), so each starts with the schemas,
shapes and lexicons that :func:`~newsconv.batch.prepare.prepare` loaded before the fork. Only a
few batches per worker are in flight at a time, so a lazily listed input of any length never
sits in memory, and results come back in input order, so a manifest is the same whatever
``jobs`` is. When a worker dies (killed, out of memory, a crash in a parser), a fresh pool
converts the inputs that were in flight again, each alone and one at a time, so that only an
input that kills a worker by itself is failed (``WorkerDied``); then the run goes on as before.
"""

from __future__ import annotations

import sys
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from newsconv import schema_store
from newsconv.batch.convert import convert_batch, remove_stale_temporaries
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
    workers = _Workers(options, jobs)
    pending: deque[tuple[Sequence[Input], Future[list[FileResult]]]] = deque()
    try:
        while True:
            while len(pending) < jobs * _IN_FLIGHT_PER_JOB and (batch := next(batches, None)) is not None:
                pending.append((batch, workers.submit(batch)))
            if not pending:
                return
            batch, future = pending.popleft()
            try:
                yield from future.result()
            except BrokenProcessPool:  # some worker died: which input killed it is not known yet
                suspects = [item for each in (batch, *(other for other, _ in pending)) for item in each]
                pending.clear()
                workers.restart()
                yield from workers.alone(suspects)
    finally:
        workers.close()


class _Workers:
    """A pool of worker processes, replaced by a fresh one when a worker dies."""

    def __init__(self, options: ConvertOptions, jobs: int) -> None:
        self.options = options
        self.jobs = jobs
        self.pool = _pool(options, jobs)

    def submit(self, batch: Sequence[Input]) -> Future[list[FileResult]]:
        return self.pool.submit(convert_batch, batch, self.options)

    def alone(self, items: Sequence[Input]) -> Iterator[FileResult]:
        """Each input converted by itself, one at a time, so that a worker's death names its input."""
        for item in items:
            remove_stale_temporaries(item, self.options)  # left by a worker stopped mid-write
            try:
                yield from self.submit([item]).result()
            except BrokenProcessPool:
                yield _died(item)
                self.restart()

    def restart(self) -> None:
        # wait: the broken pool's workers are stopped before anything they wrote is cleaned up
        self.pool.shutdown(wait=True, cancel_futures=True)
        self.pool = _pool(self.options, self.jobs)

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)


def _pool(options: ConvertOptions, jobs: int) -> ProcessPoolExecutor:
    import multiprocessing  # imported here: only a parallel run needs it

    context = multiprocessing.get_context("fork") if sys.platform == "linux" else None
    return ProcessPoolExecutor(jobs, mp_context=context, initializer=_start_worker, initargs=(options,))


def _start_worker(options: ConvertOptions) -> None:
    """Set a worker up once: its schema store, and whatever its formats load (a no-op when forked)."""
    schema_store.activate(options.schemas)
    prepare(options.to, read=False)


def _died(item: Input) -> FileResult:
    return FileResult(item.path, FAILED, "WorkerDied", "a worker process died converting this input alone")
