"""``fundparse report``: a self-contained HTML review page per document.

    fundparse report release.hwpx -o out/          # out/release.html
    fundparse report drafts/ -o out/ --open        # one page per file and out/index.html

The batch runner reads each input and runs extract and check on it (mode "review"); the pages
are rendered by report/html.py.
"""

from __future__ import annotations

import fnmatch
import os
import sys
from pathlib import Path

from fundparse.cli.args import review_parser
from fundparse.cli.batch import Job, Run, run
from fundparse.cli.inputs import collect_inputs, default_globs
from fundparse.model import Finding, Mention
from fundparse.report.html import Page, count_parts, render_index, render_page


# --------------------------------------------------------------------------------------
# From a file to a page


def filter_findings(findings: list[Finding], config, path: str) -> list[Finding]:
    """Apply the config's select / ignore / per-file-ignores (code prefixes, as ruff)."""
    if config is None:
        return findings
    ignore = list(config.ignore)
    for glob, codes in config.per_file_ignores:
        if fnmatch.fnmatch(path, glob) or fnmatch.fnmatch(os.path.basename(path), glob):
            ignore.extend(codes)
    out = []
    for f in findings:
        if config.select and not any(f.code.startswith(s) for s in config.select):
            continue
        if any(f.code.startswith(s) for s in ignore):
            continue
        out.append(f)
    return out


def build_page(text: str, *, name: str, path: str = "-", lang: str = "ko",
               doc_date=None, config=None, fmt: str = "text", encoding: str | None = None,
               pages: tuple[int, ...] = (), read_notes: tuple[str, ...] = ()) -> Page:
    """Analyse ``text`` and render its page (``name`` is the page's file name)."""
    from fundparse.pipeline import check, extract

    mentions = extract(text, doc_date=doc_date, config=config)
    findings = check(text, doc_date=doc_date, config=config)
    return page_of(text, mentions, findings, name=name, path=path, lang=lang,
                   doc_date=doc_date, config=config, fmt=fmt, encoding=encoding, pages=pages,
                   read_notes=read_notes)


def page_of(text: str, mentions: list[Mention], findings: list[Finding], *, name: str,
            path: str, lang: str, doc_date, config, fmt: str, encoding: str | None,
            pages: tuple[int, ...], read_notes: tuple[str, ...]) -> Page:
    """The page of a document already analysed (findings before the config's selection)."""
    from fundparse.rules.tables import load_tables
    from fundparse.structure.docdate import coerce_date, sniff_doc_date

    findings = filter_findings(findings, config, path)
    tables = load_tables(config.data if config is not None else "{}")
    day = coerce_date(doc_date) or sniff_doc_date(text)
    page_html = render_page(text, mentions, findings, name=os.path.basename(path) or name,
                            lang=lang, fmt=fmt, encoding=encoding, doc_date=day, pages=pages,
                            read_notes=read_notes, category_of=tables.category)
    errors = sum(1 for f in findings if f.severity == "error")
    return Page(name, page_html, len(mentions), sum(count_parts(m.splits) for m in mentions),
                len(findings), errors, path)


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
    """``fundparse report PATH… -o DIR [--open] [--doc-date D] [--lang en]``; 0, or 2 when an
    input could not be read (the other pages are still written)."""
    from fundparse.structure.docdate import coerce_date

    args = review_parser().parse_args(sys.argv[1:] if argv is None else argv)
    doc_date = None
    if args.doc_date:
        try:
            doc_date = coerce_date(args.doc_date)
        except (ValueError, TypeError) as exc:
            print(f"fundparse: --doc-date: {exc}", file=sys.stderr)
            return 2
        if doc_date is None:
            print(f"fundparse: --doc-date: not a date: {args.doc_date}", file=sys.stderr)
            return 2
    out_dir = Path(args.output)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        print(f"fundparse: {args.output}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    state = Run()
    paths = collect_inputs(args.paths, default_globs(), state.error)
    several = len(paths) > 1
    taken: set[str] = set()
    pages: list[Page] = []
    failed: list[tuple[str, str]] = []
    for path, pid, events in run(paths, Job(mode="review", doc_date=doc_date), 1):
        for event in events:
            if event[0] in ("error", "config", "internal"):
                failed.append((path, " ".join(str(event[1]).split())))
            if not state.common(path, pid, event) and event[0] == "reviewed":
                name = _page_name(path, taken, several)
                page = _write_page(path, event, out_dir, name, args, doc_date, state)
                if page is not None:
                    pages.append(page)
    status = state.status
    opened = out_dir / pages[0].name if len(pages) == 1 and not several else None
    if several:
        index = out_dir / "index.html"
        try:
            index.write_text(render_index(pages, failed, args.lang or "ko"), encoding="utf-8")
            print(index)
            opened = index
        except OSError as exc:
            print(f"fundparse: {index}: {exc.strerror or exc}", file=sys.stderr)
            status = max(status, 2)
    if args.open and opened is not None:
        import webbrowser

        webbrowser.open(opened.resolve().as_uri())
    return status


def _write_page(path: str, event, out_dir: Path, name: str, args, doc_date,
                state: Run) -> Page | None:
    """Render one analysed document and write its page; None when it cannot be written."""
    _, doc, mentions, findings, config = event
    page = page_of(doc.text, mentions, findings, name=name, path=path,
                   lang=args.lang or getattr(config, "lang", "ko") or "ko", doc_date=doc_date,
                   config=config, fmt=doc.format, encoding=doc.encoding, pages=doc.pages,
                   read_notes=doc.notes)
    target = out_dir / name
    try:
        target.write_text(page.html, encoding="utf-8", errors="replace")
    except OSError as exc:
        state.error(str(target), exc.strerror or str(exc))
        return None
    print(target)
    return page
