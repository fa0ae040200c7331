"""The ``newsconv`` command line: convert, validate, formats, schemas; a thin layer over the API.

Exit codes: 0 everything converted (or valid); 1 some input could not be read or some output
or document is invalid (the other files are still processed); 2 usage error, a batch that would
overwrite its own input, or a missing schema; 3 an internal error (a bug in newsconv).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from itertools import islice
from pathlib import Path
from typing import Any, NoReturn, TextIO

import click
from lxml import etree

from newsconv import api, batch, registry, schema_store
from newsconv import metadata as cms
from newsconv.atomic import write_atomically
from newsconv.batch.convert import input_metadata, render, warnings_of
from newsconv.batch.files import list_inputs
from newsconv.errors import InputError, NewsconvError, SchemaNotFoundError
from newsconv.inputs import STDIN, read_bytes
from newsconv.validate import reporters
from newsconv.validate.checker import FileReport

_CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}

EXIT_INVALID = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3
_PROGRESS_MIN_FILES = 20


class _App(click.Group):
    """The command group; what escapes a command is told apart: a usage problem or a bug."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except (NewsconvError, etree.XMLSchemaParseError) as error:
            _fail(str(error))  # a missing schema, a conflicting plan, an unknown name: exit 2
        except Exception as error:  # noqa: BLE001 (a bug: say so, with exit 3, not a traceback)
            _fail(f"internal error ({type(error).__name__}: {error}); please report it", EXIT_INTERNAL)


class FormatList(click.Choice):  # type: ignore[type-arg]
    """One or more format names, comma-separated; ``--help`` lists the valid ones."""

    name = "format"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, tuple):
            return value
        choose = super().convert  # zero-argument super() does not work inside a generator
        return tuple(choose(part.strip(), param, ctx) for part in str(value).split(",") if part.strip())


@click.group(cls=_App, context_settings=_CONTEXT)
@click.version_option(package_name="newsconv", prog_name="newsconv")
def app() -> None:
    """Turn news articles into validated NewsML-G2, schema.org JSON-LD and RDF."""


@app.group("schemas")
def schemas_app() -> None:
    """Find and fetch the official schemas newsconv validates against."""


_schema_dir_only = click.option(
    "--schema-dir",
    type=click.Path(file_okay=False, path_type=Path),
    help=f"Folder searched first for official schemas (then ${schema_store.ENV_VAR}, then the cache).",
)
_offline_option = click.option(
    "--offline",
    is_flag=True,
    expose_value=False,
    callback=lambda _context, _parameter, value: schema_store.set_offline(value),
    help=f"Never download a missing official schema (also ${schema_store.OFFLINE_VAR}=1).",
)


def _schema_dir_option(command: Callable[..., None]) -> Callable[..., None]:
    """``--schema-dir`` and ``--offline``: where official schemas are, and whether one may be downloaded."""
    return _offline_option(_schema_dir_only(command))


def _fail(message: str, code: int = EXIT_USAGE) -> NoReturn:
    click.echo(f"newsconv: {message}", err=True)
    sys.exit(code)


def _names(values: tuple[tuple[str, ...], ...]) -> list[str]:
    """The format names of a repeatable, comma-separated option, in order, without repeats."""
    return list(dict.fromkeys(name for value in values for name in value))


