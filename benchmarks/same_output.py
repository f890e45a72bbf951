"""Byte-for-byte output check for speed work: save the output once, compare after each change.

    python benchmarks/same_output.py save DIR        # before: write every output under DIR
    python benchmarks/same_output.py compare DIR     # after: the same outputs again, compared

What is compared (each a JSON text, keyed by a name):

* ``fundparse extract --format json corpus/docs`` and ``fundparse check --format json
  corpus/docs`` (the command, in a child process);
* ``fundparse extract --format jsonl`` on a plain-text archive over 8 MiB (read in chunks);
* ``extract`` and ``check`` (library) on every string literal of the tests that holds a digit
  or Hangul, and on their concatenation;
* ``extract`` and ``check`` on the adversarial inputs of ``workloads.CASES`` at small sizes;
* ``extract`` (with the record's ``doc_date`` and without) and ``check`` on the ``text`` of
  every record of extra JSONL files given with ``--jsonl`` (read in place, never copied).

Exit status 0 when everything is the same, 1 when anything differs (the names are printed).
"""

from __future__ import annotations

import argparse
import ast
import dataclasses
import hashlib
import json
import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import workloads  # noqa: E402

_WORDY = re.compile(r"[\d\uac00-\ud7a3\u3131-\u318e]")
ARCHIVE_BYTES = 12 * workloads.MB


NEW_TESTS = ("test_iter_extract.py", "test_patterns.py", "test_startup.py", "test_one_analysis.py",
             "test_table_plain.py", "test_records_speed.py",
             "test_extract_memory.py", "test_assign_lines.py")  # tests of the speed work: not in the baseline


def test_strings() -> list[str]:
    """Every string literal in tests/*.py with a digit or Hangul in it, in file order."""
    out: list[str] = []
    seen: set[str] = set()
    for path in sorted((ROOT / "tests").glob("*.py")):
        if path.name in NEW_TESTS:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                s = node.value
                if len(s) >= 2 and _WORDY.search(s) and s not in seen:
                    seen.add(s)
                    out.append(s)
    return out


def _dump(mentions) -> str:
    return json.dumps([m.to_dict() for m in mentions], ensure_ascii=False, sort_keys=True,
                      default=str)


def _dump_findings(findings) -> str:
    return json.dumps([dataclasses.asdict(f) for f in findings],
                      ensure_ascii=False, sort_keys=True, default=str)


def library_outputs(jsonl: list[Path]) -> dict[str, str]:
    import fundparse

    out: dict[str, str] = {}
    strings = test_strings()
    for s in strings:  # keyed by content, so a test added or moved shifts nothing
        key = hashlib.sha1(s.encode("utf-8", "surrogatepass")).hexdigest()[:16]
        out[f"tests-str/{key}/extract"] = _dump(fundparse.extract(s))
        out[f"tests-str/{key}/check"] = _dump_findings(fundparse.check(s))
    joined = "\n".join(strings)
    out["tests-str/joined/extract"] = _dump(fundparse.extract(joined))
    out["tests-str/joined/check"] = _dump_findings(fundparse.check(joined))
    for name, case in workloads.CASES.items():
        for n in (7, 300, 3000):
            text = case.build(n)
            out[f"case/{name}/{n}/extract"] = _dump(fundparse.extract(text))
            out[f"case/{name}/{n}/check"] = _dump_findings(fundparse.check(text))
    for path in jsonl:
        for k, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
            if not line.strip():
                continue
            rec = json.loads(line)
            text = rec.get("text")
            if not isinstance(text, str):
                continue
            key = f"jsonl/{path.parent.name}/{path.name}/{k}"
            out[key + "/extract"] = _dump(fundparse.extract(text))
            if rec.get("doc_date"):
                out[key + "/extract-dated"] = _dump(fundparse.extract(text, doc_date=rec["doc_date"]))
            out[key + "/check"] = _dump_findings(fundparse.check(text))
    return out


def command_outputs(work: Path) -> dict[str, str]:
    cmd = workloads.command()
    env = workloads.cli_env()
    out: dict[str, str] = {}
    for verb in ("extract", "check"):
        proc = subprocess.run([*cmd, verb, "--format", "json", "corpus/docs"], cwd=ROOT, env=env,
                              capture_output=True)
        out[f"cli/{verb}/corpus-docs"] = f"exit {proc.returncode}\n" + proc.stdout.decode()
    # check over several files (the per-file and the cross-release passes), in both formats
    # and through the worker pool
    for name, extra in (("text", []), ("json", ["--format", "json"]),
                        ("json-jobs2", ["--format", "json", "--jobs", "2"]),
                        ("no-cross", ["--no-cross-file"])):
        proc = subprocess.run([*cmd, "check", *extra, "corpus/docs", "corpus/variants"], cwd=ROOT,
                              env=env, capture_output=True)
        out[f"cli/check-folders/{name}"] = f"exit {proc.returncode}\n" + proc.stdout.decode()
    # the default table, stdout not a terminal: rich's width (80) and widths given by COLUMNS
    for name, columns, extra in (("default", None, []), ("60", "60", []), ("100", "100", []),
                                 ("160", "160", []), ("100-en", "100", ["--lang", "en"]),
                                 ("100-color", "100", ["--color", "always"]),
                                 ("40", "40", [])):
        table_env = dict(env) if columns is None else {**env, "COLUMNS": columns}
        proc = subprocess.run([*cmd, "extract", *extra, "corpus/docs", "corpus/variants"],
                              cwd=ROOT, env=table_env, capture_output=True)
        out[f"cli/extract-table/{name}"] = f"exit {proc.returncode}\n" + proc.stdout.decode()
    archive = work / "archive.txt"
    if not archive.exists():
        workloads.write_archive(archive, ARCHIVE_BYTES)
    proc = subprocess.run([*cmd, "extract", "--format", "jsonl", str(archive)], cwd=ROOT,
                          env=env, capture_output=True)
    digest = hashlib.sha256(proc.stdout).hexdigest()
    lines = proc.stdout.count(b"\n")
    out["cli/extract-jsonl/archive"] = f"exit {proc.returncode} lines {lines} sha256 {digest}"
    return out


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("mode", choices=("save", "compare"))
    parser.add_argument("dir", type=Path)
    parser.add_argument("--jsonl", type=Path, action="append", default=[],
                        help="a JSONL file whose records' text is also compared (read in place)")
    parser.add_argument("--no-command", action="store_true", help="library outputs only")
    args = parser.parse_args(argv)
    args.dir.mkdir(parents=True, exist_ok=True)
    import fundparse

    print(f"fundparse from {Path(fundparse.__file__).parent}", file=sys.stderr)
    outputs = library_outputs(args.jsonl)
    if not args.no_command:
        outputs.update(command_outputs(args.dir))
    saved_path = args.dir / "outputs.json"
    if args.mode == "save":
        saved_path.write_text(json.dumps(outputs, ensure_ascii=False), encoding="utf-8")
        print(f"saved {len(outputs)} outputs to {saved_path}")
        return 0
    saved = json.loads(saved_path.read_text(encoding="utf-8"))
    differ = [k for k in saved if k in outputs and saved[k] != outputs[k]]
    missing = [k for k in saved if k not in outputs]
    for k in differ[:40]:
        print(f"DIFFERS {k}")
    for k in missing[:40]:
        print(f"MISSING {k}")
    compared = sum(1 for k in saved if k in outputs)
    print(f"{compared} outputs compared, {len(differ)} differ, {len(missing)} missing")
    return 1 if differ or missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
