"""PDF reader: text in reading order, ruled tables as tab rows, letter spacing, undecodable
pages reported (not guessed), page starts, bad input.  All PDFs are generated here with
reportlab's built-in Korean CID fonts, so nothing outside the repository is needed."""

from __future__ import annotations

import io
import re

import pytest

pytest.importorskip("pdfplumber", reason="fundparse[pdf] extra (pdfplumber) not installed")
pytest.importorskip("reportlab", reason="reportlab (test extra) not installed")

from reportlab.pdfbase import pdfmetrics  # noqa: E402
from reportlab.pdfbase.cidfonts import UnicodeCIDFont  # noqa: E402
from reportlab.pdfgen import canvas  # noqa: E402

from fundparse.readers import ReadError  # noqa: E402
from fundparse.readers.pdf import compose_line, read_pdf  # noqa: E402

from conftest import pdf_of_objects  # noqa: E402

MYEONGJO = "HYSMyeongJo-Medium"
GOTHIC = "HYGothic-Medium"
pdfmetrics.registerFont(UnicodeCIDFont(MYEONGJO))
pdfmetrics.registerFont(UnicodeCIDFont(GOTHIC))

RELEASE = "총사업비 281억 원(국비 121, 지방비 160)을 투입한다."


def make_pdf(*pages) -> bytes:
    """Each page is a function drawing on the canvas."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pageCompression=0)
    for draw in pages:
        draw(c)
        c.showPage()
    c.save()
    return buf.getvalue()


def ruled_table(c, x0: float, top: float, widths: list[float], rows: list[list[str]],
                font: str = MYEONGJO, height: float = 20) -> None:
    xs = [x0]
    for w in widths:
        xs.append(xs[-1] + w)
    ys = [top - i * height for i in range(len(rows) + 1)]
    for x in xs:
        c.line(x, ys[0], x, ys[-1])
    for y in ys:
        c.line(xs[0], y, xs[-1], y)
    c.setFont(font, 11)
    for r, row in enumerate(rows):
        for k, text in enumerate(row):
            c.drawString(xs[k] + 4, ys[r] - 14, text)


def spaced(c, x: float, y: float, text: str, font: str = MYEONGJO, size: float = 12,
           gap: float = 8) -> None:
    """Draw each character on its own, ``gap`` points apart (letter spacing)."""
    c.setFont(font, size)
    for ch in text:
        c.drawString(x, y, ch)
        x += pdfmetrics.stringWidth(ch, font, size) + gap


def strip_unicode_map(pdf: bytes, font: str) -> bytes:
    """Make ``font`` undecodable: Identity-H encoding and an unknown character collection.

    Text-extraction then sees raw glyph ids, (cid:N), exactly as with an embedded font whose
    ToUnicode map is missing.  Same-length edits keep the cross-reference table valid.
    """
    start = pdf.index(f"/BaseFont /{font} /DescendantFonts".encode())
    end = pdf.index(b"/Name /F", start)
    obj = pdf[start:end]
    patched = obj.replace(b"/Encoding /UniKS-UCS2-H", b"/Encoding /Identity-H  ")
    patched = patched.replace(b"(Korea1)", b"(Ident1)")
    assert patched != obj and len(patched) == len(obj)
    return pdf[:start] + patched + pdf[end:]


# --------------------------------------------------------------------------------------


def test_release_text_and_ruled_table_rows():
    def page(c):
        c.setFont(MYEONGJO, 12)
        c.drawString(72, 760, "○○시, 복합문화센터 건립 추진")
        c.drawString(72, 735, RELEASE)
        c.drawString(72, 700, "(단위: 백만원)")
        ruled_table(c, 72, 690, [110, 90, 90, 90], [
            ["구분", "계", "국비", "지방비"],
            ["2023년", "5,000", "2,000", "3,000"],
            ["합계", "28,100", "12,100", "16,000"],
        ])
        c.setFont(MYEONGJO, 12)
        c.drawString(72, 590, "사업은 2026년 완공 예정이다.")

    text, starts, notes = read_pdf(make_pdf(page))
    assert notes == ()
    assert starts == (0,)
    assert text == (
        "○○시, 복합문화센터 건립 추진\n"
        f"{RELEASE}\n"
        "(단위: 백만원)\n"
        "구분\t계\t국비\t지방비\n"
        "2023년\t5,000\t2,000\t3,000\n"
        "합계\t28,100\t12,100\t16,000\n"
        "사업은 2026년 완공 예정이다.\n"
    )


def test_merged_table_cell_keeps_first_slot():
    def page(c):
        c.setFont(MYEONGJO, 11)
        # 2 rows × 3 columns; the top row's first cell spans two columns.
        xs, ys = [72, 172, 272, 372], [700, 680, 660]
        c.line(72, 700, 372, 700)
        c.line(72, 680, 372, 680)
        c.line(72, 660, 372, 660)
        for x in xs:
            c.line(x, 700 if x != 172 else 680, x, 660)
        c.drawString(76, 686, "사업비 (단위: 억 원)")
        c.drawString(276, 686, "비고")
        for k, t in enumerate(["국비", "121", "지방비 160"]):
            c.drawString(xs[k] + 4, 666, t)

    text, _, notes = read_pdf(make_pdf(page))
    assert notes == ()
    assert text.splitlines() == ["사업비 (단위: 억 원)\t\t비고", "국비\t121\t지방비 160"]


def test_letter_spaced_line_is_joined():
    def page(c):
        spaced(c, 72, 760, "총 281억 원", gap=8)          # space glyph drawn too
        c.setFont(MYEONGJO, 12)
        c.drawString(72, 730, "보통 줄 281억 원")
        x = 72                                           # no space glyph, only a wider gap
        for word in ("보", "도", None, "자", "료"):
            if word is None:
                x += 10
                continue
            c.drawString(x, 700, word)
            x += 12 + 6

    text, _, notes = read_pdf(make_pdf(page))
    assert notes == ()
    assert text.splitlines() == ["총 281억 원", "보통 줄 281억 원", "보도 자료"]


def test_columns_of_single_figures_are_not_joined():
    # Wide, regular gaps are columns, not letter spacing: "5 3 2" must not become "532".
    def page(c):
        c.setFont(MYEONGJO, 12)
        for k, t in enumerate(["계", "5", "3", "2"]):
            c.drawString(72 + 60 * k, 760, t)

    text, _, _ = read_pdf(make_pdf(page))
    assert text == "계 5 3 2\n"


def test_page_without_unicode_map_is_reported_not_guessed():
    def page(c):
        c.setFont(MYEONGJO, 12)
        c.drawString(72, 760, "총사업비")
        c.setFont("Helvetica", 12)
        c.drawString(130, 760, "281")                   # digits in a decodable font
        c.setFont(MYEONGJO, 12)
        c.drawString(155, 760, "억 원을 투입한다.")

    def fine(c):
        c.setFont(GOTHIC, 12)
        c.drawString(72, 760, "둘째 쪽은 읽힌다: 국비 121억 원")

    pdf = strip_unicode_map(make_pdf(page, fine), MYEONGJO)
    text, starts, notes = read_pdf(pdf)
    assert notes == ("page 1: text not decodable",)
    assert "281" not in text and "cid" not in text
    assert text == "둘째 쪽은 읽힌다: 국비 121억 원\n"
    assert starts == (0, 0)


def test_a_few_unmappable_glyphs_drop_only_their_line():
    def page(c):
        c.setFont(GOTHIC, 11)
        for i in range(12):
            c.drawString(72, 760 - 18 * i, f"{i + 1}. 이 줄은 정상적으로 읽히는 문장입니다 (사업비 {i + 10}억 원).")
        c.setFont(MYEONGJO, 11)
        c.drawString(72, 500, "억")
        c.setFont("Helvetica", 11)
        c.drawString(86, 500, "281")

    text, _, notes = read_pdf(strip_unicode_map(make_pdf(page), MYEONGJO))
    assert notes == ("page 1: 1 line not decodable, skipped",)
    assert "281" not in text
    assert text.splitlines()[0] == "1. 이 줄은 정상적으로 읽히는 문장입니다 (사업비 10억 원)."
    assert len(text.splitlines()) == 12


def test_multi_page_starts_and_blank_or_scanned_pages():
    from PIL import Image
    from reportlab.lib.utils import ImageReader

    def p1(c):
        c.setFont(MYEONGJO, 12)
        c.drawString(72, 760, "첫째 쪽")
        c.drawString(72, 740, RELEASE)

    def blank(c):
        pass

    def scanned(c):
        c.drawImage(ImageReader(Image.new("L", (40, 40), 128)), 72, 600, 200, 200)

    def p4(c):
        c.setFont(GOTHIC, 12)
        c.drawString(72, 760, "넷째 쪽: 지방비 160억 원")

    text, starts, notes = read_pdf(make_pdf(p1, blank, scanned, p4))
    assert notes == ("page 2: no text layer", "page 3: no text layer (scanned?)")
    assert len(starts) == 4
    assert starts[0] == 0
    assert starts[1] == starts[2] == starts[3] == text.index("넷째 쪽")
    assert text[starts[0]:starts[1]] == f"첫째 쪽\n{RELEASE}\n"
    assert text[starts[3]:] == "넷째 쪽: 지방비 160억 원\n"


def test_compose_line_rules_on_synthetic_chars():
    def chars(spec):
        out, x = [], 0.0
        for text, advance, gap in spec:
            out.append({"text": text, "x0": x, "x1": x + advance, "top": 0.0,
                        "bottom": 10.0, "size": 10.0})
            x += advance + gap
        return out

    # Normal setting: explicit space glyph and tight neighbours.
    assert compose_line(chars([("국", 10, 0), ("비", 10, 0), (" ", 3, 0), ("1", 5, 0)])) == ("국비 1", False)
    # Letter-spaced without space glyphs: word break only where the gap grows.
    spec = [("2", 5, 6), ("8", 5, 6), ("1", 5, 6), ("억", 10, 9), ("원", 10, 0)]
    assert compose_line(chars(spec)) == ("281억 원", False)
    # Private-use glyphs vanish; a (cid:N) glyph marks the line as lost.
    assert compose_line(chars([("\uf06e", 8, 2), ("가", 10, 0)])) == ("가", False)
    assert compose_line(chars([("(cid:1234)", 10, 0), ("1", 5, 0)]))[1] is True
    assert compose_line(chars([("2", 5, 0), ("8", 5, 0), ("(cid:7)", 10, 4), ("원", 10, 0)]))[1] is True
    # ... except a lone one at the start of the line: a bullet from a symbol font.
    assert compose_line(chars([("(cid:13)", 6, 4), ("항", 10, 0), ("목", 10, 0)])) == ("항목", False)
    assert compose_line(chars([("(cid:13)", 6, 4), ("2", 5, 0), ("8", 5, 0)]))[1] is True
    # Dot leaders are not letter spacing: the word gap after them still counts.
    leader = [(".", 2, 2)] * 6
    spec = [("A", 6, 0), ("S", 6, 0), ("N", 6, 3), ("s", 5, 0), ("y", 5, 2)] + leader + [("2", 5, 0)]
    assert compose_line(chars(spec))[0] == "ASN sy......2"


@pytest.mark.parametrize("data,pattern", [
    (b"", "not a PDF"),
    (b"hello, this is plain text\n" * 10, "not a PDF"),
    ("총사업비 281억 원".encode("utf-8"), "not a PDF"),
    (b"%PDF-1.4\n" + b"\x00garbage" * 50 + b"\n%%EOF\n", None),
])
def test_not_a_pdf_is_a_read_error(data, pattern):
    with pytest.raises(ReadError) as err:
        read_pdf(data)
    message = str(err.value)
    assert message and "\n" not in message
    if pattern:
        assert re.search(pattern, message)


def test_password_pdf_is_refused_but_owner_only_protection_reads():
    from reportlab.lib import pdfencrypt

    def make(encrypt) -> bytes:
        buf = io.BytesIO()
        c = canvas.Canvas(buf, encrypt=encrypt)
        c.setFont("Helvetica", 12)  # pdfminer leaves reportlab's CID fonts unmapped once encrypted
        c.drawString(72, 760, "Total project cost: KRW 28,100,000,000")
        c.showPage()
        c.save()
        return buf.getvalue()

    with pytest.raises(ReadError, match="^password-protected PDF$"):
        read_pdf(make("user-secret"))
    owner_only = pdfencrypt.StandardEncryption("", ownerPassword="owner", canPrint=0)
    assert read_pdf(make(owner_only)) == ("Total project cost: KRW 28,100,000,000\n", (0,), ())


def test_truncated_pdf_is_a_read_error():
    def page(c):
        c.setFont(MYEONGJO, 12)
        c.drawString(72, 760, RELEASE)

    pdf = make_pdf(page, page)
    for cut in (len(pdf) - 30, len(pdf) // 2, 200):
        with pytest.raises(ReadError):
            read_pdf(pdf[:cut])


def test_a_cyclic_object_reference_is_reported_not_hung_on(monkeypatch):
    """pdfminer follows "3 0 obj 3 0 R" for ever; the reader's time limit turns that into a
    one-line ReadError (the limit is shortened here through its environment variable)."""
    from fundparse.readers import ReadError as _ReadError
    from fundparse.readers.pdf import read_pdf as _read_pdf

    monkeypatch.setenv("FUNDPARSE_PDF_SECONDS", "2")
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"3 0 R"]
    data = pdf_of_objects(objects)
    with pytest.raises(_ReadError, match="could not be read within 2 s"):
        _read_pdf(data)
