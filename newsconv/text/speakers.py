"""Who said each quote: the attribution cue beside it ("…,” he said", "said X", "X said: “…",
"according to X"), then pronouns, roles, sentence subjects and continuations resolved to the
persons and organisations of the article; a speaker the text does not name ("a senior official")
is kept as the words that describe it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence
from functools import cache
from itertools import islice
from typing import TypeAlias

from newsconv.model import Span
from newsconv.text import lexicons, sentences, tokens
from newsconv.text.entities import Entities, Found, Kind
from newsconv.text.names import is_title_part, is_title_word
from newsconv.text.quotes import DOUBLE_OPEN, SINGLE_OPEN, text_of

# A speaker: an entity, the words describing one the text does not name, or nobody.
Speaker: TypeAlias = Found | str | None
# What an attribution cue yields: a speaker, or False when there is no cue at all.
Cue: TypeAlias = Found | str | None | bool

LOOKBACK = 6  # paragraphs searched back for the referent of a pronoun
OPENERS = "".join(DOUBLE_OPEN) + "".join(SINGLE_OPEN)
QUOTE_MARKS = OPENERS + "”’»“"
DOUBLE_MARKS = "".join(DOUBLE_OPEN) + "”»“"  # unlike ’, never an apostrophe inside a word
# capitalised words, each with the spaces after it, that end a text ("Senator ", "Prime Minister "
# before a name), read on the reversed text from its start (``_untitled``)
TITLE_RUN_REVERSED = re.compile(r"(?:\s++[\w.'’-]*[A-Z])++")
NP_WORDS = 20
SPEECH_NOUN_WORDS = 4  # "Oz's dubious medical advice": the speech noun within this many words
CLOSING_WORDS = 8  # after a quote that ends its sentence, "X said" must end the next one soon
MAX_DESCRIPTION_WORDS = 10
CUE_RULES = ("transcript label", "cue before a colon", "cue after the quote", "cue before the quote")
PULL_QUOTE_WORDS = 8  # a quote set apart and repeated with its cue is at least this long
EXPLAIN_CHARS = 40  # characters of a quote shown by explain
NOUN_CONTEXT = 12  # characters looked at before a verb form that may be a plural noun
NAMED_AFTER_WORDS = 3  # words between a verb and the name after it ("said the group's Jane Doe")
MAX_TITLE_GAP = 8  # words of a title between them ("said former North Dakota Gov. Ray Tollan")
ROLE_CHARS = 80  # characters after a possessive searched for the role it owns
SUBJECT_WORDS = 6
RELATIVE_WORDS = 3  # words before a verb searched for the clause word that makes it a relative clause's  # words between a comma and a verb that may be its subject (", the Ohio senator said")
APPOSITIVES = re.compile(r"(?:,[^,;:.“”\"]*){1,3}(?:,|\s--|\s?[—–―])\s*(?:\w+ly\s+)?|\s*\([^)]*\)\s*")
POSSESSIVE = re.compile(r"['’]s\b|(?<=s)['’](?!\w)")  # "Smith's", "Sanders’"
PARTICIPLE = re.compile(r"\w+ing\b")
TITLE_POSSESSED_GAP = re.compile(r"['’]s?(?:\s+[a-z][\w-]*){0,3}\s+")  # "’s new ", "'s annual "
CLAUSE_END = re.compile(r"[,;:(]|$")
PHRASE_END = re.compile(r"[,;:(]|\.(?=\s|$)")
LABEL = re.compile(r"([A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,2}):\s")  # "SMITH:" heading a transcript turn
SIGNATURE = re.compile(r"(?:[A-Z][\w'’.-]*\s?){1,5}")  # "Ana Ruiz", "J. R. Smith Jr."
PREPOSITIONS = ("prep", "affiliation", "absolute")  # parts of speaker_words.tsv that are prepositions
DASHES = ("—", "–", "―", "-", "--")
HEADER_LINE = re.compile(r"([A-Z][A-Za-z]*):\s")  # "From: ", "Subject: " opening an e-mail's header line
SENTENCE_STOPS = (".", "!", "?")  # a quote ending in one closed its sentence
SENTENCE_STOP = re.compile(r"[.!?;]")  # where the words after a reporting verb end their sentence
SIGNED_END = re.compile(r"[”\"]\s*[—–―]\s*(?=[A-Z][^”\"“]{0,60}$)")  # "…” ― Ana Ruiz." ends the paragraph


@cache
def _verb_pattern() -> re.Pattern[str]:
    """Any reporting verb of the lexicon, as a whole word."""
    verbs = "|".join(sorted(lexicons.words("reporting_verbs.txt") - {"according"}, key=len, reverse=True))
    return re.compile(rf"\b(?:{verbs})\b")


@cache
def _inverted_verb() -> re.Pattern[str]:
    """A reporting verb opening a sentence before its speaker ("Said Ellis: “…”"), maybe after a
    conjunction ("But, said Ellis, “…”")."""
    verbs = sorted(lexicons.words("reporting_verbs.txt"), key=len, reverse=True)
    conjunctions = "|".join(w.capitalize() for w in lexicons.speaker_words("conj"))
    opening = "|".join(v.capitalize() for v in verbs)
    return re.compile(rf"\s*(?:{opening}|(?:{conjunctions}),?\s+(?:{'|'.join(verbs)}))\s+(?=[A-Z])")


@cache
def _introduced() -> re.Pattern[str]:
    """An appositive that introduces the name before it with a role: a lower-case word or a
    capitalised article after a comma ("Jane Doe, a lawyer …", "…, president of …")."""
    articles = "|".join(sorted(w.capitalize() for w in lexicons.role_words("article")))
    return re.compile(rf",\s+(?:[a-z]|(?:{articles})\s)")


@cache
def _issued_by() -> re.Pattern[str]:
    """The words between a document's noun and its issuer: a link ("a report by the IFS", "an
    email from Jane Kim"), maybe after a comma and a verb of issuing ("The study, published by
    the Brookings Institution,")."""
    verbs = "|".join(sorted(map(re.escape, lexicons.words("issue_verbs.txt")), key=len, reverse=True))
    links, article = lexicons.role_alternation("issuer"), lexicons.role_alternation("article")
    return re.compile(rf",?\s+(?:(?:{verbs})\s+)?(?:{links})\s+(?:(?:{article})\s+)?(?=[A-Z])")


@cache
def _source_pattern() -> re.Pattern[str]:
    """A phrase naming the source of a quote ("according to", "per"), as whole words, any case."""
    phrases = "|".join(sorted(map(re.escape, lexicons.speaker_words("source")), key=len, reverse=True))
    return re.compile(rf"\b(?:{phrases})\b", re.IGNORECASE)


def _says(text: str, verb: re.Match[str]) -> bool:
    """Whether a reporting verb reports speech: not when its object is an answer word ("Melanie
    said yes, yes, yes"), nor when a form in "-s" follows a number or "the", as a plural noun
    ("one of 45 states where", "the reports")."""
    if tokens.bare(tokens.first(text[verb.end() : verb.end() + 12])) in lexicons.speaker_words("answer"):
        return False
    before = tokens.split(text[max(0, verb.start() - NOUN_CONTEXT) : verb.start()])
    return not (
        verb.group().endswith("s")
        and before
        and (before[-1].isdigit() or tokens.bare(before[-1]) in lexicons.speaker_words("definite"))
    )


