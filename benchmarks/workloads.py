"""Inputs for the benchmarks in this folder, and a child-process runner for the risky ones.

Everything is generated from ``corpus/docs/**/*.txt`` (68 hand-annotated releases, budget pages
and news items) so the figures describe the text fundparse is written for:

* :func:`corpus_mix` — the documents in sorted order, cycled and joined with blank lines until
  the text holds the asked number of UTF-8 bytes (the ~8 MB throughput input);
* :func:`prose_lines` — corpus lines without any amount (headers, titles, bullet prose): the
  money-free "ordinary text" that fills most of a news archive;
* :func:`write_archive` — a huge plain-text file streamed to disk: every corpus document
  followed by ten times its size of those money-free lines (about 0.7 mentions per KB, what a
  news archive holds, against 7.5 per KB in the money-dense corpus itself);
* :data:`CASES` — the adversarial inputs of issue 7, each a function of a repeat count ``n``.

Adversarial inputs can hang a regular-expression engine inside C code, where no signal reaches
it, so they run in a child process that the parent kills on a deadline::

    python benchmarks/workloads.py adversarial eok 1000000      # one timing, as JSON
    python benchmarks/workloads.py probe eok 16 18 20 22        # tiny sizes, one line each
    python benchmarks/workloads.py profile line 250000          # cProfile, top 25 by own time
    python benchmarks/workloads.py profile mix 2000000          # the same on 2 MB of the mix

The child times ``fundparse.extract`` alone (input built and engine warmed up beforehand) and
repeats short runs, keeping the fastest, so figures of a few milliseconds are not noise.
"""

from __future__ import annotations

import itertools
import json
import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus" / "docs"
SEED = "2023년부터 2026년까지 4년간 281억 원(국비 121, 지방비 160)을 투입한다.\n"
MB = 1_000_000


# --- corpus text -------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def corpus_docs() -> tuple[str, ...]:
    """The corpus documents' text, sorted by path (UTF-8 files, read as such)."""
    paths = sorted(CORPUS.glob("**/*.txt"))
    if not paths:
        raise FileNotFoundError(f"no corpus documents under {CORPUS}")
    return tuple(p.read_text(encoding="utf-8") for p in paths)


def corpus_mix(size: int) -> str:
    """Corpus documents cycled and joined with a blank line until ``size`` UTF-8 bytes."""
    return "\n\n".join(mix_documents(size))


def mix_documents(size: int) -> list[str]:
    """The documents :func:`corpus_mix` joins, as a list."""
    out: list[str] = []
    total = 0
    for doc in itertools.cycle(corpus_docs()):
        out.append(doc)
        total += len(doc.encode("utf-8")) + 2
        if total >= size:
            return out
    return out  # pragma: no cover


@lru_cache(maxsize=1)
def prose_lines() -> tuple[str, ...]:
    """Corpus lines holding no digit and no amount: ordinary text with no money in it."""
    import fundparse

    lines = []
    for doc in corpus_docs():
        for line in doc.split("\n"):
            if line.strip() and not re.search(r"\d", line) and not fundparse.extract(line):
                lines.append(line)
    return tuple(lines)


