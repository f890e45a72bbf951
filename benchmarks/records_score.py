"""Score agency / project / region on the records cases (issue 20's measure); prints each miss.

    python benchmarks/records_score.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

import fundparse  # noqa: E402
import records_cases  # noqa: E402
import records_heldout  # noqa: E402


def show(case, record):
    def t(span):
        return None if span is None else span.text

    got = ("no record" if record is None else
           f"{t(record.agency)!r} / {t(record.project)!r} / {t(record.region)!r}")
    print(f"  {case['amount']}: {got}  (gold {case['agency']!r} / {case['project']!r} / "
          f"{case['region']!r})")


if __name__ == "__main__":
    for name, cases in (("written before the rules", records_cases.CASES),
                        ("held out", records_heldout.CASES)):
        rates = records_cases.score(cases, fundparse.extract, show)
        print(f"{name}, {len(cases)} funded totals: "
              + ", ".join(f"{k} {v:.2f}" for k, v in rates.items()))
