"""Build the encoded and wrapped variants of six corpus part 2 documents into corpus/variants/.

    python corpus/tools/make_variants.py          # (re)write the six variant files
    python corpus/tools/make_variants.py --check  # also re-read them with a tiny stdlib reader

Each variant carries the same article as its source document (so the same gold amounts,
splits and periods apply); what changes is how the bytes reach the reader:

| file | source | what it exercises |
|---|---|---|
| support-02.cp949.txt | support/support-02 | CP949 bytes; the text holds 똠 (in CP949, not in EUC-KR), so a strict EUC-KR decode fails |
| foreign-02.euc-kr.txt | foreign/foreign-02 | plain EUC-KR (every syllable is in KS X 1001, no 8-byte jamo sequences) |
| foreign-05.utf16.txt | foreign/foreign-05 | UTF-16LE with BOM, Windows CRLF line ends (the reader keeps \\r\\n) |
| budgetbook-02.utf8-bom.txt | budgetbook/budgetbook-02 | UTF-8 with a BOM (the reader strips it) |
| support-05.html | support/support-05 | a news page: the article in <article>, noise in <head>/<script>/<style>/<header>/<nav>/<footer>, entities, inline tags, <br>, runs of spaces |
| national-04.hwpx | national/national-04 | a HWPX package: mimetype first, Contents/content.hpf, section0.xml paragraphs (hp:p > hp:run > hp:t, some split over several runs) and one table (hp:tbl > hp:tr > hp:tc > hp:subList > hp:p) |

The text a reader should produce is the source document's text, except that the UTF-16 file's
lines end in \\r\\n and the HTML page's text has no final newline (fundparse's HTML reader joins
its lines with \\n; its plain-text and HWPX readers keep the document's final newline).
``--check`` verifies that with a small reader of its own that follows the
rules in corpus/gold (HTML: block elements p, h1-h6, li, div, br, tr end a line, script, style,
nav, header, footer and head are dropped, entities decoded, whitespace runs collapsed to one
space, lines stripped, empty lines dropped; HWPX: one line per paragraph, one line per table row
with cells joined by a tab).  The output is deterministic (fixed zip timestamps), so re-running
the script leaves the committed files unchanged.
"""

from __future__ import annotations

import argparse
import html
import re
import sys
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree as ET
from xml.sax.saxutils import escape

CORPUS = Path(__file__).resolve().parent.parent
DOCS = CORPUS / "docs"
OUT = CORPUS / "variants"

HP = "http://www.hancom.co.kr/hwpml/2011/paragraph"
HS = "http://www.hancom.co.kr/hwpml/2011/section"
HH = "http://www.hancom.co.kr/hwpml/2011/head"
HC = "http://www.hancom.co.kr/hwpml/2011/core"
OPF = "http://www.idpf.org/2007/opf/"
ZIP_TIME = (2024, 8, 27, 11, 0, 0)
CP949_ONLY = "똠햏뷁"


def source(doc_id: str) -> str:
    group = doc_id.rsplit("-", 1)[0]
    return (DOCS / group / f"{doc_id}.txt").read_text(encoding="utf-8")


# --------------------------------------------------------------------------- plain encodings

def write_cp949(doc_id: str) -> tuple[Path, str]:
    text = source(doc_id)
    if not any(ch in text for ch in CP949_ONLY):
        raise SystemExit(f"{doc_id}: a CP949 variant needs one of {CP949_ONLY}")
    data = text.encode("cp949")
    try:
        data.decode("euc-kr")
    except UnicodeDecodeError:
        pass
    else:
        raise SystemExit(f"{doc_id}: CP949 bytes also decode as EUC-KR; pick another document")
    path = OUT / f"{doc_id}.cp949.txt"
    path.write_bytes(data)
    return path, text


def write_euc_kr(doc_id: str) -> tuple[Path, str]:
    text = source(doc_id)
    # Python's euc_kr codec silently spells syllables outside KS X 1001 as 8-byte jamo
    # sequences; a real EUC-KR file would not, so refuse them.
    odd = sorted({ch for ch in text if len(ch.encode("euc-kr")) > 2})
    if odd:
        raise SystemExit(f"{doc_id}: not plain EUC-KR: {''.join(odd)}")
    path = OUT / f"{doc_id}.euc-kr.txt"
    path.write_bytes(text.encode("euc-kr"))
    return path, text


