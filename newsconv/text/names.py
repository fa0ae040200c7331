"""Capitalised name phrases in a paragraph: tokens, sentence starts, honorifics and leading titles.

A *candidate* is a run of capitalised words (with name particles and "of"/"for"/"and" inside
organisation names) that a later step classifies as person, organisation or place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from newsconv.text import lexicons

TOKEN = re.compile(
    r"(?:(?:[A-Z]\.){2,}|\b(?:of|for|and|the|de|da|del|della|der|den|van|von|la|le|du|bin|ibn|al|el|dos|di)\b"
    r"(?![’'\-.&]\w)|\b[^\W\d_a-z]\w*(?:[’'\-.&][^\W_]+)*)"
)
SENTENCE_END = re.compile(r"[.!?…][\"”’)\]]*\s+|[:;]\s+|^\s*[\"“‘(\[—–-]*|[\"“‘]\s*")
POSSESSIVE = ("’s", "'s")
PARTICLES = frozenset(
    {
        "de",
        "da",
        "del",
        "della",
        "der",
        "den",
        "van",
        "von",
        "la",
        "le",
        "du",
        "bin",
        "ibn",
        "al",
        "el",
        "dos",
        "di",
    }
)
CONNECTORS = frozenset({"of", "for", "and", "&", "the"})
SUFFIXES = frozenset(
    {"inc", "corp", "co", "ltd", "plc", "llc", "ag", "sa", "nv", "spa", "group", "bank", "party"}
)
INSIDE_WORD = "-’'.&"
CONNECTOR_GAP = re.compile(r"(?: (?:of|for|and|&|the))* ")
PARTY = re.compile(r"[RDI](?:-[A-Z][\w.]*)?")  # party and state after a US politician's name
ADJECTIVE_ENDINGS = ("ed", "ing", "bound", "born", "made", "style", "era", "wide", "like", "based", "run")
ABBREVIATIONS = frozenset(
    {
        "St",
        "Mt",
        "Ft",
        "Jr",
        "Sr",
        "Inc",
        "Corp",
        "Co",
        "Ltd",
        "Bros",
        "Sen",
        "Rep",
        "Gov",
        "Gen",
        "Col",
        "Capt",
        "Lt",
        "Sgt",
        "Adm",
        "Maj",
        "Cmdr",
        "Prof",
        "Rev",
        "No",
        "Sept",
    }
)


@dataclass(frozen=True, slots=True)
class Token:
    """One word of a paragraph: ``text`` without a possessive ending, ``start:end`` its characters."""

    text: str
    start: int
    end: int
    possessive: bool
    sentence_start: bool

    @property
    def capitalised(self) -> bool:
        """Whether the word starts with a capital letter (or a digit inside a name)."""
        if not self.text[0].isupper():
            return False
        tail = self.text.rsplit("-", 1)[-1]
        return "-" not in self.text or not (tail.islower() and tail.endswith(ADJECTIVE_ENDINGS))


@dataclass(frozen=True, slots=True)
class Candidate:
    """A capitalised phrase: its name part, any honorific and title before it, where it stands."""

    paragraph: int
    start: int
    end: int
    words: tuple[str, ...]
    honorific: str | None
    title: str | None
    sentence_start: bool
    possessive: bool

    @property
    def text(self) -> str:
        """The name part as one string."""
        return " ".join(self.words)


@cache
def _abbreviations() -> frozenset[str]:
    return (
        ABBREVIATIONS
        | {h for h in lexicons.honorifics() if not h.endswith(".")}
        | {p[:-1] for p in lexicons.table("places.tsv") if p.endswith(".")}
    )


def tokenize(paragraph: str) -> list[Token]:
    """The capitalised words of a paragraph and the connectors that may join them, abbreviation
    stops kept, possessive endings split off; a gap between two tokens means other words."""
    starts = {m.end() for m in SENTENCE_END.finditer(paragraph)}
    abbreviations = _abbreviations()
    out = []
    for m in TOKEN.finditer(paragraph):
        text, start, end = m.group(), m.start(), m.end()
        if (text[0].islower() and text not in CONNECTORS and text not in PARTICLES) or (
            start and paragraph[start - 1] in INSIDE_WORD
        ):
            continue
        if (
            end < len(paragraph)
            and paragraph[end] == "."
            and (
                text in abbreviations or text.title() in abbreviations or (len(text) == 1 and text.isupper())
            )
        ):
            text, end = text + ".", end + 1
        possessive = text.endswith(POSSESSIVE)
        if possessive:
            text, end = text[:-2], end - 2
            if not text:
                continue
        out.append(Token(text, start, end, possessive, start in starts))
    return out


def is_title_word(word: str) -> bool:
    """Whether a word heads a person's title or role ("President", "spokesman", "Major-General")."""
    low = word.lower().strip(",")
    heads = lexicons.words("title_words.txt")
    return (
        low in heads or (low.endswith("s") and low[:-1] in heads) or all(p in heads for p in low.split("-"))
    )


