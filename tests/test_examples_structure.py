"""Funding splits, periods, labels, budget years, document date and findings (issue 3).

Expected values come from expressions.md ("Funding splits", "Periods") and output.md; the
inconsistent forms must fire their finding code and the near-miss consistent ones stay silent.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from examples import iter_splits, slice_ok

import fundparse
from fundparse.checks import CHECKS
from fundparse.structure.docdate import coerce_date, sniff_doc_date

EOK = 100_000_000  # 1억


def one(text: str, **kw):
    mentions = fundparse.extract(text, **kw)
    got = [(m.text, m.krw) for m in mentions]
    assert len(mentions) == 1, f"{text!r}: expected one top-level mention, got {got}"
    slice_ok(text, mentions[0])
    return mentions[0]


def parts(m) -> list[tuple]:
    return [(p.label, p.category, p.krw, p.share) for p in m.splits]


def periods(text: str, doc_date: str) -> dict:
    """Each mention's period by its text."""
    return {m.text: m.period for m in fundparse.extract(text, doc_date=doc_date)}


def codes(text: str, **kw) -> list[str]:
    return sorted(f.code for f in fundparse.check(text, **kw))


# --- the seed case: every field of the contract's one-line example ----------------------------

SEED = "구미시는 2023년부터 2026년까지 4년간 총사업비 281억 원(국비 121, 지방비 160)을 투입한다."


def test_seed_case_every_field():
    (m,) = fundparse.extract(SEED)
    data = m.to_dict()
    # the records extension (issue 20): a funded total names its agency; no project here
    assert [data.pop(k) for k in ("agency", "project", "region")] == [
        {"text": "구미시", "start": 0, "end": 3}, None, None]
    assert data == {
        "text": "281억 원", "start": 30, "end": 36, "line": 1, "column": 31,
        "currency": "KRW", "value": "28100000000", "krw": 28100000000,
        "approximate": False, "bound": None, "range": None, "per": None, "change": None,
        "label": "총사업비", "fiscal_year": None,
        "splits": [
            {"label": "국비", "category": "national", "text": "국비 121", "start": 37, "end": 43,
             "value": "12100000000", "currency": "KRW", "krw": 12100000000, "share": None,
             "splits": []},
            {"label": "지방비", "category": "local", "text": "지방비 160", "start": 45, "end": 52,
             "value": "16000000000", "currency": "KRW", "krw": 16000000000, "share": None,
             "splits": []},
        ],
        "period": {"start": 2023, "end": 2026, "years": 4, "text": "2023년부터 2026년까지 4년간",
                   "start_offset": 5, "end_offset": 24},
        "findings": [],
    }
    assert isinstance(m.value, Decimal) and type(m.krw) is int
    for p in m.splits:
        assert isinstance(p.value, Decimal) and type(p.krw) is int
    assert fundparse.check(SEED) == []


def test_seed_case_with_150_fires_fp101():
    text = SEED.replace("지방비 160", "지방비 150")
    findings = fundparse.check(text)
    assert [f.code for f in findings] == ["FP101"]
    f = findings[0]
    assert f.severity == "error"
    assert (f.start, f.end) == (30, 36) and (f.line, f.column) == (1, 31)
    assert "271" in f.message and "281" in f.message
    assert "271" in f.to_dict("en")["message"] and "281" in f.to_dict("en")["message"]
    (m,) = fundparse.extract(text)
    assert [x.code for x in m.findings] == ["FP101"]
    assert parts(m) == [("국비", "national", 121 * EOK, None), ("지방비", "local", 150 * EOK, None)]


# --- splits ----------------------------------------------------------------------------------

PAREN = [
    # (text, total krw, [(label, category, krw, share)])
    ("281억 원(국비 121, 지방비 160)", 281 * EOK,
     [("국비", "national", 121 * EOK, None), ("지방비", "local", 160 * EOK, None)]),
    ("281억원(국비 121·지방비 160)", 281 * EOK,
     [("국비", "national", 121 * EOK, None), ("지방비", "local", 160 * EOK, None)]),
    ("281억 원 (국비 121억 원, 지방비 160억 원)", 281 * EOK,
     [("국비", "national", 121 * EOK, None), ("지방비", "local", 160 * EOK, None)]),
    ("총사업비 281억 원(국비 121억, 지방비 160억)을 투입한다.", 281 * EOK,
     [("국비", "national", 121 * EOK, None), ("지방비", "local", 160 * EOK, None)]),
    ("사업비 1억 9,000만 원(국비 1억 5,000만 원, 지방비 4,000만 원)", 190_000_000,
     [("국비", "national", 150_000_000, None), ("지방비", "local", 40_000_000, None)]),
    ("사업비 1억9천만원(국비 1억5천만원, 지방비 4천만원)", 190_000_000,
     [("국비", "national", 150_000_000, None), ("지방비", "local", 40_000_000, None)]),
    ("사업비 1억 9,000만 원(국비 1억 5,000만 원·지방비 4,000만 원)을 지원한다.", 190_000_000,
     [("국비", "national", 150_000_000, None), ("지방비", "local", 40_000_000, None)]),
    ("총사업비 100억 원(국비 50%, 도비 15%, 시비 35%)", 100 * EOK,
     [("국비", "national", 50 * EOK, Decimal("0.5")), ("도비", "provincial", 15 * EOK, Decimal("0.15")),
      ("시비", "municipal", 35 * EOK, Decimal("0.35"))]),
    ("총사업비 100억 원(국비 50%·도비 15%·시비 35%)을 들인다.", 100 * EOK,
     [("국비", "national", 50 * EOK, Decimal("0.5")), ("도비", "provincial", 15 * EOK, Decimal("0.15")),
      ("시비", "municipal", 35 * EOK, Decimal("0.35"))]),
    ("사업비 10억 원(국비 70%, 군비 30%)", 10 * EOK,
     [("국비", "national", 7 * EOK, Decimal("0.7")), ("군비", "municipal", 3 * EOK, Decimal("0.3"))]),
    ("총사업비 60억 원(국비 18억 원, 지방비 30억 원, 민간 12억 원)", 60 * EOK,
     [("국비", "national", 18 * EOK, None), ("지방비", "local", 30 * EOK, None),
      ("민간", "private", 12 * EOK, None)]),
    ("총사업비 50억 원(국비 20억 원, 자부담 10억 원, 기금 20억 원)", 50 * EOK,
     [("국비", "national", 20 * EOK, None), ("자부담", "self", 10 * EOK, None),
      ("기금", "other", 20 * EOK, None)]),
    ("총사업비 40억 원(국고 10억 원, 구비 30억 원)", 40 * EOK,
     [("국고", "national", 10 * EOK, None), ("구비", "municipal", 30 * EOK, None)]),
    ("총사업비 30억 원(민자 20억 원, 자체 재원 10억 원)", 30 * EOK,
     [("민자", "private", 20 * EOK, None), ("자체 재원", "self", 10 * EOK, None)]),
    # unknown labels in a split list still become splits, category other
    ("총사업비 100억 원(국비 60억 원, 한전 40억 원)", 100 * EOK,
     [("국비", "national", 60 * EOK, None), ("한전", "other", 40 * EOK, None)]),
]


