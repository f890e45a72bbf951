"""Families of forms the records rules read in round nine (issue 20): a roundup of several
bodies' projects, a project as the topic with "의 경우"/"도", a project named as the object after
the amount, places named for a project, and funded totals that had no record.  Every sentence
here is our own; each family has a case it must not touch."""

from __future__ import annotations

import pytest

import fundparse


def record_of(text: str, amount: str):
    mention = next(m for m in fundparse.extract(text) if m.text == amount)
    return mention.record


def text_of(span):
    return None if span is None else span.text


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
