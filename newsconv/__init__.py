"""newsconv: news articles to standards-compliant structured data, proven compliant.

    >>> import newsconv
    >>> article = newsconv.read_file("story.txt")          # plain text -> canonical model
    >>> html_ld = newsconv.write(article, "jsonld")         # validated schema.org JSON-LD
    >>> g2 = newsconv.write(article, "newsml")              # validated NewsML-G2 newsItem
    >>> newsconv.convert_files("feeds/", ["newsml", "jsonld"], "out/", manifest="m.jsonl")

Formats are listed by :data:`newsconv.registry.FORMATS` and ``newsconv formats``.
"""

from newsconv.api import Reading, convert, read, read_document, read_file, validate, write
from newsconv.batch import ConvertOptions, FileResult, Summary, convert_files, prepare, validate_files
from newsconv.errors import (
    InputError,
    NewsconvError,
    OutputConflictError,
    SchemaNotFoundError,
    UnknownFormatError,
    ValidationError,
)
from newsconv.model import Article, Organization, Person, Place, Quote, Span
from newsconv.registry import FORMATS, Format
from newsconv.schema_store import SchemaStore
from newsconv.validate.findings import Finding

__all__ = [
    "FORMATS",
    "Article",
    "ConvertOptions",
    "FileResult",
    "Finding",
    "Format",
    "InputError",
    "NewsconvError",
    "Organization",
    "OutputConflictError",
    "Person",
    "Place",
    "Quote",
    "Reading",
    "SchemaNotFoundError",
    "SchemaStore",
    "Span",
    "Summary",
    "UnknownFormatError",
    "ValidationError",
    "convert",
    "convert_files",
    "prepare",
    "read",
    "read_document",
    "read_file",
    "validate",
    "validate_files",
    "write",
]