def _each_verb(text: str, start: int = 0, end: int | None = None) -> Iterator[re.Match[str]]:
    """The reporting verbs of a stretch that report speech, in order, found as they are asked
    for: a caller that stops at one reads the stretch no further."""
    found = _verb_pattern().finditer(text, start, len(text) if end is None else end)
    return (v for v in found if _says(text, v))


def _verbs(text: str, start: int = 0, end: int | None = None) -> list[re.Match[str]]:
    """The reporting verbs of a stretch that report speech, in order."""
    return list(_each_verb(text, start, end))


def _closing_verb(body: str, closing: str, more_quotes: bool) -> re.Match[str] | None:
    """The first reporting verb in the words after a quote, unless the quote closed its sentence
    (``closing`` is its last character) and the verb's sentence then goes on too long ("…?” Smith
    asked at length whether …") or, with ``more_quotes`` after it, runs into the next quote: the
    words are then the writer's own sentence."""
    verb = next(_each_verb(body), None)
    if verb is None or closing not in SENTENCE_STOPS:
        return verb
    rest = SENTENCE_STOP.split(body[verb.end() :], maxsplit=1)[0]
    too_long = len(tokens.split(rest)) > CLOSING_WORDS and closing == "."
    runs_on = more_quotes and rest == body[verb.end() :]
    return None if too_long or runs_on else verb


def _untitled(lead: str) -> str:
    """``lead`` without the run of capitalised words and spaces that ends it (a title before a
    name: "Senator ", "Prime Minister "). Matched on the reversed text from its start, once: the
    same pattern searched for at the end (``…+$``) is tried from every word of a long run, which
    is quadratic in its length."""
    run = TITLE_RUN_REVERSED.match(lead[::-1])
    return lead if run is None else lead[: len(lead) - run.end()]


def _speech_possessor(text: str, stop: int, end: int) -> bool:
    """Whether a name ending at ``stop`` owns a piece of speech before ``end``: its possessive
    heads a few words ending in a speech noun ("Oz's dubious medical advice", "Smith's letter")."""
    mark = POSSESSIVE.match(text, stop)
    if mark is None:
        return False
    for word in tokens.split(text[mark.end() : end])[:SPEECH_NOUN_WORDS]:
        if not word.isalpha() or not word.islower():
            return False
        if word in lexicons.words("speech_nouns.txt"):
            return True
    return False


def _governed(text: str, start: int, at: int, parts: tuple[str, ...]) -> bool:
    """Whether a name at ``at`` is the object of a preposition of the given parts that stands
    after ``start``, determiners between them skipped ("obtained by The Associated Press")."""
    words = tokens.split(text[start:at])
    while words and tokens.bare(words[-1]) in lexicons.speaker_words("det", "definite", "indefinite"):
        words.pop()
    return bool(words) and words[-1].isalpha() and words[-1].lower() in lexicons.speaker_words(*parts)


def _employee(text: str, named: Sequence[tuple[int, int, Found]]) -> Found:
    """The first of the names a phrase opens with, or the person an organisation's name is the
    first word of the title of ("Dunmore Police Chief Alan Petrie")."""
    first = named[0][2]
    if first.kind is Kind.ORG and len(named) > 1 and named[1][2].kind is Kind.PERSON:
        gap = tokens.split(text[named[0][1] : named[1][0]])
        if gap and len(gap) <= MAX_TITLE_GAP and all(is_title_part(w) for w in gap):
            return named[1][2]
    return first


def _owned_role(text: str, stop: int) -> int | None:
    """Where the role that a name ending at ``stop`` owns ends, when the name is its possessor:
    lower-case words up to a title word ("Hale's senior trade policy aide", "Lund's deputy
    press manager"); None when no such role follows."""
    mark = POSSESSIVE.match(text, stop)
    if mark is None:
        return None
    role, previous = None, mark.end()
    words = tokens.WORD.finditer(text, mark.end(), mark.end() + ROLE_CHARS)  # in place: no copy of the text
    for found in islice(words, MAX_TITLE_GAP):
        word = found.group().rstrip(".")  # a sentence's stop clings to the word
        if not (word.isalpha() and word.islower()) or text[previous : found.start()].strip():
            break
        previous = found.start() + len(word)
        role = previous if is_title_word(word) else role
    return role


def _document(word: str) -> str | None:
    """The document noun a word is, in the singular ("reports" -> "report"); None for other words."""
    low = tokens.bare(word)
    nouns = lexicons.words("document_nouns.txt")
    return low if low in nouns else low[:-1] if low.endswith("s") and low[:-1] in nouns else None


def _other_role(person: Found, head: str) -> bool:
    """Whether a person's titles name a role other than ``head``: the House Speaker is no "the
    senator's spokesman" (someone's aide is seldom the person the text is about, unless the text
    gave no title: "Obama's former campaign strategist" for David Axelrod)."""
    return bool(person.titles) and head not in tokens.split(" ".join(person.titles).lower())


def _title_gap(words: Sequence[str]) -> bool:
    """Whether the words between a verb and a name leave the name its subject: a few words, or a
    title of capitalised words and title words ("said former North Dakota Gov. Ray Tollan")."""
    return len(words) <= NAMED_AFTER_WORDS or (
        len(words) <= MAX_TITLE_GAP and all(w[:1].isupper() or is_title_part(w) for w in words)
    )


def _filler(word: str, previous: str) -> bool:
    """Whether a word may stand between a speaker and its verb ("has", "also", "repeatedly"); an
    "-ly" word after a determiner or possessive is a noun ("his family", "Smith's ally")."""
    bare = tokens.bare(word)
    adverb = bare.endswith("ly") and bare == word.lower()
    noun_before = tokens.bare(previous) in lexicons.speaker_words("det", "definite", "indefinite") or bool(
        POSSESSIVE.search(previous)
    )
    return bare in lexicons.speaker_words("filler") or (adverb and not noun_before)


def _boundary(word: str) -> bool:
    """Whether a word ends a speaker phrase read backwards from its verb: a clause word, or a word
    carrying a comma, bracket, dash or quotation mark."""
    return (
        tokens.bare(word) in lexicons.speaker_words("clause", "conj", "cue")
        or word[-1] in ",;:()[]"
        or word[0] == "‘"
        or any(ch in word for ch in DOUBLE_MARKS + "—–―")
    )


