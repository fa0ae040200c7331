"""Every NewsML-G2 example converts to newsml and model, and what its items carry reaches the model.

The source table: for each G2 element that carries news metadata, how many items hold it and how
many lost it on the way (read into the model, or written to NewsML-G2 and read back). Run with
``-s`` to see it; the notes quote it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from lxml import etree

from newsconv import api, schema_store
from newsconv.cli import app
from newsconv.formats import newsml
from newsconv.model import Article

NS = {"n": newsml.NAR}
REFUSED = {
    "iptc-ex__LISTING_11_Person_Concept_conveyed_in_a_NewsML-G2_Concept_Item.xml": "conceptItem holds no article",
    "iptc-ex__LISTING_25_An_NITF_marked-up_article_conveyed_in_inlineXML.xml": "root element contentSet",
    "iptc-ex__LISTING_28_Illustrating_Located_Subject_and_Dateline.xml": "root element contentMeta",
}
"""Documents that hold no news item, refused with these (documented) errors."""

ENTITY_TYPES = ("cpnat:person", "cpnat:organisation", "cpnat:geoArea", "cpnat:poi")
SOURCE_FIELDS: dict[str, tuple[str, Callable[[Article], Any]]] = {
    "rightsInfo": ("n:rightsInfo", lambda a: a.rights),
    "embargoed": ("n:itemMeta/n:embargoed", lambda a: a.embargoed),
    "pubStatus (not usable)": (
        "n:itemMeta/n:pubStatus[@qcode!='stat:usable']",
        lambda a: a.pub_status != "usable",
    ),
    "itemClass (not text)": ("n:itemMeta/n:itemClass[@qcode!='ninat:text']", lambda a: a.item_type != "text"),
    "signal": ("n:itemMeta/n:signal", lambda a: a.signals),
    "edNote": ("n:itemMeta/n:edNote[normalize-space()]", lambda a: a.editorial_notes),
    "link": ("n:itemMeta/n:link", lambda a: a.links or a.media or a.corrects or a.url),
    "firstCreated": ("n:itemMeta/n:firstCreated", lambda a: a.first_created),
    "versionCreated": ("n:itemMeta/n:versionCreated", lambda a: a.version_created),
    "urgency": ("n:contentMeta/n:urgency", lambda a: a.urgency),
    "contentCreated": ("n:contentMeta/n:contentCreated", lambda a: a.content_created),
    "contentModified": ("n:contentMeta/n:contentModified", lambda a: a.content_modified),
    "located": ("n:contentMeta/n:located", lambda a: a.located),
    "infoSource": ("n:contentMeta/n:infoSource", lambda a: a.info_sources),
    "genre": ("n:contentMeta/n:genre", lambda a: a.genres),
    "keyword": ("n:contentMeta/n:keyword", lambda a: a.keywords),
    "subject (no entity)": (
        "n:contentMeta/n:subject[" + " and ".join(f"not(@type='{t}')" for t in ENTITY_TYPES) + "]",
        lambda a: a.subjects,
    ),
    "slugline": ("n:contentMeta/n:slugline", lambda a: a.slugline),
    "headline (several)": ("n:contentMeta/n:headline[2]", lambda a: a.alternative_headlines),
    "creditline": ("n:contentMeta/n:creditline", lambda a: a.credit),
    "remoteContent": ("n:contentSet/n:remoteContent[@href or @residref]", lambda a: a.renditions),
    "body structure": (
        (
            "n:contentSet//*[(local-name()='ul' or local-name()='ol' or local-name()='hl2' or local-name()='table')"
            " and normalize-space() and not(ancestor::*[local-name()='header'])]"
        ),
        lambda a: a.body_xhtml,
    ),
}


@dataclass
class SourceTable:
    """Per G2 element: items holding it, and items that lost it in the model or through NewsML-G2."""

    present: dict[str, int] = field(default_factory=dict)
    lost_reading: dict[str, list[str]] = field(default_factory=dict)
    lost_newsml: dict[str, list[str]] = field(default_factory=dict)

    def render(self) -> str:
        lines = ["| G2 element | items | lost reading | lost through newsml |", "|---|---|---|---|"]
        for name in SOURCE_FIELDS:
            reading, written = len(self.lost_reading.get(name, [])), len(self.lost_newsml.get(name, []))
            lines.append(f"| {name} | {self.present.get(name, 0)} | {reading} | {written} |")
        return "\n".join(lines)


def _items(root: etree._Element) -> list[etree._Element]:
    return [root] if etree.QName(root).localname == "newsItem" else root.findall("n:itemSet/n:newsItem", NS)


@pytest.fixture(scope="module")
def table(shared: Path) -> SourceTable:
    found = SourceTable()
    for path in sorted((shared / "corpora" / "newsml-g2-examples").glob("*.xml")):
        if path.name in REFUSED:
            continue
        items = _items(etree.fromstring(path.read_bytes()))
        articles = api.read_document(path.read_bytes(), "newsml", source=path.name).articles
        for item, article in zip(items, articles, strict=True):
            back = newsml.read(api.write(article, "newsml").encode(), path.name)
            for name, (xpath, value) in SOURCE_FIELDS.items():
                if not item.xpath(xpath, namespaces=NS):
                    continue
                found.present[name] = found.present.get(name, 0) + 1
                if not value(article):
                    found.lost_reading.setdefault(name, []).append(path.name)
                elif value(back) != value(article):
                    found.lost_newsml.setdefault(name, []).append(path.name)
    print(found.render())
    return found


def test_every_g2_field_an_item_holds_reaches_the_model_and_survives_newsml(table: SourceTable) -> None:
    assert sum(table.present.values()) > 100
    assert table.lost_reading == {}
    assert table.lost_newsml == {}


@pytest.mark.parametrize(
    "name",
    sorted(
        p.name
        for p in (Path(__file__).resolve().parents[2] / "shared/corpora/newsml-g2-examples").glob("*.xml")
    ),
)
def test_every_example_converts_to_newsml_and_model_or_is_refused_clearly(
    shared: Path, tmp_path: Path, name: str
) -> None:
    source = shared / "corpora" / "newsml-g2-examples" / name
    result = CliRunner().invoke(app, ["convert", str(source), "--to", "newsml,model", "-o", str(tmp_path)])
    schema_store.set_schema_dir(None)
    if name in REFUSED:
        assert result.exit_code == 1
        assert REFUSED[name] in result.stderr
        assert list(tmp_path.iterdir()) == []
    else:
        assert result.exit_code == 0, result.stderr
        assert {p.suffix for p in tmp_path.iterdir()} == {".xml", ".json"}
