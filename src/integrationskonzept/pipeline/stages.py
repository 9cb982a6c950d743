"""The stages of a build, each a public function from the artefacts so far to a StageResult.

load → validate → analyse → export → (compare) → docs; compare runs only when a previous
report's data is given (``build --previous DIR``). A stage reads what earlier stages made
(:meth:`~.artefacts.Artefacts.need`), sets its own artefact and writes its files below
``artefacts.out`` (nothing when ``out`` is ``None``). None loads, validates or analyses again.
"""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from integrationskonzept.analyse import analyse as analyse_graphs
from integrationskonzept.analyse import build_graphs
from integrationskonzept.atomic import write_bytes, write_text
from integrationskonzept.compare import comparison, render
from integrationskonzept.errors import DocsUnavailable
from integrationskonzept.load import copy_graph
from integrationskonzept.load import load as load_graph
from integrationskonzept.model import KnowledgeBase
from integrationskonzept.pipeline.artefacts import Artefacts
from integrationskonzept.pipeline.result import StageResult
from integrationskonzept.publish.files.analysis_files import rendered_files
from integrationskonzept.publish.files.downloads import graph_files
from integrationskonzept.publish.site.inputs import SiteInputs
from integrationskonzept.resources import data_dir
from integrationskonzept.stats import class_counts
from integrationskonzept.terms import declared_prefixes
from integrationskonzept.validation import ValidationReport, validate_in

# violating nodes shown when validation stops a build (the report file has all of them)
SHOWN_VIOLATIONS = 5


def load(artefacts: Artefacts) -> StageResult:
    """The graph (ontology and data) as parsed, its copy on Oxigraph, and the typed model.

    The files are parsed once, into rdflib's store, which keeps every literal as written
    (exports come from it); the copy on Oxigraph answers the queries. The model builds its
    objects on first use; the docs stage checks them all before Sphinx starts, while
    validation reports what SHACL finds first.
    """
    kb = _knowledge_base(artefacts.data)
    artefacts.source, artefacts.graph, artefacts.kb = kb.source, kb.graph, kb
    return StageResult("load", f"{len(kb.graph)} triples")


def _knowledge_base(data: Path | None) -> KnowledgeBase:
    """One folder parsed once (rdflib's store), its copy on Oxigraph, and the model on both."""
    source = load_graph(data)
    return KnowledgeBase(graph=copy_graph(source, "oxigraph"), source=source)


def violation_lines(report: ValidationReport, shown: int = SHOWN_VIOLATIONS) -> tuple[str, ...]:
    """The first ``shown`` violations as ``node [property]: message``, then how many more."""
    violations = [result for result in report.results if result.severity == "violation"]
    lines = [
        f"{r.focus_curie}" + (f" [{r.path}]" if r.path else "") + f": {r.message}"
        for r in violations[:shown]
    ]
    if len(violations) > shown:
        lines.append(f"… and {len(violations) - shown} more")
    return tuple(lines)


def validate(artefacts: Artefacts) -> StageResult:
    """One SHACL run, its report in German and English; ``validation-report.{json,txt}``."""
    reports = validate_in(artefacts.need("graph"))
    artefacts.validation = reports
    report = reports["de"]
    written = []
    if artefacts.out is not None:
        json_path = artefacts.out / "validation-report.json"
        text_path = artefacts.out / "validation-report.txt"
        write_text(json_path, report.to_json())
        write_text(text_path, report.to_text())
        written = [json_path, text_path]
    english = report.summary("en")
    if report.conforms:
        return StageResult("validate", f"conforms ({english})", written)
    details = violation_lines(reports["en"])
    if written:
        details = (*details, f"the whole report: {written[1]}")
    return StageResult("validate", english, written, failed=True, details=details)


def analyse(artefacts: Artefacts) -> StageResult:
    """The governance-network analysis and its files (JSON, CSV, GraphML, figures …)."""
    graphs = build_graphs(artefacts.need("graph"))
    report = analyse_graphs(graphs)
    artefacts.analysis, artefacts.analysis_graphs = report, graphs
    written: list[Path] = []
    # the files (figures among them) take a while: only when written or shown on the site
    if artefacts.out is not None or "docs" in artefacts.plan:
        files = rendered_files(report, graphs)
        artefacts.analysis_files = files
        if artefacts.out is not None:
            written = _write_all(artefacts.out / "analysis", files)
    return StageResult(
        "analyse", f"{graphs.actors.number_of_nodes()} actors in the network", written
    )


