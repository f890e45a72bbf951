"""File names (and other user text) made safe for the place they are written.

A file name is whatever bytes the file system allows: a newline would forge a second
``fundparse:`` or ``path:line:col:`` line, an ANSI escape would reach the terminal, bytes that
are not UTF-8 (held as surrogate escapes) would make the output invalid UTF-8, and rich markup
in a name (``[reverse]x.txt``) would be consumed.  Bidi controls (U+202E …) in a document would
reorder the figures shown beside them.

* :func:`shown_name` — one line of text (terminal, check's text format, CSV, stderr): control
  and bidi characters as ``\\n``, ``\\x1b``, ``\\u202e``; undecodable bytes as ``\\xff``;
  in a name that needs escapes, a backslash that would read as one is doubled.
* :func:`json_text` — ``json.dumps`` output with undecodable bytes as ``\\udcff`` escapes (and
  bidi controls as ``\\u202e``): valid UTF-8, and ``os.fsencode(json.loads(...))`` gives the
  name's bytes back.
* :func:`visible_bidi` — bidi controls in text shown on a page as their code point (``⟨U+202E⟩``).
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["BIDI_CONTROLS", "json_text", "shown_name", "visible_bidi"]

BIDI_CONTROLS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_JSON_ESCAPED = re.compile(f"[\ud800-\udfff{BIDI_CONTROLS}\u2028\u2029]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _unsafe(ch: str) -> bool:
    return (unicodedata.category(ch) in ("Cc", "Cs", "Zl", "Zp") or ch in BIDI_CONTROLS
            or ch == "\u00ad" or "\ufff9" <= ch <= "\ufffb")


def _escape(ch: str) -> str:
    if ch in _NAMED:
        return _NAMED[ch]
    code = ord(ch)
    if 0xDC80 <= code <= 0xDCFF:          # a byte that was not UTF-8 (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}"


def shown_name(name: str) -> str:
    """``name`` on one line with nothing a terminal or a line-based reader acts on."""
    if not any(_unsafe(ch) for ch in name):
        return name
    out = []
    for i, ch in enumerate(name):
        if ch == "\\" and i + 1 < len(name) and name[i + 1] in "nrtxu\\":
            out.append("\\\\")             # "a\\nb" on disk stays apart from "a<newline>b"
        elif _unsafe(ch):
            out.append(_escape(ch))
        else:
            out.append(ch)
    return "".join(out)


def json_text(dumped: str) -> str:
    """JSON text from ``json.dumps(..., ensure_ascii=False)`` with lone surrogates, bidi
    controls and line separators written as ``\\uXXXX`` escapes (the same string to a parser)."""
    if not _JSON_ESCAPED.search(dumped):
        return dumped
    return _JSON_ESCAPED.sub(lambda m: f"\\u{ord(m.group()):04x}", dumped)


def visible_bidi(text: str) -> str:
    """Bidi controls shown as their code point, so they cannot reorder what follows."""
    if not any(ch in BIDI_CONTROLS for ch in text):
        return text
    return "".join(f"⟨U+{ord(ch):04X}⟩" if ch in BIDI_CONTROLS else ch for ch in text)
