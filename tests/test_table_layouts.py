"""Budget tables as documents really draw them: tabs, pipes, box lines, two header rows."""

from __future__ import annotations

import fundparse


def amounts(text: str) -> list[tuple[str, int, str | None]]:
    return [(m.text, m.krw, m.change) for m in fundparse.extract(text)]


def test_pipe_table_with_ratio_columns_keeps_money_and_drops_percentages():
    text = (
        "(단위 : 백만원)\n"
        "구분 | 2025년 | 2024년 | 증감액 | 증감률 |\n"
        "---|---|---|---|---|\n"
        "예산액 | 구성비 | 예산액 | 구성비 |\n"
        "합계 | 512,400 | 100 | 498,100 | 100 | 14,300 | 2.87 |\n"
        "복지 | 210,050 | 40.99 | 201,330 | 40.42 | 8,720 | 4.33 |\n"
    )
    got = {(t, k) for t, k, _ in amounts(text)}
    for figure, krw in (("512,400", 512_400_000_000), ("498,100", 498_100_000_000),
                        ("14,300", 14_300_000_000), ("210,050", 210_050_000_000),
                        ("8,720", 8_720_000_000)):
        assert (figure, krw) in got
    assert not {t for t, _ in got} & {"2.87", "40.99", "40.42", "4.33"}


def test_box_drawn_table_under_a_unit_header():
    text = (
        "◇ 분야별 재원 배분 (단위: 조원, %)\n"
        "┌──────────┬──────┬──────┬─────┐\n"
        "│ 구분     │ 2025 │ 2026 │ 증감 │\n"
        "├──────────┼──────┼──────┼─────┤\n"
        "│ 총지출   │ 673.3 │ 702.1 │ 28.8 │\n"
        "│ 교육     │ 96.4 │ 94.0 │ △2.4 │\n"
        "└──────────┴──────┴──────┴─────┘\n"
    )
    got = amounts(text)
    assert ("673.3", 673_300_000_000_000, None) in got
    assert ("702.1", 702_100_000_000_000, None) in got
    assert ("2.4", 2_400_000_000_000, "decrease") in got
    by_text = {t: m for t, m in ((m.text, m) for m in fundparse.extract(text))}
    assert by_text["673.3"].fiscal_year == 2025 and by_text["702.1"].fiscal_year == 2026


def test_plus_sign_is_an_increase_and_ratio_rows_are_left_out():
    text = (
        "(단위 : 조원, %)\n"
        "구분 | 본예산 | 정부안 | 증감 |\n"
        "◇ 총 지 출 | 656.6 | 677.4 | +20.8 |\n"
        "(GDP대비,%) | (△3.6) | (△2.9) | - |\n"
    )
    got = amounts(text)
    assert ("20.8", 20_800_000_000_000, "increase") in got
    assert all(t not in ("3.6", "2.9") for t, _, _ in got)


def test_column_header_with_its_own_unit():
    text = "구분\t사업비(억원)\t비고\n도로 확장\t120\t신규\n하천 정비\t80\t계속\n"
    got = {(m.text, m.krw, m.label) for m in fundparse.extract(text)}
    assert got == {("120", 12_000_000_000, "도로 확장"), ("80", 8_000_000_000, "하천 정비")}


def test_item_numbers_at_the_start_of_a_line_are_not_money():
    text = "(단위: 조원)\n1 '26년 총지출은 702.1조원으로 편성\n2. 교 육 96.4\n"
    got = amounts(text)
    assert ("702.1조원", 702_100_000_000_000, None) in got
    assert ("96.4", 96_400_000_000_000, None) in got
    assert all(t not in ("1", "2") for t, _, _ in got)


BUDGET_ROWS = (
    "(단위 : 천원)\n"
    "사업명\t2026예산(A)\t2025예산(B)\t증감(A-B)\n"
    "농촌관광활성화\t840,000\t600,000\t240,000\n"
    "  국비\t420,000\t300,000\t120,000\n"
    "  도비\t126,000\t90,000\t36,000\n"
    "  군비\t294,000\t210,000\t84,000\n"
)


