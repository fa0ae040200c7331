"""Identifiers of articles and of the things in them, shared by every writer.

An article keeps the identity its source gave it: its ``guid`` and ``version``. Only an article
without a guid (plain text without metadata) gets one derived from its content, the same text
always the same identifier, so re-converting an archive does not mint new items. NewsML-G2,
ninjs, JSON-LD and RDF outputs of one article name it the same way, and two different items
(different guid or version) never share an identifier.
"""

from __future__ import annotations

import hashlib
import re
import uuid
from urllib.parse import quote, unquote

from newsconv.model import Article

_FRAGMENT_SAFE = "!$&'()*+,;=:@/?"
"""Characters an IRI fragment may hold as they are; anything else in a model id is percent-encoded."""
_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://newsconv.invalid/article")
# An absolute IRI newsconv can use as is: a scheme, then no space, quote, angle bracket or fragment.
_ABSOLUTE_IRI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:[^\s\"<>\\^`{|}#]+")
_HIERARCHICAL = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://")


def article_uuid(article: Article) -> uuid.UUID:
    """A name-based (version 5) UUID of the headline and body text.

    Computed as ``uuid.uuid5`` does, but lone surrogates (possible in strings built through
    the API) are encoded rather than raising, so every article has an identity.
    """
    return _uuid5("\n".join((article.headline, *article.paragraphs)))


def article_guid(article: Article) -> str:
    """The article's guid (NewsML-G2 ``guid``, ninjs ``uri``): the source's, else ``urn:uuid:…`` of its content."""
    return article.guid if article.guid else article_uuid(article).urn


def article_iri(article: Article) -> str:
    """The IRI naming this version of the article (JSON-LD ``@id``, RDF subject).

    The guid itself when it is an absolute IRI without a fragment and there is no version; with a
    version, ``?version=N`` (``&version=N``) on a hierarchical IRI such as ``https://…`` and
    ``:vN`` on a URN. A guid that is no usable IRI gives ``urn:uuid:`` of guid and version; no guid,
    the ``urn:uuid:`` of the text (of text and version, when a version is known).
    """
    guid, version = article.guid, article.version
    if not guid:
        text = article_uuid(article)
        return text.urn if version is None else _uuid5(f"{text.urn}\n{version}").urn
    if _ABSOLUTE_IRI.fullmatch(guid) is None:
        return _uuid5(f"{guid}\n{version}").urn
    if version is None:
        return guid
    if _HIERARCHICAL.match(guid):
        return f"{guid}{'&' if '?' in guid else '?'}version={version}"
    return f"{guid}:v{version}"


def node_iri(article: Article, local_id: str) -> str:
    """The IRI of something inside the article (a person, a quote) by its model id.

    The id is percent-encoded into the fragment of the article's IRI, so an id with a space,
    ``#`` or ``%`` (``literal="Acme Widget"``), a QCode or a URI still gives a valid IRI of this
    article; :func:`local_id` decodes it.
    """
    return within(article_iri(article), local_id)


def within(iri: str, local_id: str) -> str:
    """:func:`node_iri` given the article's IRI ``iri``: for a writer naming many nodes of one article."""
    return f"{iri}#{quote(local_id, safe=_FRAGMENT_SAFE, errors='surrogatepass')}"


def local_id(fragment: str) -> str:
    """The model id a :func:`node_iri` fragment encodes."""
    return unquote(fragment, errors="surrogatepass")


def _uuid5(name: str) -> uuid.UUID:
    content = name.encode("utf-8", "surrogatepass")
    return uuid.UUID(
        bytes=hashlib.sha1(_NAMESPACE.bytes + content, usedforsecurity=False).digest()[:16], version=5
    )