def write_utf16(doc_id: str) -> tuple[Path, str]:
    text = source(doc_id).replace("\n", "\r\n")
    path = OUT / f"{doc_id}.utf16.txt"
    path.write_bytes(b"\xff\xfe" + text.encode("utf-16-le"))
    return path, text


def write_utf8_bom(doc_id: str) -> tuple[Path, str]:
    text = source(doc_id)
    path = OUT / f"{doc_id}.utf8-bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    return path, text


# --------------------------------------------------------------------------- HTML

HTML_PAGE = """<!DOCTYPE html>
<html lang="ko">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>중기부, 딥테크 R&amp;D에 과제당 최대 15억 원 | 벤처경제신문</title>
<style>
  body { font-family: "Noto Sans KR", sans-serif; }
  article > p { line-height: 1.8; margin: 0 0 1em; }
  .ad::before { content: "광고 1,000만 원"; }
</style>
<script>
  window.dataLayer = window.dataLayer || [];
  var adPrice = "배너 1개월 300만 원";
  if (adPrice.length < 20 && window.innerWidth > 640) { console.log("R&D banner"); }
</script>
</head>
<body>
<header class="site-header">
  <div class="logo"><a href="/">벤처경제신문</a></div>
  <nav class="gnb">
    <ul>
      <li><a href="/economy">경제</a></li>
      <li><a href="/startup">창업&middot;벤처</a></li>
      <li><a href="/policy">정책</a></li>
    </ul>
  </nav>
  <div class="ticker">코스피 2,753.16 ▲0.4% · 원/달러 1,351.8원</div>
</header>
<nav class="breadcrumb">홈 &gt; 정책 &gt; 중소기업</nav>
<!-- 기사 본문 시작 (광고 단가 1,000만 원) -->
<article id="article-body">
<h1>중기부, 딥테크 R&amp;D에 과제당 최대 15억 원…올해 1조 원대 기술개발 지원</h1>
<p class="date">입력 2024.04.02 17:45<br>수정 2024.04.03 09:10</p>
<div class="byline"><span>벤처경제신문</span> <a href="mailto:reporter@example.com">손예린 기자</a></div>
<p>  중소벤처기업부가 올해 중소기업 기술개발(R&amp;D) 지원 사업에 <strong>1조 4,000억 원</strong>을 투입한다.  지난해보다
   1,500억 원 정도 줄었지만 딥테크 분야 지원은 오히려 늘렸다.</p>
<p>중기부는&nbsp;2일 &#39;2024년 중소기업 기술개발 지원사업 통합공고&#39;를 내고 이달부터 과제 신청을 받는다고 밝혔다.</p>
<p>가장 주목받는 사업은 <b>'딥테크 챌린지 프로젝트'</b>다. 인공지능·반도체·바이오 등 10대 초격차 분야 기업을 뽑아 3년간 과제당 최대 15억 원을 지원한다.</p>
<p>창업성장기술개발 사업은 과제당 1억~3억 원 규모로 지원하며, 올해 신규 과제는 600개 안팎이다. </p>
<h3>&lt; 사업별 지원 규모 &gt;</h3>
<ul class="summary">
  <li>딥테크 챌린지: 과제당 10억~15억 원, 총 30개 내외</li>
  <li>창업성장 기술개발: 과제당 1억~3억 원, 연간 2,000억 원대</li>
  <li>구매조건부 기술개발: 과제당 5천만 원에서 10억 원까지</li>
  <li>기술혁신 글로벌 공동연구: 과제당 연 3억 원 이내, 해외 연구기관과 매칭</li>
</ul>
<p>중기부는 올해부터 민간 투자와 연계한 &#x27;투자연계형 R&amp;D&#x27;도 늘린다. 벤처캐피털이 1억 원 이상 투자한 기업에는 정부가 최대 3배까지 R&amp;D 자금을 매칭한다.</p>
<p>정부출연금은 총 과제비의 75% 이하로 제한되며, 나머지는 기업이 현금이나 현물로 부담해야 한다.</p>
<p>한편 업계에서는 R&amp;D 예산 삭감의 여파가 아직 남아 있다는 목소리가 나온다. 한 중소기업 대표는 &quot;과제당 수억 원이 깎이면서 연구 인력을 줄인 곳도 있다&quot;며 &quot;100억~200억 원 규모의 대형 과제만 늘리는 것보다 중소 과제를 고르게 지원해야 한다&quot;고 말했다.</p>
<p>중기부는 내년 예산안에서 중소기업 R&amp;D 예산을 1조~1조 5천억 원 수준에서 편성하는 방안을 재정 당국과 협의하고 있다.</p>
<p>신청은 범부처통합연구지원시스템(IRIS)에서 할 수 있으며, 자세한 내용은 중소기업 기술개발사업 종합관리시스템(<a href="https://www.smtech.go.kr">www.smtech.go.kr</a>) 또는 콜센터 1357로 문의하면 된다.</p>
</article>
<footer class="site-footer">
  <p>벤처경제신문 | 서울특별시 중구 세종대로 000 | 대표전화 02-000-0000</p>
  <p>Copyright &copy; 벤처경제신문. 무단 전재 및 재배포 금지. 구독료 월 1만 5천 원</p>
</footer>
<script src="/js/analytics.js"></script>
</body>
</html>
"""


