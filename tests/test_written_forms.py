"""Forms met in real releases and news pages (found by a blind annotation of real text;
the sentences here are our own)."""

from __future__ import annotations

from decimal import Decimal

import fundparse
from fundparse.numerals import elided_value, parse_numeral


def only(text: str, **kw):
    mentions = fundparse.extract(text, **kw)
    assert len(mentions) == 1, [m.text for m in mentions]
    return mentions[0]


def parts(mention) -> list[tuple[str, str, int]]:
    return [(s.label, s.category, s.krw) for s in mention.splits]


def test_bulleted_parts_with_shares_before_the_total():
    m = only("▲국비 1천2백억원(40%) ▲도비 6백억원(20%) ▲민자 1천2백억원(40%) 등 총 3천억원을 들인다.")
    assert m.krw == 300_000_000_000
    assert parts(m) == [("국비", "national", 120_000_000_000),
                        ("도비", "provincial", 60_000_000_000),
                        ("민자", "private", 120_000_000_000)]


def test_bulleted_parts_without_shares():
    m = only("▲국비 40억 원 ▲도비 12억 원 ▲군비 28억 원 등 총 80억 원")
    assert [p[2] for p in parts(m)] == [4_000_000_000, 1_200_000_000, 2_800_000_000]


def test_shares_in_parentheses_after_each_part():
    m = only("국비 30억 원(60%), 시비 20억 원(40%) 등 총 50억 원을 투입한다.")
    assert [p[0] for p in parts(m)] == ["국비", "시비"]


def test_a_fund_named_with_a_qualifier_is_a_source():
    m = only("국비 120억여원, 낙동강수계기금 80억원 등과 시비 5억원 등 모두 205억여원을 투자한다.")
    assert parts(m) == [("국비", "national", 12_000_000_000),
                        ("낙동강수계기금", "other", 8_000_000_000),
                        ("시비", "municipal", 500_000_000)]


def test_lines_broken_mid_sentence_stay_one_sentence():
    text = ("군은 국비 40억원을 새로 확보해\n\n"
            "올해부터 2027년까지\n\n"
            "생활체육공원을 조성한다고 밝혔습니다.\n")
    m = only(text, doc_date="2025-03-02")
    assert (m.period.start, m.period.end, m.period.years) == (2025, 2027, 3)


def test_a_titled_line_still_ends_its_sentence():
    text = "□ 사업비: 50억원\n□ 사업기간: 2025~2027년\n"
    m = only(text)
    assert m.period is None


def test_bullet_items_on_their_own_lines_stay_apart():
    text = "○ 국비 10억원 확보,\n○ 2025년부터 2026년까지 공사\n"
    assert only(text).period is None


def test_construction_started_and_finished():
    m = only("2019년 4월 시작된 공사는 2023년 10월 준공 예정이며 총 사업비는 210억 원이다.")
    assert (m.period.start, m.period.end, m.period.years) == (2019, 2023, 5)


def test_a_period_goes_to_the_total_stated_with_chong():
    text = "2026년까지 짓는 센터에는 국비 40억원을 포함한 120억원에 시비 30억원을 더해 총 150억원이 든다."
    by_text = {m.text: m for m in fundparse.extract(text)}
    assert by_text["150억원"].period.end == 2026
    assert by_text["120억원"].period is None


def test_half_years_and_quarters_in_a_period():
    m = only("2025년 하반기부터 2027년 상반기까지 18억원이 투입된다.")
    assert (m.period.start, m.period.end, m.period.years) == (2025, 2027, 3)
    m = only("2025년 3분기부터 2026년 1/4분기까지 사업비 9억원")
    assert (m.period.start, m.period.end) == (2025, 2026)


def test_kkaji_with_inclusion_is_not_a_bound():
    # the part is the total's (a split part, not an upper bound of its own)
    total = only("군비 12억원까지 포함하면 총 40억원이 된다.")
    assert (total.bound, [(p.label, p.krw) for p in total.splits]) == (None, [("군비", 1_200_000_000)])
    assert only("1인당 최대 300만원까지 지원한다.").bound == "max"


def test_won_with_jeon_is_a_rate_quote():
    assert fundparse.extract("엔화는 100엔당 기준가(912원35전)보다 2원10전 내렸다.") == []
    assert fundparse.extract("원·엔 환율은 912원35전이다.") == []


def test_exchange_rate_with_e_is_not_money():
    assert fundparse.extract("그해 1달러에 1,700원까지 치솟았다.") == []


def test_elided_unit_in_bare_parts():
    m = only("총 9억원(국비 4억5천, 도비 1억3천5백, 군비 3억1천5백)")
    assert [p[2] for p in parts(m)] == [450_000_000, 135_000_000, 315_000_000]
    assert m.findings == ()


def test_elided_unit_only_without_a_currency_word():
    assert only("예산 2조3천을 편성했다.").krw == 2_300_000_000_000
    assert only("사업비 3억5천원").krw == 300_005_000  # written with 원: read as written


def test_elided_value_directly():
    assert elided_value("6억5천", parse_numeral("6억5천")) == Decimal(650_000_000)
    assert elided_value("6억 5천만", parse_numeral("6억 5천만")) == Decimal(650_000_000)
    assert elided_value("6억", parse_numeral("6억")) == Decimal(600_000_000)
    assert elided_value("12억 3백", parse_numeral("12억 3백")) == Decimal(1_203_000_000)


def test_units_repeated_inside_a_number_are_a_finding_not_an_amount():
    text = "예산 2천300천만원을 편성했다."
    assert fundparse.extract(text) == []
    assert [f.code for f in fundparse.check(text)] == ["FP402"]
    assert [f.code for f in fundparse.check("정부는 1조8000천억원을 편성했다.")] == ["FP402"]
    # a decimal point with no digit after it cuts a figure: its rest is no amount either
    text = "도비 14.억 5,000만 원을 들인다."
    assert fundparse.extract(text) == []
    assert [f.code for f in fundparse.check(text)] == ["FP402"]
    clean = "1,500천원, 150천원, 3억5천만원, 300여억 원, 5천여만 원, 12만 5천 달러, 3.5억원"
    assert fundparse.check(clean) == []
    assert len(fundparse.extract(clean)) == 7


