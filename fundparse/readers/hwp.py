"""Plain text out of HWP 5 binary documents (.hwp), tables kept as tab-separated rows.

본 제품은 한글과컴퓨터의 한글 문서 파일(.hwp) 공개 문서를 참고하여 개발하였습니다.

An HWP 5 file is an OLE2 compound file.  Its ``FileHeader`` stream carries a signature and
property bits; the body lives in ``BodyText/Section0..N``, each a (usually raw-deflated)
sequence of tagged records.  Records nest by a *level* field: a paragraph header at level
*n* owns the records at level *n + 1* that follow it (its text, its controls), a control
owns the records one level deeper again, and so on.

What comes out:

* one line per paragraph, in document order;
* a table (control ``tbl ``) as one line per row, cells separated by tabs and placed by
  their row/column address, so a merged cell sits in its top-left slot and the slots it
  spans stay empty; nested tables and multi-paragraph cells are flattened into the cell
  (a one-cell table is a framed box, and its paragraphs stay separate lines);
* text boxes, headers/footers and foot/endnotes as ordinary lines;
* inline and extended control characters are skipped whole, never read as text;
  private-use glyphs (Hancom's symbol fonts) are dropped.

Distribution documents (배포용) keep only a decoy notice in ``BodyText``; the real text
is read from the encrypted ``ViewText`` sections.  Password, DRM and certificate
protected files raise :class:`fundparse.readers.ReadError` rather than returning a guess.

Only :func:`read_hwp` is public; the record helpers are importable for tests.
"""

from __future__ import annotations

import io
import re
import struct
import zlib
from dataclasses import dataclass, field
from typing import Iterator, NoReturn

__all__ = ["read_hwp"]

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
SIGNATURE = b"HWP Document File"

# FileHeader property bits
PROP_COMPRESSED = 1 << 0
PROP_PASSWORD = 1 << 1
PROP_DISTRIBUTION = 1 << 2
PROP_DRM = 1 << 4
PROP_CERT_ENCRYPTED = 1 << 8
PROP_CERT_DRM = 1 << 10

# Record tags (HWPTAG_BEGIN = 16)
TAG_DISTRIBUTE_DOC_DATA = 28
TAG_PARA_HEADER = 66
TAG_PARA_TEXT = 67
TAG_CTRL_HEADER = 71
TAG_LIST_HEADER = 72
TAG_TABLE = 77

# PARA_TEXT control characters.  "Char" controls take one UTF-16 unit; inline and
# extended controls take eight (code, six units of payload, code again).
EIGHT_UNIT_CONTROLS = frozenset({1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 14, 15, 16, 17, 18, 19,
                                 20, 21, 22, 23})
# Extended controls: each one has a CTRL_HEADER record among the paragraph's children.
EXTENDED_CONTROLS = frozenset({1, 2, 3, 11, 12, 14, 15, 16, 17, 18, 21, 22, 23})
TAB = 9
LINE_BREAK = 10
PARA_END = 13
HYPHEN = 24
NBSPACE = 30
FIXED_SPACE = 31

# Controls whose text belongs after the paragraph line rather than splitting it.
_DEFERRED_CTRLS = frozenset({"fn  ", "en  "})
# Controls whose content is never shown as document text.
_HIDDEN_CTRLS = frozenset({"tcmt"})


def _fail(reason: str) -> NoReturn:
    """Raise the package's ReadError (imported late: the package module owns it)."""
    from fundparse.readers import ReadError

    raise ReadError(reason)


# --------------------------------------------------------------------------------------
# Record layer


@dataclass
class Record:
    tag: int
    level: int
    payload: bytes
    children: list["Record"] = field(default_factory=list)


