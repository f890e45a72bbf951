"""Plain text out of PDF files, page by page, with ruled tables as tab-separated rows.

Built on pdfplumber (MIT).  Before pdfminer opens the file, every zlib stream in it is inflated
and discarded against the document's budget (readers/inflate.py): pdfminer inflates streams
whole, without a bound, so a FlateDecode bomb is refused first.  For every page:

* characters are grouped into lines by their vertical position and ordered left to right;
  spaces come from the gaps between characters, so a letter-spaced heading such as
  "2 8 1 억 원" (each glyph placed apart, the PDF way of 자간) reads "281억 원";
* ruled tables found by pdfplumber become one line per row, cells separated by tabs, a
  merged cell in its first slot and the slots it covers empty; the text around a table
  keeps its place in reading order (top to bottom);
* a page whose glyphs cannot be mapped back to Unicode (a font without a ToUnicode map
  comes out as ``(cid:123)``, replacement or private-use characters, while digits in
  another font may survive) is *not* guessed at: its text is left out and a note
  "page N: text not decodable" is returned instead.  A few stray unmappable glyphs drop
  only the lines they sit on, with a note.  A page without any text layer gets
  "page N: no text layer" (plus "(scanned?)" when it carries images).

:func:`read_pdf` returns ``(text, page_starts, notes)``; ``page_starts[i]`` is the offset in
``text`` where page ``i + 1`` begins (a skipped page starts where the next one does).
"""

from __future__ import annotations

import contextlib
import io
import logging
import os
import signal
import statistics
import threading
from dataclasses import dataclass
from typing import Any, NoReturn

__all__ = ["read_pdf"]

# Share of a page's visible glyphs that may be unmappable before the page is given up.
UNDECODABLE_SHARE = 0.02
# Share of private-use glyphs (symbol fonts, custom encodings) tolerated on a page.
PRIVATE_USE_SHARE = 0.20
# A gap wider than this many font sizes (beyond the letter spacing) is a word break.
WORD_GAP = 0.2
# Letter spacing is recognised only between these bounds (in font sizes); wider
# regular gaps are columns, not spaced-out letters.
LETTER_SPACING_MIN = 0.1
LETTER_SPACING_MAX = 1.5


def _fail(reason: str) -> NoReturn:
    """Raise the package's ReadError (imported late: the package module owns it)."""
    from fundparse.readers import ReadError

    raise ReadError(reason)


# --------------------------------------------------------------------------------------
# Glyph classes


def _is_private_use(ch: str) -> bool:
    cp = ord(ch)
    return 0xE000 <= cp <= 0xF8FF or cp >= 0xF0000


def _glyph_kind(text: str) -> str:
    """'space', 'lost' (no Unicode known), 'private' (private-use) or 'ok'."""
    if text.startswith("(cid:") and text.endswith(")"):
        return "lost"
    if not text or text.isspace():
        return "space"
    if "\ufffd" in text or any(ord(c) < 32 for c in text):
        return "lost"
    if all(_is_private_use(c) for c in text):
        return "private"
    return "ok"


# --------------------------------------------------------------------------------------
# Lines from characters


@dataclass
class Line:
    top: float
    bottom: float
    text: str
    lost: bool  # carried at least one glyph without a Unicode mapping


def _center(ch: dict[str, Any]) -> tuple[float, float]:
    return (ch["x0"] + ch["x1"]) / 2, (ch["top"] + ch["bottom"]) / 2


