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


# --- the sparse archive: money in about one sentence in 30 ------------------------------------

# Money-free Korean prose of our own (not from any source): short news sentences built from
# these parts, deterministic for a given seed.
_PLACES = ("시청 앞 광장", "읍내 전통시장", "강변 산책로", "구립 도서관", "마을 회관", "항구 주변",
           "대학 캠퍼스", "지하철역 인근", "농촌 체험마을", "시립 미술관", "해안 도로", "문화센터")
_PEOPLE = ("주민들", "상인들", "청소년 봉사단", "지역 예술가들", "어르신들", "관광객들", "학부모회",
           "소방대원들", "자원봉사자들", "시민 단체 회원들", "교사들", "농민들")
_TIMES = ("주말마다", "지난달부터", "올봄에도", "해마다 이맘때면", "새벽부터", "저녁 무렵",
          "방학 기간에", "장마가 끝난 뒤", "축제 기간 내내", "요즘 들어")
_DOINGS = ("작은 음악회를 열고", "환경 정화 활동을 펼치고", "독서 모임을 이어 가고",
           "전통 놀이를 재현하고", "안전 점검에 나서고", "꽃길을 가꾸고", "사진 전시를 준비하고",
           "이웃을 돌보는 모임을 꾸리고", "걷기 행사를 마련하고", "옛 이야기를 기록하고")
_ENDS = ("있다.", "있어 눈길을 끈다.", "있다고 전했다.", "있어 호응을 얻고 있다.",
         "있다며 참여를 당부했다.", "있어 분위기가 한층 밝아졌다.")
_SAYINGS = ("한 관계자는 \"앞으로도 꾸준히 이어 가겠다\"고 말했다.",
            "참가자들은 서로의 안부를 묻고 이야기를 나눴다.",
            "행사장 곳곳에는 안내 요원이 배치됐다.",
            "날씨가 맑아 가족 단위 방문객이 크게 늘었다.",
            "주최 측은 불편이 없도록 교통 안내를 강화하기로 했다.")
# numbers that are not money: counts, measures, dates, times, phone numbers, articles
_NOT_MONEY = ("행사에는 {n}명이 참가했다.", "기온은 {d}도까지 올랐다.", "{y}년 {m}월 {k}일 문을 열었다.",
              "문의는 0{k}-{n}-{n2}번으로 하면 된다.", "면적은 {n}㎡에 이른다.", "오후 {k}시 {m}분에 시작한다.",
              "조례 제{k}조에 따라 운영된다.", "참여율은 {d}%로 집계됐다.", "길이는 {d}㎞다.")


def _filler(rng, numbers: bool) -> str:
    if numbers and rng.random() < 0.2:
        return rng.choice(_NOT_MONEY).format(
            n=rng.randint(12, 9999), n2=rng.randint(1000, 9999), d=f"{rng.randint(1, 99)}.{rng.randint(0, 9)}",
            y=rng.randint(1990, 2030), m=rng.randint(1, 12), k=rng.randint(1, 28))
    if rng.random() < 0.25:
        return rng.choice(_SAYINGS)
    return (f"{rng.choice(_PLACES)}에서는 {rng.choice(_PEOPLE)}이 {rng.choice(_TIMES)} "
            f"{rng.choice(_DOINGS)} {rng.choice(_ENDS)}")


_SENTENCE_END = re.compile(r"(?<=[다요]\.)\s+|\n+")


@lru_cache(maxsize=1)
def money_sentences() -> tuple[str, ...]:
    """Each corpus document's sentences (lines, and ``다.`` inside them) that hold an amount."""
    import fundparse

    out = []
    for doc in corpus_docs():
        for sentence in _SENTENCE_END.split(doc):
            sentence = sentence.strip()
            if sentence and fundparse.extract(sentence):
                out.append(sentence)
    return tuple(out)


def news_archive(size: int, numbers: bool = False, every: int = 30, seed: int = 7) -> str:
    """A news archive of ``size`` UTF-8 bytes: the corpus's money sentences in order, each
    followed by ``every - 1`` sentences of money-free prose, five to a paragraph; with
    ``numbers``, one filler sentence in five holds a number that is not money."""
    import random

    rng = random.Random(seed)
    out: list[str] = []
    total = 0
    paragraph: list[str] = []
    for sentence in itertools.cycle(money_sentences()):
        for i in range(every):
            paragraph.append(sentence if i == 0 else _filler(rng, numbers))
            if len(paragraph) == 5:
                block = " ".join(paragraph)
                out.append(block)
                total += len(block.encode("utf-8")) + 2
                paragraph = []
        if total >= size:
            break
    return "\n\n".join(out)


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
    as an installed package has it, and so are fundparse's compiled patterns
    (FUNDPARSE_CACHE_DIR, fundparse/patterns.py); without, the environment decides (this sandbox sets
    PYTHONDONTWRITEBYTECODE=1, so every start compiles fundparse's modules anew)."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("FUNDPARSE_") and k not in ("NO_COLOR", "COLUMNS")}
    if pycache is not None:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(pycache)
        # compiled patterns too (fundparse.patterns), beside the bytecode, not in the user's home
        env["FUNDPARSE_CACHE_DIR"] = os.path.join(pycache, "fundparse-patterns")
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
    text = (corpus_mix(n) if name == "mix" else news_archive(n) if name == "archive"
            else news_archive(n, numbers=True) if name == "archive-numbers" else CASES[name].build(n))
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
    if len(argv) == 3 and argv[0] == "profile" and (argv[1] in CASES or argv[1] in ("mix", "archive", "archive-numbers")):
        profile(argv[1], int(argv[2]))
        return 0
    print(__doc__, file=sys.stderr)
    print("cases: " + ", ".join(f"{c.name} ({c.what})" for c in CASES.values()), file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
