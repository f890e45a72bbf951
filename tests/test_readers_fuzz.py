"""Readers under arbitrary and mutated input: a Document or a ReadError, never anything else."""

from __future__ import annotations

import io
import random
import unicodedata
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fundparse.readers import (
    Document,
    ReadError,
    iter_text_chunks,
    plain,
    read_bytes,
    read_path,
)
from fundparse.readers.html import html_text

NAMES = ("-", "a.txt", "a.html", "a.hwpx", "a.hwp", "a.pdf", "a.md", "a.bin")
RELEASE = ("2023년부터 2026년까지 4년간 281억 원(국비 121, 지방비 160)을 투입한다.\r\n"
           "똠방각하 햏 뷁: 총 5,000만 원\n")
HTML = ("<!doctype html><html><head><meta charset='euc-kr'><script>x=1</script></head><body>"
        "<nav>메뉴</nav><p>총 281억&nbsp;원 &amp; 국비</p><table><tr><td rowspan=2>가<td>1"
        "<tr><td colspan=3>2</table><!-- c --></body></html>")
HP = "http://www.hancom.co.kr/hwpml/2011/paragraph"


def _hwpx() -> bytes:
    section = (f'<?xml version="1.0"?><hs:sec xmlns:hp="{HP}" xmlns:hs="s">'
               '<hp:p><hp:run><hp:t>총사업비 281억 원<hp:lineBreak/>국비<hp:tab/>121</hp:t>'
               '</hp:run></hp:p>'
               '<hp:p><hp:run><hp:tbl rowCnt="1" colCnt="2"><hp:tr>'
               '<hp:tc><hp:subList><hp:p><hp:run><hp:t>구분</hp:t></hp:run></hp:p></hp:subList>'
               '<hp:cellAddr colAddr="0" rowAddr="0"/></hp:tc>'
               '<hp:tc><hp:subList><hp:p><hp:run><hp:t>금액</hp:t></hp:run></hp:p></hp:subList>'
               '<hp:cellAddr colAddr="1" rowAddr="0"/></hp:tc></hp:tr></hp:tbl></hp:run></hp:p>'
               '</hs:sec>')
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/hwp+zip")
        archive.writestr("Contents/content.hpf",
                         '<opf:package xmlns:opf="o"><opf:manifest><opf:item id="s0" '
                         'href="Contents/section0.xml"/></opf:manifest><opf:spine>'
                         '<opf:itemref idref="s0"/></opf:spine></opf:package>')
        archive.writestr("Contents/section0.xml", section)
    return buf.getvalue()


SEEDS = {
    "utf-8": RELEASE.encode("utf-8"),
    "cp949": RELEASE.encode("cp949"),
    "utf-16": b"\xff\xfe" + RELEASE.encode("utf-16-le"),
    "html": HTML.encode("cp949"),
    "hwpx": _hwpx(),
}


def _check(data: bytes, name: str) -> None:
    try:
        doc = read_bytes(data, name)
    except ReadError as exc:
        message = str(exc)
        assert message and "\n" not in message
        return
    assert isinstance(doc, Document) and isinstance(doc.text, str)
    assert unicodedata.is_normalized("NFC", doc.text)
    assert doc.format in ("text", "html", "hwpx", "hwp", "pdf")


def test_seeds_read_cleanly():
    assert read_bytes(SEEDS["utf-8"]).text == RELEASE
    assert read_bytes(SEEDS["cp949"]).text == RELEASE
    assert read_bytes(SEEDS["utf-16"]).text == RELEASE
    assert read_bytes(SEEDS["html"], "a.html").text == "총 281억 원 & 국비\n가\t1\n\t2"
    assert read_bytes(SEEDS["hwpx"]).text == "총사업비 281억 원\n국비\t121\n구분\t금액\n"


@settings(max_examples=400, deadline=None)
@given(data=st.binary(max_size=4096), name=st.sampled_from(NAMES))
def test_arbitrary_bytes(data, name):
    _check(data, name)