def is_title_part(word: str) -> bool:
    """Whether a word may stand in a title: a head word or a modifier ("Vice", "former")."""
    parts = word.lower().split("-")
    modifiers = lexicons.words("title_modifiers.txt")
    return is_title_word(word) or all(is_title_word(p) or p in modifiers for p in parts)


def split_title(words: list[str]) -> tuple[str | None, list[str]]:
    """Leading title words ("Vice President", "UN Secretary-General") and the rest of the name."""
    demonyms = lexicons.words("demonyms.txt")
    known = lexicons.words("organizations.txt")
    places = lexicons.places()
    i, last_head = 0, -1
    while i < len(words) - 1:
        word = words[i]
        if is_title_word(word):
            last_head = i
        elif word == "of" and last_head == i - 1 and i + 2 < len(words) and is_title_part(words[i + 1]):
            last_head = i = i + 1
        elif not (is_title_part(word) or word in demonyms or word in known or word in places):
            break
        i += 1
    if last_head < 0:
        return None, words
    first = next(j for j in range(last_head + 1) if is_title_part(words[j]))
    return " ".join(words[first : last_head + 1]), words[last_head + 1 :]


def _spaced(paragraph: str, start: int, end: int) -> bool:
    """Whether only connectors and single spaces lie between two positions."""
    return CONNECTOR_GAP.fullmatch(paragraph, start, end) is not None


def _runs(tokens: list[Token], paragraph: str) -> list[list[Token]]:
    """Maximal runs of capitalised tokens joined by single spaces, connectors inside allowed."""
    runs: list[list[Token]] = []
    cur: list[Token] = []
    for i, tok in enumerate(tokens):
        joined = bool(cur) and paragraph[cur[-1].end : tok.start] in (" ", "") and not cur[-1].possessive
        inner = tok.text in CONNECTORS or tok.text in PARTICLES
        nxt = next((t for t in tokens[i + 1 : i + 3] if t.text not in CONNECTORS), None)
        if tok.capitalised and (joined or not cur):
            cur.append(tok)
        elif tok.capitalised:
            runs.append(cur)
            cur = [tok]
        elif (
            inner
            and joined
            and nxt is not None
            and nxt.capitalised
            and _spaced(paragraph, tok.end, nxt.start)
        ):
            cur.append(tok)
        else:
            if cur:
                runs.append(cur)
            cur = []
    if cur:
        runs.append(cur)
    return [r for r in runs if r]


def _trim(run: list[Token]) -> list[Token]:
    stops = lexicons.words("stop_capitals.txt")
    while run and (run[-1].text in CONNECTORS or run[-1].text in PARTICLES or run[-1].text in stops):
        run = run[:-1]
    while (
        run
        and (run[0].text in stops or run[0].text in CONNECTORS)
        and run[0].text not in lexicons.honorifics()
    ):
        run = run[1:]
    return run


def _has_org_word(words: list[str]) -> bool:
    org_words = lexicons.words("org_words.txt")
    return (
        "&" in words
        or any(w.lower() in org_words for w in words[1:])
        or (len(words) > 1 and words[0].lower() in org_words)
    )


