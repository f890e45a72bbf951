"""Machine formats: ``fundparse extract`` as JSONL / JSON / CSV, ``fundparse check`` as text /
JSON / JSONL / GitHub Actions annotations (SARIF: report/sarif.py).  Standard library only (no rich, no pint).

File names are escaped for each format (report/names.py): JSON keeps them exact, bytes that
are not UTF-8 as ``\\udcXX`` escapes; the line formats (CSV, check's text and GitHub lines)
show control characters, bidi controls and such bytes as visible escapes.

Every extract writer takes a document at a time — ``begin(path)``, ``write(path, mentions)``
(any number of times: a huge file arrives chunk by chunk), ``end(path)`` — and ``close()``
at the end of the run; output is written as it comes, never held for the whole run.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any, TextIO

from fundparse.model import CATEGORIES, Finding, Mention, Split, decimal_str
from fundparse.report.totals import part_totals
from fundparse.report.names import json_text, shown_name

__all__ = [
    "mention_record", "JsonlWriter", "JsonWriter", "CsvWriter", "CSV_FIELDS", "category_krw",
    "finding_record", "finding_text", "finding_github", "FindingsWriter", "statistics_line",
    "EXTRACT_FORMATS", "CHECK_FORMATS",
]

EXTRACT_FORMATS = ("table", "json", "jsonl", "csv")
CHECK_FORMATS = ("text", "json", "jsonl", "github", "sarif")

MIXED = "mixed"  # a compound category (국도비 → national+provincial) in CSV columns


def mention_record(path: str, mention: Mention, lang: str = "ko") -> dict[str, Any]:
    """The contract's object for one mention, with ``file`` first."""
    return {"file": path, **mention.to_dict(lang)}


class JsonlWriter:
    """One JSON object per line, flushed per document."""

    def __init__(self, stream: TextIO, lang: str = "ko"):
        self.stream = stream
        self.lang = lang

    def begin(self, path: str) -> None:
        pass

    def write(self, path: str, mentions: Sequence[Mention]) -> None:
        dumps = json.dumps
        write = self.stream.write
        for mention in mentions:
            write(json_text(dumps(mention_record(path, mention, self.lang), ensure_ascii=False)))
            write("\n")

    def end(self, path: str) -> None:
        self.stream.flush()

    def close(self) -> None:
        self.stream.flush()


class JsonWriter(JsonlWriter):
    """A JSON list of the same objects, streamed item by item."""

    def __init__(self, stream: TextIO, lang: str = "ko"):
        super().__init__(stream, lang)
        self.count = 0

    def write(self, path: str, mentions: Sequence[Mention]) -> None:
        for mention in mentions:
            text = json_text(json.dumps(mention_record(path, mention, self.lang),
                                        ensure_ascii=False, indent=2))
            self.stream.write(("[\n" if self.count == 0 else ",\n") + _indent(text))
            self.count += 1

    def close(self) -> None:
        self.stream.write("[]\n" if self.count == 0 else "\n]\n")
        self.stream.flush()


def _indent(text: str) -> str:
    return "\n".join("  " + line for line in text.split("\n"))


# --- CSV -----------------------------------------------------------------------------------------

CATEGORY_COLUMNS = tuple(f"{c}_krw" for c in CATEGORIES) + (f"{MIXED}_krw",)
CSV_FIELDS = (
    "file", "text", "start", "end", "line", "column", "currency", "value", "krw",
    "approximate", "bound", "per", "change", "label", "fiscal_year",
    "range_low", "range_high", "range_low_krw", "range_high_krw",
    "period_start", "period_end", "period_years", "period_text",
    "splits", *CATEGORY_COLUMNS, "findings", "page",
)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if value is True:
        return "true"
    if value is False:
        return "false"
    return str(value)


def split_text(split: Split) -> str:
    krw = "" if split.krw is None else str(split.krw)
    return f"{split.label}:{split.category}:{krw}"


def category_krw(splits: Iterable[Split]) -> dict[str, int]:
    """KRW per source category of one mention's parts, by the one rule of report.totals; a
    compound category such as national+provincial goes under ``mixed``."""
    sums: dict[str, int] = {}
    for category, krw in part_totals(splits).items():
        key = category if category in CATEGORIES else MIXED
        sums[key] = sums.get(key, 0) + krw
    return sums


def csv_row(path: str, m: Mention) -> list[str]:
    period = m.period
    rng = m.range
    sums = category_krw(m.splits)
    values: list[Any] = [
        shown_name(path), m.text, m.start, m.end, m.line, m.column, m.currency, decimal_str(m.value), m.krw,
        m.approximate, m.bound, m.per, m.change, m.label, m.fiscal_year,
        None if rng is None else decimal_str(rng.low),
        None if rng is None else decimal_str(rng.high),
        None if rng is None else rng.low_krw, None if rng is None else rng.high_krw,
        None if period is None else period.start, None if period is None else period.end,
        None if period is None else period.years, None if period is None else period.text,
        "; ".join(split_text(s) for s in m.splits),
        *[sums.get(column[:-4]) for column in CATEGORY_COLUMNS],
        " ".join(f.code for f in m.findings), m.page,
    ]
    return [_cell(v) for v in values]


