"""rules/data/records.toml, merged with a configuration's ``records`` section, compiled once."""

from __future__ import annotations

import json
import re
import tomllib
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

import regex

from fundparse.rules.forms import alternation as _alternation  # longest first: 특별자치도, 도
from fundparse.rules.tables import merge_tables


@dataclass(frozen=True)
class RecordWords:
    data: dict
    agency: re.Pattern             # a named body and its subject particle
    # what every match of ``agency`` holds: the last letter of its name's head (or latin
    # name) and its particle (agency_cue), the whole head or latin name ending there
    # (agency_ends), or a company's mark (agency_marks) — a paragraph holding none holds no
    # match
    agency_cue: re.Pattern
    agency_ends: tuple[str, ...]
    agency_marks: tuple[str, ...]
    bare: re.Pattern               # "시는", "군은": the body named before
    # ``bare`` without its look-behind: it matches wherever ``bare`` does (and begins with a
    # word, so the engine finds where it may start by that word's first letter); None when a
    # word of [agency] bare is empty
    bare_cue: re.Pattern | None
    headline: re.Pattern           # "구미시, 이차전지 …" at the start of a line
    official: regex.Pattern        # "원창묵 원주시장은", "부안군 부군수가": a body's head speaking
    # what follows every match of ``official`` (its lookahead: a title, a particle, a space):
    # a paragraph holding none holds no match; None when that cannot be shown from the words
    official_cue: regex.Pattern | None
    title_body: regex.Pattern      # "…구청장·": a body glued to its head's title (round 27)
    lead: re.Pattern               # "부산 기장군 ‘교육행복타운’ …": a body starting a line
    mention: re.Pattern            # "천안시 업성저수지 …": a body named without a particle
    from_body: re.Pattern          # "새봄군에서 …": a body as the source of the work, no subject
    item_head: re.Pattern          # "▲동구- …": a body heading an item of a list
    issuer: re.Pattern             # "인천광역시 보도자료"
    owner: re.Pattern              # "단양군의 …": a body a project belongs to
    joint: re.Pattern              # "진주시와 " right before another body
    owner_clause: re.Pattern       # "대전 서구가 추진해온 ‘": a body carrying out what follows
    owner_verb: re.Pattern         # "추진해온": where such a clause may be (found first)
    funded_verb: regex.Pattern     # after a total (and its parts in brackets)
    source_verb: regex.Pattern     # after a source named alone: "국비 16억 원을 확보"
    list_link: regex.Pattern       # after an item of a list of amounts: ", ", ") 등 "
    means: regex.Pattern           # after an amount spent on something: "…원으로 … 추진"
    of_label: regex.Pattern        # after an amount, what it is the cost of: "…원의 사업비로"
    of_project: regex.Pattern      # "…342억 원의 농산어촌 종합정비사업을 추진": a project it is of
    of_project_cost: regex.Pattern  # "…원의 농업생산기반 정비사업 예산을 확보" (round 27)
    sentence_end: regex.Pattern    # between two items of one list there is none
    list_sum: regex.Pattern        # before the sum of a list: "…80억원 등 "
    bundle: regex.Pattern          # "12곳", "등 50건"
    ordinal: regex.Pattern         # "2단계", "4차로": figures kept inside a name
    address: regex.Pattern         # "315-7번지", "1081의": a lot number inside a place
    refer_back: regex.Pattern      # "이 센터", "이번 사업은", "사업은 …": the project before
    area: regex.Pattern            # "3만㎡" between a place and its 부지
    refer_topic: regex.Pattern     # "이번 사업은", "이 센터는": the sentence is about the one before
    bundle_target: regex.Pattern   # "마을 10곳을 대상으로"
    contest: regex.Pattern         # after a name: "에 최종 선정", "에 공모"
    relative: regex.Pattern        # after an amount: "…을 투입하는 미디어 파사드는"
    relative_quoted: regex.Pattern  # … and a quoted name after it: "…을 투입한 '건강체육관' 조성"
    purpose: regex.Pattern         # after a name: "을 위해"
    equipped: regex.Pattern        # "…주차장 22면을 갖췄다": parts, after the amount
    refer_contest: regex.Pattern | None  # "이번 공모 선정으로": the competition named before
    item_amount: regex.Pattern     # "…에 10억 원, ": the amount of an item of a list
    case_topic: regex.Pattern      # "…초의 경우 ", "…고도 ": a name opening a sentence as its case
    aside_topic: regex.Pattern     # "성서도서관(달서구 … 내)은": a topic with a bracketed aside
    relative_refer: regex.Pattern  # after an amount: "이 투입된 이번 사업"
    unnamed_purpose: regex.Pattern  # "시설 조성을 위해": a head alone the amount is for
    action: regex.Pattern          # after a name and 을/를: "조성한다", "짓는다"
    clause_cut: regex.Pattern      # where a clause ends: a comma, a full stop, a line break
    linked: regex.Pattern          # after a name: "를 잇는", "을 연결하는"
    describes: regex.Pattern       # a sentence describing the project before: "…하는 사업이다."
    cost: regex.Pattern            # between a name and its amount: " 건립비 ", " 구축비로 "
    region_hint: re.Pattern        # a stretch without it names no place (a quick test)
    project_hint: re.Pattern       # … and without this no project
    topic_hint: re.Pattern         # … and without this no project as a topic ("…센터는")
    refer_purpose: regex.Pattern   # "이를 위해": the amount is for what the sentence before was about
    sentence_lead: re.Pattern      # "건설청 주요 사업은": a body opening a sentence, no particle
    describing: regex.Pattern      # "을 설치하는 ": an action describing the name after it
    bracket_cost: regex.Pattern    # "(사업비 " right before an amount
    site_here: regex.Pattern       # "대상지는 …리 지구로,": the site a clause names
    route: regex.Pattern           # "…~… 간": a stretch between two named ends
    spent_on: regex.Pattern        # "…을 복원하는 데 ": the object of a clause an amount is spent on
    topic_particle: re.Pattern     # 은/는 ending a word: where topic_hint may end
    closing_quote: re.Pattern      # a closing quotation mark: topic_hint's other half
    scale: regex.Pattern           # "(에) 연면적 …㎡", "지상 3층": how big what is built is
    money_words: regex.Pattern     # "425억 원": an amount of money
    scale_hint: regex.Pattern      # "연면적 …", "…㎡": a size given (scale's quick test)
    numbered_place: regex.Pattern  # "2-4생활권": a numbered part of a town, a place word
    road: regex.Pattern            # "분성로 727 번길 8-35에": a road-name address with 에
    place_aside_topic: regex.Pattern  # "고천암3지구(해남군 해남읍)는": a topic and its place
    later_topic: regex.Pattern     # "(…스마트팜) 조성은 ": a name's topic particle, an action between

    @cached_property
    def forms(self) -> _Forms:
        """The patterns of [patterns], compiled (``forms.amount_of`` …)."""
        return _Forms(self.data["patterns"])

    @cached_property
    def bodies_in_paragraphs(self) -> bool:
        """No match of ``mention`` or ``owner`` holds a blank line's last line break, so a
        search of a stretch cut at blank lines finds, piece by piece, the matches of the whole
        stretch (:func:`_bodies_in_paragraphs`)."""
        return _bodies_in_paragraphs(self.data)

    def body_end(self, last: str) -> re.Pattern | None:
        """What every match of ``mention`` or ``owner`` whose name ends in the character
        ``last`` holds: ``last``, then what may follow a name there — ``mention``'s look-ahead
        (a space, a comma, a middle dot) or 의 (``owner``'s other form starts with a space).
        A stretch without it holds no such match.  None when 의 is not letters only."""
        of = self.data["grammar"]["of"]
        if not isinstance(of, str) or not of.isalpha() or len(last) != 1:
            return None
        return _body_end(last, of)

    @cached_property
    def owner_end(self) -> re.Pattern:
        """What every match of ``owner`` ends in (its last part: 의 and a space, or a space
        before a quotation mark), within the stretch searched: a stretch without it holds no
        match."""
        return re.compile(_owner_tail(self.data["agency"], _grammar(self.data)))

    @cached_property
    def title_body_cues(self) -> tuple[str, ...]:
        """What every match of ``title_body`` holds, within the stretch searched: a body's last
        character and its title ("구청장"; the look-ahead reads no further than the stretch), so a
        stretch holding none of them holds no match."""
        return tuple(head + title for title, head in self.data["agency"].get("title_bodies") or ())

    @cached_property
    def _companies(self) -> _Companies:
        return _Companies(self.data["agency"], _grammar(self.data))

    def company_names(self, text: str) -> list[tuple[str, int]]:
        return self._companies.names(text)

    def company_subject(self, name: str) -> re.Pattern:
        return self._companies.subject(name)

    # (looked up hundreds of thousands of times a document: kept in the instance's dict)
    @cached_property
    def project(self) -> dict:
        return self.data["project"]

    @cached_property
    def region(self) -> dict:
        return self.data["region"]

    @cached_property
    def sets(self) -> Lexicon:
        return Lexicon(self.data)