def iter_records(data: bytes, where: str = "stream") -> Iterator[tuple[int, int, bytes]]:
    """Yield ``(tag, level, payload)`` for every record in a decompressed stream.

    The header is a little-endian DWORD: tag in bits 0-9, level in bits 10-19, size in
    bits 20-31; a size of 0xFFF means the real size follows as another DWORD.
    """
    pos = 0
    end = len(data)
    while pos < end:
        if end - pos < 4:
            _fail(f"{where}: truncated record header at byte {pos}")
        (header,) = struct.unpack_from("<I", data, pos)
        pos += 4
        tag = header & 0x3FF
        level = (header >> 10) & 0x3FF
        size = header >> 20
        if size == 0xFFF:
            if end - pos < 4:
                _fail(f"{where}: truncated extended record size at byte {pos}")
            (size,) = struct.unpack_from("<I", data, pos)
            pos += 4
        if pos + size > end:
            _fail(f"{where}: record (tag {tag}) runs past the end of the stream (truncated?)")
        yield tag, level, data[pos:pos + size]
        pos += size


def build_tree(records: Iterator[tuple[int, int, bytes]] | list[tuple[int, int, bytes]]) -> Record:
    """Nest records by level under a synthetic root (level -1)."""
    root = Record(-1, -1, b"")
    stack = [root]
    for tag, level, payload in records:
        node = Record(tag, level, payload)
        while len(stack) > 1 and stack[-1].level >= level:
            stack.pop()
        stack[-1].children.append(node)
        stack.append(node)
    return root


# --------------------------------------------------------------------------------------
# Paragraph text


@dataclass(frozen=True)
class CtrlMark:
    """Position of an extended control inside a paragraph's text."""

    code: int


def _is_private_use(cp: int) -> bool:
    return 0xE000 <= cp <= 0xF8FF or cp >= 0xF0000


def _decode_units(units: list[int]) -> str:
    raw = struct.pack(f"<{len(units)}H", *units)
    text = raw.decode("utf-16-le", errors="replace")
    return "".join(ch for ch in text if not _is_private_use(ord(ch)))


def parse_para_text(payload: bytes) -> list[str | CtrlMark]:
    """Split a PARA_TEXT payload into text runs and extended-control markers.

    Tabs become ``\\t``, line breaks ``\\n``, the hyphen control ``-``, the two special
    spaces a plain space; the paragraph end and other controls produce nothing.
    """
    count = len(payload) // 2
    units = struct.unpack_from(f"<{count}H", payload, 0)
    out: list[str | CtrlMark] = []
    run: list[int] = []

    def flush() -> None:
        if run:
            text = _decode_units(run)
            if text:
                out.append(text)
            run.clear()

    i = 0
    while i < count:
        unit = units[i]
        if unit >= 32:
            run.append(unit)
            i += 1
            continue
        if unit in EIGHT_UNIT_CONTROLS:
            if unit == TAB:
                run.append(TAB)
            elif unit in EXTENDED_CONTROLS:
                flush()
                out.append(CtrlMark(unit))
            i += 8
            continue
        if unit == LINE_BREAK:
            run.append(LINE_BREAK)
        elif unit == HYPHEN:
            run.append(ord("-"))
        elif unit in (NBSPACE, FIXED_SPACE):
            run.append(ord(" "))
        # PARA_END (13), 0 and the reserved char controls carry no text
        i += 1
    flush()
    return out


# --------------------------------------------------------------------------------------
# Tree rendering


def _ctrl_id(payload: bytes) -> str:
    """Control id as Hancom writes it ('tbl ', 'gso ', 'secd' ...)."""
    if len(payload) < 4:
        return ""
    return payload[:4][::-1].decode("latin-1")


