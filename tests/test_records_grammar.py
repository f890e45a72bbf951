"""The pattern builders of fundparse/records/words.py write no Korean: the particles and the
Hangul range they build with are [grammar] rows of records.toml (round twenty-five)."""

from __future__ import annotations

import io
import re
import tokenize
from pathlib import Path

import fundparse
from fundparse.records.words import record_words

_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_WORDS = Path(fundparse.__file__).parent / "records" / "words.py"


def _code_strings(path: Path) -> list[tuple[int, str]]:
    """The string literals of ``path`` that are code, not docstrings."""
    out, prev = [], None
    for tok in tokenize.generate_tokens(io.StringIO(path.read_text()).readline):
        if tok.type == tokenize.STRING and not (
                prev is not None and prev.type in (tokenize.INDENT, tokenize.DEDENT,
                                                   tokenize.NEWLINE, tokenize.NL)):
            out.append((tok.start[0], tok.string))
        if tok.type not in (tokenize.COMMENT, tokenize.NL):
            prev = tok
    return out


def test_words_py_builds_its_patterns_without_korean_literals():
    korean = [(line, s) for line, s in _code_strings(_WORDS) if _HANGUL.search(s)]
    assert korean == []


def test_the_grammar_rows_are_what_the_patterns_are_built_with():
    w = record_words()
    grammar = w.data["grammar"]
    assert grammar["subject"] == ["은", "는", "이", "가"]
    # the subject particles close the lead-body pattern, the Hangul range bounds a body's name
    assert w.sentence_lead.pattern.endswith(f"(?:{'|'.join(grammar['subject'])})\\s")
    assert w.agency.pattern.startswith(f"(?<![{grammar['hangul']}A-Za-z0-9])")
    assert w.sentence_end.search("들인다. 하늘") is not None
