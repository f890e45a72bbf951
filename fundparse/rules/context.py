"""Money by context: bare figures ("97억", "(5억)") that the sentence around them makes money.

The amount rules (rules/money.py) read one numeral and its neighbours.  Some figures are money
only because of the sentence they stand in:

- parts that add up to a total written with 원 in the same sentence:
  "신규 12개 97억, 계속 30개 203억을 합쳐 총 300억원", "14억 원이 지원돼 △…(5억) △…(2억) △…(7억)";
- items of a list whose last item has 원: "교육 120억, 복지 80억, 문화 50억원";
- the high end of a range whose low end is bare money: "시리즈 A는 30억 ~ 70억".

Only figures with 억 or 조 qualify (a bare 만 counts people as often as won), never one followed
by a counter, and never one right after a word that counts people, space or things
(``not_money_before`` in money_words.toml: "인구 1억").
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

import regex

from fundparse import patterns
from fundparse.amount import Amount
from fundparse.model import whole
from fundparse.numerals import Numeral, elided_value

S = "[ \u00a0]"
MAX_PARTS = 24  # candidate parts per sentence tried for sums (runs are quadratic in these)
CLAUSE_BACK = 40  # how far back a not-money word may govern a figure
LIST_REACH = 64  # characters between two items of a list (two works' names and a count: "…조성사업, …조성사업 등 14건 ")


@dataclass(frozen=True)
class ContextPatterns:
    free_after: regex.Pattern  # what may follow a bare figure that is money
    sentence_end: regex.Pattern
    sentence_start: regex.Pattern  # searched backwards
    clause_start: regex.Pattern  # searched backwards
    list_item_end: regex.Pattern  # a figure right before a list's comma
    not_money_before: regex.Pattern
    list_gap: regex.Pattern
    range_gap: regex.Pattern


def compile_context(words) -> ContextPatterns:
    money = words.money_words
    return ContextPatterns(
        free_after=patterns.compile(
            rf"(?!{S}?(?:\L<counters>|원|\L<foreign>|[%％A-Za-z0-9]))(?![가-힣])"
            rf"|(?=(?:을|를|이|가|은|는|의|과|와|으로|로|도|만|씩|에|까지)(?![가-힣]))",
            counters=money["counters"], foreign=words.foreign_words),
        sentence_end=patterns.compile(r"\n|[.!?。](?=\s|$)|다(?=[.,]?\s)"),
        sentence_start=patterns.compile(r"(?r)\n|[.!?。](?=\s)"),
        clause_start=patterns.compile(r"(?r)[\n,，;·ㆍ△▲▷□○●•(（]|[.!?。](?=\s)"),
        list_item_end=patterns.compile(r"[0-9][십백천만억조]?(?:원)?[ ]?\Z"),
        # anchored at the figure: the word, then at most two more words ("인구는 14억, 인도는 "),
        # none a figure with a counter of its own (the word counts that one: "면적 2만㎡ 내외로
        # 1500억 상당의 예산")
        not_money_before=patterns.compile(
            rf"(?:\L<words>)(?:은|는|이|가|의|도|만|에서|을|를)?{S}+"
            rf"(?:(?![0-9][0-9,.]*[십백천만억]?(?:\L<counters>))[^\s]+{S}+){{0,2}}\Z",
            words=money.get("not_money_before", []) or ["\0"], counters=money["counters"]),
        # between two items of a list: "…억, 복지 ", "…억 달러, 수입은 ", "…40억 △전통문화체험관 ",
        # items in brackets after their names: "구리~포천(5600억원)을 비롯해 상주~영천(5261억), 인천~김포("
        list_gap=patterns.compile(
            rf"[)）]?(?:과|와|이며|이고|로)?{S}*(?:[,，·ㆍ](?:{S}*[△▲▶▷■□○●•◆◇▼▽])?|{S}*[△▲▶▷■□○●•◆◇▼▽]"
            rf"|(?:을|를){S}*비롯(?:해|하여|한))"
            # "국도34호(108억)"; "△ 양남 - 감포간 국도 2차로 개량 150억": a dash or tilde, a word after a digit
            rf"{S}*(?:(?:[가-힣A-Za-z][가-힣A-Za-z0-9~∼\-]*|[0-9]+{S}?(?![년월일억조만천백십])[가-힣]+|[~∼\-–])[,，]?{S}*){{0,10}}"
            rf"(?:[0-9]+{S}*(?:개소|개|곳|건|지구){S}*)?"  # a count: "△시군역량강화 10개소 33억"
            rf"(?:(?:은|는|이|가|에){S}*)?[(（=＝]?"),
        range_gap=patterns.compile(rf"{S}*[~∼～〜\-–]{S}*\Z"),
    )


def _is_candidate(numeral: Numeral) -> bool:
    return not numeral.hangul and any(u >= 10**8 for u in numeral.big_units)


def _sentence(text: str, pos: int, pats: ContextPatterns) -> tuple[int, int]:
    back = pats.sentence_start.search(text, max(0, pos - 400), pos)
    start = back.end() if back else max(0, pos - 400)
    ahead = pats.sentence_end.search(text, pos, pos + 400)
    end = ahead.end() if ahead else min(len(text), pos + 400)
    return start, end


def _blocked(text: str, start: int, pats: ContextPatterns) -> bool:
    """A not-money word ("인구", "면적") earlier in the figure's clause."""
    lo = max(0, start - CLAUSE_BACK)
    clause = pats.clause_start.search(text, lo, start)
    for _ in range(3):  # a list's items share its head: "조회수 1억, 2억", "인구는 14억, 인도는 14.2억"
        if clause is None or not pats.list_item_end.search(text, lo, clause.start()):
            break
        clause = pats.clause_start.search(text, lo, clause.start())
    return pats.not_money_before.search(text, clause.end() if clause else lo, start) is not None


