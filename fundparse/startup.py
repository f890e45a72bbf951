"""What every start would build again, kept across processes: dataclass methods, rule tables.

A cold ``fundparse check`` builds ~50 dataclasses and parses a dozen TOML rule files before it
reads a word. Both are pure functions of text that does not change between runs:

* ``dataclasses`` writes the source of each class's ``__init__``, ``__eq__``, ``__repr__`` …
  and compiles it with ``exec`` — compiling that source is two thirds of building a class
  (about 4 ms a class on a 2-CPU machine). While ``kept_code()`` is active, the ``exec`` that
  ``dataclasses`` calls compiles each source text once and keeps the code object (marshal, as
  Python keeps a module's bytecode); the next process runs the kept code. The code object is
  the one ``exec`` itself would compile (same text, same file name, no inherited flags), so
  the classes are the same.
* ``toml(name, data)`` is ``tomllib.loads`` of a rule file, kept by the file's bytes.
* While ``kept_code()`` is active the cycle collector waits for 50,000 new objects instead of
  700, so it does not walk the start's long-lived objects over and over (``YOUNG_OBJECTS``),
  and the standard library's ``re.compile`` builds text patterns from the compiled-patterns
  file (``patterns.keep_stdlib``: json, tomllib, gettext and argparse compile theirs at import).

The file is ``startup-<python>-m<marshal>.bin`` beside the compiled patterns (see
``fundparse.patterns``: ``$FUNDPARSE_CACHE_DIR``, else ``$XDG_CACHE_HOME/fundparse`` or
``~/.cache/fundparse``; an empty ``$FUNDPARSE_CACHE_DIR`` turns it off). It is written again at
exit by a process that built something it did not find there, its own entries first, up to
about 2 MB. A damaged or foreign file is ignored; the cache changes how long a start takes,
never what it builds.
"""

import atexit
import builtins
import contextlib
import dataclasses
import gc
import marshal
import sys
import threading
import zlib
from pathlib import Path

__all__ = ["kept_code", "no_final_collection", "toml"]

_MAX_BYTES = 2_000_000
_HEADER = b"fundparse-startup 1\n"  # then the CRC-32 of the rest, in hex, and a newline
_VERSION = sys.version  # bytecode is only kept for the very same interpreter build

_lock = threading.RLock()
_stored: dict | None = None
_new: dict = {}
_used: set = set()
_codes: dict[str, object] = {}  # source -> code object, this process
_active = 0
_threshold: tuple[int, ...] | None = None  # the collector's thresholds before kept_code()
_freeze_registered = False

# A start allocates ~40,000 objects that live as long as the process (modules, classes, rule
# tables, patterns). With Python's young generation of 700 objects the cycle collector walks
# them ~45 times while they are young (11 ms of a 0.16 s `check`); with 50,000 it does not run
# during a start at all. A long run keeps collecting: every 50,000 objects that outlive their
# statement (what refcounting frees never counts), so at most that many objects of cyclic
# garbage wait for it.
YOUNG_OBJECTS = 50_000


@contextlib.contextmanager
def kept_code():
    """While active, the source ``dataclasses`` generates is compiled once across processes,
    and the cycle collector's young generation is YOUNG_OBJECTS long (see below)."""
    global _active, _threshold
    with _lock:
        _active += 1
        if _active == 1:
            dataclasses.exec = _exec  # a module global, found before the builtin
            from fundparse import patterns

            patterns.keep_stdlib(True)  # re.compile's patterns kept too (patterns.py)
            _threshold = gc.get_threshold()
            if _threshold[0] and _threshold[0] < YOUNG_OBJECTS:
                gc.set_threshold(YOUNG_OBJECTS, *_threshold[1:])
    try:
        yield
    finally:
        with _lock:
            _active -= 1
            if _active == 0:
                if getattr(dataclasses, "exec", None) is _exec:
                    del dataclasses.exec
                from fundparse import patterns

                patterns.keep_stdlib(False)
                if gc.get_threshold()[0] == YOUNG_OBJECTS and _threshold is not None:
                    gc.set_threshold(*_threshold)
                _threshold = None


def no_final_collection() -> None:
    """For a process that ends when its command ends (the ``fundparse`` command): at its exit,
    everything alive dies with it, so the interpreter's last cycle collections need not walk
    every module, class, pattern and rule table once more (~20 ms of a cold ``check``).
    ``gc.freeze()``, run as an exit handler (they all run before those collections), moves
    them out of the collector's sight: what the teardown frees by reference counting is freed
    as before and the standard streams are flushed as before; only reference cycles still
    alive at the exit are left to the operating system (the command closes its own files)."""
    global _freeze_registered
    with _lock:
        if not _freeze_registered:
            _freeze_registered = True
            atexit.register(gc.freeze)  # handlers run last-registered first: the command's
            # own, registered later, run before it


def _exec(source, globals=None, locals=None, /):
    """``exec`` as ``dataclasses`` calls it, with the compiled source kept."""
    if type(source) is str:
        source = _code(source)
    return builtins.exec(source, globals, locals)


def _code(source: str):
    code = _codes.get(source)
    if code is not None:
        return code
    key = ("code", _VERSION, source)
    kept = _load().get(key)
    if kept is not None:
        try:
            code = marshal.loads(kept)
            _used.add(key)
        except Exception:  # a damaged entry: compile as usual
            code = None
    if code is None:
        # exactly what exec(source) compiles: file "<string>", no flags inherited from here
        code = builtins.compile(source, "<string>", "exec", dont_inherit=True)
        _remember(key, marshal.dumps(code))
    _codes[source] = code
    return code


def toml(name: str, data: bytes) -> dict:
    """``tomllib.loads`` of a rule file's bytes, kept across processes by those bytes."""
    key = ("toml", name, len(data), zlib.crc32(data), zlib.adler32(data))
    kept = _load().get(key)
    if kept is not None:
        try:
            table = marshal.loads(kept)
            if isinstance(table, dict):
                _used.add(key)
                return table
        except Exception:
            pass
    import tomllib

    table = tomllib.loads(data.decode("utf-8"))
    try:
        _remember(key, marshal.dumps(table))
    except ValueError:  # a value marshal cannot keep (a date): parsed each time
        pass
    return table


def _remember(key: tuple, value: bytes) -> None:
    with _lock:
        if not _new:
            atexit.register(_save)
        _new[key] = value


def _cache_file() -> Path | None:
    from fundparse import patterns  # where the caches live is decided there

    folder = patterns.cache_folder()
    if folder is None:
        return None
    return Path(folder) / (f"startup-{sys.implementation.cache_tag}-m{marshal.version}.bin")


def _load() -> dict:
    global _stored
    if _stored is None:
        with _lock:
            if _stored is None:
                _stored = _read(_cache_file())
    return _stored


def _read(path: Path | None) -> dict:
    from fundparse import patterns  # the file format is the compiled patterns' one

    return patterns.read_table(path, _HEADER)


def _save() -> None:
    """Write the file again with this process's new entries first (at exit)."""
    from fundparse import patterns  # the same file format as the compiled patterns'

    patterns.flush(_cache_file(), _HEADER, _new, _used, _lock,
                   lambda key, value: len(value) + len(str(key[-1])), _MAX_BYTES, ".startup-")
