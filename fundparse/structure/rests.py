"""The rest of a total, paid by payers of its own, is the total's part.

"총 7742억원의 사업비가 투입되며, 민간사업자가 62.25%인 4819억원을 부담하고 나머지 2923억원을
정부 50%, 부산시와 김해시가 각각 25%씩 부담한다": the arithmetic reads 7742억원 with its one part
(민간사업자 4819억원) and 2923억원 with its shares; the word before 2923억원 (``rest_before`` of the
[sum] forms) and the sum (4819 + 2923 = 7742) make 2923억원 the total's second part, named 나머지,
of the levels its payers pay, its shares nested under it.  It is then no mention of its own.
"""

from __future__ import annotations

from fundparse.model import CATEGORIES
from fundparse.structure.assign import Fact, ending_at
from fundparse.structure.sentences import Sentences
from fundparse.structure.splits import Part

REACH = 16  # characters before a figure its rest word may stand in


def nest_rests(facts: list[Fact], text: str, sentences: Sentences, rest_before) -> list[Fact]:
    """``facts`` with each rest folded into the total it completes (same sentence, after it)."""
    folded: set[int] = set()
    for i, total in enumerate(facts):
        if total.split is None or id(total) in folded:
            continue
        named = [p.value for p in total.split.parts]
        if not named or any(v is None for v in named):
            continue
        s_end = sentences.span(total.amount.start)[1]
        for rest in facts[i + 1:]:
            a = rest.amount
            if a.start >= s_end:
                break
            if (rest.split is None or id(rest) in folded or a.currency != total.amount.currency
                    or sum(named) + a.value != total.amount.value):
                continue
            word = ending_at(rest_before, text, max(total.amount.end, a.head - REACH), a.head)
            if word is None:
                continue
            levels = {c for p in rest.split.parts for c in p.category.split("+")}
            total.split.parts.append(Part(
                word.group("label"), "+".join(c for c in CATEGORIES if c in levels), word.start(),
                a.end, a.value, a.currency, a.numeral, bare=False, amount=a,
                parts=rest.split.parts, partial=rest.split.partial, text=text[word.start():a.end]))
            folded.add(id(rest))
            break
    return [f for f in facts if id(f) not in folded]
