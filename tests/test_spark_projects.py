"""The projects view on a real local SparkSession: extract_mentions(…, view="projects")."""

from __future__ import annotations

from test_records_view import CHUNGJU, GUMI
from test_spark import spark  # noqa: F401  (the session fixture: local[2], 127.0.0.1)

import fundparse
from fundparse.spark import extract_mentions, spark_schema


def test_projects_view_matches_to_arrow(spark):  # noqa: F811
    docs = [("gumi", GUMI), ("chungju", CHUNGJU), ("none", "입장료는 1인당 3천 원이다.")]
    df = spark.createDataFrame(docs, "doc_id string, text string")
    projects = extract_mentions(df, "text", "doc_id", view="projects")
    assert projects.schema == spark_schema(view="projects")
    plan = projects._jdf.queryExecution().executedPlan().toString()
    assert "MapInArrow" in plan
    got = sorted((r.asDict(recursive=True) for r in projects.collect()),
                 key=lambda r: r["doc_id"])
    expected = sorted(fundparse.to_arrow(docs, view="projects").to_pylist(),
                      key=lambda r: r["doc_id"])
    assert got == expected
    assert [r["agency"]["text"] for r in got] == ["충주시", "구미시"]
