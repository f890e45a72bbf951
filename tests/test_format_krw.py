"""format_krw: exact Korean short form (issue 2).

Each non-zero 10^4 group with its unit word (만, 억, 조, 경), thousands commas inside a group,
spaces between groups, " 원" after a unit word and "원" right after plain digits.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

import fundparse
from fundparse import format_krw

EXAMPLES = [
    # the three from the issue
    (190_000_000, "1억 9,000만 원"),
    (12_345_678_901, "123억 4,567만 8,901원"),
    (0, "0원"),
    # plain digits below 10^4
    (1, "1원"),
    (10, "10원"),
    (999, "999원"),
    (1_000, "1,000원"),
    (9_999, "9,999원"),
    # one unit group
    (10_000, "1만 원"),
    (300_000, "30만 원"),
    (27_350_000, "2,735만 원"),
    (100_000_000, "1억 원"),
    (28_100_000_000, "281억 원"),
    (274_800_000_000, "2,748억 원"),
    (1_000_000_000_000, "1조 원"),
    (10_000_000_000_000_000, "1경 원"),
    # several groups, zero groups skipped
    (10_001, "1만 1원"),
    (12_345, "1만 2,345원"),
    (100_000_001, "1억 1원"),
    (100_010_000, "1억 1만 원"),
    (350_000_000, "3억 5,000만 원"),
    (1_200_000_000_000, "1조 2,000억 원"),
    (656_600_000_000_000, "656조 6,000억 원"),
    (1_000_000_000_001, "1조 1원"),
    (9_999_999_999_999_999, "9,999조 9,999억 9,999만 9,999원"),
    (12_345_678_901_234_567_890, "1,234경 5,678조 9,012억 3,456만 7,890원"),
]


@pytest.mark.parametrize(("n", "text"), EXAMPLES, ids=[t for _, t in EXAMPLES])
def test_format_krw(n, text):
    assert format_krw(n) == text


@pytest.mark.parametrize(("n", "text"), EXAMPLES, ids=[t for _, t in EXAMPLES])
def test_format_krw_parses_back(n, text):
    m = fundparse.parse_amount(text)
    assert (m.currency, m.krw, m.value) == ("KRW", n, Decimal(n))
    assert type(m.krw) is int and isinstance(m.value, Decimal)


def test_format_krw_whole_decimal():
    assert format_krw(Decimal("190000000")) == "1억 9,000만 원"
