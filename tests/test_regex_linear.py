"""Every pattern the plain-text reader runs stays linear on any input.

Two guards: a lint that rejects the regex shapes that backtrack catastrophically (in lexicon
files, where anyone may add a pattern), and adversarial lines (long runs of one punctuation
character, alternations of two, 100 kB lines) fed to the whole reader in a worker process that
must answer within a generous budget. The budget is no speed measure: a linear reader answers in
a second or two, a backtracking one takes minutes (a table rule once took several).
"""

from __future__ import annotations

import multiprocessing
import re
import string
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any, get_args

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from newsconv.text import lexicons

# Lexicon files whose lines are regular expressions.
REGEX_LEXICONS = get_args(lexicons.PatternList)
# Seconds one adversarial article may take: a linear reader needs a few seconds of CPU even on a
# 100 kB line of names; backtracking takes many minutes.
BUDGET = 120
PUNCTUATION = string.punctuation + "“”‘’—–…«» "
UNBOUNDED = sre.MAXREPEAT
REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT)


def _children(op: Any, av: Any) -> Iterator[Any]:
    """The sub-patterns of one parsed node."""
    if op in (*REPEATS, sre.POSSESSIVE_REPEAT):
        yield av[2]
    elif op == sre.SUBPATTERN:
        yield av[3]
    elif op in (sre.ASSERT, sre.ASSERT_NOT):
        yield av[1]
    elif op == sre.ATOMIC_GROUP:
        yield av
    elif op == sre.BRANCH:
        yield from av[1]
    elif op == sre.GROUPREF_EXISTS:
        yield from (p for p in av[1:] if p is not None)


def _backtracking_repeats(pattern: Any) -> Iterator[tuple[Any, Any]]:
    """Unbounded repeats that may give characters back (not possessive, not in an atomic group)."""
    for op, av in pattern:
        if op in REPEATS and av[1] == UNBOUNDED:
            yield op, av
        if op not in (sre.POSSESSIVE_REPEAT, sre.ATOMIC_GROUP):
            for child in _children(op, av):
                yield from _backtracking_repeats(child)


def _risks(regex: str) -> list[str]:
    """What makes ``regex`` risky: an unbounded repeat around another one (exponential), or
    several unbounded ``.`` repeats in a pattern whose length no lookahead caps (polynomial)."""
    tree = sre_parse.parse(regex, re.IGNORECASE)
    risks = []
    for _, av in _backtracking_repeats(tree):
        if any(True for _ in _backtracking_repeats(av[2])):
            risks.append("an unbounded repeat holds another: make them possessive (*+, ++) or atomic")
    dots = sum(1 for _, av in _backtracking_repeats(tree) if list(av[2]) == [(sre.ANY, None)])
    if dots > 1 and not _length_capped(tree):
        risks.append("several .* without a leading length cap such as (?=.{0,250}$)")
    return risks


def _length_capped(tree: Any) -> bool:
    """Whether the pattern opens with a lookahead that caps the whole line: ``(?=.{0,N}$)``."""
    items = list(tree)
    if not items or items[0][0] != sre.ASSERT:
        return False
    body = list(items[0][1][1])
    return (
        len(body) == 2
        and body[0][0] == sre.MAX_REPEAT
        and body[0][1][1] != UNBOUNDED
        and body[1] == (sre.AT, sre.AT_END)
    )


@pytest.mark.parametrize("name", REGEX_LEXICONS)
def test_lexicon_patterns_have_no_backtracking_shapes(name: str) -> None:
    risky = {p.pattern: _risks(p.pattern) for p in lexicons.patterns(name)}
    assert {entry: why for entry, why in risky.items() if why} == {}


@pytest.mark.parametrize(
    ("regex", "risky"),
    [
        (r"[\w-]+([\s.#,:>-]+[\w-]+)*\{", True),  # the table-rule hang
        (r"(\s*<a>\s*)+", True),
        (r".*\bsign up\b.*", True),
        (r"(?=.{0,250}$).*\bsign up\b.*", False),
        (r"[\w-][\w\s.#,:>-]*+\{", False),
        (r"(?:\s*+<a>\s*+)++", False),
        (r"(follow|like) (us|[\w.'’-]+( [\w.'’-]+){0,3}) on twitter", False),
    ],
)
def test_the_lint_tells_risky_shapes(regex: str, risky: bool) -> None:
    assert bool(_risks(regex)) is risky


