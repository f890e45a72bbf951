"""The gold format (../shared/spec/output.md, "Gold format"): the one reader and validator of
gold JSON lines, used by ``fundparse eval`` and by corpus/tools/validate_gold.py.

``read_gold`` gives the documents that can be scored, the lines that cannot (errors), the
problems ``--validate`` reports and warnings; ``locate_amounts`` finds each gold amount in its
text the way scoring does.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any


KINDS = ("amounts", "splits", "periods")
MARKERS = ("approximate", "bound", "per", "range")
CATEGORIES = ("national", "provincial", "municipal", "local", "private", "self", "other")
PER_VALUES = {"year", "month", "week", "day", "hour", "person", "household", "item", "share",
              "area", "ton", "other"}
TOP_KEYS = {"id", "doc_date", "text", "amounts", "splits", "periods", "path", "findings"}
REQUIRED_KEYS = ("id", "doc_date", "text", "amounts", "splits", "periods")
AMOUNT_KEYS = {"text", "krw", "currency", "value", "start", "end", "approximate", "bound", "per",
               "range_high"}
SPLIT_KEYS = {"total_krw", "category", "label", "krw"}
PERIOD_KEYS = {"total_krw", "start", "end", "years"}
_DECIMAL = re.compile(r"\d+(?:\.\d+)?\Z")
_CURRENCY = re.compile(r"[A-Z]{3}\Z")
_GROUP = re.compile(r"(.+)-\d+\Z")


class UsageError(Exception):
    """Bad command line or an input file that cannot be used at all (exit 2)."""


@dataclass
class Item:
    """One scored amount: a span, a value and a currency (gold or engine)."""

    start: int
    end: int
    value: Decimal
    currency: str
    text: str
    high: bool = False          # the high end of a range
    source: Any = None          # gold amount dict, or the engine Mention / Split it came from
    part: bool = False          # engine: a split part (carries no markers)


@dataclass
class GoldDoc:
    id: str
    file: str
    line: int
    text: str
    doc_date: str | None
    amounts: list[dict]
    spans: list[tuple[int, int] | None]
    splits: list[dict]
    periods: list[dict]
    findings: list[str] | None
    path: str | None
    errors: list[str] = field(default_factory=list)   # make the document fail
    fatal: bool = False                                # not scored at all (gold counts as missed)


def group_of(doc_id: str) -> str:
    """'local-03' -> 'local' (the id prefix before the last "-NN")."""
    m = _GROUP.match(doc_id)
    return m.group(1) if m else doc_id


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def decimal_of(value: Any) -> Decimal | None:
    if isinstance(value, str) and _DECIMAL.match(value):
        try:
            return Decimal(value)
        except InvalidOperation:  # pragma: no cover - the pattern already rules this out
            return None
    return None


def _glued(text: str, at: int, surface: str) -> bool:
    """True when ``surface`` at ``at`` is part of a longer number ("12억" inside "412억")."""
    if surface[:1].isdigit() and at > 0:
        before = text[at - 1]
        if before.isdigit() or (before in ",." and at > 1 and text[at - 2].isdigit()):
            return True
    end = at + len(surface)
    if surface[-1:].isdigit() and end < len(text):
        after = text[end]
        if after.isdigit() or (after in ",." and end + 1 < len(text) and text[end + 1].isdigit()):
            return True
    return False


def find_surface(text: str, surface: str, pos: int) -> tuple[int, bool]:
    """Where ``surface`` occurs at or after ``pos``: (offset, clean).  An occurrence that is not
    glued to a neighbouring digit is preferred; ``clean`` is False when only a glued one exists.
    (-1, False) when there is none."""
    first = -1
    at = text.find(surface, pos)
    while at != -1:
        if not _glued(text, at, surface):
            return at, True
        if first == -1:
            first = at
        at = text.find(surface, at + 1)
    return first, False


def locate_amounts(text: str, amounts: Sequence[dict]) -> tuple[list[tuple[int, int] | None],
                                                                   list[str], list[str]]:
    """Spans of the gold amounts in text order.  Returns (spans, errors, doubts): an error is an
    amount that cannot be placed; a doubt one found only inside a longer number."""
    spans: list[tuple[int, int] | None] = []
    errors: list[str] = []
    doubts: list[str] = []
    pos = 0
    for n, a in enumerate(amounts):
        surface = a.get("text") if isinstance(a, dict) else None
        if not isinstance(surface, str) or not surface:
            spans.append(None)
            continue
        start, end = a.get("start"), a.get("end")
        if start is not None or end is not None:
            if not (_is_int(start) and _is_int(end) and 0 <= start <= end <= len(text)):
                errors.append(f"amount #{n} {surface!r}: start/end {start!r}/{end!r} out of range")
                spans.append(None)
                continue
            if text[start:end] != surface:
                errors.append(f"amount #{n} {surface!r}: text[{start}:{end}] is "
                              f"{text[start:end]!r}")
                spans.append(None)
                continue
            if start < pos:
                errors.append(f"amount #{n} {surface!r} at {start} is before the end of the "
                              f"previous amount ({pos}): amounts must be in text order")
            spans.append((start, end))
            pos = max(pos, end)
            continue
        at, clean = find_surface(text, surface, pos)
        if at == -1:
            where = "in the text" if pos == 0 else f"after offset {pos} (the previous amount)"
            errors.append(f"amount #{n} {surface!r} not found {where}")
            spans.append(None)
            continue
        if not clean:
            doubts.append(f"amount #{n} {surface!r} found only inside a longer number at {at}")
        spans.append((at, at + len(surface)))
        pos = at + len(surface)
    return spans, errors, doubts


def _share_of_total(split: dict) -> bool:
    """A part stated as a share of its total (국비 60%): its krw is a whole per-mille of the
    total's, and the text need not write it as an amount."""
    krw, total = split.get("krw"), split.get("total_krw")
    if not (_is_int(krw) and _is_int(total)) or total <= 0 or not 0 < krw <= total:
        return False
    return krw * 1000 % total == 0


