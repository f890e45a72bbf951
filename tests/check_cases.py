"""Check cases modelled on real releases (issue 16): each planted one holds one error, each
clean one is a near miss that must stay silent.  The sentences are our own, written after the
shapes of municipal and ministry press releases (titles, 사업 개요 boxes, budget tables).

``python tests/check_cases.py`` prints recall and false alarms, on these and on the blind set
(tests/data/check_blind.jsonl); tests/test_check_cases.py and tests/test_check_blind.py assert
every case.
"""

from __future__ import annotations

# (name, release text, the code that must be reported)
PLANTED: list[tuple[str, str, str]] = [
    ("title-body-transposed",
     "[보도자료] 청주시, 총사업비 340억 원 들여 오송 바이오 복합센터 건립\n\n"
     "청주시는 오송읍 일원에 바이오 복합센터를 짓는다고 6일 밝혔다. 센터는 지하 1층, 지상 5층 "
     "규모다.\n시 관계자는 \"총사업비 304억 원은 국비와 시비로 마련한다\"고 말했다.\n", "FP301"),
    ("trillion-transposed",
     "해양수산부는 부산항 신항 서측 부두 개발에 총사업비 1조 2,468억 원을 투입한다.\n\n"
     "부두는 2025년 착공한다. 해수부 관계자는 \"총사업비 1조 2,648억 원 가운데 민간투자가 "
     "절반을 넘는다\"고 설명했다.\n", "FP301"),
    ("transposed-split-supports-first",
     "□ 사업 개요\n ○ 총사업비: 520억 원(국비 260억 원, 도비 78억 원, 시비 182억 원)\n\n"
     "시는 총사업비 502억 원 규모의 스마트 물류단지 조성을 올해 하반기 시작한다.\n", "FP302"),
    ("transposed-split-supports-second",
     "군은 총사업비 135억 원을 들여 농촌 공간 재구조화 사업을 벌인다.\n"
     "총사업비 153억 원(국비 76억5천만 원, 도비 22억9천5백만 원, 군비 53억5천5백만 원)은 "
     "3년에 걸쳐 나눠 쓴다.\n", "FP302"),
    ("table-and-text-drift",
     "■ 사업 개요\n사업명\t총사업비\t사업기간\n어린이 복합문화센터\t185억 원\t2025~2027년\n\n"
     "시는 총사업비 158억 원을 들여 어린이 복합문화센터를 짓는다.\n", "FP301"),
    ("budget-transposed",
     "구는 생활체육 시설 확충에 총예산 86억 원을 편성했다.\n\n"
     "구 관계자는 \"총예산 68억 원으로 주민 누구나 이용할 수 있는 시설을 만들겠다\"고 말했다.\n",
     "FP301"),
    ("paren-then-body-transposed",
     "시는 복합청사 건립(총사업비 2,175억 원)을 본격 추진한다고 밝혔다.\n"
     "청사는 2028년 문을 연다. 총사업비 2,157억 원은 시비와 국비로 마련한다.\n", "FP301"),
    ("box-and-body-transposed",
     "□ 사업 개요\n○ 사업명: 시립 어린이도서관 건립\n○ 총사업비: 126억 원\n○ 사업기간: 2025~2027년\n\n"
     "시는 총사업비 162억 원을 들여 어린이도서관을 짓는다.\n", "FP301"),
    ("total-cue-then-label",
     "군은 총 86억 원을 들여 국악체험촌을 넓힌다고 밝혔다.\n\n"
     "군 관계자는 \"총사업비 68억 원 가운데 국비가 절반\"이라고 설명했다.\n", "FP301"),
    ("plan-sum-text",
     "도는 수소 충전망 확충에 연도별로 2025년 15억 원, 2026년 40억 원, 2027년 30억 원 등 "
     "총 95억 원을 투입한다.\n", "FP104"),
    ("plan-sum-text-ending",
     "연차별 투자계획은 2024년 12억 원, 2025년 18억 원, 2026년 25억 원으로 총 50억 원이다.\n",
     "FP104"),
    ("plan-sum-relative-years",
     "보도일시 2025. 3. 4.(화)\n시는 연도별로 올해 50억 원, 내년 70억 원, 2027년 80억 원 등 "
     "모두 210억 원을 투자한다.\n", "FP104"),
    ("plan-total-before",
     "사업에는 총 120억 원(2024년 30억 원, 2025년 50억 원, 2026년 30억 원)이 든다.\n", "FP104"),
    ("plan-bare-figures",
     "□ 연차별 투자계획: '25년 20억, '26년 35억, '27년 40억(총 105억 원)\n", "FP104"),
    ("plan-table-row",
     "(단위: 백만원)\n구분\t2024년\t2025년\t2026년\t계\n국비\t1,200\t2,300\t1,500\t5,200\n"
     "시비\t800\t700\t500\t2,000\n", "FP104"),
    ("plan-table-column",
     "< 연도별 투자계획 >\n(단위: 억원)\n연도\t사업비\n2024년\t30\n2025년\t45\n2026년\t25\n"
     "합계\t110\n", "FP104"),
    ("plan-outside-period",
     "시는 2024년부터 2026년까지 3년간 총 60억 원을 투입한다. 연도별로는 2024년 20억 원, "
     "2025년 20억 원, 2027년 20억 원이다.\n", "FP105"),
    ("plan-outside-period-paren",
     "2025년부터 2027년까지 총 90억 원(2025년 30억 원, 2026년 30억 원, 2028년 30억 원)을 "
     "들인다.\n", "FP105"),
    ("plan-table-outside-box-period",
     "□ 사업 개요\n○ 사업기간: 2025~2027년\n○ 총사업비: 90억 원\n\n< 연차별 투자계획 >\n(단위: 억원)\n"
     "구분\t2025년\t2026년\t2028년\t계\n사업비\t30\t30\t30\t90\n", "FP105"),
    ("period-two-digit-parens",
     "해당 사업은 3년간('24~'27) 총 120억 원을 투입해 노후 상수관로를 교체한다.\n", "FP201"),
    ("period-two-digit-curly",
     "정부는 5년간(’22~’27) 2조 원을 투입해 지역 의료 인력을 키운다.\n", "FP201"),
    ("period-two-digit-no-apostrophe",
     "□ 사업기간: 5년간(23~28년)\n□ 사업비: 총 250억 원(국비 125억 원, 도비 50억 원, 시비 75억 원)\n",
     "FP201"),
    ("period-duration-before-span",
     "사업 기간은 4년(2024~2026년)이며 국비 등 총 50억 원이 투입된다.\n", "FP201"),
    ("period-span-then-comma-duration",
     "사업비 80억 원(2024~2027, 3년간)을 들여 하천을 정비한다.\n", "FP201"),
    ("construction-vs-duration",
     "2025년 착공해 2030년 준공하는 이 사업은 3년간 총 900억 원이 투입된다.\n", "FP201"),
    ("construction-longer-than-stated",
     "시는 2026년 착공, 2027년 준공을 목표로 5년간 총사업비 260억 원을 들여 복합청사를 "
     "짓는다.\n", "FP201"),
    ("period-first-step-duration",
     "국토부는 2025년 기본설계를 시작으로 2027년까지 5년간 총 80억 원을 들여 나들목을 "
     "개량한다.\n", "FP201"),
    ("suppression-unknown-code",
     "<!-- fundparse: ignore FP1O1 -->\n총사업비 10억 원(국비 3억 원, 도비 3억 원, 시비 3억 원)을 "
     "투입한다.\n", "FP901"),
    ("suppression-misspelt",
     "<!-- fundparse: ingore FP101 -->\n총사업비 10억 원(국비 5억 원, 도비 2억 원, 시비 3억 원)을 "
     "투입한다.\n", "FP902"),
    ("suppression-unused",
     "<!-- fundparse: ignore FP101 -->\n총사업비 10억 원(국비 5억 원, 도비 2억 원, 시비 3억 원)을 "
     "투입한다.\n", "FP903"),
    ("plan-sum-text-cheon",
     "사업비는 연도별로 2024년 3억5천만 원, 2025년 4억 원, 2026년 2억5천만 원 등 총 11억 원이다.\n",
     "FP104"),
]

