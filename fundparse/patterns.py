"""Compiled `regex` patterns, remembered across processes.

Compiling fundparse's ~250 patterns is most of a cold start: the `regex` module parses and
optimises every pattern in Python (0.3–0.6 s on a 2-CPU machine), and a compiled pattern cannot
be pickled (unpickling compiles again). What `regex` hands its C core at the end of a compile
is plain data — the pattern, its flags, a list of opcodes, group names, named lists — so
``compile`` keeps that data in a small file in the user's cache folder, keyed by the pattern,
its flags and named lists, the `regex` version and the Python version, and the next process
builds the same pattern object from it in microseconds.

``compile(pattern, flags, **named_lists)`` is ``regex.compile`` with that cache: the same
object comes back for the same arguments, in one process and (through the file) across them.
A pattern the file holds is built when it is first used (``_Deferred``): a small document
uses about half of the rule patterns.
Anything unexpected — another `regex` version whose internals differ, a cache folder that
cannot be written, a file that is damaged — falls back to ``regex.compile`` silently; the
cache never changes what a pattern matches, only how long it takes to build.

The folder is ``$FUNDPARSE_CACHE_DIR`` if set (an empty value turns the file off), else
``$XDG_CACHE_HOME/fundparse`` or ``~/.cache/fundparse``. The file is rewritten at exit by a
process that compiled a pattern it did not find there: its own patterns first, then those it
found, up to about 2 MB (the package's own patterns take 0.4 MB; each configuration that adds
words has its own set), so what the last runs used stays.
"""

from __future__ import annotations

import atexit
import contextlib
import marshal
import os
import re
import sys
import threading
import types
import zlib
from pathlib import Path

import regex

__all__ = ["compile", "compile_re"]

_MAX_BYTES = 2_000_000  # the package's own patterns take ~0.4 MB; a configuration adds its own set
_HEADER = b"fundparse-patterns 2\n"  # then the CRC-32 of the rest, in hex, and a newline

_lock = threading.Lock()
_memo: dict[tuple, regex.Pattern] = {}
_lists_memo: dict[tuple, tuple[tuple, tuple]] = {}  # named lists as given -> their two keys
# (pattern, flags, …, lists, version) -> the C core's arguments, marshalled: a start unpacks
# only the entries it uses (a small `check` uses half of them; unpacking all took ~5 ms)
_stored: dict[tuple, bytes] | None = None
_new: dict[tuple, bytes] = {}
_used: set[tuple] = set()  # keys this process found in the file (kept first when it is written)
_capture_compile = None  # regex's own compile, run with a recorder for the C core's call
_capture_re = None  # the same for the standard library's re
_RE_COMPILE = re._compiler.compile  # the standard library's own, whatever keep_stdlib() puts there


def compile(pattern: str, flags: int = 0, ignore_unused: bool = False, **named_lists) -> regex.Pattern:
    """``regex.compile(pattern, flags, ignore_unused, **named_lists)``, built once."""
    same_lists, kept_lists = _lists_keys(named_lists)
    memo_key = (pattern, int(flags), ignore_unused, same_lists)
    found = _memo.get(memo_key)
    if found is not None:
        return found
    built = _build(pattern, flags, ignore_unused, named_lists, kept_lists)
    with _lock:
        return _memo.setdefault(memo_key, built)


def compile_re(pattern: str, flags: int = 0) -> re.Pattern:
    """``re.compile(pattern, flags)`` (the standard library's), built once, the same way."""
    memo_key = ("re", pattern, int(flags))
    found = _memo.get(memo_key)
    if found is not None:
        return found
    built = _build_re(pattern, int(flags))
    with _lock:
        return _memo.setdefault(memo_key, built)


def _build_re(pattern: str, flags: int) -> re.Pattern:
    if not isinstance(pattern, str) or flags & (re.DEBUG | re.LOCALE):
        return re.compile(pattern, flags)
    return _built(("re", pattern, flags), pattern, _sre_compile,
                  lambda: _compile_re_recording(pattern, flags), lambda: _RE_COMPILE(pattern, flags),
                  (re.error, ValueError, TypeError, OverflowError, RecursionError))


