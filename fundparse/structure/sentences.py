"""Sentences, found lazily around the offsets that need them.

A sentence ends at . ! ? 。 after a word (not inside 3.5 or 2024.5.20) or at a line break
(unless the line stops mid-sentence: "국비 86억원을 추가로 확보해⏎올해부터 …").
Only the neighbourhood of an amount is ever looked at, so long texts cost nothing here; a
"sentence" is cut at ``REACH`` characters either side, which keeps long lines linear.
"""

from __future__ import annotations

import regex

REACH = 600
# A line break ends a sentence, except in text broken mid-sentence (news scripts, copied
# pages): after a particle, a connective ending or a comma, when the text goes on with a word.
_CONTINUES = "[,，에를을해고며의과와서는은이가로]"
_END_AT = (rf"(?<=[^\d\s])[.!?。](?=\s|$)|(?<=[다요])\.(?=[가-힣\"“‘'])"
           rf"|(?<!{_CONTINUES}[ \t]*\n*)\n|\n(?![ \t\n]*[가-힣0-9])")
_END = regex.compile(_END_AT)
_END_REVERSE = regex.compile("(?r)" + _END_AT)


class Sentences:
    """``span(offset)`` is the sentence holding ``offset``; ``before(span)`` the one before."""

    def __init__(self, text: str):
        self.text = text
        self._last = (0, 0)  # the span found last: amounts come in text order, mostly

    def span(self, offset: int) -> tuple[int, int]:
        last = self._last
        if last[0] <= offset < last[1]:
            return last
        self._last = found = self._find(offset)
        return found

    def _find(self, offset: int) -> tuple[int, int]:
        text = self.text
        lo = max(0, offset - REACH)
        # a line break's end depends on what follows it, so the search sees one character past
        # ``offset``; a boundary found at ``offset`` itself is passed over
        m = _END_REVERSE.search(text, lo, min(len(text), offset + 1))
        if m is not None and m.end() > offset:
            m = next((b for b in _END_REVERSE.finditer(text, lo, min(len(text), offset + 40))
                      if b.end() <= offset), None)
        start = m.end() if m else lo
        m = _END.search(text, offset, min(len(text), offset + REACH))
        end = m.end() if m else min(len(text), offset + REACH)
        if end <= offset < len(text):
            end = offset + 1
        return start, end

    def before(self, span: tuple[int, int]) -> tuple[int, int] | None:
        """The previous non-blank sentence."""
        pos = span[0] - 1
        while pos >= 0:
            start, end = self.span(pos)
            if self.text[start:end].strip():
                return start, end
            pos = start - 1
            if span[0] - pos > REACH:
                return None
        return None
