"""``integrationskonzept docs``: options and errors (the build itself: test_site.py)."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from integrationskonzept.cli import main


def test_docs_command_is_registered() -> None:
    result = CliRunner().invoke(main, ["docs", "--help"])
    assert result.exit_code == 0
    for option in ("--data", "--out", "--lang", "-j"):
        assert option in result.output


def test_missing_conf_exits_2(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["docs", "--conf", str(tmp_path / "nowhere")])
    assert result.exit_code == 2
    assert "conf.py" in result.output
    assert "Traceback" not in result.output


def test_missing_data_exits_2(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["docs", "--data", str(tmp_path / "gone")])
    assert result.exit_code == 2
    assert "does not exist" in result.output
