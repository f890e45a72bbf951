"""The written forms of funding structure, compiled from rules/data/forms.toml.

The structure stage (fundparse/structure/) holds mechanisms only; every word it reads comes
from here, built once per set of rule tables (a configuration's extensions included).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from fundparse.rules.tables import DOTS, Tables

S = "[ \u00a0]"
WORD = rf"[가-힣]+(?:[{DOTS}][가-힣]+)*"
LAZY_WORD = rf"[가-힣]+?(?:[{DOTS}][가-힣]+?)*?"


def alternation(words) -> str:
    """A regex alternation of literal words, longest first (so 으로 is tried before 로)."""
    return "|".join(regex.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


@dataclass(frozen=True)
class SumForms:
    """What the arithmetic split pass reads around a candidate part or total."""

    source_after: regex.Pattern  # "은 특별교부세로": the source named after the amount
    label_before: regex.Pattern  # "국비 ", "정부가 ": the word right before the amount
    actor_before: regex.Pattern  # "한국토지주택공사(LH)가 "
    total_cue: regex.Pattern  # "총 ", "모두 " right before a total (matched backwards)
    nearest: int


@lru_cache(maxsize=32)
def _sum_forms(links: tuple, ends: tuple, actors: tuple, cues: tuple, nearest: int) -> SumForms:
    return SumForms(
        source_after=regex.compile(
            rf"{S}*(?:{alternation(links)}){S}*(?P<label>{LAZY_WORD})(?:{alternation(ends)})?"
            rf"(?=[,，.\s)]|$)"),
        label_before=regex.compile(
            rf"(?<![가-힣])(?P<label>{WORD}(?:{S}{WORD})?){S}*[:：(（]?{S}*\Z"),
        actor_before=regex.compile(
            rf"(?<![가-힣])(?P<label>[가-힣]{{2,}})(?:{S}*[(（][A-Za-z가-힣]{{1,12}}[)）])?"
            rf"(?:{alternation(actors)}){S}*\Z"),
        total_cue=regex.compile(rf"(?:{alternation(cues)})(?:은|는|이|가|을|를|로|으로)?{S}*"
                                rf"(?:약{S}*)?\Z"),
        nearest=nearest,
    )


def sum_forms(words: Tables) -> SumForms:
    table = words.forms.get("sum", {})
    return _sum_forms(tuple(table.get("links_after", ())), tuple(table.get("ends_after", ())),
                      tuple(table.get("actor_particles", ())), tuple(table.get("total_cues", ())),
                      int(table.get("nearest", 10)))
