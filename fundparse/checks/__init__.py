"""Consistency checks: funding facts -> Findings.  One function per rule code.

Codes by family: FP1xx splits, FP2xx periods, FP3xx document consistency, FP4xx number
formatting.  ``CHECKS`` documents each (``fundparse rules`` prints it).  A false alarm is as bad
as a miss: every check allows the rounding the text's own precision implies.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from fundparse import patterns
from fundparse.checks.drift import TOTAL_LABELS, check_totals  # noqa: F401  (TOTAL_LABELS: pipeline)
from fundparse.checks.listed import check_listed, share_slack
from fundparse.checks.plans import check_plans
from fundparse.checks.spans import check_spans
from fundparse.checks.words import Place, money, pattern, say, section
from fundparse.model import Finding, decimal_str
from fundparse.numerals import parse_numeral


@dataclass(frozen=True)
class Check:
    code: str
    severity: str
    summary: str  # one line, English
    summary_ko: str
    bad: str
    good: str


def _check(code: str, severity: str) -> Check:
    """A rule code; its summaries and examples come from checks.toml."""
    text = section("codes")[code]
    return Check(code, severity, text["summary"], text["summary_ko"], text["bad"], text["good"])


CHECKS: dict[str, Check] = {c.code: c for c in (
    _check("FP101", "error"),
    _check("FP102", "error"),
    _check("FP103", "error"),
    _check("FP104", "error"),
    _check("FP105", "error"),
    _check("FP201", "error"),
    _check("FP202", "error"),
    _check("FP301", "warning"),
    _check("FP302", "error"),
    # FP310-FP312 compare releases (`check` over several files); fundparse/records/across.py
    _check("FP310", "warning"),
    _check("FP311", "warning"),
    _check("FP312", "warning"),
    _check("FP401", "error"),
    _check("FP402", "error"),
    _check("FP901", "error"),
    _check("FP902", "error"),
    _check("FP903", "warning"),
)}

_MALFORMED = pattern("numbers", "malformed")
_WELL_FORMED = patterns.compile(r"\d{1,3}(?:,\d{3})+")
# digits and unit words written together before a currency word: "3천500천만원", "1조9000천억원"
_UNIT_RUN = pattern("numbers", "unit_run")


class FindingMaker:
    """Builds Findings with positions; ``position`` maps an offset to (line, column)."""

    def __init__(self, position):
        self.position = position

    def make(self, code: str, place: Place, ko: str, en: str) -> Finding:
        line, column = self.position(place.start)
        # a message is one line: text quoted from across a line break has its breaks as spaces
        return Finding(code=code, severity=CHECKS[code].severity, start=place.start,
                       end=place.end, line=line, column=column, message=_one_line(ko),
                       message_en=_one_line(en))


def _one_line(message: str) -> str:
    return " ".join(message.split()) if len(message.splitlines()) > 1 else message


def _tolerance(total_value: Decimal, total_approx: bool, precisions: Iterable[Decimal]) -> Decimal:
    if total_approx:
        return abs(total_value) * Decimal("0.05")
    return sum(precisions, Decimal(0))


def check_split(maker: FindingMaker, total_place: Place, total_value: Decimal, currency: str,
                total_approx: bool, total_precision: Decimal, parts, partial: bool) -> list[Finding]:
    """FP101 / FP102 / FP103 for one total and its parts (recursing into nested parts)."""
    findings: list[Finding] = []
    shares = [p for p in parts if p.share is not None]
    amounts = [p for p in parts if p.share is None and p.value is not None]
    if len(parts) == 1:
        partial = True  # "100억 원(국비 50억 원)", "(국비 50%)": one part named, the rest unstated
    if len(shares) >= 2 and not amounts and not partial:
        total_share = sum((p.share for p in shares), Decimal(0))
        allowed = share_slack([p.share * 100 for p in shares], [p.precision for p in shares])
        if abs(total_share - 1) > allowed:
            pct = decimal_str(total_share * 100)
            listing = ", ".join(f"{p.label} {decimal_str(p.share * 100)}%" for p in shares)
            findings.append(maker.make(
                "FP102", total_place,
                say("split_shares", pct=pct, listing=listing),
                f"shares add up to {pct}%, not 100% ({listing})"))
    same_currency = [p for p in amounts if p.currency == currency]
    if amounts and len(same_currency) == len(amounts) and not shares:
        parts_sum = sum((p.value for p in amounts), Decimal(0))
        allowed = _tolerance(total_value, total_approx, [p.precision for p in amounts]) + total_precision
        exceeds = parts_sum - total_value > allowed
        differs = abs(parts_sum - total_value) > allowed
        if exceeds if partial else differs:  # messages are built only when a finding fires
            listing = " + ".join(text_of(p) for p in amounts)
            total_text = money(total_value, currency)
            sum_text = money(parts_sum, currency)
            if partial:
                findings.append(maker.make(
                    "FP103", total_place,
                    say("split_partial", sum=sum_text, listing=listing, total=total_text),
                    f"listed parts add up to {sum_text} ({listing}), more than the total {total_text}"))
            else:
                findings.append(maker.make(
                    "FP101", total_place,
                    say("split_sum", sum=sum_text, listing=listing, total=total_text),
                    f"parts add up to {sum_text} ({listing}), not the total {total_text}"))
    for p in parts:
        if p.parts and p.value is not None:
            findings.extend(check_split(maker, Place(p.start, p.end), p.value, p.currency, False,
                                        p.precision, p.parts, p.partial))
    return findings


def text_of(part) -> str:
    return part.text or part.label


def check_period(maker: FindingMaker, period, text: str) -> list[Finding]:
    """FP201 / FP202 for one period expression."""
    place = Place(period.text_start, period.text_end)
    surface = text[period.text_start:period.text_end]
    if period.start is not None and period.end is not None:
        if period.start > period.end:
            return [maker.make(
                "FP202", place,
                say("period_backwards", surface=surface, start=str(period.start),
                    end=str(period.end)),
                f"period '{surface}' starts in {period.start}, after its end {period.end}")]
        span = period.end - period.start + 1
        # with months ("2024년 3월부터 2026년 2월까지 2년간") the stated years may be one short
        allowed = (span - 1, span) if getattr(period, "months", False) else (span,)
        if period.stated_years is not None and period.stated_years not in allowed:
            return [maker.make(
                "FP201", place,
                say("period_years", start=str(period.start), end=str(period.end), span=str(span),
                    stated=str(period.stated_years)),
                f"period {period.start}-{period.end} spans {span} years, "
                f"but the text says {period.stated_years}")]
    return []


def check_document(maker: FindingMaker, text: str, facts, periods, sentences,
                   doc_date=None, unattached: bool = True) -> list[Finding]:
    """The checks that look across a document: repeated totals (FP301, FP302) and sources,
    breakdowns and shares the split reader left apart (FP101–FP103, listed.py), each attached
    to the fact whose amount they name; yearly plans (FP104, FP105) and durations beside a span
    (FP201).  Returns the findings of no single fact (none without ``unattached``: extract()
    keeps only its facts' findings)."""
    by_start = {fact.amount.start: fact for fact in facts}
    loose: list[Finding] = []
    for finding in [*check_totals(maker, text, facts, sentences),
                    *check_listed(maker, text, facts, sentences)]:
        if finding.start in by_start:
            by_start[finding.start].findings.append(finding)
        else:
            loose.append(finding)
    if unattached:
        loose.extend(check_plans(maker, text, facts, sentences, doc_date, periods))
        loose.extend(check_spans(maker, text, periods, sentences))
    return loose


def check_number_format(maker: FindingMaker, text: str) -> list[Finding]:
    """FP401: thousands separators in the wrong places before a unit or currency word.
    FP402: unit words repeated or out of order inside one number ("3천500천만원")."""
    findings = []
    for m in _MALFORMED.finditer(text):
        raw = m.group("num")
        if _WELL_FORMED.fullmatch(raw):
            continue
        findings.append(maker.make(
            "FP401", Place(m.start(), m.end()),
            say("number_commas", raw=raw),
            f"malformed number '{raw}': commas must group three digits"))
    for m in _UNIT_RUN.finditer(text):
        raw = m.group("num")
        if parse_numeral(raw) is None and not _MALFORMED.match(text, m.start()):
            findings.append(maker.make(
                "FP402", Place(m.start(), m.end()),
                say("number_units", raw=raw),
                f"malformed number '{raw}': its units are repeated or out of order"))
    return findings
