"""File names escaped in every output format (issue 21): a newline in a name cannot forge a line,
bytes that are not UTF-8 cannot make the output invalid UTF-8, rich markup in a name is shown
as written, an ANSI escape never reaches the terminal; bidi controls are shown as code points.
The report writers are called directly, with names no file system test could always create.
"""

from __future__ import annotations

import csv
import io
import json
import os

import pytest

import fundparse
from fundparse.report.formats import CsvWriter, FindingsWriter, JsonlWriter, JsonWriter
from fundparse.report.names import json_text, shown_name, visible_bidi
from fundparse.report.table import TableWriter

TEXT = "총사업비 281억 원(국비 121억 원, 지방비 150억 원)을 투입한다.\n"   # one FP101
MENTIONS = fundparse.extract(TEXT)
FINDINGS = fundparse.check(TEXT)

NAMES = {
    "newline": "news/a.txt\nfundparse: forged.txt: 100억 원",
    "not-utf8": os.fsdecode(b"news/\xff\xfe-release.txt"),
    "markup": "news/[reverse]x.txt",
    "ansi": "news/\x1b[2J\x1b[31mred.txt",
    "bidi": "news/\u202etxt.exe",
    "carriage-return": "news/a.txt\rfundparse: ok",
}


def no_control(text: str) -> None:
    assert "\x1b" not in text and "\r" not in text and "\u202e" not in text, repr(text)
    text.encode("utf-8")  # valid UTF-8: no lone surrogate left


@pytest.mark.parametrize("kind", list(NAMES))
def test_jsonl_keeps_the_name_exact_and_the_output_valid(kind):
    name = NAMES[kind]
    out = io.StringIO()
    writer = JsonlWriter(out)
    writer.write(name, MENTIONS)
    writer.close()
    text = out.getvalue()
    no_control(text)
    lines = text.splitlines()
    assert len(lines) == len(MENTIONS)   # a newline in the name forges no record
    for line in lines:
        record = json.loads(line)
        assert os.fsencode(record["file"]) == os.fsencode(name)


@pytest.mark.parametrize("kind", list(NAMES))
def test_json_list_keeps_the_name_exact(kind):
    name = NAMES[kind]
    out = io.StringIO()
    writer = JsonWriter(out)
    writer.write(name, MENTIONS)
    writer.close()
    no_control(out.getvalue())
    assert [os.fsencode(r["file"]) for r in json.loads(out.getvalue())] == [os.fsencode(name)] * len(MENTIONS)


@pytest.mark.parametrize("kind", list(NAMES))
def test_csv_shows_the_name_escaped_on_one_row(kind):
    name = NAMES[kind]
    out = io.StringIO()
    writer = CsvWriter(out)
    writer.write(name, MENTIONS)
    writer.close()
    text = out.getvalue()
    no_control(text.replace("\r\n", ""))
    assert text.count("\r\n") == 1 + len(MENTIONS)
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert [row[0] for row in rows[1:]] == [shown_name(name)] * len(MENTIONS)
    assert "\n" not in rows[1][0]


@pytest.mark.parametrize("fmt", ["text", "github", "json"])
@pytest.mark.parametrize("kind", list(NAMES))
def test_check_formats(kind, fmt):
    name = NAMES[kind]
    out = io.StringIO()
    writer = FindingsWriter(out, fmt)
    writer.add(name, FINDINGS)
    writer.close()
    text = out.getvalue()
    no_control(text)
    if fmt == "json":
        assert [os.fsencode(r["file"]) for r in json.loads(text)] == [os.fsencode(name)]
        return
    (line,) = text.splitlines()
    assert " FP101 " in line or "title=FP101" in line
    if fmt == "text":
        assert line.startswith(shown_name(name) + ":1:")


@pytest.mark.parametrize("kind", list(NAMES))
def test_the_terminal_table(kind):
    name = NAMES[kind]
    for color in (False, True):
        out = io.StringIO()
        writer = TableWriter(out, color=color, width=200, lang="en")
        writer.begin(name)
        writer.write(name, MENTIONS)
        writer.end(name)
        writer.begin(name + "-empty")
        writer.end(name + "-empty")
        writer.close()
        text = out.getvalue()
        plain = text if not color else _strip_sgr(text)
        assert shown_name(name) in plain, plain
        assert f"{shown_name(name)}-empty: no amounts found" in plain
        assert "\x1b[2J" not in text and "\u202e" not in text
        os.fsencode(text) if not color else text.encode("utf-8")


def _strip_sgr(text: str) -> str:
    import re

    return re.sub(r"\x1b\[[0-9;]*m", "", text)


def test_markup_in_a_name_is_shown_as_written():
    out = io.StringIO()
    writer = TableWriter(out, width=200)
    writer.begin("[reverse]x.txt")
    writer.write("[reverse]x.txt", MENTIONS)
    writer.end("[reverse]x.txt")
    assert "[reverse]x.txt" in out.getvalue()


def test_shown_name():
    assert shown_name("news/보도자료 (1).txt") == "news/보도자료 (1).txt"
    assert shown_name("a\nb") == "a\\nb"
    assert shown_name("a\\nb\n") == "a\\\\nb\\n"   # a real backslash stays apart from an escape
    assert shown_name("\x1b[31m") == "\\x1b[31m"
    assert shown_name(os.fsdecode(b"\xff.txt")) == "\\xff.txt"
    assert shown_name("a\u202eb\u2066c") == "a\\u202eb\\u2066c"


def test_json_text_and_visible_bidi():
    name = os.fsdecode(b"\xed\xa0\x80-\xff")
    dumped = json_text(json.dumps({"file": name}, ensure_ascii=False))
    dumped.encode("utf-8")
    assert os.fsencode(json.loads(dumped)["file"]) == b"\xed\xa0\x80-\xff"
    assert visible_bidi("총 281\u202e억 원") == "총 281⟨U+202E⟩억 원"
    assert visible_bidi("281억 원") == "281억 원"
