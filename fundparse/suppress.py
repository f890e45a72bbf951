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

They are checked like ruff's noqa: a code-like token that names no rule (FP1O1, FP999, E501)
is FP901 and suppresses nothing; a comment that looks like a directive but is misspelt
(``fundparse: ingore``, ``fundpars: ignore``, ``ignore_file``) is FP902; a directive, or a code
of one, that covered no finding is FP903 (a warning, like RUF100).  A suppression is used when
it covers a finding whether or not the finding's rule is selected; FP9xx findings obey the
selection and per-file-ignores, and only a directive naming FP9… suppresses them.

One filter for every command: :func:`filter_document` is the only place where selection,
per-file-ignores and inline suppressions are applied — ``check`` reports what it keeps (and SARIF
lists what it suppressed), ``extract`` keeps each mention's findings that it keeps
(:func:`filter_mentions`), ``report`` shows the same, and ``fundparse.check`` is it with no path.
``exclude`` / ``extend-exclude`` (which files a folder walk passes over) use the same globs
(:func:`excluded`).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from fundparse import patterns
from fundparse.checks import CHECKS
from fundparse.config import Config, ConfigError
from fundparse.model import Finding

__all__ = ["filter_findings", "filter_document", "filter_mentions", "Filtered", "Suppressions",
           "SuppressionScanner", "Directive", "check_selectors", "validate_config", "is_enabled",
           "excluded", "rules_in_force", "ALL"]

ALL = "ALL"

_HTML = r"<!--\s*fundparse\s*:\s*(?P<kind>ignore-file|ignore)(?![\w-])(?P<codes>.*?)-->"
_HASH = (r"^[ \t]*\#[ \t]*fundparse[ \t]*:[ \t]*(?P<kind2>ignore-file|ignore)(?![\w-])"
         r"(?P<codes2>[^\n]*)$")
_DIRECTIVE = patterns.compile_re(f"{_HTML}|{_HASH}", re.I | re.M)
_CODE_LIKE = patterns.compile_re(r"(?i)ALL|FP[0-9A-Z]*|[A-Z]{1,3}[0-9][0-9A-Z]*")
# a comment that looks like a directive: a word near "fundparse", then a colon or a word near
# "ignore" ("<!-- fundparse: ingore FP101 -->", "# fundpars: ignore", "<!-- fundparse ignore -->")
_LOOK_HTML = patterns.compile_re(r"<!--\s*(?P<word>[A-Za-z]{6,12})\s*(?P<colon>:)?\s*(?P<kind>[A-Za-z_-]+)?"
                        r".*?(?:-->|$)")
_LOOK_HASH = patterns.compile_re(r"^[ \t]*\#[ \t]*(?P<word>[A-Za-z]{6,12})[ \t]*(?P<colon>:)?[ \t]*"
                        r"(?P<kind>[A-Za-z_-]+)[^\n]*$")
_NEAR_WORD = patterns.compile_re(r"<!--\s*[a-z]|^\s*#\s*[a-z]")
_SEPARATORS = patterns.compile_re(r"[\s,;:=]+")
_WORD = patterns.compile_re(r"fundparse|<!--\s*[A-Za-z]|^[ \t]*\#[ \t]*[A-Za-z]", re.I | re.M)


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
    return patterns.compile_re("".join(out) + r"\Z")


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

def _is_code_like(token: str) -> bool:
    """A token meant as a rule code (FP101, FP1O1, F101, E501, ALL), not a word of a reason."""
    return _CODE_LIKE.fullmatch(token) is not None


def _parse_codes(text: str) -> tuple[frozenset[str], tuple[str, ...]]:
    """(codes, unknown codes) at the start of a directive's tail; no code at all means every
    code (ALL); codes that name no rule suppress nothing and are returned as unknown."""
    codes: list[str] = []
    unknown: list[str] = []
    for token in _SEPARATORS.split(text.replace("-->", " ").strip()):
        if not token:
            continue
        if not _is_code_like(token):
            break
        upper = token.upper()
        if upper in (ALL, "FP"):
            codes.append(ALL)
        elif any(code.startswith(upper) for code in CHECKS):
            codes.append(upper)
        else:
            unknown.append(token)
    if not codes and not unknown:
        return frozenset({ALL}), ()
    return frozenset(codes), tuple(unknown)


def _reason(text: str) -> str:
    """The free-text reason after a directive's codes ("rounded" in ``ignore FP101 rounded``)."""
    body = text.replace("-->", " ").strip()
    at = 0
    for match in re.finditer(r"[^\s,;:=]+", body):
        if not _is_code_like(match.group()):
            return body[match.start():].strip()
        at = match.end()
    return body[at:].strip(" ,;:=")


