"""One ``fundparse`` command under two or more source trees, interleaved round by round (issue 19).

    python benchmarks/ab_time.py --tree before=/tmp/base --tree after=. -- check corpus/docs
    python benchmarks/ab_time.py --tree before=/tmp/base --tree after=. --rounds 3 \\
        --also "check --no-cross-file corpus/docs" -- check corpus/docs

Each run is a fresh ``fundparse`` (the console script beside this interpreter: ``python -m``
would put the current folder first on the path) with ``PYTHONPATH`` set to the tree, run from
this checkout (so relative paths name the same files), output to /dev/null.  One round runs every
(tree, command) once in turn, so a change of the machine's load touches them alike.  Prints the
median and minimum wall time and the median CPU time (user + system) of each, the ratio of each
tree's median to the first tree's, and the 1-minute load average before and after.
"""

from __future__ import annotations

import argparse
import os
import resource
import shlex
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import workloads  # noqa: E402


def _run(tree: Path, args: list[str], env: dict[str, str]) -> tuple[float, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([*workloads.command(), *args], cwd=ROOT,
                   env={**env, "PYTHONPATH": str(tree)}, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--tree", action="append", required=True, metavar="NAME=PATH")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--also", action="append", default=[], metavar="COMMAND",
                        help="another command line timed in the same rounds")
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args(argv)
    command = [a for a in args.command if a != "--"]
    commands = [command, *(shlex.split(c) for c in args.also)]
    trees = [(name, Path(path).resolve()) for name, path in (t.split("=", 1) for t in args.tree)]
    env = {k: v for k, v in os.environ.items() if not k.startswith("FUNDPARSE_") and k != "COLUMNS"}
    load_before = os.getloadavg()[0]
    times: dict[tuple[str, int], list[tuple[float, float]]] = {}
    for _ in range(args.rounds):
        for i, cmd in enumerate(commands):
            for name, tree in trees:
                times.setdefault((name, i), []).append(_run(tree, cmd, env))
    load_after = os.getloadavg()[0]
    for i, cmd in enumerate(commands):
        print(f"fundparse {' '.join(cmd)}")
        first = None
        for name, _ in trees:
            walls = [w for w, _ in times[(name, i)]]
            cpus = [c for _, c in times[(name, i)]]
            median = statistics.median(walls)
            first = first or median
            print(f"  {name:>8}: wall median {median:.3f} s (min {min(walls):.3f}), "
                  f"CPU median {statistics.median(cpus):.3f} s, {median / first:.2f}x of "
                  f"{trees[0][0]}")
    print(f"{args.rounds} rounds; 1-minute load {load_before:.2f} before, {load_after:.2f} after")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
