"""Table unit headers: "(단위: 백만원)" scales the bare numbers of the table it heads.

The header governs numbers on its own line and the lines after it, until a blank line, the next
unit header, or a line with no number (one or two column-header lines right after the header
may have none).  A governed number takes the row's first cell as its label, the column header's
year as its fiscal year, and △ (or a 증감 column) as a change.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import regex

from fundparse.numerals import ARABIC, parse_numeral
from fundparse.rules.money import Amount

_HEADER = regex.compile(
    r"[(（\[<]?\s*단\s*위\s*[:：]?\s*(?P<unit>(?:[0-9,]+|[십백천만억조]+)?\s*"
    r"(?:[십백천만억조]*\s*)(?P<cur>원|달러|유로|엔|위안|파운드|USD|EUR|JPY|CNY|US\$|\$))"
    r"\s*(?:[,，/]\s*[^)）\]\n>]{0,12})?[)）\]>]?"
)
_CURRENCY = {"원": "KRW", "달러": "USD", "유로": "EUR", "엔": "JPY", "위안": "CNY",
             "파운드": "GBP", "USD": "USD", "EUR": "EUR", "JPY": "JPY", "CNY": "CNY",
             "US$": "USD", "$": "USD"}
_NUMBER = regex.compile(rf"(?P<sign>[△▽]|-(?=\d)|▲)?\s*(?P<num>{ARABIC})")
_NOT_MONEY_AFTER = regex.compile(r"\s?(?:%|％|퍼센트|배|년|개|명|건|곳|월|일|호|차|㎡|㎞|km|위|조(?!원)|p|%p|\.\d)")
_YEAR = regex.compile(r"(?<!\d)((?:19|20)\d{2})(?:\s*년)?(?!\d)")
_CELL_SPLIT = regex.compile(r"\t|\s{2,}|\|")
_CHANGE_COLUMN = regex.compile(r"증감|증\s*감|차이|대비")
_RATE_COLUMN = regex.compile(r"%|률|율|비중|비율|구성비")
_CODE = regex.compile(r"(?:^|[\s\[])([국균도시군구기민자])\s*$")


@dataclass(slots=True)
class TableAmount(Amount):
    scale: int = 1
    row_label: str | None = None
    fiscal_year: int | None = None
    code: str | None = None  # budget-book source code before the number (국, 도, 군 …)


def _unit_scale(unit_text: str) -> int | None:
    numeral_part = regex.sub(r"\s|원|달러|유로|엔|위안|파운드|USD|EUR|JPY|CNY|US\$|\$", "", unit_text)
    if not numeral_part:
        return 1
    numeral_part = numeral_part.replace(",", "")
    if not numeral_part[0].isdigit():
        numeral_part = "1" + numeral_part  # "억원" is 1억 원 a unit
    numeral = parse_numeral(numeral_part)
    if numeral is None:
        return None
    return int(numeral.value) if numeral.value == numeral.value.to_integral_value() else None


def _cells(line: str) -> list[tuple[int, str]]:
    """(offset within line, cell text) of each table cell."""
    cells = []
    pos = 0
    for m in _CELL_SPLIT.finditer(line):
        cells.append((pos, line[pos:m.start()]))
        pos = m.end()
    cells.append((pos, line[pos:]))
    return [(o, c) for o, c in cells]


def find_table_amounts(text: str, taken: list[tuple[int, int]]) -> list[TableAmount]:
    """Numbers governed by a unit header, scaled; spans in ``taken`` are already amounts."""
    out: list[TableAmount] = []
    headers = list(_HEADER.finditer(text))
    if not headers:
        return out
    lines = text.split("\n")
    line_starts = [0]
    for line in lines[:-1]:
        line_starts.append(line_starts[-1] + len(line) + 1)
    taken_sorted = sorted(taken)
    import bisect

    def is_taken(s: int, e: int) -> bool:
        i = bisect.bisect_right(taken_sorted, (e, e)) - 1
        while i >= 0 and taken_sorted[i][1] > s:
            if taken_sorted[i][0] < e:
                return True
            i -= 1
        return False

    header_lines = {bisect.bisect_right(line_starts, h.start()) - 1: h for h in headers}
    for line_no, header in sorted(header_lines.items()):
        scale = _unit_scale(header.group("unit"))
        if scale is None:
            continue
        currency = _CURRENCY.get(header.group("cur"), "KRW")
        columns: dict[int, tuple[int | None, bool, bool]] = {}
        quiet = 0
        seen_data = False
        for n in range(line_no, len(lines)):
            if n != line_no and n in header_lines:
                break
            line = lines[n]
            base = line_starts[n]
            if not line.strip():
                if n == line_no:
                    continue
                break
            cells = _cells(line)
            numbers = [m for m in _NUMBER.finditer(line)
                       if not (header.start() - base <= m.start() < header.end() - base)]
            money_numbers = [m for m in numbers
                             if not _NOT_MONEY_AFTER.match(line, m.end())
                             and not _is_year(line, m)]
            if not money_numbers:
                if _header_row(line, cells, columns):
                    quiet = 0
                    continue
                if n == line_no:
                    continue
                quiet += 1
                if quiet > 2 or seen_data:
                    break
                continue
            quiet = 0
            seen_data = True
            for m in money_numbers:
                s, e = base + m.start("num"), base + m.end("num")
                if is_taken(s, e):
                    continue
                numeral = parse_numeral(m.group("num"))
                if numeral is None:
                    continue
                column = _column_of(cells, m.start("num"))
                year, is_change, is_rate = columns.get(column, (None, False, False))
                if is_rate:
                    continue
                sign = m.group("sign")
                change = "decrease" if sign in ("△", "▽", "-") else (
                    "increase" if is_change or sign == "▲" else None)
                code = _CODE.search(line, 0, m.start("num"))
                row_label = _row_label(cells, line, m.start("num"))
                value = numeral.value * scale
                out.append(TableAmount(
                    start=s, end=e, currency=currency, value=value, rule="table-unit",
                    numeral=numeral, change=change, bare=True, scale=scale,
                    row_label=row_label, fiscal_year=year,
                    code=code.group(1) if code else None,
                ))
    return out


def _is_year(line: str, m) -> bool:
    raw = m.group("num")
    if len(raw) != 4 or not raw.startswith(("19", "20")) or m.group("sign"):
        return False
    if regex.match(r"\s*(?:년|예산|결산|본|추경|예산안|계획|실적|회계|[.)])", line[m.end():]):
        return True
    return _looks_like_header(line)


def _looks_like_header(line: str) -> bool:
    years = _YEAR.findall(line)
    numbers = _NUMBER.findall(line)
    return bool(years) and len(years) == len(numbers)


def _header_row(line: str, cells, columns) -> bool:
    """Record a column-header row (years, 증감, %) and say whether the line was one."""
    found = False
    for i, (_, cell) in enumerate(cells):
        year = _YEAR.search(cell)
        is_change = bool(_CHANGE_COLUMN.search(cell))
        is_rate = bool(_RATE_COLUMN.search(cell))
        if year or is_change or is_rate:
            columns[i] = (int(year.group(1)) if year else None, is_change, is_rate)
            found = True
    return found


def _row_label(cells, line: str, offset: int) -> str | None:
    first = cells[0][1] if len(cells) > 1 else line[:offset]
    first = regex.sub(r"[\[(（].*$", "", first).strip(" ·-□○ㅇ▶•*:：")
    if not first or regex.match(r"^[△▽▲\-]?\s*[0-9]", first):
        return None
    return first[:40]


def _column_of(cells, offset: int) -> int:
    index = 0
    for i, (start, _) in enumerate(cells):
        if start <= offset:
            index = i
    return index


__all__ = ["TableAmount", "find_table_amounts", "Decimal"]
