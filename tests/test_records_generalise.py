"""Families of how releases and news name the doer, the project and the place, read since the
first blind set was scored (issue 20, third pass).  Every sentence here is written for the test,
two or more a family, so each rule is a rule of Korean and not of one sentence."""

from __future__ import annotations

import pytest
from records_cases import record_named as record_of, text_of


# --- agency ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text, amount", [
    ("군은 올해 사업비 12억 원을 들여 마을회관을 새로 짓는다.", "12억 원"),
    ("시는 총 30억 원을 투입해 빗물 저류조를 설치할 계획이다.", "30억 원"),
])
def test_a_bare_subject_the_text_never_names_stays_as_written(text, amount):
    record = record_of(text, amount)
    assert text_of(record.agency) == text.split("은")[0].split("는")[0]


@pytest.mark.parametrize("text, amount, agency", [
    ("지난해 사업을 마친 뒤 정선군이 다시 나섰다.\n5일 정선군에 따르면 총사업비 40억 원을 들여 "
     "임계면 일원에 농산물 가공센터를 짓는다.", "40억 원", "정선군"),
    ("수도권 물 공급이 늘어난다.\n8일 환경부에 의하면 모두 900억 원이 투입되는 정수장 고도화 "
     "사업이 내년 시작된다.", "900억 원", "환경부"),
])
def test_the_body_a_report_is_told_by_is_the_doer_of_a_subjectless_sentence(text, amount,
                                                                             agency):
    assert text_of(record_of(text, amount).agency) == agency


def test_a_real_subject_comes_before_the_body_a_report_is_told_by():
    text = "국토교통부에 따르면 구례군은 총 25억 원을 들여 섬진강 자전거길을 정비한다."
    assert text_of(record_of(text, "25억 원").agency) == "구례군"


def test_a_told_by_body_before_the_sentence_is_the_nearest_doer():
    text = ("정부는 올해 물 관리 예산을 늘렸다.\n14일 농림축산식품부에 따르면 저수지 보강에 "
            "힘을 쏟는다.\n예산은 모두 120억 원이 편성됐다.")
    assert text_of(record_of(text, "120억 원").agency) == "농림축산식품부"


@pytest.mark.parametrize("text, amount, agency", [
    ("경북 청송군 ‘주왕산 탐방센터’ 새 단장\n입력 2024-03-02\n탐방객이 늘면서 "
     "총사업비 18억 원이 투입되는 탐방센터 개축 공사가 다음 달 시작된다.", "18억 원",
     "경북 청송군"),
    ("강원 홍천군 공공도서관 문 연다\n\n지하 1층 지상 3층 규모의 도서관에는 모두 95억 원이 "
     "들어갔다.", "95억 원", "강원 홍천군"),
])
def test_a_headline_that_starts_with_a_body_names_the_doer_of_a_story_without_one(
        text, amount, agency):
    assert text_of(record_of(text, amount).agency) == agency


def test_a_bare_subject_stands_for_the_body_named_before_in_any_role():
    text = ("[김해]김해시 율하천 생태하천 복원사업이 환경부 심사를 통과했다.\n\n"
            "시는 총 사업비 210억 원을 들여 2027년까지 하천을 되살린다.")
    assert text_of(record_of(text, "210억 원").agency) == "김해시"


# --- project --------------------------------------------------------------------------------

@pytest.mark.parametrize("text, amount, project", [
    ("영천시는 총사업비 64억 원(국비 30억 원, 도비 10억 원, 시 자체사업 24억 원)을 들여 "
     "청년 창업지원센터를 짓는다.", "64억 원", "청년 창업지원센터"),
    ("보령시는 모두 120억 원(해양수산부 어촌뉴딜사업 80억 원 포함)이 투입되는 "
     "원산도 여객선터미널을 내년 완공한다.", "120억 원", "원산도 여객선터미널"),
])
def test_a_name_inside_the_amounts_own_bracket_is_a_source_not_the_project(text, amount,
                                                                           project):
    assert project in text_of(record_of(text, amount).project)


