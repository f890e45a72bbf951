"""The record finder's speed mechanisms (issue 19, seventh pass) give what the plain ways give:
the place rules' word skip, the literal lists written as trees, the hints read last first, and
the remembered token readings.  (No timings here: benchmarks/README.md has the figures.)"""

from __future__ import annotations

import dataclasses
import json
import random
import re
from pathlib import Path

import pytest

import fundparse
from fundparse.records import tokens
from fundparse.records.find import Finder
from fundparse.records.shared import NearOffsets, Offsets
from fundparse.records.words import _alternation, _literals, _tree, record_words

ROOT = Path(__file__).resolve().parent.parent
DOCS = sorted((ROOT / "corpus" / "docs").rglob("*.txt"))[:24]

TEXT = (
    "구미시는 산동읍 일원에 총사업비 120억 원을 들여 ‘구미 스마트 체육관’을 건립한다.\n"
    "시는 지난해 ‘생활SOC 복합화 공모사업’에 선정돼 국비 40억 원을 확보했다.\n\n"
    "한편 ㈜한빛건설은 진해구 석동의 진해기적의도서관에 2억원을 기부했다. 이 도서관은 "
    "내년 3월 문을 연다.\n\n"
    "충북 영동군은 영동읍 부용리 200번지 일원 1만5000㎡에 파크골프장을 조성한다. 사업비는 "
    "25억 원이다. 군은 공음면 농촌중심지활성화사업과 성송면 기초생활거점 사업도 추진한다.\n"
)


def _texts() -> list[str]:
    return [TEXT] + [p.read_text(encoding="utf-8") for p in DOCS]


def _sentences(finder: Finder, text: str):
    at, out = 0, []
    while at < len(text):
        span = finder._sentence(at)
        if span[1] > span[0]:
            out.append(span)
        at = max(span[1], at + 1)
    return out


def test_regions_skip_no_word_a_rule_reads(monkeypatch):
    """regions() with the inert-word skip finds what it finds reading every word."""
    vocab = record_words("{}")
    for text in _texts():
        finder = Finder(text, vocab)
        spans = _sentences(finder, text)
        fast = [finder.regions(finder._words(a, b)) for a, b in spans]
        monkeypatch.setattr(Finder, "_inert", lambda self, w: False)
        slow = [finder.regions(finder._words(a, b)) for a, b in spans]
        monkeypatch.undo()
        assert fast == slow


@pytest.mark.parametrize("words", [
    ["시", "군", "구", "광역시", "특별시", "특별자치시", "교육청", "교육지원청"],
    ["에", "에서", "에는", "에서는", "에도", "에서도"],
    [" 주식회사", "(주)", "㈜", "(株)"],
    ["LH", "K-water", "KT", "KOTRA", "KORAIL"],
    ["''", "‘", "<", "《", "사업", "조성사업", "사업장", "공사", "공사비"],
])
def test_literal_trees_match_as_alternations(words):
    """A tree of literal words matches at every offset what their longest-first alternation
    matches, alone or inside a larger pattern."""
    rng = random.Random(19)
    pieces = words + ["가", " ", "는", ",", "시청", "A", "("]
    flat = re.compile(f"(?:{_alternation(words)})")
    tree = re.compile(f"(?:{_literals(words)})")
    flat_in = re.compile(rf"[가-힣]{{0,3}}?(?:{_alternation(words)})(?:은|는)?(?=[\s,])")
    tree_in = re.compile(rf"[가-힣]{{0,3}}?(?:{_tree(sorted(set(words)))})(?:은|는)?(?=[\s,])")
    for _ in range(3000):
        s = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 14)))
        for a, b in ((flat, tree), (flat_in, tree_in)):
            assert [m.span() for m in a.finditer(s)] == [m.span() for m in b.finditer(s)], s


