"""FP301 / FP302: one project's total stated twice with different values.

Mentions are the amounts labelled 총사업비 (총투자비, 총예산, 총공사비) in the text, and the
cells of a table under such a column header.  Two mentions are about one project when the
words before their labels share a word, or one of them names no project (only a place, an
office or a speaker: "청주시는", "해수부", "시 관계자는"), unless both name places and they
differ (경기도, 강원도).  Two in one sentence are never compared.  They are compared when
the values are close (within 35%: a mistyped figure) or when one is a digit permutation of
the other (340억 / 304억, 1조 2,468억 / 1조 2,648억) — for a permutation a 사업비 or 예산
counts too, unless the two are of different budget years.  Two phases (1차 / 2차 사업,
1단계 / 2단계) are two projects.  When the funding parts of one
mention add up to one of the two values, the other is the wrong one: FP302, an error.
"""

from __future__ import annotations

import bisect
from decimal import Decimal

from fundparse import patterns
from fundparse.checks.words import Place, money, pattern, say, section, word_set
from fundparse.checks.plans import has_table, precision, table_blocks

TOTAL_LABELS = word_set("drift", "total_labels")
_STRONG = {label.replace(" ", "") for label in TOTAL_LABELS}
_WEAK = word_set("drift", "weak_labels")  # compared only as a permutation of a strong or weak mention
_WHOLE = section("drift")["whole_label"]
_TOTAL_PREFIX = section("drift")["total_prefix"]
_BULLETS = pattern("drift", "bullets")
_WORD = pattern("drift", "word")
_PARTICLE = pattern("drift", "particle")
# Words that do not name a project ("시는 총사업비 …", "이번 사업의 총사업비는 …")
_NOT_PROJECT = word_set("drift", "not_project")
# people who speak (a spokesperson, a mayor) and offices (the ministry of the release, often
# abbreviated: 해양수산부, 해수부): they say nothing about which project
_SPEAKER = pattern("drift", "speaker")
# places: two mentions naming different ones are two projects (경기도, 강원도)
_PLACE = pattern("drift", "place")
_DIGIT = patterns.compile(r"\d")
_TOTAL_AFTER_LABEL = pattern("drift", "total_after_label")
_OBJECT = pattern("drift", "object")
_PROJECT_NAME = pattern("drift", "project_name")
_SPENT_AFTER = pattern("drift", "spent_after")
_TOTAL_CUE = pattern("drift", "total_cue")
_FIRST_LINE = patterns.compile(r"[^\n]*\S[^\n]*")
_YEAR_WORD = pattern("drift", "year_word")
_ON_PURPOSE = pattern("drift", "on_purpose")
_PHASE = pattern("drift", "phase")


class _Mention:
    __slots__ = ("label", "strong", "project", "amount", "fact", "sentence", "definite", "phase",
                 "_digits")

    def __init__(self, label, project, fact, sentence, definite, phase=None):
        self.label = label
        self.strong = label.replace(" ", "") in _STRONG
        self.project = project
        self.fact = fact
        self.amount = fact.amount
        self.sentence = sentence
        self.definite = definite
        self.phase = phase
        self._digits = None

    def digits(self) -> str:
        """The amount's digits, sorted (worked out once: a mention meets up to 64 others)."""
        if self._digits is None:
            self._digits = _digits(self.amount.value)
        return self._digits


def _project(words: list[str]) -> tuple[frozenset[str], frozenset[str]]:
    """(project words, place and office words) of the clause before a label."""
    project, places = set(), set()
    for word in words:
        if word in _NOT_PROJECT:
            continue
        stem = _PARTICLE.sub("", word) or word
        if (stem in _NOT_PROJECT or _SPEAKER.search(stem) or len(stem) < 2
                or _DIGIT.search(stem)):  # "3억원": a figure names no project
            continue
        (places if _PLACE.search(stem) else project).add(stem)
    return frozenset(project), frozenset(places)


def _one_project(first, second) -> bool:
    """Project words decide when both mentions have some; else places, when both name one;
    else what each sentence builds, when both say ("… 들여 도서관을 짓는다"); else nothing
    tells them apart."""
    (p1, w1, o1), (p2, w2, o2) = first, second
    if p1 and p2:
        return bool(p1 & p2)
    if w1 and w2:
        return bool(w1 & w2)
    if not p1 and not p2 and o1 and o2:
        return bool(o1 & o2)
    return True