def test_shares_named_before_the_total():
    m = only("국비 60%, 도비 12%, 시비 28%로 총 50억원을 투입한다.")
    assert parts(m) == [("국비", "national", 3_000_000_000), ("도비", "provincial", 600_000_000),
                        ("시비", "municipal", 1_400_000_000)]


def test_shares_after_the_total_with_a_dividing_verb():
    m = only("총 50억원을 국비 60%, 지방비 40%로 분담한다.")
    assert parts(m) == [("국비", "national", 3_000_000_000), ("지방비", "local", 2_000_000_000)]
    assert only("시는 50억원을 들여 국비 50% 지원을 받는다.").splits == ()


def test_shares_in_either_place_are_checked():
    for text in ("총 50억원을 국비 60%, 지방비 30%로 분담한다.",
                 "국비 60%, 지방비 30%로 총 50억원을 투입한다."):
        assert [f.code for f in fundparse.check(text)] == ["FP102"]


def test_the_rest_named_later_in_the_sentence_completes_the_parts():
    text = "총사업비 300억원 가운데 국비 150억원은 확보했고 나머지 지방비 150억원은 도와 군이 나눠 낸다."
    m = only(text)
    assert parts(m) == [("국비", "national", 15_000_000_000), ("지방비", "local", 15_000_000_000)]
    wrong = text.replace("지방비 150억원", "지방비 140억원")
    assert [f.code for f in fundparse.check(wrong)] == ["FP101"]


def test_parts_included_before_a_labelled_total():
    m = only("국비 4억원을 포함해 사업비 9억원을 들여 정비한다.")
    assert m.label == "사업비"
    assert parts(m) == [("국비", "national", 400_000_000)]


def krws(text: str) -> list[tuple[str, int]]:
    return [(m.text, m.krw) for m in fundparse.extract(text)]


def test_bare_eok_before_a_change_or_a_price_verb():
    assert krws("특별회계가 본예산보다 48억이 늘어 512억원이 됐다.") == [
        ("48억", 4_800_000_000), ("512억원", 51_200_000_000)]
    assert krws("반포 59㎡ 24억 거래") == [("24억", 2_400_000_000)]
    assert krws("시세보다 약 2억 비싸다.") == [("2억", 200_000_000)]


def test_bare_eok_before_a_bound_word():
    got = fundparse.extract("3억 이상 사업은 12개, 50억 넘게 든 사업은 2개다.")
    assert [(m.text, m.krw, m.bound) for m in got] == [
        ("3억", 300_000_000, "min"), ("50억", 5_000_000_000, "min")]
    assert fundparse.extract("관객 300만 넘게 들었다.") == []  # 만 alone counts people


def test_bare_eok_as_a_price_after_an_area_and_next_in_a_list():
    assert krws("전용 84㎡가 18억, 59㎡ 13억") == [("18억", 1_800_000_000), ("13억", 1_300_000_000)]
    assert krws("총사업비 각 1840억·3120억") == [("1840억", 184_000_000_000),
                                             ("3120억", 312_000_000_000)]


def test_yeo_written_apart_before_won():
    m = only("도비 215억 여원을 편성했다.")
    assert (m.text, m.krw, m.approximate) == ("215억 여원", 21_500_000_000, True)


def test_households_are_counted_not_paid():
    assert krws("직불금이 52만 농가에 4천억 원, 밭직불금 3만8,120농가") == [("4천억 원", 400_000_000_000)]


def test_small_yen_figures_in_a_rate_context_are_rates():
    text = ("엔화 가치는 평균 142엔으로 예상보다 8엔 낮았다. 달러당 약 150 엔이던 때 "
            "도요타는 영업이익 3조2천억엔을 냈다.")
    assert krws(text) == [("3조2천억엔", None)]
    assert krws("환율이 올라 100달러짜리 제품값도 올랐다.") == [("100달러", None)]


def test_dates_written_short_and_arrow_rows_in_a_table():
    text = ("* 공공발주액(조원) : (’19) 52.3→(’20) 49.8→(’21) 55.1\n"
            "* 역대 수출액(억 달러) : 85.2(’21.1), 82.8(’18.1)\n")
    assert krws(text) == [("52.3", 52_300_000_000_000), ("49.8", 49_800_000_000_000),
                          ("55.1", 55_100_000_000_000), ("85.2", None), ("82.8", None)]


def test_a_per_unit_after_a_slash():
    got = fundparse.extract("발전단가(현재 280원대/kWh)를 2030년까지 120원/kWh로, 임대료는 2,500원/㎡")
    assert [(m.text, m.per, m.period) for m in got] == [
        ("280원", "other", None), ("120원", "other", None), ("2,500원", "area", None)]


def test_twelve_months_of_accounts_are_no_project_period():
    m = only("직전 1년(2024년 4월~2025년 3월) 영업이익으로 4조1천억엔을 냈다.")
    assert m.period is None
    m = only("2025년 3월부터 2027년 2월까지 15억원을 투입한다.")
    assert (m.period.start, m.period.end) == (2025, 2027)


def test_allowances_ending_in_dang_are_no_rate():
    assert only("아동양육수당 64억원을 편성했다.").per is None
    assert only("업체당 최대 3억").per == "other"
    assert only("1가정당 50만원").per == "household"


def test_a_building_ending_in_dang_is_no_rate():
    # a compound ending in 강당, 경로당, 식당 … names a building, not "per"
    assert only("9개교의 다목적강당 증축사업 예산 250억7600만원을 확보했다.").per is None
    assert only("마을경로당 신축에 3억원을 들인다.").per is None
    assert only("학교당 5억원을 지원한다.").per == "other"
    # and the count after one is no money: "봉안당 2만5천기" (charnel niches)
    assert krws("총사업비 1천19억원을 들여 봉안당 2만5천기, 봉안담 2만기 규모로 짓는다.") == [
        ("1천19억원", 101_900_000_000)]


