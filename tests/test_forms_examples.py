"""The examples written beside each form in fundparse/rules/data/forms.toml, run as tests.

Each row is "sentence => expected" (forms.toml explains the notation).  The sentences are read
with the document date 2025-03-01, so 올해 is 2025 and 내년 2026.  A form without examples,
or an example the engine reads otherwise, fails here: the forms file is the specification.
"""

from __future__ import annotations

import tomllib
from importlib import resources

import pytest
import regex

import fundparse
from fundparse.config import load_config
from fundparse.rules.forms import expand

DOC_DATE = "2025-03-01"


def _forms() -> dict:
    with resources.files("fundparse.rules").joinpath("data/forms.toml").open("rb") as handle:
        return tomllib.load(handle)


def _examples(table, where: str = "forms"):
    """(where, row) for every `examples` list in the file, at any depth."""
    if isinstance(table, dict):
        for key, value in table.items():
            if key == "examples":
                yield from ((where, row) for row in value)
            else:
                yield from _examples(value, f"{where}.{key}")
    elif isinstance(table, list):
        for i, item in enumerate(table):
            name = item.get("name", i) if isinstance(item, dict) else i
            yield from _examples(item, f"{where}[{name}]")


EXAMPLES = list(_examples(_forms()))


def _year(y) -> str:
    return "?" if y is None else str(y)


def _read(sentence: str, expected: str):
    mentions = fundparse.extract(sentence, doc_date=DOC_DATE)
    assert mentions, f"no amount read in {sentence!r}"
    largest = max(mentions, key=lambda m: (m.value, -m.start))
    if expected.startswith("period"):
        if expected == "period none":
            return "period none" if all(m.period is None for m in mentions) else [
                (m.text, m.period.text) for m in mentions if m.period]
        p = largest.period
        return "period none" if p is None else f"period {_year(p.start)}-{_year(p.end)}/{_year(p.years)}"
    if expected == "none":
        return "none" if all(not m.splits for m in mentions) else [
            (m.text, [s.label for s in m.splits]) for m in mentions if m.splits]
    return "; ".join(f"{s.label}:{s.category}:{s.krw}" for s in largest.splits)


def test_every_form_section_has_examples():
    forms = _forms()
    assert [w for w, _ in _examples(forms["sum"])]
    for form in forms["periods"]["form"]:
        assert form.get("examples"), f"periods form {form['name']!r} has no examples"


@pytest.mark.parametrize("where, row", EXAMPLES, ids=[f"{w}:{r[:30]}" for w, r in EXAMPLES])
def test_example(where, row):
    sentence, _, expected = row.rpartition(" => ")
    assert sentence, f"{where}: an example is 'sentence => expected', not {row!r}"
    assert _read(sentence, expected.strip()) == expected.strip(), f"{where}: {sentence}"


# --- a new written form is a one-line data edit -------------------------------------------------

def _config(tmp_path, body: str):
    path = tmp_path / ".fundparse.toml"
    path.write_text(body, encoding="utf-8")
    return load_config(path)


def test_a_total_cue_added_through_the_configuration(tmp_path):
    text = "국비 30억 원과 도비 10억 원, 여기에 군비를 보태 통틀어 50억 원을 들인다."
    assert not any(m.splits for m in fundparse.extract(text))
    config = _config(tmp_path, '[forms.sum]\ntotal_cues = ["통틀어"]\n')
    (total,) = [m for m in fundparse.extract(text, config=config) if m.splits]
    assert (total.krw, [(s.label, s.krw) for s in total.splits]) == (
        5_000_000_000, [("국비", 3_000_000_000), ("도비", 1_000_000_000)])


def test_a_source_word_added_through_the_configuration_reaches_the_arithmetic(tmp_path):
    text = "총 90억 원 가운데 60억 원은 광역조정재원으로, 30억 원은 군비로 충당한다."
    plain = fundparse.extract(text)
    assert [s.label for m in plain for s in m.splits] != ["광역조정재원", "군비"]
    config = _config(tmp_path, '[sources]\n"광역조정재원" = "provincial"\n')
    (total,) = fundparse.extract(text, config=config)
    assert [(s.label, s.category, s.krw) for s in total.splits] == [
        ("광역조정재원", "provincial", 6_000_000_000), ("군비", "municipal", 3_000_000_000)]


def test_a_source_tail_added_through_the_configuration(tmp_path):
    # the package knows 민자사업비 (사업비 after a source word); a tail of the user's own too
    text = "총 90억 원 가운데 국비는 30억 원, 민자사업비는 40억 원, 도비출연분은 20억 원이다."
    plain = {s.label: s.category for m in fundparse.extract(text) for s in m.splits}
    assert plain.get("민자사업비") == "private" and plain.get("도비출연분") != "provincial"
    config = _config(tmp_path, '[tails]\nwords = ["출연분"]\n')
    (total,) = fundparse.extract(text, config=config)
    assert [(s.label, s.category) for s in total.splits] == [
        ("국비", "national"), ("민자사업비", "private"), ("도비출연분", "provincial")]


