"""What a build has made so far: the typed results each stage hands to the next.

A stage reads the artefacts it needs (:meth:`Artefacts.need` says clearly when one is missing,
which would be a mistake in the plan, not in the data) and sets its own.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rdflib import Graph

from integrationskonzept.analyse import AnalysisGraphs, AnalysisReport
from integrationskonzept.compare import Comparison
from integrationskonzept.errors import IntegrationskonzeptError
from integrationskonzept.model import KnowledgeBase
from integrationskonzept.publish.site.inputs import CommandLineReference
from integrationskonzept.publish.site.result import DocsResult
from integrationskonzept.validation import Language, ValidationReport


@dataclass(frozen=True)
class DocsOptions:
    """How the docs stage builds the site.

    ``out``: the HTML folder (``None``: ``<build out>/site/html``); ``conf``: a Sphinx project
    folder instead of the packaged one; ``sources``: where the generated sources go
    (``None``: beside the HTML); ``jobs``: Sphinx processes per language; ``concurrent``:
    both languages at once, each in its own process.
    """

    out: Path | None = None
    lang: str = "both"
    jobs: str | int = 1
    conf: Path | None = None
    sources: Path | None = None
    fresh: bool = False
    warnings: Path | None = None
    concurrent: bool = True


@dataclass
class Artefacts:
    """The inputs of a build and what its stages produced, in the order they produce it.

    ``out`` is the folder the file outputs go to; ``None`` computes without writing (what
    ``validate`` and ``analyse`` on the terminal need). ``source`` is the graph exactly as
    parsed (exports are made from it), ``graph`` its copy on Oxigraph (queries run on it).
    ``previous`` is the data folder of an earlier report (``build --previous``); the compare
    stage sets ``comparison`` from it.
    """

    data: Path | None
    out: Path | None
    previous: Path | None = None
    plan: tuple[str, ...] = ()
    reference: CommandLineReference = field(default_factory=CommandLineReference)
    docs_options: DocsOptions = field(default_factory=DocsOptions)
    source: Graph | None = None
    graph: Graph | None = None
    kb: KnowledgeBase | None = None
    validation: Mapping[Language, ValidationReport] | None = None
    analysis: AnalysisReport | None = None
    analysis_graphs: AnalysisGraphs | None = None
    analysis_files: Mapping[str, str | bytes] | None = None
    downloads: Mapping[str, bytes] | None = None
    comparison: Comparison | None = None
    docs: list[DocsResult] | None = None

    def need(self, name: str) -> Any:
        """The artefact ``name``; a clear error if no earlier stage produced it."""
        value = getattr(self, name)
        if value is None:
            raise IntegrationskonzeptError(
                f"the pipeline has no {name!r} yet: a stage that needs it ran before the stage "
                "that makes it"
            )
        return value


Progress = Callable[[str], None]
