"""Persons, organisations and places: one test per construction, on invented sentences."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from newsconv.model import Person
from newsconv.text.extract import extract
from newsconv.text.names import candidates, sentence_starts


def person(paragraphs: list[str], name: str) -> Person:
    """The one person of that name the extractor found."""
    found = [p for p in extract(paragraphs).persons if p.name == name]
    assert len(found) == 1, [p.name for p in extract(paragraphs).persons]
    return found[0]


def test_title_before_name_and_honorific_form_are_one_person() -> None:
    paragraphs = ["Prime Minister Hun Sen spoke in Hanoi.", "Mr Hun Sen then left for the airport."]
    found = extract(paragraphs)
    assert [p.name for p in found.persons] == ["Hun Sen"]
    assert "Mr Hun Sen" in found.persons[0].aliases
    assert found.persons[0].title == "Prime Minister"


def test_surname_with_honorific_is_an_alias() -> None:
    p = person(
        ["Pavin Chachavalpongpun gave a talk.", "Mr Chachavalpongpun was blunt."], "Pavin Chachavalpongpun"
    )
    assert "Mr Chachavalpongpun" in p.aliases


def test_family_name_first_is_matched_by_its_first_word() -> None:
    p = person(["Kang Kyung-wha arrived on Tuesday.", "Ms Kang met the staff."], "Kang Kyung-wha")
    assert "Ms Kang" in p.aliases


def test_appositive_gives_title_and_affiliation() -> None:
    p = person(["Yeng Lim, executive director of Community Legal Education Center, was present."], "Yeng Lim")
    assert p.title == "executive director"
    assert p.affiliation == "Community Legal Education Center"


def test_role_in_lower_case_before_the_name() -> None:
    p = person(["The court heard from defence lawyer Reid Marsh on Monday."], "Reid Marsh")
    assert p.title == "defence lawyer"


def test_organisation_words_and_acronym_alias() -> None:
    paragraphs = [
        "The Office of the High Commissioner for Human Rights opened in May.",
        "The OHCHR said little.",
    ]
    orgs = extract(paragraphs).organizations
    assert [o.name for o in orgs] == ["Office of the High Commissioner for Human Rights"]
    assert "OHCHR" in orgs[0].aliases


def test_coordinated_names_are_separate() -> None:
    found = extract(
        ["Officials from Mexico and Peru met the Council of Ministers and the Ministry of Health."]
    )
    assert {o.name for o in found.organizations} == {"Council of Ministers", "Ministry of Health"}
    assert {p.name for p in found.places} == {"Mexico", "Peru"}


def test_places_but_not_nationality_adjectives() -> None:
    found = extract(["Chinese officials flew from Beijing to Geneva, then on to Cambodia."])
    assert {p.name for p in found.places} == {"Beijing", "Geneva", "Cambodia"}
    assert found.persons == () and found.organizations == ()


def test_sentence_openers_are_not_names() -> None:
    found = extract(["Analysts say the plan will fail.", "However, nobody knows for sure."])
    assert found.persons == () and found.organizations == () and found.places == ()


def test_event_names_and_bare_titles_are_not_entities() -> None:
    found = extract(["He served in the Iraq War under the Commons Speaker and retired."])
    assert found.persons == () and found.organizations == ()


def test_ids_are_numbered_per_kind() -> None:
    found = extract(
        ["Dr Ana Ruiz of the World Bank visited Lagos.", "“We will lend more money next year,” she said."]
    )
    assert [p.id for p in found.persons] == ["person-1"]
    assert [o.id for o in found.organizations] == ["org-1"]
    assert [p.id for p in found.places] == ["place-1"]
    assert [q.id for q in found.quotes] == ["quote-1"]
    assert found.quotes[0].speaker == "person-1"


def test_mentions_point_at_the_text() -> None:
    paragraphs = ["Mayor Anna Berg visited Oslo.", "Ms Berg returned to Oslo on Friday."]
    found = extract(paragraphs)
    berg = found.persons[0]
    assert [paragraphs[s.paragraph][s.start : s.end] for s in berg.mentions] == ["Anna Berg", "Berg"]
    assert len(found.places[0].mentions) == 2


# The scans below read part of a paragraph, or a paragraph once, for speed; each must find
# exactly what the plain definition finds.
_PROSE = st.text(alphabet='Aa b.C,-’&:;“”‘"()[]—–!?…\n\t', max_size=400)


@given(_PROSE)
def test_sentence_starts_match_their_definition(paragraph: str) -> None:
    definition = re.compile(r"[.!?…][\"”’)\]]*\s+|[:;]\s+|^\s*[\"“‘(\[—–-]*|[\"“‘]\s*")
    assert sentence_starts(paragraph) == {m.end() for m in definition.finditer(paragraph)}


def test_a_repeated_name_is_found_alike_from_memory() -> None:
    paragraph = "Mr Hun Sen met Foreign Minister Kang Kyung-wha in Hanoi."
    first = candidates(paragraph, 0)
    again = candidates(f"In Hanoi, {paragraph}", 1)
    assert [(c.text, c.honorific, c.title) for c in first] == [
        ("Hun Sen", "Mr", None),
        ("Kang Kyung-wha", None, "Foreign Minister"),
        ("Hanoi", None, None),
    ]
    assert [(c.paragraph, c.start - 10, c.end - 10, c.text) for c in again[1:]] == [
        (1, c.start, c.end, c.text) for c in first
    ]


def test_short_name_after_of_is_the_organisation() -> None:
    found = extract(
        ["The Department of Homeland Security wrote the rules.", "A Homeland Security memo explains them."]
    )
    assert [o.name for o in found.organizations] == ["Department of Homeland Security"]
    assert "Homeland Security" in found.organizations[0].aliases
    assert not found.persons


def test_surname_that_is_a_place_or_a_title_word_is_the_person() -> None:
    found = extract(
        [
            "Representative Jim Jordan met Howard Dean in Amman.",
            "Jordan said the talks went well. Dean, a former chairman, agreed.",
        ]
    )
    people = {p.name: p for p in found.persons}
    assert set(people) == {"Jim Jordan", "Howard Dean"}
    assert "Jordan" in people["Jim Jordan"].aliases and "Dean" in people["Howard Dean"].aliases
    assert "Jordan" not in [p.name for p in found.places]


def orgs(paragraphs: list[str]) -> set[str]:
    """The names of the organisations the extractor found."""
    return {o.name for o in extract(paragraphs).organizations}


def test_stop_word_inside_a_name_mid_sentence() -> None:
    found = orgs(["The coach told Radio Seven Live that the Green Tigers were ready."])
    assert "Radio Seven Live" in found
    assert orgs(["Five people spoke to the Daily Sentinel."]) == {"Daily Sentinel"}


def test_number_inside_an_organisation_name() -> None:
    found = extract(
        ["She joined his 3 Harbour Records label after a spell on Radio 6.", "Then 3 Harbour left."]
    )
    assert {o.name for o in found.organizations} >= {"3 Harbour Records", "Radio 6"}
    assert not any(o.name == "Harbour" for o in found.organizations)
    assert orgs(["He wrote to the Hallam Council 10 days ago."]) == {"Hallam Council"}


def test_role_at_an_employer_names_an_organisation() -> None:
    found = extract(["Lena Holt, head of research at Brindle Quay, said sales fell."])
    assert {o.name for o in found.organizations} == {"Brindle Quay"}
    assert [p.name for p in found.persons] == ["Lena Holt"]


def test_team_named_with_a_plural_after_the() -> None:
    assert orgs(["The match against the Iron Wolves was close."]) == {"Iron Wolves"}


def test_plural_owner_inside_an_organisation_name() -> None:
    found = orgs(["The Dover Ferry Pilots' Association met, and Mr Lund's team left."])
    assert found == {"Dover Ferry Pilots' Association"}


def test_places_coordinated_before_an_organisation_plural() -> None:
    found = extract(["Ana Ruiz leads Peru and Chile Farmers of America, a charity."])
    assert {o.name for o in found.organizations} == {"Peru and Chile Farmers of America"}
    assert not found.places


def test_market_index_is_no_entity() -> None:
    found = extract(["The Kovari Dastel industrial average fell, and the Pacific Stock Exchange index rose."])
    assert {o.name for o in found.organizations} == {"Pacific Stock Exchange"}
    assert not found.persons


def test_possessive_before_a_legal_form_is_part_of_the_name() -> None:
    found = orgs(["Shares of Hobart's Inc rose, while Britain's Tarnwell Ltd fell."])
    assert found == {"Hobart's Inc", "Tarnwell Ltd"}


def test_sentence_opening_adverb_or_plural_before_of_is_no_name_word() -> None:
    assert orgs(["Initially Poland offered more."]) == set()
    assert orgs(["Shares of Lomax & Reed Co were up 4."]) == {"Lomax & Reed Co"}
    assert person(["Billy Vance said he would go."], "Billy Vance").name == "Billy Vance"


def test_word_after_the_town_of_stays_a_place() -> None:
    found = extract(
        ["Troops took the town of Varnak.", "Varnak, 200 km east, is calm.", "Rebels fled Varnak on Monday."]
    )
    assert [p.name for p in found.places] == ["Varnak"]
    assert not found.organizations and not found.persons


def test_sentence_opening_name_before_an_organisation_noun() -> None:
    assert orgs(["Dravet newspaper wrote that the parcel was lost."]) == {"Dravet"}
    assert orgs(["Chartered bank assets rose."]) == set()
    assert orgs(["Antivirus firm Sorrel said so."]) == {"Sorrel"}


def test_plural_acronym_is_no_organisation() -> None:
    found = orgs(["Velnor's Global Depositary Receipts (GDRs) fell.", "Frater said Velnor GDRs were cheap."])
    assert not any("GDRs" in name for name in found)


def test_title_of_a_work_is_no_name() -> None:
    assert orgs(["Alice Morn's The Quiet Bones sold well."]) == set()
    found = extract(["He sang in Two Ran Under the Miller's Bridge in Leeds, then at the Golden Globes."])
    assert not found.organizations
    assert [p.name for p in found.places] == ["Leeds"]
    assert person(["The prize went to Anna Kovac for On the Pier."], "Anna Kovac").name == "Anna Kovac"


def test_acronym_may_spell_the_small_words_of_its_name() -> None:
    found = orgs(["They met at the base of the U.N. Observer Mission in Koravia (UNOMIK)."])
    assert "U.N. Observer Mission in Koravia" in found


def test_lone_organisation_word_stands_for_the_full_name() -> None:
    found = extract(
        ["The Commerce Department said spending rose.", "The Department added that it would fall."]
    )
    assert [(o.name, len(o.mentions)) for o in found.organizations] == [("Commerce Department", 2)]
    assert orgs(["The debates are run by the Commission on Debates."]) == set()
    assert orgs(["It broke a United Nations-backed truce."]) == set()
    assert orgs(["The Times said so."]) == {"Times"}
    assert orgs(["The Navy said it would help."]) == {"Navy"}


def test_organisation_named_with_and_without_its_country() -> None:
    found = extract(
        ["U.S. Agriculture Department inspectors gathered.", "The Agriculture Department agreed."]
    )
    assert [(o.name, len(o.mentions)) for o in found.organizations] == [("U.S. Agriculture Department", 2)]
    found = extract(
        ["The Labour Party met.", "The British Labour Party and the Israeli Labour Party differ."]
    )
    assert len(found.organizations) == 2


def test_nationality_before_a_plural_or_after_an_article_is_no_organisation() -> None:
    assert orgs(["Baghdad backed it, an Iraqi Kurdish group told the press."]) == set()
    assert orgs(["Algerian newspapers quoted the observatory."]) == set()
    found = extract(["Israel announced more Jewish West Bank settlements."])
    assert not found.organizations
    assert "West Bank" in {p.name for p in found.places}


def test_team_on_a_results_line() -> None:
    assert orgs(["Varese (Italy) 92 Red Comet (Russia) 81 (halftime 50-28)"]) == {"Varese", "Red Comet"}


def test_time_zone_is_no_organisation() -> None:
    assert orgs(["Trading ends early at 1400 EDT on Friday."]) == set()


def test_office_holder_after_the_organisation_of_a_title() -> None:
    found = extract(["Speaker of the House of Commons Betty Boothroyd said no."])
    assert {o.name for o in found.organizations} == {"House of Commons"}
    assert [p.name for p in found.persons] == ["Betty Boothroyd"]


def test_employer_after_a_named_role_holder() -> None:
    assert orgs(['"Fine," said analyst Anna Kovac at Brellin.']) == {"Brellin"}


def test_paper_day_airline_and_newsdesk_words() -> None:
    assert orgs(["The Sunday Chronicle quoted her."]) == {"Sunday Chronicle"}
    assert orgs(["He bombed a Vexair flight."]) == {"Vexair"}
    assert orgs(["-- Lisbon Newsdesk +351 21 000 0000"]) == {"Lisbon Newsdesk"}


def kinds(paragraphs: list[str]) -> tuple[set[str], set[str]]:
    """The names of the persons and of the places the extractor found."""
    found = extract(paragraphs)
    return {p.name for p in found.persons}, {p.name for p in found.places}


def test_place_noun_after_a_name_with_the_or_an_adjective_before() -> None:
    assert kinds(["Rebels hid in the nearby Vrandor mountains."]) == (set(), {"Vrandor"})
    assert kinds(["They live in the Selkhin village."]) == (set(), {"Selkhin"})


def test_plural_place_noun_makes_each_name_a_place() -> None:
    assert kinds(["She will visit Broward and St. Quenby counties."])[1] == {"Broward", "St. Quenby"}


def test_place_noun_after_common_words_or_an_adjective_is_no_place() -> None:
    assert kinds(["He met voters in the Sunshine state."]) == (set(), set())
    assert kinds(["Vexco works from the eastern Dalmatian town of Korvina."])[1] == {"Korvina"}
    assert kinds(["The wave hit the Sri Lankan coast."]) == (set(), set())
    assert kinds(["He rushed to the Olympic village."]) == (set(), set())


def test_place_noun_and_preposition_outweigh_a_given_name() -> None:
    assert kinds(["He landed at Charles de Gaulle airport."]) == (set(), {"Charles de Gaulle"})


def test_island_or_state_of_names_a_place() -> None:
    assert kinds(["The plane hit a mountain on the island of Spitzbergen."])[1] == {"Spitzbergen"}
    assert kinds(["Gunmen attacked a convoy in the state of Quelmara."])[1] == {"Quelmara"}


def test_a_distance_after_a_comma_is_no_age() -> None:
    found = kinds(["Police in the town of Tacambaro, Quelmara, 80 km south of Morelia, said it."])
    assert "Quelmara" not in found[0]
    assert "Ann Vosk" in kinds(["Ann Vosk, 45, was hurt."])[0]
    assert "Tavish" in kinds(["Their sons Marten, 12, and Tavish, 9 were thrilled."])[0]


def test_country_that_looks_like_a_plural_demonym_is_a_place() -> None:
    assert kinds(["Fighting in the southern Philippines went on."])[1] == {"Philippines"}


def test_regnal_number_on_a_short_dated_line() -> None:
    assert kinds(["1533 - Queen Elizabeth I born."])[0] == {"Elizabeth I"}


def test_country_that_is_the_surname_of_a_named_person() -> None:
    assert kinds(["Director Neil Jordan spoke.", "Jordan defends the film."]) == ({"Neil Jordan"}, set())
    assert kinds(["Director Neil Jordan spoke.", "He then flew to Jordan."])[1] == {"Jordan"}
    assert kinds(["Coach James Ireland spoke.", "Most of Ireland were rested."])[1] == {"Ireland"}


def test_hyphenated_demonyms_languages_and_nationality_nouns_are_no_names() -> None:
    assert kinds(["Word came of a collapse in Arab-Persian trade talks."]) == (set(), set())
    assert kinds(["A soldier yelled at Jamil in Hebrew."])[1] == set()
    assert kinds(["Dutchman Peter Wessels beat Mark Smith."])[0] == {"Peter Wessels", "Mark Smith"}


def test_road_word_and_number_name_a_place() -> None:
    found = kinds(["Traffic jammed Interstate 95 and Route 66 on Monday."])
    assert found == (set(), {"Interstate 95", "Route 66"})


def speakers(paragraphs: list[str]) -> list[str | None]:
    """The name of each quote's speaker the extractor found."""
    found = extract(paragraphs)
    names = {p.id: p.name for p in found.persons}
    return [names.get(q.speaker or "") for q in found.quotes]


