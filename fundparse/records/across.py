"""The same project across releases: group funded totals by agency and normalised project
name, and warn when a later release gives another total (FP310), another national/local split
(FP311) or another period (FP312) — unless it says the figure changed (당초 …, 증액, 변경).

``check`` over several files calls :func:`cross_release` with each document's text and
mentions; the findings belong to the later file and quote the earlier one's file and line.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import regex

from fundparse.krw import format_krw
from fundparse.model import Finding, Mention
from fundparse.records.view import source_krw
from fundparse.records.words import record_words
from fundparse.structure.sentences import Sentences

CODES = ("FP310", "FP311", "FP312")



def project_key(text: str, suffixes: Sequence[str], spaces: str | None = None) -> str:
    """"'이차전지 거점센터' 구축사업" and "이차전지 거점센터 구축" -> "이차전지거점센터"
    (``spaces``: what is left out, [across] spaces by default)."""
    key = regex.sub(spaces or record_words().data["across"]["spaces"], "", text)
    changed = True
    while changed:
        changed = False
        for suffix in sorted(suffixes, key=len, reverse=True):
            if key.endswith(suffix) and len(key) > len(suffix) + 1:
                key = key[:-len(suffix)]
                changed = True
    return key


@dataclass
class Entry:
    path: str
    order: int
    mention: Mention
    changed: bool  # the release says the figure changed

    @property
    def where(self) -> str:
        return f"{self.path}:{self.mention.line}"


def _entries(order: int, path: str, text: str, mentions: Sequence[Mention], vocab,
             suffixes) -> list[tuple[tuple[str, str], Entry]]:
    out = []
    sentences = Sentences(text)
    changed = regex.compile("|".join(regex.escape(w) for w in vocab.data["across"]["changed"]))
    for m in mentions:
        r = m.record
        if r is None or r.agency is None or r.project is None or m.krw is None:
            continue
        s_start, s_end = sentences.span(m.start)
        said = m.change is not None or changed.search(text, s_start, s_end) is not None
        # "충북 옥천군" and "옥천군" are one body
        key = (r.agency.text.split()[-1],
               project_key(r.project.text, suffixes, vocab.data["across"]["spaces"]))
        out.append((key, Entry(path, order, m, said)))
    return out


def _split_text(sources: dict[str, int], names: dict[str, str]) -> str:
    return ", ".join(f"{names.get(c, c)} {format_krw(v)}" for c, v in sorted(sources.items()))


def _national_local(m: Mention) -> dict[str, int] | None:
    """National vs everything else (도비 + 시비 = 지방비): the split compared."""
    sources = source_krw(s.to_dict() for s in m.splits)
    if not sources or "national" not in sources:
        return None
    national = sources["national"]
    return {"national": national, "local": sum(sources.values()) - national}


def _period(m: Mention) -> tuple[int | None, int | None] | None:
    p = m.period
    return None if p is None or (p.start is None and p.end is None) else (p.start, p.end)


def _clash(a, b) -> bool:
    """Two periods that disagree where both are known ("–2026" agrees with 2023–2026)."""
    return a is not None and b is not None and any(
        x is not None and y is not None and x != y for x, y in zip(a, b))


def _span_text(period: tuple[int | None, int | None]) -> str:
    return f"{period[0] or ''}–{period[1] or ''}"


def _finding(code: str, later: Entry, earlier: Entry, name: str, here: str, there: str,
             words: dict) -> Finding:
    what_ko = words["what"][code]
    what_en = {"FP310": "total", "FP311": "national/local split", "FP312": "period"}[code]
    m = later.mention
    return Finding(
        code=code, severity="warning", start=m.start, end=m.end, line=m.line, column=m.column,
        message=words["message"].format(name=name, what=what_ko, here=here,
                                        where=earlier.where, there=there),
        message_en=f"the same project ({name}) has {what_en} {here} here but {there} in "
                   f"{earlier.where}")


def cross_release(docs: Sequence[tuple[str, str, Sequence[Mention]]], config=None
                  ) -> dict[str, list[Finding]]:
    """FP310–FP312 findings per path, for documents given as (path, text, mentions)."""
    vocab = record_words(config.data if config is not None else "{}")
    suffixes = tuple(vocab.data["across"]["suffixes"])
    groups: dict[tuple[str, str], list[Entry]] = {}
    for order, (path, text, mentions) in enumerate(docs):
        for key, entry in _entries(order, path, text, mentions, vocab, suffixes):
            groups.setdefault(key, []).append(entry)
    out: dict[str, list[Finding]] = {}
    for entries in groups.values():
        orders = sorted({e.order for e in entries})
        if len(orders) < 2:
            continue
        firsts = [e for e in entries if e.order == orders[0]]
        if any(e.changed for e in firsts):
            continue
        first = firsts[0]
        for order in orders[1:]:
            later = [e for e in entries if e.order == order]
            if any(e.changed for e in later):
                continue
            for finding in _compare(first, later, vocab.data["across"]):
                out.setdefault(finding[0], []).append(finding[1])
    return out


def _compare(first: Entry, later: list[Entry], words: dict) -> list[tuple[str, Finding]]:
    """What the later release's mentions of the project contradict; a figure it states the
    same way somewhere (its total, split or period) is no contradiction."""
    a = first.mention
    b = later[0].mention
    name = f"{b.record.agency.text} · {b.record.project.text}"
    path = later[0].path
    found = []
    exact = [e for e in later if not (e.mention.approximate or e.mention.range
                                      or e.mention.bound) and e.mention.currency == a.currency]
    if not (a.approximate or a.range or a.bound) and exact and not any(
            e.mention.krw == a.krw for e in later):
        e = exact[0]
        found.append(_finding("FP310", e, first, name, format_krw(e.mention.krw),
                              format_krw(a.krw), words))
    same_total = [e for e in later if e.mention.krw == a.krw]
    sa = _national_local(a)
    splits = [(e, _national_local(e.mention)) for e in same_total]
    splits = [(e, sb) for e, sb in splits if sb is not None]
    if sa is not None and splits and not any(sb == sa for _, sb in splits):
        e, sb = splits[0]
        found.append(_finding("FP311", e, first, name, _split_text(sb, words["sources"]),
                              _split_text(sa, words["sources"]), words))
    pa = _period(a)
    periods = [(e, _period(e.mention)) for e in later]
    periods = [(e, pb) for e, pb in periods if pb is not None]
    clash = [(e, pb) for e, pb in periods if _clash(pa, pb)]
    if pa is not None and clash and len(clash) == len(periods):
        e, pb = clash[0]
        found.append(_finding("FP312", e, first, name, _span_text(pb), _span_text(pa),
                              words))
    return [(path, f) for f in found]
