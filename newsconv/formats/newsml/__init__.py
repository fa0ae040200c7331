"""IPTC NewsML-G2 2.35: the writer (:mod:`.writer`) and the reader (:mod:`.reader`) of newsItems.

One format module for the registry: ``read``/``read_items`` beside ``write`` and ``validate``.
"""

from newsconv.formats.newsml.reader import read, read_items
from newsconv.formats.newsml.writer import (
    CATALOG,
    GENERATOR,
    JOB_TITLE,
    NAR,
    UNKNOWN_PUBLISHER,
    XHTML,
    XML_NS,
    build,
    validate,
    version_created,
    write,
)

__all__ = [
    "CATALOG",
    "GENERATOR",
    "JOB_TITLE",
    "NAR",
    "UNKNOWN_PUBLISHER",
    "XHTML",
    "XML_NS",
    "build",
    "read",
    "read_items",
    "validate",
    "version_created",
    "write",
]