def test_year_in_hanja_and_a_bound_in_the_past_tense():
    assert only("年 31.2조원에 이르는 발주액").per == "year"
    assert only("매출이 12억원을 넘겼다.").bound == "min"


def test_digits_spaced_from_their_units():
    assert krws("보증금 2 억 6 천만 원") == [("2 억 6 천만 원", 260_000_000)]
    assert parse_numeral("5 천").value == 5000


def test_the_copula_after_a_currency_word():
    assert krws("흑자는 31억4500만 달러다.") == [("31억4500만 달러", None)]
    assert only("흑자는 31억4500만 달러다.").value == Decimal(3_145_000_000)


def test_bare_eok_in_comparisons_after_colons_and_after_a_bracketed_label():
    assert krws("당초 8천200억보다 300억원 늘었다.")[0] == ("8천200억", 820_000_000_000)
    assert krws("근저당: 약 12억") == [("12억", 1_200_000_000)]
    assert krws("보조금(국비, 낙동강수계기금) 16억을 포함한다.") == [("16억", 1_600_000_000)]
    assert only("전세금 5억이 넘는다.").bound == "min"


def test_parts_after_a_total_with_e_and_sources_in_two_words():
    m = only("총 3조 원에 국비 1조 원, 지방비 1조2천억 원, 공기업 및 민간투자 8천억 원이 든다.")
    assert [p[2] for p in parts(m)] == [1_000_000_000_000, 1_200_000_000_000, 800_000_000_000]
    m = only("6조 원은 주택도시기금 3조 원, 공기업 재원 2조 원, 국비 1조 원으로 충당한다.")
    assert [p[0] for p in parts(m)] == ["주택도시기금", "공기업 재원", "국비"]


def test_a_source_named_after_the_totals_verb():
    m = only("총 2,100억원이 투입되며 국비는 1,470억 원이다.")
    assert parts(m) == [("국비", "national", 147_000_000_000)]


def test_from_to_levels_with_a_percentage_are_no_range():
    got = fundparse.extract("요금은 1,250원에서 1,400원(12%)으로 오른다.")
    assert [(m.text, m.range) for m in got] == [("1,250원", None), ("1,400원", None)]


def test_months_and_dates_are_no_per_words():
    got = fundparse.extract("지난해 1 월 850 만원, 1일 시가 120억원, 청년마당 조성 3억원")
    assert [m.per for m in got] == [None, None, None]
    assert only("3.3제곱미터당 평균 2천만원").per == "area"


def test_construction_with_an_object_and_a_glued_sentence_end():
    m = only("총사업비 80억원을 들여 올해 9월에 공사를 착공하여 2027년 말 완공한다.",
             doc_date="2026-02-01")
    assert (m.period.start, m.period.end) == (2026, 2027)
    m = only("총지출은 512조원이다.정부는 '2025~2029년 재정운용계획'을 냈다.")
    assert m.period is None


def test_an_e_list_that_does_not_add_up_is_no_split():
    got = fundparse.extract("총사업비 5200억원에 국도비 980억원 확보를 목표로 한다.")
    assert [m.splits for m in got] == [(), ()]


def test_a_two_word_source_of_two_kinds_joins_them():
    m = only("총 3조 원에 국비 1조 원, 지방비 1조2천억 원, 공기업 및 민간투자 8천억 원이 든다.")
    assert m.splits[-1].category == "private+other"


def test_a_period_after_all_amounts_goes_to_the_stated_total():
    text = ("총사업비 120억원(국비 70억원, 지방비 50억원)으로 확정돼 당초보다 40억원이 늘었으며 "
            "2025년 착공해 2027년 완공한다.")
    by_text = {m.text: m for m in fundparse.extract(text)}
    assert by_text["120억원"].period.end == 2027
    assert by_text["40억원"].period is None


def test_one_part_included_then_other_sources_named_without_figures():
    m = only("총사업비는 국비 2100억원을 포함, 지방비와 민간투자 등 총 6400억원이다.")
    assert parts(m) == [("국비", "national", 210_000_000_000)]


def test_bare_eok_after_a_periods_end():
    got = fundparse.extract("증설에 2027년까지 190억, 확충에 2028년까지 120억을 투자한다.")
    assert [(m.text, m.krw, m.period.end) for m in got] == [
        ("190억", 19_000_000_000, 2027), ("120억", 12_000_000_000, 2028)]
    assert fundparse.extract("2030년까지 1억 명이 찾는다.") == []


def test_list_closed_by_euro_before_the_total():
    m = only("구비 40억 원, 시비 12억 원, 국비 8억원으로 총 60억 원을 들인다.")
    assert [p[2] for p in parts(m)] == [4_000_000_000, 1_200_000_000, 800_000_000]
    m = only("총사업비는 국비 120억 원, 도비 80억 원으로 200억 원이다.")
    assert [p[0] for p in parts(m)] == ["국비", "도비"]
    assert [m.splits for m in fundparse.extract("시비 10억원으로 20억원 사업을 한다.")] == [(), ()]


def test_pohan_without_ending_and_with_a_comma():
    assert parts(only("국비 900억원 포함 총 사업비 1500억원")) == [("국비", "national", 90_000_000_000)]
    assert parts(only("지방비 2억원을 포함, 총 9억원")) == [("지방비", "local", 200_000_000)]


def test_amount_then_its_source_with_i_ga():
    m = only("전체 사업비 300억원 가운데 210억원이 국비로 충당된다.")
    assert parts(m) == [("국비", "national", 21_000_000_000)]


def test_more_source_words():
    m = only("국비 100억원, 지방비 100억원, 민자투자 800억원 등 총 1000억원")
    assert parts(m)[-1] == ("민자투자", "private", 80_000_000_000)
    assert only("사업비 10억원(국비 5억원, 자담 5억원)").splits[-1].category == "self"


