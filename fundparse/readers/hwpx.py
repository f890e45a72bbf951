"""HWPX (the zip + XML format of Hangul Word Processor): text out, tables as tab-separated rows.

``Contents/content.hpf`` (an OPF manifest) names the section files in spine order; each section
is a list of ``hp:p`` paragraphs whose runs hold ``hp:t`` text.  What comes out, alike to what
hwp.py makes of the same document saved as HWP 5:

* one line per paragraph (``hp:lineBreak`` → new line, ``hp:tab`` → tab), runs of empty
  paragraphs collapsed to one empty line;
* a table (``hp:tbl``) as one line per row, cells joined by tabs and placed by
  ``hp:cellAddr`` (a merged cell fills its top-left slot, the slots it spans stay empty);
  nested tables and multi-paragraph cells flatten into their cell; a one-cell table is a
  framed box whose paragraphs stay lines; text before/after an inline table keeps its own line;
* text boxes, headers and footers as lines where they are anchored, foot/endnotes after
  their paragraph; hidden comments and Hancom symbol-font glyphs (private use) are dropped.

Hostile files are refused with :class:`ReadError`: XML with a DOCTYPE or ENTITY declaration
(entity expansion, external entities), members whose uncompressed size or compression ratio
is out of bounds (zip bombs: every member is inflated a chunk at a time against one budget for
the whole document, ``FUNDPARSE_MAX_INFLATE_MB``, whatever sizes the archive declares),
truncated or corrupt zips.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib
from typing import NoReturn
from xml.etree import ElementTree
from xml.parsers import expat

from fundparse.readers import ReadError
from fundparse.readers.inflate import CHUNK, Budget

__all__ = ["describe_zip", "looks_like_hwpx", "parse_xml", "read_hwpx"]

MIMETYPE = b"application/hwp+zip"
MANIFEST = "Contents/content.hpf"
MAX_RATIO = 100                       # uncompressed : compressed, for members over 1 MiB
_RATIO_FLOOR = 1 << 20
MAX_COLUMNS = 1024
MAX_ROWS = 65536

_SECTION_NAME = re.compile(r"contents/section(\d+)\.xml", re.IGNORECASE)
_PRIVATE_USE = re.compile("[\ue000-\uf8ff\U000f0000-\U0010ffff]")
_SPACES = re.compile(r"[\t\n ]+")
# Children of hp:t that stand for characters; the rest (marks, track changes) add nothing.
_INLINE = {"tab": "\t", "lineBreak": "\n", "hyphen": "-", "nbSpace": " ", "fwSpace": " "}
_DEFERRED = frozenset({"footNote", "endNote"})
_HIDDEN = frozenset({"hiddenComment"})
# Bulky layout records that never hold text: not even built into the tree.
_NO_TEXT = frozenset({"linesegarray", "secPr"})
_ZIP_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, OSError,
               ValueError, NotImplementedError, RuntimeError, struct.error, KeyError,
               IndexError, OverflowError)


def _fail(reason: str) -> NoReturn:
    raise ReadError(reason)


def _corrupt(detail: object) -> NoReturn:
    text = " ".join(str(detail).split()) or type(detail).__name__
    raise ReadError(f"corrupt HWPX (zip) file: {text[:160]}")


def looks_like_hwpx(data: bytes) -> bool:
    """Zip bytes (possibly truncated) that name HWPX parts: the first stored ``mimetype`` or
    ``Contents/content.hpf`` / ``Contents/section`` in the local or central headers."""
    if len(data) >= 30 and data.startswith(b"PK\x03\x04"):
        name_len, extra_len = struct.unpack_from("<HH", data, 26)
        body = 30 + name_len + extra_len
        if data[30:30 + name_len] == b"mimetype" and data[body:body + 64].startswith(MIMETYPE):
            return True
    return any(marker in part for part in (data[:8192], data[-65536:])
               for marker in (MANIFEST.encode(), b"Contents/section"))


def describe_zip(data: bytes) -> str:
    """A one-line reason naming what a non-HWPX zip archive is."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = {name.lower() for name in archive.namelist()}
    except _ZIP_ERRORS:
        return "corrupt zip archive (not a text document)"
    for prefix, what in (("word/", "a Word document (.docx)"), ("xl/", "an Excel workbook (.xlsx)"),
                         ("ppt/", "a PowerPoint file (.pptx)")):
        if any(name.startswith(prefix) for name in names):
            return f"{what}, not a supported format"
    if "content.xml" in names:
        return "an OpenDocument file, not a supported format"
    return "zip archive (not a text document)"


