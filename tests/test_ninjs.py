"""ninjs 3.1 and 2.2: loss-free round trips, schema validation offline, IPTC's examples, bad input."""

from __future__ import annotations

import json
import urllib.request
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree
from strategies import articles, news_articles

import newsconv
from newsconv import api, detect, identity, schema_store
from newsconv.errors import InputError
from newsconv.formats import jsonld, newsml, ninjs
from newsconv.model import Article, Concept, Organization, Person, Place, Quote, Rendition, Rights, Span
from newsconv.secure import MAX_JSON_DEPTH
from newsconv.validate.findings import errors

SHARED = Path(__file__).resolve().parents[2] / "shared"
EXAMPLES = SHARED / "corpora" / "ninjs-examples"
EXAMPLE_FILES = sorted(EXAMPLES.glob("*/*.json"))
WRITERS = {"3.1": ninjs.write, "2.2": ninjs.write_v2}

P0 = '"Acme wins," said Jane Doe of Acme Corp in Zürich.'
CRAFTED = Article(
    headline="Acme «wins» — again\uffff",
    paragraphs=(P0, "Doe  added:\tnothing\ufffe.\r", ""),
    description="A summary.",
    byline="By A. Writer",
    dateline="ZÜRICH, May 6",
    language="de-CH",
    persons=(
        Person("p1", "Jane Doe", ("Doe", "Jane Doe"), (Span(0, 18, 26), Span(0, 18, 26), Span(1, 0, 3))),
    ),
    organizations=(
        Organization("https://example.org/acme", "Acme Corp", mentions=(Span(0, 1, 5), Span(0, 30, 39))),
    ),
    places=(Place("pl1", "Zürich", mentions=(Span(0, 43, 49),)),),
    quotes=(
        # two adjacent spans of one quote, one crossing the mention "Jane Doe", and an empty one
        Quote("q1", 'Acme wins, " said Jane', (Span(0, 1, 11), Span(0, 11, 22)), speaker="p1"),
        Quote("quote 2/100% «sure»", "", (Span(2, 0, 0),), speaker_text="a source"),
        Quote("q3", "unplaced", speaker="https://example.org/acme", speaker_text="the company"),
    ),
    source="crafted.txt",
    publisher="Acme Wire",
    published=datetime(2024, 5, 6, 7, 8, 9, 123456, tzinfo=timezone(timedelta(hours=2))),
)

MOMENTS = st.none() | st.datetimes(
    min_value=datetime(1900, 1, 1),
    max_value=datetime(2100, 1, 1),
    timezones=st.none()
    | st.sampled_from([UTC, timezone(timedelta(hours=-5)), timezone(timedelta(hours=5, minutes=30))]),
)


@pytest.fixture(autouse=True)
def schemas(monkeypatch: pytest.MonkeyPatch) -> None:
    if not any((folder / schema_store.NINJS_3_SCHEMA).is_file() for _, folder in schema_store.search_path()):
        monkeypatch.setenv(schema_store.ENV_VAR, str(SHARED / "schemas"))


def _utc(moment: datetime | None) -> datetime | None:
    return moment.replace(tzinfo=UTC) if moment is not None and moment.utcoffset() is None else moment


def _identified(concept: Concept, role: bool = True) -> Concept:
    """A concept as ninjs keeps it: a scheme only with a code (the ``literal`` is the QCode)."""
    return replace(
        concept, scheme=concept.scheme if concept.code else None, role=concept.role if role else None
    )