@pytest.mark.parametrize(("text", "total", "expected"), PAREN, ids=[t[0] for t in PAREN])
def test_split_after_total(text, total, expected):
    m = one(text)
    assert m.krw == total
    assert parts(m) == expected
    for p in m.splits:
        assert isinstance(p.value, Decimal) and p.currency == "KRW" and p.splits == ()
        assert p.value == Decimal(p.krw)
        assert p.label in p.text
    assert fundparse.check(text) == []


def test_bare_parts_inherit_unit_and_text():
    m = one("281억 원(국비 121, 지방비 160)")
    assert [(p.text, p.value) for p in m.splits] == [("국비 121", Decimal(121 * EOK)),
                                                    ("지방비 160", Decimal(160 * EOK))]


def test_shares_to_dict():
    m = one("총사업비 100억 원(국비 50%, 도비 15%, 시비 35%)")
    assert [p.to_dict()["share"] for p in m.splits] == ["0.5", "0.15", "0.35"]


NESTED = "총사업비 76억 원(국비 45억6,000만원, 지방비 30억4,000만원(도비 9억1,200만원·시비 21억2,800만원))"


def test_nested_parts():
    m = one(NESTED)
    assert m.krw == 76 * EOK
    assert parts(m) == [("국비", "national", 4_560_000_000, None), ("지방비", "local", 3_040_000_000, None)]
    local = m.splits[1]
    assert local.text.startswith("지방비 30억4,000만원")
    assert [(p.label, p.category, p.krw) for p in local.splits] == [
        ("도비", "provincial", 912_000_000), ("시비", "municipal", 2_128_000_000)]
    assert [p.text for p in local.splits] == ["도비 9억1,200만원", "시비 21억2,800만원"]
    assert fundparse.check(NESTED) == []


def test_nested_part_standalone():
    text = "지방비 30억4,000만원(도비 9억1,200만원·시비 21억2,800만원)"
    m = one(text)
    assert (m.krw, m.label) == (3_040_000_000, "지방비")
    assert [(p.label, p.category, p.krw) for p in m.splits] == [
        ("도비", "provincial", 912_000_000), ("시비", "municipal", 2_128_000_000)]


def test_nested_inconsistent_fires():
    text = "총사업비 76억 원(국비 45억6,000만원, 지방비 30억4,000만원(도비 9억1,200만원·시비 20억원))"
    assert codes(text) == ["FP101"]


BEFORE = [
    "국비 50억 원과 도비 20억 원 등 총 70억 원",
    "국비 50억 원, 도비 20억 원 등 모두 70억 원",
    "국비 50억 원과 도비 20억 원 등 총 70억 원을 투입한다.",
    "국비 50억원, 도비 20억원 등 총 70억원이 투입된다.",
]


@pytest.mark.parametrize("text", BEFORE)
def test_split_before_total(text):
    m = one(text)
    assert m.krw == 70 * EOK
    assert [(p.label, p.category, p.krw) for p in m.splits] == [
        ("국비", "national", 50 * EOK), ("도비", "provincial", 20 * EOK)]
    assert fundparse.check(text) == []


PARTIAL = [
    ("총 70억 원(국비 50억 원 포함)", 70 * EOK, [("국비", "national", 50 * EOK)]),
    ("총사업비 70억원(국비 50억원 포함)을 투입한다.", 70 * EOK, [("국비", "national", 50 * EOK)]),
    ("총사업비 160억 원 중 국비 50억 원", 160 * EOK, [("국비", "national", 50 * EOK)]),
    ("총사업비 160억 원 가운데 국비 50억 원을 확보했다.", 160 * EOK, [("국비", "national", 50 * EOK)]),
    ("국비 50억 원, 도비 10억 원 등 총 70억 원", 70 * EOK,
     [("국비", "national", 50 * EOK), ("도비", "provincial", 10 * EOK)]),
]


@pytest.mark.parametrize(("text", "total", "expected"), PARTIAL, ids=[t[0] for t in PARTIAL])
def test_partial_list_rest_not_invented(text, total, expected):
    m = one(text)
    assert m.krw == total
    assert [(p.label, p.category, p.krw) for p in m.splits] == expected
    assert fundparse.check(text) == []


NEXT_SENTENCE = [
    "총사업비 60억 원을 들여 체육관을 짓는다. 재원은 국비 18억 원, 지방비 30억 원, 민간 12억 원으로 이뤄진다.",
    "시는 총사업비 60억 원을 들여 체육관을 짓는다. 재원별로는 국비 18억 원, 지방비 30억 원, 민간 12억 원이다.",
    "총사업비 60억원을 투입한다. 이 중 국비 18억원, 지방비 30억원, 민간 12억원이다.",
    "총사업비 60억 원을 투입한다. 이 가운데 국비 18억 원, 지방비 30억 원, 민간 12억 원이다.",
]


