"""Suppression comments checked like ruff's noqa: an unknown code (FP901) or a misspelt
directive (FP902) is an error, a suppression that covers nothing is a warning (FP903), and the
three obey --select / --ignore like every rule.  Run through the API, the command (whole and
chunked files), and the HTTP service's answer function."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import fundparse
from fundparse.config import Config
from fundparse.service import ServiceSettings, check_answer

BAD = "총사업비 281억 원(국비 121, 지방비 150)을 투입한다."      # FP101
GOOD = "총사업비 281억 원(국비 121, 지방비 160)을 투입한다."
PERIOD = "2023년부터 2026년까지 3년간 281억 원을 투입한다."       # FP201


def found(text: str, **kwargs) -> list[tuple[int, str]]:
    return [(f.line, f.code) for f in fundparse.check(text, **kwargs)]


# --- FP901: unknown codes ------------------------------------------------------------------------

def test_an_unknown_code_suppresses_nothing_and_is_reported():
    # before: "FP1O1" (a letter O) ended the codes, and a suppression without codes hid everything
    assert found(f"<!-- fundparse: ignore FP1O1 -->\n{BAD}\n") == [(1, "FP901"), (2, "FP101")]
    assert found(f"<!-- fundparse: ignore FP999 -->\n{BAD}\n") == [(1, "FP901"), (2, "FP101")]
    assert found(f"# fundparse: ignore E501\n{BAD}\n") == [(1, "FP901"), (2, "FP101")]


def test_known_codes_beside_an_unknown_one_still_suppress():
    [finding] = fundparse.check(f"<!-- fundparse: ignore FP101, FP5 -->\n{BAD}\n")
    assert (finding.code, finding.severity, finding.line, finding.column) == ("FP901", "error", 1, 1)
    assert "FP5" in finding.message and "FP5" in finding.message_en


def test_a_reason_after_the_codes_is_not_a_code():
    text = f"<!-- fundparse: ignore FP101 국비 내시 전, see memo 2 -->\n{BAD}\n"
    assert found(text) == []
    assert found(f"<!-- fundparse: ignore FP1 rounded in the ministry's table -->\n{BAD}\n") == []


# --- FP902: misspelt directives ------------------------------------------------------------------

@pytest.mark.parametrize("comment", [
    "<!-- fundparse: ingore FP101 -->",
    "<!-- fundparse: ignroe FP101 -->",
    "<!-- fundpars: ignore FP101 -->",
    "<!-- fundparse ignore FP101 -->",
    "<!-- fundparse: ignore_file FP101 -->",
    "<!-- fundparse: ignore-files FP101 -->",
    "<!-- fundparse: disable FP101 -->",
    "# fundparse: igonre FP101",
    "# fundprase: ignore FP101",
])
def test_a_misspelt_directive_is_an_error_and_suppresses_nothing(comment):
    findings = fundparse.check(f"{comment}\n{BAD}\n")
    assert [(f.line, f.code, f.severity) for f in findings] == [(1, "FP902", "error"), (2, "FP101", "error")]
    assert comment.strip() in findings[0].message and "fundparse: ignore" in findings[0].message_en


@pytest.mark.parametrize("text", [
    "<!-- 작성자: 홍보담당관실 -->",
    "<!-- TODO: 사진 교체 -->",
    "<!-- Fundraising: 2025 campaign -->",
    "# 보도자료",
    "# fundparse 사용 안내",
    "# Fundamentals: budget",
    "<!-- FundParse: Ignore FP101 -->",  # a directive, case aside: it suppresses
])
def test_comments_that_are_no_directive_stay_silent(text):
    assert found(f"{text}\n{BAD}\n") in ([(2, "FP101")], [])
    assert all(code not in ("FP902", "FP901") for _, code in found(f"{text}\n{BAD}\n"))


# --- FP903: unused suppressions ------------------------------------------------------------------

def test_unused_suppressions_are_warnings_per_code():
    findings = fundparse.check(f"<!-- fundparse: ignore FP101, FP201 -->\n{BAD}\n")
    assert [(f.line, f.code, f.severity) for f in findings] == [(1, "FP903", "warning")]
    assert findings[0].message_en.endswith("no FP201 finding to suppress on this line or the next")
    assert findings[0].message.endswith("FP201 지적을 가리지 않습니다(지워도 됩니다)")
    assert found(f"{BAD} <!-- fundparse: ignore FP4 -->\n{GOOD}\n") == [(1, "FP101"), (1, "FP903")]


def test_a_blanket_or_file_wide_suppression_is_reported_too():
    assert found(f"<!-- fundparse: ignore -->\n{GOOD}\n") == [(1, "FP903")]
    assert found(f"{GOOD}\n<!-- fundparse: ignore-file FP301 -->\n") == [(2, "FP903")]
    assert found(f"# fundparse: ignore-file\n{GOOD}\n") == [(1, "FP903")]
    assert found(f"# fundparse: ignore-file\n{BAD}\n") == []


def test_a_suppression_is_used_whatever_the_selection():
    # the configuration switches FP101 off, and the comment still has a finding to cover
    text = f"<!-- fundparse: ignore FP101 -->\n{BAD}\n"
    assert found(text, config=Config(ignore=("FP101",))) == []
    assert found(text, config=Config(select=("FP2", "FP9"))) == []


def test_fp9_follows_select_and_ignore(cli, tmp_path):
    path = tmp_path / "release.md"
    path.write_text(f"<!-- fundparse: ignore FP1O1 -->\n{BAD}\n<!-- fundparse: ignore FP201 -->\n"
                    f"{GOOD}\n", encoding="utf-8")
    codes = lambda done: [line.split(": ")[1].split()[0] for line in done.stdout.splitlines()]  # noqa: E731
    done = cli("check", path)
    assert (done.returncode, codes(done)) == (1, ["FP901", "FP101", "FP903"])
    done = cli("check", "--ignore", "FP9", path)
    assert (done.returncode, codes(done)) == (1, ["FP101"])
    done = cli("check", "--select", "FP9", path)
    assert (done.returncode, codes(done)) == (1, ["FP901", "FP903"])
    done = cli("check", "--select", "FP903", path)
    assert (done.returncode, codes(done)) == (0, ["FP903"])  # a warning alone: exit 0
    (tmp_path / ".fundparse.toml").write_text('ignore = ["FP903"]\n', encoding="utf-8")
    done = cli("check", path)
    assert codes(done) == ["FP901", "FP101"]


def test_ignore_file_fp903_is_itself_used(cli, tmp_path):
    path = tmp_path / "release.md"
    path.write_text(f"<!-- fundparse: ignore-file FP903 -->\n<!-- fundparse: ignore FP201 -->\n"
                    f"{GOOD}\n", encoding="utf-8")
    done = cli("check", path)
    assert (done.returncode, done.stdout) == (0, "")


def test_json_output_and_statistics_count_them(cli, tmp_path):
    path = tmp_path / "release.md"
    path.write_text(f"<!-- fundparse: ingore FP101 -->\n{GOOD}\n", encoding="utf-8")
    done = cli("check", "--format", "json", path)
    [record] = json.loads(done.stdout)
    assert (record["code"], record["severity"], record["line"], record["column"]) == ("FP902", "error", 1, 1)
    done = cli("check", "--statistics", "--lang", "en", path)
    assert done.stdout.splitlines()[-1] == "1 file checked: 1 error, 0 warnings (FP902 1)"


# --- one filter, applied once, on every path -----------------------------------------------------

TEXT = (f"<!-- fundparse: ignore FP101 -->\n{BAD}\n\n" + "\n".join([GOOD] * 40) + "\n"
        f"<!-- fundparse: ignore FP102 -->\n{PERIOD}\n{GOOD}\n<!-- fundparse: ignore FP999 -->\n"
        f"{GOOD}\n\n{GOOD}\n<!-- fundparse: ignore FP101 -->\n\n{BAD}\n")
EXPECTED = [(44, "FP903"), (45, "FP201"), (47, "FP901")]


def test_the_api_the_command_and_a_chunked_file_agree(cli, tmp_path):
    assert found(TEXT) == EXPECTED
    path = Path(tmp_path / "big.txt")
    path.write_text(TEXT, encoding="utf-8")
    whole = cli("check", "--format", "json", path)
    chunked = cli("check", "--format", "json", path,
                  env={"FUNDPARSE_HUGE_BYTES": "1000", "FUNDPARSE_CHUNK_CHARS": "400"})
    for done in (whole, chunked):
        records = json.loads(done.stdout)
        assert [(r["line"], r["code"]) for r in records] == EXPECTED, done.stdout
        assert all(TEXT[r["start"]:r["end"]].startswith("<!--") for r in records
                   if r["code"].startswith("FP9"))


def test_the_service_filters_once():
    answer = json.loads(check_answer({"text": TEXT}, ServiceSettings()))
    assert [(r["line"], r["code"]) for r in answer] == EXPECTED
    answer = json.loads(check_answer({"text": TEXT, "ignore": ["FP9"]}, ServiceSettings()))
    assert [(r["line"], r["code"]) for r in answer] == [(45, "FP201")]


def test_an_html_page_reports_file_directives_of_its_source(cli, tmp_path):
    page = tmp_path / "page.html"
    page.write_text(f"<html><!-- fundparse: ignore-file FP2 --><body><p>{GOOD}</p></body></html>",
                    encoding="utf-8")
    done = cli("check", page)
    assert "FP903" in done.stdout and done.returncode == 0