def test_indented_rows_keep_their_columns():
    by_figure = {m.text: m for m in fundparse.extract(BUDGET_ROWS)}
    assert by_figure["840,000"].fiscal_year == 2026
    assert by_figure["600,000"].fiscal_year == 2025


def test_source_rows_under_a_total_row_are_its_parts():
    mentions = fundparse.extract(BUDGET_ROWS)
    assert [m.text for m in mentions] == ["840,000", "600,000", "240,000"]
    first = mentions[0]
    assert [(s.label, s.category, s.krw) for s in first.splits] == [
        ("국비", "national", 420_000_000), ("도비", "provincial", 126_000_000),
        ("군비", "municipal", 294_000_000)]
    assert [s.krw for s in mentions[1].splits] == [300_000_000, 90_000_000, 210_000_000]


def test_source_rows_that_do_not_add_up_stay_amounts_of_their_own():
    text = BUDGET_ROWS.replace("294,000", "290,000")
    mentions = fundparse.extract(text)
    assert mentions[0].splits == ()
    assert "290,000" in [m.text for m in mentions]


# A budget book copied out of a PDF: one cell a line, codes before names, 부서:/정책: lines
# between the unit header and the first figure, a page number, an empty cell written as 0.
ONE_CELL_A_LINE = "\n".join([
    "세 출 예 산 사 업 명 세 서",
    "[본청][단위:천원]",
    "과 목", "예 산 액", "기 정 예 산 액", "비 교 증 감",
    "2026년도 본예산 일반회계",
    "부서:관광과", "정책:관광진흥", "단위:축제운영",
    "4000",
    "문화관광비",
    "8,400,000",
    "7,900,000",
    "500,000",
    "[국 2,000,000]",
    "[도 1,400,000]",
    "[군 5,000,000]",
    "210",
    "축제운영",
    "320,000",
    "300,000",
    "20,000",
    "- 3 -",
    "201 일반운영비",
    "12,000",
    "0",
    "12,000",
    "",
])


def test_one_cell_a_line_budget_book():
    mentions = fundparse.extract(ONE_CELL_A_LINE)
    assert [m.text for m in mentions] == [
        "8,400,000", "7,900,000", "500,000", "320,000", "300,000", "20,000", "12,000", "12,000"]
    assert mentions[0].krw == 8_400_000_000


def test_codes_on_lines_of_their_own_go_to_the_rows_first_figure():
    first, second, third = fundparse.extract(ONE_CELL_A_LINE)[:3]
    assert [(s.label, s.category, s.krw) for s in first.splits] == [
        ("국", "national", 2_000_000_000), ("도", "provincial", 1_400_000_000),
        ("군", "municipal", 5_000_000_000)]
    assert second.splits == () and third.splits == ()


def test_label_then_value_layout_keeps_small_values():
    text = "(단위: 천원)\n구분\n금액\n보상금\n120\n여비\n300\n"
    assert [m.krw for m in fundparse.extract(text)] == [120_000, 300_000]


def test_budget_book_codes_in_the_totals_own_unit():
    # "사업비 200,000천원 [국 120,000] [도 80,000]": the codes count in 천원 too (no false FP101),
    # and a part's text stops at its figure (no stray "]")
    (m,) = fundparse.extract("사업비 200,000천원 [국 120,000] [도 80,000]")
    assert [(s.label, s.krw, s.text) for s in m.splits] == [
        ("국", 120_000_000, "국 120,000"), ("도", 80_000_000, "도 80,000")]
    assert fundparse.check("사업비 200,000천원 [국 120,000] [도 80,000]") == []
    # codes in won under a total in 억 stay in won; a real difference is still reported
    (m,) = fundparse.extract("사업비 2억원 [국 120,000,000] [도 80,000,000]")
    assert [s.krw for s in m.splits] == [120_000_000, 80_000_000] and not m.findings
    assert [f.code for f in fundparse.check("사업비 200,000천원 [국 120,000] [도 70,000]")] == ["FP101"]


