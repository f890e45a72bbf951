"""The default table without colour (a file, a pipe): the rows are padded by report/table.py
(``plain_table``), not laid out by rich cell by cell, and the text is the same, character for
character, as rich's rendering of the whole table (issue 19)."""

from __future__ import annotations

import dataclasses
import io
import random
from pathlib import Path

import pytest

import fundparse
from fundparse.report.table import TableWriter, plain_table, render_table

ROOT = Path(__file__).resolve().parent.parent
DOCS = sorted((ROOT / "corpus" / "docs").rglob("*.txt"))[::6]
# what rich would not keep as it is: tabs, control characters, spaces of other kinds, marks
# of no width, wide characters, markup-like text, long runs
ODD = ["\t", "\u00a0", "\u3000", "\x07", "\x1b[31m", "\u200b", "e\u0301", "😀", "\r", "\n", " ",
       "[bold]x[/]", "…", "ｱ", "  ", "긴" * 45]


def _rich(mentions, width, lang, title):
    out = io.StringIO()
    writer = TableWriter(out, width=width, lang=lang)
    writer._print(render_table(title, mentions, writer.console.width, lang), crop=False)
    return out.getvalue()


def _plain(mentions, width, lang, title):
    writer = TableWriter(io.StringIO(), width=width, lang=lang)
    return plain_table(writer.console, title, mentions, writer.console.width, lang)


@pytest.mark.parametrize("path", DOCS, ids=[p.stem for p in DOCS])
def test_the_same_text_as_rich(path):
    mentions = fundparse.extract(path.read_text(encoding="utf-8"))
    rng = random.Random(path.name)
    odd = [dataclasses.replace(m, label=(m.label or "") + rng.choice(ODD) + rng.choice(ODD))
           if rng.random() < 0.4 else m for m in mentions]
    for width in (16, 40, 72, 100, 180):
        for lang, title in (("ko", path.name), ("en", "보도자료 " * 12 + "x" * 90)):
            for rows in (mentions, odd):
                expected = _rich(rows, width, lang, title)
                assert _plain(rows, width, lang, title) == expected, (width, lang)


def test_the_writer_prints_it(tmp_path):
    text = (ROOT / "corpus" / "docs" / "release" / "release-01.txt").read_text(encoding="utf-8")
    mentions = fundparse.extract(text)
    out = io.StringIO()
    writer = TableWriter(out, width=90)
    writer.write("release-01.txt", mentions)
    writer.end("release-01.txt")
    assert out.getvalue() == _rich(mentions, 90, "ko", "release-01.txt")


class _Ascii(io.StringIO):
    encoding = "ascii"  # rich draws an ASCII box for a stream that is not UTF-8


def test_an_ascii_box_too():
    text = (ROOT / "corpus" / "docs" / "release" / "release-01.txt").read_text(encoding="utf-8")
    mentions = fundparse.extract(text)
    for width in (40, 100):
        expected = _Ascii()
        writer = TableWriter(expected, width=width)
        assert writer.console.options.ascii_only
        writer._print(render_table("a.txt", mentions, width, "ko"), crop=False)
        plain = TableWriter(_Ascii(), width=width)
        assert plain_table(plain.console, "a.txt", mentions, width) in (None, expected.getvalue())
