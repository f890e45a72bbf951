"""Readers: a file's bytes → the text the engine reads (and nothing else).

    >>> from fundparse.readers import read_bytes
    >>> doc = read_bytes("똠방각하 총사업비 281억 원".encode("cp949"), "a.txt")
    >>> doc.format, doc.encoding, doc.text[-6:]
    ('text', 'cp949', '281억 원')

The format is chosen by content first (magic bytes), then by the file name's extension:

* ``PK\\x03\\x04`` holding an HWPX ``mimetype`` / ``Contents/content.hpf`` → HWPX (hwpx.py);
* ``D0 CF 11 E0 A1 B1 1A E1`` (OLE2) → HWP 5 (hwp.py, optional extra ``fundparse[hwp]``);
* ``%PDF`` → PDF (pdf.py, optional extra ``fundparse[pdf]``);
* ``.htm``/``.html`` or content opening with ``<!doctype html`` / ``<html`` → HTML (html.py);
* anything else is plain text (plain.py), refused when it is binary or undecodable.

Every failure is a :class:`ReadError` whose message is one line.  Mention offsets refer to
``Document.text``; all text is NFC-normalized (decomposed Hangul jamo recomposed).
"""

from __future__ import annotations

import io
import os
import stat
import sys
import unicodedata
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

__all__ = [
    "DEFAULT_GLOBS",
    "Document",
    "ReadError",
    "iter_text_chunks",
    "page_of",
    "read_bytes",
    "read_path",
    "sniff_format",
]

DEFAULT_GLOBS: tuple[str, ...] = ("*.txt", "*.md", "*.htm", "*.html", "*.hwpx", "*.hwp", "*.pdf")


@dataclass(frozen=True, slots=True)
class Document:
    """One file's text as the engine reads it."""

    text: str                    # what the engine reads
    path: str                    # as given ("-" for stdin)
    format: str                  # "text" | "html" | "hwpx" | "hwp" | "pdf"
    encoding: str | None = None  # the encoding text/HTML bytes were decoded with
    pages: tuple[int, ...] = ()  # PDF only: offset in text where page i+1 starts
    notes: tuple[str, ...] = ()  # one-line warnings, e.g. "page 3: text not decodable"


class ReadError(Exception):
    """A file that cannot be turned into text; ``str(e)`` is a one-line reason."""


# The submodules raise ReadError, so they are imported after it exists.  HTML and HWPX load on
# first use: plain text (fundparse check one.txt) needs neither html.parser nor zipfile.
from fundparse.readers import plain as _plain  # noqa: E402


class _OnFirstUse:
    def __init__(self, name: str):
        self._name = name

    def __getattr__(self, attr: str):
        import importlib

        return getattr(importlib.import_module(f"fundparse.readers.{self._name}"), attr)


_html = _OnFirstUse("html")
_hwpx = _OnFirstUse("hwpx")

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
PDF_MAGIC = b"%PDF"
SNIFF_BYTES = 1 << 20          # iter_text_chunks decides the encoding from the first MiB
_READ_BLOCK = 1 << 18

_FORMAT_BY_EXTENSION = {
    ".htm": "html", ".html": "html", ".hwpx": "hwpx", ".hwp": "hwp", ".pdf": "pdf",
}


def _extension_format(name: str) -> str | None:
    return _FORMAT_BY_EXTENSION.get(os.path.splitext(name)[1].lower())


def sniff_format(head: bytes, name: str = "-") -> str:
    """The format ``read_bytes`` would choose, from the first bytes (≥ 4 KiB) and the name."""
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return "hwpx" if _hwpx.looks_like_hwpx(head) else "zip"
    if head.startswith(OLE_MAGIC):
        return "hwp"
    if head.startswith(PDF_MAGIC):
        return "pdf"
    by_name = _extension_format(name)
    if by_name is not None:
        return by_name
    if _plain.looks_like_html(head):
        return "html"
    return "text"