def test_body_patterns_same_as_flat(monkeypatch):
    """The vocabulary's body patterns built with trees find the same bodies as with flat
    alternations (each match and its groups)."""
    from fundparse.records import words as module

    tree_words = record_words("{}")
    module.record_words.cache_clear()
    monkeypatch.setattr(module, "_literals", _alternation)
    flat_words = module.record_words("{}")
    monkeypatch.undo()
    module.record_words.cache_clear()
    for name in ("agency", "mention", "owner", "headline", "bare", "issuer", "region_hint",
                 "project_hint"):
        for text in _texts():
            a = [(m.span(), m.groupdict()) for m in getattr(flat_words, name).finditer(text)]
            b = [(m.span(), m.groupdict()) for m in getattr(tree_words, name).finditer(text)]
            assert a == b, name


def test_hints_backwards_as_reversed_between():
    """NearOffsets.backwards gives reversed(between()), whatever was read before."""
    vocab = record_words("{}")
    rng = random.Random(7)
    for text in _texts()[:8]:
        near = NearOffsets(vocab.project_hint, text, block=64)
        whole = Offsets(vocab.project_hint, text)
        for _ in range(60):
            lo = rng.randrange(len(text))
            hi = min(len(text), lo + rng.randint(0, 900))
            want = list(reversed(whole.between(lo, hi)))
            got = list(near.backwards(lo, hi))
            assert got == want
            # a reader that stops early: the next reads are still whole
            for k, _ in enumerate(near.backwards(lo, hi)):
                if k == 2:
                    break


def test_token_readings_remembered_give_the_same_words():
    vocab = record_words("{}")
    for text in _texts()[:8]:
        finder = Finder(text, vocab)
        first = finder._words(0, len(text))
        tokens._READ.clear()
        again = finder._words(0, len(text))
        assert first == again and first


def test_extract_records_unchanged_on_the_sample():
    """The sample's records (a few of each: read by the finder end to end)."""
    records = [m.record for m in fundparse.extract(TEXT) if m.record is not None]
    assert records
    assert all(r.agency is not None for r in records)


def test_places_read_alone_are_the_places_read_with_names():
    """(ninth pass) ``_regions_in`` gives ``_found(…)[0]`` whether it is asked before, after
    or without ``_found``; the names found after it are those found without it."""
    vocab = record_words("{}")
    for text in _texts():
        plain, first, after = Finder(text, vocab), Finder(text, vocab), Finder(text, vocab)
        for a, b in _sentences(plain, text):
            want = plain._found(a, b)
            assert first._regions_in(a, b) == want[0]
            assert first._found(a, b) == want
            assert after._found(a, b) == want
            assert after._regions_in(a, b) == want[0]


def test_names_lie_in_their_sentence_spaces_aside():
    """(ninth pass) ``_fuller_before`` passes over a sentence whose text without spaces does
    not hold the short name: exact because every name found in a sentence lies in it, so its
    letters without spaces are a piece of the sentence's letters without spaces."""
    vocab = record_words("{}")
    for text in _texts():
        finder = Finder(text, vocab)
        for a, b in _sentences(finder, text):
            letters = "".join(text[a:b].split())
            for f in finder._found(a, b)[1]:
                assert a <= f.start <= f.end <= b
                assert "".join(text[f.start:f.end].split()) in letters


def test_look_back_reads_remembered_are_read_again_the_same(monkeypatch):
    """(ninth pass) ``_read_back`` remembered per stretch and head gives the look-backs what
    reading each sentence afresh gives."""
    vocab = record_words("{}")
    fresh = Finder._read_back

    def unremembered(self, lo, hi, head):
        self._back_cache.clear()
        return fresh(self, lo, hi, head)

    for text in _texts():
        fast = Finder(text, vocab)
        spans = _sentences(fast, text)
        want = [(fast._earlier(a), fast._earlier(a, True), fast._earlier(a, True, "센터"))
                for a, _ in spans]
        monkeypatch.setattr(Finder, "_read_back", unremembered)
        slow = Finder(text, vocab)
        got = [(slow._earlier(a), slow._earlier(a, True), slow._earlier(a, True, "센터"))
               for a, _ in spans]
        monkeypatch.undo()
        assert want == got


