"""Issue 17, as a newcomer meets it: an Excel workbook from `extract`, sorting and filtering
before any format, --color, Korean throughout, `report` with extract's input options, progress
on many files, and `eval` with --format json and folders.  Real files, the installed command."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
import regex

from conftest import cli_env, fundparse_command

ROOT = Path(__file__).resolve().parent.parent
SEED = "구미시는 2023년부터 2026년까지 4년간 총사업비 281억 원(국비 121, 지방비 160)을 투입한다.\n"
PARK = "시는 또 사업비 50억 원(도비 20억 원, 시비 30억 원)을 들여 공원을 조성한다.\n"
RUNNING = "운영비 5억 원은 시가 부담한다.\n"
BIG = "총사업비 900억 원(국비 400억 원, 시비 500억 원)\n"
BAD = "총사업비 281억 원(국비 121, 지방비 150)\n"


def jsonl(stdout: str) -> list[dict]:
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


@pytest.fixture
def two(tmp_path):
    (tmp_path / "a.txt").write_text("보도일시 2024. 5. 21.\n" + SEED + PARK + RUNNING,
                                    encoding="utf-8")
    (tmp_path / "b.txt").write_text(BIG, encoding="utf-8")
    return tmp_path / "a.txt", tmp_path / "b.txt"


# --- Excel ---------------------------------------------------------------------------------------

def test_xlsx_is_a_real_workbook_read_back(cli, two, tmp_path):
    target = tmp_path / "amounts.xlsx"
    done = cli("extract", *two, "--format", "xlsx", "-o", target)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "" and done.stderr == ""
    book = openpyxl.load_workbook(target)
    assert book.sheetnames == ["금액", "재원", "재원별 합계"]
    rows = list(book["금액"].iter_rows(values_only=True))
    assert rows[0][:7] == ("파일", "줄", "열", "표기", "통화", "값", "원화")  # a Korean header row
    krw = [row[6] for row in rows[1:]]
    assert krw == [28_100_000_000, 5_000_000_000, 500_000_000, 90_000_000_000]
    assert all(type(value) is int for value in krw)  # numbers as numbers
    splits = list(book["재원"].iter_rows(values_only=True))
    assert [(r[6], r[12]) for r in splits[1:3]] == [("국비", 12_100_000_000), ("지방비", 16_000_000_000)]
    totals = {r[0]: r[2] for r in book["재원별 합계"].iter_rows(values_only=True)}
    assert totals["national"] == 12_100_000_000 + 40_000_000_000
    assert totals["합계"] == sum(v for k, v in totals.items() if k not in ("분류", "합계"))


def test_xlsx_in_english_through_stdout_and_refused_on_a_terminal_of_nothing(cli, two, tmp_path):
    done = subprocess.run([*fundparse_command(), "extract", str(two[1]), "-f", "xlsx", "--lang",
                           "en"], capture_output=True, env=cli_env(), timeout=120)
    assert done.returncode == 0, done.stderr
    target = tmp_path / "piped.xlsx"
    target.write_bytes(done.stdout)  # a redirected stdout takes the workbook
    book = openpyxl.load_workbook(target)
    assert book.sheetnames == ["mentions", "splits", "totals"]
    assert next(book["mentions"].iter_rows(values_only=True))[6] == "krw"
    bad = cli("extract", two[0], "-f", "xlsx", "--excel")
    assert bad.returncode == 2 and "--excel" in bad.stderr


# --- sorting and filtering -----------------------------------------------------------------------

def test_sort_by_krw_across_files_in_every_machine_format(cli, two):
    done = cli("extract", *two, "--sort", "krw", "-f", "jsonl")
    assert done.returncode == 0, done.stderr
    assert [r["krw"] for r in jsonl(done.stdout)] == [90_000_000_000, 28_100_000_000,
                                                      5_000_000_000, 500_000_000]
    as_json = json.loads(cli("extract", *two, "--sort", "krw", "-f", "json").stdout)
    assert [r["krw"] for r in as_json] == [r["krw"] for r in jsonl(done.stdout)]
    csv_out = cli("extract", *two, "--sort", "krw", "-f", "csv").stdout.splitlines()
    assert [line.split(",")[1] for line in csv_out[1:]] == ["900억 원", "281억 원", "50억 원", "5억 원"]
    by_file = cli("extract", two[1], two[0], "--sort", "file", "-f", "jsonl").stdout
    assert [Path(r["file"]).name for r in jsonl(by_file)] == ["a.txt"] * 3 + ["b.txt"]
    position = cli("extract", two[1], two[0], "--sort", "position", "-f", "jsonl").stdout
    assert [r["krw"] for r in jsonl(position)] == [90_000_000_000, 28_100_000_000,
                                                   5_000_000_000, 500_000_000]


def test_filters_apply_before_any_format(cli, two):
    def krws(*options: str) -> list[int]:
        done = cli("extract", *two, *options, "-f", "jsonl")
        assert done.returncode == 0, done.stderr
        return [r["krw"] for r in jsonl(done.stdout)]

    assert krws("--min-krw", "60억") == [28_100_000_000, 90_000_000_000]
    assert krws("--min-krw", "5,000,000,000") == [28_100_000_000, 5_000_000_000, 90_000_000_000]
    assert krws("--category", "local") == [28_100_000_000]
    assert krws("--category", "provincial,local") == [28_100_000_000, 5_000_000_000]
    assert krws("--label", "운영") == [500_000_000]
    assert krws("--has-splits") == [28_100_000_000, 5_000_000_000, 90_000_000_000]
    assert krws("--has-splits", "--category", "municipal", "--sort", "krw") == [
        90_000_000_000, 5_000_000_000]
    # the table and its totals see the same selection
    table = cli("extract", *two, "--category", "local", "--lang", "en").stdout
    assert "281억 원" in table and "900억 원" not in table and "b.txt: no amounts found" in table
    assert re.search(r"total\s+28,100,000,000", table), table


def test_bad_selection_is_one_line_exit_2(cli, two):
    for options, words in ((["--min-krw", "many"], "--min-krw"),
                           (["--category", "federal"], "national, provincial"),
                           (["--sort", "size"], "--sort")):
        done = cli("extract", two[0], *options)
        assert done.returncode == 2, options
        assert len(done.stderr.splitlines()) == 1 and words in done.stderr, done.stderr
        assert regex.search(r"\p{Hangul}", done.stderr)  # in Korean by default


# --- colour --------------------------------------------------------------------------------------

def test_color_always_never_and_the_environment(cli, two):
    def coloured(*options: str, **env: str) -> bool:
        done = cli("extract", two[1], *options, env=env)
        assert done.returncode == 0, done.stderr
        return "\x1b[" in done.stdout

    assert not coloured()                       # a pipe: no colour
    assert coloured("--color", "always")
    assert coloured(FORCE_COLOR="1")
    assert not coloured(FORCE_COLOR="1", NO_COLOR="1")
    assert not coloured("--color", "never", FORCE_COLOR="1")
    assert not coloured("--no-color", FORCE_COLOR="1")
    assert coloured("--color", "always", NO_COLOR="1")  # asked for by name
    assert not coloured(NO_COLOR="")                    # NO_COLOR counts only when not empty


# --- Korean throughout ---------------------------------------------------------------------------

# An English word: three or more Latin letters, other than a currency code (USD), a finding code
# (FP101) or the program's name, which are data and names.
ENGLISH_WORD = regex.compile(r"(?<![A-Za-z])(?![A-Z]{3}(?![A-Za-z]))(?!FP\d)(?!fundparse\b)"
                             r"[A-Za-z]{3,}")


def hangul_free_sentences(text: str, *names: str) -> list[str]:
    """The lines that say something in words without a single Hangul syllable (the user's own
    file names and the machine's encoding names left out first)."""
    for name in sorted(names, key=len, reverse=True):
        text = text.replace(name, "")
    text = regex.sub(r"\b(utf-8|cp949|euc-kr|text)\b", "", text)
    return [line for line in text.split("\n")
            if ENGLISH_WORD.search(line) and not regex.search(r"\p{Hangul}", line)
            and not regex.fullmatch(r"\S*/\S+", line)]  # a path written, alone on its line


def test_no_hangul_free_sentence_in_korean_mode(cli, tmp_path):
    good = tmp_path / "release.txt"
    good.write_text("보도일시 2024. 5. 21.\n" + SEED + BAD + "미화 100만 달러\n", encoding="utf-8")
    junk = tmp_path / "junk.txt"
    junk.write_bytes(b"\x00\x01\xff" * 50)
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({
        "id": "local-01", "text": "공원 조성에 30억 원을 들인다.", "doc_date": "2024-01-01",
        "amounts": [{"text": "30억 원", "value": "3000000000", "currency": "KRW",
                     "krw": 3_000_000_000}],
        "splits": [], "periods": [], "findings": []}, ensure_ascii=False) + "\n",
        encoding="utf-8")
    runs = [
        ("extract", good, junk, "--verbose", "--rate", "USD=1380"),
        ("extract", good, "--format", "xml"),
        ("extract", tmp_path / "missing.txt"),
        ("extract", good, "--year", "99"),
        ("extract", good, "--jobs", "-1"),
        ("extract", good, "--config", tmp_path / "none.toml"),
        ("extract", good, "--rate", "XYZ=1"),
        ("extract", good, "--min-krw", "lots"),
        ("extract", good, "-f", "xlsx", "--excel"),
        ("extract", tmp_path / "empty-dir-that-is-not-there"),
        ("check", good, junk, "--statistics"),
        ("check", good, "--select", "FP9"),
        ("rules",),
        ("rules", "FP101"),
        ("rules", "FP999"),
        ("report", good, junk, "-o", tmp_path / "pages"),
        ("report", good, "-o", tmp_path / "one", "--doc-date", "someday"),
        ("eval", gold),
        ("eval", "--validate", gold),
        ("eval", tmp_path / "missing.jsonl"),
        ("frobnicate",),
    ]
    said = []
    for args in runs:
        done = cli(*args, cwd=tmp_path)
        assert "Traceback" not in done.stderr, args
        names = [str(a) for a in args if isinstance(a, Path)] + [str(tmp_path)]
        english = hangul_free_sentences(done.stdout + "\n" + done.stderr, *names)
        said.append((args, english))
    assert [(args, lines) for args, lines in said if lines] == []


