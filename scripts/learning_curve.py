"""Learning curves of the entity model on CoNLL-2003: does more training text lift the F1?

Usage:
  python scripts/learning_curve.py [--shared ../shared] [--folds 5] [--fractions 10,25,50,75,100]
                                   [--repeats 3] [--epochs 8] [--json FILE] [--oracle]

The extractor is the hand rules plus the averaged-perceptron entity model (``text/entity_model.py``)
as a second opinion. This script learns that model the way ``scripts/train_entity_model.py`` does
(its own functions) from a share of the CoNLL-2003 **train** documents and scores the whole
extractor, article by article as ``newsconv convert --to model`` reads it (``text.reader``), with
``../shared/eval/score.py``'s functions, as ``tests/test_quality.py`` does:

- rules alone (the model switched off: no weights);
- on CoNLL **valid**: the model learned on 10/25/50/75/100 % of the train documents (a random
  share, ``--repeats`` draws below 100 %, mean and range);
- on CoNLL **train by k-fold cross-validation**: the train documents are dealt into ``--folds``
  folds; each fold is scored by a model learned on that share of the other folds only, so no
  train figure is lifted by scoring documents the model learned from. Counts are summed over
  folds (every document is scored once);
- the model as shipped (``lexicon/entity_model.tsv``) on valid, and on train: the train figure
  the quality gate reads, from a model that has seen those documents;
- with ``--oracle``, ceilings: the gold itself in the model's place, where the model is asked
  today and on every candidate (``truth``).

Each figure is given as F1, and F1 without the "alias-split" misses: make_conll.py lists "U.S."
and "United States" as two gold entities, so the extractor's one entity with an alias costs a
miss that is the gold's artefact. This script counts them itself (``_counts``): a missed gold
entity whose name or an alias is among the names of an entity the extractor found.

The weights are put in place in-process (``entity_model.weights`` is replaced while a set is
scored), so nothing on disk changes and the runtime code is what is measured. Whether learning
on all train documents with today's rules reproduces ``lexicon/entity_model.tsv`` (it does only
while the rules that give the features are unchanged since it was learned) is printed. The
CoNLL test split is never read. About a minute on one core for the default run.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any
from unittest import mock

import train_entity_model as tem

from newsconv.formats.model_json import to_dict
from newsconv.text import entities, entity_model
from newsconv.text.reader import read

FIELDS = tuple(tem.TYPES)  # persons, organizations, places
SEED = 7  # of the random shares of train
ORACLES = {"asked": "the model is asked today", "every": "every candidate (rules replaced)"}


@dataclass
class Doc:
    """One CoNLL document: its gold file, its text file and the model's training examples."""

    gold: dict[str, Any]
    text: Path
    examples: list[tuple[list[str], int]] = field(default_factory=list)


@dataclass
class Counts:
    """Document-level matches of one entity type: true and false positives, misses, and the
    misses that are alias-split artefacts of the gold."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    alias: int = 0

    def add(self, other: Counts) -> None:
        """Sum another set's counts into these."""
        self.tp, self.fp = self.tp + other.tp, self.fp + other.fp
        self.fn, self.alias = self.fn + other.fn, self.alias + other.alias

    def f1(self, artefacts: bool = True) -> float:
        """F1, counting the alias-split misses as misses or (``artefacts=False``) leaving them out."""
        fn = self.fn if artefacts else self.fn - self.alias
        return 2 * self.tp / (2 * self.tp + self.fp + fn) if self.tp else 0.0


Figures = dict[str, Counts]


def build(shared: Path, split: str, out: Path, scorer: ModuleType) -> list[Doc]:
    """The documents make_conll.py makes of one split (written under ``out``), each with the
    model's training examples (the features ``train_entity_model.examples`` gives its candidates)."""
    conll = tem._module(shared / "eval" / "make_conll.py")
    saved = sys.argv
    sys.argv = ["make_conll.py", str(shared / "corpora" / "conll2003-en" / f"{split}.txt"), str(out)]
    try:
        with contextlib.redirect_stdout(sys.stderr):
            conll.main()
    finally:
        sys.argv = saved
    docs = []
    paths = sorted((out / "gold").glob("*.json"))
    parsed = list(tem.documents(shared, split))
    assert len(paths) == len(parsed), "make_conll.py and train_entity_model.documents disagree"
    for path, (paragraphs, named) in zip(paths, parsed):
        gold = json.loads(path.read_text(encoding="utf-8"))
        assert all(gold[f] == named[f] for f in FIELDS), f"{path.name}: documents out of step"
        examples = tem.examples([(paragraphs, named)], scorer.norm_name)
        docs.append(Doc(gold, (path.parent / gold["text"]).resolve(), examples))
    return docs


@contextlib.contextmanager
def weights(table: entity_model.Weights) -> Iterator[None]:
    """The extractor with ``table`` as its learned model (``{}``: the rules alone)."""
    with mock.patch.object(entity_model, "weights", lambda: table):
        yield