def _agency_key(matches):
    return [(m.span(), m.groupdict()) for m in matches]


def test_agency_read_by_paragraphs_finds_the_whole_texts_matches():
    """(ninth pass) The named bodies searched only in the paragraphs holding their cue give
    the whole text's matches: the sample and corpus texts, and random texts made of heads,
    particles, company marks, latin names, brackets and runs of spaces and line breaks."""
    vocab = record_words("{}")
    agency = vocab.data["agency"]
    pieces = (agency["heads"] + agency["short_heads"] + agency["latin"] + agency["company_marks"]
              + agency["particles"] + agency["sources"] + agency["also_particles"]
              + ["구미", "영동", "한빛", "센터", "사업", "(LH)", "(가칭)", "주식회사", "도",
                 " ", " ", "  ", "\n", "\n\n", "\n \n", "\t", ",", ".", "(", ")", "A", "9"])
    rng = random.Random(19)
    texts = _texts() + ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 400)))
                        for _ in range(3000)]
    for text in texts:
        finder = Finder(text, vocab)
        assert _agency_key(finder._agency_matches()) == _agency_key(vocab.agency.finditer(text))


def test_officials_read_by_paragraphs_find_the_whole_texts_matches():
    """(twelfth pass) The bodies' heads speaking ("… 원주시장은") searched only in the
    paragraphs holding what follows each match (``official_cue``) give the whole text's
    matches: the sample and corpus texts, those texts with officials' lines inserted, and
    random texts made of names, bodies, titles, particles and runs of spaces and breaks."""
    vocab = record_words("{}")
    agency = vocab.data["agency"]
    assert vocab.official_cue is not None  # (the words of records.toml are letters only)
    titles = [t for t, _ in agency["official_titles"]] + agency["official_apart"]
    bodies = [a + b for a in ("원주", "부안", "영동", "가", "나다라마바사아자차")
              for b in agency["bare"]]
    people = ["원창묵", "홍길", "김", "남궁민수"]
    pieces = (titles + bodies + people + agency["official_particles"] + agency["bare"]
              + [h for _, h in agency["official_titles"]]
              + [" ", " ", "  ", "\n", "\n\n", "\n \n", "\n\u3000\n", "\t", "\u3000", ",",
                 ".", "(", "A", "9", "의", "부", "장"])
    spaces = [" ", " ", "\n", "\n\n", "\n \n", "\t", "\u3000", ""]
    rng = random.Random(12)

    def official() -> str:  # one of the forms, its space or particle sometimes another
        if rng.random() < 0.4:
            said = rng.choice(bodies) + rng.choice(spaces) + rng.choice(agency["official_apart"])
        else:
            title, head = rng.choice(agency["official_titles"])
            said = (rng.choice(people) + rng.choice(spaces) + rng.choice(["원주", "가", "영동"])
                    + head + title)
        return said + rng.choice(agency["official_particles"]) + rng.choice(spaces)

    lines = ["".join(rng.choice(pieces) for _ in range(rng.randint(3, 12))) for _ in range(60)]
    texts = _texts() + ["".join(official() if rng.random() < 0.3 else rng.choice(pieces)
                                for _ in range(rng.randint(1, 300)))
                        for _ in range(3000)]
    for text in _texts():
        at = sorted(rng.randrange(len(text) + 1) for _ in range(20))
        parts = [text[a:b] for a, b in zip([0] + at, at + [len(text)])]
        texts.append("".join(p + rng.choice(lines) + official() for p in parts))
    found = 0
    for text in texts:
        want = _agency_key(vocab.official.finditer(text))
        found += len(want)
        assert _agency_key(Finder(text, vocab)._official_matches()) == want
    assert found > 1000  # (the random texts do hold matches)


def test_official_cue_only_for_words_of_letters():
    """A word of the lists that is not letters only (a space in it) gives no cue: the whole
    text is searched, as before."""
    from fundparse.records.words import _official_cue

    agency = record_words("{}").data["agency"]
    assert _official_cue(agency) is not None
    assert _official_cue({**agency, "bare": agency["bare"] + ["시 청"]}) is None
    assert _official_cue({**agency, "official_particles": ["은\n"]}) is None


