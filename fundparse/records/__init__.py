"""Funding records (issue 20): which agency funds which project where, per funded total; the
``projects`` view; the same project compared across releases.

The pipeline calls :func:`attach` once per document; nothing below the pipeline imports this
package.
"""

from __future__ import annotations


from fundparse.model import Mention
from fundparse.records.find import Finder
from fundparse.records.words import RecordWords, record_words
from fundparse.rules.tables import load_tables, source_key

__all__ = ["attach", "funded_total", "record_words"]


def _without_e(word: str, vocab: RecordWords) -> str:
    """"사업에" -> "사업"; a word without 에/에는/에도 -> "" ([patterns] e_particles)."""
    for particle in vocab.forms.e_particles:
        if word.endswith(particle) and len(word) > len(particle):
            return word[:-len(particle)]
    return ""


def funded_total(m: Mention, text: str, vocab: RecordWords, sources) -> bool:
    """A total that funds something: it has funding parts, a total's label (총사업비, 예산 …),
    총/모두 right before it, or a funding verb after it ("…을 투입해", "…이 투입된다")."""
    funded = vocab.data["funded"]
    if m.per is not None or (m.change is not None and not _bullet_item(m, text, vocab)):
        return False
    if m.splits:
        return True
    after = min(len(text), m.end + 340)
    if m.label is not None:
        if source_key(m.label) in sources:
            # 국비 50억 원: a part named on its own, unless it is what was won ("…을 확보했다")
            return vocab.source_verb.match(text, m.end, after) is not None
        if m.label in funded["labels"]:
            return True
    if m.label is None and vocab.of_label.match(text, m.end) is not None:
        return True  # "…77억원의 사업비로 …", "262억 원의 사업비를 들였으며"
    if m.label is None and vocab.of_project.match(text, m.end) is not None:
        return True  # "…342억 원의 농산어촌 종합정비사업을 추진 중으로"
    if m.label is None and _list_of_means(m, text, vocab):
        return True  # "…등 93건 357억 원 등의 재원을 확보했다"
    if m.label is None and vocab.of_project_cost.match(text, m.end) is not None:
        return True  # "1064억 원의 농업생산기반 정비사업 예산을 확보했다"
    before = text[max(0, m.start - 12):m.start].split()
    if before and any(before[-1] == w or before[-1].endswith(w) for w in funded["before"]):
        return True
    if (len(before) >= 2 and before[-1] in funded["after_sources"]
            and source_key(before[-2]) in sources):
        return True  # "국비 등 65억원을": the sources' total
    if before and before[-1] in funded["before_verbs"]:
        return True  # "…건립에 사용될 38억원을": a relative verb says what it is spent on
    if funded["in_brackets"] and before and text[m.start - 1:m.start] == "(" and (
            before[-1][:-1].rstrip(_CLOSING).endswith(vocab.sets.heads)
            or (funded["quoted_brackets"] and _quoted_before(text, m.start - 1, vocab))
            or (funded["after_action"] and text[m.end:m.end + 1] == ")"
                and (before[-1][:-1] in vocab.project["actions"]
                     or before[-1][:-1] in funded["after_action"]))):
        return True  # "…복합커뮤니티센터(116억 원, …)", "…교육지원청 신축(378억원)"
    if funded["in_brackets"] and _bracket_words(m, text, vocab):
        return True  # "…개보수 지원사업(전주시 등 21.9억원)": who shares it, then the total
    if funded.get("bracket_lists") and _bracket_list_item(m, text, vocab):
        return True  # "…병곡지구(477억 원), …평기지구(456억 원), …후포지구(414억 원)"
    glued = m.label if m.label is not None else (before[-1] if before else "")
    if glued and glued.isalnum() and source_key(glued) not in sources and any(
            len(glued) > len(w) and glued.endswith(w) and glued[:-len(w)] not in funded["before"]
            for w in funded.get("glued_labels", ())):
        return True  # "…조성사업비 6억원과": a cost label glued to the name
    if m.label is None and funded.get("of_sources") and _of_source(m, text, vocab, sources):
        return True  # "150억원의 국비와 도비를 확보했다": the amount of the sources won
    if funded["after_project"] and before and text[m.start - 1:m.start].isspace():
        if vocab.sets.project_name(before[-1].rstrip(_CLOSING)):
            return True  # "…조성사업 60억 원, …", "‘…정비사업’ 150억원": the project just named
        if (funded["action_after_head"] and len(before) >= 2
                and before[-1] in vocab.project["actions"]
                and before[-2].endswith(vocab.sets.heads)):
            return True  # "…청소년 수련관 건립 15억 등으로": a head, what is done to it
        target = _without_e(before[-1], vocab)
        if funded.get("quoted_items"):
            target = target.rstrip(_CLOSING)  # "‘…구축사업’에 200억 원, …": a quoted name's item
        if text[m.end:m.end + 1] == "," and target and target.endswith(vocab.sets.heads):
            return True  # "…사업에 80억 원, …사업에 140억 원": an item of a list
    if _item_of_copula(m, text, before, vocab):
        return True
    return (vocab.funded_verb.match(text, m.end, after) is not None
            or vocab.means.match(text, m.end, after) is not None)


