"""The Dask engine: the same batch function as the local engine, run on a Dask cluster.

newsconv writes no scheduler of its own; a Dask cluster (a ``LocalCluster`` on one machine, or
any cluster a scheduler address names: Kubernetes, YARN, an HPC queue) runs
:func:`newsconv.batch.convert_batch` over batches of inputs. What this module adds is what a
long archive run needs on top of Dask:

- **Set-up once per worker**: a worker plugin calls :func:`newsconv.batch.prepare` when a worker
  joins, also for workers that restart after a crash or join late, never per task.
- **Bounded memory on the client**: batches are taken from a lazy iterable and only a bounded
  number is in flight at a time, so a listing of millions never sits in the client's memory.
- **Results as they complete**: ``as_completed``, never ``gather`` (which gives up on everything
  when one task fails).
- **Only the input that kills a worker fails**: a task whose worker died fails with
  ``KilledWorker`` (at once on a local cluster, after the scheduler's ``allowed-failures``
  elsewhere); a batch that fails as a whole is split and its inputs are retried one by one,
  each first removing the temporary files its killed attempt left, so the culprit alone is
  marked failed, every other input of its batch is still converted and nothing is left behind.

Dask is an optional dependency (``pip install 'newsconv[dask]'``): this module is imported only
when the engine is asked for.
"""

from __future__ import annotations

import importlib.util
import os
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import CancelledError
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import dask
from distributed import Client, Future, LocalCluster, WorkerPlugin, as_completed
from distributed.scheduler import KilledWorker

from newsconv import schema_store
from newsconv.batch.convert import convert_batch, remove_stale_temporaries
from newsconv.batch.prepare import prepare
from newsconv.batch.results import FAILED, INTERNAL, ConvertOptions, FileResult
from newsconv.errors import SchemaNotFoundError
from newsconv.inputs import Input
from newsconv.schema_store import SchemaStore

PLUGIN_NAME = "newsconv-prepare"
# The Dask settings of a local cluster newsconv starts (a cluster given by address keeps its own).
LOCAL_SETTINGS = {
    # A task fails at its worker's first death: run() retries the batch's inputs one by one, each
    # first removing what the killed attempt left, where Dask's own retry would not.
    "distributed.scheduler.allowed-failures": 0,
    # Background work that a run of one-batch-per-worker tasks does not need; together it kept an
    # idle 2-worker cluster busy 12 % of a core (1.6 % without): the sampling profiler (100 stack
    # samples a second per worker), work stealing (nothing to steal with no task queued), the
    # event-loop watchdog tick and the resource monitors' sampling.
    "distributed.worker.profile.enabled": False,
    "distributed.scheduler.work-stealing": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.worker.memory.monitor-interval": "1s",
}
# Environment variables that decide output bytes: the client's values travel to every worker.
_PINNED_ENVIRONMENT = ("SOURCE_DATE_EPOCH",)


class PrepareWorker(WorkerPlugin):
    """Loads everything the run's formats need, once per worker process, before its first task.

    Dask calls ``setup`` on every worker when the plugin is registered and on every worker that
    joins later (a restarted or late-joining one); registering it again under the same name
    replaces it, so repeated runs on one cluster do not pile up plugins.
    """

    name = PLUGIN_NAME

    def __init__(
        self, formats: Sequence[str], schemas: SchemaStore | None, environment: dict[str, str]
    ) -> None:
        self.formats = tuple(formats)
        self.schemas = schemas
        self.environment = dict(environment)

    def setup(self, worker: object) -> None:
        """Pin the client's output-deciding environment, take its schema store, warm up."""
        os.environ.update(self.environment)
        schema_store.activate(self.schemas)
        prepare(self.formats, read=False)


def convert_on_worker(
    batch: Sequence[Input], options: ConvertOptions, retried: bool = False
) -> list[FileResult]:
    """The task: one batch through the batch function (a bad input is a failed result, not an error).

    An input ``retried`` alone after its batch's worker died first removes the temporary files
    the killed attempt may have left beside its outputs (on the worker: it sees their disk).
    """
    if retried:
        for item in batch:
            remove_stale_temporaries(item, options)
    return convert_batch(batch, options)


