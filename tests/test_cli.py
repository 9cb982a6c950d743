"""The command line: exit codes, messages without tracebacks, formats."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from integrationskonzept.cli import main


def test_stats_json_counts_fields() -> None:
    result = CliRunner().invoke(main, ["stats", "--format", "json"])
    assert result.exit_code == 0, result.output
    counts = json.loads(result.output)
    assert counts["ik:ActionField"] == 8
    assert counts["ik:CrossCuttingTopic"] == 2


def test_stats_table_on_other_city(tiny_city: Path) -> None:
    result = CliRunner().invoke(main, ["stats", "--data", str(tiny_city)])
    assert result.exit_code == 0, result.output
    assert "ik:GuidingGoal" in result.output


def test_broken_turtle_exits_2_with_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "broken.ttl").write_text("<a> <b> <c> .\n<a> <b> .\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["stats", "--data", str(tmp_path)])
    assert result.exit_code == 2
    assert "broken.ttl:2" in result.output
    assert "Traceback" not in result.output


def test_missing_folder_exits_2(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["export", "--data", str(tmp_path / "gone")])
    assert result.exit_code == 2
    assert "does not exist" in result.output


def test_export_to_file_reports_and_writes(tmp_path: Path, tiny_city: Path) -> None:
    target = tmp_path / "out.nt"
    result = CliRunner().invoke(
        main, ["export", "--data", str(tiny_city), "--format", "ntriples", "-o", str(target)]
    )
    assert result.exit_code == 0, result.output
    assert "<https://w3id.org/integrationskonzept/musterstadt/field/A>" in target.read_text()


def test_failed_export_leaves_old_file(tmp_path: Path) -> None:
    target = tmp_path / "out.ttl"
    target.write_text("previous\n", encoding="utf-8")
    (tmp_path / "city").mkdir()
    (tmp_path / "city" / "x.ttl").write_text("<a> <b> .\n", encoding="utf-8")
    result = CliRunner().invoke(
        main, ["export", "--data", str(tmp_path / "city"), "-o", str(target)]
    )
    assert result.exit_code == 2
    assert target.read_text(encoding="utf-8") == "previous\n"


def test_build_writes_outputs_and_summary(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["build", "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    out = tmp_path / "out"
    for name in (
        "knowledge-base.ttl",
        "dataset.ttl",
        "validation-report.json",
        "analysis/actors.csv",
        "site/html/index.html",
        "site/html/en/index.html",
    ):
        assert (out / name).is_file(), name
    assert "done in" in result.output
