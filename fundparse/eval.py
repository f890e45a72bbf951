"""``fundparse eval GOLD…``: score the engine against gold files (the contract's gold format).

    fundparse eval corpus/gold/*.jsonl                 # rich tables
    fundparse eval --json corpus/gold/*.jsonl          # one JSON object
    fundparse eval --validate corpus/gold/*.jsonl      # check the gold only, no engine
    fundparse eval --floor corpus/floor.json corpus/gold/*.jsonl

Scoring follows ../shared/spec/output.md, "Gold format":

* amounts — one item per gold amount on its span (located by searching for its ``text`` from the
  end of the previous amount, or ``start``/``end`` when given); a gold ``range_high`` and an
  engine ``range`` add a second item (the high end) on the same span; every engine split part,
  nested ones included, is an item on the part's own span.  A gold item matches the first unused
  engine item (text order) whose span overlaps and whose value (Decimal equality) and currency
  are equal.
* splits — multiset of (total_krw, category, krw); an engine part nested in a part has the
  outer part's ``krw`` as its total.
* periods — multiset of (total_krw, start, end).

Precision, recall and F1 are micro-averaged over all documents.  Marker accuracy
(approximate, bound, per, range) is measured over matched gold amounts; a field the gold leaves
out counts as false/null, and the accuracy over only the amounts where the gold states the field
is reported beside it.  Exit status: 0 fine, 1 when a document could not be scored (unreadable
``path``, reader text differing from the gold ``text``, an amount not found, an engine crash),
when ``--validate`` finds a problem or when an F1 is under its ``--floor``, 2 on a usage error.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from fractions import Fraction
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


# --------------------------------------------------------------------------------------------
# Gold records


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


def _decimal(value: Any) -> Decimal | None:
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
        value = _decimal(a.get("value"))
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
            high = _decimal(a["range_high"])
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
        high = _decimal(a.get("range_high"))
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
        if s.get("krw") not in amount_krws:
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


# --------------------------------------------------------------------------------------------
# Items from gold and from the engine


def gold_items(doc: GoldDoc) -> list[Item]:
    items = []
    for a, span in zip(doc.amounts, doc.spans):
        value = _decimal(a.get("value"))
        if value is None:
            continue
        start, end = span if span is not None else (-1, -1)
        items.append(Item(start, end, value, a.get("currency"), a.get("text"), source=a))
        high = _decimal(a.get("range_high"))
        if high is not None:
            items.append(Item(start, end, high, a.get("currency"), a.get("text"), high=True,
                              source=a))
    return items


def _walk_parts(parts: Iterable, parent_krw: int | None, out_items: list[Item] | None,
                out_splits: list[tuple[tuple, str]] | None) -> None:
    for part in parts:
        # A part given as a percentage ("국비 50%") states no money of its own: it is scored as
        # a split, not as an amount (the gold lists parts "bare or with their own unit").
        if out_items is not None and part.share is None:
            out_items.append(Item(part.start, part.end, part.value, part.currency, part.text,
                                  source=part, part=True))
        if out_splits is not None:
            out_splits.append(((parent_krw, part.category, part.krw), part.text))
        _walk_parts(part.splits, part.krw, out_items, out_splits)


def engine_items(mentions: Sequence) -> list[Item]:
    items: list[Item] = []
    for m in mentions:
        items.append(Item(m.start, m.end, m.value, m.currency, m.text, source=m))
        if m.range is not None:
            items.append(Item(m.start, m.end, m.range.high, m.currency, m.text, high=True,
                              source=m))
        _walk_parts(m.splits, m.krw, items, None)
    return items


def engine_splits(mentions: Sequence) -> list[tuple[tuple, str]]:
    out: list[tuple[tuple, str]] = []
    for m in mentions:
        _walk_parts(m.splits, m.krw, None, out)
    return out


def engine_periods(mentions: Sequence) -> list[tuple[tuple, str]]:
    return [((m.krw, m.period.start, m.period.end), m.period.text)
            for m in mentions if m.period is not None]


# --------------------------------------------------------------------------------------------
# Matching


def _overlap(a: Item, b: Item) -> bool:
    return a.start < b.end and b.start < a.end


def match_amounts(gold: Sequence[Item], engine: Sequence[Item]) -> list[tuple[Item, Item | None]]:
    """Greedy one-to-one in text order: each gold item takes the first unused engine item whose
    span overlaps and whose value and currency are equal.  Returns (gold, engine-or-None)."""
    order = sorted(range(len(engine)), key=lambda i: (engine[i].start, engine[i].end, i))
    used: set[int] = set()
    pairs: list[tuple[Item, Item | None]] = []
    for g in sorted(gold, key=lambda x: (x.start, x.end, x.high)):
        hit = None
        if g.start >= 0:  # an amount the gold could not place matches nothing
            for i in order:
                e = engine[i]
                if e.start >= g.end:
                    break  # sorted by start: nothing later can overlap
                if (i not in used and _overlap(g, e) and e.value == g.value
                        and e.currency == g.currency):
                    hit = i
                    break
        if hit is not None:
            used.add(hit)
        pairs.append((g, None if hit is None else engine[hit]))
    return pairs


def unmatched_engine(engine: Sequence[Item], pairs: Sequence[tuple[Item, Item | None]]
                     ) -> list[Item]:
    used = {id(e) for _, e in pairs if e is not None}
    return [e for e in engine if id(e) not in used]


def match_multiset(gold: Sequence[tuple[tuple, Any]], engine: Sequence[tuple[tuple, Any]]
                   ) -> tuple[int, list[Any], list[Any]]:
    """Multiset intersection of keys; returns (matched, gold extras left, engine extras left)."""
    left = list(engine)
    missed = []
    tp = 0
    for key, info in gold:
        for i, (ekey, _) in enumerate(left):
            if ekey == key:
                del left[i]
                tp += 1
                break
        else:
            missed.append((key, info))
    return tp, missed, left


# --------------------------------------------------------------------------------------------
# Scores


@dataclass
class Count:
    tp: int = 0
    gold: int = 0
    predicted: int = 0

    def add(self, other: Count) -> None:
        self.tp += other.tp
        self.gold += other.gold
        self.predicted += other.predicted

    def precision(self) -> Fraction:
        return Fraction(self.tp, self.predicted) if self.predicted else Fraction(1)

    def recall(self) -> Fraction:
        return Fraction(self.tp, self.gold) if self.gold else Fraction(1)

    def f1(self) -> Fraction:
        p, r = self.precision(), self.recall()
        return 2 * p * r / (p + r) if p + r else Fraction(0)

    def to_dict(self) -> dict[str, Any]:
        return {"gold": self.gold, "predicted": self.predicted, "matched": self.tp,
                "precision": _ratio(self.precision()), "recall": _ratio(self.recall()),
                "f1": _ratio(self.f1())}


def _ratio(value: Fraction) -> float:
    return round(float(value), 4)


@dataclass
class MarkerCount:
    correct: int = 0
    total: int = 0
    stated_correct: int = 0
    stated: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {"correct": self.correct, "total": self.total,
                "accuracy": _ratio(Fraction(self.correct, self.total)) if self.total else None,
                "stated_correct": self.stated_correct, "stated": self.stated,
                "stated_accuracy": (_ratio(Fraction(self.stated_correct, self.stated))
                                    if self.stated else None)}


def _engine_markers(e: Item) -> dict[str, Any]:
    if e.part:
        return {"approximate": False, "bound": None, "per": None, "range": None}
    m = e.source
    return {"approximate": bool(m.approximate), "bound": m.bound, "per": m.per,
            "range": None if m.range is None else m.range.high}


def _gold_markers(a: dict) -> tuple[dict[str, Any], set[str]]:
    stated = {k for k in ("approximate", "bound", "per") if k in a}
    if "range_high" in a:
        stated.add("range")
    return ({"approximate": bool(a.get("approximate", False)), "bound": a.get("bound"),
             "per": a.get("per"), "range": _decimal(a.get("range_high"))}, stated)


def _line_of(text: str, offset: int) -> int | None:
    return text.count("\n", 0, offset) + 1 if offset >= 0 else None


def _value_str(value: Decimal | None) -> str | None:
    if value is None:
        return None
    from fundparse.model import decimal_str

    return decimal_str(value)


@dataclass
class DocResult:
    doc: GoldDoc
    counts: dict[str, Count]
    misses: dict[str, list[dict]]
    false_positives: dict[str, list[dict]]
    markers: dict[str, MarkerCount]
    marker_errors: list[dict]
    findings_expected: set[str] | None = None
    findings_found: set[str] | None = None


def score_document(doc: GoldDoc, mentions: Sequence | None,
                   found_codes: Iterable[str] | None = None) -> DocResult:
    """Score one document given the engine's mentions (None: the engine did not run)."""
    mentions = list(mentions or ())
    counts = {k: Count() for k in KINDS}
    misses: dict[str, list[dict]] = {k: [] for k in KINDS}
    fps: dict[str, list[dict]] = {k: [] for k in KINDS}
    markers = {k: MarkerCount() for k in MARKERS}
    marker_errors: list[dict] = []

    g_items = gold_items(doc)
    e_items = engine_items(mentions)
    pairs = match_amounts(g_items, e_items)
    counts["amounts"] = Count(sum(1 for _, e in pairs if e is not None), len(g_items),
                              len(e_items))
    for g, e in pairs:
        if e is None:
            misses["amounts"].append({
                "id": doc.id, "text": g.text, "value": _value_str(g.value), "currency": g.currency,
                "line": _line_of(doc.text, g.start), "start": g.start if g.start >= 0 else None,
                **({"range": "high"} if g.high else {})})
            continue
        if g.high:
            continue
        want, stated = _gold_markers(g.source)
        got = _engine_markers(e)
        for key in MARKERS:
            ok = want[key] == got[key]
            mc = markers[key]
            mc.total += 1
            mc.correct += ok
            if key in stated:
                mc.stated += 1
                mc.stated_correct += ok
            if not ok:
                marker_errors.append({
                    "id": doc.id, "text": g.text, "field": key,
                    "gold": _value_str(want[key]) if key == "range" else want[key],
                    "got": _value_str(got[key]) if key == "range" else got[key],
                    "line": _line_of(doc.text, g.start)})
    for e in unmatched_engine(e_items, pairs):
        fps["amounts"].append({
            "id": doc.id, "text": e.text, "value": _value_str(e.value), "currency": e.currency,
            "line": _line_of(doc.text, e.start), "start": e.start,
            **({"range": "high"} if e.high else {}), **({"split_part": True} if e.part else {})})

    gold_splits = [((s.get("total_krw"), s.get("category"), s.get("krw")), s.get("label"))
                   for s in doc.splits]
    e_splits = engine_splits(mentions)
    tp, missed, extra = match_multiset(gold_splits, e_splits)
    counts["splits"] = Count(tp, len(gold_splits), len(e_splits))
    misses["splits"] = [{"id": doc.id, "total_krw": k[0], "category": k[1], "krw": k[2],
                         "label": label} for k, label in missed]
    fps["splits"] = [{"id": doc.id, "total_krw": k[0], "category": k[1], "krw": k[2],
                      "text": text} for k, text in extra]

    gold_periods = [((p.get("total_krw"), p.get("start"), p.get("end")), p.get("years"))
                    for p in doc.periods]
    e_periods = engine_periods(mentions)
    tp, missed, extra = match_multiset(gold_periods, e_periods)
    counts["periods"] = Count(tp, len(gold_periods), len(e_periods))
    misses["periods"] = [{"id": doc.id, "total_krw": k[0], "start": k[1], "end": k[2],
                          "years": years} for k, years in missed]
    fps["periods"] = [{"id": doc.id, "total_krw": k[0], "start": k[1], "end": k[2],
                       "text": text} for k, text in extra]

    result = DocResult(doc, counts, misses, fps, markers, marker_errors)
    if doc.findings is not None and found_codes is not None:
        result.findings_expected = set(doc.findings)
        result.findings_found = set(found_codes)
    return result