def write_html(doc_id: str) -> tuple[Path, str]:
    text = source(doc_id).removesuffix("\n")
    path = OUT / f"{doc_id}.html"
    path.write_text(HTML_PAGE, encoding="utf-8")
    return path, text


class _Visible(HTMLParser):
    """Visible text by the corpus rules (see the module docstring)."""

    BLOCK = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "div", "br", "tr"}
    HIDDEN = {"script", "style", "nav", "header", "footer", "head", "title"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.buf: list[str] = []
        self.hidden = 0

    def _flush(self) -> None:
        line = re.sub(r"\s+", " ", "".join(self.buf)).strip()
        if line:
            self.lines.append(line)
        self.buf = []

    def handle_starttag(self, tag, attrs):
        if tag in self.HIDDEN:
            self.hidden += 1
        elif tag in self.BLOCK:
            self._flush()

    def handle_startendtag(self, tag, attrs):
        if tag in self.BLOCK and not self.hidden:
            self._flush()

    def handle_endtag(self, tag):
        if tag in self.HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in self.BLOCK:
            self._flush()

    def handle_data(self, data):
        if not self.hidden:
            self.buf.append(data)


def html_text(raw: str) -> str:
    parser = _Visible()
    parser.feed(raw)
    parser.close()
    parser._flush()
    return "\n".join(parser.lines)


# --------------------------------------------------------------------------- HWPX

def _run(text: str, char_pr: int = 0) -> str:
    return f'<hp:run charPrIDRef="{char_pr}"><hp:t>{escape(text)}</hp:t></hp:run>'


def _para(pid: int, runs: str, style: int = 0) -> str:
    return (f'<hp:p id="{pid}" paraPrIDRef="{style}" styleIDRef="0" pageBreak="0" '
            f'columnBreak="0" merged="0">{runs}'
            f'<hp:linesegarray><hp:lineseg textpos="0" vertpos="0" vertsize="1000" '
            f'textheight="1000" baseline="850" spacing="600" horzpos="0" horzsize="42520" '
            f'flags="393216"/></hp:linesegarray></hp:p>')


def _table(pid: int, rows: list[list[str]]) -> str:
    ncol = max(len(r) for r in rows)
    width = 42520 // ncol
    trs = []
    for r, cells in enumerate(rows):
        tcs = []
        for c, cell in enumerate(cells):
            inner = _para(1000 + r * 10 + c, _run(cell, 2), 3)
            tcs.append(
                f'<hp:tc name="" header="{1 if r == 0 else 0}" hasMargin="0" protect="0" '
                f'editable="0" dirty="0" borderFillIDRef="3">'
                f'<hp:subList id="" textDirection="HORIZONTAL" lineWrap="BREAK" '
                f'vertAlign="CENTER" linkListIDRef="0" linkListNextIDRef="0" textWidth="0" '
                f'textHeight="0" hasTextRef="0" hasNumRef="0">{inner}</hp:subList>'
                f'<hp:cellAddr colAddr="{c}" rowAddr="{r}"/><hp:cellSpan colSpan="1" rowSpan="1"/>'
                f'<hp:cellSz width="{width}" height="1800"/>'
                f'<hp:cellMargin left="510" right="510" top="141" bottom="141"/></hp:tc>')
        trs.append("<hp:tr>" + "".join(tcs) + "</hp:tr>")
    tbl = (f'<hp:tbl id="1975238011" zOrder="0" numberingType="TABLE" textWrap="TOP_AND_BOTTOM" '
           f'textFlow="BOTH_SIDES" lock="0" dropcapstyle="None" pageBreak="CELL" repeatHeader="1" '
           f'rowCnt="{len(rows)}" colCnt="{ncol}" cellSpacing="0" borderFillIDRef="3" noAdjust="0">'
           f'<hp:sz width="42520" widthRelTo="ABSOLUTE" height="{1800 * len(rows)}" '
           f'heightRelTo="ABSOLUTE" protect="0"/>'
           f'<hp:pos treatAsChar="1" affectLSpacing="0" flowWithText="1" allowOverlap="0" '
           f'holdAnchorAndSO="0" vertRelTo="PARA" horzRelTo="COLUMN" vertAlign="TOP" '
           f'horzAlign="LEFT" vertOffset="0" horzOffset="0"/>'
           f'<hp:outMargin left="283" right="283" top="283" bottom="283"/>'
           f'<hp:inMargin left="510" right="510" top="141" bottom="141"/>'
           + "".join(trs) + "</hp:tbl>")
    return (f'<hp:p id="{pid}" paraPrIDRef="0" styleIDRef="0" pageBreak="0" columnBreak="0" '
            f'merged="0"><hp:run charPrIDRef="0">{tbl}<hp:t/></hp:run></hp:p>')


# Paragraphs written as several runs, the way Hangul splits text at a change of character
# format: (line number in the source, pieces).  The pieces must join to the source line.
_RUN_SPLITS = {
    4: ["국토부, ", "2025년 예산안 62조 5,000억원 편성", "…교통 안전과 주거 안정에 중점"],
    5: ["국토교통부는 2025년도 예산안과 기금운용계획안의 총지출을 ", "62조 5,000억원",
        "으로 편성했다고 밝혔다."],
    20: ["국토부는 2025년부터 2027년까지 3년간 ", "준공 30년이 넘은 교량과 터널 보수에 총 1조 2천억 원을 투입하며, ",
         "이 중 국비는 8,400억 원이다."],
}


def _section_xml(text: str) -> str:
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    body: list[str] = []
    pid = 0
    i = 0
    while i < len(lines):
        if "\t" in lines[i]:
            rows = []
            while i < len(lines) and "\t" in lines[i]:
                rows.append(lines[i].split("\t"))
                i += 1
            body.append(_table(pid, rows))
        else:
            pieces = _RUN_SPLITS.get(i + 1, [lines[i]])
            if "".join(pieces) != lines[i]:
                raise SystemExit(f"run split for line {i + 1} does not match the source")
            style = 1 if i + 1 == 4 else 0
            runs = "".join(_run(p, 1 if (len(pieces) > 1 and k == 1) else 0)
                           for k, p in enumerate(pieces))
            body.append(_para(pid, runs, style))
            i += 1
        pid += 1
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes" ?>'
            f'<hs:sec xmlns:hs="{HS}" xmlns:hp="{HP}" xmlns:hc="{HC}" xmlns:hh="{HH}">'
            + "".join(body) + "</hs:sec>")