@app.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option(
    "--to",
    "-t",
    "to",
    required=True,
    multiple=True,
    type=FormatList([f.name for f in registry.FORMATS if f.writable]),
    help="Output format(s): comma-separated or repeated.",
)
@click.option(
    "--out",
    "-o",
    type=click.Path(file_okay=False),
    help="Output folder or URL (s3://…; needs fsspec): each input NAME.txt becomes NAME.<ext> there.",
)
@click.option(
    "--from",
    "from_format",
    type=click.Choice([api.AUTO, *(f.name for f in registry.FORMATS if f.readable)], case_sensitive=False),
    default=api.AUTO,
    help="Input format (default: detected from each file's content).",
)
@click.option(
    "--strict", is_flag=True, help="An input that breaks its own schema is an error, not a warning."
)
@click.option("--no-validate", is_flag=True, help="Skip validating the outputs.")
@click.option(
    "--refuse-unpublished",
    is_flag=True,
    help="A JSON-LD or RDF output of an embargoed, withheld or canceled item is an error (default: a warning).",
)
@click.option(
    "--jobs",
    "-j",
    "--workers",
    "jobs",
    type=click.IntRange(min=1),
    help="Worker processes; with --engine dask, of the local cluster started (default: the CPU count).",
)
@click.option(
    "--engine",
    type=click.Choice(list(batch.ENGINES)),
    default="local",
    show_default=True,
    help="What runs the batch: this machine's processes, or a cluster (dask: the 'dask' extra).",
)
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    help="With --engine dask: the scheduler of the cluster to run on (default: start a local one).",
)
@click.option(
    "--manifest",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write one record per input to FILE (JSON Lines; Parquet for .parquet), then a summary.",
)
@click.option(
    "--resume",
    is_flag=True,
    help="Skip inputs whose outputs all exist and are not older than the input.",
)
@click.option(
    "--meta",
    type=click.Path(dir_okay=False, path_type=Path),
    help="CMS metadata (JSON: url, published, authors, publisher, images, section…) for every input; "
    "a NAME.meta.json beside an input is applied too.",
)
@_schema_dir_option
def convert(
    inputs: tuple[str, ...],
    to: tuple[tuple[str, ...], ...],
    out: str | None,
    from_format: str,
    strict: bool,
    no_validate: bool,
    refuse_unpublished: bool,
    jobs: int | None,
    engine: str,
    scheduler: str | None,
    manifest: Path | None,
    resume: bool,
    meta: Path | None,
    schema_dir: Path | None,
) -> None:
    """Convert articles to other formats, validating every output.

    INPUTS are files, folders, glob patterns, or - for standard input. A document holding several
    articles (a NewsML-G2 newsMessage) gives NAME.1.<ext>, NAME.2.<ext>… Exit 0 when all
    converted, 1 when some input or output failed, 2 on a usage error or a missing schema, 3 on
    an internal error.
    """
    schema_store.set_schema_dir(schema_dir)
    formats = _names(to)
    if not formats:
        _fail("no format given")
    if meta is not None:
        try:
            cms.load(meta)
        except InputError as error:
            _fail(str(error))
    if out is None:
        if manifest is not None or resume:
            _fail("--manifest and --resume need --out DIR")
        _convert_to_stdout(
            list(inputs),
            formats,
            from_format,
            strict=strict,
            validate=not no_validate,
            refuse=refuse_unpublished,
            meta=meta,
        )
        return
    with _cluster(engine, scheduler, jobs) as client:
        summary = batch.convert_files(
            inputs,
            formats,
            out,
            jobs=jobs,
            engine=engine,
            client=client,
            manifest=manifest,
            from_format=from_format,
            validate=not no_validate,
            strict=strict,
            resume=resume,
            refuse_unpublished=refuse_unpublished,
            metadata=meta,
            on_result=_tell,
            progress=_PROGRESS.show if sys.stderr.isatty() else None,
        )
    _PROGRESS.end()
    if summary.inputs == 0:
        _fail("no input files found")
    click.echo(
        f"newsconv: {summary.inputs} inputs: {summary.ok} ok, {summary.failed} failed, "
        f"{summary.skipped} skipped; {summary.articles} articles in {summary.seconds:.1f} s",
        err=True,
    )
    if summary.failed:
        click.echo(f"newsconv: {summary.failed} of {summary.inputs} input(s) failed", err=True)
        sys.exit(EXIT_INTERNAL if summary.internal else EXIT_INVALID)


@contextmanager
def _cluster(engine: str, scheduler: str | None, workers: int | None) -> Iterator[Any]:
    """The Dask client a dask run uses (its dashboard link said), connected or on a new local cluster."""
    if engine != "dask":
        if scheduler is not None:
            _fail("--scheduler needs --engine dask")
        yield None
        return
    batch.engines.get("dask")  # says which extra to install when Dask is missing
    from newsconv.batch import dask_engine  # imported only here: the core install has no Dask

    with dask_engine.connect(scheduler, workers) as client:
        click.echo(f"newsconv: {dask_engine.describe(client)}", err=True)
        yield client


