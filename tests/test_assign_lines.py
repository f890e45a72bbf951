"""The arithmetic assigner's speed mechanisms of the eleventh and thirteenth passes (issue 19)
give what the plain ways give: the ratio matches and the whole-source matches read only in the
lines that hold a cue.  (No timings here: benchmarks/README.md has the figures.)"""

from __future__ import annotations

import json
import random
from pathlib import Path

import regex

from fundparse.config import Config
from fundparse.pipeline import load_tables
from fundparse.rules.forms import sum_forms
from fundparse.structure.assign import in_cue_lines

ROOT = Path(__file__).resolve().parent.parent


def _forms():
    return sum_forms(load_tables(Config().data))


def _corpus() -> list[str]:
    texts = []
    for path in sorted((ROOT / "corpus").rglob("*.txt")):
        data = path.read_bytes()
        try:
            texts.append(data.decode("utf-8"))
        except UnicodeDecodeError:  # (corpus/variants has other encodings)
            texts.append(data.decode("cp949", errors="replace"))
    for path in sorted((ROOT / "corpus").rglob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            rec = json.loads(line) if line.strip() else {}
            if isinstance(rec.get("text"), str):
                texts.append(rec["text"])
    return texts


# (what ``ratio_shares`` reads, and around it: payers, joints, particles, numbers, the ratio's
# marks, the equal shares, spaces and line breaks of every kind)
_PIECES = ("국비", "지방비", "도", "시", "군", "도비", "시비", "교육청", "지자체", "해당 시군", "각 지자체",
           "지자체(중구)", "LH", "와", "과", "이", "가", "은", "는", "을", "를", "의", "에서", " 및 ",
           " 대 ", "대", ",", "，", "·", "ㆍ", " 각각", " 비율로", "비율은", " 부담", " ", "  ",
           "\u00a0", "\n", "\n\n", "\r\n", "\r", "\u2028", "(", ")", "（", "）", "%", "％", ".",
           ":", "：", "5", "3", "7", "10", "1.5", "50", "억", "원", "명", "개", "곳",
           "절반씩", "반반", "반씩", "똑같이", "같은 비율로", "50%씩", "x", "k")


def _random_texts(n: int, seed: int = 11) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(_PIECES) for _ in range(rng.randrange(5, 80))) for _ in range(n)]


def _texts_with_ratios() -> list[str]:
    forms = _forms()
    examples = [s for s in _random_texts(20000, 5) if forms.ratio_shares.search(s)][:400]
    texts = _corpus()
    rng = random.Random(3)
    out = []
    for text in texts:
        lines = text.split("\n")
        for i in range(len(lines) - 1, 0, -4):  # a ratio every fourth line, some inside a line
            at = rng.randrange(len(lines[i]) + 1)
            lines[i] = lines[i][:at] + rng.choice(examples) + lines[i][at:]
        out.append("\n".join(lines))
    return texts + out


def test_every_ratio_match_holds_a_cue_and_no_line_break():
    """What ``in_cue_lines`` relies on, over the corpus and random text: a ``ratio_shares``
    match holds no line break and holds a ``ratio_cue`` match (the cue has no look-arounds,
    so a match in the matched text is one in the text)."""
    forms = _forms()
    matches = 0
    for text in _texts_with_ratios() + _random_texts(20000):
        for m in forms.ratio_shares.finditer(text):
            matches += 1
            assert "\n" not in m.group(), m.group()
            assert forms.ratio_cue.search(m.group()) is not None, m.group()
        for c in forms.ratio_cue.finditer(text):
            assert "\n" not in c.group(), c.group()
    assert matches > 1000


def test_the_patterns_read_no_line_break():
    """The same, from the patterns' text: nothing in ``ratio_shares`` or ``ratio_cue`` can
    read a line break but the payer's bracketed note, which excludes it.  A rule edit that
    adds a construct reading any character makes this fail (and the test above check it)."""
    forms = _forms()
    for p in (forms.ratio_shares, forms.ratio_cue):
        text = p.pattern.replace("[^()（）\\n]", "")
        for reads_any in ("\\s", "\\S", "\\W", "\\D", "\\w", "\\N", "\\X", "\\R", "\\v", "\\h",
                          "\\p", "\\P", "[^", "\n", "\\n", "\\r", "(?s", "(?x"):
            assert reads_any not in text, (reads_any, p.pattern)
        assert not regex.search(r"(?<!\\)\.(?![^\[]*\])", text), p.pattern  # "." outside a class
    assert not regex.search(r"\(\?<?[=!]", forms.ratio_cue.pattern)  # no look-around in the cue


def test_in_cue_lines_is_the_whole_texts_search():
    forms = _forms()
    matches = texts = 0
    for text in _texts_with_ratios() + _random_texts(20000):
        want = list(forms.ratio_shares.finditer(text))
        got = in_cue_lines(forms.ratio_shares, forms.ratio_cue, text)
        assert [(m.span(), m.captures("p"), m.starts("p"), m.captures("n"), m.group("equal"))
                for m in got] == \
               [(m.span(), m.captures("p"), m.starts("p"), m.captures("n"), m.group("equal"))
                for m in want], text
        matches += len(want)
        texts += bool(want)
    assert matches > 2000 and texts > 500


