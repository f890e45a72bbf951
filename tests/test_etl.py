"""ETL surface: extract_records, the fixed Arrow schema, to_arrow / to_pandas."""

from __future__ import annotations

import hashlib
import itertools
import json
import sys
import tracemalloc
from decimal import Decimal
from pathlib import Path

import pyarrow as pa
import pytest

import fundparse
from fundparse import etl
from fundparse.model import CONTRACT_VERSION

ROOT = Path(__file__).resolve().parent.parent

# Documents written for these tests: splits (with a finding), a nested split, a share, a range,
# foreign currency, a per-unit amount, a budget year, and a text with no money at all.
DOCS = [
    "구미시는 2023년부터 2026년까지 4년간 총사업비 281억 원(국비 121, 지방비 150)을 투입한다.",
    "총사업비 61억 원(국비 30억6,000만원, 지방비 30억4,000만원(도비 9억1,200만원·시비 "
    "21억2,800만원))을 들여 도서관을 짓는다.",
    "총 40억 원 중 국비 50%를 지원받는다. 참가자에게는 1인당 월 30만 원을 준다.",
    "사업비 100억~200억 원이 필요하다.\n미화 1,250만 달러(약 170억 원)를 투자한다.",
    "2025년 예산 300억 원을 편성했다.",
    "이 문서에는 금액이 없다.",
    "",
]

RATES = {"USD": Decimal("1380.5")}


def corpus_texts() -> list[tuple[str, str]]:
    """(relative path, text) of every corpus/docs/**/*.txt present now, through the reader."""
    from fundparse.readers import read_path

    out = []
    for path in sorted((ROOT / "corpus" / "docs").glob("**/*.txt")):
        out.append((path.relative_to(ROOT).as_posix(), read_path(path).text))
    return out


def all_docs() -> list[tuple[str, str]]:
    return [(f"test-{i}", text) for i, text in enumerate(DOCS)] + corpus_texts()


# An independent flattening of a record into the documented columns, to check to_arrow,
# to_pandas and Spark against (it does not use fundparse.etl).
def expected_row(record: dict) -> dict:
    def dec(n):
        return None if n is None else Decimal(n)

    rng = record.get("range") or {}
    period = record.get("period") or {}
    splits = record.get("splits")
    findings = record.get("findings")
    return {
        "doc_id": None if record["doc_id"] is None else str(record["doc_id"]),
        "mention_id": record.get("mention_id"),
        "text": record.get("text"), "start": record.get("start"), "end": record.get("end"),
        "line": record.get("line"), "column": record.get("column"),
        "currency": record.get("currency"), "value": record.get("value"),
        "krw": dec(record.get("krw")), "approximate": record.get("approximate"),
        "bound": record.get("bound"), "per": record.get("per"), "change": record.get("change"),
        "label": record.get("label"), "fiscal_year": record.get("fiscal_year"),
        "range_low": rng.get("low"), "range_high": rng.get("high"),
        "range_low_krw": dec(rng.get("low_krw")), "range_high_krw": dec(rng.get("high_krw")),
        "period_start": period.get("start"), "period_end": period.get("end"),
        "period_years": period.get("years"), "period_text": period.get("text"),
        "period_start_offset": period.get("start_offset"),
        "period_end_offset": period.get("end_offset"),
        "splits": None if splits is None else [
            {"label": s["label"], "category": s["category"], "text": s["text"],
             "start": s["start"], "end": s["end"], "value": s["value"],
             "currency": s["currency"], "krw": dec(s["krw"]), "share": s["share"],
             "splits_json": json.dumps(s["splits"], ensure_ascii=False, separators=(",", ":"))}
            for s in splits],
        "findings": None if findings is None else [
            {k: f[k] for k in ("code", "severity", "message", "line", "column", "start", "end")}
            for f in findings],
        "page": record.get("page"),
        "error": record.get("error"),
    }


def expected_exploded(record: dict) -> list[dict]:
    row = expected_row(record)
    splits = row.pop("splits")
    tail = {k: row.pop(k) for k in ("findings", "page", "error")}
    keys = ("label", "category", "text", "start", "end", "value", "currency", "krw", "share",
            "splits_json")
    out = []
    for index, part in enumerate(splits or [None]):
        one = dict(row, split_index=None if part is None else index)
        one.update({"split_" + k: None if part is None else part[k] for k in keys})
        one.update(tail)
        out.append(one)
    return out