def group_lines(chars: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Cluster characters into lines by their vertical middle, each sorted by x."""
    if not chars:
        return []
    heights = [max(c["bottom"] - c["top"], 0.1) for c in chars]
    tolerance = 0.4 * statistics.median(heights)
    ordered = sorted(chars, key=lambda c: (_center(c)[1], c["x0"]))
    lines: list[list[dict[str, Any]]] = []
    anchor = None
    for ch in ordered:
        mid = _center(ch)[1]
        if anchor is None or mid - anchor > tolerance:
            lines.append([ch])
            anchor = mid
        else:
            lines[-1].append(ch)
    return [sorted(line, key=lambda c: c["x0"]) for line in lines]


def _letter_spacing(visible: list[dict[str, Any]], spaced: list[bool], size: float) -> float:
    """Regular gap between neighbouring letters of a letter-spaced line, else 0.

    Only neighbouring letters/digits with no space glyph between them count (dot leaders
    and other punctuation say nothing about letter spacing); the lower quartile of their
    gaps is the spacing when it is clearly positive yet narrower than a column gap.
    """
    gaps = [visible[i + 1]["x0"] - visible[i]["x1"]
            for i in range(len(visible) - 1)
            if not spaced[i] and visible[i]["text"].isalnum() and visible[i + 1]["text"].isalnum()]
    if len(gaps) < 2:
        return 0.0
    gaps.sort()
    spacing = gaps[(len(gaps) - 1) // 4]
    if LETTER_SPACING_MIN * size < spacing <= LETTER_SPACING_MAX * size:
        return spacing
    return 0.0


def compose_line(chars: list[dict[str, Any]]) -> tuple[str, bool]:
    """Text of one line of characters (sorted by x) and whether a glyph was lost.

    Private-use glyphs are dropped.  A word break is written where the PDF has a space
    glyph (in a normally set line) or where the gap to the next glyph exceeds the line's
    letter spacing by ``WORD_GAP`` font sizes.  An unmappable glyph standing alone at the
    start of the line, not before a digit, is a bullet and is dropped; any other one marks
    the line as lost.
    """
    visible: list[dict[str, Any]] = []
    spaced: list[bool] = []  # spaced[i]: a space glyph sits between visible[i] and [i+1]
    pending_space = False
    for ch in chars:
        kind = _glyph_kind(ch["text"])
        if kind == "space":
            pending_space = True
            continue
        if kind == "private":
            continue
        if visible:
            spaced.append(pending_space)
        pending_space = False
        visible.append(ch)
    if not visible:
        return "", False
    size = statistics.median(float(c.get("size") or (c["bottom"] - c["top"])) for c in visible)
    spacing = _letter_spacing(visible, spaced, size)
    breaks = []
    for i in range(1, len(visible)):
        gap = visible[i]["x0"] - visible[i - 1]["x1"]
        if spacing:
            breaks.append(gap > spacing + WORD_GAP * size)
        else:
            breaks.append(spaced[i - 1] or gap > WORD_GAP * size)
    lost = [_glyph_kind(c["text"]) == "lost" for c in visible]
    if lost[0] and (len(visible) == 1 or (breaks[0] and not visible[1]["text"][:1].isdigit())):
        # A leading bullet from a symbol font; before a figure it could be a lost word
        # ("총 281"), so there the line stays lost.
        visible, lost, breaks = visible[1:], lost[1:], breaks[1:]
    if not visible:
        return "", False
    parts = [visible[0]["text"]]
    for i in range(1, len(visible)):
        if breaks[i - 1]:
            parts.append(" ")
        parts.append(visible[i]["text"])
    return "".join(parts), any(lost)


def make_lines(chars: list[dict[str, Any]]) -> list[Line]:
    out = []
    for group in group_lines(chars):
        text, lost = compose_line(group)
        if text or lost:
            top = min(c["top"] for c in group)
            bottom = max(c["bottom"] for c in group)
            out.append(Line(top, bottom, text, lost))
    return out


# --------------------------------------------------------------------------------------
# Pages


def _inside(ch: dict[str, Any], bbox: tuple[float, float, float, float]) -> bool:
    x, y = _center(ch)
    x0, top, x1, bottom = bbox
    return x0 <= x <= x1 and top <= y <= bottom


@dataclass
class _Block:
    top: float
    lines: list[str]
    lost: int  # lines dropped because of unmappable glyphs


def _table_block(table: Any, chars: list[dict[str, Any]], taken: set[int]) -> _Block | None:
    rows = table.rows
    cell_boxes = [[cell for cell in row.cells] for row in rows]
    n_cells = sum(1 for row in cell_boxes for cell in row if cell is not None)
    if n_cells <= 1:
        return None  # a framed box, not a grid: its text is read as ordinary lines
    grid: list[list[str]] = []
    dropped = 0
    for row in cell_boxes:
        texts = []
        for box in row:
            if box is None:
                texts.append("")
                continue
            inside = [ch for ch in chars if id(ch) not in taken and _inside(ch, box)]
            taken.update(id(ch) for ch in inside)
            parts = []
            for line in make_lines(inside):
                if line.lost:
                    dropped += 1
                    continue
                parts.append(line.text.strip())
            texts.append(" ".join(p for p in parts if p).replace("\t", " "))
        grid.append(texts)
    if dropped:
        # A cell with its words missing would pair the wrong label with a figure, so a
        # table holding unmappable glyphs is left out as a whole (and noted).
        return _Block(table.bbox[1], [], dropped)
    return _Block(table.bbox[1], ["\t".join(row) for row in grid], 0)


def read_page(page: Any) -> tuple[list[str], list[str]]:
    """Lines and notes for one pdfplumber page (page numbers in notes are 1-based)."""
    number = page.page_number
    try:
        page = page.dedupe_chars()
    except Exception:  # pragma: no cover - older pdfplumber
        pass
    chars = list(page.chars)
    counts = {"space": 0, "lost": 0, "private": 0, "ok": 0}
    for ch in chars:
        counts[_glyph_kind(ch["text"])] += 1
    visible = counts["lost"] + counts["private"] + counts["ok"]
    if visible == 0:
        scanned = " (scanned?)" if page.images else ""
        return [], [f"page {number}: no text layer{scanned}"]
    if (counts["lost"] / visible >= UNDECODABLE_SHARE
            or counts["private"] / visible >= PRIVATE_USE_SHARE):
        return [], [f"page {number}: text not decodable"]

    blocks: list[_Block] = []
    taken: set[int] = set()
    for table in page.find_tables():
        block = _table_block(table, chars, taken)
        if block is not None:
            blocks.append(block)
    rest = [ch for ch in chars if id(ch) not in taken]
    for line in make_lines(rest):
        if line.lost:
            blocks.append(_Block(line.top, [], 1))
        else:
            blocks.append(_Block(line.top, [line.text], 0))
    blocks.sort(key=lambda b: b.top)

    lines: list[str] = []
    dropped = 0
    for block in blocks:
        lines.extend(block.lines)
        dropped += block.lost
    notes = []
    if dropped:
        plural = "s" if dropped != 1 else ""
        notes.append(f"page {number}: {dropped} line{plural} not decodable, skipped")
    return lines, notes


@contextlib.contextmanager
def _deadline(seconds: float):
    """A time limit on parsing, where signals can give one (the main thread of a process):
    a damaged page tree can send pdfminer round a reference cycle for ever."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def expired(signum, frame):
        raise _PdfTimeout

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


class _PdfTimeout(BaseException):  # not an Exception: pdfminer catches those
    pass


def read_pdf(data: bytes) -> tuple[str, tuple[int, ...], tuple[str, ...]]:
    """Text, page start offsets and one-line notes for a PDF; ReadError if unreadable."""
    limit = float(os.environ.get("FUNDPARSE_PDF_SECONDS") or min(300.0, 20.0 + 20.0 * len(data) / 1e6))
    try:
        with _deadline(limit):
            return _read_pdf(data)
    except _PdfTimeout:
        _fail(f"PDF could not be read within {limit:.0f} s (damaged page tree or object cycle)")


def _read_pdf(data: bytes) -> tuple[str, tuple[int, ...], tuple[str, ...]]:
    # pdfminer logs a warning per damaged object; the reader reports in its own notes instead
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    try:
        import pdfplumber
    except ImportError:  # pragma: no cover - depends on the environment
        _fail("reading .pdf needs the 'pdfplumber' package (pip install fundparse[pdf])")
    head = data[:1024]
    if b"%PDF-" not in head:
        _fail("not a PDF (no %PDF- header)")
    if b"%%EOF" not in data[-2048:]:
        _fail("truncated PDF (no %%EOF marker at the end)")
    from fundparse.readers.inflate import Budget, measure_pdf_streams

    measure_pdf_streams(data, Budget("deflate bomb"))
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except Exception as exc:
        _fail(_open_error(exc))
    parts: list[str] = []
    starts: list[int] = []
    notes: list[str] = []
    offset = 0
    try:
        try:
            pages = list(pdf.pages)
        except Exception as exc:
            _fail(_open_error(exc))
        if not pages:
            _fail("PDF has no pages")
        for page in pages:
            starts.append(offset)
            try:
                lines, page_notes = read_page(page)
            except Exception as exc:
                lines, page_notes = [], [f"page {page.page_number}: unreadable ({_one_line(exc)})"]
            notes.extend(page_notes)
            if lines:
                chunk = "\n".join(line.rstrip() for line in lines) + "\n"
                parts.append(chunk)
                offset += len(chunk)
    finally:
        # pdf.close() walks the page tree again (for ever, on a cyclic one): drop the pages we
        # built and close only the stream.
        for page in pdf.__dict__.get("_pages") or ():
            try:
                page.close()
            except Exception:
                pass
        try:
            pdf.stream.close()
        except Exception:
            pass
    return "".join(parts), tuple(starts), tuple(notes)


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text[:200]


def _open_error(exc: BaseException) -> str:
    # pdfplumber wraps pdfminer's errors; the original is the first argument or the context.
    inner = [exc, exc.__cause__, exc.__context__, *(a for a in exc.args if isinstance(a, BaseException))]
    names = [type(e).__name__ for e in inner if e is not None]
    if any("Password" in n or "Encrypt" in n for n in names):
        return "password-protected PDF"
    cause = next((e for e in inner[1:] if e is not None), exc)
    return f"damaged PDF: {type(cause).__name__}: {_one_line(cause)}"
