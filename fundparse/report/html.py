"""A self-contained HTML review page per document (``fundparse report``, cli/review.py, reads
the files, runs the engine and writes the pages; this module only renders).

The page shows the document text exactly as the reader produced it, with every mention, split
part, period and finding wrapped in place; tooltips, line numbers and finding notes are CSS
generated content taken from attributes, so the text of ``<main class="doc">`` is the
document's text and nothing else.  Everything from the document is escaped with ``html.escape``;
the page carries a Content-Security-Policy that allows no script at all.
"""

from __future__ import annotations

import bisect
import datetime as dt
import html
import urllib.parse
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from fundparse.checks import CHECKS
from fundparse.krw import format_krw
from fundparse.model import CATEGORIES, Finding, Mention, Split, decimal_str
from fundparse.report.totals import CATEGORY_NAMES, source_totals

__all__ = ["Page", "render_page", "render_index", "count_parts"]

GROUPS = 8  # colour groups g0…g7 in page.css
CSP = ("default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
       "base-uri 'none'; form-action 'none'")

# --------------------------------------------------------------------------------------
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


# --------------------------------------------------------------------------------------
# Escaping


def esc_text(text: str) -> str:
    """Text content: &, <, >, quotes escaped; CR kept as a reference (the HTML parser would
    turn a raw CR into LF)."""
    return html.escape(text, quote=True).replace("\r", "&#13;").replace("\x00", "&#0;")


def esc_attr(value: str) -> str:
    """An attribute value for use between double quotes."""
    return (html.escape(value, quote=True).replace("\n", "&#10;").replace("\r", "&#13;")
            .replace("\t", "&#9;").replace("\x00", "&#0;"))


# --------------------------------------------------------------------------------------
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
    """"국비(국가) [national]" (ko) or "national" (en)."""
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


# --------------------------------------------------------------------------------------
# Spans -> highlighted text

_KIND_ORDER = {"f": 0, "p": 1, "m": 2, "s": 3}  # outermost first when spans coincide


@dataclass
class Mark:
    start: int
    end: int
    kind: str            # "m" mention, "s" split part, "p" period, "f" finding
    ident: str           # element id of the first fragment
    classes: str
    tip: str | None = None
    extra: dict[str, str] = field(default_factory=dict)
    seq: int = 0

    def open_tag(self, first: bool) -> str:
        classes = self.classes if first else f"{self.classes} cont"
        attrs = [f'class="{esc_attr(classes)}"']
        if first:
            attrs.insert(0, f'id="{esc_attr(self.ident)}"')
        else:
            attrs.append(f'data-of="{esc_attr(self.ident)}"')
        if self.kind != "f":
            attrs.append('tabindex="0"')
        if self.tip is not None:
            attrs.append(f'data-tip="{esc_attr(self.tip)}"')
        for key, value in self.extra.items():
            attrs.append(f'{key}="{esc_attr(value)}"')
        return "<mark " + " ".join(attrs) + ">"


def build_marks(text: str, mentions: list[Mention], findings: list[Finding],
                lang: str, category_of=None) -> list[Mark]:
    """One Mark per mention, split part (nested parts too), attached period and finding."""
    marks: list[Mark] = []
    size = len(text)

    def add(mark: Mark) -> None:
        mark.start = max(0, min(mark.start, size))
        mark.end = max(0, min(mark.end, size))
        if mark.start < mark.end:
            mark.seq = len(marks)
            marks.append(mark)

    by_span: dict[tuple[int, int], list[Finding]] = {}
    for f in findings:
        by_span.setdefault((f.start, f.end), []).append(f)
    periods_seen: set[tuple[int, int]] = set()
    for i, m in enumerate(mentions):
        group = f"g{i % GROUPS}"
        add(Mark(m.start, m.end, "m", f"m{i}", f"hl m {group}",
                 mention_tip(m, by_span.get((m.start, m.end), []), lang, category_of),
                 {"data-krw": "" if m.krw is None else str(m.krw)}))

        def walk(parts: tuple[Split, ...], prefix: str) -> None:
            for j, s in enumerate(parts):
                ident = f"{prefix}s{j}"
                add(Mark(s.start, s.end, "s", ident, f"hl s {group} c-{s.category}",
                         split_tip(s, m, lang), {"data-of-total": f"m{i}"}))
                walk(s.splits, ident)

        walk(m.splits, f"m{i}")
        if m.period is not None:
            key = (m.period.start_offset, m.period.end_offset)
            if key not in periods_seen:
                periods_seen.add(key)
                add(Mark(key[0], key[1], "p", f"m{i}p", f"hl p {group}", period_tip(m, lang),
                         {"data-of-total": f"m{i}"}))
    for k, f in enumerate(findings):
        add(Mark(f.start, f.end, "f", f"f{k}", f"fd {f.severity}", None, {"data-code": f.code}))
    return marks


