"""fundparse eval: matching rules, --validate, --floor, --json and gold ``path`` handling.

Every gold file here is written into tmp_path; the team corpus is never read (it changes).
Most tests feed the scorer hand-made Mentions so that they pin the scoring rules, not the
engine; a few run the real engine on the contract's signature sentence.
"""

from __future__ import annotations

import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from fundparse.cli import eval as ev
from fundparse.gold import read
from fundparse.gold import score as scoring
from fundparse.model import Finding, Mention, Period, Range, Split

SIGNATURE = "구미시는 2023년부터 2026년까지 4년간 총사업비 281억 원(국비 121, 지방비 160)을 투입한다."


def m(doc: str, text: str, value, currency: str = "KRW", *, nth: int = 0, **kw) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = doc.index(text, start + 1)
    value = Decimal(str(value))
    krw = int(value) if currency == "KRW" else None
    return Mention(text=text, start=start, end=start + len(text), line=1, column=start + 1,
                   currency=currency, value=value, krw=krw, **kw)


def part(doc: str, text: str, label: str, category: str, value, *, share=None,
         splits=()) -> Split:
    start = doc.index(text)
    value = Decimal(str(value))
    return Split(label=label, category=category, text=text, start=start, end=start + len(text),
                 value=value, currency="KRW", krw=int(value),
                 share=None if share is None else Decimal(share), splits=tuple(splits))


def gold(text: str, amounts=(), splits=(), periods=(), **extra) -> dict:
    return {"id": extra.pop("id", "doc-01"), "doc_date": extra.pop("doc_date", None),
            "text": text, "amounts": list(amounts), "splits": list(splits),
            "periods": list(periods), **extra}


def amt(text: str, value, currency: str = "KRW", **extra) -> dict:
    krw = int(Decimal(str(value))) if currency == "KRW" else None
    return {"text": text, "krw": krw, "currency": currency, "value": str(value), **extra}


def write_gold(tmp_path: Path, *records: dict, name: str = "gold.jsonl") -> str:
    path = tmp_path / name
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
                    encoding="utf-8")
    return str(path)


def score(record: dict, mentions, codes=None, tmp_path: Path | None = None) -> scoring.DocResult:
    doc, errors, _issues, _warnings = read.build_doc(record, str(tmp_path or "."), 1)
    assert doc is not None and not errors, errors
    return score_doc(doc, mentions, codes)


def score_doc(doc, mentions, codes=None) -> scoring.DocResult:
    return scoring.score_document(doc, mentions, codes)


def counts(result: scoring.DocResult, kind: str = "amounts") -> tuple[int, int, int]:
    c = result.counts[kind]
    return c.tp, c.gold, c.predicted


@pytest.fixture
def fake_engine(monkeypatch):
    """Replace the engine inside eval: text -> mentions from a dict the test fills in."""
    table: dict[str, list] = {}
    findings: dict[str, list] = {}
    monkeypatch.setattr(scoring, "_extract", lambda text, doc_date: table.get(text, []))
    monkeypatch.setattr(scoring, "_check", lambda text, doc_date: findings.get(text, []))
    return table, findings


# --- locating gold amounts -------------------------------------------------------------------

def test_group_is_the_id_before_the_last_number():
    assert read.group_of("local-03") == "local"
    assert read.group_of("budget-book-12") == "budget-book"
    assert read.group_of("single") == "single"


def test_gold_amounts_are_found_in_order_and_not_inside_a_longer_number():
    text = "총 412억 원 가운데 12억 원은 주차장, 다시 12억 원은 도로"
    spans, errors, doubts = read.locate_amounts(
        text, [{"text": "412억 원"}, {"text": "12억 원"}, {"text": "12억 원"}])
    assert not errors and not doubts
    assert [text[s:e] for s, e in spans] == ["412억 원", "12억 원", "12억 원"]
    assert spans[1][0] == text.index("가운데") + 4
    assert spans[2][0] > spans[1][0]


def test_explicit_start_end_are_used_and_checked():
    text = "100억 원과 100억 원"
    second = text.rindex("100억 원")
    spans, errors, _ = read.locate_amounts(
        text, [{"text": "100억 원", "start": second, "end": second + 6}])
    assert spans == [(second, second + 6)] and not errors
    _, errors, _ = read.locate_amounts(
        text, [{"text": "100억 원", "start": second - 1, "end": second + 5}])
    assert errors and f"text[{second - 1}:{second + 5}]" in errors[0]


