"""Readers: bytes → text for plain text, HTML and HWPX, and dispatch to the HWP/PDF readers."""

from __future__ import annotations

import io
import os
import struct
import sys
import threading
import types
import unicodedata
import zipfile
from pathlib import Path

import pytest

from fundparse.readers import (
    DEFAULT_GLOBS,
    Document,
    ReadError,
    iter_text_chunks,
    page_of,
    read_bytes,
    read_path,
)

from conftest import minimal_pdf

KOREAN = ("2023년부터 2026년까지 4년간 281억 원(국비 121, 지방비 160)을 투입한다.\n"
          "사업비는 총 28,100,000,000원이다.\n")
CP949_ONLY = "똠방각하 햏 뷁 : 총사업비 5억 원\n"          # syllables outside KS X 1001
FIXTURES = Path(__file__).resolve().parents[2] / "shared" / "fixtures" / "hwpx"  # beside the clone (CI)


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


# --------------------------------------------------------------------------------------
# Plain text


@pytest.mark.parametrize("raw, encoding", [
    (KOREAN.encode("utf-8"), "utf-8"),
    (b"\xef\xbb\xbf" + KOREAN.encode("utf-8"), "utf-8-sig"),
    (KOREAN.encode("cp949"), "euc-kr"),              # KS X 1001 text is valid EUC-KR
    (KOREAN.encode("euc_kr"), "euc-kr"),
    (b"\xff\xfe" + KOREAN.encode("utf-16-le"), "utf-16"),
    (b"\xfe\xff" + KOREAN.encode("utf-16-be"), "utf-16"),
])
def test_plain_text_encodings(tmp_path, raw, encoding):
    doc = read_path(write(tmp_path, "release.txt", raw))
    assert doc.text == KOREAN
    assert (doc.format, doc.encoding, doc.pages, doc.notes) == ("text", encoding, (), ())
    assert doc.path == str(tmp_path / "release.txt")


def test_cp949_only_syllables_survive(tmp_path):
    doc = read_path(write(tmp_path, "a.txt", (KOREAN + CP949_ONLY).encode("cp949")))
    assert doc.encoding == "cp949"
    assert doc.text == KOREAN + CP949_ONLY
    assert "똠" in doc.text and "햏" in doc.text and "뷁" in doc.text


def test_euc_kr_eight_byte_jamo_sequence_is_read_as_euc_kr():
    # Python's EUC-KR writes 똠 as the KS X 1001:1998 8-byte form; CP949 would split it.
    doc = read_bytes("똠 5억 원".encode("euc_kr"))
    assert (doc.text, doc.encoding) == ("똠 5억 원", "euc-kr")


def test_crlf_kept_and_bom_stripped():
    doc = read_bytes(b"\xef\xbb\xbf\xea\xb0\x80\r\n\xeb\x82\x98\r\n")
    assert doc.text == "가\r\n나\r\n"


def test_nfd_hangul_becomes_nfc(tmp_path):
    nfd = unicodedata.normalize("NFD", KOREAN)
    assert nfd != KOREAN
    for raw in (nfd.encode("utf-8"), b"\xff\xfe" + nfd.encode("utf-16-le")):
        assert read_path(write(tmp_path, "nfd.txt", raw)).text == KOREAN


def test_empty_file_is_empty_text(tmp_path):
    doc = read_path(write(tmp_path, "empty.txt", b""))
    assert (doc.text, doc.format) == ("", "text")
    assert read_bytes(b"", "x.html").format == "html"


@pytest.mark.parametrize("raw", [
    b"\x80\x81 abc \xff\xfe",                      # no encoding reads these
    b"abc \xc9\x20 def",                           # Latin-1 'É' then a space: not CP949
])
def test_undecodable_bytes_are_refused_not_guessed(raw):
    with pytest.raises(ReadError, match="cannot decode: not UTF-8, UTF-16 or CP949"):
        read_bytes(raw, "x.txt")


