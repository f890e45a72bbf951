"""Sorting and filtering mentions before any format (fundparse.report.select), on real
extract output: the seed-like texts and corpus documents."""

from __future__ import annotations

from pathlib import Path

import pytest

import fundparse
from fundparse.cli.args import parse_krw
from fundparse.report.select import Selection, SelectionError

CORPUS = Path(__file__).resolve().parent.parent / "corpus" / "docs"
TEXTS = {
    "b-seed.txt": "구미시는 2023년부터 2026년까지 4년간 총사업비 281억 원(국비 121, 지방비 160)을 "
                  "투입한다. 운영비로 연간 5억 원이 든다.",
    "a-nested.txt": "총사업비 61억 원(국비 30억6,000만원, 지방비 30억4,000만원(도비 9억1,200만원·시비 "
                    "21억2,800만원))을 들여 도서관을 짓는다. 국비 50억 원을 확보했다.",
    "c-foreign.txt": "미화 1,250만 달러를 투자한다. 총 사업비 3억 원.",
}
CORPUS_DOCS = ["inconsistent/inconsistent-01.txt", "national/national-03.txt",
               "budgetbook/budgetbook-01.txt", "foreign/foreign-02.txt", "local/local-01.txt"]


def pairs(texts: dict[str, str]) -> list[tuple[str, fundparse.Mention]]:
    return [(path, m) for path, text in texts.items() for m in fundparse.extract(text)]


def corpus_pairs() -> list[tuple[str, fundparse.Mention]]:
    return pairs({name: (CORPUS / name).read_text(encoding="utf-8") for name in CORPUS_DOCS})


def texts_of(selected) -> list[tuple[str, str]]:
    return [(path, m.text) for path, m in selected]


def test_nothing_asked_keeps_everything_in_order():
    everything = pairs(TEXTS)
    assert Selection().apply(everything) == everything
    assert Selection(sort="position").apply(everything) == everything


def test_min_krw():
    got = Selection(min_krw=parse_krw("10억")).apply(pairs(TEXTS))
    assert texts_of(got) == [("b-seed.txt", "281억 원"), ("a-nested.txt", "61억 원"),
                             ("a-nested.txt", "50억 원")]
    # a foreign amount without a rate has no KRW: never kept by --min-krw
    assert all(m.currency == "KRW" for _, m in Selection(min_krw=0).apply(pairs(TEXTS)))
    assert parse_krw("1,000,000,000") == parse_krw("10억 원") == 1_000_000_000


def test_category_looks_into_nested_parts_and_source_labels():
    assert texts_of(Selection(categories=("provincial",)).apply(pairs(TEXTS))) == [
        ("a-nested.txt", "61억 원")]  # 도비 is inside 지방비
    national = texts_of(Selection(categories=("national",)).apply(pairs(TEXTS)))
    assert national == [("b-seed.txt", "281억 원"), ("a-nested.txt", "61억 원"),
                        ("a-nested.txt", "50억 원")]  # the last is 국비 50억 원 standing alone
    assert Selection(categories=("private",)).apply(pairs(TEXTS)) == []


def test_label_and_has_splits():
    assert texts_of(Selection(labels=("총 사업비",)).apply(pairs(TEXTS))) == [  # spaces ignored
        ("b-seed.txt", "281억 원"), ("a-nested.txt", "61억 원")]
    assert texts_of(Selection(labels=("사업비", "운영비")).apply(pairs(TEXTS))) == [
        ("b-seed.txt", "281억 원"), ("b-seed.txt", "5억 원"), ("a-nested.txt", "61억 원"),
        ("c-foreign.txt", "3억 원")]
    everything = pairs(TEXTS)
    with_parts = Selection(has_splits=True).apply(everything)
    without = Selection(has_splits=False).apply(everything)
    assert all(m.splits for _, m in with_parts) and not any(m.splits for _, m in without)
    assert len(with_parts) + len(without) == len(everything)
    both = Selection(has_splits=True, labels=("총사업비",), min_krw=100 * 10 ** 8)
    assert texts_of(both.apply(everything)) == [("b-seed.txt", "281억 원")]


def test_sorts_on_corpus_documents():
    everything = corpus_pairs()
    assert len(everything) > 30
    by_krw = Selection(sort="krw").apply(everything)
    assert sorted(id(m) for _, m in by_krw) == sorted(id(m) for _, m in everything)  # same ones
    amounts = [m.krw for _, m in by_krw]
    known = [a for a in amounts if a is not None]
    assert known == sorted(known, reverse=True) and amounts[:len(known)] == known  # None last
    by_file = Selection(sort="file").apply(list(reversed(everything)))
    assert [p for p, _ in by_file] == sorted(p for p, _ in everything)
    for path in CORPUS_DOCS:
        starts = [m.start for p, m in by_file if p == path]
        assert starts == sorted(starts)
    shuffled = list(reversed(everything))
    by_position = Selection(sort="position").apply(shuffled)
    files = list(dict.fromkeys(p for p, _ in shuffled))
    assert [p for p, _ in by_position] == sorted((p for p, _ in shuffled), key=files.index)
    assert [m.start for p, m in by_position if p == CORPUS_DOCS[0]] == sorted(
        m.start for p, m in everything if p == CORPUS_DOCS[0])


def test_filters_on_corpus_documents_keep_exactly_what_matches():
    everything = corpus_pairs()
    big = Selection(min_krw=10 ** 12, sort="krw").apply(everything)
    assert big and all(m.krw >= 10 ** 12 for _, m in big)
    assert len(big) == sum(1 for _, m in everything if m.krw is not None and m.krw >= 10 ** 12)
    local = Selection(categories=("local",), has_splits=True).apply(everything)
    assert local and all(any(s.category == "local" for s in m.splits) or
                         any(t.category == "local" for s in m.splits for t in s.splits)
                         for _, m in local)


@pytest.mark.parametrize("make, words", [
    (lambda: Selection(sort="size"), "--sort takes one of krw, position, file"),
    (lambda: Selection(categories=("nation",)), "--category: unknown category 'nation'"),
    (lambda: parse_krw("많이"), "--min-krw: '많이' is not an amount in won"),
    (lambda: parse_krw("5달러"), "--min-krw takes an amount in won"),
])
def test_bad_selection_is_one_clear_line(make, words):
    with pytest.raises(SelectionError) as caught:
        make()
    assert words in str(caught.value) and "\n" not in str(caught.value)
