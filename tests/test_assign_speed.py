"""The arithmetic assigner's speed mechanisms (issue 19, tenth pass) give what the plain ways
give: the backward gate before a window search ending at a figure.  (No timings here:
benchmarks/README.md has the figures.)"""

from __future__ import annotations

import dataclasses
import random
from pathlib import Path

import regex

from fundparse.config import Config
from fundparse.pipeline import load_tables
from fundparse.rules.forms import label_forms, sum_forms
from fundparse.structure.assign import _reversed, ending_at

ROOT = Path(__file__).resolve().parent.parent
DOCS = sorted((ROOT / "corpus" / "docs").rglob("*.txt"))


def _end_patterns() -> list:
    """Every rule pattern of the sum and label forms that ends at its window's end."""
    words = load_tables(Config().data)
    found = []
    for forms in (sum_forms(words), label_forms(words)):
        for f in dataclasses.fields(forms):
            value = getattr(forms, f.name)
            for p in value if isinstance(value, tuple) else (value,):
                if hasattr(p, "search") and hasattr(p, "pattern") and p.pattern.endswith("\\Z"):
                    found.append((f.name, p))
    return found


def _texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in DOCS]


def test_the_gate_applies_to_the_assigners_patterns():
    gated = {name for name, p in _end_patterns() if _reversed(p) is not None}
    for name in ("label_before", "paid_before", "paid_share", "paid_clause", "aliased_before",
                 "actor_before", "skip_before", "share_before", "total_cue", "each_before"):
        assert name in gated


def test_ending_at_is_the_plain_search():
    """The same match (span and groups) as ``search`` for every window ending at a figure's
    offset, or at any offset, over the corpus documents, at several reaches."""
    rng = random.Random(19)
    patterns = _end_patterns()
    checked = hits = 0
    for text in _texts():
        ends = [m.start() for m in regex.finditer(r"\d+", text)]
        ends += [rng.randrange(len(text) + 1) for _ in range(len(ends) // 2 + 5)]
        for end in ends:
            for name, p in patterns:
                for reach in (4, 12, 24, 48, 60):
                    lo = max(0, end - reach)
                    want, got = p.search(text, lo, end), ending_at(p, text, lo, end)
                    assert (want is None) == (got is None), (name, text[lo:end])
                    if want is not None:
                        assert want.span() == got.span() and want.groups() == got.groups()
                        hits += 1
                    checked += 1
    assert checked > 100_000 and hits > 1_000


def test_ending_at_on_random_text():
    """Windows of random text built from the corpus's own characters and the patterns' marks."""
    rng = random.Random(20)
    letters = "".join(sorted(set("".join(_texts())))) + "  \u00a0()（）%％·,\n"
    for name, p in _end_patterns():
        for _ in range(300):
            text = "".join(rng.choice(letters) for _ in range(rng.randrange(1, 40)))
            end = rng.randrange(len(text) + 1)
            lo = rng.randrange(end + 1)
            want, got = p.search(text, lo, end), ending_at(p, text, lo, end)
            assert (want is None) == (got is None), (name, text)
            if want is not None:
                assert want.span() == got.span()


def test_patterns_a_backward_search_may_read_otherwise_are_searched_plainly():
    for source in (r"(?>a+)a\Z", r"a++b\Z", r"(a)\1\Z", r"a(?=b)", r"ab"):
        assert _reversed(regex.compile(source)) is None
    assert ending_at(regex.compile(r"(?>a+)a\Z"), "aaa", 0, 3) is None
    assert ending_at(regex.compile(r"a+\Z"), "xaaa", 0, 4).span() == (1, 4)


def test_one_gate_for_the_patterns_passed_over():
    """The joined backward pattern of ``skip_before`` finds a match in a window exactly where one
    of the patterns does."""
    from fundparse.structure.assign import _any_of

    skips = sum_forms(load_tables(Config().data)).skip_before
    gate = _any_of(skips)
    assert gate is not None
    rng = random.Random(21)
    hits = 0
    for text in _texts()[:30]:
        ends = [m.start() for m in regex.finditer(r"\d+", text)]
        ends += [rng.randrange(len(text) + 1) for _ in range(50)]
        for end in ends:
            lo = max(0, end - 48)
            want = any(p.search(text, lo, end) is not None for p in skips)
            assert want == (gate.search(text, lo, end) is not None), text[lo:end]
            hits += want
    assert hits > 10
    assert _any_of((regex.compile(r"(?>a+)a\Z"), regex.compile(r"b\Z"))) is None


def test_ratios_by_bisection_are_the_ratios_in_the_window():
    """The ratio matches read from the sorted starts are those a scan of all of them keeps."""
    import fundparse
    from fundparse.structure import assign

    seen = []
    plain = assign.SumAssigner._ratio

    def checked(self, total, lo, hi, own):
        got = plain(self, total, lo, hi, own)
        if self._ratios:
            wide = self._named_later(hi)
            want = [m for m in self._ratios if lo <= m.start() < wide]
            starts = self._ratio_starts
            import bisect
            assert want == self._ratios[bisect.bisect_left(starts, lo):bisect.bisect_left(starts, wide)]
            seen.append(len(want))
        return got

    assign.SumAssigner._ratio = checked
    ratios = ["총사업비 100억 원은 국비와 지방비가 5:5로 부담한다.", "사업비 80억원은 도와 시가 절반씩 부담한다.",
              "교육부와 교육청, 지자체가 각각 3 대 3 대 4 비율로 총 50억 원을 분담한다.",
              "국비와 시비 부담 비율은 6대4로 국비는 6322억원, 나머지 4215억원은 시비로 충당한다."]
    try:
        for n, text in enumerate(_texts()):
            lines = text.splitlines()
            for i in range(len(lines) - 1, 0, -3):  # a ratio every third line
                lines.insert(i, ratios[(n + i) % len(ratios)])
            fundparse.extract("\n".join(lines))
    finally:
        assign.SumAssigner._ratio = plain
    assert sum(1 for n in seen if n) > 20
