"""Convert or validate many files: the calls behind ``newsconv convert`` and ``newsconv validate``.

:func:`convert_files` finds the inputs (lazily), checks the whole plan before writing anything
(no input is ever overwritten, no output name is used twice), prepares the formats once, runs
an engine over batches of inputs, and records one result per input (in a manifest if asked).
"""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from itertools import islice
from pathlib import Path
from typing import Any

from newsconv import registry, schema_store
from newsconv.api import AUTO
from newsconv.batch import engines
from newsconv.batch.manifest import Manifest
from newsconv.batch.plan import Plan
from newsconv.batch.prepare import prepare
from newsconv.batch.results import ConvertOptions, FileResult, Summary
from newsconv.errors import UnknownFormatError
from newsconv.inputs import STDIN, Input, iter_found, iter_inputs, read_bytes, relist
from newsconv.registry import Format
from newsconv.validate import checker
from newsconv.validate.findings import Finding

Inputs = str | os.PathLike[str] | Iterable[str | os.PathLike[str]]
_KEEP_LISTING = 100_000  # inputs kept from the checking pass; a longer listing is walked again


def convert_files(
    inputs: Inputs,
    to: str | Sequence[str],
    out: str | os.PathLike[str] | None = None,
    *,
    jobs: int | None = None,
    engine: str | engines.Engine | None = None,
    client: Any = None,
    manifest: str | os.PathLike[str] | None = None,
    from_format: str | None = AUTO,
    validate: bool = True,
    strict: bool = False,
    resume: bool = False,
    refuse_unpublished: bool = False,
    schema_dir: str | os.PathLike[str] | None = None,
    metadata: str | os.PathLike[str] | None = None,
    batch_size: int | None = None,
    on_result: Callable[[FileResult], None] | None = None,
    progress: checker.Progress | None = None,
) -> Summary:
    """Convert every input to every format in ``to``, writing under ``out`` (``None``: beside each input).

    ``inputs`` are files, folders (searched recursively for files a readable format may be in)
    and glob patterns. Before anything is written the whole plan is checked: an output that
    would overwrite an input, or two inputs that would write one name, raise
    OutputConflictError. ``jobs`` worker processes (``None``: the CPU count) of ``engine``
    (``local`` by default; ``dask`` with the extra, on ``client``) convert batches of
    ``batch_size`` inputs (``None``: the engine's choice, :data:`engines.BATCH_SIZES`). With
    ``resume``, an input whose outputs all exist and are not older than it is skipped. Each result goes to ``on_result`` and ``manifest`` as it arrives, and
    ``progress`` hears (done, total); the summary counts them. ``metadata`` is a CMS metadata file applied to every input (each input's
    ``NAME.meta.json`` sidecar is applied too). A bad input fails alone; a missing schema raises SchemaNotFoundError.
    """
    options = ConvertOptions(
        to=tuple(f.name for f in writable_formats(to)),
        out=None if out is None else os.fspath(out),
        from_format=None if from_format in (None, AUTO) else readable_format(from_format).name,
        validate=validate,
        strict=strict,
        schema_dir=None if schema_dir is None else os.fspath(schema_dir),
        resume=resume,
        schemas=_store(schema_dir),
        refuse_unpublished=refuse_unpublished,
        metadata=None if metadata is None else os.fspath(metadata),
    )
    arguments = _arguments(inputs)
    checked, count = check_plan(arguments, options)
    listing = planned_inputs(arguments, options) if checked is None else checked
    if progress is not None:
        on_result = _counting(on_result, progress, count)
    return run(listing, options, jobs=jobs, engine=engine, client=client, manifest=manifest,
               batch_size=batch_size, on_result=on_result)  # fmt: skip


def _counting(
    on_result: Callable[[FileResult], None] | None, progress: checker.Progress, total: int
) -> Callable[[FileResult], None]:
    """``on_result`` that also reports how many of ``total`` inputs are done."""
    done = 0

    def counted(result: FileResult) -> None:
        nonlocal done
        done += 1
        if on_result is not None:
            on_result(result)
        progress(done, total)

    return counted


