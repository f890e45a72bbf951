"""Funding records (issue 20): agency, project and region on funded totals."""

from __future__ import annotations

import json

import pytest
import records_cases
import records_heldout

import fundparse
from fundparse.config import ConfigError, load_config

SEED = records_cases.CASES[0]["text"]


def test_the_seed_gives_gumi_its_centre_and_its_industrial_park():
    total = next(m for m in fundparse.extract(SEED) if m.text == "281억 원")
    record = total.record
    assert record.agency.text == "구미시"
    assert "거점센터" in record.project.text and len(record.project.text) <= 40
    assert "구미국가산업단지" in record.region.text


@pytest.mark.parametrize("cases", [records_cases.CASES, records_heldout.CASES],
                         ids=["written-before-rules", "held-out"])
def test_accuracy_meets_the_issue_floor(cases):
    rates = records_cases.score(cases, fundparse.extract)
    assert rates["agency"] >= 0.85 and rates["project"] >= 0.80, rates


def test_every_span_slices_back_and_parts_carry_none():
    for case in records_cases.CASES + records_heldout.CASES:
        text = case["text"]
        for m in fundparse.extract(text):
            data = m.to_dict()
            if m.record is None:
                assert not {"agency", "project", "region"} & set(data)
                continue
            for key in ("agency", "project", "region"):
                span = data[key]
                assert span is None or text[span["start"]:span["end"]] == span["text"], span
            for part in data["splits"]:
                assert not {"agency", "project", "region"} & set(part)


def test_contract_shape_of_a_funded_total():
    text = "충주시는 총사업비 96억 원(국비 48억 원, 시비 48억 원)을 들여 반려동물 문화센터를 짓는다."
    data = fundparse.extract(text)[0].to_dict()
    assert data["agency"] == {"text": "충주시", "start": 0, "end": 3}
    assert data["project"]["text"] == "반려동물 문화센터"
    assert data["region"] is None  # named none: null, and the key is there
    json.dumps(data)


def test_an_amount_that_funds_nothing_has_no_record():
    mentions = fundparse.extract("구미시는 1인당 30만 원을 지급한다. 예산이 50억 원 증액됐다.")
    assert mentions and all(m.record is None for m in mentions)
    assert all("agency" not in m.to_dict() for m in mentions)


def test_subject_left_out_takes_the_one_before_in_the_paragraph():
    text = ("영동군은 귀농·귀촌 지원을 강화한다.\n군은 총 24억 원(도비 7억 원, 군비 17억 원)을 들여 "
            "농촌 빈집 정비사업을 추진한다.")
    record = fundparse.extract(text)[0].record
    assert record.agency.text == "영동군" and record.agency.start == 0
    assert record.project.text == "농촌 빈집 정비사업"


def test_header_issuer_when_no_sentence_names_one():
    text = ("인천광역시 보도자료\n\n해양쓰레기 대책\n\n총사업비 45억 원(국비 22억 5천만 원, 시비 22억 "
            "5천만 원)을 투입해 영종도 일원에 해양쓰레기 집하장을 설치한다.")
    record = fundparse.extract(text)[0].record
    assert (record.agency.text, record.agency.start) == ("인천광역시", 0)
    assert record.region.text == "영종도 일원"


@pytest.mark.parametrize("text", [
    "행정안전부는 전국 12곳에 모두 240억 원(국비 120억 원, 지방비 120억 원)을 지원한다.",
    "해양수산부는 어촌신활력증진사업 등 50건에 총 3,000억 원을 투입한다.",
    "서울시는 총 4,200억 원을 투입해 '서울형 키즈카페' 400곳을 조성한다.",
])
def test_a_bundle_of_projects_names_none(text):
    record = next(m for m in fundparse.extract(text) if m.record is not None).record
    assert record.project is None and record.agency is not None


def test_this_project_refers_back_in_the_paragraph():
    text = ("홍천군은 내촌면 일원에 '산림치유 체험공원'을 조성한다.\n이번 사업은 총 48억 원(국비 24억 원, "
            "군비 24억 원) 규모다.")
    record = fundparse.extract(text)[0].record
    assert record.project.text == "산림치유 체험공원" and record.region.text == "내촌면 일원"


def test_the_rules_are_extended_by_the_configuration(tmp_path):
    text = "태안군은 총 30억 원을 들여 해양 관측 부이를 바다에 띄운다."
    assert fundparse.extract(text)[0].record.project is None
    config = tmp_path / ".fundparse.toml"
    config.write_text('[records.project]\nheads = ["부이"]\n', encoding="utf-8")
    record = fundparse.extract(text, config=load_config(config))[0].record
    assert record.project.text == "해양 관측 부이"


def test_a_bad_records_value_is_a_config_error(tmp_path):
    config = tmp_path / ".fundparse.toml"
    config.write_text('[records.project]\nheads = "부이"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="records.project.heads"):
        load_config(config)
