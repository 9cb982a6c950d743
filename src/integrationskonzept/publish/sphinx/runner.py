"""Run the strict Sphinx build of the site, each language in its own process, concurrently.

German goes to ``OUT/``, English to ``OUT/en/``; the generated sources to
``SOURCES/<lang>/``, the doctrees to ``OUT/../doctrees/<lang>/``. The build is strict, as
``sphinx-build -W -n --keep-going``: every warning and every unresolved reference fails it.

The typed :class:`~integrationskonzept.publish.site.inputs.SiteInputs` reach Sphinx as the
config value ``ik_inputs``. Each language runs in a forked child process, which inherits the
inputs without copying or pickling them, so two languages use two cores.

The Sphinx configuration and the hand-written pages ship inside the package
(:func:`integrationskonzept.resources.site_conf_dir`); ``conf`` overrides them.
"""

from __future__ import annotations

import dataclasses
import multiprocessing
import os
import shutil
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from sphinx.application import Sphinx
from sphinx.errors import SphinxError
from sphinx.util.docutils import docutils_namespace, patch_docutils

from integrationskonzept import resources
from integrationskonzept.errors import DocsBuildFailed, InputError, IntegrationskonzeptError
from integrationskonzept.publish.site.i18n import LANGUAGES
from integrationskonzept.publish.site.inputs import SiteInputs
from integrationskonzept.publish.site.result import DocsResult


@dataclass(frozen=True)
class LanguageBuild:
    """Where one language's build reads and writes, and how."""

    lang: str
    conf: Path
    sources: Path
    out: Path
    jobs: int
    fresh: bool = False
    warnings: Path | None = None

    @property
    def html(self) -> Path:
        """Where the language's HTML goes: German at the root, English below ``en/``."""
        return output_dir(self.out, self.lang)

    @property
    def doctrees(self) -> Path:
        """The language's saved Sphinx environment and doctrees."""
        return self.out.parent / "doctrees" / self.lang


def languages(choice: str) -> tuple[str, ...]:
    """``"both"`` → ``("de", "en")``; a single language → itself.

    >>> languages("both")
    ('de', 'en')
    """
    if choice == "both":
        return LANGUAGES
    if choice not in LANGUAGES:
        raise InputError(f"unknown language {choice!r}; choose de, en or both")
    return (choice,)


def output_dir(out: Path, lang: str) -> Path:
    """Where a language's HTML goes: German at the root, English below ``en/``."""
    return out if lang == "de" else out / lang


def parse_jobs(jobs: str | int) -> int:
    """``"auto"`` → the number of cores; a positive number → itself.

    >>> parse_jobs("3"), parse_jobs(1)
    (3, 1)
    """
    if jobs == "auto":
        return os.cpu_count() or 1
    try:
        number = int(jobs)
    except ValueError:
        number = 0
    if number < 1:
        raise InputError(f"--jobs must be a positive number or 'auto', not {jobs!r}")
    return number


def conf_dir(conf: Path | str | None) -> Path:
    """The Sphinx configuration folder: ``conf`` if given (it must hold conf.py), else the
    one shipped in the package."""
    folder = resources.site_conf_dir() if conf is None else Path(conf)
    if not (folder / "conf.py").is_file():
        raise InputError(
            "no Sphinx configuration (conf.py) in this folder",
            path=folder,
            hint="pass --conf DIR with a conf.py, or leave --conf out to use the packaged one",
        )
    return folder


def _sphinx(spec: LanguageBuild, inputs: SiteInputs, warning: IO[str]) -> Sphinx:
    overrides = {
        "language": spec.lang,
        "ik_language": spec.lang,
        "nitpicky": True,
        # a function: Sphinx leaves functions out of its pickled environment
        "ik_inputs": lambda: inputs,
    }
    return Sphinx(
        spec.sources / spec.lang,
        spec.conf,
        spec.html,
        spec.doctrees,
        "html",
        confoverrides=overrides,
        status=None,
        warning=warning,
        freshenv=spec.fresh,
        warningiserror=True,
        parallel=spec.jobs,
        keep_going=True,
    )


class _Tee:
    """Sphinx's warnings to stderr and, if asked, to a file too."""

    def __init__(self, *streams: IO[str]) -> None:
        self.streams = streams

    def write(self, text: str) -> int:
        for stream in self.streams:
            stream.write(text)
        return len(text)

    def flush(self) -> None:
        for stream in self.streams:
            stream.flush()


# left in a language's doctree folder while its build runs: found at the start of the next
# build, it says the last one was killed midway
IN_PROGRESS = "ik-build-in-progress"


