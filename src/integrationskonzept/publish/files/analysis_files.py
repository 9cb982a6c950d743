"""Write an analysis to files: CSV tables, GraphML/GEXF graphs, figures, JSON and Turtle.

Every file is rendered to a string or bytes first and then written atomically; every table
is sorted; the graph files carry plain string ids and scalar attributes only (lists are
``"; "``-joined, missing values are ``""``), so Gephi and yEd read them. The same report
gives the same bytes on every run.

==========================  ====================================================
file                        holds
==========================  ====================================================
``analysis.json``           the whole report (:meth:`AnalysisReport.to_json`)
``analysis.ttl``            the per-actor measures as RDF
``actors.csv``              one row per actor, every measure
``brokerage.csv``           brokerage counts per actor and grouping
``communities.csv``         one row per community member
``matrix.csv``              lead actors × fields
``affiliation.graphml``     actors and networks/bodies (also ``.gexf``)
``actors.graphml``          the actor projection with the measures (also ``.gexf``)
``affiliation.png/.svg``    the affiliation graph in blocks by field
``actors.png/.svg``         the actor projection in arcs by field
==========================  ====================================================

>>> from rdflib import Graph
>>> from integrationskonzept.analyse import analyse
>>> actors_csv(analyse(Graph())).split(",")[:6]
['iri', 'label', 'actor_kind', 'field', 'leads', 'networks']
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import astuple, fields
from pathlib import Path
from typing import Any

import networkx as nx
from networkx.readwrite.gexf import GEXFWriter
from networkx.readwrite.graphml import GraphMLWriter

from integrationskonzept.analyse.graphs import AnalysisGraphs
from integrationskonzept.analyse.rdf import analysis_graph
from integrationskonzept.analyse.report import ActorRecord, AnalysisReport
from integrationskonzept.atomic import write_bytes, write_text
from integrationskonzept.publish.files import analysis_figures as figures
from integrationskonzept.publish.files.csvcells import csv_cell, text_cell
from integrationskonzept.publish.files.export import serialize
from integrationskonzept.publish.files.results import delimited

BROKERAGE_COLUMNS = (
    "grouping",
    "iri",
    "label",
    "group",
    "coordinator",
    "gatekeeper",
    "representative",
    "liaison",
    "itinerant",
    "total",
)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return "; ".join(str(item) for item in value)
    return str(value)


def _csv_value(value: Any) -> str:
    # Numbers stay numbers; text (lists joined first) is neutralised against formulas.
    return csv_cell(_cell(value) if isinstance(value, list | tuple) else value)


def _csv(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    """A CSV table; every cell, the header's too (field codes come from the data), through
    :func:`~integrationskonzept.publish.files.csvcells.csv_cell`."""
    cells = ([_csv_value(value) for value in row] for row in rows)
    return delimited([[text_cell(name) for name in header], *cells])


def actors_csv(report: AnalysisReport) -> str:
    """One row per actor (sorted by IRI) with every measure of :class:`ActorRecord`."""
    header = [f.name for f in fields(ActorRecord)]
    return _csv(header, (astuple(record) for record in report.actors))


def brokerage_csv(report: AnalysisReport) -> str:
    """Brokerage counts, sorted by grouping and IRI."""
    rows = sorted(
        ([getattr(r, c) for c in BROKERAGE_COLUMNS] for r in report.brokerage),
        key=lambda row: (row[0], row[1]),
    )
    return _csv(BROKERAGE_COLUMNS, rows)


def communities_csv(report: AnalysisReport) -> str:
    """One row per member: community, its size and dominant field, the member and its field."""
    field_of = {record.iri: record.field for record in report.actors}
    label_of = {record.iri: record.label for record in report.actors}
    header = ("community", "size", "dominant_field", "iri", "label", "field")
    rows = (
        (c.id, c.size, c.dominant_field, m, label_of.get(m, m), field_of.get(m))
        for c in report.communities.items
        for m in c.members
    )
    return _csv(header, rows)


def matrix_csv(report: AnalysisReport) -> str:
    """The responsibility matrix: lead actors (most networks led first) × field codes."""
    matrix = report.matrix
    header = ("iri", "label", *matrix.fields, "networks_led")
    rows = ((r.iri, r.label, *r.counts, r.networks_led) for r in matrix.rows)
    return _csv(header, rows)


def plain_graph(graph: nx.Graph, extra: Mapping[str, Mapping[str, Any]] | None = None) -> nx.Graph:
    r"""A copy with only scalar attributes (lists joined by ``"; "``, ``None`` as ``""``).

    ``extra`` adds node attributes (node → name → value) before the conversion. Text (ids
    and values) loses the characters XML 1.0 does not allow (control characters other than
    tab, line feed and carriage return), so that the GraphML and GEXF files stay readable.

    >>> g = nx.Graph()
    >>> g.add_edge("a", "b", roles=["Lead", "Member"])
    >>> g.add_node("a", label="A\x00\x1b[31m")
    >>> plain_graph(g).edges["a", "b"]["roles"]
    'Lead; Member'
    >>> plain_graph(g).nodes["a"]["label"]
    'A[31m'
    """

    def scalar(value: Any) -> Any:
        if isinstance(value, bool | int | float):
            return value
        return figures.xml_text(value if isinstance(value, str) else _cell(value))

    def name(node: Any) -> str:
        return figures.xml_text(str(node))

    copy = nx.Graph()
    for node in sorted(graph):
        data = {**graph.nodes[node], **(extra or {}).get(node, {})}
        copy.add_node(name(node), **{key: scalar(value) for key, value in sorted(data.items())})
    for u, v in sorted((min(a, b), max(a, b)) for a, b in graph.edges):
        data = graph.edges[u, v]
        values = {key: scalar(value) for key, value in sorted(data.items())}
        copy.add_edge(name(u), name(v), **values)
    return copy


def _xml_document(xml: str) -> str:
    # The writers' text, not networkx's generate_* functions: those split it with
    # str.splitlines(), which also breaks at CR, NEL (U+0085) and U+2028 inside labels and
    # so changed them into line feeds. A carriage return written as it is would still be
    # read back as a line feed by every XML parser; as a character reference it survives.
    return xml.replace("\r", "&#13;").rstrip("\n") + "\n"


def graphml(graph: nx.Graph) -> str:
    """GraphML of a graph with scalar attributes (see :func:`plain_graph`)."""
    writer = GraphMLWriter(encoding="utf-8", prettyprint=True)
    writer.add_graph_element(graph)
    return _xml_document(str(writer))


_GEXF_DATE = re.compile(r' lastmodifieddate="[^"]*"')


def gexf(graph: nx.Graph) -> str:
    """GEXF of a graph with scalar attributes, without the writer's date stamp."""
    writer = GEXFWriter(encoding="utf-8", prettyprint=True, version="1.2draft")
    writer.add_graph(graph)
    return _xml_document(_GEXF_DATE.sub("", str(writer)))


