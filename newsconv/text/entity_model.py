"""A learned second opinion on what a name candidate names: person, organisation, place or nothing.

The hand rules of ``entities`` classify each candidate first; this model, an averaged perceptron
over the rules' verdict and features of the candidate and the words around it, then confirms or
overrides that verdict. Its weights (``lexicon/entity_model.tsv``) are learned by
``scripts/train_entity_model.py`` from the CoNLL-2003 training split only (see the README for
what was learned and on what terms); the file holds feature names and numbers, no article text.

Scoring is a handful of dictionary look-ups per candidate, so it costs little beside the rules.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path

from newsconv import compiled
from newsconv.text import lexicons

LABELS = ("person", "org", "place", "none")
NONE = LABELS.index("none")
MODEL_FILE = "entity_model.tsv"
# The rules' verdicts the model may change: a candidate they dropped (an unconfirmed sentence
# opener, a word in a table) may come back as any label. Two-fold cross-validation on CoNLL-2003
# train (``scripts/train_entity_model.py --cv``) found letting it also move the rules' own labels
# either breaks rule tests (no margin) or adds nothing (a wide margin), so their labels stand.
OPINIONS = frozenset({"dropped"})
SHAPE_CACHE = 1 << 14  # words whose shape is remembered
PROSE_STEPS = 4  # classes of a paragraph's share of lower-case words
REACH = 40  # characters of context read before and after a candidate
Weights = dict[str, tuple[float, ...]]


@cache
def weights() -> Weights:
    """The learned weights: feature name to one weight per label (``LABELS`` order), from their
    compiled form when one is kept (``newsconv.compiled``: parsing the file's 14,000 lines takes
    33 ms of every process's start, loading the compiled form 6 ms)."""
    text = resources.files("newsconv.text").joinpath("lexicon", MODEL_FILE).read_text(encoding="utf-8")
    key = b"\0".join([Path(__file__).read_bytes(), text.encode("utf-8")])
    return compiled.load("entity-model", key, lambda: parse(text), dict)


def parse(text: str) -> Weights:
    """Weights from the tab-separated model file (a feature and one number per label a line)."""
    out: Weights = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            name, *values = line.split("\t")
            out[name] = tuple(float(v) for v in values)
    return out


@lru_cache(maxsize=SHAPE_CACHE)
def shape(word: str) -> str:
    """A word's letter classes with repeats folded: "McDonald" → "XxXx", "U.S." → "X.X."."""
    out: list[str] = []
    for c in word:
        k = "X" if c.isupper() else "x" if c.islower() else "d" if c.isdigit() else c
        if not out or out[-1] != k:
            out.append(k)
    return "".join(out)


def features(
    words: Sequence[str], paragraph: str, start: int, end: int, opinion: str, facts: Sequence[str]
) -> list[str]:
    """The features of one candidate: the rules' ``opinion``, its words and their shapes, the
    words before and after it, and ``facts`` the rules know about it (gazetteer hits, cues)."""
    low = [w.lower() for w in words]
    n = str(min(len(words), 4))
    before = paragraph[max(0, start - REACH) : start].split()[-2:] if start else []
    after = paragraph[end : end + REACH].split(None, 1)
    b1 = before[-1].lower() if before else "^"
    b2 = before[0].lower() if len(before) > 1 else "^"
    a1 = after[0].lower() if after else "$"
    out = [
        "bias",
        "r=" + opinion,
        f"rn={opinion}|{n}",
        "t=" + " ".join(low),
        "f=" + low[0],
        "l=" + low[-1],
        "suf=" + low[-1][-3:],
        "sh=" + " ".join(map(shape, words)),
        "b=" + b1,
        f"bb={b2} {b1}",
        "a=" + a1,
        f"ba={b1}|{a1}",
        f"rb={opinion}|{b1}",
        f"ra={opinion}|{a1}",
    ]
    out += ["w=" + w for w in low[1:-1]]
    out += ["x=" + f for f in facts]
    out += [f"rx={opinion}|{f}" for f in facts]
    return out


def scores(feats: Sequence[str], table: Weights | None = None) -> list[float]:
    """The model's score for each label (``LABELS`` order)."""
    table = weights() if table is None else table
    person = org = place = none = 0.0
    for w in map(table.get, feats):
        if w is not None:
            person += w[0]
            org += w[1]
            place += w[2]
            none += w[3]
    return [person, org, place, none]


def decide(feats: Sequence[str], opinion: str, table: Weights | None = None) -> str:
    """The label for a candidate: the model's best where it may change the rules' ``opinion``
    (``OPINIONS``), else the rules' own."""
    return best(feats, table) if opinion in OPINIONS else opinion


def best(feats: Sequence[str], table: Weights | None = None, margin: float = 0.0) -> str:
    """The label the model scores highest; "none" unless it beats "none" by ``margin``."""
    s = scores(feats, table)
    top = max(range(len(LABELS)), key=s.__getitem__)
    return LABELS[top] if s[top] >= s[NONE] + margin else "none"


def prose(paragraph: str) -> str:
    """How much a paragraph reads as prose, by its share of words in lower case, as a feature
    value: names in tables and lists of figures behave unlike names in sentences."""
    words = paragraph.split()
    lower = sum(w[0].islower() for w in words)
    return f"prose{min(PROSE_STEPS * lower // max(len(words), 1), PROSE_STEPS - 1)}"


def facts(words: Sequence[str], is_place: bool, given: bool, adjective: bool) -> list[str]:
    """What the lexicons say of a candidate, as feature values."""
    out = []
    if is_place:
        out.append("place")
    if " ".join(words) in lexicons.major_places():
        out.append("major")
    if given:
        out.append("given")
    if adjective:
        out.append("adj")
    if len(words) == 1 and words[0].isupper() and len(words[0]) > 1:
        out.append("caps")
    if any(w.lower() in lexicons.words("org_words.txt") for w in words):
        out.append("orgword")
    if words[-1].lower() in lexicons.words("place_words.txt"):
        out.append("placeword")
    if len(words) == 1 and words[0].lower() in lexicons.words("common_words.txt"):
        out.append("common")
    return out


def reasons(feats: Sequence[str], table: Weights | None = None, top: int = 4) -> list[str]:
    """The features that weigh most in a decision, with their weight per label, for a trace."""
    table = weights() if table is None else table
    found = [(f, table[f]) for f in feats if f in table and f != "bias"]
    found.sort(key=lambda fw: -max(abs(x) for x in fw[1]))
    return [f"{f} ({', '.join(f'{lab} {x:+.0f}' for lab, x in zip(LABELS, w) if x)})" for f, w in found[:top]]