# --------------------------------------------------------------------------------------
# XML


def _qualified(name: str) -> str:
    return "{" + name if "}" in name else name


def _refuse_declarations(*_: object) -> NoReturn:
    _fail("HWPX XML declares a DOCTYPE or entities: refused (entity expansion / external entities)")


def parse_xml(data: bytes, where: str, prune: frozenset[str] = frozenset()) -> ElementTree.Element:
    """An element tree from XML bytes through expat, refusing DOCTYPE and ENTITY declarations.

    Elements whose local name is in ``prune`` are left out with everything inside them.
    """
    builder = ElementTree.TreeBuilder()
    pruning = 0                                     # depth inside a pruned element

    def start(name: str, attrs: dict[str, str]) -> None:
        nonlocal pruning
        if pruning or name.rpartition("}")[2] in prune:
            pruning += 1
            return
        builder.start(_qualified(name), {_qualified(key): value for key, value in attrs.items()})

    def end(name: str) -> None:
        nonlocal pruning
        if pruning:
            pruning -= 1
            return
        builder.end(_qualified(name))

    def data_(text: str) -> None:
        if not pruning:
            builder.data(text)

    parser = expat.ParserCreate(namespace_separator="}")
    parser.buffer_text = True
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.StartDoctypeDeclHandler = _refuse_declarations
    parser.EntityDeclHandler = _refuse_declarations
    parser.UnparsedEntityDeclHandler = _refuse_declarations
    parser.ExternalEntityRefHandler = _refuse_declarations
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = data_
    try:
        parser.Parse(data, True)
        return builder.close()
    except expat.ExpatError as exc:
        _fail(f"corrupt HWPX: {where} is not well-formed XML ({exc})")
    except (AssertionError, ValueError) as exc:   # TreeBuilder on unbalanced input
        _fail(f"corrupt HWPX: {where} ({exc})")


def _local(tag: object) -> str:
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


# --------------------------------------------------------------------------------------
# The zip container


class _Package:
    """The zip archive with a budget on what may be inflated from it."""

    def __init__(self, data: bytes) -> None:
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self.zip.infolist()
        except _ZIP_ERRORS as exc:
            _corrupt(exc)
        self.by_name = {info.filename.replace("\\", "/").lower(): info for info in infos}
        self.budget = Budget("zip bomb")

    def find(self, name: str) -> zipfile.ZipInfo | None:
        return self.by_name.get(name.replace("\\", "/").lstrip("/").lower())

    def expect(self, infos: list[zipfile.ZipInfo]) -> None:
        """Refuse at once when the members to be read declare more than the budget together."""
        for info in infos:
            self._declared(info)
        declared = sum(info.file_size for info in infos)
        if declared > self.budget.left:
            raise self.budget.refuse(f"HWPX: {len(infos)} sections declare {declared:,} bytes "
                                     f"uncompressed,", "over the limit of")

    def _declared(self, info: zipfile.ZipInfo) -> None:
        if info.file_size > self.budget.left:
            raise self.budget.refuse(f"HWPX member {info.filename} declares {info.file_size:,} "
                                     f"bytes uncompressed,", "over the limit of")

    def read(self, info: zipfile.ZipInfo) -> bytes:
        """One member, inflated a chunk at a time and counted against the document's budget
        (a member may lie about its size: the count, not the header, decides)."""
        name = info.filename
        self._declared(info)
        ratio = info.file_size // max(info.compress_size, 1)
        if info.file_size > _RATIO_FLOOR and ratio > MAX_RATIO:
            _fail(f"HWPX member {name} compresses {ratio:,}:1: refused (zip bomb?)")
        parts = []
        try:
            with self.zip.open(info) as member:
                while block := member.read(CHUNK):
                    self.budget.take(len(block), f"HWPX member {name}")
                    parts.append(block)
        except RuntimeError as exc:
            if "encrypted" in str(exc):
                _fail("password-protected HWPX document")
            _corrupt(exc)
        except _ZIP_ERRORS as exc:
            _corrupt(exc)
        return b"".join(parts)


