"""The build as a pipeline: load → validate → analyse → export → docs, results flowing forward.

With a previous report's data (``previous=``, ``build --previous DIR``) a compare stage runs
before the site: it loads that folder once and hands the comparison to the docs stage.

:func:`run` runs the stages a target needs, in order, on one set of
:class:`~.artefacts.Artefacts`: the graph is loaded once, SHACL runs once, the analysis runs
once, and the docs stage receives all of it typed. The commands ``build``, ``docs``,
``validate``, ``analyse`` and ``export`` are "run the pipeline up to X".

>>> from integrationskonzept.pipeline import plan
>>> plan("analyse")
('load', 'analyse')
>>> plan("build")
('load', 'validate', 'analyse', 'export', 'docs')
>>> plan("build", previous=True)
('load', 'validate', 'analyse', 'export', 'compare', 'docs')

>>> import tempfile
>>> with tempfile.TemporaryDirectory() as out:
...     artefacts, summary = run("validate", out=None)
>>> artefacts.validation["de"].conforms, [stage.name for stage in summary.stages]
(True, ['load', 'validate'])
"""

from __future__ import annotations

import time
from pathlib import Path

from integrationskonzept.errors import InputError, ValidationFailed
from integrationskonzept.pipeline.artefacts import Artefacts, DocsOptions, Progress
from integrationskonzept.pipeline.result import BuildSummary, StageResult
from integrationskonzept.pipeline.stages import STAGE_NAMES, STAGES, Stage, check_docs_available
from integrationskonzept.publish.site.inputs import CommandLineReference

__all__ = [
    "Artefacts",
    "BuildSummary",
    "DocsOptions",
    "StageResult",
    "plan",
    "run",
    "run_build",
]

_BY_NAME = {stage.name: stage for stage in STAGES}


def plan(target: str, *, docs: bool = True, previous: bool = False) -> tuple[str, ...]:
    """The stages that ``target`` needs, in build order (``"build"``: every stage).

    ``docs=False`` leaves the docs stage out of a build; the compare stage is in the plan
    only with ``previous`` (a previous report's data is given) or as the target itself.
    """
    skipped = {"compare"} if not previous and target != "compare" else set()
    if target == "build":
        skipped |= set() if docs else {"docs"}
        return tuple(name for name in STAGE_NAMES if name not in skipped)
    if target not in _BY_NAME:
        raise InputError(f"unknown stage {target!r}; choose one of {', '.join(STAGE_NAMES)}")
    wanted = {target}
    for stage in reversed(STAGES):
        if stage.name in wanted:
            wanted.update(stage.needs)
    return tuple(name for name in STAGE_NAMES if name in wanted and name not in skipped)


def _noop(_: str) -> None:
    return None


def run(
    target: str = "build",
    *,
    data: Path | str | None = None,
    out: Path | str | None = "build",
    previous: Path | str | None = None,
    docs: bool = True,
    docs_options: DocsOptions | None = None,
    reference: CommandLineReference | None = None,
    progress: Progress = _noop,
    fail_on_violation: bool = True,
) -> tuple[Artefacts, BuildSummary]:
    """Run the stages ``target`` needs; return the artefacts and what each stage did.

    ``out=None`` computes without writing files (the site still goes where ``docs_options``
    says). ``previous``: the data folder of a previous report; the build then compares with
    it and the site's Changes page shows what changed. ``reference``: the command line's
    help texts and error examples for the site.
    Raises :class:`~integrationskonzept.errors.ValidationFailed` (after writing the
    validation report) when validation finds a violation, ``fail_on_violation`` is set and a
    later stage would run.
    """
    if previous is not None and not Path(previous).is_dir():
        # before any work, not after a minute of it
        raise InputError("the previous report's data folder does not exist", path=previous)
    artefacts = Artefacts(
        data=None if data is None else Path(data),
        out=None if out is None else Path(out),
        previous=None if previous is None else Path(previous),
        reference=reference or CommandLineReference(),
        docs_options=docs_options or DocsOptions(),
    )
    summary = BuildSummary()
    names = plan(target, docs=docs, previous=previous is not None)
    artefacts.plan = names
    if "docs" in names:
        check_docs_available()  # before any work, not after a minute of it
    for name in names:
        stage: Stage = _BY_NAME[name]
        progress(name)
        started = time.perf_counter()
        result = stage.run(artefacts)
        result.seconds = time.perf_counter() - started
        summary.stages.append(result)
        if result.failed and fail_on_violation and name != names[-1]:
            raise ValidationFailed(
                "\n".join((f"validation failed: {result.summary}", *result.details))
            )
    return artefacts, summary


def run_build(
    data: Path | str | None = None,
    out: Path | str = "build",
    *,
    previous: Path | str | None = None,
    progress: Progress = _noop,
    fail_on_violation: bool = True,
    docs: bool = True,
    reference: CommandLineReference | None = None,
) -> BuildSummary:
    """Every stage on one city's knowledge base, outputs below ``out``; the summary
    (``previous``: compare with a previous report's data folder)."""
    _, summary = run(
        "build",
        data=data,
        out=out,
        previous=previous,
        docs=docs,
        reference=reference,
        progress=progress,
        fail_on_violation=fail_on_violation,
    )
    return summary
