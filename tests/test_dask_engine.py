"""The Dask engine on a LocalCluster: the same bytes as one process, every input once, nothing lost.

Skipped when the ``dask`` extra is not installed (``pip install -e '.[dask]'``; the ``dev`` extra,
which CI installs, includes it).
"""

from __future__ import annotations

import json
import os
import signal
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
from click.testing import CliRunner

distributed = pytest.importorskip("distributed")

import newsconv
from newsconv.batch import ConvertOptions, FileResult, dask_engine
from newsconv.cli import app
from newsconv.inputs import Input

POISON = "poison.txt"
WORDS = [
    "the",
    "minister",
    "said",
    "talks",
    "would",
    "resume",
    "next",
    "week",
    "after",
    "a",
    "long",
    "pause",
    "in",
    "negotiations",
]


class Poison(distributed.WorkerPlugin):  # type: ignore[misc]
    """Makes a worker process exit on the spot when its batch holds an input named ``poison.txt``."""

    name = "test-poison"

    def setup(self, worker: object) -> None:
        self.original = dask_engine.convert_batch

        def dying(batch: Sequence[Input], options: ConvertOptions) -> list[FileResult]:
            if any(item.path.endswith(POISON) for item in batch):
                os._exit(1)
            return self.original(batch, options)

        dask_engine.convert_batch = dying

    def teardown(self, worker: object) -> None:
        dask_engine.convert_batch = self.original


