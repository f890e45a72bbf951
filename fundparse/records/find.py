"""Who funds what where: the agency, project and region of one funded total.

agency   the sentence's subject ("구미시는"); else the nearest subject before it in the
         paragraph; else the release's issuer ("인천광역시 보도자료").  "시는", "군은" stand
         for the body of that kind named before.
project  the shortest name of what is built or run: a quoted name, or a few plain words ending
         in a project head (…센터, …사업, …도로 확·포장); the one the amount is for ("…사업에
         총 100억 원"), else the first after it in its sentence, else the last before it, else
         (이 사업, 이번 사업 …) the last one named earlier in the paragraph.  Several projects
         counted together ("12곳에", "등 50건") are none.
region   the place named for it in the same sentence: "…동 일원", "…읍에", "…산업단지 내".
"""

from __future__ import annotations

import bisect
from array import array
from dataclasses import dataclass

import regex

from fundparse import patterns
from fundparse.model import Record, Span
from fundparse.records.tokens import Word, plain, run_before, words, wrapped
from fundparse.records.words import RecordWords
from fundparse.structure.sentences import Sentences

_PARAGRAPH = patterns.compile(r"\n[ \t\u3000]*\n")
_E_AFTER_QUOTE = patterns.compile(r"(?:\s?[가-힣·]{1,6})?(?:에는|에도|에)(?![가-힣])")
_WORD_AFTER_QUOTE = patterns.compile(r"\s?([가-힣·]{2,10})(?=[\s,])")
_NEAR = 24
_PARTS_REACH = 60
_OPENING = " \t'\"‘“「『<《〈"
_JOINED_NEXT = regex.compile(r"(\w)\s+(\S{2,20})")
_BETWEEN_NAME_AND_AMOUNT = " \t’'\"”」』>》〉("
_NEAR_SUBJECTS = 400  # characters read first for the last subject before a sentence
_NAME_REACH = 160  # no body's name with its aside is longer  # characters between a "…에" project and its amount


@dataclass
class Found:
    start: int
    end: int
    at_e: bool = False  # "…사업에" / "'…' 공사에는": what the next amount is for
    topic: bool = False  # "…체육관은 …": what the sentence is about
    quoted: bool = False  # "‘삼동다락’": a name set in quotation marks
    place: bool = False  # "구의공원에 총 19억 원": a place that is the project only when named
                         # right before the amount and nothing else is
    told: bool = False  # "…누리길을 조성한다": the object of an action after it
    role: bool = False  # "…지원사업으로 추진됐다", "주민 쉼터로": what something is or becomes


