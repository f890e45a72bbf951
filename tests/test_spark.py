"""fundparse.spark on a real local SparkSession (local[2]): the engine inside mapInArrow."""

from __future__ import annotations

import datetime as dt
import os
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from pyspark.sql import SparkSession
from pyspark.sql import types as T
from test_etl import DOCS, RATES, all_docs, expected_exploded, expected_row

import fundparse
from fundparse import etl
from fundparse.spark import extract_mentions, spark_schema

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def spark():
    with pytest.MonkeyPatch.context() as mp:
        # The Python workers must be this interpreter, able to import this checkout.
        mp.setenv("PYSPARK_PYTHON", sys.executable)
        mp.setenv("PYSPARK_DRIVER_PYTHON", sys.executable)
        mp.setenv("PYTHONPATH", os.pathsep.join(
            p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p))
        session = (SparkSession.builder.master("local[2]").appName("fundparse-tests")
                   .config("spark.driver.bindAddress", "127.0.0.1")
                   .config("spark.driver.host", "127.0.0.1")
                   .config("spark.ui.enabled", "false")
                   .config("spark.ui.showConsoleProgress", "false")
                   .config("spark.sql.shuffle.partitions", "4")
                   .getOrCreate())
        session.sparkContext.setLogLevel("ERROR")
        try:
            yield session
        finally:
            session.stop()


def by_key(rows):
    return sorted(rows, key=lambda r: (r["doc_id"] or "", r["start"] or 0,
                                       r.get("split_index") or 0))


def test_plan_runs_the_engine_in_an_arrow_map(spark):
    df = spark.createDataFrame(all_docs(), "doc_id string, text string")
    mentions = extract_mentions(df, "text", "doc_id")
    plan = mentions._jdf.queryExecution().executedPlan().toString()
    assert "MapInArrow" in plan and "fundparse_extract" in plan, plan
    # No Python UDF row by row, no collect in the plan.
    assert "BatchEvalPython" not in plan and "Collect" not in plan
    assert mentions.schema == spark_schema()


def test_every_row_matches_extract_records(spark):
    docs = all_docs()
    df = spark.createDataFrame(docs, "doc_id string, text string").repartition(3)
    got = extract_mentions(df, "text", "doc_id").toArrow()
    records = list(fundparse.extract_records(docs))
    assert got.num_rows == len(records) > 50
    assert by_key(got.to_pylist()) == by_key([expected_row(r) for r in records])
    assert got.column_names == etl.SCHEMA.names


def test_without_id_col_documents_are_numbered_as_a_list(spark):
    texts = [text for _, text in all_docs()]
    rdd = spark.sparkContext.parallelize([(t,) for t in texts], 5)
    df = spark.createDataFrame(rdd, "text string")
    got = extract_mentions(df).toArrow().to_pylist()
    assert got == [expected_row(r) for r in fundparse.extract_records(texts)]
    # More partitions than documents: empty partitions are counted as zero.
    few = spark.createDataFrame(spark.sparkContext.parallelize(
        [("예산 1억 원",), ("없음",), ("예산 2억 원",)], 6), "text string")
    rows = extract_mentions(few).toArrow().to_pylist()
    assert [(r["doc_id"], r["krw"]) for r in rows] == [
        ("0", Decimal(100_000_000)), ("2", Decimal(200_000_000))]


def test_explode_splits_matches(spark):
    docs = all_docs()
    df = spark.createDataFrame(docs, "doc_id string, text string")
    got = extract_mentions(df, "text", "doc_id", explode_splits=True)
    assert got.schema == spark_schema(explode_splits=True)
    expected = [row for r in fundparse.extract_records(docs) for row in expected_exploded(r)]
    assert by_key(got.toArrow().to_pylist()) == by_key(expected)


def test_doc_date_column_and_other_id_types(spark):
    text = "내년 예산 300억 원을 편성했다."
    rows = [(1, text, dt.date(2024, 3, 1)), (2, text, dt.date(2030, 3, 1)), (3, text, None)]
    df = spark.createDataFrame(rows, "id long, body string, published date")
    got = extract_mentions(df, "body", "id", doc_date_col="published").toArrow().to_pylist()
    expected = [expected_row(r) for r in fundparse.extract_records(rows)]
    assert by_key(got) == by_key(expected)
    assert [(r["doc_id"], r["fiscal_year"]) for r in by_key(got)] == [
        ("1", 2025), ("2", 2031), ("3", None)]


def test_rates_are_applied_on_the_executors(spark):
    df = spark.createDataFrame([("usd", DOCS[3])], "doc_id string, text string")
    got = extract_mentions(df, "text", "doc_id", rates=RATES).toArrow().to_pylist()
    usd = [r for r in got if r["currency"] == "USD"]
    assert [r["krw"] for r in usd] == [Decimal(17_256_250_000)]


def test_on_error_row_skip_raise(spark):
    df = spark.createDataFrame([("ok", "예산 1억 원"), ("empty", None)],
                               "doc_id string, text string")
    rows = by_key(extract_mentions(df, "text", "doc_id").toArrow().to_pylist())
    assert [(r["doc_id"], r["error"]) for r in rows] == [
        ("empty", "TypeError: extract() takes a str, not NoneType"), ("ok", None)]
    assert rows[0]["mention_id"] is None and rows[0]["krw"] is None
    skipped = extract_mentions(df, "text", "doc_id", on_error="skip").toArrow().to_pylist()
    assert [r["doc_id"] for r in skipped] == ["ok"]
    with pytest.raises(Exception, match="TypeError"):
        extract_mentions(df, "text", "doc_id", on_error="raise").collect()


def test_bad_arguments_fail_on_the_driver(spark):
    df = spark.createDataFrame([(1, "예산 1억 원")], "n long, text string")
    with pytest.raises(ValueError, match="'body' is not a column"):
        extract_mentions(df, "body")
    with pytest.raises(TypeError, match="must be a string column"):
        extract_mentions(df, "n")
    with pytest.raises(ValueError, match="on_error"):
        extract_mentions(df, on_error="ignore")


def test_column_names_that_need_quoting(spark):
    df = spark.createDataFrame([("a", "예산 1억 원")], "`doc.id` string, `본문 text` string")
    rows = extract_mentions(df, "본문 text", "doc.id").toArrow().to_pylist()
    assert [(r["doc_id"], r["krw"]) for r in rows] == [("a", Decimal(100_000_000))]


def test_spark_schema_is_derived_from_the_arrow_schema():
    schema = spark_schema()
    assert schema.names == etl.SCHEMA.names
    fields = {f.name: f.dataType for f in schema.fields}
    assert fields["krw"] == fields["range_low_krw"] == T.DecimalType(38, 0)
    assert fields["start"] == T.LongType() and fields["fiscal_year"] == T.IntegerType()
    assert fields["approximate"] == T.BooleanType() and fields["value"] == T.StringType()
    split = fields["splits"].elementType
    assert split.names == etl.SCHEMA.field("splits").type.value_type.names
    assert split["krw"].dataType == T.DecimalType(38, 0)
    assert spark_schema(explode_splits=True).names == etl.EXPLODED_SCHEMA.names


def test_missing_pyspark_says_which_extra(monkeypatch):
    for name in ("pyspark", "pyspark.sql", "pyspark.sql.types"):
        monkeypatch.setitem(sys.modules, name, None)
    with pytest.raises(ImportError, match=r"fundparse\[spark\]"):
        spark_schema()
