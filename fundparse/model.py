"""The output contract (../shared/spec/output.md, v1) in code.

Every value that is money is a ``Decimal`` or an ``int``; floats never appear.  ``to_dict()``
returns exactly the contract's fields (JSON-ready: values as decimal strings, KRW as ints).
"""

from __future__ import annotations

import decimal
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

CONTRACT_VERSION = "1"

# Money arithmetic runs in this context (``decimal.localcontext(EXACT)``): 100 significant
# digits hold any amount fundparse accepts (24 digits times 경), so nothing is ever rounded.
EXACT = decimal.Context(prec=100, rounding=decimal.ROUND_HALF_EVEN, Emax=999_999, Emin=-999_999,
                        traps=[decimal.InvalidOperation, decimal.DivisionByZero, decimal.Overflow])

CATEGORIES = ("national", "provincial", "municipal", "local", "private", "self", "other")


def decimal_str(value: Decimal) -> str:
    """Exact decimal string without exponent or trailing zeros: Decimal('3.50') -> '3.5'."""
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text


def whole(value: Decimal) -> Decimal:
    """A value that is a whole number as one (3.5억 = Decimal('350000000'), not '350000000.0').
    A value already written so comes back itself: a big text's mentions share their amounts'
    values instead of holding copies (~130 bytes a mention)."""
    if value != value.to_integral_value():
        return value
    if value.as_tuple().exponent == 0:
        return value
    return value.quantize(Decimal(1), context=EXACT)


def round_krw(value: Decimal) -> int:
    """Integer KRW, sub-won fractions rounded half-even (the contract's rule)."""
    return int(value.to_integral_value(rounding=decimal.ROUND_HALF_EVEN, context=EXACT))


@dataclass(frozen=True, slots=True)
class Period:
    """Project years an amount is spent over; ``start``/``end`` inclusive, either may be None."""

    start: int | None
    end: int | None
    years: int | None
    text: str
    start_offset: int
    end_offset: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "years": self.years,
            "text": self.text,
            "start_offset": self.start_offset,
            "end_offset": self.end_offset,
        }


@dataclass(frozen=True, slots=True)
class Range:
    """Both ends of "100억~200억 원"; the Mention's own value is the low end."""

    low: Decimal
    high: Decimal
    low_krw: int | None
    high_krw: int | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "low": decimal_str(self.low),
            "high": decimal_str(self.high),
            "low_krw": self.low_krw,
            "high_krw": self.high_krw,
        }


@dataclass(frozen=True, slots=True)
class Finding:
    """A consistency problem, as ``fundparse check`` reports it."""

    code: str
    severity: str  # "error" | "warning"
    start: int
    end: int
    line: int
    column: int
    message: str  # Korean
    message_en: str = ""

    def to_dict(self, lang: str = "ko") -> dict[str, Any]:
        return {
            "code": self.code,
            "severity": self.severity,
            "line": self.line,
            "column": self.column,
            "start": self.start,
            "end": self.end,
            "message": self.message_en if lang == "en" and self.message_en else self.message,
        }


@dataclass(frozen=True, slots=True)
class Split:
    """One funding source's part of a total ("국비 121" in "281억 원(국비 121, 지방비 160)")."""

    label: str
    category: str
    text: str
    start: int
    end: int
    value: Decimal
    currency: str
    krw: int | None
    share: Decimal | None = None
    splits: tuple[Split, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "label": self.label,
            "category": self.category,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "value": decimal_str(self.value),
            "currency": self.currency,
            "krw": self.krw,
            "share": None if self.share is None else decimal_str(self.share),
            "splits": [part.to_dict() for part in self.splits],
        }


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the document: ``text == document[start:end]``."""

    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class Record:
    """Who funds what where, for a funded total (an addition to the contract, issue 20):
    the agency as the text names it, the project's shortest name, the place named for it."""

    agency: Span | None = None
    project: Span | None = None
    region: Span | None = None

    def shifted(self, offset: int) -> Record:
        """The same record in a text ``offset`` characters longer before it (a file's chunk)."""
        def move(span: Span | None) -> Span | None:
            return None if span is None else Span(span.text, span.start + offset,
                                                  span.end + offset)
        return Record(move(self.agency), move(self.project), move(self.region))

    def to_dict(self) -> dict[str, Any]:
        return {name: None if span is None else span.to_dict()
                for name, span in (("agency", self.agency), ("project", self.project),
                                   ("region", self.region))}


@dataclass(frozen=True, slots=True)
class Mention:
    """One monetary expression found in a text; ``text == document[start:end]``."""

    text: str
    start: int
    end: int
    line: int
    column: int
    currency: str
    value: Decimal
    krw: int | None
    approximate: bool = False
    bound: str | None = None
    range: Range | None = None
    per: str | None = None
    change: str | None = None
    label: str | None = None
    fiscal_year: int | None = None
    splits: tuple[Split, ...] = ()
    period: Period | None = None
    findings: tuple[Finding, ...] = ()
    page: int | None = None  # 1-based page for PDF input; an addition to the contract
    record: Record | None = None  # agency/project/region of a funded total; an addition too
    rule: str = field(default="", compare=False)  # name of the rule that produced it (debugging)

    def to_dict(self, lang: str = "ko") -> dict[str, Any]:
        data: dict[str, Any] = {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "line": self.line,
            "column": self.column,
            "currency": self.currency,
            "value": decimal_str(self.value),
            "krw": self.krw,
            "approximate": self.approximate,
            "bound": self.bound,
            "range": None if self.range is None else self.range.to_dict(),
            "per": self.per,
            "change": self.change,
            "label": self.label,
            "fiscal_year": self.fiscal_year,
            "splits": [part.to_dict() for part in self.splits],
            "period": None if self.period is None else self.period.to_dict(),
            "findings": [f.to_dict(lang) for f in self.findings],
        }
        if self.record is not None:
            data.update(self.record.to_dict())
        if self.page is not None:
            data["page"] = self.page
        return data


# The finding codes `fundparse check` can report (checks.CHECKS describes each one).
RULE_CODES = ('FP101', 'FP102', 'FP103', 'FP104', 'FP105', 'FP201', 'FP202', 'FP301', 'FP302',
              'FP310', 'FP311', 'FP312', 'FP401', 'FP402', 'FP901', 'FP902', 'FP903')
