"""Project periods ("2023년부터 2026년까지 4년간").

A period belongs to an amount in its own sentence; relative years (올해, 내년) resolve from
the document date and stay open without one (never the clock).
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass

import regex

@dataclass(slots=True)
class FoundPeriod:
    start: int | None
    end: int | None
    years: int | None
    stated_years: int | None  # the duration the text states, for the consistency check
    text_start: int
    text_end: int
    months: bool = False  # "2024년 3월부터 2026년 2월까지": the span in years is approximate


Y = r"(?:(?:19|20)\d{2}|['’‘`]\d{2})"
REL = r"(?:올해|금년|내년|내후년|작년|지난해|전년|올)"
NUM_KO = r"(?:한|두|세|네|다섯|여섯|일곱|여덟|아홉|열)"
# a part of the year after it: 3월, 상반기, 3분기, 1/4분기, 초, 말
MONTH = r"(?:\s*\d{1,2}\s*월|\s*[상하]반기|\s*[1-4]\s*(?:/\s*4\s*)?분기|\s*초|\s*말)?"
DOTMONTH = r"(?:\s*\.\s*\d{1,2}\s*\.?)?"
YEAR_SUFFIX = r"(?:\s*년\s*도|\s*년)"
DURATION = rf"(?:약\s*)?(?P<n>\d{{1,2}}|{NUM_KO})\s*(?:개\s*)?년\s*(?:간|\s*동안|\s*에\s*걸쳐)"
DASH = r"[~∼～〜\-–—]"

PATTERNS = [
    # 2023년부터 2026년까지 (4년간) · 2023~2026년 · '23~'26년 · 2023. 3.~2026. 12. · 올해부터 2028년까지
    regex.compile(
        rf"(?<![\d.\-])(?P<a>{Y}|{REL})(?:{YEAR_SUFFIX}{MONTH}|{DOTMONTH})?"
        rf"\s*(?:부터|에서|{DASH})\s*(?:오는\s*)?(?P<b>{Y})(?!\s*[.\-/]\s*\d{{1,2}}\s*[.\-/]\s*\d)"
        rf"(?:{YEAR_SUFFIX}{MONTH}|{DOTMONTH})?(?:\s*까지)?"
        rf"(?:\s*[,(]?\s*(?:총\s*|향후\s*)?{DURATION}\)?)?(?![\d])"
    ),
    # 2024년부터 3년간 · 올해부터 5년 동안
    regex.compile(rf"(?<![\d.\-])(?P<a>{Y}|{REL}){YEAR_SUFFIX}?{MONTH}\s*부터\s*(?:향후\s*)?{DURATION}"),
    # (오는) 2026년까지 3년간
    regex.compile(rf"(?<![\d.\-])(?:오는\s*)?(?P<b>{Y}){YEAR_SUFFIX}{MONTH}\s*까지\s*(?:향후\s*)?{DURATION}"),
    # 2026년 착공, 2027년 준공
    regex.compile(
        rf"(?<![\d.\-])(?P<a>{Y}|{REL}){YEAR_SUFFIX}?{MONTH}\s*(?:상반기|하반기|중|말)?\s*(?:에\s*)?"
        rf"(?:[가-힣]{{1,4}}(?:을|를)\s*)?(?:착공|착수|시작|공사에 들어가|첫 삽)[^.\n]{{0,40}}?(?P<b>{Y}|{REL}){YEAR_SUFFIX}?{MONTH}"
        rf"\s*(?:상반기|하반기|중|말)?\s*(?:까지\s*)?(?:준공|완공|완료|개관|개통|마무리|준공할|완공할)"
    ),
    # 오는 2026년까지 · 2030년까지 (end only)
    regex.compile(rf"(?<![\d.\-])(?:오는\s*)?(?:(?P<b>{Y}){YEAR_SUFFIX}{MONTH}|(?P<b>내년|내후년)){MONTH}\s*까지"
                  rf"(?!\s*(?:\d{{1,2}}|{NUM_KO})\s*(?:개\s*)?년)"),
]
_MONTH_IN = regex.compile(r"\d\s*월|반기|분기|년\s*[초말]|\.\s*\d{1,2}\s*\.?\s*[~∼～〜\-–]|\d\.\s*\d{1,2}\.?\s*$")
KO_NUMBERS = {"한": 1, "두": 2, "세": 3, "네": 4, "다섯": 5, "여섯": 6, "일곱": 7, "여덟": 8,
              "아홉": 9, "열": 10}
RELATIVE = {"올해": 0, "금년": 0, "올": 0, "내년": 1, "내후년": 2, "작년": -1, "지난해": -1, "전년": -1}


def _year(token: str | None, doc_date: dt.date | None) -> int | None:
    if token is None:
        return None
    if token in RELATIVE:
        return None if doc_date is None else doc_date.year + RELATIVE[token]
    if token[0] in "'’‘`":
        two = int(token[1:])
        return 2000 + two if two < 70 else 1900 + two
    return int(token)


def find_periods(text: str, doc_date: dt.date | None,
                 spans: list[tuple[int, int]] | None = None) -> list[FoundPeriod]:
    """Every period expression (within ``spans`` when given), longest first where they overlap."""
    found: list[FoundPeriod] = []
    taken: list[tuple[int, int]] = []
    windows = _merge(spans) if spans is not None else [(0, len(text))]
    for pattern in PATTERNS:
        for lo, hi in windows:
            for m in pattern.finditer(text, lo, hi):
                if _overlaps(taken, m.start(), m.end()):
                    continue
                _add(m, doc_date, found, taken)
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


_MONTHS = regex.compile(r"(\d{1,2})\s*월")


def _business_year(text: str, start: int | None, end: int | None) -> bool:
    """Two months a year apart or less, across a new year: 2023년 4월~2024년 3월."""
    months = _MONTHS.findall(text)
    if len(months) != 2 or start is None or end is None or end != start + 1:
        return False
    return (end - start) * 12 + int(months[1]) - int(months[0]) + 1 <= 12


def _add(m, doc_date, found: list[FoundPeriod], taken: list[tuple[int, int]]) -> None:
    groups = m.groupdict()
    start = _year(groups.get("a"), doc_date)
    end = _year(groups.get("b"), doc_date)
    n = groups.get("n")
    stated = None if n is None else int(n) if n.isdigit() else KO_NUMBERS[n]
    if stated is not None:
        if start is None and end is not None and groups.get("a") is None:
            start = end - stated + 1
        elif end is None and start is not None and groups.get("b") is None:
            end = start + stated - 1
    years = stated if stated is not None else (
        end - start + 1 if start is not None and end is not None else None)
    if start is None and end is None and years is None:
        return  # "내년까지" with no document date: nothing known
    months = bool(_MONTH_IN.search(m.group()))
    if months and stated is None and _business_year(m.group(), start, end) and regex.search(DASH, m.group()):
        return  # "지난 1년(2023년 4월~2024년 3월)": twelve months of accounts, not project years
    found.append(FoundPeriod(start, end, years, stated, m.start(), m.end(), months))
    taken.append((m.start(), m.end()))
