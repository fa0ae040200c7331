"""A person's title and affiliation from the words around a mention: a title before the name
("Prime Minister Hun Sen", "defence lawyer Reid Weingarten") or an appositive after it
("Yeng Virak, executive director of Community Legal Education Center,").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsconv.text import lexicons
from newsconv.text.entities import Entities, Found, Kind
from newsconv.text.names import is_title_part, is_title_word

APPOSITIVE = re.compile(r",\s+(?:(?:a|an|the)\s+)?([^,.;:()“”\"]{2,160}?)\s*(?:[,.;:()“”\"]|$)")
ORG_LINK = re.compile(r"\s+(?:for|of|at|with|from|in)\s+(?:the\s+)?(?=\S*[A-Z])")
WORD = re.compile(r"[\w’'\-.&]+")
NOT_WORD = re.compile(r"[^\w’'\-.&]")
MAX_TITLE_WORDS = 12
TAIL = 160  # characters of text first scanned for the words before a name


def _last_words(text: str) -> list[re.Match[str]]:
    """The words at the end of ``text``, at least ``MAX_TITLE_WORDS`` of them when it has that
    many. Only a tail is scanned, from just after a character that ends a word, so the words
    found are those a scan of the whole text finds there; a long paragraph is not re-read for
    each name in it."""
    reach = TAIL
    while True:
        start = len(text) - reach
        if start <= 0:
            return list(WORD.finditer(text))
        gap = NOT_WORD.search(text, start)
        words = list(WORD.finditer(text, gap.end())) if gap else []
        if len(words) >= MAX_TITLE_WORDS:
            return words
        reach *= 2


class Roles:
    """Titles and affiliations of the persons of one article."""

    def __init__(self, paragraphs: Sequence[str], entities: Entities) -> None:
        self.paragraphs = paragraphs
        self.entities = entities

    def _org_at(self, paragraph: int, start: int, end: int) -> tuple[int, Found] | None:
        for r in self.entities.at(paragraph):
            if start <= r.candidate.start < end and r.entity.kind in (Kind.ORG, Kind.PLACE):
                return r.candidate.start, r.entity
        return None

    def _appositive(self, paragraph: int, end: int) -> tuple[str | None, str | None] | None:
        text = self.paragraphs[paragraph]
        m = APPOSITIVE.match(text, end)
        if not m:
            return None
        phrase, base = m.group(1), m.start(1)
        words = phrase.split()
        if not any(is_title_word(w) for w in words[:6]):
            return None
        link = ORG_LINK.search(phrase)
        title = re.sub(r"\s+(?:the|a|an)$|[’']s$", "", phrase[: link.start()] if link else phrase).strip()
        org = self._org_at(paragraph, base + (link.start() if link else len(phrase)), base + len(phrase))
        title = " ".join(title.split()[:MAX_TITLE_WORDS])
        return title or None, org[1].name if org else None

    def _before(self, paragraph: int, start: int, end: int) -> tuple[str | None, str | None] | None:
        text = self.paragraphs[paragraph][:start]
        if text.endswith(", ") and self.paragraphs[paragraph][end : end + 1] == ",":
            text = text[:-2]
            start -= 2
        words = _last_words(text)
        if not words or not is_title_word(words[-1].group()) or text[words[-1].end() :].strip():
            return None
        k = len(words) - 1
        while k > 0 and len(words) - k < MAX_TITLE_WORDS:
            w = words[k - 1].group()
            gap = text[words[k - 1].end() : words[k].start()]
            if gap.strip() or not (
                is_title_part(w) or (w[:1].isupper() and w not in lexicons.words("stop_capitals.txt"))
            ):
                break
            k -= 1
        first = words[k].start()
        org = self._org_at(paragraph, first, start)
        return text[first:start].strip(), org[1].name if org else None

    def of(self, person: Found) -> tuple[str | None, str | None]:
        """The title and affiliation of a person, from the first mention that gives one."""
        title: str | None = None
        affiliation: str | None = None
        for r in self.entities.resolved:
            if r.entity is not person:
                continue
            c = r.candidate
            found = self._appositive(c.paragraph, c.end) or self._before(
                c.paragraph, c.start - len(c.honorific or "") - (1 if c.honorific else 0), c.end
            )
            if found:
                title = title or found[0]
                affiliation = affiliation or found[1]
            if title is None and c.title:
                title = c.title
            if title and affiliation:
                break
        return title, affiliation