def _codes(text: str) -> frozenset[str]:
    return _parse_codes(text)[0]


def _covers(selectors: frozenset[str], code: str) -> bool:
    return ALL in selectors or any(code.startswith(s) for s in selectors)


def _distance(a: str, b: str) -> int:
    """Levenshtein distance (short words only)."""
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
    return row[-1]


class Directive:
    """One ``fundparse: ignore …`` comment: where it is, what it names, what it suppressed."""

    __slots__ = ("kind", "codes", "unknown", "line", "column", "start", "end", "used", "text",
                 "reason")

    def __init__(self, kind: str, codes: frozenset[str], unknown: tuple[str, ...], line: int,
                 column: int, start: int, end: int, text: str, reason: str = ""):
        self.kind = kind
        self.codes = codes
        self.unknown = unknown
        self.line = line
        self.column = column
        self.start = start
        self.end = end
        self.text = text
        self.reason = reason
        self.used: set[str] = set()

    def matches(self, code: str) -> list[str]:
        return [s for s in self.codes if s == ALL or code.startswith(s)]


class Suppressions:
    """Suppressed codes per line and for the whole file, the directives that give them, and
    the comments that look like a directive but are misspelt."""

    def __init__(self) -> None:
        self.lines: dict[int, list[Directive]] = {}
        self.file: list[Directive] = []
        self.directives: list[Directive] = []
        self.misspelt: list[tuple[int, int, int, int, str]] = []  # line, column, start, end, text

    def __bool__(self) -> bool:
        return bool(self.lines or self.file)

    def add_line(self, line: int, directives: Iterable[Directive]) -> None:
        bucket = self.lines.setdefault(line, [])
        present = {id(d) for d in bucket}
        for d in directives:
            if id(d) not in present:
                present.add(id(d))
                bucket.append(d)

    def covers(self, finding: Finding) -> bool:
        return bool(self.covering(finding))

    def covering(self, finding: Finding) -> list[Directive]:
        """The directives that cover ``finding`` (each is then used)."""
        code = finding.code.upper()
        hits = []
        for directive in (*self.file, *self.lines.get(finding.line, ())):
            matched = directive.matches(code)
            if matched:
                directive.used.update(matched)
                hits.append(directive)
        return hits

    def covers_meta(self, finding: Finding) -> bool:
        """An FP9xx finding is suppressed only by a directive naming FP9… (not a blanket one,
        which would hide its own FP903)."""
        code = finding.code.upper()
        for directive in (*self.file, *self.lines.get(finding.line, ())):
            matched = [s for s in directive.codes if s != ALL and s.startswith("FP9")
                       and code.startswith(s)]
            if matched:
                directive.used.update(matched)
                return True
        return False

    @classmethod
    def from_text(cls, text: str) -> Suppressions:
        scanner = SuppressionScanner()
        scanner.feed(text)
        return scanner.suppressions

    def problems(self) -> list[Finding]:
        """FP901 (unknown codes) and FP902 (misspelt directives), in text order."""
        out = []
        for d in self.directives:
            if d.unknown:
                names = ", ".join(d.unknown)
                out.append(_make("FP901", d.line, d.column, d.start, d.end,
                                 f"무시 주석 '{d.text}'에 없는 규칙 코드가 있습니다: {names} "
                                 f"(`fundparse rules`에 규칙 목록이 있습니다)",
                                 f"unknown rule code{'s' if len(d.unknown) > 1 else ''} {names} "
                                 f"in suppression '{d.text}' (see `fundparse rules`)"))
        for line, column, start, end, text in self.misspelt:
            out.append(_make("FP902", line, column, start, end,
                             f"무시 주석 '{text}'의 형식이 잘못되었습니다: "
                             f"'fundparse: ignore 코드' 또는 'fundparse: ignore-file 코드'로 씁니다",
                             f"misspelt suppression '{text}': write 'fundparse: ignore CODE' "
                             f"or 'fundparse: ignore-file CODE'"))
        return out

    def unused(self, skip_fp9: bool = True) -> list[Finding]:
        """FP903 for each directive (or code of one) that suppressed nothing."""
        out = []
        for d in self.directives:
            names = sorted(c for c in d.codes if c not in d.used
                           and not (skip_fp9 and c.startswith("FP9")))
            if not names:
                continue
            if names == [ALL]:
                ko_what, en_what = "어떤 지적도", "no finding"
            else:
                listed = ", ".join(names)
                ko_what, en_what = f"{listed} 지적을", f"no {listed} finding"
            where = "이 파일에서" if d.kind == "ignore-file" else "이 줄과 다음 줄에서"
            en_where = "in this file" if d.kind == "ignore-file" else "on this line or the next"
            out.append(_make("FP903", d.line, d.column, d.start, d.end,
                             f"무시 주석 '{d.text}'이 {where} {ko_what} 가리지 "
                             f"않습니다(지워도 됩니다)",
                             f"unused suppression '{d.text}': {en_what} to suppress {en_where}"))
        return out


