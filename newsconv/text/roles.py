"""A person's title and affiliation from the words around a mention: a title before the name
("Prime Minister Hun Sen", "defence lawyer Reid Weingarten") or an appositive after it
("Yeng Virak, executive director of Community Legal Education Center,").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsconv.text import lexicons, tokens
from newsconv.text.entities import Entities, Found, Kind
from newsconv.text.names import is_title_part, is_title_word

APPOSITIVE = re.compile(
    r",\s+(?:\d{1,3},\s+)?(?:(?:a|an|the)\s+)?([^,.;:()“”\"]{2,160}?)\s*(?:[,.;:()“”\"]|$)"
)  # an age may come first: "Paul Crane, 45, a teacher at Hill School,"
ORG_LINK = re.compile(r"\s+(?:for|of|at|with|from|in)\s+(?:the\s+)?(?=\S*[A-Z])")
AFTER_NAME = re.compile(
    r"\s+(?:of|at|from)\s+(?:the\s+)?(?=[A-Z])"
)  # "Lara Voss of the Green Party said", "Dan Li at the Review"
PARTY_CODE = re.compile(r"\s*\((?P<party>[A-Z])-[A-Z][\w.]*\)")  # "(D-Va.)" after a US politician's name
POSSESSIVE_GAPS = ("’s ", "'s ", "’ ", "' ")  # between an organisation and a name it owns
COORDINATION = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)\Z")  # between names that share a title
PHRASE_LINKS = ("of", "for")  # "head of the tribunal", "commissioner for human rights"
MAX_PHRASE_WORDS = 6  # words after such a link, before the name
FILLER_VERB_LENGTH = 3  # fillers this short are verbs ("has", "was"), not adverbs ("then")
ROLE_BREAKS = ("prep",)  # an appositive opening with one is no title ("to be", "by then")
BREAKING_PARTS = ("prep", "conj", "cue", "filler")  # parts in speaker_words.tsv that end such a phrase
MAX_TITLE_WORDS = 12


class Roles:
    """Titles and affiliations of the persons of one article."""

    def __init__(self, paragraphs: Sequence[str], entities: Entities) -> None:
        self.paragraphs = paragraphs
        self.entities = entities

    def _org_at(
        self, paragraph: int, start: int, end: int, kinds: tuple[Kind, ...] = (Kind.ORG, Kind.PLACE)
    ) -> tuple[int, Found] | None:
        for r in self.entities.at(paragraph):
            if start <= r.candidate.start < end and r.entity.kind in kinds:
                return r.candidate.start, r.entity
        return None

    def _in_name(self, paragraph: int, position: int) -> bool:
        """Whether ``position`` lies in the mention of an organisation or place."""
        return any(
            r.candidate.start <= position < r.candidate.end and r.entity.kind in (Kind.ORG, Kind.PLACE)
            for r in self.entities.at(paragraph)
        )

    def _appositive(self, paragraph: int, end: int) -> tuple[str | None, str | None] | None:
        text = self.paragraphs[paragraph]
        m = APPOSITIVE.match(text, end)
        if not m:
            return None
        phrase, base = _before_clause(m.group(1)), m.start(1)
        words = tokens.split(phrase)
        articles = lexicons.speaker_words("definite", "indefinite")
        if len(words) > 1 and _bare_filler(words[0]) and (words[1] in articles or is_title_part(words[1])):
            drop = 2 if words[1] in articles else 1  # "…, then the secretary of state,"
            lead = len(" ".join(words[:drop])) + 1
            phrase, base, words = phrase[lead:], base + lead, words[drop:]
        if not words or not _opens_noun_phrase(words) or not any(is_title_word(w) for w in words[:6]):
            return None  # "…, saying the nominee", "…, digital consultant Phil Musser says,"
        link = ORG_LINK.search(phrase)
        title = re.sub(r"\s+(?:the|a|an)$|[’']s$", "", phrase[: link.start()] if link else phrase).strip()
        org = self._org_at(paragraph, base + (link.start() if link else len(phrase)), base + len(phrase))
        title = " ".join(tokens.split(title)[:MAX_TITLE_WORDS])
        return title or None, org[1].name if org else None

    def _phrase_head(self, paragraph: int, text: str, words: list[re.Match[str]]) -> int | None:
        """The index of a title word that a phrase of "of"/"for" carries up to the name ("head of
        the tribunal", "commissioner for human rights"): the phrase's words are lower case or
        inside the name of an organisation or place, with nothing but spaces between them."""
        last = len(words) - 1
        for k in range(last, max(0, last - MAX_PHRASE_WORDS), -1):
            word = words[k]
            if text[words[k - 1].end() : word.start()].strip():
                return None
            if word.group() in PHRASE_LINKS:
                return k - 1 if k < last and is_title_word(words[k - 1].group()) else None
            if word.group() in lexicons.speaker_words(*BREAKING_PARTS) or (
                word.group().endswith(".") and word.group().islower()
            ):
                return None
            if k == last and word.group() in lexicons.speaker_words("det", "definite", "indefinite"):
                return None  # "vice-president of the" ends in no noun
            if word.group()[:1].isupper() and not self._in_name(paragraph, word.start()):
                return None
        return None

    def _before(self, paragraph: int, start: int, end: int) -> tuple[str | None, str | None] | None:
        text = self.paragraphs[paragraph][:start]
        if text.endswith(", ") and self.paragraphs[paragraph][end : end + 1] == ",":
            text = text[:-2]
            start -= 2
        words = tokens.last_words(text, MAX_TITLE_WORDS)
        if not words or text[words[-1].end() :].strip():
            return None
        head = (
            len(words) - 1 if is_title_word(words[-1].group()) else self._phrase_head(paragraph, text, words)
        )
        if head is None:
            return None
        k = head
        while k > 0 and head - k < MAX_TITLE_WORDS:
            w = words[k - 1].group()
            gap = text[words[k - 1].end() : words[k].start()]
            if gap.strip() or not (
                is_title_part(w) or (w[:1].isupper() and w not in lexicons.words("stop_capitals.txt"))
            ):
                break
            k -= 1
        first = words[k].start()
        org = self._org_at(paragraph, first, start)
        title = _own_title(text[first:start].strip())
        return title, org[1].name if org else self._named_by(title)

    def _named_by(self, title: str) -> str | None:
        """The party a word of a title stands for: "Democratic nominee" -> "Democratic Party", when
        the article names that party ("Chinese Premier" is no "Chinese Embassy" man, and "Clinton
        spokesman" no "Clinton Party" one: a word of a person's name is not taken)."""
        party_words = lexicons.words("party_words.txt")
        persons = {w for f in self.entities.found if f.kind is Kind.PERSON for w in f.words}
        capitals = [w for w in tokens.split(title)[:-1] if w[:1].isupper() and w not in persons]
        named = next(
            (
                f.name
                for f in self.entities.found
                if f.kind is Kind.ORG
                and len(f.words) == 2
                and f.words[0] in capitals
                and f.words[1].lower() in party_words
            ),
            None,
        )
        parties = lexicons.table("party_names.tsv")
        return named or next((parties[w] for w in capitals if w in parties and len(w) > 1), None)

    def _party_code(self, paragraph: int, end: int) -> str | None:
        """The party a US politician's bracket after the name gives: "Tim Kaine (D-Va.)"."""
        code = PARTY_CODE.match(self.paragraphs[paragraph], end)
        return lexicons.table("party_names.tsv").get(code["party"]) if code else None

    def _possessor(self, paragraph: int, start: int) -> str | None:
        """The organisation whose possessive comes right before a name: "National Review’s Dan
        McLaughlin", "CNN's Jake Tapper"."""
        text = self.paragraphs[paragraph]
        for r in self.entities.at(paragraph):
            if r.entity.kind is Kind.ORG and text[r.candidate.end : start] in POSSESSIVE_GAPS:
                return r.entity.name
        return None

    def _shared(self, paragraph: int, start: int) -> tuple[str | None, str | None] | None:
        """A plural title before coordinated names, for each of them: "Sprinters A and B"."""
        text = self.paragraphs[paragraph]
        previous = [
            r
            for r in self.entities.at(paragraph)
            if r.entity.kind is Kind.PERSON and r.candidate.end <= start
        ]
        if not previous or not COORDINATION.match(text, previous[-1].candidate.end, start):
            return None
        first = previous[-1].candidate
        found = self._before(paragraph, first.start, first.end) or self._shared(paragraph, first.start)
        if found is None or found[0] is None:
            return None
        single = _singular(found[0])
        return (single, found[1]) if single != found[0] else None

    def of(self, person: Found) -> tuple[str | None, str | None]:
        """The title and affiliation of a person, from the first mention that gives one."""
        title: str | None = None
        affiliation: str | None = None
        for r in self.entities.resolved:
            if r.entity is not person:
                continue
            c = r.candidate
            start = c.start - len(c.honorific or "") - (1 if c.honorific else 0)
            found = self._appositive(c.paragraph, c.end)
            if found is None:  # a title before a name may be plural: "Sprinters A and B"
                found = self._before(c.paragraph, start, c.end) or self._shared(c.paragraph, start)
                found = found and (found[0] and _singular(found[0]), found[1])
            if found:
                title = title or found[0]
                affiliation = affiliation or found[1]
            if title is None and c.title:
                title = _singular(_own_title(c.title))
                affiliation = affiliation or self._named_by(title)
            if affiliation is None:
                after = AFTER_NAME.match(self.paragraphs[c.paragraph], c.end)
                org = after and self._org_at(c.paragraph, after.end(), after.end() + 1, (Kind.ORG,))
                affiliation = org[1].name if org else None
            affiliation = (
                affiliation or self._party_code(c.paragraph, c.end) or self._possessor(c.paragraph, start)
            )
            if title and affiliation:
                break
        if (
            affiliation is None
            and title
            and tokens.split(title)[-1].lower() in lexicons.words("agent_titles.txt")
        ):
            affiliation = self._last_org_before(person)
        return title, affiliation

    def _last_org_before(self, person: Found) -> str | None:
        """The organisation named last before a person's first mention, in its paragraph or the one
        before: whom a bare spokesman speaks for ("But the IAAF said … Spokesman Nick Davies said")."""
        first = next(r.candidate for r in self.entities.resolved if r.entity is person)
        orgs = [
            r.entity.name
            for r in self.entities.resolved
            if r.entity.kind is Kind.ORG
            and first.paragraph - 1 <= r.candidate.paragraph
            and (r.candidate.paragraph, r.candidate.start) < (first.paragraph, first.start)
        ]
        return orgs[-1] if orgs else None


def _before_clause(phrase: str) -> str:
    """An appositive without the relative clause or verb that may follow its title ("a retired
    Army officer who commanded a unit" -> "a retired Army officer", "a spokesman for X told the
    Post" -> "a spokesman for X"); nothing when it ends in a verb of saying, as an aside does
    ("…, digital consultant Phil Musser says, …")."""
    words = tokens.split(phrase)
    verbs = lexicons.words("reporting_verbs.txt")
    if not words or words[-1] in verbs:
        return ""
    clause = lexicons.speaker_words("clause")
    cut = next((k for k, w in enumerate(words) if k and (w.lower() in clause or w in verbs)), len(words))
    return " ".join(words[:cut])


def _bare_filler(word: str) -> bool:
    """Whether a word is an adverb that may stand before a title ("then", "once", "later")."""
    return (
        word.isalpha() and word.lower() in lexicons.speaker_words("filler") and len(word) > FILLER_VERB_LENGTH
    )


def _opens_noun_phrase(words: Sequence[str]) -> bool:
    """Whether an appositive's first word may open a title: not a clause word, a conjunction, a
    filler or a preposition, nor a participle unless a title word follows it ("saying the
    nominee", "to be", "and Republicans"; but "acting director")."""
    low = words[0].lower()
    return not (
        low in lexicons.speaker_words("clause", "conj", "cue", "filler", *ROLE_BREAKS)
        or (
            low.endswith("ing")
            and words[0].islower()
            and not is_title_part(words[0])
            and not any(is_title_word(w) for w in words[1:3])
        )
    )


def _own_title(title: str) -> str:
    """A title without the possessor before it: "the club's assistant manager" -> "assistant manager"."""
    words = tokens.split(title)
    owned = [i for i, w in enumerate(words[:-1]) if w.endswith(("'s", "’s"))]
    return " ".join(words[owned[-1] + 1 :]) if owned else title


def _singular(title: str) -> str:
    """A plural title as one person's ("Sprinters" -> "sprinter"); any other title as it is."""
    words = tokens.split(title)
    last, heads = words[-1], lexicons.words("title_words.txt")
    if not last.endswith("s") or last.lower() in heads or last[:-1].lower() not in heads:
        return title
    words[-1] = last[:-1]
    if len(words) == 1:
        words[0] = words[0].lower()
    return " ".join(words)
