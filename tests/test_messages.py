"""One message catalogue (fundparse.messages): Korean by default, English with lang="en"; the
per-file table of ``extract`` speaks Korean throughout in Korean mode."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
import regex

import fundparse
from fundparse.messages import MESSAGES, category_name, marker_word, message
from fundparse.report.table import TableWriter

CORPUS = Path(__file__).resolve().parent.parent / "corpus" / "docs"
DOCS = {
    "seed.txt": "구미시는 2023년부터 2026년까지 4년간 총사업비 281억 원(국비 121, 지방비 160)을 투입한다.",
    "mixed.txt": "약 300억 원 이상, 1인당 월 30만 원, 2025년 예산 100억~200억 원, "
                 "전년보다 50억 원 감소, 미화 1,250만 달러",
    "empty.txt": "이 문서에는 금액이 없다.",
    "inconsistent-01.txt": (CORPUS / "inconsistent/inconsistent-01.txt").read_text(encoding="utf-8"),
    "foreign-02.txt": (CORPUS / "foreign/foreign-02.txt").read_text(encoding="utf-8"),
}
# An English word: three or more Latin letters, other than a currency code (USD) or a finding
# code (FP101), which are data.
ENGLISH_WORD = regex.compile(r"(?<![A-Za-z])(?![A-Z]{3}(?![A-Za-z]))(?!FP\d)[A-Za-z]{3,}")


def table(lang: str | None, width: int) -> str:
    stream = io.StringIO()
    writer = TableWriter(stream, width=width) if lang is None else TableWriter(
        stream, width=width, lang=lang)
    for path, text in DOCS.items():
        writer.begin(path)
        writer.write(path, fundparse.extract(text))
        writer.end(path)
    return stream.getvalue()


@pytest.mark.parametrize("width", [60, 100, 200])
def test_korean_table_has_no_english_sentence(width):
    out = table(None, width)  # Korean is the default
    for path in DOCS:
        out = out.replace(path, "")  # the file names are the user's
    english = [line for line in out.split("\n") if ENGLISH_WORD.search(line)]
    assert not english, "\n".join(english)
    for words in ("줄:열", "원화", "재원", "금액 1건", "empty.txt: 금액을 찾지 못했습니다"):
        assert words in table("ko", width)


def test_english_table_speaks_english():
    out = table("en", 200)
    for words in ("line:col", "amount", "KRW", "label", "splits", "period", "findings",
                  "1 amount\n", "empty.txt: no amounts found", "국비: 121억 원, national"):
        assert words in out, words
    narrow = table("en", 60)
    assert "to fit the width" in narrow and "화면" not in narrow


def test_catalogue_is_complete_and_fills_values():
    for key, texts in MESSAGES.items():
        assert set(texts) == {"ko", "en"}, key
        assert regex.search(r"\p{Hangul}", str(texts["ko"])) or key in ("table.line",), key
    assert message("table.count", n=2) == "금액 2건"
    assert message("table.count", "en", n=1) == "1 amount"
    assert message("table.count", "en", n=2) == "2 amounts"
    assert message("table.none", "fr", path="a") == "a: 금액을 찾지 못했습니다"  # unknown: Korean
    assert category_name("national") == "국비" and category_name("national", "en") == "national"
    assert category_name("national+provincial") == "국비+도비·광역시비"  # each part in words
    assert category_name("national+provincial", "en") == "national+provincial"
    assert marker_word("per", per=marker_word("person")) == "1인당"
    assert marker_word("to", "en", high="5억 원") == "to 5억 원"
