"""The layout and its CSVW description agree with the files written."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from integrationskonzept.authoring import export_city
from integrationskonzept.authoring.layout import SHEETS


def test_headers_are_unique_within_every_sheet() -> None:
    for sheet in SHEETS:
        for attribute in ("name", "de", "en"):
            values = [getattr(column, attribute) for column in sheet.columns]
            assert len(values) == len(set(values)), (sheet.id, attribute)


def test_csvw_metadata_describes_every_csv_file(tmp_path: Path) -> None:
    export_city(None, tmp_path / "csv", fmt="csv")
    metadata = json.loads((tmp_path / "csv" / "metadata.json").read_text(encoding="utf-8"))
    assert metadata["dialect"]["headerRowCount"] == 2
    described = {table["url"]: table for table in metadata["tables"]}
    assert set(described) == {p.name for p in (tmp_path / "csv").glob("*.csv")}
    for sheet in SHEETS:
        table = described[f"{sheet.id}.csv"]
        text = (tmp_path / "csv" / f"{sheet.id}.csv").read_text(encoding="utf-8-sig")
        header = next(csv.reader(io.StringIO(text)))
        columns = [c for c in table["tableSchema"]["columns"] if not c.get("virtual")]
        assert [c["titles"]["de"] for c in columns] == header
        for column in columns:
            for key in ("propertyUrl", "valueUrl", "aboutUrl"):
                if key in column:
                    assert column[key].startswith(("http", "rdf:")), (sheet.id, column)
    status = next(
        c for c in described["measures.csv"]["tableSchema"]["columns"] if c["name"] == "status"
    )
    assert status["valueUrl"] == "https://w3id.org/integrationskonzept/ontology#{status}"
