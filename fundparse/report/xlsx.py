"""An Excel workbook of ``fundparse extract``'s mentions, through openpyxl (``fundparse[etl]``);
and one of ``fundparse projects``' rows (:func:`write_projects_xlsx`).

Three sheets, each with a Korean header row (English with ``lang="en"``):

* 금액 (mentions): one row per mention; KRW figures are numbers (integer cells, shown as
  ``#,##0``), the value in its own currency an exact decimal number.  Excel's numbers are
  doubles: a figure it cannot hold exactly (beyond 2^53, about 9,007조 원, or more than 15
  significant digits) is written as its exact digits in a text cell instead;
* 재원 (splits): one row per funding part, nested parts too (with the part they belong to);
* 재원별 합계 (totals): KRW per funding-source category over all documents, and its share.

``XlsxWriter`` takes a document at a time like the other extract writers (``begin``,
``write``, ``end``, ``close``) and saves the workbook on ``close()``; rows go to openpyxl's
write-only sheets as they come.  The target is a path or a binary stream.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from decimal import ROUND_HALF_EVEN, Decimal
from typing import IO, Any

from fundparse.messages import category_name
from fundparse.model import CATEGORIES, Mention, Split

__all__ = ["XlsxWriter", "write_xlsx", "write_projects_xlsx", "HEADERS", "SHEETS",
           "PROJECT_HEADERS"]

KRW_FORMAT = "#,##0"
EXACT_INT = 2 ** 53  # below this, an Excel number holds an integer exactly
EXACT_DIGITS = 15
SHARE_FORMAT = "0.0%"

SHEETS = {"ko": ("금액", "재원", "재원별 합계"), "en": ("mentions", "splits", "totals")}

HEADERS = {
    "mentions": {
        "ko": ("파일", "줄", "열", "표기", "통화", "값", "원화", "항목", "어림", "한계", "단위",
               "증감", "회계연도", "범위 하한", "범위 상한", "범위 하한(원)", "범위 상한(원)",
               "시작 연도", "끝 연도", "기간(년)", "기간 표기", "재원 수", "검사", "쪽"),
        "en": ("file", "line", "column", "text", "currency", "value", "krw", "label",
               "approximate", "bound", "per", "change", "fiscal_year", "range_low",
               "range_high", "range_low_krw", "range_high_krw", "period_start", "period_end",
               "period_years", "period_text", "splits", "findings", "page"),
    },
    "splits": {
        "ko": ("파일", "줄", "열", "총액 표기", "총액(원)", "상위 재원", "재원", "분류",
               "분류(한글)", "표기", "값", "통화", "원화", "비율"),
        "en": ("file", "line", "column", "total_text", "total_krw", "parent", "label",
               "category", "category_name", "text", "value", "currency", "krw", "share"),
    },
    "totals": {
        "ko": ("분류", "재원", "원화", "비율"),
        "en": ("category", "source", "krw", "share"),
    },
}

# columns (0-based) holding KRW amounts, per sheet
_KRW_COLUMNS = {"mentions": (6, 15, 16), "splits": (4, 12), "totals": (2,)}


def _openpyxl():
    try:
        import openpyxl
    except ImportError as exc:
        raise ImportError("fundparse's Excel output needs openpyxl: "
                          "install fundparse[etl] (pip install 'fundparse[etl]')") from exc
    return openpyxl


def _lang(lang: str | None) -> str:
    return "en" if lang == "en" else "ko"


class XlsxWriter:
    """Writes the workbook of a run to ``target`` (a path or a binary stream) on ``close()``.

    ``category_of(label)`` names the category of an amount labelled with a funding source
    (국비 50억 원 alone) for the totals sheet; default: the package's source table."""

    def __init__(self, target: str | Any | IO[bytes], lang: str = "ko",
                 category_of: Callable[[str], str | None] | None = None):
        openpyxl = _openpyxl()
        self.target = target
        self.lang = _lang(lang)
        self.category_of = category_of
        self.book = openpyxl.Workbook(write_only=True)
        names = SHEETS[self.lang]
        self.sheets = {key: self.book.create_sheet(name)
                       for key, name in zip(("mentions", "splits", "totals"), names)}
        for key, sheet in self.sheets.items():
            header = HEADERS[key][self.lang]
            sheet.append(list(header))
            for index, title in enumerate(header):
                letter = openpyxl.utils.get_column_letter(index + 1)
                sheet.column_dimensions[letter].width = max(8, min(40, 2 * len(title) + 4))
        self.totals: dict[str, int] = {}
        self._rows: list[Mention] = []

    # --- the extract writer protocol ------------------------------------------------------

    def begin(self, path: str) -> None:
        self._rows = []

    def write(self, path: str, mentions: Sequence[Mention]) -> None:
        for m in mentions:
            self._row("mentions", _mention_row(path, m))
            for parent, split in _parts(m.splits):
                self._row("splits", _split_row(path, m, parent, split, self.lang))
            self._rows.append(m)

    def end(self, path: str) -> None:
        for category, krw in _document_totals(self._rows, self._category_of()).items():
            if krw:
                self.totals[category] = self.totals.get(category, 0) + krw
        self._rows = []

    def close(self) -> None:
        whole = sum(self.totals.values())
        order = {c: i for i, c in enumerate(CATEGORIES)}
        for category in sorted(self.totals, key=lambda c: (order.get(c, len(order)), c)):
            krw = self.totals[category]
            share = (Decimal(krw) / Decimal(whole)).quantize(Decimal("0.0001"), ROUND_HALF_EVEN)
            self._row("totals", [category, category_name(category, self.lang), krw, share])
        if self.totals:
            word = "합계" if self.lang == "ko" else "total"
            self._row("totals", [word, word, whole, Decimal(1)])
        self.book.save(self.target)

    # --- helpers --------------------------------------------------------------------------

    def _category_of(self):
        if self.category_of is None:
            from fundparse.rules.tables import load_tables

            self.category_of = load_tables().category
        return self.category_of

    def _row(self, key: str, values: list[Any]) -> None:
        from openpyxl.cell import WriteOnlyCell

        sheet = self.sheets[key]
        cells = []
        for index, value in enumerate(values):
            cell = WriteOnlyCell(sheet, value=_exact(value))
            if index in _KRW_COLUMNS[key] and value is not None:
                cell.number_format = KRW_FORMAT
            elif key == "totals" and index == 3 or key == "splits" and index == 13:
                cell.number_format = SHARE_FORMAT
            cells.append(cell)
        sheet.append(cells)