@pytest.mark.parametrize("text", NEXT_SENTENCE)
def test_split_in_next_sentence(text):
    m = one(text)
    assert m.krw == 60 * EOK
    assert [(p.label, p.category, p.krw) for p in m.splits] == [
        ("국비", "national", 18 * EOK), ("지방비", "local", 30 * EOK), ("민간", "private", 12 * EOK)]
    assert fundparse.check(text) == []


BUDGET_BOOK = [
    ("(단위: 천원)\n사업명\t예산액\t재원별 내역\n도로 정비 사업\t200,000\t국 120,000\t도 30,000\t군 50,000\n",
     "200,000", "도로 정비 사업",
     [("국", "national", 120_000_000), ("도", "provincial", 30_000_000), ("군", "municipal", 50_000_000)]),
    ("(단위: 천원)\n사업비 200,000 [국 120,000] [도 30,000] [군 50,000]\n",
     "200,000", "사업비",
     [("국", "national", 120_000_000), ("도", "provincial", 30_000_000), ("군", "municipal", 50_000_000)]),
    ("(단위: 천원)\n사업명\t예산액\t재원별 내역\n청사 보수\t100,000\t균 40,000\t도 10,000\t시 30,000\t기 20,000\n",
     "100,000", "청사 보수",
     [("균", "national", 40_000_000), ("도", "provincial", 10_000_000), ("시", "municipal", 30_000_000),
      ("기", "other", 20_000_000)]),
]


@pytest.mark.parametrize(("text", "surface", "label", "expected"), BUDGET_BOOK,
                         ids=["table", "brackets", "codes-균시기"])
def test_budget_book_codes(text, surface, label, expected):
    mentions = fundparse.extract(text)
    assert [(m.text, m.krw) for m in mentions] == [(surface, int(surface.replace(",", "")) * 1000)]
    m = mentions[0]
    slice_ok(text, m)
    assert m.label == label
    assert [(p.label, p.category, p.krw) for p in m.splits] == expected
    assert fundparse.check(text) == []


DOTS = ["\u00b7", "\u318d", "\u30fb", "\u2027", "\uff65"]


@pytest.mark.parametrize("dot", DOTS, ids=[f"U+{ord(d):04X}" for d in DOTS])
def test_compound_source_every_middle_dot(dot):
    label = f"국{dot}도비"
    text = f"총사업비 1,000억 원({label} 765억 원, 시비 235억 원)"
    m = one(text)
    got = [(p.label, p.category, p.krw) for p in m.splits]
    assert got[0][1:] == ("national+provincial", 765 * EOK), got
    assert got[0][0] in (label, "국·도비"), f"label as written, got {got[0][0]!r}"
    assert got[1] == ("시비", "municipal", 235 * EOK)


@pytest.mark.parametrize("label", [f"국{d}도비" for d in DOTS] + ["국도비"])
def test_compound_source_labelled_amount(label):
    m = one(f"{label} 765억원을 확보했다.")
    assert m.krw == 765 * EOK
    assert m.label in (label, "국·도비", "국도비") and m.splits == ()


@pytest.mark.parametrize(("label", "category"), [
    ("국도비", "national+provincial"),
    ("시·군비", "municipal"),
    ("시ㆍ군비", "municipal"),
    ("시군비", "municipal"),
])
def test_compound_source_categories(label, category):
    m = one(f"총사업비 100억 원(국비 60억 원, {label} 40억 원)")
    assert [(p.category, p.krw) for p in m.splits] == [("national", 60 * EOK), (category, 40 * EOK)]
    assert m.splits[1].label in (label, label.replace("ㆍ", "·"))


@pytest.mark.parametrize(("text", "category"), [
    ("부산시는 총사업비 100억 원(국비 50억 원, 시비 50억 원)을 투입한다.", "provincial"),
    ("부산광역시는 총사업비 100억 원(국비 50억 원, 시비 50억 원)을 투입한다.", "provincial"),
    ("대구시는 총사업비 100억 원(국비 50억 원, 시비 50억 원)을 들인다.", "provincial"),
    ("서울시는 총사업비 100억 원(국비 50억 원, 시비 50억 원)을 투입한다.", "provincial"),
    ("세종시는 총사업비 100억 원(국비 50억 원, 시비 50억 원)을 투입한다.", "provincial"),
    ("울산광역시 보도자료\n\n총사업비 100억 원(국비 50억 원, 시비 50억 원)을 투입한다.", "provincial"),
    ("구미시는 총사업비 100억 원(국비 50억 원, 시비 50억 원)을 투입한다.", "municipal"),
    ("천안시는 총사업비 100억 원(국비 50억 원, 시비 50억 원)을 투입한다.", "municipal"),
    ("수원시는 총사업비 100억 원(국비 50억 원, 시비 50억 원)을 투입한다.", "municipal"),
    ("총사업비 100억 원(국비 50억 원, 시비 50억 원)을 투입한다.", "municipal"),
])
def test_metropolitan_rule_for_sibi(text, category):
    m = one(text)
    assert [(p.label, p.category) for p in m.splits] == [("국비", "national"), ("시비", category)]


def test_gwangyeoksibi_is_provincial_anywhere():
    m = one("총사업비 100억 원(국비 50억 원, 광역시비 30억 원, 구비 20억 원)")
    assert [(p.label, p.category) for p in m.splits] == [
        ("국비", "national"), ("광역시비", "provincial"), ("구비", "municipal")]


def test_labelled_amounts_without_total_are_plain():
    mentions = fundparse.extract("국비 121억 원, 지방비 160억 원을 확보했다.")
    assert [(m.text, m.krw, m.label, m.splits) for m in mentions] == [
        ("121억 원", 121 * EOK, "국비", ()), ("160억 원", 160 * EOK, "지방비", ())]
    assert fundparse.check("국비 121억 원, 지방비 160억 원을 확보했다.") == []


def test_each_part_appears_once():
    texts = [SEED, NESTED, BEFORE[0], NEXT_SENTENCE[0], PARTIAL[2][0]]
    for text in texts:
        mentions = fundparse.extract(text)
        assert len(mentions) == 1, [(m.text, m.krw) for m in mentions]
        spans = [(p.start, p.end) for p in iter_splits(mentions[0].splits)]
        assert len(spans) == len(set(spans))


