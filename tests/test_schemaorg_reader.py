"""Reading schema.org JSON-LD, Turtle, N-Triples and RDF/XML back into the model, offline and safely.

What the four formats carry (all four share one graph, so one table):

============================  ==========================================================
model field                   carried by schema.org JSON-LD / Turtle / N-Triples / RDF/XML
============================  ==========================================================
headline, description,        yes
dateline, language, published
paragraphs                    yes (``articleBody`` split on blank lines, each stripped)
byline                        the author names only: read back as "By A, B and C"
publisher                     its name
persons, organisations,       id, name, job title, affiliation, aliases (as a set: read
places                        back sorted); not their mention spans
quotes                        id, text, speaker; speaker text only when there is no speaker;
                              not their spans
source                        no
============================  ==========================================================

Entities and quotes come back ordered by id (RDF has no order), which is the writer's order
for newsconv's numbered ids. The writer links a publisher, an affiliation or an organisation
author to an organisation spelt the same up to case or as one of its aliases, so such a name
reads back spelt as that organisation's name; and organisation authors keep no order among
themselves. The round-trip property leaves those articles out (``_links_keep_spelling``);
``test_names_the_writer_links_read_back_as_the_linked_organisation`` shows the loss.
"""

from __future__ import annotations

import json
import socket
import urllib.request
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from strategies import articles, text
from test_jsonld import FULL, SAMPLES

from newsconv import api, identity, registry
from newsconv.errors import InputError
from newsconv.formats import jsonld, rdf, schemaorg
from newsconv.model import Article, Entity, Organization, Person, Place, Quote

FORMATS = ("jsonld", "turtle", "ntriples", "rdfxml")
SCHEMA = "http://schema.org/"


def carried(article: Article) -> Article:
    """What a schema.org document keeps of an article (see the table above)."""

    def entity(e: Entity) -> Any:
        return replace(e, mentions=(), aliases=tuple(sorted(set(e.aliases))))

    return replace(
        article,
        byline=schemaorg.join_byline(schemaorg.byline_names(article.byline)),
        source=None,
        persons=tuple(entity(p) for p in article.persons),
        organizations=tuple(entity(o) for o in article.organizations),
        places=tuple(entity(p) for p in article.places),
        quotes=tuple(
            replace(q, spans=(), speaker_text=None if q.speaker is not None else q.speaker_text)
            for q in article.quotes
        ),
    )


def _links_keep_spelling(article: Article) -> bool:
    """Whether every name the writer links to an organisation node is that node's name as written."""
    known = {n.casefold(): o.name for o in article.organizations for n in (o.name, *o.aliases)}
    publisher = (article.publisher or "").casefold()
    names = schemaorg.byline_names(article.byline)
    org_authors = [n for n in names if n.casefold() in known or (publisher and n.casefold() == publisher)]
    linked = [*org_authors, *(n for n in (article.publisher, *(p.affiliation for p in article.persons)) if n)]
    spelling: dict[str, str] = {}
    for name in linked:
        spelling.setdefault(name.casefold(), known.get(name.casefold(), name))
    return all(spelling[n.casefold()] == n for n in linked) and org_authors == sorted(set(org_authors))


published = st.none() | st.datetimes(
    min_value=datetime(1900, 1, 1),
    max_value=datetime(2100, 1, 1),
    timezones=st.none()
    | st.sampled_from([UTC, timezone(timedelta(hours=5, minutes=30)), timezone(-timedelta(hours=8))]),
)
dated_articles = st.builds(lambda a, when: replace(a, published=when), articles(), published)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(dated_articles, st.sampled_from(FORMATS))
def test_any_article_round_trips_through_each_format(article: Article, fmt: str) -> None:
    assume(_links_keep_spelling(article))
    document = api.write(article, fmt)  # validates the written document too
    assert registry.get(fmt).read(document.encode("utf-8"), "doc") == carried(article)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_samples_round_trip(fmt: str, name: str) -> None:
    article = SAMPLES[name]
    assert api.read(api.write(article, fmt), fmt) == carried(article)