_KEEP = 100_000  # words whose head test is remembered


class Lexicon:
    """The word lists as the finder looks them up (built once per configuration)."""

    def __init__(self, data: dict):
        project, region = data["project"], data["region"]
        self.heads = tuple(project["heads"]) + tuple(project["actions"])
        self.head_pattern = re.compile(_alternation(self.heads))
        self.generic = frozenset(project["generic"])
        self.actions = frozenset(project["actions"])
        self.bare_words = sorted(self.generic | self.actions, key=len, reverse=True)
        self.stop = frozenset(project["stop_words"])
        self.around = frozenset(region["around"])
        self.place_ends = tuple(region["ends"])
        self.inside = frozenset(region["inside"])
        self.not_place = frozenset(region["not_place"])
        self.facility_ends = tuple(sorted(region.get("facility_ends", ()), key=len, reverse=True))
        self.not_facility = frozenset(region.get("not_facility", ()))
        self.short_school_ends = frozenset(region.get("short_school_ends", ()))
        self._facility: dict[str, bool] = {}
        self._hangul = re.compile(f"[{data['grammar']['hangul']}]+")  # a stem of letters only
        self.not_agency = frozenset(data["agency"]["not_agency"])
        self.bare = frozenset(data["agency"]["bare"])
        # "군하지구"; and works: one of works_words before one of works_heads ("건립공사가")
        self.not_agency_ends = tuple(data["agency"]["not_agency_ends"]) + tuple(
            w + h for h in data["agency"]["works_heads"] for w in data["agency"]["works_words"])
        self.clause_verbs = tuple(data["agency"]["clause_verbs"])  # "…부가 추진하는"
        self._heads: dict[str, bool] = {}   # word -> is_head, kept across documents
        self._ends: dict[str, bool] = {}    # word -> ends_in_head, likewise
        self.inert: dict = {}  # a word no place rule reads (region.RegionFinder._inert)
        self._longest: dict[tuple[str, bool], str] = {}  # (word, actions) -> longest_head

    def longest_head(self, word: str, actions: bool = True) -> str:
        """The longest of the heads (and, with ``actions``, the actions) that ``word`` ends in,
        "" when none: ``max((h for h in heads if word.endswith(h)), key=len, default="")``,
        remembered (a loop over ~200 words, asked several times a funded total)."""
        key = (word, actions)
        known = self._longest.get(key)
        if known is None:
            if len(self._longest) > _KEEP:
                self._longest.clear()
            known = self._longest[key] = max(
                (h for h in self.heads if word.endswith(h) and (actions or h not in self.actions)),
                key=len, default="")
        return known

    def project_name(self, word: str) -> bool:
        """A word that ends a project's name: a project head or an action, more than a head
        alone ("…조성사업", "상동초교"; not "사업", "지원")."""
        return word.endswith(self.heads) and word not in self.generic

    def ends_in_head(self, word: str) -> bool:
        """``word.endswith(self.heads)``, remembered (the heads are many)."""
        known = self._ends.get(word)
        if known is None:
            if len(self._ends) > _KEEP:
                self._ends.clear()
            known = self._ends[word] = word.endswith(self.heads)
        return known

    def facility(self, word: str) -> bool:
        """A school, port, pier or airport by name, a place: two Hangul characters or more
        before one of facility_ends ("증평초", "대불부두", "김포공항"), not one of not_facility."""
        known = self._facility.get(word)
        if known is None:
            known = False
            if word not in self.not_facility and word not in self.not_place:
                for end in self.facility_ends:
                    if word.endswith(end):
                        stem = word[:-len(end)]
                        known = len(stem) >= 2 and self._hangul.fullmatch(stem) is not None
                        if known and end in self.short_school_ends and (
                                self.ends_in_head(stem) or stem in self.generic):
                            known = False  # "…사업중에서", "공사중": a state, no school
                        break
            if len(self._facility) > _KEEP:
                self._facility.clear()
            self._facility[word] = known
        return known

    def is_head(self, core: str) -> bool:
        """A word a particle may come off: a project head, a place word, 일원/내 …."""
        known = self._heads.get(core)
        if known is None:
            if len(self._heads) > _KEEP:
                self._heads.clear()
            known = self._heads[core] = (
                self.ends_in_head(core) or core in self.around or core in self.inside
                or (core.endswith(self.place_ends) and core not in self.not_place)
                or self.facility(core))
        return known


