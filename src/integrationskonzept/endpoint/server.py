"""uvicorn in a background thread, with a deadline for each request's head.

uvicorn brings HTTP/1.1 with keep-alive (idle connections closed after
:data:`KEEP_ALIVE_S`), a listen backlog of :data:`BACKLOG` and a bound on open connections
(503 past :data:`MAX_CONNECTIONS`). It has no deadline for a request's head, though: a
client that sends a header byte every few seconds keeps its connection open for ever. The
protocol class here closes a connection whose request head is not complete
:data:`HEAD_TIMEOUT_S` after it opened (or after the previous answer), and answers a request
its HTTP parser refuses with 400 and the parser's reason (414 for a URL over 64 KiB, the
most uvicorn parses).
"""

from __future__ import annotations

import asyncio
import logging
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http import HTTPStatus
from typing import Any

import httptools
import uvicorn
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from integrationskonzept.errors import InputError

BACKLOG = 1024
KEEP_ALIVE_S = 5
HEAD_TIMEOUT_S = 10.0
MAX_CONNECTIONS = 1000
GRACE_S = 3
"""On shutdown, queries still running after this are stopped."""
LOG = logging.getLogger("integrationskonzept.endpoint")


class _HeadDeadline(HttpToolsProtocol):
    """uvicorn's HTTP/1.1 protocol (httptools) with a deadline for request heads."""

    head_timeout_s = HEAD_TIMEOUT_S
    _head_timer: asyncio.TimerHandle | None = None

    def _arm(self) -> None:
        self._disarm()
        self._head_timer = self.loop.call_later(self.head_timeout_s, self._head_late)

    def _disarm(self) -> None:
        if self._head_timer is not None:
            self._head_timer.cancel()
            self._head_timer = None

    def _head_late(self) -> None:
        if not self.transport.is_closing():
            self.transport.close()

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm()

    def on_headers_complete(self) -> None:
        self._disarm()
        super().on_headers_complete()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        if not self.transport.is_closing():
            self._arm()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)

    def data_received(self, data: bytes) -> None:
        # uvicorn's own, with the parser's reason in the answer (uvicorn's says only
        # "Invalid HTTP request received.")
        self._unset_keepalive_if_required()
        try:
            self.parser.feed_data(data)
        except httptools.HttpParserUpgrade:
            self._unsupported_upgrade_warning()
        except httptools.HttpParserError as exc:
            # An error raised inside a parser callback (uvicorn's URL parsing) is the context
            # of httptools' "User callback error".
            cause = exc.__context__ if isinstance(exc.__context__, Exception) else exc
            if isinstance(cause, httptools.HttpParserInvalidURLError) and "too long" in str(cause):
                self._refuse(414, "the URL is longer than 65535 bytes: POST the query instead")
            else:
                self._refuse(400, f"the request is not valid HTTP: {cause}")

    def _refuse(self, status: int, reason: str) -> None:
        """Answer ``status`` with ``reason`` and close: the request cannot be read on."""
        if self.transport.is_closing():
            return
        body = (reason.encode("ascii", "replace")) + b"\n"
        head = (
            f"HTTP/1.1 {status} {HTTPStatus(status).phrase}\r\n"
            "content-type: text/plain; charset=utf-8\r\n"
            f"content-length: {len(body)}\r\nconnection: close\r\n\r\n"
        )
        self.transport.write(head.encode("ascii") + body)
        self.transport.close()


def _protocol(head_timeout_s: float) -> type[HttpToolsProtocol]:
    return type("HeadDeadline", (_HeadDeadline,), {"head_timeout_s": head_timeout_s})


def listening_socket(host: str, port: int) -> socket.socket:
    """A TCP socket bound to ``host:port`` (``0``: any free port), or :class:`InputError`."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
    except (OSError, OverflowError, ValueError, UnicodeError) as exc:  # a port > 65535, a NUL
        sock.close()
        raise InputError(
            f"cannot listen on {host}:{port}: {getattr(exc, 'strerror', None) or exc}",
            hint="choose another address or port (--host, --port), or stop what uses it",
        ) from exc
    sock.set_inheritable(False)
    return sock


@contextmanager
def running(
    app: Any, sock: socket.socket, *, head_timeout_s: float = HEAD_TIMEOUT_S
) -> Iterator[threading.Event]:
    """Serve ``app`` on ``sock`` in a background thread for the ``with`` block.

    Yields an event that is set when the server has stopped (within the block: only if it
    failed). Leaving the block stops accepting, lets running requests end for
    :data:`GRACE_S` and stops the rest.
    """
    config = uvicorn.Config(
        app,
        http=_protocol(head_timeout_s),
        loop="auto",  # uvloop (a dependency on Linux), else asyncio's own
        lifespan="off",
        log_config=None,  # a library does not configure the process's logging
        access_log=False,
        backlog=BACKLOG,
        timeout_keep_alive=KEEP_ALIVE_S,
        limit_concurrency=MAX_CONNECTIONS,
        timeout_graceful_shutdown=GRACE_S,
        server_header=False,
        proxy_headers=False,  # no client address is used: nothing to take from X-Forwarded-For
        ws="none",
    )
    server = uvicorn.Server(config)
    failed: list[BaseException] = []
    # An event, not Thread.join: a join interrupted by a signal (Ctrl-C, SIGTERM) can leave
    # the thread looking finished to the next join, which would then not wait.
    stopped = threading.Event()

    def run() -> None:
        try:
            server.run(sockets=[sock])
        except BaseException as exc:  # reported by the thread that waits for it
            failed.append(exc)
            LOG.error("the HTTP server stopped: %r", exc)
        finally:
            stopped.set()

    threading.Thread(target=run, name="ik-http", daemon=True).start()
    deadline = time.monotonic() + 30
    while not server.started and not stopped.is_set() and time.monotonic() < deadline:
        time.sleep(0.01)
    if not server.started:
        server.should_exit = True
        stopped.wait(10)
        raise InputError(f"the HTTP server did not start: {failed[0] if failed else 'timeout'}")
    try:
        yield stopped
    finally:
        server.should_exit = True
        stopped.wait(GRACE_S + 10)