# --------------------------------------------------------------------------------------------
# Running the engine over the gold


def _extract(text: str, doc_date: str | None) -> list:
    from fundparse.pipeline import extract

    return extract(text, doc_date=doc_date)


def _check(text: str, doc_date: str | None) -> list:
    from fundparse.pipeline import check

    return check(text, doc_date=doc_date)


def evaluate(docs: Sequence[GoldDoc], errors: Sequence[dict], *,
             extract: Callable[[str, str | None], list] | None = None,
             check: Callable[[str, str | None], list] | None = None) -> dict[str, Any]:
    """Run the engine on every gold document and return the report (a JSON-ready dict)."""
    extract = extract or _extract
    check = check or _check
    results: list[DocResult] = []
    doc_errors: list[dict] = list(errors)
    for doc in docs:
        mentions = None
        codes = None
        if not doc.fatal:
            try:
                mentions = extract(doc.text, doc.doc_date)
                if doc.findings is not None:
                    codes = [f.code for f in check(doc.text, doc.doc_date)]
            except Exception as exc:  # an engine crash marks the document, not the whole run
                doc.errors.append(f"engine raised {type(exc).__name__}: {exc}")
                doc_errors.append({"file": doc.file, "line": doc.line, "id": doc.id,
                                   "message": doc.errors[-1]})
                mentions = None
        results.append(score_document(doc, mentions, codes))
    return build_report(results, doc_errors)