class _Renderer:
    def __init__(self, where: str) -> None:
        self.where = where

    # A paragraph renders to a list of lines.
    def paragraph(self, para: Record) -> list[str]:
        pieces: list[str | CtrlMark] = []
        ctrls: list[Record] = []
        for child in para.children:
            if child.tag == TAG_PARA_TEXT:
                pieces.extend(parse_para_text(child.payload))
            elif child.tag == TAG_CTRL_HEADER:
                ctrls.append(child)

        lines: list[str] = []
        deferred: list[str] = []
        current: list[str] = []
        had_block = False
        pending = iter(ctrls)

        def close_current(force: bool) -> None:
            text = "".join(current)
            current.clear()
            parts = text.split("\n")
            if force or any(p.strip() for p in parts):
                lines.extend(parts)

        for piece in pieces:
            if isinstance(piece, str):
                current.append(piece)
                continue
            ctrl = next(pending, None)
            if ctrl is None:
                continue
            kind = _ctrl_id(ctrl.payload)
            if kind in _HIDDEN_CTRLS:
                continue
            block = self.control(ctrl)
            if not block:
                continue
            if kind in _DEFERRED_CTRLS:
                deferred.extend(block)
                continue
            close_current(force=False)
            lines.extend(block)
            had_block = True
        # Controls without a marker in the text (should not happen) still get read.
        for ctrl in pending:
            if _ctrl_id(ctrl.payload) not in _HIDDEN_CTRLS:
                deferred.extend(self.control(ctrl))
        close_current(force=not had_block)
        lines.extend(deferred)
        return lines

    def paragraphs(self, nodes: list[Record]) -> list[str]:
        """Lines of every paragraph found among ``nodes`` (searching into non-paragraphs)."""
        lines: list[str] = []
        for node in nodes:
            if node.tag == TAG_PARA_HEADER:
                lines.extend(self.paragraph(node))
            elif node.tag == TAG_CTRL_HEADER:
                lines.extend(self.control(node))
            else:
                lines.extend(self.paragraphs(node.children))
        return lines

    def control(self, ctrl: Record) -> list[str]:
        kind = _ctrl_id(ctrl.payload)
        if kind == "tbl ":
            return self.table(ctrl)
        return self.paragraphs(ctrl.children)

    def table(self, ctrl: Record) -> list[str]:
        children = ctrl.children
        table_at = next((i for i, c in enumerate(children) if c.tag == TAG_TABLE), None)
        if table_at is None:
            return self.paragraphs(children)
        spec = children[table_at].payload
        if len(spec) < 8:
            _fail(f"{self.where}: table record too short")
        n_rows, n_cols = struct.unpack_from("<HH", spec, 4)

        lines = self.paragraphs(children[:table_at])  # caption placed before the table
        lines = [line for line in lines if line.strip()]

        cells: list[tuple[int, int, int, int, list[Record]]] = []
        for node in children[table_at + 1:]:
            if node.tag == TAG_LIST_HEADER:
                if len(node.payload) < 16:
                    _fail(f"{self.where}: table cell header too short")
                col, row, col_span, row_span = struct.unpack_from("<HHHH", node.payload, 8)
                cells.append((row, col, max(row_span, 1), max(col_span, 1), []))
            elif cells:
                cells[-1][4].append(node)

        if len(cells) == 1 and n_rows <= 1 and n_cols <= 1:
            # A one-cell table is a framed box, not a grid: keep its paragraphs as lines.
            lines.extend(self.paragraphs(cells[0][4]))
            return lines
        if cells:
            n_rows = max(n_rows, max(r + rs for r, _, rs, _, _ in cells))
            n_cols = max(n_cols, max(c + cs for _, c, _, cs, _ in cells))
        if n_rows * n_cols > 64 * len(cells) + 4096:
            _fail(f"{self.where}: implausible table of {n_rows}x{n_cols} slots for "
                  f"{len(cells)} cells (damaged file?)")
        grid = [[""] * n_cols for _ in range(n_rows)]
        for row, col, _, _, nodes in cells:
            grid[row][col] = _flatten(self.paragraphs(nodes))
        lines.extend("\t".join(row) for row in grid)
        return lines


def _flatten(lines: list[str]) -> str:
    """One cell's lines (nested tables included) as a single tab-free line."""
    text = " ".join(line.strip() for line in lines if line.strip())
    return re.sub(r"[\t\n ]+", " ", text).strip()