def _valid_category(value: Any) -> bool:
    if not isinstance(value, str) or not value:
        return False
    parts = value.split("+")
    if any(p not in CATEGORIES for p in parts) or len(set(parts)) != len(parts):
        return False
    order = [CATEGORIES.index(p) for p in parts]
    return order == sorted(order)


def resolve_path(path: str, gold_file: str) -> Path | None:
    """The gold ``path``: relative to the gold file's folder, else to the working directory."""
    p = Path(path)
    if p.is_absolute():
        return p if p.exists() else None
    for candidate in (Path(gold_file).parent / p, Path.cwd() / p):
        if candidate.exists():
            return candidate
    return None


def _first_difference(a: str, b: str) -> str:
    n = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    return (f"first difference at offset {n}: reader {a[max(0, n - 10):n + 15]!r}, gold "
            f"{b[max(0, n - 10):n + 15]!r} (lengths {len(a)} and {len(b)})")


def check_path(path: str, gold_file: str, text: str) -> str | None:
    """None when the file at ``path`` reads (through fundparse.readers) to exactly ``text``."""
    found = resolve_path(path, gold_file)
    if found is None:
        return (f"path {path!r} not found (relative to {Path(gold_file).parent or '.'} or to "
                f"the working directory)")
    from fundparse.readers import ReadError, read_path

    try:
        doc = read_path(found)
    except ReadError as exc:
        return f"path {path!r} cannot be read: {exc}"
    if doc.text != text:
        return f"path {path!r}: the reader's text differs from the gold text; " + \
            _first_difference(doc.text, text)
    return None