def _route_key(matches):
    return [(m.span(), m.groupdict()) for m in matches]


def test_routes_found_once_and_only_where_a_mark_is():
    """(twelfth pass) ``_routes`` (remembered per stretch, searched only when the stretch
    holds a route mark, or a from-word and a to-word) gives ``route``'s matches in every
    sentence and random stretch of the sample and corpus texts, those texts with stretches
    inserted, and random texts made of names, marks, from/to words and spaces."""
    vocab = record_words("{}")
    region = vocab.region
    words = ["포항", "영덕", "울진", "성동 건널목", "계림 성당", "올해", "내년", "A", "·", "2020년"]
    pieces = (words + region["route_marks"] + region["route_after"] + region["route_from"]
              + region["route_to"] + region["route_particles"]
              + [" ", " ", "\n", ",", ".", "동해중부선", "도로"])
    rng = random.Random(12)
    texts = _texts() + ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 200)))
                        for _ in range(2000)]
    stretches = ["".join(rng.choice(pieces) for _ in range(rng.randint(3, 10)))
                 for _ in range(60)]
    for text in _texts():
        at = sorted(rng.randrange(len(text) + 1) for _ in range(20))
        parts = [text[a:b] for a, b in zip([0] + at, at + [len(text)])]
        texts.append("".join(p + rng.choice(stretches) for p in parts))
    found = skipped = 0
    for text in texts:
        finder = Finder(text, vocab)
        spans = _sentences(finder, text) + [
            tuple(sorted(rng.randrange(len(text) + 1) for _ in range(2))) for _ in range(5)]
        for lo, hi in spans + spans:  # (the second time from the memory)
            want = _route_key(vocab.route.finditer(text, lo, hi))
            assert _route_key(finder._routes(lo, hi)) == want
            found += len(want)
            skipped += not finder._may_route(lo, hi)
    assert found > 1000 and skipped > 1000, (found, skipped)


def test_routes_searched_everywhere_when_a_list_is_empty():
    """An empty list of marks, or an empty word in one, gives no gate (an empty alternation
    matches anywhere)."""
    base = record_words("{}")
    for region in ({**base.region, "route_marks": []},
                   {**base.region, "route_from": base.region["route_from"] + [""]}):
        vocab = dataclasses.replace(base, data={**base.data, "region": region})
        assert vocab.region is region
        assert Finder("포항 영덕", vocab)._may_route(0, 5)


def _bodies_texts(rng: random.Random, count: int) -> list[str]:
    """Random texts of bodies (higher ones, heads, marks, latin names), 의, particles, quotation
    marks and every kind of space, line break and blank line."""
    agency = record_words("{}").data["agency"]
    pieces = (agency["heads"] + agency["short_heads"] + agency["upper"][:8]
              + agency["upper_heads"] + agency["latin"] + agency["short_names"]
              + agency["company_marks"] + agency["particles"] + agency["bare"]
              + ["구미", "영동", "천안", "한빛", "센터", "사업", "(LH)", "주식회사", "의", "의 ",
                 "‘", "'", "「", " ", " ", "  ", "\n", "\n\n", "\n \n", "\n\u3000\n", "\n\t\n",
                 "\t", "\u3000", ",", "·", ".", "(", ")", "A", "9", "시는 ", "군은 "])
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 300)))
            for _ in range(count)]