def _sum_counts(results: Iterable[DocResult]) -> dict[str, Count]:
    total = {k: Count() for k in KINDS}
    for r in results:
        for k in KINDS:
            total[k].add(r.counts[k])
    return total


def build_report(results: Sequence[DocResult], errors: Sequence[dict]) -> dict[str, Any]:
    total = _sum_counts(results)
    groups: dict[str, list[DocResult]] = {}
    for r in results:
        groups.setdefault(group_of(r.doc.id), []).append(r)
    markers = {k: MarkerCount() for k in MARKERS}
    for r in results:
        for k in MARKERS:
            m, o = markers[k], r.markers[k]
            m.correct += o.correct
            m.total += o.total
            m.stated += o.stated
            m.stated_correct += o.stated_correct

    with_findings = [r for r in results if r.findings_expected is not None]
    expected = sum(len(r.findings_expected) for r in with_findings)
    hits = sum(len(r.findings_expected & r.findings_found) for r in with_findings)
    alarms = [r for r in with_findings if r.findings_found - r.findings_expected]
    findings = {
        "documents": len(with_findings),
        "expected": expected,
        "raised_expected": hits,
        "recall": _ratio(Fraction(hits, expected)) if expected else None,
        "false_alarm_documents": len(alarms),
        "false_alarm_rate": (_ratio(Fraction(len(alarms), len(with_findings)))
                             if with_findings else None),
        "missed": [{"id": r.doc.id, "codes": sorted(r.findings_expected - r.findings_found)}
                   for r in with_findings if r.findings_expected - r.findings_found],
        "false_alarms": [{"id": r.doc.id, "codes": sorted(r.findings_found - r.findings_expected)}
                         for r in alarms],
    }
    return {
        "documents": len(results),
        "scores": {k: total[k].to_dict() for k in KINDS},
        "markers": {k: markers[k].to_dict() for k in MARKERS},
        "groups": {
            name: {"documents": len(rs), **{k: c.to_dict() for k, c in _sum_counts(rs).items()}}
            for name, rs in sorted(groups.items())
        },
        "findings": findings,
        "misses": {k: [m for r in results for m in r.misses[k]] for k in KINDS},
        "false_positives": {k: [m for r in results for m in r.false_positives[k]] for k in KINDS},
        "marker_errors": [m for r in results for m in r.marker_errors],
        "errors": list(errors),
        "per_document": [
            {"id": r.doc.id, "file": r.doc.file, "line": r.doc.line,
             **{k: {"gold": r.counts[k].gold, "predicted": r.counts[k].predicted,
                    "matched": r.counts[k].tp} for k in KINDS}}
            for r in results
        ],
        "_exact": {k: total[k] for k in KINDS},   # removed before printing
    }


