"""Consistency checks: funding facts -> Findings.  One function per rule code.

Codes by family: FP1xx splits, FP2xx periods, FP3xx document consistency, FP4xx number
formatting.  ``CHECKS`` documents each (``fundparse rules`` prints it).  A false alarm is as bad
as a miss: every check allows the rounding the text's own precision implies.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

import regex

from fundparse.checks.drift import TOTAL_LABELS, check_totals  # noqa: F401  (TOTAL_LABELS: pipeline)
from fundparse.checks.plans import check_plans
from fundparse.checks.spans import check_spans
from fundparse.checks.words import josa as _josa
from fundparse.checks.words import Place, money
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


CHECKS: dict[str, Check] = {c.code: c for c in (
    Check("FP101", "error", "Funding parts do not add up to their total.",
          "재원별 금액의 합이 총액과 다릅니다.",
          "총사업비 281억 원(국비 121, 지방비 150)", "총사업비 281억 원(국비 121, 지방비 160)"),
    Check("FP102", "error", "Percentage shares of a total do not add up to 100%.",
          "재원 비율의 합이 100%가 아닙니다.",
          "100억 원(국비 50%, 도비 15%, 시비 30%)", "100억 원(국비 50%, 도비 15%, 시비 35%)"),
    Check("FP103", "error", "The parts of a partial list (등, 포함, 중) exceed the total.",
          "일부만 적은 재원(등·포함·중)의 합이 총액보다 큽니다.",
          "총 70억 원(국비 80억 원 포함)", "총 70억 원(국비 50억 원 포함)"),
    Check("FP104", "error", "A yearly plan's amounts do not add up to its total.",
          "연도별 금액의 합이 총액과 다릅니다.",
          "연도별로 2025년 15억 원, 2026년 40억 원, 2027년 30억 원 등 총 95억 원",
          "연도별로 2025년 15억 원, 2026년 40억 원, 2027년 30억 원 등 총 85억 원"),
    Check("FP105", "error", "A yearly plan has a year outside the period stated for it.",
          "연도별 계획에 사업 기간 밖의 연도가 있습니다.",
          "2025년부터 2027년까지 총 90억 원(2025년 30억 원, 2026년 30억 원, 2028년 30억 원)",
          "2025년부터 2027년까지 총 90억 원(2025년 30억 원, 2026년 30억 원, 2027년 30억 원)"),
    Check("FP201", "error", "A period's stated number of years disagrees with its span.",
          "사업 기간의 햇수가 시작·끝 연도와 맞지 않습니다.",
          "2023년부터 2026년까지 3년간 281억 원", "2023년부터 2026년까지 4년간 281억 원"),
    Check("FP202", "error", "A period starts after it ends.",
          "사업 기간의 시작 연도가 끝 연도보다 늦습니다.",
          "2026년부터 2023년까지 281억 원", "2023년부터 2026년까지 281억 원"),
    Check("FP301", "warning", "The same label is given two different totals in one document.",
          "같은 항목(총사업비 등)의 금액이 문서 안에서 서로 다릅니다.",
          "총사업비 281억 원을 들인다. 총사업비 218억 원은 국비와 시비다.",
          "총사업비 281억 원을 들인다. 총사업비 281억 원은 국비와 시비다."),
    Check("FP302", "error",
          "The same total is given two values, and its funding parts add up to one of them.",
          "같은 항목의 금액이 서로 다르고, 재원별 금액의 합은 그중 하나와 맞습니다.",
          "총사업비 520억 원(국비 260억 원, 도비 78억 원, 시비 182억 원)을 들인다. "
          "시는 총사업비 502억 원 규모의 단지를 짓는다.",
          "총사업비 520억 원(국비 260억 원, 도비 78억 원, 시비 182억 원)을 들인다. "
          "시는 총사업비 520억 원 규모의 단지를 짓는다."),
    # FP310-FP312 compare releases (`check` over several files); fundparse/records/across.py
    Check("FP310", "warning", "The same project is given another total in another release.",
          "같은 사업의 총액이 다른 보도자료와 다릅니다.",
          "a.txt: 구미시는 … 거점센터에 281억 원 / b.txt: 구미시는 … 거점센터에 218억 원",
          "b.txt: 구미시는 … 거점센터 사업비를 당초 218억 원에서 281억 원으로 늘렸다"),
    Check("FP311", "warning", "The same project's national/local split differs between releases.",
          "같은 사업의 국비·지방비 분담이 다른 보도자료와 다릅니다.",
          "a.txt: 281억 원(국비 121, 지방비 160) / b.txt: 281억 원(국비 140, 지방비 141)",
          "a.txt: 281억 원(국비 121, 지방비 160) / b.txt: 281억 원(국비 121, 지방비 160)"),
    Check("FP312", "warning", "The same project's period differs between releases.",
          "같은 사업의 사업 기간이 다른 보도자료와 다릅니다.",
          "a.txt: 2023~2026년 281억 원 / b.txt: 2023~2027년 281억 원",
          "b.txt: 사업 기간을 2027년까지로 1년 변경했다"),
    Check("FP401", "error", "A number's digit grouping is malformed (1,23억, 2,7500원).",
          "숫자의 자릿수 구분(쉼표)이 잘못되었습니다.",
          "사업비 2,7500만 원", "사업비 2억 7,500만 원"),
    Check("FP402", "error", "A number's units are repeated or out of order (3천500천만 원, 1조9000천억 원).",
          "숫자의 단위(십·백·천·만·억·조)가 겹치거나 순서가 잘못되었습니다.",
          "예산 3천500천만 원", "예산 3,500만 원"),
    Check("FP901", "error", "A suppression comment names a rule code that does not exist.",
          "무시 주석(fundparse: ignore)에 없는 규칙 코드가 있습니다.",
          "<!-- fundparse: ignore FP1O1 --> 총사업비 10억 원(국비 3억 원, 도비 5억 원)",
          "<!-- fundparse: ignore FP101 --> 총사업비 10억 원(국비 3억 원, 도비 5억 원)"),
    Check("FP902", "error", "A suppression comment is misspelt (not `fundparse: ignore` or "
          "`fundparse: ignore-file`).",
          "무시 주석의 형식이 잘못되었습니다(fundparse: ignore 또는 fundparse: ignore-file).",
          "<!-- fundparse: ingore FP101 --> 총사업비 10억 원(국비 3억 원, 도비 5억 원)",
          "<!-- fundparse: ignore FP101 --> 총사업비 10억 원(국비 3억 원, 도비 5억 원)"),
    Check("FP903", "warning", "A suppression comment suppresses nothing (like ruff's RUF100).",
          "무시 주석이 가리는 지적이 없습니다(쓰이지 않는 주석).",
          "<!-- fundparse: ignore FP101 --> 총사업비 10억 원(국비 5억 원, 도비 5억 원)",
          "총사업비 10억 원(국비 5억 원, 도비 5억 원)"),
)}

_MALFORMED = regex.compile(
    r"(?<![\d.,])(?P<num>\d+(?:,\d+)+)(?:\.\d+)?(?=\s?(?:[십백천만억조]|원|달러|유로|엔|위안))"
)
_WELL_FORMED = regex.compile(r"\d{1,3}(?:,\d{3})+")
# digits and unit words written together before a currency word: "3천500천만원", "1조9000천억원"
_UNIT_RUN = regex.compile(
    r"(?<![\d.,])(?P<num>\d[\d,.]*(?:[십백천만억조경여](?:\d[\d,.]*)?)*[십백천만억조경])"
    r"(?=\s?(?:원|달러|유로|엔|위안))"
)


class FindingMaker:
    """Builds Findings with positions; ``position`` maps an offset to (line, column)."""

    def __init__(self, position):
        self.position = position

    def make(self, code: str, place: Place, ko: str, en: str) -> Finding:
        line, column = self.position(place.start)
        return Finding(code=code, severity=CHECKS[code].severity, start=place.start,
                       end=place.end, line=line, column=column, message=ko, message_en=en)


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
        allowed = sum((p.precision for p in shares), Decimal(0))
        if abs(total_share - 1) > allowed:
            pct = decimal_str(total_share * 100)
            listing = ", ".join(f"{p.label} {decimal_str(p.share * 100)}%" for p in shares)
            findings.append(maker.make(
                "FP102", total_place,
                f"재원 비율의 합이 {pct}%로 100%가 아닙니다({listing})",
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
                    f"일부 재원의 합 {sum_text}({listing}){_josa(sum_text, '이', '가')} "
                    f"총액 {total_text}보다 큽니다",
                    f"listed parts add up to {sum_text} ({listing}), more than the total {total_text}"))
            else:
                findings.append(maker.make(
                    "FP101", total_place,
                    f"재원 합계 {sum_text}({listing}){_josa(sum_text, '이', '가')} "
                    f"총액 {total_text}{_josa(total_text, '과', '와')} 다릅니다",
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
                f"기간 '{surface}'의 시작 {period.start}년이 끝 {period.end}년보다 늦습니다",
                f"period '{surface}' starts in {period.start}, after its end {period.end}")]
        span = period.end - period.start + 1
        # with months ("2024년 3월부터 2026년 2월까지 2년간") the stated years may be one short
        allowed = (span - 1, span) if getattr(period, "months", False) else (span,)
        if period.stated_years is not None and period.stated_years not in allowed:
            return [maker.make(
                "FP201", place,
                f"기간 {period.start}~{period.end}년은 {span}년인데 {period.stated_years}년으로 적혀 있습니다",
                f"period {period.start}-{period.end} spans {span} years, "
                f"but the text says {period.stated_years}")]
    return []


def check_document(maker: FindingMaker, text: str, facts, periods, sentences,
                   doc_date=None) -> list[Finding]:
    """The checks that look across a document: repeated totals (FP301, FP302; attached to the
    fact whose amount they name), yearly plans (FP104, FP105) and durations beside a span
    (FP201).  Returns the findings of no single fact."""
    by_start = {fact.amount.start: fact for fact in facts}
    loose: list[Finding] = []
    for finding in check_totals(maker, text, facts, sentences):
        if finding.start in by_start:
            by_start[finding.start].findings.append(finding)
        else:
            loose.append(finding)
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
            f"숫자 '{raw}'의 쉼표 자리가 잘못되었습니다(세 자리마다 쉼표)",
            f"malformed number '{raw}': commas must group three digits"))
    for m in _UNIT_RUN.finditer(text):
        raw = m.group("num")
        if parse_numeral(raw) is None and not _MALFORMED.match(text, m.start()):
            findings.append(maker.make(
                "FP402", Place(m.start(), m.end()),
                f"숫자 '{raw}'의 단위가 겹치거나 순서가 잘못되었습니다",
                f"malformed number '{raw}': its units are repeated or out of order"))
    return findings