class DieMidWrite(distributed.WorkerPlugin):  # type: ignore[misc]
    """Makes a worker process exit half-way through writing ``victim``'s output, the first time only
    (``marker`` remembers it across worker processes): its temporary file is left behind."""

    name = "test-die-mid-write"

    def __init__(self, victim: str, marker: str) -> None:
        self.victim, self.marker = victim, marker

    def setup(self, worker: object) -> None:
        from newsconv import storage

        self.original = storage.write_atomically

        def dying(path: Path, data: bytes) -> Path:
            if path.name == self.victim and not os.path.exists(self.marker):
                Path(self.marker).touch()
                (path.parent / f".{path.name}.k1ll3d.tmp").write_bytes(data[: len(data) // 2])
                os._exit(1)
            return self.original(path, data)

        storage.write_atomically = dying

    def teardown(self, worker: object) -> None:
        from newsconv import storage

        storage.write_atomically = self.original


@pytest.fixture(scope="module")
def client() -> Iterator[distributed.Client]:
    """Two single-threaded worker processes; a task fails at its worker's first death (the local
    cluster's setting: newsconv retries the inputs itself)."""
    with dask_engine.connect(workers=2) as connected:
        yield connected


def _write_articles(folder: Path, count: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(count):
        words = [WORDS[(number * 7 + i * 3) % len(WORDS)] for i in range(40)]
        body = " ".join(words).capitalize()
        text = f'Talks resume in round {number}\n\n{body}.\n\n"We will meet again," said Anna Berg.\n'
        (folder / f"a{number:03d}.txt").write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def articles(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder of 300 small plain-text articles."""
    return _write_articles(tmp_path_factory.mktemp("articles"), 300)


def _tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _records(manifest: Path) -> tuple[list[dict[str, object]], dict[str, object]]:
    lines = [json.loads(line) for line in manifest.read_text(encoding="utf-8").splitlines()]
    return lines[:-1], lines[-1]


def test_outputs_are_the_bytes_one_process_writes(
    client: distributed.Client, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)  # an undated article takes its file's time
    folder = _write_articles(tmp_path / "in", 20)
    formats = ["newsml", "jsonld", "ninjs"]
    by_dask = newsconv.convert_files(folder, formats, tmp_path / "dask", engine="dask", client=client)
    alone = newsconv.convert_files(folder, formats, tmp_path / "local", jobs=1)
    assert (by_dask.ok, alone.ok) == (20, 20)
    assert _tree(tmp_path / "dask") == _tree(tmp_path / "local")


def test_a_worker_killed_mid_run_loses_nothing(
    client: distributed.Client, articles: Path, tmp_path: Path
) -> None:
    manifest = tmp_path / "m.jsonl"
    reference = newsconv.convert_files(articles, "model", tmp_path / "reference", jobs=1)
    victim = next(iter(client.run(os.getpid).values()))
    seen: list[str] = []

    def kill_once(result: FileResult) -> None:
        seen.append(result.source)
        if len(seen) == 40:
            os.kill(victim, signal.SIGKILL)

    summary = newsconv.convert_files(
        articles,
        "model",
        tmp_path / "out",
        engine="dask",
        client=client,
        manifest=manifest,
        on_result=kill_once,
    )
    records, totals = _records(manifest)
    assert Counter(str(r["source"]) for r in records) == Counter(str(p) for p in articles.iterdir())
    assert {r["status"] for r in records} == {"ok"}
    assert (summary.ok, totals["ok"], totals["failed"]) == (reference.ok, 300, 0)
    assert _tree(tmp_path / "out") == _tree(tmp_path / "reference")  # and no temporary file left
    assert victim not in client.run(os.getpid).values()  # it died, and its restart was set up:
    assert all(client.run(lambda dask_worker: dask_engine.PLUGIN_NAME in dask_worker.plugins).values())


def test_only_the_input_that_kills_its_worker_fails(
    client: distributed.Client, articles: Path, tmp_path: Path
) -> None:
    folder = _write_articles(tmp_path / "in", 60)
    (folder / POISON).write_text(
        "Poison\n\nThis input kills the worker that converts it.\n", encoding="utf-8"
    )
    client.register_plugin(Poison())
    try:
        summary = newsconv.convert_files(
            folder, "model", tmp_path / "out", engine="dask", client=client, batch_size=20
        )
    finally:
        client.unregister_worker_plugin(Poison.name)
    assert (summary.inputs, summary.ok, summary.failed) == (61, 60, 1)
    [failure] = summary.failures
    assert (failure.source, failure.error) == (str(folder / POISON), "KilledWorker")
    assert not failure.internal


def test_a_worker_killed_mid_write_leaves_no_temporary_file(
    client: distributed.Client, tmp_path: Path
) -> None:
    folder = _write_articles(tmp_path / "in", 30)
    client.register_plugin(DieMidWrite("a007.json", str(tmp_path / "died")))
    try:
        summary = newsconv.convert_files(
            folder, "model", tmp_path / "out", engine="dask", client=client, batch_size=10
        )
    finally:
        client.unregister_worker_plugin(DieMidWrite.name)
    assert (tmp_path / "died").exists()  # the worker did die writing a007.json
    assert (summary.ok, summary.failed) == (30, 0)
    assert sorted(_tree(tmp_path / "out")) == [f"a{n:03d}.json" for n in range(30)]  # nothing hidden


def test_a_rerun_skips_what_is_done_and_redoes_what_is_not(
    client: distributed.Client, tmp_path: Path
) -> None:
    articles = _write_articles(tmp_path / "in", 100)
    out = tmp_path / "out"
    first = newsconv.convert_files(articles, ["model", "ninjs"], out, engine="dask", client=client)
    assert first.ok == 100, first.failures
    (out / "a007.ninjs.json").unlink()  # a run stopped between two outputs of one input
    before = {p.name: p.stat().st_mtime_ns for p in out.iterdir()}
    manifest = tmp_path / "again.jsonl"
    newsconv.convert_files(
        articles, ["model", "ninjs"], out, engine="dask", client=client, resume=True, manifest=manifest
    )
    records, totals = _records(manifest)
    redone = [r for r in records if r["status"] != "skipped"]
    assert (totals["ok"], totals["skipped"], totals["failed"]) == (1, 99, 0), redone
    assert [r["source"] for r in records if r["status"] == "ok"] == [str(articles / "a007.txt")]
    after = {p.name: p.stat().st_mtime_ns for p in out.iterdir()}
    assert {name for name in after if after[name] != before.get(name)} == {"a007.json", "a007.ninjs.json"}


def test_bad_inputs_are_failed_records(client: distributed.Client, tmp_path: Path) -> None:
    folder = _write_articles(tmp_path / "in", 5)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (folder / "broken.xml").write_bytes(b"<newsItem xmlns='http://iptc.org/std/nar/2006-10-01/'><itemMeta>")
    manifest = tmp_path / "m.jsonl"
    summary = newsconv.convert_files(
        folder, "model", tmp_path / "out", engine="dask", client=client, manifest=manifest
    )
    records, totals = _records(manifest)
    failed = sorted(Path(str(r["source"])).name for r in records if r["status"] == "failed")
    assert failed == ["binary.txt", "broken.xml", "empty.txt"]
    assert all(r["error"] and r["message"] for r in records if r["status"] == "failed")
    assert (summary.ok, totals["failed"], summary.internal) == (5, 3, False)


def test_the_command_line_runs_on_a_cluster_and_exits_1_when_an_input_failed(
    client: distributed.Client, tmp_path: Path
) -> None:
    folder = _write_articles(tmp_path / "in", 12)
    (folder / "empty.txt").write_bytes(b"")
    manifest = tmp_path / "m.jsonl"
    address = client.scheduler_info()["address"]
    arguments = [
        "convert",
        str(folder),
        "--to",
        "newsml,model",
        "--out",
        str(tmp_path / "out"),
        "--engine",
        "dask",
    ]
    result = CliRunner().invoke(app, [*arguments, "--scheduler", address, "--manifest", str(manifest)])
    assert result.exit_code == 1, result.stderr
    assert address in result.stderr and "13 inputs: 12 ok, 1 failed" in result.stderr
    records, totals = _records(manifest)
    assert [Path(str(r["source"])).name for r in records if r["status"] == "failed"] == ["empty.txt"]
    assert len(records) == totals["inputs"] == 13


def test_file_urls_on_a_cluster_write_what_paths_write(client: distributed.Client, tmp_path: Path) -> None:
    folder = _write_articles(tmp_path / "in", 20)
    by_url = f"file://{tmp_path}/by-url"
    newsconv.convert_files(f"file://{folder}", "newsml", by_url, engine="dask", client=client)
    newsconv.convert_files(folder, "newsml", tmp_path / "by-path", jobs=1)
    assert _tree(tmp_path / "by-url") == _tree(tmp_path / "by-path")


def test_memory_urls_on_an_in_process_cluster(tmp_path: Path) -> None:
    fsspec = pytest.importorskip("fsspec")
    memory = fsspec.filesystem("memory")
    for path in _write_articles(tmp_path / "in", 10).iterdir():
        memory.pipe_file(f"/dask-in/{path.name}", path.read_bytes())
    with (
        distributed.LocalCluster(n_workers=1, processes=False, dashboard_address=None) as cluster,
        distributed.Client(cluster) as in_process,
    ):
        summary = newsconv.convert_files(
            "memory://dask-in", "model", "memory://dask-out", engine="dask", client=in_process
        )
    assert summary.ok == 10 and len(memory.find("/dask-out")) == 10
    memory.rm("/dask-in", recursive=True)
    memory.rm("/dask-out", recursive=True)
