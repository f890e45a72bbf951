"""Splits by arithmetic: totals take the labelled amounts near them that add up to them.

The form readers (splits.py) read the lists whose shape they know.  What is left — a source
named after its figure, a list in a later sentence that opens with no known word, actors as
sources, parts written apart — is settled here by one rule that does not care about word
order: every remaining amount with a funding source beside it is a candidate part, and a total
takes the candidates in its window (its sentence, the sentence before and the one after, in
one paragraph) whose sum is the total.  A total stated with a total cue ("모두 12억 원") whose
nearby parts stop short of it takes the parts written, and nothing is invented.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from itertools import combinations

from fundparse.model import Finding
from fundparse.rules.forms import SumForms
from fundparse.rules.money import Amount
from fundparse.structure.periods import FoundPeriod
from fundparse.structure.sentences import Sentences
from fundparse.structure.splits import Part, SplitInfo, SplitReader, absorbed

_MAX_SUBSET = 6  # parts in one list; 10 candidates make at most 847 subsets to add up


@dataclass
class Fact:
    """One top-level amount with the structure found for it."""

    amount: Amount
    split: SplitInfo | None = None
    period: FoundPeriod | None = None
    label: str | None = None
    fiscal_year: int | None = None
    findings: list[Finding] = field(default_factory=list)


@dataclass(slots=True)
class Candidate:
    """A remaining amount with the funding source written beside it."""

    fact: Fact
    part: Part
    known: bool  # the source is in the taxonomy (an actor outside it is "other")


def _plain(a: Amount) -> bool:
    """An amount that can be a part or a total: no rate, change, range or bound."""
    return a.per is None and a.change is None and a.high is None and a.bound is None


def source_of(fact: Fact, reader: SplitReader, forms: SumForms, lo: int, hi: int) -> Candidate | None:
    """The funding source written beside a remaining amount, if any: before it ("국비 30억",
    "정부가 8조 원", "한국토지주택공사(LH)가 14조원") or after it ("30억 원은 특별교부세로",
    "45억 원의 시비를")."""
    a = fact.amount
    text = reader.text
    head = a.chain_start if 0 <= a.chain_start <= a.start else a.start
    before = forms.label_before.search(text, max(lo, head - 16), head)
    if before is not None:
        words = before.group("label").split()
        for label in (" ".join(words), words[-1]):
            category = reader.category(label, a.start)
            if category is None:
                label, category = reader.unglued(label, a.start)
            if category is not None:
                return Candidate(fact, _part(label, category, before.start(), a.end, a, fact), True)
    after = forms.source_after.match(text, a.end, hi)
    if after is not None and after.group("label"):
        label = after.group("label")
        category = reader.category(label, a.start) or reader.unglued(label, a.start)[1]
        if category is not None:
            return Candidate(fact, _part(label, category, a.start, after.end("label"), a, fact), True)
    actor = forms.actor_before.search(text, max(lo, head - 30), head)
    if actor is not None and not reader.names_money(actor.group("label")):
        return Candidate(fact, _part(actor.group("label"), "other", actor.start(), a.end, a, fact),
                         False)
    return None


def _part(label: str, category: str, start: int, end: int, a: Amount, fact: Fact) -> Part:
    part = Part(label, category, start, end, a.value, a.currency, a.numeral, bare=False, amount=a)
    if fact.split is not None:  # a part with its own breakdown keeps it: 지방비 30억(도비 …)
        part.parts = fact.split.parts
        part.partial = fact.split.partial
    return part


class SumAssigner:
    """Assigns candidate parts to totals by arithmetic, in one paragraph window per total."""

    def __init__(self, reader: SplitReader, sentences: Sentences, forms: SumForms):
        self.reader = reader
        self.text = reader.text
        self.sentences = sentences
        self.forms = forms

    def window(self, offset: int) -> tuple[int, int, int, int]:
        """(window start, own sentence start, own sentence end, window end): the total's
        sentence and its neighbours within the paragraph."""
        s_start, s_end = self.sentences.span(offset)
        lo, hi = s_start, s_end
        before = self.sentences.before((s_start, s_end))
        if before is not None and "\n\n" not in self.text[before[1]:s_start + 1]:
            lo = before[0]
        if s_end < len(self.text):
            n_start, n_end = self.sentences.span(s_end)
            if n_start >= s_end and "\n\n" not in self.text[s_end - 1:n_start + 1]:
                hi = n_end
        return lo, s_start, s_end, hi

    def run(self, facts: list[Fact]) -> list[Fact]:
        """Settle the remaining totals; the facts left at top level, in text order."""
        taken: set[int] = set()
        candidates: dict[int, Candidate | None] = {}

        def candidate(f: Fact) -> Candidate | None:
            if id(f) not in candidates:
                s_start, s_end = self.sentences.span(f.amount.start)
                candidates[id(f)] = (source_of(f, self.reader, self.forms, s_start, s_end)
                                     if _plain(f.amount) else None)
            return candidates[id(f)]

        for total in facts:
            a = total.amount
            if id(total) in taken or not _plain(a) or a.approximate:
                continue
            if total.split is not None and not self._open(total):
                continue
            if total.split is None and (c := candidate(total)) is not None and c.known:
                continue  # a labelled part is no total of its own
            lo, s_start, s_end, hi = self.window(a.start)
            near = [f for f in facts if f is not total and id(f) not in taken
                    and lo <= f.amount.start < hi and f.amount.currency == a.currency
                    and f.amount.value < a.value and (c := candidate(f)) is not None
                    and not f.amount.approximate]
            near.sort(key=lambda f: abs(f.amount.start - a.start))
            near = near[: self.forms.nearest]
            chosen = self._adding_up(total, [candidates[id(f)] for f in near], s_start, s_end)
            partial = False
            if chosen is None and total.split is None:
                chosen, partial = self._partial(total, [candidates[id(f)] for f in near], s_start,
                                                s_end), True
            if not chosen:
                continue
            parts = [c.part for c in sorted(chosen, key=lambda c: c.part.start)]
            if total.split is not None:
                parts = sorted([*total.split.parts, *parts], key=lambda p: p.start)
                total.split = SplitInfo(parts, False, "sum")
            else:
                total.split = SplitInfo(parts, partial, "sum")
            for c in chosen:
                taken.add(id(c.fact))
        return [f for f in facts if id(f) not in taken]

    def _open(self, total: Fact) -> bool:
        """A split read from its form that names fewer parts than the whole."""
        parts = total.split.parts
        if total.split.form in ("table", "codes") or any(p.value is None for p in parts):
            return False
        return sum(p.value for p in parts) < total.amount.value

    def _adding_up(self, total: Fact, found: list[Candidate], s_start: int,
                   s_end: int) -> list[Candidate] | None:
        """The candidates whose sum is the total (with the parts already read), preferring
        parts in the total's own sentence, then near ones, then more of them."""
        have = total.split.parts if total.split is not None else []
        need = total.amount.value - sum((p.value for p in have), Decimal(0))
        smallest = 1 if have else 2
        best = None
        for size in range(smallest, min(_MAX_SUBSET, len(found)) + 1):
            for subset in combinations(found, size):
                if sum(c.part.value for c in subset) != need:
                    continue
                if not have and not any(c.known for c in subset):
                    continue
                outside = sum(1 for c in subset if not s_start <= c.part.start < s_end)
                reach = max(abs(c.part.start - total.amount.start) for c in subset)
                key = (outside, reach, -size)
                if best is None or key < best[0]:
                    best = (key, subset)
        return list(best[1]) if best else None

    def _partial(self, total: Fact, found: list[Candidate], s_start: int,
                 s_end: int) -> list[Candidate] | None:
        """Parts named with figures before a total stated as the whole ("…, 여기에 군비를
        더해 모두 12억 원"): known sources in its sentence, together under the total."""
        a = total.amount
        head = a.chain_start if 0 <= a.chain_start <= a.start else a.start
        if self.forms.total_cue.search(self.text, max(s_start, head - 12), head) is None:
            return None
        parts = [c for c in found if c.known and s_start <= c.part.start and c.part.end <= head]
        if not parts or sum(c.part.value for c in parts) >= a.value:
            return None
        # no other amount between the parts and the total: they belong to it
        first = min(c.part.start for c in parts)
        between = self.reader.between(first, a.start)
        if len(between) != len(parts):
            return None
        return parts
