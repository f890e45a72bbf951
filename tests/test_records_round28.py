"""Families of forms the records rules read in round twenty-eight (issue 20): items of a list
named in quotes before their particle, and the items of one bulleted list read alike.  Every
sentence here is our own; each family has a case it must not touch."""

from __future__ import annotations

import fundparse
from records_cases import record_named as record_of, text_of


# --- funded: a quoted name's item of a list ("‘…사업’에 20억 원, ‘…’ 확대에 28억 원, …") ---------

QUOTED = ("충청남도는 내년도 국비 312억 원을 확보했다고 밝혔다. 국비가 반영된 사업은 모두 9건으로, "
          "‘서해안 해양치유 거점센터 조성사업’에 74억 원, ‘내포 수소충전소’ 확충에 36억 원, "
          "‘금강 자전거길’ 개설에 12억 원 등이다.")


def test_a_quoted_name_before_its_particle_is_an_item_of_the_list():
    record = record_of(QUOTED, "74억 원")
    assert text_of(record.agency) == "충청남도"
    assert "거점센터" in text_of(record.project)


def test_the_quoted_items_after_it_are_funded_too():
    for amount in ("36억 원", "12억 원"):
        record = record_of(QUOTED, amount)
        assert record is not None and text_of(record.agency) == "충청남도", amount


def test_a_quoted_name_without_a_list_is_not_made_a_total():
    text = "군은 ‘하늘마을 작은도서관’에 3억 원 상당의 도서를 기증받았다고 밝혔다."
    mention = next(m for m in fundparse.extract(text) if m.text == "3억 원")
    assert mention.record is None


# --- bulleted lists: the items of one list read alike, each named by its own words ------------

BULLETS = ("광주시는 내년도 국비 2조원을 확보했다고 밝혔다. 반영된 주요 사업은 ▲도시철도 2호선 건설 "
           "1200억원 ▲전기버스 보급 210억원 ▲어르신 돌봄 지원 95억원 등이다.")


def test_an_item_between_funded_items_of_a_bulleted_list_is_funded():
    record = record_of(BULLETS, "210억원")
    assert record is not None and text_of(record.agency) == "광주시"


def test_an_item_without_a_head_is_named_by_its_own_words_not_the_item_before():
    assert text_of(record_of(BULLETS, "210억원").project) == "전기버스 보급"
    assert "도시철도" in text_of(record_of(BULLETS, "1200억원").project)


def test_a_bulleted_item_with_a_head_keeps_its_named_project():
    text = ("새봄군은 올해 공모사업 3건에 선정됐다. 선정된 사업은 △하늘 공영주차장 조성사업 20억원 "
            "△들녘 작은도서관 건립 15억원 등이다.")
    assert text_of(record_of(text, "15억원").project) == "들녘 작은도서관 건립"


def test_a_rate_after_a_bulleted_item_is_not_made_a_total():
    text = ("새봄군은 올해 국비 300억원을 확보했다. 분야별로는 ▲도로 정비 120억원 ▲복지 시설 "
            "80억원으로 모두 지난해보다 10억원 늘었다.")
    mention = next(m for m in fundparse.extract(text) if m.text == "10억원")
    assert mention.record is None


# --- numbered parts inside a name: 2단지, 5도, 6·8공구 ----------------------------------------

def test_a_numbered_estate_stays_inside_the_name():
    text = "새봄구는 들녘주공3단지 주변도로 개설공사(85억 원)를 하반기에 착공한다."
    assert text_of(record_of(text, "85억 원").project) == "들녘주공3단지 주변도로 개설공사"


def test_numbered_parts_joined_by_a_middle_dot_stay_inside_the_name():
    text = "새봄경제청은 3·5공구 공동구 설치공사에 모두 410억원을 들인다고 밝혔다."
    assert text_of(record_of(text, "410억원").project) == "3·5공구 공동구 설치공사"


def test_a_year_before_a_name_stays_out_of_it():
    text = "새봄군은 2026년 공공도서관 건립사업에 총 60억원을 투입한다."
    assert text_of(record_of(text, "60억원").project) == "공공도서관 건립사업"


# --- a provisional name: 가칭 apart from it opens no name -------------------------------------

def test_a_provisional_word_apart_from_the_name_stays_out():
    text = "새봄교육청은 가칭 들녘중학교 신설에 총 320억원을 투입한다."
    assert text_of(record_of(text, "320억원").project) == "들녘중학교 신설"


# --- bulleted lists (2): a quoted name ending an item, and no other item's name ----------------

def test_a_quoted_name_ending_a_bulleted_item_is_its_project_and_the_place_before_it_its_region():
    text = ("새봄시는 세 지구에 도시재생 사업을 벌인다. 지구별로는 ▲들녘동 ‘골목 정원’ 90억원 "
            "▲하늘동 ‘물길 산책로’ 70억원 ▲바람동 ‘청년 공방거리’ 60억원이다.")
    for amount, project, place in (("90억원", "골목 정원", "들녘동"), ("70억원", "물길 산책로", "하늘동"),
                                   ("60억원", "청년 공방거리", "바람동")):
        record = record_of(text, amount)
        assert text_of(record.project) == project and text_of(record.region) == place, amount


def test_a_worked_out_line_of_a_budget_book_is_not_made_an_item():
    text = (" ○ 숲 가꾸기 100ha × 1,000,000원 = 100,000\n"
            " ○ 사업기간: 2024~2026년, 총사업비 300,000 (연차별 100,000)\n")
    for m in fundparse.extract(text):
        if m.text == "100,000":
            assert m.record is None
