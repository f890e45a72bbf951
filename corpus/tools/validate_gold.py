"""Check the hand-written gold of the corpus (every group in corpus/gold/).

    python corpus/tools/validate_gold.py             # check, print a summary per group
    python corpus/tools/validate_gold.py --context   # also show each amount where it was found

The gold format itself — fields and their types, exact decimal values, krw equal to the value
for KRW and null otherwise, markers, categories, finding codes, each amount found searching
forward from the end of the one before it (as eval locates it), split and period totals among
the amounts, a period whose years disagree carrying FP201, ``path`` reading back to exactly
``text`` through fundparse's readers — is checked by ``fundparse.gold.read``, the validator
``fundparse eval --validate`` uses.  This tool adds what the corpus promises beyond the format:

* every id is ``<group>-NN``, and a document's file is named after its id (variants excepted);
* documents have 10-60 lines;
* a variant's text is also what its own encoding gives without fundparse (HTML and HWPX through
  the small reader in make_variants.py), and it repeats its source's amounts, splits, periods
  and findings;
* split parts adding up to more than their total carry FP101, FP102 or FP103, and a period
  whose start is after its end carries FP202.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from fundparse.gold.read import GoldDoc, read_gold

TOOLS = Path(__file__).resolve().parent
GOLD_DIR = TOOLS.parent / "gold"
GROUPS = ("local", "release", "furniture", "inconsistent",
          "national", "foreign", "support", "budgetbook", "variants")


def read_variant(path: Path) -> str:
    """The text of a variant file by its own encoding (independent of fundparse's readers)."""
    sys.path.insert(0, str(TOOLS))
    try:
        import make_variants  # noqa: PLC0415 - a sibling script
    finally:
        sys.path.pop(0)
    name = path.name
    data = path.read_bytes()
    for suffix, encoding in ((".cp949.txt", "cp949"), (".euc-kr.txt", "euc-kr"),
                             (".utf16.txt", "utf-16"), (".utf8-bom.txt", "utf-8-sig")):
        if name.endswith(suffix):
            return data.decode(encoding)
    if name.endswith(".html"):
        return make_variants.html_text(data.decode("utf-8"))
    if name.endswith(".hwpx"):
        return make_variants.hwpx_text(path)
    return data.decode("utf-8")


def corpus_problems(doc: GoldDoc, group: str, by_id: dict[str, GoldDoc]) -> list[str]:
    """What the corpus promises beyond the gold format (see the module's docstring)."""
    problems: list[str] = []
    if not re.fullmatch(rf"{re.escape(group)}-\d\d", doc.id):
        problems.append(f"id {doc.id!r} is not {group}-NN")
    lines = len(doc.text.splitlines())
    if not 10 <= lines <= 60:
        problems.append(f"{lines} lines (want 10-60)")
    source = (Path(doc.file).parent / doc.path).resolve() if doc.path else None
    if group == "variants":
        if source is not None and source.is_file() and read_variant(source) != doc.text:
            problems.append(f"text differs from {doc.path} decoded by its own encoding")
        origin = by_id.get(Path(doc.path or "").name.split(".")[0])
        if origin is None:
            problems.append(f"the source of {doc.path} has no gold line before it")
        else:
            for key in ("doc_date", "amounts", "splits", "periods", "findings"):
                if getattr(doc, key) != getattr(origin, key):
                    problems.append(f"{key} differ from {origin.id}")
    elif source is not None and source.stem != doc.id:
        problems.append(f"path {doc.path} does not name {doc.id}")
    findings = set(doc.findings or ())
    # consecutive parts of one total form one breakdown until a label comes round again
    breakdowns: list[tuple[int, dict[str, int]]] = []
    for split in doc.splits:
        label, krw, total = split.get("label"), split.get("krw"), split.get("total_krw")
        if breakdowns and breakdowns[-1][0] == total and label not in breakdowns[-1][1]:
            breakdowns[-1][1][label] = krw or 0
        else:
            breakdowns.append((total, {label: krw or 0}))
    for total, parts in breakdowns:
        flagged = {"FP101", "FP102", "FP103"} & findings
        if total is not None and sum(parts.values()) > total and not flagged:
            problems.append(f"splits of {total} add up to {sum(parts.values())} but no "
                            "FP101/FP102/FP103 is listed")
    for k, period in enumerate(doc.periods):
        start, end = period.get("start"), period.get("end")
        if start is not None and end is not None and start > end and "FP202" not in findings:
            problems.append(f"period {k}: {start} after {end} but no FP202")
    return problems


def show_amounts(doc: GoldDoc) -> None:
    print(f"  {doc.id}")
    for amount, span in zip(doc.amounts, doc.spans):
        if span is None:
            continue
        at, end = span
        context = (doc.text[max(0, at - 10):at] + "[" + doc.text[at:end] + "]"
                   + doc.text[end:end + 6])
        line = doc.text.count("\n", 0, at) + 1
        print(f"    L{line:<3} {context.replace(chr(10), '⏎').replace(chr(9), '→')}  "
              f"{amount.get('value')} {amount.get('currency')}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--context", action="store_true", help="show every amount in place")
    args = parser.parse_args(argv)
    files = [str(GOLD_DIR / f"{group}.jsonl") for group in GROUPS]
    docs, errors, issues, warnings = read_gold(files)
    problems = [*errors, *issues]
    by_id: dict[str, GoldDoc] = {}
    for doc in docs:
        group = Path(doc.file).stem
        if args.context:
            show_amounts(doc)
        problems.extend({"file": doc.file, "line": doc.line, "id": doc.id, "message": message}
                        for message in corpus_problems(doc, group, by_id))
        by_id[doc.id] = doc
    for p in sorted(problems, key=lambda p: (p["file"], p["line"])):
        print(f"{Path(p['file']).name}:{p['line']}: {p['id'] or ''}: {p['message']}")
    for p in warnings:
        print(f"{Path(p['file']).name}:{p['line']}: {p['id'] or ''}: warning: {p['message']}")
    print(f"{'group':<14}{'docs':>6}{'amounts':>9}{'splits':>8}{'periods':>9}{'findings':>10}")
    for group in GROUPS:
        mine = [d for d in docs if Path(d.file).stem == group]
        counts = (len(mine), sum(len(d.amounts) for d in mine), sum(len(d.splits) for d in mine),
                  sum(len(d.periods) for d in mine), sum(len(d.findings or ()) for d in mine))
        print(f"{group:<14}" + "".join(f"{c:>{w}}" for c, w in zip(counts, (6, 9, 8, 9, 10))))
    print("OK" if not problems else f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
