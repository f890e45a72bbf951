"""The check cases of tests/check_cases.py: every planted error is reported with its code,
every near miss stays silent (recall 1.0, no false alarm on our own set)."""

from __future__ import annotations

import pytest

import fundparse
from check_cases import CLEAN, PLANTED, score


def test_the_set_is_big_enough_and_names_are_unique():
    assert len(PLANTED) >= 20 and len(CLEAN) >= 20
    names = [name for name, *_ in PLANTED] + [name for name, _ in CLEAN]
    assert len(names) == len(set(names))


@pytest.mark.parametrize("name, text, code", PLANTED, ids=[case[0] for case in PLANTED])
def test_planted_error_is_reported(name, text, code):
    assert code in [f.code for f in fundparse.check(text)]


@pytest.mark.parametrize("name, text", CLEAN, ids=[case[0] for case in CLEAN])
def test_near_miss_is_silent(name, text):
    assert [f"{f.code} {f.message}" for f in fundparse.check(text)] == []


def test_score():
    caught, planted, alarms, clean, notes = score()
    assert (caught, alarms) == (planted, 0), notes


def test_a_message_quoting_text_across_a_line_break_stays_one_line():
    [f] = fundparse.check("국비 10억원을 투입한다.\n2001-\n2000")
    assert f.code == "FP202"
    assert f.message == "기간 '2001- 2000'의 시작 2001년이 끝 2000년보다 늦습니다"
    assert f.message_en == "period '2001- 2000' starts in 2001, after its end 2000"
