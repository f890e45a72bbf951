"""What the record finders share: a name or place found in a sentence (:class:`Found`), the
words of the rules, and the sentence and paragraph a funded total stands in."""

from __future__ import annotations

import bisect
from array import array
from collections.abc import Iterator
from dataclasses import dataclass

from fundparse import patterns
from fundparse.model import Span
from fundparse.records.tokens import Word, plain, words, wrapped
from fundparse.records.words import RecordWords, package_table
from fundparse.structure.sentences import Sentences

PARAGRAPH = patterns.compile(r"\n[ \t\u3000]*\n")
GLUED_END = patterns.compile(package_table("patterns")["glued_end"])  # "…했다.29일 …"
_ABBREVIATION = patterns.compile(r"\([A-Za-z&-]+\)$")
SPACE = patterns.compile(r"\s")
NAME_REACH = 160  # no body's name with its aside is longer


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


class Offsets:
    """Where a pattern matches in the text, in text order: found as far as asked (one search
    over the whole text, resumed — the same matches as searching it all at once) and forgotten
    behind the amounts (:meth:`forget_before`), so a long text never holds them all."""

    def __init__(self, pattern, text: str):
        self._matches = pattern.finditer(text)
        self._starts: array[int] = array("q")
        self._done = False
        self._forgotten = 0  # every offset before this is forgotten

    def between(self, lo: int, hi: int) -> array[int]:
        """The offsets in [lo, hi) (``lo`` not before what was forgotten)."""
        starts = self._starts
        while not self._done and (not starts or starts[-1] < hi):
            m = next(self._matches, None)
            if m is None:
                self._done = True
            else:
                starts.append(m.start())
        return starts[bisect.bisect_left(starts, lo):bisect.bisect_left(starts, hi)]

    def backwards(self, lo: int, hi: int) -> Iterator[int]:
        """The offsets in [lo, hi), last first."""
        return reversed(self.between(lo, hi))

    def forget_before(self, bound: int) -> None:
        if bound > self._forgotten:
            del self._starts[:bisect.bisect_left(self._starts, bound)]
            self._forgotten = bound


