"""The command line's contract: exit codes, one-line messages, and every argument parser
with its help (``fundparse``, ``fundparse report``, ``fundparse eval``)."""

from __future__ import annotations

import argparse
import os
import sys

from fundparse import __version__


EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2
EXIT_INTERNAL = 3

ISSUES_URL = "https://github.com/fundparse/fundparse/issues"

# Commands loaded only when they run (they need rich, or the gold modules), handed the remaining
# arguments, which they read with review_parser / eval_parser below.
DELEGATED = {
    "eval": ("fundparse.cli.eval",
             "score extraction against gold JSONL files (precision/recall/F1)"),
    "report": ("fundparse.cli.review", "write an HTML report page of the extracted amounts"),
    "serve": ("fundparse.cli.serve", "an HTTP service: /v1/extract, /v1/check, Duckling's /parse"),
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


def say(message: str) -> None:
    from fundparse.report.names import shown_name  # a name in a message forges no line

    print(f"fundparse: {shown_name(message)}", file=sys.stderr, flush=True)


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


def review_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="fundparse report",
        description="Render each document as a self-contained HTML review page: every amount "
                    "highlighted with its meaning, funding parts, periods and findings.",
        epilog="examples:\n  fundparse report release.hwpx -o review/\n"
               "  fundparse report drafts/ -o review/ --open   # one page each + index.html\n"
               "  open review/release.html#all to see every tooltip at once (also in print)",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files or folders ('-' = stdin)")
    parser.add_argument("-o", "--output", metavar="DIR", default="fundparse-report",
                        help="folder for the pages (default: ./fundparse-report)")
    parser.add_argument("--open", action="store_true", help="open the page (or index) in a browser")
    parser.add_argument("--doc-date", metavar="YYYY-MM-DD",
                        help="document date for 올해/내년 (default: the date the text states)")
    parser.add_argument("--lang", choices=("ko", "en"), default=None,
                        help="language of the page's labels and messages (default: config or ko)")
    return parser


def eval_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="fundparse eval",
        description="Score fundparse against gold files (JSON lines in the contract's gold "
                    "format): precision, recall and F1 for amounts, splits and periods.")
    parser.add_argument("gold", nargs="+", metavar="GOLD", help="gold .jsonl file(s)")
    parser.add_argument("--json", action="store_true", help="print one JSON object, no tables")
    parser.add_argument("--validate", action="store_true",
                        help="check the gold files are well-formed; do not run the engine")
    parser.add_argument("--floor", metavar="FILE",
                        help='JSON like {"amounts": 0.95, "splits": 0.9, "periods": 0.9}: exit 1 '
                             "when an F1 is below its floor")
    return parser


def parse_krw(text: str) -> int:
    """An amount for ``--min-krw``: "1000000000", "1,000,000,000", "10억", "10억 원"."""
    plain = text.strip().replace(",", "").replace("_", "")
    if plain.isdigit():
        return int(plain)
    from fundparse.pipeline import parse_amount
    from fundparse.report.select import SelectionError

    problem = None
    for candidate in (text.strip(), text.strip() + " 원"):
        try:
            mention = parse_amount(candidate)
        except ValueError as exc:
            problem = exc
            continue
        if mention.krw is None or mention.currency != "KRW":
            raise SelectionError(f"--min-krw takes an amount in won, not {text!r}")
        return mention.krw
    raise SelectionError(f"--min-krw: {text!r} is not an amount in won "
                         f"(for example 1000000000 or 10억)") from problem