class _Grammar:
    """[grammar] of records.toml as the pattern builders write it: ``H`` the Hangul range (for
    a character class), each list an alternation in the order written, each string as is."""

    def __init__(self, table: dict):
        def either(words: list[str]) -> str:
            return "|".join(regex.escape(w) for w in words)

        self.H = table["hangul"]
        for key, value in table.items():
            if key != "hangul" and not key.startswith("examples"):
                setattr(self, key, either(value) if isinstance(value, list) else value)
        # "이|가|을|를": the case particles before the object's
        self.case_object = either(table["case"] + table["object"])
        # "(?<!에)(?<!에서)": not right after a word of where
        self.not_after_at = "".join(f"(?<!{regex.escape(w)})" for w in table["at_from"])


def _grammar(data: dict) -> _Grammar:
    return _Grammar(data["grammar"])


def _joined_numbers(data: dict) -> str:
    """"6·8공구", "1‧2단지": numbered parts joined by one of [project] ordinal_joins (a pattern
    that matches nothing when the list is empty)."""
    joins = data["project"].get("ordinal_joins", ())
    if not joins:
        return "(?!)"
    return rf"(?:[{regex.escape(''.join(joins))}]\d+)+"


def _official_pattern(agency: dict, g: _Grammar) -> regex.Pattern:
    """"원창묵 원주시장은" (a person's name, then the body glued to its head's title:
    official_titles), "부안군 부군수가" (the body, then a title: official_apart, tried first: not
    "부군" glued to 수); ``name`` the body ("원주시", "부안군"); never matches when both lists
    are empty."""
    particles = _literals(agency["official_particles"])
    forms = []
    if agency["official_apart"]:
        forms.append(rf"(?<![{g.H}A-Za-z0-9])(?P<name>[{g.H}]{{1,8}}"
                     rf"(?:{_literals(agency['bare'])}))\s"
                     rf"(?=(?:{_literals(agency['official_apart'])})(?:{particles})\s)")
    for title, head in agency["official_titles"]:
        forms.append(rf"(?<![{g.H}A-Za-z0-9])[{g.H}]{{2,4}}\s(?P<name>[{g.H}]{{1,8}}"
                     rf"{re.escape(head)})(?={re.escape(title)}(?:{particles})\s)")
    return regex.compile("|".join(forms) or r"(?!)")  # (regex: one group name in each form)


def _title_body(agency: dict, g: _Grammar) -> regex.Pattern:
    """"김하나 새봄구청장·…", "새봄구청장 등": a body glued to its head's title ([agency]
    title_bodies: [title, the body's last character]), then a space, a comma or a middle dot —
    the body a bare subject may stand for; never matches when the list is empty."""
    if not agency.get("title_bodies"):
        return regex.compile(r"(?!)")
    forms = [rf"(?<![{g.H}A-Za-z0-9])(?P<name>[{g.H}]{{1,8}}{re.escape(head)})"
             rf"(?={re.escape(title)}[\s,·])" for title, head in agency["title_bodies"]]
    return regex.compile("|".join(forms))  # (regex: one group name in each form)


def _official_cue(agency: dict) -> regex.Pattern | None:
    """What every match of :func:`_official_pattern` is followed by, its lookahead's text: a
    title (one of official_apart, or an official_titles' title), one of official_particles,
    then a space.  When every word of those lists and of bare is letters only, a match is
    letters and one space, and starts with a letter, so none holds a blank line's last two
    characters (``PARAGRAPH``: a line break and a space or another break before it); nor
    does its lookahead, which starts with a letter.  A paragraph (up to and with the blank
    line after it) holding no match of this cue then holds no match of the pattern, and a
    search of a paragraph alone finds the whole text's matches there.  None otherwise (the
    whole text is searched)."""
    words = (agency["bare"] + agency["official_apart"] + agency["official_particles"]
             + [word for pair in agency["official_titles"] for word in pair])
    if not all(word and word.isalpha() for word in words):
        return None
    titles = agency["official_apart"] + [title for title, _ in agency["official_titles"]]
    if not titles:
        return regex.compile(r"(?!)")  # (the pattern never matches either)
    particles = _literals(agency["official_particles"])
    return regex.compile(rf"(?:{_literals(titles)})(?:{particles})\s")


def _owner_tail(agency: dict, g: _Grammar) -> str:
    """How a match of ``owner`` ends: 의 and a space, or (owner_quoted) a space before a
    quotation mark ("남해군 '꿈나눔센터' 건립 공사가")."""
    return rf"{g.of}\s" + (r"|\s(?=['‘\"“「『])" if agency["owner_quoted"] else "")


# what may follow a body named without a particle (``mention``'s look-ahead)
_MENTION_AFTER = r"[\s,·]"


@lru_cache(maxsize=64)
def _body_end(last: str, of: str) -> re.Pattern:
    return re.compile(rf"{re.escape(last)}(?:{_MENTION_AFTER}|{of})")


