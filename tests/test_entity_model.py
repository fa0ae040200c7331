"""The learned entity model: its file, its decisions and the trace of why a name became what it is."""

from __future__ import annotations

from newsconv.text import entity_model
from newsconv.text.entities import Entities

PARAGRAPHS = ["Ann Lowe, a spokeswoman for Harbor Finch Inc., said the company would open an office in Ohio."]


def test_model_file_has_one_weight_per_label_on_every_line() -> None:
    table = entity_model.weights()
    assert len(table) > 1000
    assert all(len(w) == len(entity_model.LABELS) for w in table.values())
    assert "bias" in table


def test_parse_reads_features_and_skips_comments() -> None:
    table = entity_model.parse("# header\nbias\t1\t-2\t0\t0.5\n")
    assert table == {"bias": (1.0, -2.0, 0.0, 0.5)}


def test_decide_brings_back_only_what_the_rules_dropped() -> None:
    table = {"bias": (0.0, 5000.0, 10.0, 0.0)}
    assert entity_model.decide(["bias"], "dropped", table) == "org"
    assert entity_model.decide(["bias"], "person", table) == "person"
    assert entity_model.decide(["bias"], "unsure", table) == "unsure"  # left to the linking rules


def test_shape_folds_repeated_letter_classes() -> None:
    assert entity_model.shape("McDonald") == "XxXx"
    assert entity_model.shape("U.S.") == "X.X."
    assert entity_model.shape("B52") == "Xd"


def test_features_hold_the_rules_opinion_and_the_words_around() -> None:
    paragraph = "Shares of Harbor Finch rose."
    feats = entity_model.features(("Harbor", "Finch"), paragraph, 10, 22, "org", ["orgword"])
    assert {"r=org", "b=of", "a=rose.", "f=harbor", "l=finch", "x=orgword"} <= set(feats)


def test_without_weights_the_rules_decide_alone() -> None:
    rules = Entities(PARAGRAPHS, table={})
    assert all(v.label == ("none" if v.opinion == "dropped" else v.opinion) for v in rules.verdicts)
    assert {f.name for f in rules.found} == {"Ann Lowe", "Harbor Finch Inc.", "Ohio"}


def test_every_candidate_has_a_traced_verdict() -> None:
    entities = Entities(PARAGRAPHS)
    lines = entities.explain()
    assert len(lines) == len(entities.verdicts) >= 3
    assert any("'Ann Lowe': rules person" in line and "-> person 'Ann Lowe'" in line for line in lines)


def test_best_needs_a_margin_over_none() -> None:
    table = {"bias": (0.0, 500.0, 0.0, 300.0)}
    assert entity_model.best(["bias"], table) == "org"
    assert entity_model.best(["bias"], table, margin=300.0) == "none"


def test_a_word_linking_leaves_open_gets_the_models_second_opinion() -> None:
    paragraphs = ["The offer from Zantrel lifted its shares, traders said."]
    assert Entities(paragraphs, table={}).found == []  # the rules alone drop it
    table = {"bias": (0.0, 0.0, 0.0, 0.0), "r=unsure": (0.0, 900.0, 0.0, 0.0)}
    entities = Entities(paragraphs, table=table)
    assert [(f.kind.value, f.name) for f in entities.found] == [("org", "Zantrel")]
    assert any("second opinion org" in line for line in entities.explain())
    place = {"bias": (0.0, 0.0, 0.0, 0.0), "r=unsure": (0.0, 0.0, 900.0, 0.0)}
    assert Entities(paragraphs, table=place).found == []  # only organisations come back


def test_no_second_opinion_for_a_possessive() -> None:
    table = {"bias": (0.0, 0.0, 0.0, 0.0), "r=unsure": (0.0, 900.0, 0.0, 0.0)}
    assert Entities(["He knows Rafa's views, he said."], table=table).found == []


def test_a_word_left_open_joins_an_organisation_named_later() -> None:
    paragraphs = [
        "She met the ministries of Foreign Affairs, Interior and Trade.",
        "The Ministry of Interior said it would help.",
    ]
    entities = Entities(paragraphs, table={})
    interior = next(f for f in entities.found if f.name == "Ministry of Interior")
    assert "Interior" in interior.forms
