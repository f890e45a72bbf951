"""Families of written forms the records rules read since the second blind set (issue 20, round
four).  Every sentence here is our own, several a family, so each rule is general."""

from __future__ import annotations

import pytest

import fundparse
from records_cases import record_named as record_of, text_of


# --- the items of a list of amounts whose last one is funded ----------------------------------

@pytest.mark.parametrize("text, amount, project", [
    ("내년 사업은 옥천면 ‘서당골 배수개선사업’에 70억원, 장평면 ‘솔티 하천정비사업’ 35억원, "
     "상리면 ‘가마골 저수지 보강사업’에 12억원이 투입된다.", "35억원", "솔티 하천정비사업"),
    ("내년 사업은 옥천면 ‘서당골 배수개선사업’에 70억원, 장평면 ‘솔티 하천정비사업’ 35억원, "
     "상리면 ‘가마골 저수지 보강사업’에 12억원이 투입된다.", "70억원", "서당골 배수개선사업"),
    ("구는 새벽시장 주차장 조성사업에 18억원, 물빛공원 산책로 정비사업에 9억원 등 27억원을 "
     "쓰기로 했다.", "18억원", "새벽시장 주차장 조성사업"),
    ("해양청은 ‘가덕항 방파제 보강사업’ 41억원, ‘연도항 정비사업’ 17억원 등 총 58억원을 "
     "투입한다.", "17억원", "연도항 정비사업"),
])
def test_an_item_of_a_list_ending_in_a_funded_total_is_funded(text, amount, project):
    record = record_of(text, amount)
    assert record is not None and text_of(record.project) == project


def test_a_list_of_years_before_an_amount_that_is_not_funded_stays_bare():
    text = "2022년 310억원, 2023년 415억원에 이어 올해도 예산이 늘었다."
    assert all(m.record is None for m in fundparse.extract(text))


def test_the_sources_of_a_list_stay_parts():
    text = "국비 40억원, 도비 12억원, 군비 28억원 등 총 80억원을 들여 종합운동장을 짓는다."
    funded = [m.text for m in fundparse.extract(text) if m.record is not None]
    assert funded == ["80억원"]


# --- an amount in brackets right after what it pays for ---------------------------------------

@pytest.mark.parametrize("text, amount, project", [
    ("주요 사업은 신평리 주민건강센터(42억 원, 지상 2층), 하동리 청소년수련관 리모델링(18억 원) "
     "등이다.", "42억 원", "주민건강센터"),
    ("주요 사업은 신평리 주민건강센터(42억 원, 지상 2층), 하동리 청소년수련관 리모델링(18억 원) "
     "등이다.", "18억 원", "청소년수련관 리모델링"),
    ("올해 발주하는 공사는 동부권 노인복지관 신축(96억원), 서부권 도서관 증축(31억원) 등이다.",
     "96억원", "노인복지관 신축"),
])
def test_an_amount_in_brackets_after_a_project_is_its_total(text, amount, project):
    record = record_of(text, amount)
    assert record is not None and project in text_of(record.project)


# --- an amount as the means: "…원으로 … 추진한다" ------------------------------------------------

@pytest.mark.parametrize("text, amount", [
    ("양평군은 공모에 뽑혀 56억 원으로 빈집 정비와 골목길 개선사업을 추진하고 있다.", "56억 원"),
    ("시는 240억원의 사업비로 옛 철길 부지를 따라 숲길 조성사업을 진행한다.", "240억원"),
    ("올해는 14억 원의 예산으로 전통시장 지붕을 새로 설치한다.", "14억 원"),
])
def test_an_amount_as_the_means_of_a_project_is_funded(text, amount):
    assert record_of(text, amount) is not None


def test_an_amount_a_figure_rose_to_is_not_a_means():
    text = "관광객 소비액은 지난해 90억원으로 늘었다."
    assert all(m.record is None for m in fundparse.extract(text))


