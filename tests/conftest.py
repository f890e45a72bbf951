"""Shared fixtures: run the installed ``fundparse`` command, build an HWPX file, write a
minimal PDF."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import pytest


def fundparse_command() -> list[str]:
    """The console script installed beside this interpreter, else ``python -m fundparse``."""
    script = shutil.which("fundparse", path=os.path.dirname(sys.executable))
    return [script] if script else [sys.executable, "-m", "fundparse"]


def no_floats(obj) -> None:
    """Assert no float anywhere in a contract dict (money is Decimal strings and ints)."""
    assert not isinstance(obj, float), obj
    if isinstance(obj, dict):
        for value in obj.values():
            no_floats(value)
    elif isinstance(obj, list):
        for value in obj:
            no_floats(value)


def cli_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("FUNDPARSE_") and k not in ("NO_COLOR", "COLUMNS")}
    env.update(extra)
    return env


@pytest.fixture
def cli():
    """``cli(*args, input=bytes|str, cwd=..., env={...})`` -> CompletedProcess (text)."""

    def run(*args: str | os.PathLike[str], input: bytes | str | None = None,
            cwd: str | os.PathLike[str] | None = None, env: dict[str, str] | None = None,
            timeout: float = 120) -> subprocess.CompletedProcess[str]:
        data = input.encode("utf-8") if isinstance(input, str) else input
        done = subprocess.run([*fundparse_command(), *map(str, args)], input=data,
                              capture_output=True, cwd=cwd, env=cli_env(**(env or {})),
                              timeout=timeout, stdin=None if data is not None else subprocess.DEVNULL)
        return subprocess.CompletedProcess(done.args, done.returncode,
                                           done.stdout.decode("utf-8"), done.stderr.decode("utf-8"))

    return run


HP = "http://www.hancom.co.kr/hwpml/2011/paragraph"


def _para(text: str) -> str:
    return f'<hp:p><hp:run><hp:t>{escape(text)}</hp:t></hp:run></hp:p>'


def _table(rows: list[list[str]]) -> str:
    cells = []
    for r, row in enumerate(rows):
        tcs = "".join(
            f'<hp:tc><hp:subList>{_para(cell)}</hp:subList>'
            f'<hp:cellAddr colAddr="{c}" rowAddr="{r}"/><hp:cellSpan colSpan="1" rowSpan="1"/></hp:tc>'
            for c, cell in enumerate(row))
        cells.append(f"<hp:tr>{tcs}</hp:tr>")
    return (f'<hp:p><hp:run><hp:tbl rowCnt="{len(rows)}" colCnt="{len(rows[0])}">'
            f'{"".join(cells)}</hp:tbl></hp:run></hp:p>')


def build_hwpx(paragraphs: list[str], table: list[list[str]] | None = None,
               after: list[str] = ()) -> bytes:
    """An HWPX package: mimetype, Contents/content.hpf naming one section, and the section's
    paragraphs (``hp:p``/``hp:run``/``hp:t``), an optional table, and more paragraphs."""
    body = "".join(_para(p) for p in paragraphs)
    if table:
        body += _table(table)
    body += "".join(_para(p) for p in after)
    section = (f'<?xml version="1.0" encoding="UTF-8"?>'
               f'<hs:sec xmlns:hs="http://www.hancom.co.kr/hwpml/2011/section" '
               f'xmlns:hp="{HP}">{body}</hs:sec>')
    manifest = ('<?xml version="1.0" encoding="UTF-8"?>'
                '<opf:package xmlns:opf="http://www.idpf.org/2007/opf/"><opf:manifest>'
                '<opf:item id="section0" href="Contents/section0.xml" media-type="application/xml"/>'
                '</opf:manifest><opf:spine><opf:itemref idref="section0"/></opf:spine></opf:package>')
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/hwp+zip")
        z.writestr("Contents/content.hpf", manifest, compress_type=zipfile.ZIP_DEFLATED)
        z.writestr("Contents/section0.xml", section, compress_type=zipfile.ZIP_DEFLATED)
    return buf.getvalue()


@pytest.fixture
def hwpx():
    """``hwpx(paragraphs, table_rows, after)`` -> HWPX bytes."""
    return build_hwpx


@pytest.fixture
def repo_root() -> Path:
    return Path(__file__).resolve().parents[1]


def pdf_of_objects(objects: list[bytes]) -> bytes:
    """A PDF file of ``objects`` (numbered 1, 2, …; object 1 the catalog), with its xref table
    and trailer computed: the one minimal PDF writer of the tests."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\n" % (len(objects) + 1)
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def minimal_pdf(text: str) -> bytes:
    """A one-page PDF with ``text`` (Latin-1) in Helvetica."""
    stream = f"BT /F1 14 Tf 20 100 Td ({text}) Tj ET".encode("latin-1")
    return pdf_of_objects([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ])
