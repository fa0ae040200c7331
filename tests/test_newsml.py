"""The NewsML-G2 writer and validator: XSD validity, exact recovery of text, quotes and mentions."""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from newsconv import identity, schema_store
from newsconv.errors import InputError
from newsconv.formats import newsml
from newsconv.model import Article, Organization, Person, Place, Quote, Span
from newsconv.validate import xsd
from newsconv.validate.findings import errors

NS = {"n": newsml.NAR, "x": newsml.XHTML}
SHARED = Path(__file__).resolve().parents[2] / "shared"
CORPUS = SHARED / "corpora" / "newsml-g2-examples"
NCNAME = re.compile(r"[A-Za-z_][\w.\-]*\Z")

P0 = 'WASHINGTON (Reuters) - "We will act now," said Jane Doe of Acme Corp.'
P1 = '"The plan is ready.'
P2 = 'It starts on Monday," Doe added in Zürich. A source said: "No comment."'
SAMPLE = Article(
    headline="Acme acts — “now”",
    paragraphs=(P0, P1, P2),
    byline="By Bob Writer",
    dateline="WASHINGTON (Reuters)",
    language="en-GB",
    persons=(
        Person(
            "p1",
            "Jane Doe",
            aliases=("Doe",),
            mentions=(Span(0, 47, 55), Span(2, 22, 25)),
            title="spokeswoman",
            affiliation="Acme Corp",
        ),
    ),
    organizations=(Organization("o1", "Acme Corp", mentions=(Span(0, 59, 68),)),),
    places=(
        Place("pl1", "Washington", mentions=(Span(0, 0, 10),)),
        Place("pl2", "Zürich", mentions=(Span(2, 35, 41),)),
    ),
    quotes=(
        Quote("q1", "We will act now,", (Span(0, 24, 40),), speaker="p1"),
        Quote(
            "q2",
            "The plan is ready. It starts on Monday,",
            (Span(1, 1, 19), Span(2, 0, 20)),
            speaker="p1",
        ),
        Quote("q3", "No comment.", (Span(2, 59, 70),), speaker_text="A source"),
    ),
    publisher="Reuters",
    published=datetime(2024, 5, 6, 7, 8, 9, tzinfo=timezone(timedelta(hours=2))),
)
MENTION_IN_QUOTE = Article(
    headline="Mention inside a quote",
    paragraphs=('"Acme Corp will win," she said.',),
    organizations=(Organization("o1", "Acme Corp", mentions=(Span(0, 1, 10),)),),
    quotes=(Quote("q1", "Acme Corp will win,", (Span(0, 1, 20),), speaker="o1"),),
)
CROSSING = Article(
    headline="Crossing spans",
    paragraphs=("0123456789abcdefghij",),
    persons=(Person("p1", "x", mentions=(Span(0, 10, 20), Span(0, 12, 12))),),
    quotes=(Quote("q1", "56789abcde", (Span(0, 5, 15),)),),
)


def parse(document: str) -> etree._Element:
    return etree.fromstring(document.encode("utf-8"))


def assert_valid(document: str) -> etree._Element:
    """Both our validator and a direct lxml validation against the official XSD accept it."""
    assert newsml.validate(document) == []
    root = parse(document)
    compiled = xsd.schema(schema_store.locate(schema_store.NEWSML_XSD))
    assert compiled.validate(root.getroottree()), compiled.error_log
    return root


def paragraphs(root: etree._Element) -> list[str]:
    return ["".join(p.itertext()) for p in root.iterfind(".//x:body/x:p", NS)]


def positions(root: etree._Element) -> dict[str, tuple[int, int, int, str]]:
    """Each XHTML span id: paragraph, start, end and class, recomputed from the text alone."""
    found: dict[str, tuple[int, int, int, str]] = {}
    for number, p in enumerate(root.iterfind(".//x:body/x:p", NS)):
        walk(p, 0, number, found)
    return found


