"""Table unit headers: "(단위: 백만원)" scales the bare numbers of the table it heads.

A header governs the numbers on its own line and the table lines after it, until the next unit
header, a prose line (a sentence ending in 다.), or four lines in a row with no figure (ten
before the first figure, and in a table laid out one cell a line).  Blank
lines do not end it: budget books put one header over several blocks.  A governed number takes
the row's first cell as its label, the column header's year as its fiscal year, and △ (or a
증감 column) as a change.  Column headers also say which cell is a row's total (계, 합계) and
which are its funding sources (국비, 도비 …), and "국 120,000" cells carry budget-book codes.
"""

from __future__ import annotations

import bisect
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import regex

from fundparse import patterns
from fundparse.numerals import ARABIC, parse_numeral
from fundparse.rules.forms import unit_forms
from fundparse.rules.money import Amount
from fundparse.rules.tables import load_tables

# the written forms of the packaged rule tables (table reading takes no configuration)
_FORMS = unit_forms(load_tables())


@dataclass(frozen=True)
class _DeclaredForms:
    """Units declared in prose, captions and column lists (rules/data/declared_units.toml)."""

    equals: regex.Pattern
    caption: regex.Pattern
    unit_list: regex.Pattern
    list_separator: regex.Pattern
    percent_item: regex.Pattern
    prose_particle: regex.Pattern
    prose_after: regex.Pattern
    paren_not_governed: regex.Pattern
    old_decimal: regex.Pattern
    factor_after: regex.Pattern
    factor_before: regex.Pattern
    own_unit: regex.Pattern
    cue: regex.Pattern
    item_header: str  # a template, not a pattern


def _load_declared() -> _DeclaredForms:
    with (Path(__file__).parent.parent / "rules" / "data" / "declared_units.toml").open(
            "rb") as handle:
        table = tomllib.load(handle)["patterns"]
    return _DeclaredForms(**{k: v if k == "item_header" else patterns.compile(v, regex.M)
                             for k, v in table.items()})


_DECLARED = _load_declared()


@dataclass(frozen=True, slots=True)
class _Header:
    """One unit declaration: a table's "(단위: 백만원)", a caption cell "(억원)", or prose."""

    start: int
    end: int
    unit: str
    cur: str
    prose: bool = False  # declared in a sentence: particles may follow its figures
    declared: bool = False  # outside a "(단위: …)" line: "37·4" is an old decimal there
    paren_free: bool = False  # its figures in parentheses are something else ("괄호 안은 … %")
    column_units: tuple[int | None, ...] = ()  # "(단위: 조원, 조원, %)": None for a % column


def _find_headers(text: str) -> list[_Header]:
    """Every unit declaration, in text order.  Patterns are tried only where one can begin (a
    bracket or 단), so a long run of spaces is scanned once, not once per space."""
    out: list[_Header] = []
    done = 0
    for cue in _DECLARED.cue.finditer(text):
        pos = cue.start()
        if pos < done:
            continue
        kind = "table"
        m = _FORMS.header.match(text, pos)
        if m is None:
            kind, m = "equals", _DECLARED.equals.match(text, pos)
        if m is None:
            kind, m = "caption", _DECLARED.caption.match(text, pos)
        if m is None:
            continue
        done = m.end()
        start = pos
        while start < m.end() and text[start].isspace():
            start += 1
        line_end = text.find("\n", m.end())
        rest = text[m.end():line_end if line_end >= 0 else len(text)]
        # in a sentence: a particle after it, or text going on after "(단위=…)" on its line
        prose = bool(_DECLARED.prose_after.match(text, m.end())) or kind == "equals" and bool(rest.strip())
        tail = m.group("tail") if kind == "equals" else ""
        out.append(_Header(
            start=start, end=m.end(), unit=m.group("unit"), cur=m.group("cur"), prose=prose,
            declared=kind != "table" or prose,
            paren_free=prose and bool(_DECLARED.paren_not_governed.search(tail or m.group())),
            column_units=_column_units(text, pos) if kind == "table" else (),
        ))
    return out


