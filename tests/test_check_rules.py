"""`fundparse rules` documents every code with a bad and a good example, in Korean and English,
and the bad example is what `check` reports (the good one is silent); the listing explains the
suppression comments and their FP9xx codes."""

from __future__ import annotations

import pytest

import fundparse
from fundparse.checks import CHECKS


@pytest.mark.parametrize("code", sorted(CHECKS))
def test_catalog_examples_fire_and_stay_silent(code):
    rule = CHECKS[code]
    assert code in [f.code for f in fundparse.check(rule.bad)]
    assert fundparse.check(rule.good) == []
    assert rule.summary and rule.summary_ko and rule.severity in ("error", "warning")


@pytest.mark.parametrize("code", ["FP104", "FP105", "FP302", "FP901", "FP902", "FP903"])
def test_rules_explains_each_new_code(cli, code):
    rule = CHECKS[code]
    done = cli("rules", code)
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert f"{code} ({rule.severity})" in out
    for text in (rule.summary_ko, rule.summary, f"bad:   {rule.bad}", f"good:  {rule.good}"):
        assert text in out, text
    [finding] = [f for f in fundparse.check(rule.bad) if f.code == code]
    assert f"→ {finding.message}" in out and finding.message_en in out


def test_the_listing_names_the_family_and_the_comment_syntax(cli):
    out = cli("rules").stdout
    assert "FP9xx  무시 주석 (suppression comments)" in out
    assert "<!-- fundparse: ignore FP101 사유 -->" in out and "ignore-file" in out
    assert "FP903" in out and "RUF100" in out
    assert "FP9xx" in cli("rules", "FP9").stdout