_CLOSING = "’'\"”」』>》〉"


def _quoted_before(text: str, at: int, vocab: RecordWords) -> bool:
    """A quoted name closes right before ``at`` ("‘솔바람 길’(3억 원)"): its closing mark, and
    its opening mark within quoted_chars before it on the same line ([funded] quoted_brackets)."""
    close = text[at - 1:at]
    if not close or close not in _CLOSING:
        return False
    lo = max(0, at - 1 - int(vocab.data["funded"]["quoted_chars"]))
    inside = text[lo:at - 1]
    line = inside[inside.rfind("\n") + 1:]
    for pair in vocab.project["quotes"]:
        if pair[-1] == close and len(pair) == 2:
            k = line.rfind(pair[0])
            if k >= 0 and line[k + 1:].strip():
                return True
    return False


def _bulleted_item(m: Mention, text: str, lo: int, vocab: RecordWords, sources) -> bool:
    """An amount ending an item of a list opened by one of [project] list_bullets on its line
    (and after ``lo``, the amount before it), with a word of a project head or what is done in the
    item: "△디노팜랜드 조성 135억 원 △…", "▲신규마을조성사업-부여읍 정동리 20억 원 ▲…"
    ([funded] bullet_items)."""
    funded = vocab.data["funded"]
    if not funded["bullet_items"] or m.per is not None or m.change is not None:
        return False
    if m.label is not None and source_key(m.label) in sources:
        return False
    start = max(lo, text.rfind("\n", 0, m.start) + 1, m.start - int(funded["bullet_chars"]))
    item = text[start:m.start]
    k = max(item.rfind(b) for b in vocab.project["list_bullets"])
    if k < 0:
        return False
    words = item[k + 1:]
    for mark in vocab.data["agency"]["item_heads"]:
        words = words.replace(mark, " ")
    words = words.split()
    return bool(words) and any(w.rstrip(_CLOSING).endswith(vocab.sets.heads) for w in words)


def _same_bullets(a: Mention, b: Mention, text: str, vocab: RecordWords, sources,
                  lo: int = 0) -> bool:
    """``b`` opens the next item of the bulleted list whose item ``a`` ends: after ``a`` (and a
    comma or a bracket's close) one of [project] list_bullets, then only the item's words, within
    bullet_chars and the same sentence, before ``b`` — and ``a``'s own item opens with one too
    ([funded] bullet_lists).  Neither is a rate, a change or a source's part."""
    for m in (a, b):
        if m.per is not None or m.change is not None:
            return False
        if m.label is not None and source_key(m.label) in sources:
            return False
    limit = int(vocab.data["funded"]["bullet_chars"])
    between = text[a.end:b.start]
    if len(between) > limit:
        return False
    bullets = vocab.project["list_bullets"]
    marks = [k for k, ch in enumerate(between) if ch in bullets]
    if len(marks) != 1 or between[:marks[0]].strip(" \t\n,)") != "":
        return False
    item = between[marks[0] + 1:]
    if not item.strip() or vocab.sentence_end.search(item) is not None:
        return False
    # (``lo``: the end of the amount before ``a`` — an item holding another amount before its
    # own is a sum or a rate worked out: "○ … 400ha × 1,500,000원 = 600,000", "○ … 총사업비
    # 1,950,000 (연차별 650,000)")
    own = text[max(lo, a.start - limit):a.start]
    k = max(own.rfind(ch) for ch in bullets)
    return (k >= 0 and vocab.sentence_end.search(own, k) is None
            and not any(ch in bullets for ch in own[k + 1:]))


