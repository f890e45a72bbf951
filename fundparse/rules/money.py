"""The amount rules: what turns a numeral into money.  Read it top to bottom.

Every rule is a value: a name, a one-line doc, the patterns it needs around the numeral
(``before`` must end where the numeral starts, ``after`` is matched where it ends; both use the
``regex`` package, with ``\\L<name>`` lists filled from rules/data/*.toml), which numerals it
accepts, and a production from the match to an ``Amount``.  The engine runs every rule on every
numeral and keeps the longest result (then the earlier rule).

The rule for 억?  There is none: 만/억/조/경 are numeral grammar (numerals.py); these rules only
decide *whether* a numeral is money and in which currency.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from fundparse import patterns
from fundparse.amount import Amount  # noqa: F401  (re-exported: rules produce Amounts)
from fundparse.model import whole
from fundparse.numerals import Numeral, elided_value, small_hangul_value

S = "[ \u00a0]"  # one optional space, as in "281 억원" or "5 억 달러"
# after a bare figure: no count's unit (nor 원, read by the currency rules), also past a word of
# approximation ("연간 1만 3000여 명": people, not money)
_NOT_COUNTED = (rf"(?!{S}?(?:\L<counters>|원|\L<foreign_words>))"
                rf"(?!{S}?(?:\L<counter_gaps>){S}?(?:\L<counters>))"
                # a count typed with a stray comma before its last group: "하루 평균 1만,300명"
                rf"(?![,，][0-9]{{1,3}}{S}?(?:(?:\L<counter_gaps>){S}?)?(?:\L<counters>))")
# After a currency word: end of word, or a particle / marker that may stick to it
# ("원을", "원이", "원대", "원가량", "원중", "원외에"); never 권 (a banknote: "5만 원권").
PARTICLE_START = "이가을를은는의에으로과와도만씩까부대어상규정내안남수쯤여짜선인였보밖뿐당미초한께나며든입일꼴및라란등중외"
# the copula right after a word ending in a vowel ends it too: "45억9200만 달러다."
# …and a verb glued to it in text written without spaces ("24억7천1백만원유치등": glued_verbs)
WORD_END = rf"(?![가-힣])|(?=[{PARTICLE_START}])|(?=다(?:[\s.,!?)」』]|$))|(?=\L<glued_verbs>)"


@dataclass(frozen=True, slots=True)
class Hit:
    """What a rule's production sees: the numeral, its span and the surrounding matches."""

    text: str
    numeral: Numeral
    start: int
    end: int
    before: object  # regex match or None
    after: object
    words: object  # the Tables


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    doc: str
    produce: Callable[[Hit], Amount | None]
    before: str | None = None
    after: str | None = None
    accepts: Callable[[Numeral], bool] = lambda numeral: True
    # Cheap gates, from the rule data: the characters that may follow the numeral (after one
    # optional space) or precede it; the engine skips the rule when the text has neither.
    follows: Callable[[object], set[str]] | None = None
    precedes: Callable[[object], set[str] | HangulOr] | None = None


def _firsts(words_of: Callable[[object], list[str]]) -> Callable[[object], set[str]]:
    return lambda tables: {w[0] for w in words_of(tables) if w}


def _lasts(words_of: Callable[[object], list[str]]) -> Callable[[object], set[str]]:
    return lambda tables: {w[-1] for w in words_of(tables) if w}


class HangulOr:
    """The characters a rule accepts before its numeral: every Hangul syllable (가 … 힣) and
    ``extra``.  A range test, so no process builds the set of all 11,172 syllables."""

    __slots__ = ("extra",)

    def __init__(self, extra: str = "") -> None:
        self.extra = frozenset(extra)

    def __contains__(self, char: str) -> bool:
        return "\uac00" <= char <= "\ud7a3" or char in self.extra


_ANY_HANGUL = HangulOr()
_HANGUL_LAST = lambda tables: _ANY_HANGUL  # noqa: E731
_HANGUL_OR_LIST = lambda tables: HangulOr("·ㆍ,㎡²)）:：(（=＝")  # noqa: E731


# --- which numerals a rule accepts -------------------------------------------------------

def written_number(n: Numeral) -> bool:
    """Digits, or Hangul numerals with a unit (오천만, 삼십만, 만 — not a lone 구 or 이,
    which are words: 구원, 이원화)."""
    return not n.hangul or n.value >= 10


def digits_only(n: Numeral) -> bool:
    return not n.hangul


def with_eok(n: Numeral) -> bool:
    """A bare number with 억 or 조 ("5억", "1.2조"): too large to be a count of people."""
    return any(u >= 10**8 for u in n.big_units) and not n.hangul


