"""Families of forms the records rules read in round nine (issue 20): a roundup of several
bodies' projects, a project as the topic with "의 경우"/"도", a project named as the object after
the amount, places named for a project, and funded totals that had no record.  Every sentence
here is our own; each family has a case it must not touch."""

from __future__ import annotations

import pytest
from records_cases import record_named as record_of, text_of


# --- agency: a roundup, each sentence opening with a body's project --------------------------

ROUNDUP = ("보성군은 벌교읍에 공영주차장을 조성한다. 전체 사업비로 40억원(국비 20억원)이 투입된다.\n"
           "영암군의 '삼호읍 나불도 정원 조성사업'은 삼호읍 나불리 일원에 정원을 만드는 사업이다. "
           "20억원(국비 10억원)이 투입된다.\n"
           "장성군의 '황룡강 꽃길 프로젝트'는 황룡면 소재지를 중심으로 꽃길을 가꾸는 사업으로 "
           "9억원(국비 6억원)이 투입된다.")


@pytest.mark.parametrize("amount, agency", [
    ("40억원", "보성군"), ("20억원", "영암군"), ("9억원", "장성군"),
])
def test_a_roundup_sentence_opening_with_a_bodys_project_is_that_bodys(amount, agency):
    assert text_of(record_of(ROUNDUP, amount).agency) == agency


def test_a_bodys_project_inside_a_sentence_with_its_own_subject_changes_nothing():
    text = ("보성군은 벌교읍에 공영주차장을 조성한다. 군은 영암군의 정원 조성사업을 본떠 "
            "사업비 40억원을 들인다.")
    assert text_of(record_of(text, "40억원").agency) == "보성군"


# --- project: a name opening the sentence with "의 경우" or "도" ------------------------------

SCHOOLS = ("도교육청은 내년 3월 1일 해오름초와 해오름고 등 2곳을 개교한다고 밝혔다.\n"
           "해오름초의 경우 190억원의 예산이 투입돼 32학급 규모로 문을 연다. "
           "해오름고도 240억원을 들여 27학급 규모로 개교한다.")


@pytest.mark.parametrize("amount, project", [("190억원", "해오름초"), ("240억원", "해오름고")])
def test_a_name_opening_the_sentence_as_its_case_is_the_project(amount, project):
    record = record_of(SCHOOLS, amount)
    assert text_of(record.project) == project
    assert text_of(record.agency) == "도교육청"


def test_a_body_opening_the_sentence_with_do_is_no_project():
    text = "청주시는 올해 하천 정비를 마친다. 충북도도 80억원을 들여 하천을 정비한다."
    assert text_of(record_of(text, "80억원").project) == "하천"  # what it does, not 충북도


def test_a_word_never_named_before_is_no_case_topic():
    text = "구는 주민 쉼터를 늘린다. 올해도 30억원을 들여 쉼터를 만든다."
    assert text_of(record_of(text, "30억원").project) == "주민 쉼터"  # not 올해


# --- funded totals that had no record -------------------------------------------------------

def test_an_amount_won_for_a_project_as_a_budget_has_a_record():
    text = ("양산시는 도시재생 사업의 국비를 모두 확보했다고 밝혔다. 시는 또 농촌생활환경정비사업에 "
            "3200만 원의 인센티브 예산을 확보했다.")
    record = record_of(text, "3200만 원")
    assert record is not None
    assert text_of(record.agency) == "양산시"
    assert text_of(record.project) == "농촌생활환경정비사업"


def test_an_amount_after_a_relative_spending_verb_has_a_record():
    text = ("서울 성북구가 도서관 확충을 위해 정릉동과 길음동, 석관동 도서관 건립에 사용될 30억원을 "
            "내년도 예산안에 반영했다.")
    record = record_of(text, "30억원")
    assert record is not None
    assert text_of(record.agency) == "서울 성북구"
    assert record.project is None  # three libraries: no single project


