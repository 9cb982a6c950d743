"""``integrationskonzept docs``: build the bilingual documentation site with Sphinx."""

from __future__ import annotations

import click

from integrationskonzept.cli._common import data_option, handle_errors


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
    help="Parallel Sphinx processes (a number or 'auto').",
)
@click.option(
    "--conf",
    type=click.Path(file_okay=False),
    default="docs",
    show_default=True,
    help="Folder with the Sphinx conf.py and the hand-written pages.",
)
@click.option(
    "--sources",
    type=click.Path(file_okay=False),
    default=None,
    help="Folder for the generated sources [default: CONF/generated].",
)
@click.option("--fresh", is_flag=True, help="Re-read every page (ignore the saved state).")
@handle_errors
def command(
    data: str | None,
    out: str,
    lang: str,
    jobs: str,
    conf: str,
    sources: str | None,
    fresh: bool,
) -> None:
    """Generate the site from the graph and build it strictly (-W -n --keep-going)."""
    from integrationskonzept.publish.sphinx.runner import build_docs

    results = build_docs(
        data=data, out=out, lang=lang, jobs=jobs, conf=conf, sources=sources, fresh=fresh
    )
    for result in results:
        click.echo(f"{result.lang}: {result.out}/index.html ({result.seconds:.1f} s)")
