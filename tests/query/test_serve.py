"""The read-only endpoint (``serve``) and push (against Oxigraph's own server), on loopback."""

from __future__ import annotations

import json
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph

from integrationskonzept.cli import main
from integrationskonzept.errors import InputError
from integrationskonzept.publish.files.push import push
from integrationskonzept.query import query
from integrationskonzept.serve import Endpoint, oxigraph_binary, serve, wait_until_up

from .conftest import address_of, post_query

pytestmark = pytest.mark.slow

PRIORITIZED = """
PREFIX ik: <https://w3id.org/integrationskonzept/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?code WHERE { ?f a ik:ActionField ; ik:prioritized true ; skos:notation ?code }
ORDER BY ?code
"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _sparql(url: str, text: str, timeout: float = 30) -> list[dict[str, str]]:
    data = urllib.parse.urlencode({"query": text}).encode()
    request = urllib.request.Request(
        url, data=data, headers={"Accept": "application/sparql-results+json"}
    )
    with urllib.request.urlopen(request, timeout=timeout) as response:
        document = json.load(response)
    return [{k: v["value"] for k, v in row.items()} for row in document["results"]["bindings"]]


@pytest.fixture(scope="module")
def endpoint(kb: Graph) -> Iterator[Endpoint]:
    with serve(kb, port=_free_port(), timeout_s=1) as running:
        yield running


def test_endpoint_answers_with_the_report_facts(endpoint: Endpoint) -> None:
    rows = _sparql(endpoint.query_url, PRIORITIZED)
    assert [r["code"] for r in rows] == ["C", "D", "H"]


def test_update_is_refused(endpoint: Endpoint) -> None:
    data = urllib.parse.urlencode({"update": "DELETE WHERE { ?s ?p ?o }"}).encode()
    with pytest.raises(urllib.error.HTTPError) as info:
        urllib.request.urlopen(f"{endpoint.url}/update", data=data, timeout=10)
    assert info.value.code >= 400
    assert _sparql(endpoint.query_url, PRIORITIZED)  # nothing was deleted


def test_graph_store_write_is_refused(endpoint: Endpoint) -> None:
    request = urllib.request.Request(
        f"{endpoint.url}/store?default", data=b"<a:a> <a:b> <a:c> .", method="PUT",
        headers={"Content-Type": "application/n-triples"},
    )  # fmt: skip
    with pytest.raises(urllib.error.HTTPError) as info:
        urllib.request.urlopen(request, timeout=10)
    assert info.value.code >= 400


def test_no_cors_header_by_default(endpoint: Endpoint) -> None:
    request = urllib.request.Request(
        f"{endpoint.query_url}?query=ASK%7B%7D", headers={"Origin": "https://evil.example"}
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.headers.get("Access-Control-Allow-Origin") is None


def test_runaway_query_is_stopped_and_the_next_one_answered(endpoint: Endpoint) -> None:
    runaway = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    started = time.monotonic()
    status, body = post_query(endpoint.query_url, runaway)
    assert status == 504, body  # never a 200 with an answer cut short
    assert "took longer than 1 s" in body
    assert time.monotonic() - started < 1 + 2
    assert [r["code"] for r in _sparql(endpoint.query_url, PRIORITIZED)] == ["C", "D", "H"]


def test_push_into_a_writable_store_gives_the_same_answers(kb: Graph) -> None:
    port = _free_port()
    with tempfile.TemporaryDirectory() as tmp:
        process = subprocess.Popen(
            [oxigraph_binary(), "serve", "--location", str(Path(tmp) / "db"),
             "--bind", f"127.0.0.1:{port}"],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        )  # fmt: skip
        try:
            base = f"http://127.0.0.1:{port}"
            wait_until_up(f"{base}/query?query=ASK%7B%7D", process)
            graph_iri = "https://w3id.org/integrationskonzept/graph/test"
            assert push(kb, f"{base}/store", graph_iri) == len(kb)
            push(kb, f"{base}/store", graph_iri)  # replacing, not appending
            text = PRIORITIZED.replace("WHERE {", f"WHERE {{ GRAPH <{graph_iri}> {{", 1) + "}"
            text = text.replace("}\nORDER BY ?code\n}", "} }\nORDER BY ?code")
            remote = [r["code"] for r in _sparql(f"{base}/query", text)]
            local = [r["code"] for r in query(PRIORITIZED, kb).to_dicts()]
            assert remote == local == ["C", "D", "H"]
            count = _sparql(
                f"{base}/query", f"SELECT (COUNT(*) AS ?n) {{ GRAPH <{graph_iri}> {{ ?s ?p ?o }} }}"
            )
            assert int(count[0]["n"]) == len(kb)
        finally:
            process.terminate()
            process.wait(timeout=10)


def test_push_to_a_store_that_is_down_reports_it(kb: Graph) -> None:
    with pytest.raises(InputError, match="cannot reach the store"):
        push(kb, f"http://127.0.0.1:{_free_port()}/store", timeout=5)


def test_push_command_exit_code_when_down() -> None:
    result = CliRunner().invoke(
        main, ["push", "--endpoint", f"http://127.0.0.1:{_free_port()}/store"]
    )
    assert result.exit_code == 2
    assert "nothing was changed" in result.output


class _Recorder:
    """A local HTTP server that records every request it gets (a would-be SSRF target)."""

    def __init__(self) -> None:
        import http.server
        import threading

        hits: list[str] = []

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                hits.append(self.path)
                self.send_response(500)
                self.end_headers()

            do_POST = do_GET  # noqa: N815

            def log_message(self, *args: object) -> None:
                pass

        self.hits = hits
        self.server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


@pytest.mark.parametrize("how", ["get", "form", "sparql-query", "other-path"])
@pytest.mark.parametrize(
    "template",
    [
        "SELECT * WHERE {{ SERVICE <{url}/sparql> {{ ?s ?p ?o }} }}",
        "SELECT * WHERE {{ ?s ?p ?o OPTIONAL {{ SERVICE SILENT <{url}/x> {{ ?s ?q ?r }} }} }}",
        "SELECT * FROM <{url}/remote.ttl> WHERE {{ ?s ?p ?o }}",
        "SELECT * FROM NAMED <{url}/g> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}",
    ],
)
def test_endpoint_refuses_service_and_from_without_calling_out(
    endpoint: Endpoint, how: str, template: str
) -> None:
    recorder = _Recorder()
    text = template.format(url=recorder.url)
    if how == "get":
        request = urllib.request.Request(
            f"{endpoint.query_url}?{urllib.parse.urlencode({'query': text})}"
        )
    elif how == "other-path":  # however the server maps paths, the query is checked
        request = urllib.request.Request(
            f"{endpoint.url}/%71uery/?{urllib.parse.urlencode({'query': text})}"
        )
    elif how == "form":
        request = urllib.request.Request(
            endpoint.query_url, data=urllib.parse.urlencode({"query": text}).encode()
        )
    else:
        request = urllib.request.Request(
            endpoint.query_url,
            data=text.encode(),
            headers={"Content-Type": "application/sparql-query"},
        )
    with pytest.raises(urllib.error.HTTPError) as info:
        urllib.request.urlopen(request, timeout=10)
    assert info.value.code == 400
    message = info.value.read().decode()
    assert "not allowed" in message and "local graph" in message, message
    assert recorder.hits == []
    recorder.server.shutdown()


def test_endpoint_survives_clients_that_leave_mid_answer(endpoint: Endpoint) -> None:
    big = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } LIMIT 10000"
    host, port = address_of(endpoint.url)
    request = (
        f"GET /query?{urllib.parse.urlencode({'query': big})} HTTP/1.1\r\n"
        f"Host: {host}\r\nAccept: application/sparql-results+json\r\n\r\n"
    ).encode()
    while endpoint.pool.idle() < endpoint.pool.size:  # a worker replaced by an earlier test
        time.sleep(0.05)
    workers = endpoint.worker_pids()
    for _ in range(5):
        with socket.create_connection((host, port), timeout=10) as client:
            client.sendall(request)
            received = client.recv(4096)
            assert received.startswith(b"HTTP/1.1 200"), received[:100]
        # closed after 4 KiB of an answer of many megabytes
    assert endpoint.worker_pids() == workers  # the answers were complete: no worker killed
    assert [r["code"] for r in _sparql(endpoint.query_url, PRIORITIZED)] == ["C", "D", "H"]


def test_serve_on_a_port_in_use_says_so(kb: Graph) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        expected = f"cannot listen on 127.0.0.1:{port}"
        with pytest.raises(InputError, match=expected), serve(kb, port=port):
            pass
