"""Louvain communities and their alignment with the fields."""

from __future__ import annotations

import networkx as nx
import pytest

from integrationskonzept.analyse.brokerage import NO_GROUP, primary_fields
from integrationskonzept.analyse.communities import (
    communities,
    detect,
    normalised_mutual_information,
)
from integrationskonzept.analyse.graphs import AnalysisGraphs

from .small_kb import CARITAS, FB, KI, SCHULAMT, VEREIN


def test_two_components_two_communities(small_graphs: AnalysisGraphs) -> None:
    """Modularity by hand: m = 4 (weights 1 + 2 + 1); degrees ki 3, schulamt 1, caritas 2,
    fb 1, verein 1. Q = (3/4 − (6/8)²) + (1/4 − (2/8)²) = 0.1875 + 0.1875 = 0.375."""
    fields = primary_fields(small_graphs.affiliation)
    found = communities(small_graphs.actors, fields)
    assert [c.members for c in found.items] == [(CARITAS, KI, SCHULAMT), (FB, VEREIN)]
    assert found.modularity == 0.375
    first, second = found.items
    assert first.fields == (("A", 2), ("B", 1))
    assert (first.dominant_field, first.dominant_share) == ("A", 0.666667)
    assert (second.dominant_field, second.dominant_share) == ("C", 1.0)
    assert found.membership()[VEREIN] == 1


def test_alignment_nmi_by_hand(small_graphs: AnalysisGraphs) -> None:
    """Communities {caritas B, ki A, schulamt A} and {fb C, verein C}.

    H(communities) = H(3/5, 2/5) = 0.673012; H(fields) = H(2/5, 1/5, 2/5) = 1.054920;
    I = H(fields) − H(fields | communities) = 1.054920 − 3/5·H(2/3, 1/3) = 1.054920 −
    3/5·0.636514 = 0.673012 (the fields determine the communities, so I = H(communities)),
    and NMI = 2 · 0.673012 / (0.673012 + 1.054920) = 1.346024 / 1.727932 = 0.778979.
    """
    found = communities(small_graphs.actors, primary_fields(small_graphs.affiliation))
    assert found.field_alignment_nmi == pytest.approx(0.778979, abs=2e-6)


def test_actors_without_a_field_do_not_count_for_alignment() -> None:
    graph = nx.Graph([("a", "b"), ("c", "d")])
    fields = {"a": "X", "b": NO_GROUP, "c": "Y", "d": NO_GROUP}
    found = communities(graph, fields)
    assert [c.dominant_field for c in found.items] == ["X", "Y"]
    assert [c.dominant_share for c in found.items] == [1.0, 1.0]
    assert found.field_alignment_nmi == 1.0


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        (["a", "a", "b", "b"], ["x", "x", "y", "y"], 1.0),
        (["a", "a", "b", "b"], ["x", "y", "x", "y"], 0.0),
        (["a", "a", "a"], ["x", "x", "x"], 1.0),
        ([], [], 1.0),
    ],
)
def test_nmi(first: list[str], second: list[str], expected: float) -> None:
    assert normalised_mutual_information(first, second) == expected


def test_detect_is_sorted_and_seeded() -> None:
    graph = nx.barbell_graph(5, 0)
    graph = nx.relabel_nodes(graph, {i: f"n{i:02d}" for i in graph})
    found = detect(graph)
    assert found == detect(graph)
    assert all(list(c) == sorted(c) for c in found)
    assert [len(c) for c in found] == [5, 5]
    assert detect(nx.Graph()) == []
