"""The endpoint as an ASGI application: ``/query`` (SPARQL 1.1 Protocol) and a form at ``/``.

Each query request is checked (:func:`integrationskonzept.gateway.checked_request`), then
answered by a query worker (:class:`.pool.Pool`), whose answer is complete before the first
byte is sent: a status of 200 always comes with the whole answer. ``GET /query`` without a
query answers with the service description, which names this endpoint's public address.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from integrationskonzept.endpoint.pool import Pool
from integrationskonzept.endpoint.worker import Reply
from integrationskonzept.gateway import (
    MAX_QUERY_BYTES,
    Headers,
    Refused,
    announced_length,
    checked_request,
)

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]

_HOST = re.compile(r"(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::[0-9]{1,5})?")
_FORMATS = "http://www.w3.org/ns/formats/"
SEND_TIMEOUT_S = 60.0
"""A client that has not taken its answer in this time is disconnected."""
_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>SPARQL endpoint</title></head>
<body><h1>SPARQL endpoint</h1>
<p>Queries run on this knowledge base only (read-only; no <code>SERVICE</code>, no
<code>FROM</code>). Protocol: SPARQL 1.1 at <a href="/query">/query</a>.</p>
<form method="post" action="/query">
<textarea name="query" rows="16" cols="100">SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 10</textarea>
<p><button type="submit">Run</button></p></form></body></html>
"""


class ClientGone(Exception):
    """The client closed the connection before its request was answered."""


def service_description(endpoint: str) -> bytes:
    """A SPARQL 1.1 service description in Turtle that names ``endpoint``.

    >>> b"sd:endpoint <http://127.0.0.1:7878/query>" in service_description(
    ...     "http://127.0.0.1:7878/query")
    True
    """
    formats = ", ".join(
        f"<{_FORMATS}{name}>"
        for name in ("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV",
                     "SPARQL_Results_TSV", "Turtle", "N-Triples", "RDF_XML", "JSON-LD")
    )  # fmt: skip
    return (
        "@prefix sd: <http://www.w3.org/ns/sparql-service-description#> .\n"
        f"[] a sd:Service ;\n    sd:endpoint <{endpoint}> ;\n"
        "    sd:supportedLanguage sd:SPARQL11Query ;\n"
        f"    sd:resultFormat {formats} .\n"
    ).encode()


async def _reply(
    send: Send, status: int, media: str, body: bytes, extra: list[tuple[bytes, bytes]]
) -> None:
    headers = [
        (b"content-type", media.encode("latin-1")),
        (b"content-length", str(len(body)).encode("ascii")),
        (b"x-content-type-options", b"nosniff"),
        *extra,
    ]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    try:
        async with asyncio.timeout(SEND_TIMEOUT_S):
            await send({"type": "http.response.body", "body": body})
    except TimeoutError:
        raise ClientGone from None


async def _body(receive: Receive, limit: int) -> bytes:
    """The request body, refused (413) as soon as it passes ``limit`` bytes."""
    parts = []
    size = 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            raise ClientGone
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            raise Refused(413, f"the request body is larger than {limit} bytes")
        parts.append(chunk)
        if not message.get("more_body", False):
            return b"".join(parts)


async def _until_gone(receive: Receive) -> None:
    while (await receive())["type"] != "http.disconnect":
        pass


class SparqlApp:
    """The ASGI application; one per endpoint."""

    def __init__(
        self,
        pool: Pool,
        public_url: str,
        *,
        cors: bool = False,
        max_query_bytes: int = MAX_QUERY_BYTES,
        body_timeout_s: float = 10.0,
    ) -> None:
        self.pool = pool
        self.public_url = public_url
        self.max_query_bytes = max_query_bytes
        self.body_timeout_s = body_timeout_s
        self.cors: list[tuple[bytes, bytes]] = (
            [(b"access-control-allow-origin", b"*")] if cors else []
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return
        try:
            await self._route(scope, receive, send)
        except ClientGone:
            # Nobody to answer, or a client that does not take its answer: uvicorn closes
            # the connection; the worker (if any) was stopped and replaced.
            return

    async def _route(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope["path"].rstrip("/") or "/"
        method = scope["method"]
        headers: Headers = [(k.decode("latin-1"), v.decode("latin-1")) for k, v in scope["headers"]]
        try:
            if path == "/query":
                await self._query(scope, receive, send, headers)
            elif path == "/" and method in ("GET", "HEAD"):
                page = _PAGE.encode("utf-8")
                policy = (b"content-security-policy", b"default-src 'none'; form-action 'self'")
                await _reply(send, 200, "text/html; charset=utf-8", page, [policy])
            elif method == "OPTIONS" and self.cors:
                await self._preflight(send)
            else:
                raise Refused(404, "nothing here: this endpoint answers SPARQL queries at /query")
        except Refused as exc:
            reason = (exc.reason + "\n").encode("utf-8")
            extra = [(b"allow", b"GET, POST")] if exc.status == 405 else []
            await _reply(send, exc.status, "text/plain; charset=utf-8", reason, extra + self.cors)

    async def _preflight(self, send: Send) -> None:
        extra = [
            (b"access-control-allow-methods", b"GET, POST"),
            (b"access-control-allow-headers", b"Accept, Content-Type"),
        ]
        await _reply(send, 204, "text/plain", b"", self.cors + extra)

    async def _query(self, scope: Scope, receive: Receive, send: Send, headers: Headers) -> None:
        if scope["method"] == "OPTIONS" and self.cors:
            await self._preflight(send)
            return
        announced_length(headers, self.max_query_bytes)
        try:
            async with asyncio.timeout(self.body_timeout_s):
                body = await _body(receive, self.max_query_bytes)
        except TimeoutError:
            raise Refused(
                408, f"the request body did not arrive in {self.body_timeout_s:g} s"
            ) from None
        query_string = scope["query_string"].decode("latin-1")
        request = checked_request(
            scope["method"], query_string, headers, body, self.max_query_bytes
        )
        if request.query is None:
            description = service_description(self._public_url(headers) + "/query")
            await _reply(send, 200, "text/turtle; charset=utf-8", description, self.cors)
            return
        reply = await self._ask(receive, request.query, request.accept)
        await _reply(send, reply.status, reply.media_type, reply.body, self.cors)

    async def _ask(self, receive: Receive, text: str, accept: str) -> Reply:
        """The pool's reply; if the client leaves first, its worker is stopped.

        The query is awaited in this task, and one watcher task cancels it when the client
        goes.
        """
        asking = asyncio.current_task()
        assert asking is not None
        state = {"answered": False, "gone": False}

        def client_left(watcher: asyncio.Future[None]) -> None:
            # Scheduled, not called, when the watcher ends: it may run after the answer.
            if state["answered"] or watcher.cancelled() or watcher.exception() is not None:
                return
            state["gone"] = True
            asking.cancel()

        leaving = asyncio.ensure_future(_until_gone(receive))
        leaving.add_done_callback(client_left)
        try:
            return await self.pool.ask(text, accept)
        except asyncio.CancelledError:
            if state["gone"]:
                asking.uncancel()
                raise ClientGone from None
            raise
        finally:
            state["answered"] = True
            leaving.cancel()

    def _public_url(self, headers: Headers) -> str:
        """This endpoint's address as clients see it (the ``Host`` they used if wildcard)."""
        host = self.public_url.removeprefix("http://").rsplit(":", 1)[0]
        if host in ("0.0.0.0", "[::]"):
            used = [value for key, value in headers if key == "host"]
            if len(used) == 1 and _HOST.fullmatch(used[0]):
                return f"http://{used[0]}"
        return self.public_url
