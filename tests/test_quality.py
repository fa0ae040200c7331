"""The quality gate: extraction scored on the gold sets in ../shared against floors.

Run it with ``python -m pytest -m quality`` (it is slow, so the default run leaves it out). The
sets are built by the scripts in ``../shared/eval`` (PolNeAR and CoNLL-2003 train and dev/valid
splits, the hand-made dev set), every article is read in-process and scored by ``score.py``. A
change that loses quality below a floor fails; raise a floor when a change lifts its figure
(floors sit just under the figures reached). Test splits are never read here.

Floors are owned by measure: quotes, attribution, paragraphs, titles and affiliations by the
attribution work; persons, organisations and places by the entity work (see CONTRACTS.md).

CoNLL train is scored twice. ``conll-train`` is in-sample: the shipped entity model learned from
those very documents, so its figures include what the model memorised (organisations about 0.03
above unseen text); its floors guard what ``newsconv`` ships (a stale or unloaded model file shows
there). ``conll-train-cv`` is the honest figure, what unseen text gets: 5-fold cross-validation,
each fold extracted with the model learned on the other four folds only (counts summed over the
folds, ``scripts/learning_curve.py``'s ``cross_validated``). Read progress on train by the CV row.
"""

from __future__ import annotations

import importlib
import importlib.util
import json
import os
import sys
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

SHARED = Path(__file__).resolve().parents[2] / "shared"
EVAL = SHARED / "eval"
SCRIPTS = Path(__file__).resolve().parents[1] / "scripts"
FOLDS = 5  # of the cross-validated CoNLL train set (15-20 s in all on two shared cores)

# (set, measure) -> floor. One line each, so parallel changes to different measures merge cleanly.
FLOORS: dict[tuple[str, str], float] = {
    # attribution work: quotes, speakers, layout, roles
    ("gold-dev", "quotes.f1"): 0.99,
    ("gold-dev", "attribution.acc"): 0.99,
    ("gold-dev", "paragraphs.acc"): 0.99,
    ("gold-dev", "boilerplate.clean"): 0.99,
    ("gold-dev", "title.acc"): 0.87,
    ("gold-dev", "affiliation.acc"): 0.70,
    ("polnear-train", "quotes.f1"): 0.965,
    ("polnear-train", "attribution.acc"): 0.931,
    ("polnear-train", "quotes_attributed.f1"): 0.923,
    ("polnear-dev", "quotes.f1"): 0.965,
    ("polnear-dev", "attribution.acc"): 0.95,
    ("polnear-dev", "quotes_attributed.f1"): 0.935,
    # entity work: persons, organisations, places
    ("gold-dev", "persons.f1"): 0.97,
    ("gold-dev", "organizations.f1"): 0.97,
    ("gold-dev", "places.f1"): 0.98,
    ("conll-train", "persons.f1"): 0.912,
    ("conll-train", "organizations.f1"): 0.78,
    ("conll-train", "places.f1"): 0.905,
    ("conll-train-cv", "persons.f1"): 0.91,
    ("conll-train-cv", "organizations.f1"): 0.75,
    ("conll-train-cv", "places.f1"): 0.898,
    ("conll-valid", "persons.f1"): 0.935,
    ("conll-valid", "organizations.f1"): 0.845,
    ("conll-valid", "places.f1"): 0.93,
}
SETS = sorted({name for name, _ in FLOORS})

pytestmark = pytest.mark.quality


def _script(name: str) -> ModuleType:
    """One of the evaluation scripts in ../shared/eval, imported as a module."""
    spec = importlib.util.spec_from_file_location(f"shared_eval_{name}", EVAL / f"{name}.py")
    if spec is None or spec.loader is None or not (EVAL / f"{name}.py").is_file():
        pytest.skip(f"../shared/eval/{name}.py is not beside this checkout")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _run_main(module: ModuleType, *args: str) -> None:
    """Run a script's ``main()`` with the given command line."""
    saved = sys.argv
    sys.argv = [module.__name__, *args]
    try:
        assert module.main() == 0
    finally:
        sys.argv = saved


