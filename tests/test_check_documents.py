"""The checks that look across a document: repeated totals (FP301, FP302), yearly plans (FP104,
FP105) and durations beside a span or a construction schedule (FP201) — what they report, where,
and the near misses that must stay silent."""

from __future__ import annotations

import pytest

import fundparse


def codes(text: str) -> list[str]:
    return [f.code for f in fundparse.check(text)]


# --- repeated totals -----------------------------------------------------------------------------

def test_a_total_backed_by_its_parts_makes_the_other_one_an_error_at_its_place():
    text = ("총사업비 520억 원(국비 260억 원, 도비 78억 원, 시비 182억 원)을 투입한다.\n\n"
            "시는 총사업비 502억 원 규모의 물류단지를 짓는다.\n")
    [finding] = fundparse.check(text)
    assert (finding.code, finding.severity, finding.line) == ("FP302", "error", 3)
    assert text[finding.start:finding.end] == "502억 원"
    assert "520억 원" in finding.message and "502억 원" in finding.message
    assert finding.message.endswith("재원 합계(국비 260억 원 + 도비 78억 원 + 시비 182억 원)는 520억 원입니다")
    assert finding.message_en.endswith("add up to 520억 원")


def test_parts_that_back_the_later_value_point_at_the_earlier_one():
    text = ("군은 총사업비 135억 원을 들여 농촌 공간을 정비한다.\n"
            "총사업비 153억 원(국비 76억5천만 원, 도비 22억9천5백만 원, 군비 53억5천5백만 원)은 "
            "3년에 걸쳐 나눠 쓴다.\n")
    [finding] = fundparse.check(text)
    assert finding.code == "FP302" and text[finding.start:finding.end] == "135억 원"


def test_without_parts_a_drift_is_a_warning_quoting_both():
    [finding] = fundparse.check("총사업비 1조 2,468억 원을 투입한다.\n\n"
                                "해수부 관계자는 \"총사업비 1조 2,648억 원 가운데 민자가 절반\"이라고 했다.\n")
    assert (finding.code, finding.severity) == ("FP301", "warning")
    assert "1조 2,468억 원" in finding.message and "1조 2,648억 원" in finding.message


@pytest.mark.parametrize("text", [
    "시는 사업비 12억 원을 확보했다. 사업비 21억 원은 내년에 쓴다.",           # two digits: chance
    "2025년 예산은 1,250억 원이다. 2026년 예산은 1,520억 원이다.",              # budgets of two years
    "당초 총사업비 250억 원이던 사업이다. 변경 전 총사업비 205억 원과 비교된다.",  # on purpose
    "청주 오송 바이오센터는 총사업비 340억 원이다. 충주 수소 실증센터는 총사업비 304억 원이다.",
    "▲도서관 건립 총사업비 120억 원 ▲체육관 건립 총사업비 210억 원",
    "경기도는 총사업비 500억 원을 들인다. 강원도는 총사업비 450억 원을 들인다.",  # two regions
    "- 하수도 정비 3억원(총사업비 97억원)\n- 주차장 조성 3억원(총사업비 67억원)\n",  # a year's share
    "○ 사업명: 도서관 건립\n○ 총사업비: 120억 원\n\n○ 사업명: 체육관 건립\n○ 총사업비: 110억 원\n",
    "시는 총사업비 120억 원을 들여 도서관을 짓는다. 또 총사업비 110억 원을 들여 체육관을 짓는다.",
    "시는 총 120억 원을 들여 도서관을 짓는다. 또 총 110억 원을 투입해 체육관을 새로 짓는다.",
    "철도 2단계는 총사업비 2조 1,000억 원이다.\n\n사업명\t총사업비\n도로\t16,730억 원\n"
    "철도\t21,000억 원\n",                                       # a table of several projects
    "사업명\t총사업비\n도서관\t120억 원\n체육관\t210억 원\n",                    # a table of projects
])
def test_repeated_total_near_misses(text):
    assert codes(text) == []