# --- extract_records ---------------------------------------------------------------------------

def test_records_are_the_contract_plus_ids():
    text = "2023년부터 2026년까지 4년간 281억 원(국비 121, 지방비 160)을 투입"
    records = list(fundparse.extract_records([text]))
    mentions = fundparse.extract(text)
    assert len(records) == len(mentions) == 1
    record = records[0]
    assert record["doc_id"] == 0
    assert {k: v for k, v in record.items() if k not in ("doc_id", "mention_id")} \
        == mentions[0].to_dict()
    assert record["krw"] == 28_100_000_000
    assert [(s["category"], s["krw"]) for s in record["splits"]] == [
        ("national", 12_100_000_000), ("local", 16_000_000_000)]
    assert record["period"]["start"] == 2023 and record["period"]["years"] == 4
    assert "error" not in record


def test_mention_id_is_a_fixed_hash_of_doc_start_end_krw():
    record = next(fundparse.extract_records([("release-1", "총사업비 281억 원을 투입한다.")]))
    key = f"release-1\x1f{record['start']}\x1f{record['end']}\x1f28100000000"
    assert record["mention_id"] == hashlib.sha1(key.encode()).hexdigest()[:16]
    # Written out, so a change of formula (or a per-process hash) shows up here.
    assert etl.mention_id("release-1", 5, 11, 28_100_000_000) == "886d4ec494258687"
    assert etl.mention_id(0, 5, 11, None) == hashlib.sha1(b"0\x1f5\x1f11\x1f").hexdigest()[:16]
    again = next(fundparse.extract_records([("release-1", "총사업비 281억 원을 투입한다.")]))
    assert again["mention_id"] == record["mention_id"]


def test_mention_ids_are_unique_over_the_corpus():
    records = list(fundparse.extract_records(all_docs()))
    ids = [r["mention_id"] for r in records]
    assert len(ids) == len(set(ids)) > 10


def test_doc_ids_positions_pairs_and_triples():
    plain = list(fundparse.extract_records(["예산 1억 원", "없음", "예산 2억 원과 3억 원"]))
    assert [(r["doc_id"], r["krw"]) for r in plain] == [
        (0, 100_000_000), (2, 200_000_000), (2, 300_000_000)]
    pairs = list(fundparse.extract_records([("a", "예산 1억 원"), ["b", "예산 2억 원"]]))
    assert [r["doc_id"] for r in pairs] == ["a", "b"]
    # A third item is that document's date; it wins over doc_date=.
    text = "내년 예산 300억 원을 편성했다."
    by_doc = list(fundparse.extract_records([("x", text, "2024-05-01"), ("y", text)],
                                            doc_date="2030-01-01"))
    assert [(r["doc_id"], r["fiscal_year"]) for r in by_doc] == [("x", 2025), ("y", 2031)]


def test_rates_and_config_are_passed_to_extract():
    text = "미화 1,250만 달러를 투자한다."
    [without] = fundparse.extract_records([text])
    [with_rate] = fundparse.extract_records([text], rates=RATES)
    assert without["krw"] is None and with_rate["krw"] == 17_256_250_000
    assert without["mention_id"] != with_rate["mention_id"]  # krw is part of the id
    [en] = fundparse.extract_records([DOCS[0]], config=fundparse.Config(lang="en"))
    [ko] = fundparse.extract_records([DOCS[0]])
    assert en["findings"][0]["code"] == ko["findings"][0]["code"] == "FP101"
    assert en["findings"][0]["message"] != ko["findings"][0]["message"]


def test_streaming_from_an_endless_source():
    def endless():
        for i in itertools.count():
            yield f"올해 예산 {i + 1}억 원"

    first = list(itertools.islice(fundparse.extract_records(endless()), 3))
    assert [r["krw"] for r in first] == [100_000_000, 200_000_000, 300_000_000]