def _polnear_without_continuations(module: ModuleType) -> ModuleType:
    """make_polnear with .ann continuation lines dropped: a span text holding a line break (one
    train file has one) would otherwise be parsed as an annotation line and crash the script."""
    parse = module.parse_ann

    def parse_ann(text: str, ann: str) -> Any:
        return parse(text, "\n".join(line for line in ann.splitlines() if "\t" in line))

    module.parse_ann = parse_ann
    return module


BUILDERS: dict[str, Callable[[Path], Path]] = {}


def _builder(name: str) -> Callable[[Callable[[Path], Path]], Callable[[Path], Path]]:
    def register(build: Callable[[Path], Path]) -> Callable[[Path], Path]:
        BUILDERS[name] = build
        return build

    return register


@_builder("gold-dev")
def _gold_dev(_: Path) -> Path:
    return SHARED / "gold" / "dev"


@_builder("conll-train")
def _conll_train(out: Path) -> Path:
    _run_main(_script("make_conll"), str(SHARED / "corpora" / "conll2003-en" / "train.txt"), str(out))
    return out / "gold"


@_builder("conll-valid")
def _conll_valid(out: Path) -> Path:
    _run_main(_script("make_conll"), str(SHARED / "corpora" / "conll2003-en" / "valid.txt"), str(out))
    return out / "gold"


@_builder("polnear-train")
def _polnear_train(out: Path) -> Path:
    make = _polnear_without_continuations(_script("make_polnear"))
    _run_main(make, str(SHARED / "corpora" / "polnear" / "data" / "train"), str(out))
    return out / "gold"


@_builder("polnear-dev")
def _polnear_dev(out: Path) -> Path:
    make = _polnear_without_continuations(_script("make_polnear"))
    _run_main(make, str(SHARED / "corpora" / "polnear" / "data" / "dev"), str(out))
    return out / "gold"


def _predict(text_path: str) -> dict[str, Any]:
    """The model JSON of one article, as ``newsconv convert --to model`` writes it."""
    from newsconv.formats.model_json import to_dict
    from newsconv.text.reader import read

    return to_dict(read(Path(text_path).read_bytes(), text_path))


def _summary(name: str, folder: str) -> dict[str, Any]:
    """score.py's summary of the extraction over one gold set."""
    score = _script("score")
    golds = []
    for path in sorted(Path(folder).glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        gold["_text_path"] = str((path.parent / gold["text"]).resolve())
        golds.append(gold)
    with ProcessPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        preds = list(pool.map(_predict, [g["_text_path"] for g in golds], chunksize=8))
    summary: dict[str, Any] = score.summarize([score.score_one(g, p) for g, p in zip(golds, preds)])
    return summary


def _cross_validated(out: Path) -> dict[str, Any]:
    """score.py's persons, organisations and places figures over CoNLL train, each fold extracted
    with the entity model learned on the other folds only (see the module's docstring)."""
    if str(SCRIPTS) not in sys.path:
        sys.path.insert(0, str(SCRIPTS))  # learning_curve imports train_entity_model beside it
    curve = importlib.import_module("learning_curve")
    score = _script("score")
    counts = curve.cross_validated(curve.build(SHARED, "train", out, score), FOLDS, score)
    return {field: score.prf(c.tp, c.fp, c.fn) for field, c in counts.items()}


SUMMARIES: dict[str, Callable[[Path], dict[str, Any]]] = {"conll-train-cv": _cross_validated}


@pytest.mark.parametrize("name", SETS)
def test_quality_stays_above_its_floors(name: str, tmp_path_factory: pytest.TempPathFactory) -> None:
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside this checkout")
    out = tmp_path_factory.mktemp(name)
    summary = SUMMARIES[name](out) if name in SUMMARIES else _summary(name, str(BUILDERS[name](out)))
    score = _script("score")
    figures = {measure: score.get(summary, measure) for (set_name, measure) in FLOORS if set_name == name}
    print(f"\n{name}: " + "  ".join(f"{m} {v:.4f}" for m, v in sorted(figures.items())))
    below = {m: (round(v, 4), FLOORS[name, m]) for m, v in figures.items() if v < FLOORS[name, m]}
    assert below == {}, f"{name}: measure (figure, floor) below its floor"
