"""The terminal table never cuts a figure: at every width down to 60 columns each KRW figure
("28,100,000,000") and each short form ("281억 원", "1조 3,000억 원") appears whole on one line,
nothing is truncated with "…", no line is wider than the terminal, and what had to give way
is said under the table."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from rich.cells import cell_len
from rich.console import Console

import fundparse
from fundparse.krw import format_krw
from fundparse.report.layout import atoms, wrap
from fundparse.report.table import TableWriter, render_table

SEED = "구미시는 2023년부터 2026년까지 4년간 총사업비 281억 원(국비 121, 지방비 160)을 투입한다."
CORPUS = Path(__file__).resolve().parent.parent / "corpus" / "docs"
DOCUMENTS = ["inconsistent/inconsistent-01.txt", "national/national-03.txt",
             "foreign/foreign-01.txt", "budgetbook/budgetbook-01.txt", "local/local-01.txt"]
WIDTHS = (60, 80, 100, 120, 200)


def figures(mentions) -> list[str]:
    """Every figure the table must show whole: each mention's KRW in digits and in the short
    form, each part's short form (nested parts too)."""
    out = []
    for m in mentions:
        if m.krw is not None:
            out += [f"{m.krw:,}", format_krw(m.krw)]
        parts = list(m.splits)
        while parts:
            part = parts.pop()
            parts.extend(part.splits)
            if part.krw is not None:
                out.append(format_krw(part.krw))
    return out


def texts() -> list[tuple[str, str]]:
    return [("seed.txt", SEED)] + [(name, (CORPUS / name).read_text(encoding="utf-8"))
                                   for name in DOCUMENTS]


def assert_whole(out: str, mentions, width: int) -> None:
    lines = out.split("\n")
    assert "…" not in out, out
    too_wide = [line for line in lines if cell_len(line.rstrip()) > width]
    assert not too_wide, "\n".join(too_wide)
    missing = [f for f in figures(mentions) if not any(f in line for line in lines)]
    assert not missing, f"cut or missing at {width} columns: {missing}\n{out}"


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", ["ko", "en"])
def test_rich_console_shows_every_figure_whole(width, lang):
    for name, text in texts():
        mentions = fundparse.extract(text)
        assert mentions, name
        console = Console(width=width, record=True, file=io.StringIO(), color_system=None)
        console.print(render_table(name, mentions, width, lang))
        assert_whole(console.export_text(), mentions, width)


@pytest.mark.parametrize("width", WIDTHS)
def test_table_writer_keeps_the_seed_whole(width):
    stream = io.StringIO()
    writer = TableWriter(stream, width=width)
    mentions = fundparse.extract(SEED)
    writer.begin("seed.txt")
    writer.write("seed.txt", mentions)
    writer.end("seed.txt")
    out = stream.getvalue()
    assert_whole(out, mentions, width)
    for part in ("28,100,000,000", "281억 원", "121억 원", "160억 원"):
        assert part in out
    # one part a line
    first = [line for line in out.split("\n") if "국비: 121억 원" in line]
    assert first and "지방비" not in first[0], out
    assert any("지방비: 160억 원" in line for line in out.split("\n")), out


def test_the_command_at_60_and_100_columns(cli, tmp_path):
    path = tmp_path / "seed.txt"
    path.write_text(SEED + "\n", encoding="utf-8")
    for columns in ("60", "100"):
        done = cli("extract", path, env={"COLUMNS": columns})
        assert done.returncode == 0, done.stderr
        table = done.stdout.split("재원별 합계")[0]
        assert_whole(table, fundparse.extract(SEED), int(columns))


def test_what_gave_way_is_said():
    text = (CORPUS / "inconsistent/inconsistent-01.txt").read_text(encoding="utf-8")
    mentions = fundparse.extract(text)
    wide = Console(width=200, record=True, file=io.StringIO())
    wide.print(render_table("a.txt", mentions, 200))
    out = wide.export_text()
    assert "화면이 좁아" not in out and "FP101 재원 합계" in out  # the whole finding
    narrow = Console(width=60, record=True, file=io.StringIO())
    narrow.print(render_table("a.txt", mentions, 60))
    out = narrow.export_text()
    assert "FP101 재원" not in out  # the finding shortened …
    assert "화면이 좁아 뺀 열: " in out or "화면이 좁아 줄인 열: " in out  # … and the table says so
    assert "검사(" in out or "검사" in out.split("화면이 좁아 뺀 열: ")[-1]
    english = Console(width=60, record=True, file=io.StringIO())
    english.print(render_table("a.txt", mentions, 60, "en"))
    assert "to fit the width: " in english.export_text()


def test_a_figure_is_one_atom():
    assert atoms("합계 1억 9,000만 원이 든다") == ["합계", "1억 9,000만 원이", "든다"]
    assert atoms("국비 121, 지방비 160") == ["국비", "121,", "지방비", "160"]
    assert atoms("$1.2 billion 규모") == ["$1.2 billion", "규모"]
    assert wrap("재원 합계 271억 원(국비 121 + 지방비 150)이 총액 281억 원과 다릅니다", 12) == [
        "재원 합계", "271억 원(국비", "121 + 지방비", "150)이 총액", "281억 원과", "다릅니다"]
