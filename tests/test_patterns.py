"""fundparse.patterns: regex.compile remembered across processes, never changing a match.

Each test points the cache at its own folder (FUNDPARSE_CACHE_DIR) and runs real child
processes: the first compiles and writes the file, the next builds its patterns from it.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import regex
from conftest import cli_env

from fundparse import patterns

# what the rule patterns use: named lists, reverse search, inline and outer flags, groups,
# Hangul classes, lookbehind, version 1 set operations, full case folding
CASES = [
    (r"(?:\L<unit>)[ ]?원", 0, {"unit": ["억", "만", "조"]}),
    (r"(?r)(?<![가-힣])[가-힣]{1,8}[ \u00a0]+", 0, {}),
    (r"(?P<num>[0-9][0-9,]*)(?P<unit>억|만)?\s*원", regex.MULTILINE, {}),
    (r"(?i)total\s+(?P<x>\d+)", regex.VERBOSE, {}),
    (r"(?V1)[[a-z]--[aeiou]]+", 0, {}),
    (r"(?f)straße", regex.IGNORECASE, {}),
    (r"(?:\L<w>)(?!\L<w>)", 0, {"w": ["국비", "시비", "Fund"]}),
]
TEXT = "국비 3억 원, 시비 1만원 and TOTAL 12 Straße STRASSE rhythm 총 2,500억 원\n사업비 7만 원"

CHILD = textwrap.dedent("""
    import json, sys, regex
    from fundparse import patterns
    cases = json.loads(sys.argv[1]); text = sys.argv[2]
    out = []
    for pattern, flags, lists in cases:
        p = patterns.compile(pattern, flags, **lists)
        out.append([[m.span(), m.groupdict()] for m in p.finditer(text)] + [p.flags, p.pattern])
    print(json.dumps({"matches": out, "stored": len(patterns._load()), "new": len(patterns._new)}))
