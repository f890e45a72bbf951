"""Families of forms the records rules read in round twenty-seven (issue 20): amounts the
records stage did not take as funded totals (items of a list with their amounts in brackets, a
cost label glued to a name, the sources won after 의, a list's next items, won verbs), a list
item that is only a place, and the last item of a bracketed list.  Every sentence here is our
own; each family has a case it must not touch."""

from __future__ import annotations

import fundparse
from records_cases import record_named as record_of, text_of


def fields(record):
    return (text_of(record.agency), text_of(record.project), text_of(record.region))


def funded(text, amount):
    mention = next(m for m in fundparse.extract(text) if m.text == amount)
    return mention.record is not None


# --- funded: an item of a list of amounts alone in brackets ------------------------------------

FUNDS = ("새봄군은 올해 공모사업 30건에 선정됐다. 선정된 주요 사업은 △청년정착기금(150억원) "
         "△들녘마을 행복주택 건립사업(90억원) △하늘면 보건지소 신축(30억원) 등이다.")


def test_a_fund_in_a_bracketed_list_is_a_funded_total():
    record = record_of(FUNDS, "150억원")
    assert record is not None and text_of(record.agency) == "새봄군"


def test_each_item_of_the_bracketed_list_keeps_its_own_name():
    assert text_of(record_of(FUNDS, "90억원").project) == "들녘마을 행복주택 건립사업"


def test_two_amounts_in_brackets_are_no_such_list():
    text = "새봄군은 청년정착기금(150억원)과 귀농기금(20억원)을 만들었다."
    assert not funded(text, "150억원")


# --- a listed item that is only a place names where --------------------------------------------

DISTRICTS = ("새봄도는 풍수해 정비사업 공모에서 3개 지구가 뽑혔다고 밝혔다. 새봄도에 따르면 뽑힌 곳은 "
             "들녘 하늘지구(120억 원), 바람 노을지구(95억 원), 새봄 별빛지구(80억 원) 등이다.")


def test_a_place_item_is_the_region_not_the_project():
    for amount, place in (("120억 원", "들녘 하늘지구"), ("95억 원", "바람 노을지구"),
                          ("80억 원", "새봄 별빛지구")):
        record = record_of(DISTRICTS, amount)
        assert text_of(record.agency) == "새봄도"
        assert text_of(record.region) == place
        assert text_of(record.project) != place


def test_an_item_with_a_project_head_stays_the_project():
    text = ("새봄시는 들녘 체육센터(120억 원), 하늘 도서관(95억 원), 바람 문화센터(80억 원)를 "
            "짓는다.")
    assert text_of(record_of(text, "80억 원").project) == "바람 문화센터"


# --- funded: a cost label glued to the name ----------------------------------------------------

GLUED = "새봄군은 들녘문화지구 조성사업비 7억원과 하늘마을 귀농 지원사업비 3억원도 받았다."


def test_a_glued_cost_label_makes_a_funded_total_named_by_its_words():
    assert fields(record_of(GLUED, "7억원"))[:2] == ("새봄군", "들녘문화지구 조성사업")
    assert fields(record_of(GLUED, "3억원"))[:2] == ("새봄군", "하늘마을 귀농 지원사업")


def test_the_whole_s_label_is_no_glued_name():
    text = "새봄군은 들녘천 정비에 국비 30억원(총사업비 60억원)을 확보했다."
    record = record_of(text, "60억원")
    assert text_of(record.project) != "총사업"


# --- funded: the amount of the sources won, after 의 ------------------------------------------

def test_the_sources_won_after_ui_are_a_funded_total():
    text = "새봄군은 올해 정부 공모사업 8건에 뽑혀 90억원의 국비와 도비를 확보했다고 밝혔다."
    record = record_of(text, "90억원")
    assert record is not None and fields(record)[:2] == ("새봄군", None)


def test_the_sources_raised_name_the_project_after_them():
    text = ("이와 함께 들녘구는 환경부 공모를 통해 25억 원의 국비를 조달, 하늘 근린공원에 생태숲 "
            "조성을 추진하고 있다.")
    assert fields(record_of(text, "25억 원")) == ("들녘구", "생태숲 조성", "하늘 근린공원")