def test_bodies_searched_by_paragraphs_find_the_stretchs_matches():
    """(fourteenth pass) ``mention`` and ``owner`` searched piece by piece, a stretch cut right
    after each blank line in it, find the matches of the stretch searched whole: random
    stretches of the sample and corpus texts and of random texts of bodies and blank lines."""
    vocab = record_words("{}")
    assert vocab.bodies_in_paragraphs  # (the words of records.toml allow it)
    rng = random.Random(14)
    texts = _texts() + _bodies_texts(rng, 2500)
    found = cut = 0
    for text in texts:
        finder = Finder(text, vocab)
        for _ in range(4 if len(text) < 1000 else 40):
            hi = rng.randrange(len(text) + 1)
            lo = max(0, hi - rng.randint(0, 3000))
            pieces = finder._paragraphs_back(lo, hi)
            assert [p for piece in reversed(pieces) for p in piece] == sorted(
                p for piece in pieces for p in piece)
            assert pieces == [] or (pieces[-1][0] == lo and pieces[0][1] == hi)
            cut += len(pieces) > 1
            for pattern in (vocab.mention, vocab.owner):
                want = _agency_key(pattern.finditer(text, lo, hi))
                got = _agency_key(m for a, b in reversed(pieces)
                                  for m in pattern.finditer(text, a, b))
                assert got == want, (text[lo:hi],)
                found += len(want)
    assert found > 2000 and cut > 2000, (found, cut)


def test_bare_bodies_resolved_by_paragraphs_as_whole(monkeypatch):
    """(fourteenth pass) "시는", "군은" resolve to the same body when the 3,000 characters
    before are searched paragraph by paragraph from the last, only where ``body_end`` is, and
    the bodies named as subjects are read last first one by one, as when searched whole."""
    vocab = record_words("{}")
    rng = random.Random(41)
    texts = _texts() + _bodies_texts(rng, 3000)
    fast, cut = [], 0
    pieces = Finder._paragraphs_back

    def counted(self, lo, hi):
        nonlocal cut
        out = pieces(self, lo, hi)
        cut += len(out) > 1
        return out

    monkeypatch.setattr(Finder, "_paragraphs_back", counted)
    for text in texts:
        finder = Finder(text, vocab)
        fast.append([finder._resolve_once(b) for b in finder._bare(0, len(text))])
    from fundparse.records.words import RecordWords

    monkeypatch.setattr(Finder, "_paragraphs_back", lambda self, lo, hi: [(lo, hi)])
    monkeypatch.setattr(RecordWords, "body_end", lambda self, last: None)
    monkeypatch.setattr(Finder, "_named_back",
                        lambda self, lo, hi: iter(list(reversed(self._named(lo, hi)))))
    resolved = 0
    for text, want in zip(texts, fast):
        finder = Finder(text, vocab)
        assert [finder._resolve_once(b) for b in finder._bare(0, len(text))] == want
        resolved += sum(r is not None for r in want)
    assert resolved > 400 and cut > 400, (resolved, cut)


def test_bodies_not_by_paragraphs_for_words_that_may_hold_a_blank_line():
    """A word that could put two whitespace characters in a row into a match gives no cut:
    the stretch is searched whole, as before."""
    from fundparse.records.words import _bodies_in_paragraphs

    data = record_words("{}").data
    agency = data["agency"]
    assert _bodies_in_paragraphs(data)
    for key, word in (("heads", "센터 "), ("upper", " 충북"), ("upper_heads", ""),
                      ("latin", "K\nT"), ("short_names", "한  전"), ("company_marks", "㈜\t"),
                      ("company_marks", "주식회사 "), ("heads", "센\u3000터")):
        assert not _bodies_in_paragraphs({**data, "agency": {**agency,
                                                             key: agency[key] + [word]}}), word
    assert not _bodies_in_paragraphs({**data, "grammar": {**data["grammar"], "of": r"의\s"}})
    assert not _bodies_in_paragraphs({**data, "grammar": {**data["grammar"], "hangul": r"가-힣\s"}})
    vocab = dataclasses.replace(record_words("{}"), data={
        **data, "agency": {**agency, "heads": agency["heads"] + ["센터 "]}})
    assert Finder("시는 \n\n군은 ", vocab)._paragraphs_back(0, 8) == [(0, 8)]