# --- the agency when the sentence names no subject of its own ---------------------------------

@pytest.mark.parametrize("text, amount, agency", [
    ("10억 원 넘게 드는 보령시의 올해 시설 사업은 모두 14개다.\n\n가장 큰 사업은 대천항 "
     "수산물 유통센터로 올해 62억 원이 투입된다.", "62억 원", "보령시"),
    ("청도군의 ‘감골 쉼터’가 공모에 뽑혔다. 이 사업에는 2026년까지 모두 21억 원이 들어간다.",
     "21억 원", "청도군"),
])
def test_the_body_a_project_belongs_to_when_no_subject_is_named(text, amount, agency):
    assert text_of(record_of(text, amount).agency) == agency


@pytest.mark.parametrize("text, amount, agency", [
    ("섬진강 생태탐방로 조성사업에 올해 140억원이 투입된다.\n환경부는 이날 올해 업무계획을 "
     "발표했다.", "140억원", "환경부"),
    ("노후 어선 감척에 320억원이 들어간다. 해양수산부는 올해 계획을 이렇게 밝혔다.", "320억원",
     "해양수산부"),
])
def test_a_lead_without_a_subject_takes_the_one_named_next(text, amount, agency):
    assert text_of(record_of(text, amount).agency) == agency


@pytest.mark.parametrize("text, amount, agency", [
    ("행정안전부가 올해 안전마을 20곳을 골랐다.\n태안읍에는 38억원을 투입해 대피시설을 짓고, "
     "예산군에서는 마을 방재길을 낸다.", "38억원", "행정안전부"),
    ("환경부는 하수도 정비 지역을 확정했다. 은산면에는 52억원을 들여 관로를 묻고, 부여군은 "
     "처리장을 넓힌다.", "52억원", "환경부"),
])
def test_a_subject_after_a_clause_break_belongs_to_the_next_clause(text, amount, agency):
    assert text_of(record_of(text, amount).agency) == agency


def test_a_subject_right_after_the_amount_in_its_clause_is_still_the_agency():
    text = "98억원을 들여 함평군이 공영개발하는 나산 농공단지는 내년에 문을 연다."
    assert text_of(record_of(text, "98억원").agency) == "함평군"


# --- bodies that are not governments ----------------------------------------------------------

@pytest.mark.parametrize("text, amount, agency", [
    ("㈜새길중공업이 450억원을 투자해 선박 블록 공장을 짓는다.", "450억원", "㈜새길중공업"),
    ("한빛솔라㈜가 총 120억원을 들여 태양광 발전단지를 조성한다.", "120억원", "한빛솔라㈜"),
    ("(주)동해바이오(대표 김아무개)가 시행하며 2027년까지 약 300억원이 들어간다.", "300억원",
     "(주)동해바이오"),
    ("금강농협은 총사업비 18억 원으로 미곡처리장 증설을 추진한다.", "18억 원", "금강농협"),
    ("K-water 섬진강지사는 총사업비 64억원을 투입해 정수장 예비시설을 짓는다.", "64억원",
     "K-water 섬진강지사"),
    ("한국토지주택공사(LH)가 올해 임대주택 사업에 총 2조원을 투입한다.", "2조원",
     "한국토지주택공사(LH)"),
])
def test_a_company_a_cooperative_or_a_branch_is_the_agency(text, amount, agency):
    assert text_of(record_of(text, amount).agency) == agency


@pytest.mark.parametrize("text", [
    "상수도가 닿지 않는 마을에 총 9억원을 들여 관로를 놓는다.",
    "하수도가 낡은 구간에 총 14억원을 투입한다.",
])
def test_a_water_main_is_no_body(text):
    record = next(m for m in fundparse.extract(text) if m.record is not None).record
    assert record.agency is None