def test_utf8_with_a_stray_byte_is_not_read_as_cp949():
    raw = KOREAN.encode("utf-8") * 3
    damaged = raw[:40] + b"\xb0" + raw[40:]
    with pytest.raises(ReadError, match="cannot decode"):
        read_bytes(damaged)


def test_binary_is_refused(tmp_path):
    junk = bytes(range(256)) * 8
    with pytest.raises(ReadError, match="binary file"):
        read_path(write(tmp_path, "junk.txt", junk))
    with pytest.raises(ReadError, match="PNG image"):
        read_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + junk)
    controls = bytes([1, 2, 3, 4, 5, 6, 7, 8, 14, 15, 16]) * 50 + b"abc"
    with pytest.raises(ReadError, match="binary file"):
        read_bytes(controls)
    with pytest.raises(ReadError, match="binary file"):
        read_bytes(b"\xff\xfe" + "가\x00나".encode("utf-16-le"))


def test_random_binary_file_raises_read_error(tmp_path):
    raw = os.urandom(1 << 16)
    with pytest.raises(ReadError):
        read_path(write(tmp_path, "random.bin", raw))


def test_read_bytes_default_name_and_stdin(monkeypatch):
    assert read_bytes(KOREAN.encode()).path == "-"
    fake = types.SimpleNamespace(buffer=io.BytesIO(KOREAN.encode("cp949")))
    monkeypatch.setattr(sys, "stdin", fake)
    doc = read_path("-")
    assert (doc.path, doc.text, doc.encoding) == ("-", KOREAN, "euc-kr")


# --------------------------------------------------------------------------------------
# Paths that are not regular files


def test_missing_file_and_broken_symlink(tmp_path):
    with pytest.raises(ReadError, match="no such file"):
        read_path(tmp_path / "absent.txt")
    link = tmp_path / "dangling.txt"
    link.symlink_to(tmp_path / "gone.txt")
    with pytest.raises(ReadError, match="broken symbolic link"):
        read_path(link)
    with pytest.raises(ReadError, match="broken symbolic link"):
        list(iter_text_chunks(link))


def test_directory_is_refused(tmp_path):
    with pytest.raises(ReadError, match="directory"):
        read_path(tmp_path)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="os.mkfifo is POSIX-only")
def test_fifo_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    outcome: list[BaseException | Document] = []

    def attempt() -> None:
        try:
            outcome.append(read_path(fifo))
        except BaseException as exc:   # noqa: BLE001 - recorded for the assertion
            outcome.append(exc)

    worker = threading.Thread(target=attempt, daemon=True)
    worker.start()
    worker.join(timeout=5)
    assert not worker.is_alive(), "read_path blocked on a FIFO"
    assert isinstance(outcome[0], ReadError) and "FIFO" in str(outcome[0])


# --------------------------------------------------------------------------------------
# HTML

PAGE = """<!DOCTYPE html>
<html lang="ko"><head><meta charset="utf-8"><title>보도자료</title>
<style>p { color: red }</style><script>var budget = "999억 원";</script></head>
<body>
<header><nav><a href="/">홈</a> <a href="/news">뉴스</a></nav>사이트 머리말</header>
<form action="/search"><label>검색어</label><input name="q"><button>검색</button>
<select><option>전체</option><option>제목</option></select></form>
<article>
  <header><h1>구미시,   스마트 산단에 281억&nbsp;원 투입</h1></header>
  <p>총사업비 281억 원(국비 121&amp;지방비 160)을<br>2026년까지 투입한다.</p>
  <!-- 편집자 주석: 999억 -->
  <noscript>자바스크립트를 켜세요</noscript>
  <p>비교: 3 &lt; 5, &#xAC00;&#xB098;, &#45824;</p>
  <table>
    <caption>재원 내역 (단위: 억 원)</caption>
    <tr><th>구분</th><th>합계</th><th>국비</th><th>지방비</th></tr>
    <tr><td rowspan="2">2024</td><td>100</td><td>40</td><td>60</td></tr>
    <tr><td>181</td><td>81</td><td>100</td></tr>
    <tr><td colspan="2">소계</td><td>121</td><td>160</td></tr>
    <tr><td><table><tr><td>내부</td><td>표</td></tr></table></td><td><p>둘째</p><p>문단</p></td></tr>
  </table>
  <pre>줄 하나
줄   둘</pre>
  <template><p>숨은 틀</p></template>
  <aside>관련 기사 500억</aside>
</article>
<svg><text>그림 글자</text></svg><iframe src="x"></iframe>
<footer>ⓒ 구미시 전화 054</footer>
</body></html>
"""

