"""The words of the HTML review page: its labels in Korean and English, escaping, and the
tooltip of each amount, part and period."""

from __future__ import annotations

import html
from decimal import Decimal

from fundparse.krw import format_krw
from fundparse.model import Finding, Mention, Split, decimal_str
from fundparse.report.names import visible_bidi
from fundparse.report.totals import CATEGORY_NAMES


# Words on the page

UI: dict[str, dict[str, str]] = {
    "ko": {
        "title": "fundparse 검토 보고서", "mentions": "금액", "parts": "재원 구분",
        "periods": "사업 기간", "findings": "지적 사항", "errors": "오류", "warnings": "경고",
        "none_found": "지적 사항이 없습니다.", "by_source": "재원별 합계",
        "timeline": "사업 기간", "no_periods": "금액에 딸린 사업 기간이 없습니다.",
        "no_sources": "재원 구분이 적힌 금액이 없습니다.",
        "source_note": "총액의 재원 구분과 재원 이름이 붙은 금액(국비 50억 원 등)을 "
                       "원화로 더했습니다. 같은 금액이 되풀이되면 한 번만 셉니다.",
        "show_all": "모든 설명 펼치기", "hide_all": "설명 접기", "format": "형식",
        "encoding": "인코딩", "doc_date": "문서 날짜", "chars": "글자", "lines": "줄",
        "legend_m": "금액", "legend_s": "재원 구분", "legend_p": "사업 기간",
        "legend_f": "지적 사항", "legend_hint": "같은 색은 한 총액과 그 재원·기간입니다. "
        "강조된 곳에 마우스를 올리거나 눌러 보면 설명이 나옵니다.",
        "document": "본문", "label": "항목", "sources": "재원", "period": "기간",
        "markers": "표지", "fiscal": "예산 연도", "share": "비율", "total": "총액",
        "no_krw": "원화 환산 없음(환율 미지정)", "range": "범위", "category": "구분",
        "amount": "금액", "index_title": "fundparse 검토 보고서 목록", "file": "파일",
        "failed": "읽지 못한 파일", "years": "년간", "open_start": "시작 미상",
        "line": "줄", "page": "쪽", "first_rows": "처음 {n}건만 그렸습니다.",
        "no_mentions": "이 문서에서 금액을 찾지 못했습니다.",
        "to_first_amount": "첫 금액으로", "to_first_finding": "첫 지적 사항으로",
    },
    "en": {
        "title": "fundparse review", "mentions": "Amounts", "parts": "Funding parts",
        "periods": "Periods", "findings": "Findings", "errors": "errors",
        "warnings": "warnings", "none_found": "No findings.", "by_source": "Totals by source",
        "timeline": "Project periods", "no_periods": "No project period is attached to an amount.",
        "no_sources": "No amount has a funding-source breakdown.",
        "source_note": "Funding parts of totals and amounts labelled with a source (국비 50억 원) "
                       "summed in KRW; a figure repeated in the text counts once.",
        "show_all": "Show every tooltip", "hide_all": "Hide tooltips", "format": "format",
        "encoding": "encoding", "doc_date": "document date", "chars": "characters",
        "lines": "lines", "legend_m": "amount", "legend_s": "funding part",
        "legend_p": "period", "legend_f": "finding",
        "legend_hint": "One colour = a total with its parts and period. Hover or tap a "
        "highlight for its meaning.",
        "document": "Text", "label": "label", "sources": "sources", "period": "period",
        "markers": "markers", "fiscal": "fiscal year", "share": "share", "total": "total",
        "no_krw": "no KRW value (no exchange rate given)", "range": "range",
        "category": "category", "amount": "amount", "index_title": "fundparse review pages",
        "file": "file", "failed": "Files not read", "years": "years",
        "open_start": "start not stated", "line": "line", "page": "page",
        "first_rows": "Only the first {n} are drawn.",
        "no_mentions": "No amounts were found in this document.",
        "to_first_amount": "Go to the first amount", "to_first_finding": "Go to the first finding",
    },
}

PER_WORDS = {
    "ko": {"year": "연간", "month": "월", "week": "주", "day": "일당", "hour": "시간당",
           "person": "1인당", "household": "가구당", "item": "개당·건당", "share": "주당",
           "area": "면적당", "ton": "톤당", "other": "단위당"},
    "en": {},
}
MARKER_WORDS = {
    "ko": {"approximate": "어림(약)", "min": "하한(이상)", "max": "상한(이하)",
           "increase": "증가분", "decrease": "감소분"},
    "en": {"approximate": "approximate", "min": "at least", "max": "at most",
           "increase": "increase", "decrease": "decrease"},
}


def esc_text(text: str) -> str:
    """Text content: &, <, >, quotes escaped; CR kept as a reference (the HTML parser would
    turn a raw CR into LF)."""
    return (html.escape(visible_bidi(text), quote=True).replace("\r", "&#13;")
            .replace("\x00", "&#0;"))


