"""The gateway forwards exactly what it checked, and refuses a request that leaves any doubt.

Against a real endpoint (``serve``) with a canary HTTP server on loopback: each request that
once made Oxigraph call out (a comment ended by a bare carriage return hides ``SERVICE`` from
rdflib but not from Oxigraph; two ``Content-Type`` headers were checked as one and forwarded
as the other) is refused with 400 and a reason, and the canary hears nothing. Against a
recording stand-in for Oxigraph: what is forwarded is the normalised text that was checked.
"""

from __future__ import annotations

import http.server
import socket
import threading
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest
from rdflib import Graph

from integrationskonzept.errors import QueryError
from integrationskonzept.gateway import gateway
from integrationskonzept.query import query
from integrationskonzept.serve import Endpoint, serve

pytestmark = pytest.mark.slow


@dataclass
class Heard:
    """One request a :class:`Canary` received."""

    method: str
    path: str
    headers: list[tuple[str, str]]
    body: bytes


@dataclass
class Canary:
    """An HTTP server on loopback that records every request (answers 200 with a SPARQL ASK)."""

    heard: list[Heard] = field(default_factory=list)

    def __post_init__(self) -> None:
        heard = self.heard

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                heard.append(Heard(self.command, self.path, list(self.headers.items()), body))
                answer = b'{"head":{},"boolean":true}'
                self.send_response(200)
                self.send_header("Content-Type", "application/sparql-results+json")
                self.send_header("Content-Length", str(len(answer)))
                self.end_headers()
                self.wfile.write(answer)

            do_POST = do_GET  # noqa: N815

            def log_message(self, *args: object) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.address = ("127.0.0.1", int(self.server.server_address[1]))
        self.url = f"http://127.0.0.1:{self.address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def canary() -> Iterator[Canary]:
    listening = Canary()
    yield listening
    listening.close()


@pytest.fixture(scope="module")
def endpoint(kb: Graph) -> Iterator[Endpoint]:
    with serve(kb, port=0, timeout_s=5) as running:
        yield running


def _address(endpoint: Endpoint) -> tuple[str, int]:
    host, port = endpoint.url.removeprefix("http://").rsplit(":", 1)
    return host, int(port)


def _raw(address: tuple[str, int], request: bytes) -> tuple[int, str]:
    """Send ``request`` as it is; the status and the body of the answer."""
    with socket.create_connection(address, timeout=30) as client:
        client.sendall(request)
        received = b""
        while chunk := client.recv(65536):
            received += chunk
    head, _, body = received.partition(b"\r\n\r\n")
    return int(head.split()[1]), body.decode("utf-8", "replace")


def _post(
    address: tuple[str, int], headers: list[str], body: bytes, target: str = "/query"
) -> tuple[int, str]:
    lines = [f"POST {target} HTTP/1.1", f"Host: {address[0]}", *headers]
    head = "\r\n".join([*lines, f"Content-Length: {len(body)}", "", ""]).encode("latin-1")
    return _raw(address, head + body)


