"""Persons, organisations and places from name candidates: classification, then one entity per referent.

Classification uses honorifics, titles, organisation and place words, the gazetteer and given
names; linking folds short forms ("Mr Heenan", "Ms Kang", "OHCHR", "Lords") into the entity
whose full name the article gives.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import Enum
from functools import cache

from newsconv.text import lexicons
from newsconv.text.names import Candidate, candidates, is_title_word

PERSON_CUE_BEFORE = re.compile(r"\b(?:[Aa]ccording to|said|says|told)\s+$")
PLACE_CUE_BEFORE = re.compile(r"\b(?:in|at|from|near|to|outside|across)\s+$")
STRONG_PLACE_CUE = re.compile(
    r"(?:\b(?:in|near)|\b(?:town|city|village|province|region|district|port|capital|suburb) of)\s+$"
)
ORG_CUE_BEFORE = re.compile(r"\bthe\s+$")
ORG_NOUN_AFTER = re.compile(
    r"\s+(?:news\s+)?(?:agency|tribunal|newspaper|daily|firm|company|group|airline|bank|network|channel|label|club|party)\b"
)
REPEATED = 3  # an unknown single word named this often is taken for an organisation
ACRONYM = re.compile(r"(?:[A-Z]\.){2,}|[A-Z][A-Z0-9&]{1,6}s?")


class Kind(Enum):
    """What a candidate names."""

    PERSON = "person"
    ORG = "org"
    PLACE = "place"


@dataclass(slots=True)
class Found:
    """An entity being assembled: its name words, the forms the text uses, where it is named."""

    kind: Kind
    words: tuple[str, ...]
    forms: list[str] = field(default_factory=list)
    mentions: list[tuple[int, int, int]] = field(default_factory=list)
    gender: str = "x"
    titles: list[str] = field(default_factory=list)
    honoured: bool = False

    @property
    def name(self) -> str:
        """The entity's full name."""
        return " ".join(self.words)

    def add(self, cand: Candidate, paragraphs: Sequence[str]) -> None:
        """Record one mention of this entity."""
        form = paragraphs[cand.paragraph][cand.start : cand.end]
        for f in (form, f"{cand.honorific} {form}" if cand.honorific else None):
            if f and f not in self.forms:
                self.forms.append(f)
        self.mentions.append((cand.paragraph, cand.start, cand.end))
        self.honoured = self.honoured or cand.honorific is not None
        if cand.honorific and self.gender == "x":
            self.gender = lexicons.honorifics().get(cand.honorific, "x")
        if cand.title:
            self.titles.append(cand.title)


@dataclass(frozen=True, slots=True)
class Resolved:
    """A candidate with the entity it names."""

    candidate: Candidate
    entity: Found


def _is_acronym(word: str) -> bool:
    """Whether a word is an acronym ("UN", "U.N.", "OHCHR")."""
    return ACRONYM.fullmatch(word) is not None and sum(c.isupper() for c in word) >= 2


@cache
def _person_cue_after() -> re.Pattern[str]:
    """What may follow a person's name: ", who", an age, or a reporting verb."""
    verbs = "|".join(sorted(lexicons.words("reporting_verbs.txt") - {"according"}, key=len, reverse=True))
    return re.compile(rf"^(?:,\s+(?:who|\d+)\b|\s+(?:\w+ly\s+)?(?:{verbs})\b)")


def is_adjective(word: str) -> bool:
    """Whether a word is a nationality or group adjective or noun ("Chinese", "Iraqis")."""
    demonyms = lexicons.words("demonyms.txt")
    return word in demonyms or (word.endswith("s") and word[:-1] in demonyms) or word.title() in demonyms


def _place_name(text: str) -> str | None:
    """The canonical place a phrase names in the gazetteer, trying title case for capitals."""
    places = lexicons.places()
    if text in places:
        return places[text]
    if text.isupper() and len(text) > 3:
        return places.get(text.title()) or places.get(text.title().replace("'S", "'s"))
    return None


def _classify(cand: Candidate, paragraph: str) -> Kind | None:
    """The kind a candidate names on its own evidence; None when a single word says too little."""
    words, text = cand.words, cand.text
    org_words = lexicons.words("org_words.txt")
    known_orgs = lexicons.words("organizations.txt")
    if cand.honorific or cand.title:
        return Kind.PERSON
    if text in known_orgs:
        return Kind.ORG
    if _place_name(text):
        return Kind.PLACE
    low = [w.lower() for w in words]
    if ORG_NOUN_AFTER.match(paragraph, cand.end) and words[0] not in lexicons.first_name_gender():
        return Kind.ORG
    if len(words) > 1 and any(w in org_words for w in low):
        return Kind.ORG
    place_words = lexicons.words("place_words.txt")
    if len(words) > 1 and (
        low[-1] in place_words or (low[0] in place_words and _place_name(" ".join(words[1:])))
    ):
        return Kind.PLACE
    if len(words) == 1:
        own_word = low[0] in org_words and not cand.sentence_start
        return Kind.ORG if _is_acronym(text) or own_word else None
    if words[0] in lexicons.first_name_gender():
        return Kind.PERSON
    if words[-1] in lexicons.words("demonyms.txt"):
        return None
    if any(is_adjective(w) or w in known_orgs or _place_name(w) or _is_acronym(w) for w in words):
        return Kind.ORG
    if any(w[0].isdigit() for w in words):
        return None
    return Kind.PERSON