def carried(article: Article, version: str = "3.1") -> Article:
    """What ninjs carries of an article (see ``newsconv.formats.ninjs_meta``).

    No person title or affiliation, content-modified time, correction, signals, rights holder
    identifiers or data-mining preference, genre role, author job title, publisher logo, or (2.2)
    link rel; a naive time is taken as
    UTC; one ``versionCreated`` holds the version time, else the published time.
    """
    rights = article.rights
    if rights is not None:
        holder = Concept(name=rights.holder.name) if rights.holder is not None else None
        rights = replace(rights, holder=holder, data_mining=None)
        rights = None if rights == Rights() else rights
    created = _utc(article.version_created or article.published)
    return replace(
        article,
        persons=tuple(replace(p, title=None, affiliation=None) for p in article.persons),
        published=created,
        version_created=created,
        first_created=_utc(article.first_created),
        content_created=_utc(article.content_created),
        embargoed=_utc(article.embargoed),
        content_modified=None,
        corrects=None,
        signals=(),
        rights=rights,
        subjects=tuple(_identified(s) for s in article.subjects),
        genres=tuple(_identified(g, role=False) for g in article.genres),
        info_sources=tuple(_identified(s) for s in article.info_sources),
        located=_identified(article.located, role=False) if article.located is not None else None,
        links=article.links if version == "3.1" else tuple(replace(k, rel=None) for k in article.links),
        authors=tuple(replace(a, job_title=None) for a in article.authors),
        publisher_url=article.publisher_url if article.publisher is not None else None,
        publisher_logo=None,
    )


def round_trip(article: Article, version: str) -> Article:
    document = WRITERS[version](article)
    assert errors(ninjs.validate(document)) == []
    assert ninjs.schema_version(json.loads(document)) == version
    return ninjs.read(document.encode("utf-8"), article.source)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles(), MOMENTS, st.sampled_from(sorted(WRITERS)))
def test_any_article_round_trips_and_validates(
    article: Article, published: datetime | None, version: str
) -> None:
    # unlike NewsML-G2, nothing is assumed away: U+FFFE and U+FFFF come back from the plain body
    article = replace(article, published=published)
    assert round_trip(article, version) == carried(article, version)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(news_articles(), st.sampled_from(sorted(WRITERS)))
def test_any_news_metadata_round_trips_and_validates(article: Article, version: str) -> None:
    assert round_trip(article, version) == carried(article, version)


@pytest.mark.parametrize("version", sorted(WRITERS))
def test_crossing_adjacent_repeated_and_empty_spans_and_forbidden_characters_round_trip(version: str) -> None:
    assert round_trip(CRAFTED, version) == carried(CRAFTED)


def test_person_title_and_affiliation_are_what_ninjs_cannot_carry() -> None:
    article = replace(
        CRAFTED, persons=(replace(CRAFTED.persons[0], title="spokeswoman", affiliation="Acme"),)
    )
    got = round_trip(article, "3.1")
    assert (got.persons[0].title, got.persons[0].affiliation) == (None, None)
    assert got == carried(article)


def test_an_article_with_no_paragraphs_and_no_optional_fields() -> None:
    article = Article(headline="Only a headline")
    document = json.loads(ninjs.write(article))
    assert "bodies" not in document and "by" not in document and "versionCreated" not in document
    assert round_trip(article, "3.1") == article


def test_lone_surrogates_from_the_api_are_escaped_and_come_back() -> None:
    article = Article("head\ud800", ("a\udc00b",), quotes=(Quote("q\ud801", "\udc00", (Span(0, 1, 2),)),))
    document = ninjs.write(article)
    document.encode("utf-8")  # no lone surrogate left in the text
    assert "\\ud800" in document
    assert round_trip(article, "3.1") == article


def test_a_plain_body_that_disagrees_with_the_xhtml_is_not_taken_for_its_characters() -> None:
    document = json.loads(ninjs.write(Article("h", ("a\ufffeb", "c"))))
    document["bodies"][0]["value"] = "axc\n\nc"  # edited by someone: no longer the same text
    assert ninjs.read(json.dumps(document).encode("utf-8")).paragraphs == ("a\ufffdb", "c")


def test_naive_time_is_written_as_utc() -> None:
    got = round_trip(replace(CRAFTED, published=datetime(2020, 1, 2, 3, 4, 5)), "3.1")
    assert got.published == datetime(2020, 1, 2, 3, 4, 5, tzinfo=UTC)