def with_big_unit(n: Numeral) -> bool:
    """A bare number is money only with 만/억/조 ("281억"), never a plain "281"."""
    return bool(n.big_units) and not n.hangul


# --- scale words ---------------------------------------------------------------------

def scale_words(words) -> list[str]:
    """Scale words as written in any case: "billion", "Billion", "BILLION", "bn", "M"."""
    out: list[str] = []
    for word in words.scales:
        for variant in (word, word.lower(), word.capitalize(), word.upper()):
            if variant not in out:
                out.append(variant)
    return sorted(out, key=len, reverse=True)


def scale_value(words, written: str) -> int:
    """The multiplier of a scale word written in any case."""
    found = words.scales.get(written)
    return found if found is not None else words.scales[written.lower()]


# --- productions ------------------------------------------------------------------------

def _amount(hit: Hit, currency: str, value: Decimal, start: int, end: int, rule: str,
            bare: bool = False) -> Amount:
    return Amount(start=start, end=end, currency=currency, value=whole(value), rule=rule,
                  numeral=hit.numeral, approximate=hit.numeral.approximate, bare=bare)


def won(hit: Hit) -> Amount | None:
    n = hit.numeral
    if (n.hangul and n.value == 10_000 and hit.text.startswith("원", hit.end)
            and FULL_HOUSE.match(hit.text, hit.after.end())):
        return None  # 만원 meaning "full": "만원 버스", "경기장은 만원 관중"
    currency = "KRW"
    if hit.after.group("cur") == "원" and _yuan_sentence(hit):
        currency = "CNY"  # "인민폐 100원": the yuan, written 元/圓 and read 원
    value = n.value
    if hit.after.group("scale"):
        value *= scale_value(hit.words, hit.after.group("scale"))
    amount = _amount(hit, currency, value, hit.start, hit.after.end(), "won")
    amount.approximate = amount.approximate or bool(hit.after.group("yeo"))  # 179억 여원
    return amount


_SENTENCE_END = patterns.compile(r"(?r)(?:[.!?。](?:\s|$)|\n)")
_SENTENCE_END_AHEAD = patterns.compile(r"[.!?。](?:\s|$)|\n")
YUAN_REACH = 16  # how far before the figure 인민폐/위안화 may stand
SENTENCE_WINDOW = 160


def _yuan_sentence(hit: Hit) -> bool:
    """"인민폐 100원", "위안화로 치면 100원": the yuan word shortly before the figure in its
    sentence, and no word of the sentence saying won ("원화로", "한화로", "우리 돈")."""
    money = hit.words.money_words
    words = money.get("yuan_context", ())
    if not words:
        return False
    near = max(0, hit.start - YUAN_REACH)
    back = _SENTENCE_END.search(hit.text, near, hit.start)
    if not any(w in hit.text[back.end() if back else near:hit.start] for w in words):
        return False
    lo = max(0, hit.start - SENTENCE_WINDOW)
    back = _SENTENCE_END.search(hit.text, lo, hit.start)
    ahead = _SENTENCE_END_AHEAD.search(hit.text, hit.start, hit.start + SENTENCE_WINDOW)
    sentence = hit.text[back.end() if back else lo:ahead.start() if ahead else hit.start + SENTENCE_WINDOW]
    return not any(w in sentence for w in money.get("won_context", ()))


def won_symbol(hit: Hit) -> Amount:
    end = hit.after.end() if hit.after else hit.end
    value = hit.numeral.value
    if hit.after and hit.after.group("scale"):
        value *= scale_value(hit.words, hit.after.group("scale"))  # "KRW 3.5 trillion"
    return _amount(hit, "KRW", value, hit.before.start("sym"), end, "won-symbol")


def foreign_word(hit: Hit) -> Amount | None:
    m = hit.after
    if not written_number(hit.numeral) and not _lone_digit_ok(hit):
        return None
    code = hit.words.currency_words[m.group("cur")]
    value = hit.numeral.value
    scale = scale_value(hit.words, m.group("scale")) if m.group("scale") else 1
    value *= scale
    if m.group("minor"):
        if hit.words.minor_words.get(m.group("minor_word")) != code:
            amount = _amount(hit, code, value, hit.start, m.end("cur"), "foreign-word")
            amount.word_scale = scale
            return amount
        value += small_hangul_value(m.group("minor")) / 100
    amount = _amount(hit, code, value, hit.start, m.end(), "foreign-word")
    amount.word_scale = scale
    return amount