# --------------------------------------------------------------------------------------------
# Floor


def read_floor(path: str) -> dict[str, Decimal]:
    try:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh, parse_float=Decimal, parse_int=Decimal)
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"{path}: cannot read floor file ({exc})") from exc
    except json.JSONDecodeError as exc:
        raise UsageError(f"{path}: not valid JSON ({exc})") from exc
    if not isinstance(data, dict):
        raise UsageError(f"{path}: the floor must be a JSON object like "
                         '{"amounts": 0.95, "splits": 0.9, "periods": 0.9}')
    floors: dict[str, Decimal] = {}
    for key, value in data.items():
        if key.startswith("_") or key in ("note", "comment"):
            continue  # room for a note beside the numbers
        if key not in KINDS:
            raise UsageError(f"{path}: unknown key {key!r} (expected {', '.join(KINDS)})")
        if not isinstance(value, Decimal) or not Decimal(0) <= value <= Decimal(1):
            raise UsageError(f"{path}: {key} must be a number between 0 and 1, not {value!r}")
        floors[key] = value
    return floors


def floor_failures(exact: dict[str, Count], floors: dict[str, Decimal]) -> list[dict]:
    out = []
    for key, floor in floors.items():
        f1 = exact[key].f1()
        if f1 < Fraction(floor):
            out.append({"kind": key, "f1": _ratio(f1), "floor": float(floor)})
    return out


