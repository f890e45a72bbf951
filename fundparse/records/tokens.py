"""Words of a sentence with their offsets, the particle each carries, and the stretches of
plain words (no particle, no verb ending) that a name is made of."""

from __future__ import annotations

from dataclasses import dataclass

from fundparse import patterns
from fundparse.records.words import package_table

# the words of [tokens] in rules/data/records.toml (the package's own: read once, at import)
_TOKENS = package_table("tokens")
# a word: a run of non-space characters, split before an opening bracket and after a closing
# one inside it ("양산일반산업단지(이하", "(가칭)조치원중앙공원": two words each)
# (… and after a full stop glued to the next sentence: "위해.제기동과" is "위해." and "제기동과")
_RAW = patterns.compile(_TOKENS["word"])
_LEAD = "□■○●◦•▲△▷▶※-–—·([{'\"‘“「『<《〈【"
_TRAIL = ",.;:)]}'\"’”」』>》〉】…!?"
_BULLETS = "□■○●◦•▲△▷▶※"
_QUOTES = "'\"‘’“”「」『』"
# particles a name may carry, longest first
PARTICLES = tuple(_TOKENS["particles"])
# a word ending in one of these is a verb form or carries a particle: never inside a name
_ENDINGS = set(_TOKENS["chars_endings"])
# words ending in 여 that are verb forms ("하여", "들여"), not names ("동부여")
_YEO_VERBS = tuple(_TOKENS["yeo_verbs"])
_YEO = {v[-1] for v in _YEO_VERBS}
_BY_LAST: dict[str, tuple[str, ...]] = {}
for _p in PARTICLES:
    _BY_LAST[_p[-1]] = _BY_LAST.get(_p[-1], ()) + (_p,)


@dataclass(slots=True)  # (tens of thousands a document: built faster, smaller)
class Word:
    text: str       # the word without leading/trailing punctuation
    start: int
    end: int
    core: str       # the word without its particle, when it ends in a known head
    core_end: int
    particle: str   # "" when none was taken off
    closed: bool    # punctuation after it: a name ends here
    quoted: bool    # touches a quotation mark
    apart: bool = False  # a tab or line break before it: a table cell or line of its own


_WITH_EXTRA: dict[tuple[str, ...], dict[str, tuple[str, ...]]] = {}


