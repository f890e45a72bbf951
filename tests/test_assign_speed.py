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