# --------------------------------------------------------------------------------------------
# Output


def _fmt(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:.4f}"
    return str(value)


def print_tables(report: dict[str, Any], floors: dict[str, Decimal] | None,
                 failures: list[dict], file=None) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(file=file or sys.stdout, soft_wrap=False)

    def broken_pipe() -> None:  # rich would exit 1 here; let main() keep the real verdict
        raise BrokenPipeError

    console.on_broken_pipe = broken_pipe  # type: ignore[method-assign]
    if report["errors"]:
        table = Table(title="Gold document problems", style="red")
        for col in ("file:line", "id", "problem"):
            table.add_column(col, overflow="fold")
        for e in report["errors"]:
            table.add_row(f"{e['file']}:{e['line']}", e["id"] or "—", e["message"])
        console.print(table)

    table = Table(title=f"fundparse eval — {report['documents']} documents")
    for col in ("", "gold", "engine", "matched", "precision", "recall", "F1"):
        table.add_column(col, justify="right" if col else "left")
    if floors:
        table.add_column("floor", justify="right")
    for k in KINDS:
        s = report["scores"][k]
        row = [k, str(s["gold"]), str(s["predicted"]), str(s["matched"]),
               _fmt(s["precision"]), _fmt(s["recall"]), _fmt(s["f1"])]
        if floors:
            bad = any(f["kind"] == k for f in failures)
            row.append(("[red]" if bad else "") + (str(floors[k]) if k in floors else "—")
                       + (" ✗[/red]" if bad else ""))
        table.add_row(*row)
    console.print(table)

    table = Table(title="Markers over matched gold amounts")
    for col in ("marker", "correct", "accuracy", "stated in gold", "accuracy where stated"):
        table.add_column(col, justify="right" if col != "marker" else "left")
    for k, m in report["markers"].items():
        table.add_row(k, f"{m['correct']}/{m['total']}", _fmt(m["accuracy"]),
                      str(m["stated"]), _fmt(m["stated_accuracy"]))
    console.print(table)

    if len(report["groups"]) > 1:
        table = Table(title="By group (F1, matched/gold/engine)")
        table.add_column("group")
        table.add_column("docs", justify="right")
        for k in KINDS:
            table.add_column(k, justify="right")
        for name, g in report["groups"].items():
            table.add_row(name, str(g["documents"]), *(
                f"{_fmt(g[k]['f1'])}  {g[k]['matched']}/{g[k]['gold']}/{g[k]['predicted']}"
                for k in KINDS))
        console.print(table)

    f = report["findings"]
    if f["documents"]:
        console.print(f"check findings (informational): recall {_fmt(f['recall'])} "
                      f"({f['raised_expected']}/{f['expected']} expected codes raised), "
                      f"false alarms in {f['false_alarm_documents']}/{f['documents']} documents "
                      f"(rate {_fmt(f['false_alarm_rate'])})")
        for m in f["missed"]:
            console.print(f"  not raised  {m['id']}: {', '.join(m['codes'])}")
        for m in f["false_alarms"]:
            console.print(f"  false alarm {m['id']}: {', '.join(m['codes'])}")

    def listing(title: str, rows: list[dict], kind: str) -> None:
        if not rows:
            return
        table = Table(title=f"{title} ({len(rows)})")
        if kind == "amounts":
            cols = ("id", "line", "text", "value", "currency", "note")
        elif kind == "splits":
            cols = ("id", "total_krw", "category", "krw", "label/text")
        else:
            cols = ("id", "total_krw", "start", "end", "years/text")
        for col in cols:
            table.add_column(col, overflow="fold")
        for r in rows:
            if kind == "amounts":
                note = " ".join(x for x in ("range high" if r.get("range") else "",
                                            "split part" if r.get("split_part") else "") if x)
                table.add_row(r["id"], _fmt(r.get("line")), r["text"], _fmt(r["value"]),
                              r["currency"], note)
            elif kind == "splits":
                table.add_row(r["id"], _fmt(r["total_krw"]), r["category"], _fmt(r["krw"]),
                              _fmt(r.get("label", r.get("text"))))
            else:
                table.add_row(r["id"], _fmt(r["total_krw"]), _fmt(r["start"]), _fmt(r["end"]),
                              _fmt(r.get("years", r.get("text"))))
        console.print(table)

    for k in KINDS:
        listing(f"Missed {k}", report["misses"][k], k)
        listing(f"False-positive {k}", report["false_positives"][k], k)
    if report["marker_errors"]:
        count = len(report["marker_errors"])
        table = Table(title=f"Marker differences on matched amounts ({count})")
        for col in ("id", "line", "text", "marker", "gold", "engine"):
            table.add_column(col, overflow="fold")
        for r in report["marker_errors"]:
            table.add_row(r["id"], _fmt(r["line"]), r["text"], r["field"], _fmt(r["gold"]),
                          _fmt(r["got"]))
        console.print(table)
    for fail in failures:
        console.print(f"[red]F1 for {fail['kind']} is {fail['f1']:.4f}, below the floor "
                      f"{fail['floor']}[/red]")