def walk(
    element: etree._Element, offset: int, number: int, found: dict[str, tuple[int, int, int, str]]
) -> int:
    """Record the ids under ``element``, which starts at ``offset``; return where it ends."""
    end = offset + len(element.text or "")
    for child in element:
        end = walk(child, end, number, found) + len(child.tail or "")
    if element.get("id"):
        found[element.get("id")] = (number, offset, end, element.get("class", ""))
    return end


def spans(root: etree._Element, references: str) -> list[Span]:
    """The model spans a contentrefs/idrefs list stands for, joining continued pieces."""
    where = positions(root)
    result: list[Span] = []
    for ident in references.split():
        paragraph, start, end, css = where[ident]
        if "continued" in css.split():
            result[-1] = Span(paragraph, result[-1].start, end)
        else:
            result.append(Span(paragraph, start, end))
    return result


def quotes(root: etree._Element) -> Iterator[tuple[etree._Element, list[Span]]]:
    for part in root.iterfind("n:partMeta", NS):
        yield part, spans(root, part.get("contentrefs", ""))


def assert_references_resolve(root: etree._Element) -> None:
    ids = [v for e in root.iter(etree.Element) for v in (e.get("id"), e.get("partid")) if v is not None]
    assert len(ids) == len(set(ids))
    assert all(NCNAME.match(i) for i in ids)
    for element in root.iter(etree.Element):
        for token in (element.get("contentrefs") or "").split() + (element.get("idrefs") or "").split():
            assert token in ids


def is_xml_char(c: str) -> bool:
    return c in "\t\n\r" or "\x20" <= c <= "\ud7ff" or "\ue000" <= c <= "\ufffd" or c >= "\U00010000"


def expected_text(text: str) -> str:
    return "".join(c if is_xml_char(c) else "\ufffd" for c in text)


@pytest.fixture(autouse=True)
def schemas(monkeypatch: pytest.MonkeyPatch) -> None:
    if not any((folder / schema_store.NEWSML_XSD).is_file() for _, folder in schema_store.search_path()):
        monkeypatch.setenv(schema_store.ENV_VAR, str(SHARED / "schemas"))
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)


def test_sample_is_valid_and_carries_the_header() -> None:
    root = assert_valid(newsml.write(SAMPLE))
    assert root.get("guid") == identity.article_iri(SAMPLE)
    assert (root.get("version"), root.get("standardversion"), root.get("conformance")) == (
        "1",
        "2.35",
        "power",
    )
    assert root.get(f"{{{newsml.XML_NS}}}lang") == "en-GB"
    assert root.find("n:catalogRef", NS).get("href") == newsml.CATALOG
    assert root.findtext("n:itemMeta/n:versionCreated", namespaces=NS) == "2024-05-06T07:08:09+02:00"
    assert root.find("n:itemMeta/n:provider", NS).get("literal") == "Reuters"
    assert root.find("n:itemMeta/n:pubStatus", NS).get("qcode") == "stat:usable"
    meta = root.find("n:contentMeta", NS)
    assert meta.findtext("n:headline", namespaces=NS) == SAMPLE.headline
    assert meta.findtext("n:by", namespaces=NS) == SAMPLE.byline
    assert meta.findtext("n:dateline", namespaces=NS) == SAMPLE.dateline
    assert meta.find("n:language", NS).get("tag") == "en-GB"
    assert root.findtext(".//x:head/x:title", namespaces=NS) == SAMPLE.headline


def test_paragraph_text_comes_back_exactly() -> None:
    root = parse(newsml.write(SAMPLE))
    assert len(root.findall("n:contentSet/n:inlineXML/x:html", NS)) == 1
    assert paragraphs(root) == list(SAMPLE.paragraphs)


