"""The examples written beside the rules in fundparse/rules/data/records.toml, run as tests.

Each row of an ``examples`` list (or ``examples_…``, one per family of rules in a table) is
"sentence => amount | field value; field value …": the funded total written as
``amount`` (its first mention) must carry each named field (agency, project, region) with that
text, or ``none`` for no value.  The file is the specification of the records rules.
"""

from __future__ import annotations

import tomllib
from importlib import resources

import pytest

import fundparse


def _records() -> dict:
    with resources.files("fundparse.rules").joinpath("data/records.toml").open("rb") as handle:
        return tomllib.load(handle)


def _examples(table, where: str = "records"):
    if isinstance(table, dict):
        for key, value in table.items():
            if key == "examples" or key.startswith("examples_"):
                yield from ((where, row) for row in value)
            else:
                yield from _examples(value, f"{where}.{key}")


EXAMPLES = list(_examples(_records()))


def _parse(row: str) -> tuple[str, str, dict[str, str | None]]:
    sentence, expected = row.rsplit(" => ", 1)
    amount, _, fields = expected.partition(" | ")
    want = {}
    for item in fields.split(";"):
        name, _, value = item.strip().partition(" ")
        assert name in ("agency", "project", "region"), f"unknown field {name!r} in {row!r}"
        want[name] = None if value == "none" else value
    return sentence, amount.strip(), want


def test_every_rule_table_with_examples_is_read():
    assert len(EXAMPLES) >= 5
    assert all(_parse(row)[2] for _, row in EXAMPLES)


@pytest.mark.parametrize(("where", "row"), EXAMPLES, ids=[f"{w}:{i}" for i, (w, _) in
                                                         enumerate(EXAMPLES)])
def test_example(where, row):
    sentence, amount, want = _parse(row)
    mention = next((m for m in fundparse.extract(sentence) if m.text == amount), None)
    assert mention is not None, f"{amount!r} not read in {sentence!r}"
    assert mention.record is not None, f"{amount!r} is not a funded total"
    got = {name: getattr(getattr(mention.record, name), "text", None) for name in want}
    assert got == want, f"[{where}] {sentence}"
