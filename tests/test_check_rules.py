"""`fundparse rules` documents every code with a bad and a good example, in Korean and English,
and the bad example is what `check` reports (the good one is silent); the listing explains the
suppression comments and their FP9xx codes."""

from __future__ import annotations

import pytest

import fundparse
from fundparse.checks import CHECKS
from fundparse.records.across import CODES as ACROSS  # several files: tests/test_records_across.py


@pytest.mark.parametrize("code", sorted(set(CHECKS) - set(ACROSS)))
def test_catalog_examples_fire_and_stay_silent(code):
    rule = CHECKS[code]
    assert code in [f.code for f in fundparse.check(rule.bad)]
    assert fundparse.check(rule.good) == []
    assert rule.summary and rule.summary_ko and rule.severity in ("error", "warning")


@pytest.mark.parametrize("code", ["FP104", "FP105", "FP302", "FP901", "FP902", "FP903"])
def test_rules_explains_each_new_code(cli, code):
    rule = CHECKS[code]
    [finding] = [f for f in fundparse.check(rule.bad) if f.code == code]
    ko = cli("rules", code)
    assert ko.returncode == 0, ko.stderr
    for text in (rule.summary_ko, f"틀린 예:   {rule.bad}", f"맞는 예:  {rule.good}",
                 f"→ {finding.message}"):
        assert text in ko.stdout, text
    en = cli("rules", "--lang", "en", code)
    assert en.returncode == 0, en.stderr
    for text in (rule.summary, f"bad:   {rule.bad}", f"good:  {rule.good}",
                 f"→ {finding.message_en}"):
        assert text in en.stdout, text


def test_the_listing_names_the_family_and_the_comment_syntax(cli):
    out = cli("rules").stdout
    assert "FP9xx  무시 주석" in out
    assert "<!-- fundparse: ignore FP101 사유 -->" in out and "ignore-file" in out
    assert "FP903" in out and "RUF100" in cli("rules", "--lang", "en").stdout
    assert "FP9xx" in cli("rules", "FP9").stdout