def run(
    listing: Iterable[Input],
    options: ConvertOptions,
    *,
    jobs: int | None = None,
    engine: str | engines.Engine | None = None,
    client: Any = None,
    manifest: str | os.PathLike[str] | None = None,
    batch_size: int | None = None,
    on_result: Callable[[FileResult], None] | None = None,
) -> Summary:
    """Run ``engine`` over checked inputs: prepare the formats, record every result, sum them up."""
    runner = engines.get(engine)
    with schema_store.using(options.schemas):
        prepare(options.to, read=False)
    summary = Summary()
    start = time.perf_counter()
    record = Manifest(manifest) if manifest is not None else None
    try:
        workers = checker.default_jobs() if jobs is None else jobs
        size = batch_size or engines.batch_size(engine)
        for result in runner(_batches(listing, size), options, jobs=workers, client=client):
            summary.add(result)
            if record is not None:
                record.write(result)
            if on_result is not None:
                on_result(result)
    except BaseException:
        if record is not None:
            record.discard()
        raise
    summary.seconds = time.perf_counter() - start
    if record is not None:
        record.close(summary)
    return summary


def _store(schema_dir: str | os.PathLike[str] | None) -> schema_store.SchemaStore:
    """The caller's current schema store, with ``schema_dir`` searched first when given."""
    store = schema_store.current()
    if schema_dir is None:
        return store
    return replace(store, folders=(("--schema-dir", Path(schema_dir)), *store.folders))


def check_plan(arguments: list[str], options: ConvertOptions) -> tuple[list[Input] | None, int]:
    """Check every input's outputs against the others' (OutputConflictError on a conflict).

    Returns the inputs found, or ``None`` when there were too many to keep (they are then
    listed and checked again, lazily, for the conversion itself), and how many there are.
    """
    kept: list[Input] | None = []
    count = 0
    for item in planned_inputs(arguments, options):
        count += 1
        if kept is not None:
            kept.append(item)
            if len(kept) > _KEEP_LISTING:
                kept = None
    return kept, count


def planned_inputs(arguments: list[str], options: ConvertOptions) -> Iterator[Input]:
    """The inputs the arguments name, without repeats, each checked against the plan so far
    (OutputConflictError on a conflict); found and checked as they are consumed, holding no
    more than :class:`Plan` says."""
    suffixes = _suffixes(options)
    plan = Plan(
        options.extensions,
        options.out,
        _several(options),
        relist=lambda folder, parts: relist(folder, parts, suffixes),
    )
    for item, walked in iter_found(arguments, suffixes, skip=options.out):
        if plan.add(item, walked):
            yield item


def _several(options: ConvertOptions) -> tuple[str, ...]:
    """The endings of input names that may hold several articles (``""``: every input)."""
    if options.from_format is not None:
        return ("",) if registry.get(options.from_format).items_reader else ()
    return tuple({_suffix(f) for f in registry.FORMATS if f.items_reader})


def list_inputs(arguments: list[str], options: ConvertOptions) -> Iterator[Input]:
    """The inputs the arguments name: folders contribute the files a readable format could be in.

    An output folder inside an input folder is not searched: a rerun does not read its own outputs.
    """
    return iter_inputs(arguments, _suffixes(options), skip=options.out)


def _suffixes(options: ConvertOptions) -> set[str]:
    """The endings of the files a folder contributes: those the input format may be in."""
    if options.from_format is not None:
        return {_suffix(registry.get(options.from_format))}
    return {_suffix(f) for f in registry.FORMATS if f.readable}


def writable_formats(names: str | Sequence[str]) -> list[Format]:
    """The formats named (a list, or one comma-separated string); each must be writable, one at least."""
    return _named(names, lambda f: f.writable, "cannot be written")


def readable_format(name: str) -> Format:
    """The one format named, which must be readable."""
    fmt = registry.get(name)
    if not fmt.readable:
        raise UnknownFormatError(f"format {fmt.name!r} cannot be read")
    return fmt


