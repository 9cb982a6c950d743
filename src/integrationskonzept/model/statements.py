"""Every statement of the graph, fetched with one query and indexed by subject and object.

Pages show the statements about their resource (out and in), labels of everything they link
to and facts the typed model does not cover (memberships, data sets). One ``SELECT`` over the
whole graph, grouped in Python, serves all of them: no query per page.

>>> from rdflib import Graph, Literal, URIRef
>>> g = Graph()
>>> a, b = URIRef("http://example.org/a"), URIRef("http://example.org/b")
>>> _ = g.add((a, URIRef("http://www.w3.org/2004/02/skos/core#prefLabel"), Literal("A", lang="de")))
>>> _ = g.add((b, URIRef("http://example.org/p"), a))
>>> index = TripleIndex(g)
>>> index.label(str(a), "en")
'A'
>>> index.incoming(str(a))
[('http://example.org/b', 'http://example.org/p')]
"""

from __future__ import annotations

from collections import defaultdict

from rdflib import Graph, URIRef
from rdflib.term import Node

from integrationskonzept.terms import LABEL_PROPERTIES, RDF_NAMESPACE, pick_language

RDF_TYPE = RDF_NAMESPACE + "type"


class TripleIndex:
    """The graph's statements grouped by subject (``outgoing``) and IRI object (``incoming``)."""

    def __init__(self, graph: Graph) -> None:
        out: dict[str, list[tuple[str, Node]]] = defaultdict(list)
        inc: dict[str, list[tuple[str, str]]] = defaultdict(list)
        everything: list[tuple[Node, Node, Node]] = []
        # iterated, not queried: the terms come back exactly as the store holds them
        for s, p, o in graph:
            everything.append((s, p, o))
            if not isinstance(s, URIRef):
                continue
            out[str(s)].append((str(p), o))
            if isinstance(o, URIRef):
                inc[str(o)].append((str(s), str(p)))
        self._out = {s: sorted(v, key=lambda po: (po[0], po[1].n3())) for s, v in out.items()}
        self._in = {o: sorted(v) for o, v in inc.items()}
        self.triples = everything

    def memory_graph(self) -> Graph:
        """Every statement in an in-memory rdflib graph (fast to serialise)."""
        graph = Graph()
        for triple in self.triples:
            graph.add(triple)
        return graph

    def outgoing(self, iri: str) -> list[tuple[str, Node]]:
        """``(property, value)`` of every statement with ``iri`` as subject, sorted."""
        return self._out.get(iri, [])

    def incoming(self, iri: str) -> list[tuple[str, str]]:
        """``(subject, property)`` of every statement with ``iri`` as object, sorted."""
        return self._in.get(iri, [])

    def subjects(self) -> list[str]:
        """Every IRI that is the subject of a statement, sorted."""
        return sorted(self._out)

    def values(self, iri: str, prop: str) -> list[Node]:
        """The values of ``prop`` on ``iri``."""
        return [o for p, o in self.outgoing(iri) if p == prop]

    def iris(self, iri: str, prop: str) -> list[str]:
        """The IRI values of ``prop`` on ``iri``, sorted."""
        return sorted(str(o) for o in self.values(iri, prop) if isinstance(o, URIRef))

    def text(self, iri: str, prop: str, lang: str | None = None) -> str | None:
        """A literal value of ``prop`` in ``lang`` (German, then any, as fallbacks)."""
        return pick_language(self.values(iri, prop), lang)

    def types(self, iri: str) -> list[str]:
        """The ``rdf:type`` IRIs of ``iri``."""
        return self.iris(iri, RDF_TYPE)

    def of_type(self, class_iri: str) -> list[str]:
        """Every subject typed ``class_iri``, sorted."""
        return sorted(s for s, _ in self.incoming(class_iri) if _ == RDF_TYPE)

    def label(self, iri: str, lang: str = "de") -> str | None:
        """The best label of ``iri`` in ``lang``: prefLabel, rdfs:label, then title."""
        for prop in LABEL_PROPERTIES:
            if self.values(iri, prop):
                return self.text(iri, prop, lang)
        return None
