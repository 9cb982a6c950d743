"""The builds as whole processes: ``integrationskonzept build`` and the docs builds.

The docs builds run clean, incremental (after adding one triple to the first city's Turtle
file, see :data:`EDITED_SUBJECT`), clean with ``-j 2``, and clean with Sphinx's default
theme alabaster (the bare baseline of the same pages).
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import generate
import settings
from measure import Measurement, Results, run_whole_process
from settings import HERE, ROOT
from stages import _cli, _cli_help

EDITED_SUBJECT = "measure/fit-in-deutsch"
"""The incremental docs build adds an ``skos:altLabel`` to this resource of the first city."""


def _editor(data: Path) -> tuple[Callable[[int], None], Callable[[], None]]:
    """Edit the first city's Turtle file before each run (one more triple), and undo it."""
    target = data / generate.city_name(1) / f"{generate.city_name(1)}.ttl"
    original = target.read_bytes()
    subject = generate.city_base(generate.city_name(1)) + EDITED_SUBJECT

    def edit(run: int) -> None:
        line = (
            f"\n<{subject}> <http://www.w3.org/2004/02/skos/core#altLabel> "
            f'"Benchmark-Änderung {run + 1}"@de .\n'
        )
        target.write_bytes(original + line.encode("utf-8"))

    def restore() -> None:
        target.write_bytes(original)

    return edit, restore


def bench_build(results: Results, size: int, data: Path, repetitions: int) -> None:
    """``integrationskonzept build`` from scratch and after one edit (run in the project
    folder, which its docs stage needs)."""
    if _cli_help("build") is None:
        reason = "stage not available: no build command"
        for name in ("cli-build", "cli-build-incremental"):
            results.put(name, size, Measurement(status="unavailable", reason=reason))
        return
    out = settings.WORK / f"build-{size:03d}"
    command = [*_cli(), "build", "--data", str(data), "--out", str(out)]

    def clean(_: int) -> None:
        shutil.rmtree(out, ignore_errors=True)

    found = run_whole_process(
        results, "cli-build", size, command, repetitions=repetitions, before_each=clean,
        cwd=ROOT,
    )  # fmt: skip
    if found.status != "ok":
        reason = "needs a finished clean build"
        results.put("cli-build-incremental", size, Measurement(status="skipped", reason=reason))
        clean(0)
        return
    edit, restore = _editor(data)
    try:
        # start from the finished clean build of the last run above
        found = run_whole_process(
            results, "cli-build-incremental", size, command, repetitions=repetitions,
            before_each=edit, cwd=ROOT,
        )  # fmt: skip
        found.info["edit"] = f"adds one skos:altLabel to {EDITED_SUBJECT} before each run"
    finally:
        restore()
        clean(0)


ALABASTER_CONF = """\
\"\"\"The project's Sphinx configuration with Sphinx's default theme (benchmark baseline).

Written by benchmarks/run.py. Same extension, same generated pages, same strict build; only
the theme and its furo-specific sidebars and options are replaced by alabaster's defaults.
\"\"\"

import runpy

globals().update(
    {{k: v for k, v in runpy.run_path({conf!r}).items() if not k.startswith("__")}}
)
html_theme = "alabaster"
html_sidebars = {{}}
html_theme_options = {{}}
if html_favicon and not html_favicon.startswith("/"):  # noqa: F821 (from the project's conf)
    html_favicon = {folder!r} + "/" + html_favicon  # noqa: F821
"""


def _theme_override(help_text: str, conf: Path) -> tuple[list[str] | None, str]:
    """Arguments of the docs command that build the same pages with alabaster, and how.

    The generated pages need the project's Sphinx extension, so the baseline is the same
    build with only the theme changed: through ``-D html_theme=alabaster`` if the command
    passes config overrides on, else through a configuration folder whose ``conf.py`` runs
    the project's and then switches the theme (``--conf``).
    """
    if re.search(r"(^|\s)-D[,\s]|--define\b", help_text):
        return ["-D", "html_theme=alabaster"], "-D html_theme=alabaster"
    if "--conf" in help_text and (conf / "conf.py").is_file():
        folder = settings.WORK / "alabaster-conf"
        folder.mkdir(parents=True, exist_ok=True)
        text = ALABASTER_CONF.format(
            conf=str((conf / "conf.py").resolve()), folder=str(conf.resolve())
        )
        (folder / "conf.py").write_text(text, encoding="utf-8")
        return ["--conf", str(folder)], (
            "--conf with a conf.py that runs the project's conf.py, then sets html_theme = "
            "'alabaster' and resets html_sidebars and html_theme_options (the docs command "
            "has no -D override)"
        )
    return None, (
        "not measured: the docs command has neither a config override (-D) nor --conf, and "
        "its pages need the project's extension, so a bare build of the same pages cannot "
        "be made from outside"
    )


DOCS_CONF = HERE.parent / "src" / "integrationskonzept" / "publish" / "sphinx" / "project"
"""The project's Sphinx configuration folder (``conf.py`` and the hand-written pages)."""


def bench_docs(results: Results, size: int, data: Path, repetitions: int) -> None:
    """The docs builds at one size: clean, incremental, clean -j 2, and the bare theme.

    Every build is the strict one of ``integrationskonzept docs`` (both languages); one that
    fails (exit code 1: Sphinx reported a warning) is recorded as an error. The incremental
    build starts from the finished build of the last clean run. At more than one city only
    the clean builds run (see :data:`settings.ONE_CITY_ONLY`).
    """
    names = ("docs-clean", "docs-incremental", "docs-clean-j2", "docs-clean-alabaster")
    help_text = _cli_help("docs")
    if help_text is None:
        for name in names:
            reason = "stage not available: no docs command (integrationskonzept docs)"
            results.put(name, size, Measurement(status="unavailable", reason=reason))
        return
    root = settings.WORK / f"docs-{size:03d}"
    command = [*_cli(), "docs", "--data", str(data), "--out", str(root / "html")]
    command += ["--sources", str(root / "src")]
    if "--conf" in help_text:
        command += ["--conf", str(DOCS_CONF)]

    def clean(_: int) -> None:
        shutil.rmtree(root, ignore_errors=True)

    def docs_run(name: str, args: list[str], before: Callable[[int], None]) -> Measurement:
        return run_whole_process(
            results, name, size, args, repetitions=repetitions, before_each=before, cwd=ROOT
        )

    found = docs_run("docs-clean", command, clean)
    if size == 1 and found.status != "ok":
        reason = "needs a finished clean build"
        results.put("docs-incremental", size, Measurement(status="skipped", reason=reason))
    elif size == 1:
        edit, restore = _editor(data)
        try:
            found = docs_run("docs-incremental", command, edit)
            found.info["edit"] = f"adds one skos:altLabel to {EDITED_SUBJECT} before each run"
        finally:
            restore()
    if size == 1:
        docs_run("docs-clean-j2", [*command, "-j", "2"], clean)
    override, how = _theme_override(help_text, DOCS_CONF)
    if override is None:
        results.put("docs-clean-alabaster", size, Measurement(status="unavailable", reason=how))
    else:
        bare = [a for a in command if a not in ("--conf", str(DOCS_CONF))]
        found = docs_run("docs-clean-alabaster", [*bare, *override], clean)
        found.info["override"] = how
    clean(0)
