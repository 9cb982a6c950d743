"""The analysis results as RDF."""

from __future__ import annotations

from rdflib import Literal, URIRef

from integrationskonzept.analyse.rdf import XSD_DECIMAL, XSD_INTEGER, analysis_graph
from integrationskonzept.analyse.report import AnalysisReport
from integrationskonzept.namespaces import IK
from integrationskonzept.publish.files.export import serialize

from .small_kb import KI, SCHULAMT


def test_measures_of_one_actor(small_report: AnalysisReport) -> None:
    graph = analysis_graph(small_report)
    ki = URIRef(KI)

    def value(name: str) -> object:
        found = list(graph.objects(ki, IK[name]))
        assert len(found) == 1, name
        return found[0]

    assert value("networksLed") == Literal(3, datatype=XSD_INTEGER)
    assert value("networksInvolved") == Literal(3, datatype=XSD_INTEGER)
    assert value("fieldsReached") == Literal(2, datatype=XSD_INTEGER)
    assert value("degreeCentrality") == Literal("0.500000", datatype=XSD_DECIMAL)
    assert value("betweennessCentrality") == Literal("0.166667", datatype=XSD_DECIMAL)
    assert value("eigenvectorCentrality") == Literal("0.707107", datatype=XSD_DECIMAL)
    assert value("burtConstraint") == Literal("0.555556", datatype=XSD_DECIMAL)
    assert value("effectiveSize") == Literal("2.000000", datatype=XSD_DECIMAL)
    assert value("community") == Literal(0, datatype=XSD_INTEGER)
    assert value("brokerageRepresentative") == Literal(1, datatype=XSD_INTEGER)
    assert value("brokerageGatekeeper") == Literal(1, datatype=XSD_INTEGER)
    assert value("brokerageLiaison") == Literal(0, datatype=XSD_INTEGER)


def test_every_actor_gets_every_measure(small_report: AnalysisReport) -> None:
    """4 counts, 5 decimal measures and 5 brokerage counts per actor."""
    graph = analysis_graph(small_report)
    assert len(set(graph.subjects())) == 5
    assert len(list(graph.predicate_objects(URIRef(SCHULAMT)))) == 14
    assert len(graph) == 5 * 14


def test_turtle_is_deterministic(small_report: AnalysisReport) -> None:
    first = serialize(analysis_graph(small_report), "turtle")
    assert first == serialize(analysis_graph(small_report), "turtle")
    assert "ik:networksLed 3" in first