def _lone_digit_ok(hit: Hit) -> bool:
    """A Hangul number under ten before a currency word: a decimal ("일점오달러"), or a lone
    digit glued to a word that allows it ("칠파운드"; the engine finds only those)."""
    n = hit.numeral
    if n.value != n.value.to_integral_value():
        return True
    money = hit.words.money_words
    cur = hit.after.group("cur")
    return (n.end - n.start == 1 and hit.after.start("cur") == hit.end
            and (cur in money.get("single_digit_currencies", ())
                 or cur in money.get("single_digit_with_cents", ()) and bool(hit.after.group("minor"))))


def foreign_symbol(hit: Hit) -> Amount:
    value = hit.numeral.value
    end = hit.end
    scale = 1
    if hit.after and hit.after.group("scale"):
        scale = scale_value(hit.words, hit.after.group("scale"))
        value *= scale
        end = hit.after.end()
    code = hit.words.currency_symbols[hit.before.group("sym")]
    amount = _amount(hit, code, value, hit.before.start("sym"), end, "foreign-symbol")
    amount.word_scale = scale
    return amount


def minor_unit(hit: Hit) -> Amount:
    code = hit.words.minor_words[hit.after.group("minor_word")]
    return _amount(hit, code, hit.numeral.value / 100, hit.start, hit.after.end(), "minor-unit")


def _bare_value(hit: Hit) -> Decimal:
    """A bare number's value, reading "7억5천" as 7억 5천만 (nothing after it says 원)."""
    return elided_value(hit.text[hit.start:hit.end], hit.numeral)


def bare_after_per(hit: Hit) -> Amount | None:
    from fundparse.rules.markers import not_per

    if not_per(hit.before.group("dang")):
        return None  # 정당, 해당 …: a word ending in 당, not a rate
    return _amount(hit, "KRW", _bare_value(hit), hit.start, hit.end, "bare-after-per", bare=True)


def bare_krw(name: str) -> Callable[[Hit], Amount]:
    def produce(hit: Hit) -> Amount:
        return _amount(hit, "KRW", _bare_value(hit), hit.start, hit.end, name, bare=True)

    return produce


_ONES = "일이삼사오육칠팔구"
# "오십", "이십삼", "칠": the cents of "삼달러오십센트"
_HANGUL_UNDER_100 = rf"[{_ONES}]?십[{_ONES}]?|[{_ONES}]"

# --- the table --------------------------------------------------------------------------

# "만원 버스", "만원 사례": 만원 meaning "full", not ten thousand won.
FULL_HOUSE = patterns.compile(r"[ \u00a0]?(?:버스|사례|관중|열차|지하철|전철|상태|을 이루|을 이뤘|을 기록|이었|이다|이었다)")

