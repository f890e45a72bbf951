"""One analysis of a document for ``fundparse report``: its mentions (what ``extract`` gives)
and its findings (what ``check`` gives) from a single run of the pipeline.  The batch runner
calls ``review_document`` in mode "review"; cli/review.py renders the result."""

from __future__ import annotations


def analyse_once(text: str, *, doc_date=None, config=None, rates=None, path=None,
                 select=(), ignore=(), suppressions=None):
    """The mentions and the findings of ``text`` from one analysis (what ``extract`` and
    ``check`` each give, without analysing the document twice), both through the one filter
    of suppress.py: the findings ``check`` reports, each mention with those of its own."""
    from dataclasses import replace
    from decimal import localcontext

    from fundparse import pipeline
    from fundparse.model import EXACT
    from fundparse.suppress import filter_findings, filter_mentions

    bare = config
    if config is not None and (config.select or config.ignore or config.per_file_ignores):
        bare = replace(config, select=(), ignore=(), per_file_ignores=())
    analysis = pipeline.analyse(text, doc_date, bare, full=True)
    lines = pipeline.Lines(text)
    with localcontext(EXACT):
        mentions = [pipeline._mention(fact, text, lines, rates) for fact in analysis.facts]
    kept = filter_findings(analysis.findings, text, config=config, path=path, select=select,
                           ignore=ignore, suppressions=suppressions)
    return filter_mentions(mentions, text, config=config, kept=kept), kept


def review_document(doc, job, config, shown="-", suppressions=None):
    """A read document's mentions (PDF pages noted) and findings, with the job's rates;
    ``shown``: its path as the output names it, ``suppressions``: those of its source."""
    from dataclasses import replace

    from fundparse.readers import page_of as page_at
    from fundparse.structure.docdate import sniff_doc_date

    rates = None
    if job.rates or job.rate_table is not None:
        rates = job.rates_on(job.doc_date or sniff_doc_date(doc.text))
    mentions, findings = analyse_once(doc.text, doc_date=job.doc_date, config=config, rates=rates,
                                      path=shown, select=job.select, ignore=job.ignore,
                                      suppressions=suppressions)
    if doc.pages:
        mentions = [replace(m, page=page_at(doc, m.start)) for m in mentions]
    return mentions, findings
