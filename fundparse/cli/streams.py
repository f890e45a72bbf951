"""Standard output that cannot take what is written: a full disk (``> /dev/full``), a reader
gone away (``| head -1``), a closed descriptor (``>&-``) — and a Ctrl-C in the middle.

The command's answer to each, in one line and with no traceback:

* the reader went away: nothing more to say, exit 0 (what ``head`` asked for);
* a write that fails (no space, a closed or bad descriptor, an I/O error): ``fundparse: cannot
  write output: <reason>``, exit 2 — the environment's fault, not a bug;
* an interrupt: ``fundparse: interrupted``, exit 130 (128 + SIGINT), what was written so far
  left as it was: whole JSON lines, and a JSON list closed by its writer.  A Ctrl-C that
  arrives while a writer is writing waits the few milliseconds until it is done
  (:func:`whole_writes`): Python would otherwise drop the rest of a write cut by the signal
  and leave half a line.  For the same reason the bytes go out with SIGINT blocked for the
  moment of each ``write(2)``: a write to a pipe cut by a signal can lose a block (CPython
  3.11 on Linux).

After any of them the rest of what Python still holds for stdout goes to /dev/null, so the
interpreter's own flush at exit adds no second message.
"""

from __future__ import annotations

import errno
import io
import os
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

__all__ = ["ClosedOutput", "EXIT_INTERRUPTED", "guard_stdout", "leave", "output_failure",
           "silence_stdout", "whole_writes"]

EXIT_INTERRUPTED = 130   # 128 + SIGINT, as a shell reports a command ended by Ctrl-C

_OUTPUT_ERRNOS = {errno.ENOSPC, errno.EBADF, errno.EIO, errno.EFBIG, errno.EROFS,
                  errno.EPIPE, errno.ECONNRESET, getattr(errno, "EDQUOT", errno.ENOSPC)}


class ClosedOutput:
    """Stands for a stdout the command was started without (``>&-``; Python sets it to None):
    writing to it fails the way writing to a closed descriptor does."""

    encoding = "utf-8"
    errors = "strict"

    def write(self, text: str) -> int:
        if text:
            raise OSError(errno.EBADF, "standard output is closed")
        return 0

    def writelines(self, lines: Any) -> None:
        for line in lines:
            self.write(line)

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False

    def fileno(self) -> int:
        raise OSError(errno.EBADF, "standard output is closed")

    def reconfigure(self, **_: Any) -> None:
        pass


def guard_stdout() -> None:
    """Give a closed stdout a stand-in that fails on the first write (see ClosedOutput)."""
    if sys.stdout is None:
        sys.stdout = ClosedOutput()  # type: ignore[assignment]


def output_failure(exc: BaseException) -> str | None:
    """Why the output could not be written when ``exc`` is a failed write to it, else None."""
    if isinstance(exc, OSError) and exc.errno in _OUTPUT_ERRNOS:
        return str(exc.strerror or exc)
    return None


def silence_stdout() -> None:
    """Point stdout's descriptor at /dev/null: Python's flush at exit then fails no more."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


_HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
_WRITERS = (os.path.join(_HERE, "report", "formats.py"), os.path.join(_HERE, "cli", "commands.py"),
            os.path.abspath(__file__))
_RETRY = 0.01   # seconds: how soon a deferred interrupt is tried again


def _writing(frame: Any) -> bool:
    """Whether the innermost frame of fundparse's own code is one that writes the output."""
    while frame is not None and not frame.f_code.co_filename.startswith(_HERE + os.sep):
        frame = frame.f_back
    return frame is not None and frame.f_code.co_filename in _WRITERS


def _interrupt(signum: int, frame: Any) -> None:
    if _writing(frame):
        signal.setitimer(signal.ITIMER_REAL, _RETRY)   # comes back as SIGALRM
        return
    raise KeyboardInterrupt


class _UninterruptedWrites(io.RawIOBase):
    """stdout's descriptor, written with SIGINT blocked during each ``write(2)``."""

    def __init__(self, fd: int) -> None:
        super().__init__()
        self._fd = fd

    def writable(self) -> bool:
        return True

    def fileno(self) -> int:
        return self._fd

    def isatty(self) -> bool:
        return os.isatty(self._fd)

    def write(self, data: Any) -> int:
        blocked = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGALRM})
        try:
            return os.write(self._fd, data)
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, blocked)

    def close(self) -> None:   # the descriptor stays open: it is the process's stdout
        super().close()


def _uninterrupted_stdout() -> Any:
    """A text stream like ``sys.stdout`` over :class:`_UninterruptedWrites`, or None when
    stdout has no descriptor of its own (a test's capture)."""
    stdout = sys.stdout
    try:
        fd = stdout.fileno()
    except (AttributeError, OSError, ValueError, io.UnsupportedOperation):
        return None
    if not isinstance(stdout, io.TextIOWrapper):
        return None
    stdout.flush()
    return io.TextIOWrapper(io.BufferedWriter(_UninterruptedWrites(fd)),
                            encoding=stdout.encoding, errors=stdout.errors,
                            line_buffering=stdout.line_buffering, write_through=False)


@contextmanager
def whole_writes() -> Iterator[None]:
    """While the command runs: a Ctrl-C during a write of the output is raised once the
    writer's frame is left, not inside the write."""
    if (threading.current_thread() is not threading.main_thread()
            or not hasattr(signal, "setitimer")
            or signal.getsignal(signal.SIGINT) is not signal.default_int_handler):
        yield
        return
    before = signal.getsignal(signal.SIGALRM)
    signal.signal(signal.SIGINT, _interrupt)
    signal.signal(signal.SIGALRM, _interrupt)
    stdout, ours = sys.stdout, _uninterrupted_stdout()
    if ours is not None:
        sys.stdout = ours
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, before)
        signal.signal(signal.SIGINT, signal.default_int_handler)
        if ours is not None:
            sys.stdout = stdout
            try:
                ours.flush()
            finally:
                ours.detach()


def leave(code: int) -> int:
    """``code``, or — when an interrupt stopped a pool of workers — an exit with ``code`` right
    now, output flushed: the pool's own threads may wait for ever on a worker stopped in the
    middle of sending a result, and the interpreter would wait for them."""
    from fundparse.cli.batch import STOPPED

    if not STOPPED:
        return code
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError, AttributeError):
            pass
    os._exit(code)