def _item_of_copula(m: Mention, text: str, before: list[str], vocab: RecordWords) -> bool:
    """"사업별로보면 곽지리 종합개발이 10억원, 송당리 특화개발이 18억원": an amount said of a
    project named as the subject right before it, then a list's comma or a copula; or, in a
    sentence whose topic is a cost ("사업비는", "예산은"), an amount the sentence closes with
    a copula ("…245개 구간에 2조7천169억원이다") — [funded] copula_links, copula_topics."""
    funded = vocab.data["funded"]
    links = funded["copula_links"]
    if not links or m.label is not None:
        return False
    tail = text[m.end:m.end + 8]
    if not tail.startswith(tuple(links)):
        return False
    if before and before[-1][-1:] in funded["copula_subjects"] and len(before[-1]) > 2:
        stem = before[-1][:-1]
        if vocab.sets.project_name(stem) or vocab.sets.facility(stem):
            return True
    if not tail.startswith(tuple(funded["copula_ends"])):
        return False
    lo = max(0, m.start - 200)
    ends = list(vocab.sentence_end.finditer(text, lo, m.start))
    clause = text[ends[-1].end() if ends else lo:m.start]
    return any(t in clause for t in funded["copula_topics"])


def _bullet_item(m: Mention, text: str, vocab: RecordWords) -> bool:
    """A decrease read from a mark that opens an item of a list ("산청군은 대표적으로 △450억원이
    투입돼 … △330억원 규모의 …"): the mark right before the amount, and on the same line another
    of the same mark before a word — the marks are bullets, not minus signs."""
    funded = vocab.data["funded"]
    if m.change != "decrease" or not funded["bullet_marks"]:
        return False
    k = m.start - 1
    while k >= 0 and text[k] in " \t":
        k -= 1
    if k < 0 or text[k] not in funded["bullet_marks"]:
        return False
    mark = text[k]
    line_start = text.rfind("\n", 0, k) + 1
    line_end = text.find("\n", m.end)
    line = text[line_start:len(text) if line_end < 0 else line_end]
    return any(vocab.forms.hangul.fullmatch(line[j + 1:].lstrip(" \t")[:1]) is not None
               for j in range(len(line)) if line[j] == mark)


def _list_of_means(m: Mention, text: str, vocab: RecordWords) -> bool:
    """The amount, one of [funded] list_of ("등의"), one of means_nouns with a particle, then one
    of verbs: "…등 93건 357억 원 등의 재원을 확보했다" — the last of a list of what was won."""
    funded = vocab.data["funded"]
    k = m.end + (1 if text[m.end:m.end + 1] == " " else 0)
    for lead in funded.get("list_of", ()):
        if not text.startswith(lead + " ", k):
            continue
        j = k + len(lead) + 1
        end = text.find(" ", j, j + 12)
        word = text[j:end] if end > 0 else ""
        if any(word.startswith(n) and len(word) > len(n) for n in funded["means_nouns"]):
            return vocab.funded_verb.match(text, end) is not None
    return False


def _sentence(text: str, at: int, end: int, vocab: RecordWords) -> tuple[int, int]:
    """The bounds of the sentence (within its line) holding ``at``…``end``."""
    lo = text.rfind("\n", 0, at) + 1
    hi = text.find("\n", end)
    hi = len(text) if hi < 0 else hi
    ends = list(vocab.sentence_end.finditer(text, lo, at))
    after = vocab.sentence_end.search(text, end, hi)
    return (ends[-1].end() if ends else lo), (after.end() if after else hi)


def _bracket_list_item(m: Mention, text: str, vocab: RecordWords) -> bool:
    """An amount alone in brackets right after an item's words (no space), in a sentence with at
    least [funded] bracket_lists_min such amounts: an item of a list of what each costs
    ("…병곡지구(477억 원), …평기지구(456억 원), …"; "△지방소멸대응기금(380억원) △…"), whatever the
    item's last word."""
    if m.label is not None or text[m.start - 1:m.start] != "(" or text[m.end:m.end + 1] != ")":
        return False
    if m.start < 2 or not vocab.forms.hangul.fullmatch(text[m.start - 2]) and not (
            text[m.start - 2].isalnum()):
        return False
    lo, hi = _sentence(text, m.start, m.end, vocab)
    own = sum(1 for _ in vocab.forms.own_amount.finditer(text, lo, hi))
    return own >= int(vocab.data["funded"]["bracket_lists_min"])


