"""Score agency / project / region on tests/records_cases.py (issue 20's measure):
agency exact (particles trimmed), project containing the gold words and at most 40 characters
(None for a bundle), region overlapping the gold span.  Prints each miss and the three rates."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

import fundparse  # noqa: E402
from records_cases import CASES  # noqa: E402


def norm(s: str | None) -> str:
    return "" if s is None else "".join(s.split())


def score(cases=CASES, show=True) -> dict[str, float]:
    hits = {"agency": 0, "project": 0, "region": 0}
    for case in cases:
        text = case["text"]
        mention = next((m for m in fundparse.extract(text) if m.text == case["amount"]), None)
        record = None if mention is None else mention.record
        agency = project = region = None
        if record is not None:
            agency = record.agency and record.agency.text
            project = record.project and record.project.text
            region = record.region
        ok_a = norm(agency) == norm(case["agency"])
        if case["project"] is None:
            ok_p = record is not None and project is None
        else:
            ok_p = project is not None and len(project) <= 40 and norm(case["project"]) in norm(project)
        if case["region"] is None:
            ok_r = region is None
        else:
            g = text.find(case["region"])
            ok_r = region is not None and region.start < g + len(case["region"]) and g < region.end
        for key, ok in (("agency", ok_a), ("project", ok_p), ("region", ok_r)):
            hits[key] += ok
        if show and not (ok_a and ok_p and ok_r):
            print(f"{case['amount']}: agency {agency!r} (gold {case['agency']!r}) project "
                  f"{project!r} (gold {case['project']!r}) region "
                  f"{region and region.text!r} (gold {case['region']!r})"
                  + ("" if record is not None else "  [no record]"))
    return {k: v / len(cases) for k, v in hits.items()}


if __name__ == "__main__":
    from records_heldout import CASES as HELD_OUT

    for name, cases in (("written before the rules", CASES), ("held out", HELD_OUT)):
        rates = score(cases)
        print(f"{name}, {len(cases)} funded totals: "
              + ", ".join(f"{k} {v:.2f}" for k, v in rates.items()))
