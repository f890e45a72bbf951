"""The terminal report of ``fundparse extract``: one rich table per file and a footer with the
run's totals by funding source.  Colour only when asked (the CLI asks on a TTY)."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_HALF_EVEN, Decimal
from typing import TextIO

from rich import box
from rich.console import Console
from rich.table import Table
from rich.cells import cell_len
from rich.text import Text

from fundparse.krw import format_krw
from fundparse.messages import category_name, marker_word, message
from fundparse.model import Finding, Mention, Split, decimal_str
from fundparse.report.totals import CATEGORY_KO, add_totals, ordered, source_totals
from fundparse.report.layout import Column, fit, table_width
from fundparse.report.names import shown_name

__all__ = ["TableWriter", "krw_cell", "make_progress", "render_table", "plain_table", "fit_columns"]

BAR_WIDTH = 24


def krw_cell(krw: int | None, sep: str = "\n") -> str:
    """"28,100,000,000" and "281억 원" on two lines; "—" when there is no KRW value."""
    if krw is None:
        return "—"
    return f"{krw:,}{sep}{format_krw(krw)}"


def _amount(split: Split, share: bool = True) -> str:
    if split.krw is not None:
        text = format_krw(split.krw)
    else:
        text = f"{decimal_str(split.value)} {split.currency}"
    if share and split.share is not None:
        text += f" ({decimal_str(split.share * 100)}%)"
    return text


def _split_lines(splits: Sequence[Split], depth: int = 0, *, lang: str = "en",
                 category: bool = True, share: bool = True) -> list[str]:
    """One line per part (nested parts indented): "국비: 121억 원, national"; in Korean the
    category is named only when the label does not say it already."""
    lines = []
    for split in splits:
        lead = "  " * depth + ("└ " if depth else "")
        line = f"{lead}{split.label}: {_amount(split, share)}"
        name = split.category if lang == "en" else category_name(split.category, lang)
        if category and name != split.label:
            line += f", {name}"
        lines.append(line)
        lines.extend(_split_lines(split.splits, depth + 1, lang=lang, category=category,
                                  share=share))
    return lines


def _period(m: Mention) -> str:
    p = m.period
    if p is None:
        return ""
    span = f"{p.start or ''}–{p.end or ''}" if (p.start or p.end) else p.text
    return f"{span} ({p.years}년)" if p.years else span


def _markers(m: Mention, lang: str = "en") -> list[str]:
    """One marker a line: approx, min/max, the range's other end, per …, change, budget year,
    PDF page."""
    out = []
    if m.approximate:
        out.append(marker_word("approx", lang))
    if m.bound:
        out.append(marker_word(m.bound, lang))
    if m.range is not None:
        high = format_krw(m.range.high_krw) if m.range.high_krw is not None else (
            f"{decimal_str(m.range.high)} {m.currency}")
        out.append(marker_word("to", lang, high=high))
    if m.per:
        out.append(marker_word("per", lang, per=marker_word(m.per, lang)))
    if m.change:
        out.append(marker_word(m.change, lang))
    if m.fiscal_year:
        out.append(marker_word("fiscal_year", lang, year=m.fiscal_year))
    if m.page is not None:
        out.append(marker_word("page", lang, page=m.page))
    return out


def _finding_style(f: Finding) -> str:
    return "bold red" if f.severity == "error" else "yellow"


def _findings(findings: Sequence[Finding], lang: str, mode: str) -> list[tuple[str, str | None]]:
    """Each finding with its message (``full``), its code alone (``codes``), or one count."""
    if not findings:
        return []
    if mode == "count":
        worst = min(findings, key=lambda f: f.severity != "error")
        return [(message("table.findings_count", lang, n=len(findings)), _finding_style(worst))]
    out = []
    for f in findings:
        text = f.code
        if mode == "full":
            text += " " + " ".join((f.message_en if lang == "en" and f.message_en
                                    else f.message).split())
        out.append((text, _finding_style(f)))
    return out


# How the per-file table gives way on a narrow terminal: each step is applied on top of the
# ones before it until the table fits (see report/layout.py); figures are never cut.
NARROWING: tuple[dict[str, object], ...] = (
    {},
    {"drop_empty": True},
    {"findings": "codes"},
    {"markers": False},
    {"findings": "count"},
    {"splits": "short"},
    {"period": False},
    {"splits": "shorter"},
    {"amount": False},
    {"line": False},
    {"label": False},
    {"splits": "wrapped"},  # last: a long part's label over two lines, its figure whole
)


def _plain(lines: Sequence[str]) -> list[tuple[str, str | None]]:
    return [(line, None) for line in lines if line]


def _as_written(m: Mention) -> list[str]:
    """The amount as written, and for a foreign currency its value in that currency."""
    return [m.text] if m.currency == "KRW" else [m.text, f"{decimal_str(m.value)} {m.currency}"]


def _columns(mentions: Sequence[Mention], lang: str, how: dict[str, object],
             made: dict | None = None) -> list[Column]:
    """The table's columns for one way of narrowing (``how``).  ``made`` keeps the columns
    built for earlier ways, by key and the option that shapes them: a column the way does not
    change is not built again (nor its least width measured again)."""
    splits = how.get("splits", "full")
    findings = str(how.get("findings", "full"))
    own_amount = how.get("amount", True)
    made = {} if made is None else made

    def column(key: str, shape: object, cells, **options) -> Column:
        built = made.get((key, shape))
        if built is None:
            built = made[(key, shape)] = Column(key, message(f"table.{key}", lang), cells(),
                                                **options)
        return built

    columns = [
        column("line", None, lambda: [_plain([f"{m.line}:{m.column}"]) for m in mentions],
               justify="right", style="cyan"),
        column("amount", None, lambda: [_plain(_as_written(m)) for m in mentions]),
        column("krw", bool(own_amount), lambda: [
            _plain(([] if own_amount or m.currency == "KRW" else _as_written(m))
                   + krw_cell(m.krw).split("\n")) for m in mentions], justify="right"),
        column("label", None, lambda: [_plain([m.label or ""]) for m in mentions], wrap=True),
        column("splits", splits, lambda: [
            _plain(_split_lines(m.splits, lang=lang, category=splits == "full",
                                share=splits in ("full", "short"))) for m in mentions],
               wrap=splits == "wrapped"),
        column("period", None, lambda: [_plain([_period(m)]) for m in mentions], wrap=True),
        column("markers", None, lambda: [_plain(_markers(m, lang)) for m in mentions]),
        column("findings", findings, lambda: [_findings(m.findings, lang, findings)
                                              for m in mentions], wrap=findings == "full"),
    ]
    keep = {"line": how.get("line", True), "amount": own_amount, "label": how.get("label", True),
            "period": how.get("period", True), "markers": how.get("markers", True)}
    columns = [c for c in columns if keep.get(c.key, True)]
    if how.get("drop_empty"):
        columns = [c for c in columns if c.key == "krw" or not c.empty()]
    return columns


def fit_columns(mentions: Sequence[Mention], width: int,
                lang: str = "ko") -> tuple[list[Column], list[str]]:
    """The columns of the first way of narrowing that fits ``width`` (the narrowest, at its
    least widths, when none does), and the notes saying what was left out or shortened."""
    made: dict = {}
    full = {c.key: c for c in _columns(mentions, lang, {}, made)}
    how: dict[str, object] = {}
    for step in NARROWING:
        how.update(step)
        columns = _columns(mentions, lang, how, made)
        if fit(columns, width):
            break
    else:
        for column in columns:
            column.width = column.least()
    shown = {c.key: c for c in columns}
    present = [key for key, c in full.items() if not c.empty()]
    dropped = [full[key].header for key in present if key not in shown and key != "amount"]
    shortened = []
    if "findings" in shown and shown["findings"].cells != full["findings"].cells:
        kind = "codes" if how["findings"] == "codes" else "counted"
        shortened.append(message(f"table.findings_{kind}", lang))
    if "splits" in shown and shown["splits"].cells != full["splits"].cells:
        kind = "short" if how["splits"] == "short" else "shorter"
        shortened.append(message(f"table.splits_{kind}", lang))
    if "amount" in present and "amount" not in shown:
        shortened.append(message("table.amount_merged", lang))
    notes = []
    if dropped:
        notes.append(message("table.dropped", lang, columns=", ".join(dropped)))
    if shortened:
        notes.append(message("table.shortened", lang, columns=", ".join(shortened)))
    return columns, notes


def _frame(title: str, count: int, columns: Sequence[Column], notes: Sequence[str], width: int,
           lang: str, caption: bool = True) -> Table:
    """The rich table around the rows: title, columns at their widths, caption."""
    table = Table(title=Text(title), title_justify="left", title_style="bold",
                  caption="\n".join([message("table.count", lang, n=count), *notes])
                  if caption else None,
                  caption_justify="left", box=box.SIMPLE_HEAD, show_lines=False, expand=False,
                  pad_edge=False)
    # wider than the terminal only when one figure or part is (the terminal wraps the line)
    needed = table_width([c.width for c in columns])
    if needed > width:
        table.width = needed
    for column in columns:
        table.add_column(column.header, justify=column.justify,  # type: ignore[arg-type]
                         style=column.style, width=column.width, no_wrap=True)
    return table


def _cell(column: Column, row: int) -> Text:
    text = Text()
    for i, (line, style) in enumerate(column.lines(row)):
        if i:
            text.append("\n")
        text.append(line, style=style)
    return text


def render_table(title: str, mentions: Sequence[Mention], width: int, lang: str = "ko") -> Table:
    """The rich table of one file's mentions at ``width`` cells: every figure whole."""
    columns, notes = fit_columns(mentions, width, lang)
    table = _frame(title, len(mentions), columns, notes, width, lang)
    for row in range(len(mentions)):
        table.add_row(*[_cell(column, row) for column in columns])
    return table


