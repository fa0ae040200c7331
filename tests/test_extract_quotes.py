"""Quote spans and speakers: one test per attribution construction, on invented sentences."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsconv.text.extract import Extraction, extract


def speakers(paragraphs: list[str]) -> list[tuple[str, str | None]]:
    """Each quote's text with the name of its speaker."""
    found = extract(paragraphs)
    names = {e.id: e.name for e in (*found.persons, *found.organizations)}
    return [(q.text, names.get(q.speaker) if q.speaker else None) for q in found.quotes]


def test_pronoun_after_quote_resolves_to_the_person_introduced_before() -> None:
    paragraphs = [
        "Maria Lopez, a spokeswoman for the Ministry of Health, spoke on Monday.",
        "“We are ready for the storm season,” she said.",
    ]
    assert speakers(paragraphs) == [("We are ready for the storm season,", "Maria Lopez")]


def test_said_then_name_after_quote() -> None:
    paragraphs = ["“The bridge will reopen next spring,” said Daniel Okafor, the city engineer."]
    assert speakers(paragraphs) == [("The bridge will reopen next spring,", "Daniel Okafor")]


def test_name_said_colon_before_quote() -> None:
    paragraphs = ["Mayor Anna Berg said: “Nobody will lose their home over this plan.”"]
    assert speakers(paragraphs) == [("Nobody will lose their home over this plan.", "Anna Berg")]


def test_name_said_after_quote() -> None:
    paragraphs = ["“The vote was counted twice in every district,” Oliver Grant said."]
    assert speakers(paragraphs) == [("The vote was counted twice in every district,", "Oliver Grant")]


def test_according_to() -> None:
    paragraphs = ["The harvest was “the worst we have seen in a decade”, according to Peter Svensson."]
    assert speakers(paragraphs) == [("the worst we have seen in a decade", "Peter Svensson")]


def test_told_reuters() -> None:
    paragraphs = ["Helen Ward told Reuters that the talks “have reached a very delicate stage now.”"]
    assert speakers(paragraphs) == [("have reached a very delicate stage now.", "Helen Ward")]


def test_wrote_in_an_email() -> None:
    paragraphs = [
        "Tomas Reyes wrote in an email that the firm “will not comment on rumours about the merger.”"
    ]
    assert speakers(paragraphs) == [("will not comment on rumours about the merger.", "Tomas Reyes")]


def test_quote_in_the_paragraph_after_its_attribution() -> None:
    paragraphs = [
        "James Heenan runs the office.",
        "Mr Heenan said:",
        "“The office will stay open for as long as the government allows it.”",
    ]
    assert speakers(paragraphs) == [
        ("The office will stay open for as long as the government allows it.", "James Heenan")
    ]


def test_quote_reopened_at_the_next_paragraph_is_one_quote() -> None:
    paragraphs = [
        "“The first part of the statement goes here.",
        "“The second part follows on,” said Ruth Kimani.",
    ]
    found = extract(paragraphs)
    assert [q.text for q in found.quotes] == [
        "The first part of the statement goes here. The second part follows on,"
    ]
    assert [s.paragraph for s in found.quotes[0].spans] == [0, 1]


def test_several_quotes_in_one_paragraph_share_the_speaker() -> None:
    paragraphs = [
        "“The plan is sound and the money is there,” said Paul Adeyemi. “We start building in June.”"
    ]
    assert speakers(paragraphs) == [
        ("The plan is sound and the money is there,", "Paul Adeyemi"),
        ("We start building in June.", "Paul Adeyemi"),
    ]


def test_flattened_paragraph_break_reopens_the_same_quote() -> None:
    paragraphs = [
        'Nina Petrova said: "We trained all winter for this race. "Nothing will stop us now, not even rain."'
    ]
    assert speakers(paragraphs) == [
        ("We trained all winter for this race. Nothing will stop us now, not even rain.", "Nina Petrova")
    ]


def test_unbalanced_mark_ends_with_its_paragraph() -> None:
    paragraphs = [
        "Sam Cole said “this mark is never closed and goes on and on",
        "The next paragraph has no quotes and mentions Berlin.",
    ]
    found = extract(paragraphs)
    assert [q.text for q in found.quotes] == ["this mark is never closed and goes on and on"]
    assert {s.paragraph for q in found.quotes for s in q.spans} == {0}