@contextmanager
def connect(scheduler: str | None = None, workers: int | None = None) -> Iterator[Client]:
    """A client of the cluster at ``scheduler``, else of a new ``LocalCluster`` of ``workers`` processes.

    A local cluster runs one single-threaded process per worker (conversion holds the GIL) and
    is shut down when the block ends; it runs with :data:`LOCAL_SETTINGS`.
    """
    if scheduler is not None:
        with Client(scheduler) as client:
            yield client
        return
    with (
        dask.config.set(LOCAL_SETTINGS),
        LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0"
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client


def describe(client: Client) -> str:
    """The cluster in one line: its scheduler, its workers and where its dashboard is."""
    info: dict[str, Any] = client.scheduler_info()
    link = client.dashboard_link if importlib.util.find_spec("bokeh") is not None else None
    where = f"dashboard {link}" if link else "no dashboard (it needs bokeh)"
    return f"Dask scheduler {info.get('address')}, {len(info.get('workers', {}))} workers, {where}"


def run(
    batches: Iterable[Sequence[Input]],
    options: ConvertOptions,
    *,
    jobs: int | None = None,
    client: Client | str | None = None,
) -> Iterator[FileResult]:
    """Convert every batch on a Dask cluster; one result per input, in the order they complete.

    ``client`` is a connected ``distributed.Client`` (the caller owns it), or the address of a
    scheduler to connect to for the run; without one, a ``LocalCluster`` of ``jobs`` worker
    processes (``None``: one per CPU) is started for the run and shut down after it.
    """
    if isinstance(client, Client):
        yield from _Run(client, options).results(batches)
        return
    with connect(client, jobs) as own:
        yield from _Run(own, options).results(batches)


@dataclass
class _Run:
    """One run's bookkeeping: the batches in flight and the inputs waiting to be retried alone."""

    client: Client
    options: ConvertOptions
    in_flight: dict[Future[list[FileResult]], tuple[Input, ...]] = field(default_factory=dict)
    alone: deque[tuple[Input, ...]] = field(default_factory=deque)

    def results(self, batches: Iterable[Sequence[Input]]) -> Iterator[FileResult]:
        """Keep a bounded number of batches in flight; yield each one's results as it completes."""
        self.client.register_plugin(
            PrepareWorker(self.options.to, self.options.schemas, _pinned_environment()),
            name=PLUGIN_NAME,
        )
        pending = iter(batches)
        done = as_completed()
        try:
            self._top_up(pending, done)
            for future in done:
                batch = self.in_flight.pop(future)
                yield from self._outcome(future, batch)
                self._top_up(pending, done)
        finally:
            if self.in_flight:
                self.client.cancel(list(self.in_flight))

    def _top_up(self, pending: Iterator[Sequence[Input]], done: as_completed) -> None:
        """Submit batches (inputs to retry alone first) until the in-flight limit is reached."""
        limit = self._limit()
        while len(self.in_flight) < limit:
            retried = bool(self.alone)
            batch = self.alone.popleft() if retried else tuple(next(pending, ()))
            if not batch:
                return
            future = self.client.submit(convert_on_worker, batch, self.options, retried, pure=False)
            self.in_flight[future] = batch
            done.add(future)

    def _limit(self) -> int:
        """One batch per worker thread (asked again each time: workers come and go).

        No batch waits on a worker behind another, so when a worker dies only the batch it was
        converting is blamed; the gap between two batches is one round trip, small beside a
        batch's seconds of work.
        """
        threads: dict[str, int] = self.client.nthreads()
        return max(1, sum(threads.values()))

    def _outcome(self, future: Future[list[FileResult]], batch: tuple[Input, ...]) -> Iterator[FileResult]:
        """A finished batch's results; a failed batch is split, a failed single input is a failed result.

        ``result`` waits when a finished result was lost with its worker and is being recomputed.
        """
        try:
            results: list[FileResult] = future.result()
        except SchemaNotFoundError:
            raise  # a worker without the official schemas fails every input alike: stop
        except Exception as error:  # noqa: BLE001 (its worker died on every attempt, or a bug)
            if len(batch) > 1:
                self.alone.extend((item,) for item in batch)
            else:
                yield _failed(batch[0].path, error)
        else:
            yield from results
        finally:
            future.release()


def _failed(source: str, error: Exception) -> FileResult:
    """The result of an input whose task failed alone: its worker died on every attempt, or a bug."""
    name = type(error).__name__
    if isinstance(error, KilledWorker):
        message = f"{source}: the worker converting it died on every attempt (a crash or no memory left)"
    elif isinstance(error, CancelledError):
        message = f"{source}: the cluster cancelled its task"
    else:
        message = f"{INTERNAL} ({name}: {error}) converting {source}; please report it"
    return FileResult(source, FAILED, name, message)


def _pinned_environment() -> dict[str, str]:
    return {name: os.environ[name] for name in _PINNED_ENVIRONMENT if name in os.environ}