def build_doc(rec: Any, gold_file: str, line: int, *, read_paths: bool = True
              ) -> tuple[GoldDoc | None, list[str], list[str], list[str]]:
    """Turn one gold line into a GoldDoc.  Returns (doc, errors, issues, warnings): ``errors``
    make the document fail (eval exits 1); ``issues`` are what --validate adds (types of
    optional fields, unknown keys, totals not among the amounts …) and do not stop scoring;
    ``warnings`` are printed by --validate without failing it."""
    errors: list[str] = []
    issues: list[str] = []
    warnings: list[str] = []
    if not isinstance(rec, dict):
        return None, ["not a JSON object"], [], []
    missing = [k for k in REQUIRED_KEYS if k not in rec]
    if missing:
        errors.append(f"missing field(s) {', '.join(missing)}")
    unknown = sorted(set(rec) - TOP_KEYS)
    if unknown:
        issues.append(f"unknown field(s) {', '.join(unknown)}")
    doc_id, text = rec.get("id"), rec.get("text")
    if "id" in rec and (not isinstance(doc_id, str) or not doc_id):
        errors.append("id must be a non-empty string")
    if "text" in rec and not isinstance(text, str):
        errors.append("text must be a string")
    for key in ("amounts", "splits", "periods"):
        if key in rec and not isinstance(rec[key], list):
            errors.append(f"{key} must be a list")
    for key, items in (("amounts", rec.get("amounts")), ("splits", rec.get("splits")),
                       ("periods", rec.get("periods"))):
        if isinstance(items, list) and not all(isinstance(x, dict) for x in items):
            errors.append(f"every entry of {key} must be an object")
    date = rec.get("doc_date")
    if date is not None:
        try:
            if not isinstance(date, str):
                raise ValueError
            dt.date.fromisoformat(date)
        except ValueError:
            errors.append(f"doc_date {date!r} is not null or YYYY-MM-DD")
    findings = rec.get("findings")
    if "findings" in rec and not (isinstance(findings, list)
                                  and all(isinstance(c, str) for c in findings)):
        errors.append("findings must be a list of codes")
        findings = None
    path = rec.get("path")
    if "path" in rec and not isinstance(path, str):
        errors.append("path must be a string")
        path = None
    if errors:
        return None, errors, issues, warnings

    amounts: list[dict] = rec["amounts"]
    for n, a in enumerate(amounts):
        label = f"amount #{n} {a.get('text')!r}"
        if not isinstance(a.get("text"), str) or not a.get("text"):
            errors.append(f"amount #{n}: text must be a non-empty string")
        currency = a.get("currency")
        if not isinstance(currency, str) or not _CURRENCY.match(currency):
            errors.append(f"{label}: currency {currency!r} is not an ISO 4217 code")
        value = decimal_of(a.get("value"))
        if value is None:
            errors.append(f"{label}: value {a.get('value')!r} is not a plain decimal string")
        krw = a.get("krw")
        if krw is not None and not _is_int(krw):
            errors.append(f"{label}: krw {krw!r} is not an integer or null")
        elif value is not None and currency == "KRW":
            if krw != int(value.to_integral_value(rounding="ROUND_HALF_EVEN")):
                issues.append(f"{label}: krw {krw!r} does not equal value {a.get('value')}")
        elif krw is not None and isinstance(currency, str) and currency != "KRW":
            issues.append(f"{label}: krw must be null for {currency} (eval passes no rates)")
        if "range_high" in a and a["range_high"] is not None:
            high = decimal_of(a["range_high"])
            if high is None:
                errors.append(f"{label}: range_high {a['range_high']!r} is not a plain decimal "
                              f"string")
            elif value is not None and high < value:
                issues.append(f"{label}: range_high {a['range_high']} is below value")
        if "approximate" in a and not isinstance(a["approximate"], bool):
            issues.append(f"{label}: approximate must be true or false")
        if "bound" in a and a["bound"] not in (None, "min", "max"):
            issues.append(f"{label}: bound {a['bound']!r} is not min, max or null")
        if "per" in a and a["per"] is not None and a["per"] not in PER_VALUES:
            issues.append(f"{label}: per {a['per']!r} is not one of "
                          f"{', '.join(sorted(PER_VALUES))}")
        extra = sorted(set(a) - AMOUNT_KEYS)
        if extra:
            issues.append(f"{label}: unknown field(s) {', '.join(extra)}")

    spans, locate_errors, doubts = locate_amounts(text, amounts)
    errors.extend(locate_errors)
    issues.extend(doubts)

    amount_krws: set[int | None] = set()
    for a in amounts:
        krw = a.get("krw")
        if _is_int(krw) or krw is None:
            amount_krws.add(krw)
        high = decimal_of(a.get("range_high"))
        if high is not None and a.get("currency") == "KRW":
            amount_krws.add(int(high.to_integral_value(rounding="ROUND_HALF_EVEN")))
    for n, s in enumerate(rec["splits"]):
        label = f"split #{n} {s.get('label')!r}"
        for key in ("total_krw", "krw"):
            if key not in s:
                errors.append(f"{label}: missing {key}")
            elif s[key] is not None and not _is_int(s[key]):
                errors.append(f"{label}: {key} {s[key]!r} is not an integer or null")
        if not _valid_category(s.get("category")):
            errors.append(f"{label}: category {s.get('category')!r} is not one of "
                          f"{', '.join(CATEGORIES)} (or several joined by + in that order)")
        if not isinstance(s.get("label"), str) or not s.get("label"):
            issues.append(f"split #{n}: label must be a non-empty string")
        if s.get("total_krw") not in amount_krws:
            issues.append(f"{label}: total_krw {s.get('total_krw')!r} is not the krw of any amount")
        if s.get("krw") not in amount_krws and not _share_of_total(s):
            warnings.append(f"{label}: krw {s.get('krw')!r} is not the krw of any amount (split "
                          f"parts are gold amounts too)")
        extra = sorted(set(s) - SPLIT_KEYS)
        if extra:
            issues.append(f"{label}: unknown field(s) {', '.join(extra)}")
    for n, p in enumerate(rec["periods"]):
        label = f"period #{n}"
        for key in ("total_krw", "start", "end", "years"):
            if key not in p:
                errors.append(f"{label}: missing {key}")
            elif p[key] is not None and not _is_int(p[key]):
                errors.append(f"{label}: {key} {p[key]!r} is not an integer or null")
        if p.get("total_krw") not in amount_krws:
            issues.append(f"{label}: total_krw {p.get('total_krw')!r} is not the krw of any amount")
        start, end, years = p.get("start"), p.get("end"), p.get("years")
        if (_is_int(start) and _is_int(end) and _is_int(years) and years != end - start + 1
                and findings is not None and "FP201" not in findings):
            issues.append(f"{label}: {start}-{end} is not {years} years and FP201 is not listed "
                          f"in findings")
        extra = sorted(set(p) - PERIOD_KEYS)
        if extra:
            issues.append(f"{label}: unknown field(s) {', '.join(extra)}")
    if findings is not None:
        from fundparse.checks import CHECKS

        for code in findings:
            if code not in CHECKS:
                issues.append(f"unknown finding code {code!r}")

    doc = GoldDoc(id=rec["id"], file=gold_file, line=line, text=text, doc_date=rec["doc_date"],
                  amounts=amounts, spans=spans, splits=rec["splits"], periods=rec["periods"],
                  findings=findings, path=path)
    if path is not None and read_paths:
        problem = check_path(path, gold_file, text)
        if problem:
            errors.append(problem + " (not scored: its gold counts as missed)")
            doc.fatal = True
    doc.errors = errors
    return doc, errors, issues, warnings


