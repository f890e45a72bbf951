"""The written forms of funding structure, compiled from rules/data/forms.toml.

The structure stage (fundparse/structure/) holds mechanisms only; every word it reads comes
from here, built once per set of rule tables (a configuration's extensions included).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache

import regex

from fundparse import patterns
from fundparse.rules.tables import DOTS, Tables, source_key

S = "[ \u00a0]"
# (a middle dot may stand between spaces: "국 · 시비 28억 원")
WORD = rf"[가-힣]+(?:{S}?[{DOTS}]{S}?[가-힣]+)*"
LAZY_WORD = rf"[가-힣]+?(?:{S}?[{DOTS}]{S}?[가-힣]+?)*?"


def alternation(words) -> str:
    """A regex alternation of literal words, longest first (so 으로 is tried before 로)."""
    return "|".join(regex.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


def _memo(words: Tables, name: str, build):
    """The forms compiled for one set of rule tables, built once and kept on the tables (a
    section's JSON is the cache key only the first time)."""
    memo = words.__dict__.setdefault("_compiled_forms", {})
    if name not in memo:
        memo[name] = build()
    return memo[name]


@dataclass(frozen=True)
class SumForms:
    """What the arithmetic split pass reads around a candidate part or total."""

    source_after: regex.Pattern  # "은 특별교부세로": the source named after the amount
    label_before: regex.Pattern  # "국비 ", "정부가 ": the word right before the amount
    paid_before: regex.Pattern  # "복권기금으로 지원받은 ": a source, then a verb of paying
    paid_share: regex.Pattern  # "시가 맡을 사업비는 ": a payer, a verb of paying, its share named
    aliased_before: regex.Pattern  # "행복도시특별회계(국비) ": a name, its alias in brackets
    actor_before: regex.Pattern  # "한국토지주택공사(LH)가 "
    total_cue: regex.Pattern  # "총 ", "모두 " right before a total (matched backwards)
    partial_after: regex.Pattern  # "중", "가운데" right after a total
    list_tails: frozenset  # "등" after a source named with others: "민자 등이 24조원"
    not_after: tuple  # particles after a total that open no list of its parts ("…원에")
    nearest: int
    above_words: tuple  # written inside an approximate total that means "and more": 800억여
    share: regex.Pattern  # a share of the total: "30%를 지원하고", group n
    more_source: regex.Pattern  # a second source joined to one named after a figure: "도비와 시비로"
    whole_source: regex.Pattern  # "전액 국비로": one source pays the whole amount
    each_before: regex.Pattern  # "국비와 도비가 각각 48억원": two sources, the figure each
    of_nouns: frozenset  # "관광기금의 출자로": money nouns naming their payer before them
    of_particle: str  # the particle after that payer (의)
    place_payers: tuple  # (ending, category), longest first: "김포시가" -> municipal
    list_split: regex.Pattern  # between the sources named in a bracket: "국비, 기금"
    place_actor: regex.Pattern  # "시는 801억원": a one-letter place paying
    skip_before: tuple  # patterns passed over between a source and its figure
    stated_alone: regex.Pattern  # after a total stated in a sentence of its own
    back_refs: tuple  # "이 중", "총사업비 …": a next sentence's parts tied back to a total
    compared: tuple  # after a figure: it is compared with, not part of ("28억 원에 비해")
    back_refs_last: tuple  # "이 중": a next sentence's parts tied to the last figure before
    breakdown_openers: tuple  # "지역별로는": a sentence listing where money goes, no payers in it
    clause_verb_endings: tuple  # "부담하고": a word ending a clause before a figure is no label
    held_back: tuple  # forms whose parts, bigger than their total, go to a figure before it
    held_reach: int  # how far back (characters) that figure may be
    ditto: tuple  # marks repeating the label above: "(〃 450억원 〃360억원)"
    across_after: int  # sentences after the next one where parts adding up exactly are looked for
    whole_after: regex.Pattern  # after an amount: it is stated as the whole ("111억원의 사업비가")
    sources_before_total: regex.Pattern  # "지방비를 포함한 총 사업비": sources named, no figures
    topic_particles: tuple  # "시교육청은 1550억 원을 투입해": the topic spends the figure
    object_after: regex.Pattern  # the figure taken as an object: "…원을", "…원가량을"
    not_actor_endings: tuple  # "신규사업은 571억 원": a kind of spending, no payer
    total_inside: regex.Pattern  # "국비 456억원(총사업비 …": between a part and its total in brackets
    ratio_one: regex.Pattern  # "지방비 1:1 매칭": one payer's side against a part named elsewhere
    ratio_earlier: tuple  # a ratio in the sentence before its total names what it divides
    ratio_cue: regex.Pattern  # a ratio or an equal share written somewhere: "5:5", "3 대 7", "절반씩"
    ratio_shares: regex.Pattern  # "국비와 지방비가 5:5로": payers (group p) and their ratio (n / equal)
    share_before: regex.Pattern  # "전체의 64%(680억 원)": a part's share of an earlier total (n, dec)
    share_after: regex.Pattern  # "69억 7천만 원(7%)으로": the share in brackets after the figure
    share_reach: int  # how many sentences back that total may be
    share_of_total: regex.Pattern  # "1805억원의 43.2%": a figure before is that share of it
    subject_payer: regex.Pattern  # "교육부는 … 3,020억 원을 지원한다": a source as the clause's subject
    pays_after: regex.Pattern  # "…원을 내년에 일괄 지원할": a verb of paying after the figure
    subject_reach: int  # how far back (characters) that subject may stand
    from_payer: regex.Pattern  # "교육부로부터 …": a source named as where the money comes from
    receives_after: regex.Pattern  # "…원의 사업비를 지원받게": a verb of receiving after the figure
    share_halves: regex.Pattern  # "40%는 시와 구청이 절반씩": a share two payers halve
    source_included: regex.Pattern  # "20억 국비를 포함해 …": a figure's source before a total
    each_joined: regex.Pattern  # "국·지방비 각각 ": a joined source whose parts each pay the figure
    not_payer_endings: tuple  # "조성사업(": what is paid for, no payer
    not_place_endings: tuple  # "내년도": a word of time, no province
    excluding: tuple  # "국비 제외한 300억원": the source taken out of the figure
    list_item_before: regex.Pattern  # ", " before a name in a list of payers
    list_item_after: regex.Pattern  # "원, " after its figure: the list goes on
    received: regex.Pattern = regex.compile("(?!)")  # "지원받": a place before a figure receives it
    points_back: tuple = ()  # "이번에 선정된 …": a stated total's sentence about the project before
    far_openers: tuple = ()  # "재원별로": a list of parts tied to the exact total before, however far
    share_of: regex.Pattern = regex.compile("(?!)")  # "100억원의 50%를": a share of the figure before
    share_then_figure: regex.Pattern = regex.compile("(?!)")  # "75%인 354억원": the figure is the part
    cue_words: frozenset = frozenset()  # the total cues as words: "지방비 포함해 총" names no source
    place_pays: regex.Pattern = patterns.compile("(?!)")  # "80억원을 연천군이 부담한다": after the place
    bracket_total_after: regex.Pattern = patterns.compile("(?!)")  # "(235억원, 균특 118억)"
    places_share: tuple = ()  # "…의 사업비를 분담해": places listed with figures pay them
    breakdown_words: tuple = ()  # "…가 75억원으로 가장 많고 … 순이다": places listed receive
    share_received: regex.Pattern = patterns.compile("(?!)")  # "국비 70%를 지원받아 총 1억원"
    paid_clause: regex.Pattern = patterns.compile("(?!)")  # "수자원공사가 … 지원키로 한 60억원"
    support_after: regex.Pattern = patterns.compile("(?!)")  # "11억 원 국비 지원으로": bare after it
    adverb_letters: frozenset = frozenset()  # "280억 원을 기 투입": one letter that is a word, no code
    mates_gap: regex.Pattern = patterns.compile("(?!)")  # "시비 70억 원, 지방비 100억 원": list mates
    bracket_total: regex.Pattern = patterns.compile("(?!)")  # "…사업(총사업비 ": a total in brackets
    bracket_total_then: regex.Pattern = patterns.compile("(?!)")  # "억 원)에 ": its part follows
    rest_source_then: regex.Pattern = patterns.compile("(?!)")  # "시비 매칭으로 총 20억원": the rest's
    topic_cost: regex.Pattern = patterns.compile("(?!)")  # "순천시는 도서관 건립비 100억원": its cost
    next_payer_gap: regex.Pattern = patterns.compile(r"\s*")  # "은 국비가 3천690억원": the next's payer
    each_payers: regex.Pattern = patterns.compile("(?!)")  # "도, 시·군, 교육청이 ": payers each paying
    bundle_before: regex.Pattern = patterns.compile("(?!)")  # "4건 ": a bundle's money, no one total
    each_then: regex.Pattern = patterns.compile("(?!)")  # "씩 ": the figure is each one's, a total next
    rest_share_before: regex.Pattern = patterns.compile("(?!)")  # "민자유치로 나머지 40%를": the rest's
    rest_share_after: regex.Pattern = patterns.compile("(?!)")  # …share the object of its verb
    rest_before: regex.Pattern = patterns.compile("(?!)")  # "나머지 2923억원을 정부 50%, …": a total's rest
    pair_each: regex.Pattern = patterns.compile("(?!)")  # "도비와 군비 15%씩": two sources, the share each
    average_words: frozenset = frozenset()  # "시·도 평균 2백억원": an average, no source's part
    item_opener: regex.Pattern = patterns.compile("(?!)")  # "…천에는 …가 114억원을": a new item's own
    cost_of: regex.Pattern = patterns.compile("(?!)")  # "사업비의 ": a share after it is the total's
    comma_payer: regex.Pattern = patterns.compile("(?!)")  # "부산시, " (or "정부와 "): a payer listed
    joined_respective: regex.Pattern = patterns.compile("(?!)")  # "국·시비는 각각 ": its figures in turn
    # one of the words every ``whole_source`` match holds (None: no such words, search every line)
    whole_cue: regex.Pattern | None = None


@lru_cache(maxsize=32)
def _sum_forms(table_json: str) -> SumForms:
    table = json.loads(table_json)
    words = lambda key: tuple(table.get(key, ()))  # noqa: E731
    links, ends, actors = words("links_after"), words("ends_after"), words("actor_particles")
    payers = words("object_particles")  # particles before a named cost: "정부가 토지 보상비 …"
    cues, after, tails, not_after = (words("total_cues"), words("partial_after"),
                                     words("list_tails"), words("not_after"))
    joiners, whole, paid, of_nouns = (words("joiners"), words("whole_cues"), words("paid_before"),
                                      words("of_nouns"))
    whole_payer, payer_cues = table.get("whole_payer", "(?!)"), words("whole_payer_cues")
    whole_word = f"(?:{alternation(payer_cues) or '(?!)'})"  # ⟨WHOLE⟩ of whole_payer
    fillers, between, skips = words("actor_fillers"), words("between_after"), words("skip_before")
    share, each = table.get("share", "(?!)"), table.get("each_before", "(?!)")
    alone, place_actor = table.get("stated_alone", "(?!)"), table.get("place_actor", "(?!)")
    actor_object = table.get("actor_object", "(?!)")
    marks = f"(?:{alternation(words('company_marks'))})?" if words("company_marks") else ""
    places = table.get("place_payers", {})
    return SumForms(
        source_after=patterns.compile(
            rf"(?:{alternation(words('footnote_marks')) or '(?!)'})*(?:{table.get('note_after', '(?!)')}"
            rf"|{table.get('parts_note_after', '(?!)')})?"
            rf"{S}*(?:{alternation(links)}){S}*(?:(?:{alternation(between) or '(?!)'}"
            rf"|{table.get('count_between', '(?!)')}|{table.get('place_between', '(?!)')}){S}+)?"
            rf"(?P<label>{LAZY_WORD})(?:{alternation(ends)})?"
            # "430억 원의 국비(지방비 184억 원)": a bracket after it too; not "시.군" (a dot for ·);
            # not a bracket opening with a figure, the source's own ("8091억원의 재정(7505억원)투자
            # 및 민자(586억원)유치로": 재정 labels 7505억원, not 8091억원)
            rf"(?=[,，\s)]|[(（](?!{S}*\d)|\.(?![가-힣])|$)"
            # "86억원(특별교부세)과 241억원(특별조정교부금)을 합친": the source alone in its bracket
            rf"|{S}*[(（]{S}*(?P<label>{WORD}){S}*[)）]"),
        label_before=patterns.compile(  # not the 원 of the figure before: "27억 원·도비 18억 원"
            rf"(?<![가-힣0-9A-Za-z])(?!원[{DOTS}])(?P<label>{WORD}(?:{S}{WORD}){{0,2}}|[A-Z]{{2,4}}[가-힣]*(?:{S}[가-힣]{{2,}})?)"
            rf"{S}*[:：(（]?{S}*\n?{S}*\Z"),  # (a body by its initials too: "LH 3297억원")
        aliased_before=patterns.compile(
            rf"(?<![가-힣])(?P<label>{WORD}){S}*[(（](?P<alias>[^()（）\n]{{1,16}})[)）]{S}*\Z"),
        paid_before=patterns.compile(
            rf"(?<![가-힣])(?P<label>{LAZY_WORD}){S}*(?:{alternation(paid) or '(?!)'}){S}*"
            rf"(?:[가-힣]{{0,12}}(?:{alternation(words('paid_nouns')) or '(?!)'}){S}*)?\Z"),
        paid_share=patterns.compile(
            rf"(?<![가-힣A-Za-z])(?P<label>[가-힣]+|[A-Z]{{2,}})"
            rf"{expand(table.get('paid_share', '(?!)'), {'S': S})}{S}*\Z"),
        actor_before=patterns.compile(
            rf"(?<![가-힣A-Za-z])(?P<label>(?:[A-Z]{{1,4}})?[가-힣]{{2,}}{marks}|[A-Z]{{2,}}{marks})"
            rf"(?:{S}*[(（][A-Za-z가-힣]{{1,12}}(?:{S}[A-Za-z가-힣]{{1,12}})?[)）])?"
            # "…, 경남도 등이 4473억원을 지원": the last payer named, others left unnamed
            rf"(?:{S}(?:{alternation(tails) or '(?!)'}))?"
            rf"{S}?(?:(?:{alternation(payers) or '(?!)'}){S}*(?:(?:{alternation(fillers) or '(?!)'}|{actor_object}){S}*)?"
            rf"|(?:{alternation(actors)}){S}*(?:(?:{alternation(fillers) or '(?!)'}|{alternation(of_nouns) or '(?!)'}){S}*)?)\Z"),
        total_cue=patterns.compile(rf"(?:{alternation(cues)})(?:은|는|이|가|을|를|로|으로)?\s*"
                                rf"(?:{table.get('total_period', '(?!)')})?"
                                rf"(?:{table.get('total_count', '(?!)')})?"
                                rf"(?:(?:{alternation(words('total_adverbs')) or '(?!)'}){S}*)?\Z"),
        partial_after=patterns.compile(
            rf"{S}*(?:(?:{alternation(words('partial_joints'))}){S}*)?(?:{alternation(after)})(?![가-힣])"
            if words("partial_joints") else rf"{S}*(?:{alternation(after)})(?![가-힣])"),
        list_tails=frozenset(tails),
        cue_words=frozenset(cues),
        not_after=not_after,
        nearest=int(table.get("nearest", 10)),
        above_words=tuple(table.get("above_words", ())),
        share=patterns.compile(expand(share, {"S": S})),
        more_source=patterns.compile(
            rf"{S}*(?:{alternation(joiners) or '(?!)'}){S}*"
            rf"(?:(?:{alternation(words('more_source_skip')) or '(?!)'}){S}+)?(?P<label>{LAZY_WORD})"
            rf"(?:{alternation(ends)})?(?=[,，.\s)]|$)"),
        each_before=patterns.compile(expand(each, {"S": S, "WORD": LAZY_WORD})),
        of_nouns=frozenset(of_nouns),
        of_particle=table.get("of_particle", ""),
        list_split=patterns.compile(rf"{S}*(?:{alternation(joiners) or '(?!)'}){S}*|{S}+"),
        place_actor=patterns.compile(expand(place_actor, {"S": S})),
        skip_before=tuple(patterns.compile(expand(p, {"S": S})) for p in skips),
        place_payers=tuple(sorted(places.items(), key=lambda kv: -len(kv[0]))),
        stated_alone=patterns.compile(alone),
        back_refs=words("back_refs"),
        compared=words("compared_after"),
        back_refs_last=words("back_refs_last"),
        breakdown_openers=words("breakdown_openers"),
        clause_verb_endings=words("clause_verb_endings"),
        held_back=words("held_back"),
        held_reach=int(table.get("held_reach", 0)),
        ditto=words("ditto_marks"),
        across_after=int(table.get("across_after", 1)),
        whole_after=patterns.compile(table.get("whole_after", "(?!)")),
        not_actor_endings=words("not_actor_endings"),
        topic_particles=words("topic_particles"),
        sources_before_total=patterns.compile(expand(table.get("sources_before_total", "(?!)"),
                                                  {"S": S, "DOTS": DOTS})),
        object_after=patterns.compile(table.get("object_after", "(?!)")),
        total_inside=patterns.compile(table.get("total_inside", "(?!)")),
        ratio_earlier=words("ratio_earlier"),
        ratio_one=patterns.compile(expand(table.get("ratio_one", "(?!)"), {"S": S})),
        ratio_cue=patterns.compile(expand(table.get("ratio_cue", "(?!)"), {
            "S": S, "EQUAL": alternation(words("equal_shares")) or "(?!)"})),
        share_before=patterns.compile(expand(table.get("share_before", "(?!)"), {"S": S})),
        share_after=patterns.compile(expand(table.get("share_after", "(?!)"), {"S": S})),
        share_reach=int(table.get("share_reach", 0)),
        share_of_total=patterns.compile(table.get("share_of_total", "(?!)")),
        share_of=patterns.compile(table.get("share_of", "(?!)")),
        share_then_figure=patterns.compile(table.get("share_then_figure", "(?!)")),
        subject_payer=patterns.compile(expand(table.get("subject_payer", "(?!)"), {"S": S})),
        pays_after=patterns.compile(expand(table.get("pays_after", "(?!)"), {"S": S})),
        place_pays=patterns.compile(expand(table.get("place_pays", "(?!)"), {"S": S})),
        bracket_total_after=patterns.compile(table.get("bracket_total_after", "(?!)")),
        subject_reach=int(table.get("subject_reach", 0)),
        from_payer=patterns.compile(expand(table.get("from_payer", "(?!)"), {"S": S})),
        receives_after=patterns.compile(expand(table.get("receives_after", "(?!)"), {"S": S})),
        share_halves=patterns.compile(expand(table.get("share_halves", "(?!)"), {"S": S, "WORD": LAZY_WORD})),
        source_included=patterns.compile(expand(table.get("source_included", "(?!)"),
                                                {"S": S, "DOTS": DOTS})),
        each_joined=patterns.compile(expand(table.get("each_joined", "(?!)"), {"S": S})),
        not_payer_endings=words("not_payer_endings"),
        not_place_endings=words("not_place_endings"),
        excluding=words("excluding"),
        list_item_before=patterns.compile(expand(table.get("list_item_before", "(?!)"), {"S": S})),
        list_item_after=patterns.compile(expand(table.get("list_item_after", "(?!)"), {"S": S})),
        received=patterns.compile(table.get("received", "(?!)")),
        places_share=words("places_share"),
        breakdown_words=words("breakdown_words"),
        share_received=patterns.compile(expand(table.get("share_received", "(?!)"), {"S": S})),
        points_back=words("points_back"),
        far_openers=words("far_openers"),
        ratio_shares=patterns.compile(expand(table.get("ratio_shares", "(?!)"), {
            "S": S, "DOTS": DOTS, "P": table.get("ratio_payer", "(?!)"),
            "EQUAL": alternation(words("equal_shares")) or "(?!)"})),
        whole_source=patterns.compile(
            rf"(?<![가-힣])(?:{alternation(whole) or '(?!)'}){S}*(?P<label>{LAZY_WORD})"
            rf"(?:{alternation(ends)}|지원|부담|사업)?(?=[,，.\s)]|$)"
            rf"|{expand(whole_payer, {'S': S, 'WHOLE': whole_word})}"),
        whole_cue=_whole_cue(whole, ends, whole_payer, payer_cues),
        support_after=patterns.compile(expand(table.get("support_after", "(?!)"), {"S": S})),
        adverb_letters=frozenset(words("adverb_letters")),
        mates_gap=patterns.compile(expand(table.get("mates_gap", "(?!)"), {"S": S})),
        bracket_total=patterns.compile(expand(table.get("bracket_total", "(?!)"), {"S": S})),
        bracket_total_then=patterns.compile(expand(table.get("bracket_total_then", "(?!)"), {"S": S})),
        rest_source_then=patterns.compile(expand(table.get("rest_source_then", "(?!)"), {"S": S})),
        average_words=frozenset(words("average_words")),
        item_opener=patterns.compile(expand(table.get("item_opener", "(?!)"), {"S": S})),
        cost_of=patterns.compile(expand(table.get("cost_of", "(?!)"), {"S": S})),
        comma_payer=patterns.compile(expand(table.get("comma_payer", "(?!)"), {"S": S})),
        joined_respective=patterns.compile(
            rf"(?<![가-힣])(?P<label>[가-힣]+{S}?[{DOTS}]{S}?[가-힣]+?)"
            rf"{expand(table.get('joined_respective', '(?!)'), {'S': S})}"),
        pair_each=patterns.compile(expand(table.get("pair_each", "(?!)"), {"S": S, "WORD": LAZY_WORD})),
        rest_share_before=patterns.compile(expand(table.get("rest_share_before", "(?!)"), {"S": S})),
        rest_share_after=patterns.compile(expand(table.get("rest_share_after", "(?!)"), {"S": S})),
        rest_before=patterns.compile(expand(table.get("rest_before", "(?!)"), {"S": S})),
        bundle_before=patterns.compile(expand(table.get("bundle_before", "(?!)"), {"S": S})),
        each_payers=patterns.compile(expand(table.get("each_payers", "(?!)"), {"S": S})),
        each_then=patterns.compile(expand(table.get("each_then", "(?!)"), {"S": S})),
        next_payer_gap=patterns.compile(expand(table.get("next_payer_gap", r"\s*"), {"S": S})),
        topic_cost=patterns.compile(
            rf"(?<![가-힣A-Za-z])(?P<label>[가-힣]{{2,}})"
            rf"{expand(table.get('topic_cost', '(?!)'), {'S': S})}{S}*\Z"),
        paid_clause=patterns.compile(
            rf"(?<![가-힣A-Za-z])(?P<label>[가-힣]{{2,}}|[A-Z]{{2,}})"
            rf"{expand(table.get('paid_clause', '(?!)'), {'S': S})}{S}*\Z"),
    )


# what could read a line break in a form: a class by escape or negated (even one that excludes
# it), a break or an escaped code, a group other than (?: and (?P< (a look-around, a flag)
_READS_LINE_BREAK = ("\\s", "\\S", "\\W", "\\D", "\\w", "\\N", "\\X", "\\R", "\\v", "\\h",
                     "\\p", "\\P", "[^", "\n", "\\n", "\\r", "\\x", "\\u", "\\U", "\\0", "(?")
_DOT = regex.compile(r"(?<!\\)\.(?![^\[]*\])")  # "." outside a class
_LOOK_BEHIND = regex.compile(r"\(\?<[=!](?:\\.|[^()\\])*\)")  # one holding no group


def _required(template: str, name: str) -> bool:
    """``⟨name⟩`` stands in ``template`` outside every group and class, with no alternation at
    the top and no quantifier after it: every match of the form holds a match of what it
    stands for."""
    mark, depth, in_class, found, i = f"⟨{name}⟩", 0, False, False, 0
    while i < len(template):
        c = template[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif template.startswith(mark, i):
            if depth == 0 and template[i + len(mark):i + len(mark) + 1] not in ("?", "*", "{"):
                found = True
            i += len(mark)
            continue
        elif c == "[":
            in_class = True
            if template[i + 1:i + 2] == "^":
                i += 1
            if template[i + 1:i + 2] == "]":  # (a "]" first in a class is a letter of it)
                i += 1
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            return False
        i += 1
    return found


def _whole_cue(whole: tuple, ends: tuple, whole_payer: str, payer_cues: tuple):
    """The words every ``whole_source`` match holds — one of ``whole`` (its first form's cue)
    or of ``payer_cues`` (``⟨WHOLE⟩`` of ``whole_payer``) — as a pattern, when each form is
    shown to hold one and no line break: ``⟨WHOLE⟩`` stands in ``whole_payer`` outside every
    group and alternation with no quantifier after it, ``whole_payer`` reads nothing that could
    be a line break (``_READS_LINE_BREAK``, "." outside a class; its fragments ⟨S⟩ and ⟨WHOLE⟩
    are spaces and words, a look-behind reads before the search's start as in the whole text's
    search), and no word holds a line break.  None otherwise (``_paid_whole`` then searches
    the whole text, as before)."""
    if whole_payer != "(?!)":
        if not payer_cues or not _required(whole_payer, "WHOLE"):
            return None
        body = _LOOK_BEHIND.sub("", whole_payer).replace("(?:", "(").replace("(?P<", "(<")
        if any(r in body for r in _READS_LINE_BREAK) or _DOT.search(body):
            return None
        if regex.search(r"⟨(?!S⟩|WHOLE⟩)", body):
            return None
    cue_words = set(whole) | set(payer_cues if whole_payer != "(?!)" else ())
    if not cue_words or any(not w or "\n" in w for w in (*cue_words, *ends)):
        return None
    return patterns.compile(alternation(cue_words))


def sum_forms(words: Tables) -> SumForms:
    return _memo(words, "sum_forms", lambda: _sum_forms(_section_json(words, "sum")))


@dataclass(frozen=True)
class PeriodForm:
    name: str
    rank: int
    pattern: regex.Pattern
    funded: bool = False  # an open period: only for an amount spent
    verb_only: bool = False  # …and only one with a verb of spending after it


@dataclass(frozen=True)
class PeriodForms:
    forms: tuple[PeriodForm, ...]
    relative: dict
    ko_numbers: dict
    months_in: regex.Pattern  # a span stated in months
    month: regex.Pattern  # one month: group 1 is its number
    list_gap: regex.Pattern  # between two amounts of one list under a period
    funding_verb: regex.Pattern  # a verb of money spent, searched after an amount
    year_token: regex.Pattern  # one year on its own ("2020년", "올해"): group y
    same_period: regex.Pattern  # "이 기간": the period just stated, said again
    join_reach: int = 100_000  # how far apart (characters) an open start and end are joined
    # right after a duration: the total it is the years of ("2023년까지 … 등 5년간 총 4037억")
    duration_total: regex.Pattern = patterns.compile("(?!)")
    # at most this many characters between an open start and the one amount it opens before an
    # open end ("지난 2016년부터 공사를 착공하여 총사업비 86억 원을 투입하여 이달 말 준공")
    start_amount_gap: int = 2
    # an open start written with no year ("9월부터", "이날 착공"): kept only when joined with an
    # end or a duration that dates it
    undated_start: regex.Pattern = patterns.compile("(?!)")
    # right after an open end: a count it governs ("2025년까지 누적 3447호의 …"), no money's
    count_after: regex.Pattern = patterns.compile("(?!)")
    # an end written as "within the year" after a start: the start's year ("내년 초 착공해 연내 준공")
    start_year_ends: frozenset = frozenset()
    # a month written without a year takes the year named last before it, this near and with no
    # sentence end between ("내년 2월까지 설계용역을 마치고 5월 중 착공해")
    month_year_reach: int = 0
    clause_stop: regex.Pattern = patterns.compile("(?!)")
    # months named relative to the document's ("지난달 착공", "다음달부터"): their offset in months
    relative_months: dict = field(default_factory=dict)
    # right after an open end: a preliminary stage finished by then ("…까지 실시설계를 완료하고")
    stage_after: regex.Pattern = patterns.compile("(?!)")
    # a period opening a quoted name that goes on after it ("‘2022~2023년 전라남도 방문의 해’")
    name_open: regex.Pattern = patterns.compile("(?!)")
    name_rest: regex.Pattern = patterns.compile("(?!)")
    range_before: regex.Pattern = patterns.compile("(?!)")  # "2~3년간": a range's upper duration
    # …and an open end written before the open start it closes, at most this far back ("2021년
    # 준공을 목표로 내년부터"; not "오는 2006년까지 …을 설립키로 하고 … 지난 91년부터 조성되고 있는")
    join_reach_back: int = 100_000


_FRAGMENT = patterns.compile(r"⟨(\w+)⟩")


def expand(template: str, fragments: dict[str, str]) -> str:
    """A template with ⟨NAME⟩ fragments filled in (fragments may use earlier fragments)."""
    def fill(m: regex.Match) -> str:
        name = m.group(1)
        if name not in fragments:
            raise KeyError(f"forms.toml: unknown fragment ⟨{name}⟩")
        return expand(fragments[name], fragments)
    return _FRAGMENT.sub(fill, template)


def period_forms(words: Tables) -> PeriodForms:
    return _memo(words, "period_forms", lambda: _period_forms(_section_json(words, "periods")))


@lru_cache(maxsize=32)
def _period_forms(table_json: str) -> PeriodForms:
    table = json.loads(table_json)
    fragments = table.get("fragments", {})
    forms = tuple(PeriodForm(f["name"], int(f.get("rank", 0)),
                             patterns.compile(expand(f["pattern"], fragments)), bool(f.get("funded")),
                             bool(f.get("verb_only")))
                  for f in table.get("form", []))
    return PeriodForms(forms, dict(table.get("relative", {})), dict(table.get("ko_numbers", {})),
                       patterns.compile(table.get("months_in", "(?!)")),
                       patterns.compile(table.get("month", "(?!)")),
                       patterns.compile(table.get("list_gap", "(?!)")),
                       patterns.compile(alternation(table.get("funding_verbs", ())) or "(?!)"),
                       patterns.compile(expand(table.get("year_token", "(?!)"), fragments)),
                       patterns.compile(alternation(table.get("same_period", ())) or "(?!)"),
                       int(table.get("join_reach", 100_000)),
                       patterns.compile(table.get("duration_total", "(?!)")),
                       int(table.get("start_amount_gap", 2)),
                       patterns.compile(table.get("undated_start", "(?!)")),
                       patterns.compile(table.get("count_after", "(?!)")),
                       frozenset(table.get("start_year_ends", ())),
                       int(table.get("month_year_reach", 0)),
                       patterns.compile(table.get("clause_stop", "(?!)")),
                       {"".join(k.split()): v for k, v in table.get("relative_months", {}).items()},
                       patterns.compile(table.get("stage_after", "(?!)")),
                       patterns.compile(table.get("name_open", "(?!)")),
                       patterns.compile(table.get("name_rest", "(?!)")),
                       patterns.compile(table.get("range_before", "(?!)")),
                       int(table.get("join_reach_back", 100_000)))


def _section_json(words: Tables, name: str) -> str:
    return json.dumps(words.forms.get(name, {}), sort_keys=True, ensure_ascii=False)


def compiled_patterns(table: dict) -> dict[str, regex.Pattern]:
    """A section's [….patterns], compiled; ⟨S⟩ (a space) and ⟨DOTS⟩ are always at hand."""
    fragments = {"S": S, "DOTS": DOTS, **table.get("fragments", {})}
    return {name: patterns.compile(expand(template, fragments))
            for name, template in table.get("patterns", {}).items()}


@dataclass(frozen=True)
class SplitForms:
    """What the split-list reader (structure/splits.py) reads: [splits] in forms.toml."""

    label: regex.Pattern
    separator: regex.Pattern
    partial_word: regex.Pattern
    percent: regex.Pattern
    before_total: regex.Pattern
    total_named_before: regex.Pattern
    connector: regex.Pattern
    after_total: regex.Pattern
    total_named: regex.Pattern
    next_sentence: regex.Pattern
    written_unit: regex.Pattern
    decimal_written: regex.Pattern
    opener: regex.Pattern
    opener_after: regex.Pattern
    verb_paren: regex.Pattern
    shares_before: regex.Pattern
    rest_named: regex.Pattern
    verb_then: regex.Pattern
    source_topic: regex.Pattern
    object: regex.Pattern
    shared_verb: regex.Pattern
    rest: regex.Pattern
    rest_label: regex.Pattern
    reversed_label: regex.Pattern
    label_multi: regex.Pattern
    code_item: regex.Pattern
    label_before: regex.Pattern
    code_next_line: regex.Pattern
    code_sep: regex.Pattern
    ratio: regex.Pattern  # after a number: it is one side of a ratio ("1:1 매칭")
    joined_before: regex.Pattern  # a second payer joined before a part's source ("타 기관 및 민자")
    qualifier_before: regex.Pattern  # whose the source is: "국민안전처 특별교부세"
    included_in: regex.Pattern  # "국비 242억원을 포함한 보조금 353억원": a part inside the next part
    glued: tuple  # particles glued to a source word, tried in this order
    partial_words: frozenset  # words after a part that leave the list partial
    source_nouns: frozenset  # last word of a source named in two words
    total_window: tuple  # one of these before a total lets a list before it be read
    opener_cues: tuple  # one of these after a total lets parts after its verb be read
    metro: str  # a metropolitan city named: template with ⟨CITIES⟩
    clause_adding: tuple  # a clause after a total opened so: its parts must add up
    any_source_openers: tuple  # a next sentence opened so may name any source
    each_words: tuple  # after payers joined by a dot: each pays the figure ("도·군비 각 25%")
    before_number: regex.Pattern  # "약 " between a part's label and its figure ("국·도비 약 80%")
    account_words: frozenset = frozenset()  # "일반회계": a bracket naming one is by account
    not_payer_endings: tuple = ()  # a word ending so names no payer outside the taxonomy (포함한)
    object_glued: tuple = ()  # object particles glued to a source named after a bracket (특별교부세를)
    each_figure: regex.Pattern = patterns.compile("(?!)")  # "국비·지방비 90억원씩": each pays it
    glued_before: tuple = ()  # a clause's end a source word is glued to: "위해국비 29억원"
    share_range: regex.Pattern = patterns.compile("(?!)")  # "60∼70%": a range of shares
    code_joined: regex.Pattern = patterns.compile("(?!)")  # "국,지방비": a code joined by a comma
    use_words: frozenset = frozenset()  # "공사비": a bracket naming one is by use (as source keys)
    whole_again: regex.Pattern = patterns.compile("(?!)")  # "(지방비 포함 시 48조 원)": the whole again
    each_joint: regex.Pattern = patterns.compile("(?!)")  # " 및 ": payers joined before 각, as a dot


def split_forms(words: Tables) -> SplitForms:
    return _memo(words, "split_forms", lambda: _split_forms(_section_json(words, "splits")))


@lru_cache(maxsize=32)
def _split_forms(table_json: str) -> SplitForms:
    table = json.loads(table_json)
    return SplitForms(**compiled_patterns(table), glued=tuple(table["glued"]),
                      object_glued=tuple(table.get("object_glued", ())),
                      partial_words=frozenset(table["partial_words"]),
                      source_nouns=frozenset(table["source_nouns"]),
                      total_window=tuple(table["total_window"]),
                      opener_cues=tuple(table["opener_cues"]),
                      metro=table["metro"], clause_adding=tuple(table["clause_adding"]),
                      any_source_openers=tuple(table["any_source_openers"]),
                      each_words=tuple(table.get("each_words", ())),
                      account_words=frozenset(table.get("account_words", ())),
                      use_words=frozenset(source_key(w) for w in table.get("use_words", ())),
                      before_number=patterns.compile(
                          rf"(?:{alternation(tuple(table.get('before_number', ()))) or '(?!)'})[ \u00a0]*(?=\d)"),
                      not_payer_endings=tuple(table.get("not_payer_endings", ())),
                      glued_before=tuple(table.get("glued_before", ())))


@dataclass(frozen=True)
class LabelForms:
    """What structure/labels.py reads before an amount: [labels] in forms.toml."""

    word_before: regex.Pattern  # matched backwards from the amount
    spaced_word: regex.Pattern  # a letter-spaced field name: "사 업 비 :"
    fiscal: regex.Pattern  # "2025년 예산", "내년 본예산"
    fiscal_after: regex.Pattern  # after the amount: "…을 내년 예산에 편성"
    particles: tuple
    fund_endings: tuple
    relative: dict


def label_forms(words: Tables) -> LabelForms:
    return _memo(words, "label_forms", lambda: _label_forms(_section_json(words, "labels")))


@lru_cache(maxsize=32)
def _label_forms(table_json: str) -> LabelForms:
    table = json.loads(table_json)
    return LabelForms(**compiled_patterns(table), particles=tuple(table["particles"]),
                      fund_endings=tuple(table["fund_endings"]), relative=dict(table["relative"]))


@dataclass(frozen=True)
class UnitForms:
    """What structure/units.py reads in tables: [units] in forms.toml."""

    header: regex.Pattern  # "(단위: 백만원)", "예산액(억원)"
    unit_noise: regex.Pattern
    not_money_after: regex.Pattern
    year: regex.Pattern
    change_column: regex.Pattern
    rate_column: regex.Pattern
    total_column: regex.Pattern
    code: regex.Pattern
    prose: regex.Pattern
    passed_line: regex.Pattern  # a screen-reader or phone note between a unit and its rows
    index_code: regex.Pattern
    rate_row: regex.Pattern
    year_word_after: regex.Pattern
    label_words: regex.Pattern
    particle_after: regex.Pattern
    name_line: regex.Pattern
    currencies: dict


def unit_forms(words: Tables) -> UnitForms:
    return _unit_forms(_section_json(words, "units"))


@lru_cache(maxsize=32)
def _unit_forms(table_json: str) -> UnitForms:
    table = json.loads(table_json)
    return UnitForms(**compiled_patterns(table), currencies=dict(table["currencies"]))


@dataclass(frozen=True)
class DateForms:
    """How a document states its own date: [dates] in forms.toml."""

    head_lines: int
    keys: dict  # header keyword -> preference (lower wins)
    keyed: regex.Pattern
    bare: regex.Pattern


def date_forms(words: Tables) -> DateForms:
    return _memo(words, "date_forms", lambda: _date_forms(_section_json(words, "dates")))


@lru_cache(maxsize=32)
def _date_forms(table_json: str) -> DateForms:
    table = json.loads(table_json)
    keys = {str(k): int(v) for k, v in table.get("keys", {}).items()}
    table.setdefault("fragments", {})["KEYS"] = alternation(keys) or "(?!)"
    return DateForms(int(table.get("head_lines", 40)), keys, **compiled_patterns(table))


@dataclass(frozen=True)
class SentenceForms:
    """Where a sentence ends: [sentences] in forms.toml."""

    end: regex.Pattern
    end_reverse: regex.Pattern
    script_end: regex.Pattern  # in text broken a few words a line: . ! ? and blank lines only
    script_end_reverse: regex.Pattern
    line_closed: regex.Pattern  # a line that ends a sentence
    line_prose: regex.Pattern  # a line of running prose
    script_lines: int
    script_share: float
    script_width: int


def sentence_forms(words: Tables) -> SentenceForms:
    return _memo(words, "sentences", lambda: _sentence_forms(_section_json(words, "sentences")))


@lru_cache(maxsize=32)
def _sentence_forms(table_json: str) -> SentenceForms:
    table = json.loads(table_json)
    fragments = {"S": S, "DOTS": DOTS, **table.get("fragments", {})}
    end = expand(table["patterns"]["end"], fragments)
    script = expand(table["patterns"].get("script_end", table["patterns"]["end"]), fragments)
    return SentenceForms(patterns.compile(end), patterns.compile("(?r)" + end), patterns.compile(script),
                         patterns.compile("(?r)" + script),
                         patterns.compile(table.get("line_closed", "(?!)")),
                         patterns.compile(table.get("line_prose", "(?!)")),
                         int(table.get("script_lines", 6)), float(table.get("script_share", 1.1)),
                         int(table.get("script_width", 0)))


@dataclass(frozen=True)
class AttachForms:
    """What ties structure to an amount in the pipeline: [attach] in forms.toml."""

    spent_then: regex.Pattern
    right_after: regex.Pattern
    item_then: regex.Pattern
    right_before: regex.Pattern
    total_words: tuple
    spent_labels: frozenset  # money nouns naming an amount spent ("4년간 사업비는 265억 원")
    average_before: regex.Pattern  # "평균 100억원": an average takes no period
    each_after: regex.Pattern  # "100억원씩": an amount each gets takes no period
    metro_header: regex.Pattern
    first_place: regex.Pattern  # group city: a metropolitan city, else a province
    clause_end: regex.Pattern  # "…조성하며, …": a period keeps to its clause's amounts
    own_bracket: regex.Pattern  # "국비 10억원(캠핑장, ’13~’14)": a bracket opened after an amount
    year_before: regex.Pattern  # "지난해 28억원, 올해 30억원": one year's figure takes no period
    respective_years: regex.Pattern  # "2004년과 2001년에 각각": years paired with the amounts before
    secured: regex.Pattern  # "…을 확보했다": money secured
    duration_then: regex.Pattern  # "5년간 국비 최대 …": between a duration and its amount
    year_topic: regex.Pattern = patterns.compile("(?!)")  # "…까지 …하며, 올해는 … 74억원": that year's
    list_total_before: regex.Pattern = patterns.compile("(?!)")  # "… 등 54개 사업에 248억"
    headline_joint: regex.Pattern = patterns.compile("(?!)")  # "430억 들여 … 건립…2022년 준공"
    new_topic: regex.Pattern = patterns.compile("(?!)")  # "…설치하고 전의지구도 …": another topic
    rate_pers: frozenset = frozenset()  # rates a period goes to when nothing else takes it
    rate_pers_uncapped: frozenset = frozenset()  # …these only when no cap is written with them
    cell_then: regex.Pattern = patterns.compile("(?!)")  # "‘19~’23 | 104": a row's period cell
    cell_before: regex.Pattern = patterns.compile("(?!)")  # "| 104": the border before a cell
    built_after: regex.Pattern = patterns.compile("(?!)")  # "체육관(122억원)을 건립": a work's cost
    object_listed: regex.Pattern = patterns.compile("(?!)")  # "…에 8조원을, …에 1조원을 유치": the
    object_then: regex.Pattern = patterns.compile("(?!)")  # first of parallel objects, and the next
    item_gap: regex.Pattern = patterns.compile("(?!)")  # "…(270억원), 배후단지(443억원)": works' costs
    parts_then: regex.Pattern = patterns.compile("(?!)")  # " 등 총 ": parts listed, then their total
    closed_then: regex.Pattern = patterns.compile("(?!)")  # "기간(2010~2019) 60억원": a phase's money
    item_open: regex.Pattern = patterns.compile("(?!)")  # "성서행정타운(": a bracket after a name
    modifies_next: regex.Pattern = patterns.compile("(?!)")  # "2015년 개교예정인 …": one noun's
    item_period_then: regex.Pattern = patterns.compile("(?!)")  # "(2020년 5월 준공예정 7억원)"
    time_shift: regex.Pattern = patterns.compile("(?!)")  # "현재 2300억원이 투입됐으며": another time
    share_base: regex.Pattern = patterns.compile("(?!)")  # "…1조1천4백억원의 30%인 3천5백억원": a base
    stages_then: regex.Pattern = patterns.compile("(?!)")  # " 등 총 ": the stages' total right after them
    budget_after: regex.Pattern = patterns.compile("(?!)")  # "의 사업비로": the project's budget
    line_ends: regex.Pattern = patterns.compile("(?!)")  # "…50곳 3년간 5천억⏎": a headline's noun
    twin_open: regex.Pattern = patterns.compile("(?!)")  # "127억달러(": the same money in won next
    gapped_subject: regex.Pattern = patterns.compile("(?!)")  # "…도서관을, 한국국토정보공사는 ": another's clause
    respective_before: regex.Pattern = patterns.compile("(?!)")  # "각각 ": amounts in the order named
    effect_after: regex.Pattern = patterns.compile("(?!)")  # "의 생산유발": an economic effect, not spent


# [attach] patterns a table may leave out: absent, they never match
_ATTACH_OPTIONAL = ("secured", "duration_then", "average_before", "each_after", "clause_end",
                    "own_bracket", "year_before", "year_topic", "list_total_before", "headline_joint",
                    "new_topic", "respective_years", "cell_then", "cell_before", "built_after",
                    "object_listed", "object_then", "item_gap", "closed_then", "item_open",
                    "modifies_next", "item_period_then", "time_shift", "share_base", "stages_then", "budget_after",
                    "line_ends", "twin_open", "gapped_subject", "parts_then",
                    "respective_before", "effect_after")


def attach_forms(words: Tables) -> AttachForms:
    return _memo(words, "attach_forms", lambda: _attach_forms(
        _section_json(words, "attach"), tuple(words.metropolitan), tuple(words.provinces),
        tuple(words.districts), tuple(words.municipalities), tuple(words.municipality_after)))


@lru_cache(maxsize=32)
def _attach_forms(table_json: str, cities: tuple, provinces: tuple, districts: tuple = (),
                  municipalities: tuple = (), municipality_after: tuple = ()) -> AttachForms:
    table = json.loads(table_json)
    names = alternation(cities) or "(?!)"
    not_after = alternation(table.get("not_place_after", ()))
    district = (rf"|(?:{alternation(districts)})(?=청|는|은|가|이|의|와|에|\s|,)"
                if districts else "")
    towns = (rf"|(?:{alternation(municipalities)})(?=(?:{alternation(municipality_after)}))"
             if municipalities and municipality_after else "")
    province = alternation(provinces) or "(?!)"
    province_after = alternation(table.get("province_after", ()))
    if province_after:  # "경기장" is no place: a province's name then a letter only as listed
        province = rf"(?:{province})(?![가-힣])|(?:{province})(?={province_after})"
    first_place = (rf"(?<![가-힣])(?:(?P<city>{names}{district})|{province}{towns})"
                   + (rf"(?!{not_after})" if not_after else ""))
    return AttachForms(
        spent_then=patterns.compile(table["spent_then"]),
        right_after=patterns.compile(table["right_after"]),
        item_then=patterns.compile(table["item_then"]),
        right_before=patterns.compile(table["right_before"]),
        total_words=tuple(table["total_words"]),
        spent_labels=frozenset(table.get("spent_labels", ())),
        metro_header=patterns.compile(expand(table["metro_header"], {"NAMES": names})),
        first_place=patterns.compile(first_place),
        rate_pers=frozenset(table.get("rate_pers", ())),
        rate_pers_uncapped=frozenset(table.get("rate_pers_uncapped", ())),
        **{name: patterns.compile(table.get(name, "(?!)")) for name in _ATTACH_OPTIONAL},
    )
