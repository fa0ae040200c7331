"""Capitalised name phrases in a paragraph: tokens, sentence starts, honorifics and leading titles.

A *candidate* is a run of capitalised words (with name particles and "of"/"for"/"and" inside
organisation names) that a later step classifies as person, organisation or place.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from operator import attrgetter
from typing import NamedTuple

from newsconv.text import lexicons, sentences, tokens

PARTICLES = lexicons.words("name_particles.txt")  # "de", "van", "bin": inside a name
CONNECTORS = lexicons.words("name_connectors.txt")  # "of", "and", "&": join a name's words
LEGAL_FORMS = lexicons.words("legal_forms.txt")  # "inc", "ltd": end a company's name
# A number that may be a name word: one or two digits, no word, figure or date around them. The
# look-behind follows the first digit so that the engine skips ahead to digits.
NUMBER = re.compile(r"\d(?<![\w.,$£€/:-]\d)\d?(?!\w|%|[.,/:-]\d)")
WORD_BEFORE = re.compile(r"(?<![\w’'.-])([A-Z][a-z]+) $")  # a capitalised word just before a number
MAX_WORD = 20  # characters of that word looked at
NEXT_CAPITAL = re.compile(r" [A-Z]")  # a capitalised word after a space
ROLE_BEFORE = re.compile(r"(?<![\w’'.-])([A-Za-z][a-z-]*) $")  # the word before a name, maybe a role
SHORT_NAME = 3  # letters of the longest words of a short name such as "Ai Jun"
PLURAL_ACRONYM = re.compile(r"(?:[A-Z]\.?){2,}s")  # "GDRs", "NGOs": things counted, no name
MIN_ADVERB = 7  # letters of the shortest sentence-opening adverb dropped ("Finally"; not "Billy")
NO_STOPS: frozenset[int] = frozenset()  # a run without stop words inside a name
COUNTED = re.compile(r" (?:\d|[a-z]+s\b)")  # what a number counts: "10 days", "3 seats"
# A sentence starts after a stop, colon or semicolon and its spaces, after an opening quotation
# mark, and at the paragraph's start after spaces, quotation marks, brackets and dashes. Every
# alternative of SENTENCE_STOP opens with a character of one class, so the engine skips ahead
# to those characters instead of trying each position.
SENTENCE_STOP = re.compile(r"[.!?…:;\"“‘](?:(?<=[.!?…])[\"”’)\]]*\s+|(?<=[:;])\s+|(?<=[\"“‘])\s*)")
PARAGRAPH_LEAD = re.compile(r"\s*[\"“‘(\[—–-]*")
POSSESSIVE = ("’s", "'s")
APOSTROPHES = ("'", "’")
INSIDE_WORD = "-’'.&"
CONNECTOR_GAP = re.compile(rf"(?: (?:{'|'.join(map(re.escape, sorted(CONNECTORS)))}))* ")
PARTY = re.compile(r"[RDI](?:-[A-Z][\w.]*)?")  # party and state after a US politician's name
# the endings of a hyphenated adjective's last part ("Paris-based"): no name word
ADJECTIVE_ENDINGS = tuple(sorted(lexicons.words("compound_adjective_endings.txt")))
TABLE_MARK = re.compile(r"\d|/|\b[A-Z][A-Z.]+:")
TABLE_LOWER_SHARE = 0.4
TABLE_ROW = 200  # characters; longer lines are prose
CAPITALS_RUN = re.compile(
    r"\b[A-Z][A-Z.'’&-]*(?!\w)(?: [A-Z][A-Z.'’&-]*(?!\w))*"
)  # a line with fewer lower-case words than this share is a table row
ROMAN = re.compile(
    r"X{0,2}(?:IX|IV|V?I{1,3}|V)"
)  # a regnal number ("Leopold III"); a lone "I" is a stop word
REGNAL_BEFORE = re.compile(r"(?<![\w’'.-])[A-Z][a-z]+ $")  # the name a regnal number follows
NAMES = r"[A-Z][\w’'-]*(?: [A-Z][\w’'-]*)*"
# "\b" before the plural word, written as a look-behind after its capital so the engine can
# skip ahead to capitals.
PLURAL_LIST = re.compile(rf"([A-Z](?<!\w.)[a-z]+s) (?:of|for) {NAMES}(?:, {NAMES})*,? and {NAMES}")
LIST_ITEM = re.compile(NAMES)
# A firm named by its partners: "Goldman, Sachs & Co.", "Kalf, Voorhis & Co.", "Goldman, Sachs and Co."
PARTNERS = re.compile(r"\b([A-Z][\w.'’-]*), (?:[A-Z][\w'’-]* ){1,2}(?:&|and) (?:Co|Company|Sons)\b\.?")
PARTNERS_END = re.compile(r"(?:&|and) (?:Co|Company|Sons)\b")
LEGAL_AFTER_COMMA = re.compile(r", (Inc|Ltd|LLC|Corp)\b\.?")  # "BioVest Research, Inc": the name's own
DEFINITION = re.compile(r" \(([A-Z][\w.&-]*)\)")
DEFINED_WORD = re.compile(r"[A-Z][\w’'.&-]*")  # a capitalised word of a name spelled out before its acronym
MAX_DEFINED = 120  # characters of name looked at before an acronym in brackets
WORD_CACHE = 1 << 16  # words whose title status is remembered
PARAGRAPH_CACHE = 1024  # paragraphs whose sentence starts are remembered
MAX_PORTFOLIO = 3  # words of a portfolio before a title's head ("New Zealand Finance Minister")
MAX_PLACE_WORDS = 4  # words of a place name looked for before a title ("New York City Council")


class Token(NamedTuple):
    """One word of a paragraph: ``text`` without a possessive ending, ``start:end`` its characters,
    ``capitalised`` as ``capitalised(text)`` says, ``name_part`` when it is a stop word that may
    stand inside a name there (``name_stops.txt``, mid-sentence: "Five" in "BBC Radio Five
    Live"). A named tuple: a paragraph makes dozens and a tuple is built several times faster
    than a frozen dataclass."""

    text: str
    start: int
    end: int
    possessive: bool
    sentence_start: bool
    capitalised: bool
    name_part: bool = False


class Shape(NamedTuple):
    """One name found in a run of words, as positions in the run: the piece of the run it came
    from, its first word after any honorific (``lead``), its first and last name word."""

    piece: int
    lead: int
    first: int
    last: int
    words: tuple[str, ...]
    honorific: str | None
    title: str | None


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
    text: str = field(init=False, compare=False, repr=False)  # the name part as one string

    def __post_init__(self) -> None:
        # Joined once here: entity classification reads ``text`` many times per candidate.
        object.__setattr__(self, "text", " ".join(self.words))


@lru_cache(maxsize=WORD_CACHE)
def capitalised(text: str) -> bool:
    """Whether a word starts with a capital letter (or is a prefixed name such as "al-Saadani")
    and is no hyphenated adjective ("Paris-based")."""
    if not (text[0].isupper() or tokens.prefixed(text)):
        return False
    tail = text.rsplit("-", 1)[-1]
    return "-" not in text or not (tail.islower() and tail.endswith(ADJECTIVE_ENDINGS))


@lru_cache(maxsize=PARAGRAPH_CACHE)
def sentence_starts(paragraph: str) -> frozenset[int]:
    """Where sentences may start: the paragraph's start after spaces, quotation marks, brackets
    and dashes, and after each stop, colon, semicolon or opening quotation mark. Wider than
    ``sentences.ends``: a capital after "Mr." or a colon may still open a clause, and a name
    there needs other evidence to count. Remembered: tokenizing and entity rules ask again."""
    first = SENTENCE_STOP.match(paragraph) if paragraph[:1] in ".!?…:;" else None
    if first is None:
        first = PARAGRAPH_LEAD.match(paragraph)
    assert first is not None  # PARAGRAPH_LEAD matches the empty string
    return frozenset([first.end(), *(m.end() for m in SENTENCE_STOP.finditer(paragraph, first.end()))])


def tokenize(paragraph: str) -> list[Token]:
    """The capitalised words of a paragraph and the connectors that may join them, abbreviation
    stops kept, possessive endings split off; a gap between two tokens means other words. Field
    labels ("DATE:") and unknown words in capitals on table rows are left out."""
    starts = sentence_starts(paragraph)
    abbreviations = sentences.abbreviations()
    tabular = _tabular(paragraph)
    unknown = _unknown_capitals(paragraph) if tabular else set()
    inner = lexicons.words("name_stops.txt")
    stops = lexicons.words("stop_capitals.txt")  # tested before ``_surname_stop``: most words are none
    out: list[Token] = []
    for m in tokens.name_tokens(paragraph):
        text = m[0]
        start, end = m.span()
        if (start and paragraph[start - 1] in INSIDE_WORD) or (text[0].islower() and not _joins_names(text)):
            continue
        plain = paragraph.startswith(" ", end)  # most words: a space follows, no mark to weigh
        if not plain:
            if paragraph.startswith(("$", "+"), end):
                continue  # a currency's mark ("C$", "HK$"), a telephone's label ("Tel+44 171")
            if paragraph.startswith(".", end) and _keeps_stop(text, abbreviations):
                text, end = text + ".", end + 1
            if paragraph.startswith(APOSTROPHES, end) and _plural_in_name(text, paragraph, end):
                text, end = text + paragraph[end], end + 1  # "Traders'" inside "Bond Traders' Association"
        possessive = text.endswith(POSSESSIVE) and _owns(text, paragraph, end)
        if possessive:
            text, end = text[:-2], end - 2
            if not text:
                continue
        if not plain and paragraph.startswith(":", end) and _field_label(text, tabular):
            _drop_label(out, start, paragraph)  # "DATE:", "Expected Sale Date:": a field's label
            continue
        if tabular and ((text.isupper() and start in unknown) or _code(text)):
            continue
        first = start in starts
        if first and _opener(text, paragraph, end):
            continue
        part = not first and (
            text in inner
            or (text in stops and _surname_stop(text, out[-1] if out else None, paragraph, start, end))
        )
        # tuple.__new__ builds the named tuple without the Python-level __new__: 2.5 times faster.
        out.append(tuple.__new__(Token, (text, start, end, possessive, first, capitalised(text), part)))
    numbers = _numbers(paragraph, starts)
    return sorted(out + numbers, key=attrgetter("start")) if numbers else out


def _joins_names(word: str) -> bool:
    """Whether a word in lower case may still stand in a name: a connector ("of"), a particle
    ("de") or a prefixed name ("al-Saadani")."""
    return word in CONNECTORS or word in PARTICLES or tokens.prefixed(word)


def _keeps_stop(word: str, abbreviations: frozenset[str]) -> bool:
    """Whether the full stop after a word belongs to it: an abbreviation ("Gen.", "Corp.") or an
    initial ("J.")."""
    return word in abbreviations or word.title() in abbreviations or (len(word) == 1 and word.isupper())


def _plural_in_name(word: str, paragraph: str, end: int) -> bool:
    """Whether a plural's apostrophe at ``end`` stays inside an organisation's name ("Traders'"
    in "Toronto Bond Traders' Association"): the name goes on after it, and the plural ends no
    known organisation's name ("the United Nations' Economic Commission" names two)."""
    return (
        word.endswith("s")
        and word not in _org_ends()
        and _org_name_ahead()[0].match(paragraph, end) is not None
    )


def _owns(word: str, paragraph: str, end: int) -> bool:
    """Whether a word's "'s" ending at ``end`` marks an owner, not a part of a company's name
    ("McDonald's Corp", see ``_legal_form_after``, ``_name_possessive``)."""
    return not _legal_form_after(paragraph, end) and not _name_possessive(word, paragraph, end)


def _field_label(word: str, tabular: bool) -> bool:
    """Whether a word before a colon ends a field's label ("DATE:"; on a table row also "Sale
    Date:"), not a known organisation's column ("S&P: AA-", a rating agency's)."""
    return (word.isupper() or (tabular and _label_word(word))) and not known_org(word)


def _code(word: str) -> bool:
    """Whether a word of a table row is a code or a grade with figures in it ("AA1", "Baa1",
    "W145"), not a known organisation's name."""
    return any(c.isdigit() for c in word) and not known_org(word)


def _label_word(word: str) -> bool:
    """Whether a word may stand in a field's label: in capitals ("DATE") or a common word
    ("Sale Amount"; not "Clinton" of "Hillary Clinton: 2,203", a table of counts)."""
    return word.isupper() or word.lower() in lexicons.words("common_words.txt")


def _drop_label(out: list[Token], start: int, paragraph: str) -> None:
    """Drop from ``out`` the words that open a field's label ending in the word at ``start``
    when the label opens the paragraph ("Expected Sale" of "Expected Sale Date: 08/27/96"): the
    label words joined to it by single spaces. A label after a value keeps it ("ISSUER: Dunmore
    County Board of Education ST: WV")."""
    k = len(out)
    while (
        k
        and out[k - 1].end + 1 == start
        and paragraph[out[k - 1].end] == " "
        and _label_word(out[k - 1].text)
    ):
        k, start = k - 1, out[k - 1].start
    if k < len(out) and not paragraph[:start].strip():
        del out[k:]


def _surname_stop(text: str, prev: Token | None, paragraph: str, start: int, end: int) -> bool:
    """Whether a stop capital mid-sentence is a name word: it ends the run of capitals and
    directly follows a given name or an honorific ("Theresa May", "Mr Read"; not "Hillary Will
    Win"), or is short and follows a short name after a role ("columnist Ai Jun")."""
    return (
        prev is not None
        and not prev.possessive
        and prev.end + 1 == start
        and paragraph[prev.end] == " "
        and (
            prev.text in lexicons.first_name_gender()
            or prev.text in lexicons.honorifics()
            or (max(len(text), len(prev.text)) <= SHORT_NAME and _after_role(prev, paragraph))
        )
        and text in lexicons.words("stop_capitals.txt")
        and text.isalpha()
        and text.istitle()
        and not NEXT_CAPITAL.match(paragraph, end)
    )


def _after_role(tok: Token, paragraph: str) -> bool:
    """Whether a name word that is no stop word directly follows a role word ("columnist Ai")."""
    m = ROLE_BEFORE.search(paragraph, max(0, tok.start - MAX_WORD), tok.start)
    return m is not None and tok.text not in lexicons.words("stop_capitals.txt") and is_title_word(m.group(1))


def _legal_form_after(paragraph: str, end: int) -> bool:
    """Whether a company's legal form follows a word ending in "'s": the "'s" belongs to the
    company's name ("McDonald's Corp", "Dillard's Inc"), it owns nothing."""
    word = tokens.next_word(paragraph, end)
    return word is not None and word[0].isupper() and legal_form(word)


def _name_possessive(word: str, paragraph: str, end: int) -> bool:
    """Whether a word's "'s" belongs to the name of an organisation: a known one's ("Moody's"), or
    one the word opens, a group of people or a title ("People's Daily", "Women's Tennis
    Association", "Sheriff's Office", "Prince's Trust") with an organisation word within four
    capitalised words after it. A place, person or organisation owns the name after it
    ("China's Foreign Ministry", "John Peel's BBC Radio 1", "Treasury's Barker Review")."""
    if known_org(word):
        return True
    stem = word[:-2]
    low = stem.lower()
    return (
        (low in lexicons.words("people_nouns.txt") or plural_noun(low) or is_title_word(stem))
        and stem not in lexicons.words("organizations.txt")
        and _org_name_ahead()[1].match(paragraph, end) is not None
    )


def _opener(text: str, paragraph: str, end: int) -> bool:
    """Whether a sentence's first word is capitalised only because it opens the sentence, though
    it is no stop word: an adverb ("Initially", "Separately") or a plural common noun before "of"
    ("Shares of …", "Residents of …"), unless a known organisation's name starts with it."""
    low = text.lower()
    common = lexicons.words("common_words.txt")
    if len(low) >= MIN_ADVERB and low.endswith("ly") and low in common:
        stems = (low[:-2], low[:-3] + "y", low[:-1] + "e")
        return text not in lexicons.first_name_gender() and any(s in common for s in stems)
    return (
        paragraph.startswith(" of ", end)
        and plural_noun(low)
        and low[:-1] not in lexicons.words("org_words.txt")
        and text not in _org_openings()
    )


@cache
def _org_openings() -> frozenset[str]:
    """The first words of known organisations' names ("Friends" of "Friends of the Earth")."""
    return frozenset(name.split()[0] for name in lexicons.words("organizations.txt"))


@cache
def _org_name_ahead() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The rest of an organisation's name after a plural's apostrophe ("Traders'" in "Toronto Bond
    Traders' Association") and after a number ("2" in "2 Wikid Records"): up to three capitalised
    words, then a capitalised organisation word."""
    nouns = "|".join(sorted((w.capitalize() for w in lexicons.words("org_words.txt")), key=len, reverse=True))
    rest = rf" (?:[A-Z][\w-]* ){{0,3}}(?:{nouns})\b"
    return re.compile(f"['’]{rest}"), re.compile(rest)


@cache
def _org_ends() -> frozenset[str]:
    """The last words of known organisations' names ("Nations"): a plural among them owns no
    further name ("the United Nations' Economic Commission" names two)."""
    return frozenset(name.split()[-1] for name in lexicons.words("organizations.txt"))


def _numbers(paragraph: str, starts: frozenset[int]) -> list[Token]:
    """Numbers that are name words: after a capitalised organisation or road word when they count
    nothing ("Radio 4", "Interstate 95"; not "the Council 10 days ago") or, mid-sentence after a
    lower-case word, before an organisation's name ("his 2 Wikid Records label")."""
    org_words = _numbered_words()
    out = []
    for m in NUMBER.finditer(paragraph):
        start, end = m.span()
        spaced = paragraph.startswith(" ", start - 1) if start else False  # WORD_BEFORE ends in one
        before = WORD_BEFORE.search(paragraph, max(0, start - MAX_WORD), start) if spaced else None
        if (
            before is not None and before.group(1).lower() in org_words and not COUNTED.match(paragraph, end)
        ) or (
            start > 1
            and start not in starts
            and paragraph[start - 2].islower()
            and _org_name_ahead()[1].match(paragraph, end)
        ):
            out.append(Token(m.group(), start, end, False, start in starts, True))
    return out


@cache
def _numbered_words() -> frozenset[str]:
    """Organisation and road words, which a number after them may belong to ("Radio 4", "Route 66")."""
    return lexicons.words("org_words.txt") | lexicons.words("road_words.txt")


def _tabular(paragraph: str) -> bool:
    """Whether a paragraph is a table row or data line rather than prose: figures or slashes and
    hardly any lower-case words in a short line ("AMT: 1,200,000 DATE: 09/05/96", "M / SP / F: NA")."""
    if len(paragraph) > TABLE_ROW or not TABLE_MARK.search(paragraph):
        return False
    words = tokens.letter_words(paragraph)
    lower = sum(w[0].islower() for w in words)
    return len(words) > 1 and lower < TABLE_LOWER_SHARE * len(words)


def known_org(text: str) -> bool:
    """Whether a name is a known organisation's (``organizations.txt``), also in capitals
    ("UNITED NATIONS")."""
    known = lexicons.words("organizations.txt")
    return text in known or (" " in text and text.isupper() and text.title() in known)


def _unknown_capitals(paragraph: str) -> set[int]:
    """Where the words of runs in capitals that name no known place or organisation start; a
    regnal number after a name is no such run."""
    out: set[int] = set()
    for m in CAPITALS_RUN.finditer(paragraph):
        name = m.group()
        if ROMAN.fullmatch(name) and REGNAL_BEFORE.search(paragraph, max(0, m.start() - MAX_WORD), m.start()):
            continue  # "1533 - Queen Elizabeth I born."
        if not (name.title() in lexicons.places() or name in lexicons.places() or known_org(name)):
            out |= {m.start() + w.start() for w in tokens.spaced(name)}
    return out


@lru_cache(maxsize=WORD_CACHE)
def is_title_word(word: str) -> bool:
    """Whether a word heads a person's title or role ("President", "spokesman", "Major-General")."""
    low = word.lower().strip(",")
    heads = lexicons.words("title_words.txt")
    return (
        low in heads or (low.endswith("s") and low[:-1] in heads) or all(p in heads for p in low.split("-"))
    )


@lru_cache(maxsize=WORD_CACHE)
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
    first: int | None = None  # where a portfolio opens the title ("Farm Minister")
    while i < len(words) - 1:
        word = words[i]
        if is_title_word(word):
            last_head = i
        elif word in ("of", "for") and last_head == i - 1 and (holder := _holder_after(words, i + 2)):
            last_head, i = holder - 1, holder
        elif word == "of" and last_head == i - 1 and i + 2 < len(words) and is_title_part(words[i + 1]):
            last_head = i = i + 1
        elif not (is_title_part(word) or word in demonyms or word in known or word in places):
            span = _place_span(words, i) or _portfolio_span(words, i)
            if not span:
                break
            first = i if first is None else first
            i += span - 1
        i += 1
    if last_head < 0:
        return None, words
    first = min(
        j for j in (first, *range(last_head + 1)) if j is not None and (j == first or is_title_part(words[j]))
    )
    return " ".join(words[first : last_head + 1]), words[last_head + 1 :]


def _demonym(word: str) -> bool:
    """Whether a word is a nationality, singular or plural ("British", "Americans")."""
    demonyms = lexicons.words("demonyms.txt")
    return word in demonyms or (word.endswith("s") and word[:-1] in demonyms)


def _holder_after(words: list[str], start: int) -> int:
    """Where the holder's name starts after a title's complement ("Minister of Foreign Affairs
    Omar Haddin"): at a given name from ``start`` on that a surname follows; 0 if none does."""
    given = lexicons.first_name_gender()
    return next((k for k in range(start, len(words) - 1) if words[k] in given), 0)


def _place_span(words: list[str], i: int) -> int:
    """How many words from ``i`` on name a place of several words before a title's head ("New
    Jersey" in "New Jersey Gov. Ann Lee"), 0 if none does."""
    places = lexicons.places()
    return next(
        (
            n
            for n in range(min(MAX_PLACE_WORDS, len(words) - i - 1), 1, -1)
            if " ".join(words[i : i + n]) in places and is_title_word(words[i + n])
        ),
        0,
    )


def _portfolio_span(words: list[str], i: int) -> int:
    """How many words from ``i`` on name a title's portfolio before its head, 0 if none do: up to
    ``MAX_PORTFOLIO`` capitalised words that are no given name, then a singular head and a name
    that is no place nor common word unless a given name before a surname ("Farm" of "Farm Minister Loyola de
    Palacio", "Internal Security" of "Internal Security Minister Kahalani"; not "John" of "John
    Major", "Supreme Allied" of "Supreme Allied Commander Atlantic", "Save" of "Save Star Trek")."""
    given, honorifics = lexicons.first_name_gender(), lexicons.honorifics()
    for n in range(1, min(MAX_PORTFOLIO, len(words) - i - 2) + 1):
        word = words[i + n - 1]
        if not word[:1].isupper() or word in given or word in honorifics or word in CONNECTORS:
            return 0
        if words[i + n].lower() in lexicons.words("title_words.txt"):  # singular: not "Traders"
            holder = words[i + n + 1]
            named = holder[:1].isupper() and not (
                is_title_part(holder)
                or holder in lexicons.places()
                or (
                    holder.lower() in lexicons.words("common_words.txt")
                    and (holder not in given or i + n + 2 == len(words))  # "Justice Bill"
                )
            )
            return n if named else 0
    return 0


def _spaced(paragraph: str, start: int, end: int) -> bool:
    """Whether only connectors and single spaces lie between two positions."""
    return CONNECTOR_GAP.fullmatch(paragraph, start, end) is not None


def _runs(tokens: list[Token], paragraph: str) -> list[list[Token]]:
    """Maximal runs of capitalised tokens joined by single spaces, connectors inside allowed."""
    runs: list[list[Token]] = []
    cur: list[Token] = []
    for i, tok in enumerate(tokens):
        prev = cur[-1] if cur else None
        joined = (
            prev is not None
            and not prev.possessive
            and (tok.start == prev.end or (tok.start == prev.end + 1 and paragraph[prev.end] == " "))
        )
        if tok.capitalised and (joined or not cur):
            cur.append(tok)
        elif tok.capitalised:
            runs.append(cur)
            cur = [tok]
        elif joined and (tok.text in CONNECTORS or tok.text in PARTICLES) and _joins(tokens, i, paragraph):
            cur.append(tok)
        else:
            if cur:
                runs.append(cur)
            cur = []
    if cur:
        runs.append(cur)
    return [r for r in runs if r]


def _joins(tokens: list[Token], i: int, paragraph: str) -> bool:
    """Whether connector ``i`` stands before a capitalised word, with at most one more connector
    and single spaces between them."""
    nxt = next((t for t in tokens[i + 1 : i + 3] if t.text not in CONNECTORS), None)
    return nxt is not None and nxt.capitalised and _spaced(paragraph, tokens[i].end, nxt.start)


def _trim(run: list[Token]) -> list[Token]:
    """A run without the stop words and connectors at its edges; a word that may open an
    organisation's name ("First") stays before a name with an organisation word."""
    stops = lexicons.words("stop_capitals.txt")
    while run and (
        run[-1].text in CONNECTORS
        or run[-1].text in PARTICLES
        or (run[-1].text in stops and not run[-1].name_part)
    ):
        if run[-1].text == "I" and len(run) > 1 and run[-2].capitalised and run[-2].text not in stops:
            break  # a regnal number ("Pedro I"), not the pronoun
        run = run[:-1]
    while (
        run
        and ((run[0].text in stops and not run[0].name_part) or run[0].text in CONNECTORS)
        and run[0].text not in lexicons.honorifics()
        and not (
            run[0].text in lexicons.words("org_openers.txt")
            and len(run) > 1
            and (run[1].capitalised or run[1].text == "of")
            and any(t.text.lower() in lexicons.words("org_words.txt") for t in run[1:])
        )
    ):
        run = run[1:]
    return run


def _has_org_word(words: list[str]) -> bool:
    org_words = lexicons.words("org_words.txt")
    return (
        "&" in words
        or not org_words.isdisjoint(map(str.lower, words[1:]))
        or (len(words) > 1 and words[0].lower() in org_words)
    )


def legal_form(word: str) -> bool:
    """Whether a word is a company's legal form ("Inc", "Corp.", "Ltd", "SpA")."""
    return word.lower().rstrip(".") in LEGAL_FORMS


def _bare_name(words: list[str]) -> bool:
    """Whether one or two words are a name with no title, nationality, place or given name in it."""
    return len(words) <= 2 and not any(
        is_title_part(w)
        or w in lexicons.words("demonyms.txt")
        or w in lexicons.places()
        or w in lexicons.first_name_gender()
        or w in lexicons.honorifics()
        or w in CONNECTORS
        for w in words
    )


def _split_org_title(run: list[Token]) -> list[list[Token]]:
    """An organisation run cut where a title starts: "Speaker of the House" keeps "House", and
    before a given name after it ("… of the House of Commons Mary Tolland");
    "Brantex CEO Stephen Varga" becomes "Brantex" and "CEO Stephen Varga"; a person's country
    after "of" is cut off ("Security Council President Lars Brenner of Norway")."""
    words = [t.text for t in run]
    if len(words) < 2:
        return [run]
    if not _has_org_word(words):
        return _split_before_title(run)
    if is_title_word(words[0]) and words[1] in CONNECTORS:
        return _split_office(_without_connectors(run[1:]))
    cut = _personal_cut(words)
    if cut is not None:
        return [run[:cut], _without_connectors(run[cut:])]
    return _split_before_title(run)


def _without_connectors(run: list[Token]) -> list[Token]:
    """A run without the connectors that open it."""
    k = 0
    while k < len(run) and run[k].text in CONNECTORS:
        k += 1
    return run[k:]


def _split_office(rest: list[Token]) -> list[list[Token]]:
    """An office named after its title word, cut before its holder: a given name after a word
    that is no connector ("[Speaker of] the House of Commons Mary Tolland")."""
    given = lexicons.first_name_gender()
    holder = next(
        (k for k in range(2, len(rest) - 1) if rest[k].text in given and rest[k - 1].text not in CONNECTORS),
        None,
    )
    return [rest] if holder is None else [rest[:holder], rest[holder:]]


def _personal_cut(words: list[str]) -> int | None:
    """Where an organisation run is cut at its first connector: before it stand a person (an
    honorific or given name opens the run, or two words without an organisation word before
    "of") and no company named with its country after it, or a company whose place follows
    "of" ("Acme Ltd of Canada"); None when the run stays whole."""
    cut = next((i for i, w in enumerate(words) if w in CONNECTORS and w != "&"), None)
    if not cut:
        return None
    complement = [w for w in words[cut + 1 :] if w != "the"]
    places = lexicons.places()
    of_after_two = cut >= 2 and words[cut] == "of"
    personal = (
        words[0] in lexicons.honorifics()
        or words[0] in lexicons.first_name_gender()
        or (of_after_two and not _has_org_word(words[:cut]))
    )
    located = of_after_two and legal_form(words[cut - 1]) and " ".join(complement) in places
    national = bool(complement) and legal_form(complement[-1]) and " ".join(complement[:-1]) in places
    if (personal and not _has_org_word(words[:cut]) and not national) or located:
        return cut
    return None


def _split_before_title(run: list[Token]) -> list[list[Token]]:
    """A run cut before a title that follows an organisation's name and precedes a person's
    ("Brantex CEO Stephen Varga"), the person's country after "of" cut off too."""
    words = [t.text for t in run]
    org_words = lexicons.words("org_words.txt")
    for i in range(1, len(words) - 1):
        if not is_title_word(words[i]):
            continue  # tested first: a long run of capitalised words is then read once
        tail = words[i + 1 :]
        of = tail.index("of") if "of" in tail else len(tail)
        if (
            (_has_org_word(words[:i]) or _bare_name(words[:i]))
            and (of >= 2 or (of == 1 and _surname_alone(tail[0])))
            and not any(w.lower() in org_words or w in CONNECTORS for w in tail[:of])
            and all(w[:1].isupper() for w in tail[:of])
            and (of == len(tail) or " ".join(w for w in tail[of + 1 :] if w != "the") in lexicons.places())
        ):
            j = _title_start(words, i)
            return [run[:j], run[j : i + 1 + of]] + ([run[i + 2 + of :]] if of < len(tail) else [])
    return [run]


def _surname_alone(word: str) -> bool:
    """Whether one word after a title may be its holder's surname ("Parliament Speaker Berri"):
    letters only, no given name, common word, place, nationality, title word or known organisation."""
    return word.replace("-", "").isalpha() and not (
        word in lexicons.first_name_gender()
        or word.lower() in lexicons.words("common_words.txt")
        or word in lexicons.places()
        or _demonym(word)
        or is_title_part(word)
        or word in lexicons.words("organizations.txt")
    )


def _title_start(words: list[str], head: int) -> int:
    """Where a title whose head word is at ``head`` starts after an organisation's name: its
    capitalised modifiers go with it ("Teamsters Union Political Director"), organisation words
    stay with the name ("Labour Party Leader") and the name keeps at least one word."""
    org_words = lexicons.words("org_words.txt")
    j = head
    while (
        j > 1
        and is_title_part(words[j - 1])
        and words[j - 1].lower() not in org_words
        and (_has_org_word(words[: j - 1]) or _bare_name(words[: j - 1]))
    ):
        j -= 1
    return j


@lru_cache(maxsize=WORD_CACHE)
def plural_noun(word: str, roles: bool = False) -> bool:
    """Whether a word in lower case is the plural of a common noun ("blacks", "veterans"); a
    plural title word ("ministers") only when ``roles``."""
    common = lexicons.words("common_words.txt")
    singulars = (word[:-1], word[:-2], word[:-3] + "y", word[:-3] + "f", word[:-3] + "fe")  # "ies", "ves"
    return (
        word.endswith("s")
        and not word.endswith("ss")
        and word in common
        and any(s in common for s in singulars)
        and (roles or not is_title_word(word))
    )


def plural_of(words: Sequence[str]) -> bool:
    """Whether a name has a plural common noun before "of" after a place, nationality or common
    word, and ends in no nationality, as organisations do ("Afghanistan Veterans of America", "Boy
    Scouts of America"; not "Shares of Velmont", "Nina Hale Porter of UK Athletics", "Practices
    of the Israeli")."""
    return (
        len(words) > 3
        and words[-1] not in lexicons.words("demonyms.txt")
        and any(
            words[i + 1] == "of" and plural_noun(words[i].lower(), True) and _common_or_place(words[i - 1])
            for i in range(1, len(words) - 2)
        )
    )


def _common_or_place(word: str) -> bool:
    """Whether a capitalised word is a place, a nationality or a common English word."""
    return (
        word in lexicons.places()
        or word in lexicons.words("demonyms.txt")
        or word.lower() in lexicons.words("common_words.txt")
    )


def _org_shaped(words: list[str]) -> bool:
    """Whether a phrase has the words of an organisation's name (see ``_has_org_word``, ``plural_of``)."""
    return _has_org_word(words) or plural_of(words)


def _split_connectors(run: list[Token]) -> list[list[Token]]:
    """Split a run at "and"/"of"/"for"/"the" unless it names an organisation as a whole."""
    if _org_shaped([t.text for t in run]) or not any(t.text in CONNECTORS for t in run):
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
    """Whether a phrase is in capitals throughout and names no known place or organisation (a
    heading or table label, not a name)."""
    text = " ".join(words)
    return (
        len(words) > 1
        and all(w.isupper() and len(w) > 1 for w in words if w not in CONNECTORS)
        and text.title() not in lexicons.places()
        and not known_org(text)
    )


def _split_and(run: list[Token]) -> list[list[Token]]:
    """A run cut at each "and": coordinated names are separate names, except the coordinated
    complement of an organisation word ("Department of Health and Human Services")."""
    parts: list[list[Token]] = [[]]
    ands = [i for i, tok in enumerate(run) if tok.text == "and"]
    # Each "and" is weighed with the words up to the next one, not all the rest: linear in a list
    # of thousands of names. Two places join only before the last "and" (see ``_joined_places``).
    upto = dict(zip(ands, [*ands[1:], len(run)]))
    for i, tok in enumerate(run):
        if tok.text == "and" and not (
            _joined_complement(parts[-1], run[i + 1 : upto[i]])
            or (upto[i] == len(run) and _joined_places(parts[-1], run[i + 1 :]))
            or _joined_nouns(parts[-1], run[i + 1 : i + 3])
        ):
            parts.append([])
        else:
            parts[-1].append(tok)
    return [p for p in parts if p]


def _joined_places(left: list[Token], after: list[Token]) -> bool:
    """Whether "and" joins two places that open one organisation's name ("Iraq and Afghanistan
    Veterans of America"): one place before it, a place and an organisation's words after it."""
    right = [t.text for t in after]
    places = lexicons.places()
    return (
        len(left) == 1
        and left[0].text in places
        and len(right) > 1
        and right[0] in places
        and "and" not in right
        and _org_shaped(right)
    )


def _joined_nouns(left: list[Token], after: list[Token]) -> bool:
    """Whether "and" joins two common nouns before an organisation word, maybe after a place
    or nationality ("Securities and Exchange Commission", "U.S. Food and Drug Administration",
    "Truth and Reconciliation Commission"): one common word before it that names no
    organisation alone, one capitalised common word and an organisation word after it, and no
    place ("Gaza Strip and West Bank", "Irish Navy and Air Corps", "European Union and the
    United States" name two)."""
    whole = [t.text for t in left]
    words = _unplaced(whole)
    right = [t.text for t in after]
    common, org_words, places = (
        lexicons.words("common_words.txt"),
        lexicons.words("org_words.txt"),
        lexicons.places(),
    )
    return (
        len(words) == 1
        and len(right) >= 2
        and right[1].lower() in org_words
        and not known_org(words[0])
        and " ".join(whole) not in places
        and " ".join(right[:2]) not in places
        and all(w[0].isupper() and w.lower() in common and w not in places for w in (words[0], right[0]))
    )


def _unplaced(words: list[str]) -> list[str]:
    """A name's words without the places and nationalities that open it ("U.S.", "Irish")."""
    k = 0
    while k < len(words) - 1 and (
        words[k] in lexicons.places() or words[k] in lexicons.words("demonyms.txt")
    ):
        k += 1
    return words[k:]


def _joined_complement(left: list[Token], after: list[Token]) -> bool:
    """Whether "and" joins two parts of one organisation's complement: the left part is an
    organisation word with "of"/"for" before something that is no place, and the right part
    names no organisation or place of its own."""
    right = [t.text for t in after[: next((k for k, t in enumerate(after) if t.text == "and"), len(after))]]
    words = _unplaced([t.text for t in left])
    if (
        len(words) < 3
        or words[0].lower() not in lexicons.words("org_words.txt")
        or words[1] not in ("of", "for")
    ):
        return False
    complement = " ".join(w for w in words[2:] if w != "the")
    named = lexicons.words("organizations.txt")
    return (
        complement not in lexicons.places()
        and bool(right)
        and right[0] != "the"
        and not any(w.lower() in lexicons.words("org_words.txt") or w in named for w in right)
        and " ".join(right) not in lexicons.places()
    )


def _initials_fit(acronym: str, words: Sequence[str]) -> tuple[bool, bool]:
    """Whether an acronym spells the initials of a name's capitalised words, or of all its words
    ("U.N. Observer Mission in Koravia (UNOMIK)"), exactly, and whether it at least picks them in
    order from the first word to the last ("LIGFE" for "Lisbon International Grain Futures
    and Options Exchange")."""
    letters = "".join(
        w.replace(".", "") if w.replace(".", "").isupper() else w[0] for w in words if w[0].isupper()
    )
    letters = letters.upper()
    every = "".join(w.replace(".", "") if w.replace(".", "").isupper() else w[0] for w in words)
    if acronym in (letters, every.upper(), "".join(w[0] for w in words if w[0].isupper()).upper()):
        return True, True
    rest = iter(letters[1:-1])
    ordered = (
        len(acronym) > 2
        and letters[:1] == acronym[0]
        and letters[-1:] == acronym[-1]
        and all(c in rest for c in acronym[1:-1])
    )
    return False, ordered


def _may_open(texts: Sequence[str], k: int) -> bool:
    """Whether word ``k`` may open a name: a capitalised word that is no stop word and does not
    continue a name through "of" or "for" ("Refugees" in "Return of Refugees" does)."""
    stops = lexicons.words("stop_capitals.txt")
    if not texts[k][0].isupper() or texts[k] in stops:
        return False
    before = [t for t in texts[:k] if t.lower() != "the"]
    return (
        not before
        or before[-1] in stops
        or before[-1] == "and"
        or (before[-1][0].islower() and (before[-1] not in ("of", "for") or len(before) < 2))
    )


def _defined(paragraph: str, index: int, starts: set[int]) -> list[Candidate]:
    """Names spelled out before their acronym in brackets, kept whole with their inner "and",
    "in", "of" ("Council for Trade and Cooperation in Oceania (CTCO)")."""
    inner = lexicons.words("acronym_name_words.txt")
    out = []
    for m in DEFINITION.finditer(paragraph):
        acronym = m.group(1).replace(".", "")
        if sum(c.isupper() for c in acronym) < 2:
            continue
        words: list[re.Match[str]] = []
        for w in reversed(tokens.spaced(paragraph, max(0, m.start() - MAX_DEFINED), m.start())):
            if not (w.group() in inner or DEFINED_WORD.fullmatch(w.group())):
                break
            words.insert(0, w)
        texts = [w.group() for w in words]
        spans = [(k, _initials_fit(acronym, texts[k:])) for k in range(len(texts)) if _may_open(texts, k)]
        exact = [k for k, (whole, _) in spans if whole]
        ordered = [k for k, (_, fits) in spans if fits]
        k = exact[0] if exact else ordered[-1] if ordered else None
        if k is None or len(texts) - k < 2:
            continue
        start, end, name = words[k].start(), m.start(), texts[k:]
        # "the International Olympic Committee's (IOC)"; not "Standard & Poor's (S&P)"
        possessive = name[-1].endswith(POSSESSIVE) and not known_org(" ".join(name))
        if possessive:
            name, end = [*name[:-1], name[-1][:-2]], end - 2
        out.append(Candidate(index, start, end, tuple(name), None, None, start in starts, possessive))
    return out


def _distributed(paragraph: str, index: int, starts: set[int]) -> list[Candidate]:
    """One organisation for each complement of a plural organisation word ("the Ministries of
    Foreign Affairs, Interior and Land Management": "Ministry of Foreign Affairs", "Ministry of
    Interior", "Ministry of Land Management"); the first is named from the plural word on."""
    if " and " not in paragraph or ("s of " not in paragraph and "s for " not in paragraph):
        return []  # most paragraphs: no list (substring tests, far faster than PLURAL_LIST)
    out = []
    for m in PLURAL_LIST.finditer(paragraph):
        head = m.group(1)
        single = head[:-3] + "y" if head.endswith("ies") else head[:-1]
        if single.lower() not in lexicons.words("org_words.txt"):
            continue
        items = list(LIST_ITEM.finditer(paragraph, m.end(1), m.end()))
        for k, item in enumerate(items):
            start = m.start() if k == 0 else item.start()
            words = (single, "of", *item.group().split())
            out.append(Candidate(index, start, item.end(), words, None, None, start in starts, False))
    return out


def candidates(paragraph: str, index: int) -> list[Candidate]:
    """The capitalised name phrases of one paragraph, in order."""
    tokens = tokenize(paragraph)
    starts = {t.start for t in tokens if t.sentence_start}
    defined = _defined(paragraph, index, starts) + _distributed(paragraph, index, starts)
    firms = _partners(paragraph, index, starts)
    out = defined + firms
    flagged = any(t.name_part for t in tokens)
    taken = 0  # the end of a name extended by a legal form after a comma: runs before it are in it
    for run in _runs(tokens, paragraph):
        run = run[: _work_title(run)]
        if not run or run[0].start < taken:
            continue
        for shape in _shapes(tuple([t.text for t in run]), _name_stops(run) if flagged else NO_STOPS):
            if defined and any(d.start <= run[shape.piece].start < d.end for d in defined):
                continue
            if firms and any(f.start <= run[shape.first].start < f.end for f in firms):
                continue
            last = run[shape.last]
            words, end, possessive = shape.words, last.end, last.possessive
            legal = None if possessive or shape.title else LEGAL_AFTER_COMMA.match(paragraph, end)
            if legal is not None:  # "A.G. Edwards & Sons, Inc.": the legal form is the name's
                words, end = (*words, legal.group(1)), legal.end()
                possessive, taken = paragraph.startswith(POSSESSIVE, end), end
            out.append(
                Candidate(
                    index,
                    run[shape.first].start,
                    end,
                    words,
                    shape.honorific,
                    shape.title,
                    run[shape.lead].sentence_start and shape.honorific is None and shape.title is None,
                    possessive,
                )
            )
    return sorted(out, key=attrgetter("start"))


def _partners(paragraph: str, index: int, starts: set[int]) -> list[Candidate]:
    """Firms named by their partners with a comma after the first ("Goldman, Sachs & Co.",
    "Kalf, Voorhis & Co."): one name, not a list; a legal form may follow ("..., Inc."). The first
    word is no organisation word ("Carlyle Partners, Moelis & Company" names two)."""
    if (" Co" not in paragraph and " Sons" not in paragraph) or PARTNERS_END.search(paragraph) is None:
        return []  # most paragraphs: no "& Co" (substring tests first: far faster than any pattern)
    out = []
    for m in PARTNERS.finditer(paragraph):
        if m.group(1).lower() in lexicons.words("org_words.txt"):
            continue
        end = m.end()
        legal = LEGAL_AFTER_COMMA.match(paragraph, end)
        words = paragraph[m.start() : end].replace(",", "").split()
        if legal is not None:
            words, end = [*words, legal.group(1)], legal.end()
        start = m.start()
        out.append(Candidate(index, start, end, tuple(words), None, None, start in starts, False))
    return out


def _work_title(run: list[Token]) -> int | None:
    """Where the title of a work starts in a run, None if it holds none: a title has a function
    word capitalised mid-sentence between its capitalised words ("One Flew Over the Cuckoo's
    Nest", ``title_inner_words.txt``) and starts after the last connector before that word
    ("Marlon Brando for On the Waterfront")."""
    if len(run) < 3:
        return None  # no word between two others (most runs: tested first, at no cost)
    inner = lexicons.words("title_inner_words.txt")
    k = next(
        (
            k
            for k in range(1, len(run) - 1)
            if run[k].text in inner and not run[k].sentence_start and any(t.capitalised for t in run[k + 1 :])
        ),
        None,
    )
    if k is None:
        return None
    return next((j + 1 for j in range(k - 1, -1, -1) if run[j].text in CONNECTORS), 0)


def _name_stops(run: list[Token]) -> frozenset[int]:
    """Positions in a run of the stop words that stand inside a name there: words such as "Five"
    or "All" capitalised mid-sentence (``Token.name_part``) in a run that holds a word which is no
    stop word, or an honorific ("Mr Read")."""
    kept = frozenset(k for k, t in enumerate(run) if t.name_part)
    stops = lexicons.words("stop_capitals.txt")
    honorifics = lexicons.honorifics()
    if kept and any((t.text not in stops or t.text in honorifics) and t.text not in CONNECTORS for t in run):
        return kept
    return frozenset()


@lru_cache(maxsize=WORD_CACHE)
def _shapes(words: tuple[str, ...], name_stops: frozenset[int] = frozenset()) -> tuple[Shape, ...]:
    """The names in a run of words, as ``Shape`` positions in the run.

    Cutting, trimming and title splitting read only the words, so the result is worked out
    once per distinct run and remembered: an article repeats its names and a corpus its
    sentence openers. The run's words become tokens whose ``start`` is their position;
    ``name_stops`` are the positions of stop words that count as name words.
    """
    tokens = [
        tuple.__new__(Token, (w, k, k, False, False, capitalised(w), k in name_stops))
        for k, w in enumerate(words)
    ]
    out = []
    for piece in _pieces(tokens):
        for part in _parts(_trim(piece)):
            shape = _shape(piece[0].start, part)
            if shape is not None:
                out.append(shape)
    return tuple(out)


def _pieces(tokens: list[Token]) -> Iterator[list[Token]]:
    """A run cut into the pieces that may each hold a name: at each "and" (``_split_and``), then
    where a title starts after an organisation's name (``_split_org_title``)."""
    return (q for p in _split_and(_trim(tokens)) for q in _split_org_title(_trim(p)))


def _parts(run: list[Token]) -> list[list[Token]]:
    """The parts of a trimmed piece that may each be a name: the piece cut at its connectors
    (``_split_connectors``) unless a title opens it and no connector stands in the name after the
    title; each part trimmed, without a plural acronym at its end (things, not a name: "Cofinec
    GDRs", "NGOs")."""
    title, name = _title_and_name(tuple([t.text for t in run]))
    whole = title is not None and not any(w in CONNECTORS for w in name)
    out = []
    for part in [run] if whole else _split_connectors(run):
        part = _trim(part)
        if part and PLURAL_ACRONYM.fullmatch(part[-1].text) and not is_title_word(part[-1].text):
            part = part[:-1]
        if part:
            out.append(part)
    return out


def _shape(piece: int, part: list[Token]) -> Shape | None:
    """The name a part holds once its honorific, title and opening nationality are set apart
    (an honorific may also follow the title: "Prime Minister Mr Major"); None when what is left
    names nothing (``_no_name``). ``piece`` is where the part's piece starts in the run."""
    honorifics = lexicons.honorifics()
    honorific = None
    if part[0].text in honorifics and len(part) > 1:
        honorific, part = part[0].text, part[1:]
    texts = [t.text for t in part]
    title, titled = _title_and_name(tuple(texts))
    name = _without_nationality(list(titled))
    if _no_name(name, title):
        return None
    first = part[len(texts) - len(name)]
    if honorific is None and name[0] in honorifics and len(name) > 1:
        honorific, name, first = name[0], name[1:], part[len(texts) - len(name) + 1]
    return Shape(piece, part[0].start, first.start, part[-1].start, tuple(name), honorific, title)


@lru_cache(maxsize=WORD_CACHE)
def _title_and_name(texts: tuple[str, ...]) -> tuple[str | None, tuple[str, ...]]:
    """The title that opens a run of words and the name after it (``split_title``); no title in
    an organisation's name (``_org_shaped``). Remembered: a piece and its one part, most often the
    same words, both ask."""
    words = list(texts)
    if _org_shaped(words):
        return None, texts
    title, name = split_title(words)
    return title, tuple(name)


def _without_nationality(name: list[str]) -> list[str]:
    """A name without the nationality that opens it ("Dutchman Peter Wessels"), unless the words
    after it hold an organisation word and name no place ("British Airways"), or the whole is a
    place's name."""
    if (
        len(name) > 1
        and _demonym(name[0])
        and (not _has_org_word(name) or " ".join(name[1:]) in lexicons.places())
        and " ".join(name) not in lexicons.places()
    ):
        return name[1:]
    return name


def _no_name(name: list[str], title: str | None) -> bool:
    """Whether what is left of a part after its title names nothing: no word, a party code
    ("R-Texas"), a bare title or an event (``_not_a_name``; but a title word alone, with no title
    before it, may be a surname: "Dean", "Mr. King"), or a heading in capitals."""
    lone_title = title is None and len(name) == 1 and is_title_word(name[0])
    return (
        not name
        or PARTY.fullmatch(" ".join(name)) is not None
        or (_not_a_name(name) and not lone_title)
        or _heading(name)
    )