def _built(key: tuple, pattern: str, from_core, recording, plain, own_errors: tuple):
    """The pattern built from the file's entry under ``key``, else compiled while recording
    what the library hands its C core (kept for the next process); ``plain`` when the library's
    internals are not what this module expects.  ``own_errors`` are the pattern's own faults,
    raised as the library raises them."""
    kept = _load().get(key)
    if kept is not None:
        try:
            args = marshal.loads(kept)
            if args[0] == pattern:
                built = from_core(args)
                _used.add(key)
                return built
        except Exception:  # a damaged entry: compile as usual
            pass
    try:
        compiled, args = recording()
    except own_errors:
        raise
    except Exception:
        return plain()
    _remember(key, args)
    return compiled


def keep_stdlib(on: bool) -> None:
    """While on, every ``re.compile`` of a text pattern that ``re``'s own cache does not hold
    goes through ``compile_re`` (kept in the file): the standard library's modules compile
    theirs at import (json's string escapes 4 ms, tomllib's, gettext's, argparse's), and so do
    modules of fundparse that use ``re.compile`` directly (report/names.py's 4.7 ms)."""
    if on:
        re._compiler.compile = _compile_stdlib
    elif re._compiler.compile is _compile_stdlib:
        re._compiler.compile = _RE_COMPILE


def _compile_stdlib(pattern, flags=0):
    """``re._compiler.compile`` while keep_stdlib(True): text patterns from the file."""
    if type(pattern) is str and not flags & (re.DEBUG | re.LOCALE):
        return compile_re(pattern, int(flags))
    return _RE_COMPILE(pattern, flags)


def _sre_compile(args: tuple) -> re.Pattern:
    pattern, flags, code, groups, groupindex, indexgroup = args
    return re._compiler._sre.compile(pattern, flags, code, groups, groupindex, indexgroup)


def _compile_re_recording(pattern: str, flags: int):
    global _capture_re
    if _capture_re is None:
        original = _RE_COMPILE
        namespace = dict(re._compiler.__dict__)
        namespace["_sre"] = _Recorder(re._compiler._sre)
        _capture_re = types.FunctionType(original.__code__, namespace, original.__name__,
                                         original.__defaults__, original.__closure__)
    calls: list[tuple] = []
    _capture_re.__globals__["_sre"].calls = calls
    compiled = _capture_re(pattern, flags)
    if len(calls) != 1 or calls[0][0] != pattern or len(calls[0]) != 6:
        return compiled, None
    return compiled, _plain(calls[0])


def _plain(args: tuple) -> tuple | None:
    """The arguments with flags and opcodes as plain ints, if marshal can keep them."""
    args = tuple(int(a) if isinstance(a, int) else
                 [int(c) for c in a] if isinstance(a, list) and all(isinstance(c, int) for c in a)
                 else a for a in args)  # re's opcodes are named int constants
    try:
        marshal.dumps(args)
    except ValueError:
        return None
    return args


def _remember(key: tuple, args: tuple | None) -> None:
    if args is None:
        return
    kept = marshal.dumps(args)
    with _lock:
        if not _new:
            atexit.register(_save)
        _new[key] = kept


def _lists_keys(named_lists: dict) -> tuple[tuple, tuple]:
    """The named lists as this process's memo keys them (sets: any order is the same) and as
    the file keys them (sorted), worked out once for lists given again: the rule table passes
    the same ~900 words to each of its ~20 patterns (sorting them was ~0.1 ms a pattern)."""
    if not named_lists:
        return (), ()
    given = tuple((k, tuple(v)) for k, v in named_lists.items())
    found = _lists_memo.get(given)
    if found is None:
        found = (tuple(sorted((k, frozenset(v)) for k, v in named_lists.items())),
                 tuple(sorted((k, tuple(sorted(v))) for k, v in named_lists.items())))
        _lists_memo[given] = found
    return found


