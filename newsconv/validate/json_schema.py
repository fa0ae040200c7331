"""JSON Schema validation with the jsonschema engine, reported as findings."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker

from newsconv import schema_store
from newsconv.validate.findings import Finding


@cache
def own_validator(name: str) -> Draft202012Validator:
    """A compiled validator for one of newsconv's own schemas (loaded once per process)."""
    schema = json.loads(schema_store.own(name).read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=FormatChecker())


def check(validator: Draft202012Validator, instance: Any, rule: str = "jsonschema") -> list[Finding]:
    """Every schema violation in ``instance``, each located by a JSON Pointer."""
    return [
        Finding(rule, error.message, path="/" + "/".join(str(p) for p in error.absolute_path))
        for error in sorted(validator.iter_errors(instance), key=lambda e: list(map(str, e.absolute_path)))
    ]


def parse(document: str | bytes) -> tuple[Any, list[Finding]]:
    """Parse JSON text; on failure, no value and a ``json.syntax`` finding with its position."""
    try:
        return json.loads(document), []
    except json.JSONDecodeError as error:
        return None, [Finding("json.syntax", error.msg, line=error.lineno, column=error.colno)]
    except (UnicodeDecodeError, RecursionError) as error:
        return None, [Finding("json.syntax", str(error) or type(error).__name__)]
