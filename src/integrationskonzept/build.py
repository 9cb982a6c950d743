"""The main job: load → validate → analyse → publish, composed from the stages' functions.

Each stage takes the previous stage's value and returns its own; ``run_build`` only wires
them and records what each produced, so a caller (the CLI) can show progress and a summary.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph

from integrationskonzept.atomic import write_text
from integrationskonzept.errors import ValidationFailed
from integrationskonzept.load import load
from integrationskonzept.publish.export import FORMATS, SUFFIXES, export
from integrationskonzept.stats import class_counts


@dataclass
class StageResult:
    """What one stage did: its name, a one-line summary, the files it wrote, its duration."""

    name: str
    summary: str
    outputs: list[Path] = field(default_factory=list)
    seconds: float = 0.0


@dataclass
class BuildSummary:
    """The results of every stage that ran, in order."""

    stages: list[StageResult] = field(default_factory=list)

    @property
    def seconds(self) -> float:
        return sum(stage.seconds for stage in self.stages)


Progress = Callable[[str], None]


def _noop(_: str) -> None:
    return None


def _stage_export(graph: Graph, out: Path) -> StageResult:
    written = [export(graph, fmt, out / f"knowledge-base{SUFFIXES[fmt]}") for fmt in FORMATS]
    counts = class_counts(graph)
    stats_path = out / "stats.json"
    write_text(stats_path, json.dumps(counts, indent=2, ensure_ascii=False) + "\n")
    written.append(stats_path)
    return StageResult("export", f"{len(graph)} triples in {len(FORMATS)} formats", written)


def run_build(
    data: Path | str | None = None,
    out: Path | str = "build",
    *,
    progress: Progress = _noop,
    fail_on_violation: bool = True,
) -> BuildSummary:
    """Run every stage on one city's knowledge base and write the results below ``out``.

    Raises :class:`ValidationFailed` (after writing the validation report) when the
    knowledge base has violations and ``fail_on_violation`` is set.
    """
    out_dir = Path(out)
    summary = BuildSummary()

    progress("load")
    started = time.perf_counter()
    graph = load(data, backend="oxigraph")
    summary.stages.append(
        StageResult("load", f"{len(graph)} triples", seconds=time.perf_counter() - started)
    )

    for name, stage in _extra_stages():
        progress(name)
        started = time.perf_counter()
        result = stage(graph, data, out_dir)
        result.seconds = time.perf_counter() - started
        summary.stages.append(result)
        if name == "validate" and fail_on_violation and "violation" in result.summary and not result.summary.startswith("conforms"):  # noqa: E501
            raise ValidationFailed(result.summary)

    progress("export")
    started = time.perf_counter()
    result = _stage_export(graph, out_dir)
    result.seconds = time.perf_counter() - started
    summary.stages.append(result)
    return summary


StageFunction = Callable[[Graph, "Path | str | None", Path], StageResult]


def _extra_stages() -> list[tuple[str, StageFunction]]:
    """The stages between load and export, in order (grows as stages land)."""
    return []
