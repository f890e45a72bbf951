"""Robustness: nothing fundparse reads makes it fall over, and what it reports points back
into the text.

Complements test_properties.py (money fragments glued into one line), test_readers_fuzz.py
(the readers on arbitrary and mutated bytes) and test_cli_extract.py (junk and a broken
symlink or FIFO beside good files, for ``extract``).  Here:

* hypothesis documents built line by line from money parts — sentences with amounts, markers,
  particles, parenthesised and split-label lists (국비/도비 …), periods, unit headers such as
  ``(단위: 백만원)`` over tab-separated rows, page furniture — mixed with arbitrary text: no
  exception escapes ``extract`` or ``check``, every offset (mentions, nested splits, periods,
  findings) slices back to its text with a matching line and column, results repeat;
* the same through the command's chunked reading of huge files (``fundparse.cli.batch.process``
  with tiny chunks): offsets, lines and columns still refer to the whole file;
* arbitrary bytes through the readers and on into ``extract``/``check``;
* the same results under different string-hash seeds (a fresh interpreter each);
* the command on a folder of hostile entries (broken symlink, FIFO, binary file, truncated
  HWPX, XML entity bomb, zip bombs, nesting too deep) beside good files — ``extract``,
  ``check`` and ``--jobs 2``: one clear line per bad file, exit 2, the good files reported;
* empty input: exit 0.
"""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
import tempfile
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import fundparse
from fundparse.checks import CHECKS
from fundparse.cli.batch import Job, process
from fundparse.readers import Document, ReadError, read_bytes, read_path

from conftest import cli_env, fundparse_command, no_floats

# --- money-shaped documents --------------------------------------------------------------------

FIGURES = st.one_of(
    st.integers(0, 10**13).map(str),
    st.integers(1, 10**9).map(lambda n: f"{n:,}"),
    st.decimals(min_value=0, max_value=10_000, places=1, allow_nan=False).map(str),
    st.sampled_from(["0", "00", "007", "1,23", "2,7500", "3.", ".5", "１２", "1e5", "½",
                     "12345678901234567890123456", "일", "이천", "삼백", "오천", "이십오", "일억",
                     "삼천만", "壹億", "수십", "수백"]),
)
SCALES = st.sampled_from(["", "억", "만", "조", "천", "백만", "천만", "억 ", "만 ", "조 ", "억5천만",
                          "억 9,000만", "여억", "억여"])
CURRENCIES = st.sampled_from(["원", " 원", "원", "달러", " 달러", "", "원대", "엔", "유로", "위안",
                              "천원", "백만원", "₩", "$", "US$ "])
BEFORE = st.sampled_from(["", "", "약 ", "최대 ", "최소 ", "총 ", "연간 ", "매년 ", "1인당 ", "월 ",
                          "가구당 ", "△", "▲", "마이너스 ", "$", "₩"])
AFTER = st.sampled_from(["", "", " 이상", " 이하", " 미만", " 정도", "여", " 안팎", " 가량", "~",
                         "∼", "-", " 증액", " 감소", " 늘어", "에서 ", "까지", "씩"])
PARTICLES = st.sampled_from(["", "을", "를", "이", "가", "은", "는", "의", "으로", "로", "과 ",
                             "와 ", "에", "도", " 등", " 중", " 포함"])
LABELS = st.sampled_from(["국비", "도비", "시비", "군비", "구비", "지방비", "민자", "민간",
                          "자부담", "기금", "국고", "교육청", "국·도비", "국ㆍ도비", "시·군비",
                          "국도비", "국", "도", "시", "군", "균", "기", "광역시비", "재원",
                          "총사업비", "사업비", "예산", "예산안", "추경", "나머지"])
PERIODS = st.sampled_from(["", "2023년부터 2026년까지 4년간 ", "'25∼'29년 ", "2024~2026년 ",
                           "오는 2026년까지 ", "올해 ", "내년 ", "3년 동안 ", "2028년 준공 ",
                           "2024. 5. 21. ", "2023년 착공해 "])
