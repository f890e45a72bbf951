"""Project periods ("2023년부터 2026년까지 4년간").

A period belongs to an amount in its own sentence; relative years (올해, 내년) resolve from
the document date and stay open without one (never the clock).
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass

import regex

from fundparse.rules.forms import PeriodForm, PeriodForms

@dataclass(slots=True)
class FoundPeriod:
    start: int | None
    end: int | None
    years: int | None
    stated_years: int | None  # the duration the text states, for the consistency check
    text_start: int
    text_end: int
    months: bool = False  # "2024년 3월부터 2026년 2월까지": the span in years is approximate
    rank: int = 0  # which form read it: a closed span wins an amount over an open end
    funded: bool = False  # an open period read by a form that goes only to money spent


_DASH = regex.compile(r"[~∼～〜\-–—]")


def _year(token: str | None, doc_date: dt.date | None, relative: dict[str, int]) -> int | None:
    if token is None:
        return None
    if token in relative:
        return None if doc_date is None else doc_date.year + relative[token]
    if token[0] in "'’‘`":
        two = int(token[1:])
        return 2000 + two if two < 70 else 1900 + two
    return int(token)


def find_periods(text: str, doc_date: dt.date | None, forms: PeriodForms,
                 spans: list[tuple[int, int]] | None = None) -> list[FoundPeriod]:
    """Every period expression (within ``spans`` when given), in the order of the forms table:
    a span taken by an earlier form is not read again by a later one."""
    found: list[FoundPeriod] = []
    taken: list[tuple[int, int]] = []
    windows = _merge(spans) if spans is not None else [(0, len(text))]
    for form in forms.forms:
        for lo, hi in windows:
            for m in form.pattern.finditer(text, lo, hi):
                if _overlaps(taken, m.start(), m.end()):
                    continue
                _add(m, doc_date, form, forms, found, taken)
                taken.sort()
    found.sort(key=lambda p: p.text_start)
    return found


def _overlaps(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) overlaps a span in the sorted, disjoint list ``taken``."""
    i = bisect.bisect_right(taken, (start, start))
    return any(s < end and start < e for s, e in taken[max(0, i - 1):i + 1])


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for lo, hi in sorted(spans):
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out


def _business_year(text: str, start: int | None, end: int | None, month: regex.Pattern) -> bool:
    """Two months a year apart or less, across a new year: 2023년 4월~2024년 3월."""
    months = month.findall(text)
    if len(months) != 2 or start is None or end is None or end != start + 1:
        return False
    return (end - start) * 12 + int(months[1]) - int(months[0]) + 1 <= 12


def _add(m, doc_date, form: PeriodForm, forms: PeriodForms, found: list[FoundPeriod],
         taken: list[tuple[int, int]]) -> None:
    groups = m.groupdict()
    start = _year(groups.get("a"), doc_date, forms.relative)
    end = _year(groups.get("b"), doc_date, forms.relative)
    n = groups.get("n")
    stated = None if n is None else int(n) if n.isdigit() else forms.ko_numbers[n]
    if stated is not None:
        if start is None and end is not None and groups.get("a") is None:
            start = end - stated + 1
        elif end is None and start is not None and groups.get("b") is None:
            end = start + stated - 1
    years = stated if stated is not None else (
        end - start + 1 if start is not None and end is not None else None)
    if start is None and end is None and years is None:
        return  # "내년까지" with no document date: nothing known
    months = bool(forms.months_in.search(m.group()))
    if (months and stated is None and _business_year(m.group(), start, end, forms.month)
            and _DASH.search(m.group())):
        return  # "지난 1년(2023년 4월~2024년 3월)": twelve months of accounts, not project years
    found.append(FoundPeriod(start, end, years, stated, m.start(), m.end(), months, form.rank,
                             form.funded))
    taken.append((m.start(), m.end()))