def test_place_of_several_words_before_an_abbreviated_title() -> None:
    p = person(["West Virginia Sen. Paul Hardin voted against the plan."], "Paul Hardin")
    assert p.title is not None and p.title.endswith("Sen.")
    assert extract(["The plan was vetoed by New Mexico Gov. Ruth Cole."]).organizations == ()


def test_surname_that_is_a_stop_word_after_a_given_name() -> None:
    paragraphs = [
        "Acme chief executive Ian Read met investors in May. Read more below.",
        "“We will keep every plant open for at least another five years,” Read said.",
        "Mr Read left before the questions.",
    ]
    found = extract(paragraphs)
    assert [p.name for p in found.persons] == ["Ian Read"]
    assert "Mr Read" in found.persons[0].aliases
    assert speakers(paragraphs) == ["Ian Read"]


def test_short_name_after_a_role_ends_in_a_stop_word() -> None:
    paragraphs = [
        "The daily's columnist Ai Jun wrote about the trade talks.",
        "“The tariffs hurt the farmers first and the factories next,” Jun wrote.",
    ]
    assert speakers(paragraphs) == ["Ai Jun"]


def test_capitalised_title_modifier_between_organisation_and_person() -> None:
    found = extract(["Bakers Union Political Director Nina Kell praised the vote."])
    assert [o.name for o in found.organizations] == ["Bakers Union"]
    assert [p.name for p in found.persons] == ["Nina Kell"]


