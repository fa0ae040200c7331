"""Plain text to article layout: headline, byline, dateline, body paragraphs and publisher.

Site furniture (trailers, promos, embedded-post placeholders, photo credits, editor's notes,
share prompts) is recognised by the marker lists in ``lexicon/`` and left out of the body.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import pairwise

from newsconv.text import lexicons, tokens
from newsconv.text.names import is_title_word

_TERMINAL = ".!?:;\"'”’»)]…"
_BULLET = re.compile(r"[-*•–—]\s")
# a word of a name in a byline: capitalised, or a small word inside names (``byline_name_words.txt``)
_NAME_WORD = rf"(?:[A-Z][\w.'’-]*|{lexicons.alternation(lexicons.words('byline_name_words.txt'))})"
_BYLINE = re.compile(
    rf"(?:By|BY|Written by|Reported by)\s+[A-Z][\w.'’-]*(?:\s+{_NAME_WORD})*(?:\s*[,|/—–-]\s*.*)?"
)
_BYLINE_MAX_WORDS = 12
_LINK_TITLE_MAX_WORDS = 15
_CREDIT_MAX_NAME_WORDS = 4
_CREDIT_MAX_CHARS = 80  # a credit line is short; longer lines are not searched for one
_ALNUM = re.compile(r"[^\W_]")
_CREDIT_SPLIT = re.compile(r"[\s/|,&]+")
_CAPTION_CREDIT = re.compile(r"\((?P<credit>[^()]{1,80})\)\.?$")
_CREDIT_LABEL = re.compile(r"\s*(?P<label>[A-Za-z]+)\s*(?::|\s+by\s)")  # "Photo: ", "Picture by "
_CREDIT_TAIL = re.compile(r"(?:\s+via\s+|\s*/\s*)(?P<agency>[^/]+)$")  # "… via Getty Images"
_SIGNATURE_MAX_WORDS = 5
_NOT_IN_CAPTION = ':;?!"“”()'  # a line holding one says more than a name and a role
_CAPTION_NAME_WORDS = (2, 4)
_ALPHA_WORD = re.compile(r"[^\W\d_]++(?:['’.-][^\W\d_]*+)*+")  # "minister", "vice-president", "Acme's"
_CAPTION_ROLE_WORDS = 10
_WRAPPED_OPEN_SHARE = 0.5
_WRAPPED_LOWER_SHARE = 0.25

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_CAPS_PLACE = r"[A-Z][A-Z.'’-]*[A-Z.](?: [A-Z][A-Z.'’-]*[A-Z.]){0,3}"
_TITLE_PLACE = r"[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}"
_REGION = r"(?:, [A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*){0,2})?"
_DATE = rf"(?:,? {_MONTH} \d{{1,2}}(?:, \d{{4}})?)"
_AGENCY = r"(?:\s*\([A-Z][A-Za-z&.' -]{0,30}\))"
_DASH = r"(?:\s*(?:—|–|―|--)\s*|\s+-\s+)"
_DATELINE = re.compile(
    rf"(?P<dateline>{_CAPS_PLACE}{_REGION}{_DATE}?{_AGENCY}?"
    rf"|{_TITLE_PLACE}{_REGION}(?:{_DATE}{_AGENCY}?|{_AGENCY})){_DASH}(?=\S)"
)


@dataclass(frozen=True, slots=True)
class Layout:
    """The parts of a plain-text article, before any extraction."""

    headline: str
    byline: str | None
    dateline: str | None
    paragraphs: tuple[str, ...]
    publisher: str | None


@dataclass(frozen=True, slots=True)
class _Line:
    """One non-empty line: its text with spaces collapsed, its block and whether it is indented."""

    text: str
    block: int
    indented: bool


def split(text: str) -> Layout:
    """Split decoded article text into headline, byline, dateline, paragraphs and publisher."""
    lines = _lines(text)
    while lines and _is_boilerplate(lines[0].text):
        lines = lines[1:]
    if not lines:
        return Layout("", None, None, (), None)
    headline, lines = lines[0].text, lines[1:]
    label = _key(lines[0].text) if lines else ""
    if label in _section_labels():
        lines = lines[1:]
    byline = None
    if lines and _is_byline(lines[0].text):
        byline, lines = lines[0].text, lines[1:]
    units = _units(lines)
    publisher = _publisher(units)
    body = _without_boilerplate(units)
    if label in _section_labels() and label.startswith("letter"):
        body = [text for text in body if not _is_signature(text)]
    dateline, body = _dateline(body)
    return Layout(headline, byline, dateline, tuple(body), publisher)


def _lines(text: str) -> list[_Line]:
    """Non-empty lines with the number of the blank-line-separated block they belong to."""
    lines: list[_Line] = []
    block = 0
    for raw in text.split("\n"):
        collapsed = " ".join(tokens.split(raw))
        if not collapsed:
            block += 1
            continue
        lines.append(_Line(collapsed, block, raw[:1].isspace()))
    return lines


def _units(lines: Sequence[_Line]) -> list[list[_Line]]:
    """Paragraph candidates: one line each (a lower-case line continues an unfinished one before
    it), or whole blocks split at indents and bullets when the text is hard-wrapped."""
    wrapped = _hard_wrapped(lines)
    units: list[list[_Line]] = []
    for line in lines:
        previous = units[-1][-1] if units else None
        if previous is None:
            starts = True
        elif wrapped:
            starts = line.block != previous.block or (line.indented and not previous.indented)
            starts = starts or bool(_BULLET.match(line.text))
        else:
            goes_on = line.block == previous.block or previous.text[-1] not in _TERMINAL
            starts = not (line.text[0].islower() and goes_on)
        if starts:
            units.append([line])
        else:
            units[-1].append(line)
    return units


def _hard_wrapped(lines: Sequence[_Line]) -> bool:
    """Whether line breaks inside blocks fall inside sentences, as in hard-wrapped text: most of
    them where no sentence ends, and a good share of them before a lower-case word."""
    breaks = [(a.text, b.text) for a, b in pairwise(lines) if a.block == b.block]
    open_ends = sum(1 for a, b in breaks if a[-1] not in _TERMINAL and not _BULLET.match(b))
    lower_starts = sum(1 for _, b in breaks if b[0].islower())
    return (
        bool(breaks)
        and open_ends >= _WRAPPED_OPEN_SHARE * len(breaks)
        and lower_starts >= _WRAPPED_LOWER_SHARE * len(breaks)
    )


def _text(unit: Sequence[_Line]) -> str:
    return " ".join(line.text for line in unit)


def _without_boilerplate(units: Sequence[list[_Line]]) -> list[str]:
    """The texts of the units that are article body: no trailers, notes, promos or credits."""
    body: list[str] = []
    in_trailer = False
    note_block: int | None = None
    for unit in units:
        text = _text(unit)
        if note_block is not None and unit[0].block == note_block:
            continue
        note_block = None
        if _key(text) in _trailer_headings():
            in_trailer = True
        elif in_trailer and (_is_link_title(text) or _is_boilerplate(text)):
            continue
        elif (note := _editor_note_start(text)) is not None:
            note_block = unit[-1].block
            if note and not _is_boilerplate(text[:note].rstrip()):
                body.append(text[:note].rstrip())
        elif not _is_boilerplate(text):
            in_trailer = False
            body.append(text)
    return body


def _is_signature(text: str) -> bool:
    """Whether a line of a letters page signs a letter: a name, a town or an @handle."""
    words = tokens.split(text.lstrip("—–- "))
    return 0 < len(words) <= _SIGNATURE_MAX_WORDS and all(w[0].isupper() or w[0] == "@" for w in words)


def _dateline(body: list[str]) -> tuple[str | None, list[str]]:
    """The dateline opening the first paragraph, and the body with it removed."""
    match = _DATELINE.match(body[0]) if body else None
    if match is None:
        return None, body
    return match["dateline"].strip(), [body[0][match.end() :], *body[1:]]


def _publisher(units: Iterable[Sequence[_Line]]) -> str | None:
    """The publisher named by a boilerplate line ("a newsletter from The Cambodia Daily")."""
    for unit in units:
        text = _text(unit)
        if not _is_boilerplate(text):
            continue
        for pattern in lexicons.patterns("publisher_patterns.txt"):
            match = pattern.search(text)
            if match:
                return match["publisher"].strip(" .,")
    return None


def _is_byline(text: str) -> bool:
    return bool(_BYLINE.fullmatch(text)) and len(tokens.split(text)) <= _BYLINE_MAX_WORDS


def _is_link_title(text: str) -> bool:
    return text[-1] not in _TERMINAL and len(tokens.split(text)) <= _LINK_TITLE_MAX_WORDS


def _editor_note_start(text: str) -> int | None:
    """Where an editor's note opens in a line: at its start or after a sentence; None if nowhere."""
    match = _editor_note_pattern().search(text)
    return match.start() if match else None