def _column_units(text: str, pos: int) -> tuple[int | None, ...]:
    """"(단위: 조원, 조원, 조원, %)" -> (10**12, 10**12, 10**12, None); () for one unit."""
    m = _DECLARED.unit_list.match(text, pos)
    if m is None:
        return ()
    items = _DECLARED.list_separator.split(m.group("list"))
    if len(items) < 2:
        return ()
    units: list[int | None] = []
    for item in items:
        if _DECLARED.percent_item.match(item):
            units.append(None)
            continue
        unit = _FORMS.header.search(_DECLARED.item_header.format(item=item.strip()))
        scale = _unit_scale(unit.group("unit")) if unit else None
        if scale is None:
            return ()  # not a list of units ("(단위: 백만원, 2024년 기준)")
        units.append(scale)
    if len(set(units)) == len(units):
        return ()  # "(단위: 조원, %)" names the table's units, not one per column
    return tuple(units)


def _is_factor(line: str, m) -> bool:
    """"3,000 X 200부 = 600": a factor of a budget book's working, not an amount."""
    return bool(_DECLARED.factor_after.match(line, m.end("num"))
                or _DECLARED.factor_before.search(line[max(0, m.start() - 3):m.start()]))


def _inside_parens(line: str, offset: int) -> bool:
    opened = max(line.rfind("(", 0, offset), line.rfind("（", 0, offset))
    return opened >= 0 and max(line.rfind(")", opened, offset), line.rfind("）", opened, offset)) < 0

_NUMBER = patterns.compile(rf"(?P<sign>[△▽+＋]|-(?=\d)|▲)?(?P<num>{ARABIC})")
_YEAR_RANGE = patterns.compile(r"\s*[~∼～〜\-–]\s*(?:19|20)?\d{2}")
_CELL_SPLIT = patterns.compile(r"\t|\s{2,}|[|│┃║]")
_RULE_LINE = patterns.compile(r"^[\s\-=_|│┃║─━═┌┐└┘├┤┬┴┼╋┏┓┗┛┣┫┳┻+:]*$")  # borders of drawn tables
_YEAR_RANGE_BEFORE = patterns.compile(r"(?:19|20)\d{2}\s*[~∼～〜\-–]\s*$")
_OPEN_TAIL = patterns.compile(r"[\[(（].*$")
_STARTS_WITH_NUMBER = patterns.compile(r"^[△▽▲\-]?\s*[0-9]")
_CELL_END = ")]）,，;(（→⇒"  # "(’05) 41.9→(’06) 38.1": figures in a row of arrows
QUIET_LINES = 4
# Before a table's first figure (titles, 부서:/정책: lines under the header) and in a table laid
# out one cell a line (text taken from a PDF or HWP budget book), labels run longer.
QUIET_LINES_SOLO = 10
_PAGE_NUMBER = patterns.compile(r"^\s*[-–]\s*\d{1,4}\s*[-–]\s*$")
# a line that holds one figure and nothing else (use with fullmatch)
SOLO_LINE = patterns.compile(r"[ \t]*[△▽▲+\-]?[ \t]*[0-9][0-9,.]*[ \t\r]*")


@dataclass(slots=True)
class TableAmount(Amount):
    scale: int = 1
    row_label: str | None = None
    fiscal_year: int | None = None
    code: str | None = None  # budget-book source code before the number (국, 도, 군 …)
    row: int = -1  # line number of the row
    role: str | None = None  # "total" or a source label from the column header
    aligned: bool = False  # the row has as many cells as the header that named the roles
    column: int = -1  # the cell's index in its row
    source_row: bool = False  # the row is labelled with a funding source (국비, 도비 …)


@dataclass(slots=True)
class _Column:
    year: int | None = None
    change: bool = False
    rate: bool = False
    role: str | None = None


def _unit_scale(unit_text: str) -> int | None:
    numeral_part = _FORMS.unit_noise.sub("", unit_text)
    if not numeral_part:
        return 1
    numeral_part = numeral_part.replace(",", "")
    if not numeral_part[0].isdigit():
        numeral_part = "1" + numeral_part  # "억원" is 1억 원 a unit
    numeral = parse_numeral(numeral_part)
    if numeral is None or numeral.value != numeral.value.to_integral_value():
        return None
    return int(numeral.value)


_SPACED_ROW = patterns.compile(r"^\s*[^\W\d_][^\d\t]{0,20}?(?:\s+[△▲▽+\-]?\d[\d,.]*){2,}\s*$")
_SPACED_FIGURE = patterns.compile(r"[△▲▽+\-]?\d[\d,.]*")
_SPACED_FIRST = patterns.compile(r"\s+[△▲▽+\-]?\d")