def _actor_measures(report: AnalysisReport) -> dict[str, dict[str, Any]]:
    keep = ("field", "leads", "networks", "betweenness", "eigenvector", "community", "core")
    return {r.iri: {name: getattr(r, name) for name in keep} for r in report.actors}


def rendered_files(report: AnalysisReport, graphs: AnalysisGraphs) -> dict[str, str | bytes]:
    """File name → content of every output, rendered in memory."""
    measures = _actor_measures(report)
    affiliation = plain_graph(graphs.affiliation, measures)
    actors = plain_graph(graphs.actors, measures)
    field_labels = {
        str(data["code"]): str(data["label"])
        for _, data in graphs.network_fields.nodes(data=True)
        if data["kind"] == "field"
    }
    primary = {r.iri: r.field for r in report.actors}
    leads = {r.iri: r.leads for r in report.actors}
    drawings = {
        "affiliation": figures.affiliation_figure(graphs.affiliation, primary, field_labels),
        "actors": figures.projection_figure(graphs.actors, primary, leads, field_labels),
    }
    files: dict[str, str | bytes] = {
        "analysis.json": report.to_json(),
        "analysis.ttl": serialize(analysis_graph(report), "turtle"),
        "actors.csv": actors_csv(report),
        "brokerage.csv": brokerage_csv(report),
        "communities.csv": communities_csv(report),
        "matrix.csv": matrix_csv(report),
        "affiliation.graphml": graphml(affiliation),
        "affiliation.gexf": gexf(affiliation),
        "actors.graphml": graphml(actors),
        "actors.gexf": gexf(actors),
    }
    # an SVG's title and description: what it shows and its data in words
    described = {
        "affiliation": (
            "Actors and the networks and bodies they are tied to, by field",
            figures.affiliation_description(graphs.affiliation),
        ),
        "actors": (
            "Actor projection: actors sharing networks, by field",
            figures.projection_description(graphs.actors, primary),
        ),
    }
    for name, figure in drawings.items():
        files[f"{name}.png"] = figures.render(figure, "png")
        titles = figures.node_titles(graphs.actors) if name == "actors" else None
        files[f"{name}.svg"] = figures.render(figure, "svg", *described[name], titles=titles)
    return dict(sorted(files.items()))


def write_analysis(
    report: AnalysisReport, graphs: AnalysisGraphs, out_dir: Path | str
) -> list[Path]:
    """Write every output below ``out_dir`` (atomically, file by file); return the paths."""
    folder = Path(out_dir)
    written = []
    for name, content in rendered_files(report, graphs).items():
        target = folder / name
        if isinstance(content, bytes):
            write_bytes(target, content)
        else:
            write_text(target, content)
        written.append(target)
    return written
