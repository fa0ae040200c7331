"""The loss table over IPTC's and dpa's example feeds: no field is lost where a format has a place."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
from loss_table import FORMATS, NO_PLACE, Table, _compare, feed_files, loss_table

from newsconv.model import Article

FOLDERS = ("newsml-g2-examples", "ninjs-examples")
PENDING: dict[str, str] = {}
"""Formats whose losses are known and being worked on (an xfail, so that fixing them shows)."""


@pytest.fixture(scope="module")
def table(shared: Path) -> Table:
    result = loss_table(feed_files(shared / "corpora" / folder for folder in FOLDERS))
    print(result.render())  # shown with -s: the table the README and the notes quote
    return result


def test_every_item_writes_valid_output_in_every_format(table: Table) -> None:
    assert table.items >= 40
    assert table.failed == []


@pytest.mark.parametrize(
    "fmt",
    [pytest.param(f, marks=pytest.mark.xfail(reason=PENDING[f])) if f in PENDING else f for f in FORMATS],
)
def test_no_field_is_lost_where_the_format_has_a_place(table: Table, fmt: str) -> None:
    assert [line for line in table.losses() if f" in {fmt}:" in line] == []


def test_only_documented_documents_are_refused(table: Table) -> None:
    refused = sorted(line.split(":", 1)[0] for line in table.refused)
    assert refused == [
        "008_event.json",  # a ninjs event: no news item
        "iptc-ex__LISTING_11_Person_Concept_conveyed_in_a_NewsML-G2_Concept_Item.xml",
        "iptc-ex__LISTING_25_An_NITF_marked-up_article_conveyed_in_inlineXML.xml",  # a bare contentSet
        "iptc-ex__LISTING_28_Illustrating_Located_Subject_and_Dateline.xml",  # a bare contentMeta
    ]


def test_a_changed_field_counts_as_lost_unless_the_format_has_no_place() -> None:
    original = Article("A headline", ("One.",), byline="By Jane", urgency=3)
    changed = replace(original, byline="By John", urgency=None)
    table = Table()
    _compare(table, "x", original, changed, "jsonld")
    assert table.losses() == ["byline in jsonld: 1 lost, e.g. x"]  # urgency has no place in schema.org
    assert "urgency" in NO_PLACE["jsonld"] and "byline" not in NO_PLACE["jsonld"]
