"""The publication policy: which items must not go out in a public-web format yet, and why.

NewsML-G2 and ninjs carry an item's embargo and status to the next editor, so they are always
written. JSON-LD and RDF are for publishing on the web, where an item that is embargoed (its
embargo not yet lifted), withheld or canceled (killed) must not appear. Writing one of those
formats for such an item warns (:class:`UnpublishedWarning`, shown by ``newsconv convert`` on
standard error with the file's name); asked to refuse (``refuse_unpublished``,
``--refuse-unpublished``) it is an :class:`UnpublishedError` and the output is not written.
The API (:func:`newsconv.write`) and the batch (and so the CLI) both go through :func:`guard`.
"""

from __future__ import annotations

import warnings
from datetime import UTC, datetime

from newsconv.errors import NewsconvError
from newsconv.model import Article, aware

PUBLIC_WEB = frozenset({"jsonld", "turtle", "ntriples", "rdfxml"})
"""Formats made for publishing on the web (schema.org JSON-LD and RDF)."""


class UnpublishedError(NewsconvError):
    """A public-web output of an item that may not be published (refused on request)."""

    def __init__(self, source: str | None, notice: str) -> None:
        self.source = source
        self.notice = notice
        super().__init__(f"{source or '<article>'}: {notice}")


class UnpublishedWarning(UserWarning):
    """A public-web output was written for an item that may not be published yet."""

    def __init__(self, source: str | None, notice: str) -> None:
        self.source = source
        self.notice = notice
        super().__init__(f"{source or '<article>'}: {notice}")


def reasons(article: Article, now: datetime | None = None) -> tuple[str, ...]:
    """Why the article may not be published at ``now`` (default: the current time); empty if it may."""
    found = []
    if article.pub_status == "canceled":
        found.append("canceled (killed)")
    elif article.pub_status == "withheld":
        found.append("withheld")
    if article.embargoed is not None and aware(article.embargoed) > aware(now or datetime.now(UTC)):
        found.append(f"under embargo until {article.embargoed.isoformat()}")
    return tuple(found)


def guard(article: Article, format_name: str, *, refuse: bool, now: datetime | None = None) -> None:
    """Warn (or, with ``refuse``, raise) when ``format_name`` is public-web and the item unpublishable."""
    if format_name not in PUBLIC_WEB:
        return
    why = reasons(article, now)
    if not why:
        return
    notice = f"the item is {' and '.join(why)}: its {format_name} output is not for publication"
    if refuse:
        raise UnpublishedError(article.source, notice)
    warnings.warn(UnpublishedWarning(article.source, notice), stacklevel=3)