def _split_org_title(run: list[Token]) -> list[list[Token]]:
    """An organisation run cut where a title starts: "Speaker of the House" keeps "House";
    "Cofinec CEO Stephen Frater" becomes "Cofinec" and "CEO Stephen Frater"."""
    words = [t.text for t in run]
    if not _has_org_word(words) or len(words) < 2:
        return [run]
    if is_title_word(words[0]) and words[1] in CONNECTORS:
        rest = run[1:]
        while rest and rest[0].text in CONNECTORS:
            rest = rest[1:]
        return [rest]
    cut = next((i for i, w in enumerate(words) if w in CONNECTORS and w != "&"), None)
    personal = (
        words[0] in lexicons.honorifics()
        or words[0] in lexicons.first_name_gender()
        or (cut is not None and cut >= 2 and words[cut] == "of" and not _has_org_word(words[:cut]))
    )
    located = (
        cut is not None
        and cut >= 2
        and words[cut] == "of"
        and words[cut - 1].lower().rstrip(".") in SUFFIXES
        and (" ".join(w for w in words[cut + 1 :] if w != "the") in lexicons.places())
    )
    if cut and (personal and not _has_org_word(words[:cut]) or located):
        rest = run[cut:]
        while rest and rest[0].text in CONNECTORS:
            rest = rest[1:]
        return [run[:cut], rest]
    org_words = lexicons.words("org_words.txt")
    for i in range(1, len(words) - 1):
        tail = words[i + 1 :]
        if (
            is_title_word(words[i])
            and _has_org_word(words[:i])
            and len(tail) >= 2
            and not any(w.lower() in org_words or w in CONNECTORS for w in tail)
            and all(w[:1].isupper() for w in tail)
        ):
            return [run[:i], run[i:]]
    return [run]


def _split_connectors(run: list[Token]) -> list[list[Token]]:
    """Split a run at "and"/"of"/"for"/"the" unless it names an organisation as a whole."""
    if _has_org_word([t.text for t in run]) or not any(t.text in CONNECTORS for t in run):
        return [run]
    if any(t.text == "&" for t in run):
        return [run]
    parts: list[list[Token]] = [[]]
    for tok in run:
        if tok.text in CONNECTORS:
            parts.append([])
        else:
            parts[-1].append(tok)
    return [p for p in parts if p]


def _not_a_name(words: list[str]) -> bool:
    """Whether a phrase is a bare title ("Commons Speaker") or names an event ("Iraq War")."""
    if words[-1].lower() in lexicons.words("event_words.txt"):
        return True
    return (
        is_title_word(words[-1])
        and not _has_org_word(words)
        and all(
            is_title_part(w)
            or w in lexicons.words("organizations.txt")
            or w in lexicons.words("demonyms.txt")
            for w in words
        )
    )


def _heading(words: list[str]) -> bool:
    """Whether a phrase is in capitals throughout (a heading or table label, not a name)."""
    return (
        len(words) > 1
        and all(w.isupper() and len(w) > 1 for w in words if w not in CONNECTORS)
        and " ".join(words).title() not in lexicons.places()
    )


def _split_and(run: list[Token]) -> list[list[Token]]:
    """A run cut at each "and": coordinated names are separate names."""
    parts: list[list[Token]] = [[]]
    for tok in run:
        if tok.text == "and":
            parts.append([])
        else:
            parts[-1].append(tok)
    return [p for p in parts if p]


def candidates(paragraph: str, index: int) -> list[Candidate]:
    """The capitalised name phrases of one paragraph, in order."""
    tokens = tokenize(paragraph)
    honorifics = lexicons.honorifics()
    out = []
    pieces = [
        q
        for run in _runs(tokens, paragraph)
        for p in _split_and(_trim(run))
        for q in _split_org_title(_trim(p))
    ]
    for run in pieces:
        run = _trim(run)
        words = [t.text for t in run]
        title, name = (None, words) if _has_org_word(words) else split_title(words)
        whole = title is not None and not any(w in CONNECTORS for w in name)
        for part in [run] if whole else _split_connectors(run):
            part = _trim(part)
            if not part:
                continue
            honorific = None
            if part[0].text in honorifics and len(part) > 1:
                honorific, part = part[0].text, part[1:]
            words = [t.text for t in part]
            title, name = (None, words) if _has_org_word(words) else split_title(words)
            if (
                len(name) > 1
                and name[0] in lexicons.words("demonyms.txt")
                and not _has_org_word(name)
                and " ".join(name) not in lexicons.places()
            ):
                name = name[1:]
            if not name or PARTY.fullmatch(" ".join(name)) or _not_a_name(name) or _heading(name):
                continue
            first = part[len(words) - len(name)]
            if honorific is None and name[0] in honorifics and len(name) > 1:
                honorific, name, first = name[0], name[1:], part[len(words) - len(name) + 1]
            out.append(
                Candidate(
                    index,
                    first.start,
                    part[-1].end,
                    tuple(name),
                    honorific,
                    title,
                    part[0].sentence_start and honorific is None and title is None,
                    part[-1].possessive,
                )
            )
    return out
