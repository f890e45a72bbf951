"""Funding splits: which source pays which part of a total.

Forms (../shared/spec/expressions.md, "Funding splits"):
  after the total, in parentheses  281억 원(국비 121, 지방비 160) · (국비 50%, 도비 15%, 시비 35%)
  nested                           지방비 30억4,000만원(도비 9억1,200만원·시비 21억2,800만원)
  before the total                 국비 50억 원과 도비 20억 원 등 총 70억 원
  after the total in its sentence  총사업비 160억 원 중 국비 50억 원 · 사업비 60억 원은 국비 …으로
  in the next sentence             … 60억 원을 들여 … . 재원은 국비 18억 원, 지방비 30억 원 …
  budget-book codes                사업비 200,000 … [국 120,000] [도 30,000] [군 50,000]
A bare part inherits the total's unit (121 -> 121억).  Parts are taken out of the top-level
amounts: each appears once, inside its total.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from functools import lru_cache
from decimal import Decimal

import regex

from fundparse import patterns
from fundparse.model import CATEGORIES
from fundparse.numerals import Numeral, elided_value, parse_numeral, parse_numerals
from fundparse.rules.money import Amount
from fundparse.rules.forms import SplitForms, expand, label_forms, split_forms, sum_forms
from fundparse.rules.tables import DOTS
from fundparse.rules.tables import Tables, load_tables, source_key
from fundparse.structure.sentences import Sentences
from fundparse.structure.units import SOLO_LINE

_PAREN_OPEN = patterns.compile("[ \u00a0]?[(（]")
_DOT = patterns.compile(f"[{DOTS}]")
_CODE_GAP_LINE = patterns.compile(r"[^\[\d\n]{0,40}?(?=\[)|[ \t]*")
_DIGIT_BEFORE = patterns.compile(r"[0-9]")
_TABLE_UNITS = (10**3, 10**6, 10**7)  # 천원, 백만원, 천만원: the units budget books count in


@dataclass(slots=True)
class Part:
    label: str
    category: str
    start: int
    end: int
    value: Decimal | None
    currency: str
    numeral: Numeral | None
    bare: bool
    share: Decimal | None = None
    amount: Amount | None = None  # the engine amount this part absorbed
    parts: list[Part] = field(default_factory=list)
    partial: bool = False
    precision: Decimal = Decimal(0)  # rounding the written number allows
    text: str = ""


@dataclass(slots=True)
class SplitInfo:
    """A total's parts and how they were stated."""

    parts: list[Part]
    partial: bool
    form: str
    precision: Decimal = Decimal(0)  # rounding the total allows its parts (read by arithmetic)


def _decimals(raw: str) -> int:
    digits = raw.split(".", 1)
    return len(digits[1].rstrip()) if len(digits) == 2 and digits[1][:1].isdigit() else 0


def inherit_units(total: Amount, text: str = "") -> list[int]:
    """Units a bare part may inherit from its total, most likely first: the unit written after
    the total's last digits (281억 -> 억, 1,500백만원 -> 백만), then its other big units."""
    if getattr(total, "scale", None):
        return [total.scale]
    units = list(total.numeral.big_units) or [1]
    ordered = [units[-1]] + [u for u in units[:-1]]
    written = _default_forms().written_unit.search(text, total.start, total.end) if text else None
    if written and written.group("unit"):
        unit = parse_numeral("1" + written.group("unit").replace(" ", ""))
        if unit is not None and int(unit.value) not in ordered[:1]:
            ordered.insert(0, int(unit.value))
    return ordered


