"""Hypothesis strategies that build valid canonical models, shared by the format tests."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone
from typing import TypeVar

from hypothesis import strategies as st
from lxml import etree

from newsconv import body
from newsconv.model import (
    ITEM_TYPES,
    PUB_STATUSES,
    Article,
    Author,
    Concept,
    Link,
    MediaItem,
    Organization,
    Person,
    Place,
    Quote,
    Rendition,
    Rights,
    Span,
)

T = TypeVar("T")

# Any printable text, including quotation marks of every kind and non-Latin scripts.
text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\u2028\u2029"),
    min_size=1,
    max_size=40,
).filter(lambda s: s.strip() == s and s != "")
optional_text = st.none() | text


@st.composite
def articles(draw: st.DrawFn) -> Article:
    """A random article whose quotes and mentions point at real text in its paragraphs."""
    paragraphs = tuple(draw(st.lists(text, min_size=0, max_size=4)))

    def spans() -> st.SearchStrategy[tuple[Span, ...]]:
        if not paragraphs:
            return st.just(())
        return st.lists(
            st.integers(0, len(paragraphs) - 1).flatmap(
                lambda i: st.tuples(
                    st.integers(0, len(paragraphs[i])), st.integers(0, len(paragraphs[i]))
                ).map(lambda ab, i=i: Span(i, min(ab), max(ab)))
            ),
            max_size=2,
        ).map(tuple)

    def names() -> st.SearchStrategy[tuple[str, ...]]:
        return st.lists(text, max_size=2, unique=True).map(tuple)

    persons = tuple(
        Person(
            f"person-{n}", draw(text), draw(names()), draw(spans()), draw(optional_text), draw(optional_text)
        )
        for n in range(1, draw(st.integers(0, 3)) + 1)
    )
    organizations = tuple(
        Organization(f"org-{n}", draw(text), draw(names()), draw(spans()))
        for n in range(1, draw(st.integers(0, 3)) + 1)
    )
    places = tuple(
        Place(f"place-{n}", draw(text), draw(names()), draw(spans()))
        for n in range(1, draw(st.integers(0, 2)) + 1)
    )
    speakers = [None, *(e.id for e in (*persons, *organizations))]
    quotes = []
    for n in range(1, draw(st.integers(0, 3)) + 1):
        quote_spans = draw(spans())
        quotes.append(
            Quote(
                f"quote-{n}",
                " ".join(paragraphs[s.paragraph][s.start : s.end] for s in quote_spans),
                quote_spans,
                draw(st.sampled_from(speakers)),
                draw(optional_text),
            )
        )
    return Article(
        headline=draw(text),
        paragraphs=paragraphs,
        description=draw(optional_text),
        byline=draw(optional_text),
        dateline=draw(optional_text),
        language=draw(st.sampled_from(["en", "en-GB", "de", "fr-CA"])),
        quotes=tuple(quotes),
        persons=persons,
        organizations=organizations,
        places=places,
        source=draw(optional_text),
        publisher=draw(optional_text),
    )


# --- news metadata (identity, status, dates, rights, vocabularies, media, body structure) ---

_token = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789-_", min_size=1, max_size=12)
optional_token = st.none() | _token
uris = st.builds(lambda host, path: f"https://{host}.example/{path}", _token, _token)
optional_uri = st.none() | uris
item_uris = st.builds(lambda name: f"urn:example:item:{name}", _token)
"""Identifiers of items, never equal to a web address (a rendition's, a link's) in the same article."""
optional_item_uri = st.none() | item_uris
moments = st.datetimes(
    min_value=datetime(1990, 1, 1),
    max_value=datetime(2100, 1, 1),
    timezones=st.sampled_from([UTC, timezone(timedelta(hours=1)), timezone(-timedelta(hours=5, minutes=30))]),
).map(lambda moment: moment.replace(microsecond=0))
optional_moment = st.none() | moments
concepts = st.builds(
    Concept, name=optional_text, scheme=optional_token, code=optional_token, uri=optional_uri, role=st.none()
)
rights = st.builds(
    Rights,
    holder=st.none() | st.builds(Concept, name=text, uri=optional_uri),
    notice=optional_text,
    usage_terms=optional_text,
    licence=optional_uri,
    data_mining=st.none() | st.sampled_from(["http://ns.useplus.org/ldf/vocab/DMI-PROHIBITED-AIMLTRAINING"]),
).filter(lambda r: r != Rights())  # rights that say nothing are no rights
sizes = st.none() | st.integers(0, 10_000)
renditions = st.builds(
    Rendition,
    href=uris,
    mime_type=st.none() | st.sampled_from(["image/jpeg", "image/png", "video/mp4"]),
    width=sizes,
    height=sizes,
    size=sizes,
    name=optional_token,
)
media_items = st.builds(
    MediaItem,
    uri=optional_item_uri,
    item_type=st.sampled_from(["picture", "video", "graphic", "audio"]),
    caption=optional_text,
    credit=optional_text,
    renditions=st.lists(renditions, max_size=2).map(tuple),
)
links = st.builds(
    Link, href=uris, rel=optional_token, title=optional_text, mime_type=st.none() | st.just("text/html")
)


def tuples(strategy: st.SearchStrategy[T], size: int = 2) -> st.SearchStrategy[tuple[T, ...]]:
    """Tuples of up to ``size`` values drawn from ``strategy``."""
    return st.lists(strategy, max_size=size).map(tuple)


_XML_TEXT = re.compile("^[^\ufffe\uffff]*$")


@st.composite
def structured_bodies(draw: st.DrawFn, paragraphs: tuple[str, ...]) -> str | None:
    """A safe XHTML body whose block texts are ``paragraphs``: headings, lists, quotes, tables, links."""
    if not paragraphs or not all(_XML_TEXT.match(p) for p in paragraphs):
        return None
    root = etree.Element("body")
    holder = root
    for paragraph in paragraphs:
        kind = draw(st.sampled_from(["p", "h2", "li", "quote", "td", "em", "a"]))
        if kind == "li":
            holder = holder if holder.tag == "ul" else etree.SubElement(root, "ul")
        else:
            holder = root
        if kind == "quote":
            block = etree.SubElement(etree.SubElement(root, "blockquote"), "p")
        elif kind == "td":
            block = etree.SubElement(etree.SubElement(etree.SubElement(root, "table"), "tr"), "td")
        else:
            block = etree.SubElement(holder, kind if kind in ("h2", "li") else "p")
        if kind in ("em", "a") and paragraph:
            cut = draw(st.integers(0, len(paragraph)))
            block.text = paragraph[:cut] or None
            inline = (
                etree.SubElement(block, kind, href=draw(uris))
                if kind == "a"
                else etree.SubElement(block, kind)
            )
            inline.text = paragraph[cut:] or None
        else:
            block.text = paragraph or None
    if all(child.tag == "p" and len(child) == 0 for child in root):
        return None  # plain paragraphs are no structure: readers give None for them
    return body.serialize(root)


@st.composite
def news_articles(draw: st.DrawFn) -> Article:
    """A random article carrying every kind of news metadata the model has."""
    article = draw(articles())
    embargoed = draw(optional_moment)
    published = draw(optional_moment)
    if published is not None and embargoed is not None and published < embargoed:
        published, embargoed = embargoed, published
    return replace(
        article,
        published=published,
        guid=draw(optional_item_uri),
        version=draw(st.none() | st.integers(1, 99)),
        corrects=draw(optional_item_uri),
        signals=draw(tuples(st.sampled_from(["sig:correction", "sig:update", "sig:amendment"]))),
        url=draw(optional_uri),
        item_type=draw(st.sampled_from(ITEM_TYPES)),
        pub_status=draw(st.sampled_from(PUB_STATUSES)),
        embargoed=embargoed,
        urgency=draw(st.none() | st.integers(1, 9)),
        first_created=draw(optional_moment),
        version_created=draw(optional_moment),
        content_created=draw(optional_moment),
        content_modified=draw(optional_moment),
        rights=draw(st.none() | rights),
        subjects=draw(tuples(concepts, 3)),
        genres=draw(tuples(concepts)),
        keywords=draw(tuples(text)),
        slugline=draw(optional_text),
        alternative_headlines=draw(tuples(text)),
        credit=draw(optional_text),
        info_sources=draw(
            tuples(st.builds(Concept, name=optional_text, uri=optional_uri, role=optional_token))
        ),
        editorial_notes=draw(tuples(text)),
        located=draw(st.none() | concepts),
        renditions=draw(tuples(renditions)),
        media=draw(tuples(media_items)),
        links=draw(tuples(links)),
        body_xhtml=draw(st.none() | structured_bodies(article.paragraphs)),
        authors=draw(tuples(st.builds(Author, name=text, url=optional_uri, job_title=optional_text))),
        publisher_url=draw(optional_uri),
        publisher_logo=draw(optional_uri),
        section=draw(optional_text),
    )
