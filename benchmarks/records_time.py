"""What the records stage (agency/project/region, fundparse/records) adds to ``extract``.

    python benchmarks/records_time.py              # corpus documents one by one, and a 2 MB mix
    python benchmarks/records_time.py --profile    # cProfile of the records stage alone
    python benchmarks/records_time.py --stage      # the records stage alone (quicker, steadier)
    python benchmarks/records_time.py --stage-both # … on 2 MB of the archive and 1 MB of the mix
    python benchmarks/records_time.py --memory 8   # its peak of traced memory on an 8 MB mix
    python benchmarks/records_time.py --against /tmp/base archive 2000000 5
                                                   # the stage alone, another tree's and this
                                                   # tree's, alternated in one process

``extract`` runs with the stage and with it replaced by a pass-through, interleaved, keeping
the fastest of several runs; times are the process's CPU time (``time.process_time``), so the
load of other processes on the shared machine moves them less than wall-clock time.  The stage
alone is timed on the mentions ``extract`` found before it.
"""

from __future__ import annotations

import cProfile
import gc
import pstats
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import workloads  # noqa: E402

import fundparse  # noqa: E402
from fundparse import records  # noqa: E402

ATTACH = records.attach


def _fastest(run, rounds: int) -> float:
    best = float("inf")
    for _ in range(rounds):
        gc.collect()
        start = time.process_time()
        run()
        best = min(best, time.process_time() - start)
    return best


def _without_records(text, mentions, config):
    return mentions


def share(texts: list[str], rounds: int) -> tuple[float, float, float]:
    """(extract with records, extract without, the records stage alone), fastest runs."""
    def run():
        for text in texts:
            fundparse.extract(text)

    found = []
    records.attach = lambda text, mentions, config: found.append((text, mentions)) or mentions
    run()
    records.attach = ATTACH
    with_, without = float("inf"), float("inf")
    for _ in range(rounds):
        with_ = min(with_, _fastest(run, 1))
        records.attach = _without_records
        try:
            without = min(without, _fastest(run, 1))
        finally:
            records.attach = ATTACH
    alone = _fastest(lambda: [ATTACH(t, ms, None) for t, ms in found], rounds)
    return with_, without, alone


def report(name: str, texts: list[str], rounds: int) -> None:
    with_, without, alone = share(texts, rounds)
    size = sum(len(t.encode("utf-8")) for t in texts) / workloads.MB
    print(f"{name} ({size:.2f} MB): extract {with_:.3f} s with records, {without:.3f} s "
          f"without (+{100 * (with_ / without - 1):.1f} %); the records stage alone "
          f"{alone:.3f} s ({100 * alone / without:.1f} % of extract without it)")


def profile() -> None:
    text = workloads.corpus_mix(2 * workloads.MB)
    found = []
    records.attach = lambda t, mentions, config: found.append(mentions) or mentions
    fundparse.extract(text)
    records.attach = ATTACH
    profiler = cProfile.Profile()
    profiler.runcall(ATTACH, text, found[0], None)
    pstats.Stats(profiler).sort_stats("tottime").print_stats(25)


def stage(name: str, texts: list[str], rounds: int) -> None:
    """The records stage alone on the mentions ``extract`` found in ``texts``."""
    found = []
    records.attach = lambda text, mentions, config: found.append((text, mentions)) or mentions
    for text in texts:
        fundparse.extract(text)
    records.attach = ATTACH
    alone = _fastest(lambda: [ATTACH(t, ms, None) for t, ms in found], rounds)
    funded = sum(1 for t, ms in found for m in ATTACH(t, ms, None) if m.record is not None)
    print(f"{name}: the records stage alone {alone:.3f} s CPU, {funded} funded totals of "
          f"{sum(len(ms) for _, ms in found)} mentions")


