"""The README stays true: its two commands exist and its Python example runs."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_quick_start_commands_are_make_targets_and_ci_runs_the_tests() -> None:
    quick_start = README.split("## Quick start", 1)[1].split("##", 1)[0]
    commands = re.findall(r"^make (\w+)", quick_start, flags=re.MULTILINE)
    assert commands == ["build", "test"]
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for target in commands:
        assert re.search(rf"^{target}:", makefile, flags=re.MULTILINE), target
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_python_api_example_runs(capsys: object) -> None:
    blocks = re.findall(r"```python\n(.*?)```", README, flags=re.DOTALL)
    api = next(block for block in blocks if block.startswith("import integrationskonzept"))
    namespace: dict[str, object] = {}
    exec(compile(api, "README.md", "exec"), namespace)
    assert namespace["report"].conforms  # type: ignore[attr-defined]
    assert len(namespace["rows"].rows) == 5  # type: ignore[attr-defined]
