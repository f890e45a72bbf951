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
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

from fundparse.checks import CHECKS
from fundparse.model import Finding, Mention, Split
from fundparse.report.svg import TIMELINE_ROWS, chart_svg, timeline_svg
from fundparse.report.tips import UI, esc_attr, esc_text, mention_tip, period_tip, split_tip
from fundparse.report.totals import source_totals

__all__ = ["Page", "render_page", "render_index", "count_parts"]

GROUPS = 8  # colour groups g0…g7 in page.css
CSP = ("default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
       "base-uri 'none'; form-action 'none'")


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
    anchor: str = ""     # "#f0" / "#m3": where the page opens (its first finding or amount)


def first_anchor(mentions: list[Mention], findings: list[Finding]) -> str:
    """The fragment of the document's first finding or amount, whichever comes first in the
    text ("" when it has neither): a news page whose only amount is far down opens there."""
    places = [(m.start, 1, f"#m{i}") for i, m in enumerate(mentions) if m.start < m.end]
    places += [(f.start, 0, f"#f{k}") for k, f in enumerate(findings) if f.start < f.end]
    return min(places)[2] if places else ""


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
    samples = [(bool(mentions), '<mark class="hl m g0">281억 원</mark>', ui["legend_m"]),
               (bool(n_parts), '<mark class="hl s g0">국비 121</mark>', ui["legend_s"]),
               (bool(n_periods), '<mark class="hl p g0">2023~2026년</mark>', ui["legend_p"]),
               (bool(findings), '<mark class="fd error">150</mark>', ui["legend_f"])]
    legend = ('<p class="legend">' + "".join(
        f'<span class="item">{sample} {words}</span>' for shown, sample, words in samples
        if shown) + f'<br>{esc_text(ui["legend_hint"])}</p>') if mentions or findings else (
        f'<p class="legend">{esc_text(ui["no_mentions"])}</p>')
    anchor = first_anchor(mentions, findings)
    jump = ""
    if anchor:
        words = ui["to_first_finding"] if anchor.startswith("#f") else ui["to_first_amount"]
        jump = f'<a class="jump" href="{anchor}">{esc_text(words)}</a>'
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
        f'<p class="toggles">{jump}<a class="show" href="#all">{esc_text(ui["show_all"])}</a>'
        f'<a class="hide" href="#">{esc_text(ui["hide_all"])}</a></p></header>\n',
        f'<section class="card findings-card" id="findings"{chrome_lang}>'
        f'<h2>{esc_text(ui["findings"])} {len(findings)}</h2>{finding_block}</section>\n',
        f'<section class="card summary" id="summary"{chrome_lang}><ul class="counts">'
        f'{counts_html}</ul><div class="panels">',
        f'<div><h3>{esc_text(ui["by_source"])}</h3>{chart_svg(totals, lang) if has_sources else ""}'
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
        href = urllib.parse.quote(p.name) + p.anchor
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