def _section_names(package: _Package, notes: list[str]) -> list[zipfile.ZipInfo]:
    """Section members in spine order, else ``Contents/section*.xml`` in numeric order."""
    manifest = package.find(MANIFEST)
    if manifest is not None:
        root = parse_xml(package.read(manifest), MANIFEST)
        hrefs = {item.get("id"): item.get("href", "") for item in root.iter()
                 if _local(item.tag) == "item"}
        found = []
        for ref in root.iter():
            if _local(ref.tag) != "itemref":
                continue
            href = hrefs.get(ref.get("idref"), "")
            info = package.find(href) or package.find("Contents/" + href)
            if info is not None and _SECTION_NAME.fullmatch(info.filename.replace("\\", "/")):
                found.append(info)
        if found:
            return list(dict.fromkeys(found))
        notes.append(f"{MANIFEST} lists no sections; read Contents/section*.xml in order")
    numbered = sorted((int(m.group(1)), info) for key, info in package.by_name.items()
                      if (m := _SECTION_NAME.fullmatch(key)))
    return [info for _, info in numbered]


def read_hwpx(data: bytes) -> tuple[str, tuple[str, ...]]:
    """``(text, notes)`` of an HWPX document; raises :class:`ReadError`."""
    package = _Package(data)
    encryption = package.find("META-INF/manifest.xml")
    if encryption is not None and b"encryption-data" in package.read(encryption):
        _fail("password-protected HWPX document")
    notes: list[str] = []
    sections = _section_names(package, notes)
    if not sections:
        _fail("not an HWPX document: no Contents/section*.xml")
    package.expect(sections)
    lines: list[str] = []
    try:
        for info in sections:
            root = parse_xml(package.read(info), info.filename, prune=_NO_TEXT)
            lines.extend(_Renderer().sublist(root))
    except RecursionError:
        _fail("HWPX structure nested too deeply")
    return _tidy(lines), tuple(notes)


# --------------------------------------------------------------------------------------
# Sections → lines


def _t_text(t: ElementTree.Element) -> str:
    pieces = [t.text or ""]
    for child in t:
        pieces.append(_INLINE.get(_local(child.tag), ""))
        pieces.append(child.tail or "")
    return _PRIVATE_USE.sub("", "".join(pieces))


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


