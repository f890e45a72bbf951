"""Numbers section of expressions.md: every row, several surfaces each, one exact value.

Each text holds exactly one amount; the test checks its span, Decimal value, integer KRW,
currency and that no marker (approximate, bound, range, per, change) is invented.
"""

from __future__ import annotations

import pytest
from examples import check_case, examples, params, won

import fundparse

# 281억 원 · 281억원 · 281 억원 · 281억 (bare 281억 only where money is meant)
N281 = examples(
    won(28_100_000_000),
    "281억 원",
    "281억원",
    "281 억원",
    "281 억 원",
    ("총 281억 원을 투입한다.", "281억 원"),
    ("281억원을 들여 조성한다.", "281억원"),
    ("전체 사업비 281억원중 일부를 먼저 집행한다.", "281억원"),
    ("이미 받은 국비 281억원외에 지방비를 더 들인다.", "281억원"),
    ("281억 원 규모의 사업", "281억 원"),
    ("사업비 281억을 투입한다.", "281억"),
    ("예산 281억이 편성됐다.", "281억"),
    ("국비 281억을 확보했다.", "281억"),
    ("281억 규모의 사업이다.", "281억"),
    ("281억 상당의 시설", "281억"),
    ("281억을 투입해 짓는다.", "281억"),
    ("281억을 투자한다.", "281억"),
    ("281억을 지원한다.", "281억"),
    ("281억을 편성했다.", "281억"),
    ("281억을 들여 짓는다.", "281억"),
    ("281억을 배정했다.", "281억"),
    ("내년부터 281억 순차 투입", "281억"),
    ("국비 지원으로 281억 추가 확보", "281억"),
    ("101개 공약사업 확정... 281억 추산", "281억"),
    ("２８１억 원", "２８１억 원"),
    ("281억 ￦", "281억 ￦"),
    ("28,100,000,000원", "28,100,000,000원"),
    ("이백팔십일억 원", "이백팔십일억 원"),
)

N190M = examples(
    won(190_000_000),
    "1억 9,000만 원",
    "1억9천만원",
    "1억 9천만 원",
    "1억9,000만원",
    "1억 9000만 원",
    "일억구천만 원",
    "1.9억 원",
    "190,000,000원",
    ("사업비 1억 9,000만 원을 지원한다.", "1억 9,000만 원"),
)

N350M = examples(
    won(350_000_000),
    "3억5천만원",
    "3억 5,000만원",
    "3.5억 원",
    "3억 5천만 원",
    "삼억오천만원",
    "350,000,000원",
    ("3억5천만원을 투입", "3억5천만원"),
)

N12T = examples(
    won(1_200_000_000_000),
    "1조 2천억 원",
    "1조2000억원",
    "1.2조 원",
    "1조 2,000억 원",
    "일조 이천억 원",
    "1조2천억원",
)

N656T = examples(
    won(656_600_000_000_000),
    "656조 6천억 원",
    "656조6천억원",
    "656.6조 원",
    "656조 6,000억 원",
    ("내년 정부 예산안은 656조 6천억 원이다.", "656조 6천억 원"),
)

N677T = examples(
    won(677_400_000_000_000),
    "677조4천억원",
    "677조 4천억 원",
    "677.4조 원",
    "677조 4,000억원",
)

N2748 = examples(
    won(274_800_000_000),
    "2,748억원",
    "2748억 원",
    "2,748억 원",
    "2748억원",
    "이천칠백사십팔억 원",
    ("총사업비 2,748억원을 들여", "2,748억원"),
)

N27350000 = examples(
    won(27_350_000),
    "27,350,000원",
    "27350000원",
    "₩27,350,000",
    "KRW 27,350,000",
    "27,350,000 원",
    "￦27,350,000",
    "₩27350000",
    "2,735만 원",
    "2735만원",
    "이천칠백삼십오만원",
    "이천칠백삼십오만 원",
    "２７３５００００원",
)

N50M = examples(
    won(50_000_000),
    "5천만 원",
    "오천만 원",
    "5,000만 원",
    "5000만원",
    "5천만원",
    "50,000,000원",
    "5.000만원",  # a stop typed for the thousands comma (three digits ending in 00 after it)
)