def test_a_read_byline_is_the_usual_form() -> None:
    article = jsonld.read(jsonld.write(FULL).encode(), None)
    assert article.byline == "By Jane Doe, John Roe and Reuters"
    assert schemaorg.join_byline(["Jane Doe"]) == "By Jane Doe"
    assert schemaorg.join_byline([]) is None


@given(st.none() | text)
def test_join_byline_inverts_byline_names(byline: str | None) -> None:
    names = schemaorg.byline_names(byline)
    assert schemaorg.byline_names(schemaorg.join_byline(names)) == names


def test_names_the_writer_links_read_back_as_the_linked_organisation() -> None:
    article = Article(
        "Merger",
        byline="By REUTERS",
        organizations=(Organization("org-1", "Reuters"),),
        persons=(Person("person-1", "Ann Lee", affiliation="reuters"),),
        publisher="Reuters Ltd",
    )
    assert not _links_keep_spelling(article)
    back = jsonld.read(jsonld.write(article).encode(), None)
    assert back.byline == "By Reuters" and back.persons[0].affiliation == "Reuters"
    assert back.publisher == "Reuters Ltd"


# Foreign JSON-LD shapes -------------------------------------------------------------------

ARTICLE_IRI = "https://news.example/2024/05/minister-quits"
EXPECTED = Article(
    headline="Minister quits",
    paragraphs=("First paragraph.", "Second paragraph."),
    byline="By Jane Doe",
    language="en",
    persons=(Person("person-ann-smith", "Ann Smith", ("Smith",), (), "finance minister", "Acme"),),
    publisher="Example News",
    published=datetime(2024, 5, 6, 7, 8, tzinfo=UTC),
)


def _compacted(**changes: Any) -> dict[str, Any]:
    document: dict[str, Any] = {
        "@context": "https://schema.org",
        "@id": ARTICLE_IRI,
        "@type": "NewsArticle",
        "headline": "Minister quits",
        "articleBody": "First paragraph.\r\n \r\n\n\nSecond paragraph.",
        "author": {"@type": "Person", "name": "Jane Doe"},
        "inLanguage": "en",
        "datePublished": "2024-05-06T07:08Z",
        "publisher": {"@type": "NewsMediaOrganization", "name": "Example News"},
        "mentions": [
            {
                "@type": "Person",
                "name": "Ann Smith",
                "alternateName": "Smith",
                "jobTitle": "finance minister",
                "worksFor": {"@type": "Corporation", "name": "Acme"},
            }
        ],
    }
    document.update(changes)
    return document


def _expanded() -> list[dict[str, Any]]:
    def value(v: str) -> list[dict[str, str]]:
        return [{"@value": v}]

    return [
        {
            "@id": ARTICLE_IRI,
            "@type": [SCHEMA + "NewsArticle"],
            SCHEMA + "headline": value("Minister quits"),
            SCHEMA + "articleBody": value("First paragraph.\n\nSecond paragraph."),
            SCHEMA + "author": [{"@type": [SCHEMA + "Person"], SCHEMA + "name": value("Jane Doe")}],
            SCHEMA + "inLanguage": value("en"),
            SCHEMA + "datePublished": [{"@value": "2024-05-06T07:08:00+00:00", "@type": SCHEMA + "DateTime"}],
            SCHEMA + "publisher": [
                {"@type": [SCHEMA + "Organization"], SCHEMA + "name": value("Example News")}
            ],
            SCHEMA + "mentions": [
                {
                    "@type": [SCHEMA + "Person"],
                    SCHEMA + "name": value("Ann Smith"),
                    SCHEMA + "alternateName": value("Smith"),
                    SCHEMA + "jobTitle": value("finance minister"),
                    SCHEMA + "worksFor": [
                        {"@type": [SCHEMA + "Organization"], SCHEMA + "name": value("Acme")}
                    ],
                }
            ],
        }
    ]


