"""FP201 for durations the period reader leaves beside a span: "3년간('24~'27)",
"2024~2026년(4년)", "2025년 실시설계를 시작으로 2027년까지 5년간", and a construction schedule (2025년 착공 … 2030년 준공) with a duration
stated in its sentence ("… 3년간 900억 원", "… 준공할 예정이며, 공사기간은 총 3년이다").

A duration counts the years from start to end inclusive; with months, or with a
construction schedule (착공 in one year's autumn, 준공 in another's spring), one year less is
right too.
"""

from __future__ import annotations

import bisect

from fundparse.checks.words import Place, pattern, say, section

_KO = dict(section("spans")["korean_numbers"])
_YEAR_HINT = section("spans")["year_hint"]
# "3년간(" right before the span
_BEFORE = pattern("spans", "before")
# "(4년)" or ", 4년간)" right after it
_AFTER = pattern("spans", "after")
# "… 2027년까지 5년간" right after a span its form read without the duration
_AFTER_BARE = pattern("spans", "after_bare")
# a first year before an end-and-duration period ("2025년 실시설계를 시작으로 2027년까지
# 5년간": the reader takes 2027년까지 5년간 alone, as 2023–2027)
_START_BEFORE = pattern("spans", "start_before")
# two-digit years the period reader does not take (no apostrophe): "3년간(24~27년)",
# "24~27년(3년간)"
_SHORT_SPANS = pattern("spans", "short_spans")
_BUILT = pattern("spans", "built")
_AHEAD = pattern("spans", "ahead")
# between the schedule and a duration: the duration is of a part ("이 중 1단계는 2년간")
_PART = pattern("spans", "part")
# "공사기간은 총 3년": a duration the period reader does not take, named as the schedule's own
_NAMED = pattern("spans", "named_duration")


def _number(token: str) -> int:
    return int(token) if token.isdigit() else _KO[token]


def check_spans(maker, text: str, periods, sentences) -> list:
    findings = _short_spans(maker, text, periods)
    durations = sorted((p for p in periods if p.start is None and p.end is None and p.stated_years),
                       key=lambda p: p.text_start)
    starts = [d.text_start for d in durations]
    for period in periods:
        if period.start is None or period.end is None or period.start > period.end:
            continue
        if period.stated_years is not None:
            findings.extend(_start_before(maker, text, period))
            continue  # otherwise read with its duration: check_period has it
        span = period.end - period.start + 1
        surface = text[period.text_start:period.text_end]
        stated, where = _beside(text, period)
        loose = period.months or _BUILT.search(surface) is not None
        if stated is None and _BUILT.search(surface):
            stated, where = _in_sentence(text, period, durations, starts, sentences)
        if stated is None:
            continue
        allowed = (span - 1, span) if loose else (span,)
        if stated in allowed:
            continue
        place = Place(min(period.text_start, where[0]), max(period.text_end, where[1]))
        findings.append(maker.make(
            "FP201", place,
            say("period_years", start=str(period.start), end=str(period.end), span=str(span),
                stated=str(stated)) + f"('{surface}')",
            f"period {period.start}-{period.end} spans {span} years, but the text says {stated} "
            f"('{surface}')"))
    return findings


def _beside(text: str, period) -> tuple[int | None, tuple[int, int]]:
    m = _BEFORE.search(text, max(0, period.text_start - 16), period.text_start)
    if m is not None:
        return _number(m.group("n")), (m.start(), m.end())
    m = _AFTER.match(text, period.text_end, min(len(text), period.text_end + 24)) or \
        _AFTER_BARE.match(text, period.text_end, min(len(text), period.text_end + 16))
    if m is not None:
        return _number(m.group("n")), (m.start(), m.end())
    return None, (period.text_start, period.text_end)


def _in_sentence(text: str, period, durations, starts,
                 sentences) -> tuple[int | None, tuple[int, int]]:
    lo, hi = sentences.span(period.text_start)
    window = durations[bisect.bisect_left(starts, lo):bisect.bisect_left(starts, hi)]
    here = [d for d in window
            if not _AHEAD.match(text, d.text_start, d.text_end)
            and not _PART.search(text, min(d.text_end, period.text_end),
                                 max(d.text_start, period.text_start))]
    if not window:
        named = [m for m in _NAMED.finditer(text, lo, hi)
                 if not _PART.search(text, min(m.end(), period.text_end),
                                     max(m.start(), period.text_start))]
        if len(named) == 1:
            return _number(named[0].group("n")), (named[0].start(), named[0].end())
    if len(here) != 1:
        return None, (period.text_start, period.text_end)
    return here[0].stated_years, (here[0].text_start, here[0].text_end)


def _start_before(maker, text: str, period) -> list:
    m = _START_BEFORE.search(text, max(0, period.text_start - 40), period.text_start)
    if m is None:
        return []
    start = int(m.group("a"))
    if start == period.start or start > period.end:
        return []
    span = period.end - start + 1
    allowed = (span - 1, span) if period.months or _BUILT.search(m.group()) else (span,)
    if period.stated_years in allowed:
        return []
    surface = text[m.start():period.text_end]
    return [maker.make(
        "FP201", Place(m.start(), period.text_end),
        say("period_years", start=str(start), end=str(period.end), span=str(span),
            stated=str(period.stated_years)) + f"('{surface}')",
        f"period {start}-{period.end} spans {span} years, but the text says "
        f"{period.stated_years} ('{surface}')")]


def _short_spans(maker, text: str, periods) -> list:
    if _YEAR_HINT not in text:
        return []
    read = sorted((p.text_start, p.text_end) for p in periods
                  if p.start is not None and p.end is not None)
    out = []
    for m in _SHORT_SPANS.finditer(text):
        i = bisect.bisect_left(read, (m.start(), -1))
        if any(s < m.end() and m.start() < e for s, e in read[max(0, i - 1):i + 1]):
            continue  # the period reader took it: checked there
        a, b = int(m.group("a") or m.group("a2")), int(m.group("b") or m.group("b2"))
        stated = _number(m.group("n") or m.group("n2"))
        if not 10 <= a < b or b - a > 30:
            continue  # not two years of this century's span ("1~3년차", a count)
        span = b - a + 1
        if stated == span:
            continue
        start, end = 2000 + a, 2000 + b
        out.append(maker.make(
            "FP201", Place(m.start(), m.end()),
            say("period_years", start=str(start), end=str(end), span=str(span),
                stated=str(stated)) + f"('{m.group()}')",
            f"period {start}-{end} spans {span} years, but the text says {stated} "
            f"('{m.group()}')"))
    return out
