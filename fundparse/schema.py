"""The shape of a configuration: every key at every level, its type and the values it takes.

A configuration is checked whole as each file is read (the config file, then each data file it
names), so the one-line error names the file, the key and what was expected::

    pyproject.toml: markers.approximate.before[0]: expected a non-empty string, got ""

The rule-data sections take the shape of the package's own tables in rules/data/ (a key the
package does not have is unknown there too); the open mappings (sources, codes, currencies,
scales, forms) take any name of the right form.
"""

from __future__ import annotations

import json
import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any


class SchemaError(ValueError):
    """``key: expected …, got …`` — the config module adds the file."""


def describe(value: Any) -> str:
    """A value as the user wrote it in TOML, briefly."""
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return "a string " + _quoted(shown)
    if isinstance(value, int):
        return f"the integer {value}"
    if isinstance(value, float):
        return f"the float {value}"
    if isinstance(value, list):
        return f"an array of {len(value)}"
    if isinstance(value, dict):
        return "a table"
    return f"a {type(value).__name__}"  # TOML dates and times


def _quoted(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # control characters escaped, Hangul kept


def _fail(key: str, expected: str, value: Any) -> SchemaError:
    return SchemaError(f"{key}: expected {expected}, got {describe(value)}")


def _child(key: str, name: str) -> str:
    if re.fullmatch(r"[A-Za-z0-9_-]+|[가-힣A-Za-z0-9_]+", name):
        return f"{key}.{name}" if key else name
    return f"{key}.{_quoted(name)}" if key else _quoted(name)


# --- shapes ------------------------------------------------------------------------------------

class Shape:
    what = "a value"

    def check(self, value: Any, key: str) -> None:
        raise NotImplementedError


class Word(Shape):
    what = "a non-empty string"

    def check(self, value: Any, key: str) -> None:
        if not isinstance(value, str) or not value.strip():
            raise _fail(key, self.what, value)


class Words(Shape):
    what = "an array of non-empty strings"

    def check(self, value: Any, key: str) -> None:
        if not isinstance(value, list):
            raise _fail(key, self.what, value)
        for i, item in enumerate(value):
            Word().check(item, f"{key}[{i}]")


@dataclass(frozen=True)
class Choice(Shape):
    values: tuple[str, ...]

    @property
    def what(self) -> str:  # type: ignore[override]
        return " or ".join(_quoted(v) for v in self.values)

    def check(self, value: Any, key: str) -> None:
        if value not in self.values or not isinstance(value, str):
            raise _fail(key, self.what, value)


class Selectors(Shape):
    """Rule codes or prefixes (FP101, FP1, ALL), each naming at least one rule."""

    what = "an array of rule codes or prefixes"

    def check(self, value: Any, key: str) -> None:
        from fundparse.model import RULE_CODES as CHECKS

        if not isinstance(value, list):
            raise _fail(key, self.what, value)
        Words().check(value, key)
        for i, item in enumerate(value):
            selector = item.strip().upper()
            if selector != "ALL" and not any(code.startswith(selector) for code in CHECKS):
                raise SchemaError(f"{key}[{i}]: unknown rule code or prefix {item.strip()!r} "
                                  f"(rules: {', '.join(sorted(CHECKS))}; see `fundparse rules`)")


class Category(Shape):
    """A funding category, or several joined by '+' ("national+provincial")."""

    @property
    def what(self) -> str:  # type: ignore[override]
        from fundparse.model import CATEGORIES

        return f"one of {', '.join(CATEGORIES)} (or several joined by '+')"

    def check(self, value: Any, key: str) -> None:
        from fundparse.model import CATEGORIES

        if not isinstance(value, str) or not all(p in CATEGORIES for p in value.split("+")):
            raise _fail(key, self.what, value)


class PositiveInt(Shape):
    what = "a positive integer"

    def check(self, value: Any, key: str) -> None:
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise _fail(key, self.what, value)


@dataclass(frozen=True)
class Table(Shape):
    """A table with known keys, each of its own shape."""

    fields: tuple[tuple[str, Shape], ...]

    @property
    def what(self) -> str:  # type: ignore[override]
        return "a table of " + ", ".join(name for name, _ in self.fields)

    def check(self, value: Any, key: str) -> None:
        if not isinstance(value, dict):
            raise _fail(key, self.what, value)
        shapes = dict(self.fields)
        for name, item in value.items():
            if name not in shapes:
                where = f"{key}: unknown key" if key else "unknown option"
                raise SchemaError(f"{where} {_quoted(name)} (known: {', '.join(shapes)})")
            shapes[name].check(item, _child(key, name))


@dataclass(frozen=True)
class Mapping(Shape):
    """A table of any non-empty names (or only ``known`` ones) to values of one shape."""

    value: Shape
    known: tuple[str, ...] = ()
    known_what: str = ""
    key_pattern: str = ""  # every key must match it (a currency: an ISO 4217 code)

    @property
    def what(self) -> str:  # type: ignore[override]
        return f"a table of names to {self.value.what}"

    def check(self, value: Any, key: str) -> None:
        if not isinstance(value, dict):
            raise _fail(key, self.what, value)
        for name, item in value.items():
            if not name.strip():
                raise SchemaError(f"{key}: expected a non-empty name as a key, got {_quoted(name)}")
            if self.known and name not in self.known or self.key_pattern and not re.fullmatch(
                    self.key_pattern, name):
                raise SchemaError(f"{key}: unknown key {_quoted(name)} ({self.known_what})")
            self.value.check(item, _child(key, name))


@dataclass(frozen=True)
class Either(Shape):
    first: Shape
    second: Shape

    @property
    def what(self) -> str:  # type: ignore[override]
        return f"{self.first.what}, or {self.second.what}"

    def check(self, value: Any, key: str) -> None:
        shape = self.second if isinstance(value, dict) else self.first
        shape.check(value, key)


# --- the configuration -------------------------------------------------------------------------

def _like(package_value: Any) -> Shape:
    """The shape of a package table: the same keys, word lists at the leaves."""
    if isinstance(package_value, dict):
        return Table(tuple((name, _like(value)) for name, value in package_value.items()))
    return Words()


def _package(name: str) -> dict[str, Any]:
    with (Path(__file__).parent / "rules" / "data" / name).open("rb") as handle:
        return tomllib.load(handle)


CURRENCY = Table((("words", Words()), ("symbols", Words()), ("minor", Words())))


class Integer(Shape):
    what = "an integer"

    def check(self, value: Any, key: str) -> None:
        if isinstance(value, bool) or not isinstance(value, int):
            raise _fail(key, self.what, value)


class Flag(Shape):
    what = "true or false"

    def check(self, value: Any, key: str) -> None:
        if not isinstance(value, bool):
            raise _fail(key, self.what, value)


@dataclass(frozen=True)
class TablesOf(Shape):
    """An array of tables of one shape ([[forms.periods.form]] rows)."""

    row: Shape

    @property
    def what(self) -> str:  # type: ignore[override]
        return "an array of tables"

    def check(self, value: Any, key: str) -> None:
        if not isinstance(value, list):
            raise _fail(key, self.what, value)
        for i, item in enumerate(value):
            self.row.check(item, f"{key}[{i}]")


def _forms_like(package_value: Any) -> Shape:
    """The shape of forms.toml: its keys, word lists, strings, numbers, flags, and arrays of
    tables whose rows take any key a package row has."""
    if isinstance(package_value, dict):
        if all(isinstance(v, (int, str)) and not isinstance(v, bool)
               for v in package_value.values()) and package_value and any(
                isinstance(v, int) for v in package_value.values()):
            return Mapping(Integer())  # a table of words to numbers: 올해 = 0
        return Table(tuple((name, _forms_like(value)) for name, value in package_value.items()))
    if isinstance(package_value, list) and package_value and isinstance(package_value[0], dict):
        keys: dict[str, Any] = {}
        for row in package_value:
            keys.update(row)
        return TablesOf(_forms_like(keys))
    if isinstance(package_value, bool):
        return Flag()
    if isinstance(package_value, int):
        return Integer()
    if isinstance(package_value, str):
        return Word()
    return Words()


@lru_cache(maxsize=1)
def known_currencies() -> tuple[str, ...]:
    """ISO codes the package has words for (rules/data/currencies.toml), in its order."""
    return tuple(_package("currencies.toml"))


@lru_cache(maxsize=1)
def data_sections() -> Table:
    """The sections that extend the rule data: in a config file and in its data files."""
    return Table((
        ("sources", Mapping(Category())),
        ("heads", Mapping(Category())),
        ("codes", Mapping(Category())),
        ("tails", _like(_package("sources.toml")["tails"])),
        ("currencies", Mapping(CURRENCY, (), "expected an ISO 4217 code of three capital "
                               "letters: " + ", ".join(known_currencies()[:6]) + ", …",
                               key_pattern="[A-Z]{3}")),
        ("markers", _like(_package("markers.toml"))),
        ("money_words", _like(_package("money_words.toml"))),
        ("scales", Mapping(PositiveInt())),
        ("forms", _forms_like(_package("forms.toml"))),
        ("records", _forms_like(_package("records.toml"))),
    ))


@lru_cache(maxsize=1)
def options() -> Table:
    """Everything ``[tool.fundparse]`` (or a ``.fundparse.toml``) may hold."""
    return Table((
        ("select", Selectors()),
        ("ignore", Selectors()),
        ("extend-select", Selectors()),
        ("extend-ignore", Selectors()),
        ("per-file-ignores", Mapping(Selectors())),
        ("per_file_ignores", Mapping(Selectors())),
        ("lang", Choice(("ko", "en"))),
        ("exclude", Words()),
        ("extend-exclude", Words()),
        ("force-exclude", Flag()),
        ("data", Words()),
        *data_sections().fields,
    ))


def check_options(table: Any) -> None:
    """SchemaError for the first key of a configuration table that is unknown or ill-typed."""
    options().check(table, "")


def check_data_file(table: Any) -> None:
    """SchemaError for the first key of a data file that is unknown or ill-typed."""
    data_sections().check(table, "")
