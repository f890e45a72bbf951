"""HTML: the visible text of a page, tables as tab-separated rows (standard library only).

    >>> html_text("<p>총 281억&nbsp;원</p><script>x=1</script><table><tr><td>국비<td>121</table>")
    '총 281억 원\\n국비\\t121'

Dropped: scripts, styles, the head, navigation, site headers and footers (a ``header`` or
``footer`` inside ``article``/``main``/``section`` belongs to that content and is kept), asides,
buttons, drop-down lists, embedded media and frames, comments, and forms that hold no
content (a form wrapping a whole page, as ASP.NET pages do, is kept).  Block elements end a line;
cells of one row are joined by tabs, placed by ``colspan``/``rowspan`` so that columns line up.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from fundparse.readers import ReadError, plain
from fundparse.readers.plain import looks_like_html

__all__ = ["html_text", "looks_like_html", "read_html"]

_SKIP = frozenset({
    "script", "style", "noscript", "template", "head", "nav", "aside", "button",
    "svg", "math", "iframe", "frame", "frameset", "object", "embed", "canvas", "video",
    "audio", "select", "datalist", "textarea", "header", "footer",
})
# header/footer are only site chrome outside sectioning content.
_SECTIONING = frozenset({"article", "main", "section"})
_BLOCKS = frozenset({
    "p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article",
    "table", "ul", "ol", "blockquote", "pre", "dt", "dd", "dl", "main", "hr", "figure",
    "figcaption", "caption", "address", "fieldset", "legend", "details", "summary", "center",
    "body", "html", "header", "footer", "thead", "tbody", "tfoot", "title",
})
# A form that opens one of these holds page content, not just controls.
_CONTENT = frozenset({"p", "article", "main", "section", "table", "h1", "h2", "h3", "h4"})
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                   "source", "track", "wbr"})
_SPACE = re.compile(r"\s+")
_MAX_COLSPAN = 1000
_MAX_ROWSPAN = 65534

_META_CHARSET = re.compile(rb"<meta[^>]+?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.IGNORECASE)
# Labels of the Korean legacy family: plain-text detection (EUC-KR, then CP949) reads them.
_KOREAN_LABELS = frozenset({"euc-kr", "euckr", "euc_kr", "cp949", "ms949", "uhc", "windows-949",
                            "x-windows-949", "ks_c_5601-1987", "ks_c_5601", "ksc5601",
                            "korean", "cseuckr"})
# Python codecs a page may name that are no web charset (utf-7 is a known XSS vector).
_NOT_CHARSETS = frozenset({"idna", "punycode", "undefined", "utf-7", "unicode-escape",
                           "raw-unicode-escape"})
# Declared charsets detection already tried; only other declarations are a fallback.
_DETECTED_CODECS = frozenset({"utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be",
                              "euc_kr", "cp949"})


def read_html(data: bytes) -> tuple[str, str, tuple[str, ...]]:
    """``(text, encoding, notes)`` of an HTML file (text not yet NFC-normalized)."""
    markup, encoding, notes = _decode(data)
    return html_text(markup), encoding, notes


def _decode(data: bytes) -> tuple[str, str, tuple[str, ...]]:
    """Charset from a BOM, else the detected encoding, else the declared ``<meta>`` charset."""
    match = _META_CHARSET.search(data, 0, 4096)
    declared = match.group(1).decode("ascii").lower() if match else None
    try:
        encoding, markup = plain.detect_and_decode(data)
    except ReadError:
        codec = _codec(declared)
        if codec is None or codec in _DETECTED_CODECS or declared in _KOREAN_LABELS:
            raise
        try:
            markup = data.decode(codec)
        except ValueError:                       # UnicodeError: bytes the charset cannot read
            raise ReadError(f"cannot decode: not UTF-8, CP949 or the declared {declared}") from None
        plain.check_text(markup)
        return markup, codec, ()
    plain.check_text(markup)
    notes: tuple[str, ...] = ()
    if declared and not markup.isascii() and not _same_charset(declared, encoding):
        notes = (f"declared charset {declared}, read as {encoding}",)
    return markup, encoding, notes


def _codec(label: str | None) -> str | None:
    """Python's codec for a declared charset; None for unknown ones and non-web codecs."""
    if label is None:
        return None
    try:
        info = codecs.lookup(label)
    except LookupError:
        return None
    if info.name in _NOT_CHARSETS or not getattr(info, "_is_text_encoding", True):
        return None                      # e.g. "uu" or "base64": bytes-to-bytes codecs
    return info.name


