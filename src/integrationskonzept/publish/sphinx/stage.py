"""The docs stage of ``integrationskonzept build``: the site below ``OUT/site/``.

It needs the Sphinx configuration folder ``docs/`` of a project checkout (with ``conf.py``
and the hand-written pages) in the working folder; without it, or without Sphinx, the stage
is skipped with a note instead of failing the build.
"""

from __future__ import annotations

from pathlib import Path

from integrationskonzept.build import StageResult

CONF = Path("docs")


def docs_stage(data: Path | str | None, out_dir: Path) -> StageResult:
    """Build both languages strictly; return what was written."""
    if not (CONF / "conf.py").is_file():
        return StageResult("docs", f"skipped: no {CONF}/conf.py in the working folder")
    try:
        import sphinx  # noqa: F401
    except ImportError:
        return StageResult("docs", "skipped: Sphinx is not installed (pip install '.[docs]')")
    from integrationskonzept.publish.sphinx.runner import build_docs

    site = out_dir / "site"
    results = build_docs(
        data=None if data is None else str(data),
        out=site / "html",
        conf=CONF,
        sources=site / "sources",
    )
    outputs = [result.out / "index.html" for result in results]
    languages = ", ".join(result.lang for result in results)
    return StageResult("docs", f"site in {languages} at {site / 'html'}", outputs)