# (name, release text): must give no finding at all
CLEAN: list[tuple[str, str]] = [
    ("two-projects-transposed",
     "청주 오송 바이오센터는 총사업비 340억 원이 들어간다.\n\n"
     "충주 수소 실증센터는 총사업비 304억 원이 들어간다.\n"),
    ("two-regions-close-totals",
     "경기도는 도립 스포츠센터 건립에 총사업비 500억 원을 들인다.\n\n"
     "강원도는 총사업비 450억 원을 들여 동계 훈련장을 짓는다.\n"),
    ("bullets-of-annual-shares",
     "올해 주요 사업은 다음과 같다.\n- 하수도 정비 3억 원(총사업비 97억 원)\n"
     "- 공영주차장 조성 3억 원(총사업비 67억 원)\n- 마을회관 보수 2억 원(총사업비 5억 원)\n"),
    ("two-project-boxes",
     "□ 사업 개요\n○ 사업명: 시립 도서관 건립\n○ 총사업비: 120억 원\n\n"
     "○ 사업명: 국민체육센터 건립\n○ 총사업비: 110억 원\n"),
    ("two-projects-in-prose",
     "시는 총사업비 120억 원을 들여 도서관을 짓는다. 또 총사업비 110억 원을 들여 체육관을 "
     "새로 짓는다.\n"),
    ("table-of-several-projects",
     "기재부는 예비타당성조사를 통과한 사업을 발표했다. 광역철도 2단계는 총사업비 2조 1,000억 원이다.\n\n"
     "< 통과 사업 >\n사업명\t총사업비\t주관부처\n광역철도 2단계\t2조 1,000억 원\t국토교통부\n"
     "산림 재해 예방 시설\t1조 6,730억 원\t산림청\n"),
    ("title-body-same",
     "[보도자료] 청주시, 총사업비 340억 원 들여 바이오 복합센터 건립\n\n"
     "시 관계자는 \"총사업비 340억 원은 국비와 시비로 마련한다\"고 말했다.\n"),
    ("same-total-two-forms",
     "총사업비 1조 2,468억 원을 투입한다.\n\n총사업비 1조 2천468억 원 가운데 민간투자가 절반을 넘는다.\n"),
    ("total-changed-on-purpose",
     "당초 총사업비 250억 원에서 물가 상승으로 총사업비가 280억 원으로 늘었다.\n"),
    ("list-of-projects",
     "▲도서관 건립(총사업비 120억 원) ▲체육관 건립(총사업비 102억 원)을 추진한다.\n"),
    ("fiscal-years-budgets",
     "올해 예산은 120억 원이다.\n\n내년 예산은 210억 원으로 늘었다.\n"),
    ("plan-adds-up",
     "도는 수소 충전망 확충에 연도별로 2025년 15억 원, 2026년 40억 원, 2027년 30억 원 등 "
     "총 85억 원을 투입한다.\n"),
    ("plan-adds-up-decimals",
     "총 10억 원(2024년 3.3억 원, 2025년 3.3억 원, 2026년 3.3억 원)을 연차별로 투입한다.\n"),
    ("plan-adds-up-ending",
     "연차별 투자계획은 2024년 12억 원, 2025년 18억 원, 2026년 20억 원으로 총 50억 원이다.\n"),
    ("plan-bare-figures-ok",
     "□ 연차별 투자계획: '25년 20억, '26년 35억, '27년 50억(총 105억 원)\n"),
    ("plan-table-row-ok",
     "(단위: 백만원)\n구분\t2024년\t2025년\t2026년\t계\n국비\t1,200\t2,300\t1,500\t5,000\n"
     "시비\t800\t700\t500\t2,000\n"),
    ("plan-table-column-ok",
     "(단위: 억원)\n연도\t사업비\t비고\n2024년\t30\t설계\n2025년\t45\t착공\n2026년\t25\t준공\n"
     "합계\t100\t\n"),
    ("plan-inside-period",
     "시는 2024년부터 2026년까지 3년간 총 60억 원을 투입한다. 연도별로는 2024년 20억 원, "
     "2025년 20억 원, 2026년 20억 원이다.\n"),
    ("past-years-table-beside-period",
     "□ 사업 개요\n○ 사업기간: 2025~2027년\n○ 총사업비: 90억 원\n\n< 최근 3년 지원 실적 >\n(단위: 억원)\n"
     "구분\t2022년\t2023년\t2024년\t계\n지원액\t20\t25\t30\t75\n"),
    ("growth-not-plan",
     "이 회사 매출은 2023년 45억 원, 2024년 52억 원에서 올해 60억 원으로 늘 전망이다.\n"),
    ("yearly-comparison",
     "관광 수입은 2022년 310억 원, 2023년 350억 원으로 늘었고 올해는 400억 원을 넘을 전망이다. "
     "3년간 누적 수입은 1,000억 원을 웃돈다.\n"),
    ("two-digit-years-ok",
     "해당 사업은 4년간('24~'27) 총 120억 원을 투입해 노후 상수관로를 교체한다.\n"),
    ("period-two-digit-no-apostrophe-ok",
     "□ 사업기간: 6년간(23~28년)\n□ 사업비: 총 250억 원(국비 125억 원, 도비 50억 원, 시비 75억 원)\n"),
    ("duration-before-span-ok",
     "사업 기간은 3년(2024~2026년)이며 국비 등 총 50억 원이 투입된다.\n"),
    ("span-comma-duration-ok",
     "사업비 80억 원(2024~2027, 4년간)을 들여 하천을 정비한다.\n"),
    ("construction-ok",
     "2025년 착공해 2027년 준공하는 이 사업은 3년간 총 450억 원이 투입된다.\n"),
    ("construction-elapsed-years",
     "시는 2025년 하반기 착공해 2028년 상반기 준공한다. 약 3년간 총사업비 620억 원이 든다.\n"),
    ("period-first-step-ok",
     "국토부는 2025년 기본설계를 시작으로 2027년까지 3년간 총 80억 원을 들여 나들목을 "
     "개량한다.\n"),
    ("suppression-used",
     "<!-- fundparse: ignore FP101 국비 내시 전 금액 -->\n"
     "총사업비 10억 원(국비 3억 원, 도비 3억 원, 시비 3억 원)을 투입한다.\n"),
    ("suppression-file-used",
     "<!-- fundparse: ignore-file FP301 -->\n총사업비 281억 원을 투입한다.\n\n"
     "총사업비 218억 원으로 줄었다.\n"),
    ("plan-years-after-period-as-operation",
     "2024년부터 2026년까지 총 60억 원을 들여 센터를 짓고, 2027년 이후 운영비 5억 원은 "
     "별도로 마련한다.\n"),
    ("monthly-span-duration",
     "2024년 3월부터 2026년 2월까지 2년간 30억 원을 투입한다.\n"),
    ("plan-cumulative-column",
     "(단위: 억원)\n연도\t사업비\t누계\n2024년\t30\t30\n2025년\t45\t75\n2026년\t25\t100\n"),
    ("split-and-same-total",
     "총사업비 520억 원(국비 260억 원, 도비 78억 원, 시비 182억 원)을 투입한다.\n\n"
     "총사업비 520억 원 규모의 물류단지는 2027년 문을 연다.\n"),
]


