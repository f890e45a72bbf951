"""Property tests (hypothesis).

1. Any non-negative integer KRW below 10^20, written out by a renderer that lives here (not the
   package's format_krw or numeral tables) in several styles, parses back to the same integer.
2. About fifty hand-checked surfaces with their values.
3. ``extract`` and ``check`` never raise on text built from money fragments, units, markers,
   parentheses, particles and noise; offsets always slice back; results are deterministic;
   money is Decimal / int, never float.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import fundparse
from fundparse.checks import CHECKS

from conftest import no_floats

LIMIT = 10**20
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# --- an independent renderer ------------------------------------------------------------------

GROUP_WORDS = ["", "만", "억", "조", "경"]
DIGIT_WORDS = ["", "일", "이", "삼", "사", "오", "육", "칠", "팔", "구"]
PLACE_WORDS = ["천", "백", "십", ""]


def groups_of(n: int) -> list[tuple[int, str]]:
    """(group, unit word) from the highest non-zero 10^4 group down, zero groups dropped."""
    out = []
    for i, word in enumerate(GROUP_WORDS):
        g = n // 10 ** (4 * i) % 10_000
        if g:
            out.append((g, word))
    return out[::-1]


def with_commas(g: int) -> str:
    s = str(g)
    if len(s) <= 3:
        return s
    return s[:-3] + "," + s[-3:]


def render_digits(n: int, commas: bool = True, space: bool = False) -> str:
    s = str(n)
    if commas:
        chunks = []
        while len(s) > 3:
            chunks.append(s[-3:])
            s = s[:-3]
        chunks.append(s)
        s = ",".join(reversed(chunks))
    return s + (" 원" if space else "원")


def render_mixed(n: int, commas: bool = True, sep: str = " ", spaced_won: bool = False) -> str:
    """"123억 4,567만 8,901원": digit groups with their unit words."""
    if n == 0:
        return "0원"
    gs = groups_of(n)
    body = sep.join((with_commas(g) if commas else str(g)) + word for g, word in gs)
    ends_in_unit = gs[-1][1] != ""
    return body + (" 원" if ends_in_unit or spaced_won else "원")


def render_cheon(n: int) -> str:
    """"1억 9천만 원", "4천820만 원": a group's thousands digit written with 천."""
    if n == 0:
        return "0원"
    parts = []
    for g, word in groups_of(n):
        if g >= 1000:
            rest = g % 1000
            parts.append(f"{g // 1000}천{rest if rest else ''}{word}")
        else:
            parts.append(f"{g}{word}")
    return " ".join(parts) + " 원"


def hangul_group(g: int, leading_il: bool) -> str:
    out = []
    for digit, place in zip(f"{g:04d}", PLACE_WORDS):
        d = int(digit)
        if d == 0:
            continue
        if d == 1 and place and not leading_il:
            out.append(place)
        else:
            out.append(DIGIT_WORDS[d] + place)
    return "".join(out)


def render_hangul(n: int, leading_il: bool = False, sep: str = "") -> str:
    """"이천칠백삼십오만 원", "일억 원": Hangul numerals; 1 before 만 optional, before 억 kept."""
    words = []
    for g, unit in groups_of(n):
        text = hangul_group(g, leading_il)
        if g == 1 and unit and unit != "만":
            text = "일"
        elif g == 1 and unit == "만":
            text = "일" if leading_il else ""
        words.append(text + unit)
    return sep.join(words) + " 원"


def parsed_krw(text: str) -> int:
    m = fundparse.parse_amount(text)
    assert m.currency == "KRW", text
    assert isinstance(m.value, Decimal) and type(m.krw) is int, (type(m.value), type(m.krw))
    assert m.text == text.strip(), f"span {m.text!r} of {text!r}"
    return m.krw


def test_renderer_itself():
    # the renderer is checked by hand before it checks the engine
    assert render_digits(27_350_000) == "27,350,000원"
    assert render_mixed(190_000_000) == "1억 9,000만 원"
    assert render_mixed(12_345_678_901) == "123억 4,567만 8,901원"
    assert render_mixed(350_000_000, sep="", commas=False) == "3억5000만 원"
    assert render_cheon(190_000_000) == "1억 9천만 원"
    assert render_cheon(48_200_000) == "4천820만 원"
    assert render_cheon(12_345_678_901) == "123억 4천567만 8천901 원"
    assert render_hangul(27_350_000) == "이천칠백삼십오만 원"
    assert render_hangul(100_000_000) == "일억 원"
    assert render_hangul(14_000_000, leading_il=True) == "일천사백만 원"
    assert render_hangul(10_000) == "만 원" and render_hangul(10_000, leading_il=True) == "일만 원"
    assert render_hangul(1_000_000_000_010, sep=" ") == "일조 십 원"


