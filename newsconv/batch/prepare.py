"""Warm-up: load and compile what formats need once per process, before the first article.

A worker process, a forked pool or a CMS plugin calls :func:`prepare` once; the first article
then costs what every other one does. It works by doing: a short sample article is read from
plain text (the extraction lexicons), written in each format and validated (its schemas, shapes
and contexts), and read back where the format reads (its parser), so whatever a format caches
is cached, without a list of caches to keep in step with the code.
"""

from __future__ import annotations

from collections.abc import Iterable

from newsconv import registry, schema_store
from newsconv.schema_store import SchemaStore
from newsconv.validate import checker

_SAMPLE = """Harbour bridge reopens after repairs

By Ana Lopez

LISBON, May 3 (Newsroom) - The city reopened the Harbour Bridge on Friday after six months of repairs.

"We finished ahead of time," said Mayor Carlos Moedas. "Traffic will return to normal by Monday."

Officials from the Port Authority of Lisbon said ferries would keep their extra crossings.
"""

_prepared: set[tuple[SchemaStore, str]] = set()  # caches are kept per schema store


def prepare(formats: str | Iterable[str]) -> None:
    """Load and compile everything ``formats`` (names, or one comma-separated string) need, once.

    Plain text is always prepared: it is what most batches read. Schemas come from the current
    store (see ``schema_store.using``). A missing official schema raises SchemaNotFoundError
    here, before any input is touched.
    """
    names = formats.split(",") if isinstance(formats, str) else list(formats)
    wanted = [registry.get(name) for name in names if name.strip()]
    store = schema_store.current()
    if {(store, f.name) for f in wanted} <= _prepared and (store, "text") in _prepared:
        return
    article = registry.get("text").read(_SAMPLE.encode("utf-8"), None)
    _prepared.add((store, "text"))
    for fmt in wanted:
        if (store, fmt.name) in _prepared:
            continue
        if fmt.name == "newsml":
            checker.prepare(fmt.name)  # the NewsML-G2 schemas that ``validate`` uses
        if fmt.writable:
            document = fmt.write(article)
            fmt.validate_output(document, article)  # what convert runs: the article's graph, the proofs
            if fmt.readable:
                fmt.read_items(document.encode("utf-8"), None)
        _prepared.add((store, fmt.name))
