"""Figures the split reader leaves apart from their total, checked against it.

* **Sources in the next sentence** (FP101, FP103).  A total with no parts of its own, and in
  the sentence after it only amounts each labelled with a funding source: "총사업비 80억 원을
  들여 … . 필요한 재원은 국비 56억 원과 군비 26억 원으로 마련한다."  When that sentence says
  it is the whole funding (재원은 … 마련한다) the sources must add up to the total (FP101);
  otherwise they may be some of it, and are wrong only when they exceed it (FP103).
* **A breakdown in the next sentence** (FP103).  A total (총/모두 before it, or a total's
  label), then a sentence that breaks it down — it opens with a cue (시군별로는, 주요 사업은)
  or its list ends with 등 — whose items alone exceed it: "모두 450억 원을 지원한다. 시군별로는
  창원 120억 원, 김해 95억 원, … 등이다."
* **Shares in a sentence of their own** (FP102).  Percentages listed where the sentence says
  who bears them (부담, 분담, 재원): "비용은 국비 20%, 군비 30%, 한전과 통신사가 60%를 각각
  부담한다", a box line "○ 재원분담 : 국비 70%, 도비 9%, 시비 20%", or shares beside the
  amounts ("국비 25억 원·50%, …로 분담한다"); two or more of them named by a funding source,
  and nothing in the sentence saying the list is partial (나머지) or a change (증가).

Amounts of a yearly plan are plans.py's; totals that have parts are checked by check_split.
Words and patterns: ``[listed]`` in rules/data/checks.toml.
"""

from __future__ import annotations

import bisect
from decimal import Decimal

from fundparse.checks.words import Place, money, pattern, say, section, word_set
from fundparse.checks.plans import precision
from fundparse.structure.units import TableAmount

_TOTAL_LABELS = word_set("listed", "total_labels")
_TOTAL_CUE = pattern("listed", "total_cue")
_WHOLE = pattern("listed", "whole")
_BREAKDOWN = pattern("listed", "breakdown")
_ETC = pattern("listed", "etc")
_YEAR_KEY = pattern("plans", "year_key")
_SHARE = pattern("listed", "share")
_SHARE_CUE = pattern("listed", "share_cue")
_NOT_WHOLE = pattern("listed", "not_whole")
_WORD = pattern("listed", "word")
_PARTICLE = pattern("listed", "particle")
_ROUNDED_SHARES = {Decimal(v) for v in section("listed")["rounded_shares"]}


def share_slack(percents: list[Decimal], precisions: list[Decimal]) -> Decimal:
    """How far shares may miss 100% (as a fraction of the whole): whole percentages are exact
    ratios (국비 70%, 도비 9%, 시비 21%), decimals allow their rounding (``precisions``, as
    fractions), and a third written as 33% a point."""
    allowed = sum((q for pct, q in zip(percents, precisions) if pct % 1), Decimal(0))
    if any(pct in _ROUNDED_SHARES for pct in percents):
        allowed += Decimal("0.01")
    return allowed


def _plain(a) -> bool:
    return not (a.approximate or a.bound or a.high is not None or a.per or a.change)


def _category(label: str | None) -> str | None:
    if not label:
        return None
    from fundparse.rules.tables import load_tables

    return load_tables().category(label)


def _next_sentence(text: str, sentences, end: int) -> tuple[int, int] | None:
    pos = end
    while pos < len(text) and text[pos] in " \t\r\n\u00a0":
        pos += 1
    if pos >= len(text):
        return None
    return sentences.span(pos)


def _is_total(text: str, fact, s_start: int) -> bool:
    a = fact.amount
    if isinstance(a, TableAmount) or not _plain(a) or fact.split is not None:
        return False
    if fact.label and fact.label.replace(" ", "") in _TOTAL_LABELS:
        return True
    return _TOTAL_CUE.search(text, max(s_start, a.start - 8), a.start) is not None


def check_listed(maker, text: str, facts, sentences) -> list:
    findings = _next_sentence_lists(maker, text, facts, sentences)
    findings.extend(_share_lists(maker, text, facts, sentences))
    return findings


