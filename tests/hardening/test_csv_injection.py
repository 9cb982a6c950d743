"""No CSV the project writes holds a cell a spreadsheet would run as a formula.

The OWASP rule: a text cell that begins with ``=``, ``+``, ``-``, ``@``, tab or carriage
return gets a ``'`` in front. Numbers are not text: ``-1.5`` in a numeric column stays.
Checked on ``query --format csv`` / ``tsv`` and on every CSV file ``analyse --out`` writes.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from integrationskonzept.publish.files.csvcells import FORMULA_STARTS

from .conftest import invoke
from .hostile import ACTORS, FIELD, hostile_city

FORMULA = '=HYPERLINK("http://x")'
LABELS = {ACTORS[3]: FORMULA, ACTORS[4]: "@SUM(A1)", FIELD: "-2+3"}


def _rows(text: str, delimiter: str = ",") -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))


def _is_number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


def _unsafe_cells(rows: list[list[str]]) -> list[str]:
    return [c for row in rows for c in row if c.startswith(FORMULA_STARTS) and not _is_number(c)]


@pytest.mark.parametrize(("fmt", "delimiter"), [("csv", ","), ("tsv", "\t")])
def test_query_results_defuse_formulas_and_keep_numbers(
    tmp_path: Path, fmt: str, delimiter: str
) -> None:
    data = hostile_city(tmp_path / "city", LABELS)
    text = (
        "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
        f"SELECT ?label (-1.5 AS ?n) ('-1' AS ?s) WHERE {{ <{ACTORS[3].iri}> skos:prefLabel ?label FILTER(LANG(?label) = \"de\") }}"
    )
    result = invoke(["query", "--data", data, "--text", text, "--format", fmt])
    assert result.exit_code == 0, result.output[-2000:]
    rows = _rows(result.stdout_bytes.decode("utf-8"), delimiter)
    assert rows == [["label", "n", "s"], ["'" + FORMULA, "-1.5", "'-1"]]


def test_every_analysis_csv_defuses_formulas(tmp_path: Path) -> None:
    data = hostile_city(tmp_path / "city", LABELS)
    out = tmp_path / "out"
    result = invoke(["analyse", "--data", data, "--format", "csv", "--out", out])
    assert result.exit_code == 0, result.output[-2000:]
    files = sorted(out.glob("*.csv"))
    assert [f.name for f in files] == [
        "actors.csv",
        "brokerage.csv",
        "communities.csv",
        "matrix.csv",
    ]
    seen = ""
    for path in files:
        rows = _rows(path.read_bytes().decode("utf-8"))
        assert _unsafe_cells(rows) == [], path.name
        seen += path.read_text(encoding="utf-8")
    assert "'" + FORMULA.replace('"', '""') in seen
    assert "'@SUM(A1)" in seen
    actors = _rows(result.stdout_bytes.decode("utf-8"))
    assert _unsafe_cells(actors) == []
    # numbers stay numbers (some measures are negative or zero; all parse as floats)
    header = actors[0]
    for row in actors[1:]:
        assert _is_number(row[header.index("betweenness")])
