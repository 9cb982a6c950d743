"""Involvement and centrality, with values worked out by hand on the small knowledge base.

Actor projection: schulamt –1– ki –2– caritas and fb –1– verein.
"""

from __future__ import annotations

import math

import networkx as nx
import pytest

from integrationskonzept.analyse import centrality
from integrationskonzept.analyse.centrality import Involvement
from integrationskonzept.analyse.graphs import AnalysisGraphs

from .small_kb import CARITAS, FB, KI, SCHULAMT, VEREIN


def test_involvement(small_graphs: AnalysisGraphs) -> None:
    """fb also leads a measure, which is no network."""
    found = centrality.involvement(small_graphs.affiliation)
    assert found == {
        CARITAS: Involvement(leads=0, networks=1, bodies=1, fields=("B",)),
        FB: Involvement(leads=1, networks=1, bodies=0, fields=("C",)),
        KI: Involvement(leads=3, networks=3, bodies=1, fields=("A", "B")),
        SCHULAMT: Involvement(leads=1, networks=1, bodies=0, fields=("A", "B")),
        VEREIN: Involvement(leads=1, networks=2, bodies=0, fields=("C",)),
    }


def test_degree_and_betweenness(small_graphs: AnalysisGraphs) -> None:
    """ki is on the only path schulamt–caritas: 1 pair of the (5-1)(5-2)/2 = 6."""
    assert centrality.degree(small_graphs.actors) == {
        CARITAS: 1, FB: 1, KI: 2, SCHULAMT: 1, VEREIN: 1,
    }  # fmt: skip
    between = centrality.betweenness(small_graphs.actors)
    assert between[KI] == pytest.approx(1 / 6)
    assert sum(between.values()) == pytest.approx(1 / 6)


def test_eigenvector_per_component(small_graphs: AnalysisGraphs) -> None:
    """Component schulamt–ki–caritas, weights 1 and 2: λ = √5, x = (1/√10, 1/√2, 2/√10).

    Component fb–verein: (1/√2, 1/√2), each component with unit norm.
    """
    found = centrality.eigenvector(small_graphs.actors)
    assert found[KI] == pytest.approx(1 / math.sqrt(2), abs=1e-8)
    assert found[SCHULAMT] == pytest.approx(1 / math.sqrt(10), abs=1e-8)
    assert found[CARITAS] == pytest.approx(2 / math.sqrt(10), abs=1e-8)
    assert found[FB] == pytest.approx(1 / math.sqrt(2), abs=1e-8)


def test_eigenvector_falls_back_to_a_dense_solver(small_graphs: AnalysisGraphs) -> None:
    iterated = centrality.eigenvector(small_graphs.actors)
    dense = centrality.eigenvector(small_graphs.actors, max_iter=1)
    assert dense == pytest.approx(iterated, abs=1e-8)


def test_eigenvector_of_isolates_is_zero() -> None:
    g = nx.Graph()
    g.add_nodes_from(["a", "b"])
    assert centrality.eigenvector(g) == {"a": 0.0, "b": 0.0}


def test_structural_holes(small_graphs: AnalysisGraphs) -> None:
    """ki's contacts are unconnected: constraint (1/3)² + (2/3)² = 5/9, effective size 2.

    Each of the others has one contact: constraint 1, effective size 1.
    """
    constraint = centrality.constraint(small_graphs.actors)
    size = centrality.effective_size(small_graphs.actors)
    assert constraint[KI] == pytest.approx(5 / 9)
    assert size[KI] == pytest.approx(2.0)
    for actor in (CARITAS, FB, SCHULAMT, VEREIN):
        assert constraint[actor] == pytest.approx(1.0)
        assert size[actor] == pytest.approx(1.0)


def test_structural_holes_undefined_for_isolates() -> None:
    g = nx.Graph([("a", "b")])
    g.add_node("lonely")
    assert centrality.constraint(g)["lonely"] is None
    assert centrality.effective_size(g)["lonely"] is None


def test_core_numbers() -> None:
    """A triangle with a pendant: the triangle is the 2-core."""
    g = nx.Graph([("a", "b"), ("b", "c"), ("a", "c"), ("c", "d")])
    assert centrality.core_numbers(g) == {"a": 2, "b": 2, "c": 2, "d": 1}


def _networkx(values: dict[str, float]) -> dict[str, float | None]:
    return {k: None if math.isnan(v) else v for k, v in values.items()}


@pytest.mark.parametrize("weight", ["weight", None])
@pytest.mark.parametrize("seed", range(12))
def test_structural_holes_agree_with_networkx(seed: int, weight: str | None) -> None:
    """The one-pass constraint and effective size give networkx's values (random graphs)."""
    import random

    rng = random.Random(seed)
    g = nx.gnp_random_graph(rng.randint(1, 20), rng.random() * 0.5, seed=seed)
    for u, v in g.edges:
        g[u][v]["weight"] = rng.randint(1, 5)
    g = nx.relabel_nodes(g, str)
    for ours, theirs in (
        (centrality.constraint, nx.constraint),
        (centrality.effective_size, nx.effective_size),
    ):
        expected = _networkx(theirs(g, weight=weight))
        found = ours(g, weight=weight)
        assert found.keys() == expected.keys()
        for node, value in expected.items():
            assert found[node] == (None if value is None else pytest.approx(value)), node
