"""The ``fundparse`` command: argument parsing, input walking, exit codes.

    fundparse extract PATH…   amounts, funding splits and periods (table, JSON, JSONL, CSV)
    fundparse check PATH…     consistency findings as path:line:column: CODE message
    fundparse rules [CODE]    the rule codes, one line each, or one explained
    fundparse eval …          accuracy against gold files      (fundparse.eval, loaded on use)
    fundparse report …        an HTML report page              (fundparse.report.html)

Output formatting lives in fundparse/report/.  ``check`` with text output imports neither rich
nor pint: pre-commit starts it on every commit.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any, TextIO

from fundparse import __version__

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2
EXIT_INTERNAL = 3

ISSUES_URL = "https://github.com/fundparse/fundparse/issues"
HUGE_BYTES = 8 * 1024 * 1024        # plain text above this is read chunk by chunk
CHUNK_CHARS = 1 << 16               # 64K characters: the engine is fastest per character here
PROGRESS_MIN_FILES = 10

# Subcommands written elsewhere: imported only when they run, handed the remaining arguments.
DELEGATED = {
    "eval": ("fundparse.eval", "score extraction against gold JSONL files (precision/recall/F1)"),
    "report": ("fundparse.report.html", "write an HTML report page of the extracted amounts"),
    "serve": ("fundparse.serve", "an HTTP service: /v1/extract, /v1/check, Duckling's /parse"),
}

EXIT_CODES_HELP = """\
exit codes:
  0  success (extract: whatever it found; check: clean, or warnings only)
  1  check: at least one error-severity finding
  2  usage, configuration or input error (unreadable or unsupported file; other files are
     still processed) — 2 wins over 1
  3  internal error: a bug in fundparse; the message says so — please report it at
     """ + ISSUES_URL


class UsageError(Exception):
    """A bad option value; printed as one line, exit 2."""


# --- argument parsing --------------------------------------------------------------------------

class _Formatter(argparse.RawDescriptionHelpFormatter):
    def __init__(self, prog: str) -> None:
        super().__init__(prog, max_help_position=30, width=min(100, _terminal_width()))


def _terminal_width() -> int:
    try:
        return os.get_terminal_size(sys.stdout.fileno()).columns
    except (OSError, ValueError, AttributeError):
        return 100


def _add_input_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="*", metavar="PATH",
                   help="files or folders (searched recursively; hidden entries skipped, "
                        "symlinked folders not followed); '-' reads stdin. Without PATH, "
                        "stdin is read when it is not a terminal")
    p.add_argument("--glob", action="append", metavar="GLOB",
                   help="file names to take from folders (repeatable; replaces the default "
                        "*.txt *.md *.htm *.html *.hwpx *.hwp *.pdf; a GLOB with '/' matches "
                        "the path below the folder). Files named directly are always read")
    p.add_argument("--stdin-filename", metavar="NAME",
                   help="name to report and choose the format/config by for '-'")
    dates = p.add_mutually_exclusive_group()
    dates.add_argument("--doc-date", metavar="YYYY-MM-DD",
                       help="the documents' date, for relative years (올해, 내년); default: "
                            "the date each document states in its header")
    dates.add_argument("--year", type=int, metavar="YYYY",
                       help="like --doc-date YYYY-01-01")
    p.add_argument("--config", metavar="FILE",
                   help="use this .fundparse.toml / pyproject.toml instead of the nearest "
                        "one above each input")
    p.add_argument("--lang", choices=("ko", "en"),
                   help="language of finding messages (default: config 'lang', else ko)")
    p.add_argument("-j", "--jobs", type=int, default=1, metavar="N",
                   help="read files in N worker processes (0 = one per CPU); output is the "
                        "same as with --jobs 1")
    p.add_argument("-v", "--verbose", action="store_true",
                   help="say on stderr which worker read which file, its format and encoding")


EXTRACT_EPILOG = """\
examples:
  fundparse extract release.txt                  table of amounts, splits and periods
  fundparse extract press/ --format jsonl > out.jsonl
  fundparse extract press/ --format csv --excel -o amounts.csv
  fundparse extract --glob '*.txt' --jobs 4 archive/
  echo '총사업비 281억 원(국비 121, 지방비 160)' | fundparse extract - --format json
  fundparse extract news/ --rate USD=1380.5 --rate EUR=1500
  fundparse extract archive/ --rates rates.csv    (date,currency,rate; the rate in force on
                                                  each document's date fills krw)

formats:
  table  one table per file and totals by funding source (colour on a terminal)
  jsonl  one mention per line: the output contract plus "file"
  json   a list of the same objects
  csv    one row per mention: scalar fields, period_*, splits as label:category:krw,
         one <category>_krw column per funding source

""" + EXIT_CODES_HELP

CHECK_EPILOG = """\
examples:
  fundparse check release.txt                    release.txt:3:18: FP101 재원 합계 …
  fundparse check drafts/ --statistics
  fundparse check --select FP1,FP2 --ignore FP301 release.md
  fundparse check --format github releases/       (annotations in GitHub Actions)
  fundparse check --lang en release.txt

suppressing a finding whose figures are right:
  <!-- fundparse: ignore FP101 -->     this line and the next non-empty line
  # fundparse: ignore FP101             (a line of its own; same effect)
  <!-- fundparse: ignore-file FP301 --> the whole file; no codes = every code
configuration: [tool.fundparse] in pyproject.toml or .fundparse.toml, nearest above each file:
  select = ["FP1", "FP2"]   ignore = ["FP301"]   per-file-ignores = {"drafts/*.md" = ["FP4"]}

""" + EXIT_CODES_HELP


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="fundparse", formatter_class=_Formatter,
        description="Find every monetary expression in Korean text — amounts in exact KRW, "
                    "funding splits (국비/도비/시비), project periods — and check that the "
                    "figures agree.",
        epilog="examples:\n"
               "  fundparse extract release.txt\n"
               "  fundparse extract press/ --format jsonl > amounts.jsonl\n"
               "  fundparse check drafts/*.md\n"
               "  fundparse rules FP101\n\n"
               "`fundparse COMMAND --help` describes each command.\n\n" + EXIT_CODES_HELP,
    )
    parser.add_argument("-V", "--version", action="version", version=f"fundparse {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", title="commands")

    ex = sub.add_parser("extract", help="amounts, splits and periods from files",
                        description="Extract every monetary mention with its funding splits, "
                                    "period and findings.",
                        epilog=EXTRACT_EPILOG, formatter_class=_Formatter)
    _add_input_options(ex)
    ex.add_argument("-f", "--format", choices=("table", "json", "jsonl", "csv"),
                    help="output format (default: table; csv with --excel)")
    ex.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    ex.add_argument("--excel", action="store_true",
                    help="CSV with a UTF-8 byte-order mark, so spreadsheets read Hangul")
    ex.add_argument("--no-color", action="store_true", help="no colour (colour only on a TTY)")
    ex.add_argument("--rate", action="append", metavar="CUR=RATE",
                    help="KRW per unit of a foreign currency, e.g. USD=1380.5 (repeatable)")
    ex.add_argument("--rates", metavar="CSV",
                    help="dated rates (date,currency,rate): each document uses the rates in "
                         "force on its date; --rate overrides")

    ck = sub.add_parser("check", help="consistency findings (the pre-commit hook)",
                        description="Report figures that contradict each other: parts that do "
                                    "not add up, shares, periods, totals given twice, malformed "
                                    "numbers.",
                        epilog=CHECK_EPILOG, formatter_class=_Formatter)
    _add_input_options(ck)
    ck.add_argument("-f", "--format", choices=("text", "json", "github"), default="text",
                    help="text: path:line:column: CODE message (default); json; github: "
                         "GitHub Actions annotations")
    ck.add_argument("--select", action="append", metavar="CODES",
                    help="only these codes or prefixes (comma-separated, repeatable; "
                         "replaces the config's select)")
    ck.add_argument("--ignore", action="append", metavar="CODES",
                    help="leave out these codes or prefixes (added to the config's ignore)")
    ck.add_argument("--statistics", action="store_true",
                    help="end with a one-line summary (files, errors, warnings, per code)")

    rl = sub.add_parser("rules", help="list the rule codes, or explain one",
                        description="The rule codes fundparse check reports: FP1xx funding "
                                    "splits, FP2xx periods, FP3xx document consistency, FP4xx "
                                    "number formatting.",
                        epilog="examples:\n  fundparse rules\n  fundparse rules FP101\n"
                               "  fundparse rules FP1", formatter_class=_Formatter)
    rl.add_argument("code", nargs="?", metavar="CODE", help="a code (FP101) or prefix (FP1)")
    rl.add_argument("-f", "--format", choices=("text", "json"), default="text")

    for name, (module, text) in DELEGATED.items():
        sub.add_parser(name, help=text, add_help=False,
                       description=f"{text} (see `fundparse {name} --help`)")
    return parser


# --- inputs ------------------------------------------------------------------------------------

def _default_globs() -> tuple[str, ...]:
    from fundparse.readers import DEFAULT_GLOBS

    return DEFAULT_GLOBS


def _glob_matches(globs: Sequence[str], name: str, relative: str) -> bool:
    from fnmatch import fnmatchcase

    for glob in globs:
        target = relative if "/" in glob else name
        if fnmatchcase(target.lower(), glob.lower()):
            return True
    return False


def collect_inputs(paths: Sequence[str], globs: Sequence[str],
                   on_error: Callable[[str, str], None]) -> list[str]:
    """Files to read, in order: files as given, folders walked (sorted, hidden entries
    skipped, symlinked folders not followed, names filtered by ``globs``), '-' for stdin."""
    out: list[str] = []
    seen: set[str] = set()

    def add(path: str) -> None:
        if path not in seen:
            seen.add(path)
            out.append(path)

    for path in paths:
        if path != "-" and os.path.isdir(path):
            for found in _walk(path, globs, on_error):
                add(found)
        else:
            add(path)
    return out


def _walk(top: str, globs: Sequence[str], on_error: Callable[[str, str], None]) -> Iterator[str]:
    def failed(exc: OSError) -> None:
        on_error(exc.filename or top, f"cannot list folder: {exc.strerror or exc}")

    for root, dirs, files in os.walk(top, onerror=failed, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            full = os.path.join(root, name)
            relative = os.path.relpath(full, top).replace(os.sep, "/")
            if _glob_matches(globs, name, relative):
                yield full


# --- one document ------------------------------------------------------------------------------

@dataclass(frozen=True)
class Job:
    """Everything a worker needs to process one path (picklable)."""

    mode: str  # "extract" | "check"
    doc_date: dt.date | None = None
    rates: tuple[tuple[str, Decimal], ...] = ()
    rate_table: Any = None  # fx.RateTable
    config_file: str | None = None
    lang: str | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    stdin_name: str | None = None
    huge_bytes: int = HUGE_BYTES
    chunk_chars: int = CHUNK_CHARS
    render: str | None = None  # "jsonl": workers send finished JSON lines, not Mention objects

    def rates_on(self, day: dt.date | None) -> dict[str, Decimal] | None:
        rates: dict[str, Decimal] = {}
        if self.rate_table is not None:
            rates.update(self.rate_table.rates_on(day))
        rates.update(self.rates)
        return rates or None


# Events a document produces, in order:
#   ("doc", format, encoding)  ("note", text)  ("info", text)  ("mentions", [Mention])
#   ("findings", [Finding], lang)  ("error", reason)  ("config", message)  ("internal", reason)
#   ("rendered", text): a worker's mentions already written as JSON lines (--jobs, jsonl)
Event = tuple


_CONFIGS: dict[str, Any] = {}


def _config_for(path: str, job: Job):
    from fundparse.config import find_config, load_config

    if job.config_file:
        config = _CONFIGS.get(job.config_file)
        if config is None:
            config = _CONFIGS[job.config_file] = load_config(job.config_file)
        return config
    if path == "-":
        return find_config(os.path.abspath(job.stdin_name) if job.stdin_name else os.getcwd())
    return find_config(path)


def _bare(config):
    """The config without select/ignore: the CLI applies its own layered selection."""
    if not (config.select or config.ignore or config.per_file_ignores):
        return config
    return replace(config, select=(), ignore=(), per_file_ignores=())


def _is_huge(path: str, job: Job) -> bool:
    if path == "-":
        return False
    try:
        st = os.stat(path)
    except OSError:
        return False
    import stat

    if not stat.S_ISREG(st.st_mode) or st.st_size <= job.huge_bytes:
        return False
    from fundparse.readers import sniff_format

    try:
        with open(path, "rb") as handle:
            head = handle.read(4096)
    except OSError:
        return False
    return sniff_format(head, path) == "text"


def _read(path: str, job: Job):
    from fundparse.readers import ReadError, read_bytes, read_path

    if path != "-":
        return read_path(path)
    try:
        data = sys.stdin.buffer.read()
    except OSError as exc:
        raise ReadError(f"cannot read stdin: {exc.strerror or exc}") from None
    return read_bytes(data, job.stdin_name or "-")


def process(path: str, job: Job) -> Iterator[Event]:
    """Read and analyse one path; every outcome, failures included, is an event."""
    from fundparse.config import ConfigError
    from fundparse.readers import ReadError

    try:
        config = _config_for(path, job)
        if job.mode == "check":
            from fundparse.suppress import validate_config

            validate_config(config)
        if _is_huge(path, job):
            yield from _process_chunks(path, job, config)
        elif job.mode == "extract":
            yield from _extract_document(path, job, config)
        else:
            yield from _check_document(path, job, config)
    except ReadError as exc:
        yield ("error", str(exc) or "cannot read")
    except ConfigError as exc:
        yield ("config", str(exc))
    except RecursionError:
        yield ("internal", "RecursionError: input nested too deeply")
    except Exception as exc:  # a bug: report it, keep going with the other files
        if os.environ.get("FUNDPARSE_DEBUG"):
            import traceback

            traceback.print_exc()
        yield ("internal", _one_line(exc))


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return f"{type(exc).__name__}: {text}"[:300] if text else type(exc).__name__


def _extract_document(path: str, job: Job, config) -> Iterator[Event]:
    import fundparse
    from fundparse.readers import page_of
    from fundparse.structure.docdate import sniff_doc_date

    doc = _read(path, job)
    yield ("doc", doc.format, doc.encoding)
    for note in doc.notes:
        yield ("note", note)
    rates = None
    if job.rates or job.rate_table is not None:
        day = job.doc_date
        if job.rate_table is not None and day is None:
            day = sniff_doc_date(doc.text)
            yield ("info", f"rates for {day.isoformat()}" if day else
                   "no document date found: the latest rates are used")
        rates = job.rates_on(day)
    mentions = fundparse.extract(doc.text, doc_date=job.doc_date, rates=rates, config=config)
    if doc.pages:
        mentions = [replace(m, page=page_of(doc, m.start)) for m in mentions]
    yield ("mentions", mentions)


def _check_document(path: str, job: Job, config) -> Iterator[Event]:
    import fundparse
    from fundparse.suppress import SuppressionScanner, filter_findings

    doc = _read(path, job)
    yield ("doc", doc.format, doc.encoding)
    for note in doc.notes:
        yield ("note", note)
    findings = fundparse.check(doc.text, doc_date=job.doc_date, config=_bare(config))
    scanner = SuppressionScanner()
    if findings:
        scanner.feed(doc.text)
        if doc.format == "html" and path != "-":
            try:
                with open(path, "rb") as handle:  # the reader drops comments: look at the source
                    scanner.feed_file_directives(handle.read().decode("latin-1"))
            except OSError:
                pass
    kept = filter_findings(findings, doc.text, config=config, path=_shown(path, job),
                           select=job.select, ignore=job.ignore,
                           suppressions=scanner.suppressions)
    yield ("findings", kept, job.lang or config.lang)


def _shown(path: str, job: Job) -> str:
    return job.stdin_name or "-" if path == "-" else path


# Huge plain text: chunk by chunk, offsets and lines shifted to the whole file's.

def _shift_finding(f, offset: int, lines: int, columns: int):
    return replace(f, start=f.start + offset, end=f.end + offset, line=f.line + lines,
                   column=f.column + (columns if f.line == 1 else 0))


def _shift_split(s, offset: int):
    return replace(s, start=s.start + offset, end=s.end + offset,
                   splits=tuple(_shift_split(p, offset) for p in s.splits))


def shift_mention(m, offset: int, lines: int, columns: int):
    """``m`` found in a chunk that starts at ``offset``, on line ``lines + 1`` of the file, with
    ``columns`` characters of that line before it (a chunk cut inside an overlong line)."""
    if not (offset or lines or columns):
        return m
    period = m.period
    if period is not None:
        period = replace(period, start_offset=period.start_offset + offset,
                         end_offset=period.end_offset + offset)
    return replace(
        m, start=m.start + offset, end=m.end + offset, line=m.line + lines,
        column=m.column + (columns if m.line == 1 else 0),
        splits=tuple(_shift_split(s, offset) for s in m.splits), period=period,
        findings=tuple(_shift_finding(f, offset, lines, columns) for f in m.findings),
    )


def _process_chunks(path: str, job: Job, config) -> Iterator[Event]:
    import fundparse
    from fundparse.readers import iter_text_chunks
    from fundparse.structure.docdate import sniff_doc_date
    from fundparse.suppress import SuppressionScanner, filter_findings

    yield ("doc", "text", None)
    yield ("info", f"large file: read in chunks of {job.chunk_chars:,} characters")
    lines = 0
    columns = 0
    day = job.doc_date
    rates = None
    bare = _bare(config)
    scanner = SuppressionScanner()
    findings = []
    for offset, chunk in iter_text_chunks(path, job.chunk_chars):
        if offset == 0:
            if day is None:
                day = sniff_doc_date(chunk)
            if job.rates or job.rate_table is not None:
                rates = job.rates_on(day)
        if job.mode == "extract":
            mentions = fundparse.extract(chunk, doc_date=day, rates=rates, config=config)
            yield ("mentions", [shift_mention(m, offset, lines, columns) for m in mentions])
        else:
            findings.extend(_shift_finding(f, offset, lines, columns)
                            for f in fundparse.check(chunk, doc_date=day, config=bare))
            scanner.feed(chunk, lines + 1)
        newlines = chunk.count("\n")
        if newlines:
            lines += newlines
            columns = len(chunk) - chunk.rfind("\n") - 1
        else:
            columns += len(chunk)
    if job.mode == "check":
        kept = filter_findings(findings, "", config=config, path=path, select=job.select,
                               ignore=job.ignore, suppressions=scanner.suppressions)
        yield ("findings", kept, job.lang or config.lang)


# --- running over many paths -------------------------------------------------------------------

def _work(path: str, job: Job) -> tuple[int, list[Event]]:
    events = list(process(path, job))
    if job.render == "jsonl":
        # the parent only writes: formatting in the workers is what lets --jobs scale
        import io

        from fundparse.report.formats import JsonlWriter

        for i, event in enumerate(events):
            if event[0] == "mentions":
                buffer = io.StringIO()
                JsonlWriter(buffer, job.lang or "ko").write(_shown(path, job), event[1])
                events[i] = ("rendered", buffer.getvalue())
    return os.getpid(), events


def _init_worker(barrier) -> None:
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    import fundparse.pipeline  # noqa: F401  (warm up before taking work)

    if barrier is not None:
        try:
            barrier.wait(timeout=10)  # every worker is up before work is handed out
        except Exception:
            pass


def run(inputs: Sequence[str], job: Job, jobs: int) -> Iterator[tuple[str, int, Iterable[Event]]]:
    """(path, worker pid, events) per input, in input order whatever ``jobs`` is."""
    pid = os.getpid()
    if jobs <= 1 or sum(1 for p in inputs if p != "-") <= 1:
        for path in inputs:
            yield path, pid, process(path, job)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    method = "fork" if sys.platform.startswith("linux") else "spawn"
    context = multiprocessing.get_context(method)
    workers = min(jobs, sum(1 for p in inputs if p != "-"))
    barrier = context.Barrier(workers)
    with ProcessPoolExecutor(max_workers=workers, mp_context=context,
                             initializer=_init_worker, initargs=(barrier,)) as pool:
        futures = [None if p == "-" else pool.submit(_work, p, job) for p in inputs]
        try:
            for path, future in zip(inputs, futures):
                if future is None:  # stdin belongs to this process
                    yield path, pid, process(path, job)
                else:
                    worker, events = future.result()
                    yield path, worker, events
        finally:
            for future in futures:
                if future is not None:
                    future.cancel()


class Run:
    """Shared bookkeeping of extract and check: messages on stderr and the exit status."""

    def __init__(self, verbose: bool = False):
        self.status = EXIT_OK
        self.verbose = verbose
        self._said: set[str] = set()

    def error(self, path: str, reason: str) -> None:
        _say(f"{path}: {reason}")
        self.status = max(self.status, EXIT_ERROR)

    def config_error(self, message: str) -> None:
        if message not in self._said:
            self._said.add(message)
            _say(message)
        self.status = max(self.status, EXIT_ERROR)

    def internal(self, path: str, reason: str) -> None:
        _say(f"{path}: internal error ({reason}); please report this at {ISSUES_URL}")
        self.status = max(self.status, EXIT_INTERNAL)

    def common(self, path: str, pid: int, event: Event) -> bool:
        """Handle the events extract and check share; False for the command's own."""
        kind = event[0]
        if kind == "doc":
            if self.verbose:
                encoding = f", {event[2]}" if event[2] else ""
                _say(f"worker {pid} read {path} ({event[1]}{encoding})")
        elif kind == "note":
            _say(f"{path}: {event[1]}")
        elif kind == "info":
            if self.verbose:
                _say(f"{path}: {event[1]}")
        elif kind == "error":
            self.error(path, event[1])
        elif kind == "config":
            self.config_error(event[1])
        elif kind == "internal":
            self.internal(path, event[1])
        else:
            return False
        return True


def _say(message: str) -> None:
    print(f"fundparse: {message}", file=sys.stderr, flush=True)


# --- commands ----------------------------------------------------------------------------------

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
    globs = tuple(args.glob) if args.glob else _default_globs()
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
                shown = _shown(path, job)
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
        finally:
            if progress is not None:
                progress[0].stop()
        writer.close()
    finally:
        if out is not sys.stdout:
            out.close()
    return state.status


def _extract_writer(fmt: str, out: TextIO, args: argparse.Namespace, job: Job):
    lang = job.lang or "ko"
    if fmt == "table":
        from fundparse.report.table import TableWriter

        tty = out is sys.stdout and _isatty(out)
        color = tty and not args.no_color and not os.environ.get("NO_COLOR")
        width = None if tty else _env_int("COLUMNS", 160) if os.environ.get("COLUMNS") else 160
        return TableWriter(out, color=color, width=width, lang=lang)
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
        shown = _shown(path, job)
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


# --- entry point -------------------------------------------------------------------------------

def _delegate(name: str, argv: list[str]) -> int:
    import importlib

    module_name = DELEGATED[name][0]
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name in (module_name, module_name.rpartition(".")[0]):
            raise UsageError(f"{name}: this installation has no {module_name}") from None
        raise
    return int(module.main(argv) or 0)


def _is_user_error(exc: BaseException) -> bool:
    if isinstance(exc, UsageError):
        return True
    for module, name in (("fundparse.readers", "ReadError"), ("fundparse.config", "ConfigError"),
                         ("fundparse.fx", "RateError")):
        loaded = sys.modules.get(module)
        if loaded is not None and isinstance(exc, getattr(loaded, name)):
            return True
    return False


COMMANDS = {"extract": cmd_extract, "check": cmd_check, "rules": cmd_rules}


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``fundparse``; returns the exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv and argv[0] in DELEGATED:
            return _delegate(argv[0], argv[1:])
        parser = build_parser()
        args = parser.parse_args(argv)
        if args.command is None:
            parser.print_help(sys.stderr)
            return EXIT_ERROR
        return COMMANDS[args.command](args)
    except SystemExit as exc:  # argparse: --help, --version, usage errors
        code = exc.code
        return code if isinstance(code, int) else (0 if code is None else EXIT_ERROR)
    except KeyboardInterrupt:
        _say("interrupted")
        return 130
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_OK
    except Exception as exc:
        if _is_user_error(exc):
            _say(" ".join(str(exc).split()) or type(exc).__name__)
            return EXIT_ERROR
        if os.environ.get("FUNDPARSE_DEBUG"):
            raise
        _say(f"internal error ({_one_line(exc)}); please report this at {ISSUES_URL}")
        return EXIT_INTERNAL


def _silence_stdout() -> None:
    """After the reader of a pipe went away (`| head`): no second error at exit."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass
