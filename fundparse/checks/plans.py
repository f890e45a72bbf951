"""Yearly plans: FP104 (the years' amounts do not add up to the stated total) and FP105 (a
plan's year falls outside the period stated for it).

A plan is two or more amounts each keyed by a year, in text ("연도별로 2025년 15억 원,
2026년 40억 원, 2027년 30억 원 등 총 95억 원") or in a table (years across a header row with a
계/합계 column, or years down the first column with a 계/합계 row; cells split at tabs, or at
bars in a table typed as "구분 | 계 | 2024년").  Its total is stated right
after the list (등 총 …, 으로 총 …), right before it with the list in parentheses (총 120억 원
(2024년 …)), in the sentence before a list opened by 연도별로는, or in the table's total
cell.  The sum is compared within the written precision of every figure.
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

import regex

from fundparse.checks.words import Place, money, pattern, say, section
from fundparse.numerals import parse_numeral
from fundparse.structure.splits import absorbed
from fundparse.structure.units import TableAmount

_RELATIVE = dict(section("plans")["relative_years"])
_BARE_HINTS = tuple(section("plans")["bare_hints"])
# a year right before an amount: "2025년 15억 원", "'26년에 40억 원", "내년에는 70억 원"
_YEAR_KEY = pattern("plans", "year_key")
_BARE_ITEM = pattern("plans", "bare_item")
_GAP = pattern("plans", "gap")
# after the list, the stated total: "등 총 95억 원", "으로 총 50억 원이다", "등 모두 210억 원"
_TOTAL_AFTER = pattern("plans", "total_after")
# a list opened by a yearly cue, with its total in the sentence before or earlier in its own
_CUE = pattern("plans", "cue")
_LIST_END = pattern("plans", "list_end")
_STATED_TOTAL = pattern("plans", "stated_total")
_OPENED = pattern("plans", "opened")  # "총 120억 원(2024년 …", "(연도별 2024년 …"

_TABLE_YEAR = pattern("plans", "table_year")
_TABLE_TOTAL = pattern("plans", "table_total")
_DECIMAL_WRITTEN = pattern("plans", "decimal_written")
_NOT_A_SUM = pattern("plans", "not_a_sum")


@dataclass(frozen=True)
class _Item:
    year: int | None  # None: a relative year without a document date
    amount: object


@dataclass(frozen=True)
class Plan:
    items: tuple[_Item, ...]
    total: object  # the total's Amount
    complete: bool
    period: tuple[int, int] | None  # the period stated for the total


def precision(amount, text: str) -> Decimal:
    """Half a unit of the last written digit, in the amount's own value ("3.3억 원": 0.05억)."""
    exponent = amount.numeral.value.as_tuple().exponent
    out = Decimal(5) * Decimal(10) ** (exponent - 1) if isinstance(exponent, int) and exponent < 0 \
        else Decimal(0)
    if isinstance(amount, TableAmount):
        return out * max(1, amount.scale)
    for m in _DECIMAL_WRITTEN.finditer(text, amount.start, amount.end):
        unit = parse_numeral("1" + m.group("unit")) if m.group("unit") else None
        scale = unit.value if unit is not None else Decimal(1)
        out = max(out, Decimal(5) * Decimal(10) ** (-len(m.group("frac")) - 1) * scale)
    return out


def _plain(a) -> bool:
    return not (a.approximate or a.bound or a.high is not None or a.per or a.change)


def _key(text: str, a, doc_date: dt.date | None) -> tuple[bool, int | None]:
    m = _YEAR_KEY.search(text, max(0, a.start - 16), a.start)
    if m is None:
        return False, None
    if m.group("y"):
        return True, int(m.group("y"))
    if m.group("yy"):
        return True, 2000 + int(m.group("yy"))
    return True, None if doc_date is None else doc_date.year + _RELATIVE[m.group("rel")]


