"""Foreign currency section of expressions.md: ISO code, exact value, ``krw`` only with a rate.

Without a user-given rate a foreign amount's ``krw`` is null; with one it is the exact product,
sub-won fractions rounded half-even.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from examples import check_case, cur, examples, params

import fundparse

USD_75M = examples(
    cur("USD", 75_000_000),
    "7천 5백만 달러",
    "7천5백만 달러",
    "7,500만 달러",
    "75,000,000달러",
    "$75,000,000",
    ("채권 7천 5백만 달러를 발행했다.", "7천 5백만 달러"),
)

USD_1B = examples(
    cur("USD", 1_000_000_000),
    "10억 달러",
    "10억달러",
    "10억 불",
    "$1 billion",
    "1,000,000,000달러",
    ("미화 10억 달러", "10억 달러"),
)

USD_1_2B = examples(
    cur("USD", 1_200_000_000),
    "$1.2 billion",
    "12억 달러",
    "12억달러",
    "1,200,000,000달러",
    ("투자액은 $1.2 billion이다.", "$1.2 billion"),
)

EUR_2M = examples(
    cur("EUR", 2_000_000),
    "2백만 유로",
    "200만 유로",
    "2,000,000유로",
    "€2,000,000",
    "EUR 2,000,000",
)

CNY_100B = examples(
    cur("CNY", 100_000_000_000),
    "1천억 위안",
    "1,000억 위안",
    "천억 위안",
    "1000억위안",
)

JPY_1 = examples(
    cur("JPY", 1),
    "1엔",
    "1 엔",
    ("동전 한 개가 1엔이다.", "1엔"),
    "JPY 1",
)

GBP_50M = examples(
    cur("GBP", 50_000_000),
    "5천만 파운드",
    "5,000만 파운드",
    "5000만파운드",
    "£50,000,000",
)

USD_125K = examples(
    cur("USD", 125_000),
    "12만 5천 달러",
    "12만5천 달러",
    "125,000달러",
    "$125,000",
)

USD_3_50 = examples(
    cur("USD", "3.50"),
    "3 달러 50 센트",
    "3달러 50센트",
    "3달러50센트",
    "$3.50",
    "3.5달러",
)

USD_100M = examples(
    cur("USD", 100_000_000),
    "1억 미국 달러",
    "1억 미국달러",
    "1억 달러",
    "US$100,000,000",
)

CAD_150 = examples(
    cur("CAD", 150),
    "150 캐나다 달러",
    "150캐나다 달러",
    "150 캐나다달러",
    ("가격은 150 캐나다 달러이다.", "150 캐나다 달러"),
)

USD_3_5B = examples(
    cur("USD", 3_500_000_000),
    "3.5 빌리언 달러",
    "3.5빌리언 달러",
    "35억 달러",
)

OTHER = (
    examples(cur("HKD", 1_000), "1,000 홍콩 달러", "1000홍콩달러", "천 홍콩 달러")
    + examples(cur("AUD", 2_000_000), "200만 호주 달러", "2백만 호주달러", "2,000,000 호주 달러")
    + examples(cur("CHF", 5_000), "5,000 스위스 프랑", "5천 스위스 프랑", "5000스위스프랑")
    + examples(cur("JPY", 3_000_000_000), "30억 엔", "30억엔", "3,000,000,000엔")
    + examples(cur("CNY", 5_000_000), "500만 위안", "5백만 위안", "5,000,000위안")
    + examples(cur("USD", "0.50"), "50센트", "50 센트", ("요금은 50센트이다.", "50센트"))
    + examples(cur("GBP", "2.50"), "2 파운드 50 펜스", "2파운드 50펜스", "2파운드50펜스")
    + examples(cur("USD", "1.20"), "1달러 20센트", "1 달러 20 센트", "1.2달러")
    + examples(cur("FIM", 420_000_000), "4억 2천만 핀란드 마르카", "4억2천만 핀란드 마르카",
               "420,000,000 핀란드 마르카")
    + examples(cur("INR", 3_000), "3,000 인도 루피", "3천 인도 루피", "3000인도루피")
)

# Issue 15: letter scales in any case, Hangul unit words alone, Hangul decimals (점/쩜),
# compound Hangul amounts, a lone Hangul digit before some currency words, 원 as the yuan.
ISSUE15 = (
    examples(cur("GBP", 25_000_000), "25m 파운드", "25M 파운드", "2천5백만 파운드",
             ("그는 25m 파운드를 투자했다.", "25m 파운드"))
    + examples(cur("USD", 2_500_000_000), "2.5bn 달러", "2.5BN 달러", "2.5Bn달러",
               ("2.5bn 달러 규모의 계약", "2.5bn 달러"))
    + examples(cur("USD", 2_100_000_000), "$2.1 Billion", "$2.1 BILLION", "$2.1 billion",
               ("매출은 $2.1 Billion이다.", "$2.1 Billion"))
    + examples(cur("USD", 300_000), "$300k", "$300K")
    + examples(cur("USD", 10_000_000), "천만달러", "천만 달러", "일천만 달러")
    + examples(cur("USD", 100_000_000), "일억 달러", "일억달러")
    + examples(cur("JPY", 1_000_000), "백만 엔", "백만엔", "일백만 엔")
    + examples(cur("USD", "1.5"), "일점오달러", "일쩜오달러", "일점오 달러")
    + examples(cur("USD", "1.23"), "일점이삼달러", "일쩜이삼달러", "일점이삼불", "일쩜이삼불")
    + examples(cur("EUR", "19.99"), "십구쩜구구유로", "십구점구구유로")
    + examples(cur("EUR", "29.99"), "이십구점구구유로", "EUR29.99")
    + examples(cur("USD", "0.5"), "영점오달러")
    + examples(cur("USD", "3.5"), "삼달러오십센트", "삼달러 오십센트")
    + examples(cur("USD", "2.23"), "이달러이십삼센트", "이불이십삼센트")
    + examples(cur("GBP", 7), "칠파운드", ("가격은 칠파운드다.", "칠파운드"))
    + examples(cur("GBP", 9), "구파운드")
    + examples(cur("EUR", 9), "구유로", ("입장료는 구유로였다.", "구유로"))
    + examples(cur("EUR", 20), "이십유로", "EUR 20")
    + examples(cur("USD", 10), "십달러", "십불")
    + examples(cur("USD", 10_000), "만달러", "만불")
    + examples(cur("USD", "0.1"), "십센트")
    + examples(cur("KRW", 3_500_000_000_000), "3.5 trillion won", "KRW 3.5 trillion", "3.5조 원")
    + examples(cur("KRW", 2_000), "2,000 won", "2,000 KRW", "KRW 2,000")
    + examples(cur("CNY", 100), ("인민폐 100원을 냈다.", "100원"),
               ("위안화로 치면 100원이다.", "100원"))
)

TABLES = [USD_75M, USD_1B, USD_1_2B, EUR_2M, CNY_100B, JPY_1, GBP_50M, USD_125K, USD_3_50,
          USD_100M, CAD_150, USD_3_5B, OTHER, ISSUE15]
ALL = [case for table in TABLES for case in table]


@pytest.mark.parametrize("case", params(ALL))
def test_foreign_surface(case):
    check_case(case)


RATES = {"USD": Decimal("1380.5"), "EUR": Decimal("1500.25"), "JPY": Decimal("9.05"),
         "CNY": Decimal("190.1")}

WITH_RATES = [
    # (text, currency, value, krw) — krw computed by hand: value × rate, half-even
    ("10억 달러", "USD", Decimal(1_000_000_000), 1_380_500_000_000),
    ("1달러", "USD", Decimal(1), 1380),            # 1380.5 -> 1380 (half-even)
    ("3달러", "USD", Decimal(3), 4142),            # 4141.5 -> 4142 (half-even)
    ("3 달러 50 센트", "USD", Decimal("3.50"), 4832),  # 4831.75
    ("2백만 유로", "EUR", Decimal(2_000_000), 3_000_500_000),
    ("1엔", "JPY", Decimal(1), 9),                 # 9.05 -> 9
    ("1천억 위안", "CNY", Decimal(100_000_000_000), 19_010_000_000_000),
]


@pytest.mark.parametrize(("text", "currency", "value", "krw"), WITH_RATES,
                         ids=[t[0] for t in WITH_RATES])
def test_krw_filled_only_with_a_rate(text, currency, value, krw):
    (plain,) = fundparse.extract(text)
    assert (plain.currency, plain.value, plain.krw) == (currency, value, None)
    (rated,) = fundparse.extract(text, rates=RATES)
    assert (rated.currency, rated.value) == (currency, value)
    assert isinstance(rated.value, Decimal)
    assert type(rated.krw) is int and rated.krw == krw


def test_rate_of_another_currency_leaves_krw_null():
    (m,) = fundparse.extract("5천만 파운드", rates=RATES)
    assert (m.currency, m.krw) == ("GBP", None)


def test_range_in_foreign_currency_with_rate():
    (m,) = fundparse.extract("100만~200만 달러", rates={"USD": Decimal("1000")})
    assert m.currency == "USD" and m.range is not None
    assert (m.range.low, m.range.high) == (Decimal(1_000_000), Decimal(2_000_000))
    assert (m.range.low_krw, m.range.high_krw) == (1_000_000_000, 2_000_000_000)


def test_krw_amount_beside_foreign_one():
    got = [(m.text, m.currency, m.value) for m in
           fundparse.extract("미화 1억 달러(약 1,380억 원)를 투자한다.")]
    assert got == [("1억 달러", "USD", Decimal(100_000_000)),
                   ("1,380억 원", "KRW", Decimal(138_000_000_000))]


def test_pint_conversion_stays_decimal():
    from fundparse.fx import convert, parse_rate

    code, rate = parse_rate("USD=1380.5")
    assert (code, rate) == ("USD", Decimal("1380.5"))
    value = convert(Decimal("3.50"), "USD", {"USD": rate})
    assert isinstance(value, Decimal) and value == Decimal("4831.75")
    value = convert(Decimal("100000000000000000001"), "USD", {"USD": Decimal("1")})
    assert isinstance(value, Decimal) and value == Decimal("100000000000000000001")
