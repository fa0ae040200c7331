"""scripts/learning_curve.py's bookkeeping: the folds and shares of train it learns from and the F1 it
reports (the quality gate's cross-validated CoNLL train figure uses the same functions)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
from learning_curve import Counts, Doc, deal, share, total


def _docs(n: int) -> list[Doc]:
    return [Doc({"id": str(i)}, Path(f"{i}.txt")) for i in range(n)]


def test_a_share_is_that_part_of_the_documents_in_their_order() -> None:
    docs = _docs(200)
    part = share(docs, 25, seed=1)
    assert len(part) == 50
    positions = [docs.index(d) for d in part]
    assert positions == sorted(positions)
    assert share(docs, 25, seed=1) == part  # the same draw for the same seed
    assert share(docs, 25, seed=2) != part


def test_all_of_the_documents_keeps_them_as_they_are() -> None:
    docs = _docs(7)
    assert share(docs, 100, seed=3) == docs


def test_f1_can_leave_out_alias_split_misses() -> None:
    c = Counts(tp=8, fp=2, fn=4, alias=2)
    assert c.f1() == 16 / 22
    assert c.f1(artefacts=False) == 16 / 20


def test_counts_are_summed_over_folds() -> None:
    a = {f: Counts(1, 2, 3, 1) for f in ("persons", "organizations", "places")}
    b = {f: Counts(4, 0, 1, 0) for f in ("persons", "organizations", "places")}
    assert vars(total([a, b])["places"]) == {"tp": 5, "fp": 2, "fn": 4, "alias": 1}


def test_each_document_is_in_one_fold_and_learned_from_by_the_other_folds_only() -> None:
    docs = _docs(23)
    dealt = deal(docs, 5)
    assert len(dealt) == 5
    assert sorted(int(d.gold["id"]) for part, _ in dealt for d in part) == list(range(23))
    for part, rest in dealt:
        assert not {id(d) for d in part} & {id(d) for d in rest}
        assert len(part) + len(rest) == 23
    assert [d.gold["id"] for d in dealt[1][0]] == ["1", "6", "11", "16", "21"]
