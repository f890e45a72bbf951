"""The records code writes no Korean: the particles, the Hangul range and the patterns its
modules build with are [grammar], [patterns] and [region] rows of records.toml (round
twenty-five)."""

from __future__ import annotations

import io
import re
import tokenize
from pathlib import Path

import fundparse
from fundparse.records.words import record_words

_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_RECORDS = Path(fundparse.__file__).parent / "records"


def _code_strings(path: Path) -> list[tuple[int, str]]:
    """The string literals of ``path`` that are code, not docstrings."""
    out, prev = [], None
    for tok in tokenize.generate_tokens(io.StringIO(path.read_text()).readline):
        if tok.type == tokenize.STRING and not (
                prev is None or prev.type in (tokenize.INDENT, tokenize.DEDENT,
                                              tokenize.NEWLINE, tokenize.NL)):
            out.append((tok.start[0], tok.string))
        if tok.type not in (tokenize.COMMENT, tokenize.NL):
            prev = tok
    return out


def test_the_records_modules_hold_no_korean_literal_outside_their_docstrings():
    modules = sorted(_RECORDS.glob("*.py"))
    assert len(modules) >= 10
    korean = [(path.name, line, s) for path in modules for line, s in _code_strings(path)
              if _HANGUL.search(s)]
    assert korean == []


def test_the_grammar_rows_are_what_the_patterns_are_built_with():
    w = record_words()
    grammar = w.data["grammar"]
    assert grammar["subject"] == ["은", "는", "이", "가"]
    # the subject particles close the lead-body pattern, the Hangul range bounds a body's name
    assert w.sentence_lead.pattern.endswith(f"(?:{'|'.join(grammar['subject'])})\\s")
    assert w.agency.pattern.startswith(f"(?<![{grammar['hangul']}A-Za-z0-9])")
    assert w.sentence_end.search("들인다. 하늘") is not None
