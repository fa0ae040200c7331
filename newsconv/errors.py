"""The exceptions newsconv raises; each carries what a user needs to fix the problem."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newsconv.validate.findings import Finding


class NewsconvError(Exception):
    """Base of every error newsconv raises on purpose."""


class InputError(NewsconvError):
    """An input cannot be read as an article (empty, binary, malformed)."""

    def __init__(self, source: str | None, problem: str) -> None:
        self.source = source
        self.problem = problem
        super().__init__(f"{source or '<input>'}: {problem}")


class UnknownFormatError(NewsconvError):
    """A format name that the registry does not know, or a format that cannot do what was asked."""


class SchemaNotFoundError(NewsconvError):
    """An official schema file is not on the schema search path."""


class OutputConflictError(NewsconvError):
    """A batch would overwrite one of its inputs, or write one output name twice: nothing is written."""


class ValidationError(NewsconvError):
    """A document failed validation; ``findings`` says why.

    ``role`` names a document without a source in the message: ``input`` when it was being
    read, ``output`` when newsconv wrote it.
    """

    def __init__(
        self,
        format_name: str,
        findings: Sequence[Finding],
        source: str | None = None,
        *,
        role: str = "output",
    ) -> None:
        self.format_name = format_name
        self.findings = tuple(findings)
        self.source = source
        first = "; ".join(str(f) for f in self.findings[:3])
        more = f" (and {len(self.findings) - 3} more)" if len(self.findings) > 3 else ""
        super().__init__(f"{source or f'<{role}>'}: invalid {format_name}: {first}{more}")