def test_an_amount_in_a_projects_bracket_after_who_shares_it_has_a_record():
    text = ("경남도는 중앙공모사업에 선정돼 국비를 확보했다.\n선정된 공모사업은 ▲농촌중심지 "
            "활성화사업(300억원) ▲공공체육시설 개보수 지원사업(창원시 등 15.5억원) ▲생활문화센터 "
            "조성사업(80억원)이다.")
    record = record_of(text, "15.5억원")
    assert record is not None
    assert text_of(record.project) == "공공체육시설 개보수 지원사업"
    assert text_of(record_of(text, "80억원").project) == "생활문화센터 조성사업"


@pytest.mark.parametrize("text, amount", [
    ("시는 100억원의 경제 효과를 거둘 것으로 내다봤다.", "100억원"),
    ("박물관(관람객 1인당 평균 2만원)은 인기가 많다.", "2만원"),
])
def test_amounts_that_fund_nothing_still_have_no_record(text, amount):
    assert record_of(text, amount) is None


# --- project: the object after the amount; a name before "(…)에 N원" --------------------------

def test_a_library_built_after_the_amount_is_the_project():
    text = ("서울 성북구가 도서관 확충에 나섰다. 길음동에는 14억여원의 예산을 투입해 공공도서관을 "
            "건립하고 석관동 경로당을 리모델링해 어린이도서관을 개관할 예정이다.")
    record = record_of(text, "14억여원")
    assert text_of(record.project) == "공공도서관"
    assert text_of(record.region) == "길음동"


def test_a_kind_of_works_named_alone_is_still_no_project():
    assert record_of("정부는 고속도로에 총 3조원을 투입한다.", "3조원").project is None


def test_a_name_with_an_aside_in_brackets_before_e_and_its_amount():
    text = ("확보된 국비 20억 원은 솔밭지구 일원 맨발길 정비(신규 맨발길 조성 및 조명설치 등)에 "
            "8억 원, 노후 공원 시설물정비(새내 근린공원 등 3개소)에 12억 원을 투자할 예정이다.")
    record = record_of(text, "8억 원")
    assert text_of(record.project) == "맨발길 정비"
    assert text_of(record.region) == "솔밭지구 일원"
    # "(새내 근린공원 등 3개소)": the works of three parks, no single project
    assert record_of(text, "12억 원").project is None


def test_a_count_closing_a_bracket_counts_projects():
    text = "구는 올해 쉼터 정비(중앙공원 등 4개소)에 6억 원을 들인다."
    assert record_of(text, "6억 원").project is None


# --- region: the agency's own name is no place of its project ---------------------------------

def test_the_agencys_own_name_leading_its_project_is_no_region():
    text = ("하늘군 신청사 개청식이 열렸다.\n300억 원의 사업비가 투입된 하늘군 신청사는 지상 7층 "
            "규모로 지어졌다.")
    record = record_of(text, "300억 원")
    assert text_of(record.agency) == "하늘군"
    assert record.region is None


def test_another_bodys_name_leading_the_project_is_still_its_place():
    text = "도는 올해 80억 원을 들여 하늘군 가족센터를 짓는다."
    record = record_of(text, "80억 원")
    assert text_of(record.region) == "하늘군"


# --- region: a numbered village leading the project's name ------------------------------------

def test_a_numbered_village_leading_the_name_is_its_place():
    text = ("군에 따르면 올해 하늘읍 중3리, 동산리, 서면 창2리 등 총 5개 마을회관 신축을 추진했다.\n\n"
            "이 중 중3리 마을회관은 복합복지시설로, 지방소멸대응기금 20억원 등 28억원을 투입해 "
            "신축할 계획이다.")
    record = record_of(text, "28억원")
    # (round twelve: a numbered village may stand inside the name, "중3리 마을회관")
    assert text_of(record.project) in ("마을회관", "중3리 마을회관")
    assert text_of(record.region) == "중3리"


def test_a_numbered_village_with_an_around_word():
    text = "시는 부곡3리 일원에 50억원을 들여 체육공원을 조성한다."
    assert text_of(record_of(text, "50억원").region) == "부곡3리 일원"