def _is_boilerplate(text: str) -> bool:
    """Whether a line is site furniture: no letters or digits, a listed pattern, or a photo
    credit."""
    if (
        not _ALNUM.search(text)
        or _names_a_role(text)
        or any(
            pattern.fullmatch(text) for pattern in lexicons.patterns("boilerplate_lines.txt", re.IGNORECASE)
        )
    ):
        return True
    credit = text.strip(" .()")
    source, _, author = credit.partition("/")
    if _credited(source, author):  # "AP Photo/Evan Vucci"
        return True
    caption = _CAPTION_CREDIT.search(text)  # a caption closed by "(FABRICE COFFRINI/AFP/Getty Images)"
    if caption is not None and _labelled_credit(caption["credit"]):
        return True  # "… leaves Downing Street on Monday (Photo: PA)"
    if caption is not None and "/" in caption["credit"]:
        credit = caption["credit"].strip(" .")
    if len(credit) > _CREDIT_MAX_CHARS:
        return False
    agency = _CREDIT_TAIL.search(credit)  # "Scott Olson via Getty Images", "John Moore/Getty Images"
    while agency is not None and "/" in credit[: agency.start()] and _credited(agency["agency"], ""):
        credit = credit[: agency.start()]  # "Jane Doe / AFP / Getty Images": agencies peeled off
        agency = _CREDIT_TAIL.search(credit)
    return agency is not None and _credited(agency["agency"], credit[: agency.start()])


