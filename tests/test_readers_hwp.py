"""HWP 5 reader: record layer, control codes, tables, distribution decryption, real files.

Synthetic tests build records (and a small OLE2 compound file) byte by byte, so they run
anywhere.  The real-file tests read the third-party fixtures in place from
/work/shared/fixtures/hwp and skip, naming that path, where it is absent.
"""

from __future__ import annotations

import os
import struct
import zlib
from pathlib import Path

import pytest

olefile = pytest.importorskip("olefile", reason="fundparse[hwp] extra (olefile) not installed")
pytest.importorskip("cryptography", reason="fundparse[hwp] extra (cryptography) not installed")

from fundparse.readers import ReadError  # noqa: E402
from fundparse.readers import hwp  # noqa: E402
from fundparse.readers.hwp import (  # noqa: E402
    CtrlMark, MsvcRand, build_tree, distribution_key, iter_records, parse_para_text,
    read_hwp, render_section,
)

FIXTURES = Path("/work/shared/fixtures/hwp")


# --------------------------------------------------------------------------------------
# Builders for synthetic HWP content


def rec(tag: int, level: int, payload: bytes) -> bytes:
    """One record: header DWORD (+ extended size DWORD when the payload is large)."""
    if len(payload) >= 0xFFF:
        return struct.pack("<II", tag | (level << 10) | (0xFFF << 20), len(payload)) + payload
    return struct.pack("<I", tag | (level << 10) | (len(payload) << 20)) + payload


def units(*parts: str | int | tuple) -> bytes:
    """PARA_TEXT payload: str → its UTF-16 units; int → one char control;
    ('ctrl', code, ctrl_id) → an 8-unit inline/extended control."""
    out = []
    for part in parts:
        if isinstance(part, str):
            out.append(part.encode("utf-16-le"))
        elif isinstance(part, int):
            out.append(struct.pack("<H", part))
        else:
            _, code, ctrl_id = part
            ident = ctrl_id[::-1].encode("latin-1")  # stored reversed, like the real files
            out.append(struct.pack("<H", code) + ident + b"\x00" * 8 + struct.pack("<H", code))
    return b"".join(out)


def para(level: int, *parts, ctrls: bytes = b"") -> bytes:
    """PARA_HEADER + PARA_TEXT at ``level`` followed by the given control records."""
    header = struct.pack("<IIHBB", 0, 0, 0, 0, 0) + b"\x00" * 10
    return rec(66, level, header) + rec(67, level + 1, units(*parts, 13)) + ctrls


def ctrl_header(level: int, ctrl_id: str) -> bytes:
    return rec(71, level, ctrl_id[::-1].encode("latin-1") + b"\x00" * 40)


def table(level: int, n_rows: int, n_cols: int, cells: list[tuple[int, int, int, int, bytes]]) -> bytes:
    """A 'tbl ' control at ``level``; cells are (row, col, rowspan, colspan, paragraph bytes)."""
    out = [ctrl_header(level, "tbl ")]
    spec = struct.pack("<IHH", 0, n_rows, n_cols) + b"\x00" * (10 + 2 * n_rows) + b"\x01\x00"
    out.append(rec(77, level + 1, spec))
    for row, col, rowspan, colspan, body in cells:
        count = body.count(struct.pack("<I", 66 | ((level + 1) << 10) | (22 << 20)))
        header = (struct.pack("<HIH", count, 0, 0)
                  + struct.pack("<HHHH", col, row, colspan, rowspan)
                  + struct.pack("<II", 1000, 1000) + b"\x00" * 10)
        out.append(rec(72, level + 1, header))
        out.append(body)
    return b"".join(out)


TBL = ("ctrl", 11, "tbl ")


# --------------------------------------------------------------------------------------
# Record layer


def test_record_header_fields_and_extended_size():
    big = bytes(range(256)) * 20  # 5120 bytes: needs the 0xFFF escape
    data = rec(66, 0, b"ab") + rec(67, 3, big) + rec(71, 1023, b"")
    assert data[6:10] == struct.pack("<I", 67 | (3 << 10) | (0xFFF << 20))
    got = list(iter_records(data))
    assert got == [(66, 0, b"ab"), (67, 3, big), (71, 1023, b"")]


def test_record_overrun_is_a_read_error():
    data = rec(67, 0, b"x" * 40)[:-3]
    with pytest.raises(ReadError, match="past the end"):
        list(iter_records(data, "BodyText/Section0"))
    with pytest.raises(ReadError, match="truncated record header"):
        list(iter_records(rec(66, 0, b"") + b"\x01\x02"))


