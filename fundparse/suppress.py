"""Which findings get reported: rule selection and the suppressions a writer leaves in a release.

Selection works like ruff's.  A selector is a rule code or a prefix of one (``FP1`` = every split
rule, ``FP10`` = FP101–FP109, ``FP101``) or ``ALL``.  Each layer (the config file, then the
command line) may give ``select`` and ``ignore``: a layer's ``select`` replaces what is enabled,
its ``ignore`` removes codes, and within one layer the more specific selector wins
(``select = ["FP1"], ignore = ["FP10"]`` keeps nothing of FP10x; ``select = ["FP101"],
ignore = ["FP1"]`` keeps FP101).  ``per-file-ignores`` maps a glob (relative to the config
file's folder; a glob without ``/`` matches the file name) to codes switched off there.

Inline suppressions, in the release itself::

    <!-- fundparse: ignore FP101 -->        (anywhere on a line)
    # fundparse: ignore FP101                (a line of its own)
    <!-- fundparse: ignore-file FP301 -->   (either style, anywhere: the whole file)

``ignore`` covers findings on its own line and on the next non-empty line (lines that hold
nothing but suppressions are passed over, so several can be stacked).  Codes are separated by
spaces or commas; a suppression without codes covers every code; words after the codes are a
free-text reason.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path

from fundparse.checks import CHECKS
from fundparse.config import Config, ConfigError
from fundparse.model import Finding

__all__ = ["filter_findings", "Suppressions", "SuppressionScanner", "check_selectors",
           "validate_config", "is_enabled", "ALL"]

ALL = "ALL"

_HTML = r"<!--\s*fundparse\s*:\s*(?P<kind>ignore-file|ignore)\b(?P<codes>.*?)-->"
_HASH = r"^[ \t]*\#[ \t]*fundparse[ \t]*:[ \t]*(?P<kind2>ignore-file|ignore)\b(?P<codes2>[^\n]*)$"
_DIRECTIVE = re.compile(f"{_HTML}|{_HASH}", re.I | re.M)
_CODE_TOKEN = re.compile(r"(?i)(?:FP\d*|ALL)")
_SEPARATORS = re.compile(r"[\s,;:=]+")
_WORD = re.compile("fundparse", re.I)


# --- selectors ---------------------------------------------------------------------------------

def check_selectors(selectors: Iterable[str], where: str) -> tuple[str, ...]:
    """Upper-cased selectors; ConfigError naming ``where`` for one that matches no rule."""
    out = []
    for raw in selectors:
        selector = raw.strip().upper()
        if not selector:
            continue
        if selector != ALL and not any(code.startswith(selector) for code in CHECKS):
            raise ConfigError(f"{where}: unknown rule code or prefix {raw.strip()!r} "
                              f"(rules: {', '.join(sorted(CHECKS))}; see `fundparse rules`)")
        out.append(selector)
    return tuple(out)


def split_selectors(values: Iterable[str] | None) -> list[str]:
    """Command-line values: repeatable options, each possibly comma-separated."""
    out: list[str] = []
    for value in values or ():
        out.extend(part for part in re.split(r"[,\s]+", value) if part)
    return out


def _specificity(selectors: Sequence[str], code: str) -> int:
    """Length of the longest selector matching ``code`` (ALL counts 0); -1 when none does."""
    best = -1
    for selector in selectors:
        if selector == ALL:
            best = max(best, 0)
        elif code.startswith(selector):
            best = max(best, len(selector))
    return best


@lru_cache(maxsize=1024)
def _enabled(code: str, layers: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]) -> bool:
    on = True
    for select, ignore in layers:
        chosen = _specificity(select, code)
        dropped = _specificity(ignore, code)
        if select:
            on = chosen >= 0 and chosen > dropped
        elif dropped >= 0:
            on = False
    return on


def is_enabled(code: str, config: Config | None = None, select: Iterable[str] = (),
               ignore: Iterable[str] = ()) -> bool:
    """Whether ``code`` is reported under the config's and the command line's selection."""
    return _enabled(code.upper(), _layers(config or Config(), select, ignore))


def _layers(config: Config, select: Iterable[str], ignore: Iterable[str]):
    validate_config(config)
    where = "command line"
    cli = (check_selectors(select, f"{where} --select"), check_selectors(ignore, f"{where} --ignore"))
    base = (tuple(s.upper() for s in config.select), tuple(s.upper() for s in config.ignore))
    return (base, cli)


@lru_cache(maxsize=64)
def _validate(select: tuple[str, ...], ignore: tuple[str, ...],
              per_file: tuple[tuple[str, tuple[str, ...]], ...], where: str) -> None:
    check_selectors(select, f"{where}select")
    check_selectors(ignore, f"{where}ignore")
    for glob, codes in per_file:
        check_selectors(codes, f"{where}per-file-ignores.{glob}")


def validate_config(config: Config) -> None:
    """ConfigError (one line, naming the file) for an unknown code in select/ignore/per-file."""
    where = f"{config.path}: " if config.path else ""
    _validate(config.select, config.ignore, config.per_file_ignores, where)


# --- per-file-ignores --------------------------------------------------------------------------

@lru_cache(maxsize=256)
def _glob_regex(glob: str) -> re.Pattern[str]:
    pattern = glob.replace("\\", "/")
    if pattern.endswith("/"):
        pattern += "**"
    out, i = [], 0
    while i < len(pattern):
        ch = pattern[i]
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
            continue
        if pattern.startswith("**", i):
            out.append(".*")
            i += 2
            continue
        if ch == "*":
            out.append("[^/]*")
        elif ch == "?":
            out.append("[^/]")
        elif ch == "[":
            end = pattern.find("]", i + 1)
            if end == -1:
                out.append(re.escape(ch))
            else:
                body = pattern[i + 1:end]
                if body.startswith("!"):
                    body = "^" + body[1:]
                out.append(f"[{body}]")
                i = end
        else:
            out.append(re.escape(ch))
        i += 1
    return re.compile("".join(out) + r"\Z")


def path_matches(glob: str, path: str | os.PathLike[str], base: Path | None = None) -> bool:
    """Whether ``path`` matches a per-file-ignores glob (relative to ``base``, else the cwd)."""
    name = os.fspath(path)
    if name == "-":
        return False
    regex = _glob_regex(glob)
    given = Path(name)
    if "/" not in glob.replace("\\", "/").rstrip("/"):
        if not glob.endswith("/"):
            return regex.match(given.name) is not None
    candidates = [given.as_posix()]
    try:
        absolute = given.resolve()
        root = (base or Path.cwd()).resolve()
        candidates.append(absolute.relative_to(root).as_posix())
    except (OSError, ValueError):
        pass
    candidates.extend(c[2:] for c in list(candidates) if c.startswith("./"))
    return any(regex.match(c) for c in candidates)


def _per_file_codes(config: Config, path) -> tuple[str, ...]:
    if path is None or not config.per_file_ignores:
        return ()
    base = config.path.parent if config.path else None
    codes: list[str] = []
    for glob, selected in config.per_file_ignores:
        if path_matches(glob, path, base):
            codes.extend(s.upper() for s in selected)
    return tuple(codes)


# --- inline suppressions -----------------------------------------------------------------------

def _codes(text: str) -> frozenset[str]:
    """Codes at the start of a directive's tail; empty means every code."""
    codes = []
    for token in _SEPARATORS.split(text.replace("-->", " ").strip()):
        if not token:
            continue
        if not _CODE_TOKEN.fullmatch(token):
            break
        codes.append(token.upper())
    return frozenset(ALL if c in (ALL, "FP") else c for c in codes) if codes else frozenset({ALL})


