"""``fundparse report``: a self-contained HTML review page per document.

    fundparse report release.hwpx -o out/          # out/release.html
    fundparse report drafts/ -o out/ --open        # one page per file and out/index.html

Reads each input, runs extract and check on it and hands the results to report/html.py.
"""

from __future__ import annotations

import fnmatch
import os
import sys
from pathlib import Path

from fundparse.cli.args import review_parser, say
from fundparse.cli.inputs import collect_inputs, default_globs
from fundparse.model import Finding
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
    from fundparse.rules.tables import load_tables
    from fundparse.structure.docdate import coerce_date, sniff_doc_date

    mentions = extract(text, doc_date=doc_date, config=config)
    findings = filter_findings(check(text, doc_date=doc_date, config=config), config, path)
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
    from fundparse.config import ConfigError, find_config
    from fundparse.readers import ReadError, read_path
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
    paths = collect_inputs(args.paths, default_globs(),
                           lambda path, reason: say(f"{path}: {reason}"))
    several = len(paths) > 1
    taken: set[str] = set()
    pages: list[Page] = []
    failed: list[tuple[str, str]] = []
    status = 0
    for path in paths:
        try:
            config = find_config(os.getcwd() if path == "-" else path)
            doc = read_path(path)
        except (ReadError, ConfigError) as exc:
            reason = " ".join(str(exc).split()) or type(exc).__name__
            print(f"fundparse: {path}: {reason}", file=sys.stderr)
            failed.append((path, reason))
            status = 2
            continue
        lang = args.lang or getattr(config, "lang", "ko") or "ko"
        name = _page_name(path, taken, several)
        page = build_page(doc.text, name=name, path=path, lang=lang, doc_date=doc_date,
                          config=config, fmt=doc.format, encoding=doc.encoding,
                          pages=doc.pages, read_notes=doc.notes)
        target = out_dir / name
        try:
            target.write_text(page.html, encoding="utf-8", errors="replace")
        except OSError as exc:
            print(f"fundparse: {target}: {exc.strerror or exc}", file=sys.stderr)
            status = 2
            continue
        pages.append(page)
        print(target)
    opened = out_dir / pages[0].name if len(pages) == 1 and not several else None
    if several:
        index = out_dir / "index.html"
        try:
            index.write_text(render_index(pages, failed, args.lang or "ko"), encoding="utf-8")
            print(index)
            opened = index
        except OSError as exc:
            print(f"fundparse: {index}: {exc.strerror or exc}", file=sys.stderr)
            status = 2
    if args.open and opened is not None:
        import webbrowser

        webbrowser.open(opened.resolve().as_uri())
    return status
