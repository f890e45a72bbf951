"""Cold starts side by side: ``fundparse check one.txt`` of one or more installs, interleaved
with ``python -c pass`` and ``python -c "import regex"`` in the same rounds (issue 19).

    python benchmarks/cold_start.py                          # this install, 11 rounds
    python benchmarks/cold_start.py --rounds 15 --install before=/tmp/base/.venv/bin/fundparse

Each command is a fresh process; one round runs every command once, in turn, so a change of
the machine's load touches all of them alike. Bytecode and compiled patterns are kept in a
folder of their own per install (as an installed package has them), filled by two warm-up
rounds. Prints the median and the minimum of each (wall time) and the median CPU time (user +
system, which other work on a shared machine disturbs less), the ratios of ``check`` to
``import regex`` and to ``pass`` plus ``import regex``, and the 1-minute load average before
and after; ``--json`` prints the same as JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import workloads  # noqa: E402

SMALL = workloads.CORPUS / "release" / "release-01.txt"


def _wall(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall time and CPU time (user + system) of one run of ``cmd``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                          stdin=subprocess.DEVNULL, env=env, timeout=120, check=False)
    took = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):
        raise SystemExit(f"{cmd}: exit {done.returncode}: {done.stderr.decode(errors='replace')}")
    return took, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=11)
    parser.add_argument("--install", action="append", default=[], metavar="LABEL=SCRIPT",
                        help="a fundparse console script to time (default: this one)")
    parser.add_argument("--file", type=Path, default=SMALL)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    installs = [item.split("=", 1) for item in args.install] or [["check", workloads.command()[0]]]
    work = Path(tempfile.mkdtemp(prefix="cold-start-"))
    plain = workloads.cli_env(work / "interpreter")
    runs: dict[str, tuple[list[str], dict[str, str]]] = {
        "pass": ([sys.executable, "-c", "pass"], plain),
        "import regex": ([sys.executable, "-c", "import regex"], plain)}
    for label, script in installs:
        runs[label] = ([script, "check", str(args.file)], workloads.cli_env(work / label))
    times: dict[str, list[float]] = {k: [] for k in runs}
    cpu: dict[str, list[float]] = {k: [] for k in runs}
    load_before = os.getloadavg()[0]
    for n in range(args.rounds + 2):
        for key, (cmd, env) in runs.items():
            took, used = _wall(cmd, env)
            if n >= 2:  # two warm-up rounds fill the bytecode and pattern caches
                times[key].append(took)
                cpu[key].append(used)
    load_after = os.getloadavg()[0]
    median = {k: statistics.median(v) for k, v in times.items()}
    cpu_median = {k: statistics.median(v) for k, v in cpu.items()}
    out = {"rounds": args.rounds, "load_1min": [load_before, load_after],
           "median": median, "min": {k: min(v) for k, v in times.items()},
           "cpu_median": cpu_median,
           "cpu_ratio_to_import_regex": {label: cpu_median[label] / cpu_median["import regex"]
                                         for label, _ in installs},
           "ratio_to_import_regex": {label: median[label] / median["import regex"]
                                     for label, _ in installs},
           "ratio_to_pass_plus_import_regex": {
               label: median[label] / (median["pass"] + median["import regex"])
               for label, _ in installs}}
    if args.json:
        print(json.dumps(out, indent=1))
        return 0
    print(f"{args.rounds} rounds, load {load_before:.2f} -> {load_after:.2f}")
    for key in runs:
        print(f"  {key:>14}: median {median[key]:.3f} s  min {out['min'][key]:.3f} s"
              f"  (CPU median {cpu_median[key]:.3f} s)")
    for label, _ in installs:
        print(f"  {label}: {out['ratio_to_import_regex'][label]:.2f}x import regex, "
              f"{out['ratio_to_pass_plus_import_regex'][label]:.2f}x (pass + import regex); "
              f"CPU {out['cpu_ratio_to_import_regex'][label]:.2f}x import regex")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
