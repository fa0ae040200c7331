"""The plain-text reader: bytes to Article, through decoding, layout and extraction."""

from __future__ import annotations

from newsconv.errors import InputError
from newsconv.model import Article
from newsconv.secure import MAX_TEXT_BYTES
from newsconv.text.decode import decode
from newsconv.text.extract import extract
from newsconv.text.layout import split


def read(data: bytes, source: str | None = None) -> Article:
    """Read a plain-text article: first line headline, optional byline and dateline, then body.

    Raises InputError when the bytes are no readable text, or more than ``MAX_TEXT_BYTES``.
    """
    if len(data) > MAX_TEXT_BYTES:
        raise InputError(source, f"plain text larger than {MAX_TEXT_BYTES // (1024 * 1024)} MiB is refused")
    layout = split(decode(data, source))
    if not layout.headline:
        raise InputError(source, "no article text: every line is site boilerplate")
    found = extract(layout.paragraphs, layout.headline)
    return Article(
        headline=layout.headline,
        byline=layout.byline,
        dateline=layout.dateline,
        paragraphs=layout.paragraphs,
        quotes=found.quotes,
        persons=found.persons,
        organizations=found.organizations,
        places=found.places,
        source=source,
        publisher=layout.publisher,
    )
