"""Speaker attribution rules, one test each, on invented sentences: descriptions of unnamed
speakers, sentence subjects, definite roles, transcripts, and what is no attribution."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from newsconv.text.extract import extract
from newsconv.text.speakers import _untitled


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
    paragraphs = ["“It is mostly about building some real momentum,” Mr. Today added."]
    assert said(paragraphs) == [(None, "Mr. Today")]


def test_honorific_before_a_title_word_is_a_surname() -> None:
    paragraphs = ["“It is mostly about building some real momentum,” Mr. King added."]
    assert said(paragraphs) == [("King", None)]


def test_honorific_before_an_office_named_in_the_article_is_an_address() -> None:
    paragraphs = [
        "President Tom Hale spoke first. The Lord Chancellor listened.",
        "“Mr. President, will you promise to respect the outcome of the count?” asked Ana Ruiz.",
    ]
    assert said(paragraphs) == [("Ana Ruiz", None)]
    assert {p.name for p in extract(paragraphs).persons} == {"Tom Hale", "Ana Ruiz"}


def test_branded_attributes_to_its_subject() -> None:
    paragraphs = ["Norway branded the decision “a step back for the whole region.”"]
    assert said(paragraphs) == [(None, "Norway")]


def test_participle_of_tweeting_takes_the_sentence_subject() -> None:
    paragraphs = [
        (
            "Victor Dean, a former party chairman, poked fun at the debate, tweeting, “Notice how "
            "nobody answered a single question.”"
        )
    ]
    assert said(paragraphs) == [("Victor Dean", None)]


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


def test_signature_closing_a_paragraph_speaks_all_its_quotes() -> None:
    paragraphs = [
        "“We need more teachers in every school.” ― Carla Sanchez",
        (
            "“He is a risk to every one of us. To quote a poem ‘Some men are so tired all they own "
            "is time.” And that is all he owns “the source of all trouble’.” ― Nell Grey"
        ),
    ]
    assert [name for name, _ in said(paragraphs)] == ["Carla Sanchez", "Nell Grey", "Nell Grey"]


def test_as_a_document_put_it() -> None:
    paragraphs = [
        "The Department of Rural Housing runs the programme. Senator Ana Ruiz said it was flawed.",
        "The first rule is a “verified record of rental earnings,” as a Rural Housing memo put it.",
    ]
    assert said(paragraphs) == [("Department of Rural Housing", None)]


def test_indefinite_role_is_not_someone_named_before() -> None:
    paragraphs = [
        "Senator Tom Hale spoke first at the hearing.",
        "“We are nowhere near the end of this process,” said a senator from Ohio.",
    ]
    assert said(paragraphs) == [(None, "a senator from Ohio")]


def test_indefinite_phrase_keeps_the_organisation_it_names() -> None:
    paragraphs = [
        (
            "Likewise, a paper from the Lakeview Policy Institute had this to say about the plan: "
            "“Families at the top would receive far more than those at the bottom.”"
        )
    ]
    assert said(paragraphs) == [("Lakeview Policy Institute", None)]


def test_name_heading_a_quote_after_a_dash() -> None:
    paragraphs = [
        "“Turnout was far higher than anyone expected,” said Mark Blum.",
        "Pollsters agree - Carla Bialik: “Keep on calling households until the polls close.”",
    ]
    assert said(paragraphs)[1] == ("Carla Bialik", None)


def test_addressee_before_a_colon_is_no_speaker() -> None:
    paragraphs = ["Reince Priebus later told Fox News: “Both of them are meeting up next week.”"]
    assert said(paragraphs) == [("Reince Priebus", None)]


def test_participle_after_a_quote_opening_a_clause_is_no_cue() -> None:
    paragraphs = [
        (
            "Ana Ruiz said that there is “only one candidate able to win this race,” adding that "
            "this is why Tom Hale “keeps attacking us and ignores the others.”"
        )
    ]
    assert said(paragraphs)[0] == ("Ana Ruiz", None)


def test_question_quote_with_a_long_attribution_after_it() -> None:
    paragraphs = [
        "Maria Lopez chairs the board. Tom Hale is its treasurer.",
        "“Is anyone listening to us at all?” Lopez wrote in a long email to the members of the board on Friday.",
    ]
    assert said(paragraphs) == [("Maria Lopez", None)]


def test_phrasal_verb_of_reply_attributes() -> None:
    paragraphs = [
        "Nora Vidal and Otto Brandt waited at the gate.",
        "“Look at how many people came tonight,” Vidal said.",
        "“They only came for the cheap beer,” Brandt shot back with a grin.",
    ]
    assert said(paragraphs)[1] == ("Otto Brandt", None)


def test_inverted_verb_heading_a_paragraph_before_a_colon() -> None:
    paragraphs = [
        "Voting machines can be rigged, Roger Stone said on the radio.",
        "Continued Stone: “So I think it is a very real problem for everyone.”",
    ]
    assert said(paragraphs) == [("Roger Stone", None)]


def test_surname_that_is_a_country_names_the_person() -> None:
    paragraphs = [
        "Representative Lewis Jordan questioned the deal.",
        "Pryor “was granted a plea deal,” Jordan said, and still “joined every one of the meetings.”",
    ]
    assert [name for name, _ in said(paragraphs)] == ["Lewis Jordan", "Lewis Jordan"]


def test_surname_that_is_a_title_word_names_the_person() -> None:
    paragraphs = [
        "Nina Vogt asked Victor Dean to step aside.",
        (
            "Dean, a former party chairman, poked at the debate, tweeting, “Notice how nobody "
            "answered a single question.”"
        ),
    ]
    assert said(paragraphs) == [("Victor Dean", None)]


def test_participle_after_a_comma_skips_the_name_before_it() -> None:
    paragraphs = [
        (
            "Later on Sunday, Mara Holt shared a reading list on the Reuters website, writing “Allow me "
            "to check the facts for the reporter.”"
        )
    ]
    assert said(paragraphs) == [("Mara Holt", None)]


def test_plural_possessive_name_is_not_the_subject() -> None:
    paragraphs = [
        "Tobias Hendricks spoke in Dover on Monday.",
        (
            "Ivo Laske was unhappy with Hendricks’ remarks, telling reporters, “Plenty of "
            "voters think the mayor ought to resign.”"
        ),
    ]
    assert said(paragraphs) == [("Ivo Laske", None)]


def test_attribution_before_a_colon_also_speaks_the_quote_before_it() -> None:
    paragraphs = [
        "Milo Danforth runs the campaign. Tom Hale won the race.",
        (
            "“Crowds are lining up in huge numbers to cheer him on,” Danforth said, adding: "
            "“They will lift every candidate on the list.”"
        ),
    ]
    assert [name for name, _ in said(paragraphs)] == ["Milo Danforth", "Milo Danforth"]


def test_participle_with_no_subject_after_a_quote_is_no_cue() -> None:
    paragraphs = [
        "Tom Hale wrote to the committee.",
        (
            "In the email, Ana Ash described the decision as a “serious lapse of judgement,” adding: “I am "
            "writing to every one of our donors about this matter.”"
        ),
    ]
    assert [name for name, _ in said(paragraphs)] == ["Ana Ash", "Ana Ash"]


def test_said_yes_is_no_attribution() -> None:
    paragraphs = [
        "Anna Berg was still sleeping.",
        (
            "As Tom Hale went on about “our long-suffering farmers and their families,” Pia Moss said yes, "
            "yes, yes, again and again."
        ),
    ]
    assert said(paragraphs)[0][0] != "Pia Moss"


def test_possessor_of_a_speech_noun_speaks() -> None:
    paragraphs = [
        "Dr. Omar Reyes hosts a daily show.",
        "“He has a huge pulpit and no care for facts,” said Karl Fenn, a surgeon.",
        (
            "HEARINGS FOLLOWED — Reyes’s dubious diet advice earned him a summons, and for saying that a "
            "green tea extract was a “miracle cure for every single body type.”"
        ),
    ]
    assert said(paragraphs)[-1] == ("Omar Reyes", None)


def test_possessive_speech_noun_before_a_verb_names_its_owner() -> None:
    paragraphs = ["Lena Stark's brief said the reports were “misread statements and baseless allegations.”"]
    assert said(paragraphs) == [("Lena Stark", None)]


def test_speech_noun_of_a_possessive_in_an_aside_is_no_subject() -> None:
    paragraphs = [
        "Paul Grant wrote the speech that Mary Dunn gave.",
        "Dunn, delivering Grant’s speech, asked the crowd “why should we trust any of them again?”",
    ]
    assert said(paragraphs) == [("Mary Dunn", None)]


def test_according_to_opening_a_sentence_beats_the_verb_after_it() -> None:
    paragraphs = [
        (
            "According to the Daily Ledger, campaign spokesman Jon Pratt said Friday that the mayor "
            "“would sign this bill if it reached her desk.”"
        )
    ]
    assert said(paragraphs) == [("Daily Ledger", None)]


def test_according_to_inside_a_sentence_leaves_the_verb_subject() -> None:
    paragraphs = [
        (
            "Jon Pratt, according to the Daily Ledger, said Friday that the mayor “would sign this "
            "bill if it reached her desk.”"
        )
    ]
    assert said(paragraphs) == [("Jon Pratt", None)]


def test_quantified_group_is_an_unnamed_speaker() -> None:
    paragraphs = [
        "Voters were asked about Ana Ruiz.",
        "Only 48 percent of likely voters agreed that Ruiz is “ready to lead the state on day one.”",
    ]
    assert said(paragraphs) == [(None, "Only 48 percent of likely voters")]


def test_a_poll_that_found_a_quote_speaks_for_it() -> None:
    paragraphs = [
        "Voters were asked about Ana Ruiz.",
        (
            "Only 48 percent of likely voters agreed that Ruiz is “ready to lead the state on day one,” "
            "the poll found."
        ),
    ]
    assert said(paragraphs) == [(None, "the poll")]


def test_name_after_a_preposition_is_not_the_subject() -> None:
    paragraphs = [
        (
            "A March 3 letter from the Harbor Trust obtained by the Daily Ledger warns that "
            "“any further use of the logo will be taken to court.”"
        )
    ]
    assert said(paragraphs) == [("Harbor Trust", None)]


def test_name_after_with_is_the_subject_of_its_participle() -> None:
    paragraphs = [
        (
            "Both officials saw the vote as a setback, with Rosa Diaz noting the danger of "
            "“a few hundred votes here and a few hundred there.”"
        )
    ]
    assert said(paragraphs) == [("Rosa Diaz", None)]


def test_appositive_closed_by_a_dash_leaves_its_name_the_subject() -> None:
    paragraphs = [
        (
            "A former candidate -- Rosa Diaz, who lost the race to Tom Hale -- said the plan "
            "“changes nothing about the old strategy.”"
        )
    ]
    assert said(paragraphs) == [("Rosa Diaz", None)]


def test_quantity_is_an_unnamed_speaker() -> None:
    paragraphs = ["In the Daily Ledger poll, 75 percent of voters said “most people in politics” lie."]
    assert said(paragraphs) == [(None, "75 percent of voters")]


def test_document_reporting_in_the_present_is_an_unnamed_speaker() -> None:
    paragraphs = [
        "Tom Hale has been under pressure at home.",
        "“There are worms with more spine than Tom Hale,” reads a Sunday editorial in the Daily Ledger.",
    ]
    assert said(paragraphs) == [("Daily Ledger", None)]


def test_relative_clause_after_an_unnamed_speaker_is_not_its_name() -> None:
    paragraphs = [
        (
            "“I can only say that the office made a series of calls,” said one source who "
            "named Tom Hale but asked not to be quoted by name."
        )
    ]
    assert said(paragraphs) == [(None, "one source")]


def test_role_noun_comes_before_a_preposition() -> None:
    paragraphs = [
        (
            "Another police source speaking to Radio Norte said, “The officers are checking every "
            "payment made since 2009.”"
        )
    ]
    assert said(paragraphs) == [(None, "Another police source speaking to Radio Norte")]


def test_speaker_of_a_short_quotation_speaks_the_quote_after_it() -> None:
    paragraphs = [
        "Tom Hale was never charged.",
        "“There were mistakes,” said a retired county official. “But were they deliberate mistakes?”",
    ]
    assert said(paragraphs) == [(None, "a retired county official")]


def test_unnamed_subject_of_a_participle_opens_the_sentence() -> None:
    paragraphs = [
        (
            "In May, several farming groups granted Tom Hale more time on a loan repayment, "
            "saying his “first harvest was smaller than planned.”"
        )
    ]
    assert said(paragraphs) == [(None, "several farming groups")]


def test_unnamed_speaker_before_an_appositive() -> None:
    paragraphs = [
        (
            "A Chilean official, speaking without permission, said Thursday that Tom Hale "
            "“will receive any envoy who asks for a visit.”"
        )
    ]
    assert said(paragraphs) == [(None, "A Chilean official")]


def test_verb_before_its_speaker_after_a_conjunction() -> None:
    paragraphs = [
        (
            "Tom Hale said the show was “always kind to everyone who worked there.” But, said Rosa Diaz, "
            "“I don't want to drum up a conflict with anyone at all.”"
        )
    ]
    assert said(paragraphs)[-1] == ("Rosa Diaz", None)


def test_source_cited_after_the_speaker_is_the_speaker() -> None:
    paragraphs = [
        "Rosa Diaz spoke to the board on Monday.",
        "“The harvest was the worst we have seen in a decade,” Rosa Diaz said, according to Tom Hale.",
        "“We will not sell the farm this year,” said Rosa Diaz, according to a recording of the meeting.",
    ]
    assert said(paragraphs) == [("Tom Hale", None), (None, "a recording of the meeting")]


def test_verb_after_a_comma_in_the_words_after_a_quote_precedes_its_speaker() -> None:
    paragraphs = [
        "“This will be a real challenge” for Tom Hale, said Rosa Diaz. She spoke on Monday.",
        "“The numbers do not add up” unless the plan changes, said Rosa Diaz.",
    ]
    assert said(paragraphs) == [("Rosa Diaz", None), ("Rosa Diaz", None)]


def test_later_quote_of_a_sentence_keeps_the_speaker_of_the_earlier_one() -> None:
    paragraphs = [
        (
            "Tom Hale “was treated far too lightly for his offence,” said Rosa Diaz and described "
            "the whole case as “a much lesser set of circumstances.”"
        )
    ]
    assert said(paragraphs) == [("Rosa Diaz", None), ("Rosa Diaz", None)]


def test_remembered_reports_speech() -> None:
    paragraphs = [
        (
            "Tom Hale ran the company for years. “An awful lot of analysts told her not to do this "
            "deal,” remembered Rosa Diaz, a former aide."
        )
    ]
    assert said(paragraphs) == [("Rosa Diaz", None)]


def test_verb_between_commas_before_its_speaker_inside_a_sentence() -> None:
    paragraphs = [
        "The paradox of Tom Hale, says Rosa Diaz, a historian, is that he was “one of the most powerful men of his era.”"
    ]
    assert said(paragraphs) == [("Rosa Diaz", None)]


def test_her_before_a_noun_is_a_determiner_not_the_speaker() -> None:
    paragraphs = [
        "Rosa Diaz spoke on Monday. Her campaign blasted out an email stating, “Tom Hale joins a growing list of critics.”",
        "“Tom Hale has joined a growing list of critics,” her spokesman said.",
    ]
    assert said(paragraphs) == [(None, "Her campaign"), (None, "her spokesman")]


def test_a_clause_of_the_writer_then_said_x_attributes_the_quote() -> None:
    paragraphs = [
        (
            "“It would be a real embarrassment for the party” if it lost the seat, said Carl Moreno, "
            "an analyst at the Hill Institute. “It would end the leadership race” because it would "
            "split the vote, he said."
        )
    ]
    assert said(paragraphs) == [("Carl Moreno", None), ("Carl Moreno", None)]


def test_a_title_between_the_verb_and_the_name() -> None:
    paragraphs = ["“We are going to push much harder now,” said former New Mexico Gov. Lena Marsh."]
    assert said(paragraphs) == [("Lena Marsh", None)]


def test_an_organisation_opening_a_title_is_no_subject() -> None:
    paragraphs = [
        (
            "Before the vote, Brookfield Police Chief Nora Quill asked for a ban, saying, “The fewer "
            "fireworks, the safer for every street.” The town is one of 12 towns where that is the rule."
        )
    ]
    assert said(paragraphs) == [("Nora Quill", None)]


def test_words_naming_nobody_after_a_quote_leave_the_cue_before_it() -> None:
    paragraphs = [
        (
            "Mark Stone said he hoped the bill would be “the best of both worlds for everyone,” giving "
            "states more power."
        )
    ]
    assert said(paragraphs) == [("Mark Stone", None)]


def test_the_quote_after_a_cue_sentence_shares_its_speaker() -> None:
    paragraphs = [
        (
            "“They are not terminable at will,” spokesman Ron Lane told the Journal, after the mayor "
            "stated an interest in ending them. “These contracts are fully binding on both sides.”"
        )
    ]
    assert said(paragraphs) == [("Ron Lane", None), ("Ron Lane", None)]


def test_a_pull_quote_takes_the_speaker_of_its_attributed_copy() -> None:
    quote = "I worry that we may see a return of the old budget fights this year"
    paragraphs = [
        "Anna Berg is the new minister of finance.",
        f"“{quote}.”",
        "Her critics were loud at the meeting on Monday.",
        f"“{quote},” said Paul Weber, an economist at the Centre for Policy Research.",
    ]
    assert said(paragraphs) == [("Paul Weber", None), ("Paul Weber", None)]


def test_a_role_in_the_possessive_is_not_the_speaker() -> None:
    paragraphs = [
        "House Speaker Paul Ryan met the president on Tuesday to discuss the budget.",
        "“The speaker has made clear that he will not support the plan,” the speaker’s spokeswoman said.",
    ]
    assert said(paragraphs) == [(None, "the speaker’s spokeswoman")]


def test_the_issuer_of_a_survey_or_email_speaks_for_it() -> None:
    paragraphs = [
        "Tobias Hendricks spoke on Monday.",
        (
            "Hendricks’ fundraising email to his donors notes that Jane Kim “is a housing lawyer who has worked "
            "for decades.” In 2011, Pew found that “nearly three times as many voters called it urgent.”"
        ),
    ]
    assert said(paragraphs) == [("Tobias Hendricks", None), ("Pew", None)]


def test_a_possessive_object_before_the_verb_is_no_speaker() -> None:
    paragraphs = [
        (
            "A spokesman for Cedar Creek declined to discuss the Treasury's audit but said in a statement that "
            "“the firm handled the account like every other one.”"
        )
    ]
    assert said(paragraphs) == [(None, "A spokesman for Cedar Creek")]


def test_the_holder_of_a_role_named_after_its_possessor_speaks() -> None:
    paragraphs = [
        "“We have not seen the final draft of the bill yet,” said Garner’s top budget aide Owen Pratt.",
        "“We treat the next month as one long election day,” said Vale’s deputy campaign manager, Rita Soames, who ran it.",
    ]
    assert said(paragraphs) == [("Owen Pratt", None), ("Rita Soames", None)]


def test_a_possessor_after_the_verb_whose_role_holder_is_unnamed_is_no_speaker() -> None:
    paragraphs = ["“This is not the end of the story at all,” said Trump’s campaign manager."]
    assert said(paragraphs) == [(None, "Trump’s campaign manager")]


def test_a_possessed_role_is_not_the_topic_person_who_holds_another_title() -> None:
    paragraphs = [
        "House Speaker Paul Ryan said on Tuesday that he would not support the bill in its current form.",
        "“We are reviewing the text of the bill very closely,” said the senator’s spokesman.",
    ]
    assert said(paragraphs) == [(None, "the senator’s spokesman")]


def test_a_possessed_role_may_be_the_untitled_topic_person() -> None:
    paragraphs = [
        "Peter Lund on Thursday urged the mayor to withdraw her comments.",
        "“Frankly, that was shameful,” Garner's former campaign adviser said on the radio.",
    ]
    assert said(paragraphs) == [("Peter Lund", None)]


def test_a_report_speaks_for_the_organisation_that_issued_it() -> None:
    paragraphs = [
        "A report by the Institute for Fiscal Studies found that the cuts fell hardest on the poor.",
        "“The poorest tenth of households lose the most from these changes,” the report said.",
        "The study, published by the Brookings Institution, says: “Growth will slow sharply next year.”",
    ]
    assert said(paragraphs) == [("Institute for Fiscal Studies", None), ("Brookings Institution", None)]


def test_a_document_whose_issuer_is_not_named_is_kept_as_its_description() -> None:
    paragraphs = [
        "Maria Lopez obtained a copy of the report on Monday.",
        "“The poorest tenth of households lose the most from these changes,” the report said.",
    ]
    assert said(paragraphs) == [(None, "the report")]


def test_a_quote_under_an_email_header_is_spoken_by_its_sender() -> None:
    paragraphs = [
        "The emails show how aides handled the requests.",
        "From: Cheryl Mills",
        "To: Huma Abedin",
        "Subject: Re: Server",
        "“Can you check with the team whether the server is back up before the meeting tomorrow?”",
    ]
    assert said(paragraphs) == [("Cheryl Mills", None)]


def test_a_verb_after_the_writers_clause_names_its_speaker_before_an_appositive_with_commas() -> None:
    paragraphs = [
        "Jeb Bush spoke in Iowa.",
        (
            "“Clubs are struggling to sell tickets. They have no choice” but to cut prices, says Nora "
            "Vance, a consultant with Grant Partners in Dayton, Ohio."
        ),
    ]
    assert said(paragraphs) == [("Nora Vance", None)]


def test_a_quoted_fragment_takes_the_cue_of_the_later_quote_of_its_sentence() -> None:
    paragraphs = [
        "Maria Lopez spoke first on Monday.",
        "Taxes are “the biggest drag on growth” and “a burden on our families,” Anna Berg, the former mayor, told a crowd.",
    ]
    assert said(paragraphs) == [("Anna Berg", None), ("Anna Berg", None)]


def test_adjacent_quotes_of_two_speakers_keep_their_own() -> None:
    paragraphs = [
        (
            "“There is a lot of slack in the sector,” said Cary Leahy, an economist. “So there is still slack "
            "in manufacturing,” “Overall I would say manufacturing improves,” said Steven Wieting, another economist."
        )
    ]
    assert said(paragraphs)[1] == ("Cary Leahy", None)


def test_an_opening_fragment_is_spoken_by_the_subject_of_the_verb_after_it() -> None:
    paragraphs = ["Taxes are “the biggest drag on growth,” Anna Berg proclaimed to a crowd on Tuesday."]
    assert said(paragraphs) == [("Anna Berg", None)]


def test_a_quoted_phrase_inside_a_sentence_keeps_the_verb_before_it_over_a_relative_clause_after() -> None:
    paragraphs = [
        (
            "Ron Vale says he is “as good as level in the race” with Lisa Marsh, in a result that he "
            "said beat the polls."
        ),
        "Ann Lee said the deal was “a very good one for the city” and Tom Hale, who said little, agreed.",
    ]
    assert said(paragraphs)[0] == ("Ron Vale", None)


def test_a_closing_cue_after_a_quoted_phrase_still_names_its_speaker() -> None:
    paragraphs = ["Garner “felt a duty to act on” the housing shortage, Peter Lund said."]
    assert said(paragraphs) == [("Peter Lund", None)]


# The words a title run is made of: capitals, other word characters, spaces and punctuation.
TITLE_TEXT = st.text(alphabet="ASas .'’-_1,\n\u00a0É“", max_size=16)


@given(TITLE_TEXT)
@settings(max_examples=300, deadline=None)
def test_untitled_cuts_the_title_run_a_pattern_anchored_at_the_end_would(lead: str) -> None:
    """``_untitled`` reads the reversed text to stay linear; what it cuts is what the plain
    pattern ``(?:[A-Z][\\w.'’-]*\\s+)+$`` finds, which is quadratic on a long run of capitals."""
    anchored = re.compile(r"(?:[A-Z][\w.'’-]*\s+)+$")
    assert _untitled(lead) == anchored.sub("", lead)


def test_untitled_keeps_what_opens_the_sentence() -> None:
    assert _untitled("Asked about the vote, Senator ") == "Asked about the vote, "
    assert _untitled("On Sunday, Prime Minister ") == "On Sunday, "
    assert _untitled("the visiting ") == "the visiting "
    assert _untitled("a US-backed ") == "a "  # a word that opens in a capital