def test_written_document_maps_the_model_onto_ninjs_properties() -> None:
    document = json.loads(ninjs.write(CRAFTED))
    assert document["uri"] == identity.article_iri(CRAFTED)
    assert document["standard"] == {
        "name": "ninjs",
        "version": "3.1",
        "schema": "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json#",
    }
    assert (document["type"], document["by"]) == ("text", "By A. Writer")
    assert document["headlines"][0]["value"] == CRAFTED.headline
    assert document["descriptions"] == [
        {"role": "summary", "contentType": "text/plain", "value": "A summary."},
        {"role": "dateline", "value": "ZÜRICH, May 6"},  # ninjs has no dateline; located is the place
    ]
    assert document["versionCreated"] == "2024-05-06T07:08:09.123456+02:00"
    assert document["infoSources"] == [{"name": "Acme Wire", "role": "publisher"}]
    assert [p["name"] for p in document["people"]] == ["Jane Doe", "Doe", "Jane Doe"]
    assert {p["literal"] for p in document["people"]} == {"p1"}
    assert document["organisations"][0]["uri"] == "https://example.org/acme"  # a URI id is a uri
    plain, xhtml = document["bodies"]
    assert plain["value"] == "\n\n".join(CRAFTED.paragraphs)
    assert xhtml["contentType"] == "application/xhtml+xml"


def test_quotes_are_associations_a_consumer_can_follow_into_the_xhtml_body() -> None:
    document = json.loads(ninjs.write(CRAFTED))
    first, second, third = document["associations"]
    assert (first["name"], first["rel"], first["type"]) == ("q1", "quote", "text")
    assert first["bodies"][0]["value"] == 'Acme wins, " said Jane'
    assert first["people"] == [{"name": "Jane Doe", "rel": "speaker", "literal": "p1"}]
    assert second["uri"] == identity.article_iri(CRAFTED) + "#quote%202/100%25%20%C2%ABsure%C2%BB"
    assert second["by"] == "a source"
    assert third["organisations"][0]["uri"] == "https://example.org/acme"
    body = etree.fromstring(f"<div>{document['bodies'][1]['value']}</div>")
    pieces = [span for span in body.iter("span") if span.get("id", "").startswith("q1-s")]
    texts = [etree.tostring(span, method="text", encoding="unicode", with_tail=False) for span in pieces]
    assert "".join(texts) == P0[1:22]
    assert [p.tag for p in body] == ["p", "p", "p"]  # no namespace, as in IPTC's examples
    assert "/>" not in document["bodies"][1]["value"]  # <span …></span>: HTML parsers misread <span/>


def test_2_2_uses_lower_case_names_and_no_association_rel() -> None:
    document = json.loads(ninjs.write_v2(CRAFTED))
    assert document["standard"]["version"] == "2.2"
    assert "versioncreated" in document and "infosources" in document
    assert all(key == key.lower() for node in walk(document) for key in node)
    assert all("rel" not in a for a in document["associations"])


def walk(value: Any) -> list[dict[str, Any]]:
    if isinstance(value, dict):
        return [value, *(n for v in value.values() for n in walk(v))]
    if isinstance(value, list):
        return [n for v in value for n in walk(v)]
    return []


def test_output_is_deterministic_and_detected_as_ninjs() -> None:
    for write in WRITERS.values():
        assert write(CRAFTED) == write(CRAFTED)
        assert detect.detect(write(CRAFTED).encode("utf-8")) == "ninjs"


# --- versions and validation ---


