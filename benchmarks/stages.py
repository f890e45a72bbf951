"""CPU time of each stage of ``fundparse.extract`` per mention, without a profiler (issue 19).

    python benchmarks/stages.py                    # 1 MB of the dense corpus mix, best of 2
    python benchmarks/stages.py archive 2000000 3  # 2 MB of the sparse archive, best of 3

The stages are the functions ``fundparse.pipeline`` calls (looked up there by name, so each is
timed where the pipeline calls it), the arithmetic assigner's ``run``, the checks and the record
finder; time spent inside one stage is not counted again in another.  cProfile's own cost
per call distorts a profile of this many small calls (about 5× on the mix), so this is the
figure to compare stages by; ``workloads.py profile`` then shows what is inside one.
"""

from __future__ import annotations

import collections
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import workloads  # noqa: E402

STAGES = ("sniff_doc_date", "find_amounts", "find_table_amounts", "Sentences", "Lines",
          "_metro_document", "_find_splits", "_settle", "label_before", "fiscal_year_before",
          "find_periods", "join_pieces", "_attach_periods", "_respective_years", "_mention")
CHECKS = ("check_split", "check_period", "check_document", "check_number_format")


def _timed(owner, name: str, label: str, spent: collections.Counter, depth: list[int]) -> None:
    inner = getattr(owner, name)

    def timed(*args, **kwargs):
        if depth[0]:  # inside another timed stage: counted there
            return inner(*args, **kwargs)
        depth[0] += 1
        start = time.process_time()
        try:
            return inner(*args, **kwargs)
        finally:
            spent[label] += time.process_time() - start
            depth[0] -= 1

    setattr(owner, name, timed)


def main(argv: list[str]) -> int:
    kind = argv[0] if argv else "mix"
    size = int(argv[1]) if len(argv) > 1 else 1_000_000
    rounds = int(argv[2]) if len(argv) > 2 else 2
    import fundparse
    from fundparse import checks, pipeline, records
    from fundparse.structure import assign

    fundparse.extract(workloads.SEED)
    text = (workloads.corpus_mix(size) if kind == "mix"
            else workloads.news_archive(size, numbers=kind == "archive-numbers"))
    spent: collections.Counter = collections.Counter()
    depth = [0]
    for name in STAGES:
        _timed(pipeline, name, name, spent, depth)
    _timed(assign.SumAssigner, "run", "SumAssigner.run", spent, depth)
    for name in CHECKS:
        _timed(checks, name, f"checks.{name}", spent, depth)
    _timed(records, "attach", "records.attach", spent, depth)
    best: tuple[float, dict, int] | None = None
    for _ in range(rounds):
        spent.clear()
        start = time.process_time()
        count = len(fundparse.extract(text))
        took = time.process_time() - start
        if best is None or took < best[0]:
            best = (took, dict(spent), count)
    took, stages, count = best
    print(f"{kind}: {len(text.encode('utf-8')) / workloads.MB:.2f} MB, {count} mentions, "
          f"{took:.3f} s CPU, {took / count * 1e6:.0f} µs per mention (best of {rounds})")
    for label, seconds in sorted(stages.items(), key=lambda item: -item[1]):
        if seconds >= 0.0005:
            print(f"  {seconds / count * 1e6:6.0f} µs  {100 * seconds / took:5.1f} %  {label}")
    rest = took - sum(stages.values())
    print(f"  {rest / count * 1e6:6.0f} µs  {100 * rest / took:5.1f} %  (the rest of extract)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
