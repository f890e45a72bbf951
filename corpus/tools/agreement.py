"""Agreement between two annotations of the same documents (F1 of one against the other).

    python corpus/tools/agreement.py corpus/gold/*.jsonl --second corpus/gold-second/second.jsonl

Amounts match on overlapping span, equal value and currency (one-to-one, in text order), splits
on (total_krw, category, krw), periods on (total_krw, start, end) — the contract's scoring, with
the first annotation as reference.  Prints F1 per kind and every disagreement.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from decimal import Decimal


def spans(doc: dict) -> list[tuple[int, int, Decimal, str, str]]:
    text, pos, out = doc["text"], 0, []
    for a in doc["amounts"]:
        at = text.find(a["text"], pos)
        if at < 0:
            raise SystemExit(f"{doc['id']}: amount {a['text']!r} not found")
        pos = at + len(a["text"])
        out.append((at, pos, Decimal(a["value"]), a["currency"], a["text"]))
        if a.get("range_high"):
            out.append((at, pos, Decimal(a["range_high"]), a["currency"], a["text"]))
    return out


def match_amounts(first, second):
    used, hits, missing = set(), 0, []
    for a in first:
        for j, b in enumerate(second):
            if j not in used and a[0] < b[1] and b[0] < a[1] and a[2] == b[2] and a[3] == b[3]:
                used.add(j)
                hits += 1
                break
        else:
            missing.append(a)
    extra = [b for j, b in enumerate(second) if j not in used]
    return hits, missing, extra


def f1(hits: int, first: int, second: int) -> float:
    p = hits / second if second else 1.0
    r = hits / first if first else 1.0
    return 2 * p * r / (p + r) if p + r else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("first", nargs="+", help="gold files of the first annotation")
    parser.add_argument("--second", required=True, help="the second annotation (a subset of ids)")
    args = parser.parse_args()
    first = {}
    for path in args.first:
        for line in open(path, encoding="utf-8"):
            if line.strip():
                doc = json.loads(line)
                first[doc["id"]] = doc
    totals = {"amounts": [0, 0, 0], "splits": [0, 0, 0], "periods": [0, 0, 0]}
    for line in open(args.second, encoding="utf-8"):
        if not line.strip():
            continue
        second = json.loads(line)
        ref = first[second["id"]]
        hits, missing, extra = match_amounts(spans(ref), spans(second))
        totals["amounts"][0] += hits
        totals["amounts"][1] += hits + len(missing)
        totals["amounts"][2] += hits + len(extra)
        for x in missing:
            print(f"{second['id']}: amount only in the first: {x[4]!r} = {x[2]} {x[3]}")
        for x in extra:
            print(f"{second['id']}: amount only in the second: {x[4]!r} = {x[2]} {x[3]}")
        for kind, key in (("splits", ("total_krw", "category", "krw")),
                          ("periods", ("total_krw", "start", "end"))):
            a = Counter(tuple(s[k] for k in key) for s in ref[kind])
            b = Counter(tuple(s[k] for k in key) for s in second[kind])
            both = sum((a & b).values())
            totals[kind][0] += both
            totals[kind][1] += sum(a.values())
            totals[kind][2] += sum(b.values())
            for x in (a - b).elements():
                print(f"{second['id']}: {kind[:-1]} only in the first: {x}")
            for x in (b - a).elements():
                print(f"{second['id']}: {kind[:-1]} only in the second: {x}")
    for kind, (hits, n_first, n_second) in totals.items():
        print(f"{kind}: F1 {f1(hits, n_first, n_second):.3f} "
              f"(both {hits}, first {n_first}, second {n_second})")


if __name__ == "__main__":
    main()