def read_gold(paths: Sequence[str], *, read_paths: bool = True
              ) -> tuple[list[GoldDoc], list[dict], list[dict], list[dict]]:
    """Every gold line of every file: (documents, errors, issues, warnings), each problem a dict
    {file, line, id, message}.  A file that cannot be opened raises UsageError."""
    docs: list[GoldDoc] = []
    errors: list[dict] = []
    issues: list[dict] = []
    warnings: list[dict] = []
    seen: dict[str, str] = {}
    for gold_file in paths:
        try:
            # split on "\n" only: JSON may hold U+2028 or U+0085 unescaped inside a string,
            # which str.splitlines() would take for line ends
            with open(gold_file, encoding="utf-8", newline="") as fh:
                lines = [line.removesuffix("\r") for line in fh.read().split("\n")]
        except (OSError, UnicodeDecodeError) as exc:
            raise UsageError(f"{gold_file}: cannot read gold file ({exc})") from exc
        for n, raw in enumerate(lines, 1):
            if not raw.strip():
                continue
            try:
                rec = json.loads(raw)
            except json.JSONDecodeError as exc:
                errors.append({"file": gold_file, "line": n, "id": None,
                               "message": f"not valid JSON: {exc}"})
                continue
            doc, errs, iss, warn = build_doc(rec, gold_file, n, read_paths=read_paths)
            doc_id = rec.get("id") if isinstance(rec, dict) else None
            doc_id = doc_id if isinstance(doc_id, str) else None
            errors.extend({"file": gold_file, "line": n, "id": doc_id, "message": m} for m in errs)
            issues.extend({"file": gold_file, "line": n, "id": doc_id, "message": m} for m in iss)
            warnings.extend({"file": gold_file, "line": n, "id": doc_id, "message": m}
                            for m in warn)
            if doc_id is not None:
                if doc_id in seen:
                    issues.append({"file": gold_file, "line": n, "id": doc_id,
                                   "message": f"id repeated (first at {seen[doc_id]})"})
                else:
                    seen[doc_id] = f"{gold_file}:{n}"
            if doc is not None:
                docs.append(doc)
    return docs, errors, issues, warnings