def test_two_districts_joined_are_the_place_together():
    text = ("제주시가 이호지구와 외도지구 주거환경을 정비하기 위해 올해 총사업비 60억원을 들여 "
            "주거환경개선사업을 추진한다.")
    record = record_of(text, "60억원")
    assert text_of(record.region) == "이호지구와 외도지구"
    assert text_of(record.project) == "주거환경개선사업"


def test_a_word_merely_ending_in_jigu_is_not_joined():
    text = "시는 신규지구와 기존 사업을 묶어 총 40억원을 들여 공원을 조성한다."
    assert record_of(text, "40억원").region is None  # not "신규지구와 기존"


def test_a_district_and_a_dong_leading_the_name_are_its_place():
    text = ("시는 공원 조성계획을 의결했다.\n중구 새봄동 새봄공원(12만㎡)은 총 300억원을 들여 "
            "숲속쉼터와 전망대 등을 조성할 계획이다.")
    record = record_of(text, "300억원")
    assert text_of(record.region) == "중구 새봄동"


def test_the_place_in_brackets_after_the_projects_name_before():
    text = ("구는 오는 12일 새봄어울림센터(한빛로 120)의 개관식을 연다고 밝혔다.\n"
            "새봄어울림센터는 총 80억 원이 투입돼 지상 5층 규모로 건립됐다.")
    record = record_of(text, "80억 원")
    assert text_of(record.project) == "새봄어울림센터"
    assert text_of(record.region) == "한빛로 120"


def test_a_bracket_after_the_name_that_is_no_place_gives_none():
    text = ("구는 새봄어울림센터(가칭)의 설계를 마쳤다고 밝혔다.\n"
            "새봄어울림센터는 총 80억 원이 투입돼 지상 5층 규모로 건립된다.")
    assert record_of(text, "80억 원").region is None


# --- region: a place named in the sentence before ------------------------------------------

def test_one_project_still_takes_the_place_named_before():
    text = ("구는 새봄동 일원에 행정복합센터를 짓는다고 밝혔다.\n"
            "센터는 사업비 150억원을 투입해 내년에 문을 연다.")
    assert text_of(record_of(text, "150억원").region) == "새봄동 일원"


# --- agency: a body's office opening the sentence is that body --------------------------------

def test_a_bodys_office_opening_the_sentence_is_the_body_named_before():
    text = ("대전 새봄구가 신청사 건립을 추진한다. 대전 새봄구는 부지 매매계약을 체결했다고 밝혔다. "
            "새봄구청 신청사는 들녘동 일원에 총사업비 1200억원을 투입해 지상 9층 규모로 들어선다.")
    record = record_of(text, "1200억원")
    assert text_of(record.agency) == "대전 새봄구"
    assert text_of(record.region) == "들녘동 일원"


def test_an_office_of_no_body_named_before_stays_as_written():
    text = "새봄구청 신청사는 들녘동 일원에 총사업비 1200억원을 투입해 들어선다."
    assert text_of(record_of(text, "1200억원").agency) == "새봄구청"


# --- project: the object of the action over what it is built as (…로) ------------------------

def test_the_object_built_by_a_date_is_the_project_over_what_it_becomes():
    text = ("군은 옛 청사 자리에 총사업비 40억 원을 투입해 지상 2층 규모의 소통 중심 복합청사로 "
            "새들면사무소를 2025년 9월까지 신축할 계획이다.")
    assert text_of(record_of(text, "40억 원").project) == "새들면사무소"


def test_an_object_with_a_date_and_no_action_is_not_told():
    text = "시는 30억원을 들여 체육관을 짓고 주차장을 2026년까지 운영한다고 밝혔다."
    assert text_of(record_of(text, "30억원").project) == "체육관"


# --- project: two relative clauses, each with its own amount ----------------------------------

TWO_CLAUSES = ("또한 동구 새봄동 일원에 40억 원을 투입하는 들녘생태마당 확대조성사업과 서구 한빛동 "
               "일원에 200억 원을 들여 도로를 건설하는 새들~한빛간 도로개설사업을 추진한다.")


