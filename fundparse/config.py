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
qualifier: 기금 in 한강수계기금), ``tails`` (``words`` after a source word that keep its category:
사업비 in 민자사업비), ``codes`` (budget-book codes), ``currencies`` (ISO -> words,
symbols, minor), ``markers`` (same shape as rules/data/markers.toml), ``money_words`` (labels,
verbs, sizes, counters), ``scales``, ``forms`` (named lists of written forms), and ``data``
(paths of more TOML files of those shapes, relative to the config file).  Check options:
``select``, ``ignore``, ``per-file-ignores``, ``lang``; which files a folder walk passes over:
``exclude`` and ``extend-exclude`` (globs, as ruff's; fundparse has no default list, so the two
add up), ``force-exclude`` (exclude files named on the command line too).

Every file is checked whole against the schema (schema.py) as it is read: an unknown key at any
level, a value of the wrong type, an empty word, an unknown rule code or category is a
:class:`ConfigError` of one line naming the file, the key and what was expected.  Config and
data files must be regular UTF-8 files of at most 4 MiB (userfiles.py).
"""

from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from fundparse import schema
from fundparse.rules.tables import merge_tables
from fundparse.userfiles import CONFIG_LIMIT, UserFileError, read_text

CONFIG_NAMES = (".fundparse.toml", "pyproject.toml")
DATA_SECTIONS = ("sources", "heads", "tails", "codes", "currencies", "markers", "money_words",
                 "scales", "forms", "records")


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
    exclude: tuple[str, ...] = ()
    force_exclude: bool = False
    _cache: dict = field(default_factory=dict, compare=False, hash=False, repr=False)

    @property
    def extensions(self) -> dict[str, Any]:
        return json.loads(self.data)

    @classmethod
    def from_mapping(cls, table: dict[str, Any], path: Path | None = None) -> Config:
        """Build a Config from a parsed ``[tool.fundparse]`` table (or a plain dict)."""
        where = f"{path}: " if path else ""
        _checked(schema.check_options, table, where)
        data: dict[str, Any] = {}
        base = path.parent if path else Path.cwd()
        for extra in table.get("data", []):
            extra_path = base / extra
            extra_where = f"{where}data file {extra_path}: "
            document = _read_toml(extra_path, extra_where)
            _checked(schema.check_data_file, document, extra_where)
            merge_tables(data, document)
        merge_tables(data, {key: table[key] for key in DATA_SECTIONS if key in table})
        pfi = table.get("per-file-ignores", table.get("per_file_ignores", {}))
        select = tuple(table.get("select", []))
        extend = tuple(table.get("extend-select", []))
        return cls(
            path=path,
            data=json.dumps(data, sort_keys=True, ensure_ascii=False),
            # every rule is on by default, so extend-select only widens an explicit select
            select=select + extend if select else (),
            ignore=tuple(table.get("ignore", [])) + tuple(table.get("extend-ignore", [])),
            per_file_ignores=tuple((glob, tuple(codes)) for glob, codes in pfi.items()),
            lang=table.get("lang", "ko"),
            exclude=tuple(table.get("exclude", [])) + tuple(table.get("extend-exclude", [])),
            force_exclude=table.get("force-exclude", False),
        )


def _checked(check, table: Any, where: str) -> None:
    try:
        check(table)
    except schema.SchemaError as exc:
        raise ConfigError(f"{where}{exc}") from None


def _read_toml(path: Path, where: str | None = None) -> dict[str, Any]:
    """A TOML file read safely: regular, bounded, UTF-8, valid; ConfigError in one line."""
    where = f"{path}: " if where is None else where
    try:
        return tomllib.loads(read_text(path, CONFIG_LIMIT))
    except UserFileError as exc:
        raise ConfigError(f"{where}cannot read: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{where}invalid TOML: {' '.join(str(exc).split())}") from None


def _tool_table(document: dict[str, Any], path: Path) -> Any:
    """``[tool.fundparse]`` of a parsed pyproject.toml (None when absent)."""
    tool = document.get("tool", {})
    if not isinstance(tool, dict):
        raise ConfigError(f"{path}: tool: expected a table, got {schema.describe(tool)}")
    return tool.get("fundparse")


def load_config(path: str | Path) -> Config:
    """Read one config file (.fundparse.toml, or pyproject.toml's [tool.fundparse])."""
    path = Path(path)
    document = _read_toml(path)
    table = _tool_table(document, path)
    if table is None:
        table = {} if path.name == "pyproject.toml" else document
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: tool.fundparse: expected a table, got {schema.describe(table)}")
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
    """Whether a pyproject.toml met on the way up holds ``[tool.fundparse]``.  One that cannot
    be read as TOML is an error, not passed over: it may hold the settings meant to apply."""
    return _tool_table(_read_toml(pyproject), pyproject) is not None


@lru_cache(maxsize=256)
def _config_for_file(config_file: Path | None) -> Config:
    return Config() if config_file is None else load_config(config_file)


def find_config(start: str | Path) -> Config:
    """The Config that governs ``start``: the nearest config file upward, else defaults."""
    return _config_for_file(find_config_file(start))
