"""Project periods ("2023년부터 2026년까지 4년간").

A period belongs to an amount in its own sentence; relative years (올해, 내년) resolve from
the document date and stay open without one (never the clock).
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass

import regex

from fundparse import patterns
from fundparse.numerals import parse_numeral
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
    verb_only: bool = False  # …with a verb of spending after it (a past duration)
    undated: bool = False  # a start with no year written ("9월부터"): dropped unless joined


_DASH = patterns.compile(r"[~∼～〜\-–—]")


def _year(token: str | None, doc_date: dt.date | None, relative: dict[str, int],
          months: dict[str, int] | None = None) -> int | None:
    if token is None:
        return None
    if months and (key := "".join(token.split())) in months:  # "지난달", "다음 달": the month's year
        if doc_date is None:
            return None
        return doc_date.year + (doc_date.month - 1 + months[key]) // 12
    if token in relative:
        return None if doc_date is None else doc_date.year + relative[token]
    if not token.isdigit() and token[0].isdigit():  # "2천1년", "1천9백98년": a written numeral
        numeral = parse_numeral("".join(token.split()))
        return None if numeral is None else int(numeral.value)
    if token[0] in "'’‘`":
        two = int(token[1:])
        return 2000 + two if two < 70 else 1900 + two
    if len(token) == 2:  # "지난 99년", "98년까지": the century nearest the document's year
        year = 2000 + int(token)
        if doc_date is None:
            return year - 100 if year > 2069 else year
        return year - 100 if abs(year - 100 - doc_date.year) < abs(year - doc_date.year) else year
    return int(token)


def _year_before(m, doc_date: dt.date | None, forms: PeriodForms) -> int | None:
    """The year of a month written without one: the year named last before it in its clause
    ("내년 2월까지 설계용역을 마치고 5월 중 착공해": 내년), else None (the document's)."""
    lo = max(0, m.start() - forms.month_year_reach)
    last = None
    for y in forms.year_token.finditer(m.string, lo, m.start()):
        last = y
    if last is None or forms.clause_stop.search(m.string, last.end(), m.start()):
        return None
    return _year(last.group("y"), doc_date, forms.relative, forms.relative_months)


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
    start = _year(groups.get("a"), doc_date, forms.relative, forms.relative_months)
    if groups.get("a") == "" and start is not None:  # a month with no year: "5월 중 착공"
        start = _year_before(m, doc_date, forms) or start
    end = _year(groups.get("b"), doc_date, forms.relative, forms.relative_months)
    if end is not None and start is not None and groups.get("b") in forms.start_year_ends:
        end = max(end, start)  # "내년 초 착공해 연내 준공": within the start's year
    if end is not None and start is not None and (groups.get("b") or "").isdigit() \
            and len(groups["b"]) == 2:
        end = start - start % 100 + end % 100  # "1994년부터 98년까지", "2021~25년": the start's
        if end < start:  # century, the end after the start
            end += 100
    n = groups.get("n")
    stated = None if n is None else int(n) if n.isdigit() else forms.ko_numbers[n]
    if stated is not None and groups.get("k") and start is not None:
        # "2012년 2월 착공해 약 9년 10개월": the last year counted from the start's month
        end = start + (int(groups.get("sm") or 1) - 1 + 12 * stated + int(groups["k"])) // 12
        stated = None
    if stated is not None:
        if start is None and end is not None:  # "내년부터 2027년까지 3년간", no date known
            start = end - stated + 1
        elif end is None and start is not None and groups.get("b") is None:
            end = start + stated - 1
    if groups.get("mo") and start is not None:  # "2023년 10월부터 36개월간": months from the start's
        end = start + (int(groups.get("sm") or 1) - 1 + int(groups["mo"]) - 1) // 12
    if groups.get("el") and start is not None:  # "2016년 착공해 7년 만에 개통": the years elapsed
        end = start + int(groups["el"])
    if groups.get("em") and start is not None:  # "2015년 12월 착공, 오는 1월 준공": a month's year
        if groups.get("this") is not None:
            end = None if doc_date is None else doc_date.year
        elif groups.get("past") is not None:  # "지난 7월 완공": this year's July, or last year's
            end = None if doc_date is None else doc_date.year - (int(groups["em"]) > doc_date.month)
        elif groups.get("sm"):
            end = start + (int(groups["em"]) < int(groups["sm"]))
        # (no start month and no 오는/지난 before the finish's: its year is not known)
    a, b = groups.get("a"), groups.get("b")
    if stated is None and start is None and end is None and a in forms.relative and b in forms.relative \
            and forms.relative[b] >= forms.relative[a]:
        stated = forms.relative[b] - forms.relative[a] + 1  # "지난해부터 올해까지" with no date: 2 years
    years = stated if stated is not None else (
        end - start + 1 if start is not None and end is not None else None)
    if start is None and end is None and years is None:
        return  # "내년까지" with no document date: nothing known
    months = bool(forms.months_in.search(m.group()))
    if (months and stated is None and _business_year(m.group(), start, end, forms.month)
            and _DASH.search(m.group())):
        return  # "지난 1년(2023년 4월~2024년 3월)": twelve months of accounts, not project years
    if start is None and end is not None and forms.count_after.match(m.string, m.end()) is not None:
        return  # "2025년까지 누적 3447호의 …": the years of a count (not "2003년부터 20곳에 …")
    if forms.name_open.search(m.string, max(0, m.start() - 2), m.start()) is not None \
            and forms.name_rest.match(m.string, m.end()) is not None:
        return  # "‘2022~2023년 전라남도 방문의 해’를 맞아": the years of a quoted name
    if start is None and end is not None and forms.stage_after.match(m.string, m.end()) is not None:
        stop = forms.clause_stop.search(m.string, m.end())
        if forms.year_token.search(m.string, m.end(), len(m.string) if stop is None else stop.start()):
            return  # "2026년까지 실시설계를 완료하고 2028년 말까지 … 조성": a stage's end, not the project's
    undated = end is None and (stated is None and forms.undated_start.search(m.group()) is not None
                               # "2~3년간" alone: no length known, kept only if an end dates it
                               or start is None and forms.range_before.search(
                                   m.string, max(0, m.start() - 4), m.start()) is not None)
    found.append(FoundPeriod(start, end, years, stated, m.start(), m.end(), months, form.rank,
                             form.funded, form.verb_only, undated))
    taken.append((m.start(), m.end()))


# --- periods stated in pieces ------------------------------------------------------------------

def join_pieces(periods: list[FoundPeriod], text: str, spans, amount_starts: list[int],
                doc_date: dt.date | None, forms: PeriodForms) -> list[FoundPeriod]:
    """Periods a sentence states in pieces, made whole (the pieces give way to the whole):

    - an open start and an open end with no amount between them: "2021년 준공을 목표로 내년부터"
      (a start with a duration alike: "내년부터 … 3년간");
    - a duration whose years are listed before it in its sentence: "2020년 617억원, 올해 955억원에
      이어 내년 … 3년간", "지난해와 올해 2년에 걸쳐";
    - the period just stated, said again ("…까지 …하며, 이 기간 전북은 922억원");
    a start with no year of its own ("9월부터") that none of these dates is dropped.
    ``spans(offset)`` is the sentence holding an offset."""
    by_sentence: dict[tuple[int, int], list[FoundPeriod]] = {}
    for p in periods:
        by_sentence.setdefault(spans(p.text_start), []).append(p)
    out: list[FoundPeriod] = []
    for (lo, hi), group in by_sentence.items():
        group = _join_open(_said_twice(group), amount_starts, forms.join_reach, forms.start_amount_gap,
                           forms.join_reach_back)
        group = _end_and_duration(group, text, amount_starts, forms)
        out += [_years_listed(p, text, lo, doc_date, forms, group) if _bare(p) else p for p in group]
    out = [p for p in out if not p.undated]  # "9월부터" left on its own: no year known
    out.sort(key=lambda p: p.text_start)
    return out + _said_again(out, text, spans, forms)


def _said_twice(group: list[FoundPeriod]) -> list[FoundPeriod]:
    """A closed span and a bare duration of as many years in one sentence are one period,
    stated twice ("…시행계획(2017~2020)에 따르면 … 4년간의 계획기간 동안 … 5024억원"): it is
    read where the duration stands, nearer the amount it governs."""
    spans = [p for p in group if p.start is not None and p.end is not None]
    out = list(group)
    for q in [p for p in group if _bare(p)]:
        same = [p for p in spans if p.end - p.start + 1 == q.years and p in out]
        if len(same) == 1:
            p = same[0]
            out[out.index(q)] = FoundPeriod(p.start, p.end, q.years, q.stated_years,
                                            q.text_start, q.text_end, p.months, rank=3)
            out.remove(p)
    return out


def _bare(p: FoundPeriod) -> bool:
    return p.start is None and p.end is None and p.years is not None


def _open_start(p: FoundPeriod) -> bool:
    return p.start is not None and p.end is None and p.years is None


def _open_end(p: FoundPeriod) -> bool:
    return p.end is not None and p.start is None and p.years is None


def _join_open(group: list[FoundPeriod], amount_starts: list[int], reach: int,
               gap: int = 2, reach_back: int = 100_000) -> list[FoundPeriod]:
    """Join each open start with the open end (or bare duration) nearest it in the sentence,
    within ``reach`` characters ("2020년부터 도입한 제도로 … 사업비는 5년간": no period), or
    ``reach_back`` when the end is written first."""
    group = sorted(group, key=lambda p: p.text_start)
    for first in [p for p in group if _open_start(p)]:
        if first not in group:
            continue
        others = [q for q in group if q is not first and (_open_end(q) or _bare(q))
                  and (_nothing_between(first, q, amount_starts)
                       or _opens_its_amount(first, q, amount_starts, gap))
                  and abs(q.text_start - first.text_start) <= (
                      reach if q.text_start > first.text_start else reach_back)
                  and (q.end is None or q.end >= first.start)]
        if not others:
            continue
        other = min(others, key=lambda q: abs(q.text_start - first.text_start))
        end = other.end if other.end is not None else first.start + other.years - 1
        whole = FoundPeriod(first.start, end, end - first.start + 1, other.stated_years,
                            min(first.text_start, other.text_start),
                            max(first.text_end, other.text_end),
                            first.months or other.months, rank=3)
        group = sorted([p for p in group if p is not first and p is not other] + [whole],
                       key=lambda p: p.text_start)
    return group


def _end_and_duration(group: list[FoundPeriod], text: str, amount_starts: list[int],
                      forms: PeriodForms) -> list[FoundPeriod]:
    """An open end and a bare duration are one period, the duration counted back from the end:
    with no amount between them, in either order, within ``join_reach`` characters ("3년 동안
    세종시에서 … 진행하는데 2020년까지", "2026년까지 최대 3년간"); else the first duration after
    the end that stands right before its total, whatever is listed between ("2023년까지 시비
    1595억을 포함해 … 등 5년간 총 4037억")."""
    reach = forms.join_reach
    for last in [p for p in group if _open_end(p)]:
        near = [q for q in group if _bare(q) and not q.verb_only
                and _nothing_between(last, q, amount_starts)
                and abs(q.text_start - last.text_start) <= reach]
        listed = [q for q in group if _bare(q) and q.text_start > last.text_end
                  and q.text_start - last.text_end <= reach
                  and forms.duration_total.match(text, q.text_end) is not None]
        # …or a duration right before the one amount between it and the end ("3년간 12억원을
        # 확보해 2021년까지 건립공사를 완료")
        opened = [q for q in group if _bare(q) and not q.verb_only and q.text_end <= last.text_start
                  and last.text_start - q.text_end <= reach
                  and _opens_its_amount(q, last, amount_starts, forms.start_amount_gap)]
        if near:
            q = min(near, key=lambda q: abs(q.text_start - last.text_start))
        elif listed:
            q = listed[0]
        elif opened:
            q = opened[-1]
        else:
            continue
        whole = FoundPeriod(last.end - q.years + 1, last.end, q.years, q.stated_years,
                            min(last.text_start, q.text_start), max(last.text_end, q.text_end),
                            last.months or q.months, rank=3)
        group = sorted([p for p in group if p is not last and p is not q] + [whole],
                       key=lambda p: p.text_start)
    return group


def _opens_its_amount(first: FoundPeriod, end: FoundPeriod, amount_starts: list[int],
                      gap: int = 2) -> bool:
    """An open start at most ``gap`` characters before the one amount between it and an open
    end after it: "지난 97년부터 182억원을 들여 … 올 연말까지", "지난 2016년부터 공사를 착공하여
    총사업비 86억 원을 투입하여 이달 말 준공" (the start and end of that amount)."""
    if not _open_end(end) or end.text_start < first.text_end:
        return False
    i = bisect.bisect_left(amount_starts, first.text_end)
    j = bisect.bisect_left(amount_starts, end.text_start)
    return j - i == 1 and amount_starts[i] - first.text_end <= gap


def _nothing_between(a: FoundPeriod, b: FoundPeriod, amount_starts: list[int]) -> bool:
    lo, hi = min(a.text_end, b.text_end), max(a.text_start, b.text_start)
    return bisect.bisect_left(amount_starts, lo) == bisect.bisect_left(amount_starts, hi)


def _years_listed(p: FoundPeriod, text: str, sentence_start: int, doc_date: dt.date | None,
                  forms: PeriodForms, group: list[FoundPeriod] = ()) -> FoundPeriod:
    """A bare duration closed by the years listed before it in its sentence, when they run
    without a gap over exactly that many years (a span listed counts its years: "올해 50억원을
    비롯해 2023∼2026년까지 매년 600억원, 2027년 639억원 등 6년에 걸쳐")."""
    years = {_year(m.group("y"), doc_date, forms.relative, forms.relative_months): m.start()
             for m in forms.year_token.finditer(text, sentence_start, p.text_start)}
    for q in group:
        if q.start is not None and q.end is not None and sentence_start <= q.text_start and \
                q.text_end <= p.text_start and q.end - q.start < 50:
            years.update({y: q.text_start for y in range(q.start, q.end + 1)})
    years.pop(None, None)
    if len(years) < 2 or max(years) - min(years) + 1 != p.years or len(years) != p.years:
        return p
    return FoundPeriod(min(years), max(years), p.years, p.stated_years, p.text_start,
                       p.text_end, rank=3)


def _said_again(periods: list[FoundPeriod], text: str, spans,
                forms: PeriodForms) -> list[FoundPeriod]:
    """"이 기간": a copy of the period stated last (closed, or open with its end known: "오는
    2010년까지 … 같은 기간 9100여억원"), in its sentence or the one before."""
    out = []
    closed = [p for p in periods if p.end is not None]
    starts = [p.text_start for p in closed]
    for lo, hi in sorted({spans(p.text_start) for p in closed}):
        for m in forms.same_period.finditer(text, lo, min(len(text), hi + 600)):
            i = bisect.bisect_left(starts, m.start())
            if not i or spans(m.start())[0] - closed[i - 1].text_end > 600:
                continue
            p = closed[i - 1]
            out.append(FoundPeriod(p.start, p.end, p.years, None, m.start(), m.end(), p.months,
                                   rank=2))
    return _unique(out)


def _unique(periods: list[FoundPeriod]) -> list[FoundPeriod]:
    seen: set[int] = set()
    return [p for p in periods if not (p.text_start in seen or seen.add(p.text_start))]
