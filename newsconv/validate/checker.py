"""Validate many files: detect each one's format, run its validator, in parallel, one report per file.

The checker only produces :class:`FileReport` values; finding files (``newsconv.inputs``) and
rendering reports (``newsconv.validate.reporters``) live elsewhere. An unreadable, undetectable
or non-UTF-8 file becomes an invalid report, never an exception; only a missing official schema
(:class:`~newsconv.errors.SchemaNotFoundError`) stops the run.

A file of up to ``_WHOLE_BYTES`` is read whole and, unless another format is asked for, parsed
once: if its root is a NewsML-G2 root (wherever it starts), that tree is validated as it is, so
a feed of items costs one read and one parse per file. Any other small file, and every larger
one, is sniffed from its first ``SNIFF_BYTES`` (``newsconv.detect``), and large ones streamed.

Each format is validated by its registry entry (:meth:`newsconv.registry.Format.validate`), as
the API and ``convert`` do. NewsML-G2 calls :mod:`newsconv.validate.newsml_g2` directly, the
very functions behind the ``newsml`` entry, only to hand in a path to stream, the run's located
schemas and the rule selection.
"""

from __future__ import annotations

import os
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from lxml import etree

from newsconv import registry, schema_store
from newsconv.detect import SNIFF_BYTES, detect
from newsconv.errors import NewsconvError, SchemaNotFoundError, UnknownFormatError
from newsconv.validate import newsml_g2, newsml_rules
from newsconv.validate.findings import Finding

Progress = Callable[[int, int], None]
_NEWSML = "newsml"
_PARALLEL_MIN_FILES = 8
_CHUNK_FILES = 64  # files a worker takes at a time: few round trips, yet an even share at the end
_PROGRESS_SECONDS = 0.1  # the progress callback runs at most this often (and after the last file)
_WHOLE_BYTES = 1 << 20  # files up to this size are read in one go; larger ones are streamed


@dataclass(frozen=True, slots=True)
class FileReport:
    """What validating one file found: its detected (or given) format and every finding."""

    path: str
    format: str | None
    findings: tuple[Finding, ...]
    seconds: float = 0.0
    guids: tuple[tuple[str, int | None], ...] = ()

    @property
    def valid(self) -> bool:
        """True when no finding is an error (warnings alone leave a file valid)."""
        return not any(f.severity == "error" for f in self.findings)


@dataclass(frozen=True, slots=True)
class Selection:
    """Which rule ids to keep: ``rules`` (empty: all) minus ``ignore``; ``g2`` also means ``g2.*``."""

    rules: frozenset[str] = frozenset()
    ignore: frozenset[str] = frozenset()

    def keeps(self, rule: str) -> bool:
        """Whether findings of ``rule`` are reported."""
        return (not self.rules or _matches(rule, self.rules)) and not _matches(rule, self.ignore)


@dataclass(frozen=True, slots=True)
class Settings:
    """How every file of a run is checked; small and picklable, so it travels to worker processes.

    ``schemas`` (from :func:`prepare`) saves locating the NewsML-G2 XSDs for each file;
    ``g2_rules=False`` skips the NewsML-G2 rules when no finding of theirs would be reported.
    """

    format_name: str | None = None
    schemas: newsml_g2.Schemas | None = None
    g2_rules: bool = True


def check_file(path: str, settings: Settings = Settings()) -> FileReport:
    """Validate one file; every problem, including not being able to read it, is a finding."""
    start = time.perf_counter()
    fmt, findings, guids = _check(path, settings)
    ordered = sorted(findings, key=lambda f: (f.line or 0, f.column or 0))
    return FileReport(path, fmt, tuple(ordered), time.perf_counter() - start, tuple(guids))


def check_files(
    paths: Sequence[str],
    format_name: str | None = None,
    *,
    jobs: int = 1,
    selection: Selection = Selection(),
    strict: bool = False,
    progress: Progress | None = None,
) -> list[FileReport]:
    """Validate ``paths`` (in ``jobs`` processes), add batch-wide guid findings, apply ``selection``.

    With ``strict``, warnings become errors, so that they make a file invalid.
    """
    g2_rules = any(selection.keeps(rule) for rule in newsml_rules.RULES)
    settings = Settings(format_name, prepare(format_name), g2_rules)
    reports = _with_duplicate_guids(list(_run(paths, settings, jobs, progress)))
    return [
        replace(
            r, findings=tuple(_promote(f) if strict else f for f in r.findings if selection.keeps(f.rule))
        )
        if r.findings
        else r
        for r in reports
    ]


def _promote(finding: Finding) -> Finding:
    return replace(finding, severity="error")


def prepare(format_name: str | None) -> newsml_g2.Schemas | None:
    """Load what every worker needs before forking, so that schemas compile once per run.

    When formats are detected, a missing NewsML-G2 XSD only matters if a NewsML-G2 document
    turns up: that document then raises the error (and a feed of JSON-LD alone still runs).
    """
    if format_name not in (None, _NEWSML):
        return None
    try:
        return newsml_g2.prepare()
    except SchemaNotFoundError:
        if format_name == _NEWSML:
            raise
        return None


