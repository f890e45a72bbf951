"""The one runner of documents: a Job, the events each document produces, huge plain text read
chunk by chunk, a worker pool, and the bookkeeping of the events every command shares."""

from __future__ import annotations

import datetime as dt
import errno
import os
import sys
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from fundparse.cli.args import EXIT_ERROR, EXIT_INTERNAL, EXIT_OK, ISSUES_URL, say
from fundparse.report.names import shown_name


HUGE_BYTES = 8 * 1024 * 1024        # plain text above this is read chunk by chunk
CHUNK_CHARS = 1 << 16               # 64K characters: the engine is fastest per character here
CONTEXT_CHARS = 2048                # read again either side of a chunk (a sentence is < 1,200)


@dataclass(frozen=True)
class Job:
    """Everything a worker needs to process one path (picklable)."""

    mode: str  # "extract" | "check" | "review"
    doc_date: dt.date | None = None
    rates: tuple[tuple[str, Decimal], ...] = ()
    rate_table: Any = None  # fx.RateTable
    config_file: str | None = None
    lang: str | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    stdin_name: str | None = None
    huge_bytes: int = HUGE_BYTES
    chunk_chars: int = CHUNK_CHARS
    context_chars: int = CONTEXT_CHARS  # text of the chunks either side, read with a chunk
    render: str | None = None  # "jsonl": workers send finished JSON lines, not Mention objects
    cross: bool = False  # check: also send each file's text and extract's mentions (cli/across.py)

    def rates_on(self, day: dt.date | None) -> dict[str, Decimal] | None:
        rates: dict[str, Decimal] = {}
        if self.rate_table is not None:
            rates.update(self.rate_table.rates_on(day))
        rates.update(self.rates)
        return rates or None


# Events a document produces, in order:
#   ("doc", format, encoding)  ("note", text)  ("info", text)  ("mentions", [Mention])
#   ("findings", [Finding], lang)  ("error", reason)  ("config", message)  ("internal", reason)
#   ("rendered", text): a worker's mentions already written as JSON lines (--jobs, jsonl)
#   ("reviewed", Document, [Mention], [Finding], Config): mode "review" (fundparse report)
#   ("across", text, [Mention]): mode "check" with ``cross``, after "findings": what
#       cli/across.py would read and extract again, from the same analysis
Event = tuple


_CONFIGS: dict[str, Any] = {}


def config_for(path: str, job: Job):
    from fundparse.config import find_config, load_config

    if job.config_file:
        config = _CONFIGS.get(job.config_file)
        if config is None:
            config = _CONFIGS[job.config_file] = load_config(job.config_file)
        return config
    if path == "-":
        return find_config(os.path.abspath(job.stdin_name) if job.stdin_name else os.getcwd())
    return find_config(path)


def _bare(config):
    """The config without select/ignore: the CLI applies its own layered selection."""
    if not (config.select or config.ignore or config.per_file_ignores):
        return config
    return replace(config, select=(), ignore=(), per_file_ignores=())


_STDIN_SPOOL: list[str] = []  # the file stdin was copied to, while it is being read


def _spool_stdin() -> str:
    """Copy stdin to a temporary file a block at a time: huge input is then read in chunks
    like a huge file, never held whole."""
    import tempfile

    from fundparse.readers import ReadError

    handle = tempfile.NamedTemporaryFile(prefix="fundparse-stdin-", delete=False)
    try:
        with handle:
            while block := sys.stdin.buffer.read(1 << 20):
                handle.write(block)
    except OSError as exc:
        os.unlink(handle.name)
        raise ReadError(f"cannot read stdin: {exc.strerror or exc}") from None
    return handle.name


def _source(path: str) -> str:
    """Where a path's bytes are: stdin's spool for "-"."""
    return _STDIN_SPOOL[-1] if path == "-" and _STDIN_SPOOL else path


def _is_huge(path: str, job: Job) -> bool:
    if path == "-" and not _STDIN_SPOOL:
        return False
    path = _source(path)
    try:
        st = os.stat(path)
    except OSError:
        return False
    import stat

    if not stat.S_ISREG(st.st_mode) or st.st_size <= job.huge_bytes:
        return False
    from fundparse.readers import sniff_format

    try:
        with open(path, "rb") as handle:
            head = handle.read(4096)
    except OSError:
        return False
    return sniff_format(head, path) == "text"


