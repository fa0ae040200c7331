"""Words of a text: the one tokeniser of the text package (``sentences`` is its one sentence splitter).

A text has words at two grains, and every module of the package takes them from here:

- a *spaced* word is what stands between white space, with the punctuation that clings to it
  ("Smith,", "“We", "(D-Va.)"): attribution reads clause boundaries from that punctuation;
- a *word* is a run of letters, digits and the marks found inside words ("U.S.", "co-chair",
  "O’Brien", "AT&T"): titles and roles are read from those, the punctuation around them being a
  gap between words.

``bare`` folds a spaced word for a lexicon look-up, ``letters`` gives the letter-and-digit runs a
text is compared by. All patterns are linear: single character classes, repeated once.
"""

from __future__ import annotations

import re

SPACED = re.compile(r"\S+")
WORD = re.compile(r"[\w’'\-.&]+")
NOT_WORD = re.compile(r"[^\w’'\-.&]")
LETTERS = re.compile(r"\w+")
LETTERS_BEFORE = re.compile(r"\b(\w+)$")  # the letters right before a position ("Gen" before ".")
CLINGING = ".,;:!?()[]\"“”‘’'"  # punctuation that ``bare`` strips from a spaced word
TAIL = 160  # characters of text first scanned by ``last_words``


def spaced(text: str, start: int = 0, end: int | None = None) -> list[re.Match[str]]:
    """The spaced words of ``text[start:end]``, with their positions in ``text``."""
    return list(SPACED.finditer(text, start, len(text) if end is None else end))


def split(text: str) -> list[str]:
    """The spaced words of a text, as strings."""
    return text.split()


def first(text: str) -> str:
    """The first spaced word of a text; "" when it has none."""
    found = text.split(maxsplit=1)
    return found[0] if found else ""


def bare(word: str) -> str:
    """A spaced word folded for a lexicon look-up: lower case, without the punctuation around it."""
    return word.strip(CLINGING).lower()


def words(text: str, start: int = 0) -> list[re.Match[str]]:
    """The words of ``text`` from ``start`` on, with their positions."""
    return list(WORD.finditer(text, start))


def last_words(text: str, count: int) -> list[re.Match[str]]:
    """The words at the end of ``text``, at least ``count`` of them when it has that many. Only a
    tail is scanned, from just after a character that ends a word, so the words found are those
    a scan of the whole text finds there: a long paragraph is not re-read for each name in it."""
    reach = TAIL
    while True:
        start = len(text) - reach
        if start <= 0:
            return words(text)
        gap = NOT_WORD.search(text, start)
        found = words(text, gap.end()) if gap else []
        if len(found) >= count:
            return found
        reach *= 2


def letters(text: str) -> list[str]:
    """The runs of letters and digits of a text, punctuation and marks inside words dropped."""
    return LETTERS.findall(text)


def letters_before(text: str, position: int, window: int) -> str | None:
    """The run of letters and digits that ends at ``position``, looked for within ``window``
    characters before it ("Gen" in "Gen."); None when a non-letter stands right before it."""
    found = LETTERS_BEFORE.search(text, max(0, position - window), position)
    return found[1] if found else None
