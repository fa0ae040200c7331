"""Organisation, person and place rules for news and wire copy, one test each, on invented text."""

from __future__ import annotations

from entity_names import names

from newsconv.text.extract import extract


def test_ampersand_stays_inside_a_company_name() -> None:
    persons, orgs, _ = names(extract(["“It helps,” said Ann Lowe of Baxter Finch & Co. on Monday."]))
    assert orgs == {"Baxter Finch & Co."}
    assert persons == {"Ann Lowe"}


def test_leading_ordinal_of_a_company_is_kept() -> None:
    _, orgs, _ = names(extract(["Shares in First Harbor Bank System Inc. rose on Monday."]))
    assert orgs == {"First Harbor Bank System Inc."}


def test_field_labels_and_table_codes_are_not_names() -> None:
    paragraphs = [
        "AMT: 1,200,000 DATE: 09/05/96 CUSIP: 072261",
        "ISSUER: Dale County Water Authority ST: KY",
        "M / SP / F: NA / NA / NA",
    ]
    _, orgs, _ = names(extract(paragraphs))
    assert orgs == {"Dale County Water Authority"}


def test_spelled_out_acronym_keeps_and_and_in_inside_the_name() -> None:
    found = extract(["The Council for Trade and Cooperation in Asia (CTCA) met.", "The CTCA said little."])
    assert [o.name for o in found.organizations] == ["Council for Trade and Cooperation in Asia"]
    assert "CTCA" in found.organizations[0].aliases


def test_acronym_may_skip_some_initials() -> None:
    _, orgs, _ = names(extract(["Futures on the Lakeside Futures and Options Exchange (LFE) fell."]))
    assert "Lakeside Futures and Options Exchange" in orgs


def test_bank_of_a_country_is_one_name() -> None:
    _, orgs, places = names(extract(["The National Bank of Poland held rates."]))
    assert orgs == {"National Bank of Poland"}
    assert places == set()


def test_company_of_a_country_with_legal_form_is_one_name() -> None:
    _, orgs, _ = names(extract(["Mill owners Pelmar Ridge of Canada Ltd said on Tuesday."]))
    assert orgs == {"Pelmar Ridge of Canada Ltd"}


def test_company_located_in_a_city_is_cut_before_of() -> None:
    _, orgs, places = names(extract(["It bought Daniels Pharmaceuticals Inc of Chicago for cash."]))
    assert orgs == {"Daniels Pharmaceuticals Inc"}
    assert places == {"Chicago"}


def test_coordinated_complement_of_an_organisation_word() -> None:
    _, orgs, _ = names(extract(["The Organisation for Trade and Development met in May."]))
    assert orgs == {"Organisation for Trade and Development"}


def test_plural_organisation_word_gives_one_organisation_per_complement() -> None:
    found = extract(["She met the Ministries of Foreign Affairs, Interior and Land Management."])
    orgs = {o.name: o for o in found.organizations}
    assert set(orgs) == {"Ministry of Foreign Affairs", "Ministry of Interior", "Ministry of Land Management"}
    assert "Land Management" in orgs["Ministry of Land Management"].aliases


def test_organisation_noun_before_or_after_a_name() -> None:
    paragraphs = [
        "The news agency Tanvik reported the fire.",
        "On Friday the Voltaire newspaper said nobody died.",
    ]
    persons, orgs, _ = names(extract(paragraphs))
    assert orgs == {"Tanvik", "Voltaire"}
    assert persons == set()


def test_role_after_a_name_makes_it_an_organisation_everywhere() -> None:
    paragraphs = ["Norvex said it won an order.", "Norvex spokesman Per Lind told reporters."]
    persons, orgs, _ = names(extract(paragraphs))
    assert orgs == {"Norvex"}
    assert persons == {"Per Lind"}


def test_the_before_a_speaking_name_is_an_organisation() -> None:
    persons, orgs, _ = names(extract(["The suspect told the court so, the Harbour Standard said."]))
    assert orgs == {"Harbour Standard"}
    assert persons == set()


def test_name_of_uncommon_words_is_a_person_name_of_common_words_is_not() -> None:
    persons, _, _ = names(extract(["The court freed Tadeusz Wrzosek and Golden Bridge on Monday."]))
    assert persons == {"Tadeusz Wrzosek"}