def _send(endpoint: Endpoint, how: str, text: str) -> tuple[int, str]:
    """Send ``text`` as a query the way ``how`` says; the status and the answer's body."""
    address = _address(endpoint)
    if how == "get":
        target = f"/query?{urllib.parse.urlencode({'query': text})}"
        return _raw(address, f"GET {target} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
    if how == "form":
        body = urllib.parse.urlencode({"query": text}).encode()
        return _post(address, ["Content-Type: application/x-www-form-urlencoded"], body)
    return _post(address, ["Content-Type: application/sparql-query"], text.encode())


HOW = ["get", "form", "sparql-query"]

# Each parses for rdflib (the check) with its SERVICE or FROM hidden in a comment or a string,
# and Oxigraph (the engine) ran that SERVICE: it ends a comment at a bare CR, and reads an
# escaped quote as a character inside the string, where rdflib has already made it a quote.
HIDDEN = {
    "cr-comment-service": "SELECT * WHERE {{ # x\r SERVICE <{url}/> {{ ?s ?p ?o }}\n ?s ?p ?o }}",
    "cr-comment-from": "SELECT * # x\r FROM <{url}/g>\nWHERE {{ ?s ?p ?o }}",
    "crlf-comment-service": "SELECT * WHERE {{ # x\r\n SERVICE <{url}/> {{ ?s ?p ?o }} }}",
    # rdflib turns \u0022 into a quote before parsing; Oxigraph keeps it inside the string
    "escaped-quote": 'SELECT * WHERE {{ ?s ?p "\\u0022" . SERVICE <{url}/> {{ ?s ?p ?o }} ?s ?p "\\u0022" }}',
}


@pytest.mark.parametrize("how", HOW)
@pytest.mark.parametrize("name", list(HIDDEN))
def test_hidden_service_or_from_is_refused_without_calling_out(
    endpoint: Endpoint, canary: Canary, how: str, name: str
) -> None:
    status, body = _send(endpoint, how, HIDDEN[name].format(url=canary.url))
    assert status == 400, body
    assert "not allowed" in body or "not accepted" in body, body
    assert canary.heard == []


@pytest.mark.parametrize("name", list(HIDDEN))
def test_hidden_service_or_from_is_refused_in_process_too(
    kb_ox: Graph, canary: Canary, name: str
) -> None:
    """pyoxigraph in process calls a SERVICE URL as well; ``query()`` has the same check."""
    with pytest.raises(QueryError, match=r"not allowed|not accepted"):
        query(HIDDEN[name].format(url=canary.url), kb_ox, timeout=10)
    assert canary.heard == []


def test_two_content_types_are_refused_without_calling_out(
    endpoint: Endpoint, canary: Canary
) -> None:
    text = f"SELECT * WHERE {{ SERVICE <{canary.url}/> {{ ?s ?p ?o }} }}"
    headers = ["Content-Type: text/plain", "Content-Type: application/sparql-query"]
    status, body = _post(_address(endpoint), headers, text.encode())
    assert status == 400, body
    assert "more than one Content-Type header" in body
    assert canary.heard == []


@pytest.mark.parametrize("parameter", ["default-graph-uri", "named-graph-uri"])
@pytest.mark.parametrize("where", ["url", "form"])
def test_dataset_parameters_are_refused_without_calling_out(
    endpoint: Endpoint, canary: Canary, parameter: str, where: str
) -> None:
    fields = {"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 1", parameter: f"{canary.url}/g"}
    encoded = urllib.parse.urlencode(fields)
    if where == "url":
        request = f"GET /query?{encoded} HTTP/1.1\r\nHost: x\r\n\r\n".encode()
        status, body = _raw(_address(endpoint), request)
    else:
        content_type = ["Content-Type: application/x-www-form-urlencoded"]
        status, body = _post(_address(endpoint), content_type, encoded.encode())
    assert status == 400, body
    assert f"{parameter} is not allowed" in body
    assert canary.heard == []


def test_two_query_parameters_are_refused(endpoint: Endpoint, canary: Canary) -> None:
    safe = urllib.parse.quote("ASK { ?s ?p ?o }")
    unsafe = urllib.parse.quote(f"ASK {{ SERVICE <{canary.url}/> {{ ?s ?p ?o }} }}")
    request = f"GET /query?query={safe}&query={unsafe} HTTP/1.1\r\nHost: x\r\n\r\n"
    status, body = _raw(_address(endpoint), request.encode())
    assert status == 400, body
    assert "more than one query" in body
    # and a query in the URL beside one in the body is two queries as well
    status, body = _post(
        _address(endpoint),
        ["Content-Type: application/sparql-query"],
        b"ASK {}",
        f"/query?query={safe}",
    )
    assert status == 400, body
    assert "more than one query" in body
    assert canary.heard == []


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (b'ASK { ?s ?p "\xff" }', "not UTF-8"),
        (b'ASK { ?s ?p "\x01" }', "control character U+0001"),
    ],
)
def test_text_in_doubt_is_refused(endpoint: Endpoint, body: bytes, reason: str) -> None:
    status, answer = _post(_address(endpoint), ["Content-Type: application/sparql-query"], body)
    assert status == 400, answer
    assert reason in answer


