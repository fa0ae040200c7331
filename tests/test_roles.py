"""Titles and affiliations of persons: one test per construction, on invented sentences."""

from __future__ import annotations

import pytest

from newsconv.model import Person
from newsconv.text.extract import extract


def roles(sentence: str) -> dict[str, tuple[str | None, str | None]]:
    """Each person the extractor finds in one paragraph, with their title and affiliation."""
    return {p.name: (p.title, p.affiliation) for p in extract([sentence]).persons}


def one(sentence: str, name: str) -> Person:
    found = [p for p in extract([sentence]).persons if p.name == name]
    assert len(found) == 1, [p.name for p in extract([sentence]).persons]
    return found[0]


def test_plural_title_before_coordinated_names_is_each_ones_title() -> None:
    assert roles("Sprinters Anna Kovacs and Maria Lind were cleared on Monday.") == {
        "Anna Kovacs": ("sprinter", None),
        "Maria Lind": ("sprinter", None),
    }


def test_a_singular_title_is_not_shared_with_the_next_name() -> None:
    found = roles("President Dan Cole and Bill Ray met in the hall.")
    assert found["Dan Cole"] == ("President", None)
    assert found["Bill Ray"] == (None, None)


def test_possessor_before_a_title_is_not_part_of_it() -> None:
    assert (
        one("The senator's running mate Tom Ridley spoke at a rally.", "Tom Ridley").title == "running mate"
    )


@pytest.mark.parametrize(
    ("sentence", "title"),
    [
        (
            "The head of the review panel, Jonas Berg, said nothing had been proven.",
            "head of the review panel",
        ),
        (
            "The board's deputy commissioner for human rights Mia Lund met staff.",
            "deputy commissioner for human rights",
        ),
    ],
)
def test_title_with_a_phrase_of_of_or_for_before_the_name(sentence: str, title: str) -> None:
    name = "Jonas Berg" if "Jonas" in sentence else "Mia Lund"
    assert one(sentence, name).title == title


def test_a_phrase_that_joins_names_is_no_title() -> None:
    found = roles("He spoke to the lawyers for both Jon Hale and Ruth Kemp on Friday.")
    assert all(title is None for title, _ in found.values()), found


def test_object_of_a_verb_before_a_comma_gets_no_title() -> None:
    assert roles("Speaking to the head of security, John Smith said no.")["John Smith"][0] is None


def test_age_before_an_appositive_is_skipped() -> None:
    p = one("Paul Crane, 45, a teacher at Hill School, said the roof leaked.", "Paul Crane")
    assert (p.title, p.affiliation) == ("teacher", "Hill School")


def test_organisation_after_of_right_after_the_name_is_the_affiliation() -> None:
    assert one("In the hall, Lara Voss of the Green Party said so.", "Lara Voss").affiliation == "Green Party"


def test_relative_clause_is_no_title() -> None:
    p = one("Ken Obi, who met the minister on Monday, said so.", "Ken Obi")
    assert p.title is None


def test_party_word_in_a_title_is_the_affiliation_when_the_party_is_named() -> None:
    found = roles("Democratic nominee Ann Lee spoke before the Democratic Party met.")
    assert found["Ann Lee"] == ("Democratic nominee", "Democratic Party")


def test_a_word_of_a_persons_name_in_a_title_names_no_organisation() -> None:
    found = roles("Clinton spokesman Ned Hale said the Clinton Party and Bill Clinton agreed.")
    assert found["Ned Hale"] == ("Clinton spokesman", None)


def test_nationality_in_a_title_names_no_embassy() -> None:
    found = roles("Chinese Premier Wen Lo met staff of the Chinese Embassy.")
    assert found["Wen Lo"] == ("Chinese Premier", None)


@pytest.mark.parametrize(
    "sentence",
    [
        "They won a host of big names including Tim Roe in the spring.",
        "She is an actress for her role as Ada Lind in the film.",
        "She built a head of pressure on the restart. Tim Roe then scored.",
    ],
)
def test_a_phrase_with_a_preposition_cue_or_sentence_end_is_no_title(sentence: str) -> None:
    assert all(title is None for title, _ in roles(sentence).values()), roles(sentence)