def _objects(text: str, end: int, sentence_end: int) -> frozenset[str]:
    """The things a sentence goes on to build with the amount: "을 들여 도서관을 짓는다"."""
    tail = text[end:min(sentence_end, end + 40)]
    return frozenset(m.group(1) for m in _OBJECT.finditer(tail)
                     if m.group(1) not in _NOT_PROJECT and not _DIGIT.search(m.group(1)))


def _named(text: str, start: int) -> frozenset[str]:
    """The 사업명 of a box ("○ 사업명: 도서관 건립") in the lines just before ``start``."""
    found = None
    for m in _PROJECT_NAME.finditer(text, max(0, start - 200), start):
        found = m
    if found is None:
        return frozenset()
    return _project(_WORD.findall(found.group("name")))[0]


def _unqualified(a) -> bool:
    """An amount stated as it is: no 약, cap, range, rate or change."""
    return not (a.approximate or a.bound or a.high is not None or a.per or a.change)


def mentions(text: str, facts, sentences) -> list[_Mention]:
    """Every statement of a project's total, in text order."""
    out = []
    headers = _table_headers(text, facts)
    first = _FIRST_LINE.search(text)
    title_end = first.end() if first else 0
    for fact in facts:
        a = fact.amount
        s_start, s_end = sentences.span(a.start)
        labelled = fact.label in TOTAL_LABELS or fact.label in _WEAK
        whole = not labelled and fact.label is None and _SPENT_AFTER.match(text, a.end) and (
            _TOTAL_CUE.search(text, max(s_start, a.start - 8), a.start) or a.start < title_end)
        if not (labelled or whole or id(a) in headers):
            continue  # most amounts: no clause to read
        before = text[max(s_start, a.start - 60):a.start]
        clause = _BULLETS.split(before)[-1]
        listed = "▲" in before or "△" in before  # an item of a list of projects
        if labelled:
            mention = _labelled(text, fact, clause, listed, s_end)
        elif whole:
            # "총 340억 원을 들여 …", a title's "340억 들여 …": the project's whole
            words, places = _project(_WORD.findall(clause))
            mention = (_WHOLE, (words, places, _objects(text, a.end, s_end)),
                       _unqualified(a) and not listed)
        else:  # a cell under a 총사업비 column
            label, row_words = headers[id(a)]
            mention = (label, (*_project(row_words), frozenset()), _unqualified(a))
        if mention is not None:
            label, project, definite = mention
            out.append(_Mention(label, project, fact, s_start, definite,
                                _phase(text, clause, a.end, s_end)))
    return out


def _phase(text: str, clause: str, end: int, sentence_end: int) -> str | None:
    """The phase a mention is of ("2차 사업은 총사업비 …", "총사업비 30억 원 규모의 1차 …"):
    the last one named in the clause before it, else the first right after it."""
    found = list(_PHASE.finditer(clause))
    if found:
        return found[-1].group("n") + found[-1].group("kind")
    limit = min(sentence_end, end + 16)
    # a few characters past the window: the pattern's lookahead ("4차로" is no phase) sees them
    after = _PHASE.search(text, end, min(len(text), limit + 8))
    if after is None or after.start() >= limit:
        return None
    return after.group("n") + after.group("kind")


def _labelled(text: str, fact, clause: str, listed: bool, s_end: int):
    """(label, project, definite) of an amount labelled 총사업비, 사업비 or 예산, or None."""
    a = fact.amount
    if _ON_PURPOSE.search(clause.rstrip().removesuffix(fact.label).rstrip()):
        return None  # "당초 총사업비 …", "변경 전 총사업비 …"
    if fact.label in _WEAK and _YEAR_WORD.search(clause):
        return None  # "올해 예산", "2025년 사업비": budgets of a year, not the total
    # "하수도 3억원(총사업비 97억원)": a year's figure with its project's total, an item of a
    # list; a box line ("○ 총사업비: 520억 원") or "신청사 건립(총사업비 340억 원)" is the
    # project's own
    paren = clause.rfind("(")
    in_list = listed or paren >= len(clause) - 12 and _DIGIT.search(clause, 0, paren) is not None
    label = fact.label
    if label in _WEAK and _TOTAL_AFTER_LABEL.search(clause):
        label = _TOTAL_PREFIX + label  # "사업비 총 340억 원", "사업비는 총 …": the whole
    words, places = _project(_WORD.findall(clause))
    if not words and clause.strip() in (fact.label, fact.label + ":", fact.label + "："):
        words = _named(text, a.start)  # a box line: "○ 총사업비: 120억 원"
    return label, (words, places, _objects(text, a.end, s_end)), _unqualified(a) and not in_list


