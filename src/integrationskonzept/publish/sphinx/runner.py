"""Run the strict Sphinx build of the site for one or both languages.

German goes to ``OUT/``, English to ``OUT/en/``; the generated sources to
``SOURCES/<lang>/``, the doctrees to ``OUT/../doctrees/<lang>/``. The build is strict:
``-W -n --keep-going`` (every warning and every unresolved reference fails it).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from integrationskonzept.errors import InputError, IntegrationskonzeptError
from integrationskonzept.publish.sphinx.i18n import LANGUAGES


class DocsBuildFailed(IntegrationskonzeptError):
    """The strict docs build reported warnings or errors (exit code 1)."""

    exit_code = 1


@dataclass(frozen=True)
class DocsResult:
    """One language's build: where it went and how long it took."""

    lang: str
    out: Path
    seconds: float


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


def sphinx_args(
    lang: str,
    *,
    conf: Path,
    sources: Path,
    out: Path,
    data: str | None,
    jobs: str,
    fresh: bool = False,
    warnings: Path | None = None,
) -> list[str]:
    """The ``sphinx-build`` arguments of one language's build."""
    args = ["-b", "html", "-W", "-n", "--keep-going", "-q", "-j", str(jobs)]
    if warnings is not None:
        args += ["-w", str(warnings)]
    args += ["-c", str(conf), "-d", str(out.parent / "doctrees" / lang)]
    args += ["-D", f"language={lang}", "-D", f"ik_language={lang}"]
    if data is not None:
        args += ["-D", f"ik_data={Path(data).resolve()}"]
    if fresh:
        args.append("-E")
    return [*args, str(sources / lang), str(output_dir(out, lang))]


def build_docs(
    *,
    data: str | None = None,
    out: Path | str = "docs/_build/html",
    lang: str = "both",
    jobs: str = "1",
    conf: Path | str = "docs",
    sources: Path | str | None = None,
    fresh: bool = False,
    warnings: Path | str | None = None,
) -> list[DocsResult]:
    """Build the site; raise :class:`DocsBuildFailed` if Sphinx reports any warning.

    ``warnings``: a file that receives Sphinx's warnings (``-w``), one per language
    (``<name>.<lang><suffix>``), besides stderr.
    """
    from sphinx.cmd.build import build_main

    conf_dir = Path(conf)
    if not (conf_dir / "conf.py").is_file():
        raise InputError(
            "no Sphinx configuration (conf.py) in this folder",
            path=conf_dir,
            hint="run from the project folder or pass --conf DIR",
        )
    if data is not None and not Path(data).is_dir():
        raise InputError("the data folder does not exist", path=data)
    from integrationskonzept.publish.sphinx.cache import checked_knowledge_base

    # Unusable data fails here, with the file and line or the node and property, and exit 2;
    # the extension then reuses this process's knowledge base.
    checked_knowledge_base(data)
    source_root = Path(sources) if sources is not None else conf_dir / "generated"
    out_dir = Path(out)
    results = []
    for language in languages(lang):
        (source_root / language).mkdir(parents=True, exist_ok=True)
        started = time.perf_counter()
        warning_file = None
        if warnings is not None:
            base = Path(warnings)
            warning_file = base.with_name(f"{base.stem}.{language}{base.suffix}")
        args = sphinx_args(
            language, conf=conf_dir, sources=source_root, out=out_dir, data=data, jobs=jobs,
            fresh=fresh, warnings=warning_file,
        )  # fmt: skip
        status = build_main(args)
        if status != 0:
            # Sphinx saves the environment even when -W fails the build; without it, the
            # next run re-reads every page and reports the warnings again.
            (out_dir.parent / "doctrees" / language / "environment.pickle").unlink(missing_ok=True)
            raise DocsBuildFailed(
                f"the {language} docs build failed (Sphinx exit status {status}); "
                "see the warnings above"
            )
        results.append(
            DocsResult(language, output_dir(out_dir, language), time.perf_counter() - started)
        )
    return results
