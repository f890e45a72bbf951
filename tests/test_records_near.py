"""The record finder's shortcuts give what the plain searches give (issue 19/20, records pass).

`NearOffsets` reads a hint pattern only in blocks near the amounts; `Offsets` reads the whole
text from its start.  `_topic_hint` answers `topic_hint.search(text, lo, hi) is not None` without
the pattern.  Each is checked against the plain way on texts made here: Korean prose with the
hint words, spaces and line breaks where a block would begin, and stretches with no space.
"""

from __future__ import annotations

import random

import pytest

from fundparse.records.earlier import _region_boundary
from fundparse.records.find import Finder
from fundparse.records.shared import NearOffsets, Offsets
from fundparse.records.words import record_words

WORDS = ["구미시는", "산업단지", "내", "안", "에", "연수동", "일원에", "센터", "건립을", "추진한다.",
         "공원은", "‘정원’", "사업에는", "도로", "확포장", "101", "번지에", "동", "리", "부지",
         "가나다라마바사", "읍내에", "시설", "지원"]
SEPARATORS = [" ", " ", " ", "\n", "\n\n", "  ", ""]


def _text(seed: int, n: int = 3000) -> str:
    rnd = random.Random(seed)
    return "".join(rnd.choice(WORDS) + rnd.choice(SEPARATORS) for _ in range(n))


def _windows(text: str, seed: int):
    rnd = random.Random(seed)
    pos = 0
    while pos < len(text):
        yield max(0, pos - rnd.randint(0, 1600)), min(len(text), pos + rnd.randint(0, 300))
        pos += rnd.randint(1, 900)


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("block", [512, 48])
def test_project_hints_near_the_amounts_are_the_whole_texts(seed, block):
    vocab = record_words("{}")
    text = _text(seed)
    plain = Offsets(vocab.project_hint, text)
    near = NearOffsets(vocab.project_hint, text, block=block)
    for lo, hi in _windows(text, seed):
        assert list(near.between(lo, hi)) == list(plain.between(lo, hi)), (lo, hi)
    assert near._whole is None  # read in blocks, not whole


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("block", [512, 48])
def test_region_hints_near_the_amounts_are_the_whole_texts(seed, block):
    """region_hint's matches run over spaces into 에 or an inside word ("…동 에", "…리⏎내"):
    a block never starts where one could."""
    vocab = record_words("{}")
    after = ("에",) + tuple(vocab.region["inside"])
    text = _text(100 + seed)
    plain = Offsets(vocab.region_hint, text)
    near = NearOffsets(vocab.region_hint, text, block=block,
                       boundary=_region_boundary(after), margin=max(map(len, after)) + 1)
    for lo, hi in _windows(text, seed):
        assert list(near.between(lo, hi)) == list(plain.between(lo, hi)), (lo, hi)
    assert near._whole is None  # read in blocks, not whole


def test_a_text_without_spaces_is_read_whole():
    vocab = record_words("{}")
    text = "센터사업" * 3000 + " 센터 "
    near = NearOffsets(vocab.project_hint, text, block=64)
    plain = Offsets(vocab.project_hint, text)
    assert list(near.between(5000, 9000)) == list(plain.between(5000, 9000))
    assert list(near.between(11990, len(text))) == list(plain.between(11990, len(text)))
    assert near._whole is not None


@pytest.mark.parametrize("seed", range(3))
def test_topic_hint_without_its_pattern(seed):
    vocab = record_words("{}")
    text = _text(200 + seed) + "센터는 시설에는 ‘마당’ 공원은가 사업에는, 건립은"
    finder = Finder(text, vocab)
    rnd = random.Random(seed)
    for _ in range(3000):
        lo = rnd.randrange(len(text))
        hi = min(len(text), lo + rnd.randrange(0, 200))
        assert finder._topic_hint(lo, hi) == (vocab.topic_hint.search(text, lo, hi) is not None)