class Attributor:
    """Finds the speaker of each quote of one article.

    ``quoted`` are the spans of every passage in quotation marks, titles included: names inside
    them are never speakers.
    """

    def __init__(
        self, paragraphs: Sequence[str], entities: Entities, quoted: Sequence[Sequence[Span]]
    ) -> None:
        self.paragraphs = paragraphs
        self.entities = entities
        self.inside: list[list[tuple[int, int]]] = [[] for _ in paragraphs]
        for spans in quoted:
            for s in spans:
                self.inside[s.paragraph].append((s.start, s.end))
        self.pronouns = lexicons.table("pronouns.tsv")
        self.decided: list[Speaker] = []  # the speakers last found, and the rule that found each
        self.rules: list[str] = []
        self.details: list[str | None] = []  # the named rule within a cue rule, where one decided
        self._detail: str | None = None

    # ---- looking around a quote ----

    def _ends(self, paragraph: int) -> tuple[int, ...]:
        """Where the sentences of a paragraph end."""
        return sentences.ends(self.paragraphs[paragraph])

    def _sentence(self, paragraph: int, position: int) -> tuple[int, int]:
        ends = self._ends(paragraph)
        end = next((e for e in ends if e > position), len(self.paragraphs[paragraph]))
        start = max((e for e in ends if e <= position), default=0)
        return start, end

    def _quoted(self, paragraph: int, position: int) -> bool:
        return any(s - 1 <= position < e + 1 for s, e in self.inside[paragraph])

    def _mentions(
        self, paragraph: int, start: int, end: int, kinds: tuple[Kind, ...]
    ) -> list[tuple[int, int, Found]]:
        """Mentions ``(start, end, entity)`` of the given kinds in a stretch, outside quotation marks."""
        text = self.paragraphs[paragraph]
        return [
            (r.candidate.start, r.candidate.end, r.entity)
            for r in self.entities.at(paragraph)
            if start <= r.candidate.start < end
            and r.entity.kind in kinds
            and not self._quoted(paragraph, r.candidate.start)
            and not (r.entity.kind is Kind.PERSON and text[: r.candidate.start].endswith(("the ", "The ")))
        ]

    def _resolve_np(self, paragraph: int, start: int, end: int, before: int) -> Speaker:
        """The speaker a phrase names: a person or organisation heading it, a pronoun, a role, or
        the phrase itself when it describes someone the text does not name."""
        text = self.paragraphs[paragraph]
        words = tokens.split(text[start:end])
        pronoun = self._leading_pronoun(words)
        if pronoun is not None:
            return self._antecedent(paragraph, before, pronoun)
        # "one source who identified Smith": the phrase ends where its relative clause begins
        clauses = (
            w.start()
            for w in tokens.spaced(text, start, end)
            if tokens.bare(w.group()) in lexicons.speaker_words("clause")
        )
        end = next((at for at in clauses if at > start), end)
        for kind in (Kind.PERSON, Kind.ORG):
            heads = [
                entity
                for _, stop, entity in self._mentions(paragraph, start, end, (kind,))
                if not (POSSESSIVE.match(text, stop) and text[stop:end].strip(" ,.’'s"))
                or _speech_possessor(text, stop, end)
            ]
            if heads:
                return heads[-1]
        return self._described(paragraph, start, end, before)

    def _described(self, paragraph: int, start: int, end: int, before: int) -> Speaker:
        """Who a phrase without a name of its own stands for: the person whose title, or the
        organisation whose name, holds its role noun (for an indefinite phrase, "a spokesman for
        the Red Cross", only one named within it; the role noun comes before any other preposition:
        "a source speaking to Fox News"); for a definite role ("the Vermont senator", "Obama's former
        strategist") the person the text was about; else the phrase itself."""
        raw = tokens.split(self.paragraphs[paragraph][start:end])
        words = [tokens.bare(w) for w in raw]
        if not words:
            return None
        issuer = self._issuer(paragraph, start, end, words)
        if issuer is not None:
            return issuer
        since = (
            start if words[0] in lexicons.speaker_words("indefinite") else -1
        )  # "a …": only names within it
        head_words = next(
            (words[:k] for k, w in enumerate(words) if w in lexicons.speaker_words("prep", "absolute")), words
        )
        found = self._role(paragraph, before, head_words, since)
        if found is not None:
            return found
        definite = words[0] in lexicons.speaker_words("definite") or bool(POSSESSIVE.search(raw[0]))
        if definite and words[-1] in lexicons.words("title_words.txt"):
            own = [entity for _, _, entity in self._mentions(paragraph, start, end, (Kind.PERSON, Kind.ORG))]
            own += self._possessors(paragraph, before, raw)
            topic = self._topic(paragraph, start, words[-1], own)
            owned = any(POSSESSIVE.search(w) for w in raw[:-1])
            if topic is not None and not (owned and _other_role(topic, words[-1])):
                return topic
        return self._description(paragraph, start, end)

    def _issuer(self, paragraph: int, start: int, end: int, words: Sequence[str]) -> Found | None:
        """Who issued the document a phrase (``words``, from ``start`` to ``end``) names as a
        speaker: the issuer an appositive gives ("The study, published by the Brookings
        Institution, says"), else, for "the report" or "this survey", the issuer the text gave
        where it named that document before ("A report by the IFS found …")."""
        noun = _document(words[-1])
        if noun is None:
            return None
        issued = self._named_at(paragraph, _issued_by().match(self.paragraphs[paragraph], end))
        if issued is not None or words[0] not in lexicons.speaker_words("definite", "det"):
            return issued
        document = re.compile(rf"\b{re.escape(noun)}s?\b", re.IGNORECASE)
        for p, s, e in self._sentences_back(paragraph, start, 0, LOOKBACK):
            for m in document.finditer(self.paragraphs[p], s, e):
                found = None if self._quoted(p, m.start()) else self._issuer_at(p, s, m)
                if found is not None:
                    return found
        return None

    def _issuer_at(self, paragraph: int, start: int, noun: re.Match[str]) -> Found | None:
        """The issuer of a document named at ``noun`` in a sentence from ``start``: after it ("a
        report by the IFS"), owning it or naming its kind right before it ("Gallup's new survey",
        "a Pew Research Center poll"), or an organisation that issued it ("Gallup released a
        survey")."""
        text = self.paragraphs[paragraph]
        after = self._named_at(paragraph, _issued_by().match(text, noun.end()))
        if after is not None:
            return after
        named = self._mentions(paragraph, start, noun.start(), (Kind.PERSON, Kind.ORG))
        if not named:
            return None
        _, stop, entity = named[-1]
        if TITLE_POSSESSED_GAP.fullmatch(text, stop, noun.start()) or not text[stop : noun.start()].strip():
            return entity
        between = {tokens.bare(w) for w in tokens.split(text[stop : noun.start()])}
        issued = entity.kind is Kind.ORG and bool(between & lexicons.words("issue_verbs.txt"))
        return entity if issued and len(between) <= SUBJECT_WORDS else None

    def _named_at(self, paragraph: int, link: re.Match[str] | None) -> Found | None:
        """The person or organisation named right where ``link`` ends."""
        if link is None:
            return None
        named = self._mentions(paragraph, link.end(), link.end() + 1, (Kind.PERSON, Kind.ORG))
        return named[0][2] if named else None

    def _possessors(self, paragraph: int, before: int, raw: Sequence[str]) -> list[Found]:
        """The persons a role in the possessive stands for in a phrase ("the speaker’s
        spokeswoman": the speaker): the role's holder is someone else."""
        owners = [POSSESSIVE.sub("", w) for w in raw[:-1] if POSSESSIVE.search(w)]
        found = (self._role(paragraph, before, [tokens.bare(w)]) for w in owners if w.islower())
        return [f for f in found if f is not None]

    def _description(self, paragraph: int, start: int, end: int) -> str | None:
        """The words of a phrase that describes a speaker the text does not name ("a senior
        official", "the party's bylaws", "75 percent of voters") or a name after an honorific that
        is no entity ("Mr. King"); None for pronouns, clauses, time words and phrases that hold a
        name as more than a modifier ("Trump unleashed tweets")."""
        text = self.paragraphs[paragraph]
        phrase = text[start:end]
        for at, stop, _ in self._mentions(paragraph, start, end, (Kind.PERSON, Kind.ORG)):
            if not POSSESSIVE.match(text, stop) and not _governed(text, start, at, PREPOSITIONS):
                return None
        words = tokens.split(phrase.strip(" ,.;:"))
        if not words or len(words) > MAX_DESCRIPTION_WORDS or any(ch in phrase for ch in DOUBLE_MARKS):
            return None
        first, last = tokens.bare(words[0]), tokens.bare(words[-1])
        if (
            self._leading_pronoun(words) is not None
            or last in lexicons.speaker_words("det", "definite", "indefinite", *PREPOSITIONS)
            or POSSESSIVE.search(words[-1])
            or any(tokens.bare(w) in lexicons.speaker_words("clause", "conj", "filler") for w in words)
        ):
            return None
        capitalised = words[0][:1].isupper() and words[0] not in lexicons.words("stop_capitals.txt")
        titled = words[0] in lexicons.honorifics() and len(words) > 1 and words[1][:1].isupper()
        return (
            phrase.strip(" ,.;:")
            if first in lexicons.speaker_words("det", "definite", "indefinite")
            or capitalised
            or titled
            or first[:1].isdigit()
            else None
        )

    def _leading_pronoun(self, words: Sequence[str]) -> str | None:
        """The reference class of the pronoun a phrase opens with, if it is one; not for a pronoun
        that is also a determiner and heads more words ("her campaign")."""
        first = tokens.bare(words[0]) if words else ""
        if first not in self.pronouns or (first in lexicons.speaker_words("det") and len(words) > 1):
            return None
        return self.pronouns[first]

    def _antecedent(self, paragraph: int, position: int, gender: str) -> Found | None:
        """The person (or, for plural pronouns, organisation) a pronoun most likely points back to:
        in the nearest sentence naming a fitting one, the one introduced there with a role
        ("Jane Doe, a lawyer for …"), else the first."""
        kinds = (Kind.ORG, Kind.PERSON) if gender == "p" else (Kind.PERSON,)
        for p, s, e in self._sentences_back(paragraph, position, 0, LOOKBACK):
            for kind in kinds:
                fitting = [
                    (stop, entity)
                    for _, stop, entity in self._mentions(p, s, e, (kind,))
                    if gender in ("x", "p") or entity.gender in ("x", gender)
                ]
                if fitting:
                    introduced = [f for f in fitting if _introduced().match(self.paragraphs[p], f[0])]
                    return (introduced or fitting)[0][1]
        return None

    def _sentences_back(
        self, paragraph: int, position: int, lower: int, paragraphs: int
    ) -> Iterator[tuple[int, int, int]]:
        """The sentences before ``position`` (cut at ``lower`` in its paragraph), nearest first, as
        ``(paragraph, start, end)``, over that paragraph and up to ``paragraphs - 1`` before it."""
        for p in range(paragraph, max(-1, paragraph - paragraphs), -1):
            limit = position if p == paragraph else len(self.paragraphs[p])
            low = lower if p == paragraph else 0
            bounds = [b for b in [0, *self._ends(p)] if b < limit]
            for k in range(len(bounds) - 1, -1, -1):
                s = max(bounds[k], low)
                e = min(bounds[k + 1], limit) if k + 1 < len(bounds) else limit
                if s < e:
                    yield p, s, e
                if bounds[k] <= low:
                    break

    def _role(self, paragraph: int, position: int, words: list[str], since: int = -1) -> Found | None:
        """The person whose title, or organisation whose name, holds the role noun of a phrase,
        named before ``position`` (and from ``since`` on in the phrase's paragraph, when given)."""
        heads = [
            w for w in words if w in lexicons.words("title_words.txt") or w in lexicons.words("org_words.txt")
        ]
        if not heads:
            return None
        head = heads[-1]
        for entity in reversed(self._seen_before(paragraph, position, since)):
            names = " ".join(entity.titles).lower() if entity.kind is Kind.PERSON else entity.name.lower()
            if head in tokens.split(names):
                return entity
        return None

    def _seen_before(self, paragraph: int, position: int, since: int = -1) -> list[Found]:
        """The entities named before a position (from ``since`` in its paragraph when given), in order."""
        low = (paragraph, since) if since >= 0 else (-1, -1)
        out: list[Found] = []
        for r in self.entities.resolved:
            c = r.candidate
            if low <= (c.paragraph, c.start) < (paragraph, position) and r.entity not in out[-1:]:
                out.append(r.entity)
        return out

    def _phrase_before(self, paragraph: int, start: int, verb: int) -> tuple[int, int]:
        """The words right before a verb, back to the start of their clause, without the fillers
        between them and the verb ("the ministry has also said" → "the ministry")."""
        words = tokens.spaced(self.paragraphs[paragraph], start, verb)
        while words and _filler(words[-1].group(), words[-2].group() if len(words) > 1 else ""):
            words.pop()
        end = words[-1].end() if words else verb
        k = len(words)
        while k > 0 and not _boundary(words[k - 1].group()):
            k -= 1
        return (words[k].start(), end) if k < len(words) else (end, end)

    def _sentence_subject(self, paragraph: int, start: int, limit: int) -> Found | None:
        """The person or organisation a sentence opens with, after any introductory phrase ("On
        Sunday, Jane Doe …") or heading ("CONGRESS ACTS — Oz's advice …"), or the person a
        leading "he" or "she" stands for."""
        text = self.paragraphs[paragraph]
        named = self._mentions(paragraph, start, limit, (Kind.PERSON, Kind.ORG))
        lead = text[start : named[0][0] if named else limit]
        words = tokens.split(lead)
        pronoun = self._leading_pronoun(words)
        if pronoun is not None and pronoun in "mf":
            return self._antecedent(paragraph, start, pronoun)
        if not named or (
            POSSESSIVE.match(text, named[0][1]) and not _speech_possessor(text, named[0][1], limit)
        ):
            return None
        untitled = _untitled(lead)
        opening = untitled.strip() == "" or untitled.rstrip().rstrip(QUOTE_MARKS).endswith((",", *DASHES[:3]))
        after_link = bool(words) and tokens.bare(words[-1]) in lexicons.speaker_words(
            *PREPOSITIONS, "clause", "conj"
        )
        return _employee(text, named) if opening and not after_link else None

    # ---- cues ----

    def _cue_after(self, paragraph: int, end: int) -> Cue:
        """The speaker named right after a quote ("…,” said X" / "…,” X said"), or the source the
        sentence cites for it ("…,” X said, according to Y"); False when no cue."""
        text = self.paragraphs[paragraph]
        _, stop = self._sentence(paragraph, end + 1)
        nxt = next(
            (i for i in range(end + 1, stop) if text[i] in OPENERS and (i == 0 or not text[i - 1].isalnum())),
            stop,
        )
        tail = text[end + 1 : nxt]
        closed_sentence = text[end - 1 : end] in SENTENCE_STOPS
        if tail.rstrip().endswith(":") and closed_sentence:
            return False  # "….” Smith then said: “…": words that introduce the next quote only
        lead = len(tail) - len(tail.lstrip(" ,;:—–―-"))
        if tail[:lead].strip(" ,") in DASHES:
            signed = self._signed(paragraph, end + 1 + lead)
            if signed is not None:
                return self._because("signed after a dash", signed)
        body = tail[lead:]
        base = end + 1 + lead
        if self._embedded(paragraph, end, body):
            return False  # "Cruz says he is “tied for second” with Rubio, in a finish that he said …"
        cue = self._verb_after(paragraph, base, (nxt, stop), text[end - 1 : end])
        source = _source_pattern().search(body)
        if source and cue is not False:
            # "…,” Smith said, according to CNN": the source the text cites, not the one it quotes
            after = base + source.end()
            named = self._resolve_np(paragraph, after, self._clause_end(paragraph, after, nxt), base)
            if named is not None or source.start() == 0:
                return self._because("according to X after the cue", named)
        return cue

    def _embedded(self, paragraph: int, end: int, body: str) -> bool:
        """Whether a quote ending at ``end`` is a phrase inside a sentence whose verb of saying
        comes before it: it ends in a word, the sentence goes on with a lower-case word, its next
        verb of saying belongs to a relative clause ("… in a finish that he said defied …"), and
        a verb of saying stands before the quote in its sentence."""
        text = self.paragraphs[paragraph]
        following = tokens.first(body)
        if not text[end - 1 : end].isalnum() or not following[:1].islower():
            return False
        verb = next(iter(_verbs(body)), None)
        if verb is None or verb.start() == 0 or tokens.bare(following) in lexicons.speaker_words("source"):
            return False
        before_verb = [tokens.bare(w) for w in tokens.split(body[: verb.start()])[-RELATIVE_WORDS:]]
        if not set(before_verb) & lexicons.speaker_words("clause"):
            return False  # "…” climate change, Axelrod said": the verb after is the quote's cue
        start, _ = self._sentence(paragraph, max(end - 1, 0))
        opening = text.rfind("“", start, end)
        return bool(_verbs(text, start, opening if opening >= 0 else end))

    def _verb_after(self, paragraph: int, base: int, bounds: tuple[int, int], closing: str) -> Cue:
        """The speaker a reporting verb names in the words from ``base`` that follow a quote ("said
        X", "X said", "X, a lawyer, said"), up to the next quotation mark or sentence end
        (``bounds``); ``closing`` is the quote's last character. False when they hold no such cue."""
        nxt, stop = bounds
        body = self.paragraphs[paragraph][base:nxt]
        if _source_pattern().match(body):
            return None
        if tokens.bare(tokens.first(body)) in lexicons.speaker_words("clause", "conj"):
            return self._because("X said after the writer's clause", self._after_clause(paragraph, base, nxt))
        verb = _verb_pattern().match(body)
        if verb:
            return self._because("said X", self._said_then_name(paragraph, base, verb, nxt))
        verb = _closing_verb(body, closing, nxt < stop)
        if verb and len(tokens.split(body[: verb.start()])) <= NP_WORDS:
            return self._because("X said", self._name_then_said(paragraph, base, verb, nxt))
        # "…,” the report said, according to CNN": a cited source; after a closed sentence the
        # words that follow are the writer's ("….” Kasich said …, according to press reports")
        return None if _source_pattern().search(body) and closing not in SENTENCE_STOPS else False

    def _said_then_name(self, paragraph: int, base: int, verb: re.Match[str], end: int) -> Cue:
        """Rule "said X": the verb opens the words after a quote (found in the text from ``base``),
        its speaker is named or described right after it ("…,” said Jane Doe, a lawyer"); False
        when the verb introduces more than a name ("…,” adding that Smith …", "adding: “…": the
        subject then comes before the quote)."""
        after = base + verb.end()
        following = tokens.first(self.paragraphs[paragraph][after:end])
        if (
            not following
            or following[0] in ":,"
            or tokens.bare(following) in lexicons.speaker_words("clause")
        ):
            return False
        named = self._named_after(paragraph, base, verb, end)
        if named is not None:
            return named
        return self._resolve_np(paragraph, after, self._clause_end(paragraph, after, end), base)

    def _name_then_said(self, paragraph: int, base: int, verb: re.Match[str], end: int) -> Cue:
        """Rule "X said": the subject of a reporting verb after a quote (``verb`` is the first, in
        the text from ``base``), or of a later one within ``NP_WORDS`` words ("…,” Smith, who …,
        said"), or the name after a later one ("…” for Smith, said Jones"); else the phrase before
        the first verb. Words that name nobody ("giving states more power") are no cue (False); a
        pronoun without a referent is one, of someone unknown (None)."""
        text = self.paragraphs[paragraph]
        body = text[base:end]
        for later in _each_verb(body, verb.start()):
            if len(tokens.split(body[: later.start()])) > NP_WORDS:
                break
            subject = self._subject_before(paragraph, base, base + later.start())
            if subject is not False:
                return subject
            named = self._inverted(paragraph, base, later, end)
            if named is not None:
                return named
        np_start, np_end = self._phrase_before(paragraph, base, base + verb.start())
        subject = self._resolve_np(paragraph, np_start, np_end, base)
        words = tokens.split(text[np_start:np_end])
        return subject if subject is not None or self._leading_pronoun(words) else False

    def _after_clause(self, paragraph: int, base: int, end: int) -> Cue:
        """The speaker of a quote whose sentence goes on with a clause of the writer's ("…” if she
        didn't win, said Wasserman" / "…” because she would, he said"): the cue that closes the
        sentence after a comma; False when there is none ("…,” when the judge asked")."""
        text = self.paragraphs[paragraph]
        verbs = _verbs(text, base, end)
        if not verbs:
            return False
        verb = verbs[-1]
        comma = text.rfind(",", base, verb.start())
        if comma < 0:
            return False
        if not text[comma + 1 : verb.start()].strip():  # ", says Evan Tracey, a consultant with …, Va."
            named = self._inverted(paragraph, 0, verb, end)
            return named if named is not None else False
        if (
            text[verb.end() : end].count(",") > 1
            or len(tokens.split(text[comma + 1 : verb.start()])) > SUBJECT_WORDS
        ):
            return False
        return self._subject_before(paragraph, comma + 1, verb.start())

    def _inverted(self, paragraph: int, base: int, verb: re.Match[str], end: int) -> Found | None:
        """The speaker named after a reporting verb (found in the text from ``base``) that follows
        a comma and has no subject before it ("…” for Smith, said Jones"; "The point, says Jones,
        is that “…”"), within a few words and before ``end``; not after a participle or before a
        clause word (", adding that Smith …")."""
        text = self.paragraphs[paragraph]
        following = tokens.bare(tokens.first(text[base + verb.end() : end]))
        if (
            not text[: base + verb.start()].rstrip().endswith(",")
            or PARTICIPLE.match(text, base + verb.start())
            or following in lexicons.speaker_words("clause", "conj")
        ):
            return None
        return self._named_after(paragraph, base, verb, end)

    def _named_after(self, paragraph: int, base: int, verb: re.Match[str], end: int) -> Found | None:
        """The person (else organisation) named within a few words after a reporting verb found in
        the text from ``base`` ("said Jane Doe, a lawyer"), before the end of its clause or ``end``."""
        text = self.paragraphs[paragraph]
        after = base + verb.end()
        limit = CLAUSE_END.search(text[:end], after)
        assert limit is not None
        for kind in (Kind.PERSON, Kind.ORG):
            named = self._mentions(paragraph, after, max(limit.start(), after + 1), (kind,))
            if named and _title_gap(tokens.split(text[after : named[0][0]])):
                return self._role_holder(paragraph, named[0], end)
        return None

    def _role_holder(self, paragraph: int, named: tuple[int, int, Found], end: int) -> Found | None:
        """The name after a verb, or, when it owns the role that follows it, the person named
        right after that role, before ``end`` ("said Clinton's top aide Jake Sullivan", "said
        Rubio's campaign manager, Rich Beeson,"); None when the holder is not named ("said
        Trump's campaign manager")."""
        text = self.paragraphs[paragraph]
        role = _owned_role(text, named[1])
        if role is None:
            return named[2]
        holder = next(iter(self._mentions(paragraph, role, end, (Kind.PERSON,))), None)
        return holder[2] if holder is not None and not text[role : holder[0]].strip(" ,") else None

    def _signed(self, paragraph: int, start: int) -> Found | str | None:
        """The name signing a quote from ``start``, just after its dash: the person or organisation
        named there, else a name closing the paragraph that the text gives once ("― Ana Ruiz")."""
        named = self._mentions(paragraph, start, start + 2, (Kind.PERSON, Kind.ORG))
        if named:
            return named[0][2]
        signature = self.paragraphs[paragraph][start:].strip().rstrip(".")
        return signature if SIGNATURE.fullmatch(signature) else None

    def _signature(self, paragraph: int) -> Found | str | None:
        """The name that signs a whole paragraph after a closing quotation mark and a dash
        ("“…” And more “…” ― Ana Ruiz"): it speaks every quote of the paragraph without a cue."""
        m = SIGNED_END.search(self.paragraphs[paragraph])
        return self._signed(paragraph, m.end()) if m else None

    def _cue_before(self, paragraph: int, start: int, lower: int) -> Cue:
        """The speaker named before a quote in its sentence ("X said: “…" / "according to X", the
        nearer of the two), or the sentence's subject when a verb of saying has no subject of its
        own ("X, a lawyer, …, saying “…")."""
        s, _ = self._sentence(paragraph, max(start - 2, 0))
        text = self.paragraphs[paragraph]
        low = max(s, lower)
        head = text[low : max(start - 1, low)]
        heading = self._heading_name(paragraph, low, start) if head.rstrip().endswith(":") else None
        if heading is not None:
            return self._because("X: heading the quote", heading)
        inverted = _inverted_verb().match(text, s, start)
        if inverted and low == s:
            end = self._clause_end(paragraph, inverted.end(), start)
            return self._because(
                "said X: opening the sentence", self._resolve_np(paragraph, inverted.end(), end, s)
            )
        verbs = _verbs(head)
        cited = self._cited_source(paragraph, low, head, verbs)
        if cited is not None:
            return self._because("according to X", cited)
        for v in reversed(verbs):
            subject = self._subject_before(paragraph, low, low + v.start())
            if subject is not False:
                return self._because("X said", subject)
            named = self._inverted(paragraph, low, v, start)
            if named is not None:
                return self._because("said X after a comma", named)
        if verbs and lower <= s:  # after an earlier quote of the sentence, its speaker goes on
            opening = self._sentence_subject(paragraph, s, start)
            return self._because(
                "the sentence's subject", opening or self._opening_description(paragraph, s, start) or False
            )
        return False

    def _heading_name(self, paragraph: int, low: int, start: int) -> Found | None:
        """Rule "X: “…": the person or organisation heading a quote, alone before its colon or
        after a dash ("Polls agree - Carl Bialik: “…")."""
        text = self.paragraphs[paragraph]
        for at, stop, entity in self._mentions(paragraph, low, start, (Kind.PERSON, Kind.ORG))[-1:]:
            lead = text[low:at].rstrip()
            if text[stop : start - 1].strip() == ":" and (not lead or lead.endswith(DASHES)):
                return entity
        return None

    def _cited_source(self, paragraph: int, low: int, head: str, verbs: Sequence[re.Match[str]]) -> Speaker:
        """Rule "according to X": the source the words ``head`` (from ``low``) before a quote cite
        for it; not one cited after the verb of a speaker named before it ("X said, according to Y,
        that “…": X; but "According to Y, X said …": Y)."""
        sources = list(_source_pattern().finditer(head))
        if not sources or (
            verbs and sources[-1].start() < verbs[-1].start() and head[: sources[0].start()].strip()
        ):
            return None
        after = low + sources[-1].end()
        return self._resolve_np(paragraph, after, self._clause_end(paragraph, after, low + len(head)), low)

    def _opening_description(self, paragraph: int, start: int, limit: int) -> Speaker:
        """The unnamed subject a sentence opens with, after any introductory phrase ("In March,
        several farm unions filed …, saying"): a description up to the first lower-case
        word that reads as a verb (a filler or a past form in "-ed"), or who it stands for."""
        words = tokens.spaced(self.paragraphs[paragraph], start, limit)
        if words and tokens.bare(words[0].group()) in lexicons.speaker_words(*PREPOSITIONS):
            intro = next((k for k, w in enumerate(words) if w.group().endswith(",")), len(words))
            words = words[intro + 1 :]
        if not words or tokens.bare(words[0].group()) not in lexicons.speaker_words(
            "det", "definite", "indefinite"
        ):
            return None
        for k, w in enumerate(words[: MAX_DESCRIPTION_WORDS + 1]):
            word = w.group()
            if not word.isalpha():
                if word[-1] in ",;:" or any(ch in word for ch in QUOTE_MARKS):
                    return None
                continue
            if (
                k >= 2
                and word.islower()
                and (word.endswith("ed") or word in lexicons.speaker_words("filler"))
            ):
                return self._described(paragraph, words[0].start(), words[k - 1].end(), words[0].start())
        return None

    def _clause_end(self, paragraph: int, start: int, limit: int) -> int:
        """Where the phrase starting at ``start`` ends: at its first comma, colon, bracket or full stop."""
        m = PHRASE_END.search(self.paragraphs[paragraph], start, limit)
        return m.start() if m else limit

    def _subject_before(self, paragraph: int, start: int, verb: int) -> Cue:
        """The speaker a reporting verb at ``verb`` has for subject: a name ending within a few
        words before it (not one the verb is joined to by "and"), a pronoun, a role phrase or a
        description right before it; False when none."""
        named = self._named_subject(paragraph, start, verb)
        if named is not None:
            return named
        text = self.paragraphs[paragraph]
        np_start, np_end = self._phrase_before(paragraph, start, verb)
        if np_start == np_end and PARTICIPLE.match(text, verb) is None:
            before_appositive = self._appositive_start(paragraph, start, verb)
            np_start, np_end = self._phrase_before(paragraph, start, before_appositive)
        if np_start == np_end:
            return False
        last = tokens.bare(tokens.split(text[np_start:np_end])[-1])
        if last in self.pronouns:
            return self._antecedent(paragraph, verb, self.pronouns[last])
        return self._described(paragraph, np_start, np_end, verb) or False

    def _named_subject(self, paragraph: int, start: int, verb: int) -> Found | None:
        """Rule "X said": the person (else organisation) named in the words from ``start`` that
        is the subject of a reporting verb at ``verb``: right before it, before an appositive
        ("Smith, a lawyer, said") or owning a piece of speech that heads the subject ("Smith's long
        email to voters says"); not a name governed by a preposition, a possessor of anything else,
        one joined to the verb by "and", one in brackets, or the name before a participle after a
        comma ("…, saying": that has the sentence's subject)."""
        text = self.paragraphs[paragraph]
        named = self._mentions(paragraph, start, verb, (Kind.PERSON,)) + self._mentions(
            paragraph, start, verb, (Kind.ORG,)
        )
        participle = PARTICIPLE.match(text, verb) is not None
        after_comma = participle and text[:verb].rstrip().endswith(",")
        for at, stop, entity in sorted(named, key=lambda m: (m[2].kind is not Kind.PERSON, -m[0])):
            gap = tokens.split(text[stop:verb])
            if (
                _governed(text, start, at, ("prep",))
                or (POSSESSIVE.match(text, stop) and (participle or not _speech_possessor(text, stop, verb)))
                or (gap and tokens.bare(gap[0]) in lexicons.speaker_words("conj"))
                or (text[stop:verb].strip() == "," and "," not in text[start:at])
                or text.count("(", start, stop) > text.count(")", start, stop)
            ):
                continue  # "a letter to Smith said", "Smith's lawyer said", "met Smith and said", "(Smith) said", "for Smith, said"
            linked = any(
                tokens.bare(w) in lexicons.speaker_words("clause") for w in gap
            )  # "beat Leeds while chanting"
            # kept above, and heading the verb's subject: "Smith's long email to voters says" (not
            # "declined to address the FBI's report but said")
            owns_speech = (
                POSSESSIVE.match(text, stop) is not None
                and self._phrase_before(paragraph, start, verb)[0] <= at
            )
            if (
                (len(gap) <= 2 and not linked and not after_comma)
                or APPOSITIVES.fullmatch(text[stop:verb])
                or owns_speech
            ):
                return entity
        return None

    def _appositive_start(self, paragraph: int, start: int, verb: int) -> int:
        """Where an appositive between commas ends the words before a verb ("A Danish diplomat,
        asking not to be named, said"), or the verb itself when there is none."""
        text = self.paragraphs[paragraph]
        commas = (start + m.start() for m in re.finditer(",", text[start:verb]))
        return next((c for c in commas if APPOSITIVES.fullmatch(text, c, verb)), verb)

    # ---- the whole article ----

    def speakers(self, quotes: Sequence[Sequence[Span]]) -> list[Speaker]:
        """The speaker of each quote (spans in reading order), None where the text gives none.
        Which rule decided each is kept in ``rules`` (see ``explain``)."""
        out: list[Speaker] = []
        self.decided, self.rules, self.details = out, [], []
        last_end: dict[int, int] = {}
        for k, spans in enumerate(quotes):
            speaker, rule = self._attribute(k, quotes, out, last_end.get(spans[0].paragraph, 0))
            out.append(speaker)
            self.rules.append(rule)
            self.details.append(self._detail if rule in CUE_RULES else None)
            last_end[spans[-1].paragraph] = spans[-1].end + 1
        self._repeated(quotes)
        self._cued_later(quotes)
        return out

    def _ends_between(self, paragraph: int, after: int, until: int) -> bool:
        """Whether a sentence of a paragraph ends after ``after`` and at or before ``until`` (the
        ends are sorted: one bisection, not a scan of a paragraph of thousands of sentences)."""
        ends = self._ends(paragraph)
        index = bisect_right(ends, after)
        return index < len(ends) and ends[index] <= until

    def _cued_later(self, quotes: Sequence[Sequence[Span]]) -> None:
        """A quoted fragment without a cue of its own (it closes no sentence) whose sentence goes on
        to a quote with a cue after it takes that quote's speaker ("Guns are “a crisis” and “stunt
        growth,” Howard Dean said")."""
        for k in range(len(quotes) - 2, -1, -1):
            last, following = quotes[k][-1], quotes[k + 1][0]
            if (
                len(quotes[k]) > 1  # a passage over paragraphs is no fragment of one sentence
                or self.paragraphs[last.paragraph][last.start : last.end].rstrip(QUOTE_MARKS + " ")[-1:]
                in SENTENCE_STOPS  # a closed sentence: the next quote may be someone else's
                or not self.paragraphs[last.paragraph][last.end + 1 : following.start].strip(
                    QUOTE_MARKS + " "
                )
                or self.rules[k] in CUE_RULES
                or self.rules[k + 1] not in (CUE_RULES[2], "cue of a later quote in its sentence")
                or last.paragraph != following.paragraph
                or self._ends_between(last.paragraph, last.end + 1, following.start)
            ):
                continue
            self.decided[k], self.rules[k] = self.decided[k + 1], "cue of a later quote in its sentence"

    def _repeated(self, quotes: Sequence[Sequence[Span]]) -> None:
        """A quote without a cue of its own that the article quotes again with one (a pull quote
        set apart from the text that attributes it) takes the speaker of that other place."""
        cued: dict[str, Speaker] = {}
        for spans, speaker, rule in zip(quotes, self.decided, self.rules, strict=True):
            if rule in CUE_RULES:
                cued.setdefault(self._words_of(spans), speaker)
        if not cued:
            return
        for k, spans in enumerate(quotes):
            if self.rules[k] in CUE_RULES:
                continue  # tested first: the words of a cued quote were folded above
            words = self._words_of(spans)
            if words in cued and self._stands_alone(spans):
                self.decided[k], self.rules[k] = cued[words], "same words quoted with a cue"

    def _stands_alone(self, spans: Sequence[Span]) -> bool:
        """Whether a quote of some length fills its paragraphs, as a pull quote does."""
        return len(tokens.split(self._words_of(spans))) >= PULL_QUOTE_WORDS and all(
            not (self.paragraphs[s.paragraph][: s.start] + self.paragraphs[s.paragraph][s.end :]).strip(
                " .,!?" + QUOTE_MARKS
            )
            for s in spans
        )

    def _words_of(self, spans: Sequence[Span]) -> str:
        """A quote's words without punctuation, folded for comparison."""
        return " ".join(tokens.letters(text_of(self.paragraphs, spans).lower()))

    def _attribute(
        self, k: int, quotes: Sequence[Sequence[Span]], done: list[Speaker], lower: int
    ) -> tuple[Speaker, str]:
        """The speaker of quote ``k`` and the rule that found it: a transcript label, the cue
        before a quote a colon introduces, the cue after it, the cue before it, else a speaker
        carried over from the text around it. ``lower`` is where the quote's sentence may start."""
        first, last = quotes[k][0], quotes[k][-1]
        introduced = self.paragraphs[first.paragraph][: max(first.start - 1, 0)].rstrip().endswith(":")
        cues: list[tuple[str, Callable[[], Cue]]] = [
            (CUE_RULES[0], lambda: self._label(first)),
            (CUE_RULES[1], lambda: introduced and self._cue_before(first.paragraph, first.start, lower)),
            (CUE_RULES[2], lambda: self._cue_after(last.paragraph, last.end)),
            (CUE_RULES[3], lambda: self._cue_before(first.paragraph, first.start, lower)),
        ]
        for rule, cue in cues:
            self._detail = None
            speaker = cue()
            if speaker is not False:
                return (None if isinstance(speaker, bool) else speaker), rule
        return self._carried(k, quotes, done, lower)

    def _because(self, detail: str, found: Cue) -> Cue:
        """``found``, recording ``detail`` as the named rule that found it when it is a cue (for
        ``explain``: the rule of the outermost cue function that returns it)."""
        if found is not False:
            self._detail = detail
        return found

    def explain(self, quotes: Sequence[Sequence[Span]]) -> list[str]:
        """One line per quote: where it stands, its first words, its speaker and the rule that
        found it (``scripts/explain_speakers.py``). Call after ``speakers``."""
        lines = []
        for spans, rule, detail, speaker in zip(quotes, self.rules, self.details, self.decided, strict=True):
            first = spans[0]
            words = self.paragraphs[first.paragraph][first.start : first.end][:EXPLAIN_CHARS]
            who = f"{speaker.kind.value} {speaker.name!r}" if isinstance(speaker, Found) else repr(speaker)
            lines.append(
                f"{first.paragraph}:{first.start} {words!r}… -> {who}; {rule}"
                + (f" ({detail})" if detail else "")
            )
        return lines

    def _label(self, first: Span) -> Cue:
        """The speaker a transcript names at the head of a quote ("“SMITH: We …"): the person with
        that surname, else the label as written; False when the quote has no such label."""
        label = LABEL.match(self.paragraphs[first.paragraph], first.start)
        if label is None:
            return False
        last = tokens.split(label.group(1))[-1]
        for r in self.entities.resolved:
            if r.entity.kind is Kind.PERSON and last in (w.upper() for w in r.entity.words):
                return r.entity
        return label.group(1)

    def _carried(
        self, k: int, quotes: Sequence[Sequence[Span]], done: list[Speaker], lower: int
    ) -> tuple[Speaker, str]:
        """A quote without a cue of its own, and the rule that gave its speaker: whoever a
        paragraph ending in a colon introduced, the name signing its paragraph, the subject of an
        earlier sentence of its paragraph, the sender an e-mail header right above it names, the
        speaker of the quote before it in the paragraph or the paragraph before, the person last
        named, or, for a quote opening the article, the person the sentence after it opens with."""
        first = quotes[k][0]
        prev_text = self.paragraphs[first.paragraph - 1].rstrip() if first.paragraph > 0 else ""
        if prev_text.endswith(":") and self.paragraphs[first.paragraph][: first.start].strip() in OPENERS:
            cue = self._cue_before(first.paragraph - 1, len(prev_text) + 1, 0)
            if isinstance(cue, (Found, str)):
                return cue, "introduced by the paragraph before"
        signed = self._signature(quotes[k][-1].paragraph)
        if signed is not None:
            return signed, "signature of the paragraph"
        sender = self._email_sender(first)
        if sender is not None:
            return sender, "sender in the e-mail header above"
        if k > 0 and self._follows_its_cue(quotes[k - 1][-1], first, self.rules[k - 1]):
            return done[k - 1], "speaker of the quote before"
        subject = self._earlier_subject(first.paragraph, lower, first.start)
        if subject is not None:
            return subject, "subject of an earlier sentence"
        if k > 0 and done[k - 1] is not None and quotes[k - 1][-1].paragraph >= first.paragraph - 1:
            return done[k - 1], "speaker of the quote before"
        before = self._antecedent(first.paragraph, first.start, "x")
        if before is None and not any(self.entities.at(p) for p in range(first.paragraph)):
            return self._subject_after(quotes[k][-1]), "subject of the sentence after an opening quote"
        return before, "person last named"

    def _subject_after(self, last: Span) -> Found | None:
        """The person a quote that opens an article before anyone is named is followed by: the
        person the rest of its sentence opens with, when a verb of saying follows (“…” and “…,”
        Howard Dean, the former governor, proclaimed)."""
        text = self.paragraphs[last.paragraph]
        _, end = self._sentence(last.paragraph, last.end + 1)
        if end <= last.end + 1 or next(_each_verb(text, last.end + 1, end), None) is None:
            return None  # "… as “an island of democracy”, the President pushed through a law"
        subject = self._sentence_subject(last.paragraph, last.end + 1, end)
        return subject if subject is not None and subject.kind is Kind.PERSON else None

    def _email_sender(self, first: Span) -> Found | None:
        """The person or organisation the "From:" line names of an e-mail's header lines right
        above a quote that opens its paragraph ("From: Cheryl Mills / To: … / Subject: …")."""
        if self.paragraphs[first.paragraph][: first.start].strip(OPENERS + " "):
            return None
        labels = lexicons.table("email_headers.tsv")
        for p in range(first.paragraph - 1, max(-1, first.paragraph - 1 - len(labels)), -1):
            header = HEADER_LINE.match(self.paragraphs[p])
            if header is None or header[1] not in labels:
                return None
            if labels[header[1]] == "sender":
                named = self._mentions(p, header.end(), len(self.paragraphs[p]), (Kind.PERSON, Kind.ORG))
                return named[0][2] if named else None
        return None

    def _follows_its_cue(self, before: Span, first: Span, rule: str) -> bool:
        """Whether a quote opens the sentence after the one that attributes the quote before it
        ("“…,” X told the Journal, after Y stated … “…”"): that sentence's verbs are its cue."""
        if rule != CUE_RULES[2] or before.paragraph != first.paragraph:
            return False
        text = self.paragraphs[first.paragraph]
        between = [e for e in self._ends(first.paragraph) if before.end + 1 < e < first.start]
        return len(between) <= 1 and not text[between[-1] if between else before.end + 1 : first.start].strip(
            " " + OPENERS
        )

    def _subject_of(self, paragraph: int, start: int, end: int, inverted: bool = True) -> Speaker:
        """Who a sentence is about: the subject of its last reporting verb that has a named one,
        or (when ``inverted``) the speaker named after a verb that follows a quotation too short
        to be a quote ("“No,” said a former official."), else the person or organisation it
        opens with."""
        text = self.paragraphs[paragraph]
        for v in reversed(_verbs(text, start, end)):
            subject = self._subject_before(paragraph, start, v.start())
            if isinstance(subject, Found):
                return subject
            closing = text[start : v.start()].rstrip(" ,")
            if inverted and subject is False and closing.endswith(("”", '"')):
                cue = self._cue_after(paragraph, start + len(closing) - 1)
                if isinstance(cue, (Found, str)):
                    return cue
        return self._sentence_subject(paragraph, start, end)

    def _topic(self, paragraph: int, position: int, head: str, own: list[Found]) -> Found | None:
        """The person a definite role phrase ("the Indiana governor") stands for: the subject of
        the nearest sentence before it about a person other than those in the phrase (``own``);
        None when a sentence on the way names the role itself (it then has a referent of its own)."""
        role = re.compile(rf"\b{re.escape(head)}s?\b", re.IGNORECASE)
        for p, s, e in self._sentences_back(paragraph, position, 0, LOOKBACK):
            if any(not self._quoted(p, m.start()) for m in role.finditer(self.paragraphs[p], s, e)):
                return None
            subject = self._subject_of(p, s, e, inverted=False)  # no cue: it may hold this very role
            if isinstance(subject, Found) and subject.kind is Kind.PERSON and subject not in own:
                return subject
        return None

    def _earlier_subject(self, paragraph: int, lower: int, position: int) -> Speaker:
        """The subject of the nearest sentence between ``lower`` and ``position`` in a paragraph
        that has one: of a reporting verb, or the person or organisation it opens with."""
        for p, s, e in self._sentences_back(paragraph, position, lower, 1):
            subject = self._subject_of(p, s, e)
            if subject is not None:
                return subject
        return None