@pytest.mark.parametrize("text", [
    "사업비 총 340억 원을 들인다. 총사업비 304억 원은 국비다.",             # 사업비 총: the whole
    "신청사 건립(총사업비 340억 원)을 추진한다. 총사업비 304억 원은 시비로 충당한다.",
    "총사업비 2,350억 원을 투입한다. 시는 총 사업비는 2,530억 원이라고 밝혔다.",
    "○ 사업명: 도서관 건립\n○ 총사업비: 120억 원\n\n시는 총사업비 102억 원을 들여 도서관을 짓는다.\n",
    "청주시는 총 340억 원을 들여 바이오센터를 짓는다.\n\n총사업비 304억 원은 국비와 시비로 마련한다.\n",
    "청주시, 340억 들여 오송 바이오센터 건립\n\n시 관계자는 \"총사업비 304억 원은 시비\"라고 했다.\n",
])
def test_drift_in_other_shapes(text):
    assert codes(text) == ["FP301"]


def test_a_speaker_names_no_other_project():
    assert codes("경기도는 총사업비 500억 원을 들인다. 경기도 관계자는 \"총사업비 450억 원이면 "
                 "충분하다\"고 했다.") == ["FP301"]


def test_a_weak_label_counts_only_as_a_permutation():
    assert codes("시는 사업비 125억 원을 확보했다. 사업비 152억 원은 국비다.") == ["FP301"]
    assert codes("시는 사업비 125억 원을 확보했다. 사업비 130억 원은 국비다.") == []


# --- yearly plans --------------------------------------------------------------------------------

def test_plan_message_lists_the_years():
    [finding] = fundparse.check("연도별로 2025년 15억 원, 2026년 40억 원, 2027년 30억 원 등 "
                                "총 95억 원을 투입한다.")
    assert finding.message == ("연도별 금액의 합 85억 원(2025년 15억 원, 2026년 40억 원, 2027년 30억 원)이 "
                               "총액 95억 원과 다릅니다")
    assert finding.message_en.startswith("the years' amounts add up to 85억 원")


def test_a_plan_outside_its_period_names_the_years():
    [finding] = fundparse.check("2025년부터 2027년까지 총 90억 원(2025년 30억 원, 2026년 30억 원, "
                                "2028년 30억 원)을 들인다.")
    assert finding.code == "FP105" and "2028년" in finding.message and "2025~2027년" in finding.message


@pytest.mark.parametrize("text", [
    "2022년 3억 원, 2023년 5억 원 등 총 20억 원을 지원했다.",        # 등: some years of many
    "2022년 3억 원, 2023년 5억 원 등 최근 5년간 총 20억 원을 지원했다.",
    "총 10억 원(2024년 3.3억 원, 2025년 3.3억 원, 2026년 3.3억 원)",  # within the written precision
    "올해 15억 원, 내년 20억 원을 각각 투입하고 총사업비는 100억 원이다.",
    "2023년 100억 원, 2024년 120억 원으로 총 2년간 220억 원",
    "(단위: 억원)\n구분\t계\t2024년\t2025년\t2027년 이후\n사업비\t100\t20\t30\t50\n",
    "(단위: 억원)\n연도\t사업비\n2024년\t30\n2025년\t45\n2026년 이후\t25\n합계\t100\n",
    "(단위: 억원)\n연도\t사업비\t누계\n2024년\t30\t30\n2025년\t45\t75\n합계\t75\t\n",
])
def test_plan_near_misses(text):
    assert codes(text) == []


@pytest.mark.parametrize("text", [
    "연차별 투자계획은 '25년 20억, '26년 30억, '27년 40억(총 100억 원)이다.",   # figures without 원
    "연차별 투자계획은 '25년 20억, '26년 30억 원, '27년 40억 원 등 총 100억 원이다.",
    "연차별로 2025년 15억 원 → 2026년 40억 원 → 2027년 30억 원 등 총 95억 원을 들인다.",
    "연도별 투입액은 2025년 15억 원, 2026년 40억 원, 2027년 30억 원이며, 총 95억 원 규모다.",
    "(단위: 백만원)\n구분\t총계\t2025\t2026\t2027\n합계\t9,500\t1,500\t4,000\t3,000\n",
])
def test_plans_in_other_shapes(text):
    assert codes(text) == ["FP104"]