def text_plans(text: str, facts, sentences, doc_date: dt.date | None) -> list[Plan]:
    amounts = [f.amount for f in facts if not isinstance(f.amount, TableAmount)]
    period_of = {id(f.amount): f.period for f in facts}
    starts = [a.start for a in amounts]  # facts are in text order
    plans: list[Plan] = []
    i = 0
    while i < len(amounts):
        keyed, year = _key(text, amounts[i], doc_date)
        if not keyed or not _plain(amounts[i]):
            i += 1
            continue
        items = [_Item(year, amounts[i])]
        j = i + 1
        while j < len(amounts):
            prev = items[-1].amount
            nxt = amounts[j]
            keyed, year = _key(text, nxt, doc_date)
            gap_end = _YEAR_KEY.search(text, max(0, nxt.start - 16), nxt.start)
            if (not keyed or not _plain(nxt) or gap_end is None
                    or not _GAP.fullmatch(text, prev.end, gap_end.start())
                    or nxt.currency != prev.currency):
                break
            items.append(_Item(year, nxt))
            j += 1
        if len(items) >= 2:
            plan = _plan_total(text, amounts, starts, i, j, items, sentences, period_of)
            if plan is not None:
                plans.append(plan)
        i = max(j, i + 1)
    return plans


def _plan_total(text, amounts, starts, i, j, items, sentences, period_of) -> Plan | None:
    first, last = items[0].amount, items[-1].amount
    years = [it.year for it in items if it.year is not None]
    if len(set(years)) != len(years):
        return None  # the same year twice: not one plan (two sources a year, say)
    # "… 30억 원 등 총 95억 원"
    if j < len(amounts):
        after = amounts[j]
        m = _TOTAL_AFTER.fullmatch(text, last.end, after.start)
        if m is not None and _plain(after) and after.currency == last.currency:
            complete = m.group("etc") is None  # "… 등 총": the years written may be some
            return Plan(tuple(items), after, complete, _closed(period_of.get(id(after))))
    # "총 120억 원(2024년 30억 원, …)"
    if i > 0:
        before = amounts[i - 1]
        head = _YEAR_KEY.search(text, max(0, first.start - 16), first.start)
        opened = _OPENED.fullmatch(text[before.end:head.start()])
        closed = regex.match(r"[ \u00a0]*[)）]", text[last.end:last.end + 4])
        if opened and closed and before.currency == last.currency:
            return Plan(tuple(items), before, True, _closed(period_of.get(id(before))))
    # "… 총 60억 원을 투입한다. 연도별로는 2024년 20억 원, … 이다."
    head = _YEAR_KEY.search(text, max(0, first.start - 16), first.start)
    s_start, _ = sentences.span(first.start)
    if _CUE.search(text, max(s_start, head.start() - 20), head.start()) and \
            _LIST_END.match(text, last.end):
        span = sentences.before((s_start, s_start))
        lo = s_start if span is None else span[0]
        candidates = amounts[bisect.bisect_left(starts, lo, 0, i):i]
        stated = [a for a in candidates if _STATED_TOTAL.search(text, max(0, a.start - 12), a.start)
                  and _plain(a) and a.currency == last.currency]
        if len(stated) == 1:  # the list may be some years of the total: as with 등
            return Plan(tuple(items), stated[0], False, _closed(period_of.get(id(stated[0]))))
    return None


@dataclass(frozen=True)
class _Bare:
    """A figure of a yearly list written without a currency ("'25년 20억"): the total's."""
    start: int
    end: int
    value: Decimal
    currency: str
    numeral: object
    approximate: bool = False
    bound: None = None
    high: None = None
    per: None = None
    change: None = None


def bare_plans(text: str, facts, doc_date: dt.date | None) -> list[Plan]:
    """Lists whose figures the engine leaves as numbers ("'25년 20억, '26년 30억, '27년 40억
    (총 100억 원)"), checked against the total written after them."""
    if not any(hint in text for hint in _BARE_HINTS):
        return []
    amounts = [f.amount for f in facts if not isinstance(f.amount, TableAmount)]
    starts = [a.start for a in amounts]
    period_of = {id(f.amount): f.period for f in facts}
    plans: list[Plan] = []
    group: list = []

    def close() -> None:
        if len(group) < 2 or all(bare is None for _, _, bare, _ in group):
            return
        last_end = group[-1][3]
        k = bisect.bisect_left(starts, last_end)
        if k >= len(amounts):
            return
        total = amounts[k]
        m = _TOTAL_AFTER.fullmatch(text, last_end, total.start)
        if m is None or not _plain(total):
            return
        items = []
        for year, match, bare, _ in group:
            if bare is None:  # the engine's own amount
                i = bisect.bisect_left(starts, match.start("num"))
                bare = amounts[i]
            elif total.currency != "KRW":
                return
            items.append(_Item(year, bare))
        years = [it.year for it in items if it.year is not None]
        if len(set(years)) == len(years):
            plans.append(Plan(tuple(items), total, m.group("etc") is None,
                              _closed(period_of.get(id(total)))))

    prev_end = None
    for m in _BARE_ITEM.finditer(text):
        if prev_end is None or not _GAP.fullmatch(text, prev_end, m.start()):
            close()
            group = []
        i = bisect.bisect_left(starts, m.start("num"))
        own = i < len(amounts) and amounts[i].start == m.start("num")
        if own and not _plain(amounts[i]):
            close()
            group, prev_end = [], None
            continue
        bare = None
        if not own:
            numeral = parse_numeral(regex.sub(r"[ \u00a0]", "", m.group("num")))
            if numeral is None:
                close()
                group, prev_end = [], None
                continue
            bare = _Bare(m.start("num"), m.end(), numeral.value, "KRW", numeral)
        key = m.group("y") or m.group("yy")
        year = int(key) if m.group("y") else 2000 + int(key) if key else (
            None if doc_date is None else doc_date.year + _RELATIVE[m.group("rel")])
        prev_end = amounts[i].end if own else m.end()
        group.append((year, m, bare, prev_end))
    close()
    return plans


