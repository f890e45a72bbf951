"""fundparse.startup: dataclass methods and rule files kept across processes, never changing what
is built.

Each test points the cache at its own folder (FUNDPARSE_CACHE_DIR) and runs real child
processes: the first builds and writes the file, the next builds from it.
"""

from __future__ import annotations

import dataclasses
import gc
import json
import subprocess
import sys
import textwrap
import tomllib
from pathlib import Path

from conftest import cli_env

from fundparse import startup

DATA = Path(__file__).resolve().parent.parent / "fundparse" / "rules" / "data"
DOC = Path(__file__).resolve().parent.parent / "corpus" / "docs" / "release" / "release-01.txt"

# A child imports the library through ``fundparse.extract`` (the lazy import runs under
# kept_code), then describes every dataclass it built: fields, defaults, generated methods'
# behaviour, and an extraction's output.
CHILD = textwrap.dedent("""
    import dataclasses, inspect, json, re, sys
    import fundparse
    from fundparse import startup
    mentions = fundparse.extract("총사업비 281억 원(국비 121억 원, 지방비 160억 원)을 2025년까지 투입한다.")
    described = {}
    at = re.compile(r" at 0x[0-9a-f]+")  # addresses differ from process to process
    for name, module in sorted(sys.modules.items()):
        if not name.startswith("fundparse") or module is None:
            continue
        for attr, value in sorted(vars(module).items()):
            if isinstance(value, type) and dataclasses.is_dataclass(value) and value.__module__ == name:
                params = value.__dataclass_params__
                described[f"{name}.{attr}"] = [
                    [(f.name, "-" if f.default is dataclasses.MISSING else at.sub("", repr(f.default)),
                      getattr(f.default_factory, "__qualname__", "-"), f.init, f.repr, f.compare,
                      f.kw_only)
                     for f in dataclasses.fields(value)],
                    at.sub("", str(inspect.signature(value))), repr(params),
                    sorted(k for k in vars(value) if k.startswith("__") and callable(vars(value)[k])),
                ]
    first = mentions[0]
    same = dataclasses.replace(first)
    print(json.dumps({
        "classes": described,
        "output": [m.to_dict() for m in mentions],
        "behaviour": [repr(first), first == same, hash(first) == hash(same),
                      first != fundparse.extract("3억 원")[0]],
        "exec_restored": not hasattr(dataclasses, "exec"),
        "kept": len(startup._load()), "new": len(startup._new), "used": len(startup._used),
    }, ensure_ascii=False, default=str))
""")


