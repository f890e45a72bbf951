"""Families of forms the records rules read since the blind set (issue 20): each written here in
our own sentences, several a family, so a rule is general and not one sentence's."""

from __future__ import annotations

import pytest

import fundparse


def record_of(text: str, amount: str):
    mention = next(m for m in fundparse.extract(text) if m.text == amount)
    return mention.record


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


def test_a_place_in_another_paragraph_is_not_taken():
    text = "보령시는 웅천읍 일원에 해양 레포츠 센터를 짓는다.\n\n사업비는 총 80억 원이다."
    assert record_of(text, "80억 원").region is None


@pytest.mark.parametrize("text, amount", [
    ("국토교통부는 이들 교량 보수사업에 모두 90억 원을 투입한다.", "90억 원"),
    ("환경부는 정수장 증설 및 하수관로 교체 등의 상하수도 사업에 총 500억 원을 들인다.", "500억 원"),
    ("완주군은 관내 경로당 신축사업에 12억 원을 투입한다.", "12억 원"),
    ("횡성군은 둔내면 생활체육공원 조성사업과 안흥면 복지회관 건립사업이 선정돼 40억 원을 확보했다.",
     "40억 원"),
    ("한국수자원공사는 이 가운데 5개 댐의 안전 보강에 모두 300억 원을 들인다.", "300억 원"),
])
def test_several_projects_named_together_are_no_single_project(text, amount):
    record = record_of(text, amount)
    assert record.agency is not None and record.project is None


def test_an_amount_of_a_size_is_a_funded_total():
    text = "서귀포시는 450억 원 규모의 하수처리장 현대화사업을 내년에 시작한다."
    assert names(record_of(text, "450억 원"))[:2] == ("서귀포시", "하수처리장 현대화사업")


def test_items_of_a_list_of_what_goes_where():
    text = ("산림청은 ‘숲길 정비’ 사업에 30억 원, ‘산불 감시탑 교체’ 사업에 12억 원, 임도 보수에 "
            "20억 원을 새로 편성했다.")
    assert names(record_of(text, "30억 원"))[:2] == ("산림청", "숲길 정비")
    assert names(record_of(text, "12억 원"))[:2] == ("산림청", "산불 감시탑 교체")


def test_a_local_source_spent_on_its_own():
    text = "속초시는 올해 시비 25억 원을 들여 청초호 수변 데크를 새로 깐다."
    assert record_of(text, "25억 원").agency.text == "속초시"


@pytest.mark.parametrize("text, amount, project", [
    ("칠곡군은 지난 5일 왜관읍 주민 등 100여 명이 참석한 가운데 왜관체육관 준공식을 열었다.\n"
     "왜관체육관은 주민 건강 증진과 삶의 질 개선을 위해 사업비 28억 원을 투입해 지상 2층 규모로 "
     "지어졌다.", "28억 원", "왜관체육관"),
    ("‘남해 바다 수련원’은 총사업비 150억 원을 들여 2027년 문을 연다.", "150억 원",
     "남해 바다 수련원"),
])
def test_the_sentences_topic_is_its_project(text, amount, project):
    assert record_of(text, amount).project.text == project


@pytest.mark.parametrize("text, amount, project", [
    ("단양군이 단양읍 별곡리에 생활문화센터 건립을 추진한다.\n\n군에 따르면 총사업비 30억 원을 "
     "들여 이 센터를 2026년까지 짓는다.", "30억 원", "생활문화센터 건립"),
    ("제천시, 의림지 역사박물관 개관\n\n총 70억 원이 투입된 이 박물관은 2층 규모다.", "70억 원",
     "의림지 역사박물관 개관"),
    ("산림청은 청태산 치유숲 조성사업을 올해 마무리한다.\n\n사업은 총 40억 원을 투자해 "
     "2년간 추진됐다.", "40억 원", "청태산 치유숲 조성사업"),
])
def test_this_centre_refers_back_across_a_paragraph(text, amount, project):
    assert record_of(text, amount).project.text == project


def test_a_body_named_in_a_clause_gives_way_to_the_subject():
    text = ("태안군은 해양수산부가 추진하는 어촌뉴딜 공모에 선정됐다.\n이에 따라 국비 70억 원을 포함한 "
            "총 100억 원을 들여 안흥항 일원을 정비한다.")
    assert record_of(text, "100억 원").agency.text == "태안군"
    alone = "충남도가 추진하는 ‘서해 해안 경관도로’ 공사에는 총 90억 원이 투입된다."
    assert record_of(alone, "90억 원").agency.text == "충남도"