def learn(docs: Sequence[Doc], epochs: int) -> entity_model.Weights:
    """The model learned from ``docs`` as train_entity_model.py learns it, read back from the
    file it would write (whose numbers are rounded)."""
    table = tem.train([ex for d in docs for ex in d.examples], epochs)
    with tempfile.TemporaryDirectory(prefix="entity-model-") as tmp:
        path = Path(tmp) / entity_model.MODEL_FILE
        tem.write(table, path)
        return entity_model.parse(path.read_text(encoding="utf-8"))


def measure(
    docs: Sequence[Doc], table: entity_model.Weights, scorer: ModuleType, oracle: str | None = None
) -> Figures:
    """Persons, organisations and places counts of the extractor with ``table`` over ``docs``
    (with an ``oracle`` in the model's place when given: see ``truth``)."""
    out = {f: Counts() for f in FIELDS}
    with weights(table):
        for d in docs:
            with truth(d.gold, scorer, oracle) if oracle else contextlib.nullcontext():
                pred = to_dict(read(d.text.read_bytes(), str(d.text)))
            for f in FIELDS:
                out[f].add(_counts(d.gold.get(f, []), pred.get(f, []), scorer))
    return out


@contextlib.contextmanager
def truth(gold: dict[str, Any], scorer: ModuleType, where: str) -> Iterator[None]:
    """An oracle in the model's place: a candidate whose text is a gold name or alias of the
    document gets that name's type, any other "none". ``where="asked"``: only where the model
    decides today (the rules' dropped sentence openers, names linking leaves open), so the
    ceiling of any learned model in that role; ``where="every"``: on every candidate, the rules'
    verdicts replaced too, so the ceiling of perfect classification of today's candidates (what
    is still lost is lost to candidate boundaries, linking and the gold's conventions)."""
    labels = {
        scorer.norm_name(name): label
        for field, label in tem.TYPES.items()
        for e in reversed(gold.get(field, []))
        for name in (e["name"], *e["aliases"])
    }

    def label(feats: Sequence[str], *_: Any, **__: Any) -> str:
        text = next(f[2:] for f in feats if f.startswith("t="))
        return labels.get(scorer.norm_name(text), "none")

    def decide(feats: Sequence[str], opinion: str, *_: Any) -> str:
        return label(feats) if where == "every" or opinion in entity_model.OPINIONS else opinion

    with contextlib.ExitStack() as stack:
        stack.enter_context(mock.patch.object(entity_model, "decide", decide))
        stack.enter_context(mock.patch.object(entity_model, "best", label))
        if where == "every":
            stack.enter_context(mock.patch.object(entities, "_asked", lambda *_: True))
        yield


def _counts(gold: list[dict[str, Any]], pred: list[Any], scorer: ModuleType) -> Counts:
    """score.py's match of one document's entities of one type, with its alias-split misses."""
    tp, fp, fn, missed, _ = scorer.match_entities(gold, pred)
    names = [scorer.entity_names(p) for p in pred]
    alias = sum(1 for g in gold if g["name"] in missed and any(scorer.entity_names(g) & n for n in names))
    return Counts(tp, fp, fn, alias)


def share(docs: Sequence[Doc], percent: int, seed: int) -> list[Doc]:
    """A random ``percent`` of ``docs``, kept in their order (all of them, in order, at 100)."""
    if percent >= 100:
        return list(docs)
    k = max(1, round(len(docs) * percent / 100))
    keep = set(random.Random(seed).sample(range(len(docs)), k))
    return [d for i, d in enumerate(docs) if i in keep]


def total(parts: Sequence[Figures]) -> Figures:
    """Counts summed over folds."""
    out = {f: Counts() for f in FIELDS}
    for part in parts:
        for f in FIELDS:
            out[f].add(part[f])
    return out


def row(label: str, figures: Sequence[Figures], note: str = "") -> str:
    """A table row: per type, F1 (mean over ``figures`` with its range when several) and F1
    without alias-split misses."""
    cells = []
    for f in FIELDS:
        a = [x[f].f1() for x in figures]
        b = [x[f].f1(artefacts=False) for x in figures]
        spread = f" ({min(a):.3f}-{max(a):.3f})" if len(a) > 1 else ""
        cells.append(f"{statistics.mean(a):.4f}{spread} / {statistics.mean(b):.4f}")
    return f"| {label} | " + " | ".join(cells) + f" | {note} |"


def header(title: str) -> list[str]:
    """A table's title and head."""
    return [
        "",
        title,
        "",
        "| model | persons F1 / w/o alias-split | orgs F1 / w/o alias-split | places F1 / w/o alias-split | |",
        "|---|---|---|---|---|",
    ]