def _convert_to_stdout(
    arguments: list[str],
    formats: list[str],
    from_format: str,
    *,
    strict: bool,
    validate: bool,
    refuse: bool,
    meta: Path | None,
) -> None:
    """One input in one format, to standard output (nothing is written to a file)."""
    options = batch.ConvertOptions(
        tuple(formats),
        None,
        None if from_format == api.AUTO else from_format,
        validate,
        strict,
        refuse_unpublished=refuse,
        metadata=None if meta is None else str(meta),
    )
    found = list(islice(list_inputs(arguments, options), 2))
    if not found:
        _fail("no input files found")
    if len(found) > 1 or len(formats) > 1:
        _fail("several inputs or formats need --out DIR")
    item = found[0]
    source = None if item.path == STDIN else item.path
    try:
        rendering = render(read_bytes(item.path), source, options, input_metadata(item, options))
        warned = (*warnings_of(rendering.reading), *rendering.notices)
        _tell(batch.FileResult(item.path, "ok", warnings=warned))
        if rendering.problems:
            raise rendering.problems[0]
        if len(rendering.documents) != 1:
            count = len(rendering.reading.articles)
            raise InputError(source, f"holds {count} articles: convert it with --out DIR")
    except SchemaNotFoundError:
        raise
    except NewsconvError as error:
        _fail(str(error), EXIT_INVALID)
    sys.stdout.write(rendering.documents[0].text)


def _tell(result: batch.FileResult) -> None:
    """Say on standard error what went wrong with an input, and what its own validation warned of."""
    name = "<stdin>" if result.source == STDIN else result.source
    if result.warnings or result.message:
        _PROGRESS.clear()
    for warning in result.warnings:
        click.echo(f"newsconv: {name}: warning: {warning}", err=True)
    for line in (result.message or "").splitlines():
        click.echo(
            f"newsconv: {line}" if line.startswith(result.source) else f"newsconv: {name}: {line}", err=True
        )


