"""A guard in front of Oxigraph's server: queries that reach outside the graph are refused.

Oxigraph's server evaluates ``SERVICE <url>`` by sending an HTTP request to ``url`` itself.
On an endpoint that strangers can reach, anyone could make the server call any address it
can reach (server-side request forgery). The gateway reads every request, refuses one whose
query uses ``SERVICE`` or ``FROM`` / ``FROM NAMED`` with ``400 Bad Request`` (the rule of
the in-process :func:`integrationskonzept.query`), and passes the rest to Oxigraph on a
private loopback port, streaming the answer back as it comes.

What reaches Oxigraph is rebuilt from what was checked, never passed through: the query
text after :func:`~integrationskonzept.query.runner.normalise` (line endings, escapes), the
parameters re-encoded, one ``Content-Type`` of the gateway's own and a few harmless headers.
So nothing the check did not read (a second ``Content-Type`` header, a second ``query``
parameter, a carriage return that ends a comment for Oxigraph only) can reach the engine.
A request that leaves any doubt is refused with the reason: more than one ``Content-Type``
or ``Content-Length`` header, a ``Content-Length`` that is not a number, a body in chunks, a
body that is not a query, text that is not UTF-8, a URL with control characters or
unencoded bytes, the dataset parameters ``default-graph-uri`` and ``named-graph-uri``, and
any other parameter than ``query`` (and the Graph Store's ``graph`` / ``default``).

A client that disconnects mid-answer costs only its own connection: the gateway closes the
connection to Oxigraph (which stops the query) and goes on serving the others.
"""

from __future__ import annotations

import http.client
import re
import socket
import sys
import threading
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from email.message import Message
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
# The only request headers passed on: none of them can change which query runs on what.
_PASSED_HEADERS = (
    "accept",
    "accept-language",
    "origin",
    "access-control-request-method",
    "access-control-request-headers",
    "user-agent",
)
_FORM = "application/x-www-form-urlencoded"
_SPARQL_QUERY = "application/sparql-query"
# They choose the graphs a query runs on; this endpoint has one.
_DATASET_PARAMETERS = (
    "default-graph-uri",
    "named-graph-uri",
    "using-graph-uri",
    "using-named-graph-uri",
    "union-default-graph",
)
_ACCEPTED_PARAMETERS = ("query", "graph", "default")
# A request target is printable ASCII without spaces; anything else must be percent-encoded.
_URL_CHARACTER = re.compile(r"[!-~]")
_HEADER_VALUE = re.compile(r"[\t -~]*")


class Refused(Exception):
    """A request the gateway does not forward: the HTTP status and the reason to send."""

    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason


@dataclass(frozen=True)
class Forward:
    """The request for Oxigraph, rebuilt from what the gateway checked."""

    method: str
    target: str
    body: bytes
    headers: dict[str, str]


def body_length(headers: Message) -> int:
    """The length of the request body from its one ``Content-Length`` header, or refused.

    >>> message = Message()
    >>> message["Content-Length"] = "abc"
    >>> body_length(message)
    Traceback (most recent call last):
    ...
    integrationskonzept.gateway.Refused: Content-Length is not a number of bytes: 'abc'
    """
    if headers.get_all("Transfer-Encoding"):
        raise Refused(411, "a body in chunks (Transfer-Encoding) is not accepted: send its length")
    values = headers.get_all("Content-Length") or []
    if len(values) > 1:
        raise Refused(400, "more than one Content-Length header: send one")
    if not values:
        return 0
    if not re.fullmatch(r"[0-9]+", values[0].strip()):
        raise Refused(400, f"Content-Length is not a number of bytes: {values[0]!r}")
    length = int(values[0])
    if length > MAX_BODY_BYTES:
        raise Refused(413, f"the request body is larger than {MAX_BODY_BYTES} bytes")
    return length


def _media_type(headers: Message) -> str:
    """The one media type of the body (lower case), refusing any charset but UTF-8."""
    values = headers.get_all("Content-Type") or []
    if len(values) > 1:
        raise Refused(400, "more than one Content-Type header: send one")
    if not values:
        return ""
    media, *parameters = (part.strip() for part in values[0].split(";"))
    for parameter in filter(None, parameters):
        name, _, value = parameter.partition("=")
        if name.strip().lower() != "charset" or value.strip(' "').lower() not in ("utf-8", "utf8"):
            raise Refused(400, f"the Content-Type parameter {parameter!r} is not accepted")
    return media.lower()


