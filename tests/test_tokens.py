"""The one tokeniser of the text package: words at both grains, and the tail scan that must find
what a scan of the whole text finds."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st

from newsconv.text import tokens

PROSE = st.text(alphabet='Aa b.C,-’&:;“”‘"()[]—–!?…\n\t1', max_size=400)
COUNT = 12


def test_spaced_words_keep_their_punctuation_and_words_leave_it_out() -> None:
    text = "“We won,” said Tim Kaine (D-Va.), the U.S. co-chair of AT&T’s board."
    assert [m.group() for m in tokens.spaced(text)][:3] == ["“We", "won,”", "said"]
    assert "(D-Va.)," in tokens.split(text)
    assert [m.group() for m in tokens.words(text)][:6] == ["We", "won", "said", "Tim", "Kaine", "D-Va."]
    assert "AT&T’s" in [m.group() for m in tokens.words(text)]
    assert tokens.bare("“Said,”") == "said"
    assert tokens.first("  Smith, a lawyer") == "Smith,"
    assert tokens.first("   ") == ""
    assert tokens.letters("U.S.-based, don’t") == ["U", "S", "based", "don", "t"]


def test_letters_before_a_stop() -> None:
    text = "Gen. Smith and the U.S. army"
    assert tokens.letters_before(text, 3, 12) == "Gen"
    assert tokens.letters_before(text, text.index("S. army") + 1, 12) == "S"
    assert tokens.letters_before("end (", 5, 12) is None


@given(PROSE, st.integers(min_value=0, max_value=420))
def test_spaced_words_of_a_stretch_are_those_between_its_spaces(text: str, start: int) -> None:
    stretch = [m.group() for m in tokens.spaced(text, start)]
    assert stretch == text[start:].split()


@given(PROSE)
def test_the_last_words_are_read_from_a_tail_as_from_the_whole_text(text: str) -> None:
    whole = [m.span() for m in tokens.WORD.finditer(text)]
    tail = [m.span() for m in tokens.last_words(text, COUNT)]
    assert tail == whole[len(whole) - len(tail) :]
    assert len(tail) >= min(len(whole), COUNT)


def test_name_candidate_tokens_keep_initials_small_words_and_prefixed_names() -> None:
    text = "the U.S. envoy met al-Saadani of AT & T and Charles de Gaulle’s aide, a Paris-based O’Brien"
    found = [m.group() for m in tokens.name_tokens(text)]
    assert found == [
        "the",
        "U.S.",
        "al-Saadani",
        "of",
        "AT",
        "&",
        "T",
        "and",
        "Charles",
        "de",
        "Gaulle’s",
        "Paris-based",
        "O’Brien",
    ]
    assert tokens.prefixed("al-Saadani") and tokens.prefixed("bin-Laden")
    assert not tokens.prefixed("al-qaeda") and not tokens.prefixed("also")
    assert tokens.next_word("McDonald's Corp said", len("McDonald's")) == "Corp"
    assert tokens.next_word("Smith's co-founder", len("Smith's")) is None
    assert tokens.letter_words("AMT: 1,200 U.S. O’Brien's") == ["AMT", "U.S.", "O’Brien's"]


@given(PROSE)
def test_name_candidate_tokens_lie_apart_in_order(text: str) -> None:
    spans = [m.span() for m in tokens.name_tokens(text)]
    assert all(a[1] <= b[0] and a[0] < a[1] for a, b in pairwise(spans))