def test_periods_next_year_about_n_years_and_a_dated_schedule():
    assert only("10억원을 들여 내년까지 완공한다.", doc_date="2026-03-01").period.end == 2027
    assert only("10억원을 들여 내년까지 완공한다.").period is None  # no date: nothing known
    m = only("2019년부터 약 4년간 모두 40억 원을 투입한다.")
    assert (m.period.start, m.period.end, m.period.years) == (2019, 2022, 4)
    m = only("총사업비 25억 원을 들여 2026년 7월 착공, 2027년 2월 준공한다.")
    assert (m.period.start, m.period.end) == (2026, 2027)


def test_parentheses_over_a_line_break_and_a_note_on_a_part():
    text = "총사업비 40,000백만원 (국비 10,000, 지방비 12,000,\n융자 8,000(이차보전), 자부담 10,000)을 투입한다."
    assert [(p[0], p[2]) for p in parts(only(text))] == [
        ("국비", 10_000_000_000), ("지방비", 12_000_000_000), ("융자", 8_000_000_000),
        ("자부담", 10_000_000_000)]
    # a line break ends the parentheses; the parts beyond it are still the total's by their sum
    got = fundparse.extract("총 5억원(국비 2억원\n시비 3억원)")
    assert [[(s.label, s.krw) for s in m.splits] for m in got] == [
        [("국비", 200_000_000), ("시비", 300_000_000)]]


def test_amounts_in_brackets_after_their_labels_before_a_total():
    m = only("지방비(3000억원)와 민간자본(5000억원)까지 합쳐 총 1조원이 투입된다.")
    assert parts(m) == [("지방비", "local", 300_000_000_000), ("민간자본", "private", 500_000_000_000)]
    assert fundparse.check("지방비(3000억원)와 민간자본(5000억원)까지 합쳐 총 1조원이 투입된다.") == []


def test_a_period_right_after_the_amount_spent_is_that_amounts():
    got = fundparse.extract("총 사업비 80억 원을 투입해 오는 2027년까지 도로를 넓히고 추가로 5억 원을 들인다.")
    assert [(m.text, m.period and m.period.end) for m in got] == [("80억 원", 2027), ("5억 원", None)]
    got = fundparse.extract("국비 30억원을 확보해 2025년부터 2027년까지 총 60억원을 투입한다.")
    # the 국비 named before the stated total is its part; the period is the total's
    assert [(m.text, m.period and m.period.end, [p.label for p in m.splits]) for m in got] == [
        ("60억원", 2027, ["국비"])]


def test_ministries_and_local_governments_as_sources():
    m = only("총 1200억 원 가운데 지자체 700억 원, 교육부 지원금 500억 원을 부담한다.")
    assert [(p[1], p[2]) for p in parts(m)] == [("local", 70_000_000_000), ("national", 50_000_000_000)]


def test_a_count_after_a_rate_word_and_a_word_of_approximation_is_no_money():
    assert krws("교육센터에서는 연간 1만 3000여 명이 자격 검정을 받는다.") == []
    # a count typed with a stray comma before its last group
    assert krws("승차인원은 하루 평균 1만,300명으로 전국에서 열 번째다.") == []
    assert krws("업체당 최대 3억을 지원한다.") == [("3억", 300_000_000)]


def test_bare_eok_at_stake_in_a_headline_is_money():
    assert krws("600억 걸린 경기도 정책공모서 14개 시군 본선 진출") == [("600억", 60_000_000_000)]
    assert krws("완공까지 3년 걸린 공사다.") == []


def test_bare_eok_before_jeonaek_and_this_year_is_no_rate():
    assert krws("준공을 위해 120억 전액 지원을 요청했다.") == [("120억", 12_000_000_000)]
    assert only("올 한해 8천여억원을 투입한다.").per is None
    assert only("한 해 300만원을 지원한다.").per == "year"


def test_a_metropolitan_document_is_known_by_the_first_place_it_names():
    # "부산 해운대구 …": the city's money (시비, 국·시비, 시 보조금) is provincial-level there
    text = ("부산 해운대구는 구민체육관을 새로 짓는다. 총 60억원(국·시비 20억원, 시 보조금 10억원, "
            "구비 30억원)이 들어간다.")
    (m,) = fundparse.extract(text)
    assert [(s.label, s.category) for s in m.splits] == [
        ("국·시비", "national+provincial"), ("시 보조금", "provincial"), ("구비", "municipal")]
    # a province named first: 시비 stays municipal
    (m,) = fundparse.extract("경기 김포시는 체육관을 짓는다. 총 30억원(도비 10억원, 시비 20억원)이 든다.")
    assert [s.category for s in m.splits] == ["provincial", "municipal"]
    # a national body named after a metropolitan city is no place: "대전지방국토관리청"
    (m,) = fundparse.extract("하천 정비에 국비 40억원과 시비 20억원 등 총 60억원이 든다. 대전지방국토관리청과"
                             " 협의해 올해 착공한다.")
    assert [s.category for s in m.splits] == ["national", "municipal"]
    # a common word that opens with a province's name is no place: "경기장" (a stadium) before
    # "인천시내" leaves 인천 the first place, "강원특별자치도" still names its province
    (m,) = fundparse.extract("경기장 12곳은 인천시내에 새로 짓는다. 경기장 사업비는 국비 30억원, "
                             "시비 70억원 등 총 100억원이다.")
    assert [s.category for s in m.splits] == ["national", "provincial"]
    (m,) = fundparse.extract("강원특별자치도에서 부산까지 잇는 도로를 짓는다. 사업비는 국비 30억원, "
                             "시비 70억원 등 총 100억원이다.")
    assert [s.category for s in m.splits] == ["national", "municipal"]  # 강원, not 부산, comes first


def test_parts_bigger_than_the_amount_before_them_go_to_the_total_they_make():
    # "재원은 …" after a parenthesis of sub-amounts: the list adds up to the total stated
    # before it, not to the smaller figure right before the opener
    text = ("투자 규모는 모두 50조 원이다. (2030년까지 38조 원, 그 이후 12조 원) 재원은 국비 30조 원, "
            "지방비 8조 원, 민자 12조 원이다.")
    got = {m.text: parts(m) for m in fundparse.extract(text) if m.splits}
    assert got == {"50조 원": [("국비", "national", 30 * 10**12), ("지방비", "local", 8 * 10**12),
                              ("민자", "private", 12 * 10**12)]}