def test_amount_out_of_order_is_not_found():
    text = "30억 원 다음에 20억 원"
    _, errors, _ = read.locate_amounts(text, [{"text": "20억 원"}, {"text": "30억 원"}])
    assert errors == ["amount #1 '30억 원' not found after offset 15 (the previous amount)"]


# --- amounts -----------------------------------------------------------------------------------

def test_overlapping_span_with_equal_value_matches_even_if_the_text_differs():
    text = "사업비는 약 300억 원이다."
    # the gold marks the number with its unit; the engine's span is a little wider
    engine = [Mention(text="약 300억 원", start=5, end=13, line=1, column=6, currency="KRW",
                      value=Decimal("3E10"), krw=30_000_000_000, approximate=True)]
    r = score(gold(text, [amt("300억 원", 30_000_000_000, approximate=True)]), engine)
    assert counts(r) == (1, 1, 1)
    assert r.markers["approximate"].correct == 1


def test_value_currency_and_span_must_all_agree():
    text = "300억 원을 쓰고 300억 원을 더 쓴다. 5달러"
    g = gold(text, [amt("300억 원", 30_000_000_000), amt("5달러", 5, "USD")])
    wrong_value = [m(text, "300억 원", 3_000_000_000), m(text, "5달러", 5, "EUR")]
    r = score(g, wrong_value)
    assert counts(r) == (0, 2, 2)
    assert [x["text"] for x in r.misses["amounts"]] == ["300억 원", "5달러"]
    assert [x["value"] for x in r.false_positives["amounts"]] == ["3000000000", "5"]
    # same value but on the second occurrence: the spans do not overlap
    elsewhere = [m(text, "300억 원", 30_000_000_000, nth=1)]
    r = score(g, elsewhere)
    assert counts(r) == (0, 2, 1)


def test_matching_is_one_to_one():
    text = "국비 10억 원, 도비 10억 원"
    g = gold(text, [amt("10억 원", 1_000_000_000), amt("10억 원", 1_000_000_000)])
    r = score(g, [m(text, "10억 원", 1_000_000_000)])
    assert counts(r) == (1, 2, 1)
    assert r.misses["amounts"][0]["start"] == text.rindex("10억 원")
    r = score(gold(text, [amt("10억 원", 1_000_000_000)]),
              [m(text, "10억 원", 1_000_000_000), m(text, "10억 원", 1_000_000_000, nth=1)])
    assert counts(r) == (1, 1, 2)


def test_decimal_equality_ignores_trailing_zeros():
    text = "주가는 2.50 달러"
    r = score(gold(text, [amt("2.50 달러", "2.5", "USD")]), [m(text, "2.50 달러", "2.50", "USD")])
    assert counts(r) == (1, 1, 1)


def test_a_range_counts_as_two_amounts():
    text = "100억~200억 원 규모"
    rng = Range(Decimal(10_000_000_000), Decimal(20_000_000_000), 10_000_000_000, 20_000_000_000)
    engine = [m(text, "100억~200억 원", 10_000_000_000, range=rng)]
    both = gold(text, [amt("100억~200억 원", 10_000_000_000, range_high="20000000000")])
    r = score(both, engine)
    assert counts(r) == (2, 2, 2)
    assert r.markers["range"].correct == 1 and r.markers["range"].stated == 1
    # the gold has no range: the engine's high end is a false positive
    r = score(gold(text, [amt("100억~200억 원", 10_000_000_000)]), engine)
    assert counts(r) == (1, 1, 2)
    assert r.false_positives["amounts"][0]["range"] == "high"
    assert r.markers["range"].correct == 0
    # the engine misses the range: the gold's high end is missed
    r = score(both, [m(text, "100억~200억 원", 10_000_000_000)])
    assert counts(r) == (1, 2, 1)
    assert r.misses["amounts"][0]["value"] == "20000000000"


def test_split_parts_count_as_amounts_on_their_own_span():
    text = SIGNATURE
    engine = [m(text, "281억 원", 28_100_000_000, splits=(
        part(text, "국비 121", "국비", "national", 12_100_000_000),
        part(text, "지방비 160", "지방비", "local", 16_000_000_000)))]
    g = gold(text, [amt("281억 원", 28_100_000_000), amt("121", 12_100_000_000),
                    amt("160", 16_000_000_000)],
             [{"total_krw": 28_100_000_000, "category": "national", "label": "국비",
               "krw": 12_100_000_000},
              {"total_krw": 28_100_000_000, "category": "local", "label": "지방비",
               "krw": 16_000_000_000}])
    r = score(g, engine)
    assert counts(r) == (3, 3, 3)
    assert counts(r, "splits") == (2, 2, 2)
    # a part the gold forgot is a false positive amount
    r = score(gold(text, [amt("281억 원", 28_100_000_000)]), engine)
    assert counts(r) == (1, 1, 3)
    assert all(x.get("split_part") for x in r.false_positives["amounts"])