def _cells(line: str) -> list[tuple[int, str]]:
    """(offset within line, cell text) of each table cell.  A row a web page flattened to single
    spaces ("국비 6,428 31 986 1,572") is its label, then one cell a figure."""
    if "\t" not in line and "  " not in line and not any(bar in line for bar in "|│┃║") \
            and _SPACED_ROW.match(line):
        first = _SPACED_FIRST.search(line)
        cells = [(0, line[:first.start()])] if first and first.start() > 0 else []
        cells += [(m.start(), m.group())
                  for m in _SPACED_FIGURE.finditer(line, first.start() if first else 0)]
        return cells
    cells = []
    pos = 0
    for m in _CELL_SPLIT.finditer(line):
        if m.start() == 0:
            pos = m.end()  # a row's indent is no cell ("  국비\t625,000")
            continue
        cells.append((pos, line[pos:m.start()]))
        pos = m.end()
    cells.append((pos, line[pos:]))
    return cells


class _Region:
    """One unit header's reach."""

    def __init__(self, header, scale: int, currency: str, sources):
        self.header = header
        self.scale = scale
        self.currency = currency
        self.columns: dict[int, _Column] = {}
        self.sources = sources  # label -> category lookup (Tables.category)
        self.data_seen = False
        self.header_cells = 0  # cells of the header row that named the columns' roles
        self.header_width = 0  # cells of the last header row

    def read_header_row(self, cells) -> bool:
        """Record a column-header row (years, 증감, %, 계, 국비 …); say whether it was one.
        One named cell and empty ones is no row of headers: a table laid out a cell a line
        ("국비 (70%) |")."""
        if sum(1 for _, cell in cells if cell.strip()) < 2:
            return False
        if self.data_seen:  # a header after data rows starts a new table under the same unit
            self.columns = {}
            self.data_seen = False
        found: dict[int, _Column] = {}
        for i, (_, cell) in enumerate(cells):
            year = _FORMS.year.search(cell)
            column = _Column(
                year=int(year.group(1)) if year else None,
                change=bool(_FORMS.change_column.search(cell)),
                rate=bool(_FORMS.rate_column.search(cell)),
            )
            text = cell.strip()
            if _FORMS.total_column.match(text):
                column.role = "total"
            elif text and self.sources(text):
                column.role = text
            if column.year or column.change or column.rate or column.role:
                found[i] = column
        if found:
            self.header_width = len(cells)
            if any(c.role for c in found.values()):
                self.header_cells = len(cells)
            for i, column in found.items():
                old = self.columns.get(i)
                if old is not None:  # a second header row refines the first (2024년 / 구성비)
                    column = _Column(column.year or old.year, column.change or old.change,
                                     column.rate or old.rate, column.role or old.role)
                self.columns[i] = column
        return bool(found)


