#!/usr/bin/env python3
"""The loss table: which model fields of real feed items survive each output format.

    python scripts/loss_table.py ../shared/corpora/newsml-g2-examples ../shared/corpora/ninjs-examples

Every NewsML-G2 and ninjs file under the folders is read; each of its items is written to every
format that reads back (validated) and read back by our own reader. A field that is present in the
item and comes back different is a loss. A cell shows ``lost/present``; ``-`` marks a format that
has no place for the field (see :data:`NO_PLACE`), where losing it is expected. Files the readers
refuse (concept items, event documents…) are listed with the reason. Exit 1 if any field with a
place was lost or any output was invalid.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, fields, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import newsconv
from newsconv import registry
from newsconv.formats import schemaorg, schemaorg_meta
from newsconv.formats.schemaorg_nodes import absolute, safe_iri
from newsconv.model import Article, Concept, Entity, Person, Quote, Rendition, Rights

FORMATS = ("model", "newsml", "ninjs", "ninjs2", "jsonld", "turtle", "ntriples", "rdfxml")
SCHEMA_ORG = frozenset({"jsonld", "turtle", "ntriples", "rdfxml"})
SUFFIXES = frozenset({".xml", ".json"})
SKIPPED_FIELDS = frozenset({"source"})
"""Fields that say where an article came from, not what it is."""

NINJS = frozenset({"ninjs", "ninjs2"})
NO_PLACE: dict[str, frozenset[str]] = {
    "model": frozenset(),
    "newsml": frozenset({"authors", "publisher_url", "publisher_logo", "section"}),  # CMS fields: not yet
    **dict.fromkeys(NINJS, frozenset({"content_modified", "corrects", "signals", "publisher_logo"})),
    **dict.fromkeys(
        SCHEMA_ORG,
        frozenset(
            {
                "embargoed",
                "urgency",
                "content_created",
                "content_modified",
                "corrects",
                "signals",
                "info_sources",
                "links",
                "editorial_notes",
                "body_xhtml",
            }
        ),
    ),
}
"""Model fields a format has no place for (the README's field-mapping table says so); editorial
notes have no place in public formats by policy."""


def _utc(moment: datetime | None) -> datetime | None:
    return moment.replace(tzinfo=UTC) if moment is not None and moment.utcoffset() is None else moment


def _identified(concept: Concept | None, role: bool = True) -> Concept | None:
    """A concept as ninjs and schema.org keep it: a scheme only with a code."""
    if concept is None:
        return None
    return replace(
        concept, scheme=concept.scheme if concept.code else None, role=concept.role if role else None
    )


def _rights(rights: Rights | None, holder_uri: bool) -> Rights | None:
    """Rights without the data-mining preference and the holder's codes (neither format has a place)."""
    if rights is None:
        return None
    holder = rights.holder
    if holder is not None:
        holder = Concept(holder.name, uri=holder.uri if holder_uri else None) if holder.name else None
    kept = replace(rights, holder=holder, data_mining=None)
    return None if kept == Rights() else kept


def _genre(concept: Concept) -> Concept | None:
    """schema.org's ``genre`` is text or a URL: the uri, else the name, else the code."""
    if concept.uri is not None:
        return Concept(uri=concept.uri)
    name = concept.name if concept.name is not None else concept.qcode or concept.code
    return Concept(name=name) if name is not None else None


def _schema_org_entity(entity: Entity) -> Entity:
    """What schema.org keeps of an entity: no mention offsets, aliases as a set."""
    return replace(entity, mentions=(), aliases=tuple(sorted(set(entity.aliases))))


def _schema_org_quote(quote: Quote) -> Quote:
    """What schema.org keeps of a quote: no offsets; speaker text only without a named speaker."""
    return replace(quote, spans=(), speaker_text=None if quote.speaker else quote.speaker_text)


def _ninjs_person(entity: Entity) -> Entity:
    """ninjs ``people`` entries hold no title or affiliation."""
    return replace(entity, title=None, affiliation=None) if isinstance(entity, Person) else entity


def _by_id(items: Iterable[Any]) -> tuple[Any, ...]:
    return tuple(sorted(items, key=lambda item: item.id))


def _set(values: Iterable[Any]) -> tuple[Any, ...]:
    return tuple(sorted(set(values), key=repr))


def _absolute(url: str | None) -> str | None:
    """A URL as RDF keeps it: absolute, with what IRIs forbid percent-encoded (else nothing)."""
    return safe_iri(url) if url is not None and absolute(url) else None


def _iri_safe(renditions: Iterable[Rendition]) -> tuple[Rendition, ...]:
    """Renditions as RDF keeps them: a character no IRI may hold (a space) percent-encoded."""
    return tuple(replace(r, href=safe_iri(r.href)) for r in renditions)


Normaliser = Callable[[Article], Any]
_SCHEMA_ORG: dict[str, Normaliser] = {
    "byline": lambda a: schemaorg.join_byline(
        [x.name for x in a.authors] if a.authors else schemaorg.byline_names(a.byline)
    ),
    "authors": lambda a: tuple(replace(x, url=_absolute(x.url)) for x in a.authors),
    "publisher_url": lambda a: _absolute(a.publisher_url) if a.publisher else None,
    "publisher_logo": lambda a: _absolute(a.publisher_logo) if a.publisher else None,
    "section": lambda a: a.section if schemaorg_meta.root_type(a) == "NewsArticle" else None,
    "paragraphs": lambda a: tuple(p for p in (p.strip() for p in a.paragraphs) if p),
    "persons": lambda a: _by_id(map(_schema_org_entity, a.persons)),
    "organizations": lambda a: _by_id(map(_schema_org_entity, a.organizations)),
    "places": lambda a: _by_id(map(_schema_org_entity, a.places)),
    "quotes": lambda a: _by_id(map(_schema_org_quote, a.quotes)),
    "published": lambda a: schemaorg_meta.published(a),
    "rights": lambda a: _rights(a.rights, holder_uri=True),
    "subjects": lambda a: tuple(replace(s, role=None) for s in a.subjects),
    "genres": lambda a: _set(g for g in map(_genre, a.genres) if g is not None),
    "keywords": lambda a: _set(a.keywords),
    "alternative_headlines": lambda a: _set(a.alternative_headlines),
    "located": lambda a: _identified(a.located, role=False) if a.located and a.located.name else None,
    "renditions": lambda a: _iri_safe(a.renditions),
    "media": lambda a: tuple(replace(m, renditions=_iri_safe(m.renditions)) for m in a.media),
}
_NINJS: dict[str, Normaliser] = {
    "persons": lambda a: tuple(map(_ninjs_person, a.persons)),
    "authors": lambda a: tuple(replace(x, job_title=None) for x in a.authors),
    "publisher_url": lambda a: a.publisher_url if a.publisher is not None else None,
    "published": lambda a: _utc(a.version_created or a.published),
    "version_created": lambda a: _utc(a.version_created or a.published),
    "rights": lambda a: _rights(a.rights, holder_uri=False),
    "subjects": lambda a: tuple(map(_identified, a.subjects)),
    "info_sources": lambda a: tuple(map(_identified, a.info_sources)),
    "genres": lambda a: tuple(_identified(g, role=False) for g in a.genres),
    "located": lambda a: _identified(a.located, role=False),
}
NORMALISED: dict[tuple[str, str], Normaliser] = {
    **{(name, fmt): f for fmt in SCHEMA_ORG for name, f in _SCHEMA_ORG.items()},
    **{(name, fmt): f for fmt in NINJS for name, f in _NINJS.items()},
    ("links", "ninjs2"): lambda a: tuple(replace(k, rel=None) for k in a.links),
}
"""How a format normalises a field it carries (documented in the README's round-trip table): RDF has
no order, so schema.org formats compare entities and quotes by id and plain values as sets."""


@dataclass
class Table:
    """Per (field, format): how many items had the field and how many lost it; the failures."""

    present: dict[tuple[str, str], int] = field(default_factory=dict)
    lost: dict[tuple[str, str], int] = field(default_factory=dict)
    examples: dict[tuple[str, str], str] = field(default_factory=dict)
    refused: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    items: int = 0

    def losses(self) -> list[str]:
        """Each (field, format) with a place that lost the field, with the first item that lost it."""
        return [
            f"{name} in {fmt}: {count} lost, e.g. {self.examples[(name, fmt)]}"
            for (name, fmt), count in sorted(self.lost.items())
            if count and name not in NO_PLACE[fmt]
        ]

    def render(self) -> str:
        """The table as Markdown: fields down, formats across."""
        names = sorted({name for name, _ in self.present})
        lines = [f"| field | {' | '.join(FORMATS)} |", f"|---|{'---|' * len(FORMATS)}"]
        for name in names:
            cells = []
            for fmt in FORMATS:
                present = self.present.get((name, fmt), 0)
                cell = f"{self.lost.get((name, fmt), 0)}/{present}"
                cells.append(f"- ({cell})" if name in NO_PLACE[fmt] else cell)
            lines.append(f"| {name} | {' | '.join(cells)} |")
        return "\n".join(lines)


def _present(value: Any) -> bool:
    return value not in (None, (), "", [], {})


def _compare(table: Table, label: str, original: Article, back: Article, fmt: str) -> None:
    for model_field in fields(Article):
        name = model_field.name
        before = getattr(original, name)
        if name in SKIPPED_FIELDS or not _present(before):
            continue
        key = (name, fmt)
        table.present[key] = table.present.get(key, 0) + 1
        normalise = NORMALISED.get(key, lambda article, name=name: getattr(article, name))
        if normalise(back) != normalise(original):
            table.lost[key] = table.lost.get(key, 0) + 1
            table.examples.setdefault(key, label)


def add_item(table: Table, label: str, article: Article) -> None:
    """Write one item to every format, read each back, and count what came back different."""
    table.items += 1
    for fmt in FORMATS:
        try:
            document = newsconv.write(article, fmt)
            back = registry.get(fmt).read(document.encode("utf-8"), article.source)
        except newsconv.NewsconvError as error:
            table.failed.append(f"{label} → {fmt}: {type(error).__name__}: {error}")
            continue
        _compare(table, label, article, back, fmt)


def loss_table(paths: Iterable[Path]) -> Table:
    """The loss table of every item in the given files."""
    table = Table()
    for path in paths:
        try:
            reading = newsconv.read_document(path.read_bytes(), source=str(path))
        except newsconv.NewsconvError as error:
            table.refused.append(f"{path.name}: {error}")
            continue
        for number, article in enumerate(reading.articles, 1):
            label = path.name if len(reading.articles) == 1 else f"{path.name}#{number}"
            add_item(table, label, article)
    return table


def feed_files(folders: Iterable[Path]) -> list[Path]:
    """The XML and JSON files under the folders, sorted."""
    return sorted(p for folder in folders for p in folder.rglob("*") if p.suffix in SUFFIXES)


def main(arguments: list[str]) -> int:
    table = loss_table(feed_files(Path(a) for a in arguments))
    print(f"{table.items} items; cells are lost/present, '-' where the format has no place\n")
    print(table.render())
    for line in [*(f"refused: {r}" for r in table.refused), *table.failed, *table.losses()]:
        print(line)
    return 1 if table.failed or table.losses() else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