def blind_cases() -> tuple[list[tuple[str, str, str]], list[tuple[str, str]]]:
    """The blind set (tests/data/check_blind.jsonl: written by someone who never saw the
    checks' code, after real releases; scored once before the checks were fixed for it):
    (planted as (name, text, code), clean as (name, text))."""
    import json
    from pathlib import Path

    rows = [json.loads(line) for line in (Path(__file__).parent / "data" / "check_blind.jsonl")
            .read_text(encoding="utf-8").splitlines() if line.strip()]
    planted = [(r["name"], r["text"], r["code"]) for r in rows if r["kind"] == "planted"]
    clean = [(r["name"], r["text"]) for r in rows if r["kind"] == "clean"]
    return planted, clean


def score(planted_cases=None, clean_cases=None) -> tuple[int, int, int, int, list[str]]:
    """(caught, planted, false alarms, clean, notes) on our own cases, or on those given."""
    import fundparse

    planted_cases = PLANTED if planted_cases is None else planted_cases
    clean_cases = CLEAN if clean_cases is None else clean_cases
    notes = []
    caught = 0
    for name, text, code in planted_cases:
        got = [f.code for f in fundparse.check(text)]
        if code in got:
            caught += 1
        else:
            notes.append(f"missed {name}: wanted {code}, got {got}")
    alarms = 0
    for name, text in clean_cases:
        got = [f"{f.code} {f.message}" for f in fundparse.check(text)]
        if got:
            alarms += 1
            notes.append(f"false alarm {name}: {got}")
    return caught, len(planted_cases), alarms, len(clean_cases), notes


if __name__ == "__main__":
    for title, cases in (("our cases", (PLANTED, CLEAN)), ("blind set", blind_cases())):
        caught, planted, alarms, clean, notes = score(*cases)
        print(f"{title}: recall {caught}/{planted} = {caught / planted:.2f}; "
              f"false alarms {alarms}/{clean}")
        for note in notes:
            print("  " + note)
