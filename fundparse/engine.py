"""The engine: text -> Amounts.  Prefilter, numerals, rules, overlaps, ranges, markers.

1. One compiled pattern finds *numeral runs*: Arabic digits (with the Hangul units around them)
   or Hangul/Hanja numerals that stand before a currency word.  Text without such a run costs
   one regex scan and nothing else.
2. ``numerals.parse_numerals`` splits each run into valid numerals with exact values.
3. Every rule in ``rules.money.RULES`` is tried on every numeral; the longest result wins
   (then the earlier rule).  Overlapping results across numerals resolve the same way, and
   "12억원 5천만원" (원 written twice) becomes one amount.
4. ``rules.context`` adds the bare figures their sentence makes money (parts adding up to a
   won total, items of a list with a currency, a range's bare high end) and drops bare ones
   that count people or space ("인구 1억에서 2억으로").
5. Neighbouring amounts joined by ~ / 에서 become ranges ("100~200억 원").
6. Marker words around each amount set approximate / bound / per / change, and exchange-rate
   quotes are dropped.
"""

from __future__ import annotations

import bisect
import contextlib
import json
import re
import weakref
from collections import OrderedDict
from collections.abc import Container
from dataclasses import dataclass, fields
from decimal import Decimal

import regex

from fundparse import patterns
from fundparse.numerals import (
    APPROX_INFIX,
    ARABIC,
    DIGIT_CHARS,
    NUMERAL_CHARS,
    UNIT_CHARS,
    Numeral,
    FRACTION_CHARS,
    hangul_digit,
    parse_hangul_decimal,
    parse_numeral,
    parse_numerals,
)
from fundparse.rules.markers import (
    RANGE_DASH,
    MarkerPatterns,
    compile_markers,
    is_exchange_rate,
    is_vague,
    read_across_label,
    read_per_slash,
    read_prefixes,
    read_suffix,
)
from fundparse.amount import Amount
from fundparse.model import whole
from fundparse.rules.money import RULES, S, WORD_END, Hit, Rule, named_lists, scale_value, scale_words
from fundparse.rules.context import ContextPatterns, blocked_bare, compile_context, money_in_context
from fundparse.rules.tables import Tables, load_tables

BEFORE_WINDOW = 24  # characters a rule's `before` pattern may look back


_DIGITS = patterns.compile_re(r"[0-9\uff10-\uff19]+(?:[,.\uff0c][0-9\uff10-\uff19]+)*")
_SPACES = (" ", "\u00a0")
_NUMERAL_SET = frozenset(NUMERAL_CHARS)
_SPACED_GROUP = patterns.compile_re(r"(?<![0-9,.])([0-9]{1,3}), \Z")
_LEFT_UNIT = patterns.compile_re(r"[만억조][ \u00a0]?원")
_LEAD = patterns.compile_re(rf"(?<![가-힣])[{NUMERAL_CHARS}]+[ \u00a0]?\Z")
_CUT_DECIMAL = patterns.compile_re(r"[0-9][.．]\Z")  # a decimal point with no digit after it


