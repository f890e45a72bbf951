"""The ``projects`` view: one row per funded total — agency, project, region, KRW, each
funding source's KRW, period, fiscal year and where it is — from contract records
(``Mention.to_dict()``, with ``file`` or ``doc_id``)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from fundparse.model import CATEGORIES

SOURCE_COLUMNS = tuple(f"{c}_krw" for c in CATEGORIES) + ("mixed_krw",)
# the flat columns of CSV and the table, in order
COLUMNS = ("file", "line", "column", "agency", "project", "region", "krw", "currency",
           *SOURCE_COLUMNS, "period_start", "period_end", "period_years", "period_text",
           "fiscal_year", "text", "start", "end")


def is_funded(record: dict[str, Any]) -> bool:
    """A record that carries the agency/project/region fields: a funded total."""
    return "project" in record


def source_krw(splits: Iterable[dict[str, Any]]) -> dict[str, int]:
    """KRW per funding category, each part broken down to its innermost parts; what a part's
    own parts leave uncovered stays under its category; a compound category (국도비) is
    "mixed"."""
    totals: dict[str, int] = {}

    def add(parts: Iterable[dict[str, Any]]) -> None:
        for part in parts:
            if part.get("krw") is None:
                continue
            inner = [p for p in part.get("splits") or () if p.get("krw") is not None]
            add(inner)
            rest = part["krw"] - sum(p["krw"] for p in inner)
            if not inner or rest > 0:
                category = part["category"] if "+" not in part["category"] else "mixed"
                amount = part["krw"] if not inner else rest
                totals[category] = totals.get(category, 0) + amount

    add(splits)
    return totals


def project_row(record: dict[str, Any]) -> dict[str, Any]:
    """One projects-view row (JSON form: agency/project/region as {text, start, end})."""
    period = record.get("period") or {}
    row: dict[str, Any] = {}
    for key in ("file", "doc_id", "mention_id"):
        if key in record:
            row[key] = record[key]
    row.update(
        agency=record.get("agency"), project=record.get("project"), region=record.get("region"),
        krw=record.get("krw"), currency=record.get("currency"),
        sources=source_krw(record.get("splits") or ()),
        period_start=period.get("start"), period_end=period.get("end"),
        period_years=period.get("years"), period_text=period.get("text"),
        fiscal_year=record.get("fiscal_year"), text=record.get("text"),
        start=record.get("start"), end=record.get("end"), line=record.get("line"),
        column=record.get("column"),
    )
    return row


def project_rows(records: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """The projects-view rows of contract records, in their order."""
    for record in records:
        if is_funded(record):
            yield project_row(record)


def flat(row: dict[str, Any]) -> dict[str, Any]:
    """A row with the spans as their text and one column per funding source (CSV, table)."""
    out = {key: row.get(key) for key in COLUMNS}
    for key in ("agency", "project", "region"):
        out[key] = None if row.get(key) is None else row[key]["text"]
    sources = row.get("sources") or {}
    for column in SOURCE_COLUMNS:
        out[column] = sources.get(column[:-4])
    if "file" not in row and "doc_id" in row:
        out["file"] = row["doc_id"]
    return out