HEADERS = st.sampled_from(["(단위: 백만원)", "(단위: 천원)", "(단위 : 억원)", "(단위: 억원, %)",
                           "(단위: 조원)", "(단위: 억 달러, %)", "<단위: 천원>", "(단위:원)",
                           "단위: 백만원", "(단위: 천원) (단위: 억원)"])
FURNITURE = st.sampled_from(["보도일시 2024. 5. 21.(화) 조간", "입력 2024-05-20 10:00",
                             "담당부서 기획예산과 ☎ 054-480-1234", "□ ", "○ ", "▲ ", "※ ", "-", "",
                             "철원-8.4℃ 이천11.0℃", "1달러=1,380.5원", "5만 원권", "((((((", "))))",
                             "1,1,1,1,1,1,1", "원원원원원원", "  ", "\t", "\r", "\u00a0", "\ufeff",
                             "\u200b", "\x00", "🙂", "\u1100\u1161", "<!-- fundparse: ignore FP101 -->"])

amounts = st.builds(lambda b, f, s, c, a: b + f + s + c + a, BEFORE, FIGURES, SCALES, CURRENCIES,
                    AFTER)
items = st.builds(lambda label, gap, value: label + gap + value, LABELS,
                  st.sampled_from([" ", "", ": ", "\t", " 약 "]), amounts | FIGURES)
item_lists = st.builds(lambda parts, sep: sep.join(parts), st.lists(items, min_size=1, max_size=5),
                       st.sampled_from([", ", "·", " ", "\t", "/", " 및 ", ", 이 중 "]))
brackets = st.builds(lambda o, body, c: o + body + c,
                     st.sampled_from(["(", "（", "[", "((", "( ", "(이 중 ", "【"]), item_lists,
                     st.sampled_from([")", "）", "]", "", "))", ")(", "】"]))
sentences = st.builds(
    lambda period, label, amount, paren, particle, tail: f"{period}{label} {amount}{paren}{particle}{tail}",
    PERIODS, LABELS, amounts, brackets | st.just(""), PARTICLES,
    st.sampled_from(["투입한다.", "들인다.", "확보했다.", " 지원.", "", ". 재원은 ", ". 이 가운데 ",
                     " 규모다.", "을 편성했다. 나머지는 ", "으로 늘었다."]))
rows = st.lists(FIGURES | amounts | LABELS | st.sampled_from(["계", "합계", "△1,200", "-", "2024",
                                                              "2025", "%", "12.5", ""]),
                min_size=1, max_size=6).map("\t".join)
tables = st.builds(lambda header, head, body: "\n".join([header, head, *body]), HEADERS,
                   st.lists(st.sampled_from(["구분", "사업명", "예산액", "국비", "도비", "계", "2024",
                                             "2025", "증감"]), min_size=1, max_size=5).map("\t".join),
                   st.lists(rows, max_size=6))
soup = st.lists(st.one_of(amounts, brackets, PARTICLES, LABELS, FURNITURE, st.text(max_size=8)),
                max_size=8).map("".join)
lines = st.one_of(sentences, sentences, tables, FURNITURE, soup, st.text(max_size=40))
documents = st.builds(lambda parts, newline: newline.join(parts), st.lists(lines, max_size=12),
                      st.sampled_from(["\n", "\n\n", "\r\n", "\n\t"]))

# --- checks on results -------------------------------------------------------------------------

def _line_col(text: str, offset: int) -> tuple[int, int]:
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1


def check_finding(text: str, f) -> None:
    assert f.code in CHECKS and f.severity in ("error", "warning"), f
    assert 0 <= f.start <= f.end <= len(text), f
    assert (f.line, f.column) == _line_col(text, f.start), f
    assert f.message and "\n" not in f.message
    no_floats(f.to_dict())


def check_split(text: str, s) -> None:
    assert 0 <= s.start <= s.end <= len(text), s
    assert text[s.start:s.end] == s.text, s
    assert isinstance(s.value, Decimal) and (s.krw is None or type(s.krw) is int)
    for inner in s.splits:
        check_split(text, inner)


