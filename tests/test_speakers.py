"""Speaker attribution rules, one test each, on invented sentences: descriptions of unnamed
speakers, sentence subjects, definite roles, transcripts, and what is no attribution."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsconv.text.extract import extract


def said(paragraphs: list[str]) -> list[tuple[str | None, str | None]]:
    """Each quote's speaker as (entity name, speaker text)."""
    found = extract(paragraphs)
    names = {e.id: e.name for e in (*found.persons, *found.organizations)}
    return [(names.get(q.speaker) if q.speaker else None, q.speaker_text) for q in found.quotes]


def test_according_to_opening_a_sentence() -> None:
    paragraphs = ["According to Maria Lopez, “the harvest was the worst we have seen in a decade.”"]
    assert said(paragraphs) == [("Maria Lopez", None)]


def test_unnamed_speaker_is_kept_as_its_description() -> None:
    paragraphs = ["“The talks are going nowhere this week,” said a senior official at the ministry."]
    assert said(paragraphs) == [(None, "a senior official at the ministry")]


def test_clause_after_a_quote_is_no_attribution() -> None:
    paragraphs = [
        "The clip shows Tom Hale saying, “That makes me very smart indeed,” when Ana Ruiz asked him."
    ]
    assert said(paragraphs) == [("Tom Hale", None)]


def test_participle_takes_the_subject_of_its_sentence() -> None:
    paragraphs = [
        (
            "Rosa Diaz, a lawyer for the union, criticised the plan on Monday, saying it "
            "“will hurt thousands of workers.”"
        )
    ]
    assert said(paragraphs) == [("Rosa Diaz", None)]


def test_verb_joined_by_and_has_the_subject_of_the_first_verb() -> None:
    paragraphs = [
        (
            "Rosa Diaz met officials of the Ministry of Health and said the report was "
            "“a very careful piece of work.”"
        )
    ]
    assert said(paragraphs) == [("Rosa Diaz", None)]


def test_possessive_name_is_not_the_speaker() -> None:
    paragraphs = ["Peter Lang’s lawyer said the charges were “based on nothing at all.”"]
    assert said(paragraphs) == [(None, "Peter Lang’s lawyer")]


def test_subject_earlier_in_the_paragraph_beats_the_previous_speaker() -> None:
    paragraphs = [
        "“We will win this vote easily,” said Anna Berg.",
        (
            "Senator Tom Hale, who leads the opposition, rejected the plan. "
            "“It is a waste of public money and time.”"
        ),
    ]
    assert said(paragraphs)[1] == ("Tom Hale", None)


def test_pronoun_prefers_the_person_introduced_with_a_role() -> None:
    paragraphs = [
        "While John Park had many admirers, the vote worries Henry Dalton, president of the Farmers Union.",
        "“Nobody is writing songs for her this time,” he said.",
    ]
    assert said(paragraphs) == [("Henry Dalton", None)]


def test_definite_role_stands_for_the_person_the_text_is_about() -> None:
    paragraphs = [
        "Mike Varga says too much is made of the tweets.",
        "The Ohio governor said critics focus on “every little thing he tweeted that day.”",
    ]
    assert said(paragraphs) == [("Mike Varga", None)]


def test_definite_role_introduced_unnamed_stays_unnamed() -> None:
    paragraphs = [
        "Anna Berg opened the meeting. A spokesman for the council later spoke to reporters.",
        "“We are reviewing every complaint we receive,” the spokesman said.",
    ]
    assert said(paragraphs) == [(None, "the spokesman")]


def test_reporting_verb_opening_a_sentence_before_its_speaker() -> None:
    paragraphs = [
        "Ellis Grant has advised three governments.",
        "Taxes will rise. Said Grant: “I do not see any other way out of this.”",
    ]
    assert said(paragraphs) == [("Ellis Grant", None)]


def test_transcript_label_names_the_speaker() -> None:
    paragraphs = [
        "Governor Tom Hale spoke to the station on Sunday. A partial transcript follows:",
        "“HALE: We will not raise taxes this year or the next one.",
    ]
    assert said(paragraphs) == [("Tom Hale", None)]


def test_signature_after_a_dash_names_the_speaker() -> None:
    paragraphs = ["“He never answers a question about the budget.” ― Adriana Rodarte"]
    name, text = said(paragraphs)[0]
    assert "Adriana Rodarte" in (name, text)


def test_place_as_subject_is_kept_as_text() -> None:
    paragraphs = ["Russia insisted that its neighbours “stop their dangerous military escapades.”"]
    assert said(paragraphs) == [(None, "Russia")]


def test_words_between_speaker_and_verb_are_skipped() -> None:
    paragraphs = [
        "The Ministry of Health published the figures.",
        "“We have nothing to hide from anyone,” the ministry has repeatedly said.",
    ]
    assert said(paragraphs) == [("Ministry of Health", None)]


def test_ly_noun_after_a_determiner_is_kept() -> None:
    paragraphs = ["Tom Hale died in May. His family said it was “a very painful day for all of us.”"]
    assert said(paragraphs) == [(None, "His family")]


def test_per_names_a_source() -> None:
    paragraphs = ["“The rules cannot be changed in the middle of a season,” per the league’s bylaws."]
    assert said(paragraphs) == [(None, "the league’s bylaws")]


PIECES = st.sampled_from(
    [
        "“", "”", '"', "‘", "’", " ― ", " said ", "Said ", " says ", " saying ", " and ", ", ",
        ". ", ": ", "(", ")", "According to ", " per ", "the spokesman", "a senior official",
        "Mr Hale", "Tom Hale", "Hale’s lawyer", "the Ministry of Health", "Russia", " he ",
        " his family ", " has also ", "HALE: ", "The Ohio governor", " when ", " of ",
    ]
)  # fmt: skip
TEXT = st.lists(st.one_of(PIECES, st.text(max_size=8)), max_size=25).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.lists(TEXT, max_size=5))
def test_speaker_is_an_entity_or_words_of_the_text(paragraphs: list[str]) -> None:
    found = extract(paragraphs)
    ids = {e.id for e in (*found.persons, *found.organizations)}
    body = "\n".join(paragraphs)
    for quote in found.quotes:
        assert quote.speaker is None or quote.speaker_text is None
        assert quote.speaker is None or quote.speaker in ids
        assert quote.speaker_text is None or quote.speaker_text in body


def test_honorific_name_that_is_no_entity_is_kept_as_written() -> None:
    paragraphs = ["“It is all about creating some enthusiasm,” Mr. King added."]
    assert said(paragraphs) == [(None, "Mr. King")]


def test_branded_attributes_to_its_subject() -> None:
    paragraphs = ["Norway branded the decision “a step back for the whole region.”"]
    assert said(paragraphs) == [(None, "Norway")]


def test_participle_of_tweeting_takes_the_sentence_subject() -> None:
    paragraphs = [
        (
            "Howard Dean, a former party chairman, poked fun at the debate, tweeting, “Notice how "
            "nobody answered a single question.”"
        )
    ]
    assert said(paragraphs) == [("Howard Dean", None)]


def test_name_before_a_clause_word_is_no_subject() -> None:
    paragraphs = [
        (
            "Ana Ruiz watched the crowd. Fans cheered as the team beat Leeds United while chanting, "
            "“We will never walk alone again.”"
        )
    ]
    assert said(paragraphs)[0][0] != "Leeds United"


def test_dismissed_as_attributes_to_its_subject() -> None:
    paragraphs = ["The town grew fast. Ruiz dismissed it as the “suburbs of a much bigger city.”"]
    assert said(paragraphs) == [("Ruiz", None)]