def _names_a_role(text: str) -> bool:
    """Whether a line is only a person's name and role, as a caption under a photo is ("Jane Smith,
    the health minister", "The health minister, Jane Smith."): two parts between one comma, a
    name of capitalised words and a phrase holding a title word with no verb or clause word."""
    line = text.rstrip(". ")
    if any(ch in line for ch in _NOT_IN_CAPTION) or line.count(",") != 1:
        return False
    first, second = (tokens.split(part) for part in line.split(","))
    return (_is_name(first) and _is_role(second)) or (_is_role(first) and _is_name(second))


def _is_name(words: Sequence[str]) -> bool:
    """Whether words are a person's name: two to four capitalised words, initials or particles,
    none a title word or a capital that is never a name."""
    return (
        _CAPTION_NAME_WORDS[0] <= len(words) <= _CAPTION_NAME_WORDS[1]
        and all(w[:1].isupper() or w in lexicons.words("name_particles.txt") for w in words)
        and words[0] not in lexicons.words("stop_capitals.txt")
        and not any(is_title_word(w) for w in words)
    )


def _is_role(words: Sequence[str]) -> bool:
    """Whether words are a role: a few words holding a title word and a lower-case word ("the
    health minister", "chief executive of Acme"), none a verb of saying, a clause, filler or
    linking word, a past form or participle, or anything but letters ("- Best new musical -")."""
    small = lexicons.speaker_words("clause", "conj", "filler", "cue")
    return (
        0 < len(words) <= _CAPTION_ROLE_WORDS
        and all(_ALPHA_WORD.fullmatch(w) for w in words)
        and any(w.islower() for w in words)  # a title-case headline is no caption
        and any(is_title_word(w) for w in words)
        and not any(
            w.lower() in small
            or w in lexicons.words("reporting_verbs.txt")
            or (w.islower() and w.endswith(("ed", "ing")) and not is_title_word(w))
            for w in words
        )
    )


def _labelled_credit(credit: str) -> bool:
    """Whether a bracket's words are a labelled photo credit: "Photo: PA", "Pictures by Jane Doe"."""
    label = _CREDIT_LABEL.match(credit)
    return label is not None and label["label"].lower().removesuffix("s") in lexicons.words(
        "caption_labels.txt"
    )


def _credited(source: str, author: str) -> bool:
    """Whether ``source`` is all credit words and ``author`` a short capitalised name (or none)."""
    parts = [t for t in _CREDIT_SPLIT.split(_fold(source)) if t]
    names = tokens.split(author)
    return (
        bool(parts)
        and all(t in _credit_words() for t in parts)
        and len(names) <= _CREDIT_MAX_NAME_WORDS
        and all(n[0].isupper() for n in names)
    )


def _fold(text: str) -> str:
    return text.casefold().replace("’", "'").strip()


def _key(text: str) -> str:
    """A line as a lexicon key: folded, without punctuation at its ends."""
    return _fold(text).strip(" .:;,!?-–—|>»")


@cache
def _trailer_headings() -> frozenset[str]:
    return frozenset(_fold(entry) for entry in lexicons.words("trailer_headings.txt"))


@cache
def _section_labels() -> frozenset[str]:
    return frozenset(_fold(entry) for entry in lexicons.words("section_labels.txt"))


@cache
def _credit_words() -> frozenset[str]:
    return frozenset(_fold(entry) for entry in lexicons.words("credit_words.txt"))


@cache
def _editor_note_pattern() -> re.Pattern[str]:
    openings = "|".join(re.escape(entry).replace("'", "['’]") for entry in lexicons.words("editor_notes.txt"))
    return re.compile(rf"(?:^|(?<=[.!?)\]”\"])|(?<=[.!?)\]”\"]\s))(?:{openings})", re.IGNORECASE)