def _single(cand: Candidate, paragraph: str, repeated: bool) -> Kind | None:
    """The kind of an unlinked single word, from the words around it."""
    word = cand.text
    if word in lexicons.first_name_gender():
        return Kind.PERSON
    before, after = paragraph[: cand.start], paragraph[cand.end :]
    if (word in lexicons.minor_places() and PLACE_CUE_BEFORE.search(before)) or STRONG_PLACE_CUE.search(
        before
    ):
        return Kind.PLACE
    if (_person_cue_after().match(after) and not ORG_CUE_BEFORE.search(before)) or PERSON_CUE_BEFORE.search(
        before
    ):
        return Kind.PERSON
    return Kind.ORG if repeated else None


def _role_after(text: str) -> bool:
    """Whether a mention is followed by an appositive naming a role (", a spokesman for …")."""
    m = re.match(r"(?:’s|'s)?,\s+((?:[\w’'-]+\s+){0,6}[\w’'-]+)", text)
    return m is not None and any(
        is_title_word(w) or w in ("who", "whose", "aged") for w in m.group(1).split()
    )


def _role_before(text: str) -> bool:
    """Whether a mention follows a role word in lower case ("defence lawyer Reid Weingarten"), a
    reporting verb ("said Reid Weingarten") or the dash that signs a quote."""
    if re.search(r"[”\"]\s*[―—–-]+\s*$", text):
        return True
    m = re.search(r"([a-z][\w-]*)\s+$", text)
    return m is not None and (
        is_title_word(m.group(1)) or m.group(1) in lexicons.words("reporting_verbs.txt")
    )


def _initials(words: Sequence[str]) -> set[str]:
    """Acronyms a name could have: initials of its capitalised words, acronyms inside spelled out
    or not, and without a leading organisation word ("Department of Veterans Affairs" → "VA")."""
    caps = [w for w in words if w[:1].isupper()]
    out = _spelled(caps)
    if len(caps) > 2 and caps[0].lower() in lexicons.words("org_words.txt"):
        out |= _spelled(caps[1:])
    return out


def _spelled(caps: Sequence[str]) -> set[str]:
    """The initials of capitalised words, with inner acronyms taken whole, letter by letter or left out."""
    expanded = [c for w in caps for c in (w if _is_acronym(w) else w[0])]
    return {
        "".join(w[0] for w in caps).upper(),
        "".join(expanded).upper(),
        "".join(w[0] for w in caps if not _is_acronym(w)).upper(),
    }


