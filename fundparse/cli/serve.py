"""``fundparse serve``: the command (options, checks before listening, uvicorn).

The service itself — routes, limits and errors — is fundparse/serve.py.
"""

from __future__ import annotations

import argparse
import ipaddress
import json
import logging
import os
import socket
import sys

from fundparse.serve import (DEFAULT_HOST, DEFAULT_PORT, INSTALL_HINT, MAX_BYTES, SETTINGS_ENV,
                             TIMEOUT, _settings, create_app)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="fundparse serve",
        description="Serve fundparse over HTTP: POST /v1/extract, /v1/check, Duckling's "
                    "/parse; GET /healthz, /version, /openapi.json.",
        epilog="examples:\n"
               "  fundparse serve                       http://127.0.0.1:8000, this machine only\n"
               "  fundparse serve --port 8001 --rate USD=1380.5\n"
               "  fundparse serve --host 0.0.0.0 --workers 2   (every interface: no "
               "authentication)\n\n"
               "  curl -s localhost:8000/v1/extract -d '{\"text\": \"총사업비 281억 원\"}'\n"
               "  curl -s localhost:8000/parse --data-urlencode 'text=총사업비 281억 원' \\\n"
               "       -d 'locale=ko_KR' -d 'dims=[\"amount-of-money\"]'",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--host", default=DEFAULT_HOST,
                        help="address to listen on (default 127.0.0.1: this machine only)")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help="default 8000")
    parser.add_argument("--workers", type=int, default=1, metavar="N",
                        help="worker processes (default 1)")
    parser.add_argument("--config", metavar="FILE",
                        help="a .fundparse.toml / pyproject.toml (default: the nearest one "
                             "above the current folder), read once at start")
    parser.add_argument("--rate", action="append", metavar="CUR=RATE",
                        help="KRW per unit of a foreign currency, e.g. USD=1380.5 "
                             "(repeatable); a request's own rates win")
    parser.add_argument("--rates", metavar="CSV",
                        help="dated rates (date,currency,rate), used on each document's date")
    parser.add_argument("--lang", choices=("ko", "en"),
                        help="language of finding messages (default: the config's, else ko)")
    parser.add_argument("--max-bytes", type=int, default=MAX_BYTES, metavar="N",
                        help="largest request body accepted (default 10 MB); larger ones get 413")
    parser.add_argument("--timeout", type=float, default=TIMEOUT, metavar="SECONDS",
                        help="answer 504 to a request not done within this time (default 60)")
    parser.add_argument("--log-level", default="info",
                        choices=("critical", "error", "warning", "info", "debug"))
    return parser


def _say(message: str) -> None:
    print(f"fundparse: {message}", file=sys.stderr, flush=True)


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _can_listen(host: str, port: int) -> str | None:
    """Why uvicorn would fail to listen there, or None."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        return f"unknown host {host!r}: {exc.strerror or exc}"
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except OSError as exc:
            return f"cannot listen on {host}:{port}: {exc.strerror or exc}"
    return None


def main(argv: list[str] | None = None) -> int:
    """``fundparse serve``; returns the exit code (2: missing extra, bad option or file)."""
    args = build_parser().parse_args(argv)
    try:
        import starlette  # noqa: F401
        import uvicorn
    except ImportError:
        _say(f"serve needs Starlette and uvicorn: {INSTALL_HINT}")
        return 2
    from fundparse.config import ConfigError
    from fundparse.fx import RateError

    if not (0 < args.port < 65536 and args.workers >= 1 and args.max_bytes >= 1
            and 0 < args.timeout < float("inf")):
        _say("serve: --port must be 1-65535, --workers and --max-bytes 1 or more, "
             "--timeout a positive number of seconds")
        return 2
    if args.config and not os.path.isfile(args.config):
        _say(f"serve: --config: no such file: {args.config}")
        return 2
    options = {"config": args.config and os.path.abspath(args.config), "rate": args.rate,
               "rates": args.rates and os.path.abspath(args.rates), "lang": args.lang,
               "max_bytes": args.max_bytes, "timeout": args.timeout}
    try:
        settings = _settings(options)
    except (ConfigError, RateError) as exc:
        _say(" ".join(str(exc).split()))
        return 2
    problem = _can_listen(args.host, args.port)
    if problem:
        _say(f"serve: {problem}")
        return 2
    shown = f"[{args.host}]" if ":" in args.host else args.host
    if _is_loopback(args.host):
        _say(f"serving on http://{shown}:{args.port} — loopback only, other machines cannot "
             f"connect (--host 0.0.0.0 listens on every interface)")
    else:
        _say(f"serving on http://{shown}:{args.port} — reachable from other machines, "
             f"with no authentication")
    _say("POST /v1/extract /v1/check /parse (Duckling) · GET /healthz /version /openapi.json")
    logging.basicConfig(format="%(levelname)s:     %(name)s: %(message)s")
    try:
        if args.workers > 1:
            os.environ[SETTINGS_ENV] = json.dumps(options)
            uvicorn.run("fundparse.serve:app_from_environment", factory=True, host=args.host,
                        port=args.port, workers=args.workers, log_level=args.log_level)
        else:
            app = create_app(settings=settings, max_bytes=args.max_bytes, timeout=args.timeout)
            uvicorn.run(app, host=args.host, port=args.port, log_level=args.log_level)
    except SystemExit as exc:  # uvicorn could not start (it has logged why)
        return 2 if exc.code else 0
    return 0