def test_one_figure_two_sources_each_pay_is_one_amount():
    text = "총 300억원(국비·지방비 150억원씩)을 들인다."
    engine = [m(text, "300억원", 30_000_000_000, splits=(
        part(text, "국비·지방비 150억원", "국비·지방비", "national", 15_000_000_000),
        part(text, "국비·지방비 150억원", "국비·지방비", "local", 15_000_000_000)))]
    g = gold(text, [amt("300억원", 30_000_000_000), amt("150억원", 15_000_000_000)],
             [{"total_krw": 30_000_000_000, "category": c, "label": "국비·지방비",
               "krw": 15_000_000_000} for c in ("national", "local")])
    r = score(g, engine)
    assert counts(r) == (2, 2, 2)
    assert counts(r, "splits") == (2, 2, 2)


def test_percentage_parts_are_splits_but_not_amounts():
    text = "사업비 100억 원(국비 50%, 도비 50%)"
    engine = [m(text, "100억 원", 10_000_000_000, splits=(
        part(text, "국비 50%", "국비", "national", 5_000_000_000, share="0.5"),
        part(text, "도비 50%", "도비", "provincial", 5_000_000_000, share="0.5")))]
    g = gold(text, [amt("100억 원", 10_000_000_000)],
             [{"total_krw": 10_000_000_000, "category": "national", "label": "국비",
               "krw": 5_000_000_000},
              {"total_krw": 10_000_000_000, "category": "provincial", "label": "도비",
               "krw": 5_000_000_000}])
    r = score(g, engine)
    assert counts(r) == (1, 1, 1)
    assert counts(r, "splits") == (2, 2, 2)


def test_nested_parts_match_on_the_outer_part_krw():
    text = "총 50억 원(국비 20억 원, 지방비 30억 원(도비 9억 원·시비 21억 원))"
    local = part(text, "지방비 30억 원", "지방비", "local", 3_000_000_000, splits=(
        part(text, "도비 9억 원", "도비", "provincial", 900_000_000),
        part(text, "시비 21억 원", "시비", "municipal", 2_100_000_000)))
    engine = [m(text, "50억 원", 5_000_000_000,
                splits=(part(text, "국비 20억 원", "국비", "national", 2_000_000_000), local))]
    amounts = [amt("50억 원", 5_000_000_000), amt("20억 원", 2_000_000_000),
               amt("30억 원", 3_000_000_000), amt("9억 원", 900_000_000),
               amt("21억 원", 2_100_000_000)]
    splits = [
        {"total_krw": 5_000_000_000, "category": "national", "label": "국비", "krw": 2_000_000_000},
        {"total_krw": 5_000_000_000, "category": "local", "label": "지방비", "krw": 3_000_000_000},
        {"total_krw": 3_000_000_000, "category": "provincial", "label": "도비", "krw": 900_000_000},
        {"total_krw": 3_000_000_000, "category": "municipal", "label": "시비",
         "krw": 2_100_000_000},
    ]
    r = score(gold(text, amounts, splits), engine)
    assert counts(r) == (5, 5, 5)
    assert counts(r, "splits") == (4, 4, 4)
    # a nested part hung on the grand total instead of its own part does not match
    wrong = splits[:2] + [dict(splits[2], total_krw=5_000_000_000), splits[3]]
    r = score(gold(text, amounts, wrong), engine)
    assert counts(r, "splits") == (3, 4, 4)
    assert r.misses["splits"][0]["krw"] == 900_000_000
    assert r.false_positives["splits"][0]["text"] == "도비 9억 원"


def test_splits_are_a_multiset():
    text = "A사업 10억 원(국비 5억 원, 시비 5억 원), B사업 10억 원(국비 5억 원, 시비 5억 원)"
    total = 1_000_000_000
    key = {"total_krw": total, "category": "national", "label": "국비", "krw": 500_000_000}
    engine = [m(text, "10억 원", total, splits=(part(text, "국비 5억 원", "국비", "national",
                                                   500_000_000),))]
    r = score(gold(text, [amt("10억 원", total)], [key, key]), engine)
    assert counts(r, "splits") == (1, 2, 1)


