"""The query check and ``query()`` from many threads at once: no valid query is refused.

pyparsing (rdflib's SPARQL parser) learns each parse action's arity on its first call,
without a lock; concurrent first parses of different texts used to leave it confused, and
every later parse failed (``<lambda>() missing 1 required positional argument``). That state
is per process, so the test runs in a fresh interpreter: the first parses must be the
concurrent ones.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

THREADS = 8
QUERIES_PER_THREAD = 50

_SCRIPT = textwrap.dedent(
    """
    import json, sys, threading
    from rdflib import Graph, URIRef
    from integrationskonzept.load import new_graph
    from integrationskonzept.query import query
    from integrationskonzept.query.runner import check_safe

    threads, per_thread = int(sys.argv[1]), int(sys.argv[2])
    graphs = {}
    for backend in ("memory", "oxigraph"):
        graphs[backend] = new_graph(backend)
        graphs[backend].add((URIRef("urn:x:a"), URIRef("urn:x:b"), URIRef("urn:x:c")))
    refused = []
    start = threading.Barrier(threads)

    def work(t):
        graph = graphs["memory" if t % 2 == 0 else "oxigraph"]
        start.wait()
        for i in range(per_thread):
            # distinct texts that reach many parse actions (functions, filters, aggregates)
            text = (
                f"SELECT ?s (STR(?o) AS ?v{t}_{i}) (COUNT(?p) AS ?n) WHERE {{ ?s ?p ?o "
                f"FILTER(?o != <urn:x:n{t}-{i}> && REGEX(STR(?s), 'a') || {i} > {t}) }} "
                f"GROUP BY ?s ?o LIMIT {i + 1}"
            )
            try:
                check_safe(text)
                rows = query(text, graph, timeout=60).rows
                if len(rows) != 1:
                    refused.append(f"{len(rows)} rows for {text}")
            except Exception as exc:
                refused.append(f"{exc!r} for {text}")

    workers = [threading.Thread(target=work, args=(t,)) for t in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    print(json.dumps(refused))
    """
)


def test_concurrent_distinct_queries_in_a_fresh_process_are_all_answered() -> None:
    done = subprocess.run(
        [sys.executable, "-c", _SCRIPT, str(THREADS), str(QUERIES_PER_THREAD)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    refused = json.loads(done.stdout.strip().splitlines()[-1])
    assert refused == [], f"{len(refused)} of {THREADS * QUERIES_PER_THREAD}: {refused[:3]}"
