"""Families of forms the records rules read since the blind set (issue 20): each written here in
our own sentences, several a family, so a rule is general and not one sentence's."""

from __future__ import annotations

import pytest

import fundparse
from records_cases import record_named as record_of


def names(record):
    return tuple(None if s is None else s.text
                 for s in (record.agency, record.project, record.region))


@pytest.mark.parametrize("text, amount, agency", [
    ("강서구(구청장 홍길동)는 총 12억 원을 들여 마곡 빗물 저류시설을 짓는다.", "12억 원", "강서구"),
    ("국토교통부(장관 김아무개)는 올해 교통안전 개선사업에 모두 300억 원을 투입한다.", "300억 원",
     "국토교통부"),
    ("전남 해남군(군수 이아무개)은 사업비 45억 원을 투입해 농산물 산지유통센터를 세운다.", "45억 원",
     "전남 해남군"),
    ("한국농어촌공사 영주지사(지사장 박아무개)가 사업비 40억 원을 투입해 양수장을 고친다.",
     "40억 원", "한국농어촌공사 영주지사"),
    ("한국수자원공사 금강유역본부는 총 90억 원을 들여 취수장 개량사업을 벌인다.", "90억 원",
     "한국수자원공사 금강유역본부"),
])
def test_a_body_with_an_aside_or_a_branch_is_the_agency(text, amount, agency):
    assert record_of(text, amount).agency.text == agency


@pytest.mark.parametrize("text", [
    "신규지구는 총 60억 원을 들여 용수로를 정비한다.",
    "활용도가 높은 시설에 총 8억 원을 투입한다.",
])
def test_a_word_that_only_ends_like_a_body_is_no_agency(text):
    record = next(m for m in fundparse.extract(text) if m.record is not None).record
    assert record.agency is None or record.agency.text not in ("신규지구", "활용도")


@pytest.mark.parametrize("text, amount, agency", [
    ("태백시는 행정안전부 공모에 선정돼 국비 20억 원을 확보했다.", "20억 원", "태백시"),
    ("양구군은 특별교부세 6억 원을 지원받아 마을 안길을 넓힌다.", "6억 원", "양구군"),
])
def test_a_source_named_alone_is_a_funded_total_when_it_was_won(text, amount, agency):
    assert record_of(text, amount).agency.text == agency


def test_a_source_named_alone_without_such_a_verb_stays_a_part():
    mentions = fundparse.extract("국비 50억 원 가운데 절반은 내년에 쓴다.")
    assert mentions and all(m.record is None for m in mentions)


def test_a_budget_in_brackets_before_its_verb():
    text = "고령군은 예산(15억 원)확보가 끝나면 대가야 체험관을 넓힌다."
    assert record_of(text, "15억 원").agency.text == "고령군"


def test_each_amount_after_a_project_name_is_that_projects_total():
    text = ("삼척시는 올해 해안 산책로 조성사업 30억 원, 어촌 체험관 건립사업 25억 원, 장호항 "
            "정비사업 18억 원 등 세 가지 사업을 추진한다.")
    assert names(record_of(text, "30억 원"))[:2] == ("삼척시", "해안 산책로 조성사업")
    assert names(record_of(text, "25억 원"))[:2] == ("삼척시", "어촌 체험관 건립사업")
    assert names(record_of(text, "18억 원"))[:2] == ("삼척시", "장호항 정비사업")
    schools = "도교육청은 가온초교 120억원, 나래중학교 180억원이 각각 필요하다고 밝혔다."
    assert names(record_of(schools, "120억원"))[:2] == ("도교육청", "가온초교")
    assert names(record_of(schools, "180억원"))[:2] == ("도교육청", "나래중학교")


@pytest.mark.parametrize("text, amount, region", [
    ("논산시는 강경읍 대흥리 112-3번지에 총 20억 원을 들여 젓갈 홍보관을 짓는다.", "20억 원",
     "강경읍 대흥리 112-3번지"),
    ("정선군은 총 30억 원을 들여 사북읍 사북리 산 41 일원에 산림 레포츠 센터를 만든다.", "30억 원",
     "사북읍 사북리 산 41 일원"),
    ("중랑구는 면목동 170의 3 일대에 총 55억 원을 들여 구민 체육관을 세운다.", "55억 원",
     "면목동 170의 3 일대"),
])
def test_a_lot_number_is_part_of_the_place(text, amount, region):
    assert record_of(text, amount).region.text == region


@pytest.mark.parametrize("text, amount, region", [
    ("보령시는 웅천읍 일원에 해양 레포츠 센터를 짓는다. 사업비는 총 80억 원이다.", "80억 원",
     "웅천읍 일원"),
    ("서천군은 장항읍 송림리 일원에 갯벌 생태 탐방로를 만든다.\n군은 이를 위해 총 16억 원을 "
     "투입한다.", "16억 원", "장항읍 송림리 일원"),
])
def test_a_place_named_earlier_in_the_paragraph(text, amount, region):
    assert record_of(text, amount).region.text == region