def test_periods_match_on_total_start_end():
    text = SIGNATURE
    period = Period(2023, 2026, 4, "2023년부터 2026년까지 4년간", 5, 24)
    engine = [m(text, "281억 원", 28_100_000_000, period=period)]
    right = {"total_krw": 28_100_000_000, "start": 2023, "end": 2026, "years": 4}
    r = score(gold(text, [amt("281억 원", 28_100_000_000)], periods=[right]), engine)
    assert counts(r, "periods") == (1, 1, 1)
    # years are not part of the key; start is
    r = score(gold(text, [amt("281억 원", 28_100_000_000)], periods=[dict(right, years=3)]),
              engine)
    assert counts(r, "periods") == (1, 1, 1)
    r = score(gold(text, [amt("281억 원", 28_100_000_000)], periods=[dict(right, start=2024)]),
              engine)
    assert counts(r, "periods") == (0, 1, 1)
    assert r.false_positives["periods"][0]["text"] == "2023년부터 2026년까지 4년간"


def test_marker_accuracy_treats_absent_fields_as_false_or_null():
    text = "1인당 50만 원 이상, 월 10만 원"
    engine = [m(text, "50만 원", 500_000, per="person", bound="min"),
              m(text, "10만 원", 100_000, per="month")]
    g = gold(text, [amt("50만 원", 500_000, per="person"), amt("10만 원", 100_000)])
    r = score(g, engine)
    assert (r.markers["per"].correct, r.markers["per"].total) == (1, 2)
    assert (r.markers["per"].stated_correct, r.markers["per"].stated) == (1, 1)
    assert (r.markers["bound"].correct, r.markers["bound"].total) == (1, 2)
    fields = sorted((e["text"], e["field"], e["gold"], e["got"]) for e in r.marker_errors)
    assert fields == [("10만 원", "per", None, "month"), ("50만 원", "bound", None, "min")]


def test_findings_recall_and_false_alarms(tmp_path, fake_engine, capsys):
    table, findings = fake_engine
    a, b = "문서 하나 100억 원", "문서 둘 200억 원"
    table[a] = [m(a, "100억 원", 10_000_000_000)]
    table[b] = [m(b, "200억 원", 20_000_000_000)]

    def finding(code):
        return Finding(code=code, severity="error", start=0, end=1, line=1, column=1, message="x")

    findings[a] = [finding("FP101")]
    findings[b] = [finding("FP301")]
    path = write_gold(tmp_path,
                      gold(a, [amt("100억 원", 10_000_000_000)], id="x-01",
                           findings=["FP101", "FP201"]),
                      gold(b, [amt("200억 원", 20_000_000_000)], id="x-02", findings=[]))
    assert ev.main(["--json", path]) == 0
    report = json.loads(capsys.readouterr().out)
    f = report["findings"]
    assert (f["expected"], f["raised_expected"], f["recall"]) == (2, 1, 0.5)
    assert f["false_alarm_documents"] == 1 and f["false_alarm_rate"] == 0.5
    assert f["missed"] == [{"id": "x-01", "codes": ["FP201"]}]
    assert f["false_alarms"] == [{"id": "x-02", "codes": ["FP301"]}]


def test_report_totals_groups_and_lists(tmp_path, fake_engine, capsys):
    table, _ = fake_engine
    a, b, c = "가 10억 원", "나 20억 원과 3억 원", "다 5억 원"
    table[a] = [m(a, "10억 원", 1_000_000_000)]
    table[b] = [m(b, "20억 원", 2_000_000_000), m(b, "3억 원", 30_000_000)]  # wrong value
    table[c] = [m(c, "5억 원", 500_000_000)]
    path = write_gold(tmp_path,
                      gold(a, [amt("10억 원", 1_000_000_000)], id="local-01"),
                      gold(b, [amt("20억 원", 2_000_000_000), amt("3억 원", 300_000_000)],
                           id="local-02"),
                      gold(c, [], id="furniture-01"))
    assert ev.main(["--json", path]) == 0
    report = json.loads(capsys.readouterr().out)
    s = report["scores"]["amounts"]
    assert (s["gold"], s["predicted"], s["matched"]) == (3, 4, 2)
    assert s["precision"] == 0.5 and s["recall"] == 0.6667 and s["f1"] == 0.5714
    assert report["scores"]["splits"]["f1"] == 1.0  # nothing expected, nothing found
    assert set(report["groups"]) == {"local", "furniture"}
    assert report["groups"]["furniture"]["amounts"]["predicted"] == 1
    assert [x["text"] for x in report["misses"]["amounts"]] == ["3억 원"]
    assert [(x["id"], x["text"]) for x in report["false_positives"]["amounts"]] == [
        ("local-02", "3억 원"), ("furniture-01", "5억 원")]


