"""Text of any size in bounded memory: ``iter_extract`` and the chunk windows it reads.

A huge text is cut into chunks (at a paragraph or line break where there is one, see
``readers.plain``), and each chunk is read with ``context`` characters of the chunks either side
of it; a chunk keeps what starts inside it, so a sentence across a seam is read whole, as in the
whole text, and nothing is found twice.  Offsets, lines and columns are shifted to the whole
text's.  ``fundparse extract``/``check`` read huge files through the same windows.
"""

from __future__ import annotations

import datetime as dt
import os
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import IO, TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from fundparse.config import Config
    from fundparse.model import Mention

HUGE_BYTES = 8 * 1024 * 1024   # a file above this is read chunk by chunk (plain text only)
HUGE_CHARS = 1 << 22           # a string or text stream above this (4 Mi characters) likewise
CHUNK_CHARS = 1 << 16          # 64K characters: the engine is fastest per character here
CONTEXT_CHARS = 2048           # read again either side of a chunk (a sentence is < 1,200)


@dataclass(frozen=True)
class Window:
    """One chunk with its context: ``text[own.start:own.stop]`` is the chunk, ``text[0]`` is at
    ``base`` of the whole text, on its line ``lines + 1`` after ``columns`` characters."""

    text: str
    own: range
    base: int
    lines: int
    columns: int
    chunk: str
    offset: int  # the chunk's own offset in the whole text
    chunk_lines: int  # line breaks before the chunk


def windows(chunks: Iterable[tuple[int, str]], context: int = CONTEXT_CHARS) -> Iterator[Window]:
    """The windows of ``(offset, chunk)`` pairs that concatenate to a whole text."""
    lines = columns = 0
    behind, behind_at = "", (0, 0)   # text before the chunk, and its first line and column
    for offset, chunk, following in _with_lookahead(iter(chunks), context):
        before = _context_before(behind, context)
        text = before + chunk + _context_after(following, context)
        base_lines, base_columns = _line_and_column(behind, len(behind) - len(before), behind_at)
        yield Window(text, range(len(before), len(before) + len(chunk)), offset - len(before),
                     base_lines, base_columns, chunk, offset, lines)
        lines, columns = _line_and_column(chunk, len(chunk), (lines, columns))
        behind += chunk
        if len(behind) > 2 * context:
            drop = len(behind) - 2 * context
            behind_at = _line_and_column(behind, drop, behind_at)
            behind = behind[drop:]


def iter_extract(source: str | os.PathLike[str] | IO[str], *,
                 doc_date: dt.date | str | int | None = None,
                 rates: dict[str, Decimal] | None = None, config: Config | None = None,
                 chunk_chars: int = CHUNK_CHARS, context_chars: int = CONTEXT_CHARS,
                 chunk_above: int | None = None) -> Iterator[Mention]:
    """Every mention of a text of any size, in text order, in bounded memory.

    ``source`` is a path (``pathlib.Path`` or ``os.PathLike``; any format ``fundparse extract``
    reads), a text stream (``open(..., encoding=...)``, ``io.StringIO``) or a string.  Plain
    text over 8 MiB (a file) or 4 Mi characters (a stream or a string) is read in chunks of
    ``chunk_chars`` with ``context_chars`` either side, as the command reads huge files;
    offsets, lines and columns are the whole text's.  Anything smaller is read whole and gives
    exactly ``extract``'s mentions.  Without ``doc_date``, the date the text's head states is
    used for every chunk.  A path is read as the command reads it (encoding detected, NFC);
    a stream or string is taken as it is.  ``chunk_above`` moves the size above which a source
    is chunked (bytes of a file, characters of a stream or string).
    """
    limit = HUGE_CHARS if chunk_above is None else chunk_above
    from fundparse.model import Mention  # noqa: F401  (the type of what is yielded)
    from fundparse.pipeline import extract

    if isinstance(source, str):
        if len(source) <= limit:
            yield from extract(source, doc_date=doc_date, rates=rates, config=config)
            return
        from fundparse.readers.plain import cut_text

        chunks: Iterable[tuple[int, str]] = _with_offsets(cut_text(source, chunk_chars))
    elif isinstance(source, (os.PathLike, bytes)):
        path = os.fsdecode(source)
        if not _huge_text_file(path, HUGE_BYTES if chunk_above is None else chunk_above):
            yield from _whole_file(path, doc_date, rates, config)
            return
        from fundparse.readers import iter_text_chunks

        chunks = iter_text_chunks(path, chunk_chars)
    elif hasattr(source, "read"):
        head = source.read(limit + 1)
        if not isinstance(head, str):
            raise TypeError("iter_extract() takes a text stream; open the file in text mode "
                            "or pass its path")
        if len(head) <= limit:
            yield from extract(head, doc_date=doc_date, rates=rates, config=config)
            return
        from fundparse.readers.plain import cut_blocks

        chunks = _with_offsets(cut_blocks(_stream_blocks(head, source, chunk_chars), chunk_chars))
    else:
        raise TypeError("iter_extract() takes a path, a text stream or a str, "
                        f"not {type(source).__name__}")
    yield from _chunked(chunks, doc_date, rates, config, context_chars)