def _child(cache: Path | str) -> dict:
    done = subprocess.run([sys.executable, "-c", CHILD], env=cli_env(FUNDPARSE_CACHE_DIR=str(cache)),
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def test_the_second_process_builds_the_same_classes_from_the_file(tmp_path):
    first = _child(tmp_path)
    assert first["kept"] == 0 and first["new"] > 40  # ~50 classes, several methods each
    assert len(list(tmp_path.glob("startup-*.bin"))) == 1
    second = _child(tmp_path)
    assert second["new"] == 0 and second["used"] >= first["new"]
    off = _child("")
    assert first["classes"] and first["classes"] == second["classes"] == off["classes"]
    assert first["output"] == second["output"] == off["output"] and first["output"]
    assert first["behaviour"] == second["behaviour"] == off["behaviour"]
    assert first["behaviour"][1:] == [True, True, True]
    assert first["exec_restored"] and second["exec_restored"]
    assert not list(Path(tmp_path).glob(".startup-*"))  # no temporary file left behind


def test_a_damaged_file_is_ignored_and_written_again(tmp_path):
    clean = _child(tmp_path)
    (cache,) = tmp_path.glob("startup-*.bin")
    data = cache.read_bytes()
    cache.write_bytes(data[: len(data) // 2] + b"\x00garbage")
    damaged = _child(tmp_path)
    assert damaged["kept"] == 0 and damaged["output"] == clean["output"]
    assert damaged["classes"] == clean["classes"]
    assert _child(tmp_path)["new"] == 0


def test_rule_files_parse_the_same_from_the_file(tmp_path):
    child = textwrap.dedent("""
        import json, sys
        from pathlib import Path
        from fundparse import startup
        tables = {p.name: startup.toml(p.name, p.read_bytes())
                  for p in sorted(Path(sys.argv[1]).glob("*.toml"))}
        print(json.dumps({"tables": tables, "new": len(startup._new), "used": len(startup._used)},
                         ensure_ascii=False))
    """)
    runs = [json.loads(subprocess.run([sys.executable, "-c", child, str(DATA)], check=True,
                                      text=True, capture_output=True,
                                      env=cli_env(FUNDPARSE_CACHE_DIR=str(tmp_path))).stdout)
            for _ in range(2)]
    files = sorted(DATA.glob("*.toml"))
    expected = {p.name: tomllib.loads(p.read_text(encoding="utf-8")) for p in files}
    assert runs[0]["tables"] == runs[1]["tables"] == json.loads(json.dumps(expected))
    assert runs[0]["new"] == len(files) and runs[1] == {**runs[1], "new": 0, "used": len(files)}


def test_a_changed_rule_file_is_parsed_again():
    one = startup.toml("x.toml", b'a = ["one"]\n')
    two = startup.toml("x.toml", b'a = ["two"]\n')
    assert one == {"a": ["one"]} and two == {"a": ["two"]}
    dated = startup.toml("d.toml", b"when = 2025-01-02\n")  # marshal cannot keep a date
    assert str(dated["when"]) == "2025-01-02"


def test_kept_code_is_scoped_and_nests():
    assert not hasattr(dataclasses, "exec")
    with startup.kept_code():
        with startup.kept_code():
            @dataclasses.dataclass(frozen=True)
            class Inner:
                a: int
                b: tuple = ()
        assert dataclasses.exec is startup._exec
    assert not hasattr(dataclasses, "exec")

    @dataclasses.dataclass(frozen=True)
    class Plain:
        a: int
        b: tuple = ()

    assert Inner(1) == Inner(1, ()) and repr(Inner(2)).endswith("Inner(a=2, b=())")
    assert Inner.__init__.__annotations__ == Plain.__init__.__annotations__
    assert Inner.__init__.__code__.co_code == Plain.__init__.__code__.co_code
    assert Inner.__init__.__code__.co_filename == Plain.__init__.__code__.co_filename


def test_the_collector_waits_longer_only_while_kept_code_is_active():
    before = gc.get_threshold()
    try:
        gc.set_threshold(700, 10, 10)
        with startup.kept_code():
            with startup.kept_code():
                assert gc.get_threshold() == (startup.YOUNG_OBJECTS, 10, 10)
            assert gc.get_threshold() == (startup.YOUNG_OBJECTS, 10, 10)
        assert gc.get_threshold() == (700, 10, 10)
        gc.set_threshold(100_000, 5, 5)  # a process that chose a longer one keeps it
        with startup.kept_code():
            assert gc.get_threshold() == (100_000, 5, 5)
        assert gc.get_threshold() == (100_000, 5, 5)
        gc.set_threshold(0)  # nor is a collector turned off turned on
        with startup.kept_code():
            assert gc.get_threshold()[0] == 0
        assert gc.get_threshold()[0] == 0
    finally:
        gc.set_threshold(*before)


def test_a_command_process_freezes_its_objects_last_at_exit():
    child = textwrap.dedent("""
        import atexit, gc
        atexit.register(lambda: print("last", gc.get_freeze_count() > 0))  # runs after the freeze
        from fundparse import startup
        startup.no_final_collection()
        startup.no_final_collection()  # once is enough
        atexit.register(lambda: print("first", gc.get_freeze_count()))
        print("ran", atexit._ncallbacks())
    """)
    done = subprocess.run([sys.executable, "-c", child], capture_output=True, text=True,
                          env=cli_env(), check=True)
    assert done.stdout.split("\n") == ["ran 3", "first 0", "last True", ""]


def test_check_reads_the_same_with_a_cold_a_warm_and_no_cache(tmp_path, cli):
    """Both caches of a start (the classes' code, the compiled patterns) change nothing."""
    env = {"FUNDPARSE_CACHE_DIR": str(tmp_path)}
    cold = cli("check", "--format", "json", DOC, env=env)
    assert list(tmp_path.glob("startup-*.bin")) and list(tmp_path.glob("patterns-*.bin"))
    warm = cli("check", "--format", "json", DOC, env=env)
    off = cli("check", "--format", "json", DOC, env={"FUNDPARSE_CACHE_DIR": ""})
    assert cold.returncode == warm.returncode == off.returncode
    assert cold.stdout == warm.stdout == off.stdout and cold.stdout.strip()


def test_a_folder_that_cannot_be_written_still_builds(tmp_path):
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    run = _child(blocked / "cache")  # cannot be created: nothing kept, the same classes
    assert run["kept"] == 0 and run["output"] == _child("")["output"]
    assert not list(tmp_path.rglob("startup-*.bin"))
