"""Gould–Fernandez brokerage on textbook examples worked out by hand."""

from __future__ import annotations

import networkx as nx
import pytest

from integrationskonzept.analyse.brokerage import (
    NO_GROUP,
    ROLES,
    actor_kinds,
    brokerage_roles,
    classify,
    primary_fields,
    symmetric,
)
from integrationskonzept.analyse.graphs import AnalysisGraphs

from .small_kb import CARITAS, FB, KI, SCHULAMT, VEREIN


def _digraph(arcs: list[tuple[str, str]], groups: dict[str, str]) -> nx.DiGraph:
    graph = nx.DiGraph(arcs)
    nx.set_node_attributes(graph, groups, "group")
    return graph


def _nonzero(result: dict[object, dict[str, int]]) -> dict[object, dict[str, int]]:
    return {
        node: {role: n for role, n in counts.items() if n}
        for node, counts in result.items()
        if any(counts.values())
    }


@pytest.mark.parametrize(
    ("groups", "role"),
    [
        ("XXX", "coordinator"),
        ("XYX", "itinerant"),
        ("XXY", "representative"),
        ("XYY", "gatekeeper"),
        ("XYZ", "liaison"),
    ],
)
def test_each_role_on_a_single_two_path(groups: str, role: str) -> None:
    """The path a → b → c, with the groups of a, b, c as given: b has exactly one role."""
    graph = _digraph([("a", "b"), ("b", "c")], dict(zip("abc", groups, strict=True)))
    result = brokerage_roles(graph)
    assert result["b"] == {r: int(r == role) for r in ROLES}
    assert not any(result["a"].values()) and not any(result["c"].values())
    assert classify(*groups) == role


def test_textbook_example_by_hand() -> None:
    """Seven nodes in three groups: A = {a1, a2, a3, a4}, B = {b1, b2}, C = {c1}.

    Arcs: a1→a2, a2→a3, a1→a3, a3→a4, a3→c1, c1→a1, a2→b1, b1→b2, b2→c1.

    Every two-path x → m → y (x ≠ y), by broker m, with the groups of x, m, y:

    ====  ====================  =====  =============================================
    m     two-path              groups role
    ====  ====================  =====  =============================================
    a1    c1 → a1 → a2          C A A  gatekeeper
    a1    c1 → a1 → a3          C A A  gatekeeper
    a2    a1 → a2 → a3          A A A  coordinator, but a1 → a3 exists: transitive
    a2    a1 → a2 → b1          A A B  representative
    a3    a2 → a3 → a4          A A A  coordinator
    a3    a1 → a3 → a4          A A A  coordinator
    a3    a2 → a3 → c1          A A C  representative
    a3    a1 → a3 → c1          A A C  representative
    b1    a2 → b1 → b2          A B B  gatekeeper
    b2    b1 → b2 → c1          B B C  representative
    c1    a3 → c1 → a1          A C A  itinerant
    c1    b2 → c1 → a1          B C A  liaison
    ====  ====================  =====  =============================================

    a4 has no out-arcs and brokers nothing. Only a1 → a2 → a3 is closed (a1 → a3), so the
    classic count differs from the count of all two-paths only by a2's coordinator path.
    """
    arcs = [
        ("a1", "a2"), ("a2", "a3"), ("a1", "a3"), ("a3", "a4"), ("a3", "c1"),
        ("c1", "a1"), ("a2", "b1"), ("b1", "b2"), ("b2", "c1"),
    ]  # fmt: skip
    groups = {"a1": "A", "a2": "A", "a3": "A", "a4": "A", "b1": "B", "b2": "B", "c1": "C"}
    graph = _digraph(arcs, groups)
    expected = {
        "a1": {"gatekeeper": 2},
        "a2": {"representative": 1},
        "a3": {"coordinator": 2, "representative": 2},
        "b1": {"gatekeeper": 1},
        "b2": {"representative": 1},
        "c1": {"itinerant": 1, "liaison": 1},
    }
    assert _nonzero(brokerage_roles(graph)) == expected
    every = _nonzero(brokerage_roles(graph, exclude_transitive=False))
    assert every == {**expected, "a2": {"coordinator": 1, "representative": 1}}


def test_symmetric_star_counts_each_pair_both_ways() -> None:
    """Undirected star: hub h (group X) with leaves x1, x2 (X) and y1 (Y).

    Symmetric arcs give the two-paths through h: x1→h→x2 and x2→h→x1 (coordinator, 2),
    x1→h→y1 and x2→h→y1 (X X Y: representative, 2), y1→h→x1 and y1→h→x2 (Y X X:
    gatekeeper, 2). Representative equals gatekeeper, as in every symmetric graph.
    """
    star = nx.Graph([("h", "x1"), ("h", "x2"), ("h", "y1")])
    directed = symmetric(star)
    groups = {"h": "X", "x1": "X", "x2": "X", "y1": "Y"}
    result = brokerage_roles(directed, groups)
    assert result["h"] == {
        "coordinator": 2,
        "gatekeeper": 2,
        "representative": 2,
        "liaison": 0,
        "itinerant": 0,
    }
    # Closing the triangle x1–x2 leaves only the paths that still need h.
    star.add_edge("x1", "x2")
    assert brokerage_roles(symmetric(star), groups)["h"]["coordinator"] == 0


def test_mutual_arcs_are_not_two_paths() -> None:
    """a ⇄ b: the walk a → b → a has a = c and is no brokerage."""
    graph = _digraph([("a", "b"), ("b", "a")], {"a": "X", "b": "Y"})
    assert _nonzero(brokerage_roles(graph)) == {}


def test_undirected_graphs_are_refused() -> None:
    with pytest.raises(nx.NetworkXNotImplemented):
        brokerage_roles(nx.Graph([("a", "b")]))


def test_every_node_needs_a_group() -> None:
    graph = _digraph([("a", "b"), ("b", "c")], {"a": "X", "b": "X"})
    with pytest.raises(KeyError, match="without a group"):
        brokerage_roles(graph)


def test_primary_fields_most_frequent_lead_field_ties_by_code(
    small_graphs: AnalysisGraphs,
) -> None:
    """ki leads n1 (A), n2 (A, B), n4 (B): A 2, B 2, the tie goes to A. caritas leads
    nothing and falls back to the field of its management tie (B)."""
    fields = primary_fields(small_graphs.affiliation)
    assert fields == {CARITAS: "B", FB: "C", KI: "A", SCHULAMT: "A", VEREIN: "C"}


def test_actor_kinds_as_groups(small_graphs: AnalysisGraphs) -> None:
    kinds = actor_kinds(small_graphs.affiliation)
    assert kinds[KI] == "CityUnitKind"
    assert NO_GROUP not in kinds.values()


def test_small_projection_brokerage(small_graphs: AnalysisGraphs) -> None:
    """In the actor projection only ki brokers: schulamt → ki → caritas (A A B,
    representative) and caritas → ki → schulamt (B A A, gatekeeper); by actor kind all three
    differ (liaison, twice)."""
    directed = symmetric(small_graphs.actors)
    by_field = brokerage_roles(directed, primary_fields(small_graphs.affiliation))
    assert _nonzero(by_field) == {KI: {"gatekeeper": 1, "representative": 1}}
    by_kind = brokerage_roles(directed, actor_kinds(small_graphs.affiliation))
    assert _nonzero(by_kind) == {KI: {"liaison": 2}}
