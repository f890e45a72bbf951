"""Mentions from a Spark DataFrame of documents, computed on the executors.

    from fundparse.spark import extract_mentions
    docs = spark.read.parquet("articles/")              # columns: id, body, published
    mentions = extract_mentions(docs, "body", "id", doc_date_col="published")
    mentions.write.parquet("mentions/")

:func:`extract_mentions` runs the engine inside ``DataFrame.mapInArrow``: each executor's
Python worker receives Arrow batches of documents and sends back Arrow batches of mentions
with the fixed schema of :mod:`fundparse.etl` (:data:`fundparse.etl.SCHEMA`, or
``EXPLODED_SCHEMA`` with ``explode_splits=True``), declared to Spark up front.  Nothing is
collected to the driver.  Every executor needs fundparse installed (``pip install
fundparse`` on the nodes, or the wheel shipped with ``spark-submit --py-files``).

Needs the optional extra ``fundparse[spark]`` (pyspark, pyarrow, pandas).
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from fundparse.etl import ON_ERROR

if TYPE_CHECKING:  # pragma: no cover
    import pyarrow
    from pyspark.sql import DataFrame
    from pyspark.sql.types import DataType, StructType

    from fundparse.config import Config

__all__ = ["extract_mentions", "spark_schema"]

# Column names inside the mapInArrow input (the user's names may hold dots or spaces).
_TEXT, _ID = "__fundparse_text", "__fundparse_id"
_DATE, _PART = "__fundparse_date", "__fundparse_part"


def _pyspark():
    try:
        import pyspark.sql.types
    except ImportError as exc:
        raise ImportError("fundparse.spark needs pyspark: install fundparse[spark] "
                          "(pip install 'fundparse[spark]')") from exc
    return pyspark


def _spark_type(arrow_type: pyarrow.DataType) -> DataType:
    import pyarrow as pa
    from pyspark.sql import types as T

    if pa.types.is_string(arrow_type) or pa.types.is_large_string(arrow_type):
        return T.StringType()
    if pa.types.is_int64(arrow_type):
        return T.LongType()
    if pa.types.is_int32(arrow_type):
        return T.IntegerType()
    if pa.types.is_boolean(arrow_type):
        return T.BooleanType()
    if pa.types.is_decimal(arrow_type):
        return T.DecimalType(arrow_type.precision, arrow_type.scale)
    if pa.types.is_list(arrow_type):
        return T.ArrayType(_spark_type(arrow_type.value_type), containsNull=True)
    if pa.types.is_struct(arrow_type):
        return T.StructType([T.StructField(f.name, _spark_type(f.type), nullable=True)
                             for f in arrow_type])
    raise TypeError(f"no Spark type for Arrow {arrow_type}")  # pragma: no cover - fixed schema


def spark_schema(explode_splits: bool = False, view: str = "mentions") -> StructType:
    """The Spark ``StructType`` of :data:`fundparse.etl.SCHEMA` (or ``EXPLODED_SCHEMA``):
    the same column names and types (decimal128(38, 0) → DecimalType(38, 0), int32 →
    IntegerType, int64 → LongType, list<struct> → ArrayType(StructType))."""
    _pyspark()
    from pyspark.sql import types as T

    from fundparse.etl import schema

    return T.StructType([T.StructField(f.name, _spark_type(f.type), nullable=True)
                         for f in schema(explode_splits, view)])


def extract_mentions(df: DataFrame, text_col: str = "text", id_col: str | None = None, *,
                     doc_date_col: str | None = None, explode_splits: bool = False,
                     on_error: str = "row", rates: dict[str, Decimal] | None = None,
                     config: Config | None = None, view: str = "mentions") -> DataFrame:
    """The mentions of every document of ``df``, one row each, as a new DataFrame.

    ``text_col`` names a string column; ``id_col`` (any type; its ``str()`` becomes
    ``doc_id``) the document id.  Without ``id_col`` the documents are numbered 0, 1, … in
    the DataFrame's partition order, as :func:`fundparse.extract_records` numbers a list;
    that costs one extra pass over the input counting rows per partition (only the counts
    reach the driver), and the numbering is stable only while the input's partitioning is,
    so give an id column in production.  ``doc_date_col`` (date, timestamp, ``"YYYY-MM-DD"``
    string or year) resolves relative years per document.

    ``on_error`` is ``"row"`` by default here: a document that fails (a null text, say)
    becomes one row with ``error`` set instead of failing the job; ``"skip"`` drops it and
    ``"raise"`` fails the task.  The result has the schema :func:`spark_schema` gives, and
    is lazy like any transformation.  ``view="projects"`` gives one row per funded total
    (agency, project, region, KRW by source, period: :data:`fundparse.etl.PROJECTS_SCHEMA`).
    """
    _pyspark()
    from pyspark.sql import functions as F
    from pyspark.sql import types as T

    if on_error not in ON_ERROR:
        raise ValueError(f"on_error must be one of {', '.join(map(repr, ON_ERROR))}, "
                         f"not {on_error!r}")
    fields = {f.name: f for f in df.schema.fields}
    for role, name in (("text_col", text_col), ("id_col", id_col), ("doc_date_col", doc_date_col)):
        if name is not None and name not in fields:
            raise ValueError(f"{role} {name!r} is not a column of the DataFrame "
                             f"(columns: {', '.join(df.columns)})")
    if not isinstance(fields[text_col].dataType, T.StringType):
        raise TypeError(f"text_col {text_col!r} must be a string column, "
                        f"not {fields[text_col].dataType.simpleString()}")

    columns = [F.col(_quote(text_col)).alias(_TEXT)]
    if id_col is not None:
        columns.append(F.col(_quote(id_col)).alias(_ID))
    if doc_date_col is not None:
        columns.append(F.col(_quote(doc_date_col)).alias(_DATE))
    offsets = None
    if id_col is None:
        columns.append(F.spark_partition_id().alias(_PART))
        offsets = _partition_offsets(df)
    docs = df.select(*columns)
    options = dict(offsets=offsets, explode_splits=explode_splits, on_error=on_error,
                   rates=rates, config=config, view=view)

    def fundparse_extract(batches):  # its name is what the physical plan shows
        return _map_batches(batches, **options)

    return docs.mapInArrow(fundparse_extract, spark_schema(explode_splits, view))


def _quote(name: str) -> str:
    return "`" + name.replace("`", "``") + "`"


def _partition_offsets(df: DataFrame) -> dict[int, int]:
    """Index of the first row of each partition: a count per partition, on the JVM side."""
    from pyspark.sql import functions as F

    counts = (df.select(F.spark_partition_id().alias("p")).groupBy("p").count().collect())
    offsets, total = {}, 0
    for row in sorted(counts, key=lambda r: r["p"]):
        offsets[row["p"]] = total
        total += row["count"]
    return offsets


def _map_batches(batches: Iterator[pyarrow.RecordBatch], *, offsets: dict[int, int] | None,
                 explode_splits: bool, on_error: str, rates, config,
                 view: str = "mentions") -> Iterator:
    """Runs on the executors: documents' Arrow batches in, mentions' Arrow batches out."""
    from fundparse.etl import extract_records, iter_batches

    def documents() -> Iterator[tuple[Any, Any, Any]]:
        seen: dict[int, int] = {}
        for batch in batches:
            data = batch.to_pydict()
            texts = data[_TEXT]
            dates = data.get(_DATE) or [None] * len(texts)
            if offsets is None:
                ids = data[_ID]
            else:
                ids = []
                for part in data[_PART]:
                    n = seen.get(part, 0)
                    seen[part] = n + 1
                    ids.append(offsets.get(part, 0) + n)
            yield from zip(ids, texts, dates, strict=True)

    records = extract_records(documents(), on_error=on_error, rates=rates, config=config)
    yield from iter_batches(records, explode_splits=explode_splits, view=view)