def _of_source(m: Mention, text: str, vocab: RecordWords, sources) -> bool:
    """The amount, 의, then a source's name with a particle ("150억원의 국비와 도비를
    확보했다", "35억 원의 국비를 조달"), then one of [funded] source_verbs: the sources won."""
    g = vocab.data["grammar"]
    k = m.end
    if text[k:k + 1].isspace():
        k += 1
    if not text.startswith(g["of"], k):
        return False
    k += len(g["of"])
    while k < len(text) and text[k] in " \t":
        k += 1
    word_end = k
    while word_end < len(text) and not text[word_end].isspace():
        word_end += 1
    word = text[k:word_end]
    for particle in vocab.data["funded"]["of_sources"]:
        if word.endswith(particle) and source_key(word[:-len(particle)]) in sources:
            return vocab.source_verb.match(text, word_end) is not None
    return False


def _bracket_words(m: Mention, text: str, vocab: RecordWords) -> bool:
    """An amount closing a bracket opened right after a project's name, with only a few plain
    words before it inside ("…지원사업(전주시 등 21.9억원)"; no source's label)."""
    if m.label is not None or text[m.end:m.end + 1] != ")":
        return False
    found = vocab.forms.bracket_words.search(text, max(0, m.start - 24), m.start)
    if found is None:
        return False
    name = text[max(0, found.start() - 40):found.start()].split()
    return bool(name) and name[-1].rstrip(_CLOSING).endswith(vocab.sets.heads)


def _listed(m: Mention, nxt: Mention, text: str, vocab: RecordWords, sources) -> bool:
    """``m`` is an item of a list whose next amount ``nxt`` is a funded total: "‘…’에 480억원,
    ‘…’ 150억원, …에 63억원이 투입된다", "…사업에 80억원 등 106억원이 투입될" (not a source's
    part, a rate, a change or a part of ``nxt``'s split)."""
    if m.per is not None or m.change is not None:
        return False
    if m.label is not None and source_key(m.label) in sources:
        return False
    funded = vocab.data["funded"]
    if nxt.start - m.end > funded["list_chars"] or vocab.list_link.match(text, m.end) is None:
        return False
    if any(p.start <= m.start < p.end for p in nxt.splits):
        return False
    return vocab.sentence_end.search(text, m.end, nxt.start) is None


def _listed_after(prev: Mention, m: Mention, text: str, vocab: RecordWords, sources) -> bool:
    """``m`` is the next item of a list whose item ``prev`` is funded: a list's comma right after
    ``prev`` (and its bracket), then only the item's words — one of them a project head or what is
    done — before ``m`` in the same sentence ("…조성 80억 원, 도시 재생 뉴딜 사업 83억 원, 갯골천
    경관 개선 25억 원 등이다"; [funded] list_after): not a source's part, a rate or a change."""
    if m.per is not None or m.change is not None or m.label is not None:
        return False
    funded = vocab.data["funded"]
    link = vocab.list_link.match(text, prev.end)
    if link is None or m.start - prev.end > int(funded["list_after_chars"]):
        return False
    if not text[prev.end:link.end()].rstrip().endswith(tuple(funded["list_after"])):
        return False
    if any(p.start <= m.start < p.end for p in prev.splits):
        return False
    between = text[link.end():m.start]
    if vocab.sentence_end.search(between) is not None or "(" in between or ")" in between:
        return False
    words = between.split()
    if not words or len(words) > int(vocab.project["max_words"]):
        return False
    if source_key(words[-1]) in sources:
        return False
    if funded.get("quoted_items"):
        words = [_without_e(w, vocab) or w for w in words]
        words = [w.rstrip(_CLOSING) for w in words]  # "‘… 전용단지’ 확대에 288억 원"
    return any(w.endswith(vocab.sets.heads) or w.endswith(tuple(vocab.project["actions"]))
               for w in words)


