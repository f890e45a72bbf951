"""``fundparse projects FILES…``: one row per funded total — who (agency), what (project),
where (region), how much (KRW), from whom (each source's KRW), when (period, fiscal year) and
file:line.  Formats as ``extract``: table, json, jsonl, csv, xlsx."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any, TextIO

from fundparse.cli.args import EXIT_CODES_HELP, _add_input_options, _Formatter
from fundparse.cli.batch import Run, run, shown_path
from fundparse.cli.commands import (
    _binary_target,
    _common_job,
    _env_int,
    _inputs,
    _isatty,
    _jobs,
    _open_output,
    _utf8_stdout,
)
from fundparse.records.view import COLUMNS, SOURCE_COLUMNS, flat, project_rows

EPILOG = """\
examples:
  fundparse projects corpus/                     a table: agency, project, region, KRW …
  fundparse projects press/ --format jsonl       one funded total per line (spans as
                                                 {"text", "start", "end"})
  fundparse projects press/ --format csv -o projects.csv
  fundparse projects press/ --format xlsx -o projects.xlsx   an Excel sheet, figures as numbers

""" + EXIT_CODES_HELP

HEADERS = {
    "ko": ("기관", "사업", "지역", "총액 · 기간", "재원", "위치"),
    "en": ("agency", "project", "region", "total · period", "sources", "where"),
}
SOURCE_NAMES = {
    "ko": {"national": "국비", "provincial": "도비", "municipal": "시군구비", "local": "지방비",
           "private": "민간", "self": "자부담", "other": "기타", "mixed": "복합"},
    "en": {},
}


def projects_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="fundparse projects", formatter_class=_Formatter, epilog=EPILOG,
        description="One row per funded total: the agency, the project, the region, the\n"
                    "amount in KRW and each funding source's part, the period and where it\n"
                    "is written.")
    _add_input_options(parser)
    parser.add_argument("-f", "--format", choices=("table", "json", "jsonl", "csv", "xlsx"),
                        default="table", help="output format (default: table)")
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    parser.add_argument("--excel", action="store_true",
                        help="CSV with a UTF-8 byte-order mark, so spreadsheets read Hangul")
    parser.add_argument("--no-color", action="store_true", help="no colour (colour only on a TTY)")
    return parser


def main(argv: list[str]) -> int:
    from fundparse.report.formats import mention_record

    args = projects_parser().parse_args(argv)
    if args.excel and args.format != "csv":
        from fundparse.cli.args import UsageError

        raise UsageError("--excel writes CSV; it cannot be combined with --format " + args.format)
    if args.format == "xlsx" and args.output is None and _isatty(sys.stdout):
        from fundparse.cli.args import UsageError, t

        raise UsageError(t("extract.xlsx_terminal"))
    target = _binary_target(args.output) if args.format == "xlsx" else None
    job = _common_job(args, "extract")
    state = Run(verbose=args.verbose)
    inputs = _inputs(args, state, exclude=args.output)
    lang = job.lang or "ko"
    rows: list[dict[str, Any]] = []
    for path, pid, events in run(inputs, job, _jobs(args.jobs)):
        shown = shown_path(path, job)
        for event in events:
            if state.common(shown, pid, event):
                continue
            if event[0] == "mentions":
                records = (mention_record(shown, m, lang) for m in event[1])
                rows.extend(project_rows(records))
    if args.format == "xlsx":
        from fundparse.report.xlsx import write_projects_xlsx

        write_projects_xlsx(target, rows, lang)
        return state.status
    out = _open_output(args.output, "" if args.format == "csv" else None)
    if out is sys.stdout and args.format != "table":
        _utf8_stdout()
    try:
        _write(args, out, rows, lang)
    finally:
        if out is not sys.stdout:
            out.close()
    return state.status


def _write(args: argparse.Namespace, out: TextIO, rows: list[dict[str, Any]], lang: str) -> None:
    if args.format == "jsonl":
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    elif args.format == "json":
        out.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
    elif args.format == "csv":
        import csv

        if args.excel:
            out.write("\ufeff")
        writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: "" if v is None else v for k, v in flat(row).items()})
    else:
        _table(args, out, rows, lang)
    out.flush()


def _table(args: argparse.Namespace, out: TextIO, rows: list[dict[str, Any]], lang: str) -> None:
    import os

    from rich.console import Console
    from rich import box
    from rich.table import Table

    from fundparse.krw import format_krw

    tty = out is sys.stdout and _isatty(out)
    color = tty and not args.no_color and not os.environ.get("NO_COLOR")
    width = None if tty else _env_int("COLUMNS", 100) if os.environ.get("COLUMNS") else 100
    console = Console(file=out, width=width, no_color=not color, highlight=False, emoji=False,
                      force_terminal=color, soft_wrap=False)
    heads = HEADERS[lang]
    names = SOURCE_NAMES[lang]
    folder, where = _where(rows)
    table = Table(show_lines=True, box=box.SIMPLE_HEAD, pad_edge=False, caption=folder or None,
                  caption_justify="left")
    cells = []
    for row in rows:
        f = flat(row)
        total = "" if f["krw"] is None else format_krw(f["krw"]) if f["currency"] == "KRW" \
            else f"{f['text']} ({format_krw(f['krw'])})" if f["krw"] is not None else f["text"]
        if f["period_start"] or f["period_end"]:
            total += f"\n{f['period_start'] or ''}–{f['period_end'] or ''}"
        elif f["fiscal_year"]:
            total += f"\n{f['fiscal_year']}"
        sources = "\n".join(f"{names.get(c[:-4], c[:-4])} {_short(f[c])}"
                            for c in SOURCE_COLUMNS if f[c] is not None)
        cells.append((f["agency"] or "-", f["project"] or "-", f["region"] or "-", total,
                      sources, f"{where(f['file'])}:{f['line']}"))
    for head, size in zip(heads, _widths(heads, cells, console.width)):
        table.add_column(head, width=size, overflow="fold", no_wrap=False,
                         justify="right" if head == heads[3] else "left")
    for line in cells:
        table.add_row(*line)
    if rows:
        console.print(table)
    else:
        console.print("funded totals: none" if lang == "en" else "재원이 있는 사업비: 없음")


def _short(krw: int) -> str:
    """A part's KRW without the trailing " 원" the column heading makes plain: "121억"."""
    from fundparse.krw import format_krw

    text = format_krw(krw)
    return text[:-2] if text.endswith(" 원") else text