def test_title_in_quotation_marks_is_not_a_person() -> None:
    persons, _, _ = names(extract(["Critics loved “Kazimir Wrzosek” at the festival."]))
    assert persons == set()


def test_regnal_numbers_belong_to_the_name() -> None:
    paragraphs = ["He was the son of Leopold III.", "In 1822 Pedro I became emperor."]
    persons, orgs, _ = names(extract(paragraphs))
    assert persons == {"Leopold III", "Pedro I"}
    assert orgs == set()


def test_arabic_name_particles_with_hyphen() -> None:
    persons, _, _ = names(extract(["Police captured their leader Rami al-Saadani near the coast."]))
    assert persons == {"Rami al-Saadani"}


def test_place_noun_after_a_name() -> None:
    persons, _, places = names(
        extract(["Gunmen attacked a convoy in Zorvan state and at Duvel Bay airport."])
    )
    assert places == {"Zorvan", "Duvel Bay"}
    assert persons == set()


def test_unknown_word_named_often_after_in_is_a_place() -> None:
    paragraphs = ["Fighting broke out in Tavildara.", "Tavildara was quiet later.", "Troops left Tavildara."]
    _, orgs, places = names(extract(paragraphs))
    assert places == {"Tavildara"}
    assert orgs == set()


def test_title_of_a_work_is_not_a_name() -> None:
    persons, orgs, _ = names(extract(["He paid for his album Innocent Man himself."]))
    assert persons == set() and orgs == set()


def test_every_part_of_a_work_title_cut_at_its_connectors_is_no_name() -> None:
    persons, orgs, places = names(extract(["It rose to fame with the single Return of the Mack in 1996."]))
    assert persons == orgs == places == set()


def test_group_adjective_with_its_own_organisation_noun() -> None:
    _, orgs, _ = names(extract(["Critics said Democratic party insiders were worried."]))
    assert orgs == {"Democratic"}
    _, orgs, _ = names(extract(["Nobody died, an Algerian newspaper said."]))
    assert orgs == set()


def test_nationality_before_a_role_is_no_organisation() -> None:
    persons, orgs, _ = names(extract(["The coup was led by retired Tutsi major Pierre Nkuru."]))
    assert orgs == set()
    assert persons == {"Pierre Nkuru"}


def test_unknown_word_listed_with_an_organisation_is_one() -> None:
    _, orgs, _ = names(extract(["Rivals such as Amazon and Blinkx want users."]))
    assert orgs == {"Amazon", "Blinkx"}


def test_short_form_of_a_company_name_is_an_alias() -> None:
    found = extract(
        ["Medica bought Daniels Pharmaceuticals Inc on Friday.", "Daniels Pharmaceuticals makes pills."]
    )
    orgs = {o.name: o for o in found.organizations}
    assert "Daniels Pharmaceuticals" in orgs["Daniels Pharmaceuticals Inc"].aliases
    assert "Daniels Pharmaceuticals" not in orgs


def test_title_between_organisation_and_person() -> None:
    found = extract(["Security Council President Brano Kelvik of Austria said delegates agreed."])
    persons, orgs, places = names(found)
    assert persons == {"Brano Kelvik"}
    assert orgs == {"Security Council"}
    assert places == {"Austria"}


def test_company_title_person() -> None:
    found = extract(["Cofinec CEO Stephen Frater said profits fell."])
    assert [p.name for p in found.persons] == ["Stephen Frater"]
    assert (found.persons[0].title or "").endswith("CEO")


def test_industry_word_makes_an_organisation() -> None:
    persons, orgs, _ = names(extract(["Hindmarsh Copper said output rose."]))
    assert orgs == {"Hindmarsh Copper"}
    assert persons == set()


def test_short_name_before_the_full_one_is_folded_into_it() -> None:
    paragraphs = [
        "Buyers may grab Mercantile soon.",
        "Analysts like Mercantile.",
        "Rivals watch Mercantile.",
        "Mercantile Bancorp Inc. has big assets.",
    ]
    found = extract(paragraphs)
    assert [o.name for o in found.organizations] == ["Mercantile Bancorp Inc."]
    assert len(found.organizations[0].mentions) == 4


