"""Score agency / project / region on funded totals (issue 20's measure); prints each miss.

    python benchmarks/records_score.py                      # the two in-repo sets
    python benchmarks/records_score.py GOLD.jsonl …         # those too, then each gold file
    python benchmarks/records_score.py --quiet GOLD.jsonl   # the figures only, no misses

The in-repo sets are tests/records_cases.py and tests/records_heldout.py.  A gold file is JSON
Lines, one funded total a line: ``{"id", "text", "amount", "agency", "project", "region"}``
(``project`` and ``region`` may be null: a bundle of projects, no place named; ``agency``
too, when the text names none).  Every file is
scored with the same judge as the in-repo sets (records_cases.judge): agency exact after
spaces, project containing the gold words in at most 40 characters (none for a bundle),
region overlapping the gold span.  A gold file that writes a bare subject as the agency
("군" for "군은") gets a second line where the body it stands for ("영동군", what fundparse
gives) also counts as right; every gold file gets a last line where, besides, an agency that
differs only by a higher level written before the body ("충북 영동군" / "영동군", either way)
counts as right — the two seen gold sets disagree on that level.  The amount is the first mention whose text is ``amount``
(spaces aside when none is exactly); a total fundparse does not find scores a miss on all three.

Exit status: 0 when everything named was scored, 2 when a gold file is absent or a line of one
cannot be read (the others are still scored).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

import fundparse  # noqa: E402
import records_cases  # noqa: E402
import records_heldout  # noqa: E402

FIELDS = ("id", "text", "amount", "agency", "project", "region")


def _t(span):
    return None if span is None else span.text


def show(case, record):
    got = ("amount not found" if record is None else
           f"{_t(record.agency)!r} / {_t(record.project)!r} / {_t(record.region)!r}")
    where = f"[{case['id']}] " if "id" in case else ""
    print(f"  {where}{case['amount']}: {got}  (gold {case['agency']!r} / {case['project']!r} / "
          f"{case['region']!r})")


def _squeeze(s: str) -> str:
    return "".join(s.split())


def record_of(case, extract=fundparse.extract):
    """The record of the case's amount: its first mention, exact text first, else spaces aside."""
    mentions = extract(case["text"])
    mention = next((m for m in mentions if m.text == case["amount"]), None)
    if mention is None:
        mention = next((m for m in mentions if _squeeze(m.text) == _squeeze(case["amount"])),
                       None)
    return None if mention is None else mention.record


BARE = ("시", "군", "구", "도")  # "시는", "군은": a subject that stands for a body named before


def bare_agency_right(case, record) -> bool:
    """A gold agency written as the bare subject ("군" for "군은") and an answer that names the
    body of that kind ("영동군"): fundparse gives the body the bare subject stands for."""
    agency = record and record.agency and record.agency.text
    return (case["agency"] in BARE and bool(agency)
            and agency.split()[-1].endswith(case["agency"]))


def upper_level_right(case, record) -> bool:
    """The gold agency and the answer differ only by a higher level written before the body
    ("충북 영동군" / "영동군", "서울시 관악구" / "관악구"), either way: one's words end the other's.
    The gold sets disagree on it (the first keeps the level as written, the second drops it)."""
    agency = record and record.agency and record.agency.text
    if not agency or not case["agency"]:
        return False
    ours, gold = agency.split(), case["agency"].split()
    shorter, longer = sorted((ours, gold), key=len)
    return longer[len(longer) - len(shorter):] == shorter


def region_elsewhere_right(case, record) -> bool:
    """The answer overlaps another occurrence of the gold region's text than its first (the
    judge locates a gold region at its first occurrence: "정선 …. 정선 공공도서관 92억원" scores
    the amount's own "정선" as a miss)."""
    region, gold, text = record and record.region, case["region"], case["text"]
    if not region or not gold:
        return False
    k = text.find(gold)
    while k >= 0:
        if region.start < k + len(gold) and k < region.end:
            return True
        k = text.find(gold, k + 1)
    return False


