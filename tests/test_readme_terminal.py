"""The README's terminal example at 100 columns is what the command prints, to the character."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

README = Path(__file__).resolve().parent.parent / "README.md"


def example() -> tuple[str, list[str], str]:
    """(stdin text, the command's arguments, the output shown) of the README's example."""
    text = README.read_text(encoding="utf-8")
    block = re.search(r"```text\n\$ (printf .*?)\n```\n", text, re.S)
    assert block, "the README has no terminal example"
    command, _, shown = block.group(1).replace("\\\n  | ", "| ").partition("\n")
    found = re.fullmatch(r"printf '([^']*)' \| COLUMNS=100 fundparse (.*)", command)
    assert found, command
    return found.group(1).replace("\\n", "\n"), shlex.split(found.group(2)), shown + "\n"


def test_readme_example_is_verbatim_at_100_columns(cli):
    stdin, args, shown = example()
    assert args[0] == "extract" and "--stdin-filename" in args
    done = cli(*args, input=stdin, env={"COLUMNS": "100"})
    assert done.returncode == 0, done.stderr
    assert done.stdout == shown
    from rich.cells import cell_len

    assert max(cell_len(line) for line in shown.splitlines()) <= 100  # Hangul takes two cells
    # the figures are whole in it, and the table speaks Korean
    for figure in ("28,100,000,000", "281억 원", "지방비: 150억 원", "321억 원", "재원별 합계"):
        assert figure in shown