@pytest.mark.parametrize(
    ("document", "version"),
    [
        ({"uri": "x", "standard": {"version": "2.2"}, "versionCreated": "2020-01-01T00:00:00Z"}, "2.2"),
        ({"uri": "x", "standard": {"schema": "http://www.iptc.org/std/ninjs/ninjs-schema_2.2.json#"}}, "2.2"),
        ({"uri": "x", "$schema": "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json"}, "3.1"),
        ({"uri": "x", "versioncreated": "2020-01-01T00:00:00Z"}, "2.2"),
        ({"uri": "x", "bodies": [{"contenttype": "text/plain", "value": "a"}]}, "2.2"),
        ({"uri": "x", "versionCreated": "2020-01-01T00:00:00Z"}, "3.1"),
        (
            {"uri": "x", "headline": "ninjs 1.x", "body_text": "a", "versioncreated": "2020-01-01T00:00:00Z"},
            "2.2",
        ),
        ({"uri": "x", "headlines": [{"value": "either"}]}, "3.1"),
    ],
)
def test_version_comes_from_standard_or_schema_else_from_the_shape(
    document: dict[str, Any], version: str
) -> None:
    assert ninjs.schema_version(document) == version


def test_each_version_is_validated_against_its_own_schema() -> None:
    camel = {"uri": "urn:x", "versionCreated": "2020-01-01T00:00:00Z"}
    assert ninjs.validate(json.dumps(camel)) == []
    as_2_2 = {**camel, "standard": {"name": "ninjs", "version": "2.2"}}
    findings = ninjs.validate(json.dumps(as_2_2))
    assert findings and {f.rule for f in findings} == {"ninjs.schema"}
    assert "versionCreated" in findings[0].message


def test_validation_reports_each_problem_with_its_json_pointer() -> None:
    document = json.loads(ninjs.write(CRAFTED))
    document["versionCreated"] = "yesterday"
    document["headlines"][0]["colour"] = "red"
    del document["uri"]
    findings = ninjs.validate(json.dumps(document))
    paths = {f.path for f in findings}
    assert "/versionCreated" in paths and "/headlines/0" in paths and "/" in paths
    assert all(f.rule == "ninjs.schema" and f.severity == "error" for f in findings)


@pytest.mark.parametrize("document", [b"{", b"[1, 2", b"\xff\xfe{}", b"[" * (MAX_JSON_DEPTH + 1)])
def test_unparsable_documents_are_json_syntax_findings(document: bytes) -> None:
    findings = ninjs.validate(document)
    assert [f.rule for f in findings] == ["json.syntax"]