class CsvWriter:
    """One row per mention; ``excel`` puts a UTF-8 BOM first so spreadsheets read Hangul."""

    def __init__(self, stream: TextIO, excel: bool = False):
        import csv

        self.stream = stream
        if excel:
            stream.write("\ufeff")
        self.writer = csv.writer(stream, lineterminator="\r\n")
        self.writer.writerow(CSV_FIELDS)

    def begin(self, path: str) -> None:
        pass

    def write(self, path: str, mentions: Sequence[Mention]) -> None:
        self.writer.writerows(csv_row(path, m) for m in mentions)

    def end(self, path: str) -> None:
        self.stream.flush()

    def close(self) -> None:
        self.stream.flush()


# --- check ---------------------------------------------------------------------------------------

def _message(finding: Finding, lang: str) -> str:
    text = finding.message_en if lang == "en" and finding.message_en else finding.message
    return " ".join(text.split())


def finding_record(path: str, finding: Finding, lang: str = "ko") -> dict[str, Any]:
    data = finding.to_dict(lang)
    return {"code": data["code"], "severity": data["severity"], "file": path,
            "line": data["line"], "column": data["column"], "start": data["start"],
            "end": data["end"], "message": " ".join(data["message"].split())}


def finding_text(path: str, finding: Finding, lang: str = "ko") -> str:
    """``path:line:column: CODE message``."""
    return (f"{shown_name(path)}:{finding.line}:{finding.column}: {finding.code} "
            f"{_message(finding, lang)}")


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def finding_github(path: str, finding: Finding, lang: str = "ko") -> str:
    """A GitHub Actions workflow command that annotates the line."""
    level = "error" if finding.severity == "error" else "warning"
    props = ",".join([
        f"file={_escape_property(shown_name(path))}", f"line={finding.line}", f"col={finding.column}",
        f"title={_escape_property(finding.code)}",
    ])
    return f"::{level} {props}::{_escape_data(_message(finding, lang))}"


class FindingsWriter:
    """``fundparse check`` output: text, jsonl and github lines as they come, JSON as one list,
    SARIF as one log (report/sarif.py)."""

    def __init__(self, stream: TextIO, fmt: str = "text", lang: str = "ko"):
        if fmt not in CHECK_FORMATS:
            raise ValueError(f"unknown check format {fmt!r}")
        self.stream = stream
        self.fmt = fmt
        self.lang = lang
        self.records: list[dict[str, Any]] = []
        self.sarif = None
        if fmt == "sarif":
            from fundparse.report.sarif import SarifWriter

            self.sarif = SarifWriter(stream, lang)

    def add(self, path: str, findings: Iterable[Finding], lang: str | None = None,
            suppressed: Iterable = ()) -> None:
        """``suppressed``: (finding, directives) an in-file comment suppressed (SARIF only)."""
        lang = lang or self.lang
        if self.sarif is not None:
            self.sarif.add(path, findings, lang, suppressed)
            return
        if self.fmt == "json":
            self.records.extend(finding_record(path, f, lang) for f in findings)
            return
        if self.fmt == "jsonl":
            for finding in findings:
                self.stream.write(json_text(json.dumps(finding_record(path, finding, lang),
                                                       ensure_ascii=False)) + "\n")
            return
        line = finding_text if self.fmt == "text" else finding_github
        for finding in findings:
            self.stream.write(line(path, finding, lang) + "\n")

    def close(self) -> None:
        if self.sarif is not None:
            self.sarif.close()
            return
        if self.fmt == "json":
            self.stream.write(json_text(json.dumps(self.records, ensure_ascii=False, indent=2)))
            self.stream.write("\n")
        self.stream.flush()


def statistics_line(files: int, counts: dict[str, int], severities: dict[str, str],
                    lang: str = "ko") -> str:
    """One line: files checked, errors and warnings, and findings per code."""
    errors = sum(n for code, n in counts.items() if severities.get(code) == "error")
    warnings = sum(counts.values()) - errors
    per_code = ", ".join(f"{code} {counts[code]}" for code in sorted(counts))
    if lang == "en":
        head = f"{files} file{'s' if files != 1 else ''} checked"
        if not counts:
            return f"{head}: no problems found"
        return (f"{head}: {errors} error{'s' if errors != 1 else ''}, "
                f"{warnings} warning{'s' if warnings != 1 else ''} ({per_code})")
    head = f"파일 {files}개 검사"
    if not counts:
        return f"{head}: 문제 없음"
    return f"{head}: 오류 {errors}건, 경고 {warnings}건 ({per_code})"