class Entities:
    """The entity table of one article: builds it from candidates and answers look-ups."""

    def __init__(self, paragraphs: Sequence[str]) -> None:
        self.paragraphs = paragraphs
        self.found: list[Found] = []
        self.resolved: list[Resolved] = []
        cands = [c for i, p in enumerate(paragraphs) for c in candidates(p, i)]
        mid = {w for c in cands if not c.sentence_start or len(c.words) > 1 for w in (c.text, *c.words)}
        mid |= {
            c.text
            for c in cands
            if not c.text.endswith("s") and _person_cue_after().match(paragraphs[c.paragraph][c.end :])
        }
        cands = [
            c
            for c in cands
            if self._credible(c, mid)
            and not (
                len(c.words) == 1
                and is_adjective(c.text)
                and not ORG_NOUN_AFTER.match(paragraphs[c.paragraph], c.end)
            )
        ]
        self.counts = Counter(c.text for c in cands)
        kinds = [_classify(c, paragraphs[c.paragraph]) for c in cands]
        for cand, kind in sorted(zip(cands, kinds), key=lambda ck: -len(ck[0].words)):
            if kind is Kind.PERSON and len(cand.words) > 1 and self._person(cand.words) is None:
                self.found.append(Found(Kind.PERSON, cand.words))
        for cand, kind in zip(cands, kinds):
            entity = self._link(cand, kind)
            if entity is not None:
                entity.add(cand, paragraphs)
                self.resolved.append(Resolved(cand, entity))
        unproven = {id(f) for f in self.found if f.kind is Kind.PERSON and not self._proven(f)}
        self.found = [f for f in self.found if id(f) not in unproven]
        self.resolved = [r for r in self.resolved if id(r.entity) not in unproven]
        self.by_paragraph: dict[int, list[Resolved]] = {}
        for r in self.resolved:
            self.by_paragraph.setdefault(r.candidate.paragraph, []).append(r)
        for person in self.found:
            if person.kind is Kind.PERSON and person.gender == "x":
                person.gender = lexicons.first_name_gender().get(person.words[0], "x")

    def _proven(self, person: Found) -> bool:
        """Whether the text shows a name is a person's: a given name, honorific or title, an
        appositive role, "who" or a reporting verb after one of its mentions."""
        if person.words[0] in lexicons.first_name_gender() or person.honoured or person.titles:
            return True
        if len(person.words) > 1 and person.words[-1] in person.forms:
            return True
        for paragraph, start, end in person.mentions:
            text = self.paragraphs[paragraph]
            if _person_cue_after().match(text[end:]) or _role_after(text[end:]) or _role_before(text[:start]):
                return True
        return False

    @staticmethod
    def _credible(cand: Candidate, mid: set[str]) -> bool:
        """A sentence-initial single word counts only if known or also capitalised mid-sentence."""
        if not cand.sentence_start or len(cand.words) > 1:
            return True
        word = cand.text
        return (
            word in mid
            or word in lexicons.places()
            or word in lexicons.words("organizations.txt")
            or _is_acronym(word)
        )

    def _person(self, words: Sequence[str]) -> Found | None:
        """The person whose name contains ``words`` as a run, the most recently added first."""
        n = len(words)
        for f in reversed(self.found):
            if f.kind is Kind.PERSON and any(
                tuple(words) == f.words[i : i + n] for i in range(len(f.words) - n + 1)
            ):
                return f
        return None

    def _single_person(self, word: str) -> Found | None:
        """The person a lone name stands for: by surname, else by given name; among several, the
        one named most often so far, then the one named last."""
        people = [f for f in self.found if f.kind is Kind.PERSON]
        for fits in ([f for f in people if f.words[-1] == word], [f for f in people if f.words[0] == word]):
            if fits:
                return max(
                    fits, key=lambda f: (len(f.mentions), f.mentions[-1] if f.mentions else (-1, -1, -1))
                )
        return None

    def _org(self, words: Sequence[str]) -> Found | None:
        text = " ".join(words)
        orgs = [f for f in self.found if f.kind is Kind.ORG]
        for f in orgs:
            if f.name == text or text in f.forms:
                return f
        if len(words) == 2 and _is_acronym(words[0]) and words[1].lower() in lexicons.words("org_words.txt"):
            return self._org(words[:1])
        if len(words) == 1 and _is_acronym(text):
            acronym = text.replace(".", "").upper()
            return next((f for f in orgs if len(f.words) > 1 and acronym in _initials(f.words)), None)
        if len(words) == 1:
            return next(
                (f for f in orgs if len(f.words) > 2 and f.words[-1] == text and f.words[-2] == "of"), None
            ) or next((f for f in reversed(orgs) if len(f.words) > 2 and f.words[0] == text), None)
        return None

    def _new(self, kind: Kind, words: tuple[str, ...]) -> Found:
        if kind is Kind.PLACE:
            words = tuple((_place_name(" ".join(words)) or " ".join(words)).split())
            existing = next((f for f in self.found if f.kind is kind and f.words == words), None)
            if existing:
                return existing
        entity = Found(kind, words)
        self.found.append(entity)
        return entity

    def _link(self, cand: Candidate, kind: Kind | None) -> Found | None:
        """The entity a candidate names, created when new."""
        words = cand.words
        weak_place = kind is Kind.PLACE and cand.text not in lexicons.major_places()
        if (
            kind is Kind.PERSON
            or kind is None
            or (len(words) == 1 and (kind is not Kind.PLACE or weak_place))
        ):
            person = self._person(words) if len(words) > 1 else self._single_person(words[0])
            if person is not None and (kind is not Kind.ORG or cand.honorific):
                return person
        if kind is Kind.PERSON:
            return self._new(Kind.PERSON, words)
        if kind is Kind.ORG or kind is None:
            org = self._org(words)
            if org is not None:
                return org
        if kind is None:
            repeated = self.counts[cand.text] >= REPEATED
            kind = _single(cand, self.paragraphs[cand.paragraph], repeated) if len(words) == 1 else None
            if kind is None:
                return None
            if kind is Kind.PERSON:
                return self._new(Kind.PERSON, words)
        if kind is Kind.ORG:
            return self._org(words) or self._new(Kind.ORG, words)
        return self._new(kind, words)

    def at(self, paragraph: int) -> list[Resolved]:
        """The resolved mentions of one paragraph, in order."""
        return self.by_paragraph.get(paragraph, [])