def _interrupted(spec: LanguageBuild) -> bool:
    """Whether the last build of this language stopped midway; then start from scratch.

    A build killed while writing leaves a saved environment that no longer matches the HTML
    (a half-written search index: "search index couldn't be loaded", a failure under -W).
    """
    if not (spec.doctrees / IN_PROGRESS).exists():
        return False
    shutil.rmtree(spec.doctrees, ignore_errors=True)
    (spec.html / "searchindex.js").unlink(missing_ok=True)
    return True


def build_language(spec: LanguageBuild, inputs: SiteInputs) -> int:
    """Build one language in this process; return Sphinx's exit status (0: no warning)."""
    (spec.sources / spec.lang).mkdir(parents=True, exist_ok=True)
    if _interrupted(spec):
        spec = dataclasses.replace(spec, fresh=True)
    spec.doctrees.mkdir(parents=True, exist_ok=True)
    marker = spec.doctrees / IN_PROGRESS
    marker.touch()
    target = Path(os.devnull) if spec.warnings is None else spec.warnings
    with target.open("w", encoding="utf-8") as file:
        warning = _Tee(sys.stderr, file)
        try:
            # as sphinx-build does: docutils' registries restored after each app, so that a
            # second build in this process does not find every directive registered twice
            with patch_docutils(spec.conf), docutils_namespace():
                app = _sphinx(spec, inputs, warning)  # type: ignore[arg-type]
                app.build(force_all=False)
                status = app.statuscode
        except (IntegrationskonzeptError, SphinxError) as error:
            # an extension's error arrives wrapped: report the project's own message
            cause = getattr(error, "orig_exc", None) or error
            print(f"error: {cause}", file=sys.stderr)
            status = cause.exit_code if isinstance(cause, IntegrationskonzeptError) else 2
    if status != 0:
        # Sphinx saves the environment even when -W fails the build; without it, the next
        # run re-reads every page and reports the warnings again.
        (spec.doctrees / "environment.pickle").unlink(missing_ok=True)
    marker.unlink(missing_ok=True)
    return status


def _child(spec: LanguageBuild, inputs: SiteInputs) -> None:
    sys.stdout.flush()
    os._exit(build_language(spec, inputs))


def _run_in_children(
    specs: list[LanguageBuild], inputs: SiteInputs, concurrent: bool
) -> dict[str, int]:
    """Each language's build in a forked child: all at once, or one after the other.

    A child inherits the inputs (graph, model, reports) as they are in memory, without
    pickling. And Sphinx's state stays in it: Sphinx translates some labels once per process,
    so a German build after an English one in the same process would keep English labels.
    """
    context = multiprocessing.get_context("fork")
    statuses = {}
    waves = [specs] if concurrent else [[spec] for spec in specs]
    for wave in waves:
        children = {spec.lang: context.Process(target=_child, args=(spec, inputs)) for spec in wave}
        for child in children.values():
            child.start()
        for lang, child in children.items():
            child.join()
            statuses[lang] = child.exitcode if child.exitcode is not None else 1
    return statuses


def build_docs(
    inputs: SiteInputs,
    *,
    out: Path | str = "docs/_build/html",
    lang: str = "both",
    jobs: str | int = 1,
    conf: Path | str | None = None,
    sources: Path | str | None = None,
    fresh: bool = False,
    warnings: Path | str | None = None,
    concurrent: bool = True,
) -> list[DocsResult]:
    """Build the site from ``inputs``; raise :class:`DocsBuildFailed` on any Sphinx warning.

    ``warnings``: a file that receives Sphinx's warnings, one per language
    (``<name>.<lang><suffix>``), besides stderr. Each language is built in a child process;
    ``concurrent``: all languages at once (else one after the other).
    """
    conf_folder = conf_dir(conf)
    out_dir = Path(out)
    source_root = Path(sources) if sources is not None else out_dir.parent / "sources"
    specs = []
    for language in languages(lang):
        warning_file = None
        if warnings is not None:
            base = Path(warnings)
            warning_file = base.with_name(f"{base.stem}.{language}{base.suffix}")
        specs.append(
            LanguageBuild(
                language, conf_folder, source_root, out_dir, parse_jobs(jobs), fresh, warning_file
            )
        )
    started = time.perf_counter()
    statuses = _run_in_children(specs, inputs, concurrent)
    seconds = time.perf_counter() - started
    failed = [f"{lang} (status {status})" for lang, status in statuses.items() if status != 0]
    if failed:
        raise DocsBuildFailed(
            f"the docs build failed for {', '.join(failed)}; see the warnings above"
        )
    return [DocsResult(spec.lang, spec.html, seconds) for spec in specs]
