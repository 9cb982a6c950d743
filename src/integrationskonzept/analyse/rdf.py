"""The analysis results as RDF: one set of ``ik:`` measure triples per actor.

The terms are declared in ``ontology/analysis.ttl``; they are built here from the namespace
string rather than the closed ``IK`` class, so this module does not depend on the
namespace module being regenerated. Counts are ``xsd:integer``, measures ``xsd:decimal``
(six decimals, as in the report; ``ik:degreeCentrality`` is the normalised degree, the
share of the other actors an actor is tied to); an undefined measure (Burt's, for an
isolated actor) has no triple. Brokerage counts are those with primary fields as groups.

>>> from rdflib import Graph
>>> from integrationskonzept.analyse.report import analyse
>>> len(analysis_graph(analyse(Graph())))
0
"""

from __future__ import annotations

from rdflib import Graph, Literal, URIRef

from integrationskonzept.analyse.report import AnalysisReport
from integrationskonzept.namespaces import IK, bind_prefixes

# Plain IRIs: the closed rdflib XSD namespace warns when doctest collection probes it.
XSD_INTEGER = URIRef("http://www.w3.org/2001/XMLSchema#integer")
XSD_DECIMAL = URIRef("http://www.w3.org/2001/XMLSchema#decimal")

INTEGER_PROPERTIES = {
    "leads": IK.networksLed,
    "networks": IK.networksInvolved,
    "community": IK.community,
}
DECIMAL_PROPERTIES = {
    "degree_centrality": IK.degreeCentrality,
    "betweenness": IK.betweennessCentrality,
    "eigenvector": IK.eigenvectorCentrality,
    "constraint": IK.burtConstraint,
    "effective_size": IK.effectiveSize,
}
BROKERAGE_PROPERTIES = {
    "coordinator": IK.brokerageCoordinator,
    "gatekeeper": IK.brokerageGatekeeper,
    "representative": IK.brokerageRepresentative,
    "liaison": IK.brokerageLiaison,
    "itinerant": IK.brokerageItinerant,
}
BROKERAGE_GROUPING = "field"


def _decimal(value: float) -> Literal:
    return Literal(f"{value:.6f}", datatype=XSD_DECIMAL)


def analysis_graph(report: AnalysisReport) -> Graph:
    """The per-actor measures of ``report`` as triples about the actors' IRIs."""
    graph = bind_prefixes(Graph())
    for record in report.actors:
        actor = URIRef(record.iri)
        for name, prop in INTEGER_PROPERTIES.items():
            graph.add((actor, prop, Literal(getattr(record, name), datatype=XSD_INTEGER)))
        graph.add((actor, IK.fieldsReached, Literal(len(record.fields), datatype=XSD_INTEGER)))
        for name, prop in DECIMAL_PROPERTIES.items():
            value = getattr(record, name)
            if value is not None:
                graph.add((actor, prop, _decimal(value)))
    for brokerage in report.brokerage:
        if brokerage.grouping != BROKERAGE_GROUPING:
            continue
        actor = URIRef(brokerage.iri)
        for role, prop in BROKERAGE_PROPERTIES.items():
            count = getattr(brokerage, role)
            graph.add((actor, prop, Literal(count, datatype=XSD_INTEGER)))
    return graph