amounts = st.one_of(
    st.integers(min_value=0, max_value=LIMIT - 1),
    st.integers(min_value=0, max_value=10**9),
    # round figures, as press releases write them
    st.builds(lambda a, e: a * 10**e, st.integers(1, 9999), st.integers(0, 16)),
)


@FAST
@given(amounts, st.booleans(), st.booleans())
@example(0, True, False)
@example(LIMIT - 1, True, True)
def test_digits_parse_back(n, commas, space):
    assert parsed_krw(render_digits(n, commas, space)) == n


@FAST
@given(amounts.filter(lambda n: n > 0), st.booleans(), st.sampled_from([" ", ""]), st.booleans())
@example(LIMIT - 1, True, " ", False)
@example(10**16, True, " ", False)
def test_mixed_parse_back(n, commas, sep, spaced_won):
    assert parsed_krw(render_mixed(n, commas, sep, spaced_won)) == n


@FAST
@given(amounts.filter(lambda n: n > 0))
def test_cheon_parse_back(n):
    assert parsed_krw(render_cheon(n)) == n


@FAST
@given(amounts.filter(lambda n: n >= 10), st.booleans(), st.sampled_from(["", " "]))
@example(27_350_000, False, "")
@example(LIMIT - 1, True, " ")
def test_hangul_parse_back(n, leading_il, sep):
    assert parsed_krw(render_hangul(n, leading_il, sep)) == n


# --- hand-checked values ----------------------------------------------------------------------

HAND = [
    ("1원", 1), ("10원", 10), ("100원", 100), ("1,000원", 1000), ("9,999원", 9999),
    ("1만 원", 10_000), ("만 원", 10_000), ("1만 1원", 10_001), ("10만 원", 100_000),
    ("십만 원", 100_000), ("30만 원", 300_000), ("99만 9,999원", 999_999),
    ("100만 원", 1_000_000), ("백만 원", 1_000_000), ("1,000만 원", 10_000_000),
    ("천만 원", 10_000_000), ("2,735만 원", 27_350_000), ("27,350,000원", 27_350_000),
    ("이천칠백삼십오만 원", 27_350_000), ("5천만 원", 50_000_000), ("오천만 원", 50_000_000),
    ("1억 원", 100_000_000), ("일억 원", 100_000_000), ("1억 1원", 100_000_001),
    ("1억 9,000만 원", 190_000_000), ("1억9천만원", 190_000_000), ("3억5천만원", 350_000_000),
    ("3.5억 원", 350_000_000), ("10억 원", 1_000_000_000), ("십억 원", 1_000_000_000),
    ("12억 3,456만 7,890원", 1_234_567_890), ("281억 원", 28_100_000_000),
    ("이백팔십일억 원", 28_100_000_000), ("1,000억 원", 100_000_000_000),
    ("2,748억 원", 274_800_000_000), ("9,999억 9,999만 9,999원", 999_999_999_999),
    ("1조 원", 10**12), ("일조 원", 10**12), ("1조 2천억 원", 1_200_000_000_000),
    ("1.2조 원", 1_200_000_000_000), ("1조 1원", 1_000_000_000_001),
    ("656조 6천억 원", 656_600_000_000_000), ("677조4천억원", 677_400_000_000_000),
    ("1경 원", 10**16), ("일경 원", 10**16), ("1경 1원", 10**16 + 1),
    ("9,999경 9,999조 9,999억 9,999만 9,999원", LIMIT - 1),
    ("99,999,999,999,999,999,999원", LIMIT - 1),
    ("0.5억 원", 50_000_000), ("1.25억 원", 125_000_000), ("천 4백만 원", 14_000_000),
    ("4천 820만 원", 48_200_000), ("12만 5천 원", 125_000), ("1백억 5천만 원", 10_050_000_000),
    ("만 오천 원", 15_000), ("만오천원", 15_000), ("천 원", 1_000), ("백 원", 100),
]


@pytest.mark.parametrize(("text", "krw"), HAND, ids=[t for t, _ in HAND])
def test_hand_checked(text, krw):
    assert parsed_krw(text) == krw


# --- extract never raises on text built from money-shaped pieces --------------------------------

NUMBERS = ["281", "1,234", "1,23", "2,7500", "0", "00", "3.5", "１２", "２８１", "1.", ".5", "10,000,000",
           "12345678901234567890123456789", "일", "이천", "삼십", "천", "백", "오천", "壹", "一億", "萬",
           "999999999999999999999", "1e5", "٣", "⑤"]