def test_subjects_carry_ids_names_aliases_title_and_affiliation() -> None:
    root = parse(newsml.write(SAMPLE))
    subjects = {s.get("literal"): s for s in root.iterfind("n:contentMeta/n:subject", NS)}
    assert {k: s.get("type") for k, s in subjects.items()} == {
        "p1": "cpnat:person",
        "o1": "cpnat:organisation",
        "pl1": "cpnat:geoArea",
        "pl2": "cpnat:geoArea",
    }
    assert subjects["p1"].xpath("n:name[not(@role)]/text()", namespaces=NS) == ["Jane Doe"]
    assert subjects["p1"].xpath("n:name[@role='nrol:alternate']/text()", namespaces=NS) == ["Doe"]
    details = root.find("n:assert[@literal='p1']", NS)
    assert details.findtext(f"n:related[@reluri='{newsml.JOB_TITLE}']/n:name", namespaces=NS) == "spokeswoman"
    affiliation = details.find("n:personDetails/n:affiliation", NS)
    assert (affiliation.get("literal"), affiliation.findtext("n:name", namespaces=NS)) == ("o1", "Acme Corp")
    assert root.find("n:contentMeta/n:located", NS) is None  # only the model's located, never a guess


def test_quotes_and_speakers_are_recoverable() -> None:
    root = parse(newsml.write(SAMPLE))
    parts = list(quotes(root))
    assert len(parts) == len(SAMPLE.quotes)
    subjects = {s.get("literal"): s.get("type") for s in root.iterfind("n:contentMeta/n:subject", NS)}
    for quote, (part, recovered) in zip(SAMPLE.quotes, parts, strict=True):
        assert part.findtext("n:altId", namespaces=NS) == quote.id
        assert part.findtext("n:description", namespaces=NS) == quote.text
        assert recovered == list(quote.spans)
        assert " ".join(SAMPLE.span_text(s) for s in recovered) == quote.text
        creator = part.find("n:creator", NS)
        assert creator.get("literal") == quote.speaker
        if quote.speaker is not None:
            assert creator.get("type") == subjects[quote.speaker]
    unnamed = parts[2][0].find("n:creator", NS)
    assert unnamed.xpath("n:name/@role", namespaces=NS) == ["nrol:display"]
    assert unnamed.findtext("n:name", namespaces=NS) == "A source"
    assert unnamed.get("type") is None


def test_quote_text_via_xpath_on_the_xhtml() -> None:
    root = parse(newsml.write(SAMPLE))
    refs = root.xpath("string(n:partMeta[n:altId='q2']/@contentrefs)", namespaces=NS).split()
    words = [root.xpath(f"string(.//x:span[@id='{i}'])", namespaces=NS) for i in refs]
    assert " ".join(words) == SAMPLE.quotes[1].text
    speaker = root.xpath("string(n:partMeta[n:altId='q2']/n:creator/@literal)", namespaces=NS)
    assert (
        root.xpath(f"string(n:contentMeta/n:subject[@literal='{speaker}']/n:name)", namespaces=NS)
        == "Jane Doe"
    )


def test_mentions_become_inline_refs() -> None:
    root = parse(newsml.write(SAMPLE))
    refs = {r.get("literal"): r for r in root.iterfind("n:inlineRef", NS)}
    for entity in SAMPLE.entities:
        assert spans(root, refs[entity.id].get("idrefs")) == list(entity.mentions)
    assert refs["o1"].get("type") == "cpnat:organisation"


def test_mention_inside_a_quote_nests() -> None:
    root = assert_valid(newsml.write(MENTION_IN_QUOTE))
    inner = root.xpath(".//x:span[@class='quote']/x:span[@class='mention']", namespaces=NS)
    assert [e.text for e in inner] == ["Acme Corp"]
    assert paragraphs(root) == list(MENTION_IN_QUOTE.paragraphs)
    assert root.find("n:partMeta/n:creator", NS).get("type") == "cpnat:organisation"


def test_crossing_spans_are_cut_and_recovered() -> None:
    root = assert_valid(newsml.write(CROSSING))
    assert root.xpath(".//x:span[contains(@class, 'continued')]", namespaces=NS)
    assert paragraphs(root) == list(CROSSING.paragraphs)
    ((_, recovered),) = quotes(root)
    assert recovered == list(CROSSING.quotes[0].spans)
    assert spans(root, root.find("n:inlineRef", NS).get("idrefs")) == list(CROSSING.persons[0].mentions)


