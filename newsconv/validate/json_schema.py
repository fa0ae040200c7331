"""JSON Schema validation, reported as findings.

jsonschema is the reference engine and says what is wrong; for newsconv's own schemas,
jsonschema-rs (compiled, formats checked) first decides whether there is anything to say, so a
valid document costs microseconds instead of milliseconds (``newsconv.validate.engines``).
"""

from __future__ import annotations

import json
from functools import cache
from typing import TYPE_CHECKING, Any

from newsconv import schema_store
from newsconv.validate import engines
from newsconv.validate.findings import Finding

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator


@cache
def own_validator(name: str) -> Draft202012Validator:
    """A compiled validator for one of newsconv's own schemas (loaded once per process)."""
    from jsonschema import Draft202012Validator, FormatChecker  # the reference engine, imported when used

    schema = _own_schema(name)
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=FormatChecker())


@cache
def _fast_validator(name: str) -> Any:
    import jsonschema_rs

    return jsonschema_rs.Draft202012Validator(_own_schema(name), validate_formats=True)


@cache
def _own_schema(name: str) -> dict[str, Any]:
    schema: dict[str, Any] = json.loads(schema_store.own(name).read_text(encoding="utf-8"))
    return schema


def check_own(name: str, instance: Any, rule: str = "jsonschema") -> list[Finding]:
    """Every violation of newsconv's own schema ``name`` in ``instance`` (see :func:`check`)."""
    if engines.fast(engines.JSON_SCHEMA) and _fast_validator(name).is_valid(instance):
        return []
    return check(own_validator(name), instance, rule)


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