class SplitReader:
    """Reads split lists in one document."""

    def __init__(self, text: str, amounts: list[Amount], words: Tables, run: regex.Pattern,
                 sentences: Sentences, metro_doc: bool):
        self.text = text
        self.words = words
        self.run = run
        self.sentences = sentences
        self.metro_doc = metro_doc
        self.by_start = {a.start: a for a in amounts}
        self.amounts = amounts
        self.starts = [a.start for a in amounts]  # amounts are in text order
        self.forms = split_forms(words)
        self._metro = _metro_pattern(words.metropolitan, self.forms.metro)
        self._counters = tuple(words.money_words["counters"])  # "68지구": a count, no figure

    def between(self, lo: int, hi: int) -> list[Amount]:
        """Amounts starting in [lo, hi)."""
        return self.amounts[bisect.bisect_left(self.starts, lo):bisect.bisect_left(self.starts, hi)]

    # --- one item: LABEL NUMBER[unit/currency][%] ------------------------------------------
    def category(self, label: str, offset: int) -> str | None:
        category = self.words.category(label)
        if category is None and len(label) == 1:
            category = self.words.codes.get(label)
        if category and "municipal" in category and source_key(label) in self.words.city_funds:
            if self.metro_doc or self._metro_sentence(offset):
                category = category.replace("municipal", "provincial")
        if category is None and len(label) > 3 and (placed := self.words.placed_source(label)):
            place, category = placed  # "광주시비": a metropolitan city's 시비 is provincial
            fund = source_key(label)[len(place):]
            if place in self.words.metropolitan and fund in self.words.city_funds:
                category = category.replace("municipal", "provincial")
        return category

    def place_category(self, label: str) -> str | None:
        """A place paying, by its ending ([sum] place_payers: "김포시" municipal, "경기도"
        provincial), with at least two letters of name; a metropolitan city's 시 is provincial."""
        if not label or any(ch.isspace() for ch in label):
            return None  # a place is one word ("…통·폐합 시 50억원" is no city)
        if label in self.words.provinces or label in self.words.metropolitan:
            return "provincial"  # "경북 10%", "부산 3344억": a province or a 광역시 by its short name
        if label in self.words.municipalities:  # "김해 5724억": a 시 or 군 by its name alone
            return "municipal"
        forms = sum_forms(self.words)
        if label.endswith(forms.not_place_endings):
            return None  # "내년도 예산으로": a time, no province
        for ending, category in forms.place_payers:
            name = label[: -len(ending)]
            if label.endswith(ending) and len(name) >= 2:
                if category == "municipal" and name in self.words.metropolitan:
                    return "provincial"
                return category
        return None

    def unglued(self, label: str, offset: int) -> tuple[str, str | None]:
        """"국비는", "시비로", "정부가": a source word with a particle glued to it, and its
        category; the label as given and None when no source word is under the particle."""
        for cut in self.forms.glued:
            if label.endswith(cut) and (category := self.category(label[: -len(cut)], offset) or (
                    " " in label and self.source_category(label[: -len(cut)], offset))):
                return label[: -len(cut)], category  # (a qualified source too: "일반 국비가")
        return label, None

    def glued_after_word(self, word: str, offset: int) -> tuple[str, str | None]:
        """"위해국비": a source word written without a space after a word that ends a clause
        (text typed without spaces); the source word and its category, else the word and None."""
        for ending in self.forms.glued_before:
            at = word.find(ending)
            while at > 0:
                rest = word[at + len(ending):]
                if len(rest) > 1 and (category := self.category(rest, offset)):
                    return rest, category
                at = word.find(ending, at + 1)
        return word, None

    def source_category(self, label: str, offset: int) -> str | None:
        """Category of a source word, or of a phrase by its source words ("정부 재정")."""
        category = self.category(label, offset)
        if category is None and (joined := self.forms.code_joined.match(label)) is not None:
            # "국,지방비": old text's comma (or stop) for the middle dot after a source's code
            return self.source_category(f"{joined.group('code')}{DOTS[0]}{label[joined.end():]}", offset)
        if category is None and " " in label:
            # a word that only qualifies a source ("시 보조금") adds no payer of its own
            # (one letter is a source only before a tail, "시 보조금": "통·폐합 시" is "when merged")
            split = label.split()
            tails = [source_key(w) in self.words.tails for w in split]
            lone = len(split) == 2 and tails[1]
            words = [w for w, tail in zip(split, tails) if not tail and (len(w) > 1 or lone)] \
                or [w for w in split if len(w) > 1]
            found = {part for w in words if (whole := self.source_category(w, offset))
                     for part in whole.split("+")}
            category = "+".join(c for c in CATEGORIES if c in found) or None
        if category is None and (sides := _DOT.split(label)) and len(sides) > 1:
            # "기금‧민간": two payers joined by a dot, each with its own category
            cats = [self.category(w, offset) for w in sides]
            if all(cats):
                found = {part for c in cats for part in c.split("+")}
                category = "+".join(c for c in CATEGORIES if c in found)
        return category

    def each_apart(self, parts: list[Part]) -> None:
        """"도·군비 각 25%": payers joined by a dot, then 각 — each pays the figure, one part
        each ("도" and "군비", 25 % apiece); so with 씩 after the figure ("국비·지방비 90억원씩")."""
        for i in range(len(parts) - 1, -1, -1):
            p = parts[i]
            self.each_apart(p.parts)
            words = p.label.split()
            if len(words) > 2 and words[-1] in self.forms.each_words:  # "국고 및 지자체 각"
                joined = self.forms.each_joint.sub("·", " ".join(words[:-1]))
                words = [joined, words[-1]] if " " not in joined else words
            if not (len(words) == 2 and words[1] in self.forms.each_words or len(words) == 1
                    and self.forms.each_figure.match(self.text, p.end) is not None
                    # (not when a sum form read each payer already: "국·지방비 각각 500억원씩")
                    and sum(q.end == p.end for q in parts) == 1):
                continue
            # (the last payer may carry its particle: "(국비 및 시비가 각 2억 4700만 원)")
            sides = [w for w in _DOT.split(words[0]) if w]
            sides[-1:] = [self.unglued(sides[-1], p.start)[0]] if sides else []
            cats = [self.category(w, p.start) for w in sides]
            if len(sides) < 2 or not all(cats):
                continue
            apart, at = [], p.start
            for side, cat in zip(sides, cats):
                at = self.text.find(side, at, p.end)
                apart.append(Part(side, cat, at, p.end, p.value, p.currency, p.numeral, p.bare,
                                  p.share, p.amount if not apart else None, text=p.text))
            parts[i:i + 1] = apart

    def join_payers(self, parts: list[Part]) -> None:
        """A payer joined before a part's source word pays with it: "타 기관 및 민자 3719억원"
        is one part of two payers (private+other); a payer outside the taxonomy is other."""
        starts = {p.start for p in parts}
        for p in parts:
            self.join_payers(p.parts)
            if not p.label:
                continue
            at = self.text.rfind(p.label, max(0, p.start - len(p.label) - 4), p.start + len(p.label))
            if at < 0:
                continue  # the label is not written at the part ("국비 등 …" read as a whole)
            m = self.forms.joined_before.search(self.text, max(0, at - 30), at)
            if m is None or any(m.start() <= s < at for s in starts) or any(
                    q is not p and q.start < at and q.end > m.start("other") for q in parts):
                continue  # (another part's own source: "1천132억원의 국비와 지방비 3천783억원")
            other = m.group("other")
            own = (self.category(other, m.start()) if m.group("and") else  # "국비와": a word
                   self.source_category(other, m.start()) or self.unglued(other, m.start())[1]
                   or self.place_category(other))  # "대구시 및 경상북도비": a place paying
            if own is None and (m.group("and") or self.names_money(other.split()[-1])):
                continue  # "사업비 및 국비": a money noun, not a payer; "도로와": no payer
            p.category = self.joined_category(other, own or "other", p.label, p.category)
            p.label = self.text[m.start("other"):at + len(p.label)]
            p.start = min(p.start, m.start("other"))
            p.text = self.text[p.start:p.end]

    def joined_category(self, first: str, first_category: str, second: str, second_category: str) -> str:
        """The category of two payers joined in one part ("특별교부세와 특별조정교부금").  A
        province's fund joined to a city's ("도비와 시비") keeps the city's municipal: that 시 is one
        under a 도, not a metropolitan city, whatever else the sentence names."""
        funds = self.words.city_funds
        a, b = source_key(first), source_key(second)
        if (a in funds) != (b in funds) and "provincial" in (
                self.words.category(second if a in funds else first) or "").split("+"):
            first_category = self.words.category(first) or first_category
            second_category = self.words.category(second) or second_category
        found = {c for cat in (first_category, second_category) for c in cat.split("+")}
        return "+".join(c for c in CATEGORIES if c in found)

    def label_before(self, amount: Amount) -> str | None:
        """The money noun right before an amount: "용지보상비 2241억원" -> 용지보상비."""
        m = self.forms.label_before.search(self.text, max(0, amount.start - 12), amount.start)
        if m is None:
            return None
        word = self.unglued(m.group("label"), amount.start)[0]
        return word if self.names_money(word) or self.category(word, amount.start) else None

    def names_money(self, word: str) -> bool:
        """A money noun (사업비, 예산, 지원금), not an actor: "사업비가 30억 원"."""
        money = self.words.money_words
        return word in money["labels"] or word.endswith(tuple(money["label_suffixes"]))

    def _metro_sentence(self, offset: int) -> bool:
        s, e = self.sentences.span(offset)
        return self._metro.search(self.text, s, e) is not None

    def widen(self, start: int, label: str, lo: int) -> int:
        """Where a source label at ``start`` begins when the word before it makes, with it, a
        source word of two words in the taxonomy ("시 재정", "도 재정"); else ``start``."""
        before = self.text[max(lo, start - 8):start]
        words = before.split()
        if not words or not before.endswith(" ") or not self.two_word_source(words[-1], label):
            return start
        return start - (len(before) - len(before.rstrip())) - len(words[-1])

    def adverb(self, label: str, end: int) -> bool:
        """A one-letter word that is no source's code when no particle is glued to it ([sum]
        adverb_letters: "280억 원을 기 투입": 旣, already), the label ending at ``end``."""
        return label in sum_forms(self.words).adverb_letters and not self.text[end:end + 1].isalpha()

    def two_word_source(self, first: str, second: str) -> bool:
        """"시 재정": two words that are, together, a source word of the taxonomy as it stands."""
        return source_key(f"{first} {second}") in self.words.sources

    def read_item(self, pos: int, limit: int, allow_unknown: bool) -> Part | None:
        m = self.forms.label.match(self.text, pos, limit)
        if m is None:
            return None
        approx = self.forms.before_number.match(self.text, m.end() + (self.text[m.end():m.end() + 1] == " "),
                                                limit)
        if approx is not None:  # "국·도비 약 80%": the label, then its figure
            return self._item(m, approx.end(), pos, limit)
        if allow_unknown and not self.text[m.end():m.end() + 1].isdigit():
            multi = self.forms.label_multi.match(self.text, pos, limit)
            if multi is not None:
                m = multi
        if not self.text[m.end():m.end() + 1].isdigit():
            multi = self.forms.label_multi.match(self.text, pos, limit)
            words = multi.group("label").split() if multi is not None else ()
            if words and self.source_category(words[0], pos) and (
                    self.category(words[-1], pos) or self._source_noun(words[-1])
                    or len(words) == 2 and words[-1] in self.forms.each_words):
                m = multi  # "공기업 재원 3조 원", "공기업 및 민간투자 12,981억 원", "국비·지방비 각 50억 원"
        return self._item(m, m.end(), pos, limit, allow_unknown)

    def _source_noun(self, word: str) -> str | None:
        """The last word of a source named in two words, without the particle glued to it
        ("재원", "규모는" -> 규모); None when it is none."""
        nouns = self.forms.source_nouns
        if word in nouns:
            return word
        return next((word[:-len(cut)] for cut in self.forms.glued
                     if word.endswith(cut) and word[:-len(cut)] in nouns), None)

    def _item(self, m, num_at: int, pos: int, limit: int, allow_unknown: bool = False) -> Part | None:
        """The part a label match ``m`` names, its figure written at ``num_at``."""
        label = m.group("label")
        words = label.split()
        if len(words) > 1 and (noun := self._source_noun(words[-1])) is not None:
            label = label[:len(label) - len(words[-1]) + len(noun)]  # "국비 규모는 …": 국비 규모
        category = self.source_category(label, pos)
        if category is None:
            label, category = self.unglued(label, pos)
        if category is None:
            if not allow_unknown:
                return None
            label = next((label[: -len(cut)] for cut in self.forms.glued  # "…사업으로는": no
                          if label.endswith(cut) and len(label) - len(cut) >= 2), label)  # particle
            words = label.split()
            category = (self.place_category(label)  # "(정부 60%, 대구시 40%)"
                        or len(words) == 2 and source_key(words[1]) in self.words.tails
                        and self.place_category(words[0])  # "대구시 지원 3억 원"
                        or "other")
        if self.text.startswith(("(", "（"), num_at) and self.text[num_at + 1:num_at + 2].isdigit():
            num_at += 1  # "지방비(1조3000억원)와 민간자본(2조5600억원)까지 합쳐 총 …"
        run = self.run.match(self.text, num_at, limit)
        if run is None:
            return None
        numerals = parse_numerals(run.group())
        if not numerals or numerals[0].start != 0:
            return None
        numeral = numerals[0]
        if self.forms.ratio.match(self.text, num_at + numeral.end):
            return None  # "(지방비 1:1 매칭)": a ratio, not a figure
        if self.forms.share_range.match(self.text, num_at + numeral.end):
            return None  # "도비 60∼70%를 지원": a range of shares, no figure and no one share
        amount = self.by_start.get(num_at)
        if amount is not None and amount.end <= limit:
            return Part(label, category, pos, amount.end, amount.value, amount.currency, numeral,
                        bare=amount.bare and not numeral.big_units and not amount.high,
                        amount=amount,
                        precision=self._precision(amount.numeral, self.text[num_at:amount.end]))
        end = num_at + numeral.end
        pct = self.forms.percent.match(self.text, end, limit)
        then = pct and sum_forms(self.words).share_then_figure.match(self.text, pct.end(), limit)
        figure = then and self.by_start.get(then.end() - 1)
        if figure is not None and figure.end <= limit:  # "국비가 75%인 354억원": the figure is the part
            return Part(label, category, pos, figure.end, figure.value, figure.currency,
                        figure.numeral, bare=False, amount=figure,
                        precision=self._precision(figure.numeral, self.text[figure.start:figure.end]))
        if pct:
            share = numeral.value / 100
            return Part(label, category, pos, pct.end(), None, "KRW", numeral, bare=False,
                        share=share, precision=Decimal(5) / 10 ** (_decimals(run.group()) + 3))
        if numeral.hangul:
            return None
        if not numeral.big_units and self._counted(end):
            return None  # "국비사업으로 68지구 638억원": a count of places, no figure
        if numeral.big_units:
            value = elided_value(self.text[num_at:end], numeral)
            return Part(label, category, pos, end, value, "KRW", numeral, bare=False,
                        precision=self._precision(numeral, self.text[num_at:end]))
        return Part(label, category, pos, end, None, "KRW", numeral, bare=True)

    def _counted(self, end: int) -> bool:
        """A counter ([money] counters: 명, 곳, 지구 …) right after a bare number ends there."""
        rest = self.text[end:end + 8].lstrip(" \u00a0")
        return rest.startswith(self._counters)

    @staticmethod
    def _precision(numeral: Numeral, written: str = "") -> Decimal:
        """Half a unit of the last digit written: "120.5억" allows 0.05억 either way."""
        exponent = numeral.value.as_tuple().exponent
        out = Decimal(5) * Decimal(10) ** (exponent - 1) if isinstance(exponent, int) and exponent < 0 else Decimal(0)
        for m in _default_forms().decimal_written.finditer(written):
            unit = parse_numeral("1" + m.group("unit")) if m.group("unit") else None
            scale = unit.value if unit is not None else Decimal(1)
            out = max(out, Decimal(5) * Decimal(10) ** (-len(m.group("frac")) - 1) * scale)
        return out

    # --- a list of items ------------------------------------------------------------------
    def read_list(self, pos: int, limit: int, total: Amount | None, depth: int = 0,
                  allow_unknown: bool = True) -> tuple[list[Part], bool, int]:
        """Items from ``pos``; returns parts, partial flag and where reading stopped."""
        parts: list[Part] = []
        partial = False
        while pos < limit:
            sep = self.forms.separator.match(self.text, pos, limit)
            if sep and parts or sep and sep.group().strip() == "":
                pos = sep.end()
            item = self.read_item(pos, limit, allow_unknown) or self.read_reversed(pos, limit)
            if item is None:
                break
            pos = item.end
            if depth < 3 and self.text.startswith(("(", "（"), pos):
                close = find_close(self.text, pos, limit)
                if close is not None:
                    nested, nested_partial, stop = self.read_list(pos + 1, close, None, depth + 1)
                    of = sum_forms(self.words).of_particle
                    if nested and of and all(p.share is not None and p.label.endswith(of) for p in nested):
                        pos = close + 1  # "1조149억원(전체 투자액의 70%)": its share of the whole
                    elif nested and stop >= close - 2:
                        item.parts = nested
                        item.partial = nested_partial
                        pos = close + 1
                    elif close - pos <= 14 and not _DIGIT_BEFORE.search(self.text, pos, close):
                        pos = close + 1  # a note on the part: "융자 15,070(이차보전)"
            word = self.forms.partial_word.match(self.text, pos, limit)
            if word:
                partial = partial or word.group("w") in self.forms.partial_words
                pos = word.end()
            parts.append(item)
            rest = self.read_rest(pos, limit)
            if rest is not None:
                parts.append(rest)
                pos = rest.end
                break
        return parts, partial, pos

    def read_reversed(self, pos: int, limit: int) -> Part | None:
        """"121억원은 국비, 160억원은 지방비로": the amount, 은/는, then its source."""
        return self._source_after(pos, limit, self.forms.reversed_label, whole_match=True)

    def read_rest(self, pos: int, limit: int) -> Part | None:
        """"…, 나머지 2조 9천억 원은 지방비로 충당한다": the amount first, its source after."""
        m = self.forms.rest.match(self.text, pos, limit)
        if m is None:
            return None
        return self._source_after(m.end(), limit, self.forms.rest_label, whole_match=False)

    def _source_after(self, pos: int, limit: int, pattern: regex.Pattern,
                      whole_match: bool) -> Part | None:
        """The engine amount at ``pos`` and the source word ``pattern`` reads after it; the
        part ends after the whole match or after the label alone."""
        amount = self.by_start.get(pos)
        if amount is None or amount.end > limit:
            return None
        label = pattern.match(self.text, amount.end, limit)
        if label is None:
            return None
        if self.adverb(label.group("label"), label.end("label")):
            return None  # "300억 원이 기 투입됐으며": already spent, no source named
        category = self.category(label.group("label"), amount.start)
        if category is None:
            return None
        return Part(label.group("label"), category, amount.start,
                    label.end() if whole_match else label.end("label"),
                    amount.value, amount.currency, amount.numeral, bare=False, amount=amount)

    # --- the forms ------------------------------------------------------------------------
    def after_paren(self, total: Amount, at: int | None = None) -> SplitInfo | None:
        m = _PAREN_OPEN.match(self.text, total.end if at is None else at)
        if m is None:
            return None
        close = find_close(self.text, m.end() - 1, min(len(self.text), m.end() + 400))
        if close is None:
            return None
        parts, partial, stop = self.read_list(m.end(), close, total)
        if not parts:
            return self._lone_source(total, m.end(), close)
        cues = sum_forms(self.words).cue_words
        whole = next((i for i, p in enumerate(parts) if p.label in cues), None)
        if whole is not None:  # "6억원(지방비 3억ㆍ총사업비 200억원)": the project's total, no part
            parts, partial, stop = parts[:whole], True, parts[whole].start
        if not parts or any(source_key(p.label) in self.forms.account_words
                            or any(source_key(w) in self.forms.use_words for w in (p.label, *p.label.split()))
                            for p in parts):
            return None  # "(일반회계 295억 원, 특별회계 23억 원, 기금 63억 원)": by account;
            # "(공사비 98억, 보상비 45억, 기타 2억5천만원)": by use
        rest = self.text[stop:close].strip(" ,·")
        # a part is known by its category, or as a word of the taxonomy that is "other" ("차관")
        known = sum(1 for p in parts if p.category != "other" or source_key(p.label) in self.words.sources)
        if len(parts) == 1 and not known and not partial:
            return None
        if not any(self.source_category(p.label, p.start) for p in parts) \
                and not self._places_paying(parts, partial, total, close):
            return None  # "(기존 13조2000억원, 신규 7조7000억원)": no funding source named
        if self.receive([p.label for p in parts], close):
            return None  # "127억원(도 63억원, 시·군 64억원)의 재난안전 특별교부세": who receives it
        if rest and (len(rest) > 12 or not known):
            return None
        return SplitInfo(parts, partial or bool(rest), "paren")

    def _lone_source(self, total: Amount, lo: int, close: int) -> SplitInfo | None:
        """"총사업비 총 360억원(도비)을 투입": one source word alone in the bracket after a figure
        named as a total pays it all (not a figure with no name: "86억원(특별교부세)과 …")."""
        label = self.text[lo:close].strip(" \u00a0")
        if not label or " " in label or not self.forms.total_named.search(
                self.text, max(0, total.start - 22), total.start):
            return None
        category = self.source_category(label, lo)
        if category is None:
            return None
        at = self.text.index(label, lo)
        return SplitInfo([Part(label, category, at, at + len(label), total.value, total.currency,
                               None, bare=False, share=Decimal(1))], False, "paren")

    def _places_paying(self, parts: list[Part], partial: bool, total: Amount, close: int) -> bool:
        """A bracket of places after a figure that add up to it exactly ("사업비 190억원(계룡
        140억원, 대전 50억원)"), the figure not named one source after it ("(…)의 국비가", "(…)의
        재난안전 특별교부세를": where the money goes)."""
        if partial or len(parts) < 2 or sum(p.value or 0 for p in parts) != total.value \
                or not all(self.place_category(p.label) for p in parts):
            return False
        return not self.source_named_after(close)

    def fund_word(self, label: str) -> bool:
        """A label naming money as a fund ("국비", "도비", "교부금"), not a place or a body."""
        return label.endswith(label_forms(self.words).fund_endings)

    def receive(self, labels: list[str], close: int) -> bool:
        """Places in a bracket closing at ``close``, none a fund word, of a figure named one source
        after it receive it: "127억원(도 63억원, 시·군 64억원)의 재난안전 특별교부세"."""
        return not any(self.fund_word(label) for label in labels) and self.source_named_after(close)

    def source_named_after(self, close: int) -> bool:
        """The figure before the bracket closing at ``close`` is named one source after it: "(…)의
        국비가", or past one word saying what it is for: "(…)의 재난안전 특별교부세를"."""
        beyond = self.text[close + 1:close + 16].lstrip()
        of = sum_forms(self.words).of_particle
        words = beyond[len(of):].split()[:2] if of and beyond.startswith(of) else beyond.split()[:1]
        words += [w[: -len(p)] for w in words for p in self.forms.object_glued if w.endswith(p)]
        return any(self.source_category(self.unglued(word, close)[0], close) for word in words)

    def before_total(self, total: Amount, sentence_start: int) -> SplitInfo | None:
        window = self.text[max(sentence_start, total.start - 40):total.start]
        if not any(w in window for w in self.forms.total_window):
            return None
        m = self.forms.before_total.search(self.text, max(sentence_start, total.start - 40), total.start)
        if m is None or not (m.group("etc") or m.group("sum") or m.group("incl")
                             or m.group("closer") and self.forms.total_named_before.search(
                                 self.text, max(sentence_start, total.start - 80), total.start)):
            return None
        items: list[Part] = []
        known_only: list[Part] | None = None  # the items before a payer outside the taxonomy
        edge = m.start()
        earlier = [a for a in self.between(sentence_start, edge) if a.end <= edge]
        for amount in reversed(earlier):
            gap = self.text[amount.end:edge]
            if items and self.forms.included_in.fullmatch(self.text, amount.end, items[0].start):
                inner = self._part_before(amount, sentence_start)
                if inner is not None and not items[0].parts:  # "국비 242억원을 포함한 보조금 353억원"
                    items[0].parts, items[0].partial = [inner], True
                break
            if not self.forms.connector.fullmatch(gap) and gap != "":
                break
            label = self.forms.label_before.search(self.text, max(sentence_start, amount.start - 12),
                                         amount.start)
            unknown = label is not None and not (self.category(label.group("label"), amount.start)
                                                 or self.unglued(label.group("label"), amount.start)[1])
            if unknown:
                holder = self._holder(amount, label.start(), earlier, sentence_start)
                if holder is not None:  # "국비 242억원을 포함한 보조금 353억원": a source holding one
                    items.insert(0, holder)
                    break
                if not items or not self._payer_word(label, sentence_start):
                    break
                if known_only is None:
                    known_only = list(items)
            if label is None:
                break
            item = self.read_item(self.widen(label.start(), label.group("label"), sentence_start),
                                  amount.end, allow_unknown=unknown)
            if item is None:
                break
            items.insert(0, item)
            edge = label.start()
            qualifier = self.forms.qualifier_before.search(self.text, max(sentence_start, edge - 12), edge)
            if qualifier is not None:
                edge = qualifier.start()  # "국민안전처 특별교부세 9억 원": the ministry's grant
        if known_only is not None and not self._adds_up(total, items):
            items = known_only  # "농협중앙회 16억원, 농축협 38억원": only where they add up exactly
        if not items:
            return self._shares_before(sentence_start,
                                       m.end("closer") if m.group("closer") else m.start())
        if m.group("closer") and not (m.group("sum") or m.group("incl")) and len(items) < 2:
            return None  # "국비 10억원으로 20억원 …" is no list
        # "…까지 합쳐 총": these parts join others named earlier, so they need not add up
        return SplitInfo(items, bool(m.group("etc") or m.group("incl") or m.group("also")), "before")

    def _holder(self, amount: Amount, label_start: int, earlier: list[Amount],
                sentence_start: int) -> Part | None:
        """A part under a word outside the taxonomy that holds a known source named before it
        ("국비 242억원을 포함한 보조금 353억원"): a source of its own (other), with that part."""
        inner_amount = next((a for a in reversed(earlier) if a.end <= label_start), None)
        if inner_amount is None or not self.forms.included_in.fullmatch(
                self.text, inner_amount.end, label_start):
            return None
        inner = self._part_before(inner_amount, sentence_start)
        if inner is None or inner.value is None or inner.value >= amount.value:
            return None
        item = self.read_item(label_start, amount.end, allow_unknown=True)
        if item is None:
            return None
        item.parts, item.partial = [inner], True
        return item

    def _part_before(self, amount: Amount, sentence_start: int) -> Part | None:
        """The part written as a known source and ``amount``: "국비 242억원"."""
        label = self.forms.label_before.search(self.text, max(sentence_start, amount.start - 12),
                                               amount.start)
        if label is None:
            return None
        return self.read_item(label.start(), amount.end, allow_unknown=False)

    def _shares_before(self, sentence_start: int, edge: int) -> SplitInfo | None:
        """"국비 70%, 지방비 30%로 총 200억원을": shares named before the total."""
        m = self.forms.shares_before.search(self.text, max(sentence_start, edge - 80), edge)
        if m is None:
            return None
        parts, _, stop = self.read_list(m.start("list"), m.end("list"), None, allow_unknown=False)
        if len(parts) < 2 or stop < m.end("list") - 2 or any(p.share is None for p in parts):
            return None
        return SplitInfo(parts, False, "before")

    def after_total(self, total: Amount, sentence_end: int) -> SplitInfo | None:
        m = self.forms.after_total.match(self.text, total.end, sentence_end)
        if m is None:
            return self._shares_after(total, sentence_end)
        if m.group("clause") and not self.forms.total_named.search(self.text, max(0, total.start - 22),
                                                         total.start):
            return None
        parts, partial, stop = self.read_list(m.end(), sentence_end, total, allow_unknown=False)
        if not parts:
            return None
        rest = self._rest_named(stop, sentence_end) if m.group("partial") else None
        if rest is not None:  # "530억원 가운데 국비 265억원은 확보했으며 나머지 지방비 265억원은 …"
            return SplitInfo([*parts, rest], partial, "rest")
        # "총 4조 원에 국비 …, 지방비 …": only parts that add up make it a split ("after")
        form = "clause" if m.group("clause") and not m.group("clause").startswith(self.forms.clause_adding) else "after"
        return SplitInfo(parts, partial or bool(m.group("partial")), form)

    def _rest_named(self, pos: int, sentence_end: int) -> Part | None:
        m = self.forms.rest_named.search(self.text, pos, min(sentence_end, pos + 40))
        if m is None or self.between(pos, m.start()):
            return None
        return self.read_item(m.start("label"), sentence_end, allow_unknown=False)

    def _shares_after(self, total: Amount, sentence_end: int) -> SplitInfo | None:
        """"총 200억원을 국비 70%, 지방비 30%로 분담한다": shares, then the verb that divides."""
        m = self.forms.object.match(self.text, total.end, sentence_end)
        if m is None:
            return None
        parts, _, stop = self.read_list(m.end(), sentence_end, total, allow_unknown=False)
        if (len(parts) < 2 or any(p.share is None for p in parts)
                or not self.forms.shared_verb.match(self.text, stop, sentence_end)):
            return None
        return SplitInfo(parts, False, "shares")

    def opener_after(self, total: Amount, sentence_end: int) -> SplitInfo | None:
        """Parts later in the total's sentence: "…원을 투입하며, 이 중 국비는 …",
        "…원으로, 재원은 국비 50%, 지방비 50%로", "…원 투입(국비 50%, 시비 50%)"."""
        ahead = self.text[total.end:min(sentence_end, total.end + 60)]
        if not any(cue in ahead for cue in self.forms.opener_cues):
            return self._source_after_verb(total, sentence_end)
        paren = self.forms.verb_paren.match(self.text, total.end, sentence_end)
        if paren is not None:
            return self.after_paren(total, paren.end())
        m = self.forms.opener_after.match(self.text, total.end, sentence_end)
        if m is None or self.between(total.end + 1, m.end()):
            return self._source_after_verb(total, sentence_end)
        parts, partial, _ = self.read_list(m.end(), sentence_end, total,
                                           allow_unknown=bool(m.group("whole")))
        if not parts:
            return None
        return SplitInfo(parts, partial or bool(m.group("partial")), "opener")

    def _source_after_verb(self, total: Amount, sentence_end: int) -> SplitInfo | None:
        """"총 3418억원이 투입되며 국비는 2504억 원이다": a source named with 은/는 right after
        the total's verb.  Partial: the sentence names what it names."""
        m = self.forms.verb_then.match(self.text, total.end, min(sentence_end, total.end + 30))
        if m is None:
            return None
        label = self.forms.source_topic.match(self.text, m.end(), sentence_end)
        if label is None or not self.category(label.group("label"), m.end()):
            return self._list_after_verb(total, m.end(), sentence_end)
        parts, _, _ = self.read_list(m.end(), sentence_end, total, allow_unknown=False)
        return SplitInfo(parts, True, "opener") if parts else None

    def _payer_word(self, label, sentence_start: int) -> bool:
        """A word outside the taxonomy that may name a payer in a list: no money noun, not glued
        to a number (2026년도), not qualifying a source before it (지방자치단체 이전수입)."""
        at = label.start()
        word = label.group("label")
        if (self.names_money(word) or word.endswith(self.forms.not_payer_endings)
                or at > 0 and self.text[at - 1].isdigit()):
            return False
        before = self.forms.qualifier_before.search(self.text, max(sentence_start, at - 12), at)
        return before is None or self.source_category(before.group().strip(), at) is None

    def _adds_up(self, total: Amount, parts: list[Part]) -> bool:
        resolve_values(total.value, inherit_units(total, self.text), parts)
        return all(p.value is not None and p.share is None for p in parts) and sum(
            p.value for p in parts) == total.value

    def _list_after_verb(self, total: Amount, at: int, sentence_end: int) -> SplitInfo | None:
        """"총 사업비는 333억원이 투입되며 국비 150억원, 시비 153억원, 노동계 10억원, 사용자 부담금
        20억원 등으로 구성됐다": a list opened by a known source after the total's verb, payers
        outside the taxonomy included, when it adds up to the total exactly."""
        first = self.forms.label.match(self.text, at, sentence_end)
        if first is None or not self.category(first.group("label"), at):
            return None
        parts, _, _ = self.read_list(at, sentence_end, total, allow_unknown=True)
        if len(parts) < 2:
            return None
        if not self._adds_up(total, parts) and not self._over_known(total, parts):
            return None
        return SplitInfo(parts, False, "opener")

    def _over_known(self, total: Amount, parts: list[Part]) -> bool:
        """Known sources only, each with its own figure, that add up to more than the total: a
        list the release got wrong ("총 68억원이 투입되며, 국비 52억원, 도비 17억원, 군비 17억원이
        포함된다"), kept as written so that `check` can say so."""
        return (all(p.value is not None and p.share is None and not p.bare
                    and self.category(p.label, p.start) for p in parts)
                and sum(p.value for p in parts) > total.value)

    def next_sentence_openers(self) -> list[tuple[int, int]]:
        """Sentences that open with 재원은 / 이 중 … (candidates for a total's parts)."""
        out = []
        for m in self.forms.opener.finditer(self.text):
            span = self.sentences.span(m.start("w"))
            if self.forms.next_sentence.match(self.text, span[0], span[1]):
                out.append(span)
        return out

    def next_sentence(self, total: Amount, next_span: tuple[int, int]) -> SplitInfo | None:
        m = self.forms.next_sentence.match(self.text, next_span[0], next_span[1])
        if m is None:
            return None
        explicit = (m.group("whole") or "").startswith(self.forms.any_source_openers)  # "재원은": any source named
        parts, partial, stop = self.read_list(m.end(), next_span[1], total, allow_unknown=explicit)
        if not parts:
            return None
        last = max(p.end for p in parts)
        cue = sum_forms(self.words).total_cue
        if any(cue.search(self.text, max(last, b.start - 32), b.start)
               for b in self.between(last, next_span[1])):
            return None  # "총사업비는 국비 6억3,000만원과 지방비를 포함해 7억원이며": its own total
        return SplitInfo(parts, partial or bool(m.group("partial")), "next")

    def codes(self, total: Amount, limit: int) -> SplitInfo | None:
        """Budget-book source codes after a total: [국 120,000] [도 30,000] [군 50,000], on
        its line or on the next line (then for the first figure of the total's row)."""
        text = self.text
        unit = getattr(total, "scale", None) or 1
        if unit == 1 and text.find("[", total.end, total.end + 120) == -1:
            return None  # outside a unit-header table, codes come in brackets: [국 120,000]
        # the row around the total, looked for within 400 characters (long lines stay linear)
        line_start = text.rfind("\n", max(0, total.start - 400), total.start) + 1
        line_end = text.find("\n", total.end, total.end + 400)
        line_end = min(len(text), total.end + 400) if line_end == -1 else line_end
        first_of_row = not _DIGIT_BEFORE.search(text, line_start, total.start)
        pos = total.end
        same_line = _CODE_GAP_LINE.match(text, pos, line_end)
        if same_line is not None and self.forms.code_item.match(text, same_line.end(), line_end):
            pos = same_line.end()
        elif first_of_row and line_end < len(text):
            if SOLO_LINE.fullmatch(text, line_start, line_end):
                # a row laid out a cell a line: the codes follow the row's last figure, and
                # belong to its first ("16,761,401 ⏎ 15,784,178 ⏎ 977,223 ⏎ [국 2,520,234] …")
                before = text.rfind("\n", max(0, line_start - 80), max(0, line_start - 1)) + 1
                if line_start and SOLO_LINE.fullmatch(text, before, line_start - 1):
                    return None
                for _ in range(3):
                    after = SOLO_LINE.match(text, line_end + 1, limit)
                    if after is None or not text.startswith("\n", after.end()):
                        break
                    line_end = after.end()
                limit = min(len(text), line_end + 400)
            nxt = self.forms.code_next_line.match(text, line_end + 1, limit)
            if nxt is None:
                return None
            pos = nxt.end()
        else:
            return None
        parts = []
        bracketed = False
        while pos < limit:
            m = self.forms.code_item.match(text, pos, limit)
            if m is None or (not parts and "[" not in m.group() and unit == 1):
                break
            category = self.words.codes.get(m.group("code"))
            numeral = parse_numerals(m.group("num"))
            if category is None or not numeral:
                break
            bracketed = bracketed or "[" in m.group()
            parts.append(Part(m.group("code"), category, m.start("code"), m.end("num"),
                              numeral[0].value * unit, total.currency, numeral[0], bare=False,
                              amount=self.by_start.get(m.start("num"))))
            pos = m.end()
            sep = self.forms.code_sep.match(text, pos, limit)
            if sep:
                pos = sep.end()
        if len(parts) < 2 and not (parts and bracketed):
            return None
        # codes written in the total's own unit: "사업비 200,000천원 [국 120,000] [도 80,000]"
        written = inherit_units(total, text)[0]
        coded = sum(p.value for p in parts)
        if unit == 1 and written != 1 and coded != total.value and (
                coded * written == total.value or written in _TABLE_UNITS):
            for p in parts:
                p.value *= written
        return SplitInfo(parts, False, "codes")