def line_starts(text: str) -> list[int]:
    starts = [0]
    pos = text.find("\n")
    while pos != -1:
        starts.append(pos + 1)
        pos = text.find("\n", pos + 1)
    return starts


def render_text(text: str, marks: list[Mark], notes: dict[int, list[str]] | None = None,
                pages: tuple[int, ...] = ()) -> str:
    """The document as one ``<div class="ln">`` per line, each mark wrapped in place.

    Marks may nest or cross; the walk over boundaries closes and reopens elements so the
    output is well formed, and a mark cut by a line end or a crossing mark continues in
    elements of class ``cont`` (``data-of`` names the first).  The text between the tags,
    with the "\\n" between lines, is ``text`` exactly.
    """
    notes = notes or {}
    starts = line_starts(text)
    page_lines = {bisect.bisect_right(starts, p) - 1: n + 2 for n, p in enumerate(pages[1:])}
    buckets: dict[int, list[Mark]] = {}
    for mark in marks:
        first = bisect.bisect_right(starts, mark.start) - 1
        last = bisect.bisect_right(starts, mark.end - 1) - 1
        for line in range(first, last + 1):
            buckets.setdefault(line, []).append(mark)
    begun: set[str] = set()
    out: list[str] = []
    for index, ls in enumerate(starts):
        le = starts[index + 1] - 1 if index + 1 < len(starts) else len(text)
        number = index + 1
        line_notes = notes.get(number, [])
        attrs = f'id="L{number}" data-n="{number}"'
        if index in page_lines:
            attrs += f' data-page="{page_lines[index]}"'
        cls = "ln has-f" if line_notes else "ln"
        out.append(f'<div class="{cls}" {attrs}><span class="tx">')
        _walk_line(text, ls, le, buckets.get(index, []), begun, out)
        out.append("</span>")
        if line_notes:
            out.append('<span class="notes">' + "".join(line_notes) + "</span>")
        out.append("</div>")
        if index + 1 < len(starts):
            out.append("\n")
    return "".join(out)


def _walk_line(text: str, ls: int, le: int, marks: list[Mark], begun: set[str],
               out: list[str]) -> None:
    pieces = sorted(((max(m.start, ls), min(m.end, le), m) for m in marks
                     if max(m.start, ls) < min(m.end, le)),
                    key=lambda t: (t[0], -t[1], _KIND_ORDER[t[2].kind], t[2].seq))
    bounds = sorted({ls, le, *(p[0] for p in pieces), *(p[1] for p in pieces)})
    stack: list[tuple[int, int, Mark]] = []
    nxt = 0
    pos = ls
    for b in bounds:
        if b > pos:
            out.append(esc_text(text[pos:b]))
            pos = b
        low = next((k for k, item in enumerate(stack) if item[1] == b), None)
        if low is not None:
            popped = stack[low:]
            del stack[low:]
            out.append("</mark>" * len(popped))
            for item in popped:
                if item[1] != b:
                    out.append(item[2].open_tag(first=False))
                    stack.append(item)
        while nxt < len(pieces) and pieces[nxt][0] == b:
            item = pieces[nxt]
            nxt += 1
            mark = item[2]
            out.append(mark.open_tag(first=mark.ident not in begun))
            begun.add(mark.ident)
            stack.append(item)
    assert not stack, "marks are clipped to the line"


# --------------------------------------------------------------------------------------
# Summary: totals per source category, periods


