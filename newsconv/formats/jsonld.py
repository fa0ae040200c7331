"""schema.org NewsArticle as JSON-LD, safe to paste into an HTML ``<script>`` block.

Each node is embedded where it is first reached breadth-first from the article (so mentioned
people sit in ``mentions``, not inside a quote) and referenced by ``@id`` everywhere else.
The document is parsed offline: ``"@context": "https://schema.org"`` resolves to the local copy
of the schema.org context, processed once per process. :func:`read` takes any JSON-LD shape;
any other context given by URL is refused, never fetched.
"""

from __future__ import annotations

import json
from collections import deque
from typing import TYPE_CHECKING, Any

from rdflib import Graph

from newsconv import schema_store, secure
from newsconv.errors import InputError
from newsconv.formats import schemaorg, schemaorg_read
from newsconv.model import Article
from newsconv.validate import article_graph, json_schema, schemaorg_vocab, shacl
from newsconv.validate.findings import Finding

if TYPE_CHECKING:  # rdflib's JSON-LD processor is imported when a document is read, not to write one
    from rdflib.plugins.shared.jsonld.context import Context

PROFILE = "jsonld-profile.schema.json"
_SCHEMA_ORG_CONTEXTS = frozenset(
    {"https://schema.org", "https://schema.org/", "http://schema.org", "http://schema.org/"}
)
_OFFLINE_CONTEXTS = _SCHEMA_ORG_CONTEXTS | {
    f"{scheme}://schema.org/docs/jsonldcontext.{ext}"
    for scheme in ("http", "https")
    for ext in ("json", "jsonld")
}
"""Every URL that names the schema.org context; :func:`read` resolves each to the local copy."""
_HTML_SAFE = (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"))
"""The characters that could end or open markup in an HTML ``<script>`` block, as JSON escapes."""


def write(article: Article) -> str:
    """The article as pretty-printed JSON-LD with ``<``, ``>`` and ``&`` escaped for HTML."""
    document = json.dumps(to_dict(article), ensure_ascii=False, indent=2)
    for character, escape in _HTML_SAFE:  # str.replace: forty times str.translate's speed here
        document = document.replace(character, escape)
    return document + "\n"


def read(data: bytes, source: str | None) -> Article:
    """The article in a schema.org JSON-LD document of any shape (compacted, expanded, ``@graph``, array).

    rdflib's JSON-LD processor turns it into RDF offline; the graph is read as the RDF readers do.
    """
    return schemaorg_read.to_article(_parse(secure.load_json(data, source), source), source)


def _parse(document: Any, source: str | None) -> Graph:
    """The RDF graph of a loaded JSON-LD document, contexts resolved offline; else an InputError."""
    if not isinstance(document, dict | list):
        raise InputError(
            source, f"not JSON-LD: a JSON-LD document is an object or an array, not {document!r:.40}"
        )
    from rdflib.plugins.parsers.jsonld import Parser

    _refuse_remote_contexts(document, source)
    body, context = _with_initial_context(document)
    graph = Graph(bind_namespaces="none")
    graph.bind("schema", schemaorg.SCHEMA)
    try:
        Parser().parse(body, context, graph)
    except Exception as error:  # noqa: BLE001 (rdflib raises bare exceptions on bad JSON-LD)
        raise InputError(source, f"not JSON-LD: {type(error).__name__}: {error}") from None
    return graph


def to_dict(article: Article) -> dict[str, Any]:
    """The JSON-LD document of an article: one NewsArticle object with the other nodes embedded."""
    nodes = schemaorg.describe(article)
    by_iri = {node.iri: node for node in nodes}
    sites = _embedding_sites(nodes[0], by_iri)
    return {"@context": schemaorg.CONTEXT_URL, **_object(nodes[0], by_iri, sites)}


def to_graph(document: str | bytes) -> tuple[Graph | None, list[Finding]]:
    """The RDF graph of a JSON-LD document, parsed without the network; or why it cannot be."""
    data, findings = json_schema.parse(document)
    if findings:
        return None, findings
    try:
        return _parse(data, None), []
    except InputError as error:
        return None, [Finding("jsonld.syntax", error.problem)]


def validate(document: str | bytes) -> list[Finding]:
    """Problems with any schema.org JSON-LD document: syntax, offline contexts, schema.org terms, SHACL."""
    data, findings = json_schema.parse(document)
    if findings:
        return findings
    return _semantic(data)


def validate_output(document: str | bytes) -> list[Finding]:
    """Problems with a document newsconv wrote: its JSON Schema profile (the exact shape), then :func:`validate`."""
    data, findings = json_schema.parse(document)
    if findings:
        return findings
    return json_schema.check_own(PROFILE, data) + _semantic(data)


def prove(document: str | bytes, article: Article) -> list[Finding]:
    """Problems with a document written from ``article``: its profile, the article's checked graph, the proof.

    The article's graph is checked once (``newsconv.validate.article_graph``); the document must
    state exactly that graph when parsed back.
    """
    data, findings = json_schema.parse(document)
    if findings:
        return findings
    return json_schema.check_own(PROFILE, data) + article_graph.prove(article, document, "json-ld", "JSON-LD")


def _semantic(data: Any) -> list[Finding]:
    try:
        graph = _parse(data, None)
    except InputError as error:
        rule = (
            "jsonld.context" if "context" in error.problem or "@import" in error.problem else "jsonld.syntax"
        )
        return [Finding(rule, error.problem)]
    if not len(graph):
        return [
            Finding(
                "jsonld.empty", "the document states nothing (no node with a schema.org type or property)"
            )
        ]
    return schemaorg_vocab.check(graph) + shacl.check(graph)


@schema_store.per_store()
def _schemaorg_context() -> Context:
    """The schema.org context, processed once; each parse works on a cheap subcontext of it."""
    context = _offline_context()
    context.load(schemaorg.context_document())
    return context


def _offline_context() -> Context:
    """An empty context that finds the schema.org context under each of its URLs without fetching it.

    rdflib looks a context URL up in ``_context_cache`` before it fetches; subcontexts share it.
    """
    from rdflib.plugins.shared.jsonld.context import Context

    context = Context()
    context._context_cache.update(dict.fromkeys(_OFFLINE_CONTEXTS, schemaorg.context_document()))
    return context


def _with_initial_context(document: Any) -> tuple[Any, Context]:
    """The document and the context to start from: the processed schema.org context when it leads."""
    if isinstance(document, dict):
        contexts = _as_list(document.get("@context"))
        if contexts and isinstance(contexts[0], str) and contexts[0] in _OFFLINE_CONTEXTS:
            body = {key: value for key, value in document.items() if key != "@context"}
            if contexts[1:]:
                body["@context"] = contexts[1:]
            return body, _schemaorg_context().subcontext({})
    return document, _offline_context()


def _refuse_remote_contexts(value: Any, source: str | None) -> None:
    """Raise InputError for a context given by a URL other than schema.org's, or an ``@import``."""
    if isinstance(value, list):
        for item in value:
            _refuse_remote_contexts(item, source)
    elif isinstance(value, dict):
        if "@import" in value:
            raise InputError(
                source, f"JSON-LD @import {value['@import']} is not supported (it would be fetched)"
            )
        for reference in _as_list(value.get("@context")):
            if isinstance(reference, str) and reference not in _OFFLINE_CONTEXTS:
                raise InputError(
                    source,
                    f"remote JSON-LD context {reference} is not fetched; only the schema.org context is known"
                    " offline: inline the context or use https://schema.org",
                )
        for item in value.values():
            _refuse_remote_contexts(item, source)


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [] if value is None else [value]


Site = tuple[str, str, int]
"""Where a node is embedded: (IRI of the node holding it, property, index among the values)."""


def _embedding_sites(root: schemaorg.Node, by_iri: dict[str, schemaorg.Node]) -> set[Site]:
    """For each node, the first place it is referenced in a breadth-first walk from the root."""
    seen = {root.iri}
    sites: set[Site] = set()
    queue = deque([root])
    while queue:
        node = queue.popleft()
        for name, values in node.properties:
            for index, value in enumerate(schemaorg.each(values)):
                if isinstance(value, schemaorg.Ref) and value.iri not in seen and value.iri in by_iri:
                    seen.add(value.iri)
                    sites.add((node.iri, name, index))
                    queue.append(by_iri[value.iri])
    return sites


def _object(node: schemaorg.Node, by_iri: dict[str, schemaorg.Node], sites: set[Site]) -> dict[str, Any]:
    """A node as a JSON-LD object, embedding the nodes whose site lies in it."""

    def value(name: str, index: int, item: schemaorg.Value) -> Any:
        if isinstance(item, schemaorg.Text | schemaorg.Number):
            return item.value
        if (node.iri, name, index) in sites:
            return _object(by_iri[item.iri], by_iri, sites)
        return {"@id": item.iri}

    result: dict[str, Any] = {"@id": node.iri, "@type": node.type}
    for name, values in node.properties:
        items = [value(name, index, item) for index, item in enumerate(schemaorg.each(values))]
        result[name] = items if isinstance(values, tuple) else items[0]
    return result
