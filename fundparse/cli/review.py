"""``fundparse report``: a self-contained HTML review page per document.

    fundparse report release.hwpx -o out/          # out/release.html
    fundparse report drafts/ -o out/ --open        # one page per file and out/index.html

It takes extract's input options (--glob, --config, --year, --doc-date, --rate, --rates, --jobs);
the batch runner reads each input and analyses it once (mode "review": cli/analysis.py gives
its mentions and findings); the pages are rendered by report/html.py.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from fundparse.cli.analysis import analyse_once
from fundparse.cli.args import review_parser, say
from fundparse.cli.batch import run, shown_path
from fundparse.cli.commands import Run, _common_job, _inputs, _jobs, progress_bar, rule_selection
from fundparse.model import Finding, Mention
from fundparse.report.html import Page, count_parts, first_anchor, render_index, render_page


# --------------------------------------------------------------------------------------
# From a file to a page


def build_page(text: str, *, name: str, path: str = "-", lang: str = "ko",
               doc_date=None, config=None, fmt: str = "text", encoding: str | None = None,
               pages: tuple[int, ...] = (), read_notes: tuple[str, ...] = ()) -> Page:
    """Analyse ``text`` and render its page (``name`` is the page's file name)."""
    mentions, findings = analyse_once(text, doc_date=doc_date, config=config)
    return page_of(text, mentions, findings, name=name, path=path, lang=lang,
                   doc_date=doc_date, config=config, fmt=fmt, encoding=encoding, pages=pages,
                   read_notes=read_notes)


def page_of(text: str, mentions: list[Mention], findings: list[Finding], *, name: str,
            path: str, lang: str, doc_date, config, fmt: str, encoding: str | None,
            pages: tuple[int, ...], read_notes: tuple[str, ...]) -> Page:
    """The page of a document already analysed (its findings through the one filter)."""
    from fundparse.rules.tables import load_tables
    from fundparse.structure.docdate import coerce_date, sniff_doc_date

    tables = load_tables(config.data if config is not None else "{}")
    day = coerce_date(doc_date) or sniff_doc_date(text)
    page_html = render_page(text, mentions, findings, name=os.path.basename(path) or name,
                            lang=lang, fmt=fmt, encoding=encoding, doc_date=day, pages=pages,
                            read_notes=read_notes, category_of=tables.category)
    errors = sum(1 for f in findings if f.severity == "error")
    return Page(name, page_html, len(mentions), sum(count_parts(m.splits) for m in mentions),
                len(findings), errors, path, first_anchor(mentions, findings))


def _page_name(path: str, taken: set[str], reserve_index: bool) -> str:
    base = "stdin" if path == "-" else os.path.splitext(os.path.basename(path.rstrip("/\\")))[0]
    base = "".join(c if (c.isalnum() or c in "-_.") else "_" for c in base).strip(".") or "page"
    name = f"{base}.html"
    n = 2
    while name.lower() in taken or (reserve_index and name.lower() == "index.html"):
        name = f"{base}-{n}.html"
        n += 1
    taken.add(name.lower())
    return name


def main(argv: list[str] | None = None) -> int:
    """``fundparse report PATH… -o DIR [--open]`` with extract's input options; 0, or 2 when
    an input could not be read (the other pages are still written) or an option is wrong."""
    from fundparse.cli.args import EXIT_ERROR, UsageError, t
    from fundparse.config import ConfigError
    from fundparse.fx import RateError

    from fundparse.cli.args import set_lang
    from fundparse.cli.main import chosen_lang

    argv = list(sys.argv[1:] if argv is None else argv)
    set_lang(chosen_lang(argv))
    args = review_parser().parse_args(argv)
    try:
        return _report(args)
    except UsageError as exc:
        say(str(exc))
    except (ConfigError, RateError) as exc:
        say(t("cli.user_error", problem=" ".join(str(exc).split())))
    return EXIT_ERROR


def _report(args) -> int:
    from fundparse.cli.args import EXIT_ERROR, t
    from fundparse.fx import RateTable, parse_rate

    rates = dict(parse_rate(text) for text in args.rate or ())
    table = RateTable.from_csv(args.rates) if args.rates else None
    select, ignore = rule_selection(args)
    job = _common_job(args, "review", rates=tuple(sorted(rates.items())), rate_table=table,
                      select=select, ignore=ignore)
    jobs = _jobs(args.jobs)
    out_dir = Path(args.output)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        say(t("report.cannot_create", path=args.output, reason=exc.strerror or exc))
        return EXIT_ERROR
    state = Run(verbose=args.verbose)
    paths = _inputs(args, state, job=job)
    several = len(paths) > 1
    taken: set[str] = set()
    pages: list[Page] = []
    failed: list[tuple[str, str]] = []
    progress = progress_bar(len(paths), args.verbose, lines_to_terminal=True)
    try:
        for path, pid, events in run(paths, job, jobs):
            shown = shown_path(path, job)
            for event in events:
                if event[0] in ("error", "config", "internal"):
                    failed.append((shown, " ".join(str(event[1]).split())))
                if not state.common(shown, pid, event) and event[0] == "reviewed":
                    name = _page_name(path, taken, several)
                    page = _write_page(shown, event, out_dir, name, args, job, state)
                    if page is not None:
                        pages.append(page)
            if progress is not None:
                progress[0].advance(progress[1])
    finally:
        if progress is not None:
            progress[0].stop()
    status = state.status
    opened = None
    if len(pages) == 1 and not several:
        opened = (out_dir / pages[0].name).resolve().as_uri() + pages[0].anchor
    words = job.lang or lang_of_run()
    if several:
        index = out_dir / "index.html"
        try:
            index.write_text(render_index(pages, failed, words), encoding="utf-8")
            print(index)
            opened = index.resolve().as_uri()
        except OSError as exc:
            say(t("report.cannot_write", path=index, reason=exc.strerror or exc))
            status = max(status, EXIT_ERROR)
    if args.open and opened is not None:
        import webbrowser

        webbrowser.open(opened)
    return status


def lang_of_run() -> str:
    from fundparse.cli.args import lang

    return lang()


def _write_page(path: str, event, out_dir: Path, name: str, args, job,
                state: Run) -> Page | None:
    """Render one analysed document and write its page; None when it cannot be written."""
    _, doc, mentions, findings, config = event
    page = page_of(doc.text, mentions, findings, name=name, path=path,
                   lang=job.lang or getattr(config, "lang", None) or lang_of_run(),
                   doc_date=job.doc_date, config=config, fmt=doc.format, encoding=doc.encoding,
                   pages=doc.pages, read_notes=doc.notes)
    target = out_dir / name
    try:
        target.write_text(page.html, encoding="utf-8", errors="replace")
    except OSError as exc:
        state.error(str(target), exc.strerror or str(exc))
        return None
    print(target)
    return page