def test_a_table_a_web_page_flattened_to_single_spaces_with_notes_for_phones():
    text = ("공약사업 투자 현황\n\n(단위 : 억원)\n\n"
            "모바일환경에서는 좌우로 이동하여 내용(표)을 보실 수 있습니다.\n\n"
            "소요예상액을 구분, 계, 년도에 따라 분류한 표입니다.\n"
            "구분 2018 2019 2020\n"
            "총계 1,000 300 300 400\n"
            "국비 600 200 150 250\n"
            "시비 401 100 151 150\n")
    rows = [(m.text, m.fiscal_year, [(s.label, s.krw) for s in m.splits])
            for m in fundparse.extract(text) if m.splits]
    got = {text: (year, parts) for text, year, parts in rows}
    # 600 + 401 misses 1,000 by one 억: each cell is rounded to the table's unit; the row has
    # one cell more than its header (계 went unnamed), so the years are its last columns
    assert got["1,000"] == (None, [("국비", 60_000_000_000), ("시비", 40_100_000_000)])
    assert sorted(year for _, year, _ in rows if year) == [2018, 2019, 2020]
    # a table that misses by more than its rounding is no split
    assert [m.splits for m in fundparse.extract(text.replace("시비 401", "시비 420"))
            if m.text == "1,000"] == [()]


def splits_of(text: str) -> list[tuple[str, int, list[tuple[str, str, int]]]]:
    return [(m.text, m.krw, [(p.label, p.category, p.krw) for p in m.splits])
            for m in fundparse.extract(text) if m.splits]


def test_a_row_flattened_under_a_header_of_sources_splits_where_it_adds_up():
    # a web page's table flattened to one line: the header names the sources in order, the row
    # gives each block's total then its parts (기타 left empty); a 시비 beside 구비 is a
    # metropolitan city's
    text = ("진도율 (%) 추진중 2 사업예산 (단위 : 백만원) 총사업비 확보액 구분 국비 시비 구비 기타 "
            "국비 시비 구비 기타 당초 14,700 7,350 3,675 3,675 1,424 712 356 356")
    assert splits_of(text) == [
        ("14,700", 14_700_000_000, [("국비", "national", 7_350_000_000),
                                    ("시비", "provincial", 3_675_000_000),
                                    ("구비", "municipal", 3_675_000_000)]),
        ("1,424", 1_424_000_000, [("국비", "national", 712_000_000), ("시비", "provincial", 356_000_000),
                                  ("구비", "municipal", 356_000_000)]),
    ]
    # the numbers before the unit header on its line are no figures of the table
    assert "2" not in [m.text for m in fundparse.extract(text)]


def test_a_flattened_row_that_does_not_add_up_stays_amounts():
    text = "(단위 : 백만원) 구분 국비 도비 군비 2024년 1,500 700 300 200 2025년 1,800 900 400 300"
    assert splits_of(text) == []
    assert len(fundparse.extract(text)) >= 6


def test_a_total_row_under_its_source_rows_takes_them_column_by_column():
    text = ("(단위 : 천원)\n"
            "구분 | 가지구 | 나지구 | 계 |\n"
            "교육부 | 200,000 | - | 200,000 |\n"
            "교육청 | 400,000 | 300,000 | 700,000 |\n"
            "자치구 | 400,000 | 350,000 | 750,000 |\n"
            "계 | 1,000,000 | 650,000 | 1,650,000 |\n")
    assert splits_of(text) == [
        ("1,000,000", 1_000_000_000, [("교육부", "national", 200_000_000),
                                      ("교육청", "other", 400_000_000), ("자치구", "municipal", 400_000_000)]),
        ("650,000", 650_000_000, [("교육청", "other", 300_000_000), ("자치구", "municipal", 350_000_000)]),
        ("1,650,000", 1_650_000_000, [("교육부", "national", 200_000_000),
                                      ("교육청", "other", 700_000_000), ("자치구", "municipal", 750_000_000)]),
    ]
