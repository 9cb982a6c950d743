"""The request checks refuse a request that leaves any doubt; what runs is what was checked.

Against a real endpoint (``serve``) with a canary HTTP server on loopback: each request that
once made Oxigraph call out (a comment ended by a bare carriage return hides ``SERVICE`` from
rdflib but not from Oxigraph; two ``Content-Type`` headers were checked as one and forwarded
as the other) is refused with 400 and a reason, and the canary hears nothing. What is
evaluated is the normalised text that was checked: a carriage return sent inside a string
literal comes back as a line feed.
"""

from __future__ import annotations

import json
import urllib.parse
from collections.abc import Iterator

import pytest
from rdflib import Graph

from integrationskonzept.errors import QueryError
from integrationskonzept.query import query
from integrationskonzept.serve import Endpoint, serve

from .conftest import Canary, address_of, raw_request

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def endpoint(kb: Graph) -> Iterator[Endpoint]:
    with serve(kb, port=0, timeout_s=5) as running:
        yield running


def _address(endpoint: Endpoint) -> tuple[str, int]:
    return address_of(endpoint.url)


def _raw(address: tuple[str, int], request: bytes) -> tuple[int, str]:
    return raw_request(address, request)


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


# ---------------------------------------------------------------- what is evaluated


@pytest.mark.parametrize("how", HOW)
def test_the_evaluated_text_is_the_normalised_text_that_was_checked(
    endpoint: Endpoint, how: str
) -> None:
    """Carriage returns inside a long string literal are evaluated as the line feeds they became."""
    status, body = _send(endpoint, how, 'SELECT ("""a\r\nb\rc""" AS ?x) WHERE {}')
    assert status == 200, body
    [row] = json.loads(body)["results"]["bindings"]
    assert row["x"]["value"] == "a\nb\nc"


# ---------------------------------------------------------------- malformed requests: 400, no crash


@pytest.mark.parametrize(
    ("request_bytes", "reason"),
    [
        (b"GET /query?query=ASK%7B%7D\x01 HTTP/1.1\r\nHost: x\r\n\r\n", "Invalid char in url query"),
        (b"GET /qu\x7fery HTTP/1.1\r\nHost: x\r\n\r\n", "Invalid char in url path"),
        (b"GET /query HTTP/1.1\r\nHost: x\r\nAccept: a\x01b\r\n\r\n", "Invalid header value char"),
        (b"POST /query HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
         b"Content-Length: abc\r\n\r\nASK {}", "Invalid character in Content-Length"),
        (b"POST /query HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
         b"Content-Length: 6\r\nContent-Length: 2\r\n\r\nASK {}", "Duplicate Content-Length"),
        (b"GET /query?query=%FF HTTP/1.1\r\nHost: x\r\n\r\n", "not UTF-8"),
        (b"PUT /query HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n", "PUT is not allowed"),
    ],
)  # fmt: skip
def test_malformed_requests_get_an_error_with_the_reason_and_the_endpoint_stays_up(
    endpoint: Endpoint,
    canary: Canary,
    capfd: pytest.CaptureFixture[str],
    request_bytes: bytes,
    reason: str,
) -> None:
    address = _address(endpoint)
    status, body = _raw(address, request_bytes)
    assert status in (400, 405), body
    assert reason in body
    assert _raw(address, b"GET /query?query=ASK%7B%7D HTTP/1.1\r\nHost: x\r\n\r\n")[0] == 200
    assert "Traceback" not in capfd.readouterr().err