def test_on_error_raise_skip_row():
    docs = ["예산 1억 원", None, ("bad", b"bytes"), "예산 2억 원"]
    with pytest.raises(TypeError, match="takes a str"):
        list(fundparse.extract_records(docs))
    skipped = list(fundparse.extract_records(docs, on_error="skip"))
    assert [(r["doc_id"], r["krw"]) for r in skipped] == [(0, 100_000_000), (3, 200_000_000)]
    rows = list(fundparse.extract_records(docs, on_error="row"))
    assert [r["doc_id"] for r in rows] == [0, 1, "bad", 3]
    error = rows[1]
    assert error["error"] == "TypeError: extract() takes a str, not NoneType"
    assert rows[2]["error"] == "TypeError: extract() takes a str, not bytes"
    assert error["mention_id"] is None
    assert all(error[key] is None for key in ("text", "start", "krw", "splits", "findings"))
    assert set(error) >= set(fundparse.extract("예산 1억 원")[0].to_dict())


def test_bad_arguments():
    with pytest.raises(ValueError, match="on_error"):
        fundparse.extract_records(["x"], on_error="ignore")
    with pytest.raises(TypeError, match="wrap it in a list"):
        fundparse.extract_records("예산 1억 원")
    with pytest.raises(TypeError, match="wrap it in a list"):
        fundparse.to_arrow("예산 1억 원")


def test_constant_memory_over_100k_documents():
    def documents(n):
        # Mostly cheap documents (tracemalloc slows every allocation), all kinds present.
        for i in range(n):
            if i % 1000 == 999:
                yield (f"doc-{i}", None)  # a failing document now and then
            elif i % 20 == 0:
                yield (f"doc-{i}", f"총사업비 {i % 900 + 100}억 원(국비 {i % 50 + 10}, 지방비 "
                                   f"{i % 40 + 5})을 {2020 + i % 7}년부터 3년간 투입한다.")
            elif i % 5 == 0:
                yield (f"doc-{i}", f"예산 {i % 900 + 1}억 원")
            else:
                yield (f"doc-{i}", f"{i}번째 회의를 열었다.")

    for _ in fundparse.extract_records(documents(300), on_error="row"):  # warm caches
        pass
    tracemalloc.start()
    try:
        peaks = {}
        count = errors = 0
        for record in fundparse.extract_records(documents(100_000), on_error="row"):
            count += 1
            errors += record.get("error") is not None
            if record["doc_id"] in ("doc-10000", "doc-99995"):
                peaks[record["doc_id"]] = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert errors == 100 and count == 100 + 100_000 // 5
    small, large = peaks["doc-10000"], peaks["doc-99995"]
    # Ten times the documents, and the peak grows by less than 1 MB (a record kept alive
    # per document would add about 100 MB).
    assert large - small < 1_000_000, (small, large)
    assert large < 8_000_000


# --- Arrow ---------------------------------------------------------------------------------------

def test_schema_is_fixed_and_carries_versions():
    schema = etl.SCHEMA
    assert schema.metadata == {b"fundparse.contract_version": CONTRACT_VERSION.encode(),
                               b"fundparse.version": fundparse.__version__.encode()}
    types = {f.name: f.type for f in schema}
    money = pa.decimal128(38, 0)
    assert types["krw"] == types["range_low_krw"] == types["range_high_krw"] == money
    assert types["value"] == types["range_low"] == types["doc_id"] == pa.string()
    assert types["fiscal_year"] == types["period_years"] == types["page"] == pa.int32()
    assert types["approximate"] == pa.bool_()
    split = types["splits"].value_type
    assert [f.name for f in split] == ["label", "category", "text", "start", "end", "value",
                                       "currency", "krw", "share", "splits_json"]
    assert split.field("krw").type == money
    assert [f.name for f in types["findings"].value_type] == [
        "code", "severity", "message", "line", "column", "start", "end"]
    assert schema.names[-3:] == ["findings", "page", "error"]
    exploded = etl.EXPLODED_SCHEMA
    assert "splits" not in exploded.names
    assert exploded.field("split_krw").type == money
    assert exploded.metadata == schema.metadata


