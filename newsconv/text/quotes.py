"""Quoted passages: pairs of quotation marks per paragraph, continued over paragraph breaks.

A quote left open at the end of a paragraph continues only if the next paragraph opens with a
quotation mark (the news convention); otherwise it ends with its paragraph, so an unbalanced mark
never swallows the rest of the article. Titles of works and short fragments are not reported.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from newsconv.model import Span
from newsconv.text import sentences, tokens

DOUBLE_OPEN = {"“": '”"', "„": '“”"', "«": "»", '"': '"”'}
SINGLE_OPEN = {"‘": "’"}
MIN_WORDS = 4
MAX_TITLE_WORDS = 10
TITLE_MIN_CONTENT = 2  # "State of the Union": two capitalised words among small ones make a title
TITLE_SMALL_WORDS = frozenset(
    {"a", "an", "the", "of", "and", "or", "in", "on", "for", "to", "at", "by", "with", "from"}
)
MISTURNED = "”"  # a closing mark typed where the paragraph's quote opens
MISTURNED_CLOSE = "“"  # an opening mark typed where a quote closes, after its last punctuation
MARKS = re.compile('["“”„«»‘’]')
REOPEN = re.compile(r"[.!?…][)\]]?\s+$")


@dataclass(frozen=True, slots=True)
class Passage:
    """A quoted passage: its spans, one per paragraph or per re-opened part."""

    spans: tuple[Span, ...]


def _nested(paragraph: str, i: int, start: int, closers: str) -> bool:
    """Whether a curly opening mark at ``i``, inside the quote opened at ``start``, opens a quote
    nested in it ("… what he calls “hell” than …”"): it stands inside a sentence, and two closing
    marks follow before the next opening one, one for it and one for the open quote."""
    if paragraph[i] != "“" or "”" not in closers or _after_sentence(paragraph, start, i):
        return False
    following = paragraph.find("“", i + 1)
    return paragraph.count("”", i + 1, len(paragraph) if following < 0 else following) >= 2


def _space_before(text: str, low: int, i: int) -> int:
    """Where the white space right before ``i`` starts (``i`` when there is none), not before ``low``."""
    j = i
    while j > low and text[j - 1].isspace():
        j -= 1
    return j


def _after_sentence(text: str, low: int, i: int) -> bool:
    """Whether ``text[low:i]`` ends with a sentence's end and white space (``REOPEN``). Only the
    end is searched: a search of the whole stretch at every mark was quadratic in the marks."""
    return REOPEN.search(text, max(low, _space_before(text, low, i) - 2), i) is not None


Segments = list[tuple[int, int]]  # the (start, end) stretches of one quoted passage


@dataclass(slots=True)
class _Scan:
    """A left-to-right scan of a paragraph's quotation marks: the passages found so far and the
    one open (``start`` >= 0), with the marks that close it and how many quotes nest inside it."""

    paragraph: str
    out: list[tuple[Segments, bool]] = field(default_factory=list)
    segments: Segments = field(default_factory=list)
    closers: str = ""
    start: int = -1
    inner: int = 0
    head: int = field(init=False)  # where the paragraph's first visible character stands

    def __post_init__(self) -> None:
        """Find the paragraph's head once, not again for each closing mark (a line of thousands)."""
        self.head = len(self.paragraph) - len(self.paragraph.lstrip())

    def mark(self, i: int, ch: str) -> None:
        """Read the quotation mark ``ch`` at ``i``."""
        text = self.paragraph
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        if self.inner and ch in self.closers:
            self.inner -= 1  # closes a quote nested in the open one
        elif self.start < 0:
            self._open(i, ch, before, after)
        elif ch in DOUBLE_OPEN and before.isspace() and (after.isalnum() or after in "…[("):
            if _nested(text, i, self.start, self.closers):
                self.inner += 1
            elif self.closers != "’" and ch in self.closers + "“":
                self._reopen(i, ch)
            elif ch in self.closers:
                self._close(i)
        elif (ch in self.closers and not (self.closers == "’" and after.isalpha())) or (
            ch == MISTURNED_CLOSE and MISTURNED in self.closers and before in ",.!?" and after.isspace()
        ):  # "…,“ said Smith": an opening mark typed for the closing one
            self._close(i)

    def _open(self, i: int, ch: str, before: str, after: str) -> None:
        """Open a quote at a double mark (a straight one not right after a letter), at a
        closing mark typed for the opening one at the paragraph's head ("” … we will,” he said",
        maybe spaced), or at a single opening mark not inside a word."""
        text = self.paragraph
        if ch in DOUBLE_OPEN and (ch != '"' or not before.isalnum()):
            self.closers, self.start = DOUBLE_OPEN[ch], i + 1
        elif ch == MISTURNED and i <= self.head and text.find(MISTURNED, i + 1) >= 0:
            self.closers, self.start = DOUBLE_OPEN["“"], i + 1 + len(after) - len(after.lstrip())
        elif ch in SINGLE_OPEN and not before.isalnum():
            self.closers, self.start = SINGLE_OPEN[ch], i + 1

    def _reopen(self, i: int, ch: str) -> None:
        """An opening mark while a quote is open: after a sentence's end it re-opens the same
        quote (a paragraph break lost when the text was flattened); otherwise the open quote ends
        at its last full sentence and a new one opens."""
        text = self.paragraph
        if _after_sentence(text, 0, i):
            self.segments.append((self.start, _space_before(text, 0, i)))
        else:
            end = sentences.end_before(text, self.start, i)
            self.segments.append((self.start, end if end > self.start else i))
            self.out.append((self.segments, False))
            self.segments = []
        self.closers, self.start = DOUBLE_OPEN[ch], i + 1

    def _close(self, i: int) -> None:
        """Close the open quote at ``i``."""
        self.segments.append((self.start, i))
        self.out.append((self.segments, True))
        self.segments, self.start = [], -1

    def finish(self) -> list[tuple[Segments, bool]]:
        """The passages found; one still open ends with the paragraph, unclosed."""
        if self.start >= 0:
            self.segments.append((self.start, len(self.paragraph.rstrip())))
            self.out.append((self.segments, False))
        return self.out