# --- labels -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "label"), [
    ("총사업비 281억 원", "총사업비"),
    ("사업비 10억 원", "사업비"),
    ("예산 300억 원", "예산"),
    ("예산안 300억 원", "예산안"),
    ("국비 121억 원을 확보했다.", "국비"),
    ("도비 20억 원", "도비"),
    ("기금 50억 원", "기금"),
    ("시는 281억 원을 투입한다.", None),
])
def test_label(text, label):
    assert one(text).label == label


# --- periods ----------------------------------------------------------------------------------

PERIODS = [
    # (text, period text, start, end, years)
    ("2023년부터 2026년까지 4년간 281억 원을 투입한다.", "2023년부터 2026년까지 4년간", 2023, 2026, 4),
    ("2023~2026년 281억 원을 투입한다.", "2023~2026년", 2023, 2026, 4),
    ("2023년~2026년 281억 원을 투입한다.", "2023년~2026년", 2023, 2026, 4),
    ("2023-2026 281억 원을 투입한다.", "2023-2026", 2023, 2026, 4),
    ("'23~'26년 281억 원을 투입한다.", "'23~'26년", 2023, 2026, 4),
    ("’23∼’26 281억 원을 투입한다.", "’23∼’26", 2023, 2026, 4),
    ("281억 원을 2023~2026년 투입한다.", "2023~2026년", 2023, 2026, 4),
    ("2023년부터 2026년까지 281억 원을 투입한다.", "2023년부터 2026년까지", 2023, 2026, 4),
    ("2024년부터 3년간 90억 원을 투입한다.", "2024년부터 3년간", 2024, 2026, 3),
    ("2026년까지 3년간 90억 원을 투입한다.", "2026년까지 3년간", 2024, 2026, 3),
    ("오는 2026년까지 3년 동안 90억 원을 투입한다.", ("오는 2026년까지 3년 동안", "2026년까지 3년 동안"),
     2024, 2026, 3),
    ("오는 2026년까지 100억 원을 투입한다.", ("오는 2026년까지", "2026년까지"), None, 2026, None),
    ("총 189억 원을 들여 2026년 착공, 2027년 준공할 계획이다.", ("2026년 착공, 2027년 준공",),
     2026, 2027, 2),
]


@pytest.mark.parametrize(("text", "surface", "start", "end", "years"), PERIODS,
                         ids=[p[0] for p in PERIODS])
def test_period(text, surface, start, end, years):
    m = one(text)
    p = m.period
    assert p is not None, f"{text!r}: no period attached"
    surfaces = (surface,) if isinstance(surface, str) else surface
    assert p.text in surfaces
    assert (p.start, p.end, p.years) == (start, end, years)
    assert m.fiscal_year is None
    assert fundparse.check(text) == []


def test_open_period_never_reads_the_document_year():
    m = one("오는 2026년까지 100억 원을 투입한다.", doc_date=dt.date(2024, 5, 20))
    assert (m.period.start, m.period.end, m.period.years) == (None, 2026, None)


@pytest.mark.parametrize("doc_date", [dt.date(2025, 3, 1), "2025-03-01", 2025])
def test_relative_years_from_doc_date(doc_date):
    m = one("올해부터 2028년까지 100억 원을 투입한다.", doc_date=doc_date)
    assert (m.period.start, m.period.end, m.period.years) == (2025, 2028, 4)
    m = one("내년부터 2028년까지 100억 원을 투입한다.", doc_date=doc_date)
    assert (m.period.start, m.period.end, m.period.years) == (2026, 2028, 3)


def test_one_period_over_clauses_each_spending():
    text = ("도는 2028년까지 4932억원을 투입해 공항을 건설하고 2938억원을 들여 항만을 완료한다. "
            "시는 2013년부터 2017년까지 1억 2000만 원을 들여 표시등을 바꿨으나, 올해 다시 5000만 원을 들여 되돌렸다.")
    got = [(m.text, m.period and (m.period.start, m.period.end)) for m in fundparse.extract(text)]
    assert got == [("4932억원", (None, 2028)), ("2938억원", (None, 2028)),
                   ("1억 2000만 원", (2013, 2017)), ("5000만 원", None)]


def test_relative_years_from_sniffed_header():
    text = "보도일시 2025. 3. 4.(화) 조간\n\n시는 올해부터 2028년까지 100억 원을 투입한다."
    m = one(text)
    assert (m.period.start, m.period.end, m.period.years) == (2025, 2028, 4)
    m = one(text, doc_date="2027-01-01")  # the caller's date wins over the header
    assert (m.period.start, m.period.end, m.period.years) == (2027, 2028, 2)


def test_period_in_another_sentence_stays_unattached():
    m = one("사업은 2023년부터 2026년까지 추진한다. 사업비는 281억 원이다.")
    assert m.period is None


def test_a_line_opening_with_an_amount_and_a_comma_goes_on_with_the_line_before():
    # text wrapped at a fixed width: the break falls between a label and its figure
    m = [x for x in fundparse.extract("시는 중기투자재정계획심의회를 열고 2003-2007년까지 투자사업재원으로 시예산\n"
                            "4조1920억원, 민자 1조3789억원 등 총 5조5709억원을 투자할 계획이다.")
         if x.text == "5조5709억원"][0]
    assert (m.period.start, m.period.end, m.period.years) == (2003, 2007, 5)
    # …and the label at the end of the line before names the figure that opens the next
    assert [(p.label, p.krw) for p in m.splits] == [("시예산", 4_192_000_000_000),
                                                   ("민자", 1_378_900_000_000)]


def test_a_stop_typed_after_a_space_ends_the_sentence():
    # a page spaced before its stops, the next sentence glued on: "예상된다 .제 6 차 …"
    m = one("구간별 사업비는 총 2181 억원이 예상된다 .제 6 차 계획은 2026 년부터 2030 년까지 도로를 "
            "넓히는 계획이다 .")
    assert m.period is None


