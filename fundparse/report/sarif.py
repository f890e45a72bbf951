"""``fundparse check --format sarif``: SARIF 2.1.0, the format GitHub code scanning uploads.

One run: ``tool.driver`` names fundparse and lists every rule of the rule table (its summary,
and as help its bad and good example), each result names its rule, level (error / warning),
message and place (the file's URI relative to the working folder under ``%SRCROOT%``, the
1-based line and column of the text the reader produced), and a finding an in-file
``fundparse: ignore`` comment suppressed is a result with an ``inSource`` suppression, so
code scanning shows it as dismissed rather than forgetting it.  Validated against the OASIS
schema in tests/test_check_output.py.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import quote

from fundparse.model import Finding

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
INFORMATION_URI = "https://github.com/fundparse/fundparse"
FAMILIES = {"FP1": "funding splits", "FP2": "project periods", "FP3": "document consistency",
            "FP4": "number formatting", "FP9": "suppression comments"}


def artifact_uri(path: str, root: str | None = None) -> tuple[str, bool]:
    """(URI, relative?) of a shown path: relative to ``root`` (the working folder) when it is
    below it, else an absolute ``file:`` URI; percent-encoded, bytes that were not UTF-8 as
    the bytes they were."""
    if path == "-":
        return "stdin", True
    root = os.path.abspath(root or os.getcwd())
    absolute = os.path.abspath(path)
    try:
        relative = os.path.relpath(absolute, root)
    except ValueError:
        relative = os.pardir
    if relative != os.pardir and not relative.startswith(os.pardir + os.sep):
        posix = relative.replace(os.sep, "/")
        return quote(posix, safe="/", errors="surrogateescape"), True
    posix = Path(absolute).as_posix()
    return "file://" + quote(posix, safe="/", errors="surrogateescape"), False


def _text(finding: Finding, lang: str) -> str:
    text = finding.message_en if lang == "en" and finding.message_en else finding.message
    return " ".join(text.split())


def rules(lang: str = "ko") -> list[dict[str, Any]]:
    """Every rule of the rule table as a SARIF ``reportingDescriptor``."""
    from fundparse.checks import CHECKS
    from fundparse.messages import message

    out = []
    for code in sorted(CHECKS):
        check = CHECKS[code]
        summary = check.summary_ko if lang == "ko" else check.summary
        bad, good = message("rules.bad", lang), message("rules.good", lang)
        help_text = f"{summary}\n{bad}: {check.bad}\n{good}: {check.good}"
        help_markdown = (f"{summary}\n\n- {bad}: `{check.bad}`\n- {good}: `{check.good}`\n\n"
                         f"`fundparse rules {code}`")
        out.append({
            "id": code,
            "shortDescription": {"text": summary},
            "fullDescription": {"text": check.summary if lang == "ko" else check.summary_ko},
            "help": {"text": help_text, "markdown": help_markdown},
            "defaultConfiguration": {"level": "error" if check.severity == "error" else "warning"},
            "properties": {"tags": ["fundparse", FAMILIES.get(code[:3], "rules")]},
        })
    return out


class SarifWriter:
    """Collects findings file by file; ``close()`` writes the one SARIF log."""

    def __init__(self, stream: TextIO, lang: str = "ko", root: str | None = None):
        self.stream = stream
        self.lang = lang
        self.root = root or os.getcwd()
        self.results: list[dict[str, Any]] = []

    def add(self, path: str, findings: Iterable[Finding], lang: str | None = None,
            suppressed: Iterable[tuple[Finding, tuple]] = ()) -> None:
        lang = lang or self.lang
        uri, relative = artifact_uri(path, self.root)
        for finding in findings:
            self.results.append(self._result(finding, uri, relative, lang))
        for finding, directives in suppressed:
            result = self._result(finding, uri, relative, lang)
            result["suppressions"] = [_suppression(d) for d in directives] or [
                {"kind": "inSource"}]
            self.results.append(result)

    def _result(self, finding: Finding, uri: str, relative: bool, lang: str) -> dict[str, Any]:
        location: dict[str, Any] = {"uri": uri}
        if relative and uri != "stdin":
            location["uriBaseId"] = "%SRCROOT%"
        return {
            "ruleId": finding.code,
            "ruleIndex": self._index(finding.code),
            "level": "error" if finding.severity == "error" else "warning",
            "message": {"text": _text(finding, lang)},
            "locations": [{"physicalLocation": {
                "artifactLocation": location,
                "region": {"startLine": max(1, finding.line),
                           "startColumn": max(1, finding.column)},
            }}],
        }

    _codes: list[str] | None = None

    def _index(self, code: str) -> int:
        if self._codes is None:
            from fundparse.checks import CHECKS

            self._codes = sorted(CHECKS)
        return self._codes.index(code) if code in self._codes else -1

    def log(self) -> dict[str, Any]:
        from fundparse import __version__

        root = Path(os.path.abspath(self.root)).as_posix().rstrip("/") + "/"
        return {
            "$schema": SCHEMA,
            "version": "2.1.0",
            "runs": [{
                "tool": {"driver": {"name": "fundparse", "version": __version__,
                                    "informationUri": INFORMATION_URI,
                                    "rules": rules(self.lang)}},
                "originalUriBaseIds": {"%SRCROOT%": {
                    "uri": "file://" + quote(root, safe="/", errors="surrogateescape")}},
                "columnKind": "unicodeCodePoints",
                "results": self.results,
            }],
        }

    def close(self) -> None:
        from fundparse.report.names import json_text

        self.stream.write(json_text(json.dumps(self.log(), ensure_ascii=False, indent=2)) + "\n")
        self.stream.flush()


def _suppression(directive) -> dict[str, Any]:
    out: dict[str, Any] = {"kind": "inSource"}
    reason = getattr(directive, "reason", "")
    if reason:
        out["justification"] = reason
    return out