def test_stop_capital_ending_an_organisation_is_no_surname() -> None:
    found = extract(["Kent Police asked for help.", "Police said the man was seen on Monday."])
    assert [p.name for p in found.persons] == []


def test_a_sentence_case_headline_names_known_places_without_mentions() -> None:
    body = ["Flights were cancelled on Monday as the storm moved east."]
    found = extract(body, headline="Storm closes airports in Belgium")
    assert [(p.name, p.mentions) for p in found.places] == [("Belgium", ())]
    assert not extract(body, headline="Storm Closes Airports In Belgium").places  # title case: not read


def test_a_headline_name_joins_the_body_entity_as_a_form() -> None:
    found = extract(["Ann Lowe of the Harbor Bank said sales fell."], headline="Sales fall as Lowe warns")
    assert [(p.name, p.aliases, len(p.mentions)) for p in found.persons] == [("Ann Lowe", ("Lowe",), 1)]


def test_a_team_sheet_of_initials_and_surnames_names_persons() -> None:
    found = extract(["Harbor: K Dorn; P Vale, T Marsh, R Quill; L Penn, D Ruse."])
    assert {"K Dorn", "P Vale", "T Marsh", "R Quill", "L Penn", "D Ruse"} <= {p.name for p in found.persons}
    assert not extract(["Shares in B Corp rose."]).persons


def test_an_organisation_word_that_is_also_a_surname_follows_a_given_name() -> None:
    found = extract(["Laura Mills, a former aide, met buyers from General Mills on Tuesday."])
    assert {p.name for p in found.persons} == {"Laura Mills"}
    assert {o.name for o in found.organizations} == {"General Mills"}