def _problem_line(p: dict) -> str:
    where = f"{p['file']}:{p['line']}"
    return f"{where}: {p['id']}: {p['message']}" if p.get("id") else f"{where}: {p['message']}"


def run_validate(paths: Sequence[str], as_json: bool, out) -> int:
    docs, errors, issues, warnings = read_gold(paths)
    problems = sorted([*errors, *issues], key=lambda p: (p["file"], p["line"]))
    if as_json:
        json.dump({"valid": not problems, "documents": len(docs), "files": len(paths),
                   "problems": problems, "warnings": warnings}, out, ensure_ascii=False,
                  indent=2)
        out.write("\n")
    else:
        for p in problems:
            print(_problem_line(p), file=out)
        for p in warnings:
            print("warning: " + _problem_line(p), file=out)
        amounts = sum(len(d.amounts) for d in docs)
        splits = sum(len(d.splits) for d in docs)
        periods = sum(len(d.periods) for d in docs)
        state = "ok" if not problems else f"{len(problems)} problem(s)"
        print(f"{len(paths)} gold file(s), {len(docs)} documents, {amounts} amounts, {splits} "
              f"splits, {periods} periods: {state}", file=out)
    return 1 if problems else 0


def build_parser() -> argparse.ArgumentParser:
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


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(list(sys.argv[1:] if argv is None else argv))
    except SystemExit as exc:  # argparse: --help is 0, a usage error 2
        return int(exc.code or 0)
    out = sys.stdout
    try:
        for path in args.gold:
            if not os.path.isfile(path):
                raise UsageError(f"{path}: no such gold file")
        if args.validate:
            return run_validate(args.gold, args.json, out)
        floors = read_floor(args.floor) if args.floor else None
        docs, errors, _issues, _warnings = read_gold(args.gold)
    except UsageError as exc:
        print(f"fundparse eval: {exc}", file=sys.stderr)
        return 2
    report = evaluate(docs, errors)
    exact = report.pop("_exact")
    failures = floor_failures(exact, floors) if floors else []
    if floors is not None:
        report["floor"] = {"file": args.floor, "floors": {k: float(v) for k, v in floors.items()},
                           "failures": failures}
    try:
        if args.json:
            json.dump(report, out, ensure_ascii=False, indent=2)
            out.write("\n")
        else:
            print_tables(report, floors, failures, out)
        out.flush()
    except BrokenPipeError:  # `fundparse eval … | head`: the verdict still stands
        os.dup2(os.open(os.devnull, os.O_WRONLY), out.fileno())
    for fail in failures:
        print(f"fundparse eval: F1 for {fail['kind']} {fail['f1']:.4f} is below the floor "
              f"{fail['floor']}", file=sys.stderr)
    if report["errors"]:
        print(f"fundparse eval: {len(report['errors'])} gold document problem(s); see "
              f"'errors' above (fundparse eval --validate shows more)", file=sys.stderr)
    return 1 if failures or report["errors"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
