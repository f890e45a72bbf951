"""Not money (expressions.md, last section): precision over recall on noise.

Two tables: texts that hold no amount at all (``extract`` returns nothing), and texts whose only
amounts are the listed ones (the noise beside them must not add or change a mention).
"""

from __future__ import annotations

import pytest

import fundparse

NONE = [
    # weather widgets: station names ending in 원 next to a temperature
    "흐림철원16.6℃",
    "철원16.6℃",
    "맑음원주12.1℃",
    "구름많음철원 16.6℃",
    "흐림 철원 16.6 ℃",
    "비수원18.2℃",
    "맑음강원 영동 21℃",
    "서울 17.3℃ 철원16.6℃ 원주17.0℃ 춘천16.9℃",
    "흐림철원16.6℃ 맑음수원18.2℃ 구름많음정선군15.0℃",
    "철원 -3.2℃",
    # words with 원 that are not the currency
    "연구원 3명",
    "연구원 3명이 참여한다.",
    "지원 2건",
    "지원 2건을 승인했다.",
    "원장",
    "원장 1명",
    "원주",
    "원주 2곳",
    "구원",
    "시 일원",
    "시 일원에서 행사가 열린다.",
    "위원 15명",
    "회원 300명",
    "직원 50명",
    "공무원 1,200명",
    "병원 3곳",
    "공원 2곳",
    "인원 500명",
    "정원 30명",
    "교원 120명",
    "동원 인원 300명",
    "사원 2백 명",
    "3개 학원",
    # counts, areas, shares, years, dates
    "144만 명",
    "144만 명이 찾았다.",
    "하루 15만t의 생활용수를 공급한다.",
    "하루 5만㎥씩 재처리한다.",
    "1억 명",
    "281억 명",
    "281억 개",
    "281억 건",
    "281억 ㎡",
    "30만㎡",
    "30만 ㎡",
    "22건",
    "3개",
    "5천 개",
    "1만 2천 명",
    "10만 가구",
    "2만 5천 석",
    "2024년",
    "2023~2026년",
    "2024년 5월 20일",
    "30일 시청 대회의실에서",
    "30일 시청 대회의실에서 열린다.",
    "30%",
    "3.5%",
    "50% 증가",
    "3천 명 증가",
    "1만 톤",
    "5km",
    # phone numbers and article numbers
    "02-123-4567",
    "문의 02-123-4567",
    "010-1234-5678",
    "담당: 도로팀 043-540-3412",
    "제3조",
    "제12조 제2항",
    "제3조에 따라",
    # place names that read like numerals
    "이천시",
    "이천시 관계자",
    "사천",
    "사천시청",
    "천안",
    "천안시 주민",
    "구미",
    "구미 시민",
    "일산",
    "일산 주민",
    "오산",
    "오산시",
    "삼척",
    "삼척시",
    "오천",
    "오천읍 주민",
    # a banknote
    "5만 원권",
    "5만원권",
    "5만 원권 지폐",
    "1만원권 신권",
    # exchange-rate quotes
    "원·달러 환율 1,380.5원",
    "원·달러 환율은 1,380.5원에 마감했다.",
    "원/달러 환율 1,385.2원",
    "100엔당 900원",
    "원·엔 환율은 100엔당 905원이다.",
    "달러당 1,380원",
    "환율은 달러당 1,380원이다.",
    "원·위안 환율 190.1원",
    "환율은 1달러에 1,960원까지 올랐다.",
    "당시 1달러에 1,300원 선이었다.",
    # vague amounts
    "수십억 원",
    "수백억 원",
    "수천만 원",
    "수억 원",
    "수조 원",
    "수십억원이 든다.",
    "수백억 원대",
    "억원대",
    # a digit run longer than 24 digits
    "1234567890123456789012345원",
    "12345678901234567890123456789원",
    "₩1234567890123456789012345",
]


@pytest.mark.parametrize("text", NONE)
def test_not_money(text):
    got = [(m.text, m.value, m.currency) for m in fundparse.extract(text)]
    assert got == [], f"{text!r}: expected no mention, got {got}"


