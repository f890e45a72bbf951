"""``extract`` and ``check``: the one entry every caller uses (CLI, API, ETL, eval).

engine (amounts) -> table units -> splits -> labels, budget years -> periods -> checks -> Mentions
"""

from __future__ import annotations

import bisect
import copy
import datetime as dt
from dataclasses import dataclass, replace
from decimal import Decimal, localcontext

from fundparse import checks, patterns
from fundparse.amount import Amount
from fundparse.config import Config
from fundparse.engine import compiled, find_amounts
from fundparse.fx import krw_of
from fundparse.model import EXACT, Finding, Mention, Period, Range, Split, whole
from fundparse.rules.tables import load_tables
from fundparse.rules.forms import AttachForms, attach_forms, period_forms, sum_forms
from fundparse.structure.assign import Fact, SumAssigner, before_spaces, ending_at
from fundparse.structure.docdate import coerce_date, sniff_doc_date
from fundparse.structure.labels import fiscal_year_after, fiscal_year_before, label_before
from fundparse.structure.periods import FoundPeriod, find_periods, join_pieces
from fundparse.structure.rests import nest_rests
from fundparse.structure.sentences import Sentences
from fundparse.structure.splits import (
    Part,
    SplitInfo,
    SplitReader,
    absorbed,
    cover_parts,
    inherit_units,
    resolve_values,
    table_row_split,
)
from fundparse.structure.units import TableAmount, find_table_amounts, header_splits, row_splits