def test_the_sources_only_asked_for_are_no_funded_total():
    text = "새봄군은 내년에 90억원의 국비를 요청할 계획이다."
    assert not funded(text, "90억원")


# --- funded: a list's next items after a funded one --------------------------------------------

ITEMS = ("주요 사업은 하늘 치유숲 조성 190억 원, 들녘 도시 재생 사업 70억 원, 바람천 경관 개선 "
         "20억 원 등이다.")


def test_the_next_items_of_a_list_are_funded_totals():
    assert text_of(record_of(ITEMS, "70억 원").project) == "들녘 도시 재생 사업"
    assert text_of(record_of(ITEMS, "20억 원").project) == "바람천 경관 개선"


def test_a_source_after_a_comma_stays_a_part():
    text = "주요 사업은 하늘 치유숲 조성 190억 원, 국비 90억 원 등이다."
    assert text_of(record_of(text, "190억 원").project) == "하늘 치유숲 조성"
    mention = next(m for m in fundparse.extract(text) if m.text == "90억 원")
    assert mention.record is None


# --- funded: won (유치, 따냈다) ------------------------------------------------------------------

def test_an_amount_won_is_a_funded_total():
    text = "새봄도는 2015년부터 올해까지 지역 공모사업으로 모두 4건, 80억여원을 유치했다."
    assert text_of(record_of(text, "80억여원").agency) == "새봄도"


# --- agency: bodies listed each with its own amount --------------------------------------------

COUNTIES = ("새봄도는 4개 군이 모두 선정됐다고 밝혔다. 지역별로는 새봄군이 30억 원, 들녘군이 80억 원, "
            "하늘군이 120억 원을 각각 확보했다.")


def test_each_listed_body_owns_the_amount_after_it():
    for amount, body in (("30억 원", "새봄군"), ("80억 원", "들녘군"), ("120억 원", "하늘군")):
        assert text_of(record_of(COUNTIES, amount).agency) == body


def test_one_body_with_its_amount_and_no_list_leaves_the_subject():
    text = "새봄도는 들녘군이 30억 원을 들여 체육관을 짓는다고 밝혔다."
    assert text_of(record_of(text, "30억 원").agency) == "새봄도"


# --- agency: a verb stem that ends like a province is no body ----------------------------------

def test_a_verb_form_ending_like_a_province_names_no_body():
    text = ("새봄시는 올해 사업을 발표했다. 1조원을 웃도는 하늘 고속도로도 착공한다. 이어 들녘 "
            "체육관 건립에 300억원을 투입한다.")
    assert text_of(record_of(text, "300억원").agency) == "새봄시"


# --- agency: a bare subject and a body named only by its head's title ---------------------------

def test_a_bare_subject_stands_for_the_body_glued_to_its_head_s_title():
    text = ("8일 구에 따르면 이날 김하나 새봄구청장·박들녘 의원 등 40여 명이 참석했다.\n"
            "이에 구는 총사업비 120억 원으로 들녘동 복합커뮤니티센터를 건립한다.")
    assert text_of(record_of(text, "120억 원").agency) == "새봄구"


def test_a_market_s_name_is_no_body():
    text = ("이날 새봄중앙시장 상인 등 40여 명이 참석했다.\n"
            "이에 시는 총사업비 20억 원으로 주차장을 짓는다.")
    assert text_of(record_of(text, "20억 원").agency) == "시"


# --- project: which one of many and clause-joining verb forms name no project ------------------

def test_a_single_or_final_programme_is_no_name():
    text = ("새봄구는 국토교통부 ‘들녘 마을’ 사업에 선정돼 민선 8기 들어 단일 사업으로 가장 많은 "
            "국비 50억 원(총사업비 100억 원)을 지원받게 됐다.")
    record = record_of(text, "100억 원")
    assert text_of(record.project) in (None, "들녘 마을")
    text = ("새봄군은 하늘면 일대를 정비하기 위해 행안부에 신청을 넣어 최종 사업에 결정됐다. "
            "이번 선정으로 받을 정부 예산은 150억원이다.")
    project = text_of(record_of(text, "150억원").project)
    assert project is None or "넣어" not in project