def test_party_and_employer_from_brackets_possessives_and_the_organisation_before() -> None:
    found = extract(
        [
            (
                "Sen. Tim Kaine (D-Va.) spoke first. National Review’s Dan McLaughlin disagreed, and Mark "
                "Barabak at the Los Angeles Times asked why."
            ),
            "Republican presidential contender Ray Tolliver vowed to carry the county.",
            "But the IAAF said it was surprised. Spokesman Nick Davies said the decision was wrong.",
        ]
    )
    assert {p.name: p.affiliation for p in found.persons} == {
        "Tim Kaine": "Democratic Party",
        "Dan McLaughlin": "National Review",
        "Mark Barabak": "Los Angeles Times",
        "Ray Tolliver": "Republican Party",
        "Nick Davies": "IAAF",
    }


@pytest.mark.parametrize(
    ("sentence", "name", "title"),
    [
        (
            "Paul Hale, a retired Army officer who trained cadets for years, spoke.",
            "Paul Hale",
            "retired Army officer",
        ),
        (
            "Jane Moss, acting director of the agency, spoke first.",
            "Jane Moss",
            "acting director of the agency",
        ),
        ("The crowd cheered Ann Kerr, saying the presumptive nominee had won.", "Ann Kerr", None),
        ("Ann Kerr, campaign consultant Omar Feld says, will win easily.", "Ann Kerr", None),
        ("They met Ada Reyes, then the secretary of state, in May.", "Ada Reyes", "secretary of state"),
        (
            "Dan Lowe, a spokesman for the senator told the Post it was over.",
            "Dan Lowe",
            "spokesman for the senator",
        ),
    ],
)
def test_an_appositive_is_a_title_up_to_its_clause_and_never_a_clause(
    sentence: str, name: str, title: str | None
) -> None:
    assert one(sentence, name).title == title


def test_a_relative_clause_of_employment_gives_the_affiliation() -> None:
    p = one("Ann Grey, who heads the Hill Legal Education Center, said so.", "Ann Grey")
    assert p.affiliation == "Hill Legal Education Center"


def test_who_is_and_a_title_is_an_appositive() -> None:
    p = one(
        "Ann Grey, who is the executive director of the Hill Legal Education Center, said so.", "Ann Grey"
    )
    assert (p.title, p.affiliation) == ("executive director", "Hill Legal Education Center")


def test_who_is_and_no_title_gives_none() -> None:
    assert one("Ann Grey, who is running against the mayor, said so.", "Ann Grey").title is None


def test_an_organisation_named_inside_an_appositive_title_employs_the_person() -> None:
    p = one("Ann Grey, a senior Reuters correspondent from Ohio, said so.", "Ann Grey")
    assert p.affiliation == "Reuters"


def test_a_place_after_from_is_where_a_person_lives_not_an_employer() -> None:
    assert one("Ann Grey, a lawyer from Ohio, said so.", "Ann Grey").affiliation is None


def test_a_place_modifying_a_noun_employs_nobody() -> None:
    assert one("Ann Grey, the head of an Ohio company, said so.", "Ann Grey").affiliation is None


def test_a_kinship_appositive_is_a_title_but_gives_no_employer() -> None:
    p = one("Tom Grey, son of the Reuters founder, said so.", "Tom Grey")
    assert (p.title, p.affiliation) == ("son", None)


def test_the_next_names_of_a_list_are_no_title() -> None:
    found = roles("The guests included Senator Ann Grey, Governor Bo Marsh and Mayor Cy Dunn.")
    assert found["Ann Grey"][0] == "Senator"


def test_a_link_may_pass_over_the_kind_of_organisation_before_its_name() -> None:
    p = one("Ann Grey, president of the advocacy group Hill Legal Education Center, said so.", "Ann Grey")
    assert (p.title, p.affiliation) == ("president", "Hill Legal Education Center")


def test_a_person_at_an_organisation_works_there() -> None:
    assert one("The study by Ann Grey at Reuters found more.", "Ann Grey").affiliation == "Reuters"


@pytest.mark.parametrize(
    "sentence",
    [
        "At a rally for Ann Grey at the Springfield Convention Center, he spoke.",
        "He met with Ann Grey at the Hill Legal Education Center on Monday.",
        "They tried to keep Ann Grey from the Reuters board seat.",
    ],
)
def test_a_venue_a_meeting_place_or_a_modified_noun_employs_nobody(sentence: str) -> None:
    assert one(sentence, "Ann Grey").affiliation is None