def _read(path: str, job: Job):
    from fundparse.readers import ReadError, read_bytes, read_path

    if path != "-":
        return read_path(path)
    try:
        if _STDIN_SPOOL:
            with open(_STDIN_SPOOL[-1], "rb") as handle:
                data = handle.read()
        else:
            data = sys.stdin.buffer.read()
    except OSError as exc:
        raise ReadError(f"cannot read stdin: {exc.strerror or exc}") from None
    return read_bytes(data, job.stdin_name or "-")


def process(path: str, job: Job) -> Iterator[Event]:
    """Read and analyse one path; every outcome, failures included, is an event."""
    from fundparse.config import ConfigError
    from fundparse.readers import ReadError

    spooled = False
    try:
        if path == "-" and not _STDIN_SPOOL:
            _STDIN_SPOOL.append(_spool_stdin())
            spooled = True
        _refuse_link_loop(path)
        config = config_for(path, job)
        if job.mode == "check":
            from fundparse.suppress import validate_config

            validate_config(config)
        if job.mode == "review":
            yield from _review_document(path, job, config)
        elif _is_huge(path, job):
            yield from _process_chunks(path, job, config)
        elif job.mode == "extract":
            yield from _extract_document(path, job, config)
        else:
            yield from _check_document(path, job, config)
    except ReadError as exc:
        yield ("error", str(exc) or "cannot read")
    except ConfigError as exc:
        yield ("config", str(exc))
    except RecursionError:
        yield ("internal", "RecursionError: input nested too deeply")
    except Exception as exc:  # a bug: report it, keep going with the other files
        if os.environ.get("FUNDPARSE_DEBUG"):
            import traceback

            traceback.print_exc()
        yield ("internal", one_line(exc))
    finally:
        if spooled:
            os.unlink(_STDIN_SPOOL.pop())


def _refuse_link_loop(path: str) -> None:
    """A symbolic link loop is an input error (exit 2), found before anything resolves it."""
    if path == "-":
        return
    try:
        os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            from fundparse.readers import ReadError

            raise ReadError("symbolic link loop") from None


def one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return f"{type(exc).__name__}: {text}"[:300] if text else type(exc).__name__


def _extract_document(path: str, job: Job, config) -> Iterator[Event]:
    import fundparse
    from fundparse.readers import page_of
    from fundparse.structure.docdate import sniff_doc_date

    doc = _read(path, job)
    yield ("doc", doc.format, doc.encoding)
    for note in doc.notes:
        yield ("note", note)
    rates = None
    if job.rates or job.rate_table is not None:
        day = job.doc_date
        if job.rate_table is not None and day is None:
            day = sniff_doc_date(doc.text)
            yield ("info", f"rates for {day.isoformat()}" if day else
                   "no document date found: the latest rates are used")
        rates = job.rates_on(day)
    mentions = fundparse.extract(doc.text, doc_date=job.doc_date, rates=rates, config=config)
    mentions = _filtered_mentions(mentions, doc, path, job, config)
    if doc.pages:
        mentions = [replace(m, page=page_of(doc, m.start)) for m in mentions]
    yield ("mentions", mentions)


def document_suppressions(doc, path: str):
    """The suppressions of a read document: its text's, and for an HTML page (whose reader
    drops comments) the ``ignore-file`` directives of its source."""
    from fundparse.suppress import SuppressionScanner

    scanner = SuppressionScanner()
    scanner.feed(doc.text)
    if doc.format == "html" and path != "-":
        try:
            with open(path, "rb") as handle:
                scanner.feed_file_directives(handle.read().decode("utf-8", "replace"))
        except OSError:
            pass
    return scanner.suppressions


def _filtered_mentions(mentions, doc, path: str, job: Job, config):
    """extract's mentions with the findings the one filter reports (suppress.py)."""
    from fundparse.suppress import filter_mentions

    if not any(m.findings for m in mentions):
        return mentions
    return filter_mentions(mentions, doc.text, config=config, path=shown_path(path, job),
                           select=job.select, ignore=job.ignore,
                           suppressions=document_suppressions(doc, path))


def _review_document(path: str, job: Job, config) -> Iterator[Event]:
    """The document whole (its notes go on its page), its mentions and its findings."""
    from fundparse.cli.analysis import review_document

    doc = _read(path, job)
    yield ("doc", doc.format, doc.encoding)
    yield ("reviewed", doc, *review_document(doc, job, config, shown_path(path, job),
                                             document_suppressions(doc, path)), config)


