"""Score fundparse on Microsoft Recognizers-Text's Korean currency suite.

    .venv/bin/python benchmarks/conformance_recognizers.py            # passed / total, failures
    .venv/bin/python benchmarks/conformance_recognizers.py --json     # the same as JSON
    .venv/bin/python benchmarks/conformance_recognizers.py --all      # every case, passed too

The suite (108 sentences, MIT licence) is read where it lives, ``../shared/external/
recognizers-text-ko/CurrencyModel.json`` beside the repository; it is never copied in.  When it
is absent the script says so and exits 0 (skipped).

Scoring (as the README beside the suite describes): each expected result becomes
(text, ISO currency, Decimal value).  Unit names map to ISO codes through ``UNITS`` below; a
minor unit (Cent, Pence, Penny) is a hundredth of its major currency, so a lone "50센트" is
USD 0.50 (expected results for "1달러 20센트" already state Dollar 1.2).  Where the suite marks
``IgnoreResolution`` the value is recomputed from the expected text with the small numeral
reader below (independent of fundparse), e.g. "2억 4천 4백만 달러" is 244000000, not the
254000000 written there.  Results with a null value (a currency word without an amount) are
out of scope: fundparse must report nothing there.  A case passes when the set fundparse
reports (each mention's text, currency and value; a range's high end and every split part
too) equals the expected set.

benchmarks/conformance_reasons.json maps each case deliberately left failing ("<index>:<first
20 characters of the input>") to the reason.  Exit status: 0 when every failing case has a
reason and no listed case passes (and when the suite is absent), 1 otherwise, 2 on bad input.

Microsoft's own .NET implementation passes 69 of the 108 cases, Facebook's Duckling 73.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SUITE = ROOT / ".." / "shared" / "external" / "recognizers-text-ko" / "CurrencyModel.json"
REASONS = Path(__file__).resolve().with_name("conformance_reasons.json")
# Published scores on the full 108-case suite, for comparison.
BASELINES = {"Microsoft Recognizers-Text (.NET)": "69 / 108", "Duckling": "73 / 108"}

# Unit names used in the suite -> ISO 4217 (historic currencies included: FIM, FRF, ESP, NLG).
UNITS = {
    "Dollar": "USD", "United States dollar": "USD", "Canadian dollar": "CAD",
    "Hong Kong dollar": "HKD", "Australian dollar": "AUD", "Euro": "EUR", "Pound": "GBP",
    "Japanese yen": "JPY", "Chinese yuan": "CNY", "Swiss franc": "CHF", "Franc": "FRF",
    "Finnish markka": "FIM", "Peseta": "ESP", "Netherlands guilder": "NLG",
    "Costa Rican colón": "CRC", "Georgian lari": "GEL", "Lao kip": "LAK",
    "Sri Lankan rupee": "LKR", "Indian rupee": "INR",
}
# Minor units: (major currency, how many make one).
MINOR = {"Cent": ("USD", 100), "Pence": ("GBP", 100), "Penny": ("GBP", 100)}

_TOKEN = re.compile(r"\s*(?:(?P<num>\d+(?:,\d{3})*(?:\.\d+)?)|(?P<small>[십백천])|(?P<big>[만억조]))")
_SMALL = {"십": 10, "백": 100, "천": 1000}
_BIG = {"만": 10**4, "억": 10**8, "조": 10**12}


def korean_number(text: str) -> Decimal | None:
    """The number a Korean amount starts with: "2억 4천 4백만 달러" -> 244000000.
    Handles Arabic digits mixed with 십 백 천 / 만 억 조, as the suite writes them."""
    total = Decimal(0)
    section = Decimal(0)
    num: Decimal | None = None
    pos = 0
    seen = False
    while True:
        tok = _TOKEN.match(text, pos)
        if tok is None or tok.end() == pos:
            break
        pos = tok.end()
        seen = True
        if tok.group("num"):
            num = Decimal(tok.group("num").replace(",", ""))
        elif tok.group("small"):
            section += (Decimal(1) if num is None else num) * _SMALL[tok.group("small")]
            num = None
        else:
            section += Decimal(0) if num is None else num
            total += (section or Decimal(1)) * _BIG[tok.group("big")]
            section, num = Decimal(0), None
    if not seen:
        return None
    return total + section + (num or Decimal(0))


def plain(value: Decimal) -> str:
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def case_key(index: int, case: dict) -> str:
    return f"{index}:{case['Input'][:20]}"


def expected_set(case: dict) -> tuple[set[tuple[str, str, Decimal]], list[str]]:
    """(text, ISO, value) for each in-scope result, and notes on corrections made."""
    out: set[tuple[str, str, Decimal]] = set()
    notes: list[str] = []
    for result in case["Results"]:
        res = result.get("Resolution") or {}
        if res.get("value") is None:
            continue  # a currency word with no amount: out of scope
        text = result["Text"].strip()
        if text not in case["Input"]:
            raise ValueError(f"expected text {text!r} is not in the input")
        value = Decimal(res["value"])
        if case.get("IgnoreResolution"):
            computed = korean_number(text)
            if computed is not None and computed != value:
                notes.append(f"{text}: stated {res['value']}, counted {plain(computed)}")
                value = computed
        unit = res.get("unit")
        if unit in MINOR:
            currency, per = MINOR[unit]
            value = value / per
        elif res.get("isoCurrency"):
            currency = res["isoCurrency"]
        elif unit in UNITS:
            currency = UNITS[unit]
        else:
            raise ValueError(f"no ISO code for unit {unit!r}; add it to UNITS")
        out.add((text, currency, value))
    return out, notes


def reported_set(text: str) -> set[tuple[str, str, Decimal]]:
    """What fundparse reports: each mention, a range's high end, every split part."""
    from fundparse import extract

    out: set[tuple[str, str, Decimal]] = set()

    def parts(splits) -> None:
        for s in splits:
            if s.share is None:
                out.add((s.text, s.currency, s.value))
            parts(s.splits)

    for m in extract(text):
        out.add((m.text, m.currency, m.value))
        if m.range is not None:
            out.add((m.text, m.currency, m.range.high))
        parts(m.splits)
    return out