def test_tree_nests_by_level():
    root = build_tree([(66, 0, b"a"), (67, 1, b"b"), (71, 1, b"c"), (77, 2, b"d"),
                       (66, 0, b"e")])
    assert [r.payload for r in root.children] == [b"a", b"e"]
    first = root.children[0]
    assert [r.payload for r in first.children] == [b"b", b"c"]
    assert [r.payload for r in first.children[1].children] == [b"d"]


# --------------------------------------------------------------------------------------
# PARA_TEXT control codes


def test_para_text_skips_eight_unit_controls_and_maps_char_controls():
    payload = units(
        ("ctrl", 2, "secd"), ("ctrl", 2, "cold"),     # extended: section/column definitions
        "총사업비", ("ctrl", 9, "\x00\x00\x00\x00"),   # inline tab → \t
        "281억", 30, "원", 31, "(국비", ("ctrl", 4, "%clk"), " 121)",  # inline field end
        10, "지방", 24, "비", "\ue0a1", 13,            # line break, hyphen, private use
    )
    pieces = parse_para_text(payload)
    assert pieces[0] == CtrlMark(2) and pieces[1] == CtrlMark(2)
    assert "".join(p for p in pieces if isinstance(p, str)) == "총사업비\t281억 원 (국비 121)\n지방-비"


def test_para_text_control_payload_never_leaks_as_text():
    # The 12 bytes inside an extended control could decode as Hangul; they must be skipped.
    noisy = struct.pack("<H", 11) + "가나다라마바".encode("utf-16-le") + struct.pack("<H", 11)
    pieces = parse_para_text(noisy + "끝".encode("utf-16-le"))
    assert pieces == [CtrlMark(11), "끝"]


def test_plain_paragraphs_one_line_each():
    body = para(0, "첫 문단") + para(0, "둘째", 10, "줄") + para(0, "")
    assert render_section(body) == ["첫 문단", "둘째", "줄", ""]


# --------------------------------------------------------------------------------------
# Tables


def cell_para(level: int, text: str, ctrls: bytes = b"", *extra) -> bytes:
    return para(level, text, *extra, ctrls=ctrls)


def test_table_rows_tab_separated_with_merge_and_text_around():
    # 3×3 grid; (0,0) spans two columns, (1,2) spans two rows.
    cells = [
        (0, 0, 1, 2, cell_para(2, "(단위: 백만원)")),
        (0, 2, 1, 1, cell_para(2, "합계")),
        (1, 0, 1, 1, cell_para(2, "국비")),
        (1, 1, 1, 1, cell_para(2, "12,100")),
        (1, 2, 2, 1, cell_para(2, "28,100")),
        (2, 0, 1, 1, cell_para(2, "지방비")),
        (2, 1, 1, 1, cell_para(2, "16,000")),
    ]
    body = (para(0, "앞 문단")
            + para(0, "표 앞", TBL, "표 뒤", ctrls=table(1, 3, 3, cells))
            + para(0, "뒤 문단"))
    assert render_section(body) == [
        "앞 문단",
        "표 앞",
        "(단위: 백만원)\t\t합계",
        "국비\t12,100\t28,100",
        "지방비\t16,000\t",
        "표 뒤",
        "뒤 문단",
    ]


def test_cells_placed_by_address_not_by_order():
    cells = [
        (1, 1, 1, 1, cell_para(2, "d")),
        (0, 1, 1, 1, cell_para(2, "b")),
        (1, 0, 1, 1, cell_para(2, "c")),
        (0, 0, 1, 1, cell_para(2, "a")),
    ]
    body = para(0, TBL, ctrls=table(1, 2, 2, cells))
    assert render_section(body) == ["a\tb", "c\td"]


def test_nested_table_and_multi_paragraph_cell_are_flattened():
    inner = table(3, 1, 2, [(0, 0, 1, 1, cell_para(4, "국비")),
                            (0, 1, 1, 1, cell_para(4, "121억"))])
    outer_cells = [
        (0, 0, 1, 1, cell_para(2, "재원") + cell_para(2, "구성")),
        (0, 1, 1, 1, cell_para(2, "내역", inner, TBL)),
    ]
    body = para(0, TBL, ctrls=table(1, 1, 2, outer_cells))
    assert render_section(body) == ["재원 구성\t내역 국비 121억"]


