"""IPTC NewsML-G2 2.35: the writer (:mod:`.writer`) and the reader (:mod:`.reader`) of newsItems.

One format module for the registry: ``read``/``read_items`` beside ``write``, and ``validate``, the one
NewsML-G2 validation (:func:`newsconv.validate.newsml_g2.validate_document`), which the API,
``convert`` and ``newsconv validate`` all use.
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
    version_created,
    write,
)
from newsconv.validate.newsml_g2 import validate_document as validate

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
