"""What the HTTP service answers, without the HTTP: request bodies in, JSON text out.

``fundparse serve`` (fundparse/serve.py) reads a request, hands its parsed body here (in a worker
thread) and sends back the text.  Standard library only, so it runs and is tested without
Starlette.

* ``extract_answer`` — ``POST /v1/extract``: exactly what ``fundparse extract --format json``
  writes for the same text (each document's ``id`` is its ``file``; "-" for a single text, as
  for stdin);
* ``check_answer`` — ``POST /v1/check``: exactly ``fundparse check --format json``;
* ``parse_answer`` — Duckling's ``POST /parse`` (fundparse/report/duckling.py);
* ``openapi_document`` — ``GET /openapi.json``.

Every problem with a request is a :class:`RequestError`: an HTTP status, an English ``code``
and a one-line message in Korean and English.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any

from fundparse.config import Config, ConfigError
from fundparse.rules.tables import merge_tables

__all__ = ["ServiceSettings", "RequestError", "Document", "documents", "extract_answer",
           "check_answer", "parse_answer", "openapi_document"]

DOC_KEYS = {"id", "text", "doc_date", "rates"}
EXTRACT_KEYS = DOC_KEYS | {"documents", "lang", "config"}
CHECK_KEYS = EXTRACT_KEYS - {"rates"} | {"select", "ignore"}


@dataclass(frozen=True)
class ServiceSettings:
    """What ``fundparse serve`` was started with, read once: rule data and check options
    (``config``), exchange rates (``--rate``, ``--rates``), the language of messages."""

    config: Config = field(default_factory=Config)
    rates: tuple[tuple[str, Decimal], ...] = ()
    rate_table: Any = None  # fx.RateTable
    lang: str | None = None


class RequestError(Exception):
    """A request the service cannot answer as asked (never a bug in fundparse)."""

    def __init__(self, status: int, code: str, message: str, message_en: str):
        super().__init__(message_en)
        self.status = status
        self.code = code
        self.message = message
        self.message_en = message_en

    def to_dict(self) -> dict[str, Any]:
        return {"error": {"code": self.code, "message": self.message,
                          "message_en": self.message_en}}


def _bad(field: str, message: str, message_en: str) -> RequestError:
    return RequestError(422, "invalid_field", f"{field}: {message}", f"{field}: {message_en}")


@dataclass(frozen=True)
class Document:
    id: str
    text: str
    doc_date: dt.date | None = None
    rates: tuple[tuple[str, Decimal], ...] = ()


# --- request bodies ----------------------------------------------------------------------------

def _doc_date(value: Any, field: str) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        if 1900 <= value <= 2200:
            return dt.date(value, 1, 1)
    elif isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise _bad(field, f"YYYY-MM-DD 날짜나 연도여야 합니다, {str(value)[:40]!r}는 아닙니다",
               f"expected a date YYYY-MM-DD or a year, not {str(value)[:40]!r}")


def _rates(value: Any, field: str) -> tuple[tuple[str, Decimal], ...]:
    from fundparse.fx import RateError, parse_rate

    if value is None:
        return ()
    if not isinstance(value, dict):
        raise _bad(field, '{"USD": "1380.5"} 꼴이어야 합니다', 'expected {"USD": "1380.5"}')
    out = []
    for code, rate in value.items():
        if isinstance(rate, bool) or not isinstance(rate, (str, int, Decimal)):
            raise _bad(field, f"{code}의 환율은 숫자여야 합니다", f"the rate for {code} must be a number")
        try:
            out.append(parse_rate(f"{code}={rate}"))
        except RateError as exc:
            raise _bad(field, str(exc), str(exc)) from None
    return tuple(sorted(out))


def _text(value: Any, field: str) -> str:
    if value is None:
        raise RequestError(422, "missing_text", f"{field}가 없습니다: 분석할 글을 주세요",
                           f"{field} is missing: give the text to read")
    if not isinstance(value, str):
        raise _bad(field, "문자열이어야 합니다", "expected a string")
    return value


def _id(value: Any, default: str, field: str) -> str:
    if value is None:
        return default
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise _bad(field, "문자열이나 정수여야 합니다", "expected a string or an integer")
    return str(value)


def _unknown(obj: Mapping[str, Any], allowed: set[str], where: str) -> None:
    unknown = sorted(set(obj) - allowed)
    if unknown:
        names = ", ".join(map(str, unknown))
        raise RequestError(422, "unknown_field", f"{where}알 수 없는 필드: {names}",
                           f"{where}unknown field(s) {names} (known: {', '.join(sorted(allowed))})")


def documents(body: Any, allowed: set[str]) -> list[Document]:
    """The documents of a ``/v1`` request: ``{"text", …}`` or ``{"documents": [{…}, …]}``;
    ``doc_date`` and ``rates`` at the top are every document's defaults."""
    if not isinstance(body, dict):
        raise RequestError(422, "invalid_body", 'JSON 객체여야 합니다: {"text": "…"}',
                           'the body must be a JSON object: {"text": "…"}')
    _unknown(body, allowed, "")
    day = _doc_date(body.get("doc_date"), "doc_date")
    rates = _rates(body.get("rates"), "rates") if "rates" in allowed else ()
    if "documents" not in body:
        return [Document(_id(body.get("id"), "-", "id"), _text(body.get("text"), "text"), day,
                         rates)]
    if "text" in body or "id" in body:
        raise RequestError(422, "invalid_body", "text와 documents는 함께 쓸 수 없습니다",
                           "give either text or documents, not both")
    items = body["documents"]
    if not isinstance(items, list):
        raise _bad("documents", "목록이어야 합니다", "expected a list of objects")
    out = []
    for i, item in enumerate(items):
        where = f"documents[{i}]"
        if not isinstance(item, dict):
            raise _bad(where, "객체여야 합니다", 'expected an object {"id", "text"}')
        _unknown(item, DOC_KEYS & allowed, f"{where}: ")
        item_rates = _rates(item.get("rates"), f"{where}.rates") if "rates" in allowed else ()
        out.append(Document(
            _id(item.get("id"), str(i), f"{where}.id"), _text(item.get("text"), f"{where}.text"),
            _doc_date(item.get("doc_date"), f"{where}.doc_date") or day,
            tuple(sorted(dict(rates + item_rates).items()))))
    return out


def _lang(body: dict, default: str) -> str:
    lang = body.get("lang")
    if lang is None:
        return default
    if lang not in ("ko", "en"):
        raise _bad("lang", '"ko"나 "en"이어야 합니다', 'expected "ko" or "en"')
    return lang


def _rates_for(text: str, day: dt.date | None, own: tuple[tuple[str, Decimal], ...],
               settings: ServiceSettings) -> dict[str, Decimal] | None:
    """As the command line: the dated table on the document's date (stated in its header
    when not given), then the server's fixed rates, then the request's own."""
    if not (own or settings.rates or settings.rate_table is not None):
        return None
    rates: dict[str, Decimal] = {}
    if settings.rate_table is not None:
        if day is None:
            from fundparse.structure.docdate import sniff_doc_date

            day = sniff_doc_date(text)
        rates.update(settings.rate_table.rates_on(day))
    rates.update(settings.rates)
    rates.update(own)
    return rates or None


def _request_config(body: dict, settings: ServiceSettings) -> Config:
    """The server's configuration with a request's own ``config`` over it (the keys of a
    .fundparse.toml, without ``data``: a request names no file on the server)."""
    table = body.get("config")
    if table is None:
        return settings.config
    if not isinstance(table, dict):
        raise _bad("config", ".fundparse.toml과 같은 키의 객체여야 합니다",
                   "expected an object with the keys of a .fundparse.toml")
    if "data" in table:
        raise _bad("config.data", "요청은 서버의 파일을 읽게 할 수 없습니다",
                   "a request cannot name data files on the server")
    try:
        own = Config.from_mapping(table)
    except ConfigError as exc:
        raise RequestError(422, "invalid_field", f"config: {exc}", f"config: {exc}") from None
    base = settings.config
    data = merge_tables(json.loads(base.data), json.loads(own.data))
    return replace(base, data=json.dumps(data, sort_keys=True, ensure_ascii=False),
                   select=own.select or base.select, ignore=base.ignore + own.ignore,
                   per_file_ignores=base.per_file_ignores + own.per_file_ignores,
                   lang=table.get("lang", base.lang))


# --- answers -----------------------------------------------------------------------------------

def extract_answer(body: Any, settings: ServiceSettings) -> str:
    """``POST /v1/extract``: the text ``fundparse extract --format json`` writes."""
    import fundparse
    from fundparse.report.formats import JsonWriter

    docs = documents(body, EXTRACT_KEYS)
    config = _request_config(body, settings)
    out = io.StringIO()
    writer = JsonWriter(out, _lang(body, settings.lang or "ko"))
    for doc in docs:
        rates = _rates_for(doc.text, doc.doc_date, doc.rates, settings)
        writer.write(doc.id, fundparse.extract(doc.text, doc_date=doc.doc_date, rates=rates,
                                               config=config))
    writer.close()
    return out.getvalue()


def _selectors(value: Any, field: str) -> tuple[str, ...]:
    from fundparse.suppress import check_selectors, split_selectors

    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _bad(field, '규칙 코드 목록이어야 합니다: ["FP1", "FP301"]',
                   'expected a list of rule codes: ["FP1", "FP301"]')
    try:
        return check_selectors(split_selectors(value), field)
    except ConfigError as exc:
        raise RequestError(422, "invalid_field", str(exc), str(exc)) from None


