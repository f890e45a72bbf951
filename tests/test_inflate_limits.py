"""Decompression bombs (issue 21): every compressed part a reader opens is inflated a chunk at
a time against one budget per document, ``FUNDPARSE_MAX_INFLATE_MB`` (default 100 MiB).

HWPX zip members (however many, whatever sizes they declare), HWP 5 section streams and PDF
FlateDecode streams (once or twice compressed) past the limit are refused with one line, exit
2; raising the limit reads the same file.
"""

from __future__ import annotations

import io
import tracemalloc
import zipfile
import zlib

import pytest

from fundparse.readers import ReadError, read_bytes
from fundparse.readers.inflate import ENV, Budget, inflate

from conftest import HP, pdf_of_objects
from test_readers_hwp import para as hwp_para
from test_readers_hwp import synthetic_hwp

MIB = 1 << 20


def _section(body: str) -> str:
    return (f'<?xml version="1.0" encoding="UTF-8"?><hs:sec xmlns:hp="{HP}" '
            f'xmlns:hs="http://www.hancom.co.kr/hwpml/2011/section">{body}</hs:sec>')


def _para(text: str) -> str:
    return f"<hp:p><hp:run><hp:t>{text}</hp:t></hp:run></hp:p>"


def hwpx(sections: list[str]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/hwp+zip")
        for i, section in enumerate(sections):
            archive.writestr(f"Contents/section{i}.xml", section)
    return buf.getvalue()


def just_under_a_mib() -> str:
    return _section(" " * (MIB - 400) + _para("1억 원"))


# --- HWPX ------------------------------------------------------------------------------------

def test_190_members_just_under_a_mib_are_refused_whatever_the_count():
    data = hwpx([just_under_a_mib()] * 190)
    assert len(data) < 1_000_000
    with pytest.raises(ReadError, match=r"190 sections declare .* over the limit of 100 MiB: "
                                        r"refused \(zip bomb\?\); raise FUNDPARSE_MAX_INFLATE_MB"):
        read_bytes(data, "many.hwpx")


def test_the_limit_is_the_users_to_lower_and_raise(monkeypatch):
    data = hwpx([just_under_a_mib()] * 6)
    assert read_bytes(data, "six.hwpx").text.count("1억 원") == 6
    monkeypatch.setenv(ENV, "4")
    with pytest.raises(ReadError, match="over the limit of 4 MiB"):
        read_bytes(data, "six.hwpx")
    monkeypatch.setenv(ENV, "7")
    assert read_bytes(data, "six.hwpx").text.count("1억 원") == 6


@pytest.mark.parametrize("value", ["lots", "0", "-5", "1.5", "9" * 12])
def test_a_malformed_limit_is_a_read_error(monkeypatch, value):
    monkeypatch.setenv(ENV, value)
    with pytest.raises(ReadError, match=f"{ENV} must be a whole number of MiB"):
        read_bytes(hwpx([_section(_para("1억 원"))]), "a.hwpx")


def _declare(data: bytes, member: bytes, size: int) -> bytes:
    """Rewrite the uncompressed size the local and central headers declare for ``member``."""
    out = bytearray(data)
    for signature, size_at, name_len_at, name_at in ((b"PK\x03\x04", 22, 26, 30),
                                                      (b"PK\x01\x02", 24, 28, 46)):
        at = out.find(signature)
        while at >= 0:
            name_len = int.from_bytes(out[at + name_len_at:at + name_len_at + 2], "little")
            if out[at + name_at:at + name_at + name_len] == member:
                out[at + size_at:at + size_at + 4] = size.to_bytes(4, "little")
            at = out.find(signature, at + 4)
    return bytes(out)


def test_a_member_lying_about_its_size_is_refused_before_memory_grows(monkeypatch):
    """64 MiB that declares 3 MiB (and so passes the ratio check) under a 4 MiB limit: the
    read stops at what is declared or counted, never holding the 64 MiB."""
    monkeypatch.setenv(ENV, "4")
    honest = hwpx([_section(" " * (64 * MIB) + _para("1억 원"))])
    lying = _declare(honest, b"Contents/section0.xml", 3 * MIB)
    tracemalloc.start()
    try:
        with pytest.raises(ReadError):
            read_bytes(lying, "liar.hwpx")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 16 * MIB, peak


def test_sections_counted_together_not_one_by_one(monkeypatch):
    """Members that each declare little but together inflate past the limit."""
    monkeypatch.setenv(ENV, "2")
    sections = [_section(" " * (MIB - 400) + _para("1억 원"))] * 3
    honest = hwpx(sections)
    with pytest.raises(ReadError, match="zip bomb"):
        read_bytes(honest, "three.hwpx")
    lying = honest
    for i in range(3):
        lying = _declare(lying, f"Contents/section{i}.xml".encode(), 1000)
    with pytest.raises(ReadError):
        read_bytes(lying, "three.hwpx")


# --- HWP 5 -----------------------------------------------------------------------------------

def test_an_hwp_section_inflating_past_the_limit_is_refused(monkeypatch):
    body = hwp_para(0, "사업비 1억 원") * 200_000                # about 6 MiB of records
    data = synthetic_hwp(props=1, body=body)
    assert len(data) < MIB
    monkeypatch.setenv(ENV, "4")
    with pytest.raises(ReadError, match=r"HWP section BodyText/Section0 inflates past 4 MiB: "
                                        r"refused \(deflate bomb\?\)"):
        read_bytes(data, "bomb.hwp")
    monkeypatch.setenv(ENV, "16")
    assert read_bytes(data, "bomb.hwp").text.count("사업비 1억 원") == 200_000


# --- PDF -------------------------------------------------------------------------------------

def pdf_with_content(stream: bytes, filters: str, images: tuple[bytes, ...] = ()) -> bytes:
    """A one-page PDF whose content stream is ``stream`` under ``/Filter filters``, with
    deflated image XObjects of the given raw bytes beside it."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter %s >>\nstream\n" % (len(stream), filters.encode()) + stream
        + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    for raw in images:
        packed = zlib.compress(raw, 9)
        objects.append(b"<< /Type /XObject /Subtype /Image /Width %d /Height 1 /ColorSpace "
                       b"/DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\n"
                       b"stream\n" % (len(raw), len(packed)) + packed + b"\nendstream")
    return pdf_of_objects(objects)


CONTENT = b" " * (6 * MIB) + b"BT /F1 14 Tf 20 100 Td (USD 500) Tj ET"


@pytest.mark.parametrize("layers", [1, 2])
def test_a_pdf_flate_bomb_is_refused(monkeypatch, layers):
    pytest.importorskip("pdfplumber", reason="fundparse[pdf] extra (pdfplumber) not installed")
    stream = CONTENT
    for _ in range(layers):
        stream = zlib.compress(stream, 9)
    data = pdf_with_content(stream, "[" + " /FlateDecode" * layers + " ]")
    assert len(data) < 100_000
    monkeypatch.setenv(ENV, "4")
    with pytest.raises(ReadError, match=r"PDF stream inflates past 4 MiB: refused \(deflate bomb\?\)"):
        read_bytes(data, "bomb.pdf")
    monkeypatch.setenv(ENV, "32")
    assert "USD 500" in read_bytes(data, "bomb.pdf").text


def test_images_are_bounded_one_by_one_not_together(monkeypatch):
    """pdfminer does not inflate images to read text: three 3 MiB images under a 4 MiB limit
    are read; one 8 MiB image is still refused."""
    pytest.importorskip("pdfplumber", reason="fundparse[pdf] extra (pdfplumber) not installed")
    monkeypatch.setenv(ENV, "4")
    text = b"BT /F1 14 Tf 20 100 Td (USD 500) Tj ET"
    scanned = pdf_with_content(zlib.compress(text), "/FlateDecode", images=(bytes(3 * MIB),) * 3)
    assert "USD 500" in read_bytes(scanned, "scanned.pdf").text
    big = pdf_with_content(zlib.compress(text), "/FlateDecode", images=(bytes(8 * MIB),))
    with pytest.raises(ReadError, match="PDF stream inflates past 4 MiB"):
        read_bytes(big, "big.pdf")


# --- the inflater itself ---------------------------------------------------------------------

def test_inflate_counts_every_chunk_and_keeps_the_budget_across_calls():
    packed = zlib.compress(b"x" * (3 * MIB))
    budget = Budget(limit=5 * MIB)
    assert inflate(packed, budget, "first") == b"x" * (3 * MIB)
    assert budget.used == 3 * MIB
    with pytest.raises(ReadError, match="second inflates past 5 MiB"):
        inflate(packed, budget, "second")
    with pytest.raises(zlib.error):
        inflate(packed[:-10], Budget(limit=5 * MIB), "cut")


# --- the command -----------------------------------------------------------------------------

def test_the_command_refuses_a_bomb_with_one_line_and_exit_2(cli, tmp_path):
    (tmp_path / "many.hwpx").write_bytes(hwpx([just_under_a_mib()] * 190))
    (tmp_path / "good.txt").write_text("사업비 5억 원을 들인다.\n", encoding="utf-8")
    done = cli("extract", "--format", "jsonl", tmp_path)
    assert done.returncode == 2
    (line,) = done.stderr.splitlines()
    assert line.startswith(f"fundparse: {tmp_path / 'many.hwpx'}: ") and "zip bomb" in line
    assert '"krw": 500000000' in done.stdout
    raised = cli("extract", "--format", "jsonl", tmp_path / "many.hwpx", env={ENV: "1"})
    assert raised.returncode == 2 and "over the limit of 1 MiB" in raised.stderr
