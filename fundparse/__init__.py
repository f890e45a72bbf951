"""fundparse: exact Korean money extraction — amounts, funding splits, periods and checks.

    >>> import fundparse
    >>> [m.krw for m in fundparse.extract("총사업비 281억 원(국비 121, 지방비 160)을 투입한다.")]
    [28100000000]

Public API: ``extract``, ``iter_extract`` (any size, bounded memory), ``check``, ``parse_amount``, ``format_krw`` and the contract types
``Mention``, ``Split``, ``Period``, ``Finding``, ``Range``.  Heavy parts load on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = [
    "extract", "iter_extract", "check", "parse_amount", "format_krw", "Mention", "Split", "Period",
    "Finding", "Range", "Config", "load_config", "extract_records", "to_arrow", "to_pandas",
    "__version__",
]

_LAZY = {
    "extract": "fundparse.pipeline",
    "check": "fundparse.pipeline",
    "iter_extract": "fundparse.stream",
    "parse_amount": "fundparse.pipeline",
    "format_krw": "fundparse.krw",
    "Mention": "fundparse.model",
    "Split": "fundparse.model",
    "Period": "fundparse.model",
    "Finding": "fundparse.model",
    "Range": "fundparse.model",
    "Config": "fundparse.config",
    "load_config": "fundparse.config",
    "extract_records": "fundparse.etl",
    "to_arrow": "fundparse.etl",
    "to_pandas": "fundparse.etl",
}

if TYPE_CHECKING:  # pragma: no cover
    from fundparse.config import Config, load_config
    from fundparse.etl import extract_records, to_arrow, to_pandas
    from fundparse.krw import format_krw
    from fundparse.model import Finding, Mention, Period, Range, Split
    from fundparse.pipeline import check, extract, parse_amount
    from fundparse.stream import iter_extract


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'fundparse' has no attribute {name!r}")
    import importlib

    from fundparse.startup import kept_code

    with kept_code():  # dataclasses built on the way compile from kept code (startup.py)
        value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