_CONTAINER = ('<?xml version="1.0" encoding="UTF-8" standalone="yes" ?>'
              '<ocf:container xmlns:ocf="urn:oasis:names:tc:opendocument:xmlns:container">'
              '<ocf:rootfiles><ocf:rootfile full-path="Contents/content.hpf" '
              'media-type="application/hwpml-package+xml"/></ocf:rootfiles></ocf:container>')
_VERSION = ('<?xml version="1.0" encoding="UTF-8" standalone="yes" ?>'
            '<hv:HCFVersion xmlns:hv="http://www.hancom.co.kr/hwpml/2011/version" '
            'tagetApplication="WORDPROCESSOR" major="5" minor="1" micro="0" buildNumber="1" '
            'os="1" xmlVersion="1.4" application="Hancom Office Hangul" appVersion="12.0.0.0"/>')
_CONTENT_HPF = ('<?xml version="1.0" encoding="UTF-8" standalone="yes" ?>'
                f'<opf:package xmlns:opf="{OPF}" xmlns:dc="http://purl.org/dc/elements/1.1/" '
                'version="" unique-identifier="" id="">'
                '<opf:metadata><opf:title>국토교통부 2025년 예산안</opf:title>'
                '<opf:language>ko</opf:language></opf:metadata>'
                '<opf:manifest>'
                '<opf:item id="header" href="Contents/header.xml" media-type="application/xml"/>'
                '<opf:item id="section0" href="Contents/section0.xml" media-type="application/xml"/>'
                '<opf:item id="settings" href="settings.xml" media-type="application/xml"/>'
                '</opf:manifest>'
                '<opf:spine><opf:itemref idref="header" linear="yes"/>'
                '<opf:itemref idref="section0" linear="yes"/></opf:spine></opf:package>')