@pytest.mark.parametrize("text, amount, project", [
    ("정읍시는 13억 원을 들여 보도블록 교체, 가로등 설치, 벤치 정비 등 구도심 보행환경 "
     "개선사업을 벌인다.", "13억 원", "구도심 보행환경 개선사업"),
    ("구는 8억 원을 투입해 놀이기구 교체 등 어린이공원 재정비사업을 추진한다.", "8억 원",
     "어린이공원 재정비사업"),
])
def test_the_works_listed_before_deung_are_parts_of_the_project_named_after_it(text, amount,
                                                                              project):
    assert project in text_of(record_of(text, amount).project)


@pytest.mark.parametrize("text, amount, project", [
    ("남원시는 지난해 11월 요천 생태탐방로 조성을 시작했다.\n시는 행정안전부가 공모한 "
     "지역활력 지원사업에 최종 선정돼 국비 15억 원을 확보했다.", "15억 원", "요천 생태탐방로"),
    ("고령군은 올해 대가야 역사문화관 건립을 본격화한다.\n군은 문화체육관광부 공립박물관 "
     "지원사업에 선정돼 국비 24억 원을 받는다.", "24억 원", "대가야 역사문화관"),
])
def test_a_competition_won_is_not_the_project(text, amount, project):
    assert project in text_of(record_of(text, amount).project)


@pytest.mark.parametrize("text, amount, project", [
    ("함안군은 ‘아라가야 역사공원’ 조성을 마쳤다고 3일 밝혔다.\n이번 사업은 문화재청의 "
     "역사문화권 정비사업으로 추진됐으며, 총사업비 85억 원이 들어갔다.", "85억 원",
     "아라가야 역사공원"),
    ("예천군 ‘곤충생태원’ 문 열어\n\n모두 52억 원이 투입돼 2년 만에 완공된 이 시설은 "
     "전시관과 체험장을 갖췄다.", "52억 원", "곤충생태원"),
])
def test_a_refer_back_topic_takes_the_project_named_before(text, amount, project):
    assert project in text_of(record_of(text, amount).project)


def test_a_name_before_the_refer_back_topic_is_the_one_meant():
    text = ("시가 ‘중앙시장 아케이드 교체’를 위해 추진한 이번 공사는 총 6억 원이 들었고, "
            "상인회관도 새로 칠했다.")
    assert text_of(record_of(text, "6억 원").project) == "중앙시장 아케이드 교체"


@pytest.mark.parametrize("text, amount, project", [
    ("장수군은 ‘논개 생가 체험마을’ 조성사업이 선정됐다고 밝혔다.\n‘논개 생가 체험마을’ "
     "조성사업은 주차장과 쉼터를 함께 만드는 사업이다.\n국비와 군비 등 모두 32억 원이 "
     "들어간다.", "32억 원", "논개 생가 체험마을"),
])
def test_a_quoted_name_with_a_head_and_topic_particle_is_what_the_story_is_about(
        text, amount, project):
    assert project in text_of(record_of(text, amount).project)


@pytest.mark.parametrize("text, amount, project", [
    ("군은 사업비 9억 원을 들여 하천변 기존 도로 중 좁은 구간을 넓히고 읍내 순환 산책로를 "
     "조성한다.", "9억 원", "순환 산책로"),
    ("시는 총 14억 원을 들여 옛 정수장 부지 중 남은 땅에 도심 치유정원을 만든다.", "14억 원",
     "도심 치유정원"),
])
def test_the_object_of_the_action_after_the_amount_is_the_project(text, amount, project):
    assert project in text_of(record_of(text, amount).project)


