"""Sentences, found lazily around the offsets that need them.

A sentence ends at . ! ? 。 after a word (not inside 3.5 or 2024.5.20) or at a line break
(unless the line stops mid-sentence: "국비 86억원을 추가로 확보해⏎올해부터 …"); in text broken a
few words a line (a broadcast script) only at . ! ? and blank lines.  The forms are
[sentences] in rules/data/forms.toml.
Only the neighbourhood of an amount is ever looked at, so long texts cost nothing here; a
"sentence" is cut at ``REACH`` characters either side, which keeps long lines linear.
"""

from __future__ import annotations

from fundparse.rules.forms import SentenceForms, sentence_forms
from fundparse.rules.tables import Tables, load_tables

REACH = 600


def _script(text: str, forms: SentenceForms) -> bool:
    """Text broken a few words a line (a broadcast script, a copied page): most of its first
    lines are short and stop mid-sentence.  Only the head of the text is looked at."""
    lines = [line for line in text[:4000].splitlines() if line.strip()][: 4 * forms.script_lines]
    prose = [line for line in lines if forms.line_prose.match(line)]
    if len(prose) < forms.script_lines or len(prose) < 0.8 * len(lines):
        return False
    lines = prose
    open_lines = sum(1 for line in lines if not forms.line_closed.search(line))
    widths = sorted(len(line.strip()) for line in lines)
    return (open_lines >= forms.script_share * len(lines)
            and widths[len(widths) // 2] <= forms.script_width)


class Sentences:
    """``span(offset)`` is the sentence holding ``offset``; ``before(span)`` the one before."""

    def __init__(self, text: str, words: Tables | None = None):
        self.text = text
        forms = sentence_forms(words or load_tables())
        if _script(text, forms):
            self._end, self._end_reverse = forms.script_end, forms.script_end_reverse
        else:
            self._end, self._end_reverse = forms.end, forms.end_reverse
        self._last = (0, 0)  # the span found last: amounts come in text order, mostly
        self._found: dict[int, tuple[int, int]] = {}  # offset -> its span, once looked for

    def span(self, offset: int) -> tuple[int, int]:
        last = self._last
        if last[0] <= offset < last[1]:
            return last
        found = self._found.get(offset)
        if found is None:
            found = self._found[offset] = self._find(offset)
        self._last = found
        return found

    def _find(self, offset: int) -> tuple[int, int]:
        text = self.text
        lo = max(0, offset - REACH)
        # a line break's end depends on what follows it, so the search sees one character past
        # ``offset``; a boundary found at ``offset`` itself is passed over
        m = self._end_reverse.search(text, lo, min(len(text), offset + 1))
        if m is not None and m.end() > offset:
            m = next((b for b in self._end_reverse.finditer(text, lo, min(len(text), offset + 40))
                      if b.end() <= offset), None)
        start = m.end() if m else lo
        m = self._end.search(text, offset, min(len(text), offset + REACH))
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