def test_table_output_names_the_scores_and_the_misses(tmp_path, fake_engine, capsys):
    table, _ = fake_engine
    a = "가 10억 원"
    table[a] = []
    path = write_gold(tmp_path, gold(a, [amt("10억 원", 1_000_000_000)], id="local-01"))
    assert ev.main([path, "--lang", "en"]) == 0
    out = capsys.readouterr().out
    for word in ("amounts", "splits", "periods", "Missed amounts", "10억 원", "local-01"):
        assert word in out
    assert ev.main([path]) == 0  # Korean by default
    out = capsys.readouterr().out
    for word in ("금액", "재원", "기간", "놓친 금액 (1)", "10억 원", "local-01"):
        assert word in out


def test_json_output_does_not_need_rich(tmp_path):
    text = "공영주차장 건립에 30억 원을 들인다."
    path = write_gold(tmp_path, gold(text, [amt("30억 원", 3_000_000_000)]))
    code = ("import sys, json; sys.modules['rich'] = None; from fundparse.eval import main; "
            f"rc = main(['--json', {path!r}]); assert 'rich.console' not in sys.modules; "
            "sys.exit(rc)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["scores"]["amounts"]["matched"] == 1


def test_real_engine_on_the_signature_sentence(tmp_path, capsys):
    record = gold(SIGNATURE,
                  [amt("281억 원", 28_100_000_000), amt("121", 12_100_000_000),
                   amt("160", 16_000_000_000)],
                  [{"total_krw": 28_100_000_000, "category": "national", "label": "국비",
                    "krw": 12_100_000_000},
                   {"total_krw": 28_100_000_000, "category": "local", "label": "지방비",
                    "krw": 16_000_000_000}],
                  [{"total_krw": 28_100_000_000, "start": 2023, "end": 2026, "years": 4}],
                  id="sig-01", findings=[])
    path = write_gold(tmp_path, record)
    assert ev.main(["--json", path]) == 0
    report = json.loads(capsys.readouterr().out)
    assert {k: report["scores"][k]["f1"] for k in read.KINDS} == {
        "amounts": 1.0, "splits": 1.0, "periods": 1.0}
    assert report["findings"]["false_alarm_documents"] == 0


def test_engine_crash_marks_the_document(tmp_path, monkeypatch, capsys):
    def boom(text, doc_date):
        raise RuntimeError("kaput")

    monkeypatch.setattr(scoring, "_extract", boom)
    path = write_gold(tmp_path, gold("가 10억 원", [amt("10억 원", 1_000_000_000)]))
    assert ev.main(["--json", path]) == 1
    report = json.loads(capsys.readouterr().out)
    assert "RuntimeError: kaput" in report["errors"][0]["message"]
    assert report["scores"]["amounts"]["recall"] == 0.0


def test_doc_date_is_passed_to_the_engine(tmp_path, monkeypatch, capsys):
    seen = []
    monkeypatch.setattr(scoring, "_extract", lambda text, doc_date: seen.append(doc_date) or [])
    path = write_gold(tmp_path, gold("내년 예산", [], doc_date="2024-05-01"))
    assert ev.main(["--json", path]) == 0
    assert seen == ["2024-05-01"]


# --- gold path through the readers ---------------------------------------------------------

def test_path_read_through_the_reader_must_equal_the_text(tmp_path, fake_engine, capsys):
    table, _ = fake_engine
    text = "총사업비 281억 원을 투입한다.\n"
    table[text] = [m(text, "281억 원", 28_100_000_000)]
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "same.txt").write_bytes(text.encode("cp949"))
    (docs / "other.txt").write_text("총사업비 218억 원을 투입한다.\n", encoding="utf-8")
    ok = gold(text, [amt("281억 원", 28_100_000_000)], id="v-01", path="docs/same.txt")
    path = write_gold(tmp_path, ok)
    assert ev.main(["--json", path]) == 0
    assert json.loads(capsys.readouterr().out)["scores"]["amounts"]["f1"] == 1.0

    bad = dict(ok, id="v-02", path="docs/other.txt")
    missing = dict(ok, id="v-03", path="docs/nowhere.txt")
    path = write_gold(tmp_path, ok, bad, missing)
    assert ev.main(["--json", path]) == 1
    report = json.loads(capsys.readouterr().out)
    errors = {e["id"]: e["message"] for e in report["errors"]}
    assert set(errors) == {"v-02", "v-03"}
    assert "differs from the gold text" in errors["v-02"] and "offset 6" in errors["v-02"]
    assert "not found" in errors["v-03"]
    # a document in error is not scored: its gold counts as missed
    assert report["scores"]["amounts"]["gold"] == 3
    assert report["scores"]["amounts"]["matched"] == 1


