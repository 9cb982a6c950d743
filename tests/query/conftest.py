"""Shared pieces of the endpoint tests: a canary HTTP server and raw HTTP requests."""

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


@dataclass
class Heard:
    """One request a :class:`Canary` received."""

    method: str
    path: str
    headers: list[tuple[str, str]]
    body: bytes


@dataclass
class Canary:
    """An HTTP server on loopback that records every request (answers 200 with a SPARQL ASK).

    A would-be target of server-side request forgery: if a query's ``SERVICE`` reaches it,
    it answers like a SPARQL endpoint, so the query would succeed.
    """

    heard: list[Heard] = field(default_factory=list)

    def __post_init__(self) -> None:
        heard = self.heard

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                heard.append(Heard(self.command, self.path, list(self.headers.items()), body))
                answer = b'{"head":{"vars":[]},"results":{"bindings":[{}]}}'
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


def address_of(url: str) -> tuple[str, int]:
    host, port = url.removeprefix("http://").rsplit(":", 1)
    return host.strip("[]"), int(port)


def raw_request(address: tuple[str, int], request: bytes, timeout: float = 30) -> tuple[int, str]:
    """Send ``request`` as it is on a new connection; the status and body of the answer."""
    with socket.create_connection(address, timeout=timeout) as client:
        client.sendall(request)
        received = b""
        while chunk := client.recv(65536):
            received += chunk
            head, _, body = received.partition(b"\r\n\r\n")
            length = [
                int(line.split(b":")[1])
                for line in head.split(b"\r\n")
                if line.lower().startswith(b"content-length:")
            ]
            if length and len(body) >= length[0]:
                break
    head, _, body = received.partition(b"\r\n\r\n")
    return int(head.split()[1]), body.decode("utf-8", "replace")


def post_query(
    query_url: str, text: str, timeout: float = 60, accept: str = "application/sparql-results+json"
) -> tuple[int, str]:
    """POST ``text`` as a form; the status and the body, whatever the status."""
    data = urllib.parse.urlencode({"query": text}).encode()
    request = urllib.request.Request(query_url, data=data, headers={"Accept": accept})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8", "replace")
