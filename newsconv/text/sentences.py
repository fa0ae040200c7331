"""Sentences of a paragraph: the one sentence splitter of the text package.

A sentence ends at a run of stops (".", "!", "?", "…") and the closing quotation marks and
brackets after it, where the next word starts with a capital or a digit (maybe after an opening
mark) or the paragraph ends; not after an abbreviation that never ends a sentence ("Mr.",
"Gen.", an initial "J."), listed in ``lexicon/abbreviations.txt`` with the honorifics and the
abbreviated place names of the lexicons.
"""

from __future__ import annotations

import bisect
import re
from functools import cache, lru_cache

from newsconv.text import lexicons, tokens

# Possessive repeats and the look-behind keep a long run of stops linear: only its first
# character is tried as a start, and nothing is given back. The look-behind follows that first
# stop, so the pattern opens with a character class and the engine skips ahead to stops.
SENTENCE_END = re.compile(r"[.!?…](?<![.!?…].)[.!?…]*+[\"”’)\]]*+(?=\s+[\"“‘(]?[A-Z0-9]|\s*$)")
ABBREVIATION_WINDOW = 12  # characters looked at before a stop for an abbreviation
CACHED_PARAGRAPHS = 1024


@cache
def abbreviations() -> frozenset[str]:
    """Words that, followed by a full stop, end no sentence: the listed abbreviations, the
    honorifics and the abbreviated place names ("Calif."), without their stops."""
    return (
        lexicons.words("abbreviations.txt")
        | {h for h in lexicons.honorifics() if not h.endswith(".")}
        | {p[:-1] for p in lexicons.table("places.tsv") if p.endswith(".") and " " not in p}
    )


def _abbreviated(paragraph: str, stop: int) -> bool:
    """Whether the full stop at ``stop`` closes an abbreviation or an initial ("J.")."""
    if paragraph[stop] != ".":
        return False
    word = tokens.letters_before(paragraph, stop, ABBREVIATION_WINDOW)  # "Gen", "S" in "U.S"
    if word is None:
        return False
    return (len(word) == 1 and word.isupper()) or word in abbreviations()


@lru_cache(maxsize=CACHED_PARAGRAPHS)
def ends(paragraph: str) -> tuple[int, ...]:
    """Character positions where the sentences of a paragraph end; the last is its length."""
    found = {m.end() for m in SENTENCE_END.finditer(paragraph) if not _abbreviated(paragraph, m.start())}
    return tuple(sorted(found | {len(paragraph)}))


def end_before(paragraph: str, start: int, stop: int) -> int:
    """The end of the last sentence that ends after ``start`` and before ``stop``; ``start`` if
    none does."""
    found = ends(paragraph)
    k = bisect.bisect_left(found, stop) - 1
    return found[k] if k >= 0 and found[k] > start else start
