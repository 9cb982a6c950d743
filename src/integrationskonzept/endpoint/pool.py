"""Supervised query workers: a timeout that kills, a crash that costs one query, a restart.

:class:`Pool` keeps ``size`` :mod:`.worker` processes and hands each query to an idle one
(first come, first served: :mod:`.handout`), over its pipes (:mod:`.channel`).
The server's event loop never blocks on a worker: it talks to each over the worker's pipes,
with a deadline. What can happen to a query:

* it is answered: the worker goes back to the idle ones;
* its time is up: the worker is killed (``SIGKILL``: Oxigraph cannot be interrupted before
  the first row of a ``COUNT`` or ``ORDER BY``), the client gets 504, a new worker starts;
* the worker dies (a segfault, the memory limit): the client gets 503, a new worker starts;
* the client leaves or the server stops: the worker is killed and replaced;
* it has used :data:`SLOW_CPU_S` of CPU time: its worker gets the lowest CPU priority, so
  that one slow query does not slow every other client down, and is replaced after it
  (CPU time, not time waited: a quick query on a busy machine is not a slow one).

Workers are started from the pool's own threads, which live as long as the pool: a worker
dies with the thread that started it (``PR_SET_PDEATHSIG``), so even a killed server leaves
no worker behind.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import select
import signal
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from integrationskonzept.endpoint.channel import Channel, ChannelClosed
from integrationskonzept.endpoint.frames import HEAD, encode_frame
from integrationskonzept.endpoint.handout import Handout
from integrationskonzept.endpoint.isolation import MECHANISMS
from integrationskonzept.endpoint.worker import Reply

LOG = logging.getLogger("integrationskonzept.endpoint")
START_S = 60.0
"""How long a new worker may take to open the store and say it is ready."""
SLOW_CPU_S = 0.25
"""A query that has used this much CPU time goes on at the lowest CPU priority (a named query
of a city takes a few milliseconds)."""
_WATCH_S = 0.25


class WorkerGone(Exception):
    """The worker process ended (or never started); the message says how."""


@dataclass(frozen=True)
class WorkerSettings:
    """How to start a worker: the store it reads and the limits it runs under."""

    store: Path
    memory_mb: int = 2048
    max_answer_bytes: int = 64 * 2**20
    isolation: tuple[str, ...] = MECHANISMS
    in_memory: bool = False
    """Answer from a copy of the store in memory (see :func:`.worker.open_store`)."""

    def command(self) -> list[str]:
        return [
            sys.executable, "-m", "integrationskonzept.endpoint.worker",
            "--store", str(self.store),
            "--parent", str(os.getpid()),
            "--memory-mb", str(self.memory_mb),
            "--max-answer-bytes", str(self.max_answer_bytes),
            "--isolation", ",".join(self.isolation) or "none",
        ] + (["--in-memory"] if self.in_memory else [])  # fmt: skip


def _exit_reason(returncode: int | None) -> str:
    if returncode is None:
        return "it stopped answering"
    if returncode < 0:
        try:
            return f"killed by {signal.Signals(-returncode).name}"
        except ValueError:
            return f"killed by signal {-returncode}"
    return f"exit status {returncode}"


class Worker:
    """One worker process and its pipes: started (and waited for) in the pool's threads,
    asked queries on the event loop."""

    def __init__(self, command: list[str]) -> None:
        # A session of its own: Ctrl-C in a terminal reaches the server, which stops its
        # workers itself, and not each worker with a traceback of its own.
        self.process = subprocess.Popen(
            command,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            close_fds=True,
            start_new_session=True,
            # glibc reserves 64 MB of address space per thread that allocates (RocksDB's
            # threads do); under the worker's memory limit (RLIMIT_AS) that made its start
            # fail now and then (555-750 MB reserved; with two arenas 290 MB, every time)
            env={**os.environ, "MALLOC_ARENA_MAX": "2"},
        )
        assert self.process.stdin is not None and self.process.stdout is not None
        self._out = self.process.stdout.fileno()
        self.isolation: tuple[str, ...] = ()
        self.slow = False
        self._channel = Channel(write_to=self.process.stdin.fileno(), read_from=self._out)

    @property
    def pid(self) -> int:
        return self.process.pid

    def wait_ready(self, seconds: float = START_S) -> None:
        """Read the worker's first frame (what isolates it), or :class:`WorkerGone`."""
        deadline = time.monotonic() + seconds
        received = bytearray()
        wanted = HEAD.size
        while len(received) < wanted:
            ready, _, _ = select.select([self._out], [], [], max(0.0, deadline - time.monotonic()))
            if not ready:
                self.kill()
                raise WorkerGone(f"a query worker did not start within {seconds:.0f} s")
            chunk = os.read(self._out, wanted - len(received))
            if not chunk:
                raise WorkerGone(f"a query worker stopped as it started ({self.ended()})")
            received += chunk
            if wanted == HEAD.size == len(received):
                meta_size, body_size = HEAD.unpack(received)
                wanted += meta_size + body_size
        meta_end = HEAD.size + HEAD.unpack_from(received)[0]
        self.isolation = tuple(json.loads(received[HEAD.size : meta_end]).get("isolation", ()))

    async def ask(self, request: bytes) -> tuple[dict[str, Any], bytes]:
        """Send ``request`` (a frame) and read the reply, on the event loop's thread."""
        try:
            return await self._channel.exchange(request)
        except ChannelClosed:
            for _ in range(500):  # its exit status, in a moment
                if self.process.poll() is not None:
                    break
                await asyncio.sleep(0.01)
            raise WorkerGone(_exit_reason(self.process.poll())) from None

    def close_pipes(self) -> None:
        """Stop the event loop watching the worker's pipes (on the loop's thread, before
        :meth:`kill` closes them)."""
        self._channel.detach()

    def ended(self) -> str:
        """How the process ended (waiting a moment for its status)."""
        try:
            return _exit_reason(self.process.wait(timeout=5))
        except subprocess.TimeoutExpired:
            return _exit_reason(None)

    def cpu_seconds(self) -> float:
        """The CPU time the process has used (0 if it cannot be read)."""
        try:
            stat = Path(f"/proc/{self.pid}/stat").read_text()
        except OSError:
            return 0.0
        fields = stat.rsplit(")", 1)[1].split()  # after the command name, which may hold spaces
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def lower_priority(self) -> None:
        """Let the process run only when nothing else wants the core (``SCHED_IDLE``, or
        where that is refused the lowest priority, nice 19)."""
        try:
            os.sched_setscheduler(self.pid, os.SCHED_IDLE, os.sched_param(0))
        except (AttributeError, OSError):
            with contextlib.suppress(OSError):
                os.setpriority(os.PRIO_PROCESS, self.pid, 19)
        self.slow = True

    def kill(self) -> None:
        """Kill the process and reap it (a no-op if it has ended)."""
        with contextlib.suppress(ProcessLookupError):
            self.process.kill()
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(timeout=10)
        for pipe in (self.process.stdin, self.process.stdout):
            if pipe is not None:
                with contextlib.suppress(OSError):
                    pipe.close()