PAGE_TEXT = "\n".join([
    "구미시, 스마트 산단에 281억 원 투입",
    "총사업비 281억 원(국비 121&지방비 160)을",
    "2026년까지 투입한다.",
    "비교: 3 < 5, 가나, 대",
    "재원 내역 (단위: 억 원)",
    "구분\t합계\t국비\t지방비",
    "2024\t100\t40\t60",
    "\t181\t81\t100",
    "소계\t\t121\t160",
    "내부 표\t둘째 문단",
    "줄 하나",
    "줄 둘",
])


def test_html_visible_text(tmp_path):
    doc = read_path(write(tmp_path, "news.html", PAGE.encode("utf-8")))
    assert doc.format == "html" and doc.encoding == "utf-8"
    assert doc.text == PAGE_TEXT


def test_html_detected_by_content_and_charset_from_meta(tmp_path):
    page = PAGE.replace('<meta charset="utf-8">',
                        '<meta http-equiv="Content-Type" content="text/html; charset=euc-kr">')
    doc = read_path(write(tmp_path, "news.asp", page.encode("cp949")))
    assert doc.format == "html" and doc.encoding == "euc-kr"
    assert doc.text == PAGE_TEXT and doc.notes == ()


def test_html_declared_charset_that_lies_is_noted():
    page = PAGE.replace('<meta charset="utf-8">', '<meta charset="euc-kr">')
    doc = read_bytes(page.encode("utf-8"), "a.html")
    assert doc.text == PAGE_TEXT and doc.encoding == "utf-8"
    assert doc.notes == ("declared charset euc-kr, read as utf-8",)


def test_html_other_declared_charset_is_the_fallback():
    page = ('<html><head><meta charset="windows-1252"></head>'
            '<body><p>Caf\xe9 \xab5\xbb</p></body></html>')
    doc = read_bytes(page.encode("cp1252"), "a.html")
    assert (doc.text, doc.encoding) == ("Caf\xe9 \xab5\xbb", "cp1252")
    with pytest.raises(ReadError, match="^cannot decode: not UTF-8, UTF-16 or CP949$"):
        read_bytes(page.replace("windows-1252", "utf-8").encode("cp1252"), "a.html")


def test_html_odd_markup_reads_or_refuses_cleanly():
    page = "<html><p>가<![if !supportLists]>나<![endif]>다</p><![x y>라<![OCTYPE html>마</html>"
    assert read_bytes(page.encode(), "a.html").text == "가나다\n라마"
    page = '<!doctype html><meta charset="uu"><p>\x80\x81</p>'     # a bytes-to-bytes codec
    with pytest.raises(ReadError, match="cannot decode"):
        read_bytes(page.encode("latin-1"), "a.html")


def test_html_utf16_with_bom():
    doc = read_bytes(b"\xff\xfe" + PAGE.encode("utf-16-le"))
    assert (doc.format, doc.encoding, doc.text) == ("html", "utf-16", PAGE_TEXT)


def test_html_page_wrapped_in_a_form_keeps_its_content():
    page = ("<html><body><form id='aspnetForm'><div><h2>예산</h2><p>사업비 10억 원</p></div>"
            "</form><form><input><label>아이디</label></form></body></html>")
    assert read_bytes(page.encode(), "a.html").text == "예산\n사업비 10억 원"


