"""Families of forms the records rules read in round ten (issue 20): a higher level kept as the
text names it, the items of a list summed after 으로 총, and schools, ports and airports named as
places.  Every sentence here is our own; each family has a case it must not touch."""

from __future__ import annotations

import fundparse
from records_cases import record_named as record_of, text_of


# --- agency: a province before a local body, as written ----------------------------------------

def test_a_province_before_a_county_is_kept_as_written():
    record = record_of("전북 새봄군은 총사업비 50억원을 들여 체육관을 짓는다.", "50억원")
    assert text_of(record.agency) == "전북 새봄군"


def test_a_county_alone_stays_alone():
    record = record_of("새봄군은 총사업비 50억원을 들여 체육관을 짓는다.", "50억원")
    assert text_of(record.agency) == "새봄군"


# --- funded: each item of a list summed after 으로 총 ------------------------------------------

SCHOOLS = ("새봄교육지원청은 체육관이 없는 학교에 체육관을 짓는다고 밝혔다. 학교별 건립 사업비는 "
           "들녘초 21억원, 하늘초 25억5000만원, 가람중 30억원으로 총 76억5000만원에 이른다.")


def test_each_item_of_a_list_summed_after_euro_chong_is_a_funded_total():
    for amount, school in (("21억원", "들녘초"), ("25억5000만원", "하늘초"), ("30억원", "가람중")):
        record = record_of(SCHOOLS, amount)
        assert record is not None
        assert text_of(record.agency) == "새봄교육지원청"
        assert text_of(record.region) == school


def test_the_sum_of_places_is_several_projects_and_no_place():
    record = record_of(SCHOOLS, "76억5000만원")
    assert text_of(record.region) is None
    assert record.project is None


def test_a_source_before_euro_chong_stays_a_part():
    mentions = fundparse.extract("군은 국비 30억원으로 총 50억원의 사업비를 마련했다.")
    assert all(m.record is None for m in mentions if m.text == "30억원")


# --- region: schools, ports and airports by name ------------------------------------------------

def test_a_school_with_e_is_the_place():
    text = "새봄군이 들녘초에 다목적체육관을 건립한다. 군은 총 28억원을 들인다."
    assert text_of(record_of(text, "28억원").region) == "들녘초"


def test_a_port_and_a_pier_are_the_place():
    text = "해수부는 국비 300억원을 투입해 새봄항 들녘부두에 철재부두를 건설하기로 했다."
    assert text_of(record_of(text, "300억원").region) == "새봄항 들녘부두"


def test_an_airport_leading_a_projects_name_places_it():
    text = "공사는 새봄공항 국제선청사를 넓힌다. 1334억원을 들여 확장하는 새봄공항 국제선청사는 내년 완공된다."
    record = record_of(text, "1334억원")
    assert text_of(record.region) == "새봄공항"


def test_a_state_written_like_a_school_is_no_place():
    text = "시는 현재 공사중에 있는 도로에 총 30억원을 투입했다. 내달초에 개통한다."
    assert text_of(record_of(text, "30억원").region) is None


def test_a_school_named_as_the_project_before_its_amount_stays_the_project():
    text = "도교육청은 가온초교 120억원, 나래중학교 180억원이 각각 필요하다고 밝혔다."
    assert text_of(record_of(text, "120억원").project) == "가온초교"


# --- project: adverbs of quantity are no words of a name; 증개축 is done to a building ----------

def test_a_renovation_named_before_a_plain_works_sentence():
    text = ("새봄초등학교 교실 증개축이 4월부터 공사, 9개월 넘게 공사를 하여 이사를 하였습니다. "
            "28억원을 들여 공사가 완공되었습니다.")
    record = record_of(text, "28억원")
    assert text_of(record.project) == "새봄초등학교 교실 증개축"
    assert text_of(record.region) == "새봄초등학교"


def test_a_town_word_before_a_school_with_its_particle_reads_without_error():
    # a word before a school named with 에 that is neither a place nor a facility ("또 새봄
    # 한빛중학교에"): looked up among the higher levels by name, not read as a pattern
    record = record_of("또 새봄 한빛중학교에 마련될 연면적 6500여㎡ 규모의 학교복합시설은 총 사업비 "
                       "220억원이 투입된다.", "220억원")
    assert text_of(record.project) == "학교복합시설"