@pytest.mark.parametrize("text, amount", [
    ("구는 상도2동 은행공원과 사당1동 까치공원 시설개선에 7억 원을 투입한다.", "7억 원"),
    ("군은 군도 및 농어촌도로 정비에 50억 원을 들인다.", "50억 원"),
    ("도는 올해 4천억 원을 투입해 안동, 임하, 영주, 성덕댐 안전진단을 벌인다.", "4천억 원"),
])
def test_names_joined_or_listed_before_the_head_are_several_projects(text, amount):
    assert record_of(text, amount).project is None


@pytest.mark.parametrize("text, amount", [
    ("군은 상리와 하리 등 마을 8곳을 대상으로 담장 정비와 안길 포장 등 경관개선사업에 "
     "9억 원을 쓴다.", "9억 원"),
    ("구청은 총사업비 120억을 투입해 4개 근린공원 조성에 나선다.", "120억"),
    ("구는 까치공원, 솔밭공원, 미루공원 등에 대한 공원 재정비사업에 모두 6억 원을 들인다.",
     "6억 원"),
])
def test_a_counted_or_listed_bundle_is_no_single_project(text, amount):
    assert record_of(text, amount).project is None


def test_a_project_first_named_with_a_count_stays_a_bundle():
    text = ("공사는 28개 지구의 배수개선사업을 연말까지 마친다.\n배수개선사업은 낡은 배수장을 "
            "고치는 사업이다.\n\n공사에 따르면 올해 사업은 총 210억 원의 예산을 확보했다.")
    assert record_of(text, "210억 원").project is None


@pytest.mark.parametrize("text, amount, project", [
    ("구는 솔숲공원에 총 사업비 12억원을 투입, 내년 봄 문을 연다.", "12억원", "솔숲공원"),
    ("군은 은하수공원에 모두 8억 원을 들여 연말 개방할 계획이다.", "8억 원", "은하수공원"),
])
def test_a_place_right_before_the_amount_is_the_project_when_nothing_else_is(text, amount,
                                                                            project):
    assert text_of(record_of(text, amount).project) == project


def test_a_place_before_the_amount_gives_way_to_a_named_project():
    text = "시는 구미국가산업단지에 총 300억 원을 투입해 소재부품 시험센터를 짓는다."
    assert "소재부품 시험센터" in text_of(record_of(text, "300억 원").project)


@pytest.mark.parametrize("text, amount, project", [
    ("원주 혁신도시에 복합문화센터가 들어선다.\n\n22일 원주시에 따르면 원주 혁신도시 "
     "복합문화센터는 클러스터 용지에 지어진다.\n\n총사업비로 380억원이 투입되며 설계가 곧 "
     "시작된다.", "380억원", "복합문화센터"),
])
def test_a_paragraph_naming_no_project_takes_the_one_the_story_is_about(text, amount, project):
    assert project in text_of(record_of(text, amount).project)


@pytest.mark.parametrize("text, amount", [
    ("18일 경기 연천군에 따르면 국립연천현충원 조성사업은 기획재정부 협의를 마쳤다.\n"
     "총사업비는 1천억 원으로 오는 10월 착공한다.", "1천억 원"),
    ("교육청에 따르면 체육관 증축사업은 모두 40억 원이 든다.", "40억 원"),
])
def test_a_conditional_verb_is_no_place_and_no_part_of_a_name(text, amount):
    record = record_of(text, amount)
    assert "따르면" not in (text_of(record.project) or "")
    assert "따르면" not in (text_of(record.region) or "")


@pytest.mark.parametrize("text, amount, project", [
    ("‘동부여 다목적체육관’ 건립이 시작됐다.\n동부여 다목적체육관은 총사업비 90억 원이 "
     "투입된다.", "90억 원", "동부여 다목적체육관"),
    ("고흥군, 도양복합문화센터 준공…주민 쉼터로\n\n총 80억 원이 투입된 이 센터는 1층에 "
     "수영장을 갖췄다.", "80억 원", "도양복합문화센터"),
])
def test_names_ending_like_a_verb_and_headlines_cut_by_an_ellipsis_read_whole(text, amount,
                                                                           project):
    assert project in text_of(record_of(text, amount).project)


