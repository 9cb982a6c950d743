"""A query worker: a process of its own that checks one query at a time and evaluates it.

The server (:mod:`.pool`) starts a few of these as ``python -m
integrationskonzept.endpoint.worker``, each reading the same read-only Oxigraph store, and
sends each one query at a time over its stdin (:mod:`.frames`). Being a process is the
point: the server kills a worker whose query runs past the timeout (killed, not asked: a
``COUNT`` over a cartesian product never reaches a point where it could be asked), a crash
(a stack overflow in Oxigraph's parser, the memory limit) costs the one query in it, and the
worker starts without the network (:mod:`.isolation`), so no query can call out.

The check runs here too, right before the evaluation of the very string it checked
(:func:`checked`), so a slow check (rdflib takes seconds over a long ``||`` chain) is bounded
by the same timeout and costs no other client anything.
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import os
import resource
import signal
import sys
from dataclasses import dataclass
from typing import Any

from integrationskonzept.endpoint.formats import GRAPHS, RESULTS, choose
from integrationskonzept.endpoint.frames import read_frame, write_frame
from integrationskonzept.endpoint.isolation import MECHANISMS, isolate
from integrationskonzept.errors import QueryError
from integrationskonzept.namespaces import PREFIXES
from integrationskonzept.query.runner import check_safe, normalise

_PR_SET_PDEATHSIG = 1
_TEXT = "text/plain; charset=utf-8"


@dataclass(frozen=True)
class Reply:
    """A worker's answer: the HTTP status, the media type and the body (or the reason)."""

    status: int
    media_type: str
    body: bytes

    @classmethod
    def refusal(cls, status: int, reason: str) -> Reply:
        return cls(status, _TEXT, (reason + "\n").encode("utf-8"))


class AnswerTooLarge(Exception):
    """Raised by :class:`_Bounded` when an answer passes the limit."""


