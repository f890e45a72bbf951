"""A real pre-commit run of the `fundparse-check` hook.

A temporary clone of this checkout (its HEAD, tagged with the version the README's snippet
names) is the hook repository.  A temporary release repository gets the README's
`.pre-commit-config.yaml` snippet; a contradictory release cannot be committed and the message
names the figures; the fixed release commits.  `pre-commit try-repo` is run against the clone
too.  pre-commit installs the hook's environment from the clone (pip, from the package index).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import fundparse

pytest.importorskip("pre_commit", reason="pre-commit (test extra) not installed")
yaml = pytest.importorskip("yaml", reason="PyYAML (a pre-commit dependency) not installed")

ROOT = Path(__file__).resolve().parents[1]
BAD = ("보도일시 2024. 5. 21.(화)\n"
       "구미시는 2023년부터 2026년까지 4년간 총사업비 281억 원(국비 121, 지방비 150)을 투입한다.\n")
GOOD = BAD.replace("지방비 150", "지방비 160")


def config_snippet() -> str:
    """The ```yaml block under the README's pre-commit heading (the README part until the lead
    has merged it into README.md)."""
    for source in (ROOT / "README.md", ROOT / "docs" / "readme-parts" / "precommit.md"):
        if not source.is_file():
            continue
        text = source.read_text(encoding="utf-8")
        heading = re.search(r"^#+ .*pre-commit.*$", text, re.M | re.I)
        if heading is None:
            continue
        block = re.compile(r"^```ya?ml\n(.*?)^```", re.M | re.S).search(text, heading.end())
        if block and "fundparse-check" in block.group(1):
            return block.group(1)
    raise AssertionError("no ```yaml block with fundparse-check under a pre-commit heading "
                         "in README.md or docs/readme-parts/precommit.md")


def git_env(tmp: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("GIT_", "PRE_COMMIT", "FUNDPARSE_"))}
    (tmp / "gitconfig").write_text("", encoding="utf-8")
    env.update(GIT_AUTHOR_NAME="Press Officer", GIT_AUTHOR_EMAIL="press@example.org",
               GIT_COMMITTER_NAME="Press Officer", GIT_COMMITTER_EMAIL="press@example.org",
               GIT_CONFIG_GLOBAL=str(tmp / "gitconfig"), GIT_CONFIG_NOSYSTEM="1",
               PRE_COMMIT_HOME=str(tmp / "pre-commit-home"), PRE_COMMIT_COLOR="never")
    return env


def run(args: list[str], cwd: Path, env: dict[str, str], timeout: float = 900):
    done = subprocess.run(args, cwd=cwd, env=env, capture_output=True, timeout=timeout)
    return done.returncode, (done.stdout + done.stderr).decode("utf-8", "replace")


def test_snippet_names_the_hook_and_a_version_tag():
    config = yaml.safe_load(config_snippet())
    (repo,) = config["repos"]
    assert repo["repo"] == "https://github.com/fundparse/fundparse"
    assert repo["rev"] == f"v{fundparse.__version__}"  # tags are vMAJOR.MINOR.PATCH
    assert [hook["id"] for hook in repo["hooks"]] == ["fundparse-check"]
    manifest = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    (hook,) = manifest
    assert (hook["id"], hook["entry"], hook["language"]) == ("fundparse-check", "fundparse check", "python")
    files = re.compile(hook["files"])
    for name in ("a.txt", "b.md", "c.html", "d.htm", "e.hwpx", "f.hwp", "g.pdf", "H.TXT"):
        assert files.search(name), name
    for name in ("setup.py", "data.csv", "notes.txt.bak"):
        assert not files.search(name), name


def test_pre_commit_stops_a_contradictory_release(tmp_path):
    if not (ROOT / ".git").exists():
        pytest.skip(f"{ROOT} is not a git checkout: pre-commit needs the hook repository in git")
    env = git_env(tmp_path)
    git = ["git"]
    snippet = yaml.safe_load(config_snippet())
    rev = snippet["repos"][0]["rev"]

    # the hook repository: a clone of this checkout's HEAD, tagged as the snippet's rev
    hooks_repo = tmp_path / "fundparse-clone"
    code, out = run([*git, "clone", "--quiet", str(ROOT), str(hooks_repo)], tmp_path, env)
    assert code == 0, out
    code, out = run([*git, "tag", "-f", rev, "HEAD"], hooks_repo, env)
    assert code == 0, out

    release_repo = tmp_path / "press-releases"
    release_repo.mkdir()
    assert run([*git, "init", "--quiet", "-b", "main"], release_repo, env)[0] == 0
    snippet["repos"][0]["repo"] = str(hooks_repo)
    (release_repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump(snippet), encoding="utf-8")
    release = release_repo / "보도자료.txt"
    release.write_text(BAD, encoding="utf-8")
    assert run([*git, "add", "."], release_repo, env)[0] == 0
    pre_commit = [sys.executable, "-m", "pre_commit"]

    # try-repo against the clone, on the staged bad release
    code, out = run([*pre_commit, "try-repo", str(hooks_repo), "fundparse-check", "--ref", rev,
                     "--files", release.name], release_repo, env)
    assert code == 1, out
    assert "FP101" in out and "271억 원" in out and "281억 원" in out and "지방비 150" in out, out

    # the README's snippet as the repository's config: the commit is refused with the figures
    code, out = run([*pre_commit, "install"], release_repo, env)
    assert code == 0, out
    code, out = run([*git, "commit", "-m", "보도자료 초안"], release_repo, env)
    assert code == 1, out
    assert re.search(r"보도자료\.txt:2:\d+: FP101 재원 합계 271억 원\(국비 121 \+ 지방비 150\)이 "
                     r"총액 281억 원과 다릅니다", out), out
    assert run([*git, "rev-parse", "--verify", "-q", "HEAD"], release_repo, env)[0] != 0  # nothing committed

    # fixed: it commits, and the hook passes
    release.write_text(GOOD, encoding="utf-8")
    assert run([*git, "add", release.name], release_repo, env)[0] == 0
    code, out = run([*git, "commit", "-m", "보도자료"], release_repo, env)
    assert code == 0, out
    assert re.search(r"fundparse check.*Passed", out), out
    code, out = run([*pre_commit, "run", "fundparse-check", "--files", release.name], release_repo, env)
    assert code == 0, out