class NearOffsets:
    """:class:`Offsets` of a pattern whose matches never hold a space (words without one:
    the project heads), read only in blocks around the stretches asked for.  A match cannot
    run over a space, so a search begun right after one finds the whole text's matches from
    there on; each block of about ``block`` characters ends right after a space and is read
    once.  A text with no space for a block's length is read whole from the start instead
    (:class:`Offsets`).

    ``boundary`` (its match's end starts a block) may ask more of the place than a space
    before it, for a pattern whose matches may run over spaces only into what it rules out
    ("…동 에": a space then 에); ``margin`` is how far its lookahead reads past its match."""

    def __init__(self, pattern, text: str, block: int = 512, boundary=None, margin: int = 0):
        self._pattern, self._text, self._block = pattern, text, block
        self._boundary, self._margin = boundary or SPACE, margin
        self._bounds: dict[int, int] = {}  # block number -> where it starts
        self._starts: dict[int, list[int]] = {}  # block number -> the offsets in it
        self._whole: Offsets | None = None
        self._forgotten = 0

    def _bound(self, k: int) -> int | None:
        """Where block ``k`` starts: the first offset from k·block on right after a space
        (or the text's end); None when none comes within a block."""
        found = self._bounds.get(k)
        if found is None:
            at = k * self._block
            if at <= 0:
                found = 0
            elif at >= len(self._text):
                found = len(self._text)
            else:
                stop = at - 1 + self._block
                m = self._boundary.search(self._text, at - 1,
                                          min(len(self._text), stop + self._margin))
                if m is None or m.start() >= stop:
                    return None
                found = m.end()
            self._bounds[k] = found
        return found

    def between(self, lo: int, hi: int):
        """The offsets in [lo, hi) (``lo`` not before what was forgotten)."""
        if self._whole is None and hi > lo:
            out = self._blocks(lo, hi)
            if out is not None:
                return out
            self._whole = Offsets(self._pattern, self._text)
            self._whole.forget_before(self._forgotten)
        if self._whole is None:
            return []
        return self._whole.between(lo, hi)

    def backwards(self, lo: int, hi: int) -> Iterator[int]:
        """The offsets in [lo, hi), last first (``reversed(self.between(lo, hi))``): each
        block read only when the offsets after it are used up, so a reader that stops at the
        first it wants reads no further back."""
        if hi <= lo:
            return
        below = hi  # every offset in [below, hi) was given
        if self._whole is None:
            size = self._block
            k = (hi - 1) // size
            while True:
                a, b = self._bound(k), self._bound(k + 1)
                if a is None or b is None:
                    break  # no space for a block's length: the whole search, as between()
                starts = self._starts.get(k)
                if starts is None:
                    starts = self._starts[k] = [m.start() for m in
                                                self._pattern.finditer(self._text, a, b)]
                for x in reversed(starts):
                    if lo <= x < below:
                        yield x
                if a <= lo:
                    return
                below = min(below, a)
                k -= 1
            self._whole = Offsets(self._pattern, self._text)
            self._whole.forget_before(self._forgotten)
        yield from reversed(self._whole.between(lo, below))

    def _blocks(self, lo: int, hi: int) -> list[int] | None:
        size = self._block
        first, last = lo // size, (hi - 1) // size
        b = self._bound(first)
        if b is None:
            return None
        if b > lo:
            first -= 1
        out: list[int] = []
        for k in range(first, last + 1):
            starts = self._starts.get(k)
            if starts is None:
                a, b = self._bound(k), self._bound(k + 1)
                if a is None or b is None:
                    return None
                starts = self._starts[k] = [m.start() for m in
                                            self._pattern.finditer(self._text, a, b)]
            out.extend(x for x in starts if lo <= x < hi)
        return out

    def forget_before(self, bound: int) -> None:
        if bound > self._forgotten:
            self._forgotten = bound
            keep = bound // self._block - 1
            for cache in (self._starts, self._bounds):
                for k in [k for k in cache if k < keep]:
                    del cache[k]
            if self._whole is not None:
                self._whole.forget_before(bound)


class NearSentences(Sentences):
    """The text's sentences, those looked up far behind the amounts forgotten (a long text's
    lookups would otherwise all stay; a span is found again the same way if asked again)."""

    def forget_before(self, bound: int) -> None:
        found = self._found
        for offset in [k for k in found if k < bound]:
            del found[offset]


