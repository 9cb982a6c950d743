"""Serialise the graph as Turtle, N-Triples, N-Quads or JSON-LD, deterministically.

The same graph gives byte-identical output whatever ``PYTHONHASHSEED`` is: triples are added
to a fresh graph in sorted order before Turtle serialisation, N-Triples/N-Quads lines are
sorted, and JSON-LD is emitted with its nodes sorted by ``@id`` and keys sorted.

>>> from rdflib import Graph, URIRef, Literal
>>> g = Graph()
>>> _ = g.add((URIRef("http://example.org/b"), URIRef("http://example.org/p"), Literal("x")))
>>> _ = g.add((URIRef("http://example.org/a"), URIRef("http://example.org/p"), Literal("y")))
>>> print(serialize(g, "ntriples"), end="")
<http://example.org/a> <http://example.org/p> "y" .
<http://example.org/b> <http://example.org/p> "x" .
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Literal

from rdflib import Graph
from rdflib.term import Node

from integrationskonzept.atomic import write_text
from integrationskonzept.errors import InputError
from integrationskonzept.namespaces import PREFIXES, bind_prefixes

Format = Literal["turtle", "ntriples", "nquads", "json-ld"]
FORMATS: tuple[Format, ...] = ("turtle", "ntriples", "nquads", "json-ld")
SUFFIXES: dict[Format, str] = {
    "turtle": ".ttl",
    "ntriples": ".nt",
    "nquads": ".nq",
    "json-ld": ".jsonld",
}
DEFAULT_GRAPH_NAME = "https://w3id.org/integrationskonzept/graph/knowledge-base"


def _sort_key(triple: tuple[Node, Node, Node]) -> tuple[str, ...]:
    return tuple(term.n3() for term in triple)


def canonical_copy(graph: Graph) -> Graph:
    """A memory graph with the same triples, inserted in sorted order, prefixes bound."""
    copy = bind_prefixes(Graph())
    for triple in sorted(graph, key=_sort_key):
        copy.add(triple)
    return copy


def _ntriples_lines(graph: Graph) -> list[str]:
    text = canonical_copy(graph).serialize(format="nt11")
    return sorted(line for line in text.splitlines() if line.strip())


def jsonld_context() -> dict[str, Any]:
    """The JSON-LD context published with the exports (prefixes only)."""
    return {"@context": dict(sorted(PREFIXES.items()))}


def _canonical_json(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _canonical_json(value[key]) for key in sorted(value)}
    if isinstance(value, list):
        items = [_canonical_json(item) for item in value]
        return sorted(items, key=lambda item: json.dumps(item, sort_keys=True, ensure_ascii=False))
    return value


def serialize(graph: Graph, fmt: Format, *, graph_name: str = DEFAULT_GRAPH_NAME) -> str:
    """The graph serialised in ``fmt``, deterministic across runs and hash seeds."""
    if fmt == "turtle":
        return canonical_copy(graph).serialize(format="turtle")
    if fmt == "ntriples":
        return "".join(f"{line}\n" for line in _ntriples_lines(graph))
    if fmt == "nquads":
        return "".join(
            f"{line[:-1].rstrip()} <{graph_name}> .\n" for line in _ntriples_lines(graph)
        )
    if fmt == "json-ld":
        context = jsonld_context()["@context"]
        raw = json.loads(canonical_copy(graph).serialize(format="json-ld", context=context))
        nodes = raw.get("@graph", [raw] if "@id" in raw else [])
        nodes = [{k: v for k, v in node.items() if k != "@context"} for node in nodes]
        document = {"@context": context, "@graph": _canonical_json(nodes)}
        return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    raise InputError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")


def export(graph: Graph, fmt: Format, target: Path | str) -> Path:
    """Write the serialisation atomically to ``target`` and return its path."""
    text = serialize(graph, fmt)
    write_text(target, text)
    return Path(target)