def test_parts_written_coarser_than_their_total_add_up_within_their_rounding():
    # 30조 + 5조 + 16조 = 51조 against 51조 3000억: each part is rounded to 조, the total is not
    text = ("투자액은 당초 55조 원에서 51조 3000억원으로 줄었다. 정부는 설명했다. 전체 사업비 중 국비는 "
            "30조원, 지방비 5조원, 민자 16조원이다.")
    got = {m.text: parts(m) for m in fundparse.extract(text) if m.splits}
    assert got == {"51조 3000억원": [("국비는", "national", 30 * 10**12), ("지방비", "local", 5 * 10**12),
                                   ("민자", "private", 16 * 10**12)]} or got == {
        "51조 3000억원": [("국비", "national", 30 * 10**12), ("지방비", "local", 5 * 10**12),
                        ("민자", "private", 16 * 10**12)]}
    # parts as precise as the total must add up exactly
    text = ("투자액은 당초 55조 원에서 51조 3000억원으로 줄었다. 정부는 설명했다. 전체 사업비 중 국비는 "
            "30조 2000억원, 지방비 5조원, 민자 16조원이다.")
    assert [tuple(m.splits) for m in fundparse.extract(text) if m.text == "51조 3000억원"] == [()]


def test_a_payer_joined_before_a_source_word_pays_with_it():
    got = only("국비 40억원, 군비 30억원, 타 기관 및 민자 30억원 등 총 100억원이 투입된다.")
    assert parts(got)[-1] == ("타 기관 및 민자", "private+other", 3_000_000_000)
    got = only("총 100억원(국비 50억원, 기금‧민간 50억원)을 투입한다.")
    assert parts(got)[-1] == ("기금‧민간", "private+other", 5_000_000_000)
    # two parts joined by 및, and parts joined by a dot after a figure, stay two parts
    got = only("총 50억원(국비 30억 원 및 도비 20억원)을 투입한다.")
    assert [p[:2] for p in parts(got)] == [("국비", "national"), ("도비", "provincial")]
    got = only("총 60억 원(국비 30억 원, 지방비 30억 원(도비 9억 원·시비 21억 원))을 들인다.")
    assert [(p.label, p.category) for p in got.splits[1].splits] == [
        ("도비", "provincial"), ("시비", "municipal")]


def test_a_source_with_robuteo_and_a_part_in_the_sentence_after_a_stated_total():
    # "교육부로부터": the source with 로부터 before or after its figure
    got = only("센터 총사업비는 250억 원 규모이며, 교육청은 교육부로부터 약 125억 원을 지원받는다.")
    assert parts(got) == [("교육부", "national", 12_500_000_000)]
    got = fundparse.extract("도서관 총사업비 200억 원이다. 이번 공모로 약 80억 원을 교육부로부터 지원받는다.")
    assert [parts(m) for m in got if m.text == "200억 원"] == [[("교육부", "national", 8_000_000_000)]]
    # a figure compared with, not part of, the total
    got = fundparse.extract("올해 확보한 국비는 모두 134억 원이다. 지난해 확보한 국비 28억 원에 비해 크게 늘었다.")
    assert all(not m.splits for m in got)


def test_two_sources_and_two_figures_each_in_turn():
    text = ("도는 8,000억원을 들여 노선 4개를 놓는다. 노선은 모두 40㎞다. 사업비 가운데 국비와 지방비는 "
            "각각 5천억원과 3천억원이 들어간다.")
    got = {m.text: parts(m) for m in fundparse.extract(text) if m.splits}
    assert got == {"8,000억원": [("국비", "national", 500_000_000_000),
                                ("지방비", "local", 300_000_000_000)]}
    # one figure each pays stays one figure for both
    assert parts(only("총 100억원 가운데 국비와 도비가 각각 50억원을 낸다.")) == [
        ("국비", "national", 5_000_000_000), ("도비", "provincial", 5_000_000_000)]


def test_i_jung_takes_parts_out_of_the_last_figure_before_it():
    got = [m for m in fundparse.extract(
        "지난해보다 늘어난 465억 원으로 사업비를 잡았다. 이 중 밀양시가 137억 원을 지원하기로 했다.")
        if m.splits]
    assert [(m.text, parts(m)) for m in got] == [("465억 원", [("밀양시", "municipal", 13_700_000_000)])]


def test_a_duration_goes_to_money_named_as_spent_or_spent_after_it():
    got = fundparse.extract("군은 주민센터를 짓는다. 4년간 사업비는 265억 원이다.")
    assert [(m.text, m.period and m.period.years) for m in got] == [("265억 원", 4)]
    got = fundparse.extract("공감마을에 831억 원이 4년간 투입되며 주거환경이 좋아진다.")
    assert [(m.text, m.period and m.period.years) for m in got] == [("831억 원", 4)]
    # money neither named as spent nor spent keeps no open period
    got = fundparse.extract("시는 지난해 3년간 평균 86억 원을 벌었다.")
    assert [m.period for m in got] == [None]


def test_an_amount_each_gets_or_an_average_takes_no_period():
    got = fundparse.extract("선정된 마을은 앞으로 3년간 국비와 지방비를 합해 평균 100억원씩을 지원받는다.")
    assert [m.period for m in got] == [None]
    got = fundparse.extract("선정된 마을은 앞으로 3년간 국비와 지방비를 합해 100억원을 지원받는다.")
    assert [m.period.years for m in got] == [3]


def test_sources_bigger_than_the_item_before_them_go_to_the_whole_before():
    text = ("군은 내년 농림 예산으로 150억원을 요청했다.\n\n"
            "사업별로는 경지정리 40억원, 농로 포장 30억원, 축사 개선 20억원 등이다.\n\n"
            "재원은 국비 70억원, 도비 20억원, 군비 40억원, 자부담 15억원 등으로 구성돼 있다.")
    got = {m.text: [p[1:] for p in parts(m)] for m in fundparse.extract(text) if m.splits}
    assert got == {"150억원": [("national", 7_000_000_000), ("provincial", 2_000_000_000),
                              ("municipal", 4_000_000_000), ("self", 1_500_000_000)]}


