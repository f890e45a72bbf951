"""What ``extract()`` holds at once on a big string (issue 19, ≤ 600 MB for 200 MB): the sentence
finder's memory bounded (``pipeline._SpanMemo``), and each fact let go as its mention is built.
Both are checked here against the plain way, on the same texts; no timings."""

from __future__ import annotations

import dataclasses
import json
from decimal import localcontext
from pathlib import Path

import pytest

import fundparse
from fundparse import pipeline
from fundparse.model import EXACT
from fundparse.structure.sentences import Sentences

ROOT = Path(__file__).resolve().parent.parent
DOCS = sorted((ROOT / "corpus" / "docs").glob("*/*.txt"))
TEXTS = {
    "corpus": "\n\n".join(p.read_text(encoding="utf-8") for p in DOCS),
    # one long line: the finder answers from the span it found last, so the order of the
    # lookups matters here, not only the offsets
    "one-line": " ".join(p.read_text(encoding="utf-8").replace("\n", " ") for p in DOCS[:6]),
    "period-spaces": "2023년부터" + " " * 3000 + "2026년까지 5억 원",
    "mixed": "구미시는 2023년부터 2026년까지 4년간 281억 원(국비 121, 지방비 160)을 투입한다. "
             "올해 64억 원을 들여 2027년 준공한다. 2024~2023년 사업비 10억 원.",
}


def _mentions(mentions) -> str:
    return json.dumps([m.to_dict() for m in mentions], ensure_ascii=False, default=str)


def _findings(findings) -> str:
    return json.dumps([dataclasses.asdict(f) for f in findings], ensure_ascii=False, default=str)


def test_the_hook_still_finds_the_finders_memory():
    """``_bounded`` replaces ``Sentences._found``; if that attribute is renamed the bound is
    lost silently, so this fails instead."""
    sentences = Sentences("국비 10억 원. 도비 5억 원.")
    assert type(sentences._found) is dict
    assert isinstance(pipeline._bounded(sentences)._found, pipeline._SpanMemo)


def test_the_memo_lets_go_at_its_size(monkeypatch):
    monkeypatch.setattr(pipeline._SpanMemo, "SIZE", 4)
    memo = pipeline._SpanMemo()
    for k in range(10):
        memo[k] = (k, k + 1)
        assert len(memo) <= 4
    assert memo == {8: (8, 9), 9: (9, 10)}


@pytest.mark.parametrize("name", TEXTS)
def test_a_small_memo_gives_what_an_unbounded_one_gives(monkeypatch, name):
    text = TEXTS[name]
    monkeypatch.setattr(pipeline, "_bounded", lambda s: s)  # the finder's own dict: never forgets
    plain = (_mentions(fundparse.extract(text)), _findings(fundparse.check(text)))
    monkeypatch.undo()
    monkeypatch.setattr(pipeline._SpanMemo, "SIZE", 3)  # forgets all the time
    sizes = []
    real = pipeline._bounded

    def watched(sentences):
        sizes.append(real(sentences))
        return sizes[-1]

    monkeypatch.setattr(pipeline, "_bounded", watched)
    assert (_mentions(fundparse.extract(text)), _findings(fundparse.check(text))) == plain
    analysis, mentions = pipeline.analyse_both(text)
    assert _mentions(mentions()) == plain[0]
    assert all(len(s._found) <= 3 for s in sizes)


@pytest.mark.parametrize("name", TEXTS)
def test_mentions_built_fact_by_fact_are_the_plain_ones(name):
    """``extract`` lets each fact go as its mention is built: the same mentions as building them
    all from the analysis held whole."""
    from fundparse import records

    text = TEXTS[name]
    analysis = pipeline.analyse(text, None, None, full=False)
    with localcontext(EXACT):
        plain = [pipeline._mention(f, text, analysis.lines or pipeline.Lines(text), None)
                 for f in analysis.facts]
    assert _mentions(fundparse.extract(text)) == _mentions(records.attach(text, plain, None))