def _graph_shape() -> dict[str, Any]:
    article = _compacted(mentions=[{"@id": "_:ann"}])
    del article["@context"]
    person = {"@id": "_:ann", **_compacted()["mentions"][0]}
    page = {"@type": "WebPage", "@id": "https://news.example/page", "mainEntity": {"@id": ARTICLE_IRI}}
    return {"@context": "http://schema.org/", "@graph": [page, article, person]}


SHAPES: dict[str, Any] = {
    "compacted": _compacted(),
    "expanded": _expanded(),
    "graph": _graph_shape(),
    "http context": _compacted(**{"@context": "http://schema.org"}),
    "context document url": _compacted(**{"@context": "https://schema.org/docs/jsonldcontext.jsonld"}),
    "context list": _compacted(**{"@context": ["https://schema.org/", {"ex": "https://news.example/ns#"}]}),
    "inline https vocab": _compacted(**{"@context": {"@vocab": "https://schema.org/"}}),
    "reportage": _compacted(**{"@type": "ReportageNewsArticle"}),
    "blog posting (an Article subclass)": _compacted(**{"@type": "BlogPosting"}),
    "array at top level": [_compacted(), {"@context": "https://schema.org", "@type": "WebSite", "name": "X"}],
    "author as a string": _compacted(author="Jane Doe"),
    "author by reference": {
        "@context": "https://schema.org",
        "@graph": [
            _compacted(author={"@id": "https://news.example/staff/jane"}),
            {"@id": "https://news.example/staff/jane", "@type": "Person", "name": "Jane Doe"},
        ],
    },
}


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_foreign_jsonld_shapes_read_the_same_article(shape: str) -> None:
    document = json.dumps(SHAPES[shape]).encode("utf-8")
    assert jsonld.read(document, "page.jsonld") == EXPECTED


def test_foreign_ids_come_from_the_iri_else_the_name_and_never_clash() -> None:
    document = _compacted(
        mentions=[
            {"@type": "Person", "name": "Ann Smith", "jobTitle": "minister"},
            {"@type": "Person", "name": "Ann Smith", "jobTitle": "mayor"},
            {"@id": "https://www.wikidata.org/wiki/Q42", "@type": "Person", "name": "Douglas Adams"},
            {"@type": "Country", "name": "Ελλάδα"},
            {"@type": "Place", "name": "!!!"},
            {"@type": "Event", "name": "not a model entity"},
        ],
        hasPart=[
            {"@type": "Quotation", "text": "Hello", "creator": {"@type": "Person", "name": "Bo Lin"}},
            {"@type": "Quotation", "text": "Bye", "creator": "a spokesman"},
            {"@type": "Quotation", "text": "Hi", "creator": {"@id": "https://www.wikidata.org/wiki/Q42"}},
        ],
    )
    article = jsonld.read(json.dumps(document).encode(), None)
    assert [(p.id, p.name, p.title) for p in article.persons] == [
        ("person-ann-smith", "Ann Smith", "minister"),
        ("person-ann-smith-2", "Ann Smith", "mayor"),
        ("person-bo-lin", "Bo Lin", None),
        ("person-q42", "Douglas Adams", None),
    ]
    assert [(p.id, p.name) for p in article.places] == [("place", "!!!"), ("place-ελλάδα", "Ελλάδα")]
    assert {(q.text, q.speaker, q.speaker_text) for q in article.quotes} == {
        ("Hello", "person-bo-lin", None),
        ("Bye", None, "a spokesman"),
        ("Hi", "person-q42", None),
    }
    assert len({q.id for q in article.quotes}) == 3
    assert article == jsonld.read(json.dumps(document).encode(), None), "ids are stable"