def table_row_split(text: str, parts_amounts: list, reader: SplitReader) -> SplitInfo | None:
    """Parts of a table's total: "국 120,000" cells, cells under 국비/도비 columns, or the
    국비/도비 rows under the total's row."""
    parts = []
    for a in parts_amounts:
        if a.code:
            label, category = a.code, reader.words.codes.get(a.code)
            start = text.rfind(a.code, max(0, a.start - 4), a.start)
        else:
            label = a.role if a.role and a.role != "total" else a.row_label  # a column or a row
            category, start = reader.category(label, a.start), a.start
        if category is None:
            continue
        parts.append(Part(label, category, start if start >= 0 else a.start, a.end, a.value,
                          a.currency, a.numeral, bare=False, amount=a))
    return SplitInfo(parts, False, "table") if parts else None


@lru_cache(maxsize=8)
def _metro_pattern(cities: tuple[str, ...], template: str) -> regex.Pattern:
    return patterns.compile(expand(template, {"CITIES": "|".join(cities)}))


def _default_forms() -> SplitForms:
    """The forms of the packaged rule tables, for the module-level helpers (units written)."""
    return split_forms(load_tables())


def find_close(text: str, open_at: int, limit: int) -> int | None:
    """Index of the parenthesis closing the one at ``open_at``, within ``limit``."""
    depth = 0
    for i in range(open_at, min(limit, len(text))):
        ch = text[i]
        if ch in "(（":
            depth += 1
        elif ch in ")）":
            depth -= 1
            if depth == 0:
                return i
        elif ch == "\n" and text[max(open_at, i - 2):i].rstrip()[-1:] not in (",", "，", "·"):
            return None  # a line break ends it, unless a list goes on: "지방비 18,084,⏎융자 …"
    return None