def test_acronym_is_not_folded_into_a_longer_name() -> None:
    _, orgs, _ = names(extract(["The UN Country Team met.", "The UN said so."]))
    assert orgs == {"UN Country Team", "UN"}


def test_and_joins_two_common_nouns_before_an_organisation_word() -> None:
    _, orgs, _ = names(
        extract(
            ["Under a notice sent to the Securities and Exchange Commission, the lender said it might merge."]
        )
    )
    assert orgs == {"Securities and Exchange Commission"}
    _, orgs, _ = names(
        extract(["A vaccine got approval from the U.S. Food and Drug Administration in March."])
    )
    assert orgs == {"U.S. Food and Drug Administration"}
    _, orgs, places = names(extract(["Troops left the Gaza Strip and West Bank on Monday."]))
    assert orgs == set() and places == {"Gaza Strip", "West Bank"}


def test_a_lone_organisation_word_without_its_full_name_is_no_organisation() -> None:
    _, orgs, _ = names(extract(["The Government said it would not change course, the Office added."]))
    assert orgs == set()
    _, orgs, _ = names(extract(["The Commerce Department said exports rose. The Department said more."]))
    assert orgs == {"Commerce Department"}


def test_a_press_review_heads_each_newspaper_with_its_name_in_capitals() -> None:
    review = [
        "Below are the main headlines in the Varnish press on Saturday.",
        "DAILY STAR",
        "- Minister opens a new bridge.",
        "AL RAQIB",
        "- Talks resume.",
    ]
    _, orgs, _ = names(extract(review))
    assert orgs == {"DAILY STAR", "AL RAQIB"}
    one_paper = ["Here are the top items in the daily Le Veilleur.", "FRONT PAGE", "- Strikes spread."]
    assert names(extract(one_paper))[1] == {"Le Veilleur"}


def test_a_title_case_headline_names_its_gazetteer_places() -> None:
    found = extract(["Stocks rose on Monday."], headline="PRESS DIGEST - Spain - Aug 28.")
    assert [p.name for p in found.places] == ["Spain"]
    found = extract(["Michael Jordan scored 40 points."], headline="Jordan Leads Bulls To Win")
    assert found.places == ()


def test_a_title_case_headline_names_its_known_organisations() -> None:
    found = extract(["Stocks rose on Monday."], headline="RTRS - Budget Cuts To Boost Savings - Treasury.")
    assert {o.name for o in found.organizations} == {"RTRS", "Treasury"}
    found = extract(["The Treasury said stocks rose."], headline="RTRS - Treasury Sees Gains.")
    assert [(o.name, len(o.mentions)) for o in found.organizations] == [("Treasury", 1), ("RTRS", 0)]
    assert extract(["Stocks rose."], headline="Budget Cuts To Boost Savings").organizations == ()


def test_ideologies_are_group_adjectives_not_organisations() -> None:
    persons, orgs, _ = names(
        extract(
            [
                "He succeeded the veteran Marxist leader Ahmed Toure.",
                "An Islamist deputy, Ali Kafawin, spoke.",
            ]
        )
    )
    assert orgs == set() and persons == {"Ahmed Toure", "Ali Kafawin"}


def test_titles_without_a_stop_and_of_trades_stay_out_of_the_name() -> None:
    persons, _, _ = names(extract(["Chief Accountant Marisa Drovnik said the mill was short of funds."]))
    assert persons == {"Marisa Drovnik"}
    persons, _, _ = names(extract(["The commander, Col Suvit Maenmuan, told reporters the rebels had fled."]))
    assert persons == {"Suvit Maenmuan"}
    persons, _, _ = names(extract(["They were greeted by Monsignor Aldo Fentrazzi on Thursday."]))
    assert persons == {"Aldo Fentrazzi"}


def test_a_title_with_its_complement_stops_at_the_holders_given_name() -> None:
    found = extract(["Orvell met Minister of Foreign Affairs Omar Darsono on Tuesday."])
    assert [(p.name, p.title) for p in found.persons] == [("Omar Darsono", "Minister of Foreign Affairs")]
    persons, _, _ = names(
        extract(["She saw Assistant Secretary for Coastal Fishery Affairs Lionel Baskett."])
    )
    assert persons == {"Lionel Baskett"}


