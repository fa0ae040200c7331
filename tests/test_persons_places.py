"""Person and place rules decided on CoNLL-2003 train, one test each, on invented text."""

from __future__ import annotations

from newsconv.text.extract import Extraction, extract


def names(found: Extraction) -> tuple[set[str], set[str], set[str]]:
    """The person, organisation and place names of an extraction."""
    return (
        {p.name for p in found.persons},
        {o.name for o in found.organizations},
        {p.name for p in found.places},
    )


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
