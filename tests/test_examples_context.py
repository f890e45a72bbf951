"""Issue 15: money written without 원 that its sentence makes money, units declared in prose or
captions, and the not-money guarantees next to them.

Each row lists every amount the text holds, in order, with its exact KRW (or value for another
currency); nothing else may be reported.  The texts are invented for the forms, not copied.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

import fundparse

EOK = 100_000_000
JO = 10**12

CONTEXT = [
    # bare 조/억 after budget and tax words
    ("정부는 내년 세입을 312.5조로 잡았다.", [("312.5조", 3_125 * JO // 10)]),
    ("법인세에서만 21.7조가 덜 걷혀 세수 결손이 커졌다.", [("21.7조", 217 * JO // 10)]),
    ("올해 국세수입은 337조로 전망된다.", [("337조", 337 * JO)]),
    ("부가가치세는 82조, 소득세는 117조였다.", [("82조", 82 * JO), ("117조", 117 * JO)]),
    ("국세는 전년 대비 15.1조 증가한 382.4조다.", [("15.1조", 151 * JO // 10), ("382.4조", 3824 * JO // 10)]),
    ("적자국채 발행 규모는 86.8조에 이른다.", [("86.8조", 868 * JO // 10)]),
    ("지방교부세는 66.7조, 지방교육재정교부금은 72.3조다.", [("66.7조", 667 * JO // 10), ("72.3조", 723 * JO // 10)]),
    ("복지 분야는 226.9조, 교육 분야는 101.2조가 배정됐다.",
     [("226.9조", 2269 * JO // 10), ("101.2조", 1012 * JO // 10)]),
    # sizes of investment rounds and prices
    ("시리즈 A는 30억 ~ 70억 수준이다.", [("30억 ~ 70억", 30 * EOK)]),
    ("기업가치 1조를 인정받았다.", [("1조", JO)]),
    # bare 억 parts adding up to a won total in the same sentence
    ("신규 12개 97억, 계속 30개 203억을 합쳐 총 300억원이 들어간다.",
     [("97억", 97 * EOK), ("203억", 203 * EOK), ("300억원", 300 * EOK)]),
    ("군에는 14억 원이 지원돼 △체육공원 조명 설치(5억) △하상도로 차단시설(2억) △계곡 CCTV 구축(7억)"
     "이 추진된다.",
     [("14억 원", 14 * EOK), ("5억", 5 * EOK), ("2억", 2 * EOK), ("7억", 7 * EOK)]),
    # …or to a won total stated in the sentence before (two parts at least)
    ("군은 특별교부세 9억원을 확보했다.\n\n사업은 ▲경로당 보수(5억) ▲가로등 설치(4억) 등 2건이다.",
     [("9억원", 9 * EOK), ("5억", 5 * EOK), ("4억", 4 * EOK)]),
    ("도는 국비 50억 원을 확보했다. 체육센터 2곳(국비 20억)과 개보수 9곳(30억)이 선정됐다.",
     [("50억 원", 50 * EOK), ("20억", 20 * EOK), ("30억", 30 * EOK)]),
    ("도는 국비 50억 원을 확보했다. 인구 30억과 20억이 모였다.", [("50억 원", 50 * EOK)]),
    # a list whose last item carries 원
    ("교육 120억, 복지 80억, 문화 50억원을 배정했다.",
     [("120억", 120 * EOK), ("80억", 80 * EOK), ("50억원", 50 * EOK)]),
    # items named by two works and a count each ("…조성사업, …조성사업 등 14건 222억")
    ("춘천시 정비사업, 상상창의마을 조성 등 12건 85억,  철원군 평화마을 조성사업, 숲속문화촌 조성사업 등 "
     "14건 222억, 고성군 진입로 개설 등 13건에 187억원을 투자한다.",
     [("85억", 85 * EOK), ("222억", 222 * EOK), ("187억원", 187 * EOK)]),
    ("분야별로는 △체육관 건립 40억 △도서관 증축 20억 △공원 정비 2억 5000만 원을 확보했다.",
     [("40억", 40 * EOK), ("20억", 20 * EOK), ("2억 5000만 원", 250_000_000)]),
    ("총사업비 300억을 들여 △도로(100억) △하천(200억)을 정비한다.",
     [("300억", 300 * EOK), ("100억", 100 * EOK), ("200억", 200 * EOK)]),
    # a list's currency, named before its bare items
    ("수출은 563.5억 달러, 수입은 507.4억으로 집계됐다.",
     [("563.5억 달러", None), ("507.4억", None)]),
    ("총사업비 300억원, 운영비 2억", [("300억원", 300 * EOK), ("2억", 2 * EOK)]),
    # a count and its money in a headline
    ("신규사업 6곳·22억…계속사업 4곳·32억", [("22억", 22 * EOK), ("32억", 32 * EOK)]),
    # a particle after the figure before a funding verb
    ("기획처는 요구액의 69%인 4천112억만 반영했다.", [("4천112억", 4112 * EOK)]),
    # a project's money right after its name, in brackets or not
    ("선정된 사업은 “해변 산책로 조성사업(12억)”과 “전통시장 정비(7억)”이다.",
     [("12억", 12 * EOK), ("7억", 7 * EOK)]),
    ("마을 6차산업화사업 20억(2027년까지)이 투자된다.", [("20억", 20 * EOK)]),
    ("항구 거점개발사업 70억 선정", [("70억", 70 * EOK)]),
    # a bare 억 right after a label's bracket, or after a count in a work's bracket
    ("올해 사업비(581억)보다 늘었다. 처리시설 확충(4개소 158억)과 마을하수도 정비사업(28개소 188억)을 한다.",
     [("581억", 581 * EOK), ("158억", 158 * EOK), ("188억", 188 * EOK)]),
    # a verb glued to the currency word of an old text: "224억원제외" (국비 562억원 is 771억원's
    # part, not a mention of its own: test_a_total_with_a_glued_exclusion_keeps_its_part)
    ("총공사비 771억원(부지매입비 224억원제외)중 국비 562억원을 지원받는다.",
     [("771억원", 771 * EOK), ("224억원", 224 * EOK)]),
    # …with 에 between the name and its money, in a list of what was secured
    ("또 가산~나리(국도7호선) 건설에 137억, 다리~솔내(국도3호선) 국도건설에 215억, 마을 하수처리장 "
     "설치 사업에 12억, 공원 조성 56억이 확보됐다.",
     [("137억", 137 * EOK), ("215억", 215 * EOK), ("12억", 12 * EOK), ("56억", 56 * EOK)]),
    # …past a note in brackets, or as the last of a bracket naming its place
    ("▲하수관거 정비사업 5억 ▲침수예방사업(해제 천장) 17억 ▲배수로 정비 7억원이 마련됐다.",
     [("5억", 5 * EOK), ("17억", 17 * EOK), ("7억원", 7 * EOK)]),
    ("관광지 재생사업(임자면 대광해수욕장 24억), 미술관 조성사업(9,000만원)이 선정됐다.",
     [("24억", 24 * EOK), ("9,000만원", 90_000_000)]),
    # items in brackets after their names, listed after one written with 원
    ("구리~포천(5600억원)을 비롯해 상주~영천(5261억), 인천~김포(3798억) 등이다.",
     [("5600억원", 5600 * EOK), ("5261억", 5261 * EOK), ("3798억", 3798 * EOK)]),
    # a field of a list after "=", a count before an item's figure, a road's number in its name
    ("△고속도로 타당성 조사비=50억 △4차로 확장=2천397억",
     [("50억", 50 * EOK), ("2천397억", 2397 * EOK)]),
    ("△마을만들기사업 39개소 220억원 △시군역량강화 10개소 33억 △농촌다움 복원 4개소 80억",
     [("220억원", 220 * EOK), ("33억", 33 * EOK), ("80억", 80 * EOK)]),
    ("소정~배방 국도43호 개설(201억), 성환~입장 국도34호(108억) 등 9개 사업이다.",
     [("201억", 201 * EOK), ("108억", 108 * EOK)]),
    # a verb glued to 원 in old text: "…원포함"
    ("총 2백87억5천만원(국비\n1백9억7천5백만원포함)을 책정했다.",
     [("2백87억5천만원", 28750 * 10**6), ("1백9억7천5백만원", 10975 * 10**6)]),
    # a comparison or a level reached after a bare figure
    ("교부세는 지난해 1240억에 비해 168억이 증가했다.", [("1240억", 1240 * EOK), ("168억", 168 * EOK)]),
    ("국도비 예산은 6640억에 달할 것으로 전망된다.", [("6640억", 6640 * EOK)]),
    # a bound word after a bare figure: "1조 가까운 사업비"
    ("남은 공정이 1조 가까운 사업비를 투자해야 한다.", [("1조", 10**12)]),
    # a line broken between the figure and 원, in old newspaper text
    ("총 3조9천8백65억\n원(공항시설 2조8천7백55억.접근교통시설 1조1천1백10억)에 달한다.",
     [("3조9천8백65억\n원", 39865 * EOK), ("2조8천7백55억", 28755 * EOK), ("1조1천1백10억", 11110 * EOK)]),
    ("원주권 현안인 「여주 원주 간 수도권전철」 12억, 교도소 이전 22억 8천만 원",
     [("12억", 12 * EOK), ("22억 8천만 원", 2_280_000_000)]),
    ("9월 기초생활거점 육성(40억)이 선정됐다.", [("40억", 40 * EOK)]),
    # the total of a bare list, after its 등
    ("수입은 보통교부금 3조 8,209억, 특별교부금 460억 등 3조 8,669억이다.",
     [("3조 8,669억", 38669 * EOK)]),
    # a figure with the source it is, before a word of including (here a part of the total)
    ("군은20억국비를포함해30억원의사업비를들였다.", [("30억원", 30 * EOK)]),
    ("군은 20억 국비를 확보했다.", [("20억", 20 * EOK)]),
    # a verb glued to 원 in text written without spaces
    ("군은 민자 12억3천만원유치에 나섰다.", [("12억3천만원", 1_230_000_000)]),
    ("체험장 조성에 국비 2억원반영", [("2억원", 2 * EOK)]),
    # a group after 천 written with its zeros
    ("민자 7천049억, 국비 1조936억", [("7천049억", 7049 * EOK), ("1조936억", 10936 * EOK)]),
]

NOT_MONEY = [
    # a project's name before a count or a span of years is no money
    ("도로 확장사업 1억 명이 이용하는 길", []),
    ("이 개발 3억 년 전 지층", []),
    # population, area and counts never become money by context
    ("인구 1억에서 2억으로 늘어났다.", []),
    ("유동인구가 하루 30만으로 늘었다.", []),
    ("면적 2억 제곱미터, 예산 3억원", [("3억원", 3 * EOK)]),
    # a count's change written with an arrow, its counter after the second figure
    ("기초조사를 확대(3만3000→4만6000개소)하고 사방댐을 확충(510→1000개소, 1886억원)한다.",
     [("1886억원", 1886 * EOK)]),
    ("관람객 3억, 예산 5억원을 합쳐 8억", [("5억원", 5 * EOK)]),
    ("300억원을 투입했으며, 이 가운데 2억 명분은", [("300억원", 300 * EOK)]),
    ("총사업비 300억원, 관객 1억", [("300억원", 300 * EOK)]),
    ("신규 12개 97억, 계속 30개 203억 명을 합쳐 총 300억원", [("300억원", 300 * EOK)]),
    ("6곳·2만 명이 참여했다.", []),
    ("인구가 1억 증가한 3억 명", []),
    ("이 영상은 조회수 1억, 2억을 넘어 총 3억원의 광고 수익을 냈다.", [("3억원", 3 * EOK)]),
    ("중국 인구는 14억, 인도는 14.2억으로 늘었다.", []),
    ("부지 면적은 1억 2천만㎡, 사업비 2조원", [("2조원", 2 * JO)]),
    ("지구에서 1억 5천만 km 떨어진 태양", []),
    ("우주의 나이는 138억 년이다.", []),
    ("서울시 인구 940만, 부산 330만", []),
    ("관객 규모는 1천만 명이다.", []),
    # parts that do not add up to the total stay bare
    ("가 지구 5억, 나 지구 7억을 더해 총 20억원이 든다.", [("20억원", 20 * EOK)]),
    ("총사업비 300억을 들여 △도로(100억) △하천(150억)을 정비한다.", [("300억", 300 * EOK)]),
    # phone numbers, years, codes beside the new forms
    ("문의 02-123-4567. 세입을 312.5조로 잡았다.", [("312.5조", 3_125 * JO // 10)]),
    ("2024년 세입은 2025년 312조로 늘어난다.", [("312조", 312 * JO)]),
    # words that read like a lone digit and a currency word
    ("이유로 사업이 멈췄다.", []),
    ("사유로 보아 지급하지 않는다.", []),
    ("이랜드 그룹은 구원 투수를 찾았다.", []),
    ("강남구 구원 2명", []),
    ("이불 한 채", []),
    # 원 stays won outside a yuan sentence; a malformed figure is no amount
    ("위안화가 강세다. 원화로 300억원을 투자한다.", [("300억원", 300 * EOK)]),
    ("중국 위안화 표시 채권 3000억원어치를 발행했다.", [("3000억원", 3000 * EOK)]),
    ("위안화 약세가 이어지는 가운데 국내 기업은 올해 500억원을 투자한다.", [("500억원", 500 * EOK)]),
    ("전체 사업비는 49억17000만원이다.", []),
    # exchange rates and banknotes are still no amounts
    ("원·달러 환율 1,380.5원, 위안화 환율 190원", []),
    ("5만 원권 200장", []),
]


def _got(text):
    mentions = fundparse.extract(text)
    for m in mentions:
        assert text[m.start:m.end] == m.text
    return [(m.text, m.krw) for m in mentions]


@pytest.mark.parametrize(("text", "expected"), CONTEXT + NOT_MONEY,
                         ids=[t for t, _ in CONTEXT + NOT_MONEY])
def test_money_by_context(text, expected):
    assert _got(text) == expected


def test_a_total_with_a_glued_exclusion_keeps_its_part():
    total = fundparse.extract("총공사비 771억원(부지매입비 224억원제외)중 국비 562억원을 지원받는다.")[0]
    assert total.text == "771억원"
    assert [(p.label, p.krw) for p in total.splits] == [("국비", 562 * EOK)]


def test_list_currency_reaches_bare_items():
    mentions = fundparse.extract("수출은 563.5억 달러, 수입은 507.4억으로 집계됐다.")
    assert [(m.currency, m.value) for m in mentions] == [
        ("USD", Decimal(56_350_000_000)), ("USD", Decimal(50_740_000_000))]


def test_a_bulleted_list_after_commas_reaches_items_with_dashes_and_counts_in_their_names():
    text = ("SOC 분야에 △ 매전 ∼ 건천간 국도개량 148 억 , △ 양남 - 감포간 국도 2차로 개량 150억 , "
            "△ 농소 ~ 외동간 국도 4 차로 건설 193억등이 반영됐다.")
    assert [m.text for m in fundparse.extract(text)] == ["148 억", "150억", "193억"]
    # a year is no word of an item's name: "…,94년 1백44억7천⏎5백만원" (a figure cut by a line break)
    text = "93년 1백9억7천5백만원,94년 1백44억7천\n5백만원을 각각 투입했다."
    assert "1백44억7천" not in [m.text for m in fundparse.extract(text)]


def test_yuan_read_from_the_sentence():
    m, = fundparse.extract("인민폐 100원을 냈다.")
    assert (m.text, m.currency, m.value, m.krw) == ("100원", "CNY", Decimal(100), None)


DECLARED = [
    # a unit declared in prose governs the bare figures after it, not the parenthesised %s
    ("부처별 예산(단위=억원·괄호 안은 전년 대비 %)은 ▲교육 31,250(12·5) ▲복지 40,120(8·3)이다.",
     [("31,250", 31_250 * EOK), ("40,120", 40_120 * EOK)]),
    ("부문별 지출 계획(조원)을 보면 복지는 210.4에서 226.9로 16.5 늘었다.",
     [("210.4", 2104 * JO // 10), ("226.9", 2269 * JO // 10), ("16.5", 165 * JO // 10)]),
    ("※ 단위=억원\n사업\t금액\n도로\t120\n하천\t37·4\n", [("120", 120 * EOK), ("37·4", 374 * EOK // 10)]),
    # one unit per column; the % column is no money
    ("세목별 세수 (단위: 조원, 조원, 조원, %)\n구분\t2023\t2024\t증감\t증감률\n"
     "법인세\t80.4\t62.5\t-17.9\t-22.3\n",
     [("80.4", 804 * JO // 10), ("62.5", 625 * JO // 10), ("17.9", 179 * JO // 10)]),
    # a caption cell, and a middle dot as an old decimal mark under it
    ("사업명\t(억원)\t비고\n도로 정비\t120\t신규\n하천 정비\t37·4\t계속\n",
     [("120", 120 * EOK), ("37·4", 374 * EOK // 10)]),
    # a unit in brackets after a title or a column name starts a new unit
    ("(금액단위: 백만원)\n사업\t금액\n하천\t3,500\n\n[표] 분야별 재원 배분 (조원)\n"
     "분야\t2024\t2025\n보건복지\t242.9\t252.3\n",
     [("3,500", 3_500_000_000), ("242.9", 2429 * JO // 10), ("252.3", 2523 * JO // 10)]),
    ("구분\t예산 (억원)\t비고\n도로\t120\t신규\n", [("120", 120 * EOK)]),
    # a budget book's working: the result is in the table's unit, the factors are not amounts
    ("(단위: 천원)\n사업명\t예산액\t산출기초\n홍보물 제작\t600\t3,000 X 200부 = 600\n",
     [("600", 600_000), ("600", 600_000)]),
    ("(단위: 천원)\n사업명\t예산액\t산출기초\n자료집\t450\t자료집 인쇄 : 1,500원 × 300부 = 450\n",
     [("450", 450_000), ("1,500원", 1_500), ("450", 450_000)]),
]


@pytest.mark.parametrize(("text", "expected"), DECLARED, ids=[t[:40] for t, _ in DECLARED])
def test_declared_units(text, expected):
    assert _got(text) == expected


def test_declared_unit_leaves_counts_and_years_alone():
    text = "지출 계획(조원)을 보면 2025년 복지는 226.9로, 수혜자는 120만 명이다."
    assert _got(text) == [("226.9", 2269 * JO // 10)]


def test_prose_unit_stops_at_the_paragraph():
    text = "예산(단위=억원)은 ▲교육 300이다.\n\n참석자는 300명이고 회의는 3시간 열렸다.\n"
    assert _got(text) == [("300", 300 * EOK)]


def test_a_unit_header_begins_at_its_own_line():
    """The header pattern once began at the first blank before 단위, on the line above: the
    title's "1" was read as 1억.  Headers are now looked for only where one can begin."""
    text = "예산 현황 1\n\n단위: 억원\n구분\t금액\n도로\t120\n"
    assert _got(text) == [("120", 120 * EOK)]


def test_long_runs_of_spaces_before_a_unit_word_are_read_once():
    from fundparse.structure.units import _find_headers

    text = "표" + " " * 20000 + "단위: 억원\n도로\t120\n" + "(" + " " * 20000 + "x"
    (header,) = _find_headers(text)
    assert text[header.start:header.end].strip() == "단위: 억원"


def test_bare_figures_of_a_list_naming_several_places_between_them():
    text = ("지원 금액은 영양군에 120억, S등급인 상주와 영덕에 각 88억, A등급인 청도, 의성, 성주, "
            "영주, 청송, 봉화에 각 80억, B등급인 고령, 문경, 안동, 영천, 울릉, 울진에 각 72억이 지원된다.")
    got = [(m.text, m.krw) for m in fundparse.extract(text)]
    assert got == [("120억", 12_000_000_000), ("88억", 8_800_000_000), ("80억", 8_000_000_000),
                   ("72억", 7_200_000_000)]
