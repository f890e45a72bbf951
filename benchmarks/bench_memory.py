"""3. Peak memory of ``fundparse extract --format jsonl big.txt > /dev/null`` on a 1 GB file.

The file is generated in a temporary folder (workloads.write_archive): every corpus document
followed by ten times its size of money-free corpus lines, cycled up to 10^9 bytes — an
archive with about 0.7 mentions per KB.  Plain text over 8 MiB is read by the command chunk
by chunk (fundparse.readers.iter_text_chunks), so its peak RSS should not grow with the file.
The child's own peak RSS comes from ``os.wait4`` (its rusage alone, not that of other children
of this process).  Target: ≤ 150 MB.
"""

from __future__ import annotations

import os
import subprocess
import time

import workloads
from workloads import cli_env as env
from workloads import command

SIZE = 1_000 * workloads.MB
RSS_TARGET_MB = 150


def peak_rss(args: list[str]) -> dict:
    """Run ``args`` with stdout to /dev/null; its exit status, wall time and peak RSS (MB)."""
    start = time.perf_counter()
    with open(os.devnull, "wb") as devnull:
        proc = subprocess.Popen(args, stdout=devnull, stderr=subprocess.PIPE, env=env(),
                                stdin=subprocess.DEVNULL)
        stderr = proc.stderr.read()
        proc.stderr.close()
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
    return {"exit": proc.returncode, "seconds": time.perf_counter() - start,
            "peak_rss_mb": usage.ru_maxrss / 1024, "stderr": stderr.decode(errors="replace")}


def test_peak_rss_1gb(benchmark, record, tmp_path):
    big = tmp_path / "big.txt"
    info = workloads.write_archive(big, SIZE)
    args = [*command(), "extract", "--format", "jsonl", str(big)]
    try:
        result = benchmark.pedantic(peak_rss, args=(args,), rounds=1, iterations=1)
    finally:
        big.unlink()
    assert result["exit"] == 0, result["stderr"]
    mb = info["bytes"] / workloads.MB
    met = result["peak_rss_mb"] <= RSS_TARGET_MB
    record(f"3. extract --format jsonl, {mb / 1000:.2f} GB file",
           f"peak RSS {result['peak_rss_mb']:.1f} MB ({result['seconds']:.0f} s, "
           f"{mb / result['seconds']:.2f} MB/s)", f"<= {RSS_TARGET_MB} MB", met,
           **info, seconds=result["seconds"], peak_rss_mb=result["peak_rss_mb"])
    assert met, f"peak RSS {result['peak_rss_mb']:.1f} MB"
