"""``fundparse eval GOLD…``: score the engine against gold files (fundparse/gold/).

    fundparse eval corpus/gold/*.jsonl                 # rich tables
    fundparse eval --json corpus/gold/*.jsonl          # one JSON object
    fundparse eval --validate corpus/gold/*.jsonl      # check the gold only, no engine
    fundparse eval --floor corpus/floor.json corpus/gold/*.jsonl
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from fundparse.cli.args import eval_parser
from fundparse.gold.read import KINDS, UsageError, read_gold
from fundparse.gold.score import evaluate, floor_failures, read_floor


def _fmt(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:.4f}"
    return str(value)


def print_tables(report: dict[str, Any], floors: dict[str, Decimal] | None,
                 failures: list[dict], file=None) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(file=file or sys.stdout, soft_wrap=False)

    def broken_pipe() -> None:  # rich would exit 1 here; let main() keep the real verdict
        raise BrokenPipeError

    console.on_broken_pipe = broken_pipe  # type: ignore[method-assign]
    if report["errors"]:
        table = Table(title="Gold document problems", style="red")
        for col in ("file:line", "id", "problem"):
            table.add_column(col, overflow="fold")
        for e in report["errors"]:
            table.add_row(f"{e['file']}:{e['line']}", e["id"] or "—", e["message"])
        console.print(table)

    table = Table(title=f"fundparse eval — {report['documents']} documents")
    for col in ("", "gold", "engine", "matched", "precision", "recall", "F1"):
        table.add_column(col, justify="right" if col else "left")
    if floors:
        table.add_column("floor", justify="right")
    for k in KINDS:
        s = report["scores"][k]
        row = [k, str(s["gold"]), str(s["predicted"]), str(s["matched"]),
               _fmt(s["precision"]), _fmt(s["recall"]), _fmt(s["f1"])]
        if floors:
            bad = any(f["kind"] == k for f in failures)
            row.append(("[red]" if bad else "") + (str(floors[k]) if k in floors else "—")
                       + (" ✗[/red]" if bad else ""))
        table.add_row(*row)
    console.print(table)

    table = Table(title="Markers over matched gold amounts")
    for col in ("marker", "correct", "accuracy", "stated in gold", "accuracy where stated"):
        table.add_column(col, justify="right" if col != "marker" else "left")
    for k, m in report["markers"].items():
        table.add_row(k, f"{m['correct']}/{m['total']}", _fmt(m["accuracy"]),
                      str(m["stated"]), _fmt(m["stated_accuracy"]))
    console.print(table)

    if len(report["groups"]) > 1:
        table = Table(title="By group (F1, matched/gold/engine)")
        table.add_column("group")
        table.add_column("docs", justify="right")
        for k in KINDS:
            table.add_column(k, justify="right")
        for name, g in report["groups"].items():
            table.add_row(name, str(g["documents"]), *(
                f"{_fmt(g[k]['f1'])}  {g[k]['matched']}/{g[k]['gold']}/{g[k]['predicted']}"
                for k in KINDS))
        console.print(table)

    f = report["findings"]
    if f["documents"]:
        console.print(f"check findings (informational): recall {_fmt(f['recall'])} "
                      f"({f['raised_expected']}/{f['expected']} expected codes raised), "
                      f"false alarms in {f['false_alarm_documents']}/{f['documents']} documents "
                      f"(rate {_fmt(f['false_alarm_rate'])})")
        for m in f["missed"]:
            console.print(f"  not raised  {m['id']}: {', '.join(m['codes'])}")
        for m in f["false_alarms"]:
            console.print(f"  false alarm {m['id']}: {', '.join(m['codes'])}")

    def listing(title: str, rows: list[dict], kind: str) -> None:
        if not rows:
            return
        table = Table(title=f"{title} ({len(rows)})")
        if kind == "amounts":
            cols = ("id", "line", "text", "value", "currency", "note")
        elif kind == "splits":
            cols = ("id", "total_krw", "category", "krw", "label/text")
        else:
            cols = ("id", "total_krw", "start", "end", "years/text")
        for col in cols:
            table.add_column(col, overflow="fold")
        for r in rows:
            if kind == "amounts":
                note = " ".join(x for x in ("range high" if r.get("range") else "",
                                            "split part" if r.get("split_part") else "") if x)
                table.add_row(r["id"], _fmt(r.get("line")), r["text"], _fmt(r["value"]),
                              r["currency"], note)
            elif kind == "splits":
                table.add_row(r["id"], _fmt(r["total_krw"]), r["category"], _fmt(r["krw"]),
                              _fmt(r.get("label", r.get("text"))))
            else:
                table.add_row(r["id"], _fmt(r["total_krw"]), _fmt(r["start"]), _fmt(r["end"]),
                              _fmt(r.get("years", r.get("text"))))
        console.print(table)

    for k in KINDS:
        listing(f"Missed {k}", report["misses"][k], k)
        listing(f"False-positive {k}", report["false_positives"][k], k)
    if report["marker_errors"]:
        count = len(report["marker_errors"])
        table = Table(title=f"Marker differences on matched amounts ({count})")
        for col in ("id", "line", "text", "marker", "gold", "engine"):
            table.add_column(col, overflow="fold")
        for r in report["marker_errors"]:
            table.add_row(r["id"], _fmt(r["line"]), r["text"], r["field"], _fmt(r["gold"]),
                          _fmt(r["got"]))
        console.print(table)
    for fail in failures:
        console.print(f"[red]F1 for {fail['kind']} is {fail['f1']:.4f}, below the floor "
                      f"{fail['floor']}[/red]")


def _problem_line(p: dict) -> str:
    where = f"{p['file']}:{p['line']}"
    return f"{where}: {p['id']}: {p['message']}" if p.get("id") else f"{where}: {p['message']}"


def run_validate(paths: Sequence[str], as_json: bool, out) -> int:
    docs, errors, issues, warnings = read_gold(paths)
    problems = sorted([*errors, *issues], key=lambda p: (p["file"], p["line"]))
    if as_json:
        json.dump({"valid": not problems, "documents": len(docs), "files": len(paths),
                   "problems": problems, "warnings": warnings}, out, ensure_ascii=False,
                  indent=2)
        out.write("\n")
    else:
        for p in problems:
            print(_problem_line(p), file=out)
        for p in warnings:
            print("warning: " + _problem_line(p), file=out)
        amounts = sum(len(d.amounts) for d in docs)
        splits = sum(len(d.splits) for d in docs)
        periods = sum(len(d.periods) for d in docs)
        state = "ok" if not problems else f"{len(problems)} problem(s)"
        print(f"{len(paths)} gold file(s), {len(docs)} documents, {amounts} amounts, {splits} "
              f"splits, {periods} periods: {state}", file=out)
    return 1 if problems else 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = eval_parser()
    try:
        args = parser.parse_args(list(sys.argv[1:] if argv is None else argv))
    except SystemExit as exc:  # argparse: --help is 0, a usage error 2
        return int(exc.code or 0)
    out = sys.stdout
    try:
        for path in args.gold:
            if not os.path.isfile(path):
                raise UsageError(f"{path}: no such gold file")
        if args.validate:
            return run_validate(args.gold, args.json, out)
        floors = read_floor(args.floor) if args.floor else None
        docs, errors, _issues, _warnings = read_gold(args.gold)
    except UsageError as exc:
        print(f"fundparse eval: {exc}", file=sys.stderr)
        return 2
    report = evaluate(docs, errors)
    exact = report.pop("_exact")
    failures = floor_failures(exact, floors) if floors else []
    if floors is not None:
        report["floor"] = {"file": args.floor, "floors": {k: float(v) for k, v in floors.items()},
                           "failures": failures}
    try:
        if args.json:
            json.dump(report, out, ensure_ascii=False, indent=2)
            out.write("\n")
        else:
            print_tables(report, floors, failures, out)
        out.flush()
    except BrokenPipeError:  # `fundparse eval … | head`: the verdict still stands
        os.dup2(os.open(os.devnull, os.O_WRONLY), out.fileno())
    for fail in failures:
        print(f"fundparse eval: F1 for {fail['kind']} {fail['f1']:.4f} is below the floor "
              f"{fail['floor']}", file=sys.stderr)
    if report["errors"]:
        print(f"fundparse eval: {len(report['errors'])} gold document problem(s); see "
              f"'errors' above (fundparse eval --validate shows more)", file=sys.stderr)
    return 1 if failures or report["errors"] else 0
