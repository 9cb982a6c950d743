"""Idle workers handed to waiting queries in the order the queries came: first come, first served.

:class:`asyncio.Queue` is not fair for this. A worker put back wakes the longest waiter, but
the waiter runs a moment later; a query that arrives in that moment finds the queue not
empty and takes the worker, and the woken waiter finds it empty and joins the line again at
its end. Under load (50 clients, 4 workers) that made a few queries wait four to six times
as long as the median. Here a worker given back goes straight to the first waiter.

>>> import asyncio
>>> async def demo() -> list[str]:
...     handout: Handout[str] = Handout(["w1"])
...     first = await handout.take()
...     waiting = asyncio.ensure_future(handout.take())  # the first in line
...     await asyncio.sleep(0)
...     handout.give("w1")
...     later = asyncio.ensure_future(handout.take())  # came later: waits
...     await asyncio.sleep(0)
...     return [first, await waiting, str(later.done())]
>>> asyncio.run(demo())
['w1', 'w1', 'False']
"""

from __future__ import annotations

import asyncio
import contextlib
from collections import deque
from collections.abc import Iterable
from typing import Generic, TypeVar

Item = TypeVar("Item")


class Handout(Generic[Item]):
    """Idle items, and the queries waiting for one; used on one event loop's thread only."""

    def __init__(self, idle: Iterable[Item] = ()) -> None:
        self._idle: deque[Item] = deque(idle)
        self._waiting: deque[asyncio.Future[Item | None]] = deque()
        self.closed = False

    def __len__(self) -> int:
        """How many items are idle."""
        return len(self._idle)

    async def take(self) -> Item | None:
        """The first idle item, once every earlier caller has one; ``None`` once closed."""
        if self.closed:
            return None
        if self._idle and not self._waiting:
            return self._idle.popleft()
        waiter: asyncio.Future[Item | None] = asyncio.get_running_loop().create_future()
        self._waiting.append(waiter)
        try:
            return await waiter
        except BaseException:  # cancelled or timed out: leave the line
            if waiter.done() and not waiter.cancelled():  # handed one just before
                item = waiter.result()
                if item is not None:
                    self.give(item)
            else:
                with contextlib.suppress(ValueError):
                    self._waiting.remove(waiter)
            raise

    def give(self, item: Item) -> None:
        """Hand ``item`` to the first caller still waiting, or keep it idle."""
        while self._waiting:
            waiter = self._waiting.popleft()
            if not waiter.done():
                waiter.set_result(item)
                return
        self._idle.append(item)

    def close(self) -> None:
        """Every caller waiting now or later gets ``None``."""
        self.closed = True
        while self._waiting:
            waiter = self._waiting.popleft()
            if not waiter.done():
                waiter.set_result(None)