def test_body_end_is_in_every_stretch_holding_such_a_body():
    """(fourteenth pass) Every match of ``mention`` or ``owner`` in a stretch whose name's last
    word ends in a character has ``body_end`` of that character in the stretch too."""
    vocab = record_words("{}")
    rng = random.Random(19)
    lasts = sorted({b[0] for b in vocab.data["agency"]["bare"]} | {"청", "사", "T", ")"})
    checked = 0
    for text in _texts() + _bodies_texts(rng, 2000):
        for _ in range(4 if len(text) < 1000 else 40):
            hi = rng.randrange(len(text) + 1)
            lo = max(0, hi - rng.randint(0, 600))
            for pattern in (vocab.mention, vocab.owner):
                for m in pattern.finditer(text, lo, hi):
                    words = m.group("name").split()
                    for last in lasts:
                        if words and words[-1].endswith(last):
                            assert vocab.body_end(last).search(text, lo, hi), m.group()
                            checked += 1
    assert checked > 2000, checked
    assert dataclasses.replace(vocab, data={
        **vocab.data, "grammar": {**vocab.data["grammar"], "of": r"의\s"}}).body_end("시") is None


def test_named_bodies_backwards_as_reversed():
    """(fourteenth pass) ``_named_back`` gives ``reversed(_named(…))``."""
    vocab = record_words("{}")
    rng = random.Random(5)
    for text in _texts() + _bodies_texts(rng, 300):
        finder = Finder(text, vocab)
        for _ in range(30):
            lo = rng.randrange(len(text) + 1)
            hi = min(len(text), lo + rng.randint(0, 25000))
            assert list(finder._named_back(lo, hi)) == list(reversed(finder._named(lo, hi)))


def test_owner_read_by_paragraphs_where_one_may_end_as_whole(monkeypatch):
    """(fourteenth pass) ``_owner`` reading only the paragraphs holding ``owner_end``, first
    to last, finds the body it finds searching the 1,500 characters before whole; and every
    match of ``owner`` in a stretch has ``owner_end`` in the stretch."""
    from fundparse.records.words import RecordWords

    vocab = record_words("{}")
    rng = random.Random(23)
    texts = _texts() + _bodies_texts(rng, 2500)
    checked = 0
    for text in texts:
        for _ in range(4 if len(text) < 1000 else 40):
            hi = rng.randrange(len(text) + 1)
            lo = max(0, hi - rng.randint(0, 600))
            for m in vocab.owner.finditer(text, lo, hi):
                assert vocab.owner_end.search(text, lo, hi) is not None, m.group()
                checked += 1
    assert checked > 1000, checked
    ats = [sorted({rng.randrange(len(text) + 1) for _ in range(12)}) for text in texts]
    fast = [[Finder(text, vocab)._owner(at) for at in points] for text, points in zip(texts, ats)]
    monkeypatch.setattr(Finder, "_paragraphs_back", lambda self, lo, hi: [(lo, hi)])
    monkeypatch.setattr(RecordWords, "owner_end", property(lambda self: re.compile("")))
    owned = 0
    for text, points, want in zip(texts, ats, fast):
        finder = Finder(text, vocab)
        assert [finder._owner(at) for at in points] == want
        owned += sum(o is not None for o in want)
    assert owned > 500, owned


def test_bare_bodies_found_where_their_cue_is_as_whole():
    """(fourteenth pass) The bare subjects ("시는", "군은") tried only where ``bare_cue`` (the
    pattern without its look-behind) matches are the whole text's matches: the sample and
    corpus texts, and random texts of bodies, bare words, particles, brackets and spaces; an
    empty bare word gives no cue."""
    vocab = record_words("{}")
    rng = random.Random(31)
    agency = vocab.data["agency"]
    extra = agency["bare"] + agency["particles"] + ["(시장 권한대행)", "(", ")", "시청", "청"]
    texts = _texts() + _bodies_texts(rng, 2000) + [
        "".join(rng.choice(extra + [" ", ",", "\n", "가", "A"]) for _ in range(rng.randint(1, 80)))
        for _ in range(2000)]
    found = 0
    for text in texts:
        want = _agency_key(vocab.bare.finditer(text))
        assert _agency_key(Finder(text, vocab)._bare_matches()) == want
        found += len(want)
    assert found > 1000, found
    from fundparse.records import words as module

    module.record_words.cache_clear()
    try:
        emptied = module.record_words(json.dumps(
            {"records": {"agency": {"bare": agency["bare"] + [""]}}}))
    finally:
        module.record_words.cache_clear()
    assert emptied.bare_cue is None


