"""The terminal report of ``fundparse extract``: one rich table per file and a footer with the
run's totals by funding source.  Colour only when asked (the CLI asks on a TTY)."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_HALF_EVEN, Decimal
from typing import TextIO

from rich import box
from rich.console import Console
from rich.table import Table
from rich.markup import escape
from rich.text import Text

from fundparse.krw import format_krw
from fundparse.model import CATEGORIES, Finding, Mention, Split, decimal_str
from fundparse.report.names import shown_name

__all__ = ["TableWriter", "krw_cell", "make_progress"]

CATEGORY_KO = {
    "national": "국비", "provincial": "도비·광역시비", "municipal": "시·군·구비",
    "local": "지방비", "private": "민간", "self": "자부담", "other": "기타",
}
BAR_WIDTH = 24


def krw_cell(krw: int | None, sep: str = "\n") -> str:
    """"28,100,000,000" and "281억 원" on two lines; "—" when there is no KRW value."""
    if krw is None:
        return "—"
    return f"{krw:,}{sep}{format_krw(krw)}"


def _amount(split: Split) -> str:
    if split.krw is not None:
        text = format_krw(split.krw)
    else:
        text = f"{decimal_str(split.value)} {split.currency}"
    if split.share is not None:
        text += f" ({decimal_str(split.share * 100)}%)"
    return text


def _split_lines(splits: Sequence[Split], depth: int = 0) -> list[str]:
    lines = []
    for split in splits:
        lead = "  " * depth + ("└ " if depth else "")
        lines.append(f"{lead}{split.label}: {_amount(split)}, {split.category}")
        lines.extend(_split_lines(split.splits, depth + 1))
    return lines


def _period(m: Mention) -> str:
    p = m.period
    if p is None:
        return ""
    span = f"{p.start or ''}–{p.end or ''}" if (p.start or p.end) else p.text
    return f"{span} ({p.years}년)" if p.years else span


def _markers(m: Mention) -> str:
    out = []
    if m.approximate:
        out.append("approx")
    if m.bound:
        out.append(m.bound)
    if m.range is not None:
        high = format_krw(m.range.high_krw) if m.range.high_krw is not None else (
            f"{decimal_str(m.range.high)} {m.currency}")
        out.append(f"to {high}")
    if m.per:
        out.append(f"per {m.per}")
    if m.change:
        out.append(m.change)
    if m.fiscal_year:
        out.append(f"FY{m.fiscal_year}")
    if m.page is not None:
        out.append(f"p.{m.page}")
    return ", ".join(out)


def _findings(findings: Sequence[Finding], lang: str) -> Text:
    text = Text()
    for i, f in enumerate(findings):
        if i:
            text.append("\n")
        message = f.message_en if lang == "en" and f.message_en else f.message
        style = "bold red" if f.severity == "error" else "yellow"
        text.append(f"{f.code} ", style=style)
        text.append(message, style=style.replace("bold ", ""))
    return text


def _share_bar(part: int, whole: int) -> tuple[str, str]:
    if whole <= 0:
        return "", ""
    share = (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"), ROUND_HALF_EVEN)
    cells = int((Decimal(part) * BAR_WIDTH / Decimal(whole)).to_integral_value(ROUND_HALF_EVEN))
    return f"{share}%", "█" * cells


class TableWriter:
    """Prints one table per document as it ends, and the totals footer on close."""

    def __init__(self, stream: TextIO, *, color: bool = False, width: int | None = None,
                 lang: str = "ko", title_notes: bool = True):
        self.console = Console(
            file=stream, color_system="auto" if color else None, force_terminal=color or None,
            no_color=not color, width=width, highlight=False, emoji=False, soft_wrap=False,
            legacy_windows=False,
        )
        self.lang = lang
        self.files = 0
        self.mentions = 0
        self.totals: dict[str, int] = {}
        self._table: Table | None = None
        self._seen: dict[tuple[str, int], str] = {}
        self._count = 0
        self.title_notes = title_notes

    def _print(self, renderable) -> None:
        """Print; without colour (a file or a pipe) the lines lose rich's trailing padding."""
        if self.console.color_system:
            self.console.print(renderable)
            return
        with self.console.capture() as captured:
            self.console.print(renderable)
        text = "\n".join(line.rstrip() for line in captured.get().split("\n"))
        self.console.file.write(text)

    def begin(self, path: str) -> None:
        self.files += 1
        self._seen = {}
        self._count = 0
        table = Table(title=Text(shown_name(path)), title_justify="left", title_style="bold",
                      box=box.SIMPLE_HEAD, show_lines=False, expand=False, pad_edge=False)
        table.add_column("line:col", justify="right", no_wrap=True, style="cyan")
        table.add_column("amount", no_wrap=False)
        table.add_column("KRW", justify="right", no_wrap=True)
        table.add_column("label")
        table.add_column("splits")
        table.add_column("period")
        table.add_column("markers")
        table.add_column("findings")
        self._table = table

    def write(self, path: str, mentions: Sequence[Mention]) -> None:
        table = self._table
        if table is None:
            self.begin(path)
            table = self._table
        for m in mentions:
            self._count += 1
            for split in m.splits:
                if split.currency == "KRW" and split.krw is not None:
                    self._seen.setdefault((split.label, split.krw), split.category)
            amount = m.text if m.currency == "KRW" else f"{m.text}\n{decimal_str(m.value)} {m.currency}"
            table.add_row(
                f"{m.line}:{m.column}", escape(amount), krw_cell(m.krw), escape(m.label or ""),
                "\n".join(_split_lines(m.splits)), _period(m), _markers(m),
                _findings(m.findings, self.lang),
            )

    def end(self, path: str) -> None:
        table = self._table
        self._table = None
        self.mentions += self._count
        for (_, krw), category in self._seen.items():
            self.totals[category] = self.totals.get(category, 0) + krw
        if table is None or self._count == 0:
            self._print(Text(f"{shown_name(path)}: no amounts found", style="dim"))
            return
        table.caption = f"{self._count} amount{'s' if self._count != 1 else ''}"
        table.caption_justify = "left"
        self._print(table)

    def close(self) -> None:
        footer = Table(
            title=f"Totals by funding source — {self.files} file{'s' if self.files != 1 else ''}, "
                  f"{self.mentions} amount{'s' if self.mentions != 1 else ''}",
            title_justify="left", title_style="bold", box=box.SIMPLE_HEAD,
            caption="each distinct (label, KRW) part counted once per document; KRW only",
            caption_justify="left",
        )
        footer.add_column("source")
        footer.add_column("KRW", justify="right")
        footer.add_column("share", justify="right")
        footer.add_column("", style="green")
        whole = sum(self.totals.values())
        order = {c: i for i, c in enumerate(CATEGORIES)}
        for category in sorted(self.totals, key=lambda c: (order.get(c, len(order)), c)):
            krw = self.totals[category]
            share, bar = _share_bar(krw, whole)
            name = f"{category} ({CATEGORY_KO[category]})" if category in CATEGORY_KO else category
            footer.add_row(name, krw_cell(krw, "  "), share, bar)
        if self.totals:
            footer.add_row(Text("total", style="bold"), krw_cell(whole, "  "), "100.0%", "")
            self._print(footer)
        else:
            self._print(Text(f"{self.files} file{'s' if self.files != 1 else ''}, "
                                    f"{self.mentions} amount{'s' if self.mentions != 1 else ''}; "
                                    "no funding-source splits to total", style="dim"))
        self.console.file.flush()


def make_progress(total: int, stream: TextIO):
    """A transient progress bar for many files (the CLI shows it on a TTY)."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    console = Console(file=stream)
    progress = Progress(TextColumn("fundparse"), BarColumn(), MofNCompleteColumn(),
                        TextColumn("files"), TimeElapsedColumn(), console=console,
                        transient=True, redirect_stdout=False, redirect_stderr=True)
    task = progress.add_task("files", total=total)
    return progress, task