def test_a_body_telling_the_report_is_written_as_its_subject_wrote_it():
    text = ("한국수자원공사 영산강유역본부가 올해 15개 수도사업을 벌인다.\n3일 수자원공사 "
            "영산강유역본부에 따르면 올해 관로 개량에 330억 원의 예산을 투입할 계획이다.")
    assert text_of(record_of(text, "330억 원").agency) == "한국수자원공사 영산강유역본부"


# --- several projects: 등, two joined names, the sum of a list, a count -----------------------

@pytest.mark.parametrize("text, amount", [
    ("구는 북부간선 보도 확장 사업 등에 41억원, 전통시장 아케이드 정비사업에 17억원을 투입한다.",
     "41억원"),
    ("시는 구름다리 보수 등 총 9억원을 들인다.", "9억원"),
    ("군은 하늘도서관과 별빛도서관 건립비 52억원, 읍내 주차장 조성에 30억원을 배정했다.", "52억원"),
    ("구는 둘레길 정비사업에 14억원, 생태하천 복원사업에 60억원 등 74억원을 투입한다.", "74억원"),
    ("해양청은 ‘가덕항 방파제 보강사업’ 41억원, ‘연도항 정비사업’ 17억원 등 총 58억원을 "
     "투입한다.", "58억원"),
    ("군은 사업비 7억 200만원을 들여 농로 포장, 배수로 정비 등 총 12개 소규모 사업을 벌인다.",
     "7억 200만원"),
    ("공사는 올해 3개의 신규사업(총사업비 960억 원)을 추진한다.", "960억 원"),
])
def test_several_projects_have_no_single_name(text, amount):
    record = record_of(text, amount)
    assert record is not None and record.project is None


def test_the_sources_of_one_project_are_no_list_of_projects():
    text = ("청사 이전 사업비는 국비 30억원, 도청 20억원, 군청 10억원 등 총 60억원이다. 이 사업은 "
            "옛 군청 부지에 복합청사를 짓는다.")
    record = record_of(text, "60억원")
    assert record is not None and record.project is not None


def test_one_place_counted_once_is_one_project():
    text = "군은 교량 1개소가 들어서는 하천 정비사업에 올해 18억 원을 투입한다."
    assert text_of(record_of(text, "18억 원").project) == "하천 정비사업"


def test_an_item_of_a_list_takes_no_name_after_its_comma():
    text = "군은 산업 분야에 300억원, 복지 분야에 120억원을 투입해 정주여건 개선사업을 편다."
    record = record_of(text, "300억원")
    assert record is not None and record.project is None


# --- back-references: 이 청사, a head alone, what was just done, an opening 도 ----------------

def test_a_refer_back_phrase_takes_the_last_name_with_its_head():
    text = ("도는 복지타운과 새 청사를 함께 짓는다. 복지타운은 내년에 문을 연다. 하늘마루청사도 "
            "공정률 70%로 진행 중이다. 도는 이 청사 건립에 총 900억 원을 투입한다.")
    assert text_of(record_of(text, "900억 원").project) == "하늘마루청사"


def test_a_head_written_alone_takes_the_name_before_with_that_head():
    text = ("구는 옛 보건소 자리에 '별빛 주민센터'를 짓는다.\n구는 현재 가설건물을 철거하고 있다.\n"
            "구는 총 사업비 210억 원을 들여 지상 5층 규모로 센터를 건립할 계획이다.")
    assert text_of(record_of(text, "210억 원").project) == "별빛 주민센터"


def test_a_cost_sentence_takes_what_the_sentence_before_set_in_motion():
    text = ("옛 청사는 지은 지 40년이 넘었다.\n교육청은 2030년까지 운동장 부지로 옮기는 신청사 건립을 "
            "추진 중이다. 사업비는 2000억원이 들 것으로 보인다.")
    assert text_of(record_of(text, "2000억원").project) == "신청사 건립"


# --- works listed before 등 are parts of the name that follows ------------------------------