def test_html_unclosed_head_ends_at_body():
    page = "<html><head><title>제목</title><body><p>본문 3억 원</p></body></html>"
    assert read_bytes(page.encode(), "a.htm").text == "본문 3억 원"


# --------------------------------------------------------------------------------------
# HWPX built here

HP = "http://www.hancom.co.kr/hwpml/2011/paragraph"
SECTION_HEAD = ('<?xml version="1.0" encoding="UTF-8" standalone="yes" ?>'
                f'<hs:sec xmlns:hp="{HP}" xmlns:hs="http://www.hancom.co.kr/hwpml/2011/section">')


def t(text: str) -> str:
    return f"<hp:t>{text}</hp:t>"


def run(*inner: str) -> str:
    return f'<hp:run charPrIDRef="0">{"".join(inner)}</hp:run>'


def para(*runs: str) -> str:
    return ('<hp:p id="0" paraPrIDRef="0" styleIDRef="0">' + "".join(runs)
            + '<hp:linesegarray><hp:lineseg textpos="0"/></hp:linesegarray></hp:p>')


def sublist(*paras: str) -> str:
    return f'<hp:subList id="" textDirection="HORIZONTAL">{"".join(paras)}</hp:subList>'


def cell(row: int | None, col: int | None, *paras: str, span: tuple[int, int] = (1, 1)) -> str:
    addr = "" if row is None else f'<hp:cellAddr colAddr="{col}" rowAddr="{row}"/>'
    return (f'<hp:tc name="" header="0">{sublist(*paras)}{addr}'
            f'<hp:cellSpan colSpan="{span[0]}" rowSpan="{span[1]}"/>'
            '<hp:cellSz width="1" height="1"/></hp:tc>')


def table(rows: list[list[str]], n_rows: int, n_cols: int) -> str:
    body = "".join("<hp:tr>" + "".join(r) + "</hp:tr>" for r in rows)
    return (f'<hp:tbl id="1" rowCnt="{n_rows}" colCnt="{n_cols}"><hp:sz width="1" height="1"/>'
            f'<hp:pos treatAsChar="0"/>{body}</hp:tbl>')


