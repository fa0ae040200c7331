"""What a batch is told (:class:`ConvertOptions`) and what it reports (:class:`FileResult`, :class:`Summary`).

Both are small, frozen and picklable: an engine ships the options to its workers once and gets
one result per input back, the row of the manifest.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from newsconv import registry
from newsconv.schema_store import SchemaStore

OK = "ok"
FAILED = "failed"
SKIPPED = "skipped"
INTERNAL = "internal error"  # how a FileResult's message starts when a bug, not the input, failed it


@dataclass(frozen=True, slots=True)
class ConvertOptions:
    """Everything a worker needs to convert one input.

    ``to`` names the output formats; ``out`` the output folder (``None``: beside each input);
    ``from_format`` the input format (``None``: detected from each input's content); ``validate``
    whether outputs are validated before they are written; ``strict`` whether an input that
    breaks its own schema fails; ``resume`` whether an input whose outputs all exist and are not
    older than it is skipped; ``schema_dir`` the folder searched first for official schemas;
    ``schemas`` the schema store to validate against (``None``: the worker's current one).
    :func:`~newsconv.batch.convert_files` fills ``schemas`` with the caller's store, ``schema_dir``
    first, so that every worker validates against what the caller would. ``refuse_unpublished``
    makes a public-web output of an embargoed, withheld or canceled item an error rather than a
    warning (see :mod:`newsconv.publication`).
    """

    to: tuple[str, ...]
    out: str | None
    from_format: str | None = None
    validate: bool = True
    strict: bool = False
    schema_dir: str | None = None
    resume: bool = False
    metadata: str | None = None
    schemas: SchemaStore | None = None
    refuse_unpublished: bool = False

    @property
    def extensions(self) -> list[str]:
        """The file extension of each output format, in the order of ``to``."""
        return [registry.get(name).extension for name in self.to]


@dataclass(frozen=True, slots=True)
class FileResult:
    """What converting one input gave: one row of the manifest.

    ``status`` is ``ok``, ``failed`` or ``skipped``; ``error`` the class name of what failed it
    and ``message`` every problem, one per line (an input whose formats failed one by one names
    each); ``outputs`` what was written, also when the input failed (the formats that did not);
    ``items`` the articles read (a newsMessage holds several); ``warnings`` what the input's own
    validation found (it was read all the same).
    """

    source: str
    status: str
    error: str | None = None
    message: str | None = None
    outputs: tuple[str, ...] = ()
    items: int = 0
    seconds: float = 0.0
    warnings: tuple[str, ...] = field(default=(), compare=False)

    @property
    def internal(self) -> bool:
        """Whether a bug in newsconv (not the input) failed this input."""
        return self.status == FAILED and (self.message or "").startswith(INTERNAL)

    def row(self) -> dict[str, object]:
        """The manifest record: the fields the manifest promises, in their order."""
        return {
            "source": self.source,
            "status": self.status,
            "error": self.error,
            "message": self.message,
            "outputs": list(self.outputs),
            "items": self.items,
            "seconds": round(self.seconds, 6),
        }


@dataclass(slots=True)
class Summary:
    """Counts over a batch, kept as results arrive; the failed results are kept to report them."""

    inputs: int = 0
    ok: int = 0
    failed: int = 0
    skipped: int = 0
    articles: int = 0
    seconds: float = 0.0
    failures: list[FileResult] = field(default_factory=list)

    def add(self, result: FileResult) -> None:
        """Count one input's result."""
        self.inputs += 1
        self.articles += result.items if result.status == OK else 0
        if result.status == OK:
            self.ok += 1
        elif result.status == SKIPPED:
            self.skipped += 1
        else:
            self.failed += 1
            self.failures.append(result)

    @property
    def internal(self) -> bool:
        """Whether a bug in newsconv failed some input."""
        return any(r.internal for r in self.failures)

    def row(self) -> dict[str, object]:
        """The manifest's closing summary record."""
        rate = self.articles / self.seconds if self.seconds > 0 else 0.0
        return {
            "summary": True,
            "inputs": self.inputs,
            "ok": self.ok,
            "failed": self.failed,
            "skipped": self.skipped,
            "articles": self.articles,
            "seconds": round(self.seconds, 3),
            "articles_per_second": round(rate, 2),
        }
