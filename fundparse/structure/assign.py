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

import bisect
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import combinations

import regex

from fundparse import patterns
from fundparse.model import CATEGORIES, Finding
from fundparse.rules.forms import SumForms, label_forms
from fundparse.rules.money import Amount
from fundparse.rules.tables import DOTS, source_key
from fundparse.structure.periods import FoundPeriod
from fundparse.structure.sentences import Sentences
from fundparse.structure.splits import Part, SplitInfo, SplitReader, cover_parts, inherit_units

_MAX_SUBSET = 6  # parts in one list; 10 candidates make at most 847 subsets to add up
_GOVERNMENT = {"national", "provincial", "municipal", "local"}
_PLACES = {"provincial", "municipal"}  # a place's category by its ending
_BRACKET = patterns.compile(r"[(（][^()（）\n]{0,120}[)）]")
_PARAGRAPH = patterns.compile(r"[^\n]+(?:\n(?![ \t]*\n)[^\n]*)*")  # text between blank lines
_BRACKET_OPEN = patterns.compile(r"[ \u00a0]*[(（][^()（）\n]{0,30}")


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
    label: str
    category: str
    start: int
    end: int
    known: bool  # the source is in the taxonomy (an actor outside it is "other")

    @property
    def value(self) -> Decimal:
        return self.fact.amount.value

    def part(self) -> Part:
        a, split = self.fact.amount, self.fact.split
        part = Part(self.label, self.category, self.start, self.end, a.value, a.currency,
                    a.numeral, bare=False, amount=a)
        if split is not None:  # a part with its own breakdown keeps it: 지방비 30억(도비 …)
            part.parts, part.partial = split.parts, split.partial
        return part


def _whole_figure(a: Amount) -> bool:
    """No rate, decrease or range."""
    return a.per is None and a.change != "decrease" and a.high is None


def _plain(a: Amount) -> bool:
    """An amount that can be a part or a total: no rate, decrease, range or bound."""
    return _whole_figure(a) and a.bound is None


def _capped(a: Amount) -> bool:
    """A figure written with its cap ("국비 최대 300억 원"): a part where the figures add up."""
    return _whole_figure(a) and a.bound == "max"


def _freed(info: SplitInfo) -> list[Fact]:
    """The parts of a split that is no split, standing on their own again (with their own
    breakdowns)."""
    return [Fact(p.amount, SplitInfo(p.parts, p.partial, info.form) if p.parts else None)
            for p in info.parts if p.amount is not None]


_NOT_REVERSIBLE = ("(?>", "++", "*+", "?+", "}+", "(?r", "\\G", "\\L<", "(?P=", "(?|")
_BACKREF = regex.compile(r"\\[1-9]|\\g<")
_REVERSED: dict[tuple[str, int], object] = {}
_BY_PATTERN: dict[object, object] = {}  # the same, by the pattern object (no key to build)


def _reversed(pattern):
    """``pattern`` compiled to search backwards (regex's REVERSE flag), or None where a backward
    search could find other matches than a forward one (atomic groups, possessive quantifiers,
    back references, named lists) or would be no faster (no ``\\Z`` ending)."""
    key = (pattern.pattern, pattern.flags)
    if key not in _REVERSED:
        text = pattern.pattern
        _REVERSED[key] = (None if not text.endswith("\\Z") or any(t in text for t in _NOT_REVERSIBLE)
                          or _BACKREF.search(text) is not None
                          else regex.compile(text, pattern.flags | regex.REVERSE))
    return _REVERSED[key]


def ending_at(pattern, text: str, lo: int, end: int):
    """``pattern.search(text, lo, end)`` for a pattern anchored at the end of its window (``\\Z``):
    the same match, found sooner where there is none.  A backward search tries only the window's
    end and stops; a forward one tries a match from every offset of the window.  A match exists
    in the window searched one way exactly when it exists searched the other way, so the
    forward search (whose match is the one returned) runs only where the backward one found one."""
    try:
        back = _BY_PATTERN[pattern]
    except KeyError:
        back = _BY_PATTERN[pattern] = _reversed(pattern)
    if back is not None and back.search(text, lo, end) is None:
        return None
    return pattern.search(text, lo, end)


_ANY: dict[tuple, object] = {}
_GLOBAL_FLAGS = regex.compile(r"\(\?[a-zA-Z]+\)")  # "(?i)": would apply to every alternative


def _any_of(patterns: tuple):
    """One backward pattern matching where any of ``patterns`` (each gated by ``ending_at``)
    matches, or None: a window none of them matches is then searched once, not once each."""
    if patterns not in _ANY:
        backs = [_reversed(p) for p in patterns]
        joined = None
        if patterns and all(b is not None for b in backs) and not any(
                _GLOBAL_FLAGS.search(p.pattern) for p in patterns):
            flags = {p.flags for p in patterns}
            try:  # (each alternative keeps its own flags' meaning only if they are the same)
                joined = regex.compile("|".join(f"(?:{p.pattern})" for p in patterns),
                                       flags.pop() | regex.REVERSE) if len(flags) == 1 else None
            except (regex.error, ValueError):  # (a group name used twice)
                joined = None
        _ANY[patterns] = joined
    return _ANY[patterns]


def in_cue_lines(pattern, cue, text: str) -> list:
    """``list(pattern.finditer(text))`` for a pattern whose every match holds a match of ``cue``
    and no line break (as ``ratio_shares`` and ``ratio_cue`` of the [sum] forms, or
    ``whole_source`` and ``whole_cue``): only the lines
    that hold a cue are searched.  Each is searched in place (``pos``/``endpos``, its line break
    included), so the look-arounds read the same characters as in the whole text's search; a
    match holding no line break lies in one line, so the matches are the same, in the same order."""
    found = []
    end = len(text)
    cued = cue.search(text)
    while cued is not None:
        lo = text.rfind("\n", 0, cued.start()) + 1
        hi = text.find("\n", cued.end())
        hi = end if hi < 0 else hi + 1  # (the break itself, for the look-aheads at the line's end)
        found.extend(pattern.finditer(text, lo, hi))
        cued = cue.search(text, hi) if hi < end else None
    return found


def before_spaces(text: str, pos: int, lo: int = 0) -> int:
    """``pos`` moved back over the spaces before it, not past ``lo``."""
    while pos > lo and text[pos - 1] in " \u00a0":
        pos -= 1
    return pos


def _levels(category: str) -> set[str]:
    """The levels a category covers: local (지방비) is provincial and municipal money too."""
    levels = set(category.split("+"))
    if "local" in levels:
        levels |= {"provincial", "municipal"}
    return levels


def source_of(fact: Fact, reader: SplitReader, forms: SumForms, lo: int, hi: int) -> Candidate | None:
    """The funding source written beside a remaining amount, if any: before it ("국비 30억",
    "정부가 8조 원", "한국토지주택공사(LH)가 14조원", "민자 등이 24조원") or after it
    ("30억 원은 특별교부세로", "45억 원의 시비를", "165억 원은 교육부 지원금으로")."""
    a = fact.amount
    head = a.head
    found = source_beside(reader, forms, head, a.start, a.end, lo, hi)
    if found is None:
        return None
    label, category, start, end, known = found
    return Candidate(fact, label, category, start, end, known)


def source_beside(reader: SplitReader, forms: SumForms, head: int, start: int, end: int,
                  lo: int, hi: int, depth: int = 0) -> tuple[str, str, int, int, bool] | None:
    """(label, category, start, end, known) of the source named beside the figure written at
    [start, end) (``head`` where its prefixes begin), within [lo, hi)."""
    text = reader.text
    if any(word in text[head:start] for word in forms.average_words):
        return None  # "타 시·도 평균 2백억원": an average of theirs, no part paid
    included = forms.source_included.match(text, end, hi)
    if included is not None:  # "20억 국비를 포함해 30억원의 사업비를"
        label = included.group("label")
        category = reader.category(label, start) or reader.unglued(label, start)[1]
        if category is not None:
            return label, category, start, included.end("label"), True
    aliased = ending_at(forms.aliased_before, text, max(lo, head - 40), head)
    if aliased is not None:  # "행복도시특별회계(국비) 8조", "보조금(국비, 한강수계기금) 28억"
        own = reader.category(aliased.group("label"), start)  # "국비(기금) 18억 원": 국비's level
        category = (own if own and own != "other" else None) or _listed_category(
            reader, forms, aliased.group("alias"), start) or payer_category(
            reader, forms, aliased.group("label"), start)
        if category is not None:
            return aliased.group("label"), category, aliased.start(), end, True
    skips = forms.skip_before if depth < 2 else ()  # at most two things passed over
    gate = _any_of(skips) if skips else None
    if gate is not None and gate.search(text, max(lo, head - 48), head) is None:
        skips = ()  # none of them ends here
    for skip in skips:
        passed = ending_at(skip, text, max(lo, head - 48), head)
        if passed is not None and passed.start() > lo:
            found = source_beside(reader, forms, passed.start(), start, end, lo, hi, depth + 1)
            if found is not None and (found[4] or found[1] in _PLACES and ending_at(forms.share_before,
                    text, max(lo, head - 12), head)):
                return found  # (a place with its share: "경기도 50%(332억2100만원)")
    before = ending_at(forms.label_before, text, max(lo, head - 24), head)
    if before is not None and reader.unglued(before.group("label").split()[-1], start)[0] in forms.excluding:
        before = None  # "국비 제외한 300억원": the rest, no 국비
    if before is not None:
        words = _joined_words(before.group("label"))
        if len(words) > 1 and reader.unglued(words[-1], start)[0] in forms.list_tails:
            words = words[:-1]  # "민자 등이": the source, then the others left unnamed
        rest = list(words)
        while len(rest) > 1 and _stem(reader, rest[-1]) in forms.of_nouns:
            rest.pop()  # "관광기금의 출자로 3천500억원", "지방자치단체 대응 예산 36억원"
        if len(rest) < len(words):
            payer = rest[-1].removesuffix(forms.of_particle)
            category = payer_category(reader, forms, payer, start)  # "경기도 예산 16억원"
            if category is not None:
                return payer, category, before.start("label"), end, True
        # the word right before it, else the two words ("교육부 지원금", "민간 투자"); none when
        # that word ends a clause ("… 자체 부담하고 715억원은 국고에서")
        labels = (words[-1], " ".join(words[-2:]))
        if len(words) > 1 and reader.two_word_source(*words[-2:]):
            labels = labels[::-1]  # "시 재정 3조": a source of two words before its last word's own
        for label in labels if not words[-1].endswith(forms.clause_verb_endings) else ():
            if any(w in forms.cue_words for w in label.split()):
                break  # "지방비 포함해 총 1166억원": a total naming its sources, no payer
            category = reader.source_category(label, start)
            if category is None:
                label, category = reader.unglued(label, start)
            if category is None and " " not in label and label == words[-1]:
                label, category = reader.glued_after_word(label, start)  # "위해국비 29억원"
            if category is not None and len(label) > 1:  # "군은": the county, no 군 code
                at = before.start() if " " in label else before.end("label") - len(words[-1])
                return label, category, at, end, True
        place = reader.unglued(words[-1], start)[0]
        category = None if reader.names_money(place) else payer_category(reader, forms, place, start)
        if category is not None and not forms.received.search(
                text, end, reader.sentences.span(start)[1]):
            # "김포시 100억원, 인천시 166억원으로": where the figures add up (not "…을 각각 지원받아")
            return place, category, before.end("label") - len(words[-1]), end, False
    paid = ending_at(forms.paid_before, text, max(lo, head - 30), head)
    if paid is not None:  # "복권기금으로 지원받은", "충북도로부터 지원받은" (a place too)
        label = paid.group("label")
        category = payer_category(reader, forms, label, start)
        if category is not None:
            return label, category, paid.start(), end, True
    paid = ending_at(forms.paid_share, text, max(lo, head - 40), head)
    if paid is not None:  # "시가 맡을 사업비는 166억원": one letter pays only where figures add up
        label = paid.group("label")
        category = payer_category(reader, forms, label, start)
        if category is not None:
            return label, category, paid.start(), end, len(label) > 1
    paid = ending_at(forms.paid_clause, text, max(lo, head - 60), head)
    if paid is not None:  # "수자원공사가 지역상생 협력사업비로 지원키로 한 60억원": a payer's clause
        label = paid.group("label")
        category = payer_category(reader, forms, label, start)
        if category is not None:
            return label, category, paid.start(), end, len(label) > 1
    after = forms.source_after.match(text, end, hi)
    if after is not None and after.group("label") and _pays_next(reader, forms, after, hi):
        after = None  # "22억원은 복권기금으로 지원받은 12억원과 …": the source of the next figure
    if after is not None and reader.adverb(after.group("label") or "", after.end("label")):
        after = None  # "280억 원을 기 투입했으며": a word (旣, already), no source code
    if after is not None and after.group("label"):
        label = after.group("label")
        category = reader.category(label, start) or reader.unglued(label, start)[1]
        if category is None and not reader.names_money(label):  # (예산 is money, not 예산군)
            if (joint := _places_paying(reader, forms, after, hi)) is not None:
                return joint[0], joint[1], start, joint[2], True
            if forms.place_pays.match(text, after.end()) is not None:
                category = reader.place_category(label)  # "80억원을 연천군이 부담"
        if category is not None:
            last = after.end("label")
            more = forms.more_source.match(text, last, hi)
            other = more and (reader.category(more.group("label"), start)
                              or reader.unglued(more.group("label"), start)[1])
            if other and (_labels_next(reader, more.end("label"), hi)
                          or (chain := forms.more_source.match(text, more.end("label"), hi)) is not None
                          and _labels_next(reader, chain.end("label"), hi)):
                other = None  # "1천132억원의 국비와 지방비 3천783억원": the next figure's source
                # (so "950억원은 국고지원, 도비와 시비 500억원": 도비 pays with 시비, not the 950억)
            if other:  # "도비와 시비로": one part from both
                found = set(category.split("+")) | set(other.split("+"))
                category = "+".join(c for c in CATEGORIES if c in found)
                last = more.end("label")
            return text[after.start("label"):last], category, start, last, True
    support = forms.support_after.match(text, end, hi)
    if support is not None:  # "총사업비 19억 원 중 11억 원 국비 지원으로": named bare, then 지원
        category = reader.category(support.group("label"), start)
        if category is not None:
            return support.group("label"), category, start, support.end("label"), True
    actor = ending_at(forms.actor_before, text, max(lo, head - 30), head)
    if actor is not None and not reader.names_money(actor.group("label")) and not (
            reader.category(actor.group("label"), start) is None
            and forms.received.search(text, end, reader.sentences.span(start)[1])):
        # an actor outside the taxonomy paying, unless the money is received ("강릉시는 497억 원(…),
        # 양양군은 487억 원(…)을 각각 지원받아": where it goes)
        label = actor.group("label")
        category = payer_category(reader, forms, label, start)
        if category is not None or not label.endswith(forms.not_actor_endings):
            return label, category or "other", actor.start(), end, category is not None
    loose = _list_item(reader, forms, before, end, lo, hi) if before is not None else None
    if loose is not None:
        return loose
    place = ending_at(forms.place_actor, text, max(lo, head - 8), head)
    if place is not None:  # "시는 801억원(70.5%)을": counted only where the figures add up
        category = reader.category(place.group("label"), start)
        if category is not None:
            return place.group("label"), category, place.start(), end, False
    paid = ending_at(forms.topic_cost, text, max(lo, head - 40), head)
    if paid is not None:  # "…, 순천시는 도서관 건립비 100억원과 …": a place as the topic, then a cost
        label = paid.group("label")  # of its own (counted only where the figures add up)
        category = reader.place_category(label)
        if category is not None:
            return label, category, paid.start(), end, False
    return _subject_payer(reader, forms, head, start, end)