def test_a_plural_nationality_before_a_name_is_no_part_of_it() -> None:
    persons, orgs, _ = names(extract(["She chased the leaders, Canadians Thomas Marsh and Gary Olwen."]))
    assert persons == {"Thomas Marsh", "Gary Olwen"} and orgs == set()
    persons, _, _ = names(extract(["Essays by British Journalist Colin Marwick were censored."]))
    assert persons == {"Colin Marwick"}


def test_initials_before_a_surname_make_a_person() -> None:
    persons, orgs, _ = names(extract(["Former presidents F.W. de Klerk and P.W. Botha met on Monday."]))
    assert persons == {"F.W. de Klerk", "P.W. Botha"} and orgs == set()
    persons, orgs, _ = names(extract(["Shares of U.S. Steel rose, as did S. African Afrikaners' hopes."]))
    assert persons == set()


def test_a_dateline_names_its_place_in_capitals() -> None:
    found = extract(
        ["NOVYE ATAGI, Russia 1996-08-22", "Rebels left the village of Novye Atagi, a witness said."]
    )
    assert [(p.name, len(p.mentions)) for p in found.places] == [("Novye Atagi", 2), ("Russia", 1)]
    assert extract(["REUTERS 1996-08-22", "Stocks rose."]).places == ()


def test_common_words_in_capitals_are_table_headings_not_acronyms() -> None:
    paragraphs = ["Sales rose at Harbor Bank.", "TOTAL 1,113,785 up 3.8", "OUTLOOK ...", "The UNHCR helped."]
    _, orgs, _ = names(extract(paragraphs))
    assert orgs == {"Harbor Bank", "UNHCR"}


def test_a_title_case_label_that_opens_a_data_line_is_no_name() -> None:
    paragraphs = [
        "Sale Amount: 1,820,000",
        "Expected Sale Date: 08/27/96",
        "ISSUER: Dale County Board ST: KY",
    ]
    persons, orgs, _ = names(extract(paragraphs))
    assert persons == set() and orgs == {"Dale County Board"}
    persons, _, _ = names(
        extract(["Delegates won so far:", "Hillary Clinton: 2,203", "Bernie Sanders: 1,828"])
    )
    assert persons == {"Hillary Clinton", "Bernie Sanders"}


def test_a_common_words_possessive_opens_an_organisations_name() -> None:
    found = extract(["The bonds are rated Baa1 by Moody's Investors Service, and the People's Daily agreed."])
    assert {o.name for o in found.organizations} == {"Moody's Investors Service", "People's Daily"}
    found = extract(["Moody's Investors Service rates it A1.", "Moody's said the Sheriff's Office agreed."])
    assert [(o.name, len(o.mentions)) for o in found.organizations] == [
        ("Moody's Investors Service", 2),
        ("Sheriff's Office", 1),
    ]
    _, orgs, _ = names(extract(["China's Foreign Ministry and John Peel's Radio Show Network objected."]))
    assert orgs == {"Foreign Ministry", "Radio Show Network"}


def test_a_currency_mark_and_a_temperature_unit_are_no_names() -> None:
    paragraphs = [
        "Kinross Gold Corp gained C$0.25 to C$11 while HK$ rates eased.",
        "Lows of 8 Celsius in the north, 10 Celsius in the south and 12 Celsius on the coast.",
    ]
    _, orgs, _ = names(extract(paragraphs))
    assert orgs == {"Kinross Gold Corp"}


def test_nationalities_of_countries_named_in_two_words_are_group_words() -> None:
    paragraphs = [
        "Costa Rican newspapers said the South Africans left.",
        "The Nicaraguan and Guinean envoys met; the Nicaraguan envoy spoke, the Nicaraguan side agreed.",
    ]
    persons, orgs, places = names(extract(paragraphs))
    assert persons == set() and orgs == set() and places == set()


def test_an_acronym_spelled_out_as_a_disease_or_a_measure_is_no_organisation() -> None:
    paragraphs = [
        "Sheep may carry Ovine Lamellar Fever (OLF), the bank said of the cash reserve ratio (CRR).",
        "OLF alarmed herders; the CRR fell; the Progressive Civic Unity Movement (PCUM) met.",
    ]
    _, orgs, _ = names(extract(paragraphs))
    assert orgs == {"Progressive Civic Unity Movement"}