def _bodies_in_paragraphs(data: dict) -> bool:
    """Whether no match of the ``mention`` and ``owner`` patterns (a body's ``name``, then a
    look-ahead; or 의, or a space before a quotation mark) can hold the last line break of a
    blank line (``PARAGRAPH``: a line break with a line break, a space, a tab or an
    ideographic space right before it), shown from the words the patterns are built of.

    Whitespace enters a match only through ``\\s`` after a higher body's word or its
    abbreviation in brackets, through ``\\s`` after 의 (``grammar.of``) or after the name,
    and through the words themselves.  Every whitespace character of a match then has a
    character that is no whitespace right before it in the match, or is a space opening the
    match, when: no word is empty; none holds whitespace other than the space (U+0020), two
    spaces in a row, or a space at its end; only a company's mark opens with a space (a mark
    stands first in the name, or after letters); 의 is letters only, and the Hangul range
    letters and dashes.  A blank line's last line break has whitespace right before it, so
    it lies in no match.  Then a search begun right after a blank line finds what a search
    begun further back finds from there on, and a search that stops right after one finds
    the matches before it (no look-ahead of either pattern reads more than one character
    past its match, and neither has a negative one).  False otherwise
    (each stretch is searched whole)."""
    agency, grammar = data["agency"], data["grammar"]
    of, hangul = grammar["of"], grammar["hangul"]
    if (not isinstance(of, str) or not of.isalpha()
            or not all(c.isalpha() or c == "-" for c in hangul)):
        return False
    marks = list(agency["company_marks"])
    words = [*agency["upper_heads"], *agency["upper"], *agency["heads"],
             *agency["short_heads"], *agency["latin"], *agency["short_names"],
             *agency["latin_heads"]]
    for word in words + marks:
        if (not word or word.endswith(" ") or "  " in word
                or any(c.isspace() and c != " " for c in word)):
            return False
    return not any(word.startswith(" ") for word in words)


def _route_pattern(region: dict, g: _Grammar) -> regex.Pattern:
    """"소양강처녀상~물고기 조형물 간(에)", "포항~영덕~울진 동해중부선" (route_lead: the stretch
    before a name), "성동 건널목부터 계림 성당 구간에", "…에서 …까지" (route_from, route_to):
    a stretch between named ends, ``a``/``a1``/``a2`` its first and ``b``/``b1``/``b2`` its last
    (the forms in that order: one with 간 first)."""
    marks = _alternation(region["route_marks"])
    words = max(0, int(region["route_words"]) - 1)
    particles = region.get("route_particles", [])
    tail = (rf"(?:(?![{g.H}])|(?=(?:{_alternation(particles)})(?![{g.H}])))" if particles
            else rf"(?![{g.H}])")
    middle = rf"(?:\s?(?:{marks})\s?[{g.H}A-Za-z·]*[{g.H}])*\s?(?:{marks})\s?"
    last = rf"[{g.H}A-Za-z·]+(?:\s[{g.H}A-Za-z·]+){{0,{words}}}?"
    forms = [rf"(?<![{g.H}A-Za-z0-9·])(?P<a>[{g.H}A-Za-z·]*[{g.H}]){middle}(?P<b>{last})"
             rf"\s?(?:{_alternation(region['route_after'])}){tail}"]
    if region.get("route_lead"):
        # (both ends two characters or more, a name's word right after: no "월~금요일")
        forms.append(rf"(?<![{g.H}A-Za-z0-9·])(?P<a1>[{g.H}A-Za-z·]+[{g.H}]){middle}"
                     rf"(?P<b1>[{g.H}A-Za-z·]+[{g.H}])(?=\s[{g.H}A-Za-z])")
    if region.get("route_from") and region.get("route_to"):
        # (no figures and no time in an end: not "올해부터 내년까지", "2020년부터 …")
        not_time = _alternation(region["route_not_ends"])
        word = rf"[{g.H}A-Za-z·]+"
        ends = rf"{word}(?:\s{word}){{0,{words}}}?(?<!{not_time})"
        forms.append(  # (the first end one word: no "…공사는 …에서")
            rf"(?<![{g.H}A-Za-z0-9·])(?P<a2>{word}(?<!{not_time}))"
            rf"(?:{_alternation(region['route_from'])})\s"
            rf"(?P<b2>{ends})\s?(?:{_alternation(region['route_to'])}){tail}")
    return regex.compile("|".join(f"(?:{f})" for f in forms))


def _package() -> dict:
    with (Path(__file__).parent.parent / "rules" / "data" / "records.toml").open(
            "rb") as handle:
        return tomllib.load(handle)


@lru_cache(maxsize=8)
def package_table(name: str) -> dict:
    """One table of the package's records.toml as written (no configuration): the words a
    module-level mechanism reads once (``[tokens]``: the tokenizer's particles and endings)."""
    return _package()[name]