def test_two_source_words_joined_by_wa_before_one_figure_are_one_part():
    assert [p[:2] for p in parts(only("총 70억원 중 국비와 시비 등 20억원을 확보했다."))] == [
        ("국비와 시비", "national+municipal")]
    assert [p[:2] for p in parts(only("국비와 도비 20억원, 군비 50억원 등 총 70억원이다."))] == [
        ("국비와 도비", "national+provincial"), ("군비", "municipal")]
    # each of two sources paying a figure stays two parts; a word that is no source joins none
    assert [p[:2] for p in parts(only("총 100억원 가운데 국비와 도비가 각각 50억원을 낸다."))] == [
        ("국비", "national"), ("도비", "provincial")]
    assert [p[:2] for p in parts(only("총 30억원 중 도로와 국비 10억원을 들인다."))] == [
        ("국비", "national")]


def test_revenue_headings_and_an_actor_paying_for_a_named_cost():
    got = only("세입은 중앙정부이전수입 50억원, 지방자치단체 이전수입 2,000억원, 자체수입 150억원으로 "
               "총 2,200억원을 편성했다.")
    assert [p[1] for p in parts(got)] == ["national", "local", "self"]
    got = fundparse.extract("사업은 총 5조 원 규모로, 정부가 토지 보상비 1조 원을 투자하고, 공사비 등 4조 원은 "
                            "민간 자본으로 조달한다.")
    assert [parts(m) for m in got if m.splits] == [[("정부", "national", 10**12),
                                                    ("민간", "private", 4 * 10**12)]]


def test_ditto_marks_repeat_the_labels_of_the_bracket_above():
    text = ("군은 복합센터 건립(사업비 200억원 국비 120억원)과 진입도로 개설(〃 80억원 〃50억원), "
            "주차장 조성(〃 30억원) 등을 추진한다.")
    got = {m.text: parts(m) for m in fundparse.extract(text)}
    assert got == {"200억원": [("국비", "national", 12_000_000_000)],
                   "80억원": [("국비", "national", 5_000_000_000)], "30억원": []}


def test_parts_with_a_ministry_before_their_source_and_a_modifier_after_pohamhae():
    got = only("의원은 행정안전부 특별교부세 10억 원, 교육부 특별교부금 9억 원을 포함해 지역현안과 관련한 "
               "약 33억 원을 확보했다.")
    assert [(p[1], p[2]) for p in parts(got)] == [("national", 1_000_000_000), ("national", 900_000_000)]


def test_a_next_sentence_opened_by_tuja_gyumo_lists_any_source():
    text = ("선정된 사업에는 2028년까지 총 1조원이 투입된다. 투자 규모는 국비 4000억 원, 지방비 3000억 원, "
            "공기업 2000억, 기금‧민간 1000억 등이다.")
    (total,) = [m for m in fundparse.extract(text) if m.splits]
    assert [p[1] for p in parts(total)] == ["national", "local", "other", "private+other"]


def test_two_sources_paying_a_total_together_and_parts_three_sentences_on():
    text = ("시는 특별교부세와 특별조정교부금으로 총 152억원을 확보했다. 특별교부세란 중앙정부가 주는 "
            "재원이다. 특별조정교부금은 도가 주는 예산이다. 시가 확보한 예산은 행정안전부 특별교부세 "
            "5개 사업 38억6000만원과 경기도의 특별조정교부금 10개 사업 113억7000만원이다.")
    (total,) = [m for m in fundparse.extract(text) if m.splits]
    assert (total.text, [(p[1], p[2]) for p in parts(total)]) == (
        "152억원", [("national", 3_860_000_000), ("provincial", 11_370_000_000)])


def test_one_levels_money_holds_no_other_levels_part_and_sejubjeogeuro_opens_a_list():
    text = ("시는 내년도 현안사업을 위한 국·도비 예산 500억 원을 확보했다. 내년 국비 예산은 400억 원이며 "
            "도비는 100억 원이다.")
    got = {m.text: [p[1] for p in parts(m)] for m in fundparse.extract(text) if m.splits}
    assert got == {"500억 원": ["national", "provincial"]}
    got = [m for m in fundparse.extract(
        "군은 공모사업에서 모두 300억원을 확보했다. 세부적으로 국비 200억원, 도비 50억원으로 가장 크다.")
        if m.splits]
    assert [(m.text, [p[1] for p in parts(m)]) for m in got] == [("300억원", ["national", "provincial"])]


def test_an_amount_stated_as_the_sajeopbi_whole_and_a_place_paying_with_robuteo():
    got = only("군은 4개 사업에 111억원의 사업비가 확보됨에 따라 앞으로 5년간 도비 56억원을 지원받는다.")
    assert (got.text, parts(got)) == ("111억원", [("도비", "provincial", 5_600_000_000)])
    got = only("군은 충북도로부터 지원받은 204억 원을 포함한 340억 원의 사업비로 사업을 추진한다.")
    assert (got.text, parts(got)) == ("340억 원", [("충북도", "provincial", 20_400_000_000)])


def test_payers_joined_by_a_dot_then_gak_pay_the_figure_each():
    text = "총사업비 100억 원(국비 50%, 도·군비 각 25%)을 들여 정비사업을 추진한다."
    got = only(text)
    assert [(p[0], p[1], p[2]) for p in parts(got)] == [
        ("국비", "national", 5_000_000_000), ("도", "provincial", 2_500_000_000),
        ("군비", "municipal", 2_500_000_000)]
    assert fundparse.check(text) == []


def test_a_year_ending_a_span_is_no_budget_year():
    got = only("군은 도서관 사업비로 2021년~2022년 국비 100억원을 투입한다.")
    assert (got.period.start, got.period.end) == (2021, 2022)
    assert only("군은 2025년 예산 300억 원을 편성했다.").period is None


