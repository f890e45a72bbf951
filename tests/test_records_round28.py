"""Families of forms the records rules read in round twenty-eight (issue 20): items of a list
named in quotes before their particle, and the items of one bulleted list read alike.  Every
sentence here is our own; each family has a case it must not touch."""

from __future__ import annotations

import fundparse
from records_cases import record_named as record_of, text_of


# --- funded: a quoted name's item of a list ("‘…사업’에 20억 원, ‘…’ 확대에 28억 원, …") ---------

QUOTED = ("충청남도는 내년도 국비 312억 원을 확보했다고 밝혔다. 국비가 반영된 사업은 모두 9건으로, "
          "‘서해안 해양치유 거점센터 조성사업’에 74억 원, ‘내포 수소충전소’ 확충에 36억 원, "
          "‘금강 자전거길’ 개설에 12억 원 등이다.")


def test_a_quoted_name_before_its_particle_is_an_item_of_the_list():
    record = record_of(QUOTED, "74억 원")
    assert text_of(record.agency) == "충청남도"
    assert "거점센터" in text_of(record.project)


def test_the_quoted_items_after_it_are_funded_too():
    for amount in ("36억 원", "12억 원"):
        record = record_of(QUOTED, amount)
        assert record is not None and text_of(record.agency) == "충청남도", amount


def test_a_quoted_name_without_a_list_is_not_made_a_total():
    text = "군은 ‘하늘마을 작은도서관’에 3억 원 상당의 도서를 기증받았다고 밝혔다."
    mention = next(m for m in fundparse.extract(text) if m.text == "3억 원")
    assert mention.record is None
