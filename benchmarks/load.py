"""Load benchmark of the SPARQL endpoint, beside Oxigraph's own server in the same run.

Usage::

    python benchmarks/load.py [--requests 10000] [--rounds 3] [--clients 50]
                              [--timeout 10] [--output FILE] [--data DIR]

Starts ``integrationskonzept serve`` and Oxigraph's own server twice (the engine alone,
without checks, workers or isolation) on the same data, each a process of its own, and sends
each the same requests from this process: ``--clients`` concurrent clients, each on a
keep-alive connection, ``--requests`` requests in all, every query text unique (the named
queries of the library with their example parameters, the project's prefixes declared, and a
comment with the request's number). After a warm-up, six phases in this order:

* ``endpoint``, ``oxigraph`` and ``oxigraph-memory``, in ``--rounds`` interleaved rounds (a
  busy moment of the machine hits all three): the load alone, on the endpoint, on
  Oxigraph's read-only server (``serve-read-only``, which needs a store on disk: the target's
  comparison) and on Oxigraph's server with its store in memory (``serve`` without a
  location, which also accepts updates, so it is no public endpoint as it is; the endpoint's
  workers answer a city's graph from memory too, so this is the engine's own speed beside
  the endpoint's);
* ``endpoint-full-check``: a fifth of the load on the endpoint with the word "from" in each
  text, which sends each through rdflib's full check (skipped for a text without "service"
  or "from": see ``integrationskonzept.endpoint.worker.checked``);
* ``endpoint-runaway`` and ``oxigraph-runaway``: the load with one runaway query (a ``COUNT``
  over a three-way cartesian product) in flight all along, sent again by a client of its
  own as soon as it is answered (the others' latencies are what counts).

Writes ``benchmarks/results/load.json``: per phase the errors, the throughput (the median
round's, and each round's) and the latencies over all its rounds (p50, p90, p99, max; overall
and per named query), and the issue's targets: no
errors, p99 ≤ 100 ms for the named queries, throughput ≥ 0.8x Oxigraph's, and with a
runaway in flight the others' p99 ≤ 2x without.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import importlib.metadata
import json
import os
import platform
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results"
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
REQUEST_TIMEOUT_S = 120.0
_EXAMPLE = re.compile(r"z\. B\. (\S+)")


@dataclass(frozen=True)
class Job:
    """One request: the named query it asks and its bytes on the wire (host left to fill)."""

    name: str
    text: str


@dataclass
class Phase:
    """What one phase measured."""

    name: str
    latencies: dict[str, list[float]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    seconds: float = 0.0
    runaway_answers: list[int] = field(default_factory=list)

    def record(self, job: Job, seconds: float, error: str | None) -> None:
        if error is None:
            self.latencies.setdefault(job.name, []).append(seconds)
        else:
            self.errors.append(f"{job.name}: {error}")

    def summary(self) -> dict[str, Any]:
        every = [s for values in self.latencies.values() for s in values]
        answered = len(every)
        return {
            "requests": answered + len(self.errors),
            "errors": len(self.errors),
            "error_examples": sorted(set(self.errors))[:5],
            "seconds": round(self.seconds, 2),
            "throughput_per_s": round(answered / self.seconds, 1) if self.seconds else None,
            "latency_ms": _percentiles(every),
            "by_query_ms": {
                name: _percentiles(values) for name, values in sorted(self.latencies.items())
            },
            "runaway_statuses": self.runaway_answers,
        }


def _percentiles(values: list[float]) -> dict[str, float | None]:
    if not values:
        return {"p50": None, "p90": None, "p99": None, "max": None}
    ordered = sorted(values)

    def at(share: float) -> float:
        return round(ordered[min(len(ordered) - 1, int(share * len(ordered)))] * 1000, 2)

    return {"p50": at(0.50), "p90": at(0.90), "p99": at(0.99), "max": round(ordered[-1] * 1000, 2)}


# ---------------------------------------------------------------- the requests


def named_jobs() -> list[tuple[str, str]]:
    """Each named query as a full text: prefixes declared, example parameters as VALUES."""
    from integrationskonzept.namespaces import PREFIXES
    from integrationskonzept.query import named_queries

    prologue = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())
    jobs = []
    for name, named in named_queries().items():
        values = []
        for parameter in named.parameters:
            found = _EXAMPLE.search(parameter.description)
            if found is None:
                raise SystemExit(f"{name}: no example value for parameter {parameter.name}")
            prefix, _, local = found.group(1).rstrip(".,;").partition(":")
            values.append(f"VALUES ?{parameter.name} {{ <{PREFIXES[prefix]}{local}> }}")
        jobs.append((name, prologue + named.text.rstrip() + "\n" + "\n".join(values)))
    return jobs


def make_jobs(count: int, comment: str = "request") -> list[Job]:
    """``count`` requests over the named queries in turn, each text unique."""
    named = named_jobs()
    return [
        Job(name, f"# {comment} {number}\n{text}")
        for number, (name, text) in ((n, named[n % len(named)]) for n in range(count))
    ]


def _request(host: str, text: str) -> bytes:
    body = text.encode("utf-8")
    head = (
        f"POST /query HTTP/1.1\r\nHost: {host}\r\n"
        "Content-Type: application/sparql-query\r\nAccept: application/sparql-results+json\r\n"
        f"Content-Length: {len(body)}\r\n\r\n"
    )
    return head.encode("ascii") + body


# ---------------------------------------------------------------- the client


async def _read_answer(reader: asyncio.StreamReader) -> tuple[int, bytes, bool]:
    """Status, body and whether the server closes the connection after it."""
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = {k.strip().lower(): v.strip() for k, _, v in (x.partition(":") for x in lines[1:])}
    if headers.get("transfer-encoding", "").lower() == "chunked":
        parts = []
        while True:
            size = int((await reader.readuntil(b"\r\n")).split(b";")[0], 16)
            parts.append(await reader.readexactly(size + 2))
            if size == 0:
                break
        body = b"".join(part[:-2] for part in parts)
    else:
        body = await reader.readexactly(int(headers.get("content-length", "0")))
    return status, body, headers.get("connection", "").lower() == "close"


class Client:
    """One keep-alive connection that sends requests one after the other."""

    def __init__(self, address: tuple[str, int]) -> None:
        self.address = address
        self.streams: tuple[asyncio.StreamReader, asyncio.StreamWriter] | None = None

    async def send(self, text: str) -> tuple[int, bytes]:
        if self.streams is None:
            self.streams = await asyncio.open_connection(*self.address)
        reader, writer = self.streams
        try:
            writer.write(_request(self.address[0], text))
            status, body, closes = await _read_answer(reader)
        except BaseException:
            self.close()
            raise
        if closes:
            self.close()
        return status, body

    def close(self) -> None:
        if self.streams is not None:
            self.streams[1].close()
            self.streams = None


async def _load(
    address: tuple[str, int], jobs: list[Job], clients: int, phase: Phase, runaway: bool
) -> None:
    queue = iter(jobs)
    stop = asyncio.Event()

    async def client() -> None:
        connection = Client(address)
        for job in queue:
            started = time.perf_counter()
            try:
                status, body = await asyncio.wait_for(connection.send(job.text), REQUEST_TIMEOUT_S)
            except (OSError, asyncio.IncompleteReadError, TimeoutError) as exc:
                phase.record(job, 0.0, f"{type(exc).__name__}: {exc}")
                continue
            took = time.perf_counter() - started
            error = None if status == 200 else f"{status} {body[:120].decode('utf-8', 'replace')}"
            phase.record(job, took, error)
        connection.close()

    async def runaway_client() -> None:
        connection = Client(address)
        while not stop.is_set():
            sending = asyncio.ensure_future(connection.send(RUNAWAY))
            stopping = asyncio.ensure_future(stop.wait())
            await asyncio.wait({sending, stopping}, return_when=asyncio.FIRST_COMPLETED)
            stopping.cancel()
            if not sending.done():
                sending.cancel()
                break
            try:
                phase.runaway_answers.append(sending.result()[0])
            except (OSError, asyncio.IncompleteReadError) as exc:
                phase.errors.append(f"runaway: {exc!r}")
        connection.close()

    background = asyncio.ensure_future(runaway_client()) if runaway else None
    if background is not None:
        await asyncio.sleep(0.5)  # the runaway is running before the load starts
    started = time.perf_counter()
    await asyncio.gather(*(client() for _ in range(clients)))
    phase.seconds = time.perf_counter() - started
    stop.set()
    if background is not None:
        await background


def run_phase(
    name: str, address: tuple[str, int], jobs: list[Job], clients: int, runaway: bool = False
) -> Phase:
    phase = Phase(name)
    asyncio.run(_load(address, jobs, clients, phase, runaway))
    summary = phase.summary()
    print(
        f"{name:20} {summary['requests']:6} requests {summary['errors']:5} errors "
        f"{summary['throughput_per_s']:8} /s  p50 {summary['latency_ms']['p50']} ms  "
        f"p99 {summary['latency_ms']['p99']} ms",
        file=sys.stderr,
    )
    return phase


# ---------------------------------------------------------------- the servers


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def endpoint(data: str | None, timeout_s: int) -> Iterator[tuple[str, int]]:
    """``integrationskonzept serve`` as a process of its own; its address."""
    command = [sys.executable, "-m", "integrationskonzept", "serve", "--port", "0"]
    command += ["--timeout", str(timeout_s)] + (["--data", data] if data else [])
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        found = re.search(r"http://([\d.]+):(\d+)/query", line)
        if not found:
            raise SystemExit(f"serve did not start: {line!r}")
        yield found.group(1), int(found.group(2))
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()


@contextmanager
def oxigraph_server(
    data: str | None, timeout_s: int, in_memory: bool = False
) -> Iterator[tuple[str, int]]:
    """Oxigraph's own server on the same data; its address.

    ``oxigraph serve-read-only`` on a store on disk, or (``in_memory``) ``oxigraph serve``
    without a location, which keeps its store in memory, loaded over the Graph Store
    Protocol before the run (the endpoint's workers answer from memory too, for a city's
    knowledge base: :data:`integrationskonzept.serve.IN_MEMORY_MAX_QUADS`).
    """
    from integrationskonzept.load import load
    from integrationskonzept.publish.files.export import serialize
    from integrationskonzept.serve import build_store, oxigraph_binary, wait_until_up

    graph = load(data)
    with tempfile.TemporaryDirectory(prefix="ik-load-") as tmp:
        port = _free_port()
        bind = ["--bind", f"127.0.0.1:{port}", "--timeout-s", str(timeout_s)]
        if in_memory:
            command = [oxigraph_binary(), "serve", *bind]
        else:
            location = Path(tmp) / "store"
            build_store(graph, location)
            command = [oxigraph_binary(), "serve-read-only", "--location", str(location), *bind]
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        try:
            wait_until_up(f"http://127.0.0.1:{port}/query?query=ASK%7B%7D", process)
            if in_memory:
                upload = urllib.request.Request(
                    f"http://127.0.0.1:{port}/store?default",
                    data=serialize(graph, "ntriples").encode("utf-8"),
                    headers={"Content-Type": "application/n-triples"},
                    method="PUT",
                )
                with urllib.request.urlopen(upload, timeout=60) as answer:
                    answer.read()
            yield "127.0.0.1", port
        finally:
            process.kill()
            process.wait()


def check_same_answers(endpoint_at: tuple[str, int], oxigraph_at: tuple[str, int]) -> list[str]:
    """The named queries whose answers differ between the two servers (none, we hope)."""

    async def answers(address: tuple[str, int]) -> dict[str, Any]:
        connection = Client(address)
        found = {}
        for name, text in named_jobs():
            status, body = await connection.send(text)
            rows = json.loads(body)["results"]["bindings"] if status == 200 else None
            found[name] = (status, sorted(json.dumps(row, sort_keys=True) for row in rows or []))
        connection.close()
        return found

    ours, theirs = asyncio.run(answers(endpoint_at)), asyncio.run(answers(oxigraph_at))
    return [name for name in ours if ours[name] != theirs[name] or ours[name][0] != 200]


# ---------------------------------------------------------------- the run


def machine() -> dict[str, Any]:
    versions = {}
    for package in ("integrationskonzept", "pyoxigraph", "oxigraph", "uvicorn", "httptools"):
        try:
            versions[package] = importlib.metadata.version(package)
        except importlib.metadata.PackageNotFoundError:
            versions[package] = None
    return {
        "date": dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat(),
        "cpu_usable": len(os.sched_getaffinity(0)),
        # other work on the machine shares its cores with both servers alike
        "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
        "platform": platform.platform(),
        "python": platform.python_version(),
        "versions": versions,
    }


def targets(phases: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """The issue's load targets, each with the figures it compares."""
    ours, theirs = phases["endpoint"], phases["oxigraph"]
    ratio = (ours["throughput_per_s"] or 0) / (theirs["throughput_per_s"] or 1)
    p99 = ours["latency_ms"]["p99"] or 0
    runaway_p99 = phases["endpoint-runaway"]["latency_ms"]["p99"] or 0
    worst_named = max((q["p99"] or 0) for q in ours["by_query_ms"].values())
    in_memory = phases["oxigraph-memory"]["throughput_per_s"] or 1
    return {
        "no_errors": {"met": ours["errors"] == 0, "errors": ours["errors"]},
        "p99_at_most_100_ms": {
            "met": worst_named <= 100,
            "p99_ms": p99,
            "worst_named_query_p99_ms": worst_named,
        },
        "throughput_at_least_0.8x_oxigraph": {
            "met": ratio >= 0.8,
            "ratio": round(ratio, 3),
            # not the target's comparison (a writable server), shown beside it: the same
            # storage as the endpoint's workers, the engine's own cost without the front
            "ratio_to_oxigraph_in_memory": round((ours["throughput_per_s"] or 0) / in_memory, 3),
        },
        "runaway_p99_at_most_2x": {
            "met": runaway_p99 <= 2 * p99,
            "ratio": round(runaway_p99 / p99, 2) if p99 else None,
            "oxigraph_ratio": _ratio(phases["oxigraph-runaway"], theirs),
        },
    }


