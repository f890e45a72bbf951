"""What an amount is for: its label noun ("총사업비 281억 원") and budget year ("2025년 예산")."""

from __future__ import annotations

import datetime as dt

import regex

from fundparse.rules.markers import MarkerPatterns, read_prefixes
from fundparse.rules.tables import DOTS, Tables

S = "[ \u00a0]"
_WORD_BEFORE = regex.compile(  # matched backwards from the amount ((?r)): cost of one word
    rf"(?r)(?<![가-힣])(?P<word>[가-힣]+(?:[{DOTS}][가-힣]+)*)"
    rf"(?P<particle>은|는|이|가|도|만|으로|로|을|를|의|에|에는)?{S}*(?:[:：]{S}*)?"
)
_SPACED_WORD = regex.compile(rf"(?r)(?<![가-힣])(?P<word>[가-힣](?: [가-힣]){{1,4}}){S}*[:：]?{S}*")
_PARTICLES = ("으로", "에는", "은", "는", "이", "가", "도", "만", "로", "을", "를", "의", "에")
_FISCAL = regex.compile(
    rf"(?P<y>(?:19|20)\d{{2}}|올해|금년|내년|내후년|작년|지난해|전년)(?:{S}*년{S}*도|{S}*년|도)?{S}*"
    rf"(?:정부{S}*|국가{S}*|당초{S}*|최종{S}*|제\d회{S}*)?"
    rf"(?:본{S}*예산|추경{S}*예산|추가경정{S}*예산|추경|예산{S}*안|예산|정부안|국비|도비|시비|군비|본예산안)"
    rf"(?:은|는|이|가|으로|에|에서|에는|을|를|도|의)?{S}*(?:총|약|모두|전체|규모는|규모)?{S}*\Z"
)
RELATIVE = {"올해": 0, "금년": 0, "내년": 1, "내후년": 2, "작년": -1, "지난해": -1, "전년": -1}


def _chain_start(text: str, start: int, markers: MarkerPatterns, known: int) -> int:
    """Where the markers before an amount begin (known from the engine, or read now)."""
    return known if known >= 0 else read_prefixes(text, start, markers)[0]


def label_before(text: str, start: int, words: Tables, markers: MarkerPatterns,
                 chain_start: int = -1) -> str | None:
    """The money noun right before an amount (past markers and particles), if any."""
    chain_start = _chain_start(text, start, markers, chain_start)
    m = _WORD_BEFORE.match(text, max(0, chain_start - 20), chain_start)
    if m is None:
        return None
    word = m.group("word")
    if len(word) == 1:  # a letter-spaced field name in a release's outline: "사 업 비 : 281억원"
        spaced = _SPACED_WORD.match(text, max(0, chain_start - 20), chain_start)
        if spaced is not None:
            word = spaced.group("word").replace(" ", "")
    labels = words.money_words["labels"]
    suffixes = words.money_words["label_suffixes"]
    candidates = [word]
    for particle in _PARTICLES:
        if word.endswith(particle) and len(word) > len(particle):
            candidates.append(word[: -len(particle)])
    for candidate in candidates:
        # a source word names money only as a fund (국비, 시비), not as an actor (정부가, 기업이)
        if candidate in labels or words.category(candidate) and candidate.endswith(("비", "금")):
            return candidate
    not_labels = words.money_words.get("not_labels", [])
    for candidate in candidates:
        if (len(candidate) >= 2 and any(candidate.endswith(s) for s in suffixes)
                and candidate not in not_labels):
            return candidate
    return None


def fiscal_year_before(text: str, start: int, doc_date: dt.date | None,
                       markers: MarkerPatterns, chain_start: int = -1) -> int | None:
    """The budget year tying an amount to a budget: "2025년 예산 300억 원" -> 2025."""
    chain_start = _chain_start(text, start, markers, chain_start)
    m = _FISCAL.search(text, max(0, chain_start - 30), chain_start)
    if m is None:
        return None
    year = m.group("y")
    if year in RELATIVE:
        return None if doc_date is None else doc_date.year + RELATIVE[year]
    return int(year)
