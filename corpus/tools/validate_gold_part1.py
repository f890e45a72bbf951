"""Check the hand-written gold of corpus part 1 (local, release, furniture, inconsistent).

    python corpus/tools/validate_gold_part1.py            # check, print a summary per group
    python corpus/tools/validate_gold_part1.py --context  # also show where each amount was found

Checks, per gold line: the JSON parses and has the gold fields; ``path`` (relative to the gold
file) reads back to exactly ``text``; the document has 10-60 lines; every amount's ``text`` is
found searching forward from the end of the amount before it, not glued to a neighbouring digit;
``value`` is an exact decimal string and ``krw`` equals it for KRW; every split total, nested
total and period total is among the amounts' KRW values; categories and finding codes are known.
It uses only the standard library and never imports fundparse: the gold must stand on its own.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from decimal import Decimal, InvalidOperation
from pathlib import Path

GOLD_DIR = Path(__file__).resolve().parent.parent / "gold"
GROUPS = ("local", "release", "furniture", "inconsistent")
KEYS = {"id", "path", "doc_date", "text", "amounts", "splits", "periods", "findings"}
CATEGORIES = {"national", "provincial", "municipal", "local", "private", "self", "other",
              "national+provincial"}
FINDINGS = {"FP101", "FP102", "FP103", "FP201", "FP202", "FP301", "FP401"}
MARKERS = {"approximate", "bound", "per", "range_high"}
PER = {"year", "month", "week", "day", "hour", "person", "household", "item", "share", "area",
       "ton", "other"}
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
DECIMAL = re.compile(r"\d+(\.\d+)?")


def find_amount(text: str, surface: str, pos: int) -> int:
    """First occurrence of ``surface`` at/after ``pos`` that is not part of a longer number."""
    while True:
        at = text.find(surface, pos)
        if at < 0:
            return -1
        before = text[at - 1] if at else ""
        after = text[at + len(surface)] if at + len(surface) < len(text) else ""
        glued_before = before.isdigit() or (before in ",." and at > 1 and text[at - 2].isdigit())
        follow = text[at + len(surface) + 1: at + len(surface) + 2]
        glued_after = surface[-1].isdigit() and (
            after.isdigit() or (after in ",." and after != "" and follow.isdigit()))
        if not (glued_before or glued_after):
            return at
        pos = at + 1


def check_line(rec: dict, gold_file: Path, show: bool) -> list[str]:
    errors: list[str] = []
    err = errors.append
    missing = KEYS - rec.keys()
    if missing:
        return [f"missing keys {sorted(missing)}"]
    text = rec["text"]
    source = (gold_file.parent / rec["path"]).resolve()
    if not source.is_file():
        err(f"path {rec['path']} does not exist")
    elif source.read_text(encoding="utf-8") != text:
        err(f"text differs from {rec['path']}")
    lines = text.count("\n") + (0 if text.endswith("\n") else 1)
    if not 10 <= lines <= 60:
        err(f"{lines} lines (want 10-60)")
    if rec["doc_date"] is not None and not DATE.fullmatch(rec["doc_date"]):
        err(f"doc_date {rec['doc_date']!r}")

    krws: set[int] = set()
    pos = 0
    for n, a in enumerate(rec["amounts"]):
        surface = a.get("text", "")
        at = find_amount(text, surface, pos)
        if at < 0:
            err(f"amount #{n} {surface!r} not found after offset {pos}")
            continue
        pos = at + len(surface)
        if show:
            line_no = text.count("\n", 0, at) + 1
            ctx = text[max(0, at - 14):at] + "[" + surface + "]" + text[pos:pos + 8]
            print(f"    {rec['id']}:{line_no} {a.get('value', '?'):>18} {ctx.replace(chr(10), ' ')}")
        if not DECIMAL.fullmatch(str(a.get("value", ""))):
            err(f"amount {surface!r}: value {a.get('value')!r} is not a plain decimal string")
            continue
        try:
            value = Decimal(a["value"])
        except InvalidOperation:
            err(f"amount {surface!r}: bad value")
            continue
        if a.get("currency") == "KRW":
            if a.get("krw") != int(value) or value != int(value):
                err(f"amount {surface!r}: krw {a.get('krw')} != value {a['value']}")
            krws.add(a["krw"])
        elif a.get("krw") is not None:
            err(f"amount {surface!r}: foreign currency must have krw null")
        for key in set(a) - {"text", "krw", "currency", "value"}:
            if key not in MARKERS:
                err(f"amount {surface!r}: unknown field {key}")
        if "per" in a and a["per"] not in PER:
            err(f"amount {surface!r}: per {a['per']!r}")
        if "bound" in a and a["bound"] not in ("min", "max"):
            err(f"amount {surface!r}: bound {a['bound']!r}")

    for s in rec["splits"]:
        if s["total_krw"] not in krws:
            err(f"split total {s['total_krw']:,} is not an amount")
        if s["category"] not in CATEGORIES:
            err(f"split category {s['category']!r}")
        if not s.get("label"):
            err("split without label")
    for p in rec["periods"]:
        if p["total_krw"] not in krws:
            err(f"period total {p['total_krw']:,} is not an amount")
        if p["start"] is not None and p["end"] is not None and p["years"] is not None:
            if p["years"] != p["end"] - p["start"] + 1 and "FP201" not in rec["findings"]:
                err(f"period {p} years disagree but FP201 not expected")
    for code in rec["findings"]:
        if code not in FINDINGS:
            err(f"unknown finding {code}")
    return errors


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--context", action="store_true", help="print each amount in context")
    args = parser.parse_args(argv)
    failed = 0
    print(f"{'group':<14}{'docs':>6}{'amounts':>9}{'splits':>8}{'periods':>9}{'findings':>10}")
    for group in GROUPS:
        gold_file = GOLD_DIR / f"{group}.jsonl"
        counts = [0, 0, 0, 0, 0]
        seen: set[str] = set()
        for n, raw in enumerate(gold_file.read_text(encoding="utf-8").splitlines(), 1):
            try:
                rec = json.loads(raw)
            except json.JSONDecodeError as exc:
                print(f"{gold_file.name}:{n}: JSON: {exc}")
                failed += 1
                continue
            if rec.get("id") in seen or not str(rec.get("id", "")).startswith(group + "-"):
                print(f"{gold_file.name}:{n}: bad or repeated id {rec.get('id')!r}")
                failed += 1
            seen.add(rec.get("id"))
            if args.context:
                print(f"  {rec.get('id')}")
            for e in check_line(rec, gold_file, args.context):
                print(f"{gold_file.name}:{n}: {rec.get('id')}: {e}")
                failed += 1
            counts[0] += 1
            for i, key in enumerate(("amounts", "splits", "periods", "findings"), 1):
                counts[i] += len(rec.get(key, []))
        print(f"{group:<14}" + "".join(f"{c:>{w}}" for c, w in zip(counts, (6, 9, 8, 9, 10))))
    print("OK" if not failed else f"{failed} problem(s)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
