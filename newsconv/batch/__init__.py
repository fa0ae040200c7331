"""Batches: convert or validate many files, in one process, a pool of processes or on a cluster.

:func:`convert_files` and :func:`validate_files` are the calls behind ``newsconv convert`` and
``newsconv validate``; :func:`convert_batch` is the unit of work every engine runs (picklable
options in, one :class:`FileResult` per input out); :func:`prepare` loads what formats need
once per process.
"""

from newsconv.batch.convert import convert_batch
from newsconv.batch.engines import ENGINES, Engine, UnknownEngineError
from newsconv.batch.files import convert_files, validate_files
from newsconv.batch.manifest import Manifest, ManifestError
from newsconv.batch.prepare import prepare
from newsconv.batch.results import ConvertOptions, FileResult, Summary

__all__ = [
    "ENGINES",
    "ConvertOptions",
    "Engine",
    "FileResult",
    "Manifest",
    "ManifestError",
    "Summary",
    "UnknownEngineError",
    "convert_batch",
    "convert_files",
    "prepare",
    "validate_files",
]
