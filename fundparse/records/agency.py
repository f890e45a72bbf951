"""The agency of a funded total: the body that carries out or announces the project.

The sentence's subject ("구미시는"); else the nearest subject before it in the paragraph; else
the release's issuer ("인천광역시 보도자료").  "시는", "군은" stand for the body of that kind
named before; a body telling the report ("…에 따르면") counts only when no other subject does.
"""

from __future__ import annotations

import bisect
import heapq
from array import array
from collections.abc import Iterator

from fundparse.model import Span
from fundparse.records.shared import NAME_REACH, PARAGRAPH, Found, Reader

_NEAR_SUBJECTS = 400  # characters read first for the last subject before a sentence


class AgencyFinder(Reader):
    def _agency_caches(self) -> None:
        self._owner_clauses: list[tuple[int, int, str, int]] | None = None
        self._owner_starts: list[int] = []
        self._issuer: Span | None | bool = False
        self._all_named: bool | None = None  # the bodies named, found once: as offsets
        # offsets as arrays of machine integers: 8 bytes each, not 36 (a big text's peak)
        self._named_starts: array[int] = array("q")
        self._named_ends: array[int] = array("q")
        self._all_bare: bool | None = None
        self._bare_starts: array[int] = array("q")
        self._bare_ends: array[int] = array("q")
        self._bare_stops: array[int] = array("q")
        self._in_clause: set[int] = set()  # bodies named in a clause ("…부가 추진하는")
        self._told_by: set[int] = set()  # bodies a report is told by ("…군에 따르면")
        self._resolved: dict[tuple[int, str], Span | None] = {}  # a bare word's body, by start
        agency = self.w.data["agency"]
        self.company_marks = tuple(agency["company_marks"])
        self.list_particles = tuple(agency["no_comma_particles"])
        self.short_heads = tuple(sorted(agency["short_heads"], key=len, reverse=True))
        self.agency_word_heads = frozenset(agency["heads"] + agency["short_heads"])
        self.upper_heads = tuple(agency["upper_heads"])
        self.clause_joins = tuple(agency["clause_joins"])
        self.drop_province = bool(agency["drop_province"])
        self.provinces = frozenset(agency["upper"] + agency["provinces"])
        self.province_suffixes = tuple(agency["province_suffixes"])
        self.sentence_lead = bool(agency["sentence_lead"])
        self.also_particles = tuple(agency["also_particles"]) or ("\0",)
        self.also_heads = tuple(agency["also_heads"])
        self.glued_credits = tuple(agency["glued_credits"])
        self.subject_particles = tuple(self.w.data["grammar"]["subject"])

    def _named(self, start: int, end: int) -> list[Span]:
        """The bodies named as a subject (or a headline's "구미시, …") in [start, end)."""
        if self._all_named is None:
            self._named_starts, self._named_ends = self._find_named()
            self._all_named = True
        lo = bisect.bisect_left(self._named_starts, start)
        hi = bisect.bisect_left(self._named_starts, end)
        text, ends = self.text, self._named_ends
        return [Span(text[a:ends[i]], a, ends[i])
                for i, a in enumerate(self._named_starts[lo:hi], lo) if ends[i] <= end]

    def _named_back(self, start: int, end: int) -> Iterator[Span]:
        """``reversed(self._named(start, end))``, each span built only when it is reached (a
        reader that stops at the first it wants builds no more)."""
        if self._all_named is None:
            self._named_starts, self._named_ends = self._find_named()
            self._all_named = True
        starts, ends, text = self._named_starts, self._named_ends, self.text
        lo = bisect.bisect_left(starts, start)
        for i in range(bisect.bisect_left(starts, end) - 1, lo - 1, -1):
            if ends[i] <= end:
                yield Span(text[starts[i]:ends[i]], starts[i], ends[i])

    def _find_named(self) -> tuple[array[int], array[int]]:
        """Where the bodies named as subjects start and end, in text order: kept as offsets
        (two machine integers each), not as spans."""
        starts, ends = array("q"), array("q")
        # both searches' matches by where they start (the first search's first on a tie)
        matches = heapq.merge(self._agency_matches(),
                              self.w.headline.finditer(self.text),
                              self._official_matches(), key=lambda m: m.start())
        official = self.w.official
        for m in matches:
            name = m.group("name")
            last = name.split()[-1]
            if self._no_body(last):
                continue  # "지구", "군하지구", "활용도": not a body
            if m.re is official and (
                    self.text.count(name) < 2  # ("임수진군수가": a person's name, no body)
                    or any(self.text[a:e].split()[-1] == name for a, e in zip(starts, ends))):
                continue  # (a body named as a subject before is that subject, as written there)
            if m.group().endswith(self.also_particles) and not self._town(last):
                continue  # "보성군도 83억원을 …", not "솔라시도 에너지 자립마을"
            if self.text.startswith(self.list_particles, m.end("name")) and self.text.startswith(
                    ",", m.end()):
                continue  # "㈜디엠케이, ㈜대양이엔아이, …": an item of a list, its own 이
            if self.text.startswith(self.clause_verbs, self._next_word(m.end() + 1)):
                self._in_clause.add(m.start("name"))  # "농림수산식품부가 추진하는 …"
            elif self._clause_verb_later(m):
                self._in_clause.add(m.start("name"))  # "국토교통부가 전국 … 실시한 …"
            elif self._in_relative_clause(m):
                self._in_clause.add(m.start("name"))  # "옛 …위원회가 사무실로 사용했던 토지를"
            self._note_source(m)
            span = self._joined(self._without_particle_word(name, m.start("name")))
            for marks in (self._in_clause, self._told_by):  # kept by where the span starts
                if m.start("name") in marks:
                    marks.add(span.start)
            starts.append(span.start)
            ends.append(span.end)
        if self.w.data["agency"]["companies"]:
            return self._with_companies(starts, ends)
        return starts, ends

    def _agency_matches(self):
        """``self.w.agency.finditer(self.text)``, searched only in the paragraphs that may
        hold a match (:meth:`_may_name_body`; its marks found once over the whole text).  No
        match holds two whitespace characters in a row, so none runs over a blank line
        (``PARAGRAPH``), and a search begun after one finds the whole text's matches there."""
        text, pattern = self.text, self.w.agency
        marked = self._marks_by_paragraph()
        start, size = 0, len(text)
        for blank in (*PARAGRAPH.finditer(text), None):
            end = size if blank is None else blank.end()
            if (self._may_name_body(start, end) if marked is None
                    else marked(start, end) or self._cued_body(start, end)):
                yield from pattern.finditer(text, start, end)
            start = end

    def _marks_by_paragraph(self):
        """``lambda start, end: any(text.find(mark, start, end) >= 0 for mark in marks)``
        for stretches asked in text order, none before the one asked before: every place
        each company's mark is written is found once over the whole text, and a stretch holds
        a mark when one of those lies in it.  None when a mark is empty (then every stretch
        holds one, as ``str.find`` says, even an empty one)."""
        text, marks = self.text, self.w.agency_marks
        if not all(marks):
            return None
        found = []
        for mark in marks:
            k = text.find(mark)
            while k >= 0:
                found.append((k, k + len(mark)))
                k = text.find(mark, k + 1)
        found.sort()
        first = 0  # the first mark not before the stretch asked before

        def marked(start: int, end: int) -> bool:
            nonlocal first
            while first < len(found) and found[first][0] < start:
                first += 1
            k = first
            while k < len(found) and found[k][0] < end:
                if found[k][1] <= end:
                    return True
                k += 1
            return False

        return marked

    def _official_matches(self):
        """``self.w.official.finditer(self.text)``, searched only in the paragraphs holding
        ``official_cue`` (what follows each match; see words.py's ``_official_cue`` for why a
        paragraph's search finds the whole text's matches there)."""
        text, pattern, cue = self.text, self.w.official, self.w.official_cue
        if cue is None:
            yield from pattern.finditer(text)
            return
        start, size = 0, len(text)
        for blank in (*PARAGRAPH.finditer(text), None):
            end = size if blank is None else blank.end()
            if cue.search(text, start, end) is not None:
                yield from pattern.finditer(text, start, end)
            start = end

    def _may_name_body(self, start: int, end: int) -> bool:
        """``text[start:end]`` holds what every match of ``agency`` holds: a company's mark,
        or a head (or latin name) ending right before its particle — the particle found first
        (``agency_cue``: the head's last letter, then the particle), then the whole head by
        ``str.endswith``, at every offset the cue matches (not only where a search resumed)."""
        if any(self.text.find(mark, start, end) >= 0 for mark in self.w.agency_marks):
            return True
        return self._cued_body(start, end)

    def _cued_body(self, start: int, end: int) -> bool:
        """The second half of :meth:`_may_name_body`: a head (or latin name) ending right
        before its particle in ``text[start:end]``."""
        text, cue, ends = self.text, self.w.agency_cue, self.w.agency_ends
        pos = start
        while True:
            m = cue.search(text, pos, end)
            if m is None:
                return False
            pos = m.start() + 1
            if text.endswith(ends, start, pos):
                return True

    def _town(self, word: str) -> bool:
        """"보성군", "여주시": a city or county of sources.toml's municipalities with its head."""
        towns = self.__dict__.get("_towns")
        if towns is None:
            from fundparse.rules.tables import load_tables

            towns = self.__dict__["_towns"] = frozenset(load_tables().municipalities)
        return word[:-1] in towns and word[-1:] in self.also_heads

    def _clause_verb_later(self, m) -> bool:
        """A body with 이/가 (relative_subject) whose clause verb (one of clause_verbs) comes
        within clause_words words after it, before a comma or a sentence's end: "국토교통부가
        전국 243개 지자체를 대상으로 실시한 ‘…’에서" ([agency] clause_words; 0: off)."""
        cfg = self.w.data["agency"]
        reach = int(cfg["clause_words"])
        if reach < 2 or not m.group().endswith(tuple(cfg["relative_subject"])):
            return False
        after = self.text[m.end():m.end() + 80].split()[1:reach]
        for word in after:
            if word.startswith(self.clause_verbs):
                return True
            if word[-1:] in ",.!?":
                return False
        return False

    def _in_relative_clause(self, m) -> bool:
        """A body whose clause is a relative one ([agency] relative_endings: "…위원회가 사무실로
        사용했던 토지를"), or a former body ("옛 …위원회가"): not the doer."""
        cfg = self.w.data["agency"]
        before = self.text[max(0, m.start("name") - 6):m.start("name")].split()
        if before and before[-1] in cfg["former_words"]:
            return True
        if not cfg["relative_endings"] or not m.group().endswith(tuple(cfg["relative_subject"])):
            return False
        after = self.text[m.end():m.end() + 40]
        for word in after.split()[:int(cfg["relative_words"])]:
            if word.endswith(tuple(cfg["relative_endings"])):
                return True
            if word[-1:] in ",.!?":
                return False
        return False

    def _next_word(self, at: int) -> int:
        """``at``, or past the spaces and line breaks there ("…위원회가⏎⏎주관하는": a script
        that breaks its lines, a blank line between)."""
        text = self.text
        while at < len(text) and text[at].isspace():
            at += 1
        return at

    def _with_companies(self, starts: array[int], ends: array[int]
                        ) -> tuple[array[int], array[int]]:
        """The bodies (``starts``, ``ends``) and the companies named as subjects without a
        mark: a name the text gave as a company before — with a mark ("㈜디엠케이, …" →
        "디엠케이는"), in a counted list of companies ("오캄바이오·덕산코트랜·로가·동남 등 4개
        기업은", "건화, 신신사 2개사와") or after a word for one ("…전문업체인 오텍캐리어냉장은") —
        then 은/는/이/가/도, within company_chars after it."""
        reach = int(self.w.data["agency"]["company_chars"])
        taken: set[int] = set()  # the starts added here

        def found(start: int) -> bool:
            # the bodies near ``start`` (in text order but for a joined body's few characters:
            # a wide margin), not a set of every start of a long text
            lo = bisect.bisect_left(starts, start - 4 * NAME_REACH)
            hi = bisect.bisect_right(starts, start + 4 * NAME_REACH)
            return start in taken or start in starts[lo:hi]

        added = []
        for name, at in self.w.company_names(self.text):
            for m in self.w.company_subject(name).finditer(
                    self.text, at, min(len(self.text), at + reach)):
                start = m.start("name")
                if found(start) or self.text[max(0, start - 3):start].endswith(
                        self.company_marks):
                    continue  # found already, or "㈜신라이노텍은" (the mark is the name's)
                taken.add(start)
                added.append((start, m.end("name")))
        if not added:
            return starts, ends
        merged = sorted([*zip(starts, ends), *added], key=lambda s: s[0])
        return array("q", (a for a, _ in merged)), array("q", (b for _, b in merged))

    def _joined(self, span: Span) -> Span:
        """"진주시와 경남도는": the bodies joined before ``span`` are one agency with it."""
        j = self.w.joint.search(self.text, max(0, span.start - NAME_REACH // 4), span.start)
        if j is None:
            return span
        last = j.group("name").split()[-1]
        if self._no_body(last):
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
            return self._without_credit(Span(name, start, start + len(name)))
        cut = name.index(words[k], sum(len(w) for w in words[:k]) + k - 1)
        return self._without_credit(Span(name[cut:], start + cut, start + len(name)))

    def _without_credit(self, span: Span) -> Span:
        """"경남도청 제공경상남도는": a photo caption's credit ([agency] glued_credits) that ends
        the caption glued to the body opening the next sentence is no part of its name; the
        name starts after the last such credit (at least two letters left)."""
        cut, pos = 0, 0
        for word in span.text.split():
            pos = span.text.index(word, pos)
            for credit in self.glued_credits:
                if word.startswith(credit) and len(word) - len(credit) >= 2:
                    cut = pos + len(credit)
            pos += len(word)
        if cut == 0:
            return span
        return Span(span.text[cut:], span.start + cut, span.end)

    def _note_source(self, m) -> None:
        """"보은군에 따르면": remembered as a body a report is told by."""
        if m.group(0).endswith(self.sources):
            self._told_by.add(m.start("name"))

    def _bare(self, start: int, end: int) -> list[Span]:
        """The bare subjects ("시는", "군은") in [start, end): found once over the whole text,
        kept as offsets (where each starts and ends, and where its particle ends: the character
        after it must be inside [start, end) too, as a search of the stretch alone would need)."""
        if self._all_bare is None:
            self._all_bare = True
            for m in self._bare_matches():
                if self._several_bare(m.start("name")):
                    continue  # ("도와 각 시·군은", "이들 군에는": several bodies, no one)
                self._note_source(m)
                self._bare_starts.append(m.start("name"))
                self._bare_ends.append(m.end("name"))
                self._bare_stops.append(m.end())
        lo = bisect.bisect_left(self._bare_starts, start)
        hi = bisect.bisect_left(self._bare_starts, end)
        text, ends, stops = self.text, self._bare_ends, self._bare_stops
        return [Span(text[a:ends[i]], a, ends[i])
                for i, a in enumerate(self._bare_starts[lo:hi], lo) if stops[i] < end]

    def _several_bare(self, at: int) -> bool:
        """A bare word at ``at`` glued after one of [agency] bare_not_after_chars ("시·군은"),
        right after one of bare_not_after ("이들 군에는", "각 시는") or after a count with one of
        bare_not_after_counters ("4개 군이"): cities or counties in general, no one body
        (round 27)."""
        agency = self.w.data["agency"]
        if at > 0 and self.text[at - 1] in agency.get("bare_not_after_chars", ()):
            return True
        words = self.text[max(0, at - 8):at].split()
        if not words or not self.text[at - 1:at].isspace():
            return False
        last = words[-1]
        # ("4개 군이": a count of them)
        return last in agency.get("bare_not_after", ()) or (
            last[:1].isdigit() and last.lstrip("0123456789").strip()
            in agency.get("bare_not_after_counters", ()))

    def _bare_matches(self) -> Iterator:
        """``self.w.bare.finditer(self.text)``, tried only where ``bare_cue`` matches: the
        same pattern without its look-behind matches wherever it does, so the offsets before
        the next place ``bare_cue`` matches hold no match; at that place ``bare`` is tried as
        the whole search tries it (its look-behind reads the text before, as there); after a
        match the search goes on from its end, as ``finditer``'s does."""
        text, pattern, cue = self.text, self.w.bare, self.w.bare_cue
        if cue is None:  # (an empty word: a match may be empty, searched as before)
            yield from pattern.finditer(text)
            return
        pos = 0
        while True:
            c = cue.search(text, pos)
            if c is None:
                return
            m = pattern.match(text, c.start())
            if m is None:
                pos = c.start() + 1
            else:
                yield m  # (never empty: a word and a particle)
                pos = m.end()

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
        """"시는" -> the 시 named last before it, else the issuer when it is one (found once
        for each bare word: the amounts of one sentence ask for the same)."""
        key = (bare.start, bare.text)
        if key not in self._resolved:
            self._resolved[key] = self._resolve_once(bare)
        return self._resolved[key]

    def _resolve_once(self, bare: Span) -> Span | None:
        kind = bare.text[0]
        for span in self._named_back(max(0, bare.start - 20000), bare.start):
            if span.text.split()[-1].endswith(kind):
                return span
        issuer = self.issuer()
        if issuer is not None and issuer.text.endswith(kind):
            return issuer
        # "[천안]천안시 업성저수지 …사업이 …. 시는 …", "충북 음성군의 삼성면 …센터가 …. 군은 …":
        # the body named last before, in any role (its owner's 의 too)
        last = None
        lo = max(0, bare.start - 3000)
        cue = self.w.body_end(kind)
        for start, end in self._paragraphs_back(lo, bare.start):
            # (no name ending in ``kind`` as a mention or an owner ends here: none of those
            # counts; a title's body is read whatever the cue: "…구청장" holds no such ending)
            named = cue is None or cue.search(self.text, start, end) is not None
            # (a title's body only where a body's letter and its title stand: "구청장")
            titled = any(self.text.find(c, start, end) >= 0 for c in self.w.title_body_cues)
            for pattern in (((self.w.mention, self.w.owner) if named else ())
                            + ((self.w.title_body,) if titled else ())):
                for m in pattern.finditer(self.text, start, end):
                    name = m.group("name").split()[-1]
                    if (name.endswith(kind) and name not in self.not_agency
                            and not self._no_body(name)
                            and (last is None or m.start() > last.start())):
                        last = m
            if last is not None:
                break  # (the paragraphs before hold only matches starting before it)
        return None if last is None else Span(last.group("name"), last.start("name"),
                                              last.end("name"))

    def _paragraphs_back(self, lo: int, hi: int) -> list[tuple[int, int]]:
        """[lo, hi) cut right after each blank line in it, the last piece first: searched
        piece by piece (in either order), ``mention`` and ``owner`` find the matches of
        [lo, hi) searched whole (``bodies_in_paragraphs``); else [lo, hi) alone."""
        if not self.w.bodies_in_paragraphs:
            return [(lo, hi)]
        cuts = [lo, *(m.end() for m in PARAGRAPH.finditer(self.text, lo, hi)), hi]
        return [(a, b) for a, b in zip(cuts[-2::-1], cuts[:0:-1]) if a < b]

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
            spans = [s for s in self._subjects(max(lo, near - NAME_REACH), hi)
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
        if self.w.data["agency"]["office_subjects"] and " " not in span.text:
            # "광주 남구가 …. … 남구청이 …": a body's office as the subject is the body
            # named as the subject before it, as written there
            office = self._office_of(span, span.start)
            if office is not None:
                return office
        return self._full_name(span) or span

    def _full_name(self, short: Span) -> Span | None:
        """"도교육청은" after "충북도교육청", "경남본부는" after "한국농어촌공사 경남지역본부": a
        one-word body ending in one of short_heads that shortens one named before (within
        short_chars) — that one's last word ends in it, or starts with the same short_lead
        characters and ends in the same head with the short one's other characters in order —
        stands for that body as written there (with a higher level before it)."""
        agency = self.w.data["agency"]
        word, lead = short.text, int(agency["short_lead"])
        head = next((h for h in self.short_heads if word.endswith(h)), "")
        if not head or " " in word or len(word) < len(head) or not agency["short_forms"]:
            return None
        lo = max(0, short.start - int(agency["short_chars"]))
        found = None
        for m in self.w.forms.body_token.finditer(self.text, lo, short.start):
            token = m.group()
            for cut in range(len(token), max(len(word), len(token) - 3), -1):
                full = token[:cut]
                if full.endswith(head) and (
                        (full.endswith(word) and full[:-len(word)].strip("".join(
                            self.company_marks))) or self._shortens(word, full, lead, head)):
                    found = (m.start(), m.start() + cut)
                    break
        if found is None:
            return None
        start, end = found
        before = self.text[max(0, start - 20):start]
        upper = before.split()[-1:] if before.endswith(" ") else []
        if upper and (upper[0].endswith(self.upper_heads) or upper[0] in self.provinces):
            start -= len(upper[0]) + 1
        return Span(self.text[start:end], start, end)

    @staticmethod
    def _shortens(word: str, full: str, lead: int, head: str) -> bool:
        """"경남본부" of "경남지역본부": the same lead, the same head, the rest in order."""
        if len(full) <= len(word) or not full.startswith(word[:lead]):
            return False
        rest = iter(full[lead:len(full) - len(head)])
        return all(c in rest for c in word[lead:len(word) - len(head)])

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
        found = self._item_head(at, sentence[0]) or self._agency(at, sentence, project)
        return None if found is None else self._without_province(self._without_office(found))

    def _item_head(self, at: int, s_start: int) -> Span | None:
        """"▲동구- 효평동 여가녹지사업(4억 9500만원), …": the body heading the list item the
        amount is in (the last list mark before it in its sentence) — [agency] item_heads."""
        bullets = self.w.project["list_bullets"]
        mark = max(self.text.rfind(b, s_start, at) for b in bullets)
        if mark < 0:
            return None
        m = self.w.item_head.match(self.text, mark, at)
        if m is None or self._no_body(m.group("name").split()[-1]):
            return None
        return Span(m.group("name"), m.start("name"), m.end("name"))

    def _without_office(self, span: Span) -> Span:
        """"산림청 한국산림복지진흥원": a ministry or an office (a first word ending in one of
        office_upper_heads) is a higher level only before its own branch (a last word ending in
        one of short_heads: "해양수산부 부산항건설사무소"); before another body it is dropped."""
        heads = tuple(self.w.data["agency"]["office_upper_heads"])
        others = tuple(h for h in self.upper_heads if h not in heads)  # "충청남도", "울산시"
        words = span.text.split()
        if (len(words) < 2 or not heads or not words[0].endswith(heads)
                or words[0].endswith(others) or words[-1].endswith(self.short_heads)):
            return span
        cut = span.text.index(words[1], len(words[0]))
        return Span(span.text[cut:], span.start + cut, span.end)

    def _without_province(self, span: Span) -> Span:
        """"강원 양구군", "서울시 관악구", "경남 창원시 푸른도시사업소": a province or
        metropolitan city written before a body only locates it; the body is named without it
        ([agency] drop_province)."""
        if not self.drop_province:
            return span
        words = span.text.split()
        k = 0
        while k < len(words) - 1 and self._province(words[k]):
            k += 1
        if k == 0 or words[k] in self.agency_word_heads:
            return span  # ("세종특별자치시 교육청": a head alone is no body without its place)
        cut = span.text.index(words[k], len(" ".join(words[:k])))
        return Span(span.text[cut:], span.start + cut, span.end)

    def _province(self, word: str) -> bool:
        if word in self.provinces:
            return True
        for suffix in self.province_suffixes:
            if word.endswith(suffix) and word[:-len(suffix)] in self.provinces:
                return True
        return False

    def _agency(self, at: int, sentence: tuple[int, int], project: Found | None = None
                ) -> Span | None:
        s_start, s_end = sentence
        subjects = self._main(self._subjects(s_start, s_end))
        before = [s for s in subjects if s.end <= at]
        # after the amount: its subject unless a clause break comes between ("…에는 940억원을
        # 투입해 …, 괴산군에서는 …": the next clause's)
        after = [s for s in subjects if s.start >= at
                 and not any(b in self.text[at:s.start] for b in self.clause_breaks_after)]
        pick = before[0] if before else (after[0] if after else None)
        for later in before[1:]:
            # "덕산코트랜은 … 신축하고, 로가는 … 130억원 규모의 …": a subject opening the amount's
            # own clause (after a clause join: 고, 며,) is its agency
            if self._opens_clause(pick.end, later.start):
                pick = later
        listed = self._listed_subject(before, after, at, s_start)
        if listed is not None:
            # "지역별로는 완주군이 28억 원, 진안군이 87억 원, …": a list of bodies each with its own
            # amount right after its subject particle ([agency] listed_subjects)
            pick = listed
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
            owner = self._clause_owner(project, at) or self._item_owner(project, sentence, at)
            if owner is not None:
                return owner
        if pick is None and self.sentence_lead:
            # "건설청 주요 사업은 …", "서천군 소규모 유형은 …": a body opening the sentence without
            # a particle, the sentence's topic after it
            pick = self._sentence_lead(s_start, at)
            if pick is not None and self.w.data["agency"]["office_suffixes"]:
                # "대전 대덕구는 …. 대덕구청 신청사는 …": a body's office (…구청) is the body
                # named before in the paragraph, as written there
                pick = self._office_of(pick, s_start) or pick
        if pick is None:
            para = self._paragraph_start(s_start)
            earlier = self._main(self._subjects(para, s_start), told=True)
            pick = earlier[-1] if earlier else None
            if self.w.data["agency"]["opening_owner"]:
                # "고흥군은 …. 함평군의 ‘…사업’은 …이다. 33억원이 투입된다": a roundup whose
                # sentence opens with a body's project as its topic is that body's
                owner = self._opening_owner(para if pick is None else pick.end, at)
                if owner is not None and (pick is None or self._peers(owner, pick)):
                    return owner
        if pick is None:
            pick = self.issuer()
            if pick is not None:
                return pick
            # news without an issuer: the body named last before it (a bare "시는" too)
            last = self._last_subject(max(0, s_start - 3000), s_start)
            if last is not None:
                return self._agency_of(last)
            return (self._lead_body(at) or self._owner(at) or self._later_subject(s_end)
                    or self._from_body(s_start, at))
        return self._agency_of(pick)

    def _listed_subject(self, before: list[Span], after: list[Span], at: int, s_start: int
                        ) -> Span | None:
        """The subject right before the amount — one of [agency] listed_subjects, then spaces —
        when it is an item of a list: a comma right before the body, or the next subject after the
        amount has one ("완주군이 28억 원, 진안군이 87억 원, …")."""
        particles = self.w.data["agency"].get("listed_subjects", ())
        if not before or not particles:
            return None
        last = before[-1]
        between = self.text[last.end:at]
        if between.rstrip(" \t") not in particles:
            return None

        def comma_before(span: Span) -> bool:
            k = span.start
            while k > s_start and self.text[k - 1] in " \t":
                k -= 1
            return self.text[k - 1:k] == ","

        if comma_before(last):
            return last
        nxt = after[0] if after else None
        if nxt is not None and comma_before(nxt) and self.text[nxt.end:nxt.end + 2].rstrip(
                " \t") in particles:
            return last
        return None

    def _from_body(self, s_start: int, at: int) -> Span | None:
        """Nothing else names the doer: the last body before ``at``, in its sentence or the one
        before, with one of from_particles ("사업비는 무주군에서 … 지원받은 … 65억원이 투입돼")
        — [agency] from_body."""
        agency = self.w.data["agency"]
        if not agency["from_body"]:
            return None
        lo = self.sentences.span(s_start - 1)[0] if s_start > 0 else s_start
        found = None
        for m in self.w.from_body.finditer(self.text, lo, at):
            if not self._no_body(m.group("name").split()[-1]):
                found = m
        return None if found is None else Span(found.group("name"), found.start("name"),
                                               found.end("name"))

    def _sentence_lead(self, s_start: int, at: int) -> Span | None:
        """A body that opens the sentence (past spaces and list marks) with no particle, then
        at most lead_words words up to a topic or subject particle, before ``at``."""
        m = self.w.sentence_lead.match(self.text, self._next_word(s_start), at)
        if m is None or self._no_body(m.group("name").split()[-1]):
            return None
        if self._locates(m.end("name")):
            return None
        return Span(m.group("name"), m.start("name"), m.end("name"))

    def _opens_clause(self, lo: int, start: int) -> bool:
        """A clause join (…하고, …하며,) in ``text[lo:start]`` with no comma after it: the body
        at ``start`` is the next clause's subject."""
        between = self.text[lo:start]
        cut = max(between.rfind(j) for j in self.clause_joins)
        return cut >= 0 and "," not in between[cut + 2:]

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
                for m in self.w.owner_clause.finditer(self.text, max(0, v.start() - NAME_REACH),
                                                      min(len(self.text), v.end() + 2)):
                    pass
                if m is None or m.end() < v.end():
                    continue
                last = m.group("name").split()[-1]
                if not self._no_body(last):
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

    def _item_owner(self, project: Found, sentence: tuple[int, int], at: int) -> Span | None:
        """"선정된 사업은 괴산군 ‘…조성’(20억원), 옥천군 ‘…정원’(20억원)": the body written right
        before the quoted name of the amount's own item — the name in its sentence, the amount
        in brackets right after its closing mark — is that item's ([agency] item_owner)."""
        if not self.w.data["agency"]["item_owner"] or not sentence[0] <= project.start < at:
            return None
        quote = project.start - 1
        if quote < 0 or self.text[quote] not in self.w.data["agency"]["item_quotes"]:
            return None
        between = self.text[project.end:at]
        if len(between) > 3 or "(" not in between:
            return None  # (the amount in brackets right after the closing mark)
        found = None
        for m in self.w.owner.finditer(self.text, max(sentence[0], quote - NAME_REACH), quote + 1):
            if m.end() == quote and not self._no_body(m.group("name").split()[-1]):
                found = m
        if found is None:
            return None
        return Span(found.group("name"), found.start("name"), found.end("name"))

    def _owner(self, at: int) -> Span | None:
        """"단양군의 올 시설 사업은", "영암군의 '…' 플랫폼이": the first body before ``at``
        (within owner_chars) that a project belongs to — 의, then a project head or a quotation
        mark soon after."""
        agency = self.w.data["agency"]  # the word lists themselves are read once, in __init__
        reach = int(agency["owner_reach"])
        end_cue = self.w.owner_end
        for start, end in reversed(self._paragraphs_back(
                max(0, at - int(agency["owner_chars"])), at)):
            if end_cue.search(self.text, start, end) is None:
                continue  # (no match ends here: none starts here)
            for m in self.w.owner.finditer(self.text, start, end):
                name = m.group("name")
                last = name.split()[-1]
                if self._no_body(last):
                    continue
                if self.w.project_hint.search(self.text, m.end(), min(at, m.end() + reach)):
                    return Span(name, m.start("name"), m.end("name"))
        return None

    def _office_of(self, lead: Span, s_start: int) -> Span | None:
        """The subject before ``s_start`` in the paragraph whose last word is ``lead``'s last
        word without one of office_suffixes ("대덕구청" -> "대전 대덕구"), else None."""
        last = lead.text.split()[-1]
        suffix = next((x for x in self.w.data["agency"]["office_suffixes"]
                       if last.endswith(x) and len(last) > len(x) + 1), "")
        if not suffix:
            return None
        body = last[:-len(suffix)]
        para = self._paragraph_start(s_start)
        for span in reversed(self._main(self._subjects(para, s_start), told=True)):
            if span.text.split()[-1] == body:
                return span
        return None

    def _peers(self, one: Span, other: Span) -> bool:
        """Bodies of one kind: the same head, or both of opening_owner_peers ("고흥군", "순천시"
        are; "국토교통부" and "구미시" are not)."""
        def head(span: Span) -> str:
            word = self._agency_of(span).text.split()[-1]
            return max((h for h in self.agency_word_heads if word.endswith(h)), key=len,
                       default="")
        a, b = head(one), head(other)
        peers = self.w.data["agency"]["opening_owner_peers"]
        return a == b or (a in peers and b in peers)

    def _opening_owner(self, lo: int, at: int) -> Span | None:
        """The last body in ``text[lo:at]`` that opens a sentence with 의 and a project head or
        a quotation mark within owner_reach after it ("함평군의 ‘…’은"): what that sentence and
        the ones after it without a subject are about is that body's."""
        reach = int(self.w.data["agency"]["owner_reach"])
        found = None
        for m in self.w.owner.finditer(self.text, lo, at):
            name = m.group("name")
            if self._no_body(name.split()[-1]):
                continue
            if not self._opens_sentence(m.start()):
                continue
            if self.w.project_hint.search(self.text, m.end(), min(at, m.end() + reach)):
                found = Span(name, m.start("name"), m.end("name"))
        return found

    def _opens_sentence(self, start: int) -> bool:
        """``start`` opens its sentence, or only owner_lead_words words come before it there
        (an adverb, a clause: "또한 고창군의 ‘…’은", "이번 공모에 선정된 진안군의 ‘…’는"),
        none with a subject's particle or a comma."""
        head = self.text[self._next_word(self.sentences.span(start)[0]):start]
        words = head.split()
        if not words:
            return True
        if len(words) > int(self.w.data["agency"]["owner_lead_words"]) or "," in head:
            return False
        return not any(w.endswith(self.subject_particles) for w in words)

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
            if self._no_body(last) or self._locates(m.end("name")):
                continue
            return Span(name, m.start("name"), m.end("name"))
        return None

    def _locates(self, end: int) -> bool:
        """"북구 흥해읍 성곡리 일대는 …": a body right before a village-level place (a site word,
        a numbered part of a town) opens a chain of places; it only locates what follows
        (lead_place)."""
        if not self.w.data["agency"]["lead_place"]:
            return False
        after = self.text[end:end + 16].split()
        if not after:
            return False
        first = after[0].rstrip(self.w.forms.chars_subject)
        chain = (self._village(after[0]) or first in self.around
                 or self.w.numbered_place.fullmatch(first) is not None)
        if (chain and self.w.data["agency"].get("lead_owns")
                and "\n" not in self.text[:end].lstrip()):
            # "대전 동구 홍도동 동산리 경로당(…)이 준공을 마치고 …": in the text's first line, a
            # chain of places leading to a project's name (no 에: "…공원에 …이 문을 열었다" only
            # locates) names what the body owns — the body is the agency
            for w in self._words(end, min(len(self.text), end + 80))[:int(
                    self.w.data["agency"]["lead_owns_words"])]:
                if (self._project_head(w.core) and not self._village(w.core)
                        and w.particle not in self.w.forms.place_e):
                    return False
                if w.particle or w.closed:
                    break
        return chain
