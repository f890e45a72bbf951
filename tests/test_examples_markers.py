"""Markers section of expressions.md: approximate, bound, range, per, 원대, change.

The marker words are never part of the mention's text (contract: "no 약, 총, 이상"); the value
stays the stated amount, positive even for a decrease.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from examples import ANY, check_case, examples, params, won

import fundparse

B300 = 30_000_000_000

APPROXIMATE = examples(
    won(B300, approximate=True),
    ("약 300억 원", "300억 원"),
    ("약 300억원을 투입한다.", "300억원"),
    ("300억 원 가량", "300억 원"),
    ("300억 원가량", "300억 원"),
    ("300억 원 정도", "300억 원"),
    ("300억 원 내외", "300억 원"),
    ("300억 원 안팎", "300억 원"),
    ("300억 원 남짓", "300억 원"),
    ("300억 원 수준", "300억 원"),
    ("300억 원쯤", "300억 원"),
    ("대략 300억 원", "300억 원"),
    ("300여억 원", "300여억 원"),
    ("300여억원을 들여", "300여억원"),
    ("300억여 원", "300억여 원"),
    ("300억여원", "300억여원"),
)

BOUND_MIN = examples(
    won(B300, bound="min"),
    ("300억 원 이상", "300억 원"),
    ("300억원 이상을 투자한다.", "300억원"),
    ("300억 원을 넘는 사업", "300억 원"),
    ("300억 원 초과", "300억 원"),
    ("최소 300억 원", "300억 원"),
    ("최소 300억원이 필요하다.", "300억원"),
)

BOUND_MAX = examples(
    won(B300, bound="max"),
    ("300억 원 이하", "300억 원"),
    ("300억 원 미만", "300억 원"),
    ("300억 원 이내", "300억 원"),
    ("300억원 이내에서 지원한다.", "300억원"),
    ("최대 300억 원", "300억 원"),
    ("최대 300억원을 지원한다.", "300억원"),
    ("300억 원까지 지원한다.", "300억 원"),
    ("국비지원 상한액을 300억원으로 제한한다.", "300억원"),
)

RANGE = examples(
    won(10_000_000_000, high=Decimal(20_000_000_000)),
    "100억~200억 원",
    "100~200억 원",
    "100억∼200억원",
    "100억～200억원",
    "100억〜200억원",
    "100억 원~200억 원",
    ("100억에서 200억 원", "100억에서 200억 원"),
    ("100억에서 200억 원까지", "100억에서 200억 원"),
    ("사업비는 100억~200억 원으로 추산된다.", "100억~200억 원"),
)

RANGE_MORE = (
    examples(
        won(1_000_000_000_000, high=Decimal(1_500_000_000_000)),
        "1조~1조 5천억 원",
        "1조∼1조5천억원",
        ("1조에서 1조 5천억 원", "1조에서 1조 5천억 원"),
    )
    # "8조∼10조원대" is a range; whether 원대 also marks it approximate is left open.
    + examples(
        won(8_000_000_000_000, high=Decimal(10_000_000_000_000), approximate=ANY),
        ("8조∼10조원대", ("8조∼10조원", "8조∼10조원대")),
        ("8조~10조 원대", ("8조~10조 원", "8조~10조 원대")),
        ("8조～10조원대의 예산", ("8조～10조원", "8조～10조원대")),
    )
    + examples(
        won(30_000_000, high=Decimal(50_000_000)),
        "3천만~5천만 원",
        "3,000만~5,000만 원",
        "3천~5천만 원",
    )
)

PER = (
    examples(won(1_000_000_000, per="year"),
             ("연간 10억 원", "10억 원"), ("매년 10억 원", "10억 원"), ("연 10억 원", "10억 원"),
             ("연간 10억원씩 지원한다.", "10억원"))
    + examples(won(300_000, per="person"),
               ("1인당 30만 원", "30만 원"), ("인당 30만 원", "30만 원"),
               ("1인당 30만원을 지급한다.", "30만원"))
    + examples(won(300_000, per="month"),
               ("월 30만 원", "30만 원"), ("매월 30만 원", "30만 원"),
               ("월 30만원씩 지급한다.", "30만원"))
    + examples(won(500_000, per="household"),
               ("가구당 50만 원", "50만 원"), ("가구당 50만원씩", "50만원"),
               ("1가구당 50만 원", "50만 원"))
    + examples(won(100_000, per="day"),
               ("일당 10만 원", "10만 원"), ("하루 10만 원", "10만 원"),
               ("일당 10만원을 받는다.", "10만원"))
    + examples(won(10_000, per="hour"),
               ("시간당 1만 원", "1만 원"), ("시급 1만 원", "1만 원"),
               ("시간당 1만원을 준다.", "1만원"))
    + examples(won(5_000, per="item"),
               ("개당 5천 원", "5천 원"), ("건당 5천 원", "5천 원"), ("개당 5,000원", "5,000원"))
    + examples(won(500, per="share"),
               ("1주당 500원의 배당", "500원"), ("주당 500원을 배당한다.", "500원"),
               ("보통주 1주당 500원", "500원"))
    + examples(won(3_000_000, per="area"),
               ("㎡당 300만 원", "300만 원"), ("평당 300만 원", "300만 원"),
               ("3.3㎡당 300만원", "300만원"))
    + examples(won(100_000, per="ton"),
               ("톤당 10만 원", "10만 원"), ("1톤당 10만원", "10만원"),
               ("톤당 10만 원을 지원", "10만 원"))
    + examples(won(50_000, per="other"),
               ("회당 5만 원", "5만 원"), ("마리당 5만 원", "5만 원"), ("회당 5만원씩", "5만원"))
)

# 30억 원대: approximate; whether 대 belongs to the span is not settled by the contract.
DAE = (
    examples(won(3_000_000_000, approximate=True),
             ("30억 원대", ("30억 원", "30억 원대")),
             ("30억원대", ("30억원", "30억원대")),
             ("30억 원대의 예산", ("30억 원", "30억 원대")),
             ("사업비는 30억원대로 추산된다.", ("30억원", "30억원대")))
    + examples(won(300_000_000_000, approximate=True),
               ("3,000억 원대", ("3,000억 원", "3,000억 원대")),
               ("3000억원대", ("3000억원", "3000억원대")),
               ("삼천억 원대", ("삼천억 원", "삼천억 원대")))
)

CHANGE = (
    examples(won(1_600_000_000_000, change="decrease"),
             ("△1.6조 원", "1.6조 원"), ("예산 △1.6조", "1.6조"),
             ("△1조 6천억 원", "1조 6천억 원"), ("△ 1.6조 원", "1.6조 원"))
    + examples(won(1_100_000_000, change="decrease"),
               ("마이너스 11억 원", "11억 원"), ("마이너스 11억원을 기록", "11억원"),
               ("△11억 원", "11억 원"))
    + examples(won(5_000_000_000, change="decrease"),
               ("전년보다 50억 원 감소", "50억 원"), ("50억 원 감소했다.", "50억 원"),
               ("50억 원 감액", "50억 원"), ("50억 원 삭감", "50억 원"),
               ("50억 원 줄어든", "50억 원"), ("전년 대비 50억원 줄었다.", "50억원"))
    + examples(won(3_000_000_000, change="increase"),
               ("30억 원 증액", "30억 원"), ("30억 원 증가", "30억 원"),
               ("30억 원 늘어난", "30억 원"), ("전년보다 30억원 증가했다.", "30억원"),
               ("30억 원 늘었다.", "30억 원"))
)

TABLES = [APPROXIMATE, BOUND_MIN, BOUND_MAX, RANGE, RANGE_MORE, PER, DAE, CHANGE]
ALL = [case for table in TABLES for case in table]


@pytest.mark.parametrize("case", params(ALL))
def test_marker_surface(case):
    check_case(case)


def test_markers_combine():
    """약 + per, 최대 + per: each field independently."""
    (m,) = fundparse.extract("1인당 최대 30만 원을 지원한다.")
    assert (m.text, m.krw, m.per, m.bound) == ("30만 원", 300_000, "person", "max")
    (m,) = fundparse.extract("연간 약 10억 원이 든다.")
    assert (m.text, m.krw, m.per, m.approximate) == ("10억 원", 1_000_000_000, "year", True)


def test_range_to_dict():
    (m,) = fundparse.extract("100~200억 원")
    assert m.to_dict()["range"] == {"low": "10000000000", "high": "20000000000",
                                    "low_krw": 10_000_000_000, "high_krw": 20_000_000_000}
    assert m.to_dict()["value"] == "10000000000" and m.krw == 10_000_000_000


def test_a_duration_in_months_is_no_rate():
    # "1개월" counts a month only as a word of its own: "9년 11개월 동안" is how long it took
    (m,) = fundparse.extract("도로는 2012년 착공해 9년 11개월 동안 총사업비 1940억원이 투입됐다.")
    assert m.per is None
    (m,) = fundparse.extract("1개월 30만 원을 지원한다.")
    assert m.per == "month"


def test_a_cap_written_as_the_range_it_stays_in():
    (m,) = fundparse.extract("선정된 곳은 5년 동안 60억 원 범위 안에서 국비를 지원받는다.")
    assert m.bound == "max"