def _check_document(path: str, job: Job, config) -> Iterator[Event]:
    from fundparse.pipeline import analyse, analyse_both
    from fundparse.suppress import filter_document

    doc = _read(path, job)
    yield ("doc", doc.format, doc.encoding)
    for note in doc.notes:
        yield ("note", note)
    # the findings before any suppression: filter_document below applies them once, and
    # knows which suppressions were used (FP903)
    later = None
    if job.cross and path != "-":  # the cross-release pass gets extract's mentions too
        analysis, later = analyse_both(doc.text, job.doc_date, _bare(config))
    else:
        analysis = analyse(doc.text, job.doc_date, _bare(config))
    done = filter_document(analysis.findings, doc.text, config=config,
                           path=shown_path(path, job), select=job.select, ignore=job.ignore,
                           suppressions=document_suppressions(doc, path))
    yield ("findings", done.kept, job.lang or config.lang, done.suppressed)
    if later is not None:
        del analysis
        try:
            mentions = later()
        except Exception:  # noqa: BLE001  (the cross pass extracts this file again and meets it there)
            return
        yield ("across", doc.text, mentions)


def shown_path(path: str, job: Job) -> str:
    return job.stdin_name or "-" if path == "-" else path


# Huge plain text: chunk by chunk, offsets and lines shifted to the whole file's, in the windows
# of fundparse.stream (which fundparse.iter_extract reads with too).

def _process_chunks(path: str, job: Job, config) -> Iterator[Event]:
    """Huge plain text chunk by chunk.  Each chunk is read with ``job.context_chars`` of the
    chunks either side of it, and keeps what starts inside it: a sentence across a seam is
    read whole, as in the whole file, and nothing is found twice."""
    import fundparse
    from fundparse.readers import iter_text_chunks
    from fundparse.pipeline import analyse
    from fundparse.stream import shift_finding, shift_mention, windows
    from fundparse.structure.docdate import sniff_doc_date
    from fundparse.suppress import SuppressionScanner, filter_document, filter_mentions

    yield ("doc", "text", None)
    yield ("info", f"large file: read in chunks of {job.chunk_chars:,} characters")
    day = job.doc_date
    rates = None
    bare = _bare(config)
    scanner = SuppressionScanner()
    if job.mode == "extract":  # the whole file's suppressions first: ignore-file may come last
        at_line, at = 1, 0
        for at, piece in iter_text_chunks(_source(path), job.chunk_chars):
            scanner.feed(piece, at_line, at)
            at_line += piece.count("\n")
    findings = []
    for w in windows(iter_text_chunks(_source(path), job.chunk_chars), job.context_chars):
        if w.offset == 0:
            if day is None:
                day = sniff_doc_date(w.chunk)
            if job.rates or job.rate_table is not None:
                rates = job.rates_on(day)
        if job.mode == "extract":
            mentions = fundparse.extract(w.text, doc_date=day, rates=rates, config=config)
            mentions = [shift_mention(m, w.base, w.lines, w.columns)
                        for m in mentions if m.start in w.own]
            if any(m.findings for m in mentions):
                mentions = filter_mentions(mentions, "", config=config, path=shown_path(path, job),
                                           select=job.select, ignore=job.ignore,
                                           suppressions=scanner.suppressions)
            yield ("mentions", mentions)
        else:
            findings.extend(shift_finding(f, w.base, w.lines, w.columns)
                            for f in analyse(w.text, day, bare).findings if f.start in w.own)
            scanner.feed(w.chunk, w.chunk_lines + 1, w.offset)
    if job.mode == "check":
        done = filter_document(findings, "", config=config, path=shown_path(path, job),
                               select=job.select, ignore=job.ignore,
                               suppressions=scanner.suppressions)
        yield ("findings", done.kept, job.lang or config.lang, done.suppressed)


def _work(path: str, job: Job) -> tuple[int, list[Event]]:
    events = list(process(path, job))
    if job.render == "jsonl":
        # the parent only writes: formatting in the workers is what lets --jobs scale
        import io

        from fundparse.report.formats import JsonlWriter

        for i, event in enumerate(events):
            if event[0] == "mentions":
                buffer = io.StringIO()
                JsonlWriter(buffer, job.lang or "ko").write(shown_path(path, job), event[1])
                events[i] = ("rendered", buffer.getvalue())
    return os.getpid(), events


def _init_worker(barrier) -> None:
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    import fundparse.pipeline  # noqa: F401  (warm up before taking work)

    if barrier is not None:
        try:
            barrier.wait(timeout=10)  # every worker is up before work is handed out
        except Exception:
            pass