def _same_charset(declared: str, encoding: str) -> bool:
    if declared in _KOREAN_LABELS:
        return encoding in ("euc-kr", "cp949")
    return _codec(declared) == codecs.lookup(plain.CODECS[encoding]).name.removesuffix("-sig") \
        or (declared.startswith("utf-16") and encoding == "utf-16")


def html_text(markup: str) -> str:
    """Visible text of decoded HTML: one line per block, empty lines dropped."""
    parser = _VisibleText()
    try:
        parser.feed(markup)
        parser.close()
    except AssertionError as exc:      # html.parser's last word on markup it cannot scan
        raise ReadError(f"malformed HTML ({exc})") from None
    return "\n".join(parser.lines)


@dataclass
class _Table:
    """A table being read: finished rows, the open row, the open cell, rowspan bookkeeping."""

    row: list[str] | None = None
    cell: list[str] | None = None
    cell_span: tuple[int, int] = (1, 1)
    spans: dict[int, int] = field(default_factory=dict)   # column → rows it stays taken
    taken: set[int] = field(default_factory=set)          # columns taken from rows above
    width: int = 0                                        # the widest row's own cells so far
    own: int = 0                                          # the open row's own cells (colspans)
    nested: int = 0                                       # depth of tables inside a cell


class _VisibleText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.words: list[str] = []
        self.skip: list[str] = []
        self.sectioning = 0
        self.pre = 0
        self.forms: list[list] = []     # [index of first line, holds content?]
        self.tables: list[_Table] = []

    # --- tags -------------------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.skip:
            if tag in _SKIP and tag not in _VOID and self._dropped(tag):
                self.skip.append(tag)
            elif tag == "body" and "head" in self.skip:
                self._close_skip("head")           # a head never closed ends at the body
            return
        if tag == "form":
            self._break()
            self.forms.append([len(self.lines), False])
            return
        if tag in _SKIP and tag not in _VOID and self._dropped(tag):
            self.skip.append(tag)
            return
        if tag in _CONTENT:
            for form in self.forms:
                form[1] = True
        if tag in _SECTIONING:
            self.sectioning += 1
        if tag == "pre":
            self.pre += 1
        if tag in ("table", "tr", "td", "th"):
            self._table_start(tag, dict(attrs))
        elif tag in _BLOCKS:
            self._break()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # <svg/>, <br/>, <div/>: never opens anything; only breaks a line.
        if not self.skip and tag in _BLOCKS and tag not in ("table", "tr", "td", "th"):
            self._break()

    def handle_endtag(self, tag: str) -> None:
        if self.skip:
            if tag in self.skip:
                self._close_skip(tag)
            return
        if tag == "form":
            self._form_end()
        elif tag in _SECTIONING:
            self.sectioning = max(self.sectioning - 1, 0)
        if tag == "pre":
            self.pre = max(self.pre - 1, 0)
        if tag in ("table", "tr", "td", "th"):
            self._table_end(tag)
        elif tag in _BLOCKS:
            self._break()

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        if self.pre and "\n" in data:
            first, *rest = data.split("\n")
            self._sink().append(first)
            for piece in rest:
                self._break()
                self._sink().append(piece)
            return
        self._sink().append(data)

    def close(self) -> None:
        super().close()
        self.skip.clear()
        while self.tables:
            self._table_end("table")
        while self.forms:
            self._form_end()
        self._break()

    def parse_marked_section(self, i: int, report: int = 1) -> int:
        # "<![foo" is a bogus comment in HTML; Python 3.11's parser asserts on it instead.
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:
            return self.parse_bogus_comment(i)

    # --- helpers ------------------------------------------------------------------------
    def _dropped(self, tag: str) -> bool:
        return tag not in ("header", "footer") or self.sectioning == 0

    def _close_skip(self, tag: str) -> None:
        while self.skip and self.skip.pop() != tag:
            pass

    def _sink(self) -> list[str]:
        table = self.tables[-1] if self.tables else None
        if table is not None and table.cell is not None:
            return table.cell
        return self.words

    def _break(self) -> None:
        table = self.tables[-1] if self.tables else None
        if table is not None and table.cell is not None:
            table.cell.append(" ")                 # a block inside a cell stays in the cell
            return
        line = _SPACE.sub(" ", "".join(self.words)).strip()
        self.words.clear()
        if line:
            self.lines.append(line)

    def _form_end(self) -> None:
        if not self.forms:
            return
        self._break()
        start, has_content = self.forms.pop()
        if not has_content:
            del self.lines[start:]

    # --- tables -------------------------------------------------------------------------
    def _table_start(self, tag: str, attrs: dict[str, str | None]) -> None:
        table = self.tables[-1] if self.tables else None
        if table is not None and (table.nested or (tag == "table" and table.cell is not None)):
            if tag == "table":
                table.nested += 1
            if table.cell is not None:
                table.cell.append(" ")
            return
        if tag == "table":
            self._break()
            self.tables.append(_Table())
            return
        if table is None:                          # a row or cell outside any table
            self._break()
            self.tables.append(table := _Table())
        if tag == "tr":
            self._row_end(table)
            self._row_start(table)
            return
        if table.row is None:
            self._row_start(table)
        self._cell_end(table)
        table.cell = []
        table.cell_span = (_span(attrs.get("colspan"), _MAX_COLSPAN),
                           _span(attrs.get("rowspan"), _MAX_ROWSPAN))

    def _table_end(self, tag: str) -> None:
        if not self.tables:
            self._break()
            return
        table = self.tables[-1]
        if table.nested:
            if tag == "table":
                table.nested -= 1
            if table.cell is not None:
                table.cell.append(" ")
            return
        if tag in ("td", "th"):
            self._cell_end(table)
        elif tag == "tr":
            self._row_end(table)
        else:
            self._row_end(table)
            self.tables.pop()

    def _row_start(self, table: _Table) -> None:
        table.row = []
        table.own = 0
        table.taken = {col for col, left in table.spans.items() if left > 0}

    def _cell_end(self, table: _Table) -> None:
        if table.cell is None or table.row is None:
            table.cell = None
            return
        row = table.row
        # Skip columns a rowspan above still holds, but only within the table's real width
        # (its widest row's own cells): rowspans may not push cells ever further right, which
        # made 4,000 rows of rowspan="65534" write n²/2 tabs.
        while len(row) in table.taken and len(row) < table.width:
            row.append("")
        text = _SPACE.sub(" ", "".join(table.cell)).strip()
        colspan, rowspan = table.cell_span
        first = len(row)
        row.append(text)
        row.extend([""] * (colspan - 1))
        table.own += colspan
        if rowspan > 1:
            for col in range(first, first + colspan):
                table.spans[col] = rowspan       # counted down from this row's end
        table.cell = None

    def _row_end(self, table: _Table) -> None:
        self._cell_end(table)
        if table.row is None:
            return
        table.width = max(table.width, table.own)
        for col in list(table.spans):
            table.spans[col] -= 1
            if table.spans[col] <= 0 or col >= table.width:
                del table.spans[col]
        line = "\t".join(table.row).rstrip("\t ")
        table.row = None
        if line.strip():
            self.lines.append(line)


def _span(value: str | None, limit: int) -> int:
    try:
        number = int((value or "1").strip())
    except ValueError:
        return 1
    return min(max(number, 1), limit)