@pytest.mark.parametrize(
    "article", [SAMPLE, MENTION_IN_QUOTE, CROSSING], ids=["sample", "nested", "crossing"]
)
def test_ids_are_unique_ncnames_and_every_reference_resolves(article: Article) -> None:
    assert_references_resolve(parse(newsml.write(article)))


def test_forbidden_characters_become_replacement_characters_one_for_one() -> None:
    paragraph = "a\x00b\x0bc\ud800d\ufffe e\x1ff"
    article = Article(
        headline="bad\x01head",
        paragraphs=(paragraph,),
        persons=(Person("p\x02", "Line\nbreak\tname", mentions=(Span(0, 8, 11),)),),
        quotes=(Quote("q1", paragraph[2:7], (Span(0, 2, 7),), speaker="p\x02"),),
    )
    root = assert_valid(newsml.write(article))
    assert paragraphs(root) == [expected_text(paragraph)]
    assert len(paragraphs(root)[0]) == len(paragraph)
    assert root.findtext("n:contentMeta/n:headline", namespaces=NS) == "bad\ufffdhead"
    subject = root.find("n:contentMeta/n:subject", NS)
    assert (subject.get("literal"), subject.findtext("n:name", namespaces=NS)) == (
        "p\ufffd",
        "Line break name",
    )
    ((_, recovered),) = quotes(root)
    assert recovered == [Span(0, 2, 7)]


def test_carriage_returns_and_tabs_in_paragraphs_survive() -> None:
    article = Article(headline="h", paragraphs=("one\r\ntwo\tthree\rfour",))
    assert paragraphs(assert_valid(newsml.write(article))) == ["one\r\ntwo\tthree\rfour"]


def test_an_article_with_no_paragraphs_and_no_optional_fields() -> None:
    article = Article(headline="")
    root = assert_valid(newsml.write(article))
    assert root.findall(".//x:body/x:p", NS) == []
    assert root.find("n:contentMeta/n:by", NS) is None
    assert root.find("n:contentMeta/n:dateline", NS) is None
    assert root.find("n:contentMeta/n:located", NS) is None
    assert root.findall("n:partMeta", NS) == [] and root.findall("n:inlineRef", NS) == []
    provider = root.find("n:itemMeta/n:provider", NS)
    assert provider.get("literal") == "newsconv"
    assert "publisher unknown" in provider.findtext("n:name", namespaces=NS)


def test_spans_outside_the_text_are_left_out() -> None:
    article = Article(
        headline="h",
        paragraphs=("short",),
        quotes=(Quote("q1", "x", (Span(0, 2, 99), Span(3, 0, 1), Span(-1, 0, 1), Span(0, 4, 2))),),
    )
    root = assert_valid(newsml.write(article))
    assert root.find("n:partMeta", NS).get("contentrefs") is None
    assert paragraphs(root) == ["short"]


def test_language_that_is_no_tag_becomes_und() -> None:
    root = assert_valid(newsml.write(Article(headline="h", language="not a tag!")))
    assert root.find("n:contentMeta/n:language", NS).get("tag") == "und"


def test_dateline_naming_no_known_place_gives_no_located() -> None:
    article = Article(headline="h", dateline="PARIS (AFP)", places=(Place("pl1", "Washington"),))
    assert parse(newsml.write(article)).find("n:contentMeta/n:located", NS) is None


