"""One function a command: ``extract``, ``check``, ``rules``; each turns parsed arguments into a
Job, runs it over the inputs with the batch runner and writes what the report writers render."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from dataclasses import replace
from typing import Any, TextIO

from fundparse.cli.args import (
    EXIT_ERROR,
    EXIT_FINDINGS,
    EXIT_INTERNAL,
    EXIT_OK,
    ISSUES_URL,
    UsageError,
    lang,
    say,
    t,
    use_color,
)
from fundparse.cli.batch import CHUNK_CHARS, HUGE_BYTES, Job, config_for, run, shown_path
from fundparse.cli.batch import Run as _Run
from fundparse.cli.inputs import default_globs, collect_inputs
from fundparse.report.names import shown_name


PROGRESS_MIN_FILES = 10


class Run(_Run):
    """The batch runner's bookkeeping, its lines on stderr in the command's language
    (``quiet``: no notes)."""

    quiet = False

    def error(self, path: str, reason: str) -> None:
        say(t("cli.file_error", path=path, reason=reason))
        self.status = max(self.status, EXIT_ERROR)

    def config_error(self, problem: str) -> None:
        if problem not in self._said:
            self._said.add(problem)
            say(t("cli.config_error", problem=problem))
        self.status = max(self.status, EXIT_ERROR)

    def internal(self, path: str, reason: str) -> None:
        say(t("cli.internal_file", path=path, reason=reason, url=ISSUES_URL))
        self.status = max(self.status, EXIT_INTERNAL)

    def common(self, path: str, pid: int, event) -> bool:
        kind = event[0]
        if kind == "doc" and self.verbose:
            how = event[1] + (f", {event[2]}" if event[2] else "")
            say(t("cli.worker_read", pid=pid, path=path, how=how))
            return True
        if kind == "note":
            if not self.quiet:
                say(t("cli.note", path=path, note=event[1]))
            return True
        if kind == "info" and self.verbose:
            say(t("cli.note", path=path, note=event[1]))
            return True
        return super().common(path, pid, event)


def _parse_day(args: argparse.Namespace) -> dt.date | None:
    if args.year is not None:
        if not 1900 <= args.year <= 2200:
            raise UsageError(t("cli.bad_year", value=args.year))
        return dt.date(args.year, 1, 1)
    if args.doc_date:
        try:
            return dt.date.fromisoformat(args.doc_date.strip())
        except ValueError:
            raise UsageError(t("cli.bad_doc_date", value=args.doc_date)) from None
    return None


def _inputs(args: argparse.Namespace, run_state: Run, exclude: str | None = None,
            job: Job | None = None, here: bool = False) -> list[str]:
    """The files to read.  Without a path: a piped stdin, else ``.`` (``here``, for check) or
    a usage error.  Folders walked pass over what each configuration's ``exclude`` names;
    files named on the command line too with ``--force-exclude`` (or ``force-exclude``)."""
    paths = list(args.paths)
    implicit = False
    if not paths:
        if sys.stdin is None or sys.stdin.isatty():
            if not here:
                raise UsageError(t("cli.no_input"))
            paths, implicit = ["."], True
        else:
            paths = ["-"]
    globs = tuple(args.glob) if args.glob else default_globs()
    skip = _excluder(job) if job is not None else None
    inputs = collect_inputs(paths, globs, run_state.error, skip)
    if implicit:  # the folder nobody named: its files as ruff shows them, a.txt not ./a.txt
        prefix = "." + os.sep
        inputs = [p[len(prefix):] if p.startswith(prefix) else p for p in inputs]
    if exclude:
        target = os.path.realpath(exclude)
        inputs = [p for p in inputs if p == "-" or os.path.realpath(p) != target]
    if skip is not None:
        named = set(paths)
        force = getattr(args, "force_exclude", False)
        inputs = [p for p in inputs if p not in named or not _forced_out(p, job, force)]
    return inputs


def _excluder(job: Job):
    """``skip(path, folder walked)`` for the file walker: the governing configuration's
    exclude (suppress.excluded); a configuration that cannot be read excludes nothing here
    (reading the file reports it)."""
    from fundparse.config import ConfigError
    from fundparse.suppress import excluded

    def skip(path: str, top: str) -> bool:
        try:
            return excluded(path, config_for(path, job), below=top)
        except (ConfigError, OSError, RuntimeError):
            return False

    return skip


def _forced_out(path: str, job: Job, force: bool) -> bool:
    """A file named on the command line is left out only under --force-exclude (or the
    configuration's force-exclude) when its configuration's exclude names it."""
    from fundparse.config import ConfigError
    from fundparse.suppress import excluded

    if path == "-":
        return False
    try:
        config = config_for(path, job)
        return (force or config.force_exclude) and excluded(path, config)
    except (ConfigError, OSError, RuntimeError):
        return False


def _jobs(value: int) -> int:
    if value < 0:
        raise UsageError(t("cli.bad_jobs", value=value))
    return value or os.cpu_count() or 1


def _common_job(args: argparse.Namespace, mode: str, **extra: Any) -> Job:
    if args.config and not os.path.isfile(args.config):
        raise UsageError(t("cli.no_config", path=args.config))
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
        raise UsageError(t("cli.bad_env_int", name=name, value=value)) from None
    if number < 1:
        raise UsageError(t("cli.bad_env_positive", name=name, value=value))
    return number


def _open_output(path: str | None, newline: str | None) -> TextIO:
    if path is None:
        return sys.stdout
    try:
        return open(path, "w", encoding="utf-8", newline=newline)
    except OSError as exc:
        raise UsageError(t("cli.cannot_write_file", path=path, reason=exc.strerror or exc)) from None


def _selection(args: argparse.Namespace):
    """The extract's --sort / --min-krw / --category / --label / --has-splits, or None."""
    from fundparse.cli.args import parse_krw
    from fundparse.report.select import Selection, SelectionError

    categories = tuple(c.strip().lower() for text in args.category or ()
                       for c in text.split(",") if c.strip())
    labels = tuple(x.strip() for x in args.label or () if x.strip())
    try:
        selection = Selection(sort=args.sort,
                              min_krw=parse_krw(args.min_krw) if args.min_krw else None,
                              categories=categories, labels=labels, has_splits=args.has_splits)
    except SelectionError as exc:
        raise UsageError(_selection_problem(args, exc)) from None
    if selection == Selection() or selection == Selection(sort="position"):
        return None
    return selection


def _selection_problem(args: argparse.Namespace, exc: Exception) -> str:
    from fundparse.model import CATEGORIES

    text = str(exc)
    if text.startswith("--min-krw"):
        return t("extract.bad_min_krw", value=args.min_krw)
    if text.startswith("--category"):
        return t("extract.bad_category", categories=", ".join(CATEGORIES))
    return text


def cmd_extract(args: argparse.Namespace) -> int:
    from fundparse.fx import RateTable, parse_rate

    fmt = args.format or ("csv" if args.excel else "table")
    if args.excel and fmt != "csv":
        raise UsageError(t("extract.excel_csv", format=fmt))
    selection = _selection(args)
    rates = dict(parse_rate(text) for text in args.rate or ())
    table = RateTable.from_csv(args.rates) if args.rates else None
    select, ignore = rule_selection(args)
    job = _common_job(args, "extract", rates=tuple(sorted(rates.items())), rate_table=table,
                      select=select, ignore=ignore)
    jobs = _jobs(args.jobs)
    if fmt == "jsonl" and jobs != 1 and selection is None:
        job = replace(job, render="jsonl")
    state = Run(verbose=args.verbose)
    inputs = _inputs(args, state, exclude=args.output, job=job)

    binary = fmt == "xlsx"
    if binary and args.output is None and _isatty(sys.stdout):
        raise UsageError(t("extract.xlsx_terminal"))
    out = None if binary else _open_output(args.output, "" if fmt == "csv" else None)
    if out is sys.stdout and fmt != "table":
        _utf8_stdout()
    try:
        writer = _extract_writer(fmt, out, args, job)
        progress = _progress(len(inputs), args, to_terminal=out is sys.stdout)
        streams = selection is None or selection.streams()
        held: list[tuple[str, list]] = []  # a sort across files needs the whole run
        try:
            for path, pid, events in run(inputs, job, jobs):
                shown = shown_path(path, job)
                kept = _keeper(selection, shown, job)
                begun = False
                mentions: list = []
                for event in events:
                    if state.common(shown, pid, event):
                        if event[0] == "doc":
                            begun = True
                            if streams:
                                writer.begin(shown)
                        continue
                    if event[0] in ("mentions", "rendered"):
                        if not begun:
                            begun = True
                            if streams:
                                writer.begin(shown)
                        if event[0] == "rendered":
                            out.write(event[1])
                        elif streams:
                            writer.write(shown, [m for m in event[1] if kept(m)])
                        else:
                            mentions.extend(m for m in event[1] if kept(m))
                if begun:
                    if streams:
                        writer.end(shown)
                    else:
                        held.append((shown, mentions))
                if progress is not None:
                    progress[0].advance(progress[1])
        except KeyboardInterrupt:
            if fmt == "json":
                writer.close()  # what was written stays one valid JSON list
            raise
        finally:
            if progress is not None:
                progress[0].stop()
        if held:
            _write_sorted(writer, held, selection, merge=fmt == "table")
        writer.close()
    finally:
        if out is not None and out is not sys.stdout:
            out.close()
    return state.status


def _keeper(selection, shown: str, job: Job):
    """The filter of one document: the selection with its configuration's source words."""
    if selection is None:
        return lambda mention: True
    return replace(selection, category_of=_source_lookup(shown, job)).keeps


def _write_sorted(writer, held: list[tuple[str, list]], selection, merge: bool) -> None:
    """Documents held for a sort across files, written in the selection's order: each run of
    one file's amounts as a document (``merge``: one per file, in the order their first amount
    comes; files left with no amount after them)."""
    from fundparse.report.select import Selection

    order = Selection(sort=selection.sort)
    pairs = order.apply((path, m) for path, mentions in held for m in mentions)
    groups: list[tuple[str, list]] = []
    if merge:
        by_path: dict[str, list] = {}
        for path, m in pairs:
            by_path.setdefault(path, []).append(m)
        groups = list(by_path.items())
        groups += [(path, []) for path, _ in held if path not in by_path]
    else:
        for path, m in pairs:
            if groups and groups[-1][0] == path:
                groups[-1][1].append(m)
            else:
                groups.append((path, [m]))
    for path, mentions in groups:
        writer.begin(path)
        writer.write(path, mentions)
        writer.end(path)


def _source_lookup(shown: str, job: Job):
    """The label -> funding category lookup of the configuration governing a shown path."""
    from fundparse.rules.tables import load_tables

    path = "-" if shown == shown_path("-", job) else shown
    return load_tables(config_for(path, job).data).category


def _extract_writer(fmt: str, out: TextIO | None, args: argparse.Namespace, job: Job):
    words = job.lang or lang()
    if fmt == "table":
        from fundparse.report.table import TableWriter

        tty = out is sys.stdout and _isatty(out)
        color = out is sys.stdout and use_color(args.color, out)
        width = None if tty else _env_int("COLUMNS", 160) if os.environ.get("COLUMNS") else 160
        return TableWriter(out, color=color, width=width, lang=words,
                           category_of=lambda shown: _source_lookup(shown, job))
    if fmt == "xlsx":
        from fundparse.report.xlsx import XlsxWriter

        return XlsxWriter(_binary_target(args.output), lang=words)
    from fundparse.report import formats

    if fmt == "jsonl":
        return formats.JsonlWriter(out, words)
    if fmt == "json":
        return formats.JsonWriter(out, words)
    return formats.CsvWriter(out, excel=args.excel)


def _binary_target(path: str | None):
    if path is None:
        return sys.stdout.buffer
    try:
        with open(path, "wb"):
            pass
    except OSError as exc:
        raise UsageError(t("cli.cannot_write_file", path=path, reason=exc.strerror or exc)) from None
    return path


def _isatty(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


def _progress(total: int, args: argparse.Namespace, to_terminal: bool):
    """A progress bar on stderr for many files, when stderr is a terminal and the output does
    not share it (a table printing to the same terminal shows its own progress)."""
    if to_terminal and _isatty(sys.stdout):
        return None
    return progress_bar(total, args.verbose)


def progress_bar(total: int, verbose: bool = False, lines_to_terminal: bool = False):
    """A started (progress, task) on stderr for ``total`` files, or None: only on a terminal,
    for PROGRESS_MIN_FILES or more, never with --verbose (its lines would tear the bar).
    ``lines_to_terminal``: the command prints lines to stdout meanwhile; when stdout is the
    same terminal they are printed above the bar."""
    if total < PROGRESS_MIN_FILES or verbose or not _isatty(sys.stderr):
        return None
    from fundparse.report.table import make_progress

    progress, task = make_progress(total, sys.stderr, lang(),
                                   redirect_stdout=lines_to_terminal and _isatty(sys.stdout))
    progress.start()
    return progress, task


class CurrentStdout:
    """Whatever sys.stdout is when written to: above the progress bar while it shows."""

    def write(self, text: str) -> int:
        return sys.stdout.write(text)

    def flush(self) -> None:
        sys.stdout.flush()


def _utf8_stdout() -> None:
    encoding = (getattr(sys.stdout, "encoding", "") or "").lower().replace("-", "")
    if encoding != "utf8" and hasattr(sys.stdout, "reconfigure"):
        try:
            sys.stdout.reconfigure(encoding="utf-8")
        except (ValueError, OSError):
            pass


def rule_selection(args: argparse.Namespace) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """--select / --ignore, checked (a code that names no rule is a usage error)."""
    from fundparse.suppress import check_selectors, split_selectors

    return (check_selectors(split_selectors(args.select), "--select"),
            check_selectors(split_selectors(args.ignore), "--ignore"))


def cmd_check(args: argparse.Namespace) -> int:
    from fundparse.checks import CHECKS
    from fundparse.report.formats import FindingsWriter, statistics_line

    select, ignore = rule_selection(args)
    job = _common_job(args, "check", select=select, ignore=ignore)
    if args.show_settings:
        return show_settings(args, job)
    jobs = _jobs(args.jobs)
    state = Run(verbose=args.verbose and not args.quiet)
    state.quiet = args.quiet
    inputs = _inputs(args, state, exclude=args.output, job=job, here=True)
    cross = len(inputs) > 1 and not args.no_cross_file  # the same project across releases
    if cross:  # the per-file pass hands over each file's mentions too: one analysis a file
        job = replace(job, cross=True)
    read: dict[int, tuple] = {}
    out = _open_output(args.output, None)
    try:
        if out is sys.stdout and args.format != "text":
            _utf8_stdout()
        progress = None if args.quiet else progress_bar(
            len(inputs), args.verbose, lines_to_terminal=out is sys.stdout)
        writer = FindingsWriter(CurrentStdout() if out is sys.stdout else out, args.format,
                                job.lang or lang())
        counts: dict[str, int] = {}
        errors = False
        checked = 0
        langs: list[str] = []
        for index, (path, pid, events) in enumerate(run(inputs, job, jobs)):
            shown = shown_path(path, job)
            for event in events:
                if event[0] == "across":
                    read[index] = event[1:]
                    continue
                if state.common(shown, pid, event):
                    continue
                if event[0] == "findings":
                    checked += 1
                    findings, file_lang = event[1], event[2]
                    langs.append(file_lang)
                    writer.add(shown, findings, file_lang, event[3] if len(event) > 3 else ())
                    for finding in findings:
                        counts[finding.code] = counts.get(finding.code, 0) + 1
                        errors = errors or finding.severity == "error"
            out.flush()
            if progress is not None:
                progress[0].advance(progress[1])
        if progress is not None:
            progress[0].stop()
        if cross:
            from fundparse.cli.across import cross_file_findings

            for shown, findings in cross_file_findings(inputs, job, read):
                writer.add(shown, findings, job.lang)
                for finding in findings:
                    counts[finding.code] = counts.get(finding.code, 0) + 1
        writer.close()
        if args.statistics:
            words = job.lang or (langs[0] if langs and len(set(langs)) == 1 else lang())
            line = statistics_line(checked, counts, {c: k.severity for c, k in CHECKS.items()},
                                   words)
            print(line, file=out if args.format == "text" else sys.stderr, flush=True)
    finally:
        if out is not sys.stdout:
            out.close()
    failed = errors and not args.exit_zero
    return max(state.status, EXIT_FINDINGS if failed else EXIT_OK)


def show_settings(args: argparse.Namespace, job: Job) -> int:
    """``check --show-settings [PATH…]``: for each path (default ``.``) the configuration file
    that governs it and what it resolves to; exit 0."""
    from fundparse.suppress import excluded, path_matches, rules_in_force, validate_config

    none = t("settings.none")

    def listed(values) -> str:
        return ", ".join(values) if values else none

    for number, path in enumerate(args.paths or ["."]):
        config = config_for(path, job)
        validate_config(config)
        base = config.path.parent if config.path else None
        if number:
            print()
        print(t("settings.for", path=shown_name(path)))
        print(t("settings.file", file=str(config.path) if config.path else t("settings.defaults")))
        print(t("settings.select", value=listed(config.select)))
        print(t("settings.ignore", value=listed(config.ignore)))
        if job.select or job.ignore:
            print(t("settings.cli", select=listed(job.select), ignore=listed(job.ignore)))
        pfi = "; ".join(f'"{glob}" = {", ".join(codes)}'
                        + (t("settings.matches") if path_matches(glob, path, base) else "")
                        for glob, codes in config.per_file_ignores)
        print(t("settings.per_file", value=pfi or none))
        print(t("settings.exclude", value=listed(config.exclude)))
        print(t("settings.force_exclude", value=t("settings.yes" if config.force_exclude
                                                   or args.force_exclude else "settings.no")))
        if path != "." and excluded(path, config):
            print(t("settings.excluded"))
        print(t("settings.lang", value=job.lang or config.lang))
        print(t("settings.rules", value=listed(rules_in_force(config, path, job.select,
                                                               job.ignore))))
    return EXIT_OK


FAMILIES = {
    "FP1": ("재원", "funding splits"),
    "FP2": ("사업 기간", "project periods"),
    "FP3": ("문서 일관성", "document consistency"),
    "FP4": ("숫자 표기", "number formatting"),
    "FP9": ("무시 주석", "suppression comments"),
}




def cmd_rules(args: argparse.Namespace) -> int:
    from fundparse.checks import CHECKS

    codes = sorted(CHECKS)
    if args.code:
        wanted = args.code.strip().upper()
        codes = [c for c in codes if c.startswith(wanted)]
        if not codes:
            raise UsageError(t("rules.unknown", code=args.code, codes=", ".join(sorted(CHECKS))))
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
    ko = lang() == "ko"
    for code in codes:
        check = CHECKS[code]
        if code[:3] != family:
            family = code[:3]
            names = FAMILIES.get(family)
            print(f"{family}xx  {names[0 if ko else 1]}" if names else f"{family}xx")
        severity = t(f"rules.{check.severity}")
        print(f"  {code}  {severity:<{4 if ko else 7}}  {check.summary_ko if ko else check.summary}")
    if not args.code or "FP9".startswith(args.code.strip().upper()[:3]):
        print()
        print(t("rules.suppressions"))
    return EXIT_OK


def _explain(check) -> str:
    ko = lang() == "ko"
    lines = [
        f"{check.code} ({t('rules.' + check.severity)})",
        f"  {check.summary_ko if ko else check.summary}",
        "",
        f"  {t('rules.bad')}:   {check.bad}",
    ]
    reported = _reported(check)
    if reported:
        lines.append(f"         → {reported[0] if ko else reported[1]}")
    lines.append(f"  {t('rules.good')}:  {check.good}")
    if check.code.startswith("FP9"):
        lines += ["", "  " + t("rules.fix_comment"), "", t("rules.suppressions")]
        return "\n".join(lines)
    lines += [
        "",
        "  " + t("rules.when_right"),
        f"    <!-- fundparse: ignore {check.code} -->   {t('rules.next_line')}",
        "  " + t("rules.switch_off", code=check.code),
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
