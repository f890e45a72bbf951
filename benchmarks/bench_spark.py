"""Throughput: Spark local[2] (extract_mentions) against one Python process, same input.

    .venv/bin/python -m pytest benchmarks/bench_spark.py      # pytest-benchmark table
    .venv/bin/python benchmarks/bench_spark.py [MB]           # just the figures

The input is the corpus documents (corpus/docs/**/*.txt, through the readers) repeated with
new ids until it holds about 12 MB of UTF-8 text (generated documents when there is no
corpus), written as 8 Parquet files.  Both sides do the same work: documents in, Arrow batches
of mentions with the fixed schema out.  The single process reads the Parquet with pyarrow and
runs ``extract_records`` + ``iter_batches``; Spark reads it, runs ``extract_mentions`` and
writes to the ``noop`` sink (everything computed, nothing kept or collected).  Reported:
documents, mention rows and input megabytes per second of wall time.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

ROOT = Path(__file__).resolve().parent.parent
FILES = 8


def corpus_texts() -> list[str]:
    from fundparse.readers import read_path

    paths = sorted((ROOT / "corpus" / "docs").glob("**/*.txt"))
    if paths:
        return [read_path(p).text for p in paths]
    return [f"{i}번 사업: {2020 + i % 6}년부터 3년간 총사업비 {100 + i}억 원(국비 {40 + i}, "
            f"지방비 60)을 투입한다. 올해 예산은 {i + 1}억 5,000만 원이다.\n" * 20
            for i in range(50)]


def build_input(folder: Path, megabytes: float = 12.0) -> dict:
    """Write the benchmark documents as Parquet under ``folder``; return its size figures."""
    base = corpus_texts()
    ids, texts, size = [], [], 0
    while size < megabytes * 1e6:
        for text in base:
            ids.append(f"doc-{len(ids)}")
            texts.append(text)
            size += len(text.encode("utf-8"))
    table = pa.table({"doc_id": ids, "text": texts})
    step = -(-len(ids) // FILES)
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(FILES):
        pq.write_table(table.slice(i * step, step), folder / f"part-{i}.parquet")
    return {"documents": len(ids), "bytes": size}


def run_single(folder: Path) -> int:
    from fundparse.etl import extract_records, iter_batches

    table = pq.read_table(folder)
    docs = zip(table.column("doc_id").to_pylist(), table.column("text").to_pylist(), strict=True)
    return sum(batch.num_rows for batch in iter_batches(extract_records(docs)))


def start_spark():
    from pyspark.sql import SparkSession

    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYTHONPATH"] = os.pathsep.join(
        p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p)
    session = (SparkSession.builder.master("local[2]").appName("fundparse-bench")
               .config("spark.driver.bindAddress", "127.0.0.1")
               .config("spark.driver.host", "127.0.0.1")
               .config("spark.ui.enabled", "false")
               .config("spark.ui.showConsoleProgress", "false")
               .config("spark.sql.files.maxPartitionBytes", "1m")  # one partition per file
               .getOrCreate())
    session.sparkContext.setLogLevel("ERROR")
    return session


def run_spark(spark, folder: Path) -> None:
    from fundparse.spark import extract_mentions

    docs = spark.read.parquet(str(folder))
    extract_mentions(docs, "text", "doc_id").write.format("noop").mode("overwrite").save()


def figures(seconds: float, rows: int, info: dict) -> dict:
    return {"seconds": round(seconds, 2), "docs_per_s": round(info["documents"] / seconds),
            "rows_per_s": round(rows / seconds),
            "mb_per_s": round(info["bytes"] / 1e6 / seconds, 3)}


# --- pytest-benchmark ------------------------------------------------------------------------

@pytest.fixture(scope="module")
def data(tmp_path_factory):
    folder = tmp_path_factory.mktemp("bench") / "docs"
    info = build_input(folder)
    info["rows"] = run_single(folder)
    return folder, info


@pytest.fixture(scope="module")
def spark():
    session = start_spark()
    yield session
    session.stop()


def test_single_process(benchmark, data):
    folder, info = data
    rows = benchmark.pedantic(run_single, args=(folder,), rounds=3, iterations=1)
    assert rows == info["rows"]
    benchmark.extra_info.update(info, **figures(benchmark.stats.stats.mean, rows, info))


def test_spark_local2(benchmark, data, spark):
    folder, info = data
    run_spark(spark, folder)  # warm up: JVM code paths, Python workers
    benchmark.pedantic(run_spark, args=(spark, folder), rounds=3, iterations=1)
    benchmark.extra_info.update(info, **figures(benchmark.stats.stats.mean, info["rows"], info))


# --- plain run -------------------------------------------------------------------------------

def main(argv: list[str]) -> int:
    megabytes = float(argv[0]) if argv else 12.0
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "docs"
        info = build_input(folder, megabytes)
        t = time.perf_counter()
        rows = run_single(folder)
        single = figures(time.perf_counter() - t, rows, info)
        spark = start_spark()
        try:
            run_spark(spark, folder)
            t = time.perf_counter()
            run_spark(spark, folder)
            parallel = figures(time.perf_counter() - t, rows, info)
        finally:
            spark.stop()
    print(f"input: {info['documents']} documents, {info['bytes'] / 1e6:.2f} MB, "
          f"{rows} mention rows")
    for name, fig in (("single process", single), ("spark local[2]", parallel)):
        print(f"{name:15} {fig['seconds']:7.2f} s  {fig['docs_per_s']:6} docs/s  "
              f"{fig['rows_per_s']:7} rows/s  {fig['mb_per_s']:.3f} MB/s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
