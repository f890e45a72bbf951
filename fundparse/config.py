"""User configuration: ``[tool.fundparse]`` in pyproject.toml or a ``.fundparse.toml``.

One lookup serves ``extract``, ``check``, the CLI and the API: the nearest config file upward
from the input (as ruff does; in one folder ``.fundparse.toml`` wins over ``pyproject.toml``,
and a pyproject.toml without ``[tool.fundparse]`` is passed over).

    # .fundparse.toml                       # pyproject.toml
    ignore = ["FP301"]                      [tool.fundparse]
    [sources]                               ignore = ["FP301"]
    "광역비" = "provincial"                  [tool.fundparse.sources]
    [currencies.USD]                        "광역비" = "provincial"
    words = ["달라"]

Sections that extend the rule data (merged over the package's own tables):
``sources`` (label -> category), ``heads`` (source words that keep their category behind a
qualifier: 기금 in 한강수계기금), ``codes`` (budget-book codes), ``currencies`` (ISO -> words,
symbols, minor), ``markers`` (same shape as rules/data/markers.toml), ``money_words`` (labels,
verbs, sizes, counters), and ``data`` (paths of more TOML files of those shapes, relative to
the config file).  Check options: ``select``, ``ignore``, ``per-file-ignores``, ``lang``.
"""

from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from fundparse.rules.tables import merge_tables

CONFIG_NAMES = (".fundparse.toml", "pyproject.toml")
DATA_SECTIONS = ("sources", "heads", "codes", "currencies", "markers", "money_words", "scales",
                 "forms")
OPTION_KEYS = {"select", "ignore", "per-file-ignores", "per_file_ignores", "lang", "data",
               "extend-select", "extend-ignore"} | set(DATA_SECTIONS)


class ConfigError(Exception):
    """A configuration file is unreadable or holds a value fundparse cannot use."""


@dataclass(frozen=True)
class Config:
    """Options and rule-data extensions; ``Config()`` is the package's defaults."""

    path: Path | None = None
    data: str = "{}"  # JSON of the merged data sections (hashable, so tables can be cached)
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    lang: str = "ko"
    _cache: dict = field(default_factory=dict, compare=False, hash=False, repr=False)

    @property
    def extensions(self) -> dict[str, Any]:
        return json.loads(self.data)

    @classmethod
    def from_mapping(cls, table: dict[str, Any], path: Path | None = None) -> Config:
        """Build a Config from a parsed ``[tool.fundparse]`` table (or a plain dict)."""
        unknown = sorted(set(table) - OPTION_KEYS)
        where = f"{path}: " if path else ""
        if unknown:
            raise ConfigError(f"{where}unknown option(s) {', '.join(unknown)} "
                              f"(known: {', '.join(sorted(OPTION_KEYS))})")
        data: dict[str, Any] = {}
        base = path.parent if path else Path.cwd()
        for extra in _str_list(table.get("data", []), "data", where):
            extra_path = (base / extra).resolve()
            try:
                with open(extra_path, "rb") as handle:
                    merge_tables(data, tomllib.load(handle))
            except (OSError, tomllib.TOMLDecodeError) as exc:
                raise ConfigError(f"{where}data file {extra}: {exc}") from None
        merge_tables(data, {key: table[key] for key in DATA_SECTIONS if key in table})
        _check_data(data, where)
        pfi = table.get("per-file-ignores", table.get("per_file_ignores", {}))
        if not isinstance(pfi, dict):
            raise ConfigError(f"{where}per-file-ignores must be a table of glob = [codes]")
        lang = table.get("lang", "ko")
        if lang not in ("ko", "en"):
            raise ConfigError(f"{where}lang must be \"ko\" or \"en\", not {lang!r}")
        select = tuple(_str_list(table.get("select", []), "select", where))
        extend = tuple(_str_list(table.get("extend-select", []), "extend-select", where))
        return cls(
            path=path,
            data=json.dumps(data, sort_keys=True, ensure_ascii=False),
            # every rule is on by default, so extend-select only widens an explicit select
            select=select + extend if select else (),
            ignore=tuple(_str_list(table.get("ignore", []), "ignore", where))
            + tuple(_str_list(table.get("extend-ignore", []), "extend-ignore", where)),
            per_file_ignores=tuple(
                (glob, tuple(_str_list(codes, f"per-file-ignores.{glob}", where)))
                for glob, codes in pfi.items()
            ),
            lang=lang,
        )


def _str_list(value: Any, name: str, where: str) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}{name} must be a list of strings")
    return value


def _check_data(data: dict[str, Any], where: str) -> None:
    from fundparse.model import CATEGORIES

    for label, category in data.get("sources", {}).items():
        parts = category.split("+") if isinstance(category, str) else [None]
        if not all(p in CATEGORIES for p in parts):
            raise ConfigError(f"{where}sources.{label}: unknown category {category!r} "
                              f"(one of {', '.join(CATEGORIES)}, or several joined by '+')")
    for code, table in data.get("currencies", {}).items():
        if not isinstance(table, dict):
            raise ConfigError(f"{where}currencies.{code} must be a table with words/symbols")


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with open(path, "rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from None


def load_config(path: str | Path) -> Config:
    """Read one config file (.fundparse.toml, or pyproject.toml's [tool.fundparse])."""
    path = Path(path)
    document = _read_toml(path)
    if path.name == "pyproject.toml":
        table = document.get("tool", {}).get("fundparse", {})
    else:
        table = document.get("tool", {}).get("fundparse", document)
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.fundparse] must be a table")
    return Config.from_mapping(table, path.resolve())


def find_config_file(start: str | Path) -> Path | None:
    """The nearest config file at or above ``start`` (a file or a folder)."""
    here = Path(start).resolve()
    folder = here if here.is_dir() else here.parent
    for candidate in (folder, *folder.parents):
        dot = candidate / ".fundparse.toml"
        if dot.is_file():
            return dot
        pyproject = candidate / "pyproject.toml"
        if pyproject.is_file() and _has_tool_table(pyproject):
            return pyproject
    return None


@lru_cache(maxsize=256)
def _has_tool_table(pyproject: Path) -> bool:
    try:
        with open(pyproject, "rb") as handle:
            return "fundparse" in tomllib.load(handle).get("tool", {})
    except (OSError, tomllib.TOMLDecodeError):
        return False


@lru_cache(maxsize=256)
def _config_for_file(config_file: Path | None) -> Config:
    return Config() if config_file is None else load_config(config_file)


def find_config(start: str | Path) -> Config:
    """The Config that governs ``start``: the nearest config file upward, else defaults."""
    return _config_for_file(find_config_file(start))
