"""Warm-up: load and compile what formats need once per process, before the first article.

A worker process, a forked pool or a CMS plugin calls :func:`prepare` once; the first article
then costs what every other one does. It works by doing: a short sample article is read from
plain text (the extraction lexicons), written in each format and validated (its schemas, shapes
and contexts), and read back where the format reads (its parser; unless ``read=False``), so whatever a format caches
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

_prepared: set[tuple[SchemaStore, str, bool]] = set()  # (store, format, read back): caches are per store


def prepare(formats: str | Iterable[str], *, read: bool = True) -> None:
    """Load and compile everything ``formats`` (names, or one comma-separated string) need, once.

    Plain text is always prepared: it is what most batches read. Schemas come from the current
    store (see ``schema_store.using``). A missing official schema raises SchemaNotFoundError
    here, before any input is touched. With ``read=False`` the formats are prepared for writing
    and validating only, as ``convert`` needs them: it reads its inputs, not its outputs, and
    warming a reader it never uses (the JSON-LD one processes the whole schema.org context)
    would only lengthen its start.
    """
    names = formats.split(",") if isinstance(formats, str) else list(formats)
    wanted = [registry.get(name) for name in names if name.strip()]
    store = schema_store.current()

    def ready(name: str) -> bool:  # prepared as asked, or more (read back too)
        return (store, name, True) in _prepared or (store, name, read) in _prepared

    if ready("text") and all(ready(f.name) for f in wanted):
        return
    article = registry.get("text").read(_SAMPLE.encode("utf-8"), None)
    _prepared.add((store, "text", True))
    for fmt in wanted:
        if ready(fmt.name):
            continue
        if fmt.name == "newsml":
            checker.prepare(fmt.name)  # the NewsML-G2 schemas that ``validate`` uses
        if fmt.writable:
            document = fmt.write(article)
            fmt.validate_output(document, article)  # what convert runs: the article's graph, the proofs
            if read and fmt.readable:
                fmt.read_items(document.encode("utf-8"), None)
        _prepared.add((store, fmt.name, read))
