"""A real pre-commit run of the `fundparse-check` hook, as a press office meets it.

A temporary clone of this checkout is the hook repository.  A temporary release repository
gets the README's `.pre-commit-config.yaml` snippet with its two placeholders filled in (the
clone's path and this checkout's own commit).  pre-commit builds the hook's environment from the
clone (pip, from the package index, with the manifest's readers).  A contradictory `.hwp`
release and a `.txt` with a misspelt suppression cannot be committed, and the output names
the figures; a good release with a warning (and a PDF, which the environment must read) commits,
and the warning is shown.  `pre-commit autoupdate` moves the pinned commit to the newest one,
and the README's local-hook snippet works with the installed command.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from conftest import minimal_pdf

pytest.importorskip("pre_commit", reason="pre-commit (test extra) not installed")
yaml = pytest.importorskip("yaml", reason="PyYAML (a pre-commit dependency) not installed")

from test_readers_hwp import para, synthetic_hwp  # noqa: E402  (the tests' HWP writer)

ROOT = Path(__file__).resolve().parents[1]
BAD_LINE = "구미시는 2023년부터 2026년까지 4년간 총사업비 281억 원(국비 121, 지방비 150)을 투입한다."
GOOD_LINE = BAD_LINE.replace("지방비 150", "지방비 160")
WARNING_TEXT = ("총사업비 281억 원(국비 121, 지방비 160)을 투입한다.\n\n"
                "<!-- fundparse: ignore FP401 -->\n총사업비 281억 원은 2026년까지 쓴다.\n")


def snippets() -> list[str]:
    """The ```yaml blocks under the README's pre-commit heading."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    heading = re.search(r"^## pre-commit.*$", text, re.M | re.I)
    assert heading, "no pre-commit heading in README.md"
    end = text.find("\n## ", heading.end())
    section = text[heading.end():end if end != -1 else len(text)]
    return re.findall(r"^```ya?ml\n(.*?)^```", section, re.M | re.S)


def manifest() -> dict:
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    return hook


def git_env(tmp: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("GIT_", "PRE_COMMIT", "FUNDPARSE_", "NO_COLOR", "FORCE_COLOR"))}
    (tmp / "gitconfig").write_text("", encoding="utf-8")
    env.update(GIT_AUTHOR_NAME="Press Officer", GIT_AUTHOR_EMAIL="press@example.org",
               GIT_COMMITTER_NAME="Press Officer", GIT_COMMITTER_EMAIL="press@example.org",
               GIT_CONFIG_GLOBAL=str(tmp / "gitconfig"), GIT_CONFIG_NOSYSTEM="1",
               PRE_COMMIT_HOME=str(tmp / "pre-commit-home"), PRE_COMMIT_COLOR="never")
    return env


def run(args: list[str], cwd: Path, env: dict[str, str], timeout: float = 900):
    done = subprocess.run(args, cwd=cwd, env=env, capture_output=True, timeout=timeout)
    return done.returncode, (done.stdout + done.stderr).decode("utf-8", "replace")


def test_the_snippet_pins_a_commit_of_a_named_repository():
    remote, local = (yaml.safe_load(block) for block in snippets())
    (repo,) = remote["repos"]
    assert repo["repo"] == "<fundparse repository>" and repo["rev"] == "<commit>"
    assert [hook["id"] for hook in repo["hooks"]] == ["fundparse-check"]
    hook = manifest()
    assert (hook["id"], hook["entry"], hook["language"]) == ("fundparse-check", "fundparse check", "python")
    assert hook["verbose"] is True  # a passing hook's warnings are shown
    files = re.compile(hook["files"])
    for name in ("a.txt", "b.md", "c.html", "d.htm", "e.hwpx", "f.hwp", "g.pdf", "H.TXT"):
        assert files.search(name), name
    for name in ("setup.py", "data.csv", "notes.txt.bak"):
        assert not files.search(name), name
    (local_repo,) = local["repos"]
    (local_hook,) = local_repo["hooks"]
    assert local_repo["repo"] == "local" and local_hook["files"] == hook["files"]


def test_the_hook_installs_the_readers_of_the_formats_it_lists():
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))[
        "project"]["optional-dependencies"]
    assert sorted(manifest()["additional_dependencies"]) == sorted(extras["hwp"] + extras["pdf"])


def test_pre_commit_blocks_bad_releases_and_shows_warnings(tmp_path):
    if not (ROOT / ".git").exists():
        pytest.skip(f"{ROOT} is not a git checkout: pre-commit needs the hook repository in git")
    env = git_env(tmp_path)
    git = ["git"]
    pre_commit = [sys.executable, "-m", "pre_commit"]
    code, commit = run([*git, "rev-parse", "HEAD"], ROOT, env)
    assert code == 0, commit
    commit = commit.strip()

    # the hook repository: a clone of this checkout, at this checkout's own commit
    hooks_repo = tmp_path / "fundparse-clone"
    code, out = run([*git, "clone", "--quiet", "--no-checkout", str(ROOT), str(hooks_repo)],
                    tmp_path, env)
    assert code == 0, out
    assert run([*git, "checkout", "--quiet", "-B", "main", commit], hooks_repo, env)[0] == 0

    release_repo = tmp_path / "press-releases"
    release_repo.mkdir()
    assert run([*git, "init", "--quiet", "-b", "main"], release_repo, env)[0] == 0
    snippet = snippets()[0].replace("<fundparse repository>", str(hooks_repo))
    snippet = snippet.replace("<commit>", commit)
    (release_repo / ".pre-commit-config.yaml").write_text(snippet, encoding="utf-8")
    code, out = run([*pre_commit, "install"], release_repo, env)
    assert code == 0, out

    # a contradictory HWP release and a misspelt suppression: the commit is refused
    hwp = release_repo / "보도자료.hwp"
    hwp.write_bytes(synthetic_hwp(body=para(0, "보도일시 2024. 5. 21.(화)") + para(0, BAD_LINE)))
    note = release_repo / "메모.txt"
    note.write_text("<!-- fundparse: ingore FP101 -->\n" + GOOD_LINE + "\n", encoding="utf-8")
    assert run([*git, "add", "."], release_repo, env)[0] == 0
    code, out = run([*git, "commit", "-m", "보도자료 초안"], release_repo, env)
    assert code == 1, out
    assert re.search(r"보도자료\.hwp:2:31: FP101 재원 합계 271억 원\(국비 121 \+ 지방비 150\)이 "
                     r"총액 281억 원과 다릅니다", out), out
    assert re.search(r"메모\.txt:1:1: FP902 ", out), out
    assert "fundparse check (money figures)" in out and "Failed" in out
    assert run([*git, "rev-parse", "--verify", "-q", "HEAD"], release_repo, env)[0] != 0

    # fixed, with a warning left in and a PDF beside: it commits, and the warning is shown
    hwp.write_bytes(synthetic_hwp(body=para(0, "보도일시 2024. 5. 21.(화)") + para(0, GOOD_LINE)))
    note.write_text(WARNING_TEXT, encoding="utf-8")
    (release_repo / "poster.pdf").write_bytes(minimal_pdf("Total 281"))
    assert run([*git, "add", "."], release_repo, env)[0] == 0
    code, out = run([*git, "commit", "-m", "보도자료"], release_repo, env)
    assert code == 0, out
    assert re.search(r"fundparse check \(money figures\)\.*Passed", out), out
    assert re.search(r"메모\.txt:3:1: FP903 ", out), out  # the unused suppression, shown
    assert "poster.pdf:" not in out and "pdfplumber" not in out  # read (exit 0), and clean

    # autoupdate: the pinned commit moves to the repository's newest commit (no tags yet)
    (hooks_repo / "NEWS").write_text("newer\n", encoding="utf-8")
    assert run([*git, "add", "NEWS"], hooks_repo, env)[0] == 0
    assert run([*git, "commit", "--quiet", "-m", "newer"], hooks_repo, env)[0] == 0
    newest = run([*git, "rev-parse", "HEAD"], hooks_repo, env)[1].strip()
    code, out = run([*pre_commit, "autoupdate"], release_repo, env)
    assert code == 0, out
    config = yaml.safe_load((release_repo / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    assert config["repos"][0]["rev"] == newest != commit


def test_the_local_hook_snippet_runs_the_installed_command(tmp_path):
    env = git_env(tmp_path)
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    release_repo = tmp_path / "releases"
    release_repo.mkdir()
    assert run(["git", "init", "--quiet", "-b", "main"], release_repo, env)[0] == 0
    (release_repo / ".pre-commit-config.yaml").write_text(snippets()[1], encoding="utf-8")
    (release_repo / "a.txt").write_text(BAD_LINE + "\n", encoding="utf-8")
    assert run(["git", "add", "."], release_repo, env)[0] == 0
    code, out = run([sys.executable, "-m", "pre_commit", "run", "--all-files"], release_repo, env)
    assert code == 1 and re.search(r"a\.txt:1:\d+: FP101 ", out), out
    (release_repo / "a.txt").write_text(WARNING_TEXT, encoding="utf-8")
    code, out = run([sys.executable, "-m", "pre_commit", "run", "--all-files"], release_repo, env)
    assert code == 0 and re.search(r"a\.txt:3:1: FP903 ", out), out