AHEAD = 2  # results a worker may have finished and waiting, per worker


def _local(path: str, job: Job) -> bool:
    """Read in this process: stdin (it belongs here) and huge text, which is streamed chunk
    by chunk here rather than held whole in a worker and sent back in one piece."""
    return path == "-" or _is_huge(path, job)


def run(inputs: Sequence[str], job: Job, jobs: int) -> Iterator[tuple[str, int, Iterable[Event]]]:
    """(path, worker pid, events) per input, in input order whatever ``jobs`` is.

    With ``jobs`` > 1 at most ``AHEAD`` results per worker wait to be written, so memory is
    about ``jobs`` times that of one document; an interrupt stops the workers at once."""
    pid = os.getpid()
    pooled = sum(1 for p in inputs if not _local(p, job)) if jobs > 1 else 0
    if pooled <= 1:
        for path in inputs:
            yield path, pid, process(path, job)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    method = "fork" if sys.platform.startswith("linux") else "spawn"
    context = multiprocessing.get_context(method)
    workers = min(jobs, pooled)
    barrier = context.Barrier(workers)
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context,
                               initializer=_init_worker, initargs=(barrier,))
    waiting: deque = deque()   # (path, future or None), in input order
    todo = iter(inputs)
    running = 0
    try:
        while True:
            while running < AHEAD * workers and (path := next(todo, None)) is not None:
                local = _local(path, job)
                waiting.append((path, None if local else pool.submit(_work, path, job)))
                running += not local
            if not waiting:
                break
            path, future = waiting.popleft()
            if future is None:
                yield path, pid, process(path, job)
            else:
                running -= 1
                worker, events = future.result()
                yield path, worker, events
    except BaseException:   # an interrupt, or the caller gone: no waiting for the workers
        _stop(pool)
        raise
    pool.shutdown(wait=True)


STOPPED: list[int] = []   # pids of the workers stopped by an interrupt (see streams.leave)


def _stop(pool) -> None:
    processes = list((getattr(pool, "_processes", None) or {}).values())
    STOPPED.extend(getattr(p, "pid", 0) for p in processes)
    for process_ in processes:
        try:
            process_.terminate()
        except (OSError, AttributeError):
            pass
    pool.shutdown(wait=False, cancel_futures=True)
    for process_ in processes:
        try:
            process_.join(2)
        except (OSError, AttributeError, AssertionError):
            pass
    # A worker stopped in the middle of sending a result leaves half a message in the result
    # pipe, and the pool's thread would wait for the rest for ever (and the interpreter for that
    # thread at exit).  With every worker gone, closing this process's own end of the pipe
    # makes that read end: the thread sees a broken pool and finishes.
    queue = getattr(pool, "_result_queue", None)
    try:
        queue._writer.close()  # type: ignore[union-attr]
    except (AttributeError, OSError):
        pass


class Run:
    """Shared bookkeeping of extract and check: messages on stderr and the exit status."""

    def __init__(self, verbose: bool = False):
        self.status = EXIT_OK
        self.verbose = verbose
        self._said: set[str] = set()

    def error(self, path: str, reason: str) -> None:
        say(f"{shown_name(path)}: {reason}")
        self.status = max(self.status, EXIT_ERROR)

    def config_error(self, message: str) -> None:
        if message not in self._said:
            self._said.add(message)
            say(message)
        self.status = max(self.status, EXIT_ERROR)

    def internal(self, path: str, reason: str) -> None:
        say(f"{shown_name(path)}: internal error ({reason}); please report this at {ISSUES_URL}")
        self.status = max(self.status, EXIT_INTERNAL)

    def common(self, path: str, pid: int, event: Event) -> bool:
        """Handle the events extract and check share; False for the command's own."""
        kind = event[0]
        if kind == "doc":
            if self.verbose:
                encoding = f", {event[2]}" if event[2] else ""
                say(f"worker {pid} read {shown_name(path)} ({event[1]}{encoding})")
        elif kind == "note":
            say(f"{shown_name(path)}: {event[1]}")
        elif kind == "info":
            if self.verbose:
                say(f"{shown_name(path)}: {event[1]}")
        elif kind == "error":
            self.error(path, event[1])
        elif kind == "config":
            self.config_error(event[1])
        elif kind == "internal":
            self.internal(path, event[1])
        else:
            return False
        return True