def _read(text: str) -> int:
    """Read one article in the worker; the number of paragraphs proves it finished."""
    from newsconv.errors import InputError
    from newsconv.text.reader import read

    try:
        return len(read(text.encode("utf-8")).paragraphs)
    except InputError:
        return -1


@pytest.fixture(scope="module")
def worker() -> Iterator[ProcessPoolExecutor]:
    # a spawned worker: a fork of the test process could inherit a lock another test's thread held
    with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn")) as pool:
        pool.submit(_read, "Warm-up\n\nMr Smith said “this loads every lexicon once.”\n").result()
        yield pool


runs = st.tuples(st.sampled_from(PUNCTUATION), st.sampled_from(PUNCTUATION + "aA1")).map("".join)
units = st.one_of(st.sampled_from(PUNCTUATION), runs, st.sampled_from(["Aa ", "A-", "a.", "A, ", "“A” "]))


@st.composite
def adversarial_articles(draw: st.DrawFn) -> str:
    """An article with one long line: a unit repeated up to 100 kB, maybe inside words."""
    unit = draw(units)
    size = draw(st.sampled_from([2_000, 20_000, 100_000]))
    line = draw(st.sampled_from(["", "Company", "Mr Smith said "])) + unit * (size // len(unit))
    line += draw(st.sampled_from(["", "{", " end.", "x"]))
    return f"Headline\n\n{line}\n\nMr Smith said “this is a quote.”\n"


def _surname(k: int) -> str:
    """A distinct made-up surname for each number ("Qaaab")."""
    return "Q" + "".join(string.ascii_lowercase[k // 26**i % 26] for i in range(4))


# A paragraph of thousands of coordinated names: linking and roles were quadratic (recursive
# too) in the names of one list.
NAME_LIST = "Sprinters " + " and ".join(f"Anna {_surname(k)}" for k in range(3000)) + " said they would run."
# An article naming 20,000 distinct organisations (each in full, by a short form and by a lone
# organisation word) and 20,000 persons (each with a role, then by surname): linking looked each
# mention up among every organisation named before it, roles every title among all entities.
ENTITY_ARTICLE = "\n\n".join(
    f"Officials of the {_surname(k)} Trading Corporation met. The {_surname(k)} Trading board agreed, "
    f"and the Corporation said so.\n\nAnna {_surname(k + 20_000)}, a Labour lawyer, said the plan "
    f"would work. {_surname(k + 20_000)} said it again."
    for k in range(20_000)
)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@example(f"Prices\n\n{'Company-------------Price---Broker----------------' * 2000}\n\nAegon 83.40 Paribas\n")
@example("Prices\n\nCompany-------------Price---Broker----------------\n\nAegon 83.40 Paribas\n")
@example(f"Head\n\n{'!' * 100_000}\n\n“Yes,” he said{'!' * 100_000}\n")
@example(f"Head\n\nEmail: {'@' * 100_000} x\n\nMr Smith said “this is a quote.”\n")  # an address line
@example(f"Head\n\nMr Smith said Ann Lee, {'A.' * 60}{'A' * 200} is here.\n\nMr Smith said “yes.”\n")
@example(f"Head\n\n{NAME_LIST}\n")
@example(f"Head\n\n{ENTITY_ARTICLE}\n")
@given(adversarial_articles())
def test_the_reader_is_linear_on_adversarial_lines(worker: ProcessPoolExecutor, article: str) -> None:
    future = worker.submit(_read, article)
    try:
        paragraphs = future.result(timeout=BUDGET)
    except FutureTimeout:  # pragma: no cover - the failure this test exists for
        for process in worker._processes.values():  # no public way to stop it in 3.11
            process.kill()
        pytest.fail(f"reading took over {BUDGET} s: backtracking on {article[:80]!r}…")
    assert paragraphs >= 1  # the last line is always a paragraph
