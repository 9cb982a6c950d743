"""The stages of the benchmark, in report order, and whether a stage's code is there.

What is measured, per size (number of cities, see ``generate.py``):

* in-process stages (``inprocess.py``), timed with ``time.perf_counter`` after
  ``gc.collect()``: load (memory and Oxigraph backends), validate (a memory graph and an
  Oxigraph graph), every named query (through the public ``query()`` on both backends, and
  Oxigraph's engine alone), the typed model, analyse, export (Turtle, N-Triples, JSON-LD);
* whole processes (``processes.py``, ``builds.py``), timed from start to exit:
  ``integrationskonzept stats`` (cold), ``integrationskonzept validate``,
  ``benchmarks/pipeline.py`` (load + validate + analyse in one fresh process, the scale
  target), the docs build (clean, clean ``-j 2``, incremental after editing the one Turtle
  file, and clean with Sphinx's default theme ``alabaster``) and, for one city,
  ``integrationskonzept build`` (clean and after editing the Turtle file).

A stage whose code cannot be imported (:func:`_available`), or whose command the CLI lacks
(:func:`_cli_help`), is recorded as ``unavailable`` with the reason.
"""

from __future__ import annotations

import importlib
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from settings import LONG_LIMIT_SECONDS

EXPORT_FORMATS = ("turtle", "ntriples", "json-ld")


@dataclass(frozen=True)
class Stage:
    """A stage of the benchmark: its name, group, kind, a one-line description, its limit."""

    name: str
    group: str
    kind: str  # in-process | process
    description: str
    limit: float | None = None
    """Seconds one run may take; ``None``: :data:`settings.LIMIT_SECONDS`."""


def stage_list(query_names: list[str] | None = None) -> list[Stage]:
    """Every stage the benchmark reports, in report order (the result file holds all)."""
    if query_names is None:
        from integrationskonzept.query import named_queries

        query_names = sorted(named_queries())
    stages = [
        Stage("load-memory", "load", "in-process", "load(data) on rdflib's memory store"),
        Stage("load-oxigraph", "load", "in-process", "load(data, backend='oxigraph')"),
        Stage("validate", "validate", "in-process", "validate(graph), memory graph"),
        Stage("validate-oxigraph", "validate", "in-process", "validate(graph), Oxigraph graph"),
    ]
    for name in query_names:
        stages += [
            Stage(f"query-memory:{name}", "query", "in-process", f"query({name!r}) on memory"),
            Stage(f"query-oxigraph:{name}", "query", "in-process", f"query({name!r}) on Oxigraph"),
            Stage(
                f"engine-oxigraph:{name}",
                "query",
                "in-process",
                f"graph.query() of {name!r} on Oxigraph, without the runner's safety parse",
            ),
        ]
    stages += [
        Stage("model", "model", "in-process", "KnowledgeBase(graph=…): build every object"),
        Stage("analyse", "analyse", "in-process", "analyse(graph) on the Oxigraph graph"),
    ]
    stages += [
        Stage(f"export-{fmt}", "export", "in-process", f"serialize(graph, {fmt!r})")
        for fmt in EXPORT_FORMATS
    ]
    long = LONG_LIMIT_SECONDS
    stages += [
        Stage("cli-stats", "process", "process", "integrationskonzept stats (cold process)"),
        Stage("cli-validate", "process", "process", "integrationskonzept validate"),
        Stage(
            "pipeline",
            "process",
            "process",
            "load (Oxigraph) + validate + analyse in one fresh process (benchmarks/pipeline.py)",
            long,
        ),
        Stage(
            "cli-build",
            "build",
            "process",
            "integrationskonzept build (validate, analyse, docs in both languages, export), "
            "from scratch",
            long,
        ),
        Stage(
            "cli-build-incremental",
            "build",
            "process",
            "integrationskonzept build after adding one triple to the Turtle file",
            long,
        ),
        Stage("docs-clean", "docs", "process", "integrationskonzept docs, from scratch", long),
        Stage(
            "docs-clean-j2",
            "docs",
            "process",
            "integrationskonzept docs -j 2, from scratch",
            long,
        ),
        Stage(
            "docs-incremental",
            "docs",
            "process",
            "integrationskonzept docs after adding one triple to the Turtle file",
            long,
        ),
        Stage(
            "docs-clean-alabaster",
            "docs",
            "process",
            "the same build from scratch with Sphinx's default theme alabaster",
            long,
        ),
    ]
    return stages


def _available(module: str, attribute: str) -> str | None:
    """``None`` if ``module.attribute`` can be imported, else why not."""
    try:
        found = importlib.import_module(module)
    except ImportError as exc:
        return f"stage not available: cannot import {module} ({exc})"
    if not hasattr(found, attribute):
        return f"stage not available: {module} has no {attribute}()"
    return None


def _cli() -> list[str]:
    script = Path(sys.executable).parent / "integrationskonzept"
    return [str(script)] if script.exists() else [sys.executable, "-m", "integrationskonzept"]


def _cli_help(subcommand: str) -> str | None:
    """The ``--help`` text of a subcommand, or ``None`` if the CLI has no such command."""
    done = subprocess.run(
        [*_cli(), subcommand, "--help"], capture_output=True, text=True, check=False
    )
    return done.stdout if done.returncode == 0 else None