class Finder:
    def __init__(self, text: str, vocab: RecordWords, sentences: Sentences | None = None):
        self.text = text
        self.w = vocab
        self.sentences = sentences or Sentences(text)
        lex = vocab.sets
        self.heads, self.generic, self.actions = lex.heads, lex.generic, lex.actions
        self.bare_words, self.stop, self.around = lex.bare_words, lex.stop, lex.around
        self.place_ends, self.inside, self.not_place = lex.place_ends, lex.inside, lex.not_place
        self.not_agency, self.bare_names = lex.not_agency, lex.bare
        self.not_agency_ends = lex.not_agency_ends
        self.not_place_ends = tuple(vocab.region["not_place_ends"])
        self.budget_words = tuple(vocab.data["funded"]["labels"])
        self.clause_verbs = lex.clause_verbs
        self.stop_endings = tuple(vocab.project["stop_endings"])
        self.not_upper_particles = tuple(vocab.data["agency"]["not_upper_particles"])
        self.lead_ends = tuple(vocab.region["lead_ends"])
        self.around_after = frozenset(vocab.region["around_after"])
        self.area_words = frozenset(vocab.region["area_words"])
        self.case_words = frozenset(vocab.region["case_words"])
        self.inside_words = frozenset(vocab.region["before_name"])
        self.head_words = frozenset(self.heads)
        self.copula = tuple(vocab.project["copula"])
        self.news_verbs = frozenset(vocab.project["news_verbs"])
        self.possessive_heads = frozenset(vocab.project["possessive_heads"])
        self.possessive_particle = vocab.project["possessive_particle"]
        self.head_pattern = lex.head_pattern
        self._words_cache: dict[tuple[int, int], list[Word]] = {}
        self._owner_clauses: list[tuple[int, int, str, int]] | None = None
        self._owner_starts: list[int] = []
        self.parts_starts = tuple(w + " " for w in [vocab.project["parts_word"]]
                                  + vocab.project["parts_phrases"])
        self.clause_breaks_after = tuple(vocab.data["agency"]["clause_breaks"])
        self._issuer: Span | None | bool = False
        self._all_named: list[Span] | None = None
        self._found_cache: dict[tuple[int, int], tuple[list[Found], list[Found]]] = {}
        self._earlier_cache: dict[tuple[int, bool, str], tuple[Found | None, list[Found]]] = {}
        self._para_cache: dict[int, int] = {}
        self._region_cache: dict[tuple[int, bool], list[Found]] = {}
        self._nearest_cache: dict[int, tuple[Found, int] | None] = {}
        # offsets as arrays of machine integers: 8 bytes each, not 36 (a big text's peak)
        self._named_starts: array[int] = array("q")
        self._all_bare: list[tuple[Span, int]] | None = None
        self._bare_starts: array[int] = array("q")
        self._project_hints: array[int] | None = None
        self._region_hints: array[int] | None = None
        self._in_clause: set[int] = set()  # bodies named in a clause ("…부가 추진하는")
        self._told_by: set[int] = set()  # bodies a report is told by ("…군에 따르면")
        self.sources = tuple(vocab.data["agency"]["sources"])
        self._is_head = lex.is_head  # remembered per configuration
        self._ends_in_head = lex.ends_in_head

    # --- words -------------------------------------------------------------------------------

    def _project_head(self, core: str) -> bool:
        return self._ends_in_head(core)

    def _words(self, start: int, end: int) -> list[Word]:
        return words(self.text, start, end, self._is_head, self.copula)

    def _plain(self, word: Word) -> bool:
        return (plain(word, self._is_head, self.w.ordinal) and word.text not in self.stop
                and not word.text.endswith(self.stop_endings))

    # --- agency ------------------------------------------------------------------------------

    def _named(self, start: int, end: int) -> list[Span]:
        """The bodies named as a subject (or a headline's "구미시, …") in [start, end)."""
        if self._all_named is None:
            self._all_named = self._find_named()
            self._named_starts = array("q", [s.start for s in self._all_named])
        lo = bisect.bisect_left(self._named_starts, start)
        hi = bisect.bisect_left(self._named_starts, end)
        return [s for s in self._all_named[lo:hi] if s.end <= end]

    def _find_named(self) -> list[Span]:
        out = []
        matches = [*self.w.agency.finditer(self.text), *self.w.headline.finditer(self.text)]
        for m in sorted(matches, key=lambda m: m.start()):
            name = m.group("name")
            last = name.split()[-1]
            if last in self.not_agency or last.endswith(self.not_agency_ends):
                continue  # "지구", "군하지구", "활용도": not a body
            if self.text.startswith(self.clause_verbs, m.end() + 1):
                self._in_clause.add(m.start("name"))  # "농림수산식품부가 추진하는 …"
            self._note_source(m)
            span = self._joined(self._without_particle_word(name, m.start("name")))
            for marks in (self._in_clause, self._told_by):  # kept by where the span starts
                if m.start("name") in marks:
                    marks.add(span.start)
            out.append(span)
        return out

    def _joined(self, span: Span) -> Span:
        """"진주시와 경남도는": the bodies joined before ``span`` are one agency with it."""
        j = self.w.joint.search(self.text, max(0, span.start - _NAME_REACH // 4), span.start)
        if j is None:
            return span
        last = j.group("name").split()[-1]
        if last in self.not_agency or last.endswith(self.not_agency_ends):
            return span
        start = j.start("name")
        return Span(self.text[start:span.end], start, span.end)

    def _without_particle_word(self, name: str, start: int) -> Span:
        """"영광 묘량 농공단지도 영광군이": a word before the body that is a project or place
        word and a particle (not_upper_particles) is no higher level; the name starts after it."""
        words = name.split()
        k = 0
        for i, word in enumerate(words[:-1]):
            if any(word.endswith(p) and self._is_head(word[:-len(p)])
                   for p in self.not_upper_particles):
                k = i + 1
        if k == 0:
            return Span(name, start, start + len(name))
        cut = name.index(words[k], sum(len(w) for w in words[:k]) + k - 1)
        return Span(name[cut:], start + cut, start + len(name))

    def _note_source(self, m) -> None:
        """"보은군에 따르면": remembered as a body a report is told by."""
        if m.group(0).endswith(self.sources):
            self._told_by.add(m.start("name"))

    def _bare(self, start: int, end: int) -> list[Span]:
        """The bare subjects ("시는", "군은") in [start, end): found once over the whole text."""
        if self._all_bare is None:
            self._all_bare = []
            for m in self.w.bare.finditer(self.text):
                self._note_source(m)
                # (the span, and the end of the particle: the character after it must be
                # inside [start, end) too, as a search of the stretch alone would need)
                self._all_bare.append((Span(m.group("name"), m.start("name"), m.end("name")),
                                       m.end()))
            self._bare_starts = array("q", [span.start for span, _ in self._all_bare])
        lo = bisect.bisect_left(self._bare_starts, start)
        hi = bisect.bisect_left(self._bare_starts, end)
        return [span for span, stop in self._all_bare[lo:hi] if stop < end]

    def issuer(self) -> Span | None:
        if self._issuer is False:
            # the head is the first lines: up to the n-th line break (no copy of the text)
            count, head_end = self.w.data["issuer"]["lines"], -1
            for _ in range(count):
                head_end = self.text.find("\n", head_end + 1)
                if head_end < 0:
                    break
            head_end = 0 if count <= 0 else len(self.text) if head_end < 0 else head_end
            m = self.w.issuer.search(self.text, 0, head_end)
            self._issuer = None if m is None else Span(m.group("name"), m.start("name"),
                                                       m.end("name"))
        return self._issuer  # type: ignore[return-value]

    def _resolve(self, bare: Span) -> Span | None:
        """"시는" -> the 시 named last before it, else the issuer when it is one."""
        kind = bare.text[0]
        for span in reversed(self._named(max(0, bare.start - 20000), bare.start)):
            if span.text.split()[-1].endswith(kind):
                return span
        issuer = self.issuer()
        if issuer is not None and issuer.text.endswith(kind):
            return issuer
        # "[천안]천안시 업성저수지 …사업이 …. 시는 …": the body named last before, in any role
        last = None
        for m in self.w.mention.finditer(self.text, max(0, bare.start - 3000), bare.start):
            name = m.group("name").split()[-1]
            if (name.endswith(kind) and name not in self.not_agency
                    and not name.endswith(self.not_agency_ends)):
                last = m
        return None if last is None else Span(last.group("name"), last.start("name"),
                                              last.end("name"))

    def _subjects(self, start: int, end: int) -> list[Span]:
        found = sorted(self._named(start, end) + self._bare(start, end), key=lambda s: s.start)
        # a bare "시는" inside a name found as a whole ("구미시는") is that name: a span is
        # dropped when another starts at or before it and runs past its start (one sweep)
        out = []
        reach = -1  # the furthest end of the spans starting before the current start
        i = 0
        while i < len(found):
            j = i
            while j < len(found) and found[j].start == found[i].start:
                j += 1
            group = found[i:j]
            for span in group:
                inside = reach > span.start or any(
                    o is not span and span.start < o.end for o in group)
                if not inside:
                    out.append(span)
            reach = max([reach] + [o.end for o in group])
            i = j
        return out

    def _last_subject(self, lo: int, hi: int) -> Span | None:
        """``self._main(self._subjects(lo, hi), told=True)[-1]`` (None when empty), read
        from a short stretch before ``hi`` first: a body there not named in a clause is the
        last one of the whole stretch as well."""
        near = max(lo, hi - _NEAR_SUBJECTS)
        if near > lo:
            # the margin lets a name that starts before ``near`` hide a bare word inside it
            spans = [s for s in self._subjects(max(lo, near - _NAME_REACH), hi)
                     if s.start >= near and s.start not in self._in_clause]
            if spans:
                return spans[-1]
        earlier = self._main(self._subjects(lo, hi), told=True)
        return earlier[-1] if earlier else None

    def _agency_of(self, span: Span) -> Span:
        """A bare "시는" stands for the body it resolves to; when the text names none of that
        kind ("군은" in a story that only says "인제"), the bare word as written."""
        if span.text in self.bare_names:
            return self._resolve(span) or span
        return span

    def _main(self, spans: list[Span], told: bool = False) -> list[Span]:
        """``spans`` without the bodies named in a clause, when any other is left.  In the
        sentence itself (``told`` False) a body telling a report ("…에 따르면") only counts
        when no other subject is there; before it, it is as good as a subject."""
        main = [s for s in spans if s.start not in self._in_clause
                and (told or s.start not in self._told_by)]
        if main:
            return main
        main = [s for s in spans if s.start in self._told_by]
        return main or spans

    def agency(self, at: int, sentence: tuple[int, int], project: Found | None = None
               ) -> Span | None:
        s_start, s_end = sentence
        subjects = self._main(self._subjects(s_start, s_end))
        before = [s for s in subjects if s.end <= at]
        # after the amount: its subject unless a clause break comes between ("…에는 940억원을
        # 투입해 …, 괴산군에서는 …": the next clause's)
        after = [s for s in subjects if s.start >= at
                 and not any(b in self.text[at:s.start] for b in self.clause_breaks_after)]
        pick = before[0] if before else (after[0] if after else None)
        if pick is not None and pick.start in self._told_by:
            # "…에 따르면" tells the report; when it was the subject before, it is written as
            # the subject wrote it ("한국수자원공사 금강유역본부가 …. 수자원공사 금강유역본부에
            # 따르면 …")
            last = pick.text.split()[-1]
            prior = [s for s in self._subjects(max(0, s_start - 3000), s_start)
                     if s.start not in self._in_clause and s.start not in self._told_by
                     and s.text.split()[-1].endswith(last)]
            if prior:
                pick = prior[-1]
        if pick is None and project is not None:
            # "대전 서구가 추진해온 ‘가장동 복합커뮤니티센터 건립’이 …": the body the project's
            # own clause names
            owner = self._clause_owner(project, at)
            if owner is not None:
                return owner
        if pick is None:
            para = self._paragraph_start(s_start)
            earlier = self._main(self._subjects(para, s_start), told=True)
            pick = earlier[-1] if earlier else None
        if pick is None:
            pick = self.issuer()
            if pick is not None:
                return pick
            # news without an issuer: the body named last before it (a bare "시는" too)
            last = self._last_subject(max(0, s_start - 3000), s_start)
            if last is not None:
                return self._agency_of(last)
            return self._lead_body(at) or self._owner(at) or self._later_subject(s_end)
        return self._agency_of(pick)

    def _clause_owner(self, project: Found, at: int) -> Span | None:
        """The last body before ``at`` (within owner_chars) in a clause that carries out the
        project: the body, a subject particle, an owner verb, then the project's name."""
        name = self.text[project.start:project.end]
        lead = name[:min(len(name), 6)]
        lo = max(0, at - int(self.w.data["agency"]["owner_chars"]))
        if self._owner_clauses is None:  # found once over the whole text
            self._owner_clauses = []
            for v in self.w.owner_verb.finditer(self.text):  # the verbs first: few
                m = None
                for m in self.w.owner_clause.finditer(self.text, max(0, v.start() - _NAME_REACH),
                                                      min(len(self.text), v.end() + 2)):
                    pass
                if m is None or m.end() < v.end():
                    continue
                last = m.group("name").split()[-1]
                if last not in self.not_agency and not last.endswith(self.not_agency_ends):
                    self._owner_clauses.append((m.start(), m.end(), m.group("name"),
                                                m.start("name")))
            self._owner_starts = [c[0] for c in self._owner_clauses]
        found = None
        for start, end, body, body_start in self._owner_clauses[
                bisect.bisect_left(self._owner_starts, lo):
                bisect.bisect_left(self._owner_starts, at)]:
            if end <= at and self.text.startswith(lead, end):
                found = (body, body_start)
        if found is None:
            return None
        return self._joined(self._without_particle_word(*found))

    def _owner(self, at: int) -> Span | None:
        """"단양군의 올 시설 사업은", "영암군의 '…' 플랫폼이": the first body before ``at``
        (within owner_chars) that a project belongs to — 의, then a project head or a quotation
        mark soon after."""
        agency = self.w.data["agency"]
        reach = int(agency["owner_reach"])
        for m in self.w.owner.finditer(self.text, max(0, at - int(agency["owner_chars"])), at):
            name = m.group("name")
            last = name.split()[-1]
            if last in self.not_agency or last.endswith(self.not_agency_ends):
                continue
            if self.w.project_hint.search(self.text, m.end(), min(at, m.end() + reach)):
                return Span(name, m.start("name"), m.end("name"))
        return None

    def _later_subject(self, s_end: int) -> Span | None:
        """A lead sentence without a subject: the first subject named after it (within
        later_chars): "…에 508억원이 투입된다. 해양수산부는 …"."""
        reach = int(self.w.data["agency"]["later_chars"])
        later = self._main(self._subjects(s_end, min(len(self.text), s_end + reach)))
        return self._agency_of(later[0]) if later else None

    def _lead_body(self, before: int) -> Span | None:
        """A body that starts one of the first lines (a headline: "부산 기장군 ‘…’ 급물살")."""
        if not self.w.data["issuer"]["headline"]:
            return None
        count, head_end = self.w.data["issuer"]["lines"], -1
        for _ in range(count):
            head_end = self.text.find("\n", head_end + 1)
            if head_end < 0:
                break
        head_end = len(self.text) if head_end < 0 else head_end
        for m in self.w.lead.finditer(self.text, 0, min(head_end, before)):
            name = m.group("name")
            last = name.split()[-1]
            if last in self.not_agency or last.endswith(self.not_agency_ends):
                continue
            return Span(name, m.start("name"), m.end("name"))
        return None

    def _paragraph_start(self, offset: int) -> int:
        found = self._para_cache.get(offset)
        if found is None:
            lo = max(0, offset - 1500)
            last = None
            for last in _PARAGRAPH.finditer(self.text, lo, offset):
                pass
            found = self._para_cache[offset] = last.end() if last is not None else lo
        return found

    # --- region ------------------------------------------------------------------------------

    def regions(self, ws: list[Word]) -> list[Found]:
        limit = self.w.region["max_words"]
        out = []
        for i, w in enumerate(ws):
            core = w.core
            if i and (w.text in self.area_words or w.text in self.case_words):
                # "임동 지역의", "고흥군 지역의 경우", "완도 항동리의 경우": the place before
                prev = ws[i - 1]
                if (w.text in self.area_words and not prev.particle
                        and self._lead_place(prev.text)) or (
                        w.text in self.case_words and prev.particle == "의"
                        and self._lead_place(prev.core)):
                    first = run_before(ws, i - 1, limit - 1, self._place_word)
                    out.append(Found(ws[first].start, prev.core_end))
                continue
            if core in self.around:
                first = run_before(ws, i, limit - 1, self._place_word)
                if first < i:  # ("…동 소재": the place without the word after it)
                    out.append(Found(ws[first].start,
                                     ws[i - 1].end if core in self.around_after else w.core_end))
                elif i >= 2 and self.w.area.fullmatch(ws[i - 1].text):
                    # "벽교리 3만㎡ 부지에": the place before the area
                    first = run_before(ws, i - 1, limit - 1, self._place_word)
                    if first < i - 1:
                        out.append(Found(ws[first].start, ws[i - 2].end))
                continue
            if (core.endswith(self.place_ends) and core not in self.not_place and len(core) >= 2
                    and (not core[:1].isdigit() or self.w.address.fullmatch(core))
                    and core not in self.around and (len(core) > 2 or core not in self.place_ends)
                    and (w.particle in ("에", "에서", "에는", "에서는")
                         or (i + 1 < len(ws) and ws[i + 1].core in self.inside))):
                first = run_before(ws, i, limit - 1, self._place_word)
                out.append(Found(ws[first].start, w.core_end))
        return out

    def _place_word(self, w: Word) -> bool:
        if w.text[:1].isdigit() or w.text == "산":
            return (not w.particle and not w.closed and not w.quoted
                    and self.w.address.fullmatch(w.text) is not None)
        return self._plain(w) and w.text not in self.inside and w.text not in self.around \
            and not any(c.isdigit() for c in w.text)

    # --- project -----------------------------------------------------------------------------

    def projects(self, ws: list[Word], regions: list[Found], lo: int, hi: int) -> list[Found]:
        cfg = self.w.project
        taken = [(r.start, r.end) for r in regions]
        quoted = self._quoted(lo, hi)
        out = list(quoted)

        def free(w: Word) -> bool:
            return self._plain(w) and not any(a <= w.start < b for a, b in taken)

        for i, w in enumerate(ws):
            if not self._project_head(w.core):
                continue
            if any(a <= w.start < b for a, b in taken):
                place = next((r for r in regions if r.end == w.core_end), None)
                if place is not None and w.particle in ("에", "에는"):
                    out.append(Found(place.start, place.end, True, place=True))
                continue
            nxt = ws[i + 1] if i + 1 < len(ws) else None
            if nxt is not None and nxt.text in self.inside:
                continue  # "…공원 내": a place, not a project
            if w.particle == "의" and not (nxt is not None
                                           and nxt.text.startswith(self.budget_words)):
                continue  # "기존 도로의 유지" names what else is about ("…사업의 총사업비" not)
            if not (w.particle or w.closed or nxt is None or nxt.text in self.news_verbs
                    or not (self._plain(nxt) or self._project_head(nxt.core))):
                continue  # the name goes on: "…혁신밸리 조성사업에" (not "… 건립 착수")
            first = run_before(ws, i, cfg["max_words"] - 1, free)
            if (first == i and i and w.core in self.possessive_heads
                    and ws[i - 1].text.endswith(self.possessive_particle)
                    and len(ws[i - 1].text) > 2
                    and not ws[i - 1].apart):
                # "치유의 숲", "문화의 집": a short head after a word with 의 is one name
                first = run_before(ws, i - 1, cfg["max_words"] - 2, free)
            if all(x.text in self.generic or x.text[:1].isdigit() for x in ws[first:i]) and (
                    self._nameless(w.core)):
                continue  # "사업", "2차 사업", "구축사업": no name
            start = ws[first].start
            while w.core_end - start > cfg["max_chars"] and first < i:
                first += 1
                start = ws[first].start
            if any(q.start <= start < q.end + 2 for q in quoted):
                continue  # the words of a quoted name
            told = w.particle in ("을", "를", "도") and self._acted_on(w.end)
            # "…청사도 공정률 85%로 …": 도 marks a topic too, opening the sentence with no
            # action after it
            out.append(Found(start, w.core_end, w.particle in ("에", "에는", "에도"),
                             w.particle in ("은", "는", "에는")
                             or (w.particle == "도" and not told and first == 0),
                             told=told, role=w.particle in ("로", "으로")))
        return sorted(out, key=lambda f: f.start)

    def _relative(self, end: int, hi: int) -> list[Found]:
        """"…83억원을 투입하는 미디어 파사드는": the words after the amount's relative verb."""
        m = self.w.relative.match(self.text, end, hi)
        if m is None:
            return []
        words = m.group(1).split()
        if any(w in self.stop or w.endswith(self.stop_endings) for w in words):
            return []
        return [Found(m.start(1), m.end(1), topic=True)]

    def _acted_on(self, after: int) -> bool:
        """An action right after a name and its object particle: "…을 조성한다"."""
        return self.w.action.match(self.text, after) is not None

    def _nameless(self, core: str) -> bool:
        """A head alone or after an action: "사업", "구축사업", "건립공사" (but "거점센터")."""
        if core in self.generic or core in self.actions:
            return True
        head = next((w for w in self.bare_words if core.endswith(w)), None)
        return head is not None and core[:-len(head)].rstrip() in self.actions

    def _quoted(self, lo: int, hi: int) -> list[Found]:
        out = []
        text = self.text
        for pair in self.w.project["quotes"]:
            opener, closer = pair[0], pair[1]
            pos = lo
            while True:
                a = text.find(opener, pos, hi)
                if a == -1:
                    break
                b = text.find(closer, a + 1, min(hi, a + 2 + self.w.project["max_chars"]))
                if b == -1:
                    pos = a + 1
                    continue
                inner = text[a + 1:b].strip()
                if self._project_quote(inner, b + 1, hi):
                    s = a + 1 + (len(text[a + 1:b]) - len(text[a + 1:b].lstrip()))
                    out.append(Found(s, s + len(inner),
                                     _E_AFTER_QUOTE.match(text, b + 1, hi) is not None,
                                     self._quote_topic(b + 1, hi), quoted=True))
                pos = b + 1
        return out

    def _quote_topic(self, after: int, hi: int) -> bool:
        """"‘…’는", "‘삼동다락’ 건립사업은": a quoted name the sentence is about."""
        particles = tuple(self.w.project["quote_topic"])
        if self.text.startswith(particles, after):
            return True
        m = _WORD_AFTER_QUOTE.match(self.text, after, hi)
        return (m is not None and m.group(1).endswith(particles)
                and m.group(1)[:-1].endswith(self.heads))

    def _project_quote(self, inner: str, after: int, hi: int) -> bool:
        """A quoted project name: it ends in a project head ('…체험공원'), or one follows it
        ("「학교 공간혁신」 사업에", "'…'을 조성")."""
        if len(inner) < 2 or len(inner.split()) > 6 or not regex.search(r"[가-힣A-Za-z]", inner):
            return False
        if inner.endswith(self.heads):
            return True
        return self.head_pattern.search(self.text, after, min(hi, after + 8)) is not None

    def _several(self, pick: Found | None, found: list[Found]) -> bool:
        """"이들 다목적댐 사업", "…보강 등의 다목적댐 사업", "…사업과 …사업이": not one project."""
        if pick is None:
            return False
        cfg = self.w.project
        lead = (self.text[max(0, pick.start - 8):pick.start].split()[-1:]
                + self.text[pick.start:pick.end].split()[:1])
        if any(w in cfg["bundle_words"] for w in lead):
            return True
        if self.text[max(0, pick.start - 12):pick.start].rstrip().endswith(
                tuple(cfg["bundle_phrases"])):
            return True
        if self._joined_before(pick):
            return True
        for other in found:
            if other is pick:
                continue
            a, b = (pick, other) if pick.end <= other.start else (other, pick)
            between = self.text[a.end:b.start].strip()
            if b.start - a.end <= 4 and between in cfg["joined"]:
                return True
        return False

    def _counted_next(self, s_end: int) -> bool:
        """"…889억원을 투입해 … 구축에 나선다. … 공모에 11개 사업이 선정돼 …": the next sentence
        of the paragraph counts the projects the amount goes to."""
        if s_end >= len(self.text) or _PARAGRAPH.match(self.text, s_end):
            return False
        nxt = self.sentences.span(min(len(self.text) - 1, s_end + 1))
        m = self.w.bundle.search(self.text, nxt[0], nxt[1])
        return m is not None and self.w.project["count_word"] in m.group()

    def _followed_by_several(self, pick: Found) -> bool:
        """"…확장 사업 등에 32억원": a name followed by 등 is one of several."""
        after = self.text[pick.end:pick.end + 8].lstrip(_BETWEEN_NAME_AND_AMOUNT)
        if after.startswith(tuple(self.w.project["several_after"])):
            return True
        # "희망도서관과 용강도서관 건립비 44억원": joined to another name after it
        m = _JOINED_NEXT.match(self.text, pick.end)
        if m is None or m.group(1) not in self.w.project["joined_particles"]:
            return False
        nxt = self._words(m.start(2), m.end(2))
        return bool(nxt) and nxt[0].core.endswith(self.heads)

    def _joined_before(self, pick: Found) -> bool:
        """"학마루공원과 명일1동 샛마을공원 …", "군도 및 농어촌도로", "용담, 남강, 영천댐 …": the
        name is the last of several joined or listed before it (place words may come between)."""
        cfg = self.w.project
        ws = self.text[max(0, pick.start - 40):pick.start].split()[-4:]
        listed = 0
        for word in reversed(ws):
            if word in cfg["joined_words"]:
                continue
            if word.endswith(tuple(cfg["list_marks"])):
                listed += 1
                if listed >= 2:
                    return True
                continue
            if listed:
                return False
            core = word[:-1]
            if word[-1:] in cfg["joined_particles"] and core.endswith(self.heads):
                return True
            if word.endswith(self.heads) and ws[-1] in cfg["joined_words"]:
                return True  # "군도 및 농어촌도로"
            if not (word.endswith(self.place_ends) and self._is_head(word)):
                return False  # "명일1동": a place word between the two names
        return False

    def _counted(self, project: Found, listed: bool = True) -> bool:
        """A project named with a count, here or where it was named before within
        ``refer_chars``: "쌈지공원 3곳을", "71개 지구의 수리시설개보수사업을 …. 수리시설개보수사업은"."""
        name = self.text[project.start:project.end]
        at, lo = project.start, max(0, project.start - self.w.project["refer_chars"])
        parts = f" {self.w.project['parts_word']} "
        while at >= lo:
            for m in self.w.bundle.finditer(self.text, max(0, at - 16),
                                            min(len(self.text), at + len(name) + 12)):
                # "…프로젝트 등 7개 사업": a count after "등" counts the list this one is in;
                # unless ``listed``, that does not make it a bundle (the sentence speaks of
                # this one: "이 프로젝트는 …")
                if (listed or m.start() < at
                        or parts not in self.text[at + len(name):m.start()]):
                    return True
            at = self.text.rfind(name, lo, at)
            if at < 0:
                break
        return False

    def _bundled(self, project: Found | None, at: int, end: int, s_start: int) -> bool:
        """"전국 12곳에 모두 240억 원", "'서울형 키즈카페' 400곳을", "마을 10곳을 대상으로 …":
        several projects."""
        lo = max(s_start, at - 16 if project is None else min(project.start, at) - 16)
        if self.w.bundle.search(self.text, lo, at):
            return True
        if self.w.bundle_target.search(self.text, s_start, at):
            return True
        if project is not None:
            a, b = min(project.start, at), max(project.end, end)
            if self.w.bundle.search(self.text, a, min(len(self.text), b + 12)):
                return True
        return False

    def project(self, at: int, end: int, sentence: tuple[int, int]
                ) -> tuple[Found | None, list[Found], bool]:
        """The project of the amount at ``at``; the regions of the sentence it was found in;
        whether several projects are counted together."""
        s_start, s_end = sentence
        regions, found = self._found(s_start, s_end)
        found = self._candidates(found, at, end, s_start, s_end)
        # "…사업에 선정돼": a programme the amount's sentence names before it
        programmes = [f for f in found if f.end <= at and f.at_e and not f.place]
        # a competition is not the project, unless the amount is written right after it
        # ("…공공임대주택 공모사업 310억 원")
        found = [f for f in found if not self._contest(f)
                 or (f.end <= at and at - f.end <= 2 and not self.text[f.end:at].strip())]
        places = [f for f in found if f.place]
        if places:
            found = [f for f in found if not f.place] or places
        before = [f for f in found if f.end <= at]
        # an item of a list ("…에 448억원, …에 154억원을 투입해 …"): the names after it are
        # the next items'
        after = ([] if self.w.list_link.match(self.text, end) is not None
                 else [f for f in found if f.start >= end])
        # "…을 들여 … 우곡사약수터 누리길을 조성한다": the object of the action comes first
        after.sort(key=lambda f: not f.told)
        near = [f for f in before if f.at_e and at - f.end <= _NEAR
                and not regex.search(r"[,.]", self.text[f.end:at])]
        # "…조성사업 60억 원": the name right before the amount is its project
        # ("‘…정비사업’ 150억원", "…센터(116억 원, …)": past a closing quote or an open bracket)
        right = [f for f in before if at - f.end <= 3
                 and not self.text[f.end:at].strip(_BETWEEN_NAME_AND_AMOUNT)]
        # "…체육관은 사업비 34억 원을 투입해 …": the sentence's topic, named before the amount
        topic = [f for f in before if f.topic]
        refer = self.w.refer_topic.search(self.text, s_start, s_end)
        if refer is not None and not topic:
            # "‘…’을 위해 추진한 이번 공사는 …": the name before the refer-back topic is it
            topic = [f for f in before if f.end <= refer.start()][-1:]
        # "…을 위해 508억원이 투입되고": what the amount is for, in its clause
        purpose = [f for f in before if self.w.purpose.match(self.text, f.end)
                   and not regex.search(r"[,.]", self.text[f.end:at])]
        # "83억원을 투입하는 미디어 파사드는": the name the amount is spent on, head or not
        relative = [] if right or near else self._relative(end, s_end)
        told = after[:1] if after and after[0].told else []
        pick = (right[-1] if right else near[-1] if near else relative[0] if relative
                else topic[-1] if topic else told[0] if told else purpose[-1] if purpose
                else None)
        if pick is None and (after or before):
            # "…타운은 지난해 선정됐다. 총 사업비 754억 원을 들여 …철도 개통에 따른 …": what
            # the sentence before was about, over a name merely mentioned
            prev, _ = self._earlier(s_start)
            after_topic = [f for f in after if f.topic]
            pick = (after_topic[0] if after_topic
                    else prev if prev is not None and prev.topic and refer is None
                    else after[0] if after else before[-1])
        refer_case = ((pick is None or self._bare_head(pick))
                      and self._refers_back(s_start, s_end)
                      or not (right or near) and refer is not None
                      and not any(f.end <= refer.start() for f in found))
        if self._bundled(None if refer_case else pick, at, end, s_start):
            return None, regions, True
        if refer_case:
            # "이 센터", "이번 사업은", "사업은 …": the project named before, even in the
            # paragraph before (a lead sentence stands alone)
            head = self._refer_head(s_start, s_end)
            earlier, earlier_regions = (self._earlier(s_start, across=True, head=head)
                                        if head else (None, []))
            if earlier is None:
                earlier, earlier_regions = self._earlier(s_start, across=True)
            if earlier is not None:
                if self._counted(earlier, listed=False):
                    return None, regions, True
                return earlier, regions or earlier_regions, False
        if pick is not None and not refer_case and self._counted_next(s_end):
            return None, regions, True
        if self._several(pick, found) or (pick is not None and self._followed_by_several(pick)):
            if pick is not None and pick.start >= end and programmes:
                # "…개조 사업에 선정돼 43억 원으로 …확충과 …사업 등을 추진": the works after it
                # are several; the programme named before it is what it funds
                return programmes[-1], regions, False
            return None, regions, True
        if pick is None:
            # "…센터를 건립한다": a head alone names the one named before with that head
            head = self._head_alone(s_start, s_end)
            pick, earlier = (self._earlier(s_start, across=True, head=head) if head
                             else (None, []))
            if pick is None:
                pick, earlier = self._earlier(s_start)
            if pick is None:  # nothing in the paragraph: the one the story is about, before it
                pick, earlier = self._earlier(s_start, across=True)
            if pick is not None and self._counted(pick):
                return None, regions, True
            regions = regions or (earlier if pick is not None else [])
        return pick, regions, False

    def _candidates(self, found: list[Found], at: int, end: int, lo: int, hi: int
                    ) -> list[Found]:
        """``found`` without what cannot be the amount's project: the names in the amount's
        own bracket ("150억 원(…, 부처 연계사업 4억 원)"), a body's name ("한국농어촌공사
        전북지역본부에 따르면"), the works listed before "등" when a name follows it."""
        text = self.text
        j = end
        while j < hi and text[j] in " )":
            j += 1
        parts = None
        if j < hi and text[j] == "(":
            depth, k = 0, j
            while k < hi:
                depth += {"(": 1, ")": -1}.get(text[k], 0)
                if depth == 0:
                    break
                k += 1
            parts = (j, k)
        bodies = self._named(lo, hi)
        kept = [f for f in found
                if not (parts is not None and parts[0] <= f.start < parts[1])
                and not any(b.start < f.end and f.start < b.end for b in bodies)]
        return self._without_parts(kept, at)

    def _without_parts(self, found: list[Found], at: int) -> list[Found]:
        """``found`` without the works listed before "등" when a name follows it: "아스콘
        덧씌우기, 차선 도색, 가드레일 설치 등 안전 시설물 보수 사업" (the amount not between)."""
        out: list[Found] = []
        chain: list[Found] = []  # names joined by commas so far
        for i, f in enumerate(found):
            chain.append(f)
            nxt = found[i + 1] if i + 1 < len(found) else None
            between = "" if nxt is None else self.text[f.end:nxt.start]
            if nxt is not None and not f.end <= at < nxt.start and (
                    between.strip() == "," or self._list_goes_on(between)):
                continue  # the list goes on ("산책로, 흔들그네, 모래놀이터")
            if (nxt is not None and not f.end <= at < nxt.start
                    and (between.lstrip(" '’\"”").startswith(self.parts_starts)
                         or self._listed_parts(between))):
                chain = []  # the parts of the name that follows
                continue
            out.extend(chain)
            chain = []
        return out

    def _list_goes_on(self, between: str) -> bool:
        """", 흔들그네, ": unnamed items between two names of one comma list."""
        b = between.strip()
        return (len(b) <= _PARTS_REACH and b.startswith(",") and b.endswith(",")
                and not self.w.sentence_end.search(b))

    def _listed_parts(self, between: str) -> bool:
        """", 놀이대, 미끄럼틀 등을 포함한 ": more parts, unnamed, then the parts word — the
        names before are parts too (a short stretch, commas only)."""
        return (len(between) <= _PARTS_REACH and between.lstrip().startswith(",")
                and (between.rstrip() + " ").endswith(self.parts_starts)
                and not self.w.sentence_end.search(between))

    def _contest(self, f: Found) -> bool:
        """A competition the project won a place in ("…지원사업에 최종 선정돼", "…공모사업")."""
        if self.text[f.start:f.end].endswith(tuple(self.w.project["programme_ends"])):
            return True
        return self.w.contest.match(self.text, f.end) is not None


    def _bare_head(self, found: Found) -> bool:
        """A name that is only heads and actions: "체육관" (of "이 체육관은"), "청사 건립" (of
        "이 청사 건립에")."""
        return all(w in self.head_words for w in self.text[found.start:found.end].split())

    def _refers_back(self, lo: int, hi: int) -> bool:
        return self.w.refer_back.search(self.text, lo, hi) is not None

    def _found(self, lo: int, hi: int) -> tuple[list[Found], list[Found]]:
        """The regions and the projects named in ``text[lo:hi]`` (a sentence), found once."""
        key = (lo, hi)
        found = self._found_cache.get(key)
        if found is None:
            ws = self._words_cache[key] = self._words(lo, hi)
            regions = self.regions(ws)
            found = self._found_cache[key] = (regions, self.projects(ws, regions, lo, hi))
        return found

    def _refer_head(self, lo: int, hi: int) -> str:
        """"이 청사 건립에": the head a refer-back phrase names ("청사"), else ""."""
        m = self.w.refer_back.search(self.text, lo, hi)
        if m is None:
            return ""
        last = m.group().split()[-1]
        return max((h for h in self.heads if last.endswith(h)), key=len, default="")

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
        seen: set[tuple[int, int]] = set()
        # only the sentences holding a project head or a quotation mark, nearest first
        if self._project_hints is None:  # found once over the whole text
            self._project_hints = array("q", (m.start()
                                              for m in self.w.project_hint.finditer(self.text)))
        hints = self._project_hints[bisect.bisect_left(self._project_hints, para):
                                    bisect.bisect_left(self._project_hints, s_start)]
        for at in reversed(hints):
            span = self.sentences.span(at)
            if span in seen or span[0] >= s_start:
                continue
            seen.add(span)
            lo, hi = max(span[0], para), min(span[1], s_start)
            if nearest[0] is not None and self.w.topic_hint.search(self.text, lo, hi) is None:
                continue  # only a topic would count now, and none can be named here
            regions, found = self._found(lo, hi)
            bodies = self._named(lo, hi) if head else []
            found = [f for f in found
                     if not (self._bare_head(f) or self._contest(f) or f.role)
                     and (not head or (self.text[f.start:f.end].endswith(head) and not any(
                         b.start < f.end and f.start < b.end for b in bodies)))]
            topic = [f for f in found if f.topic]
            if topic:  # "…센터는 …": what an earlier sentence was about
                return topic[0], regions
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

    def _leading_place(self, project: Found) -> list[Found]:
        """"전동면 복합커뮤니티센터": the place word(s) a project's name starts with."""
        ws = self.text[project.start:project.end].split()
        n = 0
        while n < len(ws) - 1 and self._lead_place(ws[n]):
            n += 1
        if n == 0:
            return self._place_before(project)
        end = project.start + len(" ".join(ws[:n]))
        return [Found(project.start, end)] if self.text[project.start:end] == " ".join(ws[:n]) \
            else []

    def _lead_place(self, word: str) -> bool:
        """A place word a name may start with or follow: "전동면", "초전면", "백령도"."""
        return (len(word) >= 3 and word.endswith(self.lead_ends)
                and not self._not_place(word) and word not in self.not_agency
                and not word.endswith(self.heads) and not any(c.isdigit() for c in word))

    def _about_another(self, region: Found, project: Found) -> bool:
        """A place named in an earlier sentence whose topic is another project ("신청사는 …
        운동장 부지에 …. 인천애뜰 공영주차장은 …"): not the place of ``project``."""
        span = self.sentences.span(region.start)
        name = self.text[project.start:project.end]
        if name in self.text[span[0]:span[1]]:
            return False  # "…54번지에 들어설 예정인 상동초교와 …": it is named there
        for f in self._found(span[0], span[1])[1]:
            other = self.text[f.start:f.end]
            if f.topic and other not in name and name not in other:
                return True
        return False

    def _not_place(self, word: str) -> bool:
        """"활동", "사회활동", "추진하면": no place — one of not_place, or a word ending in one
        two or more characters before it (a village one character longer is a place: "초전면"
        is not "전면"), or in a verb form of not_place_ends."""
        return (word in self.not_place or word.endswith(self.not_place_ends)
                or any(word.endswith(n) for n in self.not_place if len(word) >= len(n) + 2))

    def _place_before(self, project: Found) -> list[Found]:
        """"초전면 ‘대장 …정비사업’에", "여수시 관내 ‘…’": the place word right before a name."""
        lo = max(0, project.start - 16)
        head = self.text[lo:project.start]
        stripped = head.rstrip(_OPENING)
        words = stripped.split()
        if not words or len(stripped) == len(head):  # no space or quote between: one word
            return []
        last = words[-1]
        if last in self.inside_words and len(words) >= 2:  # "여수시 관내 ‘…’"
            last = words[-2]
        if not self._lead_place(last):
            return []
        end = lo + stripped.rfind(last) + len(last)
        return [Found(end - len(last), end)]

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
        if self._region_hints is None:  # found once over the whole text
            self._region_hints = array("q", (m.start()
                                             for m in self.w.region_hint.finditer(self.text)))
        hints = self._region_hints[bisect.bisect_left(self._region_hints, lo):
                                   bisect.bisect_left(self._region_hints, s_start)]
        result: tuple[Found, int] | None = None
        seen: set[tuple[int, int]] = set()
        for at in reversed(hints):
            span = self.sentences.span(at)
            if span in seen:
                continue
            seen.add(span)
            end = min(span[1], s_start)
            regions = [r for r in self._found(span[0], span[1])[0] if r.end <= end]
            if regions:
                result = (regions[-1], end)
                break
        self._nearest_cache[s_start] = result
        return result

    # --- all three ---------------------------------------------------------------------------

    def _sentence(self, at: int) -> tuple[int, int]:
        """The sentence holding ``at``, cut at blank lines: a headline without a full stop
        ends at the blank line after it."""
        start, stop = self.sentences.span(at)
        # a line wrapped by its page ("…밀양댐 보조\n여수로 사업에 …") goes on the next line
        while start > 1 and self.text[start - 1] == "\n" and wrapped(self.text, start):
            start = self.sentences.span(start - 2)[0]
        while stop < len(self.text) and self.text[stop:stop + 1] == "\n" and wrapped(
                self.text, stop + 1):
            stop = self.sentences.span(stop + 1)[1]
        for m in _PARAGRAPH.finditer(self.text, start, at):
            start = m.end()
        m = _PARAGRAPH.search(self.text, at, stop)
        return start, (stop if m is None else m.start())

    def record(self, at: int, end: int, summed: bool = False) -> Record:
        """The record of the funded total at [at, end); ``summed``: it is the sum of a list of
        amounts ("…에 80억원 등 106억원"), several projects."""
        sentence = self._sentence(at)
        found, regions, _ = self.project(at, end, sentence)
        if summed:
            found = None
        agency = self.agency(at, sentence, found)
        region = None
        taken = [agency] if agency is not None else []
        regions = [r for r in regions if not any(t.start < r.end and r.start < t.end
                                                 for t in taken)
                   and not (found is not None and found.start < r.end and r.start < found.end)]
        if not regions and found is not None:
            regions = self._leading_place(found)
        if not regions and self.w.region["from_paragraph"]:
            regions = self._earlier_regions(sentence[0])
        if not regions and self.w.region["reach"]:
            regions = self._earlier_regions(sentence[0], across=True)
        if regions and found is not None and regions[0].end <= sentence[0] <= found.start:
            regions = [r for r in regions if not self._about_another(r, found)]
        if regions:
            anchor = found.start if found is not None else at
            best = min(regions, key=lambda r: min(abs(r.end - anchor), abs(r.start - anchor)))
            region = self._span(best)
        return Record(agency=agency, project=None if found is None else self._span(found),
                      region=region)

    def _span(self, found: Found) -> Span:
        return Span(self.text[found.start:found.end], found.start, found.end)
