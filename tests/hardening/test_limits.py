"""Input limits and odd files: each a clean exit 2 that says which limit and how to raise it,
and a build after a killed build that succeeds."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from integrationskonzept.cli import main
from integrationskonzept.pipeline import DocsOptions, run
from integrationskonzept.publish.sphinx.runner import IN_PROGRESS

CITY = Path(__file__).parent / "city"


def _city(tmp_path: Path) -> Path:
    return shutil.copytree(CITY, tmp_path / "city")


def _invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    assert "Traceback" not in result.output
    return result.exit_code, result.output


def test_a_file_over_the_size_limit_names_the_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = _city(tmp_path)
    monkeypatch.setenv("IK_MAX_FILE_MB", "0.001")  # 1 kB: the small city's files are larger
    code, output = _invoke("export", "--data", str(data))
    assert code == 2
    assert "more than the limit" in output and "IK_MAX_FILE_MB" in output
    monkeypatch.setenv("IK_MAX_FILE_MB", "lots")
    code, output = _invoke("export", "--data", str(data))
    assert code == 2 and "IK_MAX_FILE_MB must be a number" in output


@pytest.mark.parametrize("command", [["export"], ["build", "--no-docs", "--out", "out"]])
def test_deep_nesting_is_refused_with_its_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: list[str]
) -> None:
    data = _city(tmp_path)
    depth = 100_000
    deep = "<urn:x:a> <urn:x:b>\n  " + "(" * depth + " 1 " + ")" * depth + " .\n"
    (data / "deep.ttl").write_text(deep, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, output = _invoke(*command, "--data", str(data))
    assert code == 2
    assert "deep.ttl:2" in output and "nest deeper" in output


@pytest.mark.parametrize("target", ["nowhere.ttl", "itself.ttl"])
def test_a_broken_symbolic_link_is_reported(tmp_path: Path, target: str) -> None:
    data = _city(tmp_path)
    (data / "itself.ttl" if target == "itself.ttl" else data / "link.ttl").symlink_to(data / target)
    code, output = _invoke("stats", "--data", str(data))
    assert code == 2
    assert "symbolic link points to no file" in output


def test_a_build_after_a_killed_build_succeeds(tmp_path: Path) -> None:
    options = DocsOptions(out=tmp_path / "html", lang="de", concurrent=False)
    run("docs", data=CITY, out=None, docs_options=options)
    index = tmp_path / "html" / "searchindex.js"
    # what a build killed while writing leaves: its marker and a half-written search index
    (tmp_path / "doctrees" / "de" / IN_PROGRESS).touch()
    index.write_text(index.read_text(encoding="utf-8")[:100], encoding="utf-8")
    run("docs", data=CITY, out=None, docs_options=options)
    assert index.read_text(encoding="utf-8").startswith("Search.setIndex(")
    assert index.read_text(encoding="utf-8").rstrip().endswith(")")
    assert not (tmp_path / "doctrees" / "de" / IN_PROGRESS).exists()
    assert (tmp_path / "doctrees" / "de" / "environment.pickle").is_file()