def test_works_listed_before_a_longer_parts_phrase_are_parts():
    text = ("시는 총 8억원을 들여 산책로, 흔들그네, 모래놀이터 등을 포함한 솔숲공원 조성공사를 "
            "시작했다.")
    assert text_of(record_of(text, "8억원").project) == "솔숲공원 조성공사"


@pytest.mark.parametrize("text, amount", [
    ("군은 올해 2억 원을 들여 내년부터 사업을 시작한다.", "2억 원"),
    ("군은 6월까지 공사를 마치려고 3억 원을 투입한다.", "3억 원"),
])
def test_time_words_start_no_name(text, amount):
    record = record_of(text, amount)
    assert record.project is None or not record.project.text.startswith(("내년부터", "6월까지"))


# --- what the amount is spent on: a relative clause, a purpose, the topic before -------------

@pytest.mark.parametrize("text, amount, project", [
    ("시민단체는 시가 46억원을 투입하는 경관 조명탑은 낭비라고 주장했다.", "46억원", "경관 조명탑"),
    ("국비 12억원을 포함한 58억원을 투입한 신촌면 다목적홀은 공연장과 도서실을 갖췄다.",
     "58억원", "신촌면 다목적홀"),
])
def test_a_name_after_the_amounts_relative_verb_is_its_project(text, amount, project):
    assert text_of(record_of(text, amount).project) == project


def test_what_the_amount_is_for_before_it_in_its_clause():
    text = "노후 어선 설비 개선을 위해 270억원이 투입되고 항만 자동화 사업에는 민자가 들어온다."
    assert text_of(record_of(text, "270억원").project) == "노후 어선 설비 개선"


def test_a_topic_before_wins_over_a_purpose():
    text = "하늘체육관은 주민 건강 증진을 위해 사업비 28억원을 들여 지었다."
    assert text_of(record_of(text, "28억원").project) == "하늘체육관"


def test_a_sentence_without_a_topic_continues_the_topic_before():
    text = ("‘바다정원 복합타운’은 지난해 정부 공모에 뽑혔다. 총 사업비 610억 원을 들여 남부선 "
            "개통에 따른 역세권을 중심으로 숙박시설 등을 짓는다.")
    assert text_of(record_of(text, "610억 원").project) == "바다정원 복합타운"


def test_a_topic_after_the_amount_is_its_own():
    text = "김포 검단 제3농공단지는 지정됐다. 98억원을 들여 김포시가 조성하는 대곶 농공단지는 내년에 문을 연다."
    assert text_of(record_of(text, "98억원").project) == "대곶 농공단지"


def test_a_project_word_with_the_particle_do_is_no_higher_level():
    text = "화성 송산 농공단지도 화성시가 공영개발로 추진하며 모두 88억 원을 투자할 계획이다."
    assert text_of(record_of(text, "88억 원").agency) == "화성시"


def test_the_programme_named_before_when_the_works_after_are_several():
    text = ("고흥군은 어촌 취약지역 생활여건 개조 사업에 선정돼 38억 원으로 안길 포장과 "
            "공동작업장 정비사업, 주민 쉼터 조성사업 등을 추진하고 있다.")
    assert text_of(record_of(text, "38억 원").project) == "어촌 취약지역 생활여건 개조 사업"


def test_a_later_short_mention_stands_for_the_quoted_proper_name():
    text = ("군은 '달맞이 3-1호선 도로개설공사' 준공식을 열었다.\n\n주민들은 달맞이 도로개설공사 "
            "개통을 반겼다.\n\n이 사업은 총사업비 75억 원이 들어간 도로 사업이다.")
    assert text_of(record_of(text, "75억 원").project) == "달맞이 3-1호선 도로개설공사"


# --- regions -----------------------------------------------------------------------------------

