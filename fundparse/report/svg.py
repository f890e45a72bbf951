"""The two small charts of the HTML review page: totals by funding source and the project
periods on a timeline (inline SVG, no script)."""

from __future__ import annotations


from fundparse.krw import format_krw
from fundparse.model import CATEGORIES, Finding, Mention
from fundparse.report.tips import UI, category_name, esc_attr, esc_text, money_short, period_words


# Summary: totals per source category, periods


def chart_svg(totals: dict[str, int], lang: str) -> str:
    """Horizontal bars, one per category present (in the order of CATEGORIES, compound ones
    after them); no zero rows."""
    keys = [k for k in CATEGORIES if totals.get(k)] + [
        k for k in totals if k not in CATEGORIES and totals[k]]
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