def check_mentions(text: str, mentions) -> None:
    for m in mentions:
        assert 0 <= m.start < m.end <= len(text), m
        assert text[m.start:m.end] == m.text, m
        assert (m.line, m.column) == _line_col(text, m.start), m
        assert isinstance(m.value, Decimal) and (m.krw is None or type(m.krw) is int)
        for s in m.splits:
            check_split(text, s)
        if m.period is not None:
            p = m.period
            assert 0 <= p.start_offset <= p.end_offset <= len(text)
            assert text[p.start_offset:p.end_offset] == p.text, p
        for f in m.findings:
            check_finding(text, f)
        record = m.to_dict()
        no_floats(record)
        json.dumps(record, ensure_ascii=False)
    starts = [m.start for m in mentions]
    assert starts == sorted(starts)


def full_check(text: str) -> None:
    first = fundparse.extract(text)
    check_mentions(text, first)
    again = fundparse.extract(text)
    assert [m.to_dict() for m in again] == [m.to_dict() for m in first]
    findings = fundparse.check(text)
    for f in findings:
        check_finding(text, f)
    assert fundparse.check(text) == findings


# --- fuzzing extract and check -----------------------------------------------------------------

FUZZ = settings(max_examples=250, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])


@FUZZ
@given(documents)
@example("2023년부터 2026년까지 4년간 281억 원(국비 121, 지방비 160)을 투입한다.")
@example("(단위: 백만원)\n구분\t계\t국비\t도비\n도로\t1,200\t700\t500\n교량\t△300\t\t")
@example("총사업비 100억 원(국비 30억 원(((도비 20억 원\r\n재원은 국비 50억 원, 시비 50억 원이다.")
@example("사업비 5억 원\t(단위: 천원)\t1,000\t국 600\t도 400")
@example("\ufeff(단위: 억원)\n\n\n1,1,1,1,1,1\t2,7500원\t1,23억 원")
def test_money_documents(text):
    full_check(text)


@FUZZ
@given(st.text(max_size=300))
def test_arbitrary_text(text):
    full_check(text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents, st.sampled_from([None, 2024, "2025-03-01"]),
       st.decimals(min_value=Decimal("0.01"), max_value=Decimal(5000), places=2))
def test_money_documents_with_date_and_rates(text, doc_date, rate):
    mentions = fundparse.extract(text, doc_date=doc_date,
                                 rates={"USD": rate, "JPY": rate, "EUR": rate, "CNY": rate})
    check_mentions(text, mentions)
    for f in fundparse.check(text, doc_date=doc_date):
        check_finding(text, f)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2048), st.sampled_from(["a.txt", "a.md", "a.html", "a.hwpx", "-"]))
@example("총사업비 281억 원(국비 121, 지방비 160)".encode("cp949"), "a.txt")
@example("<p>사업비 50억&nbsp;원</p><script>x='1억 원'</script>".encode(), "a.html")
def test_bytes_through_readers_into_extract(data, name):
    try:
        doc = read_bytes(data, name)
    except ReadError as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    assert isinstance(doc, Document)
    full_check(doc.text)


# --- chunked reading of huge files ---------------------------------------------------------------

@pytest.fixture(scope="module")
def scratch():
    with tempfile.TemporaryDirectory() as folder:
        yield Path(folder)


@settings(max_examples=120, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.lists(documents, min_size=1, max_size=4).map("\n".join),
       st.integers(min_value=8, max_value=400))
@example("가나다 " * 40 + "사업비 77억 원(국비 40억 원, 시비 37억 원)\n" + "총 5억 원\n" * 30, 64)
def test_chunked_files_keep_whole_file_offsets(scratch, text, chunk_chars):
    """The command reads plain text over ``huge_bytes`` in chunks and shifts what each chunk
    yields; offsets, lines and columns must still point into the whole file."""
    path = scratch / "archive.txt"
    path.write_bytes(text.encode("utf-8"))
    try:
        whole = read_path(path).text
    except ReadError:
        return
    for mode in ("extract", "check"):
        job = Job(mode=mode, huge_bytes=1, chunk_chars=chunk_chars)
        events = list(process(str(path), job))
        kinds = [e[0] for e in events]
        assert "internal" not in kinds, events
        for event in events:
            if event[0] == "mentions":
                check_mentions(whole, event[1])
            elif event[0] == "findings":
                for f in event[1]:
                    check_finding(whole, f)


