"""Every news-metadata field survives model → format → model wherever the format has a place for it.

What "has a place" and how a format normalises a field are the loss table's definitions
(``scripts/loss_table.py``: ``NO_PLACE`` and ``NORMALISED``), so the README's tables, the loss
table over real feeds and these properties say the same thing.
"""

from __future__ import annotations

import sys
from dataclasses import fields
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from strategies import news_articles

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
from loss_table import NO_PLACE, NORMALISED

from newsconv import api
from newsconv.model import Article

FORMATS = ("ninjs", "ninjs2", "jsonld", "turtle", "ntriples", "rdfxml")
_NAMES = [f.name for f in fields(Article)]
NEWS_FIELDS = tuple(_NAMES[_NAMES.index("published") :])
"""The published time and the news metadata after it in the model."""
IGNORED = frozenset({"source"})


def differences(article: Article, back: Article, fmt: str) -> list[str]:
    found = []
    for name in NEWS_FIELDS:
        if name in NO_PLACE[fmt] or name in IGNORED:
            continue
        normalise = NORMALISED.get((name, fmt), lambda a, name=name: getattr(a, name))
        if normalise(back) != normalise(article):
            found.append(f"{name}: {normalise(article)!r} came back as {normalise(back)!r}")
    return found


@pytest.mark.parametrize("fmt", FORMATS)
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(article=news_articles())
def test_news_metadata_round_trips(fmt: str, article: Article) -> None:
    back = api.read(api.write(article, fmt), fmt)
    assert differences(article, back, fmt) == []


def test_the_news_fields_include_identity_rights_and_media() -> None:
    assert {"published", "guid", "embargoed", "rights", "subjects", "media", "body_xhtml"} <= set(NEWS_FIELDS)
