"""Benchmarks of issue 7 (speed, memory, hard inputs) on pytest-benchmark.

Run them all with one command from the repository root::

    .venv/bin/python -m pytest benchmarks/ --benchmark-only

``pytest`` alone never gets here (``testpaths = ["tests"]``).  Files named ``bench_*.py`` are
collected (pytest's own pattern only takes ``test_*.py``).  Each benchmark records its figure
and target; the run ends with a table of them all ("issue 7 targets"), and the test of a
missed target fails after its figure is recorded.  ``--benchmark-json FILE`` keeps every
figure (``extra_info``) beside pytest-benchmark's timings.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import workloads

RESULTS: list[dict] = []


def pytest_collect_file(file_path: Path, parent):
    if (file_path.suffix == ".py" and file_path.name.startswith("bench_")
            and not parent.session.isinitpath(file_path)):
        return pytest.Module.from_parent(parent, path=file_path)
    return None


@pytest.fixture
def record(benchmark):
    """``record(item, figure, target, met, **extra)``: one row of the closing table; the
    figures also go to the benchmark's ``extra_info``."""

    def add(item: str, figure: str, target: str, met: bool | None, **extra) -> None:
        RESULTS.append({"item": item, "figure": figure, "target": target, "met": met})
        benchmark.extra_info.update({"figure": figure, "target": target, "met": met, **extra})

    return add


@pytest.fixture(scope="session")
def machine() -> dict:
    """CPU model and count (``lscpu``), load average at the start, Python and fundparse versions."""
    import platform

    import fundparse

    info = {"python": platform.python_version(), "fundparse": fundparse.__version__,
            "cpus": os.cpu_count(), "load_average": [round(x, 2) for x in os.getloadavg()]}
    try:
        lscpu = subprocess.run(["lscpu"], capture_output=True, text=True, timeout=10,
                               check=False).stdout
    except (OSError, subprocess.SubprocessError):
        lscpu = ""
    for line in lscpu.splitlines():
        key, _, value = line.partition(":")
        if key.strip() in ("Model name", "CPU(s)", "Thread(s) per core", "Core(s) per socket",
                           "Hypervisor vendor", "L2 cache", "L3 cache"):
            info[key.strip()] = value.strip()
    info["lscpu"] = lscpu
    return info


@pytest.fixture(scope="session")
def pycache(tmp_path_factory) -> Path:
    """A bytecode cache for the command's processes (see workloads.cli_env)."""
    return tmp_path_factory.mktemp("pycache")


@pytest.fixture(scope="session")
def ordinary_seconds_per_mb() -> float:
    """Seconds ``extract`` takes per MB of ordinary multi-line text: the first MB of the corpus
    mix in one call, fastest of two.  The yardstick of the adversarial inputs."""
    import fundparse

    fundparse.extract(workloads.SEED)
    text = workloads.corpus_mix(workloads.MB)
    seconds, _ = workloads.time_extract(text, budget=0.0, most=2)
    return seconds / (len(text.encode("utf-8")) / workloads.MB)


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    if not RESULTS:
        return
    write = terminalreporter.write_line
    terminalreporter.section("issue 7 targets")
    width = max(len(r["item"]) for r in RESULTS)
    fig_width = max(len(r["figure"]) for r in RESULTS)
    for r in RESULTS:
        mark = {True: "met", False: "MISSED", None: "-"}[r["met"]]
        write(f"{r['item']:<{width}}  {r['figure']:<{fig_width}}  {mark:<6}  target {r['target']}")
    write(f"load average at the end: {', '.join(f'{x:.2f}' for x in os.getloadavg())}")