def blocked_bare(text: str, amount: Amount, pats: ContextPatterns) -> bool:
    """A bare amount the rules found whose clause counts people or space ("인구 2억으로 늘어")."""
    return amount.bare and _blocked(text, amount.start, pats)


def money_in_context(text: str, amounts: list[Amount], numerals, pats: ContextPatterns
                     ) -> list[Amount]:
    """New bare amounts for candidate figures the sentence makes money (see the module doc)."""
    amounts = sorted(amounts, key=lambda a: a.start)
    spans = [(a.start, a.end) for a in amounts]
    candidates = []
    for start, end, numeral in numerals:
        if not _is_candidate(numeral) or _overlaps(spans, start, end):
            continue
        if not pats.free_after.match(text, end) or _blocked(text, start, pats):
            continue
        candidates.append((start, end, numeral))
    accepted: dict[int, tuple] = {}
    _lists(text, amounts, candidates, pats, accepted)  # also gives bare items a list's currency
    if not candidates:
        return []
    _sums(text, amounts, candidates, pats, accepted)
    _range_highs(text, amounts, candidates, pats, accepted)
    return [_amount(text, *accepted[s]) for s in sorted(accepted)]


def _overlaps(spans, start: int, end: int) -> bool:
    """Whether [start, end) overlaps a span; ``spans`` sorted and not overlapping each other."""
    i = bisect.bisect_left(spans, (end, end))
    return i > 0 and spans[i - 1][1] > start


def _amount(text: str, start: int, end: int, numeral: Numeral, currency: str = "KRW") -> Amount:
    value = elided_value(text[start:end], numeral)
    return Amount(start=start, end=end, currency=currency, value=whole(value), rule="bare-in-context",
                  numeral=numeral, approximate=numeral.approximate, bare=True)


