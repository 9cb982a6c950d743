"""A wheel built from the repository works from any working directory: it loads the full
graph, and its ``build`` writes the whole site in both languages from the packaged Sphinx
project (no checkout in sight)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _install_wheel(tmp_path: Path) -> tuple[Path, Path]:
    """The wheel installed into a folder; (the venv's python, that folder)."""
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
    return python, target


# The dependencies come from this environment's site-packages, the package only from the
# wheel: the editable install's path hook is not processed for a plain path entry.
DEPS = sysconfig.get_paths()["purelib"]


@pytest.mark.slow
def test_installed_wheel_loads_bundled_data(tmp_path: Path) -> None:
    python, target = _install_wheel(tmp_path)
    deps = DEPS
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


@pytest.mark.slow
def test_installed_wheel_builds_the_whole_site_in_an_empty_folder(tmp_path: Path) -> None:
    python, target = _install_wheel(tmp_path)
    workdir = tmp_path / "empty"
    workdir.mkdir()
    data = shutil.copytree(ROOT / "data" / "leverkusen", tmp_path / "mycity")
    env = {"PYTHONPATH": f"{target}:{DEPS}", "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    done = subprocess.run(
        [str(python), "-m", "integrationskonzept", "build", "--data", str(data), "--out", "out"],
        capture_output=True,
        text=True,
        cwd=workdir,
        env=env,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "skipped" not in done.stdout
    html = workdir / "out" / "site" / "html"
    for lang_root in (html, html / "en"):
        # generated pages, a hand-written page shipped in the package, the downloads
        for page in ("index.html", "field/C.html", "tutorial.html", "api.html", "errors.html"):
            assert (lang_root / page).is_file(), lang_root / page
        assert (lang_root / "downloads" / "knowledge-base.ttl").is_file()
    assert 'lang="en"' in (html / "en" / "index.html").read_text(encoding="utf-8")
    # the message catalogs ship in the wheel: German chrome and search messages, English too
    german = (html / "index.html").read_text(encoding="utf-8")
    assert "Zum Inhalt springen" in german and "Auf dieser Seite" in german
    assert "Suche beendet" in (html / "_static" / "translations.js").read_text(encoding="utf-8")
    assert "Skip to content" in (html / "en" / "index.html").read_text(encoding="utf-8")
