"""Only NewsconvErrors escape the API, whatever text it is given (issue 13, defect 4)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsconv
from newsconv.model import Article

_TEXT = st.text(
    st.one_of(st.characters(), st.characters(categories=["Cs"])), max_size=60
)  # lone surrogates too
_FORMATS = [f.name for f in newsconv.FORMATS]


def test_reading_text_with_a_lone_surrogate_is_an_input_error() -> None:
    with pytest.raises(newsconv.InputError, match="surrogate"):
        newsconv.read("Headline\n\nA paragraph with \ud800 in it.")


@settings(max_examples=60, deadline=None)
@given(text=_TEXT, fmt=st.sampled_from(["auto", *_FORMATS]))
def test_read_and_convert_raise_only_newsconv_errors(text: str, fmt: str) -> None:
    for call in (
        lambda: newsconv.read(text, fmt),
        lambda: newsconv.read_document(text, fmt),
        lambda: newsconv.convert(text, "model", from_format=fmt),
    ):
        try:
            call()
        except newsconv.NewsconvError:
            pass


@settings(max_examples=60, deadline=None)
@given(text=_TEXT, fmt=st.sampled_from([f.name for f in newsconv.FORMATS if f.validator]))
def test_validate_returns_findings_for_any_text(text: str, fmt: str) -> None:
    assert isinstance(newsconv.validate(text, fmt), list)


@pytest.mark.parametrize("fmt", [f.name for f in newsconv.FORMATS if f.writable])
def test_writing_an_article_with_a_lone_surrogate_raises_only_a_newsconv_error(fmt: str) -> None:
    article = Article(headline="Bad \ud800 text", paragraphs=("A paragraph \udfff.",), byline=None,
                      dateline=None, language="en")  # fmt: skip
    try:
        document = newsconv.write(article, fmt)
    except newsconv.NewsconvError:
        return
    document.encode("utf-8")  # what was written can be stored