def test_damaged_table_and_runaway_nesting_are_read_errors():
    far = table(1, 2, 2, [(0, 0, 1, 1, cell_para(2, "a")), (60000, 60000, 1, 1, cell_para(2, "b"))])
    with pytest.raises(ReadError, match="implausible table"):
        render_section(para(0, TBL, ctrls=far))
    deep = b"".join(rec(66 if level % 2 == 0 else 71, level,
                        b"" if level % 2 == 0 else b" osg") for level in range(1023))
    with pytest.raises(ReadError, match="nested too deeply"):
        render_section(deep)


def test_one_cell_table_is_a_box_of_lines():
    box = table(1, 1, 1, [(0, 0, 1, 1, cell_para(2, "제목") + cell_para(2, "부제"))])
    assert render_section(para(0, TBL, ctrls=box)) == ["제목", "부제"]


def test_text_box_and_footnote_are_read():
    # A drawing object ('gso ') holding a text box: SHAPE_COMPONENT → LIST_HEADER → paragraphs.
    gso = (ctrl_header(1, "gso ") + rec(76, 2, b"\x00" * 8)
           + rec(72, 3, struct.pack("<HIH", 1, 0, 0)) + para(3, "상자 속 281억 원"))
    note = ctrl_header(1, "fn  ") + rec(72, 2, struct.pack("<HIH", 1, 0, 0)) + para(2, "각주 글")
    body = para(0, "본문", ("ctrl", 11, "gso "), "끝", ("ctrl", 17, "fn  "), "이다",
                ctrls=gso + note)
    assert render_section(body) == ["본문", "상자 속 281억 원", "끝이다", "각주 글"]


# --------------------------------------------------------------------------------------
# Distribution documents (key schedule)


def test_msvc_rand_matches_the_c_runtime():
    rand = MsvcRand(1)  # srand(1): the documented first values of MSVC rand()
    assert [rand() for _ in range(5)] == [41, 18467, 6334, 26500, 19169]


def c_runtime_rand(seed: int):
    """MSVC's rand() from its definition (state * 214013 + 2531011 mod 2**32, bits 16-30),
    written here on its own so the test does not lean on the reader's MsvcRand."""
    state = seed
    while True:
        state = (state * 214013 + 2531011) % 2**32
        yield (state >> 16) % 2**15


def key_schedule(seed: int) -> bytes:
    """The spec's 256-byte mask: runs of (mask byte, 1-16 bytes long) from the seeded rand()."""
    rand = c_runtime_rand(seed)
    stream = bytearray()
    while len(stream) < 256:
        mask = next(rand) % 256
        stream += bytes([mask]) * (next(rand) % 16 + 1)
    return bytes(stream[:256])


def make_doc_data(seed: bytes, key: bytes) -> bytes:
    """A 256-byte DISTRIBUTE_DOC_DATA payload hiding ``key``, laid out as the HWP 5 spec says:
    4 seed bytes in the clear, then the payload XOR the key schedule; the key sits at
    4 + (low nibble of the first seed byte)."""
    plain = bytearray((i * 37 + 11) % 256 for i in range(256))
    plain[:4] = seed
    start = 4 + seed[0] % 16
    plain[start:start + 16] = key
    mask = key_schedule(int.from_bytes(seed, "little"))
    return bytes(seed) + bytes(p ^ m for p, m in zip(plain[4:], mask[4:]))


def test_the_test_generator_is_the_c_runtime_rand():
    rand = c_runtime_rand(1)
    assert [next(rand) for _ in range(5)] == [41, 18467, 6334, 26500, 19169]


def test_distribution_key_recovered_from_doc_data():
    key = bytes(range(100, 116))
    for seed in (b"\x00\x00\x00\x00", b"\x0f\x12\x34\x56", b"\xa7\xff\x01\x80"):
        assert distribution_key(make_doc_data(seed, key)) == key


def view_text_stream(records: bytes, key: bytes, seed: bytes = b"\x05\x06\x07\x08") -> bytes:
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

    packed = zlib.compressobj(9, zlib.DEFLATED, -15)
    body = packed.compress(records) + packed.flush()
    body += b"\x00" * (-len(body) % 16)
    enc = Cipher(algorithms.AES(key), modes.ECB()).encryptor()
    return rec(28, 0, make_doc_data(seed, key)) + enc.update(body) + enc.finalize()