@pytest.mark.parametrize("text, amount, region", [
    ("내년 사업은 옥천면 ‘서당골 배수개선사업’에 70억원, 장평면 ‘솔티 하천정비사업’ 35억원이 "
     "투입된다.", "35억원", "장평면"),
    ("주요 사업은 연평도 주민건강센터(42억 원, 지상 2층) 등이다.", "42억 원", "연평도"),
    ("해양청은 통영시 관내 ‘욕지항 정비사업’ 38억원 등을 투입한다.", "38억원", "통영시"),
])
def test_the_place_word_right_before_a_name(text, amount, region):
    assert text_of(record_of(text, amount).region) == region


def test_a_village_one_syllable_longer_than_a_common_word_is_a_place():
    text = "내년 사업은 초전면 ‘가마골 배수개선사업’에 50억원이 투입된다."
    assert text_of(record_of(text, "50억원").region) == "초전면"


def test_a_compound_ending_in_a_common_word_is_no_place():
    text = "구는 사업비 9억 원을 들여 사회활동 지원센터를 짓는다."
    assert record_of(text, "9억 원").region is None


@pytest.mark.parametrize("text, amount, region", [
    ("공사는 군 부북면 소재 밀양정수장에 총사업비 76억원을 투입해 예비시설을 짓는다.", "76억원",
     "군 부북면"),
    ("해양청은 서산시 지역의 경우 ‘대산항 보강사업’에 44억원을 투입한다.", "44억원", "서산시"),
    ("또한 해남 송지리의 경우 생활여건 개선사업에 선정돼 31억 원으로 안길 정비를 추진한다.", "31억 원",
     "해남 송지리"),
    ("구는 신월동 지역의 낡은 주택을 대상으로 집수리 지원사업에 3억 원을 투입한다.", "3억 원",
     "신월동"),
])
def test_a_place_framed_by_sojae_the_area_or_the_case(text, amount, region):
    assert text_of(record_of(text, amount).region) == region


def test_a_place_of_a_sentence_about_another_project_is_not_carried():
    text = ("시에 따르면 신청사는 총사업비 3천억 원을 들여 옛 공설운동장 부지에 짓는다. "
            "하늘정원 공영주차장은 사업비 210억 원 규모로 지하 3층으로 짓는다.")
    assert record_of(text, "210억 원").region is None


def test_a_larger_amount_in_brackets_after_a_part_is_the_total_of_the_name_before():
    text = ("신규사업은 국비 9억원(총사업비 70억원) 규모다. 세부 사업은 ▷송정리 마을광장 조성 "
            "3억원(30억원) ▷하촌리 숲길 조성 4억원(40억원)이다.")
    record = record_of(text, "30억원")
    assert record is not None and text_of(record.project) == "송정리 마을광장 조성"
    assert text_of(record.region) == "송정리"


# --- more written forms: an official speaking, joined bodies, 제N names, facilities -------------

def test_an_official_of_a_body_speaking_names_the_body():
    text = "[여수=뉴스] 여수시 관계자는 \"총사업비 88억원을 투입해 웅천동에 청소년 수련관을 짓는다\"고 말했다."
    assert text_of(record_of(text, "88억원").agency) == "여수시"


def test_a_real_subject_wins_over_an_official_speaking():
    text = "통영시는 총 40억원을 들여 도남동에 요트 계류장을 만든다. 시 관계자는 내년 준공을 기대했다."
    assert text_of(record_of(text, "40억원").agency) == "통영시"


@pytest.mark.parametrize("text, amount, agency", [
    ("김해시와 경남도는 총사업비 150억원을 함께 부담해 드론 시험센터를 짓는다.", "150억원",
     "김해시와 경남도"),
    ("한국농어촌공사와 예천군은 총사업비 60억원을 투입해 양수장을 새로 짓는다.", "60억원",
     "한국농어촌공사와 예천군"),
])
def test_joined_bodies_are_one_agency(text, amount, agency):
    assert text_of(record_of(text, amount).agency) == agency


