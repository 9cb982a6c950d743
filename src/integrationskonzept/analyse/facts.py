"""What the analyses read from the knowledge base: six SPARQL queries, one per kind of fact.

The queries are plain SPARQL 1.1 with their prefixes written into the query text, so they
run unchanged on rdflib's engine and on Oxigraph (``load(backend="oxigraph")``). Each query
fetches one kind of fact for the whole graph, never one node at a time; everything after
that is Python over the rows.

Known limits: labels are the German ``skos:prefLabel`` (the IRI's last segment where there
is none); a topic's code is its ``skos:notation`` (its last IRI segment where there is none).

>>> from rdflib import Graph
>>> facts = collect(Graph())
>>> facts.ties
()
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field

from rdflib import Graph
from rdflib.term import Node

from integrationskonzept.namespaces import IK
from integrationskonzept.query.parsing import graph_query

_PREFIXES = """\
PREFIX ik: <https://w3id.org/integrationskonzept/ontology#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""

# Lead and management responsibilities for a network or a governance body. A responsibility
# for a measure or an agreement is not an affiliation and is left out.
RESPONSIBILITIES = (
    _PREFIXES
    + """
SELECT ?actor ?target ?role ?topic WHERE {
  ?responsibility a ik:Responsibility ;
      ik:actor ?actor ;
      ik:responsibleFor ?target ;
      ik:role ?role .
  VALUES ?role { ik:Lead ik:Management }
  VALUES ?targetType { ik:Network ik:GovernanceBody }
  ?target a ?targetType .
  OPTIONAL { ?responsibility ik:topic ?topic }
}
"""
)

# Members of governance bodies (org:Membership), with the printed role where there is one.
MEMBERSHIPS = (
    _PREFIXES
    + """
SELECT ?member ?body ?roleLabel WHERE {
  ?membership org:member ?member ;
      org:organization ?body .
  ?body a ik:GovernanceBody .
  OPTIONAL { ?membership ik:roleLabel ?roleLabel }
}
"""
)

# Every field table a network is listed in.
NETWORK_TOPICS = (
    _PREFIXES
    + """
SELECT ?network ?topic WHERE {
  ?network a ik:Network ;
      ik:topic ?topic .
}
"""
)

# Types and German labels of actors, networks, bodies and topics.
NODES = (
    _PREFIXES
    + """
SELECT ?node ?type ?label WHERE {
  VALUES ?type {
    ik:Actor ik:Network ik:GovernanceBody ik:Topic ik:ActionField ik:CrossCuttingTopic
  }
  ?node a ?type .
  OPTIONAL { ?node skos:prefLabel ?label . FILTER(langMatches(lang(?label), "de")) }
}
"""
)

ACTOR_KINDS = (
    _PREFIXES
    + """
SELECT ?node ?kind WHERE {
  ?node ik:actorKind ?kind .
}
"""
)

TOPIC_CODES = (
    _PREFIXES
    + """
SELECT ?topic ?code WHERE {
  VALUES ?type { ik:Topic ik:ActionField ik:CrossCuttingTopic }
  ?topic a ?type ;
      skos:notation ?code .
}
"""
)


def local_name(iri: str) -> str:
    """The last segment of ``iri`` (after the last ``#`` or ``/``).

    >>> local_name("https://w3id.org/integrationskonzept/ontology#Lead")
    'Lead'
    >>> local_name("https://w3id.org/integrationskonzept/leverkusen/field/C")
    'C'
    """
    return iri.rstrip("/").rsplit("#", 1)[-1].rsplit("/", 1)[-1]


@dataclass(frozen=True)
class Tie:
    """One affiliation statement: ``actor`` has ``role`` for (or in) ``target``.

    ``role`` is the local name of the ``ik:role`` (``"Lead"``, ``"Management"``) or
    ``"Member"`` for an ``org:Membership``; ``topic`` is the IRI of the field table that
    states a responsibility, if it says.
    """

    actor: str
    target: str
    role: str
    topic: str | None = None


@dataclass(frozen=True)
class Membership:
    """``member`` belongs to the governance ``body``; ``role_label`` as printed, if any."""

    member: str
    body: str
    role_label: str | None = None


@dataclass(frozen=True)
class Facts:
    """Everything the graph builders need, as sorted, hashable-free plain data."""

    ties: tuple[Tie, ...] = ()
    memberships: tuple[Membership, ...] = ()
    network_topics: tuple[tuple[str, str], ...] = ()
    labels: Mapping[str, str] = field(default_factory=dict)
    types: Mapping[str, frozenset[str]] = field(default_factory=dict)
    actor_kinds: Mapping[str, str] = field(default_factory=dict)
    codes: Mapping[str, str] = field(default_factory=dict)

    def label(self, iri: str) -> str:
        """The German label of ``iri``, or its last segment."""
        return self.labels.get(iri) or local_name(iri)

    def code(self, topic: str) -> str:
        """The code of a topic (``skos:notation``), or its last segment."""
        return self.codes.get(topic) or local_name(topic)

    def has_type(self, iri: str, local: str) -> bool:
        """Whether ``iri`` is typed ``ik:<local>`` in the knowledge base."""
        return str(IK[local]) in self.types.get(iri, frozenset())


def _text(term: Node | None) -> str | None:
    return None if term is None else str(term)


def _rows(graph: Graph, query: str) -> list[tuple[str | None, ...]]:
    return [tuple(_text(term) for term in row) for row in graph_query(graph, query)]  # type: ignore[union-attr]


def _first_by_node(rows: list[tuple[str | None, ...]]) -> dict[str, str]:
    """node → the smallest value seen for it (deterministic when data has several)."""
    chosen: dict[str, str] = {}
    for node, value, *_ in rows:
        if node is None or value is None:
            continue
        if node not in chosen or value < chosen[node]:
            chosen[node] = value
    return dict(sorted(chosen.items()))


def collect(graph: Graph) -> Facts:
    """Run the queries on ``graph`` and return their answers as :class:`Facts`."""
    ties = {
        Tie(str(actor), str(target), local_name(str(role)), topic)
        for actor, target, role, topic in _rows(graph, RESPONSIBILITIES)
    }
    memberships = {
        Membership(str(member), str(body), role_label)
        for member, body, role_label in _rows(graph, MEMBERSHIPS)
    }
    ties |= {Tie(m.member, m.body, "Member") for m in memberships}
    types: dict[str, set[str]] = defaultdict(set)
    labelled: list[tuple[str | None, ...]] = []
    for node, type_, label in _rows(graph, NODES):
        if node is not None and type_ is not None:
            types[node].add(type_)
            labelled.append((node, label))
    return Facts(
        ties=tuple(sorted(ties, key=_tie_key)),
        memberships=tuple(sorted(memberships, key=_membership_key)),
        network_topics=tuple(sorted({(str(n), str(t)) for n, t in _rows(graph, NETWORK_TOPICS)})),
        labels=_first_by_node(labelled),
        types={node: frozenset(found) for node, found in sorted(types.items())},
        actor_kinds={
            node: local_name(kind)
            for node, kind in _first_by_node(_rows(graph, ACTOR_KINDS)).items()
        },
        codes=_first_by_node(_rows(graph, TOPIC_CODES)),
    )


def _tie_key(tie: Tie) -> tuple[str, str, str, str]:
    return (tie.actor, tie.target, tie.role, tie.topic or "")


def _membership_key(membership: Membership) -> tuple[str, str, str]:
    return (membership.member, membership.body, membership.role_label or "")


__all__ = ["Facts", "Membership", "Tie", "collect", "local_name"]