ONLY = [
    # place names that read like numerals beside real money
    ("이천시 예산 1,200억 원", [("1,200억 원", 120_000_000_000)]),
    ("이천시 1,200억 원", [("1,200억 원", 120_000_000_000)]),
    ("사천시 예산 50억 원", [("50억 원", 5_000_000_000)]),
    ("천안시는 100억 원을 투입한다.", [("100억 원", 10_000_000_000)]),
    ("구미시는 281억 원을 들여", [("281억 원", 28_100_000_000)]),
    ("일산 5천만 원", [("5천만 원", 50_000_000)]),
    ("오산시 3억 원", [("3억 원", 300_000_000)]),
    ("삼척시 20억 원", [("20억 원", 2_000_000_000)]),
    ("오천읍에 5억 원을 지원", [("5억 원", 500_000_000)]),
    # 원 words beside money
    ("연구원 3명에게 1억 원을 지원한다.", [("1억 원", 100_000_000)]),
    ("원장은 예산 10억 원을 요청했다.", [("10억 원", 1_000_000_000)]),
    ("원주 혁신도시에 500억 원", [("500억 원", 50_000_000_000)]),
    ("지원 2건에 3천만 원", [("3천만 원", 30_000_000)]),
    # counts next to money
    ("144만 명에게 30만 원씩", [("30만 원", 300_000)]),
    ("22건, 15억 원", [("15억 원", 1_500_000_000)]),
    ("30만㎡ 부지에 2,000억 원", [("2,000억 원", 200_000_000_000)]),
    ("2024년 예산 300억 원", [("300억 원", 30_000_000_000)]),
    ("제3조에 따라 5천만 원 이하", [("5천만 원", 50_000_000)]),
    ("30일 시청에서 1억 원 전달", [("1억 원", 100_000_000)]),
    # weather widget beside an article sentence
    ("흐림철원16.6℃ 맑음원주12.1℃\n시는 281억 원을 투입한다.", [("281억 원", 28_100_000_000)]),
    # a banknote beside money
    ("5만 원권 200장, 1천만 원", [("1천만 원", 10_000_000)]),
    # vague beside definite
    ("수십억 원이 들지만 올해는 30억 원만 편성했다.", [("30억 원", 3_000_000_000)]),
    ("수백억 원대 사업 중 50억 원", [("50억 원", 5_000_000_000)]),
    # exchange-rate quote beside money
    ("원·달러 환율 1,380.5원 기준 1,380억 원", [("1,380억 원", 138_000_000_000)]),
    ("100엔당 900원으로 환산한 90억 원", [("90억 원", 9_000_000_000)]),
    ("10만 달러에 1억 3천만원 상당의 계약", [("10만 달러", None), ("1억 3천만원", 130_000_000)]),
    # percentages and phone numbers beside money
    ("국비 비율 30%, 사업비 10억 원", [("10억 원", 1_000_000_000)]),
    ("문의 02-123-4567. 총 5억 원", [("5억 원", 500_000_000)]),
    # counters after a bare number: not money; the won amount is
    ("281억 명이 아니라 281억 원", [("281억 원", 28_100_000_000)]),
    # energy in one-character symbols or small letters after a bare number: no money
    ("6679억원을 들인 댐은 연간 450만㎾h의 전력을 낸다.", [("6679억원", 667_900_000_000)]),
    ("공사비 80억원, 연평균 2백30만kwh 생산", [("80억원", 8_000_000_000)]),
    # a count cut by a wrapped line ("1만⏎247명"), beside money
    ("다리에 50억원을 들인다. 주민은 거금도 1만4,315명, 고금도 1만\n247명이다.",
     [("50억원", 5_000_000_000)]),
]


@pytest.mark.parametrize(("text", "expected"), ONLY, ids=[t for t, _ in ONLY])
def test_only_the_money(text, expected):
    mentions = fundparse.extract(text)
    got = [(m.text, m.krw) for m in mentions]
    assert got == expected, f"{text!r}: expected {expected}, got {got}"
    for m in mentions:
        assert text[m.start:m.end] == m.text