class Lines:
    """Offset -> (line, column), 1-based, lines split on "\\n".

    Built on the first question, once, and shared by every stage that asks.  It keeps two
    numbers per block of ``BLOCK`` characters (the line breaks before the block, and where the
    line running into it starts), not one per line, so a 200 MB text costs a few MB here; an
    answer counts at most one block's line breaks."""

    BLOCK = 4096

    def __init__(self, text: str):
        self.text = text
        self._breaks: list[int] | None = None  # line breaks before each block
        self._line_starts: list[int] = []      # start of the line holding each block's start

    def _index(self) -> list[int]:
        text, block = self.text, self.BLOCK
        breaks, line_starts = [0], [0]
        count = 0
        for lo in range(0, len(text), block):
            hi = lo + block
            count += text.count("\n", lo, hi)
            breaks.append(count)
            last = text.rfind("\n", lo, hi)
            line_starts.append(last + 1 if last >= 0 else line_starts[-1])
        self._breaks, self._line_starts = breaks, line_starts
        return breaks

    def position(self, offset: int) -> tuple[int, int]:
        breaks = self._breaks if self._breaks is not None else self._index()
        text = self.text
        i = min(max(offset, 0) // self.BLOCK, len(breaks) - 1)
        lo = i * self.BLOCK
        if offset < lo:  # past the end of the text: counted from the last block
            lo = offset
        line = breaks[i] + text.count("\n", lo, offset)
        last = text.rfind("\n", lo, offset)
        start = last + 1 if last >= 0 else self._line_starts[i]
        return line + 1, offset - start + 1


class _SpanMemo(dict):
    """The sentence finder's memory (``Sentences._found``: offset -> its span), let go of
    whole every ``SIZE`` entries.  A span is found the same way again if asked again (as
    ``records.shared.NearSentences`` forgets them), so only the memory changes: unbounded, a
    big text's lookups held ~0.26× the size of the string through the whole analysis (~5
    entries a mention, ~160 bytes each); bounded, ~5 MB at most.  A text with fewer lookups
    (1 MB of the dense mix makes ~25,600, 4 M characters of the benchmarks' archive ~25,200)
    keeps them all and asks ``_find`` exactly as often as before; above, a later stage finds
    again what an earlier one's sweep let go (with 4,096 entries 1 MB of the mix made 1.9×
    the calls, within the noise of its time)."""

    SIZE = 1 << 15

    def __setitem__(self, key, value) -> None:
        if len(self) >= self.SIZE:
            self.clear()
        super().__setitem__(key, value)


def _bounded(sentences: Sentences) -> Sentences:
    if type(getattr(sentences, "_found", None)) is dict:
        sentences._found = _SpanMemo(sentences._found)
    return sentences


@dataclass
class Analysis:
    facts: list[Fact]
    findings: list[Finding]  # every finding, including those of no single mention
    doc_date: dt.date | None
    lines: Lines | None = None  # the text's line index, built on first use


def _metro_document(text: str, forms: AttachForms) -> bool:
    """A document of a 광역시/특별시: its header names one, or the first place it names is one."""
    if forms.metro_header.search(text, 0, 4000) is not None:
        return True
    first = forms.first_place.search(text, 0, 1500)
    return first is not None and first.group("city") is not None



def analyse(text: str, doc_date=None, config: Config | None = None, full: bool = True) -> Analysis:
    """Find amounts and their funding structure; the shared core of extract and check."""
    with localcontext(EXACT):
        return _analyse(text, doc_date, config, full)


def analyse_both(text: str, doc_date=None, config: Config | None = None):
    """check's Analysis (``analyse(..., full=True)``) and a function giving the mentions
    ``extract(text, doc_date=..., config=...)`` gives, records attached, from one run of the
    stages before periods (amounts, splits, sums, labels).  Each side then reads its periods as
    it does alone (extract only in its amounts' sentences), on its own copy of the facts and of
    the sentence finder's memory: both are exactly what the two calls give.  The mentions are
    built only when the function is called (``rates`` as extract's)."""
    with localcontext(EXACT):
        prepared = _prepare(text, doc_date, config)
        later = prepared.fork()
        analysis = _finish(prepared, True)

    def mentions(rates: dict[str, Decimal] | None = None) -> list[Mention]:
        with localcontext(EXACT):
            part = _finish(later.fork(), False)  # a copy again: it may be called twice
            out = [_mention(fact, text, part.lines, rates) for fact in part.facts]
        from fundparse import records

        return records.attach(text, out, config)

    return analysis, mentions


def _analyse(text: str, doc_date, config: Config | None, full: bool) -> Analysis:
    return _finish(_prepare(text, doc_date, config), full)


@dataclass
class _Prepared:
    """What the stages before periods found, for the period stage and the checks."""

    text: str
    words: object
    day: dt.date | None
    facts: list[Fact]
    sentences: Sentences
    attach: AttachForms
    lines: Lines
    maker: checks.FindingMaker

    def fork(self) -> _Prepared:
        """A copy the later stages can run on without touching this one: its own facts (periods
        and findings are set on them) and its own copy of the sentence finder's memory (on a
        long line its answer depends on what it was asked before)."""
        sentences = copy.copy(self.sentences)
        for name, value in vars(self.sentences).items():
            if isinstance(value, (dict, list, set)):
                setattr(sentences, name, copy.copy(value))
        facts = [replace(f, findings=list(f.findings)) for f in self.facts]
        return replace(self, facts=facts, sentences=sentences)


def _prepare(text: str, doc_date, config: Config | None) -> _Prepared:
    config = config or Config()
    words = load_tables(config.data)
    comp = compiled(words)
    day = coerce_date(doc_date) or sniff_doc_date(text, words)
    amounts: list[Amount] = find_amounts(text, words)
    table = find_table_amounts(text, [(a.start, a.end) for a in amounts], words.category)
    amounts = sorted([*amounts, *table], key=lambda a: a.start)

    sentences = _bounded(Sentences(text, words))
    attach = attach_forms(words)
    metro_doc = _metro_document(text, attach)
    reader = SplitReader(text, amounts, words, comp.any_run, sentences, metro_doc)
    lines = Lines(text)
    maker = checks.FindingMaker(lines.position)

    facts = _find_splits(text, amounts, reader, sentences)
    facts = SumAssigner(reader, sentences, sum_forms(words)).run(facts)
    for fact in facts:
        if fact.split is not None and fact.split.form == "sum":
            _settle(fact.amount, fact.split, text)
        if fact.split is not None:
            reader.each_apart(fact.split.parts)
            reader.join_payers(fact.split.parts)
    facts = nest_rests(facts, text, sentences, sum_forms(words).rest_before)
    markers = comp.markers
    for fact in facts:
        a = fact.amount
        if isinstance(a, TableAmount):
            fact.label = a.row_label
            fact.fiscal_year = a.fiscal_year
        else:
            fact.label = label_before(text, a.start, words, markers, a.chain_start)
            fact.fiscal_year = (fiscal_year_before(text, a.start, day, markers, a.chain_start)
                                or fiscal_year_after(text, a.end, day))
    return _Prepared(text, words, day, facts, sentences, attach, lines, maker)


def _finish(prepared: _Prepared, full: bool) -> Analysis:
    """Periods (every one with ``full``, else only in the amounts' sentences), then checks."""
    p = prepared
    text, words, day, facts, sentences, attach, maker = (
        p.text, p.words, p.day, p.facts, p.sentences, p.attach, p.maker)
    period_table = period_forms(words)
    periods = find_periods(text, day, period_table,
                           None if full else _period_windows(facts, sentences, text, attach))
    periods = join_pieces(periods, text, sentences.span,
                          [f.amount.start for f in facts if f.amount.per is None], day,
                          period_table)
    _attach_periods(periods, facts, sentences, text, period_table, attach)
    _respective_years(facts, sentences, text, period_table, attach)
    _respective_periods(periods, facts, sentences, text, period_table, attach)
    _items_of_total(facts, sentences, text, attach)
    _total_of_stages(facts, sentences, text, attach)

    findings: list[Finding] = []
    for fact in facts:
        a = fact.amount
        if fact.split is not None:
            fact.findings.extend(checks.check_split(
                maker, checks.Place(a.start, a.end), a.value, a.currency, a.approximate,
                max(SplitReader._precision(a.numeral, text[a.start:a.end]), fact.split.precision),
                fact.split.parts,
                fact.split.partial))
        if fact.period is not None:
            fact.findings.extend(checks.check_period(maker, fact.period, text))
    attached = {id(f.period) for f in facts if f.period is not None}
    for period in periods if full else ():  # extract() keeps only the findings of its facts
        if id(period) not in attached:
            findings.extend(checks.check_period(maker, period, text))
    findings.extend(checks.check_document(maker, text, facts, periods, sentences, day, full))
    if full:
        findings.extend(checks.check_number_format(maker, text))
    for fact in facts:
        findings.extend(fact.findings)
    findings.sort(key=lambda f: (f.start, f.code))
    return Analysis(facts, _unique(findings), day, p.lines)


def _period_windows(facts: list[Fact], sentences: Sentences, text: str,
                    attach: AttachForms) -> list[tuple[int, int]]:
    """The sentences a period of an amount may stand in: its own, and a headline's clause after
    the ellipsis that ends it ("430억 들여 체육관 건립…2027년 준공")."""
    spans = []
    for f in facts:
        lo, hi = sentences.span(f.amount.start)
        spans.append((lo, hi))
        cell = attach.cell_before.search(text, max(0, f.amount.start - 12), f.amount.start)
        if cell is not None and cell.start() > 0 and cell.start() <= lo:
            spans.append(sentences.span(cell.start() - 1))  # the row's cell before: "‘19~’23 |⏎104"
        if hi < len(text) and attach.headline_joint.search(text, max(lo, hi - 8), hi):
            spans.append(sentences.span(hi))
        if lo > 0 and attach.headline_joint.search(text, max(0, lo - 8), lo):
            spans.append(sentences.span(lo - 1))  # "…2025년까지 걷어낸다…734억원 투입"
    return spans


def _unique(findings: list[Finding]) -> list[Finding]:
    seen = set()
    out = []
    for f in findings:
        key = (f.code, f.start, f.end)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


def _find_splits(text: str, amounts: list[Amount], reader: SplitReader,
                 sentences: Sentences) -> list[Fact]:
    taken: set[int] = set()
    facts: dict[int, Fact] = {}
    table_totals: dict[int, SplitInfo] = {}
    governed = [a for a in amounts if isinstance(a, TableAmount)]
    for total, parts in row_splits(governed):
        info = table_row_split(text, parts, reader)
        if info is not None:
            table_totals[id(total)] = info
            taken.update(id(p) for p in parts)
    # a row under a header of sources flattened to single spaces ("국비 시비 구비 … 14,700 7,350 …")
    for total, labelled in header_splits(text, governed, reader.words.category,
                                         taken | {id(t) for t in table_totals}):
        info = table_row_split(text, [replace(p, role=label) for p, label in labelled], reader)
        if info is not None:
            table_totals[id(total)] = info
            taken.update(id(p) for p, _ in labelled)
    for a in amounts:
        if id(a) in taken:
            continue
        fact = facts.setdefault(id(a), Fact(a))
        s_start, s_end = sentences.span(a.start)
        line_end = text.find("\n", a.end, a.end + 400)  # bounded: one long line stays linear
        line_end = min(len(text), a.end + 400) if line_end == -1 else line_end
        info = table_totals.get(id(a))
        if info is None:
            paren = reader.after_paren(a)
            info = (paren or reader.codes(a, min(len(text), line_end + 200))
                    or _checked_after(reader, a, s_end) or reader.before_total(a, s_start)
                    or reader.opener_after(a, s_end))
            if info is None or any(id(p) in taken for p in absorbed(info.parts)):
                continue
            if any(p.bound == "min" for p in absorbed(info.parts)):
                continue  # "총사업비 500억원(국가재정지원 300억원 이상) 이상인 사업": a threshold, no part paid
            if info is paren and any(p.currency == a.currency and p.value > a.value
                                     and reader.forms.whole_again.search(text, a.end, p.start)
                                     for p in absorbed(info.parts)):
                continue  # "총 30조 원(지방비 포함 시 48조 원)": the whole counted another way, no part
        _settle(a, info, text)
        fact.split = info
        for part_amount in absorbed(info.parts):
            taken.add(id(part_amount))
            facts.pop(id(part_amount), None)
    # "재원은 국비 …" / "이 중 국비 …" in the sentence after a total
    ordered = sorted(facts.values(), key=lambda f: f.amount.start)
    fact_starts = [f.amount.start for f in ordered]
    for span in reader.next_sentence_openers():
        nearest: list[Fact] = []
        earlier: list[Fact] = []
        previous: tuple[int, int] | None = span
        for _ in range(2):  # the total's sentence, or the one before it
            previous = sentences.before(previous)
            if previous is None:
                break
            lo, hi = previous
            window = ordered[bisect.bisect_left(fact_starts, lo):bisect.bisect_left(fact_starts, hi)]
            found = [f for f in window if f.split is None and id(f.amount) not in taken
                     and id(f.amount) in facts]
            if nearest:
                earlier = found
                break
            nearest = found
        if not nearest:
            continue
        # the total the parts add up to, in either sentence; else the largest of the nearest
        total, info = _adding_up_to(reader, [*nearest, *earlier], span, text)
        if info is None:
            total = max(nearest, key=lambda f: (f.amount.value, -f.amount.start))
            info = reader.next_sentence(total.amount, span)
        if info is None:
            continue
        parts_amounts = absorbed(info.parts)
        if any(id(p) in taken or (id(p) in facts and facts[id(p)].split) for p in parts_amounts):
            continue
        _settle(total.amount, info, text)
        total.split = info
        for part_amount in parts_amounts:
            taken.add(id(part_amount))
            facts.pop(id(part_amount), None)
    return sorted(facts.values(), key=lambda f: f.amount.start)


def _adding_up_to(reader: SplitReader, totals: list[Fact], span: tuple[int, int],
                  text: str) -> tuple[Fact | None, SplitInfo | None]:
    """The total a next sentence's parts add up to ("투자 규모는 119.8조 원입니다. (2030년까지 92.3조
    원, …) 재원은 국비 72.4조 원, …"), the largest first."""
    for total in sorted(totals, key=lambda f: (-f.amount.value, f.amount.start)):
        info = reader.next_sentence(total.amount, span)
        if info is None or info.partial:
            continue
        resolve_values(total.amount.value, inherit_units(total.amount, text), info.parts)
        if all(p.value is not None for p in info.parts) and sum(
                p.value for p in info.parts) == total.amount.value:
            return total, reader.next_sentence(total.amount, span)
    return None, None


def _checked_after(reader: SplitReader, total: Amount, sentence_end: int) -> SplitInfo | None:
    """Parts after a total in its sentence: "160억 원 중 국비 50억 원" (partial) or
    "60억 원은 국비 18억 원, 지방비 42억 원으로" (whole, only when they add up)."""
    info = reader.after_total(total, sentence_end)
    if info is None or info.partial or info.form in ("shares", "rest"):
        return info  # shares, or parts ending in 나머지, divide the whole total: checked (FP101/102)
    resolve_values(total.value, inherit_units(total, reader.text), info.parts)
    adds_up = all(p.value is not None for p in info.parts) and sum(
        p.value for p in info.parts) == total.value
    if info.form == "clause":
        # "총사업비는 480억원으로, 국비 150억원과 도비 60억원을 확보하고 …": the parts named
        info.partial = not adds_up
        return info
    if len(info.parts) < 2 or not adds_up:
        return None
    return info


def _settle(total: Amount, info: SplitInfo, text: str) -> None:
    resolve_values(total.value, inherit_units(total, text), info.parts)

    def fill(parts: list[Part], currency: str) -> None:
        for p in parts:
            p.text = text[p.start:p.end]
            if p.bare or p.share is not None:
                p.currency = currency
            fill(p.parts, p.currency)

    fill(info.parts, total.currency)
    cover_parts(info.parts)


def _word_in(text: str, lo: int, hi: int, words) -> bool:
    """One of ``words`` in text[lo:hi] as a word of its own, no letter glued before it ("등 5024억원",
    not the 등 of a name: "영등천 61억원")."""
    for w in words:
        at = text.find(w, lo, hi)
        while at >= 0:
            if at == 0 or not text[at - 1].isalpha():
                return True
            at = text.find(w, at + 1, hi)
    return False


def _stated_total(fact: Fact, text: str, sentence_start: int, forms: AttachForms) -> bool:
    """An amount stated as the whole: "총 398억원", "총사업비 150억원"."""
    a = fact.amount
    # the word may stand before the amount's label: "… 등 총 사업비 35억여원이"
    label_at = text.rfind(fact.label, max(sentence_start, a.start - len(fact.label) - 4),
                          a.start) if fact.label else -1
    return (fact.label in checks.TOTAL_LABELS
            or _word_in(text, max(sentence_start, a.chain_start - 3, a.start - 6), a.start,
                        forms.total_words)
            or label_at >= 0 and _word_in(text, max(sentence_start, label_at - 3), label_at,
                                          forms.total_words)
            or forms.list_total_before.search(text, max(sentence_start, a.head - 24), a.head) is not None)


def _bracket(text: str, pos: int, lo: int) -> tuple[int, int] | None:
    """The bracket (open, close) that ``pos`` stands in, opened after ``lo``; None outside one."""
    depth, at = 0, pos - 1
    while at >= lo:
        ch = text[at]
        if ch in ")）":
            depth += 1
        elif ch in "(（":
            if depth == 0:
                break
            depth -= 1
        at -= 1
    else:
        return None
    close = _BRACKET_CLOSE.search(text, pos)
    return (at, close.start()) if close is not None else None


def _bracket_item(a: Amount, period: FoundPeriod, text: str, attach: AttachForms) -> bool:
    """A period and then the amount, alone in one bracket (a short name may open it): "…개선공사
    (2020년 5월 준공예정 7억원)", "(밤머리재 터널 2021년 12월 준공예정 1027억원)"."""
    opened = text.rfind("(", max(0, period.text_start - 16), period.text_start)
    head = text[opened + 1:period.text_start]  # a name before it: "(밤머리재 터널 2021년 12월 …"
    return (opened >= 0 and not any(c.isdigit() or c in ")）" for c in head)
            and a.head >= period.text_end and text[a.end:a.end + 1] == ")"
            and attach.item_period_then.fullmatch(text, period.text_end, a.head) is not None)


def _same_item(a: Amount, period: FoundPeriod, text: str, lo: int) -> bool:
    """An amount and a period after it in one bracket: "(3.66㎞.95억원.2012년 준공)"."""
    inside = _bracket(text, a.start, lo)
    return (inside is not None and a.end <= period.text_start and period.text_end <= inside[1]
            and _bracket(text, period.text_start, lo) == inside)


def _broken_down(a: Amount, owners: dict, period: FoundPeriod, text: str, lo: int) -> bool:
    """An amount in a bracket closed before the period, opened right after another amount."""
    inside = _bracket(text, a.start, lo)
    if inside is None or inside[1] >= period.text_start:
        return False
    return before_spaces(text, inside[0], lo) in owners


def _beside(a: Amount, period: FoundPeriod, text: str, attach: AttachForms) -> bool:
    """An amount right before a period: "(250억 원)을 2030년 완료 목표로", its own bracket passed
    over ("160억(국비140억·군비20억)에 대해 2017년부터")."""
    if a.end > period.text_start:
        return False
    return any(attach.right_before.fullmatch(text, at, period.text_start) is not None
               for at in {a.end, _past_bracket(text, a.end, period.text_start)})


def _right_after(f: Fact, period: FoundPeriod, text: str, attach: AttachForms, sentence_end: int,
                 verb) -> bool:
    """An amount right after a period (a cap's 최대 aside) with money secured or given after it;
    its parts listed first stand in for it ("향후 4년간 국비 50억 원과 지방비 33.4억 원 등 총 83.4억 원을
    확보")."""
    a = f.amount
    head = a.head
    if period.verb_only or a.bound not in (None, "max") or period.text_end > head:
        return False
    if f.split is not None:
        listed = [p.start for p in f.split.parts if period.text_end <= p.start < head]
        if listed and attach.parts_then.fullmatch(
                text, max(p.end for p in f.split.parts if p.start < head), head) is not None:
            head = min(listed)
    if attach.duration_then.fullmatch(text, period.text_end, head) is None:
        return False
    after = _past_bracket(text, a.end, sentence_end)  # its parts in brackets aside
    end = min(sentence_end, after + 40)
    return (attach.secured.search(text, after, end) is not None or verb.search(text, after, end) is not None
            or attach.budget_after.match(text, after) is not None  # "…(…)의 사업비로 추진 중"
            or attach.line_ends.match(text, a.end) is not None)  # "…50곳 3년간 5천억⏎": a headline's


def _listed_after_rate(f: Fact, window: list[Fact], text: str, forms, attach: AttachForms) -> bool:
    """An amount in a list whose first item is a yearly rate (the list's per word stands before
    it only): the list's items are rates too."""
    i = window.index(f)  # (every amount the period may take stands in its window)
    while i > 0:
        prev = window[i - 1]
        if forms.list_gap.fullmatch(text, prev.amount.end, window[i].amount.start) is None:
            return False
        if prev.amount.per in attach.rate_pers:
            return True
        i -= 1
    return False


def _each(a: Amount, text: str, attach: AttachForms) -> bool:
    """An amount each one gets or an average ("평균 100억원씩"): no period's."""
    head = a.head
    return (attach.average_before.search(text, max(0, head - 8), head) is not None
            or attach.each_after.match(text, a.end) is not None)


def _rate_target(free: list[Fact], period: FoundPeriod, text: str, sentence: tuple[int, int],
                 forms, attach: AttachForms) -> Fact | None:
    """The amount a period governs when its sentence holds only a yearly rate or an amount
    each one gets ("…씩"; not an average: "평균 100억원씩"), money spent (a funding verb after
    it, or a spent label): the first after the period, else the last before it.  Not a
    forecast ("세입규모는 연평균 4천961억원으로 예상")."""
    def average(a: Amount) -> bool:
        return attach.average_before.search(text, max(0, a.start - 8), a.start) is not None
    rates = [f for f in free if f.amount.change is None
             and (f.amount.per in attach.rate_pers
                  or f.amount.per is None and attach.each_after.match(text, f.amount.end) is not None
                  and not average(f.amount)
                  # a place's share, not a cap per item ("과제당 최대 15억 원을 지원" takes none) nor
                  # an average over places ("센터당 평균 14억3000만원의 연구비가 … 최장 9년간")
                  or f.amount.per in attach.rate_pers_uncapped and f.amount.bound is None
                  and not average(f.amount))
             and not _one_year(f.amount, period, text, sentence[0], attach)
             and (f.label in attach.spent_labels
                  or forms.funding_verb.search(text, f.amount.end, sentence[1]) is not None)]
    after = [f for f in rates if f.amount.start >= period.text_end]
    before = [f for f in rates if f.amount.end <= period.text_start]
    return after[0] if after else before[-1] if before else None


def _one_year(a: Amount, period: FoundPeriod, text: str, sentence_start: int,
              attach: AttachForms) -> bool:
    """A year written right before the amount, not a part of the period: one year's figure."""
    head = a.head
    year = attach.year_before.search(text, max(sentence_start, head - 12), head)
    if period.text_end <= head and attach.year_topic.search(text, period.text_end, head) is not None:
        return True  # "…2012년까지 9개년 계획을 수립해 …, 올해는 7개 마을에 74억원을": that year's
    return year is not None and not period.text_start <= year.start() < period.text_end


def _spent(a: Amount, period: FoundPeriod, sentence_end: int, text: str, verb) -> bool:
    """Money spent over an open period: no cap (최대 …, … 이하), and a funding verb after it —
    before the period when the amount comes first ("7억 원이 투입될 예정이며 … 내년부터")."""
    if a.end <= period.text_start:  # the verb between them, or right after the period
        end = min(sentence_end, period.text_end + 12)
    else:  # past the amount's own bracket: "5년간 446.7억원(국비 150, …, 지자체 65.5)이 투입될"
        end = min(sentence_end, _past_bracket(text, a.end, sentence_end) + 40)
    return a.bound is None and verb.search(text, a.end, end) is not None


def _item_cost(a: Amount, text: str, attach: AttachForms) -> bool:
    """An amount alone in a bracket after a name: "성서행정타운(1200억원)" (an item's cost)."""
    return (attach.item_open.search(text, max(0, a.head - 12), a.head) is not None
            and _CLOSE_AFTER.match(text, a.end) is not None)


_CLOSE_AFTER = patterns.compile(r"[ \u00a0]*[)）]")


def _past_bracket(text: str, pos: int, limit: int) -> int:
    """The end of a bracket opened right after ``pos`` (spaces aside), else ``pos``."""
    at = pos
    while at < limit and text[at] in " \u00a0":
        at += 1
    if at >= limit or text[at] not in "(（":
        return pos
    close = _BRACKET_CLOSE.search(text, at, limit)
    return close.end() if close is not None else pos


_BRACKET_CLOSE = patterns.compile(r"[)）]")


def _twin_period(target: Fact, facts: list[Fact], starts: list[int], text: str, attach: AttachForms) -> None:
    """A foreign amount's won twin in the bracket after it ("127억달러(16조원)") is the same money
    over the same period."""
    if target.amount.currency == "KRW":
        return
    at = bisect.bisect_right(starts, target.amount.start)
    twin = facts[at] if at < len(facts) else None
    if (twin is not None and twin.period is None and twin.amount.currency == "KRW"
            and attach.twin_open.fullmatch(text, target.amount.end, twin.amount.start) is not None):
        twin.period = target.period


def _attach_periods(periods: list[FoundPeriod], facts: list[Fact], sentences: Sentences,
                    text: str, forms, attach: AttachForms) -> None:
    """A period goes to an amount of its own sentence: the stated total after it, the amount
    spent right before it, the first one after it that is not a per-unit rate, else the
    nearest one before it; a closed span is placed before an open end.  Amounts listed with the
    one it takes ("국비 230억원, 민자 200억원을") get it too."""
    starts = [f.amount.start for f in facts]  # facts are in text order
    def opening(p: FoundPeriod) -> bool:  # "올해 말까지 총 1조3077억원을": the money it opens
        at = bisect.bisect_left(starts, p.text_end)
        return at < len(facts) and attach.right_after.fullmatch(
            text, p.text_end, facts[at].amount.chain_start) is not None

    for period in sorted(periods, key=lambda p: (not opening(p), -p.rank, p.text_start)):
        cell = bisect.bisect_left(starts, period.text_end)
        if cell < len(facts) and facts[cell].period is None and attach.cell_then.fullmatch(
                text, period.text_end, facts[cell].amount.start) is not None:
            facts[cell].period = period  # "‘19~’23 |⏎104 |": a row's period cell, then its total
            continue
        s_start, s_end = sentences.span(period.text_start)
        window = facts[bisect.bisect_left(starts, s_start):bisect.bisect_left(starts, s_end)]
        joint = None if window or s_start == 0 else attach.headline_joint.search(
            text, max(0, s_start - 8), s_start)
        if joint is not None and joint.start() > 0:  # "…건립…2022년 준공": the clause before's
            s_start = sentences.span(joint.start() - 1)[0]
            window = facts[bisect.bisect_left(starts, s_start):bisect.bisect_left(starts, s_end)]
        elif not window and s_end < len(text) and attach.headline_joint.search(
                text, max(s_start, s_end - 8), s_end):
            # "옥천군 2025년까지 재해위험 걷어낸다…734억원 투입": the clause after's money
            s_end = sentences.span(s_end)[1]
            window = facts[bisect.bisect_left(starts, s_start):bisect.bisect_left(starts, s_end)]
        free = [f for f in window if f.period is None and f.fiscal_year is None
                # a past duration governs what follows it: "…917억원을 들여 …, 지난 8년간 중단돼"
                and not (period.verb_only and f.amount.start < period.text_end)
                and (not period.funded or f.label in attach.spent_labels and not period.verb_only
                     or _spent(f.amount, period, s_end, text, forms.funding_verb)
                     or _beside(f.amount, period, text, attach) and not period.verb_only
                     # right after the period, money secured or given, a cap too: "3년간 총
                     # 22억8000만원(…)의 예산을 확보", "5년간 최대 250억원의 국비를 지원받아"
                     or _right_after(f, period, text, attach, s_end, forms.funding_verb)
                     # a work's cost in brackets after its name: "다목적체육관(122억원)을 건립"
                     or attach.built_after.match(text, f.amount.end) is not None
                     # a headline's money secured before its ellipsis: "총96억원 확보...2018년 완공"
                     # (the project's, not a grant's: "국비 25억 원 확보…2015년 개통")
                     or joint is not None and (f.label is None or f.label in attach.spent_labels)
                     and (attach.secured.search(text, f.amount.end, min(joint.start(), f.amount.end + 12))
                          or forms.funding_verb.search(  # "747억원 투입…2009년 완공": spent
                              text, f.amount.end, min(joint.start(), f.amount.end + 12))) is not None
                     or _same_item(f.amount, period, text, s_start)
                     or _bracket_item(f.amount, period, text, attach)
                     # the one amount of its sentence, a target after it: "(한우 20ha, 529억원) …
                     # 2027년 완료를 목표로 추진"
                     or len(window) == 1 and joint is None and period.end is not None
                     and f.amount.end <= period.text_start
                     # (not a grant secured: "도비 51억원을 확보했으며, 2027년 7월 준공을 목표로")
                     and (f.label is None or f.label in attach.spent_labels or attach.secured.search(
                         text, f.amount.end, min(s_end, f.amount.end + 12)) is None)
                     or attach.own_bracket.fullmatch(text, f.amount.end, period.text_start) is not None)]
        here = [f for f in free if f.amount.per is None and f.amount.change is None
                # nor a threshold in brackets with the period outside them ("…사업은
                # 연안관리법(100억 이상 국가시행)에 의거 … 오는 10월에 착공해 2018년에 준공")
                and not (f.amount.bound == "min" and (inner := _bracket(text, f.amount.start, s_start))
                         is not None and not inner[0] < period.text_start < inner[1])
                # nor the base of a share written after it ("…1조1천4백억원의 30%인 3천5백억원")
                and not attach.share_base.match(text, f.amount.end)
                # nor an economic effect ("14조원의 생산유발")
                and not attach.effect_after.match(text, f.amount.end)
                # a rate (매년 …) or a difference ("계획보다 422억 원 늘어난") takes no period
                and not _each(f.amount, text, attach)
                # nor an amount listed after a yearly one, which the list's 연간 governs too ("연간
                # 산업체 3억5000만원, 대학 5억3000만원, … 등 … 최장 9년간 지원받게")
                and not _listed_after_rate(f, window, text, forms, attach)
                # nor one year's figure ("…을 시작으로 지난해 28억원, 올해 30억원"), a year that
                # ends this period aside ("2025~2028년 1,870억원")
                and not _one_year(f.amount, period, text, s_start, attach)]
        # an amount after another period of the sentence is that one's ("계획(2028~2037) 수립
        # 2018~2027년 1차 사업 5613억원"): the nearer period governs it, unless a bracket it
        # stands in closes first ("(…2002년 완공)과 …(…2006년 완공)에도 각각 1조원, 2조원")
        later = [q for q in periods if q is not period and q.rank >= period.rank
                 and period.text_end <= q.text_start < s_end]
        after = [f for f in here if f.amount.start >= period.text_end and not any(
            q.text_end <= f.amount.start and not _BRACKET_CLOSE.search(text, q.text_end, f.amount.start)
            # "…, 종로구도 1880억원을 투입해 2020년까지": spent right before a later period
            or f.amount.end <= q.text_start and attach.spent_then.fullmatch(
                text, f.amount.end, q.text_start) is not None
            for q in later)]
        # amounts before the next period of the sentence come first, bracket or not: "1차
        # 사업(2015~2019년)으로 … 3,310억원이, 2차 사업(2020~2024년)은 총 5,376억이"
        after = [f for f in after if not any(q.text_start <= f.amount.start for q in later)] or after
        before = [f for f in here if f.amount.end <= period.text_start
                  and not attach.gapped_subject.search(text, f.amount.end, period.text_start)]
        # "총 소요사업비는 약 38억(공사비 11억원, 보상비 27억원)으로 지난해 착공해": the figures
        # of a bracket closed before the period are its owner's breakdown, not the period's
        owners = {f.amount.end: f for f in before}
        before = [f for f in before if not _broken_down(f.amount, owners, period, text, s_start)]
        own = [f for f in before if not attach.clause_end.search(text, f.amount.end, period.text_start)]
        if own and after and (attach.clause_end.search(text, period.text_end, after[0].amount.start)
                              # "…314억원을 투입해, … 2021년 완공, '보육타운'은 … 15억원을 들여"
                              or attach.new_topic.search(text, period.text_end, after[0].amount.start)):
            after, before = [], own  # the period's own clause has an amount: it is that one's
        elif after:  # "내년부터 … 80억원 중 50억원을 국비로 충당하고, … 사업비 1028억원도": its clause's
            after = [f for f in after if not attach.clause_end.search(
                text, period.text_end, f.amount.start)] or after
        # "2030년까지 A(1200억원), B(800억원) 등 24건을 매각해 4817억원을 확보": items' costs in
        # brackets give way to the money after them outside any bracket
        plain = [f for f in after if not _item_cost(f.amount, text, attach)]
        if plain and len(plain) < len(after):
            after = plain
        # "…까지 … 288억원에서 도비 110억원을 늘려 총 398억원을 투입": the total stated with 총
        stated = [f for f in after if _stated_total(f, text, s_start, attach)]
        total = stated or [f for f in after if f.split is not None]
        total_before = [f for f in before if _stated_total(f, text, s_start, attach)]
        # "133억 원을 투입해 오는 2025년까지 …": the amount spent right before the period
        spent = before[-1] if before and attach.spent_then.fullmatch(
            text, before[-1].amount.end, period.text_start) else None
        if after and attach.right_after.fullmatch(text, period.text_end, after[0].amount.chain_start):
            spent = None  # "…을 확보해 3년간 2천400억원을": the amount the period opens

        # "2003년 착공하여 … 총사업비 417억원을 투자하여 … 2009년 준공": the amount it spans
        inside = [f for f in here if period.text_start <= f.amount.start < period.text_end
                  # not a first year's figure it starts with: "내년 3417억원을 시작으로 최대 3년간"
                  and attach.year_before.search(text, max(s_start, f.amount.head - 12),
                                                f.amount.head) is None]
        inside = [f for f in inside if _stated_total(f, text, s_start, attach)] or inside
        target = (inside[0] if inside else total[0] if total else spent
                  or (after[0] if after else None)
                  or (total_before[-1] if total_before else before[-1] if before else None))
        if after and attach.closed_then.fullmatch(text, period.text_end, after[0].amount.head):
            target = after[0]  # "2차 정비기간(2010~2019) 60억원이 …, 총 384억원": the phase's money
        # "선박(101억 원, 2020~2025년 총 1,603억 원)", "(’24년 2,780억원, 3년간 약 8,400억원)": an
        # amount right after the period is the money spent over it, whatever bracket or item the
        # period stands in
        opens = bool(after) and attach.right_after.fullmatch(
            text, period.text_end, after[0].amount.chain_start) is not None
        if not before or opens:
            pass
        elif attach.item_then.fullmatch(text, before[-1].amount.end, period.text_start):
            target = before[-1]  # "총 325억원 / ‘20.12∼’24.11 / …": an item's own period
        elif attach.own_bracket.fullmatch(text, before[-1].amount.end, period.text_start):
            target = before[-1]  # "국비 10억원(캠핑장, ’13~’14)": in the amount's own bracket
        elif (_same_item(before[-1].amount, period, text, s_start)
              or _beside(before[-1].amount, period, text, attach) and not (
                  # "…(40억 원)으로 5년간 국비 154억 원이 지원될": the amount it opens
                  after and attach.duration_then.fullmatch(
                      text, period.text_end, after[0].amount.head) is not None)):
            target = before[-1]  # "(3.66㎞.95억원.2012년 준공)", "(127억원)을 2012년까지 준공"
        if target is None:
            # nothing else of its sentence takes it: a yearly rate or an amount each one gets
            # does ("앞으로 10년 동안 연평균 1조 9천억 원", "3년간 마을당 5억원이 각각 지원")
            target = _rate_target(free, period, text, (s_start, s_end), forms, attach)
            if target is not None:
                target.period = period
            continue
        installments = _installments_of(target, after, before, text, s_start, attach)
        if installments is not None:
            installments.period = period  # "총 60억원이 … 2018년까지 6억원, 34억원, 20억원 등 연차적으로"
            continue
        target.period = period
        _twin_period(target, facts, starts, text, attach)
        parallel = attach.object_listed.match(text, target.amount.end) is not None
        if target in after and (parallel or attach.spent_then.match(text, target.amount.end)):
            # "2020년까지 4932억원을 투입해 공항을 건설하고 2938억원을 들여 항만을 완료해": each
            # clause spending under the period before them (or each object of one verb: "…에 민자
            # 8조원을, …에 민자 1조원을 유치할")
            then = attach.object_then if parallel else attach.spent_then
            for mate in after[after.index(target) + 1:]:
                if (mate.period is not None or then.match(text, mate.amount.end) is None
                        or attach.clause_end.search(text, target.amount.end, mate.amount.start)
                        or forms.year_token.search(text, target.amount.end, mate.amount.start)
                        or attach.time_shift.search(text, target.amount.end, mate.amount.start)
                        # (parallel objects name their places as topics: "상삼마을에 … 18억원을,
                        # 용목마을에는 20억원을 투입")
                        or not parallel and attach.new_topic.search(text, target.amount.end, mate.amount.start)):
                    break  # (a year between starts another time: "…했으나, 올해 다시 5000만 원을 들여",
                    # so does a word of time: "…재생사업은 현재 2300억원이 투입됐으며";
                    # so does a clause of another topic: "…설치하고 전의지구도 39억원을 들여")
                mate.period = period
        if (target in after and not stated and (not total or target.split is not None)
                and not attach.modifies_next.match(text, period.text_end)):
            last = target  # (items each with its own split share it too: "척지마을에 19억
            # 2900만 원(국비 70%, 지방비 30%), 구사마을에 18억 4500만 원(…)을 들여")
            for mate in after[after.index(target) + 1:]:
                if (mate.split is None) != (target.split is None) or not forms.list_gap.fullmatch(
                        text, last.amount.end, mate.amount.start):
                    break
                mate.period, last = period, mate
        elif before and target is before[-1]:
            # "문화·관광시설 3천 여억원, ⏎ 녹색·친환경 시설 2천 800여 억원, ⏎ … 등으로 오는 2020년까지":
            # the amounts listed before the one the period follows share it
            first = target
            for mate in reversed(before[:-1]):
                if mate.period is not None or (mate.split is None) != (target.split is None) \
                        or not forms.list_gap.fullmatch(text, mate.amount.end, first.amount.start):
                    break
                mate.period, first = period, mate
        if before and target in before:
            i = window.index(target)
            if attach.item_gap.match(text, target.amount.end):
                # "안전관(사업비 270억원), 배후단지(443억원), 터미널(809억원) 등이 올해 안에 들어선다":
                # works listed with their costs in brackets share the period after the list
                _share_along(window[i + 1:], target, period, lambda last, mate: (
                    mate.amount.start < period.text_start
                    and attach.item_gap.fullmatch(text, last.amount.end, mate.amount.start)))
            if _BRACKET_CLOSE.search(text, target.amount.end, period.text_start):
                # …and so do the works before it in that list, when the period comes after the last:
                # "확충사업(총 210억원)과 정비사업(총 189억원)은 2025년에 … 2027년까지"
                _share_along(reversed(window[:i]), target, period, lambda last, mate: (
                    attach.item_gap.fullmatch(text, mate.amount.end, last.amount.start)))


def _share_along(mates, target: Fact, period: FoundPeriod, joined) -> None:
    """Give ``period`` to each of ``mates`` in turn, from ``target`` on, while ``joined(last,
    mate)`` holds and the mate is a plain amount like the target with no period of its own."""
    last = target
    for mate in mates:
        if (mate.period is not None or mate.fiscal_year is not None or mate.amount.per is not None
                or (mate.split is None) != (target.split is None) or not joined(last, mate)):
            break
        mate.period, last = period, mate


def _items_of_total(facts: list[Fact], sentences: Sentences, text: str,
                    attach: AttachForms) -> None:
    """The amounts right after a total with a period, in its sentence, that add up to it exactly
    are its items and share its years ("오는 2025년까지 439억원을 투입해 △…정비사업(421억원) △…
    정비사업(18억원)을 추진") — not the money spent so far and left for later ("…재생사업은 현재
    2300억원이 투입됐으며 앞으로 400억원 가량의 재원만 남겨둔": a word of another time before them)."""
    for i, f in enumerate(facts):
        a = f.amount
        if f.period is None or a.per is not None or a.high is not None or a.change:
            continue
        s_end = sentences.span(a.start)[1]
        items: list[Fact] = []
        added = 0
        for g in facts[i + 1:]:
            b = g.amount
            if (b.start >= s_end or g.period is not None or b.per is not None or b.high is not None
                    or b.currency != a.currency or added + b.value > a.value):
                break
            items.append(g)
            added += b.value
            if added == a.value:
                break
        gap = text[a.end:items[0].amount.start] if items else ""
        if gap.lstrip().startswith(("(", "（")) and not any(c in gap for c in ")）"):
            continue  # "480억 원(공사비 400억․부지비 80억)": the total's own breakdown, no works
        if (len(items) >= 2 and added == a.value
                and not attach.time_shift.search(text, a.end, items[0].amount.start)
                # (not a total's installments after its period: "총 60억원이 … 2018년까지 6억원,
                # 34억원, 20억원 등 연차적으로")
                and not a.end <= f.period.text_start < items[0].amount.start):
            for g in items:
                g.period = f.period


def _installments_of(target: Fact, after: list[Fact], before: list[Fact], text: str,
                     s_start: int, attach: AttachForms) -> Fact | None:
    """The stated total before a period whose figures after it, from its target on, add up to it
    exactly: those are the total's installments over the years, and the period is the total's
    ("생태공원은 총 60억원이 투입될 예정으로 … 2018년까지 6억원, 34억원, 20억원 등 연차적으로")."""
    if target not in after:
        return None
    sums: list[Decimal] = []  # the run's sums from its second figure on
    added = Decimal(0)
    for f in after[after.index(target):]:
        if f.amount.currency != target.amount.currency:
            break
        added += f.amount.value
        sums.append(added)
    for total in sums[1:]:
        whole = next((t for t in before if t.amount.value == total and t.period is None
                      and t.amount.currency == target.amount.currency
                      and _stated_total(t, text, s_start, attach)), None)
        if whole is not None:
            return whole
    return None


def _total_of_stages(facts: list[Fact], sentences: Sentences, text: str,
                     attach: AttachForms) -> None:
    """A total written right after the stages that add up to it exactly, each with its own years,
    spans them ("1단계(95년-2000년) 4천억원, 2단계(2001년-2010년) 1조8천4백50억원, 3단계(2011년-2020년)
    1조3천9백억원 등 모두 3조6천3백50억원": 1995–2020; "2022년 60억원, 2023년 80억원 등 총 140억원":
    2022–2023, a year written right before each); a duration written for it must agree ("…등
    10년간 총10조원" after stages of 92–97 and 97–2001)."""
    def years_of(g: Fact) -> tuple[int, int, int] | None:
        """A stage's first and last year, and where they are written."""
        p = g.period
        if p is not None:
            return (p.start, p.end, p.text_start) if p.start is not None and p.end is not None else None
        m = ending_at(attach.year_before, text, max(0, g.amount.head - 12), g.amount.head)
        return (int(m.group("y")), int(m.group("y")), m.start()) if m is not None and m.group("y") else None

    for i, f in enumerate(facts):
        a, own = f.amount, f.period
        if (i < 2 or a.per is not None or a.high is not None or a.change
                or own is not None and (own.start is not None or own.end is not None)):
            continue
        s_start = sentences.span(a.start)[0]
        stages: list[tuple[Fact, tuple[int, int, int]]] = []  # nearest first
        added = Decimal(0)
        for j in range(i - 1, -1, -1):
            g = facts[j]
            b = g.amount
            if b.start < s_start or b.currency != a.currency or b.per is not None or added + b.value > a.value:
                break
            years = years_of(g)
            if years is None:
                break
            stages.append((g, years))
            added += b.value
            if added == a.value:
                break
        if (len(stages) < 2 or added != a.value
                or not attach.stages_then.fullmatch(text, stages[0][0].amount.end, a.start)):
            continue  # (the total right after its stages: "…, 2023년 80억원 등 총 140억원")
        first = min(y0 for _, (y0, _, _) in stages)
        last = max(y1 for _, (_, y1, _) in stages)
        if own is not None and own.years is not None and own.years != last - first + 1:
            continue  # a duration of its own that the stages do not make
        if first == last:
            continue  # one year's money in pieces: no span
        singles = sorted(y0 for _, (y0, y1, _) in stages if y0 == y1)
        if len(singles) == len(stages) and singles != list(range(first, last + 1)):
            continue  # years skipped or repeated ("2024년 …, 2025년 …, 2027년 … 등 총"): no span of them
        nearest = stages[0][0]
        hi = nearest.period.text_end if nearest.period else nearest.amount.end
        f.period = FoundPeriod(first, last, last - first + 1, own.years if own else None,
                               stages[-1][1][2], hi, rank=3)


def _respective_years(facts: list[Fact], sentences: Sentences, text: str, forms,
                      attach: AttachForms) -> None:
    """Years paired in order with as many amounts listed right before them ("각각 1조4천5백억원과
    3천4백20억원을 들여 2004년과 2001년에 각각 완성"): each amount's own end year.  Looked for
    only after amounts listed together, in their sentence."""
    listed: list[Fact] = []  # the run of amounts joined as one list, ending at the current one
    for i, f in enumerate(facts):
        a = f.amount
        if f.period is not None or a.per is not None or a.change is not None:
            listed = []
            continue
        joined = listed and forms.list_gap.fullmatch(text, listed[-1].amount.end, a.start)
        listed = [*listed, f] if joined else [f]
        if len(listed) < 2:
            continue
        m = attach.respective_years.search(text, a.end, sentences.span(a.start)[1])
        years = m.captures("y") if m is not None else ()
        if len(years) != len(listed) or i + 1 < len(facts) and facts[i + 1].amount.start < m.start():
            continue  # as many years as amounts, and no other amount between them
        for g, year, y0, y1 in zip(listed, years, m.starts("at"), m.ends("at")):
            g.period = FoundPeriod(None, int(year), None, None, y0, y1, rank=1)
        listed = []


def _respective_periods(periods: list[FoundPeriod], facts: list[Fact], sentences: Sentences,
                        text: str, forms, attach: AttachForms) -> None:
    """Works listed each with its period in its bracket, then 각각 and as many amounts in a row
    ("천안∼논산 고속도로(…·2002년 12월 완공)와 일산∼퇴계원간 순환도로(…·2006년 완공)에도 민자가
    각각 1조1900억원, 1조4000억원이 든다"): the i-th period is the i-th amount's."""
    for i, f in enumerate(facts):
        m = attach.respective_before.search(text, max(0, f.amount.start - 8), f.amount.start)
        if m is None:
            continue
        listed = [f]
        for g in facts[i + 1:]:
            if not forms.list_gap.fullmatch(text, listed[-1].amount.end, g.amount.start):
                break
            listed.append(g)
        s_start = sentences.span(f.amount.start)[0]
        bracketed = [p for p in periods if s_start <= p.text_start and p.text_end <= m.start()]
        if (len(listed) < 2 or len(bracketed) != len(listed)
                or any(_bracket(text, p.text_start, s_start) is None for p in bracketed)):
            continue
        for g, period in zip(listed, sorted(bracketed, key=lambda p: p.text_start)):
            g.period = period


# --- to the contract's objects ---------------------------------------------------------------

def _split_objects(parts: list[Part], rates) -> tuple[Split, ...]:
    return tuple(
        Split(label=p.label, category=p.category, text=p.text, start=p.start, end=p.end,
              value=whole(p.value), currency=p.currency, krw=krw_of(p.value, p.currency, rates),
              share=p.share, splits=_split_objects(p.parts, rates))
        for p in parts if p.value is not None
    )


def _mention(fact: Fact, text: str, lines: Lines, rates) -> Mention:
    a = fact.amount
    line, column = lines.position(a.start)
    rng = None
    if a.high is not None:
        rng = Range(a.value, a.high, krw_of(a.value, a.currency, rates),
                    krw_of(a.high, a.currency, rates))
    period = None
    if fact.period is not None:
        p = fact.period
        period = Period(p.start, p.end, p.years, text[p.text_start:p.text_end], p.text_start,
                        p.text_end)
    return Mention(
        text=text[a.start:a.end], start=a.start, end=a.end, line=line, column=column,
        currency=a.currency, value=whole(a.value), krw=krw_of(a.value, a.currency, rates),
        approximate=a.approximate, bound=a.bound, range=rng, per=a.per, change=a.change,
        label=fact.label, fiscal_year=fact.fiscal_year,
        splits=_split_objects(fact.split.parts, rates) if fact.split else (),
        period=period, findings=tuple(fact.findings), rule=a.rule,
    )


def extract(text: str, *, doc_date: dt.date | str | int | None = None,
            rates: dict[str, Decimal] | None = None, config: Config | None = None) -> list[Mention]:
    """Every monetary mention in ``text``, with splits, periods and findings attached.

    ``doc_date`` resolves relative years (올해, 내년); without it the date a header states is
    used.  ``rates`` ({"USD": Decimal("1380.5")}) fill ``krw`` for foreign currency.
    """
    if not isinstance(text, str):
        raise TypeError(f"extract() takes a str, not {type(text).__name__}")
    analysis = analyse(text, doc_date, config, full=False)
    lines = analysis.lines or Lines(text)
    facts = analysis.facts
    del analysis  # (its findings: those of the facts, which the mentions keep, and the document's)
    with localcontext(EXACT):
        mentions = []
        for i, fact in enumerate(facts):
            mentions.append(_mention(fact, text, lines, rates))
            facts[i] = None  # each fact goes as its mention comes: a big text holds one set at once
    del facts, lines  # before the record finder's pass (a big text's peak)
    from fundparse import records  # on first use: `check` never needs it (~3 ms of its start)
    return records.attach(text, mentions, config)  # agency/project/region (fundparse.records)


def check(text: str, *, doc_date: dt.date | str | int | None = None,
          config: Config | None = None, lang: str | None = None) -> list[Finding]:
    """Every consistency finding in ``text``; messages in Korean, or English with lang="en".
    ``message_en`` always holds the English one."""
    if not isinstance(text, str):
        raise TypeError(f"check() takes a str, not {type(text).__name__}")
    from fundparse.suppress import filter_findings

    findings = filter_findings(analyse(text, doc_date, config).findings, text, config=config)
    if lang == "en":
        findings = [replace(f, message=f.message_en or f.message) for f in findings]
    return findings


class AmountError(ValueError):
    """``parse_amount`` was given text that is not one monetary amount."""


def parse_amount(text: str, *, rates: dict[str, Decimal] | None = None):
    """Parse one monetary expression into a Mention.

    >>> parse_amount("1억 9,000만 원").krw
    190000000
    >>> parse_amount("3 달러 50 센트").value
    Decimal('3.5')
    """
    mentions = extract(text, rates=rates)
    if not mentions:
        raise AmountError(f"no monetary amount in {text!r}")
    if len(mentions) > 1:
        raise AmountError(f"more than one amount in {text!r}: " +
                          ", ".join(m.text for m in mentions))
    return mentions[0]
