"""Extract every money mention of a folder of documents with Spark, into Parquet.

    spark-submit --master local[2] examples/spark_job.py corpus/ [out/]

Files (.txt .md .htm .html .hwpx .hwp .pdf, any depth) are read as bytes by Spark, turned
into text by fundparse's readers and searched by the engine on the executors; the driver only
plans the job and prints counts.  Output: ``out/mentions`` (one row per mention, the schema of
``fundparse.etl.SCHEMA``) and ``out/unreadable`` (path and reason of files no reader took).
On a cluster, the same script runs with ``--master yarn`` (or ``k8s://…``) once fundparse is
importable on the executors: ``pip install fundparse[spark]`` on every node, or ship the wheel
with ``--py-files dist/fundparse-<version>-py3-none-any.whl``.
"""

from __future__ import annotations

import sys

import pyarrow as pa
from pyspark.sql import SparkSession
from pyspark.sql import functions as F

from fundparse.spark import extract_mentions

FILES = "*.{txt,md,htm,html,hwpx,hwp,pdf}"
DOCS = pa.schema([("path", pa.string()), ("text", pa.string()), ("read_error", pa.string())])


def read_documents(batches):
    """Executor side: (path, bytes) batches in, (path, text, read_error) batches out."""
    from fundparse.readers import read_bytes

    for batch in batches:
        rows = []
        for path, content in zip(batch.column("path").to_pylist(),
                                 batch.column("content").to_pylist(), strict=True):
            try:
                rows.append({"path": path, "text": read_bytes(content, path).text,
                             "read_error": None})
            except Exception as exc:  # ReadError, or a reader's extra missing on this node
                rows.append({"path": path, "text": None, "read_error": str(exc) or repr(exc)})
        yield pa.RecordBatch.from_pylist(rows, schema=DOCS)


def main(argv: list[str]) -> int:
    if not 1 <= len(argv) <= 2:
        print("usage: spark-submit examples/spark_job.py INPUT_DIR [OUTPUT_DIR]", file=sys.stderr)
        return 2
    source, target = argv[0], argv[1] if len(argv) == 2 else "fundparse-out"
    spark = SparkSession.builder.appName("fundparse-extract").getOrCreate()

    files = (spark.read.format("binaryFile")
             .option("recursiveFileLookup", "true")
             .option("pathGlobFilter", FILES)
             .load(source)
             .select("path", "content"))
    docs = files.mapInArrow(read_documents, "path string, text string, read_error string")

    mentions = extract_mentions(docs.where(F.col("read_error").isNull()), "text", "path")
    mentions.write.mode("overwrite").parquet(f"{target}/mentions")
    docs.where(F.col("read_error").isNotNull()).select("path", "read_error") \
        .write.mode("overwrite").parquet(f"{target}/unreadable")

    written = spark.read.parquet(f"{target}/mentions")
    summary = written.agg(F.countDistinct("doc_id").alias("documents"),
                          F.count("*").alias("mentions"),
                          F.count_if(F.size("splits") > 0).alias("with_splits")).first()
    unreadable = spark.read.parquet(f"{target}/unreadable").count()
    print(f"{summary['documents']} documents, {summary['mentions']} mentions, "
          f"{summary['with_splits']} with funding splits, {unreadable} unreadable -> {target}/")
    spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
