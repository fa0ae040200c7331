"""The unit of work every engine runs: convert inputs, write their outputs, one result per input.

Each output stands alone: a format whose output fails validation is reported (file, format,
first problems) and not written, while the input's other outputs are written; the input is then
``failed`` and its result lists what was written. Outputs are written atomically, so an output
that exists is complete. A bad input becomes a failed result, never an exception; only a
missing official schema (which fails every input alike) stops the batch.
"""

from __future__ import annotations

import glob
import os
import time
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from newsconv import api, clock, registry, schema_store, storage
from newsconv import metadata as cms
from newsconv.batch.plan import destination, output_path, planned_outputs
from newsconv.batch.results import FAILED, INTERNAL, OK, SKIPPED, ConvertOptions, FileResult
from newsconv.errors import NewsconvError, OutputConflictError, SchemaNotFoundError
from newsconv.inputs import STDIN, Input, read_bytes, sidecar
from newsconv.publication import UnpublishedWarning
from newsconv.registry import Format

_MAX_WARNINGS = 5


@dataclass(frozen=True, slots=True)
class Document:
    """One output: the article's number in its input (from 1), of how many, its format and text."""

    number: int
    count: int
    format: Format
    text: str


@dataclass(frozen=True, slots=True)
class Rendering:
    """An input converted in memory: its reading, the outputs that passed, and the ones that failed."""

    reading: api.Reading
    documents: tuple[Document, ...]
    problems: tuple[NewsconvError, ...]
    notices: tuple[str, ...] = ()


def render(
    data: bytes, source: str | None, options: ConvertOptions, metadata: cms.Metadata | None = None
) -> Rendering:
    """Read ``data`` and write every article in every format of ``options``, each on its own.

    Reading errors raise (nothing can be written); an output that fails validation is kept in
    ``problems`` and the others are still made.
    """
    reading = api.read_document(
        data, options.from_format or api.AUTO, source=source, strict=options.strict, metadata=metadata
    )
    documents: list[Document] = []
    problems: list[NewsconvError] = []
    notices: list[str] = []
    count = len(reading.articles)
    for number, article in enumerate(reading.articles, 1):
        for name in options.to:
            try:
                with warnings.catch_warnings(record=True) as caught:
                    warnings.simplefilter("always", UnpublishedWarning)
                    text = api.write(
                        article,
                        name,
                        validate=options.validate,
                        refuse_unpublished=options.refuse_unpublished,
                    )
            except SchemaNotFoundError:
                raise
            except NewsconvError as error:
                problems.append(error)
                continue
            item = f"item {number}: " if count > 1 else ""
            notices += [
                f"{item}{w.message.notice}" for w in caught if isinstance(w.message, UnpublishedWarning)
            ]
            documents.append(Document(number, count, registry.get(name), text))
    return Rendering(reading, tuple(documents), tuple(problems), tuple(notices))


def convert_batch(sources: Sequence[str | Input], options: ConvertOptions) -> list[FileResult]:
    """Convert each source (a path, or an Input that names its output sub-folders); one result each.

    Never raises for a bad input: it gives a failed result. SchemaNotFoundError is raised.
    Validation uses ``options.schemas`` when set, else the store current when the batch starts
    (held for the batch: every cached schema lookup would otherwise read the settings again).
    """
    with schema_store.using(options.schemas or schema_store.current()):
        return [convert_input(s if isinstance(s, Input) else Input.of(s), options) for s in sources]


def convert_input(item: Input, options: ConvertOptions) -> FileResult:
    """Convert one input and write its outputs; the result says what happened and what was written."""
    start = time.perf_counter()
    if options.resume and up_to_date(item, options):
        return FileResult(item.path, SKIPPED)
    source = None if item.path == STDIN else item.path
    written: list[str] = []
    try:
        with clock.undated_source(_changed(item.path)):
            rendering = render(read_bytes(item.path), source, options, input_metadata(item, options))
        _write(item, rendering.documents, options.out, written)
    except SchemaNotFoundError:
        raise
    except NewsconvError as error:
        return _failed(item, error, str(error), written, start)
    except OSError as error:
        return _failed(item, error, f"{item.path}: cannot write: {error.strerror or error}", written, start)
    except Exception as error:  # noqa: BLE001 (a bug must not stop a batch: name the file, go on)
        message = f"{INTERNAL} ({type(error).__name__}: {error}) converting {item.path}; please report it"
        return _failed(item, error, message, written, start)
    return _result(item, rendering, written, start)