def test_path_relative_to_the_working_directory(tmp_path, fake_engine, monkeypatch, capsys):
    text = "본문 10억 원"
    (tmp_path / "doc.txt").write_text(text, encoding="utf-8")
    sub = tmp_path / "gold"
    sub.mkdir()
    path = write_gold(sub, gold(text, [], path="doc.txt"))
    monkeypatch.chdir(tmp_path)
    assert ev.main(["--json", path]) == 0


# --- --validate --------------------------------------------------------------------------------

def test_validate_accepts_good_gold(tmp_path, capsys, monkeypatch):
    def no_engine(*_a, **_k):
        raise AssertionError("--validate must not run the engine")

    monkeypatch.setattr(scoring, "_extract", no_engine)
    text = SIGNATURE
    record = gold(text, [amt("281억 원", 28_100_000_000), amt("121", 12_100_000_000),
                         amt("160", 16_000_000_000)],
                  [{"total_krw": 28_100_000_000, "category": "national", "label": "국비",
                    "krw": 12_100_000_000}],
                  [{"total_krw": 28_100_000_000, "start": 2023, "end": 2026, "years": 4}],
                  findings=[])
    path = write_gold(tmp_path, record)
    assert ev.main(["--validate", "--lang", "en", path]) == 0
    assert "1 documents, 3 amounts, 1 splits, 1 periods: ok" in capsys.readouterr().out
    assert ev.main(["--validate", path]) == 0
    assert "문서 1개, 금액 3개, 재원 1개, 기간 1개: 이상 없음" in capsys.readouterr().out