def make_hwpx(sections: dict[str, str], spine: list[str] | None = None, manifest: bool = True,
              extra: dict[str, bytes] | None = None) -> bytes:
    """An HWPX zip: stored mimetype first, then content.hpf (optional) and the sections."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/hwp+zip",
                         compress_type=zipfile.ZIP_STORED)
        archive.writestr("version.xml", '<?xml version="1.0"?><hv:HCFVersion xmlns:hv="x"/>')
        if manifest:
            names = list(sections) if spine is None else spine
            items = "".join(f'<opf:item id="{n}" href="Contents/{n}.xml"/>' for n in names)
            refs = "".join(f'<opf:itemref idref="{n}" linear="yes"/>' for n in names)
            archive.writestr("Contents/content.hpf", (
                '<?xml version="1.0" encoding="UTF-8"?><opf:package xmlns:opf="http://www.idpf.org/2007/opf/">'
                '<opf:manifest><opf:item id="header" href="Contents/header.xml"/>'
                f'{items}</opf:manifest><opf:spine><opf:itemref idref="header"/>{refs}'
                '</opf:spine></opf:package>'))
        archive.writestr("Contents/header.xml", f'<hh:head xmlns:hh="x">{t("머리 정보")}</hh:head>')
        for name, body in sections.items():
            archive.writestr(f"Contents/{name}.xml", SECTION_HEAD + body + "</hs:sec>")
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return buf.getvalue()


SECTION0 = "".join([
    para(run(t("2024년 예산 개요"))),
    para(run(t("총사업비 281억 원<hp:lineBreak/>(국비 121, 지방비 160)"))),
    para(run()), para(run(t(""))),                                     # two empty paragraphs
    para(run(t("사업비 내역:")),
         run(table([[cell(0, 0, para(run(t("구분")))), cell(0, 1, para(run(t("국비")))),
                     cell(0, 2, para(run(t("지방비"))))],
                    [cell(1, 1, para(run(t("121억")))), cell(1, 0, para(run(t("금액")))),
                     cell(1, 2, para(run(t("160<hp:tab/>억"))), para(run(t("(추정)"))))]], 2, 3)),
         run(t("(단위: 억 원)"))),
    para(run(t("가<hp:tab/>나 &amp; &lt;다&gt;"))),
    para(run('<hp:rect id="9"><hp:drawText>' + sublist(para(run(t("글상자 281억")))) +
             '</hp:drawText><hp:shapeComment>사각형입니다.</hp:shapeComment></hp:rect>',
             t("본문"))),
    para(run(t("본문 문장"), '<hp:ctrl><hp:footNote>' + sublist(para(run(t("각주 내용"))))
             + '</hp:footNote></hp:ctrl>', t(" 이어짐"))),
    para(run('<hp:ctrl><hp:hiddenComment>' + sublist(para(run(t("숨은 설명"))))
             + '</hp:hiddenComment></hp:ctrl>', t("보이는 글\ue034"))),
    para(run(table([[cell(0, 0, para(run(t("병합"))), span=(2, 1))],
                    [cell(1, 0, para(run(table([[cell(0, 0, para(run(t("a")))),
                                                 cell(0, 1, para(run(t("b"))))]], 1, 2)))),
                     cell(1, 1, para(run(t("c"))))]], 2, 2))),
    para(run(table([[cell(0, 0, para(run(t("상자 첫 줄"))), para(run(t("상자 둘째 줄"))))]],
                   1, 1))),
])
SECTION0_TEXT = "\n".join([
    "2024년 예산 개요", "총사업비 281억 원", "(국비 121, 지방비 160)", "",
    "사업비 내역:", "구분\t국비\t지방비", "금액\t121억\t160 억 (추정)", "(단위: 억 원)",
    "가\t나 & <다>",
    "글상자 281억", "본문",
    "본문 문장 이어짐", "각주 내용",
    "보이는 글",
    "병합\t", "a b\tc",
    "상자 첫 줄", "상자 둘째 줄",
]) + "\n"


def test_hwpx_paragraphs_tables_and_objects(tmp_path):
    doc = read_path(write(tmp_path, "doc.hwpx", make_hwpx({"section0": SECTION0})))
    assert (doc.format, doc.encoding, doc.notes) == ("hwpx", None, ())
    assert doc.text == SECTION0_TEXT


def test_hwpx_detected_by_content_not_name():
    assert read_bytes(make_hwpx({"section0": SECTION0}), "download.bin").text == SECTION0_TEXT


def test_hwpx_sections_follow_the_spine():
    data = make_hwpx({"section0": para(run(t("첫째"))), "section1": para(run(t("둘째")))},
                     spine=["section1", "section0"])
    assert read_bytes(data, "a.hwpx").text == "둘째\n첫째\n"


def test_hwpx_without_manifest_reads_sections_in_numeric_order():
    sections = {f"section{i}": para(run(t(f"구역 {i}"))) for i in (10, 2, 0, 1)}
    doc = read_bytes(make_hwpx(sections, manifest=False), "a.hwpx")
    assert doc.text == "구역 0\n구역 1\n구역 2\n구역 10\n"


def test_hwpx_nfd_text_is_normalized():
    data = make_hwpx({"section0": para(run(t(unicodedata.normalize("NFD", "국비 121억"))))})
    assert read_bytes(data).text == "국비 121억\n"


def test_other_zip_archives_are_named():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    with pytest.raises(ReadError, match=r"Word document \(\.docx\)"):
        read_bytes(buf.getvalue(), "report.docx")


@pytest.mark.parametrize("name, rows", [
    ("Table.hwpx", ["이름\t국어\t영어\t수학", "개똥이\t89\t65\t78", "칠득이\t77\t77\t77",
                    "팔푼이\t88\t88\t88", "육손이\t66\t66\t66", "합계\t\t\t"]),
    ("SimpleTable.hwpx", ["1\t\t2", "\t\t3", "5\t4\t"]),
])
def test_real_hwpx_fixtures(name, rows):
    path = FIXTURES / name
    if not path.exists():
        pytest.skip(f"fixture absent: {path}")
    doc = read_path(path)
    assert doc.format == "hwpx"
    lines = doc.text.splitlines()
    start = lines.index(rows[0])
    assert lines[start:start + len(rows)] == rows
    if name == "Table.hwpx":
        assert lines[:3] == ["C반 기말고사", "", "날짜"]     # text box title, then the field
        assert "사각형입니다." not in doc.text and "www.daum.net" not in doc.text


# --------------------------------------------------------------------------------------
# Hostile or broken HWPX


def test_truncated_hwpx(tmp_path):
    data = make_hwpx({"section0": SECTION0 * 20})
    for cut in (len(data) // 2, len(data) - 30, 200):
        with pytest.raises(ReadError, match=r"corrupt HWPX \(zip\) file"):
            read_path(write(tmp_path, "cut.hwpx", data[:cut]))
        with pytest.raises(ReadError, match=r"corrupt HWPX \(zip\) file"):
            read_bytes(data[:cut], "-")             # recognised by its first entry alone


def test_hwpx_extension_on_non_zip():
    with pytest.raises(ReadError, match=r"corrupt HWPX \(zip\) file"):
        read_bytes(KOREAN.encode(), "a.hwpx")


def test_entity_bomb_is_refused():
    bomb = ('<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;">'
            '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>')
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as archive:
        archive.writestr("mimetype", "application/hwp+zip")
        archive.writestr("Contents/section0.xml",
                         '<?xml version="1.0"?>' + bomb + f'<hs:sec xmlns:hp="{HP}" xmlns:hs="s">'
                         + para(run(t("&lol3;"))) + "</hs:sec>")
    with pytest.raises(ReadError, match="DOCTYPE"):
        read_bytes(buf.getvalue(), "bomb.hwpx")


def test_external_entity_is_refused():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as archive:
        archive.writestr("mimetype", "application/hwp+zip")
        archive.writestr("Contents/section0.xml",
                         '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
                         f'<hs:sec xmlns:hp="{HP}" xmlns:hs="s">' + para(run(t("&e;")))
                         + "</hs:sec>")
    with pytest.raises(ReadError, match="DOCTYPE"):
        read_bytes(buf.getvalue(), "xxe.hwpx")


def test_undefined_entity_is_corrupt_not_crash():
    data = make_hwpx({"section0": para(run(t("&nope;")))})
    with pytest.raises(ReadError, match="not well-formed XML"):
        read_bytes(data)


def test_highly_compressed_zeros_are_refused():
    zeros = b"\x00" * (8 << 20)                   # 8 MiB that deflate to ~8 KiB
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", "application/hwp+zip", compress_type=zipfile.ZIP_STORED)
        archive.writestr("Contents/section0.xml", zeros)
    assert len(buf.getvalue()) < 100_000
    with pytest.raises(ReadError, match="zip bomb"):
        read_bytes(buf.getvalue(), "bomb.hwpx")


def _set_declared_size(data: bytes, member: bytes, size: int) -> bytes:
    """Rewrite the uncompressed size the central directory declares for ``member``."""
    at = data.index(b"PK\x01\x02")
    while True:
        name_len = struct.unpack_from("<H", data, at + 28)[0]
        if data[at + 46:at + 46 + name_len] == member:
            return data[:at + 24] + struct.pack("<I", size) + data[at + 28:]
        at = data.index(b"PK\x01\x02", at + 46)


def test_member_declaring_a_huge_size_is_refused():
    data = make_hwpx({"section0": SECTION0})
    lying = _set_declared_size(data, b"Contents/section0.xml", 0xFFFF0000)
    with pytest.raises(ReadError, match="declares 4,294,901,760 bytes uncompressed, over the limit of 100 MiB: refused"):
        read_bytes(lying, "a.hwpx")


def test_member_inflating_past_its_declared_size_is_refused():
    data = make_hwpx({"section0": SECTION0 * 50})
    lying = _set_declared_size(data, b"Contents/section0.xml", 1000)
    with pytest.raises(ReadError, match=r"corrupt HWPX \(zip\) file"):
        read_bytes(lying, "a.hwpx")


def test_table_claiming_a_vast_grid_is_not_materialised():
    body = para(run(table([[cell(60000, 1000, para(run(t("x"))))],
                           [cell(0, 0, para(run(t("y"))))]], 65000, 1000)))
    assert read_bytes(make_hwpx({"section0": body})).text == "x\ny\n"


def test_password_protected_hwpx():
    manifest = (b'<odf:manifest xmlns:odf="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
                b'<odf:file-entry odf:full-path="Contents/section0.xml"><odf:encryption-data/>'
                b'</odf:file-entry></odf:manifest>')
    data = make_hwpx({"section0": "garbage"}, extra={"META-INF/manifest.xml": manifest})
    with pytest.raises(ReadError, match="password-protected HWPX"):
        read_bytes(data)


# --------------------------------------------------------------------------------------
# HWP 5 and PDF dispatch

OLE_JUNK = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + b"junk" * 100


def _module_available(name: str, dependency: str) -> bool:
    try:
        __import__(name)
        __import__(dependency)
    except ImportError:
        return False
    return True


def test_hwp_without_its_module(monkeypatch):
    monkeypatch.setitem(sys.modules, "fundparse.readers.hwp", None)
    message = r"^HWP 5 binary document \(\.hwp\): install fundparse\[hwp\]$"
    with pytest.raises(ReadError, match=message):
        read_bytes(OLE_JUNK, "a.hwp")


def test_hwp_with_a_module_present(monkeypatch):
    fake = types.ModuleType("fundparse.readers.hwp")
    fake.read_hwp = lambda data: unicodedata.normalize("NFD", "국비 121억 원\n")
    monkeypatch.setitem(sys.modules, "fundparse.readers.hwp", fake)
    doc = read_bytes(OLE_JUNK, "whatever.bin")
    assert (doc.format, doc.text) == ("hwp", "국비 121억 원\n")


def test_hwp_reader_failure_is_a_read_error(monkeypatch):
    fake = types.ModuleType("fundparse.readers.hwp")

    def broken(data: bytes) -> str:
        raise struct.error("unpack requires a buffer of 4 bytes")

    fake.read_hwp = broken
    monkeypatch.setitem(sys.modules, "fundparse.readers.hwp", fake)
    with pytest.raises(ReadError, match=r"damaged HWP document \(error: unpack"):
        read_bytes(OLE_JUNK)


def test_hwp_magic_with_the_real_module(tmp_path):
    with pytest.raises(ReadError) as caught:
        read_path(write(tmp_path, "junk.hwp", OLE_JUNK))
    message = str(caught.value)
    assert "\n" not in message and message
    if not _module_available("fundparse.readers.hwp", "olefile"):
        assert "install fundparse[hwp]" in message


def test_pdf_without_its_module(monkeypatch):
    monkeypatch.setitem(sys.modules, "fundparse.readers.pdf", None)
    with pytest.raises(ReadError, match=r"^PDF document: install fundparse\[pdf\]$"):
        read_bytes(minimal_pdf("Total 281"), "a.pdf")


def test_pdf_with_a_module_present_keeps_page_starts(monkeypatch):
    fake = types.ModuleType("fundparse.readers.pdf")
    nfd = unicodedata.normalize("NFD", "국비")
    fake.read_pdf = lambda data: (f"{nfd}\n지방비 {nfd}\n", (0, len(nfd) + 1), ("page 2: note",))
    monkeypatch.setitem(sys.modules, "fundparse.readers.pdf", fake)
    doc = read_bytes(b"%PDF-1.7\n...", "scan.pdf")
    assert doc.text == "국비\n지방비 국비\n"
    assert doc.pages == (0, 3) and doc.notes == ("page 2: note",)
    assert [page_of(doc, i) for i in (0, 2, 3, len(doc.text))] == [1, 1, 2, 2]


def test_pdf_magic_with_the_real_module(tmp_path):
    path = write(tmp_path, "one.pdf", minimal_pdf("Total 281"))
    if _module_available("fundparse.readers.pdf", "pdfplumber"):
        doc = read_path(path)
        assert doc.format == "pdf" and "Total 281" in doc.text and doc.pages == (0,)
        assert page_of(doc, doc.text.index("281")) == 1
    else:
        with pytest.raises(ReadError, match=r"install fundparse\[pdf\]"):
            read_path(path)


def test_misnamed_pdf_and_hwp():
    with pytest.raises(ReadError, match=r"named \.pdf but not a PDF file"):
        read_bytes(KOREAN.encode(), "a.pdf")
    message = r"named \.hwp but not an HWP file \(looks like a PNG image\)"
    with pytest.raises(ReadError, match=message):
        read_bytes(b"\x89PNG\r\n\x1a\n", "a.hwp")


def test_page_of_without_pages():
    doc = read_bytes(KOREAN.encode())
    assert page_of(doc, 0) is None
    pdf = Document(text="abcdef", path="x.pdf", format="pdf", pages=(0, 4))
    assert [page_of(pdf, i) for i in (-1, 0, 3, 4, 6, 7)] == [None, 1, 1, 2, 2, None]


def test_default_globs():
    assert DEFAULT_GLOBS == ("*.txt", "*.md", "*.htm", "*.html", "*.hwpx", "*.hwp", "*.pdf")


# --------------------------------------------------------------------------------------
# Streaming


def _chunks(path: Path, size: int) -> list[tuple[int, str]]:
    chunks = list(iter_text_chunks(path, size))
    offset = 0
    for start, chunk in chunks:
        assert start == offset and chunk
        offset += len(chunk)
    assert all(len(chunk) <= size and chunk.endswith("\n") for _, chunk in chunks[:-1])
    return chunks


def test_chunks_of_a_small_file_and_of_other_formats(tmp_path):
    path = write(tmp_path, "a.txt", KOREAN.encode("cp949") * 10)
    chunks = _chunks(path, 100)
    assert "".join(c for _, c in chunks) == KOREAN * 10
    hwpx = write(tmp_path, "a.hwpx", make_hwpx({"section0": SECTION0}))
    assert "".join(c for _, c in _chunks(hwpx, 20)) == SECTION0_TEXT


def test_chunks_switch_to_cp949_after_an_ascii_first_mib(tmp_path):
    ascii_part = ("budget line 12345\n" * 70_000).encode()            # > 1 MiB of ASCII
    data = ascii_part + (KOREAN + CP949_ONLY).encode("cp949") * 100
    path = write(tmp_path, "late.txt", data)
    whole = read_path(path)
    assert whole.encoding == "cp949"
    assert "".join(c for _, c in _chunks(path, 1 << 16)) == whole.text


def test_chunks_refuse_utf8_that_turns_into_cp949(tmp_path):
    data = KOREAN.encode("utf-8") * 20_000 + KOREAN.encode("cp949") * 10
    path = write(tmp_path, "mixed.txt", data)
    with pytest.raises(ReadError):
        read_path(path)
    with pytest.raises(ReadError, match="cannot decode"):
        list(iter_text_chunks(path, 1 << 16))


def test_chunks_cut_long_lines_safely(tmp_path):
    nfd_word = unicodedata.normalize("NFD", "가나다라마바사")
    line = (nfd_word * 200_000)                                  # 2.8M chars, no space or newline
    data = ("x" * (1 << 20) + "\n" + line + " 끝\n").encode("utf-8")
    path = write(tmp_path, "long.txt", data)
    chunks = list(iter_text_chunks(path, 100_003))
    text = "".join(c for _, c in chunks)
    assert text == read_path(path).text
    assert unicodedata.is_normalized("NFC", text)