def _named(names: str | Sequence[str], able: Callable[[Format], bool], unable: str) -> list[Format]:
    """The formats named, without repeats; UnknownFormatError for none, or one that is not ``able``."""
    parts = names.split(",") if isinstance(names, str) else [p for n in names for p in n.split(",")]
    formats = list({registry.get(p).name: registry.get(p) for p in parts if p.strip()}.values())
    if not formats:
        raise UnknownFormatError("no format given")
    for fmt in formats:
        if not able(fmt):
            raise UnknownFormatError(f"format {fmt.name!r} {unable}")
    return formats


def _arguments(inputs: Inputs) -> list[str]:
    """Input arguments as strings: one path or pattern, or several."""
    if isinstance(inputs, (str, os.PathLike)):
        return [os.fspath(inputs)]
    return [os.fspath(i) for i in inputs]


def _suffix(fmt: Format) -> str:
    """The file-name ending a folder's files of ``fmt`` have: the last part of its extension
    (``.json`` for ninjs, whose examples are named ``*.json``, not ``*.ninjs.json``)."""
    return "." + fmt.extension.rsplit(".", 1)[-1]


def _batches(listing: Iterable[Input], size: int) -> Iterator[list[Input]]:
    items = iter(listing)
    while batch := list(islice(items, max(1, size))):
        yield batch


def validate_files(
    inputs: Inputs,
    formats: str | Sequence[str] | None = None,
    *,
    jobs: int | None = None,
    rules: Iterable[str] = (),
    ignore: Iterable[str] = (),
    strict: bool = False,
    progress: checker.Progress | None = None,
) -> list[checker.FileReport]:
    """Validate every document the inputs name (files, folders, globs; ``-`` is standard input),
    reported in the order of their paths.

    ``formats`` (``None``: each document's format is detected) limits a folder to the files
    those formats may be in; one format validates every document as that format; several
    detect each document's format and report one that is none of them as invalid.
    """
    allowed = [f.name for f in validatable_formats(formats)] if formats is not None else None
    arguments = _arguments(inputs)
    candidates = registry.FORMATS if allowed is None else [registry.get(n) for n in allowed]
    suffixes = {_suffix(f) for f in candidates if f.validator}
    paths = sorted(item.path for item in iter_inputs(arguments, suffixes))
    selection = checker.Selection(frozenset(rules), frozenset(ignore))
    only = allowed[0] if allowed is not None and len(allowed) == 1 else None
    with _stdin_as_file(paths) as named:
        reports = checker.check_files(
            named, only, jobs=jobs or checker.default_jobs(), selection=selection, strict=strict,
            progress=progress,
        )  # fmt: skip
    reports = [replace(r, path=STDIN) if p == STDIN else r for p, r in zip(paths, reports, strict=True)]
    if allowed is not None and only is None:
        reports = [_expected(r, allowed) for r in reports]
    return reports


def validatable_formats(names: str | Sequence[str]) -> list[Format]:
    """The formats named, each of which newsconv must be able to validate."""
    return _named(names, lambda f: f.validator is not None, "has no validation (it is no document format)")


def _expected(report: checker.FileReport, allowed: list[str]) -> checker.FileReport:
    if report.format is None or report.format in allowed:
        return report
    finding = Finding("format.unexpected", f"a {report.format} document, not {' or '.join(allowed)}")
    return replace(report, findings=(finding, *report.findings))


@contextmanager
def _stdin_as_file(paths: list[str]) -> Iterator[list[str]]:
    """The paths, standard input (``-``) spooled to a temporary file so that it is checked like any file."""
    if STDIN not in paths:
        yield paths
        return
    fd, spooled = tempfile.mkstemp(prefix="newsconv-stdin-")
    try:
        with os.fdopen(fd, "wb") as spool:
            spool.write(read_bytes(STDIN))
        yield [spooled if p == STDIN else p for p in paths]
    finally:
        Path(spooled).unlink(missing_ok=True)
