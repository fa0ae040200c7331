"""The one list of formats newsconv reads and writes.

Each format names the module that implements it; the module is imported only when the format
is used, so the command line starts fast and a format's dependencies load only when needed.
A format module offers ``read(data, source)`` if it reads (``read_items`` too when one document
can hold several articles, as a NewsML-G2 newsMessage does), ``write(article)`` if it writes, and
``validate(document)`` returning a list of findings.

A format's ``validate`` is its ONE validation: :meth:`Format.validate` is what the API's
``newsconv.validate``, ``convert`` (its input, and with ``validate`` its output) and the
``newsconv validate`` checker all call, so they cannot disagree about a document.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, cast

from newsconv.errors import UnknownFormatError
from newsconv.model import Article
from newsconv.validate.findings import Finding

Reader = Callable[[bytes, "str | None"], Article]
Writer = Callable[[Article], str]
Validator = Callable[[str | bytes], list[Finding]]


@dataclass(frozen=True, slots=True)
class Format:
    """A format: its name, file extension, media type and the functions that implement it."""

    name: str
    title: str
    extension: str
    media_type: str
    module: str
    reader: str | None = None
    writer: str | None = None
    validator: str | None = None
    items_reader: str | None = None
    output_validator: str | None = None
    xml: bool = False
    prover: str | None = None

    @property
    def readable(self) -> bool:
        return self.reader is not None

    @property
    def writable(self) -> bool:
        return self.writer is not None

    def _function(self, attribute: str | None, what: str) -> Callable[..., Any]:
        if attribute is None:
            raise UnknownFormatError(f"format {self.name!r} cannot be {what}")
        return cast(Callable[..., Any], getattr(importlib.import_module(self.module), attribute))

    def read(self, data: bytes, source: str | None = None) -> Article:
        """Read ``data`` in this format into an Article."""
        return cast(Article, self._function(self.reader, "read")(data, source))

    def read_items(self, data: bytes, source: str | None = None) -> list[Article]:
        """Every article in ``data``: several for a document that holds several items, else one."""
        if self.items_reader is None:
            return [self.read(data, source)]
        return cast(list[Article], self._function(self.items_reader, "read")(data, source))

    def write(self, article: Article) -> str:
        """Write ``article`` in this format (not validated: see :meth:`validate`)."""
        return cast(str, self._function(self.writer, "written")(article))

    def validate(self, document: str | bytes) -> list[Finding]:
        """Every problem found in a document of this format; empty when it is valid.

        XML declares its own encoding, so its bytes reach the validator as they are; the bytes of
        any other format must be UTF-8, else the one finding is ``input.encoding``.
        """
        validator = self._function(self.validator, "validated")
        if isinstance(document, bytes) and not self.xml:
            try:
                document = document.decode("utf-8")
            except UnicodeDecodeError as error:
                byte = document[error.start]
                return [Finding("input.encoding", f"not UTF-8: byte {error.start} is {byte:#04x}")]
        return cast(list[Finding], validator(document))

    def validate_output(self, document: str | bytes, article: Article | None = None) -> list[Finding]:
        """Every problem in a document newsconv wrote: :meth:`validate` plus any stricter output profile.

        Given the ``article`` it was written from, a format with a prover (the schema.org ones)
        checks the article's graph once for all its formats and proves that the document states
        exactly that graph, instead of validating each document from scratch.
        """
        if article is not None and self.prover is not None:
            return cast(list[Finding], self._function(self.prover, "validated")(document, article))
        return cast(
            list[Finding], self._function(self.output_validator or self.validator, "validated")(document)
        )


FORMATS: tuple[Format, ...] = (
    Format("text", "plain-text article", ".txt", "text/plain", "newsconv.text.reader", reader="read"),
    Format(
        "model",
        "newsconv model JSON",
        ".json",
        "application/json",
        "newsconv.formats.model_json",
        reader="read",
        writer="write",
        validator="validate",
    ),
    Format(
        "newsml",
        "IPTC NewsML-G2 2.35 newsItem",
        ".xml",
        "application/vnd.iptc.g2.newsitem+xml",
        "newsconv.formats.newsml",
        reader="read",
        items_reader="read_items",
        writer="write",
        validator="validate",
        xml=True,
    ),
    Format(
        "jsonld",
        "schema.org NewsArticle as JSON-LD",
        ".jsonld",
        "application/ld+json",
        "newsconv.formats.jsonld",
        reader="read",
        writer="write",
        validator="validate",
        output_validator="validate_output",
        prover="prove",
    ),
    Format(
        "ninjs",
        "IPTC ninjs 3.1",
        ".ninjs.json",
        "application/ninjs+json",
        "newsconv.formats.ninjs",
        reader="read",
        writer="write",
        validator="validate",
    ),
    Format(
        "ninjs2",
        "IPTC ninjs 2.2",
        ".ninjs2.json",
        "application/ninjs+json",
        "newsconv.formats.ninjs",
        reader="read",
        writer="write_v2",
        validator="validate",
    ),
    Format(
        "turtle",
        "RDF (schema.org vocabulary) as Turtle",
        ".ttl",
        "text/turtle",
        "newsconv.formats.rdf",
        reader="read_turtle",
        writer="write_turtle",
        validator="validate_turtle",
        prover="prove_turtle",
    ),
    Format(
        "ntriples",
        "RDF (schema.org vocabulary) as N-Triples",
        ".nt",
        "application/n-triples",
        "newsconv.formats.rdf",
        reader="read_ntriples",
        writer="write_ntriples",
        validator="validate_ntriples",
        prover="prove_ntriples",
    ),
    Format(
        "rdfxml",
        "RDF (schema.org vocabulary) as RDF/XML",
        ".rdf",
        "application/rdf+xml",
        "newsconv.formats.rdf",
        reader="read_rdfxml",
        writer="write_rdfxml",
        validator="validate_rdfxml",
        xml=True,
        prover="prove_rdfxml",
    ),
)

_BY_NAME = {f.name: f for f in FORMATS}


def get(name: str) -> Format:
    """The format called ``name``, or an error listing the known ones."""
    try:
        return _BY_NAME[name.strip().lower()]
    except KeyError:
        known = ", ".join(_BY_NAME)
        raise UnknownFormatError(f"unknown format {name!r} (known: {known})") from None


def writable() -> list[Format]:
    """Every format newsconv can write."""
    return [f for f in FORMATS if f.writable]