def esc_attr(value: str) -> str:
    """An attribute value for use between double quotes."""
    return (html.escape(visible_bidi(value), quote=True).replace("\n", "&#10;").replace("\r", "&#13;")
            .replace("\t", "&#9;").replace("\x00", "&#0;"))


# Describing values


def money_short(krw: int | None, value: Decimal, currency: str) -> str:
    if krw is not None:
        return format_krw(krw)
    return f"{decimal_str(value)} {currency}"


def money_lines(krw: int | None, value: Decimal, currency: str, lang: str) -> str:
    """"281억 원 · 28,100,000,000원" (KRW), or the foreign value with its KRW if a rate was given."""
    if currency == "KRW" and krw is not None:
        return f"{format_krw(krw)} · {krw:,}원"
    head = f"{decimal_str(value)} {currency}"
    if krw is None:
        return f"{head}\n{UI[lang]['no_krw']}"
    return f"{head} = {format_krw(krw)} · {krw:,}원"


def category_name(category: str, lang: str) -> str:
    names = CATEGORY_NAMES[lang]
    return "+".join(names.get(part, part) for part in category.split("+"))


def period_words(start: int | None, end: int | None, years: int | None, lang: str) -> str:
    ui = UI[lang]
    if start is not None and end is not None:
        span = f"{start}~{end}" + ("년" if lang == "ko" else "")
    elif end is not None:
        span = f"~{end}" + ("년" if lang == "ko" else "")
    elif start is not None:
        span = f"{start}~" if lang == "en" else f"{start}년~"
    else:
        span = ""
    if years is not None:
        dur = f"{years}{ui['years']}" if lang == "ko" else f"{years} {ui['years']}"
        span = f"{span} ({dur})" if span else dur
    return span


def markers_of(m: Mention, lang: str) -> list[str]:
    words = MARKER_WORDS[lang]
    out = []
    if m.approximate:
        out.append(words["approximate"])
    if m.bound:
        out.append(words.get(m.bound, m.bound))
    if m.per:
        per = PER_WORDS[lang].get(m.per)
        out.append(per if per else f"per {m.per}")
    if m.change:
        out.append(words.get(m.change, m.change))
    return out


def category_words(category: str, lang: str) -> str:
    """"국비 [national]" (ko) or "national" (en)."""
    return category_name(category, lang) + (f" [{category}]" if lang == "ko" else "")


def total_words(m: Mention) -> str:
    words = money_short(m.krw, m.value, m.currency)
    return f"{words} ({m.label})" if m.label else words


def mention_tip(m: Mention, findings: list[Finding], lang: str, category_of=None) -> str:
    ui = UI[lang]
    lines = [money_lines(m.krw, m.value, m.currency, lang)]
    if m.range is not None:
        low = money_short(m.range.low_krw, m.range.low, m.currency)
        high = money_short(m.range.high_krw, m.range.high, m.currency)
        lines.append(f"{ui['range']}: {low} ~ {high}")
    if m.label:
        lines.append(f"{ui['label']}: {m.label}")
        category = category_of(m.label) if category_of is not None else None
        if category:
            lines.append(f"{ui['category']}: {category_words(category, lang)}")
    if m.fiscal_year is not None:
        lines.append(f"{ui['fiscal']}: {m.fiscal_year}")
    if m.splits:
        parts = ", ".join(f"{s.label} {money_short(s.krw, s.value, s.currency)}"
                          for s in m.splits)
        lines.append(f"{ui['sources']}: {parts}")
    if m.period is not None:
        p = m.period
        lines.append(f"{ui['period']}: {period_words(p.start, p.end, p.years, lang)}")
    marks = markers_of(m, lang)
    if marks:
        lines.append(f"{ui['markers']}: {', '.join(marks)}")
    if findings:
        lines.append(f"{ui['findings']}: {', '.join(f.code for f in findings)}")
    return "\n".join(lines)


def split_tip(s: Split, total: Mention, lang: str) -> str:
    ui = UI[lang]
    lines = [money_lines(s.krw, s.value, s.currency, lang),
             f"{ui['sources']}: {s.label} — {category_words(s.category, lang)}"]
    if s.share is not None:
        lines.append(f"{ui['share']}: {decimal_str(s.share * 100)}%")
    if s.splits:
        lines.append(f"{ui['sources']}: " + ", ".join(
            f"{p.label} {money_short(p.krw, p.value, p.currency)}" for p in s.splits))
    lines.append(f"{ui['total']}: {total_words(total)}")
    if total.period is not None:
        p = total.period
        lines.append(f"{ui['period']}: {period_words(p.start, p.end, p.years, lang)}")
    return "\n".join(lines)


def period_tip(m: Mention, lang: str) -> str:
    ui = UI[lang]
    p = m.period
    assert p is not None
    return "\n".join([f"{ui['period']}: {period_words(p.start, p.end, p.years, lang)}",
                      f"{ui['amount']}: {total_words(m)}"])