def test_geojson_is_resolved_locally_never_fetched(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_network(*args: object, **kwargs: object) -> None:
        raise AssertionError("validation tried the network")

    monkeypatch.setattr(urllib.request, "urlopen", no_network)
    place = {"name": "Vilnius", "geoJSON": {"type": "Point", "coordinates": [25.28, 54.69]}}
    assert ninjs.validate(json.dumps({"uri": "urn:x", "places": [place]})) == []
    broken = {"name": "Vilnius", "geoJSON": {"type": "Point"}}
    findings = ninjs.validate(json.dumps({"uri": "urn:x", "places": [broken]}))
    assert findings and all(f.path and f.path.startswith("/places/0/geoJSON") for f in findings)


def test_a_missing_schema_is_an_error_that_names_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(schema_store.ENV_VAR, str(tmp_path))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    caches = (ninjs._schema, ninjs._validator)  # schemas load once per process
    for cached in caches:
        cached.cache_clear()
    try:
        with pytest.raises(newsconv.errors.SchemaNotFoundError, match=r"iptc/ninjs/\S+ not found"):
            ninjs.validate('{"uri": "urn:x"}')
    finally:
        for cached in caches:
            cached.cache_clear()


# --- IPTC's examples ---


@pytest.mark.skipif(not EXAMPLE_FILES, reason="IPTC ninjs examples not available")
@pytest.mark.parametrize(
    "path", [p for p in EXAMPLE_FILES if "event" not in p.name], ids=lambda p: f"{p.parent.name}/{p.name}"
)
def test_every_iptc_example_reads_and_converts_to_valid_newsml_and_jsonld(path: Path) -> None:
    data = path.read_bytes()
    assert ninjs.validate(data) == []
    assert ninjs.schema_version(json.loads(data)) == path.parent.name
    article = ninjs.read(data, path.name)
    assert errors(newsml.validate(newsml.write(article))) == []
    assert errors(jsonld.validate(jsonld.write(article))) == []
    for version in WRITERS:
        assert round_trip(article, version) == article  # exact from the first reading on


def test_an_event_is_refused_with_a_clear_error() -> None:
    with pytest.raises(InputError, match=r'a ninjs event \(type "event"\) describes no news item'):
        ninjs.read(example("3.1", "008_event.json"), "008_event.json")


def test_media_example_keeps_its_pictures_renditions_and_rights() -> None:
    article = ninjs.read(example("3.1", "007_multimedia.json"), "007")
    assert article.item_type == "composite"
    assert [(m.uri, m.item_type) for m in article.media] == [
        ("http://ninjs.example.com/newsitems/20130709simpPh123", "picture"),
        ("http://ninjs.example.com/newsitems/20130709simpPh456", "picture"),
    ]
    assert article.media[1].caption is not None and article.media[1].caption.startswith("Francesco Schettino")
    assert article.media[0].renditions[0] == Rendition(
        "http://hosted.ap.org/photos/2/2643c588-dc8d-4923-bebd-e3b904edbb3a-big.jpg",
        "image/jpg",
        429,
        281,
        None,
        "main",
    )
    photo = ninjs.read(example("3.1", "006_photo_only.json"), "006")
    assert photo.item_type == "picture" and len(photo.renditions) == 2


def example(version: str, name: str) -> bytes:
    path = EXAMPLES / version / name
    if not path.is_file():
        pytest.skip("IPTC ninjs examples not available")
    return path.read_bytes()


@pytest.mark.parametrize("version", ["2.2", "3.1"])
def test_complex_example_keeps_its_fields(version: str) -> None:
    article = ninjs.read(example(version, "005_complex_text_article.json"), "005")
    assert article.headline == "Captain of wrecked cruise ship on trial in Italy"
    assert article.byline == "Paulo Santalucia and Frances d'Emilio"
    assert article.located == Concept("Grossetto, Italy")  # "the location from which the content originates"
    assert article.rights is not None and article.rights.notice is not None
    assert article.rights.notice.startswith("Copyright 2013 The News Agency")
    assert (article.guid, article.item_type) == ("http://ninjs.example.com/newsitems/20130709med123", "text")
    assert article.language == "en"
    assert article.published == datetime(2013, 7, 9, 10, 37, tzinfo=UTC)
    assert len(article.paragraphs) == 4  # from the XHTML body, not the one-paragraph plain body
    assert article.paragraphs[0].startswith("GROSSETO, Italy (AP) -- The trial")
    assert article.persons == (Person("http://www.wikidata.org/entity/Q4421821", "Francesco Schettino"),)
    assert article.organizations == (
        Organization("organisation:Costa%20Crociere%20SpA", "Costa Crociere SpA"),
    )
    assert [p.id for p in article.places] == [
        "place:Grossetto",
        "place:Tuscany",
        "http://cvx.iptc.org/iso3166-1a2/it",
    ]
    assert article.quotes == ()  # associations of documents newsconv did not write are no quotes


def test_photo_example_reads_its_plain_description_and_no_body() -> None:
    article = ninjs.read(example("3.1", "006_photo_only.json"), "006")
    assert article.description is not None and article.description.startswith(
        "The Costa Concordia cruise ship"
    )
    assert article.paragraphs == ()


def test_a_body_without_paragraph_markup_is_one_paragraph() -> None:
    article = ninjs.read(example("3.1", "003_associations_example.json"), "003")
    assert article.paragraphs == ("[ ... ]",)


# --- documents newsconv did not write ---


def read_json(document: dict[str, Any]) -> Article:
    return ninjs.read(json.dumps(document).encode("utf-8"), "feed.json")


def test_ninjs_1_properties_are_read_where_newer_ones_are_missing() -> None:
    article = read_json(
        {
            "uri": "urn:x",
            "headline": "  Old   style ",
            "byline": "By Someone",
            "description_text": "Summary",
            "body_html": "<p>One  <b>bold</b>\n line.</p><p> </p><p>Two.</p>",
            "versioncreated": "2020-01-02T03:04:05Z",
        }
    )
    assert article.headline == "Old style"
    assert (article.byline, article.description) == ("By Someone", "Summary")
    assert article.paragraphs == ("One bold line.", "Two.")
    assert article.published == datetime(2020, 1, 2, 3, 4, 5, tzinfo=UTC)


def test_foreign_entries_merge_by_identifier_and_skip_nameless_ones() -> None:
    article = read_json(
        {
            "uri": "urn:x",
            "people": [
                {"name": "Ann Smith", "uri": "http://example.org/ann"},
                {"name": "A. Smith", "uri": "http://example.org/ann"},
                {"name": "Ann Smith", "uri": "http://example.org/ann"},
                {"uri": "http://example.org/nameless"},
                {"name": "Bob", "literal": "bob"},
                "not an object",
            ],
            "organisations": {"not": "a list"},
        }
    )
    assert article.persons == (
        Person("http://example.org/ann", "Ann Smith", ("A. Smith",)),
        Person("bob", "Bob"),
    )
    assert article.organizations == ()


def test_a_malformed_xhtml_body_falls_back_to_the_plain_body() -> None:
    article = read_json(
        {
            "uri": "urn:x",
            "bodies": [
                {"contentType": "text/html", "value": "<p>caf&eacute;</p>"},
                {"contentType": "text/plain", "value": "café\n\nsecond"},
            ],
        }
    )
    assert article.paragraphs == ("café", "second")


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"", "not JSON"),
        (b"{'uri': 1}", "not JSON"),
        (b"[1, 2]", "JSON object"),
        (b'"ninjs"', "JSON object"),
        (b"[" * (MAX_JSON_DEPTH + 1) + b"]" * (MAX_JSON_DEPTH + 1), "nested"),
        (b'{"uri": "x", "bodies": [{"contentType": "application/xhtml+xml", "value": "<p>open"}]}', "body"),
        (
            (
                b'{"uri": "x", "bodies": [{"contentType": "application/xhtml+xml", '
                b'"value": "<!DOCTYPE p [<!ENTITY e SYSTEM \\"file:///etc/passwd\\">]><p>&e;</p>"}]}'
            ),
            "body",
        ),
    ],
)
def test_bad_input_is_an_input_error_naming_the_source(data: bytes, problem: str) -> None:
    with pytest.raises(InputError, match=problem) as error:
        ninjs.read(data, "bad.json")
    assert error.value.source == "bad.json"


def test_wrongly_typed_properties_are_ignored_not_a_traceback() -> None:
    article = read_json(
        {
            "uri": "x",
            "headlines": "H",
            "bodies": [1, {"value": 2}],
            "by": ["x"],
            "language": 7,
            "located": None,
        }
    )
    assert (article.headline, article.paragraphs, article.byline, article.dateline) == ("", (), None, None)
    assert article.language == "und"


# --- the public API ---


def test_api_reads_ninjs_by_name_and_by_detection() -> None:
    data = ninjs.write(CRAFTED)
    assert api.read(data, "ninjs", source=CRAFTED.source) == carried(CRAFTED)
    assert api.read(data, "auto", source=CRAFTED.source) == carried(CRAFTED)
    assert api.read(ninjs.write_v2(CRAFTED), "ninjs2", source=CRAFTED.source) == carried(CRAFTED)


def test_api_writes_validated_ninjs2() -> None:
    document = api.write(CRAFTED, "ninjs2")
    assert json.loads(document)["standard"]["version"] == "2.2"
    assert api.validate(document, "ninjs2") == []
    assert api.read_document(document, "auto").format == "ninjs"
