"""How fast ``build`` and ``docs`` are on Leverkusen, beside their baselines from the same run.

Usage::

    python benchmarks/build_speed.py [--baseline REV] [--runs N] [--output FILE]

Measured, each ``--runs`` times (fresh processes; medians with min and max):

* ``build`` from scratch in an empty folder (the site from the installed package), and
  ``build`` again after adding one triple to one measure (the incremental build);
* the same two builds of the baseline revision (default: the last commit before the pipeline
  redesign), checked out as a git worktree and run from its own folder, as it needs;
* ``docs`` from scratch, and the bare build of the same pages: the same command with Sphinx's
  default theme alabaster instead of furo, both languages at once in both.

The ratios (build / baseline build, docs / bare docs) compare figures from this one run, so
the machine's mood cancels out. The result goes to ``benchmarks/results/build-speed.json``;
``benchmarks/report.py`` shows it on the benchmarks page.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from machine import describe, load_average

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CONF = ROOT / "src" / "integrationskonzept" / "publish" / "sphinx" / "project"
DEFAULT_BASELINE = "5a9f732"  # main before the pipeline redesign (issue 15)
DEFAULT_OUTPUT = HERE / "results" / "build-speed.json"
EDITED_FILE = "section-4-3.ttl"
EDITED_SUBJECT = (
    "https://w3id.org/integrationskonzept/leverkusen/measure/"
    "informationsangebote-ausbildung-und-arbeit-neuzugewanderte"
)
# the targets of issue 15, in seconds or as ratios
TARGETS = {
    "build-clean": 30.0,
    "build-clean-ratio": 0.6,
    "build-incremental": 4.0,
    "docs-ratio": 1.1,
}
ALABASTER_CONF = """\
import runpy

