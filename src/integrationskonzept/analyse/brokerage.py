"""Gould–Fernandez brokerage roles, which networkx does not provide.

A broker ``b`` sits on a two-path ``a → b → c`` (``a ≠ c``, no self-loops). With every node
in one group, the path is classified by the groups of its ends and its middle
(Gould & Fernandez 1989, "Structures of mediation", *Sociological Methodology* 19: 89–126):

=================  ===================  ======================================
role               groups               reading
=================  ===================  ======================================
coordinator        a = b = c            mediates within its own group
itinerant          a = c ≠ b            outsider mediating within another
                                        group (also "cosmopolitan", "consultant")
representative     a = b ≠ c            speaks for its group to another
gatekeeper         a ≠ b = c            decides what enters its group
liaison            a, b, c all differ   links two groups, belonging to neither
=================  ===================  ======================================

Choice documented here: by default only **open** two-paths count, i.e. those where ``a → c``
is absent (the classic definition, as in UCINET and statnet's ``brokerage``): where ``a``
reaches ``c`` directly, ``b`` brokers nothing. ``exclude_transitive=False`` counts every
two-path regardless of ``a → c``.

The project's actor projection is undirected; :func:`symmetric` turns it into a directed graph
with both arcs per tie, on which representative and gatekeeper counts are always equal (each
two-path has its reverse).

>>> import networkx as nx
>>> g = nx.DiGraph([("a", "b"), ("b", "c")])
>>> nx.set_node_attributes(g, {"a": "X", "b": "X", "c": "Y"}, "group")
>>> brokerage_roles(g)["b"]["representative"]
1
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Mapping
from typing import Any

import networkx as nx

ROLES = ("coordinator", "gatekeeper", "representative", "liaison", "itinerant")
NO_GROUP = "(none)"


def classify(group_a: Hashable, group_b: Hashable, group_c: Hashable) -> str:
    """The brokerage role of ``b`` on the two-path ``a → b → c``, from the three groups.

    >>> classify("X", "X", "X"), classify("X", "Y", "X"), classify("X", "X", "Y")
    ('coordinator', 'itinerant', 'representative')
    >>> classify("X", "Y", "Y"), classify("X", "Y", "Z")
    ('gatekeeper', 'liaison')
    """
    if group_a == group_b:
        return "coordinator" if group_b == group_c else "representative"
    if group_b == group_c:
        return "gatekeeper"
    return "itinerant" if group_a == group_c else "liaison"


def brokerage_roles(
    graph: nx.DiGraph,
    group: str | Mapping[Any, Hashable] = "group",
    *,
    exclude_transitive: bool = True,
) -> dict[Any, dict[str, int]]:
    """For every node, how often it brokers in each role (see the module docstring).

    Parameters
    ----------
    graph:
        A directed graph (not a multigraph).
    group:
        The name of the node attribute holding each node's group, or a mapping node → group.
        Every node needs a group.
    exclude_transitive:
        Count only open two-paths (``a → c`` absent), the classic definition.

    Returns
    -------
    dict
        ``{node: {role: count}}`` with every role of :data:`ROLES`, nodes in graph order.

    Raises
    ------
    networkx.NetworkXNotImplemented
        For an undirected graph or a multigraph (use :func:`symmetric` first).
    KeyError
        If a node has no group.
    """
    if not graph.is_directed() or graph.is_multigraph():
        raise nx.NetworkXNotImplemented("brokerage roles need a simple directed graph")
    groups = graph.nodes(data=group) if isinstance(group, str) else group
    of = {node: groups[node] for node in graph}
    missing = [node for node, found in of.items() if found is None]
    if missing:
        raise KeyError(f"nodes without a group: {sorted(map(str, missing))[:5]}")
    result: dict[Any, dict[str, int]] = {}
    for broker in graph:
        counts: Counter[str] = Counter()
        for source in graph.predecessors(broker):
            for target in graph.successors(broker):
                if source == target or broker in (source, target):
                    continue
                if exclude_transitive and graph.has_edge(source, target):
                    continue
                counts[classify(of[source], of[broker], of[target])] += 1
        result[broker] = {role: counts[role] for role in ROLES}
    return result


def symmetric(graph: nx.Graph) -> nx.DiGraph:
    """The directed version of an undirected graph: an arc each way for every edge.

    >>> sorted(symmetric(nx.Graph([("a", "b")])).edges)
    [('a', 'b'), ('b', 'a')]
    """
    directed = nx.DiGraph()
    directed.add_nodes_from(graph.nodes(data=True))
    for u, v in graph.edges:
        directed.add_edge(u, v)
        directed.add_edge(v, u)
    return directed


def primary_fields(affiliation: nx.Graph) -> dict[str, str]:
    """Each actor's most frequent lead field: the field in which it leads the most networks.

    Ties go to the smallest code. An actor that leads nothing gets its most frequent field
    over all its ties; one without any field gets :data:`NO_GROUP`.
    """
    result: dict[str, str] = {}
    for actor, side in sorted(affiliation.nodes(data="bipartite")):
        if side != 0:
            continue
        lead: Counter[str] = Counter()
        every: Counter[str] = Counter()
        for target in affiliation[actor]:
            data = affiliation.edges[actor, target]
            lead.update(data["lead_fields"])
            every.update(data["fields"])
        counts = lead or every
        result[actor] = min(counts, key=lambda code: (-counts[code], code)) if counts else NO_GROUP
    return result


def actor_kinds(affiliation: nx.Graph) -> dict[str, str]:
    """Each actor's ``actor_kind`` (:data:`NO_GROUP` where it has none)."""
    return {
        actor: kind or NO_GROUP
        for actor, kind in sorted(affiliation.nodes(data="actor_kind"))
        if affiliation.nodes[actor]["bipartite"] == 0
    }
