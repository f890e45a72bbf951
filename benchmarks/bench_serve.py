"""6. ``fundparse serve`` under load, beside the library on the same documents (issue 22).

2,000 ``POST /v1/extract`` requests from 8 concurrent keep-alive clients on loopback, against
one server process (``fundparse serve``, one worker, access log off), for two documents: the
seed sentence (66 characters) and corpus/docs/release/release-01.txt (2 KB).  Figures: median
and 99th-percentile latency per request, requests per second, and the library's own time for
the same document (``fundparse.extract`` in this process, median of 200 calls).  Every answer is
checked against a lone request's; no target, the figures go to benchmarks/README.md.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

import pytest
import workloads

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from live_server import Call, hammer, running_server  # noqa: E402

REQUESTS = 2000
CLIENTS = 8
DOCUMENTS = {
    "seed sentence": workloads.SEED,
    "release-01.txt (2 KB)": (workloads.CORPUS / "release" / "release-01.txt").read_text(
        encoding="utf-8"),
}


@pytest.fixture(scope="module")
def server(tmp_path_factory, pycache):
    log = tmp_path_factory.mktemp("serve") / "server.log"
    with running_server(workloads.command(), workloads.cli_env(pycache), log,
                        tmp_path_factory.mktemp("cwd"), "--log-level", "warning") as base:
        yield base


def library_seconds(text: str, calls: int = 200) -> float:
    import fundparse

    fundparse.extract(text)
    times = []
    for _ in range(calls):
        start = time.perf_counter()
        fundparse.extract(text)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


@pytest.mark.parametrize("name", list(DOCUMENTS))
def test_serve_load(benchmark, record, server, machine, name):
    import urllib.request

    text = DOCUMENTS[name]
    body = json.dumps({"text": text}, ensure_ascii=False).encode("utf-8")
    request = urllib.request.Request(server + "/v1/extract", data=body,
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request) as response:
        expected = response.read()
    call = Call("/v1/extract", body, "application/json", expected)
    loads = []

    def run():
        loads.append(hammer(server, [call], REQUESTS, CLIENTS))

    benchmark.pedantic(run, rounds=1, iterations=1)
    load = loads[0]
    assert load.failures == []
    library = library_seconds(text)
    p50, p99 = load.median, load.percentile(99)
    record(f"6. serve /v1/extract, {name}, {REQUESTS} requests from {CLIENTS} clients",
           f"p50 {p50 * 1000:.1f} ms, p99 {p99 * 1000:.1f} ms, {REQUESTS / load.seconds:.0f} "
           f"req/s; library {library * 1000:.2f} ms", "(no target)", None,
           p50_ms=p50 * 1000, p99_ms=p99 * 1000, requests_per_second=REQUESTS / load.seconds,
           library_ms=library * 1000, seconds=load.seconds, mentions=expected.count(b'"file"'),
           load_average=machine["load_average"])
