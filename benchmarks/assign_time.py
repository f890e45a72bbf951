"""The arithmetic assigner alone, this tree's against another's, in one process (issue 19).

    python benchmarks/assign_time.py /tmp/base mix 1000000 3
    python benchmarks/assign_time.py /tmp/base archive 2000000 3

``extract`` runs once on the workload; the inputs of ``SumAssigner.run`` (the split reader, the
sentence finder's state, the facts) are captured where the pipeline calls it.  Then the run is
repeated with the other tree's ``structure/assign.py`` and ``structure/sentences.py`` (loaded as
second modules beside this tree's) and with this tree's, alternated, each from a copy of the
captured inputs (the facts copied deeply, the sentence finder rebuilt in the captured state), and
the CPU time of each is printed, best of the rounds.  Whole-``extract`` timings across processes
move with the machine's load more than a change of a tenth of one stage; this does not.  The two
runs' results are compared too (their splits' JSON), so a change of answer shows here as well.
"""

from __future__ import annotations

import copy
import importlib.util
import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import workloads  # noqa: E402


def _load(tree: Path, name: str):
    path = tree / "fundparse" / "structure" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"fundparse.structure._other_{name}", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _capture(text: str) -> dict:
    import fundparse
    from fundparse import pipeline

    seen: dict = {}
    plain = pipeline.SumAssigner

    class Capturing(plain):
        def run(self, facts):
            seen.update(reader=self.reader, forms=self.forms, facts=copy.deepcopy(facts),
                        words=self.reader.words, last=self.sentences._last,
                        found=dict(self.sentences._found))
            return super().run(facts)

    pipeline.SumAssigner = Capturing
    try:
        fundparse.extract(text)
    finally:
        pipeline.SumAssigner = plain
    return seen


def _splits(facts) -> str:
    return json.dumps([[f.amount.start, repr(f.split)] for f in facts], ensure_ascii=False)


def _one(assign, sentences_module, seen: dict, text: str) -> tuple[float, str]:
    from fundparse.pipeline import _bounded

    sentences = _bounded(sentences_module.Sentences(text, seen["words"]))
    sentences._last = seen["last"]
    sentences._found.update(seen["found"])
    reader = copy.copy(seen["reader"])
    reader.sentences = sentences
    facts = copy.deepcopy(seen["facts"])
    start = time.process_time()
    out = assign.SumAssigner(reader, sentences, seen["forms"]).run(facts)
    return time.process_time() - start, _splits(out)


def main(argv: list[str]) -> int:
    other = Path(argv[0])
    kind = argv[1] if len(argv) > 1 else "mix"
    size = int(argv[2]) if len(argv) > 2 else 1_000_000
    rounds = int(argv[3]) if len(argv) > 3 else 3
    text = workloads.corpus_mix(size) if kind == "mix" else workloads.news_archive(size)
    from fundparse.structure import assign, sentences

    trees = {"other": (_load(other, "assign"), _load(other, "sentences")),
             "this": (assign, sentences)}
    seen = _capture(text)
    best = {name: float("inf") for name in trees}
    outputs = {}
    print(f"{kind} {size}: load {os.getloadavg()[0]:.2f}", flush=True)
    for r in range(rounds):
        for name, (a, s) in trees.items():
            spent, outputs[name] = _one(a, s, seen, text)
            best[name] = min(best[name], spent)
            print(f"  round {r + 1} {name}: {spent:.3f} s", flush=True)
    print(f"{kind} {size}: other {best['other']:.3f} s, this {best['this']:.3f} s "
          f"({best['this'] / best['other']:.2f}×), same splits: {outputs['other'] == outputs['this']}, "
          f"load {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