def test_turtle_with_https_schema_org_is_read() -> None:
    turtle = (
        "@prefix s: <https://schema.org/> .\n"
        f'<{ARTICLE_IRI}> a s:AnalysisNewsArticle ; s:headline "Why" ; s:inLanguage "fr" ;'
        ' s:author "Jane Doe", "John Roe" ; s:datePublished "2024-05-06" .\n'
    )
    article = rdf.read_turtle(turtle.encode(), "a.ttl")
    assert (article.headline, article.language, article.byline) == ("Why", "fr", "By Jane Doe and John Roe")
    assert article.published == datetime(2024, 5, 6)


@pytest.mark.parametrize(
    ("document", "problem"),
    [
        ({"@context": "https://schema.org", "@type": "WebPage", "name": "x"}, "no schema.org NewsArticle"),
        (
            {
                "@context": "https://schema.org",
                "@graph": [{"@type": "NewsArticle", "headline": str(n)} for n in (1, 2)],
            },
            "2 articles",
        ),
        (_compacted(headline=None), "has no headline"),
        (_compacted(datePublished="May 6, 2024"), "datePublished 'May 6, 2024' is no ISO 8601"),
        (
            {"@context": "https://example.org/context.jsonld", "@type": "NewsArticle"},
            "remote JSON-LD context",
        ),
        (_compacted(mentions={"@context": "ctx.jsonld", "name": "x"}), "remote JSON-LD context ctx.jsonld"),
        ({"@context": {"@import": "https://example.org/c"}, "@type": "NewsArticle"}, "@import"),
        ({"@context": {"@vocab": 5}, "@type": "NewsArticle"}, "not JSON-LD: TypeError"),
        ("not an object", "not JSON-LD: a JSON-LD document is an object or an array"),
    ],
)
def test_unreadable_jsonld_is_an_input_error_naming_the_problem(document: Any, problem: str) -> None:
    if isinstance(document, dict):
        document = {k: v for k, v in document.items() if v is not None}
    with pytest.raises(InputError, match=problem) as caught:
        jsonld.read(json.dumps(document).encode(), "in.jsonld")
    assert caught.value.source == "in.jsonld"