@lru_cache(maxsize=16)
def record_words(extensions: str = "{}") -> RecordWords:
    """The records words of a configuration (``Config.data``), compiled."""
    data = merge_tables(_package(), json.loads(extensions).get("records", {}))
    agency, g = data["agency"], _grammar(data)
    # (the word lists of the body patterns, searched over whole texts, as trees: _literals)
    heads = _literals(agency["heads"])
    upper = (rf"(?:[{g.H}]{{1,10}}(?:{_literals(agency['upper_heads'])})"
             rf"|{_literals(agency['upper'])}|[A-Z][A-Za-z-]{{1,12}})")
    marks = _literals(agency["company_marks"])
    # "LH는", "캠코는", "SH공사가": bodies known by a short name (a Latin one may carry a head)
    known = (agency["latin"] + agency["short_names"]
             + [a + h for a in agency["latin"] for h in agency["latin_heads"]])
    # "한국토지주택공사(LH)": the name's own abbreviation; "㈜한빛건설", "새길산업㈜": a company
    own = rf"(?:\([A-Z][A-Za-z&-]{{0,{int(agency['abbreviation_chars']) - 1}}}\))?"
    # "한국농어촌공사 해남·완도지사": a branch serving two places joined by a middle dot
    branch = (rf"[{g.H}]{{2,6}}·[{g.H}]{{1,8}}?(?:{_literals(agency['short_heads'])})"
              rf"|")
    name = (rf"(?:(?:{upper}{own}\s){{0,2}}(?:{branch}[{g.H}]{{1,14}}?(?:{heads})){own}"
            rf"|(?:{marks})[{g.H}A-Za-z]{{2,14}}|[{g.H}A-Za-z]{{2,14}}?(?:{marks})"
            rf"|{_literals(known)})")
    particles = (rf"(?:\([^()\n\d]{{1,{int(agency['aside_chars'])}}}\))?"
                 rf"(?:{_literals(agency['particles'] + agency['sources'])})")
    after = _literals(data["issuer"]["after"])
    bare = rf"(?P<name>{_alternation(agency['bare'])})(?:{particles})(?=[\s,])"
    # what the name of an ``agency`` match ends in, when it holds no company's mark
    ends = [w for w in agency["heads"] + agency["short_heads"] + known if w]
    # "12곳", "등 50건", and "5개 공원", "31개 노후공원": a count of things a project is
    counters = (_alternation(data["project"]["bundle_counters"])
                + rf"|{g.count_word}(?:{g.of})?\s?(?:[{g.H}·ㆍ]{{1,6}}\s)?[{g.H}·ㆍ]{{0,6}}"
                  rf"(?:{_alternation(data['project']['heads'])})")
    return RecordWords(
        data=data,
        # the standard library's re: these run over whole documents, and it is faster there
        agency=re.compile(rf"(?<![{g.H}A-Za-z0-9])(?P<name>{name})(?:{particles}"
                          rf"|(?<=[{''.join(agency['also_heads'])}])"
                          rf"(?:{_literals(agency['also_particles'])}))(?=[\s,])"),
        agency_cue=re.compile(
            rf"[{re.escape(''.join(sorted(set(w[-1] for w in ends))))}]{own}(?:{particles}"
            rf"|(?<=[{''.join(agency['also_heads'])}])"
            rf"(?:{_literals(agency['also_particles'])}))(?=[\s,])"),
        agency_ends=tuple(ends),
        agency_marks=tuple(agency["company_marks"]),
        # ("남해군 '꿈나눔센터' 건립 공사가": a body right before a quoted name owns it too)
        owner=re.compile(rf"(?<![{g.H}A-Za-z0-9])(?P<name>{name})(?:{_owner_tail(agency, g)})"),
        owner_verb=re.compile(_alternation(agency["owner_verbs"])),
        owner_clause=re.compile(
            rf"(?<![{g.H}A-Za-z0-9])(?P<name>{name})(?:\([^()\n\d]{{1,30}}\))?(?:{g.doer})\s"
            rf"(?:{_alternation(agency['owner_verbs'])})\s['‘\"“「]?"),
        joint=re.compile(rf"(?<![{g.H}A-Za-z0-9])(?P<name>{name})"
                         rf"(?:{_alternation(agency['joined'])})\s+$"),
        headline=re.compile(rf"^[ \t\[\(【]*(?P<name>{name}),\s", re.M),
        official=_official_pattern(agency, g),
        official_cue=_official_cue(agency),
        title_body=_title_body(agency, g),
        mention=re.compile(rf"(?<![{g.H}A-Za-z0-9])(?P<name>{name})(?={_MENTION_AFTER})"),
        lead=re.compile(rf"^[ \t\[\(【]*(?P<name>{name})(?=[\s,‘'\"“「])", re.M),
        item_head=re.compile(
            rf"(?:{_literals(data['project']['list_bullets'])})[ \t]*(?P<name>{name})[ \t]*"
            rf"(?:{_literals(agency['item_heads'])})" if agency["item_heads"] else r"(?!)"),
        from_body=re.compile(
            rf"(?<![{g.H}A-Za-z0-9])(?P<name>{name})(?:\([^()\n\d]{{1,{int(agency['aside_chars'])}}}\))?"
            rf"(?:{_literals(agency['from_particles'])})(?=\s)"),
        sentence_lead=re.compile(
            rf"[□■○●◦•▲△▷▶※\-\s]*(?P<name>{name})\s(?:[{g.H}A-Za-z·]+"
            rf"(?<![{''.join(agency['lead_not_after'])}])\s){{0,"
            rf"{max(0, int(agency['lead_words']) - 1)}}}[{g.H}A-Za-z·]+?{g.not_after_at}"
            rf"(?:{g.subject})\s"),
        bare=re.compile(rf"(?<![{g.H}A-Za-z0-9]){bare}"),
        bare_cue=re.compile(bare) if all(agency["bare"]) else None,
        issuer=re.compile(rf"^[\s\[\(<【]*(?P<name>{name})[\s\]\)>】]*(?:{after})", re.M),
        funded_verb=_after_total(g, data["funded"]["verbs"], data["funded"]["means_nouns"]),
        source_verb=_after_total(g, data["funded"]["source_verbs"]),
        of_label=regex.compile(
            rf"\s?{g.of}\s?(?:{_alternation(data['funded']['of_labels'])})"
            rf"(?:{_alternation(data['funded']['of_particles'])})(?=\s)"),
        of_project=(regex.compile(
            rf"\s?{g.of}\s(?:[{g.H}A-Za-z0-9·]+\s){{0,3}}[{g.H}A-Za-z0-9·]*"
            rf"(?:{_alternation(data['project']['heads'])})(?:{g.object})\s"
            rf"(?:[{g.H}]+\s)?(?:{_alternation(data['funded']['means_verbs'])})")
            if data["funded"]["of_project"] else regex.compile(r"(?!)")),
        of_project_cost=(regex.compile(
            rf"\s?{g.of}\s(?:[{g.H}A-Za-z0-9·]+\s){{0,3}}[{g.H}A-Za-z0-9·]*"
            rf"(?:{_alternation(data['project']['heads'])})\s"
            rf"(?:{_alternation(data['funded']['means_nouns'])})(?:{g.object})\s"
            rf"(?:[{g.H}]+\s)?(?:{_alternation(data['funded']['verbs'])})")
            if data["funded"].get("of_project_cost") else regex.compile(r"(?!)")),
        list_link=regex.compile(
            rf"\)?[ \t]*(?:\([^()\n]{{0,80}}\))?[ \t]*(?:{_alternation(data['funded']['list_links'])})"),
        list_sum=regex.compile(
            rf"(?:{g.money_units})\)?\s*(?:{_spaced(data['project']['sum_words'])})\s*$"),
        sentence_end=regex.compile(data["patterns"]["sentence_end"]),
        means=regex.compile(
            rf"\s?(?:(?:{g.of}\s?|\s)(?:{_alternation(data['funded']['means_nouns'])}))?\s?(?:{g.by})\s"
            rf"(?:[^.!?\n]|\n(?![ \t]*\n)){{0,{int(data['funded']['means_chars'])}}}?"
            rf"(?:{_alternation(data['funded']['means_verbs'])})"),
        bundle=regex.compile(rf"(?:(?<![\d,.])(?!1(?![\d,]))\d[\d,]*(?:[{g.count_units}]\d*){{0,2}}\s?"
                             rf"|(?<![{g.H}])(?:{_alternation(data['project']['count_numerals'])})\s)"
                             rf"(?:{counters})(?![{g.H}]*(?:{g.money_units}))"
                             rf"(?!(?<={g.ranked_counter})\s?(?:{_alternation(data['project']['ranked'])}))"
                             rf"(?=\s|{g.after_count}|,|\(|\)|$)"
                             # ("차량 70대를 주차할 수 있는": what the one facility holds)
                             rf"(?!(?:{g.object_case})?\s?(?:{_alternation(data['project']['capacity_verbs'])}))"),
        ordinal=regex.compile(rf"\d+(?:-\d+)?(?:{_alternation(data['project']['ordinal'])})"
                              rf"|(?:{_alternation(data['project']['ordinal_prefix'])})\d+[{g.H}]+"
                              rf"|[{g.H}]{{0,8}}\d+(?:{_joined_numbers(data)})"
                              rf"(?:{_alternation(data['project']['glued_ordinal'])})"
                              rf"|[{g.H}]{{1,8}}\d+(?:{_alternation(data['project']['glued_ordinal'])})"),
        address=regex.compile(data["region"]["address"]),
        area=regex.compile(data["region"]["area"]),
        refer_topic=regex.compile(
            rf"(?<![{g.H}])(?:(?:{_alternation(data['project']['refer_words'])})\s+"
            rf"(?:[{g.H}·]{{0,8}}\s)?[{g.H}·]{{0,8}}|{_refer_glued(data)})"
            rf"(?:{_alternation(data['project']['heads'])})"
            rf"(?:{_alternation(data['project']['refer_particles'])})(?=\s)"
            rf"|(?:^|\G)[\s□■○●◦•▲△▷▶※-]*(?:{_alternation(data['project']['generic'])}"
            rf"|{_alternation(data['project']['refer_starts'])})(?:{g.subject})\s",
            regex.M),
        bundle_target=regex.compile(
            rf"(?<![\d,.])\d[\d,]*\s?(?:{counters})"
            rf"(?:{_alternation(data['project']['bundle_targets'])})"),
        relative_quoted=regex.compile(
            rf"\)?\s*(?:{g.of}\s?(?:{_alternation(data['funded']['means_nouns'])})(?:{g.case_object})"
            rf"|{g.object_case})?\s*(?:{_alternation(data['project']['relative_verbs'])})\s+"
            r"['‘\"“「『]([^'’\"”」』\n]{2,40})['’\"”」』]")
        if data["project"]["relative_quoted"] else regex.compile(r"(?!)"),
        relative=regex.compile(
            rf"\)?\s*(?:(?:{g.of}\s?|\s)(?:{_alternation(data['funded']['means_nouns'])})(?:{g.case_object})"
            rf"|{g.object_case})?\s*(?:{_alternation(data['project']['relative_verbs'])})\s+"
            rf"((?:[{g.H}A-Za-z·]+\s+){{0,{int(data['project']['relative_words']) - 1}}}?"
            rf"[{g.H}A-Za-z·]+?)(?:{_alternation(data['project']['relative_particles'])}"
            rf"|(?P<of>{_alternation(data['project']['relative_of'])}))(?=\s)"),
        unnamed_purpose=regex.compile(
            rf"(?:^|(?<=[\s,]))(?P<head>{_alternation(data['project']['unnamed_heads'] + data['project']['unnamed_any'])})\s?"
            rf"(?:{_alternation(data['project']['actions'])})"
            rf"(?:{_alternation(data['project']['purpose_after'])})(?![{g.H}])", regex.M),
        relative_refer=regex.compile(
            rf"\)?\s*(?:{g.object_case})?\s*(?:{_alternation(data['project']['relative_verbs'])})\s+"
            rf"(?:{_alternation(data['project']['refer_words'])})\s+[{g.H}·]{{0,8}}"
            rf"(?:{_alternation(data['project']['heads'])})"),
        case_topic=regex.compile(
            rf"(?P<name>[{g.H}A-Za-z0-9·]{{2,20}}?)"
            rf"(?:{_alternation(data['project']['case_topic_after'])})"
            rf"(?=[\s,])"),
        aside_topic=regex.compile(
            rf"(?:^|(?<=[\s,]))([{g.H}A-Za-z0-9·]{{0,20}}(?:{_alternation(data['project']['heads'])}))"
            rf"\([^()\n]{{1,60}}\)(?:{g.topic})(?=\s)", regex.M),
        place_aside_topic=regex.compile(
            rf"(?:^|(?<=[\s,]))([{g.H}A-Za-z0-9·]{{2,20}})\((?P<place>[{g.H}]{{1,8}}"
            rf"(?:{_alternation(data['region']['lead_ends'])})(?:\s[{g.H}]{{1,8}}"
            rf"(?:{_alternation(data['region']['lead_ends'])})){{0,2}})\)(?:{g.topic})(?=\s)", regex.M),
        equipped=regex.compile(rf"(?:{g.object})\s(?:{_alternation(data['project']['equipped_verbs'])})"),
        purpose=regex.compile(
            rf"['’”」』>》〉]?\s?(?:{_alternation(data['project']['purpose_after'])})(?![{g.H}])"),
        contest=regex.compile(rf"\s?['’”」』>》〉]?\s?(?:{_spaced(data['project']['contest_after'])})"),
        action=regex.compile(
            rf"(?:\s(?:{data['project']['action_until']}))?"
            rf"(?:\s(?:{_alternation(data['project']['action_adverbs'])}))?"
            rf"\s(?:{_alternation(data['project']['actions'] + data['project']['object_verbs'])})"),
        topic_hint=re.compile(
            rf"(?:{_alternation(data['project']['heads'] + data['project']['actions'])})"
            rf"(?:{g.topic_at})(?![{g.H}])"
            rf"|[{regex.escape(''.join(pair[1] for pair in data['project']['quotes']))}]"),
        project_hint=re.compile(_project_hint(data["project"])),
        clause_cut=regex.compile(r"[,.!?\n]"),
        describing=regex.compile(
            rf"['’”」』>》〉]?(?:\s\d[\d,.]*\s?(?:{_alternation(data['project']['bundle_counters'])}))?"
            rf"(?:{g.object})\s(?:(?:{data['project']['action_until']})\s)?"
            rf"(?:{_alternation(data['project']['actions'])})"
            rf"(?:{_alternation(data['project']['describing_endings'])})\s"
            if data["project"]["describing_endings"] else r"(?!)"),
        bracket_cost=regex.compile(
            rf"\((?:{g.total}\s?)?(?:{_alternation(data['project']['cost_words'])})\s?$"),
        site_here=regex.compile(
            rf"(?:^|(?<=[\s,]))(?:{_alternation(data['region']['site_topics'])})\s"
            rf"(?P<place>[{g.H}A-Za-z0-9·-]+(?:\s[{g.H}A-Za-z0-9·-]+){{0,"
            rf"{int(data['region']['max_words']) - 1}}}?)(?:{g.site_links})[,\s]", regex.M),
        route=_route_pattern(data["region"], g),
        spent_on=regex.compile(
            rf"{data['patterns']['spent_on_object']}"
            rf"(?:{'|'.join(regex.escape(e) for e in data['funded']['spent_on'])})\s+"),
        topic_particle=re.compile(data["patterns"]["topic_particle"]),
        closing_quote=re.compile(
            rf"[{regex.escape(''.join(pair[1] for pair in data['project']['quotes']))}]"),
        refer_purpose=regex.compile(
            rf"(?<![{g.H}])(?:{_alternation(data['project']['refer_purpose'])})(?![{g.H}])"
            if data["project"]["refer_purpose"] else r"(?!)"),
        linked=regex.compile(rf"(?:{g.object_case})?\s+(?:{_alternation(data['project']['link_verbs'])})"),
        describes=regex.compile(
            rf"(?:{g.describing})\s+(?:{_alternation(data['project']['described'])})"
            rf"(?:{_alternation(data['project']['copula'])})\s*[.!]?\s*$"),
        cost=regex.compile(
            rf"\s?(?:(?P<act>{_alternation(data['project']['actions'])}){g.cost_suffix}"
            rf"|{_alternation(data['project']['cost_words'])})"
            rf"(?:{_alternation(data['project']['cost_particles'])})?\s(?:{g.total}\s?)?"),
        scale=regex.compile(
            rf"[^.\n]{{0,{int(data['region']['scale_chars'])}}}?(?:"
            rf"{data['region']['area']}|(?:{_alternation(data['region']['scale_words'])})\s?\d)"),
        later_topic=regex.compile(
            rf"(?:\s?(?:{_alternation(data['project']['actions'] + [g.project_word])}))?(?:{g.topic})\s"),
        road=regex.compile(
            rf"(?<![{g.H}])(?P<place>[{g.H}]{{1,10}}(?:{_alternation(data['region']['road_ends'])})"
            rf"\s?\d{{1,4}}(?:\s?(?:{_alternation(data['region']['road_branches'])})\s?\d{{1,4}})?"
            rf"(?:-\d{{1,4}})?)(?:{g.at_from})(?![{g.H}])"),
        numbered_place=regex.compile(
            rf"\d{{1,3}}(?:-\d{{1,3}})?(?:{_alternation(data['region']['numbered_ends'])})"),
        scale_hint=regex.compile(
            rf"{data['region']['area']}|(?:{_alternation(data['region']['scale_words'])})\s?\d"),
        refer_contest=(regex.compile(
            rf"(?<![{g.H}])(?:{_alternation(data['project']['refer_words'])})\s"
            rf"(?:{_alternation(data['project']['contest_words'])})(?![{g.H}]*{g.project_word})")
            if data["project"]["contest_words"] else None),
        item_amount=regex.compile(data["patterns"]["item_amount"]),
        money_words=regex.compile(data["patterns"]["money_words"]),
        region_hint=re.compile(
            rf"{_literals(data['region']['around'])}"
            rf"|(?:{_literals(data['region']['ends'] + data['region']['facility_ends'])})\S*\s*"
            rf"(?:{g.at}|{_literals(data['region']['inside'])})"
            rf"|\d{g.at}"  # ("청파동3가 119-2에": a lot number)
            + "".join(f"|{regex.escape(e)}" for e in data["region"]["glued_ends"])
            # ("중구 서소문별관에": a district and a site)
            + "".join(rf"|{regex.escape(e)}\s[{g.H}]{{2,10}}{g.at}" for e in data["region"]["district_ends"])
            # ("…금대지구가 최종 선정됐다": a place chosen)
            + (rf"|(?:{_alternation(data['region']['ends'])})(?:{g.case})"
               rf"(?=\s(?:\S+\s)?(?:{_alternation(data['region']['chosen_verbs'])}))"
               if data["region"]["chosen_verbs"] else "")),
        refer_back=regex.compile(
            rf"(?:(?<![{g.H}])(?:(?:{_alternation(data['project']['refer_words'])})\s+"
            rf"[{g.H}·]{{0,8}}|{_refer_glued(data)})(?:{_alternation(data['project']['heads'])})"
            rf"|(?:^|\G)[\s□■○●◦•▲△▷▶※-]*(?:{_alternation(data['project']['generic'])}"
            rf"|{_alternation(data['project']['refer_starts'])})(?:{g.subject})\s)",
            regex.M),
    )


