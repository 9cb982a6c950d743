"""Hostile labels come out as the same plain text in the JSON, the CSV and the graph files.

Property-based: hypothesis generates labels (see :mod:`.hostile`) for every actor and
network of the small city; the tests run the real commands or writers on it and read the
output back with an ordinary parser (``json``, ``csv``, networkx), which must give the
label back unchanged:

* JSON (``analyse --format json``, ``validate --format json``): exactly the label.
* CSV (``analyse --format csv`` and ``actors.csv``): the label, except that a label a
  spreadsheet would run as a formula (one that begins with ``=``, ``+``, ``-``, ``@``, tab
  or carriage return) has a ``'`` in front (the OWASP rule against CSV injection, see
  :mod:`integrationskonzept.publish.files.csvcells`); :func:`test_csv_defuses_formulas`.
* GraphML and GEXF: the label without the characters XML 1.0 cannot hold (C0 controls
  other than tab, line feed and carriage return; U+FFFE, U+FFFF), which
  :func:`integrationskonzept.publish.files.analysis_figures.xml_text` removes on purpose.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from click.testing import Result
from hypothesis import given
from hypothesis import strategies as st

from integrationskonzept.analyse.graphs import build_graphs
from integrationskonzept.analyse.report import analyse
from integrationskonzept.load import load
from integrationskonzept.publish.files.analysis_figures import xml_text
from integrationskonzept.publish.files.analysis_files import (
    gexf,
    graphml,
    plain_graph,
    write_analysis,
)
from integrationskonzept.publish.files.csvcells import text_cell

from .conftest import invoke
from .hostile import (
    ACTORS,
    FAST,
    GOAL,
    NETWORKS,
    SLOWER,
    Target,
    hostile_city,
    hostile_text,
    turtle_string,
)

# The figures draw labels in DejaVu Sans, which lacks most generated characters.
pytestmark = pytest.mark.filterwarnings("ignore:Glyph .* missing from font")

TARGETS = (*ACTORS, *NETWORKS)
# The actors the analysis covers (those in a network); the others may be left out.
IN_NETWORKS = (ACTORS[3], ACTORS[4])
_NUMBERS = itertools.count()


def _fresh(root: Path) -> Path:
    """A new folder name below ``root`` (hypothesis runs many examples in one test call)."""
    return root / f"example-{next(_NUMBERS)}"


def _labels() -> st.SearchStrategy[dict[Target, str]]:
    return st.fixed_dictionaries({t: hostile_text() for t in TARGETS})


def _labelled(value: Any, found: dict[str, set[str]]) -> dict[str, set[str]]:
    """Every ``label`` next to an ``iri`` anywhere in a JSON document, by IRI."""
    if isinstance(value, dict):
        if isinstance(value.get("iri"), str) and isinstance(value.get("label"), str):
            found.setdefault(value["iri"], set()).add(value["label"])
        for item in value.values():
            _labelled(item, found)
    elif isinstance(value, list):
        for item in value:
            _labelled(item, found)
    return found


def _stdout(result: Result) -> str:
    """What the command wrote to stdout (``Result.stdout`` turns CR LF into LF)."""
    return result.stdout_bytes.decode("utf-8")


def _csv_rows(text: str) -> dict[str, dict[str, str]]:
    """The rows of a CSV text by their ``iri`` column."""
    return {row["iri"]: row for row in csv.DictReader(io.StringIO(text, newline=""))}


# ---------------------------------------------------------------- JSON and CSV, via the CLI


@SLOWER
@given(labels=_labels())
def test_analyse_json_and_csv_give_the_labels_back(
    tmp_path: Path, labels: dict[Target, str]
) -> None:
    data = hostile_city(_fresh(tmp_path), labels)

    as_json = invoke(["analyse", "--data", data, "--format", "json"])
    assert as_json.exit_code == 0, as_json.output[-2000:]
    found = _labelled(json.loads(_stdout(as_json)), {})
    assert {t.iri for t in IN_NETWORKS} <= set(found)
    for target in TARGETS:
        assert found.get(target.iri, {labels[target]}) == {labels[target]}, target.iri

    as_csv = invoke(["analyse", "--data", data, "--format", "csv"])
    assert as_csv.exit_code == 0, as_csv.output[-2000:]
    rows = _csv_rows(_stdout(as_csv))
    assert {t.iri for t in IN_NETWORKS} <= set(rows)
    for target in TARGETS:
        if target.iri in rows:
            assert rows[target.iri]["label"] == text_cell(labels[target]), target.iri


def test_csv_defuses_formulas(tmp_path: Path) -> None:
    """A label that a spreadsheet would run as a formula gets a ``'`` in front; numbers
    (negative ones too) stay numbers."""
    formula = '=HYPERLINK("http://evil.example","x")'
    data = hostile_city(tmp_path / "city", {ACTORS[3]: formula, ACTORS[4]: "@SUM(A1)"})
    result = invoke(["analyse", "--data", data, "--format", "csv", "--out", tmp_path / "out"])
    assert result.exit_code == 0, result.output[-2000:]
    for text in (_stdout(result), (tmp_path / "out" / "actors.csv").read_text(encoding="utf-8")):
        rows = _csv_rows(text)
        assert rows[ACTORS[3].iri]["label"] == "'" + formula
        assert rows[ACTORS[4].iri]["label"] == "'@SUM(A1)"
        for row in rows.values():
            float(row["betweenness"])  # a number, not a defused text


def test_csv_on_stdout_keeps_terminal_escapes(tmp_path: Path) -> None:
    """click.echo strips ANSI sequences when stdout is not a terminal; the CSV is data, so
    ``analyse --format csv > actors.csv`` must give the same bytes as the written file."""
    label = "FB \x1b[31mrot\x1b[0m"
    data = hostile_city(tmp_path / "city", {ACTORS[3]: label})
    result = invoke(["analyse", "--data", data, "--format", "csv", "--out", tmp_path / "out"])
    assert _csv_rows(_stdout(result))[ACTORS[3].iri]["label"] == label
    assert _stdout(result) == (tmp_path / "out" / "actors.csv").read_text(encoding="utf-8")


@SLOWER
@given(label=hostile_text(), value=hostile_text())
def test_validation_json_gives_label_and_value_back(tmp_path: Path, label: str, value: str) -> None:
    """The goal's label (``focus_label``) and an ill-typed number (``value``) read back."""
    data = hostile_city(_fresh(tmp_path), {GOAL: label})
    path = data / "section-4-3.ttl"
    text = path.read_text(encoding="utf-8")
    block = text.index("<goal/C-1> a ik:GuidingGoal")
    number = text.index("ik:number 1 ;", block)
    bad = f"ik:number {turtle_string(value)}^^xsd:integer ;"
    path.write_text(text[:number] + bad + text[number + len("ik:number 1 ;") :], encoding="utf-8")

    result = invoke(["validate", "--data", data, "--format", "json"])
    assert result.exit_code == 1, result.output[-2000:]
    report = json.loads(_stdout(result))
    about_goal = [r for r in report["results"] if r["focus_node"] == GOAL.iri]
    assert about_goal, report
    assert {r["focus_label"] for r in about_goal} == {label}
    assert value in {r["value"] for r in about_goal if r["path"] == "ik:number"}