def chart_svg(totals: dict[str, int], lang: str) -> str:
    """Horizontal bars, one per category (the seven always, compound ones when present)."""
    keys = list(CATEGORIES) + [k for k in totals if k not in CATEGORIES and totals[k]]
    row, label_w, bar_w, width = 28, 122, 200, 440
    height = row * len(keys) + 8
    top = max(totals.values(), default=0)
    names = [category_name(k, lang) for k in keys]
    parts = [f'<svg class="chart" role="img" viewBox="0 0 {width} {height}" width="{width}" '
             f'height="{height}" '
             f'aria-label="{esc_attr(UI[lang]["by_source"])}">']
    parts.append(f'<line class="axis" x1="{label_w}" y1="2" x2="{label_w}" y2="{height - 4}"/>')
    for n, (key, name) in enumerate(zip(keys, names)):
        value = totals.get(key, 0)
        y = 4 + n * row
        w = (value * bar_w) // top if top else 0
        if value and w < 2:
            w = 2
        css = f"bar-{key}" if key in CATEGORIES else "bar-mixed"
        words = format_krw(value) if value else "0"
        parts.append(f'<g class="row" data-category="{esc_attr(key)}" data-krw="{value}">')
        parts.append(f'<text class="lbl" x="{label_w - 8}" y="{y + 18}" '
                     f'text-anchor="end">{esc_text(name)}</text>')
        if w:
            parts.append(f'<rect class="{css}" x="{label_w}" y="{y + 4}" width="{w}" '
                         f'height="{row - 10}" rx="3"><title>{esc_text(name)}: '
                         f'{esc_text(words)} ({value:,}원)</title></rect>')
        if w > bar_w * 3 // 5:  # a long bar carries its figure inside
            parts.append(f'<text class="val in" x="{label_w + w - 6}" y="{y + 18}" '
                         f'text-anchor="end">{esc_text(words)}</text></g>')
        else:
            parts.append(f'<text class="val{"" if value else " zero"}" x="{label_w + w + 6}" '
                         f'y="{y + 18}">{esc_text(words)}</text></g>')
    parts.append("</svg>")
    return "".join(parts)


TIMELINE_ROWS = 40


def timeline_svg(mentions: list[Mention], findings: list[Finding], lang: str) -> str | None:
    """One bar per attached period (the first TIMELINE_ROWS), red when a FP2xx finding is on it."""
    rows = []
    seen = set()
    period_findings = [f for f in findings if f.code.startswith("FP2")]
    for i, m in enumerate(mentions):
        if len(rows) == TIMELINE_ROWS:
            break
        p = m.period
        if p is None or (p.start_offset, p.end_offset) in seen:
            continue
        seen.add((p.start_offset, p.end_offset))
        start, end, open_start = p.start, p.end, False
        if start is None and end is not None and p.years:
            start = end - p.years + 1
        if end is None and start is not None and p.years:
            end = start + p.years - 1
        if start is None and end is None:
            continue
        if start is None:
            open_start = True
        bad = any(f.start < p.end_offset and p.start_offset < f.end for f in period_findings)
        rows.append((i, m, start, end, open_start, bad))
    if not rows:
        return None
    years = [y for r in rows for y in (r[2], r[3]) if y is not None]
    y0, y1 = min(years), max(years)
    if y1 - y0 > 60:  # a typo such as 2205: keep the axis readable
        y1 = y0 + 60
    left, right, width, row = 12, 12, 440, 34
    span = y1 - y0 + 1
    unit = (width - left - right) / span if span else 1
    height = 26 + row * len(rows)

    def x(year: int) -> float:
        return left + (min(max(year, y0), y1 + 1) - y0) * unit

    step = 1 if span <= 12 else 2 if span <= 24 else 5
    parts = [f'<svg class="timeline" role="img" viewBox="0 0 {width} {height}" width="{width}" '
             f'height="{height}" '
             f'aria-label="{esc_attr(UI[lang]["timeline"])}">']
    parts.append(f'<line class="axis" x1="{left}" y1="18" x2="{width - right}" y2="18"/>')
    for year in range(y0, y1 + 1, step):
        parts.append(f'<text class="tick" x="{x(year) + unit / 2:.1f}" y="13" '
                     f'text-anchor="middle">{year}</text>')
        parts.append(f'<line class="axis" x1="{x(year):.1f}" y1="15" x2="{x(year):.1f}" '
                     f'y2="{height}" stroke-dasharray="2 4"/>')
    for n, (i, m, start, end, open_start, bad) in enumerate(rows):
        p = m.period
        assert p is not None
        y = 24 + n * row
        a = x(start if start is not None else y0)
        b = x((end if end is not None else y1) + 1)
        if b <= a:  # FP202: starts after it ends
            a, b = x(end), x(start + 1) if start is not None else a + 4
        css = "span bad" if bad else "span open" if open_start else "span"
        label = period_words(p.start, p.end, p.years, lang)
        money = money_short(m.krw, m.value, m.currency)
        parts.append(f'<a href="#m{i}p"><rect class="{css}" x="{a:.1f}" y="{y}" '
                     f'width="{max(b - a, 3):.1f}" height="12" rx="3"><title>'
                     f'{esc_text(p.text)}</title></rect>')
        text_x = min(a, width - 220)
        parts.append(f'<text class="val" x="{max(text_x, left):.1f}" y="{y + 26}">'
                     f'{esc_text(label)} · {esc_text(money)}</text></a>')
    parts.append("</svg>")
    return "".join(parts)


