"""The Excel workbook (fundparse.report.xlsx), read back with openpyxl: a Korean header row,
KRW figures as exact integer numbers, one row per funding part, totals by source."""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path

import openpyxl

import fundparse
from fundparse.report.xlsx import HEADERS, XlsxWriter, write_xlsx

SEED = "구미시는 2023년부터 2026년까지 4년간 총사업비 281억 원(국비 121, 지방비 160)을 투입한다."
NESTED = ("총사업비 61억 원(국비 30억6,000만원, 지방비 30억4,000만원(도비 9억1,200만원·시비 "
          "21억2,800만원))을 들여 도서관을 짓는다.")
CORPUS = Path(__file__).resolve().parent.parent / "corpus" / "docs"


def rows(sheet) -> list[tuple]:
    return list(sheet.iter_rows(values_only=True))


def test_workbook_of_the_seed_and_a_nested_split(tmp_path):
    path = tmp_path / "mentions.xlsx"
    docs = [("seed.txt", fundparse.extract(SEED)), ("nested.txt", fundparse.extract(NESTED)),
            ("huge.txt", fundparse.extract("총 10,000,000경 원 규모"))]
    write_xlsx(path, docs)
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["금액", "재원", "재원별 합계"]
    mentions, splits, totals = (rows(book[name]) for name in book.sheetnames)

    assert mentions[0] == HEADERS["mentions"]["ko"] and mentions[0][6] == "원화"
    body = mentions[1:]
    assert [(r[0], r[3], r[6]) for r in body] == [
        ("seed.txt", "281억 원", 28_100_000_000), ("nested.txt", "61억 원", 6_100_000_000),
        ("huge.txt", "10,000,000경 원", str(10 ** 23))]  # beyond a double: exact digits as text
    assert type(body[0][6]) is int and body[0][17:20] == (2023, 2026, 4)
    assert book["금액"]["G2"].number_format == "#,##0"

    assert splits[0][6:9] == ("재원", "분류", "분류(한글)")
    assert [(r[0], r[5], r[6], r[7], r[12]) for r in splits[1:]] == [
        ("seed.txt", None, "국비", "national", 12_100_000_000),
        ("seed.txt", None, "지방비", "local", 16_000_000_000),
        ("nested.txt", None, "국비", "national", 3_060_000_000),
        ("nested.txt", None, "지방비", "local", 3_040_000_000),
        ("nested.txt", "지방비", "도비", "provincial", 912_000_000),
        ("nested.txt", "지방비", "시비", "municipal", 2_128_000_000)]
    assert all(type(r[12]) is int for r in splits[1:])

    assert totals[0] == ("분류", "재원", "원화", "비율")
    # the innermost parts, each once: 국비 121억 + 30억6천만; 지방비 160억 (the nested 지방비 is
    # counted through its 도비 and 시비)
    by_category = {r[0]: r[2] for r in totals[1:]}
    assert by_category == {"national": 15_160_000_000, "provincial": 912_000_000,
                           "municipal": 2_128_000_000, "local": 16_000_000_000,
                           "합계": 34_200_000_000}
    assert totals[1][1] == "국비" and totals[-1][3] == 1


def test_english_headers_and_a_stream():
    stream = io.BytesIO()
    writer = XlsxWriter(stream, lang="en")
    text = (CORPUS / "foreign" / "foreign-02.txt").read_text(encoding="utf-8")
    mentions = fundparse.extract(text)
    writer.begin("foreign-02.txt")
    writer.write("foreign-02.txt", mentions[:3])
    writer.write("foreign-02.txt", mentions[3:])  # a document may arrive in chunks
    writer.end("foreign-02.txt")
    writer.close()
    book = openpyxl.load_workbook(io.BytesIO(stream.getvalue()))
    assert book.sheetnames == ["mentions", "splits", "totals"]
    sheet = rows(book["mentions"])
    assert sheet[0][:7] == ("file", "line", "column", "text", "currency", "value", "krw")
    assert len(sheet) == len(mentions) + 1
    for row, m in zip(sheet[1:], mentions, strict=True):
        assert row[6] == m.krw and (m.krw is None or type(row[6]) is int)
        assert not isinstance(row[5], str) and Decimal(str(row[5])) == m.value


def test_corpus_documents_round_trip_their_figures(tmp_path):
    docs = []
    for name in ("inconsistent/inconsistent-01.txt", "national/national-03.txt",
                 "budgetbook/budgetbook-01.txt"):
        docs.append((name, fundparse.extract((CORPUS / name).read_text(encoding="utf-8"))))
    path = tmp_path / "corpus.xlsx"
    write_xlsx(path, docs)
    book = openpyxl.load_workbook(path)
    got = [(r[0], r[1], r[2], r[6]) for r in rows(book["금액"])[1:]]
    assert got == [(name, m.line, m.column, m.krw) for name, ms in docs for m in ms]
    parts = sum(1 for _ in rows(book["재원"])) - 1
    expected = 0
    for _, ms in docs:
        stack = [s for m in ms for s in m.splits]
        while stack:
            part = stack.pop()
            stack.extend(part.splits)
            expected += 1
    assert parts == expected
