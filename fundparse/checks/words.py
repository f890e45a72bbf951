"""How findings word money and Korean particles (shared by every check module)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from fundparse.krw import format_krw
from fundparse.model import decimal_str


def money(value: Decimal | None, currency: str) -> str:
    if value is None:
        return "?"
    if currency == "KRW" and value == value.to_integral_value():
        return format_krw(int(value))
    return f"{decimal_str(value)} {currency}"


def josa(word: str, with_final: str, without_final: str) -> str:
    """Korean particle after ``word``: 이/가, 과/와 … by whether it ends in a final consonant."""
    last = word.rstrip()[-1:] if word.strip() else ""
    if "가" <= last <= "힣":
        return with_final if (ord(last) - 0xAC00) % 28 else without_final
    return with_final if last.isdigit() and last in "013678" else without_final


@dataclass(frozen=True)
class Place:
    start: int
    end: int