def _list_item(reader: SplitReader, forms: SumForms, before, end: int, lo: int,
               hi: int) -> tuple[str, str, int, int, bool] | None:
    """"…, 도교육청 38억원, 하이원리조트 22억원 등 총 284억원": a name outside the taxonomy as an
    item of a list of payers, "other", counted only in an exact sum beside a known source."""
    text = reader.text
    name = before.group("label").split()[-1]
    at = before.end("label") - len(name)
    if (len(name) < 2 or not name.isalpha() or reader.names_money(name)
            or name.endswith(tuple(reader.forms.glued))  # "예산이 21조 …": a subject, no list item
            or reader.source_category(name, at) is not None or reader.unglued(name, at)[1] is not None
            or name.endswith(forms.not_payer_endings) or name.endswith(forms.not_actor_endings)
            or name in forms.cue_words):
        return None
    if (ending_at(forms.list_item_before, text, max(lo, at - 4), at) is None
            and forms.list_item_after.match(text, end, hi) is None):
        return None
    return name, "other", at, end, False


def _items_before(chosen: list[Candidate]) -> list[Candidate]:
    """Of parts named short of their total, those that one part after them adds up: that one
    stands for them, and they are its parts ("98억 원으로, 이중 ▲국비 13억 5천만 원 ▲국비 11억
    4천만 원 … 특별교부세 10억 원을 … 총 34억 9천만 원에 달하는 국비": 국비 34억 9천만 원 is the
    part, the three its own)."""
    ordered = sorted(chosen, key=lambda c: c.start)
    for i, c in enumerate(ordered):
        if i >= 2 and sum((d.value for d in ordered[:i]), Decimal(0)) == c.value:
            return ordered[:i]
    return []


def _joined_words(label: str) -> list[str]:
    """The words of a label, a middle dot standing between spaces joining its two sides into one
    ("국 · 시비" is 국·시비)."""
    words: list[str] = []
    for word in label.split():
        if words and (word[0] in DOTS or words[-1][-1] in DOTS):
            words[-1] += word
        else:
            words.append(word)
    return words


def _subject_payer(reader: SplitReader, forms: SumForms, head: int, start: int,
                   end: int, stated: bool = False) -> tuple[str, str, int, int, bool] | None:
    """A source named as the subject of the figure's clause, farther back: "국고 지원금은 기존
    30%에서 20% 오른 364억 원으로" (no figure between; counted where the figures add up),
    "교육부는 … 3천700억원 중 약 1천500억원을 … 지원한다" (a verb of paying after the figure)."""
    text = reader.text
    s_start = reader.sentences.span(start)[0]
    lo = max(s_start, head - forms.subject_reach)
    if lo >= head or not stated and ending_at(forms.total_cue, text, max(s_start, head - 32), head):
        return None  # a figure stated as a total, unless its share of a total is written
    pays = forms.pays_after.match(text, end) is not None
    for m in reversed(list(forms.subject_payer.finditer(text, lo, head, overlapped=True))):
        if reader.between(m.end(), head) and not pays:
            break
        label = m.group("label")
        if len(label.split()[-1]) < 2:
            continue  # "시가 보상한": no one-letter code
        for word in (label, label.split()[-1]):
            category = reader.source_category(word, start)
            if category is not None:
                return word, category, head, end, pays  # placed at its figure, far from it
    if forms.receives_after.match(text, end) is not None:  # "교육부로부터 … 259억 원의 사업비를 지원받게"
        for m in reversed(list(forms.from_payer.finditer(text, lo, head))):
            category = payer_category(reader, forms, m.group("label"), start)
            if category is not None and len(m.group("label")) > 1:
                return m.group("label"), category, head, end, True
    return None


def _stem(reader: SplitReader, word: str) -> str:
    """A word without the particle glued to it ("출자로" -> 출자)."""
    for cut in reader.forms.glued:
        if word.endswith(cut) and len(word) > len(cut):
            return word[: -len(cut)]
    return word


def _places_paying(reader: SplitReader, forms: SumForms, after, hi: int) -> tuple[str, str, int] | None:
    """Two places joined after a figure, then a verb of paying: "나머지 300억원을 광주시와 전남도가
    함께 부담" — (label, their categories together, end of the label), else None."""
    first = reader.place_category(after.group("label"))
    more = first and forms.more_source.match(reader.text, after.end("label"), hi)
    second = more and reader.place_category(more.group("label"))
    if not second or forms.place_pays.match(reader.text, more.end()) is None:
        return None
    found = set(first.split("+")) | set(second.split("+"))
    label = reader.text[after.start("label"):more.end("label")]
    return label, "+".join(c for c in CATEGORIES if c in found), more.end("label")


def payer_category(reader: SplitReader, forms: SumForms, label: str, offset: int) -> str | None:
    """A payer's category: a source word (particles aside), else a place by its ending
    ("김포시" municipal, "경기도" provincial; a metropolitan city's 시 provincial)."""
    return (reader.category(label, offset) or reader.unglued(label, offset)[1]
            or reader.place_category(label))


def _listed_category(reader: SplitReader, forms: SumForms, words: str, offset: int) -> str | None:
    """The sources named in a bracket ("국비, 한강수계기금"), their categories together."""
    found: set[str] = set()
    for word in forms.list_split.split(words.strip()):
        category = word and payer_category(reader, forms, word, offset)
        if not category:
            return None
        found.update(category.split("+"))
    return "+".join(c for c in CATEGORIES if c in found) or None


def _labels_next(reader: SplitReader, at: int, hi: int) -> bool:
    """A word ending at ``at`` labels the figure right after it (spaces or a colon between)."""
    nxt = reader.between(at, min(hi, at + 12))
    return bool(nxt) and not reader.text[at:nxt[0].start].strip(" \u00a0:：")


def _pays_next(reader: SplitReader, forms: SumForms, after, hi: int) -> bool:
    """The source named after a figure is the payer of the next figure, or of the share
    written right after it ("100억원은 국비 50%, …"), instead."""
    at = after.end("label")
    while at < len(reader.text) and reader.text[at] in " \u00a0(（":
        at += 1
    if forms.share.match(reader.text, at) is not None:
        return True
    nxt = reader.between(after.start("label"), min(hi, after.end() + 30))
    if not nxt:
        return False
    if forms.next_payer_gap.fullmatch(reader.text, after.end("label"), nxt[0].start):
        return True  # "420억 원은 도교육청 294억 원, …", "9천909억원은 국비가 3천690억원, …": the next's
    paid = ending_at(forms.paid_before, reader.text, after.start("label"), nxt[0].start)
    return paid is not None and paid.start() == after.start("label")


def _half_steps(found: list[Candidate], unit: Decimal, text: str) -> dict[int, Decimal]:
    """Half a unit of each known candidate's last written digit (43조 -> 0.5조, 72.4조 ->
    0.05조), for those written coarser than their total's ``unit``."""
    out = {}
    for c in found:
        if not c.known:
            continue
        step = Decimal(inherit_units(c.fact.amount, text)[0])
        while step > 1 and c.value % step:
            step /= 10
        if step > unit:
            out[id(c)] = step / 2
    return out


def _coarse(subset, halves: dict[int, Decimal], have) -> Decimal:
    """How far parts written coarser than their total may miss it: half a unit of each part's
    last written digit ("70조 4000억원 … 국비는 43조원, 지방비 3조원, 민자 등이 24조원"), when
    every part is known by its source and rounded coarser than the total is written."""
    if have or len(subset) < 2 or not all(id(c) in halves for c in subset):
        return Decimal(0)
    return sum((halves[id(c)] for c in subset), Decimal(0))


