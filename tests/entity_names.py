"""Shared test helper: the person, organisation and place names an extraction found."""

from __future__ import annotations

from newsconv.text.extract import Extraction


def names(found: Extraction) -> tuple[set[str], set[str], set[str]]:
    """The person, organisation and place names of an extraction."""
    return (
        {p.name for p in found.persons},
        {o.name for o in found.organizations},
        {p.name for p in found.places},
    )
