"""The ``newsconv`` command line: convert, validate, formats, schemas.

Exit codes: 0 everything converted (or valid); 1 some input could not be read or some output
or document is invalid (the other files are still processed); 2 usage error or missing schema.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path, PurePath
from typing import NoReturn, TextIO

import click
from lxml import etree

from newsconv import api, registry, schema_store
from newsconv.atomic import write_atomically
from newsconv.errors import InputError, NewsconvError, SchemaNotFoundError, UnknownFormatError
from newsconv.inputs import STDIN, Input, expand
from newsconv.registry import Format
from newsconv.validate import checker, reporters
from newsconv.validate.findings import Finding

_CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


@click.group(context_settings=_CONTEXT)
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


EXIT_INVALID = 1
EXIT_USAGE = 2
_PROGRESS_MIN_FILES = 20


def _fail(message: str, code: int = EXIT_USAGE) -> NoReturn:
    click.echo(f"newsconv: {message}", err=True)
    sys.exit(code)


def _formats(names: str, *, writable: bool) -> list[Format]:
    try:
        formats = [registry.get(n) for n in names.split(",") if n.strip()]
    except UnknownFormatError as error:
        _fail(str(error))
    for fmt in formats:
        if writable and not fmt.writable:
            _fail(f"format {fmt.name!r} cannot be written")
    if not formats:
        _fail("no format given")
    return formats


def _read(item: Input) -> bytes:
    if item.path == STDIN:
        return sys.stdin.buffer.read()
    try:
        return Path(item.path).read_bytes()
    except OSError as error:
        raise InputError(item.path, f"cannot read: {error.strerror or error}") from None


@app.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--to", "-t", required=True, help="Output format(s), comma-separated (see `newsconv formats`).")
@click.option(
    "--out",
    "-o",
    type=click.Path(file_okay=False, path_type=Path),
    help="Output folder: each input NAME.txt becomes NAME.<ext> there.",
)
@click.option(
    "--from",
    "from_format",
    default=api.AUTO,
    help="Input format (default: detected from each file's content).",
)
@click.option(
    "--strict", is_flag=True, help="An input that breaks its own schema is an error, not a warning."
)
@click.option("--no-validate", is_flag=True, help="Skip validating the outputs.")
@_schema_dir_option
def convert(
    inputs: tuple[str, ...],
    to: str,
    out: Path | None,
    from_format: str,
    strict: bool,
    no_validate: bool,
    schema_dir: Path | None,
) -> None:
    """Convert articles to other formats, validating every output.

    INPUTS are files, folders, glob patterns, or - for standard input. A document holding several
    articles (a NewsML-G2 newsMessage) gives NAME.1.<ext>, NAME.2.<ext>…
    """
    schema_store.set_schema_dir(schema_dir)
    if from_format != api.AUTO:
        source = _formats(from_format, writable=False)
        if len(source) != 1 or not source[0].readable:
            _fail(f"--from must name one readable format, not {from_format!r}")
        from_format = source[0].name
    targets = _formats(to, writable=True)
    items = _convert_inputs(list(inputs), from_format)
    if not items:
        _fail("no input files found")
    if out is None and (len(items) > 1 or len(targets) > 1):
        _fail("several inputs or formats need --out DIR")
    planned = (
        [(item, fmt, out / item.relative.with_suffix(fmt.extension)) for item in items for fmt in targets]
        if out
        else []
    )
    clashes = {p for _, _, p in planned if sum(q == p for _, _, q in planned) > 1}
    if clashes:
        _fail(f"several inputs would write {min(map(str, clashes))}; convert them separately")
    failed = 0
    for item in items:
        name = None if item.path == STDIN else item.path
        try:
            reading = api.read_document(_read(item), from_format, source=name, strict=strict)
            _warn(name, reading.findings)
            if out is None and len(reading.articles) != 1:
                raise InputError(name, f"holds {len(reading.articles)} articles: convert it with --out DIR")
            documents = [
                (
                    _output_name(item, n, len(reading.articles), fmt),
                    api.write(article, fmt.name, validate=not no_validate),
                )
                for n, article in enumerate(reading.articles, 1)
                for fmt in targets
            ]
        except SchemaNotFoundError as error:
            _fail(str(error))
        except NewsconvError as error:
            failed += 1
            click.echo(f"newsconv: {error}", err=True)
            continue
        except Exception as error:  # noqa: BLE001 (a bug must not stop a batch: name the file, go on)
            failed += 1
            click.echo(
                f"newsconv: {item.path}: internal error ({type(error).__name__}: {error}); please report it",
                err=True,
            )
            continue
        for relative, document in documents:
            if out is None:
                sys.stdout.write(document)
            else:
                write_atomically(out / relative, document.encode("utf-8"))
    if failed:
        click.echo(f"newsconv: {failed} of {len(items)} input(s) failed", err=True)
        sys.exit(EXIT_INVALID)


_MAX_WARNINGS = 5


def _convert_inputs(arguments: list[str], from_format: str) -> list[Input]:
    """The inputs to convert: folders contribute the files a readable format could be in."""
    if from_format != api.AUTO:
        return expand(arguments, registry.get(from_format).extension)
    return _files(arguments, {"." + f.extension.rsplit(".", 1)[-1] for f in registry.FORMATS if f.readable})


def _files(arguments: list[str], suffixes: set[str]) -> list[Input]:
    """Every input the arguments name; a folder contributes only its files with one of ``suffixes``."""
    found: list[Input] = []
    for argument in arguments:
        items = expand([argument], "")  # one walk of a folder, whatever the extensions
        folder = Path(argument).is_dir()
        found += [item for item in items if not folder or Path(item.path).suffix in suffixes]
    return list({item.path: item for item in found}.values())


def _output_name(item: Input, number: int, count: int, fmt: Format) -> PurePath:
    """NAME.<ext> for a document with one article; NAME.<n>.<ext> (numbered from 1) for several."""
    if count == 1:
        return item.relative.with_suffix(fmt.extension)
    return item.relative.with_suffix(f".{number:0{len(str(count))}d}{fmt.extension}")


def _warn(source: str | None, findings: tuple[Finding, ...]) -> None:
    """Print an input's validation problems as warnings: it was read all the same."""
    for finding in findings[:_MAX_WARNINGS]:
        click.echo(f"newsconv: {source or '<stdin>'}: warning: input {finding}", err=True)
    if len(findings) > _MAX_WARNINGS:
        click.echo(
            f"newsconv: {source or '<stdin>'}: warning: and {len(findings) - _MAX_WARNINGS} more problems",
            err=True,
        )