@pytest.mark.parametrize("docs", [
    [], [""], ["이 문서에는 금액이 없다."], [DOCS[0]], [DOCS[1]], [DOCS[3]], DOCS,
    [None, "예산 1억 원"],
], ids=["empty", "blank", "no-money", "splits", "nested", "range-foreign", "all", "error"])
@pytest.mark.parametrize("explode", [False, True])
def test_same_schema_for_every_input(docs, explode):
    table = fundparse.to_arrow(docs, explode_splits=explode, on_error="row")
    assert table.schema.equals(etl.schema(explode), check_metadata=True)
    assert table.schema.metadata[b"fundparse.contract_version"] == CONTRACT_VERSION.encode()


def test_arrow_rows_match_records():
    docs = all_docs()
    records = list(fundparse.extract_records(docs, rates=RATES))
    table = fundparse.to_arrow(records)
    assert table.num_rows == len(records)
    assert table.to_pylist() == [expected_row(r) for r in records]
    # Documents in, the same table out.
    assert fundparse.to_arrow(docs, rates=RATES).equals(table, check_metadata=True)


def test_arrow_values_of_the_written_documents():
    table = fundparse.to_arrow(DOCS, rates=RATES)
    rows = {(r["doc_id"], r["text"]): r for r in table.to_pylist()}
    total = rows[("0", "281억 원")]
    assert total["krw"] == Decimal(28_100_000_000) and total["label"] == "총사업비"
    assert [(s["label"], s["krw"]) for s in total["splits"]] == [
        ("국비", Decimal(12_100_000_000)), ("지방비", Decimal(15_000_000_000))]
    assert (total["period_start"], total["period_end"], total["period_years"]) == (2023, 2026, 4)
    assert total["period_text"] == "2023년부터 2026년까지 4년간"
    assert [f["code"] for f in total["findings"]] == ["FP101"]
    nested = rows[("1", "61억 원")]["splits"][1]
    assert nested["label"] == "지방비"
    assert json.loads(nested["splits_json"])[0]["krw"] == 912_000_000
    assert rows[("1", "61억 원")]["splits"][0]["splits_json"] == "[]"
    share = rows[("2", "40억 원")]["splits"][0]
    assert share["share"] == "0.5" and share["krw"] == Decimal(2_000_000_000)
    assert rows[("2", "30만 원")]["per"] == "month"
    rng = rows[("3", "100억~200억 원")]
    assert (rng["range_low"], rng["range_high"]) == ("10000000000", "20000000000")
    assert rng["range_high_krw"] == Decimal(20_000_000_000)
    usd = rows[("3", "1,250만 달러")]
    assert (usd["currency"], usd["value"]) == ("USD", "12500000")
    assert usd["krw"] == Decimal(17_256_250_000)
    assert usd["line"] == 2 and usd["range_low"] is None and usd["splits"] == []
    assert rows[("4", "300억 원")]["fiscal_year"] == 2025
    assert not any(r["doc_id"] in ("5", "6") for r in table.to_pylist())


def test_foreign_currency_without_rate_has_null_krw_and_exact_value():
    table = fundparse.to_arrow(["미화 3.5달러와 1,250만 달러"])
    assert table.column("krw").null_count == table.num_rows == 2
    assert table.column("value").to_pylist() == ["3.5", "12500000"]


def test_explode_splits_one_row_per_split():
    records = list(fundparse.extract_records(DOCS))
    table = fundparse.to_arrow(records, explode_splits=True)
    assert table.to_pylist() == [row for r in records for row in expected_exploded(r)]
    rows = table.to_pylist()
    nested = [r for r in rows if r["text"] == "61억 원"]
    assert [(r["split_index"], r["split_label"], r["split_krw"]) for r in nested] == [
        (0, "국비", Decimal(3_060_000_000)), (1, "지방비", Decimal(3_040_000_000))]
    assert all(r["mention_id"] == nested[0]["mention_id"] for r in nested)
    lone = [r for r in rows if r["text"] == "300억 원"]
    assert len(lone) == 1 and lone[0]["split_index"] is None and lone[0]["split_krw"] is None
    assert len({r["mention_id"] for r in rows}) == len(records)