def _shutting_down() -> Reply:
    return Reply.refusal(503, "the endpoint is shutting down; try again when it is back")


class Pool:
    """``size`` supervised workers; :meth:`ask` runs one query on one of them."""

    def __init__(
        self, settings: WorkerSettings, size: int, timeout_s: float, wait_s: float | None = None
    ) -> None:
        self.settings = settings
        self.size = size
        self.timeout_s = timeout_s
        self.wait_s = timeout_s if wait_s is None else wait_s
        self.isolation: tuple[str, ...] = ()
        self._spawner = ThreadPoolExecutor(size, thread_name_prefix="ik-worker-start")
        self._lock = threading.Lock()
        self._workers: set[Worker] = set()
        self._started: list[Worker] = []
        self._idle: Handout[Worker] | None = None  # created on the event loop's thread
        self._loop: asyncio.AbstractEventLoop | None = None
        self._tasks: set[asyncio.Task[None]] = set()
        self._busy = 0
        self._closing = False

    # ------------------------------------------------------------ any thread

    def start(self) -> None:
        """Start every worker and wait until each is ready (blocking; before serving)."""
        starts = [self._spawner.submit(self._spawn) for _ in range(self.size)]
        self._started = [start.result() for start in starts]
        self.isolation = tuple(
            m for m in MECHANISMS if all(m in w.isolation for w in self._started)
        )

    def pids(self) -> list[int]:
        """The process ids of the workers now running."""
        with self._lock:
            return sorted(w.pid for w in self._workers)

    def idle(self) -> int:
        """How many workers are ready and waiting for a query."""
        return len(self._idle) if self._idle is not None else len(self._started)

    def drain(self, seconds: float) -> None:
        """Refuse new queries (503), give running ones ``seconds`` to end, then stop them."""
        self._closing = True
        if self._loop is not None and self._idle is not None and not self._loop.is_closed():
            with contextlib.suppress(RuntimeError):  # the loop has just stopped
                self._loop.call_soon_threadsafe(self._idle.close)
        deadline = time.monotonic() + seconds
        while self._busy and time.monotonic() < deadline:
            time.sleep(0.02)
        with self._lock:
            workers = list(self._workers)
        for worker in workers:
            with contextlib.suppress(ProcessLookupError):
                worker.process.kill()

    def close(self) -> None:
        """Kill every worker and stop the pool's threads (idempotent)."""
        self._closing = True
        with self._lock:
            workers = list(self._workers)
            self._workers.clear()
        for worker in workers:
            worker.kill()
        self._spawner.shutdown(wait=True, cancel_futures=True)
        with self._lock:  # one that was starting meanwhile
            late = list(self._workers)
        for worker in late:
            worker.kill()

    def _spawn(self) -> Worker:
        worker = Worker(self.settings.command())
        with self._lock:
            self._workers.add(worker)
        try:
            worker.wait_ready()
        except WorkerGone:
            self._forget(worker)
            raise
        return worker

    def _forget(self, worker: Worker) -> None:
        worker.kill()
        with self._lock:
            self._workers.discard(worker)

    def _renew(self, old: Worker) -> Worker | None:
        """Kill ``old`` and start its successor, retrying while the pool is open."""
        self._forget(old)
        pause = 0.5
        while not self._closing:
            try:
                return self._spawn()
            except (WorkerGone, OSError) as exc:
                if self._closing:
                    break
                LOG.error("a query worker could not start (%s); trying again", exc)
                time.sleep(pause)
                pause = min(pause * 2, 30.0)
        return None

    # ------------------------------------------------------------ the event loop's thread

    def _handout(self) -> Handout[Worker]:
        if self._idle is None:
            self._loop = asyncio.get_running_loop()
            self._idle = Handout(self._started)
        return self._idle

    def _replace(self, old: Worker) -> None:
        with contextlib.suppress(ProcessLookupError):  # now: a runaway stops burning a core
            old.process.kill()
        old.close_pipes()

        async def renew() -> None:
            loop = asyncio.get_running_loop()
            with contextlib.suppress(RuntimeError):  # the pool closed meanwhile
                new = await loop.run_in_executor(self._spawner, self._renew, old)
                if new is not None:
                    self._handout().give(new)

        task = asyncio.get_running_loop().create_task(renew())
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def ask(self, text: str, accept: str) -> Reply:
        """Run ``text`` on an idle worker: its reply, or 503 / 504 with the reason."""
        idle = self._handout()
        if self._closing:
            return _shutting_down()
        try:
            # a timeout scope, not wait_for: no task of its own for each request
            async with asyncio.timeout(self.wait_s):
                worker = await idle.take()
        except TimeoutError:
            return Reply.refusal(
                503, f"all {self.size} query workers stayed busy for {self.wait_s:g} s; try again"
            )
        if worker is None:  # closing
            return _shutting_down()
        if worker.process.poll() is not None:  # died while idle: not this query's doing
            self._replace(worker)
            return await self.ask(text, accept)
        self._busy += 1
        try:
            return await self._exchange(worker, text, accept)
        finally:
            self._busy -= 1

    async def _exchange(self, worker: Worker, text: str, accept: str) -> Reply:
        loop = asyncio.get_running_loop()
        request = encode_frame({"accept": accept}, text.encode("utf-8"))
        timer: list[asyncio.TimerHandle] = []
        # The CPU time so far is read from the first tick on, not now: most queries end
        # before it, and reading /proc costs more than the rest of a hand-over.
        spent: list[float] = []

        def watch() -> None:
            used = worker.cpu_seconds()
            if not spent:
                spent.append(used)
            elif used - spent[0] >= SLOW_CPU_S:
                worker.lower_priority()
                return
            timer[:] = [loop.call_later(_WATCH_S, watch)]

        timer.append(loop.call_later(_WATCH_S, watch))
        try:
            async with asyncio.timeout(self.timeout_s):
                meta, body = await worker.ask(request)
        except TimeoutError:
            self._replace(worker)
            LOG.warning(
                "query worker %d stopped: past the timeout (%g s)", worker.pid, self.timeout_s
            )
            return Reply.refusal(
                504,
                f"the query took longer than {self.timeout_s:g} s and was stopped; "
                "narrow it (more specific patterns, LIMIT)",
            )
        except WorkerGone as exc:
            if self._closing:
                return _shutting_down()
            self._replace(worker)
            LOG.warning("query worker %d ended during a query: %s", worker.pid, exc)
            memory = self.settings.memory_mb
            limit = f"; the memory limit is {memory} MB" if "SIGABRT" in str(exc) else ""
            return Reply.refusal(
                503,
                f"the query engine stopped on this query ({exc}{limit}); the endpoint goes on, "
                "but this query cannot be answered here (simplify it)",
            )
        except BaseException:  # cancelled: the client left or the server stops
            self._replace(worker)
            raise
        finally:
            timer[0].cancel()
        if worker.slow:
            self._replace(worker)
        else:
            self._handout().give(worker)
        return Reply(int(meta["status"]), str(meta["type"]), body)
