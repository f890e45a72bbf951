"""The document's own date, sniffed from a header line ("보도일시 2024. 5. 21.(화) 조간").

Releases and news pages state their date near the top: 보도일시 / 보도시점 first, then
배포일시, 입력, 최종편집일/수정, or a bare date line ("2024.05.20 (월)").  The first lines are
enough; a caller's ``doc_date`` always wins.  The keywords and date forms are [dates] in
rules/data/forms.toml.
"""

from __future__ import annotations

import datetime as dt

from fundparse.rules.forms import date_forms
from fundparse.rules.tables import Tables, load_tables


def _make(match) -> dt.date | None:
    year = match.group("y")
    year = 2000 + int(year[1:]) if not year[0].isdigit() else int(year)
    try:
        return dt.date(year, int(match.group("m")), int(match.group("d")))
    except ValueError:
        return None


def head_lines(text: str, count: int) -> list[str]:
    """``text.splitlines()[:count]``, splitting only as much of the text as that takes."""
    size = 4096
    while size < len(text):
        lines = text[:size].splitlines()
        # a line followed by another inside the prefix is whole (its break too: "\r\n")
        if len(lines) > count:
            return lines[:count]
        size *= 4
    return text.splitlines()[:count]


def sniff_doc_date(text: str, words: Tables | None = None) -> dt.date | None:
    """The date a document states in its header, preferring 보도일시 over 배포일시, 입력, 최종편집일.

    >>> sniff_doc_date("배포일시 2024. 5. 20.\\n보도일시 2024. 5. 21.(화) 조간")
    datetime.date(2024, 5, 21)
    """
    forms = date_forms(words or load_tables())
    head = "\n".join(head_lines(text, forms.head_lines))
    best: tuple[int, int, dt.date] | None = None
    for match in forms.keyed.finditer(head):
        day = _make(match)
        if day is not None:
            rank = (forms.keys[match.group("key")], match.start())
            if best is None or rank < best[:2]:
                best = (*rank, day)
    if best is not None:
        return best[2]
    for match in forms.bare.finditer(head):
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
