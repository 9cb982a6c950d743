"""``integrationskonzept docs``: build the bilingual documentation site with Sphinx."""

from __future__ import annotations

import click

from integrationskonzept.cli._common import data_option, handle_errors, previous_option
from integrationskonzept.errors import InputError


@click.command("docs")
@data_option
@click.option(
    "--out",
    type=click.Path(file_okay=False),
    default="docs/_build/html",
    show_default=True,
    help="HTML output folder (English below en/).",
)
@click.option(
    "--lang",
    type=click.Choice(["de", "en", "both"]),
    default="both",
    show_default=True,
    help="Which language(s) to build.",
)
@click.option(
    "-j",
    "--jobs",
    default="1",
    show_default=True,
    metavar="N",
    help="Sphinx processes per language (a number or 'auto'); the languages run at once.",
)
@click.option(
    "--conf",
    type=click.Path(file_okay=False),
    default=None,
    help="A Sphinx project folder (conf.py, pages/) instead of the packaged one.",
)
@click.option(
    "--sources",
    type=click.Path(file_okay=False),
    default=None,
    help="Folder for the generated sources [default: OUT/../sources].",
)
@click.option("--fresh", is_flag=True, help="Re-read every page (ignore the saved state).")
@previous_option
@handle_errors
def command(
    data: str | None,
    out: str,
    lang: str,
    jobs: str,
    conf: str | None,
    sources: str | None,
    fresh: bool,
    previous: str | None,
) -> None:
    """Generate the site from the graph and build it strictly (-W -n --keep-going).

    Runs the pipeline up to the site: load, validate, analyse, export (in memory), with
    --previous DIR compare, then docs.
    """
    from pathlib import Path

    from integrationskonzept.cli.reference import collect
    from integrationskonzept.pipeline import DocsOptions, run
    from integrationskonzept.publish.sphinx.runner import conf_dir, languages, parse_jobs

    # bad options fail before a minute of work
    languages(lang)
    parse_jobs(jobs)
    conf_dir(conf)
    for folder in (data, previous):
        if folder is not None and not Path(folder).is_dir():
            raise InputError("the data folder does not exist", path=folder)
    root = click.get_current_context().find_root().command
    assert isinstance(root, click.Group)
    options = DocsOptions(
        out=Path(out),
        lang=lang,
        jobs=jobs,
        conf=None if conf is None else Path(conf),
        sources=None if sources is None else Path(sources),
        fresh=fresh,
    )
    artefacts, _ = run(
        "docs",
        data=data,
        out=None,
        previous=previous,
        docs_options=options,
        reference=collect(root),
        fail_on_violation=False,
    )
    for result in artefacts.docs or []:
        click.echo(f"{result.lang}: {result.out}/index.html ({result.seconds:.1f} s)")