def test_bracketed_insertions_are_kept() -> None:
    paragraphs = ["“The [new] rules apply to everyone from today,” said Judge Carla Mendes."]
    assert speakers(paragraphs) == [("The [new] rules apply to everyone from today,", "Carla Mendes")]


def test_scare_quotes_and_titles_are_not_quotes() -> None:
    paragraphs = ["The show, called “The Best Night Of The Year”, was a “success” for the Globe Theatre."]
    assert extract(paragraphs).quotes == ()


def test_organisation_speaker() -> None:
    paragraphs = ["The Ministry of Finance said the budget “will be balanced within three years at most.”"]
    assert speakers(paragraphs) == [("will be balanced within three years at most.", "Ministry of Finance")]


def test_pronoun_gender_picks_the_matching_person() -> None:
    paragraphs = ["Mr Dorn met Ms Alvarez in Lima.", "“The deal is done and signed by both sides,” she said."]
    assert speakers(paragraphs)[0][1] == "Alvarez"


def test_role_noun_resolves_to_the_person_with_that_title() -> None:
    paragraphs = [
        "Leo Park, a spokesman for the Harbour Authority, declined to comment further.",
        "The ministry has not replied.",
        "“We are looking at every option on the table,” the spokesman said later.",
    ]
    assert speakers(paragraphs)[0][1] == "Leo Park"


def test_guillemets_and_low_opening_marks() -> None:
    paragraphs = [
        "«Our team will be back stronger next year,» said Marc Dubois.",
        "„The market has calmed down since the spring“, said Karl Weber.",
    ]
    assert speakers(paragraphs) == [
        ("Our team will be back stronger next year,", "Marc Dubois"),
        ("The market has calmed down since the spring", "Karl Weber"),
    ]


def test_opening_mark_typed_for_the_closing_one() -> None:
    paragraphs = ["“It is a very unusual arrangement,“ said Daniel Okafor. “Nobody has tried it before.”"]
    assert speakers(paragraphs) == [
        ("It is a very unusual arrangement,", "Daniel Okafor"),
        ("Nobody has tried it before.", "Daniel Okafor"),
    ]


def test_quote_nested_in_a_quote_stays_inside_it() -> None:
    paragraphs = ["“We would sooner camp in what she dubs “the swamp” than move to her town.” ― Ana Ruiz"]
    assert speakers(paragraphs) == [
        ("We would sooner camp in what she dubs “the swamp” than move to her town.", "Ana Ruiz")
    ]


def test_dash_signature_after_quote() -> None:
    paragraphs = ["“He cannot answer a simple question about the budget.” ― Laura Simmons"]
    assert speakers(paragraphs) == [("He cannot answer a simple question about the budget.", "Laura Simmons")]


def _check(paragraphs: list[str], found: Extraction) -> None:
    speakers_ids = {e.id for e in (*found.persons, *found.organizations)}
    for quote in found.quotes:
        parts = [paragraphs[s.paragraph][s.start : s.end] for s in quote.spans]
        assert quote.text == " ".join(parts)
        assert quote.speaker is None or quote.speaker in speakers_ids
    for entity in (*found.persons, *found.organizations, *found.places):
        for span in entity.mentions:
            assert 0 <= span.start <= span.end <= len(paragraphs[span.paragraph])
            assert paragraphs[span.paragraph][span.start : span.end] in (entity.name, *entity.aliases)
    ids = [x.id for x in (*found.quotes, *found.persons, *found.organizations, *found.places)]
    assert len(ids) == len(set(ids))


PIECES = st.sampled_from(
    [
        "“",
        "”",
        '"',
        "‘",
        "’",
        "«",
        "»",
        "„",
        " said ",
        " he said.",
        "Mr ",
        "Ms ",
        "Dr ",
        "Anna Berg",
        "Berg",
        "the Ministry of Health",
        "UN",
        "Paris",
        ", ",
        ". ",
        ":",
        "(",
        ")",
        "[",
        "]",
        "according to ",
        "told Reuters",
        " she ",
        "Prime Minister ",
        " and ",
        "—",
        "―",
    ]
)
TEXT = st.lists(st.one_of(PIECES, st.text(max_size=12)), max_size=30).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.lists(TEXT, max_size=6))
def test_extraction_never_raises_and_every_span_points_at_its_text(paragraphs: list[str]) -> None:
    _check(paragraphs, extract(paragraphs))
