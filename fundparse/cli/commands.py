"""One function a command: ``extract``, ``check``, ``rules``; each turns parsed arguments into a
Job, runs it over the inputs with the batch runner and writes what the report writers render."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from dataclasses import replace
from typing import Any, TextIO

from fundparse.cli.args import EXIT_FINDINGS, EXIT_OK, UsageError
from fundparse.cli.batch import (
    CHUNK_CHARS,
    HUGE_BYTES,
    Job,
    Run,
    config_for,
    run,
    shown_path,
)
from fundparse.cli.inputs import default_globs, collect_inputs


PROGRESS_MIN_FILES = 10


def _parse_day(args: argparse.Namespace) -> dt.date | None:
    if args.year is not None:
        if not 1900 <= args.year <= 2200:
            raise UsageError(f"--year: expected a year such as 2024, not {args.year}")
        return dt.date(args.year, 1, 1)
    if args.doc_date:
        try:
            return dt.date.fromisoformat(args.doc_date.strip())
        except ValueError:
            raise UsageError(f"--doc-date: expected YYYY-MM-DD, not {args.doc_date!r}") from None
    return None


def _inputs(args: argparse.Namespace, run_state: Run, exclude: str | None = None) -> list[str]:
    paths = list(args.paths)
    if not paths:
        if sys.stdin is None or sys.stdin.isatty():
            raise UsageError("no input: give files or folders, or '-' to read stdin")
        paths = ["-"]
    globs = tuple(args.glob) if args.glob else default_globs()
    inputs = collect_inputs(paths, globs, run_state.error)
    if exclude:
        target = os.path.realpath(exclude)
        inputs = [p for p in inputs if p == "-" or os.path.realpath(p) != target]
    return inputs


def _jobs(value: int) -> int:
    if value < 0:
        raise UsageError(f"--jobs: expected 0 or more, not {value}")
    return value or os.cpu_count() or 1


def _common_job(args: argparse.Namespace, mode: str, **extra: Any) -> Job:
    if args.config and not os.path.isfile(args.config):
        raise UsageError(f"--config: no such file: {args.config}")
    return Job(mode=mode, doc_date=_parse_day(args), config_file=args.config, lang=args.lang,
               stdin_name=args.stdin_filename,
               huge_bytes=_env_int("FUNDPARSE_HUGE_BYTES", HUGE_BYTES),
               chunk_chars=_env_int("FUNDPARSE_CHUNK_CHARS", CHUNK_CHARS), **extra)


def _env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    if not value:
        return default
    try:
        number = int(value)
    except ValueError:
        raise UsageError(f"{name}: expected a whole number, not {value!r}") from None
    if number < 1:
        raise UsageError(f"{name}: expected a positive number, not {value!r}")
    return number


def _open_output(path: str | None, newline: str | None) -> TextIO:
    if path is None:
        return sys.stdout
    try:
        return open(path, "w", encoding="utf-8", newline=newline)
    except OSError as exc:
        raise UsageError(f"--output: cannot write {path}: {exc.strerror or exc}") from None


def cmd_extract(args: argparse.Namespace) -> int:
    from fundparse.fx import RateTable, parse_rate

    fmt = args.format or ("csv" if args.excel else "table")
    if args.excel and fmt != "csv":
        raise UsageError("--excel writes CSV; it cannot be combined with --format " + fmt)
    rates = dict(parse_rate(text) for text in args.rate or ())
    table = RateTable.from_csv(args.rates) if args.rates else None
    job = _common_job(args, "extract", rates=tuple(sorted(rates.items())), rate_table=table)
    jobs = _jobs(args.jobs)
    if fmt == "jsonl" and jobs != 1:
        job = replace(job, render="jsonl")
    state = Run(verbose=args.verbose)
    inputs = _inputs(args, state, exclude=args.output)

    out = _open_output(args.output, "" if fmt == "csv" else None)
    if out is sys.stdout and fmt != "table":
        _utf8_stdout()
    try:
        writer = _extract_writer(fmt, out, args, job)
        progress = _progress(len(inputs), args, to_terminal=out is sys.stdout)
        try:
            for path, pid, events in run(inputs, job, jobs):
                shown = shown_path(path, job)
                begun = False
                for event in events:
                    if state.common(shown, pid, event):
                        if event[0] == "doc":
                            writer.begin(shown)
                            begun = True
                        continue
                    if event[0] in ("mentions", "rendered"):
                        if not begun:
                            writer.begin(shown)
                            begun = True
                        if event[0] == "rendered":
                            out.write(event[1])
                        else:
                            writer.write(shown, event[1])
                if begun:
                    writer.end(shown)
                if progress is not None:
                    progress[0].advance(progress[1])
        except KeyboardInterrupt:
            if fmt == "json":
                writer.close()  # what was written stays one valid JSON list
            raise
        finally:
            if progress is not None:
                progress[0].stop()
        writer.close()
    finally:
        if out is not sys.stdout:
            out.close()
    return state.status


def _source_lookup(shown: str, job: Job):
    """The label -> funding category lookup of the configuration governing a shown path."""
    from fundparse.rules.tables import load_tables

    path = "-" if shown == shown_path("-", job) else shown
    return load_tables(config_for(path, job).data).category


def _extract_writer(fmt: str, out: TextIO, args: argparse.Namespace, job: Job):
    lang = job.lang or "ko"
    if fmt == "table":
        from fundparse.report.table import TableWriter

        tty = out is sys.stdout and _isatty(out)
        color = tty and not args.no_color and not os.environ.get("NO_COLOR")
        width = None if tty else _env_int("COLUMNS", 160) if os.environ.get("COLUMNS") else 160
        return TableWriter(out, color=color, width=width, lang=lang,
                           category_of=lambda shown: _source_lookup(shown, job))
    from fundparse.report import formats

    if fmt == "jsonl":
        return formats.JsonlWriter(out, lang)
    if fmt == "json":
        return formats.JsonWriter(out, lang)
    return formats.CsvWriter(out, excel=args.excel)


def _isatty(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


def _progress(total: int, args: argparse.Namespace, to_terminal: bool):
    """A progress bar on stderr for many files, when stderr is a terminal and the output does
    not share it (a table printing to the same terminal shows its own progress)."""
    if total < PROGRESS_MIN_FILES or args.verbose or not _isatty(sys.stderr):
        return None
    if to_terminal and _isatty(sys.stdout):
        return None
    from fundparse.report.table import make_progress

    progress, task = make_progress(total, sys.stderr)
    progress.start()
    return progress, task


def _utf8_stdout() -> None:
    encoding = (getattr(sys.stdout, "encoding", "") or "").lower().replace("-", "")
    if encoding != "utf8" and hasattr(sys.stdout, "reconfigure"):
        try:
            sys.stdout.reconfigure(encoding="utf-8")
        except (ValueError, OSError):
            pass


def cmd_check(args: argparse.Namespace) -> int:
    from fundparse.checks import CHECKS
    from fundparse.report.formats import FindingsWriter, statistics_line
    from fundparse.suppress import check_selectors, split_selectors

    select = check_selectors(split_selectors(args.select), "--select")
    ignore = check_selectors(split_selectors(args.ignore), "--ignore")
    job = _common_job(args, "check", select=select, ignore=ignore)
    jobs = _jobs(args.jobs)
    state = Run(verbose=args.verbose)
    inputs = _inputs(args, state)
    if args.format != "text":
        _utf8_stdout()
    writer = FindingsWriter(sys.stdout, args.format, job.lang or "ko")
    counts: dict[str, int] = {}
    errors = False
    checked = 0
    langs: list[str] = []
    for path, pid, events in run(inputs, job, jobs):
        shown = shown_path(path, job)
        for event in events:
            if state.common(shown, pid, event):
                continue
            if event[0] == "findings":
                checked += 1
                findings, lang = event[1], event[2]
                langs.append(lang)
                writer.add(shown, findings, lang)
                for finding in findings:
                    counts[finding.code] = counts.get(finding.code, 0) + 1
                    errors = errors or finding.severity == "error"
        sys.stdout.flush()
    writer.close()
    if args.statistics:
        lang = job.lang or (langs[0] if langs and len(set(langs)) == 1 else "ko")
        line = statistics_line(checked, counts, {c: k.severity for c, k in CHECKS.items()}, lang)
        print(line, file=sys.stdout if args.format == "text" else sys.stderr, flush=True)
    return max(state.status, EXIT_FINDINGS if errors else EXIT_OK)


FAMILIES = {
    "FP1": ("재원", "funding splits"),
    "FP2": ("사업 기간", "project periods"),
    "FP3": ("문서 일관성", "document consistency"),
    "FP4": ("숫자 표기", "number formatting"),
}


def cmd_rules(args: argparse.Namespace) -> int:
    from fundparse.checks import CHECKS

    codes = sorted(CHECKS)
    if args.code:
        wanted = args.code.strip().upper()
        codes = [c for c in codes if c.startswith(wanted)]
        if not codes:
            raise UsageError(f"rules: unknown rule code or prefix {args.code!r} "
                             f"(rules: {', '.join(sorted(CHECKS))})")
    if args.format == "json":
        import json

        _utf8_stdout()
        records = [{"code": c, "severity": CHECKS[c].severity, "summary": CHECKS[c].summary,
                    "summary_ko": CHECKS[c].summary_ko, "bad": CHECKS[c].bad,
                    "good": CHECKS[c].good} for c in codes]
        print(json.dumps(records, ensure_ascii=False, indent=2))
        return EXIT_OK
    if args.code and len(codes) == 1 and codes[0] == args.code.strip().upper():
        print(_explain(CHECKS[codes[0]]))
        return EXIT_OK
    family = None
    for code in codes:
        check = CHECKS[code]
        if code[:3] != family:
            family = code[:3]
            ko, en = FAMILIES.get(family, ("", ""))
            print(f"{family}xx  {ko} ({en})" if ko else f"{family}xx")
        print(f"  {code}  {check.severity:<7}  {check.summary_ko}")
        print(f"  {'':5}  {'':7}  {check.summary}")
    return EXIT_OK


def _explain(check) -> str:
    lines = [
        f"{check.code} ({check.severity})",
        f"  {check.summary_ko}",
        f"  {check.summary}",
        "",
        f"  bad:   {check.bad}",
    ]
    reported = _reported(check)
    if reported:
        lines.append(f"         → {reported[0]}")
        lines.append(f"           {reported[1]}")
    lines += [
        f"  good:  {check.good}",
        "",
        "  When the figures are right after all, leave a note in the release:",
        f"    <!-- fundparse: ignore {check.code} -->   (this line and the next non-empty line)",
        f"  or switch the rule off: ignore = [\"{check.code}\"] under [tool.fundparse].",
    ]
    return "\n".join(lines)


def _reported(check) -> tuple[str, str] | None:
    """The messages check gives for the rule's own bad example."""
    try:
        import fundparse

        for finding in fundparse.check(check.bad):
            if finding.code == check.code:
                return finding.message, finding.message_en
    except Exception:
        return None
    return None