def _utf8(data: bytes, what: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise Refused(400, f"{what} is not UTF-8 (byte {exc.start})") from None


def _parameters(encoded: str, what: str) -> list[tuple[str, str]]:
    """``name=value&…`` decoded, refusing percent-encoded bytes that are not UTF-8."""
    try:
        return urllib.parse.parse_qsl(encoded, keep_blank_values=True, errors="strict")
    except UnicodeDecodeError:
        raise Refused(400, f"{what} holds percent-encoded bytes that are not UTF-8") from None


def _check_parameters(pairs: list[tuple[str, str]]) -> None:
    for name, _ in pairs:
        if name in _DATASET_PARAMETERS:
            raise Refused(400, f"{name} is not allowed: queries run on the local graph only")
        if name not in _ACCEPTED_PARAMETERS:
            raise Refused(400, f"the parameter {name!r} is not accepted by this endpoint")


def _check_target(target: str) -> None:
    for character in target:
        if not _URL_CHARACTER.fullmatch(character) or character == "#":
            raise Refused(
                400, f"the URL holds the character U+{ord(character):04X}: percent-encode it"
            )


def _passed_headers(headers: Message) -> dict[str, str]:
    passed = {}
    for name in _PASSED_HEADERS:
        values = headers.get_all(name) or []
        if values:
            value = ", ".join(values)
            if not _HEADER_VALUE.fullmatch(value):
                raise Refused(400, f"the {name} header holds a control character")
            passed[name] = value
    return passed


def _encode(pairs: list[tuple[str, str]], query: str | None) -> str:
    """The parameters percent-encoded, the query text replaced by the checked one."""
    swapped = [
        (name, query if name == "query" and query is not None else value) for name, value in pairs
    ]
    return urllib.parse.urlencode(swapped, quote_via=urllib.parse.quote)


def _read_body(method: str, media: str, body: bytes) -> tuple[list[tuple[str, str]], list[str]]:
    """The form parameters and the query text a body holds; any other body is refused."""
    if not body:
        return [], []
    if method != "POST":
        raise Refused(400, f"a {method} request has no body here")
    if media == _FORM:
        return _parameters(_utf8(body, "the form"), "the form"), []
    if media == _SPARQL_QUERY:
        return [], [_utf8(body, "the query")]
    raise Refused(415, f"send the query as {_SPARQL_QUERY} or as a form, not {media!r}")


def checked_request(method: str, target: str, headers: Message, body: bytes) -> Forward:
    """The request to send to Oxigraph in place of this one, or :class:`Refused`.

    Every path counts, not only ``/query``: how the server maps paths (``/query/``,
    percent-encoded names) is not this module's to guess.

    >>> checked_request("GET", "/query?query=ASK%7B%7D", Message(), b"").target
    '/query?query=ASK%7B%7D'
    >>> checked_request("GET", "/%71uery?query=ASK%7B%23%0DSERVICE<x:y>%7B%7D%7D", Message(), b"")
    Traceback (most recent call last):
    ...
    integrationskonzept.gateway.Refused: SERVICE is not allowed: queries run on the local graph only
    """
    _check_target(target)
    path, _, encoded = target.partition("?")
    in_url = _parameters(encoded, "the URL")
    media = _media_type(headers)
    in_form, texts = _read_body(method, media, body)
    _check_parameters(in_url + in_form)
    texts += [value for name, value in in_url + in_form if name == "query"]
    if len(texts) > 1:
        raise Refused(400, "more than one query in the request: send one")
    try:
        query = check_safe(texts[0]) if texts else None
    except QueryError as exc:
        raise Refused(400, str(exc)) from None
    out_headers = _passed_headers(headers)
    out_body = b""
    if body and media == _FORM:
        out_body = _encode(in_form, query).encode("ascii")
        out_headers["Content-Type"] = _FORM
    elif body and query is not None:
        out_body = query.encode("utf-8")
        out_headers["Content-Type"] = _SPARQL_QUERY
    out_target = f"{path}?{_encode(in_url, query)}" if in_url else path
    return Forward(method, out_target, out_body, out_headers)


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
        try:
            length = body_length(self.headers)
            body = self.rfile.read(length) if length > 0 else b""
            forward = checked_request(self.command, self.path, self.headers, body)
        except Refused as exc:
            self._refuse(exc.status, exc.reason)
            return
        self._forward(forward)

    def _forward(self, forward: Forward) -> None:
        backend = http.client.HTTPConnection(*self.server.backend, timeout=self.server.wait_s)
        answering = False
        try:
            backend.request(
                forward.method, forward.target, body=forward.body or None, headers=forward.headers
            )
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
        except (OSError, http.client.HTTPException) as exc:
            if not answering:
                self._refuse(502, f"the SPARQL engine behind this endpoint did not answer: {exc}")
            elif isinstance(exc, BrokenPipeError | ConnectionResetError):
                # The client left mid-answer; closing the backend connection (below) stops
                # Oxigraph's work on it.
                self.log_message("client left during the answer to %s", forward.target)
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

    def handle_error(self, request: object, client_address: object) -> None:
        # One line, not socketserver's traceback: a request that fails unforeseen costs its
        # own connection and is logged; the server goes on.
        if not self.quiet:
            print(f"gateway: a request failed: {sys.exc_info()[1]!r}", file=sys.stderr)


@contextmanager
def gateway(
    host: str, port: int, backend: tuple[str, int], *, wait_s: float = 60.0, quiet: bool = True
) -> Iterator[tuple[str, int]]:
    """Serve the guard at ``host:port`` (``0``: any free port) in a background thread.

    Yields the bound address; ``wait_s`` is how long to wait for Oxigraph's next bytes.
    """
    try:
        server = _GatewayServer((host, port), backend, wait_s, quiet)
    except (OSError, OverflowError, ValueError) as exc:  # a port > 65535, a NUL in the host
        raise InputError(
            f"cannot listen on {host}:{port}: {getattr(exc, 'strerror', None) or exc}",
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
