"""`fundparse extract` run as a command on real files made here: every input kind, every output
format, many files, bad files beside good ones, options."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

import fundparse

SEED = "구미시는 2023년부터 2026년까지 4년간 총사업비 281억 원(국비 121, 지방비 160)을 투입한다.\n"
SECOND = "시는 또 사업비 50억 원(도비 20억 원, 시비 30억 원)을 들여 공원을 조성한다.\n"
RELEASE = "보도일시 2024. 5. 21.(화) 조간\n" + SEED + SECOND

MENTION_KEYS = {"file", "text", "start", "end", "line", "column", "currency", "value", "krw",
                "approximate", "bound", "range", "per", "change", "label", "fiscal_year",
                "splits", "period", "findings"}
SPLIT_KEYS = {"label", "category", "text", "start", "end", "value", "currency", "krw", "share",
              "splits"}
PERIOD_KEYS = {"start", "end", "years", "text", "start_offset", "end_offset"}
FINDING_KEYS = {"code", "severity", "line", "column", "start", "end", "message"}


def jsonl(stdout: str) -> list[dict]:
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


def surfaces(records: list[dict]) -> list[tuple[str, int | None]]:
    return [(r["text"], r["krw"]) for r in records]


def seed_expectation(records: list[dict]) -> None:
    total = next(r for r in records if r["krw"] == 28_100_000_000)
    assert total["text"] == "281억 원"
    assert [(s["label"], s["category"], s["krw"]) for s in total["splits"]] == [
        ("국비", "national", 12_100_000_000), ("지방비", "local", 16_000_000_000)]
    assert (total["period"]["start"], total["period"]["end"], total["period"]["years"]) == (2023, 2026, 4)


# --- input kinds ---------------------------------------------------------------------------------

def test_utf8_file_jsonl_has_the_contract_and_positions(cli, tmp_path):
    path = tmp_path / "release.txt"
    path.write_text(RELEASE, encoding="utf-8")
    done = cli("extract", "--format", "jsonl", path)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    records = jsonl(done.stdout)
    assert surfaces(records) == [("281억 원", 28_100_000_000), ("50억 원", 5_000_000_000)]
    seed_expectation(records)
    for record in records:
        assert list(record)[0] == "file" and record["file"] == str(path)
        # offsets and line/column refer to the file's text
        assert RELEASE[record["start"]:record["end"]] == record["text"]
        line = RELEASE.split("\n")[record["line"] - 1]
        assert line[record["column"] - 1:].startswith(record["text"])
    assert records[0]["line"] == 2 and records[1]["line"] == 3


def test_jsonl_lines_validate_against_the_contract(cli, tmp_path):
    text = (SEED + "예산 100억~200억 원을 편성했다.\n1인당 월 30만 원을 지원한다.\n"
            "총사업비 70억 원(국비 80억 원 포함)\n미국 기업이 약 5억 달러 이상을 투자한다.\n")
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    done = cli("extract", "-f", "jsonl", tmp_path / "a.txt")
    assert done.returncode == 0, done.stderr
    records = jsonl(done.stdout)
    assert len(records) >= 5

    def check_split(split: dict) -> None:
        assert set(split) == SPLIT_KEYS
        assert isinstance(split["value"], str) and Decimal(split["value"]) >= 0
        assert split["krw"] is None or isinstance(split["krw"], int)
        assert text[split["start"]:split["end"]] == split["text"]
        for inner in split["splits"]:
            check_split(inner)

    for r in records:
        extension = {"agency", "project", "region"}  # on a funded total (issue 20), all three
        assert set(r) - extension == MENTION_KEYS, set(r) ^ MENTION_KEYS
        assert not extension & set(r) or extension <= set(r)
        assert text[r["start"]:r["end"]] == r["text"]
        assert isinstance(r["value"], str) and str(Decimal(r["value"])) == r["value"]
        assert r["krw"] is None or type(r["krw"]) is int
        assert isinstance(r["approximate"], bool)
        assert r["bound"] in (None, "min", "max")
        assert r["change"] in (None, "increase", "decrease")
        assert r["range"] is None or set(r["range"]) == {"low", "high", "low_krw", "high_krw"}
        assert r["period"] is None or set(r["period"]) == PERIOD_KEYS
        for split in r["splits"]:
            check_split(split)
        for finding in r["findings"]:
            assert set(finding) == FINDING_KEYS
    by_text = {r["text"]: r for r in records}
    assert by_text["100억~200억 원"]["range"]["high_krw"] == 20_000_000_000
    assert by_text["30만 원"]["per"] is not None
    usd = by_text["5억 달러"]
    assert (usd["currency"], usd["krw"], usd["approximate"], usd["bound"]) == ("USD", None, True, "min")
    assert [f["code"] for f in by_text["70억 원"]["findings"]] == ["FP103"]


@pytest.mark.parametrize("encoding", ["cp949", "euc-kr", "utf-16", "utf-8-sig"])
def test_legacy_and_unicode_encodings_give_the_same_mentions(cli, tmp_path, encoding):
    # 똠, 햏, 뷁 are outside KS X 1001's 2,350 syllables: CP949 has codes for them, EUC-KR
    # spells them as 8-byte jamo sequences.  Either way they must come out as one syllable each.
    text = "뷁똠햏 마을 소식\n" + SEED + SECOND
    (tmp_path / "utf8.txt").write_text(text, encoding="utf-8")
    data = text.encode(encoding)
    (tmp_path / "legacy.txt").write_bytes(data)
    if encoding == "euc-kr":
        assert "똠".encode("euc-kr").startswith(b"\xa4\xd4")  # the 8-byte form
    reference = cli("extract", "-f", "jsonl", tmp_path / "utf8.txt")
    done = cli("extract", "-f", "jsonl", "--verbose", "--lang", "en", tmp_path / "legacy.txt")
    assert done.returncode == 0, done.stderr
    expected = [{**r, "file": str(tmp_path / "legacy.txt")} for r in jsonl(reference.stdout)]
    assert jsonl(done.stdout) == expected  # same offsets: nothing decoded to mojibake
    seed_expectation(jsonl(done.stdout))
    said = re.search(r"worker \d+ read .*legacy\.txt \(text, ([^)]+)\)", done.stderr)
    assert said, done.stderr
    codec = said.group(1).replace("_", "-").lower()
    if encoding == "cp949":
        assert codec == "cp949"
    elif encoding == "euc-kr":
        assert codec in ("euc-kr", "cp949")
    else:
        assert codec.startswith("utf")


def test_html_page_visible_text_only(cli, tmp_path):
    page = """<!doctype html><html><head><meta charset="utf-8"><title>뉴스</title>