def main(argv: Sequence[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=tem.SHARED)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--fractions", default="10,25,50,75,100", help="percentages of train, comma-separated")
    ap.add_argument("--repeats", type=int, default=3, help="random shares per fraction below 100 on valid")
    ap.add_argument("--epochs", type=int, default=tem.EPOCHS)
    ap.add_argument("--json", type=Path, help="also write every count here")
    ap.add_argument(
        "--oracle", action="store_true", help="add the ceilings of an oracle in the model's place"
    )
    a = ap.parse_args(argv)
    fractions = [int(x) for x in a.fractions.split(",")]
    scorer = tem._module(a.shared / "eval" / "score.py")
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="learning-curve-") as tmp:
        train = build(a.shared, "train", Path(tmp) / "train", scorer)
        valid = build(a.shared, "valid", Path(tmp) / "valid", scorer)
        print(f"{len(train)} train and {len(valid)} valid documents", file=sys.stderr)
        raw: dict[str, Any] = {}
        lines = run(train, valid, fractions, a, scorer, raw)
    lines.append(f"\n{time.perf_counter() - started:.0f} s")
    print("\n".join(lines))
    if a.json:
        a.json.write_text(json.dumps(raw, indent=1), encoding="utf-8")
    return 0


def run(
    train: Sequence[Doc],
    valid: Sequence[Doc],
    fractions: Sequence[int],
    a: argparse.Namespace,
    scorer: ModuleType,
    raw: dict[str, Any],
) -> list[str]:
    """Every measurement, as markdown tables; the counts also go into ``raw``."""
    shipped = entity_model.weights()
    same = learn(train, a.epochs) == shipped
    print(f"learned on all train now == lexicon/entity_model.tsv: {same}", file=sys.stderr)

    def keep(key: str, figures: Figures) -> Figures:
        raw[key] = {f: vars(c) for f, c in figures.items()}
        return figures

    lines = header(f"CoNLL-2003 valid ({len(valid)} documents)")
    lines.append(row("rules alone", [keep("valid/rules", measure(valid, {}, scorer))]))
    lines.append(row("shipped model", [keep("valid/shipped", measure(valid, shipped, scorer))]))
    for p in fractions:
        draws = 1 if p >= 100 else a.repeats
        tables = [learn(share(train, p, SEED + r), a.epochs) for r in range(draws)]
        figures = [keep(f"valid/{p}/{r}", measure(valid, t, scorer)) for r, t in enumerate(tables)]
        lines.append(row(f"model on {p}% of train", figures, f"{draws} draw(s)"))
        print(lines[-1], file=sys.stderr)
    lines += header(f"CoNLL-2003 train, {a.folds}-fold cross-validation ({len(train)} documents)")
    lines.append(row("rules alone", [keep("train/rules", measure(train, {}, scorer))]))
    lines += [row(*cells) for cells in cross_validation(train, fractions, a, scorer, keep)]
    lines += header("CoNLL-2003 train scored by models that have seen it")
    lines.append(row("shipped model", [keep("train/shipped", measure(train, shipped, scorer))]))
    if a.oracle:
        lines += header("Ceilings: an oracle (the gold) in the model's place")
        for split, docs in (("train", train), ("valid", valid)):
            for where in ("asked", "every"):
                figures = keep(f"{split}/oracle-{where}", measure(docs, shipped, scorer, where))
                lines.append(row(f"{split}: oracle where {ORACLES[where]}", [figures]))
    return lines


def cross_validation(
    train: Sequence[Doc], fractions: Sequence[int], a: argparse.Namespace, scorer: ModuleType, keep: Any
) -> Iterator[tuple[str, list[Figures], str]]:
    """Per fraction, a row's label, counts summed over the folds and a note (see ``cross_validated``)."""
    for p in fractions:
        figures = cross_validated(train, a.folds, scorer, p, a.epochs)
        n = len(share(deal(train, a.folds)[0][1], p, SEED))
        yield f"model on {p}% of the other folds", [keep(f"train-cv/{p}", figures)], f"~{n} docs"
        print(f"cross-validation: {p}% done", file=sys.stderr)


def deal(docs: Sequence[Doc], folds: int) -> list[tuple[list[Doc], list[Doc]]]:
    """The documents dealt into ``folds`` folds (every ``folds``-th document, in order), each
    with the documents of the other folds."""
    parts = [list(docs[j::folds]) for j in range(folds)]
    return [
        (part, [d for i, other in enumerate(parts) if i != j for d in other]) for j, part in enumerate(parts)
    ]


def cross_validated(
    docs: Sequence[Doc], folds: int, scorer: ModuleType, percent: int = 100, epochs: int = tem.EPOCHS
) -> Figures:
    """The extractor's counts over ``docs`` by k-fold cross-validation: each fold scored with the
    model learned on ``percent`` % of the other folds only, counts summed over the folds (every
    document scored once, by a model that never saw it). ``tests/test_quality.py`` holds the
    figure of 5 folds on CoNLL train to its floors."""
    return total(
        [measure(part, learn(share(rest, percent, SEED), epochs), scorer) for part, rest in deal(docs, folds)]
    )


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
