"""Fixtures over the small hand-built knowledge base of :mod:`small_kb`."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph

from integrationskonzept.analyse.graphs import AnalysisGraphs, build_graphs
from integrationskonzept.analyse.report import AnalysisReport, analyse

from .small_kb import SMALL_TTL, small_graph


@pytest.fixture(scope="session")
def small() -> Graph:
    return small_graph()


@pytest.fixture(scope="session")
def small_graphs(small: Graph) -> AnalysisGraphs:
    return build_graphs(small)


@pytest.fixture(scope="session")
def small_report(small_graphs: AnalysisGraphs) -> AnalysisReport:
    return analyse(small_graphs)


@pytest.fixture
def small_data_dir(tmp_path: Path) -> Path:
    """A --data folder holding the small knowledge base as one Turtle file."""
    folder = tmp_path / "city"
    folder.mkdir()
    (folder / "kb.ttl").write_text(SMALL_TTL, encoding="utf-8")
    return folder