def test_a_refer_back_topic_outranks_works_joined_after_the_amount():
    text = ("보성군 벌교읍 회정리 어촌마을 정비사업이 국비 사업으로 확정됐다.\n이 사업은 내년부터 "
            "사업비 30억 원을 들여 담장 정비와 골목길 포장 사업 등을 추진한다.")
    assert "어촌마을 정비사업" in text_of(record_of(text, "30억 원").project)


def test_a_count_with_ui_before_the_project_is_a_bundle():
    text = ("부는 2030년까지 3개의 홍수조절댐을 새로 짓는다.\n댐 건설 비용으로는 모두 9천억 원이 "
            "투입된다.")
    assert record_of(text, "9천억 원").project is None


@pytest.mark.parametrize("text, amount, project", [
    ("건설부는 올해 낙동강 유역의 용수 공급을 늘리기 위해 추진중인 밀양댐 보조댐\n"
     "건설 사업에 모두 3백20억원을 들여 공사를 마무리하기로 했다.", "3백20억원",
     "밀양댐 보조댐 건설 사업"),
    ("도는 관광객이 늘어나는 해안 지역의 교통 혼잡을 풀기 위해 해안순환\n"
     "도로 확장 공사에 올해 90억원을 투입하기로 했다고 밝혔다.", "90억원",
     "해안순환 도로 확장 공사"),
])
def test_a_long_line_wrapped_by_its_page_does_not_cut_a_name(text, amount, project):
    found = text_of(record_of(text, amount).project)
    assert project in " ".join(found.split())  # the span keeps the page's line break


def test_a_short_title_line_still_ends_a_name():
    text = "옥천군 체육관 건립\n다목적 체육관은 총사업비 40억 원이 투입된다."
    assert text_of(record_of(text, "40억 원").project) == "다목적 체육관"


def test_a_competition_named_right_before_its_amount_is_that_project():
    text = ("군이 발굴한 신규 사업은 청년 공공임대주택 공모사업 210억 원과 하수관로 정비사업 "
            "90억 원이다.")
    assert text_of(record_of(text, "210억 원").project) == "청년 공공임대주택 공모사업"


def test_a_headline_body_is_the_doer_of_the_headlines_own_amount():
    text = "인제군 내년도 국비 86억원 확보\n\n군의 국비 확보액이 크게 늘었다."
    assert text_of(record_of(text, "86억원").agency) == "인제군"


def test_an_item_of_a_counted_list_spoken_of_alone_is_that_project():
    text = ("군이 확보한 사업은 △마을 공동주방 조성 사업 △하천 생태 복원 프로젝트 등 5개 "
            "사업이다.\n\n이 프로젝트는 2026년까지 국비와 군비 등 총 12억원이 투입된다.")
    assert "하천 생태 복원 프로젝트" in text_of(record_of(text, "12억원").project)


def test_an_item_of_a_counted_list_is_no_project_of_a_sentence_naming_none():
    text = ("군, 공원 정비에 국비 확보\n숲속 쉼터 조성 사업 등 4개 신규사업 추진\n\n"
            "군이 내년도 공원 조성사업에 국비 9억 원을 확보했다.")
    assert record_of(text, "9억 원").project is None


def test_a_release_header_word_is_no_body():
    text = "보도일시 2024. 5. 21.(화)\n\n첫째 사업은 올해부터 2026년까지 7억 원을 투입한다."
    assert record_of(text, "7억 원").agency is None


def test_of_two_topics_the_nearer_one_before_the_amount_is_the_project():
    text = ("(가칭)해솔초등학교는 2만㎡ 부지에 총사업비 500억 원을 들여 40학급 규모로, "
            "(가칭)해솔고등학교는 1만 8천㎡ 부지에 총사업비 420억 원을 들여 30학급 규모로 "
            "지어진다.")
    assert text_of(record_of(text, "420억 원").project) == "해솔고등학교"
    assert text_of(record_of(text, "500억 원").project) == "해솔초등학교"