class _Forms:
    """[patterns] of records.toml: each string a compiled pattern (chars_…: a string of
    characters), each list a tuple."""

    def __init__(self, table: dict):
        for key, value in table.items():
            if key.startswith("examples"):
                continue
            if isinstance(value, list):
                setattr(self, key, tuple(value))
            elif key.startswith("chars_"):  # a set of characters (rstrip, in)
                setattr(self, key, value)
            else:
                setattr(self, key, regex.compile(value))


_LIST_CHARS = 200  # a counted list of companies is no longer


class _Companies:
    """The companies a text names ([agency] companies): with a mark, in a counted list of
    companies, after a word for one; and the pattern of one of them as a subject."""

    def __init__(self, agency: dict, g: _Grammar):
        marks = _alternation(agency["company_marks"])
        kinds = _alternation(agency["company_kinds"])
        word = rf"[{g.H}A-Za-z][{g.H}A-Za-z0-9]{{1,13}}"
        # the marks first (few in a text), then the name after or before one
        self.mark = re.compile(marks)
        self.after_mark = re.compile(word)
        self.before_mark = re.compile(rf"(?<![{g.H}A-Za-z0-9]){word}$")
        sep = r"\s?[·,]\s?"
        # the count first (few in a text), then the list right before it
        # ("2개사", not "15개 사업": 사 ends the word); written \d\d*, not \d+ (the same matches),
        # so that the engine skips to the next digit by its first character (a search over the
        # whole text: 0.0104 → 0.0058 s on 2 MB of the archive)
        self.counted = re.compile(rf"\d\d*\s?{g.count_word}\s?(?:[{g.H}]{{0,8}}(?:{kinds})"
                                  rf"|{g.company_count}(?![{g.H}]))")
        self.listed = re.compile(
            rf"(?<![{g.H}A-Za-z0-9])(?P<list>(?:(?:{marks})?{word}(?:{marks})?{sep})+"
            rf"(?:{marks})?{word}(?:{marks})?)\s(?:{g.etc}\s)?$")
        particles = _alternation(agency["company_particles"])
        self.apposed = re.compile(rf"(?:{kinds}){g.apposed}\s(?:{marks})?(?P<a>{word}?)"
                                  rf"(?=(?:{particles})?[\s(㈜])")
        self.strip = re.compile(rf"^(?:{marks})|(?:{marks})$")
        self.sep = re.compile(sep)
        self.marks = marks
        self.particles = _alternation(agency["company_particles"])
        self.H = g.H
        self.not_names = frozenset(agency["not_agency"])
        self.joined = tuple(agency["joined"])

    def names(self, text: str) -> list[tuple[str, int]]:
        """(name, offset where the text first gives it as a company), in text order."""
        out = []
        for m in self.mark.finditer(text):
            name = self.after_mark.match(text, m.end())
            if name is None:
                name = self.before_mark.search(text, max(0, m.start() - 14), m.start())
            if name is not None:
                out.append((name.group(), m.start()))
                if name.group().endswith(self.joined) and len(name.group()) > 3:
                    # "(유)광산산업개발과 투자협약을 …": the name without its particle too
                    out.append((name.group()[:-1], m.start()))
        for c in self.counted.finditer(text):
            lo = max(0, c.start() - _LIST_CHARS)
            m = self.listed.search(text, lo, c.start())
            if m is not None:
                for item in self.sep.split(m.group("list")):
                    out.append((self.strip.sub("", item), m.start()))
        for m in self.apposed.finditer(text):
            out.append((m.group("a"), m.start("a")))
        return sorted((n, at) for n, at in out if n not in self.not_names)

    @lru_cache(maxsize=256)
    def subject(self, name: str) -> re.Pattern:
        return re.compile(rf"(?<![{self.H}A-Za-z0-9])(?P<name>{re.escape(name)}(?:{self.marks})?)"
                          rf"(?:{self.particles})(?=\s)")