def test_in_cue_lines_at_the_edges():
    """A cue on the first or last line, lines without a break at the end, a look-behind at a
    line's start and a look-ahead at its end."""
    pattern, cue = regex.compile(r"(?<!a)b+\d(?!c)"), regex.compile(r"\d")
    for text in ("b1", "ab1\nb2c\nb3", "b1\n", "\nb1", "xb1c\nb2\n\nab3\nb4", "b1\nc", "", "\n\n"):
        assert [m.span() for m in in_cue_lines(pattern, cue, text)] == \
            [m.span() for m in pattern.finditer(text)], text


# --- thirteenth pass: ``whole_source`` ("전액 국비로", "수원시에서 전액 부담") read by cue lines

_WHOLE_PIECES = ("전액", "전액을", "전부", "전부를", "전량", "모두", "100%", "100％", "국비", "도비",
                 "시비", "수원시", "LH", "에서", "이", "가", "로", "으로", "을", "를", "의 지원으로",
                 "부담", "지원", "투자", "충당", "사업", "·", "ㆍ", " ", "  ", "\u00a0", "\n", "\n\n",
                 "\r\n", "\r", "\u2028", ",", ".", ")", "(", "30억 원", "x", "A")


def _whole_texts() -> list[str]:
    rng = random.Random(13)
    randoms = ["".join(rng.choice(_WHOLE_PIECES) for _ in range(rng.randrange(3, 60)))
               for _ in range(20000)]
    forms = _forms()
    examples = [s for s in randoms if forms.whole_source.search(s)][:400]
    out = []
    for text in _corpus():
        lines = text.split("\n")
        for i in range(len(lines) - 1, 0, -5):
            at = rng.randrange(len(lines[i]) + 1)
            lines[i] = lines[i][:at] + rng.choice(examples) + lines[i][at:]
        out.append("\n".join(lines))
    return _corpus() + out + randoms


def test_every_whole_source_match_holds_a_cue_and_no_line_break():
    forms = _forms()
    assert forms.whole_cue is not None  # (the package's own rules: the lines are searched)
    assert not regex.search(r"\(\?<?[=!]", forms.whole_cue.pattern)  # no look-around in the cue
    matches = 0
    for text in _whole_texts():
        for m in forms.whole_source.finditer(text):
            matches += 1
            assert "\n" not in m.group(), m.group()
            assert forms.whole_cue.search(m.group()) is not None, m.group()
    assert matches > 2000


def test_whole_source_by_cue_lines_is_the_whole_texts_search():
    forms = _forms()
    matches = 0
    for text in _whole_texts():
        want = list(forms.whole_source.finditer(text))
        got = in_cue_lines(forms.whole_source, forms.whole_cue, text)
        assert [(m.span(), m.group("label"), m.span("label")) for m in got] == \
               [(m.span(), m.group("label"), m.span("label")) for m in want], text
        matches += len(want)
    assert matches > 2000


def test_whole_cue_only_when_every_form_holds_a_cue_word():
    """A rule edit that could break what the line search relies on gives no cue (the whole text
    is searched): ⟨WHOLE⟩ optional, in a group or beside a top-level alternation, a construct
    that could read a line break, a look-ahead, an empty word or one holding a line break."""
    from fundparse.rules.forms import _whole_cue

    whole, ends, cues = ("전액", "모두"), ("으로", "의 지원으로"), ("전액", "전부")
    payer = "(?<![가-힣A-Za-z])(?P<label>[가-힣]{2,})(?:이|가)⟨S⟩*⟨WHOLE⟩⟨S⟩*(?:부담|지원)"
    assert _whole_cue(whole, ends, payer, cues) is not None
    assert _whole_cue(whole, ends, "(?!)", ()) is not None  # (no second form)
    for bad in (payer.replace("⟨WHOLE⟩", "⟨WHOLE⟩?"), payer.replace("⟨WHOLE⟩", "⟨WHOLE⟩*"),
                payer.replace("⟨WHOLE⟩", "⟨WHOLE⟩{0,1}"), payer.replace("⟨WHOLE⟩", "(?:⟨WHOLE⟩)?"),
                payer.replace("⟨WHOLE⟩", "(?:⟨WHOLE⟩|뿐)"), payer + "|국비",
                payer.replace("⟨WHOLE⟩", "전액"), payer.replace("⟨S⟩*⟨WHOLE⟩", "\\s*⟨WHOLE⟩"),
                payer.replace("(?:이|가)", "[^,]"), payer.replace("(?:이|가)", "."),
                payer + "(?=\\s)", payer.replace("(?:이|가)", "\\n?"), "(?s)" + payer):
        assert _whole_cue(whole, ends, bad, cues) is None, bad
    assert _whole_cue(whole, ends, payer, ()) is None
    assert _whole_cue(whole, ends, payer, ("전액", "")) is None
    assert _whole_cue(("전액", "모\n두"), ends, payer, cues) is None
    assert _whole_cue(whole, ("으로", "의\n지원으로"), payer, cues) is None
    assert _whole_cue((), ends, "(?!)", ()) is None
    assert _whole_cue(whole, ends, "(?<=[가-힣])[가-힣]{2,}(?:이|가)⟨WHOLE⟩", cues) is not None
