"""How findings word money and Korean particles, and the checks' words and patterns (shared by
every check module).  The Korean words, patterns and message templates live in
fundparse/rules/data/checks.toml, read once."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

import regex

from fundparse import patterns, startup
from fundparse.krw import format_krw
from fundparse.model import decimal_str

_FIRST_SYLLABLE, _LAST_SYLLABLE = 0xAC00, 0xD7A3


@lru_cache(maxsize=1)
def data() -> dict:
    """checks.toml, parsed once (and kept across processes: fundparse/startup.py)."""
    raw = (Path(__file__).parent.parent / "rules" / "data" / "checks.toml").read_bytes()
    return startup.toml("checks.toml", raw)


def section(name: str) -> dict:
    return data()[name]


def pattern(section_name: str, key: str, flags: int = 0) -> regex.Pattern:
    """A pattern of ``section_name``: one string, or pieces joined without separators."""
    value = section(section_name)[key]
    return patterns.compile(value if isinstance(value, str) else "".join(value), flags)


def word_set(section_name: str, key: str) -> set[str]:
    return set(section(section_name)[key])


class _Word(str):
    """A value in a message template: ``{word:이/가}`` is the particle that fits after it."""

    def __format__(self, spec: str) -> str:
        if "/" in spec:
            with_final, without_final = spec.split("/", 1)
            return josa(self, with_final, without_final)
        return str.__format__(str(self), spec)


def say(key: str, **values) -> str:
    """The Korean message ``key`` of checks.toml with ``values`` filled in."""
    return section("messages")[key].format(**{k: _Word(v) for k, v in values.items()})


def money(value: Decimal | None, currency: str) -> str:
    if value is None:
        return "?"
    if currency == "KRW" and value == value.to_integral_value():
        return format_krw(int(value))
    return f"{decimal_str(value)} {currency}"


def josa(word: str, with_final: str, without_final: str) -> str:
    """Korean particle after ``word``: 이/가, 과/와 … by whether it ends in a final consonant."""
    last = word.rstrip()[-1:] if word.strip() else ""
    if last and _FIRST_SYLLABLE <= ord(last) <= _LAST_SYLLABLE:
        return with_final if (ord(last) - _FIRST_SYLLABLE) % 28 else without_final
    return with_final if last.isdigit() and last in "013678" else without_final


@dataclass(frozen=True)
class Place:
    start: int
    end: int
