"""``fundparse serve``: the HTTP service (Starlette on uvicorn; ``pip install 'fundparse[serve]'``).

    POST /v1/extract   {"text": "…"} or {"documents": [{"id", "text"}, …]}
                       → what ``fundparse extract --format json`` writes
    POST /v1/check     the same bodies → what ``fundparse check --format json`` writes
    POST /parse        Duckling's form fields (text, dims, locale, tz, reftime) → Duckling's
                       amount-of-money entities
    GET  /healthz  /version  /openapi.json

It listens on 127.0.0.1 unless told otherwise.  Answers are built in fundparse/service.py; this
module reads requests (a body over ``max_bytes`` is refused with 413 before it is read whole),
turns every failure into a JSON error ``{"error": {"code", "message", "message_en"}}`` and never
sends a traceback: an internal error is logged with a request id and answered 500 with that id.
"""

from __future__ import annotations

import json
import logging
import os
import uuid
from typing import Any
from urllib.parse import parse_qsl

from fundparse import __version__
from fundparse.service import (RequestError, ServiceSettings, check_answer, extract_answer,
                               openapi_document, parse_answer)

__all__ = ["create_app", "MAX_BYTES", "DEFAULT_HOST", "DEFAULT_PORT"]

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
MAX_BYTES = 10 * 1024 * 1024
DRAIN_BYTES = 64 * 1024 * 1024  # read and dropped after a 413, at most
TIMEOUT = 60.0  # seconds one request may take before it is answered 504
INSTALL_HINT = "pip install 'fundparse[serve]'"
SETTINGS_ENV = "FUNDPARSE_SERVE_OPTIONS"  # hands the options to uvicorn's worker processes

log = logging.getLogger("fundparse.serve")


# --- reading requests --------------------------------------------------------------------------

async def _body(request, limit: int) -> bytes:
    """The body, refused (413) as soon as it is known to be over ``limit`` bytes: from
    Content-Length, or while it streams in.  The rest of a body up to DRAIN_BYTES over the
    limit is read and thrown away first, so that a client still sending it gets the answer
    instead of a reset connection; a larger one is not waited for."""
    length = request.headers.get("content-length")
    declared = None
    if length is not None:
        try:
            declared = int(length)
        except ValueError:
            raise RequestError(400, "bad_request", "Content-Length가 잘못되었습니다",
                               "Content-Length is not a number") from None
    stream = request.stream()
    if declared is not None and declared > limit:
        if declared - limit <= DRAIN_BYTES:
            await _discard(stream, DRAIN_BYTES + limit)
        raise _too_large(limit)
    chunks = []
    size = 0
    async for chunk in stream:
        size += len(chunk)
        if size > limit:
            await _discard(stream, DRAIN_BYTES)
            raise _too_large(limit)
        chunks.append(chunk)
    return b"".join(chunks)


async def _discard(stream, budget: int) -> None:
    async for chunk in stream:
        budget -= len(chunk)
        if budget < 0:
            return


def _too_large(limit: int) -> RequestError:
    return RequestError(413, "too_large", f"요청 본문이 {limit:,}바이트 한도를 넘습니다",
                        f"the request body is over the limit of {limit:,} bytes")


def _no_constant(name: str):
    raise ValueError(f"{name} is not a number JSON allows")


def _json(data: bytes) -> Any:
    from decimal import Decimal

    if not data.strip():
        raise RequestError(400, "bad_json", '본문이 비었습니다: {"text": "…"}를 보내세요',
                           'the body is empty: send {"text": "…"}')
    try:
        body = json.loads(data, parse_float=Decimal, parse_constant=_no_constant)
    except (ValueError, RecursionError) as exc:
        reason = " ".join(str(exc).split())[:120] or type(exc).__name__
        raise RequestError(400, "bad_json", f"JSON으로 읽을 수 없습니다: {reason}",
                           f"the body is not valid JSON: {reason}") from None
    _check_unicode(body)
    return body


def _check_unicode(body: Any) -> None:
    """400 for a string with a lone surrogate (``"\\ud800"``): JSON lets one through, UTF-8
    cannot carry it, and it would otherwise reach the answer."""
    stack = [body]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            try:
                item.encode("utf-8")
            except UnicodeEncodeError:
                raise RequestError(400, "bad_json", "짝 없는 서로게이트(\\ud800 등)가 든 문자열이 "
                                   "있습니다", "a string holds a lone surrogate (such as "
                                   "\\ud800), which is not text") from None
        elif isinstance(item, dict):
            stack.extend(item)
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


def _form(request, data: bytes) -> dict[str, str]:
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind and kind != "application/x-www-form-urlencoded":
        raise RequestError(415, "unsupported_media_type",
                           "/parse는 Duckling처럼 폼 필드를 받습니다 "
                           "(application/x-www-form-urlencoded)",
                           "/parse takes form fields as Duckling's server does "
                           "(application/x-www-form-urlencoded), not " + kind[:60])
    try:
        pairs = parse_qsl(data.decode("utf-8"), keep_blank_values=True, errors="strict")
    except (UnicodeDecodeError, ValueError):
        raise RequestError(400, "bad_form", "폼을 UTF-8로 읽을 수 없습니다",
                           "the form is not UTF-8") from None
    form: dict[str, str] = {}
    for key, value in pairs:
        form.setdefault(key, value)  # the first of repeated fields, as Duckling's server
    return form


