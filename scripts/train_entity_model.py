"""Learn the entity model (``newsconv/text/lexicon/entity_model.tsv``) from CoNLL-2003 train.

Usage:
  python scripts/train_entity_model.py [--shared ../shared] [--epochs 8]        # write the model
  python scripts/train_entity_model.py --cv                                     # measure it honestly

The documents are those ``../shared/eval/make_conll.py`` makes from ``corpora/conll2003-en/train.txt``
(non-sports stories, gold persons / organisations / places per document), read with that script's
own functions. Each name candidate the rules find is labelled with the gold type its name has in
its document ("none" when it is no gold name), and an averaged perceptron learns the label from
the features ``newsconv.text.entity_model.features`` gives it, the rules' verdict among them.
Training is deterministic (a fixed shuffle seed) and takes well under a minute.

``--cv`` learns on one half of the documents and scores the other half (both ways round), with
``eval/score.py``'s matching, before (rules alone) and after; ``--curve`` adds a learning curve.
"""

from __future__ import annotations

import argparse
import importlib.util
import random
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

from newsconv.text import entity_model
from newsconv.text.entities import Entities
from newsconv.text.extract import extract

SHARED = Path(__file__).resolve().parents[2] / "shared"
OUT = Path(__file__).resolve().parents[1] / "newsconv" / "text" / "lexicon" / entity_model.MODEL_FILE
TYPES = {"persons": "person", "organizations": "org", "places": "place"}
SEED = 13
EPOCHS = 8  # passes over the examples when learning the shipped model
PRUNE = 0.05  # weights below this (in votes) are left out of the file


def _module(path: Path) -> ModuleType:
    """Import one of the shared evaluation scripts by path (they are no package)."""
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def documents(shared: Path, split: str = "train") -> Iterator[tuple[list[str], dict[str, Any]]]:
    """Each non-sports CoNLL document as body paragraphs (every sentence after the headline)
    and its gold entities, as make_conll.py writes them."""
    conll = _module(shared / "eval" / "make_conll.py")
    for doc in conll.read_docs(shared / "corpora" / "conll2003-en" / f"{split}.txt"):
        if conll.is_sports(doc):
            continue
        lines = [conll.detok([t for t, _ in s]) for s in doc]
        if len(lines) >= 3:
            yield lines[1:], conll.gold_entities(doc)


def examples(docs: Sequence[tuple[list[str], dict[str, Any]]], norm_name: Any) -> list[tuple[list[str], int]]:
    """(features, label index) for every candidate of the documents: the type of the gold name
    it is, else "none"."""
    out = []
    for paragraphs, gold in docs:
        names = [
            (f" {norm_name(name)} ", label)
            for field, label in TYPES.items()
            for e in gold[field]
            for name in (e["name"], *e["aliases"])
        ]
        for v in Entities(paragraphs, table={}).verdicts:
            if not v.features:
                continue  # the rules are sure: the model is not asked
            text = f" {norm_name(v.candidate.text)} "
            label = next((t for n, t in names if text == n), "none")
            out.append((v.features, entity_model.LABELS.index(label)))
    return out


def train(data: Sequence[tuple[list[str], int]], epochs: int) -> entity_model.Weights:
    """An averaged perceptron's weights (the average of the weights after every example)."""
    n = len(entity_model.LABELS)
    w: dict[str, list[float]] = {}
    total: dict[str, list[float]] = {}
    stamp: dict[str, list[int]] = {}
    order = list(range(len(data)))
    rng = random.Random(SEED)
    step = 0
    for _ in range(epochs):
        rng.shuffle(order)
        for i in order:
            feats, gold = data[i]
            scores = entity_model.scores(feats, {f: tuple(v) for f in feats if (v := w.get(f))})
            guess = max(range(n), key=scores.__getitem__)
            step += 1
            if guess == gold:
                continue
            for f in feats:
                wf = w.setdefault(f, [0.0] * n)
                tf = total.setdefault(f, [0.0] * n)
                sf = stamp.setdefault(f, [0] * n)
                for k, delta in ((gold, 1.0), (guess, -1.0)):
                    tf[k] += (step - sf[k]) * wf[k]
                    sf[k] = step
                    wf[k] += delta
    out: entity_model.Weights = {}
    for f, wf in w.items():
        avg = [(total[f][k] + (step - stamp[f][k]) * wf[k]) / step for k in range(n)]
        if max(abs(a) for a in avg) >= PRUNE / 100:
            out[f] = tuple(round(a * 100, 2) for a in avg)
    return {f: v for f, v in out.items() if max(abs(x) for x in v) >= PRUNE}


def write(table: entity_model.Weights, path: Path) -> None:
    """The model file: a header, then a feature and its weights a line, sorted."""
    head = (
        "# Learned by scripts/train_entity_model.py from CoNLL-2003 train (see README); "
        f"columns: feature, then {', '.join(entity_model.LABELS)}\n"
    )
    body = "".join(f"{f}\t" + "\t".join(f"{x:g}" for x in table[f]) + "\n" for f in sorted(table))
    path.write_text(head + body, encoding="utf-8")


def score(docs: Sequence[tuple[list[str], dict[str, Any]]], table: entity_model.Weights, scorer: Any) -> str:
    """Persons, organisations and places F1 of the whole extractor with ``table`` as its model."""
    saved = entity_model.weights
    entity_model.weights = lambda: table  # type: ignore[assignment]
    try:
        totals = {f: [0, 0, 0] for f in TYPES}
        for paragraphs, gold in docs:
            found = extract(paragraphs)
            pred = {
                "persons": found.persons,
                "organizations": found.organizations,
                "places": found.places,
            }
            for field in TYPES:
                entities = [{"name": e.name, "aliases": list(e.aliases)} for e in pred[field]]
                tp, fp, fn, _, _ = scorer.match_entities(gold[field], entities)
                for k, v in enumerate((tp, fp, fn)):
                    totals[field][k] += v
    finally:
        entity_model.weights = saved  # type: ignore[method-assign]
    return "  ".join(f"{f[:3]} F1 {scorer.prf(*totals[f])['f1']:.3f}" for f in TYPES)


def main(argv: Sequence[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=SHARED)
    ap.add_argument("--epochs", type=int, default=EPOCHS)
    ap.add_argument("--cv", action="store_true", help="two-fold cross-validation on train")
    ap.add_argument("--curve", action="store_true", help="with --cv: learn on 1/4, 1/2 and all of a half")
    ap.add_argument("--out", type=Path, default=OUT)
    a = ap.parse_args(argv)
    scorer = _module(a.shared / "eval" / "score.py")
    docs = list(documents(a.shared))
    if not a.cv:
        table = train(examples(docs, scorer.norm_name), a.epochs)
        write(table, a.out)
        print(f"{len(table)} features from {len(docs)} documents written to {a.out}")
        return 0
    halves = [docs[0::2], docs[1::2]]
    for k, (learn, held) in enumerate(((halves[0], halves[1]), (halves[1], halves[0]))):
        print(f"fold {k}: rules alone   {score(held, {}, scorer)}")
        shares = (4, 2, 1) if a.curve else (1,)
        for share in shares:
            part = learn[: len(learn) // share]
            table = train(examples(part, scorer.norm_name), a.epochs)
            print(f"fold {k}: learned on {len(part):3} docs  {score(held, table, scorer)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