@pytest.mark.parametrize("amount, project, region", [
    ("40억 원", "들녘생태마당 확대조성사업", "동구 새봄동 일원"),
    ("200억 원", "새들~한빛간 도로개설사업", "서구 한빛동 일원"),
])
def test_each_relative_clause_funds_its_own_project(amount, project, region):
    record = record_of(TWO_CLAUSES, amount)
    assert text_of(record.project) == project
    assert text_of(record.region) == region


def test_two_projects_joined_after_one_amount_are_still_several():
    text = "시는 총 90억 원을 투입하는 들녘공원 조성사업과 새봄천 정비사업을 추진한다."
    assert record_of(text, "90억 원").project is None


def test_a_total_with_its_parts_in_brackets_still_funds_the_object_after():
    text = "군은 총사업비 50억원(국비 25억원, 군비 25억원)을 들여 새봄체육관을 짓는다."
    assert text_of(record_of(text, "50억원").project) == "새봄체육관"


def test_parts_counted_in_a_clause_describing_the_project_after_it():
    text = ("시는 120억 원을 투입해 새봄동 일원에 도로 3.2㎞과 주차장 9곳을 2027년까지 조성하는 "
            "새봄동 자연취락지구 도시기반시설 조성사업도 펼친다.")
    record = record_of(text, "120억 원")
    assert text_of(record.project) == "새봄동 자연취락지구 도시기반시설 조성사업"
    assert text_of(record.region) == "새봄동 일원"


def test_a_count_of_what_is_built_with_no_project_after_is_still_a_bundle():
    text = "시는 120억 원을 투입해 새봄동 일원에 주차장 9곳을 2027년까지 조성한다."
    assert record_of(text, "120억 원").project is None


def test_a_place_before_another_amount_is_that_amounts():
    text = ("새봄동 일원 5000㎡에 100억 원을 투입해 새봄 장미원 조성사업을 추진하고 120억 원을 투입해 "
            "들녘동 일원에 도로 3.2㎞과 주차장 9곳을 조성하는 들녘동 자연취락지구 도시기반시설 "
            "조성사업도 펼친다.")
    assert text_of(record_of(text, "100억 원").region) == "새봄동 일원"
    assert text_of(record_of(text, "120억 원").region) == "들녘동 일원"


def test_a_named_site_leading_the_project_is_its_place():
    text = ("올해 선정된 들녘새봄농공단지 복합문화센터는 2025년까지 40억 원을 들여 지상 4층 규모로 "
            "체력단련실 등을 갖춘다.")
    record = record_of(text, "40억 원")
    assert text_of(record.region) == "들녘새봄농공단지"


# --- project: "이번 사업은" after several works listed ----------------------------------------

def test_this_project_after_several_works_listed_is_none():
    text = ("군은 새봄면을 대상으로 행정복지센터 복합화와 농촌중심지 활성화, 기초생활거점 조성사업을 "
            "추진한다고 밝혔다.\n이번 사업은 총사업비 약 300억 원을 투입해 낡은 청사를 정비하는 것이 "
            "핵심이다.")
    assert record_of(text, "300억 원").project is None


def test_this_project_after_one_work_is_that_one():
    text = ("군은 새봄면을 대상으로 기초생활거점 조성사업을 추진한다고 밝혔다.\n이번 사업은 총사업비 "
            "약 300억 원을 투입해 낡은 청사를 정비하는 것이 핵심이다.")
    assert text_of(record_of(text, "300억 원").project) == "기초생활거점 조성사업"


# --- project: a verb form ending in 혀 starts no name --------------------------------------

@pytest.mark.parametrize("text, amount, bad", [
    ("공사는 휴게소 간 거리를 좁혀 고속도로 이용객의 편의를 높인다는 계획 아래 모두 90억원의 "
     "사업비를 투입하기로 했다.", "90억원", "좁혀"),
    ("시는 보행로 폭을 넓혀 공원 산책로를 정비하는 데 20억원을 투입한다.", "20억원", "넓혀"),
])
def test_a_verb_form_in_hyeo_is_no_word_of_a_name(text, amount, bad):
    project = text_of(record_of(text, amount).project)
    assert project is None or bad not in project


