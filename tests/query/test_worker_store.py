"""Where a worker answers from, and how it shares the machine with the server.

A worker answers a city's knowledge base from a copy of the store in memory (about three
times faster than through RocksDB; ``benchmarks/load.py``) and a larger graph from the store
on disk; either way the answers are the same. Workers run as ``SCHED_BATCH`` work, so that
handing one a query does not take the core from the server's event loop.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import Graph

import integrationskonzept.serve as serving
from integrationskonzept.endpoint.frames import encode_frame
from integrationskonzept.endpoint.pool import Worker, WorkerSettings
from integrationskonzept.serve import build_store, serve

pytestmark = pytest.mark.slow

QUERIES = (
    "SELECT ?s ?p ?o WHERE { ?s ?p ?o } ORDER BY ?s ?p ?o",
    "SELECT ?type (COUNT(*) AS ?n) WHERE { ?s a ?type } GROUP BY ?type ORDER BY ?type",
    "SELECT ?m WHERE { ?m a ik:Measure } ORDER BY ?m",  # the project's prefixes are known
    "ASK { ?s ?p 42 }",
)
ACCEPT = "application/sparql-results+json"


@pytest.fixture(scope="module")
def store(kb: Graph, tmp_path_factory: pytest.TempPathFactory) -> Path:
    location = tmp_path_factory.mktemp("worker-store") / "store"
    build_store(kb, location)
    return location


@pytest.fixture
def workers(store: Path) -> Iterator[dict[str, Worker]]:
    started = {}
    for name, in_memory in (("memory", True), ("disk", False)):
        worker = Worker(WorkerSettings(store, in_memory=in_memory).command())
        worker.wait_ready()
        started[name] = worker
    yield started
    for worker in started.values():
        worker.kill()


def _answers(worker: Worker, texts: tuple[str, ...]) -> list[tuple[int, bytes]]:
    async def ask() -> list[tuple[int, bytes]]:
        found = []
        async with asyncio.timeout(60):
            for text in texts:
                meta, body = await worker.ask(encode_frame({"accept": ACCEPT}, text.encode()))
                found.append((int(meta["status"]), body))
        worker.close_pipes()
        return found

    return asyncio.run(ask())


def test_a_worker_answers_the_same_from_memory_as_from_disk(
    workers: dict[str, Worker], kb: Graph
) -> None:
    from_memory = _answers(workers["memory"], QUERIES)
    from_disk = _answers(workers["disk"], QUERIES)
    assert [status for status, _ in from_memory] == [200] * len(QUERIES)
    assert from_memory == from_disk
    every_triple = from_memory[0][1]
    assert every_triple.count(b'"s":') == len(kb)  # the whole graph is in the copy
    assert from_memory[2][1].count(b'"m":') > 100  # the report's measures, by prefixed name


def test_a_city_is_answered_from_memory_a_larger_graph_from_disk(
    kb: Graph, monkeypatch: pytest.MonkeyPatch
) -> None:
    with serve(kb, port=0, workers=1) as endpoint:
        assert endpoint.pool.settings.in_memory
    monkeypatch.setattr(serving, "IN_MEMORY_MAX_QUADS", len(kb) - 1)
    with serve(kb, port=0, workers=1) as endpoint:
        assert not endpoint.pool.settings.in_memory


@pytest.mark.skipif(not hasattr(os, "sched_getscheduler"), reason="no scheduling policies here")
def test_workers_run_as_batch_work(kb: Graph) -> None:
    """A woken worker must not preempt the server's event loop (every client waits on it)."""
    with serve(kb, port=0, workers=2) as endpoint:
        policies = {pid: os.sched_getscheduler(pid) for pid in endpoint.worker_pids()}
    assert len(policies) == 2
    assert set(policies.values()) == {os.SCHED_BATCH}, policies


def test_workers_start_within_a_tight_memory_limit_every_time(store: Path) -> None:
    """Without bounded malloc arenas a worker reserved 555-750 MB at start, at random."""
    for _ in range(8):
        worker = Worker(WorkerSettings(store, memory_mb=450, in_memory=True).command())
        try:
            worker.wait_ready()
        finally:
            worker.kill()