def _alternation(words) -> str:
    """A regex alternation of literal words, longest first; matches nothing when empty."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) or "(?!)"


def _class(chars) -> str:
    """A regex character class body for a set of characters."""
    return "".join(regex.escape(c) for c in sorted(chars))


@dataclass(frozen=True)
class CompiledRules:
    run: regex.Pattern
    hangul_run: re.Pattern  # Hangul/Hanja numerals alone before a currency word (오천만 원)
    # the cue of hangul_run: a numeral character right before a currency word (a charset first,
    # so the scan is C-fast); hangul_run itself is tried only on the numeral stretch around one
    hangul_cue: re.Pattern
    currency_ahead: re.Pattern  # a currency word, after one optional space
    wrapped_count: regex.Pattern  # a line break, then the rest of a count (three digits or more): "⏎247명"
    currency_reach: int  # characters a currency word (and the space before it) may take
    hangul_decimal: re.Pattern  # "일점오달러", "십구쩜구구유로"
    hangul_single: re.Pattern  # a lone digit glued to some currency words: "칠파운드"
    not_single: re.Pattern  # words hangul_single never starts ("이유로")
    any_run: regex.Pattern  # any numeral run, for reading at a known position (split parts)
    after_chars: frozenset[str]  # what may follow a plain Arabic number that is money
    before_chars: frozenset[str]  # what may stand right before one (₩ $ € …)
    rules: tuple[tuple[Rule, regex.Pattern | None, regex.Pattern | None,
                       Container[str] | None, Container[str] | None], ...]
    range_gap: regex.Pattern
    # "$1~2 billion", "₩5,000~10,000": the bare high end after a symbol's range dash
    symbol_high: regex.Pattern
    level_after: regex.Pattern
    rate_base_after: regex.Pattern
    markers: MarkerPatterns
    sizes: tuple[str, ...]  # "100달러짜리", "5만 원 상당": words after a figure that is a price
    scales: dict[str, int]  # billion -> 10**9
    context: ContextPatterns  # bare figures that their sentence makes money


COMPILED_LIMIT = 32  # distinct rule-data sets whose patterns stay compiled
# content key -> patterns, oldest first; keyed by what the tables hold, never by id(): a freed
# Tables' id is reused by the next one, which would then read with the wrong words
_COMPILED: OrderedDict[str, CompiledRules] = OrderedDict()
_KEYS: dict[int, tuple[weakref.ref, str]] = {}  # id -> (the tables, their content key)


def content_key(words: Tables) -> str:
    """A frozen value that is equal exactly when two sets of tables hold the same data."""
    known = _KEYS.get(id(words))
    if known is not None and known[0]() is words:
        return known[1]
    key = json.dumps([getattr(words, f.name) for f in fields(words)],
                     sort_keys=True, ensure_ascii=False)
    ident = id(words)
    _KEYS[ident] = (weakref.ref(words, lambda _ref: _KEYS.pop(ident, None)), key)
    return key


def compiled(words: Tables) -> CompiledRules:
    """Patterns compiled once per distinct set of tables (the last COMPILED_LIMIT are kept)."""
    key = content_key(words)
    found = _COMPILED.get(key)
    if found is None:
        found = _COMPILED[key] = _compile(words)
        while len(_COMPILED) > COMPILED_LIMIT:
            _COMPILED.popitem(last=False)
    else:
        with contextlib.suppress(KeyError):  # another thread may just have let it go
            _COMPILED.move_to_end(key)
    return found


def _compile(words: Tables) -> CompiledRules:
    lists = named_lists(words)
    chars = NUMERAL_CHARS
    currency_after = list(words.currency_words) + list(words.minor_words)
    # A Hangul cluster holding a unit.  Quantifiers here are possessive (*+): a run of numeral
    # syllables can be cut into clusters in exponentially many ways, and none may be retried.
    unit = rf"(?:여{S}?)?[{DIGIT_CHARS}]*+[{UNIT_CHARS}][{chars}여]*+"
    after_chars = {w[0] for w in currency_after} | {w[0] for w in scale_words(words)}
    after_chars |= set(RANGE_DASH) | {"에", "부", "여", "w", "K"} | set(UNIT_CHARS)  # w, K: won, KRW
    before_chars = {s[-1] for s in words.currency_symbols} | set(NUMERAL_CHARS)
    run = patterns.compile(
        # a unit before the digits: 천 4백만
        rf"(?:(?<![가-힣]){unit}{S}?{ARABIC}(?:{S}?(?:{ARABIC}|{unit}))*+)"
        # digits with units after them: 281억, 1억 9,000만, 3억5천만, 300여억
        rf"|(?:{ARABIC}(?:{S}?{ARABIC})*{S}?{unit}(?:{S}?(?:{ARABIC}|{unit}))*+)"
        # plain digits only where money may follow (원, 달러, billion, ~) or precede (₩, $)
        rf"|(?:{ARABIC}(?={S}?[{_class(after_chars)}]))"
        rf"|(?:(?<=[{_class(before_chars)}]{S}?){ARABIC})"
    )
    char_sets: dict[object, Container[str]] = {}  # rules sharing one set build it once

    def chars_of(of) -> Container[str] | None:
        if not of:
            return None
        found = char_sets.get(of)
        if found is None:
            found = of(words)
            if isinstance(found, (set, list, tuple, str)):
                found = frozenset(found)
            char_sets[of] = found
        return found

    rules = tuple(
        (
            rule,
            patterns.compile(rule.before, ignore_unused=True, **lists) if rule.before else None,
            patterns.compile(rule.after, ignore_unused=True, **lists) if rule.after else None,
            chars_of(rule.follows),
            chars_of(rule.precedes),
        )
        for rule in RULES
    )
    range_gap = patterns.compile(
        rf"{S}*(?:(?P<cur>\L<cur>){S}*)?(?:(?P<dash>[{RANGE_DASH}])|(?P<word>에서|부터)){S}*",
        cur=list(words.currency_words),
    )
    symbol_high = patterns.compile(
        rf"{S}*[{RANGE_DASH}]{S}*(?P<num>{ARABIC}(?:{S}?{unit})?)"
        rf"(?:{S}?(?P<scale>\L<scales>)(?![A-Za-z]))?"
        rf"(?!{S}?(?:\L<counters>|원|\L<foreign_words>|[%％A-Za-z0-9０-９]))(?:{WORD_END})",
        **lists, ignore_unused=True,
    )
    any_run = patterns.compile(
        rf"(?:{unit}{S}?)?{ARABIC}(?:{S}?(?:{ARABIC}|{unit}))*+|[{chars}]{{2,}}+(?:{S}?[{chars}]++)*+"
    )
    currency_firsts = {w[0] for w in currency_after} - set(chars)
    currency_alternation = "|".join(re.escape(w) for w in sorted(currency_after, key=len,
                                                                 reverse=True))
    return CompiledRules(
        run=run,
        any_run=any_run,
        hangul_run=patterns.compile_re(
            rf"(?:(?<![가-힣0-9０-９.,])|(?<=금)|(?<=金))(?:[{chars}]{{2,}}+|[십백천만])(?:{S}?[{chars}]++)*+"
            rf"(?:(?<=[억조만]){APPROX_INFIX})?(?={S}?(?:"  # "천억여원": about 천억
            + currency_alternation + "))"
        ),
        # a currency word that starts with a numeral (일본 엔) never ends a stretch: the stretch
        # would run on into it
        hangul_cue=patterns.compile_re(rf"[{chars}](?:(?<=[억조만]){APPROX_INFIX})?(?={S}?[{_class(currency_firsts)}])"),
        currency_ahead=patterns.compile_re(rf"{S}?(?:{currency_alternation})"),
        wrapped_count=patterns.compile(rf"\r?\n[0-9][0-9,]{{2,}}{S}?(?:\L<counters>)", **lists,
                                       ignore_unused=True),
        currency_reach=2 + max(map(len, currency_after)),
        # the look-behinds stand after the first character, so each pattern starts with a
        # character class and the scan skips at C speed to where one can begin
        hangul_decimal=patterns.compile_re(
            rf"[{chars}영](?<![가-힣].)[{chars}영]*[점쩜][{FRACTION_CHARS}]+(?={S}?(?:"
            + "|".join(re.escape(w) for w in sorted(words.foreign_words + list(words.minor_words),
                                                    key=len, reverse=True))
            + "))"
        ),
        hangul_single=patterns.compile_re(
            rf"[{DIGIT_CHARS}](?<![가-힣0-9０-９.,].)"
            rf"(?={_alternation(words.money_words.get('single_digit_currencies', []))}"
            rf"|(?:{_alternation(words.money_words.get('single_digit_with_cents', []))})"
            rf"{S}?(?:[0-9]{{1,2}}|[{DIGIT_CHARS}십]{{1,3}}){S}?(?:{_alternation(words.minor_words)}))"
        ),
        not_single=patterns.compile_re(_alternation(words.money_words.get('not_single_digit', []))),
        after_chars=frozenset(after_chars),
        before_chars=frozenset(before_chars),
        rules=rules,
        range_gap=range_gap,
        symbol_high=symbol_high,
        # "950원에서 1천80원(13.7%)으로": the new level, after an optional parenthesis
        level_after=patterns.compile(rf"(?:{S}?[(（][^()（）\n]{{0,16}}[)）])?"
                                  rf"(?:{S}?(?:으로|로)(?![가-힣])|{S}?(?:으로|로){S}|{S}?으로)"),
        rate_base_after=patterns.compile(rf"{S}?당"),
        markers=compile_markers(words),
        context=compile_context(words),
        sizes=tuple(words.money_words["sizes"]),
        scales={w: scale_value(words, w) for w in scale_words(words)},
    )


def neighbours(text: str, start: int, end: int) -> tuple[str, str]:
    """The characters just before ``start`` and just after ``end``, past one space."""
    nxt = text[end:end + 1]
    if nxt in _SPACES or nxt == "\n" and text[end + 1:end + 2] == "원":
        nxt = text[end + 1:end + 2]  # "2천2백63억⏎원": a line broken inside the amount
    prev = text[start - 1:start] if start else ""
    if prev in _SPACES and start > 1:
        prev = text[start - 2:start - 1]
    return prev, nxt


def find_numerals(text: str, comp: CompiledRules) -> list[tuple[int, int, Numeral]]:
    """Every numeral in the text that could be money, with its absolute span.

    The prefilter: stdlib ``re`` finds digit runs and Hangul-only numerals before a currency
    word at C speed; a plain number (a year, a temperature, a count) is passed over unless a
    unit, a currency word, a scale word or a range sign follows it, or a symbol or unit
    precedes it.  Only then does the full run pattern read the numeral there.
    """
    out = []
    after_ok = comp.after_chars
    before_ok = comp.before_chars
    run_match = comp.run.match
    done = 0
    for m in _DIGITS.finditer(text):
        start, end = m.span()
        if start < done:
            continue
        prev, nxt = neighbours(text, start, end)
        if nxt not in after_ok and prev not in before_ok:
            continue
        # back up over a Hangul unit cluster before the digits ("천 4백만")
        lead = _LEAD.search(text, max(0, start - 12), start) if prev in _NUMERAL_SET else None
        if lead is not None and _CUT_DECIMAL.search(text, max(0, lead.start() - 4), lead.start()):
            continue  # "14.억 5,000만 원": the rest of a malformed figure (FP402), no amount
        run = None
        if lead is not None:
            run = run_match(text, lead.start())
        if run is None or run.end() <= start:
            run = run_match(text, start)
        if run is None:
            continue
        base = run.start()
        done = run.end()
        spaced = _SPACED_GROUP.search(text, max(0, base - 6), base) if m.group().isdigit() else None
        if spaced is not None and len(m.group()) == 3 and run.group()[3:4] in UNIT_CHARS:
            # "(1, 235백만원)": a thousands comma with a stray space after it
            joined = parse_numerals(spaced.group(1) + "," + run.group())
            if joined and joined[0].start == 0:
                out.append((spaced.start(), base + joined[0].end - len(spaced.group(1)) - 1,
                            joined[0]))
                continue
        numerals = parse_numerals(run.group())
        if any(a.end == b.start for a, b in zip(numerals, numerals[1:])):
            continue  # "3천500천만": units repeated inside one number, malformed (FP402)
        for numeral in numerals:
            if _LEFT_UNIT.match(text, base + numeral.end):
                continue  # "49억17000만원": a unit left over before 원, a malformed figure
            out.append((base + numeral.start, base + numeral.end, numeral))
    for start, end in _hangul_runs(text, comp):
        base = start
        for numeral in parse_numerals(text[start:end]):
            out.append((base + numeral.start, base + numeral.end, numeral))
    if "점" in text or "쩜" in text:
        for m in comp.hangul_decimal.finditer(text):
            numeral = parse_hangul_decimal(m.group())
            if numeral is not None:
                out.append((m.start(), m.end(), numeral))
    not_single = comp.not_single.match
    for m in comp.hangul_single.finditer(text):
        if not_single(text, m.start()) is None:
            out.append((m.start(), m.end(), hangul_digit(m.group())))
    out.sort(key=lambda item: item[0])
    return _join_wrapped(text, out, comp) if "\n" in text else out


_LINE_BREAKS = ("\n", "\r\n")


def _join_wrapped(text: str, found: list[tuple[int, int, Numeral]], comp: CompiledRules
                  ) -> list[tuple[int, int, Numeral]]:
    """"2조4천⏎5백83억원": a figure cut by a wrapped line is one numeral.  Two numerals with
    only a line break between them join when the first holds a unit and has no currency word
    after it, the second has one, and the two read as one numeral with falling units.  A
    numeral with a unit whose next line opens with the rest of a count is no figure at all
    ("고금도 1만⏎247명")."""
    out: list[tuple[int, int, Numeral]] = []
    ahead, counted = comp.currency_ahead.match, comp.wrapped_count.match
    for start, end, numeral in found:
        if numeral.big_units and counted(text, end) is not None:
            continue
        if out:
            p_start, p_end, p_numeral = out[-1]
            if (text[p_end:start] in _LINE_BREAKS and p_numeral.big_units
                    and ahead(text, end) is not None):
                joined = parse_numerals(text[p_start:p_end] + text[start:end])
                if len(joined) == 1 and joined[0].end == p_end - p_start + end - start:
                    out[-1] = (p_start, end, joined[0])
                    continue
        out.append((start, end, numeral))
    return out


def _hangul_runs(text: str, comp: CompiledRules) -> list[tuple[int, int]]:
    """The spans ``comp.hangul_run.finditer(text)`` gives, found from its cues.

    A match is numeral characters with single spaces between them, and its possessive
    quantifiers take the whole stretch of them, so it ends where a stretch ends, right before
    a currency word: one numeral character there (a cue) marks each stretch worth trying, and
    the pattern runs only from that stretch's start.  Text with no Hangul numeral before a
    currency word costs one C-speed scan."""
    out: list[tuple[int, int]] = []
    numeral = _NUMERAL_SET
    n = len(text)
    done = 0
    ahead = comp.currency_ahead.match
    for cue in comp.hangul_cue.finditer(text):
        pos = cue.start()
        if pos < done or ahead(text, cue.end()) is None:  # (past a 여: "천억여원")
            continue
        lo = pos  # back to the stretch's first numeral character
        while lo > 0:
            prev = text[lo - 1]
            if prev in numeral:
                lo -= 1
            elif prev in _SPACES and lo > 1 and text[lo - 2] in numeral:
                lo -= 2
            else:
                break
        hi = pos + 1  # on to its last
        while hi < n:
            nxt = text[hi]
            if nxt in numeral:
                hi += 1
            elif nxt in _SPACES and hi + 1 < n and text[hi + 1] in numeral:
                hi += 2
            else:
                break
        done = hi
        for m in comp.hangul_run.finditer(text, lo, min(n, hi + comp.currency_reach)):
            if m.start() >= hi:
                break
            out.append(m.span())
    return out


def _apply_rules(text: str, start: int, end: int, numeral: Numeral, comp: CompiledRules,
                 words: Tables) -> Amount | None:
    best: Amount | None = None
    prev, nxt = neighbours(text, start, end)
    for rule, before, after, follows, precedes in comp.rules:
        if follows is not None and nxt not in follows:
            continue
        if precedes is not None and prev not in precedes:
            continue
        if not rule.accepts(numeral):
            continue
        m_after = m_before = None
        if after is not None:
            m_after = after.match(text, end)
            if m_after is None:
                continue
        if before is not None:
            m_before = before.search(text, max(0, start - BEFORE_WINDOW), start)
            if m_before is None:
                continue
        amount = rule.produce(Hit(text, numeral, start, end, m_before, m_after, words))
        if amount is not None and (best is None or amount.end - amount.start > best.end - best.start):
            best = amount
    return best


def _resolve_overlaps(amounts: list[Amount]) -> list[Amount]:
    """Longest first among overlapping amounts; ties go to the earlier one.

    Amounts are cut into clusters of transitively overlapping spans (a sweep in text order),
    and each small cluster is settled on its own, so this stays linear in the text.
    """
    kept: list[Amount] = []
    cluster: list[Amount] = []
    cluster_end = -1
    for amount in sorted(amounts, key=lambda a: (a.start, -a.end)):
        if cluster and amount.start >= cluster_end:
            kept.extend(_settle_cluster(cluster))
            cluster = []
        cluster.append(amount)
        cluster_end = max(cluster_end if len(cluster) > 1 else -1, amount.end)
    kept.extend(_settle_cluster(cluster))
    return sorted(kept, key=lambda a: a.start)


def _settle_cluster(cluster: list[Amount]) -> list[Amount]:
    if len(cluster) < 2:
        return cluster
    kept: list[Amount] = []
    for amount in sorted(cluster, key=lambda a: (-(a.end - a.start), a.start)):
        if not any(amount.start < k.end and k.start < amount.end for k in kept):
            kept.append(amount)
    return kept


def _join_repeated_won(text: str, amounts: list[Amount]) -> list[Amount]:
    """"12억원 5천만원": one amount written with 원 twice, the second part smaller than the
    first's last unit, one space or none between them."""
    kept: list[Amount] = []
    for amount in amounts:
        last = kept[-1] if kept else None
        if (last is not None and last.rule == amount.rule == "won"
                and last.currency == amount.currency == "KRW"
                and text[last.end:amount.start] in ("", " ")
                and last.numeral.big_units and not last.numeral.last_group_plain
                and not amount.numeral.hangul and not last.numeral.hangul
                and amount.value < min(last.numeral.big_units)
                and text[last.end - 1:last.end] == "원"):
            last.value += amount.value
            last.end = amount.end
            last.approximate = last.approximate or amount.approximate
            continue
        kept.append(amount)
    return kept


