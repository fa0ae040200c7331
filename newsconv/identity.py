"""Stable identifiers derived from an article's content, shared by every writer.

The same text always gets the same identifiers, so re-converting an archive does not mint new
items, and NewsML-G2, JSON-LD and RDF outputs of one article name it the same way.
"""

from __future__ import annotations

import hashlib
import uuid
from urllib.parse import quote, unquote

from newsconv.model import Article

_FRAGMENT_SAFE = "!$&'()*+,;=:@/?"
"""Characters an IRI fragment may hold as they are; anything else in a model id is percent-encoded."""
_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://newsconv.invalid/article")


def article_uuid(article: Article) -> uuid.UUID:
    """A name-based (version 5) UUID of the headline and body text.

    Computed as ``uuid.uuid5`` does, but lone surrogates (possible in strings built through
    the API) are encoded rather than raising, so every article has an identity.
    """
    content = "\n".join((article.headline, *article.paragraphs)).encode("utf-8", "surrogatepass")
    return uuid.UUID(
        bytes=hashlib.sha1(_NAMESPACE.bytes + content, usedforsecurity=False).digest()[:16], version=5
    )


def article_iri(article: Article) -> str:
    """The article's IRI, ``urn:uuid:…``; also its NewsML-G2 guid."""
    return article_uuid(article).urn


def node_iri(article: Article, local_id: str) -> str:
    """The IRI of something inside the article (a person, a quote) by its model id.

    The id is percent-encoded into the fragment, so an id with a space, ``#`` or ``%``
    (``literal="Acme Widget"``) still gives a valid IRI; :func:`local_id` decodes it.
    """
    return f"{article_iri(article)}#{quote(local_id, safe=_FRAGMENT_SAFE, errors='surrogatepass')}"


def local_id(fragment: str) -> str:
    """The model id a :func:`node_iri` fragment encodes."""
    return unquote(fragment, errors="surrogatepass")
