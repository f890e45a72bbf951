"""One rule for totals by funding source: the table footer, the HTML page, the CSV columns and
``fundparse.etl.source_totals`` give the same figures for the same document."""

from __future__ import annotations

import csv
import io
import re

import fundparse

# 지방비 30억 is itself 도비 10억 and 시비 20억; a second, unrelated total has a 지방비 with
# only its 도비 stated, so 50억 of it stays local.
TEXT = ("총사업비 100억 원(국비 70억 원, 지방비 30억 원(도비 10억 원, 시비 20억 원))을 투입한다.\n"
        "또 다른 사업에 200억 원(국비 40억 원, 지방비 160억 원(도비 110억 원))을 들인다.\n")
EXPECTED = {"national": 11_000_000_000, "provincial": 12_000_000_000,
            "municipal": 2_000_000_000, "local": 5_000_000_000}


def test_the_rule_on_nested_parts():
    from fundparse.etl import source_totals

    assert source_totals(fundparse.extract_records([TEXT])) == EXPECTED


def test_table_footer_agrees(cli, tmp_path):
    (tmp_path / "release.txt").write_text(TEXT, encoding="utf-8")
    done = cli("extract", "--no-color", "--lang", "en", tmp_path / "release.txt")
    assert done.returncode == 0, done.stderr
    footer = done.stdout[done.stdout.index("Totals by funding source"):]
    rows = {m[1]: int(m[2].replace(",", ""))
            for m in re.finditer(r"^\s*(\w+) \(.*?\)\s+([\d,]+)\s", footer, re.M)}
    assert rows == EXPECTED


def test_html_page_agrees(cli, tmp_path):
    (tmp_path / "release.txt").write_text(TEXT, encoding="utf-8")
    done = cli("report", tmp_path / "release.txt", "-o", tmp_path / "out")
    assert done.returncode == 0, done.stderr
    page = (tmp_path / "out" / "release.html").read_text(encoding="utf-8")
    bars = {m[1]: int(m[2]) for m in re.finditer(
        r'data-category="([a-z+]+)" data-krw="(\d+)"', page)}
    assert {k: v for k, v in bars.items() if v} == EXPECTED


def test_csv_columns_agree(cli, tmp_path):
    (tmp_path / "release.txt").write_text(TEXT, encoding="utf-8")
    done = cli("extract", "--format", "csv", tmp_path / "release.txt")
    assert done.returncode == 0, done.stderr
    rows = [r for r in csv.DictReader(io.StringIO(done.stdout)) if r["splits"]]
    assert len(rows) == 2
    summed: dict[str, int] = {}
    for row in rows:
        for key, cell in row.items():
            if key.endswith("_krw") and key not in ("krw",) and not key.startswith("range") \
                    and cell:
                summed[key[:-4]] = summed.get(key[:-4], 0) + int(cell)
    assert summed == EXPECTED