def export(artefacts: Artefacts) -> StageResult:
    """The whole graph in every format, its VoID/DCAT description and ``stats.json``: the
    statements exactly as parsed (datatypes and lexical forms kept)."""
    graph = artefacts.need("source")
    files = graph_files(graph)
    artefacts.downloads = files
    written = []
    if artefacts.out is not None:
        counts = class_counts(artefacts.need("graph"))  # the same counts, Oxigraph is faster
        stats = json.dumps(counts, indent=2, ensure_ascii=False) + "\n"
        written = _write_all(artefacts.out, {**files, "stats.json": stats.encode("utf-8")})
    return StageResult("export", f"{len(graph)} triples in {len(files) - 2} formats", written)


def compare(artefacts: Artefacts) -> StageResult:
    """What changed since the previous report: the previous data folder loaded once, its
    model checked, compared with this build's model; ``changes.json`` and ``changes.md``.

    The previous folder is not validated with SHACL: it is an earlier, published state, and
    a finding in it should not stop this build; data the model cannot use still stops here
    with the node and property (:meth:`~integrationskonzept.model.KnowledgeBase.check`).
    """
    if artefacts.previous is None:
        return StageResult("compare", "no previous report given (--previous DIR)")
    new = artefacts.need("kb").check()
    old = _knowledge_base(artefacts.previous).check()
    result = comparison(
        old,
        new,
        old_source=artefacts.previous.name,
        new_source=(artefacts.data or data_dir()).name,
    )
    artefacts.comparison = result
    written: list[Path] = []
    if artefacts.out is not None:
        prefixes = declared_prefixes(old.source) | declared_prefixes(new.source)
        files = {
            "changes.json": render(result.diff, "json"),
            "changes.md": render(result.diff, "markdown", lang="de", prefixes=prefixes),
        }
        written = _write_all(artefacts.out, files)
    changes = sum(result.diff.counts().values())
    return StageResult("compare", f"{changes} changes since {artefacts.previous}", written)


# what the docs stage needs besides the core: the "docs" extra
DOCS_PACKAGES = ("sphinx", "furo", "myst_parser", "sphinx_copybutton")


def check_docs_available() -> None:
    """Raise :class:`DocsUnavailable` if a package of the ``docs`` extra is missing."""
    missing = [name for name in DOCS_PACKAGES if importlib.util.find_spec(name) is None]
    if missing:
        raise DocsUnavailable(
            f"the site needs {', '.join(missing)}, which is not installed: install the docs "
            "extra (pip install 'integrationskonzept[docs]') or build without the site "
            "(integrationskonzept build --no-docs)"
        )


def docs(artefacts: Artefacts) -> StageResult:
    """The site in German and English from the artefacts (both languages at once)."""
    check_docs_available()
    # Sphinx is the optional docs extra: imported only by the stage that needs it
    from integrationskonzept.publish.sphinx.runner import build_docs

    options = artefacts.docs_options
    if options.out is not None:
        html = options.out
    elif artefacts.out is not None:
        html = artefacts.out / "site" / "html"
    else:
        html = Path("docs/_build/html")
    # data the model cannot use stops here with the node and property, not inside Sphinx
    inputs = SiteInputs(
        kb=artefacts.need("kb").check(),
        validation=artefacts.need("validation"),
        analysis=artefacts.need("analysis"),
        analysis_files=artefacts.need("analysis_files"),
        downloads=artefacts.need("downloads"),
        reference=artefacts.reference,
        # the compare stage's result; None when no previous report was given
        comparison=artefacts.comparison,
    )
    results = build_docs(
        inputs,
        out=html,
        lang=options.lang,
        jobs=options.jobs,
        conf=options.conf,
        sources=options.sources,
        fresh=options.fresh,
        warnings=options.warnings,
        concurrent=options.concurrent,
    )
    artefacts.docs = results
    languages = ", ".join(result.lang for result in results)
    return StageResult(
        "docs", f"site in {languages} at {html}", [r.out / "index.html" for r in results]
    )


def _write_all(folder: Path, files: Mapping[str, str | bytes]) -> list[Path]:
    written = []
    for name, content in files.items():
        target = folder / name
        if isinstance(content, bytes):
            write_bytes(target, content)
        else:
            write_text(target, content)
        written.append(target)
    return written


@dataclass(frozen=True)
class Stage:
    """A stage: its name, its function, and the stages whose artefacts it needs."""

    name: str
    run: Callable[[Artefacts], StageResult]
    needs: tuple[str, ...]


# in the order a build runs them
STAGES: tuple[Stage, ...] = (
    Stage("load", load, ()),
    Stage("validate", validate, ("load",)),
    Stage("analyse", analyse, ("load",)),
    Stage("export", export, ("load",)),
    Stage("compare", compare, ("load",)),
    # compare only with a previous report (see pipeline.plan)
    Stage("docs", docs, ("load", "validate", "analyse", "export", "compare")),
)
STAGE_NAMES = tuple(stage.name for stage in STAGES)
