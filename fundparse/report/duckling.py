"""Mentions in the shape Duckling's HTTP server answers ``POST /parse`` with, for the
``amount-of-money`` dimension, and the form fields that server reads.  Standard library only.

One entity per mention::

    {"body": "281억 원", "start": 5, "end": 12, "dim": "amount-of-money", "latent": false,
     "value": {"type": "value", "value": 28100000000, "unit": "KRW", "exact": "28100000000"},
     "fundparse": {…the mention's object in the output contract…}}

* ``value`` follows Duckling's AmountOfMoney value: ``type`` "value" with ``value`` and
  ``unit``; a range (100억~200억 원) is ``type`` "interval" with ``from`` and ``to``; a lower
  bound (이상, 초과, 최소) is an interval with ``from`` only, an upper bound (이하, 미만, 최대) one
  with ``to`` only — as Duckling answers 이상 and 미만.
* ``value`` numbers are the amount in ``unit`` written exactly (no float, no exponent).  A
  JSON reader that turns numbers into doubles (JavaScript) loses digits beyond 2^53
  (9,007,199,254,740,992, about 9천조 원); ``exact`` beside every ``value`` holds the same
  amount as a decimal string.
* ``unit`` is the ISO 4217 code, which is how Duckling names KRW, USD, EUR, JPY, CNY, GBP … (for
  달러 and 파운드 Duckling itself answers the ambiguous "$" and "£"; fundparse knows they are
  USD and GBP).
* ``fundparse`` is the mention as ``fundparse extract --format json`` writes it (without
  ``file``): krw, splits, period, markers, findings.  Duckling clients ignore the key.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from typing import Any

from fundparse.model import Mention, decimal_str

__all__ = ["DIM", "DUCKLING_DIMS", "entity", "dumps", "wants_money", "reference_date",
           "DucklingFieldError"]

DIM = "amount-of-money"
# The dimension names Duckling's server knows; a name it does not know is dropped, and an
# empty list after that means every dimension.
DUCKLING_DIMS = frozenset({
    "amount-of-money", "credit-card-number", "distance", "duration", "email", "number",
    "ordinal", "phone-number", "quantity", "temperature", "time", "time-grain", "url", "volume",
})
DEFAULT_TZ = "Asia/Seoul"
EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)


class DucklingFieldError(ValueError):
    """A form field that cannot be used; ``field`` names it."""

    def __init__(self, field: str, message: str, message_en: str):
        super().__init__(message_en)
        self.field = field
        self.message = message
        self.message_en = message_en


def _amount(value: Decimal, unit: str) -> dict[str, Any]:
    return {"value": value, "unit": unit, "exact": decimal_str(value)}


def _value(m: Mention) -> dict[str, Any]:
    if m.range is not None:
        return {"type": "interval", "from": _amount(m.range.low, m.currency),
                "to": _amount(m.range.high, m.currency)}
    if m.bound == "min":
        return {"type": "interval", "from": _amount(m.value, m.currency)}
    if m.bound == "max":
        return {"type": "interval", "to": _amount(m.value, m.currency)}
    return {"type": "value", **_amount(m.value, m.currency)}


def entity(m: Mention, lang: str = "ko") -> dict[str, Any]:
    """Duckling's entity object for one mention, fundparse's own fields under "fundparse"."""
    return {"body": m.text, "start": m.start, "end": m.end, "dim": DIM, "latent": False,
            "value": _value(m), "fundparse": m.to_dict(lang)}


def dumps(obj: Any) -> str:
    """JSON with every Decimal written as its exact digits (json.dumps has no way to)."""
    if isinstance(obj, Decimal):
        return decimal_str(obj)
    if isinstance(obj, dict):
        return "{" + ", ".join(f"{json.dumps(str(k), ensure_ascii=False)}: {dumps(v)}"
                               for k, v in obj.items()) + "}"
    if isinstance(obj, (list, tuple)):
        return "[" + ", ".join(dumps(v) for v in obj) + "]"
    if isinstance(obj, float):
        raise TypeError("a float reached the Duckling answer")
    return json.dumps(obj, ensure_ascii=False)


def wants_money(dims: str | None) -> bool:
    """Whether Duckling's server would look for amounts of money with this ``dims`` field: a
    JSON list of dimension names; absent, not such a list, or no name it knows = all."""
    if dims is None:
        return True
    try:
        names = json.loads(dims)
    except (ValueError, RecursionError):
        return True
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        return True
    known = [n for n in names if n in DUCKLING_DIMS]
    return not known or DIM in known


def reference_date(reftime: str | None, tz: str | None) -> dt.date | None:
    """The document date for ``reftime`` (milliseconds since 1970, UTC) in time zone ``tz``
    (default Asia/Seoul); None without reftime."""
    if reftime is None or not reftime.strip():
        return None
    try:
        millis = int(reftime.strip())
    except ValueError:
        raise DucklingFieldError("reftime", f"reftime은 1970년 이후 밀리초 정수여야 합니다: "
                                 f"{reftime[:40]!r}",
                                 f"reftime must be milliseconds since 1970, not "
                                 f"{reftime[:40]!r}") from None
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    name = (tz or "").strip() or DEFAULT_TZ
    try:
        zone = ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise DucklingFieldError("tz", f"알 수 없는 시간대입니다: {name[:60]!r}",
                                 f"unknown time zone {name[:60]!r} (an IANA name such as "
                                 f"Asia/Seoul)") from None
    try:
        return (EPOCH + dt.timedelta(milliseconds=millis)).astimezone(zone).date()
    except OverflowError:
        raise DucklingFieldError("reftime", f"reftime이 범위를 벗어났습니다: {millis}",
                                 f"reftime out of range: {millis}") from None