def test_a_period_form_added_through_the_configuration(tmp_path):
    text = "군은 2026년 설계를 거쳐 2028년 준공을 목표로 40억 원을 들인다."
    assert fundparse.extract(text)[0].period.start is None  # "2028년 준공": the end only
    config = _config(tmp_path, """
[[forms.periods.form]]
name = "design then completion"
rank = 3
pattern = "(?P<a>⟨Y⟩)⟨YEAR⟩\\\\s*설계를\\\\s*거쳐\\\\s*(?P<b>⟨Y⟩)⟨YEAR⟩\\\\s*⟨FINISH⟩"
examples = ["군은 2026년 설계를 거쳐 2028년 준공을 목표로 40억 원을 들인다. => period 2026-2028/3"]
""")
    p = fundparse.extract(text, config=config)[0].period
    assert (p.start, p.end, p.years) == (2026, 2028, 3)


def test_a_date_header_keyword_added_through_the_configuration(tmp_path):
    text = "게재일 2025.04.02\n\n시는 올해부터 2027년까지 30억 원을 들인다."
    config = _config(tmp_path, '[forms.dates.keys]\n"게재일" = 0\n')
    assert fundparse.extract(text, config=config)[0].period.start == 2025
    no_key = fundparse.extract("게재일 2025.04.02 발표\n\n시는 올해부터 2027년까지 30억 원을 들인다.")
    assert no_key[0].period is None or no_key[0].period.start is None


# --- the structure stage holds mechanisms only ---------------------------------------------------

def test_no_korean_literal_in_structure_code():
    """Every Korean word or pattern the structure stage reads comes from rules/data/*.toml:
    string literals in fundparse/structure/*.py (docstrings and comments aside) hold no Hangul."""
    import ast
    import re
    from pathlib import Path

    found = []
    for path in sorted((Path(fundparse.__file__).parent / "structure").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                      if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef))
                      and node.body and isinstance(node.body[0], ast.Expr)
                      and isinstance(node.body[0].value, ast.Constant)}
        found += [f"{path.name}:{node.lineno}: {node.value[:40]!r}" for node in ast.walk(tree)
                  if isinstance(node, ast.Constant) and isinstance(node.value, str)
                  and id(node) not in docstrings and re.search("[가-힣]", node.value)]
    assert not found, "Korean literals in structure code:\n" + "\n".join(found)


def test_a_funding_verb_added_through_the_configuration(tmp_path):
    text = "군은 향후 5년간 40억 원을 쏟아붓는다."
    assert fundparse.extract(text)[0].period is None  # an open period goes to money spent only
    config = _config(tmp_path, '[forms.periods]\nfunding_verbs = ["쏟아붓"]\n')
    period = fundparse.extract(text, config=config)[0].period
    assert (period.start, period.end, period.years) == (None, None, 5)


def test_a_next_sentence_needs_no_known_opener():
    """The arithmetic reads parts in the sentence after a total whatever opens it: an opener
    no table lists ("돈줄을 보면") needs no data edit at all."""
    text = "시는 이 사업에 60억 원을 들인다. 돈줄을 보면 국비 18억 원, 지방비 42억 원이다."
    found = [(s.label, s.krw) for m in fundparse.extract(text) for s in m.splits]
    assert found == [("국비", 1_800_000_000), ("지방비", 4_200_000_000)]


def test_parts_that_add_up_reach_a_total_past_a_paragraph_break():
    text = ("동해시가 78건을 발굴하고 총 2102억원 확보에 나선다.\n\n"
            "발굴된 사업의 총사업비는 8279억원 규모로, 확보 목표액은 국비 1494억원과 도비 608억원이다.")
    found = {m.text: [(s.label, s.krw) for s in m.splits] for m in fundparse.extract(text)}
    assert found == {"2102억원": [("국비", 149_400_000_000), ("도비", 60_800_000_000)],
                     "8279억원": []}


def test_a_broadcast_script_broken_a_few_words_a_line_reads_as_sentences():
    lines = ["대구시는 지난달 국토교통부 공모에 선정된", "소규모 재생사업 예산을 확정하고",
             "하반기부터 본격적으로 추진할 예정입니다.", "이번에 선정된 곳은 4곳으로",
             "국비 3억 7천만 원을 포함해 모두", "7억 4천만 원이 투입될 예정입니다.",
             "소규모 재생사업은", "주민공동체 형성 등을", "목적으로 하는 사업입니다."]
    (total,) = [m for m in fundparse.extract("\n".join(lines)) if m.splits]
    assert (total.krw, [(s.label, s.krw) for s in total.splits]) == (
        740_000_000, [("국비", 370_000_000)])
    # an outline of short items is no script: each item stays its own sentence
    outline = "\n".join(["○ 사업명 : 소규모 재생사업", "○ 사업비 : 7억 4천만 원", "○ 국비 : 3억 7천만 원",
                         "○ 위치 : 중구 성내동", "○ 기간 : 2025년", "○ 담당 : 도시재생과"])
    assert [m.text for m in fundparse.extract(outline) if m.splits] == []


def test_the_first_character_class_of_period_forms_lets_every_example_match():
    """⟨FIRST⟩ only lets a form be tried at the characters it can begin with: without it, every
    match of those forms in every example sentence of the file begins with one of them."""
    periods = _forms()["periods"]
    fragments = dict(periods["fragments"])
    first = regex.compile(fragments["FIRST"])
    fragments["FIRST"] = ""
    gated = [f for f in periods["form"] if "⟨FIRST⟩" in f["pattern"]]
    assert gated, "no period form uses ⟨FIRST⟩"
    sentences = [row.rpartition(" => ")[0] for _, row in EXAMPLES]
    for form in gated:
        pattern = regex.compile(expand(form["pattern"], fragments))
        for sentence in sentences:
            for m in pattern.finditer(sentence):
                assert first.match(sentence, m.start()), (form["name"], sentence, m.group())