@pytest.mark.parametrize(("text", "doc_date", "fiscal_year", "label"), [
    ("2025년 예산 300억 원", None, 2025, "예산"),
    ("2025년도 예산 300억 원을 편성했다.", None, 2025, "예산"),
    ("내년 예산안 300억 원", dt.date(2024, 9, 1), 2025, "예산안"),
    ("내년도 예산안 5,000억 원", "2024-09-01", 2025, "예산안"),
    ("올해 예산 300억 원", 2026, 2026, "예산"),
    # the budget named after the amount: what it is put in
    ("시는 정비사업에 9억 원을 내년 예산에 편성했다.", "2024-12-10", 2025, None),
    ("5억원을 2026년 본예산에 반영했다.", None, 2026, None),
])
def test_budget_year_is_not_a_period(text, doc_date, fiscal_year, label):
    m = one(text, doc_date=doc_date)
    assert (m.fiscal_year, m.period, m.label) == (fiscal_year, None, label)


# --- document date ----------------------------------------------------------------------------

@pytest.mark.parametrize(("header", "date"), [
    ("2024.05.20 (월)", dt.date(2024, 5, 20)),
    ("2024. 5. 20.", dt.date(2024, 5, 20)),
    ("'24.5.20.", dt.date(2024, 5, 20)),
    ("2024년 5월 20일", dt.date(2024, 5, 20)),
    ("최종편집일. 2024.05.20", dt.date(2024, 5, 20)),
    ("입력 2024-05-20", dt.date(2024, 5, 20)),
    ("보도일시 2024. 5. 21.(화) 조간", dt.date(2024, 5, 21)),
    ("배포일시 2024. 5. 20.", dt.date(2024, 5, 20)),
    ("보도시점 2024. 5. 21.(화) 11:00", dt.date(2024, 5, 21)),
])
def test_sniff_doc_date_header_forms(header, date):
    body = "\n\n시는 총사업비 281억 원을 투입한다고 밝혔다.\n"
    assert sniff_doc_date(header + body) == date
    assert sniff_doc_date("구미시 보도자료\n" + header + body) == date


@pytest.mark.parametrize("text", [
    "배포일시 2024. 5. 20.\n보도일시 2024. 5. 21.(화) 조간\n",
    "보도일시 2024. 5. 21.(화) 조간\n배포일시 2024. 5. 20.\n",
    "입력 2024-05-20\n보도일시 2024. 5. 21.\n",
    "최종편집일. 2024.05.20\n보도시점 2024. 5. 21.\n",
    "보도시점 2024. 5. 21.\n입력 2024-05-20 09:00\n최종편집일. 2024.05.22\n",
])
def test_sniff_prefers_bodo(text):
    assert sniff_doc_date(text + "\n본문이다.") == dt.date(2024, 5, 21)


def test_sniff_nothing_and_coerce():
    assert sniff_doc_date("시는 총사업비 281억 원을 투입한다.") is None
    assert coerce_date(2025) == dt.date(2025, 1, 1)
    assert coerce_date("2024-05-20") == dt.date(2024, 5, 20)
    assert coerce_date(None) is None


# --- findings ---------------------------------------------------------------------------------

FIRES = [
    ("총사업비 281억 원(국비 121, 지방비 150)", "FP101"),
    ("사업비 1억 9,000만 원(국비 1억 5,000만 원, 지방비 5,000만 원)", "FP101"),
    ("국비 50억 원과 도비 30억 원 등 총 70억 원", "FP103"),
    ("총사업비 100억 원(국비 50%, 도비 15%, 시비 30%)", "FP102"),
    ("총사업비 100억 원(국비 50%, 도비 20%, 시비 35%)", "FP102"),
    ("총 70억 원(국비 80억 원 포함)", "FP103"),
    ("총사업비 160억 원 중 국비 200억 원", "FP103"),
    ("2023년부터 2026년까지 3년간 281억 원을 투입한다.", "FP201"),
    ("사업은 2023년부터 2026년까지 3년간 추진된다.", "FP201"),
    ("2026년부터 2023년까지 281억 원을 투입한다.", "FP202"),
    ("사업비 1,23억 원", "FP401"),
    ("사업비 2,7500원", "FP401"),
    ("총사업비 281억 원을 투입한다. 준공 후 총사업비 218억 원이 정산됐다.", "FP301"),
]


@pytest.mark.parametrize(("text", "code"), FIRES, ids=[t[0] for t in FIRES])
def test_finding_fires(text, code):
    findings = fundparse.check(text)
    assert [f.code for f in findings] == [code], [(f.code, f.message) for f in findings]
    f = findings[0]
    assert f.severity == CHECKS[code].severity
    assert f.severity == ("warning" if code == "FP301" else "error")
    line_start = text.rfind("\n", 0, f.start) + 1
    assert (f.line, f.column) == (text.count("\n", 0, f.start) + 1, f.start - line_start + 1)
    assert 0 <= f.start < f.end <= len(text)
    assert f.message and any("가" <= ch <= "힣" for ch in f.message)
    assert f.to_dict("en")["message"] and f.to_dict()["message"] == f.message


SILENT = [
    SEED,
    "총사업비 280.8억 원(국비 120.5억 원, 지방비 160.3억 원)",
    "총사업비 280.8억 원(국비 120.5, 지방비 160.3)",
    "총 100억 원(국비 33.3억 원, 도비 33.3억 원, 시비 33.3억 원)",
    "총사업비 100억 원(국비 33.3%, 도비 33.3%, 시비 33.4%)",
    "총사업비 100억 원(국비 33.3%, 도비 33.3%, 시비 33.3%)",
    "국비 50억 원, 도비 10억 원 등 총 70억 원",
    "총 70억 원(국비 50억 원 포함)",
    "약 300억 원(국비 150억 원, 지방비 149억 원)",
    "체육센터 총사업비 281억 원을 투입한다. 순환도로 총사업비 150억 원도 확정됐다.",
    "2024년부터 5년간 연간 10억 원씩 총 50억 원을 지원한다.",
    "총사업비 281억 원을 투입한다. 총사업비 281억 원 가운데 국비는 121억 원이다.",
    "2023~2026년 4년간 281억 원을 투입한다.",
    "국비 121억 원, 지방비 160억 원을 확보했다.",
    "사업비 27,350,000원과 1,234,567원",
    NESTED,
]