def _make(code: str, line: int, column: int, start: int, end: int, ko: str, en: str) -> Finding:
    return Finding(code=code, severity=CHECKS[code].severity, start=start, end=end, line=line,
                   column=column, message=ko, message_en=en)


class SuppressionScanner:
    """Reads suppressions from a text given whole or in consecutive chunks (huge files)."""

    def __init__(self) -> None:
        self.suppressions = Suppressions()
        self._pending: list[Directive] | None = None

    def feed(self, text: str, first_line: int = 1, first_offset: int = 0) -> None:
        """Scan ``text`` whose first line is line ``first_line`` of the document (and whose
        first character is at ``first_offset``)."""
        if self._pending is None and _WORD.search(text) is None:
            return
        offset = first_offset
        for number, line in enumerate(text.split("\n"), first_line):
            self._line(number, line, offset)
            offset += len(line) + 1

    def feed_file_directives(self, source: str) -> None:
        """Only the ``ignore-file`` directives of a source whose comments the reader dropped
        (an HTML page): line-level ones cannot be placed in the extracted text."""
        for match in _DIRECTIVE.finditer(source):
            kind = (match.group("kind") or match.group("kind2")).lower()
            if kind == "ignore-file":
                tail = match.group("codes") if match.group("kind") else match.group("codes2")
                line = source.count("\n", 0, match.start()) + 1
                column = match.start() - (source.rfind("\n", 0, match.start()) + 1) + 1
                self._directive(kind, tail, line, column, match.start(), match.end(),
                                match.group().strip())

    def _directive(self, kind: str, tail: str, line: int, column: int, start: int, end: int,
                   text: str) -> Directive:
        codes, unknown = _parse_codes(tail)
        directive = Directive(kind, codes, unknown, line, column, start, end, text, _reason(tail))
        self.suppressions.directives.append(directive)
        if kind == "ignore-file":
            self.suppressions.file.append(directive)
        return directive

    def _misspelt(self, number: int, line: str, offset: int) -> None:
        matches = [*_LOOK_HTML.finditer(line), *_LOOK_HASH.finditer(line)]
        for match in matches:
            if _DIRECTIVE.search(match.group()):
                continue
            word = match.group("word").lower()
            kind = (match.group("kind") or "").lower()
            near_word = word == "fundparse" or _distance(word, "fundparse") <= 2
            colon = match.group("colon") is not None
            near_kind = kind and min(_distance(kind, "ignore"), _distance(kind, "ignore-file")) <= 3
            hashed = match.re is _LOOK_HASH
            if near_word and (near_kind or colon and not hashed):
                self.suppressions.misspelt.append(
                    (number, match.start() + 1, offset + match.start(), offset + match.end(),
                     match.group().strip()))

    def _line(self, number: int, line: str, offset: int) -> None:
        sup = self.suppressions
        lowered = line.lower()
        if "fundparse" not in lowered and not _NEAR_WORD.search(lowered):
            if self._pending is not None and line.strip():
                sup.add_line(number, self._pending)
                self._pending = None
            return
        here: list[Directive] = []
        found = False
        for match in _DIRECTIVE.finditer(line):
            found = True
            if match.group("kind") is not None:
                kind, tail = match.group("kind").lower(), match.group("codes")
            else:
                kind, tail = match.group("kind2").lower(), match.group("codes2")
            directive = self._directive(kind, tail, number, match.start() + 1,
                                        offset + match.start(), offset + match.end(),
                                        match.group().strip())
            if kind == "ignore":
                here.append(directive)
        self._misspelt(number, line, offset)
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
            self._pending = here if self._pending is None else [*self._pending, *here]


# --- the filter --------------------------------------------------------------------------------

@dataclass(frozen=True)
class Filtered:
    """What the filter decided for one document: the findings reported (FP9xx among them, in
    line order), and the selected findings an in-file directive suppressed, each with the
    directives that cover it (SARIF lists those as suppressed results)."""

    kept: list[Finding]
    suppressed: list[tuple[Finding, tuple[Directive, ...]]]


