"""The rule data: package TOML files in rules/data/, merged with a user's extensions.

Nothing here knows how rules use the words; it only loads, merges and indexes them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from fundparse import patterns

DOTS = "·ㆍ・‧･•․"  # middle-dot variants read the same in compound sources (국·도비)
_DOT_TABLE = str.maketrans("", "", DOTS + " \u00a0")


def _load(name: str) -> dict[str, Any]:
    """A package rule file, parsed (kept across processes by its bytes: fundparse/startup.py)."""
    from fundparse import startup

    data = (Path(__file__).parent / "data" / name).read_bytes()
    return startup.toml(name, data)


def merge_tables(into: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    """Deep-merge ``extra`` into ``into``: tables merge, lists extend, scalars replace."""
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(into.get(key), dict):
            merge_tables(into[key], value)
        elif isinstance(value, list) and isinstance(into.get(key), list):
            into[key] = into[key] + [v for v in value if v not in into[key]]
        else:
            into[key] = value
    return into


def spaced_variants(word: str) -> list[str]:
    """A word with an inner space also matches without it: "캐나다 달러" -> + "캐나다달러"."""
    return [word, word.replace(" ", "")] if " " in word else [word]


def source_key(label: str) -> str:
    """Lookup key for a source label: middle dots and spaces do not matter (국·도비 = 국도비)."""
    return label.translate(_DOT_TABLE)


@dataclass(frozen=True)
class Tables:
    """All rule data for one configuration (cached per distinct extension set)."""

    currencies: dict[str, dict[str, list[str]]]
    scales: dict[str, int]
    markers: dict[str, Any]
    money_words: dict[str, list[str]]
    sources: dict[str, str]
    codes: dict[str, str]
    metropolitan: tuple[str, ...]
    provinces: tuple[str, ...] = ()
    city_funds: tuple[str, ...] = ()  # 시비: provincial in a 광역시
    districts: tuple[str, ...] = ()  # 군/구 of the metropolitan cities (their 시비 is provincial)
    municipalities: tuple[str, ...] = ()  # 시/군 of the provinces, by name
    municipality_after: tuple[str, ...] = ()  # "시", "군", "=": what names one as a place
    heads: dict[str, str] = field(default_factory=dict)  # 기금 in 한강수계기금
    tails: tuple[str, ...] = ()  # 지원 in 국고지원, 사업비 in 민자사업비 ([tails] of sources.toml)
    forms: dict[str, Any] = field(default_factory=dict)  # how structure is written (forms.toml)

    @cached_property
    def currency_words(self) -> dict[str, str]:
        """Word written after a number -> ISO code ("달러" -> "USD")."""
        out: dict[str, str] = {}
        for code, table in self.currencies.items():
            for word in table.get("words", []):
                for variant in spaced_variants(word):
                    out.setdefault(variant, code)
        return out

    @cached_property
    def foreign_words(self) -> list[str]:
        return [w for w, code in self.currency_words.items() if code != "KRW"]

    @cached_property
    def currency_symbols(self) -> dict[str, str]:
        """Symbol or code written before a number -> ISO code ("$" -> "USD")."""
        out: dict[str, str] = {}
        for code, table in self.currencies.items():
            for symbol in table.get("symbols", []):
                out.setdefault(symbol, code)
        return out

    @cached_property
    def minor_words(self) -> dict[str, str]:
        """Minor-unit word -> ISO code of its major currency ("센트" -> "USD")."""
        out: dict[str, str] = {}
        for code, table in self.currencies.items():
            for word in table.get("minor", []):
                out.setdefault(word, code)
        return out

    @cached_property
    def per_words(self) -> dict[str, str]:
        """Per-marker word -> what it counts per ("1인당" -> "person")."""
        out: dict[str, str] = {}
        for per, words in self.markers.get("per", {}).items():
            for word in words:
                out.setdefault(word, per)
        return out

    def marker_words(self, kind: str, side: str) -> dict[str, str]:
        """Marker words of one side -> meaning, e.g. ("bound", "after") -> {"이상": "min", …}."""
        table = self.markers.get(kind, {})
        if side in table:  # flat kind: approximate
            return {w: "true" for w in table[side]}
        out: dict[str, str] = {}
        for meaning, sides in table.items():
            if isinstance(sides, dict):
                for word in sides.get(side, []):
                    out.setdefault(word, meaning)
        return out

    def placed_source(self, label: str) -> tuple[str, str] | None:
        """(place, category) of a source word written after a place's name: "광주시비" ->
        (광주, municipal), "경기도비" -> (경기, provincial); None for anything else."""
        key = source_key(label)
        cache = self._placed
        if key not in cache:
            if len(cache) > 4096:
                cache.clear()  # bounded, like the category cache
            m = self._place_prefix.match(key)
            rest = key[m.end():] if m else ""
            cache[key] = (m.group(), self.sources[rest]) if len(rest) > 1 and rest in self.sources \
                else None
        return cache[key]

    @cached_property
    def _placed(self) -> dict[str, tuple[str, str] | None]:
        return {}

    @cached_property
    def _place_prefix(self):
        import regex  # only the structure stage asks
        places = sorted({*self.metropolitan, *self.provinces, *self.municipalities},
                        key=lambda p: (-len(p), p))
        return patterns.compile("|".join(regex.escape(p) for p in places) or "(?!)")

    @cached_property
    def source_labels(self) -> list[str]:
        """Source words as written, middle-dot variants included (국·도비, 국ㆍ도비 …)."""
        out = set(self.sources)
        for key in self.sources:
            if len(key) == 3 and key.endswith("비"):  # 국도비 -> 국·도비, 국ㆍ도비 …
                out.update(key[0] + dot + key[1:] for dot in DOTS)
        return sorted(out)

    def category(self, label: str) -> str | None:
        """Category of a funding-source label, or None when the label is not a source word.
        A source word with 지원/보조 after it reads as the source ("국고지원" -> national)."""
        try:
            return self._categories[label]
        except KeyError:
            if len(self._categories) > 4096:
                self._categories.clear()  # bounded: an archive brings endless new words
            found = self._categories[label] = self._category(label)
            return found

    @cached_property
    def _categories(self) -> dict[str, str | None]:
        return {}

    def _category(self, label: str) -> str | None:
        key = source_key(label)
        found = self.sources.get(key)
        if found is None:
            for tail in self.tails:
                if key.endswith(tail) and len(key) > len(tail):
                    found = self.sources.get(key[: -len(tail)])
                    if found:
                        break
        if found is None:  # the longest head: "경기도 특별조정교부금" by 특별조정교부금, not 교부금
            head = max((h for h in self.heads if key.endswith(h) and len(key) > len(h)),
                       key=len, default=None)
            if head is not None:
                return self.heads[head]
        return found


def _forms(extra: dict[str, Any]) -> dict[str, Any]:
    """forms.toml with a configuration's forms merged in; period forms a user adds are tried
    before the package's (a more specific form first)."""
    forms = merge_tables(_load("forms.toml"), extra)
    added = extra.get("periods", {}).get("form", [])
    if added:
        rows = forms["periods"]["form"]
        forms["periods"]["form"] = added + [row for row in rows if row not in added]
    return forms