def test_validate_reports_each_problem(tmp_path, capsys):
    text = "총사업비 100억 원(국비 50억 원, 시비 50억 원)"
    good_amounts = [amt("100억 원", 10_000_000_000), amt("50억 원", 5_000_000_000),
                    amt("50억 원", 5_000_000_000)]
    records = [
        gold(text, good_amounts, id="a-01"),
        gold(text, good_amounts, id="a-01"),                                     # repeated id
        {"id": "a-03", "text": text, "amounts": [], "splits": []},                # missing keys
        gold(text, [amt("200억 원", 20_000_000_000)], id="a-04"),                # not in text
        gold(text, [amt("50억 원", 5_000_000_000), amt("100억 원", 10_000_000_000)],
             id="a-05"),                                                         # out of order
        gold(text, good_amounts, [{"total_krw": 10_000_000_000, "category": "city",
                                   "label": "시비", "krw": 5_000_000_000}], id="a-06"),
        gold(text, good_amounts, [{"total_krw": 7, "category": "national", "label": "국비",
                                   "krw": 5_000_000_000}], id="a-07"),
        gold(text, good_amounts, periods=[{"total_krw": 8, "start": 2024, "end": 2025,
                                           "years": 2}], id="a-08"),
        gold(text, [dict(amt("100억 원", 10_000_000_000), value="1e10")], id="a-09"),
        gold(text, good_amounts, id="a-10", doc_date="2024/05/01"),
        gold(text, [dict(amt("100억 원", 10_000_000_000), krw=9)], id="a-11"),
        gold(text, [dict(amt("100억 원", 10_000_000_000), per="fortnight")], id="a-12"),
        gold(text, good_amounts, [{"total_krw": 10_000_000_000,
                                   "category": "provincial+national", "label": "국도비",
                                   "krw": 5_000_000_000}], id="a-13"),
        gold(text, good_amounts, id="a-14", findings=["FP999"]),
    ]
    path = tmp_path / "bad.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
                    + "{not json\n", encoding="utf-8")
    assert ev.main(["--validate", "--json", str(path)]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["valid"] is False
    by_line: dict[int, list[str]] = {}
    for p in report["problems"]:
        by_line.setdefault(p["line"], []).append(p["message"])
    assert 1 not in by_line
    expect = {
        2: "id repeated", 3: "missing field(s) doc_date, periods", 4: "'200억 원' not found",
        5: "'100억 원' not found after offset", 6: "category 'city'",
        7: "total_krw 7 is not the krw of any amount", 8: "period #0: total_krw 8",
        9: "value '1e10' is not a plain decimal string", 10: "doc_date '2024/05/01'",
        11: "krw 9 does not equal value", 12: "per 'fortnight'",
        13: "category 'provincial+national'", 14: "unknown finding code 'FP999'",
        15: "not valid JSON",
    }
    for line, needle in expect.items():
        assert any(needle in msg for msg in by_line.get(line, [])), (line, by_line.get(line))


def test_validate_checks_the_path(tmp_path, capsys):
    (tmp_path / "d.txt").write_text("다른 본문", encoding="utf-8")
    path = write_gold(tmp_path, gold("본문", [], path="d.txt"))
    assert ev.main(["--validate", path]) == 1
    assert "differs from the gold text" in capsys.readouterr().out


# --- --floor -----------------------------------------------------------------------------------

def _half_right(tmp_path, fake_engine) -> str:
    table, _ = fake_engine
    text = "가 10억 원, 나 20억 원"
    table[text] = [m(text, "10억 원", 1_000_000_000)]
    return write_gold(tmp_path, gold(text, [amt("10억 원", 1_000_000_000),
                                            amt("20억 원", 2_000_000_000)]))


def test_floor_passes_when_every_f1_reaches_it(tmp_path, fake_engine, capsys):
    gold_path = _half_right(tmp_path, fake_engine)  # amounts F1 = 2/3
    floor = tmp_path / "floor.json"
    floor.write_text('{"amounts": 0.66, "splits": 1.0, "periods": 1.0, "_note": "raise only"}')
    assert ev.main(["--floor", str(floor), gold_path]) == 0
    out = capsys.readouterr().out
    assert "0.66" in out


def test_floor_fails_and_says_which(tmp_path, fake_engine, capsys):
    gold_path = _half_right(tmp_path, fake_engine)
    floor = tmp_path / "floor.json"
    floor.write_text('{"amounts": 0.67, "splits": 0.9, "periods": 0.9}')
    assert ev.main(["--json", "--lang", "en", "--floor", str(floor), gold_path]) == 1
    captured = capsys.readouterr()
    report = json.loads(captured.out)
    assert [f["kind"] for f in report["floor"]["failures"]] == ["amounts"]
    assert "F1 for amounts 0.6667 is below the floor 0.67" in captured.err


def test_floor_compares_exactly(tmp_path, fake_engine):
    gold_path = _half_right(tmp_path, fake_engine)
    floor = tmp_path / "floor.json"
    floor.write_text('{"amounts": 0.6666666666666667}')  # just above 2/3
    assert ev.main(["--floor", str(floor), gold_path]) == 1


@pytest.mark.parametrize("content", ['{"amount": 0.9}', '{"amounts": 1.5}', "[0.9]", "{oops"])
def test_bad_floor_file_is_a_usage_error(tmp_path, fake_engine, capsys, content):
    gold_path = _half_right(tmp_path, fake_engine)
    floor = tmp_path / "floor.json"
    floor.write_text(content)
    assert ev.main(["--floor", str(floor), gold_path]) == 2
    assert "floor.json" in capsys.readouterr().err


def test_missing_gold_file_is_a_usage_error(tmp_path, capsys):
    assert ev.main([str(tmp_path / "none.jsonl"), "--lang", "en"]) == 2
    assert "no such gold file" in capsys.readouterr().err
    assert ev.main([str(tmp_path / "none.jsonl")]) == 2
    assert "정답 파일이 없습니다" in capsys.readouterr().err
    assert ev.main([]) == 2


# --- benchmarks/conformance_recognizers.py (on a synthetic suite; the real one is not needed) ---

def _conformance():
    import importlib.util

    path = Path(__file__).resolve().parent.parent / "benchmarks" / "conformance_recognizers.py"
    spec = importlib.util.spec_from_file_location("conformance_recognizers", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_conformance_counts_korean_numbers_itself():
    conf = _conformance()
    assert conf.korean_number("2억 4천 4백만 달러") == 244_000_000
    assert conf.korean_number("50만 9375달러") == 509_375
    assert conf.korean_number("천 4백만 달러") == 14_000_000
    assert conf.korean_number("1천 1백 70만 달러") == 11_700_000
    assert conf.korean_number("2.75 달러") == Decimal("2.75")
    assert conf.korean_number("달러") is None


def test_conformance_expected_values_units_and_corrections():
    conf = _conformance()
    case = {"Input": "2억 4천 4백만 달러와 50센트, 470 펜스, 유로 채권, 5 캐나다 달러",
            "IgnoreResolution": True,
            "Results": [
                {"Text": "2억 4천 4백만 달러", "Resolution": {"value": "254000000", "unit": "Dollar"}},
                {"Text": "50센트", "Resolution": {"value": "50", "unit": "Cent"}},
                {"Text": "470 펜스", "Resolution": {"value": "470", "unit": "Pence"}},
                {"Text": "유로", "Resolution": {"value": None, "unit": "Euro"}},
                {"Text": "5 캐나다 달러 ", "Resolution": {"value": "5", "unit": "Canadian dollar",
                                                      "isoCurrency": "CAD"}},
            ]}
    expected, notes = conf.expected_set(case)
    assert expected == {("2억 4천 4백만 달러", "USD", Decimal(244_000_000)),
                        ("50센트", "USD", Decimal("0.5")), ("470 펜스", "GBP", Decimal("4.7")),
                        ("5 캐나다 달러", "CAD", Decimal(5))}
    assert notes == ["2억 4천 4백만 달러: stated 254000000, counted 244000000"]
    with pytest.raises(ValueError, match="no ISO code"):
        conf.expected_set({"Input": "5 두캇", "Results": [
            {"Text": "5 두캇", "Resolution": {"value": "5", "unit": "Ducat"}}]})


def test_conformance_reasons_must_match_the_failures(tmp_path, capsys):
    conf = _conformance()
    suite = tmp_path / "CurrencyModel.json"
    suite.write_text(json.dumps([
        {"Input": "판매 가격은 30만 달러였다.",
         "Results": [{"Text": "30만 달러", "Resolution": {"value": "300000", "unit": "Dollar"}}]},
        {"Input": "그것은 1 회 5 마오 5가 필요하다.",
         "Results": [{"Text": "1 회 5 마오 5", "Resolution": {"value": "1.55",
                                                          "unit": "Chinese yuan"}}]},
    ], ensure_ascii=False), encoding="utf-8")
    reasons = tmp_path / "reasons.json"
    argv = ["--suite", str(suite), "--reasons", str(reasons)]
    # the second case fails (nothing reported) and has no reason
    assert conf.main(argv) == 1
    out = capsys.readouterr().out
    assert "1 / 2 passed" in out and "Failing without a reason" in out
    cases = json.loads(suite.read_text(encoding="utf-8"))
    key0, key1 = conf.case_key(0, cases[0]), conf.case_key(1, cases[1])
    assert key1 == "1:" + cases[1]["Input"][:20] and key0.startswith("0:판매")
    reasons.write_text(json.dumps({key1: "mistranslation"}, ensure_ascii=False),
                       encoding="utf-8")
    assert conf.main(argv) == 0
    # a reason for a case that passes is an error too
    reasons.write_text(json.dumps({key1: "mistranslation", key0: "stale"}, ensure_ascii=False),
                       encoding="utf-8")
    assert conf.main(argv) == 1
    assert "passing now" in capsys.readouterr().out


def test_conformance_skips_when_the_suite_is_absent(tmp_path, capsys):
    conf = _conformance()
    missing = tmp_path / "nowhere" / "CurrencyModel.json"
    assert conf.main(["--suite", str(missing)]) == 0
    assert f"skipped: the Recognizers-Text suite is not at {missing}" in capsys.readouterr().out


def test_gold_lines_split_only_on_newline(tmp_path, fake_engine, capsys):
    # U+2028 and U+0085 are legal unescaped in JSON strings; they must not end a gold line
    text = "첫 줄\u2028둘째 줄\x85 셋째 줄 10억 원"
    path = tmp_path / "g.jsonl"
    path.write_text(json.dumps(gold(text, [amt("10억 원", 1_000_000_000)]), ensure_ascii=False)
                    + "\r\n", encoding="utf-8")
    assert "\u2028" in path.read_text(encoding="utf-8")
    assert ev.main(["--validate", "--lang", "en", str(path)]) == 0
    assert "1 documents, 1 amounts" in capsys.readouterr().out
