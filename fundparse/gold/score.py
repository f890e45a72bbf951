"""Scoring the engine against gold documents (read by fundparse.gold.read).

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

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Any

from fundparse.gold.read import (
    KINDS,
    MARKERS,
    GoldDoc,
    Item,
    UsageError,
    decimal_of,
    group_of,
)


def gold_items(doc: GoldDoc) -> list[Item]:
    items = []
    for a, span in zip(doc.amounts, doc.spans):
        value = decimal_of(a.get("value"))
        if value is None:
            continue
        start, end = span if span is not None else (-1, -1)
        items.append(Item(start, end, value, a.get("currency"), a.get("text"), source=a))
        high = decimal_of(a.get("range_high"))
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
    # one figure two sources each pay ("300억원(국비·지방비 150억원씩)") is one amount of the text,
    # however many parts it stands for
    seen: set[tuple] = set()
    kept = []
    for item in items:
        key = (item.start, item.end, item.value, item.currency)
        if item.part and key in seen:
            continue
        seen.add(key)
        kept.append(item)
    return kept


def engine_splits(mentions: Sequence) -> list[tuple[tuple, str]]:
    out: list[tuple[tuple, str]] = []
    for m in mentions:
        _walk_parts(m.splits, m.krw, None, out)
    return out


def engine_periods(mentions: Sequence) -> list[tuple[tuple, str]]:
    return [((m.krw, m.period.start, m.period.end), m.period.text)
            for m in mentions if m.period is not None]


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
             "per": a.get("per"), "range": decimal_of(a.get("range_high"))}, stated)


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

    for kind, keys, note, engine in (
            ("splits", ("total_krw", "category", "krw"), "label", engine_splits(mentions)),
            ("periods", ("total_krw", "start", "end"), "years", engine_periods(mentions))):
        gold = [(tuple(g.get(k) for k in keys), g.get(note)) for g in getattr(doc, kind)]
        tp, missed, extra = match_multiset(gold, engine)
        counts[kind] = Count(tp, len(gold), len(engine))
        misses[kind] = [{"id": doc.id, **dict(zip(keys, k)), note: said} for k, said in missed]
        fps[kind] = [{"id": doc.id, **dict(zip(keys, k)), "text": text} for k, text in extra]

    result = DocResult(doc, counts, misses, fps, markers, marker_errors)
    if doc.findings is not None and found_codes is not None:
        result.findings_expected = set(doc.findings)
        result.findings_found = set(found_codes)
    return result


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
