"""Any text either converts to outputs that validate or fails with InputError, never otherwise."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newsconv
from newsconv import registry

QUOTES = "\"'“”‘’«»„"
pieces = st.sampled_from(
    [
        "\n",
        "\n\n",
        "   ",
        "By Jane Roe",
        "LONDON (Reuters) — ",
        "Mr Smith said.",
        "“",
        "”",
        "he said",
        "\x00",
        "\x07",
        "\ufeff",
        "\r\n",
        "Related Stories",
        "x" * 3000,
        "Ms Kang",
        "UN",
        "said:",
        *QUOTES,
    ]
)
texts = st.lists(st.one_of(pieces, st.text(max_size=30)), max_size=25).map("".join)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(texts, st.binary(max_size=200)))
def test_any_input_converts_to_valid_outputs_or_fails_cleanly(data: str | bytes) -> None:
    try:
        article = newsconv.read(data, source="generated.txt")
    except newsconv.InputError as error:
        assert error.source == "generated.txt" and error.problem
        return
    for fmt in registry.writable():
        document = newsconv.write(article, fmt.name)  # validates; ValidationError fails the test
        assert document
