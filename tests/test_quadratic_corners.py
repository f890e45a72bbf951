"""Inputs that used to take quadratic time (issue 21), at sizes that run in a moment: what
comes out of them.  How the time grows is measured in benchmarks/bench_adversarial.py.
"""

from __future__ import annotations

import pytest

import fundparse
from fundparse import numerals
from fundparse.numerals import _Reader, parse_numerals, tokenize
from fundparse.readers import read_bytes


def test_a_long_run_of_il_before_won_is_no_amount():
    assert fundparse.extract("일" * 3000 + "원") == []
    (m,) = fundparse.extract("일" * 3000 + " 오천 원")
    assert (m.text, m.krw) == ("오천 원", 5000)
    (m,) = fundparse.extract("일" * 50 + "억 원")
    assert (m.text, m.krw) == ("일억 원", 100_000_000)


def test_a_hangul_run_is_looked_over_once_not_once_per_syllable(monkeypatch):
    """The check that a lone ones digit closes an all-Hangul run reads the run's tokens once
    (it read them all again for every syllable: 26 s for 32,000)."""
    tokens = tokenize("일" * 2000)
    reader = _Reader(tokens)
    looked = []

    def counting_all(items):
        items = list(items)
        looked.append(len(items))
        return all(items)

    monkeypatch.setattr(numerals, "all", counting_all, raising=False)
    for i in range(len(tokens)):
        reader.read(i)
    assert sum(looked) <= len(tokens), sum(looked)


@pytest.mark.parametrize("text, krw", [("일억 육천칠백팔십구 원", 100_006_789),
                                       ("이천칠백삼십오만 원", 27_350_000), ("오천만 원", 50_000_000)])
def test_hangul_numerals_still_close_on_a_ones_digit(text, krw):
    (m,) = fundparse.extract(text)
    assert (m.text, m.krw) == (text, krw)
    assert parse_numerals(text.replace(" 원", ""))[-1].value == krw


def rowspan_table(rows: int) -> bytes:
    cells = '<tr><td rowspan="65534">1억 원</td></tr>' * rows
    return f"<html><body><table>{cells}</table></body></html>".encode()


def test_rowspans_are_held_within_the_tables_real_width():
    """300 one-cell rows each claiming 65,534 rows: the text stays two cells wide at most
    (it was row i pushed i cells to the right, n²/2 tabs), and every amount is read."""
    text = read_bytes(rowspan_table(300), "a.html").text
    lines = text.splitlines()
    assert len(lines) == 300
    assert max(line.count("\t") for line in lines) <= 1
    assert len(text) < 300 * 10
    assert [m.krw for m in fundparse.extract(text)] == [100_000_000] * 300


def test_a_true_rowspan_still_lines_columns_up():
    html = ("<table><tr><th>구분</th><th>국비</th><th>도비</th></tr>"
            "<tr><td rowspan='2'>도로</td><td>10억 원</td><td>5억 원</td></tr>"
            "<tr><td>20억 원</td><td>7억 원</td></tr>"
            "<tr><td>교량</td><td colspan='2'>3억 원</td></tr></table>").encode()
    assert read_bytes(html, "t.html").text.splitlines() == [
        "구분\t국비\t도비", "도로\t10억 원\t5억 원", "\t20억 원\t7억 원", "교량\t3억 원"]