def test_guid_is_stable_and_output_deterministic(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    copy = Article(headline=SAMPLE.headline, paragraphs=SAMPLE.paragraphs)
    assert parse(newsml.write(copy)).get("guid") == parse(newsml.write(SAMPLE)).get("guid")
    assert parse(newsml.write(Article(headline="other"))).get("guid") != identity.article_iri(SAMPLE)
    assert newsml.write(copy) == newsml.write(copy)
    assert newsml.write(copy).startswith("<?xml version='1.0' encoding='UTF-8'?>\n")


def test_source_date_epoch_is_honoured(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    created = parse(newsml.write(Article(headline="h"))).findtext(
        "n:itemMeta/n:versionCreated", namespaces=NS
    )
    assert created == "2023-11-14T22:13:20+00:00"
    assert newsml.version_created(datetime(2020, 1, 2, 3, 4, 5)).isoformat() == "2020-01-02T03:04:05+00:00"


def test_without_a_date_version_created_is_now_with_a_timezone() -> None:
    moment = datetime.fromisoformat(
        parse(newsml.write(Article(headline="h"))).findtext("n:itemMeta/n:versionCreated", namespaces=NS)
    )
    assert moment.tzinfo is not None
    assert abs(datetime.now(UTC) - moment) < timedelta(minutes=1)


def test_offsets_xsd_cannot_express_are_converted_to_utc() -> None:
    moment = datetime(2024, 1, 1, 12, 0, 30, tzinfo=timezone(timedelta(hours=1, seconds=30)))
    assert newsml.version_created(moment).isoformat() == "2024-01-01T11:00:00+00:00"


def test_validator_reports_missing_item_meta_with_a_line() -> None:
    root = parse(newsml.write(SAMPLE))
    root.remove(root.find("n:itemMeta", NS))
    document = etree.tostring(root, encoding="unicode")
    findings = newsml.validate(document)
    assert findings and {f.rule for f in findings} == {"xsd"}
    expected_line = document[: document.index("<contentMeta")].count("\n") + 1
    assert findings[0].line == expected_line
    assert "itemMeta" in findings[0].message


def test_validator_reports_malformed_xml_with_a_position() -> None:
    (finding, *_) = newsml.validate(b'<?xml version="1.0"?>\n<newsItem>\n  <itemMeta>\n</newsItem>\n')
    assert finding.rule == "xml.syntax" and finding.line == 4 and finding.column is not None


def test_validator_reports_dangling_references() -> None:
    document = newsml.write(SAMPLE).replace('contentrefs="q1-s1"', 'contentrefs="q1-s1 nowhere"')
    findings = newsml.validate(document)
    assert [(f.rule, "nowhere" in f.message) for f in findings] == [("newsml.idref", True)]
    assert findings[0].line == document[: document.index("nowhere")].count("\n") + 1


def corpus_rows() -> list[dict[str, str]]:
    results = CORPUS / "validation-results.csv"
    if not results.is_file():
        return []
    with results.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


VALID_ITEMS = [
    r["file"]
    for r in corpus_rows()
    if r["root"] == "newsItem" and r["standardversion"] == "2.35" and r["xsd_2_35"] == "valid"
]
INVALID_ITEMS = [
    r["file"] for r in corpus_rows() if r["root"] == "newsItem" and r["xsd_2_35_plus_odrl"] == "invalid"
]


@pytest.mark.skipif(not VALID_ITEMS, reason="IPTC example corpus not available")
@pytest.mark.parametrize("name", VALID_ITEMS)
def test_valid_iptc_examples_are_accepted(name: str) -> None:
    assert errors(newsml.validate((CORPUS / name).read_bytes())) == []


@pytest.mark.skipif(not INVALID_ITEMS, reason="IPTC example corpus not available")
@pytest.mark.parametrize("name", INVALID_ITEMS)
def test_invalid_iptc_examples_are_rejected_with_lines(name: str) -> None:
    findings = errors(newsml.validate((CORPUS / name).read_bytes()))
    assert findings and all(f.rule == "xsd" and f.line for f in findings)


def test_text_input_is_read_as_characters_whatever_its_declaration() -> None:
    path = CORPUS / "iptc-ex__ap_metadata_example.xml"
    if not path.is_file():
        pytest.skip("IPTC example corpus not available")
    assert errors(newsml.validate(path.read_bytes().decode("iso-8859-1"))) == []


def test_a_concept_item_is_valid_news_ml_g2_that_holds_no_article() -> None:
    path = CORPUS / "iptc-ex__LISTING_11_Person_Concept_conveyed_in_a_NewsML-G2_Concept_Item.xml"
    if not path.is_file():
        pytest.skip("IPTC example corpus not available")
    assert errors(newsml.validate(path.read_bytes())) == []
    with pytest.raises(InputError, match="conceptItem holds no article"):
        newsml.read(path.read_bytes(), str(path))


CHARACTERS = st.one_of(st.characters(), st.sampled_from('\x00\x01\x0b\x1f\ufffe\uffff\ud800\udfff\r\t\n"“”'))
TEXT = st.text(CHARACTERS, max_size=30)
OPTIONAL = st.none() | TEXT
OFFSETS = st.sampled_from([UTC, timezone(timedelta(hours=5, minutes=30)), timezone(timedelta(hours=-20))])
MOMENTS = st.none() | st.datetimes(
    min_value=datetime(1900, 1, 1), max_value=datetime(2100, 1, 1), timezones=st.none() | OFFSETS
)


def span_strategy(texts: tuple[str, ...]) -> st.SearchStrategy[Span]:
    """Spans inside one of ``texts`` (in any nesting or crossing), or anywhere at all."""
    anywhere = st.builds(Span, st.integers(-1, 5), st.integers(-1, 40), st.integers(-1, 40))
    if not texts:
        return anywhere

    def within(paragraph: int) -> st.SearchStrategy[Span]:
        bound = st.integers(0, len(texts[paragraph]))
        return st.tuples(bound, bound).map(lambda ab: Span(paragraph, min(ab), max(ab)))

    return st.integers(0, len(texts) - 1).flatmap(within) | anywhere


@st.composite
def articles(draw: st.DrawFn) -> Article:
    """Random articles whose spans are mostly inside their paragraphs, some outside, many crossing."""
    texts = tuple(draw(st.lists(TEXT, max_size=4)))

    spans = st.lists(span_strategy(texts), max_size=3).map(tuple)
    names = st.lists(TEXT, max_size=2).map(tuple)
    persons = st.builds(Person, TEXT, TEXT, names, spans, OPTIONAL, OPTIONAL)
    organizations = st.builds(Organization, TEXT, TEXT, names, spans)
    places = st.builds(Place, TEXT, TEXT, names, spans)
    article_quotes = st.builds(Quote, TEXT, TEXT, spans, OPTIONAL, OPTIONAL)
    return Article(
        headline=draw(TEXT),
        paragraphs=texts,
        byline=draw(OPTIONAL),
        dateline=draw(OPTIONAL),
        language=draw(st.sampled_from(["en", "de-CH", "", "x y"]) | TEXT),
        quotes=tuple(draw(st.lists(article_quotes, max_size=3))),
        persons=tuple(draw(st.lists(persons, max_size=2))),
        organizations=tuple(draw(st.lists(organizations, max_size=2))),
        places=tuple(draw(st.lists(places, max_size=2))),
        source=draw(OPTIONAL),
        publisher=draw(OPTIONAL),
        published=draw(MOMENTS),
    )


def inside(article: Article, span: Span) -> bool:
    return 0 <= span.paragraph < len(article.paragraphs) and 0 <= span.start <= span.end <= len(
        article.paragraphs[span.paragraph]
    )


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles())
def test_any_article_gives_a_valid_item_that_gives_back_its_text_and_spans(article: Article) -> None:
    root = assert_valid(newsml.write(article))
    assert paragraphs(root) == [expected_text(p) for p in article.paragraphs]
    assert_references_resolve(root)
    for quote, (_, recovered) in zip(article.quotes, quotes(root), strict=True):
        assert recovered == [s for s in quote.spans if inside(article, s)]
    refs = root.findall("n:inlineRef", NS)
    mentioned = [e for e in article.entities if any(inside(article, s) for s in e.mentions)]
    assert len(refs) == len(mentioned)
    for entity, ref in zip(mentioned, refs, strict=True):
        assert spans(root, ref.get("idrefs")) == [s for s in entity.mentions if inside(article, s)]