def resolve_values(total_value: Decimal, units: list[int], parts: list[Part]) -> None:
    """Give bare parts the total's unit (the unit under which the parts sum, when one does)."""
    bare = [p for p in parts if p.bare and p.value is None]
    if bare:
        chosen = units[0]
        fixed = sum((p.value for p in parts if p.value is not None), Decimal(0))
        written = sum((p.numeral.value for p in bare), Decimal(0))
        for unit in units:
            if fixed + written * unit == total_value:
                chosen = unit
                break
        else:  # the power of ten under which the parts add up, if there is one
            ratio = (total_value - fixed) / written if written else Decimal(0)
            if ratio > 0 and ratio == ratio.to_integral_value():
                digits = str(int(ratio))
                if digits.strip("0") == "1" and len(digits) <= 17:
                    chosen = int(ratio)
        for p in bare:
            p.value = p.numeral.value * chosen
            p.precision = SplitReader._precision(p.numeral) * chosen
    for p in parts:
        if p.share is not None and p.value is None:
            p.value = total_value * p.share
    for p in parts:
        if p.parts:
            resolve_values(p.value, inherit_units_of_part(p, units), p.parts)


def inherit_units_of_part(part: Part, units: list[int]) -> list[int]:
    if part.numeral is not None and part.numeral.big_units:
        own = list(part.numeral.big_units)
        return [own[-1]] + own[:-1]
    return units


def absorbed(parts: list[Part]) -> list[Amount]:
    """Engine amounts that became parts (at any depth)."""
    out = []
    for p in parts:
        if p.amount is not None:
            out.append(p.amount)
        out.extend(absorbed(p.parts))
    return out


def cover_parts(parts: list[Part]) -> None:
    """A part's category covers the parts it holds: "국비 등 728억원(국비 547억, 기금 181억)"
    is national+other; a 지방비 already covers its 도비 and 시비."""
    for p in parts:
        cover_parts(p.parts)
        if not p.parts:
            continue
        own = set(p.category.split("+"))
        levels = own | ({"provincial", "municipal"} if "local" in own else set())
        held = {c for q in p.parts for c in q.category.split("+")}
        if not held <= levels:
            p.category = "+".join(c for c in CATEGORIES if c in own | held)

