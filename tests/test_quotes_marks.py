"""Quotation-mark rules: a closing mark typed where a paragraph's quote opens, and short titles."""

from __future__ import annotations

from newsconv.text.extract import extract


def test_closing_mark_opening_a_paragraph_opens_a_quote() -> None:
    paragraphs = ["” … we delivered everything we promised,” Tom Hale wrote."]
    found = extract(paragraphs)
    assert [q.text for q in found.quotes] == ["… we delivered everything we promised,"]
    span = found.quotes[0].spans[0]
    assert paragraphs[0][span.start : span.end] == found.quotes[0].text


def test_lone_closing_mark_opens_nothing() -> None:
    paragraphs = ["” and nothing closes this paragraph at all, as far as anyone can tell."]
    assert extract(paragraphs).quotes == ()


def test_title_with_two_capitalised_words_is_no_quote() -> None:
    paragraphs = ["Tom Hale spoke on CNN’s “State of the Union.” He said little."]
    assert extract(paragraphs).quotes == ()
