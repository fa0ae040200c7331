"""Inputs at the limits convert or fail cleanly (benchmarks/limits.py measures their time curves).

No assertion here is timed: each checks what a fix changed (the N-Triples reader sees whole
lines, a too-deep body is an InputError) and that the result is still right.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import Graph
from rdflib.compare import isomorphic

import newsconv
from newsconv.errors import InputError
from newsconv.formats import rdf
from newsconv.validate.findings import errors

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
import limits

LITERAL = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)
ENDS = st.sampled_from(["\n", "\r\n", "\r"])


def escaped(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(LITERAL, ENDS, st.booleans()), max_size=8), st.booleans())
def test_ntriples_read_line_by_line_give_rdflibs_own_graph(
    rows: list[tuple[str, str, bool]], final_end: bool
) -> None:
    lines = []
    for n, (value, end, comment) in enumerate(rows):
        lines.append(f'<http://example.org/{n}> <http://schema.org/name> "{escaped(value)}" .{end}')
        if comment:
            lines.append(f"# a comment{end}{end}")
    document = "".join(lines)
    if not final_end:
        document = document.rstrip("\r\n")
    graph, findings = rdf.parse(document.encode(), "nt")
    assert findings == [] and graph is not None
    assert isomorphic(graph, Graph().parse(data=document, format="nt"))


def test_a_megabyte_literal_in_ntriples_is_one_triple() -> None:
    # rdflib's own feed re-scanned the growing line: 1 MB took ~15 s, 2 MB a minute
    graph, findings = rdf.parse(
        b'<http://x.org/a> <http://schema.org/name> "' + b"a" * 1_000_000 + b'" .', "nt"
    )
    assert findings == [] and graph is not None
    assert [len(o) for o in graph.objects()] == [1_000_000]


def test_a_line_that_is_no_ntriples_is_a_syntax_finding() -> None:
    _, findings = rdf.parse(b"<http://x.org/a> <http://schema.org/name> bare .\n", "nt")
    assert [f.rule for f in findings] == ["rdf.syntax"]


@pytest.mark.parametrize("depth", [250, 10_000])
def test_deeply_nested_xhtml_in_a_news_ml_body_reads_or_is_refused_cleanly(depth: int) -> None:
    format_name, data = limits.nested_xhtml(depth)
    if depth < 256:
        assert newsconv.read(data, format_name).paragraphs
    else:
        with pytest.raises(InputError, match="depth"):
            newsconv.read(data, format_name)


def test_a_news_message_gives_one_article_per_item() -> None:
    format_name, data = limits.news_message(50)
    reading = newsconv.read_document(data, format_name)
    assert len(reading.articles) == 50
    assert [a.headline for a in reading.articles[:2]] == ["Item 0", "Item 1"]


def test_plain_text_above_the_limit_is_refused_before_any_work() -> None:
    from newsconv.secure import MAX_TEXT_BYTES

    with pytest.raises(InputError, match="larger than 16 MiB"):
        newsconv.read(b"Headline\n\n" + b"x" * MAX_TEXT_BYTES)


def test_many_quotes_are_all_found() -> None:
    format_name, data = limits.quotes(300)
    article = newsconv.read(data, format_name)
    assert len(article.quotes) == 300


def test_a_streamed_news_message_reads_as_its_items_read_one_by_one() -> None:
    from newsconv.formats import newsml
    from newsconv.formats.newsml.writer import NAR

    articles = [newsconv.read(f"Headline {n}\n\nFirst paragraph {n} of the story.") for n in range(3)]
    documents = [newsml.write(a) for a in articles]
    items = "".join(d.split("?>", 1)[1] for d in documents)
    message = f'<newsMessage xmlns="{NAR}"><header/><itemSet>{items}</itemSet></newsMessage>'.encode()
    assert newsml.read_items(message) == [newsml.read(d.encode()) for d in documents]


@pytest.mark.parametrize(
    ("document", "problem"),
    [
        (b'<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/"/> trailing', "not well-formed"),
        (b"<a/>", "not NewsML-G2"),
        (b'<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"><itemSet/></newsMessage>', "no newsItem"),
    ],
)
def test_what_holds_no_news_item_is_still_refused_when_streamed(document: bytes, problem: str) -> None:
    from newsconv.formats import newsml

    with pytest.raises(InputError, match=problem):
        newsml.read_items(document)


def test_a_news_message_above_a_megabyte_is_validated_streaming_with_the_same_findings() -> None:
    from newsconv.validate import newsml_g2

    _, data = limits.news_message(2_500)
    assert len(data) > newsml_g2.WHOLE_BYTES
    broken = data.replace(b"<headline>Item 1234</headline>", b"<headline>Item 1234</headline><bogus/>")
    findings = newsconv.validate(broken, "newsml")
    assert [(f.rule, "bogus" in f.message) for f in errors(findings)] == [("xsd", True)]
    assert newsconv.validate(broken.decode(), "newsml") == findings
