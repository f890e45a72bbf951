"""Count the project and region misses of gold files by where the gold is named (records round
thirteen): in the amount's own sentence, in another sentence (the one before, the passage's
first, the one after, elsewhere), or nowhere (a null gold).

    python benchmarks/records_misses.py GOLD.jsonl …          # counts per field and kind
    python benchmarks/records_misses.py --show GOLD.jsonl …   # … and each miss

A gold span is located at every occurrence in the text; it is "in the own sentence" when one
occurrence lies in the amount's sentence (the records finder's sentence, blank lines cut), else
the nearest other sentence holding one names its kind.  The kind "another sentence" is what
round thirteen's look-back across sentences is for.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

import records_cases  # noqa: E402
from records_score import read_gold, record_of  # noqa: E402

import fundparse  # noqa: E402
from fundparse.records.find import Finder  # noqa: E402
from fundparse.records.words import record_words  # noqa: E402


def _mention(case):
    mentions = fundparse.extract(case["text"])
    m = next((m for m in mentions if m.text == case["amount"]), None)
    if m is None:
        squeeze = "".join(case["amount"].split())
        m = next((m for m in mentions if "".join(m.text.split()) == squeeze), None)
    return m


def where(case, gold: str, finder: Finder, at: int) -> str:
    """own / before / first / after / elsewhere / absent for the gold text in the case."""
    text = case["text"]
    own = finder._sentence(at)
    first = finder._sentence(len(text) - len(text.lstrip()))
    spans = []
    k = text.find(gold)
    while k >= 0:
        spans.append(k)
        k = text.find(gold, k + 1)
    if not spans:
        return "absent"
    if any(own[0] <= k < own[1] for k in spans):
        return "own"
    before = [k for k in spans if k < own[0]]
    after = [k for k in spans if k >= own[1]]
    if before:
        prev = finder._sentence(max(0, own[0] - 2)) if own[0] > 1 else own
        if any(prev[0] <= k < prev[1] for k in before):
            return "before"
        if any(first[0] <= k < first[1] for k in before):
            return "first"
    if after:
        nxt = finder._sentence(min(len(text) - 1, own[1] + 1))
        if any(nxt[0] <= k < nxt[1] for k in after):
            return "after"
    return "elsewhere"


def main(argv: list[str]) -> int:
    show = "--show" in argv
    files = [a for a in argv if a != "--show"]
    counts = {"project": Counter(), "region": Counter()}
    vocab = record_words()
    for name in files:
        cases, _ = read_gold(Path(name))
        for case in cases:
            record = record_of(case)
            verdict = records_cases.judge(case, record)
            m = _mention(case)
            if m is None:
                continue
            finder = Finder(case["text"], vocab)
            for field, ok in zip(("project", "region"), verdict[1:]):
                if ok:
                    continue
                gold = case[field]
                kind = "null gold" if gold is None else where(case, gold, finder, m.start)
                got = getattr(record, field) if record is not None else None
                counts[field][kind] += 1
                if show:
                    print(f"{field:7} {kind:9} [{case['id']}] {case['amount']}: "
                          f"{None if got is None else got.text!r} (gold {gold!r})")
    for field, c in counts.items():
        other = sum(v for k, v in c.items() if k in ("before", "first", "after", "elsewhere"))
        print(f"{field}: {sum(c.values())} misses; another sentence {other} "
              f"({', '.join(f'{k} {v}' for k, v in sorted(c.items()))})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
