"""A bound on decompression: what one document may inflate to (zip and deflate bombs).

Every compressed part a reader opens (HWPX zip members, HWP 5 section streams, PDF
FlateDecode streams) is inflated a chunk at a time against one :class:`Budget` per document,
so memory never grows past the limit whatever the archive claims about its sizes.  The limit
is ``FUNDPARSE_MAX_INFLATE_MB`` (mebibytes, default 100); past it the document is refused with
a one-line :class:`~fundparse.readers.ReadError`.
"""

from __future__ import annotations

import os
import re
import zlib

from fundparse.readers import ReadError

ENV = "FUNDPARSE_MAX_INFLATE_MB"
DEFAULT_MB = 100
CHUNK = 1 << 16


def limit_bytes() -> int:
    """The per-document limit in bytes, from the environment; ReadError when it is malformed."""
    raw = os.environ.get(ENV, "").strip()
    if not raw:
        return DEFAULT_MB << 20
    if not raw.isdigit() or int(raw) < 1 or len(raw) > 9:
        raise ReadError(f"{ENV} must be a whole number of MiB from 1 to 999999999, not {raw[:40]!r}")
    return int(raw) << 20


class Budget:
    """Bytes a document may still inflate to; ``take`` refuses the document past its limit."""

    def __init__(self, bomb: str = "decompression bomb", limit: int | None = None) -> None:
        self.limit = limit_bytes() if limit is None else limit
        self.used = 0
        self.bomb = bomb

    @property
    def left(self) -> int:
        return self.limit - self.used

    def refuse(self, what: str, verb: str = "inflates past") -> ReadError:
        return ReadError(f"{what} {verb} {self.limit >> 20} MiB: refused ({self.bomb}?); "
                         f"raise {ENV} to read it")

    def take(self, size: int, what: str) -> None:
        self.used += size
        if self.used > self.limit:
            raise self.refuse(what)


def chunks(inflater, data: bytes | memoryview, budget: Budget, what: str):
    """Yield what ``inflater`` makes of ``data``, a bounded chunk at a time, each counted."""
    pending = data
    while True:
        out = inflater.decompress(pending, CHUNK)
        budget.take(len(out), what)
        if out:
            yield out
        pending = inflater.unconsumed_tail
        if inflater.eof or (not pending and len(out) < CHUNK):
            return


def inflate(data: bytes, budget: Budget, what: str, wbits: int = zlib.MAX_WBITS) -> bytes:
    """All of a deflate stream, bounded by ``budget``; zlib.error when it is corrupt."""
    inflater = zlib.decompressobj(wbits)
    out = b"".join(chunks(inflater, data, budget, what))
    if not inflater.eof:
        raise zlib.error("compressed stream ends early")
    return out


# --- PDF: every FlateDecode stream measured before pdfminer sees the file ------------------

_STREAM = re.compile(rb"(?<!end)stream\r?\n")
_IMAGE = re.compile(rb"/Subtype\s*/Image\b")
_ZLIB_HEAD = re.compile(rb"[\x08\x18\x28\x38\x48\x58\x68\x78][\x00-\xff]")


def _looks_zlib(head: bytes) -> bool:
    return len(head) >= 2 and _ZLIB_HEAD.match(head) is not None and (head[0] * 256 + head[1]) % 31 == 0


def measure_pdf_streams(data: bytes, budget: Budget) -> None:
    """Inflate (and discard) every zlib stream in a PDF's bytes against ``budget``: a file
    whose streams together inflate past the limit is refused before pdfminer, which inflates
    them whole and without a bound, ever opens it.  Streams compressed twice are measured
    through both layers.  An image (``/Subtype /Image``), which pdfminer does not inflate to
    read text, is measured on its own budget of the same size, so scanned pages add up to no
    refusal while a bomb dressed as an image is still bounded."""
    view = memoryview(data)
    for m in _STREAM.finditer(data):
        head = data.rfind(b"obj", max(0, m.start() - 4096), m.start())
        image = _IMAGE.search(data, max(head, 0, m.start() - 4096), m.start()) is not None
        _measure(view[m.end():], Budget(budget.bomb, budget.limit) if image else budget, depth=0)


def _measure(view: memoryview, budget: Budget, depth: int) -> None:
    if not _looks_zlib(bytes(view[:2])):
        return
    inflater = zlib.decompressobj()
    inner: list[bytes] = []
    keep: bool | None = None  # the output is itself deflated: measure that layer too
    try:
        for pos in range(0, len(view), CHUNK):
            for out in chunks(inflater, view[pos:pos + CHUNK], budget, "PDF stream"):
                if keep is None:
                    keep = depth < 2 and _looks_zlib(out[:2])
                if keep:
                    inner.append(out)
            if inflater.eof:
                break
    except zlib.error:
        return  # not deflate after all (or damaged): pdfminer decides what to make of it
    if inner:
        _measure(memoryview(b"".join(inner)), budget, depth + 1)
