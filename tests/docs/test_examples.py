"""The code on the site really runs: the tutorial (both languages) and the page examples."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from .helpers import CONF

_BLOCK = re.compile(r"```python\n(.*?)```", re.DOTALL)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_tutorial_code_runs(lang: str, capsys: pytest.CaptureFixture[str]) -> None:
    text = (CONF / "pages" / lang / "tutorial.md").read_text(encoding="utf-8")
    blocks = _BLOCK.findall(text)
    assert len(blocks) >= 5
    namespace: dict[str, object] = {}
    for block in blocks:
        exec(compile(block, f"tutorial-{lang}.md", "exec"), namespace)
    output = capsys.readouterr().out
    assert "True" in output and "C-1" in output


@pytest.mark.parametrize("lang", ["de", "en"])
def test_architecture_code_runs(lang: str, capsys: pytest.CaptureFixture[str]) -> None:
    text = (CONF / "pages" / lang / "architecture.md").read_text(encoding="utf-8")
    namespace: dict[str, object] = {}
    for block in _BLOCK.findall(text):
        exec(compile(block, f"architecture-{lang}.md", "exec"), namespace)
    output = capsys.readouterr().out
    assert "('load', 'analyse')" in output and "['load', 'analyse'] True" in output


def test_page_examples_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from integrationskonzept.publish.site.pages import downloads, errors, home

    monkeypatch.chdir(tmp_path)
    for code in (home.LIBRARY_EXAMPLE, downloads.PYTHON, errors.PYTHON):
        exec(compile(code, "example", "exec"), {})
    output = capsys.readouterr().out
    assert "C-1" in output and "2 " in output
    assert (tmp_path / "knowledge-base.jsonld").is_file()


def test_sparql_example_of_the_home_page_gives_the_prioritized_fields() -> None:
    from integrationskonzept import load
    from integrationskonzept.publish.site.pages.home import SPARQL_EXAMPLE

    rows = load(backend="oxigraph").query(SPARQL_EXAMPLE)
    assert [str(row[0]) for row in rows] == ["C", "D", "H"]  # type: ignore[index]
