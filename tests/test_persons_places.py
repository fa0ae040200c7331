"""Person and place rules decided on CoNLL-2003 train, one test each, on invented text."""

from __future__ import annotations

from entity_names import names

from newsconv.text.extract import extract


def test_name_that_opens_a_company_with_a_legal_form_is_the_company() -> None:
    persons, orgs, _ = names(
        extract(["Harlan Brisby posted a loss on Monday.", "Harlan Brisby Inc said sales fell 4 percent."])
    )
    assert persons == set()
    assert orgs == {"Harlan Brisby Inc"}


def test_a_titled_person_stays_a_person_beside_his_company() -> None:
    persons, orgs, _ = names(
        extract(["Chairman Harlan Brisby said sales fell.", "Harlan Brisby Inc makes pumps."])
    )
    assert persons == {"Harlan Brisby"}
    assert orgs == {"Harlan Brisby Inc"}


def test_two_persons_joined_by_an_ampersand_are_no_company() -> None:
    persons, _, _ = names(
        extract(["Tam Oduya and Lee Varga won the prize.", "Tam Oduya & Lee Varga (Night Shift, BBC Two)"])
    )
    assert persons == {"Tam Oduya", "Lee Varga"}


def test_a_portfolio_before_a_title_belongs_to_the_title() -> None:
    found = extract(["Spanish Farm Minister Lorna de Velasquez said on Monday that prices fell."])
    assert [p.name for p in found.persons] == ["Lorna de Velasquez"]
    assert (found.persons[0].title or "").endswith("Farm Minister")


def test_a_lone_surname_after_an_organisation_and_a_title_is_a_person() -> None:
    persons, orgs, _ = names(extract(["- Parliament Speaker Varrani: the south is no bargaining card."]))
    assert persons == {"Varrani"}
    assert "Parliament Speaker Varrani" not in orgs


def test_no_portfolio_before_a_place_a_common_word_or_a_lone_given_name() -> None:
    persons, _, _ = names(
        extract(
            [
                "General Ivo Banek, Supreme Allied Commander Atlantic, will attend.",
                "They amended the Criminal Justice Bill at a late stage.",
            ]
        )
    )
    assert persons == {"Ivo Banek"}


def test_wa_joins_a_name_as_a_particle() -> None:
    persons, _, _ = names(extract(["Zairean Prime Minister Kalonji wa Mbuyi said on Thursday he would go."]))
    assert persons == {"Kalonji wa Mbuyi"}


def test_a_word_left_open_is_a_place_where_the_model_and_a_cue_before_it_agree() -> None:
    _, _, places = names(extract(["Rebels shelled a camp west of Kerbatu on Friday."]))
    assert places == {"Kerbatu"}
    _, _, places = names(extract(["The plane landed at London's Gremsted on Monday."]))
    assert places == {"London", "Gremsted"}


def test_at_an_employer_is_no_place_cue() -> None:
    _, _, places = names(extract(["She studied law at Velmont and worked at Trenza before."]))
    assert places == set()


def test_provinces_and_short_country_names_are_places() -> None:
    _, orgs, places = names(
        extract(["The ferry left Prince Rupert, British Columbia, for S. Korea and HK on Monday."])
    )
    assert {"British Columbia", "South Korea", "Hong Kong"} <= places
    assert "Columbia" not in places
    assert "HK" not in orgs


def test_a_royal_style_stays_in_an_alias() -> None:
    found = extract(["Crown Prince Tallal met the envoy on Monday in the capital."])
    assert [(p.name, "Prince Tallal" in p.aliases) for p in found.persons] == [("Tallal", True)]


def test_an_honorific_before_a_contest_or_its_company_makes_no_person() -> None:
    found = extract(
        ["She was cautioned by Miss Galaxy Inc. and by a spokesman of the Miss Ecuador Organisation."]
    )
    assert not found.persons
    assert {a for o in found.organizations for a in o.aliases} == {
        "Miss Galaxy Inc.",
        "Miss Ecuador Organisation",
    }


def test_a_place_noun_and_of_before_a_name_make_it_a_place_even_after_a_given_name() -> None:
    persons, _, places = names(
        extract(["The school in the small village of Tamara Vrbnik was damaged by floods on Sunday."])
    )
    assert persons == set()
    assert places == {"Tamara Vrbnik"}


def test_a_common_word_opening_a_sentence_before_a_plural_noun_is_no_speaker() -> None:
    persons, _, _ = names(
        extract(["Media reports have suggested that the deal collapsed.", "Research shows more."])
    )
    assert persons == set()
    persons, _, _ = names(extract(["Okonjo says the talks failed."]))
    assert persons == {"Okonjo"}


def test_the_make_after_a_competitors_country_on_a_results_line_is_no_person() -> None:
    found = extract(
        [
            "1. Arvo Tammik (Finland) Vantora Quill 3 hours 8 minutes",
            "2. Ivo Renk (Sweden) Solvex 12 seconds",
            "3. Dan Hoyle (U.S.) U.S. Postal 40 seconds",
        ]
    )
    persons, orgs, _ = names(found)
    assert persons == {"Arvo Tammik", "Ivo Renk", "Dan Hoyle"}
    assert {"Solvex", "U.S. Postal"} <= orgs
    assert "Vantora Quill" not in orgs