RULES: tuple[Rule, ...] = (
    Rule(
        name="won",
        doc="원 after a number: 281억 원, 281억원, 27,350,000원, 오천만 원, 일금 일억원정, 179억 여원, "
            "2천2백63억⏎원 (a line broken inside the amount)",
        after=(rf"(?:{S}?|(?<=[억조만])\n(?=원))(?:(?P<yeo>여){S}?)?(?P<cur>원화|원|[₩￦])(?!권|[·ㆍ/\-]?(?:달러|엔|위안|유로))"
               rf"(?:{WORD_END})"
               # in English: "3.5 trillion won", "2,000 KRW"
               rf"|{S}?(?:(?P<scale>\L<scales>){S})?(?P<cur>won|KRW)(?![A-Za-z])"),
        accepts=written_number,
        produce=won,
        follows=lambda tables: {"원", "₩", "￦", "여", "w", "K"} | {w[0] for w in scale_words(tables)},
    ),
    Rule(
        name="won-symbol",
        doc="₩ / ￦ / KRW before digits: ₩27,350,000, KRW 27,350,000",
        before=rf"(?P<sym>[₩￦]|(?<![A-Za-z])KRW){S}?\Z",
        after=rf"(?:{S}?원(?:{WORD_END})|{S}?(?P<scale>\L<scales>)(?![A-Za-z]))?",
        accepts=digits_only,
        produce=won_symbol,
        precedes=lambda tables: {"₩", "￦", "W"},
    ),
    Rule(
        name="foreign-word",
        doc="a currency word after a number: 7천5백만 달러, 150 캐나다 달러, 3 달러 50 센트, 3.5 빌리언 달러",
        after=(rf"{S}?(?:(?P<scale>\L<scales>){S}?)?(?P<cur>\L<foreign_words>)"
               rf"(?:{S}?(?P<minor>[0-9]{{1,2}}|{_HANGUL_UNDER_100}){S}?(?P<minor_word>\L<minor_words>))?"
               rf"(?:{WORD_END})(?![A-Za-z])"),
        accepts=lambda n: written_number(n) or n.hangul,
        produce=foreign_word,
        follows=lambda tables: {w[0] for w in tables.foreign_words} | {w[0] for w in scale_words(tables)},
    ),
    Rule(
        name="foreign-symbol",
        doc="a currency symbol or code before digits: $1.2 billion, US$ 500, € 20, USD 100",
        before=rf"(?<![A-Za-z])(?P<sym>\L<currency_symbols_foreign>){S}?\Z",
        after=rf"(?:{S}?(?P<scale>\L<scales>)(?![A-Za-z]))?",
        accepts=digits_only,
        produce=foreign_symbol,
        precedes=lambda tables: {s[-1] for s, c in tables.currency_symbols.items() if c != "KRW"},
    ),
    Rule(
        name="minor-unit",
        doc="a minor unit alone: 50센트 (USD 0.50), 470 펜스 (GBP 4.70)",
        after=rf"{S}?(?P<minor_word>\L<minor_words>)(?:{WORD_END})(?![A-Za-z])",
        accepts=written_number,
        produce=minor_unit,
        follows=_firsts(lambda tables: list(tables.minor_words)),
    ),
    Rule(
        name="bare-before-verb",
        doc="281억 with no currency before a funding verb or size word: 281억을 투입, 300억 규모, 3661억 순차 투입",
        after=(rf"(?!{S}?(?:원|\L<foreign_words>))(?:대)?(?:{S}?(?:을|를|이|가|의|으로|로|씩|만|도)?{S}?"
               rf"(?:\L<verb_adverbs>{S}?)?(?:\L<verbs>|\L<sizes>|\L<labels>)"
               # "311억 중 국·도비가 202억 원": a total with a part; "821억→442억→103억원"
               # (not a count's change: "3만3000→4만6000개소")
               rf"|{S}?(?:중|가운데){S}*\L<sources>|{S}?[→⇒➝]{S}?"
               rf"(?![0-9][0-9,.]*(?:{S}?[만억조천백십][0-9,.]*)*{S}?(?:\L<counters>))[0-9]"
               # "20억 국비를 포함해", "군은20억국비를": a figure with the source it is
               rf"|{S}?\L<sources>(?:을|를|이|가|로|으로|와|과|는|은)(?![가-힣])"
               rf"|{S}?\L<sources>(?:을|를|이|가|로|으로|와|과|는|은)(?=포함|합)"
               # "총 281억(국비 121, 지방비 160)": a total with its parts in parentheses
               rf"|{S}?[(（]{S}*\L<sources>)"),
        accepts=with_big_unit,
        produce=bare_krw("bare-before-verb"),
        follows=lambda tables: set("을를이가의으로씩만도대중→⇒➝(（") | {w[0] for w in tables.money_words["verbs"]}
        | {w[0] for w in tables.money_words["sizes"]} | {w[0] for w in tables.money_words["labels"]}
        | {w[0] for w in tables.money_words.get("verb_adverbs", [])},
    ),
    Rule(
        name="bare-after-change-sign",
        doc="281억 with no currency after △ (a decrease in a budget table or text): △1.2조",
        before=rf"[△▽]{S}?\Z",
        after=_NOT_COUNTED,
        accepts=with_big_unit,
        produce=bare_krw("bare-after-change-sign"),
        precedes=lambda tables: {"△", "▽"},
    ),
    Rule(
        name="bare-after-per",
        doc="281억 with no currency after a rate word: 업체당 최대 3억, 1인당 500만",
        before=(rf"(?:(?<![가-힣])\L<per_words>|(?<![가-힣])(?P<dang>[가-힣A-Za-z㎡]{{1,5}}당)){S}?"
                rf"(?:(?:최대|최소|약|평균|최고){S}?)?\Z"),
        after=_NOT_COUNTED,
        accepts=with_big_unit,
        produce=bare_after_per,
        precedes=_HANGUL_LAST,
    ),
    Rule(
        name="bare-before-bound",
        doc="281억 with no currency before a bound word (억 and 조 only): 5억 이상 사업, 3억 넘게",
        after=rf"(?!{S}?(?:원|\L<foreign_words>)){S}?(?:이|가|을|를)?{S}?(?:\L<bounds>)",
        accepts=with_eok,
        produce=bare_krw("bare-before-bound"),
        follows=lambda tables: {w[0] for w in tables.money_words["bounds"]} | set("이가을를"),
    ),
    Rule(
        name="bare-after-label",
        doc="281억 with no currency after a money label or a source, a price's area, or next in a "
            "list: 사업비 281억, 예산 1조 2천억, 지자체 100억, 근저당: 약 20억, 84㎡ 29억, 2962억·5895억",
        before=(rf"(?:(?:(?<![가-힣])(?:\L<labels>|\L<sources>)|[가-힣]*(?:\L<label_suffixes>))"
                rf"(?:{S}?[(（][^()（）\n]{{0,24}}[)）])?"  # "보조금(국비, 한강수계기금) 28억"
                rf"(?:에서만|에서도|에서는|에서|은|는|이|가|을|를|도|만|으로|로)?(?:{S}?[:：]|{S}?[(（])?"
                rf"|(?:\L<priced>)(?:은|는|이|가|의)?"  # a price: "84㎡ 29억 거래", "84㎡가 16억"
                rf"|[0-9][억조]{S}?[·ㆍ,]"  # the next of a list: "총사업비 2962억·5895억"
                rf"|[0-9]{S}?년{S}?(?:까지|동안|간)"  # a period's budget: "2023년까지 233억"
                rf"|[0-9][억조](?:{S}?원)?{S}?등"  # a list's total after it: "…1,868억 등 4조 852억이다"
                rf"|[0-9]{S}?(?:\L<count_dot>){S}?[·ㆍ]"  # a count's money: "신규사업 6곳·22억"
                # a project's money after its name: "조성사업(11억)", "6차산업화사업 20억(…)", "국도건설에
                # 215억", past
                # a note in brackets ("침수예방사업(해제 천장) 17억") or a place in its own bracket
                # ("재생사업(임자면 대광해수욕장 24억)")
                rf"|[가-힣]*(?:\L<project_endings>)(?:에|에는|에도)?(?:{S}?[(（][^()（）\n]{{0,24}}[)）])?"
                rf"(?:{S}?[(（](?:(?:[가-힣]+|[0-9]+{S}?(?:\L<count_dot>)){S}){{0,3}})?"
                rf"|[가-힣][」』]"  # a project named in quotes: "「여주 원주 간 수도권전철」 12억"
                rf"|[가-힣)）][ \u00a0]?[=＝]"  # a field of a list: "△4차로 확장=2천397억"
                rf"){S}?(?:(?:총|약|모두|전체|무려|최대|최소|각각|각){S}?)?\Z"),
        after=_NOT_COUNTED,
        accepts=with_big_unit,
        produce=bare_krw("bare-after-label"),
        precedes=_HANGUL_OR_LIST,
    ),
    Rule(
        name="bare-after-size",
        doc="281억 with no currency (억 and 조 only) after a size word or after a change of money: "
            "발행 규모는 86.8조, 15.1조 증가한 382.4조",
        before=(rf"(?:(?<![가-힣])(?:\L<size_labels>)(?:은|는|이|가|도|로|으로)?"
                rf"|[0-9][억조](?:{S}?원)?{S}?(?:\L<change_adnominals>))"
                rf"{S}?(?:(?:약|총|모두){S}?)?\Z"),
        after=_NOT_COUNTED,
        accepts=with_eok,
        produce=bare_krw("bare-after-size"),
        precedes=_HANGUL_LAST,
    ),
)


def named_lists(words) -> dict[str, list[str]]:
    """The ``\\L<name>`` lists the patterns above use, from the rule data."""
    money = words.money_words
    return {
        "foreign_words": words.foreign_words,
        "currency_symbols_foreign": [s for s, c in words.currency_symbols.items() if c != "KRW"],
        "minor_words": list(words.minor_words),
        "scales": scale_words(words),
        "verbs": money["verbs"],
        "verb_adverbs": money.get("verb_adverbs", []) or ["\0"],
        "sizes": money["sizes"],
        "labels": money["labels"],
        "label_suffixes": money["label_suffixes"],
        "counters": money["counters"],
        "counter_gaps": money.get("counter_gaps", []) or ["\0"],
        "bounds": money["bounds"],
        "priced": money["priced"],
        "count_dot": money.get("count_dot", []),
        "project_endings": money.get("project_endings", []) or ["\0"],
        "glued_verbs": money.get("glued_verbs", []) or ["\0"],
        "size_labels": money.get("size_labels", []) or ["\0"],
        "change_adnominals": money.get("change_adnominals", []) or ["\0"],
        "sources": sorted(words.source_labels, key=len, reverse=True),
        "per_words": sorted(words.per_words, key=len, reverse=True),
    }