def test_an_unknown_acronym_stands_for_the_longer_name_it_opens() -> None:
    found = extract(
        ["Zorvex Medical Systems Inc. was bought on Monday.", "Before charges, ZMX had net income."]
    )
    assert [o.name for o in found.organizations] == ["Zorvex Medical Systems Inc.", "ZMX"]
    found = extract(
        ["IVAC Medical Systems Inc. was bought on Monday.", "Before charges, IVAC had net income."]
    )
    assert [(o.name, len(o.mentions)) for o in found.organizations] == [("IVAC Medical Systems Inc.", 2)]


def test_a_rating_agencys_column_is_kept_and_grades_in_a_table_are_no_names() -> None:
    _, orgs, _ = names(
        extract(["RATINGS", "MOODY 'S: A1 S&P: AA- FITCH: AA-", "LAST MOODY AA3 ISS PRICE 99.956"])
    )
    assert orgs == {"S&P"}


def test_an_acronym_that_ends_a_wire_headline_is_its_source() -> None:
    found = extract(["Exports rose in the week, the department said."], headline="Wheat sales slow - USDA.")
    assert [(o.name, len(o.mentions)) for o in found.organizations] == [("USDA", 0)]
    found = extract(["The budget was due, he said."], headline="Budget due in September - Juppe.")
    assert found.organizations == () and found.persons == ()


def test_a_desk_and_a_newsroom_sign_off_before_a_telephone_label() -> None:
    paragraphs = ["Cargo rose 3 percent.", "- Sea Freight Newsroom Tel+44 131 608 2291 Fax+44 131 608 2290"]
    _, orgs, _ = names(extract(paragraphs))
    assert orgs == {"Sea Freight Newsroom"}
    _, orgs, _ = names(extract(["Prices fell.", "-- New York Power Desk 212-859-1620"]))
    assert orgs == {"New York Power Desk"}


def test_a_firm_named_by_its_partners_or_with_a_legal_form_after_a_comma_is_one_name() -> None:
    paragraph = "Ann Lowe of Kalf, Voorhis & Co. and Eddie Hedaya of BioVest Research, Inc's desk agreed."
    persons, orgs, _ = names(extract([paragraph]))
    assert orgs == {"Kalf Voorhis & Co.", "BioVest Research Inc"} and persons == {"Ann Lowe", "Eddie Hedaya"}
    _, orgs, _ = names(extract(["He met bankers at Carlyle Partners, Moelis & Company and others."]))
    assert orgs == {"Carlyle Partners", "Moelis & Company"}


def test_a_plural_organisation_noun_before_names_makes_them_organisations() -> None:
    persons, orgs, _ = names(
        extract(["Upbeat notes from investment banks Harwell Brandt and KTV Osterlund helped."])
    )
    assert orgs == {"Harwell Brandt", "KTV Osterlund"} and persons == set()


def test_a_nationality_before_a_kind_of_organisation_names_none_a_party_word_does() -> None:
    _, orgs, _ = names(
        extract(["Murdoch said British newspaper profits rose, as did Chinese company shares."])
    )
    assert orgs == set()
    _, orgs, _ = names(extract(["He met Democratic party insiders on Monday."]))
    assert orgs == {"Democratic"}


def test_foreign_organisation_words_and_legal_forms_make_organisations() -> None:
    paragraph = "Banco Santander, Caja de Madrid, Kekkila Oy and the daily El Nuevo Diario agreed."
    persons, orgs, _ = names(extract([paragraph]))
    assert persons == set() and orgs == {"Banco Santander", "Caja de Madrid", "Kekkila Oy", "El Nuevo Diario"}


def test_a_name_spelled_out_before_its_acronym_loses_its_possessive() -> None:
    found = extract(["They hosted the International Rowing Council's (IRC) panel.", "The IRC left."])
    assert [(o.name, o.aliases) for o in found.organizations] == [("International Rowing Council", ("IRC",))]
    found = extract(["Standard & Poor's (S&P) cut the rating."])
    assert "Standard & Poor's" in [o.name for o in found.organizations]


def test_a_commodities_desk_that_signs_a_wire_is_an_organisation() -> None:
    _, orgs, _ = names(extract(["Soybeans fell 2 cents.", "-- Chicago Commodities 312-555-0192"]))
    assert orgs == {"Chicago Commodities"}