def test_bare_figures_that_add_up_are_silent():
    assert codes("연차별 투자계획은 '25년 20억, '26년 30억, '27년 50억(총 100억 원)이다.") == []
    assert codes("매출은 2023년 45억, 2024년 52억에서 올해 60억 원으로 늘었다.") == []


def test_a_plan_is_held_to_the_documents_one_period():
    box = "□ 사업 개요\n○ 사업기간: 2025~2027년\n○ 총사업비: 90억 원\n\n(단위: 억원)\n"
    assert codes(box + "구분\t2025년\t2026년\t2028년\t계\n사업비\t30\t30\t30\t90\n") == ["FP105"]
    assert codes(box + "구분\t2025년\t2026년\t2027년\t계\n사업비\t30\t30\t30\t90\n") == []
    # a table of past years is no plan of the period
    assert codes(box + "실적\t2021년\t2022년\t2023년\t계\n사업비\t30\t30\t30\t90\n") == []
    assert codes("사업기간은 2024~2026년이다. 연도별로 2024년 10억 원, 2025년 10억 원, 2027년 10억 원 "
                 "등 총 30억 원을 들인다.") == ["FP105"]


def test_a_partial_list_that_exceeds_its_total_is_reported():
    assert codes("2022년 13억 원, 2023년 15억 원 등 총 20억 원을 지원했다.") == ["FP104"]


def test_tables_of_years_both_ways():
    across = "(단위: 백만원)\n구분\t2024년\t2025년\t계\n국비\t1,200\t2,300\t3,600\n"
    down = "(단위: 억원)\n연도\t국비\t도비\n2024년\t30\t10\n2025년\t45\t15\n계\t75\t20\n"
    [a] = fundparse.check(across)
    [d] = fundparse.check(down)
    assert (a.code, a.line, across[a.start:a.end]) == ("FP104", 3, "3,600")
    assert (d.code, d.line, down[d.start:d.end]) == ("FP104", 5, "20")


# --- durations beside spans ----------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "3년간('24~'27) 총 120억 원을 투입한다.",
    "5년간(’22~’27) 2조 원을 투입한다.",
    "사업 기간은 4년(2024~2026년)이며 총 50억 원이 든다.",
    "사업비 80억 원(2024~2027년(3년간))을 들인다.",
    "2025년 착공해 2030년 준공하는 이 사업은 3년간 총 900억 원이 투입된다.",
    "2025년 실시설계를 시작으로 2027년까지 5년간 80억 원을 들인다.",
    "해당 사업은 3년간(24~27년) 총 120억 원을 투입한다.",               # no apostrophes
    "사업기간 24~27년(3년간), 사업비 120억 원",
])
def test_duration_beside_a_span(text):
    assert codes(text) == ["FP201"]


@pytest.mark.parametrize("text", [
    "4년간('24~'27) 총 120억 원을 투입한다.",
    "2024~2026년(3년 연속) 100억 원을 받았다.",
    "2024년 7월~2025년 6월(1년간) 12억 원을 들였다.",
    "2025년 착공해 2028년 준공할 계획이며, 이 중 1단계는 2년간 300억 원을 들인다.",
    "2025년 착공해 2028년 준공한다. 향후 2년간 300억 원을 먼저 투입한다.",
    "2025년 하반기 착공해 2028년 상반기 준공하며 약 3년간 620억 원이 든다.",
    "2025년 실시설계를 시작으로 2027년까지 3년간 80억 원을 들인다.",
    "2024년부터 오는 2026년까지 3년간 10억 원을 들인다.",
    "4년간(24~27년) 120억 원을 들인다.",
    "1~3년(3년간) 지원하고, 5년간(10~20명) 채용한다.",
])
def test_duration_near_misses(text):
    assert codes(text) == []
