"""What an amount is for: its label noun ("총사업비 281억 원") and budget year ("2025년 예산")."""

from __future__ import annotations

import datetime as dt

from fundparse.rules.markers import MarkerPatterns, read_prefixes
from fundparse.rules.forms import label_forms
from fundparse.rules.tables import DOTS, Tables, load_tables


def _chain_start(text: str, start: int, markers: MarkerPatterns, known: int) -> int:
    """Where the markers before an amount begin (known from the engine, or read now)."""
    return known if known >= 0 else read_prefixes(text, start, markers)[0]


def label_before(text: str, start: int, words: Tables, markers: MarkerPatterns,
                 chain_start: int = -1) -> str | None:
    """The money noun right before an amount (past markers and particles), if any."""
    chain_start = _chain_start(text, start, markers, chain_start)
    forms = label_forms(words)
    m = forms.word_before.match(text, max(0, chain_start - 20), chain_start)
    if m is None:
        return None
    word = m.group("word")
    if len(word) == 1:  # a letter-spaced field name in a release's outline: "사 업 비 : 281억원"
        spaced = forms.spaced_word.match(text, max(0, chain_start - 20), chain_start)
        if spaced is not None:
            word = spaced.group("word").replace(" ", "")
    labels = words.money_words["labels"]
    suffixes = words.money_words["label_suffixes"]
    candidates = [word]
    last = word[max(word.rfind(dot) for dot in DOTS) + 1:].strip()
    if last != word and len(last) >= 2:  # "3억ㆍ총사업비 200억원": the label after the dot
        word = last
        candidates.append(word)
    for particle in forms.particles:
        if word.endswith(particle) and len(word) > len(particle):
            candidates.append(word[: -len(particle)])
    for candidate in candidates:
        # a source word names money only as a fund (국비, 시비), not as an actor (정부가, 기업이)
        if candidate in labels or words.category(candidate) and candidate.endswith(forms.fund_endings):
            return candidate
    not_labels = words.money_words.get("not_labels", [])
    for candidate in candidates:
        if (len(candidate) >= 2 and any(candidate.endswith(s) for s in suffixes)
                and candidate not in not_labels):
            return candidate
    return None


def fiscal_year_before(text: str, start: int, doc_date: dt.date | None,
                       markers: MarkerPatterns, chain_start: int = -1) -> int | None:
    """The budget year tying an amount to a budget: "2025년 예산 300억 원" -> 2025."""
    chain_start = _chain_start(text, start, markers, chain_start)
    forms = label_forms(load_tables())  # the packaged tables: callers pass no configuration
    return _year_of(forms.fiscal.search(text, max(0, chain_start - 30), chain_start), doc_date, forms)


def fiscal_year_after(text: str, end: int, doc_date: dt.date | None) -> int | None:
    """The budget an amount is put in, written after it: "9억 여 원을 내년 예산에 편성" ->
    the document's year + 1."""
    forms = label_forms(load_tables())
    return _year_of(forms.fiscal_after.match(text, end), doc_date, forms)


def _year_of(m, doc_date: dt.date | None, forms) -> int | None:
    """The year a match's group y names, relative ones (내년) from the document's date."""
    if m is None:
        return None
    year = m.group("y")
    if year in forms.relative:
        return None if doc_date is None else doc_date.year + forms.relative[year]
    return int(year)