UNITS = ["원", " 원", "억", "만", "조", "경", "천", "백", "십", "억원", "만원", "천원", "백만원", "달러",
         " 달러", "불", "엔", "유로", "위안", "파운드", "센트", "펜스", "캐나다 달러", "미국 달러", "$", "₩",
         "￦", "KRW", "USD", "billion", "빌리언", "여", "대", "원대", "원권", "명", "건", "㎡", "%", "℃",
         "년", "년간", "개"]
MARKERS = ["약 ", "최대 ", "최소 ", " 이상", " 이하", " 미만", " 초과", " 이내", " 가량", " 정도",
           " 안팎", " 남짓", "~", "∼", "～", "〜", "-", "에서 ", "까지", "△", "마이너스 ", " 증액",
           " 감소", "연간 ", "매년 ", "월 ", "1인당 ", "가구당 ", "㎡당 ", "주당 ", "수십", "수백"]
LABELS = ["총사업비 ", "사업비 ", "예산 ", "예산안 ", "국비 ", "도비 ", "시비 ", "군비 ", "지방비 ",
          "민자 ", "자부담 ", "기금 ", "국·도비 ", "국ㆍ도비 ", "국・도비 ", "국‧도비 ", "국･도비 ",
          "시·군비 ", "국 ", "도 ", "군 ", "재원은 ", "이 중 ", "부산시는 ", "구미시는 ", "광역시비 "]
TIME = ["2023년", "2026년", "부터 ", "까지 ", "4년간", "3년 동안", "'23", "’26", "2023~2026년", "올해",
        "내년", "내년도 ", "오는 ", " 착공", " 준공", "보도일시 2024. 5. 21.(화) ", "입력 2024-05-20",
        "(단위: 천원)\n", "(단위 : 억원)\n", "(단위: 백만원)\n"]
GLUE = ["(", ")", "（", "）", "[", "]", ", ", "·", "ㆍ", "/", " ", "  ", "\n", "\r\n", "\t", "\n\n", ". ",
        "을", "를", "은", "는", "이", "가", "의", "과 ", "와 ", "등 ", "중 ", "포함", "으로", "투입한다",
        "들여", "지원", "확보", "규모", "상당", "철원", "연구원", "이천시", "\u00a0", "\u200b", "\ufeff",
        "🙂", "\u0301", "\ud7a3", "\x00"]

fragment = st.one_of(
    st.sampled_from(NUMBERS),
    st.sampled_from(UNITS),
    st.sampled_from(MARKERS),
    st.sampled_from(LABELS),
    st.sampled_from(TIME),
    st.sampled_from(GLUE),
    st.integers(min_value=0, max_value=10**25).map(str),
    st.decimals(min_value=0, max_value=10**6, places=2, allow_nan=False).map(str),
    st.text(max_size=6),
)
money_text = st.lists(fragment, max_size=40).map("".join)


def check_offsets(text: str, mentions) -> None:
    lines = text.split("\n")
    for m in mentions:
        assert 0 <= m.start <= m.end <= len(text)
        assert text[m.start:m.end] == m.text
        line_start = sum(len(x) + 1 for x in lines[: m.line - 1])
        assert m.start - line_start + 1 == m.column and m.line >= 1
        assert isinstance(m.value, Decimal)
        assert m.krw is None or type(m.krw) is int
        if m.range is not None:
            assert isinstance(m.range.low, Decimal) and isinstance(m.range.high, Decimal)
        stack = list(m.splits)
        while stack:
            p = stack.pop()
            assert text[p.start:p.end] == p.text
            assert isinstance(p.value, Decimal)
            assert p.krw is None or type(p.krw) is int
            assert p.share is None or isinstance(p.share, Decimal)
            stack.extend(p.splits)
        if m.period is not None:
            p = m.period
            assert text[p.start_offset:p.end_offset] == p.text
        no_floats(m.to_dict())
    no_overlap(mentions)


def no_overlap(mentions) -> None:
    """Mentions never share a character: each piece of text is read as one amount at most."""
    spans = sorted((m.start, m.end) for m in mentions)
    for (a_start, a_end), (b_start, b_end) in zip(spans, spans[1:]):
        assert a_end <= b_start, f"overlapping mentions {a_start}-{a_end} and {b_start}-{b_end}"


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(money_text)
@example("2023년부터 2026년까지 4년간 총사업비 281억 원(국비 121, 지방비 160)을 투입한다.")
@example("지방비 30억4,000만원(도비 9억1,200만원·시비 21억2,800만원)")
@example("(단위: 천원)\n사업명\t예산액\n도로\t200,000\t국 120,000\t도 80,000\n")
@example("100000000000000000000억 원")  # more digits than Decimal's default context holds
@example("사업비 999999999999999999999999조")
@example("999999999999999999999999경 원")
@example("724704760722696081244160(단위 : 억원)\n")
@example("$100~$200")
@example("₩5,000~1만원")
@example("$1~2 billion")
def test_extract_never_raises_and_slices_back(text):
    first = fundparse.extract(text)
    check_offsets(text, first)
    again = fundparse.extract(text)
    assert first == again
    assert [m.to_dict() for m in first] == [m.to_dict() for m in again]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(money_text, st.one_of(st.none(), st.integers(2000, 2030),
                             st.dates(dt.date(2000, 1, 1), dt.date(2030, 12, 31))))