# ---------------------------------------------------------------- GraphML and GEXF


def _graph_labels(graph: nx.Graph) -> dict[str, str]:
    return {str(node): str(data.get("label")) for node, data in graph.nodes(data=True)}


@SLOWER
@given(labels=_labels())
def test_write_analysis_graph_files_give_the_labels_back(
    tmp_path: Path, labels: dict[Target, str]
) -> None:
    """write_analysis (with its figures) on the hostile city; GraphML and GEXF read back."""
    data = hostile_city(_fresh(tmp_path), labels)
    graphs = build_graphs(load(data, backend="oxigraph"))
    out = _fresh(tmp_path)
    write_analysis(analyse(graphs), graphs, out)

    for name in ("affiliation", "actors"):
        for read in (nx.read_graphml, nx.read_gexf):
            suffix = ".graphml" if read is nx.read_graphml else ".gexf"
            shown = _graph_labels(read(out / f"{name}{suffix}"))
            present = [t for t in TARGETS if t.iri in shown]
            assert present, f"no hostile node in {name}{suffix}"
            for target in present:
                assert shown[target.iri] == xml_text(labels[target]), (name, suffix)
    # bytes, not read_text(): reading as text turns a carriage return in a field into "\n"
    actors = _csv_rows((out / "actors.csv").read_bytes().decode("utf-8"))
    for target in IN_NETWORKS:
        assert actors[target.iri]["label"] == text_cell(labels[target])


_NODE_TEXT = hostile_text().filter(lambda s: xml_text(s) != "")


@FAST
@given(
    nodes=st.lists(
        st.tuples(_NODE_TEXT, hostile_text()),
        min_size=1,
        max_size=5,
        unique_by=lambda n: xml_text(n[0]),
    ),
    roles=st.lists(hostile_text(), max_size=3),
)
def test_graph_files_of_any_graph_read_back(nodes: list[tuple[str, str]], roles: list[str]) -> None:
    """Hostile node ids, labels and list attributes through plain_graph → GraphML / GEXF."""
    graph = nx.Graph()
    for node, label in nodes:
        graph.add_node(node, label=label, kind="actor")
    first = nodes[0][0]
    for node, _ in nodes[1:]:
        graph.add_edge(first, node, roles=roles, weight=1)
    plain = plain_graph(graph)
    for text, reader in ((graphml(plain), nx.parse_graphml), (gexf(plain), _parse_gexf)):
        back = reader(text)
        assert _graph_labels(back) == {xml_text(n): xml_text(label) for n, label in nodes}
        for u, v, attributes in back.edges(data=True):
            assert attributes["roles"] == xml_text("; ".join(roles)), (u, v)


def _parse_gexf(text: str) -> nx.Graph:
    return nx.read_gexf(io.BytesIO(text.encode("utf-8")))
