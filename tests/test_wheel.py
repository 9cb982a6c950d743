"""A wheel built from the repository loads the full graph from any working directory."""

from __future__ import annotations

import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_installed_wheel_loads_bundled_data(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(dist),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    wheel = next(dist.glob("integrationskonzept-*.whl"))
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=False)
    python = env_dir / "bin" / "python"
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "-q",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    # The dependencies come from this environment's site-packages, the package only from the
    # wheel: the editable install's path hook is not processed for a plain path entry.
    deps = sysconfig.get_paths()["purelib"]
    script = (
        "import sys; sys.path[:0] = [sys.argv[1], sys.argv[2]];"
        "import integrationskonzept, integrationskonzept.resources as r;"
        "assert '_data' in str(r.ontology_dir()), r.ontology_dir();"
        "g = integrationskonzept.load(); print(len(g))"
    )
    workdir = tmp_path / "elsewhere"
    workdir.mkdir()
    out = subprocess.run(
        [str(python), "-c", script, str(target), deps],
        check=True,
        capture_output=True,
        text=True,
        cwd=workdir,
    )
    assert int(out.stdout.strip()) > 1000
