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
from integrationskonzept.publish.description import dataset_description
from integrationskonzept.publish.export import FORMATS, SUFFIXES, export, serialize
from integrationskonzept.stats import class_counts


@dataclass
class StageResult:
    """What one stage did: its name, a one-line summary, the files it wrote, its duration."""

    name: str
    summary: str
    outputs: list[Path] = field(default_factory=list)
    seconds: float = 0.0
    # set by a stage whose finding should stop the build (validate: a violation)
    failed: bool = False


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
    description_path = out / "dataset.ttl"
    write_text(description_path, serialize(dataset_description(graph), "turtle"))
    written.append(description_path)
    return StageResult(
        "export", f"{len(graph)} triples in {len(FORMATS)} formats, VoID/DCAT description", written
    )


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
        if result.failed and fail_on_violation:
            raise ValidationFailed(result.summary)

    progress("export")
    started = time.perf_counter()
    result = _stage_export(graph, out_dir)
    result.seconds = time.perf_counter() - started
    summary.stages.append(result)
    return summary


StageFunction = Callable[[Graph, "Path | str | None", Path], StageResult]


def _stage_analyse(graph: Graph, data: Path | str | None, out_dir: Path) -> StageResult:
    """The governance-network analysis below ``out_dir/analysis`` (JSON, CSV, GraphML …)."""
    from integrationskonzept.analyse.graphs import build_graphs
    from integrationskonzept.analyse.report import analyse
    from integrationskonzept.publish.analysis_files import write_analysis

    del data  # the graph is already loaded
    graphs = build_graphs(graph)
    report = analyse(graphs)
    written = write_analysis(report, graphs, out_dir / "analysis")
    actors = graphs.actors.number_of_nodes()
    return StageResult("analyse", f"{actors} actors in the network", written)


def _stage_docs(graph: Graph, data: Path | str | None, out_dir: Path) -> StageResult:
    """The bilingual documentation site below ``out_dir/site`` (needs ``docs/conf.py``)."""
    from integrationskonzept.publish.sphinx.stage import docs_stage

    return docs_stage(data, out_dir)


def _extra_stages() -> list[tuple[str, StageFunction]]:
    """The stages between load and export, in order (grows as stages land)."""
    from integrationskonzept.validation import _stage_validate

    return [
        ("validate", _stage_validate),
        ("analyse", _stage_analyse),
        ("docs", _stage_docs),
    ]
