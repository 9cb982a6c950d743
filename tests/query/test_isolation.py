"""No query can call out, even one the check misses: the query workers have no network.

Oxigraph (its server, and pyoxigraph in process) sends an HTTP request to the URL of any
``SERVICE`` it evaluates, and cannot be told not to. Here a real query worker (the process
``serve`` starts, same command line) is started with its check switched off, so that a
``SERVICE`` query reaches the engine as a query the check missed would, and it is asked to
call a canary server on loopback:

* with no isolation the canary hears the request and the query is answered: the test sees a
  leak when there is one;
* with the isolation ``serve`` uses (a network namespace and a seccomp filter, each where the
  kernel allows it) and with each mechanism alone, the canary hears nothing and the query
  fails with the network's refusal.

A test skips, saying so, only where the kernel refuses the mechanism it is about (the main
test: only if it refuses both).
"""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from rdflib import Graph

from integrationskonzept.endpoint.frames import encode_frame
from integrationskonzept.endpoint.isolation import MECHANISMS, NETNS, SECCOMP
from integrationskonzept.endpoint.pool import Worker, WorkerSettings
from integrationskonzept.serve import build_store

from .conftest import Canary

pytestmark = pytest.mark.slow

# The worker's own main(), with its check replaced by one that lets everything through.
_UNCHECKED_WORKER = """
import sys
import integrationskonzept.endpoint.worker as worker
worker.checked = lambda text: text
sys.exit(worker.main(sys.argv[1:]))
"""


@pytest.fixture(scope="module")
def store(kb: Graph, tmp_path_factory: pytest.TempPathFactory) -> Path:
    location = tmp_path_factory.mktemp("isolation") / "store"
    build_store(kb, location)
    return location


def _unchecked_worker(store: Path, isolation: tuple[str, ...], in_memory: bool) -> Worker:
    command = WorkerSettings(store, isolation=isolation, in_memory=in_memory).command()
    module = command.index("-m")
    command[module : module + 2] = ["-c", _UNCHECKED_WORKER]
    assert command[0] == sys.executable
    worker = Worker(command)
    worker.wait_ready()
    return worker


Start = Callable[..., Worker]


@pytest.fixture
def start_worker(store: Path) -> Iterator[Start]:
    started: list[Worker] = []

    def start(isolation: tuple[str, ...], in_memory: bool = True) -> Worker:
        """An unchecked worker; like the endpoint's for a city, answering from memory."""
        started.append(_unchecked_worker(store, isolation, in_memory))
        return started[-1]

    yield start
    for worker in started:
        worker.kill()


def _ask(worker: Worker, *texts: str) -> list[tuple[int, str]]:
    """Each text's status and answer, through the worker's pipes as the server sends them."""

    async def ask() -> list[tuple[int, str]]:
        answers = []
        async with asyncio.timeout(60):
            for text in texts:
                meta, body = await worker.ask(encode_frame({"accept": ""}, text.encode()))
                answers.append((int(meta["status"]), body.decode("utf-8", "replace")))
        worker.close_pipes()
        return answers

    return asyncio.run(ask())


def _service_query(canary: Canary) -> str:
    return f"SELECT * WHERE {{ SERVICE <{canary.url}/sparql> {{ ?s ?p ?o }} }}"


def test_without_isolation_the_unchecked_engine_calls_the_canary(
    start_worker: Start, canary: Canary
) -> None:
    """The control: the engine does call out, and the canary hears it."""
    worker = start_worker(())
    assert worker.isolation == ()
    [(status, body)] = _ask(worker, _service_query(canary))
    assert status == 200, body
    assert [heard.path for heard in canary.heard] == ["/sparql"]


@pytest.mark.parametrize(
    ("mechanisms", "in_memory"),
    [(MECHANISMS, True), (MECHANISMS, False), ((NETNS,), True), ((SECCOMP,), True)],
    ids=["as-served", "as-served-store-on-disk", "netns", "seccomp"],
)
def test_an_isolated_worker_cannot_call_out_even_when_the_check_misses(
    start_worker: Start, canary: Canary, mechanisms: tuple[str, ...], in_memory: bool
) -> None:
    worker = start_worker(mechanisms, in_memory)
    if not worker.isolation:
        pytest.skip(f"the kernel refuses {' and '.join(mechanisms)} to this process")
    assert set(worker.isolation) == set(mechanisms)
    by_name = _service_query(canary).replace("127.0.0.1", "localhost")
    *refused, answered = _ask(worker, _service_query(canary), by_name, "ASK { ?s ?p ?o }")
    for status, body in refused:
        assert status == 500, body
        assert "Network is unreachable" in body or "Permission denied" in body, body
    assert canary.heard == []
    assert answered == (200, '{"head":{},"boolean":true}')  # the worker itself is fine


def test_the_endpoint_says_which_mechanisms_are_in_force(kb: Graph) -> None:
    from integrationskonzept.endpoint.isolation import describe
    from integrationskonzept.serve import serve

    with serve(kb, port=0, workers=2) as endpoint:
        in_force = endpoint.isolation
    if not in_force:
        pytest.skip("the kernel refuses both a network namespace and seccomp to this process")
    assert describe(in_force).startswith("network isolation of the query workers: ")
    assert set(in_force) <= set(MECHANISMS)
