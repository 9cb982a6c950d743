"""A read-only SPARQL 1.1 Protocol endpoint on Oxigraph's server.

``serve()`` exports the knowledge base as N-Quads, loads it into a fresh Oxigraph store in a
temporary folder and starts ``oxigraph serve-read-only`` on it: a real engine that answers at
``/query`` with a query timeout, refuses updates and Graph Store writes, sends no CORS headers
unless asked, and serves its browser UI at ``/``. Oxigraph listens on a private loopback
port only; clients talk to the :mod:`~integrationskonzept.gateway` in front of it, which
refuses ``SERVICE`` and ``FROM`` (Oxigraph itself would call any URL named by ``SERVICE``).
It binds to loopback by default.

Known limit: the ``oxigraph`` command comes from the ``oxigraph`` package on PyPI (a
dependency); the store is rebuilt on every start (seconds for one city).
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph

from integrationskonzept.errors import InputError
from integrationskonzept.gateway import gateway
from integrationskonzept.publish.files.export import serialize


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


@dataclass(frozen=True)
class Endpoint:
    """A running endpoint: its base URL (the gateway's) and the Oxigraph server process."""

    url: str
    process: subprocess.Popen[bytes]

    @property
    def query_url(self) -> str:
        return f"{self.url}/query"


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


def _free_loopback_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def serve(
    graph: Graph,
    *,
    host: str = "127.0.0.1",
    port: int = 7878,
    timeout_s: int = 10,
    cors: bool = False,
    read_only: bool = True,
) -> Iterator[Endpoint]:
    """Run an Oxigraph server on ``graph`` for the duration of the ``with`` block."""
    with tempfile.TemporaryDirectory(prefix="ik-serve-") as tmp:
        location = Path(tmp) / "store"
        build_store(graph, location)
        backend = ("127.0.0.1", _free_loopback_port())
        command = [
            oxigraph_binary(),
            "serve-read-only" if read_only else "serve",
            "--location", str(location),
            "--bind", f"{backend[0]}:{backend[1]}",
        ]  # fmt: skip
        if read_only:
            command += ["--timeout-s", str(timeout_s)]
        if cors:
            command.append("--cors")
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        try:
            wait_until_up(f"http://{backend[0]}:{backend[1]}/query?query=ASK%7B%7D", process)
            with gateway(host, port, backend, wait_s=timeout_s + 30.0) as (bound_host, bound):
                shown = f"[{bound_host}]" if ":" in bound_host else bound_host
                yield Endpoint(f"http://{shown}:{bound}", process)
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
