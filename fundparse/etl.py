"""Mentions as records, Arrow tables and pandas frames, for loading into a warehouse.

    >>> import fundparse
    >>> text = "총사업비 281억 원(국비 121, 지방비 160)을 투입한다."
    >>> rows = list(fundparse.extract_records([text]))
    >>> rows[0]["doc_id"], rows[0]["krw"], [s["krw"] for s in rows[0]["splits"]]
    (0, 28100000000, [12100000000, 16000000000])

``extract_records`` streams one dict per mention (the contract's ``Mention.to_dict()`` plus
``doc_id`` and ``mention_id``).  ``to_arrow`` / ``to_pandas`` turn records (or documents) into a
table with one fixed schema, :data:`SCHEMA` (or :data:`EXPLODED_SCHEMA` with
``explode_splits=True``), the same whatever the input, so that Spark and warehouse tables can
declare it up front.  pyarrow and pandas are the optional extra ``fundparse[etl]``; this module
imports them only when a table is asked for.

Columns of :data:`SCHEMA` (money is never a float):

==================  ===============================  ==============================================
column              type                             meaning
==================  ===============================  ==============================================
doc_id              string                           the document's id (``str()`` of the id given;
                                                     the position ``"0"``, ``"1"``, … for plain
                                                     texts)
mention_id          string                           stable hash of doc_id, start, end and krw
text … column       string, int64 ×4                 surface, offsets, 1-based line and column
currency            string                           ISO 4217 code
value               string                           exact decimal in ``currency`` units
krw                 decimal128(38, 0)                integer KRW (null: foreign, no rate)
approximate         bool
bound, per, change  string
label               string
fiscal_year         int32
range_low/high      string                           both ends of a range (null otherwise)
range_low/high_krw  decimal128(38, 0)
period_start/end    int32                            project years, inclusive
period_years        int32
period_text         string
period_start_offset int64                            where the period expression is
period_end_offset   int64
splits              list<struct>                     label, category, text, start, end, value,
                                                     currency, krw, share, splits_json (the
                                                     part's own parts as contract JSON)
findings            list<struct>                     code, severity, message, line, column,
                                                     start, end
page                int32                            1-based PDF page, else null
error               string                           ``"TypeError: …"`` on the one row of a
                                                     document that failed (``on_error="row"``)
==================  ===============================  ==============================================

The schema metadata carries ``fundparse.contract_version`` and ``fundparse.version``.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from decimal import Decimal
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from fundparse.model import CONTRACT_VERSION

if TYPE_CHECKING:  # pragma: no cover
    import pandas
    import pyarrow

    from fundparse.config import Config

__all__ = [
    "extract_records", "to_arrow", "to_pandas", "record_rows", "mention_id", "error_record",
    "schema", "iter_batches", "source_totals", "read_csv", "csv_converters",
    "SCHEMA", "EXPLODED_SCHEMA", "ON_ERROR",  # noqa: F822 (lazy)
]

ON_ERROR = ("raise", "row", "skip")

# The contract's Mention keys, in to_dict() order: an error row carries them all as None.
_MENTION_KEYS = (
    "text", "start", "end", "line", "column", "currency", "value", "krw", "approximate",
    "bound", "range", "per", "change", "label", "fiscal_year", "splits", "period", "findings",
    "agency", "project", "region",  # the records extension (a funded total's)
)

_MAX_DECIMAL = 10 ** 38  # decimal128(38, 0) holds |n| < 10**38
_BATCH_ROWS = 4096


# --- records ---------------------------------------------------------------------------------

def mention_id(doc_id: Any, start: int, end: int, krw: int | None) -> str:
    """Stable id of a mention: the first 16 hex digits of
    sha1(f"{doc_id}\\x1f{start}\\x1f{end}\\x1f{krw}") in UTF-8, with None written as "".
    The same on every run, machine and Python version (no ``hash()`` randomisation)."""
    key = "\x1f".join("" if part is None else str(part) for part in (doc_id, start, end, krw))
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def extract_records(docs: Iterable[Any], *, on_error: str = "raise", doc_date: Any = None,
                    rates: dict[str, Decimal] | None = None,
                    config: Config | None = None) -> Iterator[dict[str, Any]]:
    """One dict per mention over many documents, lazily (constant memory however many).

    ``docs`` yields texts (their ``doc_id`` is their position: 0, 1, …), ``(doc_id, text)``
    pairs, or ``(doc_id, text, doc_date)`` triples (a per-document date that overrides the
    ``doc_date`` argument).  Each record is ``Mention.to_dict()`` plus ``doc_id`` (as given)
    and ``mention_id`` (:func:`mention_id`).

    ``on_error`` says what a document that cannot be processed (a text that is not a ``str``,
    an engine error) does: ``"raise"`` stops with the exception, ``"skip"`` drops that
    document, ``"row"`` yields one record ``{"doc_id": …, "mention_id": None, "error":
    "TypeError: …"}`` with every Mention key set to None.  A document yields all its mentions
    or none of them.
    """
    if on_error not in ON_ERROR:
        raise ValueError(f"on_error must be one of {', '.join(map(repr, ON_ERROR))}, "
                         f"not {on_error!r}")
    if isinstance(docs, (str, bytes)):
        raise TypeError("extract_records() takes an iterable of documents, not one "
                        f"{type(docs).__name__}; wrap it in a list")
    return _records(docs, on_error, doc_date, rates, config)


def _records(docs: Iterable[Any], on_error: str, doc_date: Any, rates, config) -> Iterator[dict]:
    from fundparse.pipeline import extract

    lang = config.lang if config is not None else "ko"
    for position, item in enumerate(docs):
        doc_id, text, day = _unpack(position, item, doc_date)
        try:
            mentions = extract(text, doc_date=day, rates=rates, config=config)
            records = [_record(doc_id, m.to_dict(lang)) for m in mentions]
        except Exception as exc:  # noqa: BLE001 - the caller chose what a failure does
            if on_error == "raise":
                raise
            if on_error == "row":
                yield error_record(doc_id, exc)
            continue
        yield from records


def _unpack(position: int, item: Any, doc_date: Any) -> tuple[Any, Any, Any]:
    if isinstance(item, (tuple, list)) and len(item) in (2, 3):
        return item[0], item[1], item[2] if len(item) == 3 else doc_date
    return position, item, doc_date


def _record(doc_id: Any, data: dict[str, Any]) -> dict[str, Any]:
    data["doc_id"] = doc_id
    data["mention_id"] = mention_id(doc_id, data["start"], data["end"], data["krw"])
    return data


def error_record(doc_id: Any, exc: BaseException | str) -> dict[str, Any]:
    """The one record standing for a document that failed (``on_error="row"``)."""
    message = exc if isinstance(exc, str) else f"{type(exc).__name__}: {exc}"
    record: dict[str, Any] = dict.fromkeys(_MENTION_KEYS)
    record.update(doc_id=doc_id, mention_id=None, error=message)
    return record


def source_totals(records: Iterable[dict[str, Any]],
                  config: Config | None = None) -> dict[str, int]:
    """KRW per funding-source category over records, by the one rule of
    ``fundparse.report.totals`` (the rule of ``fundparse extract``'s footer, the HTML page and
    the CSV columns), each document on its own; error rows are passed over.

    >>> import fundparse
    >>> from fundparse.etl import source_totals
    >>> source_totals(fundparse.extract_records(
    ...     ["총사업비 100억 원(국비 70억 원, 지방비 30억 원(도비 10억 원, 시비 20억 원))"]))
    {'national': 7000000000, 'provincial': 1000000000, 'municipal': 2000000000}
    """
    from fundparse.report.totals import add_totals, ordered
    from fundparse.report.totals import source_totals as document_totals
    from fundparse.rules.tables import load_tables

    category_of = load_tables(config.data if config is not None else "{}").category
    documents: dict[Any, list[SimpleNamespace]] = {}
    for record in records:
        if record.get("error") is None:
            documents.setdefault(record.get("doc_id"), []).append(_as_figure(record))
    totals: dict[str, int] = {}
    for mentions in documents.values():
        add_totals(totals, document_totals(mentions, category_of))
    return dict(ordered(totals))


def _as_figure(data: dict[str, Any]) -> SimpleNamespace:
    """A record or one of its parts, with the attributes report.totals reads."""
    return SimpleNamespace(
        label=data.get("label"), category=data.get("category"), krw=data.get("krw"),
        value=Decimal(data["value"]) if data.get("value") is not None else None,
        change=data.get("change"), per=data.get("per"),
        splits=tuple(_as_figure(part) for part in data.get("splits") or ()))


# --- flat rows -------------------------------------------------------------------------------

def record_rows(record: dict[str, Any], *, explode_splits: bool = False) -> list[dict[str, Any]]:
    """The table row(s) of one record, keyed by the columns of SCHEMA (or EXPLODED_SCHEMA)."""
    rng = record.get("range") or {}
    period = record.get("period") or {}
    doc_id = record.get("doc_id")
    row: dict[str, Any] = {
        "doc_id": None if doc_id is None else str(doc_id),
        "mention_id": record.get("mention_id"),
        "text": record.get("text"),
        "start": record.get("start"),
        "end": record.get("end"),
        "line": record.get("line"),
        "column": record.get("column"),
        "currency": record.get("currency"),
        "value": record.get("value"),
        "krw": _decimal(record.get("krw"), record),
        "approximate": record.get("approximate"),
        "bound": record.get("bound"),
        "per": record.get("per"),
        "change": record.get("change"),
        "label": record.get("label"),
        "fiscal_year": record.get("fiscal_year"),
        "range_low": rng.get("low"),
        "range_high": rng.get("high"),
        "range_low_krw": _decimal(rng.get("low_krw"), record),
        "range_high_krw": _decimal(rng.get("high_krw"), record),
        "period_start": period.get("start"),
        "period_end": period.get("end"),
        "period_years": period.get("years"),
        "period_text": period.get("text"),
        "period_start_offset": period.get("start_offset"),
        "period_end_offset": period.get("end_offset"),
    }
    splits = record.get("splits")
    findings = record.get("findings")
    split_rows = None if splits is None else [_split_row(part, record) for part in splits]
    tail = {
        "findings": None if findings is None else [
            {key: f.get(key) for key in _FINDING_KEYS} for f in findings],
        "page": record.get("page"),
        "error": record.get("error"),
    }
    if not explode_splits:
        row["splits"] = split_rows
        row.update(tail)
        return [row]
    rows = []
    for index, part in enumerate(split_rows or [None]):
        one = dict(row)
        one["split_index"] = None if part is None else index
        for key in _SPLIT_KEYS:
            one["split_" + key] = None if part is None else part[key]
        one.update(tail)
        rows.append(one)
    return rows


_SPLIT_KEYS = ("label", "category", "text", "start", "end", "value", "currency", "krw",
               "share", "splits_json")
_FINDING_KEYS = ("code", "severity", "message", "line", "column", "start", "end")


def _split_row(part: dict[str, Any], record: dict[str, Any]) -> dict[str, Any]:
    return {
        "label": part.get("label"),
        "category": part.get("category"),
        "text": part.get("text"),
        "start": part.get("start"),
        "end": part.get("end"),
        "value": part.get("value"),
        "currency": part.get("currency"),
        "krw": _decimal(part.get("krw"), record),
        "share": part.get("share"),
        "splits_json": json.dumps(part.get("splits") or [], ensure_ascii=False,
                                  separators=(",", ":")),
    }


def _decimal(value: int | None, record: dict[str, Any]) -> Decimal | None:
    if value is None:
        return None
    if not -_MAX_DECIMAL < value < _MAX_DECIMAL:
        raise OverflowError(f"krw {value} does not fit decimal128(38, 0) "
                            f"(doc_id {record.get('doc_id')!r}, text {record.get('text')!r})")
    return Decimal(value)


# --- Arrow and pandas ------------------------------------------------------------------------

def _pyarrow():
    try:
        import pyarrow
    except ImportError as exc:
        raise ImportError("fundparse's Arrow/pandas output needs pyarrow: "
                          "install fundparse[etl] (pip install 'fundparse[etl]')") from exc
    return pyarrow


def _pandas():
    try:
        import pandas
    except ImportError as exc:
        raise ImportError("fundparse.to_pandas needs pandas: "
                          "install fundparse[etl] (pip install 'fundparse[etl]')") from exc
    return pandas


def _build_schemas() -> tuple[pyarrow.Schema, pyarrow.Schema]:
    import fundparse

    pa = _pyarrow()
    money = pa.decimal128(38, 0)
    split = pa.struct([
        ("label", pa.string()), ("category", pa.string()), ("text", pa.string()),
        ("start", pa.int64()), ("end", pa.int64()), ("value", pa.string()),
        ("currency", pa.string()), ("krw", money), ("share", pa.string()),
        ("splits_json", pa.string()),
    ])
    finding = pa.struct([
        ("code", pa.string()), ("severity", pa.string()), ("message", pa.string()),
        ("line", pa.int64()), ("column", pa.int64()), ("start", pa.int64()), ("end", pa.int64()),
    ])
    head = [
        ("doc_id", pa.string()), ("mention_id", pa.string()), ("text", pa.string()),
        ("start", pa.int64()), ("end", pa.int64()), ("line", pa.int64()),
        ("column", pa.int64()), ("currency", pa.string()), ("value", pa.string()),
        ("krw", money), ("approximate", pa.bool_()), ("bound", pa.string()),
        ("per", pa.string()), ("change", pa.string()), ("label", pa.string()),
        ("fiscal_year", pa.int32()), ("range_low", pa.string()), ("range_high", pa.string()),
        ("range_low_krw", money), ("range_high_krw", money), ("period_start", pa.int32()),
        ("period_end", pa.int32()), ("period_years", pa.int32()), ("period_text", pa.string()),
        ("period_start_offset", pa.int64()), ("period_end_offset", pa.int64()),
    ]
    tail = [("findings", pa.list_(finding)), ("page", pa.int32()), ("error", pa.string())]
    exploded = [("split_index", pa.int32())] + [("split_" + f.name, f.type) for f in split]
    metadata = {"fundparse.contract_version": CONTRACT_VERSION,
                "fundparse.version": fundparse.__version__}
    return (pa.schema(head + [("splits", pa.list_(split))] + tail, metadata=metadata),
            pa.schema(head + exploded + tail, metadata=metadata))


# --- the projects view (issue 20): one row per funded total ------------------------------------

VIEWS = ("mentions", "projects")


def _build_projects_schema() -> pyarrow.Schema:
    import fundparse
    from fundparse.records.view import SOURCE_COLUMNS

    pa = _pyarrow()
    money = pa.decimal128(38, 0)
    span = pa.struct([("text", pa.string()), ("start", pa.int64()), ("end", pa.int64())])
    fields = [("doc_id", pa.string()), ("mention_id", pa.string()), ("agency", span),
              ("project", span), ("region", span), ("krw", money), ("currency", pa.string()),
              *[(c, money) for c in SOURCE_COLUMNS],
              ("period_start", pa.int32()), ("period_end", pa.int32()),
              ("period_years", pa.int32()), ("period_text", pa.string()),
              ("fiscal_year", pa.int32()), ("text", pa.string()), ("start", pa.int64()),
              ("end", pa.int64()), ("line", pa.int64()), ("column", pa.int64())]
    return pa.schema(fields, metadata={"fundparse.contract_version": CONTRACT_VERSION,
                                       "fundparse.version": fundparse.__version__})


def project_table_row(record: dict[str, Any]) -> list[dict[str, Any]]:
    """The projects-view row of one record (none when it is not a funded total)."""
    from fundparse.records.view import SOURCE_COLUMNS, is_funded, project_row

    if not is_funded(record):
        return []
    row = project_row(record)
    sources = row.pop("sources")
    for column in SOURCE_COLUMNS:
        row[column] = _decimal(sources.get(column[:-4]), record)
    row["krw"] = _decimal(row["krw"], record)
    row["doc_id"] = None if record.get("doc_id") is None else str(record["doc_id"])
    return [row]


def __getattr__(name: str) -> Any:
    # SCHEMA and EXPLODED_SCHEMA are built on first use, so that importing this module (for
    # extract_records) does not need pyarrow.
    if name in ("SCHEMA", "EXPLODED_SCHEMA"):
        schema, exploded = _build_schemas()
        globals().update(SCHEMA=schema, EXPLODED_SCHEMA=exploded)
        return globals()[name]
    if name == "PROJECTS_SCHEMA":
        globals()[name] = _build_projects_schema()
        return globals()[name]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _check_view(view: str, explode_splits: bool) -> None:
    if view not in VIEWS:
        raise ValueError(f"view must be one of {', '.join(map(repr, VIEWS))}, not {view!r}")
    if view == "projects" and explode_splits:
        raise ValueError("explode_splits applies to the mentions view, not view='projects'")


def schema(explode_splits: bool = False, view: str = "mentions") -> pyarrow.Schema:
    """:data:`SCHEMA`, or :data:`EXPLODED_SCHEMA` (one row per split) when asked, or
    :data:`PROJECTS_SCHEMA` for ``view="projects"``."""
    _check_view(view, explode_splits)
    if view == "projects":
        return __getattr__("PROJECTS_SCHEMA")
    return __getattr__("EXPLODED_SCHEMA" if explode_splits else "SCHEMA")


def iter_batches(records: Iterable[dict[str, Any]], *, explode_splits: bool = False,
                 batch_rows: int = _BATCH_ROWS,
                 view: str = "mentions") -> Iterator[pyarrow.RecordBatch]:
    """Record batches of at most ``batch_rows`` rows, all with the fixed schema; streaming.
    ``view="projects"``: one row per funded total (:data:`PROJECTS_SCHEMA`)."""
    pa = _pyarrow()
    target = schema(explode_splits, view)
    rows: list[dict[str, Any]] = []
    for record in records:
        if view == "projects":
            rows.extend(project_table_row(record))
            if len(rows) >= batch_rows:
                yield pa.RecordBatch.from_pylist(rows, schema=target)
                rows = []
            continue
        rows.extend(record_rows(record, explode_splits=explode_splits))
        if len(rows) >= batch_rows:
            yield pa.RecordBatch.from_pylist(rows, schema=target)
            rows = []
    if rows:
        yield pa.RecordBatch.from_pylist(rows, schema=target)


def _as_records(records_or_docs: Iterable[Any], extract_options: dict[str, Any]) -> Iterator[dict]:
    if isinstance(records_or_docs, (str, bytes)):
        raise TypeError("to_arrow()/to_pandas() take an iterable of records or documents, "
                        f"not one {type(records_or_docs).__name__}; wrap it in a list")
    items = iter(records_or_docs)
    for first in items:
        if isinstance(first, dict):
            yield first
            yield from items
        else:
            yield from extract_records(_chain(first, items), **extract_options)
        return


def _chain(first: Any, rest: Iterator[Any]) -> Iterator[Any]:
    yield first
    yield from rest


def to_arrow(records_or_docs: Iterable[Any], *, explode_splits: bool = False,
             on_error: str = "raise", doc_date: Any = None,
             rates: dict[str, Decimal] | None = None,
             config: Config | None = None, view: str = "mentions") -> pyarrow.Table:
    """A ``pyarrow.Table`` with :data:`SCHEMA` (or :data:`EXPLODED_SCHEMA`).

    ``records_or_docs`` is either records from :func:`extract_records` or what
    :func:`extract_records` takes (texts or ``(doc_id, text)`` pairs); the other keyword
    arguments are passed to it in the second case.  An empty input gives an empty table with
    the same schema.  ``view="projects"`` gives one row per funded total instead
    (:data:`PROJECTS_SCHEMA`: agency, project, region as structs of text, start, end; KRW and
    each funding source's KRW; period; fiscal year; where it is).
    """
    pa = _pyarrow()
    _check_view(view, explode_splits)
    options = dict(on_error=on_error, doc_date=doc_date, rates=rates, config=config)
    records = _as_records(records_or_docs, options)
    batches = list(iter_batches(records, explode_splits=explode_splits, view=view))
    return pa.Table.from_batches(batches, schema=schema(explode_splits, view))


def to_pandas(records_or_docs: Iterable[Any], *, explode_splits: bool = False,
              on_error: str = "raise", doc_date: Any = None,
              rates: dict[str, Decimal] | None = None,
              config: Config | None = None, view: str = "mentions") -> pandas.DataFrame:
    """A ``pandas.DataFrame`` of the same columns that survives ``to_parquet`` /
    ``read_parquet``, ``to_csv`` and ``to_excel`` with their defaults.

    Scalar columns are Arrow-backed (``pd.ArrowDtype``: ``int64[pyarrow]``, ``string[pyarrow]``,
    ``bool[pyarrow]``), so integers stay integers with nulls, never float64.  The money
    columns (``krw``, ``range_low_krw``, ``range_high_krw``, ``split_krw``) hold exact
    ``Decimal`` values (None when null) and ``splits`` / ``findings`` hold lists of dicts, in
    ``object`` columns: pandas cannot read back the name of a parametrised Arrow dtype
    (``decimal128(38, 0)[pyarrow]``, ``list<…>[pyarrow]``) that ``to_parquet`` stores.
    ``pa.Table.from_pandas(frame, schema=fundparse.etl.schema(explode_splits))`` gives the
    fixed schema back; :func:`read_csv` reads a ``to_csv`` file with exact integers."""
    pd = _pandas()
    table = to_arrow(records_or_docs, explode_splits=explode_splits, on_error=on_error,
                     doc_date=doc_date, rates=rates, config=config, view=view)
    frame = table.to_pandas(types_mapper=_pandas_type)
    for field in table.schema:
        if _nested(field.type):
            frame[field.name] = pd.Series([None if v is None else _plain(v)
                                           for v in frame[field.name]],
                                          index=frame.index, dtype=object)
    return frame


def _nested(arrow_type: Any) -> bool:
    pa = _pyarrow()
    return pa.types.is_list(arrow_type) or pa.types.is_struct(arrow_type)


def _pandas_type(arrow_type: Any) -> Any:
    """Arrow-backed dtypes whose names pandas reads back; None (object) for the rest."""
    pa = _pyarrow()
    if pa.types.is_decimal(arrow_type) or _nested(arrow_type):
        return None
    return _pandas().ArrowDtype(arrow_type)


def _plain(value: Any) -> Any:
    """numpy arrays inside a converted list column as Python lists (dicts stay dicts)."""
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)) or type(value).__name__ == "ndarray":
        return [_plain(item) for item in value]
    return value


def csv_converters(explode_splits: bool = False) -> dict[str, Any]:
    """``pd.read_csv(path, converters=…)`` for a ``to_csv`` file of a :func:`to_pandas` frame:
    money as exact ``Decimal`` (None when empty), where pandas' default would make a column
    with an empty cell float64; integer columns are kept as text (see :func:`read_csv`)."""
    pa = _pyarrow()

    def money(text: str) -> Decimal | None:
        return Decimal(text) if text.strip() else None

    converters: dict[str, Any] = {}
    for field in schema(explode_splits):
        if pa.types.is_decimal(field.type):
            converters[field.name] = money
        elif pa.types.is_integer(field.type):
            converters[field.name] = str
    return converters


def read_csv(path_or_buffer: Any, *, explode_splits: bool = False,
             **options: Any) -> pandas.DataFrame:
    """Read back ``to_pandas(…).to_csv(path)`` (with or without its index) with exact money
    (``Decimal``) and integer columns of the same Arrow-backed dtypes as :func:`to_pandas`
    (``int64[pyarrow]`` with nulls, never float); other options go to ``pd.read_csv``."""
    pd = _pandas()
    pa = _pyarrow()
    converters = {**csv_converters(explode_splits), **options.pop("converters", {})}
    frame = pd.read_csv(path_or_buffer, converters=converters, **options)
    if "index_col" not in options and len(frame.columns) and frame.columns[0] == "Unnamed: 0":
        # written with pandas' default index=True: the first, unnamed column is the index
        frame = frame.set_index(frame.columns[0]).rename_axis(None)
    for field in schema(explode_splits):
        if pa.types.is_integer(field.type) and field.name in frame.columns:
            values = [int(t) if isinstance(t, str) and t.strip() else None
                      for t in frame[field.name]]
            frame[field.name] = pd.Series(pa.array(values, type=field.type),
                                          index=frame.index, dtype=pd.ArrowDtype(field.type))
    return frame
