"""Which validation engines run: the compiled fast ones where installed, else the reference ones.

The reference engines (pyshacl, jsonschema, rdflib's parsers) are pure Python and always
present; they decide every verdict's details. The compiled engines (pyshacl-turbo for SHACL,
jsonschema-rs for JSON Schema, pyoxigraph for RDF parsing) give the same verdicts at a fraction
of the cost, and are optional: a platform without their wheels falls back to the reference
engine automatically. ``NEWSCONV_ENGINES=reference`` forces the reference engines everywhere
(to compare, or to rule a compiled engine out).
"""

from __future__ import annotations

import importlib.util
import os
from functools import cache

ENV_VAR = "NEWSCONV_ENGINES"
SHACL = "pyshacl_turbo"
JSON_SCHEMA = "jsonschema_rs"
RDF = "pyoxigraph"


@cache
def fast(module: str) -> bool:
    """Whether the compiled engine ``module`` is installed and not ruled out by ``NEWSCONV_ENGINES``."""
    if os.environ.get(ENV_VAR, "").strip().lower() == "reference":
        return False
    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):
        return False


def mode() -> tuple[bool, bool, bool]:
    """Which compiled engines run (SHACL, JSON Schema, RDF parsing): results cached across calls depend on it."""
    return fast(SHACL), fast(JSON_SCHEMA), fast(RDF)


def in_use() -> dict[str, str]:
    """The engine that runs each kind of check in this process, for reports and benchmarks."""
    return {
        "shacl": "pyshacl-turbo" if fast(SHACL) else "pyshacl",
        "json-schema": "jsonschema-rs" if fast(JSON_SCHEMA) else "jsonschema",
        "rdf-parse": "pyoxigraph" if fast(RDF) else "rdflib",
    }