def test_shares_in_a_bracket_after_a_figure_are_that_figures_alone():
    got = fundparse.extract("병원은 운영비 1억 2500만 원(국비 50%, 지방비 50%), 2차년도부터는 연간 운영비로 "
                            "2억 5000만 원을 지원 받게 된다.")
    assert [(m.text, len(m.splits)) for m in got] == [("1억 2500만 원", 2), ("2억 5000만 원", 0)]


def test_jeonaek_in_a_sentence_about_another_project_looks_not_back():
    text = ("연장구간 공사비는 1212억원으로 사업을 추진한다.\n"
            "DMC 경전철 노선은 별도로 진행되는 사업으로 100% 민간자본을 유치해 건설된다.")
    assert [m.splits for m in fundparse.extract(text)] == [()]
    got = only("사업비는 325억 원에 달한다. 예산은 전액 국비로 지원된다.")
    assert parts(got) == [("국비", "national", 32_500_000_000)]


def test_a_place_paying_its_budget_among_other_sources():
    got = only("사업비는 모두 8조 5천여억 원이 책정된 가운데 국비는 1조 1천억 원, 서울시는 예산 3조 550억 원, "
               "민자사업비는 4조 원이 각각 투입될 예정이다.")
    assert [p[:2] for p in parts(got)] == [("국비", "national"), ("서울시", "provincial"),
                                          ("민자사업비", "private")]


def test_amounts_joined_by_oe_share_the_period_before_them():
    # "X외에 Y": in addition to X, Y; both are spent over the period before them
    mentions = fundparse.extract("도는 향후 4년간 이미 받은 국비 60억원외에 지방비 25억원을 더 들인다.")
    assert [(m.text, m.period and m.period.years) for m in mentions] == [("60억원", 4), ("25억원", 4)]


def test_shares_written_once_divide_each_total_after_them():
    mentions = fundparse.extract("사업비는 국비와 지방비 각 50%로, 지난해는 총 36억원을 들였고 올해는 24억원을 들인다.")
    assert [(m.text, parts(m)) for m in mentions] == [
        ("36억원", [("국비", "national", 1_800_000_000), ("지방비", "local", 1_800_000_000)]),
        ("24억원", [("국비", "national", 1_200_000_000), ("지방비", "local", 1_200_000_000)])]


def test_a_ratio_takes_the_figures_written_for_its_shares():
    # "6대4로 국비는 …, 나머지 …은 시비로": the written figures, not the ratio's arithmetic
    (m, *_) = fundparse.extract("총사업비는 1조 537억원으로 늘었다. 국비와 시비 부담 비율은 6대4로 국비는 6322억원, "
                                "나머지 4215억원은 시비로 충당된다.")
    assert parts(m) == [("국비", "national", 632_200_000_000), ("시비", "municipal", 421_500_000_000)]


def test_a_space_word_with_its_own_figure_leaves_a_bare_eok_as_money():
    # "면적 2만㎡ … 1500억": 면적 counts the 2만㎡; the bare 억 after it is the budget
    assert krws("시는 연 면적 1만㎡ 내외로 800억 상당의 예산을 투입해 도서관을 짓는다.") == [
        ("800억", 80_000_000_000)]
    assert krws("이 지역 면적은 약 3억 제곱미터다.") == []


def test_a_headline_ellipsis_ends_a_clause():
    # "…" between a grant and the total in a headline: the grant is news of its own, no part
    mentions = fundparse.extract("행안부 특별교부세 20억 지원…총 150억 투입 2027년 완공 목표")
    assert [(m.text, parts(m)) for m in mentions] == [("20억", []), ("150억", [])]
    assert mentions[1].period is not None and mentions[1].period.end == 2027


def test_a_clause_of_another_topic_keeps_its_own_money_out_of_the_period():
    first, second = fundparse.extract(
        "시는 2027년까지 갑지구에 30억원을 들여 관로를 설치하고 을지구도 40억원을 들여 관로를 놓는다.")
    assert (first.period.end, second.period) == (2027, None)
    alike = fundparse.extract("2027년까지 30억원을 들여 관로를 설치하고 40억원을 들여 배수지를 짓는다.")
    assert [m.period.end for m in alike] == [2027, 2027]


def test_items_each_with_their_own_split_share_the_period_before_them():
    items = fundparse.extract("군은 2027년까지 3년간 갑마을에 12억 원(국비 70%, 지방비 30%), 을마을에 "
                              "15억 원(국비 70%, 지방비 30%)을 들인다.", doc_date="2025-03-01")
    assert [(m.period.start, m.period.end) for m in items] == [(2025, 2027), (2025, 2027)]
    assert [len(m.splits) for m in items] == [2, 2]


def test_places_ranked_by_what_they_receive_pay_no_part_of_one_another():
    # shares written once for the whole, then a ranking of regions: no region is a sum of others,
    # and the shares are not spread over the ranking
    mentions = fundparse.extract(
        "국비, 지방비 각 50%씩의 비율로 구성되는 재원은 경기도가 70억원으로 가장 많고 이어 전남 "
        "50억원, 경남 30억원, 전북 20억원, 울산 10억원 등의 순이다.")
    split = {m.text: [(s.label, s.krw) for s in m.splits] for m in mentions}
    assert split["30억원"] == [] and split["50억원"] == []


def test_a_qualified_source_takes_the_longest_head_it_ends_with():
    # 특별조정교부금 (a province's grant) ends with 교부금 (the state's): the longer head decides
    text = ("2022년 총 65.7억 원(행정안전부 특별교부세 25억 원, 교육부 특별교부금 5.2억 원, "
            "경기도 특별조정교부금 35.5억 원) 규모의 특교를 확보했다.")
    (total,) = [m for m in fundparse.extract(text) if m.splits]
    assert [p[1] for p in parts(total)] == ["national", "national", "provincial"]


def test_a_bodys_own_budget_named_as_a_payer():
    (total,) = [m for m in fundparse.extract("시재정 3조 600억원을 포함한 총 8조 7천억원이 투입된다.")
                if m.splits]
    assert [(p[1], p[2]) for p in parts(total)] == [("municipal", 3_060_000_000_000)]