def _build(pattern, flags, ignore_unused, named_lists, kept_lists) -> regex.Pattern:
    if not isinstance(pattern, str) or flags & regex.LOCALE or flags & regex.DEBUG:
        return regex.compile(pattern, flags, ignore_unused, **named_lists)
    key = (pattern, int(flags), bool(ignore_unused), kept_lists, int(regex.DEFAULT_VERSION))
    kept = _load().get(key)
    if type(kept) is bytes:  # compiled before: built when first used
        _used.add(key)
        return _Deferred(pattern, kept, (flags, ignore_unused, named_lists))
    return _built(key, pattern, _core_compile,
                  lambda: _compile_recording(pattern, flags, ignore_unused, named_lists),
                  lambda: regex.compile(pattern, flags, ignore_unused, **named_lists),
                  (regex.error, ValueError, TypeError))


class _Deferred:
    """A pattern the file holds, built by `regex`'s C core when it is first used: a small
    document uses about half of the ~230 rule patterns, and building one takes ~0.1 ms.

    ``pattern`` is there from the start; any other attribute builds the pattern, and then
    sits in this object's own dictionary (each the first time it is asked for), so
    ``p.search(...)`` costs what it costs on the pattern itself.  The file's entry compiled before, so building cannot
    raise a pattern error here (a damaged entry falls back to ``regex.compile``)."""

    def __init__(self, pattern: str, kept: bytes, given: tuple):
        self.pattern = pattern
        self._args = kept  # the C core's arguments, as marshal keeps them
        self._given = given  # flags, ignore_unused, named lists: what compile() was called with

    def __getattr__(self, name: str):  # only what is not in the object's dictionary yet
        if name.startswith("__") or name in ("_args", "_given"):
            raise AttributeError(name)
        value = getattr(self._build(), name)
        if not name.startswith("_"):
            self.__dict__[name] = value  # a pattern never changes: asked for once
        return value

    def _build(self) -> regex.Pattern:
        built = self.__dict__.get("_pattern")
        if built is not None:
            return built
        with _lock:
            built = self.__dict__.get("_pattern")
            if built is None:
                try:
                    args = marshal.loads(self._args)
                    if args[0] != self.pattern:
                        raise ValueError("another pattern's entry")
                    built = _core_compile(args)
                except Exception:  # a damaged entry: compile as usual
                    flags, ignore_unused, named_lists = self._given
                    built = regex.compile(self.pattern, flags, ignore_unused, **named_lists)
                self.__dict__["_pattern"] = built
        return built

    def __reduce__(self):
        flags, ignore_unused, named_lists = self._given
        return (_rebuilt, (self.pattern, flags, ignore_unused, named_lists))

    def __repr__(self) -> str:
        return repr(self._build())


def _rebuilt(pattern: str, flags: int, ignore_unused: bool, named_lists: dict):
    return compile(pattern, flags, ignore_unused, **named_lists)


def _core_compile(args: tuple) -> regex.Pattern:
    (pattern, flags, code, group_index, index_group, named_lists, named_list_indexes,
     req_offset, req_chars, req_flags, group_count) = args
    return regex._main._regex.compile(
        pattern, flags, code, group_index, index_group, named_lists,
        named_list_indexes, req_offset, req_chars, req_flags, group_count)


def _compile_recording(pattern, flags, ignore_unused, named_lists):
    """Compile as `regex` does, and return the arguments it gave its C core (or None)."""
    global _capture_compile
    if _capture_compile is None:
        _capture_compile = _recording_compile()
    calls: list[tuple] = []
    _capture_compile.__globals__["_regex"].calls = calls  # see _Recorder: per thread
    compiled = _capture_compile(pattern, flags, ignore_unused, named_lists, False)
    if len(calls) != 1 or calls[0][0] != pattern or len(calls[0]) != 11:
        return compiled, None
    if regex._main._locale_sensitive.get((str, pattern)):
        return compiled, None  # an inline (?L): depends on the locale, not kept
    return compiled, _plain(calls[0])