def _closed(period) -> tuple[int, int] | None:
    if period is None or period.start is None or period.end is None or period.start > period.end:
        return None
    return period.start, period.end


# --- tables -------------------------------------------------------------------------------------

_PIPE = "|"


def _cells(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A row's cell spans: split at tabs, else at "|" (a table typed with bars, "구분 | 계 |
    2024년"; the empty edges of "| a | b |" are dropped)."""
    mark = "\t" if "\t" in text[start:end] else _PIPE
    out, pos = [], start
    while True:
        cut = text.find(mark, pos, end)
        if cut == -1:
            out.append((pos, end))
            break
        out.append((pos, cut))
        pos = cut + 1
    if mark == _PIPE:
        if out and not text[out[0][0]:out[0][1]].strip():
            out = out[1:]
        if out and not text[out[-1][0]:out[-1][1]].strip():
            out = out[:-1]
    return out


def has_table(text: str) -> bool:
    """Whether ``text`` may hold a table: a tab, or a line with two bars."""
    return "\t" in text or text.count(_PIPE) >= 2


def _is_row(line: str) -> bool:
    return "\t" in line or line.count(_PIPE) >= 2


def table_blocks(text: str):
    """Runs of consecutive table lines (a tab, or two bars): lists of rows, each a list of
    cell spans."""
    block: list[list[tuple[int, int]]] = []
    pos = 0
    while pos <= len(text):
        end = text.find("\n", pos)
        end = len(text) if end == -1 else end
        if _is_row(text[pos:end]):
            block.append(_cells(text, pos, end))
        elif block:
            yield block
            block = []
        if end >= len(text):
            break
        pos = end + 1
    if block:
        yield block


def table_plans(text: str, facts) -> list[Plan]:
    if not has_table(text):
        return []
    amounts = []
    for fact in facts:
        amounts.append(fact.amount)
        if fact.split is not None:
            amounts.extend(absorbed(fact.split.parts))
    ordered = sorted(amounts, key=lambda a: a.start)
    starts = [a.start for a in ordered]
    plans: list[Plan] = []
    for block in table_blocks(text):
        def amount_in(cell):
            lo, hi = cell
            found = ordered[bisect.bisect_left(starts, lo):bisect.bisect_left(starts, hi)]
            return found[0] if len(found) == 1 and _plain(found[0]) else None

        def year_of(cell):
            m = _TABLE_YEAR.fullmatch(text, *cell)
            return int(m.group("y")) if m else None

        def is_total(cell):
            return _TABLE_TOTAL.fullmatch(text, *cell) is not None

        header = None  # years across a header row, a 계 column: the rows under it
        for row in block:
            year_cols = {j: y for j, c in enumerate(row) if (y := year_of(c)) is not None}
            total_cols = [j for j, c in enumerate(row) if is_total(c)]
            if len(year_cols) >= 2 and len(total_cols) == 1:
                header = (row, year_cols, total_cols[0])
                continue
            if header is None or len(row) != len(header[0]):
                continue
            _, year_cols, total_col = header
            others = [j for j in range(1, len(row)) if j not in year_cols and j != total_col]
            if any(amount_in(row[j]) is not None for j in others):
                continue  # another figure (2027년 이후, 기투자): the years are not all of it
            items = [_Item(y, amount_in(row[j])) for j, y in year_cols.items()]
            total = amount_in(row[total_col])
            if total is not None and all(it.amount is not None for it in items):
                plans.append(Plan(tuple(items), total, True, None))
        year_rows = [r for r in block if r and year_of(r[0]) is not None]
        total_rows = [r for r in block if r and is_total(r[0])]
        if len(year_rows) >= 2 and len(total_rows) == 1:  # years down the first column, a 계 row
            total_row = total_rows[0]
            keyed = {id(r) for r in year_rows} | {id(total_row)}
            header = block[0] if id(block[0]) not in keyed else None
            if any(len(r) != len(total_row) for r in year_rows):
                continue
            for j in range(1, len(total_row)):
                if header is not None and j < len(header) and _NOT_A_SUM.search(text, *header[j]):
                    continue
                if any(amount_in(r[j]) is not None for r in block
                       if id(r) not in keyed and len(r) > j):
                    continue  # a figure in another row (2027년 이후): the years are not all of it
                items = [_Item(year_of(r[0]), amount_in(r[j])) for r in year_rows]
                total = amount_in(total_row[j])
                if total is not None and all(it.amount is not None for it in items):
                    plans.append(Plan(tuple(items), total, True, None))
    return plans


# --- the findings -------------------------------------------------------------------------------

def check_plans(maker, text: str, facts, sentences, doc_date: dt.date | None,
                periods=()) -> list:
    """FP104 and FP105 for every plan; a plan without a period of its own is held to the
    document's period when the document states one and only one ("사업기간: 2025~2027년")."""
    findings = []
    bare = bare_plans(text, facts, doc_date)
    totals = {id(plan.total) for plan in bare}
    plans = [p for p in text_plans(text, facts, sentences, doc_date) if id(p.total) not in totals]
    spans = {span for p in periods if (span := _closed(p)) is not None}
    only = next(iter(spans)) if len(spans) == 1 else None
    for plan in [*bare, *plans, *table_plans(text, facts)]:
        if plan.period is None and only is not None and any(
                it.year is not None and only[0] <= it.year <= only[1] for it in plan.items):
            # held to it only when some year falls inside (a table of past years is another)
            plan = Plan(plan.items, plan.total, plan.complete, only)
        findings.extend(_check_plan(maker, text, plan))
    return findings


def _check_plan(maker, text: str, plan: Plan) -> list:
    total = plan.total
    currency = total.currency
    if any(it.amount.currency != currency for it in plan.items):
        return []
    out = []
    parts_sum = sum((it.amount.value for it in plan.items), Decimal(0))
    allowed = sum((precision(it.amount, text) for it in plan.items), precision(total, text))
    place = Place(total.start, total.end)
    gap = abs(parts_sum - total.value)
    # a list that may be partial (… 등 총, or a total in another sentence) is wrong when it
    # exceeds its total, or falls short by a slip (within a quarter), not by the years unwritten
    wrong = gap > allowed and (plan.complete or parts_sum > total.value
                               or gap <= abs(total.value) / 4)
    if wrong:
        listing = ", ".join(say("plan_year_amount", year=str(it.year),
                                amount=money(it.amount.value, currency)) if it.year
                            else money(it.amount.value, currency) for it in plan.items)
        sum_text, total_text = money(parts_sum, currency), money(total.value, currency)
        out.append(maker.make(
            "FP104", place,
            say("plan_sum", sum=sum_text, listing=listing, total=total_text),
            f"the years' amounts add up to {sum_text} ({listing}), not the total {total_text}"))
    if plan.period is not None:
        start, end = plan.period
        outside = [it.year for it in plan.items if it.year is not None and not start <= it.year <= end]
        if outside:
            years = ", ".join(say("plan_year", year=str(y)) for y in outside)
            out.append(maker.make(
                "FP105", Place(plan.items[0].amount.start, plan.items[-1].amount.end),
                say("plan_outside", years=years, start=str(start), end=str(end)),
                f"the plan's year{'s' if len(outside) > 1 else ''} "
                f"{', '.join(str(y) for y in outside)} fall{'' if len(outside) > 1 else 's'} "
                f"outside the stated period {start}-{end}"))
    return out


__all__ = ["check_plans", "text_plans", "table_plans", "precision", "table_blocks", "has_table"]