def read_bytes(data: bytes, name: str = "-") -> Document:
    """Turn a file's bytes into a :class:`Document`; ``name`` supplies the extension."""
    if not data:
        fmt = _extension_format(name) or "text"
        encoding = "utf-8" if fmt in ("text", "html") else None
        return Document(text="", path=name, format=fmt, encoding=encoding)
    fmt = sniff_format(data[:4096], name)
    if fmt == "text":
        text, encoding = _plain.decode_text(data)
        return Document(text=text, path=name, format="text", encoding=encoding)
    if fmt == "html":
        text, encoding, notes = _html.read_html(data)
        return Document(text=_nfc(text), path=name, format="html", encoding=encoding,
                        notes=notes)
    if fmt == "zip":
        if _extension_format(name) == "hwpx" or _hwpx.looks_like_hwpx(data):
            return _hwpx_document(data, name)
        raise ReadError(_hwpx.describe_zip(data))
    if fmt == "hwpx":
        return _hwpx_document(data, name)
    if fmt == "hwp":
        return _hwp_document(data, name)
    return _pdf_document(data, name)


def _hwpx_document(data: bytes, name: str) -> Document:
    text, notes = _hwpx.read_hwpx(data)
    return Document(text=_nfc(text), path=name, format="hwpx", notes=notes)


def _hwp_document(data: bytes, name: str) -> Document:
    if not data.startswith(OLE_MAGIC):
        raise ReadError(_misnamed("an HWP", ".hwp", data))
    try:
        from fundparse.readers.hwp import read_hwp

        text = read_hwp(data)
    except ReadError:
        raise
    except ImportError as exc:
        raise ReadError("HWP 5 binary document (.hwp): install fundparse[hwp]") from exc
    except Exception as exc:  # the contract: nothing but ReadError leaves a reader
        raise ReadError(f"damaged HWP document ({_one_line(exc)})") from exc
    return Document(text=_nfc(text), path=name, format="hwp")


def _pdf_document(data: bytes, name: str) -> Document:
    if not data.startswith(PDF_MAGIC):
        raise ReadError(_misnamed("a PDF", ".pdf", data))
    try:
        from fundparse.readers.pdf import read_pdf

        text, pages, notes = read_pdf(data)
    except ReadError:
        raise
    except ImportError as exc:
        raise ReadError("PDF document: install fundparse[pdf]") from exc
    except Exception as exc:
        raise ReadError(f"damaged PDF document ({_one_line(exc)})") from exc
    text, pages = _nfc_pages(text, tuple(pages))
    return Document(text=text, path=name, format="pdf", pages=pages, notes=tuple(notes))


def _misnamed(kind: str, extension: str, data: bytes) -> str:
    what = _plain.describe_binary(data)
    return f"named {extension} but not {kind} file" + (f" (looks like {what})" if what else "")


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return f"{type(exc).__name__}: {text}"[:200] if text else type(exc).__name__


def _nfc(text: str) -> str:
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def _nfc_pages(text: str, pages: tuple[int, ...]) -> tuple[str, tuple[int, ...]]:
    """NFC per page, so the page starts still point at the right characters."""
    if unicodedata.is_normalized("NFC", text):
        return text, pages
    if not pages:
        return _nfc(text), pages
    bounds = list(pages) + [len(text)]
    head = _nfc(text[:bounds[0]])
    parts, starts = [head], []
    offset = len(head)
    for start, end in zip(bounds, bounds[1:]):
        part = _nfc(text[start:end])
        starts.append(offset)
        parts.append(part)
        offset += len(part)
    return "".join(parts), tuple(starts)


def page_of(doc: Document, offset: int) -> int | None:
    """1-based page holding ``offset`` in a PDF's text; None for other formats or out of range."""
    if not doc.pages or offset < 0 or offset > len(doc.text):
        return None
    return max(bisect_right(doc.pages, offset), 1)


# --------------------------------------------------------------------------------------
# Files