# --- project: a bulleted item of a bracketed list, whole -----------------------------------------

BULLETS = ("예타 대상은 △새봄~들녘 고속도로 건설(1조원) △하늘고속도로지선(들녘~바람) 확장(3000억원) "
           "△바람 체육관 건립(2000억원) 등이다.")


def test_an_aside_inside_a_bulleted_item_stays_in_its_name():
    assert text_of(record_of(BULLETS, "3000억원").project) == "하늘고속도로지선(들녘~바람) 확장"
    assert text_of(record_of(BULLETS, "1조원").project) == "새봄~들녘 고속도로 건설"


def test_the_first_bulleted_item_is_an_item_of_the_list():
    assert text_of(record_of(FUNDS, "150억원").project) == "청년정착기금"


def test_two_bulleted_amounts_are_no_such_list():
    text = "새봄군은 △청년정착기금(150억원) △귀농기금(20억원)을 만들었다."
    mention = next(m for m in fundparse.extract(text) if m.text == "150억원")
    assert mention.record is None or text_of(mention.record.project) != "청년정착기금(150억원)"


# --- project: a bulleted item's own amount before a count closing the list ---------------------

def test_the_last_bulleted_item_keeps_its_name_before_the_list_s_count():
    text = ("중점 사업은 △새봄 전통시장 회복사업 50억원 △들녘 생태공원 조성 40억원 △하늘 복원정비 "
            "사업 14억원 등 자체사업 26건이다.")
    assert text_of(record_of(text, "14억원").project) == "하늘 복원정비 사업"


def test_a_count_after_an_amount_outside_a_bulleted_list_still_bundles():
    text = "새봄군은 마을 정비사업 14억원 등 26건을 추진한다."
    assert record_of(text, "14억원").project is None


# --- project: the sum after 등 총사업비 is several projects' ------------------------------------

def test_the_sum_after_deung_chongsaeopbi_names_no_project():
    text = ("신규사업은 ▲새봄지구 하수도정비사업 3억원(총사업비 97억원) ▲들녘 소각시설 설치사업 "
            "3억원(총사업비 257억원) 등 총사업비 354억원 규모다.")
    assert record_of(text, "354억원").project is None
    assert text_of(record_of(text, "257억원").project) == "들녘 소각시설 설치사업"


# --- region: a lake, a stream, a mountain … by name opening a project's name ---------------------

def test_a_named_lake_opening_a_name_is_its_place():
    text = "새봄구는 들녘호 생태 탐방로 조성 사업에 50억 원을 투입한다."
    assert fields(record_of(text, "50억 원"))[1:] == ("들녘호 생태 탐방로 조성 사업", "들녘호")


def test_a_stream_s_bank_stays_with_the_stream():
    text = "새봄구는 하늘천 좌안 보행교 설치사업에 6억원을 들인다."
    assert text_of(record_of(text, "6억원").region) == "하늘천 좌안"


def test_a_bridge_and_a_mountain_by_name_place_the_works():
    record = record_of("새봄군은 들녘대교 야간경관 조명사업에 7억 원을 들인다.", "7억 원")
    assert text_of(record.region) == "들녘대교"
    record = record_of("새봄구는 하늘산 둘레길 정비사업에 10억원을 투입한다.", "10억원")
    assert text_of(record.region) == "하늘산"


def test_words_ending_like_a_landmark_place_nothing():
    record = record_of("새봄군은 수산 가공 단지 조성에 30억원을 투입한다.", "30억원")
    assert record.region is None
    record = record_of("새봄군은 부동산 정보 시스템 구축에 3억원을 들인다.", "3억원")
    assert record.region is None


def test_a_two_word_name_keeps_no_landmark_place():
    record = record_of("새봄구는 들녘호 정비사업에 50억 원을 투입한다.", "50억 원")
    assert text_of(record.project) == "들녘호 정비사업"