def _captured(console: Console, renderable) -> list[str]:
    with console.capture() as captured:
        console.print(renderable, crop=False)
    return captured.get().split("\n")


def _rich_cell(console: Console, column: Column, row: int, left: int, right: int) -> list[str]:
    """One cell's lines as rich's table lays them out (with its padding)."""
    from rich.padding import Padding

    options = console.options.update(width=column.width + left + right, justify=column.justify,
                                     no_wrap=True, overflow="ellipsis", height=None,
                                     highlight=False)
    lines = console.render_lines(Padding(_cell(column, row), (0, right, 0, left)), options)
    return ["".join(segment.text for segment in line) for line in lines]


def _plain_cell(console: Console, column: Column, row: int, left: int, right: int) -> list[str]:
    """One cell's lines padded to its column: what rich gives for lines that fit the column and
    that it keeps as they are (printable, no tab); any other cell is laid out by rich."""
    width, justify = column.width, column.justify
    out = []
    for text, _ in column.lines(row):
        if not text or not text.isprintable() or justify not in ("left", "right"):
            return _rich_cell(console, column, row, left, right)
        size = cell_len(text)
        if size > width:  # rich would cut it ("…"); the layout never asks for that
            return _rich_cell(console, column, row, left, right)
        if justify == "right":
            text = text.rstrip()
            out.append(" " * (left + width - cell_len(text)) + text + " " * right)
        else:
            out.append(" " * left + text + " " * (width - size + right))
    return out or [" " * (left + width + right)]