def check_answer(body: Any, settings: ServiceSettings) -> str:
    """``POST /v1/check``: the text ``fundparse check --format json`` writes."""
    from fundparse.pipeline import analyse
    from fundparse.report.formats import FindingsWriter
    from fundparse.suppress import filter_findings

    docs = documents(body, CHECK_KEYS)
    config = _request_config(body, settings)
    select = _selectors(body.get("select"), "select")
    ignore = _selectors(body.get("ignore"), "ignore")
    bare = replace(config, select=(), ignore=(), per_file_ignores=())
    out = io.StringIO()
    writer = FindingsWriter(out, "json", _lang(body, settings.lang or config.lang))
    for doc in docs:
        findings = analyse(doc.text, doc.doc_date, bare).findings  # filtered once, below
        writer.add(doc.id, filter_findings(findings, doc.text, config=config, path=doc.id,
                                           select=select, ignore=ignore))
    writer.close()
    return out.getvalue()


def parse_answer(form: Mapping[str, str], settings: ServiceSettings) -> str:
    """Duckling's ``POST /parse`` for form fields ``text``, ``dims``, ``reftime``, ``tz``
    (``locale``, ``lang`` and ``latent`` are accepted and have no effect: the text is read as
    Korean, and amounts of money are never latent)."""
    import fundparse
    from fundparse.report.duckling import DucklingFieldError, dumps, entity, reference_date
    from fundparse.report.duckling import wants_money

    text = form.get("text")
    if text is None:
        raise RequestError(422, "missing_text", "text 필드가 없습니다: 분석할 글을 주세요",
                           "Need a 'text' parameter to parse")
    if not wants_money(form.get("dims")):
        return "[]"
    try:
        day = reference_date(form.get("reftime"), form.get("tz"))
    except DucklingFieldError as exc:
        raise RequestError(400, f"invalid_{exc.field}", exc.message, exc.message_en) from None
    rates = _rates_for(text, day, (), settings)
    mentions = fundparse.extract(text, doc_date=day, rates=rates, config=settings.config)
    return dumps([entity(m, settings.lang or "ko") for m in mentions])


# --- the routes, described ---------------------------------------------------------------------

def openapi_document() -> dict[str, Any]:
    """The OpenAPI 3.1 description of the service, served at /openapi.json."""
    error = {"$ref": "#/components/schemas/Error"}
    doc = {"type": "object", "required": ["text"], "properties": {
        "id": {"type": ["string", "integer"], "description": "reported as \"file\""},
        "text": {"type": "string"},
        "doc_date": {"type": ["string", "integer"], "description": "YYYY-MM-DD or a year"},
        "rates": {"type": "object", "additionalProperties": {"type": ["string", "number"]},
                  "description": "KRW per unit, e.g. {\"USD\": \"1380.5\"}"}}}
    body = {"oneOf": [doc, {"type": "object", "required": ["documents"], "properties": {
        "documents": {"type": "array", "items": doc},
        "doc_date": doc["properties"]["doc_date"], "rates": doc["properties"]["rates"],
        "lang": {"enum": ["ko", "en"]}}}]}

    def answers(description: str, schema: dict) -> dict:
        return {"200": {"description": description,
                        "content": {"application/json": {"schema": schema}}},
                **{str(s): {"description": d, "content": {"application/json": {"schema": error}}}
                   for s, d in ((400, "malformed body"), (413, "body over the size limit"),
                                (422, "missing or invalid field"), (500, "internal error"),
                                (504, "not done in time"))}}

    def post(summary: str, content: dict, description: str, schema: dict) -> dict:
        return {"post": {"summary": summary, "requestBody": {"required": True,
                                                             "content": content},
                         "responses": answers(description, schema)}}

    def get(summary: str) -> dict:
        return {"get": {"summary": summary, "responses": {"200": {"description": "ok"}}}}

    listing = {"type": "array", "items": {"type": "object"}}
    form = {"application/x-www-form-urlencoded": {"schema": {"type": "object", "required": [
        "text"], "properties": {name: {"type": "string"} for name in (
            "text", "dims", "locale", "lang", "tz", "reftime", "latent")}}}}
    from fundparse import __version__

    return {
        "openapi": "3.1.0",
        "info": {"title": "fundparse", "version": __version__,
                 "description": "Exact Korean money extraction: amounts, funding splits, "
                                "periods and consistency checks."},
        "paths": {
            "/v1/extract": post("Mentions, as `fundparse extract --format json`",
                                {"application/json": {"schema": body}},
                                "the output contract's mentions, each with \"file\"", listing),
            "/v1/check": post("Findings, as `fundparse check --format json`",
                              {"application/json": {"schema": body}}, "findings", listing),
            "/parse": post("Duckling-compatible parse (dimension amount-of-money)", form,
                           "Duckling entities; fundparse's fields under \"fundparse\"", listing),
            "/healthz": get("liveness"),
            "/version": get("fundparse and output contract versions"),
            "/openapi.json": get("this document"),
        },
        "components": {"schemas": {"Error": {"type": "object", "properties": {"error": {
            "type": "object", "required": ["code", "message"], "properties": {
                "code": {"type": "string"}, "message": {"type": "string"},
                "message_en": {"type": "string"}, "request_id": {"type": "string"}}}}}}},
    }