N300K = examples(
    won(300_000),
    "30만 원",
    "삼십만 원",
    "30만원",
    "300,000원",
    "삼십만원",
)

# Hangul numerals, with or without 일 before 십/백/천/만
N100M = examples(
    won(100_000_000),
    "일억 원",
    "일억원",
    "1억 원",
    "1억원",
    "100,000,000원",
)

N14M = examples(
    won(14_000_000),
    "천 4백만 원",
    "천4백만원",
    "일천사백만 원",
    "천사백만 원",
    "1천4백만 원",
    "1,400만 원",
)

N_HANGUL_MISC = (
    examples(won(10_000), "만 원", "일만 원", "1만 원", "10,000원", ("입장료는 만 원이다.", "만 원"))
    + examples(won(1_000), "1,000원", "천 원", ("입장료는 천원이다.", "천원"))
    + examples(won(1_100_000), "백십만 원", "일백일십만 원", "110만 원")
    + examples(won(4_820_000), "482만 원", "사백팔십이만 원", "4,820,000원")
    + examples(won(125_000), "12만 5천 원", "십이만오천 원", "12만5천원", "125,000원")
    + examples(won(10_050_000_000), "1백억 5천만 원", "100억 5천만 원", "백억 오천만 원")
    + examples(won(48_200_000), "4천 820만 원", "4천820만원", "사천팔백이십만 원")
)

# Formal and Hanja numerals: 일금 … 정 / 金 … 整 are the formal frame around the amount; the
# contract's text is "number, unit and currency words only", so either reading of the span is
# accepted here (the value is what matters).
N_FORMAL = examples(
    won(100_000_000),
    ("일금 일억원정", ("일억원", "일금 일억원정", "일억원정", "일금 일억원")),
    ("金 壹億원整", ("壹億원", "金 壹億원整", "壹億원整", "金 壹億원")),
    ("一億 원", "一億 원"),
    ("壹億원", "壹億원"),
    ("일금 壹億원정", ("壹億원", "일금 壹億원정", "壹億원정", "일금 壹億원")),
    ("一億원", "一億원"),
)

N_FORMAL_MORE = examples(
    won(27_350_000),
    ("일금 이천칠백삼십오만원정", ("이천칠백삼십오만원", "일금 이천칠백삼십오만원정",
                              "이천칠백삼십오만원정", "일금 이천칠백삼십오만원")),
    ("二千七百三十五萬원", "二千七百三十五萬원"),
    ("貳仟柒佰參拾伍萬원", "貳仟柒佰參拾伍萬원"),
)

# Issue 15: broken-up figures — 여 inside a compound, 원 written twice, spaced units; Duckling's
# won forms.
N_BROKEN = (
    examples(won(1_320_000_000_000, approximate=True), "1조 3천 200여 억원", "1조 3천 200여억원",
             "1조 3천200여 억 원", ("총 1조 3천 200여 억원이 든다.", "1조 3천 200여 억원"))
    + examples(won(300_000_000_000, approximate=True), "3천 여억원", "3천여억원", "3천여 억원",
               ("문화·관광시설 3천 여억원,", "3천 여억원"))
    + examples(won(280_000_000_000, approximate=True), "2천 800여 억원", "2천800여억 원")
    + examples(won(4_870_000_000_000, approximate=True), "4조 8천 700여 억원")
    + examples(won(30_000_000_000, approximate=True), "300여 억원", "300 여억원", "300여억 원")
    # Hangul numerals with 여 after the big unit
    + examples(won(100_000_000_000, approximate=True), "천억여원", "천억여 원",
               ("올해부터 6년 간 천억여원이 투입된다.", "천억여원"))
    + examples(won(30_000_000_000, approximate=True), "삼백억여원")
    # a group after 천 written with its zeros
    + examples(won(704_900_000_000), "7천049억원", ("민자 7천049억원", "7천049억원"))
    + examples(won(1_250_000_000), "12억원 5천만원", "12억 원 5천만 원",
               ("사업비 12억원 5천만원을 들였다.", "12억원 5천만원"))
    + examples(won(380_000_000), "3 억 8 천만 원", "3억 8천만 원", "3억8천만원")
    + examples(won(1_235_000_000), "1,235백만원", ("유상이관비(1, 235백만원)", "1, 235백만원"))
    + examples(won(27_350_000), "이천칠백삼십오만원", "27,350,000원", "27350000원")
    + examples(won(27_000), "이만칠천원", "27,000원", "27000원")
    + examples(won(100), "백원", "100원")
    + examples(won(10), "십원", "10원", "10₩")
)