def _exact(value: Any) -> Any:
    """A number Excel holds exactly as itself; one it cannot as its digits (text)."""
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return value
    if isinstance(value, int):
        return value if -EXACT_INT < value < EXACT_INT else str(value)
    if isinstance(value, Decimal):
        if value == value.to_integral_value():
            return _exact(int(value))
        return value if len(value.as_tuple().digits) <= EXACT_DIGITS else str(value)
    return value


def _document_totals(mentions: list[Mention], category_of) -> dict[str, int]:
    # NOTE: the totals by funding source are being moved to fundparse/report/totals.py by
    # another change; import them from there once it lands (the same function, by its name).
    from fundparse.report.html import source_totals

    return source_totals(mentions, category_of)


def _parts(splits: Sequence[Split], parent: Split | None = None):
    for split in splits:
        yield parent, split
        yield from _parts(split.splits, split)


def _mention_row(path: str, m: Mention) -> list[Any]:
    rng, period = m.range, m.period
    return [
        path, m.line, m.column, m.text, m.currency, m.value, m.krw, m.label, m.approximate,
        m.bound, m.per, m.change, m.fiscal_year,
        None if rng is None else rng.low, None if rng is None else rng.high,
        None if rng is None else rng.low_krw, None if rng is None else rng.high_krw,
        None if period is None else period.start, None if period is None else period.end,
        None if period is None else period.years, None if period is None else period.text,
        len(m.splits), " ".join(f.code for f in m.findings) or None, m.page,
    ]


def _split_row(path: str, m: Mention, parent: Split | None, split: Split, lang: str) -> list[Any]:
    return [
        path, m.line, m.column, m.text, m.krw, None if parent is None else parent.label,
        split.label, split.category, category_name(split.category, lang), split.text,
        split.value, split.currency, split.krw, split.share,
    ]


def write_xlsx(target: str | Any | IO[bytes], documents: Iterable[tuple[str, Sequence[Mention]]],
               lang: str = "ko", category_of: Callable[[str], str | None] | None = None) -> None:
    """The workbook of ``documents`` (``(path, mentions)`` pairs) written to ``target``."""
    writer = XlsxWriter(target, lang=lang, category_of=category_of)
    for path, mentions in documents:
        writer.begin(path)
        writer.write(path, mentions)
        writer.end(path)
    writer.close()


# --- the projects view (``fundparse projects --format xlsx``) ----------------------------------

PROJECT_SHEET = {"ko": "사업", "en": "projects"}

# the projects view's flat columns (fundparse.records.view.COLUMNS) in the workbook's order
_PROJECT_KEYS = ("file", "line", "column", "agency", "project", "region", "krw", "currency",
                 "national_krw", "provincial_krw", "municipal_krw", "local_krw", "private_krw",
                 "self_krw", "other_krw", "mixed_krw", "period_start", "period_end",
                 "period_years", "period_text", "fiscal_year", "text")
PROJECT_HEADERS = {
    "ko": ("파일", "줄", "열", "기관", "사업", "지역", "원화", "통화", "국비(원)", "도비·광역시비(원)",
           "시·군·구비(원)", "지방비(원)", "민간(원)", "자부담(원)", "기타(원)", "복합 재원(원)",
           "시작 연도", "끝 연도", "기간(년)", "기간 표기", "회계연도", "표기"),
    "en": _PROJECT_KEYS,
}
_PROJECT_KRW = tuple(i for i, key in enumerate(_PROJECT_KEYS) if key.endswith("krw"))
_PROJECT_WIDTHS = {"agency": 16, "project": 36, "region": 24, "period_text": 24, "file": 24}


def write_projects_xlsx(target: str | Any | IO[bytes], rows: Iterable[dict[str, Any]],
                        lang: str = "ko") -> None:
    """A workbook of one sheet, 사업 (projects): one row per funded total of the projects view
    (``fundparse.records.view.project_rows``) — agency, project and region as text, the KRW
    total and each funding source's KRW as numbers (exact digits as text beyond a double),
    period, fiscal year, where it is."""
    from fundparse.records.view import flat

    openpyxl = _openpyxl()
    from openpyxl.cell import WriteOnlyCell

    words = _lang(lang)
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet(PROJECT_SHEET[words])
    header = PROJECT_HEADERS[words]
    for index, (key, title) in enumerate(zip(_PROJECT_KEYS, header)):
        letter = openpyxl.utils.get_column_letter(index + 1)
        sheet.column_dimensions[letter].width = _PROJECT_WIDTHS.get(
            key, max(8, min(40, 2 * len(title) + 4)))
    sheet.append(list(header))
    for row in rows:
        values = flat(row)
        cells = []
        for index, key in enumerate(_PROJECT_KEYS):
            value = values[key]
            cell = WriteOnlyCell(sheet, value=_exact(value))
            if index in _PROJECT_KRW and value is not None:
                cell.number_format = KRW_FORMAT
            cells.append(cell)
        sheet.append(cells)
    book.save(target)
