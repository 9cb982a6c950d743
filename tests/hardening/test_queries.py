"""Hostile queries through the command line and the in-process engine, on both backends.

(The endpoint's side of the same rules is in ``tests/query/test_serve.py``.)
"""

from __future__ import annotations

import threading
import time

import pytest
from click.testing import CliRunner
from rdflib import Graph

from integrationskonzept.cli import main
from integrationskonzept.errors import QueryError
from integrationskonzept.query import query

BACKENDS = ["memory", "oxigraph"]
# ~9,000 triples joined three times: far more rows than any engine reads in a minute
RUNAWAY = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
REMOTE = [
    "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
    "SELECT * FROM <http://127.0.0.1:9/remote.ttl> WHERE { ?s ?p ?o }",
    "SELECT * FROM NAMED <http://127.0.0.1:9/g> WHERE { GRAPH ?g { ?s ?p ?o } }",
]


def _cli(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("text", REMOTE)
def test_cli_refuses_service_and_from(backend: str, text: str) -> None:
    code, out, err = _cli("query", "--text", text, "--backend", backend)
    assert code == 2
    assert out == ""
    assert "not allowed" in err and "local graph" in err
    assert "Traceback" not in err


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(
    "value", ["x> } UNION { ?s ?p ?o } #", "lev:field/C> . ?x ?y ?z", "<javascript:alert(1)>"]
)
def test_cli_refuses_injection_through_a_parameter(backend: str, value: str) -> None:
    code, out, err = _cli(
        "query", "goals-of-topic", "--param", f"topic={value}", "--backend", backend
    )
    assert code == 2
    assert out == ""
    assert "topic" in err and "Traceback" not in err


@pytest.mark.parametrize("backend", BACKENDS)
def test_cli_gives_up_on_a_runaway_query(backend: str) -> None:
    code, out, err = _cli("query", "--text", RUNAWAY, "--backend", backend, "--timeout", "0.5")
    assert code == 2
    assert out == ""
    assert "took longer than 0.5 s" in err
    assert "narrow the query" in err


def _query_workers() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "integrationskonzept-query"]


@pytest.mark.parametrize("backend", BACKENDS)
def test_runaway_query_stops_and_the_next_one_is_answered(
    backend: str, kb: Graph, kb_ox: Graph
) -> None:
    graph = kb if backend == "memory" else kb_ox
    with pytest.raises(QueryError, match=r"took longer than 0\.3 s"):
        query(RUNAWAY, graph, timeout=0.3)
    # The worker reads rows one by one and stops at the next row once its time is up, so
    # it does not go on using a core in the background.
    deadline = time.monotonic() + 30
    while _query_workers() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _query_workers() == []
    answer = query("prioritized-fields", graph)
    assert [row["code"] for row in answer.to_dicts()] == ["C", "D", "H"]
