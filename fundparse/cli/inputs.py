"""The one file walker: which files a list of paths stands for."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence


def default_globs() -> tuple[str, ...]:
    from fundparse.readers import DEFAULT_GLOBS

    return DEFAULT_GLOBS


def _glob_matches(globs: Sequence[str], name: str, relative: str) -> bool:
    from fnmatch import fnmatchcase

    for glob in globs:
        target = relative if "/" in glob else name
        if fnmatchcase(target.lower(), glob.lower()):
            return True
    return False


def collect_inputs(paths: Sequence[str], globs: Sequence[str],
                   on_error: Callable[[str, str], None],
                   skip: Callable[[str, str], bool] | None = None) -> list[str]:
    """Files to read, in order: files as given, folders walked (sorted, hidden entries
    skipped, symlinked folders not followed, names filtered by ``globs``, files and folders
    ``skip(path, folder walked)`` says to pass over left out: the configuration's exclude), '-' for stdin."""
    out: list[str] = []
    seen: set[str] = set()

    def add(path: str) -> None:
        if path not in seen:
            seen.add(path)
            out.append(path)

    for path in paths:
        if path != "-" and os.path.isdir(path):
            for found in _walk(path, globs, on_error, skip):
                add(found)
        else:
            add(path)
    return out


def _walk(top: str, globs: Sequence[str], on_error: Callable[[str, str], None],
          skip: Callable[[str, str], bool] | None = None) -> Iterator[str]:
    def failed(exc: OSError) -> None:
        on_error(exc.filename or top, f"cannot list folder: {exc.strerror or exc}")

    for root, dirs, files in os.walk(top, onerror=failed, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".")
                         and not (skip and skip(os.path.join(root, d), top)))
        for name in sorted(files):
            if name.startswith("."):
                continue
            full = os.path.join(root, name)
            if skip and skip(full, top):
                continue
            relative = os.path.relpath(full, top).replace(os.sep, "/")
            if _glob_matches(globs, name, relative):
                yield full
