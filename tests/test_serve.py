"""``fundparse serve`` on a real loopback port, talked to over real HTTP (urllib).

One server (``fundparse serve --port N`` in a subprocess, tests/live_server.py) serves the
module; the tests of internal errors and of the time limit run their own, uvicorn in a thread.
"""

from __future__ import annotations

import contextlib
import http.client
import json
import subprocess
import sys
import threading
import urllib.error
import urllib.parse
import urllib.request
from decimal import Decimal
from pathlib import Path

import pytest

import fundparse
from conftest import cli_env, fundparse_command, no_floats
from live_server import Call, free_port, hammer, running_server, wait_until_up

SEED = "총사업비 281억 원(국비 121, 지방비 160)을 2023~2026년 투입한다."
MAX_BYTES = 200_000  # the test server's body limit


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """(base URL, path of the server's stderr); the server is stopped afterwards."""
    log = tmp_path_factory.mktemp("serve") / "stderr.txt"
    with running_server(fundparse_command(), cli_env(), log, tmp_path_factory.mktemp("cwd"),
                        "--max-bytes", str(MAX_BYTES), "--log-level", "warning") as base:
        yield base, log


def call(base: str, path: str, data: bytes | str | None = None, *,
         content_type: str = "application/json", method: str | None = None):
    """(status, headers, body bytes) — error statuses included."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    request = urllib.request.Request(base + path, data=data, method=method,
                                     headers={"Content-Type": content_type} if data else {})
    try:
        with urllib.request.urlopen(request) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers, exc.read()


def post_json(base: str, path: str, body) -> tuple[int, bytes]:
    status, _, data = call(base, path, json.dumps(body, ensure_ascii=False))
    return status, data


def parse(base: str, **fields: str) -> tuple[int, bytes]:
    """Duckling's request: form fields, as Rasa's DucklingEntityExtractor sends them."""
    body = urllib.parse.urlencode(fields)
    status, _, data = call(base, "/parse", body, content_type="application/x-www-form-urlencoded;"
                                                              " charset=UTF-8")
    return status, data


def duckling_client(matches: list[dict]) -> list[dict]:
    """A minimal Duckling client written from Duckling's documented response: entity, span,
    text and value (a number, or from/to for an interval)."""
    out = []
    for match in matches:
        value = match["value"]
        if value["type"] == "interval":
            resolved = {"from": value.get("from", {}).get("value"),
                        "to": value.get("to", {}).get("value")}
        else:
            resolved = value["value"]
        out.append({"entity": match["dim"], "start": match["start"], "end": match["end"],
                    "text": match["body"], "value": resolved, "unit": (
                        value.get("unit") or (value.get("from") or value.get("to"))["unit"])})
    return out


def assert_error(status: int, data: bytes, expected_status: int, code: str) -> dict:
    assert status == expected_status, data
    error = json.loads(data)["error"]
    assert error["code"] == code
    assert error["message"] and error["message_en"]
    assert b"Traceback" not in data and b'File "' not in data
    return error


# --- /v1/extract and /v1/check -----------------------------------------------------------------

def test_extract_is_the_cli_json_byte_for_byte(server, cli):
    base, _ = server
    status, data = post_json(base, "/v1/extract", {"text": SEED})
    assert status == 200
    done = cli("extract", "-", "--format", "json", input=SEED)
    assert done.returncode == 0, done.stderr
    assert data.decode("utf-8") == done.stdout
    records = json.loads(data, parse_float=Decimal)
    assert records == [{"file": "-", **m.to_dict()} for m in fundparse.extract(SEED)]
    assert records[0]["krw"] == 28100000000
    assert [(s["label"], s["krw"]) for s in records[0]["splits"]] == [
        ("국비", 12100000000), ("지방비", 16000000000)]
    assert records[0]["period"]["start"] == 2023 and records[0]["period"]["end"] == 2026
    no_floats(json.loads(data))


def test_extract_documents_match_the_cli_on_files(server, cli, tmp_path):
    base, _ = server
    texts = {"a.txt": SEED, "b.txt": "해외 투자 5억 달러와 사업비 100억~200억 원."}
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    status, data = post_json(base, "/v1/extract", {
        "documents": [{"id": name, "text": text} for name, text in texts.items()],
        "rates": {"USD": "1380.5"}})
    assert status == 200
    done = cli("extract", "a.txt", "b.txt", "--format", "json", "--rate", "USD=1380.5",
               cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert data.decode("utf-8") == done.stdout
    usd = [r for r in json.loads(data) if r["currency"] == "USD"]
    assert usd[0]["file"] == "b.txt" and usd[0]["krw"] == 690250000000


def test_extract_without_mentions_is_an_empty_list(server, cli):
    base, _ = server
    status, data = post_json(base, "/v1/extract", {"text": "오늘은 맑음."})
    assert status == 200 and data.decode() == cli("extract", "-", "--format", "json",
                                                  input="오늘은 맑음.").stdout == "[]\n"


def test_check_is_the_cli_json(server, cli):
    base, _ = server
    text = "총사업비 281억 원(국비 121, 지방비 150)을 투입한다."
    status, data = post_json(base, "/v1/check", {"text": text, "id": "release.md"})
    assert status == 200
    done = cli("check", "-", "--stdin-filename", "release.md", "--format", "json", input=text)
    assert done.returncode == 1
    assert data.decode("utf-8") == done.stdout
    findings = json.loads(data)
    assert [f["code"] for f in findings] == ["FP101"] and findings[0]["file"] == "release.md"
    status, data = post_json(base, "/v1/check", {"text": text, "ignore": ["FP101"],
                                                 "lang": "en"})
    assert status == 200 and json.loads(data) == []


# --- Duckling's /parse -------------------------------------------------------------------------

def test_parse_answers_ducklings_shape(server):
    base, _ = server
    status, data = parse(base, text=SEED, locale="ko_KR", tz="Asia/Seoul",
                         dims=json.dumps(["amount-of-money"]), reftime="1700000000000")
    assert status == 200
    matches = json.loads(data)
    assert len(matches) == 1
    match = matches[0]
    assert list(match)[:6] == ["body", "start", "end", "dim", "latent", "value"]
    assert match["body"] == "281억 원" == SEED[match["start"]:match["end"]]
    assert match["dim"] == "amount-of-money" and match["latent"] is False
    assert match["value"] == {"type": "value", "value": 28100000000, "unit": "KRW",
                              "exact": "28100000000"}
    assert isinstance(match["value"]["value"], int)
    mention = fundparse.extract(SEED)[0]
    assert match["fundparse"] == json.loads(json.dumps(mention.to_dict()))
    assert duckling_client(matches) == [{"entity": "amount-of-money", "start": 5, "end": 11,
                                         "text": "281억 원", "value": 28100000000,
                                         "unit": "KRW"}]


def test_parse_ranges_and_bounds_are_intervals(server):
    base, _ = server
    text = "사업비는 100억~200억 원, 민자는 1000억 원 이상, 보조는 50억 원 미만이다."
    status, data = parse(base, text=text, locale="ko_KR")
    assert status == 200
    values = [m["value"] for m in json.loads(data)]
    assert values == [
        {"type": "interval",
         "from": {"value": 10000000000, "unit": "KRW", "exact": "10000000000"},
         "to": {"value": 20000000000, "unit": "KRW", "exact": "20000000000"}},
        {"type": "interval",
         "from": {"value": 100000000000, "unit": "KRW", "exact": "100000000000"}},
        {"type": "interval", "to": {"value": 5000000000, "unit": "KRW", "exact": "5000000000"}},
    ]
    assert [m["value"] for m in duckling_client(json.loads(data))] == [
        {"from": 10000000000, "to": 20000000000}, {"from": 100000000000, "to": None},
        {"from": None, "to": 5000000000}]


def test_parse_foreign_currency_exactly(server):
    base, _ = server
    status, data = parse(base, text="5억 달러와 20유로, 그리고 3.5달러.", locale="ko_KR")
    assert status == 200
    matches = json.loads(data, parse_float=Decimal)
    assert [(m["body"], m["value"]["value"], m["value"]["unit"]) for m in matches] == [
        ("5억 달러", 500000000, "USD"), ("20유로", 20, "EUR"), ("3.5달러", Decimal("3.5"), "USD")]
    assert b'"value": 3.5, "unit": "USD"' in data  # written exactly, no float round trip
    assert matches[0]["fundparse"]["krw"] is None  # no rate given to this server


def test_parse_beyond_2_53_stays_exact(server):
    base, _ = server
    status, data = parse(base, text="1경 2345조 6789억 1234만 5678원")
    assert status == 200
    value = json.loads(data)[0]["value"]
    assert value["value"] == 12345678912345678 > 2 ** 53
    assert value["exact"] == "12345678912345678"
    assert b'"value": 12345678912345678,' in data


@pytest.mark.parametrize("dims, money", [
    (None, True),                                 # no dims: every dimension
    ("null", True),                               # what a client sends for "all"
    ('["amount-of-money"]', True),
    ('["amount-of-money", "time"]', True),
    ('["time"]', False),
    ('["number", "duration", "email"]', False),
    ('["no-such-dimension"]', True),              # unknown names dropped: all dimensions
])
def test_parse_other_dims_answer_nothing(server, dims, money):
    base, _ = server
    fields = {"text": "총사업비 281억 원", "locale": "ko_KR"}
    if dims is not None:
        fields["dims"] = dims
    status, data = parse(base, **fields)
    assert status == 200
    matches = json.loads(data)
    assert [m["dim"] for m in matches] == (["amount-of-money"] if money else [])


def test_parse_reftime_gives_the_document_date_in_tz(server):
    base, _ = server
    new_year_in_seoul = "1704034800000"  # 2023-12-31T15:00Z = 2024-01-01 00:00 in Seoul
    years = {}
    for tz in ("Asia/Seoul", "UTC"):
        status, data = parse(base, text="올해 예산 10억 원을 투입한다.", reftime=new_year_in_seoul,
                             tz=tz)
        assert status == 200
        years[tz] = json.loads(data)[0]["fundparse"]["fiscal_year"]
    assert years == {"Asia/Seoul": 2024, "UTC": 2023}


# --- bad input ---------------------------------------------------------------------------------

@pytest.mark.parametrize("body, status, code", [
    (b"{bad json", 400, "bad_json"),
    (b"", 400, "bad_json"),
    (b'{"text": NaN}', 400, "bad_json"),
    (b"\xff\xfe\xfa", 400, "bad_json"),
    (b"[" * 100_000, 400, "bad_json"),
    ('{"text": "1억 원", "id": "\\ud800"}', 400, "bad_json"),  # a lone surrogate
    (b'{"\\udfff": 1}', 400, "bad_json"),
    ('{"txt": "281억 원"}', 422, "unknown_field"),
    (b"{}", 422, "missing_text"),
    ('["281억 원"]', 422, "invalid_body"),
    (b'{"text": 281}', 422, "invalid_field"),
    ('{"text": "1억 원", "doc_date": "yesterday"}', 422, "invalid_field"),
    ('{"text": "1억 달러", "rates": {"USD": "-1"}}', 422, "invalid_field"),
    (b'{"documents": [{"id": "a"}]}', 422, "missing_text"),
    ('{"documents": "281억 원"}', 422, "invalid_field"),
])
def test_bad_extract_bodies_get_a_json_error(server, body, status, code):
    base, _ = server
    got, _, data = call(base, "/v1/extract", body)
    assert_error(got, data, status, code)


def test_bad_check_selector_is_named(server):
    base, _ = server
    status, data = post_json(base, "/v1/check", {"text": SEED, "select": ["XX9"]})
    assert "XX9" in assert_error(status, data, 422, "invalid_field")["message_en"]


@pytest.mark.parametrize("fields, status, code", [
    ({"locale": "ko_KR"}, 422, "missing_text"),
    ({"text": "1억 원", "reftime": "yesterday"}, 400, "invalid_reftime"),
    ({"text": "1억 원", "reftime": "1700000000000", "tz": "Mars/Olympus"}, 400, "invalid_tz"),
])
def test_bad_parse_forms_get_a_json_error(server, fields, status, code):
    base, _ = server
    assert_error(*parse(base, **fields), status, code)


def test_parse_wants_a_form_not_json(server):
    base, _ = server
    status, _, data = call(base, "/parse", json.dumps({"text": "1억 원"}))
    assert_error(status, data, 415, "unsupported_media_type")


def test_body_over_the_limit_is_refused_and_the_server_goes_on(server):
    base, _ = server
    big = json.dumps({"text": "가" * MAX_BYTES})
    status, _, data = call(base, "/v1/extract", big)
    assert_error(status, data, 413, "too_large")
    host, port = base.removeprefix("http://").split(":")
    # a huge Content-Length is answered at once, before any of the body arrives
    connection = http.client.HTTPConnection(host, int(port))
    try:
        connection.putrequest("POST", "/v1/extract")
        connection.putheader("Content-Type", "application/json")
        connection.putheader("Content-Length", str(10 ** 12))
        connection.endheaders()
        response = connection.getresponse()
        assert_error(response.status, response.read(), 413, "too_large")
    finally:
        connection.close()
    # without Content-Length (chunked), the limit holds while the body streams in
    connection = http.client.HTTPConnection(host, int(port))
    try:
        chunks = (("가" * 10_000).encode("utf-8") for _ in range(MAX_BYTES // 10_000 + 1))
        connection.request("POST", "/v1/extract", body=chunks, encode_chunked=True,
                           headers={"Content-Type": "application/json"})
        response = connection.getresponse()
        assert_error(response.status, response.read(), 413, "too_large")
    finally:
        connection.close()
    assert post_json(base, "/v1/extract", {"text": SEED})[0] == 200


def test_unknown_route_and_method_are_json(server):
    base, _ = server
    assert_error(*call(base, "/v2/extract", '{"text": "1억 원"}')[::2], 404, "not_found")
    status, headers, data = call(base, "/v1/extract", method="GET")
    assert_error(status, data, 405, "method_not_allowed")
    assert "POST" in headers["Allow"]


# --- the rest of the service -------------------------------------------------------------------

def test_healthz_version_and_openapi(server):
    base, log = server
    status, _, data = call(base, "/healthz")
    assert status == 200 and json.loads(data) == {"status": "ok"}
    status, _, data = call(base, "/version")
    assert status == 200 and json.loads(data) == {"fundparse": fundparse.__version__,
                                                  "contract": "1"}
    status, headers, data = call(base, "/openapi.json")
    assert status == 200 and headers["Content-Type"].startswith("application/json")
    document = json.loads(data)
    assert document["openapi"].startswith("3.")
    assert {"/v1/extract", "/v1/check", "/parse", "/healthz", "/version",
            "/openapi.json"} <= set(document["paths"])
    assert "urlencoded" in "".join(document["paths"]["/parse"]["post"]["requestBody"]["content"])
    said = log.read_text(encoding="utf-8")
    assert "http://127.0.0.1:" in said and "loopback only" in said


@contextlib.contextmanager
def thread_server(app):
    """uvicorn serving ``app`` in a thread on a free loopback port; yields the base URL."""
    import uvicorn

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="critical"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(base)
        yield base
    finally:
        server.should_exit = True
        thread.join()


def test_internal_error_is_logged_with_an_id_not_sent(caplog):
    """A bug while answering: 500 with a request id, the details only in the log, and the
    server keeps serving.  (A rate table that raises stands in for the bug.)"""
    from fundparse.serve import create_app
    from fundparse.service import ServiceSettings

    class BrokenTable:
        def rates_on(self, day):
            raise RuntimeError("secret detail /etc/passwd")

    with thread_server(create_app(settings=ServiceSettings(rate_table=BrokenTable()))) as base:
        status, _, data = call(base, "/v1/extract", '{"text": "1억 원"}')
        error = assert_error(status, data, 500, "internal")
        assert b"secret" not in data and error["request_id"] in error["message_en"]
        assert any(error["request_id"] in r.getMessage() for r in caplog.records)
        assert call(base, "/healthz")[0] == 200


def test_a_request_over_the_time_limit_gets_504_and_the_server_goes_on():
    from fundparse.serve import create_app

    long_text = "\n".join([SEED] * 3000)  # about 0.2 MB: far longer than a millisecond to read
    with thread_server(create_app(timeout=0.001)) as base:
        status, data = post_json(base, "/v1/extract", {"text": long_text})
        assert_error(status, data, 504, "timeout")
        assert call(base, "/healthz")[0] == 200


def test_load_of_2000_requests_from_8_clients_gets_every_answer_right(server):
    """Bounded load on loopback: 2,000 requests, 8 concurrent keep-alive clients, three kinds
    of request; each answer must be byte for byte the one a lone request gets.  (The latency
    figures are benchmarks/bench_serve.py's.)"""
    base, _ = server
    form = urllib.parse.urlencode({"text": SEED, "locale": "ko_KR",
                                   "dims": '["amount-of-money"]'}).encode()
    extract = json.dumps({"text": SEED}, ensure_ascii=False).encode()
    check = json.dumps({"text": "총사업비 281억 원(국비 121, 지방비 150)"},
                       ensure_ascii=False).encode()
    calls = []
    for path, body, kind in (("/v1/extract", extract, "application/json"),
                             ("/parse", form, "application/x-www-form-urlencoded"),
                             ("/v1/check", check, "application/json")):
        status, _, expected = call(base, path, body, content_type=kind)
        assert status == 200
        calls.append(Call(path, body, kind, expected))
    assert json.loads(calls[0].expected) == [{"file": "-", **json.loads(json.dumps(m.to_dict()))}
                                             for m in fundparse.extract(SEED)]
    load = hammer(base, calls, requests=2000, clients=8)
    assert load.failures == []
    assert len(load.latencies) == 2000


def test_port_in_use_is_a_one_line_error(server, cli):
    base, _ = server
    done = cli("serve", "--port", base.rsplit(":", 1)[1])
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "cannot listen on 127.0.0.1" in done.stderr


def test_missing_extra_names_the_install_command():
    code = ("import sys; sys.modules['uvicorn'] = None; from fundparse.cli import main; "
            "raise SystemExit(main(['serve']))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env=cli_env(), stdin=subprocess.DEVNULL)
    assert done.returncode == 2
    assert done.stderr == ("fundparse: serve needs Starlette and uvicorn: "
                           "pip install 'fundparse[serve]'\n")


# --- the README's examples ---------------------------------------------------------------------

def readme_examples(readme: Path) -> list[tuple[str, str]]:
    """(curl command line, the answer the README shows) for each ``$ curl`` in its HTTP
    service section."""
    text = readme.read_text(encoding="utf-8")
    section = text[text.index("## HTTP service"):]
    section = section[:section.index("\n## ", 1)]
    block = section[section.index("```console\n") + 11:]
    block = block[:block.index("```")]
    examples: list[tuple[str, list[str]]] = []
    for line in block.splitlines():
        if line.startswith("$ "):
            examples.append((line[2:], []))
        else:
            examples[-1][1].append(line)
    return [(command, "\n".join(lines)) for command, lines in examples]


def curl(base: str, command: str) -> bytes:
    """Send what ``curl -s URL -d … --data-urlencode …`` sends, and return the body."""
    import shlex

    words = shlex.split(command)
    assert words[:2] == ["curl", "-s"], command
    url, parts = None, []
    rest = iter(words[2:])
    for word in rest:
        if word == "-d":
            parts.append(next(rest))
        elif word == "--data-urlencode":
            name, _, content = next(rest).partition("=")
            parts.append(f"{name}={urllib.parse.quote(content, safe='')}")
        else:
            url = word
    path = "/" + url.split("/", 1)[1]
    _, _, data = call(base, path, "&".join(parts) if parts else None,
                      content_type="application/x-www-form-urlencoded")
    return data


def test_readme_curl_examples_answer_as_shown(server, repo_root):
    base, _ = server
    examples = readme_examples(repo_root / "README.md")
    assert len(examples) >= 4
    for command, shown in examples:
        assert curl(base, command).decode("utf-8").strip() == shown.strip(), command


def test_a_request_brings_its_own_configuration(server):
    base, _ = server
    text = "총 90억 원 가운데 60억 원은 광역조정재원으로, 30억 원은 군비로 충당한다."
    status, plain = post_json(base, "/v1/extract", {"text": text})
    assert status == 200
    assert "광역조정재원" not in [s["label"] for m in json.loads(plain) for s in m["splits"]]
    status, data = post_json(base, "/v1/extract", {
        "text": text, "config": {"sources": {"광역조정재원": "provincial"}}})
    assert status == 200, data
    (total,) = json.loads(data)
    assert [(s["label"], s["category"]) for s in total["splits"]] == [
        ("광역조정재원", "provincial"), ("군비", "municipal")]
    # the server's own configuration is unchanged for the next request
    assert post_json(base, "/v1/extract", {"text": text}) == (200, plain)
    status, data = post_json(base, "/v1/check", {
        "text": "281억 원(국비 121, 지방비 150)", "config": {"ignore": ["FP101"]}})
    assert (status, json.loads(data)) == (200, [])
    for bad, code in (({"sources": {"x": "nowhere"}}, "invalid_field"),
                      ({"data": ["/etc/passwd"]}, "invalid_field"), ("x", "invalid_field")):
        status, data = post_json(base, "/v1/extract", {"text": text, "config": bad})
        assert_error(status, data, 422, code)
