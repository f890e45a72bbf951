"""One analysis of a document for ``fundparse report``: its mentions (what ``extract`` gives)
and its findings (what ``check`` gives) from a single run of the pipeline.  The batch runner
calls ``review_document`` in mode "review"; cli/review.py renders the result."""

from __future__ import annotations


def analyse_once(text: str, *, doc_date=None, config=None, rates=None):
    """The mentions and the findings of ``text`` from one analysis (what ``extract`` and
    ``check`` each give, without analysing the document twice)."""
    from decimal import localcontext

    from fundparse import pipeline
    from fundparse.model import EXACT
    from fundparse.suppress import filter_findings as suppressed

    analysis = pipeline.analyse(text, doc_date, config, full=True)
    lines = pipeline.Lines(text)
    with localcontext(EXACT):
        mentions = [pipeline._mention(fact, text, lines, rates) for fact in analysis.facts]
    return mentions, suppressed(analysis.findings, text, config=config)


def review_document(doc, job, config):
    """A read document's mentions (PDF pages noted) and findings, with the job's rates."""
    from dataclasses import replace

    from fundparse.readers import page_of as page_at
    from fundparse.structure.docdate import sniff_doc_date

    rates = None
    if job.rates or job.rate_table is not None:
        rates = job.rates_on(job.doc_date or sniff_doc_date(doc.text))
    mentions, findings = analyse_once(doc.text, doc_date=job.doc_date, config=config, rates=rates)
    if doc.pages:
        mentions = [replace(m, page=page_at(doc, m.start)) for m in mentions]
    return mentions, findings
