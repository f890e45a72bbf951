"""A real ``fundparse serve`` on a free loopback port, and a bounded load of requests against it.

Used by tests/test_serve.py and benchmarks/bench_serve.py (which puts tests/ on sys.path).
"""

from __future__ import annotations

import contextlib
import http.client
import socket
import statistics
import subprocess
import threading
import time
import urllib.request
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_up(base: str, process: subprocess.Popen | None = None,
                  log: Path | None = None) -> None:
    """Poll /healthz (at most 600 times, 50 ms apart); AssertionError when the server exits
    or never answers."""
    for _ in range(600):
        if process is not None and process.poll() is not None:
            said = log.read_text(encoding="utf-8", errors="replace") if log else ""
            raise AssertionError(f"fundparse serve exited {process.returncode}: {said}")
        try:
            with urllib.request.urlopen(base + "/healthz") as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.05)
    raise AssertionError(f"server at {base} never answered /healthz")


@contextlib.contextmanager
def running_server(command: Sequence[str], env: dict[str, str], log: Path, cwd: Path,
                   *options: str) -> Iterator[str]:
    """``command serve --port N *options`` in a subprocess (stdout and stderr to ``log``);
    yields the base URL and stops the server afterwards."""
    port = free_port()
    with open(log, "wb") as output:
        process = subprocess.Popen([*command, "serve", "--port", str(port), *options],
                                   stdin=subprocess.DEVNULL, stdout=output, stderr=output,
                                   env=env, cwd=cwd)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(base, process, log)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@dataclass(frozen=True)
class Call:
    """One kind of request in a load and the answer it must get."""

    path: str
    body: bytes
    content_type: str
    expected: bytes


@dataclass
class Load:
    seconds: float = 0.0
    latencies: list[float] = field(default_factory=list)   # seconds per request
    failures: list[str] = field(default_factory=list)

    def percentile(self, p: float) -> float:
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(len(ordered) * p / 100))]

    @property
    def median(self) -> float:
        return statistics.median(self.latencies)


def hammer(base: str, calls: Sequence[Call], requests: int, clients: int) -> Load:
    """``requests`` requests (the calls in turn) from ``clients`` threads, each on its own
    keep-alive connection; every answer is compared with the call's expected one."""
    host, port = base.removeprefix("http://").split(":")
    load = Load()
    lock = threading.Lock()

    def client(number: int) -> None:
        connection = http.client.HTTPConnection(host, int(port), timeout=120)
        mine, wrong = [], []
        try:
            for i in range(number, requests, clients):
                call = calls[i % len(calls)]
                start = time.perf_counter()
                connection.request("POST", call.path, body=call.body,
                                   headers={"Content-Type": call.content_type})
                response = connection.getresponse()
                data = response.read()
                mine.append(time.perf_counter() - start)
                if response.status != 200 or data != call.expected:
                    wrong.append(f"{call.path}: {response.status} {data[:200]!r}")
        except OSError as exc:
            wrong.append(f"client {number}: {exc}")
        finally:
            connection.close()
            with lock:
                load.latencies.extend(mine)
                load.failures.extend(wrong)

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    load.seconds = time.perf_counter() - start
    return load