def memory(size_mb: int) -> None:
    """The records stage's peak of traced memory on a ``size_mb`` MB mix as one text (its
    mentions found first), as a multiple of the string's size in memory."""
    import tracemalloc

    text = workloads.corpus_mix(size_mb * workloads.MB)
    found = []
    records.attach = lambda t, mentions, config: found.append(mentions) or mentions
    fundparse.extract(text)
    records.attach = ATTACH
    mentions = found[0]
    gc.collect()
    tracemalloc.start()
    base = tracemalloc.get_traced_memory()[0]
    start = time.process_time()
    out = ATTACH(text, mentions, None)
    spent = time.process_time() - start
    peak = tracemalloc.get_traced_memory()[1] - base
    tracemalloc.stop()
    funded = sum(1 for m in out if m.record is not None)
    string = sys.getsizeof(text)
    print(f"{size_mb} MB mix as one text ({string / workloads.MB:.0f} MB as a string): the "
          f"records stage peaks {peak / workloads.MB:.1f} MB above what it starts from "
          f"({peak / string:.2f}x the string), {funded} funded totals, {spent:.1f} s CPU "
          "(traced)")


def _other_records(tree: Path):
    """Another tree's ``fundparse/records`` package, loaded beside this tree's: its modules
    are imported under their own names while ``fundparse.records`` points at that tree, then
    this tree's modules are put back (the other package's modules keep what they imported)."""
    import importlib.util

    ours = {k: v for k, v in sys.modules.items()
            if k == "fundparse.records" or k.startswith("fundparse.records.")}
    for k in ours:
        del sys.modules[k]
    folder = tree / "fundparse" / "records"
    spec = importlib.util.spec_from_file_location(
        "fundparse.records", folder / "__init__.py", submodule_search_locations=[str(folder)])
    other = importlib.util.module_from_spec(spec)
    sys.modules["fundparse.records"] = other
    try:
        spec.loader.exec_module(other)
    finally:
        for k in [k for k in sys.modules
                  if k == "fundparse.records" or k.startswith("fundparse.records.")]:
            del sys.modules[k]
        sys.modules.update(ours)
        fundparse.records = ours["fundparse.records"]
    return other


def against(tree: Path, which: str, size: int, rounds: int) -> None:
    """The records stage alone on one workload's mentions: ``tree``'s and this tree's,
    alternated, best of ``rounds`` each; their outputs compared."""
    import os

    other = _other_records(tree)
    assert other.attach is not ATTACH
    text = (workloads.corpus_mix(size) if which == "mix" else workloads.news_archive(size))
    found = []
    records.attach = lambda t, mentions, config: found.append(mentions) or mentions
    fundparse.extract(text)
    records.attach = ATTACH
    mentions = found[0]
    same = repr(other.attach(text, mentions, None)) == repr(ATTACH(text, mentions, None))
    best = {"other": float("inf"), "this": float("inf")}
    for _ in range(rounds):
        for name, attach in (("other", other.attach), ("this", ATTACH)):
            best[name] = min(best[name], _fastest(lambda: attach(text, mentions, None), 1))
    load = os.getloadavg()[0]
    print(f"{which} {size} ({len(mentions)} mentions): the records stage alone, {tree} "
          f"{best['other']:.3f} s, this tree {best['this']:.3f} s "
          f"({best['this'] / best['other']:.2f}x), best of {rounds}; the same records: {same}; "
          f"load {load:.2f}")


if __name__ == "__main__":
    if sys.argv[1:] == ["--profile"]:
        profile()
    elif sys.argv[1:2] == ["--against"]:
        against(Path(sys.argv[2]), sys.argv[3], int(sys.argv[4]),
                int(sys.argv[5]) if len(sys.argv) > 5 else 5)
    elif sys.argv[1:2] == ["--memory"]:
        memory(int(sys.argv[2]) if len(sys.argv) > 2 else 8)
    elif sys.argv[1:] == ["--stage-both"]:
        # the two workloads of issue 19 (benchmarks/stages.py's sizes), as one text each
        fundparse.extract(workloads.SEED)
        stage("2 MB archive as one text", [workloads.news_archive(2 * 10**6)], 5)
        stage("1 MB mix as one text", [workloads.corpus_mix(10**6)], 5)
    elif sys.argv[1:] == ["--stage"]:
        fundparse.extract(workloads.SEED)
        stage("corpus documents one by one, 3 times", list(workloads.corpus_docs()) * 3, 7)
        stage("2 MB mix as one text", [workloads.corpus_mix(2 * workloads.MB)], 5)
    else:
        fundparse.extract(workloads.SEED)
        report("corpus documents one by one", list(workloads.corpus_docs()) * 3, 5)
        report("2 MB mix as one text", [workloads.corpus_mix(2 * workloads.MB)], 3)
