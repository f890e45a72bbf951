"""`fundparse check` with the conventions of a linter (issue 16, compare ruff): SARIF 2.1.0 for
GitHub code scanning (validated against the OASIS schema in tests/data), JSON lines, -o FILE,
--exit-zero, -q, '.' when no path is given on a terminal, exclude / extend-exclude /
force-exclude in the configuration, and --show-settings.  Real files, the installed command."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import jsonschema
import pytest

from conftest import build_hwpx, cli_env, fundparse_command
from test_cli_newcomer import hangul_free_sentences

SCHEMA = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"
BAD = "총사업비 281억 원(국비 121, 지방비 150)을 투입한다.\n"
CLEAN = "총사업비 281억 원(국비 121, 지방비 160)을 투입한다.\n"
WARN = "총사업비 340억 원을 투입한다. 총사업비 304억 원 가운데 국비는 200억 원이다.\n"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def sarif_validator() -> jsonschema.Draft4Validator:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator.check_schema(schema)
    return jsonschema.Draft4Validator(schema)


# --- SARIF ---------------------------------------------------------------------------------------

def test_sarif_is_valid_and_says_what_code_scanning_reads(cli, tmp_path):
    write(tmp_path / "press" / "보도자료.txt", BAD + "<!-- fundparse: ignore FP101 반올림 -->\n" + BAD)
    write(tmp_path / "press" / "b.md", WARN)
    done = cli("check", "press", "--format", "sarif", cwd=tmp_path)
    assert done.returncode == 1, done.stderr
    log = json.loads(done.stdout)
    errors = sorted(sarif_validator().iter_errors(log), key=str)
    assert errors == [], [e.message for e in errors]
    assert log["version"] == "2.1.0"
    run = log["runs"][0]
    driver = run["tool"]["driver"]
    from fundparse.checks import CHECKS

    assert driver["name"] == "fundparse"
    assert [r["id"] for r in driver["rules"]] == sorted(CHECKS)
    fp101 = driver["rules"][sorted(CHECKS).index("FP101")]
    assert CHECKS["FP101"].bad in fp101["help"]["text"] and CHECKS["FP101"].good in fp101["help"]["text"]
    assert fp101["defaultConfiguration"]["level"] == "error"
    results = run["results"]
    placed = [(r["ruleId"], r["level"],
               r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
               r["locations"][0]["physicalLocation"]["region"]["startLine"],
               r["locations"][0]["physicalLocation"]["region"]["startColumn"],
               "suppressions" in r) for r in results]
    hangul = "press/%EB%B3%B4%EB%8F%84%EC%9E%90%EB%A3%8C.txt"  # 보도자료.txt, percent-encoded
    assert ("FP301", "warning", "press/b.md", 1, 25, False) in placed
    assert ("FP101", "error", hangul, 1, 6, False) in placed
    assert ("FP101", "error", hangul, 3, 6, True) in placed  # suppressed in the file: dismissed
    suppressed = next(r for r in results if "suppressions" in r)
    assert suppressed["suppressions"] == [{"kind": "inSource", "justification": "반올림"}]
    for result in results:
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["message"]["text"]
        location = result["locations"][0]["physicalLocation"]["artifactLocation"]
        assert location["uriBaseId"] == "%SRCROOT%" and not location["uri"].startswith("/")
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == tmp_path.resolve().as_uri() + "/"
    english = json.loads(cli("check", "press", "-f", "sarif", "--lang", "en", cwd=tmp_path).stdout)
    assert not list(sarif_validator().iter_errors(english))
    texts = [r["message"]["text"] for r in english["runs"][0]["results"]]
    assert any("do not add up" in text or "parts" in text for text in texts), texts


def test_sarif_of_a_clean_run_and_of_stdin_is_valid(cli, tmp_path):
    clean = json.loads(cli("check", write(tmp_path / "a.txt", CLEAN), "-f", "sarif").stdout)
    assert clean["runs"][0]["results"] == [] and not list(sarif_validator().iter_errors(clean))
    piped = json.loads(cli("check", "-", "-f", "sarif", input=BAD).stdout)
    assert not list(sarif_validator().iter_errors(piped))
    outside = json.loads(cli("check", tmp_path / "a.txt", "-f", "sarif",
                             cwd=tmp_path.parent.parent).stdout)
    assert not list(sarif_validator().iter_errors(outside))


def test_a_broken_log_fails_the_schema():
    """The validation has teeth: a result without a message is refused."""
    log = {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}},
                                          "results": [{"ruleId": "FP101"}]}]}
    assert list(sarif_validator().iter_errors(log))


# --- JSON lines, -o, --exit-zero, -q --------------------------------------------------------------

def test_jsonl_is_one_finding_per_line_like_the_json_list(cli, tmp_path):
    path = write(tmp_path / "r.txt", BAD + WARN)
    lines = cli("check", path, "-f", "jsonl").stdout.splitlines()
    listed = json.loads(cli("check", path, "-f", "json").stdout)
    assert [json.loads(line) for line in lines] == listed and len(listed) >= 2


def test_output_file_exit_zero_and_quiet(cli, tmp_path):
    path = write(tmp_path / "r.txt", BAD)
    target = tmp_path / "findings.txt"
    done = cli("check", tmp_path, "-o", target)
    assert done.returncode == 1 and done.stdout == "" and done.stderr == ""
    assert target.read_text(encoding="utf-8").count("FP101") == 1
    # the output file is never read back as an input (it is in the folder checked)
    write(target, BAD * 3)
    again = cli("check", tmp_path, "-o", target, "--statistics")
    assert target.read_text(encoding="utf-8").count(": FP101 ") == 1
    assert again.stdout == "" and "파일 1개 검사" in target.read_text(encoding="utf-8")
    done = cli("check", path, "--exit-zero")
    assert done.returncode == 0 and "FP101" in done.stdout
    done = cli("check", path, tmp_path / "missing.txt", "--exit-zero")
    assert done.returncode == 2  # an unreadable input is still an error
    bad = cli("check", path, "-o", tmp_path / "no" / "such" / "dir.txt")
    assert bad.returncode == 2 and len(bad.stderr.splitlines()) == 1


def test_quiet_prints_the_findings_and_nothing_else(cli, tmp_path):
    package = build_hwpx(["총사업비 281억 원(국비 121, 지방비 150)을 투입한다."])
    source = zipfile.ZipFile(io.BytesIO(package))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:  # a manifest that lists no section: a reader's note
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "Contents/content.hpf":
                data = data.replace(b'<opf:itemref idref="section0"/>', b"")
            z.writestr(info, data)
    path = tmp_path / "r.hwpx"
    path.write_bytes(buffer.getvalue())
    loud = cli("check", path)
    assert "참고" in loud.stderr and "FP101" in loud.stdout
    quiet = cli("check", path, "-q")
    assert quiet.stderr == "" and quiet.stdout == loud.stdout and quiet.returncode == 1


# --- '.' without a path ---------------------------------------------------------------------------

@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")
def test_no_path_on_a_terminal_checks_the_current_folder(cli, tmp_path):
    import pty

    write(tmp_path / "a.txt", BAD)
    write(tmp_path / "sub" / "b.md", BAD)
    master, slave = pty.openpty()
    try:
        done = subprocess.run([*fundparse_command(), "check"], stdin=slave, capture_output=True,
                              cwd=tmp_path, env=cli_env(), timeout=120)
    finally:
        os.close(slave)
        os.close(master)
    assert done.returncode == 1, done.stderr
    assert [line.split(":")[0] for line in done.stdout.decode().splitlines()] == ["a.txt",
                                                                                   "sub/b.md"]
    piped = cli("check", cwd=tmp_path, input=CLEAN)  # piped: stdin as before
    assert piped.returncode == 0 and piped.stdout == ""
    extract = subprocess.run([*fundparse_command(), "extract"], stdin=subprocess.DEVNULL,
                             capture_output=True, cwd=tmp_path, env=cli_env(), timeout=120)
    assert extract.returncode == 0  # extract reads an empty stdin; only check defaults to '.'


# --- exclude --------------------------------------------------------------------------------------

def test_exclude_and_extend_exclude_like_ruff(cli, tmp_path):
    for name in ("a.txt", "archive/old.txt", "drafts/2023/x.md", "drafts/2024/y.md",
                 "notes/z.bak.txt", "sub/archive/deep.txt"):
        write(tmp_path / name, BAD)
    write(tmp_path / "pyproject.toml", '[tool.fundparse]\nexclude = ["archive", "drafts/2023"]\n'
                                       'extend-exclude = ["*.bak.txt"]\n')
    def files(*args):
        done = cli("check", *args, "-f", "json", cwd=tmp_path)
        assert done.returncode in (0, 1), done.stderr
        return sorted(Path(f["file"]).as_posix() for f in json.loads(done.stdout))

    assert files(".") == ["a.txt", "drafts/2024/y.md"]
    # a folder named on the command line is walked, and what is below it still obeys exclude
    assert files("drafts") == ["drafts/2024/y.md"]
    assert files("archive") == ["archive/old.txt"]  # named: read, as ruff does
    assert files("archive/old.txt", "a.txt") == ["a.txt", "archive/old.txt"]
    assert files("archive/old.txt", "a.txt", "--force-exclude") == ["a.txt"]
    write(tmp_path / "pyproject.toml", '[tool.fundparse]\nexclude = ["archive"]\n'
                                       'force-exclude = true\n')
    assert files("archive/old.txt", "a.txt") == ["a.txt"]
    # extract and report pass over the same files
    extract = cli("extract", ".", "-f", "jsonl", cwd=tmp_path).stdout
    assert "archive" not in extract and "a.txt" in extract
    bad = write(tmp_path / "pyproject.toml", '[tool.fundparse]\nexclude = "archive"\n')
    done = cli("check", ".", cwd=tmp_path)
    assert done.returncode == 2 and "exclude" in done.stderr and str(bad.name) in done.stderr


# --- --show-settings ------------------------------------------------------------------------------

def test_show_settings_names_the_file_and_what_it_resolves_to(cli, tmp_path):
    write(tmp_path / "pyproject.toml", '[tool.fundparse]\nselect = ["FP1", "FP3"]\n'
                                       'ignore = ["FP301"]\nexclude = ["archive"]\n'
                                       '[tool.fundparse.per-file-ignores]\n"drafts/*.md" = ["FP10"]\n')
    write(tmp_path / "drafts" / "a.md", BAD)
    done = cli("check", "--show-settings", "drafts/a.md", "--ignore", "FP302", "--lang", "en",
               cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "Settings for drafts/a.md"
    assert f"  configuration file: {tmp_path.resolve() / 'pyproject.toml'}" in lines
    assert "  select: FP1, FP3" in lines and "  ignore: FP301" in lines
    assert '  per-file-ignores: "drafts/*.md" = FP10 (applies here)' in lines
    assert "  exclude, extend-exclude: archive" in lines
    assert "  command line: --select (none), --ignore FP302" in lines
    assert "  rules reported here: FP310, FP311, FP312" in lines
    korean = cli("check", "--show-settings", cwd=tmp_path / "drafts")
    assert korean.returncode == 0 and korean.stdout.startswith(".에 적용되는 설정\n")
    assert hangul_free_sentences(korean.stdout, str(tmp_path)) == []
    elsewhere = cli("check", "--show-settings", tmp_path / "drafts" / "a.md", cwd=tmp_path.parent)
    assert "pyproject.toml" in elsewhere.stdout
    none = cli("check", "--show-settings", "--lang", "en", cwd=tmp_path.parent)
    assert "  configuration file: none (the defaults)" in none.stdout.splitlines()


def test_new_messages_are_korean_by_default(cli, tmp_path):
    path = write(tmp_path / "r.txt", BAD)
    for args in (("check", path, "--exit-zero", "-q", "--statistics"),
                 ("check", path, "-o", tmp_path / "no" / "dir.txt"),
                 ("check", path, "--force-exclude", "-f", "jsonl"),
                 ("check", "--show-settings", path, "--select", "FP1"),
                 ("extract", path, "--ignore", "FP8"),
                 ("report", path, "--select", "FP1", "-o", tmp_path / "out")):
        done = cli(*args, cwd=tmp_path)
        assert "Traceback" not in done.stderr, args
        names = [str(a) for a in args if isinstance(a, Path)] + [str(tmp_path)]
        jsonish = [line for line in (done.stdout + "\n" + done.stderr).split("\n")
                   if not line.startswith("{")]
        assert hangul_free_sentences("\n".join(jsonish), *names) == [], args