def test_remote_context_message_says_it_is_not_fetched() -> None:
    document = json.dumps({"@context": "https://example.org/context.jsonld", "@type": "NewsArticle"}).encode()
    with pytest.raises(InputError) as caught:
        jsonld.read(document, None)
    assert caught.value.problem.startswith(
        "remote JSON-LD context https://example.org/context.jsonld is not fetched"
    )


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("network access")

    monkeypatch.setattr(urllib.request, "urlopen", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    jsonld._schemaorg_context.cache_clear()


@pytest.mark.usefixtures("no_network")
def test_reading_never_touches_the_network() -> None:
    for shape in SHAPES.values():
        assert jsonld.read(json.dumps(shape).encode(), None).headline == EXPECTED.headline
    with pytest.raises(InputError, match="not fetched"):
        jsonld.read(json.dumps(_compacted(**{"@context": "https://example.org/c"})).encode(), None)
    for fmt in FORMATS:
        assert api.read(api.write(FULL, fmt), fmt) == carried(FULL)


def test_api_reads_jsonld_and_rdf() -> None:
    assert api.read(json.dumps(SHAPES["expanded"]), "jsonld", source="x.jsonld") == EXPECTED
    turtle = f"""@prefix s: <http://schema.org/> .
<{ARTICLE_IRI}> a s:NewsArticle ; s:headline "Minister quits" ; s:inLanguage "en" ;
    s:articleBody "First paragraph.\\n\\nSecond paragraph." ; s:author [ a s:Person ; s:name "Jane Doe" ] ;
    s:datePublished "2024-05-06T07:08:00+00:00"^^s:DateTime ; s:publisher [ a s:Organization ; s:name "Example News" ] ;
    s:mentions [ a s:Person ; s:name "Ann Smith" ; s:alternateName "Smith" ; s:jobTitle "finance minister" ;
                 s:worksFor [ a s:Organization ; s:name "Acme" ] ] .
"""
    assert api.read(turtle, "turtle") == EXPECTED


def test_ids_minted_by_the_writer_come_back() -> None:
    article = Article(
        "H",
        persons=(Person("p:x", "A"),),
        quotes=(Quote("q.1", "words", speaker="p:x"), Quote("q.2", "more", speaker="gone")),
    )
    back = rdf.read_ntriples(rdf.write_ntriples(article).encode(), None)
    assert back.persons == article.persons and back.quotes == article.quotes
    assert identity.node_iri(article, "p:x") in rdf.write_ntriples(article)


@pytest.mark.parametrize("fmt", FORMATS)
def test_ids_with_spaces_hashes_and_percents_give_valid_iris_and_come_back(fmt: str) -> None:
    article = Article(
        "H",
        organizations=(Organization("Acme Widget", "Acme"), Organization("a#b%20c", "B")),
        places=(Place("http://www.wikidata.org/entity/Q64", "Berlin"),),
        quotes=(Quote("quote «1»", "words", speaker="Acme Widget"),),
    )
    back = api.read(api.write(article, fmt), fmt)
    assert (back.organizations, back.places, back.quotes) == (
        article.organizations,
        article.places,
        article.quotes,
    )
    assert identity.node_iri(article, "Acme Widget").endswith("#Acme%20Widget")


# RDF/XML safety ---------------------------------------------------------------------------

RDF_OPEN = '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:s="http://schema.org/">'


def test_xxe_rdfxml_is_refused_and_nothing_is_read(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET")
    document = (
        f'<?xml version="1.0"?>\n<!DOCTYPE rdf:RDF [<!ENTITY xxe SYSTEM "file://{secret}">]>\n{RDF_OPEN}'
        '<s:NewsArticle rdf:about="urn:x"><s:headline>&xxe;</s:headline></s:NewsArticle></rdf:RDF>'
    ).encode()
    with pytest.raises(InputError, match="DOCTYPE") as caught:
        rdf.read_rdfxml(document, "evil.rdf")
    assert "TOP SECRET" not in str(caught.value)
    findings = rdf.validate_rdfxml(document)
    assert [f.rule for f in findings] == ["rdf.syntax"] and "DOCTYPE" in findings[0].message


def test_billion_laughs_and_external_dtd_rdfxml_are_refused() -> None:
    laughs = '<!DOCTYPE rdf:RDF [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
    external = '<!DOCTYPE rdf:RDF SYSTEM "http://example.org/rdf.dtd">'
    for doctype in (laughs, external):
        document = f'<?xml version="1.0"?>{doctype}{RDF_OPEN}<s:NewsArticle rdf:about="urn:x"/></rdf:RDF>'
        with pytest.raises(InputError, match="DOCTYPE"):
            rdf.read_rdfxml(document.encode(), "evil.rdf")


@pytest.mark.parametrize(
    ("fmt", "document"),
    [
        ("turtle", b"<urn:a> <urn:b> ."),
        ("ntriples", b"<urn:a> <urn:b> <urn:c>"),
        ("rdfxml", b"<rdf:RDF><oops"),
    ],
)
def test_rdf_syntax_errors_are_input_errors(fmt: str, document: bytes) -> None:
    with pytest.raises(InputError, match="^bad: not (Turtle|N-Triples|RDF/XML): "):
        registry.get(fmt).read(document, "bad")


def test_places_and_organisations_keep_their_kind() -> None:
    article = Article(
        "H",
        organizations=(Organization("org-1", "Acme"),),
        places=(Place("place-1", "Paris", ("Paname", "City of Light")),),
    )
    back = rdf.read_rdfxml(rdf.write_rdfxml(article).encode(), None)
    assert back.organizations == article.organizations
    assert back.places == (Place("place-1", "Paris", ("City of Light", "Paname")),)