def test_company_marks_found_once_as_by_paragraph():
    """(fourteenth pass) A paragraph holds a company's mark by the marks found once over the
    whole text exactly when ``str.find`` finds one in it, paragraphs asked in text order
    (marks overlapping, touching the paragraph's ends, several in one); an empty mark gives no
    index."""
    vocab = record_words("{}")
    marks = vocab.agency_marks
    rng = random.Random(8)
    pieces = list(marks) + ["(", ")", "주", "식", "회사", " ", "가", "\n", "\n\n"]
    texts = _texts() + ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 200)))
                        for _ in range(2000)]
    held = 0
    for text in texts:
        finder = Finder(text, vocab)
        marked = finder._marks_by_paragraph()
        cuts = sorted({0, len(text), *(rng.randrange(len(text) + 1) for _ in range(12))})
        for start, end in zip(cuts, cuts[1:]):
            want = any(text.find(mark, start, end) >= 0 for mark in marks)
            assert marked(start, end) == want, (text, start, end)
            held += want
    assert held > 1000, held
    vocab = dataclasses.replace(vocab, agency_marks=vocab.agency_marks + ("",))
    assert Finder("가", vocab)._marks_by_paragraph() is None


def test_counted_companies_written_digit_first_find_what_one_or_more_digits_find():
    """(fifteenth pass) ``counted`` opens with ``\\d\\d*``, not ``\\d+``, so that the standard
    library's engine skips to the next digit by its first character: the same matches (spans
    and text) over the sample and corpus texts and random texts of digits, count words,
    company kinds, Hangul, spaces and punctuation."""
    vocab = record_words("{}")
    counted = vocab._companies.counted
    assert counted.pattern.startswith(r"\d\d*")
    plain = re.compile(r"\d+" + counted.pattern[len(r"\d\d*"):], counted.flags)
    agency, grammar = vocab.data["agency"], vocab.data["grammar"]
    pieces = (["1", "2", "15", "300", "0", " ", "  ", ",", "·", "\n", "가", "A", "사업", "곳"]
              + agency["company_kinds"] + [grammar["count_word"], grammar["company_count"]]
              + [f"{n}{grammar['count_word']}{grammar['company_count']}" for n in ("2", "13")]
              + [f"{n}{grammar['count_word']} {k}" for n in ("3", "10") for k in agency["company_kinds"]])
    rng = random.Random(1915)
    texts = _texts() + ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 60)))
                        for _ in range(4000)]
    found = 0
    for text in texts:
        want = [(m.span(), m.group()) for m in plain.finditer(text)]
        assert [(m.span(), m.group()) for m in counted.finditer(text)] == want, text
        found += len(want)
    assert found > 1000, found


def _words_plain(text, start, end, is_head, extra=()):
    """``tokens.words`` as the fourteenth pass had it: the three characters before each word
    read for a tab or a line break, whatever the stretch holds."""
    out = []
    by_last = tokens._particles_by_last(extra) if extra else tokens._BY_LAST
    for m in tokens._RAW.finditer(text, start, end):
        raw = m.group()
        known = tokens._reading(raw, is_head, by_last)
        if known is None:
            continue
        lead, word, core, particle, quoted, cut, bullet = known
        raw_start, raw_end = m.span()
        s = raw_start + lead
        gap = text[max(start, raw_start - 3):raw_start]
        closed = cut or text[raw_end:raw_end + 1] in "([…"
        out.append(tokens.Word(word, s, s + len(word), core, s + len(core), particle, closed,
                               quoted, "\t" in gap or bullet
                               or ("\n" in gap and not tokens.wrapped(text, raw_start))))
    return out