class Reader:
    """The text, its sentences and the words of the rules (records.toml), read once."""

    def __init__(self, text: str, vocab: RecordWords, sentences: Sentences | None = None):
        self.text = text
        self.w = vocab
        self.sentences = sentences or NearSentences(text)
        lex = vocab.sets
        self.heads, self.generic, self.actions = lex.heads, lex.generic, lex.actions
        self.bare_words, self.stop, self.around = lex.bare_words, lex.stop, lex.around
        # (… and kinds of funding programme, which name no one project alone: [project]
        # programme_kinds)
        self.which_words = frozenset(vocab.project["which_words"]) | frozenset(
            vocab.project.get("programme_kinds", ()))
        self.glued_ends = tuple(vocab.region["glued_ends"])
        self.district_ends = tuple(vocab.region["district_ends"])
        self.site_lead_ends = tuple(vocab.region["site_lead_ends"])
        self.body_places = bool(vocab.region["body_places"])
        self.joined_places = bool(vocab.region["joined_places"])
        # a local body's own name, not a village's: "구례군", "충주시"
        self.body_ends = tuple(e for e in vocab.region["lead_ends"]
                               if e not in vocab.region["site_lead_ends"])
        self.place_ends, self.inside, self.not_place = lex.place_ends, lex.inside, lex.not_place
        self.not_agency, self.bare_names = lex.not_agency, lex.bare
        self.not_agency_ends = lex.not_agency_ends
        self.not_place_ends = tuple(vocab.region["not_place_ends"])
        self.talked_sites = frozenset(vocab.region["talked_sites"])
        self.gone_on_ends = tuple(vocab.region["gone_on_ends"])
        self.talked_particles = frozenset(vocab.region["talked_particles"])
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
        self.parts_starts = tuple(w + " " for w in [vocab.project["parts_word"]]
                                  + vocab.project["parts_phrases"])
        self.clause_breaks_after = tuple(vocab.data["agency"]["clause_breaks"])
        self.sources = tuple(vocab.data["agency"]["sources"])
        self._is_head = lex.is_head  # remembered per configuration
        self._facility = lex.facility  # a school, port or airport by name: a place
        self._ends_in_head = lex.ends_in_head
        self._para_cache: dict[int, int] = {}
        self.verb_like_nouns = tuple(vocab.project["verb_like_nouns"])
        # "…에 따르면": [agency] sources read with 에 (a report told by a body)
        grammar = vocab.data["grammar"]
        self.of_particle, self.at_particle = grammar["of"], grammar["at"]
        self.also_particle, self.cost_suffix = grammar["also"], grammar["cost_suffix"]
        self.at_topic = grammar["at_topic"]  # "…센터에는": a topic of where
        self.mountain = vocab.region["mountain_lot"]  # "산 17의1", "산1-1번지"
        self.seat_units = tuple(vocab.region["seat_units"])  # "…읍사무소", "…면사무소"
        self.report_words = tuple(s for s in vocab.data["agency"]["sources"]
                                  if s.startswith(self.at_particle))
        self.agency_heads = tuple(vocab.data["agency"]["heads"])
        self.class_names = frozenset(vocab.project["class_names"])
        self.class_ends = tuple(vocab.project["class_ends"])
        self.broad_kinds = frozenset(vocab.project["broad_kinds"])
        self.aim_words = frozenset(vocab.project["aim_words"])
        same = vocab.region["same_place"]
        self.same_place = patterns.compile(
            f"(?<![{grammar['hangul']}])(?:" + "|".join(p.replace(" ", r"\s?") for p in same) + ")"
            if same else "(?!)")

    def _no_body(self, word: str) -> bool:
        """A last word that ends like a body but names none ("지구", "군하지구"; its own
        abbreviation aside: "광역급행철도(CTX)")."""
        word = _ABBREVIATION.sub("", word)
        return word in self.not_agency or word.endswith(self.not_agency_ends)

    def _project_head(self, core: str) -> bool:
        return self._ends_in_head(core)

    def _words(self, start: int, end: int) -> list[Word]:
        return words(self.text, start, end, self._is_head, self.copula)

    def _plain(self, word: Word) -> bool:
        return ((plain(word, self._is_head, self.w.ordinal) or self._noun_like_verb(word))
                and word.text not in self.stop and not word.text.endswith(self.stop_endings))

    def _noun_like_verb(self, word: Word) -> bool:
        """"연근해", "재해": a noun that ends like a verb form ("투입해") may stand in a name."""
        return (not (word.particle or word.closed or word.quoted)
                and word.text.endswith(self.verb_like_nouns))

    def _paragraph_start(self, offset: int) -> int:
        found = self._para_cache.get(offset)
        if found is None:
            lo = max(0, offset - 1500)
            last = None
            for last in PARAGRAPH.finditer(self.text, lo, offset):
                pass
            found = self._para_cache[offset] = last.end() if last is not None else lo
        return found

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
        for m in PARAGRAPH.finditer(self.text, start, at):
            start = m.end()
        m = PARAGRAPH.search(self.text, at, stop)
        stop = stop if m is None else m.start()
        # "…반영했다.29일 구에 따르면 …": a sentence ending glued to the next one
        for m in GLUED_END.finditer(self.text, start, at):
            start = m.end()
        m = GLUED_END.search(self.text, at, stop)
        return start, (stop if m is None else m.end())

    def _span(self, found: Found) -> Span:
        return Span(self.text[found.start:found.end], found.start, found.end)
