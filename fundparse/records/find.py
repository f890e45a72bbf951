"""Who funds what where: the agency, project and region of one funded total.

agency   the sentence's subject ("구미시는"); else the nearest subject before it in the
         paragraph; else the release's issuer ("인천광역시 보도자료").  "시는", "군은" stand
         for the body of that kind named before.  (agency.py)
project  the shortest name of what is built or run: a quoted name, or a few plain words ending
         in a project head (…센터, …사업, …도로 확·포장); the one the amount is for ("…사업에
         총 100억 원"), else the first after it in its sentence, else the last before it, else
         (이 사업, 이번 사업 …) the last one named earlier in the paragraph.  Several projects
         counted together ("12곳에", "등 50건") are none.  (names.py, project.py, earlier.py)
region   the place named for it in the same sentence: "…동 일원", "…읍에", "…산업단지 내".
         (region.py, earlier.py)
"""

from __future__ import annotations

from fundparse.model import Record
from fundparse.records.agency import AgencyFinder
from fundparse.records.earlier import EarlierFinder
from fundparse.records.names import NameFinder
from fundparse.records.nearby import NearbyFinder
from fundparse.records.project import ProjectFinder
from fundparse.records.region import RegionFinder
from fundparse.records.shared import Found, NearSentences
from fundparse.records.words import RecordWords
from fundparse.structure.sentences import Sentences

__all__ = ["Finder", "Found"]

_KEEP = 20_000  # characters of sentences remembered behind the current amount, at least