# --------------------------------------------------------------------------------------
# A minimal OLE2 compound-file writer (v3, 512-byte sectors), enough for olefile to read


ENDOFCHAIN, FATSECT, FREESECT, NOSTREAM = 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF, 0xFFFFFFFF


def write_cfb(streams: dict[str, bytes]) -> bytes:
    """Compound file holding ``streams`` ('Storage/Name' paths, one level of storages)."""
    # Directory tree: root → top-level entries; storages → their streams.
    tree: dict[str, dict[str, bytes]] = {}
    top: dict[str, bytes | None] = {}
    for path, data in streams.items():
        if "/" in path:
            storage, name = path.split("/")
            tree.setdefault(storage, {})[name] = data
            top[storage] = None
        else:
            top[path] = data

    def order(names):  # CFB compares by length, then upper-case
        return sorted(names, key=lambda n: (len(n), n.upper()))

    entries: list[dict] = [{"name": "Root Entry", "type": 5}]
    small: list[tuple[int, bytes]] = []  # (entry index, data) kept in the mini stream
    large: list[tuple[int, bytes]] = []

    def add_children(parent: int, children: dict) -> None:
        first = None
        prev = None
        for name in order(children):
            idx = len(entries)
            data = children[name]
            entry = {"name": name, "type": 1 if data is None else 2, "right": NOSTREAM}
            entries.append(entry)
            if data is None:
                add_children(idx, tree[name])
            else:
                (small if len(data) < 4096 else large).append((idx, data))
            if prev is None:
                first = idx
            else:
                entries[prev]["right"] = idx  # a right-leaning chain is a valid tree
            prev = idx
        entries[parent]["child"] = first if first is not None else NOSTREAM

    add_children(0, top)

    mini = bytearray()
    minifat: list[int] = []
    for idx, data in small:
        start = len(mini) // 64
        n = max(1, -(-len(data) // 64))
        entries[idx]["start"], entries[idx]["size"] = start, len(data)
        minifat.extend(list(range(start + 1, start + n)) + [ENDOFCHAIN])
        mini += data + b"\x00" * (n * 64 - len(data))
    for idx, data in large:
        entries[idx]["size"] = len(data)

    def sectors(n_bytes: int) -> int:
        return max(1, -(-n_bytes // 512)) if n_bytes else 0

    dir_bytes = len(entries) * 128
    minifat_bytes = len(minifat) * 4
    plan = [("dir", sectors(dir_bytes)), ("minifat", sectors(minifat_bytes)),
            ("mini", sectors(len(mini)))] + [(idx, sectors(len(d))) for idx, d in large]
    content = sum(n for _, n in plan)
    n_fat = 1
    while n_fat * 128 < n_fat + content:
        n_fat += 1
    fat = [FATSECT] * n_fat
    starts = {}
    for key, n in plan:
        if n == 0:
            starts[key] = ENDOFCHAIN
            continue
        starts[key] = len(fat)
        fat.extend(list(range(len(fat) + 1, len(fat) + n)) + [ENDOFCHAIN])
    fat += [FREESECT] * (n_fat * 128 - len(fat))

    entries[0]["start"], entries[0]["size"] = starts["mini"], len(mini)
    for idx, _ in large:
        entries[idx]["start"] = starts[idx]

    def dir_entry(e: dict) -> bytes:
        name = e["name"].encode("utf-16-le") + b"\x00\x00"
        return (name.ljust(64, b"\x00") + struct.pack("<HBB", len(name), e["type"], 1)
                + struct.pack("<III", NOSTREAM, e.get("right", NOSTREAM), e.get("child", NOSTREAM))
                + b"\x00" * 16 + b"\x00" * 4 + b"\x00" * 16
                + struct.pack("<IQ", e.get("start", ENDOFCHAIN if e["type"] != 1 else 0),
                              e.get("size", 0)))

    def pad(b: bytes, n: int) -> bytes:
        return b + b"\x00" * (n * 512 - len(b))

    blobs = {
        "dir": b"".join(dir_entry(e) for e in entries),
        "minifat": struct.pack(f"<{len(minifat)}I", *minifat),
        "mini": bytes(mini),
    }
    difat = list(range(n_fat)) + [FREESECT] * (109 - n_fat)
    header = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 16
              + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + b"\x00" * 6
              + struct.pack("<IIIIIIIII", 0, n_fat, starts["dir"], 0, 4096,
                            starts["minifat"] if minifat else ENDOFCHAIN,
                            sectors(minifat_bytes), ENDOFCHAIN, 0)
              + struct.pack("<109I", *difat))
    out = [header, struct.pack(f"<{len(fat)}I", *fat)]
    for key, n in plan:
        if n:
            out.append(pad(blobs[key] if key in blobs else dict(large)[key], n))
    return b"".join(out)


def file_header(props: int, version: int = 0x05000300) -> bytes:
    return (b"HWP Document File".ljust(32, b"\x00") + struct.pack("<II", version, props)
            ).ljust(256, b"\x00")


def deflate(data: bytes) -> bytes:
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    return packer.compress(data) + packer.flush()


SAMPLE_BODY = (para(0, ("ctrl", 2, "secd"), "2023년부터 2026년까지 281억 원(국비 121, 지방비 160)을 투입")
               + para(0, TBL, ctrls=table(1, 2, 2, [
                   (0, 0, 1, 1, cell_para(2, "구분")), (0, 1, 1, 1, cell_para(2, "금액")),
                   (1, 0, 1, 1, cell_para(2, "국비")), (1, 1, 1, 1, cell_para(2, "12,100")),
               ]))
               + para(0, "끝"))
SAMPLE_TEXT = ("2023년부터 2026년까지 281억 원(국비 121, 지방비 160)을 투입\n"
               "구분\t금액\n국비\t12,100\n끝\n")


def synthetic_hwp(props: int = 1, body: bytes = SAMPLE_BODY, **extra: bytes) -> bytes:
    section = deflate(body) if props & 1 else body
    streams = {"FileHeader": file_header(props), "DocInfo": b"\x00" * 16,
               "BodyText/Section0": section}
    streams.update({k.replace("__", "/"): v for k, v in extra.items()})
    return write_cfb(streams)


def test_synthetic_file_compressed_and_uncompressed():
    assert read_hwp(synthetic_hwp(props=1)) == SAMPLE_TEXT
    assert read_hwp(synthetic_hwp(props=0)) == SAMPLE_TEXT


def test_synthetic_large_section_outside_the_mini_stream():
    body = b"".join(para(0, f"{i}번째 문단: 사업비 {i * 7}억 원") for i in range(400))
    text = read_hwp(synthetic_hwp(props=0, body=body))
    assert len(body) > 4096
    assert text.splitlines()[399] == "399번째 문단: 사업비 2793억 원"


def test_synthetic_distribution_document_reads_view_text_not_the_decoy():
    key = bytes(range(16, 32))
    decoy = para(0, "이 문서는 상위 버전의 배포용 문서입니다. 문서를 보려면 최신 버전을 사용하십시오.")
    data = synthetic_hwp(props=1 | 4, body=decoy,
                         ViewText__Section0=view_text_stream(SAMPLE_BODY, key))
    text = read_hwp(data)
    assert text == SAMPLE_TEXT
    assert "배포용" not in text


def test_distribution_without_view_text_is_refused():
    with pytest.raises(ReadError, match="ViewText"):
        read_hwp(synthetic_hwp(props=1 | 4))


def test_corrupt_view_text_is_refused():
    key = bytes(16)
    stream = bytearray(view_text_stream(SAMPLE_BODY, key))
    stream[300:316] = bytes(16)  # garble an AES block inside the deflate data
    with pytest.raises(ReadError):
        read_hwp(synthetic_hwp(props=1 | 4, ViewText__Section0=bytes(stream)))


@pytest.mark.parametrize("props,message", [
    (1 | 2, "password-protected HWP document"),
    (1 | 16, "DRM-protected HWP document"),
    (1 | 256, "certificate-encrypted HWP document"),
])
def test_protected_files_are_refused(props, message):
    with pytest.raises(ReadError) as err:
        read_hwp(synthetic_hwp(props=props))
    assert str(err.value) == message


def test_bad_input_is_a_one_line_read_error():
    good = synthetic_hwp()
    bad_sig = good.replace(b"HWP Document File", b"HWP Document Fail")
    no_section = write_cfb({"FileHeader": file_header(1), "DocInfo": b"\x00" * 16})
    gap = write_cfb({"FileHeader": file_header(1), "BodyText/Section0": deflate(SAMPLE_BODY),
                     "BodyText/Section2": deflate(SAMPLE_BODY)})
    hwp3 = write_cfb({"FileHeader": file_header(1, version=0x03000000),
                      "BodyText/Section0": deflate(SAMPLE_BODY)})
    cases = {
        "not OLE": b"HWP Document File V3.00 \x1a\x01\x02\x03\x04\x05" + b"\x00" * 200,
        "empty": b"",
        "truncated": good[: len(good) - 700],
        "half": good[: len(good) // 2],
        "bad signature": bad_sig,
        "no sections": no_section,
        "missing section": gap,
        "hwp3": hwp3,
        "garbage section": synthetic_hwp(props=1, body=b"\x00" * 3),
    }
    for label, data in cases.items():
        with pytest.raises(ReadError) as err:
            read_hwp(data)
        message = str(err.value)
        assert message and "\n" not in message, label
    with pytest.raises(ReadError, match="signature"):
        read_hwp(bad_sig)
    with pytest.raises(ReadError, match="missing section"):
        read_hwp(gap)


def test_module_carries_the_attribution_sentence():
    sentence = "본 제품은 한글과컴퓨터의 한글 문서 파일(.hwp) 공개 문서를 참고하여 개발하였습니다."
    assert sentence in (hwp.__doc__ or "")


# --------------------------------------------------------------------------------------
# Real files (third-party fixtures, read in place)


def fixture(name: str) -> bytes:
    path = FIXTURES / name
    if not path.is_file():
        pytest.skip(f"fixture absent: {path}")
    return path.read_bytes()


def test_real_noori_press_release():
    text = read_hwp(fixture("noori.hwp"))
    lines = text.splitlines()
    assert "배포일시\t2018. 9. 3.(월) 09:00\t담당부서\t거대공공연구정책과" in lines
    assert any("1.5톤급 실용위성을 지구 저궤도(600km~800km)까지" in line for line in lines)
    assert "“누리”가 선정되었다고 밝혔다." in text
    # The comparison table in the attachment, one row per line.
    assert "구 분\t한국형발사체(누리호)\t시험발사체" in lines
    assert "총 길이\t47.2 m\t25.8 m" in lines
    assert "이륙 중량\t200 톤\t52.1 톤" in lines
    # A merged header cell keeps its slot; the spanned slots stay empty.
    assert any(line.startswith("보도일시\t2018. 9. 4.(화)") and line.endswith("\t\t")
               for line in lines)
    assert not any(0xE000 <= ord(ch) <= 0xF8FF for ch in text)


def test_real_distribution_document_is_decrypted():
    text = read_hwp(fixture("distribution.hwp"))
    assert "금72,300,000원(금칠천이백삼십만원)" in text
    assert "2025년 강남세움센터 시설관리원 용역업체 선정 입찰공고" in text
    assert "배포용 문서" not in text and "상위 버전" not in text


def test_real_merging_cell_grid():
    lines = read_hwp(fixture("merging-cell.hwp")).splitlines()
    rows = [line.split("\t") for line in lines if "\t" in line]
    assert len(rows) == 7 and all(len(row) == 7 for row in rows)
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            assert cell == f"{r},{c}"


def test_real_basics_report_reads():
    text = read_hwp(fixture("basicsReport.hwp"))
    assert "리포트의 제목" in text
    assert "과목명\t○○○○" in text.splitlines()


def test_real_password_copy_is_refused(tmp_path):
    data = bytearray(fixture("noori.hwp"))
    at = data.index(b"HWP Document File")
    data[at + 36] |= 2
    copy = tmp_path / "password.hwp"
    copy.write_bytes(bytes(data))
    with pytest.raises(ReadError, match="^password-protected HWP document$"):
        read_hwp(copy.read_bytes())


def test_real_truncated_and_bad_signature_copies(tmp_path):
    data = fixture("merging-cell.hwp")
    for n in (len(data) - 1000, len(data) // 2, 600, 100):
        with pytest.raises(ReadError):
            read_hwp(data[:n])
    bad = data.replace(b"HWP Document File", b"XWP Document File", 1)
    with pytest.raises(ReadError, match="signature"):
        read_hwp(bad)


def test_fixture_dir_is_never_written():
    # Readers take bytes; nothing is created next to the third-party files.
    if FIXTURES.is_dir():
        before = sorted(os.listdir(FIXTURES))
        for name in before:
            if name.endswith(".hwp"):
                read_hwp((FIXTURES / name).read_bytes())
        assert sorted(os.listdir(FIXTURES)) == before
