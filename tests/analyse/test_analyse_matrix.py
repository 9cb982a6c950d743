"""The responsibility matrix: lead actors × fields."""

from __future__ import annotations

from integrationskonzept.analyse.graphs import AnalysisGraphs
from integrationskonzept.analyse.matrix import MatrixRow, responsibility_matrix

from .small_kb import FB, KI, SCHULAMT, VEREIN


def test_matrix_by_hand(small_graphs: AnalysisGraphs) -> None:
    """ki leads n1 (A), n2 (A, B), n4 (B): A 2, B 2, three networks. Management (verein in
    n3) does not count; verein's lead of n5 has no topic and takes n5's field C."""
    matrix = responsibility_matrix(small_graphs.affiliation)
    assert matrix.fields == ("A", "B", "C")
    assert matrix.rows == (
        MatrixRow(KI, "Kommunales Integrationszentrum", (2, 2, 0), 3),
        MatrixRow(FB, "Fachbereich Soziales", (0, 0, 1), 1),
        MatrixRow(SCHULAMT, "Schulamt", (1, 1, 0), 1),
        MatrixRow(VEREIN, "Verein", (0, 0, 1), 1),
    )
    assert matrix.cell(KI, "B") == 2
    assert matrix.cell("http://example.org/nobody", "A") == 0


def test_extra_columns_stay_empty(small_graphs: AnalysisGraphs) -> None:
    matrix = responsibility_matrix(small_graphs.affiliation, ["D"])
    assert matrix.fields == ("A", "B", "C", "D")
    assert all(row.counts[-1] == 0 for row in matrix.rows)