def _where(rows: list[dict[str, Any]]):
    """The folder the files share (the table's caption) and each file's name below it."""
    import os

    from fundparse.report.names import shown_name

    files = sorted({r["file"] for r in rows if r.get("file") not in (None, "-")})
    if not files:
        return "", shown_name
    try:
        base = os.path.commonpath([os.path.dirname(os.path.abspath(f)) for f in files])
    except ValueError:
        return "", shown_name

    def below(path: str) -> str:
        return shown_name(path if path == "-" else os.path.relpath(os.path.abspath(path), base))

    return shown_name(base.rstrip(os.sep) + os.sep), below


def _widths(heads, cells, width: int) -> list[int]:
    """Column widths: the figures (total, sources) whole; the place (file:line) whole when it
    fits in a quarter of the width; agency, project and region share the rest 2:4:3."""
    from rich.cells import cell_len

    def natural(i: int) -> int:
        return max([cell_len(heads[i])] + [cell_len(part) for line in cells
                                           for part in line[i].split("\n")])

    total, sources = natural(3), natural(4)
    place = min(natural(5), max(12, width // 4))
    room = width - 3 * (len(heads) - 1) - 2 - total - sources - place
    least = (6, 10, 8)
    if room < sum(least):
        place = max(8, place - (sum(least) - room))
        room = width - 3 * (len(heads) - 1) - 2 - total - sources - place
    names = [max(low, room * share // 9) for low, share in zip(least, (2, 4, 3))]
    names[1] += max(0, room - sum(names))
    return [*names, total, sources, place]
