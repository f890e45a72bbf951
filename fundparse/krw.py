"""Korean short form of a won amount: 190000000 -> "1억 9,000만 원"."""

from __future__ import annotations

from decimal import Decimal

GROUP_UNITS = ("", "만", "억", "조", "경")


def format_krw(amount: int | Decimal) -> str:
    """Exact Korean short form: each non-zero 10^4 group with its unit, commas inside groups,
    spaces between groups, " 원" after a unit word and "원" after plain digits.

    >>> format_krw(190000000), format_krw(12345678901), format_krw(0)
    ('1억 9,000만 원', '123억 4,567만 8,901원', '0원')
    """
    if isinstance(amount, Decimal):
        if amount != amount.to_integral_value():
            raise ValueError(f"format_krw takes whole won, not {amount}")
        amount = int(amount)
    if isinstance(amount, bool) or not isinstance(amount, int):
        raise TypeError(f"format_krw takes an int or a whole Decimal, not {type(amount).__name__}")
    if amount == 0:
        return "0원"
    sign = "-" if amount < 0 else ""
    rest = abs(amount)
    groups: list[tuple[int, str]] = []
    for unit in GROUP_UNITS[:-1]:
        rest, group = divmod(rest, 10_000)
        groups.append((group, unit))
    groups.append((rest, GROUP_UNITS[-1]))  # everything from 경 up stays one group
    words = [f"{group:,}{unit}" for group, unit in reversed(groups) if group]
    tail = " 원" if groups[0][0] == 0 else "원"
    return sign + " ".join(words) + tail
