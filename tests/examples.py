"""Shared helpers for the example tables (Duckling-style: one expected value, many surfaces).

A table is built with ``examples(expected, *surfaces)``: ``expected`` is a ``Money`` (what the
mention must say) and each surface is either a text whose whole is the amount, or a pair
``(text, amount_text)`` where ``amount_text`` is the exact ``Mention.text`` expected inside it
(a tuple of strings when the contract allows more than one reading of the span).

The expectations are written from ../shared/spec (expressions.md, output.md) and issues 2 and 3,
never from what the engine happens to return.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import pytest

import fundparse

ANY = object()  # "not checked here" for a marker field whose exact value the spec leaves open


@dataclass(frozen=True)
class Money:
    """What a mention must report; every marker field is checked unless set to ``ANY``."""

    value: Decimal
    currency: str = "KRW"
    approximate: object = False
    bound: object = None
    per: object = None
    change: object = None
    high: Decimal | None = None  # a range's high end; the value is the low end

    def describe(self) -> str:
        parts = [f"{self.value} {self.currency}"]
        if self.high is not None:
            parts.append(f"~{self.high}")
        for name in ("approximate", "bound", "per", "change"):
            val = getattr(self, name)
            if val not in (False, None, ANY):
                parts.append(f"{name}={val}")
        return " ".join(parts)


def won(n: int | str, **markers) -> Money:
    return Money(Decimal(n), "KRW", **markers)


def cur(code: str, n: int | str, **markers) -> Money:
    return Money(Decimal(n), code, **markers)


@dataclass(frozen=True)
class Case:
    text: str
    surface: tuple[str, ...]
    expected: Money

    @property
    def id(self) -> str:
        return self.text.replace("\n", "⏎")[:60]


def examples(expected: Money, *surfaces: str | tuple[str, str | tuple[str, ...]]) -> list[Case]:
    cases = []
    for item in surfaces:
        if isinstance(item, str):
            cases.append(Case(item, (item,), expected))
        else:
            text, surface = item
            surface = (surface,) if isinstance(surface, str) else tuple(surface)
            for s in surface:
                assert s in text, f"table error: {s!r} not in {text!r}"
            cases.append(Case(text, surface, expected))
    return cases


def params(cases: list[Case]) -> list:
    return [pytest.param(c, id=c.id) for c in cases]


def slice_ok(text: str, mention) -> None:
    assert text[mention.start:mention.end] == mention.text
    for part in iter_splits(mention.splits):
        assert text[part.start:part.end] == part.text
    if mention.period is not None:
        p = mention.period
        assert text[p.start_offset:p.end_offset] == p.text


def iter_splits(splits):
    for part in splits:
        yield part
        yield from iter_splits(part.splits)


def expected_krw(money: Money, value: Decimal, rates) -> int | None:
    if money.currency == "KRW":
        return int(value.to_integral_value(rounding="ROUND_HALF_EVEN"))
    if rates and money.currency in rates:
        return int((value * rates[money.currency]).to_integral_value(rounding="ROUND_HALF_EVEN"))
    return None


def summary(mentions) -> str:
    return "; ".join(f"{m.text!r}={m.value} {m.currency}" for m in mentions) or "(none)"


def check_money(text: str, mention, case_surface: tuple[str, ...], money: Money, rates=None) -> None:
    """Every contract field of one mention against the expectation."""
    got = f"got {mention.text!r} = {mention.value} {mention.currency}"
    assert mention.text in case_surface, f"span: expected one of {case_surface}, {got}"
    slice_ok(text, mention)
    assert isinstance(mention.value, Decimal), f"value must be Decimal, not {type(mention.value)}"
    assert mention.currency == money.currency, got
    assert mention.value == money.value, got
    want_krw = expected_krw(money, money.value, rates)
    assert mention.krw == want_krw, f"krw: expected {want_krw}, {got}, krw={mention.krw}"
    if mention.krw is not None:
        assert type(mention.krw) is int
    data = mention.to_dict()
    assert "E" not in data["value"] and "e" not in data["value"], data["value"]
    assert Decimal(data["value"]) == money.value
    for name in ("approximate", "bound", "per", "change"):
        want = getattr(money, name)
        if want is ANY:
            continue
        assert getattr(mention, name) == want, (
            f"{name}: expected {want!r}, got {getattr(mention, name)!r} ({got})")
    if money.high is None:
        assert mention.range is None, f"unexpected range {mention.range} ({got})"
    else:
        rng = mention.range
        assert rng is not None, f"expected a range {money.value}~{money.high}, {got}"
        assert isinstance(rng.low, Decimal) and isinstance(rng.high, Decimal)
        assert rng.low == money.value and rng.high == money.high, f"range {rng}"
        assert rng.low_krw == expected_krw(money, money.value, rates)
        assert rng.high_krw == expected_krw(money, money.high, rates)


def check_case(case: Case, rates=None) -> None:
    """The text holds exactly one mention and it is the expected one."""
    mentions = fundparse.extract(case.text, rates=rates)
    assert len(mentions) == 1, (
        f"{case.text!r}: expected exactly one mention {case.surface[0]!r} = "
        f"{case.expected.describe()}, got {len(mentions)}: {summary(mentions)}")
    check_money(case.text, mentions[0], case.surface, case.expected, rates)


def count(*tables: list) -> int:
    return sum(len(t) for t in tables)
