"""newsconv: news articles to standards-compliant structured data, proven compliant.

    >>> import newsconv
    >>> article = newsconv.read_file("story.txt")          # plain text -> canonical model
    >>> html_ld = newsconv.write(article, "jsonld")         # validated schema.org JSON-LD
    >>> g2 = newsconv.write(article, "newsml")              # validated NewsML-G2 newsItem

Formats are listed by :data:`newsconv.registry.FORMATS` and ``newsconv formats``.
"""

from newsconv.api import Reading, convert, read, read_document, read_file, validate, write
from newsconv.errors import (
    InputError,
    NewsconvError,
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
    "Finding",
    "Format",
    "InputError",
    "NewsconvError",
    "Organization",
    "Person",
    "Place",
    "Quote",
    "Reading",
    "SchemaNotFoundError",
    "SchemaStore",
    "Span",
    "UnknownFormatError",
    "ValidationError",
    "convert",
    "read",
    "read_document",
    "read_file",
    "validate",
    "write",
]
