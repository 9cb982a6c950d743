"""One request and its reply over a worker's pipes, on the server's event loop.

The pipes stay the worker's :class:`subprocess.Popen` file objects, closed once, by whoever
kills the worker; the event loop only watches their descriptors (``add_reader`` and
``add_writer``). Handing the file objects to the loop as transports
(``connect_read_pipe``) would make the loop close them too, and uvloop closes such a
descriptor twice (libuv closes it, then the file object does): with other threads opening
files and sockets meanwhile, the second close can hit somebody else's connection.

>>> import asyncio, os
>>> from integrationskonzept.endpoint.frames import encode_frame
>>> async def echo() -> tuple[dict[str, object], bytes]:
...     here, there = os.pipe()
...     channel = Channel(write_to=there, read_from=here)
...     try:
...         return await channel.exchange(encode_frame({"status": 200}, b"yes"))
...     finally:
...         channel.detach()
...         os.close(here)
...         os.close(there)
>>> asyncio.run(echo())
({'status': 200}, b'yes')
"""

from __future__ import annotations

import asyncio
import json
import os
from typing import Any

from integrationskonzept.endpoint.frames import HEAD

_CHUNK = 1 << 16


class ChannelClosed(Exception):
    """The other end closed its pipe (the worker ended) before the reply was complete."""


class Channel:
    """Frames to ``write_to`` and from ``read_from`` (descriptors this class does not close)."""

    def __init__(self, *, write_to: int, read_from: int) -> None:
        self._write_to = write_to
        self._read_from = read_from
        self._loop: asyncio.AbstractEventLoop | None = None
        self._received = bytearray()
        self._pending = b""
        self._reply: asyncio.Future[tuple[dict[str, Any], bytes]] | None = None
        self._closed = False

    async def exchange(self, request: bytes) -> tuple[dict[str, Any], bytes]:
        """Send ``request`` (a whole frame) and wait for the reply frame.

        Raises :class:`ChannelClosed` when the other end closes first. Cancelled, the
        channel is left mid-exchange: its worker is to be replaced, not asked again.
        """
        if self._loop is None:
            self._loop = asyncio.get_running_loop()
            os.set_blocking(self._write_to, False)
            os.set_blocking(self._read_from, False)
            self._loop.add_reader(self._read_from, self._readable)
        if self._closed:
            raise ChannelClosed
        self._received.clear()
        self._reply = self._loop.create_future()
        self._pending = request
        self._writable()
        try:
            return await self._reply
        finally:
            self._reply = None

    def detach(self) -> None:
        """Stop watching the descriptors (on the loop's thread; before they are closed)."""
        if self._loop is not None and not self._loop.is_closed():
            self._loop.remove_reader(self._read_from)
            self._loop.remove_writer(self._write_to)
        self._closed = True

    def _writable(self) -> None:
        assert self._loop is not None
        try:
            written = os.write(self._write_to, self._pending) if self._pending else 0
        except BlockingIOError:
            written = 0
        except OSError:  # the worker is gone: its stdout ends too, and says so
            self._pending = b""
            written = 0
        self._pending = self._pending[written:]
        if self._pending:
            self._loop.add_writer(self._write_to, self._writable)
        else:
            self._loop.remove_writer(self._write_to)

    def _readable(self) -> None:
        try:
            chunk = os.read(self._read_from, _CHUNK)
        except BlockingIOError:
            return
        except OSError:
            chunk = b""
        if not chunk:
            self._end()
            return
        self._received += chunk
        if len(self._received) < HEAD.size:
            return
        meta_size, body_size = HEAD.unpack_from(self._received)
        end = HEAD.size + meta_size + body_size
        if len(self._received) < end or self._reply is None or self._reply.done():
            return
        meta = json.loads(self._received[HEAD.size : HEAD.size + meta_size])
        body = bytes(self._received[HEAD.size + meta_size : end])
        del self._received[:end]
        self._reply.set_result((meta, body))

    def _end(self) -> None:
        assert self._loop is not None
        self._loop.remove_reader(self._read_from)
        self._closed = True
        if self._reply is not None and not self._reply.done():
            self._reply.set_exception(ChannelClosed())
