"""``fundparse eval GOLD…``: score the engine against gold files (fundparse/gold/).

    fundparse eval corpus/gold/*.jsonl                 # rich tables
    fundparse eval --format json corpus/gold/          # one JSON object (--json too)
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

from pathlib import Path

from fundparse.cli.args import eval_parser, set_lang, t, use_color
from fundparse.messages import MESSAGES
from fundparse.gold.read import KINDS, UsageError, read_gold
from fundparse.gold.score import evaluate, floor_failures, read_floor


def _fmt(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:.4f}"
    return str(value)


def print_tables(report: dict[str, Any], floors: dict[str, Decimal] | None,
                 failures: list[dict], file=None, color: bool | None = None) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(file=file or sys.stdout, soft_wrap=False, highlight=False,
                      no_color=color is False, force_terminal=True if color else None,
                      color_system="auto" if color is not False else None)

    def broken_pipe() -> None:  # rich would exit 1 here; let main() keep the real verdict
        raise BrokenPipeError

    console.on_broken_pipe = broken_pipe  # type: ignore[method-assign]

    def col(key: str) -> str:
        return t(f"eval.col.{key}")

    def kind(k: str) -> str:
        return t(f"eval.kind.{k}")

    if report["errors"]:
        table = Table(title=t("eval.problems_title"), style="red")
        for key in ("where", "id", "problem"):
            table.add_column("id" if key == "id" else col(key), overflow="fold")
        for e in report["errors"]:
            table.add_row(f"{e['file']}:{e['line']}", e["id"] or "—", e["message"])
        console.print(table)

    table = Table(title=t("eval.title", n=report["documents"]))
    table.add_column("")
    for key in ("gold", "engine", "matched", "precision", "recall"):
        table.add_column(col(key), justify="right")
    table.add_column("F1", justify="right")
    if floors:
        table.add_column(col("floor"), justify="right")
    for k in KINDS:
        s = report["scores"][k]
        row = [kind(k), str(s["gold"]), str(s["predicted"]), str(s["matched"]),
               _fmt(s["precision"]), _fmt(s["recall"]), _fmt(s["f1"])]
        if floors:
            bad = any(f["kind"] == k for f in failures)
            row.append(("[red]" if bad else "") + (str(floors[k]) if k in floors else "—")
                       + (" ✗[/red]" if bad else ""))
        table.add_row(*row)
    console.print(table)

    table = Table(title=t("eval.markers_title"))
    for key in ("marker", "correct", "accuracy", "stated", "stated_accuracy"):
        table.add_column(col(key), justify="right" if key != "marker" else "left")
    for k, m in report["markers"].items():
        name = f"eval.marker.{k}"
        table.add_row(t(name) if name in MESSAGES else k, f"{m['correct']}/{m['total']}", _fmt(m["accuracy"]),
                      str(m["stated"]), _fmt(m["stated_accuracy"]))
    console.print(table)

    if len(report["groups"]) > 1:
        table = Table(title=t("eval.groups_title"))
        table.add_column(col("group"))
        table.add_column(col("docs"), justify="right")
        for k in KINDS:
            table.add_column(kind(k), justify="right")
        for name, g in report["groups"].items():
            table.add_row(name, str(g["documents"]), *(
                f"{_fmt(g[k]['f1'])}  {g[k]['matched']}/{g[k]['gold']}/{g[k]['predicted']}"
                for k in KINDS))
        console.print(table)

    f = report["findings"]
    if f["documents"]:
        console.print(t("eval.findings", recall=_fmt(f["recall"]), raised=f["raised_expected"],
                        expected=f["expected"], alarms=f["false_alarm_documents"],
                        docs=f["documents"], rate=_fmt(f["false_alarm_rate"])))
        for m in f["missed"]:
            console.print(t("eval.not_raised", id=m["id"], codes=", ".join(m["codes"])))
        for m in f["false_alarms"]:
            console.print(t("eval.false_alarm", id=m["id"], codes=", ".join(m["codes"])))

    def listing(title: str, rows: list[dict], kind: str) -> None:
        if not rows:
            return
        table = Table(title=title)
        if kind == "amounts":
            cols = ("id", "line", "text", "value", "currency", "note")
        elif kind == "splits":
            cols = ("id", "total_krw", "category", "krw", "label")
        else:
            cols = ("id", "total_krw", "start", "end", "years")
        for key in cols:
            table.add_column("id" if key == "id" else col(key), overflow="fold")
        for r in rows:
            if kind == "amounts":
                note = " ".join(x for x in (t("eval.range_high") if r.get("range") else "",
                                            t("eval.split_part") if r.get("split_part") else "")
                                if x)
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
        listing(t("eval.missed", kind=kind(k), n=len(report["misses"][k])),
                report["misses"][k], k)
        listing(t("eval.false_positive", kind=kind(k), n=len(report["false_positives"][k])),
                report["false_positives"][k], k)
    if report["marker_errors"]:
        table = Table(title=t("eval.marker_errors", n=len(report["marker_errors"])))
        for key in ("id", "line", "text", "marker", "gold", "engine_value"):
            table.add_column("id" if key == "id" else col(key), overflow="fold")
        for r in report["marker_errors"]:
            table.add_row(r["id"], _fmt(r["line"]), r["text"], r["field"], _fmt(r["gold"]),
                          _fmt(r["got"]))
        console.print(table)
    for fail in failures:
        console.print("[red]" + t("eval.below_floor", kind=kind(fail["kind"]),
                                  f1=f"{fail['f1']:.4f}", floor=fail["floor"]) + "[/red]")


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
            print(t("eval.warning", problem=_problem_line(p)), file=out)
        state = t("eval.valid") if not problems else t("eval.invalid", n=len(problems))
        print(t("eval.validated", files=len(paths), docs=len(docs),
                amounts=sum(len(d.amounts) for d in docs),
                splits=sum(len(d.splits) for d in docs),
                periods=sum(len(d.periods) for d in docs), state=state), file=out)
    return 1 if problems else 0


def gold_files(paths: Sequence[str]) -> list[str]:
    """The gold files named, and the *.jsonl files below each folder named (sorted)."""
    files: list[str] = []
    for path in paths:
        if os.path.isdir(path):
            found = sorted(str(p) for p in Path(path).rglob("*.jsonl")
                           if p.is_file() and not any(part.startswith(".")
                                                      for part in p.relative_to(path).parts))
            if not found:
                raise UsageError(t("eval.no_gold_in", path=path))
            files.extend(f for f in found if f not in files)
        elif os.path.isfile(path):
            if path not in files:
                files.append(path)
        else:
            raise UsageError(t("eval.no_gold", path=path))
    return files


def main(argv: Sequence[str] | None = None) -> int:
    parser = eval_parser()
    try:
        args = parser.parse_args(list(sys.argv[1:] if argv is None else argv))
    except SystemExit as exc:  # argparse: --help is 0, a usage error 2
        return int(exc.code or 0)
    from fundparse.cli.main import chosen_lang

    set_lang(args.lang or chosen_lang(list(sys.argv[1:] if argv is None else argv)))
    out = sys.stdout
    try:
        paths = gold_files(args.gold)
        if args.validate:
            return run_validate(paths, (args.format == "json"), out)
        floors = read_floor(args.floor) if args.floor else None
        docs, errors, _issues, _warnings = read_gold(paths)
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
        if (args.format == "json"):
            json.dump(report, out, ensure_ascii=False, indent=2)
            out.write("\n")
        else:
            color = None if args.color == "auto" else args.color == "always"
            if args.color == "auto" and not use_color("auto", out):
                color = False
            print_tables(report, floors, failures, out, color)
        out.flush()
    except BrokenPipeError:  # `fundparse eval … | head`: the verdict still stands
        os.dup2(os.open(os.devnull, os.O_WRONLY), out.fileno())
    for fail in failures:
        print("fundparse eval: " + t("eval.below_floor", kind=t(f"eval.kind.{fail['kind']}"),
                                     f1=f"{fail['f1']:.4f}", floor=fail["floor"]),
              file=sys.stderr)
    if report["errors"]:
        print("fundparse eval: " + t("eval.gold_problems", n=len(report["errors"])),
              file=sys.stderr)
    return 1 if failures or report["errors"] else 0
