"""Consistent releases must pass silently: the near-misses a checker can trip on."""

from __future__ import annotations

import pytest

import fundparse


@pytest.mark.parametrize("text", [
    "총사업비 281억원(국비 50%)을 투입한다.",                    # one share named, the rest unstated
    "총사업비 100억 원(국비 50억 원)을 들여 정비한다.",            # one part named
    "총사업비 280.8억 원(국비 120.5억 원, 지방비 160.3억 원)",     # one-decimal parts
    "100억 원(국비 33.3%, 도비 33.3%, 시비 33.3%)",              # one-decimal shares
    "국비 150억 원과 도비 45억 원, 시비 104억 원 등 약 300억 원",   # approximate total
    "A센터 총사업비 281억 원을 투입한다. B도로 총사업비 218억 원을 투입한다.",  # two projects
    "▲하수도 3억원(총사업비 97억원) ▲주차장 3억원(총사업비 67억원)",  # a list of projects
    "오는 2026년까지 90억 원을 투입한다.",                        # end year only
])
def test_silent(text):
    assert fundparse.check(text) == []


@pytest.mark.parametrize("text, code", [
    ("총사업비 100억 원(국비 120억 원)을 들여", "FP103"),           # one part above its total
    ("100억 원(국비 50%, 도비 20%)", "FP102"),                     # a list of shares short of 100%
    ("281억 원(국비 121, 지방비 150)", "FP101"),
])
def test_fires(text, code):
    assert [f.code for f in fundparse.check(text)] == [code]


def test_months_allow_one_year_less():
    assert fundparse.check("2024년 3월부터 2026년 2월까지 2년간 30억 원을 투입한다.") == []
    assert [f.code for f in fundparse.check("2024년 3월부터 2026년 2월까지 5년간 30억 원")] == ["FP201"]


def test_table_roles_need_rows_that_line_up_with_the_header():
    aligned = "(단위: 백만원)\n사업\t계\t국비\t도비\n도로\t300\t200\t100\n"
    ragged = "(단위: 백만원)\n사업\t계\t국비\t도비\n도로\t비고\t300\t200\t100\n"
    total = [m for m in fundparse.extract(aligned) if m.krw == 300_000_000][0]
    assert [(s.label, s.krw) for s in total.splits] == [("국비", 200_000_000), ("도비", 100_000_000)]
    assert all(not m.splits for m in fundparse.extract(ragged))
    assert fundparse.check(ragged) == []


def test_a_bare_total_with_its_parts_in_parentheses():
    [m] = fundparse.extract("총 281억(국비 121, 지방비 160)을 투입한다.")
    assert m.krw == 28_100_000_000
    assert [(s.label, s.krw) for s in m.splits] == [("국비", 12_100_000_000), ("지방비", 16_000_000_000)]


def test_parts_written_amount_first():
    [m] = fundparse.extract("사업비 100억 원 중 60억 원은 국비로, 40억 원은 시비로 마련한다.")
    assert [(s.label, s.category, s.krw) for s in m.splits] == [
        ("국비", "national", 6_000_000_000), ("시비", "municipal", 4_000_000_000)]
    assert [m.krw for m in fundparse.extract("예산 50억 원 중 10억 원은 인건비다.")] == [
        5_000_000_000, 1_000_000_000]  # 인건비 is no funding source: no split


def test_bounds_and_rates_across_a_money_noun():
    got = [(m.per, m.bound) for m in fundparse.extract("1인당 최대 지원금 500만 원을 준다.")]
    assert got == [("person", "max")]
    assert [m.bound for m in fundparse.extract("역대 최대 규모인 300억 원")] == [None]


def test_check_speaks_english_on_request():
    [finding] = fundparse.check("281억 원(국비 121, 지방비 150)", lang="en")
    assert finding.message.startswith("parts add up to 271억 원")
    [finding] = fundparse.check("281억 원(국비 121, 지방비 150)")
    assert finding.message.startswith("재원 합계 271억 원")


def test_bare_parts_inherit_the_written_unit():
    [m] = fundparse.extract("총사업비: 1,500백만원 (국비 750, 도비 225, 시비 525)")
    assert [s.krw for s in m.splits] == [750_000_000, 225_000_000, 525_000_000]
    assert fundparse.check("총사업비: 1,500백만원 (국비 750, 도비 225, 시비 525)") == []
    [m] = fundparse.extract("총사업비 : 45억원(국 22.5, 도 6.75, 시 15.75)")
    assert [(s.category, s.krw) for s in m.splits] == [
        ("national", 2_250_000_000), ("provincial", 675_000_000), ("municipal", 1_575_000_000)]


def test_exchange_rate_context_leaves_sums_of_money_alone():
    assert [m.text for m in fundparse.extract("원·달러 환율 1,380.5원")] == []
    assert [m.text for m in fundparse.extract("랜드당 80원")] == []  # any currency word from the data
    assert [m.krw for m in fundparse.extract("환율 상승에 가계 부담이 월 3만 원 늘었다")] == [30_000]
