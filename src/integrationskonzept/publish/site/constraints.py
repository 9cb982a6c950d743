"""The SHACL constraints that apply to a class, read from the shapes graph.

A constraint applies to class ``C`` when its node shape targets ``C`` (``sh:targetClass``) or
a superclass of ``C``. Each :class:`Constraint` names the shape, the path (``^p`` for an
inverse path), the constraint parameters in a short form, the severity and the message.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from rdflib import RDF, BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import SH
from rdflib.term import Node

from integrationskonzept.terms import curie

_PARAMS = (
    "minCount", "maxCount", "datatype", "class", "nodeKind", "pattern", "minInclusive",
    "maxInclusive", "minLength", "maxLength", "hasValue", "uniqueLang", "languageIn", "in",
    "node", "or", "xone", "not", "qualifiedMinCount", "qualifiedMaxCount", "equals", "disjoint",
)  # fmt: skip


@dataclass(frozen=True)
class Constraint:
    """One property shape (or node-level check) applying to a class."""

    shape: str
    target: str
    path: str
    parameters: str
    severity: str
    message: str


def _text(graph: Graph, node: Node, prop: URIRef, lang: str) -> str:
    values = [o for o in graph.objects(node, prop) if isinstance(o, Literal)]
    for wanted in (lang, "de", None):
        for value in sorted(values):
            if wanted is None or value.language == wanted:
                return " ".join(str(value).split())
    return ""


def _term(graph: Graph, node: Node) -> str:
    if isinstance(node, URIRef):
        return curie(str(node))
    if isinstance(node, BNode):
        inverse = graph.value(node, SH.inversePath)
        if inverse is not None:
            return "^" + _term(graph, inverse)
        if graph.value(node, RDF.first) is not None:
            return f"({len(list(Collection(graph, node)))})"
        return "[…]"
    return str(node)


def _parameters(graph: Graph, shape: Node) -> str:
    parts = []
    for name in _PARAMS:
        for value in sorted(graph.objects(shape, SH[name]), key=str):
            parts.append(f"sh:{name} {_term(graph, value)}")
    if graph.value(shape, SH.sparql) is not None:
        parts.append("sh:sparql")
    return "; ".join(parts)


def constraints_by_class(graph: Graph, lang: str) -> dict[str, list[Constraint]]:
    """Target class IRI → the constraints its shapes declare (not yet inherited)."""
    found: dict[str, list[Constraint]] = defaultdict(list)
    for shape, target in sorted(
        graph.subject_objects(SH.targetClass), key=lambda p: (str(p[1]), str(p[0]))
    ):
        node_message = _text(graph, shape, SH.message, lang)
        severity = graph.value(shape, SH.severity)
        own = _parameters(graph, shape)
        if own:
            found[str(target)].append(
                Constraint(
                    curie(str(shape)),
                    str(target),
                    "–",
                    own,
                    curie(str(severity or SH.Violation)),
                    node_message,
                )
            )
        for prop in sorted(graph.objects(shape, SH.property), key=str):
            path = graph.value(prop, SH.path)
            found[str(target)].append(
                Constraint(
                    shape=curie(str(prop)) if isinstance(prop, URIRef) else curie(str(shape)),
                    target=str(target),
                    path=_term(graph, path) if path is not None else "–",
                    parameters=_parameters(graph, prop),
                    severity=curie(str(graph.value(prop, SH.severity) or SH.Violation)),
                    message=_text(graph, prop, SH.message, lang),
                )
            )
    return dict(found)