def test_words_of_a_stretch_without_tabs_or_breaks_as_read_before():
    """(fifteenth pass) ``words`` reads the characters before each word only when its stretch
    holds a tab or a line break: the same words (offsets, particles, closed, quoted, apart) as
    the plain way over the sample and corpus texts, cut at random, and random texts of words,
    bullets, brackets, quotation marks, tabs, line breaks and long lines."""
    vocab = record_words("{}")
    finder = Finder(TEXT, vocab)
    rng = random.Random(1519)
    bullets = list("□■○●◦•▲△▷▶※-")
    pieces = (["사업", "도서관", "을", "는", "의", "에", "(", ")", "[", "]", "‘", "’", "“", "”", "\"",
               "…", ".", ",", " ", " ", " ", "\t", "\n", "\n\n", "  ", "양산일반산업단지(이하",
               "위해.제기동과", "2억원", "구미시", "x" * 40]
              + bullets)
    texts = _texts() + ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 80)))
                        for _ in range(3000)]
    read = 0
    for text in texts:
        cuts = [(0, len(text))] + [tuple(sorted((rng.randint(0, len(text)),
                                                 rng.randint(0, len(text))))) for _ in range(4)]
        for start, end in cuts:
            for is_head, extra in ((finder._is_head, finder.copula), (lambda c: True, ()),
                                   (lambda c: False, ())):
                want = _words_plain(text, start, end, is_head, extra)
                assert tokens.words(text, start, end, is_head, extra) == want, (text, start, end)
                read += len(want)
    assert read > 20000, read


def _title_texts(rng: random.Random, count: int) -> list[str]:
    """Random texts of bodies glued to their heads' titles ([agency] title_bodies), bare
    subjects, spaces, commas, middle dots and blank lines."""
    agency = record_words("{}").data["agency"]
    titles = agency["title_bodies"]
    pieces = ([head + title for title, head in titles] + [title for title, _ in titles]
              + [head for _, head in titles] + agency["bare"] + agency["particles"]
              + ["새봄", "들녘", "김하나 ", "의원", " ", " ", ",", "·", "\n", "\n\n", "\t", "A"])
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 200)))
            for _ in range(count)]


def test_title_bodies_searched_only_where_a_body_and_its_title_stand(monkeypatch):
    """(fifteenth pass) A stretch holds a match of ``title_body`` only if it holds one of
    ``title_body_cues`` (a body's last letter and its title); a bare subject resolves to the
    same body when the pieces without one are not searched for it, over the sample, corpus
    and random texts; with no title bodies there is no cue and no match."""
    vocab = record_words("{}")
    assert vocab.title_body_cues
    rng = random.Random(1527)
    texts = _texts() + _title_texts(rng, 2500) + _bodies_texts(rng, 500)
    held = 0
    for text in texts:
        for _ in range(6):
            start = rng.randint(0, len(text))
            end = rng.randint(start, len(text))
            matches = list(vocab.title_body.finditer(text, start, end))
            if matches:
                assert any(text.find(c, start, end) >= 0 for c in vocab.title_body_cues)
                held += 1
    assert held > 1000, held
    fast = []
    for text in texts:
        finder = Finder(text, vocab)
        fast.append([finder._resolve_once(b) for b in finder._bare(0, len(text))])
    from fundparse.records.words import RecordWords

    monkeypatch.setitem(vocab.__dict__, "title_body_cues", ("",))  # every stretch searched
    assert RecordWords.title_body_cues.__get__(vocab) == ("",)
    titles = [title for title, _ in vocab.data["agency"]["title_bodies"]]
    resolved = titled = 0
    for text, want in zip(texts, fast):
        finder = Finder(text, vocab)
        assert [finder._resolve_once(b) for b in finder._bare(0, len(text))] == want
        resolved += sum(r is not None for r in want)
        titled += sum(r is not None and any(text.startswith(t, r.end) for t in titles)
                      for r in want)
    assert resolved > 200 and titled > 40, (resolved, titled)
