"""Article layout from plain text: headline, byline, dateline, paragraphs, boilerplate."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsconv.errors import InputError
from newsconv.text.decode import decode
from newsconv.text.layout import Layout, split
from newsconv.text.reader import read

XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
BODY = "The council met on Monday to discuss the budget.\n\nIt agreed to raise taxes."


def test_headline_is_first_non_empty_line() -> None:
    layout = split("\n\n  Council raises taxes  \n\n" + BODY)
    assert layout.headline == "Council raises taxes"
    assert layout.paragraphs == (
        "The council met on Monday to discuss the budget.",
        "It agreed to raise taxes.",
    )


def test_byline() -> None:
    layout = split("Council raises taxes\nBy Jane Doe and John Roe, Staff Writers\n\n" + BODY)
    assert layout.byline == "By Jane Doe and John Roe, Staff Writers"
    assert layout.paragraphs[0].startswith("The council met")


def test_sentence_starting_with_by_is_no_byline() -> None:
    layout = split("Council raises taxes\n\nBy early 2025 the council will have raised taxes twice.")
    assert layout.byline is None
    assert layout.paragraphs == ("By early 2025 the council will have raised taxes twice.",)


@pytest.mark.parametrize(
    ("opening", "dateline"),
    [
        ("WASHINGTON (AP) — ", "WASHINGTON (AP)"),
        ("PHNOM PENH — ", "PHNOM PENH"),
        ("LONDON, March 3 (Reuters) - ", "LONDON, March 3 (Reuters)"),
        ("MANCHESTER, N.H. -- ", "MANCHESTER, N.H."),
        ("New York (AFP) – ", "New York (AFP)"),
        ("SELMA, N.C.—", "SELMA, N.C."),
    ],
)
def test_dateline_recorded_and_stripped(opening: str, dateline: str) -> None:
    layout = split(f"Headline here\n\n{opening}The council met on Monday.\n\nMore text.")
    assert layout.dateline == dateline
    assert layout.paragraphs[0] == "The council met on Monday."


def test_no_dateline_in_ordinary_sentence() -> None:
    layout = split("Headline here\n\nThe US - and Europe - agreed on Monday.")
    assert layout.dateline is None
    assert layout.paragraphs == ("The US - and Europe - agreed on Monday.",)


def test_one_line_paragraphs_even_without_blank_lines() -> None:
    layout = split("Headline\nFirst paragraph here.\n“A quote,” she said.\nLast one.")
    assert layout.paragraphs == ("First paragraph here.", "“A quote,” she said.", "Last one.")


def test_stray_line_break_inside_a_sentence_is_joined() -> None:
    layout = split(
        "Headline\nFirst paragraph here.\nThe council asked them to\ntake part.\n“A quote,” she said."
    )
    assert layout.paragraphs == (
        "First paragraph here.",
        "The council asked them to take part.",
        "“A quote,” she said.",
    )


def test_sentence_split_over_blank_line_is_joined() -> None:
    layout = split("Headline\n\nThe club said Real Madrid\n\ndid not bid.\n\nlowercase brand leads.")
    assert layout.paragraphs == ("The club said Real Madrid did not bid.", "lowercase brand leads.")


def test_attribution_lines_do_not_make_text_hard_wrapped() -> None:
    text = "Headline\n\n“First view.” ― Ann Doe\n“Second view.” ― Bob Roe\n“Third view.” ― Cy Poe\nLast."
    assert len(split(text).paragraphs) == 4


def test_bullet_lines_stay_separate() -> None:
    layout = split("Headline\n\nThe plan includes:\n\n- more money for schools\n - new roads\n")
    assert layout.paragraphs == ("The plan includes:", "- more money for schools", "- new roads")


def test_hard_wrapped_blocks_are_joined() -> None:
    text = (
        "Headline\n\nThe council met on Monday to discuss\nthe budget for the coming year and\n"
        "agreed to raise taxes.\n\nIt was the first rise\nin a decade, officials said.\n"
    )
    assert split(text).paragraphs == (
        "The council met on Monday to discuss the budget for the coming year and agreed to raise taxes.",
        "It was the first rise in a decade, officials said.",
    )


def test_hard_wrapped_paragraphs_split_at_indent() -> None:
    text = "Headline\n\n  The council met on Monday\nto discuss the budget.\n  It agreed to raise\ntaxes."
    assert split(text).paragraphs == (
        "The council met on Monday to discuss the budget.",
        "It agreed to raise taxes.",
    )


def test_trailer_and_newsletter_promo_removed_with_publisher() -> None:
    text = (
        "Headline\n\n" + BODY + "\n\nRelated Stories\n\nCouncil votes on parking fees\n\nLatest News\n\n"
        "The Weekly DispatchA weekly newsletter from The Springfield Herald delivered to your inbox. Sign up today."
    )
    layout = split(text)
    assert layout.paragraphs == (
        "The council met on Monday to discuss the budget.",
        "It agreed to raise taxes.",
    )
    assert layout.publisher == "The Springfield Herald"


def test_trailer_ends_at_a_real_paragraph() -> None:
    layout = split("Headline\n\nFirst.\n\nRelated\n\nA linked story title\n\nThe council later said more.")
    assert layout.paragraphs == ("First.", "The council later said more.")


@pytest.mark.parametrize(
    "line",
    [
        '<tweet tweet-id="412305678901234567"><tweet/>.',
        '<blockquote class="instagram-media">a post</blockquote>',
        "[Embedded content]",
        "Getty/Instagram.",
        "AP Photo/Evan Vucci",
        "Photo: Jane Doe/Reuters",
        "Image caption Protesters gathered outside",
        "Advertisement",
        "Story continues below advertisement",
        "Share this article",
        "Follow us on Twitter",
        "Follow Jane Doe on Twitter @janedoe.",
        "READ MORE: Council votes on parking",
        "Copyright 2016 The Springfield Herald. All rights reserved.",
        "(Additional reporting by John Roe; editing by Ann Poe)",
        "___",
        ".image-wrap {",
        "Do you back the mayor? Like the page:",
        "Follow @springfieldnews or #citycouncil.",
        "Watch the full interview below:",
        "Listen to our chat with the treasurer in the audio clip embedded below. Tune in weekly.",
        "(Subscribe to the Council Hour podcast on iTunes.)",
        "Sign up to get an email from our reporter when she publishes a new story.",
        "Like these briefings in your inbox? Sign up with the form below.",
        "(h/t The Springfield Herald.)",
        "EMAIL: council@example.org.",
        "Jane Roe is a columnist for the Herald. Follow her on Twitter @janeroe.",
        "Ann PoeFlagShareLikeReplyJo Doe 5ptsmoderatorFeaturedMay 6, 2016 9:17PMA post title",
        "Jane Smith leaves Downing Street on Monday (Photo: PA)",
        "Protesters outside the court (Pictures by Jane Doe).",
        "Jane Smith, the health minister.",
        "The chief executive of Acme, Jane Smith",
        "Media playback is unsupported on your device",
        "Share this with",
        "WhatsApp",
        "You can follow Anna Reed on Twitter at @annareed.",
        "Jane Doe / AFP / Getty Images",
        "Jane Doe for The New York Times",
    ],
)
def test_boilerplate_line_removed(line: str) -> None:
    layout = split(f"Headline\n\nFirst paragraph.\n\n{line}\n\nLast paragraph.")
    assert layout.paragraphs == ("First paragraph.", "Last paragraph.")


@pytest.mark.parametrize(
    "line",
    [
        "Watch what the mayor does next, she said.",
        "Voters will like the page of promises he handed out, she said.",
        "He told supporters to follow him on Twitter for updates.",
        "Jane Smith, the health minister, resigned on Monday.",
        "Jane Smith, the minister who resigned",
        "Harlow Campaign Chief Smiles, Dodges Reporter’s Question.",
        "- Best new play - The Lighthouse at Grand Theatre, Mill Street",
        "He spoke to the crowd (Photo opportunities were few).",
        "Trump wrote on Twitter: “Sad! @CNN is fake news.”",
        "He voted for the plan on Monday.",
    ],
)
def test_prose_that_mentions_watching_liking_or_following_stays(line: str) -> None:
    layout = split(f"Headline\n\nFirst paragraph.\n\n{line}\n\nLast paragraph.")
    assert line in layout.paragraphs


def test_editor_note_block_removed_even_when_wrapped() -> None:
    text = "Headline\n\nFirst paragraph.\n\nEditor’s note: This story\nwas corrected\nto fix a name.\n\nLast one."
    assert split(text).paragraphs == ("First paragraph.", "Last one.")


def test_editor_note_glued_to_a_paragraph_is_cut_off() -> None:
    text = "Headline\nFirst paragraph.\nLast paragraph, he said.”Editor's note: the writer is a columnist."
    assert split(text).paragraphs == ("First paragraph.", "Last paragraph, he said.”")


def test_letters_page_label_and_signatures_removed() -> None:
    text = "Stop the tax rise\n\nLetters.\n\nThe council should think again about taxes.\n\nJohn Doe.\n\nSpringfield, Ill."
    layout = split(text)
    assert layout.headline == "Stop the tax rise"
    assert layout.paragraphs == ("The council should think again about taxes.",)


def test_poll_name_with_slash_is_no_credit() -> None:
    text = "Headline\n\nFirst paragraph.\n\nReuters/Ipsos poll finds Clinton ahead."
    assert split(text).paragraphs == ("First paragraph.", "Reuters/Ipsos poll finds Clinton ahead.")


def test_short_capitalised_line_kept_outside_letters() -> None:
    assert split("Headline\n\nFirst paragraph.\n\nJohn Doe.").paragraphs == ("First paragraph.", "John Doe.")


def test_reader_builds_the_article() -> None:
    article = read(
        b"Council raises taxes\r\nBy Jane Doe\r\n\r\nPHNOM PENH \xe2\x80\x94 It agreed.\r\n", "a.txt"
    )
    assert (article.headline, article.byline, article.dateline) == (
        "Council raises taxes",
        "By Jane Doe",
        "PHNOM PENH",
    )
    assert (article.paragraphs, article.source) == (("It agreed.",), "a.txt")


def test_reader_rejects_text_that_is_all_boilerplate() -> None:
    with pytest.raises(InputError, match="boilerplate"):
        read(b"Advertisement\n\nShare this article\n", "ads.txt")


def test_layout_is_frozen() -> None:
    layout = split("Headline\n\nBody.")
    assert isinstance(layout, Layout)
    with pytest.raises(AttributeError):
        layout.headline = "x"  # type: ignore[misc]


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        st.binary(max_size=400), st.text(max_size=300).map(lambda s: s.encode("utf-8", "surrogatepass"))
    )
)
def test_random_bytes_never_yield_bad_paragraphs(data: bytes) -> None:
    try:
        layout = split(decode(data, "random"))
    except InputError as error:
        assert error.source == "random"
        return
    assert all(paragraph and not XML_FORBIDDEN.search(paragraph) for paragraph in layout.paragraphs)
    assert not XML_FORBIDDEN.search(layout.headline)


CORPORA = Path(__file__).resolve().parents[2] / "shared" / "corpora"


@pytest.mark.corpus
# PolNeAR's test split is held out: never read, not even by a robustness check.
@pytest.mark.parametrize(
    "pattern",
    [
        "bbc-fulltext/bbc/*/*.txt",
        *(f"polnear/data/{split}/text/*" for split in ("train", "dev", "annotator-training")),
    ],
)
def test_every_corpus_article_splits(pattern: str) -> None:
    files = sorted(CORPORA.glob(pattern))
    if not files:
        pytest.skip(f"no corpus at {CORPORA / pattern}")
    for path in files:
        layout = split(decode(path.read_bytes(), str(path)))
        assert layout.headline and layout.paragraphs, path


@pytest.mark.parametrize(
    "line",
    ["Nils Arvo via Getty Images.", "DORA K. WHITFIELD via Getty Images.", "Tess Mabry/Getty Images."],
)
def test_a_photographer_credited_via_an_agency_is_no_paragraph(line: str) -> None:
    layout = split(f"Headline\n\nThe vote was close.\n\n{line}\n\nThe count went on.\n")
    assert layout.paragraphs == ("The vote was close.", "The count went on.")


def test_a_sentence_sent_via_a_network_stays() -> None:
    assert split("Headline\n\nHe said so via Twitter.\n").paragraphs == ("He said so via Twitter.",)


def test_related_topics_open_a_trailer() -> None:
    layout = split("Headline\n\nFirst paragraph.\n\nRelated Topics\n\nHealth\n\nPolitics\n")
    assert layout.paragraphs == ("First paragraph.",)
