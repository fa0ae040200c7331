#!/usr/bin/env python3
"""Convert an archive on Apache Spark: ``mapPartitions`` over newsconv's batch function.

    pip install newsconv pyspark          # Spark needs Java 17 or later
    python examples/spark_convert.py archive/ --to newsml,jsonld --out converted/ \\
        --manifest run.jsonl [--master local[4] | spark://host:7077]

The driver lists the inputs and checks the plan (no input overwritten, no name written twice),
as ``newsconv convert`` does; Spark's executors run :func:`newsconv.batch.convert_batch` over
each partition, each Python worker preparing the formats once; the driver streams the results
into the manifest. A bad input is a ``failed`` record, never a failed Spark task. Outputs are the
bytes ``newsconv convert`` writes. Exit code 1 when an input failed, as ``newsconv convert``.
The listing is held on the driver (``parallelize`` needs it): for tens of millions of inputs,
write it to files and read them with ``spark.read.text`` instead.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Iterable, Iterator

from pyspark.sql import SparkSession

from newsconv.batch import ConvertOptions, FileResult, Manifest, Summary, convert_batch, prepare
from newsconv.batch.files import planned_inputs, writable_formats
from newsconv.inputs import Input


def convert_partition(
    rows: Iterable[tuple[str, tuple[str, ...]]], options: ConvertOptions
) -> Iterator[FileResult]:
    """On an executor: one partition's inputs (path, output sub-folders) through the batch function."""
    prepare(options.to, read=False)  # once per Python worker process, for writing as convert does
    yield from convert_batch([Input(path, tuple(parts)) for path, parts in rows], options)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="+")
    parser.add_argument("--to", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--manifest", default="manifest.jsonl")
    parser.add_argument("--master", default="local[*]")
    parser.add_argument("--partition", type=int, default=100, help="inputs per partition")
    args = parser.parse_args()
    options = ConvertOptions(tuple(f.name for f in writable_formats(args.to)), args.out)
    listing = [(item.path, item.parts) for item in planned_inputs(args.inputs, options)]
    spark = SparkSession.builder.master(args.master).appName("newsconv").getOrCreate()
    summary, manifest, start = Summary(), Manifest(args.manifest), time.perf_counter()
    try:
        rows = spark.sparkContext.parallelize(listing, max(1, len(listing) // args.partition))
        for result in rows.mapPartitions(lambda part: convert_partition(part, options)).toLocalIterator():
            summary.add(result)
            manifest.write(result)
    except BaseException:
        manifest.discard()
        raise
    finally:
        spark.stop()
    summary.seconds = time.perf_counter() - start
    manifest.close(summary)
    print(f"{summary.inputs} inputs: {summary.ok} ok, {summary.failed} failed", file=sys.stderr)
    return 1 if summary.failed else 0


if __name__ == "__main__":
    sys.exit(main())