# --- project: "이를 위해" and the object the amount's own clause names --------------------------

PLEDGE = ("군은 새봄면을 관광 중심지로 키우겠다고 밝혔다. 군수는 이를 위해 “60억원을 들여 새봄저수지 "
          "둘레길을 만들고 90억원을 투입해 수상레저타운 건설과 2000여평 규모의 면소재지 주차장도 "
          "조성하겠다”고 말했다.")


def test_the_object_of_the_amounts_clause_wins_over_a_refer_back():
    assert text_of(record_of(PLEDGE, "60억원").project) == "새봄저수지 둘레길"


def test_two_works_joined_after_the_amount_are_several():
    assert record_of(PLEDGE, "90억원").project is None


def test_a_refer_back_with_no_object_named_still_refers():
    text = ("군은 새봄면에 새봄체육공원 조성사업을 추진한다. 이를 위해 총 50억원을 들여 부지를 "
            "매입한다.")
    assert text_of(record_of(text, "50억원").project) == "새봄체육공원 조성사업"


def test_a_place_of_another_bodys_sentence_is_not_this_bodys_project_place():
    text = ("보성군은 벌교읍 새봄항 인근에 공영주차장을 조성한다. 전체 사업비로 40억원(국비 20억원)이 "
            "투입된다.\n장성군의 '새들 꽃길 프로젝트'는 새들면 소재지 중심로를 중심으로 꽃길을 가꾸는 "
            "사업으로 9억원(국비 6억원)이 투입된다.")
    assert text_of(record_of(text, "40억원").region) == "벌교읍 새봄항 인근"
    record = record_of(text, "9억원")
    assert text_of(record.agency) == "장성군"
    assert record.region is None or "새봄항" not in record.region.text


def test_single_syllables_joined_by_a_dot_are_no_place():
    text = "군은 총 15억원의 사업비를 투입해 민·군 어깨동무센터를 조성한다."
    record = record_of(text, "15억원")
    assert text_of(record.project) == "민·군 어깨동무센터"
    assert record.region is None


# --- sentences glued by a full stop without a space ------------------------------------------

def test_a_word_glued_after_a_full_stop_is_no_part_of_a_place():
    text = ("서울 성북구가 도서관 확충을 위해.정릉동과 길음동, 석관동 도서관 건립에 사용될 30억원을 "
            "내년도 예산안에 반영했다.")
    region = record_of(text, "30억원").region
    assert region is None or not region.text.startswith("위해")


def test_a_sentence_glued_to_the_next_by_its_full_stop_ends_there():
    text = ("서울 성북구가 도서관 확충을 위해 도서관 건립에 사용될 30억원을 내년도 예산안에 반영했다."
            "29일 구에 따르면 정릉동에 15억여원의 예산을 들여 도서관을 건립하기 위해 부지 선정 작업에 "
            "들어갔다.")
    record = record_of(text, "15억여원")
    assert text_of(record.project) == "도서관"
    assert text_of(record.region) == "정릉동"


def test_a_place_before_another_items_amount_is_that_items():
    text = ("확보된 국비 20억 원은 솔밭지구 일원 맨발길 정비에 8억 원, 노후 공원 시설물정비에 "
            "12억 원을 투자할 예정이다.")
    assert text_of(record_of(text, "8억 원").region) == "솔밭지구 일원"
    assert record_of(text, "12억 원").region is None


def test_a_place_before_the_parts_of_its_own_total_stays():
    text = "시는 새봄동 일원에 국비 20억원과 시비 10억원 등 30억원을 들여 체육관을 짓는다."
    assert text_of(record_of(text, "30억원").region) == "새봄동 일원"


# --- region: the place chosen in a competition ------------------------------------------------

def test_the_place_chosen_is_the_site_of_the_amount_after():
    text = ("새봄시가 농촌공간정비사업 공모에 들녘구 새들면 금강지구가 최종 선정됐다고 밝혔다.\n"
            "시는 총사업비 100억 원을 투입해 폐축사를 철거한다.")
    assert text_of(record_of(text, "100억 원").region) == "들녘구 새들면 금강지구"


