"""Counts per class: the quickest look at what a knowledge base holds.

>>> from integrationskonzept import load
>>> counts = class_counts(load())
>>> counts["ik:ActionField"]
8
"""

from __future__ import annotations

from rdflib import Graph, URIRef

from integrationskonzept.namespaces import PREFIXES
from integrationskonzept.query.parsing import graph_query
from integrationskonzept.terms import curie

# Instances of these classes are counted; the ontology's own terms (owl:Class …) are not.
_COUNTED_NAMESPACES = (PREFIXES["ik"], PREFIXES["qb"], PREFIXES["org"])
_ONTOLOGY_CLASSES = {
    URIRef(PREFIXES["owl"] + "Class"),
    URIRef(PREFIXES["owl"] + "ObjectProperty"),
    URIRef(PREFIXES["owl"] + "DatatypeProperty"),
}

_QUERY = """
SELECT ?class (COUNT(DISTINCT ?s) AS ?n) WHERE {
  ?s a ?class .
  FILTER(isIRI(?s))
} GROUP BY ?class
"""


def class_counts(graph: Graph) -> dict[str, int]:
    """Number of distinct instances per class (ik:, qb:, org: classes), sorted by class name."""
    counts: dict[str, int] = {}
    for row in graph_query(graph, _QUERY):
        cls, number = row  # type: ignore[misc]
        if cls in _ONTOLOGY_CLASSES or not str(cls).startswith(_COUNTED_NAMESPACES):
            continue
        counts[curie(str(cls))] = int(number)
    return dict(sorted(counts.items()))
