"""Korean, Hanja and Arabic numerals -> exact ``Decimal``.  Knows nothing about money.

Korean groups digits by 10^4: 만 10^4, 억 10^8, 조 10^12, 경 10^16; 십/백/천 multiply inside a
group.  A numeral is a run of *sections* ("3억" "5천만"), each a *group* of terms in falling
order ("4천 820", "1천 1백 70", "이천칠백삼십오") closed by a falling big unit, and may end with
a group of its own ("12만 5천").

>>> parse_numeral("3억5천만").value
Decimal('350000000')
>>> parse_numeral("1억 9,000만").value
Decimal('190000000')
>>> parse_numeral("이천칠백삼십오만").value
Decimal('27350000')
>>> parse_numeral("1,23억") is None   # malformed digit grouping is not a numeral
True
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from decimal import Decimal, localcontext

from fundparse import patterns
from fundparse.model import EXACT, whole

MAX_DIGITS = 24  # a digit run longer than this is not money (and int() is never asked for more)

FULLWIDTH = str.maketrans("０１２３４５６７８９，．", "0123456789,.")

DIGIT_WORDS = {
    "일": 1, "이": 2, "삼": 3, "사": 4, "오": 5, "육": 6, "륙": 6, "칠": 7, "팔": 8, "구": 9,
    "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
    "壹": 1, "壱": 1, "貳": 2, "贰": 2, "弐": 2, "參": 3, "叁": 3, "参": 3, "肆": 4, "伍": 5,
    "陸": 6, "陆": 6, "柒": 7, "捌": 8, "玖": 9,
}
SMALL_UNITS = {"십": 10, "백": 100, "천": 1000, "十": 10, "拾": 10, "百": 100, "佰": 100,
               "千": 1000, "仟": 1000}
BIG_UNITS = {"만": 10**4, "萬": 10**4, "万": 10**4, "억": 10**8, "億": 10**8, "亿": 10**8,
             "조": 10**12, "兆": 10**12, "경": 10**16, "京": 10**16}
APPROX_INFIX = "여"  # 300여억, 5천여만, 300억여

_DIGIT = "0-9\uff10-\uff19"
# An Arabic number: digits, optional thousands separators, optional decimals.  The negative
# look-arounds make it all-or-nothing, so "1,23" or "2024.05.20" never yield a part.
ARABIC = (
    rf"(?<![{_DIGIT}]|[{_DIGIT}][.,:\uff0c])"
    rf"[{_DIGIT}]+(?:[,\uff0c][{_DIGIT}]{{3}})*(?:\.[{_DIGIT}]+)?"
    rf"(?![{_DIGIT}]|[.,\uff0c][{_DIGIT}])"
)
NUMERAL_CHARS = "".join(DIGIT_WORDS) + "".join(SMALL_UNITS) + "".join(BIG_UNITS)
UNIT_CHARS = "".join(SMALL_UNITS) + "".join(BIG_UNITS)
DIGIT_CHARS = "".join(DIGIT_WORDS)
SPACE = "[ \u00a0]"

_TOKEN = patterns.compile_re(
    rf"(?P<num>[{_DIGIT}]+(?:[,\uff0c][{_DIGIT}]+)*(?:[.\uff0e][{_DIGIT}]+)?)"
    rf"|(?P<digit>[{''.join(DIGIT_WORDS)}])"
    rf"|(?P<small>[{''.join(SMALL_UNITS)}])"
    rf"|(?P<big>[{''.join(BIG_UNITS)}])"
    rf"|(?P<yeo>{APPROX_INFIX})"
    rf"|(?P<space>{SPACE}+)"
)
_GROUPED = patterns.compile_re(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
_STOP_FOR_COMMA = patterns.compile_re(r"[1-9]\d{0,2}\.\d00")  # "3.000만": 3,000만


@dataclass(frozen=True, slots=True)
class Numeral:
    """A parsed numeral: ``text[start:end]`` of the run it came from has value ``value``."""

    value: Decimal
    start: int
    end: int
    big_units: tuple[int, ...]  # multipliers of the big units used, in order (억 then 만 …)
    approximate: bool  # an infix 여: 300여억, 5천여만
    hangul: bool  # written with Hangul/Hanja numerals only (no Arabic digit)
    arabic_only: bool  # plain Arabic number, no unit word at all
    last_group_plain: bool  # ends in a group with no big unit ("12만 5천", "1,234")

    @property
    def unit(self) -> int:
        """Multiplier of the last big unit (1 when none): the unit a bare part inherits."""
        return self.big_units[-1] if self.big_units else 1


def arabic_value(raw: str) -> Decimal | None:
    """Value of an Arabic number with optional thousands commas; None when malformed.

    A stop typed for the thousands comma, three digits after it ending in 00, is read as the
    comma it stands for ("3.000만원" is 3,000만원): no decimal is written with two zeros at its end.

    >>> arabic_value("27,350,000"), arabic_value("3.5"), arabic_value("2,7500")
    (Decimal('27350000'), Decimal('3.5'), None)
    >>> arabic_value("3.000"), arabic_value("2.500"), arabic_value("0.500"), arabic_value("1.125")
    (Decimal('3000'), Decimal('2500'), Decimal('0.500'), Decimal('1.125'))
    """
    raw = raw.translate(FULLWIDTH)
    if not _GROUPED.fullmatch(raw) or raw[0] == "0" and raw[1:2].isdigit():
        return None  # malformed grouping, or a leading zero (03:00, 055-330-…) is no amount
    if _STOP_FOR_COMMA.fullmatch(raw):
        raw = raw.replace(".", ",")
    digits = raw.replace(",", "")
    if len(digits.replace(".", "")) > MAX_DIGITS:
        return None
    return Decimal(digits)


class _Reader:
    """Greedy reader of one numeral from a token list; see ``parse_numerals``."""

    def __init__(self, tokens: list[tuple[str, str, int, int]]):
        self.tokens = tokens
        self._hangul_only: bool | None = None  # every token a Hangul numeral or a space

    def read(self, i: int) -> tuple[Numeral, int] | None:
        """Longest valid numeral starting at token i; returns it and the next token index."""
        toks = self.tokens
        n = len(toks)
        total = Decimal(0)
        big_units: list[int] = []
        approx = False
        hangul = True
        has_unit = False
        best: tuple[Numeral, int] | None = None
        start = toks[i][2]
        j = i
        first_section = True
        while j < n:
            # one group: terms in falling order, then an optional big unit
            group = Decimal(0)
            last_unit = 10**5  # larger than 천
            terms = 0
            k = j
            plain_seen = False
            group_end_tok = j
            group_approx = False
            while k < n:
                kind, raw, _, _ = toks[k]
                if kind == "space":
                    if terms == 0:
                        break
                    # a space may separate terms (or 여 from them: "3천 여억"): look past it
                    if k + 1 < n and toks[k + 1][0] in ("num", "digit", "small", "yeo"):
                        k += 1
                        continue
                    break
                if kind == "num" or kind == "digit":
                    if plain_seen:
                        break
                    if kind == "num":
                        coef = arabic_value(raw)
                        if (coef is None and terms and raw.isdigit()
                                and len(raw) == len(str(last_unit)) - 1):
                            coef = Decimal(raw)  # the rest of the group zero-padded: "7천049억"
                        if coef is None:
                            return best
                        hangul = False
                    else:
                        coef = Decimal(DIGIT_WORDS[raw])
                    nxt = toks[k + 1][0] if k + 1 < n else ""
                    if nxt == "small":
                        unit = SMALL_UNITS[toks[k + 1][1]]
                        if unit >= last_unit or (terms and coef >= 10):
                            break
                        group += coef * unit
                        last_unit = unit
                        terms += 1
                        has_unit = True
                        k += 2
                        group_end_tok = k
                        continue
                    # a plain term closes the group
                    if terms and coef >= last_unit:
                        break
                    if kind == "digit" and not (k + 1 < n and toks[k + 1][0] in ("big", "yeo")):
                        # a lone Hangul digit ends a numeral only where a unit follows it:
                        # "281억이" is 281억 followed by the particle 이, never 281억 2.
                        if not self._hangul_tail_ok(k) or terms == 0 and k == 0:
                            break
                    group += coef
                    terms += 1
                    plain_seen = True
                    k += 1
                    group_end_tok = k
                    continue
                if kind == "small":
                    unit = SMALL_UNITS[raw]
                    if unit >= last_unit:
                        break
                    group += unit
                    last_unit = unit
                    terms += 1
                    has_unit = True
                    k += 1
                    group_end_tok = k
                    continue
                if kind == "yeo" and terms:
                    group_approx = True
                    k += 1
                    group_end_tok = k
                break
            if terms == 0:
                break
            k = group_end_tok
            # optional space, then a big unit
            m = k
            if m < n and toks[m][0] == "space" and m + 1 < n and toks[m + 1][0] == "big":
                m += 1
            if m < n and toks[m][0] == "big":
                mult = BIG_UNITS[toks[m][1]]
                if big_units and mult >= big_units[-1]:
                    mult = 0
                if mult and not first_section and group >= 10**4:
                    mult = 0
                if mult:
                    total += group * mult
                    big_units.append(mult)
                    has_unit = True
                    approx = approx or group_approx
                    m += 1
                    if m < n and toks[m][0] == "yeo":
                        approx = True
                        m += 1
                    best = (self._numeral(total, start, toks[m - 1][3], big_units, approx,
                                          hangul, has_unit, False), m)
                    first_section = False
                    j = m
                    # sections may be separated by one space
                    if j < n and toks[j][0] == "space":
                        j += 1
                    continue
            # a group with no big unit ends the numeral
            if not first_section and group >= big_units[-1]:
                break
            total += group
            approx = approx or group_approx
            best = (self._numeral(total, start, toks[k - 1][3], big_units, approx, hangul,
                                  has_unit, True), k)
            break
        return best

    def _hangul_tail_ok(self, k: int) -> bool:
        # A ones digit may close a numeral only in a run of Hangul numerals that ends there
        # ("일억 육천칠백팔십구 원"); the caller checks the currency word after the run.
        # Only the last token can qualify, so the run is looked over once, not once per token
        # ("일" * 32000 + "원" was quadratic).
        if k + 1 != len(self.tokens):
            return False
        if self._hangul_only is None:
            self._hangul_only = all(t[0] in ("digit", "small", "big", "space") for t in self.tokens)
        return self._hangul_only

    @staticmethod
    def _numeral(total, start, end, big_units, approx, hangul, has_unit, plain_tail):
        return Numeral(
            value=whole(total),
            start=start,
            end=end,
            big_units=tuple(big_units),
            approximate=approx,
            hangul=hangul,
            arabic_only=not has_unit and not hangul,
            last_group_plain=plain_tail,
        )


def tokenize(run: str) -> list[tuple[str, str, int, int]]:
    """Split a numeral run into (kind, raw, start, end) tokens; stops at the first stray char.
    A space between digits and the 천/백/십 after them is dropped ("8 천만" is 8천만).

    A run that opens with 만 reads it as 일만 ("만 원", "만오천 원"): a zero-width 일 is put
    in front.
    """
    tokens = [("digit", "일", 0, 0)] if run[:1] in ("만", "萬", "万") else []
    pos = 0
    for m in _TOKEN.finditer(run):
        if m.start() != pos:
            break
        tokens.append((m.lastgroup, m.group(), m.start(), m.end()))
        pos = m.end()
    while tokens and tokens[-1][0] == "space":
        tokens.pop()
    # "3 억 8 천만": digits and the 천/백/십 after them form one term, space or not
    return [t for i, t in enumerate(tokens)
            if not (t[0] == "space" and 0 < i < len(tokens) - 1
                    and tokens[i - 1][0] == "num" and tokens[i + 1][0] == "small")]


def parse_numerals(run: str) -> list[Numeral]:
    """Every valid numeral in a run, left to right, greedy ("2024 3억" -> 2024, 3억)."""
    return list(_cached(run))


@lru_cache(maxsize=8192)
def _cached(run: str) -> tuple[Numeral, ...]:
    # the same figures recur (281억, 1억 원 …): their numerals are immutable, so kept
    with localcontext(EXACT):
        return tuple(_parse_numerals(run))


def _parse_numerals(run: str) -> list[Numeral]:
    tokens = tokenize(run)
    reader = _Reader(tokens)
    found: list[Numeral] = []
    i = 0
    while i < len(tokens):
        if tokens[i][0] in ("space", "yeo", "big"):
            i += 1
            continue
        got = reader.read(i)
        if got is None:
            i += 1
            continue
        numeral, nxt = got
        found.append(numeral)
        i = max(nxt, i + 1)
    return found


# Hangul decimals: "일점오" 1.5, "십구쩜구구" 19.99 (영 and 공 are zero after the point).
DECIMAL_POINTS = "점쩜"
ZERO_WORDS = {"영": 0, "공": 0}
FRACTION_CHARS = "일이삼사오육칠팔구영공"


def hangul_digit(char: str) -> Numeral:
    """A lone Hangul digit ("칠" of "칠파운드"): only the caller knows it stands as a number."""
    return Numeral(value=Decimal(DIGIT_WORDS[char]), start=0, end=1, big_units=(),
                   approximate=False, hangul=True, arabic_only=False, last_group_plain=True)


def parse_hangul_decimal(text: str) -> Numeral | None:
    """"일점오" -> 1.5, "십구쩜구구" -> 19.99, "영점오" -> 0.5; None for anything else.

    >>> parse_hangul_decimal("일쩜이삼").value
    Decimal('1.23')
    """
    for point in DECIMAL_POINTS:
        whole_part, sep, fraction = text.partition(point)
        if sep:
            break
    else:
        return None
    if not whole_part or not fraction or any(c not in FRACTION_CHARS for c in fraction):
        return None
    if whole_part in ZERO_WORDS:
        integer = Decimal(0)
    elif len(whole_part) == 1 and whole_part in DIGIT_WORDS:
        integer = Decimal(DIGIT_WORDS[whole_part])
    else:
        numeral = parse_numeral(whole_part)
        if numeral is None or not numeral.hangul:
            return None
        integer = numeral.value
    digits = "".join(str(ZERO_WORDS.get(c, DIGIT_WORDS.get(c, 0))) for c in fraction)
    value = integer + Decimal(f"0.{digits}")
    return Numeral(value=value, start=0, end=len(text), big_units=(), approximate=False,
                   hangul=True, arabic_only=False, last_group_plain=True)


def small_hangul_value(text: str) -> Decimal | None:
    """A number under 100 in Hangul ("오십", "이십삼", "칠") or digits, for a minor unit."""
    if text.isdigit():
        return Decimal(text)
    if len(text) == 1:
        return Decimal(DIGIT_WORDS[text]) if text in DIGIT_WORDS else None
    numeral = parse_numeral(text)
    return numeral.value if numeral is not None and numeral.value < 100 else None


def parse_numeral(text: str) -> Numeral | None:
    """The numeral covering all of ``text`` (surrounding spaces allowed), else None."""
    stripped = text.strip(" \u00a0")
    found = parse_numerals(stripped)
    if len(found) == 1 and found[0].start == 0 and found[0].end == len(stripped):
        return found[0]
    return None


# "7억5천" said for 7억 5천만: a last group of 천/백 terms right after 억, 조 or 경, with the
# next big unit left unsaid; so is a last group of up to four digits ("10억8000", "5억 400" in
# budget codes "국 10억8000 도 2억 1600").  Only a bare numeral (no currency word after it) is
# read this way.
_ELIDED = patterns.compile_re(
    rf"(?P<big>[억조경]){SPACE}?(?P<tail>(?:[0-9]{{1,2}}|[{DIGIT_CHARS}])?천"
    rf"(?:{SPACE}?(?:[0-9]|[{DIGIT_CHARS}])?백)?|(?:[0-9]|[{DIGIT_CHARS}])?백"
    rf"|[1-9][0-9]{{0,3}}|[1-9],[0-9]{{3}})\Z"
)
_NEXT_DOWN = {"억": 10**4, "조": 10**8, "경": 10**12}


def elided_value(surface: str, numeral: Numeral) -> Decimal:
    """The value a bare numeral means when its last big unit is elided:
    "7억5천" -> 750,000,000, "4조5천" -> 4,500,000,000,000; otherwise its plain value.

    >>> elided_value("7억5천", parse_numeral("7억5천"))
    Decimal('750000000')
    >>> elided_value("7억 5천만", parse_numeral("7억 5천만"))
    Decimal('750000000')
    >>> elided_value("10억 8000", parse_numeral("10억 8000"))
    Decimal('1080000000')
    """
    m = _ELIDED.search(surface.rstrip(" \u00a0"))
    if m is None:
        return numeral.value
    tail = parse_numeral("1" + m.group("tail") if m.group("tail")[0] in "천백" else m.group("tail"))
    if tail is None:
        return numeral.value
    return numeral.value + tail.value * (_NEXT_DOWN[m.group("big")] - 1)
