"""Mechanisms the records rules read in round eight (issue 20), meant to carry from one set of
releases to the next: what delimits a body, a project's name and a place, rather than words of
one set.  Every sentence here is our own; each family has a case it must not touch."""

from __future__ import annotations

import pytest
from records_cases import record_named as record_of, text_of


# --- agency: works named …공사 are no body; a body's own …공사 is -------------------------------

@pytest.mark.parametrize("text, amount, agency", [
    ("항만청은 신항 2단계를 맡는다고 밝혔다. 다음 주부터 예비공사가 시작된다.\n"
     "900억 원이 들어가는 이번 사업은 2029년 끝난다.", "900억 원", "항만청"),
    ("구는 보건센터 건립에 나섰다. 기공식과 함께 ‘새봄보건센터’ 건립공사가 첫 삽을 떴다. "
     "센터는 50억 원을 들여 짓는다.", "50억 원", "구"),
    ("경북개발공사는 200억원을 들여 산업단지를 조성한다.", "200억원", "경북개발공사"),
    ("한국도로공사는 올해 휴게소 정비에 80억원을 투입한다.", "80억원", "한국도로공사"),
])
def test_works_ending_in_gongsa_are_no_body(text, amount, agency):
    got = text_of(record_of(text, amount).agency)
    assert got is not None and got.split()[-1].endswith(agency)
    assert "공사가" not in got and not got.endswith(("예비공사", "건립공사"))


# --- agency: a body opening a chain of places only locates -------------------------------------

def test_a_body_before_villages_is_a_place_not_the_agency():
    record = record_of("서구 가곡면 한들리 일대는 2만평 부지에 150억원이 투입되는 물류단지가 "
                       "들어선다.", "150억원")
    assert record.agency is None
    assert text_of(record.region) == "서구 가곡면 한들리 일대"


def test_a_body_before_its_own_project_is_still_the_agency():
    record = record_of("서구는 150억원을 들여 가곡면 한들리 일대에 물류단지를 조성한다.", "150억원")
    assert text_of(record.agency) == "서구"


# --- agency: a branch serving two places -------------------------------------------------------

def test_a_branch_serving_two_places_is_one_body():
    record = record_of("한국농어촌공사 영광·함평지사는 들녘지구가 신규 지구로 선정됐다고 밝혔다. "
                       "들녘지구는 사업비 90억원으로 2026년 착공한다.", "90억원")
    assert text_of(record.agency) == "한국농어촌공사 영광·함평지사"


# --- region: a stretch of country by name --------------------------------------------------------

@pytest.mark.parametrize("text, amount, region", [
    ("공단에 따르면 괴산·증평·진천지역 주민에게 물을 대는 관로가 완공됐다. 공단은 총사업비 "
     "900억원을 들여 관로를 놓았다.", "900억원", "괴산·증평·진천지역"),
    ("이 사업은 전남 동부지역 물 부족을 풀기 위해 총사업비 2천억 원을 들여 추진하는 사업이다.",
     "2천억 원", "전남 동부지역"),
    ("환경청은 호남지역에 환경기초시설 예산 500억원을 지원한다.", "500억원", "호남지역"),
])
def test_a_stretch_of_country_is_a_place(text, amount, region):
    assert text_of(record_of(text, amount).region) == region


@pytest.mark.parametrize("text, amount", [
    ("군은 농촌지역 학교에 20억원을 들여 도서관을 짓는다.", "20억원"),
    ("도는 피해지역 복구에 30억원을 투입한다.", "30억원"),
    ("시는 산간·오 지역 주민을 위해 10억원을 들여 버스를 늘린다.", "10억원"),
])
def test_a_kind_of_area_is_no_place(text, amount):
    assert record_of(text, amount).region is None


# --- region: a road-name address, a described site, a numbered part of a town --------------------

def test_a_road_name_address_is_a_place():
    record = record_of("구는 40억 원을 들여 새봄로 17에 지상 4층 규모의 보건센터를 짓는다.", "40억 원")
    assert text_of(record.region) == "새봄로 17"


def test_the_site_the_next_sentence_describes_is_the_place():
    text = ("이 사업은 부지 매입비와 공사비 등 총 사업비 250억 원이 든다. 현재 청사가 있는 "
            "중앙동 위치에 부지를 넓혀 지상 5층 규모로 짓는다.")
    assert text_of(record_of(text, "250억 원").region) == "중앙동 위치"


def test_a_next_sentence_with_its_own_amount_or_no_size_gives_no_place():
    text = ("이 사업에는 총 사업비 250억 원이 든다. 중앙동 주민들은 50억 원의 효과를 기대한다.")
    assert record_of(text, "250억 원").region is None
    text = "이 사업에는 총 사업비 250억 원이 든다. 중앙동 주민들은 개관을 기다린다."
    assert record_of(text, "250억 원").region is None