def _spaced(words: list[str]) -> str:
    """An alternation of ``words`` where a space may be any run of spaces or one line break
    ("…뉴딜사업에⏎선정돼": a script wrapped every few words)."""
    return _alternation(words).replace(regex.escape(" "), r"[ \t]*\n?[ \t]*")


def _refer_glued(data: dict) -> str:
    """The refer words that may be written glued to the head they refer with ("이번사업은")."""
    glued = data["project"]["refer_glued"]
    return f"(?:{_alternation(glued)})" if glued else "(?!)"


def _after_total(g: _Grammar, verbs: list[str], nouns: list[str] = ()) -> regex.Pattern:
    """One of ``verbs`` after an amount: its parts in brackets, a particle and one word may come
    between; the amount may close a bracket ("예산(41억 원)확보가"); after 의, one more word
    before one of ``nouns`` ("…원의 인센티브 예산을 확보했다")."""
    noun = (rf"(?:(?<={g.of}\s*)[{g.H}]+\s(?=(?:{_alternation(list(nouns))})))?" if nouns else "")
    return regex.compile(
        rf"\)?\s*(?:\([^()]{{0,300}}\))?\s*(?:{g.amount_particles})?\s*"
        rf"{noun}(?:[{g.H}]+\s){{0,1}}?(?:[{g.H}]+{g.at}\s)??(?:{_alternation(verbs)})")


