"""The Python API: read articles, write them in any format, validate documents.

Every function raises a subclass of :class:`newsconv.errors.NewsconvError` on bad input or
invalid output, never a bare traceback from a parser. Each takes ``schemas=``, the
:class:`~newsconv.schema_store.SchemaStore` to validate against (default: the process's store),
so that one process can serve several configurations.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from newsconv import metadata as cms
from newsconv import publication, registry, schema_store
from newsconv.detect import detect_input
from newsconv.errors import InputError, UnknownFormatError, ValidationError
from newsconv.inputs import read_bytes
from newsconv.metadata import Metadata
from newsconv.model import Article
from newsconv.schema_store import SchemaStore
from newsconv.validate.findings import Finding, errors

AUTO = "auto"


@dataclass(frozen=True, slots=True)
class Reading:
    """What reading one document gave: its format, its articles, and what its validation found.

    A document that breaks its schema is still read where its structure allows (real feeds often
    do); ``findings`` says how it broke, and ``strict`` reading turns its errors into a failure.
    """

    format: str
    articles: tuple[Article, ...]
    findings: tuple[Finding, ...] = ()


def read_document(
    data: str | bytes,
    format: str = AUTO,
    *,
    source: str | None = None,
    strict: bool = False,
    schemas: SchemaStore | None = None,
    metadata: Metadata | None = None,
) -> Reading:
    """Read every article in a document; ``format`` ``auto`` detects it from the content.

    Structured input is validated against its own schema first; with ``strict`` a document with
    errors raises ValidationError instead of being read. ``metadata`` (CMS metadata, see
    :mod:`newsconv.metadata`) is applied to every article over what it holds.
    """
    raw = _encoded(data, source)
    fmt = registry.get(_detect(raw, source) if format == AUTO else format)
    if not fmt.readable:
        raise InputError(source, f"newsconv cannot read {fmt.title} documents")
    with schema_store.using(schemas):
        findings = fmt.validate(raw) if fmt.validator else []
        if strict and errors(findings):
            raise ValidationError(fmt.name, errors(findings), source, role="input")
        try:
            articles = tuple(fmt.read_items(raw, source))
        except ValidationError as error:  # a reader's own check: it is the input that is invalid
            raise ValidationError(error.format_name, error.findings, source, role="input") from None
    if metadata is not None:
        articles = tuple(cms.apply(article, metadata, source) for article in articles)
    return Reading(fmt.name, articles, tuple(findings))


def _encoded(data: str | bytes, source: str | None) -> bytes:
    """A document's bytes; text is encoded as UTF-8, and text that cannot be (a lone surrogate) is an InputError."""
    if not isinstance(data, str):
        return data
    try:
        return data.encode("utf-8")
    except UnicodeEncodeError as error:
        raise InputError(
            source, f"text holds a lone surrogate (U+{ord(data[error.start]):04X} at character {error.start})"
        ) from None


def _detect(data: bytes, source: str | None) -> str:
    try:
        return detect_input(data)
    except UnknownFormatError as error:
        raise InputError(source, str(error)) from None


def read(
    data: str | bytes,
    format: str = "text",
    *,
    source: str | None = None,
    strict: bool = False,
    schemas: SchemaStore | None = None,
    metadata: Metadata | None = None,
) -> Article:
    """Read a document held in memory (``str`` is taken as its text) into one Article.

    ``format`` may be ``auto``. A document holding several articles (a NewsML-G2 newsMessage)
    is an error here: use :func:`read_document` for those. ``metadata`` is what a CMS knows about
    the story (URL, dates, authors, publisher, images, section…: see :mod:`newsconv.metadata`);
    every field it gives wins over what the document holds or extraction found.
    """
    reading = read_document(data, format, source=source, strict=strict, schemas=schemas, metadata=metadata)
    if len(reading.articles) != 1:
        raise InputError(
            source, f"holds {len(reading.articles)} articles, not one; read it with read_document"
        )
    return reading.articles[0]


def read_file(
    path: str | os.PathLike[str],
    format: str = AUTO,
    *,
    strict: bool = False,
    schemas: SchemaStore | None = None,
    metadata: Metadata | None = None,
) -> Article:
    """Read a file into an Article, its format detected from its content unless given.

    The file's path is kept as the article's source; ``metadata`` is applied as :func:`read` does.
    """
    return read(read_bytes(path), format, source=str(path), strict=strict, schemas=schemas, metadata=metadata)


def write(
    article: Article,
    format: str,
    *,
    validate: bool = True,
    schemas: SchemaStore | None = None,
    refuse_unpublished: bool = False,
) -> str:
    """The article in ``format``; with ``validate`` (the default) invalid output raises ValidationError.

    An article whose text is no valid Unicode (a lone surrogate, which only code can put there)
    is an InputError: no file could hold its output. A public-web format (JSON-LD, RDF) of an
    item that is embargoed, withheld or canceled warns (``UnpublishedWarning``), or with
    ``refuse_unpublished`` raises ``UnpublishedError`` (see :mod:`newsconv.publication`).
    """
    fmt = registry.get(format)
    publication.guard(article, fmt.name, refuse=refuse_unpublished)
    with schema_store.using(schemas):
        try:
            document = fmt.write(article)
        except UnicodeEncodeError as error:
            raise InputError(article.source, f"the article holds a lone surrogate ({error.reason})") from None
        _encoded(document, article.source)
        problems = errors(fmt.validate_output(document, article)) if validate else []
    if problems:
        raise ValidationError(fmt.name, problems, article.source)
    return document


def validate(document: str | bytes, format: str, *, schemas: SchemaStore | None = None) -> list[Finding]:
    """Every problem found in a document of ``format`` (errors and warnings); empty when valid."""
    with schema_store.using(schemas):
        return registry.get(format).validate(document)


def convert(
    data: str | bytes,
    to: str,
    *,
    from_format: str = "text",
    source: str | None = None,
    validate: bool = True,
    strict: bool = False,
    schemas: SchemaStore | None = None,
) -> str:
    """Read a document holding one article and write it in another format, validated unless told otherwise."""
    article = read(data, from_format, source=source, strict=strict, schemas=schemas)
    return write(article, to, validate=validate, schemas=schemas)