def _covers(selectors: frozenset[str], code: str) -> bool:
    return ALL in selectors or any(code.startswith(s) for s in selectors)


class Suppressions:
    """Suppressed codes per line and for the whole file."""

    def __init__(self) -> None:
        self.lines: dict[int, frozenset[str]] = {}
        self.file: frozenset[str] = frozenset()

    def __bool__(self) -> bool:
        return bool(self.lines or self.file)

    def add_line(self, line: int, codes: frozenset[str]) -> None:
        self.lines[line] = self.lines.get(line, frozenset()) | codes

    def covers(self, finding: Finding) -> bool:
        if self.file and _covers(self.file, finding.code):
            return True
        codes = self.lines.get(finding.line)
        return codes is not None and _covers(codes, finding.code)

    @classmethod
    def from_text(cls, text: str) -> Suppressions:
        scanner = SuppressionScanner()
        scanner.feed(text)
        return scanner.suppressions


class SuppressionScanner:
    """Reads suppressions from a text given whole or in consecutive chunks (huge files)."""

    def __init__(self) -> None:
        self.suppressions = Suppressions()
        self._pending: frozenset[str] | None = None

    def feed(self, text: str, first_line: int = 1) -> None:
        """Scan ``text`` whose first line is line ``first_line`` of the document."""
        if self._pending is None and _WORD.search(text) is None:
            return
        lines = text.split("\n")
        if text.endswith("\n"):
            lines.pop()
        for number, line in enumerate(lines, first_line):
            self._line(number, line)

    def feed_file_directives(self, source: str) -> None:
        """Only the ``ignore-file`` directives of a source whose comments the reader dropped
        (an HTML page): line-level ones cannot be placed in the extracted text."""
        for match in _DIRECTIVE.finditer(source):
            kind = (match.group("kind") or match.group("kind2")).lower()
            if kind == "ignore-file":
                codes = match.group("codes") if match.group("kind") else match.group("codes2")
                self.suppressions.file |= _codes(codes)

    def _line(self, number: int, line: str) -> None:
        sup = self.suppressions
        if "fundparse" not in line.lower():
            if self._pending is not None and line.strip():
                sup.add_line(number, self._pending)
                self._pending = None
            return
        here: frozenset[str] = frozenset()
        found = False
        for match in _DIRECTIVE.finditer(line):
            found = True
            if match.group("kind") is not None:
                kind, codes = match.group("kind").lower(), _codes(match.group("codes"))
            else:
                kind, codes = match.group("kind2").lower(), _codes(match.group("codes2"))
            if kind == "ignore-file":
                sup.file |= codes
            else:
                here |= codes
        if not found:
            if self._pending is not None and line.strip():
                sup.add_line(number, self._pending)
                self._pending = None
            return
        rest = _DIRECTIVE.sub("", line).strip()
        if rest:  # a line with content and a suppression: it covers this line and the next
            if self._pending is not None:
                sup.add_line(number, self._pending)
                self._pending = None
            if here:
                sup.add_line(number, here)
                self._pending = here
        elif here:  # a suppression on a line of its own: it also covers the next line
            sup.add_line(number, here)
            self._pending = here if self._pending is None else self._pending | here


# --- the filter --------------------------------------------------------------------------------

def filter_findings(findings: Iterable[Finding], text: str, *, config: Config | None,
                    path: str | os.PathLike[str] | None = None, select: Iterable[str] = (),
                    ignore: Iterable[str] = (),
                    suppressions: Suppressions | None = None) -> list[Finding]:
    """The findings still reported after rule selection, per-file-ignores and inline
    suppressions.

    ``config`` gives ``select``/``ignore``/``per-file-ignores`` (``path`` is needed for the
    latter); ``select``/``ignore`` here are the command line's layer on top of it.  Inline
    suppressions are read from ``text`` unless ``suppressions`` is given.  Raises ConfigError
    for an unknown code or prefix.
    """
    config = config or Config()
    layers = _layers(config, tuple(select), tuple(ignore))
    per_file = _per_file_codes(config, path)
    if suppressions is None:
        suppressions = Suppressions.from_text(text) if text else Suppressions()
    out = []
    for finding in findings:
        code = finding.code.upper()
        if not _enabled(code, layers):
            continue
        if per_file and _specificity(per_file, code) >= 0:
            continue
        if suppressions and suppressions.covers(finding):
            continue
        out.append(finding)
    return out