def test_a_word_ending_like_a_place_chosen_is_no_place():
    text = "우리가 선정한 사업에 시는 총사업비 100억 원을 투입한다."
    assert record_of(text, "100억 원").region is None


def test_a_construction_office_is_a_body():
    text = "해양수산부 새봄항건설사무소는 올해 새봄항 개발에 3000억원을 투입한다고 밝혔다."
    agency = text_of(record_of(text, "3000억원").agency)
    assert agency is not None and agency.endswith("새봄항건설사무소")


def test_a_township_office_built_is_still_a_project():
    text = "군은 옛 청사 자리에 총사업비 40억 원을 투입해 새들면사무소를 신축한다."
    record = record_of(text, "40억 원")
    assert text_of(record.agency) == "군"
    assert text_of(record.project) == "새들면사무소"


def test_a_company_written_with_jusikhoesa_is_a_body_named_again_without_it():
    text = ("새봄항 2-3단계 부두 공사가 착공됐다.\n새봄터미널 주식회사는 16일 신항 배후부지에서 착공식을 "
            "연다고 밝혔다. 새봄터미널은 여러 투자자가 공동 출자한 회사다.\n앞으로 2030년까지 5천억 원을 "
            "들여 선박 3척이 댈 수 있는 안벽을 건설할 예정이다.")
    assert text_of(record_of(text, "5천억 원").agency) == "새봄터미널"


def test_jusikhoesa_as_the_subject_keeps_its_mark():
    text = "새봄터미널 주식회사는 2030년까지 5천억 원을 들여 부두를 건설한다."
    assert text_of(record_of(text, "5천억 원").agency) == "새봄터미널 주식회사"


# --- project: "이번 공모 선정으로" names the competition's programme ---------------------------

def test_this_competition_names_the_programme_named_before():
    text = ("새봄시가 '농촌공간정비사업' 공모에 들녘구 새들면 금강지구가 최종 선정됐다고 밝혔다.\n"
            "시는 이번 공모 선정으로 국·도비 60억 원을 포함해 총사업비 100억 원을 확보했다.")
    record = record_of(text, "100억 원")
    assert text_of(record.project) == "농촌공간정비사업"
    assert text_of(record.region) == "들녘구 새들면 금강지구"


def test_this_competition_with_no_programme_named_gives_none():
    text = "시는 이번 공모 선정으로 총사업비 100억 원을 확보했다."
    assert record_of(text, "100억 원").project is None


def test_a_named_project_in_the_sentence_wins_over_the_competition():
    text = ("새봄시가 '농촌공간정비사업' 공모에 최종 선정됐다고 밝혔다.\n시는 이번 공모 선정으로 "
            "총사업비 100억 원을 들여 새봄체육공원을 조성한다.")
    assert text_of(record_of(text, "100억 원").project) == "새봄체육공원"


def test_a_ministrys_programme_as_topic_does_not_take_over_a_citys_story():
    text = ("구미시는 국토교통부 공모에 선정됐다고 밝혔다.\n국토교통부의 '도시재생 뉴딜사업'은 낙후 "
            "지역을 되살리는 사업이다. 시에는 총 50억원이 투입된다.")
    assert text_of(record_of(text, "50억원").agency) == "구미시"


def test_a_case_topic_gives_way_to_a_name_after_the_amount():
    text = "시는 주민 의견을 들었다. 주민도 10억원을 들여 새봄정원을 가꾼다."
    assert text_of(record_of(text, "10억원").project) == "새봄정원"


def test_a_word_ending_in_do_named_before_only_in_passing_is_no_case_topic():
    text = ("※ 요금 수입은 전년보다 늘어날 전망이다.\n※ 전년도 이월 사업비 12억 5천만원은 별도 "
            "집행한다.")
    record = record_of(text, "12억 5천만원")
    assert record is not None and record.project is None  # not 전년
