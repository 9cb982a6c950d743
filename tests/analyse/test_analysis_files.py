"""The writers: CSV tables, GraphML/GEXF, figures; same input, same bytes."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest
from rdflib import Graph

from integrationskonzept.analyse.graphs import AnalysisGraphs, build_graphs
from integrationskonzept.analyse.report import AnalysisReport, analyse
from integrationskonzept.load import load
from integrationskonzept.publish.files.analysis_files import (
    actors_csv,
    brokerage_csv,
    communities_csv,
    gexf,
    graphml,
    matrix_csv,
    plain_graph,
    rendered_files,
    write_analysis,
)

from .small_kb import KI, N2, SMALL_TTL

EXPECTED_FILES = {
    "actors.csv", "actors.gexf", "actors.graphml", "actors.png", "actors.svg",
    "affiliation.gexf", "affiliation.graphml", "affiliation.png", "affiliation.svg",
    "analysis.json", "analysis.ttl", "brokerage.csv", "communities.csv", "matrix.csv",
}  # fmt: skip


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_actors_csv(small_report: AnalysisReport) -> None:
    rows = _rows(actors_csv(small_report))
    assert [r["iri"] for r in rows] == sorted(r["iri"] for r in rows)
    ki = next(r for r in rows if r["iri"] == KI)
    assert (ki["leads"], ki["fields"], ki["betweenness"], ki["constraint"]) == (
        "3", "A; B", "0.166667", "0.555556",
    )  # fmt: skip


def test_brokerage_communities_and_matrix_csv(small_report: AnalysisReport) -> None:
    brokerage = _rows(brokerage_csv(small_report))
    assert len(brokerage) == 10
    assert [(r["grouping"], r["iri"]) for r in brokerage] == sorted(
        (r["grouping"], r["iri"]) for r in brokerage
    )
    communities = _rows(communities_csv(small_report))
    assert [(r["community"], r["size"], r["field"]) for r in communities][:2] == [
        ("0", "3", "B"),
        ("0", "3", "A"),
    ]
    matrix = matrix_csv(small_report).splitlines()
    assert matrix[0] == "iri,label,A,B,C,networks_led"
    assert matrix[1] == f"{KI},Kommunales Integrationszentrum,2,2,0,3"


def test_graph_files_have_plain_attributes(small_graphs: AnalysisGraphs) -> None:
    plain = plain_graph(small_graphs.affiliation)
    assert plain.edges[KI, N2]["fields"] == "A; B"
    back = nx.parse_graphml(graphml(plain))
    assert back.edges[KI, N2]["roles"] == "Lead"
    assert back.nodes[KI]["label"] == "Kommunales Integrationszentrum"
    text = gexf(plain)
    assert "lastmodifieddate" not in text
    parsed = nx.read_gexf(io.BytesIO(text.encode("utf-8")))
    assert parsed.nodes[KI]["label"] == "Kommunales Integrationszentrum"


def test_every_file_is_rendered_the_same_twice(
    small_report: AnalysisReport, small_graphs: AnalysisGraphs
) -> None:
    first = rendered_files(small_report, small_graphs)
    assert set(first) == EXPECTED_FILES
    second = rendered_files(analyse(small_graphs), small_graphs)
    for name in first:
        assert first[name] == second[name], name
    assert first["actors.png"][:8] == b"\x89PNG\r\n\x1a\n"
    svg = first["affiliation.svg"]
    assert isinstance(svg, bytes)
    assert b"<dc:date>" not in svg and b"Kommunales Integrationszentrum" in svg


def test_write_analysis(
    tmp_path: Path, small_report: AnalysisReport, small_graphs: AnalysisGraphs
) -> None:
    written = write_analysis(small_report, small_graphs, tmp_path / "out")
    assert {p.name for p in written} == EXPECTED_FILES
    assert {p.name for p in (tmp_path / "out").iterdir()} == EXPECTED_FILES  # no temp files
    data = json.loads((tmp_path / "out" / "analysis.json").read_text(encoding="utf-8"))
    assert data == small_report.to_dict()


_SCRIPT = """
import hashlib, json, sys
from integrationskonzept.analyse.graphs import build_graphs
from integrationskonzept.analyse.report import analyse
from integrationskonzept.load import load
from integrationskonzept.publish.files.analysis_files import rendered_files
graphs = build_graphs(load(sys.argv[1], backend="oxigraph"))
files = rendered_files(analyse(graphs), graphs)
digests = {}
for name, content in files.items():
    data = content if isinstance(content, bytes) else content.encode("utf-8")
    digests[name] = hashlib.sha256(data).hexdigest()
print(json.dumps(digests, sort_keys=True))
"""


@pytest.mark.parametrize("seed", ["1", "987"])
def test_every_file_is_the_same_under_other_hash_seeds(small_data_dir: Path, seed: str) -> None:
    graphs = build_graphs(load(small_data_dir, backend="oxigraph"))
    files = rendered_files(analyse(graphs), graphs)
    expected = {
        name: hashlib.sha256(c if isinstance(c, bytes) else c.encode("utf-8")).hexdigest()
        for name, c in files.items()
    }
    done = subprocess.run(
        [sys.executable, "-c", _SCRIPT, str(small_data_dir)],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONHASHSEED": seed},
        check=True,
    )
    assert json.loads(done.stdout) == expected


def test_figures_cope_with_a_field_that_lists_no_network() -> None:
    """A responsibility may name a field whose table does not list the network itself."""
    extra = """
    <field/D> a ik:ActionField ; skos:notation "D" .
    <network/n6> a ik:Network ; skos:prefLabel "Neu"@de .
    <responsibility/n6/neu/D> a ik:Responsibility ; ik:actor <actor/neu> ;
        ik:responsibleFor <network/n6> ; ik:role ik:Lead ; ik:topic <field/D> .
    """
    graphs = build_graphs(Graph().parse(data=SMALL_TTL + extra, format="turtle"))
    report = analyse(graphs)
    assert report.actor("http://example.org/city/actor/neu").field == "D"
    files = rendered_files(report, graphs)
    assert report.matrix.fields == ("A", "B", "C", "D")
    assert isinstance(files["actors.svg"], bytes)