def test_payers_joined_by_a_dot_before_a_figure_with_ssik_each_pay_it():
    total = only("태안 만리포 관광지는 180억원(국비·지방비 90억원씩)이 투입돼 해안도로가 만들어진다.")
    assert [(p[1], p[2]) for p in parts(total)] == [("national", 9_000_000_000),
                                                    ("local", 9_000_000_000)]


def test_a_table_flattened_one_cell_a_line_reads_its_rows_by_the_header_sources():
    text = ("도는 올해 어촌 정비사업 대상지 2곳이 선정됐다고 밝혔다.\n"
            "지구명 |\n사업기간 |\n사업비(억원) |\n|||\n계 |\n국비 (80%) |\n도비 (10%) |\n군비 (10%) |\n"
            "||||\n가나항 |\n‘25~’28 |\n90 |\n72 |\n9 |\n9 |\n|\n다라마을 |\n‘25~’27 |\n30 |\n24 |\n6 |\n|\n")
    got = {m.text: [(p[1], p[2]) for p in parts(m)] for m in fundparse.extract(text) if m.splits}
    assert got == {"90": [("national", 7_200_000_000), ("provincial", 900_000_000),
                          ("municipal", 900_000_000)],
                   "30": [("national", 2_400_000_000), ("provincial", 600_000_000)]}


def test_an_archive_wrapped_a_few_words_a_line_keeps_a_sentence_across_its_lines():
    # old newspaper text wrapped at a fixed width: half the lines stop mid-sentence
    text = ("도는 올해 국도 정비사업으로 가남 여주간에 1백12억원,이천 장호원\n"
            "3백40억원,안성 평택 2백8억원을 들여 포장공사를 연내\n"
            "준공하기로 했다.\n"
            "또 새 청사 건립에는 모두 6백50억원을 들여 95년 준공을\n"
            "목표로 삼았다.\n"
            "이밖에 군도 12개 노선에 각 40억원씩을 배정해 다리를 새로\n"
            "놓기로 했다.\n")
    got = {m.text: m.period.end for m in fundparse.extract(text, doc_date="1993-01-08") if m.period}
    assert got == {"1백12억원": 1993, "3백40억원": 1993, "2백8억원": 1993, "6백50억원": 1995}


def test_a_short_wrapped_passage_of_four_lines_is_read_across_its_lines():
    # four or five lines wrapped at a fixed width are enough to tell (a clipping of an archive)
    text = ("관계자는 \"하수종말처리장을 건설하기 위해 총 2천2백6억원의\n"
            "민간자본을 유치할 예정\"이라고 밝혔다.\n"
            "시범사업에 투입되는 총 사업비는 3천1백50억원이며 이 가운데 민자유치\n"
            "액을 제외한 9백43억원은 지방비 예산으로 충당된다.\n")
    got = {m.text: [(s.label, s.krw) for s in m.splits] for m in fundparse.extract(text)}
    assert got["3천1백50억원"] == [("지방비", 94_300_000_000)]


def test_an_archive_wrapped_at_forty_odd_letters_with_year_ranges_is_read_across_its_lines():
    # lines of 40–48 letters and year ranges written with a hyphen ("(92-97년)") in them
    text = ("항만 적체현상이 오는 97년 대폭 완화되고 2001년에 가서는 완전히 해소\n"
            "될 전망이다.\n\n"
            "해운항만청은 최근 정재석 부총리에게 보고한 「장기항만개발계획」을 통\n"
            "해 7차 5개년 계획기간(92-97년) 중 4조2백70억원(민자 1조2천1백80억원),\n"
            "8차5개년 계획기간(97년-2001년) 중 5조9천7백30억원(민자1조3천5백10억원)\n"
            "등 10년간 총10조원(민자 2조5천6백90억원)을 항만개발에 투자, 항만적체 현\n"
            "상을 해소하겠다고 밝혔다.\n")
    whole = next(m for m in fundparse.extract(text) if m.text == "10조원")
    assert (whole.period.start, whole.period.end, whole.period.years) == (1992, 2001, 10)


def test_a_range_of_shares_after_a_source_is_no_figure():
    text = "사업은 개소당 총사업비 200억 규모로 도비 50∼60%를 지원하고 초과분은 시군이 부담한다."
    assert not any(m.splits for m in fundparse.extract(text))


def test_a_stop_after_da_with_no_space_ends_the_sentence_before_a_figure():
    # "…개통할 계획이다.7494억원이 …": the years of the sentence before are not the figure's
    text = "시는 내년 착공에 들어가 2012년 완공할 계획이다.7494억원이 투입될 경전철은 10.7㎞ 구간에 건설된다."
    (m,) = fundparse.extract(text, doc_date="2006-12-22")
    assert m.text == "7494억원" and m.period is None


def test_a_part_adding_up_the_parts_before_it_holds_them():
    # "…98억 원으로, 이중 국비 …, 국비 …, 특별교부세 … 총 34억 9천만 원에 달하는 국비": the 국비 subtotal
    # is the total's part and the three figures are its own (nested), never all four side by side
    text = ("총공사비는 98억 원으로, 이중 ▲2020년 국비 13억 5천만 원 ▲2021년 국비 11억 4천만 원을 확보한 데 "
            "이어 특별교부세 10억 원을 추가로 확보하며 총 34억 9천만 원에 달하는 국비 예산을 확보했다.")
    (m,) = fundparse.extract(text)
    assert [(s.label, s.krw) for s in m.splits] == [("국비", 3_490_000_000)]
    assert [s.krw for s in m.splits[0].splits] == [1_350_000_000, 1_140_000_000, 1_000_000_000]


def test_a_total_pointed_back_at_in_its_own_sentence_keeps_a_payers_part():
    # "…드는 돈은 2조1649억 원으로 이 가운데 정부가 지원할 자금은 1조2989억 원이다": the part named
    text = "지하철을 건설하는 데 드는 돈은 2조1649억 원으로 이 가운데 정부가 지원할 자금은 1조2989억 원이다."
    (m,) = fundparse.extract(text)
    assert [(s.label, s.category, s.krw) for s in m.splits] == [("정부", "national", 1_298_900_000_000)]
