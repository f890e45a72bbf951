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
    "projects": ("fundparse.cli.projects", "one row per funded total: agency, project, region, KRW"),
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


# The language of the command's own words (messages.py): --lang, else the configuration's
# ``lang``, else Korean; main() settles it before a command runs.
_LANG = ["ko"]


def set_lang(lang: str | None) -> None:
    _LANG[0] = "en" if lang == "en" else "ko"


def lang() -> str:
    return _LANG[0]


def t(key: str, **values: object) -> str:
    """A message of the catalogue in the command's language."""
    from fundparse.messages import message

    return message(key, _LANG[0], **values)


def say(message: str) -> None:
    from fundparse.report.names import shown_name  # a name in a message forges no line

    print(f"fundparse: {shown_name(message)}", file=sys.stderr, flush=True)


class Parser(argparse.ArgumentParser):
    """argparse with its usage errors as one line in the command's language, exit 2, and its
    help in Korean unless the language is English."""

    def error(self, message: str) -> None:  # type: ignore[override]
        print(t("cli.usage", prog=self.prog, problem=message), file=sys.stderr, flush=True)
        raise SystemExit(EXIT_ERROR)

    def format_help(self) -> str:
        if lang() == "ko":
            self._in_korean()
        return super().format_help()

    def format_usage(self) -> str:
        if lang() == "ko":
            self._in_korean()
        return super().format_usage()

    def _in_korean(self) -> None:
        from fundparse.messages import HELP_WORDS_KO

        self.description = _ko(self.description)
        self.epilog = _ko(self.epilog)
        for group in self._action_groups:
            group.title = HELP_WORDS_KO.get(group.title or "", group.title)
        for action in self._actions:
            action.help = _ko(action.help)
            for choice in getattr(action, "_choices_actions", ()):
                choice.help = _ko(choice.help)

    def _get_formatter(self):  # "usage: " in the command's language
        formatter = super()._get_formatter()
        if lang() == "ko":
            add_usage = formatter.add_usage

            def korean_usage(usage, actions, groups, prefix=None):
                return add_usage(usage, actions, groups,
                                 "사용법: " if prefix is None else prefix)

            formatter.add_usage = korean_usage  # type: ignore[method-assign]
        return formatter


class _Formatter(argparse.RawDescriptionHelpFormatter):
    """Help at most 100 columns wide, wrapped by terminal cells (a Hangul syllable takes two);
    a text of several lines (the epilogs) is kept as written."""

    def __init__(self, prog: str) -> None:
        super().__init__(prog, max_help_position=30, width=min(100, _terminal_width()))

    def _split_lines(self, text: str, width: int) -> list[str]:
        return wrap_cells(" ".join(text.split()), width)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        if "\n" in text.strip():
            return super()._fill_text(text, width, indent)
        return "\n".join(indent + line for line in wrap_cells(" ".join(text.split()),
                                                              width - len(indent)))


