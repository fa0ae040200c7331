"""The one sentence splitter of the text package."""

from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsconv.text import sentences


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ("He came. She left.", ["He came.", " She left."]),
        ("Mr. Smith came. Gen. Lee left.", ["Mr. Smith came.", " Gen. Lee left."]),
        (
            "J. R. Smith voted in the U.S. Senate. It passed.",
            ["J. R. Smith voted in the U.S. Senate.", " It passed."],
        ),
        ("He lives in Fresno, Calif. on a farm.", ["He lives in Fresno, Calif. on a farm."]),
        (
            "“Go!” he said. “Now.” It was 3 p.m. today.",
            ["“Go!” he said.", " “Now.”", " It was 3 p.m. today."],
        ),
        ("What?! No way... 2016 was worse.", ["What?!", " No way...", " 2016 was worse."]),
        ("(It rained.) Then it snowed", ["(It rained.)", " Then it snowed"]),
    ],
)
def test_sentences_end_at_stops_before_capitals_but_not_after_abbreviations(
    paragraph: str, expected: list[str]
) -> None:
    bounds = [0, *sentences.ends(paragraph)]
    assert [paragraph[a:b] for a, b in pairwise(bounds)] == expected


def test_the_last_sentence_ending_before_a_position() -> None:
    paragraph = "One. Two. Three"
    assert sentences.end_before(paragraph, 0, len(paragraph)) == len("One. Two.")
    assert sentences.end_before(paragraph, 0, 6) == len("One.")
    assert sentences.end_before(paragraph, 4, 6) == 4  # none after the start


@given(st.text(alphabet="aA1 .!?”“\"()'’…-\n", max_size=80))
def test_ends_are_ordered_positions_closing_on_a_stop(paragraph: str) -> None:
    ends = sentences.ends(paragraph)
    assert list(ends) == sorted(set(ends)) and ends[-1] == len(paragraph)
    assert all(paragraph[e - 1] in '.!?…"”’)]' for e in ends[:-1])
