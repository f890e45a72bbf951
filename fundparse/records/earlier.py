"""Looking back: the project and the place named before a sentence — in its paragraph, or
within ``refer_chars`` whatever the paragraphs ("이 센터는", "이번 사업은", "사업비는 …")."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from fundparse import patterns
from fundparse.records.shared import SPACE, Found, NearOffsets, Offsets, Reader
from fundparse.rules.forms import alternation as _alternation

_RE_SPACE = patterns.compile_re(r"\s")  # (the standard library's, as region_hint is compiled)


@lru_cache(maxsize=16)
def _region_boundary(after: tuple[str, ...]) -> re.Pattern:
    """A space that neither another space nor one of ``after`` follows."""
    return patterns.compile_re(rf"\s(?!\s|{_alternation(after)})")


class EarlierFinder(Reader):
    def _earlier_caches(self) -> None:
        self._earlier_cache: dict[tuple[int, bool, str], tuple[Found | None, list[Found]]] = {}
        self._region_cache: dict[tuple[int, bool], list[Found]] = {}
        self._nearest_cache: dict[int, tuple[Found, int] | None] = {}
        self._topic_cache: dict[tuple[int, int], bool] = {}  # a stretch may name a topic
        # (lo, hi, head) -> what a look-back reads of that sentence (``_read_back``)
        self._back_cache: dict[tuple[int, int, str], tuple[list[Found], list[Found]] | None] = {}
        # where a project or a place may be named: found as far as the amounts go, forgotten
        # behind them
        # (project_hint is a list of words: read only near the amounts when none holds a space)
        hinted = (self.w.project["heads"] + self.w.project["actions"]
                  + [pair[0] for pair in self.w.project["quotes"]])
        self._project_hints = (Offsets(self.w.project_hint, self.text)
                               if any(SPACE.search(w) or not w for w in hinted)
                               or self.w.project_hint.match("") is not None
                               else NearOffsets(self.w.project_hint, self.text))
        # (region_hint's matches run over spaces only into 에 or an inside word: "…동 내")
        region = self.w.region
        after = list(self.w.forms.site_after) + region["inside"]
        literals = region["around"] + region["ends"] + region["facility_ends"] + after
        self._region_hints = (Offsets(self.w.region_hint, self.text)
                              if any(_RE_SPACE.search(w) or not w for w in literals)
                              or self.w.region_hint.match("") is not None
                              else NearOffsets(self.w.region_hint, self.text,
                                               boundary=_region_boundary(tuple(after)),
                                               margin=max(map(len, after)) + 1))

    def _hinted_back(self, lo: int, s_start: int) -> Iterator[tuple[int, int]]:
        """The sentences before ``s_start`` that hold a project hint, nearest first, each once,
        cut to [lo, s_start).  Every hint's sentence is looked up, in order: on a line longer
        than a sentence's reach, the span found depends on the one found before."""
        seen: set[tuple[int, int]] = set()
        for at in self._project_hints.backwards(lo, s_start):
            span = self.sentences.span(at)
            if span in seen or span[0] >= s_start:
                continue
            seen.add(span)
            yield max(span[0], lo), min(span[1], s_start)

    def _refers_back(self, lo: int, hi: int) -> bool:
        return self.w.refer_back.search(self.text, lo, hi) is not None

    def _refer_head(self, lo: int, hi: int) -> str:
        """"이 청사 건립에": the head a refer-back phrase names ("청사"), else ""."""
        m = self.w.refer_back.search(self.text, lo, hi)
        if m is None:
            return ""
        last = m.group().split()[-1]
        return self.w.sets.longest_head(last)

    def _head_alone(self, lo: int, hi: int) -> str:
        """A project head written alone with a particle in ``text[lo:hi]`` ("센터를"), else ""."""
        ws = self._words_cache.get((lo, hi))
        if ws is None:
            ws = self._words(lo, hi)
        for w in ws:
            if w.particle and w.core in self.head_words and w.core not in self.actions:
                return w.core
        return ""

    def _earlier(self, s_start: int, across: bool = False, head: str = ""
                 ) -> tuple[Found | None, list[Found]]:
        """The last project named before, in the same paragraph (이 사업, 이번 사업 …); with
        ``across``, within ``refer_chars`` before whatever the paragraphs; with ``head``, the
        last one whose name ends in it."""
        key = (s_start, across, head)
        found = self._earlier_cache.get(key)
        if found is None:
            found = self._earlier_cache[key] = self._look_back(s_start, across, head)
        return found

    def _look_back(self, s_start: int, across: bool, head: str = ""
                   ) -> tuple[Found | None, list[Found]]:
        para = (max(0, s_start - self.w.project["refer_chars"]) if across
                else self._paragraph_start(s_start))
        nearest: tuple[Found | None, list[Found]] = (None, [])
        # only the sentences holding a project head or a quotation mark, nearest first
        for lo, hi in self._hinted_back(para, s_start):
            if nearest[0] is not None and not self._may_name_topic(lo, hi):
                continue  # only a topic would count now, and none can be named here
            read = self._read_back(lo, hi, head)
            if read is None:
                continue  # "…에 관로를 연결하는 사업이다": it describes the one named before
            regions, found = read
            topic = [f for f in found if f.topic]
            if topic:  # "…센터는 …": what an earlier sentence was about
                return topic[0], regions
            if nearest[0] is None and not head and self.w.project["refer_chain"]:
                # "청파동3가에 위치한 이 주차장은 … 지상층 공원 구조로 준공됐다. 구는 …": an earlier
                # sentence about the one before it ("이 주차장은") refers back further (a place word opening the
                # name stays the region: "청파동1마을공원 공영 주차장" gives "공영 주차장")
                chained = self.w.refer_topic.search(self.text, lo, hi)
                last = chained.group().split()[-1] if chained is not None else ""
                last = last.rstrip(self.w.forms.chars_subject)
                back = self.w.sets.longest_head(last)
                if back and last in self.head_words:
                    found_back = self._look_back(lo, True, back)
                    if found_back[0] is not None:
                        return found_back
            if nearest[0] is not None:
                same = self._same_name_quoted(nearest[0], found)
                if same is not None:  # "…도로개설공사 개통" after "'용유 …호선 도로개설공사'"
                    nearest = (same, regions)
            if found and nearest[0] is None:
                told = [f for f in found if f.told]
                if told:  # "…신청사 건립을 추진 중이다. 사업비는 …": what was just done
                    return told[-1], regions
                quoted = [f for f in found if f.quoted]  # "‘…’ 건립사업을 착공"
                nearest = (quoted[0] if quoted else found[-1], regions)
        return nearest

    def _read_back(self, lo: int, hi: int, head: str
                   ) -> tuple[list[Found], list[Found]] | None:
        """What ``_look_back`` reads of the sentence ``text[lo:hi]``: its places and the names
        that may be referred back to (with ``head``, those ending in it); None when it only
        describes the one named before.  The look-backs of the amounts after it read the same
        sentences: remembered per stretch and head."""
        key = (lo, hi, head)
        if key in self._back_cache:
            return self._back_cache[key]
        regions, found = self._found(lo, hi)
        if (self.w.describes.search(self.text, lo, hi) is not None
                and not any(f.topic for f in found)):
            read = None
        else:
            bodies = self._named(lo, hi)  # (a body's name is no project: "한국도로공사 …본부는")
            read = regions, [
                f for f in found
                if not (self._bare_head(f) or self._contest(f) or f.role
                        or self._umbrella(f) or not f.quoted and self._kind(f))
                and (not head or self._named_with(self.text[f.start:f.end], head))
                and not any(b.start < f.end and f.start < b.end for b in bodies)]
        self._back_cache[key] = read
        return read

    def _may_name_topic(self, lo: int, hi: int) -> bool:
        """``topic_hint`` is in ``text[lo:hi]`` (a sentence: asked again by the amounts after
        it, so remembered)."""
        known = self._topic_cache.get((lo, hi))
        if known is None:
            known = self._topic_cache[(lo, hi)] = self._topic_hint(lo, hi)
        return known

    def _topic_hint(self, lo: int, hi: int) -> bool:
        """``topic_hint.search(text, lo, hi) is not None``, found faster: a head (or an action)
        right before 은/는/에는 that no Hangul follows, or a closing quotation mark — the
        particles first (one search), then the heads before each (``str.endswith``)."""
        text, heads = self.text, self.heads
        for m in self.w.topic_particle.finditer(text, lo, hi):
            at = m.start()
            if text.endswith(heads, lo, at) or (
                    at - 1 >= lo and text.startswith(self.at_topic, at - 1)
                    and text.endswith(heads, lo, at - 1)):
                return True
        return self.w.closing_quote.search(text, lo, hi) is not None

    def _umbrella(self, f: Found) -> bool:
        """"‘만경강 … 하천환경정비사업’의 일환에서 추진한 …": a programme the project is part of."""
        at = f.end
        if f.quoted and self.text[at:at + 1] in "’'\"”」』>》〉":
            at += 1
        return self.text.startswith(tuple(self.w.project["umbrella_after"]), at)

    def _named_with(self, name: str, head: str) -> bool:
        """``name`` ends in ``head``, or a word of it does and only what is done follows it
        ("‘강동관광단지 파크골프장 조성 사업’" for "이 파크골프장")."""
        if name.endswith(head):
            return True
        if not self.w.project["head_before_actions"]:
            return False
        ws = name.split()
        for i, w in enumerate(ws[:-1]):
            if w.endswith(head) and all(x in self.generic or x in self.actions
                                        for x in ws[i + 1:]):
                return True
        return False

    def _same_name_quoted(self, named: Found, found: list[Found]) -> Found | None:
        """A quoted name in ``found`` ending in the same word as the unquoted ``named``: the
        proper name a later short mention stands for."""
        if named.quoted:
            return None
        last = self.text[named.start:named.end].split()[-1]
        for f in found:
            if f.quoted and self.text[f.start:f.end].split()[-1] == last:
                return f
        return None

    def _earlier_regions(self, s_start: int, across: bool = False) -> list[Found]:
        """The place named last before ``s_start`` in its paragraph (the sentence that named
        the project often names where it is: "…동 일원에 …센터를 짓는다. 사업비는 …"); with
        ``across``, within ``refer_chars`` before whatever the paragraphs."""
        key = (s_start, across)
        found = self._region_cache.get(key)
        if found is None:
            found = self._region_cache[key] = self._regions_back(s_start, across)
        return found

    def _regions_back(self, s_start: int, across: bool) -> list[Found]:
        para = (max(0, s_start - self.w.project["refer_chars"]) if across
                else self._paragraph_start(s_start))
        nearest = self._nearest_region(s_start)
        if nearest is None or nearest[1] <= para or nearest[0].start < para:
            return []
        return [nearest[0]]

    def _nearest_region(self, s_start: int) -> tuple[Found, int] | None:
        """The last place named in the nearest sentence before ``s_start`` (at most
        ``refer_chars`` back) that names one, and that sentence's end.  Only the sentences
        holding a word a place is found by are read."""
        found = self._nearest_cache.get(s_start, False)
        if found is not False:
            return found  # type: ignore[return-value]
        lo = max(0, s_start - self.w.project["refer_chars"])
        result: tuple[Found, int] | None = None
        seen: set[tuple[int, int]] = set()
        for at in self._region_hints.backwards(lo, s_start):
            span = self.sentences.span(at)
            if span in seen:
                continue
            seen.add(span)
            end = min(span[1], s_start)
            regions = [r for r in self._regions_in(span[0], span[1]) if r.end <= end]
            if regions:
                result = (regions[-1], end)
                break
        self._nearest_cache[s_start] = result
        return result