def plain_table(console: Console, title: str, mentions: Sequence[Mention], width: int,
                lang: str = "ko") -> str | None:
    """The text ``render_table`` prints without colour (lines without trailing spaces), the
    same characters, without rich laying out every cell: rich lays out the table without its
    rows (title, header, rules, caption) and the rows, whose columns all have fixed widths,
    are padded here (``_plain_cell``).  None when the frame is not the one expected."""
    columns, notes = fit_columns(mentions, width, lang)
    framed = _captured(console, _frame(title, len(mentions), columns, notes, width, lang))
    bare = _captured(console, _frame(title, len(mentions), columns, notes, width, lang,
                                     caption=False))
    at = len(bare) - 2  # bare ends with the header's rule, the bottom edge and "" after it
    needed = table_width([c.width for c in columns])
    edges = box.SIMPLE_HEAD.substitute(console.options, safe=console.safe_box)
    if (at < 2 or framed[:at + 1] != bare[:at + 1] or cell_len(framed[at - 1]) != needed
            or framed[at] != edges.get_bottom([needed - 2])):
        return None
    n = len(columns)
    pads = [(0 if i == 0 else 1, 0 if i == n - 1 else 1) for i in range(n)]
    blanks = [" " * (c.width + left + right) for c, (left, right) in zip(columns, pads)]
    body = []
    rows = len(mentions)
    for row in range(rows):
        cells = [_plain_cell(console, c, row, left, right) for c, (left, right) in zip(columns, pads)]
        if row == rows - 1:
            start, divider, end = edges.foot_left, edges.foot_vertical, edges.foot_right
        else:
            start, divider, end = edges.mid_left, edges.mid_vertical, edges.mid_right
        for i in range(max(len(cell) for cell in cells)):
            body.append(start + divider.join(cell[i] if i < len(cell) else blank
                                             for cell, blank in zip(cells, blanks)) + end)
    lines = [*framed[:at], *body, *framed[at:]]
    return "\n".join(line.rstrip() for line in lines)


