"""What the site is made of: the typed results of the earlier stages, handed in, never redone.

The pipeline's docs stage fills a :class:`SiteInputs` from its artefacts (the knowledge base,
the validation reports of one SHACL run, the analysis with its rendered files, the exported
downloads) and the command line adds its own reference (help texts, live error examples) as
data. The site's content and the Sphinx glue only read it.

:func:`SiteInputs.from_data` is for a standalone ``sphinx-build`` of the packaged project
(no pipeline in front): it runs the lower layers once itself.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from integrationskonzept.analyse import AnalysisReport, analyse, build_graphs
from integrationskonzept.compare import Comparison
from integrationskonzept.model import KnowledgeBase
from integrationskonzept.publish.files.analysis_files import rendered_files
from integrationskonzept.publish.files.downloads import graph_files
from integrationskonzept.validation import Language, ValidationReport, validate_in


@dataclass(frozen=True)
class ErrorExample:
    """One live example of the error page: a command run on bad input and what it printed."""

    title: str
    command: str
    exit_code: int
    output: str


@dataclass(frozen=True)
class CommandLineReference:
    """What the command line says about itself, produced by the CLI layer and passed down.

    ``help_texts``: ``(command path, --help text)``, the group first, then each subcommand;
    ``examples``: per language, the error page's examples as really run.
    """

    help_texts: tuple[tuple[str, str], ...] = ()
    examples: Mapping[str, tuple[ErrorExample, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class SiteInputs:
    """Everything the site shows, as typed results of the stages that made them.

    ``validation``: the report per language (``"de"``, ``"en"``) of one SHACL run;
    ``analysis_files``: the analysis outputs by file name (figures included);
    ``downloads``: the whole-graph downloads by path below the site (``downloads/…``);
    ``pages``: a folder of hand-written pages per language (``<pages>/<lang>/``), if any;
    ``comparison``: what changed since a previous report (the compare stage's result), if
    one was given.
    """

    kb: KnowledgeBase
    validation: Mapping[Language, ValidationReport]
    analysis: AnalysisReport | None = None
    analysis_files: Mapping[str, str | bytes] = field(default_factory=dict)
    downloads: Mapping[str, bytes] = field(default_factory=dict)
    reference: CommandLineReference = field(default_factory=CommandLineReference)
    comparison: Comparison | None = None

    @classmethod
    def from_data(cls, data: Path | str | None = None) -> SiteInputs:
        """Load, validate and analyse ``data`` once (for a Sphinx run without the pipeline)."""
        kb = KnowledgeBase(data)
        kb.check()
        reports = validate_in(kb.graph)
        graphs = build_graphs(kb.graph)
        report = analyse(graphs)
        return cls(
            kb=kb,
            validation=reports,
            analysis=report,
            analysis_files=rendered_files(report, graphs),
            downloads=graph_files(kb.graph),
        )