def one_line(size: int) -> str:
    """Ordinary corpus text with its line breaks turned into spaces: one line of ``size`` bytes."""
    flat = " ".join(" ".join(doc.split()) for doc in corpus_docs())
    data = flat.encode("utf-8")
    data = (data * (size // len(data) + 1))[:size]
    return data.decode("utf-8", errors="ignore")


def write_archive(path: Path, size: int, prose_ratio: int = 10) -> dict:
    """Stream a plain-text "archive" of at least ``size`` bytes to ``path``: each corpus document
    followed by ``prose_ratio`` times its size of money-free lines.  Returns size figures."""
    prose = itertools.cycle(prose_lines())
    written = dense = 0
    buf: list[bytes] = []
    pending = 0
    with open(path, "wb") as out:
        for doc in itertools.cycle(corpus_docs()):
            block = doc.rstrip("\n").encode("utf-8") + b"\n\n"
            filler: list[str] = []
            room = prose_ratio * len(block)
            while room > 0:
                line = next(prose)
                filler.append(line)
                room -= len(line.encode("utf-8")) + 1
            block += ("\n".join(filler) + "\n\n").encode("utf-8")
            buf.append(block)
            pending += len(block)
            dense += len(doc.encode("utf-8"))
            if pending >= 8 * MB:
                out.write(b"".join(buf))
                written += pending
                buf, pending = [], 0
                if written >= size:
                    break
        if buf:
            out.write(b"".join(buf))
            written += pending
    return {"bytes": written, "money_dense_bytes": dense}


def write_folder(folder: Path, files: int, docs_per_file: int) -> dict:
    """``files`` text files in ``folder``, each ``docs_per_file`` consecutive corpus documents
    (wrapping round the corpus, starting one document later in each file)."""
    docs = corpus_docs()
    folder.mkdir(parents=True, exist_ok=True)
    total = 0
    for i in range(files):
        text = "\n\n".join(docs[(i + k) % len(docs)] for k in range(docs_per_file))
        data = text.encode("utf-8")
        (folder / f"release-{i:04d}.txt").write_bytes(data)
        total += len(data)
    return {"files": files, "bytes": total}


# --- adversarial inputs ------------------------------------------------------------------------

@dataclass(frozen=True)
class Case:
    name: str
    what: str
    build: Callable[[int], str]
    n: int          # the smaller size; the benchmark also runs 2n
    unit: str       # what n counts
    call: str = "extract"   # or "check" (which reads periods over the whole text)


CASES: dict[str, Case] = {c.name: c for c in (
    Case("digits", "a run of n digits, then 억 원", lambda n: "1" * n + "억 원", 2_000_000, "digits"),
    Case("eok", "n times 억 (issue 7: a million)", lambda n: "억" * n, 1_000_000, "억"),
    Case("commas", '"1,1,1,…" n times, then 1억 원', lambda n: "1," * n + "1억 원", 1_000_000,
         "groups"),
    Case("parens", "281억 원 then n opening parentheses", lambda n: "281억 원" + "(" * n, 2_000_000,
         "parentheses"),
    Case("nested", "281억 원 then n times (국비 1, never closed", lambda n: "281억 원" + "(국비 1" * n,
         200_000, "openings"),
    Case("line", "one line of ordinary corpus text, n bytes", one_line, 1_000_000, "bytes"),
    Case("won", "n times 원", lambda n: "원" * n, 1_000_000, "원"),
    Case("man", "n times 만", lambda n: "만" * n, 1_000_000, "만"),
    Case("eok-won", '"1억 원 " n times on one line', lambda n: "1억 원 " * n, 40_000, "repeats"),
    # issue 21: a Hangul numeral run looked over once per syllable (26 s at 32,000)
    Case("il-won", 'n times 일, then 원', lambda n: "일" * n + "원", 64_000, "일"),
    # the split arithmetic: every total looked for its parts among every amount (was n²)
    Case("labelled-parts", '"국비 1억 원, 도비 2억 원, 시비 3억 원, " n times',
         lambda n: "국비 1억 원, 도비 2억 원, 시비 3억 원, " * n, 4_000, "parts"),
    # issue 21, whitespace runs inside a period form: the "span" form of forms.toml
    # [periods] tries every split of a run between its adjacent \s* (after the last year:
    # (?:\s*까지)?(?:\s*[,(]?\s*(?:총\s*|향후\s*)?…), so each year before a long run costs n²
    Case("period-spaces", '"2023년부터", n spaces, "2026년까지 5억 원"',
         lambda n: "2023년부터" + " " * n + "2026년까지 5억 원", 20_000, "spaces"),
    Case("period-tabs", '"2023∼2026년", n tabs, "5억 원"',
         lambda n: "2023∼2026년" + "\t" * n + "5억 원", 20_000, "tabs"),
    Case("period-newlines-check", 'check on "2023∼2026년", n line breaks, "x" (33 s at 16,000)',
         lambda n: "2023∼2026년" + "\n" * n + "x", 4_000, "line breaks", "check"),
    Case("spaces-amount-check", 'check on n spaces, then 5억 원',
         lambda n: " " * n + "5억 원", 50_000, "spaces", "check"),
)}


def rowspan_html(n: int) -> bytes:
    """An HTML table of n rows, each one cell with rowspan="65534" (issue 21: n²/2 tabs)."""
    rows = '<tr><td rowspan="65534">1억 원</td></tr>' * n
    return f"<html><body><table>{rows}</table></body></html>".encode()


def time_extract(text: str, budget: float = 1.0, most: int = 5,
                 call: str = "extract") -> tuple[float, int]:
    """Fastest of a few ``fundparse.extract(text)`` (or ``check``) runs, repeated while under
    ``budget`` s."""
    import fundparse

    function = getattr(fundparse, call)

    best = float("inf")
    mentions = 0
    spent = 0.0
    from fundparse.numerals import _cached

    for _ in range(most):
        _cached.cache_clear()  # each run parses its numerals afresh, as a user's first call does
        start = time.perf_counter()
        mentions = len(function(text))
        took = time.perf_counter() - start
        best = min(best, took)
        spent += took
        if spent >= budget:
            break
    return best, mentions


def run_case(name: str, n: int) -> dict:
    """Build case ``name`` at size ``n`` and time extract on it (in this process)."""
    import fundparse

    fundparse.extract(SEED)  # rule tables compiled, caches warm
    text = CASES[name].build(n)
    seconds, mentions = time_extract(text, call=CASES[name].call)
    return {"case": name, "n": n, "bytes": len(text.encode("utf-8")), "chars": len(text),
            "seconds": seconds, "mentions": mentions}


def run_case_in_child(name: str, n: int, timeout: float) -> dict:
    """:func:`run_case` in a fresh interpreter, killed after ``timeout`` seconds.

    Returns the child's figures, or ``{"timeout": timeout, ...}`` when it was killed."""
    cmd = [sys.executable, str(Path(__file__).resolve()), "adversarial", name, str(n)]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT,
                            env=_child_env())
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        return {"case": name, "n": n, "bytes": len(CASES[name].build(n).encode("utf-8")),
                "timeout": timeout}
    if proc.returncode != 0:
        raise RuntimeError(f"{name} n={n}: exit {proc.returncode}: {err.decode()[-2000:]}")
    return json.loads(out)


def _child_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p)
    return env