class _Recorder(threading.local):
    """Stands in for a C core (regex's or re's) inside a copy of its compile function."""

    calls: list | None = None

    def __init__(self, core):
        self.core = core

    def __getattr__(self, name):
        return getattr(self.core, name)

    def compile(self, *args):
        if self.calls is not None:
            self.calls.append(args)
        return self.core.compile(*args)


def _recording_compile():
    """A copy of ``regex._main._compile`` whose C core is a _Recorder (regex itself unchanged)."""
    original = regex._main._compile
    namespace = dict(regex._main.__dict__)
    namespace["_regex"] = _Recorder(regex._main._regex)
    return types.FunctionType(original.__code__, namespace, original.__name__,
                              original.__defaults__, original.__closure__)


def cache_folder() -> str | None:
    """The folder of fundparse's caches (compiled patterns, start-up code), or None when
    they are turned off ($FUNDPARSE_CACHE_DIR set empty)."""
    folder = os.environ.get("FUNDPARSE_CACHE_DIR")
    if folder is None:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        folder = os.path.join(base, "fundparse")
    return folder or None


def _cache_file() -> Path | None:
    folder = cache_folder()
    if folder is None:
        return None
    version = getattr(regex, "__version__", "0")
    # "f2": the file's format (entries marshalled one by one), so an install of the first
    # format beside this one does not rewrite the file this one reads, and back, every run
    return Path(folder) / (f"patterns-f2-regex{version}-py{sys.version_info[0]}"
                           f"{sys.version_info[1]}-m{marshal.version}.bin")


def _load() -> dict[tuple, bytes]:
    global _stored
    if _stored is None:
        with _lock:
            if _stored is None:
                _stored = _read(_cache_file())
    return _stored


def _read(path: Path | None) -> dict[tuple, bytes]:
    return read_table(path, _HEADER)


def read_table(path: Path | None, header: bytes) -> dict:
    """A checksummed table written by write_table; empty when absent, damaged or foreign."""
    if path is None:
        return {}
    try:
        data = path.read_bytes()
    except OSError:
        return {}
    head = len(header) + 9
    if data[:head] != header + b"%08x\n" % zlib.crc32(data[head:]):
        return {}
    try:
        table = marshal.loads(data[head:])
    except Exception:
        return {}
    return table if isinstance(table, dict) else {}


def _save() -> None:
    """Write the file again with this process's new patterns first (at exit)."""
    flush(_cache_file(), _HEADER, _new, _used, _lock,
          lambda key, kept: len(marshal.dumps(key)) + len(kept), _MAX_BYTES, ".patterns-")


def flush(path: Path | None, header: bytes, new: dict, used: set, lock, size_of, max_bytes: int,
          prefix: str) -> None:
    """Write a cache table again: this process's new entries first, then those it used from
    the file, then the rest of the file, up to max_bytes."""
    if path is None or not new:
        return
    with lock:
        mine = dict(new)
        new.clear()
    before = read_table(path, header)
    order = [*mine.items(), *((k, before[k]) for k in used if k in before), *before.items()]
    write_table(path, header, order, size_of, max_bytes, prefix)


def write_table(path: Path, header: bytes, order, size_of, max_bytes: int, prefix: str) -> None:
    """Write (key, value) pairs, the first of each key and no more than max_bytes by size_of,
    checksummed, atomically; an unwritable folder costs only speed."""
    table: dict = {}
    size = 0
    for key, value in order:
        if key in table:
            continue
        size += size_of(key, value)
        if size > max_bytes:
            break
        table[key] = value
    try:
        import tempfile

        body = marshal.dumps(table)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=prefix, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(header + b"%08x\n" % zlib.crc32(body) + body)
            os.replace(tmp, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
    except Exception:
        return