@app.command()
@click.argument("documents", nargs=-1, required=True)
@click.option(
    "--format",
    "-f",
    "formats",
    multiple=True,
    type=FormatList([f.name for f in registry.FORMATS if f.validator]),
    help="Format of every document (default: detected from content); several: each detected, "
    "and a document of another format is invalid.",
)
@click.option(
    "--report",
    "-r",
    "reports",
    multiple=True,
    metavar="[" + "|".join(reporters.REPORTERS) + "][:FILE]",
    help="Report format, to FILE when given (atomically) or stdout; repeatable [default: text].",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the one report to FILE (atomically), not stdout.",
)
@click.option(
    "--rule", "rules", multiple=True, help="Report only this rule id or family (e.g. g2, xsd); repeatable."
)
@click.option("--ignore", multiple=True, help="Do not report this rule id or family; repeatable.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), help="Worker processes (default: the CPU count).")
@click.option("--strict", is_flag=True, help="Warnings are errors: they make a file invalid.")
@_schema_dir_option
def validate(
    documents: tuple[str, ...],
    formats: tuple[tuple[str, ...], ...],
    reports: tuple[str, ...],
    output: Path | None,
    rules: tuple[str, ...],
    ignore: tuple[str, ...],
    jobs: int | None,
    strict: bool,
    schema_dir: Path | None,
) -> None:
    """Validate news feeds: NewsML-G2, JSON-LD, ninjs, RDF, model JSON.

    DOCUMENTS are files, folders (searched recursively), glob patterns, or - for standard input.
    Exit 0 when all are valid, 1 when some are invalid, 2 on a usage error or a missing schema,
    3 on an internal error.
    """
    schema_store.set_schema_dir(schema_dir)
    targets = _report_targets(reports, output)
    show_progress = sys.stderr.isatty()
    results = batch.validate_files(
        documents,
        _names(formats) or None,
        jobs=jobs,
        rules=rules,
        ignore=ignore,
        strict=strict,
        progress=_PROGRESS.show if show_progress else None,
    )
    _PROGRESS.end()
    if not results:
        _fail("no files found")
    for name, target in targets:
        _write_report(name, target, results)
    if any(f.rule == "internal" for r in results for f in r.findings):
        sys.exit(EXIT_INTERNAL)
    if not all(r.valid for r in results):
        sys.exit(EXIT_INVALID)


def _report_targets(reports: tuple[str, ...], output: Path | None) -> list[tuple[str, Path | None]]:
    """Each report asked for and where it goes (``None``: stdout); at most one goes to stdout."""
    targets: list[tuple[str, Path | None]] = []
    for report in reports or ("text",):
        name, _, path = report.partition(":")
        if name not in reporters.REPORTERS:
            _fail(f"unknown report {name!r} (known: {', '.join(reporters.REPORTERS)})")
        targets.append((name, Path(path) if path else None))
    to_stdout = [i for i, (_, path) in enumerate(targets) if path is None]
    if output is not None:
        if len(to_stdout) != 1:
            _fail("--output takes one report; give each report its file as FORMAT:FILE")
        targets[to_stdout[0]] = (targets[to_stdout[0]][0], output)
    elif len(to_stdout) > 1:
        _fail("only one report can go to stdout; give the others a file as FORMAT:FILE")
    return targets


def _write_report(name: str, target: Path | None, results: list[FileReport]) -> None:
    colour = target is None and name == "text" and use_colour(sys.stdout)
    rendered = reporters.REPORTERS[name](results, colour)
    if target is None:
        sys.stdout.write(rendered)
        return
    try:
        write_atomically(target, rendered.encode("utf-8"))
    except OSError as error:
        _fail(f"cannot write the report to {target}: {error.strerror or error}")


def use_colour(stream: TextIO) -> bool:
    """Colour only on a terminal, and never when ``NO_COLOR`` is set (https://no-color.org)."""
    return stream.isatty() and not os.environ.get("NO_COLOR")


class _Bar:
    """A progress bar on standard error (a terminal), for runs of more than a few files."""

    width = 30

    def __init__(self) -> None:
        self.drawn = 0

    def show(self, done: int, total: int) -> None:
        if total <= _PROGRESS_MIN_FILES:
            return
        filled = self.width * done // total
        line = f"\r[{'#' * filled}{'.' * (self.width - filled)}] {done}/{total} files"
        sys.stderr.write(line)
        sys.stderr.flush()
        self.drawn = len(line)

    def clear(self) -> None:
        """Wipe the bar, so that a message takes its line (the next result draws it again)."""
        if self.drawn:
            sys.stderr.write("\r" + " " * self.drawn + "\r")
            self.drawn = 0

    def end(self) -> None:
        """Leave the finished bar on its own line."""
        if self.drawn:
            sys.stderr.write("\n")
            self.drawn = 0


_PROGRESS = _Bar()


@app.command("formats")
def list_formats() -> None:
    """List the formats newsconv reads and writes."""
    for fmt in registry.FORMATS:
        can = "/".join(x for x, ok in (("read", fmt.readable), ("write", fmt.writable)) if ok)
        click.echo(f"{fmt.name:<9} {fmt.extension:<13} {can:<11} {fmt.title}")


@schemas_app.command("list")
@_schema_dir_option
def list_schemas(schema_dir: Path | None) -> None:
    """Show where each official schema was found on the search path, or that it is missing."""
    schema_store.set_schema_dir(schema_dir)
    click.echo("search path: " + ", ".join(f"{origin} {path}" for origin, path in schema_store.search_path()))
    missing = 0
    store = schema_store.current()
    for schema in schema_store.OFFICIAL:
        found = store.find(schema.path)  # listing never downloads
        if found is not None:
            click.echo(f"found    {schema.path}  ->  {found}")
        else:
            missing += 1
            click.echo(f"MISSING  {schema.path}  ({schema.what}; {schema.url})")
    if missing:
        click.echo(f"{missing} missing: run `newsconv schemas fetch`", err=True)
        sys.exit(EXIT_USAGE)


@schemas_app.command("fetch")
@click.option(
    "--dest",
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder to download into (default: the user cache).",
)
@click.option(
    "--base",
    envvar=schema_store.BASE_VAR,
    help=f"Download from BASE/<path> (a mirror laid out like the search path; also ${schema_store.BASE_VAR}).",
)
def fetch_schemas(dest: Path | None, base: str | None) -> None:
    """Download the official schemas, each checked against its pinned SHA-256 (nothing is written
    unless all match). convert and validate do this by themselves when a schema is missing."""
    try:
        written = schema_store.fetch(dest, base=base or None)
    except OSError as error:
        _fail(f"download failed, nothing written: {error}", EXIT_INVALID)
    for path in written:
        click.echo(f"fetched {path}")


def main() -> None:
    """Entry point for ``python -m newsconv``."""
    app(prog_name="newsconv")