<style>.price::after { content: "999억 원"; }</style>
<script>var ad = "광고 777억 원"; document.write("888억 원");</script></head>
<body><nav>메뉴 홈 | 정치 | 경제</nav>
<p>구미시는 2023년부터 2026년까지 4년간 총사업비 281억 원(국비 121, 지방비 160)을 투입한다.</p>
<!-- 주석 666억 원 -->
<p>시는 또 50억 원을 들여 공원을 조성한다.</p>
<script type="application/ld+json">{"price": "555억 원"}</script>
</body></html>"""
    (tmp_path / "news.html").write_text(page, encoding="utf-8")
    done = cli("extract", "-f", "jsonl", tmp_path / "news.html")
    assert done.returncode == 0, done.stderr
    records = jsonl(done.stdout)
    assert surfaces(records) == [("281억 원", 28_100_000_000), ("50억 원", 5_000_000_000)]
    seed_expectation(records)


def test_hwpx_paragraphs_and_table(cli, tmp_path, hwpx):
    data = hwpx(["구미시는 2023년부터 2026년까지 4년간 총사업비 281억 원(국비 121, 지방비 160)을 투입한다."],
                [["구분", "금액", "비고"], ["공원 조성", "50억 원", "시비"], ["도로 정비", "32억 원", "도비"]],
                ["붙임: 사업 개요"])
    (tmp_path / "보도자료.hwpx").write_bytes(data)
    done = cli("extract", "-f", "jsonl", "--verbose", tmp_path / "보도자료.hwpx")
    assert done.returncode == 0, done.stderr
    assert "(hwpx)" in done.stderr
    records = jsonl(done.stdout)
    seed_expectation(records)
    table = [r for r in records if r["line"] > 1]
    assert [(r["text"], r["krw"]) for r in table] == [("50억 원", 5_000_000_000), ("32억 원", 3_200_000_000)]
    assert table[0]["line"] == 3 and table[1]["line"] == 4  # one line per table row


def test_pdf_mentions_carry_their_page(cli, tmp_path):
    pytest.importorskip("pdfplumber", reason="fundparse[pdf] extra (pdfplumber) not installed")
    pytest.importorskip("reportlab", reason="reportlab (test extra) not installed")
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("HYSMyeongJo-Medium"))
    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    c.setFont("HYSMyeongJo-Medium", 12)
    c.drawString(72, 750, "첫 쪽에는 사업비 50억 원만 있다.")
    c.showPage()
    c.setFont("HYSMyeongJo-Medium", 12)
    c.drawString(72, 750, "총사업비 281억 원(국비 121, 지방비 160)을 투입한다.")
    c.showPage()
    c.save()
    (tmp_path / "release.pdf").write_bytes(buf.getvalue())
    done = cli("extract", "-f", "jsonl", tmp_path / "release.pdf")
    assert done.returncode == 0, done.stderr
    pages = {r["krw"]: r.get("page") for r in jsonl(done.stdout)}
    assert pages == {5_000_000_000: 1, 28_100_000_000: 2}


def test_directory_tree_skips_hidden_and_symlinked_folders(cli, tmp_path):
    root = tmp_path / "press"
    (root / "2024" / "05").mkdir(parents=True)
    (root / ".drafts").mkdir()
    (root / "2024" / "05" / "a.txt").write_text(SEED, encoding="utf-8")
    (root / "2024" / "b.md").write_text(SECOND, encoding="utf-8")
    (root / "notes.csv").write_text("사업비,70억 원\n", encoding="utf-8")       # not a default glob
    (root / ".drafts" / "c.txt").write_text("사업비 70억 원\n", encoding="utf-8")  # hidden folder
    (root / ".hidden.txt").write_text("사업비 80억 원\n", encoding="utf-8")     # hidden file
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "d.txt").write_text("사업비 90억 원\n", encoding="utf-8")
    (root / "linked").symlink_to(outside, target_is_directory=True)
    done = cli("extract", "-f", "jsonl", root)
    assert done.returncode == 0, done.stderr
    records = jsonl(done.stdout)
    assert [(Path(r["file"]).relative_to(root).as_posix(), r["krw"]) for r in records] == [
        ("2024/b.md", 5_000_000_000), ("2024/05/a.txt", 28_100_000_000)]
    # --glob replaces the default globs; a file named directly is always read
    done = cli("extract", "-f", "jsonl", "--glob", "*.csv", root, outside / "d.txt")
    assert [(Path(r["file"]).name, r["krw"]) for r in jsonl(done.stdout)] == [
        ("notes.csv", 7_000_000_000), ("d.txt", 9_000_000_000)]


def test_stdin(cli):
    done = cli("extract", "-", "-f", "jsonl", input=RELEASE.encode("cp949"))
    assert done.returncode == 0, done.stderr
    records = jsonl(done.stdout)
    assert {r["file"] for r in records} == {"-"}
    seed_expectation(records)
    # without PATH, a piped stdin is read
    done = cli("extract", "-f", "json", input=SEED)
    assert [r["krw"] for r in json.loads(done.stdout)] == [28_100_000_000]
    done = cli("extract", "-", "--stdin-filename", "news.html", "-f", "jsonl",
               input="<html><body><script>x='777억 원'</script><p>사업비 50억 원</p></body></html>")
    assert [(r["file"], r["krw"]) for r in jsonl(done.stdout)] == [("news.html", 5_000_000_000)]


# --- bad input ---------------------------------------------------------------------------------

def test_junk_and_hwp_magic_beside_good_files(cli, tmp_path):
    (tmp_path / "good1.txt").write_text(SEED, encoding="utf-8")
    (tmp_path / "junk.txt").write_bytes(bytes(range(256)) * 20)
    (tmp_path / "old.hwp").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    (tmp_path / "good2.md").write_text(SECOND, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    done = cli("extract", "-f", "jsonl", tmp_path)
    assert done.returncode == 2
    assert [(Path(r["file"]).name, r["krw"]) for r in jsonl(done.stdout)] == [
        ("good1.txt", 28_100_000_000), ("good2.md", 5_000_000_000)]
    lines = done.stderr.splitlines()
    assert len(lines) == 2, done.stderr
    assert lines[0].startswith(f"fundparse: {tmp_path / 'junk.txt'}: ")
    assert lines[1].startswith(f"fundparse: {tmp_path / 'old.hwp'}: ") and "HWP" in lines[1]
    assert "Traceback" not in done.stderr


def test_broken_symlink_and_fifo_in_a_folder(cli, tmp_path):
    (tmp_path / "good.txt").write_text(SEED, encoding="utf-8")
    (tmp_path / "dead.txt").symlink_to(tmp_path / "missing.txt")
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "zz.txt").write_text(SECOND, encoding="utf-8")
    done = cli("extract", "-f", "jsonl", "--lang", "en", tmp_path, timeout=60)
    assert done.returncode == 2
    assert [Path(r["file"]).name for r in jsonl(done.stdout)] == ["good.txt", "zz.txt"]
    assert done.stderr.splitlines() == [
        f"fundparse: {tmp_path / 'dead.txt'}: broken symbolic link",
        f"fundparse: {tmp_path / 'pipe.txt'}: not a regular file (a FIFO)",
    ]


def test_missing_file_and_empty_file(cli, tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    done = cli("extract", "-f", "jsonl", tmp_path / "empty.txt")
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")
    done = cli("extract", "-f", "jsonl", "--lang", "en", tmp_path / "nope.txt", tmp_path / "empty.txt")
    assert done.returncode == 2
    assert done.stderr == f"fundparse: {tmp_path / 'nope.txt'}: no such file\n"


@pytest.mark.parametrize("args, message", [
    (["--rate", "USD=abc"], "rate for USD is not a number"),
    (["--rate", "1380"], "rate must look like USD=1380.5"),
    (["--doc-date", "2024-13-01"], "--doc-date: expected YYYY-MM-DD"),
    (["--jobs", "-2"], "--jobs: expected 0 or more"),
    (["--rates", "missing-rates.csv"], "missing-rates.csv"),
    (["--excel", "--format", "json"], "--excel writes CSV"),
    (["--config", "missing.toml"], "--config: no such file"),
])
def test_bad_options_are_one_line(cli, tmp_path, args, message):
    (tmp_path / "a.txt").write_text(SEED, encoding="utf-8")
    done = cli("extract", "--lang", "en", *args, tmp_path / "a.txt", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stdout == ""
    assert len(done.stderr.splitlines()) == 1 and message in done.stderr, done.stderr


def test_usage_errors_exit_2_without_traceback(cli):
    for args in (["extract", "--format", "xml", "a.txt"], ["frobnicate"], ["check", "--jobs", "x"]):
        done = cli(*args)
        assert done.returncode == 2, args
        assert "Traceback" not in done.stderr and "--help" in done.stderr
        assert len(done.stderr.splitlines()) == 1, done.stderr


# --- many files ----------------------------------------------------------------------------------

def test_jobs_2_equals_jobs_1_and_uses_two_workers(cli, tmp_path):
    for i in range(8):
        body = "".join(f"{i}-{k}: 사업비 {10 + i * 10 + k}억 원(국비 {5 + k}억 원, 시비 {5 + i * 10}억 원)\n"
                       for k in range(3))
        (tmp_path / f"doc{i}.txt").write_text(body, encoding="utf-8")
    one = cli("extract", "-f", "jsonl", "--jobs", "1", tmp_path)
    two = cli("extract", "-f", "jsonl", "--jobs", "2", "--verbose", "--lang", "en", tmp_path)
    assert one.returncode == two.returncode == 0, two.stderr
    assert two.stdout == one.stdout
    assert len(jsonl(one.stdout)) == 24
    read = re.findall(r"^fundparse: worker (\d+) read (\S+) \(text", two.stderr, re.M)
    assert [Path(p).name for _, p in read] == [f"doc{i}.txt" for i in range(8)]
    assert len({pid for pid, _ in read}) == 2, two.stderr
    # every format, and the table, is the same with --jobs
    for fmt in ("csv", "json", "table"):
        assert (cli("extract", "-f", fmt, "-j", "2", tmp_path).stdout
                == cli("extract", "-f", fmt, tmp_path).stdout)


def test_huge_text_is_read_in_chunks_with_whole_file_offsets(cli, tmp_path):
    lines = []
    for i in range(60):
        lines.append(f"{i}번 사업: {2020 + i % 4}년부터 2026년까지 사업비 {100 + i}억 원(국비 40, 지방비 {60 + i})")
        lines.append("")
    long_line = "가나다 " * 100 + "마지막에 사업비 77억 원을 쓴다."  # longer than one chunk
    text = "\n".join(lines) + "\n" + long_line + "\n끝\n"
    path = tmp_path / "archive.txt"
    path.write_text(text, encoding="utf-8")
    whole = cli("extract", "-f", "jsonl", path)
    chunked = cli("extract", "-f", "jsonl", "-v", path,
                  env={"FUNDPARSE_HUGE_BYTES": "2000", "FUNDPARSE_CHUNK_CHARS": "300"})
    assert chunked.returncode == 0, chunked.stderr
    assert "read in chunks" in chunked.stderr
    records = jsonl(chunked.stdout)
    assert records == jsonl(whole.stdout)
    assert len(records) == 61
    for r in records:
        assert text[r["start"]:r["end"]] == r["text"]
        for s in r["splits"]:
            assert text[s["start"]:s["end"]] == s["text"]
        if r["period"]:
            assert text[r["period"]["start_offset"]:r["period"]["end_offset"]] == r["period"]["text"]
    last = records[-1]
    assert (last["krw"], last["line"], last["column"]) == (7_700_000_000, 121, long_line.index("77억") + 1)


# --- formats ---------------------------------------------------------------------------------------

def test_csv_reads_back_with_the_csv_module(cli, tmp_path):
    (tmp_path / "a.txt").write_text(
        SEED + "국도비 30억 원이 포함된 사업비 100억 원(국도비 30억 원, 시비 70억 원)\n"
        "총사업비 100억 원(국비 69억 6,000만 원, 지방비 30억 4,000만 원(도비 9억 1,200만 원, "
        "시비 21억 2,800만 원))을 들인다.\n", encoding="utf-8")
    out = tmp_path / "out.csv"
    done = cli("extract", "--format", "csv", "--output", out, tmp_path / "a.txt")
    assert done.returncode == 0, done.stderr
    assert done.stdout == ""
    raw = out.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    with open(out, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    seed = next(r for r in rows if r["krw"] == "28100000000")
    assert seed["file"] == str(tmp_path / "a.txt") and seed["text"] == "281억 원"
    assert (seed["line"], seed["column"], seed["value"], seed["currency"]) == ("1", "31", "28100000000", "KRW")
    assert (seed["period_start"], seed["period_end"], seed["period_years"]) == ("2023", "2026", "4")
    assert seed["splits"] == "국비:national:12100000000; 지방비:local:16000000000"
    assert seed["national_krw"] == "12100000000" and seed["local_krw"] == "16000000000"
    assert seed["provincial_krw"] == "" and seed["approximate"] == "false" and seed["bound"] == ""
    for category in ("national", "provincial", "municipal", "local", "private", "self", "other"):
        assert f"{category}_krw" in rows[0]
    nested = next(r for r in rows if r["krw"] == "10000000000" and "국비" in r["splits"])
    # the 지방비 counts as its nested 도비 and 시비 (report.totals), never twice
    assert (nested["national_krw"], nested["provincial_krw"], nested["municipal_krw"]) == (
        "6960000000", "912000000", "2128000000")
    assert nested["local_krw"] == ""
    mixed = next(r for r in rows if r["krw"] == "10000000000" and "국도비" in r["splits"])
    assert mixed["municipal_krw"] == "7000000000" and mixed["mixed_krw"] == "3000000000"
    # --excel: the same rows after a UTF-8 byte-order mark
    done = cli("extract", "--excel", tmp_path / "a.txt")
    assert done.stdout.startswith("\ufeff")
    assert list(csv.DictReader(io.StringIO(done.stdout[1:], newline=""))) == rows


def test_json_is_a_list_of_the_jsonl_objects(cli, tmp_path):
    (tmp_path / "a.txt").write_text(RELEASE, encoding="utf-8")
    as_json = cli("extract", "--format", "json", tmp_path / "a.txt")
    as_jsonl = cli("extract", "--format", "jsonl", tmp_path / "a.txt")
    assert json.loads(as_json.stdout) == jsonl(as_jsonl.stdout)
    (tmp_path / "none.txt").write_text("금액이 없는 글\n", encoding="utf-8")
    assert json.loads(cli("extract", "-f", "json", tmp_path / "none.txt").stdout) == []


def test_rate_fills_krw_for_foreign_currency(cli, tmp_path):
    (tmp_path / "a.txt").write_text("미국 기업이 100만 달러와 200만 유로를 투자한다.\n", encoding="utf-8")
    plain = jsonl(cli("extract", "-f", "jsonl", tmp_path / "a.txt").stdout)
    assert [(r["currency"], r["krw"]) for r in plain] == [("USD", None), ("EUR", None)]
    done = cli("extract", "-f", "jsonl", "--rate", "USD=1380.5", "--rate", "eur=1500",
               tmp_path / "a.txt")
    assert [(r["currency"], r["value"], r["krw"]) for r in jsonl(done.stdout)] == [
        ("USD", "1000000", 1_380_500_000), ("EUR", "2000000", 3_000_000_000)]


def test_rates_csv_picks_the_rate_of_each_documents_date(cli, tmp_path):
    body = "미국 기업이 100만 달러를 투자한다.\n"
    (tmp_path / "a2023.txt").write_text("보도일시 2023. 3. 2.(목)\n" + body, encoding="utf-8")
    (tmp_path / "b2024.txt").write_text("보도일시 2024. 7. 1.(월)\n" + body, encoding="utf-8")
    (tmp_path / "c-nodate.txt").write_text(body, encoding="utf-8")
    rates = tmp_path / "rates.csv"
    rates.write_text("date,currency,rate\n2023-01-02,USD,1300\n2024-01-02,USD,1400.5\n"
                     "2024-12-30,USD,1470\n", encoding="utf-8")
    done = cli("extract", "-f", "jsonl", "--rates", rates, tmp_path)
    assert done.returncode == 0, done.stderr
    assert [(Path(r["file"]).name, r["krw"]) for r in jsonl(done.stdout)] == [
        ("a2023.txt", 1_300_000_000), ("b2024.txt", 1_400_500_000), ("c-nodate.txt", 1_470_000_000)]
    # a date given on the command line wins; --rate overrides the table
    done = cli("extract", "-f", "jsonl", "--rates", rates, "--doc-date", "2023-06-30",
               tmp_path / "b2024.txt")
    assert [r["krw"] for r in jsonl(done.stdout)] == [1_300_000_000]
    done = cli("extract", "-f", "jsonl", "--rates", rates, "--rate", "USD=1000", tmp_path / "b2024.txt")
    assert [r["krw"] for r in jsonl(done.stdout)] == [1_000_000_000]


def test_doc_date_and_year_resolve_relative_years(cli, tmp_path):
    (tmp_path / "a.txt").write_text("올해부터 2028년까지 사업비 100억 원을 투입한다.\n", encoding="utf-8")
    for args, start in ((["--year", "2025"], 2025), (["--doc-date", "2026-03-01"], 2026)):
        record = jsonl(cli("extract", "-f", "jsonl", *args, tmp_path / "a.txt").stdout)[0]
        assert (record["period"]["start"], record["period"]["end"]) == (start, 2028)


def test_table_report_and_footer(cli, tmp_path):
    (tmp_path / "a.txt").write_text(RELEASE + "총사업비 281억 원(국비 121, 지방비 160) 중 국비는 확보했다.\n",
                                    encoding="utf-8")
    (tmp_path / "b.txt").write_text("총사업비 281억 원(국비 121, 지방비 150)\n", encoding="utf-8")
    done = cli("extract", tmp_path / "a.txt", tmp_path / "b.txt")
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "\x1b[" not in out  # not a terminal: no colour
    assert str(tmp_path / "a.txt") in out and str(tmp_path / "b.txt") in out
    assert re.search(r"28,100,000,000[^\n]*\n[^\n]*281억 원", out)  # digits, then the short form below
    assert all(line == line.rstrip() for line in out.splitlines())  # no padding in a pipe
    assert "국비: 121억 원\n" in out  # in Korean the category is not repeated after 국비
    assert "도비: 20억 원, 도비·광역시비" in out  # … but named when the label does not say it
    assert "2023–2026 (4년)" in out
    assert "FP101" in out  # the b.txt finding is shown
    footer = out[out.index("재원별 합계"):]
    # a.txt gives 국비 121 twice (counted once), b.txt 121 again: 242; 지방비 160 + 150 = 310; 도비 20, 시비 30
    assert re.search(r"국비\s+24,200,000,000  242억 원", footer), footer
    assert re.search(r"지방비\s+31,000,000,000  310억 원", footer), footer
    assert re.search(r"합계\s+60,200,000,000  602억 원\s+100\.0%", footer), footer


def _run_on_a_terminal(args: list[str]) -> bytes:
    """Run the command with stdout and stderr on a pseudo-terminal; returns what it printed."""
    import pty
    import select

    from conftest import cli_env, fundparse_command

    master, slave = pty.openpty()
    env = cli_env(COLUMNS="200", TERM="xterm-256color")
    proc = subprocess.Popen([*fundparse_command(), *args], stdin=subprocess.DEVNULL,
                            stdout=slave, stderr=slave, env=env)
    os.close(slave)
    chunks = []
    while True:
        ready, _, _ = select.select([master], [], [], 60)
        if not ready:
            proc.kill()
            break
        try:
            data = os.read(master, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    proc.wait(timeout=60)
    os.close(master)
    return b"".join(chunks)


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")
def test_colour_only_on_a_terminal_and_no_color(tmp_path):
    (tmp_path / "b.txt").write_text("총사업비 281억 원(국비 121, 지방비 150)\n", encoding="utf-8")
    coloured = _run_on_a_terminal(["extract", str(tmp_path / "b.txt")])
    assert b"\x1b[" in coloured and "281억 원".encode() in coloured
    plain = _run_on_a_terminal(["extract", "--no-color", str(tmp_path / "b.txt")])
    assert b"\x1b[" not in plain and "281억 원".encode() in plain


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")
def test_progress_bar_on_a_terminal_for_many_files(tmp_path):
    for i in range(12):
        (tmp_path / f"d{i:02}.txt").write_text(f"사업비 {i + 1}억 원\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    shown = _run_on_a_terminal(["extract", "-f", "jsonl", "--lang", "en", "-o", str(out),
                                str(tmp_path)])
    assert b"files" in shown and b"/12" in shown, shown
    assert len(out.read_text(encoding="utf-8").splitlines()) == 12


def test_output_file_is_not_read_as_input(cli, tmp_path):
    (tmp_path / "a.txt").write_text(SEED, encoding="utf-8")
    out = tmp_path / "result.txt"
    out.write_text("사업비 999억 원\n", encoding="utf-8")
    done = cli("extract", "-f", "jsonl", "-o", out, tmp_path)
    assert done.returncode == 0, done.stderr
    assert [r["krw"] for r in jsonl(out.read_text(encoding="utf-8"))] == [28_100_000_000]


# --- the command itself ------------------------------------------------------------------------

def test_version_and_help_with_examples(cli):
    done = cli("--version")
    assert (done.returncode, done.stdout.strip()) == (0, f"fundparse {fundparse.__version__}")
    top = cli("--help", "--lang", "en")
    assert top.returncode == 0
    for word in ("extract", "check", "rules", "eval", "report", "exit codes", "please report"):
        assert word in top.stdout
    korean = cli("--help")  # Korean by default
    for word in ("사용법: fundparse", "명령:", "종료 코드:", "알려 주십시오"):
        assert word in korean.stdout
    ex = cli("extract", "--help", "--lang", "en")
    assert ex.returncode == 0
    assert "examples:" in ex.stdout and "fundparse extract press/ --format jsonl" in ex.stdout
    ex = cli("extract", "--help")
    assert "예:" in ex.stdout and "fundparse extract press/ --format jsonl" in ex.stdout
    for option in ("--format", "--output", "--excel", "--no-color", "--doc-date", "--year",
                   "--rate", "--rates", "--jobs", "--verbose", "--glob"):
        assert option in ex.stdout


def test_python_dash_m(tmp_path):
    (tmp_path / "a.txt").write_text(SEED, encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "fundparse", "extract", "-f", "jsonl",
                           str(tmp_path / "a.txt")], capture_output=True, text=True,
                          encoding="utf-8", timeout=120)
    assert done.returncode == 0, done.stderr
    assert [json.loads(line)["krw"] for line in done.stdout.splitlines()] == [28_100_000_000]


def test_broken_pipe_is_quiet(tmp_path):
    from conftest import cli_env, fundparse_command

    for i in range(30):
        (tmp_path / f"d{i:02}.txt").write_text(SEED * 50, encoding="utf-8")
    producer = subprocess.Popen([*fundparse_command(), "extract", "-f", "jsonl", str(tmp_path)],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=cli_env())
    first = producer.stdout.readline()
    producer.stdout.close()  # the reader goes away, as `| head -1` does
    _, err = producer.communicate(timeout=120)
    assert json.loads(first)["krw"] == 28_100_000_000
    assert b"Traceback" not in err and producer.returncode == 0, err


def test_delegated_commands_load_only_when_run(monkeypatch, capsys):
    import types

    from fundparse import cli as cli_module

    calls = []
    fake = types.ModuleType("fundparse.cli.eval")
    fake.main = lambda argv: calls.append(list(argv)) or 7
    monkeypatch.setitem(sys.modules, "fundparse.cli.eval", fake)
    assert cli_module.main(["eval", "--floor", "f.json", "gold.jsonl"]) == 7
    assert calls == [["--floor", "f.json", "gold.jsonl"]]
    monkeypatch.setitem(sys.modules, "fundparse.cli.review", None)  # import fails: one line, 2
    assert cli_module.main(["report", "x"]) == 2
    assert "report" in capsys.readouterr().err


def test_internal_error_is_one_line_exit_3(tmp_path):
    # An engine failure on one file: one line saying it is a bug, the other file still done.
    (tmp_path / "a.txt").write_text(SEED, encoding="utf-8")
    (tmp_path / "b.txt").write_text("boom\n", encoding="utf-8")
    script = (
        "import sys, fundparse.pipeline as p\n"
        "real = p.extract\n"
        "def extract(text, **kw):\n"
        "    if 'boom' in text: raise ZeroDivisionError('division by zero')\n"
        "    return real(text, **kw)\n"
        "p.extract = extract\n"
        "import fundparse; fundparse.extract = extract\n"
        "from fundparse.cli import main\n"
        "sys.exit(main(sys.argv[1:]))\n"
    )
    done = subprocess.run([sys.executable, "-c", script, "extract", "-f", "jsonl", "--lang", "en",
                           str(tmp_path)],
                          capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert done.returncode == 3
    assert [json.loads(line)["krw"] for line in done.stdout.splitlines()] == [28_100_000_000]
    assert done.stderr.splitlines() == [
        f"fundparse: {tmp_path / 'b.txt'}: internal error (ZeroDivisionError: division by zero); "
        "please report this at https://github.com/fundparse/fundparse/issues"]
