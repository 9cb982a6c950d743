"""A read-only SPARQL 1.1 Protocol endpoint: uvicorn in front, supervised Oxigraph workers.

``serve()`` loads the knowledge base into a fresh Oxigraph store in a temporary folder and
answers queries at ``/query`` until the ``with`` block ends:

* the HTTP side is uvicorn (:mod:`~integrationskonzept.endpoint.server`) on uvloop: HTTP/1.1
  with keep-alive, a listen backlog, deadlines for request heads and bodies;
* each request is checked (:mod:`~integrationskonzept.gateway`) and its query goes to one of
  a few worker processes (:mod:`~integrationskonzept.endpoint.pool`), each answering with
  pyoxigraph from a copy of the store in memory (from the store itself for a graph of more
  than :data:`IN_MEMORY_MAX_QUADS` quads): a query past its time is killed with its worker
  (504), a crash costs the one query (503), and the worker is replaced;
* the workers have no network (:mod:`~integrationskonzept.endpoint.isolation`): Oxigraph
  would call any URL named by ``SERVICE``; the check refuses ``SERVICE`` and ``FROM``, and a
  query the check missed still could not reach anything;
* leaving the block (also on ``SIGTERM`` or Ctrl-C in the command) stops the workers and
  removes the store.

It binds to loopback by default. Known limit: the store is rebuilt on every start (seconds
for one city); ``oxigraph`` (the command, a dependency) builds it.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph

from integrationskonzept.endpoint.app import SparqlApp
from integrationskonzept.endpoint.isolation import MECHANISMS
from integrationskonzept.endpoint.pool import Pool, WorkerGone, WorkerSettings
from integrationskonzept.endpoint.server import (
    GRACE_S,
    HEAD_TIMEOUT_S,
    listening_socket,
    running,
)
from integrationskonzept.errors import InputError
from integrationskonzept.gateway import MAX_QUERY_BYTES
from integrationskonzept.publish.files.export import serialize

DEFAULT_MEMORY_MB = 2048
"""Address space per worker: an idle one takes about 550 MB (mostly reserved, not used)."""
IN_MEMORY_MAX_QUADS = 1_000_000
"""Up to this many quads, each worker answers from a copy of the store in memory (a city's
knowledge base has tens of thousands); a larger graph is answered from the store on disk,
which all workers share."""


def default_workers() -> int:
    """Two workers per core: while one waits for its next query, the other uses the core,
    and a runaway query (until its timeout) holds only one of them."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return 2 * (cores or 1)


def oxigraph_binary() -> str:
    """The path of the ``oxigraph`` command (next to this Python first, then on PATH)."""
    beside = Path(sys.executable).parent / "oxigraph"
    found = str(beside) if beside.is_file() else shutil.which("oxigraph")
    if not found:
        raise InputError(
            "the 'oxigraph' command is not installed",
            hint="pip install oxigraph (it is a dependency of integrationskonzept)",
        )
    return found


def build_store(graph: Graph, location: Path) -> None:
    """Load ``graph`` into a new Oxigraph store at ``location`` (default graph)."""
    dump = location.parent / "knowledge-base.nt"
    dump.write_text(serialize(graph, "ntriples"), encoding="utf-8")
    subprocess.run(
        [oxigraph_binary(), "load", "--location", str(location), "--file", str(dump)],
        check=True,
        capture_output=True,
    )
    dump.unlink()


@dataclass(frozen=True)
class Endpoint:
    """A running endpoint: its base URL, its workers and what keeps them off the network."""

    url: str
    pool: Pool
    stopped: threading.Event

    @property
    def query_url(self) -> str:
        return f"{self.url}/query"

    @property
    def isolation(self) -> tuple[str, ...]:
        """The mechanisms that keep every worker from opening network connections."""
        return self.pool.isolation

    def worker_pids(self) -> list[int]:
        """The process ids of the query workers now running."""
        return self.pool.pids()

    def wait(self, seconds: float | None = None) -> bool:
        """Wait until the HTTP server stops (only if it fails); whether it has."""
        return self.stopped.wait(seconds)


def wait_until_up(url: str, process: subprocess.Popen[bytes], seconds: float = 20.0) -> None:
    """Poll ``url`` until the server answers; raise if it exits or does not come up."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            err = process.stderr.read().decode() if process.stderr else ""
            raise InputError(f"the oxigraph server stopped: {err.strip()[:300]}")
        try:
            with urllib.request.urlopen(url, timeout=1):
                return
        except urllib.error.HTTPError:
            return  # it answers, even if with an error status
        except OSError:
            time.sleep(0.1)
    process.terminate()
    raise InputError(f"the oxigraph server did not answer at {url} within {seconds:.0f} s")


def _url(sock: socket.socket) -> str:
    host, port = sock.getsockname()[:2]
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}"


@contextmanager
def serve(
    graph: Graph,
    *,
    host: str = "127.0.0.1",
    port: int = 7878,
    timeout_s: int = 10,
    cors: bool = False,
    read_only: bool = True,
    workers: int | None = None,
    memory_mb: int = DEFAULT_MEMORY_MB,
    max_query_bytes: int = MAX_QUERY_BYTES,
    head_timeout_s: float = HEAD_TIMEOUT_S,
    isolation: Sequence[str] = MECHANISMS,
) -> Iterator[Endpoint]:
    """Serve ``graph`` read-only at ``http://host:port/query`` for the ``with`` block.

    ``timeout_s`` bounds each query (its worker is killed after it); ``workers`` is how many
    queries run at once (default: :func:`default_workers`); ``memory_mb`` the address space
    of each worker; larger queries than ``max_query_bytes`` are refused (413); a request's head,
    and then its body, must arrive within ``head_timeout_s`` each; ``isolation`` names the
    mechanisms to try (:data:`~integrationskonzept.endpoint.isolation.MECHANISMS`).
    ``read_only=False`` (Oxigraph's writable server, once) is refused: use ``push``.
    """
    if not read_only:
        raise InputError(
            "this endpoint only answers queries",
            hint="to write, push the knowledge base into a store of your own (push)",
        )
    sock = listening_socket(host, port)  # a port in use fails before the store is built
    try:
        with tempfile.TemporaryDirectory(prefix="ik-serve-") as tmp:
            location = Path(tmp) / "store"
            build_store(graph, location)
            settings = WorkerSettings(
                location,
                memory_mb,
                isolation=tuple(isolation),
                in_memory=len(graph) <= IN_MEMORY_MAX_QUADS,
            )
            pool = Pool(settings, workers or default_workers(), float(timeout_s))
            try:
                try:
                    pool.start()
                except (WorkerGone, OSError) as exc:
                    raise InputError(f"the query workers did not start: {exc}") from exc
                url = _url(sock)
                app = SparqlApp(
                    pool,
                    url,
                    cors=cors,
                    max_query_bytes=max_query_bytes,
                    body_timeout_s=head_timeout_s,
                )
                with running(app, sock, head_timeout_s=head_timeout_s) as stopped:
                    try:
                        yield Endpoint(url, pool, stopped)
                    finally:
                        pool.drain(GRACE_S)  # then the server's own shutdown is quick
            finally:
                pool.close()  # before the folder goes: the workers hold the store open
    finally:
        sock.close()
