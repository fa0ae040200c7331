"""The one tokeniser of the text package: words at both grains, and the tail scan that must find
what a scan of the whole text finds."""

from __future__ import annotations

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
