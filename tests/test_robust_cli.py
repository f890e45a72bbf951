"""The command's promises when its surroundings misbehave (issue 21): a symbolic link loop,
a full disk, a closed stdout, a reader that goes away, a Ctrl-C, --jobs on many files, file
names made of control characters, bidi controls in a document.  Each runs the real command in
a subprocess; none asserts a time (how fast an interrupt ends --jobs is measured in
benchmarks/bench_adversarial.py).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
from pathlib import Path

import pytest

from conftest import cli_env, fundparse_command

GOOD = "시는 사업비 50억 원(도비 20억 원, 시비 30억 원)을 들여 도로를 정비한다.\n"


def english(args: list[str]) -> list[str]:
    """The command with --lang en: these tests read the English messages."""
    return [args[0], "--lang", "en", *args[1:]] if args else args


def run(*args, stdout=subprocess.PIPE, stdin=subprocess.DEVNULL, **kwargs):
    return subprocess.run([*fundparse_command(), *english(list(map(str, args)))], stdout=stdout,
                          stderr=subprocess.PIPE, stdin=stdin, env=cli_env(), timeout=300,
                          check=False, **kwargs)


def no_traceback(stderr: bytes) -> str:
    text = stderr.decode("utf-8", "replace")
    assert "Traceback" not in text and "internal error" not in text, text
    return text


@pytest.fixture
def looped(tmp_path: Path) -> Path:
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("command", [["extract", "--format", "jsonl"], ["check"],
                                     ["extract", "--format", "jsonl", "--jobs", "2"]])
def test_a_symlink_loop_met_in_a_folder_is_an_input_error(looped, command):
    done = run(*command, looped)
    assert done.returncode == 2
    lines = no_traceback(done.stderr).splitlines()
    assert lines == [f"fundparse: {looped / 'a.txt'}: symbolic link loop",
                     f"fundparse: {looped / 'b.txt'}: symbolic link loop"]
    if command[0] == "extract":
        assert [json.loads(line)["krw"] for line in done.stdout.splitlines()] == [5_000_000_000]


def test_a_symlink_loop_named_directly(looped):
    done = run("extract", "--format", "jsonl", looped / "a.txt")
    assert done.returncode == 2 and done.stdout == b""
    assert no_traceback(done.stderr) == f"fundparse: {looped / 'a.txt'}: symbolic link loop\n"


def test_report_writes_the_good_pages_beside_a_symlink_loop(looped, tmp_path_factory):
    out = tmp_path_factory.mktemp("pages")
    done = run("report", looped, "-o", out)
    assert done.returncode == 2
    assert "symbolic link loop" in no_traceback(done.stderr)
    assert (out / "good.html").is_file() and (out / "index.html").is_file()


# --- output that cannot be written -------------------------------------------------------

@pytest.fixture
def document(tmp_path: Path) -> Path:
    path = tmp_path / "release.txt"
    path.write_text(GOOD * 300, encoding="utf-8")
    return path


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full on this system")
@pytest.mark.parametrize("command", [["extract", "--format", "jsonl"], ["extract"],
                                     ["extract", "--format", "json"], ["extract", "--format", "csv"],
                                     ["check", "--format", "json"], ["rules"]])
def test_a_full_disk_is_one_line_and_exit_2(document, command):
    with open("/dev/full", "wb") as full:
        done = run(*command, *([document] if command[0] != "rules" else []), stdout=full)
    assert done.returncode == 2
    assert no_traceback(done.stderr) == "fundparse: cannot write output: No space left on device\n"


@pytest.mark.parametrize("command", [["extract", "--format", "jsonl"], ["extract"],
                                     ["extract", "--format", "csv"], ["rules"]])
def test_a_closed_stdout_is_one_line_and_exit_2(document, command):
    args = [*fundparse_command(), *english(command),
            *([str(document)] if command[0] != "rules" else [])]
    done = subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                          stdin=subprocess.DEVNULL, env=cli_env(), timeout=300, check=False,
                          preexec_fn=lambda: os.close(1))
    assert done.returncode == 2
    assert no_traceback(done.stderr) == "fundparse: cannot write output: standard output is closed\n"


def test_a_closed_stdout_with_nothing_to_write_is_fine(tmp_path):
    clean = tmp_path / "clean.txt"
    clean.write_text("사업비 5억 원을 들인다.\n", encoding="utf-8")
    done = subprocess.run([*fundparse_command(), *english(["check"]), str(clean)],
                          stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, env=cli_env(),
                          timeout=300, check=False, preexec_fn=lambda: os.close(1))
    assert (done.returncode, done.stderr) == (0, b"")


@pytest.mark.parametrize("command", [["extract", "--format", "jsonl"], ["extract"],
                                     ["extract", "--format", "json"], ["extract", "--format", "csv"],
                                     ["extract", "--format", "jsonl", "--jobs", "2"], ["check"]])
def test_a_reader_that_goes_away_is_quiet(tmp_path, command):
    """`fundparse … | head -1`: head leaves after one line; the command stops quietly, exit 0."""
    for i in range(6):
        text = (GOOD + "공원 조성에는 100억 원(국비 30억 원, 도비 20억 원)이 든다.\n") * 400
        (tmp_path / f"doc{i}.txt").write_text(text, encoding="utf-8")
    proc = subprocess.Popen([*fundparse_command(), *english(command), str(tmp_path)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            stdin=subprocess.DEVNULL, env=cli_env())
    first = proc.stdout.readline()
    proc.stdout.close()                      # what head does after its line
    stderr = proc.stderr.read()
    proc.wait(timeout=300)
    assert first
    assert proc.returncode == 0
    assert no_traceback(stderr) == ""


# --- Ctrl-C -------------------------------------------------------------------------------------

def interrupted(args: list[str], folder: Path) -> tuple[int, bytes, str]:
    """Start the command on ``folder`` and then stdin (a pipe this test never closes, so the
    command cannot finish before the signal), wait for its first output line, press Ctrl-C
    (SIGINT to its process group, as a terminal does)."""
    proc = subprocess.Popen([*fundparse_command(), *english(args), str(folder), "-"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            stdin=subprocess.PIPE, env=cli_env(), start_new_session=True,
                            # as from a terminal, even when the test run itself ignores SIGINT
                            # (started with nohup or & from a script)
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        first = proc.stdout.readline()
        os.killpg(proc.pid, signal.SIGINT)
        out = first + proc.stdout.read()
        err = proc.stderr.read()
        proc.wait(timeout=300)
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.stdin.close()
    return proc.returncode, out, err.decode("utf-8", "replace")


@pytest.fixture(scope="module")
def many(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("many")
    for i in range(40):
        (folder / f"doc{i:02}.txt").write_text(GOOD * 300, encoding="utf-8")
    return folder


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ctrl_c_leaves_whole_json_lines(many, jobs):
    code, out, err = interrupted(["extract", "--format", "jsonl", "--jobs", jobs], many)
    assert code == 130
    assert err == "fundparse: interrupted\n"
    records = [json.loads(line) for line in out.splitlines()]
    assert records and all(r["krw"] == 5_000_000_000 for r in records)
    places = [(r["file"], r["start"]) for r in records]
    assert len(places) == len(set(places)), "a line written twice"


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ctrl_c_leaves_a_closed_json_list(many, jobs):
    code, out, err = interrupted(["extract", "--format", "json", "--jobs", jobs], many)
    assert code == 130
    assert err == "fundparse: interrupted\n"
    records = json.loads(out)
    assert records and all(r["krw"] == 5_000_000_000 for r in records)


def test_ctrl_c_during_check(tmp_path):
    wrong = "공원 조성에는 100억 원(국비 30억 원, 도비 20억 원)이 든다.\n" * 200   # FP101
    for i in range(20):
        (tmp_path / f"doc{i:02}.txt").write_text(wrong, encoding="utf-8")
    code, out, err = interrupted(["check", "--format", "text"], tmp_path)
    assert code == 130 and err == "fundparse: interrupted\n"
    lines = out.decode().splitlines()
    assert lines and all(" FP101 " in line for line in lines)


# --- --jobs holds a bounded number of finished results --------------------------------------------

def test_jobs_keep_at_most_two_results_per_worker_waiting(tmp_path, monkeypatch):
    """The pool is fed as results are taken: taking none, at most AHEAD × workers documents
    are handed out (all of them were, and their results piled up in memory)."""
    from concurrent.futures import ProcessPoolExecutor

    from fundparse.cli import batch

    for i in range(30):
        (tmp_path / f"d{i:02}.txt").write_text(GOOD, encoding="utf-8")
    handed: list[str] = []
    submit = ProcessPoolExecutor.submit

    def counted(self, fn, *args, **kwargs):
        handed.append(args[0])
        return submit(self, fn, *args, **kwargs)

    monkeypatch.setattr(ProcessPoolExecutor, "submit", counted)
    inputs = sorted(str(p) for p in tmp_path.iterdir())
    results = batch.run(inputs, batch.Job(mode="extract"), 2)
    path, _, events = next(results)
    assert path == inputs[0]
    assert len(handed) <= batch.AHEAD * 2
    rest = list(results)
    assert [p for p, _, _ in rest] == inputs[1:]
    assert sorted(handed) == inputs
    assert all(e[0] == "mentions" for _, _, evs in rest for e in evs if e[0] != "doc")


def test_jobs_stream_a_huge_file_in_the_parent(tmp_path):
    """A huge text is read chunk by chunk in the parent (a worker would hold all of its results
    and send them back in one piece): its events come as a generator, from this process."""
    from fundparse.cli import batch

    huge = tmp_path / "huge.txt"
    huge.write_text(GOOD * 50, encoding="utf-8")
    small = [tmp_path / f"s{i}.txt" for i in range(3)]
    for path in small:
        path.write_text(GOOD, encoding="utf-8")
    job = batch.Job(mode="extract", huge_bytes=1000)
    inputs = [str(small[0]), str(huge), str(small[1]), str(small[2])]
    seen = {}
    for path, pid, events in batch.run(inputs, job, 2):
        seen[path] = (pid, events if isinstance(events, list) else "stream", list(events))
    assert seen[str(huge)][0] == os.getpid() and seen[str(huge)][1] == "stream"
    assert all(seen[str(p)][0] != os.getpid() for p in small)
    counts = {path: sum(len(e[1]) for e in evs if e[0] == "mentions")
              for path, (_, _, evs) in seen.items()}
    assert counts == {str(small[0]): 1, str(huge): 50, str(small[1]): 1, str(small[2]): 1}


# --- names and text that could fool a terminal or a page -----------------------------------------

def test_every_stderr_line_shows_a_name_escaped(tmp_path):
    forged = tmp_path / "a\nfundparse: forged.txt"
    forged.write_bytes(b"\xff\xfe\x00binary")
    ansi = tmp_path / "b\x1b[2J\u202e.txt"
    ansi.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    for args in (["extract"], ["check"], ["extract", "--format", "jsonl", "--verbose"],
                 ["extract", "--format", "jsonl", "--jobs", "2"]):
        done = run(*args, tmp_path)
        assert done.returncode == 2
        err = no_traceback(done.stderr)
        assert "\x1b" not in err and "\u202e" not in err
        lines = err.splitlines()
        assert all(line.startswith("fundparse: ") for line in lines), lines
        assert "forged.txt: " in err and "a\\nfundparse: forged.txt" in err
        assert "b\\x1b[2J\\u202e.txt" in err


def test_bidi_controls_are_visible_in_the_review_page(tmp_path):
    doc = tmp_path / "bidi.txt"
    doc.write_text("총사업비 281\u202e억 원과 \u2066국비\u2069 100억 원을 들인다.\n", encoding="utf-8")
    out = tmp_path / "pages"
    done = run("report", doc, "-o", out)
    assert done.returncode == 0, done.stderr
    page = (out / "bidi.html").read_text(encoding="utf-8")
    for control in "\u202e\u2066\u2069":
        assert control not in page
    assert "⟨U+202E⟩" in page and "⟨U+2066⟩" in page and "⟨U+2069⟩" in page


def test_an_output_file_that_cannot_be_made_names_its_path(document, tmp_path):
    target = tmp_path / "no-such-folder" / "out.json"
    done = run("extract", "--format", "json", "-o", target, document)
    assert done.returncode == 2
    assert no_traceback(done.stderr) == f"fundparse: --output: cannot write {target}: No such file or directory\n"