@pytest.mark.parametrize("text, amount, project", [
    ("인제군은 제3농공단지 조성사업에 140억원을 투입한다.", "140억원", "제3농공단지 조성사업"),
    ("밀양시는 총 55억원을 들여 얼음골 생태체험장을 조성한다.", "55억원", "얼음골 생태체험장"),
    ("부여군은 총 18억 원을 투입해 궁남지 야간 경관 조명을 설치했다.", "18억 원", "궁남지 야간 경관 조명"),
    ("서구는 25억원을 들여 가좌동에 무장애 놀이터를 만든다.", "25억원", "무장애 놀이터"),
])
def test_more_facility_heads_and_numbered_names(text, amount, project):
    assert text_of(record_of(text, amount).project) == project


def test_a_source_named_alone_that_goes_into_a_project_is_funded():
    text = "군 관계자는 \"바다 전망대 리모델링에는 군비 9억원이 들어간다\"고 설명했다."
    assert record_of(text, "9억원") is not None


def test_a_headline_verb_noun_ends_the_name_before_it():
    text = ("전남도, 여수 해양치유센터 건립 착수\n\n□ 돌산읍 일원에 총사업비 150억원을 투입해 "
            "2027년까지 건립")
    record = record_of(text, "150억원")
    assert text_of(record.project) == "여수 해양치유센터 건립"


def test_a_short_head_after_a_possessive_word_is_one_name():
    text = "함양군은 총사업비 70억원을 들여 상림 일원에 함양 치유의 숲을 조성한다."
    assert text_of(record_of(text, "70억원").project) == "함양 치유의 숲"


def test_a_body_known_by_its_latin_short_name():
    text = "LH는 올해 노후 임대주택 리모델링 사업에 4천억원을 투입한다."
    assert text_of(record_of(text, "4천억원").agency) == "LH"


def test_a_count_of_districts_makes_a_bundle():
    text = "행안부는 전국 28개 시군구의 골목상권 재생사업에 국비 140억원을 지원한다."
    record = record_of(text, "140억원")
    assert record is not None and record.project is None


def test_the_next_sentence_counting_projects_makes_a_bundle():
    text = ("목포시는 내년부터 640억원을 투입해 생활 편의시설 확충에 나선다. 정부 공모에 9개 사업이 "
            "선정돼 국비 250억원을 확보했다.")
    record = record_of(text, "640억원")
    assert record is not None and record.project is None


def test_a_count_in_another_paragraph_is_not_the_amounts():
    text = ("목포시는 15억원을 들여 북항 수산물 판매센터를 짓는다.\n\n한편 시는 올해 9개 사업을 "
            "공모에 신청했다.")
    assert text_of(record_of(text, "15억원").project) == "북항 수산물 판매센터"


def test_the_body_whose_clause_carries_out_the_project():
    text = ("부산 남구가 추진해온 ‘용호동 생활문화센터 건립’이 중앙투자심사를 통과했다.\n\n"
            "‘용호동 생활문화센터 건립사업’은 심사에 올랐고, 행정안전부는 사업을 승인했다.\n\n"
            "총사업비는 180억 원으로 2027년 완공을 목표로 한다.")
    assert text_of(record_of(text, "180억 원").agency) == "부산 남구"


def test_a_subject_in_the_amounts_sentence_wins_over_a_clause_owner():
    text = ("해남군이 추진하는 ‘땅끝 문화센터 건립’이 심사를 통과했다. 전남도는 이 사업에 총 "
            "90억 원을 지원한다.")
    assert text_of(record_of(text, "90억 원").agency) == "전남도"


def test_the_copula_comes_off_a_name():
    text = ("수자원공사는 올해 신규사업을 추진한다.\n먼저 진안 용담 광역상수도 사업이다.\n해당 사업은 "
            "용수를 공급하는 시설로, 총사업비 610억 원이 투입된다.")
    assert text_of(record_of(text, "610억 원").project) == "진안 용담 광역상수도 사업"