def _sum_of_projects(prev: Mention, m: Mention, text: str, vocab: RecordWords) -> bool:
    """"…사업에 26억원, …조성사업에 80억원 등 106억원": ``m`` sums a list whose last item
    ``prev`` is a project's amount (a name with a project head, or a quoted one, before it) —
    not the funding sources of one project ("국비 40억원, 산단공 60억원 등 총 105억원")."""
    if m.splits or prev.end < m.start - 12:
        return False
    if vocab.list_sum.search(text, prev.end - 1, m.start) is None:
        return False
    before = text[max(0, prev.start - 24):prev.start].split()
    if not before:
        return False
    word = before[-1]
    if word.rstrip(vocab.forms.chars_e_closing).endswith(tuple(_CLOSING)):
        return True  # "‘…정비사업’ 31억원", "‘…용역’에 13억원"
    if (_without_e(word, vocab) or word).endswith(vocab.sets.heads):
        return True
    if vocab.sets.facility(word):
        return True  # "…, 대지중 29억원으로 총 170억원": a list of schools' amounts
    # "△돌산항 정비사업 31억원 △낭도항 정비사업 기본 및 실시설계용역 13억원 등에 총 102억원": an
    # item opened by a list bullet whose name holds a project head
    item = text[max(0, prev.start - 40):prev.start]
    bullet = max(item.rfind(b) for b in vocab.project["list_bullets"])
    return bullet >= 0 and any((_without_e(w, vocab) or w).endswith(vocab.sets.heads)
                               for w in item[bullet + 1:].split())


_FIELDS = Mention.__slots__


def _with_record(m: Mention, record) -> Mention:
    """A copy of the frozen ``m`` with ``record`` set (copy.copy and dataclasses.replace are
    several times slower on a slotted dataclass)."""
    new = object.__new__(Mention)
    for name in _FIELDS:
        object.__setattr__(new, name, getattr(m, name))
    object.__setattr__(new, "record", record)
    return new


def attach(text: str, mentions: list[Mention], config) -> list[Mention]:
    """``mentions`` with a Record (agency, project, region) on each funded total."""
    if not mentions:
        return mentions
    data = config.data if config is not None else "{}"
    vocab = record_words(data)
    sources = load_tables(data).sources
    funded = [funded_total(m, text, vocab, sources) for m in mentions]
    for i in range(len(mentions) - 2, -1, -1):  # a list's items, from its funded last one
        if not funded[i] and funded[i + 1] and _listed(mentions[i], mentions[i + 1], text,
                                                       vocab, sources):
            funded[i] = True
    if vocab.data["funded"].get("list_after"):
        for i in range(1, len(mentions)):  # "…사업 80억 원, 도시 재생 사업 83억 원, …": next items
            if not funded[i] and funded[i - 1] and _listed_after(mentions[i - 1], mentions[i],
                                                                 text, vocab, sources):
                funded[i] = True
    # "…조성 2억원(50억원)": a larger amount in brackets right after another is the total of
    # what the first was named for (its record is read where the first amount stands)
    for i, m in enumerate(mentions):  # "△디노팜랜드 조성 135억 원 △…": a bulleted item's amount
        if not funded[i] and _bulleted_item(m, text, mentions[i - 1].end if i else 0, vocab,
                                            sources):
            funded[i] = True
    if vocab.data["funded"].get("bullet_lists"):
        # "▲…철도 3095억원 ▲수소자동차 보급 878억원 ▲…": the items of one bulleted list are read
        # alike — an item next to a funded one is funded, whatever its words
        pairs = list(range(1, len(mentions))) + list(range(len(mentions) - 1, 0, -1))
        for i in pairs:
            a, b = mentions[i - 1], mentions[i]
            lo = mentions[i - 2].end if i >= 2 else 0
            if funded[i - 1] != funded[i] and _same_bullets(a, b, text, vocab, sources, lo):
                funded[i - 1] = funded[i] = True
    at = [m.start for m in mentions]
    if vocab.data["funded"]["bracket_total"]:
        for i in range(1, len(mentions)):
            prev, m = mentions[i - 1], mentions[i]
            if (text[prev.end:m.start] == "(" and m.krw is not None and prev.krw is not None
                    and m.krw > prev.krw and m.per is None and m.change is None):
                funded[i], at[i] = True, prev.start
    finder: Finder | None = None
    out = []
    for i, (m, is_funded) in enumerate(zip(mentions, funded)):
        if is_funded:
            finder = finder or Finder(text, vocab)
            summed = i > 0 and _sum_of_projects(mentions[i - 1], m, text, vocab)
            m = _with_record(m, finder.record(at[i], m.end, summed))
        out.append(m)
    return out