def _write(item: Input, documents: Sequence[Document], out: str | None, written: list[str]) -> None:
    """Write each document atomically, adding its name to ``written`` (so a failure knows what was)."""
    base = destination(item, out)
    for document in documents:
        name = output_path(base, document.format.extension, document.number, document.count)
        _refuse_overwriting(item, name)
        written.append(storage.write(name, document.text.encode("utf-8")))


def _result(item: Input, rendering: Rendering, written: list[str], start: float) -> FileResult:
    """An input's result once its outputs are written: failed when a format's output was not."""
    items = len(rendering.reading.articles)
    warned = (*warnings_of(rendering.reading), *rendering.notices)
    seconds = time.perf_counter() - start
    if rendering.problems:
        message = "\n".join(str(p) for p in rendering.problems)
        name = type(rendering.problems[0]).__name__
        return FileResult(item.path, FAILED, name, message, tuple(written), items, seconds, warned)
    return FileResult(item.path, OK, None, None, tuple(written), items, seconds, warned)


def input_metadata(item: Input, options: ConvertOptions) -> dict[str, object] | None:
    """The CMS metadata of one input: the ``--meta`` file's, then its own ``NAME.meta.json`` sidecar's
    fields over them; None when there is neither."""
    merged: dict[str, object] = {}
    if options.metadata is not None:
        merged.update(cms.load(options.metadata))
    if item.path != STDIN and os.path.isfile(beside := sidecar(item.path)):
        merged.update(cms.load(beside))
    return merged if options.metadata is not None or merged else None


def up_to_date(item: Input, options: ConvertOptions) -> bool:
    """Whether every output of a one-article input exists and is not older than the input."""
    if item.path == STDIN:
        return False
    try:
        paths = planned_outputs(item, options.extensions, options.out)
        if storage.is_url(item.path) or any(storage.is_url(path) for path in paths):
            return _up_to_date_urls(item.path, paths)
        changed = os.stat(item.path).st_mtime_ns
        return all(os.stat(path).st_mtime_ns >= changed for path in paths)
    except (OSError, NewsconvError):
        return False


def remove_stale_temporaries(item: Input, options: ConvertOptions) -> None:
    """Delete the temporary files a killed attempt at this input left beside its outputs.

    When a worker dies the pool stops every other worker too, perhaps in the middle of an atomic
    write, which leaves ``.NAME.*.tmp`` (see :mod:`newsconv.atomic`) but never a half-written
    output. The engine calls this before it converts such an input again, so nothing is left
    behind. Only a one-article input's local outputs are known by name here.
    """
    if item.path == STDIN:
        return
    try:
        paths = planned_outputs(item, options.extensions, options.out)
    except NewsconvError:
        return
    for path in paths:
        if storage.is_url(path):
            continue
        folder, name = os.path.split(path)
        pattern = os.path.join(glob.escape(folder or "."), f".{glob.escape(name)}.*.tmp")
        for stale in glob.glob(pattern, include_hidden=True):
            Path(stale).unlink(missing_ok=True)


def _up_to_date_urls(source: str, outputs: list[str]) -> bool:
    """:func:`up_to_date` where the input or an output is a URL: object stores keep whole seconds or less."""
    changed = storage.modified(source)
    made = [storage.modified(path) for path in outputs]
    return changed is not None and all(moment is not None and moment >= changed for moment in made)


def _changed(path: str) -> datetime | None:
    """When the input last changed (an undated article's version time); ``None`` for standard input."""
    changed = None if path == STDIN else storage.modified(path)
    return None if changed is None else clock.to_second(changed)


def _refuse_overwriting(item: Input, name: str) -> None:
    """The last guard: an output that is the input itself (a link, another spelling) is refused."""
    if storage.is_url(name) or storage.is_url(item.path):
        return  # an object store has no links; the plan has compared the names
    path = Path(name)
    if item.path != STDIN and path.exists() and os.path.samefile(path, item.path):
        raise OutputConflictError(f"writing {path} would overwrite the input {item.path}; nothing written")


def _failed(item: Input, error: BaseException, message: str, written: list[str], start: float) -> FileResult:
    seconds = time.perf_counter() - start
    return FileResult(item.path, FAILED, type(error).__name__, message, tuple(written), 0, seconds)


def warnings_of(reading: api.Reading) -> tuple[str, ...]:
    """The input's own validation problems, as warnings (the first few, then how many more)."""
    shown = [f"input {finding}" for finding in reading.findings[:_MAX_WARNINGS]]
    if len(reading.findings) > _MAX_WARNINGS:
        shown.append(f"and {len(reading.findings) - _MAX_WARNINGS} more problems")
    return tuple(shown)
