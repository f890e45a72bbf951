"""Chunked reading of a huge plain-text file gives exactly what reading it whole gives
(issue 21: seams cut ``281억원`` into ``81억원`` and lost periods).

The command reads plain text over ``Job.huge_bytes`` chunk by chunk, each chunk with
``Job.context_chars`` of its neighbours read again; the test hooks are those fields, set small
(chunks of 24 to 300 characters, context just over the engine's sentence reach of 600), so a
text of a few thousand characters crosses many seams.  The
texts: no line break at all, long lines, and amounts and periods placed at every offset
around a seam.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import fundparse
from fundparse.cli.batch import Job, process
from fundparse.readers import ReadError, read_path

AMOUNTS = st.sampled_from(["281억원", "281억 원", "1,234,567원", "5천만 원", "3조 2,000억 원",
                           "이천오백만 원", "$100~$200", "약 50억 원", "12.5억 원", "100만원"])
PERIODS = st.sampled_from(["", "2023년부터 2026년까지 4년간 ", "2024~2026년 ", "'25∼'29년 ",
                           "오는 2028년까지 ", "2023년 착공해 2025년 준공 "])
LABELS = st.sampled_from(["총사업비", "사업비 ", "국비 ", "예산 ", "", "도비", "시비 "])
ENDS = st.sampled_from(["을 투입한다.", "을투입한다.", "이 든다. ", "(국비 121억 원, 지방비 160억 원)을 들인다.",
                        " 규모다.", "", " ", ", ", "를 확보했다! ", "。"])
sentences = st.builds(lambda p, l, a, e: p + l + a + e, PERIODS, LABELS, AMOUNTS, ENDS)
joiners = st.sampled_from(["", "", " ", "\n", "\n\n", "\t"])
texts = st.builds(lambda parts, joiner: joiner.join(parts),
                  st.lists(sentences, min_size=1, max_size=50), joiners)


def key(m) -> tuple:
    p = m.period
    return (m.start, m.end, m.text, m.krw, m.value, m.label, m.line, m.column,
            None if p is None else (p.start, p.end, p.years, p.start_offset, p.end_offset),
            tuple((s.start, s.end, s.krw) for s in m.splits),
            tuple((f.code, f.start, f.line, f.column) for f in m.findings))


def chunked(path: Path, chunk_chars: int, context_chars: int = 700) -> list[tuple]:
    job = Job(mode="extract", huge_bytes=1, chunk_chars=chunk_chars, context_chars=context_chars)
    out: list[tuple] = []
    for event in process(str(path), job):
        assert event[0] not in ("internal", "error"), event
        if event[0] == "mentions":
            out.extend(key(m) for m in event[1])
    return out


def whole(path: Path) -> list[tuple]:
    text = read_path(path).text
    return [key(m) for m in fundparse.extract(text)]


SETTINGS = settings(max_examples=150, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow,
                                           HealthCheck.function_scoped_fixture])


@SETTINGS
@given(texts, st.integers(min_value=24, max_value=300), st.integers(min_value=650, max_value=900))
@example("총사업비281억원을투입한다." * 40, 64, 700)
@example("2023년부터 2026년까지 4년간 총사업비 281억 원을 투입한다." * 40, 50, 650)
@example("총사업비281억원을 투입한다.2023년부터 2026년까지 4년간 총사업비281억원을투입한다.", 24, 700)
def test_chunked_reading_equals_whole_reading(tmp_path, text, chunk_chars, context_chars):
    path = tmp_path / "archive.txt"
    path.write_text(text, encoding="utf-8")
    try:
        expected = whole(path)
    except ReadError:
        return
    assert chunked(path, chunk_chars, context_chars) == expected


@pytest.mark.parametrize("sentence", [
    "총사업비281억원을투입한다.",
    "2023년부터 2026년까지 4년간 281억 원을 투입한다.",
    "2024~2026년 사업비 5천만 원(국비 3천만 원, 시비 2천만 원)을 들인다. ",
])
def test_every_offset_around_a_seam(tmp_path, sentence):
    """The sentence shifted one character at a time across the first seam."""
    chunk = 3 * len(sentence)
    for shift in range(len(sentence) + 1):
        text = "가" * shift + sentence * 8
        path = tmp_path / "shifted.txt"
        path.write_text(text, encoding="utf-8")
        assert chunked(path, chunk) == whole(path), shift


def finding_keys(findings) -> list[tuple]:
    return sorted((f.code, f.start, f.end, f.line, f.column, f.message) for f in findings)


@settings(max_examples=80, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(texts, st.integers(min_value=24, max_value=300))
@example("2023년부터 2026년까지 3년간 총사업비 281억 원(국비 121억 원, 시비 150억 원)을 투입한다." * 12, 40)
def test_chunked_check_finds_what_the_whole_file_check_finds(tmp_path, text, chunk_chars):
    path = tmp_path / "archive.txt"
    path.write_text(text, encoding="utf-8")
    whole_text = read_path(path).text
    expected = finding_keys(fundparse.check(whole_text))
    job = Job(mode="check", huge_bytes=1, chunk_chars=chunk_chars, context_chars=700)
    got = [e for e in process(str(path), job) if e[0] == "findings"]
    assert len(got) == 1
    assert finding_keys(got[0][1]) == expected


def test_huge_stdin_is_read_in_chunks_like_a_huge_file(tmp_path):
    """Piped text over the huge-file size is spooled to a temporary file and read chunk by
    chunk, with the same mentions as the file read whole; the spool is removed after."""
    import json
    import os
    import subprocess

    from conftest import cli_env, fundparse_command

    text = "".join(f"{i}번째 사업에 {i + 1}억 원(국비 {i}억 원, 도비 1억 원)을 들인다.\n" for i in range(1, 400))
    path = tmp_path / "news.txt"
    path.write_text(text, encoding="utf-8")
    spool = tmp_path / "spool"  # its own temporary folder: other runs' spools are not ours
    spool.mkdir()
    env = {**cli_env(), "FUNDPARSE_HUGE_BYTES": "2000", "FUNDPARSE_CHUNK_CHARS": "900",
           "TMPDIR": str(spool)}
    piped = subprocess.run([*fundparse_command(), "extract", "--format", "jsonl", "-v", "-"],
                           input=text.encode("utf-8"), capture_output=True, env=env, timeout=300,
                           check=True)
    assert "900" in piped.stderr.decode("utf-8")  # the chunked reader's note, with its size
    whole_file = subprocess.run([*fundparse_command(), "extract", "--format", "jsonl", str(path)],
                                capture_output=True, env=cli_env(), timeout=300, check=True)

    def rows(out: bytes) -> list[tuple]:
        found = [json.loads(line) for line in out.decode("utf-8").splitlines()]
        return [(r["start"], r["text"], r["krw"], len(r["splits"])) for r in found]

    assert rows(piped.stdout) == rows(whole_file.stdout) and len(rows(piped.stdout)) == 399
    assert not [n for n in os.listdir(spool) if n.startswith("fundparse-stdin-")]