def find_table_amounts(text: str, taken: list[tuple[int, int]], sources=lambda label: None
                       ) -> list[TableAmount]:
    """Numbers governed by a unit header, scaled; spans in ``taken`` are already amounts."""
    headers = _find_headers(text)
    if not headers:
        return []
    out: list[TableAmount] = []
    lines = _LineIndex(text)  # lines near the headers only: the text is never split whole
    taken_sorted = sorted(taken)

    def is_taken(s: int, e: int) -> bool:
        i = bisect.bisect_right(taken_sorted, (e, e)) - 1
        while i >= 0 and taken_sorted[i][1] > s:
            if taken_sorted[i][0] < e:
                return True
            i -= 1
        return False

    header_lines: dict[int, _Header] = {}
    for h in headers:
        n = lines.number(h.start)
        if n not in header_lines or _unit_scale(header_lines[n].unit) is None:
            header_lines[n] = h  # "진도율 (%) … (단위 : 백만원)": the line's money header
    for line_no, header in sorted(header_lines.items()):
        lines.forget()  # a region reads the lines near its header only
        scale = _unit_scale(header.unit)
        if scale is None:
            continue
        region = _Region(header, scale, _FORMS.currencies.get(header.cur, "KRW"), sources)
        for back in (line_no - 1, line_no - 2):  # a column-header row just above the header
            if back >= 0 and lines[back].strip():
                if region.read_header_row(_cells(lines[back])):
                    break
        quiet = 0
        solo_rows = 0  # lines holding one figure and nothing else: a table laid out a cell a line
        for n in range(line_no, len(lines)):
            if n != line_no and n in header_lines:
                break
            line = lines[n]
            if not line.strip() or _RULE_LINE.match(line) or _PAGE_NUMBER.match(line):
                continue
            if n != line_no and _FORMS.passed_line.search(line):
                continue  # "모바일환경에서는 … 보실 수 있습니다.": a page's note, not the table's end
            if n != line_no and _FORMS.prose.search(line) and "\t" not in line:
                break
            base = lines.start(n)
            cells = _cells(line)
            indent = len(line) - len(line.lstrip())
            decimals = ({d.start(): d for d in _DECLARED.old_decimal.finditer(line)}
                        if header.declared and ("·" in line or "ㆍ" in line) else {})
            inner = {d.start("frac") for d in decimals.values()}
            numbers = [m for m in _NUMBER.finditer(line)
                       if not (header.start - base <= m.start() < header.end - base)
                       and not (n == line_no and header.prose and m.start() < header.end - base)
                       and m.start("num") not in inner
                       and not (header.paren_free and _inside_parens(line, m.start()))
                       and not _is_factor(line, m)
                       and not (header.prose and _DECLARED.own_unit.match(line, m.end("num")))
                       and (m.start("num") in decimals or _is_money_cell(line, m, indent)
                            or header.prose and _is_prose_figure(line, m))]
            if not numbers:
                if region.read_header_row(cells):
                    continue
                if is_taken(base, base + len(line)):
                    quiet = 0  # a line with amounts of its own ("720원") is still the table's
                    continue
                quiet += n != line_no  # the header's own line is no quiet line
                if quiet >= (QUIET_LINES_SOLO if solo_rows >= 3 or not region.data_seen
                             else QUIET_LINES):
                    break
                continue
            if n == line_no and not header.prose:
                after = [m for m in numbers if m.start("num") >= header.end - base]
                if after and len(after) < len(numbers):
                    numbers = after  # "진도율 (%) … 2 사업예산 (단위 : 백만원) … 14,700": the table's
            if len(numbers) == 1 and _is_item_code(lines, n, numbers[0]):
                quiet = 0  # "3000 ⏎ 경제개발비 ⏎ 67,862,652 …": the code of the row's item
                continue
            quiet = 0
            region.data_seen = True
            if len(numbers) == 1 and SOLO_LINE.fullmatch(line):
                solo_rows += 1
            first_cell = cells[0][1] if len(cells) > 1 else line[:numbers[0].start("num")]
            if n == line_no and (header.prose or numbers[0].start("num") >= header.end - base > 0):
                first_cell = line[header.end - base:numbers[0].start("num")]
            if _FORMS.rate_row.search(first_cell):
                continue  # "(GDP대비,%) | (△3.6) | …": a row of ratios
            for ordinal, m in enumerate(numbers):
                old_decimal = decimals.get(m.start("num"))
                s = base + m.start("num")
                e = base + (old_decimal.end() if old_decimal else m.end("num"))
                if is_taken(s, e):
                    continue
                unit = _ordinal_unit(header, ordinal, len(numbers))
                if unit is None:
                    continue  # a % column of "(단위: 조원, 조원, %)"
                amount = _table_amount(line, m, cells, region, s, e, n,
                                       _old_decimal_value(old_decimal), unit)
                if amount is not None:
                    out.append(amount)
    return out