globals().update(
    {{k: v for k, v in runpy.run_path({conf!r}).items() if not k.startswith("__")}}
)
html_theme = "alabaster"
html_sidebars = {{}}
html_theme_options = {{}}
html_favicon = {favicon!r}
"""


# a row of the stage table `build` prints: │ stage │ result │ files │ seconds │
_STAGE_ROW = re.compile(r"^│\s*([a-z-]+)\s*│.*│\s*\d+\s*│\s*(\d+\.\d+)\s*│\s*$", re.M)


def _timed(command: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, dict[str, float]]:
    """Wall-clock seconds of ``command`` and the stage times it printed (if it is a build)."""
    started = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"failed ({done.returncode}): {' '.join(command)}\n{done.stderr[-3000:]}")
    return seconds, {name: float(value) for name, value in _STAGE_ROW.findall(done.stdout)}


def _summary(one: _Build) -> dict[str, Any]:
    summary: dict[str, Any] = {
        "median_s": round(statistics.median(one.seconds), 3),
        "min_s": round(min(one.seconds), 3),
        "max_s": round(max(one.seconds), 3),
        "runs_s": [round(s, 3) for s in one.seconds],
        "command": " ".join(part.replace(str(ROOT), "<repo>") for part in one.command),
    }
    if one.stages:
        # where the time goes: the median of each stage the build reported
        summary["stages_median_s"] = {
            name: round(statistics.median(times), 3) for name, times in one.stages.items()
        }
    return summary


def _editor(data: Path) -> tuple[Callable[[int], None], Callable[[], None]]:
    target = data / EDITED_FILE
    original = target.read_bytes()

    def edit(run: int) -> None:
        label = "<http://www.w3.org/2004/02/skos/core#altLabel>"
        line = f'\n<{EDITED_SUBJECT}> {label} "Änderung {run}"@de .\n'
        target.write_bytes(original + line.encode("utf-8"))

    def restore() -> None:
        target.write_bytes(original)

    return edit, restore


@dataclass
class _Build:
    """One measured command: how to run it, what to do before, and its times."""

    key: str
    command: list[str]
    cwd: Path
    env: dict[str, str]
    before: Callable[[int], None]
    seconds: list[float]
    stages: dict[str, list[float]] = field(default_factory=dict)


def measure(baseline: str, runs: int, work: Path) -> dict[str, Any]:
    """Every figure of this benchmark, measured below ``work``.

    The runs are interleaved (run 1 of every build, then run 2 …), so that the machine's
    ups and downs touch a figure and its baseline alike.
    """
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    cli = [sys.executable, "-m", "integrationskonzept"]
    data = shutil.copytree(ROOT / "data" / "leverkusen", work / "data")
    edit, restore = _editor(data)
    empty = work / "empty"
    empty.mkdir()
    tree = work / "baseline"
    subprocess.run(
        ["git", "-C", str(ROOT), "worktree", "add", "--detach", str(tree), baseline],
        check=True,
        capture_output=True,
    )
    # the baseline's own package first on the path (before the editable install's)
    old_env = {**env, "PYTHONPATH": str(tree / "src")}
    bare_conf = work / "alabaster"
    bare_conf.mkdir()
    (bare_conf / "conf.py").write_text(
        ALABASTER_CONF.format(conf=str(CONF / "conf.py"), favicon=str(CONF / "favicon.svg")),
        encoding="utf-8",
    )
    html = work / "docs" / "html"
    docs = [*cli, "docs", "--data", str(data), "--out", str(html)]

    def wipe(folder: Path) -> Callable[[int], None]:
        def clean(_: int) -> None:
            restore()
            shutil.rmtree(folder, ignore_errors=True)

        return clean

    def build(out: Path) -> list[str]:
        return [*cli, "build", "--data", str(data), "--out", str(out)]

    new_out, old_out = work / "build", work / "baseline-build"
    builds = [
        _Build("build-clean", build(new_out), empty, env, wipe(new_out), []),
        _Build("build-incremental", build(new_out), empty, env, edit, []),
        _Build("baseline-build-clean", build(old_out), tree, old_env, wipe(old_out), []),
        _Build("baseline-build-incremental", build(old_out), tree, old_env, edit, []),
        _Build("docs-clean", docs, empty, env, wipe(work / "docs"), []),
        _Build(
            "docs-clean-bare",
            [*docs, "--conf", str(bare_conf)],
            empty,
            env,
            wipe(work / "docs"),
            [],
        ),
    ]
    try:
        for run in range(runs):
            for one in builds:
                one.before(run)
                seconds, stages = _timed(one.command, one.cwd, one.env)
                one.seconds.append(seconds)
                for name, stage_seconds in stages.items():
                    one.stages.setdefault(name, []).append(stage_seconds)
                print(f"run {run + 1}: {one.key} {one.seconds[-1]:.1f} s", file=sys.stderr)
    finally:
        restore()
        subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)])
    return {one.key: _summary(one) for one in builds}


def ratios(results: dict[str, Any]) -> dict[str, float]:
    """Side-by-side ratios of medians from the same run."""

    def ratio(a: str, b: str) -> float:
        return round(results[a]["median_s"] / results[b]["median_s"], 3)

    return {
        "build-clean-ratio": ratio("build-clean", "baseline-build-clean"),
        "build-incremental-ratio": ratio("build-incremental", "baseline-build-incremental"),
        "docs-ratio": ratio("docs-clean", "docs-clean-bare"),
    }


def targets(results: dict[str, Any], found: dict[str, float]) -> dict[str, dict[str, Any]]:
    """Each target of issue 15: the figure, the limit and whether it is met."""
    figures = {
        "build-clean": results["build-clean"]["median_s"],
        "build-clean-ratio": found["build-clean-ratio"],
        "build-incremental": results["build-incremental"]["median_s"],
        "docs-ratio": found["docs-ratio"],
    }
    return {
        name: {"value": figures[name], "limit": limit, "met": figures[name] <= limit}
        for name, limit in TARGETS.items()
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", default=DEFAULT_BASELINE)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    args = parser.parse_args(argv)
    at_start = load_average()
    with tempfile.TemporaryDirectory(prefix="ik-build-speed-") as work:
        results = measure(args.baseline, args.runs, Path(work))
    found = ratios(results)
    doc = {
        "machine": describe(at_start) | {"load_average_at_end": load_average()},
        "baseline": args.baseline,
        "runs": args.runs,
        "results": results,
        "ratios": found,
        "targets": targets(results, found),
    }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    tmp = args.output.with_suffix(".tmp")
    tmp.write_text(json.dumps(doc, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    tmp.replace(args.output)
    print(json.dumps({"ratios": found, "targets": doc["targets"]}, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
