"""Plain text: encoding detection (UTF-8, UTF-16 with BOM, EUC-KR, CP949), NFC, binary refusal.

    >>> decode_text("똠방각하".encode("cp949"))
    ('똠방각하', 'cp949')
    >>> decode_text("\\ufeff예산".encode("utf-8"))
    ('예산', 'utf-8-sig')

Order of trial: a BOM decides outright; otherwise strict UTF-8, then EUC-KR (KS X 1001), then
CP949 (its superset, which holds 똠, 햏, 뷁 and the other 8,822 syllables EUC-KR lacks).  Bytes
none of these decode raise :class:`ReadError` — the reader never guesses into mojibake.
"""

from __future__ import annotations

import codecs
import unicodedata
from collections.abc import Iterable, Iterator

from fundparse import patterns
from fundparse.readers import ReadError

__all__ = [
    "check_text",
    "cut_text",
    "decode_text",
    "describe_binary",
    "detect_and_decode",
    "iter_decoded",
]

# Reported name → Python codec.
CODECS = {"utf-8": "utf-8", "utf-8-sig": "utf-8-sig", "utf-16": "utf-16",
          "euc-kr": "euc_kr", "cp949": "cp949"}
_FALLBACKS = ("euc-kr", "cp949")       # tried in this order once strict UTF-8 fails
CANNOT_DECODE = "cannot decode: not UTF-8, UTF-16 or CP949"
BINARY = "binary file (not text)"

