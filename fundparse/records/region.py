"""The places a sentence names ("…동 일원", "…읍에", "…산업단지 내", "상대동 315-7번지에"),
and the place a project's own name starts with or follows ("전동면 복합커뮤니티센터",
"초전면 ‘…’")."""

from __future__ import annotations

import regex

from fundparse.records.shared import Found, Reader
from fundparse.records.tokens import PARTICLES, Word, run_before
from fundparse.records.words import package_table

_OPENING = " \t'\"‘“「『<《〈"
_H = package_table("grammar")["hangul"]
_NAME_PART = regex.compile(f"[{_H}]{{2,4}}")
_HANGUL_NAME = regex.compile(f"[{_H}]{{2,6}}")
_ITEM_BREAKS = ",▲△■□○●◦•▷▶※"
_PLACE_PARTICLES = tuple(sorted(PARTICLES, key=len, reverse=True))
_DIGIT_E = regex.compile(rf"\d{regex.escape(package_table('grammar')['at'])}")
_NUMBERED_ROAD = regex.compile(package_table("patterns")["numbered_road"])  # (a road address's quick test)
# (an amount of money right after a place: "남사초 22억1900만원", "능원초 24억원", "30만원")


_KEEP = 100_000  # words whose test (``_inert``) is remembered


class RegionFinder(Reader):
    def _region_caches(self) -> None:
        # (a test of the word and the rules alone: kept across documents, per configuration)
        self._inert_cache: dict[tuple[str, str, str, bool, bool], bool] = self.w.sets.inert
        # the matches of ``route`` in a stretch, by (lo, hi): the project's and the place's
        # readers search the same sentence, and so do the totals of one sentence
        self._route_cache: dict[tuple[int, int], list] = {}
        # what every match of ``route`` holds (words.py's ``_route_pattern``): one of
        # route_marks (its first two forms), or one of route_from and one of route_to (the
        # third, written only when both lists are); None when a list or a word in one is empty
        # (an empty alternation matches anywhere: every stretch is searched)
        region = self.w.region
        marks = list(region["route_marks"])
        starts, ends = list(region.get("route_from") or ()), list(region.get("route_to") or ())
        exact = bool(marks) and all(marks) and all(starts) and all(ends)
        self._route_marks = tuple(marks) if exact else None
        self._route_ends = (tuple(starts), tuple(ends)) if exact and starts and ends else None

    def _inert(self, w: Word) -> bool:
        """No rule of :meth:`regions` can fire at ``w``: the test each rule makes of the word
        alone fails (:meth:`_may_place`; remembered per word)."""
        key = (w.text, w.core, w.particle, w.closed, w.quoted)
        known = self._inert_cache.get(key)
        if known is None:
            if len(self._inert_cache) > _KEEP:
                self._inert_cache.clear()
            known = self._inert_cache[key] = not self._may_place(w)
        return known

    def _may_place(self, w: Word) -> bool:
        """What each rule of :meth:`regions` asks of the word itself before it reads its
        neighbours: False only when every rule would pass over ``w`` (a word the loop may skip:
        the same places found, faster)."""
        text, core, cfg, forms = w.text, w.core, self.w.region, self.w.forms
        if text in self.area_words or text in self.case_words or core in self.around:
            return True
        if cfg["area_places"] and self.w.area.match(text) is not None:
            return True  # (_area_at)
        if cfg["lot_places"] and forms.lot.fullmatch(text) is not None:
            return True
        if text[:1].isdigit():
            return True  # (lot_tail)
        if (text[-1:] in forms.chars_joined and self.joined_places and not w.closed
                and self._joinable(text[:-1])):
            return True
        if (self.body_places and not w.quoted and text.endswith(self.at_particle)
                and text[:-1].endswith(self.body_ends) and self._lead_place(text[:-1])
                and not self._no_body(text[:-1])):
            return True  # (_body_place)
        if self.glued_ends and any(e in text for e in self.glued_ends):
            return True  # (_glued_area)
        if (cfg["site_words"] and not (w.particle or w.closed or w.quoted)
                and (text.endswith(self.site_lead_ends) and self._lead_place(text)
                     or self._district(text))):
            return True  # (_site_after)
        if (cfg["chosen_verbs"] and not (w.quoted or w.closed)
                and text[-1:] in forms.subject_only and self._is_place(text[:-1])
                and not self._no_place_noun(text[:-1])):
            return True  # (_chosen_place)
        if (cfg["item_places"] and not (w.particle or w.closed)
                and (self._facility(text) or self._is_place(text))):
            return True
        if w.particle in forms.topic_particles and not w.closed and (
                cfg["facility_topics"] and self._facility(core)
                or cfg["village_topics"] and not w.quoted and core.endswith(self.site_lead_ends)
                and self._is_place(core) and not self._no_place_noun(core)):
            return True
        if not w.quoted and cfg["landmark_ends"] and (
                any(text.endswith(p) and self._landmark(text[:-len(p)])
                    for p in forms.at_particles)
                or not w.closed and self._landmark(text)):
            return True  # (_landmark_at)
        if self._facility(core):
            return True
        return (core.endswith(self.place_ends) and not self._no_place_noun(core)
                and len(core) >= 2
                and (not core[:1].isdigit() or self.w.address.fullmatch(core) is not None)
                and core not in self.around and (len(core) > 2 or core not in self.place_ends))

    def regions(self, ws: list[Word]) -> list[Found]:
        limit = self.w.region["max_words"]
        out = []
        skip = -1  # the words of a site already read with the area before them
        inert = self._inert
        for i, w in enumerate(ws):
            if i <= skip or inert(w):
                continue
            core = w.core
            if i and (w.text in self.area_words or w.text in self.case_words):
                # "임동 지역의", "고흥군 지역의 경우", "완도 항동리의 경우": the place before
                prev = ws[i - 1]
                if (w.text in self.area_words and not prev.particle
                        and self._lead_place(prev.text)) or (
                        w.text in self.case_words and prev.particle == self.of_particle
                        and self._lead_place(prev.core)):
                    first = run_before(ws, i - 1, limit - 1, self._place_word)
                    out.append(Found(ws[first].start, prev.core_end))
                continue
            if i and self.w.region["area_places"] and self._area_at(w):
                # "홍성 일반산업단지 3만4,755㎡에", "…산업단지 내 9,916㎡ 규모 부지에": the place
                # before the area
                k = i - 1
                if ws[k].text in self.inside:
                    k -= 1
                if k >= 0 and (self._is_place(ws[k].text) or self._site_in_place(ws, k)):
                    first = run_before(ws, k, limit - 1, self._place_word)
                    out.append(Found(ws[first].start, ws[k].end))
                    skip = i if w.text[-1:] == self.at_particle else i + 2  # (… 규모 부지에)
                    continue
            if core in self.around:
                if self._site_worked(ws, i):
                    continue  # "배후 부지 조성": a site the works make, no place
                if core in self.talked_sites and w.particle in self.talked_particles:
                    continue  # "사업 위치는 …", "행사 자리를 빛냈다": what is told of, no place
                first = run_before(ws, i, limit - 1, self._place_word)
                if (first == i and i >= 2 and self.w.region["road_around"]
                        and self.w.forms.road_name.fullmatch(ws[i - 1].text)
                        and not ws[i - 1].closed and self._lead_place(ws[i - 2].text)):
                    # "울주군 온산읍 덕신로 일원에": a road named between a place and 일원
                    first = run_before(ws, i - 1, limit - 2, self._place_word)
                if first < i:  # ("…동 소재": the place without the word after it)
                    out.append(Found(ws[first].start,
                                     ws[i - 1].end if core in self.around_after else w.core_end))
                elif i >= 2 and self.w.area.fullmatch(ws[i - 1].text.removesuffix(self.of_particle)):
                    # ("양구읍 하리 양구테니스파크옆 9776㎡의 부지에": 의 before the site too)
                    # "벽교리 3만㎡ 부지에": the place before the area
                    k = i - 2
                    if k >= 1 and ws[k].text in self.w.region.get("area_approx", ()):
                        k -= 1  # ("…일원 약 13만㎡ 부지에": an approximation word passed over)
                    if k < i - 2 and ws[k].core in self.around:
                        first = run_before(ws, k, limit - 1, self._place_word)
                        if first < k:
                            out.append(Found(ws[first].start, ws[k].core_end))
                    else:
                        first = run_before(ws, k + 1, limit - 1, self._place_word)
                        if first < k + 1:
                            out.append(Found(ws[first].start, ws[k].end))
                continue
            if i and self.w.region["lot_places"]:
                lot = self.w.forms.lot.fullmatch(w.text)
                prev = ws[i - 1]
                if (lot is not None and not prev.particle and not prev.closed
                        and (self._is_place(prev.text) or self.w.forms.dong_ga.fullmatch(prev.text))):
                    # "청파동3가 119-2에 위치한": a place and its lot number with 에
                    first = run_before(ws, i - 1, limit - 1, self._place_word)
                    out.append(Found(ws[first].start, w.start + len(lot.group(1))))
                    continue
            if i and w.text[:1].isdigit():
                tail = self.w.forms.lot_tail.match(self.text, w.start)
                prev = ws[i - 1]
                if (tail is not None and not prev.particle and not prev.closed
                        and (self._is_place(prev.text)
                             or self.w.forms.dong_ga.fullmatch(prev.text))):
                    # "가좌동 662-1번지 외 2필지에", "마전리 96-92일원에": a place and its lot
                    first = run_before(ws, i - 1, limit - 1, self._place_word)
                    out.append(Found(ws[first].start, tail.end("lot")))
                    while i + 1 < len(ws) and ws[i + 1].start < tail.end():
                        i += 1
                    skip = i
                    continue
            last = w.text[-1:]
            if (last in self.w.forms.chars_joined and self.joined_places and i + 1 < len(ws)
                    and self._joinable(w.text[:-1]) and not w.closed):
                nxt = ws[i + 1]
                core = nxt.text.rstrip(self.w.forms.chars_place)
                if self._joinable(core) or self._joinable(nxt.text):
                    # "변산면과 상서면 등 4개 노선": villages joined are the place together
                    first = run_before(ws, i, limit - 1, self._place_word)
                    end = nxt.start + (len(nxt.text) if self._village(nxt.text) else len(core))
                    k = i + 1
                    while (k + 1 < len(ws) and self.text[ws[k].end:ws[k].end + 1] == ","
                           and self._village(ws[k].text)):
                        # ("약사동과 소양동, 근화동 3개 지구": the list goes on past a comma)
                        k += 1
                        core = ws[k].text.rstrip(self.w.forms.chars_place)
                        if not (self._village(ws[k].text) or self._village(core)):
                            k -= 1
                            break
                        end = ws[k].start + (len(ws[k].text) if self._village(ws[k].text)
                                             else len(core))
                    out.append(Found(ws[first].start, end))
                    skip = k
                    continue
            body = self._body_place(w) if last == self.at_particle else 0
            if body:
                # "농식품부는 울진군에 … 180억원을 투입해": a local body's own name with 에 is
                # where the money goes
                first = run_before(ws, i, limit - 1, self._place_word)
                out.append(Found(ws[first].start, w.start + body))
                continue
            glued = (self._glued_area(ws, i) if self.glued_ends
                     and any(e in w.text for e in self.glued_ends) else None)
            if glued is not None:
                # "공주·논산·부여지역", "충남 서부지역", "영남지역": a stretch of country by name
                out.append(glued)
                continue
            site = self._site_after(ws, i)
            if site:
                # "동부동 자연녹지에", "장현동 동천강 둔치에": a place and the site in it
                first = run_before(ws, i, limit - 1, self._place_word)
                out.append(Found(ws[first].start, ws[site].end - len(self.w.forms.site.fullmatch(ws[site].text).group(2) or "")))
                skip = site
                continue
            chosen = self._chosen_place(ws, i)
            if chosen:
                # "…공모에 청원구 북이면 금대지구가 최종 선정됐다": the place chosen is the site
                first = run_before(ws, i, limit - 1, self._place_word)
                out.append(Found(ws[first].start, w.start + chosen))
                continue
            if (self.w.region["item_places"] and not w.particle and not w.closed
                    and i + 1 < len(ws) and ws[i + 1].text[:1].isdigit()
                    and self.w.forms.amount_next.match(self.text, ws[i + 1].start) is not None
                    and (self._facility(w.text) or self._is_place(w.text))
                    and not self._project_head(w.text)  # ("가온초교 120억원": the project)
                    and i > 0 and self.text[ws[i - 1].end:w.start].strip() in ("", ",")
                    and (ws[i - 1].particle or ws[i - 1].text.endswith(self.w.forms.topic_particles)
                         or self.text[ws[i - 1].end:w.start].strip() == ",")):
                # "사업비는 남사초 22억원, 능원초 26억원으로 총 …": the place right before an
                # item's amount in a list is that item's
                out.append(Found(w.start, w.end))
                continue
            if (i == 0 and w.particle in self.w.forms.topic_particles and self.w.region["facility_topics"]
                    and self._facility(core) and not w.closed):
                # "여주제일중은 … 11억원을 …에 편성했다", "제주공항은 89억원을 들여 …": a school,
                # port or airport as the sentence's topic is its place
                out.append(Found(w.start, w.core_end))
                continue
            if (w.particle in self.w.forms.topic_particles and self.w.region["village_topics"]
                    and not w.closed and not w.quoted and core.endswith(self.site_lead_ends)
                    and self._is_place(core) and not self._no_place_noun(core)
                    and not any(x.particle in self.w.forms.topic_particles for x in ws[:i])):
                # "양보면은 … 30억원을 투입할 계획이며": a village as the sentence's topic
                first = run_before(ws, i, limit - 1, self._place_word)
                out.append(Found(ws[first].start, w.core_end))
                continue
            landmark = self._landmark_at(ws, i)
            if landmark:
                # "성북구 정릉시장에도 29억원을", "부전시장 내 …주차장", "개봉역에도": a station
                # or a market by name where the money goes is a place
                first = run_before(ws, i, limit - 1, self._facility_word)
                out.append(Found(ws[first].start, w.start + landmark))
                continue
            if (self._facility(core) and len(ws) > 0
                    and (w.particle in self.w.forms.at_particles
                         or (i + 1 < len(ws) and ws[i + 1].core in self.inside))):
                # "증평초에 …체육관을 건립한다", "대불부두에 철재부두를": a school, port or
                # airport by name is a place
                first = run_before(ws, i, limit - 1, self._facility_word)
                out.append(Found(ws[first].start, w.core_end))
                continue
            if (core.endswith(self.place_ends) and not self._no_place_noun(core) and len(core) >= 2
                    and (not core[:1].isdigit() or self.w.address.fullmatch(core))
                    and core not in self.around and (len(core) > 2 or core not in self.place_ends)
                    and (w.particle in self.w.forms.at_particles
                         or (i + 1 < len(ws) and ws[i + 1].core in self.inside)
                         or self._aside_e(ws, i))):
                first = run_before(ws, i, limit - 1, self._place_word)
                out.append(Found(ws[first].start, w.core_end))
        if (ws and self.w.region["road_addresses"]
                and _DIGIT_E.search(self.text, ws[0].start, ws[-1].end) is not None):
            # "흑교로 48에", "분성로 727 번길 8-35에": a road-name address with 에
            for m in self.w.road.finditer(self.text, ws[0].start, ws[-1].end):
                if not any(f.start <= m.start() < f.end for f in out):
                    out.append(Found(m.start("place"), m.end("place")))
            out.sort(key=lambda f: f.start)
        return out

    def _described(self, region: Found) -> bool:
        """A place followed, within a few words, by how big what is built there is ("…리 일원에
        연면적 1375㎡, 지상 2층 규모로", "… 48에 지하 1층"): the site of a building described."""
        return self.w.scale.match(self.text, region.end) is not None

    def _site_later(self, project: Found, s_end: int) -> list[Found]:
        """"…스마트팜(총 사업비 200억원, …) 등이다. … 지역특화 임대형 스마트팜 조성은 영천 금호읍
        일원에 …": the place of a later sentence (within later_chars) that opens with the
        project's name, as its topic (later_topic = false: off)."""
        reach = int(self.w.region["later_chars"])
        name = self.text[project.start:project.end]
        if not reach or len(name) < 4:
            return []
        at = self.text.find(name, s_end, s_end + reach)
        if at < 0:
            return []
        span = self.sentences.span(at)
        if self.text[span[0]:at].strip():
            return []  # not where the sentence opens
        rest = self.text[at + len(name):at + len(name) + 12]
        if self.w.later_topic.match(rest) is None:
            return []
        return [r for r in self._regions_in(span[0], span[1]) if r.start >= at + len(name)][:1]

    def _site_described(self, s_end: int) -> list[Found]:
        """"…425억 원이 든다. 현재 청사가 있는 고현동 위치에 부지를 확장해 지상 3층 … 규모로":
        the described site (``_described``) of the next sentence, when it names no amount."""
        if not self.w.region["described_next"] or s_end >= len(self.text):
            return []
        lo = s_end
        while lo < len(self.text) and self.text[lo] in " \t\n":
            lo += 1
        if lo >= len(self.text) or lo - s_end > 4:
            return []
        span = self.sentences.span(lo)
        if (self.w.scale_hint.search(self.text, span[0], span[1]) is None
                or self.w.money_words.search(self.text, span[0], span[1])):
            return []  # (no size given, or an amount of its own: its places are not read)
        return [r for r in self._regions_in(span[0], span[1]) if self._described(r)][:1]

    def _site_here(self, s_start: int, at: int) -> list[Found]:
        """"공모 선정 대상지는 금산군 군복면 상곡리 지구로, 금산군은 … 50억 원을 투입한다": the
        words after one of site_topics opening a clause before the amount, up to 로/으로/이며/,
        (at most max_words)."""
        if not self.w.region["site_here"]:
            return []
        m = self.w.site_here.search(self.text, s_start, at)
        if m is None:
            return []
        return [Found(m.start("place"), m.end("place"))]

    def _routes(self, lo: int, hi: int) -> list:
        """``list(self.w.route.finditer(self.text, lo, hi))``, found once per stretch."""
        found = self._route_cache.get((lo, hi))
        if found is None:
            found = self._route_cache[lo, hi] = (
                list(self.w.route.finditer(self.text, lo, hi)) if self._may_route(lo, hi)
                else [])
        return found

    def _may_route(self, lo: int, hi: int) -> bool:
        """``text[lo:hi]`` holds what every match of ``route`` holds (``str.find``)."""
        if self._route_marks is None:
            return True
        text = self.text
        if any(text.find(mark, lo, hi) >= 0 for mark in self._route_marks):
            return True
        if self._route_ends is None:
            return False
        starts, ends = self._route_ends
        return (any(text.find(word, lo, hi) >= 0 for word in starts)
                and any(text.find(word, lo, hi) >= 0 for word in ends))

    def _route(self, lo: int, hi: int, at: int, end: int) -> list[Found]:
        """"소양강처녀상~물고기 조형물 간": the stretch between two named ends in the amount's
        clause (no comma between), in a sentence that names no place (route_marks,
        route_after; route_words words an end at most)."""
        if not self.w.region["route_words"]:
            return []
        found = []
        for m in self._routes(lo, hi):
            between = (self.text[m.end():at] if m.end() <= at else self.text[end:m.start()])
            if "," not in between:
                k = next(k for k in ("", "1", "2")
                         if "a" + k in self.w.route.groupindex and m.start("a" + k) >= 0)
                found.append(Found(m.start("a" + k), m.end("b" + k)))
        # (the nearest before the amount, else the first after it: "…∼… 선형 개량(8억원)과 …∼…
        # 도로개설(12억원)")
        before = [f for f in found if f.end <= at]
        return before[-1:] or found[:1]

    def _site_next(self, s_end: int) -> list[Found]:
        """"…180억원을 투입할 계획이다. 사업 대상지는 대소면 오산리 일원이다.": the places of the
        next sentence when it opens with one of site_topics."""
        topics = tuple(self.w.region["site_topics"])
        if not topics or s_end >= len(self.text):
            return []
        lo = s_end
        while lo < len(self.text) and self.text[lo] in " \t\n":
            lo += 1
        if not self.text.startswith(topics, lo) or lo - s_end > 4:
            return []
        span = self.sentences.span(lo)
        found = self._regions_in(span[0], span[1])
        if not found and self.w.region["site_here"]:
            # "사업 위치는 중구 우현로 39번길이며 …": the words the topic is said to be
            m = self.w.site_here.match(self.text, lo, span[1])
            if m is not None:
                found = [Found(m.start("place"), m.end("place"))]
        return found

    def _site_after(self, ws: list[Word], i: int) -> int:
        """The index of a site word with 에 at most site_words words after a village-level place
        ``ws[i]`` ("동부동 자연녹지에"), plain words between; 0 when there is none."""
        reach = int(self.w.region["site_words"])
        w = ws[i]
        if (not reach or w.particle or w.closed or w.quoted
                or not (w.text.endswith(self.site_lead_ends) and self._lead_place(w.text)
                        or self._district(w.text))):
            return 0
        beside = self.w.project["beside_words"]
        k, counted = i + 1, 0
        while k < len(ws) and counted < reach:
            x = ws[k]
            if x.text in beside:  # "완도고등학교 앞 군유지에": a landmark and where by it
                k += 1
                continue
            m = self.w.forms.site.fullmatch(x.text)
            if m is None or x.closed or x.quoted or x.text in self.stop:
                return 0
            core = m.group(1)
            landmark = not m.group(2) and k + 1 < len(ws) and ws[k + 1].text in beside
            if ((self._project_head(core) and not landmark) or core in self.stop
                    or core in self.around or core in self.inside or self._not_place(core)):
                return 0
            if m.group(2):
                return k
            k += 1
            counted += 1
        return 0

    def _glued_area(self, ws: list[Word], i: int) -> Found | None:
        """"공주·논산·부여지역", "충남 서부지역", "영남지역에": a word ending in one of glued_ends
        (a particle after it aside) whose stem is names joined by middle dots (two characters
        each, at least), one of wide_names, or one of part_words after a place word or one of
        [agency] upper ("충남")."""
        w = ws[i]
        word = w.text
        ends = self.glued_ends
        if not ends or not any(e in word for e in ends):
            return None
        cfg = self.w.region
        for p in self.w.forms.glued_particles:
            if word.endswith(p) and word[:-len(p)].endswith(ends):
                word = word[:-len(p)]
                break
        end = next((e for e in ends if word.endswith(e)), None)
        if end is None or w.quoted:
            return None
        stem = word[:-len(end)]
        stop = w.start + len(word)
        parts = stem.split("·")
        if len(parts) > 1 and all(_NAME_PART.fullmatch(x) for x in parts):
            return Found(w.start, stop)
        if stem in cfg["wide_names"]:
            return Found(w.start, stop)
        if stem in cfg["part_words"] and i:
            prev = ws[i - 1]
            if not prev.particle and not prev.closed and (
                    prev.text in self.w.data["agency"]["upper"] or self._lead_place(prev.text)):
                return Found(prev.start, stop)
        return None

    def _area_at(self, w: Word) -> bool:
        """"3만4,755㎡에", "9,916㎡": an area given with 에, or before 규모 and a site word."""
        m = self.w.area.match(w.text)
        if m is None:
            return False
        rest = w.text[m.end():]
        if rest in self.w.forms.place_e:
            return True
        after = self.text[w.end:w.end + 12].split()[:2]
        return (not rest and len(after) == 2 and after[0] in self.w.region["size_words"]
                and after[1].rstrip(self.w.forms.chars_e) in self.around)

    def _site_in_place(self, ws: list[Word], k: int) -> bool:
        """"이의동 경기융합타운 (내) 8천㎡에": a plain word right after a village-level place
        (site_lead_ends) names a site in it, before an area with 에 (site_words > 0)."""
        if not self.w.region["site_words"] or k < 1:
            return False
        place, site = ws[k - 1], ws[k]
        return (self._plain(site) and not place.particle and not place.closed
                and (place.text.endswith(tuple(self.w.region["site_lead_ends"]))
                     and self._lead_place(place.text)
                     # "…산합리 신도시 터 5519㎡에", "평촌역 미관광장 8282㎡에"
                     or self._is_place(place.text) and not self._no_place_noun(place.text)
                     or self._landmark(place.text)))

    def _unit(self, word: str) -> bool:
        """A place-name unit: a village, a district, a local body, a numbered 동/리, a lot
        number, a numbered road ("외송2길"), a school, port, station or market by name."""
        if not word or word in self.not_place:
            return False
        if (self.w.forms.numbered.fullmatch(word) or _NUMBERED_ROAD.fullmatch(word)
                or (word[:1].isdigit() and self.w.address.fullmatch(word))):
            return True
        return (self._lead_place(word) or self._district(word) or self._facility(word)
                or self._landmark(word)) and not self._no_place_noun(word)

    def _place_of_name(self, start: int, lo: int) -> Found | None:
        """The place phrase right before a project's name starting at ``start`` (not before
        ``lo``): place-name units (``_unit``) with no particle, the last one bare or with 의
        ("진해구 석동의 진해기적의도서관", "북구 당사동의 우가산공원은", "공주시 반포면 외송2길
        생활공원 정비 사업은"); at least one unit below a local body (a village, a district, a
        landmark or an address), at most max_words words; None when there is none."""
        if not self.w.region["name_places"]:
            return None
        ws = self._words(max(lo, start - 80), start)
        if not ws or self.text[ws[-1].end:start].strip(_OPENING):
            return None
        last = ws[-1]
        if (len(ws) > 1 and last.text in self.w.project["beside_words"]
                and self.w.project["beside_cuts"]):
            # "자유시장 뒤편 기존 …공영주차장": a place unit and a word of where by it
            x = ws[-2]
            if not (x.particle or x.closed or x.quoted) and self._unit(x.text):
                first = run_before(ws, len(ws) - 2, int(self.w.region["max_words"]) - 2,
                                   lambda y: not (y.particle or y.closed or y.quoted)
                                   and self._unit(y.text))
                return Found(ws[first].start, last.end)
            return None
        core = last.text[:-1] if last.text.endswith(self.of_particle) and not self._unit(last.text) \
            else last.text
        if last.quoted or last.closed and core == last.text:
            return None
        k = len(ws) - 1

        def unit_before(j: int) -> bool:
            x = ws[j - 1]
            return (j > 0 and not ws[j].apart and not x.particle and not x.closed
                    and not x.quoted and self._unit(x.text))

        if not self._unit(core) and not (self._short_village(core) and unit_before(k)):
            return None  # ("진해구 석동의": a village of two characters after a unit)
        limit = int(self.w.region["max_words"])
        while len(ws) - k < limit and unit_before(k):
            k -= 1
        units = [w.text for w in ws[k:-1]] + [core]
        if all(u.endswith(self.body_ends) and not self._district(u) for u in units):
            return None  # ("울주군 진하 …": a body's own name alone places it loosely)
        if all(u[:1].isdigit() or u == self.mountain for u in units):
            return None  # ("…균형발전 300 프로젝트": a lot number with no place before it)
        return Found(ws[k].start, last.start + len(core))

    def _one_of_listed(self, region: Found) -> bool:
        """A place listed after a comma with another place ("…고양시 원당ㆍ화전, …, 광명시
        광명5지구에 대한", "부산 사하구 홍티, 강서구 신전항에는"): one of several places, none
        the place of one total (listed_places = false: off)."""
        if not self.w.region["listed_places"]:
            return False
        k = region.start
        while k > 0 and self.text[k - 1] in " \t":
            k -= 1
        if k == 0 or self.text[k - 1] not in ",，":
            return False
        j = region.end
        while j < len(self.text) and self.text[j] in " \t":
            j += 1
        if self.w.forms.amount_next.match(self.text, j) is not None:
            return False  # ("들녘초 22억원, 하늘중 30억원": each item's own place)
        before = self._words(max(0, k - 40), k - 1)[-3:]
        return bool(before) and not before[-1].particle and any(
            not w.particle and not w.closed or w is before[-1] for w in before) and any(
            self._unit(w.text.rstrip(",")) for w in before)

    def _listed_area(self, region: Found) -> Found | None:
        """A place listed after others and closed by one of [region] listed_around ("연초면
        죽토리 죽전마을, 관암마을, 양지마을 일원"): the whole list, from the place words before
        its first item; None when ``region`` is not so closed or an item is no place."""
        ends = tuple(self.w.region.get("listed_around", ()))
        if not ends or not self.text[region.start:region.end].endswith(ends):
            return None
        items = tuple(self.w.region.get("listed_item_ends", ()))
        start = region.start
        for _ in range(8):  # (items of a list: a few)
            k = start
            while k > 0 and self.text[k - 1] in " \t":
                k -= 1
            if k == 0 or self.text[k - 1] not in ",，":
                break
            ws = self._words(max(0, k - 41), k - 1)
            if not ws:
                return None
            i = len(ws) - 1
            w = ws[i]
            if w.particle or w.closed or w.quoted or not (
                    self._unit(w.text) or w.text.endswith(items)):
                return None
            while i > 0 and not ws[i].apart and not (ws[i - 1].particle or ws[i - 1].closed
                                                     or ws[i - 1].quoted) and (
                    self._unit(ws[i - 1].text) or ws[i - 1].text.endswith(items)):
                i -= 1
            start = ws[i].start
        return None if start == region.start else Found(start, region.end)

    def _short_village(self, word: str) -> bool:
        """A village of one syllable before its 동/리 ("석동", "추동"): a place only after a
        unit ("진해구 석동")."""
        return (len(word) == 2 and word.endswith(self.site_lead_ends)
                and _HANGUL_NAME.fullmatch(word) is not None and word not in self.not_place)

    def _landmark(self, word: str) -> bool:
        """A station or a market by name: two Hangul characters or more before one of
        landmark_ends ("개봉역", "정릉시장"), not ending in one of not_landmark_ends ("농촌지역",
        "전통시장": no name)."""
        for end in self.w.region["landmark_ends"]:
            if word.endswith(end):
                stem = word[:-len(end)]
                return (len(stem) >= 2 and _HANGUL_NAME.fullmatch(stem[-6:]) is not None
                        and not word.endswith(tuple(self.w.region["not_landmark_ends"]))
                        and word not in self.not_place)
        return False

    def _name_landmark(self, word: str) -> bool:
        """A lake, a stream, a mountain, a bridge, a rest area … by name: two Hangul characters or
        more before one of [region] name_landmarks ("대청호", "방촌천", "팔공산", "석모대교"), not
        one of not_place nor ending in one of not_landmark_names ("부동산", "전화번호")."""
        for end in self.w.region.get("name_landmarks", ()):
            if word.endswith(end):
                stem = word[:-len(end)]
                return (len(stem) >= 2 and _HANGUL_NAME.fullmatch(stem[-6:]) is not None
                        and word not in self.not_place
                        and not word.endswith(tuple(self.w.region["not_landmark_names"])))
        return False

    def _landmark_at(self, ws: list[Word], i: int) -> int:
        """The length of ``ws[i]``'s landmark (``_landmark``) when it is where the money goes:
        with one of at_particles, or before one of inside ("부전시장 내"); 0 when not."""
        w = ws[i]
        if w.quoted or not self.w.region["landmark_ends"]:
            return 0
        text = w.text
        for p in sorted(self.w.forms.at_particles, key=len, reverse=True):
            if text.endswith(p) and self._landmark(text[:-len(p)]):
                return len(text) - len(p)
        if (not w.closed and i + 1 < len(ws) and ws[i + 1].core in self.inside
                and self._landmark(text)):
            return len(text)
        return 0

    def _is_place(self, word: str) -> bool:
        return (word.endswith(self.place_ends) and word not in self.not_place and len(word) > 2
                and not word.endswith(tuple(self.around))  # ("예정부지 1만6000㎡에": a site)
                and not any(c.isdigit() for c in word))

    def _place_word(self, w: Word) -> bool:
        if self.w.forms.numbered.fullmatch(w.text):
            return True  # "부곡3동 일대", "청파동3가": a numbered 동 or 가
        if self.w.numbered_place.fullmatch(w.text):
            return True  # "2-4생활권 일원", "3블록 부지": a numbered part of a town
        if w.text[:1].isdigit() or w.text == self.mountain or (
                # "동현동 산1-1번지 일원": a mountain lot glued to its number
                w.text.startswith(self.mountain) and w.text[len(self.mountain):][:1].isdigit()):
            return (not w.particle and not w.closed and not w.quoted
                    and self.w.address.fullmatch(w.text) is not None)
        return self._plain(w) and w.text not in self.inside and w.text not in self.around \
            and not any(c.isdigit() for c in w.text) \
            and not w.text.endswith(self.gone_on_ends) \
            and w.text not in self.w.region["byline_words"] \
            and not any(c in w.text for c in self.w.region["byline_chars"]) \
            and not any(v in w.text for v in self.w.region["verb_inside"])

    def _site_worked(self, ws: list[Word], i: int) -> bool:
        """One of around without a particle right before one of [project] actions or of
        site_works ("배후 부지 조성", "부지 매입"): the site is what the works make or buy, not
        where they are."""
        w = ws[i]
        if w.particle or w.closed or i + 1 >= len(ws):
            return False
        nxt = ws[i + 1].core
        return nxt.startswith(tuple(self.actions)) or nxt.startswith(
            tuple(self.w.region["site_works"]))

    def _name_aside(self, project: Found, s_start: int) -> list[Found]:
        """"북구행복어울림센터(용봉로 105)의 개관식을 …. 북구행복어울림센터는 총 …원이": the place
        in brackets right after the project's own name, named within refer_chars before (a
        road address, or words ending in a place word; aside_place_chars at most)."""
        reach = int(self.w.region["aside_place_chars"])
        name = self.text[project.start:project.end]
        if not reach or len(name) < 3:
            return []
        lo = max(0, s_start - int(self.w.project["refer_chars"]))
        at = self.text.rfind(name + "(", lo, s_start)
        if at < 0:
            return []
        a = at + len(name) + 1
        b = self.text.find(")", a, a + reach)
        if b < 0:
            return []
        inner = self.text[a:b].strip()
        if self.w.forms.road_aside.fullmatch(inner) is None and not (
                inner and all(self._lead_place(w) or self._district(w) for w in inner.split())):
            return []
        start = self.text.find(inner, a, b)
        return [Found(start, start + len(inner))]

    def _leading_place(self, project: Found) -> list[Found]:
        """"전동면 복합커뮤니티센터": the place word(s) a project's name starts with."""
        ws = self.text[project.start:project.end].split()
        n = 0
        if len(ws) >= 2 and (ws[0] in self.w.region["short_towns"] or (
                self.w.region["verb_like_towns"] and self._verb_like_town(ws[0]))):
            # "북면 복합커뮤니티센터": a township of one syllable before the name; "서하면
            # 종합정비사업": one ending like a verb form, inside a name no verb form stands in
            n = 1
        elif len(ws) >= 3 and self._district(ws[0]) and self._item_opened(project.start):
            # "▷남구 갈리천 정비사업(1억6000만원) ▷중구 …": a metropolitan city's district
            # opening a list item's name is that item's place ([region] district_items)
            n = 1
        if n == 0 and len(ws) >= 3 and self._name_landmark(ws[0]):
            # "대청호 생태 탐방로 조성 사업", "방촌천 좌안 …인도교 설치사업": a lake, a stream, a
            # mountain … by name opening a name of three words or more ([region] name_landmarks)
            n = 1
            if ws[1] in self.w.region.get("landmark_sides", ()) and len(ws) >= 4:
                n = 2
        while n < len(ws) - 1 and (self._lead_place(ws[n]) or self._lead_site(ws[n]) or (
                # "서산 들녘항 물양장": a town's bare name before a place word of the name
                n + 2 < len(ws) and self._lead_town(ws[n])
                and (self._lead_place(ws[n + 1]) or self._lead_site(ws[n + 1]))) or (
                # "북구 당사동 우가산공원": a district's name before a place word
                n + 2 < len(ws) and self._district(ws[n]) and self._lead_place(ws[n + 1]))):
            n += 1
        if n == 0:
            return self._place_before(project)
        end = project.start + len(" ".join(ws[:n]))
        return [Found(project.start, end)] if self.text[project.start:end] == " ".join(ws[:n]) \
            else []

    def _item_opened(self, start: int) -> bool:
        """A list mark ([project] list_bullets) right before ``start``, spaces aside, when
        [region] district_items is on."""
        if not self.w.region.get("district_items"):
            return False
        k = start - 1
        while k >= 0 and self.text[k] in " \t":
            k -= 1
        return k >= 0 and self.text[k] in self.w.project["list_bullets"]

    def _leading_district(self, project: Found) -> list[Found]:
        """"탄천지구 다목적농촌용수개발사업": the first word of a project's name of two words or
        more when it ends in one of [region] district_lead_ends after a name of two characters
        or more (names joined by a middle dot too: "봉성·난음지구")."""
        ends = tuple(self.w.region.get("district_lead_ends", ()))
        name = self.text[project.start:project.end]
        start = project.start
        seat = self._glued_seat(name.split(" ", 1)[0])
        if seat:
            # "일월면소재지정비사업": a township glued to its seat's programme (seat_glued)
            return [Found(start, start + len(seat))]
        first, _, rest = name.partition(" ")
        if self.w.region.get("district_past_towns"):
            # "남해군 봉성·난음지구 상수관망 정비사업": past the city or county before it
            while rest.strip() and (self._lead_town(first) or self._lead_place(first)) and (
                    first.endswith(tuple(self.w.region.get("town_ends", ())))):
                start += len(first) + 1
                first, _, rest = rest.partition(" ")
        if not ends or not rest.strip() or not first.endswith(ends):
            return []
        end = next(e for e in ends if first.endswith(e))
        stem = first[:-len(end)]
        if not all(len(p) >= 2 and _HANGUL_NAME.fullmatch(p) for p in stem.split("·")) or (
                self._no_place_noun(first) or first in self.not_place
                or stem.endswith(tuple(self.w.region.get("district_kinds", ())))):
            return []
        if self.text[start:start + len(first)] != first:
            return []
        return [Found(start, start + len(first))]

    def _glued_seat(self, word: str) -> str:
        """"일월면소재지정비사업": the township (…읍, …면 of two characters or more before it)
        glued to one of [region] seat_glued in ``word``; "" when none."""
        for glue in self.w.region.get("seat_glued", ()):
            k = word.find(glue)
            if k >= 3 and word[k - 1] in self.seat_units and _HANGUL_NAME.fullmatch(word[:k]):
                return word[:k]
        return ""

    def _lead_town(self, word: str) -> bool:
        """A city or county by its bare name ("서산 구도항 물양장"): one of the municipalities
        and metropolitan cities of sources.toml, when [records.region] lead_towns is on."""
        if not self.w.region.get("lead_towns"):
            return False
        towns = self.__dict__.get("_towns")
        if towns is None:
            from fundparse.rules.tables import load_tables

            tables = load_tables()
            towns = self.__dict__["_towns"] = frozenset(
                (*tables.municipalities, *tables.metropolitan))
        return word in towns

    def _village_here(self, lo: int, hi: int, at: int, end: int, taken: list[Found],
                      first: bool = False) -> list[Found]:
        """"…원을 투입해 진행 중인 안내면 도율리 …회관 건립은", "…생비량면 방화마을을 대상으로":
        a village-level place word (at most village_chars characters) anywhere in the amount's
        sentence ([records.region] village_anywhere), with the place words, lot numbers and
        around words right after it, the one nearest the amount with no other amount between
        (``first``: the first one); [] when none."""
        most = int(self.w.region.get("village_anywhere", 0))
        if not most:
            return []
        money = self.__dict__.get("_bare_money")
        if money is None:
            money = self.__dict__["_bare_money"] = regex.compile(
                self.w.data["patterns"]["bare_money"])
        best: Found | None = None
        # (the amount's sentence: its words were read for its names already)
        ws = self._words_cache.get((lo, hi)) or self._words(lo, hi)
        i = 0
        while i < len(ws):
            w = ws[i]
            core = self._place_core(w.text)
            if (w.quoted or core is None or len(core) > most or not self._village(core)
                    or self._no_place_noun(core)
                    or any(t.start < w.end and w.start < t.end for t in taken)
                    or money.search(self.text, *((end, w.start) if w.start >= end
                                                 else (w.end, at))) is not None
                    # ("…(370억) ▲들녘동 …조성사업(64억)": a place after the amount, before
                    # another amount in its own item, is that item's)
                    or w.start >= end and money.search(
                        self.text, w.end, self._item_end(w.end, hi)) is not None):
                i += 1
                continue
            stop, k = w.start + len(core), i
            # the place words after it in the same phrase: "도율리", "332-165번지", "일원"
            while (self.text[stop:ws[k].end] == "" and not ws[k].closed and k + 1 < len(ws)):
                nxt = self._place_core(ws[k + 1].text)
                if nxt is None or not (self._lead_place(nxt) or nxt in self.around
                                       or self.w.forms.lot.fullmatch(nxt) is not None
                                       or self.w.forms.numbered.fullmatch(nxt) is not None):
                    break
                k += 1
                stop = ws[k].start + len(nxt)
            found = Found(w.start, stop)
            if first:
                return [found]
            if best is None or abs(found.start - at) < abs(best.start - at):
                best = found
            i = k + 1
        return [] if best is None else [best]

    def _village_before(self, s_start: int, taken: list[Found]) -> list[Found]:
        """A village named in the sentence before the amount's (in its paragraph), else in the
        passage's first sentence (within refer_chars): the first one there with no amount after
        it in that sentence ([records.region] village_before); [] when none."""
        if not self.w.region.get("village_before"):
            return []
        spans = []
        para = self._paragraph_start(s_start)
        if para < s_start:
            spans.append(self.sentences.span(s_start - 1))
        lo = len(self.text) - len(self.text.lstrip())
        if 0 < s_start - lo <= int(self.w.project["refer_chars"]):
            spans.append(self._sentence(lo))
        for a, b in spans:
            if b > s_start or a >= s_start:
                continue
            found = self._village_here(a, b, b, b, taken, first=True)
            if found:
                return found
        return []

    def _item_end(self, lo: int, hi: int) -> int:
        """Where the clause or list item from ``lo`` ends: the next comma or list mark."""
        for k in range(lo, hi):
            if self.text[k] in _ITEM_BREAKS:
                return k
        return hi

    def _place_core(self, text: str) -> str | None:
        """``text`` without a particle after it (or as it is)."""
        for p in _PLACE_PARTICLES:
            if text.endswith(p) and len(text) > len(p):
                return text[:-len(p)]
        return text

    def _district(self, word: str) -> bool:
        """A district's own name ("중구", "광산구": one of district_ends, no word that only ends
        like one: "지구", "입구") leading a site ("중구 서소문별관에")."""
        return (bool(self.district_ends) and word.endswith(self.district_ends)
                and _HANGUL_NAME.fullmatch(word) is not None and not self._no_body(word)
                and word not in self.not_place)

    def _body_place(self, w: Word) -> int:
        """The length of a local body's own name ("울진군", "충주시"; body_places) that ``w`` is
        with 에 (not 에서: where something is held), 0 when it is not one."""
        if not self.body_places or w.quoted or not w.text.endswith(self.at_particle):
            return 0
        core = w.text[:-1]
        if self.text.startswith(self.report_words, w.end - 1):
            return 0  # "옥천군에 따르면": the body a report is told by, no place
        if core.endswith(self.body_ends) and self._lead_place(core) and not self._no_body(core):
            return len(core)
        return 0

    def _body_level(self, region: Found) -> bool:
        """A place that is a local body's own name ("구례군", "충북 영동군"): one of lead_ends
        that is not a village-level one."""
        return self.text[region.start:region.end].split()[-1].endswith(self.body_ends)

    def _chosen_place(self, ws: list[Word], i: int) -> int:
        """The length of ``ws[i]``'s place word when it is the subject (이/가) of one of
        chosen_verbs, at most one word after it ("금대지구가 최종 선정됐다"); 0 when not."""
        verbs = tuple(self.w.region["chosen_verbs"])
        w = ws[i]
        if not verbs or w.quoted or w.closed or w.text[-1:] not in self.w.forms.subject_only:
            return 0
        core = w.text[:-1]
        if not (self._is_place(core) and not self._no_place_noun(core)):
            return 0
        nxt = ws[i + 1:i + 3]
        if not nxt or not (nxt[0].text.startswith(verbs)
                           or len(nxt) > 1 and nxt[1].text.startswith(verbs)):
            return 0
        return len(core)

    def _aside_e(self, ws: list[Word], i: int) -> bool:
        """"세종특별자치시 반곡동(4-1생활권)에": a place closed by a short aside in brackets,
        then 에 (aside_e = false: off)."""
        return (self.w.region["aside_e"] and ws[i].closed and i + 2 < len(ws)
                and self.text[ws[i].end:ws[i].end + 1] == "("
                and ws[i + 2].text in self.w.forms.at_particles
                and self.text[ws[i + 1].end:ws[i + 2].start] == ")"
                # (not a year: "안계면(2013년), 다인면(2014년), 단밀면(2016년)에" lists places)
                and self.w.forms.year.match(ws[i + 1].text) is None)

    def _before_other_amount(self, region: Found, at: int) -> bool:
        """A place right before another amount than the one at ``at`` ("남사초 22억원, 능원초
        26억원"): that amount's place."""
        k = region.end
        while k < len(self.text) and self.text[k] in " \t":
            k += 1
        return k != at and self.w.forms.amount_next.match(self.text, k) is not None

    def _facility_word(self, w: Word) -> bool:
        """A word before a facility's name that places it too: a place word or another
        facility ("목포항 대불부두에", "전남 새봄군 들녘초에")."""
        return self._plain(w) and (self._facility(w.text) or self._lead_place(w.text)
                                   or self._district(w.text) or w.text in self.w.data["agency"]["upper"])

    def _lead_site(self, word: str) -> bool:
        """A site by name ending in one of lead_site_ends, two characters or more before it:
        "진영죽곡농공단지 복합문화센터", "새봄일반산업단지 진입도로"; or a school, port or airport
        by name ("김포공항 국내선청사")."""
        if self._facility(word):
            return True
        for end in self.w.region["lead_site_ends"]:
            if (word.endswith(end) and len(word) >= len(end) + 2
                    and _HANGUL_NAME.fullmatch(word[:-len(end)][-6:]) is not None):
                return True
        return False

    def _joinable(self, word: str) -> bool:
        """A place word that may be joined to another as one place: a village, or a word of
        two characters or more before one of joined_place_ends ("도두지구와 신엄지구")."""
        if self._village(word):
            return True
        for end in self.w.region["joined_place_ends"]:
            if (word.endswith(end) and len(word) >= len(end) + 2
                    and _HANGUL_NAME.fullmatch(word[:-len(end)]) is not None
                    and not self._no_place_noun(word)):
                return True
        return False

    def _village(self, word: str) -> bool:
        """A village-level place word: "흥해읍", "성곡리" (one of site_lead_ends)."""
        return (word.endswith(tuple(self.w.region["site_lead_ends"]))
                and self._lead_place(word))

    def _lead_place(self, word: str) -> bool:
        """A place word a name may start with or follow: "전동면", "초전면", "백령도"."""
        if self.w.forms.numbered.fullmatch(word):
            return True  # "중2리 마을회관", "부곡3동 행정복지센터": a numbered village or 동
        if "·" in word and any(len(part) < 2 for part in word.split("·")):
            return False  # "민·군 어깨동무센터": single syllables joined name no place
        return (len(word) >= 3 and word.endswith(self.lead_ends)
                and not self._not_place(word) and word not in self.not_agency
                and not word.endswith(self.heads) and not any(c.isdigit() for c in word))

    def _about_another(self, region: Found, project: Found, agency=None) -> bool:
        """A place named in an earlier sentence whose topic is another project ("신청사는 …
        운동장 부지에 …. 인천애뜰 공영주차장은 …"), or whose subject is another body than
        ``agency`` ("고흥군은 녹동항 인근에 …. 곡성군의 ‘…’는 …": other_body): not the place of
        ``project``."""
        span = self.sentences.span(region.start)
        name = self.text[project.start:project.end]
        if name in self.text[span[0]:span[1]]:
            return False  # "…54번지에 들어설 예정인 상동초교와 …": it is named there
        if (self.w.region["amount_places"]
                and self.w.money_words.search(self.text, span[0], span[1]) is not None
                and name not in self.text[max(0, span[0] - self.w.project["refer_chars"]):
                                          span[0]]):
            # "…인근 백연유원지와 … 남계서원 등 534억 원 …. 오토캠핑장 조성에도 45억 원을":
            # a place told with an amount of its own is that amount's (unless the project
            # was named before it: "…종합운동장 이전 사업이 …. 시는 450억원을 들여 …리 일원
            # 부지에 …. 종합운동장 이전 사업의 총사업비는 480억원")
            return True
        if agency is not None and self.w.region["other_body"]:
            own = agency.text.split()[-1]
            for s in self._main(self._subjects(span[0], region.start)):
                body = self._agency_of(s).text.split()[-1]
                if body != own and not own.endswith(body) and not body.endswith(own):
                    return True
        for f in self._found(span[0], span[1])[1]:
            other = self.text[f.start:f.end]
            if f.topic and other not in name and name not in other:
                return True
        return False

    def _no_place_noun(self, word: str) -> bool:
        """One of not_place, or a word ending in one of not_place_nouns two or more characters
        before it ("어업활동에"; not "확장단지", "갑천삼거리")."""
        return word in self.not_place or any(
            word.endswith(n) for n in self.w.region["not_place_nouns"]
            if len(word) >= len(n) + 2)

    def _verb_like_town(self, word: str) -> bool:
        """"서하면": a village-level place ending like a verb form of not_place_ends ("…하면"),
        otherwise a place."""
        return (word.endswith(self.not_place_ends) and len(word) >= 3
                and word.endswith(self.lead_ends) and word not in self.not_place
                and word not in self.not_agency and not word.endswith(self.heads)
                and not any(word.endswith(n) for n in self.not_place if len(word) >= len(n) + 2))

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
