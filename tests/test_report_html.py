"""`fundparse report`: the generated HTML, checked as text and through an HTML parser.

The document element (main.doc) must hold the reader's text exactly, with every mention,
split part, period and finding wrapped once, in order, and nothing from the document may
become markup.
"""

from __future__ import annotations

import html
import re
from decimal import Decimal
from html.parser import HTMLParser

import pytest

import fundparse
from fundparse.krw import format_krw
from fundparse.model import CATEGORIES, Finding, Mention, Period, Split
from fundparse.cli.review import build_page, main
from fundparse.report.html import build_marks, render_page, render_text
from fundparse.report.tips import esc_attr
from fundparse.report.totals import source_totals
from fundparse.rules.tables import load_tables

RELEASE = (
    "음성군 보도자료\n"
    "보도일시: 2024. 2. 27.(화) 10:00\n"
    "\n"
    "음성군, 이차전지 소재 실증센터 구축 본격 착수\n"
    "□ 음성군은 2024년부터 2027년까지 4년간 총사업비 281억 원(국비 121, 지방비 150)을 투입해 "
    "실증센터를 구축한다고 27일 밝혔다.\n"
    " ○ 지방비 30억4,000만원(도비 9억1,200만원·시비 21억2,800만원)은 올해 추경에 반영된다.\n"
    "□ 공동 연구장비 구축비 100억 원(국비 50%, 도비 15%, 시비 30%)은 2023년부터 2026년까지 "
    "3년간 나눠 쓴다.\n"
    " ○ 사업비 2,7500만 원은 별도로 확보했다.\n"
)
HOSTILE = (
    '총사업비 281억 원(국비 121, 지방비 160) <script>alert(1)</script> & "따옴표" \'홑\'\n'
    '"><img src=x onerror=alert(1)> 사업비 5억 원 </main><!-- &amp; &lt;b&gt; ]]>\n'
    "2023년부터 2026년까지 3년간 <b>10억 원</b> 투입 <style>body{display:none}</style>\n"
)
ALLOWED_TAGS = {
    "html", "head", "meta", "title", "style", "body", "div", "header", "h1", "h2", "h3", "p",
    "span", "a", "b", "section", "ul", "ol", "li", "code", "small", "br", "main", "mark", "svg",
    "g", "line", "rect", "text", "title", "table", "thead", "tbody", "tr", "th", "td",
}


# --------------------------------------------------------------------------------------
# Helpers


def doc_part(page: str) -> str:
    """The inner HTML of <main class="doc">."""
    start = page.index('<main class="doc"')
    start = page.index(">", start) + 1
    return page[start:page.index("</main>", start)]


def strip_tags(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]*>", "", fragment))


