"""Words of a text: the one tokeniser of the text package (``sentences`` is its one sentence splitter).

A text has words at three grains, and every module of the package takes them from here:

- a *spaced* word is what stands between white space, with the punctuation that clings to it
  ("Smith,", "“We", "(D-Va.)"): attribution reads clause boundaries from that punctuation;
- a *word* is a run of letters, digits and the marks found inside words ("U.S.", "co-chair",
  "O’Brien", "AT&T"): titles and roles are read from those, the punctuation around them being a
  gap between words;
- a *name-candidate token* is what a name may be built from: initials ("U.S."), an "&" between
  spaces, a small word that may join a name's words ("of", "de", ``name_connectors.txt``,
  ``name_particles.txt``), a prefixed name ("al-Saadani", ``name_prefixes.txt``) or a word that
  starts with no digit or ASCII lower case ("Kaine", "O’Brien", "AT&T"): ``names`` builds its
  candidates from those.

``bare`` folds a spaced word for a lexicon look-up, ``letters`` gives the letter-and-digit runs a
text is compared by. All patterns are linear: single character classes, repeated once.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import NamedTuple

from newsconv.text import lexicons

SPACED = re.compile(r"\S+")
WORD = re.compile(r"[\w’'\-.&]+")
NOT_WORD = re.compile(r"[^\w’'\-.&]")
LETTERS = re.compile(r"\w+")
LETTERS_BEFORE = re.compile(r"\b(\w+)$")  # the letters right before a position ("Gen" before ".")
CLINGING = ".,;:!?()[]\"“”‘’'"  # punctuation that ``bare`` strips from a spaced word
TAIL = 160  # characters of text first scanned by ``last_words``
# A word that starts with no digit or ASCII lower case, its inner marks each followed by letters.
NAME_WORD = r"[^\W\d_a-z]\w*(?:[’'\-.&][^\W_]+)*"
LETTER_WORD = re.compile(r"[^\W\d_][\w’'.-]*")  # a word that starts with a letter ("de", "Smith's")
NEXT_WORD = re.compile(r" (\w+)(?![\w-])")  # the word after a space, no hyphen after it


class NameGrain(NamedTuple):
    """The patterns of the name-candidate grain, built from the name lexicons once."""

    token: re.Pattern[str]  # a name-candidate token
    prefixed: re.Pattern[str]  # a prefixed name's start ("al-S"): a name despite its lower case


@cache
def _name_grain() -> NameGrain:
    """The name-candidate patterns. Every alternative of ``token`` opens with a character class or
    a literal, which the regex engine tests in one step before trying it, so the scan moves fast
    over lower-case text (an optional group such as "(?:al-)?" would be tried in full)."""
    small = sorted((lexicons.words("name_connectors.txt") - {"&"}) | lexicons.words("name_particles.txt"))
    prefixes = "|".join(map(re.escape, sorted(lexicons.words("name_prefixes.txt"))))
    token = re.compile(
        r"[A-Z]\.(?:[A-Z]\.)+|&(?<= &)(?= )"
        rf"|\b(?:(?:{'|'.join(map(re.escape, small))})\b(?![’'\-.&]\w)"
        rf"|(?:{prefixes})-{NAME_WORD}|{NAME_WORD})"
    )
    return NameGrain(token, re.compile(rf"(?:{prefixes})-[^\W\d_a-z]"))


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


def last_words(text: str, count: int, reach: int = TAIL) -> list[re.Match[str]]:
    """The words at the end of ``text``, at least ``count`` of them when it has that many. Only a
    tail is scanned (``reach`` characters, doubled until it holds ``count`` words), from just
    after a character that ends a word, so the words found are those a scan of the whole text
    finds there: a long paragraph is not re-read for each name in it. How many more than
    ``count`` come back depends on ``reach``."""
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


def name_tokens(text: str) -> Iterator[re.Match[str]]:
    """The name-candidate tokens of a text, with their positions. A token may still stand inside
    a longer word ("-Smith" after a hyphen) or be a lower-case word that joins no name: the caller
    judges that from the text around it."""
    return _name_grain().token.finditer(text)


def prefixed(word: str) -> bool:
    """Whether a word opens with a name prefix and a capital ("al-Saadani", "bin-Laden")."""
    return _name_grain().prefixed.match(word) is not None


def next_word(text: str, position: int) -> str | None:
    """The word after the space at ``position``, when no hyphen continues it; None when no space
    and word stand there."""
    found = NEXT_WORD.match(text, position)
    return found[1] if found else None


def letter_words(text: str) -> list[str]:
    """The words of a text that start with a letter, marks inside words kept ("U.S.", "O’Brien")."""
    return LETTER_WORD.findall(text)
