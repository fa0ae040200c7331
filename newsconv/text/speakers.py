"""Who said each quote: the attribution cue beside it ("…,” he said", "said X", "X said: “…"),
then pronouns, roles and continuations resolved to the persons and organisations of the article.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from newsconv.model import Span
from newsconv.text import lexicons
from newsconv.text.entities import Entities, Found, Kind
from newsconv.text.quotes import DOUBLE_OPEN, SINGLE_OPEN

LOOKBACK = 6  # paragraphs searched back for the referent of a pronoun
SENTENCE_END = re.compile(r"[.!?…]+[\"”’)]*(?=\s+[\"“‘(]?[A-Z0-9]|\s*$)")
OPENERS = "".join(DOUBLE_OPEN) + "".join(SINGLE_OPEN)
NP_WORDS = 20
CLOSING_WORDS = 8  # after a quote that ends its sentence, "X said" must end the next one soon
APPOSITIVES = re.compile(r"(?:,[^,;:.“”\"]*){1,3},\s*(?:\w+ly\s+)?|\s*\([^)]*\)\s*")
DASHES = ("—", "–", "―", "-", "--")


@cache
def _verb_pattern() -> re.Pattern[str]:
    """Any reporting verb of the lexicon, as a whole word."""
    verbs = "|".join(sorted(lexicons.words("reporting_verbs.txt") - {"according"}, key=len, reverse=True))
    return re.compile(rf"\b(?:{verbs})\b")


@cache
def _abbreviation_end() -> re.Pattern[str]:
    """An abbreviation just before a full stop ("Mr.", "Gen."): no sentence ends there."""
    abbr = "|".join(re.escape(a) for a in lexicons.honorifics() if not a.endswith("."))
    return re.compile(rf"\b(?:{abbr}|[A-Z]|St|Jr|Sr|Gen|Sen|Rep|Gov|Col|Lt|Capt|Inc|Corp|Co|No)$")


def sentence_ends(paragraph: str) -> list[int]:
    """Character positions where the sentences of a paragraph end (the last is its length)."""
    ends = [
        m.end()
        for m in SENTENCE_END.finditer(paragraph)
        if not _abbreviation_end().search(paragraph, max(0, m.start() - 12), m.start())
    ]
    return sorted({*ends, len(paragraph)})


class Attributor:
    """Finds the speaker of each quote of one article."""

    def __init__(
        self, paragraphs: Sequence[str], entities: Entities, quoted: Sequence[Sequence[Span]]
    ) -> None:
        self.paragraphs = paragraphs
        self.entities = entities
        self.ends = [sentence_ends(p) for p in paragraphs]
        self.inside: list[list[tuple[int, int]]] = [[] for _ in paragraphs]
        for spans in quoted:
            for s in spans:
                self.inside[s.paragraph].append((s.start, s.end))
        self.pronouns = lexicons.table("pronouns.tsv")

    # ---- looking around a quote ----

    def _sentence(self, paragraph: int, position: int) -> tuple[int, int]:
        ends = self.ends[paragraph]
        end = next((e for e in ends if e > position), len(self.paragraphs[paragraph]))
        start = max((e for e in ends if e <= position), default=0)
        return start, end

    def _quoted(self, paragraph: int, position: int) -> bool:
        return any(s - 1 <= position < e + 1 for s, e in self.inside[paragraph])

    def _mentions(
        self, paragraph: int, start: int, end: int, kinds: tuple[Kind, ...]
    ) -> list[tuple[int, Found]]:
        text = self.paragraphs[paragraph]
        return [
            (r.candidate.start, r.entity)
            for r in self.entities.at(paragraph)
            if start <= r.candidate.start < end
            and r.entity.kind in kinds
            and not self._quoted(paragraph, r.candidate.start)
            and not (r.entity.kind is Kind.PERSON and text[: r.candidate.start].endswith(("the ", "The ")))
        ]

    def _resolve_np(self, paragraph: int, start: int, end: int, before: int) -> Found | None:
        """The entity a speaker phrase names: a person or organisation in it, a pronoun, a role."""
        text = self.paragraphs[paragraph][start:end]
        found = self._mentions(paragraph, start, end, (Kind.PERSON,)) or self._mentions(
            paragraph, start, end, (Kind.ORG,)
        )
        words = text.split()
        if found and (not words or words[0].lower() not in self.pronouns):
            return found[0][1]
        if words and words[0].lower() in self.pronouns:
            return self._antecedent(paragraph, before, self.pronouns[words[0].lower()])
        return self._role(paragraph, before, [w.lower().strip(",.") for w in words])

    def _antecedent(self, paragraph: int, position: int, gender: str) -> Found | None:
        """The person (or, for plural pronouns, organisation) a pronoun most likely points back to:
        the first fitting one of the nearest sentence naming one."""
        kinds = (Kind.ORG, Kind.PERSON) if gender == "p" else (Kind.PERSON,)
        for p in range(paragraph, max(-1, paragraph - LOOKBACK), -1):
            limit = position if p == paragraph else len(self.paragraphs[p])
            bounds = [0, *self.ends[p]]
            for k in range(len(bounds) - 1, 0, -1):
                s, e = bounds[k - 1], min(bounds[k], limit)
                if s >= limit:
                    continue
                for kind in kinds:
                    fitting = [
                        (at, entity)
                        for at, entity in self._mentions(p, s, e, (kind,))
                        if gender in ("x", "p") or entity.gender in ("x", gender)
                    ]
                    if fitting:
                        return fitting[0][1]
        return None

    def _role(self, paragraph: int, position: int, words: list[str]) -> Found | None:
        """The person whose title, or organisation whose name, holds the role noun of a phrase."""
        heads = [
            w for w in words if w in lexicons.words("title_words.txt") or w in lexicons.words("org_words.txt")
        ]
        if not heads:
            return None
        head = heads[-1]
        for entity in reversed(self._seen_before(paragraph, position)):
            names = " ".join(entity.titles).lower() if entity.kind is Kind.PERSON else entity.name.lower()
            if head in names.split():
                return entity
        return None

    def _seen_before(self, paragraph: int, position: int) -> list[Found]:
        out: list[Found] = []
        for r in self.entities.resolved:
            c = r.candidate
            if (c.paragraph, c.start) < (paragraph, position) and r.entity not in out[-1:]:
                out.append(r.entity)
        return out

    # ---- cues ----

    def _cue_after(self, paragraph: int, end: int) -> Found | None | bool:
        """The speaker named right after a quote ("…,” said X" / "…,” X said"); False when no cue."""
        text = self.paragraphs[paragraph]
        _, stop = self._sentence(paragraph, end + 1)
        nxt = next(
            (i for i in range(end + 1, stop) if text[i] in OPENERS and (i == 0 or not text[i - 1].isalnum())),
            stop,
        )
        tail = text[end + 1 : nxt]
        if tail.rstrip().endswith(":"):
            return False
        closed_sentence = text[end - 1 : end] in (".", "!", "?")
        lead = len(tail) - len(tail.lstrip(" ,;:—–―-"))
        if tail[:lead].strip(" ,") in DASHES:
            named = self._mentions(paragraph, end + 1 + lead, end + 1 + lead + 2, (Kind.PERSON, Kind.ORG))
            if named:
                return named[0][1]
        body = tail[lead:]
        base = end + 1 + lead
        verb = _verb_pattern().match(body)
        if verb:
            after = base + verb.end()
            np_end = re.search(r"[,;:(]|\.(?:\s|$)|$", body[verb.end() :])
            limit = re.search(r"[,;:(]|$", body[verb.end() :])
            assert np_end is not None and limit is not None
            for kind in (Kind.PERSON, Kind.ORG):
                named = self._mentions(paragraph, after, after + max(limit.start(), 1), (kind,))
                if named and len(text[after : named[0][0]].split()) <= 3:
                    return named[0][1]
            return self._resolve_np(paragraph, after, after + np_end.start(), base)
        verb = _verb_pattern().search(body)
        rest = re.split(r"[.!?;]", body[verb.end() :] if verb else "", maxsplit=1)[0]
        if closed_sentence and (
            len(rest.split()) > CLOSING_WORDS
            or (nxt < stop and rest == body[verb.end() :] if verb else False)
        ):
            verb = None
        if verb and len(body[: verb.start()].split()) <= NP_WORDS:
            for later in _verb_pattern().finditer(body, verb.start()):
                if len(body[: later.start()].split()) > NP_WORDS:
                    break
                subject = self._subject_before(paragraph, base, base + later.start())
                if subject is not False:
                    return subject
            np_start = body.rfind(",", 0, verb.start()) + 1
            return self._resolve_np(paragraph, base + np_start, base + verb.start(), base)
        according = re.search(r"\baccording to\b", body)
        if according:
            return self._resolve_np(paragraph, base + according.end(), base + len(body), base)
        return False

    def _cue_before(self, paragraph: int, start: int, lower: int) -> Found | None | bool:
        """The speaker named before a quote in its sentence ("X said: “…" / "according to X")."""
        s, _ = self._sentence(paragraph, max(start - 2, 0))
        s = max(s, lower)
        head = self.paragraphs[paragraph][s : max(start - 1, s)]
        according = re.search(r"\baccording to\b", head)
        if according:
            return self._resolve_np(paragraph, s + according.end(), s + len(head), s)
        for v in reversed(list(_verb_pattern().finditer(head))):
            subject = self._subject_before(paragraph, s, s + v.start())
            if subject is not False:
                return subject
        return False

    def _subject_before(self, paragraph: int, start: int, verb: int) -> Found | None | bool:
        """The speaker a reporting verb at ``verb`` has for subject: a name ending within a few
        words before it, or a pronoun or role phrase right before it; False when none."""
        text = self.paragraphs[paragraph]
        named = self._mentions(paragraph, start, verb, (Kind.PERSON,)) + self._mentions(
            paragraph, start, verb, (Kind.ORG,)
        )
        for position, entity in sorted(named, key=lambda m: (m[1].kind is not Kind.PERSON, -m[0])):
            end = next(r.candidate.end for r in self.entities.at(paragraph) if r.candidate.start == position)
            gap = text[end:verb]
            if len(gap.split()) <= 2 or APPOSITIVES.fullmatch(gap):
                return entity
        words = text[start:verb].split()
        if words and words[-1].lower() in self.pronouns:
            return self._antecedent(paragraph, verb, self.pronouns[words[-1].lower()])
        return False

    # ---- the whole article ----

    def speakers(self, quotes: Sequence[Sequence[Span]]) -> list[Found | None]:
        """The speaker of each quote (spans in reading order), None where the text gives none."""
        out: list[Found | None] = []
        last_end: dict[int, int] = {}
        for k, spans in enumerate(quotes):
            first, last = spans[0], spans[-1]
            lower = last_end.get(first.paragraph, 0)
            introduced = self.paragraphs[first.paragraph][: max(first.start - 1, 0)].rstrip().endswith(":")
            speaker = self._cue_before(first.paragraph, first.start, lower) if introduced else False
            if speaker is False:
                speaker = self._cue_after(last.paragraph, last.end)
            if speaker is False:
                speaker = self._cue_before(first.paragraph, first.start, lower)
            if speaker is False:
                speaker = self._carried(k, quotes, out)
            out.append(speaker if isinstance(speaker, Found) else None)
            last_end[last.paragraph] = last.end + 1
        return out

    def _carried(self, k: int, quotes: Sequence[Sequence[Span]], done: list[Found | None]) -> Found | None:
        """A quote without a cue of its own: the speaker of the quote before it in the paragraph or
        the paragraph before, or whoever a paragraph ending in a colon introduced."""
        first = quotes[k][0]
        prev_text = self.paragraphs[first.paragraph - 1].rstrip() if first.paragraph > 0 else ""
        if prev_text.endswith(":") and self.paragraphs[first.paragraph][: first.start].strip() in OPENERS:
            cue = self._cue_before(first.paragraph - 1, len(prev_text) + 1, 0)
            if isinstance(cue, Found):
                return cue
        if k > 0 and done[k - 1] is not None and quotes[k - 1][-1].paragraph >= first.paragraph - 1:
            return done[k - 1]
        cue = self._previous_attribution(first.paragraph, first.start)
        if isinstance(cue, Found):
            return cue
        return self._antecedent(first.paragraph, first.start, "x")

    def _previous_attribution(self, paragraph: int, position: int) -> Found | None | bool:
        """The subject of a reporting verb in the sentence before ``position`` in its paragraph."""
        start, _ = self._sentence(paragraph, position)
        if start == 0:
            return False
        previous, _ = self._sentence(paragraph, start - 1)
        for v in _verb_pattern().finditer(self.paragraphs[paragraph], previous, start):
            subject = self._subject_before(paragraph, previous, v.start())
            if subject is not False:
                return subject
        return False
