"""A frame from ``fundparse.to_pandas`` survives the file formats users write it to, with the
calls they type (pandas' defaults), and money comes back exact: Decimal or int, never float."""

from __future__ import annotations

from decimal import Decimal

import openpyxl
import pandas as pd
import pytest

import fundparse
from fundparse import etl

SEED = "구미시는 2023년부터 2026년까지 4년간 총사업비 281억 원(국비 121, 지방비 160)을 투입한다."
DOCS = [
    SEED,
    "총사업비 61억 원(국비 30억6,000만원, 지방비 30억4,000만원(도비 9억1,200만원·시비 "
    "21억2,800만원))을 들여 도서관을 짓는다.",
    "미화 1,250만 달러를 투자하고 사업비 100억~200억 원이 필요하다.",  # a null krw (no rate)
    "총 10,000,000경 원 규모",  # 10^23 KRW: far beyond float and int64
    "이 문서에는 금액이 없다.",
]
MONEY = {False: ["krw", "range_low_krw", "range_high_krw"],
         True: ["krw", "range_low_krw", "range_high_krw", "split_krw"]}


def expected(explode: bool) -> pd.DataFrame:
    return fundparse.to_pandas(DOCS, explode_splits=explode)


def exact(values) -> list:
    """Money as exact ints (None for null); a float anywhere fails."""
    out = []
    for v in values:
        if v is None or v is pd.NA:
            out.append(None)
            continue
        assert not isinstance(v, float), f"float money: {v!r}"
        out.append(int(v))
    return out


@pytest.mark.parametrize("explode", [False, True])
def test_parquet_round_trip(tmp_path, explode):
    frame = expected(explode)
    assert frame["krw"].isna().any() and (frame["krw"] == Decimal(10 ** 23)).any()
    path = tmp_path / "mentions.parquet"
    frame.to_parquet(path)
    back = pd.read_parquet(path)
    assert list(back.columns) == list(frame.columns)
    for column in MONEY[explode]:
        assert exact(back[column]) == exact(frame[column]), column
        assert all(v is None or isinstance(v, Decimal) for v in back[column])
    for column in ("start", "end", "line", "column", "period_start", "period_years", "fiscal_year"):
        assert back[column].tolist() == frame[column].tolist(), column
        assert "float" not in str(back[column].dtype)
    assert back["text"].tolist() == frame["text"].tolist()
    if not explode:
        parts = [[(p["label"], p["category"], p["krw"]) for p in cell] for cell in back["splits"]]
        assert parts == [[(p["label"], p["category"], p["krw"]) for p in cell]
                         for cell in frame["splits"]]
        assert parts[0] == [("국비", "national", Decimal(12_100_000_000)),
                            ("지방비", "local", Decimal(16_000_000_000))]


@pytest.mark.parametrize("explode", [False, True])
def test_csv_round_trip(tmp_path, explode):
    frame = expected(explode)
    path = tmp_path / "mentions.csv"
    frame.to_csv(path)  # pandas' default: the index is written too
    back = etl.read_csv(path, explode_splits=explode)
    assert list(back.columns) == list(frame.columns)
    for column in MONEY[explode]:
        assert exact(back[column]) == exact(frame[column]), column
    for column in ("start", "line", "period_start", "fiscal_year"):
        assert back[column].equals(frame[column]), column  # same values, nulls and dtype
        assert "float" not in str(back[column].dtype) and back[column].dtype == frame[column].dtype
    assert back["text"].tolist() == frame["text"].tolist()


def test_plain_read_csv_gives_exact_ints(tmp_path):
    """pandas' own read_csv, nothing given: every KRW figure of an all-KRW frame is an int."""
    frame = fundparse.to_pandas(DOCS[:2])
    path = tmp_path / "mentions.csv"
    frame.to_csv(path, index=False)
    back = pd.read_csv(path)
    assert str(back["krw"].dtype) == "int64"
    assert back["krw"].tolist() == [int(v) for v in frame["krw"]]
    assert back["krw"].tolist()[0] == 28_100_000_000


@pytest.mark.parametrize("explode", [False, True])
def test_excel_round_trip(tmp_path, explode):
    frame = expected(explode)
    path = tmp_path / "mentions.xlsx"
    frame.to_excel(path)  # pandas' defaults; openpyxl comes with fundparse[etl]
    back = pd.read_excel(path, index_col=0)
    assert list(back.columns) == list(frame.columns)
    assert back["text"].tolist() == frame["text"].tolist()
    # money is written as its exact digits (Excel's numbers are doubles): 10^23 comes back whole
    sheet = openpyxl.load_workbook(path).active
    header = [c.value for c in sheet[1]]
    cells = [row[header.index("krw")] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert [None if c is None else int(c) for c in cells] == exact(frame["krw"])
    assert str(10 ** 23) in cells