def _chunked(chunks: Iterable[tuple[int, str]], doc_date, rates, config,
             context: int) -> Iterator[Mention]:
    from fundparse.pipeline import extract
    from fundparse.structure.docdate import coerce_date, sniff_doc_date

    day = coerce_date(doc_date)
    for window in windows(chunks, context):
        if window.offset == 0 and day is None:
            day = sniff_doc_date(window.chunk)
        for m in extract(window.text, doc_date=day, rates=rates, config=config):
            if m.start in window.own:
                yield shift_mention(m, window.base, window.lines, window.columns)


def _whole_file(path: str, doc_date, rates, config) -> Iterator[Mention]:
    from fundparse.pipeline import extract
    from fundparse.readers import page_of, read_path

    doc = read_path(path)
    mentions = extract(doc.text, doc_date=doc_date, rates=rates, config=config)
    if doc.pages:
        mentions = [replace(m, page=page_of(doc, m.start)) for m in mentions]
    yield from mentions


def _huge_text_file(path: str, huge_bytes: int = HUGE_BYTES) -> bool:
    """A regular file over ``huge_bytes`` whose head reads as plain text."""
    import stat

    try:
        st = os.stat(path)
    except OSError:
        return False
    if not stat.S_ISREG(st.st_mode) or st.st_size <= huge_bytes:
        return False
    from fundparse.readers import sniff_format

    try:
        with open(path, "rb") as handle:
            head = handle.read(4096)
    except OSError:
        return False
    return sniff_format(head, path) == "text"


def _with_offsets(pieces: Iterable[str]) -> Iterator[tuple[int, str]]:
    offset = 0
    for piece in pieces:
        yield offset, piece
        offset += len(piece)


def _stream_blocks(head: str, stream: IO[str], size: int) -> Iterator[str]:
    yield head
    while True:
        block = stream.read(max(size, 1 << 16))
        if not block:
            return
        yield block


# --- offsets of a chunk's results, shifted to the whole text's ---------------------------------

def shift_finding(f, offset: int, lines: int, columns: int):
    return replace(f, start=f.start + offset, end=f.end + offset, line=f.line + lines,
                   column=f.column + (columns if f.line == 1 else 0))


def _shift_split(s, offset: int):
    return replace(s, start=s.start + offset, end=s.end + offset,
                   splits=tuple(_shift_split(p, offset) for p in s.splits))


def shift_mention(m, offset: int, lines: int, columns: int):
    """``m`` found in a chunk that starts at ``offset``, on line ``lines + 1`` of the file, with
    ``columns`` characters of that line before it (a chunk cut inside an overlong line)."""
    if not (offset or lines or columns):
        return m
    period = m.period
    if period is not None:
        period = replace(period, start_offset=period.start_offset + offset,
                         end_offset=period.end_offset + offset)
    return replace(
        m, start=m.start + offset, end=m.end + offset, line=m.line + lines,
        column=m.column + (columns if m.line == 1 else 0),
        splits=tuple(_shift_split(s, offset) for s in m.splits), period=period,
        record=None if m.record is None else m.record.shifted(offset),
        findings=tuple(shift_finding(f, offset, lines, columns) for f in m.findings),
    )


def _with_lookahead(pairs: Iterator[tuple[int, str]], size: int
                    ) -> Iterator[tuple[int, str, str]]:
    """(offset, chunk, the text after it: at least ``size`` characters of the chunks that
    follow, when there are that many)."""
    ahead: deque = deque()
    held = 0
    done = False
    while True:
        while not done and (len(ahead) < 2 or held - len(ahead[0][1]) < size):
            pair = next(pairs, None)
            if pair is None:
                done = True
            else:
                ahead.append(pair)
                held += len(pair[1])
        if not ahead:
            return
        offset, chunk = ahead.popleft()
        held -= len(chunk)
        yield offset, chunk, "".join(piece for _, piece in ahead)


def _context_before(chunk: str, size: int) -> str:
    """The end of ``chunk`` read again before the next one: at most ``size`` characters,
    starting after a line break (or a sentence end, or a space) so no word is cut."""
    if size <= 0 or not chunk:
        return ""
    tail = chunk[-size:]
    if len(tail) == len(chunk):
        return tail
    for mark in ("\n", ". ", " "):
        cut = tail.find(mark)
        if cut >= 0:
            return tail[cut + len(mark):]
    return ""


def _context_after(chunk: str, size: int) -> str:
    """The start of ``chunk`` read again after the one before it, ending where a chunk could."""
    from fundparse.readers.plain import cut_text

    if size <= 0 or not chunk:
        return ""
    return next(cut_text(chunk, size), "")


def _line_and_column(chunk: str, end: int, at_start: tuple[int, int]) -> tuple[int, int]:
    """Line breaks before ``chunk[end]`` and characters of its line before it, given those
    before the chunk's start."""
    lines, columns = at_start
    newlines = chunk.count("\n", 0, end)
    if newlines:
        return lines + newlines, end - chunk.rfind("\n", 0, end) - 1
    return lines, columns + end
