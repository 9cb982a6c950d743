"""The SPARQL facts and the graph builders, on the small knowledge base."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest
from rdflib import Graph

from integrationskonzept.analyse.facts import collect, local_name
from integrationskonzept.analyse.graphs import (
    AnalysisGraphs,
    actor_projection,
    affiliation_graph,
    build_graphs,
    canonical,
    governance_graph,
    network_field_graph,
    network_projection,
)
from integrationskonzept.load import load

from .small_kb import (
    CARITAS,
    FACHGRUPPE,
    FB,
    FIELD_A,
    FIELD_B,
    FIELD_C,
    KI,
    N1,
    N2,
    N3,
    N4,
    N5,
    SCHULAMT,
    SMALL_TTL,
    VEREIN,
)


@pytest.mark.parametrize("backend", ["memory", "oxigraph"])
def test_both_engines_give_the_same_facts(small_data_dir: Path, small: Graph, backend: str) -> None:
    loaded = load(small_data_dir, backend=backend)  # type: ignore[arg-type]
    assert collect(loaded) == collect(small)


def test_facts_leave_out_measures_and_fall_back_for_labels(small: Graph) -> None:
    facts = collect(small)
    assert {tie.target for tie in facts.ties} == {N1, N2, N3, N4, N5, FACHGRUPPE}
    assert facts.label(KI) == "Kommunales Integrationszentrum"
    assert facts.label("http://example.org/city/actor/unknown") == "unknown"
    assert facts.code(FIELD_C) == "C"
    assert facts.code("http://example.org/city/topic/Q") == "Q"
    assert local_name("http://example.org/x#Lead") == "Lead"


def test_affiliation_graph(small_graphs: AnalysisGraphs) -> None:
    g = small_graphs.affiliation
    assert sorted(n for n, side in g.nodes(data="bipartite") if side == 0) == sorted(
        [KI, SCHULAMT, FB, VEREIN, CARITAS]
    )
    assert g.nodes[N1] == {
        "label": "Runder Tisch",
        "kind": "network",
        "actor_kind": "",
        "bipartite": 1,
    }
    assert g.nodes[FACHGRUPPE]["kind"] == "body"
    assert g.nodes[KI]["actor_kind"] == "CityUnitKind"
    assert g.number_of_edges() == 10
    assert g.edges[KI, N2] == {"roles": ["Lead"], "fields": ["A", "B"], "lead_fields": ["A", "B"]}
    assert g.edges[VEREIN, N3] == {"roles": ["Management"], "fields": ["C"], "lead_fields": []}
    # no ik:topic on the responsibility: the network's own topics
    assert g.edges[VEREIN, N5]["fields"] == ["C"]
    assert g.edges[KI, FACHGRUPPE] == {"roles": ["Member"], "fields": [], "lead_fields": []}


def test_affiliation_graph_is_strictly_two_mode() -> None:
    """A network that leads another network would join two groups: that tie is left out."""
    extra = """
    <responsibility/n1/n2> a ik:Responsibility ; ik:actor <network/n2> ;
        ik:responsibleFor <network/n1> ; ik:role ik:Lead .
    """
    g = affiliation_graph(Graph().parse(data=SMALL_TTL + extra, format="turtle"))
    assert not g.has_edge(N2, N1)
    assert nx.is_bipartite(g)


def test_actor_projection_weights(small_graphs: AnalysisGraphs) -> None:
    p = small_graphs.actors
    assert sorted(p.edges(data="weight")) == sorted(
        [(KI, SCHULAMT, 1), (CARITAS, KI, 2), (FB, VEREIN, 1)]
    )
    assert p.nodes[KI]["label"] == "Kommunales Integrationszentrum"
    assert list(p.nodes) == sorted(p.nodes)


def test_network_projection_weights(small_graphs: AnalysisGraphs) -> None:
    p = small_graphs.networks
    weights = {frozenset((u, v)): w for u, v, w in p.edges(data="weight")}
    assert weights == {
        frozenset((N1, N2)): 1,
        frozenset((N1, N4)): 1,
        frozenset((N2, N4)): 1,
        frozenset((N1, FACHGRUPPE)): 1,
        frozenset((N2, FACHGRUPPE)): 1,
        frozenset((N4, FACHGRUPPE)): 2,  # ki and caritas
        frozenset((N3, N5)): 1,
    }


def test_projections_equal_their_builders(small_graphs: AnalysisGraphs) -> None:
    assert nx.utils.graphs_equal(actor_projection(small_graphs.affiliation), small_graphs.actors)
    assert nx.utils.graphs_equal(
        network_projection(small_graphs.affiliation), small_graphs.networks
    )


def test_network_field_graph(small: Graph) -> None:
    g = network_field_graph(small)
    assert sorted(g[N2]) == [FIELD_A, FIELD_B]
    assert g.nodes[FIELD_C] == {
        "label": "Arbeit",
        "kind": "field",
        "actor_kind": "",
        "bipartite": 1,
        "code": "C",
    }
    assert g.number_of_edges() == 6


def test_governance_graph(small: Graph) -> None:
    g = governance_graph(small)
    assert sorted(g.nodes) == sorted([CARITAS, KI, FACHGRUPPE])
    assert g.nodes[FACHGRUPPE]["kind"] == "body"
    assert g.nodes[KI]["kind"] == "actor"
    assert g.edges[KI, FACHGRUPPE]["roles"] == ["Leitung"]
    assert g.edges[CARITAS, FACHGRUPPE]["roles"] == []


def test_empty_knowledge_base_gives_empty_graphs() -> None:
    graphs = build_graphs(Graph())
    for graph in (graphs.affiliation, graphs.actors, graphs.networks, graphs.governance):
        assert graph.number_of_nodes() == 0


def test_canonical_sorts_nodes_and_edges() -> None:
    g = nx.Graph()
    g.add_edge("z", "a", weight=1)
    g.add_node("m", label="M")
    copy = canonical(g, name="x")
    assert list(copy.nodes) == ["a", "m", "z"]
    assert list(copy.edges(data=True)) == [("a", "z", {"weight": 1})]
    assert copy.graph["name"] == "x"
