"""Marker rules: the words around an amount that say it is approximate, a bound, a rate per
something, a change — or not money at all (an exchange-rate quote).

The words are data (rules/data/markers.toml); this module holds the patterns that place them.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from fundparse import patterns

S = "[ \u00a0]"
# Fillers that may stand between a label or marker and the amount without meaning anything.
FILLERS = ["총", "모두", "무려", "불과", "전체", "합계", "단", "각각", "각", "평균", "총액", "합쳐", "이 중", "또는"]
# Particles that may follow an amount before an after-marker ("300억 원을 넘는").
PARTICLES = ["이나", "에서", "으로", "을", "를", "이", "가", "은", "는", "에", "의", "씩", "만", "도", "로", "과", "와"]
# After-markers of one syllable stick to the amount and end a word: "30억 원대", "1만 원선".
SHORT_AFTER_END = "(?![가-힣])|(?=[의로에을를가이인였은는까으도])"
RANGE_DASH = "~∼～〜–—-"
# Words ending in 당 that are not "per …": parties, 해당 (the … in question), 식당 …
NOT_PER = {"정당", "여당", "야당", "해당", "식당", "본당", "당당", "민주당", "성당", "사당", "강당",
           "충당", "배당", "할당", "상당", "타당", "마땅", "담당", "전당", "경로당", "서당",
           "법당", "예배당", "본당", "공당", "창당", "입당", "탈당", "신당", "봉안당", "납골당"}
NOT_PER_TAILS = ("수당", "마당")  # 양육수당: an allowance; 상상마당: a place; not "per"


_NOT_PER_ENDS = (*NOT_PER, *NOT_PER_TAILS)


def not_per(word: str | None) -> bool:
    """A word ending in 당 that is no rate: 정당, 해당, 가정양육수당, and a compound ending in one
    of them (다목적강당, 마을경로당) …"""
    return word is not None and word.endswith(_NOT_PER_ENDS)


@dataclass(frozen=True)
class MarkerPatterns:
    """Compiled marker patterns for one set of rule tables."""

    prefix: regex.Pattern
    suffix: regex.Pattern
    exchange_before: regex.Pattern
    vague_before: regex.Pattern  # 수십억 원: no definite amount
    label_phrase: regex.Pattern  # one or two words between a per word and the amount
    across_last_chars: frozenset  # the last characters of per and bound words (and 당)
    rate_context: regex.Pattern  # 환율 earlier in the clause: small won figures there are rates
    rate_equation: regex.Pattern  # "1달러=1,450원"
    foreign_end: regex.Pattern
    rate_lhs: regex.Pattern
    prefix_meaning: dict[str, tuple[str, str]]
    suffix_meaning: dict[str, tuple[str, str]]
    per_slash: regex.Pattern  # "150원/kWh"
    per_slash_meaning: dict[str, str]
    counted_in: regex.Pattern = patterns.compile("(?!)")  # after 까지: "…까지 포함하면", "…까지 총사업비"


def compile_markers(words) -> MarkerPatterns:
    prefix_meaning: dict[str, tuple[str, str]] = {}
    for word in FILLERS:
        prefix_meaning[word] = ("filler", "")
    for word in words.marker_words("approximate", "before"):
        prefix_meaning[word] = ("approximate", "true")
    for kind in ("bound", "change"):
        for word, meaning in words.marker_words(kind, "before").items():
            prefix_meaning[word] = (kind, meaning)
    for word, per in words.per_words.items():
        prefix_meaning.setdefault(word, ("per", per))

    suffix_meaning: dict[str, tuple[str, str]] = {}
    for word in words.marker_words("approximate", "after"):
        suffix_meaning[word] = ("approximate", "true")
    for kind in ("bound", "change"):
        for word, meaning in words.marker_words(kind, "after").items():
            suffix_meaning.setdefault(word, (kind, meaning))

    hangul_prefix = [w for w in prefix_meaning if w[:1] >= "가" and w[:1] <= "힣"]
    other_prefix = [w for w in prefix_meaning if w not in hangul_prefix]
    long_after = [w for w in suffix_meaning if len(w) > 1]
    short_after = [w for w in suffix_meaning if len(w) == 1]
    prefix = patterns.compile(
        rf"(?r)(?:(?<![가-힣0-9])(?<![0-9][ \u00a0])(?<!올[ \u00a0])(?P<w>\L<hangul_prefix>)|(?<![0-9])(?P<w>\L<other_prefix>)"
        rf"|(?<![가-힣])(?P<other>[^\s\d(){{}}\[\]][^\s(){{}}\[\]]{{0,5}}당)){S}*",
        hangul_prefix=hangul_prefix, other_prefix=other_prefix or ["\0"],
    )
    suffix = patterns.compile(
        rf"(?P<paren>{S}?[(（][^()（）\n]{{0,24}}[)）])?"
        rf"(?:(?P<short>\L<short_after>)(?:{SHORT_AFTER_END})"
        rf"|{S}?(?P<particle>\L<particles>)?{S}?(?P<w>\L<long_after>))",
        short_after=short_after or ["\0"], long_after=long_after, particles=PARTICLES,
    )
    # the currency words come from the rule data (currencies.toml), like every other word here
    fx_words = words.markers.get("exchange_rate", {}).get("before", ["환율"])
    foreign = words.foreign_words
    exchange_before = patterns.compile(
        rf"(?:(?:\L<foreign>){S}?당{S}?|단{S}?위{S}?[:：]?{S}?)\Z", foreign=foreign,
    )
    rate_context = patterns.compile(r"(?:\L<fx>)[^\n。]{0,40}\Z", fx=fx_words)
    # "1달러=1,450원", "1달러에 1,960원": the won figure right after names the rate
    rate_equation = patterns.compile(rf"{S}?(?:[=＝]{S}?[0-9]|에{S}?[0-9][0-9,.]*{S}?원)")
    foreign_end = patterns.compile(r"(?:\L<foreign>|\$)\Z", foreign=foreign)
    rate_lhs = patterns.compile(rf"(?:(?:\L<foreign>|[0-9]){S}?[=＝]|\L<foreign>에){S}?\Z", foreign=foreign)
    label_phrase = patterns.compile(rf"(?r)(?<![가-힣])[가-힣]{{1,8}}{S}+")
    vague_before = patterns.compile(
        rf"(?r)(?<![가-힣])(?:\L<vague>){S}?", vague=words.markers.get("vague", {}).get("before", ["수"])
    )
    across_last_chars = frozenset({w[-1] for w in words.per_words} | {"당"}
                                  | {w[-1] for w in words.marker_words("bound", "before")})
    per_slash_meaning = {unit: per for per, units in words.markers.get("per_slash", {}).items()
                         for unit in units}
    per_slash = patterns.compile(r"(?:대)?[ \u00a0]?/[ \u00a0]?(?P<u>\L<units>)(?![A-Za-z0-9])",
                              units=sorted(per_slash_meaning, key=len, reverse=True) or ["\0"])
    counted_in = patterns.compile(words.markers.get("counted_in", {}).get("after", "(?!)"))
    return MarkerPatterns(prefix, suffix, exchange_before, vague_before, label_phrase, across_last_chars, rate_context, rate_equation,
                          foreign_end, rate_lhs, prefix_meaning, suffix_meaning, per_slash,
                          per_slash_meaning, counted_in)


# A bound reaches across a money noun only: "최대 지원금 500만 원", not "최대 규모인 300억 원".
_MONEY_NOUN = patterns.compile(r"[가-힣]*(?:비|금|액|예산|료)(?:은|는|이|가|을|를|의)?[ \u00a0]*$")


def read_across_label(text: str, chain_start: int, pats: MarkerPatterns) -> list[tuple[str, str]]:
    """Per and bound words one or two words before the chain: "월 임대료 10만 원" (month),
    "연 매출 3억원 이하" (year), "1인당 평균 지출액은 약 11만 5천 엔" (person),
    "최대 지원금 500만 원" (max)."""
    window = text[max(0, chain_start - 30):chain_start]
    if not any(c in window for c in pats.across_last_chars):
        return []  # no such word can end there (a cheap test before the patterns)
    found: list[tuple[str, str]] = []
    pos = chain_start
    for _ in range(2):  # the label phrase: one word, then maybe one more
        m = pats.label_phrase.match(text, max(0, pos - 12), pos)
        if m is None:
            return found
        pos = m.start()
        start = pos
        for _ in range(3):  # "1인당 최대 지원금 …": the words before the phrase
            before = pats.prefix.match(text, max(0, start - 16), start)
            if before is None:
                break
            if before.group("other"):
                if not not_per(before.group("other")):
                    found.append(("per", "other"))
            else:
                kind, meaning = pats.prefix_meaning[before.group("w")]
                if kind == "per" or kind == "bound" and _MONEY_NOUN.match(text, m.start(), chain_start):
                    found.append((kind, meaning))
                elif kind not in ("filler", "approximate"):
                    return found
            start = before.start()
        if found:
            return found
    return found


def read_prefixes(text: str, start: int, pats: MarkerPatterns) -> tuple[int, list[tuple[str, str]]]:
    """Markers standing before ``start``, nearest first; returns where the chain begins."""
    found: list[tuple[str, str]] = []
    pos = start
    for _ in range(5):
        m = pats.prefix.match(text, max(0, pos - 16), pos)
        if m is None:
            break
        if m.group("other"):
            if not_per(m.group("other")):
                break
            found.append(("per", "other"))
        else:
            found.append(pats.prefix_meaning[m.group("w")])
        pos = m.start()
    return pos, found


def read_per_slash(text: str, end: int, pats: MarkerPatterns) -> str | None:
    """"150원/kWh" -> "other", "3,000원/㎡" -> "area": a per unit written after a slash."""
    m = pats.per_slash.match(text, end)
    return None if m is None else pats.per_slash_meaning[m.group("u")]


def read_suffix(text: str, end: int, pats: MarkerPatterns) -> tuple[str, str] | None:
    """The marker right after an amount, if any: ("bound", "min"), ("change", "decrease") …"""
    m = pats.suffix.match(text, end)
    if m is None:
        return None
    if m.group("short"):
        return pats.suffix_meaning[m.group("short")]
    kind, meaning = pats.suffix_meaning[m.group("w")]
    if m.group("w") == "까지" and pats.counted_in.match(text, m.end()):
        return None  # "시비 28억원까지 포함하면": counting it in, not a limit
    if kind == "change" and m.group("particle") in ("으로", "로"):
        return None  # "300억 원으로 증가": the new level, not the change
    if kind == "approximate" and m.group("particle") and not (
            m.group("particle") == "이나"
            or m.group("particle") == "에" and m.group("w") in ("육박", "근접", "가까운", "가까이")):
        return None  # "300억 원의 수준" reads as a noun phrase, not an approximation
    return kind, meaning


def is_vague(text: str, start: int, pats: MarkerPatterns) -> bool:
    """"수십억 원", "몇억 원": a vague word glued before the numeral (or the numeral's tail)."""
    return pats.vague_before.match(text, max(0, start - 4), start) is not None


_JEON_AFTER = patterns.compile(r"[ \u00a0]?[0-9]{1,2}[ \u00a0]?전(?![가-힣])")


def is_exchange_rate(text: str, start: int, end: int, small_won: bool,
                     pats: MarkerPatterns, small_foreign: bool = False) -> bool:
    """Not an amount: an exchange-rate quote ("원·달러 환율 1,380.5원", "달러당 1,300원",
    "1달러=1,450원") or a table's unit ("(단위: 백만원)").  ``small_won``: a won figure with no
    만/억 unit, the size a rate quote has; ``small_foreign`` the same in another currency
    ("엔화 가치는 평균 130엔")."""
    if pats.exchange_before.search(text, max(0, start - 24), start) is not None:
        return True
    if not small_won and pats.rate_equation.match(text, end) and pats.foreign_end.search(
            text, max(0, end - 6), end):
        return True  # "1달러=1,450원": the foreign side of a rate
    if small_won and pats.rate_lhs.search(text, max(0, start - 12), start):
        return True  # the won side of "1달러=1,450원"
    if small_won and _JEON_AFTER.match(text, end):
        return True  # "886원62전", "3원67전 올라": 전 is written only in rate quotes today
    return ((small_won or small_foreign)
            and pats.rate_context.search(text, max(0, start - 48), start) is not None)