def _particles_by_last(extra: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """PARTICLES and ``extra`` (a configuration's: the copula 이다 …) by their last character,
    longest first (built once per ``extra``)."""
    by_last = _WITH_EXTRA.get(extra)
    if by_last is None:
        by_last = {}
        for p in sorted(set(PARTICLES) | set(extra), key=len, reverse=True):
            by_last[p[-1]] = by_last.get(p[-1], ()) + (p,)
        if len(_WITH_EXTRA) > 16:
            _WITH_EXTRA.clear()
        _WITH_EXTRA[extra] = by_last
    return by_last


_KEEP = 100_000  # tokens whose reading is remembered, per head test
_READ: dict[tuple, dict[str, tuple | None]] = {}


def _reading(raw: str, is_head, by_last) -> tuple | None:
    """What a token says by itself: (how many leading marks, the word, its core, its particle,
    quoted, trailing marks cut, a bullet first); None when only marks."""
    word = raw.lstrip(_LEAD)
    lead = len(raw) - len(word)
    stripped = word.rstrip(_TRAIL)
    if not stripped:
        return None
    core, particle = stripped, ""
    for p in by_last.get(stripped[-1], ()):
        if stripped.endswith(p) and len(stripped) > len(p) and is_head(stripped[:-len(p)]):
            core, particle = stripped[:-len(p)], p
            break
    return (lead, stripped, core, particle, raw[0] in _QUOTES or raw[-1] in _QUOTES,
            len(stripped) < len(word), raw[0] in _BULLETS)


def words(text: str, start: int, end: int, is_head, extra: tuple[str, ...] = ()) -> list[Word]:
    """The words of ``text[start:end]``; ``is_head(core)`` says which cores may lose a particle
    (one of PARTICLES, or of ``extra``)."""
    out: list[Word] = []
    append = out.append
    by_last = _particles_by_last(extra) if extra else _BY_LAST
    # a token's own reading depends on it and the head test alone: remembered
    read = _READ.get((is_head, extra))
    if read is None or len(read) > _KEEP:
        if len(_READ) > 16:
            _READ.clear()
        read = _READ[(is_head, extra)] = {}
    get = read.get
    # (no tab or line break in the stretch: only a bullet sets a word apart, and no stretch
    # before a word need be read)
    plain = text.find("\t", start, end) < 0 and text.find("\n", start, end) < 0
    for m in _RAW.finditer(text, start, end):
        raw = m.group()
        known = get(raw, False)
        if known is False:
            known = read[raw] = _reading(raw, is_head, by_last)
        if known is None:
            continue
        lead, word, core, particle, quoted, cut, bullet = known
        raw_start, raw_end = m.span()
        s = raw_start + lead
        closed = cut or text[raw_end:raw_end + 1] in "([…"  # "…단지(이하 …)"
        if plain or bullet:
            apart = bullet
        else:
            gap = text[max(start, raw_start - 3):raw_start]
            apart = "\t" in gap or ("\n" in gap and not wrapped(text, raw_start))
        append(Word(word, s, s + len(word), core, s + len(core), particle, closed, quoted, apart))
    return out


WRAP = 34  # a line at least this long, cut mid-sentence, was wrapped by its page


def wrapped(text: str, at: int) -> bool:
    """A line break before ``at`` that only wraps a long line ("…남강댐 보강\n사업에 올해 …"),
    not one that ends a title, a cell or a list item."""
    brk = text.rfind("\n", 0, at)
    if brk <= 0 or text[brk + 1:at].strip() or text[brk - 1] == "\n":
        return False
    line_start = text.rfind("\n", 0, brk) + 1
    line = text[line_start:brk].rstrip()
    if line.endswith(_SENTENCE_ENDS) or "\t" in line or line[:1] in _BULLETS:
        return False
    return len(line) >= WRAP or (_SCRIPT_LINES > 0 and _script(text, line_start, brk))


def _open_line(line: str) -> bool:
    """A line that leaves its sentence open: no sentence end, no cell, no list mark."""
    line = line.strip()
    return bool(line) and not (line.endswith(_SENTENCE_ENDS) or "\t" in line
                               or line[:1] in _BULLETS or line[:1] in _ITEM_MARKS)


def _script(text: str, line_start: int, brk: int) -> bool:
    """A break inside a broadcast script's block of short lines that mostly leave their
    sentence open ("…양서.파충류 생태공원⏎조성사업이 이달부터 본격 공사에⏎들어갑니다."): the
    lines around the break, up to [tokens] script_window each way with no blank line, are at
    least script_lines, and at least script_share of them leave their sentence open."""
    lines = [text[line_start:brk]]
    a = line_start
    for _ in range(_SCRIPT_WINDOW):  # the lines before
        if a < 2 or text[a - 1] != "\n":
            break
        b = text.rfind("\n", 0, a - 1) + 1
        if not text[b:a - 1].strip():
            break
        lines.append(text[b:a - 1])
        a = b
    b = brk
    for _ in range(_SCRIPT_WINDOW):  # the lines after
        e = text.find("\n", b + 1)
        e = len(text) if e < 0 else e
        if not text[b + 1:e].strip():
            break
        lines.append(text[b + 1:e])
        if e >= len(text):
            break
        b = e
    return (len(lines) >= _SCRIPT_LINES
            and sum(map(_open_line, lines)) >= _SCRIPT_SHARE * len(lines))


_SENTENCE_ENDS = tuple(_TOKENS["line_ends"])  # a line ending so ends a sentence, not a page's line
_ITEM_MARKS = tuple(_TOKENS["item_marks"])  # "- …", "1. …": a list's line, its own
_SCRIPT_WINDOW = int(_TOKENS["script_window"])
_SCRIPT_LINES = int(_TOKENS["script_lines"])
_SCRIPT_SHARE = float(_TOKENS["script_share"])


def plain(word: Word, is_head, ordinal) -> bool:
    """A word that may stand inside a name: no particle, no verb ending, no figure but an
    ``ordinal`` one (2단계)."""
    if word.particle or word.closed or word.quoted:
        return False
    if not any(c.isalnum() for c in word.text):
        return False  # "=", "/": a byline's or a list's mark ("… 기자 = 한국…") breaks a name
    if any(c.isdigit() for c in word.text):
        return ordinal.fullmatch(word.text) is not None
    last = word.text[-1]
    if last in _YEO:  # "하여", "들여" are verb forms; "동부여", "고려여" are names
        return not word.text.endswith(_YEO_VERBS)
    return last not in _ENDINGS or is_head(word.text)


def run_before(ws: list[Word], i: int, limit: int, ok) -> int:
    """Index of the first word of the stretch of words before ``ws[i]`` that ``ok`` accepts
    (at most ``limit`` of them); ``i`` itself when there is none."""
    first = i
    while first > 0 and i - first < limit and not ws[first].apart and ok(ws[first - 1]):
        first -= 1
    return first