def _cells(text: str) -> int:
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def wrap_cells(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` terminal cells, broken at spaces."""
    lines: list[str] = []
    line = ""
    for word in text.split(" "):
        if line and _cells(line) + 1 + _cells(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    if line:
        lines.append(line)
    return lines


def _terminal_width() -> int:
    try:
        return os.get_terminal_size(sys.stdout.fileno()).columns
    except (OSError, ValueError, AttributeError):
        return 100


def _add_input_options(p: argparse.ArgumentParser, here: bool = False) -> None:
    if here:
        p.add_argument("paths", nargs="*", metavar="PATH",
                       help="files or folders (searched recursively; hidden entries skipped, "
                            "symlinked folders not followed); '-' reads stdin. Without PATH, "
                            "a piped stdin is read, else the current folder '.'")
    else:
        p.add_argument("paths", nargs="*", metavar="PATH",
                       help="files or folders (searched recursively; hidden entries skipped, "
                            "symlinked folders not followed); '-' reads stdin. Without PATH, "
                            "stdin is read when it is not a terminal")
    p.add_argument("--glob", action="append", metavar="GLOB",
                   help="file names to take from folders (repeatable; replaces the default "
                        "*.txt *.md *.htm *.html *.hwpx *.hwp *.pdf; a GLOB with '/' matches "
                        "the path below the folder). Files named directly are always read")
    p.add_argument("--force-exclude", action="store_true",
                   help="apply the configuration's exclude to files named on the command line "
                        "too (as pre-commit names them)")
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
                   help="language of every message, table and page (default: config 'lang', "
                        "else ko); machine formats keep their English field names")
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
  fundparse extract press/ --format xlsx -o amounts.xlsx
  fundparse extract press/ --sort krw --min-krw 10억 --category national --has-splits

selecting and sorting (before any format):
  --min-krw 10억      only amounts of at least this many won
  --category local    only amounts with a part of this funding source (repeatable)
  --label 사업비      only amounts whose label contains this (repeatable)
  --has-splits        only amounts broken down into funding sources
  --sort krw          largest first (position: text order; file: by file name)

formats:
  table  one table per file and totals by funding source (colour on a terminal)
  jsonl  one mention per line: the output contract plus "file"
  json   a list of the same objects
  csv    one row per mention: scalar fields, period_*, splits as label:category:krw,
         one <category>_krw column per funding source
  xlsx   an Excel workbook: amounts (numbers as numbers), splits, totals by source, with a
         Korean header row (English with --lang en); needs -o FILE or a redirected stdout

""" + EXIT_CODES_HELP

CHECK_EPILOG = """\
examples:
  fundparse check release.txt                    release.txt:3:18: FP101 재원 합계 …
  fundparse check drafts/ --statistics
  fundparse check --select FP1,FP2 --ignore FP301 release.md
  fundparse check --format github releases/       (annotations in GitHub Actions)
  fundparse check --format sarif -o fundparse.sarif .   (GitHub code scanning)
  fundparse check --exit-zero -q drafts/          report, never fail
  fundparse check --show-settings release.md      which configuration applies here
  fundparse check --lang en release.txt

suppressing a finding whose figures are right:
  <!-- fundparse: ignore FP101 -->     this line and the next non-empty line
  # fundparse: ignore FP101             (a line of its own; same effect)
  <!-- fundparse: ignore-file FP301 --> the whole file; no codes = every code
configuration: [tool.fundparse] in pyproject.toml or .fundparse.toml, nearest above each file:
  select = ["FP1", "FP2"]   ignore = ["FP301"]   per-file-ignores = {"drafts/*.md" = ["FP4"]}
  exclude = ["archive", "old/*.md"]   (folders walked skip these; --force-exclude: named files)

""" + EXIT_CODES_HELP


MAIN_EPILOG = """\
examples:
  fundparse extract release.txt
  fundparse extract press/ --format jsonl > amounts.jsonl
  fundparse check drafts/*.md
  fundparse rules FP101

`fundparse COMMAND --help` describes each command.

""" + EXIT_CODES_HELP

EXIT_CODES_KO = """\
종료 코드:
  0  성공 (extract: 무엇을 찾았든, check: 문제 없음 또는 경고만)
  1  check: 오류 등급의 검사 결과가 하나 이상
  2  명령줄, 설정, 입력 오류 (읽을 수 없거나 지원하지 않는 파일. 다른 파일은 그대로
     처리함) — 1보다 2가 우선
  3  내부 오류: fundparse의 버그이며 메시지가 그렇다고 알립니다 — 알려 주십시오:
     """ + ISSUES_URL

# The Korean of the epilogs above (the short help texts are in messages.HELP_KO).
EPILOGS_KO = {
    MAIN_EPILOG: """\
예:
  fundparse extract release.txt
  fundparse extract press/ --format jsonl > amounts.jsonl
  fundparse check drafts/*.md
  fundparse rules FP101

`fundparse 명령 --help`가 각 명령을 설명합니다.

""" + EXIT_CODES_KO,
    EXTRACT_EPILOG: """\
예:
  fundparse extract release.txt                  금액·재원·기간의 표
  fundparse extract press/ --format jsonl > out.jsonl
  fundparse extract press/ --format csv --excel -o amounts.csv
  fundparse extract --glob '*.txt' --jobs 4 archive/
  echo '총사업비 281억 원(국비 121, 지방비 160)' | fundparse extract - --format json
  fundparse extract news/ --rate USD=1380.5 --rate EUR=1500
  fundparse extract archive/ --rates rates.csv    (date,currency,rate: 문서 날짜에 유효한
                                                  환율로 krw를 채움)
  fundparse extract press/ --format xlsx -o amounts.xlsx
  fundparse extract press/ --sort krw --min-krw 10억 --category national --has-splits

고르기와 정렬 (모든 형식에 앞서 적용):
  --min-krw 10억      이 금액(원) 이상만
  --category local    이 재원 분류가 든 금액만 (여러 번 가능)
  --label 사업비      항목 이름에 이 말이 든 금액만 (여러 번 가능)
  --has-splits        재원별로 나뉜 금액만
  --sort krw          큰 금액부터 (position: 본문 순서, file: 파일 이름순)

형식:
  table  파일마다 표 하나와 재원별 합계 (터미널에서는 색)
  jsonl  한 줄에 금액 하나: 출력 계약의 객체와 "file"
  json   같은 객체의 목록
  csv    금액마다 한 행: 값 필드, period_*, label:category:krw 꼴의 재원,
         재원 분류마다 <category>_krw 열
  xlsx   엑셀 통합 문서: 금액(숫자는 숫자로), 재원, 재원별 합계, 한국어 머리글
         (--lang en이면 영어). -o 파일이나 리디렉션한 표준 출력이 필요

""" + EXIT_CODES_KO,
    CHECK_EPILOG: """\
예:
  fundparse check release.txt                    release.txt:3:18: FP101 재원 합계 …
  fundparse check drafts/ --statistics
  fundparse check --select FP1,FP2 --ignore FP301 release.md
  fundparse check --format github releases/       (GitHub Actions 주석)
  fundparse check --format sarif -o fundparse.sarif .   (GitHub 코드 스캔)
  fundparse check --exit-zero -q drafts/          알리기만 하고 실패하지 않음
  fundparse check --show-settings release.md      여기에 적용되는 설정 보기
  fundparse check --lang en release.txt

수치가 맞는데 지적된 곳을 끄기:
  <!-- fundparse: ignore FP101 -->     이 줄과 다음 비지 않은 줄
  # fundparse: ignore FP101             (한 줄을 차지하면 같은 효과)
  <!-- fundparse: ignore-file FP301 --> 파일 전체. 코드가 없으면 모든 코드
설정: pyproject.toml의 [tool.fundparse] 또는 .fundparse.toml (각 파일 위에서 가장 가까운 것):
  select = ["FP1", "FP2"]   ignore = ["FP301"]   per-file-ignores = {"drafts/*.md" = ["FP4"]}
  exclude = ["archive", "old/*.md"]   (폴더를 훑을 때 건너뜀. --force-exclude면 지정한 파일도)

""" + EXIT_CODES_KO,
}


def _ko(text: str | None) -> str | None:
    from fundparse.messages import HELP_KO

    if text is None:
        return None
    return EPILOGS_KO.get(text) or HELP_KO.get(text, text)


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="fundparse", formatter_class=_Formatter,
        description="Find every monetary expression in Korean text — amounts in exact KRW, "
                    "funding splits (국비/도비/시비), project periods — and check that the "
                    "figures agree.",
        epilog=MAIN_EPILOG,
    )
    parser.add_argument("-V", "--version", action="version", version=f"fundparse {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", title="commands")

    ex = sub.add_parser("extract", help="amounts, splits and periods from files",
                        description="Extract every monetary mention with its funding splits, "
                                    "period and findings.",
                        epilog=EXTRACT_EPILOG, formatter_class=_Formatter)
    _add_input_options(ex)
    ex.add_argument("-f", "--format", choices=("table", "json", "jsonl", "csv", "xlsx"),
                    help="output format (default: table; csv with --excel)")
    ex.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    ex.add_argument("--excel", action="store_true",
                    help="CSV with a UTF-8 byte-order mark, so spreadsheets read Hangul")
    _add_color_option(ex)
    _add_rate_options(ex)
    ex.add_argument("--sort", choices=("krw", "position", "file"),
                    help="order of the amounts: krw (largest first), position (text order, "
                         "the default), file (by file name)")
    ex.add_argument("--min-krw", metavar="AMOUNT",
                    help="only amounts of at least AMOUNT won (1000000000, 10억)")
    ex.add_argument("--category", action="append", metavar="CATEGORY",
                    help="only amounts with a funding part of this category: national, "
                         "provincial, municipal, local, private, self, other (comma-separated, "
                         "repeatable)")
    ex.add_argument("--label", action="append", metavar="TEXT",
                    help="only amounts whose label contains TEXT (repeatable)")
    ex.add_argument("--has-splits", action="store_true", default=None,
                    help="only amounts broken down into funding sources")
    _add_rule_options(ex)

    ck = sub.add_parser("check", help="consistency findings (the pre-commit hook)",
                        description="Report figures that contradict each other: parts that do "
                                    "not add up, shares, periods, totals given twice, malformed "
                                    "numbers.",
                        epilog=CHECK_EPILOG, formatter_class=_Formatter)
    _add_input_options(ck, here=True)
    ck.add_argument("-f", "--format", choices=("text", "json", "jsonl", "github", "sarif"),
                    default="text",
                    help="text: path:line:column: CODE message (default); json: a list; jsonl: "
                         "one finding per line; github: GitHub Actions annotations; sarif: "
                         "SARIF 2.1.0 for GitHub code scanning")
    ck.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    _add_rule_options(ck)
    ck.add_argument("--statistics", action="store_true",
                    help="end with a one-line summary (files, errors, warnings, per code)")
    ck.add_argument("--exit-zero", action="store_true",
                    help="exit 0 even when an error-severity finding is reported (2 and 3 "
                         "still mean what they say)")
    ck.add_argument("-q", "--quiet", action="store_true",
                    help="print the findings and nothing else: no notes, no progress bar")
    ck.add_argument("--show-settings", action="store_true",
                    help="print the configuration that applies to each PATH (file, select, "
                         "ignore, per-file-ignores, exclude) and exit 0")
    ck.add_argument("--no-cross-file", action="store_true",
                    help="do not compare the same project across the files (FP310-FP312)")

    rl = sub.add_parser("rules", help="list the rule codes, or explain one",
                        description="The rule codes fundparse check reports: FP1xx funding "
                                    "splits, FP2xx periods, FP3xx document consistency, FP4xx "
                                    "number formatting.",
                        epilog="examples:\n  fundparse rules\n  fundparse rules FP101\n"
                               "  fundparse rules FP1", formatter_class=_Formatter)
    rl.add_argument("code", nargs="?", metavar="CODE", help="a code (FP101) or prefix (FP1)")
    rl.add_argument("-f", "--format", choices=("text", "json"), default="text")
    rl.add_argument("--lang", choices=("ko", "en"),
                    help="language of the summaries (default: config 'lang', else ko)")

    _add_color_option(ck)

    for name, (module, text) in DELEGATED.items():
        sub.add_parser(name, help=text, add_help=False, description=text)
    return parser


def _add_rule_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--select", action="append", metavar="CODES",
                   help="only these codes or prefixes (comma-separated, repeatable; "
                        "replaces the config's select)")
    p.add_argument("--ignore", action="append", metavar="CODES",
                   help="leave out these codes or prefixes (added to the config's ignore)")


def _add_rate_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--rate", action="append", metavar="CUR=RATE",
                   help="KRW per unit of a foreign currency, e.g. USD=1380.5 (repeatable)")
    p.add_argument("--rates", metavar="CSV",
                   help="dated rates (date,currency,rate): each document uses the rates in "
                        "force on its date; --rate overrides")


def _add_color_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                   help="colour: auto (on a terminal, unless NO_COLOR is set or FORCE_COLOR "
                        "is), always, never")
    p.add_argument("--no-color", dest="color", action="store_const", const="never",
                   help="like --color never")


def use_color(choice: str, stream) -> bool:
    """--color: always / never, or auto — NO_COLOR (set and not empty) turns colour off,
    FORCE_COLOR on, else colour on a terminal only."""
    if choice == "always":
        return True
    if choice == "never":
        return False
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


def review_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="fundparse report",
        description="Render each document as a self-contained HTML review page: every amount "
                    "highlighted with its meaning, funding parts, periods and findings.",
        epilog="examples:\n  fundparse report release.hwpx -o review/\n"
               "  fundparse report drafts/ -o review/ --open   # one page each + index.html\n"
               "  open review/release.html#all to see every tooltip at once (also in print)",
        formatter_class=_Formatter)
    _add_input_options(parser)
    parser.add_argument("-o", "--output", metavar="DIR", default="fundparse-report",
                        help="folder for the pages (default: ./fundparse-report)")
    _add_rule_options(parser)
    parser.add_argument("--open", action="store_true", help="open the page (or index) in a browser")
    _add_rate_options(parser)
    return parser


def eval_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="fundparse eval",
        description="Score fundparse against gold files (JSON lines in the contract's gold "
                    "format): precision, recall and F1 for amounts, splits and periods.",
        formatter_class=_Formatter)
    parser.add_argument("gold", nargs="+", metavar="GOLD",
                        help="gold .jsonl files, or folders of them (searched recursively)")
    parser.add_argument("-f", "--format", choices=("text", "json"), default="text",
                        help="text: tables (default); json: one JSON object")
    parser.add_argument("--json", dest="format", action="store_const", const="json",
                        help="like --format json")
    parser.add_argument("--lang", choices=("ko", "en"),
                        help="language of the tables and messages (default: ko)")
    _add_color_option(parser)
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
