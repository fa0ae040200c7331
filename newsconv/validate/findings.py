"""A validation finding: one problem an engine or rule found in one document."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem, with a stable ``rule`` id (``xsd``, ``jsonschema``, ``shacl``, ``schemaorg.domain``…)."""

    rule: str
    message: str
    severity: Severity = "error"
    line: int | None = None
    column: int | None = None
    path: str | None = None

    def __str__(self) -> str:
        where = f"line {self.line}: " if self.line else (f"{self.path}: " if self.path else "")
        return f"[{self.rule}] {where}{self.message}"


def errors(findings: list[Finding]) -> list[Finding]:
    """The findings that make a document invalid."""
    return [f for f in findings if f.severity == "error"]