def _sums(text, amounts, candidates, pats, accepted) -> None:
    """Candidates (with bare amounts already found) adding up to a won total of their sentence
    (written with 원, or bare where a rule made it money: "총사업비 300억")."""
    by_sentence: dict[tuple[int, int], list] = {}
    for cand in candidates:
        by_sentence.setdefault(_sentence(text, cand[0], pats), []).append(cand)
    starts = [a.start for a in amounts]
    for (lo, hi), cands in by_sentence.items():
        window = amounts[bisect.bisect_left(starts, lo):bisect.bisect_left(starts, hi)]
        inside = [a for a in window if a.end <= hi and a.currency == "KRW"]
        totals = {a.value for a in inside if a.high is None  # "총사업비 300억": bare, yet money
                  and any(u >= 10**8 for u in a.numeral.big_units)}
        # the total stated in the sentence before ("국비 129억 원을 확보했다. … 2개 소(국비
        # 40억)와 … 29개 소(89억)가"), for two or more parts adding up to it
        before = _before(text, lo, pats)
        earlier = set() if before is None else {
            a.value for a in amounts[bisect.bisect_left(starts, before[0]):bisect.bisect_left(starts, lo)]
            if a.currency == "KRW" and a.high is None and not a.bare and a.value not in totals}
        if not totals and not earlier:
            continue
        own = [(c[0], _amount(text, *c).value, c) for c in cands]
        for sums, own_total in ((totals, True), (earlier, False)):
            for total in sorted(sums):
                # the bare amounts found already, below the total (not the total itself)
                parts = sorted(own + [(a.start, a.value, None) for a in inside
                                      if a.bare and (not own_total or a.value < total)],
                               key=lambda p: p[0])[:MAX_PARTS]
                if sum(p[1] for p in parts) == total and (len(parts) > 1 or own_total):
                    _take(parts, accepted)
                    continue
                for i in range(len(parts)):
                    running = parts[i][1]
                    for j in range(i + 1, len(parts)):
                        running += parts[j][1]
                        if running == total:
                            _take(parts[i:j + 1], accepted)


def _before(text: str, lo: int, pats: ContextPatterns) -> tuple[int, int] | None:
    """The sentence before the one starting at ``lo`` (past blank lines), if any."""
    at = lo - 1
    while at > 0 and text[at].isspace():
        at -= 1
    if at <= 0:
        return None
    span = _sentence(text, at, pats)
    return span if span[0] < lo and span[1] <= lo + 1 else None


def _take(parts, accepted) -> None:
    for _, _, cand in parts:
        if cand is not None:
            accepted[cand[0]] = cand


def _lists(text, amounts, candidates, pats, accepted) -> None:
    """Candidates in a list with an amount of the same unit that names its currency, before
    them ("수출 563.5억 달러, 수입 507.4억") or after them ("교육 120억, 복지 80억, 문화 50억원")."""
    items = sorted([(c[0], c[1], c) for c in candidates]
                   + [(a.start, a.end, a) for a in amounts if a.high is None],
                   key=lambda item: item[0])
    chain: list = []  # candidates waiting for an amount with a currency
    opener: Amount | None = None  # the amount with a currency the list began with
    last_end = -1
    for start, end, item in items:
        if last_end < 0 or start - last_end > LIST_REACH or not pats.list_gap.fullmatch(text, last_end, start):
            chain, opener = [], None
        last_end = end
        if isinstance(item, Amount):
            if (item.bare and opener is not None and opener.currency != item.currency
                    and _unit(opener.numeral) == _unit(item.numeral)):
                item.currency = opener.currency  # "563.5억 달러, 수입 507.4억": the list's currency
                continue
            chain, opener = _close(item, chain, accepted)
            continue
        if opener is not None and _unit(opener.numeral) == _unit(item[2]):
            accepted[item[0]] = (*item, opener.currency)
        else:
            chain.append(item)


def _unit(numeral: Numeral) -> int:
    return max(numeral.big_units, default=1)


def _close(amount: Amount, chain: list, accepted) -> tuple[list, Amount | None]:
    """An amount met in a list gives its currency to the candidates before it of the same unit
    and opens the list for those after it; a bare one (money by its own rule) counts as won."""
    if amount.bare and amount.currency == "KRW" or amount.rule in ("won", "foreign-word"):
        for cand in chain:
            if _unit(cand[2]) == _unit(amount.numeral):
                accepted[cand[0]] = (*cand, amount.currency)
        return [], amount
    return [], None


def _range_highs(text, amounts, candidates, pats, accepted) -> None:
    """"30억 ~ 70억": the bare high end of a range whose low end is bare money."""
    lows = [a for a in amounts if a.bare and a.currency == "KRW"]
    lows += [_amount(text, *c) for c in accepted.values()]
    ends = {a.end: a for a in lows}
    for cand in candidates:
        start = cand[0]
        for end in range(max(0, start - 6), start):
            low = ends.get(end)
            if low is not None and pats.range_gap.search(text, end, start) \
                    and max(low.numeral.big_units) == max(cand[2].big_units):
                accepted[start] = cand
