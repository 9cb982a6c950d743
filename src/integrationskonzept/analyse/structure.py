"""The shape of the governance network: components, cut points, cores, concentration, field links.

* components of the affiliation graph (actors with the networks and bodies that join them);
* articulation points of the actor projection: actors whose loss splits the actor network;
* k-cores of the actor projection: the largest k with a non-empty k-core and its members,
  the main core (each actor's core number is in the actor records);
* lead concentration: the share of all networks of the affiliation graph led by the top 1, 3
  and 5 actors (ranked by networks led, ties by IRI, so at a tie the cut is by IRI);
* field links: pairs of fields whose tables list the same network, and the fields that share
  no network with any other field.

>>> import networkx as nx
>>> from integrationskonzept.analyse.graphs import canonical
>>> path = canonical(nx.Graph([("a", "b"), ("b", "c")]))
>>> articulation_points(path)
('b',)
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import combinations

import networkx as nx

from integrationskonzept.analyse._numbers import rounded
from integrationskonzept.analyse.graphs import FIELD, NETWORK, indexed

TOPS = (1, 3, 5)


@dataclass(frozen=True)
class Component:
    """A connected component of the affiliation graph."""

    actors: tuple[str, ...]
    groups: tuple[str, ...]


@dataclass(frozen=True)
class LeadShare:
    """The networks led by the top ``top`` actors: who they are and what share they cover."""

    top: int
    actors: tuple[str, ...]
    networks: int
    share: float


@dataclass(frozen=True)
class FieldLink:
    """Two fields whose tables list the same networks."""

    fields: tuple[str, str]
    networks: tuple[str, ...]


@dataclass(frozen=True)
class Structure:
    """Structural facts about the networks of one knowledge base."""

    components: tuple[Component, ...]
    articulation_points: tuple[str, ...]
    max_core: int
    main_core: tuple[str, ...]
    lead_concentration: tuple[LeadShare, ...]
    field_links: tuple[FieldLink, ...]
    isolated_fields: tuple[str, ...]


def components(affiliation: nx.Graph) -> tuple[Component, ...]:
    """Connected components, largest first (by actors, then by first actor)."""
    found = []
    for members in nx.connected_components(affiliation):
        actors = tuple(sorted(m for m in members if affiliation.nodes[m]["bipartite"] == 0))
        groups = tuple(sorted(m for m in members if affiliation.nodes[m]["bipartite"] == 1))
        found.append(Component(actors, groups))
    return tuple(sorted(found, key=lambda c: (-len(c.actors), c.actors, c.groups)))


def articulation_points(graph: nx.Graph) -> tuple[str, ...]:
    """The nodes whose removal disconnects their component, sorted."""
    g, nodes = indexed(graph)
    return tuple(sorted(nodes[i] for i in nx.articulation_points(g)))


def main_core(graph: nx.Graph) -> tuple[int, tuple[str, ...]]:
    """The largest k of a non-empty k-core and that core's nodes (sorted); ``(0, ())`` for an
    empty graph.

    >>> import networkx as nx
    >>> main_core(nx.Graph([("a", "b"), ("b", "c"), ("a", "c"), ("c", "d")]))
    (2, ('a', 'b', 'c'))
    """
    g, nodes = indexed(graph)
    cores = nx.core_number(g)
    if not cores:
        return 0, ()
    top = max(cores.values())
    return top, tuple(sorted(nodes[i] for i, k in cores.items() if k == top))


def led_networks(affiliation: nx.Graph) -> dict[str, set[str]]:
    """actor → the networks it has a lead responsibility for (actors leading none omitted)."""
    led: dict[str, set[str]] = defaultdict(set)
    for u, v, roles in affiliation.edges(data="roles"):
        actor, target = (u, v) if affiliation.nodes[u]["bipartite"] == 0 else (v, u)
        if "Lead" in roles and affiliation.nodes[target]["kind"] == NETWORK:
            led[actor].add(target)
    return dict(sorted(led.items()))


def lead_concentration(affiliation: nx.Graph, tops: Iterable[int] = TOPS) -> tuple[LeadShare, ...]:
    """The share of all networks led by the top-k actors, for each k of ``tops``."""
    led = led_networks(affiliation)
    total = sum(1 for _, kind in affiliation.nodes(data="kind") if kind == NETWORK)
    ranking = sorted(led, key=lambda actor: (-len(led[actor]), actor))
    shares = []
    for top in tops:
        chosen = ranking[:top]
        covered = set().union(*(led[actor] for actor in chosen))
        share = rounded(len(covered) / total) if total else 0.0
        shares.append(LeadShare(top, tuple(chosen), len(covered), share))
    return tuple(shares)


def field_links(network_fields: nx.Graph) -> tuple[FieldLink, ...]:
    """Pairs of field codes listed together for at least one network, with those networks."""
    shared: dict[tuple[str, str], set[str]] = defaultdict(set)
    for network, kind in network_fields.nodes(data="kind"):
        if kind != NETWORK:
            continue
        codes = sorted({network_fields.nodes[f]["code"] for f in network_fields[network]})
        for pair in combinations(codes, 2):
            shared[pair].add(network)
    return tuple(FieldLink(pair, tuple(sorted(nets))) for pair, nets in sorted(shared.items()))


def isolated_fields(network_fields: nx.Graph) -> tuple[str, ...]:
    """Field codes that share no network with any other field."""
    codes = {data["code"] for _, data in network_fields.nodes(data=True) if data["kind"] == FIELD}
    linked = {code for link in field_links(network_fields) for code in link.fields}
    return tuple(sorted(codes - linked))


def structure(affiliation: nx.Graph, actors: nx.Graph, network_fields: nx.Graph) -> Structure:
    """Every structural fact of this module for one set of graphs."""
    top, core = main_core(actors)
    return Structure(
        components=components(affiliation),
        articulation_points=articulation_points(actors),
        max_core=top,
        main_core=core,
        lead_concentration=lead_concentration(affiliation),
        field_links=field_links(network_fields),
        isolated_fields=isolated_fields(network_fields),
    )


__all__ = [
    "Component",
    "FieldLink",
    "LeadShare",
    "Structure",
    "articulation_points",
    "components",
    "field_links",
    "isolated_fields",
    "lead_concentration",
    "led_networks",
    "main_core",
    "structure",
]
