"""``check`` over several files: the same project compared across releases (FP310–FP312).
Takes each file's text and extract's mentions from the per-file pass (or, for a file that pass
did not analyse whole, reads and extracts it again) and hands them to fundparse.records."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from fundparse.cli.batch import Job, _bare, _read, config_for, shown_path


def cross_file_findings(inputs: Sequence[str], job: Job,
                        read: Mapping[int, tuple[str, list]] | None = None) -> list[tuple[str, list]]:
    """(shown path, findings) for every file with an FP31x finding, in input order; files that
    cannot be read were reported by the per-file pass and are left out here.  ``read`` holds,
    by position in ``inputs``, the text and extract's mentions the per-file pass already found
    (its "across" events, pipeline.analyse_both); any other file is read and extracted here."""
    import fundparse
    from fundparse.config import ConfigError
    from fundparse.readers import ReadError
    from fundparse.records.across import cross_release
    from fundparse.suppress import filter_findings

    read = read or {}
    docs, texts, configs = [], {}, {}
    for index, path in enumerate(inputs):
        if path == "-":
            continue  # stdin was read once already
        shown = shown_path(path, job)
        try:
            config = config_for(path, job)
            if index in read:
                text, mentions = read[index]
            else:
                text = _read(path, job).text
                mentions = fundparse.extract(text, doc_date=job.doc_date, config=_bare(config))
        except (ReadError, ConfigError, OSError, RuntimeError):
            continue  # RuntimeError: a symbolic link loop met while resolving the path
        docs.append((shown, text, mentions))
        texts[shown], configs[shown] = text, config
    found = cross_release(docs, configs[docs[0][0]] if docs else None)
    out = []
    for shown, _, _ in docs:
        if shown in found:
            kept = filter_findings(found[shown], texts[shown], config=configs[shown], path=shown,
                                   select=job.select, ignore=job.ignore)
            if kept:
                out.append((shown, kept))
    return out
