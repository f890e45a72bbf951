"""Totals by funding source: the one rule behind the table footer, the HTML summary, the CSV
``<category>_krw`` columns and ``fundparse.etl.source_totals``.

The rule, for one figure's parts: each part counts under its category, broken down to its
innermost parts (지방비 30억 of 도비 10억 and 시비 20억 counts as provincial 10억 and municipal
20억); what a part's own parts leave uncovered stays under the part's category (지방비 160억
with only 도비 50억 stated: provincial 50억, local 110억), so the categories always add up to the
top-level parts.  Parts without a KRW value are left out.

Over a document: each (total, path of labels, KRW) part once (a total repeated with the same
parts counts once), a table's 합계/소계 row left out (it sums the rows above), and, given a
``category_of``, an amount without parts whose label is a source word ("민자 5억 원") counts
under that category unless the same (category, KRW) was already counted.  A run's totals are
the sum of its documents' totals.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from fundparse.model import CATEGORIES, Mention, Split

__all__ = ["SUM_LABELS", "CATEGORY_KO", "CATEGORY_NAMES", "part_totals", "source_totals",
           "add_totals", "ordered"]

SUM_LABELS = {"합계", "총계", "소계", "계", "합", "누계"}

# The categories' display names, one set for the terminal table and the HTML page
CATEGORY_KO = {
    "national": "국비", "provincial": "도비·광역시비", "municipal": "시·군·구비",
    "local": "지방비", "private": "민간", "self": "자부담", "other": "기타",
}
CATEGORY_NAMES = {"ko": CATEGORY_KO, "en": {c: c for c in CATEGORIES}}


def _counted(parts: Iterable[Split], path: tuple[str, ...]) -> Iterator[tuple[str, int, tuple]]:
    """(category, KRW, path of labels) of what each part counts as, innermost first."""
    for part in parts:
        if part.krw is None:
            continue
        inner = [p for p in part.splits if p.krw is not None]
        where = path + (part.label,)
        yield from _counted(inner, where)
        rest = part.krw - sum(p.krw for p in inner)
        if not inner or rest > 0:
            yield part.category, part.krw if not inner else rest, where


def part_totals(parts: Iterable[Split]) -> dict[str, int]:
    """KRW per category of one figure's parts (see the module's rule)."""
    totals: dict[str, int] = {}
    for category, krw, _ in _counted(parts, ()):
        totals[category] = totals.get(category, 0) + krw
    return totals


def _is_sum_row(m: Mention) -> bool:
    return bool(m.label) and "".join(m.label.split()) in SUM_LABELS


def source_totals(mentions: Iterable[Mention],
                  category_of: Callable[[str], str | None] | None = None) -> dict[str, int]:
    """KRW per category over one document's mentions (see the module's rule); only categories
    that occur.  Compound categories ("national+provincial") keep their own key."""
    mentions = list(mentions)
    totals: dict[str, int] = {}
    seen: set[tuple] = set()
    counted: set[tuple[str, int]] = set()
    for m in mentions:
        if _is_sum_row(m):
            continue
        for category, krw, path in _counted(m.splits, ()):
            key = (m.krw, m.value, path, krw)
            if key in seen:
                continue
            seen.add(key)
            counted.add((category, krw))
            totals[category] = totals.get(category, 0) + krw
    if category_of is not None:
        for m in mentions:
            if m.splits or not m.label or m.krw is None or m.change or m.per:
                continue
            category = category_of(m.label)
            if not category or (category, m.krw) in counted:
                continue
            counted.add((category, m.krw))
            totals[category] = totals.get(category, 0) + m.krw
    return totals


def add_totals(into: dict[str, int], more: dict[str, int]) -> dict[str, int]:
    """A run's totals: ``more`` (one document's) added into ``into``."""
    for category, krw in more.items():
        into[category] = into.get(category, 0) + krw
    return into


def ordered(totals: dict[str, int]) -> list[tuple[str, int]]:
    """The categories in CATEGORIES order, compound ones after them by name."""
    order = {c: i for i, c in enumerate(CATEGORIES)}
    return [(c, totals[c]) for c in sorted(totals, key=lambda c: (order.get(c, len(order)), c))]