def render_section(data: bytes, where: str = "section") -> list[str]:
    """Lines of one decompressed section stream."""
    root = build_tree(list(iter_records(data, where)))
    try:
        return _Renderer(where).paragraphs(root.children)
    except RecursionError:
        _fail(f"{where}: records nested too deeply (damaged file?)")


# --------------------------------------------------------------------------------------
# Distribution documents


class MsvcRand:
    """The C runtime's ``srand``/``rand`` linear congruential generator."""

    def __init__(self, seed: int) -> None:
        self.state = seed & 0xFFFFFFFF

    def __call__(self) -> int:
        self.state = (self.state * 214013 + 2531011) & 0xFFFFFFFF
        return (self.state >> 16) & 0x7FFF


def distribution_key(doc_data: bytes) -> bytes:
    """The AES-128 key hidden in a 256-byte DISTRIBUTE_DOC_DATA payload.

    The first four bytes seed the generator.  The generator then yields pairs
    (mask byte, run length 1..16); the mask byte is XOR-ed into that many consecutive
    bytes, skipping the four seed bytes.  The key is 16 bytes at offset
    4 + (low nibble of the first byte).
    """
    if len(doc_data) != 256:
        _fail("distribution document: key record is not 256 bytes")
    (seed,) = struct.unpack_from("<I", doc_data, 0)
    rand = MsvcRand(seed)
    plain = bytearray(doc_data)
    mask = 0
    remaining = 0
    for i in range(256):
        if remaining == 0:
            mask = rand() & 0xFF
            remaining = (rand() & 0x0F) + 1
        if i >= 4:
            plain[i] ^= mask
        remaining -= 1
    start = 4 + (plain[0] & 0x0F)
    return bytes(plain[start:start + 16])


def decrypt_view_text(stream: bytes, where: str) -> bytes:
    """Decrypt a ViewText section: key record, then AES-128-ECB over the rest."""
    first = next(iter_records(stream[:4 + 256], where), None) if len(stream) >= 260 else None
    if first is None or first[0] != TAG_DISTRIBUTE_DOC_DATA or len(first[2]) != 256:
        _fail(f"{where}: distribution key record missing")
    key = distribution_key(first[2])
    body = stream[4 + 256:]
    body = body[:len(body) - len(body) % 16]
    try:
        from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
    except ImportError:  # pragma: no cover - depends on the environment
        _fail("distribution HWP documents need the 'cryptography' package (pip install fundparse[hwp])")
    decryptor = Cipher(algorithms.AES(key), modes.ECB()).decryptor()
    return decryptor.update(body) + decryptor.finalize()


# --------------------------------------------------------------------------------------
# File layer


def _inflate(data: bytes, where: str, budget) -> bytes:
    """A section stream inflated a chunk at a time against the document's budget."""
    from fundparse.readers.inflate import chunks

    inflater = zlib.decompressobj(-15)
    try:
        out = b"".join(chunks(inflater, data, budget, f"HWP section {where}"))
    except zlib.error as exc:
        _fail(f"{where}: cannot inflate ({exc})")
    if not inflater.eof:
        _fail(f"{where}: compressed stream ends early (truncated file?)")
    return out


def _section_streams(ole, storage: str) -> list[list[str]]:
    found: list[tuple[int, list[str]]] = []
    for entry in ole.listdir(streams=True, storages=False):
        if len(entry) == 2 and entry[0] == storage:
            m = re.fullmatch(r"Section(\d+)", entry[1])
            if m:
                found.append((int(m.group(1)), entry))
    found.sort()
    numbers = [n for n, _ in found]
    if numbers != list(range(len(numbers))):
        _fail(f"{storage}: section streams are not numbered 0..{len(numbers) - 1} (missing section?)")
    return [entry for _, entry in found]


def parse_file_header(header: bytes) -> tuple[tuple[int, int, int, int], int]:
    """Check the FileHeader stream; return ``(version, properties)``."""
    if len(header) < 40 or not header.startswith(SIGNATURE):
        _fail("not an HWP 5 document (bad FileHeader signature)")
    (raw_version, props) = struct.unpack_from("<II", header, 32)
    version = ((raw_version >> 24) & 0xFF, (raw_version >> 16) & 0xFF,
               (raw_version >> 8) & 0xFF, raw_version & 0xFF)
    return version, props