@pytest.mark.parametrize("text", SILENT)
def test_consistent_stays_silent(text):
    findings = fundparse.check(text)
    assert findings == [], [(f.code, f.message) for f in findings]
    for m in fundparse.extract(text):
        assert m.findings == ()


def test_findings_attach_to_their_mention():
    text = "총사업비 281억 원(국비 121, 지방비 150)"
    (m,) = fundparse.extract(text)
    assert [f.code for f in m.findings] == ["FP101"]
    assert m.to_dict()["findings"][0]["code"] == "FP101"


# --- table unit headers with year columns -------------------------------------------------------

def test_table_year_columns_and_decrease():
    text = ("(단위: 백만원)\n"
            "구분\t2024 예산\t2025 예산안\t증감\n"
            "도로 정비\t1,200\t1,000\t△200\n"
            "하천 정비\t500\t650\t150\n")
    mentions = fundparse.extract(text)
    for m in mentions:
        slice_ok(text, m)
    got = [(m.text.lstrip("△"), m.krw, m.label, m.fiscal_year, m.change) for m in mentions]
    # a plain number in a 증감 column may be read as an increase; the spec only fixes △
    if got and got[-1][-1] == "increase":
        got[-1] = got[-1][:-1] + (None,)
    assert got == [
        ("1,200", 1_200_000_000, "도로 정비", 2024, None),
        ("1,000", 1_000_000_000, "도로 정비", 2025, None),
        ("200", 200_000_000, "도로 정비", None, "decrease"),
        ("500", 500_000_000, "하천 정비", 2024, None),
        ("650", 650_000_000, "하천 정비", 2025, None),
        ("150", 150_000_000, "하천 정비", None, None),
    ]


def test_an_increase_takes_the_revenue_parts_that_add_up_to_it():
    text = ("추경예산안을 기정예산 대비 100억 원이 늘어난 2조 원 규모로 편성했다. "
            "세입은 중앙정부이전수입 80억 원과 자체수입 20억 원을 반영했다.")
    increase = next(m for m in fundparse.extract(text) if m.krw == 100 * EOK)
    assert [(p.label, p.category, p.krw) for p in increase.splits] == [
        ("중앙정부이전수입", "national", 80 * EOK), ("자체수입", "self", 20 * EOK)]
    # one part, or parts short of it, make no split of an increase
    short = "예산은 지난해보다 30억 원 늘어난 500억 원이다. 도비 10억 원과 시비 5억 원을 더 받는다."
    assert all(not m.splits for m in fundparse.extract(short))


def test_a_smaller_total_after_jung_is_a_part_holding_its_own_parts():
    text = "군은 총 사업비 340억원 중 국비 83억원과 도비 96억원 등 총 179억원을 확보해 사업을 추진한다."
    whole = one(text)
    assert whole.krw == 340 * EOK
    [inner] = whole.splits
    assert (inner.category, inner.krw) == ("national+provincial", 179 * EOK)
    assert [(p.category, p.krw) for p in inner.splits] == [("national", 83 * EOK),
                                                           ("provincial", 96 * EOK)]
    # parts in a bracket after the smaller figure: no nesting ("6000억원 중 사업비 1385억원(국비898억원)")
    other = fundparse.extract("도는 전국 공모 규모 6000억원 중 사업비 1385억원(국비898억원)을 확보했다.")
    assert not next(m for m in other if m.krw == 6000 * EOK).splits


