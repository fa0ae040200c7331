"""The trace of why each quote got its speaker."""

from __future__ import annotations

from newsconv.text import quotes as quoting
from newsconv.text.entities import Entities
from newsconv.text.speakers import Attributor


def test_each_quote_is_explained_by_the_rule_that_found_its_speaker() -> None:
    paragraphs = [
        "“We will appeal the ruling at once,” said Jane Doe, a lawyer for the family.",
        "“It is not over yet for anyone here.”",
    ]
    quoted, spans = quoting.quoted_and_quotes(paragraphs)
    attributor = Attributor(paragraphs, Entities(paragraphs), quoted)
    attributor.speakers(spans)
    lines = attributor.explain(spans)
    assert lines[0].startswith("0:1 'We will appeal") and lines[0].endswith(
        "-> person 'Jane Doe'; cue after the quote (said X)"
    )
    assert lines[1].endswith("-> person 'Jane Doe'; speaker of the quote before")