# --------------------------------------------------------------------------------------
# The page


@dataclass
class Page:
    """One rendered document, with what index.html lists about it."""

    name: str            # the page's file name in the output folder
    html: str
    mentions: int
    parts: int
    findings: int
    errors: int
    source: str = ""     # the input path as given


def count_parts(parts: tuple[Split, ...]) -> int:
    return sum(1 + count_parts(s.splits) for s in parts)


def render_page(text: str, mentions: list[Mention], findings: list[Finding], *,
                name: str, lang: str = "ko", fmt: str = "text", encoding: str | None = None,
                doc_date: dt.date | None = None, pages: tuple[int, ...] = (),
                read_notes: tuple[str, ...] = (), category_of=None) -> str:
    """The complete HTML page for one document.  ``category_of(label)`` maps a funding-source
    label to its category (cli/review.py passes the configuration's); without it, amounts
    labelled with a source word are not read as that source."""
    ui = UI[lang]
    chrome_lang = ' lang="en"' if lang == "en" else ""
    marks = build_marks(text, mentions, findings, lang, category_of)
    first_ids = {m.ident for m in marks}
    notes: dict[int, list[str]] = {}
    items = []
    for k, f in enumerate(findings):
        message = f.message_en if lang == "en" and f.message_en else f.message
        target = f"f{k}" if f"f{k}" in first_ids else f"L{f.line}"
        words = f"{f.code} {message}"
        notes.setdefault(f.line, []).append(
            f'<a class="note {esc_attr(f.severity)}" href="#{target}" '
            f'data-msg="{esc_attr(words)}" aria-label="{esc_attr(words)}"></a>')
        rule = CHECKS.get(f.code)
        summary = "" if rule is None else (rule.summary if lang == "en" else rule.summary_ko)
        items.append(
            f'<li class="{esc_attr(f.severity)}"><a href="#{target}">'
            f'<span class="pos">{ui["line"]} {f.line}:{f.column}</span> '
            f'<code>{esc_text(f.code)}</code> <span class="msg">{esc_text(message)}</span></a>'
            + (f"<small>{esc_text(summary)}</small>" if summary else "") + "</li>")
    body_text = render_text(text, marks, notes, pages)
    errors = sum(1 for f in findings if f.severity == "error")
    warnings = len(findings) - errors
    n_parts = sum(count_parts(m.splits) for m in mentions)
    n_periods = len({(m.period.start_offset, m.period.end_offset)
                     for m in mentions if m.period is not None})
    totals = source_totals(mentions, category_of)
    timeline = timeline_svg(mentions, findings, lang)
    meta = [f"{ui['format']} {fmt}"]
    if encoding:
        meta.append(f"{ui['encoding']} {encoding}")
    if doc_date:
        meta.append(f"{ui['doc_date']} {doc_date.isoformat()}")
    n_lines = len(line_starts(text))
    meta.append(f"{len(text):,} {ui['chars']}, {n_lines:,} {ui['lines']}")
    finding_block = (f'<ol class="findings">{"".join(items)}</ol>' if items
                     else f'<p class="clean">✓ {esc_text(ui["none_found"])}</p>')
    counts = [
        ("", ui["mentions"], len(mentions)), ("", ui["parts"], n_parts),
        ("", ui["periods"], n_periods),
        ("bad" if errors else "", f"{ui['findings']} ({ui['errors']} {errors} · "
                                  f"{ui['warnings']} {warnings})", len(findings)),
    ]
    counts_html = "".join(f'<li class="{c}"><b>{n}</b>{esc_text(label)}</li>'
                          for c, label, n in counts)
    has_sources = any(totals.values())
    legend = (
        f'<p class="legend"><span class="item"><mark class="hl m g0">281억 원</mark> '
        f'{ui["legend_m"]}</span><span class="item"><mark class="hl s g0">국비 121</mark> '
        f'{ui["legend_s"]}</span><span class="item"><mark class="hl p g0">2023~2026년</mark> '
        f'{ui["legend_p"]}</span><span class="item"><mark class="fd error">150</mark> '
        f'{ui["legend_f"]}</span><br>{esc_text(ui["legend_hint"])}</p>')
    title = f"{name} — {ui['title']}"
    notes_read = ""
    if read_notes:
        notes_read = ('<ul class="notes-read">' + "".join(
            f"<li>{esc_text(n)}</li>" for n in read_notes) + "</ul>")
    return "".join([
        '<!DOCTYPE html>\n<html lang="ko">\n<head>\n<meta charset="utf-8">\n',
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
        f'<meta http-equiv="Content-Security-Policy" content="{esc_attr(CSP)}">\n',
        '<meta name="referrer" content="no-referrer">\n',
        f"<title>{esc_text(title)}</title>\n<style>\n{_css()}</style>\n</head>\n",
        '<body>\n<div id="all" class="wrap">\n',
        f'<header{chrome_lang}><h1>{esc_text(name)}</h1>',
        f'<p class="meta">{"".join(f"<span>{esc_text(x)}</span>" for x in meta)}</p>',
        notes_read,
        f'<p class="toggles"><a class="show" href="#all">{esc_text(ui["show_all"])}</a>'
        f'<a class="hide" href="#">{esc_text(ui["hide_all"])}</a></p></header>\n',
        f'<section class="card findings-card" id="findings"{chrome_lang}>'
        f'<h2>{esc_text(ui["findings"])} {len(findings)}</h2>{finding_block}</section>\n',
        f'<section class="card summary" id="summary"{chrome_lang}><ul class="counts">'
        f'{counts_html}</ul><div class="panels">',
        f'<div><h3>{esc_text(ui["by_source"])}</h3>{chart_svg(totals, lang)}'
        f'<p class="note">{esc_text(ui["source_note"] if has_sources else ui["no_sources"])}'
        '</p></div>',
        f'<div><h3>{esc_text(ui["timeline"])}</h3>'
        + (timeline or f'<p class="note">{esc_text(ui["no_periods"])}</p>')
        + (f'<p class="note">{esc_text(ui["first_rows"].format(n=TIMELINE_ROWS))}</p>'
           if timeline and n_periods > TIMELINE_ROWS else "") + "</div>",
        "</div></section>\n",
        f'<section class="card legend-card"{chrome_lang}>{legend}</section>\n',
        f'<main class="doc" lang="ko" aria-label="{esc_attr(ui["document"])}">',
        body_text,
        "</main>\n</div>\n</body>\n</html>\n",
    ])