""")


def _expected() -> list:
    out = []
    for pattern, flags, lists in CASES:
        p = regex.compile(pattern, flags, **lists)
        out.append([[list(m.span()), m.groupdict()] for m in p.finditer(TEXT)] + [p.flags, p.pattern])
    return out


def _child(cache: Path | str) -> dict:
    cases = [[p, int(f), lists] for p, f, lists in CASES]
    done = subprocess.run([sys.executable, "-c", CHILD, json.dumps(cases), TEXT],
                          env=cli_env(FUNDPARSE_CACHE_DIR=str(cache)), capture_output=True,
                          text=True, check=True)
    return json.loads(done.stdout)


def test_the_second_process_builds_from_the_file_and_matches_the_same(tmp_path):
    first = _child(tmp_path)
    assert first["stored"] == 0 and first["new"] == len(CASES)
    assert len(list(tmp_path.glob("patterns-*.bin"))) == 1
    second = _child(tmp_path)
    assert second["stored"] == len(CASES) and second["new"] == 0
    assert first["matches"] == second["matches"] == _expected()


def test_a_damaged_file_is_ignored_and_written_again(tmp_path):
    _child(tmp_path)
    (cache,) = tmp_path.glob("patterns-*.bin")
    data = cache.read_bytes()
    cache.write_bytes(data[: len(data) // 2] + b"\x00garbage")
    damaged = _child(tmp_path)
    assert damaged["stored"] == 0 and damaged["matches"] == _expected()
    assert _child(tmp_path)["stored"] == len(CASES)


def test_no_cache_folder_still_compiles(tmp_path):
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    assert _child(blocked / "cache")["matches"] == _expected()  # cannot be created: no file
    assert _child("")["matches"] == _expected()  # turned off
    assert not list(tmp_path.rglob("patterns-*.bin"))


def test_in_process_the_same_object_comes_back_and_errors_are_regex_errors():
    first = patterns.compile(r"[0-9]+억", regex.M)
    assert patterns.compile(r"[0-9]+억", regex.M) is first
    assert patterns.compile(r"[0-9]+억") is not first
    for bad in (r"(unclosed", r"\L<missing>"):
        try:
            patterns.compile(bad)
        except (regex.error, ValueError, KeyError) as exc:
            with_regex = None
            try:
                regex.compile(bad)
            except Exception as exc2:  # noqa: BLE001  (the same kind as regex itself raises)
                with_regex = type(exc2)
            assert type(exc) is with_regex
        else:
            raise AssertionError(f"{bad!r} compiled")


def test_the_file_stays_small_and_keeps_what_the_last_run_used(tmp_path):
    many = textwrap.dedent("""
        from fundparse import patterns
        words = [f"낱말{i}" for i in range(3000)]
        for n in range(150):  # like 150 configurations, each adding its own words: ~9 MB
            patterns.compile(rf"(?:\\L<w>){n}", w=words)
    """)
    subprocess.run([sys.executable, "-c", many], env=cli_env(FUNDPARSE_CACHE_DIR=str(tmp_path)),
                   check=True)
    (cache,) = tmp_path.glob("patterns-*.bin")
    assert 1_000_000 < cache.stat().st_size <= 2_100_000
    assert _child(tmp_path)["new"] == len(CASES)
    assert cache.stat().st_size <= 2_100_000
    assert _child(tmp_path)["stored"] >= len(CASES)
    assert _child(tmp_path)["new"] == 0


def test_standard_library_patterns_too(tmp_path):
    child = textwrap.dedent("""
        import json, re, sys
        from fundparse import patterns
        cases = [(r"[0-9０-９]+(?:[,.][0-9]+)*", 0), (r"(?P<n>[일이삼사오육칠팔구십백천만억]+)\\s?원", re.I),
                 (r"^\\s*#\\s*fundparse:\\s*(?P<codes>[A-Z0-9, ]+)$", re.M | re.VERBOSE)]
        text = "제목: 1,234원과 오천만 원\\n  # fundparse: FP101, FP202\\n３２억"
        out = [[[m.span(), m.groupdict()] for m in patterns.compile_re(p, f).finditer(text)]
               + [patterns.compile_re(p, f).flags, patterns.compile_re(p, f).groups]
               for p, f in cases]
        same = [[[m.span(), m.groupdict()] for m in re.compile(p, f).finditer(text)]
                + [re.compile(p, f).flags, re.compile(p, f).groups] for p, f in cases]
        print(json.dumps({"same": out == same, "stored": len(patterns._load()), "new": len(patterns._new)}))
    """)
    runs = [json.loads(subprocess.run([sys.executable, "-c", child], check=True, text=True,
                                      capture_output=True,
                                      env=cli_env(FUNDPARSE_CACHE_DIR=str(tmp_path))).stdout)
            for _ in range(2)]
    assert runs == [{"same": True, "stored": 0, "new": 3}, {"same": True, "stored": 3, "new": 0}]


def test_re_compile_goes_through_the_file_only_while_kept_code_is_active(tmp_path):
    child = textwrap.dedent("""
        import json, re, sys
        from fundparse import patterns, startup
        text = "제목: 1,234원과 오천만 원\\n３２억 a\\u2028b"
        plain = re.compile(r"[\\u2028\\u2029]|(?P<n>[일이삼사오육칠팔구십백천만억]+)\\s?원")
        with startup.kept_code():
            kept = re.compile(r"[\\u2028\\u2029]|(?P<n>[일이삼사오육칠팔구십백천만억]+)\\s?원", re.I)
            also = re.compile(rb"[\\x80-\\xff]")  # bytes: compiled as ever
            hooked = re._compiler.compile is not patterns._RE_COMPILE
        after = re._compiler.compile is patterns._RE_COMPILE
        fresh = patterns._RE_COMPILE(plain.pattern, re.I)  # the library's own compile, no cache
        same = (fresh is not kept and [[m.span(), m.groupdict()] for m in kept.finditer(text)]
                == [[m.span(), m.groupdict()] for m in fresh.finditer(text)]
                and kept.flags == fresh.flags and kept.groups == fresh.groups
                and kept.sub("#", text) == fresh.sub("#", text))
        print(json.dumps({"same": same, "hooked": hooked, "after": after,
                          "bytes": also.search(b"a\\xe2") is not None,
                          "kept": ("re", kept.pattern, int(re.I)) in patterns._used
                                  or ("re", kept.pattern, int(re.I)) in patterns._new}))
    """)
    runs = [json.loads(subprocess.run([sys.executable, "-c", child], check=True, text=True,
                                      capture_output=True,
                                      env=cli_env(FUNDPARSE_CACHE_DIR=str(tmp_path))).stdout)
            for _ in range(2)]
    assert runs == [{"same": True, "hooked": True, "after": True, "bytes": True, "kept": True}] * 2


def test_a_pattern_from_the_file_is_built_on_first_use_and_behaves_the_same(tmp_path):
    child = textwrap.dedent("""
        import copy, json, pickle, sys, regex
        from fundparse import patterns
        cases = json.loads(sys.argv[1]); text = sys.argv[2]
        out = []
        for pattern, flags, lists in cases:
            p = patterns.compile(pattern, flags, **lists)
            deferred = type(p).__name__ == "_Deferred"
            before = "_pattern" in vars(p) if deferred else None
            same = regex.compile(pattern, flags, **lists)
            for q in (p, pickle.loads(pickle.dumps(p)), copy.deepcopy(p)):
                out.append([[m.span(), m.groupdict()] for m in q.finditer(text)]
                           == [[m.span(), m.groupdict()] for m in same.finditer(text)])
                out.append((q.pattern, q.flags, q.groups, dict(q.groupindex))
                           == (same.pattern, same.flags, same.groups, dict(same.groupindex)))
                out.append(q.sub("#", text) == same.sub("#", text))
                out.append(q.split(text) == same.split(text))
                out.append(repr(q.search(text, 3, 40)) == repr(same.search(text, 3, 40)))
            # a named list is a set: its order in repr follows the string hashes of the process
            out.append([deferred, before, repr(p) == repr(same) if not lists
                        else p.named_lists == same.named_lists])
        print(json.dumps(out))
    """)
    cases = json.dumps([[p, int(f), lists] for p, f, lists in CASES])
    runs = [json.loads(subprocess.run([sys.executable, "-c", child, cases, TEXT], check=True,
                                      text=True, capture_output=True,
                                      env=cli_env(FUNDPARSE_CACHE_DIR=str(tmp_path))).stdout)
            for _ in range(2)]
    first, second = runs
    assert all(x is True for x in first if not isinstance(x, list))
    assert all(x is True for x in second if not isinstance(x, list))
    # the first process compiles (no file yet); the second builds each from the file on use
    assert [x for x in first if isinstance(x, list)] == [[False, None, True]] * len(CASES)
    assert [x for x in second if isinstance(x, list)] == [[True, False, True]] * len(CASES)