def filter_document(findings: Iterable[Finding], text: str, *, config: Config | None,
                    path: str | os.PathLike[str] | None = None, select: Iterable[str] = (),
                    ignore: Iterable[str] = (),
                    suppressions: Suppressions | None = None) -> Filtered:
    """The one filter: rule selection, per-file-ignores and inline suppressions.

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

    def reported(finding: Finding) -> bool:
        code = finding.code.upper()
        if not _enabled(code, layers):
            return False
        return not (per_file and _specificity(per_file, code) >= 0)

    out = []
    hidden = []
    for finding in findings:
        # a suppression is used when it covers a finding, whether or not its rule is selected
        covering = suppressions.covering(finding)
        if not reported(finding):
            continue
        if covering:
            hidden.append((finding, tuple(covering)))
        else:
            out.append(finding)
    meta = [*suppressions.problems(), *suppressions.unused()]
    if not meta:
        return Filtered(out, hidden)
    kept = [f for f in meta if not suppressions.covers_meta(f) and reported(f)]
    return Filtered(sorted([*out, *kept], key=lambda f: (f.line, f.column, f.code)), hidden)


def filter_findings(findings: Iterable[Finding], text: str, *, config: Config | None,
                    path: str | os.PathLike[str] | None = None, select: Iterable[str] = (),
                    ignore: Iterable[str] = (),
                    suppressions: Suppressions | None = None) -> list[Finding]:
    """The findings still reported after rule selection, per-file-ignores and inline
    suppressions (:func:`filter_document`'s ``kept``)."""
    return filter_document(findings, text, config=config, path=path, select=select,
                           ignore=ignore, suppressions=suppressions).kept


def _key(finding: Finding) -> tuple[str, int, int]:
    return finding.code, finding.start, finding.end


def filter_mentions(mentions: Sequence, text: str, *, config: Config | None,
                    path: str | os.PathLike[str] | None = None, select: Iterable[str] = (),
                    ignore: Iterable[str] = (), suppressions: Suppressions | None = None,
                    kept: Iterable[Finding] | None = None) -> list:
    """``mentions`` (``Mention`` objects) with only the findings :func:`filter_document`
    reports: what ``extract`` shows in its findings column and JSON.  ``kept``: the document's
    reported findings when already known (``report``)."""
    if kept is None:
        own = [f for m in mentions for f in m.findings]
        if not own:
            return list(mentions)
        kept = filter_findings(own, text, config=config, path=path, select=select,
                               ignore=ignore, suppressions=suppressions)
    keys = {_key(f) for f in kept}
    out = []
    for m in mentions:
        if all(_key(f) in keys for f in m.findings):
            out.append(m)
        else:
            out.append(replace(m, findings=tuple(f for f in m.findings if _key(f) in keys)))
    return out


# --- exclude -----------------------------------------------------------------------------------

def excluded(path: str | os.PathLike[str], config: Config | None,
             below: str | os.PathLike[str] | None = None) -> bool:
    """Whether the configuration's ``exclude`` / ``extend-exclude`` globs pass ``path`` over,
    as ruff's do: a glob without ``/`` matches the name of the file or of any folder above it
    (``archive``, ``*.bak``), one with ``/`` the path relative to the config file's folder, or
    a folder of it (``drafts/2023``, ``old/*.md``).  ``below``: the folder named on the command
    line that is being walked — it and the folders above it are not tested (as in ruff, a
    path given by name is read unless ``force-exclude``)."""
    if config is None or not config.exclude or os.fspath(path) == "-":
        return False
    base = os.path.abspath(config.path.parent if config.path else Path.cwd())
    absolute = os.path.abspath(path)
    try:
        parts = Path(absolute).relative_to(base).parts
    except ValueError:
        return False
    first = 0
    if below is not None:
        try:
            first = len(Path(os.path.abspath(below)).relative_to(base).parts)
        except ValueError:
            first = 0
    for glob in config.exclude:
        pattern = glob[2:] if glob.startswith("./") else glob
        pattern = pattern.rstrip("/") or pattern
        regex = _glob_regex(pattern)
        if "/" not in pattern:
            if any(regex.match(part) for part in parts[first:]):
                return True
            continue
        for i in range(max(first, 0) + 1, len(parts) + 1):
            if regex.match("/".join(parts[:i])):
                return True
    return False


def rules_in_force(config: Config | None, path: str | os.PathLike[str] | None = None,
                   select: Iterable[str] = (), ignore: Iterable[str] = ()) -> list[str]:
    """The rule codes the filter reports for ``path`` (``--show-settings``)."""
    config = config or Config()
    layers = _layers(config, tuple(select), tuple(ignore))
    per_file = _per_file_codes(config, path)
    return [code for code in sorted(CHECKS) if _enabled(code, layers)
            and not (per_file and _specificity(per_file, code) >= 0)]