def show(items: set[tuple[str, str, Decimal]]) -> list[str]:
    return [f"{t!r} {c} {plain(v)}" for t, c, v in sorted(items, key=lambda x: (x[0], x[1]))]


def load_reasons(path: Path) -> dict[str, str]:
    if not path.exists():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or not all(isinstance(v, str) and v.strip()
                                             for v in data.values()):
        raise ValueError(f"{path}: expected an object mapping case keys to reasons")
    return {k: v for k, v in data.items() if not k.startswith("_")}


def run(suite: Path, reasons_path: Path) -> dict:
    cases = json.loads(suite.read_text(encoding="utf-8-sig"))
    reasons = load_reasons(reasons_path)
    rows = []
    for index, case in enumerate(cases):
        key = case_key(index, case)
        expected, notes = expected_set(case)
        got = reported_set(case["Input"])
        rows.append({
            "key": key, "index": index, "input": case["Input"],
            "passed": got == expected, "expected": show(expected), "got": show(got),
            "missing": show(expected - got), "extra": show(got - expected),
            "corrections": notes, "reason": reasons.get(key),
            "dotnet_fails": "dotnet" in str(case.get("NotSupported", "")),
        })
    keys = {r["key"] for r in rows}
    return {
        "suite": str(suite), "reasons": str(reasons_path), "total": len(rows),
        "passed": sum(r["passed"] for r in rows),
        "baselines": BASELINES, "cases": rows,
        "unexplained": [r["key"] for r in rows if not r["passed"] and r["reason"] is None],
        "listed_but_passing": [r["key"] for r in rows if r["passed"] and r["reason"] is not None],
        "unknown_reasons": sorted(set(reasons) - keys),
    }


def print_report(report: dict, show_all: bool, out) -> None:
    w = out.write
    reasons = Path(report["reasons"]).name
    w(f"Recognizers-Text Korean currency suite: {report['passed']} / {report['total']} passed\n")
    for name, score in report["baselines"].items():
        w(f"  (for comparison, {name}: {score})\n")
    for r in report["cases"]:
        if r["passed"] and not show_all:
            continue
        status = "pass" if r["passed"] else ("FAIL (reason listed)" if r["reason"] else "FAIL")
        w(f"\n[{r['index']}] {status}: {r['input'].strip()}\n")
        w(f"    expected: {'; '.join(r['expected']) or 'nothing'}\n")
        w(f"    got:      {'; '.join(r['got']) or 'nothing'}\n")
        for note in r["corrections"]:
            w(f"    corrected value (IgnoreResolution): {note}\n")
        if r["reason"]:
            w(f"    reason: {r['reason']}\n")
    if report["unexplained"]:
        w(f"\nFailing without a reason in {reasons}: {', '.join(report['unexplained'])}\n")
    if report["listed_but_passing"]:
        w(f"\nListed in {reasons} but passing now (remove them): "
          f"{', '.join(report['listed_but_passing'])}\n")
    if report["unknown_reasons"]:
        w(f"\nKeys in {reasons} that match no case: {', '.join(report['unknown_reasons'])}\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--suite", type=Path, default=SUITE, help=f"default: {SUITE}")
    parser.add_argument("--reasons", type=Path, default=REASONS, help=f"default: {REASONS}")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument("--all", action="store_true", help="list passing cases too")
    args = parser.parse_args(argv)
    suite = args.suite.resolve()
    if not suite.is_file():
        print(f"skipped: the Recognizers-Text suite is not at {suite} "
              f"(expected ../shared/external/recognizers-text-ko/CurrencyModel.json beside "
              f"the repository)")
        return 0
    try:
        report = run(suite, args.reasons)
    except (ValueError, KeyError, json.JSONDecodeError) as exc:
        print(f"conformance: {exc}", file=sys.stderr)
        return 2
    try:
        if args.json:
            json.dump(report, sys.stdout, ensure_ascii=False, indent=2)
            sys.stdout.write("\n")
        else:
            print_report(report, args.all, sys.stdout)
        sys.stdout.flush()
    except BrokenPipeError:  # piped into head: keep the verdict
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    bad = report["unexplained"] or report["listed_but_passing"] or report["unknown_reasons"]
    return 1 if bad else 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    raise SystemExit(main())