# --- project: a promoted or proposed project, and the islands' programme, name none ------------

def test_a_promoted_project_names_none():
    assert record_of("새봄군은 역점 추진사업으로 50억원을 투입한다.", "50억원").project is None
    assert record_of("새봄군은 올해 건의사업에 50억원을 반영했다.", "50억원").project is None


def test_the_islands_and_border_areas_programme_alone_names_none():
    text = "새봄군은 올해 특수상황지역개발사업으로 120억원을 확보했다."
    assert record_of(text, "120억원").project is None
    text = "새봄군은 하늘면 특수상황지역개발사업으로 120억원을 확보했다."
    assert text_of(record_of(text, "120억원").project) == "하늘면 특수상황지역개발사업"


# --- agency: bare words for cities or counties in general --------------------------------------

def test_cities_and_counties_joined_by_a_middle_dot_are_no_bare_subject():
    text = ("새봄도는 공모 신청한 사업 6건이 모두 선정됐다고 밝혔다.\n\n도와 각 시·군은 이번 공모 "
            "선정 가능성을 높였다.\n\n이번 선정된 사업은 국비 164억원과 지방비 533억원이 더해져 총 "
            "697억원의 사업비가 투입된다.")
    assert text_of(record_of(text, "697억원").agency) == "새봄도"


def test_these_counties_and_a_count_of_them_are_no_bare_subject():
    text = ("새봄도는 지난 5월 공모사업에 4개 군이 응모한 사업이 선정됐다고 밝혔다.\n이에 따라 이들 "
            "군에는 국비 100억원과 지방비 71억원 등 171억원을 들여 관광 인프라를 구축한다.")
    assert text_of(record_of(text, "171억원").agency) == "새봄도"


def test_a_bare_subject_alone_still_stands_for_its_body():
    text = "새봄군은 올해 사업을 발표했다.\n군은 하늘면에 171억원을 들여 체육관을 짓는다."
    assert text_of(record_of(text, "171억원").agency) == "새봄군"


# --- funded: the amount of a named project's budget, after 의 ----------------------------------

def test_an_amount_of_a_project_s_budget_won_is_its_total():
    text = "새봄도는 안정적인 농업용수 공급을 위해 500억 원의 들녘 정비사업 예산을 확보했다고 밝혔다."
    assert fields(record_of(text, "500억 원"))[:2] == ("새봄도", "들녘 정비사업")


def test_a_budget_only_asked_for_is_no_funded_total():
    text = "새봄도는 500억 원의 들녘 정비사업 예산을 요청할 계획이다."
    assert not funded(text, "500억 원")


# --- funded: a list of what was won, closed by 등의 재원을 확보 --------------------------------------

def test_each_bundle_of_a_list_of_what_was_won_is_a_funded_total_of_no_one_project():
    text = ("새봄구에 따르면 하늘동 재생사업 등 30건 120억 원, 들녘 보도육교 설치 등 20건 80억 원 "
            "등의 재원을 확보했다.")
    for amount in ("120억 원", "80억 원"):
        record = record_of(text, amount)
        assert fields(record) == ("새봄구", None, None)


def test_deung_ui_before_a_word_that_is_no_means_is_not_read():
    text = "새봄구는 80억 원 등의 성과를 알렸다."
    assert not funded(text, "80억 원")


def test_a_bulleted_item_s_name_read_short_of_its_mark_is_whole():
    text = ("선정된 주요 사업은 △청년정착기금(150억원) △새봄형 더 행복한 주택 건립사업(90억원) "
            "△들녘 전선로 지중화 사업(30억원) 등이다.")
    assert text_of(record_of(text, "90억원").project) == "새봄형 더 행복한 주택 건립사업"
    assert text_of(record_of(text, "30억원").project) == "들녘 전선로 지중화 사업"


def test_a_name_in_a_comma_list_is_not_widened():
    text = "군에 따르면 새봄해양교육관(225억 원)을 비롯해 들녘 솔바람 에코리움(99억 원), 하늘숲체험장(22억 원) 등이다."
    assert text_of(record_of(text, "225억 원").project) == "새봄해양교육관"