class Finder(AgencyFinder, ProjectFinder, NameFinder, EarlierFinder, NearbyFinder,
             RegionFinder):
    def __init__(self, text: str, vocab: RecordWords, sentences: Sentences | None = None):
        super().__init__(text, vocab, sentences)
        self._agency_caches()
        self._name_caches()
        self._earlier_caches()
        self._region_caches()
        # what is remembered per sentence is forgotten once the amounts are ``keep``
        # characters past it: nothing looks back that far (refer_chars, a paragraph)
        self._keep = max(_KEEP, 4 * int(vocab.project["refer_chars"]))
        self._kept_from = 0

    def _forget(self, at: int) -> None:
        """Forget what was found for the sentences ``keep`` characters or more before ``at``
        (found again the same way if ever asked again)."""
        bound = at - self._keep
        if bound - self._kept_from < self._keep:
            return
        self._kept_from = bound
        for cache in (self._words_cache, self._found_cache, self._regions_cache,
                      self._back_cache):
            for key in [k for k in cache if k[1] < bound]:
                del cache[key]
        for cache in (self._earlier_cache, self._region_cache, self._resolved,
                      self._topic_cache, self._route_cache):
            for key in [k for k in cache if k[0] < bound]:
                del cache[key]
        for cache in (self._para_cache, self._nearest_cache):
            for key in [k for k in cache if k < bound]:
                del cache[key]
        self._project_hints.forget_before(bound)
        self._region_hints.forget_before(bound)
        if isinstance(self.sentences, NearSentences):
            self.sentences.forget_before(bound)

    def _respective(self, at: int, sentence: tuple[int, int]
                    ) -> tuple[Found, tuple[int, int]] | None:
        """The item of a bulleted list (names each right after one of [project] list_bullets)
        that the amount at ``at`` stands for by its place in a run of amounts after one of
        [project] respective_words, when the run and the items are as many: "▲A ▲B ▲C 등
        3개 사업이며 각각 20억원, 10억원, 10억원의 사업비를" (and the item's span)."""
        words = self.w.project["respective_words"]
        s_start, s_end = sentence
        r = max((self.text.rfind(w, s_start, at) for w in words), default=-1)
        if r < 0:
            return None
        run, prev = [], r + len(next(w for w in words if self.text.startswith(w, r)))
        for m in self.w.money_words.finditer(self.text, prev, s_end):
            start = m.start()
            while start > prev and (self.text[start - 1].isdigit()
                                    or self.text[start - 1] in ",." and start - 1 > prev
                                    and self.text[start - 2].isdigit()):
                start -= 1  # (the pattern starts at the number's last digit)
            if self.text[prev:start].strip(" \t,"):
                break  # (the run ends at anything but a comma between amounts)
            run.append(start)
            prev = m.end()
        if at not in run or len(run) < 2:
            return None
        bullets = self.w.project["list_bullets"]
        marks = [k for k in range(s_start, r) if self.text[k] in bullets]
        if len(marks) != len(run):
            return None
        items = []
        for n, k in enumerate(marks):
            stop = marks[n + 1] if n + 1 < len(marks) else r
            taken = []
            for w in self._words(k + 1, stop):
                if not self._plain(w) or w.text in self.stop:
                    break
                taken.append(w)
            # (the item's plain words, up to "등 3개 사업이며": its name ends in a head)
            while taken and not self._project_head(taken[-1].text):
                taken.pop()
            if not taken:
                return None
            items.append((Found(taken[0].start, taken[-1].end), (k + 1, stop)))
        return items[run.index(at)]

    def _inline_item(self, at: int, end: int, sentence: tuple[int, int]) -> tuple[int, int]:
        """The item of an inline list holding the amount at [at, end): from the list mark
        before it to the next same mark, when its sentence holds two or more of that mark
        ([funded] inline_items); else the sentence."""
        if not self.w.data["funded"]["inline_items"]:
            return sentence
        s_start, s_end = sentence
        marks = self.w.project["list_bullets"]
        opens = [k for k in range(s_start, at) if self.text[k] in marks]
        if not opens:
            return sentence
        k = opens[-1]
        mark = self.text[k]
        if self.text.count(mark, s_start, s_end) < 2 or self.text[k:at].count("\n"):
            return sentence
        nxt = self.text.find(mark, end, s_end)
        return k + 1, s_end if nxt < 0 else nxt

    def _bullet_words(self, item: tuple[int, int], at: int) -> Found | None:
        """The plain words of an inline list's item from its mark to the amount right after
        them — at most [project] max_words words and max_chars characters, no particle, comma or
        bracket left open — when [project] bullet_item_words is on; else None."""
        if not self.w.project.get("bullet_item_words"):
            return None
        tail = self.text[item[0]:at].rstrip()
        for pair in self.w.project["quotes"]:
            if len(pair) == 2 and tail.endswith(pair[1]):
                # "▲근화동 ‘청년 창업거리’ 125억원": a quoted name ending the item is its name
                k = tail.rfind(pair[0], 0, len(tail) - 1)
                inside = tail[k + 1:-1]
                if k >= 0 and inside.strip() and len(inside) <= int(self.w.project["max_chars"]):
                    return Found(item[0] + k + 1, item[0] + len(tail) - 1, quoted=True)
                return None
        taken = self._words(item[0], at)
        if (not taken or self.text[taken[-1].end:at].strip()
                or len(taken) > int(self.w.project["max_words"])
                or taken[-1].end - taken[0].start > int(self.w.project["max_chars"])
                or "," in self.text[taken[0].start:at]):
            return None
        if not all(self._plain(w) for w in taken) or self._nameless(
                self.text[taken[0].start:taken[-1].end]):
            return None
        return Found(taken[0].start, taken[-1].end)

    def _item_name(self, item: tuple[int, int], at: int) -> Found | None:
        """The name heading an inline list's item, one word ending in a project head right
        before one of [agency] item_heads ("▲신규마을조성사업-부여읍 정동리 20억 원"), when
        [funded] item_names is on; else None."""
        if not self.w.data["funded"]["item_names"]:
            return None
        start = item[0]
        while start < at and self.text[start] in " \t":
            start += 1
        for mark in self.w.data["agency"]["item_heads"]:
            k = self.text.find(mark, start, at)
            if k <= start:
                continue
            name = self.text[start:k]
            if (not name.split() or len(name.split()) > 1
                    or not self.text[k + 1:at].strip()):
                continue
            if self.w.sets.project_name(name) and not self._nameless(name):
                return Found(start, k)
        return None

    def record(self, at: int, end: int, summed: bool = False) -> Record:
        """The record of the funded total at [at, end); ``summed``: it is the sum of a list of
        amounts ("…에 80억원 등 106억원"), several projects."""
        self._forget(at)
        whole = self._sentence(at)
        # "산청군은 대표적으로 △450억원이 투입돼 … 방곡 농업용수 개발사업 △330억원 규모의 …": an
        # item of a list written inline is the sentence its project and place are read in (the
        # agency, in the whole sentence)
        sentence = self._inline_item(at, end, whole)
        named = self._item_name(sentence, at) if sentence != whole else None
        if named is not None:
            # "▲신규마을조성사업-부여읍 정동리 20억 원": an item headed by its name, then a mark;
            # the words after the mark are where
            sentence = (named.end + 1, sentence[1])
        found, regions, several = self.project(at, end, sentence)
        place_item = self._place_item(at, end, sentence)
        if place_item is not None:
            regions = [place_item]  # "…병곡지구(477억 원), …": the item is where ([project] place_items)
        if named is not None:
            found = named
        respective = self._respective(at, whole)
        if respective is not None:
            # "▲A ▲B ▲C 등 3개 사업이며 각각 20억원, 10억원, 10억원의": the i-th amount is
            # the i-th item's, and its place is in the item's own words
            found, item = respective
            several, summed, sentence = False, False, item
            regions = [r for r in regions if item[0] <= r.start and r.end <= item[1]]
        if summed:
            found = None
        elif (sentence != whole and named is None and respective is None
              and (found is None or found.start < sentence[0])):
            # "▲수소자동차 보급 878억원 ▲…": an item of an inline list that names no project
            # of its own by its head is named by its own words from the mark, not by a name
            # before the item ([project] bullet_item_words)
            own = self._bullet_words(sentence, at)
            if own is not None:
                found, several = own, False  # (one item's own words: one project)
            elif found is not None and found.start >= whole[0]:
                found = None  # (an earlier item's name in the same sentence is not this one's)
        if summed:
            pass
        elif found is None:
            # "…'장미원 조성사업'이 포함됐다. 2028년까지 154억원을 투입해 …": a sentence that names
            # no project, tied to a near one that names one, is about that one (nearby.py)
            tied = self._tied_project(at, end, sentence)
            if tied is not None:
                found, regions = tied[0], regions or tied[1]
        agency = self.agency(at, whole, found or self.set_aside)
        region = None
        taken = [agency] if agency is not None else []
        regions = [r for r in regions if not any(t.start < r.end and r.start < t.end
                                                 for t in taken)
                   and not (found is not None and found.start < r.end and r.start < found.end)]
        if regions and found is not None and found.start < sentence[0]:
            # "공음면 농촌중심지활성화사업 …. 공음면은 총사업비 …": the place named again is the
            # one the project's name starts with (its first naming)
            lead = self._leading_place(found)
            if lead and any(self.text[r.start:r.end] == self.text[lead[0].start:lead[0].end]
                            for r in regions):
                regions = lead[:1]
        if found is not None and sentence[0] <= found.start:
            # "진해구 석동의 진해기적의도서관에 2억원을": the place phrase right before the
            # project's name in the amount's sentence is its place
            named = self._place_of_name(found.start, sentence[0])
            for t in taken:
                if named is not None and t.start < named.end and named.start < t.end:
                    # ("북구 당사동의 우가산공원은" of 북구: the place past the body read as
                    # the agency)
                    rest = self.text[t.end:named.end]
                    named = (Found(named.end - len(rest.lstrip()), named.end)
                             if t.start <= named.start and rest.strip() else None)
            if named is not None:
                same = [r for r in regions if r.start < named.end and named.start < r.end]
                regions = same[:1] or [named]
        if not regions:
            regions = self._site_here(sentence[0], at)
        if not regions and not (several and self.w.region["route_not_several"]):
            # (not one of several projects': "칠곡~경산 양방향 구간을 시작으로 15개 구간에서")
            regions = [r for r in self._route(sentence[0], sentence[1], at, end)
                       if found is None or not (found.start < r.end and r.start < found.end)]
        if not regions:
            regions = self._site_next(sentence[1])
        if not regions:
            regions = self._site_described(sentence[1])
        if not regions and found is not None:
            regions = self._site_later(found, sentence[1])
        if not regions and found is not None and self.w.region["aside_place_chars"]:
            regions = self._name_aside(found, sentence[0])
        if not regions and found is not None:
            regions = self._leading_place(found)
            if regions and self._body_level(regions[0]):
                # "구례군 가족센터": a body's own name before a project places it less closely
                # than a site described before ("센터는 …읍 …리 2번지 일원에 연면적 …")
                back = self._earlier_regions(sentence[0], across=True)
                if back and self._described(back[0]):
                    regions = back
                elif (self.w.region["not_own_body"] and agency is not None
                      and self.text[regions[0].start:regions[0].end].split()[-1]
                      == agency.text.split()[-1]):
                    # "신안군 신청사" of 신안군: the agency's own name places nothing
                    regions = []
            if regions:
                # "천선동 생활주변 녹지공간 조성공사" after "성산구 천선동 1296-9번지 일원 …": the
                # place a name starts with, named more closely before, is that closer place
                lead = self.text[regions[0].start:regions[0].end]
                back = self._earlier_regions(sentence[0], across=True)
                if back and len(self.text[back[0].start:back[0].end]) > len(lead) and (
                        lead in self.text[back[0].start:back[0].end].split()):
                    regions = back
        if not regions and found is not None:
            # "서구 괴정동 한민시장 아케이드 설치공사와 …. … 28억원이 투입된 한민시장 아케이드
            # 설치공사는 …": the place named for the project in a sentence near (nearby.py)
            regions = self._tied_region(found, sentence)
        if not regions and found is not None:
            # "…원을 투입해 진행 중인 안내면 도율리 유티복지회관 건립은": a village named anywhere in
            # the amount's sentence, over a place named in a sentence before
            regions = self._village_here(sentence[0], sentence[1], at, end, taken)
        if not regions and self.w.region["from_paragraph"]:
            regions = self._earlier_regions(sentence[0])
        if not regions and self.w.region["reach"]:
            regions = self._earlier_regions(sentence[0], across=True)
        if regions and found is not None and regions[0].end <= sentence[0] <= found.start:
            regions = [r for r in regions if not self._about_another(r, found, agency)]
        if not regions and self.same_place.search(self.text, sentence[0], sentence[1]):
            # "탁구장은 사업비 35억원을 투입해 같은 장소에 …": the place named last before, even
            # for another project named there
            regions = self._earlier_regions(sentence[0], across=True)
        if not regions and found is not None:
            # "…신북면 유곡리 오장성마을의 … 마을회관 준공식을 가졌다. 오장성마을회관은 …
            # 7천500만원을 투자해 …": a village the sentence before or the lead names
            regions = self._village_before(sentence[0], taken)
            if regions and sentence[0] <= found.start and self.w.region["amount_places"]:
                # (not a village told with an amount of its own: that amount's)
                regions = [r for r in regions if r.end > sentence[0]
                           or not self._about_another(r, found, agency)]
        if not regions and found is not None:
            # "탄천지구 다목적농촌용수개발사업", "송풍지구 관광지 개발": a works district the name
            # starts with, when nothing closer places it
            regions = self._leading_district(found)
        if regions and self.w.region["item_amounts"]:
            # "…둔산지구 일원 황톳길 정비에 10억 원, 노후 공원 시설물정비에 13억 원": a place before
            # another item's amount ("…에 10억 원") is that item's
            regions = [r for r in regions if not (sentence[0] <= r.start and r.end <= at
                                                  and self.w.item_amount.search(
                                                      self.text, r.end, at) is not None)
                       and not self._before_other_amount(r, at)]
        if regions:
            anchor = found.start if found is not None else at
            best = min(regions, key=lambda r: min(abs(r.end - anchor), abs(r.start - anchor)))
            if self.w.region["own_clause"]:
                # "덕산코트랜은 소정면 스마트그린산단에 300억원을 투자해 …, 로가는 전동면 벤처밸리에
                # 130억원 …": the place named in the amount's own clause, before it
                own = [r for r in regions if r.end <= at and sentence[0] <= r.start
                       and "," not in self.text[r.end:at]
                       # ("…일원에 154억 원을 투입해 …하고 169억 원을": another amount's)
                       and self.w.money_words.search(self.text, r.end, at) is None]
                if own:
                    best = own[-1]
            # "부산 사하구 홍티, 강서구 신전항에는 총 187억 원이": one of several places
            if self._one_of_listed(best):
                # "…죽토리 죽전마을, 관암마을, 양지마을 일원에": a list closed by 일원 is one area
                best = self._listed_area(best)
            region = None if best is None else self._span(best)
        if found is not None:
            # "…공영주차장을 재건축하여" after "‘서2동 공영주차장’ 준공식": the fuller name before
            # (the place and the agency read as for the short one)
            found = self._fuller_before(found, min(sentence[0], found.start))
        return Record(agency=agency, project=None if found is None else self._span(found),
                      region=region)