def _pairs(paragraph: str) -> list[tuple[Segments, bool]]:
    """The quoted passages of a paragraph: their segments ``(start, end)`` and whether closed.

    A mark that opens a new sentence while a quote is open re-opens it (a paragraph break lost
    when the text was flattened); any other opening mark ends the open quote at its last full
    sentence, so that a forgotten closing mark costs one quote, not the rest of the paragraph.
    """
    scan = _Scan(paragraph)
    for m in MARKS.finditer(paragraph):
        scan.mark(m.start(), m.group())
    return scan.finish()


def passages(paragraphs: Sequence[str]) -> list[Passage]:
    """Every quoted passage of the body, multi-paragraph quotes joined, in reading order."""
    out: list[Passage] = []
    carry: list[Span] = []
    for index, paragraph in enumerate(paragraphs):
        pairs = _pairs(paragraph)
        if carry and not (pairs and paragraph[: pairs[0][0][0][0]].strip() in DOUBLE_OPEN):
            out.append(Passage(tuple(carry)))
            carry = []
        for k, (segments, closed) in enumerate(pairs):
            spans = (
                [*carry, *(Span(index, s, e) for s, e in segments)]
                if k == 0
                else [Span(index, s, e) for s, e in segments]
            )
            carry = []
            if not closed and k == len(pairs) - 1 and index + 1 < len(paragraphs):
                carry = spans
            else:
                out.append(Passage(tuple(spans)))
    if carry:
        out.append(Passage(tuple(carry)))
    return out


def quoted_and_quotes(paragraphs: Sequence[str]) -> tuple[list[tuple[Span, ...]], list[tuple[Span, ...]]]:
    """The spans of every quoted passage (titles of works included: names inside them speak for
    nobody) and, among them, those of the passages that report speech."""
    quoted = [p.spans for p in passages(paragraphs)]
    return quoted, [s for s in quoted if is_quote(text_of(paragraphs, s))]


def text_of(paragraphs: Sequence[str], spans: Sequence[Span]) -> str:
    """The quoted words: the spans' texts joined by a space."""
    return " ".join(paragraphs[s.paragraph][s.start : s.end] for s in spans)


def is_quote(text: str) -> bool:
    """Whether quoted words report speech: four words or more, and not a title in capitals
    ("The Steve Harvey Morning Show")."""
    words = tokens.split(text)
    if len(words) < MIN_WORDS:
        return False
    if len(words) > MAX_TITLE_WORDS:
        return True  # too long for a title: the words need not be read
    content = [w for w in words if w[:1].isalpha() and w.lower() not in TITLE_SMALL_WORDS]
    capitalised = sum(w[0].isupper() for w in content)
    return not (
        len(words) <= MAX_TITLE_WORDS and len(content) >= TITLE_MIN_CONTENT and capitalised == len(content)
    )