def render_index(pages: list[Page], failed: list[tuple[str, str]], lang: str = "ko") -> str:
    ui = UI[lang]
    rows = []
    for p in pages:
        href = urllib.parse.quote(p.name)
        bad = ' class="num bad"' if p.errors else ' class="num"'
        rows.append(f'<tr><td><a href="{esc_attr(href)}">{esc_text(p.source or p.name)}</a></td>'
                    f'<td class="num">{p.mentions}</td><td class="num">{p.parts}</td>'
                    f'<td{bad}>{p.findings}</td></tr>')
    failed_html = ""
    if failed:
        failed_html = (f'<h2>{esc_text(ui["failed"])}</h2><ul class="failed">' + "".join(
            f"<li>{esc_text(path)}: {esc_text(reason)}</li>" for path, reason in failed)
            + "</ul>")
    return "".join([
        '<!DOCTYPE html>\n<html lang="ko">\n<head>\n<meta charset="utf-8">\n',
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
        f'<meta http-equiv="Content-Security-Policy" content="{esc_attr(CSP)}">\n',
        f'<title>{esc_text(ui["index_title"])}</title>\n<style>\n{_css()}</style>\n</head>\n',
        '<body>\n<div class="wrap">\n',
        f'<header><h1>{esc_text(ui["index_title"])}</h1></header>\n<section class="card">',
        f'<table class="files"><thead><tr><th>{esc_text(ui["file"])}</th>'
        f'<th class="num">{esc_text(ui["mentions"])}</th>'
        f'<th class="num">{esc_text(ui["parts"])}</th>'
        f'<th class="num">{esc_text(ui["findings"])}</th></tr></thead><tbody>{"".join(rows)}</tbody>'
        f"</table>{failed_html}</section>\n</div>\n</body>\n</html>\n",
    ])


_CSS_CACHE: list[str] = []


def _css() -> str:
    if not _CSS_CACHE:
        _CSS_CACHE.append(Path(__file__).with_name("page.css").read_text(encoding="utf-8"))
    return _CSS_CACHE[0]
