"""Components, cut points, lead concentration and field links."""

from __future__ import annotations

from integrationskonzept.analyse.graphs import AnalysisGraphs
from integrationskonzept.analyse.structure import (
    Component,
    FieldLink,
    LeadShare,
    articulation_points,
    components,
    field_links,
    isolated_fields,
    lead_concentration,
    led_networks,
    structure,
)

from .small_kb import CARITAS, FACHGRUPPE, FB, KI, N1, N2, N3, N4, N5, SCHULAMT, VEREIN


def test_components(small_graphs: AnalysisGraphs) -> None:
    assert components(small_graphs.affiliation) == (
        Component(actors=(CARITAS, KI, SCHULAMT), groups=(FACHGRUPPE, N1, N2, N4)),
        Component(actors=(FB, VEREIN), groups=(N3, N5)),
    )


def test_articulation_points(small_graphs: AnalysisGraphs) -> None:
    """Without ki, schulamt and caritas fall apart."""
    assert articulation_points(small_graphs.actors) == (KI,)


def test_lead_concentration(small_graphs: AnalysisGraphs) -> None:
    """Five networks. ki leads n1, n2, n4; fb, schulamt, verein one each (tie cut by IRI):
    top 1 covers 3/5, top 3 (ki, fb, schulamt) covers n1 n2 n4 n3 = 4/5, top 5 covers all."""
    assert led_networks(small_graphs.affiliation)[KI] == {N1, N2, N4}
    assert lead_concentration(small_graphs.affiliation) == (
        LeadShare(1, (KI,), 3, 0.6),
        LeadShare(3, (KI, FB, SCHULAMT), 4, 0.8),
        LeadShare(5, (KI, FB, SCHULAMT, VEREIN), 5, 1.0),
    )


def test_field_links_and_isolated_fields(small_graphs: AnalysisGraphs) -> None:
    """Only n2 is listed in two tables (A and B); C shares no network."""
    assert field_links(small_graphs.network_fields) == (FieldLink(("A", "B"), (N2,)),)
    assert isolated_fields(small_graphs.network_fields) == ("C",)


def test_structure_bundles_everything(small_graphs: AnalysisGraphs) -> None:
    found = structure(small_graphs.affiliation, small_graphs.actors, small_graphs.network_fields)
    assert found.articulation_points == (KI,)
    assert len(found.components) == 2
    assert found.isolated_fields == ("C",)
    # the projection is a forest: every actor is in the 1-core
    assert (found.max_core, found.main_core) == (1, (CARITAS, FB, KI, SCHULAMT, VEREIN))