class _Bounded:
    """A file-like sink for Oxigraph's serialiser that refuses more than ``limit`` bytes."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.size = 0
        self.parts: list[bytes] = []

    def write(self, data: bytes) -> int:
        self.size += len(data)
        if self.size > self.limit:
            raise AnswerTooLarge
        self.parts.append(bytes(data))
        return len(data)

    def flush(self) -> None:
        pass


def checked(text: str) -> str:
    """The text to evaluate: normalised, and refused if it could reach outside the graph.

    rdflib's parse (in :func:`~integrationskonzept.query.runner.check_safe`) costs ~13 ms,
    ten times Oxigraph's answer to a typical query. It is needed only where ``SERVICE`` or
    ``FROM`` could be: a keyword is ASCII letters that both parsers match without regard to
    case, and :func:`~integrationskonzept.query.runner.normalise` refuses escapes of ASCII
    characters, so a text in which neither word occurs anywhere (in any case, comments,
    strings and IRIs included) holds neither keyword, whoever parses it.
    """
    text = normalise(text)
    folded = text.casefold()
    if "service" in folded or "from" in folded:
        return check_safe(text)
    return text


def evaluate(store: Any, text: str, accept: str, max_answer_bytes: int) -> Reply:
    """Evaluate ``text`` on ``store`` as it is (no check: the engine alone), serialised.

    ``store`` is a ``pyoxigraph.Store``. The whole answer is serialised here before it is
    sent, so an answer is either complete or not sent at all.
    """
    import pyoxigraph

    try:
        result = store.query(text, prefixes=PREFIXES)
        graph = isinstance(result, pyoxigraph.QueryTriples)
        offered = GRAPHS if graph else RESULTS
        media = choose(accept, offered)
        if media is None:
            return Reply.refusal(
                406, f"none of the formats asked for is available; ask for one of {sorted(offered)}"
            )
        sink = _Bounded(max_answer_bytes)
        if graph:
            result.serialize(sink, pyoxigraph.RdfFormat.from_media_type(media))
        else:
            result.serialize(sink, pyoxigraph.QueryResultsFormat.from_media_type(media))
    except SyntaxError as exc:
        return Reply.refusal(400, f"the query does not parse: {str(exc).splitlines()[0]}")
    except AnswerTooLarge:
        return Reply.refusal(
            507,
            f"the answer is larger than {max_answer_bytes // 2**20} MiB; "
            "narrow the query (LIMIT, fewer variables)",
        )
    except (OSError, RuntimeError, ValueError, TypeError) as exc:
        return Reply.refusal(500, f"the query failed: {exc}")
    charset = "; charset=utf-8" if media.startswith("text/") or media.endswith("json") else ""
    return Reply(200, media + charset, b"".join(sink.parts))


def answer(store: Any, text: str, accept: str, max_answer_bytes: int) -> Reply:
    """Check ``text`` (:func:`checked`), then evaluate the checked text."""
    try:
        safe = checked(text)
    except QueryError as exc:
        return Reply.refusal(400, str(exc).splitlines()[0])
    return evaluate(store, safe, accept, max_answer_bytes)


def open_store(location: str, *, in_memory: bool) -> Any:
    """The ``pyoxigraph.Store`` to answer from: the read-only store at ``location``, or a copy
    of it in memory.

    A city's knowledge base is small (Leverkusen: about 11,000 quads), and Oxigraph answers
    it about three times faster from memory than through RocksDB (0.45 ms against 1.4 ms per
    named query on this project's benchmark machine): a copy takes well under a second.
    The server asks for one only up to a size
    (:data:`integrationskonzept.serve.IN_MEMORY_MAX_QUADS`). pyoxigraph is imported here,
    after :func:`~.isolation.isolate`, which needs a process of one thread.
    """
    import pyoxigraph

    on_disk = pyoxigraph.Store.read_only(location)
    if not in_memory:
        return on_disk
    copy = pyoxigraph.Store()
    # extend, not bulk_extend: the bulk loader's threads reserve ~180 MB of address space,
    # which counts against the worker's memory limit (RLIMIT_AS)
    copy.extend(on_disk.quads_for_pattern(None, None, None, None))
    del on_disk  # RocksDB's files and caches are not needed any more
    return copy


def _die_with(parent: int) -> None:
    """Be killed when the server dies, even by ``SIGKILL`` (a runaway never reads stdin)."""
    prctl = getattr(ctypes.CDLL(None, use_errno=True), "prctl", None)  # Linux only
    if prctl is not None:
        prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # it died before the line above
        os._exit(1)


def _batch_scheduling() -> None:
    """Ask the kernel to treat this process as the CPU-bound batch work it is.

    A worker is woken by the server handing it a query; at normal policy the woken worker
    may take the core from the server mid-write, and every other client waits for the
    server's event loop until the worker's time slice ends. ``SCHED_BATCH`` processes do
    not preempt on wake-up (and need no privilege).
    """
    if hasattr(os, "sched_setscheduler") and hasattr(os, "SCHED_BATCH"):
        with contextlib.suppress(OSError):
            os.sched_setscheduler(0, os.SCHED_BATCH, os.sched_param(0))


def _options(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="integrationskonzept.endpoint.worker")
    parser.add_argument("--store", required=True, help="the read-only Oxigraph store")
    parser.add_argument("--parent", type=int, required=True, help="the server's pid")
    parser.add_argument("--memory-mb", type=int, default=0, help="address space limit (0: none)")
    parser.add_argument("--max-answer-bytes", type=int, default=64 * 2**20)
    parser.add_argument(
        "--in-memory",
        action="store_true",
        help="copy the store into memory and answer from the copy",
    )
    parser.add_argument(
        "--isolation",
        default=",".join(MECHANISMS),
        help=f"comma-separated, of {', '.join(MECHANISMS)}; 'none' for none",
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Serve queries from stdin until it ends; the first frame out says it is ready."""
    options = _options(argv)
    wanted = [] if options.isolation == "none" else options.isolation.split(",")
    in_force = isolate(wanted)  # first, while this process has one thread
    _die_with(options.parent)
    _batch_scheduling()
    if options.memory_mb > 0:
        limit = options.memory_mb * 2**20
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    replies = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # whatever else prints must not end up inside a frame
    requests = sys.stdin.buffer
    store = open_store(options.store, in_memory=options.in_memory)
    write_frame(replies, {"pid": os.getpid(), "isolation": list(in_force)})
    while (frame := read_frame(requests)) is not None:
        meta, body = frame
        accept = str(meta.get("accept", ""))
        reply = answer(store, body.decode("utf-8"), accept, options.max_answer_bytes)
        write_frame(replies, {"status": reply.status, "type": reply.media_type}, reply.body)
    return 0


if __name__ == "__main__":
    sys.exit(main())
