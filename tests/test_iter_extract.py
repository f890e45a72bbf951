"""``fundparse.iter_extract``: a path, a text stream or a string, in bounded memory.

Small sources are read whole and give exactly ``extract``'s mentions.  Big ones are read in
chunks with the command's windows (``fundparse.stream``); the tests make "big" small with
``chunk_above`` and ``chunk_chars``, so a corpus-sized text crosses many seams, and compare with
reading it whole and with the command's own chunked reading.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

import fundparse
from fundparse.cli.batch import Job, process

CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "docs"


def corpus_text(count: int = 12) -> str:
    paths = sorted(CORPUS.glob("**/*.txt"))[:count]
    return "\n\n".join(p.read_text(encoding="utf-8") for p in paths)


def dicts(mentions) -> list[dict]:
    return [m.to_dict() for m in mentions]


def test_a_small_string_gives_extract_exactly():
    text = corpus_text(3)
    assert dicts(fundparse.iter_extract(text)) == dicts(fundparse.extract(text))


def test_it_is_lazy():
    gen = fundparse.iter_extract("총사업비 281억 원(국비 121, 지방비 160)을 투입한다.")
    assert iter(gen) is gen  # a generator: nothing is read before the first next()
    first = next(gen)
    assert first.krw == 28_100_000_000 and [s.krw for s in first.splits] == [12_100_000_000,
                                                                            16_000_000_000]


def test_a_big_string_in_chunks_gives_what_reading_it_whole_gives():
    text = corpus_text()
    whole = dicts(fundparse.extract(text))
    chunked = list(fundparse.iter_extract(text, chunk_above=1000, chunk_chars=3000))
    assert dicts(chunked) == whole
    assert len(whole) > 100
    for m in chunked:  # offsets, lines and columns are the whole text's
        assert text[m.start:m.end] == m.text
        line_start = text.rfind("\n", 0, m.start) + 1
        assert (m.line, m.column) == (text.count("\n", 0, m.start) + 1, m.start - line_start + 1)


def test_a_text_stream_gives_what_the_string_gives():
    text = corpus_text()
    as_string = dicts(fundparse.iter_extract(text, chunk_above=1000, chunk_chars=2500))
    stream = io.StringIO(text)
    assert dicts(fundparse.iter_extract(stream, chunk_above=1000, chunk_chars=2500)) == as_string
    assert dicts(fundparse.iter_extract(io.StringIO(text))) == dicts(fundparse.extract(text))


def test_a_path_reads_like_the_command(tmp_path):
    text = corpus_text()
    path = tmp_path / "archive.txt"
    path.write_text(text, encoding="utf-8")
    job = Job(mode="extract", huge_bytes=1000, chunk_chars=3000)
    command = [m for event in process(str(path), job) if event[0] == "mentions" for m in event[1]]
    mine = list(fundparse.iter_extract(path, chunk_above=1000, chunk_chars=3000))
    assert dicts(mine) == dicts(command)
    assert dicts(fundparse.iter_extract(path)) == dicts(fundparse.extract(text))


def test_the_head_date_holds_for_every_chunk(tmp_path):
    text = "보도일시 2024. 5. 21.(화)\n\n" + "\n\n".join(
        f"{n}번째 사업은 올해부터 2026년까지 {n}억 원을 투입한다." for n in range(1, 200))
    mentions = list(fundparse.iter_extract(text, chunk_above=500, chunk_chars=400))
    assert len(mentions) == 199
    assert {m.period.start for m in mentions} == {2024}
    assert dicts(mentions) == dicts(fundparse.extract(text))


def test_what_it_does_not_take():
    with pytest.raises(TypeError, match="text stream"):
        list(fundparse.iter_extract(io.BytesIO("1억 원".encode())))
    with pytest.raises(TypeError, match="path, a text stream or a str"):
        list(fundparse.iter_extract(42))  # type: ignore[arg-type]
