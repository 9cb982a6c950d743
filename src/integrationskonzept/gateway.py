"""A guard in front of Oxigraph's server: queries that reach outside the graph are refused.

Oxigraph's server evaluates ``SERVICE <url>`` by sending an HTTP request to ``url`` itself.
On an endpoint that strangers can reach, anyone could make the server call any address it
can reach (server-side request forgery). The gateway reads every query sent to ``/query``
(GET ``?query=``, POST form or ``application/sparql-query``), refuses one that uses
``SERVICE`` or ``FROM`` / ``FROM NAMED`` with ``400 Bad Request`` — the rule of the
in-process :func:`integrationskonzept.query` — and passes everything else unchanged to
Oxigraph on a private loopback port, streaming the answer back as it comes.

A client that disconnects mid-answer costs only its own connection: the gateway closes the
connection to Oxigraph (which stops the query) and goes on serving the others.
"""

from __future__ import annotations

import http.client
import socket
import threading
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from integrationskonzept.errors import InputError, QueryError
from integrationskonzept.query.runner import check_safe

MAX_BODY_BYTES = 10 * 1024 * 1024
"""Larger request bodies are refused (413): no SPARQL query of this data needs more."""
_CHUNK_BYTES = 64 * 1024
# Connection-level headers are the gateway's own business on each side (RFC 9110, 7.6.1).
_HOP_BY_HOP = {
    "connection",
    "keep-alive",
    "proxy-connection",
    "te",
    "trailer",
    "transfer-encoding",
    "upgrade",
    "host",
    "content-length",
}


def query_text(method: str, path: str, content_type: str, body: bytes) -> str | None:
    """The SPARQL query a request to Oxigraph would run, or ``None`` if it runs none.

    Every path counts, not only ``/query``: how the server maps paths (``/query/``,
    percent-encoded names) is not this module's to guess.

    >>> query_text("GET", "/query?query=ASK%7B%7D", "", b"")
    'ASK{}'
    >>> query_text("POST", "/%71uery", "application/sparql-query", b"ASK {}")
    'ASK {}'
    >>> query_text("GET", "/", "", b"") is None
    True
    """
    url = urllib.parse.urlsplit(path)
    texts = urllib.parse.parse_qs(url.query).get("query", [])
    media_type = content_type.split(";", 1)[0].strip().lower()
    if method == "POST" and media_type == "application/x-www-form-urlencoded":
        texts += urllib.parse.parse_qs(body.decode("utf-8", "replace")).get("query", [])
    elif method == "POST" and media_type == "application/sparql-query":
        texts.append(body.decode("utf-8", "replace"))
    # Several texts: Oxigraph refuses the request; checking them all keeps the rule simple.
    return "\n".join(texts) if texts else None


class _Handler(BaseHTTPRequestHandler):
    """Check the query, then relay the request to Oxigraph and its answer to the client."""

    server: _GatewayServer
    protocol_version = "HTTP/1.0"  # one request per connection: the answer ends at EOF

    def _refuse(self, status: int, message: str) -> None:
        body = (message + "\n").encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _relay(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY_BYTES:
            self._refuse(413, f"the request body is larger than {MAX_BODY_BYTES} bytes")
            return
        body = self.rfile.read(length) if length > 0 else b""
        text = query_text(self.command, self.path, self.headers.get("Content-Type", ""), body)
        if text is not None:
            try:
                check_safe(text)
            except QueryError as exc:
                self._refuse(400, str(exc))
                return
        headers = {k: v for k, v in self.headers.items() if k.lower() not in _HOP_BY_HOP}
        backend = http.client.HTTPConnection(*self.server.backend, timeout=self.server.wait_s)
        answering = False
        try:
            backend.request(self.command, self.path, body=body or None, headers=headers)
            answer = backend.getresponse()
            answering = True
            self.send_response_only(answer.status, answer.reason)
            for key, value in answer.getheaders():
                if key.lower() not in _HOP_BY_HOP:
                    self.send_header(key, value)
            self.send_header("Connection", "close")
            self.end_headers()
            while chunk := answer.read1(_CHUNK_BYTES):
                self.wfile.write(chunk)
        except OSError as exc:
            if not answering:
                self._refuse(502, f"the SPARQL engine behind this endpoint did not answer: {exc}")
            elif isinstance(exc, BrokenPipeError | ConnectionResetError):
                # The client left mid-answer; closing the backend connection (below) stops
                # Oxigraph's work on it.
                self.log_message("client left during the answer to %s", self.path)
            else:  # the head is sent: the client sees the answer end early
                self.log_error("the Oxigraph server stopped answering: %s", exc)
        finally:
            backend.close()

    # http.server dispatches on these names
    do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = do_OPTIONS = do_PATCH = _relay  # noqa: N815

    def log_message(self, format: str, *args: object) -> None:
        if not self.server.quiet:
            super().log_message(format, *args)


class _GatewayServer(ThreadingHTTPServer):
    daemon_threads = True  # a slow client never keeps the process alive

    def __init__(
        self, address: tuple[str, int], backend: tuple[str, int], wait_s: float, quiet: bool
    ) -> None:
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        super().__init__(address, _Handler)
        self.backend = backend
        self.wait_s = wait_s
        self.quiet = quiet


@contextmanager
def gateway(
    host: str, port: int, backend: tuple[str, int], *, wait_s: float = 60.0, quiet: bool = True
) -> Iterator[tuple[str, int]]:
    """Serve the guard at ``host:port`` (``0``: any free port) in a background thread.

    Yields the bound address; ``wait_s`` is how long to wait for Oxigraph's next bytes.
    """
    try:
        server = _GatewayServer((host, port), backend, wait_s, quiet)
    except OSError as exc:
        raise InputError(
            f"cannot listen on {host}:{port}: {exc.strerror or exc}",
            hint="choose another address or port (--host, --port), or stop what uses it",
        ) from exc
    thread = threading.Thread(target=server.serve_forever, name="ik-gateway", daemon=True)
    thread.start()
    try:
        bound_host, bound_port = server.server_address[:2]
        yield str(bound_host), int(bound_port)
    finally:
        server.shutdown()
        server.server_close()
