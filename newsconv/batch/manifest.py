"""The manifest of a batch: one record per input, then a summary.

JSON Lines by default (one object per line: ``source``, ``status``, ``error``, ``message``,
``outputs``, ``items``, ``seconds``; the last line is the summary, with ``"summary": true``).
A name ending in ``.parquet`` gives a Parquet table of the same columns, the summary in the
file's metadata under ``newsconv.summary``; it needs pyarrow. The manifest is written to a
temporary name and renamed when the batch ends, like every output.
"""

from __future__ import annotations

import importlib
import json
import os
import tempfile
from pathlib import Path
from typing import IO, Any

from newsconv.batch.results import FileResult, Summary
from newsconv.errors import NewsconvError


class ManifestError(NewsconvError):
    """A manifest that cannot be written as asked (no pyarrow for Parquet, a folder that cannot be written)."""


class Manifest:
    """Records results as they arrive; :meth:`close` adds the summary and puts the file in place."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self._parquet = self.path.suffix == ".parquet"
        self._rows: list[dict[str, object]] = []
        self._pyarrow: Any = _pyarrow() if self._parquet else None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, name = tempfile.mkstemp(dir=self.path.parent, prefix=f".{self.path.name}.", suffix=".tmp")
        except OSError as error:
            raise ManifestError(f"cannot write the manifest {path}: {error.strerror or error}") from None
        self._tmp = Path(name)
        self._file: IO[str] = os.fdopen(fd, "w", encoding="utf-8")

    def write(self, result: FileResult) -> None:
        """Record one input's result."""
        if self._parquet:
            self._rows.append(result.row())
        else:
            self._file.write(json.dumps(result.row(), ensure_ascii=False) + "\n")

    def close(self, summary: Summary) -> None:
        """Add the summary and move the manifest to its name."""
        if self._parquet:
            self._file.close()
            self._write_parquet(summary)
        else:
            self._file.write(json.dumps(summary.row()) + "\n")
            self._file.close()
        os.replace(self._tmp, self.path)

    def discard(self) -> None:
        """Drop the unfinished manifest (the batch stopped before its end)."""
        self._file.close()
        self._tmp.unlink(missing_ok=True)

    def _write_parquet(self, summary: Summary) -> None:
        pa, parquet = self._pyarrow
        columns = ("source", "status", "error", "message", "outputs", "items", "seconds")
        schema = pa.schema(
            [
                ("source", pa.string()),
                ("status", pa.string()),
                ("error", pa.string()),
                ("message", pa.string()),
                ("outputs", pa.list_(pa.string())),
                ("items", pa.int64()),
                ("seconds", pa.float64()),
            ],
            metadata={"newsconv.summary": json.dumps(summary.row())},
        )
        table = pa.table({c: [row[c] for row in self._rows] for c in columns}, schema=schema)
        parquet.write_table(table, str(self._tmp))


def _pyarrow() -> tuple[Any, Any]:
    try:  # an optional dependency, imported by name: the core install does without it
        return importlib.import_module("pyarrow"), importlib.import_module("pyarrow.parquet")
    except ImportError:
        raise ManifestError("a .parquet manifest needs pyarrow (pip install pyarrow); use .jsonl") from None
