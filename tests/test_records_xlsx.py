"""`fundparse projects --format xlsx`: the projects view as an Excel sheet, read back with
openpyxl — a Korean header row, agency/project/region as text, every KRW figure an exact
integer number."""

from __future__ import annotations

import io
import subprocess

import openpyxl

from conftest import cli_env, fundparse_command
from fundparse.report.xlsx import PROJECT_HEADERS, write_projects_xlsx

GUMI = ("구미시 보도자료\n\n구미시는 2023년부터 2026년까지 4년간 281억 원(국비 121, 지방비 160)을 "
        "투입해 구미국가산업단지 확장단지 내에 이차전지 양극소재 산업육성 거점센터를 구축한다.\n")
CHUNGJU = ("충주시는 총사업비 96억 원(국비 48억 원, 도비 14억 4천만 원, 시비 33억 6천만 원)을 들여 "
           "연수동 일원에 반려동물 문화센터를 건립한다고 밝혔다. 입장료는 1인당 3천 원이다.\n")


def rows_of(book) -> list[tuple]:
    return list(book.active.iter_rows(values_only=True))


def test_projects_workbook_holds_exact_numbers_under_a_korean_header(cli, tmp_path):
    (tmp_path / "gumi.txt").write_text(GUMI, encoding="utf-8")
    (tmp_path / "chungju.txt").write_text(CHUNGJU, encoding="utf-8")
    out = tmp_path / "out" / "projects.xlsx"
    out.parent.mkdir()
    done = cli("projects", tmp_path / "chungju.txt", tmp_path / "gumi.txt", "--format", "xlsx",
               "-o", out)
    assert done.returncode == 0, done.stderr
    assert done.stdout == ""
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["사업"]
    header, *body = rows_of(book)
    assert header == PROJECT_HEADERS["ko"]
    assert header[3:8] == ("기관", "사업", "지역", "원화", "통화")
    got = [dict(zip(header, row)) for row in body]
    assert [(r["기관"], r["사업"], r["지역"], r["원화"]) for r in got] == [
        ("충주시", "반려동물 문화센터", "연수동 일원", 9_600_000_000),
        ("구미시", "이차전지 양극소재 산업육성 거점센터", "구미국가산업단지 확장단지",
         28_100_000_000)]  # the rate (1인당 3천 원) is no row
    chungju, gumi = got
    assert (chungju["국비(원)"], chungju["도비·광역시비(원)"], chungju["시·군·구비(원)"],
            chungju["지방비(원)"]) == (4_800_000_000, 1_440_000_000, 3_360_000_000, None)
    assert (gumi["국비(원)"], gumi["지방비(원)"]) == (12_100_000_000, 16_000_000_000)
    assert (gumi["시작 연도"], gumi["끝 연도"], gumi["기간(년)"]) == (2023, 2026, 4)
    assert (gumi["줄"], gumi["표기"], gumi["파일"].endswith("gumi.txt")) == (3, "281억 원", True)
    for row in got:
        for key in ("원화", "국비(원)"):
            assert type(row[key]) is int  # a number Excel sums, not text
    sheet = book["사업"]
    assert sheet["G2"].number_format == "#,##0" and sheet["I3"].number_format == "#,##0"


def test_english_header_and_a_figure_beyond_a_double_kept_as_digits():
    stream = io.BytesIO()
    row = {"file": "big.txt", "agency": {"text": "정부", "start": 0, "end": 2},
           "project": None, "region": None, "krw": 10 ** 20, "currency": "KRW",
           "sources": {"national": 10 ** 20}, "line": 1, "column": 5, "text": "1해 원"}
    write_projects_xlsx(stream, [row], lang="en")
    book = openpyxl.load_workbook(io.BytesIO(stream.getvalue()))
    assert book.sheetnames == ["projects"]
    header, body = rows_of(book)
    assert header[:8] == ("file", "line", "column", "agency", "project", "region", "krw",
                          "currency")
    got = dict(zip(header, body))
    assert got["agency"] == "정부" and got["project"] is None
    assert got["krw"] == str(10 ** 20) and got["national_krw"] == str(10 ** 20)


def test_workbook_to_a_pipe_and_one_line_errors(cli, tmp_path):
    (tmp_path / "gumi.txt").write_text(GUMI, encoding="utf-8")
    done = subprocess.run([*fundparse_command(), "projects", str(tmp_path / "gumi.txt"),
                           "--format", "xlsx"], capture_output=True, env=cli_env(),
                          stdin=subprocess.DEVNULL, timeout=120)
    assert done.returncode == 0, done.stderr
    assert rows_of(openpyxl.load_workbook(io.BytesIO(done.stdout)))[1][3] == "구미시"
    bad = cli("projects", tmp_path / "gumi.txt", "--format", "xlsx", "-o",
              tmp_path / "missing" / "p.xlsx")
    assert bad.returncode == 2 and "Traceback" not in bad.stderr
    assert len(bad.stderr.strip().splitlines()) == 1
    excel = cli("projects", tmp_path / "gumi.txt", "--format", "xlsx", "--excel")
    assert excel.returncode == 2 and "--excel" in excel.stderr