class _LineIndex:
    """``text.split("\\n")`` as far as it is asked for: line ``n`` (``index[n]``), its start,
    the number of the line holding an offset.  Lines are found from the ones known nearest:
    the header lines (kept) and the lines read since ``forget()`` (one region's)."""

    def __init__(self, text: str):
        self.text = text
        self.count = text.count("\n") + 1
        self._anchors: dict[int, int] = {0: 0}  # the lines of offsets asked with number()
        self._near: dict[int, int] = {}
        self._at = (0, 0)  # the offset asked last and the line breaks before it

    def __len__(self) -> int:
        return self.count

    def number(self, offset: int) -> int:
        at, n = self._at
        n = n + self.text.count("\n", at, offset) if offset >= at else self.text.count(
            "\n", 0, offset)
        self._at = (offset, n)
        self._anchors.setdefault(n, self.text.rfind("\n", 0, offset) + 1)
        return n

    def forget(self) -> None:
        """Let go of the lines read so far (all but the anchors)."""
        self._near = {}

    def _known(self, n: int) -> int | None:
        found = self._near.get(n)
        return self._anchors.get(n) if found is None else found

    def start(self, n: int) -> int:
        found = self._known(n)
        if found is not None:
            return found
        text = self.text
        before = self._known(n - 1)
        if before is not None:
            found = text.find("\n", before) + 1
        else:
            after = self._known(n + 1)
            if after is not None:
                found = text.rfind("\n", 0, after - 1) + 1
            else:  # from the nearest line known before it
                k = max(key for key in (*self._anchors, *self._near) if key < n)
                found = self._known(k)
                for _ in range(n - k):
                    found = text.find("\n", found) + 1
        self._near[n] = found
        return found

    def __getitem__(self, n: int) -> str:
        if not 0 <= n < self.count:
            raise IndexError(n)
        start = self.start(n)
        end = self.text.find("\n", start)
        return self.text[start:] if end < 0 else self.text[start:end]


def _is_item_code(lines: _LineIndex, n: int, m) -> bool:
    """A budget book laid out a cell a line gives each item's code on a line of its own, then
    the item's name, then its figures: "3000 ⏎ 경제개발비 ⏎ 67,862,652".  Money written without
    a comma is under 1,000 there, and stands after a name, not before one."""
    raw = m.group("num")
    if "," in raw or "." in raw or m.group("sign") or not SOLO_LINE.fullmatch(lines[n]):
        return False
    if n + 2 >= len(lines) or not _FORMS.name_line.match(lines[n + 1]):
        return False
    if len(raw) >= 4:
        return True
    return bool(SOLO_LINE.fullmatch(lines[n + 2])) and not (n and _FORMS.name_line.match(lines[n - 1]))


def _ordinal_unit(header: _Header, ordinal: int, count: int) -> int | None:
    """The unit of a row's n-th figure: its column's from a unit list when the row has one
    figure per listed unit (None for a % column), else the header's own (0)."""
    if len(header.column_units) != count:
        return 0
    return header.column_units[ordinal]


def _old_decimal_value(m) -> str | None:
    return None if m is None else f"{m.group('int').replace(',', '')}.{m.group('frac')}"


def _is_prose_figure(line: str, m) -> bool:
    """A figure in a sentence under a declared unit: "210.4에서", "226.9로", "16.5 늘었다"."""
    start, end = m.start("num"), m.end("num")
    before = line[start - 1:start]
    if before.isalpha() or before in (".", "·", "ㆍ", "'", "’"):
        return False
    if _FORMS.not_money_after.match(line, end) or _is_year(line, m):
        return False
    after = line[end:end + 1]
    return not after or after.isspace() or after in _CELL_END or bool(
        _DECLARED.prose_particle.match(line, end))


def _table_amount(line, m, cells, region: _Region, s: int, e: int, row: int,
                  decimal: str | None = None, unit: int = 0):
    numeral = parse_numeral(decimal or m.group("num"))
    if numeral is None or not numeral.value:
        return None  # malformed, or an empty cell written as 0
    column_index = _column_of(cells, m.start("num"))
    # a row with more cells than its header ("총계 21,185 453 …" under "구분 2018 …"): the
    # header's columns are the row's last ones (its 계 column went unnamed)
    shift = max(0, len(cells) - region.header_width) if region.header_width else 0
    column = region.columns.get(column_index - shift, _Column()) if column_index >= shift else _Column()
    raw = m.group("num")
    looks_like_rate = "," not in raw and numeral.value < 1000
    if column.rate and looks_like_rate:
        return None  # a 증감률 / 구성비 column (a 1,234 there is money: headers can be misaligned)
    if ("." in raw and numeral.value < 100 and region.scale <= 10**6 and region.currency == "KRW"
            and len(raw.split(".")[1]) <= 2):
        return None  # 4.72 in a 백만원 table is a percentage, not 4,720,000 won
    sign = m.group("sign")
    change = "decrease" if sign in ("△", "▽", "-") else (
        "increase" if column.change or sign in ("▲", "+", "＋") else None)
    code = _FORMS.code.search(line, max(0, m.start() - 8), m.start())
    row_label = _row_label(cells, line, m.start("num"))
    if row_label and _DECLARED.prose_particle.fullmatch(row_label):
        row_label = None  # "210.4에서 226.9로": a particle is no label
    scale = unit or region.scale
    return TableAmount(
        start=s, end=e, currency=region.currency, value=numeral.value * scale,
        rule="table-unit", numeral=numeral, change=change, bare=True, scale=scale,
        row_label=row_label, fiscal_year=column.year,
        code=code.group(1) if code else None, row=row, role=column.role,
        aligned=len(cells) == region.header_cells, column=column_index,
        source_row=bool(row_label and region.sources(row_label)),
    )