def test_english_with_lang_en_or_the_configuration(cli, tmp_path):
    path = tmp_path / "release.txt"
    path.write_text(BAD, encoding="utf-8")
    korean = cli("extract", path, "--min-krw", "lots")
    english = cli("extract", path, "--min-krw", "lots", "--lang", "en")
    assert "원화 금액이어야" in korean.stderr and "is not an amount in won" in english.stderr
    (tmp_path / ".fundparse.toml").write_text('lang = "en"\n', encoding="utf-8")
    configured = cli("extract", path, cwd=tmp_path)
    assert "Totals by funding source" in configured.stdout and "line:col" in configured.stdout
    configured = cli("check", path, "--statistics", cwd=tmp_path)
    assert "1 file checked" in configured.stdout
    # machine formats keep their English field names in either language
    record = jsonl(cli("extract", path, "-f", "jsonl").stdout)[0]
    assert {"text", "krw", "splits", "findings"} <= set(record)


# --- report: extract's input options, one analysis, what is on the page ---------------------------

def test_report_takes_extracts_input_options(cli, tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.txt").write_text("올해 미화 100만 달러를 투자한다.\n", encoding="utf-8")
    (src / "b.md").write_text(SEED, encoding="utf-8")
    rates = tmp_path / "rates.csv"
    rates.write_text("date,currency,rate\n2020-01-01,USD,1000\n2024-01-01,USD,1400\n",
                     encoding="utf-8")
    config = tmp_path / "other.toml"
    config.write_text('ignore = ["FP1"]\n', encoding="utf-8")
    done = cli("report", src, "--glob", "*.txt", "--rate", "USD=1300", "--year", "2024",
               "-o", tmp_path / "out")
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["a.html"]
    page = (tmp_path / "out" / "a.html").read_text(encoding="utf-8")
    assert 'data-krw="1300000000"' in page
    done = cli("report", src / "a.txt", "--rates", rates, "--doc-date", "2021-06-01",
               "-o", tmp_path / "dated")
    assert done.returncode == 0, done.stderr
    assert 'data-krw="1000000000"' in (tmp_path / "dated" / "a.html").read_text(encoding="utf-8")
    (src / "c.txt").write_text(BAD, encoding="utf-8")
    done = cli("report", src / "c.txt", "--config", config, "-o", tmp_path / "cfg")
    assert done.returncode == 0, done.stderr
    assert 'class="fd' not in (tmp_path / "cfg" / "c.html").read_text(encoding="utf-8")
    done = cli("report", src / "c.txt", "--rate", "XYZ=1", "-o", tmp_path / "x")
    assert done.returncode == 2 and len(done.stderr.splitlines()) == 1


def test_report_analyses_each_document_once(tmp_path, capsys):
    from fundparse import pipeline
    from fundparse.cli import review

    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text(SEED + BAD, encoding="utf-8")
    calls = []
    real = pipeline.analyse

    def counting(text, *args, **kwargs):
        calls.append(len(text))
        return real(text, *args, **kwargs)

    pipeline.analyse = counting
    try:
        assert review.main([str(tmp_path), "-o", str(tmp_path / "out")]) == 0
    finally:
        pipeline.analyse = real
    capsys.readouterr()
    assert len(calls) == 3
    page = (tmp_path / "out" / "a.html").read_text(encoding="utf-8")
    assert page.count('class="fd error"') >= 1 and 'data-krw="28100000000"' in page


def test_report_draws_only_what_the_page_has(cli, tmp_path):
    (tmp_path / "plain.txt").write_text("공원 조성에 30억 원을 들인다.\n", encoding="utf-8")
    done = cli("report", tmp_path / "plain.txt", "-o", tmp_path / "out")
    assert done.returncode == 0, done.stderr
    page = (tmp_path / "out" / "plain.html").read_text(encoding="utf-8")
    assert '<svg class="chart"' not in page and "재원 구분이 적힌 금액이 없습니다." in page
    legend = page[page.index('class="legend"'):page.index("</p>", page.index('class="legend"'))]
    assert "hl m" in legend and "hl s" not in legend and "hl p" not in legend
    assert "fd error" not in legend
    (tmp_path / "seed.txt").write_text(SEED, encoding="utf-8")
    cli("report", tmp_path / "seed.txt", "-o", tmp_path / "seed")
    page = (tmp_path / "seed" / "seed.html").read_text(encoding="utf-8")
    rows = re.findall(r'data-category="([a-z+]+)"', page)
    assert rows == ["national", "local"]  # no zero rows for the categories not there
    (tmp_path / "none.txt").write_text("금액이 없는 글.\n", encoding="utf-8")
    cli("report", tmp_path / "none.txt", "-o", tmp_path / "none")
    page = (tmp_path / "none" / "none.html").read_text(encoding="utf-8")
    assert "이 문서에서 금액을 찾지 못했습니다." in page and 'class="jump"' not in page


def test_report_opens_at_the_first_amount(cli, tmp_path):
    weather = "".join(f"오늘의 날씨 {i}: 맑음, 기온 {i % 30}도\n" for i in range(125))
    (tmp_path / "news.txt").write_text(weather + "시는 공원 조성에 30억 원을 들인다.\n",
                                       encoding="utf-8")
    (tmp_path / "other.txt").write_text(SEED, encoding="utf-8")
    done = cli("report", tmp_path / "news.txt", tmp_path / "other.txt", "-o", tmp_path / "out")
    assert done.returncode == 0, done.stderr
    page = (tmp_path / "out" / "news.html").read_text(encoding="utf-8")
    anchor = re.search(r'<a class="jump" href="#(m\d+)">첫 금액으로</a>', page)
    assert anchor, page[:2000]
    target = re.search(rf'<div class="ln" id="L(\d+)"[^>]*><span class="tx">[^<]*<mark id="'
                       rf'{anchor.group(1)}"', page)
    assert target and target.group(1) == "126"
    index = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert f'href="news.html#{anchor.group(1)}"' in index


# --- progress on many files ----------------------------------------------------------------------

def _on_a_terminal(args: list[str], cwd: Path) -> tuple[bytes, bytes]:
    """Run with stderr on a pseudo-terminal and stdout to a pipe: (stdout, terminal)."""
    import pty
    import select

    master, slave = pty.openpty()
    proc = subprocess.Popen([*fundparse_command(), *args], stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=slave, cwd=cwd,
                            env=cli_env(COLUMNS="120", TERM="xterm-256color"))
    os.close(slave)
    chunks = []
    while True:
        ready, _, _ = select.select([master], [], [], 60)
        if not ready:
            break
        try:
            data = os.read(master, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    out = proc.stdout.read()
    proc.wait(timeout=60)
    os.close(master)
    return out, b"".join(chunks)


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")
@pytest.mark.parametrize("command", ["check", "report"])
def test_progress_bar_for_check_and_report_on_many_files(tmp_path, command):
    for i in range(12):
        (tmp_path / f"d{i:02}.txt").write_text(BAD if i == 3 else f"사업비 {i + 1}억 원\n",
                                               encoding="utf-8")
    args = [command, str(tmp_path)] + (["-o", str(tmp_path / "out")] if command == "report" else [])
    out, terminal = _on_a_terminal(args, tmp_path)
    assert b"/12" in terminal and "파일".encode() in terminal, terminal
    assert b"/12" not in out and b"\x1b[" not in out  # never in the output itself
    if command == "check":
        assert out.decode().count("FP101") == 1
    else:
        assert out.decode().count(".html") == 13
    # not a terminal: no bar at all
    done = subprocess.run([*fundparse_command(), *args], capture_output=True, env=cli_env(),
                          timeout=120)
    assert b"/12" not in done.stderr and done.stderr == b""


# --- eval ----------------------------------------------------------------------------------------

def test_eval_format_json_folders_and_quiet_validation(cli, tmp_path):
    gold = ROOT / "corpus" / "gold"
    done = cli("eval", "--validate", gold)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "경고" not in done.stdout and "warning" not in done.stdout.lower()
    assert done.stdout.strip().endswith("이상 없음") and done.stderr == ""
    english = cli("eval", "--validate", "--lang", "en", *sorted(gold.glob("*.jsonl")))
    assert english.stdout.strip().splitlines() == [
        "9 gold file(s), 74 documents, 1223 amounts, 289 splits, 59 periods: ok"]
    folder = tmp_path / "gold"
    (folder / "more").mkdir(parents=True)
    (folder / "a.jsonl").write_text((gold / "national.jsonl").read_text(encoding="utf-8"),
                                    encoding="utf-8")
    (folder / "more" / "b.jsonl").write_text((gold / "local.jsonl").read_text(encoding="utf-8"),
                                             encoding="utf-8")
    # the gold's paths ("../docs/…") resolve from the working folder too
    as_json = cli("eval", "--format", "json", folder, cwd=gold)
    alias = cli("eval", "--json", folder / "a.jsonl", folder / "more" / "b.jsonl", cwd=gold)
    assert as_json.returncode == alias.returncode == 0, as_json.stderr
    assert json.loads(as_json.stdout) == json.loads(alias.stdout)
    assert json.loads(as_json.stdout)["documents"] == 26
    empty = tmp_path / "empty"
    empty.mkdir()
    done = cli("eval", empty)
    assert done.returncode == 2 and "정답 파일(*.jsonl)이 없습니다" in done.stderr


def test_help_is_korean_by_default_and_fits_100_columns(cli):
    from rich.cells import cell_len

    from fundparse.cli import args as cli_args

    cli_args.set_lang("ko")
    try:
        top = cli_args.build_parser()
        parsers = [top, cli_args.review_parser(), cli_args.eval_parser()]
        parsers += list(next(a for a in top._actions if a.choices).choices.values())
        for parser in parsers:
            parser.format_help()
            texts = [parser.description or "", parser.epilog or ""] + [
                a.help for a in parser._actions if a.help] + [
                c.help for a in parser._actions for c in getattr(a, "_choices_actions", ())]
            english = [text for text in texts
                       if text and not regex.search(r"\p{Hangul}", text)]
            assert english == [], (parser.prog, english)
    finally:
        cli_args.set_lang("ko")
    for command in ([], ["extract"], ["check"], ["rules"], ["report"], ["eval"]):
        for lang in ("ko", "en"):
            done = cli(*command, "--help", "--lang", lang, env={"COLUMNS": "100"})
            assert done.returncode == 0, done.stderr
            assert max(cell_len(line) for line in done.stdout.splitlines()) <= 100, command
            assert ("사용법: " if lang == "ko" else "usage: ") in done.stdout