# --- the command --------------------------------------------------------------------------------

def command() -> list[str]:
    """The ``fundparse`` console script beside this interpreter, else ``python -m fundparse``."""
    script = shutil.which("fundparse", path=os.path.dirname(sys.executable))
    return [script] if script else [sys.executable, "-m", "fundparse"]


def cli_env(pycache: str | os.PathLike[str] | None = None) -> dict[str, str]:
    """The environment without FUNDPARSE_* settings, NO_COLOR or COLUMNS.

    With ``pycache``, bytecode is written to and read from that folder (PYTHONPYCACHEPREFIX),
    as an installed package has it; without, the environment decides (this sandbox sets
    PYTHONDONTWRITEBYTECODE=1, so every start compiles fundparse's modules anew)."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("FUNDPARSE_") and k not in ("NO_COLOR", "COLUMNS")}
    if pycache is not None:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(pycache)
    return env


def probe(name: str, sizes: list[int]) -> Iterator[dict]:
    for n in sizes:
        yield run_case(name, n)


def profile(name: str, n: int, top: int = 25) -> None:
    """cProfile of extract on case ``name`` at size ``n`` ("mix" profiles ``n`` bytes of the
    corpus mix); prints the ``top`` functions by own time."""
    import cProfile
    import pstats

    import fundparse

    fundparse.extract(SEED)
    text = corpus_mix(n) if name == "mix" else CASES[name].build(n)
    profiler = cProfile.Profile()
    profiler.runcall(fundparse.extract, text)
    pstats.Stats(profiler).sort_stats("tottime").print_stats(top)


def main(argv: list[str]) -> int:
    if len(argv) >= 3 and argv[0] == "adversarial" and argv[1] in CASES:
        print(json.dumps(run_case(argv[1], int(argv[2]))))
        return 0
    if len(argv) >= 3 and argv[0] == "probe" and argv[1] in CASES:
        for row in probe(argv[1], [int(a) for a in argv[2:]]):
            print(json.dumps(row), flush=True)
        return 0
    if len(argv) == 3 and argv[0] == "profile" and (argv[1] in CASES or argv[1] == "mix"):
        profile(argv[1], int(argv[2]))
        return 0
    print(__doc__, file=sys.stderr)
    print("cases: " + ", ".join(f"{c.name} ({c.what})" for c in CASES.values()), file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