# Control characters other than \t \n \v \f \r; text with many of them is binary.
_CONTROLS = patterns.compile_re(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_CONTROL_SAMPLE = 1 << 16              # characters examined for the control-character share
_MAX_CONTROL_SHARE = 0.10
_BINARY_BYTES = patterns.compile_re(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")

_MAGIC = (
    (b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"), (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"), (b"7z\xbc\xaf", "a 7z archive"),
    (b"Rar!\x1a", "a RAR archive"), (b"\xfd7zXZ", "an xz archive"), (b"\x7fELF", "an executable"),
    (b"PK\x03\x04", "a zip archive"),
    (b"\xd0\xcf\x11\xe0", "an OLE2 (MS Office / HWP) file"), (b"%PDF", "a PDF"),
)


def looks_like_html(head: bytes) -> bool:
    """True when the content opens (after BOM/whitespace) like an HTML page."""
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        start = head[:2048].decode("utf-16", errors="ignore")
    else:
        start = head[:1024].removeprefix(codecs.BOM_UTF8).decode("latin-1")
    start = start.lstrip().lower()
    if start.startswith(("<!doctype html", "<html")):
        return True
    return start.startswith(("<!--", "<?xml")) and "<html" in start[:1024]


def describe_binary(data: bytes) -> str | None:
    """What well-known binary format ``data`` starts like, e.g. "a PNG image"; else None."""
    for magic, what in _MAGIC:
        if data.startswith(magic):
            return what
    return None


def _binary_error(data: bytes) -> ReadError:
    what = describe_binary(data)
    return ReadError(f"binary file ({what}, not text)" if what else BINARY)


def _bom_encoding(data: bytes) -> str | None:
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    return None


def _decoded(data: bytes, encoding: str, final: bool) -> str | None:
    """``data`` decoded strictly (a prefix when ``final`` is False), or None if it is not."""
    try:
        return codecs.getincrementaldecoder(CODECS[encoding])().decode(data, final)
    except UnicodeDecodeError:
        return None


_NOT_ASCII = bytes(range(128))


def _damaged_utf8(data: bytes) -> bool:
    """UTF-8 with a few bad bytes (not a legacy encoding): decoding it as CP949 is mojibake.

    CP949 Hangul read as UTF-8 yields mostly invalid bytes and only stray two-byte
    characters; real UTF-8 with a glitch yields many good multi-byte characters per bad one.
    """
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    ascii_chars = len(data) - len(data.translate(None, _NOT_ASCII))
    good = len(text) - bad - ascii_chars
    return good >= 8 and good >= 4 * bad


def detect_and_decode(data: bytes, final: bool = True) -> tuple[str, str]:
    """``(encoding, text)`` for ``data``: BOM stripped, not yet NFC; ``final=False`` for a
    prefix of a longer file (its text then stops short of a split character).

    Raises :class:`ReadError` for binary or undecodable bytes.
    """
    bom = _bom_encoding(data)
    if bom is not None:
        text = _decoded(data, bom, final)
        if text is None:
            name = bom.upper().removesuffix("-SIG")
            raise ReadError(f"cannot decode: invalid {name} after its BOM")
        return bom, text
    if b"\x00" in data:
        raise _binary_error(data)
    text = _decoded(data, "utf-8", final)
    if text is not None:
        return "utf-8", text
    if not _damaged_utf8(data):
        for encoding in _FALLBACKS:
            text = _decoded(data, encoding, final)
            if text is not None:
                return encoding, text
    if describe_binary(data) or _BINARY_BYTES.search(data, 0, 4096):
        raise _binary_error(data)
    raise ReadError(CANNOT_DECODE)


def check_text(text: str) -> None:
    """Refuse decoded text holding NUL or, among its first characters, many control characters."""
    sample = text[:_CONTROL_SAMPLE]
    if "\x00" in text or len(_CONTROLS.findall(sample)) > _MAX_CONTROL_SHARE * len(sample):
        raise ReadError(BINARY)


def _nfc(text: str) -> str:
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def decode_text(data: bytes) -> tuple[str, str]:
    """``(text, encoding)`` of a whole plain-text file: BOM stripped, NFC, "\\r\\n" kept."""
    encoding, text = detect_and_decode(data)
    check_text(text)
    return _nfc(text), encoding


# --------------------------------------------------------------------------------------
# Streaming


_SENTENCE_END = patterns.compile(r"(?r)(?<=[^\d\s.,])[.!?。](?![\d.])")


def _safe_cut(text: str, start: int, limit: int) -> int:
    """Where to end a chunk of ``text[start:]`` no longer than ``limit`` characters.

    After the last "\\n" if there is one, else after the last space or tab, else at the limit
    moved back so that no combining mark or Hangul vowel/final jamo starts the next chunk
    (NFC per chunk must equal NFC of the whole).
    """
    end = start + limit
    # a paragraph break, else a line break, else a sentence end after a word: no amount, list
    # or period of the engine runs across those (a cut inside a number would change it)
    cut = text.rfind("\n\n", start + limit // 2, end)
    if cut < 0:
        cut = text.rfind("\n", start, end)
    if cut < 0:
        found = _SENTENCE_END.search(text, start, end)
        cut = found.start() if found else -1
    if cut < 0:
        cut = max(text.rfind(" ", start, end), text.rfind("\t", start, end))
    if cut >= 0:
        return cut + 1
    cut = end
    while cut > start + 1 and _joins_previous(text[cut]):
        cut -= 1
    return cut


def _joins_previous(ch: str) -> bool:
    return unicodedata.combining(ch) != 0 or "\u1161" <= ch <= "\u11c2"


def cut_text(text: str, chunk_chars: int) -> Iterator[str]:
    """Cut already-read text into chunks the way :func:`iter_decoded` does."""
    pos = 0
    while len(text) - pos > chunk_chars:
        cut = _safe_cut(text, pos, chunk_chars)
        yield text[pos:cut]
        pos = cut
    if pos < len(text):
        yield text[pos:]


def cut_blocks(blocks: Iterable[str], chunk_chars: int) -> Iterator[str]:
    """Cut text arriving in blocks (a text stream) into chunks the way :func:`cut_text` cuts
    it whole; the text is taken as it is (no NFC)."""
    buf, pos = "", 0
    for block in blocks:
        buf = buf[pos:] + block
        pos = 0
        while len(buf) - pos > chunk_chars:
            cut = _safe_cut(buf, pos, chunk_chars)
            yield buf[pos:cut]
            pos = cut
    if pos < len(buf):
        yield buf[pos:]


def iter_decoded(head: bytes, blocks: Iterable[bytes], chunk_chars: int) -> Iterator[str]:
    """NFC text chunks of a plain-text file given its first bytes and the rest as blocks.

    The encoding is detected on ``head``.  Should a later block fail to decode, the next
    candidate takes over only when it reads everything already yielded the same way (all
    ASCII so far, or EUC-KR without its rare 8-byte jamo sequences) — what whole-file
    detection would have chosen; any other late failure is a :class:`ReadError`.
    """
    stream = _Decoder(detect_and_decode(head, final=False)[0])
    buf, pos = stream.feed(head, False), 0
    check_text(buf)
    for block in blocks:
        buf = buf[pos:] + stream.feed(block, False)
        pos = 0
        while len(buf) - pos > chunk_chars:
            cut = _safe_cut(buf, pos, chunk_chars)
            yield _nfc(buf[pos:cut])
            pos = cut
    for piece in cut_text(buf[pos:] + stream.feed(b"", True), chunk_chars):
        yield _nfc(piece)


class _Decoder:
    """An incremental decoder that may move on to a later candidate encoding (see above)."""

    def __init__(self, encoding: str) -> None:
        self.encoding = encoding
        self.decoder = codecs.getincrementaldecoder(CODECS[encoding])()
        self.all_ascii = True
        self.jamo_sequences = False      # EUC-KR's 8-byte form decodes differently in CP949

    def feed(self, block: bytes, final: bool) -> str:
        if self.encoding != "utf-16" and b"\x00" in block:
            raise _binary_error(block)
        pending = self.decoder.getstate()[0]
        try:
            text = self.decoder.decode(block, final)
        except UnicodeDecodeError:
            text = self._switch(pending + block, final)
        if self.encoding == "utf-16" and "\x00" in text:
            raise ReadError(BINARY)
        self.all_ascii = self.all_ascii and block.isascii()
        self.jamo_sequences = self.jamo_sequences or b"\xa4\xd4" in block
        return text

    def _switch(self, data: bytes, final: bool) -> str:
        if self.encoding == "utf-8" and _damaged_utf8(data):
            raise ReadError(CANNOT_DECODE)
        for later in self._later_candidates():
            decoder = codecs.getincrementaldecoder(CODECS[later])()
            try:
                text = decoder.decode(data, final)
            except UnicodeDecodeError:
                continue
            self.encoding, self.decoder = later, decoder
            return text
        raise ReadError(CANNOT_DECODE + " (the encoding changes after the first MiB)")

    def _later_candidates(self) -> tuple[str, ...]:
        if self.encoding == "utf-8" and self.all_ascii:
            return _FALLBACKS
        if self.encoding == "euc-kr" and not self.jamo_sequences:
            return ("cp949",)
        return ()