def test_a_query_with_windows_line_endings_is_still_answered(endpoint: Endpoint) -> None:
    text = "PREFIX ik: <https://w3id.org/integrationskonzept/ontology#>\r\n# comment\r\nASK { ?f a ik:ActionField }"
    for how in HOW:
        status, body = _send(endpoint, how, text)
        assert status == 200, (how, body)
        assert "true" in body


# ---------------------------------------------------------------- what is forwarded


@pytest.fixture
def stand_in(canary: Canary) -> Iterator[tuple[Canary, tuple[str, int]]]:
    """A gateway in front of the canary, which stands in for Oxigraph and records."""
    with gateway("127.0.0.1", 0, canary.address, wait_s=10) as address:
        yield canary, address


def test_forwarded_body_is_the_normalised_text_that_was_checked(
    stand_in: tuple[Canary, tuple[str, int]],
) -> None:
    engine, address = stand_in
    sent = b"ASK {\r# a comment\r\n?s ?p ?o }"
    headers = ["Content-Type: application/sparql-query; charset=utf-8", "X-Other: dropped"]
    status, _ = _post(address, headers, sent)
    assert status == 200
    [heard] = engine.heard
    assert heard.body == b"ASK {\n# a comment\n?s ?p ?o }"
    content_types = [v for k, v in heard.headers if k.lower() == "content-type"]
    assert content_types == ["application/sparql-query"]
    assert "x-other" not in {k.lower() for k, _ in heard.headers}


@pytest.mark.parametrize("how", ["get", "form"])
def test_forwarded_parameter_is_the_normalised_text_that_was_checked(
    stand_in: tuple[Canary, tuple[str, int]], how: str
) -> None:
    engine, address = stand_in
    text = "ASK {\r# a comment\r?s ?p ?o }"
    encoded = urllib.parse.urlencode({"query": text})
    if how == "get":
        status, _ = _raw(address, f"GET /query?{encoded} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
    else:
        content_type = ["Content-Type: application/x-www-form-urlencoded"]
        status, _ = _post(address, content_type, encoded.encode())
    assert status == 200
    [heard] = engine.heard
    forwarded = heard.path.partition("?")[2] if how == "get" else heard.body.decode()
    assert urllib.parse.parse_qsl(forwarded) == [("query", "ASK {\n# a comment\n?s ?p ?o }")]


# ---------------------------------------------------------------- malformed requests: 400, no crash


@pytest.mark.parametrize(
    ("request_bytes", "reason"),
    [
        (b"GET /query?query=ASK%7B%7D\x01 HTTP/1.1\r\nHost: x\r\n\r\n", "U+0001"),
        (b"GET /qu\x7fery HTTP/1.1\r\nHost: x\r\n\r\n", "U+007F"),
        (b"GET /query?query=ASK%7B%7D#x HTTP/1.1\r\nHost: x\r\n\r\n", "U+0023"),
        (b"POST /query HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
         b"Content-Length: abc\r\n\r\nASK {}", "Content-Length is not a number of bytes: 'abc'"),
        (b"POST /query HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
         b"Content-Length: 6\r\nContent-Length: 2\r\n\r\nASK {}", "more than one Content-Length"),
        (b"GET /query?query=%FF HTTP/1.1\r\nHost: x\r\n\r\n", "not UTF-8"),
    ],
)  # fmt: skip
def test_malformed_requests_get_400_and_the_endpoint_stays_up(
    stand_in: tuple[Canary, tuple[str, int]],
    capfd: pytest.CaptureFixture[str],
    request_bytes: bytes,
    reason: str,
) -> None:
    engine, address = stand_in
    status, body = _raw(address, request_bytes)
    assert status == 400, body
    assert reason in body
    assert engine.heard == []
    assert _raw(address, b"GET /query?query=ASK%7B%7D HTTP/1.1\r\nHost: x\r\n\r\n")[0] == 200
    assert "Traceback" not in capfd.readouterr().err
