"""The document's own date, sniffed from a header line ("보도일시 2024. 5. 21.(화) 조간").

Releases and news pages state their date near the top: 보도일시 / 보도시점 first, then
배포일시, 입력, 최종편집일/수정, or a bare date line ("2024.05.20 (월)").  The first lines are
enough; a caller's ``doc_date`` always wins.
"""

from __future__ import annotations

import datetime as dt

import regex

HEAD_LINES = 40  # the header block of a release or a news page
# Keyword -> preference (lower wins).
KEYWORDS = {
    "보도일시": 0, "보도시점": 0, "보도일자": 0, "보도일": 0, "엠바고": 0,
    "배포일시": 1, "배포일자": 1, "배포일": 1, "배포": 1,
    "입력": 2, "등록": 2, "기사입력": 2, "발행일": 2, "작성일": 2,
    "최종편집일": 3, "최종수정": 3, "수정": 3, "승인": 3, "업데이트": 3,
}
_DATE = (
    r"(?P<y>(?:19|20)\d{2}|['’‘]\d{2})\s*[.\-/년]\s*(?P<m>\d{1,2})\s*[.\-/월]\s*(?P<d>\d{1,2})"
    r"(?!\d)\s*(?:일|\.)?"
)
_KEYED = regex.compile(
    rf"(?P<key>\L<keys>)\s*[:：.]?\s*[|\t]?\s*(?:일시\s*[:：]?\s*)?{_DATE}", keys=list(KEYWORDS)
)
_BARE = regex.compile(rf"^\s*{_DATE}\s*(?:\(\s*[월화수목금토일]\s*\))?\s*(?:\d{{1,2}}:\d{{2}})?\s*$",
                      regex.M)


def _make(match) -> dt.date | None:
    year = match.group("y")
    year = 2000 + int(year[1:]) if not year[0].isdigit() else int(year)
    try:
        return dt.date(year, int(match.group("m")), int(match.group("d")))
    except ValueError:
        return None


def sniff_doc_date(text: str) -> dt.date | None:
    """The date a document states in its header, preferring 보도일시 over 배포일시, 입력, 최종편집일.

    >>> sniff_doc_date("배포일시 2024. 5. 20.\\n보도일시 2024. 5. 21.(화) 조간")
    datetime.date(2024, 5, 21)
    """
    head = "\n".join(text.splitlines()[:HEAD_LINES])
    best: tuple[int, int, dt.date] | None = None
    for match in _KEYED.finditer(head):
        day = _make(match)
        if day is not None:
            rank = (KEYWORDS[match.group("key")], match.start())
            if best is None or rank < best[:2]:
                best = (*rank, day)
    if best is not None:
        return best[2]
    for match in _BARE.finditer(head):
        day = _make(match)
        if day is not None:
            return day
    return None


def coerce_date(value: dt.date | dt.datetime | str | int | None) -> dt.date | None:
    """A caller's doc_date: a date, "YYYY-MM-DD", or a year (int) meaning YYYY-01-01."""
    if value is None or isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, int):
        return dt.date(value, 1, 1)
    text = str(value).strip()
    if text.isdigit() and len(text) == 4:
        return dt.date(int(text), 1, 1)
    return dt.date.fromisoformat(text)
