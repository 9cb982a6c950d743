"""``integrationskonzept analyse`` through click's test runner."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from click.testing import CliRunner

from integrationskonzept.cli import main

from .small_kb import KI


def test_json(small_data_dir: Path) -> None:
    result = CliRunner().invoke(
        main, ["analyse", "--data", str(small_data_dir), "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["summary"]["actors"] == 5
    ki = next(a for a in report["actors"] if a["iri"] == KI)
    assert ki["leads"] == 3


def test_csv(small_data_dir: Path) -> None:
    result = CliRunner().invoke(main, ["analyse", "--data", str(small_data_dir), "--format", "csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 5
    assert {"iri", "leads", "betweenness", "community"} <= set(rows[0])


def test_table_and_out(small_data_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "analysis"
    result = CliRunner().invoke(main, ["analyse", "--data", str(small_data_dir), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "Kommunales" in result.stdout
    assert "articulation points: Kommunales Integrationszentrum" in result.stdout
    assert "fields sharing no network with another field: C" in result.stdout
    assert (out / "actors.graphml").is_file()
    assert (out / "affiliation.svg").is_file()
    assert len(list(out.iterdir())) == 14


def test_missing_data_folder_exits_2(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["analyse", "--data", str(tmp_path / "nowhere")])
    assert result.exit_code == 2
    assert "does not exist" in result.stderr


def test_listed_in_help() -> None:
    result = CliRunner().invoke(main, ["--help"])
    assert "analyse" in result.stdout
