"""The project of a funded total: the name the amount is for, else the sentence's topic, …;
several projects counted or joined together are none ("12곳에", "등 50건", "…사업과 …사업이")."""

from __future__ import annotations

from dataclasses import replace

import regex

from fundparse.records.shared import PARAGRAPH, Found, Reader
from fundparse.records.tokens import run_before

_NEAR = 24  # characters between a "…에" project and its amount
_PARTS_REACH = 60
_JOINED_NEXT = regex.compile(r"(\w)\s+(\S{2,20})")
_AND_NEXT = regex.compile(r"\s+(\S+)\s+(\S{2,20})")
_CLOSING = "’'\"”」』>》〉`"
_BETWEEN_NAME_AND_AMOUNT = " \t’'\"”」』>》〉("
_LIST_MARKS = "□■○●◦•▲△▷▶※-"
_QUOTE_MARKS = "‘’'\"“”「」『』<>《》〈〉`"


class ProjectFinder(Reader):
    def project(self, at: int, end: int, sentence: tuple[int, int]
                ) -> tuple[Found | None, list[Found], bool]:
        """The project of the amount at ``at``; the regions of the sentence it was found in;
        whether several projects are counted together."""
        s_start, s_end = sentence
        self.set_aside = None
        regions, found = self._found(s_start, s_end)
        found = self._candidates(found, at, end, s_start, s_end)
        # "…사업에 선정돼": a programme the amount's sentence names before it
        programmes = [f for f in found if f.end <= at and f.at_e and not f.place]
        # a competition is not the project, unless the amount is written right after it
        # ("…공공임대주택 공모사업 310억 원")
        # ("▲…환경조성사업 공모사업(98억원)": or in the bracket right after it, the item's own)
        found = [f for f in found if not self._contest(f)
                 or (f.end <= at and at - f.end <= 2 and not self.text[f.end:at].strip(
                     self.contest_amount_opens))]
        # "군남댐∼옥녀봉∼중면사무소 7.7㎞": a stretch's ends alone (one word) are no project
        marks = tuple(self.w.region["route_marks"])
        found = [f for f in found if f.quoted or not (
            any(m in self.text[f.start:f.end] for m in marks)
            and len(self.text[f.start:f.end].split()) == 1)]
        if self.w.region.get("route_no_project") and not all(f.quoted for f in found):
            # "성동 건널목부터 계림 성당 구간에": a name inside a stretch between two ends is
            # where, no project
            routes = [m.span() for m in self._routes(s_start, s_end)]
            found = [f for f in found if f.quoted or not any(
                a <= f.start and f.end <= b for a, b in routes)]
        # "화곡리와 물류단지를 잇는 도로": what a road links is no project
        found = [f for f in found if not self.w.linked.match(self.text, f.end)]
        places = [f for f in found if f.place]
        if places:
            found = [f for f in found if not f.place] or places
        before = [f for f in found if f.end <= at]
        # an item of a list ("…에 448억원, …에 154억원을 투입해 …"): the names after it are
        # the next items'
        after = ([] if self.w.list_link.match(self.text, end) is not None
                 else [f for f in found if f.start >= end])
        if after and self.w.project["next_amount_own"]:
            # "…40억 원을 투입하는 …사업과 …에 248억 원을 들여 …하는 …사업을": the names after
            # the next amount (past this one's bracket) are that one's
            cut = self._next_amount(end, s_end)
            after = [f for f in after if f.start < cut]
        # "…원이 투입돼 … 풋살장 1면, 테니스장 2면, 주차장 22면을 갖췄다": what it is equipped with
        # are its parts, not the project
        if after and self.w.equipped.search(self.text, after[0].end, s_end) is not None:
            after = []
        if (self.w.project["plain_objects"]
                and self.w.list_link.match(self.text, end) is None):
            # "18억원을 들여 다목적교실을 짓고", "…대불부두에 철재부두를 건설하기로": the first
            # object after the amount, acted on, names its project even with no known head
            plain_object = self._plain_object(end, s_start, s_end)
            if plain_object is not None and not any(f.told and f.start < plain_object.start
                                                    for f in after):
                after = [plain_object] + [f for f in after if f.start >= plain_object.end]
        # "…을 들여 … 우곡사약수터 누리길을 조성한다": the object of the action comes first
        after.sort(key=lambda f: not f.told)
        near = [f for f in before if f.at_e and at - f.end <= _NEAR
                and not regex.search(r"[,.]", self.text[f.end:at])
                # ("…확충에 지방비 30억원을 포함 4년간 100억원이": a name whose own amount
                # stands between is that amount's)
                and not (self.w.project["near_own_amount"]
                         and self.w.money_words.search(self.text, f.end, at) is not None)]
        # "…활성화 사업(70억 원), …활성화 사업(80억 원)을": the amount alone in brackets right
        # after a name is that item's own, not the sum of the items before it
        own_item = self._own_item(before, at, end)
        if self.w.project["own_amount_items"] and own_item is None and sum(
                1 for f in before if (o := self.w.forms.own_amount.match(self.text, f.end)) is not None
                and o.end() <= at and s_start <= f.start) >= 2:
            # "기숙사 신축(65억원)과 …리모델링(95억원)에는 160억원이": the sum of items each with
            # its own amount in brackets is several projects'
            return None, regions, True
        # "…조성사업 60억 원": the name right before the amount is its project
        # ("‘…정비사업’ 150억원", "…센터(116억 원, …)": past a closing quote or an open bracket)
        right = [f for f in before if at - f.end <= 3
                 and not self.text[f.end:at].strip(_BETWEEN_NAME_AND_AMOUNT)]
        if (right and not right[-1].quoted and self.text[at - 1:at] == "("
                and self.text[right[-1].end:at] == "(" and self.text[end:end + 1] == ")"
                and self._bracket_listed(at - 1, s_start, s_end)):
            # "△충남형 더 행복한 주택 건립사업(319억원) △…": a bulleted item's name read short of
            # its mark is the item's words from the mark ([project] bullet_whole_items)
            whole = self._bulleted_whole(at - 1, right[-1].start)
            if whole is not None:
                right = [replace(right[-1], start=whole.start)]
        links = self.w.data["funded"]["copula_links"]
        if not right and links and self.text.startswith(tuple(links), end):
            # "…구서역 주차장이 21억원, 명윤역 주차장이 18억원이다": the subject right before
            right = [f for f in before if at - f.end <= 3
                     and self.text[f.end:f.end + 1] in self.w.data["funded"]["copula_subjects"]
                     and not self.text[f.end + 1:at].strip()]
        if not right and not near and self.w.data["funded"]["spent_on"]:
            # "포항시 동빈내항 수로를 복원하는 데 50억 원을 들이는": the object of the clause the
            # amount is spent on, plain words before 을/를
            right = self._spent_on(s_start, at)
        if not right and self.text[end:end + 1] == ")":
            # "…개보수 지원사업(전주시 등 21.9억원)": a few words in the name's bracket first
            right = [f for f in before[-1:]
                     if self.w.forms.name_bracket.fullmatch(self.text, f.end, at) is not None]
        if not right:
            # "…문화특화지역 조성사업비 6억원과": a cost label glued to the name ([funded]
            # glued_labels): the name through the label, its glued_cut left out
            right = self._glued_cost(at, s_start)
        if not right:
            # "`달성 중부권 복합문화센터` 건립비 360억원", "스마트학교 구축비로 155억원": the cost of
            # the name right before it (구축비: of building it — the name and 구축)
            right = self._costed(before, at)
        if not right:
            # "정부세종청사 중앙동(사업비 1천440억원)": a name and a word after it, then the amount
            # in brackets after a cost word
            right = self._bracket_costed(before, at)
        if (not right and self.w.data["funded"]["after_action"]
                and self.text[at - 1:at] == "(" and self.text[end:end + 1] == ")"):
            # "…, 영덕군 축산항 방파제 35m 연장(39억원)": the item the amount alone in brackets
            # closes, whatever its last word
            right = self._action_item(at - 1)
        if (not right and self.w.project.get("bracket_list_items")
                and self.text[at - 1:at] == "(" and self.text[end:end + 1] == ")"
                and self._bracket_listed(at - 1, s_start, s_end)):
            # "…교육관(225억 원)을 비롯해 금강송 에코리움(99억 원), 백암숲체험교육장(22억 원)":
            # an item of a list of names each with its amount alone in brackets, whatever its
            # last word
            right = self._listed_item(at - 1)
            if right and self._place_only(right[0]):
                # "…에 따르면 선정된 지구는 영덕 병곡지구(477억 원), …": an item that is only a
                # place names where, not what ([project] place_items)
                right = []
        # "…체육관은 사업비 34억 원을 투입해 …": the sentence's topic, named before the amount
        s_start_word = self._next_word(s_start)
        topic = [f for f in before if f.topic and not (
            # ("제주공항은 89억원을 들여 …을 확장한다": a facility alone as the topic is a place)
            self.w.region["facility_topics"] and f.start == s_start_word
            and self._facility(self.text[f.start:f.end]))]
        if not topic and self.w.project["aside_topic"]:
            # "성서도서관(달서구 이곡동 … 내)은 30억 원의 사업비를 들여": a topic with an aside
            m = self.w.aside_topic.search(self.text, s_start, at)
            if m is not None and not self._no_body(m.group(1)) and not (
                    # ("한국자산관리공사(캠코)는": a body and its short name, the subject)
                    m.group(1).endswith(self.agency_heads) and self.w.agency.match(
                        self.text, m.start(1)) is not None):
                topic = [Found(self._words_before(m.start(1), s_start, s_end), m.end(1),
                               topic=True)]
        if not topic and self.w.project["place_aside_topic"]:
            # "고천암3지구(해남군 해남읍)는 … 사업비 173억원": a name of any head (no body's)
            # with the place it lies in, in brackets, before its topic particle is the topic,
            # and that place its place
            m = self.w.place_aside_topic.search(self.text, s_start, at)
            if m is not None and (not m.group(1).endswith(self.agency_heads)
                                  or self._no_body(m.group(1))):  # ("…지구": no body)
                topic = [Found(m.start(1), m.end(1), topic=True)]
                regions = [Found(m.start("place"), m.end("place"))] + list(regions)
        placed = None
        if not topic and self.w.project["place_topic_names"]:
            # "공음면 농촌중심지활성화사업과 성송면 기초생활거점 사업지를 찾았다. 공음면은 총사업비
            # …": a village as the sentence's topic stands for the project named before with it
            # (one of the several named there: the one that village's)
            topic = self._place_topic_name(s_start, at)
            placed = topic[0] if topic else None
        if not topic and self.w.project["case_topic"] and not after:
            # "…초의 경우 205억원의 예산이 투입돼", "…고도 252억원을 들여": a name opening the
            # sentence as its case, whatever its last word (unless a name follows the amount:
            # "주민도 10억원을 들여 …정원을 가꾼다")
            topic = self._case_topic(s_start, at)
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
        described = False
        if len(after) > 1 and (told or self.w.project["counted_describing"]) and (
                self._describes_next(after[0], after[1])):
            # "…원을 들여 … 전망 교량을 설치하는 스카이워크 사업을 추진한다": what is done names the
            # project after it ("…에 도로와 주차장 13곳을 2027년까지 조성하는 …사업도": its
            # parts, counted)
            told, described = [after[1]], not told
        pick = (right[-1] if right else near[-1] if near else relative[0] if relative
                else topic[-1] if topic else told[0] if told else purpose[-1] if purpose
                else None)
        # "시설 조성을 위해 총사업비 73억 원이", "센터 조성을 위해 … 사업비 100억원을": a head
        # alone the amount is for names the project before (with that head, if one was)
        unnamed = (self.w.unnamed_purpose.search(self.text, s_start, at)
                   if pick is None or pick.start >= end else None)
        if unnamed is not None:
            pick = None
        if pick is None and unnamed is None and (after or before):
            # "…타운은 지난해 선정됐다. 총 사업비 754억 원을 들여 …철도 개통에 따른 …": what
            # the sentence before was about, over a name merely mentioned
            prev, _ = self._earlier(s_start)
            after_topic = [f for f in after if f.topic]
            pick = (after_topic[0] if after_topic
                    else prev if prev is not None and prev.topic and refer is None
                    else after[0] if after else before[-1])
        # "국비 556억원이 투입된 이번 사업을 통해 …": the amount's relative clause is about the
        # project named before
        # "이를 위해 …억원을": the amount is for what the sentence before was about
        # ("이를 위해 “60억원을 들여 …둘레길을 만들고 …”": the object named after it is its own)
        purposed = (not (right or near)
                    and not (told and self.w.project["told_over_refer"])
                    and self.w.refer_purpose.search(self.text, s_start, at) is not None)
        refer_case = (unnamed is not None or purposed
                      or not (right or near) and self.w.relative_refer.match(self.text, end, s_end)
                      is not None
                      or (pick is None or self._bare_head(pick))
                      and self._refers_back(s_start, s_end)
                      or not (right or near) and refer is not None
                      and not any(f.end <= refer.start() for f in found))
        if (refer_case and refer is not None and unnamed is None and not purposed
                and self.w.project["cost_topic_own"] and self._cost_topic(refer)):
            # "총사업비는 약 440억원으로, … 군포복합문화센터가 개관하면 …": a cost topic whose own
            # sentence names a project after the amount, as a subject or topic, is about it
            own = [f for f in after if not f.place and not f.told
                   and self.text[f.end:f.end + 1] in self.w.forms.subject_marks]
            if own:
                pick, refer_case = own[0], False
        # "…광역상수도 조성을 위해 … 2342억원을 들여 정수장 2개소 신설 …": a count after an amount
        # spent on a name it is for counts that one's parts
        parts_after = (pick is not None and not refer_case and bool(purpose)
                       and pick is purpose[-1] and self.w.project["purpose_parts"]
                       or described and pick is not None and pick is told[0])
        # "…배수개선사업은 … 60억 원을 투입해 배수장 2개소 및 배수문 …": a count after the
        # amount of a project named as the sentence's topic before it counts its parts (not a
        # list closed by its count: "…공공도서관, 공동 육아나눔터 2개 시설로 짓는다")
        topic_parts = (not parts_after and pick is not None and not refer_case and pick.topic
                       and pick.end <= at and bool(self.w.project.get("topic_parts")))
        if self._bundled(None if refer_case else pick, at, end, s_start, parts_after,
                         topic_parts, item=own_item is not None and pick is own_item):
            # (the programme the bundle runs under is no project, but the body its own clause
            # names still carries it out: "…지사에서 추진하는 …정비사업은 … 3개 지구에 40억원")
            self.set_aside = None if refer_case else pick
            return None, regions, True
        if refer_case:
            # "이 센터", "이번 사업은", "사업은 …": the project named before, even in the
            # paragraph before (a lead sentence stands alone)
            head = (unnamed.group("head") if unnamed is not None
                    else self._refer_head(s_start, s_end))
            if unnamed is not None and head in self.w.project["unnamed_any"]:
                head = ""  # "시설 조성을 위해": any kind of works, the last topic first
            earlier, earlier_regions = (self._earlier(s_start, across=True, head=head)
                                        if head else (None, []))
            if earlier is None:
                earlier, earlier_regions = self._earlier(s_start, across=True)
            if earlier is not None:
                if self._counted(earlier, listed=False) or self._counted_there(earlier):
                    return None, regions, True
                if (purposed or head in self.w.project["refer_several"]) and (
                        self._several(earlier, []) or self._followed_by_several(earlier)):
                    return None, regions, True  # "…사업 등도 진행한다. 이를 위해 …"
                return earlier, regions or earlier_regions, False
        if (pick is not None and not refer_case and not (own_item is not None and pick is own_item)
                and self._counted_next(s_end)):
            return None, regions, True
        if pick is not None and pick is placed:
            return pick, regions, False
        if self._several(pick, found) or (pick is not None and (
                self._followed_by_several(pick, end) or self._joined_after(pick, found, end))):
            if pick is not None and pick.start >= end and programmes:
                # "…개조 사업에 선정돼 43억 원으로 …확충과 …사업 등을 추진": the works after it
                # are several; the programme named before it is what it funds
                return programmes[-1], regions, False
            carried = self._carried_by(pick, found, s_start)
            if carried is not None:
                # "물야면 기초생활거점조성사업으로 추진된 주민복지회관과 다목적광장은 … 43억원을":
                # several works carried out as one programme named before them are that one
                return carried, regions, False
            return None, regions, True
        if pick is None and self.w.refer_contest is not None:
            # "…'농촌공간정비사업' 공모에 …가 선정됐다. 시는 이번 공모 선정으로 …원을 확보했다":
            # the programme the refer-back to the competition names
            m = self.w.refer_contest.search(self.text, s_start, at)
            if m is not None:
                contest = self._contest_before(s_start)
                if contest is not None:
                    return contest, regions, False
        if pick is None:
            # "…센터를 건립한다": a head alone names the one named before with that head
            head = self._head_alone(s_start, s_end)
            pick, earlier = (self._earlier(s_start, across=True, head=head) if head
                             else (None, []))
            if pick is None:
                pick, earlier = self._earlier(s_start)
            if pick is None:  # nothing in the paragraph: the one the story is about, before it
                pick, earlier = self._earlier(s_start, across=True)
            if pick is not None and (self._counted(pick) or self._several(pick, [])):
                return None, regions, True  # ("…센터 등이 문을 연다. 이들 시설은 …")
            regions = regions or (earlier if pick is not None else [])
        if pick is not None and not pick.quoted and self._kind(pick):
            return None, regions, False  # "고속도로에 총 3조2000억원", "기반시설": a kind, no project
        if pick is not None and not pick.quoted:
            pick = self._with_phase(self._longer_before(self._spelt_out(pick), s_start))
        return pick, regions, False

    def _with_phase(self, pick: Found) -> Found:
        """"길천산업단지조성사업(2차) 52억…": the name with its phase in brackets right after it
        ([patterns] phase_after)."""
        form = getattr(self.w.forms, "phase_after", None)
        m = None if form is None else form.match(self.text, pick.end)
        return pick if m is None else replace(pick, end=m.end())

    def _joined_after(self, pick: Found, found: list[Found], end: int) -> bool:
        """"…원을 투입해 수상레저타운 건설과 2000여평 규모의 주차장도 조성": a name after the amount
        joined by 과/와 to words that lead to ``pick`` (no comma between) — two works."""
        if not self.w.project["joined_after_amount"] or pick.start < end:
            return False
        for f in found:
            if end <= f.start and f.end < pick.start:
                m = _JOINED_NEXT.match(self.text, f.end)
                if (m is not None and m.group(1) in self.w.project["joined_particles"]
                        and self.text[f.end:f.end + 1] == m.group(1)
                        and "," not in self.text[f.end:pick.start]
                        and not m.group(2).startswith(tuple(self.w.project["not_joined"]))):
                    return True
        return False

    def _carried_by(self, pick: Found | None, found: list[Found], s_start: int
                    ) -> Found | None:
        """The programme the works ``pick`` closes are carried out as, named before them in the
        sentence with one of [patterns] programme_of after it ("…조성사업으로 추진된"); None
        when there is none."""
        form = getattr(self.w.forms, "programme_of", None)
        if pick is None or form is None:
            return None
        for f in found:
            if s_start <= f.start and f.end <= pick.start and self._is_programme(f):
                m = form.match(self.text, f.end)
                if m is not None and m.end() <= pick.start:
                    return f
        return None

    def _is_programme(self, f: Found) -> bool:
        """A name ending in one of [project] programme_heads ("…조성사업", "…프로젝트")."""
        return self.text[f.start:f.end].endswith(tuple(self.w.project.get("programme_heads", ())))

    def _contest_before(self, s_start: int) -> Found | None:
        """The competition named last before ``s_start`` (within refer_chars), in the sentence
        holding the last of contest_words there."""
        lo = max(0, s_start - int(self.w.project["refer_chars"]))
        for word in self.w.project["contest_words"]:
            at = self.text.rfind(word, lo, s_start)
            if at < 0:
                continue
            a, b = self.sentences.span(at)
            contests = [f for f in self._found(a, min(b, s_start))[1]
                        if f.end <= at and self._contest(f)]
            if contests:
                return contests[-1]
        return None

    def _next_amount(self, end: int, hi: int) -> int:
        """Where the next amount after ``end`` starts in ``text[:hi]``, past the amount's own
        bracket of parts; ``hi`` when there is none."""
        j = end
        while j < hi and self.text[j] in " )":
            j += 1
        if j < hi and self.text[j] == "(":
            close = self.text.find(")", j, hi)
            j = hi if close < 0 else close + 1
        m = self.w.money_words.search(self.text, j, hi)
        return hi if m is None else m.start()

    def _place_topic_name(self, s_start: int, at: int) -> list[Found]:
        """The project named before, within refer_chars, that starts with the village opening
        the amount's sentence as its topic ("공음면은 총사업비 …" after "공음면
        농촌중심지활성화사업"), as a topic; [] when there is none."""
        m = self.w.forms.place_topic.match(self.text, s_start, at)
        if m is None or not self._village(m.group(1)):
            return []
        place = m.group(1)
        lo = max(0, s_start - int(self.w.project["refer_chars"]))
        k = self.text.rfind(place + " ", lo, s_start)
        if k < 0:
            return []
        sentence = self._sentence(k)
        _, names = self._found(*sentence)
        # (the place itself may be left out of the name as its region: "공음면 …사업")
        named = [f for f in names if k <= f.start <= k + len(place) + 1 and not f.place]
        return [replace(named[0], topic=True)] if named else []

    def _made_into(self, ws, i: int) -> Found | None:
        """"횡산리 안보교육관을 연강 갤러리로 새롭게 단장한다": what the object is made into (one
        to three plain words before 로/으로, then an action) is the project."""
        k = i + 1
        while k < len(ws) and k - i <= 3 and not ws[k].text.endswith(self.w.forms.means_particles):
            if not self._plain(ws[k]):
                return None
            k += 1
        if k >= len(ws) or k - i > 3 or ws[k].closed:
            return None
        last = ws[k].text[:-max(len(p) for p in self.w.forms.means_particles if ws[k].text.endswith(p))]
        if len(last) < 2 or not self.w.forms.hangul_word.fullmatch(last) or last in self.generic:
            return None
        if last in self.aim_words:
            return None  # "수처리시설의 우선 가동을 목표로 추진": an aim, not what is made
        if not self._acted_on(ws[k].end):
            return None
        return Found(ws[i + 1].start, ws[k].start + len(last), told=True)

    def _plain_object(self, end: int, s_start: int, s_end: int) -> Found | None:
        """The first word with 을/를 after the amount in its clause (no comma between), right
        before an action ("다목적교실을 짓고", "철재부두를 건설하기로"), with the plain words
        before it: a name whatever its last word; None when that word is a head alone, a
        place, a count, or names nothing ("공사를 마쳤다", "사업을 추진한다")."""
        ws = self._words_cache.get((s_start, s_end))
        if ws is None:
            return None
        reach = end + int(self.w.project["plain_object_chars"])
        for i, w in enumerate(ws):
            if w.start < end:
                continue
            if w.start > reach or "," in self.text[end:w.start]:
                return None
            if w.closed or w.quoted or not w.text.endswith(self.w.forms.object_particles):
                continue
            stem = w.text[:-1]
            into = (self._made_into(ws, i) if self.w.project["made_into"]
                    and stem not in self.actions and stem not in self.news_verbs
                    and stem not in self.generic else None)  # ("완공을 목표로 착공": no name)
            if into is not None:
                return into
            if (len(stem) < 2 or not self.w.forms.hangul_word.fullmatch(stem) or stem in self.generic
                    or stem in self.aim_words
                    or stem in self.actions or stem in self.stop or stem in self.which_words
                    or stem.endswith(self.place_ends)
                    or (len(stem) < 4 and not (i and self._plain(ws[i - 1])
                                               and ws[i - 1].start >= end))
                    # (one short word is a kind: "휴게소를 정비한다", "교량을 보수한다")
                    or self._project_head(stem) or self._project_head(w.text)
                    # (a headed name is found the usual way: "…평화마을을", "…센터를")
                    or not self._acted_on(w.end)):
                return None
            first = run_before(ws, i, int(self.w.project["max_words"]) - 1,
                               lambda x: self._plain(x) and x.start >= end)
            return Found(ws[first].start, w.end - 1, told=True)
        return None

    def _case_topic(self, s_start: int, at: int) -> list[Found]:
        """[a name opening the sentence (past list marks) before one of case_topic_after and
        the amount]: one ending in a project head, or one listed before within refer_chars
        ("…초와 …고 등 2곳을 개교한다. …고도 252억원을 들여"; not "전년도" after "전년보다"); a
        body's name is none."""
        i = s_start
        while i < at and (self.text[i].isspace() or self.text[i] in _LIST_MARKS):
            i += 1
        m = self.w.case_topic.match(self.text, i, at)
        if m is None:
            return []
        name = m.group("name")
        if (name in self.stop or name in self.generic or name in self.which_words
                or (name.endswith(self.agency_heads) and not self._no_body(name))):
            return []
        lo = max(0, s_start - int(self.w.project["refer_chars"]))
        if not self._ends_in_head(name) and not self._listed_before(name, lo, s_start):
            return []
        return [Found(m.start("name"), m.end("name"), topic=True)]

    def _listed_before(self, name: str, lo: int, hi: int) -> bool:
        """``name`` written in ``text[lo:hi]`` as an item of a list: a whole word followed by
        와/과, a comma, a middle dot, 및 or 등 ("…초와 …고 등 2곳을"; not "전년보다")."""
        at = self.text.find(name, lo, hi)
        while at >= 0:
            before = self.text[at - 1:at] if at else " "
            if (not self.w.forms.hangul.fullmatch(before)
                    and self.w.forms.list_item_after.match(self.text, at + len(name))):
                return True
            at = self.text.find(name, at + 1, hi)
        return False

    def _words_before(self, start: int, lo: int, hi: int) -> int:
        """Where a name whose last word starts at ``start`` begins: the plain words right
        before that word in the sentence ``text[lo:hi]`` are its own ("곡교천 그라운드골프장(…)은";
        aside_words at most, none when aside_words is 0)."""
        limit = int(self.w.project["aside_words"])
        if not limit:
            return start
        ws = self._words_cache.get((lo, hi)) or self._words(lo, hi)
        i = next((k for k, w in enumerate(ws) if w.start == start), None)
        if i is None:
            return start
        return ws[run_before(ws, i, limit, self._plain)].start

    def _describes_next(self, first: Found, second: Found) -> bool:
        """``first``, its object particle and an action in a form that describes what follows
        ("…교량을 설치하는 ", describing_endings), then ``second`` ending in a project head."""
        m = self.w.describing.match(self.text, first.end)
        return (m is not None and m.end() == second.start
                and self._ends_in_head(self.text[second.start:second.end]))

    def _bracket_costed(self, before: list[Found], at: int) -> list[Found]:
        """[the name before the amount's bracket, through the plain word after it]: "…청사
        중앙동(사업비 1천440억원)" (cost_words before the amount; bracket_words at most)."""
        limit = int(self.w.project["bracket_words"])
        if not limit:
            return []
        m = self.w.bracket_cost.search(self.text, max(0, at - 16), at)
        if m is None:
            return []
        if not before or before[-1].end < self._item_start(m.start()):
            return self._bracket_item(m.start())
        f = before[-1]
        words = self.text[f.end:m.start()].split()
        if (not words or len(words) > limit or not self.text[f.end:f.end + 1].isspace()
                or not all(self.w.forms.hangul_word.fullmatch(w) for w in words)
                or any(w in self.stop for w in words)):
            return []
        return [Found(f.start, m.start(), f.at_e, f.topic)]

    def _cost_topic(self, refer) -> bool:
        """A refer-back topic that is a cost word ("총사업비는", "사업비는"), not "이 센터는"."""
        return refer.group().lstrip(" \t\n□■○●◦•▲△▷▶※-").startswith(
            tuple(self.w.project["refer_starts"]))

    def _item_start(self, bracket: int) -> int:
        """Where the item of a list a bracket closes starts: after the last list mark or
        topic word before it in its line ("주요 사업은 …(…), 지역특화 임대형 스마트팜(")."""
        lo = max(self.text.rfind("\n", 0, bracket) + 1, bracket - 60)
        cut = lo
        for m in self.w.forms.item_break.finditer(self.text, lo, bracket):
            cut = m.end()
        return cut

    def _bracket_item(self, bracket: int) -> list[Found]:
        """"…, 지역특화 임대형 스마트팜(총 사업비 200억원, …)": an item of a list, its own words
        right before the amount's bracket (no space), is the project whatever its last word
        (plain words only, at most max_words of them; list_items = false: off)."""
        if not self.w.project["list_items"] or self.text[bracket - 1:bracket].isspace():
            return []
        lo = self._item_start(bracket)
        ws = self._words(lo, bracket)
        if ws:
            ws[-1] = replace(ws[-1], closed=False)  # (the bracket closes the last word)
        if (not ws or len(ws) > self.w.project["max_words"]
                or not all(self._plain(w) for w in ws)
                or any(w.text in self.stop for w in ws)):
            return []
        return [Found(ws[0].start, ws[-1].end)]

    def _bracket_listed(self, bracket: int, s_start: int, s_end: int) -> bool:
        """The bracket at ``bracket`` holds an item's own amount in a list of such items: a
        comma or a list link right after it, or the item before it closed so (another amount
        alone in brackets in the sentence, [funded] bracket_list_items)."""
        lo, hi = s_start, s_end
        if self.w.project.get("bullet_whole_items"):
            # (an inline item, "△…(380억원) △…": its list is the whole sentence)
            whole = self._sentence(bracket)
            lo, hi = min(lo, whole[0]), max(hi, whole[1])
        own = [m for m in self.w.forms.own_amount.finditer(self.text, lo, hi)]
        if len(own) < 3:
            return False
        close = self.text.find(")", bracket)
        after = self.text[close + 1:close + 2]
        before = self.text[max(lo, self._item_start(bracket) - 3):self._item_start(bracket)]
        if after == "," or before.rstrip().endswith(("),", ")")):
            return True
        # "△청년정착기금(150억원) △…": an item opened by a list mark, in a list of such items
        return bool(self.w.project.get("bullet_whole_items")) and before.rstrip().endswith(
            tuple(self.w.project["list_bullets"]))

    def _glued_cost(self, at: int, s_start: int) -> list[Found]:
        """"…문화특화지역 조성사업비 6억원과": the word right before the amount ends in one of
        [funded] glued_labels with more before it; the project is that word without glued_cut
        and the plain words before it (at most max_words)."""
        funded = self.w.data["funded"]
        labels, cut = tuple(funded.get("glued_labels", ())), funded.get("glued_cut", "")
        text = self.text
        k = at
        while k > s_start and text[k - 1] in " \t":
            k -= 1
        j = k
        while j > s_start and not text[j - 1].isspace():
            j -= 1
        word = text[j:k]
        if not labels or not cut or not word.isalnum() or not word.endswith(cut) or (
                word in funded["labels"]) or not any(
                word.endswith(label) and len(word) > len(label)
                and word[:-len(label)] not in funded["before"] for label in labels):
            return []  # (not 총사업비, 전체사업비: the whole's label)
        end = k - len(cut)
        ws = self._words(max(s_start, self._item_start(end), end - 60), end)
        if not ws or ws[-1].end != end:
            return []
        last = ws[-1]
        if last.particle or last.quoted or not last.text.isalnum():
            return []
        out = self._plain_run(last, ws[:-1])
        return [Found(out[0].start, out[-1].end)]

    def _plain_run(self, last, before: list) -> list:
        """``last`` and the plain words right before it (no stop word), at most max_words."""
        out = [last]
        for w in reversed(before):
            if len(out) >= int(self.w.project["max_words"]) or not self._plain(w) or (
                    w.text in self.stop):
                break
            out.insert(0, w)
        return out

    def _place_item(self, at: int, end: int, sentence: tuple[int, int]) -> Found | None:
        """The item the amount alone in brackets closes when it is only a place (_place_only) in a
        list of such items: "영덕 병곡지구(477억 원), 봉화 평기지구(456억 원), …" — where."""
        if (not self.w.project.get("place_items") or self.text[at - 1:at] != "("
                or self.text[end:end + 1] != ")"
                or not self._bracket_listed(at - 1, sentence[0], sentence[1])):
            return None
        right = self._listed_item(at - 1)
        return right[0] if right and self._place_only(right[0]) else None

    def _place_only(self, item: Found) -> bool:
        """The item's last word ends in one of [project] place_items, no project head, and the
        words before it are places or a town's bare name ("영덕 병곡지구", "바람 노을지구")."""
        ends = tuple(self.w.project.get("place_items", ()))
        ws = self.text[item.start:item.end].split()
        if not ends or not ws or not ws[-1].endswith(ends) or len(ws[-1]) <= 2:
            return False
        if self.w.sets.project_name(ws[-1]) or len(ws) > 2:
            return False
        return all(w.isalnum() or "·" in w for w in ws)

    def _listed_item(self, bracket: int) -> list[Found]:
        """The words right before the bracket (no space) back to the first that is not
        plain — a particle, a verb, a closed bracket — the last of them any word without a
        particle: "…을 비롯해 금강송 에코리움(" gives 금강송 에코리움."""
        if self.text[bracket - 1:bracket].isspace():
            return []
        ws = self._words(max(self._item_start(bracket), bracket - 60), bracket)
        if not ws:
            return []
        last = replace(ws[-1], closed=False)
        if last.particle or last.quoted or last.text in self.stop or not last.text.isalnum():
            return []
        out = self._plain_run(last, ws[:-1])
        whole = self._bulleted_whole(bracket, out[0].start)
        return [whole] if whole is not None else [Found(out[0].start, out[-1].end)]

    def _bulleted_whole(self, bracket: int, start: int) -> Found | None:
        """"△호남고속도로지선(서대전~회덕) 확장(3697억원)", "△…아카데미 고도화 및 확산(2246억원)":
        an item opened by a list mark on its line is its words from the mark when the plain words
        stop short of it — an aside in brackets or 및 inside — and no comma or sentence end stands
        between (at most [project] max_chars; bullet_whole_items = false: off)."""
        if not self.w.project.get("bullet_whole_items"):
            return None
        line = self.text.rfind("\n", 0, bracket) + 1
        k = max(self.text.rfind(b, line, start) for b in self.w.project["list_bullets"])
        if k < 0:
            return None
        k += 1
        while k < start and self.text[k] in " \t":
            k += 1
        item = self.text[k:bracket]
        if (k >= start or "," in item or len(item) > int(self.w.project["max_chars"])
                or self.w.sentence_end.search(item) is not None
                or any(q[0] in item for q in self.w.project["quotes"])):
            return None
        return Found(k, bracket)

    def _spent_on(self, s_start: int, at: int) -> list[Found]:
        """[the plain words before 을/를 of a clause closed by one of [funded] spent_on right
        before the amount (at most spent_on_words words between)]: "…수로를 복원하는 데 50억"."""
        funded = self.w.data["funded"]
        lo = max(s_start, at - 80)
        ends = [m for m in self.w.spent_on.finditer(self.text, lo, at)]
        if not ends:
            return []
        m = ends[-1]
        between = self.text[m.end():at].split()
        if len(between) > int(funded["spent_on_words"]) or any(
                not w.isalnum() for w in between):
            return []
        obj_end = m.start("obj")
        ws = self._words(max(s_start, obj_end - 60), obj_end)
        out = []
        for w in reversed(ws):
            if w.end < obj_end - 1 and (w.particle or w.closed or w.quoted):
                break
            out.insert(0, w)
        if out:
            out[-1] = replace(out[-1], particle="", closed=False)
        out = out[-int(self.w.project["max_words"]):]
        if not out or not all(self._plain(w) or w is out[-1] for w in out) or any(
                w.text in self.stop for w in out[:-1]):
            return []
        while out and (out[0].text in self.stop or not self._plain(out[0])):
            out = out[1:]
        return [Found(out[0].start, obj_end)] if out else []

    def _action_item(self, bracket: int) -> list[Found]:
        """"…, 영덕군 축산항 방파제 35m 연장(": an item of a list ending in what is done to a
        structure ([project] actions, [funded] after_action) right before the bracket, its
        other words plain or a measure ([funded] item_measure), at most max_words of them."""
        if self.text[bracket - 1:bracket].isspace():
            return []
        ws = self._words(self._item_start(bracket), bracket)
        if ws:
            ws[-1] = replace(ws[-1], closed=False)
        if (len(ws) < 2 or len(ws) > self.w.project["max_words"]
                or ws[-1].text not in self._item_actions
                or not all(self._plain(w) or self._item_measure.fullmatch(w.text)
                           for w in ws[:-1])
                or any(w.text in self.stop for w in ws)):
            return []
        return [Found(ws[0].start, ws[-1].end)]

    @property
    def _item_actions(self) -> frozenset:
        return frozenset(self.w.project["actions"]) | frozenset(
            self.w.data["funded"]["after_action"])

    @property
    def _item_measure(self):
        return regex.compile(self.w.data["funded"]["item_measure"])

    def _kind(self, pick: Found) -> bool:
        """A kind of works named alone (class_names), or one of broad_kinds or a word ending
        in one of class_ends with only what is done to it, or a head word alone, after it
        ("고속도로 건설", "문화기반시설 조성", "기반시설 공사"; not "하수관로 정비", a budget's
        line)."""
        name = self.text[pick.start:pick.end]
        if name in self.class_names:
            return True
        ws = name.split()
        while len(ws) > 1 and (ws[-1] in self.actions or ws[-1] in self.generic):
            ws.pop()
        return len(ws) == 1 and (ws[0] in self.broad_kinds or ws[0].endswith(self.class_ends))

    def _spelt_out(self, pick: Found) -> Found:
        """"복합커뮤니티센터(이하 복컴센터)가 …. … 복컴센터 신축공사를": a name whose first word is
        an abbreviation the text gave in brackets after a project's name, within refer_chars
        before, is that name."""
        if not self.w.project["abbreviations"]:
            return pick
        ws = self.text[pick.start:pick.end].split()
        lo = max(0, pick.start - int(self.w.project["refer_chars"]))
        for m in self.w.forms.abbreviated.finditer(self.text, lo, pick.start):
            short = m.group(2)
            if short not in ws:
                continue
            # "양산일반산업단지(이하 양산산단) … 양산산단 혁신지원센터": a name of its own after it
            # is not the name; "부산시 제2청사(서부산청사)": a name with a head is another name,
            # not an abbreviation, unless 이하 says so
            i = ws.index(short)
            if (not all(w.endswith(self.place_ends) for w in ws[:i])
                    or not all(self._nameless(w) for w in ws[i + 1:])
                    or (not m.group(1) and short.endswith(self.heads)
                        and short not in self.head_words)):
                continue
            span = self.sentences.span(m.start())
            for f in self._found(span[0], span[1])[1]:
                if f.end == m.start() and not f.quoted:
                    return Found(f.start, f.end, pick.at_e, pick.topic, False, pick.place,
                                 pick.told, pick.role)
        return pick

    def _longer_before(self, pick: Found, s_start: int) -> Found:
        """"…산덕지구 다목적농촌용수개발사업을 추진한다. … 다목적농촌용수개발사업은 …": a short
        name (at most shorten_words words) that ends a longer one named in a sentence before,
        within refer_chars, is that one (the nearest; its own words are not a quote)."""
        cfg = self.w.project
        words = self.text[pick.start:pick.end].split()
        if not cfg["shorten_words"] or len(words) > int(cfg["shorten_words"]):
            return pick
        longer = self._longer_of(pick, s_start, words)
        if longer is pick and len(words) > 1 and all(x in self.actions for x in words[1:]):
            # "정밀화학지원센터 건립" for "울산정밀화학지원센터": a name and what is done to it
            # stands for the longer name its first word ends
            longer = self._longer_of(pick, s_start, words[:1], glued=True)
        return longer

    def _longer_of(self, pick: Found, s_start: int, words: list[str],
                   glued: bool = False) -> Found:
        """``_longer_before`` for ``words``; ``glued``: only a word that ends in them after more
        Hangul ("울산정밀화학지원센터"), not one after more words."""
        cfg = self.w.project
        short = "".join(words)
        lo = max(0, s_start - int(cfg["refer_chars"]))
        # every name that can stand for it holds its words run together: a sentence without
        # them is not read (most of an amount's look-back, on a long text).  Every sentence is
        # still looked up, in the same order: on a line longer than a sentence's reach, the
        # span found depends on the one found before (structure/sentences.py)
        anywhere = self.text.find(short, lo, s_start) >= 0
        for a, b in self._hinted_back(lo, s_start):
            if not anywhere or self.text.find(short, a, b) < 0:
                continue
            bodies = self._named(a, b)
            for f in reversed(self._found(a, b)[1]):
                name = self.text[f.start:f.end]
                if (f.quoted or any(q in name for q in _QUOTE_MARKS) or self._contest(f)
                        or any(x.start < f.end and f.start < x.end for x in bodies)):
                    continue
                # the short name ending a word after more words or Hangul: "선진포항 여객터미널
                # 신축 공사" -> "선진포항 여객터미널", "일반산업단지" for "산업단지" (not
                # "제2파크골프장" for "파크골프장")
                if len(words) > 1:
                    # "경관 개선" for "용하삼거리 경관개선 사업": the same words run together,
                    # a word of a longer name — the name is that one
                    if (len(name.split()) > 1 and regex.search(
                            rf"(?:(?<=\s)|^){regex.escape(short)}(?=\s|$)", name)):
                        return Found(f.start, f.end, pick.at_e, pick.topic, False,
                                     pick.place, pick.told, pick.role)
                    continue
                m = regex.search(rf"(?:(?<=\s)|^){self.w.data['patterns']['glued_lead']}"
                                 rf"{regex.escape(short)}(?=\s|$)", name)
                if m is not None and m.end() > len(short) and (
                        not glued or len(m.group()) > len(short)):
                    return Found(f.start, f.start + m.end(), pick.at_e, pick.topic, False,
                                 pick.place, pick.told, pick.role)
        return pick

    def _fuller_before(self, pick: Found, s_start: int) -> Found:
        """"‘서2동 공영주차장’ 준공식을 …. 구는 35억 원을 들여 … 공영주차장을 재건축하여 …": a name
        that ends (spaces aside) a longer name of a project named in a sentence before, within
        fuller_chars, is a short mention of it: the nearest such name ([records.project]
        fuller_chars = 0: off).  Not a contest's, a body's, or one whose name holds a quotation
        mark inside; the longer name at most fuller_most characters."""
        cfg = self.w.project
        reach = int(cfg.get("fuller_chars", 0))
        if not reach:
            return pick
        short = "".join(self.text[pick.start:pick.end].split())
        if len(short) < 2 or (short in self.head_words and not cfg["fuller_heads"]):
            return pick
        lo = max(0, s_start - reach)
        tail = short[-2:]
        if self.text.find(tail, lo, s_start) < 0:
            return pick
        for a, b in self._hinted_back(lo, s_start):
            if self.text.find(tail, a, b) < 0:
                continue
            # every name it can take, its spaces left out, ends in ``short`` and lies in the
            # sentence: a sentence whose text without spaces does not hold ``short`` is not read
            # (still looked up in order, as above)
            if len(short) > 2 and short not in "".join(self.text[a:b].split()):
                continue
            bodies = self._named(a, b)
            for f in reversed(self._found(a, b)[1]):
                name = self.text[f.start:f.end]
                whole = "".join(name.split())
                if f.quoted and not whole.endswith(short):
                    # "‘소부리 커뮤니티케어센터 조성사업’을 통해 … 커뮤니티케어센터를": a quoted
                    # name with what is done to it after (fuller_actions) is the fuller one
                    cut = next((x for x in cfg.get("fuller_actions", ()) if whole.endswith(x)
                                and len(whole) > len(x)), None)
                    if cut is not None and whole[:-len(cut)].endswith(short):
                        whole = whole[:-len(cut)]
                if (len(whole) <= len(short) or not whole.endswith(short)
                        or len(name) > int(cfg["fuller_most"])
                        or any(q in name for q in _QUOTE_MARKS) or self._contest(f)
                        or f.place
                        or any(x.start < f.end and f.start < x.end for x in bodies)
                        # ("새봄구 들녘도서관" for "들녘도서관": a body's name before it is no part)
                        or whole[:-len(short)].endswith(tuple(cfg["fuller_not_after"]))):
                    continue
                return Found(f.start, f.end, pick.at_e, pick.topic, f.quoted, pick.place,
                             pick.told, pick.role)
        return pick

    def _costed(self, before: list[Found], at: int) -> list[Found]:
        """The name right before a cost word (cost_words, or an action and 비) right before
        the amount: [the name], with the action when the cost word holds one."""
        if not before or not self.w.project["cost_before"]:
            return []
        f = before[-1]
        between = self.text[f.end:at]
        m = self.w.cost.fullmatch(between.lstrip(_CLOSING))
        if m is None:
            return []
        act = m.group("act")
        if act and not f.quoted:  # (a quoted name is whole as it is)
            stop = self.text.find(act, f.end, at) + len(act)
            return [Found(f.start, stop, f.at_e, f.topic)]
        return [f]

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
        if cfg["same_kind_before"]:
            # "원산도자연휴양림 등 도내 공립 자연휴양림을": one of a kind named before 등 and the kind
            m = self.w.forms.same_kind.search(self.text, max(0, pick.start - 40), pick.start)
            name = self.text[pick.start:pick.end]
            head = self.w.sets.longest_head(name, actions=False)
            if m is not None and head and len(head) >= 2 and m.group(1).endswith(head):
                return True
        for other in found:
            if other is pick:
                continue
            a, b = (pick, other) if pick.end <= other.start else (other, pick)
            between = self.text[a.end:b.start].strip()
            if b.start - a.end <= 4 and between in cfg["joined"]:
                return True
        return False

    def _followed_by_several(self, pick: Found, end: int = -1) -> bool:
        """"…확장 사업 등에 32억원": a name followed by 등 is one of several.  A name after its
        amount (ending at ``end``) joined to a next item with an amount of its own is not ("…에
        40억 원을 투입하는 …사업과 …에 248억 원을 들여 …하는 …사업을")."""
        after = self.text[pick.end:pick.end + 8].lstrip(_BETWEEN_NAME_AND_AMOUNT)
        if after.startswith(tuple(self.w.project["several_after"])):
            return True
        if self.w.project["list_after"] and self.w.forms.list_after.match(self.text, pick.end):
            return True  # "주택건설, 보상비 집행, 대지조성 등의 사업을": the first of a list
        # "희망도서관과 용강도서관 건립비 44억원": joined to another name after it
        # ("'박장대소 복합거점 센터'와 야외 공연장이": past a quoted name's closing mark)
        stop = pick.end
        if pick.quoted and stop < len(self.text) and self.text[stop] in _CLOSING:
            stop += 1
        m = _JOINED_NEXT.match(self.text, stop)
        if m is None or m.group(1) not in self.w.project["joined_particles"]:
            m = _AND_NEXT.match(self.text, stop)
            if m is None or m.group(1) not in self.w.project["joined_words"]:
                return False
        own = int(self.w.project["own_amount_chars"])
        if own and 0 <= end <= pick.start and self.w.money_words.search(
                self.text, m.start(2), min(len(self.text), m.start(2) + own)) is not None:
            return False
        nxt = self._words(m.start(2), m.end(2))
        if not nxt:
            return False
        if self.w.project["joined_any"]:
            # "제조공장 및 사무실을 건립하고", "…센터와 대천천 수변체육 공간조성 등의 사업": the
            # works are several, whatever the other is called ("…와 함께" joins none)
            return not nxt[0].text.startswith(tuple(self.w.project["not_joined"]))
        return nxt[0].core.endswith(self.heads)

    def _joined_before(self, pick: Found) -> bool:
        """"학마루공원과 명일1동 샛마을공원 …", "군도 및 농어촌도로", "용담, 남강, 영천댐 …": the
        name is the last of several joined or listed before it (place words may come between)."""
        cfg = self.w.project
        if cfg["joined_any"] and self.w.forms.listed_before.search(self.text, max(0, pick.start - 40),
                                                       pick.start):
            return True  # "습지원과 물놀이 공간, 산책로를 조성한다": the last of a list
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
            if (cfg["joined_any"] and word is ws[-1] and word[-1:] in cfg["joined_particles"]
                    and len(core) >= 2 and self.w.forms.hangul_word.fullmatch(core)
                    and not core.endswith(self.agency_heads)
                    and not self.w.linked.match(self.text, pick.end)  # "화곡리와 물류단지를 잇는"
                    and core not in self.generic
                    and not self.text[pick.end:pick.end + 8].lstrip(_BETWEEN_NAME_AND_AMOUNT)
                    .startswith(tuple(cfg["not_joined"]))):  # "…과 산업단지 공동개발 협약을"
                return True  # "제조공정과 스마트팜 시설을 구축": two works, whatever the first is
            if word.endswith(self.heads) and ws[-1] in cfg["joined_words"]:
                return True  # "군도 및 농어촌도로"
            if (cfg["joined_any"] and len(ws) >= 2 and word is ws[-2]
                    and ws[-1] in cfg["joined_words"] and len(word) >= 2
                    and self.w.forms.hangul_word.fullmatch(word) and not word.endswith(self.agency_heads)
                    and word not in self.generic and word not in self.stop):
                return True  # "식당 및 조리실 증축공사": two works, whatever the first is
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

    def _counted_next(self, s_end: int) -> bool:
        """"…889억원을 투입해 … 구축에 나선다. … 공모에 11개 사업이 선정돼 …": the next sentence
        of the paragraph counts the projects the amount goes to."""
        if s_end >= len(self.text) or PARAGRAPH.match(self.text, s_end):
            return False
        nxt = self.sentences.span(min(len(self.text) - 1, s_end + 1))
        m = self.w.bundle.search(self.text, nxt[0], nxt[1])
        return m is not None and self.w.project["count_word"] in m.group()

    def _counted_there(self, earlier: Found) -> bool:
        """"…시군구별 1곳씩 총 20개 지방하천에 대해 … 단계별 조성사업에 들어간다. 사업비는 …": the
        sentence that named the project the amount refers back to counts what it is for."""
        if not self.w.project["counted_there"]:
            return False
        lo = self.sentences.span(earlier.start)[0]
        return self.w.bundle_target.search(self.text, lo, earlier.start) is not None

    def _own_item(self, before: list[Found], at: int, end: int) -> Found | None:
        """The name whose own amount in brackets the amount at [at, end) is ("…활성화
        사업(80억 원)"), when [project] own_item is on; else None."""
        if not self.w.project.get("own_item") or before == []:
            return None
        f = before[-1]
        if self.text[at - 1:at] != "(":
            return self._bulleted_own(f, at)
        o = self.w.forms.own_amount.match(self.text, f.end)
        return f if o is not None and o.start() < at and end < o.end() else None

    def _bulleted_own(self, f: Found, at: int) -> Found | None:
        """"△…복원정비 사업 14억원 등 자체사업 26건": the name right before the amount (spaces
        between) of an item opened by a list mark on its line, with another such mark on the line
        and no other amount in the item — the item's own, whatever count closes the list after it
        ([project] bullet_own_item)."""
        if not self.w.project.get("bullet_own_item") or self.text[f.end:at].strip():
            return None
        bullets = self.w.project["list_bullets"]
        line = self.text.rfind("\n", 0, f.start) + 1
        k = max(self.text.rfind(b, line, f.start) for b in bullets)
        if k < 0 or self.text[k + 1:f.start].strip():
            return None
        if max(self.text.rfind(b, line, k) for b in bullets) < 0:
            return None
        return f if self.w.money_words.search(self.text, k, f.start) is None else None

    def _list_closed(self, count_at: int) -> bool:
        """Whether the count at ``count_at`` closes a list ("동진·청량2·신리지구 등 3개 지구",
        "…지구 등 신규 3개 지구"): one of [project] list_closers, then at most one word, before
        it — several places named, each its own site, not one programme's area."""
        closers = self.w.project.get("list_closers") or ()
        before = self.text[max(0, count_at - 12):count_at].split()
        return any(w in closers for w in before[-2:])

    def _bundled(self, project: Found | None, at: int, end: int, s_start: int,
                 parts_after: bool = False, topic_parts: bool = False,
                 item: bool = False) -> bool:
        """"전국 12곳에 모두 240억 원", "'서울형 키즈카페' 400곳을", "마을 10곳을 대상으로 …":
        several projects (``parts_after``: a count after the amount counts the project's
        parts; ``topic_parts``: so does a count right after it, but not a list closed by its
        count)."""
        own, area = s_start, 0
        if self.w.project.get("count_own_clause"):
            # ("군은 5개 사업 중 4개사업을 완료했으며, 1억원을 투입해 …": a count in a clause
            # before the amount's, past a comma, counts another thing)
            k = self.text.rfind(",", s_start, at)
            own = s_start if k < 0 else k + 1
        if (project is not None and project.topic and project.end <= at
                and self.w.project.get("topic_area_counts") and self._is_programme(project)):
            # "…종합정비사업은 천천면 연평리 3개 마을을 중심으로 추진되는 사업으로 … 37억원": a
            # count of places after a programme named as the topic is where it runs
            m = self.w.bundle.search(self.text, max(s_start, project.end), at)
            if (m is not None and self.w.project["count_word"] not in m.group()
                    and not self._list_closed(m.start())):
                area = m.end()
                own = max(own, area)
        lo = max(own, at - 16 if project is None else min(project.start, at) - 16)
        if self.w.bundle.search(self.text, lo, at):
            return True
        if self.w.bundle_target.search(self.text, own, at):
            return True
        if self.w.project["count_before"] and self.w.bundle.search(self.text, own, at):
            return True
        if project is not None:
            a, b = min(project.start, at), max(project.end, end)
            if parts_after and project.start >= end:
                a = project.start  # (the parts counted before it, after the amount: its own)
            a = max(a, area)
            if self.w.bundle.search(self.text, a, b if parts_after or topic_parts or item
                                    else min(len(self.text), b + 12)):
                return True
        # (an item's own amount in brackets: a count after it counts the list it closes, "…
        # 청중권역개발사업(40억원) 등 2건")
        reach = 0 if parts_after or item else int(self.w.project["bundle_after_chars"])
        if reach:
            # "…1천406억원을 투자해 도내 10개 시·군에 …", "…을 들여 7개 시군 초·중·고 7개 학교에":
            # a count right after the amount, in its clause
            stop = min(len(self.text), end + reach)
            cut = self.w.clause_cut.search(self.text, end, stop)
            if not topic_parts and self.w.bundle.search(self.text, end,
                                                        cut.start() if cut else stop):
                return True
            if cut is not None and self.text[cut.start()] == "," and self.w.project["list_count"]:
                # "…97억여원을 들여 공공도서관, 공동 육아나눔터 2개 시설로 짓는다": a list closed by
                # its count, in the next stretch between commas
                lo = cut.end()
                nxt = self.w.clause_cut.search(self.text, lo, min(len(self.text), lo + reach))
                m = self.w.bundle.search(self.text, lo, nxt.start() if nxt else
                                         min(len(self.text), lo + reach))
                if m is not None and self.text.startswith(self.w.forms.means_particles, m.end()):
                    return True
        return False
