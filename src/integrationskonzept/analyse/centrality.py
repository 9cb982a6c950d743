"""Per-actor measures: involvement in the two-mode graph, centrality in the actor projection.

From the affiliation graph: ``leads`` (distinct networks with an ``ik:Lead``
responsibility), ``networks`` and ``bodies`` (distinct networks / governance bodies tied to),
``fields`` (field codes reached through those ties).

From the actor projection (actors joined by shared networks and bodies):

* ``degree``: the number of other actors met in some network or body;
* ``betweenness``: normalised shortest-path betweenness, unweighted (a path counts ties,
  not their strength: the weights are similarities, not distances);
* ``eigenvector``: weighted eigenvector centrality, computed **per connected component**
  (unit Euclidean norm within each component, 0 for an isolated actor). The principal
  eigenvector of a disconnected graph is zero outside its strongest component, or not unique
  at all; per component, every actor gets a value, but values compare only within one
  component;
* ``constraint`` and ``effective_size``: Burt's structural-hole measures with the weights;
  undefined (``None``) for an actor without ties.

Every measure runs on an integer-relabelled copy of the graph (see
:func:`~integrationskonzept.analyse.graphs.indexed`), so results are bit-identical across
hash seeds.

>>> import networkx as nx
>>> star = nx.Graph([("hub", "a"), ("hub", "b"), ("hub", "c")])
>>> betweenness(star)["hub"]
1.0
>>> degree(star)["a"]
1
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import networkx as nx
import numpy as np

from integrationskonzept.analyse.graphs import NETWORK, actor_nodes, indexed

MAX_ITER = 1000
TOLERANCE = 1e-10


@dataclass(frozen=True)
class Involvement:
    """How an actor is tied into networks, bodies and fields."""

    leads: int
    networks: int
    bodies: int
    fields: tuple[str, ...]


def involvement(affiliation: nx.Graph) -> dict[str, Involvement]:
    """Leads, networks, bodies and fields of every actor of the affiliation graph."""
    result: dict[str, Involvement] = {}
    for actor in actor_nodes(affiliation):
        leads = networks = bodies = 0
        fields: set[str] = set()
        for target in sorted(affiliation[actor]):
            data = affiliation.edges[actor, target]
            fields.update(data["fields"])
            if affiliation.nodes[target]["kind"] != NETWORK:
                bodies += 1
                continue
            networks += 1
            if "Lead" in data["roles"]:
                leads += 1
        result[actor] = Involvement(leads, networks, bodies, tuple(sorted(fields)))
    return result


def degree(graph: nx.Graph) -> dict[str, int]:
    """The number of neighbours of every node."""
    return {node: int(graph.degree(node)) for node in sorted(graph)}


def betweenness(graph: nx.Graph) -> dict[str, float]:
    """Normalised, unweighted betweenness centrality, as networkx computes it on the whole
    graph (up to the last bit: the sums are taken in another order).

    Computed one connected component at a time: no shortest path leaves a component, and
    networkx's breadth-first search sets up a table over *all* nodes for every source, so on
    the whole graph of many cities the work grew with the square of the number of cities.
    The sums are rescaled as networkx rescales them for the whole graph.

    >>> two_paths = nx.Graph([("a", "b"), ("b", "c"), ("x", "y"), ("y", "z"), ("y", "w")])
    >>> whole = nx.betweenness_centrality(two_paths)
    >>> all(abs(betweenness(two_paths)[v] - whole[v]) < 1e-12 for v in two_paths)
    True
    """
    g, nodes = indexed(graph)
    n = len(nodes)
    scores = dict.fromkeys(range(n), 0.0)
    # networkx: undirected sums are halved (unnormalised), then multiplied by this
    scale = 1 / ((n - 1) * (n - 2)) if n > 2 else 1.0
    for members in nx.connected_components(g):
        if len(members) < 3:
            continue  # no node lies between two others
        component = g.subgraph(members).copy()  # a copy: a view filters the whole graph
        halved = nx.betweenness_centrality(component, normalized=False)
        scores.update({node: value * 2 * scale for node, value in halved.items()})
    return {nodes[i]: float(scores[i]) for i in range(n)}


def _dense_eigenvector(component: nx.Graph, weight: str | None) -> dict[int, float]:
    """The Perron vector of a connected component by a dense symmetric eigensolver."""
    order = sorted(component)
    matrix = nx.to_numpy_array(component, nodelist=order, weight=weight)
    _, vectors = np.linalg.eigh(matrix)
    vector = np.abs(vectors[:, -1])
    vector /= np.linalg.norm(vector)
    return {node: float(value) for node, value in zip(order, vector, strict=True)}


def eigenvector(
    graph: nx.Graph, weight: str | None = "weight", *, max_iter: int = MAX_ITER
) -> dict[str, float]:
    """Eigenvector centrality per connected component (see the module docstring).

    Power iteration first; where it does not converge in ``max_iter`` steps, a dense
    eigensolver gives the same vector (a connected graph has a unique Perron vector).

    >>> import networkx as nx
    >>> two = nx.Graph([("a", "b"), ("c", "d"), ("d", "e")])
    >>> {k: round(v, 4) for k, v in eigenvector(two).items()}
    {'a': 0.7071, 'b': 0.7071, 'c': 0.5, 'd': 0.7071, 'e': 0.5}
    """
    g, nodes = indexed(graph)
    scores = dict.fromkeys(range(len(nodes)), 0.0)
    for members in sorted(nx.connected_components(g), key=min):
        if len(members) < 2:
            continue
        component = g.subgraph(sorted(members)).copy()  # a view filters the whole graph
        try:
            found = nx.eigenvector_centrality(
                component, max_iter=max_iter, tol=TOLERANCE, weight=weight
            )
        except nx.PowerIterationFailedConvergence:
            found = _dense_eigenvector(component, weight)
        scores.update({node: float(value) for node, value in found.items()})
    return {nodes[i]: scores[i] for i in range(len(nodes))}


def _proportions(graph: nx.Graph, weight: str | None) -> dict[Any, dict[Any, float]]:
    """``p[u][v]``: the share of u's tie strength that goes to v (Burt's p_uv).

    The same numbers as networkx's ``normalized_mutual_weight`` on an undirected graph
    (whose mutual weight is twice the edge weight, which the normalisation cancels).
    """
    shares: dict[Any, dict[Any, float]] = {}
    for u, neighbours in graph.adjacency():
        weights = {v: (data.get(weight, 1) if weight else 1) for v, data in neighbours.items()}
        total = sum(weights.values())
        shares[u] = {v: (w / total if total else 0.0) for v, w in weights.items()}
    return shares


def constraint(graph: nx.Graph, weight: str | None = "weight") -> dict[str, float | None]:
    """Burt's constraint of every node; ``None`` for an isolated node.

    Computed from the tie shares in one pass instead of ``nx.constraint``, which recomputes
    every normalised weight through decorated calls (0.7 s on Leverkusen instead of 10 ms);
    tests check both give the same values.

    >>> import networkx as nx
    >>> {k: round(v, 4) for k, v in constraint(nx.path_graph(["a", "b", "c"])).items()}
    {'a': 1.0, 'b': 0.5, 'c': 1.0}
    """
    g, nodes = indexed(graph)
    p = _proportions(g, weight)
    scores: dict[int, float | None] = {}
    for u in g:
        if not p[u]:
            scores[u] = None
            continue
        total = 0.0
        for v, direct in p[u].items():
            indirect = sum(p_uw * p[w].get(v, 0.0) for w, p_uw in p[u].items())
            total += (direct + indirect) ** 2
        scores[u] = total
    return {nodes[i]: scores[i] for i in range(len(nodes))}


def effective_size(graph: nx.Graph, weight: str | None = "weight") -> dict[str, float | None]:
    """Burt's effective size of every node; ``None`` for an isolated node.

    Burt's redundancy formula (as ``nx.effective_size`` for weighted graphs; for unit
    weights it equals Borgatti's n - 2t/n), computed from the tie shares in one pass.

    >>> import networkx as nx
    >>> star = nx.star_graph(3)  # a hub with three unconnected neighbours
    >>> effective_size(nx.relabel_nodes(star, str))["0"]
    3.0
    """
    g, nodes = indexed(graph)
    p = _proportions(g, weight)
    strongest: dict[Any, dict[Any, float]] = {}
    for u, neighbours in g.adjacency():
        weights = {v: (data.get(weight, 1) if weight else 1) for v, data in neighbours.items()}
        top = max(weights.values(), default=0)
        strongest[u] = {v: (w / top if top else 0.0) for v, w in weights.items()}
    scores: dict[int, float | None] = {}
    for v in g:
        if not p[v]:
            scores[v] = None
            continue
        size = 0.0
        for u in p[v]:
            if u == v:
                continue
            redundancy = sum(p_vw * strongest[u].get(w, 0.0) for w, p_vw in p[v].items())
            size += 1 - redundancy
        scores[v] = size
    return {nodes[i]: scores[i] for i in range(len(nodes))}


def core_numbers(graph: nx.Graph) -> dict[str, int]:
    """The k-core number of every node (the largest k of a k-core containing it)."""
    g, nodes = indexed(graph)
    cores = nx.core_number(g)
    return {nodes[i]: int(cores[i]) for i in range(len(nodes))}