def _share_bar(part: int, whole: int) -> tuple[str, str]:
    if whole <= 0:
        return "", ""
    share = (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"), ROUND_HALF_EVEN)
    cells = int((Decimal(part) * BAR_WIDTH / Decimal(whole)).to_integral_value(ROUND_HALF_EVEN))
    return f"{share}%", "█" * cells


class TableWriter:
    """Prints one table per document as it ends, and the totals footer on close."""

    def __init__(self, stream: TextIO, *, color: bool = False, width: int | None = None,
                 lang: str = "ko", title_notes: bool = True, category_of=None):
        """``category_of(path)`` gives the label -> category lookup of a file's configuration,
        so amounts labelled with a source word count in the totals (report.totals)."""
        self.console = Console(
            file=stream, color_system="auto" if color else None, force_terminal=color or None,
            no_color=not color, width=width, highlight=False, emoji=False, soft_wrap=False,
            legacy_windows=False,
        )
        self.lang = lang
        self.files = 0
        self.mentions = 0
        self.totals: dict[str, int] = {}
        self._rows: list[Mention] | None = None
        self._mentions: list[Mention] = []
        self.category_of = category_of
        self._count = 0
        self.title_notes = title_notes

    def _print(self, renderable, crop: bool = True) -> None:
        """Print; without colour (a file or a pipe) the lines lose rich's trailing padding."""
        if self.console.color_system:
            self.console.print(renderable, crop=crop)
            return
        with self.console.capture() as captured:
            self.console.print(renderable, crop=crop)
        text = "\n".join(line.rstrip() for line in captured.get().split("\n"))
        self.console.file.write(text)

    def begin(self, path: str) -> None:
        self.files += 1
        self._mentions = []
        self._count = 0
        self._rows = []

    def write(self, path: str, mentions: Sequence[Mention]) -> None:
        if self._rows is None:
            self.begin(path)
        for m in mentions:
            self._count += 1
            self._mentions.append(m)
            self._rows.append(m)

    def end(self, path: str) -> None:
        rows = self._rows
        self._rows = None
        self.mentions += self._count
        lookup = self.category_of(path) if self.category_of is not None else None
        add_totals(self.totals, source_totals(self._mentions, lookup))
        self._mentions = []
        if not rows:
            self._print(Text(message("table.none", self.lang, path=shown_name(path)), style="dim"))
            return
        title, width = shown_name(path), self.console.width
        if not self.console.color_system:  # a file or a pipe: the rows are padded here
            text = plain_table(self.console, title, rows, width, self.lang)
            if text is not None:
                self.console.file.write(text)
                return
        self._print(render_table(title, rows, width, self.lang), crop=False)

    def close(self) -> None:
        lang = self.lang
        files = message("count.files", lang, n=self.files)
        amounts = message("table.count", lang, n=self.mentions)
        footer = Table(
            title=message("totals.title", lang, files=files, amounts=amounts),
            title_justify="left", title_style="bold", box=box.SIMPLE_HEAD,
            caption=message("totals.caption", lang), caption_justify="left",
        )
        footer.add_column(message("totals.source", lang))
        footer.add_column(message("totals.krw", lang), justify="right")
        footer.add_column(message("totals.share", lang), justify="right")
        footer.add_column("", style="green")
        whole = sum(self.totals.values())
        for category, krw in ordered(self.totals):
            share, bar = _share_bar(krw, whole)
            if lang == "en" and category in CATEGORY_KO:
                name = f"{category} ({CATEGORY_KO[category]})"
            else:
                name = category_name(category, lang)
            footer.add_row(name, krw_cell(krw, "  "), share, bar)
        if self.totals:
            footer.add_row(Text(message("totals.total", lang), style="bold"),
                           krw_cell(whole, "  "), "100.0%", "")
            self._print(footer)
        else:
            self._print(Text(message("totals.empty", lang, files=files, amounts=amounts),
                             style="dim"))
        self.console.file.flush()


def make_progress(total: int, stream: TextIO, lang: str = "ko", redirect_stdout: bool = False):
    """A transient progress bar for many files (the CLI shows it on a TTY); with
    ``redirect_stdout`` what the command prints meanwhile appears above the bar (stdout and
    the bar on one terminal)."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    console = Console(file=stream)
    progress = Progress(TextColumn("fundparse"), BarColumn(), MofNCompleteColumn(),
                        TextColumn(message("cli.progress", lang)), TimeElapsedColumn(),
                        console=console, transient=True, redirect_stdout=redirect_stdout,
                        redirect_stderr=True)
    task = progress.add_task("files", total=total)
    return progress, task