@lru_cache(maxsize=32)
def load_tables(extensions: str = "{}") -> Tables:
    """Tables for a configuration, given its extensions as JSON (``Config.data``)."""
    extra = json.loads(extensions)
    currencies = merge_tables(_load("currencies.toml"), extra.get("currencies", {}))
    scales = merge_tables(_load("scales.toml"), extra.get("scales", {}))
    markers = merge_tables(_load("markers.toml"), extra.get("markers", {}))
    money_words = merge_tables(_load("money_words.toml"), extra.get("money_words", {}))
    source_data = _load("sources.toml")
    sources = {source_key(k): v for k, v in
               merge_tables(source_data["sources"], extra.get("sources", {})).items()}
    codes = merge_tables(source_data["codes"], extra.get("codes", {}))
    metropolitan = tuple(source_data["metropolitan"]["cities"])
    return Tables(
        currencies=currencies,
        scales={k: int(v) for k, v in scales.items()},
        markers=markers,
        money_words=money_words,
        sources=sources,
        codes=codes,
        metropolitan=metropolitan,
        provinces=tuple(source_data["metropolitan"].get("provinces", ())),
        districts=tuple(source_data["metropolitan"].get("districts", ())),
        municipalities=tuple(source_data["metropolitan"].get("municipalities", ())),
        municipality_after=tuple(source_data["metropolitan"].get("municipality_after", ())),
        city_funds=tuple(source_key(w) for w in source_data["metropolitan"].get("city_funds", ())),
        heads=merge_tables(source_data.get("heads", {}), extra.get("heads", {})),
        tails=tuple(sorted({*source_data.get("tails", {}).get("words", ()),
                            *extra.get("tails", {}).get("words", ())}, key=lambda w: -len(w))),
        forms=_forms(extra.get("forms", {})),
    )