class Tree(HTMLParser):
    """Records every element with its attributes, its text and the text offset it starts at;
    fails on unbalanced tags."""

    VOID = {"meta", "br", "line", "rect", "img", "link", "input"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[dict] = []
        self.elements: list[dict] = []
        self.text: list[str] = []
        self.chars = 0

    def handle_starttag(self, tag, attrs):
        element = {"tag": tag, "attrs": dict(attrs), "start": self.chars, "text": []}
        self.elements.append(element)
        if tag not in self.VOID:
            self.stack.append(element)

    def handle_startendtag(self, tag, attrs):
        self.elements.append({"tag": tag, "attrs": dict(attrs), "start": self.chars, "text": []})

    def handle_endtag(self, tag):
        if tag in self.VOID:
            return
        assert self.stack, f"stray </{tag}>"
        top = self.stack.pop()
        assert top["tag"] == tag, f"</{tag}> closes <{top['tag']}>"

    def handle_data(self, data):
        self.text.append(data)
        self.chars += len(data)
        for element in self.stack:
            element["text"].append(data)

    def by_id(self) -> dict[str, dict]:
        out = {}
        for e in self.elements:
            if "id" in e["attrs"]:
                assert e["attrs"]["id"] not in out, f"duplicate id {e['attrs']['id']}"
                out[e["attrs"]["id"]] = e
        return out


def parse(fragment: str) -> Tree:
    tree = Tree()
    tree.feed(fragment)
    tree.close()
    assert not tree.stack, f"unclosed {[e['tag'] for e in tree.stack]}"
    return tree


def marked_text(tree: Tree, ident: str) -> tuple[int, str]:
    """Start offset and covered text of a mark: its first element and its continuations
    (a mark cut by a line end continues on the next line; the "\n" lies between them)."""
    first = tree.by_id()[ident]
    pieces = [first] + [e for e in tree.elements if e["attrs"].get("data-of") == ident]
    full = "".join(tree.text)
    covered, pos = [], first["start"]
    for piece in pieces:
        gap = full[pos:piece["start"]]
        assert gap in ("", "\n") or pos == piece["start"], (ident, gap)
        covered.append(gap + "".join(piece["text"]))
        pos = piece["start"] + len("".join(piece["text"]))
    return first["start"], "".join(covered)


def page_for(text: str, **kw) -> tuple[str, list[Mention], list[Finding]]:
    mentions = fundparse.extract(text)
    findings = fundparse.check(text)
    kw.setdefault("category_of", load_tables().category)
    return render_page(text, mentions, findings, name=kw.pop("name", "t.txt"), **kw), \
        mentions, findings


def all_spans(mentions: list[Mention], findings: list[Finding]):
    """(id, start, end) of every span the page must wrap."""
    spans = []
    for i, m in enumerate(mentions):
        spans.append((f"m{i}", m.start, m.end))

        def walk(parts, prefix):
            for j, s in enumerate(parts):
                spans.append((f"{prefix}s{j}", s.start, s.end))
                walk(s.splits, f"{prefix}s{j}")

        walk(m.splits, f"m{i}")
        if m.period is not None:
            spans.append((f"m{i}p", m.period.start_offset, m.period.end_offset))
    for k, f in enumerate(findings):
        spans.append((f"f{k}", f.start, f.end))
    return spans


# --------------------------------------------------------------------------------------
# The text and its spans


@pytest.mark.parametrize("text", [RELEASE, HOSTILE, RELEASE.replace("\n", "\r\n"),
                                  "", "한 줄", "\n\n", "총사업비 281억 원"])
def test_document_text_is_the_readers_text_exactly(text):
    page, _, _ = page_for(text)
    assert strip_tags(doc_part(page)) == text
    tree = parse(doc_part(page))
    assert "".join(tree.text) == text


def test_release_has_the_structure_the_page_is_for():
    _, mentions, findings = page_for(RELEASE)
    total = next(m for m in mentions if m.text == "281억 원")
    assert [s.text for s in total.splits] == ["국비 121", "지방비 150"]
    assert total.period is not None and total.period.text == "2024년부터 2027년까지 4년간"
    assert {f.code for f in findings} >= {"FP101", "FP201", "FP401"}


@pytest.mark.parametrize("text", [RELEASE, HOSTILE])
def test_every_span_is_wrapped_once_in_place_and_in_order(text):
    page, mentions, findings = page_for(text)
    tree = parse(doc_part(page))
    ids = tree.by_id()
    spans = all_spans(mentions, findings)
    assert spans, "the sample must have spans"
    for ident, start, end in spans:
        assert ident in ids, f"{ident} not wrapped"
        assert ids[ident]["tag"] == "mark"
        offset, covered = marked_text(tree, ident)
        assert (offset, covered) == (start, text[start:end]), ident
    # mentions appear in text order, each exactly once
    order = [e["attrs"]["id"] for e in tree.elements
             if re.fullmatch(r"m\d+", e["attrs"].get("id", ""))]
    assert order == [f"m{i}" for i in range(len(mentions))]
    assert [m.start for m in mentions] == sorted(m.start for m in mentions)
    # no mark without a span behind it
    marks = [e for e in tree.elements if e["tag"] == "mark" and "id" in e["attrs"]]
    assert len(marks) == len(spans)


def test_total_parts_and_period_share_one_colour_group():
    page, mentions, _ = page_for(RELEASE)
    ids = parse(doc_part(page)).by_id()

    def group(ident: str) -> str:
        found = [c for c in ids[ident]["attrs"]["class"].split() if re.fullmatch(r"g\d", c)]
        assert len(found) == 1, ident
        return found[0]

    related = 0
    for ident, _, _ in all_spans(mentions, []):
        owner = re.match(r"m\d+", ident).group()
        assert group(ident) == group(owner)
        related += ident != owner
    assert related >= 9                               # parts, nested parts and periods
    assert group("m0") != group("m1")                  # neighbouring totals differ


def test_tooltips_carry_value_label_category_period_and_markers():
    text = ("구미시는 2023년부터 2026년까지 4년간 총사업비 281억 원(국비 121, 지방비 160)을 투입한다. "
            "운영비는 약 3억 원 이상이다.")
    page, mentions, _ = page_for(text)
    ids = parse(doc_part(page)).by_id()
    tip = ids["m0"]["attrs"]["data-tip"]
    assert "281억 원 · 28,100,000,000원" in tip
    assert "항목: 총사업비" in tip
    assert "국비 121억 원, 지방비 160억 원" in tip
    assert "기간: 2023~2026년 (4년간)" in tip
    part = ids["m0s0"]["attrs"]["data-tip"]
    assert "121억 원 · 12,100,000,000원" in part and "국비 [national]" in part
    assert "총액: 281억 원 (총사업비)" in part
    assert "지방비" in ids["m0s1"]["attrs"]["data-tip"]
    assert "c-local" in ids["m0s1"]["attrs"]["class"]
    period = ids["m0p"]["attrs"]["data-tip"]
    assert "2023~2026년 (4년간)" in period and "281억 원" in period
    approx = next(i for i, m in enumerate(mentions) if m.text == "3억 원")
    assert "표지: 어림(약), 하한(이상)" in ids[f"m{approx}"]["attrs"]["data-tip"]
    # tooltips are attributes, never text: the page text stays the document text
    assert "28,100,000,000" not in strip_tags(doc_part(page))
    # an amount labelled with a source word names its category; nested parts have tooltips
    page, mentions, _ = page_for(RELEASE)
    ids = parse(doc_part(page)).by_id()
    local = next(i for i, m in enumerate(mentions) if m.text == "30억4,000만원")
    tip = ids[f"m{local}"]["attrs"]["data-tip"]
    assert "30억 4,000만 원 · 3,040,000,000원" in tip and "구분: 지방비 [local]" in tip
    assert "도비 9억 1,200만 원, 시비 21억 2,800만 원" in tip
    assert "provincial" in ids[f"m{local}s0"]["attrs"]["data-tip"]
    share = next(i for i, m in enumerate(mentions) if m.text == "100억 원")
    assert "비율: 50%" in ids[f"m{share}s0"]["attrs"]["data-tip"]
    assert "50억 원 · 5,000,000,000원" in ids[f"m{share}s0"]["attrs"]["data-tip"]


def test_english_labels_and_messages():
    page, _, findings = page_for("2023년부터 2026년까지 3년간 281억 원", lang="en")
    assert findings and findings[0].message_en
    assert html.escape(findings[0].message_en) in page
    assert findings[0].message not in html.unescape(page)
    assert "period: 2023~2026 (3 years)" in html.unescape(page)


# --------------------------------------------------------------------------------------
# Nesting, crossing and line breaks


def mention(text: str, start: int, end: int, **kw) -> Mention:
    base = dict(text=text[start:end], start=start, end=end, line=1, column=start + 1,
                currency="KRW", value=Decimal(100), krw=100)
    base.update(kw)
    return Mention(**base)


def finding(start: int, end: int, line: int = 1, code: str = "FP101") -> Finding:
    return Finding(code=code, severity="error", start=start, end=end, line=line, column=1,
                   message="메시지", message_en="message")


def test_crossing_nested_and_multiline_spans_stay_well_formed():
    text = "가나다 100원 라마 200원\n바사 300원 아자"
    a = text.index("100원")
    b = text.index("200원")
    c = text.index("300원")
    mentions = [
        mention(text, a, a + 4, splits=(
            Split("국비", "national", text[a:a + 3], a, a + 3, Decimal(1), "KRW", 1),)),
        mention(text, b, b + 4),
        mention(text, c, c + 4, line=2),
    ]
    findings = [finding(a + 2, b + 2), finding(b, c + 2, line=1), finding(0, len(text))]
    page = render_page(text, mentions, findings, name="x")
    part = doc_part(page)
    tree = parse(part)                               # balanced
    assert "".join(tree.text) == text
    for ident, start, end in all_spans(mentions, findings):
        assert marked_text(tree, ident) == (start, text[start:end]), ident
    # the finding across the line break continues on line 2 in a "cont" fragment
    conts = [e for e in tree.elements if e["attrs"].get("data-of") == "f1"]
    assert conts and all("cont" in e["attrs"]["class"] for e in conts)
    lines = [e for e in tree.elements if e["tag"] == "div"]
    assert [e["attrs"]["id"] for e in lines] == ["L1", "L2"]


def test_zero_width_and_out_of_range_spans_are_ignored():
    text = "총사업비 281억 원"
    mentions = [mention(text, 5, 11), mention(text, 3, 3), mention(text, 9, 99)]
    part = render_text(text, build_marks(text, mentions, [], "ko"))
    tree = parse(part)
    assert "".join(tree.text) == text
    ids = tree.by_id()
    assert "m1" not in ids                           # empty span: nothing to wrap
    assert marked_text(tree, "m2") == (9, text[9:])  # clipped to the text


def test_pdf_page_starts_mark_their_lines():
    text = "첫 쪽\n둘째 줄\n둘째 쪽 100억 원\n"
    part = render_text(text, [], {}, pages=(0, text.index("둘째 쪽")))
    tree = parse(part)
    marked = [e["attrs"]["id"] for e in tree.elements if "data-page" in e["attrs"]]
    assert marked == ["L3"]


# --------------------------------------------------------------------------------------
# Escaping


def test_hostile_text_stays_inert():
    page, _, _ = page_for(HOSTILE, name='"><script>alert(2)</script>.txt')
    tree = parse(page)
    tags = {e["tag"] for e in tree.elements}
    assert tags <= ALLOWED_TAGS, tags - ALLOWED_TAGS
    assert "script" not in tags and "img" not in tags
    assert "b" not in {e["tag"] for e in parse(doc_part(page)).elements}
    assert sum(1 for e in tree.elements if e["tag"] == "style") == 1
    assert sum(1 for e in tree.elements if e["tag"] == "main") == 1
    for e in tree.elements:
        for name, value in e["attrs"].items():
            assert not name.startswith("on"), (e["tag"], name)
            if name == "href":
                assert value.startswith("#"), value
    assert "<script" not in page.lower() and "<img" not in page.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&amp;amp;" in page                       # a literal "&amp;" in the text survives
    assert strip_tags(doc_part(page)) == HOSTILE


def test_hostile_values_in_tooltips_and_messages_are_escaped():
    text = "총사업비 281억 원"
    evil = '"><script>alert(1)</script>\'&'
    m = mention(text, 5, 11, label=evil, period=Period(2023, 2026, 4, evil, 0, 4))
    f = Finding("FP201", "error", 0, 4, 1, 1, f"기간 '{evil}' 오류", "")
    page = render_page(text, [m], [f], name=evil)
    tree = parse(page)
    assert {e["tag"] for e in tree.elements} <= ALLOWED_TAGS
    ids = parse(doc_part(page)).by_id()
    assert evil in ids["m0"]["attrs"]["data-tip"]    # the parser gets the raw value back
    notes = [e for e in tree.elements if e["tag"] == "a" and "note" in e["attrs"].get("class", "")]
    assert evil in notes[0]["attrs"]["data-msg"]
    assert esc_attr(evil) == "&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&#x27;&amp;"


def test_page_is_self_contained_with_korean_typography():
    page, _, _ = page_for(RELEASE)
    assert page.startswith("<!DOCTYPE html>")
    assert '<html lang="ko">' in page
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in page
    assert '"Noto Sans KR", "Nanum Gothic", "NanumGothic", "Malgun Gothic"' in page
    assert '"Apple SD Gothic Neo", sans-serif' in page
    csp = [e["attrs"]["content"] for e in parse(page).elements
           if e["attrs"].get("http-equiv") == "Content-Security-Policy"]
    assert csp and csp[0].startswith("default-src 'none';")  # no script can run at all
    lowered = page.lower()
    for needle in ("http:", "https:", "//fonts", "<script", "<link", "src=", "@import",
                   "url(", "javascript:"):
        assert needle not in lowered, needle
    assert "#all:target" in page and "@media print" in page


# --------------------------------------------------------------------------------------
# Findings


def test_findings_are_listed_with_links_and_noted_beside_their_line():
    page, _, findings = page_for(RELEASE)
    tree = parse(page)
    ids = tree.by_id()
    listed = [e for e in tree.elements
              if e["tag"] == "a" and e["attrs"].get("href", "").startswith("#f")
              and "note" not in e["attrs"].get("class", "")
              and "jump" not in e["attrs"].get("class", "")]
    assert len(listed) == len(findings)
    for k, (a, f) in enumerate(zip(listed, findings)):
        assert a["attrs"]["href"] == f"#f{k}"
        assert ids[f"f{k}"]["tag"] == "mark" and f"{f.code}" in "".join(a["text"])
        assert f.message in "".join(a["text"])
        line = ids[f"L{f.line}"]
        assert "has-f" in line["attrs"]["class"]
        assert any(e["attrs"].get("data-msg") == f"{f.code} {f.message}"
                   for e in tree.elements if e["attrs"].get("href") == f"#f{k}")
    # the FP101 underline covers the total it is about
    fp101 = next(k for k, f in enumerate(findings) if f.code == "FP101")
    assert "".join(ids[f"f{fp101}"]["text"]) == "281억 원"
    assert "error" in ids[f"f{fp101}"]["attrs"]["class"]


def test_clean_text_says_so():
    page, _, findings = page_for("구미시는 총사업비 281억 원(국비 121, 지방비 160)을 투입한다.")
    assert findings == []
    assert "지적 사항이 없습니다." in page


# --------------------------------------------------------------------------------------
# Summary: chart, timeline, counts


def chart_rows(page: str) -> dict[str, int]:
    tree = parse(page)
    svg = [e for e in tree.elements if e["tag"] == "svg" and "chart" in e["attrs"]["class"]]
    assert len(svg) == 1
    return {e["attrs"]["data-category"]: int(e["attrs"]["data-krw"])
            for e in tree.elements if e["tag"] == "g" and "data-category" in e["attrs"]}


def test_chart_has_the_category_totals():
    page, _, _ = page_for(RELEASE)
    rows = chart_rows(page)
    # only the categories present, in their order; no zero rows
    assert list(rows) == ["national", "provincial", "municipal", "local"]
    # 국비 121억 + 국비 50% of 100억; 지방비 150억; 도비 9억1,200만 + 15억; 시비 21억2,800만 + 30억
    assert rows["national"] == 17_100_000_000
    assert rows["local"] == 15_000_000_000
    assert rows["provincial"] == 2_412_000_000
    assert rows["municipal"] == 5_128_000_000
    svg = page[page.index('<svg class="chart"'):]
    svg = svg[:svg.index("</svg>")]
    for value in (17_100_000_000, 15_000_000_000, 2_412_000_000):
        assert f">{format_krw(value)}<" in svg
    assert svg.count("<rect") == 4                    # a bar for each non-zero category


def test_source_totals_count_each_figure_once_from_the_innermost_parts():
    text = "x" * 80
    part = lambda label, cat, krw, **kw: Split(label, cat, label, 0, 1, Decimal(krw), "KRW",
                                               krw, **kw)
    nested = part("지방비", "local", 30, splits=(part("도비", "provincial", 10),
                                              part("시비", "municipal", 20)))
    total = mention(text, 0, 5, krw=100, value=Decimal(100),
                    splits=(part("국비", "national", 70), nested))
    again = mention(text, 10, 15, krw=100, value=Decimal(100),
                    splits=(part("국비", "national", 70), nested))
    labelled = mention(text, 20, 25, krw=5, value=Decimal(5), label="민자")
    repeated_part = mention(text, 30, 35, krw=70, value=Decimal(70), label="국비")
    mixed = mention(text, 40, 45, krw=9, value=Decimal(9),
                    splits=(part("국도비", "national+provincial", 9),))
    table_sum = mention(text, 50, 55, krw=170, value=Decimal(170), label="합 계",
                        splits=(part("국", "national", 140), part("군", "municipal", 30)))
    lookup = {"민자": "private", "국비": "national"}.get
    totals = source_totals([total, again, labelled, repeated_part, mixed, table_sum], lookup)
    assert totals == {"national": 70, "provincial": 10, "municipal": 20, "private": 5,
                      "national+provincial": 9}


def test_timeline_shows_each_period():
    page, _, _ = page_for(RELEASE)
    tree = parse(page)
    svg = [e for e in tree.elements if e["tag"] == "svg" and "timeline" in e["attrs"]["class"]]
    assert len(svg) == 1
    links = [e["attrs"]["href"] for e in tree.elements
             if e["tag"] == "a" and e["attrs"].get("href", "").endswith("p")]
    ids = tree.by_id()
    assert len(links) == 2 and all(link[1:] in ids for link in links)
    ticks = [int("".join(e["text"])) for e in tree.elements
             if e["tag"] == "text" and "tick" in e["attrs"].get("class", "")]
    assert ticks == [2023, 2024, 2025, 2026, 2027]
    bad = [e for e in tree.elements if e["tag"] == "rect" and "bad" in e["attrs"].get("class", "")]
    assert len(bad) == 1                              # the FP201 period


def test_counts():
    page, mentions, findings = page_for(RELEASE)
    numbers = [int(n) for n in re.findall(r'<li class="(?:bad)?"><b>(\d+)</b>', page)]
    parts = sum(len(m.splits) + sum(len(s.splits) for s in m.splits) for m in mentions)
    assert numbers == [len(mentions), parts, 2, len(findings)]


# --------------------------------------------------------------------------------------
# The command


def test_main_writes_pages_and_an_index_linking_each(tmp_path, capsys):
    src = tmp_path / "src"
    src.mkdir()
    (src / "release.txt").write_text(RELEASE, encoding="utf-8")
    (src / "notice.txt").write_text(HOSTILE, encoding="cp949", errors="ignore")
    (src / "index.txt").write_text("총사업비 10억 원", encoding="utf-8")
    (src / "junk.txt").write_bytes(b"\x00\x01\x02\xff" * 100)
    out = tmp_path / "out"
    paths = [str(src / n) for n in ("release.txt", "junk.txt", "notice.txt", "index.txt")]
    code = main([*paths, "-o", str(out)])
    captured = capsys.readouterr()
    assert code == 2
    err = captured.err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith(f"fundparse: {src / 'junk.txt'}: ")
    written = sorted(p.name for p in out.iterdir())
    assert written == ["index-2.html", "index.html", "notice.html", "release.html"]
    index = (out / "index.html").read_text(encoding="utf-8")
    tree = parse(index)
    links = [e for e in tree.elements if e["tag"] == "a"]
    # each page opens at its first finding or amount
    assert [a["attrs"]["href"] for a in links] == ["release.html#f0", "notice.html#m0",
                                                   "index-2.html#m0"]
    assert ["".join(a["text"]) for a in links] == [paths[0], paths[2], paths[3]]
    assert "junk.txt" in index
    page = (out / "release.html").read_text(encoding="utf-8")
    assert strip_tags(doc_part(page)) == RELEASE


def test_main_on_a_folder_and_one_file(tmp_path, capsys):
    folder = tmp_path / "drafts"
    (folder / ".hidden").mkdir(parents=True)
    (folder / "a.txt").write_text("총사업비 281억 원(국비 121, 지방비 160)", encoding="utf-8")
    (folder / ".hidden" / "b.txt").write_text("10억 원", encoding="utf-8")
    (folder / "c.bin").write_bytes(b"\x00")
    out = tmp_path / "one"
    assert main([str(folder / "a.txt"), "-o", str(out)]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["a.html"]  # one file: no index
    out = tmp_path / "many"
    (tmp_path / "a.txt").write_text("국비 10억 원", encoding="utf-8")
    # the folder's a.txt named again is read once (the one file walker of every command)
    assert main([str(folder), str(folder / "a.txt"), str(tmp_path / "a.txt"), "-o", str(out)]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["a-2.html", "a.html", "index.html"]
    capsys.readouterr()


def test_main_usage_errors(tmp_path, capsys):
    f = tmp_path / "a.txt"
    f.write_text("올해 예산 10억 원", encoding="utf-8")
    assert main([str(f), "-o", str(tmp_path / "o"), "--doc-date", "2024-13-45"]) == 2
    assert capsys.readouterr().err.startswith("fundparse: --doc-date: ")
    blocker = tmp_path / "file"
    blocker.write_text("")
    assert main([str(f), "-o", str(blocker / "sub")]) == 2
    assert capsys.readouterr().err.startswith(f"fundparse: {blocker / 'sub'}: ")
    with pytest.raises(SystemExit) as exc:
        main(["--format", "xml"])
    assert exc.value.code == 2


def test_doc_date_and_config_reach_the_page(tmp_path, capsys):
    f = tmp_path / "a.txt"
    f.write_text("2023년부터 2026년까지 3년간 281억 원\n", encoding="utf-8")
    assert main([str(f), "-o", str(tmp_path / "o1"), "--doc-date", "2024-05-01"]) == 0
    page = (tmp_path / "o1" / "a.html").read_text(encoding="utf-8")
    assert "문서 날짜 2024-05-01" in page and 'class="fd error"' in page
    (tmp_path / ".fundparse.toml").write_text('ignore = ["FP2"]\n', encoding="utf-8")
    assert main([str(f), "-o", str(tmp_path / "o2")]) == 0
    page = (tmp_path / "o2" / "a.html").read_text(encoding="utf-8")
    assert 'class="fd' not in doc_part(page) and "지적 사항이 없습니다." in page
    capsys.readouterr()


def test_build_page_counts():
    page = build_page(RELEASE, name="r.html", path="r.txt")
    assert page.name == "r.html" and page.mentions == len(fundparse.extract(RELEASE))
    assert page.findings == len(fundparse.check(RELEASE)) and page.errors == page.findings
