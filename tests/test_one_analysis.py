"""One analysis a file for ``check`` over several files (issue 19): the per-file pass hands the
cross-release pass (FP310–FP312) the mentions ``extract`` gives, from the same run of the
pipeline (``pipeline.analyse_both``), exactly."""

from __future__ import annotations

import dataclasses
import json
from decimal import localcontext
from pathlib import Path

import pytest

import fundparse
from fundparse import pipeline
from fundparse.model import EXACT

ROOT = Path(__file__).resolve().parent.parent
RELEASE = (ROOT / "corpus" / "docs" / "release" / "release-01.txt").read_text(encoding="utf-8")
SPACES = "2023년부터" + " " * 3000 + "2026년까지 5억 원"  # extract's periods differ from check's here
TEXTS = [
    RELEASE,
    SPACES,
    "2023∼2026년" + "\t" * 3000 + "5억 원",
    "구미시는 2023년부터 2026년까지 4년간 281억 원(국비 121, 지방비 160)을 투입한다. "
    "올해 64억 원을 들여 2027년 준공한다. 2024~2023년 사업비 10억 원.",
    "",
]


def _mentions(mentions) -> str:
    return json.dumps([m.to_dict() for m in mentions], ensure_ascii=False, default=str)


def _findings(findings) -> str:
    return json.dumps([dataclasses.asdict(f) for f in findings], ensure_ascii=False, default=str)


@pytest.mark.parametrize("text", TEXTS, ids=["release", "period-spaces", "period-tabs", "mixed",
                                             "empty"])
@pytest.mark.parametrize("doc_date", [None, "2025-03-01"])
def test_both_are_what_the_two_calls_give(text, doc_date):
    analysis, later = pipeline.analyse_both(text, doc_date)
    assert _findings(analysis.findings) == _findings(
        pipeline.analyse(text, doc_date, None, full=True).findings)
    assert _mentions(later()) == _mentions(fundparse.extract(text, doc_date=doc_date))
    assert _mentions(later()) == _mentions(fundparse.extract(text, doc_date=doc_date))  # again


def test_the_full_analysis_alone_would_not_do():
    """Why both sides keep their own period stage: check reads every period of the text,
    extract only those in its amounts' sentences, and on a long run of spaces they differ."""
    analysis = pipeline.analyse(SPACES, None, None, full=True)
    with localcontext(EXACT):
        naive = [pipeline._mention(f, SPACES, pipeline.Lines(SPACES), None)
                 for f in analysis.facts]
    assert _mentions(naive) != _mentions(fundparse.extract(SPACES))


def test_check_documents_hand_their_mentions_over(tmp_path):
    from fundparse.cli.batch import Job, process

    path = tmp_path / "a.txt"
    path.write_text(TEXTS[3], encoding="utf-8")
    events = list(process(str(path), Job(mode="check", cross=True)))
    assert [e[0] for e in events] == ["doc", "findings", "across"]
    assert events[2][1] == TEXTS[3]
    assert _mentions(events[2][2]) == _mentions(fundparse.extract(TEXTS[3]))
    assert [e[0] for e in process(str(path), Job(mode="check"))] == ["doc", "findings"]


def test_cross_release_findings_are_the_same_either_way(tmp_path):
    from fundparse.cli.across import cross_file_findings
    from fundparse.cli.batch import Job, process

    selected = ("구미시 보도자료\n\n구미시는 2023년부터 2026년까지 4년간 281억 원(국비 121, 지방비 160)을 "
                "투입해 구미국가산업단지 확장단지 내에 이차전지 양극소재 산업육성 거점센터를 구축한다.\n")
    later = ("구미시 보도자료\n\n구미시는 18일 '이차전지 양극소재 산업육성 거점센터' 구축사업 착공식을 "
             "열었다.\n시는 2023년부터 2027년까지 총사업비 218억 원(국비 121억 원, 지방비 97억 원)을 "
             "들여 이 센터를 짓는다.\n")
    inputs = []
    for name, text in (("a.txt", selected), ("b.txt", later), ("c.txt", SPACES)):
        (tmp_path / name).write_text(text, encoding="utf-8")
        inputs.append(str(tmp_path / name))
    inputs.append(str(tmp_path / "missing.txt"))
    job = Job(mode="check", cross=True)
    read = {}
    for index, path in enumerate(inputs):
        for event in process(path, job):
            if event[0] == "across":
                read[index] = event[1:]
    assert sorted(read) == [0, 1, 2]
    again = cross_file_findings(inputs, Job(mode="check"))
    assert again and {f.code for _, found in again for f in found} >= {"FP310", "FP312"}
    handed = cross_file_findings(inputs, job, read)
    assert [(shown, _findings(found)) for shown, found in handed] == [
        (shown, _findings(found)) for shown, found in again]