def _range_low(low: Numeral, high: Amount) -> Decimal | None:
    """Value of a range's low end; a bare low end inherits the high end's unit (100~200억,
    $1~$2 billion)."""
    if low.big_units:
        return low.value if low.value < high.value else None
    units = (*high.numeral.big_units, 10**4, 1) if high.numeral.big_units else (1,)
    if high.word_scale != 1:
        units = (high.word_scale, 1)
    for unit in units:
        value = low.value * unit
        if high.rule == "minor-unit":
            value /= 100
        if value < high.value:
            return value
    return None


def _low_amount(amounts: list[Amount], index: int, low_start: int, low_end: int):
    """The amount just before ``amounts[index]`` when it holds the low numeral ("$100" of
    "$100~$200"); ``False`` when it overlaps the numeral without holding it."""
    if index == 0:
        return None
    before = amounts[index - 1]
    if before.end <= low_start:
        return None
    if before.start <= low_start and before.end >= low_end and before.high is None:
        return before
    return False


def _merge_ranges(text: str, amounts: list[Amount], numerals: list[tuple[int, int, Numeral]],
                  comp: CompiledRules) -> list[Amount]:
    """Join "100~200억 원", "5천만 원에서 1억 원", "$100~$200" into one amount each; the
    low end's own amount, if any, is absorbed, so no two amounts ever overlap."""
    ends = [n[1] for n in numerals]
    absorbed: set[int] = set()
    for index, amount in enumerate(amounts):
        i = bisect.bisect_right(ends, amount.start) - 1
        if i < 0:
            continue
        low_start, low_end, low = numerals[i]
        if low_start >= amount.start:
            continue
        other = _low_amount(amounts, index, low_start, low_end)
        if other is False or (other is not None and id(other) in absorbed):
            continue
        gap_start = other.end if other is not None else low_end
        if amount.start - gap_start > 12:
            continue  # a range's two ends stand close: "100억~200억", "5천만 원에서 1억 원"
        gap = comp.range_gap.fullmatch(text, gap_start, amount.start)
        if gap is None:
            continue
        if gap.group("cur") and (other is None or other.currency != amount.currency):
            continue
        if other is not None and not other.bare and other.currency != amount.currency:
            continue  # "$100~€200": two amounts, not one range
        if gap.group("word") and comp.level_after.match(text, amount.end):
            continue  # "100억 원에서 200억 원으로": from one level to another, not a range
        if other is not None and not other.bare and (other.word_scale != 1 or other.value != low.value):
            value = other.value  # "$1 billion~$2 billion": the low end is complete
        else:
            value = _range_low(low, amount)
        if value is None or value >= amount.value:
            continue
        start = low_start
        if other is not None:
            absorbed.add(id(other))
            start = other.start
        amount.high = amount.value
        amount.value = value
        amount.start = start
        amount.approximate = amount.approximate or low.approximate or bool(other and other.approximate)
    kept = [a for a in amounts if id(a) not in absorbed]
    return _symbol_ranges(text, kept, comp)


