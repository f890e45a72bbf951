"""One filter everywhere (issue 16): `extract` (its findings column and its JSON `findings`),
`report` and `check` apply the same rule selection (command line and configuration),
per-file-ignores and in-file suppressions — suppress.filter_document — shown on one release
through the installed command."""

from __future__ import annotations

import json
import re

import pytest

from fundparse.pipeline import analyse

# Every line but the first and the last has a finding that one layer of the filter removes.
RELEASE = """\
구미시는 총사업비 281억 원(국비 121, 지방비 150)을 투입한다.
<!-- fundparse: ignore FP101 반올림 -->
시는 사업비 50억 원(도비 20억 원, 시비 20억 원)을 들인다.
예산 100억 원(국비 50%, 도비 15%, 시비 30%)을 편성했다.
2023년부터 2026년까지 3년간 총사업비 90억 원을 투입한다.
군은 2025년 착공해 2027년 준공할 계획이며, 총사업비 60억 원(국비 30억 원, 군비 20억 원)이 든다.
"""
CONFIG = 'ignore = ["FP102"]\n[per-file-ignores]\n"release.txt" = ["FP201"]\n'
CLI = ("--ignore", "FP301")
REPORTED = [(1, "FP101"), (6, "FP101")]


@pytest.fixture
def release(tmp_path):
    (tmp_path / ".fundparse.toml").write_text(CONFIG, encoding="utf-8")
    path = tmp_path / "release.txt"
    path.write_text(RELEASE, encoding="utf-8")
    return path


def test_the_engine_finds_what_each_layer_removes():
    found = sorted({(f.line, f.code) for f in analyse(RELEASE, None, None).findings})
    assert found == [(1, "FP101"), (3, "FP101"), (4, "FP102"), (5, "FP201"), (6, "FP101"),
                     (6, "FP301")]


def test_check(cli, release):
    done = cli("check", release, *CLI, "--format", "json")
    assert done.returncode == 1, done.stderr
    assert [(f["line"], f["code"]) for f in json.loads(done.stdout)] == REPORTED


def test_extract_table_and_json(cli, release):
    done = cli("extract", release, *CLI, "--format", "jsonl")
    assert done.returncode == 0, done.stderr
    records = [json.loads(line) for line in done.stdout.splitlines()]
    shown = [(r["line"], f["code"]) for r in records for f in r["findings"]]
    assert shown == REPORTED
    as_list = json.loads(cli("extract", release, *CLI, "--format", "json").stdout)
    assert [(r["line"], f["code"]) for r in as_list for f in r["findings"]] == REPORTED
    table = cli("extract", release, *CLI, "--lang", "en", env={"COLUMNS": "200"}).stdout
    assert table.count("FP101") == 2
    assert not re.search(r"FP102|FP201|FP301", table), table
    # with --jobs the workers write the JSON lines: the same filter there
    (release.parent / "copy.txt").write_text(RELEASE, encoding="utf-8")
    many = cli("extract", release, release.parent / "copy.txt", *CLI, "-f", "jsonl", "-j", "2")
    codes = {(json.loads(line)["file"].rsplit("/", 1)[-1], f["code"])
             for line in many.stdout.splitlines() for f in json.loads(line)["findings"]}
    assert codes == {("release.txt", "FP101"), ("copy.txt", "FP101"), ("copy.txt", "FP201")}


def test_report(cli, release, tmp_path):
    done = cli("report", release, *CLI, "-o", tmp_path / "out")
    assert done.returncode == 0, done.stderr
    page = (tmp_path / "out" / "release.html").read_text(encoding="utf-8")
    listed = page[page.index('<ol class="findings">'):]
    listed = listed[:listed.index("</ol>")]
    shown = [(int(line), code) for line, code in
             re.findall(r'<span class="pos">[^<]*?(\d+):\d+</span> <code>(FP\d+)</code>', listed)]
    assert shown == REPORTED


def test_a_huge_file_read_in_chunks_is_filtered_the_same(cli, release):
    env = {"FUNDPARSE_HUGE_BYTES": "100", "FUNDPARSE_CHUNK_CHARS": "120"}
    checked = cli("check", release, *CLI, "-f", "json", env=env)
    assert [(f["line"], f["code"]) for f in json.loads(checked.stdout)] == REPORTED
    extracted = cli("extract", release, *CLI, "-f", "jsonl", env=env)
    records = [json.loads(line) for line in extracted.stdout.splitlines()]
    assert [(r["line"], f["code"]) for r in records for f in r["findings"]] == REPORTED


def test_one_implementation():
    """No command filters findings on its own: they all call suppress.filter_document."""
    from pathlib import Path

    import fundparse

    root = Path(fundparse.__file__).parent
    own = []
    for source in (root / "cli").glob("*.py"):
        text = source.read_text(encoding="utf-8")
        if re.search(r"\.startswith\(s\) for s in|fnmatch\(|per_file_ignores:", text):
            own.append(source.name)
    assert own == []