@app.command()
@click.argument("documents", nargs=-1, required=True)
@click.option(
    "--format", "-f", "format_name", help="Format of every document (default: detected from content)."
)
@click.option(
    "--report",
    "-r",
    type=click.Choice(list(reporters.REPORTERS)),
    default="text",
    show_default=True,
    help="Report format.",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the report to FILE (atomically), not stdout.",
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
    format_name: str | None,
    report: str,
    output: Path | None,
    rules: tuple[str, ...],
    ignore: tuple[str, ...],
    jobs: int | None,
    strict: bool,
    schema_dir: Path | None,
) -> None:
    """Validate news feeds: NewsML-G2, JSON-LD, ninjs, RDF, model JSON.

    DOCUMENTS are files, folders (searched recursively) or glob patterns. Exit 0 when all are
    valid, 1 when some are invalid, 2 on a usage error or a missing schema.
    """
    schema_store.set_schema_dir(schema_dir)
    if format_name is not None:
        format_name = _formats(format_name, writable=False)[0].name
    paths = _documents(list(documents), format_name)
    if not paths:
        _fail("no files found")
    selection = checker.Selection(frozenset(rules), frozenset(ignore))
    show_progress = sys.stderr.isatty() and len(paths) > _PROGRESS_MIN_FILES
    try:
        reports = checker.check_files(
            paths,
            format_name,
            jobs=jobs or checker.default_jobs(),
            selection=selection,
            strict=strict,
            progress=_progress if show_progress else None,
        )
    except (SchemaNotFoundError, etree.XMLSchemaParseError) as error:
        _fail(f"cannot load a schema: {error}")
    if show_progress:
        click.echo("", err=True)
    colour = output is None and report == "text" and use_colour(sys.stdout)
    rendered = reporters.REPORTERS[report](reports, colour)
    if output is None:
        sys.stdout.write(rendered)
    else:
        try:
            write_atomically(output, rendered.encode("utf-8"))
        except OSError as error:
            _fail(f"cannot write the report to {output}: {error.strerror or error}")
    if not all(r.valid for r in reports):
        sys.exit(EXIT_INVALID)


def _documents(arguments: list[str], format_name: str | None) -> list[str]:
    """The files to validate: folders contribute files with the extensions of the formats asked for."""
    extensions = (
        {registry.get(format_name).extension}
        if format_name
        else {f.extension for f in registry.FORMATS if f.validator} | {".xml", ".json"}
    )
    return sorted({item.path for item in _files(arguments, extensions)} - {STDIN})


def use_colour(stream: TextIO) -> bool:
    """Colour only on a terminal, and never when ``NO_COLOR`` is set (https://no-color.org)."""
    return stream.isatty() and not os.environ.get("NO_COLOR")


def _progress(done: int, total: int) -> None:
    width = 30
    filled = width * done // total
    sys.stderr.write(f"\rvalidating [{'#' * filled}{'.' * (width - filled)}] {done}/{total} files")
    sys.stderr.flush()


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
