"""CMS metadata for plain text: --meta, NAME.meta.json sidecars and read(text, metadata=...)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

import newsconv
from newsconv import metadata
from newsconv.cli import app
from newsconv.errors import InputError
from newsconv.inputs import expand
from newsconv.model import Author

ROOT = Path(__file__).resolve().parent.parent
META = ROOT / "examples" / "cms" / "seed.meta.json"
GOOGLE_ARTICLE = {"url", "image", "datePublished", "dateModified", "author", "publisher", "articleSection"}


def test_explicit_metadata_wins_over_extraction(seed_path: Path) -> None:
    given = json.loads(META.read_text(encoding="utf-8"))
    article = newsconv.read(seed_path.read_text(encoding="utf-8"), metadata=given)
    assert article.url == given["url"] and article.section == "News"
    assert article.authors == (Author("Alex Willemyns", given["authors"][0]["url"], "Reporter"),)
    assert article.byline == "By Alex Willemyns"
    assert (article.publisher, article.publisher_logo) == ("The Cambodia Daily", given["publisher"]["logo"])
    assert article.media[0].renditions[0].width == 1200
    assert article.published is not None and article.published.isoformat() == given["published"]


def test_the_seed_with_metadata_has_every_property_google_recommends(seed_path: Path) -> None:
    given = json.loads(META.read_text(encoding="utf-8"))
    article = newsconv.read(seed_path.read_text(encoding="utf-8"), metadata=given)
    document = json.loads(newsconv.write(article, "jsonld"))
    assert GOOGLE_ARTICLE <= set(document)
    assert document["author"][0]["url"] == given["authors"][0]["url"]
    assert document["publisher"]["logo"]["url"] == given["publisher"]["logo"]
    assert document["image"][0]["contentUrl"] == given["images"][0]["url"]
    assert newsconv.read(newsconv.write(article, "jsonld"), "jsonld").authors == article.authors


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ({"published": "yesterday"}, "/published"),
        ({"authors": [{"url": "https://x.example/"}]}, "'name' is a required property"),
        ({"sektion": "News"}, "'sektion' was unexpected"),
    ],
)
def test_invalid_metadata_is_an_input_error_naming_the_file_and_field(
    tmp_path: Path, value: object, problem: str
) -> None:
    path = tmp_path / "story.meta.json"
    path.write_text(json.dumps(value), encoding="utf-8")
    with pytest.raises(InputError, match="invalid CMS metadata") as raised:
        metadata.load(path)
    assert raised.value.source == str(path) and problem in str(raised.value)


def test_cli_meta_and_sidecars(seed_path: Path, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(seed_path, folder / "a.txt")
    shutil.copy(seed_path, folder / "b.txt")
    (folder / "b.meta.json").write_text(json.dumps({"section": "World"}), encoding="utf-8")
    assert [Path(i.path).name for i in expand([str(folder)], "")] == ["a.txt", "b.txt"]  # no sidecar input
    result = CliRunner().invoke(
        app, ["convert", str(folder), "--to", "jsonld", "--out", str(tmp_path / "out"), "--meta", str(META)]
    )
    assert result.exit_code == 0, result.output
    a = json.loads((tmp_path / "out" / "a.jsonld").read_text(encoding="utf-8"))
    b = json.loads((tmp_path / "out" / "b.jsonld").read_text(encoding="utf-8"))
    assert (a["articleSection"], b["articleSection"]) == ("News", "World")  # the sidecar's fields win
    assert b["url"] == a["url"]


def test_cli_refuses_a_bad_meta_file_before_converting(seed_path: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"url": 3}', encoding="utf-8")
    result = CliRunner().invoke(app, ["convert", str(seed_path), "--to", "jsonld", "--meta", str(bad)])
    assert result.exit_code == 2 and "bad.json" in result.output and "invalid CMS metadata" in result.output
