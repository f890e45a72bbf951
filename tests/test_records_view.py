"""The projects view: `fundparse projects`, to_arrow/to_pandas(view="projects")."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal

import pytest
from rich.cells import cell_len

import fundparse
from fundparse import etl

GUMI = ("구미시 보도자료\n\n구미시는 2023년부터 2026년까지 4년간 281억 원(국비 121, 지방비 160)을 "
        "투입해 구미국가산업단지 확장단지 내에 이차전지 양극소재 산업육성 거점센터를 구축한다.\n")
CHUNGJU = ("충주시는 총사업비 96억 원(국비 48억 원, 도비 14억 4천만 원, 시비 33억 6천만 원)을 들여 "
           "연수동 일원에 반려동물 문화센터를 건립한다고 밝혔다. 입장료는 1인당 3천 원이다.\n")


@pytest.fixture
def releases(tmp_path):
    (tmp_path / "gumi.txt").write_text(GUMI, encoding="utf-8")
    (tmp_path / "chungju.txt").write_text(CHUNGJU, encoding="utf-8")
    return tmp_path


def test_table_fits_100_columns_and_names_who_what_where(cli, releases):
    done = cli("projects", releases, env={"COLUMNS": "100"})
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines and max(cell_len(line) for line in lines) <= 100
    for word in ("기관", "사업", "지역", "총액", "재원", "구미시", "충주시", "281억 원", "국비 121억",
                 "지방비 160억", "연수동 일원", "2023–", "2026", "gumi.txt:3"):
        assert word in done.stdout, word
    assert "3천 원" not in done.stdout and "3,000원" not in done.stdout  # a rate, not a project


def test_json_rows_carry_the_spans_and_each_source(cli, releases):
    done = cli("projects", releases, "--format", "json")
    rows = json.loads(done.stdout)
    assert [r["agency"]["text"] for r in rows] == ["충주시", "구미시"]  # folders in name order
    chungju, gumi = rows
    text = (releases / "gumi.txt").read_text(encoding="utf-8")
    for key in ("agency", "project", "region"):
        span = gumi[key]
        assert text[span["start"]:span["end"]] == span["text"]
    assert gumi["krw"] == 28_100_000_000
    assert gumi["sources"] == {"national": 12_100_000_000, "local": 16_000_000_000}
    assert (gumi["period_start"], gumi["period_end"], gumi["line"]) == (2023, 2026, 3)
    assert chungju["sources"] == {"national": 4_800_000_000, "provincial": 1_440_000_000,
                                  "municipal": 3_360_000_000}
    jsonl = cli("projects", releases, "--format", "jsonl").stdout.splitlines()
    assert [json.loads(line) for line in jsonl] == rows
    workers = cli("projects", releases, "--format", "jsonl", "--jobs", "2").stdout.splitlines()
    assert workers == jsonl


def test_csv_has_one_flat_row_per_funded_total(cli, releases):
    done = cli("projects", releases / "gumi.txt", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    assert len(rows) == 1
    row = rows[0]
    assert (row["agency"], row["region"], row["krw"], row["national_krw"], row["local_krw"]) == (
        "구미시", "구미국가산업단지 확장단지", "28100000000", "12100000000", "16000000000")
    assert row["project"] == "이차전지 양극소재 산업육성 거점센터"
    assert row["provincial_krw"] == ""


def test_projects_reports_an_unreadable_file_and_goes_on(cli, releases):
    done = cli("projects", releases / "gumi.txt", releases / "missing.txt", "--format", "jsonl")
    assert done.returncode == 2 and "missing.txt" in done.stderr
    assert len(done.stdout.splitlines()) == 1


def test_arrow_and_pandas_projects_view():
    docs = [("gumi", GUMI), ("chungju", CHUNGJU)]
    table = fundparse.to_arrow(docs, view="projects")
    assert table.schema == etl.PROJECTS_SCHEMA
    rows = table.to_pylist()
    assert [r["doc_id"] for r in rows] == ["gumi", "chungju"]
    at = GUMI.index("구미시는")
    assert rows[0]["agency"] == {"text": "구미시", "start": at, "end": at + 3}
    assert rows[0]["krw"] == Decimal(28_100_000_000) and rows[0]["national_krw"] == Decimal(
        12_100_000_000)
    frame = fundparse.to_pandas(docs, view="projects")
    assert list(frame.columns) == etl.PROJECTS_SCHEMA.names
    assert frame.loc[1, "project"]["text"] == "반려동물 문화센터"
    assert frame.loc[1, "municipal_krw"] == Decimal(3_360_000_000)
    records = list(fundparse.extract_records(docs))
    assert fundparse.to_arrow(records, view="projects").equals(table)
    empty = fundparse.to_arrow([], view="projects")
    assert empty.num_rows == 0 and empty.schema == etl.PROJECTS_SCHEMA


def test_view_names_are_checked():
    with pytest.raises(ValueError, match="view"):
        fundparse.to_arrow([GUMI], view="records")
    with pytest.raises(ValueError, match="explode_splits"):
        fundparse.to_arrow([GUMI], view="projects", explode_splits=True)


def test_a_huge_file_read_in_chunks_keeps_the_spans_in_place(cli, tmp_path):
    text = ("보도 참고.\n" * 400) + GUMI + ("기타 안내.\n" * 400) + CHUNGJU
    path = tmp_path / "huge.txt"
    path.write_text(text, encoding="utf-8")
    whole = json.loads(cli("projects", path, "--format", "json").stdout)
    chunked = cli("projects", path, "--format", "json",
                  env={"FUNDPARSE_HUGE_BYTES": "1000", "FUNDPARSE_CHUNK_CHARS": "2000"})
    assert json.loads(chunked.stdout) == whole and len(whole) == 2
    for row in whole:
        span = row["project"]
        assert text[span["start"]:span["end"]] == span["text"]
