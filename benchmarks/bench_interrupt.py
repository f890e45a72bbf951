"""7. Ctrl-C with ``--jobs 2`` while the workers read large files (issue 21: 100+ s to exit,
the pool waiting for each worker to finish its file).

Two text files of about 6 MB each (under the 8 MiB at which the parent streams a file itself,
so each goes to a worker) and ``fundparse extract --format jsonl --jobs 2 DIR``; once both
workers are busy (3 s), SIGINT goes to the command's process group, as a terminal sends it.
Measured: the time from the signal to the command's exit, and that it exits 130 with the one
line ``fundparse: interrupted``.  Target: ≤ 2 s.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time

import workloads

TARGET_S = 2.0
FILE_MB = 6
BUSY_S = 3.0


def interrupt_after(args: list[str], busy: float) -> dict:
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            stdin=subprocess.DEVNULL, env=workloads.cli_env(),
                            start_new_session=True)
    time.sleep(busy)
    start = time.perf_counter()
    os.killpg(proc.pid, signal.SIGINT)
    try:
        _, err = proc.communicate(timeout=300)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        return {"timeout": 300.0}
    return {"seconds": time.perf_counter() - start, "exit": proc.returncode,
            "stderr": err.decode(errors="replace")}


def test_ctrl_c_with_two_jobs(benchmark, record, tmp_path):
    text = workloads.corpus_mix(FILE_MB * workloads.MB)
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(text, encoding="utf-8")
    args = [*workloads.command(), "extract", "--format", "jsonl", "--jobs", "2", str(tmp_path)]
    run = benchmark.pedantic(interrupt_after, args=(args, BUSY_S), rounds=1, iterations=1)
    label = f"7. Ctrl-C, --jobs 2 on two {FILE_MB} MB files"
    if "timeout" in run:
        record(label, "> 300 s", f"<= {TARGET_S} s", False, **run)
        raise AssertionError("the command did not exit within 300 s of SIGINT")
    met = run["seconds"] <= TARGET_S and run["exit"] == 130
    record(label, f"exit {run['exit']} {run['seconds']:.2f} s after SIGINT", f"<= {TARGET_S} s",
           met, seconds=run["seconds"], exit=run["exit"])
    assert run["stderr"] == "fundparse: interrupted\n", run["stderr"]
    assert met, run