def score(cases, show=None, bare_as_named=False, upper_aside=False,
          region_anywhere=False) -> dict[str, float]:
    """{"agency": rate, "project": rate, "region": rate} by records_cases.judge; with
    ``bare_as_named`` a bare gold subject is also matched by a name of that kind; with
    ``upper_aside`` an agency that differs from the gold only by a higher level before it."""
    hits = [0, 0, 0]
    for case in cases:
        record = record_of(case)
        verdict = list(records_cases.judge(case, record))
        if bare_as_named and not verdict[0]:
            verdict[0] = bare_agency_right(case, record)
        if upper_aside and not verdict[0]:
            verdict[0] = upper_level_right(case, record)
        if region_anywhere and not verdict[2]:
            verdict[2] = region_elsewhere_right(case, record)
        hits = [h + ok for h, ok in zip(hits, verdict)]
        if show is not None and not all(verdict):
            show(case, record)
    return {k: h / len(cases) for k, h in zip(("agency", "project", "region"), hits)}


def read_gold(path: Path) -> tuple[list[dict], list[str]]:
    """The cases of a JSONL gold file and a line per line that cannot be read."""
    cases, problems = [], []
    with path.open(encoding="utf-8-sig") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                case = json.loads(line)
            except json.JSONDecodeError as exc:
                problems.append(f"{path}:{number}: not JSON ({exc.msg})")
                continue
            missing = [f for f in FIELDS if f not in case] if isinstance(case, dict) else FIELDS
            if missing:
                problems.append(f"{path}:{number}: missing {', '.join(missing)}")
                continue
            bad = [f for f in ("text", "amount") if not isinstance(case[f], str)] + [
                f for f in ("agency", "project", "region")
                if not isinstance(case[f], (str, type(None)))]
            if bad:
                problems.append(f"{path}:{number}: not text: {', '.join(bad)}")
                continue
            if case["region"] is not None and case["region"] not in case["text"]:
                problems.append(f"{path}:{number}: region {case['region']!r} is not in the text "
                                "(scored as a region miss)")
            cases.append(case)
    return cases, problems


def figures(name: str, count: int, rates: dict[str, float]) -> str:
    return f"{name}, {count} funded totals: " + ", ".join(f"{k} {v:.2f}" for k, v in rates.items())


def main(argv: list[str]) -> int:
    quiet = "--quiet" in argv
    files = [a for a in argv if a != "--quiet"]
    status = 0
    for name, cases in (("written before the rules", records_cases.CASES),
                        ("held out", records_heldout.CASES)):
        print(figures(name, len(cases), score(cases, None if quiet else show)))
    for name in files:
        path = Path(name)
        if not path.is_file():
            print(f"{name}: no such file — not scored", file=sys.stderr)
            print(f"{name}: ABSENT, not scored")
            status = 2
            continue
        cases, problems = read_gold(path)
        for problem in problems:
            print(problem, file=sys.stderr)
        if any("scored as" not in p for p in problems):
            status = 2
        if not cases:
            print(f"{name}: no funded totals to score")
            status = 2
            continue
        print(figures(name, len(cases), score(cases, None if quiet else show)))
        bare = sum(1 for case in cases if case["agency"] in BARE)
        if bare:
            print(figures(f"{name}, a bare subject in the gold ({bare} of them: 군 for 군은) "
                          "matched by the body it stands for", len(cases),
                          score(cases, None, bare_as_named=True)))
        print(figures(f"{name}, also a higher level before the body either way (충북 영동군 for "
                      "영동군)", len(cases), score(cases, None, bare_as_named=True,
                                                   upper_aside=True)))
        print(figures(f"{name}, also a region at any occurrence of the gold's text (the lines "
                      "above: its first only)", len(cases),
                      score(cases, None, bare_as_named=True, upper_aside=True,
                            region_anywhere=True)))
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
