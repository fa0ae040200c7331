"""A person's title and affiliation from the words around a mention: a title before the name
("Prime Minister Hun Sen", "defence lawyer Reid Weingarten") or an appositive after it
("Dara Kosal, executive director of Riverside Tenant Advice Office,").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from functools import cache, cached_property
from itertools import pairwise

from newsconv.text import lexicons, tokens
from newsconv.text.entities import Entities, Found, Kind, Resolved
from newsconv.text.names import Candidate, is_title_part, is_title_word

PREPOSITIONS = ("prep", "affiliation", "absolute")  # parts of speaker_words.tsv that are prepositions
WORD_WINDOW = 12  # characters before a name looked at for the word before it
POSSESSIVE_AFTER = re.compile(r"['’]")  # right after a name: its possessive
NEXT_WORD = re.compile(r" ([a-z][\w-]*)")  # a lower-case word right after a name
PARTY_CODE = re.compile(r"\s*\((?P<party>[A-Z])-[A-Z][\w.]*\)")  # "(D-Va.)" after a US politician's name
TITLE_POSSESSED = re.compile(r"['’]s?\s+(?:[a-z][\w-]*\s+){0,3}")  # "’s current ", "'s chief human "
POSSESSIVE_GAPS = ("’s ", "'s ", "’ ", "' ")  # between an organisation and a name it owns
COORDINATION = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)\Z")  # between names that share a title
MAX_PHRASE_WORDS = (
    6  # words after a "phrase" link of role_words.tsv ("head of the tribunal"), before the name
)
FILLER_VERB_LENGTH = 3  # fillers this short are verbs ("has", "was"), not adverbs ("then")
ROLE_BREAKS = ("prep",)  # an appositive opening with one is no title ("to be", "by then")
BREAKING_PARTS = ("prep", "conj", "cue", "filler")  # parts in speaker_words.tsv that end such a phrase
MAX_TITLE_WORDS = 12
HEAD_REACH = 64  # characters first scanned for the words of a title's head before a name
Title = tuple[str | None, str | None]  # a title and an affiliation, either unknown


@cache
def _appositive() -> re.Pattern[str]:
    """An appositive after a name, up to the comma, bracket, quotation mark or full stop that ends
    it: an age may come first ("Paul Crane, 45, a teacher at Hill School,"), or a relative clause
    that gives a title ("Ann Li, who is the head of …"); an initial's or abbreviation's stop stays
    inside ("daughter of George W. Bush", "a D.C. lobbyist"). The phrase's character is an atomic
    group: a stop both after an initial and before a letter ("A.A.") matches two branches, and
    retrying the other one at every such stop was exponential."""
    copula, present = lexicons.role_alternation("copula"), lexicons.role_alternation("present")
    article = lexicons.role_alternation("article")
    return re.compile(
        rf",\s+(?:\d{{1,3}},\s+)?(?P<who>who\s+(?:{copula})\s+(?:(?:{present})\s+)?)?(?P<article>(?:{article})\s+)?"
        r"(?P<phrase>(?>[^,.;:()“”\"]|(?<=\b[A-Z])\.|\.(?=\w)){2,160}?)\s*(?:[,;:()“”\"]|(?<!\b[A-Z])\.(?!\w)|$)"
    )


@cache
def _after_name_link() -> re.Pattern[str]:
    """A link right after a name to the organisation that employs the person ("Lara Voss of the
    Green Party said", "Dan Li at the Review")."""
    links, definite = lexicons.role_alternation("after"), "|".join(lexicons.speaker_words("definite"))
    return re.compile(rf"\s+(?P<link>{links})\s+(?:(?:{definite})\s+)?(?=[A-Z])")


@cache
def _employer_clause() -> re.Pattern[str]:
    """A relative clause after a name whose verb ties the person to the organisation named next
    ("…, who heads the Red Cross", "…, who now works for Google")."""
    verbs = "|".join(sorted(map(re.escape, lexicons.words("employer_verbs.txt")), key=len, reverse=True))
    current, definite = lexicons.role_alternation("current"), "|".join(lexicons.speaker_words("definite"))
    return re.compile(rf",\s+who\s+(?:(?:{current})\s+)?(?:{verbs})\s+(?:(?:{definite})\s+)?")


@cache
def _trailing_article() -> re.Pattern[str]:
    """An article or possessive ending the words before a title's link ("the head of the" ->
    "the head of", "the club's" -> "the club")."""
    return re.compile(rf"\s+(?:{lexicons.role_alternation('article')})$|[’']s$")


@cache
def _led_by() -> re.Pattern[str]:
    """The words after a person's name that make it the name of an organisation the person leads:
    a possessive, a few lower-case words or a year, and a noun of led_org_nouns.txt ("’s 2000
    presidential campaign", " administration")."""
    nouns = "|".join(sorted(map(re.escape, lexicons.words("led_org_nouns.txt")), key=len, reverse=True))
    return re.compile(rf"(?:['’]s?)?(?:\s+(?:\d{{4}}|[a-z][\w-]*+)){{0,3}}?\s+(?P<noun>{nouns})\b")


@cache
def _org_link() -> re.Pattern[str]:
    """A link word before an organisation's name, maybe after a noun of the organisation's kind
    ("executive director of Riverside Tenant Advice Office", "chairman of the liberal
    policy group Civic Forward"; not "lecturer of maritime law at Leeds")."""
    nouns = "|".join(sorted(map(re.escape, lexicons.words("org_nouns.txt")), key=len, reverse=True))
    links, article = lexicons.role_alternation("link"), lexicons.role_alternation("article")
    return re.compile(
        rf"\s+(?P<link>{links})\s+(?:(?:{article})\s+)?"
        rf"(?=\S*[A-Z]|(?:[a-z-]+\s+){{0,3}}(?:{nouns})\s+[A-Z])"
    )


class Roles:
    """Titles and affiliations of the persons of one article."""

    def __init__(self, paragraphs: Sequence[str], entities: Entities) -> None:
        self.paragraphs = paragraphs
        self.entities = entities
        self._persons: dict[int, tuple[list[Resolved], list[int] | None]] = {}
        self._shared_at: dict[tuple[int, int], Title | None] = {}  # ``_shared``'s answers
        self._orgs_ending: dict[int, dict[int, Found]] = {}

    def _persons_by_end(self, paragraph: int) -> tuple[list[Resolved], list[int] | None]:
        """The person mentions of a paragraph in order, and where each ends when the ends are in
        order (None otherwise); kept per paragraph, so that a paragraph of many names is not
        scanned again for each of them."""
        if paragraph not in self._persons:
            persons = [r for r in self.entities.at(paragraph) if r.entity.kind is Kind.PERSON]
            ends = [r.candidate.end for r in persons]
            self._persons[paragraph] = persons, ends if all(a <= b for a, b in pairwise(ends)) else None
        return self._persons[paragraph]

    def _last_person_before(self, paragraph: int, start: int) -> Resolved | None:
        """The last person mention (in order) that ends at or before ``start``."""
        persons, ends = self._persons_by_end(paragraph)
        if ends is not None:  # mentions do not overlap: search the ends
            index = bisect_right(ends, start)
            return persons[index - 1] if index else None
        return next((r for r in reversed(persons) if r.candidate.end <= start), None)

    def _org_ending(self, paragraph: int, end: int) -> Found | None:
        """The organisation whose first mention (in order) in a paragraph ends at ``end``."""
        if paragraph not in self._orgs_ending:
            ending: dict[int, Found] = {}
            for r in self.entities.at(paragraph):
                if r.entity.kind is Kind.ORG:
                    ending.setdefault(r.candidate.end, r.entity)
            self._orgs_ending[paragraph] = ending
        return self._orgs_ending[paragraph].get(end)

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
        """The title and affiliation an appositive after a name gives ("Dara Kosal, executive
        director of Riverside Tenant Advice Office,"): its words up to a link word ("of",
        "for", "at", …) before a capital, holding a role noun; None when the commas hold no
        title ("…, saying the nominee", "…, one of Mayor Lund's most loyal backers,") or a list
        of names ("…, Bobby Knight, and …")."""
        found = self._appositive_phrase(paragraph, end)
        if found is None:
            return None
        phrase, base = found
        link = _org_link().search(phrase)
        head_end = link.start() if link else len(phrase)
        title = _trailing_article().sub("", phrase[:head_end]).strip()
        title = " ".join(tokens.split(title)[:MAX_TITLE_WORDS])
        if not any(_role_word(w) for w in tokens.split(title)):
            return None
        own = tokens.split(_own_title(title))  # "Donald Trump’s wife": the words after the possessor
        if _role_noun(own[-1]) == "relation" and not any(map(is_title_word, own)):
            return title, None  # "son of HP's co-founder", "a Trump supporter": no employer
        if own[-1] in lexicons.table("party_names.tsv") and len(own[-1]) > 1:
            return title, lexicons.table("party_names.tsv")[own[-1]]  # "…, Republican of Iowa,"
        head = base + phrase.rfind(" ", 0, len(title)) + 1  # where the title's last word starts
        end = base + len(phrase)
        employer = self._employer(paragraph, (base, head, base + head_end, end), link)
        return title, employer or self._led_org(paragraph, base, end)

    def _appositive_phrase(self, paragraph: int, end: int) -> tuple[str, int] | None:
        """The words of an appositive after a name ending at ``end`` and where they start: after
        an age and an article, without a leading adverb ("…, then the secretary of state,"), cut
        at a relative clause; None when they open no noun phrase, hold no role noun within six
        words or list names."""
        text = self.paragraphs[paragraph]
        m = _appositive().match(text, end)
        if not m:
            return None
        phrase, base = _before_clause(m["phrase"]), m.start("phrase")
        words = tokens.split(phrase)
        articles = lexicons.speaker_words("definite", "indefinite")
        if len(words) > 1 and _bare_filler(words[0]) and (words[1] in articles or is_title_part(words[1])):
            drop = 2 if words[1] in articles else 1
            lead = len(" ".join(words[:drop])) + 1
            phrase, base, words = phrase[lead:], base + lead, words[drop:]
        if not words or not _opens_noun_phrase(words) or not any(_role_word(w) for w in words[:6]):
            return None  # "…, saying the nominee", "…, digital consultant Phil Musser says,"
        if m["who"] and not m["article"] and not _opens_title(words[0]):
            return None  # "…, who is running against …", "…, who was third in the polls"
        return None if self._lists_names(paragraph, base, phrase) else (phrase, base)

    def _lists_names(self, paragraph: int, base: int, phrase: str) -> bool:
        """Whether an appositive's words (from ``base``) name a person that no link word ties to
        its title, who neither owns nor modifies what follows: the next items of a list of names
        ("…, Dallas Comets coach Sam Everly, …", "…, Hale and RNC Chairman Tom Brisco"),
        unlike "an adviser to President Obama", "Obama's nominee", "a Clinton supporter"."""
        text = self.paragraphs[paragraph]
        end = base + len(phrase)
        links = lexicons.speaker_words("prep", "affiliation")
        for r in self.entities.at(paragraph):
            c = r.candidate
            if r.entity.kind is not Kind.PERSON or not base <= c.start < end:
                continue
            before = tokens.split(text[base : c.start])
            governed = any(tokens.bare(w) in links for w in before) or bool(
                before and POSSESSIVE_AFTER.search(before[-1])
            )
            modifies = c.end < end and self._modifies(paragraph, c.end)  # "a Clinton supporter"
            if not (governed or POSSESSIVE_AFTER.match(text, c.end) or modifies):
                return True
        return False

    def _employer(
        self, paragraph: int, bounds: tuple[int, int, int, int], link: re.Match[str] | None
    ) -> str | None:
        """The organisation an appositive's title works for. ``bounds`` are where the appositive
        starts, where its title's last word starts, where its link word stands and where it ends.
        The link's object first (not a place after "from" or "in": where a person lives), then an
        organisation the title names ("an RNC delegate from Nevada"; not one that is the title
        itself, "a centrist Kansas Republican"), then one named further on ("policy director for the
        tenants' rights group Fair Homes Alliance"). A place that modifies a noun ("the head of an
        Ohio company") employs nobody."""
        start, head, link_at, end = bounds
        kinds = (
            (Kind.ORG,) if link and link["link"] in lexicons.role_words("origin") else (Kind.ORG, Kind.PLACE)
        )
        candidates = [
            r
            for r in self.entities.at(paragraph)
            if r.entity.kind is Kind.ORG
            or (r.entity.kind is Kind.PLACE and not self._modifies(paragraph, r.candidate.end))
        ]
        object_at = link_at + len(link[0]) if link else -1
        direct = (r.entity for r in candidates if r.candidate.start == object_at and r.entity.kind in kinds)
        inside = (
            r.entity
            for r in candidates
            if r.entity.kind is Kind.ORG
            and start <= r.candidate.start < head
            and not (r.candidate.end > head and is_title_word(r.entity.words[-1]))
        )
        later = (
            r.entity for r in candidates if link_at <= r.candidate.start < end and r.entity.kind in kinds
        )
        found = next(direct, None) or next(inside, None) or next(later, None)
        return found.name if found else None

    def _led_org(self, paragraph: int, start: int, end: int) -> str | None:
        """An organisation named after the person who leads it, within ``start`` to ``end`` of a
        title ("a spokeswoman for the Harlow campaign", "Vance campaign manager", "Pelt's 2010
        mayoral campaign"): the name as written and the organisation's noun ("Harlow
        campaign")."""
        text = self.paragraphs[paragraph]
        persons, ends = self._persons_by_end(paragraph)
        first = bisect_right(ends, start) if ends is not None else 0  # only those ending after start
        for r in persons[first:]:
            c = r.candidate
            if ends is not None and c.start >= end:
                break
            if start <= c.start < end:
                led = _led_by().match(text, c.end, end)
                if led is not None:
                    return f"{text[c.start : c.end]} {led['noun']}"
        return None

    def _modifies(self, paragraph: int, end: int) -> bool:
        """Whether a name ending at ``end`` modifies the lower-case noun after it ("an Ohio
        company"), which no small word of an attribution is ("governor of Ohio who …")."""
        following = NEXT_WORD.match(self.paragraphs[paragraph], end)
        if following is None:
            return False
        word = following[1]
        return not (
            word in lexicons.table("speaker_words.tsv")
            or word in lexicons.words("reporting_verbs.txt")
            or word.endswith("ed")  # a verb: "Lara Voss of the Green Party argued …"
        )

    def _phrase_head(self, paragraph: int, text: str, words: list[re.Match[str]]) -> int | None:
        """The index of a title word that a phrase of "of"/"for" carries up to the name ("head of
        the tribunal", "commissioner for human rights"): the phrase's words are lower case or
        inside the name of an organisation or place, with nothing but spaces between them."""
        last = len(words) - 1
        for k in range(last, max(0, last - MAX_PHRASE_WORDS), -1):
            word = words[k]
            if text[words[k - 1].end() : word.start()].strip():
                return None
            if word.group() in lexicons.role_words("phrase"):
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
        set_off = text.endswith(", ") and self._set_off(paragraph, end)
        if set_off:
            text = text[:-2]
            start -= 2
        # The head is looked for among the last few words (``_phrase_head`` reads no further back),
        # and all of the tail read only when there is one: most names have no title before them.
        words = tokens.last_words(text, MAX_PHRASE_WORDS + 2, HEAD_REACH)
        if not words or text[words[-1].end() :].strip():
            return None
        head = (
            len(words) - 1 if is_title_word(words[-1].group()) else self._phrase_head(paragraph, text, words)
        )
        if head is None:
            return None
        few, words = len(words), tokens.last_words(text, MAX_TITLE_WORDS)
        head += len(words) - few  # the same word, counted in the longer tail
        k = head
        while k > 0 and head - k < MAX_TITLE_WORDS:
            w = words[k - 1].group()
            gap = text[words[k - 1].end() : words[k].start()]
            if gap.strip() or not (
                is_title_part(w) or (w[:1].isupper() and w not in lexicons.words("stop_capitals.txt"))
            ):
                break
            k -= 1
        listed = set_off and self.paragraphs[paragraph][end : end + 1] != ","
        if listed and _governed_title(words, k):
            return None  # "Among Republicans, Donald Trump and Ted Cruz …": no title of theirs
        first = words[k].start()
        org = self._org_at(paragraph, first, start)
        title = _own_title(text[first:start].strip())
        employer = org[1].name if org else self._title_possessor(paragraph, first)
        return title, employer or self._led_org(paragraph, first, start)

    @cached_property
    def _person_words(self) -> frozenset[str]:
        """The words of every person's name in the article."""
        return frozenset(w for f in self.entities.found if f.kind is Kind.PERSON for w in f.words)

    def _set_off(self, paragraph: int, end: int) -> bool:
        """Whether a name ending at ``end`` that follows a comma is set off as the title's
        appositive: a comma follows it too ("the board's head, Petros Alexiou,"), or "and"
        and another person's name ("two voters, Dana Whitlock and Omar Fenn")."""
        text = self.paragraphs[paragraph]
        if text[end : end + 1] == ",":
            return True
        return text.startswith(" and ", end) and any(
            r.entity.kind is Kind.PERSON and r.candidate.start == end + len(" and ")
            for r in self.entities.at(paragraph)
        )

    @cached_property
    def _parties_named(self) -> dict[str, tuple[int, str]]:
        """The parties the article names by a word and a party word ("Labour Party"), by that word:
        the first one's place in the entity table and its name. Built once: a title is not
        matched against every entity (an article naming thousands made roles quadratic)."""
        party_words = lexicons.words("party_words.txt")
        out: dict[str, tuple[int, str]] = {}
        for k, f in enumerate(self.entities.found):
            if f.kind is Kind.ORG and len(f.words) == 2 and f.words[1].lower() in party_words:
                out.setdefault(f.words[0], (k, f.name))
        return out

    def _named_by(self, title: str) -> str | None:
        """The party a word of a title stands for: "Democratic nominee" -> "Democratic Party", when
        the article names that party ("Chinese Premier" is no "Chinese Embassy" man, and "Clinton
        spokesman" no "Clinton Party" one: a word of a person's name is not taken)."""
        capitals = [w for w in tokens.split(title)[:-1] if w[:1].isupper() and w not in self._person_words]
        named = min((self._parties_named[w] for w in capitals if w in self._parties_named), default=None)
        if named is not None:
            return named[1]
        parties = lexicons.table("party_names.tsv")
        return next((parties[w] for w in capitals if w in parties and len(w) > 1), None)

    def _party_code(self, paragraph: int, end: int) -> str | None:
        """The party a US politician's bracket after the name gives: "Tim Kaine (D-Va.)"."""
        code = PARTY_CODE.match(self.paragraphs[paragraph], end)
        return lexicons.table("party_names.tsv").get(code["party"]) if code else None

    def _possessor(self, paragraph: int, start: int) -> str | None:
        """The organisation whose possessive comes right before a name: "National Review’s Dan
        McLaughlin", "CNN's Jake Tapper"."""
        text = self.paragraphs[paragraph]
        for gap in POSSESSIVE_GAPS:  # at most one gap fits: none ends another one
            org = self._org_ending(paragraph, start - len(gap))
            if org is not None and text.startswith(gap, start - len(gap)):
                return org.name
        return None

    def _title_possessor(self, paragraph: int, first: int) -> str | None:
        """The organisation whose possessive comes before a title starting at ``first``, maybe
        across a few lower-case words that are no small words of an attribution ("Brantex's chief
        data security officer, Ilse Moor"; not "Brantex's record under Mayor Hale")."""
        text = self.paragraphs[paragraph]
        small = lexicons.table("speaker_words.tsv")
        for r in self.entities.at(paragraph):
            if r.entity.kind is not Kind.ORG or r.candidate.end >= first:
                continue
            gap = TITLE_POSSESSED.fullmatch(text, r.candidate.end, first)
            if gap and not any(w in small for w in tokens.split(gap[0])[1:]):
                return r.entity.name
        return None

    def _shared(self, paragraph: int, start: int) -> Title | None:
        """A plural title before coordinated names, for each of them: "Sprinters A and B". The
        name listed before takes the title before it, else its own shared one: walked back along
        the list without recursion (a list of thousands of names) and kept per name, so that
        each name of a long list is looked at once."""
        text = self.paragraphs[paragraph]
        waiting: list[int] = []  # names whose answer is the one of the name listed before them
        while (paragraph, start) not in self._shared_at:
            previous = self._last_person_before(paragraph, start)
            if previous is None or not COORDINATION.match(text, previous.candidate.end, start):
                self._shared_at[paragraph, start] = None
                break
            first = previous.candidate
            found = self._before(paragraph, first.start, first.end)
            if found is not None:
                self._shared_at[paragraph, start] = _one_of(found)
                break
            waiting.append(start)
            start = first.start
        answer = self._shared_at[paragraph, start]
        for name in reversed(waiting):
            answer = _one_of(answer)
            self._shared_at[paragraph, name] = answer
        return answer

    @cached_property
    def _mentions_of(self) -> dict[int, list[Resolved]]:
        """Each entity's resolved mentions in order, by the entity's id: asking for every person
        of an article of thousands does not scan all mentions for each."""
        mentions: dict[int, list[Resolved]] = {}
        for r in self.entities.resolved:
            mentions.setdefault(id(r.entity), []).append(r)
        return mentions

    def of(self, person: Found) -> tuple[str | None, str | None]:
        """The title and affiliation of a person: the first title a mention gives, and the first
        organisation a mention ties the person to; failing that, the party a word of a title
        stands for ("Democratic nominee"), or for a bare spokesman the organisation named last
        before them."""
        title: str | None = None
        affiliation: str | None = None
        titles: list[str] = []  # every title a mention gives, for the party one may name
        for r in self._mentions_of.get(id(person), []):
            found, employer = self._mention_roles(r.candidate, title is None)
            title = title or found
            affiliation = affiliation or employer
            titles += [found] if found else []
            if title and affiliation:
                break
        affiliation = affiliation or next(filter(None, map(self._named_by, titles)), None)
        if (
            affiliation is None
            and title
            and tokens.split(title)[-1].lower() in lexicons.words("agent_titles.txt")
            and not any(self._speaks_for_person(r.candidate) for r in self._mentions_of.get(id(person), []))
        ):
            affiliation = self._last_org_before(person)
        return title, affiliation

    def _speaks_for_person(self, c: Candidate) -> bool:
        """Whether a mention's appositive ties its title to a person ("John Smith, a spokesman for
        Mayor Tom Brown,"): such a spokesman speaks for that person, not for the organisation
        named last before."""
        found = self._appositive_phrase(c.paragraph, c.end)
        link = found and _org_link().search(found[0])
        if not found or not link:
            return False
        at, end = found[1] + link.end(), found[1] + len(found[0])
        named = sorted((r.candidate.start, r.entity.kind) for r in self.entities.at(c.paragraph))
        first = next((kind for start, kind in named if at <= start < end), None)
        return first is Kind.PERSON  # "for Mayor Tom Brown": the name may follow its title

    def _mention_roles(self, c: Candidate, want_title: bool) -> tuple[str | None, str | None]:
        """The title (when ``want_title``) and the employer one mention gives: an appositive after
        it, else a title before it (maybe plural: "Sprinters A and B") or the title the name
        carries; the employer named in that title, or after the name ("Lara Voss of the Green
        Party", "…, who heads the Red Cross"), by a party code ("(D-Va.)") or by a possessive
        ("CNN's Jake Tapper")."""
        start = c.start - len(c.honorific or "") - (1 if c.honorific else 0)
        found = self._appositive(c.paragraph, c.end)
        if found is None:
            found = self._before(c.paragraph, start, c.end) or self._shared(c.paragraph, start)
            found = found and (found[0] and _singular(found[0]), found[1])
        title, employer = found or (None, None)
        if title is None and want_title and c.title:
            title = _singular(_own_title(c.title))
        return title, (
            employer
            or self._after_name(c.paragraph, start, c.end)
            or self._party_code(c.paragraph, c.end)
            or self._possessor(c.paragraph, start)
        )

    def _after_name(self, paragraph: int, start: int, end: int) -> str | None:
        """The organisation a link right after a name (from ``start`` to ``end``) ties it to
        ("Lara Voss of the Green Party", "Dan Li at the Review"), or a relative clause whose verb
        says the person works for it ("…, who heads the Red Cross"); not one modifying a noun ("to
        block Trump from the GOP nomination"), nor, after "at", a venue ("a rally for Cruz at the
        State Fair Grounds") or where someone met the person ("met with Sanders at the White House")."""
        text = self.paragraphs[paragraph]
        after = _after_name_link().match(text, end)
        link = after or _employer_clause().match(text, end)
        org = link and next(
            (
                r
                for r in self.entities.at(paragraph)
                if r.candidate.start == link.end() and r.entity.kind is Kind.ORG
            ),
            None,
        )
        owner = after is not None and after["link"] in lexicons.role_words("owner")
        if not org or (after and not owner and self._modifies(paragraph, org.candidate.end)):
            return None
        if (
            after
            and after["link"] in lexicons.role_words("venue")
            and (self._met_with(paragraph, start) or _is_venue(org.entity.name))
        ):
            return None
        return org.entity.name

    def _met_with(self, paragraph: int, start: int) -> bool:
        """Whether a name starting at ``start`` follows "with" ("met with Sanders at …")."""
        before = tokens.split(self.paragraphs[paragraph][max(0, start - WORD_WINDOW) : start])
        return bool(before) and tokens.bare(before[-1]) in lexicons.speaker_words("absolute")

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
    Navy captain who ran a shipyard" -> "a retired Navy captain", "a spokesman for X told the
    Post" -> "a spokesman for X", "the committee has written off …" -> "the committee");
    nothing when it opens or ends with a verb of saying, as a clause or an aside does ("…, noted
    the department", "…, media consultant Ravi Stott says, …")."""
    words = tokens.split(phrase)
    verbs = lexicons.words("reporting_verbs.txt")
    if not words or words[-1] in verbs or words[0] in verbs:
        return ""
    cut = next((k for k in range(1, len(words)) if _opens_clause(words, k)), len(words))
    return " ".join(words[:cut])


def _opens_clause(words: Sequence[str], k: int) -> bool:
    """Whether word ``k`` of an appositive opens a clause after its noun phrase: a clause word, a
    verb of saying, a short auxiliary ("has", "was"), or after a noun a past form in "-ed" or a
    participle in "-ing" before its object's determiner ("the rally denounced", "Texas senator
    leading the pack"; not "the embattled company", "a recently retired general", "a polling
    team", "managing director")."""
    word, previous = words[k], words[k - 1]
    low = word.lower()
    if low in lexicons.speaker_words("clause") or word in lexicons.words("reporting_verbs.txt"):
        return True
    if word.isalpha() and low in lexicons.speaker_words("filler") and len(word) <= FILLER_VERB_LENGTH:
        return True
    determiners = lexicons.speaker_words("det", "definite", "indefinite")
    if word.endswith("ing"):  # a noun ("polling team", "head of programming") unless an object follows
        followed = k + 1 < len(words) and words[k + 1].lower() in determiners
        verb = word.isalpha() and word.islower() and word not in lexicons.speaker_words("prep")
        return followed and verb and not is_title_part(word)  # not "during the war"
    return (
        word.isalpha()
        and word.islower()
        and word.endswith("ed")
        and not is_title_part(word)
        and previous.lower() not in lexicons.speaker_words("det", "definite", "indefinite")
        and not previous.endswith("ly")
        and not is_title_part(previous)
    )


def _governed_title(words: Sequence[re.Match[str]], k: int) -> bool:
    """Whether the title starting at word ``k`` is the object of a preposition, determiners
    between them skipped ("compared to the Liberal contenders, …")."""
    j = k - 1
    while j >= 0 and tokens.bare(words[j].group()) in lexicons.speaker_words("det", "definite", "indefinite"):
        j -= 1
    return j >= 0 and tokens.bare(words[j].group()) in lexicons.speaker_words(*PREPOSITIONS)


def _is_venue(name: str) -> bool:
    """Whether an organisation's name is a venue's ("Tampa Convention Center", "Madison Square")."""
    low = name.lower()
    return any(low == v or low.endswith(" " + v) for v in lexicons.words("venue_words.txt"))


def _role_word(word: str) -> bool:
    """Whether a word names a role: a title word, or a role noun of an appositive ("son",
    "supporters")."""
    return is_title_word(word) or _role_noun(word) is not None


def _role_noun(word: str) -> str | None:
    """What a role noun of an appositive is ("job", "relation"), in the singular or plural; None
    for other words."""
    low = word.lower()
    roles = lexicons.table("role_nouns.tsv")
    return roles.get(low) or (roles.get(low[:-1]) if low.endswith("s") else None)


def _opens_title(word: str) -> bool:
    """Whether a word may open a title without an article: a title word or modifier, a capital
    ("White House communications director") or a possessive ("Obama's chief strategist", "her
    director of policy")."""
    return (
        (is_title_part(word) and not word.endswith("ing"))
        or word[:1].isupper()
        or word.endswith(("'s", "’s"))
        or tokens.bare(word) in lexicons.speaker_words("det")
    )


def _bare_filler(word: str) -> bool:
    """Whether a word is an adverb that may stand before a title ("then", "once", "later")."""
    return (
        word.isalpha() and word.lower() in lexicons.speaker_words("filler") and len(word) > FILLER_VERB_LENGTH
    )


def _opens_noun_phrase(words: Sequence[str]) -> bool:
    """Whether an appositive's first word may open a title: not a clause word, a conjunction, a
    filler or a preposition, nor a participle unless a title word follows it, nor a past form
    unless a lower-case one does ("saying the nominee", "criticized President Truman's plan", "to
    be", "and Republicans"; but "acting director", "retired bank branch manager",
    "unemployed father of three")."""
    low = words[0].lower()
    return not (
        low in lexicons.speaker_words("clause", "conj", "cue", "filler", *ROLE_BREAKS)
        or (
            low.endswith("ing")
            and words[0].islower()
            and not is_title_part(words[0])
            and not any(is_title_word(w) for w in words[1:3])
        )
        or (
            low.endswith("ed")
            and words[0].islower()
            and not is_title_part(words[0])
            and not any(_role_word(w) and w.islower() for w in words[1:4])
        )
    )


def _own_title(title: str) -> str:
    """A title without the possessor before it: "the club's assistant manager" -> "assistant manager"."""
    words = tokens.split(title)
    owned = [i for i, w in enumerate(words[:-1]) if w.endswith(("'s", "’s"))]
    return " ".join(words[owned[-1] + 1 :]) if owned else title


def _one_of(found: Title | None) -> Title | None:
    """What a plural title and affiliation shared by a list of names gives each of them: the
    title in the singular; None when there is no title or it is no plural."""
    if found is None or found[0] is None:
        return None
    single = _singular(found[0])
    return (single, found[1]) if single != found[0] else None


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