_HEADER = ('<?xml version="1.0" encoding="UTF-8" standalone="yes" ?>'
           f'<hh:head xmlns:hh="{HH}" xmlns:hc="{HC}" version="1.4" secCnt="1">'
           '<hh:beginNum page="1" footnote="1" endnote="1" pic="1" tbl="1" equation="1"/>'
           '<hh:refList><hh:fontfaces itemCnt="1"><hh:fontface lang="HANGUL" fontCnt="1">'
           '<hh:font id="0" face="함초롬바탕" type="TTF" isEmbedded="0"/></hh:fontface>'
           '</hh:fontfaces></hh:refList></hh:head>')
_SETTINGS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes" ?>'
             '<ha:HWPApplicationSetting xmlns:ha="http://www.hancom.co.kr/hwpml/2011/app">'
             '<ha:CaretPosition listIDRef="0" paraIDRef="0" pos="0"/></ha:HWPApplicationSetting>')


def write_hwpx(doc_id: str) -> tuple[Path, str]:
    text = source(doc_id)
    path = OUT / f"{doc_id}.hwpx"
    members = [
        ("mimetype", b"application/hwp+zip", zipfile.ZIP_STORED),
        ("version.xml", _VERSION.encode("utf-8"), zipfile.ZIP_DEFLATED),
        ("META-INF/container.xml", _CONTAINER.encode("utf-8"), zipfile.ZIP_DEFLATED),
        ("Contents/content.hpf", _CONTENT_HPF.encode("utf-8"), zipfile.ZIP_DEFLATED),
        ("Contents/header.xml", _HEADER.encode("utf-8"), zipfile.ZIP_DEFLATED),
        ("Contents/section0.xml", _section_xml(text).encode("utf-8"), zipfile.ZIP_DEFLATED),
        ("settings.xml", _SETTINGS.encode("utf-8"), zipfile.ZIP_DEFLATED),
    ]
    with zipfile.ZipFile(path, "w") as zf:
        for name, data, method in members:
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = method
            info.external_attr = 0o644 << 16
            zf.writestr(info, data)
    return path, text


def hwpx_text(path: Path) -> str:
    with zipfile.ZipFile(path) as zf:
        names = zf.namelist()
        if names[0] != "mimetype" or zf.read("mimetype") != b"application/hwp+zip":
            raise ValueError("mimetype must be the first member")
        root = ET.fromstring(zf.read("Contents/section0.xml"))
    p, t, tbl, tr, tc = (f"{{{HP}}}{n}" for n in ("p", "t", "tbl", "tr", "tc"))
    out = []
    for para in root.findall(p):
        table = para.find(f".//{tbl}")
        if table is not None:
            for row in table.findall(tr):
                out.append("\t".join("".join(x.text or "" for x in cell.iter(t))
                                     for cell in row.findall(tc)))
        else:
            out.append("".join(x.text or "" for x in para.iter(t)))
    return "".join(line + "\n" for line in out)


# --------------------------------------------------------------------------- main

VARIANTS = [
    ("support-02", write_cp949, lambda p: p.read_bytes().decode("cp949")),
    ("foreign-02", write_euc_kr, lambda p: p.read_bytes().decode("euc-kr")),
    ("foreign-05", write_utf16, lambda p: p.read_bytes()[2:].decode("utf-16-le")),
    ("budgetbook-02", write_utf8_bom, lambda p: p.read_bytes().decode("utf-8-sig")),
    ("support-05", write_html, lambda p: html_text(p.read_text(encoding="utf-8"))),
    ("national-04", write_hwpx, hwpx_text),
]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true",
                        help="re-read every variant and compare with the expected text")
    args = parser.parse_args(argv)
    OUT.mkdir(parents=True, exist_ok=True)
    bad = 0
    for doc_id, write, read in VARIANTS:
        path, expected = write(doc_id)
        line = f"{path.relative_to(CORPUS.parent)}  ({path.stat().st_size} bytes)"
        if args.check:
            got = read(path)
            if got != expected:
                bad += 1
                line += "  MISMATCH"
                for i, (a, b) in enumerate(zip(got.split("\n"), expected.split("\n")), 1):
                    if a != b:
                        line += f"\n    line {i}: read {a!r}\n    line {i}: want {b!r}"
                        break
                else:
                    line += f"\n    read {len(got)} chars, want {len(expected)}"
            else:
                line += "  ok"
        print(line)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