@settings(max_examples=200, deadline=None)
@given(prefix=st.sampled_from([b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"%PDF-1.4\n",
                               b"<!doctype html>", b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf"]),
       data=st.binary(max_size=2048), name=st.sampled_from(NAMES))
def test_arbitrary_bytes_behind_magic(prefix, data, name):
    _check(prefix + data, name)


MARKUP = st.sampled_from([
    "<!doctype html>", "<html>", "<head>", "</head>", "<body>", "<p>", "</p>", "<br>", "<br/>",
    "<table>", "</table>", "<tr>", "</tr>", "<td>", "<th colspan=3>", "<td rowspan='x'>",
    "<td rowspan=99999999>", "</td>", "<form>", "</form>", "<nav>", "</nav>", "<header>",
    "<article>", "</article>", "<script>", "</script>", "<style>", "<svg/>", "<pre>", "</pre>",
    "<![", "<![CDATA[", "]]>", "<![if x]>", "<!", "<!--", "-->", "<?", "</", "<", ">", "&", "&#",
    "&#x", "&#xD800;", "&#1114112;", "&nbsp;", "&amp", ";", "=", "'", '"', "\n", " ", "\t",
    "281억 원", "국비", "가", "\x00", "\x0b", "\ufeff",
])


@settings(max_examples=500, deadline=None)
@given(pieces=st.lists(MARKUP, max_size=60))
def test_html_from_markup_fragments(pieces):
    markup = "<html>" + "".join(pieces)
    _check(markup.encode("utf-8"), "a.html")
    try:                              # the parser itself, on text read_bytes would refuse too
        html_text(markup)
    except ReadError:
        pass


SECTION_PIECES = st.sampled_from([
    "<hp:p>", "</hp:p>", "<hp:run>", "</hp:run>", "<hp:t>", "</hp:t>", "<hp:tab/>",
    "<hp:lineBreak/>", "<hp:tbl>", "<hp:tbl rowCnt='9999999' colCnt='-3'>", "</hp:tbl>", "<hp:tr>",
    "</hp:tr>", "<hp:tc>", "</hp:tc>", "<hp:subList>", "</hp:subList>",
    "<hp:cellAddr colAddr='1' rowAddr='0'/>", "<hp:cellAddr colAddr='x' rowAddr='99999999'/>",
    "<hp:cellAddr/>", "<hp:ctrl>", "</hp:ctrl>", "<hp:footNote>", "</hp:footNote>",
    "<hp:switch>", "</hp:switch>", "<hp:case>", "</hp:case>", "<hp:linesegarray>",
    "</hp:linesegarray>", "281억 원", "&amp;", "&#0;", "&bogus;", "<", "\ue034", "]]>",
])


@settings(max_examples=300, deadline=None)
@given(pieces=st.lists(SECTION_PIECES, max_size=80))
def test_hwpx_with_arbitrary_section_markup(pieces):
    section = (f'<?xml version="1.0"?><hs:sec xmlns:hp="{HP}" xmlns:hs="s">'
               + "".join(pieces) + "</hs:sec>")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as archive:
        archive.writestr("mimetype", "application/hwp+zip")
        archive.writestr("Contents/section0.xml", section)
    _check(buf.getvalue(), "-")


@st.composite
def mutated(draw):
    """A valid seed file with bytes flipped, inserted, deleted, or cut short."""
    kind = draw(st.sampled_from(sorted(SEEDS)))
    data = bytearray(SEEDS[kind])
    for _ in range(draw(st.integers(1, 8))):
        if not data:
            break
        op = draw(st.sampled_from(["flip", "insert", "delete", "truncate"]))
        at = draw(st.integers(0, len(data) - 1))
        if op == "flip":
            data[at] = draw(st.integers(0, 255))
        elif op == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=16))
        elif op == "delete":
            del data[at:at + draw(st.integers(1, 16))]
        else:
            del data[at:]
    return kind, bytes(data)


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sample=mutated(), name=st.sampled_from(NAMES))
def test_mutated_valid_files(sample, name):
    _check(sample[1], name)


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet=st.sampled_from("가나똠햏뷁 국비121억원\n\r\tabc"), max_size=400),
       encoding=st.sampled_from(["utf-8", "cp949", "euc_kr"]),
       split=st.lists(st.integers(1, 64), max_size=12), chunk=st.integers(1, 40))
def test_streaming_decoder_never_disagrees_with_whole_file_decoding(text, encoding, split, chunk):
    data = text.encode(encoding)
    try:
        whole = plain.decode_text(data)[0]
    except ReadError:
        whole = None
    head_len = split[0] if split else len(data)
    head, rest, blocks = data[:head_len], data[head_len:], []
    for size in split[1:]:
        blocks.append(rest[:size])
        rest = rest[size:]
    blocks.append(rest)
    try:
        streamed = "".join(plain.iter_decoded(head, blocks, chunk))
    except ReadError:
        return                        # a short head may guess wrong; it must then refuse
    assert streamed == whole


# --------------------------------------------------------------------------------------
# iter_text_chunks on multi-megabyte files


def _generated_text(megabytes: int, seed: int) -> str:
    rng = random.Random(seed)
    words = ["총사업비", "281억", "원", "국비", "121억", "지방비", "160억", "투입", "2023년부터",
             "2026년까지", "사업", "예산", "똠", "햏", "뷁", "budget", "KRW", "1,234,567원"]
    lines, size = [], 0
    while size < megabytes << 20:
        line = " ".join(rng.choice(words) for _ in range(rng.randint(0, 30)))
        line += rng.choice(["\n", "\r\n"])
        lines.append(line)
        size += len(line.encode("utf-8"))
    return "".join(lines)


@pytest.mark.parametrize("encoding, reported", [("utf-8", "utf-8"), ("cp949", "cp949")])
@pytest.mark.parametrize("chunk_chars", [4096, 1 << 20])
def test_chunks_concatenate_to_the_whole_text(tmp_path, encoding, reported, chunk_chars):
    text = _generated_text(3, seed=len(encoding))
    path = Path(tmp_path / f"big-{encoding}.txt")
    path.write_bytes(text.encode(encoding))
    whole = read_path(path)
    assert whole.encoding == reported and whole.text == text
    offset, pieces = 0, []
    chunks = list(iter_text_chunks(path, chunk_chars))
    for start, chunk in chunks:
        assert start == offset
        assert whole.text[start:start + len(chunk)] == chunk
        offset += len(chunk)
        pieces.append(chunk)
    assert "".join(pieces) == whole.text
    assert len(chunks) > 1
    assert all(c.endswith("\n") and len(c) <= chunk_chars for _, c in chunks[:-1])