# --- the same results under any string-hash seed ---------------------------------------------------

_DUMP = """
import json, sys
import fundparse
out = []
for text in json.load(sys.stdin):
    out.append([[m.to_dict() for m in fundparse.extract(text)],
                [f.to_dict() for f in fundparse.check(text)]])
print(json.dumps(out, ensure_ascii=False))
"""


@settings(max_examples=3, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(documents, min_size=12, max_size=12))
def test_same_results_under_other_hash_seeds(texts):
    here = [[[m.to_dict() for m in fundparse.extract(t)], [f.to_dict() for f in fundparse.check(t)]]
            for t in texts]
    expected = json.loads(json.dumps(here, ensure_ascii=False))
    for seed in ("0", "4242"):
        done = subprocess.run([sys.executable, "-c", _DUMP], input=json.dumps(texts).encode(),
                              capture_output=True, timeout=120, check=False,
                              env=cli_env(PYTHONHASHSEED=seed))
        assert done.returncode == 0, done.stderr.decode()
        assert json.loads(done.stdout) == expected, f"PYTHONHASHSEED={seed}"


# --- runs of numeral syllables (once exponential: nested quantifiers, now possessive) ----------

def test_long_hangul_numeral_runs_finish():
    script = "import fundparse; fundparse.extract('억' * 40); fundparse.extract('오오' * 20)"
    try:
        done = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=5,
                              env=cli_env(), check=False)
    except subprocess.TimeoutExpired:
        pytest.fail("extract on 40 numeral syllables took over 5 s")
    assert done.returncode == 0, done.stderr.decode()


# --- the command on hostile folders ----------------------------------------------------------------

HP = "http://www.hancom.co.kr/hwpml/2011/paragraph"
GOOD_TEXT = ("구미시는 2023년부터 2026년까지 4년간 총사업비 281억 원(국비 121, 지방비 160)을 투입한다.\n"
             "공원 조성에는 100억 원(국비 30억 원, 도비 20억 원)이 든다.\n")   # an FP101 for check
GOOD_MD = "시는 또 사업비 50억 원(도비 20억 원, 시비 30억 원)을 들여 도로를 정비한다.\n"


def _hwpx_zip(members: dict[str, bytes | str], compress: bool = True) -> bytes:
    buf = io.BytesIO()
    method = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
    with zipfile.ZipFile(buf, "w", method) as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/hwp+zip")
        for name, data in members.items():
            archive.writestr(name, data)
    return buf.getvalue()


def _section(body: str, head: str = "") -> str:
    return (f'<?xml version="1.0" encoding="UTF-8"?>{head}<hs:sec xmlns:hp="{HP}" '
            f'xmlns:hs="http://www.hancom.co.kr/hwpml/2011/section">{body}</hs:sec>')


def _para(text: str) -> str:
    return f"<hp:p><hp:run><hp:t>{text}</hp:t></hp:run></hp:p>"


def entity_bomb() -> bytes:
    levels = ['<!ENTITY a0 "281억 원">'] + [
        f'<!ENTITY a{i} "{f"&a{i - 1};" * 10}">' for i in range(1, 10)]
    return _hwpx_zip({"Contents/section0.xml": _section(_para("&a9;"),
                                                        f"<!DOCTYPE hs:sec [{''.join(levels)}]>")})


def ratio_bomb() -> bytes:
    """One section of 16 MiB of spaces inside valid XML: about 16 KB compressed."""
    pad = " " * (16 << 20)
    return _hwpx_zip({"Contents/section0.xml": _section(pad + _para("281억 원"))})


def many_sections_bomb() -> bytes:
    """250 sections of 1 MiB each (under the per-member ratio check): 250 MB in all."""
    section = _section(" " * ((1 << 20) - 300) + _para("1억 원"))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/hwp+zip")
        for i in range(250):
            archive.writestr(f"Contents/section{i}.xml", section)
    return buf.getvalue()


