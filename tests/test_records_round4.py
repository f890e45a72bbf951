"""Families of written forms the records rules read since the second blind set (issue 20, round
four).  Every sentence here is our own, several a family, so each rule is general."""

from __future__ import annotations

import pytest

import fundparse


def record_of(text: str, amount: str):
    mention = next(m for m in fundparse.extract(text) if m.text == amount)
    return mention.record


def text_of(span):
    return None if span is None else span.text


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