def read_hwp(data: bytes) -> str:
    """Text of an HWP 5 document; raises ReadError with a one-line reason."""
    try:
        import olefile
    except ImportError:  # pragma: no cover - depends on the environment
        _fail("reading .hwp needs the 'olefile' package (pip install fundparse[hwp])")
    if not data.startswith(OLE_MAGIC):
        _fail("not an HWP 5 document (no OLE2 compound-file signature)")
    try:
        ole = olefile.OleFileIO(io.BytesIO(data))
    except Exception as exc:  # olefile raises a variety of errors on damaged input
        _fail(f"damaged HWP container: {_one_line(exc)}")
    try:
        _check_complete(ole, len(data))
        return _read_ole(ole)
    finally:
        ole.close()


def _check_complete(ole, size: int) -> None:
    """Refuse a container cut short: every sector the allocation table links to must exist."""
    sector = ole.sectorsize
    if (size - 512) % sector:
        _fail("damaged HWP container: size is not a whole number of sectors (truncated file?)")
    last = ole.nb_sect
    for value in ole.fat:
        if value < 0xFFFFFFFA and value >= last:
            _fail("damaged HWP container: sectors missing (truncated file?)")
    for entry in ole.direntries:
        if entry is None or entry.size == 0:
            continue
        in_mini = entry.entry_type == 2 and entry.size < ole.minisectorcutoff
        if not in_mini and entry.isectStart < 0xFFFFFFFA and entry.isectStart >= last:
            _fail("damaged HWP container: sectors missing (truncated file?)")


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text[:200]


def _read_stream(ole, entry: list[str]) -> bytes:
    try:
        return ole.openstream(entry).read()
    except Exception as exc:
        _fail(f"{'/'.join(entry)}: cannot read stream ({_one_line(exc)})")


def _read_ole(ole) -> str:
    if not ole.exists("FileHeader"):
        _fail("not an HWP 5 document (no FileHeader stream)")
    version, props = parse_file_header(_read_stream(ole, ["FileHeader"]))
    if version[0] != 5:
        _fail(f"unsupported HWP version {'.'.join(map(str, version))} (only HWP 5 is read)")
    if props & PROP_PASSWORD:
        _fail("password-protected HWP document")
    if props & (PROP_DRM | PROP_CERT_DRM):
        _fail("DRM-protected HWP document")
    if props & PROP_CERT_ENCRYPTED:
        _fail("certificate-encrypted HWP document")
    compressed = bool(props & PROP_COMPRESSED)

    view = _section_streams(ole, "ViewText")
    distribution = bool(props & PROP_DISTRIBUTION)
    if distribution and not view:
        _fail("distribution HWP document without ViewText sections")
    if distribution:
        sections = view
    else:
        sections = _section_streams(ole, "BodyText")
        if not sections and view:
            sections, distribution = view, True
    if not sections:
        _fail("HWP document has no BodyText sections")

    lines: list[str] = []
    from fundparse.readers.inflate import Budget

    budget = Budget("deflate bomb")
    for entry in sections:
        where = "/".join(entry)
        raw = _read_stream(ole, entry)
        if distribution:
            raw = decrypt_view_text(raw, where)
        if compressed:
            raw = _inflate(raw, where, budget)
        lines.extend(render_section(raw, where))
    return _tidy(lines)


def _tidy(lines: list[str]) -> str:
    """Join lines, trim trailing blanks and collapse runs of empty lines."""
    out: list[str] = []
    for line in lines:
        line = line.rstrip(" \u00a0")
        if not line and out and not out[-1]:
            continue
        out.append(line)
    while out and not out[0]:
        out.pop(0)
    while out and not out[-1]:
        out.pop()
    return "\n".join(out) + ("\n" if out else "")