def _run(
    paths: Sequence[str], settings: Settings, jobs: int, progress: Progress | None
) -> Iterable[FileReport]:
    total = len(paths)
    if jobs <= 1 or total < _PARALLEL_MIN_FILES:
        results: Iterable[FileReport] = (check_file(p, settings) for p in paths)
    else:
        results = _parallel(paths, settings, jobs)
    shown = 0.0
    for done, report in enumerate(results, 1):
        if progress is not None and (done == total or time.monotonic() - shown >= _PROGRESS_SECONDS):
            progress(done, total)
            shown = time.monotonic()
        yield report


def _parallel(paths: Sequence[str], settings: Settings, jobs: int) -> Iterable[FileReport]:
    """Reports of ``paths`` checked by ``jobs`` worker processes, in order, in chunks of files.

    On Linux the workers are forked, so they start at once with this process's compiled schemas;
    elsewhere each compiles them on its first file.
    """
    import multiprocessing  # imported here: only a parallel run needs them
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("fork") if sys.platform == "linux" else None
    pool = ProcessPoolExecutor(
        jobs, mp_context=context, initializer=_worker_init, initargs=(settings, schema_store.current())
    )
    chunk = max(1, min(_CHUNK_FILES, len(paths) // (jobs * 8)))
    with pool:
        yield from pool.map(_check_in_worker, paths, chunksize=chunk)


_worker_settings = Settings()


def _worker_init(settings: Settings, store: schema_store.SchemaStore) -> None:
    global _worker_settings
    _worker_settings = settings
    schema_store.activate(store)  # the parent's store, whatever configured it


def _check_in_worker(path: str) -> FileReport:
    return check_file(path, _worker_settings)


def _check(path: str, settings: Settings) -> tuple[str | None, list[Finding], list[tuple[str, int | None]]]:
    format_name = settings.format_name
    try:
        head, small = _read(path)
        if small and format_name in (None, _NEWSML):
            root = newsml_g2.parse(head)  # parsed once: a NewsML-G2 root needs no sniffing
            if root is not None:
                result = newsml_g2.validate_parsed(root, head, _schemas(settings), rules=settings.g2_rules)
                return _NEWSML, result.findings, result.guids
        fmt = format_name or detect(head[:SNIFF_BYTES])
        if fmt == _NEWSML:
            result = newsml_g2.validate(head if small else path, _schemas(settings), rules=settings.g2_rules)
            return fmt, result.findings, result.guids
        return fmt, registry.get(fmt).validate(head if small else Path(path).read_bytes()), []
    except OSError as error:
        return format_name, [Finding("input.unreadable", f"cannot read: {error.strerror or error}")], []
    except UnknownFormatError as error:
        return format_name, [Finding("format.unknown", str(error))], []
    except (SchemaNotFoundError, etree.XMLSchemaParseError):
        raise
    except NewsconvError as error:
        return format_name, [Finding("input.invalid", str(error))], []
    except Exception as error:  # noqa: BLE001 (a bug must not stop a batch: name the file, go on)
        return format_name, [Finding("internal", f"internal error ({type(error).__name__}: {error})")], []


def _read(path: str) -> tuple[bytes, bool]:
    """A small file whole (and True), or the first ``SNIFF_BYTES`` of a larger one (and False).

    Plain ``os`` calls: a batch opens thousands of files, and a buffered file object costs
    more system calls and objects than the few reads each needs.
    """
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        size = os.fstat(descriptor).st_size
        if size > _WHOLE_BYTES:
            return os.read(descriptor, SNIFF_BYTES), False
        chunks = [os.read(descriptor, size + 1)]  # one more byte than stated sees the end at once
        while chunks[-1]:
            chunks.append(os.read(descriptor, _WHOLE_BYTES))
        return b"".join(chunks), True
    finally:
        os.close(descriptor)


def _schemas(settings: Settings) -> newsml_g2.Schemas:
    """The run's NewsML-G2 schemas; located now if :func:`prepare` found none (and then may raise)."""
    return settings.schemas or newsml_g2.prepare()


def _with_duplicate_guids(reports: list[FileReport]) -> list[FileReport]:
    seen: dict[str, list[tuple[str, int | None]]] = defaultdict(list)
    for report in reports:
        for guid, line in report.guids:
            seen[guid].append((report.path, line))
    extra: dict[str, list[Finding]] = defaultdict(list)
    for guid, places in seen.items():
        if len(places) < 2:
            continue
        for index, (path, line) in enumerate(places):
            others = [f"{p}:{n}" if n else p for i, (p, n) in enumerate(places[:4]) if i != index][:3]
            if others:
                more = len(places) - 1 - len(others)
                message = f"guid {guid!r} is also used at {', '.join(others)}" + (
                    f" and {more} more" if more else ""
                )
                extra[path].append(newsml_rules.finding("g2.guid-unique", message, line))
    return [replace(r, findings=r.findings + tuple(extra[r.path])) if r.path in extra else r for r in reports]


def _matches(rule: str, names: frozenset[str]) -> bool:
    return any(rule == name or rule.startswith(name + ".") for name in names)


def default_jobs() -> int:
    """The default number of worker processes: the CPUs this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