def _project_hint(project: dict) -> str:
    """A project head or action, or an opening quotation mark: their longest-first alternation,
    written as a tree of the words' common beginnings when that matches the same (each
    character tried once, not each of ~200 words: the hint is searched over most of a long
    text)."""
    words = project["heads"] + project["actions"]
    openers = [pair[0] for pair in project["quotes"]]
    flat = _alternation(words) + "|" + "|".join(regex.escape(q) for q in openers)
    # the tree gives the longest word at each offset; the flat pattern gives the longest head,
    # else the first opener listed: the same when no opener is a head's beginning or another
    # opener's, and no word is empty
    if (not all(words) or not all(openers)
            or any(a != b and b.startswith(a) for a in openers for b in openers + words)
            or any(w.startswith(q) for w in words for q in openers)):
        return flat
    return _tree(sorted(set(words + openers)))


def _literals(words: list[str]) -> str:
    """``_alternation(words)`` written as a tree (:func:`_tree`) when no word is empty: the
    same match wherever it stands — the words that match at one offset are beginnings of what
    follows, so each is longer than the next, and both try the longest first — but the engine
    tries each character once instead of each word."""
    if not words or not all(words):
        return _alternation(words)
    return _tree(sorted(set(words)))


def _tree(words: list[str]) -> str:
    """An alternation matching, at each offset, the longest of ``words`` (none empty) that
    begins there: one branch per first character, the longer continuation tried first."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = None  # a word ends here

    def branches(node: dict) -> list[str]:
        out = []
        for ch in sorted(k for k in node if k):
            child, rest = node[ch], branches(node[ch])
            body = "" if not rest else rest[0] if len(rest) == 1 else f"(?:{'|'.join(rest)})"
            if body and "" in child:
                body = f"(?:{body})?"  # (greedy: the longer word first, then this one)
            out.append(re.escape(ch) + body)
        return out

    return "|".join(branches(trie))


def agency_words(data: dict) -> tuple[frozenset[str], tuple[str, ...]]:
    return frozenset(data["agency"]["not_agency"]), tuple(data["agency"]["heads"])
