"""benchmarks/records_score.py: the in-repo sets and JSONL gold files, scored by one judge; an
absent file or a bad line is said plainly."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parent.parent / "benchmarks" / "records_score.py"


def run(*args) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(SCRIPT), *map(str, args)], capture_output=True,
                          text=True, timeout=300)


def test_a_gold_file_is_scored_and_an_absent_one_named(tmp_path):
    gold = tmp_path / "gold.jsonl"
    lines = [
        {"id": "g1", "text": "충주시는 총사업비 96억원(국비 48억 원, 시비 48억 원)을 들여 연수동 일원에 "
                             "반려동물 문화센터를 건립한다.", "amount": "96억 원", "agency": "충주시",
         "project": "반려동물 문화센터", "region": "연수동 일원"},
        {"id": "g2", "text": "행정안전부는 전국 12곳에 모두 240억 원을 지원한다.", "amount": "240억 원",
         "agency": "행정안전부", "project": None, "region": None},
        {"id": "g3", "text": "강릉시는 총 70억 원을 들여 주문진읍에 수산물 종합유통센터를 짓는다.",
         "amount": "70억 원", "agency": "속초시", "project": "수산물 종합유통센터",
         "region": "주문진읍"},
    ]
    gold.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines)
                    + "\n{not json\n", encoding="utf-8")
    absent = tmp_path / "missing.jsonl"
    done = run("--quiet", gold, absent)
    assert done.returncode == 2
    out = done.stdout.splitlines()
    assert out[0].startswith("written before the rules, 32 funded totals: agency ")
    assert out[1].startswith("held out, 24 funded totals: agency ")
    # 96억원 is found though written without the space; g3's agency is wrong on purpose
    assert f"{gold}, 3 funded totals: agency 0.67, project 1.00, region 1.00" in out
    assert f"{absent}: ABSENT, not scored" in out
    assert f"{gold}:5: not JSON" in done.stderr and "no such file" in done.stderr

    shown = run(gold).stdout
    assert "[g3] 70억 원: '강릉시' / '수산물 종합유통센터' / '주문진읍'  (gold '속초시'" in shown


def test_a_higher_level_before_the_body_is_scored_on_a_line_of_its_own(tmp_path):
    gold = tmp_path / "levels.jsonl"
    lines = [
        {"id": "u1", "text": "충북 괴산군은 총 40억 원을 들여 청천면에 목재문화체험관을 짓는다.",
         "amount": "40억 원", "agency": "괴산군", "project": "목재문화체험관", "region": "청천면"},
        {"id": "u2", "text": "전남 보성군은 총 25억 원을 들여 벌교읍에 꼬막 유통센터를 짓는다.",
         "amount": "25억 원", "agency": "전남 보성군", "project": "꼬막 유통센터",
         "region": "벌교읍"},
    ]
    gold.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines),
                    encoding="utf-8")
    out = run("--quiet", gold).stdout.splitlines()
    assert f"{gold}, 2 funded totals: agency 0.50, project 1.00, region 1.00" in out
    assert any(line.startswith(f"{gold}, also a higher level before the body either way")
               and line.endswith("agency 1.00, project 1.00, region 1.00") for line in out)
