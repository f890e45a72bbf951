"""An amount as the engine finds it, before funding structure is attached (the Mention of the
output contract is made from it in pipeline.py)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from fundparse.numerals import Numeral


@dataclass(slots=True)
class Amount:
    """A monetary amount found by a rule, before structure is attached."""

    start: int
    end: int
    currency: str
    value: Decimal
    rule: str
    numeral: Numeral
    approximate: bool = False
    bound: str | None = None
    per: str | None = None
    change: str | None = None
    high: Decimal | None = None  # a range's high end
    bare: bool = False  # no currency word: "281억" read as money from context
    chain_start: int = -1  # where the markers before it begin ("총사업비 약 281억": at 약)
    word_scale: int = 1  # "$1.2 billion": 10**9, which a range's bare low end inherits

    @property
    def head(self) -> int:
        """Where the amount's words begin: at its markers ("총사업비 약 281억": at 약)."""
        return self.chain_start if 0 <= self.chain_start <= self.start else self.start
