"""The Python API: read articles, write them in any format, validate documents.

Every function raises a subclass of :class:`newsconv.errors.NewsconvError` on bad input or
invalid output, never a bare traceback from a parser.
"""

from __future__ import annotations

import os
from pathlib import Path

from newsconv import registry
from newsconv.errors import InputError, ValidationError
from newsconv.model import Article
from newsconv.validate.findings import Finding, errors


def read(data: str | bytes, format: str = "text", *, source: str | None = None) -> Article:
    """Read a document held in memory (``str`` is taken as its text) into an Article."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    return registry.get(format).read(raw, source)


def read_file(path: str | os.PathLike[str], format: str = "text") -> Article:
    """Read a file into an Article; the file's path is kept as the article's source."""
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise InputError(str(path), f"cannot read: {error.strerror or error}") from None
    return read(data, format, source=str(path))


def write(article: Article, format: str, *, validate: bool = True) -> str:
    """The article in ``format``; with ``validate`` (the default) invalid output raises ValidationError."""
    fmt = registry.get(format)
    document = fmt.write(article)
    if validate:
        problems = errors(fmt.validate(document))
        if problems:
            raise ValidationError(fmt.name, problems, article.source)
    return document


def validate(document: str | bytes, format: str) -> list[Finding]:
    """Every problem found in a document of ``format`` (errors and warnings); empty when valid."""
    return registry.get(format).validate(document)


def convert(
    data: str | bytes,
    to: str,
    *,
    from_format: str = "text",
    source: str | None = None,
    validate: bool = True,
) -> str:
    """Read a document and write it in another format, validated unless told otherwise."""
    return write(read(data, from_format, source=source), to, validate=validate)