def _symbol_ranges(text: str, amounts: list[Amount], comp: CompiledRules) -> list[Amount]:
    """A symbol's amount followed by a dash and a bare figure: "$1~2 billion", "$100~200",
    "₩5,000~10,000".  The symbol covers both ends; the high end's scale word covers the low
    end too when it has none of its own."""
    for index, amount in enumerate(amounts):
        if amount.rule not in ("foreign-symbol", "won-symbol") or amount.high is not None:
            continue
        m = comp.symbol_high.match(text, amount.end)
        if m is None or m.group("scale") and amount.rule == "won-symbol":
            continue
        if index + 1 < len(amounts) and amounts[index + 1].start < m.end():
            continue  # the high end is an amount of its own ("$100~200달러")
        numeral = parse_numeral(m.group("num"))
        if numeral is None or numeral.hangul:
            continue
        scale = comp.scales[m.group("scale")] if m.group("scale") else 1
        high = numeral.value * scale
        if amount.word_scale == 1 and not amount.numeral.big_units and amount.value * scale < high:
            low = amount.value * scale
        else:
            low = amount.value
        if low >= high:
            continue
        amount.value, amount.high, amount.end = whole(low), whole(high), m.end()
        amount.word_scale = scale
    return amounts


def _apply_markers(text: str, amounts: list[Amount], comp: CompiledRules) -> list[Amount]:
    pats = comp.markers
    kept = []
    for amount in amounts:
        small_won = (amount.currency == "KRW" and not amount.numeral.big_units
                     and amount.value < 3000)
        if amount.currency != "KRW":
            small_won = False
        # "엔화 가치는 평균 130엔", "달러당 약 76 엔": a small foreign figure in a rate's context
        small_foreign = (amount.currency != "KRW" and not amount.numeral.big_units
                         and amount.value < (1000 if amount.currency in ("JPY", "CNY") else 10)
                         and not text.startswith(comp.sizes, amount.end))
        if is_exchange_rate(text, amount.start, amount.end, small_won, pats, small_foreign):
            continue
        if amount.numeral.hangul and is_vague(text, amount.start, pats):
            continue
        if amount.currency != "KRW" and comp.rate_base_after.match(text, amount.end):
            continue  # "100엔당 900원": the base of a rate
        amount.chain_start, prefixes = read_prefixes(text, amount.start, pats)
        for kind, meaning in reversed(prefixes):  # nearest last, so it wins
            _set_marker(amount, kind, meaning)
        for kind, meaning in read_across_label(text, amount.chain_start, pats):
            if getattr(amount, kind) is None:
                _set_marker(amount, kind, meaning)
        slash = read_per_slash(text, amount.end, pats)
        if slash is not None:
            amount.per = slash
        suffix = read_suffix(text, amount.end, pats)
        if suffix is not None:
            kind, meaning = suffix
            if not (amount.high is not None and kind == "bound" and meaning == "max"
                    and text.startswith("까지", amount.end)):
                _set_marker(amount, kind, meaning)
        kept.append(amount)
    return kept


def _set_marker(amount: Amount, kind: str, meaning: str) -> None:
    if kind == "approximate":
        amount.approximate = True
    elif kind == "bound":
        amount.bound = meaning
    elif kind == "per":
        amount.per = meaning
    elif kind == "change":
        amount.change = meaning


def find_amounts(text: str, words: Tables | None = None) -> list[Amount]:
    """Every monetary amount in ``text``, in text order (no splits or periods yet)."""
    words = words or load_tables()
    comp = compiled(words)
    numerals = find_numerals(text, comp)
    found = []
    for start, end, numeral in numerals:
        amount = _apply_rules(text, start, end, numeral, comp, words)
        if amount is not None:
            found.append(amount)
    amounts = [a for a in _join_repeated_won(text, _resolve_overlaps(found))
               if not blocked_bare(text, a, comp.context)]
    amounts.extend(money_in_context(text, amounts, numerals, comp.context))
    amounts.sort(key=lambda a: a.start)
    amounts = _merge_ranges(text, amounts, numerals, comp)
    return _apply_markers(text, amounts, comp)
