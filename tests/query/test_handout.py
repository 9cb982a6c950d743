"""Idle workers go to waiting queries first come, first served (:mod:`.endpoint.handout`).

With :class:`asyncio.Queue` a query that arrived after a worker was given back took it
before the query that had waited longest, which then joined the line again at its end: the
endpoint's p99 under load was four to six times its median. These cases fail on a queue.
"""

from __future__ import annotations

import asyncio

import pytest

from integrationskonzept.endpoint.handout import Handout


async def _settle() -> None:
    for _ in range(3):
        await asyncio.sleep(0)


def test_a_worker_given_back_goes_to_the_longest_waiting_query() -> None:
    async def scenario() -> list[str]:
        handout: Handout[str] = Handout()
        served: list[str] = []

        async def query(name: str) -> None:
            worker = await handout.take()
            served.append(f"{name}:{worker}")

        waiting = [asyncio.ensure_future(query(name)) for name in ("a", "b", "c")]
        await _settle()
        handout.give("w1")
        # arrives after the worker was given back, before "a" ran: must not take it
        late = asyncio.ensure_future(query("late"))
        handout.give("w2")
        handout.give("w3")
        await _settle()
        assert not late.done()
        handout.give("w4")
        await asyncio.gather(*waiting, late)
        return served

    assert asyncio.run(scenario()) == ["a:w1", "b:w2", "c:w3", "late:w4"]


def test_a_query_that_stops_waiting_leaves_the_line() -> None:
    async def scenario() -> tuple[str | None, int]:
        handout: Handout[str] = Handout()
        with pytest.raises(TimeoutError):
            async with asyncio.timeout(0.01):
                await handout.take()
        next_one = asyncio.ensure_future(handout.take())
        await _settle()
        handout.give("w1")
        return await next_one, len(handout)

    assert asyncio.run(scenario()) == ("w1", 0)


def test_a_worker_handed_to_a_query_cancelled_in_that_moment_is_not_lost() -> None:
    async def scenario() -> tuple[int, str | None]:
        handout: Handout[str] = Handout()
        waiting = asyncio.ensure_future(handout.take())
        await _settle()
        handout.give("w1")  # handed over, but the waiting task has not run yet
        waiting.cancel()
        with pytest.raises(asyncio.CancelledError):
            await waiting
        return len(handout), await handout.take()

    assert asyncio.run(scenario()) == (1, "w1")


def test_closing_answers_every_waiting_and_later_query_with_none() -> None:
    async def scenario() -> list[str | None]:
        handout = Handout(["idle"])
        taken = await handout.take()
        waiting = [asyncio.ensure_future(handout.take()) for _ in range(2)]
        await _settle()
        handout.close()
        return [taken, *(await asyncio.gather(*waiting)), await handout.take()]

    assert asyncio.run(scenario()) == ["idle", None, None, None]