def _next_sentence_lists(maker, text: str, facts, sentences) -> list:
    out = []
    plain = sorted((f for f in facts if not isinstance(f.amount, TableAmount)),
                   key=lambda f: f.amount.start)
    starts = [f.amount.start for f in plain]

    def within(lo: int, hi: int) -> list:
        return plain[bisect.bisect_left(starts, lo):bisect.bisect_left(starts, hi)]

    for fact in plain:
        a = fact.amount
        s_start, s_end = sentences.span(a.start)
        if not _is_total(text, fact, s_start):
            continue
        if any(g is not fact and g.split is None and _category(g.label)
               for g in within(s_start, s_end)):
            continue  # sources beside it in its own sentence: the split reader's to read
        following = _next_sentence(text, sentences, s_end)
        if following is None:
            continue
        lo, hi = following
        items = [g for g in within(lo, hi) if g.amount.start > a.start]
        if len(items) < 2 or any(g.split is not None or not _plain(g.amount)
                                 or g.amount.currency != a.currency
                                 or g.amount.value >= a.value for g in items):
            continue
        if any(_YEAR_KEY.search(text, max(lo, g.amount.start - 16), g.amount.start)
               for g in items):
            continue  # a yearly plan: plans.py
        sources = all(_category(g.label) for g in items)
        whole = sources and _WHOLE.search(text, lo, hi) is not None
        broken_down = (_BREAKDOWN.match(text, lo) is not None
                       or _ETC.match(text, items[-1].amount.end) is not None)
        if not (sources or broken_down):
            continue
        total = sum((g.amount.value for g in items), Decimal(0))
        allowed = sum((precision(g.amount, text) for g in items), precision(a, text))
        listing = " + ".join(text[g.amount.start:g.amount.end] if not g.label or not sources
                             else f"{g.label} {text[g.amount.start:g.amount.end]}" for g in items)
        sum_text, total_text = money(total, a.currency), money(a.value, a.currency)
        place = Place(a.start, a.end)
        if whole and abs(total - a.value) > allowed:
            out.append(maker.make(
                "FP101", place, say("split_sum", sum=sum_text, listing=listing, total=total_text),
                f"parts add up to {sum_text} ({listing}), not the total {total_text}"))
        elif total - a.value > allowed:
            out.append(maker.make(
                "FP103", place,
                say("split_partial", sum=sum_text, listing=listing, total=total_text),
                f"listed parts add up to {sum_text} ({listing}), more than the total "
                f"{total_text}"))
    return out


def _named_by_source(segment: str) -> str | None:
    for word in _WORD.findall(segment):
        stem = _PARTICLE.sub("", word) or word
        if _category(stem):
            return stem
    return None


def _share_lists(maker, text: str, facts, sentences) -> list:
    if "%" not in text and "％" not in text:
        return []
    out = []
    done: set[tuple[int, int]] = set()
    ordered = sorted(facts, key=lambda f: f.amount.start)
    starts = [f.amount.start for f in ordered]

    def facts_in(lo: int, hi: int) -> list:
        return ordered[bisect.bisect_left(starts, lo):bisect.bisect_left(starts, hi)]

    for first in _SHARE.finditer(text):
        span = sentences.span(first.start())
        if span in done:
            continue
        done.add(span)
        lo, hi = span
        if not _SHARE_CUE.search(text, lo, hi) or _NOT_WHOLE.search(text, lo, hi):
            continue
        if any(f.split is not None and any(p.share is not None for p in f.split.parts)
               for f in facts_in(lo, hi)):
            continue  # shares the split reader took: check_split's
        for group in _share_groups(text, lo, hi):
            finding = _check_shares(maker, group)
            if finding is not None:
                out.append(finding)
    return out


def _depths(text: str, lo: int, hi: int) -> list[int]:
    depth, out = 0, []
    for ch in text[lo:hi]:
        if ch in "(（[":
            depth += 1
        out.append(depth)
        if ch in ")）]" and depth:
            depth -= 1
    return out


def _share_groups(text: str, lo: int, hi: int) -> list[list[tuple[object, str | None]]]:
    """The lists of shares of one sentence: (match, source named before it) at the outermost
    bracket depth that holds shares (a note such as "(연리 3%)" is not a share), a new list
    starting where a source comes again ("국비 75%, 지방비 25%이며 … 국비 60%, 지방비 40%")."""
    depths = _depths(text, lo, hi)
    found = [m for m in _SHARE.finditer(text, lo, hi)]
    if not found:
        return []
    outer = min(depths[m.start() - lo] for m in found)
    groups: list[list[tuple[object, str | None]]] = [[]]
    previous = lo
    for m in found:
        if depths[m.start() - lo] != outer:
            continue
        source = _named_by_source(_outside(text, previous, m.start(), depths, lo, outer))
        previous = m.end()
        if source is not None and any(source == seen for _, seen in groups[-1]):
            groups.append([])
        groups[-1].append((m, source))
    return [g for g in groups if g]


def _outside(text: str, start: int, end: int, depths: list[int], lo: int, outer: int) -> str:
    """``text[start:end]`` without what is inside deeper brackets."""
    return "".join(ch for i, ch in enumerate(text[start:end], start)
                   if depths[i - lo] <= outer)


def _check_shares(maker, group):
    if len(group) < 2 or sum(source is not None for _, source in group) < 2:
        return None
    values = [Decimal(m.group("n")) for m, _ in group]
    if any(v >= 100 for v in values):
        return None  # "설계비 100%, 건설비 50%": rates of costs, not shares of a whole
    allowed = share_slack(values, [Decimal(5) / 10 ** (len(m.group("frac") or "") + 3)
                                   for m, _ in group])
    pct = sum(values, Decimal(0))
    if abs(pct / 100 - 1) <= allowed:
        return None
    shown = ", ".join(f"{source or ''} {m.group('n')}%".strip() for m, source in group)
    pct_text = format(pct.normalize(), "f")
    return maker.make(
        "FP102", Place(group[0][0].start(), group[-1][0].end()),
        say("split_shares", pct=pct_text, listing=shown),
        f"shares add up to {pct_text}%, not 100% ({shown})")


__all__ = ["check_listed", "share_slack"]
