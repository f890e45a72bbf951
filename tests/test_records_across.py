"""`check` over several releases: the same project given another total, split or period."""

from __future__ import annotations

import json

import pytest

SELECTED = ("구미시 보도자료\n\n구미시는 2023년부터 2026년까지 4년간 281억 원(국비 121, 지방비 160)을 "
            "투입해 구미국가산업단지 확장단지 내에 이차전지 양극소재 산업육성 거점센터를 구축한다.\n")
# a groundbreaking story: the same centre, written another way ('…' and 구축사업)
GROUNDBREAKING = ("구미시 보도자료\n\n구미시는 18일 '이차전지 양극소재 산업육성 거점센터' 구축사업 착공식을 "
                  "열었다.\n시는 2023년부터 {end}년까지 총사업비 {total}(국비 {national}, 지방비 "
                  "{local})을 들여 이 센터를 짓는다.\n")
CHANGED = ("구미시 보도자료\n\n구미시는 이차전지 양극소재 산업육성 거점센터의 총사업비가 장비 구입비 증액으로 "
           "당초보다 29억 원 늘어 총 310억 원(국비 140억 원, 지방비 170억 원)이 투입된다고 밝혔다.\n")
OTHER_CITY = ("안동시 보도자료\n\n안동시는 2023년부터 2027년까지 총 90억 원(국비 45억 원, 시비 45억 원)을 "
              "들여 이차전지 양극소재 산업육성 거점센터를 구축한다.\n")


def ground(end=2026, total="281억 원", national="121억 원", local="160억 원"):
    return GROUNDBREAKING.format(end=end, total=total, national=national, local=local)


def lines(stdout):
    return [line.split(": ", 1) for line in stdout.splitlines()]


@pytest.fixture
def pair(tmp_path):
    def write(first, second):
        a, b = tmp_path / "a-selected.txt", tmp_path / "b-later.txt"
        a.write_text(first, encoding="utf-8")
        b.write_text(second, encoding="utf-8")
        return a, b
    return write


def test_another_total_is_fp310_quoting_both_files(cli, pair):
    later = ground(total="218억 원", local="97억 원")
    a, b = pair(SELECTED, later)
    done = cli("check", a, b)
    assert done.returncode == 0, done.stderr  # a warning
    (where, message), = lines(done.stdout)
    column = later.splitlines()[3].index("218억") + 1
    assert where == f"{b}:4:{column}" and message.startswith("FP310 ")
    assert "218억 원" in message and f"{a}:3" in message and "281억 원" in message


def test_another_split_is_fp311(cli, pair):
    a, b = pair(SELECTED, ground(national="140억 원", local="141억 원"))
    done = cli("check", a, b, "--lang", "en")
    (where, message), = lines(done.stdout)
    assert message.startswith("FP311 ") and "national/local split" in message
    assert "국비 140억 원" in message and "국비 121억 원" in message


def test_another_period_is_fp312(cli, pair):
    a, b = pair(SELECTED, ground(end=2027))
    done = cli("check", a, b, "--format", "json")
    found = json.loads(done.stdout)
    assert [(f["file"], f["code"], f["severity"]) for f in found] == [
        (str(b), "FP312", "warning")]
    assert "2023–2027" in found[0]["message"] and "2023–2026" in found[0]["message"]


# a budget story: this year's share first, the whole total after it
THIS_YEAR = ("구미시 보도자료\n\n구미시는 올해 이차전지 양극소재 산업육성 거점센터 구축에 총 64억 원을 "
             "투입한다.\n이 센터에는 2026년까지 모두 281억 원(국비 121억 원, 지방비 160억 원)이 "
             "들어간다.\n")


@pytest.mark.parametrize("second", [ground(), CHANGED, OTHER_CITY, THIS_YEAR],
                         ids=["same-figures", "change-stated", "another-agency", "total-restated"])
def test_silent_when_nothing_contradicts(cli, pair, second):
    a, b = pair(SELECTED, second)
    done = cli("check", a, b)
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")


def test_no_cross_file_and_ignore_turn_it_off(cli, pair, tmp_path):
    a, b = pair(SELECTED, ground(total="218억 원", local="97억 원", end=2027))
    assert cli("check", a, b, "--no-cross-file").stdout == ""
    assert cli("check", a, b, "--ignore", "FP31").stdout == ""
    kept = cli("check", tmp_path, "--select", "FP312", "--statistics").stdout
    assert "FP312" in kept and "FP310" not in kept.splitlines()[0]
    assert cli("check", b).stdout == ""  # one release alone has nothing to compare


def test_rules_lists_the_cross_release_codes(cli):
    done = cli("rules", "FP31")
    assert done.returncode == 0
    assert all(code in done.stdout for code in ("FP310", "FP311", "FP312"))