def _ratio(loaded: dict[str, Any], alone: dict[str, Any]) -> float | None:
    a, b = loaded["latency_ms"]["p99"], alone["latency_ms"]["p99"]
    return round(a / b, 2) if a and b else None


def summarise(rounds: list[Phase]) -> dict[str, Any]:
    """One phase over its rounds: latencies pooled, throughput the median round's."""
    pooled = Phase(rounds[0].name, seconds=sum(phase.seconds for phase in rounds))
    for phase in rounds:
        for name, values in phase.latencies.items():
            pooled.latencies.setdefault(name, []).extend(values)
        pooled.errors += phase.errors
        pooled.runaway_answers += phase.runaway_answers
    summary = pooled.summary()
    each = [phase.summary()["throughput_per_s"] or 0.0 for phase in rounds]
    summary["throughput_per_s"] = round(statistics.median(each), 1)
    summary["rounds_throughput_per_s"] = each
    return summary


def run(
    requests: int, clients: int, timeout_s: int, data: str | None, rounds: int = 3
) -> dict[str, Any]:
    started = time.perf_counter()
    about = machine()
    warm = make_jobs(min(500, requests), comment="warm-up")
    phases: dict[str, list[Phase]] = {}

    def measure(name: str, at: tuple[str, int], jobs: list[Job], runaway: bool = False) -> None:
        phases.setdefault(name, []).append(run_phase(name, at, jobs, clients, runaway))

    with (
        endpoint(data, timeout_s) as ours,
        oxigraph_server(data, timeout_s) as theirs,
        oxigraph_server(data, timeout_s, in_memory=True) as theirs_in_memory,
    ):
        differing = sorted(
            set(check_same_answers(ours, theirs)) | set(check_same_answers(ours, theirs_in_memory))
        )
        for address in (ours, theirs, theirs_in_memory):
            run_phase("warm-up", address, warm, clients)
        for number in range(rounds):  # interleaved, so that a busy moment hits all three
            jobs = make_jobs(requests, comment=f"round {number} request")
            measure("endpoint", ours, jobs)
            measure("oxigraph", theirs, jobs)
            measure("oxigraph-memory", theirs_in_memory, jobs)
        checked = make_jobs(max(1, requests // 5), comment="checked from rdflib")
        measure("endpoint-full-check", ours, checked)
        jobs = make_jobs(requests)
        measure("endpoint-runaway", ours, jobs, runaway=True)
        # last: Oxigraph's timeout does not stop a COUNT, which may go on using a core
        measure("oxigraph-runaway", theirs, jobs, runaway=True)
    summaries = {name: summarise(measured) for name, measured in phases.items()}
    return {
        "schema": 1,
        "machine": about,
        "settings": {
            "requests": requests,
            "rounds": rounds,
            "clients": clients,
            "timeout_s": timeout_s,
            "data": data or "bundled Leverkusen",
            "named_queries": [name for name, _ in named_jobs()],
            "runaway": RUNAWAY,
        },
        "answers_differ": differing,
        "phases": summaries,
        "targets": targets(summaries),
        "load_average_at_end": [round(x, 2) for x in os.getloadavg()],
        "total_seconds": round(time.perf_counter() - started, 1),
    }


def main(argv: list[str] | None = None) -> int:
    """Command line: ``load.py [--requests N] [--clients N] [--timeout S] [--output FILE]``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=10_000, help="requests per phase")
    parser.add_argument(
        "--rounds", type=int, default=3, help="rounds of the phases without a runaway"
    )
    parser.add_argument("--clients", type=int, default=50, help="concurrent clients")
    parser.add_argument("--timeout", type=int, default=10, help="query timeout of both servers")
    parser.add_argument("--data", help="folder of a city's Turtle files (default: Leverkusen)")
    parser.add_argument("--output", type=Path, default=RESULTS / "load.json")
    args = parser.parse_args(argv)
    document = run(args.requests, args.clients, args.timeout, args.data, args.rounds)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    tmp = args.output.with_name(args.output.name + ".tmp")
    tmp.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    tmp.replace(args.output)
    print(json.dumps(document["targets"], indent=2), file=sys.stderr)
    print(f"wrote {args.output} in {document['total_seconds']} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
