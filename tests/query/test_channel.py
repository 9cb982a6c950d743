"""The server's side of a worker's pipes (:mod:`.endpoint.channel`), on both event loops.

Before, the pipes were handed to the loop as transports, and uvloop closes such a descriptor
twice (libuv, then the file object): under load, with other threads opening sockets, the
second close once cut a test client's connection (``EBADF``). A channel watches the
descriptors and never closes them; the worker's owner closes each once.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Callable, Iterator

import pytest

from integrationskonzept.endpoint.channel import Channel, ChannelClosed
from integrationskonzept.endpoint.frames import encode_frame

LOOPS: dict[str, Callable[[], asyncio.AbstractEventLoop]] = {"asyncio": asyncio.new_event_loop}
try:
    import uvloop
except ImportError:  # uvloop is a dependency on Linux only
    pass
else:
    LOOPS["uvloop"] = uvloop.new_event_loop


def _is_open(descriptor: int) -> bool:
    try:
        os.fstat(descriptor)
    except OSError:
        return False
    return True


@pytest.fixture(params=sorted(LOOPS))
def run(request: pytest.FixtureRequest) -> Iterator[Callable[..., object]]:
    loop = LOOPS[request.param]()

    def run_on_loop(coroutine: object) -> object:
        return loop.run_until_complete(coroutine)  # type: ignore[arg-type]

    yield run_on_loop
    loop.close()


def test_a_channel_never_closes_the_descriptors_it_watches(run: Callable[..., object]) -> None:
    here, there = os.pipe()
    channel = Channel(write_to=there, read_from=here)

    async def exchange_then_detach() -> object:
        reply = await channel.exchange(encode_frame({"n": 1}, b"x" * 200_000))  # > a pipe's buffer
        channel.detach()
        return reply

    try:
        assert run(exchange_then_detach()) == ({"n": 1}, b"x" * 200_000)
        assert _is_open(here) and _is_open(there)
    finally:
        os.close(here)
        os.close(there)


def test_the_other_end_closing_mid_reply_is_channel_closed(run: Callable[..., object]) -> None:
    requests_read, requests_written = os.pipe()
    replies_read, replies_written = os.pipe()
    channel = Channel(write_to=requests_written, read_from=replies_read)

    async def worker_dies_half_way() -> None:
        asking = asyncio.ensure_future(channel.exchange(encode_frame({"accept": ""}, b"ASK {}")))
        await asyncio.sleep(0.01)
        os.write(replies_written, encode_frame({"status": 200}, b"0123456789")[:-4])
        os.close(replies_written)  # the worker died
        with pytest.raises(ChannelClosed):
            await asyncio.wait_for(asking, 5)
        channel.detach()

    try:
        run(worker_dies_half_way())
        assert _is_open(replies_read) and _is_open(requests_written)
    finally:
        for descriptor in (requests_read, requests_written, replies_read):
            os.close(descriptor)
