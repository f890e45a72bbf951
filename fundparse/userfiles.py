"""Small files the user hands over beside the documents: configuration, data files, rate tables.

Each is read whole, so each is refused with a one-line reason before that could hurt: a path
that is not a regular file (a FIFO is refused without waiting for a writer, ``/dev/zero``
without reading it), a file over a size bound, bytes that are not UTF-8.
"""

from __future__ import annotations

import os
import stat

CONFIG_LIMIT = 4 << 20    # a configuration or data file: 4 MiB
RATES_LIMIT = 64 << 20    # a rate table: 64 MiB (decades of daily rates for every currency)


class UserFileError(ValueError):
    """A user file that cannot be read; ``str(e)`` is the one-line reason (no path)."""


def read_bytes(path: str | os.PathLike[str], limit: int) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes; UserFileError otherwise."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise UserFileError("no such file") from None
    except IsADirectoryError:
        raise UserFileError("is a directory") from None
    except OSError as exc:
        raise UserFileError(f"cannot open: {exc.strerror or exc}") from None
    with os.fdopen(fd, "rb") as handle:
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode):
                raise UserFileError("not a regular file (a FIFO, device or socket is not read)")
            if info.st_size > limit:
                raise UserFileError(f"too big: {info.st_size:,} bytes (at most {limit >> 20} MiB)")
            if hasattr(os, "set_blocking"):
                os.set_blocking(fd, True)
            data = handle.read(limit + 1)
        except OSError as exc:
            raise UserFileError(f"cannot read: {exc.strerror or exc}") from None
    if len(data) > limit:  # grew while being read
        raise UserFileError(f"too big: over {limit >> 20} MiB")
    return data


def read_text(path: str | os.PathLike[str], limit: int) -> str:
    """The UTF-8 text (a BOM dropped) of a regular file of at most ``limit`` bytes."""
    data = read_bytes(path, limit)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UserFileError(f"not UTF-8 (byte {exc.start}: {data[exc.start:exc.start + 1]!r})") from None
