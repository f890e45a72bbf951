"""The checks' Korean words, patterns and messages are data (fundparse/rules/data/checks.toml):
the check code holds none, and what it reads from the data behaves as before."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import fundparse
from fundparse.checks import CHECKS
from fundparse.checks.words import data, pattern, say


def _hangul_literals(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef,
                                       ast.AsyncFunctionDef))
                  and node.body and isinstance(node.body[0], ast.Expr)
                  and isinstance(node.body[0].value, ast.Constant)}
    return [f"{path.name}:{node.lineno}: {node.value[:40]!r}" for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str)
            and id(node) not in docstrings and re.search("[가-힣ㄱ-ㅎㅏ-ㅣ]", node.value)]


def test_no_korean_literal_in_check_code():
    """String literals in fundparse/checks/*.py (docstrings and comments aside) hold no Korean:
    every word, pattern and message template comes from checks.toml."""
    found = []
    for path in sorted((Path(fundparse.__file__).parent / "checks").glob("*.py")):
        found += _hangul_literals(path)
    assert not found, "Korean literals in check code:\n" + "\n".join(found)


def test_the_walk_sees_a_korean_literal(tmp_path):
    """The walk above finds a Korean literal outside a docstring, and only there."""
    module = tmp_path / "sample.py"
    module.write_text('"""총사업비 in a docstring."""\nLABEL = "총사업비"\n', encoding="utf-8")
    assert _hangul_literals(module) == ["sample.py:2: '총사업비'"]


def test_a_pattern_may_be_written_in_pieces():
    """A pattern given as an array is its pieces joined: the short-span pattern reads as one."""
    pieces = data()["spans"]["short_spans"]
    assert isinstance(pieces, list)
    assert pattern("spans", "short_spans").pattern == "".join(pieces)
    assert pattern("spans", "short_spans").search("3년간(24~27년)").group("a") == "24"


def test_a_template_puts_the_particle_that_fits():
    assert say("total_twice", label="총사업비", one="340억 원", two="304억 원") == \
        "총사업비 금액이 340억 원과 304억 원으로 서로 다릅니다"
    assert say("plan_outside", years="2028년", start="2025", end="2027") == \
        "연도별 계획의 2028년이 사업 기간 2025~2027년 밖입니다"
    assert say("plan_outside", years="2029", start="2025", end="2027") == \
        "연도별 계획의 2029가 사업 기간 2025~2027년 밖입니다"


def test_every_rule_code_has_its_words():
    for code, check in CHECKS.items():
        assert check.summary and check.summary_ko and check.bad and check.good, code
    assert set(data()["codes"]) == set(CHECKS)


def test_a_finding_reads_its_message_from_the_data():
    text = "총사업비 281억 원(국비 121억 원, 지방비 150억 원)"
    findings = [f for m in fundparse.extract(text) for f in m.findings]
    assert [(f.code, f.message) for f in findings] == [
        ("FP101",
         "재원 합계 271억 원(국비 121억 원 + 지방비 150억 원)이 총액 281억 원과 다릅니다")]
