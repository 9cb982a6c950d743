"""``serve`` stopped by SIGTERM or Ctrl-C (SIGINT) leaves no process and no store behind.

Once, SIGTERM ended the command but left the Oxigraph child running on its temporary store,
listening on loopback without the gateway in front. Here the command runs as a process of
its own with a query in flight; after the signal, it has ended with status 0, every worker
it started is gone and its temporary folder is removed.
"""

from __future__ import annotations

import os
import re
import select
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from .conftest import post_query

pytestmark = pytest.mark.slow

RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def _first_line(process: subprocess.Popen[str], seconds: float) -> str:
    assert process.stdout is not None
    ready, _, _ = select.select([process.stdout], [], [], seconds)
    assert ready, "serve printed nothing"
    return process.stdout.readline()


def _children(parent: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == parent:
                found.append(int(entry.name))
    return found


def _running(pid: int) -> bool:
    """Whether ``pid`` is a process that has not ended (a zombie has ended)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_a_signal_stops_serve_and_leaves_no_child_and_no_store(
    tmp_path: Path, signum: signal.Signals
) -> None:
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    process = subprocess.Popen(
        [sys.executable, "-m", "integrationskonzept", "serve", "--port", "0", "--timeout", "60"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "TMPDIR": str(temporary)},
    )
    try:
        line = _first_line(process, 120)
        found = re.search(r"SPARQL endpoint: (\S+/query)", line)
        assert found, line
        query_url = found.group(1)
        assert post_query(query_url, "ASK { ?s ?p ?o }")[0] == 200
        in_flight = threading.Thread(target=post_query, args=(query_url, RUNAWAY), daemon=True)
        in_flight.start()
        time.sleep(0.5)
        workers = _children(process.pid)
        assert len(workers) >= 2
        assert [p.name[:9] for p in temporary.iterdir()] == ["ik-serve-"]
        process.send_signal(signum)
        process.wait(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    _, errors = process.communicate()
    assert process.returncode == 0, errors[-2000:]
    assert "network isolation of the query workers: " in errors
    assert "stopped" in errors
    assert "Traceback" not in errors
    deadline = time.monotonic() + 5
    while any(_running(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert [pid for pid in workers if _running(pid)] == []
    assert list(temporary.iterdir()) == []
