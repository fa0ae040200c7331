"""Hypothesis strategies that build valid canonical models, shared by the format tests."""

from __future__ import annotations

from hypothesis import strategies as st

from newsconv.model import Article, Organization, Person, Place, Quote, Span

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