@example("100000000000000000000억", None)
@example("총사업비 999999999999999999999999조 원(국비 1, 지방비 2)", 2024)
def test_check_never_raises(text, doc_date):
    findings = fundparse.check(text, doc_date=doc_date)
    assert findings == fundparse.check(text, doc_date=doc_date)
    for f in findings:
        assert f.code in CHECKS and f.severity in ("error", "warning")
        assert 0 <= f.start <= f.end <= len(text)
        assert f.message
        no_floats(f.to_dict()) and no_floats(f.to_dict("en"))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(money_text, st.dates(dt.date(2000, 1, 1), dt.date(2030, 12, 31)),
       st.decimals(min_value=Decimal("0.001"), max_value=Decimal(100000), places=3))
def test_extract_with_rates_and_date(text, doc_date, rate):
    mentions = fundparse.extract(text, doc_date=doc_date,
                                 rates={"USD": rate, "EUR": rate, "JPY": rate, "CNY": rate})
    check_offsets(text, mentions)
    for m in mentions:
        if m.currency in ("USD", "EUR", "JPY", "CNY"):
            assert type(m.krw) is int


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=200))
def test_extract_never_raises_on_any_text(text):
    check_offsets(text, fundparse.extract(text))
    fundparse.check(text)


# --- a currency symbol before a range (issue 21) ---------------------------------------------

SYMBOL_RANGES = [
    ("$100~$200", "USD", 100, 200),
    ("₩5,000~1만원", "KRW", 5_000, 10_000),
    ("$1~2 billion", "USD", 10**9, 2 * 10**9),
    ("$1 billion~$2 billion", "USD", 10**9, 2 * 10**9),
    ("$1~$2 billion", "USD", 10**9, 2 * 10**9),
    ("$100-200", "USD", 100, 200),
    ("US$ 100~200", "USD", 100, 200),
    ("₩5,000~₩10,000", "KRW", 5_000, 10_000),
    ("₩5,000~10,000", "KRW", 5_000, 10_000),
    ("€5~€10", "EUR", 5, 10),
]


@pytest.mark.parametrize(("text", "currency", "low", "high"), SYMBOL_RANGES,
                         ids=[t for t, *_ in SYMBOL_RANGES])
def test_symbol_before_a_range_reads_as_one_range(text, currency, low, high):
    (m,) = fundparse.extract(text)
    assert (m.start, m.end, m.currency) == (0, len(text), currency)
    assert m.range is not None and (m.range.low, m.range.high) == (low, high)


def test_two_currencies_are_two_amounts_not_a_range():
    mentions = fundparse.extract("$100~€200")
    assert [(m.text, m.currency, m.range) for m in mentions] == [("$100", "USD", None),
                                                                  ("€200", "EUR", None)]


def test_a_bare_count_after_a_symbol_range_is_not_money():
    (m,) = fundparse.extract("$100~200명")
    assert (m.text, m.range) == ("$100", None)


SYMBOLS = ["$", "US$", "US$ ", "₩", "￦", "€", "£", "¥", "KRW ", "USD ", "EUR "]
DASHES = ["~", "∼", "～", "-", " ~ ", "–"]
TAILS = ["", " billion", " million", "만", "억", "원", " 달러", "달러", "명", "%", " 정도", "까지", "\n"]
figure = st.one_of(st.integers(0, 10**7).map(str), st.sampled_from(["1,000", "5,000", "1.5", "3억", "1만"]))
symbol_range = st.builds(
    lambda s1, a, d, s2, b, t, lead: lead + s1 + a + d + s2 + b + t,
    st.sampled_from(SYMBOLS), figure, st.sampled_from(DASHES),
    st.one_of(st.just(""), st.sampled_from(SYMBOLS)), figure, st.sampled_from(TAILS),
    st.sampled_from(["", "약 ", "사업비 ", "총 ", "1~"]),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(symbol_range, st.lists(st.one_of(symbol_range, fragment), max_size=8).map("".join)))
def test_mentions_never_overlap(text):
    mentions = fundparse.extract(text)
    check_offsets(text, mentions)