def _table_headers(text: str, facts) -> dict[int, tuple[str, list[str]]]:
    """The amount in a table's one row under a 총사업비 column: (label, the row's first-cell
    words).  A table of several projects is a list: none of its rows is compared."""
    if not has_table(text):
        return {}
    ordered = sorted((f.amount for f in facts), key=lambda a: a.start)
    starts = [a.start for a in ordered]
    out: dict[int, tuple[str, list[str]]] = {}
    for block in table_blocks(text):
        header = block[0]
        labels = {j: text[s:e].strip() for j, (s, e) in enumerate(header)
                  if text[s:e].strip().replace(" ", "") in _STRONG}
        if not labels:
            continue
        found: dict[int, tuple[object, str, list[str]]] = {}
        for row in block[1:]:
            if len(row) != len(header):
                continue
            first = text[row[0][0]:row[0][1]]
            for j, label in labels.items():
                lo, hi = row[j]
                inside = ordered[bisect.bisect_left(starts, lo):bisect.bisect_left(starts, hi)]
                if len(inside) == 1:
                    if j in found:
                        found[j] = None  # a table of several projects: no row is the text's
                    else:
                        found[j] = (inside[0], label, _WORD.findall(first))
        for entry in found.values():
            if entry is not None:
                amount, label, words = entry
                out[id(amount)] = (label, words)
    return out


def _digits(value: Decimal) -> str:
    return "".join(sorted(ch for ch in format(value.normalize(), "f") if ch.isdigit()))


def _permutation(first: _Mention, second: _Mention) -> bool:
    """The same digits in another order (340 / 304, 1조 2,468억 / 1조 2,648억), with at least
    three that are not zero (12 / 21 happen by chance)."""
    digits = first.digits()
    return (first.amount.value != second.amount.value and digits == second.digits()
            and len(digits.replace("0", "")) >= 3)


def _split_sum(fact, text: str) -> Decimal | None:
    """The sum of a mention's own funding parts when they are the whole of it."""
    split = fact.split
    if split is None or split.partial or len(split.parts) < 2:
        return None
    parts = split.parts
    if any(p.value is None or p.share is not None or p.currency != fact.amount.currency
           for p in parts):
        return None
    return sum((p.value for p in parts), Decimal(0))


def _supported(fact, value: Decimal, text: str) -> bool:
    parts_sum = _split_sum(fact, text)
    if parts_sum is None:
        return False
    allowed = sum((getattr(p, "precision", Decimal(0)) for p in fact.split.parts),
                  precision(fact.amount, text))
    return abs(parts_sum - value) <= allowed


def check_totals(maker, text: str, facts, sentences) -> list:
    found = mentions(text, facts, sentences)
    findings = []
    seen: list[_Mention] = []
    for m in found:
        if not m.definite:
            continue
        for other in seen[-64:]:
            finding = _compare(maker, text, other, m)
            if finding is not None:
                findings.append(finding)
                break
        seen.append(m)
    return findings


def _compare(maker, text: str, first: _Mention, second: _Mention):
    a, b = first.amount, second.amount
    if a.currency != b.currency or a.value == b.value or first.sentence == second.sentence:
        return None
    # the digits are compared only when the labels and the values' distance leave it open
    if first.strong and second.strong:
        if first.label.replace(" ", "") != second.label.replace(" ", ""):
            return None
        close = abs(a.value - b.value) <= Decimal("0.35") * max(a.value, b.value)
        if not (close or _permutation(first, second)):
            return None
    elif not _permutation(first, second):
        return None
    years = {first.fact.fiscal_year, second.fact.fiscal_year} - {None}
    if years and (len(years) > 1 or first.fact.fiscal_year != second.fact.fiscal_year):
        return None
    if not _one_project(first.project, second.project):
        return None
    if first.phase and second.phase and first.phase != second.phase:
        return None  # "1차 사업" and "2차 사업": two projects
    label = second.label if second.strong or not first.strong else first.label
    one, two = money(a.value, a.currency), money(b.value, b.currency)
    ko = say("total_twice", label=label, one=one, two=two)
    en = f"{label} is given as both {one} and {two}"
    for holder, right, wrong in ((first, a, second), (second, b, first),
                                 (first, b, first), (second, a, second)):
        if _supported(holder.fact, right.value, text) and wrong.amount is not right:
            good = money(right.value, right.currency)
            listing = " + ".join(p.text or p.label for p in holder.fact.split.parts)
            return maker.make(
                "FP302", Place(wrong.amount.start, wrong.amount.end),
                say("total_supported", twice=ko, listing=listing, good=good),
                f"{en}: the funding parts ({listing}) add up to {good}")
    return maker.make("FP301", Place(b.start, b.end), ko, en)
