"""The project names of a sentence: a quoted name, or a few plain words ending in a project
head (…센터, …사업, …도로 확·포장), each marked by how the sentence uses it (the topic, what the
next amount is for, the object of an action, …)."""

from __future__ import annotations

import regex

from fundparse import patterns
from fundparse.records.shared import Found, Reader
from fundparse.records.tokens import Word, run_before
from fundparse.records.words import package_table

_H = package_table("grammar")["hangul"]
_HANGUL_WORD = regex.compile(f"[{_H}]+")
_LETTER = regex.compile(f"[{_H}A-Za-z]")
_TRAILING_BRACKET = regex.compile(r"\([^()]{1,12}\)$")
_WORD_AFTER_QUOTE = patterns.compile(rf"\s?([{_H}·]{{2,10}})(?=[\s,])")


class NameFinder(Reader):
    def _name_caches(self) -> None:
        self._words_cache: dict[tuple[int, int], list[Word]] = {}
        self._found_cache: dict[tuple[int, int], tuple[list[Found], list[Found]]] = {}
        # the places of a sentence read without its names (the place look-back reads only
        # those): kept until the names are asked for too, then moved into ``_found_cache``
        self._regions_cache: dict[tuple[int, int], list[Found]] = {}
        # what may stand between a competition's name and its own amount ("…공모사업(98억원)")
        self.contest_amount_opens = " \t(" if self.w.project["contest_own_bracket"] else None

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
            if (i and not w.particle and w.core in self.news_verbs and not ws[i - 1].particle
                    and not ws[i - 1].closed and not w.apart
                    and self.w.sets.longest_head(ws[i - 1].text, actions=False)
                    and self._ends_line(w.end)):
                continue  # "…활성화사업 준공⏎", "…센터 착공⏎": a headline's event, not the name
            if any(a <= w.start < b for a, b in taken):
                place = next((r for r in regions if r.end == w.core_end), None)
                if place is not None and w.particle in self.w.forms.place_e:
                    out.append(Found(place.start, place.end, True, place=True))
                continue
            nxt = ws[i + 1] if i + 1 < len(ws) else None
            if nxt is not None and (nxt.text in self.inside
                                    or nxt.text in self.w.project["beside_words"]):
                continue  # "…공원 내", "…청소년회관 바로 옆": a place, not a project
            if w.particle == self.of_particle and not (nxt is not None
                                           and nxt.text.startswith(self.budget_words)):
                continue  # "기존 도로의 유지" names what else is about ("…사업의 총사업비" not)
            if not (w.particle or w.closed or nxt is None or nxt.text in self.news_verbs
                    or self._cost_word(nxt.core)
                    or not (self._plain(nxt) or self._project_head(nxt.core))):
                continue  # the name goes on: "…혁신밸리 조성사업에" (not "… 건립 착수")
            first = run_before(ws, i, cfg["max_words"] - 1, free)
            beside = [k for k in range(first, i) if ws[k].text in cfg["beside_words"]]
            if beside and cfg["beside_cuts"]:
                # "자유시장 뒤편 기존 …공영주차장을": the words up to a word of where (뒤편, 옆)
                # say where it stands, not what it is
                first = beside[-1] + 1
            if first == i and i and self._repeated_before(ws[i - 1], w):
                # "빛고을 스포츠센터는": a word ending like a particle, written before the same
                # head elsewhere in the text too, is part of the name
                first = i - 1
            if (first == i and i and w.core in self.possessive_heads
                    and ws[i - 1].text.endswith(self.possessive_particle)
                    and len(ws[i - 1].text) > 2
                    and not ws[i - 1].apart):
                # "치유의 숲", "문화의 집": a short head after a word with 의 is one name
                first = run_before(ws, i - 1, cfg["max_words"] - 2, free)
            if all(x.text in self.generic or x.text in self.which_words or x.text[:1].isdigit()
                   for x in ws[first:i]) and self._nameless(w.core):
                continue  # "사업", "2차 사업", "구축사업", "첫 국책사업": no name
            if (first and cfg["quote_opened"] and i - first < cfg["max_words"] - 1
                    and self._opens_quote(ws[first - 1], w)):
                # "‘양평 지하수저류댐 설치사업 준공식’", "‘연초면 권역단위 거점개발 시행계획’": the
                # name's first word carries the opening mark (a place too)
                first -= 1
            first = self._joined_works(ws, first, i, free)
            start = ws[first].start
            while w.core_end - start > cfg["max_chars"] and first < i:
                first += 1
                start = ws[first].start
            if any(q.start <= start < q.end + 2 for q in quoted):
                continue  # the words of a quoted name
            particle = w.particle or self._particle_after_aside(w, hi)
            told = particle in self.w.forms.object_marks and self._acted_on(w.end)
            # "…청사도 공정률 85%로 …": 도 marks a topic too, opening the sentence with no
            # action after it
            out.append(Found(start, w.core_end, particle in self.w.forms.toward,
                             particle in self.w.forms.topic_marks
                             or (particle == self.also_particle and not told and first == 0),
                             told=told, role=particle in self.w.forms.means_particles))
        return sorted(out, key=lambda f: f.start)

    def _ends_line(self, at: int) -> bool:
        """Nothing but spaces from ``at`` to the end of its line (or of the text)."""
        nl = self.text.find("\n", at)
        return not self.text[at:len(self.text) if nl < 0 else nl].strip()

    def _joined_works(self, ws: list[Word], first: int, i: int, free) -> int:
        """"들녘천 정비 및 생태복원사업", "군도 12호선 확장 및 포장공사": two works done in one
        project — the word before the joining word (joined_works_words) is what is done (one of
        actions, no project head of its own) and the words after it name no other thing (no head
        before ``ws[i]``) — so the name starts before them; ``first`` unchanged otherwise (two
        things joined, "식당 및 조리실 증축공사", are several projects)."""
        k = first - 2
        if (k < 0 or ws[first - 1].text not in self.w.project["joined_works_words"]
                or ws[first - 1].apart or ws[first].apart):
            return first
        done = ws[k]
        if (not free(done) or done.particle
                or not (self.w.sets.longest_head(done.text)
                        or done.text.endswith(tuple(self.w.project["joined_works_actions"])))
                or self.w.sets.longest_head(done.text, actions=False)
                or any(self._project_head(x.core) for x in ws[first:i])):
            return first
        return run_before(ws, k, self.w.project["max_words"] - 1 - (i - k), free)

    def _opens_quote(self, x: Word, head: Word) -> bool:
        """``x`` opens a quotation (its mark right before it, after a space or a line's start),
        has no particle and no mark after it, and the quotation is not closed before ``head``."""
        if not x.quoted or x.particle or x.closed or x.start < 1:
            return False
        mark = self.text[x.start - 1]
        if mark not in self._openers or (x.start >= 2 and self.text[x.start - 2].isalnum()):
            return False
        if (not _HANGUL_WORD.fullmatch(x.text) or x.text in self.stop or x.text in self.generic
                or x.text.endswith(self.agency_heads)):  # ("‘거창군청 신관 준공식’": a body)
            return False
        closers = self._openers[mark]
        return not any(c in self.text[x.end:head.start] for c in closers)

    @property
    def _openers(self) -> dict[str, str]:
        known = getattr(self, "_openers_known", None)
        if known is None:
            known = {}
            for pair in self.w.project["quotes"]:
                known[pair[0]] = known.get(pair[0], "") + pair[1]
            for pair in self.w.project["loose_quotes"]:
                known[pair[0]] = known.get(pair[0], "") + pair[1]
            self._openers_known = known
        return known

    def _particle_after_aside(self, w: Word, hi: int) -> str:
        """"황톳길 정비(신규 황톳길 조성 등)에 10억 원": the particle after a short aside in
        brackets right after the name (aside_particle_chars at most; "" when none)."""
        reach = int(self.w.project["aside_particle_chars"])
        if not reach or self.text[w.end:w.end + 1] != "(":
            return ""
        close = self.text.find(")", w.end, min(hi, w.end + reach))
        if close < 0 or "(" in self.text[w.end + 1:close]:
            return ""
        m = self.w.forms.after_aside.match(self.text, close + 1, hi)
        return "" if m is None else m.group(1)

    def _repeated_before(self, prev: Word, w: Word) -> bool:
        """``prev`` (no particle taken off, a Hangul word ending like one: "빛고을") is written
        right before ``w``'s core at least once more within refer_chars (repeated_names)."""
        if (not self.w.project["repeated_names"] or prev.particle or prev.closed or prev.quoted
                or not _HANGUL_WORD.fullmatch(prev.text)
                or prev.text in self.stop or len(prev.text) < 3):
            return False
        reach = int(self.w.project["refer_chars"])  # (a window: no whole-text scan per word)
        return self.text.count(f"{prev.text} {w.core}", max(0, prev.start - reach),
                               w.end + reach) >= 2

    def _cost_word(self, core: str) -> bool:
        """"공사비", "건립비": a cost word ends the name before it ("전체 신청사 공사비 1,140억 원")."""
        cfg = self.w.project
        return cfg["cost_before"] and (core in cfg["cost_words"]
                                       or core.endswith(self.cost_suffix)
                                       and core[:-len(self.cost_suffix)] in self.actions)

    def _relative(self, end: int, hi: int) -> list[Found]:
        """"…83억원을 투입하는 미디어 파사드는": the words after the amount's relative verb."""
        m = self.w.relative.match(self.text, end, hi)
        if m is None:
            # "21억 원을 투입한 '건강체육관' 조성 사업이": a quoted name after the verb
            q = self.w.relative_quoted.match(self.text, end, hi)
            return [] if q is None else [Found(q.start(1), q.end(1), topic=True, quoted=True)]
        words = m.group(1).split()
        if any(w in self.stop or w.endswith(self.stop_endings) for w in words):
            return []
        if any(w.endswith(tuple(self.w.project.get("relative_breaks", ()))) for w in words[:-1]):
            return []  # ("…원이 투입되는 사업으로 군은": a word with a case particle ends it)
        if m.group("of") and not self._project_head(words[-1]):
            return []  # ("…을 투입한 전민복합문화센터의 기공식": 의 only after a project's head)
        return [Found(m.start(1), m.end(1), topic=True)]

    def _acted_on(self, after: int) -> bool:
        """An action right after a name and its object particle: "…을 조성한다"."""
        return self.w.action.match(self.text, after) is not None

    def _nameless(self, core: str) -> bool:
        """A head alone or after an action: "사업", "구축사업", "건립공사" (but "거점센터")."""
        if core in self.generic or core in self.actions:
            return True
        if "·" in core and all(x in self.actions or x in self.generic for x in core.split("·")):
            return True  # "정비·확충": what is done, joined, names nothing
        head = next((w for w in self.bare_words if core.endswith(w)), None)
        if head is None:
            return False
        stem = core[:-len(head)].rstrip()
        # "국비사업", "국책사업", "역점사업": a head glued to a word that only says which or
        # whose money
        return stem in self.actions or stem in self.which_words

    def _quoted(self, lo: int, hi: int) -> list[Found]:
        out = []
        text = self.text
        loose = {pair[0]: pair[1] for pair in self.w.project["loose_quotes"]}
        for pair in self.w.project["quotes"]:
            opener, closer = pair[0], pair[1]
            other = loose.get(opener)
            pos = lo
            while True:
                a = text.find(opener, pos, hi)
                if a == -1:
                    break
                reach = min(hi, a + 2 + self.w.project["max_chars"])
                b = text.find(closer, a + 1, reach)
                if other is not None:
                    # "‘스마트 …센터'", "`…센터'": an opening mark closed by a plain one
                    c = text.find(other, a + 1, reach)
                    if c != -1 and (b == -1 or c < b):
                        b = c
                if b == -1:
                    pos = a + 1
                    continue
                inner = text[a + 1:b].strip()
                costed = self._costed_inside(a, b)
                if costed:
                    # "‘동호1 …지구 정비사업(243억원)’, ‘…설치사업(6억원)’": the item's own
                    # amount in brackets inside its marks; the name is the words before it
                    inner = text[a + 1:costed].strip()
                    if self._project_quote(inner, costed, hi):
                        s = a + 1 + (len(text[a + 1:costed]) - len(text[a + 1:costed].lstrip()))
                        out.append(Found(s, s + len(inner), False, False, quoted=True))
                    pos = b + 1
                    continue
                if (self.w.project["quoted_no_amount"] and opener == closer
                        and self.w.money_words.search(text, a + 1, b) is not None):
                    # "…건립사업'' 160억원(…), 농림축산식품부 '농촌공간정비사업'": a stray mark
                    # pairs with the next name's opening one; no name holds an amount
                    pos = b
                    continue
                if self._project_quote(inner, b + 1, hi) or (
                        self.w.project["quoted_after_amount"]
                        and self.w.forms.amount_of.search(text, max(lo, a - 10), a) is not None
                        and 2 <= len(inner) and len(inner.split()) <= 6):
                    # ("4873억 원 규모의 ‘그린에너지 스마트농업타운 투자선도지구’가": a quoted name
                    # the amount is of, whatever its last word)
                    s = a + 1 + (len(text[a + 1:b]) - len(text[a + 1:b].lstrip()))
                    out.append(Found(s, s + len(inner),
                                     self.w.forms.e_after_quote.match(text, b + 1, hi) is not None,
                                     self._quote_topic(b + 1, hi), quoted=True))
                pos = b + 1
        return out

    def _costed_inside(self, a: int, b: int) -> int:
        """Where the bracket holding an amount of its own ends the quotation [a, b] ("‘…정비
        사업(243억원)’"; [project] quoted_own_amount), else 0."""
        if not self.w.project["quoted_own_amount"]:
            return 0
        k = self.text.rfind("(", a + 2, b)
        if k < 0:
            return 0
        m = self.w.forms.own_amount.match(self.text, k)
        if m is None or m.end() > b or self.text[m.end():b].strip():
            return 0
        return k

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
        if len(inner) < 2 or len(inner.split()) > 6 or not _LETTER.search(inner):
            return False
        if inner.endswith(self.heads):
            return True
        if self.w.project["phase_brackets"]:
            # "‘…공공폐수처리시설 설치사업(1단계)’": a name with its phase or kind in brackets
            bare = _TRAILING_BRACKET.sub("", inner)
            if bare != inner and bare.endswith(self.heads):
                return True
        if (self.w.data["funded"]["quoted_brackets"]
                and self.w.forms.own_amount.match(self.text, after) is not None):
            return True  # "‘솔바람 길’(3억 원)을 조성": a quoted name with its own amount
        return self.head_pattern.search(self.text, after, min(hi, after + 8)) is not None

    def _contest(self, f: Found) -> bool:
        """A competition the project won a place in ("…지원사업에 최종 선정돼", "…공모사업")."""
        if self.text[f.start:f.end].endswith(tuple(self.w.project["programme_ends"])):
            return True
        return self.w.contest.match(self.text, f.end) is not None

    def _bare_head(self, found: Found) -> bool:
        """A name that is only heads and actions: "체육관" (of "이 체육관은"), "청사 건립" (of
        "이 청사 건립에")."""
        return all(w in self.head_words for w in self.text[found.start:found.end].split())

    def _found(self, lo: int, hi: int) -> tuple[list[Found], list[Found]]:
        """The regions and the projects named in ``text[lo:hi]`` (a sentence), found once."""
        key = (lo, hi)
        found = self._found_cache.get(key)
        if found is None:
            regions = self._regions_cache.pop(key, None)
            if regions is None:
                ws = self._words_cache[key] = self._words(lo, hi)
                regions = self.regions(ws)
            else:
                ws = self._words_cache[key]
            found = self._found_cache[key] = (regions, self.projects(ws, regions, lo, hi))
        return found

    def _regions_in(self, lo: int, hi: int) -> list[Found]:
        """``self._found(lo, hi)[0]`` without finding the names: the same places (``regions``
        of the same words), the names found only if ``_found`` is asked later."""
        key = (lo, hi)
        found = self._found_cache.get(key)
        if found is not None:
            return found[0]
        regions = self._regions_cache.get(key)
        if regions is None:
            ws = self._words_cache[key] = self._words(lo, hi)
            regions = self._regions_cache[key] = self.regions(ws)
        return regions