async def _answer(function, argument, settings: ServiceSettings, timeout: float) -> str:
    """``function(argument, settings)`` in a worker thread; 504 when it is not done within
    ``timeout`` seconds.  The thread cannot be stopped: it runs on and its result is dropped,
    while the event loop goes on serving other requests."""
    import anyio

    try:
        with anyio.fail_after(timeout):
            return await anyio.to_thread.run_sync(function, argument, settings,
                                                  abandon_on_cancel=True)
    except TimeoutError:
        raise RequestError(504, "timeout", f"{timeout:g}초 안에 끝나지 않았습니다: 글을 나눠 보내세요",
                           f"not done within {timeout:g} s: send the text in smaller parts"
                           ) from None


# --- the application ---------------------------------------------------------------------------

def _json_response(content: str, status: int = 200):
    from starlette.responses import Response

    return Response(content, status_code=status, media_type="application/json")


def _error_response(error: RequestError):
    return _json_response(json.dumps(error.to_dict(), ensure_ascii=False), error.status)


def create_app(config=None, *, settings: ServiceSettings | None = None,
               max_bytes: int = MAX_BYTES, timeout: float = TIMEOUT):
    """The Starlette application.  ``config`` is a :class:`fundparse.Config` (rule data and
    check options; default: the package's own); ``settings`` carries rates and the message
    language as well and wins over ``config``.  A body over ``max_bytes`` is answered 413, a
    request not answered within ``timeout`` seconds 504."""
    from starlette.applications import Starlette
    from starlette.exceptions import HTTPException
    from starlette.routing import Route

    from fundparse.config import Config

    if settings is None:
        settings = ServiceSettings(config=config or Config())

    async def v1_extract(request):
        body = _json(await _body(request, max_bytes))
        return _json_response(await _answer(extract_answer, body, settings, timeout))

    async def v1_check(request):
        body = _json(await _body(request, max_bytes))
        return _json_response(await _answer(check_answer, body, settings, timeout))

    async def duckling_parse(request):
        form = _form(request, await _body(request, max_bytes))
        return _json_response(await _answer(parse_answer, form, settings, timeout))

    async def healthz(request):
        return _json_response('{"status": "ok"}')

    async def version(request):
        from fundparse.model import CONTRACT_VERSION

        return _json_response(json.dumps({"fundparse": __version__, "contract": CONTRACT_VERSION}))

    async def openapi(request):
        return _json_response(json.dumps(openapi_document(), ensure_ascii=False, indent=2))

    async def request_error(request, exc: RequestError):
        return _error_response(exc)

    async def http_error(request, exc: HTTPException):
        codes = {404: ("not_found", "없는 경로입니다", "no such route"),
                 405: ("method_not_allowed", "이 경로에서 쓸 수 없는 메서드입니다",
                       "method not allowed on this route")}
        code, ko, en = codes.get(exc.status_code, ("http_error", str(exc.detail), str(exc.detail)))
        where = f"{request.method} {request.url.path}"[:200]
        response = _error_response(RequestError(exc.status_code, code, f"{ko}: {where}",
                                                f"{en}: {where}"))
        response.headers.update(exc.headers or {})
        return response

    async def internal_error(request, exc: Exception):
        request_id = uuid.uuid4().hex[:12]
        log.error("request %s (%s %s) failed", request_id, request.method, request.url.path,
                  exc_info=exc)
        error = RequestError(500, "internal", f"fundparse 내부 오류입니다 (요청 ID {request_id})",
                             f"internal error in fundparse (request id {request_id}); "
                             f"the server log has the details")
        data = error.to_dict()
        data["error"]["request_id"] = request_id
        return _json_response(json.dumps(data, ensure_ascii=False), 500)

    routes = [
        Route("/v1/extract", v1_extract, methods=["POST"]),
        Route("/v1/check", v1_check, methods=["POST"]),
        Route("/parse", duckling_parse, methods=["POST"]),
        Route("/healthz", healthz, methods=["GET"]),
        Route("/version", version, methods=["GET"]),
        Route("/openapi.json", openapi, methods=["GET"]),
    ]
    return Starlette(routes=routes, exception_handlers={
        RequestError: request_error, HTTPException: http_error, Exception: internal_error,
    })


# --- the worker factory -----------------------------------------------------------------------

def _settings(options: dict[str, Any]) -> ServiceSettings:
    """ConfigError / RateError for a bad file or value."""
    from fundparse.config import find_config, load_config
    from fundparse.fx import RateTable, parse_rate
    from fundparse.suppress import validate_config

    config = load_config(options["config"]) if options.get("config") else find_config(os.getcwd())
    validate_config(config)
    rates = dict(parse_rate(text) for text in options.get("rate") or ())
    table = RateTable.from_csv(options["rates"]) if options.get("rates") else None
    return ServiceSettings(config=config, rates=tuple(sorted(rates.items())), rate_table=table,
                           lang=options.get("lang"))


def app_from_environment():
    """uvicorn's factory in each worker process (``--workers N``)."""
    options = json.loads(os.environ[SETTINGS_ENV])
    return create_app(settings=_settings(options), max_bytes=options["max_bytes"],
                      timeout=options["timeout"])


