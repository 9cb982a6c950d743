"""Exports: deterministic across hash seeds, round-trip to isomorphic graphs, atomic."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from integrationskonzept.atomic import open_atomic, write_text
from integrationskonzept.publish.files.export import FORMATS, serialize

PARSE_FORMAT = {"turtle": "turtle", "ntriples": "nt", "json-ld": "json-ld"}


def _export_with_seed(seed: str, fmt: str, target: Path) -> bytes:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    subprocess.run(
        [sys.executable, "-m", "integrationskonzept", "export", "--format", fmt, "-o", str(target)],
        check=True,
        env=env,
        capture_output=True,
    )
    return target.read_bytes()


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_is_byte_identical_across_hash_seeds(tmp_path: Path, fmt: str) -> None:
    first = _export_with_seed("1", fmt, tmp_path / "one")
    second = _export_with_seed("4242", fmt, tmp_path / "two")
    assert first == second
    assert len(first) > 10_000


@pytest.mark.parametrize("fmt", ["turtle", "ntriples", "json-ld"])
def test_round_trip_is_isomorphic(kb: Graph, fmt: str) -> None:
    text = serialize(kb, fmt)  # type: ignore[arg-type]
    back = Graph().parse(data=text, format=PARSE_FORMAT[fmt])
    assert isomorphic(back, kb)


def test_nquads_round_trip_puts_everything_in_one_named_graph(kb: Graph) -> None:
    dataset = Dataset()
    dataset.parse(data=serialize(kb, "nquads"), format="nquads")
    graphs = [g for g in dataset.graphs() if len(g)]
    assert len(graphs) == 1
    assert isomorphic(Graph() + graphs[0], kb)


def test_failed_write_keeps_the_previous_file(tmp_path: Path) -> None:
    target = tmp_path / "kb.ttl"
    write_text(target, "old content\n")
    with pytest.raises(RuntimeError), open_atomic(target) as handle:
        handle.write(b"half of the new")
        raise RuntimeError("interrupted midway")
    assert target.read_text(encoding="utf-8") == "old content\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kb.ttl"]


def test_turtle_orders_values_that_cannot_be_compared() -> None:
    """rdflib's writer sorts a subject's objects in value space, and comparing a NaN double
    with a decimal raises decimal.InvalidOperation; the export falls back to their text."""
    from rdflib import XSD, Literal, URIRef

    graph = Graph()
    subject, prop = URIRef("urn:s"), URIRef("urn:p")
    graph.add((subject, prop, Literal("NaN", datatype=XSD.double)))
    graph.add((subject, prop, Literal("1.0", datatype=XSD.decimal)))
    text = serialize(graph, "turtle")
    assert text == serialize(graph, "turtle")
    assert isomorphic(Graph().parse(data=text, format="turtle"), graph)