def _is_money_cell(line: str, m, indent: int) -> bool:
    """A governed figure stands alone: not glued to a word or unit (2단계, 155ha, 3,500㎥, 제3),
    not followed by a counter, % or a date dot, not a year, not a phone number, not a line's
    item code ("401 시설비"); a particle may follow it ("31,500,000으로")."""
    start, end = m.start("num"), m.end("num")
    before = line[start - 1:start]
    if before.isalpha() or before in ("-", ".", ":", "/") and line[start - 2:start - 1].isdigit():
        return False
    if before in ("'", "’", "‘", "`"):
        return False  # a year or month written short: (’21.1), (’99)
    after = line[end:end + 1]
    if after != "\t" and _FORMS.not_money_after.match(line, end):
        return False  # (a tab ends the cell: "62.5 ⇥ -17.9" is no range or date)
    if after and not (after.isspace() or after in _CELL_END):
        if not (after.isalpha() and _FORMS.particle_after.match(line, end)):
            return False
    if start == indent and _FORMS.index_code.match(line):
        return False
    if _is_year(line, m):
        return False
    # a year standing as a row's label ("2022\t2,500\t…")
    raw = m.group("num")
    return not (len(raw) == 4 and raw[:2] in ("19", "20") and start == indent)


def _is_year(line: str, m) -> bool:
    raw = m.group("num")
    if len(raw) != 4 or not raw.startswith(("19", "20")) or m.group("sign"):
        return False
    if _FORMS.year_word_after.match(line, m.end()):
        return True
    if _YEAR_RANGE.match(line, m.end()) or _YEAR_RANGE_BEFORE.search(line, max(0, m.start() - 12), m.start()):
        return True
    return _looks_like_header(line)


@lru_cache(maxsize=64)
def _looks_like_header(line: str) -> bool:
    """Every figure on the line is a year: a column-header row (once per line, cached)."""
    if len(line) > 2000:
        return False  # a header row is short; a long line is prose
    years = _FORMS.year.findall(line)
    numbers = _NUMBER.findall(line)
    return bool(years) and len(years) == len(numbers)


def _row_label(cells, line: str, offset: int) -> str | None:
    """A row's first cell; on a line without cells, the words right before the figure."""
    if len(cells) > 1:
        first = cells[0][1]
    else:
        words = _FORMS.label_words.search(line, max(0, offset - 40), offset)
        first = words.group(1) if words else ""
    first = _OPEN_TAIL.sub("", first).strip(" ·-□○ㅇ▶•*:：")
    if not first or _STARTS_WITH_NUMBER.match(first):
        return None
    return first[:40]


def _column_of(cells, offset: int) -> int:
    return max(bisect.bisect_right(cells, (offset, "\uffff")) - 1, 0)


def row_splits(amounts: list[TableAmount]) -> list[tuple[TableAmount, list[TableAmount]]]:
    """Totals and their parts within one table row: "국 120,000" cells after the row's first
    figure, or the cells under source columns (국비, 도비 …) beside the 계 column."""
    rows: dict[int, list[TableAmount]] = {}
    for a in amounts:
        rows.setdefault(a.row, []).append(a)
    out = []
    for row in rows.values():
        coded = [a for a in row if a.code]
        plain = [a for a in row if not a.code]
        if coded and plain:
            out.append((plain[0], coded))
            continue
        totals = [a for a in row if a.role == "total"]
        parts = [a for a in row if a.role and a.role != "total"]
        # roles come from the header's columns: trust them only where the row lines up with it
        if len(totals) == 1 and parts and all(a.aligned for a in (*totals, *parts)):
            out.append((totals[0], parts))
    taken = {id(a) for total, parts in out for a in (total, *parts)}
    out.extend(_column_splits([a for a in amounts if id(a) not in taken and a.column >= 0]))
    return out