def test_an_initials_stop_stays_inside_an_appositive() -> None:
    p = one("Ann Grey, a granddaughter of former Mayor Harold T. Pruett, said so.", "Ann Grey")
    assert p.title == "granddaughter of former Mayor Harold T. Pruett"


@pytest.mark.parametrize(
    "sentence",
    [
        "Ann Grey, noted the council, had left.",
        "On the hill, Ann Grey, the committee has written off the plan.",
    ],
)
def test_a_clause_after_a_name_is_no_title(sentence: str) -> None:
    assert one(sentence, "Ann Grey").title is None


def test_a_plural_title_set_off_before_coordinated_names_is_each_ones() -> None:
    found = roles("Two military analysts, Peter Hallam and Chris Dowell, found that the plan failed.")
    assert found["Peter Hallam"][0] == "military analyst"
    assert found["Chris Dowell"][0] == "military analyst"


def test_a_plural_after_a_preposition_is_no_title_of_the_names_after_it() -> None:
    found = roles("Compared to the Republican candidates, Peter Hallam and Chris Dowell share views.")
    assert found["Peter Hallam"][0] is None


def test_an_organisations_possessive_before_a_title_employs_its_holder() -> None:
    p = one("Reuters' chief political editor, Ann Grey, said so.", "Ann Grey")
    assert p.affiliation == "Reuters"


def test_a_possessed_noun_before_a_title_names_no_employer() -> None:
    p = one("Reuters' coverage under President Ann Grey grew.", "Ann Grey")
    assert p.affiliation is None


def test_a_party_member_appositive_belongs_to_the_party_not_the_state() -> None:
    p = one("Senator Ann Grey, Republican of Ohio, said so.", "Ann Grey")
    assert (p.title, p.affiliation) == ("Republican", "Republican Party")


def test_a_spokesman_for_a_person_speaks_for_no_organisation_named_before() -> None:
    found = extract(
        [
            "Maria Lopez, a spokeswoman for the Red Cross, said the money would help.",
            "John Smith, a spokesman for Mayor Tom Brown, declined to comment.",
        ]
    )
    roles = {p.name: (p.title, p.affiliation) for p in found.persons}
    assert roles["John Smith"] == ("spokesman", None)
    assert roles["Maria Lopez"] == ("spokeswoman", "Red Cross")


@pytest.mark.parametrize(
    ("sentence", "title"),
    [
        ("Carl Lindqvist, the Ohio senator leading the field in Nevada, spoke first.", "Ohio senator"),
        (
            "Lena Park, the retired surgeon making her first bid for a seat, spoke.",
            "retired surgeon",
        ),
        ("Ann Ruiz, the head of programming, spoke.", "head of programming"),
        (
            "Paul Wren, a secretary of trade during the Garner years, spoke.",
            "secretary of trade during the Garner years",
        ),
    ],
)
def test_a_participle_before_its_object_ends_an_appositive_title(sentence: str, title: str) -> None:
    assert {p.name: p.title for p in extract([sentence]).persons}[sentence.split(",")[0]] == title


def test_an_appositive_opening_with_a_past_form_is_a_clause() -> None:
    found = extract(["In 1961 her future secretary of state, Clara Voss, opposed Governor Hadley's budget."])
    assert {p.name: p.title for p in found.persons}["Clara Voss"] == "secretary of state"


@pytest.mark.parametrize(
    ("paragraph", "name", "affiliation"),
    [
        (
            "Sam Ortiz, a spokesman for the Harlow campaign, said the report was wrong.",
            "Sam Ortiz",
            "Harlow campaign",
        ),
        (
            "Quist campaign manager Lee Dunmore said the polls were wrong.",
            "Lee Dunmore",
            "Quist campaign",
        ),
        ("Ann Li, a former official in the Reyes administration, said so.", "Ann Li", "Reyes administration"),
        (
            "Ted Lee, the chief strategist of Tom Baird's 2012 campaign, said so.",
            "Ted Lee",
            "Tom Baird campaign",
        ),
    ],
)
def test_a_title_in_an_organisation_named_after_its_leader_gives_it_as_affiliation(
    paragraph: str, name: str, affiliation: str
) -> None:
    found = extract(["Ellen Harlow, Mark Quist, Dana Reyes and Tom Baird were named.", paragraph])
    assert {p.name: p.affiliation for p in found.persons}[name] == affiliation
