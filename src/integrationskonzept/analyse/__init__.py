"""Network analysis of a knowledge base: networkx graphs built from RDF, one module per topic.

=================  ==========================================================
module             what it does
=================  ==========================================================
``facts``          the SPARQL queries (a few per kind of fact)
``graphs``         affiliation graph, projections, network–field, governance
``centrality``     involvement and centrality of every actor
``brokerage``      Gould–Fernandez brokerage roles
``communities``    Louvain communities and their alignment with the fields
``structure``      components, cut points, lead concentration, field links
``matrix``         lead actors × fields
``report``         everything in one deterministic report (``analyse``)
``rdf``            the report's per-actor measures as RDF
=================  ==========================================================

>>> from integrationskonzept.analyse import analyse
>>> from rdflib import Graph
>>> analyse(Graph()).summary.actors
0
"""

from __future__ import annotations

from integrationskonzept.analyse.graphs import (
    AnalysisGraphs,
    actor_projection,
    affiliation_graph,
    build_graphs,
    governance_graph,
    network_field_graph,
    network_projection,
)
from integrationskonzept.analyse.rdf import analysis_graph
from integrationskonzept.analyse.report import AnalysisReport, analyse

__all__ = [
    "AnalysisGraphs",
    "AnalysisReport",
    "actor_projection",
    "affiliation_graph",
    "analyse",
    "analysis_graph",
    "build_graphs",
    "governance_graph",
    "network_field_graph",
    "network_projection",
]
