"""Check the hand-written gold of corpus part 2 (national, foreign, support, budgetbook, variants).

    python corpus/tools/validate_gold_part2.py             # check, print a summary per group
    python corpus/tools/validate_gold_part2.py --context   # also show each amount where it was found
    python corpus/tools/validate_gold_part2.py --no-reader # do not compare with fundparse's readers

Per gold line it checks: the JSON parses and has exactly the gold fields; the id is unique and
names its file; ``doc_date`` is null or YYYY-MM-DD; ``path`` (relative to the gold file) gives
back exactly ``text`` (UTF-8 documents are read as they are; variants are decoded by their own
encoding, and HTML/HWPX variants through the small reader in make_variants.py); documents have
10-60 lines; every amount's ``text`` is found searching forward from the end of the amount before
it (as the evaluation locates it) and is not glued to a neighbouring digit; ``value`` is an exact
decimal string, ``krw`` equals it for KRW and is null for foreign currency; markers are known and
``range_high`` exceeds ``value``; every split total, split part and period total is among the
amounts' KRW values; categories and finding codes are known; a period whose years disagree with
its span, or whose start is after its end, carries FP201/FP202; split parts adding up to more
than their total carry FP101 or FP103; a variant repeats its source's amounts, splits, periods
and findings.

When ``fundparse.readers.read_path`` can be imported, each variant is also read with it and any
difference from the gold ``text`` is reported (a warning: the readers belong to another part of
the project).  Only the standard library is needed otherwise; fundparse's engine is never used.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from decimal import Decimal, InvalidOperation
from pathlib import Path

TOOLS = Path(__file__).resolve().parent
GOLD_DIR = TOOLS.parent / "gold"
GROUPS = ("national", "foreign", "support", "budgetbook", "variants")
KEYS = {"id", "path", "doc_date", "text", "amounts", "splits", "periods", "findings"}
AMOUNT_KEYS = {"text", "krw", "currency", "value"}
MARKERS = {"approximate", "bound", "per", "range_high", "start", "end"}
CATEGORIES = {"national", "provincial", "municipal", "local", "private", "self", "other",
              "national+provincial"}
CURRENCIES = {"KRW", "USD", "EUR", "JPY", "CNY", "GBP", "CAD", "AUD", "HKD"}
FINDINGS = {"FP101", "FP102", "FP103", "FP201", "FP202", "FP301", "FP401"}
PER = {"year", "month", "week", "day", "hour", "person", "household", "item", "share", "area",
       "ton", "other"}
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
DECIMAL = re.compile(r"\d+(\.\d+)?")


def glued(text: str, at: int, surface: str) -> bool:
    """True when ``text[at:]`` starting with ``surface`` is the tail or head of a longer number."""
    before = text[at - 1] if at else ""
    end = at + len(surface)
    after = text[end] if end < len(text) else ""
    follow = text[end + 1] if end + 1 < len(text) else ""
    glued_before = surface[0].isdigit() and (
        before.isdigit() or (before in ",." and before != "" and at > 1 and text[at - 2].isdigit()))
    glued_after = surface[-1].isdigit() and (
        after.isdigit() or (after in ",." and after != "" and follow.isdigit()))
    return glued_before or glued_after


def read_variant(path: Path) -> str:
    """The text of a variant file by its own encoding (independent of fundparse)."""
    sys.path.insert(0, str(TOOLS))
    try:
        import make_variants  # noqa: PLC0415 - a sibling script
    finally:
        sys.path.pop(0)
    name = path.name
    data = path.read_bytes()
    if name.endswith(".cp949.txt"):
        return data.decode("cp949")
    if name.endswith(".euc-kr.txt"):
        return data.decode("euc-kr")
    if name.endswith(".utf16.txt"):
        return data.decode("utf-16")
    if name.endswith(".utf8-bom.txt"):
        return data.decode("utf-8-sig")
    if name.endswith(".html"):
        return make_variants.html_text(data.decode("utf-8"))
    if name.endswith(".hwpx"):
        return make_variants.hwpx_text(path)
    return data.decode("utf-8")


def decimal(value: object) -> Decimal | None:
    if not isinstance(value, str) or not DECIMAL.fullmatch(value):
        return None
    try:
        return Decimal(value)
    except InvalidOperation:
        return None


def check_line(rec: dict, gold_file: Path, show: bool) -> list[str]:
    errors: list[str] = []
    err = errors.append
    if set(rec) != KEYS:
        return [f"fields {sorted(rec)} differ from {sorted(KEYS)}"]
    text = rec["text"]
    group = gold_file.stem
    if not re.fullmatch(rf"{group}-\d\d", rec["id"]):
        err(f"id {rec['id']!r} is not {group}-NN")
    if rec["doc_date"] is not None and not (isinstance(rec["doc_date"], str)
                                            and DATE.fullmatch(rec["doc_date"])):
        err(f"doc_date {rec['doc_date']!r}")
    source = (gold_file.parent / rec["path"]).resolve()
    if not source.is_file():
        err(f"path {rec['path']} does not exist")
    else:
        if group == "variants":
            got = read_variant(source)
        else:
            if source.stem != rec["id"]:
                err(f"path {rec['path']} does not name {rec['id']}")
            got = source.read_text(encoding="utf-8")
        if got != text:
            err(f"text differs from {rec['path']} as read")
    nlines = len(text.splitlines())
    if not 10 <= nlines <= 60:
        err(f"{nlines} lines (want 10-60)")

    krws: list[int] = []
    pos = 0
    for i, amount in enumerate(rec["amounts"]):
        where = f"amount {i} {amount.get('text')!r}"
        if not AMOUNT_KEYS <= set(amount) or set(amount) - AMOUNT_KEYS - MARKERS:
            err(f"{where}: fields {sorted(amount)}")
            continue
        surface = amount["text"]
        at = amount["start"] if "start" in amount else text.find(surface, pos)
        if at < 0 or text[at:at + len(surface)] != surface:
            err(f"{where}: not found after offset {pos}")
            continue
        if "end" in amount and amount["end"] != at + len(surface):
            err(f"{where}: end {amount['end']} != {at + len(surface)}")
        if glued(text, at, surface):
            err(f"{where}: found glued to a neighbouring number at {at}; give start/end")
        pos = at + len(surface)
        value = decimal(amount["value"])
        if value is None:
            err(f"{where}: value {amount['value']!r} is not an exact decimal string")
            continue
        if amount["currency"] not in CURRENCIES:
            err(f"{where}: currency {amount['currency']!r}")
        if amount["currency"] == "KRW":
            if not isinstance(amount["krw"], int) or Decimal(amount["krw"]) != value:
                err(f"{where}: krw {amount['krw']!r} != value {amount['value']}")
            else:
                krws.append(amount["krw"])
        elif amount["krw"] is not None:
            err(f"{where}: foreign currency with krw {amount['krw']!r}")
        if "approximate" in amount and amount["approximate"] is not True:
            err(f"{where}: approximate must be true when given")
        if amount.get("bound", "min") not in ("min", "max"):
            err(f"{where}: bound {amount['bound']!r}")
        if amount.get("per", "year") not in PER:
            err(f"{where}: per {amount['per']!r}")
        if "range_high" in amount:
            high = decimal(amount["range_high"])
            if high is None or high <= value:
                err(f"{where}: range_high {amount['range_high']!r} not above value")
        if show:
            line = text.count("\n", 0, at) + 1
            ctx = (text[max(0, at - 10):at] + "[" + surface + "]" + text[pos:pos + 6])
            print(f"    L{line:<3} {ctx.replace(chr(10), '⏎').replace(chr(9), '→')}  "
                  f"{amount['value']} {amount['currency']}")

    findings = rec["findings"]
    for code in findings:
        if code not in FINDINGS:
            err(f"finding {code!r}")
    groups: list[tuple[int, dict[str, int]]] = []   # one stated breakdown each
    for j, split in enumerate(rec["splits"]):
        if set(split) != {"total_krw", "category", "label", "krw"}:
            err(f"split {j}: fields {sorted(split)}")
            continue
        if split["category"] not in CATEGORIES:
            err(f"split {j}: category {split['category']!r}")
        if split["total_krw"] not in krws:
            err(f"split {j}: total {split['total_krw']} is not an amount")
        if split["krw"] not in krws:
            # a percentage share ("국비 50%") is a split but not an amount
            if not (isinstance(split["krw"], int) and 0 < split["krw"] <= split["total_krw"]):
                err(f"split {j}: part {split['krw']} is neither an amount nor a share of its total")
        if not isinstance(split["label"], str) or not split["label"]:
            err(f"split {j}: label {split['label']!r}")
            continue
        # consecutive parts of one total form one breakdown until a label comes round again
        if groups and groups[-1][0] == split["total_krw"] and split["label"] not in groups[-1][1]:
            groups[-1][1][split["label"]] = split["krw"]
        else:
            groups.append((split["total_krw"], {split["label"]: split["krw"]}))
    for total, parts in groups:
        if sum(parts.values()) > total and not {"FP101", "FP103"} & set(findings):
            err(f"splits of {total} add up to {sum(parts.values())} but no FP101/FP103 is listed")
    for k, period in enumerate(rec["periods"]):
        if set(period) != {"total_krw", "start", "end", "years"}:
            err(f"period {k}: fields {sorted(period)}")
            continue
        if period["total_krw"] not in krws:
            err(f"period {k}: total {period['total_krw']} is not an amount")
        start, end, years = period["start"], period["end"], period["years"]
        if start is not None and end is not None:
            if start > end and "FP202" not in findings:
                err(f"period {k}: {start} after {end} but no FP202")
            if start <= end and years is not None and years != end - start + 1 \
                    and "FP201" not in findings:
                err(f"period {k}: {years} years for {start}-{end} but no FP201")
    return errors


def reader_difference(rec: dict, gold_file: Path) -> str | None:
    try:
        from fundparse.readers import read_path  # noqa: PLC0415
    except ImportError:
        return None
    source = (gold_file.parent / rec["path"]).resolve()
    try:
        got = read_path(str(source)).text
    except Exception as exc:  # noqa: BLE001 - report whatever the reader raises
        return f"read_path failed: {type(exc).__name__}: {exc}"
    if got == rec["text"]:
        return None
    a, b = got.split("\n"), rec["text"].split("\n")
    for n, (x, y) in enumerate(zip(a, b), 1):
        if x != y:
            return f"line {n}: reader {x!r} / gold {y!r}"
    return f"reader gives {len(got)} chars in {len(a)} lines, gold {len(rec['text'])} in {len(b)}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--context", action="store_true", help="show every amount in place")
    parser.add_argument("--no-reader", action="store_true",
                        help="do not compare variants with fundparse.readers.read_path")
    args = parser.parse_args(argv)
    bad = 0
    seen: set[str] = set()
    by_id: dict[str, dict] = {}
    print(f"{'group':<11} {'docs':>4} {'amounts':>7} {'splits':>6} {'periods':>7} {'findings':>8}")
    for group in GROUPS:
        gold_file = GOLD_DIR / f"{group}.jsonl"
        counts = [0, 0, 0, 0, 0]
        for n, raw in enumerate(gold_file.read_text(encoding="utf-8").splitlines(), 1):
            try:
                rec = json.loads(raw)
            except json.JSONDecodeError as exc:
                print(f"{gold_file.name}:{n}: not JSON: {exc}")
                bad += 1
                continue
            if args.context:
                print(f"  {rec.get('id')}")
            errors = check_line(rec, gold_file, args.context)
            if rec["id"] in seen:
                errors.append("duplicate id")
            seen.add(rec["id"])
            by_id[rec["id"]] = rec
            if group == "variants":
                src_id = Path(rec["path"]).name.split(".")[0]
                src = by_id.get(src_id)
                if src is None:
                    errors.append(f"source {src_id} has no gold line")
                else:
                    for key in ("doc_date", "amounts", "splits", "periods", "findings"):
                        if rec[key] != src[key]:
                            errors.append(f"{key} differ from {src_id}")
                if not args.no_reader:
                    diff = reader_difference(rec, gold_file)
                    if diff:
                        print(f"{gold_file.name}:{n}: {rec['id']}: WARNING reader text differs: {diff}")
            for e in errors:
                print(f"{gold_file.name}:{n}: {rec['id']}: {e}")
            bad += bool(errors)
            counts[0] += 1
            counts[1] += len(rec["amounts"])
            counts[2] += len(rec["splits"])
            counts[3] += len(rec["periods"])
            counts[4] += len(rec["findings"])
        print(f"{group:<11} {counts[0]:>4} {counts[1]:>7} {counts[2]:>6} {counts[3]:>7} {counts[4]:>8}")
    print("OK" if not bad else f"{bad} gold line(s) with errors")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