def test_a_place_in_the_lead_paragraph_is_taken_but_not_one_far_away():
    text = "보령시는 웅천읍 일원에 해양 레포츠 센터를 짓는다.\n\n사업비는 총 80억 원이다."
    assert record_of(text, "80억 원").region.text == "웅천읍 일원"
    far = ("보령시는 웅천읍 일원에 해양 레포츠 센터를 짓는다.\n\n" + "시는 관광객을 더 맞는다.\n" * 150
           + "\n사업비는 총 80억 원이다.")
    assert record_of(far, "80억 원").region is None


@pytest.mark.parametrize("text, amount, region", [
    ("울진군은 후포면 삼율리 2만㎡ 부지에 총 90억 원을 들여 수산물 가공센터를 짓는다.", "90억 원",
     "후포면 삼율리"),
    ("영덕군은 강구면 오포리 일원 5천㎡에 사업비 35억 원을 투입해 어촌 체험관을 세운다.", "35억 원",
     "강구면 오포리 일원"),
])
def test_an_area_between_the_place_and_its_site(text, amount, region):
    assert record_of(text, amount).region.text == region


def test_a_place_word_a_projects_name_starts_with():
    text = "세종시는 연서면 복합커뮤니티센터 건립에 총 120억 원을 투입한다."
    record = record_of(text, "120억 원")
    assert record.project.text == "연서면 복합커뮤니티센터 건립" and record.region.text == "연서면"
    county = "하동군은 하동 알프스 레포츠 파크에 총 180억 원을 들였다."
    assert record_of(county, "180억 원").region is None  # 하동: a county's short name


@pytest.mark.parametrize("text, amount", [
    ("보령시는 항만 정비를 서두른다.\n오천항 방파제 보강공사(총 15억원)는 내년 봄 끝난다.", "15억원"),
    ("보령시는 교통망을 넓힌다.\n서해선 광역철도(가칭)가 놓이면 사업비 4천억 원이 투입된다.",
     "4천억 원"),
])
def test_works_and_railways_are_no_agency(text, amount):
    assert record_of(text, amount).agency.text == "보령시"


def test_counts_and_activities_are_no_place():
    text = "수성구는 주차면 300면에 사업비 20억 원을 들여 사회활동 지원센터를 짓는다."
    assert record_of(text, "20억 원").region is None


def test_looking_back_prefers_what_an_earlier_sentence_was_about():
    text = ("홍성군은 내포 문화센터 건립을 추진한다. 문화센터는 홍북읍 신경리에 들어선다. 센터 옆에는 "
            "내포 공영주차장도 생긴다.\n사업비는 국비 20억 원 등 총 50억 원이다.")
    assert record_of(text, "50억 원").project.text == "문화센터"


def test_a_head_in_the_genitive_names_no_project_unless_its_budget_follows():
    text = "완도군은 6억 원을 들여 기존 도로의 유지를 위해 안전 시설물 보수 사업을 펼친다."
    assert record_of(text, "6억 원").project.text == "안전 시설물 보수 사업"
    budget = "서산시가 추진하는 해미읍성 역사공원 조성사업의 총사업비는 300억 원이다."
    assert record_of(budget, "300억 원").project.text == "해미읍성 역사공원 조성사업"


def test_a_road_opening_in_a_headline_and_a_budget_sentence_after_it():
    text = ("당진시 보도자료\n\n석문 산업단지 연결도로 개설\n\n사업비는 총 120억 원으로, 이번 공사는 "
            "2027년 끝난다.")
    assert record_of(text, "120억 원").project.text == "석문 산업단지 연결도로 개설"


def test_a_competition_programme_is_no_single_project():
    text = "거창군은 ‘2025년 농촌 공간 정비 공모사업’에 선정돼 국비 30억 원을 확보했다."
    record = record_of(text, "30억 원")
    assert record.agency.text == "거창군" and record.project is None


def test_a_bracket_inside_a_word_ends_a_name_or_a_place():
    text = "충주시는 총 90억 원을 들여 (가칭)충주 기업지원센터(연면적 3천㎡)를 짓는다."
    assert record_of(text, "90억 원").project.text == "충주 기업지원센터"
    place = "충주시는 총 60억 원을 들여 대소원면(이하 대소원) 일원에 물류센터를 짓는다."
    assert record_of(place, "60억 원").project.text == "물류센터"


def test_a_sentence_that_refers_back_keeps_its_own_place():
    text = ("보은군이 농촌 활력 거점센터 건립에 나선다.\n\n군에 따르면 총사업비 37억 원을 들여 보은읍 "
            "이평리 일원에 이 센터를 짓는다.")
    record = record_of(text, "37억 원")
    assert record.project.text == "농촌 활력 거점센터 건립"
    assert record.region.text == "보은읍 이평리 일원"
