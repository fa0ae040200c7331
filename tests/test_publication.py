"""The publication policy: embargoed, withheld and canceled items in public-web formats."""

from __future__ import annotations

import warnings
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

import newsconv
from newsconv import publication, schema_store
from newsconv.cli import app
from newsconv.model import Article

NOW = datetime(2025, 1, 23, 12, tzinfo=UTC)
STORY = Article("Kill notice", paragraphs=("Do not use.",), guid="urn:x:1", version=2)


@pytest.mark.parametrize(
    ("article", "reasons"),
    [
        (STORY, ()),
        (Article("h", pub_status="canceled"), ("canceled (killed)",)),
        (Article("h", pub_status="withheld"), ("withheld",)),
        (
            Article("h", embargoed=NOW + timedelta(hours=7)),
            ("under embargo until 2025-01-23T19:00:00+00:00",),
        ),
        (Article("h", embargoed=NOW - timedelta(hours=1)), ()),  # the embargo has lifted
        (Article("h", embargoed=datetime(2025, 1, 23, 19)), ("under embargo until 2025-01-23T19:00:00",)),
    ],
)
def test_reasons_an_item_may_not_be_published(article: Article, reasons: tuple[str, ...]) -> None:
    assert publication.reasons(article, NOW) == reasons


def test_public_web_formats_warn_and_agency_formats_do_not() -> None:
    killed = Article("h", paragraphs=("p",), pub_status="canceled", source="kill.xml")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        newsconv.write(killed, "newsml")
        newsconv.write(killed, "ninjs")
    assert [w for w in caught if issubclass(w.category, publication.UnpublishedWarning)] == []
    for fmt in sorted(publication.PUBLIC_WEB):
        with pytest.warns(publication.UnpublishedWarning, match="kill.xml: the item is canceled"):
            newsconv.write(killed, fmt)
        with pytest.raises(publication.UnpublishedError, match=f"its {fmt} output is not for publication"):
            newsconv.write(killed, fmt, refuse_unpublished=True)


def _run(*args: str):  # type: ignore[no-untyped-def]
    result = CliRunner().invoke(app, list(args))
    schema_store.set_schema_dir(None)
    return result


def test_convert_warns_naming_the_file_or_refuses_on_request(tmp_path: Path) -> None:
    source = tmp_path / "withheld.json"
    source.write_text(newsconv.write(Article("h", paragraphs=("p",), pub_status="withheld"), "model"))
    result = _run("convert", str(source), "--to", "jsonld,newsml", "-o", str(tmp_path / "out"))
    assert result.exit_code == 0
    assert (
        f"{source}: warning: the item is withheld: its jsonld output is not for publication" in result.stderr
    )
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["withheld.jsonld", "withheld.xml"]

    refused = tmp_path / "refused"
    result = _run("convert", str(source), "--to", "jsonld,newsml", "-o", str(refused), "--refuse-unpublished")
    assert result.exit_code == 1
    assert "the item is withheld: its jsonld output is not for publication" in result.stderr
    assert [p.name for p in refused.iterdir()] == ["withheld.xml"]  # the agency format is still written