def _column_splits(amounts: list[TableAmount]) -> list[tuple[TableAmount, list[TableAmount]]]:
    """A total's row with its sources on the rows right under it, in the same column, when
    they add up:  사업명 1,250,000 / 국비 625,000 / 도비 187,500 / 시비 437,500."""
    by_cell = {(a.row, a.column): a for a in amounts}
    out = []
    for total in amounts:
        if total.source_row:
            continue
        parts = []
        row = total.row + 1
        while (part := by_cell.get((row, total.column))) is not None and part.source_row:
            parts.append(part)
            row += 1
        if len(parts) < 2 and total.row_label and _FORMS.total_column.match(total.row_label.strip()):
            # a 계 row under its sources: 교육부 100,000 / 교육청 500,000 / 자치구 500,000 / 계
            # 1,100,000 (a dash, an empty cell, ends the run)
            parts = []
            row = total.row - 1
            while (part := by_cell.get((row, total.column))) is not None and part.source_row:
                parts.insert(0, part)
                row -= 1
        # each cell rounded to the table's unit: the parts may miss the total by half a unit each
        if len(parts) >= 2 and abs(sum(p.value for p in parts) - total.value) * 2 <= (
                len(parts) * total.scale):
            out.append((total, parts))
    return out


_HEADER_TOKEN = patterns.compile(r"[^\s|│┃║]+")
HEADER_REACH = 400  # how far before a row its header of source words is looked for


def header_splits(text: str, amounts: list[TableAmount], sources, taken: set[int]
                  ) -> list[tuple[TableAmount, list[tuple[TableAmount, str]]]]:
    """A row of figures under a header that names sources in order, flattened to single spaces
    ("구분 국비 시비 구비 기타 … 당초 14,700 7,350 3,675 3,675 1,424 712 356 356"): a figure
    followed by as many figures as add up to it is a total, and they are its parts, labelled
    by the header's sources in order.  (total, [(part, label)]) for each."""
    out = []
    for row in _runs(text, [a for a in amounts if id(a) not in taken and not a.role and not a.code]):
        if len(row) < 3:
            continue
        labels = _header_sources(text, row[0].start, sources)
        if len(labels) < 2:
            continue
        i = 0
        while i < len(row) - 2:
            total = row[i]
            found = None
            for k in range(min(len(labels), len(row) - i - 1), 1, -1):
                parts = row[i + 1:i + 1 + k]
                gap = abs(sum(p.value for p in parts) - total.value)
                if gap * 2 <= k * total.scale:
                    found = parts
                    break
            if found is None:
                i += 1
                continue
            out.append((total, list(zip(found, labels))))
            i += len(found) + 1
    return out


_RUN_GAP = patterns.compile(r"[ \t\u00a0|│┃║]*(?:\n[ \t\u00a0|│┃║]*)*")
_BARS = "|│┃║"


def _runs(text: str, amounts: list[TableAmount]) -> list[list[TableAmount]]:
    """Figures written one after another with only cell borders between them: a row of a
    table flattened into its text, on one line, or one cell a line where each cell ends with a
    bar ("157 |⏎105 |⏎45 |⏎7 |")."""
    out: list[list[TableAmount]] = []
    for a in sorted(amounts, key=lambda a: a.start):
        if out:
            last = out[-1][-1]
            gap = text[last.end:a.start]
            if last.row == a.row and not gap.strip() or (
                    _RUN_GAP.fullmatch(gap) and any(bar in gap for bar in _BARS)):
                out[-1].append(a)
                continue
        out.append([a])
    return out


def _header_sources(text: str, start: int, sources) -> list[str]:
    """The last run of two or more source words before ``start`` (a header row of a table
    flattened into its text), in order; [] when none is near."""
    lo = max(0, start - HEADER_REACH)
    tokens = list(_HEADER_TOKEN.finditer(text, lo, start))
    best: list[str] = []
    run: list[str] = []
    for m in tokens:
        word = m.group()
        if word[0] in "(（" and word[-1] in ")）":
            continue  # a column's note between source words: "국비 (70%) | 지방비 (30%)"
        if len(word) > 1 and sources(word):
            run.append(word)
            continue
        if len(run) >= 2:
            best = run
        run = []
    if len(run) >= 2:
        best = run
    return best


__all__ = ["TableAmount", "find_table_amounts", "header_splits", "row_splits"]