def _open_source(path: str | os.PathLike[str]) -> tuple[BinaryIO, str]:
    """A binary stream for ``path`` ("-" is stdin); refuses what is not a regular file."""
    name = os.fspath(path)
    if name == "-":
        return sys.stdin.buffer, name
    try:
        # O_NONBLOCK: opening a FIFO must not wait for a writer; fstat then refuses it.
        fd = os.open(name, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError as exc:
        reason = "broken symbolic link" if os.path.islink(name) else "no such file"
        raise ReadError(reason) from exc
    except IsADirectoryError as exc:
        raise ReadError("is a directory") from exc
    except PermissionError as exc:
        raise ReadError("permission denied") from exc
    except OSError as exc:
        raise ReadError(f"cannot open: {exc.strerror or exc}") from exc
    try:
        mode = os.fstat(fd).st_mode
    except OSError as exc:
        os.close(fd)
        raise ReadError(f"cannot open: {exc.strerror or exc}") from exc
    if not stat.S_ISREG(mode):
        os.close(fd)
        raise ReadError(f"not a regular file ({_file_kind(mode)})")
    if hasattr(os, "set_blocking"):
        os.set_blocking(fd, True)
    return os.fdopen(fd, "rb"), name


def _file_kind(mode: int) -> str:
    for test, kind in ((stat.S_ISDIR, "a directory"), (stat.S_ISFIFO, "a FIFO"),
                       (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
                       (stat.S_ISSOCK, "a socket")):
        if test(mode):
            return kind
    return "special file"


def _read_all(stream: BinaryIO) -> bytes:
    try:
        return stream.read()
    except OSError as exc:
        raise ReadError(f"cannot read: {exc.strerror or exc}") from exc


def read_path(path: str | os.PathLike[str]) -> Document:
    """Read one file ("-" for stdin); raises :class:`ReadError`, never OSError or decode errors."""
    stream, name = _open_source(path)
    if stream is sys.stdin.buffer:
        return read_bytes(_read_all(stream), name)
    with stream:
        return read_bytes(_read_all(stream), name)


def iter_text_chunks(path: str | os.PathLike[str],
                     chunk_chars: int = 1 << 20) -> Iterator[tuple[int, str]]:
    """Stream a (huge) file's text as ``(offset, chunk)`` pairs, each chunk ending with "\\n".

    The chunks concatenate to ``read_path(path).text``.  Plain text is decoded incrementally
    (encoding sniffed from the first MiB), so memory stays near ``chunk_chars``; a line longer
    than ``chunk_chars`` is cut after its last space or tab before the limit.  Other formats
    are read whole and then cut the same way.
    """
    if chunk_chars < 1:
        raise ValueError("chunk_chars must be positive")
    stream, name = _open_source(path)
    try:
        head = _read_up_to(stream, SNIFF_BYTES)
        if len(head) < SNIFF_BYTES or sniff_format(head[:4096], name) != "text":
            data = head if len(head) < SNIFF_BYTES else head + _read_all(stream)
            pieces: Iterator[str] = _plain.cut_text(read_bytes(data, name).text, chunk_chars)
        else:
            pieces = _plain.iter_decoded(head, _blocks(stream), chunk_chars)
        offset = 0
        for piece in pieces:
            yield offset, piece
            offset += len(piece)
    finally:
        if stream is not sys.stdin.buffer:
            stream.close()


def _read_up_to(stream: BinaryIO, size: int) -> bytes:
    buf = io.BytesIO()
    while buf.tell() < size:
        try:
            block = stream.read(size - buf.tell())
        except OSError as exc:
            raise ReadError(f"cannot read: {exc.strerror or exc}") from exc
        if not block:
            break
        buf.write(block)
    return buf.getvalue()


def _blocks(stream: BinaryIO) -> Iterator[bytes]:
    while block := _read_up_to(stream, _READ_BLOCK):
        yield block