class _Renderer:
    def sublist(self, element: ElementTree.Element) -> list[str]:
        """Lines of the paragraphs found under ``element`` (searching into other elements)."""
        lines: list[str] = []
        for child in element:
            name = _local(child.tag)
            if name == "p":
                lines.extend(self.paragraph(child))
            elif name == "tbl":
                lines.extend(self.table(child))
            elif name == "switch":
                # Alternative renderings of one object: the first that has text is enough.
                for case in child:
                    if block := self.sublist(case):
                        lines.extend(block)
                        break
            elif name not in _HIDDEN:
                lines.extend(self.sublist(child))
        return lines

    def paragraph(self, para: ElementTree.Element) -> list[str]:
        lines: list[str] = []
        deferred: list[str] = []
        current: list[str] = []
        had_block = False

        def close_current(force: bool) -> None:
            parts = "".join(current).split("\n")
            current.clear()
            if force or any(part.strip() for part in parts):
                lines.extend(parts)

        for run in para:
            if _local(run.tag) != "run":
                continue
            for child in run:
                name = _local(child.tag)
                if name == "t":
                    current.append(_t_text(child))
                    continue
                if name == "ctrl":
                    block = []
                    for ctrl in child:
                        kind = _local(ctrl.tag)
                        if kind in _DEFERRED:
                            deferred.extend(self.sublist(ctrl))
                        elif kind not in _HIDDEN:
                            block.extend(self.sublist(ctrl))
                elif name == "tbl":
                    block = self.table(child)
                else:                                   # shapes, text boxes, pictures' captions
                    block = self.sublist(child)
                if block:
                    close_current(force=False)
                    lines.extend(block)
                    had_block = True
        close_current(force=not had_block)
        return lines + deferred

    def table(self, tbl: ElementTree.Element) -> list[str]:
        lines = [line for child in tbl if _local(child.tag) == "caption"
                 for line in self.sublist(child) if line.strip()]
        rows = [[tc for tc in tr if _local(tc.tag) == "tc"] for tr in tbl if _local(tr.tag) == "tr"]
        cells = [tc for row in rows for tc in row]
        n_rows = _int(tbl.get("rowCnt"), 0)
        n_cols = _int(tbl.get("colCnt"), 0)
        if len(cells) == 1 and n_rows <= 1 and n_cols <= 1:
            # A one-cell table is a framed box, not a grid: keep its paragraphs as lines.
            return lines + self.sublist(cells[0])
        placed = _place(rows, n_rows, n_cols)
        if placed is None:                              # addresses unusable: rows as they come
            lines.extend("\t".join(self.cell(tc) for tc in row) for row in rows)
            return lines
        grid, where = placed
        for tc, (row, col) in zip(cells, where):
            text = self.cell(tc)
            grid[row][col] = f"{grid[row][col]} {text}".strip() if grid[row][col] else text
        lines.extend("\t".join(row) for row in grid)
        return lines

    def cell(self, tc: ElementTree.Element) -> str:
        """One cell's paragraphs (nested tables included) as a single tab-free line."""
        text = " ".join(line.strip() for line in self.sublist(tc) if line.strip())
        return _SPACES.sub(" ", text).strip()


def _place(rows: list[list[ElementTree.Element]], n_rows: int,
           n_cols: int) -> tuple[list[list[str]], list[tuple[int, int]]] | None:
    """An empty grid and each cell's (row, column) from ``hp:cellAddr``; None when implausible."""
    where = []
    for row_index, row in enumerate(rows):
        for col_index, tc in enumerate(row):
            addr = next((c for c in tc if _local(c.tag) == "cellAddr"), None)
            if addr is None:
                where.append((row_index, col_index))
                continue
            row_at, col_at = _int(addr.get("rowAddr"), -1), _int(addr.get("colAddr"), -1)
            if not (0 <= row_at < MAX_ROWS and 0 <= col_at < MAX_COLUMNS):
                return None
            where.append((row_at, col_at))
    if not where:
        return [], []
    height = max(max(r for r, _ in where) + 1, n_rows if 0 < n_rows < MAX_ROWS else 0)
    width = max(max(c for _, c in where) + 1, n_cols if 0 < n_cols < MAX_COLUMNS else 0)
    if height * width > 4 * len(where) + 10_000:         # a few cells claiming a vast grid
        return None
    return [[""] * width for _ in range(height)], where


def _tidy(lines: list[str]) -> str:
    """Join lines: trailing blanks trimmed, runs of empty lines collapsed, one final newline."""
    out: list[str] = []
    for line in lines:
        line = line.rstrip(" \u00a0")
        if not line and (not out or not out[-1]):
            continue
        out.append(line)
    while out and not out[-1]:
        out.pop()
    return "\n".join(out) + ("\n" if out else "")

