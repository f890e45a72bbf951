"""Foreign currency to KRW with user-given rates, through pint; ``krw_of`` gives any amount's
KRW (exact for KRW itself).  Cheap to import: pint and csv load only when rates are used.

pint holds a tiny currency registry built from a definitions text (KRW as the base unit, one
line per rate), with ``non_int_type=Decimal`` so no float enters.  It is imported only when a
caller gives rates, and a registry is built once per distinct set of rates.
"""

from __future__ import annotations

import datetime as dt
import io
from bisect import bisect_right
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path

from fundparse.model import round_krw
from fundparse.userfiles import RATES_LIMIT, UserFileError, read_text

BASE_DEFINITIONS = "KRW = [currency] = ₩ = won\n"
# KRW for one unit: from a rupiah's hundredth of a won to a historical dinar's thousands, with
# room on both sides; a rate outside this is a typo (or 1e999999, which no arithmetic survives).
RATE_MIN = Decimal("1e-6")
RATE_MAX = Decimal("1e9")
RATE_DIGITS = 30


class RateError(ValueError):
    """A rate given by the user cannot be used."""


def parse_rate(text: str) -> tuple[str, Decimal]:
    """"USD=1380.5" -> ("USD", Decimal("1380.5")): KRW for one unit of the currency.

    The code must be one fundparse reads (rules/data/currencies.toml) and not KRW; the rate a
    plain decimal number between 0.000001 and 1,000,000,000 of at most 30 digits."""
    from fundparse.schema import known_currencies

    code, sep, rate = text.partition("=")
    code = code.strip().upper()
    if not sep or not code.isalpha() or len(code) != 3:
        raise RateError(f"rate must look like USD=1380.5, not {text!r}")
    if code not in known_currencies() or code == "KRW":
        raise RateError(f"unknown currency {code} in {text.strip()!r} (fundparse reads "
                        f"{', '.join(c for c in known_currencies()[1:7])}, …: see `rules/data/currencies.toml`)")
    try:
        value = Decimal(rate.strip())
    except InvalidOperation:
        raise RateError(f"rate for {code} is not a number: {rate.strip()[:40]!r}") from None
    if not value.is_finite() or value <= 0:
        raise RateError(f"rate for {code} must be a positive number, not {rate.strip()[:40]!r}")
    if not RATE_MIN <= value <= RATE_MAX or len(value.as_tuple().digits) > RATE_DIGITS:
        raise RateError(f"rate for {code} out of range: {rate.strip()[:40]!r} (KRW per unit, "
                        f"from 0.000001 to 1000000000, at most {RATE_DIGITS} digits)")
    return code, value


@lru_cache(maxsize=64)
def _registry(rates: tuple[tuple[str, Decimal], ...]):
    import pint

    registry = pint.UnitRegistry(None, non_int_type=Decimal, cache_folder=None)
    for line in BASE_DEFINITIONS.splitlines():
        registry.define(line)
    for code, rate in rates:
        registry.define(f"{code} = {rate} KRW")
    return registry


def convert(value: Decimal, currency: str, rates: dict[str, Decimal]) -> Decimal:
    """Exact KRW for ``value`` units of ``currency`` (a Decimal; rounding is the caller's)."""
    registry = _registry(tuple(sorted(rates.items())))
    quantity = registry.Quantity(Decimal(value), currency).to("KRW")
    magnitude = quantity.magnitude
    if not isinstance(magnitude, Decimal):  # pint must never hand a float back
        raise TypeError(f"pint returned {type(magnitude).__name__}, expected Decimal")
    return magnitude


class RateTable:
    """Dated rates from a CSV of date,currency,rate: the rate in force on a document's date
    is the latest one dated on or before it (the earliest one for older documents)."""

    def __init__(self, rows: dict[str, list[tuple[dt.date, Decimal]]]):
        self.rows = {code: sorted(values) for code, values in rows.items()}

    @classmethod
    def from_csv(cls, path: str | Path) -> RateTable:
        """Rates from a regular UTF-8 CSV file of at most 64 MiB (a FIFO, a device, other
        bytes or a bigger file are refused with one line)."""
        import csv  # only a --rates run needs it: `fundparse check` imports this module too

        rows: dict[str, list[tuple[dt.date, Decimal]]] = {}
        try:
            text = read_text(path, RATES_LIMIT)
        except UserFileError as exc:
            raise RateError(f"{path}: {exc}") from None
        try:
            for number, row in enumerate(csv.reader(io.StringIO(text, newline="")), 1):
                if not row or row[0].strip().lower() in ("date", "") or row[0].startswith("#"):
                    continue
                if len(row) < 3:
                    raise RateError(f"{path}:{number}: expected date,currency,rate")
                try:
                    day = dt.date.fromisoformat(row[0].strip())
                except ValueError:
                    raise RateError(f"{path}:{number}: bad date {row[0][:40]!r}") from None
                try:
                    code, rate = parse_rate(f"{row[1]}={row[2]}")
                except RateError as exc:
                    raise RateError(f"{path}:{number}: {exc}") from None
                rows.setdefault(code, []).append((day, rate))
        except csv.Error as exc:
            raise RateError(f"{path}: not a CSV of date,currency,rate ({exc})") from None
        return cls(rows)

    def rates_on(self, day: dt.date | None) -> dict[str, Decimal]:
        out = {}
        for code, values in self.rows.items():
            if day is None:
                out[code] = values[-1][1]
                continue
            i = bisect_right([d for d, _ in values], day) - 1
            out[code] = values[max(i, 0)][1]
        return out


def krw_of(value: Decimal, currency: str, rates: dict[str, Decimal] | None) -> int | None:
    """Integer KRW of a value: exact for KRW, via a user-given rate otherwise."""
    if currency == "KRW":
        return round_krw(value)
    if rates and currency in rates:
        return round_krw(convert(value, currency, rates))
    return None