def deep_nesting() -> bytes:
    depth = 30_000
    body = "<hp:subList>" * depth + _para("281억 원") + "</hp:subList>" * depth
    return _hwpx_zip({"Contents/section0.xml": _section(body)})


BAD = {  # name -> a phrase its one-line error must hold
    "b-dead.txt": "broken symbolic link",
    "c-pipe.txt": "not a regular file (a FIFO)",
    "d-image.txt": "binary file",
    "e-truncated.hwpx": "corrupt HWPX",
    "f-entities.hwpx": "DOCTYPE",
    "g-ratio-bomb.hwpx": "zip bomb",
    "h-many-sections.hwpx": "zip bomb",
    "i-deep.hwpx": "nested too deeply",
}
GOOD = ["a-good.txt", "j-good.hwpx", "z-good.md"]


def good_hwpx(*paragraphs: str) -> bytes:
    return _hwpx_zip({"Contents/section0.xml": _section("".join(map(_para, paragraphs)))})


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    (root / "a-good.txt").write_text(GOOD_TEXT, encoding="utf-8")
    (root / "b-dead.txt").symlink_to(root / "gone.txt")
    os.mkfifo(root / "c-pipe.txt")
    (root / "d-image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40)
    whole = good_hwpx(*[GOOD_TEXT] * 40)
    (root / "e-truncated.hwpx").write_bytes(whole[:len(whole) // 2])
    (root / "f-entities.hwpx").write_bytes(entity_bomb())
    (root / "g-ratio-bomb.hwpx").write_bytes(ratio_bomb())
    (root / "h-many-sections.hwpx").write_bytes(many_sections_bomb())
    (root / "i-deep.hwpx").write_bytes(deep_nesting())
    (root / "j-good.hwpx").write_bytes(good_hwpx("사업비 32억 원(국비 16억 원, 군비 16억 원)을 들인다."))
    (root / "k-empty.txt").write_bytes(b"")
    (root / "z-good.md").write_text(GOOD_MD, encoding="utf-8")
    return root


def run(*args: str | os.PathLike[str], stdin: bytes | None = None) -> subprocess.CompletedProcess:
    done = subprocess.run([*fundparse_command(), *map(str, args)], capture_output=True,
                          input=stdin, stdin=None if stdin is not None else subprocess.DEVNULL,
                          env=cli_env(), timeout=120, check=False)
    return subprocess.CompletedProcess(done.args, done.returncode,
                                       done.stdout.decode("utf-8", "surrogateescape"),
                                       done.stderr.decode("utf-8", "surrogateescape"))


def assert_one_line_per_bad_file(root: Path, stderr: str) -> None:
    assert "Traceback" not in stderr and "internal error" not in stderr, stderr
    lines = stderr.splitlines()
    assert len(lines) == len(BAD), stderr
    for line, (name, phrase) in zip(lines, sorted(BAD.items())):
        assert line.startswith(f"fundparse: {root / name}: "), line
        assert phrase in line, line
        assert len(line) < 300, line


def test_hostile_sizes_are_small(hostile):
    # the bombs are cheap to store and expensive to open: that is the point
    assert (hostile / "g-ratio-bomb.hwpx").stat().st_size < 200_000
    assert (hostile / "h-many-sections.hwpx").stat().st_size < 1_000_000


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_extract_on_a_hostile_folder(hostile, jobs):
    done = run("extract", "--format", "jsonl", "--jobs", jobs, hostile)
    assert done.returncode == 2
    assert_one_line_per_bad_file(hostile, done.stderr)
    records = [json.loads(line) for line in done.stdout.splitlines()]
    by_file = {}
    for r in records:
        by_file.setdefault(Path(r["file"]).name, []).append(r["krw"])
    assert by_file == {
        "a-good.txt": [28_100_000_000, 10_000_000_000],
        "j-good.hwpx": [3_200_000_000],
        "z-good.md": [5_000_000_000],
    }


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_check_on_a_hostile_folder(hostile, jobs):
    done = run("check", "--statistics", "--lang", "en", "--jobs", jobs, hostile)
    assert done.returncode == 2  # input errors win over the error finding
    assert_one_line_per_bad_file(hostile, done.stderr)
    out = done.stdout.splitlines()
    assert out[0].startswith(f"{hostile / 'a-good.txt'}:2:") and " FP101 " in out[0], out
    # the good files and the empty one are checked; the eight bad ones are not
    assert re.search(r"\b4 files?\b", out[-1]), out


def test_table_output_on_a_hostile_folder(hostile):
    done = run("extract", hostile)
    assert done.returncode == 2
    assert_one_line_per_bad_file(hostile, done.stderr)
    for name in GOOD:
        assert str(hostile / name) in done.stdout


def test_bad_files_named_directly(hostile):
    for name, phrase in sorted(BAD.items()):
        for command in (["extract", "--format", "jsonl"], ["check"]):
            done = run(*command, hostile / name)
            assert done.returncode == 2, (name, command)
            assert done.stdout == ""
            assert done.stderr.count("\n") == 1 and phrase in done.stderr, done.stderr


def test_non_utf8_file_name(tmp_path):
    """A file name that is not UTF-8 is read, and reported as the bytes it is on disk."""
    odd = os.path.join(os.fsencode(tmp_path), b"\xff\xfe-release.txt")
    with open(odd, "wb") as handle:
        handle.write(GOOD_MD.encode("utf-8"))
    (tmp_path / "good.txt").write_text(GOOD_MD, encoding="utf-8")
    for args in (["extract", "--format", "jsonl"], ["extract", "--format", "csv"], ["check"]):
        done = run(*args, tmp_path)
        assert done.returncode == 0, done.stderr
        assert "Traceback" not in done.stderr
    done = run("extract", "--format", "jsonl", tmp_path)
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert [r["krw"] for r in records] == [5_000_000_000] * 2
    assert sorted(os.fsencode(r["file"]) for r in records) == sorted(
        [os.fsencode(tmp_path / "good.txt"), odd])


@pytest.mark.parametrize("content", [b"", b"\n\n\n", b"   \t \r\n", b"\xef\xbb\xbf"])
def test_empty_files_exit_0(tmp_path, content):
    for name in ("empty.txt", "empty.md", "empty.html"):
        path = tmp_path / name
        path.write_bytes(content)
        for args in (["check"], ["check", "--format", "json"], ["extract", "--format", "jsonl"],
                     ["extract"]):
            done = run(*args, path)
            assert done.returncode == 0, (name, args, done.stderr)
            assert done.stderr == "", (name, args)
            if args[-1] in ("check", "jsonl"):
                assert done.stdout == "", (name, args)


def test_empty_stdin_and_empty_folder(tmp_path):
    for args in (["check", "-"], ["extract", "--format", "jsonl", "-"]):
        done = run(*args, stdin=b"")
        assert (done.returncode, done.stdout, done.stderr) == (0, "", ""), args
    (tmp_path / "only-empty.txt").write_bytes(b"")
    for command in ("check", "extract"):
        done = run(command, tmp_path)
        assert done.returncode == 0 and done.stderr == "", done.stderr


@pytest.mark.parametrize("chunk", [37, 64, 101, 150, 333])
def test_chunks_of_a_text_without_line_breaks_read_as_the_whole(chunk):
    # issue 21: a huge one-line file read in chunks lost digits at the seams ("81억원", "1억원")
    # and periods; a chunk now ends at a sentence end when no line break is near
    from fundparse.readers.plain import cut_text

    text = "".join(f"총사업비{281 + i}억원을 {2023 + i % 3}년부터 {2026 + i % 3}년까지 투입한다."
                   for i in range(40))
    pieces = list(cut_text(text, chunk))
    assert "".join(pieces) == text

    def key(m, shift=0):
        p = m.period
        return (m.start + shift, m.text, m.krw, p and (p.start, p.end))

    whole = [key(m) for m in fundparse.extract(text)]
    got, offset = [], 0
    for piece in pieces:
        got += [key(m, offset) for m in fundparse.extract(piece)]
        offset += len(piece)
    assert got == whole and len(whole) == 40