class SumAssigner:
    """Assigns candidate parts to totals by arithmetic, in one paragraph window per total."""

    def __init__(self, reader: SplitReader, sentences: Sentences, forms: SumForms):
        self.reader = reader
        self.text = reader.text
        self.sentences = sentences
        self.forms = forms
        self._candidates: dict[int, Candidate | None] = {}
        self._pairs: dict[int, list[Candidate]] = {}
        self._ratios: list | None = None  # payers-and-ratio matches of the document
        self._ratio_starts: list[int] = []  # where each of them starts
        self._fiscal = label_forms(reader.words).fiscal  # "2019년도 국가예산": a budget year before a figure
        self._one_sentence_paragraphs: bool | None = None  # a page of one-sentence paragraphs

    def window(self, offset: int, across: bool = False) -> tuple[int, int, int, int]:
        """(window start, own sentence start, own sentence end, window end): the total's
        sentence and its neighbours within the paragraph (``across`` a paragraph break too:
        for parts that add up to the total exactly)."""
        s_start, s_end = self.sentences.span(offset)
        lo, hi = s_start, s_end
        before = self.sentences.before((s_start, s_end))
        if before is not None and (across or self._joined_paragraphs(before[1], s_start + 1)):
            lo = before[0]
        text = self.text
        nxt = s_end
        while nxt < len(text) and nxt - s_end < 40 and text[nxt] in " \t\r\n\u00a0":
            nxt += 1  # the next sentence starts at its first word
        if nxt < len(text) and (across or self._joined_paragraphs(s_end - 1, nxt)
                                or self._points_back(nxt)):
            n_start, n_end = self.sentences.span(nxt)
            if n_start >= s_end:
                hi = n_end
                for _ in range(self.forms.across_after if across else 0):
                    # and the sentences after that ("총 152억원 … 정의 … 정의 … 38억6000만원과 …")
                    after = hi
                    while after < len(text) and after - hi < 40 and text[after] in " \t\r\n\u00a0":
                        after += 1
                    if after >= len(text) or self.sentences.span(after)[0] < hi:
                        break
                    hi = self.sentences.span(after)[1]
        return lo, s_start, s_end, hi

    def _matched(self, total: Amount, near: list[Candidate], lo: int,
                 hi: int) -> tuple[SplitInfo, Candidate] | None:
        """A part named with a figure and one payer matching it in a ratio ("국비 50억원에 지방비
        1:1 매칭으로 총 100억원"): the payer's side is the rest, when part and ratio make the total.
        The split, and the candidate it took."""
        for m in self.forms.ratio_one.finditer(self.text, lo, hi):
            category = self.reader.category(m.group("p"), m.start()) or \
                self.reader.unglued(m.group("p"), m.start())[1]
            a, b = Decimal(m.group("a")), Decimal(m.group("b"))
            if category is None or not a or not b:
                continue
            for c in near:
                if c.known and c.category != category and c.value * (a + b) / a == total.value:
                    side = Part(self.reader.unglued(m.group("p"), m.start())[0], category,
                                m.start("p"), m.end("p"), total.value - c.value, total.currency,
                                None, bare=False, share=b / (a + b))
                    parts = sorted([c.part(), side], key=lambda p: p.start)
                    return SplitInfo(parts, False, "sum"), c
        return None

    def _bracket_of(self, a: Amount, s_start: int, s_end: int) -> tuple[int, int] | None:
        """The bracket a figure stands in with a total cue before it ("(총 사업비 30억원, …)")."""
        for m in _BRACKET.finditer(self.text, max(s_start, a.start - 120), min(s_end, a.end + 120)):
            if m.start() < a.start and a.end < m.end():
                return m.span() if self._stated(a) else None
        return None

    def _joined_paragraphs(self, lo: int, hi: int) -> bool:
        """No paragraph break in [lo, hi) — or only the break of a page that puts each sentence
        in a paragraph of its own (most online news), which ends sentences, not paragraphs."""
        gap = self.text[lo:hi]
        if "\n\n" not in gap and "\r\n\r\n" not in gap:
            return True
        if self._one_sentence_paragraphs is None:
            spans = [m.span() for m in _PARAGRAPH.finditer(self.text)]
            single = sum(1 for p0, p1 in spans if self.sentences.span(p0)[1] >= p1 - 1)
            self._one_sentence_paragraphs = len(spans) >= 4 and single >= 0.8 * len(spans)
        return self._one_sentence_paragraphs

    def _points_back(self, start: int) -> bool:
        """A sentence opening a new paragraph that points back at the total before its first
        figure ("¶ 17일 시에 따르면 총 사업비 중 국·도비는 155억 원으로"): it stays in the window."""
        n_end = self.sentences.span(start)[1]
        first = self.reader.between(start, n_end)
        head = self.text[start:first[0].start if first else n_end][:40]
        return any(ref in head for ref in self.forms.back_refs)

    def candidate(self, f: Fact) -> Candidate | None:
        if id(f) not in self._candidates:
            found = None
            if _plain(f.amount) or _capped(f.amount):
                s_start, s_end = self.sentences.span(f.amount.start)
                found = source_of(f, self.reader, self.forms, s_start, s_end)
            if found is not None and found.known and found.start < f.amount.start:
                found = self._joined(found, s_start)
            if found is not None and self._receives(found, s_start):
                found = None
            if found is not None and found.start > f.amount.start - 8 and self._after_use(found, s_start):
                found = None
            self._candidates[id(f)] = found
        return self._candidates[id(f)]

    def _after_use(self, found: Candidate, s_start: int) -> bool:
        """A word listed right after a figure named by its use ("공사비 377억원, 보상비 84억원, 기타
        36억원으로 구성"): the list is a breakdown by use, and this one of its uses (기타), no payer."""
        before = self.reader.between(s_start, found.start)
        prev = before[-1] if before else None
        if prev is None or self.forms.list_split.fullmatch(self.text, prev.end, found.start) is None:
            return False
        words = self.text[max(s_start, prev.start - 16):prev.start].split()
        return bool(words) and source_key(words[-1]) in self.reader.forms.use_words

    def _receives(self, found: Candidate, s_start: int) -> bool:
        """A place or item of a sentence listing where money goes ("지역별로는 경남이 1712억원"),
        or a place after "이 중" with no verb of paying ("이 중 제주는 621억원이다"): no payer.
        A fund word (국비, 도비 …) there is still a source."""
        if self.reader.fund_word(found.label):
            return False
        head = self.text[s_start:found.start].lstrip(" \t\r\n\u00a0")
        if head.startswith(self.forms.breakdown_openers):
            return True
        place = self.reader.place_category(found.label.split()[-1]) is not None
        if place and self.forms.breakdown_words:  # "경기도가 75억원으로 가장 많고 이어 전남 …"
            s_end = self.sentences.span(found.start)[1]
            if any(w in self.text[s_start:s_end] for w in self.forms.breakdown_words):
                return True
        return (place and head.startswith(self.forms.back_refs_last)
                and self.forms.pays_after.match(self.text, found.fact.amount.end) is None)

    def _joined(self, found: Candidate, s_start: int) -> Candidate:
        """"특별교부세와 특별조정교부금으로 총 152억원": two sources pay the figure together; so
        do payers listed with commas before the one joined by 와/과 ("정부와 부산시, 경남도가
        4473억원을": national+provincial), each a source word or a place."""
        m = self.reader.forms.joined_before.search(self.text, max(s_start, found.start - 30),
                                                   found.start)
        if m is None or not m.group("and"):
            return self._listed(found, s_start)
        other = self.reader.category(m.group("other"), m.start())
        if other is None:
            return self._listed(found, s_start)
        return Candidate(found.fact, self.text[m.start("other"):found.start] + found.label,
                         self.reader.joined_category(m.group("other"), other, found.label, found.category),
                         m.start("other"), found.end, True)

    def _listed(self, found: Candidate, s_start: int) -> Candidate:
        """Payers listed before a payer, with commas and one 와/과: "정부와 부산시, 경남도가",
        "정부, 부산시와 경남도가" (found: 경남도) pay the figure together; each a source word or a
        place.  Without a 와/과 in the list, ``found`` alone."""
        text, start, category, joined = self.text, found.start, found.category, None
        while (m := ending_at(self.forms.comma_payer, text, max(s_start, start - 24), start)) is not None:
            word = m.group("other")  # (its particle is the joint: no other stripped, "도로와")
            other = self.reader.category(word, m.start()) or self.reader.place_category(word)
            if other is None:
                break
            category = self.reader.joined_category(word, other, found.label, category)
            start = m.start("other")
            if m.group("and") or joined is not None:
                joined = Candidate(found.fact, text[start:found.start] + found.label, category,
                                   start, found.end, True)
        return joined or found

    def candidates(self, f: Fact) -> list[Candidate]:
        """The fact as a candidate part — or as two, when two sources each pay its figure
        ("국비와 도비가 각각 48억원"); read once per fact, however many totals look at it."""
        if id(f) not in self._pairs:
            self._pairs[id(f)] = self._read_candidates(f)
        return self._pairs[id(f)]

    def _read_candidates(self, f: Fact) -> list[Candidate]:
        one = self.candidate(f)
        a = f.amount
        s_start, _ = self.sentences.span(a.start)
        each = ending_at(self.forms.each_before, self.text, max(s_start, a.start - 30), a.start)
        turn = self._joined_in_turn(f, s_start)
        if turn is not None:
            return [turn]
        respective = self._respective(a, each, s_start)
        if respective is not None:
            label, at = respective
            category = payer_category(self.reader, self.forms, label, a.start)
            return [Candidate(f, label, category, at, a.end, True)] if category else []
        if each is not None and _plain(a):
            pair = []
            for name in ("a", "b"):
                label = each.group(name)
                category = payer_category(self.reader, self.forms, label, a.start)
                if category is None and " " in label:  # "시·군 기초지자체": the source named first
                    category = payer_category(self.reader, self.forms, label.split()[0], a.start)
                if category is None:
                    break
                pair.append(Candidate(f, label, category, each.start(name), a.end, True))
            if len(pair) == 2:
                return pair
        if (one is not None and one.known and "+" in one.category and one.start < a.start
                and _plain(a) and self.forms.each_joined.match(self.text, one.start + len(one.label),
                                                               a.start) is not None):
            # "국·지방비 각각 719억원씩": each source of the joined word pays the figure
            return [Candidate(f, one.label, c, one.start, one.end, True) for c in one.category.split("+")]
        return [one] if one is not None else []

    def _figure_joined_after(self, a: Amount) -> bool:
        """Another figure right after ``a``, joined to it ("3433억원, 2289억원", "…억원과 3억")."""
        join = self.forms.list_split.match(self.text, a.end)
        return bool(join and join.group().strip() and join.end() in self.reader.by_start)

    def _figure_joined_before(self, a: Amount, s_start: int) -> Amount | None:
        """The figure right before ``a`` in its sentence, joined to it ("14억 원과 3억")."""
        back = next((m for m in self.forms.list_split.finditer(  # (the joiner ending at it)
            self.text, max(s_start, a.start - 4), a.start) if m.end() == a.start), None)
        if back is None or not back.group().strip():
            return None
        return next((o for o in self.reader.between(max(s_start, back.start() - 40), back.start())
                     if o.end == back.start()), None)

    def _joined_in_turn(self, f: Fact, s_start: int) -> Candidate | None:
        """"국ㆍ시비는 각각 3433억원, 2289억원": a word joining two sources, then two figures
        joined — the first source pays the first, the second the second."""
        a = f.amount
        if not _plain(a):
            return None
        if self._figure_joined_after(a):
            first, nth = a, 0
        else:
            first, nth = self._figure_joined_before(a, s_start), 1
            if first is None:
                return None
        word = ending_at(self.forms.joined_respective, self.text, max(s_start, first.start - 40),
                         first.start)
        if word is None:
            return None
        category = self.reader.category(word.group("label"), word.start("label"))
        sources = category.split("+") if category else []
        if len(sources) != 2:
            return None
        return Candidate(f, word.group("label"), sources[nth], word.start("label"), a.end, True)

    def _respective(self, a: Amount, each, s_start: int) -> tuple[str, int] | None:
        """"국비와 지방비는 각각 3조5천24억원과 2조3천549억원": two sources, then two figures
        joined — the first pays the first, the second the second.  (label, its offset)."""
        if not _plain(a):
            return None
        if each is not None and self._figure_joined_after(a):
            return each.group("a"), each.start("a")
        first = self._figure_joined_before(a, s_start)
        if first is None:
            return None
        before = ending_at(self.forms.each_before, self.text, max(s_start, first.start - 30), first.start)
        return (before.group("b"), before.start("b")) if before is not None else None

    def run(self, facts: list[Fact]) -> list[Fact]:
        """Settle the remaining totals, smallest first (a 지방비 takes its 도비 and 시비 before
        a bigger total takes the 지방비); the facts left at top level, in text order."""
        taken: set[int] = set()
        facts = self._release(facts)
        starts = [f.amount.start for f in facts]  # facts are in text order
        by_value = sorted(facts, key=lambda f: (f.amount.value, f.amount.start))
        self._exact_over_partial(facts)
        self._bracketed_totals(facts, taken)
        for total in by_value:
            a = total.amount
            if (total.split is None and id(total) not in taken and a.high is None and not a.change
                    and (a.per is not None or a.bound == "max")):
                # "농가당 표준사업비 단가는 2000만원이다. 지원비율은 국고보조 20%, …": a unit
                # cost divided by shares, capped or not ("사업당 5억 원 이내로 국비 50%, …")
                _, _, _, hi = self.window(a.start)
                shares = self._shares(a, a.end, hi)  # after it: shares before are another's
                if shares is not None and not shares.partial:
                    total.split = shares
                continue
            if id(total) in taken or not _plain(a) or a.change and total.split is not None:
                continue
            # an increase is a total only of two or more known parts adding up to it exactly
            # ("1천475억 원이 늘어난 4조 5천42억 원 규모로 편성 … 세입은 중앙정부이전수입 1천377억 원과
            # 지방자치단체이전수입 21억 원, 자체수입 77억 원을 반영")
            increase = bool(a.change)
            if total.split is not None and not self._open(total):
                continue
            lo, s_start, s_end, hi = self.window(a.start)
            prev = self.text[max(s_start, a.head - 8):a.head].split()
            if total.split is None and prev and prev[-1] in self.forms.excluding:
                continue  # "시비 650억원을 뺀 590억원": a remainder, no total of parts of its own
            if total.split is not None and all(p.share is not None for p in total.split.parts):
                # "가운데 국비 70%를 지원받고 나머지 30%는 시비로": shares read apart make 100 %
                whole = self._shares(a, lo, hi)
                if whole is not None and not whole.partial and len(whole.parts) > len(total.split.parts):
                    total.split = whole
                    continue
            own = self.candidate(total)
            if own is not None and not own.known and ending_at(self.forms.share_before,
                    self.text, max(0, a.start - 12), a.start):
                continue  # "경기도 50%(332억2100만원)": a payer's share, no total of its own
            several = False  # "국비 등 195억 원": 국비 and others, a total of several sources —
            # never a partial one of the parts listed before it ("국비 13억 원, …, 민간 등 89억 원,
            # 자부담 7억 원 등 총 860억 원": an item of that list)
            if own is not None and own.start < a.start and any(
                    w in self.forms.list_tails for w in self.text[own.start:a.start].split()):
                own, several = None, True
            elif (own is not None and own.known and own.start < a.start
                  and (at := self.text.rfind(own.label, own.start, a.start)) >= 0
                  and self.forms.rest_source_then.fullmatch(self.text, at + len(own.label), a.start)
                  and any(c.known and not set(c.category.split("+")) & _levels(own.category)
                          for f in facts[bisect.bisect_left(starts, s_start):bisect.bisect_left(starts, own.start)]
                          if id(f) not in taken for c in self.candidates(f))):
                own = None  # "국비 10억원을 확보해 시비 매칭으로 총 20억원": the rest's source, unfigured
            elif (own is not None and own.start < a.start and self._stated(a)
                  and self.reader.source_category(own.label, own.start) is None):
                own = None  # "충남도는 내년에 총사업비 1조1천2백억원을": who spends a stated total
            # payers and a ratio: "100억 원은 국비와 지방비가 5:5로"; beside a list naming some
            # of the whole, both ("…6대 4로 분담해 총 8억9000만 원 …, 이 중 교육지원청은 5억4000만 원")
            ratio = None if increase else self._ratio(a, lo, hi, own)
            if ratio is not None:
                if total.split is not None:
                    # a share the list names with its own figure is that figure ("6대 4로 분담해 총
                    # 8억9000만 원 …, 이 중 구리남양주교육지원청은 5억4000만 원": the 교육청's 60 %)
                    named = list(total.split.parts)
                    parts = []
                    for r in ratio.parts:
                        q = next((q for q in named if q.value is not None and q.category == r.category
                                  and abs(q.value - r.value) * 50 <= a.value), None)
                        if q is not None:  # the figure written for the share stands for it,
                            named.remove(q)  # from the payer of the ratio on
                            q.start, q.text = r.start, self.text[r.start:q.end]
                        parts.append(r if q is None else q)
                    ratio = SplitInfo(sorted([*parts, *named], key=lambda p: p.start), False, "sum")
                else:  # "국비와 시비 부담 비율은 6대4로 국비는 1조 2347억원, 나머지 8232억원은 시비로":
                    # the figures written for the shares are the parts
                    written = self._written_shares(ratio, a, lo, hi, facts, starts, taken)
                    if written is not None:
                        ratio = SplitInfo([c.part() for c in written], False, "sum")
                        taken.update(id(c.fact) for c in written)
                total.split = ratio
                continue
            spender = (own is not None and own.known and own.start < a.start
                       and (self.reader.source_category(own.label, own.start) is None
                            or self._topic_spends(own, a)))
            if own is not None and own.known and len(_levels(own.category)) < 2 and not spender:
                continue  # a 국비 or a 시비 holds no other source (a place spending it may)
            here = bisect.bisect_left(starts, a.start)
            reach = 3 * self.forms.nearest  # the nearest are all that are kept
            window = facts[max(bisect.bisect_left(starts, lo), here - reach):
                           min(bisect.bisect_left(starts, hi), here + reach + 1)]
            near = [c for f in window if f is not total and id(f) not in taken
                    and f.amount.currency == a.currency and f.amount.value < a.value
                    for c in self.candidates(f)]
            if own is not None and own.known and not spender:  # a 지방비 holds only 도비, 시비 …
                levels = _levels(own.category)
                near = [c for c in near if c.known and set(c.category.split("+")) <= levels
                        and c.category != own.category]
            if total.split is not None:  # the parts a form read already are not candidates,
                # nor another figure of a source they name ("총사업비 2조 3천37억원(국비 1조 4,568억
                # 원) 규모로, 지금까지 국비 6천512억원을 확보": what of that 국비 is secured)
                held = {id(p.amount) for p in total.split.parts if p.amount is not None}
                named = {source_key(self.reader.unglued(p.label, p.start)[0]) for p in total.split.parts}
                near = [c for c in near if id(c.fact.amount) not in held
                        and source_key(self.reader.unglued(c.label, c.start)[0]) not in named]
            bracket = self._bracket_of(a, s_start, s_end)
            records = [b for f in window if f is not total
                       and (b := self._bracket_of(f.amount, *self.sentences.span(f.amount.start)))]
            # "(총 사업비 38억원 중 국비 3억원)": a bracket with its own total keeps its parts
            near = [c for c in near if not any(b0 < c.start < b1 for b0, b1 in records)]
            own_bracket = _BRACKET.search(self.text, a.end, min(s_end, a.end + 130))
            if (own_bracket is not None and not self.text[a.end:own_bracket.start()].strip()
                    and any(w in source_key(own_bracket.group()) for w in self.reader.forms.use_words)):
                # "145억5천만원(공사비 98억, 보상비 45억, 기타 2억5천만원)": its bracket is by use
                near = [c for c in near if not own_bracket.start() < c.start < own_bracket.end()]
            inner = [c for c in near if bracket[0] < c.start < bracket[1]] if bracket else []
            if inner:  # "(총 사업비 30억원, 국비 15억원)": parts in its bracket are its own
                near = inner
            elif bracket and total.split is None:  # "(총 사업비 458억원, 국비 458억원)": one pays all
                whole = [c for f in window if f is not total and id(f) not in taken
                         and bracket[0] < f.amount.start < bracket[1] and f.amount.value == a.value
                         and f.amount.currency == a.currency for c in self.candidates(f) if c.known]
                if len(whole) == 1:
                    total.split = SplitInfo([whole[0].part()], False, "sum")
                    taken.add(id(whole[0].fact))
                    continue
            # a capped figure is a part only in its total's sentence ("5년 동안 국비 최대 300억 원을
            # 포함해 사업비 430억 원을"; "… 국비 지원액은 최대 9천800만원이다. 국비를 포함해 1억4천만원을":
            # the cap, not what is paid)
            near = [c for c in near if not _capped(c.fact.amount) or s_start <= c.start < s_end]
            near.sort(key=lambda c: abs(c.start - a.start))
            near = self._said_once(near, s_start, s_end)[: self.forms.nearest]
            inside = self._total_inside(facts[here - 1] if here else None, total, s_start, s_end)
            if inside is not None and id(inside.fact) not in taken and total.split is None:
                total.split = SplitInfo([inside.part()], True, "sum")  # "국비 456억원(총사업비 659억원)"
                taken.add(id(inside.fact))
                continue
            # a figure of the window the parts add up to exactly is theirs before a rounded total
            # ("총 공사비 664억여 원 … 총공사비(664억4200만원) 분담비율은 경기도 50%(332억2100만원), …")
            rivals = {f.amount.value for f in window if f is not total and id(f) not in taken
                      and _plain(f.amount) and f.amount.currency == a.currency}
            found = self._adding_up(total, near, s_start, s_end, rivals)
            if found is None:  # parts that add up exactly, past a paragraph break
                far_lo, _, _, far_hi = self.window(a.start, across=True)
                if (far_lo, far_hi) != (lo, hi):
                    far = facts[bisect.bisect_left(starts, far_lo):bisect.bisect_left(starts, far_hi)]
                    wide = [c for f in far if f is not total and id(f) not in taken
                            and f.amount.currency == a.currency and f.amount.value < a.value
                            and not lo <= f.amount.start < hi for c in self.candidates(f)]
                    if total.split is not None:
                        wide = [c for c in wide if id(c.fact.amount) not in held]
                    # parts in a sentence of their own total of the same figure are its parts
                    twins = [self.sentences.span(f.amount.start) for f in far
                             if f is not total and f.amount.value == a.value]
                    wide = [c for c in wide if not any(t0 <= c.start < t1 for t0, t1 in twins)]
                    exact = self._adding_up(total, near + wide, s_start, s_end, rivals)
                    if exact is not None and (not exact[2] or self._tied_back(exact[0])):
                        found = exact
            if (spender or increase) and found is not None and (
                    found[2] or len(found[0]) < 2 or increase and not all(c.known for c in found[0])):
                found = None  # a place's own figure: only parts that add up to it exactly
            if increase and found is None:
                continue
            wide = own is not None and own.known and not spender and len(_levels(own.category)) > 1
            if found is None and total.split is None and (spender or not (own and own.known) or wide):
                shares = self._shares(a, lo, hi)
                if shares is not None and not shares.partial and (not wide or all(
                        set(p.category.split("+")) <= _levels(own.category) for p in shares.parts)):
                    total.split = shares  # shares that make 100 % (of a 지방비, its levels':
                    continue  # "600억원의 지방비 … 강원도가 70%, 춘천시가 30%씩 분담")
            matched = None if found is not None or (own and own.known) else self._matched(a, near, lo, hi)
            if matched is not None:  # "국비 50억원에 지방비 1:1 매칭으로": the part and the rest
                total.split, part = matched
                taken.add(id(part.fact))
                continue
            if found is None and not (own and own.known):
                found = self._partial(total, near, s_start, s_end)
                if found is not None and several and any(c.start < a.start for c in found[0]):
                    found = None
            if found is None and total.split is None and not (own and own.known):
                total.split = self._shares(a, lo, hi)
                continue
            if found is None:
                continue
            chosen, partial, precision = found
            if partial and (items := _items_before(chosen)):
                chosen = [c for c in chosen if c not in items]
                sub = min(chosen, key=lambda c: c.start)  # the figure they add up to, their total
                if sub.fact.split is None and id(sub.fact) not in taken:
                    sub.fact.split = SplitInfo([c.part() for c in items], False, "sum")
                    taken.update(id(c.fact) for c in items)
            if own is not None and own.known and not spender and self._list_mate(own, chosen):
                continue  # "도비 30억 원, 시비 70억 원, 자체 지방비 100억 원": the list's next item
            if self._recipients(a, chosen):
                continue
            parts = [c.part() for c in chosen]
            if total.split is not None:
                parts = [*total.split.parts, *parts]
            total.split = SplitInfo(sorted(parts, key=lambda p: p.start), partial, "sum", precision)
            taken.update(id(c.fact) for c in chosen)
        self._nested_after(facts, taken)
        self._far_list(facts, taken)
        self._share_of_earlier(facts, taken)
        self._share_of_later(facts, taken)
        self._ditto(facts, taken)
        left = [f for f in facts if id(f) not in taken]
        self._paid_whole(left)
        left = self._each_of_total(left)
        self._shares_again(left)
        return self._one_source(left)

    def _shares_again(self, facts: list[Fact]) -> None:
        """Shares written once before the totals of their sentence divide each of them: "사업비는
        국비와 지방비 각 50%로, 지난 2020년은 총 56억원을 투입하고 올해는 44억원을" (the totals
        after the first, each with no source of its own and no other share between)."""
        for i, f in enumerate(facts):
            info = f.split
            if (info is None or info.partial or not info.parts
                    or any(p.share is None or p.start >= f.amount.start for p in info.parts)):
                continue
            s_start, s_end = self.sentences.span(f.amount.start)
            if any(w in self.text[s_start:s_end] for w in self.forms.breakdown_words):
                continue  # "…각 50%씩의 … 재원은 경기도가 75억원으로 가장 많고 이어 전남 63억원": a ranking
            last = f
            for g in facts[i + 1:]:
                b = g.amount
                if (b.start >= s_end or g.split is not None or not _plain(b) or b.currency != f.amount.currency
                        or self.forms.share.search(self.text, last.amount.end, b.start)):
                    break
                own = self.candidate(g)
                if own is not None and own.known:
                    break
                g.split = SplitInfo([Part(p.label, p.category, p.start, p.end, b.value * p.share, b.currency,
                                          None, bare=False, share=p.share) for p in info.parts],
                                    False, "sum")
                last = g

    @staticmethod
    def _one_source(facts: list[Fact]) -> list[Fact]:
        """Parts that all name one source (one label, one category; "국·지방비 각각" names two) divide
        it by use, not by who pays ("국비 7조 755억원
        … 투자 국비가 3조 7167억원(52.5%), 복지 국비가 3조 3588억원(47.5%)"): no split; the
        figures stand on their own again."""
        out = []
        for f in facts:
            out.append(f)
            info = f.split
            if (info is None or info.form != "sum" or len(info.parts) < 2
                    or len({(source_key(p.label), p.category) for p in info.parts}) != 1):
                continue
            f.split = None
            out.extend(_freed(info))
        return sorted(out, key=lambda f: f.amount.start) if len(out) != len(facts) else out

    def _ditto(self, facts: list[Fact], taken: set[int]) -> None:
        """Ditto marks repeat the labels of the bracket before: "(사업비 6천875억원 국비 6천억원)
        … (〃 450억원 〃360억원)" is 사업비 450억 of which 국비 360억 — the bracket's figures take
        the split the figures of the last bracket before them took, in the same order."""
        marks = self.forms.ditto
        if not marks or not any(mark in self.text for mark in marks):
            return
        starts = [f.amount.start for f in facts]
        brackets = []  # (start, end, facts inside) of every bracket holding two figures or more
        for m in _BRACKET.finditer(self.text):
            inside = facts[bisect.bisect_left(starts, m.start()):bisect.bisect_left(starts, m.end())]
            if len(inside) >= 2:
                brackets.append((m.start(), m.end(), inside))
        model = None  # (positions of the total and of its parts, their parts) of a labelled bracket
        for b_start, _, inside in brackets:
            ditto = [any(mark in self.text[max(b_start, f.amount.start - 3):f.amount.start]
                         for mark in marks) for f in inside]
            if not any(ditto):
                whole = next((i for i, f in enumerate(inside) if f.split is not None), None)
                if whole is None:
                    model = None
                    continue
                held = {id(p.amount): p for p in inside[whole].split.parts}
                model = (whole, [(i, held[id(f.amount)]) for i, f in enumerate(inside)
                                 if id(f.amount) in held])
                continue
            if model is None or not all(ditto) or not model[1]:
                continue
            whole, kept = model
            if whole >= len(inside) or any(i >= len(inside) for i, _ in kept):
                continue
            total = inside[whole]
            if total.split is not None or id(total) in taken:
                continue
            parts = []
            for i, like in kept:
                a = inside[i].amount
                if id(inside[i]) in taken or inside[i].split is not None or a.value >= total.amount.value:
                    break
                parts.append(Part(like.label, like.category, a.start, a.end, a.value, a.currency,
                                  a.numeral, bare=False, amount=a))
            else:
                total.split = SplitInfo(parts, False, "sum")
                taken.update(id(inside[i]) for i, _ in kept)

    def _release(self, facts: list[Fact]) -> list[Fact]:
        """A form's parts of a figure paid by one level of government that are other levels'
        money are no parts of it ("국비 예산은 4862억 원이며 도비는 1241억 원이다": no 국비
        holds a 도비); they stand on their own again, for a total that holds both."""
        out = []
        starts = [f.amount.start for f in facts]  # facts are in text order
        for f in facts:
            info = f.split
            out.append(f)
            if info is not None and self._outgrown(f, facts, starts):
                f.split = None  # "국비 33억원(총사업비 66억원, …)": no part is bigger than its whole
                out.extend(Fact(p.amount) for p in info.parts if p.amount is not None)
                continue
            if (info is None or info.form in ("sum", "table", "codes") or not _plain(f.amount)
                    or self._stated(f.amount)):  # "국비 465억원을 포함해 … 모두 1천837억원"
                continue
            own = self.candidate(f)
            if (own is None or not own.known or len(_levels(own.category)) != 1
                    or self.reader.source_category(own.label, own.start) is None  # "청주시는": who spends
                    or any(p.category not in _GOVERNMENT or p.amount is None
                           or _levels(p.category) & _levels(own.category) for p in info.parts)):
                continue
            f.split = None
            out.extend(_freed(info))
        return sorted(out, key=lambda f: f.amount.start) if len(out) != len(facts) else out

    def _share_of_earlier(self, facts: list[Fact], taken: set[int]) -> None:
        """A part written with its share of a total stated before it ("1067억 원 규모의 공모사업에
        선정됐다. … 국도비가 전체의 64%(680억 원)를 차지하며", "… 군비는 모두 69억 7천만 원(7%)으로"):
        the total, in its sentence or the few before, whose share the figure is (to half the
        share's last written digit)."""
        text = self.text
        for i, f in enumerate(facts):
            a = f.amount
            if id(f) in taken or f.split is not None or not _plain(a):
                continue
            head = a.head
            m = (ending_at(self.forms.share_before, text, max(0, head - 24), head)
                 or self.forms.share_after.match(text, a.end))
            own = self.candidate(f) if m is not None else None
            if own is None or not own.known:
                continue
            decimals = len(m.group("dec") or "")
            share = Decimal(m.group("n")) / 100
            slack = Decimal(5) / Decimal(10) ** (decimals + 3)  # half the last digit, as a fraction
            span = self.sentences.span(a.start)
            lo = span[0]
            for _ in range(self.forms.share_reach):
                before = self.sentences.before((lo, span[1]))
                if before is None:
                    break
                lo = before[0]
            for g in reversed(facts[:i]):
                if g.amount.start < lo:
                    break
                b = g.amount
                if (id(g) in taken or not _plain(b) or b.change or b.currency != a.currency
                        or b.value <= a.value or abs(b.value * share - a.value) > b.value * slack):
                    continue
                if g.split is None:
                    g.split = SplitInfo([own.part()], True, "sum")
                elif g.split.partial:
                    g.split.parts = sorted([*g.split.parts, own.part()], key=lambda p: p.start)
                else:
                    break
                taken.add(id(f))
                break

    def _far_list(self, facts: list[Fact], taken: set[int]) -> None:
        """A sentence that lists parts by source after a far opener and holds no total of its own
        ("필요한 예산을 재원별로 살펴보면 국비 8867억원(64.4%), 도비 693억원(5%), …"): the parts go
        to the nearest total stated before it in the text that they add up to exactly (three parts
        or more: within half a unit each)."""
        if not self.forms.far_openers:
            return
        text = self.text
        by_sentence: dict[tuple[int, int], list[Fact]] = {}
        for f in facts:
            if id(f) not in taken and f.split is None:
                by_sentence.setdefault(self.sentences.span(f.amount.start), []).append(f)
        for (lo, hi), here in by_sentence.items():
            first = here[0].amount.start
            if not any(w in text[lo:first] for w in self.forms.far_openers):
                continue
            parts = [self.candidate(f) for f in here]
            if len(parts) < 2 or any(c is None or not c.known for c in parts):
                continue  # every figure of the sentence a part with a named source
            whole = sum(c.fact.amount.value for c in parts)
            currency = here[0].amount.currency
            earlier = [g for g in facts if g.amount.end <= lo and id(g) not in taken
                       and g.split is None and _plain(g.amount) and g.amount.currency == currency]
            target = next((g for g in reversed(earlier) if g.amount.value == whole), None)
            if target is None and len(parts) >= 3:  # three parts or more round by half a unit each
                # ("복구비가 6063억 원으로 … 재원별로는 △국비 3630억 원 △지방비 1558억 원 △자체복구비 874억 원")
                target = next((g for g in reversed(earlier) if abs(g.amount.value - whole) * 2
                               <= len(parts) * Decimal(inherit_units(g.amount, text)[0])), None)
            if target is None:
                continue
            target.split = SplitInfo([c.part() for c in parts], False, "sum")
            taken.update(id(c.fact) for c in parts)

    def _bracketed_totals(self, facts: list[Fact], taken: set[int]) -> None:
        """A total in brackets after what it is the cost of, then 에 and a figure paid by a named
        source: "…설치사업(총사업비 80억 원)에 국비 40억 원 지원을 요청" — that figure is its part
        (the rest left unnamed)."""
        text = self.text
        for f, g in zip(facts, facts[1:]):
            a = f.amount
            if (f.split is not None or id(f) in taken or id(g) in taken or g.split is not None
                    or not _plain(a) or a.currency != g.amount.currency or g.amount.value >= a.value):
                continue
            then = self.forms.bracket_total_then.match(text, a.end, g.amount.start)
            if then is None or ending_at(self.forms.bracket_total, text, max(0, a.head - 40),
                                         a.head) is None:
                continue
            own = self.candidate(g)
            if own is None or not own.known or own.start != then.end() and not (
                    g.amount.head == then.end() and own.start >= g.amount.end):
                continue  # its source before it ("에 국비 40억 원") or after it ("에 대해 총 430억원을 국고에서")
            f.split = SplitInfo([own.part()], True, "sum")
            taken.add(id(g))

    def _nested_after(self, facts: list[Fact], taken: set[int]) -> None:
        """A total followed by 중/가운데 and, in its sentence, a smaller total stated with its own
        parts ("총 사업비 340억원 중 국비 83억원과 도비 96억원 등 총 179억원을 확보"): the smaller
        is a part of the first, holding its parts (its category theirs together)."""
        text = self.text
        for i, f in enumerate(facts):
            a = f.amount
            if id(f) in taken or f.split is not None or not _plain(a) or a.change:
                continue
            j = i + 1
            while j < len(facts) and id(facts[j]) in taken:
                j += 1
            nxt = facts[j] if j < len(facts) else None
            first = min((p.start for p in nxt.split.parts), default=None) if nxt and nxt.split else None
            if first is None or not (self.forms.partial_after.match(text, a.end) or any(
                    ref in text[a.end:first] for ref in self.forms.back_refs_last)):
                continue  # "…원 중", "…원이 투입되며, 이 가운데 …"
            s_end = self.sentences.span(a.start)[1]
            if (nxt is None or nxt.amount.start >= s_end or nxt.split is None or not nxt.split.parts
                    or nxt.amount.currency != a.currency or nxt.amount.value >= a.value
                    or not self._stated(nxt.amount) or self.candidate(nxt) is not None
                    or any(p.category is None or not a.end <= p.start < nxt.amount.start
                           for p in nxt.split.parts)):
                continue  # its parts named between the two: "… 중 국비 83억원과 도비 96억원 등 총"
            found = {c for p in nxt.split.parts for c in p.category.split("+")}
            b = nxt.amount
            part = Part("·".join(p.label for p in nxt.split.parts),
                        "+".join(c for c in CATEGORIES if c in found), b.start, b.end, b.value,
                        b.currency, b.numeral, bare=False, amount=b, parts=nxt.split.parts,
                        partial=nxt.split.partial)
            f.split = SplitInfo([part], True, "sum")
            taken.add(id(nxt))

    def _share_of_later(self, facts: list[Fact], taken: set[int]) -> None:
        """A total stated after a figure, with the figure's share of it ("교육부는 … 총 781억원을
        지원할 예정이다. 전체 사업비 1805억원의 43.2%에 해당하는 금액이다"): the figure of its
        sentence or the one before that is that share (to half the share's last written digit)
        is its part (to the share's last written digit: writers cut as often as they round),
        paid by the source beside it or by the subject paying it."""
        text = self.text
        for i, g in enumerate(facts):
            b = g.amount
            if id(g) in taken or g.split is not None or not _plain(b) or b.change:
                continue
            m = self.forms.share_of_total.match(text, b.end)
            if m is None:
                continue
            share = Decimal(m.group("n")) / 100
            slack = Decimal(1) / Decimal(10) ** (len(m.group("dec") or "") + 2)  # cut or rounded
            span = self.sentences.span(b.start)
            before = self.sentences.before(span)
            lo = before[0] if before is not None else span[0]
            for f in reversed(facts[:i]):
                a = f.amount
                if a.start < lo:
                    break
                if (id(f) in taken or f.split is not None or not _plain(a) or a.currency != b.currency
                        or a.value >= b.value or abs(b.value * share - a.value) > b.value * slack):
                    continue
                own = self.candidate(f)
                if own is None or not own.known:
                    head = a.head
                    found = _subject_payer(self.reader, self.forms, head, a.start, a.end, stated=True)
                    if found is None or not found[4]:
                        break
                    own = Candidate(f, *found)
                g.split = SplitInfo([own.part()], True, "sum")
                taken.add(id(f))
                break

    def _outgrown(self, f: Fact, facts: list[Fact], starts: list[int]) -> bool:
        """A form's split with a part bigger than its total that is no source (a total named
        in its bracket, a figure of a clause after it), and no other total near that the parts
        add up to (those are moved there by _exact_over_partial)."""
        info, a = f.split, f.amount
        if info.form in ("sum", "table", "codes") or not any(
                p.value is not None and p.currency == a.currency and p.value > a.value
                # a total named in the bracket, or a clause after the figure; a source bigger
                # than its total in a bracket is the text's own contradiction (FP103)
                and (self.reader.source_category(p.label, p.start) is None or info.form == "clause")
                for p in info.parts):
            return False
        return len(self._exact_homes(f, facts, starts)) != 1

    def _exact_homes(self, f: Fact, facts: list[Fact], starts: list[int]) -> list[Fact]:
        """The other totals of a form's split's sentence or the one before (across a paragraph
        break too) that its parts, two or more of known value, add up to exactly."""
        parts = f.split.parts
        values = [p.value for p in parts]
        if len(values) < 2 or None in values or any(p.share is not None for p in parts):
            return []
        span = self.sentences.span(f.amount.start)
        before = self.sentences.before(span)
        lo = before[0] if before is not None else span[0]
        window = facts[bisect.bisect_left(starts, lo):bisect.bisect_left(starts, span[1])]
        return [g for g in window if g is not f and g.split is None and _plain(g.amount)
                and g.amount.currency == f.amount.currency and g.amount.value == sum(values)]

    def _exact_over_partial(self, facts: list[Fact]) -> None:
        """Parts a form read as a partial list of one total — or as the whole of a total they
        exceed — go to another total of that sentence or the one before that they add up to
        exactly ("…총 2102억원 확보에 나선다. 총사업비는 8279억원 규모로, 확보 목표액은 국비
        1494억원과 도비 608억원이다"; "119.8조 원입니다. (…, 이후 27.7조원) 재원은 국비 72.4조
        원, …": parts bigger than 27.7조 are not its parts)."""
        starts = [f.amount.start for f in facts]
        for f in facts:
            info = f.split
            if info is None or info.form in ("sum", "table", "codes"):
                continue
            values = [p.value for p in info.parts]
            if len(values) < 2 or None in values or any(p.share is not None for p in info.parts):
                continue
            if not info.partial and sum(values) <= f.amount.value:
                continue
            if info.form == "paren" and sum(values) <= f.amount.value:
                continue  # its own bracket, written partial: "총사업비 343억 원(국비 171억 원, 도비
                # 86억 원 포함)", whatever figure of the sentence before they add up to (국·도비 257억)
            exact = self._exact_homes(f, facts, starts)
            if len(exact) == 1:
                exact[0].split, f.split = SplitInfo(info.parts, False, info.form), None
            elif not exact and sum(values) > f.amount.value and info.form in self.forms.held_back:
                # "재원은 국비 94억, 도비 14억, …" (223억) after the last figure of a list of
                # items (89억): the sources of the whole the release is about, the nearest
                # figure before them that can hold them, in the paragraphs before
                holder = next((g for g in reversed(facts[:bisect.bisect_left(starts, f.amount.start)])
                               if g.split is None and _plain(g.amount)
                               and g.amount.currency == f.amount.currency
                               and g.amount.value >= sum(values)
                               and f.amount.start - g.amount.start <= self.forms.held_reach), None)
                if holder is not None:
                    holder.split, f.split = SplitInfo(info.parts, info.partial, info.form), None

    def _each_of_total(self, facts: list[Fact]) -> list[Fact]:
        """Payers listed before a figure each pay with 씩, then the total they make: "도, 시·군,
        교육청이 5억원씩 15억원을 들여" — three parts of 5억원 (the figure stands for each)."""
        text = self.text
        out = list(facts)
        for f, g in zip(facts, facts[1:]):
            a, b = f.amount, g.amount
            if (g.split is not None or f.split is not None or not _plain(a) or not _plain(b)
                    or a.currency != b.currency
                    or not self.forms.each_then.fullmatch(text, a.end, b.start)):
                continue
            s_start, s_end = self.sentences.span(a.start)
            m = ending_at(self.forms.each_payers, text, max(s_start, a.head - 60), a.head)
            if m is None or self.forms.received.search(text, b.end, s_end):
                continue  # (not where they receive it: "강릉시와 양양군이 5억원씩 10억원을 지원받아")
            payers = [(w, at) for w, at in zip(m.captures("payer"), m.starts("payer"))]
            cats = [payer_category(self.reader, self.forms, w, at) for w, at in payers]
            if len(payers) < 2 or None in cats or b.value != a.value * len(payers):
                continue
            # each part reads from its payer to the figure, as "국비·도비 각 5억원" does
            g.split = SplitInfo([Part(w, c, at, a.end, a.value, a.currency, a.numeral, bare=False,
                                      amount=a) for (w, at), c in zip(payers, cats)], False, "sum")
            out.remove(f)
        return out

    def _paid_whole(self, facts: list[Fact]) -> None:
        """"전액 국비로": the amount of the sentence it speaks of (the nearest before it, else
        the first after it) is that source's alone — one part, the whole."""
        text = self.text
        starts = [f.amount.start for f in facts]
        forms = self.forms
        cues = (forms.whole_source.finditer(text) if forms.whole_cue is None
                else in_cue_lines(forms.whole_source, forms.whole_cue, text))  # (the same matches)
        for cue in cues:
            lo, hi = self.sentences.span(cue.start())
            here = facts[bisect.bisect_left(starts, lo):bisect.bisect_left(starts, hi)]
            free = [f for f in here if f.split is None and _plain(f.amount)
                    and not (self.candidate(f) and self.candidate(f).known
                             and not cue.start() <= self.candidate(f).end <= cue.end())]
            before = [f for f in free if f.amount.end <= cue.start()]
            if len(before) > 1 and _BRACKET_OPEN.fullmatch(text, before[-2].amount.end,
                                                           before[-1].amount.start):
                before.pop()  # "총 사업비 94억 원(건축비 87억 원) 전액을": the figure the note is on
            target = before[-1] if before else next(
                (f for f in free if f.amount.start >= cue.end()), None)
            opener = text[lo:cue.start()].split()
            first = _stem(self.reader, opener[0]) if opener else ""
            if target is None and not here and (not opener or self.reader.names_money(first)):
                # "…325억 원에 달한다. 예산은 전액 국비로 지원된다." (a sentence about the money,
                # not one about another project: "DMC 노선은 … 100% 민간자본을 유치해")
                previous = self.sentences.before((lo, hi))
                if previous is not None and "\n\n" not in text[previous[1]:lo + 1]:
                    last = facts[bisect.bisect_left(starts, previous[0]):
                                 bisect.bisect_left(starts, previous[1])]
                    target = next((f for f in reversed(last) if f.split is None
                                   and _plain(f.amount)
                                   and not (self.candidate(f) and self.candidate(f).known)),
                                  None)
            if target is None:
                continue
            label = cue.group("label")
            if self.reader.adverb(label, cue.end("label")):
                continue  # "200억 원 전액을 기 투입해": already spent, no source named
            category = self.reader.category(label, cue.start()) or self.reader.unglued(
                label, cue.start())[1] or self.reader.place_category(label)  # "전액 임실군이"
            if category is None:
                continue
            a = target.amount
            target.split = SplitInfo([Part(text[cue.start("label"):cue.end("label")], category,
                                           cue.start("label"), cue.end("label"), a.value,
                                           a.currency, None, bare=False, share=Decimal(1))],
                                     False, "sum")

    def _shares(self, total: Amount, lo: int, hi: int) -> SplitInfo | None:
        """Shares of the total, each with its source named beside it, that make 100 % — in its
        sentence before it ("국비(50%)와 도비(15%), 시비(35%)로 총 40억 원"), after it or in the
        sentence after ("…들인다. 건립비용은 문화체육관광부가 30%를 지원하고 …"); after a total
        and 중/가운데, shares short of 100 % are the parts named ("가운데 70%를 국비로")."""
        text = self.text
        s_start, s_end = self.sentences.span(total.start)
        if ending_at(self.forms.bundle_before, text, max(s_start, total.head - 12), total.head):
            return None  # "화순 4건 19억 원": many projects' money, no shares of one total
        parts: list[Part] = []
        placed = loosed = False
        for m in self.forms.share.finditer(text, s_start, hi):
            if total.start <= m.start() < total.end or self.reader.between(m.start(), m.end()):
                continue  # the total itself, or a figure of its own ("30억원")
            if text[m.start() - 1:m.start()] in ("(", "（") and any(
                    a.end == m.start() - 1 for a in self.reader.between(m.start() - 40, m.start())):
                continue  # "13조9000억원(66.4%)": a figure's own share, told beside it
            opened = max(text.rfind("(", s_start, m.start()), text.rfind("（", s_start, m.start()))
            if opened >= 0 and ")" not in text[opened:m.start()] and "）" not in text[opened:m.start()] \
                    and any(a is not total and len(text[a.end:opened].strip()) <= 3  # (이내, 가량)
                            for a in self.reader.between(max(s_start, opened - 40), opened)):
                continue  # "운영비 1억 2500만 원(국비 50%, 지방비 50%)": another figure's shares
            if self.forms.share_then_figure.match(text, m.end()):
                figure = self.reader.between(m.end(), min(hi, m.end() + 24))
                exact = (Decimal(m.group("n")) / 100 if m.group("n") else Decimal("0.5")) * total.value
                if not (figure and figure[0].currency == total.currency and figure[0].value == exact):
                    continue  # "국비가 75%인 354억원": the figure written is the part (not where it
                    # is the share's exactly: "민자유치로 나머지 40%(8백억원)" of 2천억원 stays a share)
            gap = text[parts[-1].end:m.start()].split() if parts else ()
            if gap and gap[0] in self.forms.list_tails:
                break  # "…, 시비 29% 등 외부 재원이 71%로": a subtotal of the shares before
            share = Decimal(m.group("n")) / 100 if m.group("n") else Decimal("0.5")  # 절반
            each = ending_at(self.forms.each_before, text, max(s_start, m.start() - 30), m.start())
            if each is None and self.reader.forms.each_figure.match(text, m.end()):
                each = self.forms.pair_each.search(text, max(s_start, m.start() - 30), m.start())
            payers = [(each.group(g), payer_category(self.reader, self.forms, each.group(g),
                                                     m.start()), each.start(g), m.end())
                      for g in ("a", "b")] if each is not None else []
            halves = self.forms.share_halves.match(text, m.end(), hi)
            if halves is not None and not payers:  # "나머지 40%는 시와 구청이 절반씩": 20 % each
                payers = [(halves.group(g), payer_category(self.reader, self.forms, halves.group(g),
                                                           m.start()), halves.start(g), halves.end(g))
                          for g in ("a", "b")]
                if all(c is not None for _, c, _, _ in payers):
                    share = share / 2
            if not payers or any(c is None for _, c, _, _ in payers):
                found = source_beside(self.reader, self.forms, m.start(), m.start(), m.end(),
                                      s_start if m.start() < total.start else lo, hi)
                rest = None if found is not None else ending_at(
                    self.forms.rest_share_before, text, max(s_start, m.start() - 12), m.start())
                if rest is not None and self.forms.rest_share_after.match(text, m.end()):
                    found = source_beside(self.reader, self.forms, rest.start(), m.start(), m.end(),
                                          s_start, hi)  # "민자유치로 나머지 40%를": the rest's payer
                loose = (found is not None and not found[4] and found[1] == "other" and not loosed
                         and bool(parts) and self.forms.mates_gap.fullmatch(text, parts[-1].end, found[2])
                         and not text[found[2] + len(found[0]):m.start()].strip())
                if found is None or not found[4] and found[1] not in _PLACES and not loose:
                    continue
                loosed = loosed or loose  # (one name outside the taxonomy a list: "조직위 25%")
                placed = placed or not found[4]  # a place pays a share only where they make 100 %
                payers = [found[:4]]
            held_by = parts[-1] if parts and _BRACKET_OPEN.fullmatch(text, parts[-1].end,
                                                                       m.start()) else None
            for label, category, start, end in payers:  # "국고, 지방비 각 50%": each its share
                part = Part(label, category, start, end, total.value * share,
                            total.currency, None, bare=False, share=share)
                # "서울시가 40%(시비 28%+국비 12%)": shares of the share before the bracket
                (held_by.parts if held_by is not None else parts).append(part)
        if any(p.start < total.start for p in parts) and any(p.start >= s_end for p in parts):
            # shares before the total in its sentence are its own; a later sentence's are another
            # project's ("국·도비 65%가 지원되며 총사업비 100억 원을 … . 고경지구 …는 … 73% 지원")
            parts = [p for p in parts if p.start < s_end]
        if not parts:
            return None
        self.reader.each_apart(parts)  # "국비 44%, 시․구비 각 28%": 시 28 %, 구비 28 %
        cover_parts(parts)
        whole = sum(p.share for p in parts)
        last = max(p.end for p in parts)
        partial = (bool(self.forms.partial_after.match(text, total.end, s_end))
                   or len(parts) == 1 and self.forms.share_of.fullmatch(text, total.end, parts[0].start)
                   is not None  # "사업비 100억원의 50%를 국비로"
                   # "총 사업비 171억 원이 투입되는 센터는 사업비의 50%를 국비로": of the cost named
                   or len(parts) == 1 and self._stated(total) and total.end <= parts[0].start
                   and ending_at(self.forms.cost_of, text, max(s_start, parts[0].start - 12),
                                 parts[0].start) is not None
                   # "…28억여원을 들여 … 추진한다. 사업비 중 70%가 국비로": the next sentence, tied back
                   or self._tied_next(parts, s_end)
                   # "국도비 75% 등 15억 원을 들여": the shares named, the rest left unnamed
                   or last <= total.start and text[last:total.start].strip() in self.forms.list_tails
                   # "국비 70%를 지원받아 총 1억원의 사업비를 들여": one share received, before it
                   or last <= total.start and self.forms.share_received.fullmatch(
                       text, last, total.start) is not None
                   ) and 0 < whole < 1
        if (placed or not partial) and (len(parts) < 2 and (placed or whole != 1) or whole != 1):
            return None  # (one source paying 100 % is the whole: "도비 100%로 건립한다")
        first, last = min(p.start for p in parts), max(p.start for p in parts)
        if any(a is not total for a in self.reader.between(min(first, total.end),
                                                          max(last, total.start))):
            return None  # another amount stands between the total and its shares
        return SplitInfo(sorted(parts, key=lambda p: p.start), partial, "sum")

    def _tied_next(self, parts: list[Part], s_end: int) -> bool:
        """Parts all in the sentence right after the total's, which opens by pointing back at the
        last figure ("사업비 중", "이 중")."""
        n_start = self.sentences.span(parts[0].start)[0]
        return (n_start >= s_end and not self.text[s_end:n_start].strip()
                and all(n_start <= p.start for p in parts)
                and any(ref in self.text[n_start:parts[0].start] for ref in self.forms.back_refs_last))

    def _sources_named(self, start: int, head: int) -> bool:
        """Sources named without figures right before a total: "지방비를 포함한 총 사업비",
        "확보된 국비와 지방비 등 총 사업비"."""
        m = self.forms.sources_before_total.search(self.text, max(start, head - 40), head)
        return m is not None and all(
            self.reader.category(w, start) or self.reader.unglued(w, start)[1]
            or self._source_with_word(w, at, start)
            for w, at in zip(m.captures("src"), m.starts("src")))

    def _source_with_word(self, word: str, at: int, start: int) -> bool:
        """A word after a source word, read with it: "국비 확보액" (국비 and its tail)."""
        before = self.text[max(start, at - 12):at]
        if not before.endswith(" "):
            return False
        words = before.split()
        return bool(words) and self.reader.category(f"{words[-1]} {word}", start) is not None

    def _topic_spends(self, own: Candidate, a: Amount) -> bool:
        """A body named as the sentence's topic with the figure as its object spends it:
        "시교육청은 1550억 원가량을 투입해" (not a part: "국비는 30억 원이다")."""
        between = self.text[own.start + len(own.label):a.start].lstrip()
        return (source_key(own.label) not in self.reader.words.sources  # a body, not 국비
                and between[:1] in self.forms.topic_particles
                and self.forms.object_after.match(self.text, a.end) is not None)

    def _list_mate(self, own: Candidate, chosen: list[Candidate]) -> bool:
        """Parts all written before a source's own label, the last of them a list comma away from
        it: the source is the next item of their list, not their total."""
        last = max(chosen, key=lambda c: c.end)
        return (all(c.end <= own.start for c in chosen)
                and self.forms.mates_gap.fullmatch(self.text, last.end, own.start) is not None)

    def _recipients(self, a: Amount, chosen: list[Candidate]) -> bool:
        """Places in a bracket right after a figure named one source after it receive it, they do
        not pay: "127억원(도 63억원, 시·군 64억원)의 재난안전 특별교부세" (no fund word among them)."""
        m = _BRACKET.match(self.text, a.end)
        return (m is not None and all(m.start() < c.start < m.end() for c in chosen)
                and self.reader.receive([c.label for c in chosen], m.end() - 1))

    def _total_inside(self, before: Fact | None, total: Fact, s_start: int,
                      s_end: int) -> Candidate | None:
        """The part written right before its total in brackets: "최대 국비 456억원(총사업비
        659억원)" (a cap on the part as well)."""
        if (before is None or before.amount.currency != total.amount.currency
                or before.amount.value >= total.amount.value or before.amount.start < s_start
                or not self.forms.total_inside.match(self.text, before.amount.end, total.amount.start)):
            return None
        found = source_of(before, self.reader, self.forms, s_start, s_end)
        return found if found is not None and found.known and not self._yearly(found) else None

    def _yearly(self, c: Candidate) -> bool:
        """A part tied to a budget year of its own ("2019년도 국가예산 1170억원을(총사업비 1조1537억원
        규모)", "내년 국비 30억원"): that year's allocation, not a share of a project's total."""
        a = c.fact.amount
        head = a.head
        return self._fiscal.search(self.text, max(0, head - 30), head) is not None

    def _ratio(self, total: Amount, lo: int, hi: int,
               own: Candidate | None) -> SplitInfo | None:
        """Payers and the ratio they pay in, in the total's window (its sentence and the ones
        beside it in the paragraph): "국비와 지방비가 5:5로" divides the total in halves,
        "교육부와 교육청, 지자체가 각각 3 대 3 대 4 비율로" in tenths; "도와 시가 절반씩" in
        halves.  A figure with its own source before it ("국비 50억 원") is a part, not the total
        divided."""
        if self._ratios is None:  # read once per document, where a ratio's cue is written
            self._ratios = in_cue_lines(self.forms.ratio_shares, self.forms.ratio_cue, self.text)
            self._ratio_starts = [m.start() for m in self._ratios]  # (in text order)
        s_start, s_end = self.sentences.span(total.start)  # (asked even with no ratio: the
        # sentence finder's answers on a long line depend on what it was asked before)
        if not self._ratios:
            return None
        hi = self._named_later(hi)
        starts = self._ratio_starts
        near = sorted(self._ratios[bisect.bisect_left(starts, lo):bisect.bisect_left(starts, hi)],
                      key=lambda m: (not s_start <= m.start() < s_end, abs(m.start() - total.start)))
        if own is not None and own.known and own.start < total.start and len(_levels(own.category)) < 2:
            return None  # "국비는 1조 2347억원": a figure one source pays is no ratio's whole
        for m in near:
            if own is not None and own.known and own.end <= m.start():
                continue
            if any(self.forms.share_halves.match(self.text, s.end()) is not None
                    for s in self.forms.share.finditer(self.text, max(lo, m.start() - 12), m.start())):
                continue  # "나머지 50%는 도와 군이 절반씩": the halves of that share (_shares)
            payers, starts = self._payers(m)
            numbers = ([Decimal(1)] * len(payers) if m.group("equal")
                       else [Decimal(n) for n in m.captures("n")])
            if len(numbers) != len(payers):
                payers, starts = m.captures("p"), m.starts("p")
            if len(numbers) != len(payers) or not sum(numbers):
                continue
            if m.group("pct") is not None and sum(numbers) != 100:
                continue  # "각각 30%, 20%": shares of something else, not the whole divided
            parts = []
            for payer, at, number in zip(payers, starts, numbers):
                label = payer.split("(")[0].split("（")[0].split()[-1]  # "해당 시군": 시군
                category = payer_category(self.reader, self.forms, label, at)
                if category is None:
                    break
                share = number / sum(numbers)
                value = (total.value * share).quantize(Decimal(1)) if total.currency == "KRW" \
                    else total.value * share
                parts.append(Part(self.reader.unglued(label, at)[0], category, at, at + len(payer),
                                  value, total.currency, None, bare=False, share=share))
            else:
                between = self.reader.between(min(total.end, m.start()), max(m.start(), total.start))
                if any(a is not total for a in between):
                    continue  # another amount stands between the total and its payers
                r_start, r_end = self.sentences.span(m.start())
                if m.start() < total.start and self.reader.between(r_start, m.start()):
                    continue  # "100억 원을 A와 B가 5대 5로 매칭해 50억원을": the ratio is the first's
                if r_end <= total.start and not any(w in self.text[r_start:m.end()]
                                                    for w in self.forms.ratio_earlier):
                    continue  # "부지 매입비는 교육청과 도가 50%씩": a sentence before about another cost
                return SplitInfo(parts, False, "sum")
        return None

    def _written_shares(self, ratio: SplitInfo, a: Amount, lo: int, hi: int, facts: list[Fact],
                        starts: list[int], taken: set[int]) -> list[Candidate] | None:
        """A figure in the window for each share of a ratio, paid by the share's source and within
        a fiftieth of the total of it, every figure a different one; None when one is missing."""
        window = facts[bisect.bisect_left(starts, lo):bisect.bisect_left(starts, hi)]
        found: list[Candidate] = []
        for r in ratio.parts:
            c = next((c for f in window if f.amount is not a and id(f) not in taken
                      and f.amount.currency == a.currency and _plain(f.amount)
                      and all(c0.fact is not f for c0 in found)
                      for c in self.candidates(f)
                      if c.known and c.category == r.category and abs(c.value - r.value) * 50 <= a.value),
                     None)
            if c is None:
                return None
            found.append(c)
        return sorted(found, key=lambda c: c.start)

    def _named_later(self, hi: int) -> int:
        """The end of a later sentence of the paragraph that names the total again as it opens
        ("사업비는 정부와 지방자치단체가 각각 50%씩 부담한다"), past at most one sentence without a
        figure after the window ending at ``hi``; else ``hi``."""
        text, end = self.text, hi
        for _ in range(2):
            nxt = end
            while nxt < len(text) and nxt - end < 40 and text[nxt] in " \t\r\n\u00a0":
                nxt += 1
            if nxt >= len(text) or not self._joined_paragraphs(end - 1, nxt):
                break
            n_start, n_end = self.sentences.span(nxt)
            if n_start < end:
                break
            if text[n_start:n_end].lstrip().startswith(tuple(self.forms.ratio_earlier)):
                return n_end
            if self.reader.between(n_start, n_end):
                break  # a figure of its own: the sentence after is about it
            end = n_end
        return hi

    def _payers(self, m) -> tuple[list[str], list[int]]:
        """The payers of a ratio, two joined by a middle dot read as one where the joined word
        is a source of one level and one side a letter ("한전과 해당 시·군이 절반씩": 한전 and 시·군,
        not 시 and 군; "시비·구비 절반씩" is two, so is "국·시비 각 50%씩": 국 and 시비)."""
        payers, starts = [], []
        for payer, at in zip(m.captures("p"), m.starts("p")):
            if payers:
                joined = self.text[starts[-1]:at + len(payer)]
                head = joined.split()[-1] if joined.split() else joined
                if (at - (starts[-1] + len(payers[-1])) == 1 and "(" not in joined
                        and 1 in (len(payers[-1].split()[-1]), len(payer))
                        and (joint := self.reader.source_category(head, at)) is not None
                        and len(_levels(joint)) < 2):
                    payers[-1] = joined
                    continue
            payers.append(payer)
            starts.append(at)
        return payers, starts

    def _open(self, total: Fact) -> bool:
        """A split read from its form that names fewer parts than the whole."""
        parts = total.split.parts
        if total.split.form in ("table", "codes") or any(p.value is None for p in parts):
            return False
        return sum(p.value for p in parts) < total.amount.value

    def _adding_up(self, total: Fact, found: list[Candidate], s_start: int, s_end: int,
                   rivals: frozenset | set = frozenset()):
        """The candidates whose sum is the total (with the parts already read), preferring
        parts in the total's own sentence, then near ones, then more of them; failing an exact
        sum, one that rounds to the total as written ("모두 152억 원": 38억6천만 + 113억7천만)."""
        have = total.split.parts if total.split is not None else []
        need = total.amount.value - sum((p.value for p in have), Decimal(0))
        unit = Decimal(inherit_units(total.amount, self.text)[0])
        halves: dict[int, Decimal] = {}
        # the places that pay with their shares written ("경기도 50%(332억2100만원)"), looked up
        # once, not once per subset
        with_share = {id(c) for c in found if not c.known and ending_at(self.forms.share_before,
            self.text, max(0, c.fact.amount.start - 12), c.fact.amount.start)}
        # …or places that share the cost: "세 기관이 총 17억원의 사업비를 분담해 …"
        sharing = any(w in self.text[s_start:s_end] for w in self.forms.places_share)
        # a total of one written digit ("1천억원") rounds nothing: 870억 is not its 1천억
        tiers = (Decimal(0), unit / 2, None) if total.amount.value >= 10 * unit else (Decimal(0), None)
        for tier in tiers:
            if tier is None:  # last: parts written coarser than the total, read once
                halves = {} if have else _half_steps(found, unit, self.text)
                if len(halves) < 2:
                    break
            best = None
            for size in range(1 if have else 2, min(_MAX_SUBSET, len(found)) + 1):
                for subset in combinations(found, size):
                    added = sum(c.value for c in subset)
                    gap = abs(added - need)
                    if gap and size > 1 and added in rivals:
                        continue  # another figure of the window is exactly their sum
                    # each part rounds by half a unit: "각각 719억원씩 총 1437억원", "1조 1802억 원,
                    # 2617억 원, 4997억 원" of "총 1조 9417억 원"
                    allowed = (tier * self._rounding(subset, s_start, s_end, len(have)) if tier is not None
                               else _coarse(subset, halves, have))
                    if gap > allowed or allowed and not gap:
                        continue
                    if not have and not sharing and not any(c.known for c in subset) and not all(
                            id(c) in with_share for c in subset):
                        continue  # places alone pay only with their shares written ("경기도
                        # 50%(332억2100만원), 성남시 36%(239억9600만원), …")
                    loose = [c for c in subset if not c.known and c.category == "other"]
                    if loose and (len(loose) > 1 or gap
                                  or not all(s_start <= c.start < s_end for c in subset)):
                        continue  # a name outside the taxonomy pays only beside the rest of its
                        # list, alone of its kind there, in a sum that is exact
                    outside = sum(1 for c in subset if not s_start <= c.start < s_end)
                    reach = max(abs(c.start - total.amount.start) for c in subset)
                    key = (outside, reach, -size)
                    if best is None or key < best[0]:
                        best = (key, subset)
            if best is not None:
                chosen = best[1]
                allowed = (tier * self._rounding(chosen, s_start, s_end, len(have)) if tier is not None
                           else _coarse(chosen, halves, have))
                return sorted(chosen, key=lambda c: c.start), False, allowed
        return self._about(total, found, s_start, s_end, unit) if not have else None

    def _about(self, total: Fact, found: list[Candidate], s_start: int, s_end: int, unit: Decimal):
        """Known parts in an approximate total's own sentence that its written figure stands
        for: "800억여 원의 외부 재원(국비 705억원, 도비 87억원, 민간 10억원)" (802억: 800억 and
        more, below 900억), "약 300억 원" within half its last written digit.  Two parts or more,
        the ones nearest the total first."""
        a = total.amount
        if not a.approximate or unit <= 0 or a.value < 10 * unit:
            return None
        digits = int(a.value / unit)
        if a.value != digits * unit:
            return None
        step = unit
        while digits % 10 == 0:
            digits //= 10
            step *= 10
        over = any(w in self.text[a.start:a.end] for w in self.forms.above_words)  # 800억여: more
        own = [c for c in found if c.known and s_start <= c.start < s_end]
        best = None
        for size in range(2, min(_MAX_SUBSET, len(own)) + 1):
            for subset in combinations(own, size):
                gap = sum(c.value for c in subset) - a.value
                if not (0 <= gap < step if over else abs(gap) * 2 <= step):
                    continue
                key = (max(abs(c.start - a.start) for c in subset), -size)
                if best is None or key < best[0]:
                    best = (key, subset)
        if best is None:
            return None
        return sorted(best[1], key=lambda c: c.start), False, step

    @staticmethod
    def _rounding(parts, s_start: int, s_end: int, have: int = 0) -> int:
        """How many half units the parts may miss their total by: one each (with the ``have``
        parts a form read already), for three parts or more in the total's own sentence, or one
        figure paid by each of its joined sources ("각각 719억원씩 총 1437억원"); else one."""
        if not all(s_start <= c.start < s_end for c in parts):
            return 1
        count = len(parts) + have
        if count >= 3 or len(parts) > 1 and len({id(c.fact) for c in parts}) == 1:
            return count
        return 1

    def _said_once(self, near: list[Candidate], s_start: int, s_end: int) -> list[Candidate]:
        """A part said again in the total's sentence is one fact: its twin in another sentence (the
        same source, the same figure) is no second part ("국비 27억원을 확보했다. … 국비 27억 원을
        확보, 총사업비 54억 원을": not 27 + 27)."""
        def key(c: Candidate) -> tuple:
            return source_key(self.reader.unglued(c.label, c.start)[0]), c.fact.amount.value
        here = {key(c) for c in near if s_start <= c.start < s_end}
        return [c for c in near if s_start <= c.start < s_end or key(c) not in here]

    def _tied_back(self, chosen: list[Candidate]) -> bool:
        """Parts in one sentence that opens by pointing back at a total ("전체 사업비 중 …")."""
        first = self.sentences.span(chosen[0].start)
        if any(self.sentences.span(c.start) != first for c in chosen):
            return False
        return any(ref in self.text[first[0]:chosen[0].start] for ref in self.forms.back_refs)

    def _stated(self, a: Amount) -> bool:
        """An amount stated as a whole itself: a total cue right before it."""
        s_start = self.sentences.span(a.start)[0]
        return (ending_at(self.forms.total_cue, self.text, max(s_start, a.start - 32), a.start) is not None
                or self.forms.whole_after.match(self.text, a.end) is not None
                or self.text[max(0, a.head - 1):a.head] in ("(", "（")  # "(235억원, 균특 118억)"
                and self.forms.bracket_total_after.match(self.text, a.end) is not None
                # (not the breakdown of a figure right before the bracket: "3397억 (2542억 원, 도비 …)")
                and not any(b.end == before_spaces(self.text, a.head - 1)
                            for b in self.reader.between(max(0, a.head - 40), a.head)))

    def _last(self, total: Fact, s_start: int, s_end: int) -> bool:
        """The last figure of its sentence, with no source of its own."""
        a = total.amount
        return (all(other.start <= a.start for other in self.reader.between(s_start, s_end))
                and self.candidate(total) is None)

    def _alone(self, a: Amount, s_start: int, s_end: int) -> bool:
        """The only amount of its sentence: a sentence that states the total and nothing else."""
        return (all(other is a for other in self.reader.between(s_start, s_end))
                and self.forms.stated_alone.match(self.text, a.end, s_end) is not None)

    def _partial(self, total: Fact, found: list[Candidate], s_start: int, s_end: int):
        """Parts named with figures beside a total stated as the whole, in its sentence, that
        stop short of it: before a total cue ("…, 여기에 군비를 더해 모두 12억 원"), or after a
        total and 중/가운데 ("총사업비 7억원 중 30%인 2억1000만원을 국비로") or after a total
        stated as the whole ("총사업비 968억 원, 교육부 지원금 444억 원").  The parts
        written, never the rest."""
        a = total.amount
        head = a.head
        text = self.text
        parts: list[Candidate] = []
        stated = self._stated(a)
        partial_cue = self.forms.partial_after.match(text, a.end, s_end)
        if stated and not partial_cue:  # "사업비 190억원 중 총 54억원을": the parts after 중
            parts = [c for c in found if c.known and s_start <= c.start and c.end <= head
                     and not self._yearly(c)]
            lo, hi = (min(c.start for c in parts), a.start) if parts else (0, 0)
        if not parts and (partial_cue or stated and not (
                self.forms.not_after and text.startswith(self.forms.not_after, a.end))):
            bracket = self._bracket_of(a, s_start, s_end)  # "(총 사업비 52억원 중 …)": inside it
            parts = [c for c in found if c.known and a.end <= c.start < (bracket[1] if bracket else s_end)]
            lo, hi = (a.end, max(c.fact.amount.end for c in parts)) if parts else (0, 0)
        last = stated or self._last(total, s_start, s_end)
        if not parts and last and s_end < len(text):
            # "…3297억 원이 투입된다. … 총사업비 절반인 1649억 원을 국비로": tied back to it;
            # "465억 원으로 사업비를 잡았다. 이 중 밀양시가 137억 원을": to the last figure
            refs = self.forms.back_refs if stated else self.forms.back_refs_last
            later = [c for c in found if c.known and s_end <= c.start
                     and not self._stated(c.fact.amount)]  # "총사업비 304억 원은": a total again
            if later:
                first = min(c.start for c in later)
                n_start = self.sentences.span(first)[0]
                if (n_start >= s_end and (stated or not text[s_end:n_start].strip())
                        and any(ref in text[n_start:first] for ref in refs)):
                    parts = [c for c in later if c.start < self.sentences.span(first)[1]]
                    lo, hi = (a.end, max(c.fact.amount.end for c in parts))
        alone = stated and (self._alone(a, s_start, s_end) or self._sources_named(s_start, head))
        if not parts and stated and (alone or text[s_start:a.start].lstrip().startswith(self.forms.points_back)):
            # "국비 393억원을 확보했다. 이에 따라 지방비를 포함한 총 사업비 562억원을": the
            # total names its sources without figures; the figure named before is a part
            # "국비 204억 원을 확보해 8개 사업을 추진한다. 총사업비는 385억 원이다."
            before = self.sentences.before((s_start, s_end))
            if before is not None and self._joined_paragraphs(before[1], s_start + 1):
                parts = [c for c in found if c.known and before[0] <= c.start < before[1]]
                ours = {id(c.fact.amount) for c in parts}
                if any(id(o) not in ours for o in self.reader.between(*before)):
                    parts = []  # "각각 40억원과 10억원의 국비를 받았다. 국비를 포함해 110억원을": whose?
                lo, hi = (min(c.start for c in parts), a.start) if parts else (0, 0)
            if not parts and alone:
                # "총사업비 200억 원이다. 이번 공모로 약 80억 원을 교육부로부터 지원받는다.": the
                # sentence after, when every figure in it is a part paid by a named source
                after = [c for c in found if c.known and s_end <= c.start and not self._stated(c.fact.amount)
                         and not text.startswith(self.forms.compared, c.fact.amount.end)]
                if after:
                    n_start, n_end = self.sentences.span(min(c.start for c in after))
                    parts = [c for c in after if c.start < n_end]
                    ours = {id(c.fact.amount) for c in parts}
                    if (n_start < s_end or text[s_end:n_start].strip() or "\n\n" in text[s_end - 1:n_start]
                            or self.forms.item_opener.match(text, n_start, n_end) is not None
                            or any(id(o) not in ours for o in self.reader.between(n_start, n_end))):
                        parts = []
                    lo, hi = (a.end, max(c.fact.amount.end for c in parts)) if parts else (0, 0)
        have = sum((p.value for p in total.split.parts), Decimal(0)) if total.split else 0
        if not parts or have + sum(c.value for c in parts) >= a.value:
            return None
        # nothing else between the parts and the total but items of the same list
        # (a cost item: "민자 1조8415억원, 국고 5837억원, 용지보상비 2241억원 등 2조6493억원")
        ours = {id(c.fact.amount) for c in parts}  # and the parts a form read already
        ours |= {id(p.amount) for p in (total.split.parts if total.split else ()) if p.amount is not None}
        for other in self.reader.between(lo, hi):
            if id(other) not in ours and self.reader.label_before(other) is None \
                    and not self._named_item(other):
                return None
        return sorted(parts, key=lambda c: c.start), True, Decimal(0)

    def _named_item(self, a: Amount) -> bool:
        """A figure named by a word right before it, itself after a list's comma: an item of
        the list ("…, 국고보조금 315억, 유아교육지원특별회계 1,868억 등 4조 852억")."""
        m = ending_at(self.forms.label_before, self.text, max(0, a.start - 24), a.start)
        if m is None:
            return False
        at = m.end("label") - len(m.group("label").split()[-1])
        return ending_at(self.forms.list_item_before, self.text, max(0, at - 4), at) is not None
