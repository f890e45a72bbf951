"""Fitting a table to the terminal without cutting a figure.

rich shrinks and folds columns to fit a width, and folding "160억 원" into "160억" / "원" (or
"8,00…") loses the money.  Here every cell is a list of *paragraphs*: in a fixed column each
paragraph is one line that is never broken (a figure, a split part, a marker); in a wrapping
column paragraphs wrap only between *atoms*, words glued so that a figure and its unit stay on
one line ("1억 9,000만 원이" is one atom).  :func:`fit` gives every column a fixed width no
smaller than its longest line or atom, or says the columns do not fit; the caller then drops or
shortens columns and tries again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import regex
from rich.cells import cell_len

__all__ = ["Column", "atoms", "wrap", "fit", "table_width"]

GAP = 3    # padding, divider, padding between two columns (box.SIMPLE_HEAD, padding (0, 1))
EDGES = 2  # the box's left and right edge
WRAP_CAP = 60  # a wrapping column grows to at most this many cells when there is room

# a word that ends a figure ("281억", "9,000", "$1.2") and a word that continues it
_FIGURE_TAIL = regex.compile(r"[\d０-９](?:조|억|만|천|백|십)?$")
_FIGURE_NEXT = regex.compile(
    r"^(?:[\d０-９]|원|억|만|천|백|조|달러|유로|엔|위안|파운드|%|퍼센트|"
    r"billion|million|thousand|trillion|won|KRW|USD|EUR|JPY|CNY)", regex.IGNORECASE)


def atoms(text: str) -> list[str]:
    """The unbreakable pieces of ``text``: its words, with a figure glued to the words that
    continue it ("281억" + "원을" -> "281억 원을"; "1억" + "9,000만" + "원" -> one atom)."""
    out: list[str] = []
    for word in text.split():
        if out and _FIGURE_TAIL.search(out[-1]) and _FIGURE_NEXT.match(word):
            out[-1] += " " + word
        else:
            out.append(word)
    return out


def wrap(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` cells, broken only between atoms (an atom longer
    than ``width`` gets a line of its own, whole)."""
    lines: list[str] = []
    line = ""
    for atom in atoms(text):
        if line and cell_len(line) + 1 + cell_len(atom) > width:
            lines.append(line)
            line = atom
        else:
            line = f"{line} {atom}" if line else atom
    if line or not lines:
        lines.append(line)
    return lines


@dataclass
class Column:
    """One column: ``cells[row]`` is a list of ``(paragraph, style)``; ``wrap`` says whether
    paragraphs may wrap (between atoms) or each is one fixed line."""

    key: str
    header: str
    cells: list[list[tuple[str, str | None]]]
    wrap: bool = False
    justify: str = "left"
    style: str | None = None
    width: int = field(default=0)
    # least() and most(), measured once (the cells do not change once the column is built)
    _least: int | None = field(default=None, init=False, repr=False, compare=False)
    _most: int | None = field(default=None, init=False, repr=False, compare=False)

    def empty(self) -> bool:
        return not any(text for cell in self.cells for text, _ in cell)

    def least(self) -> int:
        """The narrowest this column can be: its longest line (fixed) or atom (wrapping), and
        the longest word of its header."""
        if self._least is None:
            pieces = [w for w in self.header.split()] or [""]
            for cell in self.cells:
                for text, _ in cell:
                    pieces.extend(atoms(text) if self.wrap else [text])
            self._least = max(1, *(cell_len(p) for p in pieces))
        return self._least

    def most(self) -> int:
        """The width it needs to show every paragraph on one line (capped when wrapping)."""
        if self._most is None:
            widest = max([cell_len(text) for cell in self.cells for text, _ in cell] + [0])
            self._most = max(self.least(), min(widest, WRAP_CAP) if self.wrap else widest)
        return self._most

    def lines(self, row: int) -> list[tuple[str, str | None]]:
        """The cell's lines at this column's width."""
        out = []
        for text, style in self.cells[row]:
            pieces = wrap(text, self.width) if self.wrap else [text]
            out.extend((piece, style) for piece in pieces)
        return out


def table_width(widths: Sequence[int]) -> int:
    return sum(widths) + GAP * max(len(widths) - 1, 0) + EDGES


def fit(columns: Sequence[Column], width: int) -> bool:
    """Give each column a width so that the table is at most ``width`` cells wide; False (and
    widths untouched) when even the narrowest widths do not fit.  Room left over goes to the
    wrapping columns, left to right, up to what they can use."""
    least = [c.least() for c in columns]
    if table_width(least) > width:
        return False
    room = width - table_width(least)
    for column, low in zip(columns, least):
        column.width = low
    for column in columns:
        if column.wrap and room > 0:
            grow = min(room, column.most() - column.width)
            column.width += grow
            room -= grow
    return True