def test_a_numbered_part_of_a_town_is_a_place_word():
    text = ("새빛시 1-3생활권 일원 4,000㎡ 부지에 총 70억 원의 사업비가 투입되는 전수관은 내년 "
            "준공된다.")
    assert text_of(record_of(text, "70억 원").region) == "새빛시 1-3생활권 일원"


def test_a_later_sentence_opening_with_the_name_places_it():
    text = ("주요 사업은 마을 정비사업(총 사업비 40억원, 국비 20억원), 청년 임대형 스마트팜(총 "
            "사업비 90억원, 국비 45억원) 등이다.\n\n청년 임대형 스마트팜 조성은 새들면 일원에 온실을 "
            "짓는 사업이다.")
    record = record_of(text, "90억원")
    assert text_of(record.project) == "청년 임대형 스마트팜"
    assert text_of(record.region) == "새들면 일원"


# --- project: what delimits a name ---------------------------------------------------------------

def test_a_numbered_part_glued_to_a_name_stays_in_it():
    text = ("구는 새봄4지구 주민복합시설 조성에 착수한다고 밝혔다. 이날 공사가 시작되는 "
            "주민복합시설은 90억 원을 들여 짓는다.")
    assert text_of(record_of(text, "90억 원").project) == "새봄4지구 주민복합시설"


@pytest.mark.parametrize("text, amount", [
    ("군은 국비사업 확보에 나섰다. 군은 이를 위한 국비 70억원 확보에 주력한다.", "70억원"),
    ("시는 올해 첫 국책사업을 따냈다. 시는 모두 30억원을 들인다.", "30억원"),
])
def test_words_that_only_say_which_name_no_project(text, amount):
    project = text_of(record_of(text, amount).project)
    assert project not in ("국비사업", "첫 국책사업")


def test_an_opening_quote_closed_by_a_plain_one_quotes_a_name():
    text = "‘바다 실증센터'가 남해에 들어선다.\n\n이 사업에는 총 사업비 120억 원이 투입된다."
    assert text_of(record_of(text, "120억 원").project) == "바다 실증센터"


def test_a_byline_is_no_part_of_a_name():
    text = ("[영광=새날뉴스] 박하늘 기자 = 한국농어촌공사 영광지사는 들녘지구에 사업비 90억원을 "
            "들인다고 밝혔다.")
    project = text_of(record_of(text, "90억원").project)
    assert project is None or "기자" not in project


def test_a_name_repeated_with_a_word_ending_like_a_particle_keeps_it():
    text = ("구는 새고을 수영장 건립을 추진하고 있다.\n\n내년 완공 예정인\n\n새고을 수영장은 사업비 "
            "70억원 가운데 30억원이 투입됐다.")
    assert text_of(record_of(text, "70억원").project) == "새고을 수영장"


def test_an_object_before_a_head_once_is_not_taken_in():
    text = "구는 예산을 50억원 들여 수영장을 짓는다."
    assert text_of(record_of(text, "50억원").project) != "예산을 수영장"


def test_a_name_and_its_action_stands_for_the_longer_name_glued_to_it():
    text = ("핵심시설인 새빛소재지원센터가 착공된다. 시는 기공식을 갖는다고 밝혔다. 소재지원센터 "
            "건립은 국비지원사업이다. 사업비 200억원을 투입해 2027년 완공 예정이다.")
    assert text_of(record_of(text, "200억원").project) == "새빛소재지원센터"


def test_a_name_and_its_action_does_not_take_a_place_before_it():
    text = ("도는 새들군 직매장 등 3곳을 지원한다.\n\n○ 충주시\n직매장 신축에 120,000천원을 들인다.")
    project = text_of(record_of(text, "120,000천원").project)
    assert project != "새들군 직매장"


def test_names_before_etc_and_any_particle_are_several():
    text = ("시는 공모에 작은도서관 건립, 체육관 증축사업, 하늘길 쉼터 조성사업 등이 선정돼 국비 "
            "60억을 지원받는다.")
    assert record_of(text, "60억").project is None


def test_a_cost_topic_whose_sentence_names_the_project_after_is_about_it():
    text = ("시는 옛 역사 부지 활용을 위해 문화시설 조성을 추진하고 있다.\n총사업비는 약 250억원으로, "
            "2028년 새빛문화센터가 개관하면 명소가 될 것으로 보인다.")
    assert text_of(record_of(text, "250억원").project) == "새빛문화센터"
