"""networkx graphs built from the knowledge base: who is tied to which network, body and field.

Node ids are IRI strings. Every node carries ``label`` (the German ``skos:prefLabel``),
``kind`` (``"actor"``, ``"network"``, ``"field"`` or ``"body"``) and ``actor_kind`` (the
local name of its ``ik:actorKind``, ``""`` if it has none). Graphs are built in sorted order
(nodes by IRI, edges by end points), so every measure computed from them is the same on
every run, whatever ``PYTHONHASHSEED`` is.

Known limit: the affiliation graph is strictly two-mode. A node that is the target of a tie
(a network or a governance body) sits on the group side; where such a node is itself the
actor of another tie (a network leading a network, a body that is a member of a body), that
tie is left out.

>>> from rdflib import Graph
>>> graphs = build_graphs(Graph())
>>> graphs.affiliation.number_of_nodes(), graphs.actors.number_of_nodes()
(0, 0)
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

import networkx as nx
from networkx.algorithms import bipartite
from rdflib import Graph

from integrationskonzept.analyse.facts import Facts, collect

ACTOR, NETWORK, FIELD, BODY = "actor", "network", "field", "body"


def as_facts(source: Graph | Facts) -> Facts:
    """``source`` itself if it is :class:`Facts`, else the facts queried from the graph."""
    return source if isinstance(source, Facts) else collect(source)


def canonical(graph: nx.Graph, name: str | None = None) -> nx.Graph:
    """A copy of the undirected ``graph`` with nodes and edges inserted in sorted order.

    >>> g = canonical(nx.Graph([("b", "a"), ("c", "a")]))
    >>> list(g.nodes), list(g.edges)
    (['a', 'b', 'c'], [('a', 'b'), ('a', 'c')])
    """
    copy = nx.Graph(**graph.graph)
    if name is not None:
        copy.graph["name"] = name
    for node in sorted(graph.nodes):
        copy.add_node(node, **dict(graph.nodes[node]))
    ends = sorted((min(u, v), max(u, v)) for u, v in graph.edges)
    for u, v in ends:
        copy.add_edge(u, v, **dict(graph.edges[u, v]))
    return copy


def indexed(graph: nx.Graph) -> tuple[nx.Graph, list[str]]:
    """``graph`` relabelled to 0..n-1 in sorted node order, and the list mapping index → IRI.

    networkx iterates over sets of neighbours in some algorithms; sets of small integers
    iterate in the same order under every hash seed, sets of strings do not. Computing on
    the integer copy makes floating-point sums come out bit-identical.
    """
    nodes = sorted(graph.nodes)
    index = {node: i for i, node in enumerate(nodes)}
    copy = nx.Graph()
    copy.add_nodes_from(range(len(nodes)))
    for u, v in sorted((min(index[a], index[b]), max(index[a], index[b])) for a, b in graph.edges):
        copy.add_edge(u, v, **dict(graph.edges[nodes[u], nodes[v]]))
    return copy, nodes


def _node(facts: Facts, iri: str, kind: str, **extra: Any) -> dict[str, Any]:
    return {
        "label": facts.label(iri),
        "kind": kind,
        "actor_kind": facts.actor_kinds.get(iri, ""),
        **extra,
    }


def _group_kind(facts: Facts, iri: str) -> str:
    return NETWORK if facts.has_type(iri, "Network") else BODY


def affiliation_graph(source: Graph | Facts) -> nx.Graph:
    """The two-mode graph of actors and the networks and governance bodies they are tied to.

    Nodes: actors (``bipartite=0``, kind ``"actor"``) and networks or bodies (``bipartite=1``,
    kind ``"network"``/``"body"``). An edge joins an actor to a network it has an ``ik:Lead``
    or ``ik:Management`` responsibility for, or to a governance body it is an
    ``org:Membership`` member of. Edge attributes: ``roles`` (sorted role local names;
    ``"Member"`` for a membership), ``fields`` (sorted field codes from the responsibilities'
    ``ik:topic``; where a responsibility names no topic, the network's own topics) and
    ``lead_fields`` (the same, for the lead responsibilities only).
    """
    facts = as_facts(source)
    groups = {tie.target for tie in facts.ties}
    network_codes: dict[str, set[str]] = defaultdict(set)
    for network, topic in facts.network_topics:
        network_codes[network].add(facts.code(topic))
    edges: dict[tuple[str, str], dict[str, set[str]]] = {}
    for tie in facts.ties:
        if tie.actor in groups:
            continue
        entry = edges.setdefault(
            (tie.actor, tie.target), {"roles": set(), "fields": set(), "lead_fields": set()}
        )
        entry["roles"].add(tie.role)
        if tie.role == "Member":
            continue
        codes = {facts.code(tie.topic)} if tie.topic else network_codes.get(tie.target, set())
        entry["fields"] |= codes
        if tie.role == "Lead":
            entry["lead_fields"] |= codes
    graph = nx.Graph(name="affiliation")
    for actor in sorted({actor for actor, _ in edges}):
        graph.add_node(actor, **_node(facts, actor, ACTOR, bipartite=0))
    for target in sorted({target for _, target in edges}):
        graph.add_node(target, **_node(facts, target, _group_kind(facts, target), bipartite=1))
    for (actor, target), entry in sorted(edges.items()):
        graph.add_edge(actor, target, **{key: sorted(values) for key, values in entry.items()})
    return graph


def actor_nodes(affiliation: nx.Graph) -> list[str]:
    """The actor side of the affiliation graph, sorted."""
    return sorted(n for n, side in affiliation.nodes(data="bipartite") if side == 0)


def group_nodes(affiliation: nx.Graph) -> list[str]:
    """The network and body side of the affiliation graph, sorted."""
    return sorted(n for n, side in affiliation.nodes(data="bipartite") if side == 1)


def _project(affiliation: nx.Graph, nodes: list[str], name: str) -> nx.Graph:
    if len(nodes) < len(affiliation):
        projected = bipartite.weighted_projected_graph(affiliation, nodes)
    else:  # nothing to project through (an empty graph)
        projected = affiliation.subgraph(nodes)
    return canonical(projected, name=name)


def actor_projection(affiliation: nx.Graph) -> nx.Graph:
    """Actors, joined when they share a network or body; ``weight`` = how many they share.

    Node attributes are those of the affiliation graph.
    """
    return _project(affiliation, actor_nodes(affiliation), "actors")


def network_projection(affiliation: nx.Graph) -> nx.Graph:
    """Networks and bodies, joined when they share an actor; ``weight`` = how many they share."""
    return _project(affiliation, group_nodes(affiliation), "networks")


def network_field_graph(source: Graph | Facts) -> nx.Graph:
    """Networks (``bipartite=0``) joined to the fields whose tables list them (``ik:topic``).

    Field nodes have kind ``"field"`` and ``code`` (``skos:notation``); network nodes keep
    their ``ik:actorKind`` if they have one.
    """
    facts = as_facts(source)
    graph = nx.Graph(name="network-fields")
    for network in sorted({network for network, _ in facts.network_topics}):
        graph.add_node(network, **_node(facts, network, NETWORK, bipartite=0))
    for topic in sorted({topic for _, topic in facts.network_topics}):
        graph.add_node(topic, **_node(facts, topic, FIELD, bipartite=1, code=facts.code(topic)))
    for network, topic in facts.network_topics:
        graph.add_edge(network, topic)
    return graph


def governance_graph(source: Graph | Facts) -> nx.Graph:
    """Governance bodies (kind ``"body"``) joined to their members (``org:Membership``).

    Edge attribute ``roles``: the sorted roles as printed (``ik:roleLabel``), often empty.
    """
    facts = as_facts(source)
    bodies = {m.body for m in facts.memberships}
    roles: dict[tuple[str, str], set[str]] = defaultdict(set)
    for membership in facts.memberships:
        found = roles[(membership.member, membership.body)]
        if membership.role_label:
            found.add(membership.role_label)
    graph = nx.Graph(name="governance")
    members = {member for member, _ in roles}
    for node in sorted(bodies | members):
        graph.add_node(node, **_node(facts, node, BODY if node in bodies else ACTOR))
    for (member, body), labels in sorted(roles.items()):
        graph.add_edge(member, body, roles=sorted(labels))
    return graph


@dataclass(frozen=True)
class AnalysisGraphs:
    """The graphs the analyses run on, built once from one knowledge base."""

    affiliation: nx.Graph
    actors: nx.Graph
    networks: nx.Graph
    network_fields: nx.Graph
    governance: nx.Graph


def build_graphs(source: Graph | Facts) -> AnalysisGraphs:
    """Query the knowledge base once and build every graph from the answers."""
    facts = as_facts(source)
    affiliation = affiliation_graph(facts)
    return AnalysisGraphs(
        affiliation=affiliation,
        actors=actor_projection(affiliation),
        networks=network_projection(affiliation),
        network_fields=network_field_graph(facts),
        governance=governance_graph(facts),
    )