def test_error_rows_in_the_table():
    table = fundparse.to_arrow([("ok", "예산 1억 원"), ("bad", None)], on_error="row")
    ok, bad = table.to_pylist()
    assert ok["error"] is None and ok["krw"] == Decimal(100_000_000)
    assert bad["doc_id"] == "bad" and bad["error"].startswith("TypeError: ")
    assert all(bad[k] is None for k in table.column_names if k not in ("doc_id", "error"))
    assert fundparse.to_arrow([("bad", None)], on_error="skip").num_rows == 0
    with pytest.raises(TypeError):
        fundparse.to_arrow([("bad", None)])


def test_arrow_refuses_krw_beyond_decimal128():
    record = dict(next(fundparse.extract_records(["예산 1억 원"])), krw=10 ** 38)
    with pytest.raises(OverflowError, match="decimal128"):
        fundparse.to_arrow([record])
    big = dict(record, krw=10 ** 38 - 1)
    assert fundparse.to_arrow([big]).column("krw")[0].as_py() == Decimal(10 ** 38 - 1)


# --- pandas ----------------------------------------------------------------------------------

def test_pandas_round_trip_keeps_money_exact():
    import pandas as pd

    docs = all_docs() + [("huge", "총 10,000,000경 원 규모")]
    records = list(fundparse.extract_records(docs, rates=RATES))
    frame = fundparse.to_pandas(records)
    assert len(frame) == len(records)
    assert list(frame.columns) == etl.SCHEMA.names
    objects = {"krw", "range_low_krw", "range_high_krw", "splits", "findings"}
    assert all(isinstance(t, pd.ArrowDtype) for c, t in frame.dtypes.items() if c not in objects)
    assert "float" not in " ".join(str(t) for t in frame.dtypes)
    assert {str(frame[c].dtype) for c in objects} == {"object"}
    # 10^23 KRW is far beyond a float's 2^53: it must come back digit for digit.
    huge = frame.loc[frame["doc_id"] == "huge", "krw"].iloc[0]
    assert huge == Decimal(10 ** 23) and isinstance(huge, Decimal)
    for value, record in zip(frame["krw"], records, strict=True):
        if record["krw"] is None:
            assert value is None
        else:
            assert isinstance(value, Decimal) and int(value) == record["krw"]
    assert frame["start"].tolist() == [r["start"] for r in records]
    # Back to Arrow: the same table, and with the schema given the same types too.
    back = pa.Table.from_pandas(frame, preserve_index=False)
    assert back.to_pylist() == fundparse.to_arrow(records).to_pylist()
    typed = pa.Table.from_pandas(frame, schema=etl.SCHEMA, preserve_index=False)
    assert typed.equals(fundparse.to_arrow(records))


def test_pandas_empty_and_exploded():
    import pandas as pd

    empty = fundparse.to_pandas([])
    assert len(empty) == 0 and list(empty.columns) == etl.SCHEMA.names
    assert all(isinstance(t, pd.ArrowDtype) or t == object for t in empty.dtypes)
    exploded = fundparse.to_pandas(DOCS, explode_splits=True)
    assert list(exploded.columns) == etl.EXPLODED_SCHEMA.names
    assert exploded["split_krw"].dtype == object
    assert {type(v) for v in exploded["split_krw"]} == {Decimal, type(None)}


def test_identical_mentions_through_extract_records_arrow_and_pandas():
    docs = all_docs()
    via_extract = [(doc_id, m.to_dict()) for doc_id, text in docs for m in fundparse.extract(text)]
    records = list(fundparse.extract_records(docs))
    assert [(r["doc_id"], {k: v for k, v in r.items() if k not in ("doc_id", "mention_id")})
            for r in records] == via_extract
    arrow_rows = fundparse.to_arrow(docs).to_pylist()
    frame = fundparse.to_pandas(docs)
    pandas_rows = pa.Table.from_pandas(frame, preserve_index=False).to_pylist()
    assert arrow_rows == pandas_rows == [expected_row(r) for r in records]


# --- optional dependencies -------------------------------------------------------------------

def test_missing_pyarrow_says_which_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(ImportError, match=r"fundparse\[etl\]"):
        fundparse.to_arrow(["예산 1억 원"])
    # Records need neither pyarrow nor pandas.
    assert next(fundparse.extract_records(["예산 1억 원"]))["krw"] == 100_000_000


def test_missing_pandas_says_which_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r"fundparse\[etl\]"):
        fundparse.to_pandas(["예산 1억 원"])