NUMBER_TABLES = [
    N281, N190M, N350M, N12T, N656T, N677T, N2748, N27350000, N50M, N300K, N100M, N14M,
    N_HANGUL_MISC, N_FORMAL, N_FORMAL_MORE, N_BROKEN,
]
ALL = [case for table in NUMBER_TABLES for case in table]


@pytest.mark.parametrize("case", params(ALL))
def test_number_surface(case):
    check_case(case)


# (단위: 백만원) / (단위 : 억원) / 단위: 천원 heading a table: governed bare numbers scale.
UNIT_TABLES = [
    ("(단위: 백만원)\n사업명\t예산\n도로 정비\t1,234\n", "1,234", 1_234_000_000),
    ("(단위 : 백만원)\n사업명\t예산\n도로 정비\t1234\n", "1234", 1_234_000_000),
    ("(단위: 억원)\n사업명\t예산\n하천 정비\t12.5\n", "12.5", 1_250_000_000),
    ("(단위 : 억원)\n구분\t금액\n청사 신축\t281\n", "281", 28_100_000_000),
    ("단위: 천원\n사업명\t예산액\n도로 정비 사업\t200,000\n", "200,000", 200_000_000),
    ("[단위: 천원]\n사업명\t예산액\n소하천 정비\t640,000\n", "640,000", 640_000_000),
]


@pytest.mark.parametrize(("text", "surface", "krw"), UNIT_TABLES,
                         ids=[t[0].splitlines()[0] + "|" + t[1] for t in UNIT_TABLES])
def test_unit_header_scales_bare_numbers(text, surface, krw):
    mentions = fundparse.extract(text)
    got = [(m.text, m.krw) for m in mentions]
    assert (surface, krw) in got, f"expected {surface!r} = {krw}, got {got}"
    for m in mentions:
        assert text[m.start:m.end] == m.text
    assert len(mentions) == 1, f"only the governed cell is money, got {got}"


def test_unit_header_stops_at_blank_line():
    text = "(단위: 백만원)\n사업명\t예산\n도로 정비\t1,234\n\n참여 인원은 1,234명이다.\n"
    got = [(m.text, m.krw) for m in fundparse.extract(text)]
    assert got == [("1,234", 1_234_000_000)]


def test_unit_header_next_header_takes_over():
    text = ("(단위: 백만원)\n사업명\t예산\n도로 정비\t1,234\n\n"
            "(단위: 천원)\n사업명\t예산\n하천 정비\t5,000\n")
    got = [(m.text, m.krw) for m in fundparse.extract(text)]
    assert got == [("1,234", 1_234_000_000), ("5,000", 5_000_000)]


# A figure cut by a wrapped line (archives of fixed-width lines): one amount across the break,
# never a second one from what is left on the next line ("만원" alone is not 1만 원 there).
WRAPPED = [
    ("총사업비 2조4천\n5백83억원을 들여 짓는다.", "2조4천\n5백83억원", 2_458_300_000_000),
    ("국비 12억5천\n만원을 확보했다.", "12억5천\n만원", 1_250_000_000),
    ("사업비 3억\r\n5천만원을 들인다.", "3억\r\n5천만원", 350_000_000),
]


@pytest.mark.parametrize(("text", "surface", "krw"), WRAPPED, ids=[w[1] for w in WRAPPED])
def test_figure_cut_by_a_line_break_is_one_amount(text, surface, krw):
    got = [(m.text, m.krw) for m in fundparse.extract(text)]
    assert got == [(surface, krw)]


def test_line_break_between_two_figures_joins_nothing():
    # units that do not fall (억 then 억) are two figures, one a line
    got = [(m.text, m.krw) for m in fundparse.extract("국비 10억원\n도비 5억원")]
    assert got == [("10억원", 1_000_000_000), ("5억원", 500_000_000)]
    got = [(m.text, m.krw) for m in fundparse.extract("사업비 10억\n5억원")]
    assert ("5억원", 500_000_000) in got and all("\n" not in t for t, _ in got)
