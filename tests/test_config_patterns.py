"""Each configuration reads with its own rule data, however many come and go in one process.

The compiled patterns are cached per set of rule tables.  Keyed by the tables' identity, a
new configuration could inherit a freed one's patterns (CPython reuses ids), and its currency
words would silently go unread.
"""

from __future__ import annotations

import fundparse
from fundparse.config import Config


def _word(i: int) -> str:
    """A made-up currency word of two distinct syllables and 화, different for each i."""
    return chr(0xAC00 + i * 37) + chr(0xAC00 + i * 11 + 5) + "화"


def test_many_configurations_each_read_their_own_currency():
    missed = []
    for i in range(300):
        word = _word(i)
        config = Config.from_mapping({"currencies": {"XAU": {"words": [word]}}})
        found = [(m.text, m.currency) for m in fundparse.extract(f"예산 5{word}을 배정",
                                                                  config=config)]
        if found != [(f"5{word}", "XAU")]:
            missed.append((word, found))
    assert missed == []


def test_the_pattern_cache_stays_bounded():
    from fundparse.engine import _COMPILED, COMPILED_LIMIT

    for i in range(COMPILED_LIMIT + 5):
        config = Config.from_mapping({"currencies": {"XAG": {"words": [_word(400 + i)]}}})
        fundparse.extract("5원", config=config)
    assert len(_COMPILED) <= COMPILED_LIMIT
