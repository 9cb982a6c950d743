"""The analysis of the bundled Leverkusen knowledge base (skipped until its network tables
exist: files ``section-4-*.ttl`` with ``ik:Responsibility``)."""

from __future__ import annotations

import pytest
from rdflib import Graph

from integrationskonzept import resources
from integrationskonzept.analyse.graphs import AnalysisGraphs, build_graphs
from integrationskonzept.analyse.report import AnalysisReport, analyse
from integrationskonzept.load import load

LEV = "https://w3id.org/integrationskonzept/leverkusen/"
KI = f"{LEV}actor/kommunales-integrationszentrum"
AK_JUGEND = f"{LEV}network/ak-jugend-schule-familie-soziales-und-erwachsenenbildung"


def _has_network_tables() -> bool:
    return any(
        "ik:Responsibility" in path.read_text(encoding="utf-8")
        for path in resources.data_dir().glob("section-4-*.ttl")
    )


pytestmark = pytest.mark.skipif(
    not _has_network_tables(), reason="data/leverkusen has no network tables yet"
)


@pytest.fixture(scope="module")
def leverkusen() -> Graph:
    return load(backend="oxigraph")


@pytest.fixture(scope="module")
def graphs(leverkusen: Graph) -> AnalysisGraphs:
    return build_graphs(leverkusen)


@pytest.fixture(scope="module")
def report(graphs: AnalysisGraphs) -> AnalysisReport:
    return analyse(graphs)


def test_kommunales_integrationszentrum_leads_the_most_networks(report: AnalysisReport) -> None:
    ranked = sorted(report.actors, key=lambda record: -record.leads)
    assert ranked[0].iri == KI
    assert ranked[0].leads > ranked[1].leads


def test_ak_jugend_is_listed_in_fields_b_f_and_g(graphs: AnalysisGraphs) -> None:
    network_fields = graphs.network_fields
    codes = sorted(network_fields.nodes[field]["code"] for field in network_fields[AK_JUGEND])
    assert codes == ["B", "F", "G"]


def test_ki_tops_the_responsibility_matrix(report: AnalysisReport) -> None:
    assert report.matrix.rows[0].iri == KI
    assert set("ABCDEFGH") <= set(report.matrix.fields)


def test_every_network_has_a_lead_or_management_tie(graphs: AnalysisGraphs) -> None:
    """Every network of a field table appears in the affiliation graph."""
    listed = {n for n, kind in graphs.network_fields.nodes(data="kind") if kind == "network"}
    tied = {n for n, kind in graphs.affiliation.nodes(data="kind") if kind == "network"}
    assert listed - tied == set()