def test_places_receiving_money_are_no_payers_and_share_the_period_after_them():
    text = ("두 지구가 선정돼 약 984억원의 사업비를 확보하게 됐다. 강릉시는 497억 원(국비 249억 원), "
            "양양군은 487억 원(국비 244억 원)을 각각 지원받아 오는 2022년부터 3년간 정비사업을 추진한다.")
    got = {m.krw // EOK: m for m in fundparse.extract(text)}
    assert not got[984].splits  # the places receive it: where the money goes, not who pays
    for part in (497, 487):
        assert [(p.category, p.krw // EOK) for p in got[part].splits] == [
            ("national", {497: 249, 487: 244}[part])]
        assert (got[part].period.start, got[part].period.end) == (2022, 2024)


def test_a_relative_span_without_a_date_keeps_its_length():
    [m] = fundparse.extract("도는 공모사업으로 지난해부터 올해까지 21개, 1942억원을 확보했다.")
    assert (m.period.start, m.period.end, m.period.years) == (None, None, 2)
    [dated] = fundparse.extract("도는 공모사업으로 지난해부터 올해까지 21개, 1942억원을 확보했다.",
                                doc_date="2024-05-01")
    assert (dated.period.start, dated.period.end, dated.period.years) == (2023, 2024, 2)


def test_a_figures_note_naming_the_projects_total_keeps_its_part_and_leaves_the_total():
    # this year's 6억 with its 지방비, then the project's whole total in the same note
    got = [(m.text, m.label, [(p.label, p.krw) for p in m.splits])
           for m in fundparse.extract("한자마을 조성사업 6억원(지방비 3억ㆍ총사업비 200억원)이 반영됐다.")]
    assert got == [("6억원", None, [("지방비", 300_000_000)]), ("200억원", "총사업비", [])]


def test_parallel_objects_of_one_verb_share_the_period():
    text = ("도는 내년부터 2029년까지 관광 분야 40개 사업에 민자 2조1천억원을, 의료 분야 3개 사업에 "
            "민자 3천억원을 유치한다. 시는 2027년까지 6억원을 쓰고, 내년에는 2억원을 더 들인다.")
    got = [(m.text, m.period and (m.period.start, m.period.end))
           for m in fundparse.extract(text, doc_date="2026-03-02")]
    # a year between the two objects starts another time: the second keeps none
    assert got == [("2조1천억원", (2027, 2029)), ("3천억원", (2027, 2029)),
                   ("6억원", (None, 2027)), ("2억원", None)]


def test_works_listed_with_costs_in_brackets_share_the_period_after_the_list():
    text = ("항만 배후단지에는 안전체험관(사업비 120억원), 물류창고(80억원), 여객터미널(300억원) 등이 "
            "2027년까지 들어선다. 총 500억원(국비 300억원, 도비 200억원)으로 2028년 준공한다.")
    got = [(m.text, m.period and m.period.end, len(m.splits)) for m in fundparse.extract(text)]
    assert got == [("120억원", 2027, 0), ("80억원", 2027, 0), ("300억원", 2027, 0),
                   ("500억원", 2028, 2)]


def test_items_named_as_topics_share_the_period_after_them():
    text = ("동서 고속도로의 총사업비는 4천억원, 남북 구간은 5천억원, 순환 구간은 3천억원으로 "
            "모두 2030년 개통될 예정이다.")
    got = [(m.text, m.period and m.period.end) for m in fundparse.extract(text)]
    assert got == [("4천억원", 2030), ("5천억원", 2030), ("3천억원", 2030)]


def test_a_phase_period_in_brackets_goes_to_the_money_right_after_it():
    text = "1차 정비기간(2015~2019) 40억원이 들었던 것에 비해 2차 계획은 총 120억원으로 늘었다."
    got = [(m.text, m.period and (m.period.start, m.period.end)) for m in fundparse.extract(text)]
    assert got == [("40억원", (2015, 2019)), ("120억원", None)]


def test_items_listed_with_birotae_share_the_period_after_them():
    text = ("선정 사업은 거점육성에 갑면 30억 원, 을면 20억 원을 비롯해 마을만들기에 병리 5억 원 등으로 "
            "각 사업별로 2026년부터 2029년까지 투입된다.")
    got = [(m.text, m.period and (m.period.start, m.period.end)) for m in fundparse.extract(text)]
    assert got == [("30억 원", (2026, 2029)), ("20억 원", (2026, 2029)), ("5억 원", (2026, 2029))]


def test_money_right_after_a_period_is_secured_past_its_parts_bracket():
    text = ("마을은 정비사업을 통해 2027년부터 12억원(국비 6억원·도비 1억8000만원·군비 4억2000만원)으로 "
            "하천 정비 실시설계비를 확보하여 사업을 추진한다.")
    [m] = fundparse.extract(text)
    assert (m.period.start, m.period.end) == (2027, None)


def test_a_grant_secured_takes_no_finish_of_the_project():
    [grant] = fundparse.extract("공모 선정으로 도비 40억원을 확보했으며, 2028년 5월 준공을 목표로 추진된다.")
    assert grant.period is None  # the project's finish, not the grant's
    [total] = fundparse.extract("총사업비 40억원을 투입하며, 2028년 5월 준공을 목표로 추진된다.")
    assert total.period.end == 2028


def test_each_quoted_work_keeps_its_own_finish():
    text = ("‘복합청사’는 총 사업비 300억원을 투입해, 지상3층으로 2028년 완공,  '보육센터'는 총 사업비 "
            "20억원을 들여 지상2층으로 2027년 완공된다.")
    got = [(m.text, m.period and m.period.end) for m in fundparse.extract(text)]
    assert got == [("300억원", 2028), ("20억원", 2027)]


def test_months_named_from_the_documents_month_take_that_months_year():
    text = "총사업비 90억원이 투입되는 이 사업은 내년 11월 준공을 목표로 지난달 착공했다."
    [m] = fundparse.extract(text, doc_date="2026-07-28")
    assert (m.period.start, m.period.end) == (2026, 2027)
    [january] = fundparse.extract(text, doc_date="2026-01-10")  # last month was last year's
    assert (january.period.start, january.period.end) == (2025, 2027)
    [december] = fundparse.extract("사업비 29억원을 들여 다음달부터 내년 6월까지 캠핑장을 조성한다.",
                                   doc_date="2026-12-10")  # next month is next year's
    assert (december.period.start, december.period.end) == (2027, 2027)


def test_items_costs_in_brackets_give_way_to_the_money_after_them():
    text = ("시는 2030년까지 행정타운(1200억원), 판매장(800억원) 등 24건의 공유재산을 매각해 "
            "2000억원을 확보한다는 계획이다.")
    got = [(m.text, m.period and m.period.end) for m in fundparse.extract(text)]
    assert got == [("1200억원", None), ("800억원", None), ("2000억원", 2030)]
    # a bracketed cost with no money after it keeps the period
    [m] = fundparse.extract("2027년까지 체육관(120억원)을 짓는다.")
    assert m.period.end == 2027


def test_years_inside_a_quoted_name_are_no_period_unless_the_name_is_a_plan():
    [event] = fundparse.extract("도가 ‘2026~2027년 전남 방문의 해’를 맞아 1천490억 원을 들여 관광사업을 한다.")
    assert event.period is None
    [plan] = fundparse.extract("‘2026∼2029년 국가재정운용계획’에 반영된 철도 예산은 19조4000억원에 불과하다.")
    assert (plan.period.start, plan.period.end) == (2026, 2029)


def test_a_headlines_money_spent_before_its_ellipsis_takes_the_finish_after_it():
    [m] = fundparse.extract("안동 풍산 747억원 투입…2029년 완공\n\n산업단지 조성사업이 26일 기공식을 열었다.")
    assert m.period.end == 2029


# --- a period keeps to what it governs in a list ------------------------------------------------

def test_a_period_modifying_one_noun_is_not_the_lists():
    # "…예정인" makes the year a modifier of the school, not of the budget lines after it
    text = ("먼저 2027년 개교예정인 영재학교 신설비 49억원, 예술고 설계비 10억 1,400만원, "
            "신설학교 토지매입비 31억 7,200만원을 편성하였다.")
    dated = [m.text for m in fundparse.extract(text, doc_date="2025-08-20") if m.period is not None]
    assert len(dated) <= 1 and "31억 7,200만원" not in dated


def test_an_amount_set_apart_by_byeoldo_is_no_list_mate():
    text = ("보상비(223억원)와 별도로 총 5231억원의 사업비가 소요될 것으로 추산되며 내년 하반기에 "
            "착공해 2030년에 터널을 개통하는 것을 목표로 하고 있다.")
    got = periods(text, "2025-06-25")
    assert got["223억원"] is None
    assert (got["5231억원"].start, got["5231억원"].end) == (2026, 2030)


def test_items_adding_up_to_a_dated_total_share_its_years():
    text = ("내년을 시작으로 오는 2028년까지 439억원을 투입해 △하천 정비사업(421억원) "
            "△급경사지 정비사업(18억원)을 추진한다.")
    got = periods(text, "2025-09-22")
    assert all((p.start, p.end) == (2026, 2028) for p in got.values())


def test_money_spent_so_far_and_left_for_later_takes_no_years():
    # figures adding up to the dated total after a word of another time are progress, not items
    text = ("2010년부터 2020년까지 총 2700억원이 투입되는 재생사업은 현재 2300억원이 투입됐으며 "
            "앞으로 400억원 가량의 재원만 남았다.")
    got = periods(text, "2015-01-02")
    assert (got["2700억원"].start, got["2700억원"].end) == (2010, 2020)
    assert got["2300억원"] is None and got["400억원"] is None


def test_a_total_of_stages_with_their_years_spans_them():
    text = ("총사업비는 1단계(95년-2000년) 4천억원, 2단계(2001년-2010년) 1조8천4백50억원, "
            "3단계(2011년-2020년) 1조3천9백억원 등 모두 3조6천3백50억원이 투입된다.")
    got = periods(text, "1995-10-13")
    whole = got["3조6천3백50억원"]
    assert (whole.start, whole.end, whole.years) == (1995, 2020, 26)
    assert text[whole.start_offset:whole.end_offset].startswith("95년")
    assert (got["4천억원"].start, got["4천억원"].end) == (1995, 2000)


def test_a_total_of_years_listed_before_it_spans_them_but_not_a_sum_over_a_term():
    text = "군은 공모에 참여했으며, 2022년 60억원, 2023년 80억원 등 총 140억원의 기금을 지원받는다."
    got = periods(text, "2022-08-18")
    assert (got["140억원"].start, got["140억원"].end, got["140억원"].years) == (2022, 2023, 2)
    text = ("의원은 특별교부세로 2020년 46억원, 2021년 96억2000만원, 2022년 140억원, 2023년 135억원을 "
            "확보함에 따라, 임기 동안 확보한 특별교부세는 총 417억2000만원에 달한다.")
    got = periods(text, "2023-12-20")
    assert got["417억2000만원"] is None


def test_an_amount_right_after_a_duration_named_the_projects_budget_takes_it():
    text = "소야리항이 추가 선정되어 3년간 총 320억원(국비 224억, 지방비 96억)의 사업비로 사업 추진 중에 있다."
    (m,) = [m for m in fundparse.extract(text) if m.text == "320억원"]
    assert m.period.years == 3


def test_a_totals_installments_after_its_period_leave_the_period_to_the_total():
    text = ("생태공원은 총 60억원이 투입될 예정으로 국비 30억원과 도비 30억원을 조달해 2018년까지 "
            "6억원, 34억원, 20억원 등 연차적으로 집행할 예정이다.")
    got = periods(text, "2016-05-01")
    assert got["60억원"].end == 2018
    assert got["6억원"] is None and got["34억원"] is None and got["20억원"] is None


def test_the_base_of_a_share_gives_its_years_to_the_share():
    text = ("정부는 98년부터 2001년까지 4년간 국고에서 경기장의 총건설비 약 1조1천4백억원의 30%인 "
            "3천5백억원을 연차적으로 지원하기로 했다.")
    got = periods(text, "1997-09-20")
    assert got["1조1천4백억원"] is None
    assert (got["3천5백억원"].start, got["3천5백억원"].end) == (1998, 2001)


def test_a_totals_own_breakdown_in_its_bracket_takes_no_years():
    text = "사업비 480억 원(공사비 400억․부지비 80억)을 들여 2028년까지 완공할 계획이다."
    got = periods(text, "2025-09-22")
    assert got["480억 원"].end == 2028
    assert got["400억"] is None and got["80억"] is None


def test_the_rest_of_a_total_with_payers_of_its_own_is_its_part_holding_them():
    text = ("사업에는 총 7742억원이 투입되며, 민간사업자가 62.25%인 4819억원을 부담하고 나머지 "
            "2923억원을 정부 50%, 부산시와 김해시가 각각 25%씩 부담한다.")
    mentions = fundparse.extract(text)
    assert [m.text for m in mentions] == ["7742억원"]  # the rest is no mention of its own
    rest = mentions[0].splits[1]
    assert (rest.label, rest.category, rest.krw) == ("나머지", "national+provincial+municipal",
                                                     292_300_000_000)
    assert [(p.label, p.krw) for p in rest.splits] == [
        ("정부", 146_150_000_000), ("부산시", 73_075_000_000), ("김해시", 73_075_000_000)]
    # a rest that does not complete the total stays where it was
    other = fundparse.extract("총 100억원 가운데 국비 60억원을 확보했고 나머지 30억원을 도 50%, "
                              "군 50%로 부담한다.")
    assert [m.text for m in other] == ["100억원", "30억원"]


def test_a_year_and_a_fund_word_before_a_figure_make_it_that_years_money():
    # with no document date 올해 stays unresolved, and still the later start is not this money's
    text = ("올해 군비 5억 원을 먼저 들여 설계를 하고, 도비 3억 원 확보와 함께 ‘27년부터 본격 공사를 "
            "추진할 계획이다.")
    got = periods(text, None)
    assert got["5억 원"] is None
    # a verb between the year and the figure is no fund word: the period still spans the figure
    spans = periods("2026년 착공해 100억원을 들여 2028년 준공한다.", "2025-03-01")
    assert (spans["100억원"].start, spans["100억원"].end) == (2026, 2028)
