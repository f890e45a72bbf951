"""`fundparse check` run as a command on files: one text per rule that fires it and a near-miss
that must stay silent, exit codes, rule selection, configuration, inline suppressions, output
formats, `fundparse rules`, and start-up cost."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from fundparse.checks import CHECKS

BAD_SPLIT = "총사업비 281억 원(국비 121, 지방비 150)을 투입한다.\n"
GOOD_SPLIT = "총사업비 281억 원(국비 121, 지방비 160)을 투입한다.\n"
BAD_PERIOD = "2023년부터 2026년까지 3년간 281억 원을 투입한다.\n"
REPEATED = "총사업비 281억 원을 투입한다.\n\n총사업비 218억 원으로 줄었다.\n"

# code -> (a release that fires it, a near-miss that must not)
RULE_CASES = {
    "FP101": (BAD_SPLIT,
              # parts rounded to the text's own precision (3.3 × 3 = 9.9 of 10)
              "총사업비 10억 원(국비 3.3억 원, 도비 3.3억 원, 시비 3.3억 원)을 투입한다.\n"),
    "FP102": ("사업비 100억 원(국비 50%, 도비 15%, 시비 30%)을 들인다.\n",
              "사업비 100억 원(국비 33.3%, 도비 33.3%, 시비 33.3%)을 들인다.\n"),
    "FP103": ("총 70억 원(국비 80억 원 포함)을 들인다.\n",
              "총 70억 원(국비 30억 원, 도비 20억 원 등)을 들인다.\n"),
    "FP201": (BAD_PERIOD, "2024년부터 3년간 50억 원을 투입한다.\n"),
    "FP202": ("2026년부터 2023년까지 281억 원을 투입한다.\n",
              "2023년부터 2026년까지 281억 원을 투입한다.\n"),
    "FP301": (REPEATED,
              "총사업비 약 300억 원을 들인다. 총사업비 299억 원 가운데 국비는 150억 원이다.\n"),
    "FP401": ("사업비 2,7500만 원을 들인다.\n", "사업비 12,345,678원과 1,234만 원을 들인다.\n"),
    "FP402": ("예산 1조9000천억원을 편성했다.\n",
              "예산 1조9천억원과 1,500천원, 3억5천만원, 300여억 원을 편성했다.\n"),
    "FP104": ("연도별로 2025년 15억 원, 2026년 40억 원, 2027년 30억 원 등 총 95억 원을 투입한다.\n",
              "연도별로 2025년 15억 원, 2026년 40억 원, 2027년 30억 원 등 총 85억 원을 투입한다.\n"),
    "FP105": ("2025년부터 2027년까지 총 90억 원(2025년 30억 원, 2026년 30억 원, 2028년 30억 원)을 "
              "들인다.\n",
              "2025년부터 2027년까지 총 90억 원(2025년 30억 원, 2026년 30억 원, 2027년 30억 원)을 "
              "들인다.\n"),
    "FP302": ("총사업비 520억 원(국비 260억 원, 도비 78억 원, 시비 182억 원)을 투입한다.\n\n"
              "시는 총사업비 502억 원 규모의 물류단지를 짓는다.\n",
              "총사업비 520억 원(국비 260억 원, 도비 78억 원, 시비 182억 원)을 투입한다.\n\n"
              "시는 총사업비 520억 원 규모의 물류단지를 짓는다.\n"),
    "FP901": ("<!-- fundparse: ignore FP1O1 -->\n" + GOOD_SPLIT,
              "<!-- fundparse: ignore FP101 -->\n" + BAD_SPLIT),
    "FP902": ("<!-- fundparse: ingore FP101 -->\n" + GOOD_SPLIT,
              "<!-- 담당: 홍보담당관실 -->\n# 보도자료\n" + GOOD_SPLIT),
    "FP903": ("<!-- fundparse: ignore FP101 -->\n" + GOOD_SPLIT,
              "<!-- fundparse: ignore FP101 -->\n" + BAD_SPLIT),
}

LINE = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+): (?P<code>FP\d{3}) (?P<msg>.+)$")


def parsed(stdout: str) -> list[tuple[str, int, int, str, str]]:
    out = []
    for line in stdout.splitlines():
        m = LINE.match(line)
        assert m, f"not path:line:column: CODE message: {line!r}"
        out.append((m["path"], int(m["line"]), int(m["col"]), m["code"], m["msg"]))
    return out


def codes(stdout: str) -> list[str]:
    return [code for _, _, _, code, _ in parsed(stdout)]


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode(encoding))
    return path


def test_the_cases_cover_every_rule():
    from fundparse.records.across import CODES as ACROSS  # several files: tests/test_records_across.py
    assert set(RULE_CASES) == set(CHECKS) - set(ACROSS)


@pytest.mark.parametrize("code", sorted(RULE_CASES))
def test_rule_fires_and_near_miss_stays_silent(cli, tmp_path, code):
    bad, near = RULE_CASES[code]
    bad_file = write(tmp_path / "bad.txt", bad)
    done = cli("check", bad_file)
    assert codes(done.stdout) == [code], done.stdout
    assert done.returncode == (1 if CHECKS[code].severity == "error" else 0)
    assert done.stderr == ""
    near_file = write(tmp_path / "near.txt", near)
    done = cli("check", near_file)
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")


def test_diagnostic_names_the_figures_and_position(cli, tmp_path):
    path = write(tmp_path / "release.txt", "보도일시 2024. 5. 21.\n구미시는 " + BAD_SPLIT)
    done = cli("check", path)
    assert done.returncode == 1
    assert done.stdout == (f"{path}:2:11: FP101 재원 합계 271억 원(국비 121 + 지방비 150)이 "
                           "총액 281억 원과 다릅니다\n")
    done = cli("check", "--lang", "en", path)
    assert done.stdout == (f"{path}:2:11: FP101 parts add up to 271억 원 (국비 121 + 지방비 150), "
                           "not the total 281억 원\n")


def test_same_readers_as_extract(cli, tmp_path, hwpx):
    files = [
        write(tmp_path / "cp949.txt", "뷁똠 소식\n" + BAD_SPLIT, "cp949"),
        write(tmp_path / "utf16.txt", BAD_SPLIT, "utf-16"),
        write(tmp_path / "page.html", f"<html><body><script>x='1,2억 원'</script><p>{BAD_SPLIT}</p></body></html>"),
    ]
    (tmp_path / "doc.hwpx").write_bytes(hwpx(["제목"], [["구분", "금액"], ["사업", BAD_SPLIT.strip()]]))
    files.append(tmp_path / "doc.hwpx")
    done = cli("check", *files)
    assert done.returncode == 1, done.stderr
    assert [(Path(p).name, code) for p, _, _, code, _ in parsed(done.stdout)] == [
        ("cp949.txt", "FP101"), ("utf16.txt", "FP101"), ("page.html", "FP101"), ("doc.hwpx", "FP101")]


# --- exit codes ----------------------------------------------------------------------------------

def test_exit_codes_and_two_wins(cli, tmp_path):
    clean = write(tmp_path / "clean.txt", GOOD_SPLIT)
    warning = write(tmp_path / "warning.txt", REPEATED)
    error = write(tmp_path / "error.txt", BAD_SPLIT)
    junk = tmp_path / "junk.txt"
    junk.write_bytes(bytes(range(256)) * 8)

    done = cli("check", clean)
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")
    done = cli("check", clean, warning)
    assert done.returncode == 0 and codes(done.stdout) == ["FP301"]
    done = cli("check", clean, warning, error)
    assert done.returncode == 1 and codes(done.stdout) == ["FP301", "FP101"]
    done = cli("check", error, junk, clean)
    assert done.returncode == 2 and codes(done.stdout) == ["FP101"]
    assert done.stderr == f"fundparse: {junk}: 읽지 못했습니다 — binary file (not text)\n"
    done = cli("check", "--lang", "en", error, junk, clean)
    assert done.stderr == f"fundparse: {junk}: binary file (not text)\n"
    done = cli("check", tmp_path / "missing.md")
    assert done.returncode == 2 and done.stdout == ""
    done = cli("check", "--lang", "en", "--select", "FP8", clean)
    assert done.returncode == 2 and "unknown rule code or prefix 'FP8'" in done.stderr
    done = cli("check", "--format", "xml", clean)
    assert done.returncode == 2 and "Traceback" not in done.stderr


def test_folders_and_stdin(cli, tmp_path):
    write(tmp_path / "rel" / "a.md", BAD_SPLIT)
    write(tmp_path / "rel" / ".git" / "b.md", BAD_SPLIT)
    write(tmp_path / "rel" / "sub" / "c.txt", BAD_PERIOD)
    done = cli("check", tmp_path / "rel")
    assert [(Path(p).name, c) for p, _, _, c, _ in parsed(done.stdout)] == [("a.md", "FP101"), ("c.txt", "FP201")]
    done = cli("check", "-", input=BAD_SPLIT)
    assert done.returncode == 1 and done.stdout.startswith("-:1:6: FP101 ")
    done = cli("check", "--stdin-filename", "draft.md", input=BAD_SPLIT)
    assert done.stdout.startswith("draft.md:1:6: FP101 ")


# --- selection and configuration -----------------------------------------------------------------

def test_select_and_ignore_by_code_and_prefix(cli, tmp_path):
    path = write(tmp_path / "r.txt", BAD_SPLIT + BAD_PERIOD + "사업비 2,7500만 원\n")
    assert codes(cli("check", path).stdout) == ["FP101", "FP201", "FP401"]
    assert codes(cli("check", "--select", "FP1", path).stdout) == ["FP101"]
    assert codes(cli("check", "--select", "FP101,FP4", path).stdout) == ["FP101", "FP401"]
    assert codes(cli("check", "--select", "FP1", "--select", "FP2", path).stdout) == ["FP101", "FP201"]
    assert codes(cli("check", "--ignore", "FP10", path).stdout) == ["FP201", "FP401"]
    assert codes(cli("check", "--ignore", "FP2", "--ignore", "fp401", path).stdout) == ["FP101"]
    # the more specific selector wins
    assert codes(cli("check", "--select", "FP101", "--ignore", "FP1", path).stdout) == ["FP101"]
    assert codes(cli("check", "--select", "FP", "--ignore", "FP1", path).stdout) == ["FP201", "FP401"]
    done = cli("check", "--ignore", "FP101", "--ignore", "FP201", "--ignore", "FP401", path)
    assert (done.returncode, done.stdout) == (0, "")


def test_config_in_pyproject_and_dot_file_nearest_wins(cli, tmp_path):
    root = tmp_path / "releases"
    write(root / "pyproject.toml", '[project]\nname = "x"\n\n[tool.fundparse]\nignore = ["FP2"]\n')
    top = write(root / "top.txt", BAD_SPLIT + BAD_PERIOD)
    write(root / "team" / ".fundparse.toml", 'select = ["FP2"]\n')
    inner = write(root / "team" / "inner.txt", BAD_SPLIT + BAD_PERIOD)
    done = cli("check", top, inner)
    assert [(Path(p).name, c) for p, _, _, c, _ in parsed(done.stdout)] == [
        ("top.txt", "FP101"), ("inner.txt", "FP201")]
    # the command line's --select replaces the config's selection, --ignore adds to it
    done = cli("check", "--select", "FP2", top)
    assert codes(done.stdout) == ["FP201"]
    done = cli("check", "--ignore", "FP1", top)
    assert done.returncode == 0 and done.stdout == ""
    # --config names the file to use
    other = write(tmp_path / "other.toml", 'ignore = ["FP101"]\nlang = "en"\n')
    done = cli("check", "--config", other, top)
    assert codes(done.stdout) == ["FP201"] and "spans 4 years" in done.stdout


def test_per_file_ignores(cli, tmp_path):
    write(tmp_path / ".fundparse.toml",
          '[per-file-ignores]\n"drafts/*.md" = ["FP101"]\n"*.html" = ["FP2"]\n"archive/" = ["FP"]\n')
    draft = write(tmp_path / "drafts" / "a.md", BAD_SPLIT + BAD_PERIOD)
    final = write(tmp_path / "final" / "a.md", BAD_SPLIT + BAD_PERIOD)
    page = write(tmp_path / "final" / "p.html", f"<p>{BAD_PERIOD}</p>")
    old = write(tmp_path / "archive" / "2019" / "o.txt", BAD_SPLIT)
    done = cli("check", draft, final, page, old)
    assert [(Path(p).relative_to(tmp_path).as_posix(), c) for p, _, _, c, _ in parsed(done.stdout)] == [
        ("drafts/a.md", "FP201"), ("final/a.md", "FP101"), ("final/a.md", "FP201")]
    # relative paths from another working directory match the same way
    done = cli("check", "drafts/a.md", cwd=tmp_path)
    assert codes(done.stdout) == ["FP201"]


@pytest.mark.parametrize("config, message", [
    ('select = ["FP1"\n', "invalid TOML"),
    ('selekt = ["FP1"]\n', 'unknown option "selekt"'),
    ('ignore = ["FP999"]\n', "ignore[0]: unknown rule code or prefix 'FP999'"),
    ('[per-file-ignores]\n"*.txt" = ["XX1"]\n', 'per-file-ignores."*.txt"[0]: unknown rule code'),
    ('lang = "jp"\n', 'lang: expected "ko" or "en", got a string "jp"'),
    ('ignore = 101\n', "ignore: expected an array of rule codes or prefixes, got the integer 101"),
])
def test_config_errors_are_one_line(cli, tmp_path, config, message):
    write(tmp_path / ".fundparse.toml", config)
    first = write(tmp_path / "a.txt", BAD_SPLIT)
    second = write(tmp_path / "b.txt", GOOD_SPLIT)
    done = cli("check", first, second)
    assert done.returncode == 2
    assert done.stdout == ""
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr  # said once, not once per file
    assert lines[0].startswith(f"fundparse: {tmp_path / '.fundparse.toml'}: ") and message in lines[0]


# --- inline suppressions -------------------------------------------------------------------------

def test_inline_html_comment_covers_its_line_and_the_next_non_empty_line(cli, tmp_path):
    text = ("<!-- fundparse: ignore FP101 -->\n\n" + BAD_SPLIT      # line 3: suppressed
            + BAD_SPLIT                                             # line 4: reported
            + BAD_SPLIT.strip() + " <!-- fundparse: ignore FP101 -->\n"  # line 5: suppressed
            + BAD_SPLIT                                             # line 6: the next line
            + BAD_SPLIT                                             # line 7: reported
            + "<!-- fundparse: ignore FP401 -->\n" + BAD_SPLIT      # line 9: another code
            + "<!-- fundparse: ignore FP201 -->\n<!-- fundparse: ignore FP101 -->\n\n"
            + BAD_SPLIT)                                            # line 13: stacked: suppressed
    path = write(tmp_path / "release.md", text)
    done = cli("check", "--ignore", "FP9", path)
    assert [(line, code) for _, line, _, code, _ in parsed(done.stdout)] == [
        (4, "FP101"), (7, "FP101"), (9, "FP101")]
    # the suppressions that covered nothing are reported (warnings, like ruff's RUF100)
    done = cli("check", path)
    assert [(line, code) for _, line, _, code, _ in parsed(done.stdout)] == [
        (4, "FP101"), (7, "FP101"), (8, "FP903"), (9, "FP101"), (10, "FP903")]


def test_inline_hash_line_prefixes_and_no_codes(cli, tmp_path):
    text = ("# fundparse: ignore FP1 rounded in the ministry's table\n" + BAD_SPLIT  # line 2
            + "# fundparse: ignore\n" + BAD_PERIOD                                    # line 4
            + "  #fundparse: ignore FP201, FP101\n" + "<!-- fundparse: ignore FP401 -->\n"
            + BAD_SPLIT                                                               # line 7
            + BAD_PERIOD)                                                             # line 8
    path = write(tmp_path / "release.txt", text)
    done = cli("check", "--ignore", "FP903", path)
    assert [(line, code) for _, line, _, code, _ in parsed(done.stdout)] == [(8, "FP201")]
    done = cli("check", path)  # FP201 of line 5 and FP401 of line 6 suppressed nothing
    assert [(line, code, "FP201" in msg, "FP401" in msg) for _, line, _, code, msg
            in parsed(done.stdout)] == [(5, "FP903", True, False), (6, "FP903", False, True),
                                        (8, "FP201", False, False)]
    # "#" inside a line is not a suppression
    path = write(tmp_path / "inline.txt", BAD_SPLIT.strip() + " # fundparse: ignore FP101\n")
    assert codes(cli("check", path).stdout) == ["FP101"]


def test_ignore_file(cli, tmp_path):
    body = BAD_SPLIT + BAD_PERIOD + BAD_SPLIT
    path = write(tmp_path / "a.md", body + "\n<!-- fundparse: ignore-file FP101 -->\n")
    assert codes(cli("check", path).stdout) == ["FP201"]
    path = write(tmp_path / "b.txt", "# fundparse: ignore-file\n" + body)
    done = cli("check", path)
    assert (done.returncode, done.stdout) == (0, "")
    # an HTML page: the reader drops comments, the file-wide suppression still applies
    page = write(tmp_path / "c.html", "<html><!-- fundparse: ignore-file FP2 --><body>"
                 f"<p>{BAD_SPLIT}</p><p>{BAD_PERIOD}</p></body></html>")
    assert codes(cli("check", page).stdout) == ["FP101"]


# --- output formats ------------------------------------------------------------------------------

def test_github_annotations(cli, tmp_path):
    path = write(tmp_path / "a, b.txt", BAD_SPLIT + REPEATED)
    done = cli("check", "--format", "github", path)
    assert done.returncode == 1
    escaped = str(path).replace(",", "%2C")
    assert done.stdout.splitlines() == [
        f"::error file={escaped},line=1,col=6,title=FP101::재원 합계 271억 원(국비 121 + 지방비 150)이 "
        "총액 281억 원과 다릅니다",
        f"::warning file={escaped},line=4,col=6,title=FP301::총사업비 금액이 281억 원과 218억 원으로 서로 다릅니다",
    ]


def test_json_format_and_lang(cli, tmp_path):
    path = write(tmp_path / "a.txt", BAD_SPLIT)
    done = cli("check", "--format", "json", "--lang", "en", path)
    assert done.returncode == 1
    assert json.loads(done.stdout) == [{
        "code": "FP101", "severity": "error", "file": str(path), "line": 1, "column": 6,
        "start": 5, "end": 11,
        "message": "parts add up to 271억 원 (국비 121 + 지방비 150), not the total 281억 원"}]
    clean = write(tmp_path / "clean.txt", GOOD_SPLIT)
    assert json.loads(cli("check", "-f", "json", clean).stdout) == []
    # lang from the configuration
    write(tmp_path / "cfg" / ".fundparse.toml", 'lang = "en"\n')
    en = write(tmp_path / "cfg" / "a.txt", BAD_SPLIT)
    assert "parts add up to" in cli("check", en).stdout
    assert "재원 합계" in cli("check", "--lang", "ko", en).stdout


def test_statistics(cli, tmp_path):
    a = write(tmp_path / "a.txt", BAD_SPLIT + REPEATED)
    b = write(tmp_path / "b.txt", GOOD_SPLIT)
    done = cli("check", "--statistics", a, b)
    assert done.stdout.splitlines()[-1] == "파일 2개 검사: 오류 1건, 경고 1건 (FP101 1, FP301 1)"
    done = cli("check", "--statistics", "--lang", "en", b)
    assert (done.returncode, done.stdout) == (0, "1 file checked: no problems found\n")
    done = cli("check", "--statistics", "--format", "json", a)
    assert len(json.loads(done.stdout)) == 2 and "errors" not in done.stdout
    assert done.stderr.strip() == "파일 1개 검사: 오류 1건, 경고 1건 (FP101 1, FP301 1)"


def test_jobs_give_the_same_findings(cli, tmp_path):
    for i in range(6):
        write(tmp_path / f"r{i}.txt", BAD_SPLIT * (i % 2) + BAD_PERIOD * (i % 3 == 0) + GOOD_SPLIT)
    one = cli("check", tmp_path)
    two = cli("check", "-j", "2", tmp_path)
    assert one.returncode == two.returncode == 1
    assert one.stdout == two.stdout and len(parsed(one.stdout)) == 5


# --- rules -----------------------------------------------------------------------------------------

def test_rules_lists_every_code_in_both_languages(cli):
    done = cli("rules")
    english = cli("rules", "--lang", "en")
    assert done.returncode == english.returncode == 0
    severity = {"error": "오류", "warning": "경고"}
    for code, check in CHECKS.items():
        assert re.search(rf"^\s+{code}\s+{severity[check.severity]}\s+"
                         rf"{re.escape(check.summary_ko)}$", done.stdout, re.M), code
        assert re.search(rf"^\s+{code}\s+{check.severity}\s+{re.escape(check.summary)}$",
                         english.stdout, re.M), code
        assert check.summary not in done.stdout and check.summary_ko not in english.stdout
    for family in ("FP1xx", "FP2xx", "FP3xx", "FP4xx"):
        assert family in done.stdout
    family = cli("rules", "FP2")
    assert "FP201" in family.stdout and "FP202" in family.stdout and "FP101" not in family.stdout


def test_rules_explains_one_with_examples(cli):
    check = CHECKS["FP101"]
    korean = cli("rules", "fp101")
    assert korean.stdout.startswith("FP101 (오류)") and f"틀린 예:   {check.bad}" in korean.stdout
    done = cli("rules", "fp101", "--lang", "en")
    assert done.returncode == 0
    assert done.stdout.startswith("FP101 (error)")
    assert f"bad:   {check.bad}" in done.stdout and f"good:  {check.good}" in done.stdout
    assert "재원 합계 271억 원" in korean.stdout  # what check reports for the bad example
    assert "271" in done.stdout
    assert "fundparse: ignore FP101" in done.stdout
    done = cli("rules", "FP999", "--lang", "en")
    assert done.returncode == 2 and "unknown rule code" in done.stderr
    records = json.loads(cli("rules", "--format", "json").stdout)
    assert [r["code"] for r in records] == sorted(CHECKS)


# --- start-up ------------------------------------------------------------------------------------

def test_check_starts_fast_without_rich_or_pint(tmp_path):
    from conftest import cli_env, fundparse_command

    path = write(tmp_path / "one.txt", "보도일시 2024. 5. 21.\n" + BAD_SPLIT + GOOD_SPLIT * 20)
    # bytecode caches as an installed package has them (CI may switch them off)
    env = cli_env(PYTHONPYCACHEPREFIX=str(tmp_path / "pyc"), PYTHONDONTWRITEBYTECODE="",
                  PYTHONPROFILEIMPORTTIME="1")
    command = [*fundparse_command(), "check", str(path)]
    done = subprocess.run(command, capture_output=True, text=True, encoding="utf-8", env=env,
                          timeout=120)
    assert done.returncode == 1
    imported = {m.group(1).strip() for m in re.finditer(r"^import time:.*\|\s*(\S.*)$", done.stderr, re.M)}
    assert "fundparse.engine" in imported  # (modules loaded by importlib.import_module are not listed)
    for heavy in ("rich", "pint", "fundparse.report.table", "fundparse.cli.eval", "fundparse.report.html",
                  "fundparse.cli.review",
                  "multiprocessing", "concurrent.futures", "csv"):
        assert heavy not in imported, f"{heavy} imported by `fundparse check`"
    # the start-up time itself is measured in benchmarks/bench_cli.py (target 0.25 s)
